"""Pool a chunk of plans together: read, type, check and rank all of them at once.

The one-plan-at-a-time way (:func:`rtplan.research.pooling._extract`: load, validate,
rank, build rows) spends most of its time building and reading many tiny DataFrames.
Here the tables of every plan of a chunk are read into pooled columns (one list per
table column, with the plan each row belongs to), typed with the same cell parser as
:func:`rtplan.tables.parse_rows` (each distinct text once), checked against the rules
of :mod:`rtplan.validation` column by column over the whole chunk, and ranked with the
formulas of :mod:`rtplan.needs` grouped by plan.

The check here is a screen, not the validator: it flags every plan that could break
an error rule (and every plan with anything unusual: a symbolic link, an interrupted
save, a column order or header that differs from the schema, a short or long row, a
cell that does not parse). A flagged plan goes the one-plan-at-a-time way, so the
messages and the skipping of invalid plans stay exactly those of ``rtplan validate``.
Only plans that pass the screen are ranked here; tests/test_research_batch.py checks
that both ways give the same pooled tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from rtplan.messages import normalize_lang
from rtplan.needs.base import _group_mean, _round, natural_key
from rtplan.needs.combined import _average_rank, kendall_tau_b
from rtplan.plan import Plan
from rtplan.research.pooling import Ranks, Skipped, _extract, _Rows, plan_rows
from rtplan.schedule.recurrence import recurrence_day_rule
from rtplan.schema import CONSENSUS, TABLES, TIE, Column, Table, split_list
from rtplan.storage import HISTORY_DIR, JOURNAL_FILE, PLAN_FILE, TMP_SUFFIX
from rtplan.storage.files import _pending, _plan_lock
from rtplan.tables import parse_cell
from rtplan.validation import _meta_problems, _period, _time_ok

_TEXT = ("str", "id", "list", "time")
_BASE = ("usg", "dots", "pairwise")

# The rules (catalogue ``rule.<name>``) and the schema's column attributes the screen
# knows. A new rule or attribute may let a broken plan through the screen: the tests
# fail until it is handled here (flagged, or known to be a warning) and listed.
SCREENED_RULES = frozenset({
    # a file or cell the fast reader does not take: the plan goes the one-plan way
    "bad_csv", "not_utf8", "bad_toml", "missing_columns", "duplicate_header", "too_many_fields",
    "int", "money", "bool", "date", "time",
    # plan.toml: rtplan.validation's own checks run on each plan
    "required", "allowed", "min", "newer_schema", "end_before_start", "calendar_not_table", "bad_timezone",
    "ramadan_pair",
    # rows, keys, references and the special rules, screened here
    "max", "negative_money", "outside_period", "id_semicolon", "duplicate", "unknown_ref", "self_pair",
    "winner_not_in_pair", "both_amounts", "no_amount", "two_cores", "recurrence_day_weekly",
    "recurrence_day_monthly",
    # warnings: they never keep a plan out
    "private_in_text", "recurrence_day_ignored",
})
SCREENED_COLUMN_ATTRIBUTES = frozenset({
    "name", "kind", "label_key", "required", "allowed", "suggested", "min", "max", "ref", "ref_extra",
    "private", "in_period",
    "ref_anonymous",  # anonymous scorer ids are not in ``ref_extra``: their plans go the one-plan way
})


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
        with _plan_lock(folder, exclusive=False):
            entries = {e.name: e for e in os.scandir(folder)}
            if JOURNAL_FILE in entries or any(
                    n.startswith(".") and n.endswith(TMP_SUFFIX) for n in entries):
                return None
            if HISTORY_DIR in entries and _pending(folder):
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


def _missing(col: Column, value: object) -> bool:
    return value == "" if col.kind in _TEXT else (value is pd.NA or value is pd.NaT)


def _screen(chunk: _Chunk, metas: dict[int, dict[str, Any]], lang: str | None) -> None:
    """Flag every plan that may break an error rule of :mod:`rtplan.validation`."""
    flag = chunk.flagged.add
    periods: dict[int, tuple[pd.Timestamp, pd.Timestamp] | None] = {}
    for i, meta in metas.items():
        try:
            msg_lang = normalize_lang(lang) if lang else normalize_lang(meta.get("language"))
            if any(p.is_error for p in _meta_problems(meta, msg_lang)):
                flag(i)
            period = _period(meta)
            if period is not None and any(isinstance(d, dt.datetime) for d in period):
                flag(i)  # a date-time period: rare; the one-plan way decides
            periods[i] = None if period is None else (pd.Timestamp(period[0]), pd.Timestamp(period[1]))
        except Exception:
            flag(i)
    known: dict[tuple[str, str], set[tuple[int, str]]] = {}
    for name, table in TABLES.items():
        cols, plan = chunk.typed[name], chunk.plan[name]
        if not plan:
            continue
        _screen_rows(table, cols, plan, periods, flag)
        if table.key:
            first_col = table.column(table.key[0])
            seen: set[tuple[object, ...]] = set()
            records: Iterable[tuple[object, ...]] = zip(plan, *(cols[k] for k in table.key))
            if not all(table.column(k).kind in _TEXT for k in table.key):  # a missing date or number is ""
                records = ((r[0], *("" if v is pd.NA or v is pd.NaT else v for v in r[1:])) for r in records)
            for record in records:
                if _missing(first_col, record[1]):
                    continue
                if record in seen:
                    flag(cast(int, record[0]))
                seen.add(record)
        for col in table.columns:
            if col.ref is None:
                continue
            target = known.get(col.ref)
            if target is None:
                t_name, t_col = col.ref
                target_col = TABLES[t_name].column(t_col)
                target = known[col.ref] = {(i, str(v)) for i, v in zip(chunk.plan[t_name], chunk.typed[t_name][t_col])
                                           if not _missing(target_col, v)}
            extra = set(col.ref_extra)
            is_list = col.kind == "list"
            for i, value in zip(plan, cols[col.name]):
                if _missing(col, value):
                    continue
                if not is_list:
                    if value not in extra and (i, str(value)) not in target:
                        flag(i)
                elif any(item not in extra and (i, item) not in target for item in split_list(value)):
                    flag(i)
        _screen_special(name, cols, plan, flag)


def _screen_rows(table: Table, cols: dict[str, list[Any]], plan: list[int],
                 periods: dict[int, tuple[pd.Timestamp, pd.Timestamp] | None], flag: Any) -> None:
    for col in table.columns:
        values = cols[col.name]
        if col.required:
            if col.kind in _TEXT:
                for i, v in zip(plan, values):
                    if v == "":
                        flag(i)
            else:
                for i, v in zip(plan, values):
                    if v is pd.NA or v is pd.NaT:
                        flag(i)
        if col.allowed is not None:
            allowed = set(col.allowed)
            for i, v in zip(plan, values):
                if v != "" and v not in allowed:
                    flag(i)
        if col.kind in ("int", "money") and (col.min is not None or col.max is not None):
            lo = -np.inf if col.min is None else col.min
            hi = np.inf if col.max is None else col.max
            for i, v in zip(plan, values):
                if v is not pd.NA and not lo <= v <= hi:
                    flag(i)
        if col.kind == "date" and col.in_period:
            for i, v in zip(plan, values):
                period = periods.get(i)
                if v is not pd.NaT and period is not None and not period[0] <= v <= period[1]:
                    flag(i)
        if col.kind == "id":
            for i, v in zip(plan, values):
                if ";" in v:
                    flag(i)
    for start_name, end_name in table.order:
        kind = table.column(start_name).kind
        for i, a, b in zip(plan, cols[start_name], cols[end_name]):
            if kind == "date":
                if a is not pd.NaT and b is not pd.NaT and b < a:
                    flag(i)
            elif a != "" and b != "" and not _time_ok(a, b):
                flag(i)


def _screen_special(name: str, cols: dict[str, list[Any]], plan: list[int], flag: Any) -> None:
    if name == "pairwise":
        for i, a, b, w in zip(plan, cols["need_a"], cols["need_b"], cols["winner"]):
            if a and b and (a == b or (w and w not in (a, b, TIE))):
                flag(i)
    elif name == "ledger":
        for i, inc, exp in zip(plan, cols["income_idr"], cols["expense_idr"]):
            has_in = inc is not pd.NA and inc != 0
            has_out = exp is not pd.NA and exp != 0
            if has_in == has_out:
                flag(i)
    elif name == "problem_tree":
        cores: set[tuple[int, str]] = set()
        for i, need, kind in zip(plan, cols["need_id"], cols["kind"]):
            if kind == "inti":
                if (i, need) in cores:
                    flag(i)
                cores.add((i, need))
    elif name == "activities":
        rules: dict[tuple[str, str], bool] = {}
        for i, kind, day in zip(plan, cols["recurrence"], cols["recurrence_day"]):
            bad = rules.get((kind, day))
            if bad is None:
                found = recurrence_day_rule(kind, day)
                bad = rules[(kind, day)] = found is not None and found[1] == "error"
            if bad:
                flag(i)


# --------------------------------------------------------------------------- rankings


def _within(plans: np.ndarray, order: np.ndarray) -> np.ndarray:
    """1-based rank of each position of ``order`` inside its plan (``order`` sorted by plan first)."""
    ranked = plans[order]
    out: np.ndarray = np.arange(len(order)) - np.searchsorted(ranked, ranked, side="left") + 1
    return out


def _floats(values: list[Any], rows: np.ndarray) -> np.ndarray:
    """The numbers at ``rows`` as floats, NaN when missing."""
    return np.asarray([np.nan if values[k] is pd.NA else float(values[k]) for k in rows], dtype=float)


def _spearman(x: np.ndarray, y: np.ndarray) -> float | None:
    """:func:`rtplan.needs.spearman` without pandas (average ranks are exact: the same values)."""
    if len(x) < 2:
        return None
    rx, ry = _average_rank(-x), _average_rank(-y)
    if rx.std() == 0 or ry.std() == 0:
        return None
    return float(np.corrcoef(rx, ry)[0, 1])


def _rank_all(chunk: _Chunk, fast: list[int]) -> dict[int, Ranks]:
    """:class:`Ranks` of the plans ``fast`` (all their rules kept), computed together."""
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

    # dot voting (needed by USG's tie-break too)
    vr = rows_of("votes")
    v_pos = pos("votes", "need_id", vr)
    v_dots = np.nan_to_num(_floats(typed["votes"]["dots"], vr))
    ok = v_pos >= 0
    dots = np.bincount(v_pos[ok], weights=v_dots[ok], minlength=G)
    given = ok & (v_dots > 0)
    pids = typed["votes"]["participant_id"]
    pairs = {(int(g), pids[k]) for g, k in zip(v_pos[given], vr[given])}
    voters = np.bincount(np.asarray([g for g, _ in pairs], dtype=np.int64), minlength=G)
    total_dots = np.bincount(gp, weights=dots, minlength=chunk.n)
    dots_used = total_dots > 0

    # USG
    ur = rows_of("usg_scores")
    u_pos = pos("usg_scores", "need_id", ur)
    crit = (np.column_stack([_floats(typed["usg_scores"][c], ur) for c in ("urgency", "seriousness", "growth")])
            if len(ur) else np.empty((0, 3)))
    ok = (u_pos >= 0) & ~np.isnan(crit).any(axis=1)
    scorers = typed["usg_scores"]["scorer"]
    is_cons = np.asarray([scorers[k] == CONSENSUS for k in ur], dtype=bool)
    group, values = u_pos[ok & ~is_cons], crit[ok & ~is_cons]
    count = np.bincount(group, minlength=G)
    agg = np.full((G, 3), np.nan)
    for k in range(3):
        agg[:, k] = _group_mean(group, values[:, k], count)
    has_cons = np.zeros(G, dtype=bool)
    cons_pos, cons_values = u_pos[ok & is_cons], crit[ok & is_cons]
    if len(cons_pos):  # the last consensus row of a need counts
        unique, first_from_end = np.unique(cons_pos[::-1], return_index=True)
        agg[unique] = cons_values[len(cons_pos) - 1 - first_from_end]
        has_cons[unique] = True
    agg = _round(agg)
    total = _round(agg.sum(axis=1))
    chosen = np.nonzero((count > 0) | has_cons)[0]
    u_order = chosen[np.lexsort((order_key[chosen], -dots[chosen], -agg[chosen, 0], -agg[chosen, 1],
                                 -total[chosen], gp[chosen]))]
    usg_rank = np.full(G, np.nan)
    usg_rank[u_order] = _within(gp, u_order)
    usg_used = np.bincount(gp[chosen], minlength=chunk.n) > 0

    d_order = np.lexsort((order_key, -voters.astype(float), -dots, gp))
    dots_rank = np.empty(G)
    dots_rank[d_order] = _within(gp, d_order)

    # pairwise: candidates are the needs named in a pair, in the needs' order
    pr = rows_of("pairwise")
    pw = typed["pairwise"]
    named = {(chunk.plan["pairwise"][k], pw[c][k]) for k in pr for c in ("need_a", "need_b")}
    cand = np.asarray([(i, ident) in named for i, ident in zip(gp_list, gid)], dtype=bool)
    a_pos, b_pos = pos("pairwise", "need_a", pr), pos("pairwise", "need_b", pr)
    a_txt = [pw["need_a"][k] for k in pr]
    b_txt = [pw["need_b"][k] for k in pr]
    w_txt = [pw["winner"][k] for k in pr]
    ok = np.asarray([a >= 0 and b >= 0 and cand[a] and cand[b] and at != bt and w in (at, bt, TIE)
                     for a, b, at, bt, w in zip(a_pos, b_pos, a_txt, b_txt, w_txt)], dtype=bool)
    points_a = np.asarray([1.0 if w == at else 0.5 if w == TIE else 0.0 for w, at in zip(w_txt, a_txt)], dtype=float)
    a_ok, b_ok, p_ok = a_pos[ok], b_pos[ok], points_a[ok]
    lo, hi = np.minimum(a_ok, b_ok), np.maximum(a_ok, b_ok)
    points_lo = np.where(a_ok < b_ok, p_ok, 1.0 - p_ok)
    codes, inverse = np.unique(lo * max(G, 1) + hi, return_inverse=True)
    p_count = np.bincount(inverse, minlength=len(codes)).astype(float)
    upper = np.bincount(inverse, weights=points_lo, minlength=len(codes)) / np.maximum(p_count, 1)
    p_lo, p_hi = codes // max(G, 1), codes % max(G, 1)
    score = _round(np.bincount(np.r_[p_lo, p_hi], weights=np.r_[upper, 1.0 - upper], minlength=G))
    wins = np.bincount(np.r_[p_lo[upper > 0.5 + 1e-9], p_hi[(1.0 - upper) > 0.5 + 1e-9]], minlength=G)
    judged = np.bincount(gp[p_lo], minlength=chunk.n) if len(codes) else np.zeros(chunk.n, dtype=np.int64)
    pw_used = judged > 0
    candidates = np.nonzero(cand)[0]
    p_order = candidates[np.lexsort((order_key[candidates], -wins[candidates].astype(float), -score[candidates],
                                     gp[candidates]))]
    pw_rank = np.full(G, np.nan)
    pw_rank[p_order] = _within(gp, p_order)

    # combined: mean rank over the methods with data (equal scores share their average rank)
    used = {"usg": usg_used[gp], "dots": dots_used[gp], "pairwise": pw_used[gp]}
    score_of = {"usg": np.where(np.isnan(usg_rank), np.nan, total),
                "dots": dots.astype(int).astype(float),
                "pairwise": np.where(cand, score, np.nan)}
    actual: dict[str, np.ndarray] = {}
    filled: dict[str, np.ndarray] = {}
    for m in _BASE:
        s = np.where(used[m], score_of[m], np.nan)
        score_of[m] = s
        actual[m] = pd.Series(s).groupby(gp).rank(method="average", ascending=False).to_numpy(dtype=float)
        ranked = pd.Series(~np.isnan(s)).groupby(gp).transform("sum").to_numpy(dtype=float)
        filled[m] = np.where(np.isnan(actual[m]), (ranked + 1 + n_of) / 2, actual[m])
    acc = np.zeros(G)
    k_methods = np.zeros(G)
    for m in _BASE:
        acc = np.where(used[m], acc + filled[m], acc)
        k_methods += used[m]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_rank = np.where(k_methods > 0, acc / np.maximum(k_methods, 1), (n_of + 1) / 2)
    present = np.array([np.where(used[m], actual[m], np.nan) for m in _BASE])
    counted = (~np.isnan(present)).sum(axis=0)
    top = np.where(np.isnan(present), -np.inf, present).max(axis=0)
    bottom = np.where(np.isnan(present), np.inf, present).min(axis=0)
    spread = _round(np.where(counted >= 2, top - bottom, np.nan), 4)
    mean_rank = _round(mean_rank, 4)
    usg_ordinal = np.where(np.isnan(usg_rank), n_of + 1.0, usg_rank)
    c_order = np.lexsort((order_key, usg_ordinal, mean_rank, gp))
    comb_rank = np.empty(G)
    comb_rank[c_order] = _within(gp, c_order)
    discuss = np.nan_to_num(spread, nan=-1.0) >= 3

    # the final order: priorities.csv first, then the combined order
    pri = typed["priorities"]
    out: dict[int, Ranks] = {}
    for i in fast:
        g0 = first[i]
        g1 = g0 + sizes[i]
        ids = gid[g0:g1]
        ps, pe = bounds["priorities"][i]
        known = set(ids)
        entries: dict[str, tuple[float, tuple[object, ...]]] = {}
        for need, rank in zip(pri["need_id"][ps:pe], pri["rank"][ps:pe]):
            if need in known and need not in entries:
                entries[need] = (np.inf if rank is pd.NA else float(rank), natural_key(need))
        stored = sorted(entries, key=lambda x: entries[x])
        by_comb = [gid[g] for g in c_order[np.searchsorted(gp[c_order], i):np.searchsorted(gp[c_order], i,
                                                                                              side="right")]]
        ordered = stored + [x for x in by_comb if x not in entries]
        methods = [m for m in _BASE if (usg_used, dots_used, pw_used)[_BASE.index(m)][i]]
        agreement: list[tuple[Any, ...]] = []
        for x, ma in enumerate(methods):
            for mb in methods[x + 1:]:
                sa, sb = score_of[ma][g0:g1], score_of[mb][g0:g1]
                both = ~np.isnan(sa) & ~np.isnan(sb)
                xa, xb = sa[both], sb[both]
                agreement.append((ma, mb, int(both.sum()), _spearman(xa, xb), kendall_tau_b(xa, xb)))
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


def pool_batch(paths: Sequence[str], secret: bytes, include_text: bool, lang: str | None, rows: _Rows,
               seen: set[str]) -> list[Skipped]:
    """Append the rows of every plan of ``paths`` to ``rows`` in order (as the one-plan
    way would); return the skipped ones. Plans the screen flags go the one-plan way."""
    n = len(paths)
    chunk = _Chunk(n)
    metas: dict[int, dict[str, Any]] = {}
    for i, p in enumerate(paths):
        found = _read(Path(p))
        if found is None:
            chunk.flagged.add(i)
            continue
        metas[i], tables = found
        chunk.add(i, tables)
    chunk.type_all()
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


__all__ = ["pool_batch"]
