"""Pool many plan folders into tidy research tables (names never enter them).

Each plan is loaded with :func:`rtplan.storage.load_plan`, checked with
:func:`rtplan.validation.validate_plan` (a plan with an error is reported and skipped,
never merged), ranked with :func:`rtplan.needs.all_rankings` (the same functions the
facilitator's notebook uses) and turned into rows keyed by the plan key (province,
city, kecamatan, kelurahan, RW, RT, period). Pseudonyms are computed while the rows
are built, so no name, phone or contact is ever copied into a pooled table; free
text is copied only when asked, with registered names masked.

Plans are processed in chunks, in parallel worker processes when there are many
(``workers``), with a progress bar on a terminal (tqdm; silent otherwise). Within a
chunk, :mod:`rtplan.research.batch` reads, checks and ranks all plans together (the
same rules and formulas, no DataFrame per plan); a plan it cannot vouch for (a broken
rule, anything unusual) goes the one-plan-at-a-time way above, so the messages and
the skipping stay exactly those of ``rtplan validate``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from rtplan.exceptions import RtplanError
from rtplan.messages import t, tn
from rtplan.needs import CombinedView, all_rankings
from rtplan.plan import Plan
from rtplan.proposals import ACCEPTED_STATES
from rtplan.research.anonymise import Masker, pseudonym
from rtplan.research.codebook import KEY, OTHER, TABLES, columns
from rtplan.schema import (
    ACTIVITY_KINDS,
    FUNDING_SOURCES,
    GROUPS,
    LEDGER_CATEGORIES,
    NEED_SOURCES,
    PROPOSAL_BIDANG,
    split_list,
)
from rtplan.storage import PLAN_FILE, load_plan
from rtplan.tables import is_missing
from rtplan.validation import validate_plan

CHUNK = 100  # plans per work unit
PARALLEL_FROM = 200  # fewer plans than this: one process (starting workers costs ~1 s)
TOP = 3  # "won a priority": a need the person raised is in the final top 3


@dataclass(frozen=True)
class Skipped:
    """A folder that was not pooled, and why (the first problems, in the chosen language)."""

    path: str
    reasons: tuple[str, ...]


@dataclass
class Pooled:
    """Pooled research tables (one DataFrame per :data:`codebook.TABLES` entry) and skips."""

    tables: dict[str, pd.DataFrame]
    skipped: list[Skipped] = field(default_factory=list)
    include_text: bool = False

    @property
    def n_plans(self) -> int:
        return len(self.tables["plans"])


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Plan folders from ``paths``: a plan folder itself, or a folder of plan folders.

    Sub-folders of a folder of plans count when they hold ``plan.toml`` or any CSV
    file (so a plan that lost its ``plan.toml`` is reported, not silently left out).
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if (path / PLAN_FILE).is_file() or not path.is_dir():
            found.append(path)
            continue
        found.extend(child for child in sorted(path.iterdir())
                     if child.is_dir() and not child.name.startswith(".")
                     and ((child / PLAN_FILE).is_file() or any(child.glob("*.csv"))))
    return found


def _records(frame: pd.DataFrame, cols: list[str]) -> Iterator[tuple[object, ...]]:
    """The rows of ``frame[cols]`` as plain tuples (no namedtuple class, no frame copy)."""
    return zip(*(frame[c].tolist() for c in cols))


def _s(value: object) -> str:
    if type(value) is str:  # the common case, checked first (pooling calls this a lot)
        return value.strip()
    return "" if is_missing(value) else str(value).strip()


# the converters below take a pandas cell (untyped: int, float, numpy scalar, NA, text)
def _i(value: Any) -> int | None:
    if type(value) is int:
        return value
    return None if is_missing(value) else int(value)


def _f(value: Any) -> float | None:
    return None if value is None or is_missing(value) else float(value)


def _known(value: str, allowed: Sequence[str]) -> str:
    """``value`` as one of ``allowed`` (case-insensitive), ``""`` when empty, else ``lainnya``."""
    if not value:
        return ""
    low = value.lower()
    for item in allowed:
        if item.lower() == low:
            return item
    return OTHER


def _date(value: Any) -> pd.Timestamp | None:
    return None if is_missing(value) else pd.Timestamp(value)


class _Rows:
    """Column lists per table; one chunk of plans is appended, then framed once."""

    def __init__(self, include_text: bool) -> None:
        self.include_text = include_text
        self.cols: dict[str, dict[str, list[object]]] = {
            name: {v.name: [] for v in columns(name, include_text)} for name in TABLES}

    def add(self, table: str, key: Mapping[str, object], **values: object) -> None:
        cols = self.cols[table]
        for name, store in cols.items():
            store.append(key[name] if name in key else values.get(name))

    def frames(self) -> dict[str, pd.DataFrame]:
        out = {}
        for name, cols in self.cols.items():
            data = {}
            for v in columns(name, self.include_text):
                values = cols[v.name]
                if v.type == "date":
                    data[v.name] = pd.to_datetime(pd.Series(values, dtype="object")).astype("datetime64[ns]")
                elif v.type == "str":
                    data[v.name] = pd.array(["" if x is None else x for x in values], dtype="string")
                else:
                    data[v.name] = pd.array(values, dtype=v.dtype)
            out[name] = pd.DataFrame(data)
        return out


@dataclass
class Ranks:
    """What the pooled rows take from the rankings of one plan, by need id.

    ``usg``: (rank, total, scorers); ``dots``: (rank, dots, voters); ``pairwise``:
    (rank, score); ``combined``: (rank, spread, discuss); ``agreement``: rows of
    (method_a, method_b, n, spearman, kendall). Built from
    :func:`rtplan.needs.all_rankings` one plan at a time (:func:`ranks_of`), or for many
    plans at once by :mod:`rtplan.research.batch` (the same values).
    """

    final_rank: dict[str, int]
    final_stored: dict[str, bool]
    usg: dict[str, tuple[Any, ...]]
    dots_used: bool
    dots: dict[str, tuple[Any, ...]]
    pairwise: dict[str, tuple[Any, ...]]
    combined: dict[str, tuple[Any, ...]]
    agreement: list[tuple[Any, ...]]


def ranks_of(plan: Plan, lang: str | None) -> Ranks:
    """:class:`Ranks` of one loaded plan, from :func:`rtplan.needs.all_rankings`."""
    ranks = all_rankings(plan, lang=lang)
    final = ranks["final"].table
    usg, dots, pw, comb = ranks["usg"], ranks["dots"], ranks["pairwise"], ranks["combined"]
    assert isinstance(comb, CombinedView)  # all_rankings keys its results by method
    return Ranks(
        final_rank=dict(zip(final["need_id"].tolist(), final["rank"].tolist())),
        final_stored=dict(zip(final["need_id"].tolist(), final["stored"].tolist())),
        usg={str(r[0]): r[1:] for r in _records(usg.table, ["need_id", "rank", "total", "n_scorers"])},
        dots_used=getattr(dots, "total_dots", 0) > 0,
        dots={str(r[0]): r[1:] for r in _records(dots.table, ["need_id", "rank", "dots", "voters"])},
        pairwise={str(r[0]): r[1:] for r in _records(pw.table, ["need_id", "rank", "score"])},
        combined={str(r[0]): r[1:] for r in _records(comb.table, ["need_id", "rank", "spread", "discuss"])},
        agreement=list(_records(comb.correlations, ["method_a", "method_b", "n", "spearman", "kendall"])),
    )


def load_valid(plan_path: Path, lang: str | None) -> Plan | Skipped:
    """The loaded plan, or a :class:`Skipped` when it cannot be loaded or breaks a rule."""
    try:
        plan = load_plan(plan_path, lang=lang)
    except RtplanError as exc:
        return Skipped(str(plan_path), (str(exc),))
    errors = [p.message for p in validate_plan(plan, lang) if p.is_error]
    if errors:
        return Skipped(str(plan_path), tuple(errors[:3]) + ((tn("research.more_problems", len(errors) - 3, lang),)
                                                            if len(errors) > 3 else ()))
    return plan


def _extract(plan_path: Path, secret: bytes, include_text: bool, lang: str | None,
             rows: _Rows, seen: set[str]) -> Skipped | None:
    """Append one plan's rows to ``rows``; return a :class:`Skipped` instead when it is not valid."""
    plan = load_valid(plan_path, lang)
    if isinstance(plan, Skipped):
        return plan
    return plan_rows(plan, lambda: ranks_of(plan, lang), secret, include_text, lang, rows, seen)


