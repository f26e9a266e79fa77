"""What the workshop's Voila template shows of the notebooks' markdown and of a cell that failed.

The step notebooks' markdown is bilingual by convention: Indonesian text, and the
English as a line of its own in italics (``*Step 0: ...*``) or after a slash in a
heading (``## Formulir / *Forms*``). :func:`bilingual_markdown` keeps one language.
The nbconvert filters the template calls (registered by the launcher, see
:data:`rtplan.workshop.FILTERS`) read the language from ``RTPLAN_LANG``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from rtplan import config
from rtplan.messages import normalize_lang, t

_ITALIC_LINE = re.compile(r"^\s*\*(?!\*)(?P<text>.*[^*\s])\*\s*$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*)$")
_HEADING_EN = re.compile(r"^(?P<id>.*?)\s*/\s*\*(?!\*)(?P<en>[^*]+)\*\s*$")

NO_PLAN_ERROR = "NoPlanChosen"
"""The name of :class:`rtplan.exceptions.NoPlanChosen`, shown as its message (no traceback)."""


def bilingual_markdown(source: str, lang: str) -> str:
    """The markdown of one cell in ``lang`` only.

    ``id``: English italic lines dropped, ``Indonesian / *English*`` headings cut to
    the Indonesian. ``en``: headings in English (the italic line right under a heading
    replaces it), English lines without their italics, Indonesian prose dropped. A
    cell without English lines is returned as it is in either language.
    """
    lines = source.splitlines()
    if lang != "en":
        out = []
        for line in lines:
            if _ITALIC_LINE.match(line):
                continue
            heading = _HEADING.match(line)
            split = _HEADING_EN.match(heading.group("text")) if heading else None
            out.append(f"{heading.group('hashes')} {split.group('id')}" if heading and split else line)
        return "\n".join(out).strip() + "\n"
    if not any(_ITALIC_LINE.match(line) or _heading_english(line) for line in lines):
        return source
    out = []
    skip: set[int] = set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        heading = _HEADING.match(line)
        if heading:
            english = _heading_english(line)
            if english is None:  # the English line under it, if any, becomes the heading
                nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
                italic = _ITALIC_LINE.match(lines[nxt]) if nxt is not None else None
                if italic and nxt is not None:
                    english = italic.group("text")
                    skip.add(nxt)
            out.append(f"{heading.group('hashes')} {english or heading.group('text')}")
            continue
        italic = _ITALIC_LINE.match(line)
        if italic:
            out.extend([italic.group("text"), ""])
        elif not line.strip():
            out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _heading_english(line: str) -> str | None:
    heading = _HEADING.match(line)
    split = _HEADING_EN.match(heading.group("text")) if heading else None
    return split.group("en").strip() if split else None


def _lang() -> str:
    return normalize_lang(config.from_env().lang)


def markdown_for_lang(source: str) -> str:
    """nbconvert filter: :func:`bilingual_markdown` in the workshop's language."""
    return bilingual_markdown(source, _lang())


def explain_title(source: str) -> str:
    """nbconvert filter: the label of a folded explanation (a markdown cell tagged ``explain``).

    The cell's own first heading in the workshop's language, else "Penjelasan": on the
    projector the method texts stay folded under it so the forms are on the first screen.
    """
    for line in bilingual_markdown(source, _lang()).splitlines():
        heading = _HEADING.match(line)
        if heading:
            return heading.group("text").strip()
    return t("workshop.explain", _lang())


def explain_body(markdown: str) -> str:
    """nbconvert filter: a folded explanation's markdown without its first heading (the fold's label)."""
    lines = markdown.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and _HEADING.match(lines[first]):
        del lines[first]
    return "\n".join(lines).strip() + "\n"


def cell_error(output: Mapping[str, object]) -> str:
    """nbconvert filter: the HTML shown for a cell that raised (one sentence, never a traceback).

    "No plan chosen yet" shows its own message; anything else a plain sentence saying
    the saved data is safe.
    """
    if output.get("ename") == NO_PLAN_ERROR and isinstance(output.get("evalue"), str):
        text = str(output["evalue"])
        kind = "rtplan-noplan"
    else:
        text = t("workshop.cell_failed", _lang())
        kind = "rtplan-cellfailed"
    return f'<div class="rtplan-note {kind}">{html.escape(text)}</div>'
