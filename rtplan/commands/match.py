"""``rtplan match``: prioritised needs matched with resources, and the gaps (whom to ask).

Contacts (``resources.csv`` ``contact``) are never printed, and phone-like numbers a
facilitator may have typed into a reason or a note are masked.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from rtplan.commands import open_plan
from rtplan.fmt import format_idr
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.render.views import to_csv
from rtplan.resources import SCORE_FORMULA, MatchResult, MatchSettings, match_needs, when_is_readable
from rtplan.views.resources import gap_export_view, gaps_view, match_export_view, matches_frame, matches_view

ORDER = 2
# the tables matching reads: one of them unreadable stops the command (see rtplan.usable)
USES = ("needs", "usg_scores", "votes", "pairwise", "priorities", "problem_tree", "participants", "resources",
        "matches", "institutions", "funds")

_DEFAULTS = MatchSettings()


def _rupiah(text: str) -> int:
    """``1500000``, ``1.500.000`` or ``Rp 1.500.000`` -> 1500000."""
    cleaned = re.sub(r"(?i)^rp\.?\s*", "", text.strip()).replace(".", "").replace(" ", "")
    if not cleaned.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' (Rp)")
    return int(cleaned)


def _when(text: str) -> str:
    if not when_is_readable(text):
        raise argparse.ArgumentTypeError(f"'{text}' (akhir pekan, Sabtu pagi, Senin-Jumat malam)")
    return text


def _count(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}'")
    return int(text)


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("match", help=t("cli.match.help", lang), description=t("cli.match.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("--format", choices=("text", "csv", "json"), default="text", help=t("cli.match.format", lang))
    p.add_argument("--table", choices=("matches", "gaps"), default="matches", help=t("cli.match.table", lang))
    p.add_argument("--when", type=_when, default="", help=t("cli.match.when", lang))
    p.add_argument("--max-cost", type=_rupiah, default=None, metavar="RP", help=t("cli.match.max_cost", lang))
    p.add_argument("--min-fit", type=_count, default=_DEFAULTS.min_fit, metavar="N",
                   help=t("cli.match.min_fit", lang, n=_DEFAULTS.min_fit))
    p.add_argument("--per-need", type=_count, default=_DEFAULTS.per_need, metavar="N",
                   help=t("cli.match.per_need", lang, n=_DEFAULTS.per_need))
    lang_option(p, lang)
    p.set_defaults(func=cmd_match)


def match_records(result: MatchResult) -> list[dict[str, Any]]:
    """One plain dict per match (what JSON prints); never a contact."""
    rows = matches_frame(result).to_dict("records")
    return [{
        "need_id": r["need_id"],
        "need_title": r["need_title"],
        "priority": m.priority,
        "resource_id": r["resource_id"],
        "resource_name": r["resource_name"],
        "score": m.score,
        "components": m.parts.as_dict(),
        "reason": r["reason"],
        "confirmed": m.confirmed,
        "decision": m.decision,
        "note": r["note"],
        "skills": list(m.skills),
        "keywords": list(m.keywords),
    } for m, r in zip(result.matches, rows)]


def gap_records(result: MatchResult) -> list[dict[str, Any]]:
    """One plain dict per gap, with the partners to approach (labels in the result's language)."""
    return [{
        "need_id": g.need_id,
        "title": g.title,
        "category": g.category,
        "priority": g.priority,
        "status": g.status,
        "open_suggestions": g.open_suggestions,
        "suggested_partners": g.partner_labels(result.lang),
        "partner_kinds": list(g.partners),
        "institutions": list(g.institutions),
    } for g in result.gaps]


_MARKS = {True: "✔", False: "✘", None: "?"}


def _text(plan: Plan, result: MatchResult) -> str:
    """The matches grouped by need, then the gaps: the cells of the declared views, laid out."""
    lang = result.lang
    limit = format_idr(result.cost_limit, lang) if result.cost_limit is not None else t("res.ui.board.no_limit", lang)
    lines = [t("cli.match.header", lang, title=plan.title),
             t("cli.match.settings", lang, limit=limit, when=result.settings.when or t("res.ui.board.any_time", lang),
               formula=SCORE_FORMULA[lang]), ""]
    matches = matches_view(result).frame
    for priority, need_id in enumerate(result.order, start=1):
        lines.append(f"{priority}. {need_id} {result.need_titles.get(need_id, '')}")
        rows = matches[matches["need_id"] == need_id]
        if rows.empty:
            lines.append(f"     {t('cli.match.no_suggestion', lang)}")
        for m in rows.itertuples(index=False):
            lines.append(f"   {_MARKS[m.confirmed]} {m.resource_id} {m.resource_name} "
                         f"[{m.score}: {m.parts}] ({m.decision_label})")
            lines.append(f"       {m.reason}")
            if m.note:
                lines.append(f"       {t('res.col.note', lang)}: {m.note}")
    lines.append("")
    if not result.gaps:
        lines.append(t("cli.match.no_gaps", lang))
    else:
        lines.append(t("cli.match.gaps", lang))
        for g in gaps_view(result).frame.itertuples(index=False):
            lines.append(f"  {g.priority}. {g.need_id} {g.title} ({g.status_text})")
            lines.append(f"       -> {g.partners_text}")
            if g.institutions_text:
                lines.append(f"       {t('cli.match.known', lang)}: {g.institutions_text}")
    return "\n".join(lines) + "\n"


def cmd_match(args: argparse.Namespace) -> int:
    plan = open_plan(args, USES)
    lang = normalize_lang(plan.message_lang)
    settings = MatchSettings(when=args.when, max_cost_idr=args.max_cost, min_fit=args.min_fit,
                             per_need=args.per_need)
    result = match_needs(plan, settings, lang)
    if args.format == "json":
        payload = {
            "plan": plan.title,
            "settings": {"when": settings.when, "max_cost_idr": result.cost_limit, "min_fit": settings.min_fit,
                         "per_need": settings.per_need, "formula": SCORE_FORMULA[lang]},
            "matches": match_records(result),
            "gaps": gap_records(result),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        view = gap_export_view(result) if args.table == "gaps" else match_export_view(result)
        sys.stdout.write(to_csv(view).decode("utf-8"))
    else:
        sys.stdout.write(_text(plan, result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: rtplan match")
