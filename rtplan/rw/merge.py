"""Merging near-identical proposals of several RTs (the same drain, the same street).

Two proposals of the RW's list are suggested for merging when they come from different
RTs, have the same bidang (the kind of activity), are both still waiting for an answer,
and their titles are alike (rapidfuzz's ``token_set_ratio`` at least
:data:`TITLE_ALIKE`), or their locations are alike (at least :data:`LOCATION_ALIKE`) with
titles at least :data:`TITLE_NEAR`. The facilitator confirms (:func:`merge`); a merged
proposal keeps every RT it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from rtplan.messages import t
from rtplan.proposals import BIDANG_KEYS
from rtplan.rw.folder import RwError, RwFolder, RwProposal

TITLE_ALIKE = 80.0
TITLE_NEAR = 50.0
LOCATION_ALIKE = 85.0


@dataclass(frozen=True)
class Suggestion:
    """Two proposals that look like one, with the similarities that say so (0-100)."""

    first: str
    second: str
    bidang: str
    title_score: float
    location_score: float | None


def similarity(a: str, b: str) -> float:
    """How alike two short texts are, 0-100 (case, punctuation and word order ignored)."""
    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


def _open(p: RwProposal) -> bool:
    return p.state == "diusulkan"


def suggest_merges(rw: RwFolder) -> list[Suggestion]:
    """Pairs worth merging, the most alike first."""
    found = []
    items = [p for p in rw.proposals if _open(p)]
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if set(a.rts) & set(b.rts) or not a.bidang or a.bidang != b.bidang:
                continue
            title = similarity(a.title, b.title)
            location = similarity(a.location, b.location) if a.location and b.location else None
            if title >= TITLE_ALIKE or (location is not None and location >= LOCATION_ALIKE and title >= TITLE_NEAR):
                found.append(Suggestion(a.usulan_id, b.usulan_id, a.bidang, title, location))
    return sorted(found, key=lambda s: -(s.title_score + (s.location_score or 0)))


def bidang_label(value: str, lang: str) -> str:
    return t(BIDANG_KEYS[value], lang) if value in BIDANG_KEYS else value


def reasons(s: Suggestion, lang: str) -> list[str]:
    """Why a pair is suggested, in ``lang``."""
    out = [t("rw.reason_bidang", lang, bidang=bidang_label(s.bidang, lang)),
           t("rw.reason_title", lang, score=round(s.title_score))]
    if s.location_score is not None:
        out.append(t("rw.reason_location", lang, score=round(s.location_score)))
    return out


def _int(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _find(rw: RwFolder, usulan_id: str, lang: str) -> RwProposal:
    found = rw.proposal(usulan_id)
    if found is None:
        raise RwError(t("rw.unknown_id", lang, id=usulan_id, ids=", ".join(q.usulan_id for q in rw.proposals) or "-"))
    return found


def merge(rw: RwFolder, first: str, second: str, lang: str) -> tuple[RwProposal, list[str]]:
    """Fold ``second`` into ``first`` (in memory); the notes say what was done to each field."""
    a, b = _find(rw, first, lang), _find(rw, second, lang)
    if a is b:
        raise RwError(t("rw.merge_same", lang, id=a.usulan_id))
    for p in (a, b):
        if not _open(p):
            raise RwError(t("rw.merge_answered", lang, id=p.usulan_id, state=p.state))
    notes = []
    a.sources = list(dict.fromkeys(a.sources + b.sources))
    notes.append(t("rw.merged_sources", lang, id=a.usulan_id, other=b.usulan_id,
                   rts=", ".join(a.rts)))
    if a.unit == b.unit or not b.volume:
        va, vb = _int(a.volume), _int(b.volume)
        if va is not None and vb is not None:
            a.volume = str(va + vb)
            notes.append(t("rw.merged_volume", lang, volume=a.volume, unit=a.unit))
    else:
        notes.append(t("rw.merged_units_differ", lang, id=a.usulan_id, unit=a.unit, other_unit=b.unit,
                       other=b.usulan_id, volume=b.volume))
    ca, cb = _int(a.cost_idr), _int(b.cost_idr)
    if cb is not None:
        a.cost_idr = str((ca or 0) + cb)
        notes.append(t("rw.merged_cost", lang, cost=a.cost_idr))
    if b.swadaya and b.swadaya not in a.swadaya:
        a.swadaya = f"{a.swadaya}; {b.swadaya}" if a.swadaya else b.swadaya
    if b.title != a.title or b.location != a.location:
        notes.append(t("rw.merged_kept_text", lang, id=a.usulan_id, title=a.title, location=a.location or "-",
                       other_title=b.title))
    rw.proposals.remove(b)
    return a, notes


__all__ = ["LOCATION_ALIKE", "TITLE_ALIKE", "TITLE_NEAR", "Suggestion", "merge", "reasons", "similarity",
           "suggest_merges"]
