"""Loading and saving plan folders without ever losing data.

Saving rules (design.md, "Saving without loss"):

* nothing invalid reaches disk: a save checks the rules its change can affect (the
  touched tables, the tables whose rules read them, and the period when ``plan.toml``
  changes; :func:`rtplan.validation.update_report`) and refuses with
  :class:`~rtplan.exceptions.ValidationError` when it would add an error;
* a file that changed on disk since it was loaded (another kernel, a person with a
  spreadsheet) is never overwritten, and neither is a file whose rules read a file
  that changed meanwhile (write skew: one kernel deletes a participant while another
  adds attendance for them): :class:`~rtplan.exceptions.ConcurrentChangeError`;
* a save of several files is all or nothing across a crash. Every new file is
  written to a temporary file in the plan folder and fsynced; then a small journal
  (``.rtplan.journal``) naming each target and its digest is written atomically: that
  is the commit point; then each temporary file is renamed over its target and the
  journal removed. The next load or save rolls a complete journal forward and
  removes every temporary file of an incomplete one, so a plan is always wholly the
  old state or wholly the new one, and no ``.*.tmp`` stays behind;
* readers never see a half-made commit: loading holds a shared ``flock`` on the
  plan folder itself, committing the exclusive one (no lock file is created);
* the previous version goes to ``.history/<file>/`` (the newest :data:`HISTORY_KEEP`
  kept), written before the commit point, and :func:`restore` brings one back;
* a plan file, ``.history`` or a history subfolder that is a symbolic link leaving
  the plan folder is refused (:class:`~rtplan.exceptions.UnsafeLinkError`): nothing is
  read or written through it;
* a replaced file keeps its mode; a new file gets ``0666 & ~umask``;
* a full, read-only or forbidden disk is a :class:`~rtplan.exceptions.DiskError`
  naming the path and the cause, with the old files intact and no temporary file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import stat
import tempfile
import threading
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import tomli_w

from rtplan.exceptions import (
    ConcurrentChangeError,
    DiskError,
    HistoryError,
    PlanExistsError,
    PlanFormatError,
    PlanNotFoundError,
    UnsafeLinkError,
    ValidationError,
)
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan, StateKey, empty_tables
from rtplan.problems import Problem, problem
from rtplan.schema import SCHEMA_VERSION, TABLES, Table
from rtplan.tables import frame_to_rows, parse_rows, read_csv_text, rows_to_csv
from rtplan.validation import (
    Report,
    affected_files,
    build_report,
    related_files,
    update_report,
    validate_tables,
    without_echoes,
)

PLAN_FILE = "plan.toml"
HISTORY_DIR = ".history"
HISTORY_KEEP = 30
JOURNAL_FILE = ".rtplan.journal"
TMP_SUFFIX = ".tmp"
PLAN_FILES = frozenset([PLAN_FILE, *(table.filename for table in TABLES.values())])

# True: every save validates the whole plan and serialises every updated table in full
# (how saves worked before scoped validation; benchmarks/bench_save.py compares both).
WHOLE_PLAN_VALIDATION = False
# above this share of changed rows a table is serialised and parsed whole
_INCREMENTAL_MAX_SHARE = 0.25

_DISK_MESSAGES = {
    errno.ENOSPC: "storage.disk_full",
    errno.EDQUOT: "storage.quota",
    errno.EROFS: "storage.read_only",
    errno.EACCES: "storage.no_permission",
    errno.EPERM: "storage.no_permission",
    errno.EIO: "storage.write_failed",
    errno.EFBIG: "storage.write_failed",
}


# --------------------------------------------------------------------------- helpers


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _meta_lang(meta: Mapping[str, Any]) -> str:
    return normalize_lang(meta.get("language") if isinstance(meta, Mapping) else None)


def disk_error(exc: OSError, path: object, lang: str | None = None) -> DiskError | OSError:
    """The :class:`DiskError` for a failed write (disk full, read-only, no permission),
    or ``exc`` itself when it is another kind of failure."""
    key = _DISK_MESSAGES.get(exc.errno or 0)
    if key is None:
        return exc
    return DiskError(t(key, lang, path=path, error=exc.strerror or exc), path, exc.errno)


@contextlib.contextmanager
def _writing(path: object, lang: str | None) -> Iterator[None]:
    """Turn a disk-level failure while writing ``path`` into a clear :class:`DiskError`."""
    try:
        yield
    except DiskError:
        raise
    except OSError as exc:
        converted = disk_error(exc, path, lang)
        if converted is exc:
            raise
        raise converted from exc


def _inside(folder: Path, path: Path) -> tuple[bool, str]:
    """Whether ``path`` (following links) stays inside ``folder``; and where it leads."""
    root = os.path.realpath(folder)
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep), real


def _check_link(folder: Path, path: Path, lang: str | None) -> None:
    """Refuse ``path`` when it is a symbolic link (or lies under one) leaving ``folder``."""
    ok, real = _inside(folder, path)
    if not ok:
        raise UnsafeLinkError(t("storage.unsafe_link", lang, path=path, target=real))


_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    try:  # Linux: read it without changing it
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """A replaced file keeps its permissions; a new one gets the usual ``0666 & ~umask``."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # make renames durable where the OS allows
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _is_temp(entry: os.DirEntry[str]) -> bool:
    """A temporary file of ours (never a folder someone named so)."""
    return (entry.name.startswith(".") and entry.name.endswith(TMP_SUFFIX)
            and not entry.is_dir(follow_symlinks=False))


