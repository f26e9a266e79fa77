"""``rtplan kas | progress``: the cash report and the progress of activities (step 4)."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from rtplan.asof import plan_as_of
from rtplan.cellsafe import neutralize
from rtplan.commands import open_plan
from rtplan.commands.plan import _date
from rtplan.kas import kas_summary
from rtplan.messages import t
from rtplan.monitoring import progress
from rtplan.render.kas import form_text
from rtplan.render.monitoring import progress_text
from rtplan.render.views import to_text
from rtplan.views.kas import book_view

ORDER = 40
# the tables each command reads: one of them unreadable stops it (see rtplan.usable)
USES_KAS = ("ledger", "activities")
USES_PROGRESS = ("activities", "realizations", "needs", "ledger")
FORMATS = ("text", "json", "csv")


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("kas", help=t("cli.kas.help", lang), description=t("cli.kas.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--from", dest="start", type=_date, metavar="DATE", help=t("cli.kas.from", lang))
    p.add_argument("--to", dest="end", type=_date, metavar="DATE", help=t("cli.kas.to", lang))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar="DATE", help=t("cli.kas.as_of", lang))
    p.add_argument("--format", choices=FORMATS, default="text", help=t("cli.mon.format", lang))
    p.add_argument("--detail", action="store_true", help=t("cli.kas.detail", lang))
    p.add_argument("--book", action="store_true", help=t("cli.kas.book", lang))
    p.add_argument("--strict", action="store_true", help=t("cli.mon.strict", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_kas)

    p = sub.add_parser("progress", help=t("cli.progress.help", lang), description=t("cli.progress.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar="DATE", help=t("cli.progress.as_of", lang))
    p.add_argument("--format", choices=FORMATS, default="text", help=t("cli.mon.format", lang))
    p.add_argument("--strict", action="store_true", help=t("cli.mon.strict", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_progress)


def _csv_cell(value: object) -> str:
    """One raw value as a CSV cell; resident text never runs as a spreadsheet formula."""
    if isinstance(value, str):
        return str(neutralize(value))
    if isinstance(value, (tuple, list)):
        return str(neutralize(";".join(str(v) for v in value)))
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.3f}"
    return str(value)


def _csv(frame: pd.DataFrame) -> str:
    from rtplan.cellsafe import csv_text

    return csv_text(list(frame.columns), ([_csv_cell(value) for value in row] for row in frame.itertuples(index=False)))


def _print_checks(checks: object, lang: str) -> None:
    items = list(checks)  # type: ignore[call-overload]
    if not items:
        return
    print()
    print(t("cli.kas.warnings", lang))
    for c in items:
        print(f"  {'!' if c.is_warning else '-'} {c.message}")


def cmd_kas(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES_KAS)
    lang = plan.message_lang
    if args.as_of:  # the cash book as it stood on that date (rtplan.asof)
        plan = plan_as_of(plan, args.as_of)
    summary = kas_summary(plan, args.start, args.end, lang, group=not args.detail)
    if args.format == "json":
        data = summary.to_dict()
        if args.book:
            data["entries"] = [
                {"entry_id": r.entry_id, "date": r.date.isoformat(), "description": r.description,
                 "income_idr": int(r.income_idr), "expense_idr": int(r.expense_idr), "balance_idr": int(r.balance_idr),
                 "activity_id": r.activity_id or None, "category": r.category or None, "proof": r.proof or None}
                for r in summary.entries.itertuples(index=False)]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        frame = summary.lines.drop(columns=["first_date"])
        sys.stdout.write(_csv(frame))
    else:
        print(form_text(summary, lang))
        if args.book:
            print()
            print(to_text(book_view(summary, lang)))
        _print_checks(summary.checks, lang)
    return 1 if args.strict and summary.warnings else 0


def cmd_progress(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES_PROGRESS)
    lang = plan.message_lang
    if args.as_of:  # sessions, entries and statuses as they stood on that date (rtplan.asof)
        plan = plan_as_of(plan, args.as_of)
    report = progress(plan, args.as_of, lang)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(_csv(report.activities))
    else:
        print(progress_text(report, lang))
        _print_checks(report.checks, lang)
    return 1 if args.strict and any(c.is_warning for c in report.checks) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: rtplan")
