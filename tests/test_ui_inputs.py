"""Money and date fields read what people type (issue 14, item 1), driven headless.

Through the real cash-book panel (a :class:`~rtplan.ui.base.TableEditor` on ``ledger``)
and the session form of step 4: every Rupiah form saves the same integer on disk,
garbage is refused with one message naming the field and nothing changes on disk,
and a date typed ``17/08/2027`` or ``17 Agustus 2027`` saves ``2027-08-17``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import opened

from rtplan.ui.inputs import DateInput, MoneyInput, read_date, read_money
from rtplan.ui.monitoring import step4

RUPIAH_FORMS = ("50000", "50.000", "Rp 50.000", "Rp50.000,00", "50rb", "50 ribu")
MILLION_FORMS = ("1,5 jt", "1.5jt")

def _bytes(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def _ledger_row(folder: Path, entry: str) -> pd.Series:
    ledger = pd.read_csv(folder / "ledger.csv", dtype=str, keep_default_na=False)
    match = ledger[ledger["entry_id"] == entry]
    assert len(match) == 1, ledger.tail()
    return match.iloc[0]


def _new_expense(tab, amount: str, date: str = "30/01/2027"):  # type: ignore[no-untyped-def]
    editor = opened(tab, "kas").editor
    editor.new_button.click()
    assert editor.fields["entry_id"].value == "K030"
    editor.fields["date"].text.value = date
    editor.fields["description"].value = "Benang dan jarum tahap 3"
    editor.fields["expense_idr"].text.value = amount
    editor.fields["category"].value = "kegiatan"
    editor.fields["activity_id"].value = "A01"
    editor.fields["proof"].value = "nota 41"
    return editor


# -- the pure helpers ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "amount"), [*((f, 50_000) for f in RUPIAH_FORMS),
                                              *((f, 1_500_000) for f in MILLION_FORMS)])
def test_read_money_reads_and_shows_every_form(text: str, amount: int) -> None:
    reading = read_money(text)
    assert (reading.value, reading.error) == (amount, None)
    assert reading.shown == ("Rp 50.000" if amount == 50_000 else "Rp 1.500.000")


def test_read_money_refuses_garbage_and_leaves_blank_empty() -> None:
    bad = read_money("5O000")
    assert bad.value is None
    assert bad.error is not None
    assert "'5O000'" in bad.error
    assert read_money("  ") == read_money("")
    assert read_money("").value is None
    assert read_money("").error is None
    assert read_money("").shown == ""
    assert read_money("50rb", "en").shown == "Rp 50,000"


def test_read_date_day_first_and_month_names() -> None:
    for text in ("17/08/2027", "17 Agustus 2027", "17 agustus 2027", "2027-08-17"):
        assert read_date(text).value == dt.date(2027, 8, 17), text
    assert read_date("17/08/2027").shown == "Selasa, 17 Agustus 2027"
    assert read_date("17 August 2027", "en").shown == "Tuesday, August 17, 2027"
    assert read_date("31/02/2027").error is not None
    assert read_date("31/02/2027").value is None


def test_date_field_shows_a_date_day_first_and_reads_typing() -> None:
    field = DateInput("Tanggal", "en")
    field.value = dt.date(2027, 8, 17)
    assert field.text.value == "17/08/2027"  # day first, whatever the language
    field.text.value = "1 Sept"  # half typed: no value, said below the field
    assert field.value is None
    assert field.error is not None
    assert "✘" in field.echo.value
    field.text.value = "1 September 2027"
    assert field.value == dt.date(2027, 9, 1)
    assert field.error is None
    assert field.text.value == "1 September 2027"  # the typing is not rewritten under the cursor
    assert "Wednesday, September 1, 2027" in field.echo.value


def test_money_field_echoes_as_it_will_be_saved() -> None:
    field = MoneyInput("Biaya (Rp)")
    field.text.value = "1,5 jt"
    assert field.amount == 1_500_000
    assert "Rp 1.500.000" in field.echo.value
    field.value = "5O000"
    assert field.text.value == "5O000"
    assert field.amount is None
    assert "bukan jumlah uang" in field.echo.value


def test_read_money_refuses_a_fraction_of_a_rupiah() -> None:
    for text in ("1.500,50", "Rp 1.500,50", "0,5"):
        reading = read_money(text)
        assert reading.value is None, text
        assert reading.error == f"'{text}' memuat pecahan rupiah (tidak dibulatkan diam-diam)"
    assert read_money("1.500,50", "en").error == "'1.500,50' holds a fraction of a Rupiah (not rounded silently)"
    assert read_money("1.500,00").value == 1500  # zero cents are whole Rupiah
    assert read_money("1,5 jt").value == 1_500_000


def test_money_field_refuses_a_fraction_and_saves_nothing(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    before = _bytes(example_dir, "ledger")
    editor = _new_expense(tab, "1.500,50")
    field = editor.fields["expense_idr"]
    assert field.amount is None
    assert "pecahan rupiah" in field.echo.value  # said while typing, not shown as Rp 1.501
    assert "1.501" not in field.echo.value
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert "'1.500,50' memuat pecahan rupiah" in editor.status.text, editor.status.text
    assert _bytes(example_dir, "ledger") == before


# -- through the cash-book panel ---------------------------------------------------------
@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step4(example_dir)


@pytest.mark.parametrize("text", RUPIAH_FORMS)
def test_every_rupiah_form_saves_the_same_integer(tab, example_dir: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = _new_expense(tab, text)
    assert "Rp 50.000" in editor.fields["expense_idr"].echo.value  # shown before saving
    assert "saldo setelah catatan ini Rp 3.290.000" in opened(tab, "kas").preview.value
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    row = _ledger_row(example_dir, "K030")
    assert (row["expense_idr"], row["date"]) == ("50000", "2027-01-30")
    # shown back in the form as it is written, and read again the same
    editor.load_row("K030")
    assert editor.fields["expense_idr"].text.value == "50.000"
    assert editor.fields["expense_idr"].amount == 50_000


@pytest.mark.parametrize("text", MILLION_FORMS)
def test_millions_with_a_decimal_mark_save_whole_rupiah(tab, example_dir: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = _new_expense(tab, text)
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert _ledger_row(example_dir, "K030")["expense_idr"] == "1500000"


def test_garbage_money_is_refused_once_naming_the_field(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    before = _bytes(example_dir, "ledger")
    history = sorted((example_dir / ".history").rglob("*")) if (example_dir / ".history").exists() else []
    editor = _new_expense(tab, "5O000")
    assert "bukan jumlah uang" in editor.fields["expense_idr"].echo.value  # said while typing
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert editor.status.value.count("<li>") == 1, editor.status.text  # no follow-on second message
    assert editor.status.text.startswith("✘   Pengeluaran (Rp): '5O000' bukan jumlah uang"), editor.status.text
    assert "pemasukan atau pengeluaran" not in editor.status.text
    assert _bytes(example_dir, "ledger") == before
    after = sorted((example_dir / ".history").rglob("*")) if (example_dir / ".history").exists() else []
    assert after == history
    # corrected, it saves
    editor.fields["expense_idr"].text.value = "50.000"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert _ledger_row(example_dir, "K030")["expense_idr"] == "50000"


def test_garbage_date_is_refused_once_and_nothing_changes(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    before = _bytes(example_dir, "ledger")
    editor = _new_expense(tab, "50rb", date="30/13/2027")
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert editor.status.value.count("<li>") == 1, editor.status.text
    assert "Tanggal" in editor.status.text
    assert "'30/13/2027' bukan tanggal" in editor.status.text
    assert _bytes(example_dir, "ledger") == before


@pytest.mark.parametrize("typed", ["17/08/2027", "17 Agustus 2027"])
def test_typed_date_saves_iso(tab, example_dir: Path, typed: str) -> None:  # type: ignore[no-untyped-def]
    editor = _new_expense(tab, "50000", date=typed)
    assert "Selasa, 17 Agustus 2027" in editor.fields["date"].echo.value
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    assert _ledger_row(example_dir, "K030")["date"] == "2027-08-17"
    editor.load_row("K030")
    assert editor.fields["date"].text.value == "17/08/2027"


def test_english_plan_reads_english_month_names(example_dir: Path) -> None:
    tab = step4(example_dir, lang="en")
    editor = _new_expense(tab, "Rp 50,000", date="17 August 2027")
    assert "Tuesday, August 17, 2027" in editor.fields["date"].echo.value
    assert "Rp 50,000" in editor.fields["expense_idr"].echo.value
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    row = _ledger_row(example_dir, "K030")
    assert (row["date"], row["expense_idr"]) == ("2027-08-17", "50000")


# -- a panel's own fields: the session form ------------------------------------------------
def test_session_form_reads_rupiah_and_typed_date(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    panel.activity.value = "A04"
    panel.date.text.value = "16 Januari 2027"
    panel.men.value, panel.women.value, panel.cost.text.value = "3", "4", "Rp 150.000"
    assert "Rp 150.000" in panel.cost.echo.value
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    real = pd.read_csv(example_dir / "realizations.csv", dtype=str, keep_default_na=False)
    row = real[(real["activity_id"] == "A04") & (real["date"] == "2027-01-16")]
    assert row["cost_idr"].tolist() == ["150000"]


def test_session_form_refuses_garbage_cost_once(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "record")
    before = _bytes(example_dir, "realizations")
    panel.activity.value = "A04"
    panel.date.text.value = "16/01/2027"
    panel.cost.text.value = "15O.000"
    panel.save_button.click()
    assert panel.status.kind == "error"
    assert panel.status.value.count("<li>") == 1, panel.status.text
    assert "Biaya (Rp): '15O.000'" in panel.status.text
    assert _bytes(example_dir, "realizations") == before
