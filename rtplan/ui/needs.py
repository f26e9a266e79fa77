"""Step 1 panels: needs, USG grid, dot votes, pairwise runner, live ranking, final order, problem tree.

Every panel reads its widgets, calls one function of :mod:`rtplan.needs` and saves
through the :class:`~rtplan.ui.base.PlanSession`; a refused change shows its message
in the panel and leaves the typed values on screen and the files on disk as they were.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import ipywidgets as w
import pandas as pd

from rtplan.charts.needs import category_figure, dots_figure, method_figure, problem_tree_figure, ranking_figure
from rtplan.messages import t
from rtplan.needs import (
    AGGREGATES,
    CRITERIA,
    METHOD_LABELS,
    METHODS,
    SOURCE_LABELS,
    STEP1_TABLES,
    Ranking,
    all_rankings,
    combined_view,
    dot_ranking,
    judgement,
    need_labels,
    pair_schedule,
    pairwise_ranking,
    pending_pairs,
    priorities_frame,
    problem_tree,
    set_pairwise,
    set_usg_scores,
    set_votes,
    stored_priorities,
    suggested_dots,
    tree_need_ids,
    upsert_tree_node,
    usg_ranking,
)
from rtplan.plan import Plan
from rtplan.render import Markup, fragment
from rtplan.render.views import to_html
from rtplan.schema import CONSENSUS, PRIORITY_METHODS, TABLES, TIE, TREE_KINDS
from rtplan.tables import is_missing
from rtplan.ui.base import (
    _STYLE,
    ConfirmBar,
    LiveResult,
    PlanSession,
    SafetyNet,
    StatusLine,
    TableEditor,
    draft_note,
    open_session,
    step_tabs,
    used_by,
)
from rtplan.views.needs import by_category_view, ranking_view

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
        self.grid = w.GridBox(layout=w.Layout(grid_template_columns="420px 80px 80px 80px 80px",
                                              grid_gap="4px 8px"))
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


class DotVotePanel(SafetyNet, _Panel):
    """Enter one participant's dots per need (stacking allowed), then save."""

    MAX_DOTS = int(TABLES["votes"].column("dots").max or 20)

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.participant = w.Dropdown(description=t("ui.needs.participant", self.lang), style=_STYLE,
                                      layout=w.Layout(width="460px"))
        self.participant.add_class("rtplan-dots-participant")
        self.boxes: dict[str, w.Text] = {}
        self.grid = w.GridBox(layout=w.Layout(grid_template_columns="420px 90px", grid_gap="4px 8px"))
        self.used = w.HTML()
        self.save_button = w.Button(description=t("ui.save", self.lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-dots")
        self.save_button.on_click(lambda _: self.save())
        self.status = StatusLine()
        safety = self.safety_net("dots")
        #: dots typed but not saved, per participant (kept when another participant is picked)
        self.drafts: dict[str, dict[str, str]] = {}
        self.draft_note = w.HTML()
        self.draft_note.add_class("rtplan-dots-draft")
        self._shown: str | None = None
        self._quiet = False
        self.participant.observe(self._on_participant, names="value")
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.dots_title", self.lang))),
                                   self.participant, self.draft_note, self.grid, self.used,
                                   w.HBox([self.save_button, safety]),
                                   self.status],
                         "rtplan-dots-panel")
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows (needs or participants changed); what was typed stays as a draft."""
        self._keep_draft()
        plan = self.session.plan
        options = _participant_options(plan)
        self._quiet = True
        _choose(self.participant, options, self.participant.value, options[0][1] if options else None)
        self._quiet = False
        cells: list[w.Widget] = []
        self.boxes = {}
        for need_id, title in _need_rows(plan):
            box = w.Text(value="", placeholder="0", layout=w.Layout(width="80px"), style={"font_size": BIG})
            box.add_class(f"rtplan-dots-{need_id}")
            box.observe(lambda _: self._count(), names="value")
            self.boxes[need_id] = box
            cells += [w.HTML(fragment(_NEED, need_id=need_id, title=title)), box]
        self.grid.children = cells
        self.show()

    def _on_participant(self, change: dict[str, object]) -> None:
        """Another participant picked: keep what was typed for the previous one as a draft."""
        if self._quiet:
            return
        self._keep_draft()
        self.show()

    def _saved_texts(self, pid: object) -> dict[str, str]:
        votes = self.session.plan["votes"]
        mine = votes[votes["participant_id"].astype(str) == str(pid)]
        saved = dict(zip(mine["need_id"].astype(str), mine["dots"]))
        out = {}
        for need_id in self.boxes:
            value = saved.get(need_id)
            out[need_id] = "" if value is None or is_missing(value) or int(value) == 0 else str(int(value))
        return out

    def _keep_draft(self) -> None:
        """Keep the grid's typing for the participant it shows when it differs from the saved dots."""
        if self._shown is None or not self.boxes:
            return
        typed = {n: str(b.value).strip() for n, b in self.boxes.items()}
        _remember_draft(self.drafts, self._shown, typed, self._saved_texts(self._shown))

    def _show_draft_note(self) -> None:
        self.draft_note.value = _drafts_note(self.drafts, self.participant, self.lang)

    def show(self) -> None:
        """Show the chosen participant's saved dots, then any unsaved draft of theirs."""
        pid = self.participant.value
        saved = self._saved_texts(pid)
        draft = self.drafts.get(str(pid), {})
        for need_id, box in self.boxes.items():
            box.value = draft.get(need_id, saved[need_id])
        self._shown = None if pid is None else str(pid)
        self._show_draft_note()
        self.status.clear()
        self._count()

    def _count(self) -> None:
        used = sum(_int_entry(b.value, 0, self.MAX_DOTS) or 0 for b in self.boxes.values())
        k = suggested_dots(len(self.boxes))
        key = "ui.needs.dots_over" if used > k else "ui.needs.dots_used"
        self.used.value = fragment(_BIG_TEXT, size="16px", text=t(key, self.lang, used=used, k=k))

    def save(self) -> bool:
        """Save the chosen participant's dots (0 or empty removes the vote)."""
        pid = self.participant.value
        if not pid:
            self.status.error([t("ui.needs.no_participant", self.lang)])
            return False
        dots: dict[str, object] = {}
        problems = []
        for need_id, box in self.boxes.items():
            text = str(box.value).strip()
            value = _int_entry(text, 0, self.MAX_DOTS) if text else 0
            if value is None:
                problems.append(t("ui.needs.dots_bad", self.lang, need=need_id, max=self.MAX_DOTS, value=text))
            dots[need_id] = value
        if problems:
            self.status.error(problems)
            return False
        if not self.save_updates({"votes": set_votes(self.session.table("votes"), str(pid), dots)}):
            return False
        self.drafts.pop(str(pid), None)
        self._show_draft_note()
        self.status.ok(t("ui.needs.dots_saved", self.lang, participant=pid,
                         n=sum(int(str(v)) for v in dots.values() if v)))
        return True

    def typing(self) -> object:
        return self.participant.value, {n: b.value for n, b in self.boxes.items()}

    def restore_typing(self, typed: object) -> None:
        pid, values = cast("tuple[Any, ...]", typed)
        if pid in {o[1] for o in self.participant.options} and self.participant.value != pid:
            self._quiet = True
            self.participant.value = pid
            self._quiet = False
            self.show()
        for need_id, text in values.items():
            if need_id in self.boxes:
                self.boxes[need_id].value = text

    def after_undo(self) -> None:
        self.show()


