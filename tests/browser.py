"""Real-browser helpers: JupyterLab / Voila on 127.0.0.1 and Debian's Chromium via playwright.

Each server runs with a free port, a random token, temporary config/runtime/data
dirs and ``--allow-root`` when root, so nothing on the machine leaks in or out.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def browser_path() -> str | None:
    """A Chromium-family browser: ``RTPLAN_BROWSER`` or one on PATH."""
    env = os.environ.get("RTPLAN_BROWSER")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "microsoft-edge"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    token: str
    root: Path
    process: subprocess.Popen[bytes]
    log: Path

    def page_url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def notebook_url(self, name: str, timeout: float = 120) -> str:
        """The JupyterLab address of notebook ``name`` (in the server's root), its kernel already started.

        The Python kernel is started for the notebook through the server's sessions API, and
        its start awaited, before the page opens it: JupyterLab then connects to that kernel.
        Opened cold on a loaded machine, JupyterLab could ask "Select Kernel" before it had the
        kernel list, with "No Kernel" preselected, and leave every cell unrun.
        """
        body = json.dumps({"path": name, "name": name, "type": "notebook", "kernel": {"name": "python3"}})
        request = urllib.request.Request(self.page_url("/api/sessions"), data=body.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # returns once the kernel is started
            assert resp.status in (200, 201), resp.status
        return self.page_url(f"/lab/tree/{name}")


@contextlib.contextmanager
def jupyter_server(root: Path, app: str = "lab", timeout: float = 90) -> Iterator[Server]:
    """Start ``jupyter lab`` (or ``voila``) serving ``root``; stop it afterwards."""
    port, token = free_port(), secrets.token_hex(16)
    home = root.parent / f".jupyter-{app}-{port}"
    for sub in ("config", "runtime", "data", "workspaces", "settings"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    # JupyterLab's own setting: start the notebook's preferred kernel (Python) instead of asking
    # "Select Kernel" when, on a loaded machine, it opens the notebook before it has the kernel list
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"autoStartDefaultKernel": true}', encoding="utf-8")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTER_PLATFORM_DIRS="1", MPLBACKEND="Agg",
               PYTHONPATH=str(ROOT), JUPYTER_NO_CONFIG="1")
    root_flag = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    if app == "lab":
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}", f"--LabApp.user_settings_dir={home / 'settings'}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.news_url=None", *root_flag]
    else:
        # Voila is not a Jupyter server app: no --allow-root (it refuses unknown flags); its token is Voila.token
        cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
               f"--Voila.root_dir={root}", f"--Voila.token={token}"]
    log = home / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", token, root, proc, log)
    try:
        deadline = time.monotonic() + timeout
        status = "/api/status" if app == "lab" else "/"
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{app} exited: {log.read_text(errors='replace')[-3000:]}")
            try:
                with urllib.request.urlopen(server.page_url(status), timeout=5) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{app} did not start: {log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def chromium_page(width: int = 1400, height: int = 1000) -> Iterator[object]:
    """A playwright page in Debian's Chromium (skips when no browser is installed)."""
    path = browser_path()
    if path is None:
        pytest.skip("no Chromium-family browser installed (apt-get install chromium)")
    with chromium(path) as (_, browser):
        context = browser.new_context(viewport={"width": width, "height": height})
        yield context.new_page()


@contextlib.contextmanager
def chromium(path: str) -> Iterator[tuple[object, object]]:
    """``(playwright, browser)``: Debian's Chromium at ``path``, headless, nothing fetched in the
    background, ``--no-sandbox`` only as root; closed afterwards."""
    from playwright.sync_api import sync_playwright

    args = ["--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=args, headless=True)
        try:
            yield pw, browser
        finally:
            browser.close()


DIALOG_LOG: list[str] = []


def accept_dialogs(page) -> None:  # type: ignore[no-untyped-def]
    """Accept any JupyterLab dialog, noting its text.

    On a loaded machine JupyterLab may open the notebook before it has the kernel list
    and ask "Select Kernel" with "No Kernel" preselected; accepting that would leave
    every cell unrun, so Python is chosen first.
    """
    for _ in range(3):
        dialog = page.locator(".jp-Dialog")
        if not dialog.count():
            return
        DIALOG_LOG.append(dialog.first.inner_text())
        # "Select Kernel" (the server was slow to list kernels): pick Python, not "No Kernel"
        select = dialog.locator("select")
        if select.count():
            options = select.first.locator("option").all_inner_texts()
            python = next((o for o in options if "Python" in o), None)
            if python:
                select.first.select_option(label=python)
        accept = dialog.locator(".jp-Dialog-button.jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")
        page.wait_for_timeout(500)


_LAB_STATE = """n => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
    if (prompts.length >= n && prompts.every(p => /\\[\\d+\\]/.test(p.textContent))) return 'done';
    return prompts.some(p => /\\[\\*\\]/.test(p.textContent)) ? 'running' : 'idle';
}"""
"""The code cells' state in JupyterLab: every one run ('done'), some queued or running, or 'idle'."""


def run_all_cells_in_lab(page, notebook_cells: int, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    """Run all cells once the kernel is really connected, and wait until each has run.

    Waiting only for the "idle" indicator races the kernel: Run All can then leave
    cells unrun. So: wait for the notebook and a kernel that answers, run all from
    the menu, and check every code cell got an execution number; retry if not.
    """
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout * 1000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], "
                           "[data-status='idle']", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while True:
        accept_dialogs(page)
        try:
            page.click(".lm-MenuBar-itemLabel:text-is('Run')", timeout=10000)
            page.click("li[data-command='runmenu:run-all']", timeout=10000)
            # Run All took effect: every cell has run, or some are queued or running ("[*]")
            page.wait_for_function(f"n => ({_LAB_STATE})(n) !== 'idle'", arg=notebook_cells, timeout=30000)
            # then wait for the queue to drain, never pressing Run All again meanwhile: a second
            # Run All while a slow notebook (charts, a loaded machine) still runs starts it over
            page.wait_for_function(f"n => ({_LAB_STATE})(n) !== 'running'", arg=notebook_cells,
                                   timeout=max(1000.0, (deadline - time.monotonic()) * 1000))
            if page.evaluate(f"n => ({_LAB_STATE})(n)", notebook_cells) == "done":
                return
            raise AssertionError("Run All left cells unrun")
        except Exception as exc:
            if time.monotonic() > deadline:
                raise AssertionError(f"cells did not all run; dialogs seen: {DIALOG_LOG}") from exc
            page.keyboard.press("Escape")


# -- rtplan workshop (issue 13) ---------------------------------------------------------

_URL = re.compile(r"http://[^\s]+")


@dataclass
class Workshop:
    """A running ``rtplan workshop``: ``url`` is the first page's address as printed."""

    url: str
    process: subprocess.Popen[str]
    plan: Path
    home: Path
    output: list[str]
    log: Path

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return self.url.split("/voila/", 1)[0]

    @property
    def token(self) -> str:
        """The secret token of the printed address (``?token=``)."""
        from urllib.parse import parse_qs, urlsplit

        return parse_qs(urlsplit(self.url).query).get("token", [""])[0]

    def step_url(self, step: int, token: bool = True) -> str:
        """The page of step 0-5, with the printed address's token (as the step bar's links after the
        first page: the browser then has its login cookie) unless ``token=False``."""
        from urllib.parse import quote

        from rtplan.workshop import STEP_NOTEBOOKS

        url = f"{self.base}/voila/render/{STEP_NOTEBOOKS[step]}"
        return f"{url}?token={quote(self.token, safe='')}" if token else url

    def stop(self, sig: int = signal.SIGINT, timeout: float = 60) -> int:
        """Stop it as a facilitator would (Ctrl-C) and return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
            raise

    def server_log(self) -> str:
        """The command's stderr and Voila's log (for a failure message)."""
        voila = self.home / "voila.log"
        return (self.log.read_text(errors="replace") + "\n--- voila.log ---\n"
                + (voila.read_text(errors="replace") if voila.exists() else ""))


@contextlib.contextmanager
def workshop_server(plan: Path, *extra_args: str, timeout: float = 120) -> Iterator[Workshop]:
    """Run ``rtplan workshop PLAN --no-browser --port <free> *extra_args`` and yield it once it
    printed its address; stop it with SIGINT afterwards (whatever is left is killed).

    The recent-plans state goes to a temporary ``RTPLAN_CONFIG_DIR`` and Jupyter's dirs to
    temporary folders beside the plan, so nothing on the machine is read or changed.
    """
    plan = Path(plan)
    near = next(p for p in plan.absolute().parents if p.is_dir())  # the plan folder may not exist yet
    home = Path(tempfile.mkdtemp(prefix="rtplan-ws-", dir=near))
    for sub in ("config", "runtime", "data", "rtplan"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTER_PLATFORM_DIRS="1", RTPLAN_CONFIG_DIR=str(home / "rtplan"),
               PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", RTPLAN_WORKSHOP_LOG_DIR=str(home))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    args = list(extra_args)
    if "--port" not in args and not any(a.startswith("--port=") for a in args):
        args += ["--port", str(free_port())]
    cmd = [sys.executable, "-m", "rtplan", "workshop", str(plan), "--no-browser", *args]
    log = home / "workshop.log"  # the command's stderr; Voila's own log is home / "voila.log"
    output: list[str] = []
    found = threading.Event()
    with open(log, "wb") as err:
        # started in the temporary home: the documents it makes go to home/exports, never the project's
        proc = subprocess.Popen(cmd, cwd=home, env=env, stdout=subprocess.PIPE, stderr=err, text=True,
                                start_new_session=True)

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line.rstrip("\n"))
            if _URL.search(line):
                found.set()
        found.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not found.wait(timeout) or not any(_URL.search(line) for line in output):
            raise RuntimeError(f"rtplan workshop printed no address: {output}\n{log.read_text(errors='replace')}")
        url = next(m.group(0) for line in output if (m := _URL.search(line)))
        yield Workshop(url, proc, plan, home, output, log)
    finally:
        ws_stop = Workshop("", proc, plan, home, output, log)
        with contextlib.suppress(subprocess.TimeoutExpired):
            ws_stop.stop()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        reader.join(timeout=5)
