"""Step 2: resources and assets (ABCD), matching them to the prioritised needs, gaps,
and the institution diagram (diagram Venn kelembagaan).

Asset-Based Community Development (McKnight and Kretzmann) starts from what residents
already have: people's skills, their groups, institutions, physical, economic,
cultural and natural assets. This module holds the pure functions of the step; the
panels (:mod:`rtplan.ui.resources`), the chart module and ``rtplan match`` call them.

Matching, in short
------------------
For every need (in priority order) each resource gets a score from 0 to 100, the sum
of four parts that are always shown:

* **keahlian / skills** (0-50): the need's own words (title and description) found in
  the resource's tags: 25 per matching tag; words found only in the resource's name or
  description: 10 each (place names such as "Melati" in "Gang Melati" do not count,
  :func:`place_words`).
* **bidang / field** (0-20): keywords of the need's category (:data:`CATEGORY_KEYWORDS`,
  e.g. kesehatan -> posyandu, puskesmas, kader, periksa) found in the resource's tags,
  name or description: 10 each; plus 5 when the resource's ABCD category usually serves
  that field (:data:`CATEGORY_AFFINITY`), counted only with at least one keyword.
* **waktu / time** (0-20): 20 when the resource is available at the activity time
  (:attr:`MatchSettings.when`, any time when empty), 10 when its availability text
  cannot be read.
* **biaya / cost** (0-10): 10 when free; a paid resource gets 5, less as its cost
  nears the limit.

A resource is *not suggested* for a need when skill + field is under
:attr:`MatchSettings.min_fit` (20), when it is unavailable (its availability shares no
slot with ``when``, it says "tidak tersedia", or its capacity is 0), or when it costs
more than the limit (:func:`cost_limit`). A tag made only of words that say *for whom*
(lansia, balita, remaja: :data:`AUDIENCE_WORDS`) counts like a description word (10).
One matching skill tag (25) outweighs the whole field part (20), so an exact skill
beats a mere category fit. Ties keep the order of ``resources.csv``. Decisions stored
in ``matches.csv`` are always kept, whatever their score now.

Which needs, in which order: :func:`priority_order` (step 1's order when
:mod:`rtplan.needs` provides it, else ``priorities.csv`` then need id).

Words are compared by their Indonesian root, case-insensitively: common prefixes and
suffixes (me-, pe-, ber-, ke-...-an, -kan, -nya, with the nasal changes of meN-/peN-)
are tried off, so ``menjahit`` meets ``jahit`` and ``pemeriksaan`` meets ``periksa``.

Contacts never appear in anything this module returns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import pandas as pd

from rtplan.availability import Availability, parse_availability
from rtplan.fmt import format_idr
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schema import MATCH_DECISIONS, NEED_CATEGORIES, RESOURCE_CATEGORIES, TABLES, split_list
from rtplan.tables import is_missing

# -- documented constants ---------------------------------------------------------------

REMBUG_GROUPS = ("infrastruktur", "sosial", "budaya", "ekonomi")
"""The four potentials Semarang's Rembug Warga asks the Ketua RT to report."""

ABCD_TO_REMBUG: dict[str, str] = {
    "individu": "sosial",  # residents' skills: human resources (SDM) count as social potential
    "asosiasi": "sosial",  # PKK, Karang Taruna, posyandu, majelis taklim
    "institusi": "sosial",  # kelurahan, puskesmas, schools: institutional (kelembagaan) potential
    "fisik": "infrastruktur",  # halls, equipment, roads
    "alam": "infrastruktur",  # land, water, trees: the physical environment
    "ekonomi": "ekonomi",  # shops, cooperatives, small businesses
    "budaya": "budaya",  # traditions, arts, kerja bakti
}
"""Crosswalk from the ABCD categories to the Rembug Warga grouping (one group each)."""

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

