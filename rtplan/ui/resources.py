"""Step 2 panels: resources (ABCD) with hints, the matching board, the institution diagram editor.

Every panel reads widget values, calls one function of :mod:`rtplan.resources`, and
saves through :class:`~rtplan.ui.base.PlanSession`; a refused save shows the message
and leaves the screen and the plan folder as they were. The tables shown are the
declared views of :mod:`rtplan.views.resources`, rendered by the one autoescaping
renderer. Contacts are shown only in the resource form (the private editor), never in
the board, the tables or the chart.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import ipywidgets as w
import pandas as pd

from rtplan.charts.resources import institution_figure
from rtplan.fmt import format_idr
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.render.views import to_html
from rtplan.resources import (
    SCORE_FORMULA,
    Match,
    MatchResult,
    MatchSettings,
    decide,
    hint,
    institution_diagram,
    match_needs,
    when_is_readable,
)
from rtplan.resources.labels import DECISION_LABELS
from rtplan.ui.base import (
    _STYLE,
    LiveResult,
    PlanSession,
    SafetyNet,
    StatusLine,
    TableEditor,
    open_session,
    step_tabs,
)
from rtplan.views.glance import matching_glance
from rtplan.views.resources import crosswalk_view, gaps_view, overview_view

_TAG_EXAMPLES = {
    "individu": "menjahit;memasak;mengajar",
    "asosiasi": "pelatihan;pendataan;kerja bakti",
    "institusi": "pemeriksaan;penyuluhan;dana",
    "fisik": "ruang pertemuan;kursi;laptop",
    "ekonomi": "modal;titip jual;pemasaran",
    "budaya": "gotong royong;kesenian;pengajian",
    "alam": "lahan;berkebun;air hujan",
}

_HINT = ('<div style="border-left:4px solid #1b4965;padding:4px 10px;max-width:640px">'
         "<b>{{ title }}:</b> {{ text }}<br><small>{{ contact }}</small></div>")
_CARD = ("<div><b>{{ resource_id }} · {{ name }}</b> "
         '<span style="color:{{ colour }};font-weight:bold">[{{ decision }}]</span><br>'
         "{{ reason }}<br><small>{{ score }}: {{ parts }}</small></div>")
_DECISION_COLOURS = {"diterima": "#17612e", "ditolak": "#a4161a"}


# -- resources ------------------------------------------------------------------------------

class ResourcePanel(w.VBox):
    """Add, edit and remove resources, with a hint for the chosen ABCD category.

    The form is the generic :class:`~rtplan.ui.base.TableEditor` (it is the private
    editor: the contact field is here and nowhere else); below it, the Rembug Warga
    grouping of what is saved, refreshed after each save.
    """

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.editor = TableEditor(session, "resources", id_prefix="R", id_width=2)
        self.hint = w.HTML()
        self.hint.add_class("rtplan-resource-hint")
        self.crosswalk = w.HTML()
        self.crosswalk.add_class("rtplan-resource-crosswalk")
        self.editor.fields["category"].observe(lambda change: self.show_hint(change["new"]), names="value")
        session.on_change(lambda changed: self.refresh() if "resources" in changed else None)
        super().__init__([self.editor, self.hint, self.crosswalk])
        self.show_hint(self.editor.fields["category"].value)
        self.refresh()

    def show_hint(self, category: str | None) -> None:
        """Show what to fill in for ``category`` (and an example in the tags field)."""
        category = category or ""
        self.hint.value = fragment(_HINT, title=t("res.ui.hint_title", self.lang), text=hint(category, self.lang),
                                   contact=t("res.hint.contact", self.lang))
        example = _TAG_EXAMPLES.get(category)  # "mis. ...": an example, never a value already typed
        self.editor.fields["tags"].placeholder = (t("ui.hint.example", self.lang, text=example) if example
                                                  else t("ui.hint.list", self.lang))

    def refresh(self) -> None:
        self.crosswalk.value = to_html(crosswalk_view(self.session.plan, self.lang))


# -- matching board ----------------------------------------------------------------------

class MatchCard(w.VBox):
    """One suggested (or decided) resource for the chosen need: reason, score, decision buttons."""

    def __init__(self, board: MatchingBoard, match: Match, name: str) -> None:
        lang = board.lang
        self.match = match
        self.info = w.HTML(fragment(
            _CARD, resource_id=match.resource_id, name=name, colour=_DECISION_COLOURS.get(match.decision or "", "#555"),
            decision=t(DECISION_LABELS[match.decision], lang), reason=match.reason,
            score=t("res.col.score", lang), parts=match.parts.describe(lang)))
        self.note = w.Text(value=match.note, description=t("res.ui.board.note", lang), style=_STYLE,
                           layout=w.Layout(width="460px"))
        self.accept = w.Button(description=t("res.ui.board.accept", lang), icon="check", button_style="success")
        self.reject = w.Button(description=t("res.ui.board.reject", lang), icon="times", button_style="danger")
        self.undo = w.Button(description=t("res.ui.board.undo", lang), icon="undo",
                             disabled=match.decision is None)
        for b, kind in ((self.accept, "accept"), (self.reject, "reject"), (self.undo, "undo")):
            b.add_class(f"rtplan-match-{kind}-{match.resource_id}")
        self.accept.on_click(lambda _: board.set_decision(self, "diterima"))
        self.reject.on_click(lambda _: board.set_decision(self, "ditolak"))
        self.undo.on_click(lambda _: board.set_decision(self, None))
        super().__init__([self.info, w.HBox([self.accept, self.reject, self.undo]), self.note],
                         layout=w.Layout(border="1px solid #ccc", padding="6px", margin="4px 0"))


def _heading(level: str, text: str) -> w.HTML:
    return w.HTML(fragment("<{{ level }}>{{ text }}</{{ level }}>", level=level, text=text))


class MatchingBoard(SafetyNet, w.VBox):
    """Needs x resources: suggested matches with reasons; the facilitator accepts or rejects.

    Pick a need (priority order); each card shows a resource, why it fits and its score
    parts; "Terima" / "Tolak" saves the decision in ``matches.csv`` at once, "Batalkan"
    removes it. The overview and the gap list ("who do we ask") follow every save.
    """

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.settings = MatchSettings()
        self.when = w.Text(value="", description=t("res.ui.board.when", lang),
                           placeholder=t("res.ui.board.when_hint", lang), style=_STYLE, layout=w.Layout(width="460px"))
        self.max_cost = w.Text(value="", description=t("res.ui.board.max_cost", lang),
                               placeholder=t("res.ui.board.max_cost_hint", lang), style=_STYLE,
                               layout=w.Layout(width="460px"))
        self.apply_button = w.Button(description=t("res.ui.board.apply", lang), icon="refresh")
        self.apply_button.add_class("rtplan-match-apply")
        self.apply_button.on_click(lambda _: self.apply_settings())
        self.settings_line = w.HTML()
        self.need = w.Dropdown(description=t("res.ui.board.need", lang), style=_STYLE, layout=w.Layout(width="640px"))
        self.need.add_class("rtplan-match-need")
        self.cards_box = w.VBox()
        self.cards: dict[str, MatchCard] = {}
        self.status = StatusLine()
        safety = self.safety_net("board")
        self.overview = w.HTML()
        self.overview.add_class("rtplan-match-overview")
        self.gaps = w.HTML()
        self.gaps.add_class("rtplan-match-gaps")
        self.result: MatchResult | None = None
        self._quiet = False
        self.need.observe(lambda _: None if self._quiet else self.show_need(), names="value")
        session.on_change(self._on_change)
        super().__init__([
            _heading("h3", t("res.ui.board.title", lang)),
            self.when, self.max_cost, self.apply_button, self.settings_line,
            self.need, safety, self.status, self.cards_box,
            _heading("h4", t("res.ui.board.overview", lang)), self.overview,
            _heading("h4", t("res.ui.board.gaps", lang)), self.gaps,
        ])
        self.refresh()

    def _on_change(self, changed: set[str]) -> None:
        if changed & {"needs", "resources", "matches", "priorities", "funds", "institutions", "plan"}:
            self.refresh()

    def apply_settings(self) -> bool:
        """Read the activity time and cost limit, then recompute (a bad limit changes nothing)."""
        text = self.max_cost.value.strip().replace(".", "").replace("Rp", "").strip()
        problems = []
        if text and not text.isdigit():
            problems.append(t("res.ui.board.bad_limit", self.lang, value=self.max_cost.value))
        if not when_is_readable(self.when.value):
            problems.append(t("res.ui.board.bad_when", self.lang, value=self.when.value))
        if problems:
            self.status.error(problems)
            return False
        self.settings = MatchSettings(when=self.when.value.strip(), max_cost_idr=int(text) if text else None)
        self.status.clear()
        self.refresh()
        return True

    def refresh(self) -> None:
        """Recompute the matches from the saved plan and show them."""
        result = self.result = match_needs(self.session.plan, self.settings, self.lang)
        limit = result.cost_limit
        self.settings_line.value = fragment(
            "<small>{{ line }}<br>{{ formula }}</small>", formula=SCORE_FORMULA[self.lang],
            line=t("res.ui.board.limit_line", self.lang,
                   limit=format_idr(limit, self.lang) if limit is not None else t("res.ui.board.no_limit", self.lang),
                   when=self.settings.when or t("res.ui.board.any_time", self.lang)))
        keep = self.need.value
        options = [(f"{i}. {nid} · {result.need_titles.get(nid, '')}", nid) for i, nid in enumerate(result.order, 1)]
        self._quiet = True
        try:
            self.need.options = options
            ids = [o[1] for o in options]
            self.need.value = keep if keep in ids else (ids[0] if ids else None)
        finally:
            self._quiet = False
        self.overview.value = to_html(overview_view(result))
        self.gaps.value = to_html(gaps_view(result))
        self.show_need()

    def show_need(self) -> None:
        """Show the cards of the chosen need."""
        self.cards = {}
        if self.result is None or self.need.value is None:
            self.cards_box.children = [w.HTML(fragment("{{ text }}", text=t("res.ui.board.no_needs", self.lang)))]
            return
        names = self.result.resource_names
        for m in self.result.for_need(self.need.value):
            self.cards[m.resource_id] = MatchCard(self, m, names.get(m.resource_id, ""))
        if self.cards:
            self.cards_box.children = list(self.cards.values())
        else:
            self.cards_box.children = [w.HTML(fragment("{{ text }}", text=t("res.ui.board.no_suggestions", self.lang)))]

    def set_decision(self, card: MatchCard, decision: str | None) -> bool:
        """Save the decision on one card's pair; ``True`` when saved."""
        m = card.match
        frame = decide(self.session.table("matches"), m.need_id, m.resource_id, decision,
                       score=m.score, reason=m.computed_reason, note=card.note.value.strip())
        need, resource = m.need_id, m.resource_id
        if not self.save_updates({"matches": frame}):
            return False
        # the session's listeners have refreshed the board; keep the same need on screen
        if decision is None:
            self.status.ok(t("res.ui.board.undone", self.lang, resource=resource, need=need))
        else:
            self.status.ok(t("res.ui.board.saved", self.lang, resource=resource, need=need,
                             decision=t(DECISION_LABELS[decision], self.lang)))
        return True

    def typing(self) -> object:
        return self.need.value, {rid: card.note.value for rid, card in self.cards.items()}

    def restore_typing(self, typed: object) -> None:
        need, notes = cast("tuple[Any, ...]", typed)
        if need in {o[1] for o in self.need.options} and self.need.value != need:
            self.need.value = need  # shows that need's cards
        for rid, note in notes.items():
            if rid in self.cards:
                self.cards[rid].note.value = note


