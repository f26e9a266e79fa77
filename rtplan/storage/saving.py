"""Saving tables and settings: validated, all or nothing, never over a file changed on
disk since it was read; and bringing kept versions back through the same save.
"""

from __future__ import annotations

import contextlib
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from rtplan.exceptions import ConcurrentChangeError, EmptiedTableError, HistoryError, ValidationError
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.problems import Problem
from rtplan.schema import TABLES
from rtplan.storage.checking import (
    Checked,
    _canonical_update,
    _content_key,
    _problem_key,
    _report,
    _state_key,
    reuse_report,
)
from rtplan.storage.files import (
    HISTORY_DIR,
    JOURNAL_FILE,
    PLAN_FILE,
    _digest,
    _fsync_dir,
    _mode_for,
    _pending,
    _plan_lock,
    _read_plan_file,
    _recover,
    _replace_atomically,
    _stage,
    _writing,
)
from rtplan.storage.history import Version, _archive, _prune, _stamp_time, history_file, list_versions
from rtplan.storage.loading import load_plan, serialize_meta
from rtplan.tables import parse_rows, read_csv_text
from rtplan.validation import affected_files, build_report, related_files, update_report, without_echoes


def save_tables(
    plan: Plan,
    updates: Mapping[str, pd.DataFrame],
    meta: Mapping[str, Any] | None = None,
    *,
    whole: bool = False,
    force: bool = False,
    checked: Checked | None = None,
) -> Plan:
    """Validate and save one or more tables (and optionally ``plan.toml``) together.

    Nothing is written unless every updated table is valid and adds no new error to
    the rest of the plan (e.g. deleting a participant still listed in attendance is
    refused). The files are replaced all together or not at all, even across a
    crash. On success ``plan`` is updated in place and returned.

    Raises
    ------
    KeyError : an unknown table name (a programming error, not a user one).
    ValidationError : the problems, worded in the plan's language.
    ConcurrentChangeError : a file, or a file its rules depend on, changed on disk
        since the plan was loaded.
    DiskError : the disk is full, read-only or not writable (nothing changed).
    UnsafeLinkError : a plan file or the history is a link leaving the plan folder.
    EmptiedTableError : a table to save was found empty when loaded while its history
        holds rows (``plan.emptied``); ``force=True`` (the person confirmed) saves it.

    ``whole=True`` validates the whole plan and serialises every updated table in full
    (how saves worked before scoped validation; ``benchmarks/bench_save.py`` compares both,
    a test checks both give the same files and refusals).

    ``checked``: the caller validated these tables already (an import checks its rows
    before saving them): when the tables parsed back from the bytes to write equal the
    checked ones, their report is used instead of running the rules a second time.
    """
    lang = plan.message_lang
    for name in updates:
        if name not in TABLES:
            raise KeyError(t("storage.unknown_table", lang, table=name, tables=", ".join(TABLES)))
    emptied = {name: plan.emptied[name] for name in updates if name in plan.emptied}
    if emptied and not force:
        raise EmptiedTableError(
            " ".join(t("storage.emptied_save", lang, table=name, file=TABLES[name].filename, rows=rows,
                       plan=plan.path) for name, rows in emptied.items()), emptied)
    new_tables = dict(plan.tables)
    blobs: dict[str, bytes] = {}
    cell_problems: list[Problem] = []
    changed: dict[str, list[int] | None] = {}
    texts: dict[str, tuple[list[str], list[list[str]]] | None] = {}
    old_report = _report(plan, lang)
    for name, frame in updates.items():
        found = _canonical_update(plan, name, frame, lang, whole)
        blobs[TABLES[name].filename] = found.data
        new_tables[name] = found.parsed
        cell_problems += found.problems
        changed[name] = found.positions
        texts[name] = found.text
    new_meta = dict(plan.meta if meta is None else meta)
    if meta is not None:
        blobs[PLAN_FILE] = serialize_meta(new_meta)
        # parse back so the checked settings are exactly what is written
        new_meta = tomllib.loads(blobs[PLAN_FILE].decode("utf-8"))
    touched = set(blobs)
    reused = None if whole or meta is not None else reuse_report(checked, new_tables, plan.meta, lang, updates)
    if reused is not None:
        new_report = reused
        checked_problems = new_report.problems(affected_files(touched))
    elif whole:
        new_report = build_report(new_tables, new_meta, lang)
        checked_problems = new_report.problems()
    else:
        new_report = update_report(old_report, new_tables, new_meta, lang, changed, meta is not None)
        checked_problems = new_report.problems(affected_files(touched))
    after = without_echoes(cell_problems + checked_problems)
    before: set[tuple[object, ...]] | None = None
    added = []
    for p in after:
        if not p.is_error:
            continue
        if p.file not in touched:
            if before is None:
                before = {_problem_key(q) for q in old_report.problems() if q.is_error}
            if _problem_key(p) in before:
                continue
        added.append(p)
    if added:
        raise ValidationError(added, lang)
    _write_files(plan, blobs)
    for name in emptied:  # the person confirmed: the table is what they saved now
        plan.emptied.pop(name, None)
    plan.tables = new_tables
    plan.meta = new_meta
    for name in updates:
        content = _content_key(new_tables[name])
        text = texts[name]
        if text is None or content is None:
            plan.text_cache.pop(name, None)
        else:
            plan.text_cache[name] = (content, text)
    plan.error_cache = (_state_key(plan, lang), new_report)
    return plan


