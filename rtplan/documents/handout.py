"""The meeting handout's sections, as HTML the handout notebook displays (pure functions).

Each function takes the plan and returns HTML from the one autoescaping renderer
(:mod:`rtplan.render`: templates and :func:`rtplan.render.table`), so plan text
is escaped by construction and the notebook stays a list of one-line calls.
Names of residents can be masked (``mask=True``) for a handout that is shared
beyond the meeting: :func:`masked_plan` masks registered participants' names in every
free text of the plan (a meeting place "Rumah Bapak Slamet Riyadi", a PIC, a reason),
so every section and chart is built from masked text; office holders in role lines and
signature blocks (Ketua RT, facilitator, chair, minute taker) are shown by role and
name, as on any signed document.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import json
import math
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from rtplan.fmt import format_date, format_number
from rtplan.meetings import choose_meeting, time_range
from rtplan.messages import t, tn
from rtplan.plan import Plan
from rtplan.profile import BREAKDOWNS
from rtplan.render import fragment, join, render
from rtplan.render import table as render_table
from rtplan.schema import TABLES, split_list
from rtplan.tables import is_missing


def _text(value: object) -> str:
    """A plan value as text ("" for missing)."""
    return "" if is_missing(value) else str(value)


def mask_name(name: object) -> str:
    """``Sari Wulandari`` -> ``S*** W********``: the first letter of each word kept."""
    if is_missing(name):
        return ""
    return " ".join(w[0] + "*" * (len(w) - 1) if len(w) > 1 else w for w in str(name).split())


HONORIFICS = ("Bapak", "Ibu", "Pak", "Bu", "Mas", "Mbak", "Kak", "Bang", "Dik", "Mbah", "Eyang", "Haji", "Hj.", "H.")


def masker(plan: Plan, mask: bool):  # type: ignore[no-untyped-def]
    """A function that masks participants' names inside a text when ``mask`` is on.

    Full names are masked (``Sari Wulandari`` -> ``S*** W********``), and so is a first
    name after a form of address (``Bu Sari`` -> ``Bu S***``), the way residents are
    usually named in notes.
    """
    names = sorted({str(n).strip() for n in plan["participants"]["name"] if not is_missing(n)},
                   key=len, reverse=True)
    firsts = sorted({n.split()[0] for n in names if n.split()}, key=len, reverse=True)
    honorific = "|".join(re.escape(h) for h in HONORIFICS)
    first_re = (re.compile(rf"\b({honorific})\s+({'|'.join(re.escape(f) for f in firsts)})\b")
                if firsts else None)

    def apply(text: object) -> str:
        if is_missing(text):
            return ""
        out = str(text)
        if mask:
            for name in names:
                out = out.replace(name, mask_name(name))
            if first_re is not None:
                out = first_re.sub(lambda m: f"{m.group(1)} {mask_name(m.group(2))}", out)
        return out

    return apply


# columns kept as they are in a masked plan: the office holders of signature blocks
MASK_KEEP = {("meetings", "chair"), ("meetings", "minute_taker")}


def masked_plan(plan: Plan) -> Plan:
    """A copy of ``plan`` whose free text has participants' names masked.

    Every text column of every table (``str`` and ``list`` kinds, not ids) goes
    through :func:`masker`: whole names and honorific + first name, wherever they
    appear ("Rumah Bapak Slamet Riyadi" -> "Rumah Bapak S***** R*****"). The meeting's
    chair and minute taker and ``plan.toml`` ``[people]`` stay, for the signature
    blocks. Ids are untouched, so every join and count is the same.
    """
    m = masker(plan, True)
    tables = {}
    for name, original in plan.tables.items():
        spec = TABLES.get(name)
        frame = original.copy()
        for col in (spec.columns if spec else ()):
            if (col.kind in ("str", "list") and col.name in frame.columns and (name, col.name) not in MASK_KEEP
                    and not col.name.endswith(("_id", "_ids"))):
                frame[col.name] = pd.array([pd.NA if is_missing(v) else m(v) for v in frame[col.name]],
                                           dtype=frame[col.name].dtype)
        tables[name] = frame
    return dataclasses.replace(plan, tables=tables, error_cache=None)


def _fields(rows: Iterable[tuple[str, object]]) -> Markup:
    return render("fields.html.j2", rows=[(k, v) for k, v in rows if not is_missing(v) and v != ""])


def identity(plan: Plan, meeting: pd.Series | None, lang: str, with_title: bool = True,
             as_of: dt.date | None = None) -> Markup:
    """Title and identity: the RT and the meeting (day, date, time, place, chair), and the
    date the document counts up to (``as_of``, see :func:`rtplan.asof.plan_as_of`)."""
    area = plan.area
    rows: list[tuple[str, object]] = [
        (t("handout.area", lang), f"RT {area.get('rt', '')} / RW {area.get('rw', '')}"),
        ("Kelurahan", area.get("kelurahan", "")), ("Kecamatan", area.get("kecamatan", "")),
        (t("handout.city", lang), area.get("city", "")), (t("handout.province", lang), area.get("province", "")),
    ]
    if plan.period:
        rows.append((t("handout.period", lang), (f"{format_date(plan.period[0], lang, 'long')} – "
                                                  f"{format_date(plan.period[1], lang, 'long')}")))
    if meeting is not None:
        rows += [
            (t("handout.meeting", lang), meeting["title"]),
            (t("handout.when", lang),
             f"{format_date(meeting['date'], lang)}, {time_range(meeting)}".strip(", ")),
            (t("handout.place", lang), meeting.get("place", "")),
            (t("handout.chair", lang), meeting.get("chair", "")),
        ]
    if as_of is not None:
        rows.append((t("doc.as_of", lang), format_date(as_of, lang)))
    people = plan.people
    rows.append((t("meta.people.ketua_rt", lang), people.get("ketua_rt", "")))
    if people.get("facilitator"):
        rows.append((t("meta.people.facilitator", lang), people["facilitator"]))
    head = fragment("<h1>{{ title }}</h1>", title=plan.title) if with_title else Markup()
    return head + _fields(rows)


def _p(text: object) -> Markup:
    return fragment("<p>{{ text }}</p>", text=_text(text))


def _h3(text: object) -> Markup:
    return fragment("<h3>{{ text }}</h3>", text=_text(text))


def agenda(meeting: pd.Series | None, lang: str) -> Markup:
    """The meeting's agenda as a numbered list."""
    items = split_list(meeting["agenda"]) if meeting is not None else []
    if not items:
        return _p(t("handout.no_agenda", lang))
    return render("list.html.j2", items=items, ordered=True, css_class=None)


