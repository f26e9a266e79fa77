"""Plan-folder I/O: atomic writes, the folder lock, recovery of an interrupted save.

The saving rules these serve are listed in :mod:`rtplan.storage`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from rtplan.exceptions import DiskError, PlanFormatError, UnsafeLinkError
from rtplan.messages import normalize_lang, t
from rtplan.schema import TABLES

PLAN_FILE = "plan.toml"
HISTORY_DIR = ".history"
JOURNAL_FILE = ".rtplan.journal"
TMP_SUFFIX = ".tmp"
PLAN_FILES = frozenset([PLAN_FILE, *(table.filename for table in TABLES.values())])
# an RW folder's files (rtplan.rw, docs/rw-format.md): committed through the same journal
RW_FILES = frozenset(["rw.toml", "rts.csv", "rt_proposals.csv", "rw_proposals.csv"])

_DISK_MESSAGES = {
    errno.ENOSPC: "storage.disk_full",
    errno.EDQUOT: "storage.quota",
    errno.EROFS: "storage.read_only",
    errno.EACCES: "storage.no_permission",
    errno.EPERM: "storage.no_permission",
    errno.EIO: "storage.write_failed",
    errno.EFBIG: "storage.write_failed",
}


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


# ------------------------------------------------------------------------ locks and recovery


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
        if target not in PLAN_FILES | RW_FILES or "/" in tmp or os.sep in tmp or not tmp.startswith(f".{target}.") \
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


def _regular_file(folder: Path, path: Path, lang: str | None) -> bool:
    """True when ``path`` is a regular file inside the plan folder; ``False`` when absent."""
    if not os.path.lexists(path):
        return False
    _check_link(folder, path, lang)
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


def _read_plan_file(folder: Path, filename: str, lang: str) -> bytes | None:
    """The bytes of a plan file (``None``: absent); refuses links leaving the folder
    and anything but a regular file (a folder, a pipe: never opened)."""
    path = folder / filename
    if not os.path.lexists(path):
        return None
    if not _regular_file(folder, path, lang):
        raise PlanFormatError(f"{filename}: {t('storage.not_regular', lang)}")
    return _read_bytes(path)


# public names for readers outside storage (research pooling reads plan folders itself)
plan_lock = _plan_lock
pending_save = _pending