class PairwiseRunner(SafetyNet, _Panel):
    """Present every pair of the chosen needs in turn, big enough for a projector: A, B or Seri.

    Each answer is saved at once; the runner then shows the next pair not judged yet. Until a
    pair is compared or the facilitator picks needs, the candidates are the top of the combined
    ranking, and follow the USG scores and the dots as they are saved.
    """

    WATCH = _Panel.WATCH | {"usg_scores", "votes", "priorities"}

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.candidates = w.SelectMultiple(rows=8, layout=w.Layout(width="610px"))
        self.candidates.add_class("rtplan-pairwise-candidates")
        self.judge = w.Dropdown(description=t("ui.needs.judge", lang), style=_STYLE, layout=w.Layout(width="460px"))
        self.judge.add_class("rtplan-pairwise-judge")
        self.start_button = w.Button(description=t("ui.needs.start", lang), icon="play", button_style="primary")
        self.start_button.add_class("rtplan-pairwise-start")
        self.start_button.on_click(lambda _: self.start())
        self.question = w.HTML()
        card = w.Layout(width="48%", min_height="150px", border="2px solid #1b4965", padding="10px")
        self.card_a = w.HTML(layout=card)
        self.card_b = w.HTML(layout=w.Layout(width="48%", min_height="150px", border="2px solid #f4a261",
                                             padding="10px"))
        big = {"font_size": "28px", "font_weight": "bold"}
        self.a_button = w.Button(description="A", layout=w.Layout(width="30%", height="70px"), style=big)
        self.tie_button = w.Button(description=t("ui.needs.tie", lang), layout=w.Layout(width="30%", height="70px"),
                                   style=big)
        self.b_button = w.Button(description="B", layout=w.Layout(width="30%", height="70px"), style=big)
        for b, name in ((self.a_button, "a"), (self.tie_button, "tie"), (self.b_button, "b")):
            b.add_class(f"rtplan-pairwise-{name}")
        self.a_button.on_click(lambda _: self.choose("a"))
        self.b_button.on_click(lambda _: self.choose("b"))
        self.tie_button.on_click(lambda _: self.choose("tie"))
        self.back_button = w.Button(description=t("ui.needs.back", lang), icon="arrow-left")
        self.skip_button = w.Button(description=t("ui.needs.skip", lang), icon="arrow-right")
        self.back_button.on_click(lambda _: self.go(-1))
        self.skip_button.on_click(lambda _: self.go(1))
        self.progress = w.HTML()
        self.result = w.HTML(layout=w.Layout(width="100%"))
        self.status = StatusLine()
        safety = self.safety_net("pairwise")
        self._answered = 0  # the index of the pair last answered (Urungkan shows it again)
        self.stage = w.VBox([self.question, w.HBox([self.card_a, self.card_b],
                                                   layout=w.Layout(justify_content="space-between")),
                             w.HBox([self.a_button, self.tie_button, self.b_button],
                                    layout=w.Layout(justify_content="space-between")),
                             w.HBox([self.back_button, self.skip_button, self.progress])],
                            layout=w.Layout(display="none"))
        self.pairs: list[tuple[str, str]] = []
        self.order: list[str] = []
        self.index = 0
        #: the candidates rtplan chose (not the facilitator): they follow the plan until someone picks others
        self._auto_candidates: tuple[str, ...] = ()
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.pairwise_title", lang))),
                                   w.HTML(fragment(_BOLD, text=t("ui.needs.candidates", lang))), self.candidates,
                                   self.judge, self.start_button, self.stage, safety, self.status,
                                   self.result],
                         "rtplan-pairwise-runner")
        self.refresh()

    def refresh(self) -> None:
        plan = self.session.plan
        labels = need_labels(plan)
        keep = tuple(self.candidates.value)
        self.candidates.options = [(label, need_id) for need_id, label in labels.items()]
        if not keep or keep == self._auto_candidates:  # needs added one by one: the default grows with them
            compared = pairwise_ranking(plan, lang=self.lang).candidates
            keep = self._auto_candidates = compared or tuple(combined_view(plan, lang=self.lang).order[:5])
        self.candidates.value = tuple(n for n in keep if n in labels)
        _choose(self.judge, [(t("ui.needs.group_judge", self.lang), ""), *_participant_options(plan)],
                self.judge.value, "")
        self._result()

    def start(self) -> bool:
        """Begin (or resume) with the chosen needs: the first pair not judged yet."""
        chosen = list(self.candidates.value)
        if len(chosen) < 2:
            self.status.error([t("ui.needs.need_two", self.lang)])
            return False
        order = [n for n in need_labels(self.session.plan) if n in set(chosen)]
        self.order = order
        self.pairs = pair_schedule(order)
        pending = self._pending()
        self.index = next((i for i, p in enumerate(self.pairs) if frozenset(p) in pending), 0)
        self.stage.layout.display = "flex"
        self.status.clear()
        self.show_pair()
        return True

    @property
    def current(self) -> tuple[str, str] | None:
        """The pair on screen (need A, need B)."""
        return self.pairs[self.index] if self.pairs and 0 <= self.index < len(self.pairs) else None

    def show_pair(self) -> None:
        pair = self.current
        if pair is None:
            return
        needs = self.session.plan["needs"].set_index("need_id")
        for card, side, need_id in ((self.card_a, "A", pair[0]), (self.card_b, "B", pair[1])):
            desc = needs.at[need_id, "description"]
            card.value = fragment(_CARD, side=side, need_id=need_id, title=str(needs.at[need_id, "title"]),
                                  description="" if is_missing(desc) else str(desc))
        self.question.value = fragment(_QUESTION, text=t("ui.needs.question", self.lang))
        saved = judgement(self.session.plan, pair[0], pair[1], str(self.judge.value or ""))
        for button, code in ((self.a_button, pair[0]), (self.b_button, pair[1]), (self.tie_button, TIE)):
            button.button_style = "info" if saved == code else ""
        done = len(self.pairs) - len(self._pending())
        self.progress.value = fragment(_BIG_TEXT, size="18px", text=t("ui.needs.progress", self.lang,
                                                                      i=self.index + 1, n=len(self.pairs), done=done))

    def _pending(self) -> set[frozenset[str]]:
        who = str(self.judge.value or "")
        return {frozenset(p) for p in pending_pairs(self.session.plan, self.order, who)}

    def go(self, step: int) -> None:
        """Move to the previous (-1) or next (+1) pair without answering."""
        if self.pairs:
            self.index = (self.index + step) % len(self.pairs)
            self.status.clear()
            self.show_pair()

    def choose(self, answer: str) -> bool:
        """Save the answer for the pair on screen (``"a"``, ``"b"`` or ``"tie"``) and go on."""
        pair = self.current
        if pair is None:
            self.status.error([t("ui.needs.need_two", self.lang)])
            return False
        winner = {"a": pair[0], "b": pair[1], "tie": TIE}[answer]
        who = str(self.judge.value or "")
        frame = set_pairwise(self.session.table("pairwise"), pair[0], pair[1], winner, who)
        if not self.save_updates({"pairwise": frame}):
            return False
        self._answered = self.index
        shown = t("ui.needs.tie", self.lang) if winner == TIE else winner
        pending = self._pending()
        if pending:
            later = [i for i, p in enumerate(self.pairs) if frozenset(p) in pending]
            self.index = next((i for i in later if i > self.index), later[0])
            self.status.ok(t("ui.needs.pair_saved", self.lang, a=pair[0], b=pair[1], winner=shown))
        else:
            self.status.ok(t("ui.needs.pair_saved", self.lang, a=pair[0], b=pair[1], winner=shown) + " "
                           + t("ui.needs.pairs_done", self.lang, n=len(self.pairs)))
        self.show_pair()
        self._result()
        return True

    def after_undo(self) -> None:
        """Back to the pair whose answer was undone."""
        if self.pairs:
            self.index = min(self._answered, len(self.pairs) - 1)
            self.show_pair()
        self._result()

    def restore_typing(self, typed: object) -> None:
        self.show_pair()

    def _result(self) -> None:
        result = pairwise_ranking(self.session.plan, lang=self.lang)
        self.result.value = to_html(ranking_view(result, self.lang, table_id="rtplan-pairwise-result"))


