"""Step 2's typed results: settings, score parts, matches, gaps and the whole result.

:func:`rtplan.resources.matching.match_needs` returns a :class:`MatchResult`; the
views (:mod:`rtplan.views.resources`) turn it into the tables people read, and a
notebook cell that ends with a result shows its matching table (the formatter of
:mod:`rtplan.ui.display`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rtplan.messages import t
from rtplan.resources.labels import PART_LABELS, PARTNER_LABELS


@dataclass(frozen=True)
class MatchSettings:
    """What counts as a usable resource when matching.

    Attributes
    ----------
    when : the time the activities need, as availability words (``"akhir pekan"``,
        ``"Sabtu pagi;Minggu pagi"``). A resource whose readable availability shares no
        weekday and part of the day with it is *unavailable* and not suggested.
        Empty (the default) or unreadable: any time.
    max_cost_idr : a resource costing more than this (whole Rupiah) is *too costly* and
        not suggested. ``None`` (the default): the total of the plan's ``funds.csv``;
        no limit when that table is empty.
    min_fit : the least skill + field points a suggestion needs (default 20: one
        matching tag, two words of the need in the resource's description, or two
        keywords of the need's field).
    per_need : at most this many suggestions per need (decided pairs are always kept).
    """

    when: str = ""
    max_cost_idr: int | None = None
    min_fit: int = 20
    per_need: int = 5


@dataclass(frozen=True)
class ScoreParts:
    """The four parts of a match score (see the module docstring)."""

    skill: int = 0
    field: int = 0
    time: int = 0
    cost: int = 0

    @property
    def total(self) -> int:
        return self.skill + self.field + self.time + self.cost

    @property
    def fit(self) -> int:
        """Skill plus field: how well the resource fits the need, whatever its time and cost."""
        return self.skill + self.field

    def describe(self, lang: str = "id") -> str:
        """``keahlian 50 + bidang 20 + waktu 20 + biaya 10 = 100``."""
        parts = [f"{t(PART_LABELS[name], lang)} {getattr(self, name)}" for name in ("skill", "field", "time", "cost")]
        return " + ".join(parts) + f" = {self.total}"

    def as_dict(self) -> dict[str, int]:
        return {"skill": self.skill, "field": self.field, "time": self.time, "cost": self.cost}


SCORE_FORMULA = {
    "id": "keahlian (0-50) + bidang (0-20) + waktu (0-20) + biaya (0-10)",
    "en": "skills (0-50) + field (0-20) + time (0-20) + cost (0-10)",
}


@dataclass(frozen=True)
class Scored:
    """One resource scored for one need (:func:`score_pair`).

    ``skills``: the resource's tags (then name/description words) that match the need's
    own words; ``keywords``: keywords of the need's field found in the resource;
    ``reason``: one line for people; ``dropped``: ``None`` or why it is not suggested:
    ``"no_fit"``, ``"unavailable"`` or ``"too_costly"``.
    """

    parts: ScoreParts
    skills: tuple[str, ...]
    keywords: tuple[str, ...]
    reason: str
    dropped: str | None


@dataclass(frozen=True)
class Match:
    """One resource suggested for (or decided on) one need.

    ``decision`` is ``"diterima"``, ``"ditolak"`` or ``None`` (a suggestion not yet
    decided). ``reason`` is the facilitator's stored reason when there is one, otherwise
    the computed one (``computed_reason``). ``dropped`` says why a decided pair would no
    longer be suggested (see :class:`Scored`), ``None`` otherwise. ``priority`` is the
    need's place in the priority order (1 = most important).
    """

    need_id: str
    resource_id: str
    priority: int
    score: int
    parts: ScoreParts
    skills: tuple[str, ...]
    keywords: tuple[str, ...]
    reason: str
    computed_reason: str
    decision: str | None = None
    note: str = ""
    dropped: str | None = None

    @property
    def confirmed(self) -> bool | None:
        """``True`` accepted, ``False`` rejected, ``None`` not decided."""
        return None if self.decision is None else self.decision == "diterima"


@dataclass(frozen=True)
class Gap:
    """A need with no accepted resource, and whom to ask.

    ``status``: ``"none"`` (nothing suggested), ``"open"`` (suggestions not decided yet)
    or ``"rejected"`` (every suggestion rejected). ``partners`` are keys of
    :data:`rtplan.resources.gaps.PARTNERS`; ``institutions`` are names from the plan's institution diagram of
    those kinds, closest first.
    """

    need_id: str
    title: str
    category: str
    priority: int
    status: str
    open_suggestions: int
    partners: tuple[str, ...]
    institutions: tuple[str, ...] = ()

    def partner_labels(self, lang: str = "id") -> list[str]:
        return [t(PARTNER_LABELS[p], lang) for p in self.partners]


@dataclass(frozen=True)
class MatchResult:
    """Matches (suggested and decided) per need in priority order, and the gaps.

    ``need_titles`` and ``resource_names`` (id -> text) let the result show itself
    without the plan: in a notebook it is the matching table
    (:func:`rtplan.views.resources.matches_view`, shown by :mod:`rtplan.ui.display`).
    """

    matches: tuple[Match, ...]
    gaps: tuple[Gap, ...]
    settings: MatchSettings
    cost_limit: int | None
    order: tuple[str, ...]
    lang: str = "id"
    need_titles: Mapping[str, str] = field(default_factory=dict, repr=False)
    resource_names: Mapping[str, str] = field(default_factory=dict, repr=False)

    def for_need(self, need_id: str) -> list[Match]:
        return [m for m in self.matches if m.need_id == need_id]

