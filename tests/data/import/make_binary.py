"""Writes the binary files of the import corpus (XLSX, ODS): ``python make_binary.py``.

Kept beside them so the files can be checked and made again; the tests read the
committed files, not this script's output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def kegiatan_xlsx() -> None:
    """Activities kept by a secretary in Excel: title rows, real dates and Rupiah numbers, a total row."""
    book = Workbook()
    ws = book.active
    ws.title = "Rencana 2027"
    ws.append(["RENCANA KEGIATAN RT 05 / RW 03"])
    ws.append(["Kelurahan Sukamaju (fiktif)"])
    ws.append([])
    ws.append(["No", "Nama Kegiatan", "Jenis", "Penanggung Jawab", "Tanggal Mulai", "Tanggal Selesai",
               "Jam", "Tempat", "Anggaran (Rp)", "Sumber Dana", "Status"])
    rows = [
        [1, "Senam sehat lansia", "kesehatan", "Nur Hidayah", dt.datetime(2027, 1, 10), dt.datetime(2027, 3, 28),
         "06.30", "Lapangan RT", 600000, "Kas RT", "Rencana"],
        [2, "Lomba kebersihan gang", "lingkungan", "Heru Prasetyo", dt.datetime(2027, 2, 14), None,
         "08.00", "Seluruh RT", 1250000.0, "Swadaya", "rencana"],
    ]
    for r in rows:
        ws.append(r)
    ws.append(["Jumlah", None, None, None, None, None, None, None, 1850000, None, None])
    for row in ws.iter_rows(min_row=5, max_row=7, min_col=9, max_col=9):
        for c in row:
            c.number_format = '"Rp" #,##0'
    for row in ws.iter_rows(min_row=5, max_row=6, min_col=5, max_col=6):
        for c in row:
            c.number_format = "DD/MM/YYYY"
    book.save(HERE / "excel_kegiatan_judul_tanggal_rupiah.xlsx")


def dana_ods() -> None:
    """Funds in a LibreOffice sheet, the amounts typed as text the Indonesian way."""
    frame = pd.DataFrame({
        "Sumber dana": ["Kas RT", "Dana kelurahan", "CSR"],
        "Jumlah (Rp)": ["Rp 2.500.000", "6 juta", 3000000],
        "Catatan": ["Saldo Desember", "Pagu pemberdayaan", "PT Maju Bersama (fiktif)"],
    })
    with pd.ExcelWriter(HERE / "libreoffice_dana_teks_rupiah.ods", engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Dana", index=False)


if __name__ == "__main__":
    kegiatan_xlsx()
    dana_ods()