def attendance_counts(plan: Plan, meeting_id: str | None) -> dict[str, int]:
    """How many attended ``meeting_id``: ``total``, ``P`` (women), ``L`` (men)."""
    att = plan["attendance"]
    if meeting_id is not None:
        att = att[att["meeting_id"] == meeting_id]
    people = plan["participants"].set_index("participant_id")
    ids = list(dict.fromkeys(att["participant_id"]))
    sexes = [people.at[i, "sex"] if i in people.index else "" for i in ids]
    return {"total": len(ids), "P": sexes.count("P"), "L": sexes.count("L")}


def participation(plan: Plan, meeting: pd.Series | None, lang: str) -> Markup:
    """Who came (counts only): by sex, age band and unsur, for the meeting and overall."""
    from rtplan.render.views import to_html
    from rtplan.views.profile import participation_view

    mid = None if meeting is None else str(meeting["meeting_id"])
    counts = attendance_counts(plan, mid)
    parts = [_p(tn("handout.attended", counts["total"], lang, p=counts["P"], l=counts["L"]))]
    for column in BREAKDOWNS:
        view = participation_view(plan, column, lang, per_meeting=False, meeting=mid,
                                  table_id=f"handout-part-{column}")
        parts.append(fragment('<div class="rtplan-keep">{{ table }}</div>', table=to_html(view)))
    return join(parts)


def decisions(plan: Plan, meeting: pd.Series | None, lang: str, mask: bool = False) -> Markup:
    """Decisions and follow-up (who, by when) of the meeting (all meetings if none chosen)."""
    dec = plan["decisions"]
    if meeting is not None:
        dec = dec[dec["meeting_id"] == meeting["meeting_id"]]
    if dec.empty:
        return _p(t("handout.no_decisions", lang))
    m = masker(plan, mask)
    frame = pd.DataFrame({
        "no": range(1, len(dec) + 1),
        "decision": [m(d) for d in dec["decision"]],
        "pic": [m(p) for p in dec["pic"]],
        "due": [format_date(d, lang, "long") for d in dec["due_date"]],
    })
    return render_table(frame, {"no": "No", "decision": t("handout.decision", lang), "pic": t("handout.pic", lang),
                              "due": t("handout.due", lang)}, table_id="handout-decisions", numeric=["no"])


def signature_blocks(blocks: Iterable[tuple[str, str]]) -> Markup:
    """Signature blocks: a role line, room to sign, the name (or a dotted line)."""
    return render("signatures.html.j2", blocks=[(role, _text(name)) for role, name in blocks])


def berita_acara(plan: Plan, meeting: pd.Series | None, lang: str, mask: bool = False) -> Markup:
    """The berita acara (minutes) of the meeting, on its own page, with signature blocks."""
    area = plan.area
    title = t("handout.ba_title", lang, rt=area.get("rt", ""), rw=area.get("rw", ""))
    out = [fragment('<h2 class="rtplan-page-break">{{ title }}</h2>', title=title)]
    if meeting is None:
        return out[0] + _p(t("handout.no_meeting_yet", lang))
    counts = attendance_counts(plan, str(meeting["meeting_id"]))
    day = format_date(meeting["date"], lang)
    opening = t("handout.ba_opening", lang, day=day, time=time_range(meeting) or "-",
                place=meeting.get("place", "") or "-", title=meeting["title"],
                kelurahan=area.get("kelurahan", ""), n=counts["total"], p=counts["P"], l=counts["L"])
    out.append(_p(opening))
    out.append(_h3(t("handout.agenda", lang)) + agenda(meeting, lang))
    out.append(_h3(t("handout.ba_decisions", lang)) + decisions(plan, meeting, lang, mask))
    out.append(_p(t("handout.ba_closing", lang)))
    place_date = f"{area.get('kelurahan') or area.get('city') or ''}, {format_date(meeting['date'], lang, 'long')}"
    out.append(fragment('<p style="text-align:right">{{ text }}</p>', text=place_date.strip(", ")))
    chair = "" if is_missing(meeting.get("chair")) else str(meeting["chair"])
    minute = "" if is_missing(meeting.get("minute_taker")) else str(meeting["minute_taker"])
    out.append(signature_blocks([
        (t("handout.sig_chair", lang), chair),
        (t("handout.sig_minutes", lang), minute),
        (t("handout.sig_ketua", lang, rt=area.get("rt", "")), plan.people.get("ketua_rt", "")),
        (t("handout.sig_resident", lang, n=1), ""),
        (t("handout.sig_resident", lang, n=2), ""),
    ]))
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
DH_NAME_CHARS = 22  # characters per line in the name column (29 % of the width)
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
    """The attendance sheet to sign: No, Nama, L/P, unsur, signature, consent; blank rows for latecomers.

    Every registered participant is listed (phone numbers never); ``extra_rows``
    blank rows follow (default: a third of the list, at least 10, and as many more as fill
    the last page: :func:`blank_rows_to_fill`).
    """
    area = plan.area
    out = [fragment('<h2 class="rtplan-page-break">{{ title }}</h2>', title=t("handout.dh_title", lang))]
    if meeting is not None:
        out.append(_p(t("handout.dh_meeting", lang, title=meeting["title"], day=format_date(meeting["date"], lang),
                        place=meeting.get("place", "") or "-", rt=area.get("rt", ""), rw=area.get("rw", ""))))
    people = plan["participants"]
    rows = []
    for i, p in enumerate(people.itertuples(index=False), start=1):
        name = mask_name(p.name) if mask else _text(p.name)
        consent = "☑" if (not is_missing(p.consent) and bool(p.consent)) else "☐"
        rows.append((i, name, _text(p.sex), _text(p.group), consent))
    if extra_rows is None:
        intro = "" if meeting is None else str(out[-1])
        extra = blank_rows_to_fill([(r[1], r[3]) for r in rows], len(intro), max(10, math.ceil(len(people) / 3)))
    else:
        extra = extra_rows
    rows.extend((j, "", "", "", "☐") for j in range(len(rows) + 1, len(rows) + extra + 1))
    head = ("No", t("handout.dh_name", lang), "L/P", t("handout.dh_group", lang), t("handout.dh_sign", lang),
            t("handout.dh_consent", lang))
    out.append(render("attendance.html.j2", head=head, rows=rows))
    out.append(fragment('<p class="rtplan-small">{{ text }}</p>', text=t("handout.dh_consent_note", lang)))
    return join(out)


# -- sections built on the step modules ------------------------------------------------
NEEDS_TOP = 5  # the needs the handout's table and chart show


def needs_section(plan: Plan, lang: str, top: int = NEEDS_TOP) -> Markup:
    """The prioritised needs: the final order with USG totals and dots, method and tie-break named."""
    from rtplan.needs import dot_ranking, final_order, usg_ranking

    final = final_order(plan, lang)
    usg = usg_ranking(plan, lang=lang).table.set_index("need_id")
    dots = dot_ranking(plan, lang).table.set_index("need_id")
    table = final.table.head(top)
    frame = pd.DataFrame({
        "rank": table["rank"].astype(int),
        "title": table["title"],
        "category": table["category"],
        "usg": [format_number(usg.at[n, "total"], lang, 1) if n in usg.index else "-" for n in table["need_id"]],
        "dots": [int(dots.at[n, "score"]) if n in dots.index else 0 for n in table["need_id"]],
    })
    headers = {"rank": t("handout.rank", lang), "title": t("handout.need", lang),
               "category": t("handout.category", lang), "usg": t("handout.usg_total", lang),
               "dots": t("handout.dots", lang)}
    method = t("handout.method_stored", lang) if final.source == "stored" else t("handout.method_combined", lang)
    notes = render("list.html.j2", items=(method, final.tie_break), ordered=False, css_class="rtplan-small")
    return render_table(frame, headers, table_id="handout-needs", numeric=["rank", "usg", "dots"]) + notes


def resources_section(plan: Plan, lang: str, mask: bool = False) -> Markup:
    """Accepted resources per prioritised need, then the gap list: whom to ask."""
    from rtplan.resources import find_gaps, match_needs

    result = match_needs(plan, lang=lang)
    needs = plan["needs"].set_index("need_id")
    res = plan["resources"].set_index("resource_id")
    m = masker(plan, mask)
    accepted = [x for x in result.matches if x.confirmed]
    rows = [{"need": needs.at[x.need_id, "title"] if x.need_id in needs.index else x.need_id,
             "resource": m(res.at[x.resource_id, "name"]) if x.resource_id in res.index else x.resource_id,
             "reason": m(x.reason)} for x in accepted]
    out = [_h3(t("handout.accepted", lang))]
    if rows:
        out.append(render_table(pd.DataFrame(rows), {"need": t("handout.need", lang),
                                                    "resource": t("handout.resource", lang),
                                                    "reason": t("handout.reason", lang)},
                              table_id="handout-matches"))
    else:
        out.append(_p(t("handout.no_matches", lang)))
    gaps = find_gaps(plan, result)
    out.append(_h3(t("handout.gaps", lang)))
    if gaps:
        frame = pd.DataFrame({
            "priority": [g.priority for g in gaps],
            "need": [g.title for g in gaps],
            "partners": ["; ".join(g.partner_labels(lang)) for g in gaps],
            "known": ["; ".join(g.institutions) for g in gaps],
        })
        out.append(render_table(frame, {"priority": t("handout.rank", lang), "need": t("handout.need", lang),
                                      "partners": t("handout.partners", lang),
                                      "known": t("handout.known_institutions", lang)},
                              table_id="handout-gaps", numeric=["priority"]))
    else:
        out.append(_p(t("handout.no_gaps", lang)))
    return join(out)


def schedule_section(plan: Plan, lang: str, mask: bool = False) -> Markup:
    """Every activity: dates and repetition, time, venue, PIC, sessions in the period."""
    from rtplan.render.views import to_html
    from rtplan.views.schedule import activities_view

    return to_html(activities_view(plan, lang, names=masker(plan, mask), table_id="handout-activities"))


def budget_section(plan: Plan, lang: str) -> Markup:
    """The budget per funding source against the funds, with shortfalls and the share of swadaya."""
    from rtplan.budget import budget_summary
    from rtplan.render.views import to_html
    from rtplan.views.schedule import BUDGET, budget_lines, budget_view

    summary = budget_summary(plan)
    view = budget_view(summary, lang, table_id="handout-budget",
                       only=[c.key for c in BUDGET.columns if c.key != "activities"])
    lines = render("list.html.j2", items=budget_lines(summary, lang), ordered=False, css_class=None)
    return to_html(view) + lines


PRINT_WIDTH_IN = 7.2  # the A4 text width (174 mm) plus a little: charts print near 100 %


def fit_for_print(fig, width: float = PRINT_WIDTH_IN):  # type: ignore[no-untyped-def]
    """Narrow a chart to the page width, keeping its height, so its fonts print at their size."""
    w, h = fig.get_size_inches()
    if w > width:
        fig.set_size_inches(width, h)
    return fig


# tables a handout chart never reads: a typo fixed in a decision, the agenda or the kas
# finds the charts of the last build in :data:`_CHARTS`
NOT_CHARTED = frozenset({"decisions", "attendance", "meetings", "ledger", "funds", "realizations"})
_CHARTS: OrderedDict[tuple[object, ...], CachedChart] = OrderedDict()
_CHARTS_KEPT = 8


def _frame_digest(frame: pd.DataFrame) -> str:
    import hashlib

    digest = hashlib.sha256(repr(list(frame.columns)).encode())
    try:
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    except TypeError:  # unhashable cells (lists): their text
        digest.update(frame.to_csv(index=False).encode())
    return digest.hexdigest()


def plan_state(plan: Plan, skip: frozenset[str] = NOT_CHARTED) -> str:
    """A digest of the plan's tables (but ``skip``) and ``plan.toml``: equal states, equal charts."""
    import hashlib

    digest = hashlib.sha256(repr(sorted(plan.meta.items(), key=str)).encode())
    for name in sorted(plan.tables):
        if name not in skip:
            digest.update(f"{name}:{_frame_digest(plan.tables[name])}".encode())
    return digest.hexdigest()


CACHE_ENV = "RTPLAN_CACHE_DIR"
"""The folder of rtplan's chart cache (default ``$XDG_CACHE_HOME/rtplan`` or ``~/.cache/rtplan``)."""
_DISK_KEPT = 32


def cache_dir() -> Path:
    """Where rendered charts are kept between runs (``RTPLAN_CACHE_DIR`` overrides)."""
    root = os.environ.get(CACHE_ENV) or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache",
                                                       "rtplan")
    return Path(root) / "charts"


def _encode(value: object) -> object:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes):
        return {"png": base64.b64encode(value[0]).decode("ascii"), "meta": value[1]}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict) and "png" in value:
        return base64.b64decode(value["png"]), value["meta"]
    return value


class CachedChart:
    """A chart rendered once per plan state: shows itself like the Figure it would be.

    Rendering a chart to a 200 dpi PNG is most of a build's work before printing; a
    build after an edit the chart does not show (a decision, the agenda, the kas)
    reuses the bytes, in the same session and, through a small file cache
    (:func:`cache_dir`), in the next ``rtplan handout``. The figure itself is only
    made when an output is missing.
    """

    def __init__(self, build: Callable[[], Any], file: Path | None = None) -> None:
        self._build = build
        self._figure: Any = None
        self._file = file
        self._made: dict[str, object] = {}
        if file is not None:
            try:
                self._made = {k: _decode(v) for k, v in json.loads(file.read_text(encoding="utf-8")).items()}
            except (OSError, ValueError, TypeError, KeyError):  # no cache yet, or an unreadable one
                self._made = {}

    @property
    def figure(self) -> Any:
        """The chart's Figure (made on first use)."""
        if self._figure is None:
            self._figure = self._build()
        return self._figure

    def _repr(self, kind: str) -> object:
        from rtplan import charts

        if not (charts.PNG_DPI if kind == "png" else charts.SHOW_SVG):
            return None  # this kind is switched off: no figure made (nor matplotlib imported) to say so
        mode = f"{kind}:{charts.PNG_DPI if kind == 'png' else charts.SHOW_SVG}"
        if mode not in self._made:
            self._made[mode] = getattr(self.figure, f"_repr_{kind}_")()
            self._save()
        return self._made[mode]

    def _save(self) -> None:
        if self._file is None:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({k: _encode(v) for k, v in self._made.items()}), encoding="utf-8")
            os.replace(tmp, self._file)
            for old in sorted(self._file.parent.glob("*.json"), key=lambda f: f.stat().st_mtime)[:-_DISK_KEPT]:
                old.unlink(missing_ok=True)
        except OSError:  # a read-only home: the cache is only a speed-up
            pass

    def __repr__(self) -> str:
        return "<rtplan chart>"

    def _repr_png_(self) -> object:
        return self._repr("png")

    def _repr_svg_(self) -> object:
        return self._repr("svg")


@functools.cache
def code_state() -> str:
    """A digest of rtplan's own code (each module's size and time): a chart cached by
    another version of the code is never reused."""
    import hashlib

    package = Path(__file__).resolve().parents[1]  # rtplan/, this module being in rtplan/documents/
    stats = sorted((str(f.relative_to(package)), f.stat().st_size, f.stat().st_mtime_ns) for f in package.rglob("*.py"))
    return hashlib.sha256(repr(stats).encode()).hexdigest()


def cached_chart(plan: Plan, key: tuple[object, ...], build: Callable[[], object]) -> CachedChart:
    """``build()``'s chart, or the one made before for the same plan state, code and ``key``."""
    import hashlib

    state = plan_state(plan)
    full = (*key, state, code_state())
    if full in _CHARTS:
        _CHARTS.move_to_end(full)
        return _CHARTS[full]
    name = hashlib.sha256(repr(full).encode()).hexdigest()[:32]
    chart = _CHARTS[full] = CachedChart(build, cache_dir() / f"{name}.json")
    while len(_CHARTS) > _CHARTS_KEPT:
        _CHARTS.popitem(last=False)
    return chart


# plans a caller has loaded already (``rtplan handout``, a notebook panel), by folder: see :func:`preloaded`
_PRELOADED: dict[str, Plan] = {}


def _files_unchanged(plan: Plan) -> bool:
    """Whether every file ``plan`` was read from still has the bytes it had (its fingerprints)."""
    import hashlib

    if not plan.fingerprints:
        return False
    for name, digest in plan.fingerprints.items():
        try:
            data: bytes | None = (Path(plan.path) / name).read_bytes()
        except FileNotFoundError:
            data = None
        except OSError:
            return False
        if (None if data is None else hashlib.sha256(data).hexdigest()) != digest:
            return False
    return True


