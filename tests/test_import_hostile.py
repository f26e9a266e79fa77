"""Hostile files end fast and small: each import runs in a child process under resource limits
(``RLIMIT_DATA`` 300 MB of memory, ``RLIMIT_CPU`` 10 s), must exit 2 with a clear message, and
the plan stays byte-identical. No timing: a child past either limit is killed or fails, and the
test fails with it.

The child runs with one OpenBLAS thread: each OpenBLAS thread reserves a fixed buffer at
import time, whatever the file.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

MEMORY = 300 * 1024 * 1024
CPU_SECONDS = 10
CLI = "import sys; from rtplan.cli import main; sys.exit(main(sys.argv[1:]))"
# the child sets its own limits before it imports anything: a preexec_fn would make Python fork the
# whole pytest worker. Its peak memory is the high-water mark of its own address space (VmHWM), which
# it writes when it exits: the ru_maxrss that wait4 gives is no use here, as Linux carries the
# parent's high-water mark over fork and exec, so a pytest worker grown to 300 MB would count.
LIMITED_CLI = (f"import resource; resource.setrlimit(resource.RLIMIT_DATA, ({MEMORY}, {MEMORY})); "
               f"resource.setrlimit(resource.RLIMIT_CPU, ({CPU_SECONDS}, {CPU_SECONDS})); "
               "import atexit, os, re; atexit.register(lambda: open(os.environ['RTPLAN_TEST_PEAK'], 'w').write("
               "re.search(r'VmHWM:\\s*(\\d+) kB', open('/proc/self/status').read()).group(1))); " + CLI)


def run_limited(*args: str) -> tuple[int, str, int]:
    """``rtplan ARGS`` in a child under the limits: exit code, stderr, peak memory (bytes; 0 when
    the child ended without saying)."""
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        peak_file = Path(tmp) / "peak"
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
               "RTPLAN_TEST_PEAK": str(peak_file)}
        proc = subprocess.run([sys.executable, "-c", LIMITED_CLI, *args], stdout=out, stderr=err, env=env,
                              check=False, timeout=120)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        peak = int(peak_file.read_text()) * 1024 if peak_file.exists() else 0
    return proc.returncode, text, peak


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".rtplan.lock"}


def huge_dimension(tmp: Path) -> Path:
    """A 1.6 KB-sized workbook whose one cell sits at XFD1048576."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Nama", "Jenis kelamin"])
    ws.append(["Ani", "P"])
    ws["XFD1048576"] = "x"
    path = tmp / "dimensi_raksasa.xlsx"
    book.save(path)
    return path


