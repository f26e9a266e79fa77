"""A table that suddenly became empty is never saved over.

An editor that writes a CSV in place (truncate, then write; no lock, no rename) once
made rtplan load a half-written, empty participants table and save it back header-only.
Now:

* a table file that looks unfinished is read again until nothing writes it any more
  (bounded), so a load during such a write waits for the rows;
* a table found empty or header-only while ``.history`` holds rows is said (a warning in
  the plan's language: the table, the rows its last version had, ``rtplan restore``);
* a save over it is refused unless the person confirms (the panel's confirm step,
  ``--force`` on the command line); an emptying rtplan itself saved is not flagged.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from rtplan import storage
from rtplan.cli import main
from rtplan.exceptions import EmptiedTableError
from rtplan.storage.loading import _data_rows
from rtplan.ui.base import PlanSession, TableEditor

HEADER_ONLY = b"participant_id,name,sex,age_band,group,has_disability,phone,consent\n"


def kept_version(plan_dir: Path) -> int:
    """Save participants once through rtplan (one name changed), so the history keeps the
    rows; the number of participants."""
    plan = storage.load_plan(plan_dir)
    frame = plan.copy_table("participants").astype("object")
    frame.loc[0, "name"] = "Bambang Hartono Sr"
    storage.save_tables(plan, {"participants": frame})
    return len(frame)


def empty_it(plan_dir: Path, data: bytes = HEADER_ONLY) -> None:
    """What another program leaves for a while: the file emptied in place (no rename)."""
    path = plan_dir / "participants.csv"
    inode = path.stat().st_ino
    with open(path, "r+b") as fh:
        fh.truncate(0)
        fh.write(data)
    assert path.stat().st_ino == inode
    old = time.time() - 30  # written a while ago: nobody is writing it any more
    os.utime(path, (old, old))


def test_a_table_emptied_elsewhere_is_said_and_not_saved_over(example_dir: Path) -> None:
    rows = kept_version(example_dir)
    assert rows >= 30
    for data in (HEADER_ONLY, b""):
        empty_it(example_dir, data)
        plan = storage.load_plan(example_dir)
        assert plan.emptied == {"participants": rows}
        warning = [p for p in plan.load_problems if p.rule == "emptied"]
        assert len(warning) == 1
        assert not warning[0].is_error
        assert f"versi terakhirnya di .history berisi {rows} baris" in warning[0].message
        assert f"rtplan restore {example_dir} participants" in warning[0].message
        one = pd.DataFrame([{"participant_id": "P001", "name": "Baru", "sex": "L"}])
        before = (example_dir / "participants.csv").read_bytes()
        with pytest.raises(EmptiedTableError) as refused:
            storage.save_tables(plan, {"participants": one})
        assert "--force" in str(refused.value)
        assert f"{rows} baris" in str(refused.value)
        assert (example_dir / "participants.csv").read_bytes() == before  # nothing written
    # the person confirms: saved, and no longer flagged
    storage.save_tables(plan, {"participants": one}, force=True)
    assert plan.emptied == {}
    assert len(storage.load_plan(example_dir)["participants"]) == 1


def test_restore_brings_the_rows_back(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = kept_version(example_dir)
    empty_it(example_dir)
    assert main(["info", str(example_dir)]) == 0
    err = capsys.readouterr().err
    assert "Peringatan" in err
    assert f"{rows} baris" in err
    assert "rtplan restore" in err
    assert main(["restore", str(example_dir), "participants"]) == 0
    capsys.readouterr()
    plan = storage.load_plan(example_dir)
    assert len(plan["participants"]) == rows
    assert plan.emptied == {}


def test_an_emptying_rtplan_saved_itself_is_not_flagged(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    assert len(plan["decisions"]) > 0
    storage.save_tables(plan, {"decisions": plan["decisions"].iloc[0:0]})
    again = storage.load_plan(example_dir)
    assert again.emptied == {}
    assert not [p for p in again.load_problems if p.rule == "emptied"]
    # and a plan with no history (a new one: every table header-only) flags nothing
    assert storage.load_plan(example_dir).emptied == {}


def test_cli_save_needs_force(example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = kept_version(example_dir)
    empty_it(example_dir)
    source = tmp_path / "baru.csv"
    source.write_text("Nama,Jenis kelamin\nWarsini,P\n", encoding="utf-8")
    before = (example_dir / "participants.csv").read_bytes()
    assert main(["import", str(example_dir), "participants", str(source), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"its last version has {rows} rows" in err
    assert "--force" in err
    assert "Traceback" not in err
    assert (example_dir / "participants.csv").read_bytes() == before
    assert main(["import", str(example_dir), "participants", str(source), "--force"]) == 0, capsys.readouterr()
    assert list(storage.load_plan(example_dir)["participants"]["name"]) == ["Warsini"]


def test_panel_asks_before_saving_over_an_emptied_table(example_dir: Path) -> None:
    rows = kept_version(example_dir)
    empty_it(example_dir)
    editor = TableEditor(PlanSession(example_dir), "participants", id_prefix="P")
    assert f"{rows} baris" in editor.emptied_note.value  # said under the form at once
    before = (example_dir / "participants.csv").read_bytes()

    def type_one() -> None:
        editor.new_button.click()
        editor.fields["name"].value = "Bu Warsini"
        editor.fields["sex"].value = "P"
        editor.fields["consent"].value = "ya"

    type_one()
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert editor.emptied_confirm.asking
    assert f"{rows} baris" in editor.emptied_confirm.question.value
    editor.emptied_confirm.no.click()  # "Batal": nothing saved
    assert (example_dir / "participants.csv").read_bytes() == before
    editor.save_button.click()
    assert editor.emptied_confirm.asking
    editor.emptied_confirm.yes.click()  # "Ya, simpan"
    assert editor.status.kind == "ok", editor.status.text
    assert list(storage.load_plan(example_dir)["participants"]["name"]) == ["Bu Warsini"]
    assert editor.emptied_note.value == ""


def test_a_truncation_stamped_like_rtplans_own_write_is_still_flagged(example_dir: Path) -> None:
    """The file system's clock is coarse: another program truncating the file a moment after a
    save can leave it the save's own time stamp. An empty file is never rtplan's, whatever its time."""
    from rtplan.storage.history import _stamp_time

    rows = kept_version(example_dir)
    path = example_dir / "participants.csv"
    newest = max(v.path.name for v in storage.list_versions(example_dir, "participants"))
    stamp = _stamp_time(newest)
    assert stamp is not None and abs(path.stat().st_mtime - stamp) < 0.001  # rtplan's own mark
    with open(path, "r+b") as fh:
        fh.truncate(0)
    os.utime(path, (stamp, stamp))  # what a coarse clock can leave
    plan = storage.load_plan(example_dir)
    assert plan.emptied == {"participants": rows}
    # a header-only file with the stamp is rtplan's own emptying: not flagged
    path.write_bytes(HEADER_ONLY)
    os.utime(path, (stamp, stamp))
    assert storage.load_plan(example_dir).emptied == {}


def test_a_load_during_an_in_place_write_waits_for_the_rows(example_dir: Path) -> None:
    """An editor writing in blocks: at every pause the file is empty or ends inside a line."""
    kept_version(example_dir)
    path = example_dir / "participants.csv"
    data = path.read_bytes()
    blocks, start = [], 0
    while start < len(data):
        end = min(start + 200, len(data))
        while end < len(data) and data[end - 1:end] == b"\n":  # never pause right after a line end
            end += 1
        blocks.append(data[start:end])
        start = end
    started = threading.Event()

    def write_in_place() -> None:
        with open(path, "r+b") as fh:
            fh.truncate(0)
            fh.flush()
            started.set()
            for block in blocks:
                time.sleep(0.05)
                fh.write(block)
                fh.flush()

    writer = threading.Thread(target=write_in_place)
    writer.start()
    started.wait()
    plan = storage.load_plan(example_dir)  # while the file is empty, then cut off inside a line
    writer.join()
    assert len(blocks) > 5
    assert len(plan["participants"]) == data.count(b"\n") - 1
    assert plan.emptied == {}
    assert plan.fingerprints["participants.csv"] == hashlib.sha256(path.read_bytes()).hexdigest()


WRITER = textwrap.dedent("""
    import os, random, sys, time
    path, data, cycles, seed = sys.argv[1], open(sys.argv[2], "rb").read(), int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    lines = data.splitlines(keepends=True)
    for cycle in range(cycles):
        with open(path, "r+b") as fh:          # in place: same inode, no lock, no rename
            fh.truncate(0)
            fh.flush()
            time.sleep(rng.choice([0.05, 0.2, 1.2]))   # sometimes a long pause with the file empty
            for line in lines:
                fh.write(line)
                fh.flush()
                time.sleep(rng.uniform(0.005, 0.03))
        time.sleep(rng.uniform(0.05, 0.3))
