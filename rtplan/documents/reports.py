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

from rtplan.documents.caches import CachedChart, ChartParts
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


REFERENCES_SHOWN = 3  # receipts named in one cell of the kas summary; the rest are counted


def short_references(summary: KasSummary, lang: str) -> KasSummary:
    """The summary with each line's receipts summarised: the first :data:`REFERENCES_SHOWN`,
    then how many more the cash book lists (a line of 27 dues payments would otherwise
    fill its cell with 27 receipt numbers)."""
    import dataclasses

    def shorten(text: object) -> object:
        parts = [] if not isinstance(text, str) else [p.strip() for p in text.split(", ") if p.strip()]
        if len(parts) <= REFERENCES_SHOWN + 1:
            return text
        return t("report.more_references", lang, shown=", ".join(parts[:REFERENCES_SHOWN]),
                 n=len(parts) - REFERENCES_SHOWN)

    lines = summary.lines.copy()
    lines["keterangan"] = [shorten(v) for v in lines["keterangan"]]
    return dataclasses.replace(summary, lines=lines)


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

    def _bar_parts(self, kind: str) -> ChartParts:
        """A per-activity bar chart, split over pages at ``BAR_ROWS`` activities a chart."""
        from rtplan.charts import split_even
        from rtplan.charts.monitoring import BAR_ROWS

        report = self._report()
        parts = split_even([str(a) for a in report.activities["activity_id"]], BAR_ROWS)

        def maker(ids: list[str], part: tuple[int, int]):  # type: ignore[no-untyped-def]
            def build():  # type: ignore[no-untyped-def]
                from rtplan.charts import monitoring

                figure = getattr(monitoring, f"{kind}_figure")
                return fit_for_print(figure(report, self.lang, only=ids, part=part))
            return build

        return ChartParts([CachedChart(maker(ids, (i + 1, len(parts)))) for i, ids in enumerate(parts)])

    def sessions_chart(self) -> ChartParts:
        return self._bar_parts("sessions")

    def cost_chart(self) -> ChartParts:
        return self._bar_parts("cost")

    # -- laporan kas -----------------------------------------------------------------
    def _kas(self) -> KasSummary:
        if not hasattr(self, "_summary"):
            from rtplan.kas import kas_summary

            self._summary = short_references(kas_summary(self.plan, self.start, self.end, self.lang), self.lang)
        return self._summary

    def kas_title(self) -> Html:
        s = self._kas()
        head = t("report.kas_title", self.lang, rt=self.plan.area.get("rt", ""), rw=self.plan.area.get("rw", ""))
        period = t("report.period", self.lang, start=format_date(s.start, self.lang, "long"),
                   end=format_date(s.end, self.lang, "long"))
        return Html(fragment("<h1>{{ head }}</h1><p>{{ period }}</p>", head=head, period=period)
                    + identity(self.plan, None, self.lang, with_title=False, as_of=self.document_date(kas=True)))

    def kas(self) -> Html:
        from rtplan.render.kas import kas_html

        return Html(_h2(t("report.h.kas", self.lang)) + kas_html(self._kas(), self.lang))

    def kas_book(self) -> Html:
        from rtplan.render.views import to_html
        from rtplan.views.kas import book_view

        book = book_view(self._kas(), self.lang, table_id="report-kas-book")
        return Html(_h2(t("report.h.book", self.lang)) + to_html(book, caption=False))

    def balance_chart(self) -> ChartParts:
        """The balance and monthly charts, printed as SVG whose words stay text (like the
        progress charts), so every label can be read, and measured, in the PDF."""
        def build():  # type: ignore[no-untyped-def]
            from rtplan.charts.monitoring import balance_figure

            return fit_for_print(balance_figure(self._kas(), self.lang))

        return ChartParts([CachedChart(build)])

    # -- both ------------------------------------------------------------------------
    def document_date(self, kas: bool | None = None) -> dt.date:
        """The date the report speaks for, printed as its "per" date and by its signatures:
        ``--as-of`` when given; else the cash report's last day, or the progress report's date."""
        if self.as_of is not None:
            return self.as_of
        if kas if kas is not None else hasattr(self, "_summary"):
            return self._kas().end
        return self._report().as_of

    def signatures(self, treasurer: bool = True) -> Html:
        """The signature blocks, dated the report's date (:meth:`document_date`), kept with
        their place-and-date line."""
        area, people = self.plan.area, self.plan.people
        place = str(area.get("kelurahan") or area.get("city") or "")
        day = format_date(self.document_date(kas=treasurer), self.lang, "long")
        blocks = [(t("handout.sig_ketua", self.lang, rt=area.get("rt", "")), people.get("ketua_rt", ""))]
        if treasurer:
            blocks.append((t("report.sig_treasurer", self.lang), people.get("treasurer", "")))
        return Html(signature_blocks(blocks, place=place, day=day))
