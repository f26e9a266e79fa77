"""The USG grid: one person's urgency, seriousness and growth scores for every need.
"""

from __future__ import annotations

from typing import Any, cast

import ipywidgets as w

from rtplan.messages import t
from rtplan.needs import (
    CRITERIA,
    set_usg_scores,
)
from rtplan.render import fragment
from rtplan.schema import CONSENSUS
from rtplan.tables import is_missing
from rtplan.ui.base import (
    _STYLE,
    PlanSession,
    SafetyNet,
    StatusLine,
)
from rtplan.ui.needs.common import (
    _BIG_TEXT,
    _BOLD,
    _H3,
    _NEED,
    _P,
    BIG,
    CRITERION_LABELS,
    USG_HIGH,
    USG_LOW,
    _choose,
    _drafts_note,
    _int_entry,
    _need_rows,
    _Panel,
    _participant_options,
    _remember_draft,
)


class UsgGrid(SafetyNet, _Panel):
    """Score every need on U, S and G (1-5) for one scorer, or for the meeting's consensus."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.scorer = w.Dropdown(description=t("ui.needs.scorer", self.lang), style=_STYLE,
                                 layout=w.Layout(width="460px"))
        self.scorer.add_class("rtplan-usg-scorer")
        self.boxes: dict[str, tuple[w.Text, w.Text, w.Text]] = {}
        self.totals: dict[str, w.HTML] = {}
        # the need's name takes what the boxes leave (wrapping): U, S, G and the total always show
        self.grid = w.GridBox(layout=w.Layout(grid_template_columns="minmax(160px, 420px) 76px 76px 76px 70px",
                                              grid_gap="4px 8px", width="100%"))
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-usg")
        self.save_button.on_click(lambda _: self.save())
        self.status = StatusLine()
        safety = self.safety_net("usg")
        #: scores typed but not saved, per scorer (kept when another scorer is picked)
        self.drafts: dict[str, dict[str, tuple[str, str, str]]] = {}
        self.draft_note = w.HTML()
        self.draft_note.add_class("rtplan-usg-draft")
        self._shown: str | None = None
        self._quiet = False
        self.scorer.observe(self._on_scorer, names="value")
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.usg_title", self.lang))),
                                   w.HTML(fragment(_P, text=t("ui.needs.usg_help", self.lang))),
                                   self.scorer, self.draft_note, self.grid,
                                   w.HBox([self.save_button, safety]), self.status],
                         "rtplan-usg-grid")
        self.refresh()

    def _on_change(self, changed: set[str]) -> None:
        if changed & self.WATCH:
            self.refresh()
        elif "usg_scores" in changed:
            self._totals()

    def refresh(self) -> None:
        """Rebuild the rows (needs or participants changed); typed values of kept needs stay."""
        plan = self.session.plan
        keep_scorer = self.scorer.value
        typed = {n: tuple(b.value for b in boxes) for n, boxes in self.boxes.items()}
        options = [(t("ui.needs.consensus_option", self.lang), CONSENSUS), *_participant_options(plan)]
        self._quiet = True  # changing the options must not show (and overwrite) anything yet
        _choose(self.scorer, options, keep_scorer, CONSENSUS)
        self._quiet = False
        head = [w.HTML(fragment(_BOLD, text=t("needs.col.title", self.lang)))]
        head += [w.HTML(fragment(_BOLD, text=t(CRITERION_LABELS[c], self.lang))) for c in CRITERIA]
        head.append(w.HTML(fragment(_BOLD, text=t("needs.col.total", self.lang))))
        cells: list[w.Widget] = head
        self.boxes, self.totals = {}, {}
        for need_id, title in _need_rows(plan):
            label = w.HTML(fragment(_NEED, need_id=need_id, title=title))
            boxes = tuple(w.Text(value="", placeholder=f"{USG_LOW}-{USG_HIGH}", layout=w.Layout(width="70px"),
                                 style={"font_size": BIG}) for _ in CRITERIA)
            for c, box in zip(CRITERIA, boxes):
                box.add_class(f"rtplan-usg-{need_id}-{c}")
                box.observe(lambda _, n=need_id: self._total(n), names="value")
            self.boxes[need_id] = (boxes[0], boxes[1], boxes[2])
            self.totals[need_id] = w.HTML()
            cells += [label, *boxes, self.totals[need_id]]
        self.grid.children = cells
        self.show()
        for need_id, values in typed.items():
            if need_id in self.boxes and any(str(v).strip() for v in values):
                for box, value in zip(self.boxes[need_id], values):
                    box.value = value

    def _on_scorer(self, change: dict[str, object]) -> None:
        """Another scorer picked: keep what was typed for the previous one as a draft."""
        if self._quiet:
            return
        self._keep_draft()
        self.show()

    def _saved_texts(self, scorer: object) -> dict[str, tuple[str, str, str]]:
        scores = self.session.plan["usg_scores"]
        mine = scores[scores["scorer"].astype(str) == str(scorer)].set_index("need_id")
        out = {}
        for need_id in self.boxes:
            texts = []
            for c in CRITERIA:
                value = mine[c].get(need_id) if need_id in mine.index else None
                texts.append("" if value is None or is_missing(value) else str(int(value)))
            out[need_id] = (texts[0], texts[1], texts[2])
        return out

    def _keep_draft(self) -> None:
        """Keep the grid's typing for the scorer it shows when it differs from the saved scores."""
        if self._shown is None:
            return
        typed = {n: (str(b[0].value).strip(), str(b[1].value).strip(), str(b[2].value).strip())
                 for n, b in self.boxes.items()}
        _remember_draft(self.drafts, self._shown, typed, self._saved_texts(self._shown))

    def _show_draft_note(self) -> None:
        self.draft_note.value = _drafts_note(self.drafts, self.scorer, self.lang)

    def show(self) -> None:
        """Fill the grid with the chosen scorer's saved scores, then any unsaved draft of theirs."""
        scorer = self.scorer.value
        saved = self._saved_texts(scorer)
        draft = self.drafts.get(str(scorer), {})
        for need_id, boxes in self.boxes.items():
            for box, value in zip(boxes, draft.get(need_id, saved[need_id])):
                box.value = value
        self._shown = None if scorer is None else str(scorer)
        self._show_draft_note()
        self.status.clear()
        self._totals()

    def _totals(self) -> None:
        for need_id in self.boxes:
            self._total(need_id)

    def _total(self, need_id: str) -> None:
        values = [_int_entry(b.value, USG_LOW, USG_HIGH) for b in self.boxes[need_id]]
        total = sum(v for v in values if v is not None) if all(v is not None for v in values) else None
        self.totals[need_id].value = "" if total is None else fragment(_BIG_TEXT, size=BIG, text=total)

    def entries(self) -> tuple[dict[str, tuple[object, object, object] | None], list[str]]:
        """The grid as ``{need_id: (U, S, G) or None}`` and the problems of what was typed."""
        out: dict[str, tuple[object, object, object] | None] = {}
        problems: list[str] = []
        for need_id, boxes in self.boxes.items():
            texts = [str(b.value).strip() for b in boxes]
            if not any(texts):
                out[need_id] = None
                continue
            if not all(texts):
                problems.append(t("ui.needs.usg_partial", self.lang, need=need_id))
                continue
            values = []
            for c, text in zip(CRITERIA, texts):
                value = _int_entry(text, USG_LOW, USG_HIGH)
                if value is None:
                    problems.append(t("ui.needs.usg_bad", self.lang, need=need_id, low=USG_LOW, high=USG_HIGH,
                                      criterion=t(CRITERION_LABELS[c], self.lang), value=text))
                values.append(value)
            out[need_id] = (values[0], values[1], values[2])
        return out, problems

    def save(self) -> bool:
        """Save the chosen scorer's scores of every need (empty rows remove that score)."""
        scorer = self.scorer.value
        if not scorer:
            self.status.error([t("ui.needs.no_scorer", self.lang)])
            return False
        scores, problems = self.entries()
        if problems:
            self.status.error(problems)
            return False
        frame = set_usg_scores(self.session.table("usg_scores"), str(scorer), scores)
        if not self.save_updates({"usg_scores": frame}):
            return False
        self.drafts.pop(str(scorer), None)
        self._show_draft_note()
        n = sum(1 for v in scores.values() if v is not None)
        self.status.ok(t("ui.needs.usg_saved", self.lang, scorer=scorer, n=n))
        return True

    def typing(self) -> object:
        return self.scorer.value, {n: tuple(b.value for b in boxes) for n, boxes in self.boxes.items()}

    def restore_typing(self, typed: object) -> None:
        scorer, values = cast("tuple[Any, ...]", typed)
        if scorer in {o[1] for o in self.scorer.options} and self.scorer.value != scorer:
            self._quiet = True
            self.scorer.value = scorer
            self._quiet = False
            self.show()
        for need_id, texts in values.items():
            for box, text in zip(self.boxes.get(need_id, ()), texts):
                box.value = text

    def after_undo(self) -> None:
        self.show()