class RankingPanel(_Panel):
    """The rankings, updated after every saved change: table, tie-break, notes and chart."""

    WATCH = STEP1_TABLES | {"participants"}

    def __init__(self, session: PlanSession, method: str = "usg") -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.method = w.ToggleButtons(options=[(t(METHOD_LABELS[m], lang), m) for m in METHODS], value=method,
                                      style={"button_width": "auto"})
        self.method.add_class("rtplan-ranking-method")
        self.aggregate = w.ToggleButtons(options=[(t(SOURCE_LABELS[a], lang), a) for a in AGGREGATES],
                                         value="mean", description=t("ui.needs.aggregate", lang), style=_STYLE)
        self.consensus = w.Checkbox(value=True, description=t("ui.needs.consensus_option", lang), indent=False)
        self.table = w.HTML(layout=w.Layout(width="100%"))
        self.table.add_class("rtplan-ranking-table")
        self.chart = w.Output()
        self.rankings: dict[str, Ranking] = {}
        for control in (self.method, self.aggregate, self.consensus):
            control.observe(lambda _: self.refresh(), names="value")
        super().__init__(session, [w.HTML(fragment(_H3, text=t("ui.needs.ranking_title", lang))), self.method,
                                   w.HBox([self.aggregate, self.consensus]), self.table, self.chart],
                         "rtplan-ranking-panel")
        self.refresh()

    @property
    def current(self) -> Ranking:
        return self.rankings[self.method.value]

    def refresh(self) -> None:
        """Recompute every ranking and show the chosen one."""
        self.rankings = all_rankings(self.session.plan, self.aggregate.value, self.consensus.value, self.lang)
        self.table.value = to_html(ranking_view(self.current, self.lang))
        _show_figure(self.chart, method_figure(self.current, self.lang))


