"""At a glance: the live result shown beside a step's form, in a few big lines.

On the projector, the room watches the result move as the facilitator saves: the count
of people and who they are beside the participants form, who came beside the daftar
hadir, the needs still without a resource beside the matching board, the conflicts and
the money beside the activity form, how far the plan is beside the record of a session,
and the balance beside the cash book. Each function reads the saved plan and returns a
:class:`Glance`: a title, one big line, and a few short lines (its HTML is
:func:`rtplan.render.glance.glance_html`; ``str`` gives the text for the terminal).
Counts only: no name, no phone number, no NIK.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rtplan.fmt import format_date, format_idr
from rtplan.messages import normalize_lang, t, tn
from rtplan.plan import Plan

MAX_LINES = 6
"""Lines listed under a glance's big line; more are counted (``... dan 3 lagi``)."""
SCHEDULE_LINES = 4
"""Conflicts listed beside the activity form (each is a long sentence)."""


@dataclass(frozen=True)
class Glance:
    """A live result for a form's side: ``title``, one ``big`` line, then ``lines``.

    ``tone`` is ``"ok"``, ``"warn"`` (something to look at) or ``"bad"`` (a conflict, a
    shortfall): the big line is drawn in that colour and marked, so it reads without colour too.
    """

    title: str
    big: str
    lines: tuple[str, ...] = ()
    tone: str = "ok"

    def __str__(self) -> str:
        return "\n".join([self.title, self.big, *(f"- {line}" for line in self.lines)])


def _listed(items: Sequence[str], lang: str, most: int = MAX_LINES) -> tuple[str, ...]:
    """At most ``most`` lines; the rest counted in one more line."""
    if len(items) <= most:
        return tuple(items)
    return (*items[:most - 1], tn("glance.more", len(items) - most + 1, lang))


def participants_glance(plan: Plan, lang: str | None = None) -> Glance:
    """How many people are listed, women and men, and whether they were asked for consent."""
    lang = normalize_lang(lang or plan.message_lang)
    people = plan["participants"]
    if people.empty:
        return Glance(t("glance.people.title", lang), t("glance.people.none", lang), (), "warn")
    sex = people["sex"].astype(str)
    consent = people["consent"].astype("boolean")  # yes, no, or not asked yet (empty)
    yes = int(consent.eq(True).fillna(False).sum())
    no = int(consent.eq(False).fillna(False).sum())
    lines = [t("glance.people.sex", lang, p=int((sex == "P").sum()), l=int((sex == "L").sum())),
             t("glance.people.consent", lang, yes=yes, no=no, unasked=len(people) - yes - no)]
    disability = int(people["has_disability"].astype("boolean").eq(True).fillna(False).sum())
    if disability:
        lines.append(tn("glance.people.disability", disability, lang))
    return Glance(t("glance.people.title", lang), tn("glance.people.big", len(people), lang), tuple(lines),
                  "ok" if yes + no == len(people) else "warn")


def attendance_glance(plan: Plan, lang: str | None = None) -> Glance:
    """Who came to each meeting, as saved: the latest meeting big, every meeting listed."""
    from rtplan.profile import meeting_summary

    lang = normalize_lang(lang or plan.message_lang)
    meetings = meeting_summary(plan)
    title = t("glance.attendance.title", lang)
    if meetings.empty:
        return Glance(title, t("glance.attendance.none", lang), (), "warn")
    meetings = meetings.sort_values("date", kind="stable", na_position="last")
    lines = [t("glance.attendance.line", lang, meeting=m.meeting_id, date=format_date(m.date, lang, "medium") or "?",
               n=m.attendees, p=m.women, l=m.men) for m in meetings.itertuples(index=False)]
    last = meetings.iloc[-1]
    big = tn("glance.attendance.big", int(last["attendees"]), lang, meeting=last["meeting_id"],
             total=len(plan["participants"]))
    return Glance(title, big, _listed(lines[::-1], lang))