def _write_files(plan: Plan, blobs: Mapping[str, bytes]) -> None:
    """Commit ``blobs`` (file name -> bytes) to the plan folder, all or nothing."""
    folder = plan.path
    lang = plan.message_lang
    with _plan_lock(folder, exclusive=True, lang=lang):
        if _pending(folder):
            _recover(folder, lang)
        current = {filename: _read_plan_file(folder, filename, lang) for filename in blobs}
        for filename, data in current.items():
            if _digest(data) != plan.fingerprints.get(filename):
                raise ConcurrentChangeError(t("storage.changed_on_disk", lang, file=filename))
        changed = [f for f, data in blobs.items() if current[f] != data]
        if not changed:
            return
        for filename in sorted(related_files(changed) - set(blobs)):
            if _digest(_read_plan_file(folder, filename, lang)) != plan.fingerprints.get(filename):
                raise ConcurrentChangeError(t("storage.dependency_changed", lang, file=filename,
                                              saving=", ".join(sorted(changed))))
        _commit(folder, {f: blobs[f] for f in changed}, current, lang)
        for filename in changed:
            plan.fingerprints[filename] = _digest(blobs[filename])


def _commit(folder: Path, blobs: Mapping[str, bytes], current: Mapping[str, bytes | None], lang: str) -> None:
    """Archive, stage, journal (the commit point), rename, clean up."""
    archived: list[Path] = []
    staged: list[tuple[str, str]] = []
    journal = folder / JOURNAL_FILE
    try:
        for filename, data in blobs.items():
            old = current[filename]
            if old is not None:
                archived.append(_archive(folder, filename, old, lang, _mode_for(folder / filename)))
            with _writing(folder / filename, lang):
                tmp = _stage(folder / filename, data)
                staged.append((filename, tmp))
                stamp = _stamp_time(archived[-1].name) if old is not None else None
                if stamp is not None:  # marks the file as rtplan's own (see loading._rows_in_history)
                    os.utime(tmp, (stamp, stamp))
        if len(staged) > 1:
            entries = [{"file": f, "tmp": os.path.basename(tmp), "sha256": _digest(blobs[f])}
                       for f, tmp in staged]
            with _writing(journal, lang):  # the commit point
                _replace_atomically(journal, json.dumps({"files": entries}).encode("utf-8"))
    except BaseException:
        for _, tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for path in archived:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    # committed: from here a crash is rolled forward by the next load or save
    with _writing(folder, lang):
        for filename, tmp in staged:
            os.replace(tmp, folder / filename)
        if len(staged) > 1:
            _fsync_dir(folder)  # the renames are durable before the journal goes
            journal.unlink()
        _fsync_dir(folder)
    for filename in blobs:
        with contextlib.suppress(OSError):
            _prune(folder / HISTORY_DIR / filename)
    for path in {p.parent for p in archived}:
        _fsync_dir(path)


def save_table(plan: Plan, name: str, frame: pd.DataFrame, *, force: bool = False) -> Plan:
    """Validate and save one table; see :func:`save_tables`."""
    return save_tables(plan, {name: frame}, force=force)


def save_meta(plan: Plan, meta: Mapping[str, Any]) -> Plan:
    """Validate and save ``plan.toml``; see :func:`save_tables`."""
    return save_tables(plan, {}, meta=meta)


def restore(path: str | os.PathLike[str], name: str, version: str | None = None) -> Version:
    """Bring back a kept version of a table (default: the newest).

    The current file goes into the history first, and the restored file is checked
    like any save: a version that no longer fits the rest of the plan is refused.
    """
    plan = load_plan(path)
    filename = history_file(name)
    versions = list_versions(path, name)
    if not versions:
        raise HistoryError(t("storage.no_history", plan.lang, file=filename))
    chosen = versions[0] if version is None else next((v for v in versions if v.version == version), None)
    if chosen is None:
        raise HistoryError(t("storage.no_version", plan.lang, version=version, file=filename,
                             plan=path, table=name))
    data = chosen.path.read_bytes()
    if filename == PLAN_FILE:
        try:
            meta = tomllib.loads(data.decode("utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise HistoryError(f"{chosen.path}: {t('rule.bad_toml', plan.lang, error=exc)}") from exc
        save_meta(plan, meta)
    else:
        table = filename[:-4]
        try:
            header, rows = read_csv_text(data)
        except Exception as exc:  # csv.Error, UnicodeDecodeError: a damaged copy
            raise HistoryError(f"{chosen.path}: {t('rule.bad_csv', plan.lang, error=exc)}") from exc
        frame, _ = parse_rows(TABLES[table], header, rows, plan.lang)
        save_tables(plan, {table: frame}, force=True)  # bringing rows back is what the warning asks for
    return chosen


def restore_versions(plan: Plan, versions: Mapping[str, Version | None], *, force: bool = False) -> Plan:
    """Bring back kept versions of several tables in one validated, atomic save.

    ``versions`` maps a table name to a :class:`Version` (``None``: the table had no
    file before, it comes back empty). Saved through :func:`save_tables` on ``plan``,
    so a file changed on disk since ``plan`` was loaded is refused like any save.
    """
    frames: dict[str, pd.DataFrame] = {}
    for name, version in versions.items():
        if version is None:
            frames[name] = pd.DataFrame({c: pd.Series(dtype="object") for c in TABLES[name].column_names})
            continue
        try:
            header, rows = read_csv_text(version.path.read_bytes())
        except Exception as exc:  # csv.Error, UnicodeDecodeError, OSError: a damaged copy
            raise HistoryError(f"{version.path}: {t('rule.bad_csv', plan.lang, error=exc)}") from exc
        frames[name], _ = parse_rows(TABLES[name], header, rows, plan.lang)
    return save_tables(plan, frames, force=force)
