"""The progress report as HTML and text: the totals, then activities, needs, indicators.

The tables are declared in :mod:`rtplan.views.monitoring`; this renders them.
"""

from __future__ import annotations

from markupsafe import Markup

from rtplan.messages import normalize_lang
from rtplan.monitoring import ProgressReport
from rtplan.render import fragment, join
from rtplan.render.kas import checks_html
from rtplan.render.views import to_html, to_text
from rtplan.views.monitoring import activities_view, indicators_view, needs_view, totals_text


def progress_html(report: ProgressReport, lang: str | None = None, *, with_checks: bool = True) -> Markup:
    """The progress report as HTML: the totals, then activities, needs, indicators (and checks)."""
    lang = normalize_lang(lang or report.lang)
    parts = [fragment('<p class="rtplan-progress-totals">{{ text }}</p>', text=totals_text(report, lang)),
             to_html(activities_view(report, lang)), to_html(needs_view(report, lang)),
             to_html(indicators_view(report, lang))]
    if with_checks:
        parts.append(checks_html(report.checks, lang, "rtplan-progress-checks", "mon.check.none"))
    return join(parts)


def progress_text(report: ProgressReport, lang: str | None = None) -> str:
    """The progress report for the terminal: the totals, then activities and needs."""
    lang = normalize_lang(lang or report.lang)
    return "\n\n".join([totals_text(report, lang), to_text(activities_view(report, lang), caption=True),
                        to_text(needs_view(report, lang), caption=True)])


__all__ = ["progress_html", "progress_text"]
