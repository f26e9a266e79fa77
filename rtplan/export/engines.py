"""PDF engines: WeasyPrint (pip-installable, no browser) and Chromium-family browsers.

``auto`` takes WeasyPrint when it imports, otherwise a browser found by
:func:`find_browser`. The browser is driven headless through playwright with its
``executable_path`` (no browser download); as root it gets ``--no-sandbox``.
Chromium ignores CSS page-margin boxes, so its header and ``Halaman x dari y``
footer come from the print header/footer templates instead.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil

from rtplan.exceptions import RtplanError
from rtplan.messages import t

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
        return bytes(HTML(string=html, base_url=base_url).write_pdf())
    return _chromium_pdf(html, header, lang)


def _chromium_pdf(html: str, header: str, lang: str) -> bytes:
    from playwright.sync_api import sync_playwright

    browser_path = find_browser()
    args = ["--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    style = "font-family:'DejaVu Sans',sans-serif;font-size:8.5pt;color:#333;width:100%;"
    head = f'<div style="{style}margin:0 16mm 0 18mm;">{html_lib.escape(header)}</div>'
    foot = (f'<div style="{style}text-align:right;margin:0 16mm 0 18mm;">{html_lib.escape(t("doc.page", lang))} '
            f'<span class="pageNumber"></span> {html_lib.escape(t("doc.of", lang))} '
            f'<span class="totalPages"></span></div>')
    # old and new Chromium differ on CSS page-margin boxes: use the print templates only
    html = re.sub(r"@(?:top|bottom)-(?:left|center|right)\s*\{[^}]*\}", "", html)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=args, headless=True)
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            return page.pdf(format="A4", print_background=True, display_header_footer=True,
                            header_template=head, footer_template=foot, prefer_css_page_size=True,
                            margin={"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "16mm"})
        finally:
            browser.close()
