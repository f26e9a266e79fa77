"""The kept earlier versions of each plan file (``.history/<file>/``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from rtplan.exceptions import HistoryError
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schema import TABLES
from rtplan.storage.files import (
    HISTORY_DIR,
    PLAN_FILE,
    _check_link,
    _digest,
    _fsync_dir,
    _replace_atomically,
    _writing,
)

HISTORY_KEEP = 30


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")


def _stamp_time(name: str) -> float | None:
    """The time (seconds since the epoch) of a kept version's file name; ``None``: not a stamp."""
    try:
        stem = name.split(".", maxsplit=1)[0].split("_", maxsplit=1)[0]
        return dt.datetime.strptime(stem, "%Y%m%dT%H%M%S%f").timestamp()
    except ValueError:
        return None


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


@dataclass(frozen=True)
class Version:
    """One kept earlier version of a file: its id (time stamp), when, its size."""

    version: str
    saved: dt.datetime
    size: int
    path: Path


def history_file(name: str) -> str:
    """The plan file a table name (or ``plan``) stands for; :class:`HistoryError` if none."""
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
    filename = history_file(name)
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


def fingerprint(plan: Plan, name: str) -> str | None:
    """The digest of a table's file (or ``plan``) as ``plan`` last read or wrote it."""
    return plan.fingerprints.get(history_file(name))


def version_with_digest(path: str | os.PathLike[str], name: str, digest: str) -> Version | None:
    """The newest kept version of a table whose content has ``digest`` (``None``: none)."""
    for version in list_versions(path, name):
        with contextlib.suppress(OSError):
            if _digest(version.path.read_bytes()) == digest:
                return version
    return None