""")


@pytest.mark.parametrize("run", [1, 2, 3])
def test_an_in_place_writer_racing_a_panel_save_never_wipes_participants(
        example_dir: Path, tmp_path: Path, run: int) -> None:
    rows = kept_version(example_dir)
    path = example_dir / "participants.csv"
    content = tmp_path / "content.csv"
    content.write_bytes(path.read_bytes())
    original = set(storage.load_plan(example_dir)["participants"]["participant_id"])
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writer = subprocess.Popen([sys.executable, str(script), str(path), str(content), "8", str(run)])
    outcomes = {"saved": 0, "refused: changed on disk": 0, "refused: found empty, asked to confirm": 0,
                "refused: other": 0}
    loaded_empty = 0
    try:
        while writer.poll() is None:
            editor = TableEditor(PlanSession(example_dir), "participants", id_prefix="P")  # a panel load
            loaded = len(editor.session.plan["participants"])
            loaded_empty += loaded == 0
            editor.new_button.click()
            editor.fields["name"].value = f"Tamu {run}"
            editor.fields["sex"].value = "L"
            editor.fields["consent"].value = "ya"
            editor.save_button.click()  # the panel save, racing the writer
            if editor.status.kind == "ok":
                outcomes["saved"] += 1
                # what rtplan wrote held every row it had loaded, plus the new one
                assert len(editor.session.plan["participants"]) == loaded + 1
                assert loaded >= rows
            elif editor.emptied_confirm.asking:
                outcomes["refused: found empty, asked to confirm"] += 1
            elif editor.session.refused_concurrent:
                outcomes["refused: changed on disk"] += 1
            else:
                outcomes["refused: other"] += 1
    finally:
        writer.wait(timeout=120)
    kept = storage.load_plan(example_dir)["participants"]
    assert original <= set(kept["participant_id"]), "participants wiped"
    assert len(kept) >= rows
    # a save archives the file it replaces, which must be what it loaded: never an empty one
    for version in storage.list_versions(example_dir, "participants"):
        assert _data_rows(version.path.read_bytes()) >= rows, version.path
    print(f"run {run}: {sum(outcomes.values())} panel saves racing 8 in-place writes: {outcomes}; "
          f"{loaded_empty} loads found the table empty; kept {len(kept)} participants "
          f"(all {len(original)} original ids)")
    assert outcomes["refused: other"] == 0, outcomes


def test_the_import_panel_asks_too(example_dir: Path) -> None:
    import datetime as dt

    from rtplan.ui.importing import ImportPanel

    rows = kept_version(example_dir)
    empty_it(example_dir)
    panel = ImportPanel(example_dir, "participants")
    data = b"Nama,Jenis kelamin\nWarsini,P\n"
    panel.upload.value = ({"name": "baru.csv", "type": "text/csv", "size": len(data), "content": memoryview(data),
                           "last_modified": dt.datetime(2026, 11, 28, tzinfo=dt.UTC)},)
    before = (example_dir / "participants.csv").read_bytes()
    panel.import_button.click()
    assert panel.status.kind == "error"
    assert f"{rows} baris" in panel.status.text
    assert panel.emptied_confirm.asking
    assert (example_dir / "participants.csv").read_bytes() == before
    panel.emptied_confirm.yes.click()
    assert panel.status.kind == "ok", panel.status.text
    assert list(storage.load_plan(example_dir)["participants"]["name"]) == ["Warsini"]
