"""The document pipeline: inject the plan, execute the notebook, export, print.

``build_document`` is what ``rtplan handout`` and ``rtplan report`` call:

1. read the document notebook and set its one ``parameters`` cell (papermill style),
2. execute its cells in this process (:mod:`rtplan.export.runners`; a fresh Jupyter
   kernel on request), charts as PNG for print or SVG for HTML, fixed dates so the
   output is deterministic,
3. convert it with :class:`~rtplan.export.exporters.RtplanHTMLExporter`,
4. print it to PDF with WeasyPrint or a Chromium-family browser, or keep the HTML (the
   engine loads in a child process meanwhile, :class:`DocumentSession`),
5. write the file atomically (a failed run never leaves half a document).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rtplan.export  # noqa: F401  # first, before nbformat loads jsonschema: see rtplan.export
from rtplan.config import from_env
from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.storage import atomic_write

if TYPE_CHECKING:
    import nbformat

Progress = Callable[[str], None]


class DocumentError(RtplanError):
    """Raised when a document notebook cannot be executed or converted."""


@dataclass(frozen=True)
class Document:
    """What was built: the file, its format, the PDF engine used (``None`` for HTML)."""

    path: Path
    fmt: str
    engine: str | None


def inject_parameters(nb: nbformat.NotebookNode, params: Mapping[str, Any]) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose ``parameters`` cell assigns ``params`` (other names kept)."""
    nb = copy.deepcopy(nb)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise DocumentError(f"{nb.metadata.get('name', 'notebook')}: one cell tagged 'parameters' is needed")
    cell = cells[0]
    assigned = set(params)
    kept = [line for line in cell.source.splitlines()
            if not any(line.replace(" ", "").startswith(f"{k}=") for k in assigned)]
    cell.source = "\n".join(kept + [f"{k} = {v!r}" for k, v in params.items()])
    return nb


PRINT_DPI = 200


def execute(nb: nbformat.NotebookNode, cwd: Path, lang: str, timeout: int = 600,
            png_dpi: int | None = None, runner: str = "inprocess") -> nbformat.NotebookNode:
    """Run every code cell (see :mod:`rtplan.export.runners`); a failure becomes a :class:`DocumentError`.

    ``png_dpi`` sets the resolution of the charts' PNG (for print); ``runner`` is
    ``"inprocess"`` (this process) or ``"kernel"`` (a fresh Jupyter kernel)."""
    from rtplan.export.runners import CellError, InProcessRunner, KernelFailed, KernelRunner

    chosen = KernelRunner(timeout) if runner == "kernel" else InProcessRunner()
    try:
        chosen.run(nb, str(cwd), png_dpi)
    except CellError as exc:
        raise DocumentError(cell_failure(exc, lang)) from exc
    except KernelFailed as exc:
        raise DocumentError(t("doc.kernel_failed", lang, error=exc)) from exc
    return nb


def cell_failure(exc: Exception, lang: str) -> str:
    """The message for a document cell that failed: plain words, no ANSI colour codes and
    no cell dump; the notebook's own error text goes to stderr only with ``RTPLAN_DEBUG=1``."""
    import re
    import sys

    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", str(exc)).strip()
    if from_env().debug:
        print(text, file=sys.stderr)
    return t("cli.doc.cell_failed", lang)


def print_config() -> Any:
    """Exporter settings for print: charts as high-resolution PNG rather than SVG.

    WeasyPrint draws a hatched matplotlib SVG slowly (about 3 of the 5 seconds of a
    handout); a 200 dpi PNG prints as sharp on paper and takes a fraction of that.
    HTML documents keep SVG (vector, selectable text).
    """
    from traitlets.config import Config

    return Config({"NbConvertBase": {"display_data_priority": [
        "text/html", "text/markdown", "image/png", "image/jpeg", "image/svg+xml", "text/plain"]}})


