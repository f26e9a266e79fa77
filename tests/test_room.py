"""Issue 15: residents vote from their own phones. Codes, ballots, 60 phones at once, restarts, privacy."""

from __future__ import annotations

import json
import random
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from room_helpers import PHONES, get, plan_with_people, post, vote

from rtplan import storage
from rtplan.cli import main
from rtplan.room.client import RoomClient
from rtplan.room.codes import ALPHABET, code_hash, normalize_code, shown
from rtplan.room.engine import CodeRefused, Room, RoomConfig
from rtplan.room.rounds import BallotError, read_ballot, round_ids
from rtplan.room.server import start_room
from rtplan.schema import is_anonymous_id
from rtplan.validation import validate_plan


# -- codes and anonymous ids ------------------------------------------------------------------
def test_a_code_is_read_whatever_case_and_dash_and_refused_when_it_cannot_be_one() -> None:
    assert normalize_code(" acd-efh ") == "ACDEFH"
    assert normalize_code("ACDEF") == ""
    assert normalize_code("ACDEF0") == ""
    assert shown("ACDEFH") == "ACD-EFH"
    assert not set("0O1IL2Z5S8B6G") & set(ALPHABET)
    assert len(ALPHABET) ** 6 > 10**8


def test_anonymous_scorer_ids_are_valid_and_other_unknown_ids_are_still_refused(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    votes = plan.copy_table("votes")
    votes.loc[len(votes)] = ["N01", "anon-0a1b2c3d", 1]
    storage.save_tables(plan, {"votes": votes})
    assert is_anonymous_id("anon-0a1b2c3d")
    assert not is_anonymous_id("anon-XYZ")
    assert not is_anonymous_id(1)
    assert not [p for p in validate_plan(storage.load_plan(example_dir)) if p.is_error]
    bad = plan.copy_table("votes")
    bad.loc[len(bad)] = ["N02", "anon-nothex!", 1]
    with pytest.raises(storage.ValidationError, match="anon-nothex!"):
        storage.save_tables(plan, {"votes": bad})


# -- ballots ----------------------------------------------------------------------------------
@pytest.fixture
def room(example_dir: Path, tmp_path: Path) -> Iterator[Room]:
    r = Room(example_dir, "id", tmp_path / "state", RoomConfig(max_failures=3, window=60))
    yield r
    r.stop()


def test_ballots_out_of_bounds_are_refused_naming_what_to_fix(room: Room) -> None:
    dots = room.open_round("dots", dots=3)
    with pytest.raises(BallotError, match="hanya punya 3"):
        read_ballot(dots, {"d1": "2", "d2": "2"}, "id")
    with pytest.raises(BallotError, match="Belum ada titik"):
        read_ballot(dots, {}, "id")
    assert read_ballot(dots, {"d1": "3"}, "id").dots == {dots.items[0][0]: 3}
    room.close_round()
    usg = room.open_round("usg", top=3)
    form = {"u1": "5", "s1": "4", "g1": "3", "u2": "1", "s2": "1", "g2": "1", "u3": "6", "s3": "1"}
    with pytest.raises(BallotError) as refused:
        read_ballot(usg, form, "en")
    assert refused.value.problems == [f"{usg.items[2][1]}: choose U, S and G (1-5)."]
    room.close_round()
    pw = room.open_round("pairwise", top=3)
    with pytest.raises(BallotError, match="Pasangan 3"):
        read_ballot(pw, {"p1": "a", "p2": "seri"}, "id")


def test_guessed_codes_are_refused_then_the_client_must_wait(room: Room, tmp_path: Path) -> None:
    now = [0.0]
    room.clock = lambda: now[0]
    codes = room.ensure_codes()
    good = next(iter(codes.values()))
    room.open_round("dots")
    for guess in ("AAAAAA", "CCCCCC", "DDDDDD"):
        with pytest.raises(CodeRefused) as refused:
            room.check("10.0.0.7", guess)
        assert refused.value.reason == "unknown"
    with pytest.raises(CodeRefused) as limited:  # even the right code waits now
        room.check("10.0.0.7", good)
    assert limited.value.reason == "limited"
    room.check("10.0.0.8", good)  # another phone is not held up
    now[0] = 61.0
    room.check("10.0.0.7", good)


def test_a_crash_between_the_state_and_the_plan_frees_only_the_code_whose_ballot_is_missing(
        example_dir: Path, tmp_path: Path) -> None:
    room = Room(example_dir, "id", tmp_path / "state")
    codes = list(room.ensure_codes().values())
    rnd = room.open_round("dots", dots=2)
    saved = room.submit("a", codes[0], {"d1": "2"}).result(timeout=60)
    room.stop()
    # as if the laptop died after marking two ballots pending and saving only the first one
    lost_hash = code_hash(rnd.round_id, codes[1])
    kept_hash = code_hash(rnd.round_id, codes[0])
    room.state.update(lambda s: s.update(used=sorted({kept_hash, lost_hash}),
                                         pending={kept_hash: saved, lost_hash: f"{rnd.prefix}ffff"}))
    again = Room(example_dir, "id", tmp_path / "state")
    try:
        with pytest.raises(CodeRefused) as used:
            again.check("a", codes[0])
        assert used.value.reason == "used"
        again.check("a", codes[1])  # its phone never got a thank-you: it may vote
        assert again.state.read()["pending"] == {}
    finally:
        again.stop()


# -- 60 phones ----------------------------------------------------------------------------------
def _ballot(rng: random.Random, n_items: int, k: int) -> dict[str, int]:
    spread: dict[int, int] = {}
    for _ in range(rng.randint(1, k)):
        i = rng.randint(1, n_items)
        spread[i] = spread.get(i, 0) + 1
    return spread


def test_sixty_phones_vote_at_once_each_counted_once_and_a_restart_loses_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = plan_with_people(tmp_path)
    state = tmp_path / "state"
    handle = start_room(folder, "id", "127.0.0.1", 0, state_folder=state)
    client = RoomClient(handle.admin_url, handle.admin_token)
    assert client.ensure_codes() == PHONES
    codes = list(handle.room.codes())
    opened = client.open_round("dots", dots=3)
    n_items = len(opened["titles"])
    rng = random.Random(15)
    ballots = [_ballot(rng, n_items, 3) for _ in codes]
    results: dict[int, tuple[int, str]] = {}
    seen: list[int] = []
    polling = threading.Event()

    def projector() -> None:  # the projector polls all along, through the restart
        while not polling.is_set():
            try:
                seen.append(int(client.status()["round"]["voted"]))
                client.live_html("id")
            except Exception:  # the server is down for a moment during the restart
                pass

    def phones(url: str, which: range) -> None:
        start = threading.Barrier(len(which))

        def one(i: int) -> None:  # each phone from its own address, as on the hotspot
            start.wait()
            try:
                results[i] = vote(url, codes[i], {f"d{k}": str(v) for k, v in ballots[i].items()},
                                  source=f"127.0.0.{i + 2}")
            except OSError as exc:  # said in the assertion below, not lost in a thread
                results[i] = (0, repr(exc))

        threads = [threading.Thread(target=one, args=(i,)) for i in which]
        for th in threads:
            th.start()
        for th in threads:
            th.join()

    watcher = threading.Thread(target=projector)
    watcher.start()
    try:
        phones(handle.round_url(), range(30))
        saves_before = handle.room.saves
        handle.stop()  # the laptop restarts the server mid-round
        handle = start_room(folder, "id", "127.0.0.1", 0, state_folder=state)
        client.url = handle.admin_url
        client.token = handle.admin_token
        phones(handle.round_url(), range(30, PHONES))
        # a replayed code (voted before the restart) and a guessed one are refused
        replay = vote(handle.round_url(), codes[3], {"d1": "1"})
        guess = vote(handle.round_url(), "XXXXXX" if "XXXXXX" not in codes else "YYYYYY", {"d1": "1"})
        mid = client.status()["round"]["voted"]
    finally:
        polling.set()
        watcher.join()
    result = client.close_round()
    handle.stop()

    thanked = sum("Terima kasih" in page for _, page in results.values())
    assert [s for s, _ in results.values()] == [200] * PHONES, [r for r in results.values() if r[0] != 200]
    assert thanked == PHONES
    assert "Kode ini tidak bisa dipakai" in replay[1]
    assert replay == guess  # a used code and an unknown one read the same: a guesser learns nothing
    assert mid == PHONES
    assert result["voted"] == PHONES
    assert seen
    assert max(seen) <= PHONES
    assert seen == sorted(seen)
    plan = storage.load_plan(folder)
    votes = plan["votes"]
    mine = votes[votes["participant_id"].astype(str).str.startswith("anon-")]
    assert mine["participant_id"].nunique() == PHONES
    assert all(is_anonymous_id(str(v)) for v in mine["participant_id"])
    expected: dict[str, int] = {}
    titles = opened["titles"]
    for b in ballots:
        for k, v in b.items():
            expected[titles[k - 1]] = expected.get(titles[k - 1], 0) + v
    assert {r["title"]: int(r["value"]) for r in result["rows"] if r["value"]} == expected
    assert int(mine["dots"].sum()) == sum(expected.values())
    assert main(["validate", str(folder)]) == 0
    saved = json.loads((state / next(p.name for p in state.glob("*.json"))).read_text())
    assert saved["used"] == []
    assert saved["pending"] == {}
    assert saved["round"] is None
    with capsys.disabled():
        print(f"\n[room] phones {PHONES}, thanked {thanked}, voted {result['voted']}, rows {len(mine)}, "
              f"dots {int(mine['dots'].sum())}, projector polls {len(seen)}, "
              f"plan saves {saves_before} + {handle.room.saves} (before + after the restart), "
              f"replay and guess refused alike {replay == guess}")


def test_usg_and_pairwise_rounds_save_rows_the_rankings_read(tmp_path: Path) -> None:
    from rtplan.needs import pairwise_ranking, usg_ranking

    folder = plan_with_people(tmp_path, 32)
    with start_room(folder, "en", "127.0.0.1", 0, state_folder=tmp_path / "state") as handle:
        client = RoomClient(handle.admin_url, handle.admin_token)
        client.ensure_codes()
        codes = list(handle.room.codes())
        usg = client.open_round("usg", top=3)
        form = {f"{c}{i}": "5" if i == 1 else "2" for i in (1, 2, 3) for c in "usg"}
        assert "Thank you" in vote(handle.round_url(), codes[0], form)[1]
        assert "Terima kasih" in vote(handle.round_url(), codes[1], form, lang="id")[1]
        usg_result = client.close_round()
        client.open_round("pairwise", top=3)
        pair_page = post(handle.phone_url, {"code": codes[0], "r": handle.room.status()["round"]["key"]})[1]
        assert pair_page.count('type="radio"') == 9  # 3 pairs x A, B, Seri
        assert "Thank you" in vote(handle.round_url(), codes[0], {"p1": "a", "p2": "a", "p3": "seri"})[1]
        pw_result = client.close_round()
    assert usg_result["rows"][0]["title"] == usg["titles"][0]
    assert usg_result["rows"][0]["value"] == 15
    assert pw_result["voted"] == 1
    assert usg_result["voted"] == 2
    plan = storage.load_plan(folder)
    ranked = usg_ranking(plan).table
    assert int(ranked["n_scorers"].max()) >= 1
    assert len(pairwise_ranking(plan).table)
    assert main(["validate", str(folder)]) == 0


def test_the_phone_page_offers_nothing_but_voting(tmp_path: Path) -> None:
    folder = plan_with_people(tmp_path, 30)
    plan = storage.load_plan(folder)
    people = plan["participants"]
    with start_room(folder, "id", "127.0.0.1", 0, state_folder=tmp_path / "state") as handle:
        handle.room.ensure_codes()
        code = next(iter(handle.room.codes()))
        handle.room.open_round("dots")
        pages = [get(handle.round_url())[1], post(handle.round_url(), {"code": code})[1]]
        for path in ("plan.toml", "participants.csv", "../participants.csv", "api/status", "projector"):
            status, body = get(handle.phone_url + path)
            assert status == 404
            assert body == ""
        status, _ = get(handle.admin_url + "/api/status")  # the admin API wants its token
        assert status == 403
    text = " ".join(pages)
    for value in list(people["name"]) + list(people["phone"].dropna()) + list(people["participant_id"]):
        if str(value):
            assert str(value) not in text
    assert plan.title not in text
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", text)  # nothing fetched from elsewhere


# -- privacy ------------------------------------------------------------------------------------
def test_after_a_round_nothing_in_the_plan_or_its_outputs_links_a_vote_to_a_person(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = plan_with_people(tmp_path, 30)
    state = tmp_path / "state"
    monkeypatch.setenv("RTPLAN_ROOM_STATE_DIR", str(state))
    slips = tmp_path / "out" / "slips.html"
    assert main(["room-codes", str(folder), "--format", "html", "-o", str(slips)]) == 0
    before = storage.load_plan(folder)
    old_votes = {tuple(r) for r in before["votes"].astype(str).itertuples(index=False)}
    with start_room(folder, "id", "127.0.0.1", 0) as handle:
        codes = list(handle.room.codes())
        assert len(codes) == 30
        assert all(shown(c) in slips.read_text() for c in codes)
        handle.room.open_round("dots", dots=2)
        for code in codes[:12]:
            assert "Terima kasih" in vote(handle.round_url(), code, {"d1": "1", "d2": "1"})[1]
        handle.room.close_round()
    plan = storage.load_plan(folder)
    new = plan["votes"][[tuple(r) not in old_votes for r in plan["votes"].astype(str).itertuples(index=False)]]
    assert len(new) == 24
    assert all(is_anonymous_id(str(v)) for v in new["participant_id"])
    pids = set(plan["participants"]["participant_id"].astype(str))
    assert not set(new["participant_id"].astype(str)) & pids
    out = tmp_path / "exports"
    assert main(["export", str(folder), "--xlsx", "--include-private", "-o", str(out / "plan.xlsx")]) == 0
    assert main(["export", str(folder), "--csv-excel", "--include-private", "-o", str(out / "plan.zip")]) == 0
    assert main(["handout", str(folder), "--format", "html", "-o", str(out / "handout.html")]) == 0
    assert main(["research", "export", str(folder), "-o", str(out / "riset"), "--format", "csv", "--workers", "1",
                 "--include-text", "--secret-file", str(tmp_path / "riset.key")]) == 0
    texts = []
    for path in [*folder.rglob("*"), *out.rglob("*")]:
        if path.is_file():
            texts.append(path.read_bytes())
            if path.suffix in (".zip", ".xlsx"):
                with zipfile.ZipFile(path) as z:
                    texts += [z.read(n) for n in z.namelist()]
    blob = b"\n".join(texts)
    for code in codes:  # no code anywhere, in no spelling
        assert code.encode() not in blob
        assert shown(code).encode() not in blob
    # the state file keeps who has which code until the codes are forgotten, but no trace of the round
    state_data = json.loads(next(state.glob("*.json")).read_text())
    assert state_data["used"] == []
    assert state_data["pending"] == {}
    assert state_data["round"] is None
    assert "anon-" not in json.dumps(state_data)
    assert main(["room-codes", str(folder), "--forget"]) == 0
    assert not list(state.glob("*.json"))


_SERVER = """
import json, sys
from pathlib import Path
from rtplan.room.server import start_room
h = start_room(Path(sys.argv[1]), "id", "127.0.0.1", 0, state_folder=sys.argv[2])
print(json.dumps({"phone": h.phone_url, "codes": list(h.room.codes())}), flush=True)
h.room.open_round("dots", dots=2)
print(h.round_url(), flush=True)
sys.stdin.read()
"""


def test_a_server_killed_mid_round_keeps_every_acknowledged_vote_and_every_used_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    folder = plan_with_people(tmp_path, 40)
    state = tmp_path / "state"
    proc = subprocess.Popen([sys.executable, "-c", _SERVER, str(folder), str(state)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    info = json.loads(proc.stdout.readline())
    info["phone"] = proc.stdout.readline().strip()  # the address with the round key, as the QR code carries it
    assert "?r=" in info["phone"]
    codes = info["codes"]
    thanked: set[str] = set()
    enough = threading.Event()

    def phone(code: str) -> None:
        try:
            page = vote(info["phone"], code, {"d1": "1", "d2": "1"})[1]
        except OSError:  # the server died under this phone
            return
        if "Terima kasih" in page:
            thanked.add(code)
            if len(thanked) >= 10:
                enough.set()

    threads = [threading.Thread(target=phone, args=(c,)) for c in codes]
    for th in threads:
        th.start()
    enough.wait(timeout=120)
    proc.kill()  # the laptop dies: no clean stop
    proc.wait()
    for th in threads:
        th.join()
    room = Room(folder, "id", state)
    try:
        rnd = room.current_round()
        assert rnd is not None
        in_plan = round_ids(room.plan.tables, rnd)
        refusals: dict[str, str] = {}
        for code in codes:
            try:
                room.check(f"phone-{code}", code)  # one phone each: the rate limit is per phone
            except CodeRefused as exc:
                refusals[code] = exc.reason
        assert set(refusals.values()) <= {"used"}
        used = set(refusals)
        assert len(thanked) >= 10
        assert thanked <= used  # every acknowledged vote is counted and its code stays used
        assert len(used) == len(in_plan)  # a code is used exactly when its ballot is in the plan
        assert room.state.read()["pending"] == {}
    finally:
        room.stop()
    assert main(["validate", str(folder)]) == 0
    with capsys.disabled():
        print(f"\n[room] killed mid-round: {len(thanked)} thanked, {len(in_plan)} ballots in the plan, "
              f"{len(codes) - len(used)} codes free to vote again")


def test_an_unexpected_failure_of_a_save_frees_the_code_and_thanks_nobody(
        room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    code = next(iter(room.ensure_codes().values()))
    room.open_round("dots", dots=2)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk controller on fire")

    monkeypatch.setattr(storage, "save_tables", broken)
    with pytest.raises(RuntimeError, match="on fire"):
        room.submit("p", code, {"d1": "2"}).result(timeout=60)
    monkeypatch.undo()
    assert room.status()["round"]["voted"] == 0
    assert room.submit("p", code, {"d1": "2"}).result(timeout=60).startswith("anon-")  # the code may vote again
    assert room.status()["round"]["voted"] == 1