def _stage(path: Path, data: bytes, mode: int | None = None) -> str:
    """Write ``data`` to a fsynced temporary file next to ``path``; return its path."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        try:
            os.fchmod(fd, _mode_for(path) if mode is None else mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _replace_atomically(path: Path, data: bytes, mode: int | None = None, sync_dir: bool = True) -> None:
    tmp = _stage(path, data, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        _fsync_dir(path.parent)


def atomic_write(path: str | os.PathLike[str], data: bytes, *, lang: str | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one.

    A replaced file keeps its mode, a new one gets ``0666 & ~umask``. A full,
    read-only or forbidden disk raises :class:`DiskError` (in ``lang``) naming the
    path; the old file is intact and no temporary file stays behind.
    """
    path = Path(path)
    with _writing(path, lang):
        _replace_atomically(path, data)


# --------------------------------------------------------------------------- locks and recovery


@contextlib.contextmanager
def _plan_lock(folder: Path, exclusive: bool = True, lang: str | None = None) -> Iterator[None]:
    """Lock the plan folder itself: shared while loading, exclusive while committing.

    The lock is an ``flock`` on the folder's own descriptor, so reading a plan never
    creates a file in it (a lock file would show up as a change in the folder), and a
    read-only folder locks as well as any other.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the fingerprint check still applies
        yield
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(folder, flags)
    except OSError as exc:
        with _writing(folder, lang):
            raise exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock


def _temp_files(folder: Path) -> list[Path]:
    """Temporary files left by an interrupted write, in the folder and in ``.history/``."""
    out: list[Path] = []
    with contextlib.suppress(OSError):
        out += [folder / e.name for e in os.scandir(folder) if _is_temp(e)]
    hist = folder / HISTORY_DIR
    if hist.is_dir() and not hist.is_symlink() and _inside(folder, hist)[0]:
        with contextlib.suppress(OSError):
            for sub in os.scandir(hist):
                if _is_temp(sub):
                    out.append(hist / sub.name)
                elif sub.is_dir(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        out += [hist / sub.name / e.name for e in os.scandir(sub.path) if _is_temp(e)]
    return out


def _pending(folder: Path) -> bool:
    """An interrupted save left a journal or temporary files behind."""
    return os.path.lexists(folder / JOURNAL_FILE) or bool(_temp_files(folder))


def _journal_entries(data: bytes) -> list[tuple[str, str, str]] | None:
    """The (target, temporary file, digest) entries of a journal; ``None`` if unusable."""
    try:
        files = json.loads(data.decode("utf-8"))["files"]
        entries = [(str(e["file"]), str(e["tmp"]), str(e["sha256"])) for e in files]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    for target, tmp, _ in entries:
        if target not in PLAN_FILES or "/" in tmp or os.sep in tmp or not tmp.startswith(f".{target}.") \
                or not tmp.endswith(TMP_SUFFIX):
            return None
    return entries


def recover(path: str | os.PathLike[str], lang: str | None = None) -> dict[str, int]:
    """Finish or undo a save that was interrupted (a crash, a kill), under the lock.

    A complete journal is rolled forward (its files renamed into place); temporary
    files of an incomplete save are removed. Returns the counts
    ``{"rolled_forward": files, "removed": temporary files}``. Loading and saving call
    this by themselves.
    """
    folder = Path(path)
    with _plan_lock(folder, exclusive=True, lang=lang):
        return _recover(folder, lang)


def _recover(folder: Path, lang: str | None) -> dict[str, int]:
    counts = {"rolled_forward": 0, "removed": 0}
    journal = folder / JOURNAL_FILE
    with _writing(folder, lang):
        if os.path.lexists(journal):
            if journal.is_symlink():
                _check_link(folder, journal, lang)
            entries = _journal_entries(_read_bytes(journal) or b"") or []
            for target, tmp, digest in entries:
                staged = folder / tmp
                if staged.is_symlink() or not staged.is_file():
                    continue
                if _digest(_read_bytes(staged)) == digest:
                    os.replace(staged, folder / target)
                    counts["rolled_forward"] += 1
            _fsync_dir(folder)
            journal.unlink()
            _fsync_dir(folder)
        for leftover in _temp_files(folder):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                counts["removed"] += 1
    return counts


# --------------------------------------------------------------------------- loading


def _regular_file(folder: Path, path: Path, lang: str | None) -> bool:
    """True when ``path`` is a regular file inside the plan folder; ``False`` when absent."""
    if not os.path.lexists(path):
        return False
    _check_link(folder, path, lang)
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


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


# --------------------------------------------------------------------------- serialising


def serialize_table(name: str, frame: pd.DataFrame) -> bytes:
    """The canonical CSV bytes of a table (what is written to disk)."""
    header, rows = frame_to_rows(TABLES[name], frame)
    return rows_to_csv(header, rows)


def serialize_meta(meta: Mapping[str, Any]) -> bytes:
    """The canonical ``plan.toml`` bytes."""
    return tomli_w.dumps(dict(meta)).encode("utf-8")


@dataclass
class _Canonical:
    """A table as it will be written: bytes, the typed table parsed back from them, the
    cell problems, the changed row positions (``None``: unknown) and its text rows."""

    data: bytes
    parsed: pd.DataFrame
    problems: list[Problem]
    positions: list[int] | None
    text: tuple[list[str], list[list[str]]] | None


def _canonical(name: str, frame: pd.DataFrame, lang: str) -> tuple[bytes, pd.DataFrame, list[Problem]]:
    """Serialise, then parse back: the bytes, the typed table and the cell problems."""
    found = _canonical_full(TABLES[name], frame, lang)
    return found.data, found.parsed, found.problems


def _canonical_full(table: Table, frame: pd.DataFrame, lang: str) -> _Canonical:
    header, rows = frame_to_rows(table, frame)
    # a row with every cell empty is no row (reading skips it): it is not written either
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    data = rows_to_csv(header, rows)
    back_header, back_rows = read_csv_text(data)
    parsed, problems = parse_rows(table, back_header, back_rows, lang)
    # the text rows can stand for ``parsed`` only when they read back unchanged
    text = (header, rows) if not problems and back_header == header and back_rows == rows else None
    return _Canonical(data, parsed, problems, None, text)


def _changed_rows(old: pd.DataFrame, new: pd.DataFrame) -> np.ndarray:
    """Per row of two equally long tables with the same columns and dtypes: differs?"""
    diff = np.zeros(len(old), dtype=bool)
    for col in old.columns:
        a = old[col].reset_index(drop=True)
        b = new[col].reset_index(drop=True)
        both_missing = (a.isna() & b.isna()).to_numpy(dtype=bool)
        differs = a.ne(b)
        if differs.dtype != bool:
            differs = differs.fillna(True)
        diff |= differs.to_numpy(dtype=bool) & ~both_missing
    return diff


def _canonical_incremental(
    table: Table,
    old: pd.DataFrame,
    frame: pd.DataFrame,
    text: tuple[list[str], list[list[str]]],
    lang: str,
) -> _Canonical | None:
    """Serialise and parse back only the rows that changed since ``old`` (whose
    canonical text rows are ``text``); ``None`` when the whole way is needed."""
    if list(frame.columns) != list(old.columns) or any(
            frame[c].dtype != old[c].dtype for c in old.columns):
        return None
    header, rows = text
    n_old, n_new = len(old), len(frame)
    if n_new == n_old:
        positions = np.flatnonzero(_changed_rows(old, frame)).tolist()
    else:
        common = min(n_old, n_new)
        head = _changed_rows(old.iloc[:common], frame.iloc[:common])
        first = int(np.argmax(head)) if head.any() else common
        positions = list(range(first, n_new))
    if len(positions) > max(16, int(n_new * _INCREMENTAL_MAX_SHARE)):
        return None
    sub = frame.iloc[positions]
    sub_header, sub_rows = frame_to_rows(table, sub)
    if sub_header != header or any(not any(cell.strip() for cell in r) for r in sub_rows):
        return None  # a blank row vanishes on reading back: let the whole way say so
    parsed_sub, problems = parse_rows(table, header, sub_rows, lang)
    if problems:
        return None  # the whole way words the problems with the right rows
    if n_new == n_old:
        new_rows = list(rows)
        for i, pos in enumerate(positions):
            new_rows[pos] = sub_rows[i]
        columns = {}
        for col in old.columns:
            values = old[col].array.copy()
            if positions:
                values[positions] = parsed_sub[col].array
            columns[col] = values
        parsed = pd.DataFrame(columns)
    else:
        first = positions[0] if positions else n_new
        new_rows = list(rows[:first]) + sub_rows
        kept = old.iloc[:first]
        parsed = (pd.concat([kept, parsed_sub], ignore_index=True) if len(kept) and len(parsed_sub)
                  else (kept if len(kept) else parsed_sub).reset_index(drop=True))
    data = rows_to_csv(header, new_rows)
    return _Canonical(data, parsed, [], positions, (header, new_rows))


def _canonical_update(plan: Plan, name: str, frame: pd.DataFrame, lang: str) -> _Canonical:
    """The text cache is used only when it still describes the plan's current table
    (its content key: an edit in place is noticed) and ``frame`` is another object."""
    table = TABLES[name]
    old = plan.tables.get(name)
    cached = plan.text_cache.get(name)
    if (not WHOLE_PLAN_VALIDATION and old is not None and cached is not None and frame is not old
            and cached[0] == _content_key(old)):
        found = _canonical_incremental(table, old, frame, cached[1], lang)
        if found is not None:
            return found
    return _canonical_full(table, frame, lang)


def _problem_key(p: Problem) -> tuple[object, ...]:
    return (p.file, p.row, p.column, p.rule, p.message)


# --------------------------------------------------------------------------- saving


def save_tables(
    plan: Plan,
    updates: Mapping[str, pd.DataFrame],
    meta: Mapping[str, Any] | None = None,
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
    """
    lang = plan.message_lang
    for name in updates:
        if name not in TABLES:
            raise KeyError(t("storage.unknown_table", lang, table=name, tables=", ".join(TABLES)))
    new_tables = dict(plan.tables)
    blobs: dict[str, bytes] = {}
    cell_problems: list[Problem] = []
    changed: dict[str, list[int] | None] = {}
    texts: dict[str, tuple[list[str], list[list[str]]] | None] = {}
    old_report = _report(plan, lang)
    for name, frame in updates.items():
        found = _canonical_update(plan, name, frame, lang)
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
    if WHOLE_PLAN_VALIDATION:
        new_report = build_report(new_tables, new_meta, lang)
        checked = new_report.problems()
    else:
        new_report = update_report(old_report, new_tables, new_meta, lang, changed, meta is not None)
        checked = new_report.problems(affected_files(touched))
    after = without_echoes(cell_problems + checked)
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


