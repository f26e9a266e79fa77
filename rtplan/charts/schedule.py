"""Step 3 charts: the schedule as a Gantt chart and as monthly calendars, and the budget."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import textwrap

import matplotlib.dates as mdates
import numpy as np
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter

from rtplan import holidays_id
from rtplan.budget import budget_summary, monthly_table
from rtplan.charts import HATCHES, PALETTE, split_even
from rtplan.charts.figure import new_figure
from rtplan.fmt import day_names, format_month, format_number
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.schedule import find_conflicts, plan_sessions
from rtplan.schema import NEED_CATEGORIES

HOLIDAY_COLOUR = "#e63946"
RAMADAN_COLOUR = "#2a9d8f"
AUGUST_COLOUR = "#f4a261"
CLASH_COLOUR = "#a4161a"


def category_style(category: str) -> tuple[str, str]:
    """Colour and hatch of a need category (the same in every chart of step 3)."""
    if category in NEED_CATEGORIES:
        i = NEED_CATEGORIES.index(category)
        return PALETTE[i % len(PALETTE)], HATCHES[i % len(HATCHES)]
    return "#bbbbbb", "xx"


def _category_label(category: str, lang: str) -> str:
    from rtplan.needs.summary import category_label

    return category_label(category, lang) if category else t("chart.schedule.no_category", lang)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _period(plan: Plan, sessions_start: dt.date | None, sessions_end: dt.date | None) -> tuple[dt.date, dt.date]:
    if plan.period:
        return plan.period
    start = sessions_start or dt.date.today()
    return start, sessions_end or start + dt.timedelta(days=180)


def _clash_dates(plan: Plan, lang: str) -> dict[str, set[dt.date]]:
    """Activity id -> dates of venue or PIC clashes (errors), to mark them."""
    out: dict[str, set[dt.date]] = {}
    for c in find_conflicts(plan, lang):
        if c.kind in ("venue_clash", "pic_clash"):
            for aid in c.activity_ids:
                out.setdefault(aid, set()).update(c.dates)
    return out


def _month_axis(ax, start: dt.date, end: dt.date, lang: str, short: bool = False) -> None:  # type: ignore[no-untyped-def]
    months = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    if len(months) <= (8 if short else 12):
        labels = [format_month(m, lang, abbreviated=short or len(months) > 8) for m in months]
    else:
        # a long period: a tick per month, a label ("Des" over "2026") every `step` months, so the
        # labels never overlap at 10 pt whatever the period (24 months on an A4 page: every 2nd)
        step = -(-len(months) // (8 if short else 12))
        labels = [format_month(m, lang, abbreviated=True).replace(" ", "\n") if i % step == 0 else ""
                  for i, m in enumerate(months)]
    ax.set_xticks([mdates.date2num(m) for m in months], labels, fontsize=10)
    ax.set_xlim(mdates.date2num(start), mdates.date2num(end + dt.timedelta(days=1)))


GANTT_ROWS = 16  # activities on one printed chart: more are split over several charts (an A4 page each)


def gantt_parts(plan: Plan, per_part: int = GANTT_ROWS) -> list[list[str]]:
    """The activity ids of each printed Gantt chart: the activities (cancelled ones left out)
    in plan order, split into even parts of at most ``per_part`` (one part when they fit)."""
    acts = plan["activities"]
    ids = [str(a) for a, s in zip(acts["activity_id"], acts["status"].fillna("").astype(str)) if s != "batal"]
    return split_even(ids, per_part)


def gantt_figure(plan: Plan, lang: str | None = None, width: float = 13,
                 only: list[str] | None = None, part: tuple[int, int] | None = None) -> Figure:
    """Activities as bars over the plan period, coloured (and hatched) by need category.

    ``width`` in inches: 13 for a screen or projector; about 7 for an A4 page (then
    month names are abbreviated, titles shortened and the legend takes three columns,
    so the fonts print at their size).

    Each bar runs from the activity's first to its last day in the period; thin
    marks show its sessions, red crosses the sessions that clash with another
    activity (same venue or PIC). Public holidays and cuti bersama are shaded red,
    Ramadan green, the 17 Agustus week orange.
    """
    lang = normalize_lang(lang or plan.lang)
    sessions = plan_sessions(plan)
    acts = plan["activities"]
    acts = acts[acts["status"].fillna("").astype(str) != "batal"].reset_index(drop=True)
    first = sessions["date"].min().date() if len(sessions) else None
    last = sessions["date"].max().date() if len(sessions) else None
    start, end = _period(plan, first, last)  # every part keeps the whole period's axis
    if only is not None:
        acts = acts[acts["activity_id"].astype(str).isin(only)].reset_index(drop=True)
    n = max(1, len(acts))
    narrow = width < 10
    fig = new_figure(width, 2.6 + 0.42 * n + (0.5 if narrow else 0))
    ax = fig.subplots()
    for a, b in holidays_id.ramadan_ranges(start, end, holidays_id.calendar_settings(plan.meta)):
        ax.axvspan(mdates.date2num(max(a, start)), mdates.date2num(min(b, end) + dt.timedelta(days=1)),
                   color=RAMADAN_COLOUR, alpha=0.12, lw=0, zorder=0)
    for a, b in holidays_id.august_windows(start, end):
        ax.axvspan(mdates.date2num(a), mdates.date2num(b + dt.timedelta(days=1)), color=AUGUST_COLOUR,
                   alpha=0.15, lw=0, zorder=0)
    for day in holidays_id.holidays_between(start, end, lang):
        ax.axvspan(mdates.date2num(day), mdates.date2num(day + dt.timedelta(days=1)), color=HOLIDAY_COLOUR,
                   alpha=0.25, lw=0, zorder=0)
    clashes = _clash_dates(plan, lang)
    categories_seen: list[str] = []
    labels = []
    # each activity's sessions, found once (not one filter of every session per activity)
    by_activity = {str(aid): frame for aid, frame in sessions.groupby("activity_id", sort=False)}
    empty = sessions.iloc[0:0]
    # every session's mark, drawn at the end as one collection (hundreds of lines, one artist)
    mark_x: list[float] = []
    mark_y: list[float] = []
    for y, row in enumerate(acts.itertuples(index=False)):
        aid = str(row.activity_id)
        own = by_activity.get(aid, empty)
        category = str(own["category"].iloc[0]) if len(own) else ""
        if not len(own):
            from rtplan.schedule import _first_category

            needs = plan["needs"]
            category = _first_category(row.need_ids, dict(zip(needs["need_id"].astype(str),
                                                               needs["category"].astype(str))))
        colour, hatch = category_style(category)
        if category not in categories_seen:
            categories_seen.append(category)
        labels.append(f"{aid}  {_shorten(str(row.title), 24 if narrow else 34)}")
        if len(own):
            a = own["date"].min().date()
            b = own["date"].max().date() + dt.timedelta(days=1)
            ax.barh(y, mdates.date2num(b) - mdates.date2num(a), left=mdates.date2num(a), height=0.62,
                    color=colour, alpha=0.45, hatch=hatch, edgecolor="black", linewidth=0.6, zorder=2)
            days = own["date"].dt.normalize().to_numpy()
            mark_x.extend((mdates.date2num(days) + 0.5).tolist())
            mark_y.extend([y] * len(days))
            bad = sorted(clashes.get(aid, ()))
            if bad:
                ax.plot([mdates.date2num(d) + 0.5 for d in bad], [y] * len(bad), "x", color=CLASH_COLOUR,
                        markersize=11, mew=2.6, zorder=4)
    if mark_x:
        ys = np.asarray(mark_y, dtype=float)
        ax.vlines(mark_x, ys - 0.31, ys + 0.31, color="black", lw=1.4, zorder=3, capstyle="projecting")
    ax.set_yticks(range(len(labels)), labels, fontsize=10)
    ax.set_ylim(len(labels) - 0.5, -0.6)
    _month_axis(ax, start, end, lang, short=narrow)
    ax.grid(axis="x", color="#999999", lw=0.5, ls=":")
    ax.spines[["top", "right"]].set_visible(False)
    categories_seen.sort(key=lambda c: NEED_CATEGORIES.index(c) if c in NEED_CATEGORIES else len(NEED_CATEGORIES))
    handles: list[Artist] = [
        Patch(facecolor=category_style(c)[0], hatch=category_style(c)[1], alpha=0.6, edgecolor="black",
              label=_category_label(c, lang)) for c in categories_seen]
    handles += [Patch(facecolor=HOLIDAY_COLOUR, alpha=0.35, label=t("chart.schedule.holiday", lang)),
                Patch(facecolor=RAMADAN_COLOUR, alpha=0.25, label=t("chart.schedule.ramadan", lang))]
    if holidays_id.august_windows(start, end):
        handles.append(Patch(facecolor=AUGUST_COLOUR, alpha=0.3, label=t("chart.schedule.august", lang)))
    if clashes:
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], marker="x", color=CLASH_COLOUR, lw=0, mew=2.6, markersize=10,
                              label=t("chart.schedule.clash", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(3 if narrow else 5, len(handles)),
               fontsize=9 if narrow else 10, frameon=False)
    title = t("chart.schedule.gantt_title", lang)
    if part is not None and part[1] > 1:
        title = f"{title} ({part[0]}/{part[1]})"
    fig.suptitle(title, fontsize=14)
    return fig


def month_calendar_figure(plan: Plan, year: int, month: int, lang: str | None = None,
                          max_lines: int = 4) -> Figure:
    """One month as a wall calendar: each day lists its sessions (time, id, title).

    Holidays and cuti bersama are shaded red with their name, Ramadan days green;
    sessions that clash with another activity are marked ``!`` in dark red. A day with
    more than ``max_lines`` sessions shows ``+n``.
    """
    return _draw_month(_month_content(plan, year, month, normalize_lang(lang or plan.lang), max_lines))


# what one month's calendar shows: year, month, language, lines a day, the days off (day, names),
# the Ramadan ranges, and each day's sessions (day, ((time, activity, title, category, clashes), ...))
_MonthContent = tuple[int, int, str, int, tuple[tuple[dt.date, tuple[str, ...]], ...],
                      tuple[tuple[dt.date, dt.date], ...],
                      tuple[tuple[dt.date, tuple[tuple[str, str, str, str, bool], ...]], ...]]


def _month_content(plan: Plan, year: int, month: int, lang: str, max_lines: int) -> _MonthContent:
    """Everything :func:`_draw_month` draws for one month (equal contents draw equal charts)."""
    sessions = plan_sessions(plan)
    first = dt.date(year, month, 1)
    last = dt.date(year, month, _calendar.monthrange(year, month)[1])
    days_off = holidays_id.holidays_between(first, last, lang)
    ramadan = holidays_id.ramadan_ranges(first, last, holidays_id.calendar_settings(plan.meta))
    clashes = _clash_dates(plan, lang)
    month_sessions = sessions[(sessions["date"] >= str(first)) & (sessions["date"] <= str(last))]
    month_sessions = month_sessions.sort_values(["date", "start_time", "activity_id"])
    by_day: dict[dt.date, list[tuple[str, str, str, str, bool]]] = {}
    for row in month_sessions.itertuples(index=False):
        day, aid = row.date.date(), str(row.activity_id)
        by_day.setdefault(day, []).append((str(row.start_time or ""), aid, str(row.title), str(row.category or ""),
                                           day in clashes.get(aid, set())))
    return (year, month, lang, max_lines,
            tuple((day, tuple(h.name for h in days_off[day])) for day in sorted(days_off)),
            tuple((a, b) for a, b in ramadan),
            tuple((day, tuple(items)) for day, items in sorted(by_day.items())))


def _draw_month(content: _MonthContent) -> Figure:
    year, month, lang, max_lines, off, ramadan, sessions = content
    days_off = dict(off)
    by_day = dict(sessions)
    first = dt.date(year, month, 1)
    weeks = _calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    # shown about 1200 px wide at 1280x720: type of 10 pt and more is 13 px and more there
    fig = new_figure(13, 1.4 + 1.75 * len(weeks))
    ax = fig.subplots()
    ax.set_xlim(-0.01, 7.01)
    ax.set_ylim(len(weeks) + 0.36, 0)
    ax.axis("off")
    for d, name in enumerate(day_names(lang)):
        ax.text(d + 0.5, 0.17, name, ha="center", va="center", fontsize=15, fontweight="bold",
                color=HOLIDAY_COLOUR if d == 6 else "black")
    for w, week in enumerate(weeks):
        top = w + 0.35
        for d, day in enumerate(week):
            inside = day.month == month
            face = "white"
            if inside and day in days_off:
                face = "#fbd5d8"
            elif inside and any(a <= day <= b for a, b in ramadan):
                face = "#d8efec"
            ax.add_patch(Rectangle((d, top), 1, 1, facecolor=face if inside else "#f2f2f2",
                                   edgecolor="#888888", lw=0.8))
            if not inside:
                continue
            red = day in days_off or d == 6
            ax.text(d + 0.05, top + 0.04, str(day.day), ha="left", va="top", fontsize=15, fontweight="bold",
                    color=HOLIDAY_COLOUR if red else "black")
            y = top + 0.36
            limit = max_lines
            if day in days_off:
                name = "; ".join(days_off[day])
                wrapped = textwrap.wrap(name, 20)[:2]
                if len(textwrap.wrap(name, 20)) > 2:
                    wrapped[1] = _shorten(wrapped[1], 19)
                ax.text(d + 0.05, top + 0.22, "\n".join(wrapped), ha="left", va="top", fontsize=9.5,
                        color=HOLIDAY_COLOUR, linespacing=1.0)
                y += 0.11 * len(wrapped)
                limit = max_lines - 1
            items = by_day.get(day, ())
            shown = items if len(items) <= limit else items[: limit - 1]
            for clock, _, title, category, bad in shown:
                colour, _ = category_style(category)
                # no id: the time and the title fill the day's width at a size the room can read
                text = f"{'! ' if bad else ''}{clock} {_shorten(title, 11 if bad else 13)}".strip()
                ax.add_patch(Rectangle((d + 0.04, y - 0.07), 0.035, 0.14, facecolor=colour, edgecolor="none"))
                ax.text(d + 0.1, y, text, ha="left", va="center", fontsize=10.5,
                        color=CLASH_COLOUR if bad else "black", fontweight="bold" if bad else "normal")
                y += 0.16
            if len(items) > len(shown):
                ax.text(d + 0.1, y, t("chart.schedule.more", lang, n=len(items) - len(shown)), ha="left",
                        va="center", fontsize=10.5, style="italic")
    present = sorted({x[3] for items in by_day.values() for x in items},
                     key=lambda c: NEED_CATEGORIES.index(c) if c in NEED_CATEGORIES else len(NEED_CATEGORIES))
    handles = [Patch(facecolor=category_style(c)[0], label=_category_label(c, lang)) for c in present]
    handles += [Patch(facecolor="#fbd5d8", edgecolor="#888888", label=t("chart.schedule.holiday", lang))]
    if ramadan:
        handles.append(Patch(facecolor="#d8efec", edgecolor="#888888", label=t("chart.schedule.ramadan", lang)))
    if any(x[4] for items in by_day.values() for x in items):
        handles.append(Patch(facecolor="white", edgecolor="white", label=t("chart.schedule.clash_mark", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(5, len(handles)), fontsize=13,
               frameon=False)
    fig.suptitle(format_month(first, lang), fontsize=20)
    return fig


class Figures(list[Figure]):
    """Several charts that a notebook shows one after the other (a list shows only its repr)."""

    def _ipython_display_(self) -> None:
        from IPython.display import display

        for figure in self:
            display(figure)


def month_calendar_figures(plan: Plan, lang: str | None = None) -> Figures:
    """:func:`month_calendar_figure` for every month of the plan period (shown one by one)."""
    out = Figures()
    if plan.period is None:
        return out
    lang = normalize_lang(lang or plan.lang)
    # a month that shows what it showed before is not drawn again: after a save, the months the
    # change touches are drawn, the others keep their chart (and its PNG, see ChartFigure.keep_png)
    before: dict[_MonthContent, Figure] = plan.result_cache.get(_MONTHS_KEY, {})
    kept: dict[_MonthContent, Figure] = {}
    start, end = plan.period
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        content = _month_content(plan, year, month, lang, 4)
        figure = kept[content] = before.get(content) or _kept_png(_draw_month(content))
        out.append(figure)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    plan.result_cache[_MONTHS_KEY] = kept
    return out


_MONTHS_KEY = "rtplan.charts.schedule.month_calendar_figures"  # the charts of the last call, by content


def _kept_png(figure: Figure) -> Figure:
    keep = getattr(figure, "keep_png", None)
    if keep is not None:
        keep()
    return figure


def _short_idr(value: float, lang: str) -> str:
    if abs(value) >= 1_000_000:
        return f"{format_number(value / 1_000_000, lang, 1)} {t('chart.million', lang)}"
    if abs(value) >= 1000:
        return f"{format_number(value / 1000, lang, 0)} {t('chart.thousand', lang)}"
    return format_number(value, lang, 0)


def budget_figure(plan: Plan, lang: str | None = None) -> Figure:
    """Left: planned cost against available funds per funding source, shortfalls in red.
    Right: planned cost per month, stacked by funding source."""
    lang = normalize_lang(lang or plan.lang)
    summary = budget_summary(plan)
    sources = [s for s in summary.sources if s.planned_idr or s.available_idr]
    fig = new_figure(13, 5.2)
    left, right = fig.subplots(1, 2, width_ratios=[1.05, 1])
    ys = range(len(sources))
    names = [s.funding_source or t("budget.no_source", lang) for s in sources]
    h = 0.38
    left.barh([y - h / 2 for y in ys], [s.planned_idr for s in sources], height=h, color=PALETTE[0],
              edgecolor="black", lw=0.5, label=t("budget.col.planned", lang))
    left.barh([y + h / 2 for y in ys], [s.available_idr for s in sources], height=h, color=PALETTE[2],
              hatch="//", edgecolor="black", lw=0.5, label=t("budget.col.available", lang))
    top = max([max(s.planned_idr, s.available_idr) for s in sources] + [1])
    for y, s in zip(ys, sources):
        if s.shortfall_idr:
            left.text(max(s.planned_idr, s.available_idr) + top * 0.02, y,
                      t("chart.budget.short", lang, amount=_short_idr(s.shortfall_idr, lang)), va="center",
                      fontsize=10, color=HOLIDAY_COLOUR, fontweight="bold")
    left.set_yticks(list(ys), names, fontsize=11)
    left.set_ylim(len(sources) - 0.4, -0.6)
    left.set_xlim(0, top * 1.45)
    left.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _short_idr(v, lang)))
    left.set_title(t("chart.budget.by_source", lang), fontsize=12)
    left.legend(loc="lower right", fontsize=10)
    left.spines[["top", "right"]].set_visible(False)

    table = monthly_table(plan)
    cols = [c for c in table.columns if c not in ("month", "total")]
    xs = range(len(table))
    bottom = [0] * len(table)
    order = [s.funding_source for s in summary.sources]
    for c in cols:
        i = order.index(c) if c in order else len(order)
        values = list(table[c])
        right.bar(list(xs), values, bottom=bottom, color=PALETTE[i % len(PALETTE)],
                  hatch=HATCHES[i % len(HATCHES)], edgecolor="black", lw=0.5,
                  label=c or t("budget.no_source", lang))
        bottom = [b + v for b, v in zip(bottom, values)]
    right.set_xticks(list(xs), [format_month(f"{m}-01", lang, abbreviated=True) for m in table["month"]],
                     fontsize=10, rotation=30 if len(table) > 8 else 0)
    right.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _short_idr(v, lang)))
    right.set_title(t("chart.budget.by_month", lang), fontsize=12)
    right.legend(fontsize=9, loc="upper right")
    right.set_ylim(0, max([*bottom, 1]) * 1.35)
    right.spines[["top", "right"]].set_visible(False)
    fig.suptitle(t("chart.budget.title", lang, planned=_short_idr(summary.planned_idr, lang),
                   available=_short_idr(summary.available_idr, lang)), fontsize=14)
    return fig


__all__ = ["budget_figure", "category_style", "gantt_figure", "month_calendar_figure", "month_calendar_figures"]
