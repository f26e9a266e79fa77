"""A voting round: what phones vote on, reading a ballot, the rows it adds, and the tally.

Three kinds, the step 1 methods:

* ``dots`` - dot voting over every need: ``dots`` dots to spread or stack (default
  :func:`rtplan.needs.suggested_dots`), saved to ``votes``;
* ``usg`` - U, S and G (1-5) for each of the top needs, saved to ``usg_scores``;
* ``pairwise`` - every pair of the top needs: A, B or Seri, saved to ``pairwise``.

A ballot's rows carry one anonymous scorer id ``anon-<round tag><ballot>``, so a round's
rows are found in the plan by their prefix and nothing in them names a person.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schema import ANONYMOUS_PREFIX, TABLES, TIE

KINDS = ("dots", "usg", "pairwise")
TABLE_OF = {"dots": "votes", "usg": "usg_scores", "pairwise": "pairwise"}
WHO_OF = {"votes": "participant_id", "usg_scores": "scorer", "pairwise": "participant_id"}
DEFAULT_TOP = {"usg": 5, "pairwise": 4}
MAX_TOP = 8
MAX_DOTS = int(TABLES["votes"].column("dots").max or 20)
CRITERIA = ("urgency", "seriousness", "growth")


class BallotError(Exception):
    """Raised when a phone's ballot is incomplete or out of bounds (the messages say what to fix)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Round:
    """One open round: its id, the tag of its anonymous ids, what is voted on."""

    round_id: str
    tag: str
    kind: str
    items: tuple[tuple[str, str], ...]
    """(need_id, title) in the order the phone shows them."""
    pairs: tuple[tuple[str, str], ...] = ()
    dots: int = 0
    opened: str = ""
    key: str = ""
    """The round key: the second factor a phone brings with its code (in the QR code's address, see
    :func:`rtplan.room.codes.new_round_key`); empty for a round saved before there were keys."""

    def to_json(self) -> dict[str, Any]:
        return {"round_id": self.round_id, "tag": self.tag, "kind": self.kind, "items": [list(i) for i in self.items],
                "pairs": [list(p) for p in self.pairs], "dots": self.dots, "opened": self.opened, "key": self.key}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Round:
        return cls(str(data["round_id"]), str(data["tag"]), str(data["kind"]),
                   tuple((str(a), str(b)) for a, b in data["items"]),
                   tuple((str(a), str(b)) for a, b in data.get("pairs", [])), int(data.get("dots", 0)),
                   str(data.get("opened", "")), str(data.get("key", "")))

    @property
    def prefix(self) -> str:
        return f"{ANONYMOUS_PREFIX}{self.tag}"

    @property
    def table(self) -> str:
        return TABLE_OF[self.kind]

    def title(self, need_id: str) -> str:
        return dict(self.items).get(need_id, need_id)


@dataclass(frozen=True)
class Ballot:
    """One phone's votes in a round (already checked against the round)."""

    kind: str
    dots: Mapping[str, int] = field(default_factory=dict)
    usg: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)
    pairwise: Mapping[tuple[str, str], str] = field(default_factory=dict)


def _used_tags(tables: Mapping[str, pd.DataFrame]) -> set[str]:
    tags = set()
    for table, who in WHO_OF.items():
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        for value in frame[who].dropna().astype(str):
            if value.startswith(ANONYMOUS_PREFIX):
                tags.add(value[len(ANONYMOUS_PREFIX):len(ANONYMOUS_PREFIX) + 4])
    return tags


def new_round(plan: Plan, kind: str, top: int | None = None, dots: int | None = None,
              now: dt.datetime | None = None) -> Round:
    """A round of ``kind`` on the plan's needs as they are now.

    ``top``: how many needs of the final priority order a ``usg`` or ``pairwise`` round
    takes (default 5 and 4: 10 and 6 judgements per phone). ``dots``: dots per phone in
    a ``dots`` round (default about one per 4-5 needs). Raises ``ValueError`` for an
    unknown kind; a plan with too few needs gives a round with nothing to vote on
    (callers check :attr:`Round.items`).
    """
    from rtplan.needs import pair_schedule, suggested_dots, top_needs
    from rtplan.room.codes import new_round_key

    if kind not in KINDS:
        raise ValueError(kind)
    if kind == "dots":
        needs = plan["needs"]
        items = tuple((str(i), str(ti)) for i, ti in zip(needs["need_id"], needs["title"]))
    else:
        n = max(2, min(MAX_TOP, int(top or DEFAULT_TOP[kind])))
        items = tuple(top_needs(plan, n))
    pairs = tuple(pair_schedule([i for i, _ in items])) if kind == "pairwise" else ()
    n_dots = max(1, min(MAX_DOTS, int(dots or suggested_dots(len(items))))) if kind == "dots" else 0
    taken = _used_tags(plan.tables)
    tag = secrets.token_hex(2)
    while tag in taken:
        tag = secrets.token_hex(2)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    return Round(secrets.token_hex(6), tag, kind, items, pairs, n_dots, stamp, new_round_key())


