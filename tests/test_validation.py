"""Every validation rule, with a message naming file, row and column, in id and en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtplan import storage
from rtplan.validation import errors, looks_private, validate_plan

HEADERS = {
    "participants": "participant_id,name,sex,age_band,group,has_disability,phone,consent",
    "meetings": "meeting_id,date,start_time,end_time,place,title,chair,minute_taker,agenda",
    "needs": "need_id,title,category,description,location,households_affected,raised_by,source,status",
    "activities": ("activity_id,title,kind,need_ids,resource_ids,pic,start_date,end_date,recurrence,"
                   "recurrence_day,start_time,end_time,venue,target_participants,cost_idr,funding_source,"
                   "indicator,status"),
}


def write(folder: Path, table: str, *rows: str, header: str | None = None) -> None:
    head = header or HEADERS[table]
    (folder / f"{table}.csv").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")


def messages(folder: Path, lang: str | None = None) -> list[str]:
    return [p.message for p in validate_plan(storage.load_plan(folder, lang=lang))]


# (table, rows, expected Indonesian fragment, expected English fragment)
CASES = [
    ("participants", ["P001,,P,,,,,true"], "participants.csv baris 2, kolom name (Nama): wajib diisi",
     "participants.csv row 2, column name (Name): is required"),
    ("participants", ["P001,Sari,X,,,,,"], "kolom sex (L/P): nilai 'X' tidak dikenal; pilihan: L, P",
     "column sex (Sex (L/P)): unknown value 'X'; choose one of: L, P"),
    ("participants", ["P001,Sari,P,,,ya,,"], "kolom has_disability (Disabilitas): harus true atau false, bukan 'ya'",
     "must be true or false, not 'ya'"),
    ("participants", ["P001,Sari,P,,,,,", "P001,Budi,L,,,,,"],
     "participants.csv baris 3, kolom participant_id (ID peserta): 'P001' dipakai dua kali (juga di baris 2)",
     "'P001' is used twice (also on row 2)"),
    ("needs", ["N01,Jalan,infrastruktur,,,banyak,,,"], "needs.csv baris 2, kolom households_affected",
     "must be a whole number, not 'banyak'"),
    ("needs", ["N01,Jalan,infrastruktur,,,-3,,,"], "-3 terlalu kecil (minimal 0)", "-3 is too small (minimum 0)"),
    ("needs", ["N01,Jalan,jalan,,,,,,"], "nilai 'jalan' tidak dikenal", "unknown value 'jalan'"),
    ("meetings", ["M01,15/11/2026,19:30,21:00,Balai,Rapat,,,"],
     "meetings.csv baris 2, kolom date (Tanggal): harus tanggal TTTT-BB-HH", "must be a date YYYY-MM-DD"),
    ("meetings", ["M01,2026-11-15,19.3O,21:00,Balai,Rapat,,,"], "kolom start_time (Jam mulai): harus jam JJ:MM",
     "must be a time HH:MM"),
    ("meetings", ["M01,2026-11-15,21:30,19:30,Balai,Rapat,,,"],
     "kolom end_time (Jam selesai): jam selesai 19:30 sebelum jam mulai 21:30",
     "end time 19:30 is before start time 21:30"),
    ("activities", ["A01,Kursus,pendidikan,,,,2027-02-01,2027-01-03,once,,,,,,,,,rencana"],
     ("activities.csv baris 2, kolom end_date (Tanggal selesai): "
      "tanggal selesai 2027-01-03 sebelum tanggal mulai 2027-02-01"),
     "end date 2027-01-03 is before start date 2027-02-01"),
    ("activities", ["A01,Kursus,pendidikan,,,,2027-08-01,,once,,,,,,,,,rencana"],
     "kolom start_date (Tanggal mulai): tanggal 2027-08-01 di luar periode rencana 2026-12-01 s.d. 2027-05-31",
     "date 2027-08-01 is outside the plan period 2026-12-01 to 2027-05-31"),
    ("activities", ["A01,Kursus,pendidikan,N09,,,2027-01-10,,once,,,,,,,,,rencana"],
     "kolom need_ids (Menjawab kebutuhan): 'N09' tidak ada di needs.csv (need_id)",
     "'N09' does not exist in needs.csv (need_id)"),
    ("activities", ["A01,Kursus,pendidikan,,,,2027-01-10,,once,,,,,,-50000,,,rencana"],
     "kolom cost_idr (Biaya total (Rp)): jumlah uang tidak boleh negatif (-50000)",
     "an amount of money cannot be negative (-50000)"),
    ("activities", ["A01,Kursus,pendidikan,,,,2027-01-10,,once,,,,,,1.500.000,,,rencana"],
     "harus jumlah Rupiah bulat tanpa titik atau 'Rp'", "must be a whole Rupiah amount"),
    ("activities", ["A01,Kursus,pendidikan,,,,2027-01-10,,sometimes,,,,,,,,,rencana"],
     "nilai 'sometimes' tidak dikenal; pilihan: once, weekly, monthly", "unknown value 'sometimes'"),
]


@pytest.mark.parametrize(("table", "rows", "id_text", "en_text"), CASES)
def test_each_rule_is_reported_with_file_row_column(
    make_plan, table: str, rows: list[str], id_text: str, en_text: str  # type: ignore[no-untyped-def]
) -> None:
    folder = make_plan()
    write(folder, table, *rows)
    found_id = messages(folder)
    assert any(id_text in m for m in found_id), found_id
    found_en = messages(folder, lang="en")
    assert any(en_text in m for m in found_en), found_en


def test_usg_scores_range_and_unknown_scorer(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "needs", "N01,Jalan,infrastruktur,,,,,,")
    write(folder, "usg_scores", "N01,konsensus,6,0,3", "N01,P77,3,3,3",
          header="need_id,scorer,urgency,seriousness,growth")
    found = messages(folder)
    assert any("usg_scores.csv baris 2, kolom urgency (Urgensi (U)): 6 terlalu besar (maksimal 5)" in m for m in found)
    assert any("baris 2, kolom seriousness" in m and "0 terlalu kecil (minimal 1)" in m for m in found)
    assert any("baris 3, kolom scorer" in m and "'P77' tidak ada di participants.csv" in m for m in found)
    assert len(found) == 3  # konsensus is accepted as a scorer


def test_pairwise_self_pair_and_wrong_winner(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan(lang="en")
    write(folder, "needs", "N01,Jalan,infrastruktur,,,,,,", "N02,Sampah,lingkungan,,,,,,",
          "N03,Lampu,keamanan,,,,,,")
    write(folder, "pairwise", "N01,N01,N01,", "N01,N02,N03,", "N02,N03,seri,",
          header="need_a,need_b,winner,participant_id")
    found = messages(folder)
    assert any("pairwise.csv row 2, column need_b" in m and "compared with itself" in m for m in found)
    assert any("pairwise.csv row 3, column winner" in m and "neither of the pair N01 / N02" in m for m in found)
    assert len(found) == 2


def test_ledger_needs_exactly_one_amount(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "ledger", "K001,2026-12-01,Iuran,50000,20000,,iuran,", "K002,2026-12-02,Kosong,0,0,,,",
          header="entry_id,date,description,income_idr,expense_idr,activity_id,category,proof")
    found = messages(folder)
    assert any("ledger.csv baris 2" in m and "bukan keduanya" in m for m in found)
    assert any("ledger.csv baris 3" in m and "salah satu" in m for m in found)


def test_plan_toml_rules(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    text = (folder / "plan.toml").read_text()
    text = text.replace('language = "id"', 'language = "jv"').replace("households = 0", 'households = "enam puluh"')
    text = text.replace('rt = "05"', 'rt = ""')
    (folder / "plan.toml").write_text(text)
    found = messages(folder)
    assert any(m.startswith("plan.toml, language") and "'jv'" in m for m in found)
    assert any(m.startswith("plan.toml, households") and "bilangan bulat" in m for m in found)
    assert any(m.startswith("plan.toml, area.rt") and "wajib diisi" in m for m in found)


def test_fifty_errors_all_reported_in_one_go(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "participants", *[f"P{i:03d},,Z,,,,," for i in range(25)])
    found = messages(folder)
    assert len(found) == 50
    rows = {int(re.search(r"baris (\d+),", m).group(1)) for m in found}  # type: ignore[union-attr]
    assert rows == set(range(2, 27))


def test_bad_csv_shape_and_encoding(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "needs", "N01,Jalan,infrastruktur,,,,,,,extra,field")
    (folder / "votes.csv").write_bytes("need_id,participant_id,dots\nN01,Bu Endah \xe9,1\n".encode("cp1252"))
    (folder / "funds.csv").write_text("funding_source\nkas RT\n", encoding="utf-8")
    found = messages(folder)
    assert any("needs.csv baris 2" in m and "header hanya 9" in m for m in found)
    assert any("votes.csv" in m and "bukan UTF-8" in m for m in found)
    assert any("funds.csv" in m and "kolom wajib tidak ada: amount_idr" in m for m in found)


def test_overnight_ronda_is_allowed(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "activities", "A01,Ronda,sosial,,,,2027-01-10,,weekly,sabtu,22:00,03:00,Pos,,,,,rencana")
    assert messages(folder) == []


def test_phone_in_free_text_is_a_warning_not_an_error(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "needs", "N01,Jalan rusak,infrastruktur,Hubungi Pak RT 0812-3456-7890,,,,,")
    plan = storage.load_plan(folder)
    found = validate_plan(plan)
    assert len(found) == 1 and found[0].level == "warning" and "nomor telepon" in found[0].message
    assert errors(found) == []


@pytest.mark.parametrize("text", ["0812 3456 7890", "+6281234567890", "3174012345678901"])
def test_looks_private_finds_phones_and_nik(text: str) -> None:
    assert looks_private(f"kontak {text} ya")


@pytest.mark.parametrize("text", ["Rp 1.500.000", "RT 05/RW 03", "2026-08-17", "jam 19:30"])
def test_looks_private_ignores_money_dates(text: str) -> None:
    assert not looks_private(text)


def test_examples_are_valid(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    assert validate_plan(plan) == []


def test_unreadable_required_value_is_reported_once(make_plan) -> None:  # type: ignore[no-untyped-def]
    folder = make_plan()
    write(folder, "activities", "A01,Kursus,pendidikan,,,,2027-13-12,,once,,,,,,,,,rencana")
    found = messages(folder)
    assert len(found) == 1 and "harus tanggal" in found[0], found


def test_when_plan_comes_from_a_newer_rtplan_then_reported(example_dir) -> None:  # type: ignore[no-untyped-def]
    from rtplan import storage
    from rtplan.validation import validate_plan

    toml = example_dir / "plan.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("schema_version = 1", "schema_version = 7"),
                    encoding="utf-8")
    found = [p for p in validate_plan(storage.load_plan(example_dir)) if p.rule == "newer_schema"]
    assert len(found) == 1 and "versi skema 7" in found[0].message


def test_rows_checked_in_parts_give_the_problems_of_the_whole_table(example_dir) -> None:  # type: ignore[no-untyped-def]
    """A save checks only the changed rows (``positions``): on a large table with faults
    the problems of the parts are those of the whole table, row by row."""
    import random

    import pandas as pd

    from rtplan import storage, validation
    from rtplan.schema import TABLES

    plan = storage.load_plan(example_dir)
    rng = random.Random(7)
    faults = {
        "activities": [("status", "kacau"), ("cost_idr", -5), ("start_date", pd.Timestamp("2031-01-01")),
                       ("end_time", "05:00"), ("activity_id", "A1;A2"), ("title", ""),
                       ("title", "hubungi 0812 3456 7890"), ("end_date", pd.Timestamp("2020-01-01"))],
        "needs": [("category", "lainnya"), ("households_affected", -1), ("title", " "),
                  ("description", "NIK 3374010101010001"), ("need_id", "")],
        "ledger": [("income_idr", -3), ("date", pd.Timestamp("2040-02-02")), ("description", "")],
    }
    for name, edits in faults.items():
        frame = pd.concat([plan.tables[name]] * (400 // max(1, len(plan.tables[name])) + 1), ignore_index=True)
        for column, value in edits:
            for pos in rng.sample(range(len(frame)), 5):
                frame.loc[pos, column] = value
        table = TABLES[name]
        whole = validation.check_rows(table, frame, "id", plan.period)
        half = len(frame) // 2
        in_parts = {**validation.check_rows(table, frame, "id", plan.period, range(half)),
                    **validation.check_rows(table, frame, "id", plan.period, range(half, len(frame)))}
        assert len(frame) >= 300
        assert whole  # the faults were found at all
        assert {k: [p.message for p in v] for k, v in in_parts.items()} == \
               {k: [p.message for p in v] for k, v in whole.items()}


def test_when_a_header_repeats_then_reported_and_the_first_column_read(example_dir) -> None:  # type: ignore[no-untyped-def]
    from rtplan import storage

    (example_dir / "needs.csv").write_text(
        "need_id,title,category,status,catatan,catatan,title\nN01,Got mampet,lingkungan,usulan,a,b,lain\n",
        encoding="utf-8")
    plan = storage.load_plan(example_dir)
    dup = [p for p in plan.load_problems if p.rule == "duplicate_header"]
    assert sorted(p.message.split("'")[1] for p in dup) == ["catatan", "title"]
    assert plan.tables["needs"].loc[0, "title"] == "Got mampet"
    assert plan.tables["needs"].loc[0, "catatan"] == "a"
