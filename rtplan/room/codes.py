"""Voting codes: six characters from an alphabet that cannot be misread, one per person present."""

from __future__ import annotations

import hashlib
import secrets

import pandas as pd

from rtplan.plan import Plan

ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""No 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G: a code read aloud or typed on a phone is not mistaken."""
LENGTH = 6
"""22**6 = 113,379,904 codes (see :func:`room_guess_limit` for what that means for a guesser)."""
CODE_SPACE = len(ALPHABET) ** LENGTH
KEY_LENGTH = 3
"""The round key: 3 characters of :data:`ALPHABET` (22**3 = 10,648 keys), new for every round."""
GUESS_TARGET = 0.001
"""The chance, at most, that guessing finds any live code within an hour (0.1 %)."""


def room_guess_limit(live_codes: int, target: float = GUESS_TARGET) -> int:
    """Wrong codes a minute, from all phones together, before every further guess waits.

    A guess names one of ``CODE_SPACE`` = 22**6 = 113,379,904 codes, of which
    ``live_codes`` L are given out. With N wrong codes a minute allowed room-wide, an
    hour holds at most 60 N guesses, and (union bound) the chance that any of them hits
    a live code is at most 60 N L / 22**6. Keeping it below ``target`` (0.1 %)::

        N < 0.001 * 113,379,904 / (60 L) = 1,889.66 / L
        L = 30 -> N = 62;  L = 60 -> N = 31 (P <= 0.098 %);  L = 120 -> N = 15;  L = 200 -> N = 9

    The round key (a guesser outside the room does not see the projector) would divide
    the chance by another 10,648, but a guesser in the room sees it, so N does not count
    on it. At least 1 (from 1,890 live codes up the bound no longer holds; an RT meeting
    never gives out that many).
    """
    live = max(1, int(live_codes))
    n = int(target * CODE_SPACE / (60 * live))
    if 60 * n * live >= target * CODE_SPACE:  # strictly below the target
        n -= 1
    return max(1, n)


def new_round_key() -> str:
    """A fresh random round key (:data:`KEY_LENGTH` characters of :data:`ALPHABET`)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(KEY_LENGTH))


def normalize_key(text: object) -> str:
    """What a phone brought as the round key -> the key (``" k7m "`` -> ``"K7M"``); ``""`` when it cannot be one."""
    raw = "".join(ch for ch in str(text or "").upper() if ch.isascii() and ch.isalnum())
    if len(raw) != KEY_LENGTH or any(ch not in ALPHABET for ch in raw):
        return ""
    return raw


def new_code(taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A fresh random code not in ``taken``."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken:
            return code


def normalize_code(text: object) -> str:
    """What a phone typed -> the code (``" acd-efh "`` -> ``"ACDEFH"``); ``""`` when it cannot be one."""
    raw = "".join(ch for ch in str(text or "").upper() if ch.isascii() and ch.isalnum())
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