def _int(text: object) -> int | None:
    """A small whole number typed in ASCII digits (``"3"``), else None.

    ``str.isdigit`` is true for superscripts and other scripts' digits (``"²"``, ``"٣"``)
    that ``int`` cannot read or reads another way: only 0-9 count here.
    """
    raw = str(text or "").strip()
    return int(raw) if raw.isascii() and raw.isdecimal() and len(raw) <= 3 else None


def read_ballot(rnd: Round, form: Mapping[str, str], lang: str) -> Ballot:
    """The phone's form fields -> a :class:`Ballot`, or :class:`BallotError` naming what to fix.

    Fields are numbered, never named by an id: dots ``d1..dN``; USG ``u1, s1, g1 ...``;
    pairwise ``p1..pN`` with ``a``, ``b`` or ``seri``.
    """
    problems: list[str] = []
    if rnd.kind == "dots":
        got: dict[str, int] = {}
        for i, (need, title) in enumerate(rnd.items, 1):
            raw = form.get(f"d{i}", "")
            value = _int(raw) if str(raw).strip() else 0
            if value is None or value > rnd.dots:
                problems.append(t("room.err.dots_bad", lang, title=title, max=rnd.dots))
            elif value:
                got[need] = value
        used = sum(got.values())
        if not problems and used > rnd.dots:
            problems.append(t("room.err.dots_over", lang, used=used, max=rnd.dots))
        if not problems and used == 0:
            problems.append(t("room.err.dots_none", lang, max=rnd.dots))
        if problems:
            raise BallotError(problems)
        return Ballot("dots", dots=got)
    if rnd.kind == "usg":
        scores: dict[str, tuple[int, int, int]] = {}
        for i, (need, title) in enumerate(rnd.items, 1):
            values = [_int(form.get(f"{c}{i}", "")) for c in "usg"]
            if any(v is None or not 1 <= v <= 5 for v in values):
                problems.append(t("room.err.usg_missing", lang, title=title))
                continue
            u, s, g = (int(v or 0) for v in values)
            scores[need] = (u, s, g)
        if problems:
            raise BallotError(problems)
        return Ballot("usg", usg=scores)
    judged: dict[tuple[str, str], str] = {}
    for i, (a, b) in enumerate(rnd.pairs, 1):
        choice = str(form.get(f"p{i}", "")).strip().lower()
        if choice not in ("a", "b", TIE):
            problems.append(t("room.err.pair_missing", lang, n=i, a=rnd.title(a), b=rnd.title(b)))
            continue
        judged[(a, b)] = a if choice == "a" else b if choice == "b" else TIE
    if problems:
        raise BallotError(problems)
    return Ballot("pairwise", pairwise=judged)


def ballot_rows(ballot: Ballot, who: str) -> list[dict[str, object]]:
    """The rows one ballot adds to its table, under the anonymous id ``who``."""
    if ballot.kind == "dots":
        return [{"need_id": n, "participant_id": who, "dots": d} for n, d in ballot.dots.items()]
    if ballot.kind == "usg":
        return [{"need_id": n, "scorer": who, "urgency": u, "seriousness": s, "growth": g}
                for n, (u, s, g) in ballot.usg.items()]
    return [{"need_a": a, "need_b": b, "winner": w, "participant_id": who} for (a, b), w in ballot.pairwise.items()]


def with_ballots(frame: pd.DataFrame, ballots: Iterable[tuple[str, Ballot]]) -> pd.DataFrame:
    """``frame`` (the round's table) with the rows of ``ballots`` (``(anonymous id, ballot)``) appended."""
    rows = [row for who, ballot in ballots for row in ballot_rows(ballot, who)]
    if not rows:
        return frame
    added = pd.DataFrame(rows, columns=list(frame.columns))
    return pd.concat([frame.astype("object"), added.astype("object")], ignore_index=True)


