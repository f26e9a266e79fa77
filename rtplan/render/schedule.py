"""Step 3 as HTML and text: the session preview, the conflicts and the budget.

The tables are declared in :mod:`rtplan.views.schedule`; this renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup

from rtplan import holidays_id
from rtplan.fmt import format_date
from rtplan.messages import normalize_lang, t
from rtplan.render import fragment, join, render
from rtplan.render.views import to_html, to_text
from rtplan.views.schedule import PREVIEW_DATES, BudgetReport, ConflictList, conflict_count


def session_preview(dates: Sequence[dt.date], lang: str = "id") -> Markup:
    """What an activity form would give, before it is saved: the number of sessions in the
    period, the first dates, and those that fall on a holiday (HTML)."""
    lang = normalize_lang(lang)
    if not dates:
        return fragment("<i>{{ text }}</i>", text=t("ui.schedule.preview.none", lang))
    shown = ", ".join(format_date(d, lang, "medium") for d in dates[:PREVIEW_DATES])
    if len(dates) > PREVIEW_DATES:
        shown += ", …"
    off = holidays_id.holidays_between(dates[0], dates[-1], lang)
    on_holiday = [d for d in dates if d in off]
    text = t("ui.schedule.preview", lang, n=len(dates), dates=shown)
    if on_holiday:
        text += " — " + t("ui.schedule.preview.holidays", lang, n=len(on_holiday),
                        dates=", ".join(format_date(d, lang, "medium") for d in on_holiday))
    return fragment('<div style="color:#1b4965">{{ text }}</div>', text=text)


# -- conflicts ------------------------------------------------------------------------


def conflicts_html(conflicts: ConflictList) -> Markup:
    """The count line, then the table (or only the sentence that there is no conflict)."""
    if not conflicts.findings:
        return fragment("<p>{{ text }}</p>", text=t("conflict.none", conflicts.lang))
    return fragment("<p><b>{{ head }}</b></p>{{ table }}", head=conflict_count(conflicts.findings, conflicts.lang),
                    table=to_html(conflicts.view))


def budget_html(report: BudgetReport) -> Markup:
    """Per funding source, the sentences (totals, shortfalls, swadaya), then per month."""
    parts = [to_html(report.sources), render("list.html.j2", items=report.lines, ordered=False, css_class=None)]
    if report.monthly is not None:
        parts.append(to_html(report.monthly))
    return join(parts)


def budget_text(report: BudgetReport) -> str:
    """The same for the terminal."""
    lines = [to_text(report.sources), "", *report.lines]
    if report.monthly is not None:
        lines += ["", t("cli.budget.monthly", report.lang), to_text(report.monthly)]
    return "\n".join(lines)


__all__ = ["budget_html", "budget_text", "conflicts_html", "session_preview"]
