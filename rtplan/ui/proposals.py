"""The step 3 panel "Usulan ke Musrenbang": candidates the RT cannot fund itself, and the
room's choice of which to send, saved to ``proposals.csv`` as decided at a meeting.

The logic is in :mod:`rtplan.proposals` (which needs are candidates, the new rows); this
panel only shows the candidates, takes what the facilitator types and saves through the
plan session (validated, all or nothing).
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.proposals import BIDANG_KEYS, STATE_KEYS, add_proposals, candidates
from rtplan.render import fragment
from rtplan.tables import is_missing
from rtplan.ui.base import PlanSession, open_session

_LIST = """<table class="rtplan-proposals"><tr>{% for h in heads %}<th>{{ h }}</th>{% endfor %}</tr>
{% for row in rows %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</table>"""


class CandidateRow(w.HBox):
    """One candidate need: send it or not, and what is proposed for it."""

    def __init__(self, need_id: str, title: str, location: str, bidang: str, lang: str) -> None:
        self.need_id = need_id
        self.send = w.Checkbox(value=False, description=f"{need_id} · {title}", indent=False,
                               layout=w.Layout(width="28em"))
        self.title = w.Text(value=title, placeholder=t("ui.proposals.title", lang), layout=w.Layout(width="18em"))
        self.location = w.Text(value=location, placeholder=t("ui.proposals.location", lang),
                               layout=w.Layout(width="12em"))
        self.volume = w.BoundedIntText(value=0, min=0, max=10**9, description=t("ui.proposals.volume", lang),
                                       layout=w.Layout(width="11em"))
        self.unit = w.Text(value="", placeholder=t("ui.proposals.unit", lang), layout=w.Layout(width="6em"))
        self.cost = w.BoundedIntText(value=0, min=0, max=10**13, description=t("ui.proposals.cost", lang),
                                     layout=w.Layout(width="16em"))
        self.bidang = w.Dropdown(options=[(t(k, lang), v) for v, k in BIDANG_KEYS.items()],
                                 value=bidang or "infrastruktur", layout=w.Layout(width="16em"))
        super().__init__([self.send, self.title, self.location, self.volume, self.unit, self.cost, self.bidang],
                         layout=w.Layout(flex_flow="row wrap"))

    def pick(self) -> dict[str, object]:
        return {"need_ids": [self.need_id], "title": self.title.value, "location": self.location.value,
                "volume": self.volume.value or None, "unit": self.unit.value,
                "cost_idr": self.cost.value or None, "bidang": self.bidang.value}


class ProposalsPanel(w.VBox):
    """Candidates for the Musrenbang, the meeting that decides, and the proposals so far."""

    WATCH = frozenset({"activities", "matches", "needs", "priorities", "proposals", "meetings", "plan"})

    def __init__(self, session: PlanSession) -> None:
        self.session = session
        self.lang = session.lang
        self.meeting = w.Dropdown(description=t("ui.proposals.meeting", self.lang), layout=w.Layout(width="30em"))
        self.rows: list[CandidateRow] = []
        self.box = w.VBox()
        self.save_button = w.Button(description=t("ui.proposals.save", self.lang), button_style="primary")
        self.save_button.on_click(lambda _: self.save())
        self.message = w.HTML()
        self.current = w.HTML()
        session.on_change(lambda changed: self.refresh() if changed & self.WATCH else None)
        super().__init__([w.HTML(fragment("<h3>{{ a }}</h3><p>{{ b }}</p>", a=t("ui.proposals.heading", self.lang),
                                          b=t("ui.proposals.help", self.lang))),
                          self.meeting, self.box, self.save_button, self.message, self.current])
        self.refresh()

    def refresh(self) -> None:
        plan = self.session.plan
        meetings = plan["meetings"].sort_values("date")
        chosen = self.meeting.value
        self.meeting.options = [(f"{m.meeting_id} · {m.title}", str(m.meeting_id))
                                for m in meetings.itertuples(index=False)]
        ids = [str(m) for m in meetings["meeting_id"]]
        if ids:  # the meeting chosen before, else the latest
            self.meeting.value = chosen if chosen in ids else ids[-1]
        self.rows = [CandidateRow(c.need_id, c.title, c.location, c.bidang, self.lang)
                     for c in candidates(plan).itertuples(index=False)]
        self.box.children = self.rows or [w.HTML(fragment("<p>{{ x }}</p>", x=t("ui.proposals.none", self.lang)))]
        table = plan["proposals"]
        self.current.value = fragment(
            _LIST, heads=[t("ui.proposals.current", self.lang), "", "", ""],
            rows=[[str(p.proposal_id), str(p.title),
                   "" if is_missing(p.decided_in) else str(p.decided_in),
                   t(STATE_KEYS[str(p.state)], self.lang) if str(p.state) in STATE_KEYS else ""]
                  for p in table.itertuples(index=False)])

    def save(self) -> list[str]:
        """Save the ticked candidates as proposals decided at the chosen meeting; the messages
        of a refusal (nothing saved) or ``[]``."""
        picks = [r.pick() for r in self.rows if r.send.value]
        if not picks:
            self.message.value = fragment("<p>{{ x }}</p>", x=t("ui.proposals.nothing_ticked", self.lang))
            return [t("ui.proposals.nothing_ticked", self.lang)]
        if not self.meeting.value:
            self.message.value = fragment("<p>{{ x }}</p>", x=t("ui.proposals.no_meeting", self.lang))
            return [t("ui.proposals.no_meeting", self.lang)]
        meeting = str(self.meeting.value)
        frame = add_proposals(self.session.plan, picks, meeting)
        problems = self.session.save({"proposals": frame})
        self.message.value = fragment(
            "<p>{% for p in ps %}{{ p }}<br>{% endfor %}</p>",
            ps=problems or [t("ui.proposals.saved", self.lang, n=len(picks), meeting=meeting)])
        return problems


def proposals_panel(plan: str | Path | Plan | PlanSession, lang: str | None = None) -> ProposalsPanel:
    """The panel for a plan folder, a loaded plan or an open session (the step 3 notebook)."""
    return ProposalsPanel(open_session(plan, lang))


__all__ = ["CandidateRow", "ProposalsPanel", "proposals_panel"]
