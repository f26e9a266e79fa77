"""ipywidgets panels: thin faces over the rtplan core.

A panel reads widget values, calls one core function, and shows the result. It never
writes a file itself: every change goes through :mod:`rtplan.storage`, which checks it
and saves it atomically; a refused change shows its message in the panel and leaves
the last valid state on screen and on disk.
"""

from rtplan.ui.display import register as _register_formatters

_register_formatters()
