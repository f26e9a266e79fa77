"""Gettext files of the message catalogue, for volunteer translators (Babel).

The catalogue (:mod:`rtplan.messages`) stays the source; ``.po`` files carry
translations into further languages. In the files:

- ``msgctxt`` is the catalogue key (``ui.saved``): what the loader matches on;
- ``msgid`` is the English text (``msgid_plural`` its plural form), what most
  translation tools show as the source; when it changes, ``rtplan i18n update``
  (or ``msgmerge``) marks the translation fuzzy, and fuzzy entries are not used;
- an extracted comment (``#. id: ...``) gives the Indonesian text.

``rtplan i18n extract -o rtplan.pot`` writes the template, ``rtplan i18n init jv``
starts ``jv.po`` (``pybabel init -i rtplan.pot -l jv`` does the same), and ``rtplan i18n
update jv.po`` brings a translation up to date with the catalogue. Put the file in
``rtplan/messages/locale/`` or in the folder named by ``RTPLAN_LOCALE_DIR``; the
language is then usable everywhere (``--lang jv``), falling back to Indonesian for
what is not translated yet.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from rtplan import __version__
from rtplan.exceptions import RtplanError
from rtplan.messages import CATALOGUE, LANGUAGES, Text, t


class TranslationError(RtplanError):
    """Raised when a translation file cannot be made or read."""


def _msgid(text: Text) -> str | tuple[str, str]:
    if isinstance(text, dict):
        return (text.get("one", text["other"]), text["other"])
    return text


def _comments(text: Text) -> list[str]:
    forms = text.values() if isinstance(text, dict) else [text]
    return [f"id: {line}" for form in forms for line in form.splitlines() or [""]]


def template(locale: str | None = None) -> Catalog:
    """The whole catalogue as a gettext catalogue (empty translations).

    With ``locale`` it is a new translation for that language (its plural rule in
    the header); without, a template (``.pot``).
    """
    catalog = Catalog(locale=locale, project="rtplan", version=__version__, copyright_holder="rtplan contributors",
                      charset="utf-8", fuzzy=False)
    for key, texts in CATALOGUE.items():
        catalog.add(_msgid(texts["en"]), context=key, auto_comments=_comments(texts["id"]))
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, no_location=True)
    return buffer.getvalue()


def _check_language(lang: str, ui_lang: str) -> str:
    code = lang.strip().replace("-", "_")
    if code.split("_")[0].lower() in LANGUAGES:
        raise TranslationError(t("i18n.builtin", ui_lang, lang=code))
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise TranslationError(t("i18n.unknown_lang", ui_lang, lang=code)) from exc
    return code


def extract(path: Path) -> int:
    """Write the template of the whole catalogue to ``path``; returns the number of entries."""
    from rtplan.storage import atomic_write

    catalog = template()
    atomic_write(path, _po_bytes(catalog))
    return len(catalog)


def init(lang: str, path: Path, force: bool = False, ui_lang: str = "id") -> int:
    """Start a translation into ``lang`` (e.g. ``jv``) at ``path``; returns its number of entries.

    Refuses to overwrite an existing file unless ``force``: it may hold a volunteer's work.
    """
    from rtplan.storage import atomic_write

    code = _check_language(lang, ui_lang)
    if path.exists() and not force:
        raise TranslationError(t("i18n.exists", ui_lang, path=path))
    catalog = template(code)
    atomic_write(path, _po_bytes(catalog))
    return len(catalog)


def update(path: Path, ui_lang: str = "id") -> tuple[int, int]:
    """Bring the translation at ``path`` up to date with the catalogue.

    New keys are added untranslated, removed ones become obsolete, and an entry whose
    English text changed is kept but marked fuzzy (not used until a translator checks it).
    Returns ``(entries, translated)``.
    """
    from rtplan.storage import atomic_write

    if not path.is_file():
        raise TranslationError(t("i18n.no_file", ui_lang, path=path))
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh)
    except (OSError, ValueError) as exc:
        raise TranslationError(t("i18n.bad_po", ui_lang, path=path, error=exc)) from exc
    catalog.update(template())
    atomic_write(path, _po_bytes(catalog))
    translated = sum(1 for m in catalog if m.id and m.string and not m.fuzzy
                     and (not isinstance(m.string, (tuple, list)) or any(m.string)))
    return len(catalog), translated
