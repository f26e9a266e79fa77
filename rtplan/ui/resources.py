"""Step 2 panels: resources (ABCD) with hints, the matching board, the institution diagram editor.

Every panel reads widget values, calls one function of :mod:`rtplan.resources`, and
saves through :class:`~rtplan.ui.base.PlanSession`; a refused save shows the message
and leaves the screen and the plan folder as they were. Contacts are shown only in the
resource form (the private editor), never in the board, the tables or the chart.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd

from rtplan.charts.resources import institution_figure
from rtplan.display import html_table
from rtplan.fmt import format_idr
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.resources import (
    SCORE_FORMULA,
    Match,
    MatchResult,
    MatchSettings,
    crosswalk,
    decide,
    gaps_frame,
    hint,
    institution_diagram,
    inventory,
    match_needs,
    matches_frame,
    when_is_readable,
)
from rtplan.schema import label
from rtplan.tables import is_missing
from rtplan.ui.base import _STYLE, PlanSession, StatusLine, TableEditor, step_tabs

_TAG_EXAMPLES = {
    "individu": "menjahit;memasak;mengajar",
    "asosiasi": "pelatihan;pendataan;kerja bakti",
    "institusi": "pemeriksaan;penyuluhan;dana",
    "fisik": "ruang pertemuan;kursi;laptop",
    "ekonomi": "modal;titip jual;pemasaran",
    "budaya": "gotong royong;kesenian;pengajian",
    "alam": "lahan;berkebun;air hujan",
}


# -- HTML tables for notebooks (no contacts) ---------------------------------------------

def inventory_html(plan: Plan, lang: str) -> str:
    """The asset inventory by ABCD category as an HTML table (contacts left out)."""
    frame = inventory(plan, lang)
    headers = {"category": t("res.col.category", lang), "rembug": t("res.col.rembug", lang)}
    for col in ("resource_id", "name", "holder", "tags", "availability", "capacity", "location"):
        headers[col] = label("resources", col, lang)
    headers["cost"] = t("res.col.cost", lang)
    return html_table(frame, headers, table_id="rtplan-inventory", numeric=("capacity", "cost"))


def crosswalk_html(plan: Plan, lang: str) -> str:
    """The Rembug Warga grouping of the assets as an HTML table."""
    frame = crosswalk(plan["resources"], lang).drop(columns=["group"])
    headers = {"label": t("res.col.rembug", lang), "categories": t("res.col.category", lang),
               "count": t("res.col.count", lang), "names": t("res.col.names", lang)}
    return html_table(frame, headers, table_id="rtplan-crosswalk")


def matches_html(plan: Plan, result: MatchResult, lang: str) -> str:
    """The matching table (suggested, accepted, rejected) as HTML."""
    frame = matches_frame(plan, result, lang)
    headers = {c: t(f"res.col.{c}", lang) for c in ("priority", "need", "resource", "score", "parts", "reason",
                                                    "decision", "note")}
    return html_table(frame, headers, table_id="rtplan-matches")


def gaps_html(result: MatchResult, lang: str) -> str:
    """The gap list ("who do we ask") as HTML."""
    frame = gaps_frame(result, lang)
    headers = {c: t(f"res.col.{c}", lang) for c in ("priority", "need", "field", "status", "partners",
                                                    "institutions")}
    return html_table(frame, headers, table_id="rtplan-gaps")


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
        text = html.escape(hint(category, self.lang))
        contact = html.escape(t("res.hint.contact", self.lang))
        self.hint.value = (f'<div style="border-left:4px solid #1b4965;padding:4px 10px;max-width:640px">'
                           f'<b>{html.escape(t("res.ui.hint_title", self.lang))}:</b> {text}<br>'
                           f'<small>{contact}</small></div>')
        self.editor.fields["tags"].placeholder = _TAG_EXAMPLES.get(category, "a;b")

    def refresh(self) -> None:
        self.crosswalk.value = crosswalk_html(self.session.plan, self.lang)


# -- matching board ----------------------------------------------------------------------

class MatchCard(w.VBox):
    """One suggested (or decided) resource for the chosen need: reason, score, decision buttons."""

    def __init__(self, board: MatchingBoard, match: Match, name: str) -> None:
        lang = board.lang
        self.match = match
        decision = t(f"res.decision.{match.decision or 'none'}", lang)
        colour = {"diterima": "#17612e", "ditolak": "#a4161a"}.get(match.decision or "", "#555")
        self.info = w.HTML(
            f'<div><b>{html.escape(match.resource_id)} · {html.escape(name)}</b> '
            f'<span style="color:{colour};font-weight:bold">[{html.escape(decision)}]</span><br>'
            f'{html.escape(match.reason)}<br>'
            f'<small>{html.escape(t("res.col.score", lang))}: {html.escape(match.parts.describe(lang))}</small></div>')
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


class MatchingBoard(w.VBox):
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
        self.overview = w.HTML()
        self.overview.add_class("rtplan-match-overview")
        self.gaps = w.HTML()
        self.gaps.add_class("rtplan-match-gaps")
        self.result: MatchResult | None = None
        self._quiet = False
        self.need.observe(lambda _: None if self._quiet else self.show_need(), names="value")
        session.on_change(self._on_change)
        super().__init__([
            w.HTML(f"<h3>{html.escape(t('res.ui.board.title', lang))}</h3>"),
            self.when, self.max_cost, self.apply_button, self.settings_line,
            self.need, self.status, self.cards_box,
            w.HTML(f"<h4>{html.escape(t('res.ui.board.overview', lang))}</h4>"), self.overview,
            w.HTML(f"<h4>{html.escape(t('res.ui.board.gaps', lang))}</h4>"), self.gaps,
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
        plan = self.session.plan
        self.result = match_needs(plan, self.settings, self.lang)
        limit = self.result.cost_limit
        self.settings_line.value = "<small>" + html.escape(t(
            "res.ui.board.limit_line", self.lang,
            limit=format_idr(limit, self.lang) if limit is not None else t("res.ui.board.no_limit", self.lang),
            when=self.settings.when or t("res.ui.board.any_time", self.lang))) + "<br>" + html.escape(
            SCORE_FORMULA[self.lang]) + "</small>"
        titles = dict(zip(plan["needs"]["need_id"].astype(str), plan["needs"]["title"].astype(str)))
        keep = self.need.value
        options = [(f"{i}. {nid} · {titles.get(nid, '')}", nid) for i, nid in enumerate(self.result.order, start=1)]
        self._quiet = True
        try:
            self.need.options = options
            ids = [o[1] for o in options]
            self.need.value = keep if keep in ids else (ids[0] if ids else None)
        finally:
            self._quiet = False
        self.overview.value = self._overview_html()
        self.gaps.value = gaps_html(self.result, self.lang)
        self.show_need()

    def _overview_html(self) -> str:
        assert self.result is not None
        plan = self.session.plan
        titles = dict(zip(plan["needs"]["need_id"].astype(str), plan["needs"]["title"].astype(str)))
        names = dict(zip(plan["resources"]["resource_id"].astype(str), plan["resources"]["name"].astype(str)))
        rows = []
        for i, nid in enumerate(self.result.order, start=1):
            ms = self.result.for_need(nid)
            rows.append({
                "priority": i,
                "need": f"{nid} · {titles.get(nid, '')}",
                "confirmed": "; ".join(names.get(m.resource_id, m.resource_id) for m in ms if m.confirmed),
                "open": sum(1 for m in ms if m.decision is None),
            })
        frame = pd.DataFrame(rows, columns=["priority", "need", "confirmed", "open"])
        headers = {"priority": t("res.col.priority", self.lang), "need": t("res.col.need", self.lang),
                   "confirmed": t("res.ui.board.confirmed", self.lang), "open": t("res.ui.board.open", self.lang)}
        return html_table(frame, headers, table_id="rtplan-match-overview")

    def show_need(self) -> None:
        """Show the cards of the chosen need."""
        self.cards = {}
        if self.result is None or self.need.value is None:
            self.cards_box.children = [w.HTML(html.escape(t("res.ui.board.no_needs", self.lang)))]
            return
        names = dict(zip(self.session.plan["resources"]["resource_id"].astype(str),
                         self.session.plan["resources"]["name"].astype(str)))
        for m in self.result.for_need(self.need.value):
            self.cards[m.resource_id] = MatchCard(self, m, names.get(m.resource_id, ""))
        if self.cards:
            self.cards_box.children = list(self.cards.values())
        else:
            self.cards_box.children = [w.HTML(html.escape(t("res.ui.board.no_suggestions", self.lang)))]

    def set_decision(self, card: MatchCard, decision: str | None) -> bool:
        """Save the decision on one card's pair; ``True`` when saved."""
        m = card.match
        frame = decide(self.session.table("matches"), m.need_id, m.resource_id, decision,
                       score=m.score, reason=m.computed_reason, note=card.note.value.strip())
        need, resource = m.need_id, m.resource_id
        problems = self.session.save({"matches": frame})
        if problems:
            self.status.error(problems)
            return False
        # the session's listeners have refreshed the board; keep the same need on screen
        if decision is None:
            self.status.ok(t("res.ui.board.undone", self.lang, resource=resource, need=need))
        else:
            self.status.ok(t("res.ui.board.saved", self.lang, resource=resource, need=need,
                             decision=t(f"res.decision.{decision}", self.lang)))
        return True


