"""Subcommands of the ``rtplan`` CLI, one module per area (see :mod:`rtplan.cli`).

Every command that reads a plan opens it with :func:`open_plan`: one rule for what
a plan's problems mean to a command (see :mod:`rtplan.usable`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from rtplan.messages import languages, t, tn
from rtplan.plan import Plan
from rtplan.usable import Usable, usable_plan

# a part of the plan (rtplan.usable.PARTS) -> the catalogue key naming it
MISSING_PARTS = {
    "participants": "cli.missing.participants",
    "meetings": "cli.missing.meetings",
    "attendance": "cli.missing.attendance",
    "needs": "cli.missing.needs",
    "scores": "cli.missing.scores",
    "resources": "cli.missing.resources",
    "activities": "cli.missing.activities",
    "funds": "cli.missing.funds",
    "ledger": "cli.missing.ledger",
}


def lang_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """Add ``--lang id|en`` (message language; default: the plan's own); a language with a
    ``.po`` file (see :mod:`rtplan.messages`) is a choice too."""
    parser.add_argument("--lang", choices=languages(), default=argparse.SUPPRESS,
                        help=t("cli.opt.lang", lang))


def warn_problems(usable: Usable, plan_dir: str, lang: str, document: bool = False) -> None:
    """Say on stderr that the plan has errors and which rows were left out (nothing when clean)."""
    found = usable.errors
    if not found:
        return
    print(tn("doc.plan_has_problems" if document else "cli.plan_has_problems", len(found), lang, plan=plan_dir),
          file=sys.stderr)
    if usable.set_aside:
        files = ", ".join(tn("cli.rows_in_file", n, lang, file=f) for f, n in sorted(usable.set_aside.items()))
        print(t("cli.rows_set_aside", lang, files=files), file=sys.stderr)


def note_missing(usable: Usable, parts: Iterable[str], lang: str, document: bool = False) -> None:
    """Say on stderr which parts of the plan have no usable row yet (an empty plan builds empty documents)."""
    missing = usable.missing(parts)
    if missing:
        names = ", ".join(t(MISSING_PARTS[m], lang) for m in missing)
        print(t("cli.missing.doc" if document else "cli.missing.lead", lang, parts=names), file=sys.stderr)


def note_emptied(plan: Plan, lang: str, force: bool = False) -> None:
    """Say on stderr which tables were found empty while their history holds rows (and how
    to restore them). With ``force`` (``--force``: the person confirmed) a save may write
    over them."""
    for p in plan.load_problems:
        if p.rule == "emptied":
            print(f"{t('cli.warning_prefix', lang)}: {p.message}", file=sys.stderr)
    if force:
        plan.emptied.clear()


def force_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--force``: save even over a table found empty while its history holds rows."""
    parser.add_argument("--force", action="store_true", help=t("cli.opt.force_emptied", lang))


def open_plan(args: argparse.Namespace, uses: Iterable[str] | None = None, document: bool = False,
              lang: str | None = None, parts: Iterable[str] = ()) -> Plan:
    """Load ``args.plan_dir`` for a command that reads the tables ``uses`` (default: all).

    A file among ``uses`` that cannot be read at all stops the command with the
    message ``rtplan validate`` gives (:class:`~rtplan.exceptions.ValidationError`,
    exit 2); other problems are a warning on stderr, and the command works on the
    usable plan (:func:`rtplan.usable.usable_plan`: rows that break a rule left out).
    ``parts`` (keys of :data:`rtplan.usable.PARTS`): say which of them the plan lacks.
    """
    from rtplan import storage
    from rtplan.exceptions import ValidationError

    plan = storage.load_plan(args.plan_dir, lang=args.lang)
    lang = lang or plan.message_lang
    usable = usable_plan(plan)
    fatal = usable.fatal(uses)
    if fatal:
        print(t("cli.cannot_run", lang, command=getattr(args, "command", "") or ""), file=sys.stderr)
        raise ValidationError(fatal, lang)
    note_emptied(plan, lang)
    warn_problems(usable, args.plan_dir, lang, document)
    note_missing(usable, parts, lang, document)
    return usable.plan
