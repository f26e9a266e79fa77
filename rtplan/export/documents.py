"""The document pipeline: inject the plan, execute the notebook, export, print.

``build_document`` is what ``rtplan handout`` and ``rtplan report`` call:

1. read the document notebook and set its one ``parameters`` cell (papermill style),
2. execute it with nbclient in this Python environment (SVG charts, fixed dates so
   the output is deterministic),
3. convert it with :class:`~rtplan.export.exporters.RtplanHTMLExporter`,
4. print it to PDF with WeasyPrint or a Chromium-family browser, or keep the HTML,
5. write the file atomically (a failed run never leaves half a document).
"""

from __future__ import annotations

import copy
import os
import subprocess
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.storage import atomic_write

Progress = Callable[[str], None]
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

SETUP_SOURCE = (
    "import matplotlib\n"
    "matplotlib.rcParams['svg.hashsalt'] = 'rtplan'"
)
# matplotlib writes this date into SVG metadata; a fixed one keeps outputs byte-stable
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01


class DocumentError(RtplanError):
    """Raised when a document notebook cannot be executed or converted."""


@dataclass(frozen=True)
class Document:
    """What was built: the file, its format, the PDF engine used (``None`` for HTML)."""

    path: Path
    fmt: str
    engine: str | None


def area_header(plan: Plan, lang: str) -> str:
    """The running header of a document: ``RT 05 / RW 03 · Kel. Sukamaju · Kota Semarang``."""
    area = plan.area
    parts = [f"RT {area.get('rt', '')} / RW {area.get('rw', '')}"]
    if area.get("kelurahan"):
        parts.append(f"Kel. {area['kelurahan']}")
    if area.get("kecamatan"):
        parts.append(f"Kec. {area['kecamatan']}")
    if area.get("city"):
        parts.append(area["city"])
    return " · ".join(parts)


def inject_parameters(nb: nbformat.NotebookNode, params: Mapping[str, Any]) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose ``parameters`` cell assigns ``params`` (other names kept)."""
    nb = copy.deepcopy(nb)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise DocumentError(f"{nb.metadata.get('name', 'notebook')}: one cell tagged 'parameters' is needed")
    cell = cells[0]
    assigned = {k for k in params}
    kept = [line for line in cell.source.splitlines()
            if not any(line.replace(" ", "").startswith(f"{k}=") for k in assigned)]
    cell.source = "\n".join(kept + [f"{k} = {v!r}" for k, v in params.items()])
    return nb


PRINT_DPI = 200


def execute(nb: nbformat.NotebookNode, cwd: Path, lang: str, timeout: int = 600,
            png_dpi: int | None = None) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel; a failing cell becomes a :class:`DocumentError`.

    ``png_dpi`` sets the resolution of the charts' PNG (for print)."""
    source = SETUP_SOURCE + (f"\nimport rtplan.charts\nrtplan.charts.PNG_DPI = {int(png_dpi)}\n"
                             "rtplan.charts.SHOW_SVG = False" if png_dpi else "")
    setup = nbformat.v4.new_code_cell(source, metadata={"tags": ["rtplan-setup"]})
    nb.cells.insert(0, setup)
    env_backup = {k: os.environ.get(k) for k in ("SOURCE_DATE_EPOCH", "MPLBACKEND")}
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(cwd)}})
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as exc:
        raise DocumentError(cell_failure(exc, lang)) from exc
    except (CellTimeoutError, DeadKernelError) as exc:
        raise DocumentError(t("doc.kernel_failed", lang, error=exc)) from exc
    finally:
        for key, value in env_backup.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    nb.cells = [c for c in nb.cells if "rtplan-setup" not in c.get("metadata", {}).get("tags", [])]
    return nb


def cell_failure(exc: Exception, lang: str) -> str:
    """The message for a document cell that failed: plain words, no ANSI colour codes and
    no cell dump; the notebook's own error text goes to stderr only with ``RTPLAN_DEBUG=1``."""
    import re
    import sys

    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", str(exc)).strip()
    if os.environ.get("RTPLAN_DEBUG"):
        print(text, file=sys.stderr)
    return t("cli.doc.cell_failed", lang)


def print_config():  # type: ignore[no-untyped-def]
    """Exporter settings for print: charts as high-resolution PNG rather than SVG.

    WeasyPrint draws a hatched matplotlib SVG slowly (about 3 of the 5 seconds of a
    handout); a 200 dpi PNG prints as sharp on paper and takes a fraction of that.
    HTML documents keep SVG (vector, selectable text).
    """
    from traitlets.config import Config

    return Config({"NbConvertBase": {"display_data_priority": [
        "text/html", "text/markdown", "image/png", "image/jpeg", "image/svg+xml", "text/plain"]}})


def build_document(
    notebook: str | Path,
    plan: Plan,
    output: str | Path,
    params: Mapping[str, Any] | None = None,
    fmt: str = "pdf",
    engine: str = "auto",
    lang: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> Document:
    """Execute a document notebook on ``plan`` and write it as PDF or HTML.

    Parameters
    ----------
    notebook : the document notebook (one ``parameters`` cell with ``PLAN`` and ``LANG``).
    plan : the loaded plan (its folder is injected as ``PLAN``).
    output : the file to write (``.pdf`` or ``.html``).
    params : more parameters to inject (e.g. ``MEETING``, ``MASK_NAMES``).
    fmt : ``"pdf"`` or ``"html"``.
    engine : ``"auto"``, ``"weasyprint"`` or ``"chromium"`` (PDF only).
    lang : document language (default: the plan's).
    progress : called with a line of text at each stage.
    """
    from rtplan.export.engines import choose_engine, html_to_pdf
    from rtplan.export.exporters import RtplanHTMLExporter

    lang = normalize_lang(lang or plan.lang)
    say = progress or (lambda _msg: None)
    notebook = Path(notebook)
    output = Path(output)
    chosen = choose_engine(engine, lang) if fmt == "pdf" else None  # fail early, before the slow part
    nb = nbformat.read(notebook, as_version=4)
    nb = inject_parameters(nb, {"PLAN": str(Path(plan.path).resolve()), "LANG": lang, **dict(params or {})})
    say(t("doc.stage_execute", lang, notebook=notebook.name))
    # the kernel runs in its own process: load the PDF engine meanwhile (about a second)
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(execute, nb, notebook.parent, lang, png_dpi=PRINT_DPI if fmt == "pdf" else None)
        if chosen == "weasyprint":
            import weasyprint  # noqa: F401
        nb = running.result()
    nb.metadata["rtplan"] = {"title": title or plan.title, "header": area_header(plan, lang), "lang": lang}
    say(t("doc.stage_html", lang))
    exporter = RtplanHTMLExporter(config=print_config() if fmt == "pdf" else None)
    html, _ = exporter.from_notebook_node(nb, {"metadata": {"path": str(notebook.parent)}})
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        atomic_write(output, html.encode("utf-8"))
        return Document(output, "html", None)
    say(t("doc.stage_pdf", lang, engine=chosen))
    pdf = html_to_pdf(html, engine=chosen or "auto", header=area_header(plan, lang), lang=lang,
                      base_url=str(notebook.parent))
    atomic_write(output, pdf)
    return Document(output, "pdf", chosen)
