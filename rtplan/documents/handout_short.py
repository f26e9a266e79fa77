"""The short handout: two A4 pages for every household (``rtplan handout --short``).

What a household needs after the meeting, cheap to photocopy: the priorities, what
happens next and when, the money in one table, and whom in the pengurus to ask (by
role, no phone numbers). Row counts are capped so that it stays two pages whatever
the plan's size; the full handout (:mod:`rtplan.documents.handout`) is for the pengurus.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from markupsafe import Markup

from rtplan.documents.handout import Handout
from rtplan.documents.layout import Html
from rtplan.fmt import format_date
from rtplan.meetings import time_range
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment, join, render
from rtplan.render.views import to_html
from rtplan.tables import is_missing
from rtplan.views.base import Col, ViewSpec

# for every household, older readers and B/W photocopies: text at 10.5 pt at least, on paper only
PRINT_SIZE = ("<style>@media print { html { font-size: 10.5pt; } table { font-size: 10.5pt; } "
              ".rtplan-small { font-size: 10.5pt; } }</style>")
TOP_NEEDS = 5
NEXT_ROWS = 10
ROLES = ("ketua_rt", "secretary", "treasurer", "facilitator")
# each role's label, a literal key per role
_ROLE_KEYS = {"ketua_rt": "meta.people.ketua_rt", "secretary": "meta.people.secretary",
              "treasurer": "meta.people.treasurer", "facilitator": "meta.people.facilitator"}

PRIORITIES = ViewSpec("short.priorities", (
    Col("rank", "handout.rank", fmt="rank", align="right"),
    Col("title", "handout.need"),
    Col("category", "handout.category"),
))
NEXT = ViewSpec("short.next", (
    Col("date", "short.col.when", fmt="date"),
    Col("time", "short.col.time"),
    Col("title", "handout.activity"),
    Col("repeat", "short.col.repeat"),
    Col("venue", "handout.place"),
    Col("pic", "handout.pic"),
))
CONTACTS = ViewSpec("short.contacts", (
    Col("role", "short.col.role"),
    Col("name", "short.col.name"),
))


def priorities_frame(plan: Plan, lang: str, top: int = TOP_NEEDS) -> pd.DataFrame:
    """The first ``top`` needs of the final priority order: rank, title, category."""
    from rtplan.needs import final_order

    table = final_order(plan, lang).table.head(top)
    from rtplan.needs.summary import category_label

    return pd.DataFrame({"rank": table["rank"], "title": table["title"],
                         "category": [category_label(c, lang) for c in table["category"]]})


def _time(start: object, end: object) -> str:
    a, b = ("" if is_missing(v) else str(v)[:5] for v in (start, end))
    return f"{a}–{b}" if a and b else a


def _repeat(activity: pd.Series, lang: str) -> str:
    """``setiap Sabtu`` / ``setiap Minggu pertama`` / ``sekali``, to ``end`` when it repeats."""
    from rtplan.schedule.recurrence import describe_recurrence, parse_recurrence
    from rtplan.tables import as_date

    start = as_date(activity.get("start_date"))
    rule = describe_recurrence(parse_recurrence(activity.get("recurrence"), activity.get("recurrence_day"), start),
                               lang)
    end = as_date(activity.get("end_date"))
    kind = "" if is_missing(activity.get("recurrence")) else str(activity.get("recurrence")).strip().lower()
    if end is not None and kind in ("weekly", "monthly"):
        return t("short.repeat_until", lang, rule=rule, end=format_date(end, lang, "long"))
    return rule


def next_sessions(plan: Plan, as_of: dt.date, rows: int = NEXT_ROWS,
                  lang: str = "id") -> tuple[pd.DataFrame, int]:
    """The next session of each activity after ``as_of`` (cancelled and finished ones left out),
    soonest first: the first ``rows`` of them, and how many activities more there are."""
    from rtplan.schedule import plan_sessions

    sessions = plan_sessions(plan)
    statuses = dict(zip(plan["activities"]["activity_id"], plan["activities"]["status"]))
    if sessions.empty:
        return pd.DataFrame(columns=["date", "time", "repeat", "title", "venue", "pic"]), 0
    dates = pd.to_datetime(sessions["date"]).dt.date
    upcoming = sessions[(dates > as_of).to_numpy()
                        & ~sessions["activity_id"].map(lambda a: str(statuses.get(a, "")) in ("selesai", "batal"))
                        .to_numpy(dtype=bool)]
    first = upcoming.sort_values(["date", "activity_id"]).drop_duplicates("activity_id")
    acts = plan["activities"].set_index("activity_id")
    titles = dict(zip(plan["activities"]["activity_id"], plan["activities"]["title"]))
    frame = pd.DataFrame({
        "date": list(first["date"]),
        "time": [_time(a, b) for a, b in zip(first["start_time"], first["end_time"])],
        "repeat": [_repeat(acts.loc[a], lang) if a in acts.index else "" for a in first["activity_id"]],
        "title": [titles.get(a, a) for a in first["activity_id"]],
        "venue": ["" if is_missing(v) else str(v) for v in first["venue"]],
        "pic": ["" if is_missing(v) else str(v) for v in first["pic"]],
    })
    return frame.head(rows), max(0, len(frame) - rows)


def contacts_frame(plan: Plan, lang: str) -> pd.DataFrame:
    """The pengurus by role, from ``plan.toml`` ``[people]``: names only, never a phone number."""
    people = plan.people
    rows = [(t(_ROLE_KEYS[role], lang), str(people[role])) for role in ROLES if people.get(role)]
    return pd.DataFrame(rows, columns=["role", "name"])


class ShortHandout(Handout):
    """The two-page handout of one meeting; the same parameters as :class:`~rtplan.documents.handout.Handout`."""

    def title(self) -> Html:
        """Title, the meeting (when, where) and the date the handout counts up to."""
        area = self.plan.area
        head = t("short.title", self.lang, rt=area.get("rt", ""), rw=area.get("rw", ""))
        lines = [t("doc.as_of", self.lang) + " " + format_date(self.as_of, self.lang)]
        if self.meeting is not None:
            m = self.meeting
            when = f"{format_date(m['date'], self.lang)}, {time_range(m)}".strip(", ")
            place = "" if is_missing(m.get("place")) else f" · {m['place']}"
            lines.insert(0, f"{m['title']}: {when}{place}")
        return Html(Markup(PRINT_SIZE) + fragment("<h1>{{ head }}</h1>", head=head)
                    + render("list.html.j2", items=lines, ordered=False, css_class="rtplan-small"))

    def _section(self, key: str, body: Markup) -> Html:
        return Html(join([fragment("<h2>{{ text }}</h2>", text=t(key, self.lang)), body]))

    def priorities(self) -> Html:
        """The top priorities of the final order."""
        frame = priorities_frame(self.plan, self.lang)
        return self._section("short.h.priorities", to_html(PRIORITIES.build(frame, self.lang,
                                                                            table_id="short-priorities")))

    def next_steps(self) -> Html:
        """What happens next and when: each activity's next session after the as-of date."""
        frame, more = next_sessions(self.plan, self.as_of, lang=self.lang)
        if frame.empty:
            body = fragment("<p>{{ text }}</p>", text=t("short.no_next", self.lang))
        else:
            notes = [t("short.more", self.lang, n=more)] if more else []
            body = to_html(NEXT.build(frame, self.lang, table_id="short-next", notes=notes))
        return self._section("short.h.next", body)

    def money(self) -> Html:
        """The money in one table: per funding source, planned against available."""
        from rtplan.budget import budget_summary
        from rtplan.views.schedule import budget_view

        view = budget_view(budget_summary(self.plan), self.lang, table_id="short-money",
                           only=["funding_source", "planned", "available", "shortfall"])
        return self._section("short.h.money", fragment('<div class="rtplan-keep">{{ table }}</div>',
                                                       table=to_html(view)))

    def contacts(self) -> Html:
        """Whom to ask: the pengurus by role (no phone numbers)."""
        frame = contacts_frame(self.plan, self.lang)
        note = fragment('<p class="rtplan-small">{{ text }}</p>', text=t("short.contacts_note", self.lang))
        # a short list: heading, names and note stay on one page (never two rows alone on the next)
        return Html(fragment('<div class="rtplan-keep">{{ body }}</div>', body=self._section(
            "short.h.contacts", to_html(CONTACTS.build(frame, self.lang, table_id="short-contacts")) + note)))
