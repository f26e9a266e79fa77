"""Live results: an output that rebuilds itself when the tables it reads change, and a
step's tabs with each form beside its result.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import ipywidgets as w

from rtplan.plan import Plan
from rtplan.ui.base.session import Gate, PlanSession, open_session


class LiveResult(w.Output):
    """A result that shows itself again whenever the plan is saved.

    ``build(plan)`` returns anything a notebook can display (a view, a ranking, a
    chart); it runs once now and again after every save in the same session, so the
    facilitator never has to re-run a cell.
    """

    def __init__(self, session: PlanSession, build: Callable[[Plan], object],
                 tables: Collection[str] | None = None) -> None:
        super().__init__()
        self.add_class("rtplan-live")
        self.session = session
        self.build = build
        self.renders = 0
        self.tables = None if tables is None else {*tables, "plan"}
        self.refresh()
        session.on_change(self._on_change)

    def _on_change(self, changed: set[str]) -> None:
        """Show the result again, unless ``tables`` were given and none of them changed."""
        if self.tables is None or self.tables & changed:
            self.refresh()

    def refresh(self) -> None:
        show_in(self, self.build(self.session.plan))
        self.renders += 1


def show_in(out: w.Output, obj: object) -> None:
    """Show ``obj`` in ``out`` in place of what it showed.

    In a kernel the outputs are set as the widget's state (one update, no flicker)
    rather than captured with ``with out:``: capturing while Voila executes a page
    (the workshop) can leave the page stuck at "Executing n of m". Outside a kernel
    (headless tests) it falls back to the capture, which shows nothing there.
    """
    from IPython import get_ipython
    from IPython.display import display

    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        out.clear_output(wait=True)
        with out:
            display(obj)
        return
    import base64

    from rtplan.charts.schedule import Figures

    # several charts (the monthly calendars) are one output each: their own display hook would
    # show them outside this output, and the output would stay as it was after a save
    parts = list(obj) if isinstance(obj, Figures) else [obj]
    outputs = []
    for part in parts:
        data, metadata = shell.display_formatter.format(part)
        # binary data (a PNG chart) as base64 text, as a display message carries it (raw bytes in a
        # widget's state would travel as a binary buffer, which the output area cannot show)
        data = {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}
        outputs.append({"output_type": "display_data", "data": data, "metadata": metadata})
    out.outputs = tuple(outputs)


def live(plan: Plan | PlanSession | str | Path | None, build: Callable[[Plan], object],
         lang: str | None = None, tables: Collection[str] | None = None) -> LiveResult:
    """Show ``build(plan)`` in a notebook and keep it current as panels save.

    ``tables``: the tables ``build`` reads (and ``plan.toml``); a save of other tables does
    not draw it again (default: every save does).

    Example (a notebook cell): ``live(PLAN, lambda plan: all_rankings(plan)["final"])``.
    """
    return LiveResult(open_session(plan, lang), build, tables)


def beside_its_result(form: w.Widget, result: LiveResult, chart: bool = False) -> w.Box:
    """A form with its live result to its right (below it when the page is too narrow).

    On the projector the room sees the result move as the facilitator saves: the ranking
    beside the scores, the conflicts beside the activity form, the balance beside the cash
    book. A ``chart`` takes a larger share of the width than a few lines of text."""
    form.layout.flex = "1 1 560px" if chart else "3 1 600px"
    form.layout.min_width = "0"
    result.layout.flex = "1 1 420px" if chart else "2 1 360px"
    result.layout.min_width = "320px" if chart else "300px"
    form.add_class("rtplan-beside-form")
    result.add_class("rtplan-beside")
    return w.Box([form, result], layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start",
                                                  width="100%"))


# a panel, or a function (no argument) that builds one (ipywidgets ships no type hints: a widget is Any)
Made: TypeAlias = Any


def step_tabs(session: PlanSession, panels: Sequence[tuple[str, str, Made]], step: int,
              beside: Mapping[str, Made] | None = None, chart: bool = False) -> w.Tab:
    """A step's panels as tabs: ``panels`` are ``(key, title, panel)``.

    ``beside`` puts a live result beside the panel of its key (:func:`beside_its_result`;
    ``chart``: the results are charts). A panel or a result given as a function (no
    argument) is built here behind its tab's :class:`~rtplan.ui.base.session.Gate`: after a
    save only the open tab redraws; a hidden tab redraws what changed when it is opened.
    The tab keeps ``session``, ``panels`` (key -> the panel itself, not its box) and
    ``gates`` (key -> gate) for tests and notebooks, and has the class ``rtplan-step<N>``
    for browser tests.
    """
    beside = beside or {}
    gates = {key: Gate(shown=i == 0) for i, (key, _, _) in enumerate(panels)}

    def made(key: str, thing: Made) -> w.Widget:
        if isinstance(thing, w.Widget):
            return thing
        with session.behind(gates[key]):
            return thing()

    built = {key: made(key, p) for key, _, p in panels}
    results = {key: made(key, r) for key, r in beside.items()}
    shown = [beside_its_result(built[key], results[key], chart) if key in results else built[key]
             for key, _, _ in panels]
    tab = w.Tab(children=shown, titles=[title for _, title, _ in panels])
    tab.add_class(f"rtplan-step{step}")
    tab.session = session
    tab.panels = built
    tab.gates = gates
    order = list(gates)

    def opened(change: dict[str, object]) -> None:
        index = change["new"]
        for i, key in enumerate(order):
            if i != index:
                gates[key].hide()
        if isinstance(index, int) and 0 <= index < len(order):
            gates[order[index]].show()

    tab.observe(opened, names="selected_index")
    return tab