def round_ids(tables: Mapping[str, pd.DataFrame], rnd: Round) -> set[str]:
    """The anonymous ids of the ballots of ``rnd`` saved in the plan."""
    frame = tables.get(rnd.table)
    if frame is None or frame.empty:
        return set()
    who = frame[WHO_OF[rnd.table]].dropna().astype(str)
    return set(who[who.str.startswith(rnd.prefix)])


def new_anonymous_id(rnd: Round, taken: set[str]) -> str:
    """A ballot id of ``rnd`` not in ``taken`` (``anon-<tag>`` + 4 random hex digits)."""
    while True:
        who = f"{rnd.prefix}{secrets.token_hex(2)}"
        if who not in taken:
            return who


@dataclass(frozen=True)
class TallyRow:
    need_id: str
    title: str
    value: float
    """dots: the dots; usg: the mean total; pairwise: wins + half the ties."""
    detail: str
    """dots: ``""``; usg: ``U 4,2 · S 3,8 · G 3,1``; pairwise: ``3 menang, 1 seri``."""


@dataclass(frozen=True)
class Tally:
    kind: str
    voted: int
    rows: tuple[TallyRow, ...]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "voted": self.voted,
                "rows": [{"need_id": r.need_id, "title": r.title, "value": r.value, "detail": r.detail}
                         for r in self.rows]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Tally:
        return cls(str(data["kind"]), int(data["voted"]),
                   tuple(TallyRow(str(r["need_id"]), str(r["title"]), float(r["value"]), str(r["detail"]))
                         for r in data["rows"]))


def _num(value: float, lang: str) -> str:
    from rtplan.fmt import format_number

    return format_number(round(value, 1), lang, decimals=0 if float(value).is_integer() else 1)


def tally(tables: Mapping[str, pd.DataFrame], rnd: Round, lang: str) -> Tally:
    """The round's result from its rows in the plan: how many phones voted and each need's score, best first."""
    frame = tables.get(rnd.table)
    who_col = WHO_OF[rnd.table]
    if frame is None or frame.empty:
        mine = pd.DataFrame(columns=[c.name for c in TABLES[rnd.table].columns])
    else:
        mine = frame[frame[who_col].astype("string").fillna("").str.startswith(rnd.prefix)]
    voted = int(mine[who_col].nunique()) if len(mine) else 0
    rows: list[TallyRow] = []
    if rnd.kind == "dots":
        sums = {str(n): int(d) for n, d in mine.groupby(mine["need_id"].astype(str))["dots"].sum().items()}
        rows = [TallyRow(n, ti, float(sums.get(n, 0)), "") for n, ti in rnd.items]
    elif rnd.kind == "usg":
        for n, ti in rnd.items:
            part = mine[mine["need_id"].astype(str) == n]
            if part.empty:
                rows.append(TallyRow(n, ti, 0.0, ""))
                continue
            means = [float(part[c].astype(float).mean()) for c in CRITERIA]
            detail = t("room.tally.usg_detail", lang, u=_num(means[0], lang), s=_num(means[1], lang),
                       g=_num(means[2], lang))
            rows.append(TallyRow(n, ti, sum(means), detail))
    else:
        wins = {n: 0 for n, _ in rnd.items}
        ties = {n: 0 for n, _ in rnd.items}
        for a, b, w in zip(mine["need_a"].astype(str), mine["need_b"].astype(str), mine["winner"].astype(str)):
            if w == TIE:
                for n in (a, b):
                    if n in ties:
                        ties[n] += 1
            elif w in wins:
                wins[w] += 1
        rows = [TallyRow(n, ti, wins[n] + ties[n] / 2, t("room.tally.pair_detail", lang, wins=wins[n], ties=ties[n]))
                for n, ti in rnd.items]
    order = sorted(range(len(rows)), key=lambda i: (-rows[i].value, i))
    return Tally(rnd.kind, voted, tuple(rows[i] for i in order))


def tally_lines(result: Tally, lang: str) -> Sequence[str]:
    """The tally as plain lines (the CLI and logs): ``1. Judul - 12``."""
    return [f"{i}. {r.title} - {_num(r.value, lang)}" + (f" ({r.detail})" if r.detail else "")
            for i, r in enumerate(result.rows, 1)]
