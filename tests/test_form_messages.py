"""A refused save in the form's own words: labels and what people see, once per cause."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest

from rtplan import storage
from rtplan.schema import META_FIELDS, TABLES
from rtplan.ui.base import PlanSession, TableEditor
from rtplan.ui.monitoring import step4
from rtplan.ui.needs import step1
from rtplan.ui.profile import step0
from rtplan.ui.resources import step2
from rtplan.ui.schedule import step3

# every column name a person would not recognise: snake_case, *_id, *_idr, section.key
RAW = sorted({c.name for tbl in TABLES.values() for c in tbl.columns if "_" in c.name}
             | {f.path for f in META_FIELDS if "." in f.path or "_" in f.path}, key=len, reverse=True)
RAW_RE = re.compile("|".join(rf"(?<![\w.]){re.escape(name)}(?![\w])" for name in RAW))


def _assert_form_words(text: str) -> None:
    assert ".csv" not in text, text
    assert "plan.toml" not in text, text
    assert not RAW_RE.search(text), (RAW_RE.search(text), text)
    assert not re.search(r"\bbaris \d+|\brow \d+", text), text


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _add_scored_need(session: PlanSession) -> None:
    """A need "Got mampet" with 3 USG scores and 2 dot votes, saved."""
    needs = session.table("needs")
    needs = pd.concat([needs, pd.DataFrame([{"need_id": "N15", "title": "Got mampet", "category": "lingkungan"}])],
                      ignore_index=True)
    scores = session.table("usg_scores")
    scores = pd.concat([scores, pd.DataFrame([
        {"need_id": "N15", "scorer": s, "urgency": 3, "seriousness": 3, "growth": 3}
        for s in ("P001", "P002", "P003")])], ignore_index=True)
    votes = session.table("votes")
    votes = pd.concat([votes, pd.DataFrame([
        {"need_id": "N15", "participant_id": p, "dots": 2} for p in ("P004", "P005")])], ignore_index=True)
    assert session.save({"needs": needs, "usg_scores": scores, "votes": votes}) == []


def test_deleting_a_used_need_says_it_once_with_what_to_do(example_dir: Path) -> None:
    session = PlanSession(example_dir)
    _add_scored_need(session)
    tab = step1(session)
    editor = tab.panels["needs"]
    before = _bytes(example_dir)
    editor.rows.value = "N15"
    editor.delete_button.click()  # refused before asking (or asks): either way in the form's words
    _assert_form_words(editor.status.text)
    # the save itself refused: one message for the cause, whatever the panel checked first
    delete = getattr(editor, "delete_now", None)
    if delete is not None:
        delete("N15")
    else:
        editor.delete()
    assert editor.status.kind == "error"
    text = editor.status.text
    assert ("3 skor USG dan 2 suara masih memakai kebutuhan 'Got mampet', jadi belum bisa dihapus: "
            "hapus atau ubah dulu yang memakainya") in text
    assert text.count("masih memakai") == 1
    _assert_form_words(text)
    assert _bytes(example_dir) == before


def test_deleting_a_used_need_in_english(example_dir: Path) -> None:
    session = PlanSession(example_dir, lang="en")
    _add_scored_need(session)
    needs = session.table("needs")
    messages = session.save({"needs": needs[needs["need_id"] != "N15"]})
    assert messages == [("3 USG scores and 2 votes still use need 'Got mampet', so it cannot be deleted yet: "
                         "delete or change those first")]


def test_a_refused_cash_entry_names_the_entry_and_the_field(example_dir: Path) -> None:
    tab = step4(example_dir)
    editor = tab.panels["kas"].editor
    before = _bytes(example_dir)
    editor.rows.value = "K019"
    editor.fields["expense_idr"].value = "10000"  # income and expense both
    editor.save_button.click()
    assert editor.status.kind == "error"
    text = editor.status.text
    ledger = tab.session.plan["ledger"]
    row = ledger[ledger["entry_id"] == "K019"].iloc[0]
    assert f"{row['date']:%d/%m/%Y} · {row['description']}, Pengeluaran (Rp): " in text
    assert "kosongkan salah satunya" in text
    _assert_form_words(text)
    assert _bytes(example_dir) == before


def _outside(plan_dir: Path, start: dt.date, end: dt.date) -> int:
    acts = storage.load_plan(plan_dir)["activities"]
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    bad = ((acts["start_date"] < lo) | (acts["start_date"] > hi)
           | (acts["end_date"].notna() & ((acts["end_date"] < lo) | (acts["end_date"] > hi))))
    return int(bad.sum())


def test_a_wrong_plan_end_date_gives_one_message_not_a_flood(example_dir: Path) -> None:
    tab = step0(example_dir)
    form = tab.panels["profile"]
    before = _bytes(example_dir)
    start = tab.session.plan.meta["period"]["start"]
    form.fields["period.end"].value = dt.date(2025, 5, 31)  # a typo: before the start
    form.save_button.click()
    assert form.status.kind == "error"
    text = form.status.text
    n = _outside(example_dir, start, dt.date(2025, 5, 31))
    assert n > 5
    items = re.findall(r"<li>(.*?)</li>", form.status.value)
    assert len(items) == 1, items
    assert text.count("Akhir periode") == 1
    assert f"dan {n} kegiatan berada di luar periode baru" in text
    _assert_form_words(text)
    assert _bytes(example_dir) == before


def test_a_shorter_period_names_the_activities_left_out(example_dir: Path) -> None:
    session = PlanSession(example_dir)
    meta = {k: (dict(v) if isinstance(v, dict) else v) for k, v in session.plan.meta.items()}
    start = meta["period"]["start"]
    end = start + dt.timedelta(days=30)
    meta["period"]["end"] = end
    messages = session.save({}, meta=meta)
    n = _outside(example_dir, start, end)
    assert messages == [(f"{n} kegiatan berada di luar periode baru {start:%d/%m/%Y} s.d. {end:%d/%m/%Y}: "
                         "geser tanggalnya dulu, atau pilih periode yang mencakupnya")]


def test_a_duplicate_key_names_the_field_and_the_value(example_dir: Path) -> None:
    session = PlanSession(example_dir)
    scores = session.table("usg_scores")
    first = scores.iloc[0]
    scores = pd.concat([scores, scores.iloc[[0]]], ignore_index=True)
    messages = session.save({"usg_scores": scores})
    needs = session.plan["needs"].set_index("need_id")
    people = session.plan["participants"].set_index("participant_id")
    assert len(messages) == 1
    assert f"'{needs.loc[first['need_id'], 'title'][:20]}" in messages[0]
    assert people.loc[first["scorer"], "name"] in messages[0]
    assert "sudah dipakai" in messages[0]
    _assert_form_words(messages[0])


# -- every panel that can refuse: no file, no column name --------------------------------

def _widgets(root: w.Widget) -> Iterator[w.Widget]:
    seen: set[int] = set()
    stack = [root]
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        yield widget
        stack.extend(getattr(widget, "children", ()) or ())


STEPS: list[tuple[str, Callable[..., w.Tab]]] = [
    ("step0", step0), ("step1", step1), ("step2", step2), ("step3", step3), ("step4", step4)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_panel_message_speaks_of_files_or_columns(example_dir: Path, lang: str) -> None:
    refusals: dict[str, list[str]] = {}
    for step, build in STEPS:
        tab = build(example_dir, lang=lang)
        editors = [e for e in _widgets(tab) if isinstance(e, TableEditor)]
        assert editors, step
        for editor in editors:
            name = f"{step}/{editor.spec.name}"
            # an empty new row: the required fields are missing
            editor.start_new()
            key = editor.fields[editor.key]
            if not key.value and isinstance(key, (w.Text, w.Combobox)):
                key.value = "X"  # a row with nothing at all is not a row (funds: no id prefix)
            editor.save()
            if editor.status.kind == "error":
                refusals.setdefault(name, []).append(editor.status.text)
            # deleting rows until one is refused because other rows use it
            for ident in [o[1] for o in editor.rows.options][:4]:
                editor.rows.value = ident
                before = _bytes(example_dir)
                frame = editor.session.table(editor.spec.name)
                messages = editor.session.save({editor.spec.name: frame[frame[editor.key].astype(str) != ident]})
                if messages:
                    assert _bytes(example_dir) == before
                    refusals.setdefault(name, []).extend(messages)
                    break
                editor.session.reload()
    # the profile form: a wrong end date
    tab = step0(example_dir, lang=lang)
    form = tab.panels["profile"]
    form.fields["period.end"].value = dt.date(2020, 1, 1)
    form.save_button.click()
    assert form.status.kind == "error"
    refusals["step0/profile"] = [form.status.text]
    # every table editor of every step refused at least once
    assert {"step0/participants", "step0/meetings", "step1/needs", "step2/resources", "step3/activities",
            "step3/funds", "step4/ledger"} <= set(refusals), sorted(refusals)
    for texts in refusals.values():
        for text in texts:
            _assert_form_words(text)
    # one message per cause: deleting a used participant or need is one line per thing used
    assert any("masih memakai" in m or "still use" in m for m in refusals["step1/needs"])


# -- every panel, every refusal it can give ----------------------------------------------------

def _touch_every_file(folder: Path) -> None:
    """Someone else saves the whole plan meanwhile (same content, new bytes)."""
    for path in folder.iterdir():
        if path.is_file() and path.suffix in (".csv", ".toml"):
            path.write_bytes(path.read_bytes() + b"\n")


def _save_something(panel: w.Widget) -> None:
    """Click the panel's save action with something to save."""
    from rtplan.ui.monitoring import RecordSessionPanel
    from rtplan.ui.needs import (
        DotGridPanel,
        DotVotePanel,
        FinalOrderPanel,
        PairwiseRunner,
        ProblemTreePanel,
        UsgGrid,
    )
    from rtplan.ui.paper import SheetEntryPanel
    from rtplan.ui.profile import AttendancePanel, ProfileForm
    from rtplan.ui.resources import MatchingBoard

    if isinstance(panel, TableEditor):
        panel.rows.value = panel.rows.options[0][1]
        panel.save()
    elif isinstance(panel, UsgGrid):
        panel.scorer.value = "P001"
        panel.save()
    elif isinstance(panel, (DotVotePanel, AttendancePanel, ProfileForm, FinalOrderPanel)):
        panel.save()
    elif isinstance(panel, DotGridPanel):
        first = next(iter(panel.boxes.values()))
        next(iter(first.values())).value = "1"
        panel.save()
    elif isinstance(panel, ProblemTreePanel):
        panel.nodes.value = panel.nodes.options[0][1]
        panel.save()
    elif isinstance(panel, MatchingBoard):
        next(iter(panel.cards.values())).accept.click()
    elif isinstance(panel, RecordSessionPanel):
        panel.activity.value = "A01"
        panel.sessions.value = panel.sessions.options[0][1]
        panel.save()
    elif isinstance(panel, PairwiseRunner):
        panel.start()
        panel.choose("a")
    elif isinstance(panel, SheetEntryPanel):
        panel.who.value = "P001"
        for cells in panel.cells.values():
            for cell in cells:
                cell.value = "3"
        panel.save()
    else:  # pragma: no cover - a new panel kind: add it here
        raise AssertionError(f"no save action known for {type(panel).__name__}")


