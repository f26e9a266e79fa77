"""What a notebook shows for an object: IPython's own display formatter with rtplan's
formatters registered (as importing :mod:`rtplan.ui` does in a kernel)."""

from __future__ import annotations

from types import SimpleNamespace

from IPython.core.formatters import DisplayFormatter

from rtplan.ui.display import register


def notebook_html(obj: object) -> str:
    """The ``text/html`` a notebook cell ending with ``obj`` shows."""
    shell = SimpleNamespace(display_formatter=DisplayFormatter())
    assert register(shell)
    data, _ = shell.display_formatter.format(obj)
    return str(data["text/html"])
