"""The tables people read, each declared once.

A :class:`ViewSpec` declares a people-facing table: its columns (the key in the
result frame, a static message key for the header, a formatter, the alignment,
whether the column is private). A step's pure function builds a :class:`View` from
the step's result (the raw values, not text); the renderers in
:mod:`rtplan.render.views` turn any view into HTML (through the autoescaping Jinja2
renderer), aligned CLI text, CSV or XLSX, and JSON records.

Layers: core (methods) -> views (this package) -> renderers -> faces.
"""

from rtplan.views.base import FORMATS, Col, View, ViewSpec, format_cell

__all__ = ["FORMATS", "Col", "View", "ViewSpec", "format_cell"]