PARTNERS: dict[str, tuple[str, ...]] = {
    "ekonomi": ("kelurahan", "dinas_koperasi", "csr", "baznas", "dinas_sosial", "perguruan_tinggi", "ngo"),
    "kesehatan": ("puskesmas", "kelurahan", "dinas_kesehatan", "pmi", "csr", "baznas"),
    "pendidikan": ("sekolah", "perguruan_tinggi", "dinas_pendidikan", "ngo", "csr", "baznas"),
    "lingkungan": ("kelurahan", "dinas_lingkungan", "bank_sampah", "ngo", "csr", "perguruan_tinggi"),
    "infrastruktur": ("kelurahan", "musrenbang", "dinas_pu", "csr"),
    "sosial-budaya": ("kelurahan", "dinas_pemuda", "tempat_ibadah", "baznas", "perguruan_tinggi", "ngo"),
    "keamanan": ("kelurahan", "bhabinkamtibmas", "bpbd", "pmi", "ngo"),
}
"""Kinds of partner to approach when a need of a category has no resource (message keys
``res.partner.<key>``), most usual first."""

PARTNER_WORDS: dict[str, tuple[str, ...]] = {
    "bank_sampah": ("bank sampah",),
    "puskesmas": ("puskesmas", "klinik", "posyandu"),
    "bpbd": ("bpbd", "penanggulangan bencana"),
    "pmi": ("pmi", "palang merah"),
    "baznas": ("baznas", "zakat", "laznas"),
    "dinas_kesehatan": ("dinas kesehatan", "dinkes"),
    "dinas_koperasi": ("dinas koperasi", "diskop"),
    "dinas_pendidikan": ("dinas pendidikan", "disdik"),
    "dinas_lingkungan": ("dinas lingkungan", "dlh"),
    "dinas_pu": ("dinas pekerjaan umum", "dpu", "pupr", "sumber daya air"),
    "dinas_pemuda": ("dispora", "kepemudaan", "kebudayaan"),
    "dinas_sosial": ("dinas sosial", "dinsos"),
    "bhabinkamtibmas": ("bhabinkamtibmas", "babinsa", "polsek", "koramil"),
    "perguruan_tinggi": ("universitas", "kampus", "institut", "politeknik", "kkn", "sekolah tinggi"),
    "sekolah": ("sekolah", "sd", "smp", "sma", "smk", "madrasah", "mts"),
    "tempat_ibadah": ("masjid", "musholla", "mushola", "gereja", "pura", "vihara", "klenteng", "dkm", "majelis"),
    "ngo": ("yayasan", "lsm", "ngo"),
    "csr": ("pt", "csr", "tbk", "persero"),
    "musrenbang": ("musrenbang",),
    "kelurahan": ("kelurahan", "desa"),
}
"""Words that mark an institution of the plan (institutions.csv) as a partner of that kind."""

# words that say nothing about a skill (never matched between a need and a resource)
STOPWORDS = frozenset("""
ada adalah agar akan aktif anak antara atas atau bagi bagian bahwa banyak baru bawah beberapa belum berapa
bersama besar biasanya bila bisa buat bulan cukup dalam dan dapat dari daripada dekat dengan di dua empat enam
hanya hari harus hidup ini itu jadi jarang juga kali kalau kami karena ke kecil kembali kepada ketika kita kurang
lagi lain lalu lama lebih luar maka malam mana masih masing mati mereka minggu mulai namun oleh orang pada pagi
para per perlu pernah saat saja salah sama sampai satu sebagai sebelum secara sedang sehingga sejak sekitar
selama seluruh semua sendiri sepanjang seperti sering setelah setiap siang sore sudah supaya tahun tanpa tapi
telah tempat tentang terjadi tetapi tidak tiga tiap untuk waktu yaitu yang gang warga rumah rt rw ibu bapak pak
bu saya ingin punya seorang sebagian tersebut hingga sana sini siap bersedia diajukan baik
""".split())

AUDIENCE_WORDS = frozenset("""
lansia balita anak remaja pemuda ibu bapak perempuan laki warga keluarga tua muda bayi hamil disabilitas
rentan penghuni
""".split())
"""Words that say *for whom*, not *what*: a tag made only of them counts as a plain word (10)."""

_NOT_AVAILABLE = re.compile(r"\b(tidak|belum|tak|sedang tidak)\s+(tersedia|bisa|ada|aktif)\b|\bcuti\b|"
                            r"\bnot available\b|\bunavailable\b")

