"""Step 2's tables for people, each declared once: inventory, crosswalk, matches, gaps.

Every table is a :class:`~rtplan.views.ViewSpec` (columns, label keys, formats, what
is private) and a pure builder from the step's results (:mod:`rtplan.resources`).
A notebook shows a built view as it is; ``rtplan match`` prints and exports the same
views through :mod:`rtplan.render.views`. The contact of a resource is a private
column: it is shown nowhere unless a caller asks for private columns.
"""

from __future__ import annotations

import pandas as pd

from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.resources.gaps import institution_kind
from rtplan.resources.inventory import crosswalk, inventory
from rtplan.resources.labels import (
    ABCD_LABELS,
    DECISION_LABELS,
    FIELD_LABELS,
    GAP_LABELS,
    PARTNER_LABELS,
    REMBUG_LABELS,
)
from rtplan.resources.privacy import mask_private
from rtplan.resources.results import Gap, MatchResult
from rtplan.schema import split_list
from rtplan.tables import is_missing
from rtplan.views.base import Col, View, ViewSpec

INVENTORY = ViewSpec("resources.inventory", (
    Col("category_label", "res.col.category"),
    Col("rembug_label", "res.col.rembug"),
    Col("resource_id", "res.col.resource_id", fmt="id"),
    Col("name", "res.col.name"),
    Col("holder", "res.col.holder"),
    Col("tags_text", "res.col.tags"),
    Col("availability_text", "res.col.availability"),
    Col("capacity", "res.col.capacity", fmt="plain_int"),
    Col("cost_idr", "res.col.cost", fmt="idr_free"),
    Col("location", "res.col.location"),
    Col("contact", "res.col.contact", private=True),
))
"""The asset inventory by ABCD category (schema order), with the Rembug Warga group."""

CROSSWALK = ViewSpec("resources.crosswalk", (
    Col("label", "res.col.rembug"),
    Col("categories_text", "res.col.category"),
    Col("count", "res.col.count", fmt="plain_int"),
    Col("names_text", "res.col.names"),
))
"""The Rembug Warga grouping of the assets (infrastruktur, sosial, budaya, ekonomi)."""

MATCHES = ViewSpec("resources.matches", (
    Col("priority", "res.col.priority", fmt="plain_int"),
    Col("need", "res.col.need"),
    Col("resource", "res.col.resource"),
    Col("score", "res.col.score", fmt="plain_int"),
    Col("parts", "res.col.parts"),
    Col("reason", "res.col.reason"),
    Col("decision_label", "res.col.decision"),
    Col("note", "res.col.note"),
))
"""Each need's accepted resources, open suggestions and rejected ones, with reasons."""

GAPS = ViewSpec("resources.gaps", (
    Col("priority", "res.col.priority", fmt="plain_int"),
    Col("need", "res.col.need"),
    Col("field", "res.col.field"),
    Col("status_text", "res.col.status"),
    Col("partners_text", "res.col.partners"),
    Col("institutions_text", "res.col.institutions"),
))
"""Needs without an accepted resource, and whom to ask (the institutions known first)."""

OVERVIEW = ViewSpec("resources.overview", (
    Col("priority", "res.col.priority", fmt="plain_int"),
    Col("need", "res.col.need"),
    Col("confirmed_names", "res.ui.board.confirmed"),
    Col("open", "res.ui.board.open", fmt="plain_int"),
))
"""Every need at a glance: the resources accepted and the suggestions still open."""

INSTITUTIONS = ViewSpec("resources.institutions", (
    Col("institution_id", "res.col.institution_id", fmt="id"),
    Col("name", "res.col.institution"),
    Col("kind_label", "res.col.kind"),
    Col("importance", "res.col.importance", fmt="plain_int"),
    Col("closeness", "res.col.closeness", fmt="plain_int"),
    Col("note", "res.col.note"),
))
"""The institutions of the diagram, with the kind of partner read from each name."""