def _xlsx_with_sheet(tmp: Path, name: str, sheet_xml_parts: Callable[[zipfile.ZipFile], None]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Nama", "Jenis kelamin"])
    buf = io.BytesIO()
    book.save(buf)
    path = tmp / name
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                z.writestr(item, src.read(item.filename))
        sheet_xml_parts(z)
    return path


def zip_bomb(tmp: Path) -> Path:
    """A workbook of under a megabyte whose sheet unpacks to 64 MB of rows."""
    row = (b'<row r="2"><c r="A2" t="inlineStr"><is><t>Ani</t></is></c>'
           b'<c r="B2" t="inlineStr"><is><t>P</t></is></c></row>')

    def write(z: zipfile.ZipFile) -> None:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData>')
            chunk = row * 10_000
            for _ in range(64 * 1024 * 1024 // len(chunk) + 1):
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")

    path = _xlsx_with_sheet(tmp, "bom_zip.xlsx", write)
    assert path.stat().st_size < 1024 * 1024
    return path


def blank_rows_bomb(tmp: Path) -> Path:
    """A workbook whose sheet (within the member limit, no dimension) holds a million empty rows."""
    def write(z: zipfile.ZipFile) -> None:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is>'
                    b'</c></row>')
            f.write(b"".join(b'<row r="%d"/>' % i for i in range(2, 1_000_002)))
            f.write(b"</sheetData></worksheet>")

    return _xlsx_with_sheet(tmp, "sejuta_baris_kosong.xlsx", write)


def huge_member(tmp: Path) -> Path:
    """A zip for ``import all`` holding a CSV that unpacks to 600 MB (declared in its directory)."""
    path = tmp / "rencana.zip"
    line = b"P999,Warga,L,25-39,warga,false,,true\n"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z, \
            z.open("participants.csv", "w", force_zip64=True) as f:
        f.write(b"participant_id,name,sex,age_band,group,has_disability,phone,consent\n")
        chunk = line * 100_000
        for _ in range(600 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
    return path


def huge_field(tmp: Path) -> Path:
    path = tmp / "sel_raksasa.csv"
    path.write_bytes(b'Nama,Jenis kelamin\n"' + b"A" * 200_000 + b'",P\n')
    return path


def many_rows(tmp: Path) -> Path:
    path = tmp / "sejuta_baris.csv"
    path.write_bytes(b"Nama,Jenis kelamin\n" + b"Warga,L\n" * 1_900_000)
    return path


def endless(tmp: Path) -> Path:
    return Path("/dev/zero")


def ods_repeat(tmp: Path) -> Path:
    """An ODS sheet whose one filled row is repeated a million times (LibreOffice's compact form)."""
    import pandas as pd

    base = tmp / "base.ods"
    pd.DataFrame({"Nama": ["Ani"], "Jenis kelamin": ["P"]}).to_excel(base, index=False, engine="odf")
    path = tmp / "ulang_sejuta.ods"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "content.xml":
                marker = b"<table:table-row"
                last = data.rfind(marker)
                data = data[:last] + b'<table:table-row table:number-rows-repeated="1000000"' + \
                    data[last + len(marker):]
            z.writestr(item, data)
    return path


CASES: dict[str, tuple[Callable[[Path], Path], list[str], str]] = {
    "huge declared dimension": (huge_dimension, ["participants"], "menyatakan ukuran A1:XFD1048576"),
    "zip bomb": (zip_bomb, ["participants"], "xl/worksheets/sheet1.xml"),
    "a million blank rows, no declared size": (blank_rows_bomb, ["participants"],
                                               "berukuran 16 MB setelah dibuka; maksimal 8 MB"),
    "huge member (import all)": (huge_member, ["all"],
                                 "bagian 'participants.csv' berukuran 599 MB setelah dibuka; maksimal 48 MB"),
    "huge field": (huge_field, ["participants"], "satu sel paling panjang 32768 karakter"),
    "1.9 million rows": (many_rows, ["participants"],
                         "lebih dari 10000 baris data (pembacaan berhenti di baris 10003)"),
    "endless stream (/dev/zero)": (endless, ["participants"], "lebih dari 16 MB"),
    "ODS row repeated a million times": (ods_repeat, ["participants"], "memuat lebih dari"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_refused_within_the_limits(case: str, example_dir: Path, tmp_path: Path) -> None:
    maker, table, expected = CASES[case]
    path = maker(tmp_path)
    before = digests(example_dir)
    code, err, peak = run_limited("import", str(example_dir), *table, str(path))
    assert code == 2, (code, err[-2000:])
    assert expected in err, err[-2000:]
    assert "Traceback" not in err
    assert digests(example_dir) == before
    assert 0 < peak < MEMORY, peak


def test_the_limits_leave_room_for_a_real_import(example_dir: Path) -> None:
    """The same limits pass an ordinary file of the largest allowed size: the limits measure the file."""
    lines = ["Nama,Jenis kelamin,Usia,Unsur"] + [f"Warga {i},{'LP'[i % 2]},25-39,warga" for i in range(10_000)]
    path = example_dir.parent / "sepuluh_ribu.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err, peak = run_limited("import", str(example_dir), "participants", str(path), "--dry-run")
    assert code == 0, err[-2000:]
    assert 0 < peak < MEMORY
