"""The handout's sections built on the step modules: agenda, participation, decisions,
needs, resources, schedule and budget (pure functions returning HTML).

Each takes the plan and returns HTML from the one autoescaping renderer
(:mod:`rtplan.render`: templates and :func:`rtplan.render.table`); with ``mask=True``
participants' names are masked in free text (:mod:`rtplan.documents.masking`).
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from rtplan.documents.layout import h3, para
from rtplan.documents.masking import masker
from rtplan.fmt import format_date, format_number
from rtplan.messages import t, tn
from rtplan.plan import Plan
from rtplan.profile import BREAKDOWNS
from rtplan.render import fragment, join, render
from rtplan.render import table as render_table
from rtplan.schema import split_list


def agenda(meeting: pd.Series | None, lang: str) -> Markup:
    """The meeting's agenda as a numbered list."""
    items = split_list(meeting["agenda"]) if meeting is not None else []
    if not items:
        return para(t("handout.no_agenda", lang))
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
    parts = [para(tn("handout.attended", counts["total"], lang, p=counts["P"], l=counts["L"]))]
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
        return para(t("handout.no_decisions", lang))
    m = masker(plan, mask)
    frame = pd.DataFrame({
        "no": range(1, len(dec) + 1),
        "decision": [m(d) for d in dec["decision"]],
        "pic": [m(p) for p in dec["pic"]],
        "due": [format_date(d, lang, "long") for d in dec["due_date"]],
    })
    return render_table(frame, {"no": "No", "decision": t("handout.decision", lang), "pic": t("handout.pic", lang),
                              "due": t("handout.due", lang)}, table_id="handout-decisions", numeric=["no"])


def earlier_decisions(plan: Plan, meeting: pd.Series | None, lang: str, mask: bool = False) -> Markup:
    """The handout's follow-up section: decisions of the meetings before ``meeting`` (who, by
    when). This meeting's own decisions are in its berita acara, printed once there."""
    if meeting is None:
        return decisions(plan, None, lang, mask)
    meetings = plan["meetings"]
    dates = dict(zip(meetings["meeting_id"], pd.to_datetime(meetings["date"])))
    this = dates.get(meeting["meeting_id"])
    earlier = [m for m, d in dates.items() if m != meeting["meeting_id"] and this is not None and d < this]
    note = para(t("handout.decisions_in_ba", lang))
    dec = plan["decisions"]
    dec = dec[dec["meeting_id"].isin(earlier)]
    if dec.empty:
        return note
    m = masker(plan, mask)
    frame = pd.DataFrame({
        "no": range(1, len(dec) + 1),
        "meeting": list(dec["meeting_id"]),
        "decision": [m(d) for d in dec["decision"]],
        "pic": [m(p) for p in dec["pic"]],
        "due": [format_date(d, lang, "long") for d in dec["due_date"]],
    })
    return note + render_table(frame, {"no": "No", "meeting": t("handout.meeting", lang),
                                       "decision": t("handout.decision", lang), "pic": t("handout.pic", lang),
                                       "due": t("handout.due", lang)},
                               table_id="handout-earlier-decisions", numeric=["no"])


# -- sections built on the step modules ------------------------------------------------
NEEDS_TOP = 5  # the needs the handout's table and chart show


def needs_section(plan: Plan, lang: str, top: int = NEEDS_TOP) -> Markup:
    """The prioritised needs: the final order with USG totals and dots, method and tie-break named."""
    from rtplan.needs import dot_ranking, final_order, usg_ranking
    from rtplan.needs.summary import category_label

    final = final_order(plan, lang)
    usg = usg_ranking(plan, lang=lang).table.set_index("need_id")
    dots = dot_ranking(plan, lang).table.set_index("need_id")
    table = final.table.head(top)
    frame = pd.DataFrame({
        "rank": table["rank"].astype(int),
        "title": table["title"],
        "category": [category_label(c, lang) for c in table["category"]],
        "usg": [format_number(usg.at[n, "total"], lang, 1) if n in usg.index else "-" for n in table["need_id"]],
        "dots": [int(dots.at[n, "score"]) if n in dots.index else 0 for n in table["need_id"]],
    })
    headers = {"rank": t("handout.rank", lang), "title": t("handout.need", lang),
               "category": t("handout.category", lang), "usg": t("handout.usg_total", lang),
               "dots": t("handout.dots", lang)}
    stored = final.source == "stored"
    method = t("handout.method_stored", lang) if stored else t("handout.method_combined", lang)
    # the order's rule in the document's words: no file name (the ranking's own note names the file for the CLI)
    order = t("handout.tiebreak_final" if stored else "needs.tiebreak.combined", lang)
    notes = render("list.html.j2", items=(method, order), ordered=False, css_class="rtplan-small")
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
    out = [h3(t("handout.accepted", lang))]
    if rows:
        out.append(render_table(pd.DataFrame(rows), {"need": t("handout.need", lang),
                                                    "resource": t("handout.resource", lang),
                                                    "reason": t("handout.reason", lang)},
                              table_id="handout-matches"))
    else:
        out.append(para(t("handout.no_matches", lang)))
    gaps = find_gaps(plan, result)
    out.append(h3(t("handout.gaps", lang)))
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
        out.append(para(t("handout.no_gaps", lang)))
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


def proposed_priorities(rows: pd.DataFrame, lang: str) -> Markup:
    """A note that the priority order is not decided yet (its ``decided_in`` meeting is
    later); empty when every priority was decided by the document's date."""
    if rows.empty:
        return Markup("")
    return para(t("handout.priorities_proposed", lang))


def proposed_activities(rows: pd.DataFrame, lang: str) -> Markup:
    """The activities proposed but not decided by the document's date, as such: titles only,
    outside the schedule, chart and budget; empty when there are none."""
    if rows.empty:
        return Markup("")
    items = [f"{r['activity_id']} {r['title']}" for _, r in rows.iterrows()]
    return join([h3(t("handout.proposed_activities", lang)),
                 render("list.html.j2", items=items, ordered=False, css_class=None)])


def proposals_section(plan: Plan, lang: str, mask: bool = False) -> Markup:
    """What became of the RT's Musrenbang proposals: "2 dari 5 diterima", the refused and
    waiting counts, and each proposal's state and answer (the reasons of those refused);
    empty when the plan has no proposals."""
    from rtplan.proposals import ACCEPTED_STATES, STATE_KEYS

    rows = plan["proposals"]
    if rows.empty:
        return Markup("")
    states = ["" if pd.isna(s) else str(s) for s in rows["state"]]
    accepted = sum(s in ACCEPTED_STATES for s in states)
    refused = sum(s == "ditolak" for s in states)
    waiting = len(states) - accepted - refused
    line = t("handout.proposals_fate", lang, accepted=accepted, total=len(states))
    extra = [t("handout.proposals_refused", lang, n=refused)] if refused else []
    extra += [t("handout.proposals_waiting", lang, n=waiting)] if waiting else []
    if extra:
        line += " (" + ", ".join(extra) + ")"
    m = masker(plan, mask)
    frame = pd.DataFrame({
        "no": range(1, len(rows) + 1),
        "title": [str(x) for x in rows["title"]],
        "state": [t(STATE_KEYS[s], lang) if s in STATE_KEYS else s for s in states],
        "answer": ["" if pd.isna(a) else m(str(a)) for a in rows["answer"]],
    })
    table = render_table(frame, {"no": "No", "title": t("handout.proposal", lang),
                                 "state": t("handout.proposal_state", lang),
                                 "answer": t("handout.proposal_answer", lang)},
                         table_id="handout-proposals", numeric=["no"])
    return join([para(line), table])
