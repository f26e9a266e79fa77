"""``rtplan match``: prioritised needs matched with resources, and the gaps (whom to ask).

Contacts (``resources.csv`` ``contact``) are never printed, and phone-like numbers a
facilitator may have typed into a reason or a note are masked.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from typing import Any

from rtplan.cellsafe import neutralize
from rtplan.commands import open_plan
from rtplan.fmt import format_idr
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.resources import (
    SCORE_FORMULA,
    MatchResult,
    MatchSettings,
    mask_private,
    match_needs,
    when_is_readable,
)

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
    from rtplan.cli import lang_option

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


def match_records(plan: Plan, result: MatchResult) -> list[dict[str, Any]]:
    """One plain dict per match (what JSON and CSV print); never a contact."""
    lang = result.lang
    titles = dict(zip(plan["needs"]["need_id"].astype(str), plan["needs"]["title"].astype(str)))
    names = dict(zip(plan["resources"]["resource_id"].astype(str), plan["resources"]["name"].astype(str)))
    return [{
        "need_id": m.need_id,
        "need_title": titles.get(m.need_id, ""),
        "priority": m.priority,
        "resource_id": m.resource_id,
        "resource_name": names.get(m.resource_id, ""),
        "score": m.score,
        "components": m.parts.as_dict(),
        "reason": mask_private(m.reason, lang),
        "confirmed": m.confirmed,
        "decision": m.decision,
        "note": mask_private(m.note, lang),
        "skills": list(m.skills),
        "keywords": list(m.keywords),
    } for m in result.matches]


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


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        out = []
        for c in columns:
            v = row.get(c)
            if isinstance(v, bool):
                out.append("true" if v else "false")
            elif v is None:
                out.append("")
            elif isinstance(v, list):
                out.append(neutralize("; ".join(str(x) for x in v)))
            else:  # a spreadsheet never runs resident text as a formula
                out.append(neutralize(v) if isinstance(v, str) else str(v))
        writer.writerow(out)
    return buf.getvalue()


_MATCH_COLUMNS = ["need_id", "need_title", "priority", "resource_id", "resource_name", "score", "skill", "field",
                  "time", "cost", "reason", "confirmed", "decision", "note"]
_GAP_COLUMNS = ["need_id", "title", "category", "priority", "status", "open_suggestions", "suggested_partners",
                "institutions"]


def _text(plan: Plan, result: MatchResult) -> str:
    lang = result.lang
    limit = format_idr(result.cost_limit, lang) if result.cost_limit is not None else t("res.ui.board.no_limit", lang)
    lines = [t("cli.match.header", lang, title=plan.title),
             t("cli.match.settings", lang, limit=limit, when=result.settings.when or t("res.ui.board.any_time", lang),
               formula=SCORE_FORMULA[lang]), ""]
    titles = dict(zip(plan["needs"]["need_id"].astype(str), plan["needs"]["title"].astype(str)))
    names = dict(zip(plan["resources"]["resource_id"].astype(str), plan["resources"]["name"].astype(str)))
    marks = {True: "✔", False: "✘", None: "?"}
    for priority, need_id in enumerate(result.order, start=1):
        lines.append(f"{priority}. {need_id} {titles.get(need_id, '')}")
        ms = result.for_need(need_id)
        if not ms:
            lines.append(f"     {t('cli.match.no_suggestion', lang)}")
        for m in ms:
            decision = t(f"res.decision.{m.decision or 'none'}", lang)
            lines.append(f"   {marks[m.confirmed]} {m.resource_id} {names.get(m.resource_id, '')} "
                         f"[{m.score}: {m.parts.describe(lang)}] ({decision})")
            lines.append(f"       {mask_private(m.reason, lang)}")
            if m.note:
                lines.append(f"       {t('res.col.note', lang)}: {mask_private(m.note, lang)}")
    lines.append("")
    if not result.gaps:
        lines.append(t("cli.match.no_gaps", lang))
    else:
        lines.append(t("cli.match.gaps", lang))
        for g in result.gaps:
            status = (t("res.gap.open", lang, n=g.open_suggestions) if g.status == "open"
                      else t(f"res.gap.{g.status}", lang))
            lines.append(f"  {g.priority}. {g.need_id} {g.title} ({status})")
            lines.append(f"       -> {', '.join(g.partner_labels(lang))}")
            if g.institutions:
                lines.append(f"       {t('cli.match.known', lang)}: {'; '.join(g.institutions)}")
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
            "matches": match_records(plan, result),
            "gaps": gap_records(result),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        if args.table == "gaps":
            sys.stdout.write(_csv(gap_records(result), _GAP_COLUMNS))
        else:
            rows = [dict(r, **r["components"]) for r in match_records(plan, result)]
            sys.stdout.write(_csv(rows, _MATCH_COLUMNS))
    else:
        sys.stdout.write(_text(plan, result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: rtplan match")
