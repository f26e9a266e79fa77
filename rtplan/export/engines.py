"""PDF engines: WeasyPrint (pip-installable, no browser) and Chromium-family browsers.

``auto`` takes WeasyPrint when it imports, otherwise a browser found by
:func:`find_browser`. The browser is driven headless through playwright with its
``executable_path`` (no browser download); as root it gets ``--no-sandbox``.
Chromium ignores CSS page-margin boxes, so its header and ``Halaman x dari y``
footer come from the print header/footer templates instead.

Defence in depth (the HTML is already escaped by :mod:`rtplan.render`): the browser
prints with JavaScript disabled and offline, and WeasyPrint fetches nothing but
``data:`` URLs (the charts) and files inside rtplan's own package.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rtplan import config
from rtplan.exceptions import RtplanError
from rtplan.export.pages import PartPrinter

# the catalogue and the templates are imported where they are used: the PDF engine's own
# process (:func:`serve`) needs neither to print with WeasyPrint, and starts sooner without them

ENGINES = ("auto", "weasyprint", "chromium")
CHILD_ENV = config.env_name("pdf_engine_process")  # set in the environment of the PDF engine's own process
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge",
             "microsoft-edge-stable", "chrome")


class EngineError(RtplanError):
    """Raised when the chosen PDF engine is not available on this machine."""


def find_browser() -> str | None:
    """A Chromium-family browser: ``RTPLAN_BROWSER`` or the first on PATH."""
    env = config.from_env().browser
    if env:
        return env if (os.path.exists(env) or shutil.which(env)) else None
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def weasyprint_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except Exception:  # ImportError, or OSError when Pango is missing
        return False
    return True


def weasyprint_installed() -> bool:
    """Whether WeasyPrint is installed (without importing it: that takes about a second)."""
    import importlib.util

    return importlib.util.find_spec("weasyprint") is not None


def choose_engine(engine: str = "auto", lang: str = "id",
                  has_weasyprint: Callable[[], bool] = weasyprint_available) -> str:
    """The engine to use: ``engine`` itself when available, or the best one for ``auto``.

    ``has_weasyprint`` says whether WeasyPrint works here (default: import it and see;
    :func:`weasyprint_installed` is the quick check made before a document runs)."""
    from rtplan.messages import t

    engine = (engine or config.from_env().pdf_engine or "auto").lower()
    if engine not in ENGINES:
        raise EngineError(t("doc.engine_unknown", lang, engine=engine, engines=", ".join(ENGINES)))
    if engine in ("auto", "weasyprint") and has_weasyprint():
        return "weasyprint"
    if engine in ("auto", "chromium") and find_browser():
        return "chromium"
    raise EngineError(t("doc.engine_missing", lang, engine=engine))


def html_to_pdf(html: str, engine: str = "auto", header: str = "", lang: str = "id", base_url: str = ".",
                parts: PartPrinter | None = None) -> bytes:
    """Print an HTML document to A4 PDF bytes with the chosen engine.

    With ``parts`` (WeasyPrint only), the layout of the document's parts that did not
    change since ``parts``' last prints is reused (:mod:`rtplan.export.pages`)."""
    chosen = choose_engine(engine, lang)
    if chosen == "weasyprint":
        import logging

        from weasyprint import HTML

        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)

        def render(text: str) -> Any:
            return HTML(string=text, base_url=base_url, url_fetcher=safe_url_fetcher()).render()

        if parts is not None:
            return parts.print(html, base_url, render)
        return bytes(render(html).write_pdf())
    return _chromium_pdf(html, header, lang)


_PACKAGE = Path(__file__).resolve().parents[1]


class FetchRefused(RtplanError):
    """A document asked WeasyPrint for a resource rtplan does not serve."""


def _check_url(url: str) -> None:
    """Refuse any URL but ``data:`` and files inside the rtplan package."""
    if url.startswith("data:"):
        return
    if url.startswith("file:"):
        from urllib.parse import unquote, urlparse

        path = Path(unquote(urlparse(url).path)).resolve()
        if path.is_relative_to(_PACKAGE):
            return
    raise FetchRefused(f"rtplan documents fetch no external resources: {url[:80]}")


def safe_url_fetcher() -> Any:
    """WeasyPrint's fetcher limited to ``data:`` URLs (the charts) and files inside rtplan.

    Anything else (http, a file such as ``/etc/passwd``) is refused: WeasyPrint leaves
    the resource out and prints the rest. WeasyPrint 68+ takes a ``URLFetcher``
    object, older versions a function.
    """
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint < 68
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            _check_url(url)
            return default_url_fetcher(url, *args, **kwargs)

        return fetch

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            _check_url(url)
            return super().fetch(url, headers)

    return SafeFetcher(allowed_protocols=("data", "file"))


