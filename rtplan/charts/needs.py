"""Step 1 charts: rankings, USG by criterion, dot votes, the methods side by side, problem tree."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import Colormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from rtplan.charts import HATCHES, PALETTE
from rtplan.charts.figure import new_figure
from rtplan.fmt import format_number
from rtplan.messages import normalize_lang, t
from rtplan.needs import (
    BASE_METHODS,
    CRITERIA,
    METHOD_LABELS,
    CombinedView,
    DotRanking,
    ProblemTree,
    Ranking,
    Tables,
    TreeNode,
    UsgRanking,
    needs_by_category,
    problem_tree,
    tree_focus_need,
)
from rtplan.needs.base import _lang
from rtplan.tables import is_missing

LABEL_WIDTH = 34  # characters per line of a need's label
BAR_HEIGHT_IN = 0.52  # inches per bar (two-line labels stay apart)
# a chart beside a form on the projector is shown about 500 CSS px wide (1280 px screen): drawn at that
# size, 15 pt is 20 px there, read from the back of the room (a wide chart scaled down made 7 px labels)
BESIDE_WIDTH_IN = 5.2
BESIDE_FONT_PT = 15
BESIDE_LABEL_WIDTH = 17
BESIDE_BAR_HEIGHT_IN = 0.85

# -- labels (static message keys, so tools can extract them) ------------------------
TITLE_LABELS: dict[str, str] = {
    "usg": "needs.chart.title.usg",
    "dots": "needs.chart.title.dots",
    "pairwise": "needs.chart.title.pairwise",
    "combined": "needs.chart.title.combined",
    "final": "needs.chart.title.final",
}
AXIS_LABELS: dict[str, str] = {
    "usg": "needs.chart.axis.usg",
    "dots": "needs.chart.axis.dots",
    "pairwise": "needs.chart.axis.pairwise",
    "combined": "needs.chart.axis.combined",
    "final": "needs.chart.axis.final",
}
CRITERION_LABELS: dict[str, str] = {
    "urgency": "needs.chart.urgency",
    "seriousness": "needs.chart.seriousness",
    "growth": "needs.chart.growth",
}


def need_label(need_id: str, title: str, width: int = LABEL_WIDTH, lines: int = 2) -> str:
    """``N07 · Saluran air mampet ...`` wrapped to ``lines`` lines of ``width`` characters."""
    wrapped = textwrap.wrap(f"{need_id} · {title}", width) or [need_id]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return "\n".join(wrapped)


def _decimals(values: object) -> int:
    """0 when every value is whole, else 1: the numbers of one chart share a format."""
    arr = np.asarray(values, dtype=float)
    arr = arr[~np.isnan(arr)]
    return 0 if np.allclose(arr, np.round(arr)) else 1


def _value(v: float, lang: str, decimals: int | None = None) -> str:
    if decimals is None:
        decimals = 0 if float(v).is_integer() else 1
    return format_number(round(float(v), decimals), lang, decimals) if decimals else format_number(
        round(float(v)), lang)


def _height(n: int, extra: float = 1.6) -> float:
    return max(3.2, n * BAR_HEIGHT_IN + extra)


def _empty(fig: Figure, title: str, lang: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, t("needs.chart.empty", lang), ha="center", va="center", fontsize=14)
    fig.suptitle(title, fontsize=14)
    return fig


def _style_barh(ax: Axes, n: int, labels: list[str], fontsize: float = 11) -> None:
    ax.set_yticks(range(n), labels, fontsize=fontsize)
    ax.set_ylim(n - 0.5, -0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", labelsize=fontsize)


class _Size:
    """The sizes of a bar chart: wide for the page and the handout, or ``beside`` a form."""

    def __init__(self, beside: bool, n: int) -> None:
        self.width = BESIDE_WIDTH_IN if beside else 11.0
        self.height = max(3.2, n * BESIDE_BAR_HEIGHT_IN + 2.0) if beside else _height(n)
        self.font = BESIDE_FONT_PT if beside else 11
        self.axis = BESIDE_FONT_PT if beside else 12
        self.title = BESIDE_FONT_PT + 1 if beside else 14
        self.label_width = BESIDE_LABEL_WIDTH if beside else LABEL_WIDTH


def ranking_figure(result: Ranking, lang: str | None = None, top: int | None = None,
                   beside: bool = False) -> Figure:
    """Horizontal bars of the ranking's score, best on top, value at each bar's end.

    For the final order the stored priorities are drawn dark, the other needs light.
    ``beside``: drawn at the size it is shown beside a form on the projector, labels large.
    """
    lang = normalize_lang(lang or result.lang)
    table = result.table.head(top) if top else result.table
    n = len(table)
    title = t(TITLE_LABELS[result.method], lang)
    size = _Size(beside, n)
    fig = new_figure(size.width, size.height)
    if n == 0:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    scores = table["score"].astype(float).to_numpy()
    if result.method == "final":
        stored = table["stored"].to_numpy(dtype=bool)
        colors = [PALETTE[0] if s else PALETTE[4] for s in stored]
        hatches = [HATCHES[0] if s else HATCHES[1] for s in stored]
    else:
        colors = [PALETTE[0]] * n
        hatches = [HATCHES[0]] * n
    for i, (v, c, h) in enumerate(zip(scores, colors, hatches)):
        ax.barh(i, v, color=c, hatch=h, edgecolor="black", linewidth=0.6, height=0.7)
    top_value = max(float(scores.max()), 1.0)
    digits = _decimals(scores)
    for i, v in enumerate(scores):
        ax.text(v + top_value * 0.01, i, _value(v, lang, digits), va="center", fontsize=size.font)
    if result.method == "final" and stored.any() and not stored.all():
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=PALETTE[0], edgecolor="black", label=t("needs.chart.stored", lang)),
                   Patch(facecolor=PALETTE[4], edgecolor="black", hatch=HATCHES[1],
                         label=t("needs.chart.not_stored", lang))]
        fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=11, frameon=False)
    ax.set_xlim(0, top_value * (1.25 if beside else 1.12))
    labels = [f"{r}. {need_label(i, ti, size.label_width)}"
              for r, i, ti in zip(table["rank"], table["need_id"], table["title"])]
    _style_barh(ax, n, labels, size.font)
    ax.set_xlabel(t(AXIS_LABELS[result.method], lang), fontsize=size.axis)
    if result.method in ("dots", "pairwise"):
        ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator
    fig.suptitle("\n".join(textwrap.wrap(title, 40)) if beside else title, fontsize=size.title)
    return fig


def usg_stacked_figure(result: UsgRanking, lang: str | None = None, top: int | None = None) -> Figure:
    """USG totals stacked by criterion (U, S, G), with the range of the scorers' totals."""
    lang = normalize_lang(lang or result.lang)
    table = result.table.head(top) if top else result.table
    n = len(table)
    title = t("needs.chart.stacked_title", lang)
    fig = new_figure(11, _height(n, 2.2))
    if n == 0:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    left = np.zeros(n)
    digits = _decimals(table[list(CRITERIA)].to_numpy())
    for k, crit in enumerate(CRITERIA):
        values = table[crit].astype(float).to_numpy()
        ax.barh(range(n), values, left=left, height=0.62, color=PALETTE[k], hatch=HATCHES[k],
                edgecolor="black", linewidth=0.6, label=t(CRITERION_LABELS[crit], lang))
        for i, (x0, v) in enumerate(zip(left, values)):
            ax.text(x0 + v / 2, i, _value(v, lang, digits), ha="center", va="center", fontsize=10,
                    color="white" if k == 0 else "black",
                    bbox={"boxstyle": "round,pad=0.12", "fc": PALETTE[k], "ec": "none"})
        left += values
    lo = table["total_min"].astype(float).to_numpy()
    hi = table["total_max"].astype(float).to_numpy()
    several = (table["n_scorers"].astype(int).to_numpy() > 1) & ~np.isnan(lo)
    if several.any():
        ys = np.arange(n)[several] + 0.43
        ax.hlines(ys, lo[several], hi[several], color="black", linewidth=1.6, label=t("needs.chart.range", lang))
        ax.plot(lo[several], ys, "|", color="black", markersize=8)
        ax.plot(hi[several], ys, "|", color="black", markersize=8)
    totals = table["total"].astype(float).to_numpy()
    right = np.fmax(totals, np.where(several, hi, 0))
    digits = _decimals(totals)
    for i, (tot, r) in enumerate(zip(totals, right)):
        ax.text(r + 0.2, i, _value(tot, lang, digits), va="center", fontsize=11, fontweight="bold")
    ax.set_xlim(0, 16.5)
    ax.set_xticks(range(0, 16, 3))
    labels = [f"{r}. {need_label(i, ti)}" for r, i, ti in zip(table["rank"], table["need_id"], table["title"])]
    _style_barh(ax, n, labels)
    ax.set_ylim(n - 0.35, -0.6)
    ax.set_xlabel(t("needs.chart.axis.usg", lang), fontsize=12)
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i] == t("needs.chart.range", lang))
    fig.legend([handles[i] for i in order], [labels[i] for i in order], loc="outside lower center", ncols=4,
               fontsize=11, frameon=False)
    fig.suptitle(title, fontsize=14)
    return fig


