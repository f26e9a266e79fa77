"""Creating a new plan folder.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rtplan.exceptions import PlanExistsError, ValidationError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan, empty_tables
from rtplan.schema import SCHEMA_VERSION, TABLES
from rtplan.storage.files import PLAN_FILE, TMP_SUFFIX, _fsync_dir, _meta_lang, _stage, _umask, _writing
from rtplan.storage.loading import load_plan, serialize_meta, serialize_table
from rtplan.validation import validate_tables


def default_meta(
    *,
    rt: str = "01",
    rw: str = "01",
    kelurahan: str = "",
    kecamatan: str = "",
    city: str = "",
    province: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    lang: str = "id",
    title: str | None = None,
) -> dict[str, Any]:
    """Settings for a new plan; the period defaults to six months from next month."""
    lang = normalize_lang(lang)
    today = dt.date.today()
    if start is None:
        start = dt.date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    if end is None:
        month = start.month + 6
        year = start.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        end = dt.date(year, month, 1) - dt.timedelta(days=1)
    rt, rw = str(rt).strip(), str(rw).strip()
    if title is None:
        title = (t("plan.default_title_one_year", lang, rt=rt, rw=rw, year=start.year)
                 if start.year == end.year else
                 t("plan.default_title", lang, rt=rt, rw=rw, start=start.year, end=end.year))
    return {
        "schema_version": SCHEMA_VERSION,
        "title": title,
        "language": lang,
        "households": 0,
        "residents": 0,
        "area": {"rt": rt, "rw": rw, "kelurahan": kelurahan, "kecamatan": kecamatan,
                 "city": city, "province": province},
        "people": {"ketua_rt": "", "secretary": "", "treasurer": "", "facilitator": ""},
        "period": {"start": start, "end": end},
    }


def new_plan(path: str | os.PathLike[str], meta: Mapping[str, Any]) -> Plan:
    """Create a plan folder with ``plan.toml`` and every table's header.

    Refuses (:class:`PlanExistsError`) when the folder already holds any file, and
    (:class:`ValidationError`) when the settings break a rule; nothing is written then.
    All or nothing: the folder is built under a temporary sibling name and renamed
    into place, so a failure (:class:`DiskError` on a full or read-only disk) leaves
    nothing that blocks a retry.
    """
    folder = Path(path)
    lang = _meta_lang(meta)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PlanExistsError(t("storage.exists", lang, path=folder))
    tables = empty_tables()
    found = [p for p in validate_tables(tables, meta, lang) if p.is_error]
    if found:
        raise ValidationError(found, lang)
    parent = folder.absolute().parent
    with _writing(parent, lang):
        parent.mkdir(parents=True, exist_ok=True)
    building: Path | None = None
    try:
        with _writing(folder, lang):
            building = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}.", suffix=".new" + TMP_SUFFIX))
            os.chmod(building, 0o777 & ~_umask())
            mode = 0o666 & ~_umask()
            files = {TABLES[name].filename: serialize_table(name, frame) for name, frame in tables.items()}
            files[PLAN_FILE] = serialize_meta(meta)
            for filename, data in files.items():
                os.replace(_stage(building / filename, data, mode), building / filename)
            _fsync_dir(building)
            try:
                os.rename(building, folder)  # onto a missing or an empty folder
            except OSError as exc:
                if exc.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR):
                    raise PlanExistsError(t("storage.exists", lang, path=folder)) from exc
                raise
            building = None
            _fsync_dir(parent)
    finally:
        if building is not None:
            shutil.rmtree(building, ignore_errors=True)
    return load_plan(folder)
