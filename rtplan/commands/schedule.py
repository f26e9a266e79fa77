"""``rtplan conflicts | budget``: step 3, the schedule and the money."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence

import pandas as pd

from rtplan.budget import budget_frame, budget_headers, budget_lines, budget_summary, monthly_frame
from rtplan.commands import open_plan
from rtplan.messages import t
from rtplan.schedule import CONFLICT_KINDS, find_conflicts

ORDER = 3
# the tables each command reads: one of them unreadable stops it (see rtplan.usable)
USES_CONFLICTS = ("activities", "needs", "priorities", "usg_scores", "votes", "pairwise", "resources")
USES_BUDGET = ("activities", "funds")


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.cli import lang_option

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


def text_table(frame: pd.DataFrame, headers: Mapping[str, str] | None = None,
               right: Sequence[str] = ()) -> list[str]:
    """A plain-text table (padded columns) for the terminal."""
    headers = dict(headers or {})
    cols = list(frame.columns)
    cells = [[str(headers.get(c, c)) for c in cols]] + [["" if pd.isna(v) else str(v) for v in row]
                                                          for row in frame.itertuples(index=False, name=None)]
    widths = [max(len(r[i]) for r in cells) for i in range(len(cols))]
    lines = []
    for n, row in enumerate(cells):
        parts = [v.rjust(w) if cols[i] in right else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def cmd_conflicts(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES_CONFLICTS)
    lang = plan.message_lang
    findings = find_conflicts(plan, lang)
    if args.format == "json":
        print(json.dumps([c.to_dict() for c in findings], ensure_ascii=False, indent=2))
    else:
        print(t("cli.conflicts.header", lang, plan=plan.title or args.plan_dir))
        if not findings:
            print(t("conflict.none", lang))
        else:
            n_err = sum(c.severity == "error" for c in findings)
            print(t("conflict.count", lang, n=len(findings), errors=n_err, warnings=len(findings) - n_err))
            for kind in CONFLICT_KINDS:
                group = [c for c in findings if c.kind == kind]
                if not group:
                    continue
                print()
                print(f"{t(f'conflict.severity.{CONFLICT_KINDS[kind]}', lang)}: {t(f'conflict.kind.{kind}', lang)}"
                      f" ({len(group)})")
                for c in group:
                    mark = "!" if c.severity == "error" else "?"
                    print(f"  {mark} {c.message}")
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
    frame = budget_frame(summary, lang)
    for line in text_table(frame, budget_headers(lang), right=("planned", "available", "shortfall", "remaining")):
        print(line)
    print()
    for line in budget_lines(summary, lang):
        print(line)
    monthly = monthly_frame(plan, lang)
    if len(monthly.columns) > 2:
        print()
        print(t("cli.budget.monthly", lang))
        for line in text_table(monthly, right=list(monthly.columns[1:])):
            print(line)
    return 0
