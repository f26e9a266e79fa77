"""How a notebook shows rtplan's results and views: IPython ``text/html`` formatters.

The core's results (a ranking, a matching, the cash report, the progress report) know
nothing of tables for people, and the views (:mod:`rtplan.views`) are data: the
renderers (:mod:`rtplan.render`) make their HTML. This face tells IPython which renderer
shows each type (``formatter.for_type``). Importing :mod:`rtplan.ui` registers them in the
running IPython shell, so a notebook cell that ends with a result or a view shows its
tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rtplan.kas.summary import KasSummary
from rtplan.monitoring.progress import ProgressReport
from rtplan.needs.results import Ranking
from rtplan.render.glance import glance_html
from rtplan.render.kas import kas_html
from rtplan.render.monitoring import progress_html
from rtplan.render.profile import participation_html
from rtplan.render.schedule import budget_html, conflicts_html
from rtplan.render.views import to_html
from rtplan.resources.results import MatchResult
from rtplan.views.base import View
from rtplan.views.glance import Glance
from rtplan.views.needs import ranking_view
from rtplan.views.profile import Participation
from rtplan.views.resources import matches_view
from rtplan.views.schedule import BudgetReport, ConflictList

HTML_FORMATTERS: dict[type, Callable[[Any], object]] = {
    View: to_html,
    Glance: glance_html,
    Participation: participation_html,
    ConflictList: conflicts_html,
    BudgetReport: budget_html,
    # the cash report: title, the form, the book and the checks
    KasSummary: lambda summary: kas_html(summary, with_book=True),
    # the progress report: totals, activities, needs, indicators and checks
    ProgressReport: progress_html,
    Ranking: lambda result: to_html(ranking_view(result)),
    MatchResult: lambda result: to_html(matches_view(result)),
}
"""Each type a notebook shows as HTML, and the renderer that makes it."""


def html_for(obj: object) -> str | None:
    """The HTML a notebook shows for ``obj`` (``None``: a type rtplan does not render)."""
    for cls in type(obj).__mro__:
        if cls in HTML_FORMATTERS:
            return str(HTML_FORMATTERS[cls](obj))
    return None


def register(shell: Any = None) -> bool:
    """Register :data:`HTML_FORMATTERS` with ``shell`` (default: the running IPython);
    ``False`` when there is none (plain Python: nothing to register)."""
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    for cls, render in HTML_FORMATTERS.items():
        formatter.for_type(cls, lambda obj, render=render: str(render(obj)))
    return True
