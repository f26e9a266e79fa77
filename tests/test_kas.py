"""The kas RT: running balance, period summary (Jakarta form) and checks, on hand-worked cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.exceptions import RtplanError
from rtplan.kas import (
    KasSettings,
    activity_spending,
    book,
    kas_summary,
    mask_private,
    preview_entry,
    summarize,
)
from rtplan.render.kas import kas_html
from rtplan.schema import TABLES
from rtplan.views.kas import form_view

D = dt.date


def form_table(summary: object) -> pd.DataFrame:
    """The report form as people read it: one text cell per column key."""
    view = form_view(summary)  # type: ignore[arg-type]
    return pd.DataFrame(view.cells(), columns=["no", "kegiatan", "jumlah", "keterangan"])


def ledger(*rows: tuple) -> pd.DataFrame:  # type: ignore[type-arg]
    """Rows: (entry_id, date, description, income, expense, activity_id, category, proof)."""
    columns = TABLES["ledger"].column_names
    frame = pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({c.name: c.dtype for c in TABLES["ledger"].columns})


def activities(*rows: tuple[str, str]) -> pd.DataFrame:
    frame = TABLES["activities"].empty()
    return pd.concat([frame, pd.DataFrame([{"activity_id": a, "title": b} for a, b in rows])], ignore_index=True)


# January: dues, spending on A1 and a refund; February: nothing at all; March: dues and a
# correction; April (after the period): one expense. Worked by hand:
#   balance  K1 1.000.000  K2 1.300.000  K3 850.000  K4 870.000  K5 1.120.000  K6 1.115.000  K7 1.015.000
QUARTER = ledger(
    ("K1", "2026-12-31", "Saldo awal kas", 1_000_000, 0, "", "saldo awal", "buku lama"),
    ("K2", "2027-01-05", "Iuran Januari", 300_000, 0, "", "iuran", ""),
    ("K3", "2027-01-10", "Bahan pelatihan", 0, 450_000, "A1", "kegiatan", "nota 1"),
    ("K4", "2027-01-12", "Pengembalian satu barang rusak", 20_000, 0, "A1", "koreksi", "nota retur 7"),
    ("K5", "2027-03-03", "Iuran Maret", 250_000, 0, "", "iuran", ""),
    ("K6", "2027-03-20", "Koreksi: iuran tercatat dua kali", 0, 5_000, "", "koreksi", "catatan bendahara"),
    ("K7", "2027-04-02", "Konsumsi rapat", 0, 100_000, "", "operasional", "nota 9"),
)
ACTS = activities(("A1", "Pelatihan menjahit"))


def quarter(**kw: object):  # type: ignore[no-untyped-def]
    return summarize(QUARTER, D(2027, 1, 1), D(2027, 3, 31), activities=ACTS, **kw)  # type: ignore[arg-type]


def test_running_balance_follows_the_book_in_date_order() -> None:
    shuffled = QUARTER.iloc[[3, 0, 6, 1, 5, 2, 4]].reset_index(drop=True)
    result = book(shuffled)
    assert list(result["entry_id"]) == ["K1", "K2", "K3", "K4", "K5", "K6", "K7"]
    assert list(result["balance_idr"]) == [1_000_000, 1_300_000, 850_000, 870_000, 1_120_000, 1_115_000, 1_015_000]


def test_entries_of_one_day_keep_the_order_they_were_written_in() -> None:
    same_day = ledger(("B", "2027-01-05", "keluar", 0, 50_000, "", "operasional", "nota"),
                      ("A", "2027-01-05", "masuk", 80_000, 0, "", "iuran", ""))
    assert list(book(same_day)["entry_id"]) == ["B", "A"]
    assert list(book(same_day)["balance_idr"]) == [-50_000, 30_000]


def test_period_summary_on_a_hand_worked_quarter() -> None:
    s = quarter()
    assert (s.opening_balance_idr, s.income_idr, s.expense_idr, s.closing_balance_idr) == (
        1_000_000, 570_000, 455_000, 1_115_000)
    # refunds and corrections are ordinary lines: the totals are the book's own columns
    assert s.income_idr == 300_000 + 20_000 + 250_000
    assert s.expense_idr == 450_000 + 5_000


def test_month_without_entries_keeps_its_balance() -> None:
    months = quarter().months
    assert [m.strftime("%Y-%m") for m in months["month"]] == ["2027-01", "2027-02", "2027-03"]
    assert months.iloc[0].tolist()[1:] == [1_000_000, 320_000, 450_000, 870_000]
    assert months.iloc[1].tolist()[1:] == [870_000, 0, 0, 870_000]
    assert months.iloc[2].tolist()[1:] == [870_000, 250_000, 5_000, 1_115_000]


def test_period_with_no_entries_at_all_has_equal_opening_and_closing() -> None:
    s = summarize(QUARTER, D(2027, 2, 1), D(2027, 2, 28), activities=ACTS)
    assert (s.opening_balance_idr, s.income_idr, s.expense_idr, s.closing_balance_idr) == (870_000, 0, 0, 870_000)
    assert s.lines.empty
    form = form_table(s)
    assert list(form["kegiatan"]).count("(tidak ada)") == 2
    assert form.iloc[-1]["jumlah"] == "Rp 870.000"


def test_line_items_group_by_activity_and_category() -> None:
    s = quarter()
    income, expense = s.section("income"), s.section("expense")
    assert income[["no", "kegiatan", "jumlah_idr", "keterangan"]].values.tolist() == [
        [1, "Iuran kas warga (2 catatan)", 550_000, "K2, K5"],
        [2, "Koreksi/pengembalian: Pelatihan menjahit", 20_000, "K4 (nota retur 7)"],
    ]
    assert expense[["no", "kegiatan", "jumlah_idr", "keterangan"]].values.tolist() == [
        [1, "Pelatihan menjahit", 450_000, "K3 (nota 1)"],
        [2, "Koreksi: iuran tercatat dua kali", 5_000, "K6 (catatan bendahara)"],
    ]
    assert income["entry_ids"].tolist() == [("K2", "K5"), ("K4",)]


def test_detail_lists_every_entry_with_the_same_totals() -> None:
    s = quarter(group=False)
    assert s.section("income")["entry_ids"].tolist() == [("K2",), ("K4",), ("K5",)]
    assert s.lines["jumlah_idr"].sum() == s.income_idr + s.expense_idr


def test_opening_balance_entry_at_the_start_of_the_period_is_carried_not_income() -> None:
    s = summarize(QUARTER, D(2026, 12, 31), D(2027, 1, 31))
    assert s.opening_balance_idr == 1_000_000 and s.opening_entry_ids == ("K1",)
    assert s.income_idr == 320_000 and "K1" not in sum(s.lines["entry_ids"], ())
    assert s.closing_balance_idr == 870_000


def test_refund_lowers_the_cash_spent_on_its_activity() -> None:
    assert activity_spending(QUARTER).to_dict() == {"A1": 430_000}
    donation = ledger(("D", "2027-01-01", "Dana CSR", 900_000, 0, "A1", "donasi", "surat"),
                      ("E", "2027-01-02", "Kain", 0, 300_000, "A1", "kegiatan", "nota"))
    assert activity_spending(donation).to_dict() == {"A1": 300_000}  # a donation is not a refund


def test_form_has_the_four_rows_of_the_jakarta_form() -> None:
    form = form_table(quarter())
    assert list(form.columns) == ["no", "kegiatan", "jumlah", "keterangan"]
    rows = {r.no: r for r in form.itertuples() if r.no in ("I", "II", "III", "IV")}
    assert rows["I"].kegiatan == "Saldo awal (per 1 Januari 2027)" and rows["I"].jumlah == "Rp 1.000.000"
    assert rows["II"].kegiatan == "Penerimaan" and rows["III"].kegiatan == "Pengeluaran"
    assert rows["IV"].kegiatan == "Saldo akhir (per 31 Maret 2027)" and rows["IV"].jumlah == "Rp 1.115.000"
    totals = dict(zip(form["kegiatan"], form["jumlah"]))
    assert totals["Jumlah penerimaan"] == "Rp 570.000" and totals["Jumlah pengeluaran"] == "Rp 455.000"


def test_form_in_english() -> None:
    form = form_table(quarter(lang="en"))
    texts = list(form["kegiatan"])
    assert texts[0] == "Opening balance (as of January 1, 2027)" and "Total income" in texts
    assert "Residents' dues (2 entries)" in texts
    assert form.iloc[-1]["jumlah"] == "Rp 1,115,000"


def test_end_before_start_is_refused_with_a_clear_message() -> None:
    with pytest.raises(RtplanError, match="akhir 2027-01-01 sebelum awal 2027-03-01"):
        summarize(QUARTER, D(2027, 3, 1), D(2027, 1, 1))


# -- checks ------------------------------------------------------------------------
def rules(s) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.rule for c in s.checks]


def test_negative_balance_is_a_warning_naming_where_and_how_low() -> None:
    book_ = ledger(("K1", "2027-01-02", "Iuran", 100_000, 0, "", "iuran", ""),
                   ("K2", "2027-01-03", "Sewa tenda", 0, 150_000, "", "kegiatan", "nota 3"),
                   ("K3", "2027-01-04", "Beli air", 0, 20_000, "", "kegiatan", "nota 4"),
                   ("K4", "2027-01-09", "Iuran susulan", 200_000, 0, "", "iuran", ""))
    s = summarize(book_, D(2027, 1, 1), D(2027, 1, 31))
    (neg,) = [c for c in s.checks if c.rule == "negative_balance"]
    assert neg.level == "warning" and neg.entry_ids == ("K2", "K3")
    assert neg.message.startswith("Saldo kas minus mulai K2 (3 Januari 2027), terendah -Rp 70.000; "
                                  "kembali positif pada K4 (9 Januari 2027).")
    assert "allow_negative = true" in neg.message and "pinjaman" in neg.message
    allowed = summarize(book_, D(2027, 1, 1), D(2027, 1, 31), allow_negative=True)
    (note,) = [c for c in allowed.checks if c.rule == "negative_balance"]
    assert note.level == "info" and not allowed.warnings


def test_balance_still_negative_at_the_end_says_so() -> None:
    book_ = ledger(("K1", "2027-01-03", "Sewa tenda", 0, 150_000, "", "kegiatan", "nota"))
    (neg,) = summarize(book_, D(2027, 1, 1), D(2027, 1, 31)).checks
    assert "masih minus di akhir buku" in neg.message


def test_allow_negative_is_read_from_plan_toml_with_a_default() -> None:
    assert KasSettings.from_meta({}).allow_negative is False
    assert KasSettings.from_meta({"kas": {"allow_negative": True}}).allow_negative is True
    assert KasSettings.from_meta({"kas": {"allow_negative": "false"}}).allow_negative is False


def test_entries_outside_the_plan_period_are_pointed_out() -> None:
    s = quarter(plan_period=(D(2027, 1, 1), D(2027, 3, 31)))
    before = next(c for c in s.checks if c.rule == "before_period")
    after = next(c for c in s.checks if c.rule == "after_period")
    assert before.level == "info" and before.entry_ids == ("K1",)
    assert "masuk saldo awal" in before.message
    assert after.level == "warning" and after.entry_ids == ("K7",)
    assert after.message.startswith("1 catatan setelah akhir periode rencana 31 Maret 2027 (K7)")


def test_expense_without_description_or_proof_is_a_warning() -> None:
    book_ = ledger(("K1", "2027-01-02", "Iuran", 500_000, 0, "", "iuran", ""),
                   ("K2", "2027-01-03", "-", 0, 40_000, "", "operasional", "nota 5"),
                   ("K3", "2027-01-04", "Beli kopi ronda", 0, 25_000, "A1", "kegiatan", ""),
                   ("K4", "2027-01-05", "Beli gula", 0, 15_000, "A1", "kegiatan", "-"))
    s = summarize(book_, D(2027, 1, 1), D(2027, 1, 31))
    assert rules(s) == ["expense_no_description", "expense_no_proof", "expense_no_proof"]
    assert s.checks[0].message == ("K2 (3 Januari 2027): pengeluaran Rp 40.000 tanpa uraian. "
                                   "Tulis untuk apa uang itu dipakai.")
    assert s.checks[1].message.startswith("K3 (4 Januari 2027): pengeluaran Rp 25.000 \u201cBeli kopi ronda\u201d "
                                          "tanpa bukti.")
    assert [c.entry_ids for c in s.checks[1:]] == [("K3",), ("K4",)]
    # income without a proof reference is normal (dues collected door to door)
    assert not any("K1" in c.entry_ids for c in s.checks)


def test_opening_balance_entry_after_other_entries_is_a_warning() -> None:
    book_ = ledger(("K1", "2027-01-02", "Iuran", 500_000, 0, "", "iuran", ""),
                   ("K2", "2027-01-03", "Saldo awal", 800_000, 0, "", "saldo awal", "buku lama"))
    s = summarize(book_, D(2027, 1, 1), D(2027, 1, 31))
    assert rules(s) == ["opening_not_first"]
    assert "dihitung dua kali" in s.checks[0].message or "terhitung dua kali" in s.checks[0].message
    assert s.income_idr == 1_300_000  # not carried: something came before it


def test_clean_book_has_no_checks() -> None:
    assert quarter().checks == ()
    assert "tidak ada catatan" in kas_html(quarter())


def test_phone_numbers_never_reach_the_report() -> None:
    book_ = ledger(("K1", "2027-01-02", "Transfer dari Pak Budi 0812-3456-7890", 500_000, 0, "", "donasi", ""),
                   ("K2", "2027-01-03", "Bayar tukang (hub. +62 813 1111 2222)", 0, 100_000, "", "kegiatan",
                    "wa 081299998888"))
    s = summarize(book_, D(2027, 1, 1), D(2027, 1, 31))
    text = kas_html(s, with_book=True)
    for digits in ("0812", "3456", "7890", "1111", "2222", "9999"):
        assert digits not in text
    assert "Transfer dari Pak Budi […]" in text
    assert mask_private("Kain 2 meter Rp 50.000") == "Kain 2 meter Rp 50.000"


def test_preview_shows_the_balance_a_new_entry_would_give() -> None:
    found = preview_entry(QUARTER, {"entry_id": "K8", "date": "2027-01-11", "description": "Beli benang",
                                    "income_idr": 0, "expense_idr": 900_000, "proof": ""})
    # after K3 (850.000) minus 900.000; then the refund K4 and the rest follow
    assert found.balance_after_entry_idr == -50_000
    assert found.closing_balance_idr == 1_015_000 - 900_000
    assert {c.rule for c in found.checks} == {"negative_balance", "expense_no_proof"}
    edited = preview_entry(QUARTER, {"entry_id": "K3", "date": "2027-01-10", "description": "Bahan pelatihan",
                                     "income_idr": 0, "expense_idr": 400_000, "proof": "nota 1"}, replace_id="K3")
    assert edited.balance_after_entry_idr == 900_000 and edited.checks == ()


def test_summary_of_the_main_example_over_the_plan_period(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    s = kas_summary(plan)
    assert (s.start, s.end) == (D(2026, 12, 1), D(2027, 5, 31))
    # nine entries from September to November make the opening balance (worked by hand)
    assert s.opening_balance_idr == (2_850_000 + 520_000 - 85_000 - 300_000 + 550_000 - 150_000 + 540_000
                                     - 45_000 - 420_000)
    assert (s.opening_balance_idr, s.income_idr, s.expense_idr, s.closing_balance_idr) == (
        3_460_000, 5_615_000, 5_735_000, 3_340_000)
    assert s.months["closing_idr"].tolist() == [3_250_000, 3_340_000, 3_340_000, 3_340_000, 3_340_000, 3_340_000]
    assert not s.warnings


def test_to_dict_carries_the_form_and_the_lines(example_dir: Path) -> None:
    data = kas_summary(storage.load_plan(example_dir), D(2027, 1, 1), D(2027, 1, 31)).to_dict()
    assert data["opening_balance_idr"] + data["income_idr"] - data["expense_idr"] == data["closing_balance_idr"]
    assert data["period"] == {"start": "2027-01-01", "end": "2027-01-31"}
    assert sum(line["jumlah_idr"] for line in data["lines"] if line["section"] == "expense") == data["expense_idr"]
    assert {"section", "no", "kegiatan", "jumlah_idr", "keterangan", "entry_ids", "activity_id",
            "category"} <= set(data["lines"][0])
