"""The problem tree: the core problem, its causes and its effects.
"""

from __future__ import annotations

from typing import Any, cast

import ipywidgets as w
import pandas as pd

from rtplan.charts.needs import problem_tree_figure
from rtplan.messages import t
from rtplan.needs import (
    need_labels,
    problem_tree,
    tree_need_ids,
    upsert_tree_node,
)
from rtplan.render import fragment
from rtplan.schema import TREE_KINDS
from rtplan.tables import is_missing
from rtplan.ui.base import (
    _STYLE,
    ConfirmBar,
    PlanSession,
    SafetyNet,
    StatusLine,
    used_by,
)
from rtplan.ui.needs.common import (
    _H3,
    _WARNINGS,
    TREE_KIND_LABELS,
    _show_figure,
)


class ProblemTreePanel(SafetyNet, w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Build the problem tree of one need: core problem, causes, effects; drawn as a chart."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.need = w.Dropdown(description=t("ui.needs.tree_need", lang), style=_STYLE, layout=w.Layout(width="600px"))
        self.need.add_class("rtplan-tree-need")
        self.nodes = w.Select(rows=10, layout=w.Layout(width="380px"))
        self.nodes.add_class("rtplan-tree-nodes")
        self.kind = w.Dropdown(options=[(t(TREE_KIND_LABELS[k], lang), k) for k in TREE_KINDS], value="sebab",
                               description=t("ui.needs.tree_kind", lang), style=_STYLE,
                               layout=w.Layout(width="420px"))
        self.text = w.Textarea(description=t("ui.needs.tree_text", lang), style=_STYLE, rows=3,
                               layout=w.Layout(width="420px"))
        self.parent = w.Dropdown(description=t("ui.needs.tree_parent", lang), style=_STYLE,
                                 layout=w.Layout(width="420px"))
        self.new_button = w.Button(description=t("ui.new", lang), icon="plus")
        self.save_button = w.Button(description=t("ui.save", lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-tree")
        self.delete_button = w.Button(description=t("ui.delete", lang), icon="trash", button_style="danger")
        self.new_button.on_click(lambda _: self.start_new())
        self.save_button.on_click(lambda _: self.save())
        self.delete_button.on_click(lambda _: self.ask_delete())
        self.confirm = ConfirmBar(lang, "tree")
        self.status = StatusLine()
        safety = self.safety_net("tree")
        self.warnings = w.HTML()
        self.chart = w.Output()
        self._quiet = False
        self.need.observe(lambda _: None if self._quiet else self.show(), names="value")
        self.nodes.observe(self._on_pick, names="value")
        session.on_change(lambda changed: self.refresh() if changed & {"needs", "problem_tree"} else None)
        form = w.VBox([self.kind, self.text, self.parent,
                       w.HBox([self.save_button, self.new_button, self.delete_button, safety]), self.confirm,
                       self.status])
        super().__init__([w.HTML(fragment(_H3, text=t("ui.needs.tab.tree", lang))), self.need,
                          w.HBox([self.nodes, form]), self.warnings, self.chart])
        self.add_class("rtplan-tree-panel")
        self.refresh()

    def refresh(self) -> None:
        plan = self.session.plan
        keep = self.need.value
        labels = need_labels(plan)
        self._quiet = True
        self.need.options = [(label, n) for n, label in labels.items()]
        with_tree = tree_need_ids(plan)
        default = with_tree[0] if with_tree else (next(iter(labels), None))
        self.need.value = keep if keep in labels else default
        self._quiet = False
        self.show(keep_form=True)

    def _rows(self) -> pd.DataFrame:
        tree = self.session.plan["problem_tree"]
        return tree[tree["need_id"].astype(str) == str(self.need.value)]

    def show(self, keep_form: bool = False) -> None:
        """Show the chosen need's nodes, warnings and chart."""
        need = self.need.value
        rows = self._rows()
        chosen = self.nodes.value
        self.nodes.unobserve(self._on_pick, names="value")
        kinds = {k: t(key, self.lang) for k, key in TREE_KIND_LABELS.items()}
        self.nodes.options = [(f"{r.node_id} · {kinds.get(str(r.kind), str(r.kind))}: {r.text}",
                               str(r.node_id)) for r in rows.itertuples(index=False)]
        self.nodes.value = chosen if keep_form and chosen in set(rows["node_id"].astype(str)) else None
        self.nodes.observe(self._on_pick, names="value")
        self.parent.options = [("—", "")] + [(f"{r.node_id} · {r.text}"[:70], str(r.node_id))
                                             for r in rows.itertuples(index=False)]
        if not keep_form or self.nodes.value is None:
            self.start_new()
        if need is None:
            self.warnings.value = fragment("{{ text }}", text=t("ui.needs.tree_no_need", self.lang))
            self.chart.clear_output()
            return
        tree = problem_tree(self.session.plan, need, self.lang)
        self.warnings.value = fragment(_WARNINGS, items=tree.warnings)
        _show_figure(self.chart, problem_tree_figure(tree, self.lang))

    def _on_pick(self, change: dict[str, Any]) -> None:
        node = change["new"]
        if node is None:
            return
        rows = self._rows()
        row = rows[rows["node_id"].astype(str) == node].iloc[0]
        self.kind.value = str(row["kind"])
        self.text.value = "" if is_missing(row["text"]) else str(row["text"])
        parent = "" if is_missing(row["parent_id"]) else str(row["parent_id"])
        if parent not in {o[1] for o in self.parent.options}:
            self.parent.options = [*self.parent.options, (parent, parent)]
        self.parent.value = parent
        self.status.clear()

    def start_new(self) -> None:
        """An empty form for a new node: a cause of the core problem when there is one."""
        self.nodes.value = None
        rows = self._rows()
        cores = rows.loc[rows["kind"] == "inti", "node_id"].astype(str).tolist()
        self.kind.value = "sebab" if cores else "inti"
        self.text.value = ""
        self.parent.value = cores[0] if cores else ""
        self.status.clear()

    def save(self) -> bool:
        """Save the form as a new node or over the chosen one."""
        need = self.need.value
        if need is None:
            self.status.error([t("ui.needs.tree_no_need", self.lang)])
            return False
        frame, node_id = upsert_tree_node(self.session.table("problem_tree"), self.nodes.value, str(need),
                                          str(self.kind.value), str(self.text.value).strip(),
                                          "" if self.kind.value == "inti" else str(self.parent.value or ""))
        if not self.save_updates({"problem_tree": frame}):
            return False
        self.nodes.value = node_id
        self.status.ok(t("ui.needs.tree_saved", self.lang, id=node_id))
        return True

    def ask_delete(self) -> bool:
        """What "Hapus" does: refuse at once while other nodes hang from the chosen one,
        otherwise ask ("Ya, hapus" / "Batal"); ``True`` when asked."""
        node = self.nodes.value
        self.confirm.hide()
        if node is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        used = used_by(self.session.plan, "problem_tree", node, self.lang)
        if used:
            self.status.error([used])
            return False
        label = {v: k for k, v in self.nodes.options}.get(node, node)
        self.status.clear()
        self.confirm.ask(t("ui.confirm_delete", self.lang, row=label), self.delete)
        return True

    def delete(self) -> bool:
        """Remove the chosen node at once (refused while other nodes hang from it)."""
        node = self.nodes.value
        if node is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        frame = self.session.table("problem_tree")
        if not self.save_updates({"problem_tree": frame[frame["node_id"].astype(str) != node]}):
            return False
        self.start_new()
        self.status.ok(t("ui.needs.tree_deleted", self.lang, id=node))
        return True

    def undo(self) -> bool:
        self.confirm.hide()
        return super().undo()

    def typing(self) -> object:
        return self.need.value, self.nodes.value, self.kind.value, self.text.value, self.parent.value

    def restore_typing(self, typed: object) -> None:
        need, node, kind, text, parent = cast("tuple[Any, ...]", typed)
        if need in {o[1] for o in self.need.options} and self.need.value != need:
            self._quiet = True
            self.need.value = need
            self._quiet = False
            self.show()
        if node in {o[1] for o in self.nodes.options}:
            self.nodes.unobserve(self._on_pick, names="value")
            self.nodes.value = node
            self.nodes.observe(self._on_pick, names="value")
        self.kind.value = kind
        self.text.value = text
        if parent in {o[1] for o in self.parent.options}:
            self.parent.value = parent
