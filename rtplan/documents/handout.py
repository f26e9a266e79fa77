"""The meeting handout: :class:`Handout`, whose methods the handout notebook
(``rtplan/documents/handout.ipynb``) calls, one displayable section each.

Where each part is made:

* identity block, signature blocks, page width of charts: :mod:`rtplan.documents.layout`;
* agenda, participation, decisions, needs, resources, schedule, budget: :mod:`rtplan.documents.sections`;
* berita acara and daftar hadir: :mod:`rtplan.documents.berita_acara`;
* names masked for wider sharing: :mod:`rtplan.documents.masking`;
* charts and sections kept between builds, the caller's plan: :mod:`rtplan.documents.caches`;
* which meeting: :func:`rtplan.meetings.choose_meeting`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from markupsafe import Markup

from rtplan.documents.berita_acara import berita_acara, daftar_hadir
from rtplan.documents.caches import ChartParts, cached_chart, cached_section, document_plan
from rtplan.documents.layout import PRINT_WIDTH_IN, Html, fit_for_print, identity
from rtplan.documents.masking import masked_plan
from rtplan.documents.sections import (
    NEEDS_TOP,
    agenda,
    budget_section,
    earlier_decisions,
    needs_section,
    participation,
    proposals_section,
    proposed_activities,
    proposed_priorities,
    resources_section,
    schedule_section,
)
from rtplan.meetings import choose_meeting
from rtplan.messages import t
from rtplan.render import fragment
from rtplan.tables import is_missing

# What each cached part of the handout reads besides plan.toml: its cache key is the state of
# these tables only, so a typo fixed in a decision, the agenda or the kas finds the parts of the
# last build. tests/test_cache_keys.py builds each part with a spy on the plan's tables and
# fails when it reads a table not listed here (or no longer reads one that is).
NEEDS_CHART_READS = frozenset({"needs", "pairwise", "priorities", "usg_scores", "votes"})
# without priorities the Gantt orders activities by the ranking: it reads the scores then
GANTT_READS = frozenset({"activities", "needs", "pairwise", "priorities", "resources", "usg_scores", "votes"})
# the privacy rule names whoever leads an activity, chairs a meeting or follows up a decision
# (rtplan.privacy.People): who is masked in the partners' list depends on those tables too
RESOURCES_READS = frozenset({"activities", "decisions", "funds", "institutions", "matches", "meetings", "needs",
                             "pairwise", "participants", "priorities", "resources", "usg_scores", "votes"})

class Handout:
    """The handout of one meeting: each method returns one displayable section.

    Parameters
    ----------
    plan_dir : the plan folder.
    lang : ``"id"`` or ``"en"`` (default: the plan's).
    meeting : the meeting id for the berita acara (default: the latest meeting).
    mask_names : mask residents' names (for wider sharing).
    as_of : the date the handout counts up to (``YYYY-MM-DD``; default: the meeting's date,
        or today without a meeting): sessions held, kas entries, meetings and statuses
        after it are left out (:func:`rtplan.asof.plan_as_of`).
    """

    def __init__(self, plan_dir: str, lang: str | None = None, meeting: str | None = None,
                 mask_names: bool = False, as_of: str | dt.date | None = None) -> None:
        from rtplan.asof import decided_plan, plan_as_of, undecided
        from rtplan.messages import normalize_lang

        plan = document_plan(plan_dir, lang)  # rows that break a rule are left out
        self.lang = normalize_lang(lang or plan.lang)
        self.mask = bool(mask_names)
        # masked: every section and chart is built from the plan with names masked in its text
        chosen = choose_meeting(plan, meeting)
        if as_of:
            self.as_of = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
        elif chosen is not None and not is_missing(chosen["date"]):
            self.as_of = pd.Timestamp(chosen["date"]).date()
        else:
            self.as_of = dt.date.today()
        plan = plan_as_of(plan, self.as_of)
        # only what was decided by then: priorities and activities decided at a later meeting
        # are shown as proposed (:meth:`proposed`), outside the order, schedule, chart and budget
        self.proposed = undecided(plan)
        plan = decided_plan(plan)
        # the privacy rule (rtplan.privacy): who declined consent is masked always, residents with mask_names
        self.signers = plan  # the daftar hadir lists residents by name: it is where they sign
        self.plan = masked_plan(plan, self.mask)
        self.meeting = choose_meeting(self.plan, None if chosen is None else str(chosen["meeting_id"]))

    def _h2(self, key: str) -> Markup:
        return fragment("<h2>{{ text }}</h2>", text=t(key, self.lang))

    def identity(self) -> Html:
        return Html(identity(self.plan, self.meeting, self.lang, as_of=self.as_of))

    def agenda(self) -> Html:
        return Html(self._h2("handout.h.agenda") + agenda(self.meeting, self.lang))

    def participation(self) -> Html:
        return Html(self._h2("handout.h.participation") + participation(self.plan, self.meeting, self.lang))

    def needs(self) -> Html:
        return Html(self._h2("handout.h.needs") + needs_section(self.plan, self.lang)
                    + proposed_priorities(self.proposed["priorities"], self.lang))

    def needs_chart(self):  # type: ignore[no-untyped-def]
        def build():  # type: ignore[no-untyped-def]
            import dataclasses

            from rtplan.charts.needs import usg_stacked_figure  # matplotlib: only when the chart is drawn
            from rtplan.needs import final_order, usg_ranking

            # the needs of the priority table above the chart, in its order and with its numbers
            # (the final priority), not the USG ranking's own: one "4." on the page
            usg = usg_ranking(self.plan, lang=self.lang)
            top = final_order(self.plan, self.lang).table.head(NEEDS_TOP)
            rows = usg.table.set_index("need_id")
            shown = [(n, int(r)) for n, r in zip(top["need_id"], top["rank"]) if n in rows.index]
            table = rows.loc[[n for n, _ in shown]].reset_index()
            table["rank"] = [r for _, r in shown]
            return fit_for_print(usg_stacked_figure(dataclasses.replace(usg, table=table), self.lang), 8.0)

        # 8 in keeps its one-row legend whole; printed at about 85 %. The needs the table shows
        # (NEEDS_TOP): about 10 cm high, the chart fits on the needs table's page
        return cached_chart(self.plan, ("needs", self.lang, NEEDS_TOP), build, NEEDS_CHART_READS)

    def resources(self) -> Html:
        # matching every need with every resource is the slowest section: made once per state of what it reads
        section = cached_section(self.plan, ("resources", self.lang, self.mask),
                                 lambda: resources_section(self.plan, self.lang, self.mask), RESOURCES_READS)
        return Html(self._h2("handout.h.resources") + section)

    def schedule(self) -> Html:
        return Html(self._h2("handout.h.schedule") + schedule_section(self.plan, self.lang, self.mask)
                    + proposed_activities(self.proposed["activities"], self.lang))

    def gantt(self) -> ChartParts:
        """The schedule chart: one A4 chart per part of at most ``GANTT_ROWS`` activities,
        each with the whole period's month axis and the legend; its words stay text."""
        from rtplan.charts.schedule import gantt_parts

        parts = gantt_parts(self.plan)

        def maker(ids: list[str], part: tuple[int, int]):  # type: ignore[no-untyped-def]
            def build():  # type: ignore[no-untyped-def]
                from rtplan.charts.schedule import gantt_figure  # matplotlib: only when the chart is drawn

                return gantt_figure(self.plan, self.lang, width=PRINT_WIDTH_IN, only=ids, part=part)
            return build

        return ChartParts([cached_chart(self.plan, ("gantt", self.lang, tuple(ids), i, len(parts)),
                                        maker(ids, (i + 1, len(parts))), GANTT_READS)
                           for i, ids in enumerate(parts)])

    def budget(self) -> Html:
        return Html(self._h2("handout.h.budget") + budget_section(self.plan, self.lang))

    def proposals(self) -> Html:
        """What became of the RT's proposals to the Musrenbang (empty when it has none); printed
        after the earlier decisions to follow up (:meth:`decisions`, in its cell), so a plan
        without proposals prints as before."""
        section = proposals_section(self.plan, self.lang, self.mask)
        return Html(self._h2("handout.h.proposals") + section if section else section)

    def decisions(self) -> Html:
        # this meeting's decisions are printed once, in the berita acara; here: the earlier ones to follow up
        return Html(self._h2("handout.h.decisions")
                    + earlier_decisions(self.plan, self.meeting, self.lang, self.mask) + self.proposals())

    def berita_acara(self) -> Html:
        return Html(berita_acara(self.plan, self.meeting, self.lang, self.mask))

    def daftar_hadir(self) -> Html:
        return Html(daftar_hadir(self.signers, self.meeting, self.lang, self.mask))