def plan_rows(plan: Plan, get_ranks: Callable[[], Ranks], secret: bytes, include_text: bool, lang: str | None,
              rows: _Rows, seen: set[str]) -> Skipped | None:
    """Append the rows of one valid plan (its tables need only ``[column].tolist()``,
    ``len`` and ``.empty``); a :class:`Skipped` when its area and period were seen before."""
    plan_path = plan.path
    area = plan.area
    period = plan.period
    assert period is not None, "a valid plan has a period (plan.toml requires both dates)"
    start, end = period
    key_values = [area.get(k, "").strip() for k in ("province", "city", "kecamatan", "kelurahan", "rw", "rt")]
    key_text = "|".join([*key_values, start.isoformat(), end.isoformat()])
    plan_id = pseudonym(secret, "plan", key_text)
    if plan_id in seen:
        return Skipped(str(plan_path), (t("research.duplicate_plan", lang),))
    seen.add(plan_id)
    key = dict(zip(("province", "city", "kecamatan", "kelurahan", "rw", "rt"), key_values))
    key.update(plan_id=plan_id, period_start=pd.Timestamp(start), period_end=pd.Timestamp(end))
    for k in ("province", "city"):
        key[k] = key[k] or "-"
    T = plan.tables

    def person(pid: str) -> str:
        return pseudonym(secret, "person", key_text, pid)

    # participants: consented only; names and phones never read into a row
    part = T["participants"]
    pids = [_s(x) for x in part["participant_id"].tolist()]
    names = [_s(x) for x in part["name"].tolist()]
    # consent must be given explicitly (UU PDP): "no" and "not asked yet" (empty) are both left out
    consent = [c is True for c in part["consent"].tolist()]
    groups = [_known(_s(g), GROUPS) for g in part["group"].tolist()]
    by_name = {n.lower(): i for i, n in enumerate(names) if n}
    group_lower = {g.lower(): g for g in GROUPS}
    att = T["attendance"]
    attended: dict[str, int] = {}
    for pid in att["participant_id"].tolist():
        attended[_s(pid)] = attended.get(_s(pid), 0) + 1
    usg_n: dict[str, int] = {}
    for pid in T["usg_scores"]["scorer"].tolist():
        usg_n[_s(pid)] = usg_n.get(_s(pid), 0) + 1
    dots_n: dict[str, int] = {}
    for pid, d in zip(T["votes"]["participant_id"].tolist(), T["votes"]["dots"].tolist()):
        dots_n[_s(pid)] = dots_n.get(_s(pid), 0) + (_i(d) or 0)
    pair_n: dict[str, int] = {}
    for pid in T["pairwise"]["participant_id"].tolist():
        pair_n[_s(pid)] = pair_n.get(_s(pid), 0) + 1

    ranks = get_ranks()
    final_rank, final_stored = ranks.final_rank, ranks.final_stored
    top_needs = {n for n, r in final_rank.items() if r <= TOP}
    needs = T["needs"]
    raised_idx: dict[str, list[int]] = {}
    raised_info = []
    for nid, raw_who in zip(needs["need_id"].tolist(), needs["raised_by"].tolist()):
        who = _s(raw_who)
        if not who:
            raised_info.append(("kosong", "", ""))
        elif who.lower() in by_name:
            i = by_name[who.lower()]
            raised_idx.setdefault(_s(nid), []).append(i)
            raised_info.append(("peserta", groups[i], person(pids[i]) if consent[i] else ""))
        elif who.lower() in group_lower:
            raised_info.append(("unsur", group_lower[who.lower()], ""))
        else:
            raised_info.append(("lainnya", "", ""))
    raised_count: dict[int, int] = {}
    won: set[int] = set()
    for nid, idxs in raised_idx.items():
        for i in idxs:
            raised_count[i] = raised_count.get(i, 0) + 1
            if nid in top_needs:
                won.add(i)
    sexes = part["sex"].tolist()
    ages = part["age_band"].tolist()
    disab = part["has_disability"].tolist()
    n_consented = 0
    for i, pid in enumerate(pids):
        if not consent[i]:
            continue
        n_consented += 1
        rows.add("participants", key, person=person(pid), sex=_s(sexes[i]), age_band=_s(ages[i]),
                 group=groups[i], has_disability=None if is_missing(disab[i]) else bool(disab[i]),
                 meetings_attended=attended.get(pid, 0), needs_raised=raised_count.get(i, 0),
                 usg_scored=usg_n.get(pid, 0), dots_given=dots_n.get(pid, 0), pairs_judged=pair_n.get(pid, 0),
                 won_priority=i in won)

    # free text: mask every registered name (and phone numbers)
    masker = None
    if include_text:
        registered = names + list(plan.people.values()) + [_s(x) for x in T["resources"]["holder"].tolist()]
        registered += [_s(x) for x in T["resources"]["contact"].tolist()]
        registered += [_s(x) for x in T["activities"]["pic"].tolist()]
        registered += [_s(x) for c in ("chair", "minute_taker") for x in T["meetings"][c].tolist()]
        registered += [_s(x) for x in T["decisions"]["pic"].tolist()]
        registered += [_s(x) for x in needs["raised_by"].tolist() if _s(x).lower() not in group_lower]
        masker = Masker(registered)

    meetings = T["meetings"]
    consented = {pid for pid, c in zip(pids, consent) if c}
    sex_of = dict(zip(pids, (_s(s) for s in sexes)))
    mdate = {_s(m): d for m, d in zip(meetings["meeting_id"].tolist(), meetings["date"].tolist())}
    per_meeting: dict[str, list[str]] = {}
    for raw_mid, raw_pid in zip(att["meeting_id"].tolist(), att["participant_id"].tolist()):
        mid, pid = _s(raw_mid), _s(raw_pid)
        if pid in consented:
            per_meeting.setdefault(mid, []).append(pid)
            rows.add("attendance", key, meeting_id=mid, meeting_date=_date(mdate.get(mid)), person=person(pid))
    for mid, date, title in zip(meetings["meeting_id"].tolist(), meetings["date"].tolist(),
                                meetings["title"].tolist()):
        present = per_meeting.get(_s(mid), [])
        rows.add("meetings", key, meeting_id=_s(mid), date=_date(date), attendees=len(present),
                 attendees_l=sum(sex_of.get(p) == "L" for p in present),
                 attendees_p=sum(sex_of.get(p) == "P" for p in present),
                 title=masker(title) if masker else None)

    # needs with each method's result
    usg_t, dots_used, dots_t, pw_t, comb_t = ranks.usg, ranks.dots_used, ranks.dots, ranks.pairwise, ranks.combined
    cat_of: dict[str, str] = {}
    for (raw_nid, cat, hh, src, status, title, desc), (kind, grp, who) in zip(
            _records(needs, ["need_id", "category", "households_affected", "source", "status", "title",
                   "description"]), raised_info):
        nid = _s(raw_nid)
        cat_of[nid] = _s(cat)
        u, d, p, c = usg_t.get(nid), dots_t.get(nid) if dots_used else None, pw_t.get(nid), comb_t.get(nid)
        rows.add("needs", key, need_id=nid, category=_s(cat), households_affected=_i(hh),
                 source=_known(_s(src), NEED_SOURCES), status=_s(status), raised_by_kind=kind,
                 raised_by_group=grp, raised_by_person=who, final_rank=final_rank.get(nid),
                 final_stored=bool(final_stored.get(nid, False)), combined_rank=_i(c[0]) if c else None,
                 usg_rank=_i(u[0]) if u else None, usg_total=_f(u[1]) if u else None,
                 usg_scorers=_i(u[2]) if u else None, dots_rank=_i(d[0]) if d else None,
                 dots=_i(d[1]) if d else None, dot_voters=_i(d[2]) if d else None,
                 pairwise_rank=_i(p[0]) if p else None, pairwise_score=_f(p[1]) if p else None,
                 rank_spread=_f(c[1]) if c else None, methods_disagree=bool(c[2]) if c else None,
                 title=masker(title) if masker else None, description=masker(desc) if masker else None)
    for a, b, n, sp, kd in ranks.agreement:
        rows.add("method_agreement", key, method_a=a, method_b=b, n=_i(n), spearman=_f(sp), kendall=_f(kd))

    # resources (holder and contact are never read into a row)
    res = T["resources"]
    matched: dict[str, int] = {}
    for rid, dec in zip(T["matches"]["resource_id"].tolist(), T["matches"]["decision"].tolist()):
        if _s(dec) == "diterima":
            matched[_s(rid)] = matched.get(_s(rid), 0) + 1
    for rid, cat, cap, cost, tags, name in _records(res, ["resource_id", "category", "capacity", "cost_idr", "tags",
                                                 "name"]):
        rows.add("resources", key, resource_id=_s(rid), category=_s(cat), capacity=_i(cap), cost_idr=_i(cost),
                 tags=len(split_list(tags)), matched_needs=matched.get(_s(rid), 0),
                 name=masker(name) if masker else None)

    # activities, realizations, budget by funding source
    acts = T["activities"]
    real = T["realizations"]
    done: dict[str, list[int]] = {}
    for raw_aid, date, pl, pp, cost, output in _records(real, ["activity_id", "date", "participants_l",
                                                               "participants_p", "cost_idr", "output"]):
        aid = _s(raw_aid)
        acc = done.setdefault(aid, [0, 0, 0, 0])
        acc[0] += 1
        acc[1] += _i(pl) or 0
        acc[2] += _i(pp) or 0
        acc[3] += _i(cost) or 0
        rows.add("realizations", key, activity_id=aid, date=_date(date), participants_l=_i(pl),
                 participants_p=_i(pp), cost_idr=_i(cost), output=masker(output) if masker else None)
    budget: dict[str, list[int]] = {}
    for src, amount in zip(T["funds"]["funding_source"].tolist(), T["funds"]["amount_idr"].tolist()):
        budget.setdefault(_known(_s(src), FUNDING_SOURCES) or OTHER, [0, 0, 0])[0] += _i(amount) or 0
    for (raw_aid, act_kind, need_ids, res_ids, start_d, end_d, rec, target, cost, src, status,
         title) in _records(acts, ["activity_id", "kind", "need_ids", "resource_ids", "start_date", "end_date",
                                   "recurrence", "target_participants", "cost_idr", "funding_source", "status",
                                   "title"]):
        aid = _s(raw_aid)
        acc = done.get(aid, [0, 0, 0, 0])
        source = _known(_s(src), FUNDING_SOURCES)
        if source and _s(status) != "batal":
            budget.setdefault(source, [0, 0, 0])[1] += _i(cost) or 0
        if source:
            budget.setdefault(source, [0, 0, 0])[2] += acc[3]
        cats = sorted({cat_of.get(n, "") for n in split_list(need_ids)} - {""})
        rows.add("activities", key, activity_id=aid, kind=_known(_s(act_kind), ACTIVITY_KINDS),
                 need_categories=";".join(cats), resources_used=len(split_list(res_ids)),
                 start_date=_date(start_d), end_date=_date(end_d), recurrence=_s(rec), target_participants=_i(target),
                 cost_idr=_i(cost), funding_source=source, status=_s(status), sessions_done=acc[0],
                 participants_l_done=acc[1], participants_p_done=acc[2], cost_done_idr=acc[3],
                 title=masker(title) if masker else None)
    for source in sorted(budget):
        avail, planned, realized = budget[source]
        rows.add("budget", key, funding_source=source, available_idr=avail, planned_idr=planned,
                 realized_idr=realized)

    # proposals to the Musrenbang and what became of them (location and swadaya text never copied)
    hh_of = {_s(n): _i(h) for n, h in zip(needs["need_id"].tolist(), needs["households_affected"].tolist())}
    for priority, (raw_pid, need_ids, bidang, volume, cost, swadaya, level, state, title, answer) in enumerate(
            _records(T["proposals"], ["proposal_id", "need_ids", "bidang", "volume", "cost_idr", "swadaya", "level",
                                      "state", "title", "answer"]), start=1):
        answered = split_list(need_ids)
        cats = sorted({cat_of.get(n, "") for n in answered} - {""})
        households = [h for h in (hh_of.get(n) for n in answered) if h is not None]
        rows.add("proposals", key, proposal_id=_s(raw_pid), priority=priority,
                 bidang=_known(_s(bidang), PROPOSAL_BIDANG),
                 need_categories=";".join(cats), households_affected=sum(households) if households else None,
                 volume=_i(volume), cost_idr=_i(cost), has_swadaya=bool(_s(swadaya)), level=_s(level),
                 state=_s(state), accepted=_s(state) in ACCEPTED_STATES, has_reason=bool(_s(answer)),
                 title=masker(title) if masker else None, answer=masker(answer) if masker else None)

    # kas RT by category, and totals on the plan row
    kas: dict[str, list[int]] = {}
    for cat, inc, exp in _records(T["ledger"], ["category", "income_idr", "expense_idr"]):
        acc = kas.setdefault(_known(_s(cat), LEDGER_CATEGORIES), [0, 0, 0])
        acc[0] += 1
        acc[1] += _i(inc) or 0
        acc[2] += _i(exp) or 0
    for cat in sorted(kas):
        rows.add("kas", key, category=cat, entries=kas[cat][0], income_idr=kas[cat][1], expense_idr=kas[cat][2])
    income = sum(v[1] for v in kas.values())
    expense = sum(v[2] for v in kas.values())
    meta = plan.meta
    rows.add("plans", key, rt_id=pseudonym(secret, "rt", *key_values), language=plan.lang,
             households=_i(meta.get("households")), residents=_i(meta.get("residents")),
             participants=n_consented, participants_no_consent=len(pids) - n_consented,
             meetings=len(meetings), needs=len(needs), resources=len(res), activities=len(acts),
             uses_usg=not T["usg_scores"].empty, uses_dots=dots_used, uses_pairwise=not T["pairwise"].empty,
             has_final_order=not T["priorities"].empty, kas_income_idr=income, kas_expense_idr=expense,
             kas_balance_idr=income - expense)
    return None


