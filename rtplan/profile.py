"""Step 0: the RT profile and who takes part (pure functions on the plan's tables)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from rtplan.fmt import format_date
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schema import AGE_BANDS, GROUPS, SEX


@dataclass(frozen=True)
class PlanCounts:
    """How much a plan holds, for ``rtplan info`` and the notebooks' headers."""

    participants: int
    women: int
    men: int
    meetings: int
    attendances: int
    needs: int
    resources: int
    activities: int
    ledger_entries: int


def counts(plan: Plan) -> PlanCounts:
    """Count the rows that matter in each table."""
    people = plan["participants"]
    return PlanCounts(
        participants=len(people),
        women=int((people["sex"] == "P").sum()),
        men=int((people["sex"] == "L").sum()),
        meetings=len(plan["meetings"]),
        attendances=len(plan["attendance"]),
        needs=len(plan["needs"]),
        resources=len(plan["resources"]),
        activities=len(plan["activities"]),
        ledger_entries=len(plan["ledger"]),
    )


def attendees(plan: Plan, meeting_id: str | None = None) -> pd.DataFrame:
    """Participants who attended (one meeting, or any meeting), without private columns."""
    att = plan["attendance"]
    if meeting_id is not None:
        att = att[att["meeting_id"] == meeting_id]
    ids = set(att["participant_id"])
    people = plan["participants"]
    return people[people["participant_id"].isin(ids)].drop(columns=["phone"]).reset_index(drop=True)


def participation_by(plan: Plan, column: str, lang: str | None = None) -> pd.DataFrame:
    """Attendance per meeting broken down by ``sex``, ``age_band`` or ``group``.

    Returns a table with one row per value of ``column`` (in a stable, meaningful
    order), one column per meeting (its id), and ``total`` (distinct participants
    who came to at least one meeting). Counts only, never names.
    """
    lang = lang or plan.lang
    att = plan["attendance"].merge(plan["participants"], on="participant_id", how="inner")
    meetings = list(plan["meetings"]["meeting_id"])
    if column == "sex":
        order: list[str] = list(SEX)
    elif column == "age_band":
        order = list(AGE_BANDS)
    else:
        present = {str(v) for v in plan["participants"][column] if str(v)}
        order = [g for g in GROUPS if g in present] + sorted(present - set(GROUPS), key=str.lower)
    table = pd.DataFrame(index=pd.Index(order, name=column))
    for mid in meetings:
        sub = att[att["meeting_id"] == mid]
        table[mid] = sub.groupby(column, observed=True)["participant_id"].nunique()
    table["total"] = att.groupby(column, observed=True)["participant_id"].nunique()
    table = table.fillna(0).astype(int)
    unknown = att[att[column].isna() | (att[column].astype(str) == "")]
    if len(unknown):
        row = {mid: unknown[unknown["meeting_id"] == mid]["participant_id"].nunique() for mid in meetings}
        row["total"] = unknown["participant_id"].nunique()
        table.loc[t("profile.unknown", lang)] = row
    return table.reset_index()


def meeting_summary(plan: Plan, lang: str | None = None) -> pd.DataFrame:
    """One row per meeting: date (for people), title, place, attendees, women, men."""
    lang = lang or plan.lang
    att = plan["attendance"].merge(plan["participants"], on="participant_id", how="left")
    rows = []
    for m in plan["meetings"].itertuples(index=False):
        sub = att[att["meeting_id"] == m.meeting_id]
        rows.append({
            "meeting_id": m.meeting_id,
            "date": format_date(m.date, lang, "long"),
            "title": m.title,
            "place": m.place,
            "attendees": int(sub["participant_id"].nunique()),
            "women": int((sub["sex"] == "P").sum()),
            "men": int((sub["sex"] == "L").sum()),
        })
    return pd.DataFrame(rows, columns=["meeting_id", "date", "title", "place", "attendees", "women", "men"])


def next_id(existing: pd.Series, prefix: str, width: int = 3) -> str:
    """The next free id with ``prefix`` (``P031`` after ``P030``), never reusing one."""
    numbers = [int(s[len(prefix):]) for s in existing.astype(str)
               if s.startswith(prefix) and s[len(prefix):].isdigit()]
    return f"{prefix}{(max(numbers, default=0) + 1):0{width}d}"