MATCH_EXPORT = ViewSpec("resources.match_export", (
    Col("need_id", "res.col.need_id", fmt="id"),
    Col("need_title", "res.col.need"),
    Col("priority", "res.col.priority", fmt="plain_int"),
    Col("resource_id", "res.col.resource_id", fmt="id"),
    Col("resource_name", "res.col.name"),
    Col("score", "res.col.score", fmt="plain_int"),
    Col("skill", "res.part.skill", fmt="plain_int"),
    Col("field", "res.part.field", fmt="plain_int"),
    Col("time", "res.part.time", fmt="plain_int"),
    Col("cost", "res.part.cost", fmt="plain_int"),
    Col("reason", "res.col.reason"),
    Col("confirmed", "res.ui.board.confirmed", fmt="yes_no"),
    Col("decision", "res.col.decision"),
    Col("note", "res.col.note"),
))
"""The matches as data (``rtplan match --format csv``): ids, score parts, raw decision."""

GAP_EXPORT = ViewSpec("resources.gap_export", (
    Col("need_id", "res.col.need_id", fmt="id"),
    Col("title", "res.col.need"),
    Col("category", "res.col.field"),
    Col("priority", "res.col.priority", fmt="plain_int"),
    Col("status", "res.col.status"),
    Col("open_suggestions", "res.col.open", fmt="plain_int"),
    Col("suggested_partners", "res.col.partners"),
    Col("institutions", "res.col.institutions"),
))
"""The gaps as data (``rtplan match --format csv --table gaps``)."""


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def inventory_view(plan: Plan, lang: str | None = None) -> View:
    """The asset inventory by ABCD category (the contact is a private column)."""
    lang = normalize_lang(lang or plan.message_lang)
    res = inventory(plan["resources"])
    frame = res.assign(
        category_label=[t(ABCD_LABELS[c], lang) if c in ABCD_LABELS else _text(c) for c in res["category"]],
        rembug_label=[t(REMBUG_LABELS[g], lang) if g in REMBUG_LABELS else "" for g in res["rembug"]],
        resource_id=res["resource_id"].astype(str),
        tags_text=[", ".join(split_list(v)) for v in res["tags"]],
        availability_text=[", ".join(split_list(v)) for v in res["availability"]],
    )
    return INVENTORY.build(frame, lang, table_id="rtplan-inventory")


def crosswalk_view(plan: Plan, lang: str | None = None) -> View:
    """The Rembug Warga grouping of the plan's assets (groups without assets keep their row)."""
    lang = normalize_lang(lang or plan.message_lang)
    cw = crosswalk(plan["resources"])
    frame = cw.assign(
        label=[t(REMBUG_LABELS[g], lang) for g in cw["group"]],
        categories_text=[", ".join(t(ABCD_LABELS[c], lang) for c in cats) for cats in cw["categories"]],
        names_text=["; ".join(names) for names in cw["names"]],
    )
    return CROSSWALK.build(frame, lang, table_id="rtplan-crosswalk")


def matches_frame(result: MatchResult, lang: str | None = None) -> pd.DataFrame:
    """One row per match: ids, names, score parts, masked reason and note, decision label."""
    lang = normalize_lang(lang or result.lang)
    titles, names = result.need_titles, result.resource_names
    rows = [{
        "need_id": m.need_id,
        "need_title": titles.get(m.need_id, ""),
        "need": f"{m.need_id} · {titles.get(m.need_id, '')}",
        "priority": m.priority,
        "resource_id": m.resource_id,
        "resource_name": names.get(m.resource_id, ""),
        "resource": f"{m.resource_id} · {names.get(m.resource_id, '')}",
        "score": m.score,
        **m.parts.as_dict(),
        "parts": m.parts.describe(lang),
        "reason": mask_private(m.reason, lang),
        "confirmed": m.confirmed,
        "decision": m.decision,
        "decision_label": t(DECISION_LABELS[m.decision], lang),
        "note": mask_private(m.note, lang),
    } for m in result.matches]
    columns = ["need_id", "need_title", "need", "priority", "resource_id", "resource_name", "resource", "score",
               "skill", "field", "time", "cost", "parts", "reason", "confirmed", "decision", "decision_label", "note"]
    return pd.DataFrame(rows, columns=columns)


