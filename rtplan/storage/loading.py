"""Reading a plan folder into a :class:`~rtplan.plan.Plan`; the canonical bytes of its files.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import tomli_w

from rtplan.exceptions import DiskError, PlanFormatError, PlanNotFoundError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan, empty_tables
from rtplan.problems import Problem, problem
from rtplan.schema import TABLES
from rtplan.storage.files import (
    JOURNAL_FILE,
    PLAN_FILE,
    _digest,
    _meta_lang,
    _pending,
    _plan_lock,
    _read_bytes,
    _regular_file,
    recover,
)
from rtplan.tables import frame_to_rows, parse_rows, read_csv_text, rows_to_csv


def load_plan(path: str | os.PathLike[str], lang: str | None = None) -> Plan:
    """Load a plan folder.

    Parameters
    ----------
    path : the plan folder (it holds ``plan.toml`` and the table CSV files).
    lang : language of the messages about problems found while loading
        (default: the plan's own ``language``).

    Returns
    -------
    Plan
        Every declared table, typed; a missing table file gives an empty table.
        Cells that could not be read are empty and listed in ``plan.load_problems``
        (``rtplan validate`` reports them); loading never fails for bad cells.
        An interrupted save is finished or undone first (:func:`recover`).

    Raises
    ------
    PlanNotFoundError : the folder has no ``plan.toml``.
    PlanFormatError : ``plan.toml`` is not valid TOML.
    UnsafeLinkError : a plan file is a symbolic link leaving the plan folder.
    """
    folder = Path(path)
    if not folder.is_dir() or not os.path.lexists(folder / PLAN_FILE):
        raise PlanNotFoundError(t("storage.not_a_plan", lang, path=folder))
    for _ in range(5):
        with _plan_lock(folder, exclusive=False, lang=lang):
            if not _pending(folder):
                return _read_plan(folder, lang)
        try:
            recover(folder, lang)
        except DiskError:
            if os.path.lexists(folder / JOURNAL_FILE):
                raise  # a half-made save that cannot be finished: never read it
            break  # only stray temporary files on a read-only disk: they are never read
    with _plan_lock(folder, exclusive=False, lang=lang):
        return _read_plan(folder, lang)


def _read_plan(folder: Path, lang: str | None) -> Plan:
    meta_path = folder / PLAN_FILE
    if not _regular_file(folder, meta_path, lang):
        raise PlanNotFoundError(t("storage.not_a_plan", lang, path=folder))
    raw_meta = _read_bytes(meta_path)
    if raw_meta is None:
        raise PlanNotFoundError(t("storage.not_a_plan", lang, path=folder))
    try:
        meta = tomllib.loads(raw_meta.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PlanFormatError(f"{PLAN_FILE}: {t('rule.bad_toml', lang, error=exc)}") from exc
    msg_lang = normalize_lang(lang) if lang else _meta_lang(meta)
    tables = empty_tables()
    fingerprints: dict[str, str | None] = {PLAN_FILE: _digest(raw_meta)}
    problems: list[Problem] = []
    for name, table in TABLES.items():
        file_path = folder / table.filename
        if os.path.lexists(file_path) and not _regular_file(folder, file_path, msg_lang):
            fingerprints[table.filename] = _digest(b"")  # a folder or a device: never read it
            problems.append(problem(msg_lang, table.filename, None, None, "bad_csv",
                                    error=t("storage.not_regular", msg_lang)))
            continue
        data = _read_bytes(file_path)
        fingerprints[table.filename] = _digest(data)
        if data is None:
            continue
        try:
            header, rows = read_csv_text(data)
        except UnicodeDecodeError:
            problems.append(problem(msg_lang, table.filename, None, None, "not_utf8"))
            continue
        except Exception as exc:  # csv.Error and friends: report, do not crash
            problems.append(problem(msg_lang, table.filename, None, None, "bad_csv", error=exc))
            continue
        if not header:
            continue
        frame, found = parse_rows(table, header, rows, msg_lang)
        tables[name] = frame
        problems += found
    return Plan(folder, meta, tables, fingerprints, problems, msg_lang)


def serialize_table(name: str, frame: pd.DataFrame) -> bytes:
    """The canonical CSV bytes of a table (what is written to disk)."""
    header, rows = frame_to_rows(TABLES[name], frame)
    return rows_to_csv(header, rows)


def serialize_meta(meta: Mapping[str, Any]) -> bytes:
    """The canonical ``plan.toml`` bytes."""
    return tomli_w.dumps(dict(meta)).encode("utf-8")
