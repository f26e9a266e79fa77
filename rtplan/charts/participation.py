"""Step 0 chart: who took part, per meeting."""

from __future__ import annotations

from matplotlib.figure import Figure

from rtplan.charts import HATCHES, PALETTE
from rtplan.charts.figure import new_figure
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.profile import BREAKDOWNS, BY_KEYS, participation_by, sex_label


def participation_figure(plan: Plan, lang: str | None = None) -> Figure:
    """Attendance per meeting by sex, age band and unsur (three grouped bar panels)."""
    lang = lang or plan.lang
    fig = new_figure(12, 4.6)
    axes = fig.subplots(1, 3, width_ratios=[1, 1.6, 2.2])
    meetings = list(plan["meetings"]["meeting_id"])
    for ax, column in zip(axes, BREAKDOWNS):
        table = participation_by(plan, column, lang)
        labels = [sex_label(v, lang) if column == "sex" else str(v) for v in table[column]]
        n = max(1, len(meetings))
        height = 0.8 / n
        positions = range(len(table))
        for i, mid in enumerate(meetings):
            ax.barh([p + i * height for p in positions], table[mid], height=height,
                    color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
                    edgecolor="black", linewidth=0.5, label=mid)
            for p, v in zip(positions, table[mid]):
                if v:
                    ax.text(v + 0.1, p + i * height, str(int(v)), va="center", fontsize=9)
        top = max([int(table[m].max()) for m in meetings if len(table)] + [1])
        ax.set_xlim(0, top * 1.18 + 0.5)
        ax.set_yticks([p + height * (n - 1) / 2 for p in positions], labels, fontsize=10)
        ax.invert_yaxis()
        ax.set_title(t(BY_KEYS[column], lang), fontsize=12)
        ax.set_xlabel(t("chart.people", lang))
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
    if meetings:
        fig.legend(*axes[0].get_legend_handles_labels(), title=t("chart.meeting", lang),
                   loc="outside right upper", fontsize=9)
    fig.suptitle(t("chart.participation_title", lang), fontsize=13)
    return fig
