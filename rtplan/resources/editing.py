"""Editing step 2's tables: the facilitator's decision on a need-resource pair."""

from __future__ import annotations

import pandas as pd

from rtplan.schema import MATCH_DECISIONS
from rtplan.tables import is_missing


def decide(matches: pd.DataFrame, need_id: str, resource_id: str, decision: str | None,
           score: int | None = None, reason: str = "", note: str | None = None) -> pd.DataFrame:
    """The matches table with the facilitator's decision on one pair (pure; save it after).

    ``decision`` is ``"diterima"``, ``"ditolak"`` or ``None`` (undo: the row is removed).
    An existing row keeps its place and its written reason; a new row goes at the end.
    ``note=None`` keeps the stored note.
    """
    if decision is not None and decision not in MATCH_DECISIONS:
        raise ValueError(decision)
    frame = matches.copy()
    here = (frame["need_id"].astype(str) == need_id) & (frame["resource_id"].astype(str) == resource_id)
    if decision is None:
        return frame[~here].reset_index(drop=True)
    if here.any():
        frame = frame.astype({"decision": "object", "score": "object", "reason": "object", "note": "object"})
        idx = frame.index[here][0]
        frame.loc[idx, "decision"] = decision
        if score is not None:
            frame.loc[idx, "score"] = int(score)
        if is_missing(frame.loc[idx, "reason"]) and reason:
            frame.loc[idx, "reason"] = reason
        if note is not None:
            frame.loc[idx, "note"] = note
        return frame.reset_index(drop=True)
    row = {"need_id": need_id, "resource_id": resource_id, "decision": decision,
           "score": pd.NA if score is None else int(score), "reason": reason, "note": note or ""}
    return pd.concat([frame.astype("object"), pd.DataFrame([row]).astype("object")], ignore_index=True)
