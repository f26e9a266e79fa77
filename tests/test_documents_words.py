"""No file name and no plan.toml key in any document, in either language, for both examples:
every document builder's printed text (the handout, the short handout, the progress and kas
reports, the worksheets, the Musrenbang list, the voting slips, the phone cards).

The builders are called as their notebooks call them (one cell a method), or for the paper
documents their HTML is made, without printing a PDF, so the test stays quick; the PDFs of
the handouts and reports are read in tests/test_documents_large.py with the same words."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, copy_example

from rtplan import storage
from rtplan.schema import META_FIELDS

DOCUMENTS = Path(__file__).resolve().parents[1] / "rtplan" / "documents"
# plan.toml's keys that are not also plain words ("title", "rt", "start"), and file names
TOML_KEYS = sorted({f.key for f in META_FIELDS if "_" in f.key} | {"allow_negative"})
FILE_WORDS = (".csv", "plan.toml", ".toml", ".xlsx", ".history")


def _text(markup: object) -> str:
    """The words a reader sees in ``markup``: no style, script, tag or attribute (an embedded
    chart is an attribute)."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", str(markup), flags=re.DOTALL | re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def _notebook_cells(name: str, doc: object) -> list[str]:
    """The printed text of a document notebook: its markdown cells that print and each code
    cell's call on the document (``doc.needs()``), charts left out (pictures, not words)."""
    cells = json.loads((DOCUMENTS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    out = []
    for cell in cells:
        source = "".join(cell["source"]).strip()
        if "rtplan-no-print" in cell.get("metadata", {}).get("tags", []):
            continue
        if cell["cell_type"] == "markdown":
            out.append(source)
            continue
        call = re.fullmatch(r"doc\.(\w+)\((.*)\)", source)
        if call and not call.group(1).endswith("chart") and call.group(1) != "gantt":
            args = {"treasurer": False} if call.group(2) == "treasurer=False" else {}
            out.append(_text(getattr(doc, call.group(1))(**args)))
    return out


def _documents(plan_dir: Path, lang: str) -> dict[str, str]:
    """Every document of the plan as the words it prints, by name."""
    import datetime as dt

    from rtplan.documents import musrenbang
    from rtplan.documents.cards import build_cards
    from rtplan.documents.handout import Handout
    from rtplan.documents.handout_short import ShortHandout
    from rtplan.documents.reports import Report
    from rtplan.documents.worksheets import worksheets_html
    from rtplan.room.slips import slips_html

    plan = storage.load_plan(plan_dir, lang)
    meetings = sorted(str(m) for m in plan["meetings"]["meeting_id"])
    docs = {}
    for meeting in meetings:
        docs[f"handout {meeting}"] = "\n".join(_notebook_cells("handout", Handout(str(plan_dir), lang, meeting)))
        docs[f"short {meeting}"] = "\n".join(_notebook_cells("handout_ringkas",
                                                             ShortHandout(str(plan_dir), lang, meeting)))
    docs["progress"] = "\n".join(_notebook_cells("laporan_kegiatan", Report(str(plan_dir), lang)))
    docs["kas"] = "\n".join(_notebook_cells("laporan_kas", Report(str(plan_dir), lang)))
    docs["worksheets"] = _text(worksheets_html(plan, meetings[-1], lang))
    columns = musrenbang.columns_for("superset", lang)
    frame = musrenbang.form_table(plan, columns, lang)
    docs["musrenbang"] = _text(musrenbang.page_html(plan, frame, columns, lang)) + " ".join(map(str, frame.columns))
    ids = [str(p) for p in plan["participants"]["participant_id"]]
    docs["slips"] = _text(slips_html(plan, {p: f"K{i:04d}" for i, p in enumerate(ids)}, lang, meetings[-1]))
    cards = build_cards(plan, lang=lang, month=plan.period[0] if plan.period else None, today=dt.date(2027, 1, 8))
    docs["cards"] = "\n".join("\n".join([c.title, c.subtitle, c.footer, *(i.head for i in c.items),
                                         *(x for i in c.items for x in i.lines)]) for c in cards)
    return docs


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_no_file_name_or_config_key_in_any_document(example: str, lang: str, tmp_path: Path) -> None:
    docs = _documents(copy_example(example, tmp_path), lang)
    assert {"progress", "kas", "worksheets", "musrenbang", "slips", "cards"} <= set(docs)
    for name, text in docs.items():
        assert len(text) > 200, (name, "nothing printed")
        words = [w for w in (*FILE_WORDS, *TOML_KEYS) if w in text]
        assert not words, (example, lang, name, words)