def _pool_chunk(args: tuple[list[str], bytes, bool, str | None, bool]) -> tuple[dict[str, pd.DataFrame],
                                                                              list[Skipped]]:
    paths, secret, include_text, lang, fast = args
    rows = _Rows(include_text)
    skipped: list[Skipped] = []
    seen: set[str] = set()
    # pandas backs "string" columns with pyarrow when it is installed; for the many tiny
    # tables of a plan the Python-backed strings are ~20% quicker (measured), and the
    # pooled frames are converted to Arrow once, when written
    with pd.option_context("mode.string_storage", "python"):
        if fast:
            from rtplan.research.batch import pool_batch

            skipped = pool_batch(paths, secret, include_text, lang, rows, seen)
        else:
            for p in paths:
                found = _extract(Path(p), secret, include_text, lang, rows, seen)
                if found is not None:
                    skipped.append(found)
        return rows.frames(), skipped


def iter_pooled(
    paths: Sequence[str | os.PathLike[str]],
    secret: bytes,
    *,
    include_text: bool = False,
    lang: str | None = None,
    workers: int | None = None,
    chunk: int = CHUNK,
    progress: bool | None = None,
    fast: bool = True,
) -> Iterator[tuple[dict[str, pd.DataFrame], list[Skipped]]]:
    """Pool ``paths`` (plan folders) chunk by chunk, in order: ``(tables, skipped)`` per chunk.

    ``fast``: read, check and rank each chunk's plans together (:mod:`.batch`); a plan
    it cannot vouch for goes the one-plan-at-a-time way (``fast=False`` for every plan:
    the same tables, slower).

    ``workers``: processes to use (default: the CPU count when there are at least
    :data:`PARALLEL_FROM` plans, else 1). ``progress``: show a progress bar (default:
    only when stderr is a terminal). Duplicates of a plan already seen in the same
    chunk are skipped; :func:`pool` also drops duplicates across chunks.
    """
    from tqdm import tqdm

    plist = [str(p) for p in paths]
    if workers is None:
        workers = (os.cpu_count() or 1) if len(plist) >= PARALLEL_FROM else 1
    jobs = [(plist[i:i + chunk], secret, include_text, lang, fast) for i in range(0, len(plist), chunk)]
    bar = tqdm(total=len(plist), unit="RT", file=sys.stderr, leave=False,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    try:
        if workers <= 1 or len(jobs) <= 1:
            results: Iterable[tuple[dict[str, pd.DataFrame], list[Skipped]]] = map(_pool_chunk, jobs)
            for job, result in zip(jobs, results):
                bar.update(len(job[0]))
                yield result
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                for job, result in zip(jobs, pool.map(_pool_chunk, jobs)):
                    bar.update(len(job[0]))
                    yield result
    finally:
        bar.close()


def _dedupe(chunk_tables: dict[str, pd.DataFrame], seen: set[str], skipped: list[Skipped],
            lang: str | None) -> dict[str, pd.DataFrame]:
    ids = chunk_tables["plans"]["plan_id"].tolist()
    dup = [i for i in ids if i in seen]
    seen.update(ids)
    if not dup:
        return chunk_tables
    drop = set(dup)
    skipped.extend(Skipped(f"plan_id={d}", (t("research.duplicate_plan", lang),)) for d in dup)
    return {name: f[~f["plan_id"].isin(drop)].reset_index(drop=True) for name, f in chunk_tables.items()}


def pool(
    paths: Iterable[str | os.PathLike[str]],
    secret: bytes,
    *,
    include_text: bool = False,
    lang: str | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    on_chunk: Callable[[dict[str, pd.DataFrame]], None] | None = None,
    keep: bool = True,
    fast: bool = True,
) -> Pooled:
    """Pool plan folders (or folders of plans) into one :class:`Pooled` dataset.

    ``on_chunk`` receives each chunk's tables as they are ready (the export writes them
    out); with ``keep=False`` the tables are not kept in memory (``Pooled.tables``
    then holds only the plan rows). ``fast``: see :func:`iter_pooled`.
    """
    folders = discover(paths)
    skipped: list[Skipped] = []
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    seen: set[str] = set()
    for found, chunk_skipped in iter_pooled(folders, secret, include_text=include_text, lang=lang,
                                            workers=workers, progress=progress, fast=fast):
        skipped.extend(chunk_skipped)
        chunk_tables = _dedupe(found, seen, skipped, lang)
        if on_chunk is not None:
            on_chunk(chunk_tables)
        for name, frame in chunk_tables.items():
            if keep or name == "plans":
                parts[name].append(frame)
    empty = _Rows(include_text).frames()
    tables = {name: (pd.concat(parts[name], ignore_index=True) if parts[name] else empty[name])
              for name in TABLES}
    return Pooled(tables, skipped, include_text)


__all__ = ["KEY", "Pooled", "Skipped", "discover", "iter_pooled", "pool"]
