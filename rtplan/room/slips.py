"""The printable sheet of voting codes: cut-out slips (A4, two columns), one per participant present.

A slip carries the code and the name of the person it is handed to, nothing else
(no phone number, no participant id). The sheet is for the facilitator's hands only;
the plan folder never holds a code.
"""

from __future__ import annotations

import os
from pathlib import Path

from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.room.codes import shown


def slips_html(plan: Plan, by_person: dict[str, str], lang: str | None = None, meeting_line: str = "") -> str:
    """The slips of ``by_person`` (``{participant_id: code}``) as printable HTML, in the participants' order."""
    from rtplan.export.exporters import area_header, print_css
    from rtplan.render import Markup, render

    lang = normalize_lang(lang or plan.lang)
    people = plan["participants"]
    from rtplan.privacy import People

    declined = People.of(plan).declined_ids  # rtplan.privacy: their slip carries their participant code
    names = {p: (p if p in declined else n)
             for p, n in zip(people["participant_id"].astype(str), people["name"].astype(str))}
    order = [p for p in names if p in by_person] + sorted(p for p in by_person if p not in names)
    slips = [{"code": shown(by_person[p]), "name": names.get(p, "")} for p in order]
    return str(render(
        "room_slips.html.j2", lang=lang, title=t("room.slips.title", lang), kind=t("room.slips.title", lang),
        howto=t("room.slips.howto", lang), none=t("room.slips.none", lang), slips=slips,
        meeting_line=meeting_line, css=Markup(print_css(area_header(plan, lang), lang)),
    ))


def write_slips(plan: Plan, by_person: dict[str, str], output: str | os.PathLike[str], lang: str | None = None,
                engine: str = "auto", fmt: str = "pdf", meeting_line: str = "") -> Path:
    """Write the slips as one A4 PDF (or the HTML) atomically; returns the path (never inside a plan folder)."""
    from rtplan.export.engines import html_to_pdf
    from rtplan.export.exporters import area_header
    from rtplan.export.paths import check_document_output
    from rtplan.storage import atomic_write

    lang = normalize_lang(lang or plan.lang)
    out = check_document_output(plan.path, output, lang)
    html = slips_html(plan, by_person, lang, meeting_line)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = html.encode("utf-8") if fmt == "html" else html_to_pdf(html, engine=engine,
                                                                   header=area_header(plan, lang), lang=lang)
    atomic_write(out, data)
    return out
