"""``rtplan rank``: the ranking of needs in the terminal, for scripts (JSON) and spreadsheets (CSV)."""

from __future__ import annotations

import argparse
import json
import sys

from rtplan.commands import open_plan
from rtplan.messages import t
from rtplan.needs import AGGREGATES, METHODS, ranking
from rtplan.render.views import to_csv, to_records, to_text
from rtplan.views.needs import METHOD_LABELS, ranking_data, ranking_view

ORDER = 10
# the tables the ranking reads: one of them unreadable stops the command (see rtplan.usable)
USES = ("needs", "usg_scores", "votes", "pairwise", "priorities", "problem_tree", "participants")


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("rank", help=t("cli.rank.help", lang), description=t("cli.rank.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--method", choices=METHODS, default="final", help=t("cli.rank.method", lang))
    p.add_argument("--format", dest="fmt", choices=("text", "csv", "json"), default="text",
                   help=t("cli.rank.format", lang))
    p.add_argument("--aggregate", choices=AGGREGATES, default="mean", help=t("cli.rank.aggregate", lang))
    p.add_argument("--no-consensus", action="store_true", help=t("cli.rank.no_consensus", lang))
    p.add_argument("--output", "-o", metavar="FILE", help=t("cli.rank.output", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_rank)


def cmd_rank(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES)
    lang = plan.message_lang
    result = ranking(plan, args.method, args.aggregate, not args.no_consensus, lang)
    data = ranking_data(result)
    if args.fmt == "json":
        text = json.dumps(to_records(data), ensure_ascii=False, indent=2) + "\n"
    elif args.fmt == "csv":
        # text a spreadsheet would run as a formula (a need title "=...") is neutralised
        text = to_csv(data).decode("utf-8")
    else:
        heading = t("cli.rank.heading", lang, method=t(METHOD_LABELS[args.method], lang), plan=plan.title)
        table = to_text(ranking_view(result, lang)).lstrip("\n")  # an empty ranking starts with its footer
        text = f"{heading}\n\n{table}\n"
    if args.output:
        from rtplan.export.paths import output_path

        target = output_path(args.output, args.plan_dir, f"ranking-{args.method}.{args.fmt}", lang)
        # Excel reads UTF-8 CSV right only when it starts with a BOM
        encoding = "utf-8-sig" if args.fmt == "csv" else "utf-8"
        target.write_text(text, encoding=encoding, newline="")
        print(t("cli.rank.written", lang, path=target, n=len(data)))
    else:
        sys.stdout.write(text)
    return 0
