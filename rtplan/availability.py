"""When a resource (a person, a hall, a laptop) is available, read from plain words.

Facilitators write availability the way they say it: ``Sabtu pagi``, ``Senin-Jumat
malam``, ``setiap hari``, ``akhir pekan``, ``Minggu pagi;Rabu sore``. This module turns
that into weekday x part-of-day slots, so matching (step 2) and conflict checks
(step 3) can ask "is this resource free on Saturday 09:00-11:00?".

Parts of the day (Indonesian usage): pagi 05:00-11:00, siang 11:00-15:00,
sore 15:00-18:00, malam 18:00-24:00. A day without a part means the whole day.
Text that cannot be read is kept in ``unknown`` and never treated as "unavailable".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

WEEKDAYS_ID = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_ALIASES = {"jum'at": "jumat", "jumaat": "jumat", "ahad": "minggu", "sen": "senin", "sel": "selasa",
                "kam": "kamis", "jum": "jumat", "sab": "sabtu", "min": "minggu"}
PARTS = {"pagi": ("05:00", "11:00"), "siang": ("11:00", "15:00"), "sore": ("15:00", "18:00"),
         "malam": ("18:00", "24:00")}
_PART_EN = {"morning": "pagi", "midday": "siang", "noon": "siang", "afternoon": "sore", "evening": "malam",
            "night": "malam"}
_ALL_DAYS = tuple(range(7))
_GROUPS = {
    "setiap hari": _ALL_DAYS, "tiap hari": _ALL_DAYS, "kapan saja": _ALL_DAYS, "every day": _ALL_DAYS,
    "daily": _ALL_DAYS, "hari kerja": (0, 1, 2, 3, 4), "weekdays": (0, 1, 2, 3, 4),
    "akhir pekan": (5, 6), "akhir minggu": (5, 6), "weekend": (5, 6), "weekends": (5, 6),
}


def weekday_index(word: str) -> int | None:
    """``senin`` -> 0 ... ``minggu`` -> 6 (English names too); ``None`` if not a day."""
    w = word.strip().lower()
    w = _DAY_ALIASES.get(w, w)
    if w in WEEKDAYS_ID:
        return WEEKDAYS_ID.index(w)
    if w in WEEKDAYS_EN:
        return WEEKDAYS_EN.index(w)
    return None


@dataclass(frozen=True)
class Availability:
    """Readable availability: ``slots`` of ``(weekday 0=Monday, part)``; ``unknown`` pieces.

    ``always`` is True when nothing limits it (empty text, ``setiap hari``).
    """

    slots: frozenset[tuple[int, str]] = field(default_factory=frozenset)
    unknown: tuple[str, ...] = ()
    always: bool = False

    def covers(self, day: dt.date, start: str | None = None, end: str | None = None) -> bool | None:
        """Is the resource free on ``day`` from ``start`` to ``end`` (``HH:MM``)?

        ``True``/``False`` when the text says; ``None`` when it cannot tell (only
        unreadable text). A session must fall within the parts of the day that are
        available on that weekday (adjacent parts join: ``pagi`` + ``siang``).
        """
        if self.always:
            return True
        if not self.slots:
            return None
        parts = {p for d, p in self.slots if d == day.weekday()}
        if not parts:
            return False
        if not start:
            return True
        end = end or start
        if end < start:  # overnight (ronda): check up to midnight
            end = "24:00"
        windows = sorted(PARTS[p] for p in parts)
        merged: list[list[str]] = []
        for lo, hi in windows:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        return any(lo <= start and end <= hi for lo, hi in merged)

    def weekdays(self) -> set[int]:
        """The weekdays with any available part."""
        return set(range(7)) if self.always else {d for d, _ in self.slots}


def _days(phrase: str) -> tuple[int, ...] | None:
    phrase = phrase.strip()
    if phrase in _GROUPS:
        return _GROUPS[phrase]
    m = re.fullmatch(r"([a-z']+)\s*(?:-|s\.?d\.?|sampai|to)\s*([a-z']+)", phrase)
    if m:
        a, b = weekday_index(m.group(1)), weekday_index(m.group(2))
        if a is not None and b is not None:
            return tuple((a + i) % 7 for i in range((b - a) % 7 + 1))
    days = [weekday_index(x) for x in re.split(r"\s*(?:,|/|&|\bdan\b|\band\b)\s*", phrase) if x]
    if days and all(d is not None for d in days):
        return tuple(d for d in days if d is not None)
    return None


def parse_availability(text: object) -> Availability:
    """Read an availability text; see the module docstring for what it understands.

    >>> sorted(parse_availability("Sabtu pagi").slots)
    [(5, 'pagi')]
    >>> parse_availability("Senin-Jumat malam").weekdays() == {0, 1, 2, 3, 4}
    True
    """
    if text is None or not str(text).strip() or str(text).strip().lower() in ("nan", "<na>"):
        return Availability(always=True)
    slots: set[tuple[int, str]] = set()
    unknown: list[str] = []
    always = False
    for raw in re.split(r"[;\n]+", str(text).lower()):
        piece = re.sub(r"\s+", " ", raw.strip().rstrip("."))
        if not piece:
            continue
        parts = []
        rest = piece
        m = re.search(r"((?:\s*(?:pagi|siang|sore|malam|morning|midday|noon|afternoon|evening|night)"
                      r"(?:\s*(?:,|/|&|dan|and|-)\s*)?)+)$", piece)
        if m:
            rest = piece[: m.start()].strip()
            parts = [_PART_EN.get(p, p) for p in re.findall(
                r"pagi|siang|sore|malam|morning|midday|noon|afternoon|evening|night", m.group(1))]
        rest = re.sub(r"^(setiap|tiap|every)\s+(?=[a-z])(?!hari\b)", "", rest).strip()
        if not rest:
            days: tuple[int, ...] | None = _ALL_DAYS
        else:
            days = _days(rest)
        if days is None:
            unknown.append(piece)
            continue
        if not parts and days == _ALL_DAYS:
            always = True
            continue
        for d in days:
            for p in parts or list(PARTS):
                slots.add((d, p))
    if always:  # "setiap hari" without a part of the day: free whenever
        return Availability(always=True)
    return Availability(frozenset(slots), tuple(unknown))
