"""Comparing Indonesian words by their root, for matching needs with resources.

Words are compared case-insensitively by their Indonesian root: common prefixes and
suffixes (me-, pe-, ber-, ke-...-an, -kan, -nya, with the nasal changes of meN-/peN-)
are tried off, so ``menjahit`` meets ``jahit`` and ``pemeriksaan`` meets ``periksa``.
Root sets are cached per word and per text (:func:`words_of`): the matching board
recomputes every pair after each decision (``benchmarks/bench_match.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rtplan.plan import Plan
from rtplan.tables import is_missing

# words that say nothing about a skill (never matched between a need and a resource)
STOPWORDS = frozenset([
    "ada", "adalah", "agar", "akan", "aktif", "anak", "antara", "atas", "atau", "bagi", "bagian", "bahwa",
    "banyak", "baru", "bawah", "beberapa", "belum", "berapa", "bersama", "besar", "biasanya", "bila", "bisa",
    "buat", "bulan", "cukup", "dalam", "dan", "dapat", "dari", "daripada", "dekat", "dengan", "di", "dua",
    "empat", "enam", "hanya", "hari", "harus", "hidup", "ini", "itu", "jadi", "jarang", "juga", "kali", "kalau",
    "kami", "karena", "ke", "kecil", "kembali", "kepada", "ketika", "kita", "kurang", "lagi", "lain", "lalu",
    "lama", "lebih", "luar", "maka", "malam", "mana", "masih", "masing", "mati", "mereka", "minggu", "mulai",
    "namun", "oleh", "orang", "pada", "pagi", "para", "per", "perlu", "pernah", "saat", "saja", "salah", "sama",
    "sampai", "satu", "sebagai", "sebelum", "secara", "sedang", "sehingga", "sejak", "sekitar", "selama",
    "seluruh", "semua", "sendiri", "sepanjang", "seperti", "sering", "setelah", "setiap", "siang", "sore",
    "sudah", "supaya", "tahun", "tanpa", "tapi", "telah", "tempat", "tentang", "terjadi", "tetapi", "tidak",
    "tiga", "tiap", "untuk", "waktu", "yaitu", "yang", "gang", "warga", "rumah", "rt", "rw", "ibu", "bapak",
    "pak", "bu", "saya", "ingin", "punya", "seorang", "sebagian", "tersebut", "hingga", "sana", "sini", "siap",
    "bersedia", "diajukan", "baik"
])

AUDIENCE_WORDS = frozenset([
    "lansia", "balita", "anak", "remaja", "pemuda", "ibu", "bapak", "perempuan", "laki", "warga", "keluarga",
    "tua", "muda", "bayi", "hamil", "disabilitas", "rentan", "penghuni"
])
"""Words that say *for whom*, not *what*: a tag made only of them counts as a plain word (10)."""

# Indonesian affixes tried off when comparing words
_SUFFIXES = ("kannya", "annya", "nya", "kan", "an")
_PREFIXES = ("memper", "diper", "menge", "penge", "meng", "meny", "peng", "peny", "mem", "men", "pem", "pen",
             "ber", "bel", "ter", "per", "pel", "me", "pe", "di", "ke", "be")
_NASAL = {"mem": "p", "pem": "p", "men": "t", "pen": "t", "meng": "k", "peng": "k", "meny": "s", "peny": "s"}
MIN_ROOT = 4
"""A root shorter than this is not tried (``an`` off ``makan`` would leave ``mak``)."""


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
        if len(base) < MIN_ROOT:
            continue
        if suffix:
            found.add(base)
        for prefix in _PREFIXES:
            if not base.startswith(prefix):
                continue
            rest = base[len(prefix):]
            if len(rest) >= MIN_ROOT:
                found.add(rest)
            if prefix in _NASAL and rest[:1] in "aeiou" and len(rest) + 1 >= MIN_ROOT:
                found.add(_NASAL[prefix] + rest)
    return frozenset(found)


def same_word(a: str, b: str) -> bool:
    """Do two words share a root (``menjahit`` / ``penjahit`` / ``jahit``)?"""
    return a == b or bool(roots(a) & roots(b))


def content(text: object) -> list[str]:
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
def words_of(items: tuple[str, ...]) -> _Words:
    each = tuple(roots(w) for w in items)
    return _Words(items, each, frozenset().union(*each) if each else frozenset())


def phrase_in(phrase: str, text_words: Sequence[str]) -> bool:
    """Does a (one- or multi-word) phrase occur in ``text_words``, word by word?"""
    return words_of(tuple(text_words)).has_phrase(phrase)


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
