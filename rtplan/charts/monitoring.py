"""Step 4 charts: planned vs held sessions, participants, cost, and the cash balance."""

from __future__ import annotations

from typing import Any

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from rtplan.charts import HATCHES, PALETTE
from rtplan.charts.figure import new_figure
from rtplan.fmt import format_date, format_idr, format_month, format_number
from rtplan.kas import KasSummary
from rtplan.messages import normalize_lang, t
from rtplan.monitoring import ProgressReport
from rtplan.tables import is_missing

LABEL_WIDTH = 34


def _label(activity_id: str, title: str) -> str:
    text = f"{activity_id} · {title}"
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1].rstrip() + "…"


BAR_ROWS = 12  # activities on one printed bar chart: more are split over several charts


def _activities(report: ProgressReport, only: list[str] | None) -> Any:
    acts = report.activities
    return acts if only is None else acts[acts["activity_id"].astype(str).isin(only)].reset_index(drop=True)


def _title(text: str, part: tuple[int, int] | None) -> str:
    return text if part is None or part[1] <= 1 else f"{text} ({part[0]}/{part[1]})"


def _height(n: int) -> float:
    return max(3.2, 0.62 * n + 1.8)


def _bar_axes(ax: Axes, labels: list[str]) -> None:
    ax.set_yticks(range(len(labels)), labels, fontsize=11)
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _empty(fig: Figure, ax: Axes, lang: str) -> Figure:
    ax.text(0.5, 0.5, t("mon.chart.nothing", lang), ha="center", va="center", fontsize=14, transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _bar_style(i: int) -> dict[str, Any]:
    return {"color": PALETTE[i % len(PALETTE)], "hatch": HATCHES[i % len(HATCHES)], "edgecolor": "black",
            "linewidth": 0.6}


def sessions_figure(report: ProgressReport, lang: str | None = None, only: list[str] | None = None,
                    part: tuple[int, int] | None = None) -> Figure:
    """Per activity: sessions planned in all, due by the as-of date, and held."""
    lang = normalize_lang(lang or report.lang)
    acts = _activities(report, only)
    fig = new_figure(11, _height(len(acts)))
    ax = fig.subplots()
    fig.suptitle(_title(t("mon.chart.sessions_title", lang), part), fontsize=14)
    if acts.empty:
        return _empty(fig, ax, lang)
    labels = [_label(a, b) for a, b in zip(acts["activity_id"], acts["title"])]
    series = [
        (t("mon.chart.sessions_planned", lang), acts["planned_sessions"]),
        (t("mon.chart.sessions_to_date", lang, as_of=format_date(report.as_of, lang, "medium")),
         acts["planned_to_date"]),
        (t("mon.chart.sessions_held", lang), acts["held_sessions"]),
    ]
    h = 0.26
    top = max(1, int(acts["planned_sessions"].max()), int(acts["held_sessions"].max()))
    for i, (name, values) in enumerate(series):
        positions = [p + (i - 1) * h for p in range(len(acts))]
        ax.barh(positions, values, height=h, label=name, **_bar_style([4, 1, 0][i]))
        for p, v in zip(positions, values):
            ax.text(int(v) + top * 0.01, p, str(int(v)), va="center", fontsize=9)
    _bar_axes(ax, labels)
    ax.set_xlim(0, top * 1.1 + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(t("mon.chart.sessions_axis", lang), fontsize=11)
    fig.legend(loc="outside lower center", ncols=3, fontsize=10, frameon=False)
    return fig


def participants_figure(report: ProgressReport, lang: str | None = None, only: list[str] | None = None,
                        part: tuple[int, int] | None = None) -> Figure:
    """Per activity: target participants per session vs the mean present (men and women)."""
    lang = normalize_lang(lang or report.lang)
    acts = _activities(report, only)
    fig = new_figure(11, _height(len(acts)))
    ax = fig.subplots()
    fig.suptitle(_title(t("mon.chart.participants_title", lang), part), fontsize=14)
    if acts.empty:
        return _empty(fig, ax, lang)
    labels = [_label(a, b) for a, b in zip(acts["activity_id"], acts["title"])]
    h = 0.38
    held = [max(1, int(n)) for n in acts["held_sessions"]]
    mean_l = [int(m) / n if int(k) else 0 for m, n, k in zip(acts["participants_l"], held, acts["held_sessions"])]
    mean_p = [int(p) / n if int(k) else 0 for p, n, k in zip(acts["participants_p"], held, acts["held_sessions"])]
    targets = [0 if is_missing(v) else int(v) for v in acts["target_participants"]]
    pos_t = [p - h / 2 for p in range(len(acts))]
    pos_a = [p + h / 2 for p in range(len(acts))]
    ax.barh(pos_t, targets, height=h, label=t("mon.chart.target", lang), **_bar_style(4))
    ax.barh(pos_a, mean_l, height=h, label=t("mon.chart.mean_l", lang), **_bar_style(0))
    ax.barh(pos_a, mean_p, left=mean_l, height=h, label=t("mon.chart.mean_p", lang), **_bar_style(1))
    top = max([1.0, *targets, *(a + b for a, b in zip(mean_l, mean_p))])
    for p, v in zip(pos_t, targets):
        if v:
            ax.text(v + top * 0.01, p, str(v), va="center", fontsize=9)
    for p, a, b, k in zip(pos_a, mean_l, mean_p, acts["held_sessions"]):
        if int(k):
            ax.text(a + b + top * 0.01, p, format_number(a + b, lang, 1 if (a + b) % 1 else 0), va="center",
                    fontsize=9)
    _bar_axes(ax, labels)
    ax.set_xlim(0, top * 1.12 + 1)
    ax.set_xlabel(t("mon.chart.people_axis", lang), fontsize=11)
    fig.legend(loc="outside lower center", ncols=3, fontsize=10, frameon=False)
    return fig


def _thousands(lang: str) -> FuncFormatter:
    return FuncFormatter(lambda v, _: format_number(v / 1000, lang, 0))


def cost_figure(report: ProgressReport, lang: str | None = None, only: list[str] | None = None,
                part: tuple[int, int] | None = None) -> Figure:
    """Per activity: the budget (total over the plan) vs what was spent so far."""
    lang = normalize_lang(lang or report.lang)
    acts = _activities(report, only)
    fig = new_figure(11, _height(len(acts)))
    ax = fig.subplots()
    fig.suptitle(_title(t("mon.chart.cost_title", lang), part), fontsize=14)
    if acts.empty:
        return _empty(fig, ax, lang)
    labels = [_label(a, b) for a, b in zip(acts["activity_id"], acts["title"])]
    h = 0.38
    budget = [int(v) for v in acts["cost_planned_idr"]]
    actual = [int(v) for v in acts["cost_actual_idr"]]
    top = max([1, *budget, *actual])
    for i, (name, values, style) in enumerate(((t("mon.chart.cost_budget", lang), budget, 4),
                                               (t("mon.chart.cost_actual", lang), actual, 2))):
        positions = [p + (i - 0.5) * h for p in range(len(acts))]
        ax.barh(positions, values, height=h, label=name, **_bar_style(style))
        for p, v in zip(positions, values):
            ax.text(v + top * 0.01, p, format_number(v / 1000, lang, 0), va="center", fontsize=9)
    _bar_axes(ax, labels)
    ax.set_xlim(0, top * 1.12)
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.set_xlabel(t("mon.chart.thousand_idr", lang), fontsize=11)
    fig.legend(loc="outside lower center", ncols=2, fontsize=10, frameon=False)
    return fig


def balance_figure(summary: KasSummary, lang: str | None = None) -> Figure:
    """The running cash balance over the period (top) and income/expenses per month (bottom)."""
    lang = normalize_lang(lang or summary.lang)
    fig = new_figure(11, 6)  # 6 in: it fits under a kas summary that ends high on its page
    top_ax, bottom_ax = fig.subplots(2, 1, height_ratios=[1.2, 1])
    # running balance: a step line from the opening balance to the end of the period
    days = [summary.start, *summary.entries["date"], summary.end]
    counted = summary.entries["balance_idr"].tolist()
    balances = [summary.opening_balance_idr, *counted, summary.closing_balance_idr]
    # entries carried into the opening balance do not move the line
    carried = len(summary.opening_entry_ids)
    balances[1:1 + carried] = [summary.opening_balance_idr] * carried
    # solid up to the last entry, dashed after it (no entry yet: the balance only carries on)
    last = len(days) - 1 if len(summary.entries) == 0 else len(days) - 2
    last = max(1, last)
    top_ax.step(days[:last + 1], balances[:last + 1], where="post", color=PALETTE[0], linewidth=2.2)
    top_ax.plot(days[last:], balances[last:], color=PALETTE[0], linewidth=1.6, linestyle="--")
    if len(summary.entries):
        top_ax.plot(days[1:-1], balances[1:-1], "o", color=PALETTE[0], markersize=4)
    top_ax.axhline(0, color="black", linewidth=0.8)
    top_ax.fill_between(days, balances, step="post", color=PALETTE[0], alpha=0.12, hatch="//", edgecolor=PALETTE[0],
                        linewidth=0)
    top_ax.set_title(t("mon.chart.balance_title", lang, opening=format_idr(summary.opening_balance_idr, lang),
                       closing=format_idr(summary.closing_balance_idr, lang)), fontsize=13)
    top_ax.yaxis.set_major_formatter(_thousands(lang))
    top_ax.set_ylabel(t("mon.chart.thousand_idr", lang), fontsize=11)
    top_ax.set_xlim(summary.start, summary.end)
    # at least Rp 100.000 high, so an empty or tiny book does not get ticks of a few Rupiah
    top_ax.set_ylim(min(0, *balances) * 1.1, max(100_000, *balances) * 1.15)
    if summary.entries.empty:
        top_ax.text(0.5, 0.5, t("mon.chart.nothing", lang), ha="center", va="center", fontsize=13,
                    transform=top_ax.transAxes)
    months = [format_month(m, lang, abbreviated=True) for m in summary.months["month"]]
    # a tick a month up to a year; longer: every n-th month, so the labels never overlap
    top_ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, -(-len(months) // 12))))
    top_ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _: format_month(mdates.num2date(v).date(), lang, abbreviated=True)))
    top_ax.spines[["top", "right"]].set_visible(False)
    top_ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    # income and expenses per month
    x = list(range(len(months)))
    w = 0.38
    bottom_ax.bar([i - w / 2 for i in x], summary.months["income_idr"], width=w, label=t("mon.chart.income", lang),
                  **_bar_style(2))
    bottom_ax.bar([i + w / 2 for i in x], summary.months["expense_idr"], width=w,
                  label=t("mon.chart.expense", lang), **_bar_style(3))
    if len(months) > 12:
        # many months: "Des" over "2026", every n-th labelled, so labels never overlap (24 months: every 2nd)
        step = -(-len(months) // 12)
        months = [m.replace(" ", "\n") if i % step == 0 else "" for i, m in enumerate(months)]
    bottom_ax.set_xticks(x, months, fontsize=11 if len(x) <= 12 else 10)
    bottom_ax.yaxis.set_major_formatter(_thousands(lang))
    bottom_ax.set_ylabel(t("mon.chart.thousand_idr", lang), fontsize=11)
    bottom_ax.set_title(t("mon.chart.monthly_title", lang), fontsize=13)
    top_month = max([100_000, *summary.months["income_idr"], *summary.months["expense_idr"]])
    bottom_ax.set_ylim(0, top_month * 1.1)
    bottom_ax.spines[["top", "right"]].set_visible(False)
    bottom_ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    bottom_ax.set_axisbelow(True)
    bottom_ax.legend(fontsize=10, frameon=False, loc="upper right")
    return fig


__all__ = ["balance_figure", "cost_figure", "participants_figure", "sessions_figure"]
