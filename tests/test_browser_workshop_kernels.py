"""``rtplan workshop`` in headless Chromium: a step page left for another one stops its kernel.

Each page load starts a kernel (~150 MB). Voila's page asks the server to shut its kernel
down when it is left (a ``sendBeacon`` POST carrying the ``_xsrf`` cookie's value); the
server refuses that POST unless the page got an ``_xsrf`` cookie, which the launcher's
prelaunch hook sets (:func:`rtplan.workshop.voila_app.set_xsrf_cookie`). Without it a
facilitator clicking through the six steps has six kernels until the idle culler
(5 minutes) comes by.

Kernel processes are counted under the workshop's process; their exits are awaited with
``pidfd`` (no sleeping, no fixed delay) up to a deadline well below the culler's 5 minutes.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import time
from pathlib import Path

import pytest
from browser import chromium_page, workshop_server
from conftest import MAIN_EXAMPLE, copy_example

from rtplan.workshop import CULL_IDLE_SECONDS, STEP_NOTEBOOKS, _alive, descendants

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PAGE_TIMEOUT = 240_000  # ms: a loaded 2-core machine runs a step's cells in 5-30 s
SHUTDOWN_DEADLINE = 90.0  # s: far below the culler, so only the page's own shutdown can pass the test


def _kernels(root: int) -> list[int]:
    """The kernel processes (``ipykernel_launcher``) below ``root``, oldest first."""
    found = []
    for pid in descendants(root):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            started = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
        except (OSError, ValueError, IndexError):
            continue
        if b"ipykernel_launcher" in cmdline and _alive(pid):
            found.append((started, pid))
    return [pid for _, pid in sorted(found)]


def _wait_until_at_most(pids: list[int], keep: int, deadline: float) -> list[int]:
    """Wait (on the processes' pidfds) until at most ``keep`` of ``pids`` run, or the deadline; the ones left."""
    fds: dict[int, int] = {}
    try:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                fds[os.pidfd_open(pid)] = pid
        while True:
            left = [pid for pid in fds.values() if _alive(pid)]
            remaining = deadline - time.monotonic()
            if len(left) <= keep or remaining <= 0:
                return left
            # a pidfd becomes readable when its process ends
            select.select([fd for fd, pid in fds.items() if pid in left], [], [], remaining)
    finally:
        for fd in fds:
            os.close(fd)


def _follow_step_bar(page, step: int) -> None:  # type: ignore[no-untyped-def]
    """Click step ``step`` in the step bar and wait until that page ran every cell."""
    with page.expect_navigation(wait_until="commit", timeout=PAGE_TIMEOUT):
        page.locator(".rtplan-stepbar a", has_text=re.compile(rf"^\s*{step} ")).first.click()
    _wait_for_page(page, step)


def _wait_for_page(page, step: int) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_TIMEOUT)
    page.wait_for_selector(".rtplan-header .rtplan-stepbar", timeout=PAGE_TIMEOUT)
    page.wait_for_load_state("load", timeout=PAGE_TIMEOUT)
    current = page.locator(".rtplan-stepbar .rtplan-current").inner_text()
    assert current.startswith(str(step)), f"step {step} expected, page shows {current!r}"


def test_leaving_a_step_page_stops_its_kernel(tmp_path: Path) -> None:
    assert SHUTDOWN_DEADLINE < CULL_IDLE_SECONDS / 2
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    with workshop_server(plan) as ws, chromium_page(1280, 720) as page:
        page.goto(ws.url, wait_until="commit", timeout=PAGE_TIMEOUT)
        _wait_for_page(page, 0)
        started = set(_kernels(ws.process.pid))
        for step in range(1, len(STEP_NOTEBOOKS)):
            _follow_step_bar(page, step)
            started |= set(_kernels(ws.process.pid))
        page.screenshot(path=str(tmp_path / "step5.png"))
        assert len(started) >= len(STEP_NOTEBOOKS), f"one kernel a page load: {sorted(started)}"
        running = _kernels(ws.process.pid)
        left = _wait_until_at_most(running, 1, time.monotonic() + SHUTDOWN_DEADLINE)
        refused = [line for line in ws.server_log().splitlines()
                   if re.search(r"\b403 POST /voila/api/shutdown/", line)]
        assert len(left) <= 1, (f"{len(left)} kernels still run {SHUTDOWN_DEADLINE:.0f} s after leaving their pages "
                                f"(of {len(started)} started); refused shutdowns: {refused[:3]}")
        assert not refused, refused[:3]
        # the one left is the current page's (the newest), which still works
        assert left == running[-1:], (left, running)
        assert page.locator(".rtplan-stepbar .rtplan-current").inner_text().startswith("5")
