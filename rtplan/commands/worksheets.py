"""``rtplan worksheets``: A4 worksheets for a meeting on paper, and typing their results back."""

from __future__ import annotations

import argparse
import sys

from rtplan import storage
from rtplan.messages import normalize_lang, t, tn

ORDER = 55


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option
    from rtplan.export.engines import ENGINES

    p = sub.add_parser("worksheets", help=t("cli.worksheets.help", lang),
                       description=t("cli.worksheets.help", lang))
    from rtplan.commands import force_option

    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--meeting", metavar="ID", help=t("cli.worksheets.meeting", lang))
    p.add_argument("-o", "--output", metavar="FILE", help=t("cli.worksheets.output", lang))
    p.add_argument("--top", type=int, default=None, metavar="N", help=t("cli.worksheets.top", lang))
    p.add_argument("--scorers", metavar="P01,P02", help=t("cli.worksheets.scorers", lang))
    p.add_argument("--blank", type=int, default=2, metavar="N", help=t("cli.worksheets.blank", lang))
    p.add_argument("--poster", choices=("a4", "a3"), default="a4", help=t("cli.worksheets.poster", lang))
    p.add_argument("--engine", choices=ENGINES, default="auto", help=t("cli.handout.engine", lang))
    p.add_argument("--format", choices=("pdf", "html"), default="pdf", help=t("cli.handout.format", lang))
    p.add_argument("--enter", metavar="usg|dots|pairwise|CODE", help=t("cli.worksheets.enter", lang))
    p.add_argument("--scorer", metavar="ID", default="", help=t("cli.worksheets.scorer", lang))
    p.add_argument("--values", metavar="TEXT", help=t("cli.worksheets.values", lang))
    force_option(p, lang)
    p.add_argument("--partial", action="store_true", help=t("cli.worksheets.partial", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_worksheets)


def cmd_worksheets(args: argparse.Namespace) -> int:
    from rtplan.commands import note_emptied
    from rtplan.documents import sheet_entry, worksheets

    plan = storage.load_plan(args.plan_dir, lang=args.lang)
    lang = normalize_lang(args.lang or plan.lang)
    if args.enter:
        note_emptied(plan, lang, force=args.force)
        try:
            done = sheet_entry.enter_sheet(plan, args.enter, args.scorer, args.values or "", top=args.top,
                                          meeting_id=args.meeting, lang=lang, partial=args.partial)
        except worksheets.GridError as exc:
            print(t("paper.enter.refused", lang, code=args.enter), file=sys.stderr)
            for p in exc.problems:
                print(f"  - {p}", file=sys.stderr)
            return 2
        print(tn("paper.enter.saved", done.rows, lang, code=done.code, file=f"{done.table}.csv"))
        return 0
    from rtplan.commands import open_plan
    from rtplan.export.paths import output_path
    from rtplan.meetings import choose_meeting

    plan = open_plan(args, document=True, lang=lang)  # warns; rows with problems left out of the sheets
    meeting = choose_meeting(plan, args.meeting)
    mid = None if meeting is None else str(meeting["meeting_id"])
    stem = f"lembar-kerja-{mid or 'rencana'}" + ("-en" if lang == "en" else "")
    output = output_path(args.output, args.plan_dir, f"{stem}.{args.format}", lang)  # never into a plan folder
    scorers: list[str] | None = None
    blank = args.blank
    if args.scorers and args.scorers.strip().isdigit():  # --scorers N: N blank sheets, no names
        scorers, blank = [], int(args.scorers.strip())
    elif args.scorers:
        scorers = [s.strip() for s in args.scorers.split(",") if s.strip()]
    path = worksheets.write_worksheets(plan, output, mid, lang, engine=args.engine, fmt=args.format,
                                       top=args.top or worksheets.DEFAULT_TOP, scorers=scorers,
                                       blank=blank, poster=args.poster)
    sheets = len(worksheets.build_sheets(plan, meeting, lang, args.top or worksheets.DEFAULT_TOP, scorers,
                                         blank, args.poster))
    print(t("paper.done", lang, path=path, sheets=sheets))
    return 0

