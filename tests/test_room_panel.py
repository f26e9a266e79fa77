"""Issue 15: the projector panel of notebook 01 (rtplan.ui.room), driven headless against a real room server."""

from __future__ import annotations

from pathlib import Path

import pytest
from room_helpers import plan_with_people, vote

from rtplan.room.server import start_room
from rtplan.ui.room import room_panel


def test_without_a_room_the_panel_is_one_short_note(example_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RTPLAN_ROOM_URL", raising=False)
    panel = room_panel(example_dir, "id")
    assert len(panel.children) == 1
    assert "--room" in panel.note.value
    assert "rtplan workshop" in panel.note.value


def test_the_panel_opens_a_round_shows_the_count_then_the_result_and_gives_late_codes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = plan_with_people(tmp_path, 30)
    with start_room(folder, "id", "127.0.0.1", 0, state_folder=tmp_path / "state") as handle:
        handle.room.ensure_codes()
        monkeypatch.setenv("RTPLAN_ROOM_URL", handle.admin_url)
        monkeypatch.setenv("RTPLAN_ROOM_TOKEN", handle.admin_token)
        panel = room_panel(folder, "id", poll=False)
        assert "data:image/svg+xml" in panel.join.value
        assert handle.phone_url.split("://")[1] in panel.join.value
        assert "30 kode suara siap" in panel.live.value
        panel.kind.value = "pairwise"
        panel.top.value = 3
        panel.open_button.click()
        assert panel.status.kind == "ok"
        assert "Perbandingan berpasangan" in panel.status.text
        code = next(iter(handle.room.codes()))
        assert "Terima kasih" in vote(handle.round_url(), code, {"p1": "a", "p2": "b", "p3": "seri"})[1]
        panel.refresh()
        assert "1 dari 30 kode sudah memilih" in panel.live.value
        panel.open_button.click()  # a second round while one is open: refused, said in the panel
        assert panel.status.kind == "error"
        assert "Tutup dulu" in panel.status.text
        panel.close_button.click()
        assert panel.status.text.endswith("Putaran ditutup: 1 suara tersimpan.")
        assert 'id="room-result"' in panel.live.value
        pw = panel.session.plan["pairwise"]  # the notebook's session sees the new rows at once
        assert pw["participant_id"].astype(str).str.startswith("anon-").sum() == 3
        # a late arrival: someone registered but not on the attendance of the meeting
        late = "P001"
        panel.late.value = late
        given = panel.issue()
        assert given
        assert given[:3] in panel.code.value
        # never a name next to its code on the projector: the code alone, the choice cleared
        name = str(panel.session.plan["participants"].set_index("participant_id").loc[late, "name"])
        assert name not in panel.code.value and panel.late.value is None
        panel.hide_button.click()
        assert panel.code.value == ""
        panel.close()
