"""Where a document notebook runs: in this Python process, or in a fresh Jupyter kernel.

A document notebook is plain Python: a ``parameters`` cell, then one-line calls whose
last expression is a section (HTML) or a chart (a Figure). Both runners execute its
code cells in order and record each cell's result as the notebook output a Jupyter
kernel would give (the same MIME bundle, from the object's rich reprs through IPython's
display formatter), so nbconvert prints the same document either way.

* :class:`InProcessRunner` (the default) runs the cells here, in a fresh namespace per
  document: no kernel to start and nothing to import twice. It is what makes
  ``rtplan handout`` take seconds, and what a notebook panel or a workshop reuses: the
  running kernel's imports serve every rebuild. Cell magics and ``display()`` calls are
  not supported (rtplan's documents use neither); the working folder is not changed.
* :class:`KernelRunner` starts a fresh ``python3`` kernel with nbclient (isolation, or
  any notebook using IPython features), as ``jupyter nbconvert --execute`` does.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import io
import os
import subprocess
from collections.abc import Iterator
from typing import Any, Protocol

import nbformat

from rtplan.charts import ChartOutput, show_charts
from rtplan.exceptions import RtplanError

# matplotlib writes this date into SVG metadata; a fixed one keeps outputs byte-stable
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01


class CellError(RtplanError):
    """Raised when a cell of a document notebook fails (the cause is chained)."""


class KernelFailed(RtplanError):
    """Raised when the kernel running a document died or timed out."""


class Runner(Protocol):
    """Runs the code cells of a notebook in place, filling in their outputs."""

    def run(self, nb: nbformat.NotebookNode, cwd: str, png_dpi: int | None) -> None: ...


def chart_output(png_dpi: int | None) -> ChartOutput:
    """Charts as PNG at ``png_dpi`` only (print), or SVG only (HTML)."""
    return ChartOutput(svg=False, png_dpi=int(png_dpi)) if png_dpi else ChartOutput(svg=True, png_dpi=None)


@contextlib.contextmanager
def fixed_source_date() -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to :data:`SOURCE_DATE_EPOCH` for a run, restored afterwards."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _json_bundle(data: dict[str, Any]) -> dict[str, Any]:
    """Binary outputs as base64 text, as a kernel sends them (``image/png``)."""
    return {mime: base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value
            for mime, value in data.items()}


def _split_last_expression(source: str, name: str) -> tuple[Any, Any]:
    """The cell compiled as (statements, last expression or ``None``), IPython's ``last_expr``."""
    tree = ast.parse(source, filename=name)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not source.rstrip().endswith(";"):
        statement = tree.body.pop()
        assert isinstance(statement, ast.Expr)
        last = ast.Expression(statement.value)
    body = compile(tree, name, "exec")
    return body, (compile(last, name, "eval") if last is not None else None)


class InProcessRunner:
    """Run a document's cells in this process, each document in a fresh namespace."""

    def run(self, nb: nbformat.NotebookNode, cwd: str, png_dpi: int | None) -> None:
        from IPython.core.formatters import DisplayFormatter

        formatter = DisplayFormatter()
        show_charts(formatter, chart_output(png_dpi))
        namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": __builtins__}
        count = 0
        with fixed_source_date():
            for cell in nb.cells:
                if cell.cell_type != "code":
                    continue
                count += 1
                name = f"<document cell {count}>"
                try:
                    body, last = _split_last_expression(cell.source, name)
                    printed = io.StringIO()
                    with contextlib.redirect_stdout(printed):  # kept as a stream output, as a kernel does
                        exec(body, namespace)  # rtplan's own document notebook
                        value = eval(last, namespace) if last is not None else None
                except Exception as exc:  # any failure of document code: reported as one message
                    raise CellError(f"{name}: {type(exc).__name__}: {exc}") from exc
                cell.execution_count = count
                cell.outputs = []
                if printed.getvalue():  # rtplan's template prints no streams
                    cell.outputs.append(nbformat.v4.new_output(  # type: ignore[no-untyped-call]
                        "stream", name="stdout", text=printed.getvalue()))
                if value is not None:
                    data, metadata = formatter.format(value)
                    cell.outputs.append(nbformat.v4.new_output(  # type: ignore[no-untyped-call]
                        "execute_result", _json_bundle(data), execution_count=count, metadata=metadata))


SETUP_SOURCE = (
    "import matplotlib\n"
    "matplotlib.rcParams['svg.hashsalt'] = 'rtplan'"
)


class KernelRunner:
    """Run a document in a fresh Jupyter kernel with nbclient (``timeout`` seconds per cell)."""

    def __init__(self, timeout: int = 600) -> None:
        self.timeout = timeout

    def run(self, nb: nbformat.NotebookNode, cwd: str, png_dpi: int | None) -> None:
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        source = SETUP_SOURCE + ("\nfrom rtplan.charts import ChartOutput, show_charts\n"
                                 f"show_charts(get_ipython().display_formatter, {chart_output(png_dpi)!r})"
                                 if png_dpi else "")
        setup = nbformat.v4.new_code_cell(source, metadata={"tags": ["rtplan-setup"]})  # type: ignore[no-untyped-call]
        nb.cells.insert(0, setup)
        env_backup = {k: os.environ.get(k) for k in ("SOURCE_DATE_EPOCH", "MPLBACKEND",
                                                     "PYDEVD_DISABLE_FILE_VALIDATION")}
        os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
        # ipykernel's debugger may print a "frozen modules" warning on stderr at start,
        # which would land in the document as an empty output
        os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        try:
            client = NotebookClient(nb, timeout=self.timeout, kernel_name="python3",
                                    resources={"metadata": {"path": cwd}})
            client.execute(stderr=subprocess.DEVNULL)
        except CellExecutionError as exc:
            raise CellError(str(exc)) from exc
        except (CellTimeoutError, DeadKernelError) as exc:
            raise KernelFailed(str(exc)) from exc
        finally:
            for key, value in env_backup.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            nb.cells = [c for c in nb.cells if "rtplan-setup" not in c.get("metadata", {}).get("tags", [])]


RUNNERS: dict[str, type[InProcessRunner] | type[KernelRunner]] = {
    "inprocess": InProcessRunner, "kernel": KernelRunner}
