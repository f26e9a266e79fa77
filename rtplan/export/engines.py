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
from pathlib import Path
from typing import Any

from rtplan.exceptions import RtplanError
from rtplan.messages import t
from rtplan.render import render

ENGINES = ("auto", "weasyprint", "chromium")
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge",
             "microsoft-edge-stable", "chrome")


class EngineError(RtplanError):
    """Raised when the chosen PDF engine is not available on this machine."""


def find_browser() -> str | None:
    """A Chromium-family browser: ``RTPLAN_BROWSER`` or the first on PATH."""
    env = os.environ.get("RTPLAN_BROWSER")
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


def choose_engine(engine: str = "auto", lang: str = "id") -> str:
    """The engine to use: ``engine`` itself when available, or the best one for ``auto``."""
    engine = (engine or os.environ.get("RTPLAN_PDF_ENGINE") or "auto").lower()
    if engine not in ENGINES:
        raise EngineError(t("doc.engine_unknown", lang, engine=engine, engines=", ".join(ENGINES)))
    if engine in ("auto", "weasyprint") and weasyprint_available():
        return "weasyprint"
    if engine in ("auto", "chromium") and find_browser():
        return "chromium"
    raise EngineError(t("doc.engine_missing", lang, engine=engine))


def html_to_pdf(html: str, engine: str = "auto", header: str = "", lang: str = "id", base_url: str = ".") -> bytes:
    """Print an HTML document to A4 PDF bytes with the chosen engine."""
    chosen = choose_engine(engine, lang)
    if chosen == "weasyprint":
        import logging

        from weasyprint import HTML

        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        return bytes(HTML(string=html, base_url=base_url, url_fetcher=safe_url_fetcher()).write_pdf())
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
