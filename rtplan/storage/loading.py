"""Reading a plan folder into a :class:`~rtplan.plan.Plan`; the canonical bytes of its files.

A table file read while another program writes it in place (no rename: an editor, a
sync tool) is read again until it is complete and still (:func:`_read_table_file`,
bounded); a table found empty or header-only while ``.history`` holds rows is noted on
the plan (``plan.emptied``, and a warning among ``plan.load_problems`` saying how to
restore it): a save over it is refused unless the person confirms
(:func:`rtplan.storage.saving.save_tables`, ``force``).
"""

from __future__ import annotations

import os
import time
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
    HISTORY_DIR,
    JOURNAL_FILE,
    PLAN_FILE,
    _digest,
    _inside,
    _meta_lang,
    _pending,
    _plan_lock,
    _read_bytes,
    _regular_file,
    recover,
)
from rtplan.storage.history import HISTORY_KEEP, _stamp_time
from rtplan.tables import frame_to_rows, parse_rows, read_csv_text, rows_to_csv

# reading a table another program may be writing in place: a file that looks unfinished
# (empty, no line end at its end, header-only where the history holds rows) is read again
# until nothing has written it for READ_QUIET seconds, for at most READ_WAIT_MAX seconds
READ_QUIET = 0.5
READ_WAIT_MAX = 3.0
_READ_POLL = 0.05
# a file rtplan writes over a kept version gets that version's time stamp as its own
# modification time: a table file whose time is still its newest kept version's stamp is
# the one rtplan wrote (an emptying the person asked for), any other writer changes it
_OWN_WRITE_SLACK = 0.001


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
    emptied: dict[str, int] = {}
    # every table file read once; those another program wrote just now are read again
    # until they hold still (one pause for them all, more only while they change)
    reads: dict[str, tuple[bytes | None, float | None]] = {}
    recent: dict[str, _Signature | None] = {}
    for table in TABLES.values():
        file_path = folder / table.filename
        if os.path.lexists(file_path) and not _regular_file(folder, file_path, msg_lang):
            continue
        data, mtime, signature = _read_table_file(folder, table.filename, settle=False)
        reads[table.filename] = (data, mtime)
        if mtime is not None and _written_just_now(folder, table.filename, mtime, data):
            recent[table.filename] = signature
    for filename in _settle_reads(folder, recent):
        reads[filename] = _read_table_file(folder, filename)[:2]
    for name, table in TABLES.items():
        file_path = folder / table.filename
        if os.path.lexists(file_path) and not _regular_file(folder, file_path, msg_lang):
            fingerprints[table.filename] = _digest(b"")  # a folder or a device: never read it
            problems.append(problem(msg_lang, table.filename, None, None, "bad_csv",
                                    error=t("storage.not_regular", msg_lang)))
            continue
        data, mtime = reads[table.filename]
        fingerprints[table.filename] = _digest(data)
        try:
            header, rows = read_csv_text(data) if data is not None else ([], [])
        except UnicodeDecodeError:
            problems.append(problem(msg_lang, table.filename, None, None, "not_utf8"))
            continue
        except Exception as exc:  # csv.Error and friends: report, do not crash
            problems.append(problem(msg_lang, table.filename, None, None, "bad_csv", error=exc))
            continue
        if not rows:
            last = _rows_in_history(folder, table.filename, mtime, data)
            if last:
                emptied[name] = last
                problems.append(problem(msg_lang, table.filename, None, None, "emptied", level="warning",
                                        rows=last, plan=folder, table=name))
        if not header:
            continue
        frame, found = parse_rows(table, header, rows, msg_lang)
        tables[name] = frame
        problems += found
    plan = Plan(folder, meta, tables, fingerprints, problems, msg_lang)
    plan.emptied = emptied
    return plan


def _data_rows(data: bytes | None) -> int:
    """How many data rows CSV bytes hold (0 for none, unreadable, or only a header)."""
    if not data:
        return 0
    try:
        return len(read_csv_text(data)[1])
    except Exception:  # a damaged copy holds no rows we could bring back
        return 0


def _looks_unfinished(data: bytes | None) -> bool:
    """Bytes no rtplan save ever leaves: empty, or cut off in the middle of a line."""
    return data is not None and (not data or not data.endswith(b"\n"))


_Signature = tuple[int, int, int]


