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

from typing import TYPE_CHECKING, Any

# How a chart shows itself. On screen: SVG only (sharp on a projector; one rendering
# per update keeps the live panels quick). Documents printed to PDF switch to a 200 dpi
# PNG only (see rtplan.documents.build): WeasyPrint draws hatched SVG slowly.
SHOW_SVG = True
PNG_DPI: int | None = None

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


__all__ = ["HATCHES", "PALETTE", "PNG_DPI", "SHOW_SVG", "ChartFigure", "new_figure", "participation_figure"]
