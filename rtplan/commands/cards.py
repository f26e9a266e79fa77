"""``rtplan cards``: 1080x1350 PNG cards for the RT's WhatsApp group."""

from __future__ import annotations

import argparse
from pathlib import Path

from rtplan.messages import normalize_lang, t, tn

ORDER = 56


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option

    p = sub.add_parser("cards", help=t("cli.cards.help", lang), description=t("cli.cards.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--what", choices=("priorities", "schedule", "kas", "all"), default="all",
                   help=t("cli.cards.what", lang))
    p.add_argument("--month", metavar="YYYY-MM", help=t("cli.cards.month", lang))
    p.add_argument("--kas-month", metavar="YYYY-MM", help=t("cli.cards.kas_month", lang))
    p.add_argument("--top", type=int, metavar="N", help=t("cli.cards.top", lang))
    p.add_argument("-o", "--output", metavar="DIR", help=t("cli.cards.output", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_cards)


def cmd_cards(args: argparse.Namespace) -> int:
    from rtplan.commands import open_plan
    from rtplan.documents.cards import parse_month, write_cards
    from rtplan.export.paths import default_output

    plan = open_plan(args, document=True)  # warns; rows with problems left out of the cards
    lang = normalize_lang(args.lang or plan.lang)
    month, kas_month = parse_month(args.month, lang), parse_month(args.kas_month, lang)
    folder = Path(args.output) if args.output else default_output(args.plan_dir, "kartu")
    paths = write_cards(plan, folder, args.what, month, kas_month, lang, args.top)
    print(tn("paper.cards_done", len(paths), lang, path=folder))
    for p in paths:
        print(f"  {p}")
    return 0
