"""nbconvert exporters: ``jupyter nbconvert --to rtplan_html|rtplan_pdf any.ipynb``.

The template (``templates/rtplan``) shows markdown and outputs only: no code, no
prompts, no widgets, no scripts, nothing fetched from a CDN. The print CSS
(``rtplan/render/templates/print.css.j2``) sets A4, margins, a header with the RT identity, ``Halaman x dari y``,
headings kept with what follows and tables that repeat their header and never split
a row. A notebook may carry ``metadata.rtplan = {"title", "header", "lang"}``; rtplan's
own pipeline sets it from the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from nbconvert.exporters import HTMLExporter
from nbformat import NotebookNode
from traitlets import Unicode, default

from rtplan.messages import normalize_lang, t
from rtplan.render import render

if TYPE_CHECKING:
    from rtplan.plan import Plan

TEMPLATES = Path(__file__).resolve().parent / "templates"


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


def print_css(header: str, lang: str, extra: str = "") -> Markup:
    """The print stylesheet (``rtplan/render/templates/print.css.j2``) with the running header
    and page-number words filled in as escaped CSS strings; ``extra`` is more CSS from rtplan's
    own code (never plan text)."""
    return render("print.css.j2", header=header, page_word=t("doc.page", lang), of_word=t("doc.of", lang),
                  extra=Markup(extra))


def _strip_xml_header(svg: str) -> str:
    return re.sub(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", "", svg)


def document_info(nb: NotebookNode) -> dict[str, str]:
    """``title``, ``header``, ``lang`` of a document notebook (from ``metadata.rtplan``)."""
    meta = dict(nb.metadata.get("rtplan", {}))
    lang = normalize_lang(meta.get("lang"))
    return {"title": str(meta.get("title") or nb.metadata.get("title") or "rtplan"),
            "header": str(meta.get("header") or ""), "lang": lang}


class RtplanHTMLExporter(HTMLExporter):
    """A static, printable HTML document (rtplan's template and print CSS)."""

    export_from_notebook = "rtplan HTML"

    @default("template_name")
    def _template_name_default(self) -> str:
        return "rtplan"

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(TEMPLATES)]

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_anchor_links")
    def _exclude_anchor_links_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    def default_filters(self) -> Iterator[tuple[str, Any]]:
        yield from super().default_filters()  # type: ignore[no-untyped-call]
        yield ("strip_xml_header", _strip_xml_header)

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        info = document_info(nb)
        resources = dict(resources or {})
        resources["rtplan"] = {**info, "css": print_css(info["header"], info["lang"])}
        # widget state never goes into a document
        nb.metadata.pop("widgets", None)
        return self._render(nb, resources, **kw)

    def _render(self, nb: NotebookNode, resources: dict[str, Any], **kw: Any) -> tuple[str, dict[str, Any]]:
        """:meth:`HTMLExporter.from_notebook_node` without its BeautifulSoup pass.

        That pass parses and writes out the whole page again (a tenth of a second and more
        for a handout, its charts being base64 text) to give images without ``alt`` a text
        and JupyterLab's cells a ``tabindex``; rtplan's template writes no image without
        ``alt`` and no JupyterLab cell."""
        from nbconvert.exporters.templateexporter import TemplateExporter
        from nbconvert.filters.highlight import Highlight2HTML
        from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        self.register_filter("highlight_code", self.filters.get(  # type: ignore[no-untyped-call]
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))  # type: ignore[no-untyped-call]
        resources = self._init_resources(resources)  # type: ignore[no-untyped-call]
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(  # type: ignore[no-untyped-call]
            notebook_metadata=self._nb_metadata, parent=self, resources=resources))
        html, out = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return html, out


class RtplanPDFExporter(RtplanHTMLExporter):
    """An A4 PDF: the HTML document printed by WeasyPrint or a Chromium-family browser.

    ``--RtplanPDFExporter.engine=weasyprint|chromium|auto`` chooses the engine.
    """

    export_from_notebook = "rtplan PDF"
    output_mimetype = "application/pdf"
    engine = Unicode("auto", help="PDF engine: auto, weasyprint or chromium").tag(config=True)

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        from rtplan.export.engines import html_to_pdf

        html, out = super().from_notebook_node(nb, resources, **kw)
        info = out["rtplan"]
        base = (out.get("metadata") or {}).get("path") or "."
        pdf = html_to_pdf(html, engine=self.engine, header=info["header"], lang=info["lang"], base_url=base)
        out["output_extension"] = ".pdf"
        return pdf, out
