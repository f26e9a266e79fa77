"""Loading and saving plan folders without ever losing data.

Saving rules (design.md, "Saving without loss"):

* nothing invalid reaches disk: every save validates the whole plan with the new
  tables in place and refuses with :class:`~rtplan.exceptions.ValidationError`
  when it would add an error;
* a file that changed on disk since it was loaded (another kernel, a person with a
  spreadsheet) is never overwritten: :class:`~rtplan.exceptions.ConcurrentChangeError`;
* each file is written to a temporary file in the same folder, flushed, fsynced and
  ``os.replace``-d, so a crash leaves the old file or the new one, never half;
* the previous version goes to ``.history/<file>/`` (the newest :data:`HISTORY_KEEP`
  kept) and :func:`restore` brings one back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import tomli_w

from rtplan.exceptions import (
    ConcurrentChangeError,
    HistoryError,
    PlanExistsError,
    PlanFormatError,
    PlanNotFoundError,
    ValidationError,
)
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan, empty_tables
from rtplan.problems import Problem, problem
from rtplan.schema import SCHEMA_VERSION, TABLES
from rtplan.tables import frame_to_rows, parse_rows, read_csv_text, rows_to_csv
from rtplan.validation import validate_tables, without_echoes

PLAN_FILE = "plan.toml"
HISTORY_DIR = ".history"
HISTORY_KEEP = 30
LOCK_FILE = ".rtplan.lock"


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _meta_lang(meta: Mapping[str, Any]) -> str:
    return normalize_lang(meta.get("language") if isinstance(meta, Mapping) else None)


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

    Raises
    ------
    PlanNotFoundError : the folder has no ``plan.toml``.
    PlanFormatError : ``plan.toml`` is not valid TOML.
    """
    folder = Path(path)
    raw_meta = _read_bytes(folder / PLAN_FILE) if folder.is_dir() else None
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
        data = _read_bytes(folder / table.filename)
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


@contextlib.contextmanager
def _plan_lock(folder: Path) -> Iterator[None]:
    """Serialise savers of one plan folder (processes and kernels) where the OS allows."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the fingerprint check still applies
        yield
        return
    with open(folder / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")


def _archive(folder: Path, filename: str, data: bytes) -> None:
    """Keep ``data`` (the version about to be replaced) in the bounded history."""
    hist = folder / HISTORY_DIR / filename
    hist.mkdir(parents=True, exist_ok=True)
    stem, dot, ext = filename.rpartition(".")
    name = f"{_stamp()}.{ext}"
    while (hist / name).exists():  # same microsecond: never overwrite a kept version
        name = f"{_stamp()}_{len(list(hist.iterdir()))}.{ext}"
    atomic_write(hist / name, data)
    versions = sorted(p for p in hist.iterdir() if not p.name.startswith("."))
    for old in versions[:-HISTORY_KEEP]:
        old.unlink()


def serialize_table(name: str, frame: pd.DataFrame) -> bytes:
    """The canonical CSV bytes of a table (what is written to disk)."""
    header, rows = frame_to_rows(TABLES[name], frame)
    return rows_to_csv(header, rows)


def serialize_meta(meta: Mapping[str, Any]) -> bytes:
    """The canonical ``plan.toml`` bytes."""
    return tomli_w.dumps(dict(meta)).encode("utf-8")


def _canonical(name: str, frame: pd.DataFrame, lang: str) -> tuple[bytes, pd.DataFrame, list[Problem]]:
    """Serialise, then parse back: the bytes, the typed table and the cell problems."""
    data = serialize_table(name, frame)
    header, rows = read_csv_text(data)
    parsed, problems = parse_rows(TABLES[name], header, rows, lang)
    return data, parsed, problems


def _problem_key(p: Problem) -> tuple[object, ...]:
    return (p.file, p.row, p.column, p.rule, p.message)


def save_tables(
    plan: Plan,
    updates: Mapping[str, pd.DataFrame],
    meta: Mapping[str, Any] | None = None,
) -> Plan:
    """Validate and save one or more tables (and optionally ``plan.toml``) together.

    Nothing is written unless every updated table is valid and adds no new error to
    the rest of the plan (e.g. deleting a participant still listed in attendance is
    refused). On success ``plan`` is updated in place and returned.

    Raises
    ------
    KeyError : an unknown table name (a programming error, not a user one).
    ValidationError : the problems, worded in the plan's language.
    ConcurrentChangeError : a file changed on disk since the plan was loaded.
    """
    lang = plan.message_lang
    for name in updates:
        if name not in TABLES:
            raise KeyError(t("storage.unknown_table", lang, table=name, tables=", ".join(TABLES)))
    new_tables = dict(plan.tables)
    blobs: dict[str, bytes] = {}
    cell_problems: list[Problem] = []
    for name, frame in updates.items():
        data, parsed, found = _canonical(name, frame, lang)
        blobs[TABLES[name].filename] = data
        new_tables[name] = parsed
        cell_problems += found
    new_meta = dict(plan.meta if meta is None else meta)
    if meta is not None:
        blobs[PLAN_FILE] = serialize_meta(new_meta)
        # parse back so the checked settings are exactly what is written
        new_meta = tomllib.loads(blobs[PLAN_FILE].decode("utf-8"))
    before = known_errors(plan, lang)
    touched = set(blobs)
    after = without_echoes(cell_problems + validate_tables(new_tables, new_meta, lang))
    added = [p for p in after if p.is_error and (p.file in touched or _problem_key(p) not in before)]
    if added:
        raise ValidationError(added, lang)
    _write_files(plan, blobs)
    plan.tables = new_tables
    plan.meta = new_meta
    plan.error_cache = (_state_key(plan, lang), {_problem_key(p) for p in after if p.is_error})
    return plan


def _state_key(plan: Plan, lang: str) -> tuple[object, ...]:
    return (lang, id(plan.meta), *sorted((n, id(f)) for n, f in plan.tables.items()))


def known_errors(plan: Plan, lang: str) -> set[tuple[object, ...]]:
    """The error keys of ``plan`` as it is now.

    Kept on the plan after each save, so the next save validates once instead of twice
    (at 200 needs x 40 scorers a save is dominated by validation). The key is the
    identity of the table objects: replacing a table invalidates it.
    """
    key = _state_key(plan, lang)
    if plan.error_cache is not None and plan.error_cache[0] == key:
        return plan.error_cache[1]  # type: ignore[return-value]
    errors = {_problem_key(p) for p in validate_tables(plan.tables, plan.meta, lang) if p.is_error}
    plan.error_cache = (key, errors)
    return errors


def _write_files(plan: Plan, blobs: Mapping[str, bytes]) -> None:
    folder = plan.path
    with _plan_lock(folder):
        current = {f: _read_bytes(folder / f) for f in blobs}
        for filename, data in current.items():
            if _digest(data) != plan.fingerprints.get(filename):
                raise ConcurrentChangeError(t("storage.changed_on_disk", plan.message_lang, file=filename))
        for filename, data in blobs.items():
            old = current[filename]
            if old == data:
                continue
            if old is not None:
                _archive(folder, filename, old)
            atomic_write(folder / filename, data)
            plan.fingerprints[filename] = _digest(data)


def save_table(plan: Plan, name: str, frame: pd.DataFrame) -> Plan:
    """Validate and save one table; see :func:`save_tables`."""
    return save_tables(plan, {name: frame})


def save_meta(plan: Plan, meta: Mapping[str, Any]) -> Plan:
    """Validate and save ``plan.toml``; see :func:`save_tables`."""
    return save_tables(plan, {}, meta=meta)


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
        title = t("plan.default_title", lang, rt=rt, rw=rw, start=start.year, end=end.year)
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
    """
    folder = Path(path)
    lang = _meta_lang(meta)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PlanExistsError(t("storage.exists", lang, path=folder))
    tables = empty_tables()
    found = [p for p in validate_tables(tables, meta, lang) if p.is_error]
    if found:
        raise ValidationError(found, lang)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        atomic_write(folder / TABLES[name].filename, serialize_table(name, frame))
    atomic_write(folder / PLAN_FILE, serialize_meta(meta))
    return load_plan(folder)


