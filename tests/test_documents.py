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
from rtplan.documents.build import DocumentError, build_document
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
    code = ("import sys, rtplan.documents.build, nbformat, nbclient, nbconvert\n"
            "print('rfc3987_syntax' in sys.modules, 'jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_a_chart_is_rendered_once_per_plan_state(example_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan.charts import participation_figure
    from rtplan.documents import caches, handout

    monkeypatch.setenv("RTPLAN_CACHE_DIR", str(tmp_path / "cache"))
    caches._CHARTS.clear()
    built: list[int] = []

    def chart(path: Path):  # type: ignore[no-untyped-def]
        doc = handout.Handout(str(path))
        return caches.cached_chart(doc.plan, ("test",),
                                   lambda: built.append(1) or participation_figure(doc.plan, "id"),
                                   frozenset({"needs", "participants", "attendance", "meetings"}))

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
    caches._CHARTS.clear()  # a new process: the file cache answers, nothing is drawn
    again = chart(example_dir)
    assert again._repr_svg_() == svg
    assert built == [1]
    needs = plan.copy_table("needs")
    needs.loc[0, "title"] = "Judul baru"
    storage.save_tables(storage.load_plan(example_dir), {"needs": needs})
    assert chart(example_dir) is not first


# -- speed: what a build does not do again ----------------------------------------------------
def parts_document(tmp_path: Path, summary_rows: int, decision: str) -> str:
    """The HTML of a document in three parts, like the handout: a summary, then two sections
    that each start a page (rtplan's template, print CSS and page numbers)."""
    from rtplan.export.exporters import RtplanHTMLExporter
    from rtplan.render import fragment

    sections = [
        fragment("<h1>Ringkasan</h1>{% for i in rows %}<p>Baris ringkasan nomor {{ i }}.</p>{% endfor %}"
                 "<p>{{ decision }}</p>", rows=range(summary_rows), decision=decision),
        fragment('<h2 class="rtplan-page-break">Berita acara</h2><p>{{ decision }}</p>', decision=decision),
        fragment('<h2 class="rtplan-page-break">Daftar hadir</h2>{% for i in range(60) %}<p>{{ i }}. '
                 "....................</p>{% endfor %}"),
    ]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "execute_result", {"text/html": str(s)}, execution_count=1)]) for s in sections]
    nb.metadata["rtplan"] = {"title": "Uji", "header": "RT 01 / RW 02", "lang": "id"}
    html, _ = RtplanHTMLExporter().from_notebook_node(nb, {"metadata": {"path": str(tmp_path)}})
    return str(html)


