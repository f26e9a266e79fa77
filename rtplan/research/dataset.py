"""Write the research export: the dataset, its codebook, the anonymisation README and
the publication tables (small cells suppressed).

Layout of ``OUT`` (Parquet, the default)::

    OUT/README.md                 what was done to the data (id + en)
    OUT/codebook.csv              every column: table, type, meaning (id, en), allowed values
    OUT/manifest.json             format, k, counts, secret fingerprint (never the secret)
    OUT/<table>/province=<p>/city=<c>/part-00000.parquet   one folder per table (hive partitions)
    OUT/tables/*.csv              publication tables, cells under k people suppressed

``--format csv`` writes ``OUT/<table>.csv`` instead, ``--format xlsx`` one workbook
``OUT/research.xlsx`` (a sheet per table and the codebook). Text cells of CSV and XLSX
go through :func:`rtplan.cellsafe.neutralize`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from rtplan.cellsafe import CsvWriter, neutralize
from rtplan.exceptions import RtplanError
from rtplan.messages import t
from rtplan.research import codebook
from rtplan.research.anonymise import K_DEFAULT, MASKS, count_masks, secret_fingerprint, suppress
from rtplan.research.pooling import Pooled, pool
from rtplan.schema import AGE_BANDS, SEX

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

FORMATS = ("parquet", "csv", "xlsx")
MANIFEST = "manifest.json"
PARTITIONS = ("province", "city")
XLSX_LIMIT = 1_048_575
FLUSH_PLANS = 2000  # Parquet: plans per written part (one file per table and partition)
PUBLICATION = {  # publication table -> the participant column it counts by
    "participation_by_sex": "sex",
    "participation_by_age": "age_band",
    "participation_by_group": "group",
}


def _arrow_schema(table: str, include_text: bool) -> pa.Schema:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    return pa.schema([(v.name, types[v.type]) for v in codebook.columns(table, include_text)
                      if v.name not in PARTITIONS])


def _safe_segment(value: str) -> str:
    """A partition value usable as a folder name on every system (``/``, ``\\``, ``=`` replaced)."""
    out = "".join("_" if ch in '/\\=:*?"<>|%' or ord(ch) < 32 else ch for ch in value).strip().strip(".")
    return out or "-"


def _write_parquet_chunk(out: Path, tables: dict[str, pd.DataFrame], part: int, include_text: bool) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for name, frame in tables.items():
        schema = _arrow_schema(name, include_text)
        if frame.empty:
            continue
        for (province, city), group in frame.groupby(list(PARTITIONS), sort=True, observed=True):
            folder = out / name / f"province={_safe_segment(str(province))}" / f"city={_safe_segment(str(city))}"
            folder.mkdir(parents=True, exist_ok=True)
            body = group.drop(columns=list(PARTITIONS))
            arrays = []
            for field in schema:
                col = body[field.name]
                if pa.types.is_date32(field.type):
                    arrays.append(pa.array(col.dt.date.where(col.notna(), None), type=field.type))
                else:
                    arrays.append(pa.array(col, type=field.type, from_pandas=True))
            pq.write_table(pa.Table.from_arrays(arrays, schema=schema), folder / f"part-{part:05d}.parquet",
                           compression="zstd")


def _ensure_parquet_tables(out: Path, include_text: bool) -> None:
    """A table with no rows at all still gets one (empty) file, so every reader finds it."""
    import pyarrow.parquet as pq

    for name in codebook.TABLES:
        if not (out / name).exists():
            folder = out / name / "province=-" / "city=-"
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(_arrow_schema(name, include_text).empty_table(), folder / "part-00000.parquet")


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize(value)


def _write_csv_chunk(out: Path, tables: dict[str, pd.DataFrame], first: bool) -> None:
    for name, frame in tables.items():
        path = out / f"{name}.csv"
        with path.open("a" if not first else "w", encoding="utf-8", newline="") as handle:
            writer = CsvWriter(handle)
            if first:
                writer.writerow(list(frame.columns))
            for record in frame.itertuples(index=False, name=None):
                writer.writerow([_cell(v) for v in record])


def _publication_counts(participants: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per-plan counts of consenting participants by sex, age band and group (unsuppressed)."""
    keys = [v.name for v in codebook.KEY]
    out = {}
    for table, col in PUBLICATION.items():
        if participants.empty:
            out[table] = pd.DataFrame(columns=[*keys, col, "n"])
            continue
        grouped = participants.groupby([*keys, col], observed=True, sort=True).size().rename("n").reset_index()
        out[table] = grouped
    return out


