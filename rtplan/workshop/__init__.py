"""Workshop mode (``rtplan workshop``): the step notebooks served as code-free pages by Voila.

The launcher is plain logic so it can be tested without a server: :func:`voila_command`
and :func:`voila_env` build the child process (the project's own Python,
``-m rtplan.workshop.voila_app``: Voila with one prelaunch hook so that a page left
stops its kernel, the rtplan Voila template shipped in this package, 127.0.0.1, a secret
token, nothing from the internet), :func:`free_port` picks a port, and :func:`serve`
starts Voila, waits until it answers, prints the address, and stops it (and its
kernels) on Ctrl-C or SIGTERM.

Who may open the pages (see :mod:`rtplan.workshop.voila_app`): the address printed (and
opened in the browser) carries a fresh secret token (``?token=``), which gives that
browser its login cookie; anything else (another local user, a web page in another tab,
a DNS-rebinding site) is refused by Jupyter Server's own token, Host and Origin checks.
At most :data:`~rtplan.workshop.voila_app.MAX_KERNELS` kernels live at once.

The plan reaches the kernels through the environment: ``RTPLAN_PLAN`` (an absolute
path, which may not exist yet: the first page then offers to create it),
``RTPLAN_LANG`` and ``RTPLAN_WORKSHOP=1``; with ``--room`` also ``RTPLAN_ROOM_URL`` and
``RTPLAN_ROOM_TOKEN``. :class:`rtplan.ui.workshop.StepHeader` reads them.

Why a Voila template rather than a stylesheet injected by a widget: the template is
applied before the first paint (no flash of 13 px type), it can leave out what a
widget cannot reach (the English lines of the bilingual markdown, the CDN links of
Voila's own template, the markdown cells' input-area markup), and it renders cell
errors as one plain sentence instead of a traceback.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rtplan import config

STEP_NOTEBOOKS = (
    "00_profil_peserta.ipynb",
    "01_kebutuhan.ipynb",
    "02_sumber_daya.ipynb",
    "03_jadwal.ipynb",
    "04_pemantauan.ipynb",
    "05_handout.ipynb",
)
"""The step notebooks, step 0 to 5, in ``notebooks/``."""

CULL_IDLE_SECONDS = 300
"""A kernel no page is connected to is stopped after this many idle seconds."""

VOILA_MODULE = "rtplan.workshop.voila_app"
"""Run as ``python -m``: Voila plus the prelaunch hook that lets a page left stop its kernel."""

TEMPLATE = "rtplan"
"""The Voila template (in :data:`SHARE_DIR`) ``voila/templates/rtplan``."""

SHARE_DIR = Path(__file__).parent / "share"
"""Put on ``JUPYTER_PATH`` so Voila finds the template."""

NOTEBOOKS_ENV = config.env_name("notebooks")
"""Environment variable naming another folder of step notebooks."""

ENV_PLAN, ENV_LANG, ENV_WORKSHOP = config.env_name("plan"), config.env_name("lang"), config.env_name("workshop")
ENV_ROOM_URL, ENV_ROOM_TOKEN = config.env_name("room_url"), config.env_name("room_token")
ENV_WORKDIR = config.env_name("workdir")
ENV_TOKEN = config.env_name("workshop_token")
"""Hands the token to the Voila process (``rtplan.workshop.voila_app`` removes it before kernels start)."""
LOG_ENV = config.env_name("workshop_log_dir")
"""When set, Voila's log is kept there as ``voila.log`` (otherwise in a temporary folder)."""

# nbconvert filters the template uses (see rtplan.render.filters); the launcher registers them
FILTERS = {
    "rtplan_markdown": "rtplan.render.filters.markdown_for_lang",
    "rtplan_cell_error": "rtplan.render.filters.cell_error",
    "rtplan_explain_title": "rtplan.render.filters.explain_title",
    "rtplan_explain_body": "rtplan.render.filters.explain_body",
}


class WorkshopError(Exception):
    """The workshop could not start (the message says why, in the user's language)."""


