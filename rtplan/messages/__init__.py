"""The message catalogue: every label and sentence people read, in Indonesian and English.

Messages, column labels, CLI help and document headings all live here, under static
keys. Each submodule of this package holds the messages of one area as a dict
``MESSAGES = {key: {"id": ..., "en": ...}}``; they are merged into one catalogue at
import, and a key may be defined only once. ``t(key, lang, **fields)`` looks one up
and fills its ``{fields}`` (``str.format`` style).

Static keys
    Code names a key by a string literal (``t("ui.saved", lang)``), so tools can list
    every key in use. Where the key depends on a value, a module-level dict maps the
    value to literal keys (``_OS_MESSAGES = {errno.ENOSPC: "cli.os.ENOSPC", ...}``) and
    the call indexes it: ``t(_OS_MESSAGES[code], lang)``. Declarations that carry a
    key (a view's ``Col(key, "needs.col.rank")``) hold it as a literal too; the stored
    tables' labels are ``table.<table>``, ``col.<table>.<column>`` and
    ``meta.<section>.<key>``, derived from :mod:`rtplan.schema`.
    ``tests/test_catalogue.py`` checks all of this.

Plural forms
    A text may be a dict of plural forms by CLDR category, ``{"one": "1 row",
    "other": "{n} rows"}``; :func:`tn` picks the form with Babel's plural rules for the
    language (Indonesian has one form, so its texts stay plain strings).

More languages (.po files)
    ``rtplan i18n extract`` writes a gettext template of the whole catalogue
    (``msgctxt`` = the key, ``msgid`` = the English text, the Indonesian text as a
    comment) and ``rtplan i18n init jv`` a ``jv.po`` for translators. The loader reads
    ``<lang>.po`` from ``rtplan/messages/locale/`` and from the folder named by the
    environment variable ``RTPLAN_LOCALE_DIR`` (which wins). A language with a ``.po``
    is accepted by :func:`normalize_lang`; an entry it lacks (or marks fuzzy) falls
    back to Indonesian.
"""

from __future__ import annotations

import functools
import gettext
import importlib
import pkgutil
import string
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError

from rtplan import config

Text = str | dict[str, str]
"""One language's text of an entry: plain, or plural forms by CLDR category."""

LANGUAGES = ("id", "en")
"""The built-in languages; every entry has both."""
DEFAULT_LANGUAGE = "id"
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
LOCALE_DIR = Path(__file__).parent / "locale"
"""Translations shipped with rtplan: ``<lang>.po`` files."""
LOCALE_ENV = config.env_name("locale_dir")
"""The environment variable naming a folder of further (or newer) ``<lang>.po`` files."""


def _check_text(key: str, lang: str, text: object) -> None:
    if isinstance(text, str):
        return
    if not isinstance(text, dict) or "other" not in text or not set(text) <= set(PLURAL_CATEGORIES):
        raise RuntimeError(f"message {key!r} ({lang}): a text or plural forms with 'other', not {text!r}")


