"""Editing step 1's tables (pure: each function returns the new table, the caller saves it).

Also the order of a pairwise session (every pair once, a need rarely twice in a row)
and what is still to judge.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from rtplan.needs.base import Tables, _get
from rtplan.tables import is_missing


def _keep_order_update(
    frame: pd.DataFrame,
    key_cols: Sequence[str],
    replace_mask: pd.Series,
    new_rows: list[dict[str, object]],
) -> pd.DataFrame:
    """Replace the rows under ``replace_mask`` with ``new_rows``, keeping row positions.

    A new row whose key matches a replaced row takes that row's place; other new rows
    go at the end; replaced rows without a new row are dropped. Keeps diffs small.
    """
    out = frame.astype("object").copy()
    index_of = {tuple(str(out.at[i, c]) for c in key_cols): i for i in out.index[replace_mask.to_numpy()]}
    placed: set[int] = set()
    extra = []
    for row in new_rows:
        key = tuple(str(row[c]) for c in key_cols)
        i = index_of.get(key)
        if i is None:
            extra.append(row)
            continue
        for col, value in row.items():
            out.at[i, col] = value
        placed.add(i)
    drop = [i for i in index_of.values() if i not in placed]
    out = out.drop(index=drop)
    if extra:
        out = pd.concat([out, pd.DataFrame(extra).astype("object")], ignore_index=True)
    return out.reset_index(drop=True)


def set_usg_scores(
    usg_scores: pd.DataFrame,
    scorer: str,
    scores: Mapping[str, tuple[object, object, object] | None],
) -> pd.DataFrame:
    """The ``usg_scores`` table with one scorer's scores set.

    ``scores`` maps need_id to ``(U, S, G)``, or to ``None`` to remove that score;
    needs not mentioned keep their rows. Values are stored as given (storage checks them).
    """
    mask = usg_scores["scorer"].astype(str) == scorer
    mentioned = usg_scores["need_id"].astype(str).isin(list(scores))
    rows = [{"need_id": need, "scorer": scorer, "urgency": v[0], "seriousness": v[1], "growth": v[2]}
            for need, v in scores.items() if v is not None]
    return _keep_order_update(usg_scores, ("need_id", "scorer"), mask & mentioned, rows)


def set_votes(votes: pd.DataFrame, participant_id: str, dots: Mapping[str, object]) -> pd.DataFrame:
    """The ``votes`` table with one participant's dots set (0 or empty removes the row)."""
    mask = votes["participant_id"].astype(str) == participant_id
    mentioned = votes["need_id"].astype(str).isin(list(dots))
    rows = [{"need_id": need, "participant_id": participant_id, "dots": d} for need, d in dots.items()
            if not is_missing(d) and str(d).strip() != "0"]
    return _keep_order_update(votes, ("need_id", "participant_id"), mask & mentioned, rows)


