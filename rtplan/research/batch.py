"""Pool a chunk of plans together: read, type, check and rank all of them at once.

The one-plan-at-a-time way (:func:`rtplan.research.pooling._extract`: load, validate,
rank, build rows) spends most of its time building and reading many tiny DataFrames.
Here the tables of every plan of a chunk are read into pooled columns (one list per
table column, with the plan each row belongs to), typed with the same cell parser as
:func:`rtplan.tables.parse_rows` (each distinct text once), checked with the very rules
:mod:`rtplan.validation` runs (:data:`rtplan.rules.TABLE_RULES`, here over the pooled
columns of the whole chunk at once), and ranked with the methods of
:mod:`rtplan.needs.methods` grouped by plan (the functions the one-plan rankings use).

A plan that breaks an error rule, or has anything unusual (a symbolic link, an
interrupted save, a column order or header that differs from the schema, a short or
long row, a cell that does not parse), goes the one-plan-at-a-time way, so the
messages and the skipping of invalid plans stay exactly those of ``rtplan validate``.
Only the other plans are ranked here; tests/test_research_batch.py checks that both
ways give the same pooled tables, and tests/test_rules_equivalence.py that both
executors give the same answer rule by rule and method by method.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from rtplan.messages import normalize_lang
from rtplan.needs import BASE_METHODS, CRITERIA, kendall_tau_b, natural_key, spearman
from rtplan.needs.methods import (
    agreed_order,
    combined_ranks,
    dot_totals,
    final_ids,
    pair_shares,
    pairwise_points,
    places,
    rank_order,
    usg_scores,
)
from rtplan.plan import Plan
from rtplan.research.pooling import Ranks, Skipped, _extract, _Rows, plan_rows
from rtplan.rule_runs import broken_rows
from rtplan.rules import Rows
from rtplan.schema import CONSENSUS, TABLES
from rtplan.storage import HISTORY_DIR, JOURNAL_FILE, PLAN_FILE, TMP_SUFFIX
from rtplan.storage.files import pending_save, plan_lock
from rtplan.tables import is_missing, parse_cell
from rtplan.validation import meta_problems, plan_period


class _Column(list[Any]):
    """One plan's slice of a pooled column: what the row builder asks of a Series."""

    def tolist(self) -> list[Any]:
        return self


class _Frame:
    """One plan's rows of a pooled table (``[column].tolist()``, ``len``, ``.empty``)."""

    def __init__(self, columns: dict[str, list[Any]], start: int, end: int) -> None:
        self.columns, self.start, self.end = columns, start, end

    def __getitem__(self, name: str) -> _Column:
        return _Column(self.columns[name][self.start:self.end])

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def empty(self) -> bool:
        return self.end == self.start


def _read(folder: Path) -> tuple[dict[str, Any], dict[str, list[list[str]]]] | None:
    """``plan.toml`` and each table's text rows (header checked and dropped), or ``None``
    when anything is unusual (then the one-plan way reads it and says what is wrong)."""
    try:
        with plan_lock(folder, exclusive=False):
            entries = {e.name: e for e in os.scandir(folder)}
            if JOURNAL_FILE in entries or any(
                    n.startswith(".") and n.endswith(TMP_SUFFIX) for n in entries):
                return None
            if HISTORY_DIR in entries and pending_save(folder):
                return None
            meta_entry = entries.get(PLAN_FILE)
            if meta_entry is None or not meta_entry.is_file(follow_symlinks=False):
                return None
            with open(meta_entry.path, "rb") as handle:
                meta = tomllib.loads(handle.read().decode("utf-8-sig"))
            found: dict[str, list[list[str]]] = {}
            for name, table in TABLES.items():
                entry = entries.get(table.filename)
                if entry is None:
                    continue
                if not entry.is_file(follow_symlinks=False):
                    return None
                with open(entry.path, "rb") as handle:
                    text = handle.read().decode("utf-8-sig")
                rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c.strip() for c in r)]
                if not rows:
                    continue
                width = len(table.columns)
                if [h.strip() for h in rows[0]] != table.column_names or any(len(r) != width for r in rows):
                    return None
                found[name] = rows[1:]
    except Exception:  # anything at all: the one-plan way reads it and reports
        return None
    return meta, found