def matching_glance(plan: Plan, lang: str | None = None) -> Glance:
    """The needs that have an accepted resource, and those still without one (priority order)."""
    from rtplan.resources import match_needs
    from rtplan.views.resources import gap_status

    lang = normalize_lang(lang or plan.message_lang)
    result = match_needs(plan, lang=lang)
    total = len(result.order)
    if not total:
        return Glance(t("glance.match.title", lang), t("glance.match.none", lang), (), "warn")
    covered = total - len(result.gaps)
    lines = [f"{g.need_id} · {g.title}: {gap_status(g, lang)}" for g in result.gaps]
    return Glance(t("glance.match.title", lang), t("glance.match.big", lang, n=covered, total=total),
                  _listed(lines, lang), "ok" if not result.gaps else "warn")


def schedule_glance(plan: Plan, lang: str | None = None) -> Glance:
    """The schedule's conflicts (errors first, each in a line) and the money: planned against funds."""
    from rtplan.budget import budget_summary
    from rtplan.schedule import find_conflicts
    from rtplan.views.schedule import conflict_count

    lang = normalize_lang(lang or plan.message_lang)
    findings = find_conflicts(plan, lang)
    # errors first; within each, the findings of the activities added last first: an activity just
    # saved shows its conflicts at the top as the room watches
    place = {str(a): i for i, a in enumerate(plan["activities"]["activity_id"])}
    newest = sorted(findings, key=lambda c: (c.severity != "error",
                                             -max((place.get(a, -1) for a in c.activity_ids), default=-1)))
    errors = [c for c in findings if c.severity == "error"]
    listed = [f"{'✖' if c.severity == 'error' else '?'} {c.message}" for c in newest]
    money = budget_summary(plan)
    lines = [*_listed(listed, lang, SCHEDULE_LINES),
             t("glance.schedule.money", lang, planned=format_idr(money.planned_idr, lang),
               available=format_idr(money.available_idr, lang))]
    if money.shortfall_idr:
        lines.append(t("glance.schedule.shortfall", lang, amount=format_idr(money.shortfall_idr, lang)))
    # red only for a clash: what is left to check, or money still to find, is a warning
    tone = "bad" if errors else ("warn" if findings or money.shortfall_idr else "ok")
    return Glance(t("glance.schedule.title", lang), conflict_count(findings, lang), tuple(lines), tone)


def progress_glance(plan: Plan, lang: str | None = None, as_of: dt.date | None = None) -> Glance:
    """How far the plan is: sessions held against planned to date, people, money spent."""
    from rtplan.monitoring import progress

    lang = normalize_lang(lang or plan.message_lang)
    report = progress(plan, as_of, lang)
    tt = report.totals
    if not tt.activities:
        return Glance(t("glance.progress.title", lang), t("glance.progress.none", lang), (), "warn")
    lines = (t("glance.progress.people", lang, n=tt.participants, p=tt.participants_p, l=tt.participants_l),
             t("glance.progress.money", lang, actual=format_idr(tt.cost_actual_idr, lang),
               planned=format_idr(tt.cost_planned_idr, lang)),
             t("glance.progress.as_of", lang, date=format_date(report.as_of, lang, "long"),
               planned=tt.planned_sessions))
    big = t("glance.progress.big", lang, held=tt.held_sessions, to_date=tt.planned_to_date)
    return Glance(t("glance.progress.title", lang), big, lines,
                  "ok" if tt.held_sessions >= tt.planned_to_date else "warn")


def kas_glance(plan: Plan, lang: str | None = None) -> Glance:
    """The cash balance now, and the last entries with the balance after each."""
    from rtplan.kas import book, closing_balance

    lang = normalize_lang(lang or plan.message_lang)
    the_book = book(plan["ledger"])
    closing = closing_balance(the_book)
    lines = []
    for row in the_book.tail(MAX_LINES).iloc[::-1].itertuples(index=False):
        amount = format_idr(int(row.net_idr), lang)
        lines.append(t("glance.kas.line", lang, date=format_date(row.date, lang, "medium"),
                       amount=f"+{amount}" if row.net_idr > 0 else amount,
                       balance=format_idr(int(row.balance_idr), lang)))
    return Glance(t("glance.kas.title", lang), t("glance.kas.big", lang, amount=format_idr(closing, lang)),
                  tuple(lines) or (t("glance.kas.none", lang),), "ok" if closing >= 0 else "bad")


__all__ = ["Glance", "attendance_glance", "kas_glance", "matching_glance", "participants_glance",
           "progress_glance", "schedule_glance"]