class FinalOrderPanel(SafetyNet, w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Agree the final priority order: take the top of a ranking, reorder, annotate, save."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        lang = self.lang
        self.order: list[str] = []
        self.notes: dict[str, str] = {}
        self.source = "gabungan"
        self.chosen = w.Select(rows=10, layout=w.Layout(width="420px"))
        self.chosen.add_class("rtplan-final-order")
        self.others = w.Select(rows=10, layout=w.Layout(width="340px"))
        self.others.add_class("rtplan-final-others")
        self.up_button = w.Button(description=t("ui.needs.up", lang), icon="arrow-up")
        self.down_button = w.Button(description=t("ui.needs.down", lang), icon="arrow-down")
        self.remove_button = w.Button(description=t("ui.needs.remove", lang), icon="arrow-right")
        self.add_button = w.Button(description=t("ui.needs.add", lang), icon="arrow-left")
        self.up_button.on_click(lambda _: self.move(-1))
        self.down_button.on_click(lambda _: self.move(1))
        self.remove_button.on_click(lambda _: self.remove())
        self.add_button.on_click(lambda _: self.add())
        self.top_k = w.BoundedIntText(value=5, min=1, max=200, description=t("ui.needs.top_k", lang),
                                      layout=w.Layout(width="160px"))
        self.take_from = w.Dropdown(options=[(t(METHOD_LABELS[m], lang), m) for m in
                                             ("combined", "usg", "dots", "pairwise")], value="combined",
                                    layout=w.Layout(width="260px"))
        self.take_button = w.Button(description=t("ui.needs.take_button", lang), icon="download")
        self.take_button.add_class("rtplan-final-take")
        self.take_button.on_click(lambda _: self.take())
        self.note = w.Text(description=t("ui.needs.note", lang), style=_STYLE, layout=w.Layout(width="700px"))
        self.note.observe(self._on_note, names="value")
        self.save_button = w.Button(description=t("ui.save", lang), icon="check", button_style="success")
        self.save_button.add_class("rtplan-save-final")
        self.save_button.on_click(lambda _: self.save())
        self.clear_button = w.Button(description=t("ui.needs.clear", lang), icon="trash", button_style="danger")
        self.clear_button.on_click(lambda _: self.ask_clear())
        self.clear_button.add_class("rtplan-clear-final")
        self.confirm = ConfirmBar(lang, "final")
        self.status = StatusLine()
        safety = self.safety_net("final")
        self.chosen.observe(self._on_pick, names="value")
        session.on_change(lambda changed: self.load() if changed & {"priorities", "needs"} else None)
        super().__init__([
            w.HTML(fragment(_H3, text=t("ui.needs.final_title", lang)) + fragment(_P, text=t("ui.needs.final_help",
                                                                                               lang))),
            w.HBox([w.HTML(fragment(_BOLD, text=t("ui.needs.take", lang))), self.take_from, self.top_k,
                    self.take_button]),
            w.HBox([self.chosen, w.VBox([self.up_button, self.down_button, self.remove_button, self.add_button]),
                    w.VBox([w.HTML(fragment(_BOLD, text=t("ui.needs.others", lang))), self.others])]),
            self.note, w.HBox([self.save_button, self.clear_button, safety]), self.confirm, self.status])
        self.add_class("rtplan-final-panel")
        self.load()

    def load(self) -> None:
        """Show the saved priority order."""
        pri = stored_priorities(self.session.plan)
        self.order = pri["need_id"].tolist()
        self.notes = dict(zip(pri["need_id"], pri["note"]))
        methods = [m for m in pri["method"] if m]
        self.source = methods[0] if methods else "gabungan"
        self._render()

    def _render(self, select: str | None = None) -> None:
        labels = need_labels(self.session.plan)
        self.chosen.unobserve(self._on_pick, names="value")
        self.chosen.options = [(f"{i + 1}. {labels.get(n, n)}", n) for i, n in enumerate(self.order)]
        self.chosen.value = select if select in self.order else None
        self.chosen.observe(self._on_pick, names="value")
        self.others.options = [(label, n) for n, label in labels.items() if n not in self.order]
        self._on_pick({"new": self.chosen.value})

    def _on_pick(self, change: dict[str, Any]) -> None:
        need = change["new"]
        self.note.unobserve(self._on_note, names="value")
        self.note.value = self.notes.get(need, "") if need else ""
        self.note.disabled = need is None
        self.note.observe(self._on_note, names="value")

    def _on_note(self, change: dict[str, Any]) -> None:
        if self.chosen.value:
            self.notes[self.chosen.value] = str(change["new"])

    def take(self) -> None:
        """Replace the working order by the top ``k`` of the chosen ranking (not saved yet)."""
        method = self.take_from.value
        result = all_rankings(self.session.plan, lang=self.lang)[method]
        self.order = result.order[: int(self.top_k.value)]
        self.source = "gabungan" if method == "combined" else method
        self._render()
        self.status.clear()

    def move(self, step: int) -> None:
        need = self.chosen.value
        if need is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return
        i = self.order.index(need)
        j = min(max(i + step, 0), len(self.order) - 1)
        self.order[i], self.order[j] = self.order[j], self.order[i]
        self._render(select=need)

    def remove(self) -> None:
        need = self.chosen.value
        if need is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return
        self.order.remove(need)
        self._render()

    def add(self) -> None:
        need = self.others.value
        if need is None:
            self.status.error([t("ui.pick_first", self.lang)])
            return
        self.order.append(need)
        self._render(select=need)

    def save(self) -> bool:
        """Save the order on screen as priorities.csv (rank 1, 2, ...)."""
        method = self.source if self.source in PRIORITY_METHODS else "gabungan"
        frame = priorities_frame(self.order, method, {n: self.notes.get(n, "") for n in self.order})
        if not self.save_updates({"priorities": frame}):
            return False
        self.status.ok(t("ui.needs.final_saved", self.lang, n=len(self.order)))
        return True

    def ask_clear(self) -> bool:
        """What "Kosongkan" does: ask first, saying how many stored priorities go; ``True`` when asked."""
        self.confirm.hide()
        stored = len(stored_priorities(self.session.plan))
        if not stored:
            self.status.ok(t("ui.needs.final_cleared", self.lang))
            return False
        self.status.clear()
        self.confirm.ask(t("ui.needs.confirm_clear", self.lang, n=stored), self.clear)
        return True

    def undo(self) -> bool:
        self.confirm.hide()
        return super().undo()

    def clear(self) -> bool:
        """Remove the stored order at once (the final order then falls back to the combined ranking)."""
        if not self.save_updates({"priorities": priorities_frame([])}):
            return False
        self.status.ok(t("ui.needs.final_cleared", self.lang))
        return True

    def typing(self) -> object:
        return list(self.order), dict(self.notes), self.source, self.chosen.value

    def restore_typing(self, typed: object) -> None:
        order, notes, source, chosen = cast("tuple[Any, ...]", typed)
        known = set(need_labels(self.session.plan))
        self.order = [n for n in order if n in known]
        self.notes, self.source = notes, source
        self._render(select=chosen)


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


class NeedsSummary(w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """Needs per category and households affected (table and chart), live."""

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.table = w.HTML()
        self.table.add_class("rtplan-needs-summary")
        self.chart = w.Output()
        session.on_change(lambda changed: self.refresh() if "needs" in changed else None)
        super().__init__([w.HTML(fragment(_H3, text=t("ui.needs.summary_title", session.lang))), self.table,
                          self.chart])
        self.refresh()

    def refresh(self) -> None:
        self.table.value = to_html(by_category_view(self.session.plan, self.session.lang), caption=False)
        _show_figure(self.chart, category_figure(self.session.plan, self.session.lang))


PANELS = ("needs", "usg", "dots", "pairwise", "ranking", "final", "tree", "summary")


# the tables each method's ranking reads (its chart is drawn again only when one changes)
_RANKED_BY = {"usg": ("needs", "usg_scores", "votes", "priorities"), "dots": ("needs", "votes")}


def _usg_chart(plan: Plan) -> object:
    return ranking_figure(usg_ranking(plan, lang=plan.message_lang))


def _dots_chart(plan: Plan) -> object:
    return dots_figure(dot_ranking(plan, lang=plan.message_lang))


def step1(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> w.Tab:
    """The whole step 1 as tabs: needs, USG, dot votes, pairwise, ranking, final order, problem tree, summary.

    Parameters
    ----------
    plan : the plan folder (or a loaded plan, or an open session shared with other steps).
    lang : ``"id"`` or ``"en"`` (default: the plan's language).
    """
    session = open_session(plan, lang)
    lang = session.lang
    panels: dict[str, w.Widget] = {
        "needs": TableEditor(session, "needs", id_prefix="N", id_width=2),
        "usg": UsgGrid(session),
        "dots": DotVotePanel(session),
        "pairwise": PairwiseRunner(session),
        "ranking": RankingPanel(session),
        "final": FinalOrderPanel(session),
        "tree": ProblemTreePanel(session),
        "summary": NeedsSummary(session),
    }
    # the USG grid and the dot votes with their ranking chart beside them
    return step_tabs(session, [(k, t(TAB_LABELS[k], lang), p) for k, p in panels.items()], 1, beside={
        "usg": LiveResult(session, _usg_chart, _RANKED_BY["usg"]),
        "dots": LiveResult(session, _dots_chart, _RANKED_BY["dots"]),
    }, chart=True)


__all__ = [
    "DotVotePanel", "FinalOrderPanel", "NeedsSummary", "PairwiseRunner", "ProblemTreePanel", "RankingPanel",
    "UsgGrid", "figure_html", "step1",
]
