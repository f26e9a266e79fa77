"""Two processes saving the same plan at the same moment: on the same table, on
related tables (write skew), on unrelated tables, and a reader during saves.

Nothing may be lost silently: each save either lands or is refused with a clear
message (checked word for word), and the plan on disk stays valid.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from rtplan import storage, validation
from rtplan.exceptions import RtplanError

ROUNDS = 12


def _add_participant(plan, pid: str, name: str):  # type: ignore[no-untyped-def]
    df = plan.copy_table("participants")
    row = dict.fromkeys(df.columns)
    row.update(participant_id=pid, name=name, sex="P", age_band="25-39", group="PKK", consent=True)
    return pd.concat([df, pd.DataFrame([row]).astype(df.dtypes.to_dict())], ignore_index=True)


def _add_attendance(plan, meeting: str, pid: str):  # type: ignore[no-untyped-def]
    df = plan.copy_table("attendance")
    extra = pd.DataFrame([{"meeting_id": meeting, "participant_id": pid}]).astype(df.dtypes.to_dict())
    return pd.concat([df, extra], ignore_index=True)


def _race(folder: Path, jobs: list[Callable[[storage.Plan], object]], seed: int) -> list[str]:
    """Fork one process per job; each loads the plan, waits until all have loaded,
    then runs its job (in a random order of start). Returns "ok" or the refusal."""
    ready = []
    go = []
    results = []
    pids = []
    for job in jobs:
        r_ready, w_ready = os.pipe()
        r_go, w_go = os.pipe()
        r_res, w_res = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            code = 0
            try:
                plan = storage.load_plan(folder)
                os.write(w_ready, b"r")
                os.read(r_go, 1)
                try:
                    job(plan)
                    out = {"result": "ok"}
                except RtplanError as exc:
                    out = {"result": "refused", "type": type(exc).__name__, "message": str(exc)}
                os.write(w_res, json.dumps(out).encode("utf-8"))
            except BaseException as exc:
                os.write(w_res, json.dumps({"result": "crash", "message": repr(exc)}).encode("utf-8"))
                code = 1
            finally:
                os._exit(code)
        for fd in (w_ready, r_go, w_res):
            os.close(fd)
        ready.append(r_ready)
        go.append(w_go)
        results.append(r_res)
        pids.append(pid)
    for fd in ready:
        os.read(fd, 1)
        os.close(fd)
    order = list(range(len(jobs)))
    random.Random(seed).shuffle(order)
    for i in order:
        os.write(go[i], b"g")
        os.close(go[i])
    outs = []
    for fd, pid in zip(results, pids):
        chunks = []
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
        os.close(fd)
        os.waitpid(pid, 0)
        outs.append(json.loads(b"".join(chunks)))
    assert not [o for o in outs if o["result"] == "crash"], outs
    return outs  # type: ignore[return-value]


def _valid(folder: Path) -> bool:
    return not [p for p in validation.validate_plan(storage.load_plan(folder)) if p.is_error]


def test_two_processes_on_the_same_table(example_dir: Path) -> None:
    landed = refused = 0
    for n in range(ROUNDS):
        jobs = [lambda plan, i=i, n=n: storage.save_table(
                    plan, "participants", _add_participant(plan, f"P9{n:02d}{i}", f"Warga {n}-{i}"))
                for i in range(2)]
        outs = _race(example_dir, jobs, seed=n)
        ids = set(storage.load_plan(example_dir)["participants"]["participant_id"])
        for i, out in enumerate(outs):
            if out["result"] == "ok":
                landed += 1
                assert f"P9{n:02d}{i}" in ids  # what was reported saved is on disk
            else:
                refused += 1
                assert f"P9{n:02d}{i}" not in ids
                assert out["type"] == "ConcurrentChangeError"
                assert out["message"].startswith("participants.csv sudah diubah di luar sesi ini")
                assert "Perubahan Anda TIDAK disimpan" in out["message"]
        assert [o["result"] for o in outs].count("ok") == 1  # never both: one would overwrite the other
        assert _valid(example_dir)
    print(f"\nsame table: {ROUNDS} races, {landed} saves landed, {refused} refused with a message")
    assert landed == ROUNDS and refused == ROUNDS


def test_write_skew_between_two_processes_is_refused(example_dir: Path) -> None:
    """One process deletes a participant nobody references yet; the other, from the same
    stale view, adds attendance for them. Both alone are valid; together not."""
    plan = storage.load_plan(example_dir)
    people = plan.copy_table("participants")
    for n in range(ROUNDS):
        people = pd.concat([people, _add_participant(plan, f"P8{n:02d}", f"Calon {n}").iloc[[-1]]],
                           ignore_index=True)
    storage.save_table(plan, "participants", people)
    outcomes = {"delete": 0, "attend": 0}
    for n in range(ROUNDS):
        pid = f"P8{n:02d}"

        def delete(plan, pid=pid):  # type: ignore[no-untyped-def]
            df = plan.copy_table("participants")
            storage.save_table(plan, "participants", df[df["participant_id"] != pid].reset_index(drop=True))

        def attend(plan, pid=pid):  # type: ignore[no-untyped-def]
            storage.save_table(plan, "attendance", _add_attendance(plan, "M02", pid))

        outs = _race(example_dir, [delete, attend], seed=100 + n)
        results = [o["result"] for o in outs]
        assert results.count("ok") == 1, outs  # never both
        for name, out in zip(("delete", "attend"), outs):
            if out["result"] == "ok":
                outcomes[name] += 1
            else:
                assert out["type"] == "ConcurrentChangeError"
                changed = "attendance.csv" if name == "delete" else "participants.csv"
                assert out["message"].startswith(f"{changed} sudah diubah di luar sesi ini"), out
                assert "bergantung padanya" in out["message"] and "TIDAK disimpan" in out["message"]
        final = storage.load_plan(example_dir)
        present = pid in set(final["participants"]["participant_id"])
        attended = pid in set(final["attendance"]["participant_id"])
        assert present == (outs[0]["result"] != "ok") and attended == (outs[1]["result"] == "ok")
        assert _valid(example_dir)
    print(f"\nwrite skew: {ROUNDS} races, the delete won {outcomes['delete']}, the attendance "
          f"won {outcomes['attend']}, the other refused each time; the plan stayed valid")


def test_unrelated_tables_both_land(example_dir: Path) -> None:
    for n in range(4):
        def funds(plan, n=n):  # type: ignore[no-untyped-def]
            df = plan.copy_table("funds")
            df.loc[0, "note"] = f"catatan {n}"
            storage.save_table(plan, "funds", df)

        def institutions(plan, n=n):  # type: ignore[no-untyped-def]
            df = plan.copy_table("institutions")
            df.loc[0, "note"] = f"catatan {n}"
            storage.save_table(plan, "institutions", df)

        outs = _race(example_dir, [funds, institutions], seed=n)
        assert [o["result"] for o in outs] == ["ok", "ok"]
        final = storage.load_plan(example_dir)
        assert final["funds"].loc[0, "note"] == final["institutions"].loc[0, "note"] == f"catatan {n}"


def test_reader_never_sees_a_half_committed_save(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    ids_a = set(plan["participants"]["participant_id"])
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the writer
        try:
            os.close(r)
            base = plan.copy_table("participants"), plan.copy_table("attendance"), dict(plan.meta)
            for k in range(40):
                if k % 2 == 0:
                    storage.save_tables(plan, {"participants": _add_participant(plan, "P777", "Baru"),
                                               "attendance": _add_attendance(plan, "M01", "P777")},
                                        meta=dict(plan.meta, households=99))
                else:
                    storage.save_tables(plan, {"attendance": base[1], "participants": base[0]}, meta=base[2])
        finally:
            os.write(w, b"d")
            os._exit(0)
    os.close(w)
    os.set_blocking(r, False)
    loads = 0
    while True:
        seen = storage.load_plan(example_dir)
        loads += 1
        ids = set(seen["participants"]["participant_id"])
        in_b = seen.meta["households"] == 99
        assert ("P777" in ids) == in_b == ("P777" in set(seen["attendance"]["participant_id"]))
        assert ids - {"P777"} == ids_a
        try:
            if os.read(r, 1):
                break
        except BlockingIOError:
            continue
    os.waitpid(pid, 0)
    print(f"\nreader: {loads} loads during 40 multi-file saves, each wholly the old or the new state")
    assert loads > 5