class _Chunk:
    """The pooled, typed tables of the plans of a chunk that read cleanly."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.raw: dict[str, list[list[str]]] = {name: [[] for _ in t.columns] for name, t in TABLES.items()}
        self.plan: dict[str, list[int]] = {name: [] for name in TABLES}
        self.bounds: dict[str, list[tuple[int, int]]] = {name: [(0, 0)] * n for name in TABLES}
        self.typed: dict[str, dict[str, list[Any]]] = {}
        self.flagged: set[int] = set()

    def add(self, i: int, tables: dict[str, list[list[str]]]) -> None:
        for name, rows in tables.items():
            if not rows:
                continue
            start = len(self.plan[name])
            for store, values in zip(self.raw[name], zip(*rows)):
                store.extend(values)
            self.plan[name].extend([i] * len(rows))
            self.bounds[name][i] = (start, start + len(rows))

    def type_all(self) -> None:
        caches: dict[str, dict[str, tuple[object, str | None]]] = {}
        for name, table in TABLES.items():
            plan = self.plan[name]
            out: dict[str, list[Any]] = {}
            for col, raw in zip(table.columns, self.raw[name]):
                if col.kind in ("str", "id"):
                    out[col.name] = [x.strip() for x in raw]
                    continue
                cache = caches.setdefault(col.kind, {})
                values: list[Any] = []
                for k, cell in enumerate(raw):
                    text = cell.strip()
                    got = cache.get(text)
                    if got is None:
                        got = cache[text] = parse_cell(col, text)
                    if got[1] is not None:
                        self.flagged.add(plan[k])
                    values.append(got[0])
                out[col.name] = values
            self.typed[name] = out
        self.raw = {}

    def frame(self, name: str, i: int) -> _Frame:
        start, end = self.bounds[name][i]
        return _Frame(self.typed[name], start, end)


def _screen(chunk: _Chunk, metas: dict[int, dict[str, Any]], lang: str | None) -> None:
    """Flag every plan that breaks an error rule: the rules of ``plan.toml``
    (:func:`rtplan.validation.meta_problems`) plan by plan, and every rule over the
    tables (:data:`rtplan.rules.TABLE_RULES`) over the pooled columns at once."""
    flag = chunk.flagged.add
    periods: dict[int, tuple[dt.date, dt.date] | None] = {}
    for i, meta in metas.items():
        try:
            msg_lang = normalize_lang(lang) if lang else normalize_lang(meta.get("language"))
            if any(p.is_error for p in meta_problems(meta, msg_lang)):
                flag(i)
            period = plan_period(meta)
            if period is not None and any(isinstance(d, dt.datetime) for d in period):
                flag(i)  # a date-time period: rare; the one-plan way decides
                period = None
            periods[i] = period
        except Exception:
            flag(i)
    for rows in pooled_rows(chunk, periods):
        for found in broken_rows(rows).values():
            chunk.flagged.update(np.unique(rows.plans[found]).tolist())


def pooled_rows(chunk: _Chunk, periods: Mapping[int, tuple[dt.date, dt.date] | None]) -> Iterator[Rows]:
    """Each table's pooled, typed columns as the rules read them (with each row's plan)."""
    known: dict[tuple[str, str], set[tuple[int, str]]] = {}

    def known_of(ref: tuple[str, str]) -> set[tuple[int, str]]:
        got = known.get(ref)
        if got is None:
            values = chunk.typed[ref[0]][ref[1]]
            plans = chunk.plan[ref[0]]
            got = known[ref] = {(i, v) for i, v in zip(plans, values) if type(v) is str and v.strip()}
            got |= {(i, str(v)) for i, v in zip(plans, values) if type(v) is not str and not is_missing(v)}
        return got

    for name, table in TABLES.items():
        plans = np.asarray(chunk.plan[name], dtype=np.int64)
        if not len(plans):
            continue
        positions = np.arange(len(plans)) - np.searchsorted(plans, plans, side="left")
        yield Rows(table, chunk.typed[name], plans, positions, periods.get, known_of)


# --------------------------------------------------------------------------- rankings


def _floats(values: list[Any], rows: np.ndarray) -> np.ndarray:
    """The numbers at ``rows`` as floats, NaN when missing."""
    return np.asarray([np.nan if values[k] is pd.NA else float(values[k]) for k in rows], dtype=float)


def _rank_all(chunk: _Chunk, fast: list[int]) -> dict[int, Ranks]:
    """:class:`Ranks` of the plans ``fast`` (all their rules kept), computed together with
    the methods of :mod:`rtplan.needs.methods`, grouped by plan."""
    typed, bounds = chunk.typed, chunk.bounds
    # the needs of every plan, in file order, one global index ``g`` each
    gid: list[str] = []
    gp_list: list[int] = []
    id_order: list[int] = []
    first: dict[int, int] = {}
    where: dict[tuple[int, str], int] = {}
    for i in fast:
        start, end = bounds["needs"][i]
        ids = typed["needs"]["need_id"][start:end]
        rank = {ident: k for k, ident in enumerate(sorted(ids, key=natural_key))}
        first[i] = len(gid)
        for ident in ids:
            where[(i, ident)] = len(gid)
            gid.append(ident)
            gp_list.append(i)
            id_order.append(rank[ident])
    G = len(gid)
    gp = np.asarray(gp_list, dtype=np.int64)
    order_key = np.asarray(id_order, dtype=float)
    sizes = {i: bounds["needs"][i][1] - bounds["needs"][i][0] for i in fast}
    n_of = np.asarray([sizes[i] for i in gp_list], dtype=float)
    is_fast = np.zeros(chunk.n, dtype=bool)
    is_fast[fast] = True

    def rows_of(name: str) -> np.ndarray:
        return np.asarray([k for k, i in enumerate(chunk.plan[name]) if is_fast[i]], dtype=np.int64)

    def pos(name: str, col: str, rows: np.ndarray) -> np.ndarray:
        plans, values = chunk.plan[name], typed[name][col]
        return np.asarray([where.get((plans[k], values[k]), -1) for k in rows], dtype=np.int64)

    def texts(name: str, col: str, rows: np.ndarray) -> np.ndarray:
        values = typed[name][col]
        return np.asarray([values[k] for k in rows], dtype=object)

    def per_plan(flags: np.ndarray) -> np.ndarray:
        out: np.ndarray = np.bincount(gp[flags], minlength=chunk.n) > 0
        return out

    # dot voting (needed by USG's tie-break too)
    vr = rows_of("votes")
    dots, voters, _ = dot_totals(pos("votes", "need_id", vr), np.nan_to_num(_floats(typed["votes"]["dots"], vr)),
                                 texts("votes", "participant_id", vr), G)
    dots_used = np.bincount(gp, weights=dots, minlength=chunk.n) > 0

    # USG
    ur = rows_of("usg_scores")
    crit = (np.column_stack([_floats(typed["usg_scores"][c], ur) for c in CRITERIA]) if len(ur)
            else np.empty((0, 3)))
    usg = usg_scores(pos("usg_scores", "need_id", ur), crit, texts("usg_scores", "scorer", ur) == CONSENSUS, G)
    total, count = usg.total, usg.count
    chosen = np.nonzero(usg.scored)[0]
    u_order = chosen[rank_order("usg", {"total": total[chosen], "seriousness": usg.criteria[chosen, 1],
                                        "urgency": usg.criteria[chosen, 0], "dots": dots[chosen],
                                        "need_id": order_key[chosen]}, gp[chosen])[0]]
    usg_rank = np.full(G, np.nan)
    usg_rank[u_order] = places(gp, u_order)
    usg_used = per_plan(usg.scored)

    d_order = rank_order("dots", {"dots": dots, "voters": voters, "need_id": order_key}, gp)[0]
    dots_rank = np.empty(G)
    dots_rank[d_order] = places(gp, d_order)

    # pairwise: candidates are the needs named in a pair, in the needs' order
    pr = rows_of("pairwise")
    a_pos, b_pos = pos("pairwise", "need_a", pr), pos("pairwise", "need_b", pr)
    cand = np.zeros(G, dtype=bool)
    cand[a_pos[a_pos >= 0]] = True
    cand[b_pos[b_pos >= 0]] = True
    lo, hi, share, _ = pair_shares(a_pos, b_pos, texts("pairwise", "need_a", pr), texts("pairwise", "need_b", pr),
                                   texts("pairwise", "winner", pr), G)
    score, wins = pairwise_points(lo, hi, share, G)
    pw_used = np.bincount(gp[lo], minlength=chunk.n) > 0 if len(lo) else np.zeros(chunk.n, dtype=bool)
    candidates = np.nonzero(cand)[0]
    p_order = candidates[rank_order("pairwise", {"score": score[candidates], "wins": wins[candidates],
                                                 "need_id": order_key[candidates]}, gp[candidates])[0]]
    pw_rank = np.full(G, np.nan)
    pw_rank[p_order] = places(gp, p_order)

    # combined: mean rank over the methods with data
    used = {"usg": usg_used[gp], "dots": dots_used[gp], "pairwise": pw_used[gp]}
    score_of = {"usg": np.where(np.isnan(usg_rank), np.nan, total),
                "dots": dots.astype(int).astype(float),
                "pairwise": np.where(cand, score, np.nan)}
    score_of = {m: np.where(used[m], s, np.nan) for m, s in score_of.items()}
    mean_rank, _, spread = combined_ranks(gp, n_of, score_of, used)
    usg_ordinal = np.where(np.isnan(usg_rank), n_of + 1.0, usg_rank)
    c_order = rank_order("combined", {"mean_rank": mean_rank, "usg_rank": usg_ordinal, "need_id": order_key}, gp)[0]
    comb_rank = np.empty(G)
    comb_rank[c_order] = places(gp, c_order)
    discuss = np.nan_to_num(spread, nan=-1.0) >= 3

    # the final order: priorities.csv first, then the combined order
    pri = typed["priorities"]
    out: dict[int, Ranks] = {}
    for i in fast:
        g0 = first[i]
        g1 = g0 + sizes[i]
        ids = gid[g0:g1]
        ps, pe = bounds["priorities"][i]
        stored = agreed_order(pri["need_id"][ps:pe], [np.nan if r is pd.NA else float(r) for r in pri["rank"][ps:pe]],
                              ids)
        by_comb = [gid[g] for g in c_order[np.searchsorted(gp[c_order], i):np.searchsorted(gp[c_order], i,
                                                                                              side="right")]]
        ordered = final_ids(stored, by_comb)
        entries = set(stored)
        methods = [m for m in BASE_METHODS if (usg_used, dots_used, pw_used)[BASE_METHODS.index(m)][i]]
        agreement: list[tuple[Any, ...]] = []
        for x, ma in enumerate(methods):
            for mb in methods[x + 1:]:
                sa, sb = score_of[ma][g0:g1], score_of[mb][g0:g1]
                both = ~np.isnan(sa) & ~np.isnan(sb)
                xa, xb = sa[both], sb[both]
                agreement.append((ma, mb, int(both.sum()), spearman(xa, xb), kendall_tau_b(xa, xb)))
        out[i] = Ranks(
            final_rank={x: r + 1 for r, x in enumerate(ordered)},
            final_stored={x: x in entries for x in ordered},
            usg={gid[g]: (int(usg_rank[g]), float(total[g]), int(count[g])) for g in range(g0, g1)
                 if not np.isnan(usg_rank[g])},
            dots_used=bool(dots_used[i]),
            dots={gid[g]: (int(dots_rank[g]), int(dots[g]), int(voters[g])) for g in range(g0, g1)},
            pairwise={gid[g]: (int(pw_rank[g]), float(score[g])) for g in range(g0, g1) if cand[g]},
            combined={gid[g]: (int(comb_rank[g]), float(spread[g]), bool(discuss[g])) for g in range(g0, g1)},
            agreement=agreement,
        )
    return out


# --------------------------------------------------------------------------- the chunk


def _load(paths: Sequence[str]) -> tuple[_Chunk, dict[int, dict[str, Any]]]:
    """The plans of ``paths`` read and typed into one chunk (unusual ones flagged), and their ``plan.toml``."""
    chunk = _Chunk(len(paths))
    metas: dict[int, dict[str, Any]] = {}
    for i, p in enumerate(paths):
        found = _read(Path(p))
        if found is None:
            chunk.flagged.add(i)
            continue
        metas[i], tables = found
        chunk.add(i, tables)
    chunk.type_all()
    return chunk, metas


def pooled_problems(
    paths: Sequence[str], levels: Sequence[str] = ("error", "warning"),
) -> tuple[set[int], set[tuple[int, str, int, str, str]]]:
    """What the pooled executor finds over the plans of ``paths`` (all at once): the plans
    read here (the others go the one-plan way whole), and ``(plan index, file, row,
    column, rule)`` for each broken row of each table rule of ``levels``, the row
    numbered as a spreadsheet does (header = 1)."""
    chunk, metas = _load(paths)
    found: set[tuple[int, str, int, str, str]] = set()
    for rows in pooled_rows(chunk, {i: plan_period(meta) for i, meta in metas.items()}):
        for rule, at in broken_rows(rows, levels).items():
            found.update((int(rows.plans[k]), rows.table.filename, int(rows.positions[k]) + 2, rule.column,
                          rule.name) for k in at.tolist())
    return set(metas), found


def pooled_ranks(paths: Sequence[str], lang: str | None = None) -> dict[int, Ranks]:
    """The :class:`Ranks` of every plan of ``paths`` that keeps every rule, by plan index,
    ranked all at once (what :func:`pool_batch` pools)."""
    chunk, metas = _load(paths)
    _screen(chunk, metas, lang)
    fast = [i for i in range(len(paths)) if i not in chunk.flagged]
    return _rank_all(chunk, fast) if fast else {}


def pool_batch(paths: Sequence[str], secret: bytes, include_text: bool, lang: str | None, rows: _Rows,
               seen: set[str]) -> list[Skipped]:
    """Append the rows of every plan of ``paths`` to ``rows`` in order (as the one-plan
    way would); return the skipped ones. Plans that break a rule go the one-plan way."""
    n = len(paths)
    chunk, metas = _load(paths)
    _screen(chunk, metas, lang)
    fast = [i for i in range(n) if i not in chunk.flagged]
    ranks = _rank_all(chunk, fast) if fast else {}
    skipped: list[Skipped] = []
    for i, p in enumerate(paths):
        if i in ranks:
            frames = {name: chunk.frame(name, i) for name in TABLES}
            plan = Plan(Path(p), metas[i], cast(dict[str, pd.DataFrame], frames))
            found_skip = plan_rows(plan, functools.partial(ranks.__getitem__, i), secret, include_text, lang,
                                   rows, seen)
        else:
            found_skip = _extract(Path(p), secret, include_text, lang, rows, seen)
        if found_skip is not None:
            skipped.append(found_skip)
    return skipped


__all__ = ["pool_batch", "pooled_problems", "pooled_ranks", "pooled_rows"]
