"""The meeting's signed pages: the berita acara (minutes, with signature blocks) and the
daftar hadir (the attendance sheet to sign), each starting on a page of its own.

Both are part of the handout (:mod:`rtplan.documents.handout`); the worksheets print the
daftar hadir too.
"""

from __future__ import annotations

import math

import pandas as pd
from markupsafe import Markup

from rtplan.documents.layout import h3, para, plain, signature_blocks
from rtplan.documents.sections import agenda, attendance_counts, decisions
from rtplan.fmt import format_date
from rtplan.meetings import time_range
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment, join, render
from rtplan.tables import is_missing


def berita_acara(plan: Plan, meeting: pd.Series | None, lang: str, mask: bool = False) -> Markup:
    """The berita acara (minutes) of the meeting, on its own page, with signature blocks."""
    area = plan.area
    title = t("handout.ba_title", lang, rt=area.get("rt", ""), rw=area.get("rw", ""))
    out = [fragment('<h2 class="rtplan-page-break">{{ title }}</h2>', title=title)]
    if meeting is None:
        return out[0] + para(t("handout.no_meeting_yet", lang))
    counts = attendance_counts(plan, str(meeting["meeting_id"]))
    day = format_date(meeting["date"], lang)
    opening = t("handout.ba_opening", lang, day=day, time=time_range(meeting) or "-",
                place=meeting.get("place", "") or "-", title=meeting["title"],
                kelurahan=area.get("kelurahan", ""), n=counts["total"], p=counts["P"], l=counts["L"])
    out.append(para(opening))
    out.append(h3(t("handout.agenda", lang)) + agenda(meeting, lang))
    out.append(h3(t("handout.ba_decisions", lang)) + decisions(plan, meeting, lang, mask))
    out.append(para(t("handout.ba_closing", lang)))
    chair = "" if is_missing(meeting.get("chair")) else str(meeting["chair"])
    minute = "" if is_missing(meeting.get("minute_taker")) else str(meeting["minute_taker"])
    out.append(signature_blocks([
        (t("handout.sig_chair", lang), chair),
        (t("handout.sig_minutes", lang), minute),
        (t("handout.sig_ketua", lang, rt=area.get("rt", "")), plan.people.get("ketua_rt", "")),
        (t("handout.sig_resident", lang, n=1), ""),
        (t("handout.sig_resident", lang, n=2), ""),
    ], place=str(area.get("kelurahan") or area.get("city") or ""), day=format_date(meeting["date"], lang, "long")))
    return join(out)


# The daftar hadir's geometry on A4, in mm, as print.css and attendance.html.j2 lay it out
# (a page's text area is 297 - 22 - 20 mm high; a row is 9 mm plus padding and border).
# Every figure errs on the large side, so a page holds at least the rows counted for it
# and the blank rows end on the last page instead of spilling onto a page of their own.
DH_PAGE_MM = 255.0
DH_TITLE_MM = 18.0  # the h2 with its margins and rule
DH_INTRO_LINE_MM = 5.0  # a line of the meeting paragraph (about 95 characters)
DH_HEAD_MM = 17.0  # the table head, up to three lines
DH_ROW_MM = 11.8  # a row of one or two lines
DH_LINE_MM = 4.4  # each further line of a row
DH_NOTE_MM = 16.0  # the table's bottom margin and the consent note under it
DH_SLACK_MM = 6.0  # room left unused on the last page
DH_NAME_CHARS = 18  # characters per line in the name column (24 % of the width)
DH_GROUP_CHARS = 13  # and in the unsur column (20 %)


def _dh_row_mm(name: str, group: str) -> float:
    lines = max(2, math.ceil(len(name) / DH_NAME_CHARS), math.ceil(len(group) / DH_GROUP_CHARS))
    return DH_ROW_MM + (lines - 2) * DH_LINE_MM


def blank_rows_to_fill(rows: list[tuple[str, str]], intro_chars: int, minimum: int) -> int:
    """How many blank rows follow ``rows`` (name, unsur) so the daftar hadir's last page is full.

    At least ``minimum``; then as many more as fit on the page the last of them is on,
    with the consent note under the table (estimated from the print CSS, see ``DH_*``).
    """
    used = DH_TITLE_MM + math.ceil(intro_chars / 95) * DH_INTRO_LINE_MM + 3.0 + DH_HEAD_MM

    def place(height: float) -> None:
        nonlocal used
        if used + height > DH_PAGE_MM:
            used = DH_HEAD_MM  # a new page: the head is repeated
        used += height

    for name, group in rows:
        place(_dh_row_mm(name, group))
    for _ in range(minimum):
        place(DH_ROW_MM)
    if used + DH_NOTE_MM > DH_PAGE_MM:  # the note would go to a page of its own: fill that one too
        used = DH_HEAD_MM
    room = DH_PAGE_MM - DH_SLACK_MM - DH_NOTE_MM - used
    return minimum + max(0, math.floor(room / DH_ROW_MM))


def daftar_hadir(plan: Plan, meeting: pd.Series | None, lang: str, mask: bool = False,
                 extra_rows: int | None = None) -> Markup:
    """The attendance sheet to sign: No, kode peserta, Nama, L/P, unsur, signature, consent; blank rows for latecomers.
    In English the sex column is M/F and the suggested unsur are named in English.

    Every registered participant is listed by name and code (phone numbers never), as the
    privacy rule says (:mod:`rtplan.privacy`): the daftar hadir is where residents sign, so
    ``mask`` (``--mask-names``) never masks a name here, and a participant who declined
    consent gets a numbered blank line, with no name, code, sex or unsur. ``extra_rows``
    blank rows follow (default: a third of the list, at least 10, and as many more as fill
    the last page: :func:`blank_rows_to_fill`).
    """
    from rtplan.privacy import People
    from rtplan.profile import group_label, sex_short

    area = plan.area
    out = [fragment('<h2 class="rtplan-page-break">{{ title }}</h2>', title=t("handout.dh_title", lang))]
    if meeting is not None:
        out.append(para(t("handout.dh_meeting", lang, title=meeting["title"], day=format_date(meeting["date"], lang),
                        place=meeting.get("place", "") or "-", rt=area.get("rt", ""), rw=area.get("rw", ""))))
    people = plan["participants"]
    declined = People.of(plan).declined_ids
    rows = []
    for i, p in enumerate(people.itertuples(index=False), start=1):
        pid = plain(p.participant_id)
        if pid in declined:
            rows.append((i, "", "", "", "", "☐"))
            continue
        consent = "☑" if (not is_missing(p.consent) and bool(p.consent)) else "☐"
        rows.append((i, pid, plain(p.name), sex_short(plain(p.sex), lang), group_label(plain(p.group), lang), consent))
    if extra_rows is None:
        intro = "" if meeting is None else str(out[-1])
        extra = blank_rows_to_fill([(r[2], r[4]) for r in rows], len(intro), max(10, math.ceil(len(people) / 3)))
    else:
        extra = extra_rows
    rows.extend((j, "", "", "", "", "☐") for j in range(len(rows) + 1, len(rows) + extra + 1))
    head = ("No", t("handout.dh_code", lang), t("handout.dh_name", lang), t("sex.short.head", lang),
            t("handout.dh_group", lang),
            t("handout.dh_sign", lang), t("handout.dh_consent", lang))
    out.append(render("attendance.html.j2", head=head, rows=rows))
    out.append(fragment('<p class="rtplan-small">{{ text }}</p>', text=t("handout.dh_consent_note", lang)))
    return join(out)
