"""``rtplan i18n extract|init|update``: gettext files for translating rtplan (see :mod:`rtplan.i18n`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rtplan.messages import t, tn

ORDER = 90


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("i18n", help=t("cli.i18n.help", lang), description=t("cli.i18n.description", lang),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    inner = p.add_subparsers(dest="i18n_command", metavar=t("cli.command_metavar", lang))
    e = inner.add_parser("extract", help=t("cli.i18n.extract.help", lang),
                         description=t("cli.i18n.extract.help", lang))
    e.add_argument("-o", "--output", default="rtplan.pot", metavar="FILE", help=t("cli.i18n.extract.output", lang))
    lang_option(e, lang)
    e.set_defaults(func=cmd_extract)
    i = inner.add_parser("init", help=t("cli.i18n.init.help", lang), description=t("cli.i18n.init.help", lang))
    i.add_argument("language", metavar="LANG", help=t("cli.i18n.init.language", lang))
    i.add_argument("-o", "--output", metavar="FILE", help=t("cli.i18n.init.output", lang))
    i.add_argument("--force", action="store_true", help=t("cli.i18n.init.force", lang))
    lang_option(i, lang)
    i.set_defaults(func=cmd_init)
    u = inner.add_parser("update", help=t("cli.i18n.update.help", lang),
                         description=t("cli.i18n.update.help", lang))
    u.add_argument("po_file", metavar="FILE", help=t("cli.i18n.update.file", lang))
    lang_option(u, lang)
    u.set_defaults(func=cmd_update)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def cmd_extract(args: argparse.Namespace) -> int:
    from rtplan import i18n

    n = i18n.extract(Path(args.output))
    print(tn("cli.i18n.written", n, args.lang, path=args.output))
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from rtplan import i18n
    from rtplan.export.paths import refuse_plan_targets

    path = Path(args.output or f"{args.language}.po")
    refuse_plan_targets(argparse.Namespace(output=path), args.lang)  # the default name too
    n = i18n.init(args.language, path, force=args.force, ui_lang=args.lang or "id")
    print(tn("cli.i18n.written", n, args.lang, path=path))
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from rtplan import i18n

    n, done = i18n.update(Path(args.po_file), ui_lang=args.lang or "id")
    print(tn("cli.i18n.updated", n, args.lang, path=args.po_file, translated=done))
    return 0
