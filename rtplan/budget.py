"""Step 3: what the activities cost, per month and per funding source, against the funds.

An activity's ``cost_idr`` is its total over the plan period, however many sessions
it has (``docs/plan-format.md``, ``activities.csv``). Per month, that total is spread evenly over its sessions (whole
Rupiah; the remainder goes to the earliest sessions, so months add up exactly).
Per funding source, the planned total is set against ``funds.csv``: the shortfall is
what is planned beyond what is available. Cancelled activities (``batal``) cost
nothing. Names of funding sources match ignoring case and spaces (``Kas RT`` = ``kas RT``).

The tables and sentences people read are declared in :mod:`rtplan.views.schedule`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schedule import session_records
from rtplan.tables import is_missing

# the tables the budget reads (and plan.toml): a live result of it: ``live(..., tables=BUDGET_TABLES)``
BUDGET_TABLES = frozenset({"activities", "funds"})
SWADAYA_WORDS = ("swadaya",)  # a funding source whose name holds one of these is residents' own


@dataclass(frozen=True)
class SourceBudget:
    """Planned spending of one funding source against what it makes available.

    Attributes
    ----------
    funding_source : the name as in ``funds.csv`` (or the activity's, when not there;
        ``""`` for activities without a funding source).
    planned_idr : total ``cost_idr`` of its (not cancelled) activities.
    available_idr : ``amount_idr`` in ``funds.csv`` (0 when the source is not listed).
    shortfall_idr : ``planned - available`` when positive, else 0.
    remaining_idr : ``available - planned`` when positive, else 0.
    activity_ids : the activities paid from it.
    """

    funding_source: str
    planned_idr: int
    available_idr: int
    shortfall_idr: int
    remaining_idr: int
    activity_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "funding_source": self.funding_source,
            "planned_idr": self.planned_idr,
            "available_idr": self.available_idr,
            "shortfall_idr": self.shortfall_idr,
            "remaining_idr": self.remaining_idr,
            "activity_ids": list(self.activity_ids),
        }


@dataclass(frozen=True)
class BudgetSummary:
    """The whole budget: one :class:`SourceBudget` per funding source and the totals.

    ``swadaya_share`` is the part of the planned total paid by residents themselves
    (sources named ``swadaya ...``), between 0 and 1.
    """

    sources: tuple[SourceBudget, ...]
    planned_idr: int
    available_idr: int
    shortfall_idr: int
    swadaya_idr: int
    swadaya_share: float


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _int(value: object) -> int:
    return 0 if is_missing(value) else int(value)  # type: ignore[call-overload]


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def is_swadaya(source: str, words: Iterable[str] = SWADAYA_WORDS) -> bool:
    """True when a funding source is the residents' own contribution (``swadaya warga``)."""
    name = source.casefold()
    return any(w in name for w in words)


def _active(activities: pd.DataFrame) -> pd.DataFrame:
    return activities[activities["status"].fillna("").astype(str) != "batal"]


def budget_by_source(activities: pd.DataFrame, funds: pd.DataFrame) -> list[SourceBudget]:
    """Planned cost per funding source against ``funds.csv``.

    Sources come in ``funds.csv`` order, then sources only activities name (in the
    order they first appear), then activities without a source (``""``).
    """
    names: dict[str, str] = {}
    available: dict[str, int] = {}
    for source, amount in zip(funds["funding_source"], funds["amount_idr"]):
        name = _text(source)
        if not name:
            continue
        names.setdefault(_key(name), name)
        available[_key(name)] = available.get(_key(name), 0) + _int(amount)
    planned: dict[str, int] = {}
    ids: dict[str, list[str]] = {}
    for aid, source, cost in _active(activities)[["activity_id", "funding_source", "cost_idr"]].itertuples(
            index=False, name=None):
        name = _text(source)
        key = _key(name)
        names.setdefault(key, name)
        planned[key] = planned.get(key, 0) + _int(cost)
        ids.setdefault(key, []).append(_text(aid))
    order = [k for k in names if k] + ([""] if "" in names else [])
    out = []
    for key in order:
        p, a = planned.get(key, 0), available.get(key, 0)
        out.append(SourceBudget(names[key], p, a, max(0, p - a), max(0, a - p), tuple(ids.get(key, ()))))
    return out


def budget_summary(plan: Plan) -> BudgetSummary:
    """:func:`budget_by_source` for a plan, with totals and the share of swadaya."""
    sources = budget_by_source(plan["activities"], plan["funds"])
    planned = sum(s.planned_idr for s in sources)
    swadaya = sum(s.planned_idr for s in sources if is_swadaya(s.funding_source))
    return BudgetSummary(
        tuple(sources), planned, sum(s.available_idr for s in sources), sum(s.shortfall_idr for s in sources),
        swadaya, swadaya / planned if planned else 0.0)


