"""Research charts across RTs: grouped horizontal bars from a (suppressed) summary table."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from rtplan.charts import HATCHES, PALETTE
from rtplan.charts.figure import new_figure


def bars(frame: pd.DataFrame, label: str | Sequence[str], values: Sequence[str], title: str,
         xlabel: str = "") -> Figure:
    """One bar per row and value column; suppressed cells (``<NA>``) are left out, not drawn as 0."""
    fig = new_figure(10, 0.5 + 0.45 * max(1, len(frame)) * max(1, len(values)) ** 0.5)
    ax = fig.subplots()
    cols = [label] if isinstance(label, str) else list(label)
    names = [" / ".join(str(v) for v in row) for row in frame[cols].itertuples(index=False)]
    height = 0.8 / max(1, len(values))
    for i, col in enumerate(values):
        data = pd.to_numeric(frame[col], errors="coerce")
        pos = [p + i * height for p in range(len(frame))]
        keep = data.notna().to_numpy()
        ax.barh([p for p, k in zip(pos, keep) if k], data[keep], height=height, color=PALETTE[i % len(PALETTE)],
                hatch=HATCHES[i % len(HATCHES)], edgecolor="black", linewidth=0.5, label=str(col))
    ax.set_yticks([p + height * (len(values) - 1) / 2 for p in range(len(frame))], names, fontsize=9)
    ax.invert_yaxis()
    ax.set_title(title, fontsize=12)
    ax.set_xlabel(xlabel)
    ax.spines[["top", "right"]].set_visible(False)
    if len(values) > 1:
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig
