"""How a chart shows itself is the front end's choice, given to its display formatter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from IPython.core.formatters import DisplayFormatter
from matplotlib.figure import Figure
from PIL import Image

from rtplan import charts


def _figure() -> charts.ChartFigure:
    fig = charts.new_figure(4, 3)
    fig.add_subplot().bar(["a", "b"], [1, 2])
    return fig  # type: ignore[return-value]


def test_on_screen_a_chart_is_svg_only() -> None:
    data, _ = DisplayFormatter().format(_figure())
    assert data["image/svg+xml"].lstrip().startswith("<?xml")
    assert "image/png" not in data


def test_a_formatter_asked_for_png_shows_png_only_at_that_resolution() -> None:
    formatter = DisplayFormatter()
    charts.show_charts(formatter, charts.ChartOutput(svg=False, png_dpi=50))
    data, metadata = formatter.format(_figure())
    assert "image/svg+xml" not in data
    with Image.open(io.BytesIO(data["image/png"])) as image:
        assert image.size == (200, 150)  # 4 x 3 inches at 50 dpi
        assert image.mode == "RGB"
    assert metadata["image/png"] == {"width": 384, "height": 288}  # shown at 96 CSS pixels per inch
    # another formatter (another front end, another document) is not changed
    assert "image/png" not in DisplayFormatter().format(_figure())[0]


def test_the_chart_printer_wins_over_one_for_matplotlib_figures() -> None:
    formatter = DisplayFormatter()
    # matplotlib's inline backend registers printers for Figure like this
    formatter.formatters["image/png"].for_type(Figure, lambda fig: b"inline backend")
    charts.show_charts(formatter, charts.ChartOutput(svg=False, png_dpi=50))
    png = formatter.format(_figure())[0]["image/png"]
    assert png != b"inline backend"
    assert png.startswith(b"\x89PNG")


def test_no_module_global_decides_the_output() -> None:
    assert not hasattr(charts, "SHOW_SVG")
    assert not hasattr(charts, "PNG_DPI")


@pytest.mark.parametrize("runner", ["inprocess", "kernel"])
def test_a_document_run_for_print_gets_png_charts_only(runner: str, tmp_path: Path) -> None:
    import nbformat

    from rtplan.export.runners import RUNNERS

    source = "from rtplan.charts import new_figure\nfig = new_figure(2, 1)\nfig.add_subplot().plot([1, 2])\nfig"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    RUNNERS[runner]().run(nb, str(tmp_path), png_dpi=50)
    (result,) = [o for o in nb.cells[-1].outputs if o["output_type"] == "execute_result"]
    assert set(result["data"]) == {"image/png", "text/plain"}
    assert result["metadata"]["image/png"] == {"width": 192, "height": 96}
