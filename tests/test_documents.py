"""The document pipeline: inject, execute, export with rtplan's template, print A4 PDF."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from rtplan import storage
from rtplan.export.documents import DocumentError, build_document
from rtplan.export.engines import find_browser

EVIL = 'Gang "Melati" & <script>alert(1)</script> <b>tebal</b>'


def doc_notebook(folder: Path, extra: str = "") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('PLAN = "?"\nLANG = None', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_markdown_cell("# Dokumen uji\n\nPembuka."),
        nbformat.v4.new_code_cell(
            "import pandas as pd\nfrom IPython.display import HTML\nfrom rtplan.render import table as html_table\n"
            f"HTML(html_table(pd.DataFrame({{'Isi': [{EVIL!r}] * 3}}), table_id='t1'))"),
        nbformat.v4.new_markdown_cell("## Grafik kehadiran"),
        nbformat.v4.new_code_cell("from rtplan.charts import participation_figure\nfrom rtplan.storage import "
                                  "load_plan\nparticipation_figure(load_plan(PLAN), LANG)"),
        nbformat.v4.new_code_cell("print('tersembunyi di stdout')" + extra),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "dokumen.ipynb"
    nbformat.write(nb, path)
    return path


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


ENGINES = ["weasyprint", "chromium"]


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_is_a4_with_header_page_numbers_and_literal_text(engine: str, example_dir: Path, tmp_path: Path) -> None:
    if engine == "chromium" and find_browser() is None:
        pytest.skip("no Chromium-family browser (apt-get install chromium)")
    plan = storage.load_plan(example_dir)
    out = tmp_path / "out" / "dok.pdf"
    stages: list[str] = []
    doc = build_document(doc_notebook(tmp_path), plan, out, engine=engine, progress=stages.append)
    assert doc.engine == engine
    assert out.exists()
    assert [s[:5] for s in stages] == ["[1/3]", "[2/3]", "[3/3]"]
    reader, text = pdf_text(out)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2
        assert abs(height - 841.9) < 2
    n = len(reader.pages)
    assert f"Halaman 1 dari {n}" in text
    assert "RT 05 / RW 03 · Kel. Sukamaju" in text
    flat = re.sub(r"\s+", " ", text)
    assert EVIL in flat  # resident text printed literally, not interpreted
    assert "Dokumen uji" in text
    assert "Grafik kehadiran" in text
    assert any(len(page.images) for page in reader.pages)  # the chart, as a print-resolution PNG
    for code in ("import pandas", "html_table(", "PLAN =", "tersembunyi di stdout", "In ["):
        assert code not in text


def test_html_is_static_escaped_and_deterministic(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    nb = doc_notebook(tmp_path)
    first = build_document(nb, plan, tmp_path / "a.html", fmt="html").path.read_text(encoding="utf-8")
    second = build_document(nb, plan, tmp_path / "b.html", fmt="html").path.read_text(encoding="utf-8")
    assert first == second
    assert "<script" not in first.replace("&lt;script", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first
    # nothing fetched from elsewhere: no external scripts, stylesheets, images or fonts
    assert not re.search(r"<link\b|@import|(?:src|href)\s*=\s*[\"']?(?:https?:)?//", first, re.I)
    assert 'lang="id"' in first
    assert "@page" in first
    assert "size: A4" in first
    assert "<svg" in first
    assert "Menurut unsur" in first


def test_failing_cell_gives_a_message_and_keeps_the_old_file(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    out = tmp_path / "dok.pdf"
    out.write_bytes(b"versi lama")
    with pytest.raises(DocumentError, match="gagal disusun") as info:
        build_document(doc_notebook(tmp_path, "\n1 / 0"), plan, out)
    # plain words: no ANSI colour codes, no traceback or exception class (RTPLAN_DEBUG=1 shows them)
    assert "\x1b[" not in str(info.value)
    assert "ZeroDivisionError" not in str(info.value)
    assert out.read_bytes() == b"versi lama"


def test_nbconvert_entry_point_works_on_any_notebook(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Catatan rapat\n\nIsi catatan."),
                nbformat.v4.new_code_cell("x = 1", outputs=[nbformat.v4.new_output(
                    "execute_result", {"text/html": "<p>hasil &amp; angka</p>"}, execution_count=1)])]
    path = tmp_path / "catatan.ipynb"
    nbformat.write(nb, path)
    for to in ("rtplan_html", "rtplan_pdf"):
        result = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", to, str(path)],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
    html = (tmp_path / "catatan.html").read_text()
    assert "hasil &amp; angka" in html
    assert "x = 1" not in html
    _, text = pdf_text(tmp_path / "catatan.pdf")
    assert "Catatan rapat" in text
    assert "Halaman 1 dari 1" in text
    assert "x = 1" not in text


def test_unknown_engine_is_refused_before_running(example_dir: Path, tmp_path: Path) -> None:
    from rtplan.export.engines import EngineError

    plan = storage.load_plan(example_dir)
    with pytest.raises(EngineError, match="tidak dikenal"):
        build_document(doc_notebook(tmp_path), plan, tmp_path / "x.pdf", engine="latex")
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_bytes_readable(tmp_path: Path) -> None:
    from rtplan.export.engines import html_to_pdf

    pdf = html_to_pdf("<html><body><h1>Uji</h1></body></html>", engine="weasyprint")
    assert PdfReader(io.BytesIO(pdf)).pages[0].extract_text().strip().startswith("Uji")


def test_in_process_and_kernel_runners_print_the_same_document(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    nb = doc_notebook(tmp_path)
    here = build_document(nb, plan, tmp_path / "a.html", fmt="html").path.read_text(encoding="utf-8")
    kernel = build_document(nb, plan, tmp_path / "b.html", fmt="html", runner="kernel").path.read_text(encoding="utf-8")
    assert here == kernel


def test_reading_notebooks_does_not_compile_the_iri_grammars() -> None:
    """jsonschema's optional ``iri`` checker (rfc3987_syntax, ~2 s of Lark grammars) is skipped."""
    code = ("import sys, rtplan.export.documents, nbformat, nbclient, nbconvert\n"
            "print('rfc3987_syntax' in sys.modules, 'jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_a_chart_is_rendered_once_per_plan_state(example_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan import handout
    from rtplan.charts import participation_figure

    monkeypatch.setenv("RTPLAN_CACHE_DIR", str(tmp_path / "cache"))
    handout._CHARTS.clear()
    built: list[int] = []

    def chart(path: Path):  # type: ignore[no-untyped-def]
        doc = handout.Handout(str(path))
        return handout.cached_chart(doc.plan, ("test",),
                                    lambda: built.append(1) or participation_figure(doc.plan, "id"))

    first = chart(example_dir)
    svg = first._repr_svg_()
    assert svg
    assert built == [1]
    assert chart(example_dir) is first
    plan = storage.load_plan(example_dir)
    decisions = plan.copy_table("decisions")
    decisions.loc[0, "decision"] = "Ralat kecil"
    storage.save_tables(plan, {"decisions": decisions})  # a table no chart shows
    assert chart(example_dir) is first
    assert built == [1]
    handout._CHARTS.clear()  # a new process: the file cache answers, nothing is drawn
    again = chart(example_dir)
    assert again._repr_svg_() == svg
    assert built == [1]
    needs = plan.copy_table("needs")
    needs.loc[0, "title"] = "Judul baru"
    storage.save_tables(storage.load_plan(example_dir), {"needs": needs})
    assert chart(example_dir) is not first
