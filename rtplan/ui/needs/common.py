"""What every step 1 panel shares: the labels, the HTML fragments, the USG range, and the
panel that rebuilds itself when a table it shows changes.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import Markup, fragment
from rtplan.schema import TABLES
from rtplan.ui.base import (
    PlanSession,
    draft_note,
)

BIG = "20px"  # font size of the inputs a projector shows

# -- labels (static message keys, so tools can extract them) ------------------------
CRITERION_LABELS: dict[str, str] = {
    "urgency": "needs.col.urgency",
    "seriousness": "needs.col.seriousness",
    "growth": "needs.col.growth",
}
TREE_KIND_LABELS: dict[str, str] = {"inti": "needs.tree.inti", "sebab": "needs.tree.sebab",
                                    "akibat": "needs.tree.akibat"}
TAB_LABELS: dict[str, str] = {
    "needs": "ui.needs.tab.needs",
    "usg": "ui.needs.tab.usg",
    "dots": "ui.needs.tab.dots",
    "dotgrid": "ui.needs.tab.dotgrid",
    "pairwise": "ui.needs.tab.pairwise",
    "ranking": "ui.needs.tab.ranking",
    "final": "ui.needs.tab.final",
    "tree": "ui.needs.tab.tree",
    "summary": "ui.needs.tab.summary",
}

# -- HTML fragments (every value escaped by the renderer) ---------------------------
_H3 = "<h3>{{ text }}</h3>"
_P = "<p>{{ text }}</p>"
_BOLD = "<b>{{ text }}</b>"
_NEED = "<span class='rtplan-needlabel' style='font-size:16px'>{{ need_id }} · {{ title }}</span>"
_BIG_TEXT = "<span style='font-size:{{ size }}'>{{ text }}</span>"
_CARD = ("<div style='font-size:30px;font-weight:bold'>{{ side }}</div>"
         "<div style='font-size:26px;line-height:1.25'>{{ need_id }} · {{ title }}</div>"
         "{% if description %}<div class='rtplan-card-text' style='font-size:16px'>{{ description }}</div>{% endif %}")
_QUESTION = "<div style='font-size:28px;font-weight:bold'>{{ text }}</div>"
_WARNINGS = "{% for m in items %}<div style='color:#8a5a00'>⚠ {{ m }}</div>{% endfor %}"
_IMG = "<img src='data:image/png;base64,{{ data }}' style='max-width:100%;height:auto' alt=''>"

# the USG scores' range, as the schema declares it (1-5)
USG_LOW = int(TABLES["usg_scores"].column("urgency").min or 1)
USG_HIGH = int(TABLES["usg_scores"].column("urgency").max or 5)


def figure_html(fig: Any) -> Markup:
    """A chart as an ``<img>`` that shrinks to the panel's width (a wide tree stays whole)."""
    import base64
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return fragment(_IMG, data=base64.b64encode(buffer.getvalue()).decode("ascii"))


def _show_figure(out: w.Output, fig: Any) -> None:
    out.clear_output(wait=True)
    with out:
        from IPython.display import HTML, display

        display(HTML(str(figure_html(fig))))


def _participant_options(plan: Plan) -> list[tuple[str, str]]:
    people = plan["participants"]
    return [(f"{p} · {n}", str(p)) for p, n in zip(people["participant_id"], people["name"])]


def _need_rows(plan: Plan) -> list[tuple[str, str]]:
    needs = plan["needs"]
    return [(str(i), str(ti)) for i, ti in zip(needs["need_id"], needs["title"])]


def _choose(dropdown: w.Dropdown, options: list[tuple[str, Any]], keep: Any, default: Any) -> None:
    """New options for ``dropdown``: the chosen value stays when it is still offered, else ``default``."""
    dropdown.options = options
    dropdown.value = keep if keep in {o[1] for o in options} else default


class _Panel(w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """A step 1 panel on a shared session: it rebuilds itself when a table it shows changes."""

    WATCH: frozenset[str] = frozenset({"needs", "participants", "plan"})

    def __init__(self, session: PlanSession, children: list[w.Widget], css_class: str) -> None:
        super().__init__(children)
        self.add_class(css_class)
        session.on_change(self._on_change)

    def _on_change(self, changed: set[str]) -> None:
        if changed & self.WATCH:
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every panel defines it
        raise NotImplementedError


def _int_entry(text: str, low: int, high: int) -> int | None:
    """The whole number typed in a box, or ``None`` when it is not one within bounds."""
    text = str(text).strip()
    if not text.isdigit():
        return None
    value = int(text)
    return value if low <= value <= high else None


def _remember_draft(drafts: dict[str, Any], shown: str, typed: dict[str, Any], saved: dict[str, Any]) -> None:
    """Keep, for the person a grid shows, the boxes whose typing differs from what is saved (or forget them)."""
    changed = {n: v for n, v in typed.items() if v != saved.get(n)}
    if changed:
        drafts[shown] = changed
    else:
        drafts.pop(shown, None)


def _drafts_note(drafts: dict[str, Any], picker: w.Dropdown, lang: str) -> str:
    """The note naming everyone (as the picker shows them) whose typing is kept but not saved yet."""
    names = {v: k for k, v in picker.options}
    items = ", ".join(str(names.get(key, key)) for key in drafts)
    return draft_note(t("ui.draft", lang, items=items) if drafts else "")
