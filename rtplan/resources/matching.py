"""Matching every prioritised need with the plan's resources, keeping stored decisions.

:func:`match_needs` scores every need x resource pair (:mod:`rtplan.resources.scoring`),
keeps the best suggestions per need, merges the decisions stored in ``matches.csv``
and lists the gaps (:mod:`rtplan.resources.gaps`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from rtplan.messages import normalize_lang
from rtplan.plan import Plan
from rtplan.resources.gaps import find_gaps
from rtplan.resources.results import Match, MatchResult, MatchSettings, ScoreParts
from rtplan.resources.scoring import NeedWords, ResourceWords, activity_time, cell_text, score_words
from rtplan.resources.stemming import place_words
from rtplan.tables import is_missing


def priority_order(plan: Plan) -> list[str]:
    """Every need id once, most important first.

    Step 1's :func:`rtplan.needs.priority_order`; needs it leaves out follow by need id.
    """
    from rtplan.needs import priority_order as step1_order

    order = [str(n) for n in step1_order(plan)]
    needs = [str(n) for n in plan["needs"]["need_id"] if not is_missing(n)]
    known = set(needs)
    seen: set[str] = set()
    out = []
    for n in order + sorted(needs):
        if n in known and n not in seen:
            seen.add(n)
            out.append(n)
    return out



def cost_limit(plan: Plan, settings: MatchSettings) -> int | None:
    """The cost limit in force: the setting, else the total of ``funds.csv``, else none."""
    if settings.max_cost_idr is not None:
        return int(settings.max_cost_idr)
    funds = plan["funds"]["amount_idr"].dropna()
    total = int(funds.sum()) if len(funds) else 0
    return total or None



_DECISION_ORDER = {"diterima": 0, None: 1, "ditolak": 2}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (missing cells as ``None``): much faster to read than Series."""
    return [{k: (None if is_missing(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


def match_needs(plan: Plan, settings: MatchSettings | None = None, lang: str | None = None) -> MatchResult:
    """Suggest resources for every need, merge the stored decisions, and list the gaps.

    Parameters
    ----------
    plan : the loaded plan (needs, resources, matches, priorities, funds, institutions).
    settings : activity time, cost limit, thresholds (:class:`MatchSettings`; the
        defaults are documented there).
    lang : language of the reasons (default: the language the plan was opened in, its own unless asked).

    Returns
    -------
    MatchResult
        ``matches``: for each need in priority order, the accepted resources, then the
        best suggestions not decided yet, then the rejected ones; within each, highest
        score first and ties in ``resources.csv`` order. ``gaps``: needs (not
        ``selesai``) with no accepted resource, with partners to approach.
    """
    settings = settings or MatchSettings()
    lang = normalize_lang(lang or plan.message_lang)
    limit = cost_limit(plan, settings)
    order = priority_order(plan)
    ignore = place_words(plan)
    when = activity_time(settings.when)
    needs = {str(r["need_id"]): NeedWords.of(r) for r in _records(plan["needs"])}
    resources = [ResourceWords.of(r) for r in _records(plan["resources"])]
    known = {str(r.row["resource_id"]) for r in resources}
    decided = {(str(r["need_id"]), str(r["resource_id"])): r for r in _records(plan["matches"])}
    matches: list[Match] = []
    for priority, need_id in enumerate(order, start=1):
        found: list[tuple[int, int, int, Match]] = []
        for pos, resource in enumerate(resources):
            rid = str(resource.row["resource_id"])
            stored = decided.get((need_id, rid))
            scored = score_words(needs[need_id], resource, settings, when, limit, lang, ignore)
            if stored is None and scored.dropped:
                continue
            decision = None if stored is None else cell_text(stored["decision"]) or None
            stored_reason = "" if stored is None else cell_text(stored["reason"]).strip()
            match = Match(need_id, rid, priority, scored.parts.total, scored.parts, scored.skills, scored.keywords,
                          stored_reason or scored.reason, scored.reason, decision,
                          "" if stored is None else cell_text(stored["note"]), scored.dropped)
            found.append((_DECISION_ORDER.get(decision, 1), -match.score, pos, match))
        for (nid, rid), stored in decided.items():  # a decision on a resource no longer listed
            if nid == need_id and rid not in known:
                decision = cell_text(stored["decision"]) or None
                found.append((_DECISION_ORDER.get(decision, 1), 0, len(resources), Match(
                    nid, rid, priority, 0, ScoreParts(), (), (), cell_text(stored["reason"]), "", decision,
                    cell_text(stored["note"]), "no_fit")))
        found.sort(key=lambda item: item[:3])
        suggestions = 0
        for _, _, _, match in found:
            if match.decision is None:
                if suggestions >= settings.per_need:
                    continue
                suggestions += 1
            matches.append(match)
    titles = {str(r["need_id"]): cell_text(r["title"]) for r in _records(plan["needs"])}
    names = {str(r.row["resource_id"]): cell_text(r.row["name"]) for r in resources}
    result = MatchResult(tuple(matches), (), settings, limit, tuple(order), lang, titles, names)
    return replace(result, gaps=tuple(find_gaps(plan, result)))
