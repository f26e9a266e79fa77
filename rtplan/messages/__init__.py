"""The message catalogue: every user-facing sentence, in Indonesian and English.

Each submodule of this package holds the messages of one area as a dict
``MESSAGES = {key: {"id": ..., "en": ...}}``; they are merged into one catalogue at
import, and a key may be defined only once. ``t(key, lang, **fields)`` looks one up.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def _load() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            missing = set(LANGUAGES) - set(texts)
            if missing:
                raise RuntimeError(f"message {key!r} lacks {sorted(missing)}")
            merged[key] = texts
    return merged


CATALOGUE: dict[str, dict[str, str]] = _load()


def normalize_lang(lang: str | None) -> str:
    """Return ``"id"`` or ``"en"``; anything unknown or empty falls back to Indonesian."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = str(lang).strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, /, **fields: object) -> str:
    """Translate ``key`` into ``lang`` and fill in ``fields`` (``str.format`` style)."""
    texts = CATALOGUE[key]
    return texts[normalize_lang(lang)].format(**fields)