# Indonesian affixes tried off when comparing words (see module docstring)
_SUFFIXES = ("kannya", "annya", "nya", "kan", "an")
_PREFIXES = ("memper", "diper", "menge", "penge", "meng", "meny", "peng", "peny", "mem", "men", "pem", "pen",
             "ber", "bel", "ter", "per", "pel", "me", "pe", "di", "ke", "be")
_NASAL = {"mem": "p", "pem": "p", "men": "t", "pen": "t", "meng": "k", "peng": "k", "meny": "s", "peny": "s"}
_MIN_ROOT = 4


# -- words -----------------------------------------------------------------------------

def words(text: object) -> list[str]:
    """The lower-case words of a text (letters and digits; ``ibu-ibu`` gives two)."""
    if is_missing(text):
        return []
    return re.findall(r"[a-z0-9]+", str(text).lower().replace("'", ""))


@lru_cache(maxsize=8192)
def roots(word: str) -> frozenset[str]:
    """The forms a word may have once Indonesian affixes are taken off (the word itself too).

    >>> "jahit" in roots("menjahit") and "periksa" in roots("pemeriksaan")
    True
    """
    word = word.lower()
    found = {word}
    for suffix in ("", *_SUFFIXES):
        if suffix and not word.endswith(suffix):
            continue
        base = word[: len(word) - len(suffix)] if suffix else word
        if len(base) < _MIN_ROOT:
            continue
        if suffix:
            found.add(base)
        for prefix in _PREFIXES:
            if not base.startswith(prefix):
                continue
            rest = base[len(prefix):]
            if len(rest) >= _MIN_ROOT:
                found.add(rest)
            if prefix in _NASAL and rest[:1] in "aeiou" and len(rest) + 1 >= _MIN_ROOT:
                found.add(_NASAL[prefix] + rest)
    return frozenset(found)


def same_word(a: str, b: str) -> bool:
    """Do two words share a root (``menjahit`` / ``penjahit`` / ``jahit``)?"""
    return a == b or bool(roots(a) & roots(b))


def _content(text: object) -> list[str]:
    return [w for w in words(text) if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()]


@dataclass(frozen=True)
class _Words:
    """A text's words with their roots, for fast "is this word (or phrase) in it" checks."""

    items: tuple[str, ...]
    each: tuple[frozenset[str], ...]
    union: frozenset[str]

    def has(self, word: str) -> bool:
        return bool(roots(word) & self.union)

    def has_phrase(self, phrase: str) -> bool:
        parts = words(phrase)
        if not parts or not all(self.has(p) for p in parts):
            return False
        n = len(parts)
        return any(all(roots(p) & self.each[i + k] for k, p in enumerate(parts))
                   for i in range(len(self.items) - n + 1))


@lru_cache(maxsize=4096)
def _words_of(items: tuple[str, ...]) -> _Words:
    each = tuple(roots(w) for w in items)
    return _Words(items, each, frozenset().union(*each) if each else frozenset())


def _phrase_in(phrase: str, text_words: Sequence[str]) -> bool:
    """Does a (one- or multi-word) phrase occur in ``text_words``, word by word?"""
    return _words_of(tuple(text_words)).has_phrase(phrase)


@lru_cache(maxsize=4096)
def _field_keywords(category: str, resource_words: tuple[str, ...]) -> tuple[str, ...]:
    found = _words_of(resource_words)
    return tuple(k for k in CATEGORY_KEYWORDS.get(category, ()) if found.has_phrase(k))


# -- priorities -----------------------------------------------------------------------

def priority_order(plan: Plan) -> list[str]:
    """Every need id once, most important first.

    Step 1's :func:`rtplan.needs.priority_order`; needs it leaves out follow by need id.
    """
    from rtplan.needs import priority_order as step1_order

    order = [str(n) for n in step1_order(plan)]
    needs = [str(n) for n in plan["needs"]["need_id"] if not is_missing(n)]
    known = set(needs)
    seen: set[str] = set()
    out = []
    for n in order + sorted(needs):
        if n in known and n not in seen:
            seen.add(n)
            out.append(n)
    return out


