"""Scoring one resource for one need: the four parts, the reason, and why it is dropped.

The formula (skills 0-50 + field 0-20 + time 0-20 + cost 0-10) is explained in
:mod:`rtplan.resources`; :func:`score_pair` scores one pair, and
:func:`rtplan.resources.matching.match_needs` scores every pair of a plan with the
per-need and per-resource work done once (:class:`NeedWords`, :class:`ResourceWords`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rtplan.availability import Availability, parse_availability
from rtplan.fmt import format_idr
from rtplan.messages import normalize_lang, t
from rtplan.resources.labels import FIELD_LABELS
from rtplan.resources.results import MatchSettings, Scored, ScoreParts
from rtplan.resources.stemming import AUDIENCE_WORDS, MIN_ROOT, content, words, words_of
from rtplan.schema import split_list
from rtplan.tables import is_missing

CATEGORY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "ekonomi": ("jahit", "masak", "usaha", "pasar", "koperasi", "modal", "jual", "dagang", "umkm", "katering",
                "kemasan", "olahan", "simpan pinjam", "titip jual", "warung", "sembako", "kerajinan", "produk",
                "penghasilan", "sablon", "kue"),
    "kesehatan": ("posyandu", "puskesmas", "kader", "bidan", "periksa", "sehat", "balita", "lansia", "gizi",
                  "timbang", "tensimeter", "obat", "dokter", "perawat", "oralit", "kaporit", "toga", "air bersih",
                  "sanitasi", "stunting", "phbs"),
    "pendidikan": ("ajar", "guru", "les", "baca", "tulis", "hitung", "matematika", "sekolah", "komputer",
                   "laptop", "ketik", "internet", "kelas", "buku", "didik", "latih", "kursus", "perpustakaan"),
    "lingkungan": ("sampah", "bersih", "kerja bakti", "gotong royong", "saluran", "selokan", "got", "keruk",
                   "hijau", "tanam", "kebun", "lahan", "bank sampah", "kompos", "pilah", "air hujan", "pohon",
                   "bibit", "banjir", "tandon"),
    "infrastruktur": ("listrik", "lampu", "paving", "jalan", "saluran", "gorong", "pompa", "las", "tukang",
                      "bangun", "perbaikan", "semen", "talang", "tandon", "pipa", "pertukangan"),
    "sosial-budaya": ("pemuda", "remaja", "acara", "olahraga", "seni", "hadroh", "rebana", "kaji", "arisan",
                      "tradisi", "budaya", "kumpul", "silaturahmi", "ruang pertemuan", "taklim", "karang taruna"),
    "keamanan": ("ronda", "aman", "evakuasi", "siaga", "perahu", "pelampung", "renang", "posko", "ungsi",
                 "data", "lapor", "darurat", "jaga", "pos ronda"),
}
"""Keywords (Indonesian roots or phrases) that show a resource serves a need category."""

CATEGORY_AFFINITY: dict[str, tuple[str, ...]] = {
    "ekonomi": ("ekonomi", "individu", "asosiasi"),
    "kesehatan": ("institusi", "asosiasi", "alam"),
    "pendidikan": ("individu", "institusi", "fisik"),
    "lingkungan": ("alam", "budaya", "asosiasi", "institusi"),
    "infrastruktur": ("fisik", "individu", "institusi"),
    "sosial-budaya": ("budaya", "asosiasi", "fisik"),
    "keamanan": ("asosiasi", "fisik", "individu"),
}
"""ABCD categories that usually serve each need category (5 points of the field part)."""

_NOT_AVAILABLE = re.compile(r"\b(tidak|belum|tak|sedang tidak)\s+(tersedia|bisa|ada|aktif)\b|\bcuti\b|"
                            r"\bnot available\b|\bunavailable\b")


@lru_cache(maxsize=4096)
def _field_keywords(category: str, resource_words: tuple[str, ...]) -> tuple[str, ...]:
    found = words_of(resource_words)
    return tuple(k for k in CATEGORY_KEYWORDS.get(category, ()) if found.has_phrase(k))


def cell_text(value: object) -> str:
    """A cell as text (``""`` when missing)."""
    return "" if is_missing(value) else str(value)


def _cost(value: object) -> int:
    return 0 if is_missing(value) else int(value)  # type: ignore[call-overload]


def _who(resource: Mapping[str, Any]) -> str:
    holder = cell_text(resource.get("holder")).strip()
    if resource.get("category") == "individu" and holder:
        return holder
    return cell_text(resource.get("name")).strip()


def activity_time(text: str) -> Availability | None:
    """The activity time of :attr:`MatchSettings.when`, or ``None`` for "any time".

    Empty or unreadable text (nothing in it names a day or part of the day) means any
    time; the board and ``rtplan match`` refuse unreadable text before it gets here.
    """
    parsed = parse_availability(text) if text and text.strip() else None
    if parsed is None or parsed.always or not parsed.slots:
        return None
    return parsed


def when_is_readable(text: str) -> bool:
    """Can :func:`activity_time` read ``text`` (empty counts as readable: any time)?"""
    if not text or not text.strip():
        return True
    parsed = parse_availability(text)
    return (parsed.always or bool(parsed.slots)) and not parsed.unknown


def is_unavailable(resource: Mapping[str, Any], when: Availability | None = None) -> bool:
    """Is this resource unavailable: says so, has no capacity, or misses the activity time?

    ``when`` is the parsed activity time (``None``: any time). Availability text that
    cannot be read never makes a resource unavailable.
    """
    text = cell_text(resource.get("availability"))
    if _NOT_AVAILABLE.search(text.lower()):
        return True
    if not is_missing(resource.get("capacity")) and int(resource["capacity"]) == 0:
        return True
    if when is None or when.always:
        return False
    own = parse_availability(text)
    if own.always or not own.slots:
        return False
    return not (own.slots & when.slots)


def _time_points(resource: Mapping[str, Any]) -> tuple[int, bool]:
    own = parse_availability(resource.get("availability"))
    if own.always or own.slots:
        return 20, True
    return 10, False


def _cost_points(cost: int, limit: int | None) -> int:
    if cost <= 0:
        return 10
    if not limit:
        return 5
    return max(0, math.floor(5 * (1 - cost / limit) + 0.5))


def _is_audience(tag: str) -> bool:
    parts = content(tag)
    return bool(parts) and all(p in AUDIENCE_WORDS for p in parts)


@dataclass(frozen=True)
class NeedWords:
    """What scoring reads from a need, worked out once per need."""

    words: tuple[str, ...]
    category: str

    @classmethod
    def of(cls, need: Mapping[str, Any]) -> NeedWords:
        return cls(tuple(content(f"{cell_text(need.get('title'))} {cell_text(need.get('description'))}")),
                   cell_text(need.get("category")))


@dataclass(frozen=True)
class ResourceWords:
    """What scoring reads from a resource, worked out once per resource."""

    row: Mapping[str, Any]
    tags: tuple[str, ...]
    audience: frozenset[str]
    free_words: tuple[str, ...]
    all_words: tuple[str, ...]
    category: str
    time_points: int
    readable: bool
    cost: int

    @classmethod
    def of(cls, resource: Mapping[str, Any]) -> ResourceWords:
        tags = tuple(split_list(resource.get("tags")))
        text = f"{cell_text(resource.get('name'))} {cell_text(resource.get('description'))}"
        time_points, readable = _time_points(resource)
        return cls(resource, tags, frozenset(t for t in tags if _is_audience(t)), tuple(content(text)),
                   (*words(" ; ".join(tags)), "", *words(text)), cell_text(resource.get("category")),
                   time_points, readable, _cost(resource.get("cost_idr")))


def score_pair(
    need: Mapping[str, Any],
    resource: Mapping[str, Any],
    settings: MatchSettings | None = None,
    limit: int | None = None,
    lang: str = "id",
    ignore: frozenset[str] = frozenset(),
) -> Scored:
    """Score one resource for one need (the formula is in :mod:`rtplan.resources`).

    Parameters
    ----------
    need, resource : one row of ``needs`` and of ``resources`` (a Series or a dict).
    settings : activity time and thresholds (:class:`MatchSettings`).
    limit : the cost limit in Rupiah (``None``: no limit); see :func:`rtplan.resources.matching.cost_limit`.
    lang : language of the reason.
    ignore : words never counted as shared description words
        (see :func:`rtplan.resources.stemming.place_words`).
    """
    settings = settings or MatchSettings()
    return score_words(NeedWords.of(need), ResourceWords.of(resource), settings, activity_time(settings.when),
                       limit, normalize_lang(lang), ignore)


def score_words(need: NeedWords, res: ResourceWords, settings: MatchSettings, when: Availability | None,
                limit: int | None, lang: str, ignore: frozenset[str]) -> Scored:
    """:func:`score_pair` on words worked out beforehand (what :func:`match_needs` calls)."""
    need_words = words_of(need.words)
    tag_hits = [tag for tag in res.tags if (tag_words := content(tag)) and all(need_words.has(p) for p in tag_words)]
    strong = [tag for tag in tag_hits if tag not in res.audience]
    weak = [tag for tag in tag_hits if tag in res.audience]
    # words of the name/description shared with the need, beyond what the tags already say
    said = [w for tag in tag_hits for w in content(tag)]
    word_hits: list[str] = []
    desc_need = words_of(tuple(w for w in need.words if len(w) >= MIN_ROOT and w not in ignore))
    for w in res.free_words:
        if len(w) < MIN_ROOT or w in ignore or w in AUDIENCE_WORDS:
            continue
        if desc_need.has(w) and not words_of(tuple(said + word_hits)).has(w):
            word_hits.append(w)
    skill = min(50, 25 * len(strong) + 10 * (len(weak) + len(word_hits)))
    keywords = _field_keywords(need.category, res.all_words)
    field_points = min(20, 10 * len(keywords))
    if keywords and res.category in CATEGORY_AFFINITY.get(need.category, ()):
        field_points = min(20, field_points + 5)
    parts = ScoreParts(skill, field_points, res.time_points, _cost_points(res.cost, limit))
    dropped: str | None = None
    if parts.fit == 0 or parts.fit < settings.min_fit:
        dropped = "no_fit"
    elif is_unavailable(res.row, when):
        dropped = "unavailable"
    elif limit is not None and res.cost > limit:
        dropped = "too_costly"
    skills = tuple(strong) + tuple(weak) + tuple(word_hits)
    reason = _reason(res.row, strong + weak, word_hits, keywords, need.category, res.readable, res.cost, lang)
    return Scored(parts, skills, keywords, reason, dropped)


def _reason(resource: Mapping[str, Any], tag_hits: Sequence[str], word_hits: Sequence[str], keywords: Sequence[str],
            category: str, readable: bool, cost: int, lang: str) -> str:
    who = _who(resource)
    if tag_hits:
        head = t("res.reason.skills", lang, who=who, skills=", ".join(tag_hits))
    elif word_hits:
        head = t("res.reason.words", lang, who=who, words=", ".join(word_hits[:3]))
    elif not keywords:
        head = who
    else:
        field_name = t(FIELD_LABELS[category], lang) if category in FIELD_LABELS else category
        head = t("res.reason.field", lang, who=who, field=field_name, words=", ".join(keywords[:3]))
    bits = [head]
    availability = cell_text(resource.get("availability")).strip()
    if availability and readable:
        bits.append(", ".join(split_list(availability)))
    elif availability:
        bits.append(t("res.reason.time_unknown", lang))
    bits.append(t("res.reason.free", lang) if cost <= 0 else t("res.reason.cost", lang, cost=format_idr(cost, lang)))
    return ", ".join(bits)