def dots_figure(result: DotRanking, lang: str | None = None, top: int | None = None,
                beside: bool = False) -> Figure:
    """Dots per need with the count of people behind them (counts, not only ranks);
    ``beside``: drawn at the size it is shown beside a form on the projector."""
    lang = normalize_lang(lang or result.lang)
    table = result.table.head(top) if top else result.table
    n = len(table)
    title = t("needs.chart.title.dots", lang)
    size = _Size(beside, n)
    fig = new_figure(size.width, size.height)
    if n == 0:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    dots = table["dots"].astype(int).to_numpy()
    ax.barh(range(n), dots, height=0.7, color=PALETTE[1], hatch=HATCHES[2], edgecolor="black", linewidth=0.6)
    peak = max(int(dots.max()), 1)
    for i, (d, v) in enumerate(zip(dots, table["voters"].astype(int))):
        ax.text(d + peak * 0.01, i, t("needs.chart.dots_label", lang, dots=d, voters=v), va="center",
                fontsize=size.font)
    ax.set_xlim(0, peak * (2.7 if beside else 1.35))
    labels = [need_label(i, ti, size.label_width) for i, ti in zip(table["need_id"], table["title"])]
    _style_barh(ax, n, labels, size.font)
    ax.set_xlabel(t("needs.chart.axis.dots", lang), fontsize=size.axis)
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator
    fig.suptitle("\n".join(textwrap.wrap(title, 40)) if beside else title, fontsize=size.title)
    return fig