# -- matching -----------------------------------------------------------------------------

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
        parts = [f"{t('res.part.' + name, lang)} {getattr(self, name)}" for name in ("skill", "field", "time", "cost")]
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
    :data:`PARTNERS`; ``institutions`` are names from the plan's institution diagram of
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
        return [t(f"res.partner.{p}", lang) for p in self.partners]


@dataclass(frozen=True)
class MatchResult:
    """Matches (suggested and decided) per need in priority order, and the gaps."""

    matches: tuple[Match, ...]
    gaps: tuple[Gap, ...]
    settings: MatchSettings
    cost_limit: int | None
    order: tuple[str, ...]
    lang: str = "id"

    def for_need(self, need_id: str) -> list[Match]:
        return [m for m in self.matches if m.need_id == need_id]


def cost_limit(plan: Plan, settings: MatchSettings) -> int | None:
    """The cost limit in force: the setting, else the total of ``funds.csv``, else none."""
    if settings.max_cost_idr is not None:
        return int(settings.max_cost_idr)
    funds = plan["funds"]["amount_idr"].dropna()
    total = int(funds.sum()) if len(funds) else 0
    return total or None


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def _cost(value: object) -> int:
    return 0 if is_missing(value) else int(value)  # type: ignore[call-overload]


def _who(resource: Mapping[str, Any]) -> str:
    holder = _text(resource.get("holder")).strip()
    if resource.get("category") == "individu" and holder:
        return holder
    return _text(resource.get("name")).strip()


def place_words(plan: Plan) -> frozenset[str]:
    """Names of places in the plan (capitalised words of locations and of the area).

    ``Melati`` in "Gang Melati" or ``Asri`` in "Kali Asri" says where, not what, so such
    words never count as a shared skill between a need and a resource's description.
    """
    texts = list(plan["needs"]["location"]) + list(plan["resources"]["location"])
    texts += [v for k, v in plan.area.items() if k not in ("rt", "rw")]
    found: set[str] = set()
    for text in texts:
        if is_missing(text):
            continue
        for token in re.findall(r"[A-Za-z0-9']+", str(text)):
            if token[:1].isupper():
                found.add(token.lower().replace("'", ""))
    return frozenset(found)


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
    text = _text(resource.get("availability"))
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
    parts = _content(tag)
    return bool(parts) and all(p in AUDIENCE_WORDS for p in parts)


@dataclass(frozen=True)
class _NeedView:
    """What scoring reads from a need, worked out once per need."""

    words: tuple[str, ...]
    category: str

    @classmethod
    def of(cls, need: Mapping[str, Any]) -> _NeedView:
        return cls(tuple(_content(f"{_text(need.get('title'))} {_text(need.get('description'))}")),
                   _text(need.get("category")))


@dataclass(frozen=True)
class _ResourceView:
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
    def of(cls, resource: Mapping[str, Any]) -> _ResourceView:
        tags = tuple(split_list(resource.get("tags")))
        text = f"{_text(resource.get('name'))} {_text(resource.get('description'))}"
        time_points, readable = _time_points(resource)
        return cls(resource, tags, frozenset(t for t in tags if _is_audience(t)), tuple(_content(text)),
                   tuple(words(" ; ".join(tags)) + [""] + words(text)), _text(resource.get("category")),
                   time_points, readable, _cost(resource.get("cost_idr")))


def score_pair(
    need: Mapping[str, Any],
    resource: Mapping[str, Any],
    settings: MatchSettings | None = None,
    limit: int | None = None,
    lang: str = "id",
    ignore: frozenset[str] = frozenset(),
) -> Scored:
    """Score one resource for one need (the formula is in the module docstring).

    Parameters
    ----------
    need, resource : one row of ``needs`` and of ``resources`` (a Series or a dict).
    settings : activity time and thresholds (:class:`MatchSettings`).
    limit : the cost limit in Rupiah (``None``: no limit); see :func:`cost_limit`.
    lang : language of the reason.
    ignore : words never counted as shared description words (see :func:`place_words`).
    """
    settings = settings or MatchSettings()
    return _score(_NeedView.of(need), _ResourceView.of(resource), settings, activity_time(settings.when),
                  limit, normalize_lang(lang), ignore)