def spread(total: int, parts: int) -> list[int]:
    """Split ``total`` whole Rupiah into ``parts`` that add up exactly (earlier parts get the rest).

    >>> spread(1000, 3)
    [334, 333, 333]
    """
    if parts <= 0:
        return []
    base, rest = divmod(total, parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


def activity_costs(plan: Plan) -> pd.DataFrame:
    """One row per (not cancelled) activity: its sessions in the period, total and per session.

    Columns: ``activity_id``, ``title``, ``funding_source``, ``sessions``, ``cost_idr``,
    ``cost_per_session_idr`` (rounded down; 0 sessions: the whole cost).
    """
    acts = _active(plan["activities"])
    records = session_records(acts, plan.period)
    counts: dict[str, int] = {}
    for s in records:
        counts[s.activity_id] = counts.get(s.activity_id, 0) + 1
    rows = []
    for aid, title, source, cost in acts[["activity_id", "title", "funding_source", "cost_idr"]].itertuples(
            index=False, name=None):
        n = counts.get(_text(aid), 0)
        rows.append({"activity_id": _text(aid), "title": _text(title), "funding_source": _text(source),
                     "sessions": n, "cost_idr": _int(cost), "cost_per_session_idr": _int(cost) // max(n, 1)})
    frame = pd.DataFrame(rows, columns=["activity_id", "title", "funding_source", "sessions", "cost_idr",
                                        "cost_per_session_idr"])
    return frame.astype({"sessions": "int64", "cost_idr": "int64", "cost_per_session_idr": "int64"})


def monthly_costs(plan: Plan) -> pd.DataFrame:
    """Cost per month and funding source: each activity's total spread over its sessions.

    Columns: ``month`` (``YYYY-MM``), ``funding_source``, ``activity_id``, ``cost_idr``.
    An activity with no session in the period counts in its start month.
    """
    acts = _active(plan["activities"])
    records = session_records(acts, plan.period)
    months: dict[str, list[str]] = {}
    for s in records:
        months.setdefault(s.activity_id, []).append(f"{s.date:%Y-%m}")
    rows = []
    for raw_id, source, cost, start in acts[["activity_id", "funding_source", "cost_idr", "start_date"]].itertuples(
            index=False, name=None):
        aid = _text(raw_id)
        sessions = months.get(aid) or ([f"{pd.Timestamp(start):%Y-%m}"] if not is_missing(start) else [])
        for month, amount in zip(sessions, spread(_int(cost), len(sessions))):
            rows.append((month, _text(source), aid, amount))
    frame = pd.DataFrame(rows, columns=["month", "funding_source", "activity_id", "cost_idr"])
    frame = frame.groupby(["month", "funding_source", "activity_id"], as_index=False, sort=True)["cost_idr"].sum()
    return frame.astype({"cost_idr": "int64"})


def monthly_table(plan: Plan) -> pd.DataFrame:
    """Months as rows, funding sources as columns (Rupiah), plus ``total``; every month of
    the plan period is there, also those without spending."""
    costs = monthly_costs(plan)
    sources = [s.funding_source for s in budget_by_source(plan["activities"], plan["funds"]) if s.planned_idr]
    names = {_key(s): s for s in sources}
    costs["funding_source"] = [names.get(_key(s), s) for s in costs["funding_source"]]
    table = costs.pivot_table(index="month", columns="funding_source", values="cost_idr", aggfunc="sum",
                              fill_value=0)
    months = list(table.index)
    if plan.period:
        start, end = plan.period
        months = sorted(set(months) | {f"{d:%Y-%m}" for d in pd.date_range(start, end, freq="MS")}
                        | {f"{start:%Y-%m}"})
    table = table.reindex(index=months, columns=[s for s in sources if s in table.columns], fill_value=0)
    table = table.astype("int64")
    table["total"] = table.sum(axis=1)
    table.index.name = "month"
    table.columns.name = None
    return table.reset_index()


# each suggested funding source's label, a literal key per source (the plan keeps the Indonesian value)
_FUNDING_KEYS = {"kas RT": "budget.source.kas_rt", "swadaya warga": "budget.source.swadaya",
                 "dana kelurahan": "budget.source.kelurahan", "CSR": "budget.source.csr",
                 "hibah": "budget.source.hibah"}


def funding_label(source: str, lang: str) -> str:
    """A funding source for people in ``lang``: ``swadaya warga`` -> ``residents' own contributions``
    in English; a source the plan names itself is printed as written."""
    key = _FUNDING_KEYS.get(source.strip())
    return t(key, lang) if key else source
