"""``rtplan report``: the laporan kegiatan (progress) and the laporan kas RT as A4 PDFs."""

from __future__ import annotations

import argparse

from rtplan.commands import open_plan
from rtplan.commands.handout import document_options
from rtplan.commands.monitoring import USES_KAS, USES_PROGRESS
from rtplan.commands.plan import _date
from rtplan.messages import normalize_lang, t

ORDER = 55
# the tables each report reads (one unreadable stops it) and the parts it is empty without
USES = {"progress": USES_PROGRESS, "kas": USES_KAS}
PARTS = {"progress": ("activities",), "kas": ("ledger",)}


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help=t("cli.report.help", lang), description=t("cli.report.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--progress", action="store_true", help=t("cli.report.progress", lang))
    which.add_argument("--kas", action="store_true", help=t("cli.report.kas", lang))
    p.add_argument("--from", dest="start", type=_date, metavar=t("cli.date_metavar", lang),
                   help=t("cli.report.from", lang))
    p.add_argument("--to", dest="end", type=_date, metavar=t("cli.date_metavar", lang),
                   help=t("cli.report.to", lang))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar=t("cli.date_metavar", lang),
                   help=t("cli.report.as_of", lang))
    document_options(p, lang, "cli.report.output")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from rtplan.documents import notebook_path
    from rtplan.documents.build import build_document
    from rtplan.exceptions import RtplanError
    from rtplan.export.paths import output_path

    kind = "kas" if args.kas else "progress"
    plan = open_plan(args, USES[kind], document=True, parts=PARTS[kind])  # warns; rows with problems left out
    lang = normalize_lang(args.lang or plan.lang)
    if args.start and args.end and args.end < args.start:
        raise RtplanError(t("rule.end_before_start", lang, end_label="--to", end=args.end,
                            start_label="--from", start=args.start))
    params: dict[str, object] = {}
    if kind == "kas":
        params = {"FROM": args.start.isoformat() if args.start else None,
                  "TO": args.end.isoformat() if args.end else None,
                  "AS_OF": args.as_of.isoformat() if args.as_of else None}
        stem = "laporan-kas" + (f"-{args.start}-{args.end}" if args.start and args.end else "")
    else:
        params = {"AS_OF": args.as_of.isoformat() if args.as_of else None}
        stem = "laporan-kegiatan" + (f"-{args.as_of}" if args.as_of else "")
    stem += "-en" if lang == "en" else ""
    output = output_path(args.output, args.plan_dir, f"{stem}.{args.format}", lang)  # never into a plan folder
    doc = build_document(notebook_path(kind), plan, output, params=params, fmt=args.format,
                         engine=args.engine, lang=lang, progress=print)
    print(t("report.done", lang, path=doc.path))
    return 0
