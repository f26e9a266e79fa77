"""Every setting of rtplan: its environment variable, default and meaning, in one place.

rtplan reads its settings from the environment only through this module:
:func:`from_env` turns an environment (``os.environ`` by default) into a frozen
:class:`Settings`, read afresh at each call (the workshop launcher and the tests set
variables for the processes they start). Code that *sets* a variable for another process
names it with :func:`env_name`, never with a literal.

An empty variable counts as unset. The README's settings table is :func:`markdown_table`
(``python -m rtplan.config`` prints it; a test checks the README holds it as printed).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

USER = "you"
"""Audience of a setting a person sets."""
INTERNAL = "rtplan"
"""Audience of a setting rtplan sets itself for a process it starts."""


def _setting(env: str, default: str, meaning: str, *, kind: type = str, by: str = USER) -> Any:
    return field(default=False if kind is bool else None,
                 metadata={"env": env, "default": default, "meaning": meaning, "kind": kind, "by": by})


@dataclass(frozen=True)
class Settings:
    """rtplan's settings as read from one environment (see :func:`from_env`)."""

    lang: str | None = _setting(
        "RTPLAN_LANG", "the plan's language",
        "Language of messages (`id`, `en`, or a language with a `.po` file)")
    debug: bool = _setting(
        "RTPLAN_DEBUG", "off",
        "Any value: print the traceback of an rtplan bug and a document cell's own error on stderr",
        kind=bool)
    config_dir: str | None = _setting(
        "RTPLAN_CONFIG_DIR",
        "`$XDG_CONFIG_HOME/rtplan` or `~/.config/rtplan` (`%APPDATA%\\rtplan` on Windows, "
        "`~/Library/Application Support/rtplan` on macOS)",
        "Folder of `recent.json` (the plans opened lately and the current plan)")
    plans_dir: str | None = _setting(
        "RTPLAN_PLANS_DIR", "`~/rtplan`",
        "Where the plan picker puts new plans and copies of the examples")
    cache_dir: str | None = _setting(
        "RTPLAN_CACHE_DIR", "`$XDG_CACHE_HOME/rtplan` or `~/.cache/rtplan`",
        "Folder of the chart cache kept between document builds (`charts/` inside it)")
    locale_dir: str | None = _setting(
        "RTPLAN_LOCALE_DIR", "none",
        "Folder of `LANG.po` translations; they win over the bundled ones")
    pdf_engine: str | None = _setting(
        "RTPLAN_PDF_ENGINE", "`auto`",
        "PDF engine of the documents: `auto`, `weasyprint` or `chromium`")
    browser: str | None = _setting(
        "RTPLAN_BROWSER", "the first Chromium-family browser on `PATH`",
        "Browser used to print PDFs with the `chromium` engine (a path or a command)")
    notebooks: str | None = _setting(
        "RTPLAN_NOTEBOOKS", "`notebooks/` of the source tree",
        "Folder of the step notebooks the workshop serves")
    workshop_log_dir: str | None = _setting(
        "RTPLAN_WORKSHOP_LOG_DIR", "a temporary folder, removed on exit",
        "Folder where `rtplan workshop` keeps Voila's log (`voila.log`)")
    room_state_dir: str | None = _setting(
        "RTPLAN_ROOM_STATE_DIR", "`$XDG_STATE_HOME/rtplan/room` or `~/.local/state/rtplan/room`",
        "Folder of the voting room's state files (participant codes; outside the plan)")
    research_secret: str | None = _setting(
        "RTPLAN_RESEARCH_SECRET", "none",
        "The research export's pseudonymisation secret itself (16 characters or more)")
    research_secret_file: str | None = _setting(
        "RTPLAN_RESEARCH_SECRET_FILE", "none",
        "A file holding the research export's pseudonymisation secret")
    plan: str | None = _setting(
        "RTPLAN_PLAN", "none",
        "The plan the workshop pages open (set by `rtplan workshop` for its kernels)", by=INTERNAL)
    workshop: bool = _setting(
        "RTPLAN_WORKSHOP", "off",
        "`1`: this kernel serves a workshop page (set by `rtplan workshop`)", kind=bool, by=INTERNAL)
    workdir: str | None = _setting(
        "RTPLAN_WORKDIR", "the notebook's folder",
        "Folder the workshop kernels work in, where `rtplan workshop` was started (set by it)",
        by=INTERNAL)
    workshop_token: str | None = _setting(
        "RTPLAN_WORKSHOP_TOKEN", "none (Voila refuses to start)",
        "The workshop pages' secret token, handed to Voila by `rtplan workshop` (removed before any kernel starts)",
        by=INTERNAL)
    room_url: str | None = _setting(
        "RTPLAN_ROOM_URL", "none (no room)",
        "Admin address of the voting room (set by `rtplan workshop --room`)", by=INTERNAL)
    room_token: str | None = _setting(
        "RTPLAN_ROOM_TOKEN", "none",
        "Admin token of the voting room (set by `rtplan workshop --room`)", by=INTERNAL)
    pdf_engine_process: bool = _setting(
        "RTPLAN_PDF_ENGINE_PROCESS", "off",
        "`1`: this is the PDF engine's own process, which reads no notebook (set by rtplan)",
        kind=bool, by=INTERNAL)


def env_name(name: str) -> str:
    """The environment variable of setting ``name`` (a :class:`Settings` field)."""
    for f in fields(Settings):
        if f.name == name:
            return str(f.metadata["env"])
    raise KeyError(name)


def _parse(kind: type, raw: str | None) -> object:
    if kind is bool:
        return raw == "1" if raw is not None else False
    return raw


# how each flag was always read: RTPLAN_DEBUG is on for any value, the others for "1" only
_ANY_VALUE = frozenset({"debug"})


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """The settings read from ``env`` (default ``os.environ``); an empty variable is unset."""
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    for f in fields(Settings):
        raw = env.get(str(f.metadata["env"])) or None
        values[f.name] = raw is not None if f.name in _ANY_VALUE else _parse(f.metadata["kind"], raw)
    return Settings(**values)  # type: ignore[arg-type]


def markdown_table() -> str:
    """The README's table of settings (one row per :class:`Settings` field)."""
    rows = ["| Variable | Set by | Default | Meaning |", "|---|---|---|---|"]
    for f in fields(Settings):
        meta = f.metadata
        rows.append(f"| `{meta['env']}` | {meta['by']} | {meta['default']} | {meta['meaning']} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
