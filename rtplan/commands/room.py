"""``rtplan room-codes``: one-time voting codes for the phones in the room, printed as cut-out slips."""

from __future__ import annotations

import argparse

from rtplan.messages import normalize_lang, t

ORDER = 57


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option
    from rtplan.export.engines import ENGINES

    p = sub.add_parser("room-codes", help=t("cli.room_codes.help", lang), description=t("cli.room_codes.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--meeting", metavar="ID", help=t("cli.room_codes.meeting", lang))
    p.add_argument("-o", "--output", metavar="FILE", help=t("cli.room_codes.output", lang))
    p.add_argument("--engine", choices=ENGINES, default="auto", help=t("cli.handout.engine", lang))
    p.add_argument("--format", choices=("pdf", "html"), default="pdf", help=t("cli.handout.format", lang))
    p.add_argument("--forget", action="store_true", help=t("cli.room_codes.forget", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_room_codes)


def cmd_room_codes(args: argparse.Namespace) -> int:
    from rtplan import storage
    from rtplan.export.paths import output_path
    from rtplan.meetings import choose_meeting, meeting_line
    from rtplan.room.codes import present
    from rtplan.room.engine import RoomError, ensure_codes
    from rtplan.room.slips import write_slips
    from rtplan.room.state import StateFile

    plan = storage.load_plan(args.plan_dir, lang=args.lang)
    lang = normalize_lang(args.lang or plan.lang)
    state = StateFile(args.plan_dir)
    if args.forget:
        if state.read().get("round"):
            raise RoomError(t("room.round_still_open", lang))
        gone = state.remove()  # the state file and any temporary copy a killed room left
        left = [p for p in [state.path, *state.leftovers()] if p.exists()]
        if left:  # never say "deleted" of a file still there
            raise RoomError(", ".join(str(p) for p in left))
        folder = state.path.parent
        if gone:
            print(t("cli.room_codes.forgotten", lang, n=len(gone), files=", ".join(p.name for p in gone),
                    folder=folder))
        else:
            print(t("cli.room_codes.nothing", lang, folder=folder))
        return 0
    meeting = choose_meeting(plan, args.meeting)
    mid = None if meeting is None else str(meeting["meeting_id"])
    people = present(plan, mid) if mid else []
    everyone = ensure_codes(state, people)
    mine = {p: everyone[p] for p in people}
    stem = f"kode-suara-{mid or 'rencana'}" + ("-en" if lang == "en" else "")
    output = output_path(args.output, args.plan_dir, f"{stem}.{args.format}", lang)
    path = write_slips(plan, mine, output, lang, engine=args.engine, fmt=args.format,
                       meeting_line=meeting_line(plan, meeting, lang))
    print(t("cli.room_codes.done", lang, n=len(mine), path=path))
    return 0