# -- institution diagram --------------------------------------------------------------

class VennEditor(w.VBox):
    """The institution diagram: pick or add an institution, move the sliders, save.

    The chart follows the sliders at once (a preview, nothing saved); "Simpan" saves
    the row in ``institutions.csv`` (importance and closeness 1-5).
    """

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = lang = session.lang
        self.rows = w.Select(options=[], rows=10, layout=w.Layout(width="300px"))
        self.rows.add_class("rtplan-rows-institutions")
        common: dict[str, Any] = {"style": _STYLE, "layout": w.Layout(width="460px")}
        self.ident = w.Text(description=t("res.ui.venn.id", lang) + " *", continuous_update=False, **common)
        self.name = w.Text(description=t("res.ui.venn.name", lang) + " *", continuous_update=False, **common)
        self.importance = w.IntSlider(value=3, min=1, max=5, description=t("res.ui.venn.importance", lang),
                                      continuous_update=True, **common)
        self.closeness = w.IntSlider(value=3, min=1, max=5, description=t("res.ui.venn.closeness", lang),
                                     continuous_update=True, **common)
        self.note = w.Text(description=t("res.ui.venn.note", lang), continuous_update=False, **common)
        for widget, name in ((self.ident, "id"), (self.name, "name"), (self.importance, "importance"),
                             (self.closeness, "closeness"), (self.note, "note")):
            widget.add_class(f"rtplan-venn-{name}")
        self.new_button = w.Button(description=t("ui.new", lang), icon="plus")
        self.save_button = w.Button(description=t("ui.save", lang), icon="check", button_style="success")
        self.delete_button = w.Button(description=t("ui.delete", lang), icon="trash", button_style="danger")
        for b, name in ((self.new_button, "new"), (self.save_button, "save"), (self.delete_button, "delete")):
            b.add_class(f"rtplan-{name}-institutions")
        self.status = StatusLine()
        self.chart = w.Output()
        self.preview: pd.DataFrame = session.plan["institutions"].copy()
        self.layout_data: pd.DataFrame = institution_diagram(self.preview)
        self._loading = False
        self.rows.observe(self._on_pick, names="value")
        for slider in (self.importance, self.closeness, self.name, self.ident):
            slider.observe(lambda _: self.redraw(), names="value")
        self.new_button.on_click(lambda _: self.start_new())
        self.save_button.on_click(lambda _: self.save())
        self.delete_button.on_click(lambda _: self.delete())
        session.on_change(lambda changed: self.refresh() if "institutions" in changed or "plan" in changed else None)
        form = w.VBox([self.ident, self.name, self.importance, self.closeness, self.note,
                       w.HTML(f"<small>{html.escape(t('res.ui.venn.scale', lang))}</small>"),
                       w.HBox([self.save_button, self.new_button, self.delete_button]), self.status])
        super().__init__([w.HTML(f"<h3>{html.escape(t('res.ui.venn.title', lang))}</h3>"),
                          w.HBox([self.rows, form]), self.chart])
        self.refresh(draw=False)
        self.start_new()

    # -- reading ----------------------------------------------------------------------------
    def refresh(self, draw: bool = True) -> None:
        """Show the saved institutions in the list (keeping the chosen one)."""
        frame = self.session.plan["institutions"]
        chosen = self.rows.value
        self.rows.unobserve(self._on_pick, names="value")
        self.rows.options = [(f"{r.institution_id} · {r.name}", str(r.institution_id))
                             for r in frame.itertuples(index=False)]
        ids = {str(i) for i in frame["institution_id"]}
        self.rows.value = chosen if chosen in ids else None
        self.rows.observe(self._on_pick, names="value")
        if draw:
            self.redraw()

    def _on_pick(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self.load_row(change["new"])

    def load_row(self, ident: str) -> None:
        """Show the saved institution ``ident`` in the form."""
        frame = self.session.plan["institutions"]
        row = frame[frame["institution_id"].astype(str) == ident]
        if row.empty:
            return
        r = row.iloc[0]
        self._loading = True
        try:
            self.ident.value = str(r["institution_id"])
            self.ident.disabled = True
            self.name.value = "" if is_missing(r["name"]) else str(r["name"])
            self.importance.value = 3 if is_missing(r["importance"]) else max(1, min(5, int(r["importance"])))
            self.closeness.value = 3 if is_missing(r["closeness"]) else max(1, min(5, int(r["closeness"])))
            self.note.value = "" if is_missing(r["note"]) else str(r["note"])
        finally:
            self._loading = False
        self.status.clear()
        self.redraw()

    def start_new(self) -> None:
        """Empty the form for a new institution with the next free id."""
        from rtplan.profile import next_id

        self.rows.value = None
        self._loading = True
        try:
            self.ident.disabled = False
            self.ident.value = next_id(self.session.plan["institutions"]["institution_id"], "I", 2)
            self.name.value = ""
            self.importance.value = 3
            self.closeness.value = 3
            self.note.value = ""
        finally:
            self._loading = False
        self.status.clear()
        self.redraw()

    # -- the live chart ---------------------------------------------------------------------
    def form_row(self) -> dict[str, object]:
        return {"institution_id": self.ident.value.strip(), "name": self.name.value.strip(),
                "importance": int(self.importance.value), "closeness": int(self.closeness.value),
                "note": self.note.value.strip()}

    def form_table(self) -> pd.DataFrame:
        """The saved table with the form applied (the chosen row replaced, or a new row added)."""
        frame = self.session.table("institutions")
        row = self.form_row()
        editing = self.rows.value
        if editing is not None:
            here = frame["institution_id"].astype(str) == editing
            frame = frame.astype("object")
            for col, value in row.items():
                frame.loc[here, col] = value
            return frame.reset_index(drop=True)
        return pd.concat([frame.astype("object"), pd.DataFrame([row]).astype("object")], ignore_index=True)

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

    # -- writing ---------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the form as a new or edited institution; ``True`` when saved."""
        ident = self.ident.value.strip()
        problems = self.session.save({"institutions": self.form_table()})
        if problems:
            self.status.error(problems)
            return False
        self.rows.value = ident
        self.status.ok(t("ui.saved_row", self.lang, id=ident))
        return True

    def delete(self) -> bool:
        """Remove the chosen institution."""
        ident = self.rows.value
        if ident is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return False
        frame = self.session.table("institutions")
        problems = self.session.save({"institutions": frame[frame["institution_id"].astype(str) != ident]})
        if problems:
            self.status.error([t("ui.delete_refused", self.lang, id=ident), *problems])
            return False
        self.start_new()
        self.status.ok(t("ui.deleted_row", self.lang, id=ident))
        return True


def step2(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> w.Tab:
    """The whole step 2 as tabs: resources, the matching board, the institution diagram.

    Parameters
    ----------
    plan : the plan folder (or a loaded plan, or an open session).
    lang : ``"id"`` or ``"en"`` (default: the plan's language).
    """
    session = plan if isinstance(plan, PlanSession) else PlanSession(plan, lang)
    lang = session.lang
    panels = [
        ("resources", t("res.ui.tab.resources", lang), ResourcePanel(session)),
        ("board", t("res.ui.tab.board", lang), MatchingBoard(session)),
        ("venn", t("res.ui.tab.venn", lang), VennEditor(session)),
    ]
    return step_tabs(session, panels, 2)


__all__ = ["MatchingBoard", "ResourcePanel", "VennEditor", "crosswalk_html", "gaps_html", "inventory_html",
           "matches_html", "step2"]
