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
    assert ("3 skor USG dan 2 suara masih memakai kebutuhan 'Got mampet': hapus dulu yang memakainya, "
            "atau batalkan penghapusan") in text
    assert text.count("masih memakai") == 1
    _assert_form_words(text)
    assert _bytes(example_dir) == before


def test_deleting_a_used_need_in_english(example_dir: Path) -> None:
    session = PlanSession(example_dir, lang="en")
    _add_scored_need(session)
    needs = session.table("needs")
    messages = session.save({"needs": needs[needs["need_id"] != "N15"]})
    assert messages == [("3 USG scores and 2 votes still use need 'Got mampet': delete those first, "
                         "or cancel the deletion")]


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
