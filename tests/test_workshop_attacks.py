"""``rtplan workshop`` attacked over HTTP, as another web page or another local user would: loopback only.

The server is the real ``rtplan workshop`` (Voila with rtplan's settings) on six one-cell
stand-in step notebooks (``RTPLAN_NOTEBOOKS``): what is tested is who may reach a page, a
kernel and its websocket, and how many kernels live, none of which depends on what the
notebooks do; a page's one cell sleeps ``?sleep=`` seconds, to keep a kernel busy.
Each test says what happened and what was kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import os
import re
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from browser import Workshop, workshop_server

from rtplan.workshop import STEP_NOTEBOOKS, _alive, descendants
from rtplan.workshop.voila_app import MAX_KERNELS

pytestmark = [pytest.mark.xdist_group("browser")]

CELL = ("import os, time, urllib.parse\n"
        "time.sleep(float(urllib.parse.parse_qs(os.environ.get('QUERY_STRING', '')).get('sleep', ['0'])[0]))\n"
        "print('page ' + 'ready')")
READY = "page ready"


def _stand_in_notebooks(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in STEP_NOTEBOOKS:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(CELL)]
        nbformat.write(nb, folder / name)
    return folder


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workshop]:
    base = tmp_path_factory.mktemp("workshop-attacks")
    old = os.environ.get("RTPLAN_NOTEBOOKS")
    os.environ["RTPLAN_NOTEBOOKS"] = str(_stand_in_notebooks(base / "notebooks"))
    try:
        with workshop_server(base / "plan") as server:
            yield server
    finally:
        if old is None:
            os.environ.pop("RTPLAN_NOTEBOOKS", None)
        else:
            os.environ["RTPLAN_NOTEBOOKS"] = old


def _get(ws: Workshop, path: str, headers: dict[str, str] | None = None, timeout: float = 240,
         method: str = "GET", body: str | None = None) -> tuple[int, dict[str, str], str]:
    """One request to the workshop, no redirect followed: ``(status, headers, body)``."""
    port = int(urllib.parse.urlsplit(ws.base).port or 0)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body, headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _page(ws: Workshop, step: int = 0, query: str = "", token: bool = True) -> str:
    path = urllib.parse.urlsplit(ws.step_url(step, token=token))
    q = "&".join(p for p in (path.query, query) if p)
    return path.path + (f"?{q}" if q else "")


def _kernels(ws: Workshop) -> list[int]:
    """The kernel processes (``ipykernel_launcher``) below the workshop, oldest first."""
    found = []
    for pid in descendants(ws.process.pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            started = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
        except (OSError, ValueError, IndexError):
            continue
        if b"ipykernel_launcher" in cmdline and _alive(pid):
            found.append((started, pid))
    return [pid for _, pid in sorted(found)]


def _login_cookie(ws: Workshop) -> str:
    """The cookies the printed address gives a browser (the token is exchanged for them)."""
    port = urllib.parse.urlsplit(ws.base).port
    raw = http.client.HTTPConnection("127.0.0.1", port, timeout=240)
    raw.request("GET", _page(ws))
    resp = raw.getresponse()
    cookies = [v.split(";", 1)[0] for k, v in resp.getheaders() if k.lower() == "set-cookie"]
    assert resp.status == 200
    assert READY in resp.read().decode("utf-8", "replace")
    raw.close()
    assert any(c.startswith("username-") for c in cookies), cookies
    return "; ".join(cookies)


def test_only_loopback_hosts_and_the_token_open_a_page(ws: Workshop) -> None:
    port = urllib.parse.urlsplit(ws.base).port
    seen = {}
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"evil.example:{port}", f"192.168.43.10:{port}"):
        status, _, body = _get(ws, _page(ws), {"Host": host})
        seen[host] = (status, READY in body)
    assert seen[f"127.0.0.1:{port}"] == (200, True)
    assert seen[f"localhost:{port}"] == (200, True)
    assert seen[f"evil.example:{port}"] == (403, False)  # DNS rebinding: curl -H 'Host: evil.example:PORT'
    assert seen[f"192.168.43.10:{port}"] == (403, False)
    no_token = _get(ws, _page(ws, token=False))
    wrong_token = _get(ws, _page(ws, token=False, query="token=guessed"))
    for status, headers, body in (no_token, wrong_token):
        assert READY not in body
        assert status == 302
        assert headers["location"].startswith("/login?")
    cookie = _login_cookie(ws)
    with_cookie = _get(ws, _page(ws, 3, token=False), {"Cookie": cookie})  # the step bar's links
    assert with_cookie[0] == 200
    assert READY in with_cookie[2]
    print(f"\n[workshop] Host -> {seen}; no token -> {no_token[0]} to the login form, a guessed one -> "
          f"{wrong_token[0]}; the printed address's cookie opens the other steps -> {with_cookie[0]}")


def test_a_foreign_origin_or_no_login_cannot_reach_a_kernel(ws: Workshop) -> None:
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    cookie = _login_cookie(ws)
    status, _, body = _get(ws, _page(ws, 1), {"Cookie": cookie})
    assert status == 200
    kernel_id = re.search(r'kernelId"?\s*[:=]\s*"([0-9a-f-]{36})"', body)
    assert kernel_id, "no kernel id in the page"
    kid = kernel_id.group(1)
    port = urllib.parse.urlsplit(ws.base).port
    url = f"ws://127.0.0.1:{port}/api/kernels/{kid}/channels"

    async def attempt(headers: dict[str, str]) -> int:
        try:
            conn = await websocket_connect(HTTPRequest(url, headers=headers, connect_timeout=60))
        except HTTPClientError as exc:
            return exc.code
        conn.close()
        return 101

    tries = {
        "rebinding page (foreign Origin, the browser's cookie)": {"Cookie": cookie,
                                                                   "Origin": f"http://evil.example:{port}"},
        "another site": {"Cookie": cookie, "Origin": "http://attacker.example"},
        "a local user's script (no Origin, no cookie)": {},
        "the page itself": {"Cookie": cookie, "Origin": f"http://127.0.0.1:{port}"},
    }
    got = {name: asyncio.run(attempt(headers)) for name, headers in tries.items()}
    assert got["rebinding page (foreign Origin, the browser's cookie)"] == 403
    assert got["another site"] == 403
    assert got["a local user's script (no Origin, no cookie)"] == 403
    assert got["the page itself"] == 101
    # a POST from another site (the page's own shutdown beacon, sent from elsewhere) is refused too
    xsrf = re.search(r"_xsrf=([^;]+)", cookie)
    assert xsrf
    before = len(_kernels(ws))
    post = _get(ws, f"/voila/api/shutdown/{kid}", {"Cookie": cookie, "Origin": "http://attacker.example",
                                                   "Content-Type": "application/x-www-form-urlencoded"},
                method="POST", body=f"_xsrf={urllib.parse.quote(xsrf.group(1))}")
    assert post[0] in (403, 404)
    assert len(_kernels(ws)) == before  # the kernel still runs
    print(f"\n[workshop] kernel websocket: {got}; foreign-Origin shutdown POST -> {post[0]}, kernel kept")


def test_ten_page_loads_in_a_row_never_hold_more_than_four_kernels(ws: Workshop) -> None:
    counts = []
    for i in range(10):
        status, _, body = _get(ws, _page(ws, i % len(STEP_NOTEBOOKS)))
        assert status == 200
        assert READY in body
        counts.append(len(_kernels(ws)))
    assert max(counts) <= MAX_KERNELS
    assert counts[-1] == MAX_KERNELS  # pages never closed: their kernels stay until a new page needs room
    print(f"\n[workshop] 10 page loads in a row: kernels after each {counts} (cap {MAX_KERNELS})")


def test_when_every_kernel_is_busy_a_new_page_says_why_in_indonesian(ws: Workshop) -> None:
    # the four pages' cells sleep 120 s: longer than their kernels take to start one after the other
    # and than the WAIT_FOR_IDLE seconds the fifth page waits for one of them before it is refused
    started = threading.Barrier(MAX_KERNELS + 1)
    bodies: list[str] = []
    port = urllib.parse.urlsplit(ws.base).port

    def slow_page(step: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=240)
        try:
            conn.request("GET", _page(ws, step, "sleep=120"))
            resp = conn.getresponse()  # headers: the kernel is started and runs the cell
            with contextlib.suppress(threading.BrokenBarrierError):
                started.wait(timeout=200)
            bodies.append(resp.read().decode("utf-8", "replace"))
        finally:
            conn.close()

    threads = [threading.Thread(target=slow_page, args=(i,)) for i in range(MAX_KERNELS)]
    for th in threads:
        th.start()
    try:
        started.wait(timeout=200)
        busy = len(_kernels(ws))
        status, _, body = _get(ws, _page(ws, 5))
    finally:
        for th in threads:
            th.join()
    assert busy == MAX_KERNELS
    assert status == 503
    assert "halaman lokakarya yang sedang bekerja" in body
    assert "Traceback" not in body
    assert len([b for b in bodies if READY in b]) == MAX_KERNELS  # the four busy pages were not disturbed
    assert len(_kernels(ws)) <= MAX_KERNELS
    print(f"\n[workshop] {busy} busy kernels: a fifth page -> {status} with the reason in Indonesian; "
          f"the {MAX_KERNELS} busy pages finished")
