"""``rtplan conflicts | budget``: step 3, the schedule and the money."""

from __future__ import annotations

import argparse
import json

from rtplan.budget import budget_summary, monthly_table
from rtplan.commands import open_plan
from rtplan.messages import t
from rtplan.render.schedule import budget_text
from rtplan.schedule import find_conflicts
from rtplan.views.schedule import budget_report, conflicts_report

ORDER = 3
# the tables each command reads: one of them unreadable stops it (see rtplan.usable)
USES_CONFLICTS = ("activities", "needs", "priorities", "usg_scores", "votes", "pairwise", "resources")
USES_BUDGET = ("activities", "funds")


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("conflicts", help=t("cli.conflicts.help", lang), description=t("cli.conflicts.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--format", choices=("text", "json"), default="text", help=t("cli.opt.format", lang))
    p.add_argument("--strict", action="store_true", help=t("cli.conflicts.strict", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("budget", help=t("cli.budget.help", lang), description=t("cli.budget.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--format", choices=("text", "json"), default="text", help=t("cli.opt.format", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_budget)


def cmd_conflicts(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES_CONFLICTS)
    lang = plan.message_lang
    findings = find_conflicts(plan, lang)
    if args.format == "json":
        print(json.dumps([c.to_dict() for c in findings], ensure_ascii=False, indent=2))
    else:
        print(t("cli.conflicts.header", lang, plan=plan.title or args.plan_dir))
        print(conflicts_report(findings, lang).text())
    return 1 if args.strict and findings else 0


def cmd_budget(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES_BUDGET)
    lang = plan.message_lang
    summary = budget_summary(plan)
    if args.format == "json":
        print(json.dumps([s.to_dict() for s in summary.sources], ensure_ascii=False, indent=2))
        return 0
    print(t("cli.budget.header", lang, plan=plan.title or args.plan_dir))
    print()
    print(budget_text(budget_report(summary, monthly_table(plan), lang)))
    return 0
