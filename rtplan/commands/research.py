"""``rtplan research export|summary``: pooled, anonymised research data across many RTs."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from rtplan.messages import t

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ORDER = 80


def _k(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(text)
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option

    p = sub.add_parser("research", help=t("cli.research.help", lang), description=t("cli.research.help", lang))
    inner = p.add_subparsers(dest="research_command", metavar=t("cli.command_metavar", lang))
    e = inner.add_parser("export", help=t("cli.research.export.help", lang),
                         description=t("cli.research.export.help", lang))
    e.add_argument("plans", nargs="+", metavar="PLANS", help=t("cli.research.plans", lang))
    e.add_argument("-o", "--output", required=True, metavar="OUT", help=t("cli.research.out", lang))
    e.add_argument("--format", dest="fmt", choices=("parquet", "csv", "xlsx"), default="parquet",
                   help=t("cli.research.format", lang))
    e.add_argument("--secret-file", metavar="FILE", help=t("cli.research.secret", lang))
    e.add_argument("--include-text", action="store_true", help=t("cli.research.include_text", lang))
    e.add_argument("--k", type=_k, default=5, help=t("cli.research.k", lang))
    e.add_argument("--workers", type=_k, default=None, help=t("cli.research.workers", lang))
    lang_option(e, lang)
    e.set_defaults(func=cmd_export)
    s = inner.add_parser("summary", help=t("cli.research.summary.help", lang),
                         description=t("cli.research.summary.help", lang))
    s.add_argument("dataset", metavar="OUT", help=t("cli.research.dataset", lang))
    s.add_argument("--k", type=_k, default=None, help=t("cli.research.k", lang))
    lang_option(s, lang)
    s.set_defaults(func=cmd_summary)

    def show_help(args: argparse.Namespace) -> int:  # ``rtplan research`` without a subcommand
        p.print_help()
        return 2

    p.set_defaults(func=show_help)


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from rtplan.research.anonymise import load_secret
    from rtplan.research.dataset import export

    lang = args.lang
    secret, path, created = load_secret(args.secret_file, create=args.secret_file is not None,
                                        out=args.output, lang=lang)
    if created:
        print(t("research.secret_created", lang, path=path), file=sys.stderr)
    pooled, manifest = export(args.plans, args.output, secret, fmt=args.fmt, include_text=args.include_text,
                              k=args.k, lang=lang, workers=args.workers)
    masked = manifest.get("masked")
    if isinstance(masked, dict):  # said, never shown: counts only
        print(t("research.masked", lang, **masked), file=sys.stderr)
    for skip in pooled.skipped:
        print(t("research.skipped", lang, path=skip.path), file=sys.stderr)
        for reason in skip.reasons:
            print(f"  - {reason}", file=sys.stderr)
    print(t("research.exported", lang, plans=manifest["plans"], out=args.output, fmt=args.fmt,
            skipped=manifest["skipped"], codebook=Path(args.output) / "codebook.csv"))
    return 0


def _show(frame: pd.DataFrame) -> str:
    k_frame = frame.astype(object).where(frame.notna(), "<k")
    text: str = k_frame.to_string(index=False)
    return text


def cmd_summary(args: argparse.Namespace) -> int:
    from rtplan.research import query
    from rtplan.research.dataset import read_manifest

    lang = args.lang
    manifest = read_manifest(args.dataset, lang)
    k = args.k or int(manifest.get("k", 5))
    info = query.overview(args.dataset)
    out = [t("research.summary.plans", lang, **info),
           t("research.summary.suppressed", lang, k=k, k_minus=k - 1), ""]
    sections = [
        ("research.summary.by_sex", query.participation(args.dataset, "sex", "city", k)),
        ("research.summary.by_age", query.participation(args.dataset, "age_band", "all", k)),
        ("research.summary.by_group", query.participation(args.dataset, "group", "all", k)),
        ("research.summary.needs", query.needs_by_category(args.dataset)),
        ("research.summary.disagree", query.method_disagreement(args.dataset)),
        ("research.summary.funding", query.funding_mix(args.dataset)),
    ]
    for key, frame in sections:
        out += [t(key, lang), _show(frame).replace("<k", f"<{k}"), ""]
    sys.stdout.write("\n".join(out))
    return 0