def publication_tables(counts: dict[str, pd.DataFrame], k: int = K_DEFAULT) -> dict[str, pd.DataFrame]:
    """Participation per RT and per city, wide (one column per value), counts under ``k`` blanked."""
    levels = {"sex": SEX, "age_band": AGE_BANDS}
    out = {}
    keys = [v.name for v in codebook.KEY]
    for table, col in PUBLICATION.items():
        frame = counts[table]
        values = list(levels.get(col, sorted(frame[col].dropna().unique()) if not frame.empty else []))
        for level, by in (("rt", keys), ("city", ["province", "city"])):
            wide = (frame.pivot_table(index=by, columns=col, values="n", aggfunc="sum", fill_value=0, observed=True)
                    if not frame.empty else pd.DataFrame(columns=values))
            wide = wide.reindex(columns=values, fill_value=0)
            wide.columns = [str(c) for c in wide.columns]
            wide = wide.reset_index() if not frame.empty else pd.DataFrame(columns=[*by, *values])
            wide["total"] = wide[values].sum(axis=1) if values else 0
            out[f"{table}_per_{level}"] = suppress(wide, [*values, "total"], k)
    return out


def _readme(manifest: Mapping[str, Any]) -> str:
    k = manifest["k"]
    text_id = ("Teks bebas (judul, uraian, hasil) DISERTAKAN (--include-text); nama terdaftar diganti "
               "[nama] dan nomor telepon diganti [telepon]." if manifest["include_text"] else
               "Teks bebas (judul kebutuhan, uraian, catatan) TIDAK disertakan (tanpa --include-text).")
    text_en = ("Free text (titles, descriptions, outputs) IS included (--include-text); registered names "
               "are replaced by [nama] and phone numbers by [telepon]." if manifest["include_text"] else
               "Free text (need titles, descriptions, notes) is NOT included (no --include-text).")
    return f"""# Dataset riset rtplan / rtplan research dataset

Dibuat / made: {manifest['created']} · rtplan {manifest['rtplan_version']} · format: {manifest['format']}
Rencana / plans: {manifest['plans']} · dilewati / skipped: {manifest['skipped']} · k = {k}

## Bahasa Indonesia: anonimisasi yang diterapkan
- Nama, nomor telepon dan kontak (peserta, pengurus RT, pemegang aset, penanggung jawab) **dibuang**
  sebelum data digabung; tidak ada di berkas mana pun.
- Setiap peserta diberi **pseudonim stabil**: 16 digit heksadesimal dari HMAC-SHA256 dengan kunci
  rahasia yang disimpan **di luar** ekspor ini (sidik kunci: `{manifest['secret_fingerprint']}`).
  Kunci yang sama memberi pseudonim yang sama; tanpa kunci, pseudonim tidak dapat ditelusuri balik.
- Umur hanya dalam **kelompok umur** (<18, 18-24, 25-39, 40-59, 60+), tanpa tanggal lahir.
- Unsur di luar daftar baku menjadi `lainnya`; pengusul kebutuhan hanya sebagai jenis/unsur/pseudonim.
- Peserta yang tidak menyatakan setuju (consent = false, atau kosong: belum ditanya) tidak ada di tabel per
  orang; hanya dihitung.
- {text_id}
- Tabel publikasi di `tables/` menyembunyikan sel dengan 1 sampai {k - 1} orang (**k = {k}**;
  nilai kosong). Data per orang (participants, attendance) adalah **pseudonim, bukan anonim**:
  kombinasi wilayah RT, jenis kelamin, umur dan unsur bisa mengenali orang. Jangan terbitkan data
  per orang; terbitkan hanya tabel yang sudah disembunyikan sel kecilnya, dan bagikan dataset hanya
  sesuai persetujuan komite etik (UU PDP No. 27/2022).

## English: anonymisation applied
- Names, phone numbers and contacts (participants, RT officers, asset holders, persons in charge)
  are **dropped** before pooling; they are in no file.
- Each participant has a **stable pseudonym**: 16 hex digits of HMAC-SHA256 keyed with a secret
  kept **outside** this export (secret fingerprint: `{manifest['secret_fingerprint']}`). The same
  secret gives the same pseudonyms; without it a pseudonym cannot be traced back.
- Age only as **age bands**, no birth dates.
- Groups outside the standard list become `lainnya`; who raised a need only as kind/group/pseudonym.
- Participants who did not consent (consent false, or empty: not asked yet) are left out of the person
  tables and only counted.
- {text_en}
- Publication tables in `tables/` suppress cells of 1 to {k - 1} people (**k = {k}**; left empty).
  Person-level data (participants, attendance) is **pseudonymous, not anonymous**: RT area, sex, age
  band and group together can single people out. Do not publish person-level rows; publish only the
  suppressed tables, and share the dataset only as your ethics approval allows.

## Membaca / reading
- `codebook.csv`: setiap kolom / every column (type, meaning id/en, allowed values).
- Parquet: `duckdb -c "SELECT city, sex, count(*) FROM read_parquet('participants/**/*.parquet',
  hive_partitioning=true) GROUP BY ALL"`; pandas: `pd.read_parquet('participants')`;
  Dask: `dd.read_parquet('participants')` (cluster: `dask scheduler` + `dask worker tcp://HOST:8786`,
  then `Client('tcp://HOST:8786')`).
"""