def _score(need: _NeedView, res: _ResourceView, settings: MatchSettings, when: Availability | None,
           limit: int | None, lang: str, ignore: frozenset[str]) -> Scored:
    need_words = _words_of(need.words)
    tag_hits = [tag for tag in res.tags if (parts := _content(tag)) and all(need_words.has(p) for p in parts)]
    strong = [tag for tag in tag_hits if tag not in res.audience]
    weak = [tag for tag in tag_hits if tag in res.audience]
    # words of the name/description shared with the need, beyond what the tags already say
    said = [w for tag in tag_hits for w in _content(tag)]
    word_hits: list[str] = []
    desc_need = _words_of(tuple(w for w in need.words if len(w) >= _MIN_ROOT and w not in ignore))
    for w in res.free_words:
        if len(w) < _MIN_ROOT or w in ignore or w in AUDIENCE_WORDS:
            continue
        if desc_need.has(w) and not _words_of(tuple(said + word_hits)).has(w):
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
        field_name = t(f"res.field.{category}", lang) if category in NEED_CATEGORIES else category
        head = t("res.reason.field", lang, who=who, field=field_name, words=", ".join(keywords[:3]))
    bits = [head]
    availability = _text(resource.get("availability")).strip()
    if availability and readable:
        bits.append(", ".join(split_list(availability)))
    elif availability:
        bits.append(t("res.reason.time_unknown", lang))
    bits.append(t("res.reason.free", lang) if cost <= 0 else t("res.reason.cost", lang, cost=format_idr(cost, lang)))
    return ", ".join(bits)


