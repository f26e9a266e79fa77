"""Step 0: the RT profile and who takes part (pure functions on the plan's tables)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schema import AGE_BANDS, GROUPS, SEX

BREAKDOWNS = ("sex", "age_band", "group")
"""The columns participation is broken down by (:func:`participation_by`)."""
# message keys, written out so tools can extract them
_SEX_KEYS = {"L": "sex.L", "P": "sex.P"}
_SEX_SHORT_KEYS = {"L": "sex.short.L", "P": "sex.short.P"}
BY_KEYS = {"sex": "chart.by_sex", "age_band": "chart.by_age_band", "group": "chart.by_group"}


def sex_label(value: object, lang: str) -> str:
    """``P`` -> ``Perempuan`` / ``Women``; anything else as written."""
    key = _SEX_KEYS.get(str(value))
    return t(key, lang) if key else str(value)


def sex_short(value: object, lang: str) -> str:
    """``L``/``P`` as a sheet's one-letter column says it: ``L``/``P``, in English ``M``/``F``;
    anything else as written."""
    key = _SEX_SHORT_KEYS.get(str(value))
    return t(key, lang) if key else str(value)


# each suggested unsur (group), a literal key per value; the plan keeps the Indonesian value
_GROUP_KEYS = {"warga": "group.warga", "pengurus RT": "group.pengurus", "PKK": "group.pkk",
               "Karang Taruna": "group.karang_taruna", "kader posyandu": "group.kader",
               "tokoh agama": "group.tokoh_agama", "tokoh masyarakat": "group.tokoh_masyarakat", "UMKM": "group.umkm"}


def group_label(value: object, lang: str) -> str:
    """``warga`` -> ``warga`` / ``residents``; a group the plan names itself as written."""
    key = _GROUP_KEYS.get(str(value))
    return t(key, lang) if key else str(value)


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


def meeting_summary(plan: Plan) -> pd.DataFrame:
    """One row per meeting: id, date, title, place, attendees, women, men (counts only)."""
    att = plan["attendance"].merge(plan["participants"], on="participant_id", how="left")
    rows = []
    for m in plan["meetings"].itertuples(index=False):
        sub = att[att["meeting_id"] == m.meeting_id]
        rows.append({
            "meeting_id": m.meeting_id,
            "date": m.date,
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


def set_attendance(attendance: pd.DataFrame, meeting_id: str, participant_ids: Iterable[str]) -> pd.DataFrame:
    """The attendance table with the list of ``meeting_id`` replaced by ``participant_ids``.

    Other meetings' rows stay as they are; saving through storage checks the ids.
    """
    others = attendance[attendance["meeting_id"] != meeting_id]
    ids = list(dict.fromkeys(str(p) for p in participant_ids))
    new = pd.DataFrame({"meeting_id": [meeting_id] * len(ids), "participant_id": ids})
    return pd.concat([others.astype("object"), new.astype("object")], ignore_index=True)
