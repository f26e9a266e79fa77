"""Charts as functions returning a matplotlib Figure, one module per step.

Notebooks, documents and tests share them. Every chart is readable on a projector and
in black-and-white print: large fonts, hatching besides colour, labels in the plan's
language. Figures are made with :func:`new_figure` (not pyplot), so they never leak
between kernels or tests, and SVG output is deterministic.
"""

from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure

matplotlib.rcParams["svg.hashsalt"] = "rtplan"  # deterministic SVG ids
matplotlib.rcParams["svg.fonttype"] = "none"

HATCHES = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
PALETTE = ("#1b4965", "#f4a261", "#2a9d8f", "#e76f51", "#8d99ae", "#6a4c93", "#588157", "#bc6c25")


def new_figure(width: float = 10, height: float = 5) -> Figure:
    """A Figure not tied to pyplot's global state (safe in kernels and tests)."""
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


from rtplan.charts.participation import participation_figure  # noqa: E402

__all__ = ["HATCHES", "PALETTE", "new_figure", "participation_figure"]
