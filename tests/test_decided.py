"""What was decided where: ``decided_in`` on priorities and activities, and handouts that show
only what was decided by their meeting (the rest as proposed)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.documents.handout import Handout
from rtplan.tables import as_date
from rtplan.validation import validate_plan


def _decided_by(plan: storage.Plan, table: str, meeting: str) -> tuple[set[str], set[str]]:
    """The ids of ``table`` decided at or before ``meeting`` (by meeting date), and the rest."""
    dates = {str(m): as_date(d) for m, d in zip(plan["meetings"]["meeting_id"], plan["meetings"]["date"])}
    day = dates[meeting]
    key = "need_id" if table == "priorities" else "activity_id"
    decided, later = set(), set()
    for ident, at in zip(plan[table][key], plan[table]["decided_in"]):
        when = dates.get(str(at)) if not pd.isna(at) and str(at) else None
        (decided if when is None or (day is not None and when <= day) else later).add(str(ident))
    return decided, later


@pytest.mark.parametrize("meeting", ["M01", "M02"])
def test_handout_shows_exactly_what_was_decided_at_or_before_its_meeting(any_example_dir: Path,
                                                                         meeting: str) -> None:
    plan = storage.load_plan(any_example_dir)
    handout = Handout(str(any_example_dir), meeting=meeting)
    for table, key in (("priorities", "need_id"), ("activities", "activity_id")):
        decided, later = _decided_by(plan, table, meeting)
        assert set(handout.plan[table][key]) == decided, (table, meeting)
        assert set(handout.proposed[table][key]) == later, (table, meeting)
    schedule = str(handout.schedule())
    acts = plan["activities"].set_index("activity_id")
    decided, later = _decided_by(plan, "activities", meeting)
    for aid in later:  # proposed: listed as such, not in the schedule table
        assert f"{aid} {acts.at[aid, 'title']}" in schedule
    if later:
        assert "Usulan kegiatan (belum diputuskan)" in schedule
        assert "belum ditetapkan" in str(handout.needs())
    else:
        assert "Usulan kegiatan" not in schedule
        assert "belum ditetapkan" not in str(handout.needs())
    # this meeting's decisions are printed once, in its berita acara; the follow-up section
    # lists the earlier meetings' decisions; later ones are nowhere
    decisions = plan["decisions"]
    order = {"M01": 1, "M02": 2}
    follow_up, minutes = str(handout.decisions()), str(handout.berita_acara())
    for text, at in zip(decisions["decision"], decisions["meeting_id"]):
        assert (str(text) in minutes) == (at == meeting), text
        assert (str(text) in follow_up) == (order[str(at)] < order[meeting]), text
    # the budget counts decided activities only
    budget = str(handout.budget())
    if later:
        assert budget != str(Handout(str(any_example_dir), meeting="M02").budget())


def test_the_examples_tell_their_story_m01_decided_little_m02_the_rest(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    m01, _ = _decided_by(plan, "activities", "M01")
    m02, later = _decided_by(plan, "activities", "M02")
    assert 0 < len(m01) < len(m02) == len(plan["activities"])
    assert not later
    assert _decided_by(plan, "priorities", "M01")[0] == set()


def test_an_older_plan_without_decided_in_loads_with_it_empty_and_everything_decided(
        any_example_dir: Path) -> None:
    for name in ("priorities", "activities"):
        path = any_example_dir / f"{name}.csv"
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        fields = [f for f in rows[0] if f != "decided_in"]
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fields, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    plan = storage.load_plan(any_example_dir)
    assert plan["activities"]["decided_in"].fillna("").eq("").all()
    assert not [p for p in validate_plan(plan) if p.column == "decided_in"]
    handout = Handout(str(any_example_dir), meeting="M01")
    assert set(handout.plan["activities"]["activity_id"]) == set(plan["activities"]["activity_id"])
    assert handout.proposed["activities"].empty


def test_decided_in_must_name_a_meeting_of_the_plan(any_example_dir: Path) -> None:
    path = any_example_dir / "activities.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[1] = text[1].rsplit(",", 1)[0] + ",M99"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    found = [p.message for p in validate_plan(storage.load_plan(any_example_dir))]
    assert any("activities.csv baris 2, kolom decided_in" in m and "M99" in m for m in found), found