@dataclass(frozen=True)
class Version:
    """One kept earlier version of a file: its id (time stamp), when, its size."""

    version: str
    saved: dt.datetime
    size: int
    path: Path


def _history_file(name: str) -> str:
    if name in (PLAN_FILE, "plan"):
        return PLAN_FILE
    name = name[:-4] if name.endswith(".csv") else name
    if name not in TABLES:
        raise HistoryError(t("storage.unknown_table", None, table=name,
                             tables=", ".join(["plan", *TABLES])))
    return TABLES[name].filename


def list_versions(path: str | os.PathLike[str], name: str) -> list[Version]:
    """The kept versions of a table (or ``plan``), newest first."""
    filename = _history_file(name)
    hist = Path(path) / HISTORY_DIR / filename
    if not hist.is_dir():
        return []
    out = []
    for p in sorted((p for p in hist.iterdir() if not p.name.startswith(".")), reverse=True):
        stamp = p.stem.split("_")[0]
        try:
            saved = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%f")
        except ValueError:
            continue
        out.append(Version(p.stem, saved, p.stat().st_size, p))
    return out


def restore(path: str | os.PathLike[str], name: str, version: str | None = None) -> Version:
    """Bring back a kept version of a table (default: the newest).

    The current file goes into the history first, and the restored file is checked
    like any save: a version that no longer fits the rest of the plan is refused.
    """
    plan = load_plan(path)
    filename = _history_file(name)
    versions = list_versions(path, name)
    if not versions:
        raise HistoryError(t("storage.no_history", plan.lang, file=filename))
    chosen = versions[0] if version is None else next((v for v in versions if v.version == version), None)
    if chosen is None:
        raise HistoryError(t("storage.no_version", plan.lang, version=version, file=filename,
                             plan=path, table=name))
    data = chosen.path.read_bytes()
    if filename == PLAN_FILE:
        save_meta(plan, tomllib.loads(data.decode("utf-8")))
    else:
        table = filename[:-4]
        header, rows = read_csv_text(data)
        frame, _ = parse_rows(TABLES[table], header, rows, plan.lang)
        save_table(plan, table, frame)
    return chosen
