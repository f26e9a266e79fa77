"""The privacy rule (rtplan.privacy, docs/privacy.md) over every output.

A copy of the main example where one resident who is in charge of an activity answered
"Tidak bersedia" to consent, and is named in a free text too ("... bersama Bu <first>").
Every output is built from it (handouts full and short, with and without
``--mask-names``, as PDF; kas and progress reports; the worksheets PDF; Musrenbang
XLSX/CSV; the ``.ics``; the phone cards' text; the room slips) and searched.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from rtplan import storage
from rtplan.cli import main
from rtplan.privacy import RULE, People, mask_name, rule_markdown


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import DATA, MAIN_EXAMPLE

    root = tmp_path_factory.mktemp("rule")
    folder = root / "data" / "privat"
    shutil.copytree(DATA / MAIN_EXAMPLE, folder, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
    (root / "exports").mkdir()
    plan = storage.load_plan(folder)
    acts = plan.copy_table("activities")
    people = plan.copy_table("participants")
    declined = str(acts.loc[acts["activity_id"] == "A02", "pic"].iloc[0])  # in charge of A02
    assert declined in set(people["name"])
    people["consent"] = pd.array([False if n == declined else c for n, c in zip(people["name"], people["consent"])],
                                 dtype="boolean")
    first = declined.split(maxsplit=1)[0]
    a03 = acts["activity_id"] == "A03"
    acts.loc[a03, "title"] = f"{acts.loc[a03, 'title'].iloc[0]} bersama Bu {first}"
    # a resident who is in charge of nothing, named in the text of a decision of the default meeting
    resident = sorted(People.of(plan).residents)[0]
    dec = plan.copy_table("decisions")
    last = dec["meeting_id"] == sorted(set(dec["meeting_id"]))[-1]
    dec.loc[last.idxmax(), "decision"] = f"{dec.loc[last.idxmax(), 'decision']} (usul {resident})"
    storage.save_tables(plan, {"participants": people, "activities": acts, "decisions": dec})
    return folder


@pytest.fixture(scope="module")
def outputs(plan_dir: Path) -> dict[str, str]:
    """Every output as text: name -> content."""
    from openpyxl import load_workbook

    from rtplan.documents.cards import build_cards
    from rtplan.room.slips import slips_html

    out = plan_dir.parent.parent / "exports"
    texts: dict[str, str] = {}
    files = {
        "handout.pdf": ["handout"],
        "handout.html": ["handout", "--format", "html"],
        "handout-masked.pdf": ["handout", "--mask-names"],
        "handout-masked.html": ["handout", "--format", "html", "--mask-names"],
        "handout-short.pdf": ["handout", "--short"],
        "progress.pdf": ["report", "--progress"],
        "kas.pdf": ["report", "--kas"],
        "jadwal.ics": ["export", "--ics"],
        "usulan.xlsx": ["export", "--musrenbang"],
        "worksheets.pdf": ["worksheets", "--scorers", "P001,P004"],
    }
    for name, argv in files.items():
        target = out / name
        assert main([argv[0], str(plan_dir), *argv[1:], "-o", str(target)]) == 0, name
        if name.endswith(".pdf"):
            texts[name] = pdf_text(target)
        elif name.endswith(".xlsx"):
            texts[name] = "\n".join(str(c.value) for row in load_workbook(target).active.iter_rows() for c in row
                                    if c.value)
            texts["usulan.csv"] = target.with_suffix(".csv").read_text(encoding="utf-8-sig")
        else:
            texts[name] = target.read_text(encoding="utf-8")
    plan = storage.load_plan(plan_dir)
    start, end = plan.period  # type: ignore[misc]
    months = pd.date_range(start.replace(day=1), end, freq="MS")
    cards = [c for m in months for c in build_cards(plan, "all", month=m.date(), kas_month=m.date())]
    texts["cards"] = "\n".join("\n".join([c.title, c.subtitle, c.footer, *(i.head for i in c.items),
                                            *(line for i in c.items for line in i.lines)]) for c in cards)
    ids = [str(p) for p in plan["participants"]["participant_id"]]
    texts["slips.html"] = slips_html(plan, {p: f"K{i:05d}" for i, p in enumerate(ids)})
    return texts


def test_the_rule_is_the_docs_table() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "privacy.md").read_text(encoding="utf-8")
    assert rule_markdown() in doc
    assert RULE["declined"]["attendance"] == "blank" and RULE["named"]["sign"] == "name"


def test_who_declined_is_printed_nowhere(plan_dir: Path, outputs: dict[str, str]) -> None:
    plan = storage.load_plan(plan_dir)
    people = People.of(plan)
    acts = plan["activities"]
    pic = str(acts.loc[acts["activity_id"] == "A02", "pic"].iloc[0])
    assert pic in people.declined and len(people.declined) >= 2  # the example's own refusals too
    first = pic.split(maxsplit=1)[0]
    assert len(outputs) == 13
    for name, text in outputs.items():
        body = flat(text)
        for declined in people.declined:
            assert declined not in body, (name, declined)
        assert f"Bu {first}" not in body, name
    # the check can fail: the same outputs name the people in charge who did consent
    pic = "Sari Wulandari"
    assert pic in people.named
    for name in ("handout.pdf", "jadwal.ics", "cards", "handout-masked.pdf"):
        assert pic in flat(outputs[name]), name
    assert "PJ: Sari Wulandari" in flat(outputs["cards"])  # cards name a PIC as the handout and the .ics do


def test_daftar_hadir_gives_who_declined_a_blank_line_and_codes(plan_dir: Path, outputs: dict[str, str]) -> None:
    plan = storage.load_plan(plan_dir)
    ids = [str(p) for p in plan["participants"]["participant_id"]]
    gone = People.of(plan).declined_ids
    html = outputs["handout.html"]
    table = html[html.index('id="handout-daftar-hadir"'):]
    rows = re.findall(r"<tr><td[^>]*>(\d+)</td><td>([^<]*)</td><td>([^<]*)</td>", table)
    by_no = {int(no): (code, name) for no, code, name in rows}
    assert len(gone) >= 2
    for pid in gone:  # a numbered line to sign, nobody's name or code on it
        assert by_no[ids.index(pid) + 1] == ("", ""), pid
    assert by_no[1] == (ids[0], str(plan["participants"]["name"].iloc[0]))
    for text in (outputs["handout.pdf"], outputs["worksheets.pdf"]):
        assert "Kode peserta" in flat(text) and " P004 " in flat(text)


def test_mask_names_masks_the_same_set_and_never_a_signer(plan_dir: Path, outputs: dict[str, str]) -> None:
    plan = storage.load_plan(plan_dir)
    people = People.of(plan)
    ketua = plan.people["ketua_rt"]
    assert ketua in people.named and len(people.residents) >= 10
    html = outputs["handout-masked.html"]
    cut = html.index('id="handout-daftar-hadir"')
    before, daftar = flat(html[:cut]), flat(html[cut:])
    shown = sorted(r for r in people.residents if r in before)
    assert not shown
    resident = sorted(people.residents)[0]
    assert mask_name(resident) in before  # the resident named in a decision's text, masked
    # a PIC is named also inside text ("Rumah Bapak Slamet Riyadi": he runs an activity)
    assert "Rumah Bapak Slamet Riyadi" in before
    # the daftar hadir is where residents sign: every one who consented is listed by name
    assert all(r in daftar for r in people.residents)
    # the Ketua RT is named in the decisions table and in the signature block alike
    decisions = before[before.index('id="handout-decisions"'):]
    assert ketua in decisions[:decisions.index("</table>")]
    pdf = flat(outputs["handout-masked.pdf"])
    assert pdf.count(ketua) >= 2 and "B****** H******" not in pdf
    # unmasked the same handout names residents outside the daftar hadir: the check above can fail
    plain = flat(outputs["handout.html"])
    assert any(r in plain[:plain.index('id="handout-daftar-hadir"')] for r in people.residents)
