"""``rtplan handout``: the meeting handout as an A4 PDF (or HTML)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rtplan.commands import open_plan
from rtplan.commands.plan import _date
from rtplan.export.engines import ENGINES
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan

if TYPE_CHECKING:
    from rtplan.documents.build import DocumentSession

ORDER = 50
# what the handout shows: the parts a plan lacks are named before the document is built
HANDOUT_PARTS = ("participants", "meetings", "attendance", "needs", "scores", "resources", "activities", "funds")


def default_output(plan_dir: str | Path, stem: str, ext: str) -> Path:
    """``exports/<plan folder name>-<stem>.<ext>`` (see :func:`rtplan.export.paths.default_output`)."""
    from rtplan.export.paths import default_output as export_output

    return export_output(plan_dir, f"{stem}.{ext}")


def warn_if_invalid(plan: Plan, plan_dir: str, lang: str) -> None:
    """Say on stderr when the plan has errors: the document is still made, from what is readable
    (the commands do this through :func:`rtplan.commands.open_plan`)."""
    from rtplan.commands import warn_problems
    from rtplan.usable import usable_plan

    warn_problems(usable_plan(plan), plan_dir, lang, document=True)


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("handout", help=t("cli.handout.help", lang), description=t("cli.handout.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--meeting", metavar="ID", help=t("cli.handout.meeting", lang))
    p.add_argument("--mask-names", action="store_true", help=t("cli.handout.mask", lang))
    p.add_argument("--short", action="store_true", help=t("cli.handout.short", lang))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar=t("cli.date_metavar", lang),
                   help=t("cli.handout.as_of", lang))
    document_options(p, lang, "cli.handout.output")
    p.set_defaults(func=cmd_handout)


def document_options(p: argparse.ArgumentParser, lang: str, output_help: str) -> None:
    """``--engine``, ``--format``, ``-o`` and ``--lang``: the options every document command has."""
    from rtplan.commands import lang_option

    p.add_argument("--engine", choices=ENGINES, default="auto", help=t("cli.handout.engine", lang))
    p.add_argument("--format", choices=("pdf", "html"), default="pdf", help=t("cli.handout.format", lang))
    p.add_argument("-o", "--output", metavar="FILE", help=t(output_help, lang))
    lang_option(p, lang)


def cmd_handout(args: argparse.Namespace) -> int:
    from rtplan.documents.build import DocumentSession

    if args.format != "pdf":
        return _handout(args, None)
    # the PDF engine starts loading in its own process now, while the plan is read and the notebook runs
    with DocumentSession() as session:
        return _handout(args, session)


def _handout(args: argparse.Namespace, session: DocumentSession | None) -> int:
    from rtplan.documents import notebook_path
    from rtplan.documents.build import build_document
    from rtplan.export.paths import output_path
    from rtplan.meetings import choose_meeting

    plan = open_plan(args, document=True, parts=HANDOUT_PARTS)  # warns; rows with problems left out
    lang = normalize_lang(args.lang or plan.lang)
    meeting = choose_meeting(plan, args.meeting)  # a wrong id is refused before the slow part
    mid = None if meeting is None else str(meeting["meeting_id"])
    stem = (f"handout{'-ringkas' if args.short else ''}-{mid or dt.date.today().isoformat()}"
            + ("-en" if lang == "en" else ""))
    output = output_path(args.output, args.plan_dir, f"{stem}.{args.format}", lang)  # never into a plan folder
    doc = build_document(notebook_path("handout_short" if args.short else "handout"), plan, output,
                         params={"MEETING": mid, "MASK_NAMES": bool(args.mask_names),
                                 "AS_OF": args.as_of.isoformat() if args.as_of else None},
                         fmt=args.format, engine=args.engine, lang=lang, progress=print, session=session)
    print(t("doc.done", lang, path=doc.path))
    return 0