def _chromium_pdf(html: str, header: str, lang: str) -> bytes:
    from playwright.sync_api import sync_playwright

    browser_path = find_browser()
    args = ["--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    style = "font-family:'DejaVu Sans',sans-serif;font-size:8.5pt;color:#333;width:100%;"
    from rtplan.messages import t
    from rtplan.render import render

    head = render("chromium_header.html.j2", style=style, header=header)
    foot = render("chromium_footer.html.j2", style=style, page_word=t("doc.page", lang), of_word=t("doc.of", lang))
    # old and new Chromium differ on CSS page-margin boxes: use the print templates only
    html = re.sub(r"@(?:top|bottom)-(?:left|center|right)\s*\{[^}]*\}", "", html)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=args, headless=True)
        try:
            # no script runs and nothing is fetched, whatever the HTML holds
            context = browser.new_context(java_script_enabled=False, offline=True)
            page = context.new_page()
            page.set_content(html, wait_until="load")
            return page.pdf(format="A4", print_background=True, display_header_footer=True,
                            header_template=str(head), footer_template=str(foot), prefer_css_page_size=True,
                            margin={"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "16mm"})
        finally:
            browser.close()


class PdfPrinter:
    """The PDF engine, ready in a child process while the document runs.

    Importing WeasyPrint takes about a second and printing two more; a child Python
    process (``python -m rtplan.export.engines``) loads it on the second core while
    this one executes the notebook. Kept open (a
    :class:`~rtplan.documents.build.DocumentSession`), it prints every later build
    with everything loaded. It talks over its stdin/stdout (length-prefixed pickles
    between this process and its own child). If the child cannot start or dies,
    printing happens in this process.
    """

    def __init__(self) -> None:
        import subprocess
        import sys

        self._child: subprocess.Popen[bytes] | None = None
        self._ready: bool | None = None
        try:
            env = {**os.environ, CHILD_ENV: "1"}  # it needs no nbformat: see rtplan.export
            self._child = subprocess.Popen([sys.executable, "-m", "rtplan.export.engines"], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        except OSError:  # no processes allowed here: print in this process
            self._child = None

    def _ask(self, request: tuple[Any, ...]) -> Any:
        assert self._child is not None
        assert self._child.stdin
        assert self._child.stdout
        _send(self._child.stdin, request)
        ok, value = _receive(self._child.stdout)
        if not ok:
            raise value
        return value

    def _lost(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child.wait()
        self._child = None

    def has_weasyprint(self) -> bool:
        """Whether WeasyPrint works (asked of the child, which imports it once)."""
        if self._ready is None:
            if self._child is not None:
                try:
                    self._ready = bool(self._ask(("ready",)))
                except (OSError, EOFError):
                    self._lost()
            if self._ready is None:
                self._ready = weasyprint_available()
        return self._ready

    def print(self, html: str, engine: str, header: str, lang: str, base_url: str) -> bytes:
        """:func:`html_to_pdf` in the child (or here when there is none)."""
        if self._child is not None:
            try:
                return bytes(self._ask(("print", html, engine, header, lang, base_url)))
            except (OSError, EOFError):
                self._lost()
        return html_to_pdf(html, engine=engine, header=header, lang=lang, base_url=base_url)

    def close(self) -> None:
        """Let the child process end (it does at the end of its input; nobody waits for it)."""
        import subprocess

        if self._child is not None:
            assert self._child.stdin is not None
            try:
                self._child.stdin.close()
                self._child.wait(timeout=0.05)
            except subprocess.TimeoutExpired:  # still exiting: it ends on its own
                pass
            except (OSError, ValueError):
                self._lost()
            self._child = None


def _send(stream: Any, message: object) -> None:
    import pickle

    data = pickle.dumps(message)
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def _receive(stream: Any) -> Any:
    import pickle

    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("the PDF engine's process ended")
    size = int.from_bytes(head, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the PDF engine's process ended")
    return pickle.loads(data)  # from our own child or parent process


def serve() -> None:
    """The child of :class:`PdfPrinter`: load WeasyPrint, then print what the parent sends."""
    import sys

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but replies on the pipe
    ready = weasyprint_available()
    parts = PartPrinter()  # this process prints every build of a session: unchanged parts are not laid out again
    while True:
        try:
            request = _receive(inp)
        except EOFError:
            return
        try:
            if request[0] == "ready":
                reply: tuple[bool, object] = (True, ready)
            else:
                _, html, engine, header, lang, base_url = request
                reply = (True, html_to_pdf(html, engine, header, lang, base_url, parts=parts))
        except Exception as exc:  # sent back and raised in the parent
            reply = (False, exc)
        _send(out, reply)


if __name__ == "__main__":
    serve()
