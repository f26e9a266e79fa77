"""Step 2 charts: the asset inventory by ABCD category and the institution diagram."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from rtplan.charts import HATCHES, PALETTE
from rtplan.charts.figure import new_figure
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.resources import (
    ABCD_TO_REMBUG,
    CENTRE_RADIUS,
    REMBUG_GROUPS,
    category_counts,
    institution_diagram,
)
from rtplan.resources.labels import ABCD_LABELS, REMBUG_LABELS

_GROUP_STYLE = {g: (PALETTE[i], HATCHES[i]) for i, g in enumerate(REMBUG_GROUPS)}


def inventory_figure(plan: Plan, lang: str | None = None) -> Figure:
    """Resources per ABCD category, each bar coloured (and hatched) by its Rembug Warga group."""
    lang = normalize_lang(lang or plan.message_lang)
    counts = category_counts(plan["resources"])
    fig = new_figure(10, 4.8)
    ax = fig.subplots()
    labels = [t(ABCD_LABELS[c], lang) for c in counts["category"]]
    positions = range(len(counts))
    for pos, (cat, n) in zip(positions, zip(counts["category"], counts["count"])):
        colour, hatch = _GROUP_STYLE[ABCD_TO_REMBUG[cat]]
        ax.barh(pos, n, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6, height=0.7)
        ax.text(n + 0.1, pos, str(int(n)), va="center", fontsize=12)
    ax.set_yticks(list(positions), labels, fontsize=12)
    ax.invert_yaxis()
    top = int(counts["count"].max()) if len(counts) else 0
    ax.set_xlim(0, max(top, 1) * 1.15 + 0.5)
    ax.set_xlabel(t("res.chart.count", lang), fontsize=11)
    ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))  # AutoLocator's
    ax.spines[["top", "right"]].set_visible(False)
    handles = [Patch(facecolor=_GROUP_STYLE[g][0], hatch=_GROUP_STYLE[g][1], edgecolor="black",
                     label=t(REMBUG_LABELS[g], lang)) for g in REMBUG_GROUPS]
    fig.legend(handles=handles, title=t("res.col.rembug", lang), loc="outside right upper", fontsize=11,
               title_fontsize=11)
    fig.suptitle(t("res.chart.inventory_title", lang), fontsize=14)
    return fig


def institution_figure(plan: Plan, lang: str | None = None, institutions: pd.DataFrame | None = None) -> Figure:
    """The institution diagram (diagram Venn kelembagaan) as the classic circles chart.

    The residents' circle is in the middle; each institution is a circle whose size
    shows its importance and whose distance shows how close it is to residents
    (positions from :func:`rtplan.resources.institution_diagram`). Circles carry the
    institution's id; the list beside the diagram gives names and both scores.

    Parameters
    ----------
    plan : the plan (its ``institutions`` table and RT/RW).
    lang : ``"id"`` or ``"en"`` (default: the plan's).
    institutions : draw these rows instead of the saved table (the editor's live preview).
    """
    lang = normalize_lang(lang or plan.message_lang)
    frame = plan["institutions"] if institutions is None else institutions
    layout = institution_diagram(frame)
    fig = new_figure(12, 7.2)
    ax, side = fig.subplots(1, 2, width_ratios=[1.35, 1])
    ax.set_aspect("equal")
    ax.axis("off")
    side.axis("off")
    ax.add_patch(Circle((0, 0), CENTRE_RADIUS, facecolor="#fdf0d5", edgecolor="black", linewidth=1.6, zorder=1))
    for i, row in enumerate(layout.itertuples(index=False)):
        colour, hatch = PALETTE[i % len(PALETTE)], HATCHES[(i + 1) % len(HATCHES)]
        ax.add_patch(Circle((row.x, row.y), row.radius, facecolor=colour, alpha=0.45, edgecolor="none", zorder=2))
        ax.add_patch(Circle((row.x, row.y), row.radius, facecolor="none", edgecolor="black", hatch=hatch,
                            linewidth=1.2, zorder=3))
        ax.text(row.x, row.y, row.institution_id, ha="center", va="center", fontsize=13, fontweight="bold",
                zorder=5, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                                "alpha": 0.85})
    area = plan.area
    ax.text(0, 0, t("res.chart.centre", lang, rt=area.get("rt", "-"), rw=area.get("rw", "-")), ha="center",
            va="center", fontsize=13, fontweight="bold", zorder=6,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "black", "alpha": 0.95})
    reach = max([CENTRE_RADIUS] + [abs(r.x) + r.radius for r in layout.itertuples()]
                + [abs(r.y) + r.radius for r in layout.itertuples()]) + 0.15
    ax.set_xlim(-reach, reach)
    ax.set_ylim(-reach, reach)
    if layout.empty:
        ax.text(0, -CENTRE_RADIUS - 0.1, t("res.chart.no_institutions", lang), ha="center", va="top", fontsize=12)
    # the list beside the diagram: id, name (wrapped), importance and closeness
    lines = []
    for i, row in enumerate(layout.itertuples(index=False)):
        name = textwrap.fill(row.name, 34, subsequent_indent="     ")
        scores = (f"{t('res.col.importance', lang)} {row.importance} · "
                  f"{t('res.col.closeness', lang)} {row.closeness}")
        lines.append((i, f"{row.institution_id}  {name}", f"     {scores}"))
    line = 11 * 1.45 / 72 / 6.4  # one 11-point line, in axes units (the list is about 6.4 in tall)
    y = 1.0
    for i, head, scores in lines:
        colour, hatch = PALETTE[i % len(PALETTE)], HATCHES[(i + 1) % len(HATCHES)]
        side.add_patch(_swatch(side, y, colour, hatch))
        for text in head.split("\n"):
            side.text(0.07, y, text, fontsize=11, va="top", transform=side.transAxes, fontweight="bold")
            y -= line
        side.text(0.07, y, scores, fontsize=10, va="top", transform=side.transAxes)
        y -= line * 1.6
    side.text(0.0, max(y - line * 0.4, 0.06), textwrap.fill(t("res.chart.venn_caption", lang), 52), fontsize=10,
              va="top", style="italic", transform=side.transAxes)
    fig.suptitle(t("res.chart.venn_title", lang), fontsize=14)
    return fig


def _swatch(ax: Axes, y: float, colour: str, hatch: str) -> Rectangle:
    return Rectangle((0.0, y - 0.035), 0.05, 0.032, facecolor=colour, alpha=0.6, hatch=hatch, edgecolor="black",
                     transform=ax.transAxes)


__all__ = ["institution_figure", "inventory_figure"]
