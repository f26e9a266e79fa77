"""``rtplan import PLAN TABLE FILE``: rows from a survey export or a spreadsheet into a table.

All or nothing: a file with a bad row imports nothing and lists every bad row, unless
``--skip-invalid``; ``--dry-run`` shows what would change. ``TABLE`` ``all`` (or
``semua``) imports every sheet of a workbook made by ``rtplan export --xlsx`` (or the
zip of ``--csv-excel``) in one save.
"""

from __future__ import annotations

import argparse
import sys

from rtplan import storage
from rtplan.messages import normalize_lang, t, tn
from rtplan.schema import TABLES

# the form tool a file came from -> the catalogue key of its name (else a plain spreadsheet)
_TOOLS = {"google": "cli.import.tool.google", "kobo": "cli.import.tool.kobo", "odk": "cli.import.tool.odk"}

ORDER = 1
ALL = ("all", "semua")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option

    p = sub.add_parser("import", help=t("cli.import.help", lang), description=t("cli.import.description", lang))
    from rtplan.commands import force_option

    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("table", metavar="TABLE", help=t("cli.import.table", lang, tables=", ".join(TABLES)))
    p.add_argument("file", metavar="FILE", help=t("cli.import.file", lang))
    p.add_argument("--map", dest="maps", action="append", default=[], metavar="SOURCE=FIELD",
                   help=t("cli.import.map", lang))
    p.add_argument("--set", dest="fixed", action="append", default=[], metavar="FIELD=VALUE",
                   help=t("cli.import.set", lang))
    p.add_argument("--values", dest="values", action="append", default=[], metavar="FIELD:SOURCE=TARGET",
                   help=t("cli.import.values", lang))
    p.add_argument("--date-order", choices=("dmy", "mdy", "ymd"), help=t("cli.import.date_order", lang))
    p.add_argument("--round", dest="round_money", action="store_true", help=t("cli.import.round", lang))
    p.add_argument("--sheet", metavar="NAME", help=t("cli.import.sheet", lang))
    p.add_argument("--dry-run", action="store_true", help=t("cli.import.dry_run", lang))
    p.add_argument("--skip-invalid", action="store_true", help=t("cli.import.skip_invalid", lang))
    force_option(p, lang)
    lang_option(p, lang)
    p.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from rtplan.commands import note_emptied
    from rtplan.importing import ImportRefused, import_all, import_file, make_options

    plan = storage.load_plan(args.plan_dir, lang=args.lang)
    lang = normalize_lang(args.lang or plan.lang)
    note_emptied(plan, lang, force=args.force)
    table = args.table.strip().lower()
    if table in ALL:
        if args.maps or args.sheet or args.fixed or args.values:
            raise ImportRefused(t("cli.import.all_no_map", lang))
        outcome = import_all(plan, args.file, args.skip_invalid, args.dry_run, lang)
    else:
        if table not in TABLES:
            raise ImportRefused(t("import.unknown_table", lang, table=args.table,
                                  tables=", ".join([*TABLES, "all"])))
        options = make_options(TABLES[table], lang, args.maps, args.fixed, args.values, args.date_order,
                               args.round_money)
        outcome = import_file(plan, table, args.file, None, args.sheet, args.skip_invalid,
                              args.dry_run, lang, options=options)
    for prep in outcome.prepared:
        tool = t(_TOOLS.get(prep.info.tool or "", "cli.import.tool.sheet"), lang)
        print(t("cli.import.read", lang, file=prep.source, rows=len(prep.raw), tool=tool, table=prep.table))
        for header, field in prep.mapped_headers():
            print(f"  {' '.join(header.split())} -> {field}")
        unmapped = prep.unmapped_headers()
        if unmapped:
            print("  " + t("cli.import.unmapped", lang, columns=", ".join(unmapped)))
        for line in prep.duplicate_messages():
            print("  " + line)
    notes = [n for p in outcome.prepared for n in p.notes]
    if notes:
        print(t("cli.import.notes", lang), file=sys.stderr)
        for n in notes:
            print(f"  - {n}", file=sys.stderr)
    problems = [m for p in outcome.prepared for m in p.messages()] + outcome.blocked
    if problems:
        print(tn("cli.import.problems", len(problems), lang), file=sys.stderr)
        for m in problems[:200]:
            print(f"  - {m}", file=sys.stderr)
        if len(problems) > 200:
            print(f"  ... (+{len(problems) - 200})", file=sys.stderr)
    added = outcome.added
    if outcome.saved:
        skipped = sum(len(p.bad_rows) for p in outcome.prepared)
        print(tn("cli.import.saved", added, lang, skipped=skipped))
        return 0
    if problems and not (args.skip_invalid and not outcome.blocked):
        print(t("cli.import.nothing_saved", lang), file=sys.stderr)
        return 2 if not args.dry_run else 1
    if args.dry_run:
        print(tn("cli.import.dry_run_done", added, lang))
        return 0
    print(t("cli.import.nothing_new", lang))
    return 0
