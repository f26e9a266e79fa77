"""The Figure every chart is drawn on (imports matplotlib; :mod:`rtplan.charts` does not).

Importing this module sets rtplan's matplotlib defaults once: deterministic SVG ids, text
as text in SVG, and plan text never read as mathtext.
"""

from __future__ import annotations

import io

import matplotlib as mpl
from matplotlib.figure import Figure

from rtplan import charts

mpl.rcParams["svg.hashsalt"] = "rtplan"  # deterministic SVG ids
mpl.rcParams["svg.fonttype"] = "none"
# chart text is plan text, shown literally: "$...$" in a need title is not mathtext
# (a crafted title could otherwise crash the chart or print as formulas)
mpl.rcParams["text.parse_math"] = False


def opaque_png(png: bytes) -> bytes:
    """``png`` without its alpha channel (a chart's background is opaque white anyway).

    WeasyPrint splits an RGBA PNG into colour and mask and compresses both again at every
    print; an RGB one is compressed once."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        if image.mode != "RGBA" or image.getchannel("A").getextrema() != (255, 255):
            return png  # a transparent chart keeps its alpha
        out = io.BytesIO()
        image.convert("RGB").save(out, format="png", dpi=image.info.get("dpi", (72, 72)))
        return out.getvalue()


class ChartFigure(charts.Chart, Figure):
    """A Figure that shows itself in any Jupyter front end (Lab, Voila, nbconvert).

    pyplot is never imported, so the inline backend's display hooks may not be set up;
    :class:`rtplan.charts.Chart` makes ``fig`` as the last line of a cell show the chart,
    as SVG by itself, or as the front end asked (:func:`rtplan.charts.show_charts`).
    """

    def chart_svg(self) -> str | None:
        buf = io.BytesIO()
        self.savefig(buf, format="svg", metadata={"Date": None})
        return buf.getvalue().decode("utf-8")

    # the PNG drawn at each resolution, once keep_png() said the figure is finished
    _kept_png: dict[int, tuple[bytes, dict[str, int]]] | None = None

    def keep_png(self) -> None:
        """This figure is finished (nothing is drawn on it any more): its PNG is drawn once
        per resolution and shown again as it is (a month's calendar kept over saves)."""
        self._kept_png = {}

    def chart_png(self, dpi: int) -> tuple[bytes, dict[str, int]] | None:
        if self._kept_png is not None and dpi in self._kept_png:
            return self._kept_png[dpi]
        png = self._draw_png(dpi)
        if self._kept_png is not None:
            self._kept_png[dpi] = png
        return png

    def _draw_png(self, dpi: int) -> tuple[bytes, dict[str, int]]:
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
        # the size to show it at (CSS pixels, 96 per inch), whatever its resolution
        width, height = self.get_size_inches()
        return opaque_png(buf.getvalue()), {"width": round(width * 96), "height": round(height * 96)}


def new_figure(width: float = 10, height: float = 5) -> Figure:
    """A Figure not tied to pyplot's global state (safe in kernels and tests)."""
    return ChartFigure(figsize=(width, height), dpi=100, layout="constrained")
