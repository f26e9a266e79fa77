"""The room state file: codes, the open round and the hashes of codes that voted in it.

It lives outside the plan folder and outside ``exports/`` (default
``$XDG_STATE_HOME/rtplan/room/<plan>.json``, or the folder named by
``RTPLAN_ROOM_STATE_DIR``), mode 600, so the code -> participant list never reaches
anything shared. Every change is a locked read-modify-write (``flock`` on a side
file) with an atomic, fsynced replace: the server and ``rtplan room-codes`` may work
on it at the same time, and a crash leaves the old state or the new one.

Layout (JSON)::

    {"plan": "/abs/plan", "codes": {"ACDEFH": "P001", ...},
     "round": null | {"round_id", "tag", "kind", "items", "pairs", "dots", "opened"},
     "used": ["<sha256 of round:code>", ...],        # codes that voted in the open round
     "pending": {"<hash>": "anon-xxxxxxxx", ...},    # ballots being saved right now
     "last": null | {a closed round's kind, count and result; no code, no person},
     "old_keys": ["K7M", ...]}                      # earlier rounds' keys: "scan the QR code again"

Writes go through ``.<state>.json.<PID>.tmp`` beside the file. A process killed between
writing that file and renaming it leaves it behind, holding the whole state (the code ->
participant map): :meth:`StateFile.sweep` deletes such leftovers (under the lock, so no
write is under way), and it runs when a room starts and in :meth:`StateFile.remove`
(``rtplan room-codes --forget``).

``pending`` is what makes a restart safe: a ballot's code hash is written to ``used``
and ``pending`` before the plan is saved and leaves ``pending`` after. At start, a
pending ballot found in the plan stays used; one not found frees its code again (its
phone never got a thank-you).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rtplan import config

STATE_ENV = config.env_name("room_state_dir")
"""The environment variable naming the folder of room state files."""

State = dict[str, Any]


def state_dir() -> Path:
    """The folder of room state files: ``RTPLAN_ROOM_STATE_DIR``, else ``$XDG_STATE_HOME/rtplan/room``."""
    env = config.from_env().room_state_dir
    if env:
        return Path(env)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "rtplan" / "room"


def state_path(plan_dir: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None) -> Path:
    """The state file of the plan folder ``plan_dir`` (named by its folder name and a digest of its path)."""
    resolved = Path(plan_dir).resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in resolved.name)[:40]
    return (Path(folder) if folder is not None else state_dir()) / f"{safe}-{digest}.json"


def empty_state(plan_dir: str | os.PathLike[str]) -> State:
    return {"plan": str(Path(plan_dir).resolve()), "codes": {}, "round": None, "used": [], "pending": {},
            "last": None, "old_keys": []}


class StateFile:
    """One plan's room state file. :meth:`read` gives a snapshot; :meth:`update` changes it under the lock."""

    def __init__(self, plan_dir: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None) -> None:
        self.plan_dir = Path(plan_dir)
        self.path = state_path(plan_dir, folder)
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    @contextlib.contextmanager
    def _locked(self, exclusive: bool) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            yield
        finally:
            os.close(fd)

    def _load(self) -> State:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return empty_state(self.plan_dir)
        state = empty_state(self.plan_dir)
        if isinstance(data, dict):
            state.update({k: v for k, v in data.items() if k in state})
        return state

    def _write(self, state: State) -> None:
        data = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            try:
                os.write(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        dfd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)

    def read(self) -> State:
        """The state as it is on disk (an empty state when there is no file yet)."""
        with self._locked(False):
            return self._load()

    def update(self, change: Callable[[State], Any]) -> Any:
        """Apply ``change`` to the state (in place) and write it, all under the lock; returns what it returns."""
        with self._locked(True):
            state = self._load()
            result = change(state)
            self._write(state)
            return result

    def leftovers(self) -> list[Path]:
        """Temporary files of this state (``.<state>.json.<PID>.tmp``) on disk now."""
        if not self.path.parent.is_dir():
            return []
        return sorted(self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"))

    def sweep(self) -> list[Path]:
        """Delete the temporary files a killed writer left (under the lock: no write is under way);
        returns those deleted."""
        if not self.path.parent.is_dir():
            return []
        gone = []
        with self._locked(True):
            for tmp in self.leftovers():
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
                    gone.append(tmp)
        return gone

    def remove(self) -> list[Path]:
        """Delete the state file and every temporary copy of it (every code and round forgotten);
        returns the files deleted. The empty lock file stays: deleting a lock file another process
        may hold would let two writers in at once (it holds nothing)."""
        gone = []
        with self._locked(True):
            for path in [self.path, *self.leftovers()]:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    gone.append(path)
        return gone
