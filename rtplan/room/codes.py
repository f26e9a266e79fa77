"""Voting codes: six characters from an alphabet that cannot be misread, one per person present."""

from __future__ import annotations

import hashlib
import secrets

import pandas as pd

from rtplan.plan import Plan

ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""No 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G: a code read aloud or typed on a phone is not mistaken."""
LENGTH = 6
"""22**6 = 113 million codes: with 60 in use and attempts rate-limited, a guess does not land."""


def new_code(taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A fresh random code not in ``taken``."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken:
            return code


def normalize_code(text: object) -> str:
    """What a phone typed -> the code (``" acd-efh "`` -> ``"ACDEFH"``); ``""`` when it cannot be one."""
    raw = "".join(ch for ch in str(text or "").upper() if ch.isalnum())
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        return ""
    return raw


def shown(code: str) -> str:
    """A code as printed on a slip and shown on a screen: ``ACD-EFH``."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def code_hash(round_id: str, code: str) -> str:
    """The hash kept for a code that voted in a round (the code itself is not kept with the round)."""
    return hashlib.sha256(f"{round_id}:{code}".encode()).hexdigest()


def choose_meeting(plan: Plan) -> pd.Series | None:
    """The current meeting: the latest by date (``None`` when the plan has none)."""
    from rtplan.meetings import choose_meeting as latest

    return latest(plan, None)


def present(plan: Plan, meeting_id: str | None = None) -> list[str]:
    """The participant ids on the attendance of ``meeting_id`` (default: the latest meeting), in order."""
    if meeting_id is None:
        meeting = choose_meeting(plan)
        if meeting is None:
            return []
        meeting_id = str(meeting["meeting_id"])
    att = plan["attendance"]
    known = set(plan["participants"]["participant_id"].astype(str))
    ids = [str(p) for m, p in zip(att["meeting_id"], att["participant_id"]) if str(m) == meeting_id]
    return [p for p in dict.fromkeys(ids) if p in known]