def export(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    secret: bytes,
    *,
    fmt: str = "parquet",
    include_text: bool = False,
    k: int = K_DEFAULT,
    lang: str | None = None,
    workers: int | None = None,
    progress: bool | None = None,
) -> tuple[Pooled, dict[str, object]]:
    """Pool ``paths`` and write the research export to ``out`` (new or empty folder).

    Parquet and CSV are written chunk by chunk (memory stays flat with 30,000 plans);
    XLSX needs every row at once. Returns the pooled plans (only the ``plans`` table
    for Parquet/CSV) and the manifest.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}")
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise RtplanError(t("research.out_not_empty", lang, out=target))
    made = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    try:
        return _export(paths, target, secret, fmt, include_text, k, lang, workers, progress)
    except BaseException:
        if made:  # a folder this call created holds only a partial export: remove it
            shutil.rmtree(target, ignore_errors=True)
        raise


def _export(paths: Sequence[str | os.PathLike[str]], target: Path, secret: bytes, fmt: str, include_text: bool,
            k: int, lang: str | None, workers: int | None,
            progress: bool | None) -> tuple[Pooled, dict[str, object]]:
    from rtplan import __version__

    counts: list[dict[str, pd.DataFrame]] = []
    state = {"part": 0}

    buffer: list[dict[str, pd.DataFrame]] = []

    def flush() -> None:
        if buffer:
            merged = {name: pd.concat([b[name] for b in buffer], ignore_index=True) for name in buffer[0]}
            _write_parquet_chunk(target, merged, state["part"], include_text)
            state["part"] += 1
            buffer.clear()

    masked = dict.fromkeys(MASKS, 0)
    text_columns = {name: [v.name for v in codebook.columns(name, True) if v.text] for name in codebook.TABLES}

    def on_chunk(tables: dict[str, pd.DataFrame]) -> None:
        counts.append(_publication_counts(tables["participants"]))
        if include_text:
            for kind, n in count_masks(tables, text_columns).items():
                masked[kind] += n
        if fmt == "parquet":  # a few large files read quicker than many small ones
            buffer.append(tables)
            if sum(len(b["plans"]) for b in buffer) >= FLUSH_PLANS:
                flush()
        elif fmt == "csv":
            _write_csv_chunk(target, tables, state["part"] == 0)
            state["part"] += 1

    pooled = pool(paths, secret, include_text=include_text, lang=lang, workers=workers, progress=progress,
                  on_chunk=on_chunk, keep=fmt == "xlsx")
    flush()
    if pooled.n_plans == 0:
        reasons = [f"\n  - {s.path}: {s.reasons[0]}" for s in pooled.skipped[:10] if s.reasons]
        raise RtplanError(t("research.no_plans", lang) + "".join(reasons))
    if fmt == "parquet":
        _ensure_parquet_tables(target, include_text)
    merged = {name: pd.concat([c[name] for c in counts], ignore_index=True) for name in PUBLICATION}
    published = publication_tables(merged, k)
    book = pd.DataFrame(codebook.codebook_rows(include_text))
    if fmt == "xlsx":
        _write_xlsx(target / "research.xlsx", pooled.tables, book, published, lang)
    (target / "tables").mkdir(exist_ok=True)
    for name, frame in published.items():
        _write_csv_chunk(target / "tables", {name: frame}, True)
    _write_csv_chunk(target, {"codebook": book}, True)
    manifest: dict[str, object] = {
        "format": fmt, "k": k, "include_text": include_text, "plans": pooled.n_plans,
        "skipped": len(pooled.skipped), "tables": list(codebook.TABLES), "publication_tables": list(published),
        "partitioning": list(PARTITIONS) if fmt == "parquet" else [],
        "secret_fingerprint": secret_fingerprint(secret), "rtplan_version": __version__,
        "created": dt.date.today().isoformat(),
    }
    if include_text:
        manifest["masked"] = masked
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (target / "README.md").write_text(_readme(manifest), encoding="utf-8")
    return pooled, manifest


def _write_xlsx(path: Path, tables: dict[str, pd.DataFrame], book: pd.DataFrame,
                published: dict[str, pd.DataFrame], lang: str | None) -> None:
    from openpyxl import Workbook

    sheets = {**tables, "codebook": book, **{n[:31]: f for n, f in published.items()}}
    for name, frame in sheets.items():
        if len(frame) > XLSX_LIMIT:
            raise RtplanError(t("research.xlsx_too_big", lang, table=name, rows=len(frame), limit=XLSX_LIMIT))
    wb = Workbook(write_only=True)
    for name, frame in sheets.items():
        ws = wb.create_sheet(name[:31])
        ws.append([str(c) for c in frame.columns])
        for record in frame.itertuples(index=False, name=None):
            ws.append([_cell(v) for v in record])
    wb.save(path)


def read_manifest(out: str | os.PathLike[str], lang: str | None = None) -> dict[str, Any]:
    """The manifest of an export (its JSON values); :class:`RtplanError` when ``out`` is not one."""
    path = Path(out) / MANIFEST
    if not path.is_file():
        raise RtplanError(t("research.not_dataset", lang, out=out, file=MANIFEST))
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return manifest


def prepare(
    plans: Sequence[str | os.PathLike[str]] | str,
    out: str | os.PathLike[str] | None,
    secret_file: str | os.PathLike[str] | None,
    *,
    k: int = K_DEFAULT,
    lang: str | None = None,
) -> tuple[Path, dict[str, object]]:
    """For the notebook: export ``plans`` to ``out`` (a new temporary folder when ``None``)
    with the secret from ``secret_file`` (created when missing); returns the folder and manifest."""
    import tempfile

    from rtplan.research.anonymise import load_secret

    target = Path(out) if out else Path(tempfile.mkdtemp(prefix="rtplan-riset-"))
    secret, _, _ = load_secret(secret_file, create=secret_file is not None, out=target, lang=lang)
    sources = [plans] if isinstance(plans, (str, os.PathLike)) else list(plans)
    _, manifest = export(sources, target, secret, k=k, lang=lang, workers=1, progress=False)
    return target, manifest
