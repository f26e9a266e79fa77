"""Charts as functions returning a matplotlib Figure, one module per step.

Notebooks, documents and tests share them. Every chart is readable on a projector and
in black-and-white print: large fonts, hatching besides colour, labels in the plan's
language. Figures are made with :func:`new_figure` (not pyplot), so they never leak
between kernels or tests, and SVG output is deterministic.

This module itself does not import matplotlib (about a third of a second): a document
whose charts come from the chart cache never needs it. :class:`ChartFigure`,
:func:`new_figure` and :func:`participation_figure` are loaded on first use
(:mod:`rtplan.charts.figure`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any


@dataclass(frozen=True)
class ChartOutput:
    """How charts show themselves in one front end.

    On screen: SVG only (sharp on a projector; one rendering per update keeps the live
    panels quick); that is what a chart does by itself. Documents printed to PDF ask for
    a 200 dpi PNG only (see :mod:`rtplan.export.runners`): WeasyPrint draws hatched SVG
    slowly. A Voila kernel asks for PNG (see :func:`rtplan.ui.workshop.use_png_charts`).
    The choice is given to :func:`show_charts` with the display formatter it applies to.
    """

    svg: bool = True
    png_dpi: int | None = None


SCREEN = ChartOutput()
"""SVG only: what a chart shows where no :func:`show_charts` was made."""


class Chart:
    """Anything shown as a chart: draws itself as SVG or as PNG at a given resolution.

    Put first among a class's bases, so a front end's printer for ``Chart`` wins over any
    other registered for a base class (matplotlib's inline backend registers one for
    ``Figure``)."""

    def chart_svg(self) -> str | None:
        """The chart as SVG text."""
        raise NotImplementedError

    def chart_png(self, dpi: int) -> tuple[bytes, dict[str, int]] | None:
        """The chart as PNG at ``dpi``, with the size to show it at (CSS pixels)."""
        raise NotImplementedError

    def _repr_svg_(self) -> str | None:
        return self.chart_svg()  # SCREEN: a front end that asked for another output has a printer


def show_charts(formatter: Any, output: ChartOutput) -> None:
    """Make ``formatter`` (IPython's ``DisplayFormatter``: a shell's ``display_formatter`` or
    one of a document's run) show every :class:`Chart` as ``output`` says. A kind switched
    off is left out (IPython leaves out a printer's ``None``) without drawing anything."""
    dpi = output.png_dpi
    svg_printer = (lambda chart: chart.chart_svg()) if output.svg else (lambda chart: None)
    png_printer = (lambda chart: chart.chart_png(dpi)) if dpi else (lambda chart: None)
    formatter.formatters["image/svg+xml"].for_type(Chart, svg_printer)
    formatter.formatters["image/png"].for_type(Chart, png_printer)

HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
PALETTE = ("#1b4965", "#f4a261", "#2a9d8f", "#e76f51", "#8d99ae", "#6a4c93", "#588157", "#bc6c25")

if TYPE_CHECKING:
    from rtplan.charts.figure import ChartFigure, new_figure
    from rtplan.charts.participation import participation_figure

_LAZY = {"ChartFigure": "rtplan.charts.figure", "new_figure": "rtplan.charts.figure",
         "participation_figure": "rtplan.charts.participation"}


def __getattr__(name: str) -> Any:
    """``ChartFigure``, ``new_figure``, ``participation_figure``: imported on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["HATCHES", "PALETTE", "SCREEN", "Chart", "ChartFigure", "ChartOutput", "new_figure", "participation_figure",
           "show_charts"]


def split_even(items: list[str], per_part: int) -> list[list[str]]:
    """``items`` in parts of at most ``per_part``, as even as can be (one part when they fit):
    a long chart split over pages, 30 activities at 16 a page as 15 and 15."""
    if len(items) <= per_part:
        return [list(items)]
    parts = -(-len(items) // per_part)
    size = -(-len(items) // parts)
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