def comparison_figure(view: CombinedView, lang: str | None = None, top: int | None = None) -> Figure:
    """A grid of ranks: needs (combined order) x methods; thick frame = spread to discuss."""
    lang = normalize_lang(lang or view.lang)
    table = view.table.head(top) if top else view.table
    n = len(table)
    title = t("needs.chart.compare_title", lang)
    fig = new_figure(11, _height(n, 2.0))
    if n == 0:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    columns = [*(f"{m}_rank" for m in BASE_METHODS), "rank"]
    headers = [t(METHOD_LABELS[m], lang) for m in (*BASE_METHODS, "combined")]
    headers = ["\n".join(textwrap.wrap(h, 13)) for h in headers]
    total = max(len(view.table), 1)
    cmap = _ranks_cmap()
    for j, col in enumerate(columns):
        for i, v in enumerate(table[col]):
            if is_missing(v):
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white", edgecolor="#999999",
                                       hatch="..", linewidth=0.5))
                ax.text(j, i, t("needs.chart.not_ranked", lang), ha="center", va="center", fontsize=11)
                continue
            x = float(v)
            shade = (x - 1) / max(total - 1, 1)
            face = cmap(shade)
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=face, edgecolor="white", linewidth=1))
            ax.text(j, i, _value(x, lang), ha="center", va="center", fontsize=12,
                    color="white" if shade < 0.45 else "black", fontweight="bold" if col == "rank" else None)
    for i, flag in enumerate(table["discuss"]):
        if flag:
            ax.add_patch(Rectangle((-0.48, i - 0.46), len(columns) - 0.04, 0.92, fill=False, edgecolor=PALETTE[3],
                                   linewidth=3))
    ax.axvline(len(columns) - 1.5, color="black", linewidth=1.5)
    ax.set_xlim(-0.5, len(columns) - 0.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks(range(len(columns)), headers, fontsize=11)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n), [need_label(i, ti) for i, ti in zip(table["need_id"], table["title"])], fontsize=11)
    ax.tick_params(length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    if table["discuss"].any():
        ax.set_xlabel(t("needs.chart.discuss", lang), fontsize=11, color=PALETTE[3])
    fig.suptitle(title, fontsize=14)
    return fig


def method_figure(result: Ranking, lang: str | None = None) -> Figure:
    """The chart that suits a ranking: U, S and G stacked for USG, dots and voters for dot
    voting, the methods side by side for the combined view, score bars otherwise."""
    if isinstance(result, UsgRanking):
        return usg_stacked_figure(result, lang)
    if isinstance(result, DotRanking):
        return dots_figure(result, lang)
    if isinstance(result, CombinedView):
        return comparison_figure(result, lang)
    return ranking_figure(result, lang)


def _ranks_cmap() -> Colormap:
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("rtplan_ranks", [PALETTE[0], "#a9c6d8", "#f1f1f1"])


def category_figure(tables: Tables, lang: str | None = None) -> Figure:
    """Needs per category: the largest number of households one need affects, and how many needs."""
    lang = _lang(tables, lang)
    summary = needs_by_category(tables, lang)
    n = len(summary)
    title = t("needs.chart.category_title", lang)
    fig = new_figure(10, max(3.2, n * 0.5 + 1.6))
    if n == 0:
        return _empty(fig, title, lang)
    ax = fig.add_subplot()
    values = summary["households_max"].astype(int).to_numpy()
    for i, v in enumerate(values):
        ax.barh(i, v, height=0.65, color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
                edgecolor="black", linewidth=0.6)
    peak = max(int(values.max()), 1)
    for i, (v, k) in enumerate(zip(values, summary["needs"])):
        ax.text(v + peak * 0.01, i, f"{format_number(int(v), lang)} KK · {t('needs.chart.needs_label', lang, n=k)}",
                va="center", fontsize=11)
    ax.set_xlim(0, peak * 1.4)
    _style_barh(ax, n, list(summary["label"]))
    ax.set_xlabel(t("needs.chart.households_axis", lang), fontsize=12)
    fig.suptitle(title, fontsize=14)
    return fig


# -- problem tree -----------------------------------------------------------------------
BOX_WIDTH = 22  # characters per line in a tree box
KIND_STYLE = {
    "inti": {"fc": "#fbe3d6", "ec": PALETTE[3], "lw": 2.6, "ls": "solid", "boxstyle": "square,pad=0.5"},
    "sebab": {"fc": "#dbe7f0", "ec": PALETTE[0], "lw": 1.4, "ls": "solid", "boxstyle": "round,pad=0.45"},
    "akibat": {"fc": "#e3f1ee", "ec": PALETTE[2], "lw": 1.4, "ls": "dashed", "boxstyle": "round,pad=0.45"},
}


def _place(nodes: tuple[TreeNode, ...], start: float, level: int, out: dict[str, tuple[float, int]],
           links: list[tuple[str, str]], parent: str) -> float:
    """Tidy layout: each leaf one column; a parent centred over its children."""
    x = start
    for node in nodes:
        width = node.count_leaves()
        if node.children:
            _place(node.children, x, level + 1, out, links, node.node_id)
        out[node.node_id] = (x + (width - 1) / 2, level)
        links.append((node.node_id, parent))
        x += width
    return x


def problem_tree_figure(tree: ProblemTree, lang: str = "id") -> Figure:
    """The problem tree as a chart: effects above, the core problem in the middle, causes below."""
    lang = normalize_lang(lang)
    title = t("needs.tree.title", lang, need=f"{tree.need_id} · {tree.title}")
    cause_cols = sum(c.count_leaves() for c in tree.causes)
    effect_cols = sum(e.count_leaves() for e in tree.effects)
    cols = max(cause_cols, effect_cols, 1)
    up = max((e.depth() for e in tree.effects), default=0)
    down = max((c.depth() for c in tree.causes), default=0)
    fig = new_figure(max(9.0, cols * 3.0 + 2.0), max(4.5, (up + down + 1) * 1.6 + 1.0))
    ax = fig.add_subplot()
    ax.set_axis_off()
    if tree.is_empty:
        ax.text(0.5, 0.5, t("needs.tree.empty", lang, need=tree.need_id), ha="center", va="center", fontsize=14)
        fig.suptitle("\n".join(textwrap.wrap(title, 90)), fontsize=14)
        return fig
    pos: dict[str, tuple[float, float]] = {}
    links: list[tuple[str, str]] = []
    core_key = tree.core.node_id or "@core"
    pos[core_key] = ((cols - 1) / 2, 0)
    for nodes, sign, used in ((tree.causes, -1, cause_cols), (tree.effects, 1, effect_cols)):
        placed: dict[str, tuple[float, int]] = {}
        _place(nodes, (cols - used) / 2, 1, placed, links, core_key)
        for nid, (x, level) in placed.items():
            pos[nid] = (x, sign * level)
    texts = {core_key: (tree.core.text, "inti")}

    def collect(nodes: tuple[TreeNode, ...]) -> None:
        for node in nodes:
            texts[node.node_id] = (node.text, node.kind)
            collect(node.children)

    collect(tree.causes)
    collect(tree.effects)
    boxes = {}
    for key, (x, y) in pos.items():
        text, kind = texts[key]
        width = BOX_WIDTH + (8 if kind == "inti" else 0)
        style = KIND_STYLE[kind]
        label = "\n".join(textwrap.wrap(text, width)[:5])
        boxes[key] = ax.text(x, y, label, ha="center", va="center", fontsize=12 if kind == "inti" else 10.5,
                             fontweight="bold" if kind == "inti" else None, zorder=3,
                             bbox={"boxstyle": style["boxstyle"], "fc": style["fc"], "ec": style["ec"],
                                   "lw": style["lw"], "ls": style["ls"]})
    for child, parent in links:
        # arrows point upwards: a cause leads to what it causes, the core leads to its effects
        low, high = (child, parent) if pos[child][1] < pos[parent][1] else (parent, child)
        ax.annotate("", xy=pos[high], xytext=pos[low], zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 1.3, "mutation_scale": 16,
                                "patchA": boxes[low].get_bbox_patch(), "patchB": boxes[high].get_bbox_patch(),
                                "shrinkA": 2, "shrinkB": 2})
    # the row names on the left
    ax.text(-0.85, 0, t("needs.tree.inti", lang), ha="right", va="center", fontsize=12, fontweight="bold",
            color=PALETTE[3])
    if tree.effects:
        ax.text(-0.85, (up + 1) / 2, t('needs.tree.akibat', lang), ha="right", va="center", fontsize=12,
                fontweight="bold", color=PALETTE[2])
    if tree.causes:
        ax.text(-0.85, -(down + 1) / 2, t('needs.tree.sebab', lang), ha="right", va="center", fontsize=12,
                fontweight="bold", color=PALETTE[0])
    ax.set_xlim(-1.5, cols - 0.45)
    ax.set_ylim(-down - 0.5, up + 0.5)
    fig.suptitle("\n".join(textwrap.wrap(title, 90)), fontsize=14)
    return fig


def focus_tree_figure(tables: Tables, lang: str | None = None) -> Figure:
    """The problem tree a page shows (:func:`~rtplan.needs.tree_focus_need`); a plan with no
    needs yet gets a chart that says so rather than an error."""
    lang = normalize_lang(_lang(tables, lang))
    need = tree_focus_need(tables)
    if need is None:
        fig = new_figure(9.0, 3.2)
        return _empty(fig, t("needs.tree.title", lang, need="—"), lang)
    return problem_tree_figure(problem_tree(tables, need, lang), lang)


__all__ = [
    "category_figure",
    "comparison_figure",
    "dots_figure",
    "focus_tree_figure",
    "method_figure",
    "need_label",
    "problem_tree_figure",
    "ranking_figure",
    "usg_stacked_figure",
]
