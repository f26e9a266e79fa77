"""``rtplan workshop``: the step notebooks as code-free pages for the projector (Voila)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rtplan.messages import normalize_lang, t

ORDER = 60


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option

    p = sub.add_parser("workshop", help=t("cli.workshop.help", lang), description=t("cli.workshop.description", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.workshop.plan", lang))
    p.add_argument("--step", type=int, choices=range(6), default=0, metavar="N", help=t("cli.workshop.step", lang))
    p.add_argument("--port", type=int, metavar="PORT", help=t("cli.workshop.port", lang))
    p.add_argument("--no-browser", action="store_true", help=t("cli.workshop.no_browser", lang))
    p.add_argument("--room", action="store_true", help=t("cli.workshop.room", lang))
    p.add_argument("--bind", metavar="ADDRESS", help=t("cli.workshop.bind", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_workshop)


def _say(text: str) -> None:
    print(text, flush=True)


def _plan_lang(plan: Path) -> str | None:
    """The language set in the plan's ``plan.toml`` (None when there is no readable plan yet)."""
    from rtplan import storage
    from rtplan.exceptions import RtplanError

    if not (plan / "plan.toml").is_file():
        return None
    try:
        return storage.load_plan(plan).lang
    except (RtplanError, OSError):
        return None


def cmd_workshop(args: argparse.Namespace) -> int:
    from rtplan import recent, workshop

    plan = Path(args.plan_dir).expanduser().resolve()
    lang = normalize_lang(args.lang or _plan_lang(plan))
    folder = workshop.notebooks_dir()
    missing = workshop.missing_notebooks(folder)
    if missing:
        print(t("workshop.no_notebooks", lang, folder=folder, names=", ".join(missing)), file=sys.stderr)
        return 2
    if args.port is not None and not workshop.port_is_free(args.port):
        print(t("workshop.port_busy", lang, port=args.port), file=sys.stderr)
        return 2
    if (plan / "plan.toml").is_file():
        recent.remember(plan)
    ws = workshop.Workshop(plan=plan, lang=lang, port=args.port or workshop.free_port(), step=args.step,
                           notebooks=folder)
    room = None
    room_url = room_token = None
    lines = [t("workshop.open_at", lang, url=ws.step_url())]
    if args.room:
        if not (plan / "plan.toml").is_file():
            print(t("workshop.room_needs_plan", lang, path=plan), file=sys.stderr)
            return 2
        try:
            from rtplan.room.server import start_room
        except ImportError:
            print(t("workshop.room_missing", lang), file=sys.stderr)
            return 2
        from rtplan.room.server import lan_address

        # phones reach it on the hotspot's interface only (never every interface); any free port
        host = args.bind or lan_address()
        try:
            room = start_room(plan, lang, host, 0)
        except OSError as exc:
            print(t("workshop.bind_failed", lang, address=host, reason=exc.strerror or exc), file=sys.stderr)
            return 2
        room_url, room_token = room.admin_url, room.admin_token
        lines.append(t("workshop.room_at", lang, url=room.phone_url))
    lines.append(t("workshop.stop_hint", lang))
    if not (plan / "plan.toml").is_file():
        lines.append(t("workshop.new_plan_hint", lang, path=plan))
    env = workshop.voila_env(ws, room_url=room_url, room_token=room_token)
    _say(t("workshop.starting", lang))
    try:
        code = workshop.serve(ws, open_browser=not args.no_browser and workshop.can_open_browser(), say=_say,
                              lines=lines, room=room, env=env)
    except workshop.WorkshopError as exc:
        print(t("workshop.failed", lang, log=str(exc)), file=sys.stderr)
        return 2
    _say(t("workshop.stopped", lang))
    return code