def matches_view(result: MatchResult, lang: str | None = None) -> View:
    """The matching table: for each need in priority order, accepted, open, then rejected."""
    lang = normalize_lang(lang or result.lang)
    return MATCHES.build(matches_frame(result, lang), lang, table_id="rtplan-matches")


def match_export_view(result: MatchResult) -> View:
    """The matches as data, for CSV and spreadsheets (in the result's language)."""
    return MATCH_EXPORT.build(matches_frame(result), result.lang, table_id="rtplan-match-export")


def gap_status(gap: Gap, lang: str = "id") -> str:
    """``2 usulan belum diputuskan``, ``semua usulan ditolak`` or ``belum ada ...``."""
    return t(GAP_LABELS[gap.status], lang, n=gap.open_suggestions)


def gaps_frame(result: MatchResult, lang: str | None = None) -> pd.DataFrame:
    """One row per gap: the need, its field, status, partners to ask and institutions known."""
    lang = normalize_lang(lang or result.lang)
    rows = [{
        "need_id": g.need_id,
        "title": g.title,
        "need": f"{g.need_id} · {g.title}",
        "category": g.category,
        "field": t(FIELD_LABELS[g.category], lang) if g.category in FIELD_LABELS else g.category,
        "priority": g.priority,
        "status": g.status,
        "status_text": gap_status(g, lang),
        "open_suggestions": g.open_suggestions,
        "partners_text": ", ".join(g.partner_labels(lang)),
        "suggested_partners": "; ".join(g.partner_labels(lang)),
        "institutions_text": "; ".join(g.institutions),
        "institutions": "; ".join(g.institutions),
    } for g in result.gaps]
    columns = ["need_id", "title", "need", "category", "field", "priority", "status", "status_text",
               "open_suggestions", "partners_text", "suggested_partners", "institutions_text", "institutions"]
    return pd.DataFrame(rows, columns=columns)


def gaps_view(result: MatchResult, lang: str | None = None) -> View:
    """The gap list: needs without an accepted resource, and whom to ask."""
    lang = normalize_lang(lang or result.lang)
    return GAPS.build(gaps_frame(result, lang), lang, table_id="rtplan-gaps")


def gap_export_view(result: MatchResult) -> View:
    """The gaps as data, for CSV and spreadsheets (partner labels in the result's language)."""
    return GAP_EXPORT.build(gaps_frame(result), result.lang, table_id="rtplan-gap-export")


def overview_view(result: MatchResult, lang: str | None = None) -> View:
    """Every need at a glance (priority order): resources accepted, suggestions open."""
    lang = normalize_lang(lang or result.lang)
    names = result.resource_names
    rows = []
    for priority, need_id in enumerate(result.order, start=1):
        ms = result.for_need(need_id)
        rows.append({
            "priority": priority,
            "need": f"{need_id} · {result.need_titles.get(need_id, '')}",
            "confirmed_names": "; ".join(names.get(m.resource_id, m.resource_id) for m in ms if m.confirmed),
            "open": sum(1 for m in ms if m.decision is None),
        })
    frame = pd.DataFrame(rows, columns=["priority", "need", "confirmed_names", "open"])
    return OVERVIEW.build(frame, lang, table_id="rtplan-match-overview")


def institutions_view(plan: Plan, lang: str | None = None) -> View:
    """The institutions of the diagram with the kind of partner each name shows."""
    lang = normalize_lang(lang or plan.message_lang)
    inst = plan["institutions"]
    kinds = [institution_kind(_text(n)) for n in inst["name"]]
    frame = inst.assign(kind_label=[t(PARTNER_LABELS[k], lang) if k else "" for k in kinds])
    return INSTITUTIONS.build(frame, lang, table_id="rtplan-institutions")


__all__ = [
    "CROSSWALK", "GAPS", "GAP_EXPORT", "INSTITUTIONS", "INVENTORY", "MATCHES", "MATCH_EXPORT", "OVERVIEW",
    "crosswalk_view", "gap_export_view", "gap_status", "gaps_frame", "gaps_view", "institutions_view",
    "inventory_view", "match_export_view", "matches_frame", "matches_view", "overview_view",
]
