"""The needs the meeting prioritised, in order: what the conflict checks hold activities against."""

from __future__ import annotations

from rtplan.plan import Plan
from rtplan.schedule.recurrence import _text
from rtplan.tables import is_missing


def priority_order(plan: Plan) -> list[str]:
    """The needs in priority order, most important first.

    :func:`rtplan.needs.priority_order` (step 1): the stored order, then the combined one.
    """
    from rtplan.needs import priority_order as needs_priority_order

    return [str(n) for n in needs_priority_order(plan)]


def _stored_priority_order(plan: Plan) -> list[str]:
    pri = plan["priorities"]
    rows = [(int(r) if not is_missing(r) else 10**9, pos, _text(n))
            for pos, (n, r) in enumerate(zip(pri["need_id"], pri["rank"])) if _text(n)]
    seen: list[str] = []
    for _, _, need in sorted(rows):
        if need not in seen:
            seen.append(need)
    return seen


def prioritised_needs(plan: Plan) -> list[str]:
    """The needs the meeting prioritised: ``priorities.csv`` in rank order, or, when that is
    empty, the needs whose status is ``prioritas`` (table order)."""
    stored = _stored_priority_order(plan)
    if stored:
        return stored
    needs = plan["needs"]
    return [_text(n) for n, s in zip(needs["need_id"], needs["status"]) if _text(s) == "prioritas"]


def _has_ranking(plan: Plan) -> bool:
    return any(len(plan[name]) for name in ("priorities", "usg_scores", "votes", "pairwise"))
