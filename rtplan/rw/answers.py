"""The answer comes back: record what the RW and the kelurahan decided, and write it into
each RT plan.

:func:`answer` records a state (and the reason) on the RW's proposal. :func:`send_back`
writes each RT proposal's state and answer into its RT plan through
:func:`rtplan.storage.save_tables` (validated, journaled, the old file in ``.history/``),
touching only ``proposals.csv``: one save per RT, so each RT is written wholly or not at
all. It refuses, before writing anything, when an RT plan changed since it was taken in
(the digests in ``rts.csv``): the RW's list would then answer proposals the RT no longer
holds as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from rtplan import storage
from rtplan.exceptions import RtplanError
from rtplan.messages import t
from rtplan.proposals import ACCEPTED_STATES, STATE_KEYS
from rtplan.rw.folder import RtRef, RwError, RwFolder, RwProposal, save_rw
from rtplan.rw.gather import PROPOSALS_FILE, read_rt
from rtplan.storage.files import PLAN_FILE

ANSWER_STATES = ("diterima-rw", "diterima-kelurahan", "ditolak", "dianggarkan", "dilaksanakan")
ACCEPTED = ACCEPTED_STATES


def answer(rw: RwFolder, usulan_id: str, state: str, reason: str | None, lang: str) -> RwProposal:
    """Record ``state`` (one of :data:`ANSWER_STATES`) and the reason on a proposal, in memory."""
    found = rw.proposal(usulan_id)
    if found is None:
        raise RwError(t("rw.unknown_id", lang, id=usulan_id,
                        ids=", ".join(p.usulan_id for p in rw.proposals) or "-"))
    if state not in ANSWER_STATES:
        raise RwError(t("rw.bad_state", lang, state=state, states=", ".join(ANSWER_STATES)))
    text = " ".join((reason or "").split())
    if state == "ditolak" and not text:
        raise RwError(t("rw.reason_required", lang, id=found.usulan_id))
    found.state = state
    found.answer = text
    return found


def state_label(state: str, lang: str) -> str:
    return t(STATE_KEYS[state], lang) if state in STATE_KEYS else state


@dataclass
class SentBack:
    """One RT after :func:`send_back`: how many of its proposals got a new state or answer."""

    rt: str
    path: str
    updated: int


def _answers(rw: RwFolder) -> dict[str, tuple[str, str]]:
    """RT proposal ("rt/pid") -> (state, answer) from the RW's list."""
    return {source: (p.state, p.answer) for p in rw.proposals for source in p.sources}


def changed_rts(rw: RwFolder, lang: str) -> list[str]:
    """The RTs whose plan changed since they were taken in (read only)."""
    out = []
    for ref in rw.rts:
        snap = read_rt(ref.path, lang)
        if (snap.ref.proposals_sha256, snap.ref.plan_sha256) != (ref.proposals_sha256, ref.plan_sha256):
            out.append(ref.rt)
    return out


def send_back(rw: RwFolder, lang: str, on_written: Callable[[SentBack], None] | None = None) -> list[SentBack]:
    """Write every answer into its RT plan; the RW folder records the new digests of those written.

    Refuses (nothing written) when any RT plan changed since it was taken in. A failure
    while writing one RT leaves that RT as it was; the RTs written before it stay written
    and are recorded (``on_written`` is called after each), and an :class:`RwError` naming the
    RT it stopped at and the cause is raised.
    """
    changed = changed_rts(rw, lang)
    if changed:
        raise RwError(t("rw.send_back_changed", lang, rts=", ".join(changed)))
    answers = _answers(rw)
    done: list[SentBack] = []
    try:
        for ref in rw.rts:
            try:
                item = _send_one(rw, ref, answers, lang)
            except RwError:
                raise
            except RtplanError as exc:
                raise RwError(t("rw.send_back_stopped", lang, rt=ref.rt, error=exc)) from exc
            done.append(item)
            if on_written is not None:
                on_written(item)
    finally:
        if done:
            save_rw(rw)
    return done


def _send_one(rw: RwFolder, ref: RtRef, answers: dict[str, tuple[str, str]], lang: str) -> SentBack:
    """Write one RT's answers (one journaled save of its proposals table)."""
    plan = storage.load_plan(ref.path)
    if (plan.fingerprints.get(PROPOSALS_FILE) or "", plan.fingerprints.get(PLAN_FILE) or "") != \
            (ref.proposals_sha256, ref.plan_sha256):
        raise RwError(t("rw.send_back_changed", lang, rts=ref.rt))
    frame = plan["proposals"].copy()
    updated = 0
    for i, pid in enumerate(frame["proposal_id"].tolist()):
        found = answers.get(f"{ref.rt}/{pid}")
        if found is None:
            continue
        state, text = found
        old_state = "" if pd.isna(frame.at[i, "state"]) else str(frame.at[i, "state"])
        old_answer = "" if pd.isna(frame.at[i, "answer"]) else str(frame.at[i, "answer"])
        if (old_state, old_answer) == (state, text):
            continue
        frame.at[i, "state"] = state
        frame.at[i, "answer"] = text if text else pd.NA
        updated += 1
    if updated:
        storage.save_tables(plan, {"proposals": frame})
        ref.proposals_sha256 = plan.fingerprints.get(PROPOSALS_FILE) or ""
        for p in rw.rt_proposals:
            if p.rt == ref.rt and p.source in answers:
                p.state, p.answer = answers[p.source]
    return SentBack(ref.rt, str(Path(ref.path)), updated)


__all__ = ["ACCEPTED", "ANSWER_STATES", "SentBack", "answer", "changed_rts", "send_back", "state_label"]
