"""The kas report as HTML and text: title, the form, the cash book, the checks.

The tables are declared in :mod:`rtplan.views.kas`; this renders them.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from rtplan.kas import KasCheck, KasSummary
from rtplan.messages import normalize_lang, t
from rtplan.render import fragment, join, render
from rtplan.render.views import to_html, to_text
from rtplan.views.kas import book_view, form_view


def checks_html(checks: Sequence[KasCheck] | Sequence[object], lang: str, css_id: str = "rtplan-kas-checks",
                none_key: str = "kas.check.none") -> Markup:
    """Findings of a check (kas or progress) as a list, warnings marked; a line when there
    are none (``none_key``: its message key)."""
    return render("checks.html.j2", checks=list(checks), css_id=css_id, none_text=t(none_key, lang))


def kas_html(summary: KasSummary, lang: str | None = None, *, with_book: bool = False,
             with_checks: bool = True) -> Markup:
    """The kas report for a notebook or a document: title, form, (book), checks."""
    lang = normalize_lang(lang or summary.lang)
    form = form_view(summary, lang)
    parts = [fragment("<h4>{{ title }}</h4>", title=form.caption), to_html(form, caption=False)]
    if with_book:
        parts.append(to_html(book_view(summary, lang)))
    if with_checks:
        parts.append(checks_html(summary.checks, lang))
    return join(parts)


def form_text(summary: KasSummary, lang: str | None = None) -> str:
    """The report form as plain text for the terminal: title, a blank line, the table."""
    form = form_view(summary, lang)
    return f"{form.caption}\n\n{to_text(form)}"


__all__ = ["checks_html", "form_text", "kas_html"]
