"""The two monitoring reports as displayable sections (used by the report notebooks).

* laporan kegiatan (progress): what was held, who came, what it cost, per activity
  and per need, as of a date;
* laporan kas RT: the transparency report to read out at the meeting and post on
  the notice board (Jakarta's six-monthly form: Saldo awal / Penerimaan /
  Pengeluaran / Saldo akhir, No | Kegiatan | Jumlah | Keterangan), signed by the
  Ketua RT and the treasurer.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rtplan.documents.layout import Html, fit_for_print, identity, signature_blocks
from rtplan.fmt import format_date
from rtplan.messages import normalize_lang, t
from rtplan.render import fragment
from rtplan.storage import load_plan

if TYPE_CHECKING:
    from rtplan.kas import KasSummary
    from rtplan.monitoring import ProgressReport


def _h2(text: str):  # type: ignore[no-untyped-def]
    return fragment("<h2>{{ text }}</h2>", text=text)


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Report:
    """One report of a plan.

    Parameters
    ----------
    plan_dir : the plan folder.
    lang : ``"id"`` or ``"en"`` (default: the plan's).
    start, end : the report period for the cash report (``YYYY-MM-DD``; default the plan period).
    as_of : the date a report counts up to: realizations, kas entries and statuses after it are left
        out (:func:`rtplan.asof.plan_as_of`; default for the progress report: see
        :func:`rtplan.monitoring.default_as_of`, for the cash report: everything in its period).
    """

    def __init__(self, plan_dir: str, lang: str | None = None, start: object = None, end: object = None,
                 as_of: object = None) -> None:
        from rtplan.usable import usable_plan

        self.plan = usable_plan(load_plan(plan_dir, lang)).plan  # rows that break a rule are left out
        self.lang = normalize_lang(lang or self.plan.lang)
        self.start, self.end, self.as_of = _date(start), _date(end), _date(as_of)
        if self.as_of is not None:  # the plan as it stood on that date: nothing later counts
            from rtplan.asof import plan_as_of

            self.plan = plan_as_of(self.plan, self.as_of)
        from rtplan.documents.masking import masked_plan

        self.plan = masked_plan(self.plan, False)  # rtplan.privacy: who declined consent is named nowhere

    # -- laporan kegiatan ----------------------------------------------------------
    def progress_title(self) -> Html:
        from rtplan.monitoring import progress

        report = progress(self.plan, self.as_of, self.lang)
        self._progress = report
        head = t("report.progress_title", self.lang, rt=self.plan.area.get("rt", ""), rw=self.plan.area.get("rw", ""))
        when = t("report.as_of", self.lang, date=format_date(report.as_of, self.lang, "long"))
        return Html(fragment("<h1>{{ head }}</h1><p>{{ when }}</p>", head=head, when=when)
                    + identity(self.plan, None, self.lang, with_title=False))

    def _report(self) -> ProgressReport:
        if not hasattr(self, "_progress"):
            from rtplan.monitoring import progress

            self._progress = progress(self.plan, self.as_of, self.lang)
        return self._progress

    def progress(self) -> Html:
        from rtplan.render.monitoring import progress_html

        return Html(_h2(t("report.h.progress", self.lang)) + progress_html(self._report(), self.lang))

    def sessions_chart(self):  # type: ignore[no-untyped-def]
        from rtplan.charts.monitoring import sessions_figure

        return fit_for_print(sessions_figure(self._report(), self.lang))

    def cost_chart(self):  # type: ignore[no-untyped-def]
        from rtplan.charts.monitoring import cost_figure

        return fit_for_print(cost_figure(self._report(), self.lang))

    # -- laporan kas -----------------------------------------------------------------
    def _kas(self) -> KasSummary:
        if not hasattr(self, "_summary"):
            from rtplan.kas import kas_summary

            self._summary = kas_summary(self.plan, self.start, self.end, self.lang)
        return self._summary

    def kas_title(self) -> Html:
        s = self._kas()
        head = t("report.kas_title", self.lang, rt=self.plan.area.get("rt", ""), rw=self.plan.area.get("rw", ""))
        period = t("report.period", self.lang, start=format_date(s.start, self.lang, "long"),
                   end=format_date(s.end, self.lang, "long"))
        return Html(fragment("<h1>{{ head }}</h1><p>{{ period }}</p>", head=head, period=period)
                    + identity(self.plan, None, self.lang, with_title=False, as_of=self.as_of))

    def kas(self) -> Html:
        from rtplan.render.kas import kas_html

        return Html(_h2(t("report.h.kas", self.lang)) + kas_html(self._kas(), self.lang))

    def kas_book(self) -> Html:
        from rtplan.render.views import to_html
        from rtplan.views.kas import book_view

        book = book_view(self._kas(), self.lang, table_id="report-kas-book")
        return Html(_h2(t("report.h.book", self.lang)) + to_html(book, caption=False))

    def balance_chart(self):  # type: ignore[no-untyped-def]
        from rtplan.charts.monitoring import balance_figure

        return fit_for_print(balance_figure(self._kas(), self.lang))

    # -- both ------------------------------------------------------------------------
    def signatures(self, treasurer: bool = True) -> Html:
        area, people = self.plan.area, self.plan.people
        place = area.get("kelurahan") or area.get("city") or ""
        day = format_date(self.end or self.as_of or dt.date.today(), self.lang, "long")
        blocks = [(t("handout.sig_ketua", self.lang, rt=area.get("rt", "")), people.get("ketua_rt", ""))]
        if treasurer:
            blocks.append((t("report.sig_treasurer", self.lang), people.get("treasurer", "")))
        return Html(fragment('<p style="text-align:right">{{ place }}, {{ day }}</p>', place=place, day=day)
                    + signature_blocks(blocks))