def _read_table_file(folder: Path, filename: str, settle: bool = True,
                     ) -> tuple[bytes | None, float | None, _Signature | None]:
    """A table file's bytes, time and signature (size, time, inode), read again while
    another program is writing it in place.

    An editor or sync tool that writes the file in place (truncate, then write, no
    rename) leaves it empty or cut off for a moment; the plan lock does not stop it.
    The file is read with its signature checked before and after. A file written less
    than :data:`READ_QUIET` seconds ago by another program than rtplan (rtplan's own
    writes carry their kept version's time stamp) is read again until

    * with ``settle``: two reads a moment (:data:`_READ_POLL`) apart agree, and
    * it does not look unfinished (empty, a last line without its end, header-only where
      the history holds rows), or nothing has written it for :data:`READ_QUIET` seconds;

    for at most :data:`READ_WAIT_MAX` seconds, after which it is taken as it is (a save
    over a table found empty is still refused). Without ``settle`` the caller does the
    second read for every file at once (:func:`_settle_reads`).
    """
    path = folder / filename
    deadline = time.monotonic() + READ_WAIT_MAX
    previous: _Signature | None = None
    while True:
        try:
            before = os.stat(path)
        except FileNotFoundError:
            return None, None, None
        data = _read_bytes(path)
        try:
            after = os.stat(path)
        except FileNotFoundError:
            after = None
        signature = None if after is None else (after.st_size, after.st_mtime_ns, after.st_ino)
        still = after is not None and data is not None and signature == (
            before.st_size, before.st_mtime_ns, before.st_ino) and after.st_size == len(data)
        if still and after is not None:
            if not _written_just_now(folder, filename, after.st_mtime, data):
                return data, after.st_mtime, signature
            suspect = _looks_unfinished(data) or (
                _data_rows(data) == 0 and _rows_in_history(folder, filename, after.st_mtime, data) > 0)
            if not suspect and (not settle or previous == signature):
                return data, after.st_mtime, signature
            previous = signature
        if time.monotonic() >= deadline:
            return data, (after.st_mtime if after is not None else None), signature
        time.sleep(_READ_POLL)


def _written_just_now(folder: Path, filename: str, mtime: float, data: bytes | None) -> bool:
    """Written less than :data:`READ_QUIET` seconds ago, and not by an rtplan save."""
    if time.time() - mtime >= READ_QUIET:
        return False
    return not _own_write(folder, filename, mtime, data)


def _own_write(folder: Path, filename: str, mtime: float, data: bytes | None) -> bool:
    """The file is the one an rtplan save put there: its time is its newest kept version's
    stamp, and it holds what an rtplan save writes (a whole header at least, every line
    ended). The bytes are checked too: the file system's clock is coarse (a few
    milliseconds), so another program truncating the file just after a save can leave a
    time within the slack of the stamp."""
    if data is None or _looks_unfinished(data):
        return False
    hist = folder / HISTORY_DIR / filename
    try:
        newest = max((e.name for e in os.scandir(hist) if not e.name.startswith(".")), default=None)
    except OSError:
        return False
    stamp = None if newest is None else _stamp_time(newest)
    return stamp is not None and abs(mtime - stamp) <= _OWN_WRITE_SLACK


def _settle_reads(folder: Path, signatures: Mapping[str, _Signature | None]) -> set[str]:
    """The files among ``signatures`` (read a moment ago, written just before by another
    program) that changed since: one pause for them all, then their signatures again."""
    if not signatures:
        return set()
    time.sleep(_READ_POLL)
    changed = set()
    for filename, signature in signatures.items():
        try:
            st = os.stat(folder / filename)
            now: _Signature | None = (st.st_size, st.st_mtime_ns, st.st_ino)
        except FileNotFoundError:
            now = None
        if now != signature:
            changed.add(filename)
    return changed


def _rows_in_history(folder: Path, filename: str, mtime: float | None, data: bytes | None) -> int:
    """Rows of the newest kept version of ``filename`` that has any (0: none kept).

    0 as well when the newest kept version was archived by the save that wrote the file
    as it is now (``mtime`` is that file's time, ``data`` its bytes: a header, every line
    ended, as rtplan writes an empty table): rtplan emptied it because someone asked to,
    nothing to warn about. A file with no bytes at all is never rtplan's.
    """
    hist = folder / HISTORY_DIR / filename
    try:
        if not hist.is_dir() or hist.is_symlink() or not _inside(folder, hist)[0]:
            return 0
        names = sorted((e.name for e in os.scandir(hist) if not e.name.startswith(".")), reverse=True)
    except OSError:
        return 0
    if not names:
        return 0
    stamp = _stamp_time(names[0])
    if (mtime is not None and stamp is not None and abs(mtime - stamp) <= _OWN_WRITE_SLACK
            and data is not None and not _looks_unfinished(data)):
        return 0
    for name in names[:HISTORY_KEEP]:
        path = hist / name
        if path.is_symlink() or not path.is_file():
            continue
        rows = _data_rows(_read_bytes(path))
        if rows:
            return rows
    return 0


def serialize_table(name: str, frame: pd.DataFrame) -> bytes:
    """The canonical CSV bytes of a table (what is written to disk)."""
    header, rows = frame_to_rows(TABLES[name], frame)
    return rows_to_csv(header, rows)


def serialize_meta(meta: Mapping[str, Any]) -> bytes:
    """The canonical ``plan.toml`` bytes."""
    return tomli_w.dumps(dict(meta)).encode("utf-8")
