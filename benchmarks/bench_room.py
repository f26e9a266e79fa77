"""The voting room (issue 15): votes per second the server takes, and its memory with 60 phones.

The room server runs in a child process (as in ``rtplan workshop --room``, where it
shares the workshop process with nothing heavy); 60 simulated phones are threads here,
on 127.0.0.1. Measured in the same run:

* **baseline A, raw storage**: one ballot saved per :func:`rtplan.storage.save_tables`
  call, one after the other (what a server without batching would do at best, with
  no HTTP at all);
* **baseline B, empty requests**: 60 phones each fetch a page that does nothing
  (a 404), concurrently: the HTTP floor of this machine;
* **the room**: 60 phones press *Masuk* then *Kirim suara* at the same moment; each is
  counted when its thank-you page arrives (after the durable save). Five rounds.
* **memory**: the server's RSS (``/proc/PID/status``) idle, then with 60 phones holding
  keep-alive connections open, then after the votes.

Prints the figures and the ratios; asserts nothing (no timed tests).
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PHONES = 60
ROUNDS = 5

SERVER = """
import json, sys
from pathlib import Path
from rtplan.room.server import start_room
h = start_room(Path(sys.argv[1]), "id", "127.0.0.1", 0, state_folder=sys.argv[2])
h.room.ensure_codes()
print(json.dumps({"phone": h.phone_url, "admin": h.admin_url, "token": h.admin_token,
                  "codes": list(h.room.codes())}), flush=True)
sys.stdin.read()
h.stop()
"""


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def admin(info: dict, path: str, data: dict | None = None) -> dict:
    req = urllib.request.Request(info["admin"] + path, data=None if data is None else json.dumps(data).encode(),
                                 headers={"X-Room-Token": info["token"]}, method="GET" if data is None else "POST")
    with urllib.request.urlopen(req, timeout=120) as resp:
        return json.loads(resp.read())


def at_once(n: int, job) -> float:  # type: ignore[no-untyped-def]
    """Run ``job(i)`` in ``n`` threads released together; the wall time until the last ends."""
    gate = threading.Barrier(n + 1)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        gate.wait()
        try:
            job(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    gate.wait()
    start = time.perf_counter()
    for th in threads:
        th.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - start


def raw_storage_rate(folder: Path, n: int) -> float:
    """Baseline A: ``n`` ballots, one save each."""
    from rtplan import storage
    from rtplan.room.rounds import Ballot, with_ballots

    plan = storage.load_plan(folder)
    needs = list(plan["needs"]["need_id"].astype(str))
    start = time.perf_counter()
    for i in range(n):
        ballot = Ballot("dots", dots={needs[i % len(needs)]: 2, needs[(i + 3) % len(needs)]: 1})
        storage.save_tables(plan, {"votes": with_ballots(plan.copy_table("votes"), [(f"anon-ffff{i:04x}", ballot)])})
    return n / (time.perf_counter() - start)


def main() -> None:
    from room_helpers import plan_with_people

    tmp = Path(tempfile.mkdtemp(prefix="bench-room-"))
    try:
        folder = plan_with_people(tmp / "a", PHONES)
        raw_folder = plan_with_people(tmp / "b", PHONES)
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(folder), str(tmp / "state")],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdin is not None
        info = json.loads(proc.stdout.readline())
        phone = urllib.parse.urlsplit(info["phone"])
        codes = info["codes"]
        time.sleep(0.5)
        idle = rss_kib(proc.pid)

        # memory with 60 phones connected (keep-alive connections holding the page)
        # each phone from its own address (127.0.0.2-61, all loopback), as on a hotspot: the server
        # keeps at most 32 connections per address
        conns = [http.client.HTTPConnection(phone.hostname, phone.port, timeout=60,
                                            source_address=(f"127.0.0.{2 + i}", 0)) for i in range(PHONES)]
        for c in conns:
            c.request("GET", "/")
            c.getresponse().read()
        connected = rss_kib(proc.pid)

        # baseline B: empty requests, 60 at once, on the open connections
        def empty(i: int) -> None:
            conns[i].request("GET", "/nothing")
            conns[i].getresponse().read()

        empty_times = [at_once(PHONES, empty) for _ in range(ROUNDS)]

        # the room: 60 phones vote at once, ROUNDS rounds
        vote_times: list[float] = []
        for _ in range(ROUNDS):
            opened = admin(info, "/api/round", {"kind": "dots", "dots": 3})
            n_items = len(opened["titles"])
            key = opened["key"]  # the round key the QR code carries

            def one(i: int, n_items: int = n_items, key: str = key) -> None:
                c = conns[i]
                body = urllib.parse.urlencode({"code": codes[i], "r": key})
                c.request("POST", "/", body, {"Content-Type": "application/x-www-form-urlencoded"})
                page = c.getresponse().read().decode()
                assert 'id="ballot"' in page, page[:300]
                body = urllib.parse.urlencode({"code": codes[i], "r": key, f"d{1 + i % n_items}": "2",
                                               f"d{1 + (i * 7) % n_items}": "1"})
                c.request("POST", "/kirim", body, {"Content-Type": "application/x-www-form-urlencoded"})
                page = c.getresponse().read().decode()
                assert "Terima kasih" in page, page[:300]

            vote_times.append(at_once(PHONES, one))
            result = admin(info, "/api/round/close", {})
            assert result["voted"] == PHONES, result["voted"]
        after = rss_kib(proc.pid)
        for c in conns:
            c.close()
        proc.stdin.close()
        proc.wait(timeout=60)

        raw = raw_storage_rate(raw_folder, PHONES)
        empty_rate = PHONES / statistics.median(empty_times)
        room_rate = PHONES / statistics.median(vote_times)
        print(f"room: {PHONES} phones x {ROUNDS} rounds, median {statistics.median(vote_times):.3f} s per round "
              f"-> {room_rate:.1f} votes/s (each vote: 2 requests + durable save)")
        print(f"baseline A, raw storage, one save per ballot: {raw:.1f} ballots/s")
        print(f"baseline B, empty requests, {PHONES} at once: {empty_rate:.1f} requests/s")
        print(f"ratio room / raw storage: {room_rate / raw:.2f}x (batching: >1 means faster than one save per vote)")
        print(f"ratio room votes / empty requests: {room_rate / empty_rate:.2f}")
        print(f"server RSS: idle {idle / 1024:.1f} MiB, {PHONES} phones connected {connected / 1024:.1f} MiB "
              f"(+{(connected - idle) / 1024:.1f} MiB), after {PHONES * ROUNDS} votes {after / 1024:.1f} MiB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
