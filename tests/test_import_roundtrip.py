"""export --xlsx / --csv-excel, then import into an empty plan: the same tables.
Property tests: generated tables written in every dialect read back equal."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtplan import storage
from rtplan.cli import main
from rtplan.importing import import_all, import_file
from rtplan.schema import TABLES


def _empty_like(src: Path, tmp: Path) -> Path:
    plan = storage.load_plan(src)
    target = tmp / "kosong"
    storage.new_plan(target, plan.meta)
    return target


def test_xlsx_round_trip_gives_the_same_plan(any_example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "rencana.xlsx"
    assert main(["export", str(any_example_dir), "--xlsx", "--include-private", "-o", str(out)]) == 0
    empty = _empty_like(any_example_dir, tmp_path)
    assert main(["import", str(empty), "all", str(out)]) == 0
    src, dst = storage.load_plan(any_example_dir), storage.load_plan(empty)
    for name in TABLES:
        pd.testing.assert_frame_equal(src.tables[name], dst.tables[name], obj=name)


def test_csv_excel_round_trip_gives_the_same_plan(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "rencana.zip"
    assert main(["export", str(example_dir), "--csv-excel", "--include-private", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        data = z.read("participants.csv")
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data.splitlines()[0]
    empty = _empty_like(example_dir, tmp_path)
    assert import_all(storage.load_plan(empty), out).saved
    src, dst = storage.load_plan(example_dir), storage.load_plan(empty)
    for name in TABLES:
        pd.testing.assert_frame_equal(src.tables[name], dst.tables[name], obj=name)


def test_xlsx_cells_are_typed_private_left_out_and_formulas_neutralised(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    needs = plan.copy_table("needs")
    needs.loc[0, "description"] = '=HYPERLINK("http://contoh.invalid","klik")'
    storage.save_table(plan, "needs", needs)
    out = tmp_path / "r.xlsx"
    assert main(["export", str(example_dir), "--xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    ws = book["Peserta"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["ID peserta", "Nama", "L/P"] and "Telepon (pribadi)" not in headers
    assert any(dv.sqref and '"L,P"' in dv.formula1 for dv in ws.data_validations.dataValidation)
    kas = book["Buku kas RT"]
    date_cell, money_cell = kas.cell(row=2, column=2), kas.cell(row=2, column=4)
    assert isinstance(date_cell.value, dt.datetime) and date_cell.number_format == "DD/MM/YYYY"
    assert isinstance(money_cell.value, int) and "Rp" in money_cell.number_format
    desc = book["Kebutuhan"].cell(row=2, column=4)
    assert desc.value.startswith("'=HYPERLINK") and desc.data_type == "s"
    assert "Kontak (pribadi)" not in [c.value for c in book["Sumber daya & aset"][1]]


# property tests ----------------------------------------------------------------------------
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=20).map(str.strip).filter(lambda s: s and s[0] not in "'\"" and "\n" not in s)
_row = st.fixed_dictionaries({
    "name": _text,
    "sex": st.sampled_from(["L", "P"]),
    "age_band": st.sampled_from(["", "<18", "18-24", "25-39", "40-59", "60+"]),
    "has_disability": st.sampled_from([None, True, False]),
    "income": st.integers(min_value=0, max_value=10**10),
    "day": st.dates(min_value=dt.date(2026, 12, 1), max_value=dt.date(2027, 5, 31)),
})


def _dialects(rows: list[dict[str, object]]) -> dict[str, tuple[str, bytes]]:
    """The same table as an Indonesian Excel CSV (cp1252-safe text aside), a Google Forms CSV,
    a KoBo CSV and an XLSX file."""
    out: dict[str, tuple[str, bytes]] = {}
    yn = {True: "Ya", False: "Tidak", None: ""}
    lp = {"L": "Laki-laki", "P": "Perempuan"}
    # Excel, Indonesian locale: ; BOM, L/P, Rp with thousands dots, dd/mm/yyyy
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["DATA WARGA RT 05"])
    w.writerow(["No", "Nama", "L/P", "Usia", "Disabilitas", "Iuran", "Tanggal"])
    for i, r in enumerate(rows, 1):
        w.writerow([i, r["name"], r["sex"], r["age_band"], yn[r["has_disability"]],  # type: ignore[index]
                    "Rp " + f"{r['income']:,}".replace(",", "."), r["day"].strftime("%d/%m/%Y")])  # type: ignore[union-attr]
    w.writerow(["Jumlah", "", "", "", "", "", ""])
    out["excel_id"] = ("x.csv", b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    # Google Forms: Cap waktu, Laki-laki/Perempuan, plain numbers
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Cap waktu", "Nama lengkap", "Jenis kelamin", "Kelompok umur", "Disabilitas", "Iuran", "Tanggal"])
    for i, r in enumerate(rows):
        w.writerow([f"27/11/2026 19:{i // 60 % 60:02d}:{i % 60:02d}", r["name"], lp[r["sex"]],  # type: ignore[index]
                    r["age_band"], yn[r["has_disability"]], r["income"], r["day"].isoformat()])  # type: ignore[union-attr]
    out["google"] = ("g.csv", buf.getvalue().encode("utf-8"))
    # KoBoToolbox: ; group paths, _uuid
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["start", "grp/nama", "grp/jenis_kelamin", "grp/umur", "grp/disabilitas", "grp/iuran", "grp/tanggal",
                "_uuid", "_submission_time"])
    for i, r in enumerate(rows):
        w.writerow(["2026-11-20T09:00:00", r["name"], r["sex"], r["age_band"],
                    {True: "1", False: "0", None: ""}[r["has_disability"]],  # type: ignore[index]
                    r["income"], r["day"].isoformat(), f"uuid-{i}", "2026-11-20T02:00:00"])  # type: ignore[union-attr]
    out["kobo"] = ("k.csv", buf.getvalue().encode("utf-8"))
    # XLSX with real dates and numbers
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Nama", "L/P", "Kelompok umur", "Disabilitas", "Iuran", "Tanggal"])
    for r in rows:
        ws.append([r["name"], r["sex"], r["age_band"] or None, yn[r["has_disability"]] or None,  # type: ignore[index]
                   r["income"], dt.datetime.combine(r["day"], dt.time())])  # type: ignore[arg-type]
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"
    b = io.BytesIO()
    book.save(b)
    out["xlsx"] = ("x.xlsx", b.getvalue())
    return out


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_row, min_size=1, max_size=6))
def test_generated_tables_read_back_from_every_dialect(make_plan: Callable[..., Path],
                                                       rows: list[dict[str, object]]) -> None:
    from rtplan.importing import prepare, read

    plan = storage.load_plan(make_plan())
    maps = {"excel_id": ["Iuran=-", "Tanggal=-"], "google": ["Iuran=-", "Tanggal=-"],
            "kobo": ["grp/iuran=-", "grp/tanggal=-"], "xlsx": ["Iuran=-", "Tanggal=-"]}
    for dialect, (name, data) in _dialects(rows).items():
        prepared = prepare(plan, "participants", read(data, "participants", name=name), maps[dialect])
        assert not prepared.problems, (dialect, prepared.messages())
        got = prepared.frame
        assert list(got["name"]) == [r["name"] for r in rows], dialect
        assert list(got["sex"]) == [r["sex"] for r in rows], dialect
        assert list(got["age_band"]) == [r["age_band"] for r in rows], dialect
        assert [None if pd.isna(v) else bool(v) for v in got["has_disability"]] == \
            [r["has_disability"] for r in rows], dialect
    # money and dates through the cash book, in the same dialects
    for dialect, (name, data) in _dialects(rows).items():
        text_map = {"kobo": ["grp/nama=description", "grp/iuran=income_idr", "grp/tanggal=date"]}
        default = ["Nama=description", "Iuran=income_idr", "Tanggal=date"]
        if dialect == "google":
            default = ["Nama lengkap=description", "Iuran=income_idr", "Tanggal=date"]
        prepared = prepare(plan, "ledger", read(data, "ledger", name=name), text_map.get(dialect, default))
        assert not prepared.problems, (dialect, prepared.messages())
        assert list(prepared.frame["income_idr"]) == [r["income"] for r in rows], dialect
        assert [d.date() for d in prepared.frame["date"]] == [r["day"] for r in rows], dialect


def test_import_into_plan_keeps_ids_and_refuses_taken_ones(example_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("ID peserta,Nama,L/P\nP001,Orang Lain,P\n", encoding="utf-8")
    outcome = import_file(storage.load_plan(example_dir), "participants", f)
    assert not outcome.saved
    assert outcome.prepared[0].messages() == [("p.csv baris 2, kolom 'ID peserta': ID P001 sudah dipakai di "
                                               "rencana untuk baris lain")]
