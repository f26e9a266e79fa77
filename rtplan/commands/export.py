"""``rtplan export PLAN --ics``: files made from the plan for other people and programs.

Each kind of export is one :class:`ExportKind` in :data:`EXPORTS`: its flag, its
help text, the default file name and the function that writes it. Adding a kind
(e.g. ``--musrenbang``) means adding one entry (and any options of its own in
:func:`register`); exactly one kind is chosen per call.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rtplan.commands import open_plan
from rtplan.commands.plan import _date
from rtplan.messages import t, tn
from rtplan.plan import Plan

ORDER = 5


@dataclass(frozen=True)
class ExportKind:
    """One kind of export.

    Attributes
    ----------
    flag : the command-line flag without dashes (``ics`` gives ``--ics``).
    help_key : message key of its help text.
    filename : default file name after the plan folder's name (``jadwal.ics`` gives
        ``contoh-rt05-rw03-jadwal.ics``).
    write : ``write(plan, path, args) -> message`` writes the file and says what it wrote.
    siblings : suffixes of files written beside it (``.csv``, ``.pdf``); checked like the file
        by :func:`rtplan.export.paths.output_path`.
    uses : the tables it reads (default: all); one of them unreadable stops the export
        (see :mod:`rtplan.usable`).
    """

    flag: str
    help_key: str
    filename: str
    write: Callable[[Plan, Path, argparse.Namespace], str]
    siblings: tuple[str, ...] = ()
    uses: tuple[str, ...] | None = None


def _write_ics(plan: Plan, path: Path, args: argparse.Namespace) -> str:
    from rtplan.documents.ics import write_ics

    target, n = write_ics(plan, path, plan.message_lang, tz=getattr(args, "tz", None))
    return t("cli.export.ics_done", plan.message_lang, n=n, path=target)


def _write_musrenbang(plan: Plan, path: Path, args: argparse.Namespace) -> str:
    """The proposal list as XLSX, CSV and a one-page PDF with the signature line, side by side."""
    from rtplan.documents import musrenbang
    from rtplan.export.engines import html_to_pdf
    from rtplan.storage import atomic_write

    lang = plan.message_lang
    columns = musrenbang.columns_for(args.columns, lang)
    frame = musrenbang.form_table(plan, columns, lang)
    stem = path.with_suffix("")
    path.parent.mkdir(parents=True, exist_ok=True)
    title = t("musrenbang.title", lang, rt=plan.area.get("rt", ""), rw=plan.area.get("rw", ""),
              kelurahan=plan.area.get("kelurahan", ""))
    written = [stem.with_suffix(".xlsx"), stem.with_suffix(".csv")]
    musrenbang.write_xlsx(frame, columns, written[0], title)
    atomic_write(written[1], musrenbang.csv_bytes(frame, columns, lang))
    if args.engine != "none":
        pdf = html_to_pdf(musrenbang.page_html(plan, frame, columns, lang, args.as_of), engine=args.engine, lang=lang,
                          header=title)
        written.append(stem.with_suffix(".pdf"))
        atomic_write(written[2], pdf)
    return "\n".join(t("musrenbang.written", lang, path=w) for w in written)


def _write_xlsx(plan: Plan, path: Path, args: argparse.Namespace) -> str:
    """The whole plan as one workbook (one sheet per table); see :mod:`rtplan.importing.workbook`."""
    from rtplan.importing.workbook import write_xlsx

    n = write_xlsx(plan, path, plan.lang, include_private=getattr(args, "include_private", False))
    return tn("cli.export.xlsx_done", n, plan.message_lang, path=path)


def _write_csv_excel(plan: Plan, path: Path, args: argparse.Namespace) -> str:
    """Every table as ``;``-separated UTF-8-with-BOM CSV for Excel, in one zip."""
    from rtplan.importing.workbook import write_csv_excel

    n = write_csv_excel(plan, path, plan.lang, include_private=getattr(args, "include_private", False))
    return tn("cli.export.csv_excel_done", n, plan.message_lang, path=path)


EXPORTS: list[ExportKind] = [
    ExportKind("xlsx", "cli.export.xlsx", "rencana.xlsx", _write_xlsx),
    ExportKind("csv-excel", "cli.export.csv_excel", "rencana-csv-excel.zip", _write_csv_excel),
    ExportKind("ics", "cli.export.ics", "jadwal.ics", _write_ics, uses=("activities", "needs")),
    ExportKind("musrenbang", "cli.export.musrenbang", "usulan-musrenbang.xlsx", _write_musrenbang,
               (".xlsx", ".csv", ".pdf"),
               uses=("needs", "usg_scores", "participants", "proposals", "meetings")),
]


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("export", help=t("cli.export.help", lang), description=t("cli.export.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    kinds = p.add_mutually_exclusive_group(required=True)
    for kind in EXPORTS:
        kinds.add_argument(f"--{kind.flag}", dest="export_kind", action="store_const", const=kind.flag,
                           help=t(kind.help_key, lang))
    p.add_argument("-o", "--output", metavar="FILE", help=t("cli.export.output", lang))
    p.add_argument("--tz", metavar="TZ", help=t("cli.export.tz", lang))
    p.add_argument("--as-of", dest="as_of", type=_date, metavar=t("cli.date_metavar", lang),
                   help=t("cli.export.as_of", lang))
    p.add_argument("--include-private", action="store_true", help=t("cli.export.include_private", lang))
    p.add_argument("--columns", default="superset", metavar="semarang|superset|FILE",
                   help=t("cli.export.columns", lang))
    p.add_argument("--engine", choices=("auto", "weasyprint", "chromium", "none"), default="auto",
                   help=t("cli.export.engine", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    kind = next(k for k in EXPORTS if k.flag == args.export_kind)
    plan = open_plan(args, kind.uses)
    from rtplan.export.paths import output_path

    # never into a plan folder; a directory gets the default name (and the files written beside it)
    path = output_path(args.output, args.plan_dir, kind.filename, plan.message_lang, kind.siblings)
    print(kind.write(plan, path, args))
    return 0