def _content_key(frame: pd.DataFrame) -> str | None:
    """A digest of a table's columns, dtypes and values (``None``: cannot be hashed)."""
    try:
        rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    except (TypeError, ValueError):
        return None
    head = repr([(str(c), str(frame[c].dtype)) for c in frame.columns]).encode("utf-8")
    return hashlib.sha256(head + rows.tobytes()).hexdigest()


def _state_key(plan: Plan, lang: str) -> StateKey:
    # the table objects themselves (compared by identity, kept alive by the key)
    return (lang, repr(plan.meta), tuple(sorted(plan.tables.items(), key=lambda item: item[0])))


def _same_state(a: StateKey | None, b: StateKey) -> bool:
    if a is None or len(a) != 3 or a[:2] != b[:2]:
        return False
    old, new = a[2], b[2]
    return len(old) == len(new) and all(n1 == n2 and f1 is f2 for (n1, f1), (n2, f2) in zip(old, new))


def _report(plan: Plan, lang: str) -> Report:
    """The validation report of ``plan`` as it is now.

    Kept on the plan after each save, so a save checks only what its change can
    affect. The key is the settings and the identity of the table objects: replacing
    a table invalidates it; a table about to be saved that was edited in place is
    found by its content key (:func:`_canonical_update`) and checked whole.
    """
    key = _state_key(plan, lang)
    cached = plan.error_cache
    if cached is not None and isinstance(cached[1], Report) and _same_state(cached[0], key):
        return cached[1]
    report = build_report(plan.tables, plan.meta, lang)
    plan.error_cache = (key, report)
    return report


