"""Proposals to the Musrenbang: the candidates (core) and the step 3 panel that saves them."""

from __future__ import annotations

import csv
from pathlib import Path

from rtplan import storage
from rtplan.messages import t
from rtplan.proposals import BIDANG_KEYS, LEVEL_KEYS, STATE_KEYS, add_proposals, candidates
from rtplan.schema import PROPOSAL_BIDANG, PROPOSAL_LEVELS, PROPOSAL_STATES


def test_every_bidang_level_and_state_has_a_label() -> None:
    assert tuple(BIDANG_KEYS) == PROPOSAL_BIDANG and len(PROPOSAL_BIDANG) == 7
    assert tuple(LEVEL_KEYS) == PROPOSAL_LEVELS and tuple(STATE_KEYS) == PROPOSAL_STATES
    assert all(" " not in v for v in (*PROPOSAL_BIDANG, *PROPOSAL_STATES))
    for key in (*BIDANG_KEYS.values(), *LEVEL_KEYS.values(), *STATE_KEYS.values()):
        assert t(key, "id") != key and t(key, "en") != key


def test_candidates_are_needs_without_resource_local_funding_or_proposal(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    found = list(candidates(plan)["need_id"])
    # N09 (paving) and N02 (UMKM) are proposed already; N07 has swadaya, N10/N13 are handled
    assert found == ["N14", "N12"]
    table = plan.copy_table("proposals").iloc[:0]
    storage.save_table(plan, "proposals", table)
    again = list(candidates(storage.load_plan(example_dir))["need_id"])
    assert "N09" in again and "N02" in again and "N07" not in again and "N01" not in again


def test_add_proposals_numbers_after_the_last_and_records_the_meeting(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    frame = add_proposals(plan, [{"need_ids": ["N14"], "title": "Pendataan warga kontrakan", "volume": 1,
                                  "unit": "paket", "cost_idr": 2_000_000, "bidang": "ketenteraman-ketertiban"}], "M01")
    assert list(frame["proposal_id"]) == ["P01", "P02", "P03"]
    new = frame.iloc[-1]
    assert (new["decided_in"], new["state"], new["level"], new["cost_idr"]) == ("M01", "diusulkan", "kelurahan",
                                                                                2_000_000)


def test_panel_saves_the_ticked_candidates_decided_at_the_chosen_meeting(example_dir: Path) -> None:
    from rtplan.ui.proposals import proposals_panel

    panel = proposals_panel(example_dir, "id")
    assert [r.need_id for r in panel.rows] == ["N14", "N12"]
    assert panel.meeting.value == "M02"  # the latest meeting by default
    row = panel.rows[0]
    row.send.value = True
    row.title.value = "Pendataan dan papan informasi warga kontrakan"
    row.volume.value, row.unit.value, row.cost.value = 2, "unit", 1_500_000
    panel.meeting.value = "M01"
    assert panel.save() == []
    with (example_dir / "proposals.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 3
    assert {k: rows[-1][k] for k in ("proposal_id", "title", "need_ids", "volume", "unit", "cost_idr", "bidang",
                                     "decided_in", "state")} == {
        "proposal_id": "P03", "title": "Pendataan dan papan informasi warga kontrakan", "need_ids": "N14",
        "volume": "2", "unit": "unit", "cost_idr": "1500000", "bidang": "ketenteraman-ketertiban",
        "decided_in": "M01", "state": "diusulkan"}
    assert "diputuskan di M01" in panel.message.value
    assert [r.need_id for r in panel.rows] == ["N12"]  # proposed: no longer a candidate
    assert "Pendataan dan papan informasi" in panel.current.value


def test_panel_with_nothing_ticked_saves_nothing(example_dir: Path) -> None:
    from rtplan.ui.proposals import proposals_panel

    before = (example_dir / "proposals.csv").read_bytes()
    panel = proposals_panel(example_dir, "id")
    assert panel.save() == ["Belum ada yang dicentang; tidak ada yang disimpan."]
    assert (example_dir / "proposals.csv").read_bytes() == before
