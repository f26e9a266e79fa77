"""Charts as functions returning a matplotlib Figure, one module per step.

Notebooks, documents and tests share them. Every chart is readable on a projector and
in black-and-white print: large fonts, hatching besides colour, labels in the plan's
language. Figures are made with :func:`new_figure` (not pyplot), so they never leak
between kernels or tests, and SVG output is deterministic.
"""

from __future__ import annotations

import io

import matplotlib as mpl
from matplotlib.figure import Figure

mpl.rcParams["svg.hashsalt"] = "rtplan"  # deterministic SVG ids
mpl.rcParams["svg.fonttype"] = "none"
# chart text is plan text, shown literally: "$...$" in a need title is not mathtext
# (a crafted title could otherwise crash the chart or print as formulas)
mpl.rcParams["text.parse_math"] = False

# How a chart shows itself. On screen: SVG only (sharp on a projector; one rendering
# per update keeps the live panels quick). Documents printed to PDF switch to a 200 dpi
# PNG only (see rtplan.export.documents): WeasyPrint draws hatched SVG slowly.
SHOW_SVG = True
PNG_DPI: int | None = None

HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
PALETTE = ("#1b4965", "#f4a261", "#2a9d8f", "#e76f51", "#8d99ae", "#6a4c93", "#588157", "#bc6c25")


class ChartFigure(Figure):
    """A Figure that shows itself in any Jupyter front end (Lab, Voila, nbconvert).

    pyplot is never imported, so the inline backend's display hooks may not be set up;
    these rich reprs make ``fig`` as the last line of a cell show the chart, as SVG
    (or PNG, see :data:`SHOW_SVG` and :data:`PNG_DPI`). A repr returning ``None`` is
    left out by IPython.
    """

    def _repr_svg_(self) -> str | None:
        if not SHOW_SVG:
            return None
        buf = io.BytesIO()
        self.savefig(buf, format="svg", metadata={"Date": None})
        return buf.getvalue().decode("utf-8")

    def _repr_png_(self) -> tuple[bytes, dict[str, int]] | None:
        if not PNG_DPI:
            return None
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=PNG_DPI, metadata={"Software": None})
        # the size to show it at (CSS pixels, 96 per inch), whatever its resolution
        width, height = self.get_size_inches()
        return buf.getvalue(), {"width": round(width * 96), "height": round(height * 96)}


def new_figure(width: float = 10, height: float = 5) -> Figure:
    """A Figure not tied to pyplot's global state (safe in kernels and tests)."""
    return ChartFigure(figsize=(width, height), dpi=100, layout="constrained")


# last: participation imports new_figure and the palette from this module
from rtplan.charts.participation import participation_figure  # noqa: E402

__all__ = ["HATCHES", "PALETTE", "ChartFigure", "new_figure", "participation_figure"]