def known_errors(plan: Plan, lang: str) -> set[tuple[object, ...]]:
    """The error keys of ``plan`` as it is now."""
    return {_problem_key(p) for p in _report(plan, lang).problems() if p.is_error}


def _read_plan_file(folder: Path, filename: str, lang: str) -> bytes | None:
    """The bytes of a plan file (``None``: absent); refuses links leaving the folder
    and anything but a regular file (a folder, a pipe: never opened)."""
    path = folder / filename
    if not os.path.lexists(path):
        return None
    if not _regular_file(folder, path, lang):
        raise PlanFormatError(f"{filename}: {t('storage.not_regular', lang)}")
    return _read_bytes(path)


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
                staged.append((filename, _stage(folder / filename, data)))
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


def save_table(plan: Plan, name: str, frame: pd.DataFrame) -> Plan:
    """Validate and save one table; see :func:`save_tables`."""
    return save_tables(plan, {name: frame})


def save_meta(plan: Plan, meta: Mapping[str, Any]) -> Plan:
    """Validate and save ``plan.toml``; see :func:`save_tables`."""
    return save_tables(plan, {}, meta=meta)


# --------------------------------------------------------------------------- history


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")


def _history_dir(folder: Path, filename: str, lang: str | None, create: bool) -> Path:
    """``.history/<filename>`` after checking that neither is a link leaving the folder."""
    root = folder / HISTORY_DIR
    hist = root / filename
    for path in (root, hist):
        if os.path.lexists(path):
            _check_link(folder, path, lang)
        elif create:
            with _writing(path, lang):
                path.mkdir(mode=0o777)
                _fsync_dir(path.parent)
    return hist


def _archive(folder: Path, filename: str, data: bytes, lang: str, mode: int) -> Path:
    """Keep ``data`` (the version about to be replaced, whose mode is ``mode``) in the
    history; its path."""
    hist = _history_dir(folder, filename, lang, create=True)
    ext = filename.rpartition(".")[2]
    name = f"{_stamp()}.{ext}"
    while (hist / name).exists():  # same microsecond: never overwrite a kept version
        name = f"{_stamp()}_{len(list(hist.iterdir()))}.{ext}"
    target = hist / name
    with _writing(target, lang):  # the folder is synced with the commit's rename
        _replace_atomically(target, data, mode, sync_dir=False)
    return target


def _prune(hist: Path) -> None:
    versions = sorted(p for p in hist.iterdir() if not p.name.startswith("."))
    for old in versions[:-HISTORY_KEEP]:
        old.unlink()


# --------------------------------------------------------------------------- new plans


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


# --------------------------------------------------------------------------- versions


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
    name = name.removesuffix(".csv")
    if name not in TABLES:
        raise HistoryError(t("storage.unknown_table", None, table=name,
                             tables=", ".join(["plan", *TABLES])))
    return TABLES[name].filename


def list_versions(path: str | os.PathLike[str], name: str) -> list[Version]:
    """The kept versions of a table (or ``plan``), newest first.

    Temporary files, links and anything else than a regular file are not versions.
    """
    filename = _history_file(name)
    folder = Path(path)
    hist = _history_dir(folder, filename, None, create=False)
    if not hist.is_dir():
        return []
    out = []
    for p in sorted((p for p in hist.iterdir() if not p.name.startswith(".")), reverse=True):
        if p.is_symlink() or not p.is_file():
            continue
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
        save_table(plan, table, frame)
    return chosen



def fingerprint(plan: Plan, name: str) -> str | None:
    """The digest of a table's file (or ``plan``) as ``plan`` last read or wrote it."""
    return plan.fingerprints.get(_history_file(name))


def version_with_digest(path: str | os.PathLike[str], name: str, digest: str) -> Version | None:
    """The newest kept version of a table whose content has ``digest`` (``None``: none)."""
    for version in list_versions(path, name):
        with contextlib.suppress(OSError):
            if _digest(version.path.read_bytes()) == digest:
                return version
    return None


def restore_versions(plan: Plan, versions: Mapping[str, Version | None]) -> Plan:
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
    return save_tables(plan, frames)