def _load() -> dict[str, dict[str, Text]]:
    merged: dict[str, dict[str, Text]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            missing = set(LANGUAGES) - set(texts)
            if missing:
                raise RuntimeError(f"message {key!r} lacks {sorted(missing)}")
            for lang, text in texts.items():
                _check_text(key, lang, text)
            merged[key] = texts
    return merged


CATALOGUE: dict[str, dict[str, Text]] = _load()


def locale_dirs() -> tuple[Path, ...]:
    """The folders searched for ``<lang>.po``, lowest priority first."""
    extra = (config.from_env().locale_dir or "").strip()
    return (LOCALE_DIR, Path(extra)) if extra else (LOCALE_DIR,)


def _po_files(lang: str) -> list[Path]:
    return [d / f"{lang}.po" for d in locale_dirs() if (d / f"{lang}.po").is_file()]


def languages() -> tuple[str, ...]:
    """Every language rtplan can speak now: the built-in ones, then those with a ``.po``
    (for a language Babel knows, so dates and numbers can be written in it too)."""
    found: set[str] = set()
    for folder in locale_dirs():
        if folder.is_dir():
            found.update(p.stem for p in folder.glob("*.po") if p.is_file())
    return LANGUAGES + tuple(sorted(c for c in found - set(LANGUAGES) if _locale(c) is not None))


def normalize_lang(lang: str | None) -> str:
    """The language code to use: ``"id"``, ``"en"`` or one with a ``.po`` file.

    ``"EN"``, ``"en_US"`` and ``"id-ID"`` are understood; anything unknown or empty
    falls back to Indonesian.
    """
    if not lang:
        return DEFAULT_LANGUAGE
    code = str(lang).strip().lower().replace("-", "_").split("_")[0]
    if code in LANGUAGES:
        return code
    known = code.isalpha() and _locale(code) is not None and bool(_po_files(code))
    return code if known else DEFAULT_LANGUAGE


@functools.lru_cache(maxsize=16)
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of ``n`` in ``lang`` (Babel): ``"one"``, ``"other"``, ..."""
    locale = _locale(lang)
    return str(locale.plural_form(abs(n))) if locale is not None else "other"


def _categories(lang: str, plural_expr: str, count: int) -> dict[int, str]:
    """gettext plural index -> CLDR category, by trying numbers on both rules."""
    index_of = gettext.c2py(plural_expr)
    found: dict[int, str] = {}
    for n in range(1001):
        found.setdefault(index_of(n), plural_category(n, lang))
        if len(found) == count:
            break
    return found


def _fields(texts: Iterable[Text]) -> set[str] | None:
    """The ``{fields}`` of some texts; ``None`` when one is not a valid format string."""
    found: set[str] = set()
    try:
        for text in texts:
            for form in text.values() if isinstance(text, dict) else [text]:
                found.update(name for _, name, _, _ in string.Formatter().parse(form) if name is not None)
    except ValueError:
        return None
    return found


def _fits(key: str, translation: Text) -> bool:
    """A translation may use only the entry's own fields, by plain name (``{n}``, never
    ``{n.__class__}``): a broken or hostile ``.po`` entry is skipped, not run."""
    used = _fields([translation])
    return used is not None and used <= (_fields(CATALOGUE[key].values()) or set())


@functools.lru_cache(maxsize=32)
def _read_po(path: str, mtime_ns: int) -> dict[str, Text]:
    """The translated entries of one ``.po`` file (cached until the file changes)."""
    from babel.messages.pofile import read_po

    lang = Path(path).stem
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale=lang if _locale(lang) else None)
    categories = _categories(lang, catalog.plural_expr, catalog.num_plurals)
    texts: dict[str, Text] = {}
    for message in catalog:
        key = message.context
        if not key or key not in CATALOGUE or message.fuzzy:
            continue
        if isinstance(message.string, (tuple, list)):
            forms = {categories.get(i, "other"): s for i, s in enumerate(message.string) if s}
            if forms:
                forms.setdefault("other", next(iter(forms.values())))
                if _fits(key, forms):
                    texts[key] = forms
        elif message.string and _fits(key, message.string):
            texts[key] = message.string
    return texts


def _translations(lang: str) -> dict[str, Text]:
    merged: dict[str, Text] = {}
    for path in _po_files(lang):
        merged.update(_read_po(str(path), path.stat().st_mtime_ns))
    return merged


def text_of(key: str, lang: str | None = None) -> Text:
    """The raw text of ``key`` in ``lang`` (plural forms as a dict), Indonesian if untranslated."""
    entry = CATALOGUE[key]
    code = normalize_lang(lang)
    found = entry.get(code)
    if found is None:
        found = _translations(code).get(key)
    return found if found is not None else entry[DEFAULT_LANGUAGE]


def t(key: str, lang: str | None = None, /, **fields: object) -> str:
    """Translate ``key`` into ``lang`` and fill in ``fields`` (``str.format`` style)."""
    text = text_of(key, lang)
    if isinstance(text, dict):
        raise TypeError(f"message {key!r} has plural forms: use tn({key!r}, n, lang)")
    return text.format(**fields)


def tn(key: str, n: int, lang: str | None = None, /, **fields: object) -> str:
    """Translate ``key`` for the count ``n``, choosing its plural form (Babel's rules).

    ``{n}`` in the text is the count; pass ``n=...`` among ``fields`` to show it
    formatted differently.
    """
    code = normalize_lang(lang)
    text = text_of(key, code)
    if isinstance(text, dict):
        text = text.get(plural_category(int(n), code)) or text["other"]
    return text.format(**{"n": n, **fields})


class Label(Mapping[str, str]):
    """A label by language, read from the catalogue: ``Label("col.needs.title")["en"]``.

    It stands where a ``{"id": ..., "en": ...}`` dict used to (schema labels), and also
    answers for a language that has a ``.po`` file.
    """

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in the catalogue")
        self.key = key

    def __getitem__(self, lang: str) -> str:
        return t(self.key, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __repr__(self) -> str:
        return f"Label({self.key!r})"
