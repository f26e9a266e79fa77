"""What every printed document shares: the identity block, signature blocks, charts fitted
to the page, and HTML that notebooks and nbconvert display as HTML.

Every function returns HTML from the one autoescaping renderer (:mod:`rtplan.render`),
so plan text is escaped by construction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd
from markupsafe import Markup

from rtplan.fmt import format_date
from rtplan.meetings import time_range
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment, render
from rtplan.tables import is_missing


def plain(value: object) -> str:
    """A plan value as text ("" for missing)."""
    return "" if is_missing(value) else str(value)


def fields(rows: Iterable[tuple[str, object]]) -> Markup:
    return render("fields.html.j2", rows=[(k, v) for k, v in rows if not is_missing(v) and v != ""])


def para(text: object) -> Markup:
    return fragment("<p>{{ text }}</p>", text=plain(text))


def h3(text: object) -> Markup:
    return fragment("<h3>{{ text }}</h3>", text=plain(text))


def identity(plan: Plan, meeting: pd.Series | None, lang: str, with_title: bool = True,
             as_of: dt.date | None = None) -> Markup:
    """Title and identity: the RT and the meeting (day, date, time, place, chair), and the
    date the document counts up to (``as_of``, see :func:`rtplan.asof.plan_as_of`)."""
    area = plan.area
    rows: list[tuple[str, object]] = [
        (t("handout.area", lang), f"RT {area.get('rt', '')} / RW {area.get('rw', '')}"),
        ("Kelurahan", area.get("kelurahan", "")), ("Kecamatan", area.get("kecamatan", "")),
        (t("handout.city", lang), area.get("city", "")), (t("handout.province", lang), area.get("province", "")),
    ]
    if plan.period:
        rows.append((t("handout.period", lang), (f"{format_date(plan.period[0], lang, 'long')} – "
                                                  f"{format_date(plan.period[1], lang, 'long')}")))
    if meeting is not None:
        rows += [
            (t("handout.meeting", lang), meeting["title"]),
            (t("handout.when", lang),
             f"{format_date(meeting['date'], lang)}, {time_range(meeting)}".strip(", ")),
            (t("handout.place", lang), meeting.get("place", "")),
            (t("handout.chair", lang), meeting.get("chair", "")),
        ]
    if as_of is not None:
        rows.append((t("doc.as_of", lang), format_date(as_of, lang)))
    people = plan.people
    rows.append((t("meta.people.ketua_rt", lang), people.get("ketua_rt", "")))
    if people.get("facilitator"):
        rows.append((t("meta.people.facilitator", lang), people["facilitator"]))
    head = fragment("<h1>{{ title }}</h1>", title=plan.title) if with_title else Markup()
    return head + fields(rows)


def signature_blocks(blocks: Iterable[tuple[str, str]], place: str = "", day: str = "") -> Markup:
    """Signature blocks: a role line, room to sign, the name (or a dotted line); with their
    place-and-date line (``place, day``) kept on the same page as them."""
    line = fragment('<p style="text-align:right">{{ text }}</p>', text=", ".join(x for x in (place, day) if x)) \
        if place or day else Markup("")
    return fragment('<div class="rtplan-keep rtplan-signed">{{ line }}{{ blocks }}</div>', line=line,
                    blocks=render("signatures.html.j2", blocks=[(role, plain(name)) for role, name in blocks]))


PRINT_WIDTH_IN = 7.2  # the A4 text width (174 mm) plus a little: charts print near 100 %


def fit_for_print(fig, width: float = PRINT_WIDTH_IN):  # type: ignore[no-untyped-def]
    """Narrow a chart to the page width, keeping its height, so its fonts print at their size."""
    w, h = fig.get_size_inches()
    if w > width:
        fig.set_size_inches(width, h)
    return fig


class Html(Markup):
    """HTML from the renderer that Jupyter front ends (and nbconvert) display as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


NBSP = "\u00a0"
WORD_JOINER = "\u2060"


def _date_words(lang: str) -> str:
    from rtplan.fmt import month_names

    names = {*month_names(lang), *month_names(lang, abbreviated=True)}
    return "|".join(sorted((re.escape(n.rstrip(".")) for n in names), key=len, reverse=True))


def keep_together(html: str, lang: str) -> str:
    """A printed document's text with the spaces that must not break made no-break spaces:
    "Rp" and its number (``Rp 1.500.000``), and a date's day, month and year
    (``6 Desember 2026``, ``Dec 6, 2026``), and ``RT 02/RW 07``, so none wraps across a line.

    Only text between tags changes (never an attribute, a style or an embedded image)."""
    months = _date_words(lang)
    rules = [
        (re.compile(r"\bRp (?=-?\d)"), f"Rp{NBSP}"),
        (re.compile(rf"\b(\d{{1,2}}) ({months})\.? (\d{{4}})\b"), rf"\1{NBSP}\2{NBSP}\3"),
        (re.compile(rf"\b({months})\.? (\d{{1,2}}), (\d{{4}})\b"), rf"\1{NBSP}\2,{NBSP}\3"),
        (re.compile(rf"\b({months}) (\d{{4}})\b"), rf"\1{NBSP}\2"),
        # "RT 02/RW 07" is one name: no break at its spaces nor after its slash
        (re.compile(r"\bRT (\w+)/RW (\w+)"), rf"RT{NBSP}\1/{WORD_JOINER}RW{NBSP}\2"),
        (re.compile(r"\bRT (\w+) / RW (\w+)"), rf"RT{NBSP}\1{NBSP}/{NBSP}RW{NBSP}\2"),
    ]

    def text(match: re.Match[str]) -> str:
        chunk = match.group(0)
        for pattern, replacement in rules:
            chunk = pattern.sub(replacement, chunk)
        return chunk

    # the text between tags, outside <style> and <script>
    parts = re.split(r"(<style.*?</style>|<script.*?</script>|<[^>]*>)", html, flags=re.DOTALL)
    return "".join(p if p.startswith("<") else re.sub(r"[^<]+", text, p) for p in parts)