def votes_grid(votes: pd.DataFrame, participant_ids: Sequence[str],
               need_ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """The saved dots as a grid: participant -> need -> dots (0 where none), for typing many
    people's dots at once (a poster counted sticker by sticker)."""
    grid = {str(p): dict.fromkeys(map(str, need_ids), 0) for p in participant_ids}
    for need, who, dots in zip(votes["need_id"].astype(str), votes["participant_id"].astype(str), votes["dots"],
                               strict=True):
        if who in grid and need in grid[who] and not is_missing(dots):
            grid[who][need] = int(dots)
    return grid


def read_votes_grid(typed: Mapping[str, Mapping[str, object]], max_dots: int,
                    lang: str | None = None) -> tuple[dict[str, dict[str, int]], list[str]]:
    """The grid's boxes as whole numbers (an empty box is 0) and a message for each box that is
    not a number from 0 to ``max_dots``, naming the participant and the need."""
    from rtplan.messages import t

    grid: dict[str, dict[str, int]] = {}
    problems: list[str] = []
    for who, row in typed.items():
        grid[who] = {}
        for need, raw in row.items():
            text = "" if is_missing(raw) else str(raw).strip()
            if not text:
                grid[who][need] = 0
            elif text.isdigit() and int(text) <= max_dots:
                grid[who][need] = int(text)
            else:
                problems.append(t("needs.dots_grid_bad", lang, participant=who, need=need, max=max_dots,
                                  value=text))
    return grid, problems


def set_votes_grid(votes: pd.DataFrame, grid: Mapping[str, Mapping[str, object]]) -> pd.DataFrame:
    """The ``votes`` table with every participant of ``grid`` set at once (:func:`set_votes` for each)."""
    for who, dots in grid.items():
        votes = set_votes(votes, str(who), dots)
    return votes


def set_pairwise(
    pairwise: pd.DataFrame,
    need_a: str,
    need_b: str,
    winner: str | None,
    participant_id: str = "",
) -> pd.DataFrame:
    """The ``pairwise`` table with one judgement set (``winner`` a need, ``seri``, or ``None`` to remove).

    A judgement of the same pair in the other order (B, A) by the same person is replaced.
    """
    who = pairwise["participant_id"].astype("string").fillna("").astype(str)
    a = pairwise["need_a"].astype(str)
    b = pairwise["need_b"].astype(str)
    same = (who == participant_id) & (((a == need_a) & (b == need_b)) | ((a == need_b) & (b == need_a)))
    out = pairwise.astype("object").copy()
    if same.any():
        i = out.index[same.to_numpy()][0]
        others = out.index[same.to_numpy()][1:]
        if winner is None:
            return out.drop(index=out.index[same.to_numpy()]).reset_index(drop=True)
        out.loc[i, ["need_a", "need_b", "winner", "participant_id"]] = [need_a, need_b, winner, participant_id]
        return out.drop(index=others).reset_index(drop=True)
    if winner is None:
        return out.reset_index(drop=True)
    row = pd.DataFrame([{"need_a": need_a, "need_b": need_b, "winner": winner, "participant_id": participant_id}])
    return pd.concat([out, row.astype("object")], ignore_index=True)


def priorities_frame(
    order: Sequence[str],
    method: str = "gabungan",
    notes: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """A ``priorities`` table for ``order`` (rank 1, 2, ...; ``method`` one of usg, dots, pairwise, gabungan)."""
    notes = notes or {}
    return pd.DataFrame({
        "need_id": list(order),
        "rank": list(range(1, len(order) + 1)),
        "method": [method] * len(order),
        "note": [notes.get(n, "") for n in order],
    }, columns=["need_id", "rank", "method", "note"])


def pair_schedule(candidates: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair of ``candidates`` once, ordered so a need rarely appears twice in a row.

    Round-robin (circle method) rounds: in each round every need meets another one.
    """
    items: list[str | None] = list(candidates)
    if len(items) < 2:
        return []
    if len(items) % 2:
        items.append(None)
    n = len(items)
    pairs: list[tuple[str, str]] = []
    for _ in range(n - 1):
        for i in range(n // 2):
            x, y = items[i], items[n - 1 - i]
            if x is not None and y is not None:
                pairs.append((x, y))
        items = [items[0], items[-1], *items[1:-1]]
    return pairs


def pending_pairs(tables: Tables, candidates: Sequence[str], participant_id: str = "") -> list[tuple[str, str]]:
    """The pairs of ``candidates`` that ``participant_id`` (``""``: the group) has not judged yet."""
    pw = _get(tables, "pairwise")
    who = pw["participant_id"].astype("string").fillna("").astype(str)
    mine = pw[who == participant_id]
    done = {frozenset((str(a), str(b))) for a, b in zip(mine["need_a"], mine["need_b"])}
    return [p for p in pair_schedule(candidates) if frozenset(p) not in done]


def judgement(tables: Tables, need_a: str, need_b: str, participant_id: str = "") -> str | None:
    """The saved winner of a pair by ``participant_id`` (``None`` when not judged)."""
    pw = _get(tables, "pairwise")
    who = pw["participant_id"].astype("string").fillna("").astype(str)
    a, b = pw["need_a"].astype(str), pw["need_b"].astype(str)
    hit = pw[(who == participant_id) & (((a == need_a) & (b == need_b)) | ((a == need_b) & (b == need_a)))]
    return None if hit.empty else str(hit["winner"].iloc[0])


def upsert_tree_node(
    tree: pd.DataFrame,
    node_id: str | None,
    need_id: str,
    kind: str,
    text: str,
    parent_id: str = "",
) -> tuple[pd.DataFrame, str]:
    """The ``problem_tree`` table with one node added (``node_id`` ``None``) or changed.

    Returns the new table and the node's id (``T09`` after ``T08``).
    """
    out = tree.astype("object").copy()
    if node_id is None or node_id not in set(out["node_id"].astype(str)):
        if node_id is None:
            from rtplan.profile import next_id

            node_id = next_id(tree["node_id"], "T", 2)
        row = pd.DataFrame([{"node_id": node_id, "need_id": need_id, "kind": kind, "text": text,
                             "parent_id": parent_id}]).astype("object")
        return pd.concat([out, row], ignore_index=True), node_id
    i = out.index[out["node_id"].astype(str) == node_id][0]
    out.loc[i, ["need_id", "kind", "text", "parent_id"]] = [need_id, kind, text, parent_id]
    return out, node_id
