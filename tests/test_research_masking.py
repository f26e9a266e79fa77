"""``research export --include-text`` leaks nobody: a corpus of name, phone, NIK and e-mail variants.

The example plan is seeded with 40 variants (titles, single names, a surname alone,
case, two spaces, a no-break space, hyphens; phones in every grouping; NIK/KK numbers
with and without separators; e-mail addresses) across every free-text column the export
copies. Every file of the export (Parquet, CSV, XLSX) is read back and searched: none of
the names, digits or addresses is left. Ordinary words equal to a name fragment stay.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from rtplan.cli import main
from rtplan.research.anonymise import Masker

# (text put into the plan, what must not appear in any output)
CORPUS: list[tuple[str, tuple[str, ...]]] = [
    ("Rapat di rumah Pak Bambang", ("Bambang",)),
    ("Bu Dewi mencatat", ("Dewi",)),
    ("jajan di Warung Pak Budi", ("Budi",)),
    ("dipimpin Bapak Bambang Hartono", ("Bambang", "Hartono")),
    ("Ibu Siti Aminah menyumbang", ("Siti", "Aminah")),
    ("Mas Rizky memasang lampu", ("Rizky",)),
    ("Mbak Sari melatih menjahit", ("Sari",)),
    ("Kak Joko datang", ("Joko",)),
    ("bantuan untuk keluarga Aminah", ("Aminah",)),
    ("Siti  Aminah (dua spasi)", ("Siti", "Aminah")),
    ("Siti\u00a0Aminah (spasi tak terputus)", ("Siti", "Aminah")),
    ("Siti-Aminah (tanda hubung)", ("Siti", "Aminah")),
    ("Siti\u2011Aminah (tanda hubung tak terputus)", ("Siti", "Aminah")),
    ("SITI AMINAH HURUF BESAR", ("Siti", "Aminah")),
    ("ditulis siti aminah huruf kecil", ("Siti", "Aminah")),
    ("usul Hartono sendiri", ("Hartono",)),
    ("kata pak budi santoso", ("Budi", "Santoso")),
    ("Wahyuni mengumpulkan iuran", ("Wahyuni",)),
    ("iuran dari wahyuni", ("Wahyuni",)),
    ("kebun Samsul Arifin", ("Samsul", "Arifin")),
    ("katering Tuti Alawiyah", ("Tuti", "Alawiyah")),
    ("tindak lanjut Heru  Prasetyo", ("Heru", "Prasetyo")),
    ("dicatat Eko-Wibowo", ("Eko", "Wibowo")),
    ("kader Nur\u00a0Hidayah", ("Nur", "Hidayah")),
    ("hubungi (0857) 1234 5678", ("085712345678", "85712345678")),
    ("hubungi +62 857-1234-5679", ("6285712345679", "85712345679")),
    ("hubungi 0857.1234.5670 sore", ("085712345670", "85712345670")),
    ("hubungi 085712345671", ("085712345671", "85712345671")),
    ("WA 0812 3456 7890", ("081234567890", "81234567890")),
    ("WA +6281234567891", ("6281234567891", "81234567891")),
    ("kantor (024) 7654 3210", ("02476543210", "76543210")),
    ("NIK 3374011234560001", ("3374011234560001",)),
    ("NIK 3374 0112 3456 0002", ("3374011234560002",)),
    ("KK 3374.0112.3456.0003", ("3374011234560003",)),
    ("KK 3374-0112-3456-0004", ("3374011234560004",)),
    ("surel budi.santoso@gmail.com", ("gmail", "@")),
    ("surel BUDI_S@yahoo.co.id", ("yahoo", "@")),
    ("Warung Pak Joko Susilo di Gang 3", ("Joko", "Susilo")),
    ("doa Pak Haji Slamet", ("Slamet",)),
    ("Bu Kartini membuka", ("Kartini",)),
]
# the free-text columns the export copies (codebook text=True) and where each lives in the plan
TEXT_COLUMNS = [("meetings.csv", "title"), ("needs.csv", "title"), ("needs.csv", "description"),
                ("resources.csv", "name"), ("activities.csv", "title"), ("realizations.csv", "output")]


def seed_plan(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".history"))
    files: dict[str, list[list[str]]] = {}
    for filename, _ in TEXT_COLUMNS:
        if filename not in files:
            files[filename] = list(csv.reader(io.StringIO((dest / filename).read_text(encoding="utf-8"))))
    for i, (text, _) in enumerate(CORPUS):
        filename, col = TEXT_COLUMNS[i % len(TEXT_COLUMNS)]
        rows = files[filename]
        j = rows[0].index(col)
        row = rows[1 + (i // len(TEXT_COLUMNS)) % (len(rows) - 1)]
        row[j] = f"{row[j]}; {text}"
    for filename, rows in files.items():
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        (dest / filename).write_text(buf.getvalue(), encoding="utf-8")
    return dest


def output_texts(out: Path) -> list[str]:
    """Every text cell of every file the export wrote."""
    from openpyxl import load_workbook

    cells: list[str] = []
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert files
    for path in files:
        if path.suffix == ".parquet":
            frame = pd.read_parquet(path)
            cells += [str(v) for col in frame.columns for v in frame[col].tolist() if isinstance(v, str)]
        elif path.suffix == ".csv":
            cells += [c for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for c in row]
        elif path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            cells += [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
                      if isinstance(c, str)]
        else:  # manifest.json, README.md
            cells.append(path.read_text(encoding="utf-8"))
    return cells


def leaks(cells: list[str]) -> list[tuple[str, str]]:
    found = []
    for text, secrets in CORPUS:
        for secret in secrets:
            if secret.isdigit():
                hit = next((c for c in cells if secret in re.sub(r"\D", "", c)), None)
            elif secret in ("@", "gmail", "yahoo"):
                hit = next((c for c in cells if secret in c.lower()), None)
            else:
                word = re.compile(rf"(?<!\w){re.escape(secret)}(?!\w)", re.IGNORECASE)
                hit = next((c for c in cells if word.search(c)), None)
            if hit is not None:
                found.append((text, secret))
    return found


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx"])
def test_forty_variants_leak_nothing(example_dir: Path, tmp_path: Path, fmt: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert len(CORPUS) == 40
    plan = seed_plan(example_dir, tmp_path / "seeded" / example_dir.name)
    out = tmp_path / "riset"
    code = main(["research", "export", str(plan), "-o", str(out), "--format", fmt, "--include-text",
                 "--secret-file", str(tmp_path / "k.key")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    cells = output_texts(out)
    joined = "\n".join(cells)
    for mask in ("[nama]", "[telepon]", "[nik]", "[email]"):
        assert mask in joined, mask
    assert joined.count("[nik]") >= 4  # each of the four NIK/KK spellings
    found = leaks(cells)
    assert found == [], found
    # the count on stderr, and nothing of what was masked
    said = re.search(r"Teks bebas disamarkan: (\d+) nama orang, (\d+) nomor telepon, (\d+) nomor NIK/KK, "
                     r"(\d+) alamat e-mail", captured.err)
    assert said is not None, captured.err
    names, phones, niks, emails = map(int, said.groups())
    assert (phones, niks, emails) == (7, 4, 2), said.group(0)
    assert names >= 30, said.group(0)
    assert not leaks([captured.err, captured.out])
    print(f"{fmt}: {len(cells)} text cells in every output file; 40 variants, 0 leaked; stderr: {said.group(0)}")


def test_the_unmasked_export_of_the_same_plan_would_have_leaked(example_dir: Path, tmp_path: Path) -> None:
    """The corpus is a real test: without masking each variant is in the copied text."""
    plan = seed_plan(example_dir, tmp_path / "seeded" / example_dir.name)
    cells = [c for filename, _ in TEXT_COLUMNS
             for row in csv.reader(io.StringIO((plan / filename).read_text(encoding="utf-8"))) for c in row]
    assert len(leaks(cells)) == sum(len(s) for _, s in CORPUS)


def test_ordinary_words_equal_to_a_name_fragment_stay() -> None:
    mask = Masker(["Sari Indah", "Budi Santoso", "Nur Jaya", "Ani", "Hari Purnama", "PKK RT 05", "Wahyuni"])
    plain = ("sari buah segar, budi pekerti, taman indah, hari ini, jaya selalu, sayur kanikir, "
             "Pak RT dan Bu Lurah, ibu-ibu dan bapak-bapak, pukul 07.30-09.00, 05-01-2027 10.00, 2027-01-05, "
             "Rp 1.500.000, RT 05/RW 03, 120 KK, luas 0,5 ha")
    assert mask(plain) == plain
    assert mask.counts == {"names": 0, "phones": 0, "nik": 0, "emails": 0}
    # the same words written as names are masked
    assert mask("Sari dan Budi, Bu Indah, pak jaya, HARI") == "[nama] dan [nama], Bu [nama], pak [nama], [nama]"
    # an organisation is masked whole, its words alone are not; a one-word name in any case
    assert mask("rapat PKK RT 05; PKK lain; wahyuni") == "rapat [nama]; PKK lain; [nama]"
    assert mask("Warung Pak Joko") == "Warung Pak [nama]"  # after a title, even a name the plan lacks


def test_masker_counts_each_kind() -> None:
    mask = Masker(["Siti Aminah"])
    assert mask("Siti Aminah, 0857 1234 5678, 3374011234560001, a@b.id") == "[nama], [telepon], [nik], [email]"
    assert mask.counts == {"names": 1, "phones": 1, "nik": 1, "emails": 1}
    assert mask("0857.1234.5678 2027") == "[telepon] 2027"  # a year after the number stays