class DocumentSession:
    """What document builds share while it is open: a ready PDF engine and nbconvert.

    ``rtplan handout`` opens one for a single build (the PDF engine loads in a child
    process while the plan is read and the notebook runs); a notebook panel or a workshop
    keeps one open, so every rebuild finds everything loaded, and the engine's process
    lays out only the parts of a document that changed since its last prints
    (:mod:`rtplan.export.pages`). Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self) -> None:
        from rtplan.export.engines import PdfPrinter

        self.printer = PdfPrinter()
        self._exporters: dict[str, Any] = {}

    def exporter(self, fmt: str) -> Any:
        """rtplan's HTML exporter for ``fmt`` (its templates compiled once)."""
        if fmt not in self._exporters:
            from rtplan.export.exporters import RtplanHTMLExporter

            config = print_config() if fmt == "pdf" else None
            self._exporters[fmt] = RtplanHTMLExporter(config=config)  # type: ignore[no-untyped-call]
        return self._exporters[fmt]

    def build(self, notebook: str | Path, plan: Plan, output: str | Path, **kw: Any) -> Document:
        """:func:`build_document` in this session."""
        return build_document(notebook, plan, output, session=self, **kw)

    def close(self) -> None:
        """Stop the PDF engine's child process."""
        self.printer.close()

    def __enter__(self) -> DocumentSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
    session: DocumentSession | None = None,
    runner: str = "inprocess",
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
    session : a :class:`DocumentSession` to build in (default: one for this build only).
    runner : ``"inprocess"`` (default, fast) or ``"kernel"`` (a fresh Jupyter kernel).
    """
    import nbformat

    from rtplan.export.engines import choose_engine, weasyprint_installed
    from rtplan.export.exporters import area_header

    lang = normalize_lang(lang or plan.lang)
    say = progress or (lambda _msg: None)
    notebook = Path(notebook)
    output = Path(output)
    if fmt == "pdf":  # fail early, before the slow part
        choose_engine(engine, lang, has_weasyprint=weasyprint_installed)
    own = session is None and fmt == "pdf"
    active = DocumentSession() if own else session
    try:
        nb = nbformat.read(notebook, as_version=4)  # type: ignore[no-untyped-call]
        nb = inject_parameters(nb, {"PLAN": str(Path(plan.path).resolve()), "LANG": lang, **dict(params or {})})
        # cells tagged rtplan-no-print are the facilitator's (notes, the "Buat handout" button): not printed, not run
        nb.cells = [c for c in nb.cells if "rtplan-no-print" not in c.get("metadata", {}).get("tags", [])]
        say(t("doc.stage_execute", lang, notebook=notebook.name))
        from rtplan.documents.caches import preloaded

        with preloaded(plan):  # the notebook's Handout takes this plan rather than reading the folder again
            nb = execute(nb, notebook.parent, lang, png_dpi=PRINT_DPI if fmt == "pdf" else None, runner=runner)
        nb.metadata["rtplan"] = {"title": title or plan.title, "header": area_header(plan, lang), "lang": lang}
        say(t("doc.stage_html", lang))
        if active is not None:
            exporter = active.exporter(fmt)
        else:
            from rtplan.export.exporters import RtplanHTMLExporter

            exporter = RtplanHTMLExporter()  # type: ignore[no-untyped-call]
        html, _ = exporter.from_notebook_node(nb, {"metadata": {"path": str(notebook.parent)}})
        from rtplan.documents.layout import keep_together

        html = keep_together(html, lang)  # "Rp" with its number, a date's words: never split at a line end
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "html":
            atomic_write(output, html.encode("utf-8"))
            return Document(output, "html", None)
        assert active is not None
        chosen = choose_engine(engine, lang, has_weasyprint=active.printer.has_weasyprint)
        say(t("doc.stage_pdf", lang, engine=chosen))
        pdf = active.printer.print(html, chosen, area_header(plan, lang), lang, str(notebook.parent))
        atomic_write(output, pdf)
        return Document(output, "pdf", chosen)
    finally:
        if own and active is not None:
            active.close()