_DECISION_ORDER = {"diterima": 0, None: 1, "ditolak": 2}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (missing cells as ``None``): much faster to read than Series."""
    return [{k: (None if is_missing(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


def match_needs(plan: Plan, settings: MatchSettings | None = None, lang: str | None = None) -> MatchResult:
    """Suggest resources for every need, merge the stored decisions, and list the gaps.

    Parameters
    ----------
    plan : the loaded plan (needs, resources, matches, priorities, funds, institutions).
    settings : activity time, cost limit, thresholds (:class:`MatchSettings`; the
        defaults are documented there).
    lang : language of the reasons (default: the plan's).

    Returns
    -------
    MatchResult
        ``matches``: for each need in priority order, the accepted resources, then the
        best suggestions not decided yet, then the rejected ones; within each, highest
        score first and ties in ``resources.csv`` order. ``gaps``: needs (not
        ``selesai``) with no accepted resource, with partners to approach.
    """
    settings = settings or MatchSettings()
    lang = normalize_lang(lang or plan.lang)
    limit = cost_limit(plan, settings)
    order = priority_order(plan)
    ignore = place_words(plan)
    when = activity_time(settings.when)
    needs = {str(r["need_id"]): _NeedView.of(r) for r in _records(plan["needs"])}
    resources = [_ResourceView.of(r) for r in _records(plan["resources"])]
    known = {str(r.row["resource_id"]) for r in resources}
    decided = {(str(r["need_id"]), str(r["resource_id"])): r for r in _records(plan["matches"])}
    matches: list[Match] = []
    for priority, need_id in enumerate(order, start=1):
        found: list[tuple[int, int, int, Match]] = []
        for pos, resource in enumerate(resources):
            rid = str(resource.row["resource_id"])
            stored = decided.get((need_id, rid))
            scored = _score(needs[need_id], resource, settings, when, limit, lang, ignore)
            if stored is None and scored.dropped:
                continue
            decision = None if stored is None else _text(stored["decision"]) or None
            stored_reason = "" if stored is None else _text(stored["reason"]).strip()
            match = Match(need_id, rid, priority, scored.parts.total, scored.parts, scored.skills, scored.keywords,
                          stored_reason or scored.reason, scored.reason, decision,
                          "" if stored is None else _text(stored["note"]), scored.dropped)
            found.append((_DECISION_ORDER.get(decision, 1), -match.score, pos, match))
        for (nid, rid), stored in decided.items():  # a decision on a resource no longer listed
            if nid == need_id and rid not in known:
                decision = _text(stored["decision"]) or None
                found.append((_DECISION_ORDER.get(decision, 1), 0, len(resources), Match(
                    nid, rid, priority, 0, ScoreParts(), (), (), _text(stored["reason"]), "", decision,
                    _text(stored["note"]), "no_fit")))
        found.sort(key=lambda item: item[:3])
        suggestions = 0
        for _, _, _, match in found:
            if match.decision is None:
                if suggestions >= settings.per_need:
                    continue
                suggestions += 1
            matches.append(match)
    result = MatchResult(tuple(matches), (), settings, limit, tuple(order), lang)
    return replace(result, gaps=tuple(find_gaps(plan, result)))


def find_gaps(plan: Plan, result: MatchResult) -> list[Gap]:
    """Needs (in priority order, not ``selesai``) without an accepted resource, with partners."""
    needs = {str(r["need_id"]): r for _, r in plan["needs"].iterrows()}
    institutions = plan["institutions"]
    gaps = []
    for priority, need_id in enumerate(result.order, start=1):
        need = needs[need_id]
        if _text(need["status"]) == "selesai":
            continue
        ms = result.for_need(need_id)
        if any(m.confirmed for m in ms):
            continue
        open_n = sum(1 for m in ms if m.decision is None)
        status = "open" if open_n else ("rejected" if ms else "none")
        category = _text(need["category"])
        partners = PARTNERS.get(category, ("kelurahan",))
        gaps.append(Gap(need_id, _text(need["title"]), category, priority, status, open_n, partners,
                        known_institutions(institutions, partners)))
    return gaps


def institution_kind(name: str) -> str | None:
    """The partner kind of an institution, from its name (first match in :data:`PARTNER_WORDS`)."""
    name_words = words(name)
    for kind, marks in PARTNER_WORDS.items():
        if any(_phrase_in(mark, name_words) for mark in marks):
            return kind
    return None


def known_institutions(institutions: pd.DataFrame, partners: Iterable[str]) -> tuple[str, ...]:
    """Names of the plan's institutions whose kind is one of ``partners``, closest first."""
    wanted = set(partners)
    found = []
    for pos, row in enumerate(institutions.itertuples(index=False)):
        if institution_kind(str(row.name)) in wanted:
            closeness = 0 if is_missing(row.closeness) else int(row.closeness)
            found.append((-closeness, pos, str(row.name)))
    return tuple(name for _, _, name in sorted(found))


# -- decisions -----------------------------------------------------------------------------

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


# -- tables for people -------------------------------------------------------------------

_PRIVATE_NUMBER = re.compile(r"(?<!\d)(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)|(?<!\d)\d{16}(?!\d)")


def mask_private(text: object, lang: str = "id") -> str:
    """``text`` with phone numbers and 16-digit NIKs replaced by ``[kontak disembunyikan]``.

    Reasons and notes are free text a facilitator types; a number typed there must not
    leave the plan folder either.
    """
    return _PRIVATE_NUMBER.sub(t("res.masked", lang), _text(text))


def public_resources(resources: pd.DataFrame) -> pd.DataFrame:
    """The resources without private columns (the contact)."""
    private = TABLES["resources"].private_columns
    return resources.drop(columns=[c for c in private if c in resources.columns])


def inventory(plan: Plan, lang: str | None = None) -> pd.DataFrame:
    """The asset inventory by ABCD category (schema order), contacts left out.

    Columns: ``category`` (label), ``rembug`` (Rembug Warga group label), ``resource_id``,
    ``name``, ``holder``, ``tags`` (``a, b``), ``availability``, ``capacity``, ``cost``
    (``Rp 100.000`` / ``gratis``), ``location``.
    """
    lang = normalize_lang(lang or plan.lang)
    res = public_resources(plan["resources"]).reset_index(drop=True)
    order = {c: i for i, c in enumerate(RESOURCE_CATEGORIES)}
    res = res.assign(_o=res["category"].map(order).fillna(len(order)), _p=range(len(res)))
    res = res.sort_values(["_o", "_p"], kind="stable")
    rows = []
    for _, r in res.iterrows():
        cat = str(r["category"])
        cost = _cost(r["cost_idr"])
        rows.append({
            "category": t(f"res.abcd.{cat}", lang) if cat in RESOURCE_CATEGORIES else cat,
            "rembug": t(f"res.rembug.{ABCD_TO_REMBUG[cat]}", lang) if cat in ABCD_TO_REMBUG else "",
            "resource_id": str(r["resource_id"]),
            "name": str(r["name"]),
            "holder": "" if is_missing(r["holder"]) else str(r["holder"]),
            "tags": ", ".join(split_list(r["tags"])),
            "availability": ", ".join(split_list(r["availability"])),
            "capacity": "" if is_missing(r["capacity"]) else str(int(r["capacity"])),
            "cost": t("res.reason.free", lang) if cost <= 0 else format_idr(cost, lang),
            "location": "" if is_missing(r["location"]) else str(r["location"]),
        })
    columns = ["category", "rembug", "resource_id", "name", "holder", "tags", "availability", "capacity", "cost",
               "location"]
    return pd.DataFrame(rows, columns=columns)


def category_counts(resources: pd.DataFrame) -> pd.DataFrame:
    """Resources per ABCD category (every category, in schema order): ``category``, ``count``."""
    counts = resources["category"].value_counts()
    return pd.DataFrame({"category": list(RESOURCE_CATEGORIES),
                         "count": [int(counts.get(c, 0)) for c in RESOURCE_CATEGORIES]})


def crosswalk(resources: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The Rembug Warga grouping of the assets (:data:`ABCD_TO_REMBUG`).

    One row per group (infrastruktur, sosial, budaya, ekonomi): ``group`` (key),
    ``label``, ``categories`` (the ABCD categories in it, labels), ``count`` and
    ``names`` (the resources' names, ``a; b``). Groups without assets keep their row.
    """
    lang = normalize_lang(lang)
    rows = []
    for group in REMBUG_GROUPS:
        cats = [c for c in RESOURCE_CATEGORIES if ABCD_TO_REMBUG[c] == group]
        sub = resources[resources["category"].isin(cats)]
        rows.append({
            "group": group,
            "label": t(f"res.rembug.{group}", lang),
            "categories": ", ".join(t(f"res.abcd.{c}", lang) for c in cats),
            "count": len(sub),
            "names": "; ".join(str(n) for n in sub["name"]),
        })
    return pd.DataFrame(rows, columns=["group", "label", "categories", "count", "names"])


def matches_frame(plan: Plan, result: MatchResult, lang: str | None = None) -> pd.DataFrame:
    """The matches for people: priority, need, resource, score, parts, reason, decision, note."""
    lang = normalize_lang(lang or result.lang)
    needs = dict(zip(plan["needs"]["need_id"].astype(str), plan["needs"]["title"].astype(str)))
    names = dict(zip(plan["resources"]["resource_id"].astype(str), plan["resources"]["name"].astype(str)))
    rows = [{
        "priority": m.priority,
        "need": f"{m.need_id} · {needs.get(m.need_id, '')}",
        "resource": f"{m.resource_id} · {names.get(m.resource_id, '')}",
        "score": m.score,
        "parts": m.parts.describe(lang),
        "reason": mask_private(m.reason, lang),
        "decision": t(f"res.decision.{m.decision or 'none'}", lang),
        "note": mask_private(m.note, lang),
    } for m in result.matches]
    return pd.DataFrame(rows, columns=["priority", "need", "resource", "score", "parts", "reason", "decision", "note"])


def gaps_frame(result: MatchResult, lang: str | None = None) -> pd.DataFrame:
    """The gaps for people: priority, need, field, status, whom to ask, institutions known."""
    lang = normalize_lang(lang or result.lang)
    rows = []
    for g in result.gaps:
        status = t("res.gap.open", lang, n=g.open_suggestions) if g.status == "open" else t(f"res.gap.{g.status}", lang)
        rows.append({
            "priority": g.priority,
            "need": f"{g.need_id} · {g.title}",
            "field": t(f"res.field.{g.category}", lang) if g.category in NEED_CATEGORIES else g.category,
            "status": status,
            "partners": ", ".join(g.partner_labels(lang)),
            "institutions": "; ".join(g.institutions),
        })
    return pd.DataFrame(rows, columns=["priority", "need", "field", "status", "partners", "institutions"])


def hint(category: str, lang: str = "id") -> str:
    """What to fill in for a resource of an ABCD category (shown in the form)."""
    key = f"res.hint.{category}" if category in RESOURCE_CATEGORIES else "res.hint.none"
    return t(key, lang)


# -- institution diagram ------------------------------------------------------------------

CENTRE_RADIUS = 1.4
"""Radius of the residents' circle in the middle of the diagram."""


def institution_radius(importance: int) -> float:
    """Circle radius for importance 1-5: 0.3 (1) to 0.7 (5)."""
    return 0.2 + 0.1 * max(1, min(5, int(importance)))


def institution_distance(closeness: int, radius: float) -> float:
    """Distance of an institution's centre from the residents' centre, by closeness 1-5.

    5: the circle mostly inside the residents' circle; 4: its centre on the edge;
    3: overlapping the edge a little; 2: apart; 1: far apart. For a given circle size,
    closer always means nearer the centre.
    """
    c = max(1, min(5, int(closeness)))
    return {5: CENTRE_RADIUS - 0.8 * radius, 4: CENTRE_RADIUS, 3: CENTRE_RADIUS + 0.8 * radius,
            2: CENTRE_RADIUS + radius + 0.45, 1: CENTRE_RADIUS + radius + 1.0}[c]


def _separation(d1: float, d2: float, need: float) -> float:
    """Smallest angle between two centres at distances d1, d2 so they are ``need`` apart."""
    if d1 <= 0 or d2 <= 0:
        return 0.0
    cos = (d1 * d1 + d2 * d2 - need * need) / (2 * d1 * d2)
    if cos >= 1:
        return 0.0
    if cos <= -1:
        return math.pi
    return math.acos(cos)


def institution_diagram(institutions: pd.DataFrame) -> pd.DataFrame:
    """Where each institution's circle goes in the Venn diagram (deterministic).

    Importance sets the circle's size (:func:`institution_radius`), closeness its
    distance from the residents' circle (:func:`institution_distance`); the angle is
    chosen so that circles of neighbours overlap as little as possible: institutions
    go round the centre in ``institutions.csv`` order, starting at the top, each one
    as close to the previous as it can be without overlapping, and the room left is
    shared out evenly. When they cannot all fit, every circle is shrunk a little
    (``scale`` < 1) before accepting overlaps.

    Returns
    -------
    DataFrame with ``institution_id``, ``name``, ``importance``, ``closeness``,
    ``radius``, ``distance``, ``angle`` (degrees, counter-clockwise from the right),
    ``x``, ``y``, ``scale``.
    """
    cols = ["institution_id", "name", "importance", "closeness", "radius", "distance", "angle", "x", "y", "scale"]
    rows = institutions.reset_index(drop=True)
    rows = rows[rows["importance"].notna() & rows["closeness"].notna()].reset_index(drop=True)
    n = len(rows)
    if n == 0:
        return pd.DataFrame(columns=cols)
    importance = [max(1, min(5, int(v))) for v in rows["importance"]]
    closeness = [max(1, min(5, int(v))) for v in rows["closeness"]]
    gap = 0.08
    scale = 1.0
    for _ in range(12):
        radius = [institution_radius(i) * scale for i in importance]
        distance = [institution_distance(c, r) for c, r in zip(closeness, radius)]
        steps = [_separation(distance[k], distance[(k + 1) % n], radius[k] + radius[(k + 1) % n] + gap)
                 for k in range(n)] if n > 1 else [2 * math.pi]
        if sum(steps) <= 2 * math.pi or n == 1:
            break
        scale *= 0.92
    spare = max(0.0, 2 * math.pi - sum(steps)) / n if n > 1 else 0.0
    angles = []
    angle = math.pi / 2
    for k in range(n):
        angles.append(angle)
        angle -= steps[k] + spare  # clockwise from the top, like reading a clock
    out = pd.DataFrame({
        "institution_id": rows["institution_id"].astype(str),
        "name": rows["name"].astype(str),
        "importance": importance,
        "closeness": closeness,
        "radius": radius,
        "distance": distance,
        "angle": [math.degrees(a) % 360 for a in angles],
        "x": [d * math.cos(a) for d, a in zip(distance, angles)],
        "y": [d * math.sin(a) for d, a in zip(distance, angles)],
        "scale": scale,
    })
    return out[cols]