# -- institution diagram --------------------------------------------------------------

class VennEditor(TableEditor):
    """The institution diagram: pick or add an institution, move the sliders, save.

    The form is the generic :class:`~rtplan.ui.base.TableEditor` of
    ``institutions.csv`` with 1-5 sliders for importance and closeness; the chart
    under it follows the form at once (a preview, nothing saved) and "Simpan" saves.
    """

    children: tuple[w.Widget, ...]  # the trait of ipywidgets' Box, typed for mypy

    def __init__(self, session: PlanSession) -> None:
        lang = session.lang
        common: dict[str, Any] = {"min": 1, "max": 5, "value": 3, "continuous_update": True, "style": _STYLE,
                  "layout": w.Layout(width="460px")}
        self.importance = w.IntSlider(description=t("res.ui.venn.importance", lang) + " *", **common)
        self.closeness = w.IntSlider(description=t("res.ui.venn.closeness", lang) + " *", **common)
        self.chart = w.Output()
        self.preview: pd.DataFrame = session.plan["institutions"].copy()
        self.layout_data: pd.DataFrame = institution_diagram(self.preview)
        self._loading = True  # no drawing until the form is built
        super().__init__(session, "institutions", id_prefix="I", id_width=2,
                         widgets={"importance": self.importance, "closeness": self.closeness})
        self.ident = self.fields["institution_id"]
        self.name = self.fields["name"]
        self.note = self.fields["note"]
        for widget in (self.importance, self.closeness, self.name, self.ident):
            widget.observe(lambda _: self.redraw(), names="value")
        scale = fragment("<small>{{ text }}</small>", text=t("res.ui.venn.scale", lang))
        self.children = (*self.children, w.HTML(scale), self.chart)
        self._loading = False
        self.redraw()

    def _quietly(self, job: Callable[[], None]) -> None:
        """Run ``job`` (which sets several fields) and draw once afterwards."""
        was, self._loading = self._loading, True
        try:
            job()
        finally:
            self._loading = was
        self.redraw()

    def load_row(self, ident: str) -> None:
        """Show the saved institution ``ident`` in the form and the chart."""
        self._quietly(lambda: super(VennEditor, self).load_row(ident))

    def start_new(self) -> None:
        """Empty the form for a new institution with the next free id."""
        self._quietly(lambda: super(VennEditor, self).start_new())

    def redraw(self) -> None:
        """Draw the diagram with the form's values (a new row shows once it has a name)."""
        if self._loading:
            return
        frame = self.form_table()
        if self.rows.value is None and not self.name.value.strip():
            frame = self.session.table("institutions")
        self.preview = frame
        self.layout_data = institution_diagram(frame)
        self.chart.clear_output(wait=True)
        with self.chart:
            from IPython.display import display

            display(institution_figure(self.session.plan, self.lang, institutions=frame))


def step2(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> w.Tab:
    """The whole step 2 as tabs: resources, the matching board, the institution diagram.

    ``plan`` is the plan folder, a loaded plan or an open session; the panels share
    the notebook's one session for it (:func:`~rtplan.ui.base.open_session`), so the
    live results below them follow every save. ``lang``: ``"id"`` or ``"en"``
    (default: the plan's language).
    """
    session = open_session(plan, lang)
    lang = session.lang
    panels = [
        ("resources", t("res.ui.tab.resources", lang), lambda: ResourcePanel(session)),
        ("board", t("res.ui.tab.board", lang), lambda: MatchingBoard(session)),
        ("venn", t("res.ui.tab.venn", lang), lambda: VennEditor(session)),
    ]
    # the needs still without a resource beside the resources and the board
    return step_tabs(session, panels, 2, beside={key: lambda: LiveResult(session, matching_glance)
                                                 for key in ("resources", "board")})


__all__ = ["MatchCard", "MatchingBoard", "ResourcePanel", "VennEditor", "step2"]