class preloaded:  # a context manager, named like contextlib's
    """While open, a document notebook's :class:`Handout` for ``plan``'s folder takes ``plan``
    (rows with problems left out again, as on loading) instead of reading and parsing the
    folder a second time, as long as its files are byte for byte the ones ``plan`` was read
    from. :func:`rtplan.documents.build.build_document` opens one around the notebook."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.key = str(Path(plan.path).resolve())

    def __enter__(self) -> preloaded:
        _PRELOADED[self.key] = self.plan
        return self

    def __exit__(self, *exc: object) -> None:
        _PRELOADED.pop(self.key, None)


def document_plan(plan_dir: str, lang: str | None) -> Plan:
    """The usable plan of ``plan_dir`` (:func:`rtplan.usable.usable_plan`), read once per build."""
    from rtplan.storage import load_plan
    from rtplan.usable import usable_plan

    given = _PRELOADED.get(str(Path(plan_dir).resolve()))
    if given is not None and (lang is None or given.message_lang == lang) and _files_unchanged(given):
        return usable_plan(given).plan
    return usable_plan(load_plan(plan_dir, lang)).plan  # rows that break a rule are left out


# what the resources section reads: every table but these (checked by grep of rtplan/resources and
# rtplan/needs, which read neither); a decision or an attendance fixed finds the section made before
NOT_MATCHED = frozenset({"decisions", "attendance"})
_SECTIONS: OrderedDict[tuple[object, ...], Markup] = OrderedDict()


def cached_section(plan: Plan, key: tuple[object, ...], build: Callable[[], Markup],
                   skip: frozenset[str]) -> Markup:
    """``build()``, or the HTML it gave for the same plan state (but the tables ``skip``), code and
    ``key`` in this process (the last :data:`_CHARTS_KEPT`)."""
    full = (*key, plan_state(plan, skip), code_state())
    if full not in _SECTIONS:
        _SECTIONS[full] = build()
        while len(_SECTIONS) > _CHARTS_KEPT:
            _SECTIONS.popitem(last=False)
    _SECTIONS.move_to_end(full)
    return _SECTIONS[full]


class Html(Markup):
    """HTML from the renderer that Jupyter front ends (and nbconvert) display as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


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
        from rtplan.asof import plan_as_of
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
        self.plan = masked_plan(plan) if self.mask else plan
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
        return Html(self._h2("handout.h.needs") + needs_section(self.plan, self.lang))

    def needs_chart(self):  # type: ignore[no-untyped-def]
        def build():  # type: ignore[no-untyped-def]
            from rtplan.charts.needs import usg_stacked_figure  # matplotlib: only when the chart is drawn
            from rtplan.needs import usg_ranking

            return fit_for_print(usg_stacked_figure(usg_ranking(self.plan, lang=self.lang), self.lang,
                                                    top=NEEDS_TOP), 8.0)

        # 8 in keeps its one-row legend whole; printed at about 85 %. The needs the table shows
        # (NEEDS_TOP): about 10 cm high, the chart fits on the needs table's page
        return cached_chart(self.plan, ("needs", self.lang, NEEDS_TOP), build)

    def resources(self) -> Html:
        # matching every need with every resource is the slowest section: made once per state of what it reads
        section = cached_section(self.plan, ("resources", self.lang, self.mask),
                                 lambda: resources_section(self.plan, self.lang, self.mask), NOT_MATCHED)
        return Html(self._h2("handout.h.resources") + section)

    def schedule(self) -> Html:
        return Html(self._h2("handout.h.schedule") + schedule_section(self.plan, self.lang, self.mask))

    def gantt(self):  # type: ignore[no-untyped-def]
        def build():  # type: ignore[no-untyped-def]
            from rtplan.charts.schedule import gantt_figure  # matplotlib: only when the chart is drawn

            return gantt_figure(self.plan, self.lang, width=PRINT_WIDTH_IN)

        return cached_chart(self.plan, ("gantt", self.lang), build)

    def budget(self) -> Html:
        return Html(self._h2("handout.h.budget") + budget_section(self.plan, self.lang))

    def decisions(self) -> Html:
        return Html(self._h2("handout.h.decisions") + decisions(self.plan, self.meeting, self.lang, self.mask))

    def berita_acara(self) -> Html:
        return Html(berita_acara(self.plan, self.meeting, self.lang, self.mask))

    def daftar_hadir(self) -> Html:
        return Html(daftar_hadir(self.plan, self.meeting, self.lang, self.mask))
