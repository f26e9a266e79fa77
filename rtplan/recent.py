"""The plans opened lately and the "current" plan, remembered between sessions.

The step notebooks share one choice of plan instead of a path edited in each: the
plan picker (:class:`rtplan.ui.workshop.StepHeader`) and ``rtplan workshop`` record
the plan they open here, and the next notebook opened finds it.

The state is one small JSON file, ``recent.json``, in rtplan's configuration folder:
``RTPLAN_CONFIG_DIR`` if set, else ``%APPDATA%\\rtplan`` on Windows,
``~/Library/Application Support/rtplan`` on macOS, ``$XDG_CONFIG_HOME/rtplan`` or
``~/.config/rtplan`` elsewhere. It holds absolute paths only (no names, nothing from
the plan). A missing or damaged file counts as empty; it is written whole through a
temporary file, so a crash never leaves half a file.

How a notebook's plan is decided (:func:`resolve_plan`): the ``PLAN`` parameter when
it is set > the ``plan`` chosen in the page address (Voila's ``?plan=``) > the
``RTPLAN_PLAN`` environment variable (``rtplan workshop``) > the current plan
remembered here > none.

The page address is something any web page can make a browser open, so ``?plan=`` only
names a plan already on the recent list (one the facilitator opened or created, from the
pages or with ``rtplan workshop``); any other folder is refused (``"refused"``), and
opening a page never changes what is remembered: only the picker and ``rtplan workshop`` do.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from rtplan.config import env_name, from_env

CONFIG_ENV = env_name("config_dir")
STATE_FILE = "recent.json"
MAX_RECENT = 10


def config_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """rtplan's configuration folder (see the module's description); not created here."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    chosen = from_env(env).config_dir
    if chosen:
        return Path(chosen)
    home = Path(env.get("HOME") or Path.home())
    if platform.startswith("win") and env.get("APPDATA"):
        return Path(env["APPDATA"]) / "rtplan"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "rtplan"
    if env.get("XDG_CONFIG_HOME"):
        return Path(env["XDG_CONFIG_HOME"]) / "rtplan"
    return home / ".config" / "rtplan"


@dataclass(frozen=True)
class Recent:
    """The remembered state: the current plan and the recent ones, newest first."""

    current: Path | None
    plans: tuple[Path, ...]


def _as_path(value: object) -> Path | None:
    return Path(value) if isinstance(value, str) and value and os.path.isabs(value) else None


def load(folder: Path | None = None) -> Recent:
    """The remembered state (empty when the file is missing or unreadable)."""
    path = (folder or config_dir()) / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Recent(None, ())
    if not isinstance(data, dict):
        return Recent(None, ())
    plans = data.get("recent")
    found = [p for p in (_as_path(v) for v in (plans if isinstance(plans, list) else [])) if p is not None]
    return Recent(_as_path(data.get("current")), tuple(dict.fromkeys(found))[:MAX_RECENT])


def save(state: Recent, folder: Path | None = None) -> None:
    """Write the state whole (through a temporary file in the same folder)."""
    folder = folder or config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"current": str(state.current) if state.current else None,
                       "recent": [str(p) for p in state.plans]}, indent=1)
    fd, tmp = tempfile.mkstemp(prefix=".recent-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, folder / STATE_FILE)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remember(plan: str | os.PathLike[str], folder: Path | None = None) -> Recent:
    """Make ``plan`` the current plan and the newest recent one; returns the new state.

    A configuration folder that cannot be written is not an error: the plan simply
    is not remembered (the state is returned as it would have been).
    """
    path = Path(plan).expanduser().resolve()
    old = load(folder)
    state = Recent(path, (path, *(p for p in old.plans if p != path))[:MAX_RECENT])
    with contextlib.suppress(OSError):
        save(state, folder)
    return state


def existing_plans(state: Recent) -> list[Path]:
    """The recent plans still on disk (a folder with ``plan.toml``), newest first."""
    return [p for p in state.plans if (p / "plan.toml").is_file()]


def query_plan(query_string: str | None) -> str | None:
    """The ``plan`` chosen in a page address's query (``plan=/path``), if any."""
    if not query_string:
        return None
    values = parse_qs(query_string.lstrip("?")).get("plan")
    return values[0] if values and values[0] else None


def resolve_plan(explicit: str | os.PathLike[str] | None, env: Mapping[str, str] | None = None,
                 folder: Path | None = None) -> tuple[Path | None, str]:
    """The plan a notebook works on and where that choice came from.

    Returns ``(path, source)`` with source ``"parameter"``, ``"address"``, ``"refused"``
    (an address naming a folder not on the recent list: the caller must not open it),
    ``"workshop"``, ``"remembered"`` or ``"none"`` (path ``None``). Relative paths are taken
    from the current folder (the notebook's).
    """
    env = os.environ if env is None else env
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser().resolve(), "parameter"
    chosen = query_plan(env.get("QUERY_STRING"))
    if chosen:
        path = Path(chosen).expanduser().resolve()
        return path, "address" if path in load(folder).plans else "refused"
    workshop_plan = from_env(env).plan
    if workshop_plan:
        return Path(workshop_plan).expanduser().resolve(), "workshop"
    current = load(folder).current
    if current is not None:
        return current, "remembered"
    return None, "none"