def notebooks_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder holding the step notebooks: ``RTPLAN_NOTEBOOKS`` or ``notebooks/`` beside the package."""
    folder = config.from_env(env).notebooks
    if folder:
        return Path(folder).resolve()
    return Path(__file__).resolve().parent.parent.parent / "notebooks"


def missing_notebooks(folder: Path) -> list[str]:
    """The step notebooks not found in ``folder``."""
    return [name for name in STEP_NOTEBOOKS if not (folder / name).is_file()]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on ``host`` now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


@dataclass(frozen=True)
class Workshop:
    """One workshop: which plan, language, first step, and where it is served."""

    plan: Path
    lang: str
    port: int
    step: int = 0
    host: str = "127.0.0.1"
    notebooks: Path = field(default_factory=notebooks_dir)
    workdir: Path = field(default_factory=Path.cwd)
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    """The secret in the printed address: whoever has it may use the pages (a new one each start)."""

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def step_url(self, step: int | None = None, token: bool = True) -> str:
        """The page of ``step`` (default: the first step to open), with the token unless ``token=False``."""
        number = self.step if step is None else step
        url = f"{self.base_url}/voila/render/{STEP_NOTEBOOKS[number]}"
        return f"{url}?token={quote(self.token, safe='')}" if token else url


def voila_command(ws: Workshop, python: str | None = None) -> list[str]:
    """The command that serves ``ws.notebooks`` with Voila from this Python environment."""
    cmd = [
        # Voila with rtplan's prelaunch hook (the page gets the _xsrf cookie its unload shutdown needs)
        python or sys.executable, "-m", VOILA_MODULE, "--no-browser",
        f"--port={ws.port}", "--Voila.port_retries=0", f"--Voila.ip={ws.host}",
        f"--Voila.root_dir={ws.notebooks}",
        f"--template={TEMPLATE}", "--theme=light",
        # errors reach the template with their name, which shows one plain sentence (never a traceback)
        "--show_tracebacks=True",
        # nothing from the notebooks folder is served as a file
        "--VoilaConfiguration.file_allowlist=[]",
        # a page left (another step opened) stops its kernel (Voila's shutdown beacon, see voila_app); the
        # culler is the safety net for pages that never said goodbye (browser crashed, laptop slept):
        # kernels no page is connected to are stopped after 5 idle minutes
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
    ]
    cmd += [f"--VoilaExporter.filters={name}={target}" for name, target in FILTERS.items()]
    return cmd


def voila_env(ws: Workshop, base: Mapping[str, str] | None = None, room_url: str | None = None,
              room_token: str | None = None) -> dict[str, str]:
    """The environment of the Voila server and (inherited) its kernels."""
    env = dict(os.environ if base is None else base)
    jupyter_path = [str(SHARE_DIR)]
    if env.get("JUPYTER_PATH"):
        jupyter_path.append(env["JUPYTER_PATH"])
    env.update({
        ENV_PLAN: str(ws.plan), ENV_LANG: ws.lang, ENV_WORKSHOP: "1", ENV_TOKEN: ws.token,
        # the kernels work where the command was started (exports/ there, as the CLI), not in notebooks/
        ENV_WORKDIR: str(ws.workdir),
        "JUPYTER_PATH": os.pathsep.join(jupyter_path),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "PYTHONUNBUFFERED": "1",
    })
    # the package must be importable by the kernels even when run from a source tree
    package_root = str(Path(__file__).resolve().parent.parent.parent)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if package_root not in paths:
        env["PYTHONPATH"] = os.pathsep.join([package_root, *paths])
    env.pop(ENV_ROOM_URL, None)
    env.pop(ENV_ROOM_TOKEN, None)
    if room_url:
        env[ENV_ROOM_URL] = room_url
    if room_token:
        env[ENV_ROOM_TOKEN] = room_token
    return env


def can_open_browser(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a browser window can be opened here (a desktop, not a bare SSH session)."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 120,
                  poll: float = 0.25) -> bool:
    """Wait until ``url`` answers (True) or the process ends / time runs out (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(poll)
    return False


def descendants(pid: int) -> list[int]:
    """The process ids below ``pid`` (Linux ``/proc``; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    proc_dir = Path("/proc")
    if not proc_dir.is_dir():
        return []
    for entry in proc_dir.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        if stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def stop_process_tree(proc: subprocess.Popen[bytes], grace: float = 15) -> None:
    """Stop Voila: SIGTERM (it shuts its kernels down), then SIGKILL whatever is left below it."""
    below = descendants(proc.pid)
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            proc.wait(timeout=10)
    deadline = time.monotonic() + 5
    for pid in below:  # kernels that outlived their server
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    left = [pid for pid in below if _alive(pid)]
    for pid in left:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in left) and time.monotonic() < deadline:
        time.sleep(0.05)


class Stop(Exception):
    """SIGTERM arrived: stop like Ctrl-C."""


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM (and SIGINT, Ctrl-C, even when started with it ignored, as a shell does
    for a background job) into :class:`Stop` while the workshop runs (main thread only)."""
    def handler(signum: int, frame: object) -> None:
        raise Stop

    try:
        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@dataclass
class Running:
    """A started Voila server."""

    workshop: Workshop
    process: subprocess.Popen[bytes]
    log: Path


def start_voila(ws: Workshop, env: Mapping[str, str], log_dir: Path, timeout: float = 120) -> Running:
    """Start Voila for ``ws`` and wait until its pages answer; :class:`WorkshopError` if it does not."""
    log = log_dir / "voila.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(voila_command(ws), cwd=ws.notebooks, env=dict(env), stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        up = wait_until_up(f"{ws.base_url}/?token={quote(ws.token, safe='')}", proc, timeout)
    except BaseException:  # Ctrl-C or SIGTERM while starting
        stop_process_tree(proc)
        raise
    if not up:
        stop_process_tree(proc)
        raise WorkshopError(log.read_text(errors="replace")[-2000:])
    return Running(ws, proc, log)


def serve(ws: Workshop, *, open_browser: bool, say: Callable[[str], None], lines: Sequence[str] = (),
          room: Any = None, env: Mapping[str, str] | None = None,
          opener: Callable[[str], object] | None = None) -> int:
    """Run the workshop until Ctrl-C or SIGTERM; 0 when stopped that way, 2 when Voila ends by itself.

    ``say(text)`` prints one line (flushed); ``lines`` are said once the pages answer
    (the address first). ``room``: a started room handle, stopped (``.stop()``) on exit.
    """
    keep = config.from_env(env).workshop_log_dir
    with contextlib.ExitStack() as stack:
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
        log_dir = keep or stack.enter_context(tempfile.TemporaryDirectory(prefix="rtplan-workshop-"))
        running: Running | None = None
        with stop_on_sigterm():
            try:
                running = start_voila(ws, env if env is not None else voila_env(ws), Path(log_dir))
                for line in lines:
                    say(line)
                if open_browser:
                    import webbrowser

                    with contextlib.suppress(Exception):
                        (opener or webbrowser.open)(ws.step_url())
                while running.process.poll() is None:
                    time.sleep(0.3)
                return 2
            except (KeyboardInterrupt, Stop):
                return 0
            finally:
                # a second Ctrl-C (or SIGTERM) while stopping must not leave kernels behind
                previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
                try:
                    if running is not None:
                        stop_process_tree(running.process)
                    if room is not None:
                        with contextlib.suppress(Exception):
                            room.stop()
                finally:
                    for sig, old in previous.items():
                        signal.signal(sig, old)
