"""The pairwise runner: two needs at a time, the room chooses one (or a tie).
"""

from __future__ import annotations

import ipywidgets as w

from rtplan.messages import t
from rtplan.needs import (
    combined_view,
    judgement,
    need_labels,
    pair_schedule,
    pairwise_ranking,
    pending_pairs,
    set_pairwise,
)
from rtplan.render import fragment
from rtplan.render.views import to_html
from rtplan.schema import TIE
from rtplan.tables import is_missing
from rtplan.ui.base import (
    _STYLE,
    PlanSession,
    SafetyNet,
    StatusLine,
    pick_several_hint,
)
from rtplan.ui.needs.common import (
    _BIG_TEXT,
    _BOLD,
    _CARD,
    _H3,
    _QUESTION,
    _choose,
    _Panel,
    _participant_options,
)
from rtplan.views.needs import ranking_view


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
                                   pick_several_hint(lang, indent=False),
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