def _all_panels(folder: Path, lang: str) -> dict[str, w.Widget]:
    from rtplan.ui.base import SafetyNet, open_session
    from rtplan.ui.paper import SheetEntryPanel

    session = open_session(folder, lang)
    found: dict[str, w.Widget] = {}
    for step, build in STEPS:
        for widget in _widgets(build(session)):
            if isinstance(widget, SafetyNet):
                name = widget.spec.name if isinstance(widget, TableEditor) else type(widget).__name__
                found[f"{step}/{name}"] = widget
    found["paper/SheetEntryPanel"] = SheetEntryPanel(session)
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_panel_refusal_is_in_the_forms_words(example_dir: Path, lang: str) -> None:
    panels = _all_panels(example_dir, lang)
    # every panel that saves has the safety net (and so is listed here)
    assert {"step0/ProfileForm", "step0/AttendancePanel", "step0/participants", "step0/meetings",
            "step1/needs", "step1/UsgGrid", "step1/DotVotePanel", "step1/DotGridPanel", "step1/PairwiseRunner",
            "step1/FinalOrderPanel",
            "step1/ProblemTreePanel", "step2/resources", "step2/MatchingBoard", "step2/institutions",
            "step3/activities", "step3/funds", "step4/RecordSessionPanel", "step4/ledger",
            "paper/SheetEntryPanel"} <= set(panels), sorted(panels)
    refusals: dict[str, list[str]] = {}

    def keep(name: str, panel: w.Widget) -> None:
        assert panel.status.kind == "error", (name, panel.status.text)
        refusals.setdefault(name, []).append(panel.status.text)

    # bad values typed
    usg = panels["step1/UsgGrid"]
    usg.scorer.value = "P001"
    usg.boxes["N01"][0].value = "7"
    usg.save()
    keep("usg bad", usg)
    dots = panels["step1/DotVotePanel"]
    dots.boxes["N01"].value = "dua"
    dots.save()
    keep("dots bad", dots)
    record = panels["step4/RecordSessionPanel"]
    record.activity.value = "A01"
    record.start_new()
    record.date.text.value = "31/02/2027"
    record.save()
    keep("record bad date", record)
    record.date.text.value = "09/01/2027"
    record.men.value = "banyak"
    record.save()
    keep("record bad number", record)
    kas = panels["step4/ledger"]
    kas.start_new()
    kas.fields["income_idr"].value = "5O000"
    kas.save()
    keep("kas bad money", kas)
    paper = panels["paper/SheetEntryPanel"]
    paper.who.value = "P001"
    next(iter(paper.cells.values()))[0].value = "9"
    paper.save()
    keep("paper bad", paper)
    # empty forms
    tree = panels["step1/ProblemTreePanel"]
    tree.start_new()
    tree.text.value = ""
    tree.save()
    keep("tree empty", tree)
    for name in ("step0/participants", "step0/meetings", "step1/needs", "step3/activities", "step4/ledger"):
        editor = panels[name]
        editor.start_new()
        editor.save()
        keep(f"{name} empty", editor)
    # deleting a row others use: refused before asking, in the same words as a refused save
    for name, ident in (("step0/participants", "P001"), ("step0/meetings", "M01"), ("step1/needs", "N07"),
                        ("step2/resources", "R01"), ("step3/activities", "A01")):
        editor = panels[name]
        editor.rows.value = ident
        editor.delete()
        keep(f"{name} delete used", editor)
        assert not editor.confirm.asking
    tree.nodes.value = "T02"
    tree.ask_delete()
    keep("tree delete used", tree)
    # someone else changed the plan: every panel's save is refused, saying what to do
    usg.show()
    dots.show()
    _touch_every_file(example_dir)
    for name, panel in panels.items():
        panel.status.clear()
        _save_something(panel)
        keep(f"{name} concurrent", panel)
        assert ("diubah di luar formulir ini" if lang == "id" else "changed outside this form") in \
            panel.status.text, (name, panel.status.text)
        assert panel.reload_button.layout.display != "none", name
    for texts in refusals.values():
        for text in texts:
            _assert_form_words(text)
    concurrent = [t for name, texts in refusals.items() if name.endswith("concurrent") for t in texts]
    assert len(concurrent) == len(panels)
    press = "Muat ulang" if lang == "id" else "Reload"
    assert all(press in text for text in concurrent), concurrent
    used = [t for name, texts in refusals.items() if name.endswith("delete used") for t in texts]
    assert all(("masih memakai" if lang == "id" else "still use") in text for text in used), used
    # one wording for "still used" in the catalogue: the old ones are gone
    from rtplan.messages import ui

    words = " ".join(str(m["id"]) for m in ui.MESSAGES.values())
    assert "masih dipakai" not in words