def page_images(pdf: bytes, folder: Path) -> list[bytes]:
    folder.mkdir()
    (folder / "d.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(folder / "d.pdf"), str(folder / "p")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("p-*.png"))]


def test_unchanged_parts_keep_their_layout_and_the_pages_are_the_same(tmp_path: Path) -> None:
    """A print after an edit lays out only the parts the edit touched; the PDF is the one a
    print in one piece gives, page for page (pixels, text, ``Halaman x dari y``)."""
    from weasyprint import HTML

    from rtplan.export.engines import safe_url_fetcher
    from rtplan.export.pages import PartPrinter, split_document

    def render(html: str):  # type: ignore[no-untyped-def]
        return HTML(string=html, base_url=str(tmp_path), url_fetcher=safe_url_fetcher()).render()

    printer = PartPrinter()
    first = parts_document(tmp_path, 20, "Keputusan pertama")
    split = split_document(first)
    assert split is not None
    assert len(split.parts) == 3
    printer.print(first, str(tmp_path), render)
    assert printer.laid_out == ["whole"]
    cases = [("typo", parts_document(tmp_path, 20, "Keputusan pertama, diralat"), ["0", "1"]),
             ("same", parts_document(tmp_path, 20, "Keputusan pertama, diralat"), []),
             ("longer", parts_document(tmp_path, 70, "Keputusan pertama, diralat"), ["whole"]),
             ("back", parts_document(tmp_path, 20, "Keputusan pertama, diralat"), [])]
    for name, html, laid_out in cases:
        pdf = printer.print(html, str(tmp_path), render)
        assert printer.laid_out == laid_out, name
        whole = bytes(render(html).write_pdf())
        got, expected = PdfReader(io.BytesIO(pdf)), PdfReader(io.BytesIO(whole))
        assert [p.extract_text() for p in got.pages] == [p.extract_text() for p in expected.pages], name
        n = len(expected.pages)
        assert f"Halaman {n} dari {n}" in got.pages[-1].extract_text()
        assert page_images(pdf, tmp_path / f"{name}-parts") == page_images(whole, tmp_path / f"{name}-whole"), name


def test_a_document_with_crossing_css_is_printed_in_one_piece(tmp_path: Path) -> None:
    from rtplan.export.pages import split_document

    html = parts_document(tmp_path, 3, "x")
    assert split_document(html) is not None
    assert split_document(html.replace("</style>", "h1 { string-set: title content() }</style>", 1)) is None
    assert split_document(html.replace("</style>", "@page :first { margin-top: 4cm }</style>", 1)) is None
    assert split_document("<p>no rtplan document</p>") is None


def test_charts_print_opaque_and_cached_charts_need_no_matplotlib(tmp_path: Path) -> None:
    """A chart's PNG has no alpha channel (WeasyPrint compresses it once, not twice); a
    document whose charts are cached never draws a figure nor imports matplotlib."""
    from IPython.core.formatters import DisplayFormatter
    from PIL import Image

    from rtplan import charts
    from rtplan.documents import caches

    code = ("import sys, rtplan.charts, rtplan.documents.handout, rtplan.documents.build, rtplan.export.runners\n"
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]
    built: list[int] = []
    chart = caches.CachedChart(lambda: built.append(1) or charts.new_figure(4, 3))
    formatter = DisplayFormatter()
    charts.show_charts(formatter, charts.ChartOutput(svg=False, png_dpi=100))
    assert formatter.formatters["image/svg+xml"](chart) is None
    assert built == []  # switched off: no figure drawn to say so
    data, metadata = formatter.format(chart)
    assert metadata["image/png"] == {"width": 384, "height": 288}
    assert Image.open(io.BytesIO(data["image/png"])).mode == "RGB"
    assert built == [1]


def test_a_document_reads_the_plan_the_caller_loaded_unless_its_files_changed(
        example_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan import storage as storage_module
    from rtplan.documents import caches, handout

    plan = storage.load_plan(example_dir)
    reads: list[str] = []
    real = storage_module.load_plan
    monkeypatch.setattr(storage_module, "load_plan", lambda *a, **k: reads.append("read") or real(*a, **k))
    with caches.preloaded(plan):
        doc = handout.Handout(str(example_dir))
        assert reads == []
        assert list(doc.plan["needs"]["need_id"]) == list(caches.document_plan(str(example_dir), None)["needs"]
                                                         ["need_id"])
        needs = plan.copy_table("needs")
        needs.loc[0, "title"] = "Judul yang baru disimpan"
        storage.save_tables(real(example_dir), {"needs": needs})  # saved by someone else meanwhile
        changed = handout.Handout(str(example_dir))
        assert reads == ["read"]
        assert "Judul yang baru disimpan" in set(changed.plan["needs"]["title"])
    handout.Handout(str(example_dir))
    assert reads == ["read", "read"]


def test_the_resources_section_is_made_once_per_state_of_what_it_reads(example_dir: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from rtplan.documents import caches, handout

    made: list[int] = []
    real = handout.resources_section
    monkeypatch.setattr(handout, "resources_section", lambda *a, **k: made.append(1) or real(*a, **k))
    caches._SECTIONS.clear()
    first = str(handout.Handout(str(example_dir)).resources())
    plan = storage.load_plan(example_dir)
    ledger = plan.copy_table("ledger")
    ledger.loc[0, "description"] = "Ralat kecil"
    storage.save_tables(plan, {"ledger": ledger})  # a table the partners list never reads
    assert str(handout.Handout(str(example_dir)).resources()) == first
    assert made == [1]
    resources = storage.load_plan(example_dir).copy_table("resources")
    resources.loc[0, "name"] = "Nama sumber daya baru"
    storage.save_tables(storage.load_plan(example_dir), {"resources": resources})
    again = str(handout.Handout(str(example_dir)).resources())
    assert made == [1, 1]
    assert again != first
