"""Documents true at any size: built once per session from the large generated plan
(tests/large_plan.py) and from both examples, then read as text (pypdf) and as page
images (pdftoppm): every activity in the schedule chart, no page less than 40 % full
but the last, no signature block apart from its place-and-date line, no leading-zero
day, no file name or plan.toml key."""

from __future__ import annotations

import functools
import math
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES, copy_example
from large_plan import PERIOD, make_large_plan
from PIL import Image
from pypdf import PdfReader

from rtplan import storage
from rtplan.cli import main
from rtplan.schema import META_FIELDS

# (name, the plan, the command's arguments): every printed document of a plan
END = PERIOD[1].isoformat()
DOCUMENTS = {
    "handout": ["handout", "--meeting", "M03"],
    "handout-en": ["handout", "--meeting", "M03", "--lang", "en"],
    "short": ["handout", "--meeting", "M03", "--short"],
    "short-en": ["handout", "--meeting", "M03", "--short", "--lang", "en"],
    "progress": ["report", "--progress", "--as-of", END],
    "kas": ["report", "--kas"],
}
EXAMPLE_DOCUMENTS = {
    "handout-M01": ["handout", "--meeting", "M01"],
    "handout-M02-en": ["handout", "--meeting", "M02", "--lang", "en"],
    "short-M02": ["handout", "--meeting", "M02", "--short"],
}
MONTHS = ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|"
          "January|February|March|June|July|August|October|December")
# plan.toml's keys that are not also plain words ("title", "rt", "start")
TOML_KEYS = sorted({f.key for f in META_FIELDS if "_" in f.key} | {"allow_negative"})


def _build(plan: Path, args: list[str], out: Path) -> Path:
    assert main([args[0], str(plan), *args[1:], "-o", str(out)]) == 0, (plan, args)
    return out


@pytest.fixture(scope="session")
def large(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The large plan's documents, each built once for the session."""
    root = tmp_path_factory.mktemp("large")
    plan = make_large_plan(root)
    return {name: _build(plan, args, root / f"{name}.pdf") for name, args in DOCUMENTS.items()}


@pytest.fixture(scope="session")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("examples")
    out = {}
    for example in EXAMPLES:
        plan = copy_example(example, root)
        for name, args in EXAMPLE_DOCUMENTS.items():
            out[f"{example}/{name}"] = _build(plan, args, root / f"{example}-{name}.pdf")
    return out


@functools.lru_cache(maxsize=32)
def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def _fullness(pdf: Path) -> list[float]:
    """How far down each page the ink goes, as a share of the text area (page images at 30 dpi,
    grayscale; the running header and the page number are outside the text area)."""
    out = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(out)], check=True)
    shares = []
    for image in sorted(out.parent.glob(f"{out.name}-*.png")):
        with Image.open(image) as page:
            pixels = np.asarray(page.convert("L"))
        h = pixels.shape[0]
        top, bottom = round(h * 22 / 297), round(h * (297 - 20) / 297)  # the @page margins
        rows = np.flatnonzero(pixels[top:bottom].min(axis=1) < 128)  # rows with ink
        shares.append(0.0 if not len(rows) else float(rows[-1]) / (bottom - top))
    return shares


def test_the_large_plan_is_as_large_as_promised_and_valid(tmp_path: Path) -> None:
    from rtplan.validation import validate_plan

    plan = storage.load_plan(make_large_plan(tmp_path))
    sizes = {name: len(plan[name]) for name in ("participants", "needs", "activities", "ledger", "realizations")}
    assert sizes == {"participants": 60, "needs": 40, "activities": 30, "ledger": 80, "realizations": 65}
    assert plan.period is not None
    assert (plan.period[1].year - plan.period[0].year) * 12 + plan.period[1].month - plan.period[0].month + 1 == 24
    assert validate_plan(plan) == []


@pytest.mark.parametrize("name", ["handout", "handout-en"])
def test_every_activity_is_in_the_schedule_chart(large: dict[str, Path], name: str, tmp_path: Path) -> None:
    plan = storage.load_plan(make_large_plan(tmp_path))
    ids = {str(a) for a, s in zip(plan["activities"]["activity_id"], plan["activities"]["status"]) if s != "batal"}
    title = "Jadwal kegiatan" if name == "handout" else "Activity schedule"
    chart = " ".join(p for p in _pages(large[name]) if re.search(rf"{title} \(\d/\d\)", p))
    assert chart, "no page carries the schedule chart"
    assert {a for a in ids if re.search(rf"\b{a}\b", chart)} == ids


def test_every_activity_is_in_the_progress_charts(large: dict[str, Path], tmp_path: Path) -> None:
    plan = storage.load_plan(make_large_plan(tmp_path))
    pages = _pages(large["progress"])
    for title in ("Pertemuan: rencana dan realisasi", "Biaya: anggaran dan realisasi"):
        chart = " ".join(p for p in pages if title in p)
        assert chart, title
        assert all(re.search(rf"\b{a}\b", chart) for a in plan["activities"]["activity_id"]), title


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_large_documents_read_right(large: dict[str, Path], name: str) -> None:
    text = "\n".join(_pages(large[name]))
    assert not re.search(rf"\b0[1-9]\s({MONTHS})\b", text), "a day with a leading zero"
    assert ".csv" not in text
    assert "plan.toml" not in text
    assert not [k for k in TOML_KEYS if k in text]
    assert "RT 05/ / RW" not in text
    assert "RT 05/\n/ RW" not in text


@pytest.mark.parametrize("name", list(EXAMPLE_DOCUMENTS))
def test_example_documents_read_right(examples: dict[str, Path], name: str) -> None:
    for example in EXAMPLES:
        text = "\n".join(_pages(examples[f"{example}/{name}"]))
        assert not re.search(rf"\b0[1-9]\s({MONTHS})\b", text), (example, "a day with a leading zero")
        assert ".csv" not in text, example
        assert not [k for k in TOML_KEYS if k in text], example


@pytest.mark.parametrize("name", ["progress", "kas"])
def test_signature_blocks_stay_with_their_place_and_date(large: dict[str, Path], name: str) -> None:
    pages = _pages(large[name])
    signed = [p for p in pages if "Mengetahui, Ketua RT" in p]
    assert len(signed) == 1
    assert re.search(r"Sukamaju,\s+\d{1,2}\s+\w+\s+\d{4}", signed[0])


def test_signature_date_is_the_documents_date(large: dict[str, Path]) -> None:
    text = "\n".join(_pages(large["progress"]))
    assert re.search(r"Sukamaju,\s+30\s+November\s+2028", text)


# the sheets a handout carries after its summary, each starting a page of its own to be signed:
# the page before one is the last of its part
PART_TITLES = ("BERITA ACARA", "DAFTAR HADIR", "MINUTES (BERITA ACARA)", "ATTENDANCE LIST")


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_no_page_under_40_percent_full_but_the_last(large: dict[str, Path], name: str) -> None:
    shares = _fullness(large[name])
    pages = _pages(large[name])
    assert len(shares) == len(pages)
    ends = {i for i in range(len(pages) - 1) if any(title in pages[i + 1] for title in PART_TITLES)}
    thin = [(i + 1, round(s, 2)) for i, s in enumerate(shares[:-1]) if s < 0.4 and i not in ends]
    assert not thin, thin


def test_keep_together_joins_rupiah_dates_and_the_rt_name_only_in_text() -> None:
    from rtplan.documents.layout import NBSP, WORD_JOINER, keep_together

    html = ('<p title="6 Desember 2026">Saldo Rp 1.500.000 per 6 Desember 2026, RT 02/RW 07</p>'
            '<style>p{content:"Rp 5"}</style>')
    out = keep_together(html, "id")
    assert f"Rp{NBSP}1.500.000" in out
    assert f"6{NBSP}Desember{NBSP}2026" in out
    assert f"RT{NBSP}02/{WORD_JOINER}RW{NBSP}07" in out
    assert 'title="6 Desember 2026"' in out  # attributes and styles are left alone
    assert 'content:"Rp 5"' in out
    assert f"Dec{NBSP}6,{NBSP}2026" in keep_together("<p>Dec 6, 2026</p>", "en")


def test_no_day_has_a_leading_zero() -> None:
    import datetime as dt

    from rtplan.fmt import format_date

    for style in ("full", "long", "medium"):
        for lang in ("id", "en"):
            assert not re.search(r"\b06\b", format_date(dt.date(2026, 12, 6), lang, style))  # type: ignore[arg-type]
    assert format_date(dt.date(2026, 12, 6), "id") == "Minggu, 6 Desember 2026"


def test_the_kas_summary_names_a_few_receipts_and_counts_the_rest(tmp_path: Path) -> None:
    from rtplan.documents.reports import REFERENCES_SHOWN, Report

    summary = Report(str(make_large_plan(tmp_path)))._kas()
    longest = max(summary.lines["keterangan"], key=lambda v: len(str(v)))
    assert str(longest).count("K0") <= REFERENCES_SHOWN
    assert "bukti lain (lihat buku kas)" in str(longest)


# -- charts: labels never under 7 pt, every activity at 30, 60 and 100 ----------------------
MIN_PT = 7.0
TEXT_WIDTH_PT = (210 - 16 - 18) * 72 / 25.4  # the print CSS's A4 text width: a chart part prints this wide
CHART_TITLES = {
    "handout": ("Jadwal kegiatan (",),
    "progress": ("Pertemuan: rencana dan realisasi", "Biaya: anggaran dan realisasi"),
    "kas": ("Penerimaan dan pengeluaran per bulan",),
}


def _printed_sizes(page) -> list[tuple[float, str]]:  # type: ignore[no-untyped-def]
    """Each piece of text on a PDF page with the size it prints at, in points (its font size
    times the scale of the text and current matrices)."""
    out: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        if text.strip():
            out.append((size * math.sqrt(abs(a * d - b * c)), text.strip()))

    page.extract_text(visitor_text=visit)
    return out


@pytest.mark.parametrize("name", list(CHART_TITLES))
def test_chart_labels_are_never_under_7_pt_in_the_pdf(large: dict[str, Path], name: str) -> None:
    """The words of the schedule, progress and kas charts are text in the PDF (SVG), each
    printed at 7 pt or more; the kas chart's month labels are there, not lost in a picture."""
    reader, texts = PdfReader(large[name]), _pages(large[name])
    chart = [i for i, text in enumerate(texts) if any(title in text for title in CHART_TITLES[name])]
    assert chart, f"no chart's words in the text of {name}"
    sizes = [s for i in chart for s in _printed_sizes(reader.pages[i])]
    small = sorted({(round(size, 1), text) for size, text in sizes if size < MIN_PT})
    assert not small, small[:10]
    if name == "kas":
        text = " ".join(texts[i] for i in chart)
        assert re.search(r"\bDes\b", text) and "2027" in text, "the kas chart's month labels"


def _svg_words(svg: str) -> list[tuple[float, str]]:
    """Each text of a chart's SVG (matplotlib, words kept as text) with the size it prints at
    when the chart fills the A4 text width, in points."""
    root = ET.fromstring(svg)
    width_pt = float(root.attrib["width"].removesuffix("pt"))
    scale = TEXT_WIDTH_PT / width_pt
    out = []
    for node in root.iter("{http://www.w3.org/2000/svg}text"):
        style = node.attrib.get("style", "")
        m = re.search(r"font:[^;]*?([\d.]+)px", style) or re.search(r"font-size:\s*([\d.]+)px", style)
        assert m, style
        text = "".join(node.itertext()).strip()
        out.append((float(m.group(1)) * scale, text))
    return out


# the schedule chart at both sizes, and one progress chart at each (the sessions and cost charts are
# split by the same rule): drawing them is most of this test's time
@pytest.mark.parametrize(("count", "progress_chart"), [(60, "cost_chart"), (100, "sessions_chart")])
def test_gantt_and_progress_charts_hold_60_and_100_activities(count: int, progress_chart: str,
                                                               tmp_path: Path) -> None:
    """Only the charts are drawn (no document is printed): every activity id is in the schedule
    chart's parts and in the progress bar chart's parts, and no word prints under 7 pt."""
    from rtplan.documents.handout import Handout
    from rtplan.documents.reports import Report

    folder = make_large_plan(tmp_path, activities=count)
    acts = storage.load_plan(folder)["activities"]
    assert len(acts) == count
    every = {str(a) for a in acts["activity_id"]}
    kept = {str(a) for a, s in zip(acts["activity_id"], acts["status"]) if s != "batal"}  # the Gantt leaves these out
    charts = {"gantt": (Handout(str(folder), meeting="M03").gantt(), kept),
              progress_chart: (getattr(Report(str(folder), as_of=END), progress_chart)(), every)}
    for label, (parts, ids) in charts.items():
        assert len(parts.charts) > 1, label  # split over several printed charts
        words = [w for chart in parts.charts for w in _svg_words(chart.svg_text())]
        text = " ".join(w for _, w in words)
        assert {a for a in ids if re.search(rf"\b{a}\b", text)} == ids, label
        small = sorted({(round(size, 1), w) for size, w in words if size < MIN_PT})
        assert not small, (label, small[:10])


# the plan's own Indonesian values of fixed columns (sex, unsur, funding source), which an English
# document prints in English: none is a word of the examples' free texts (titles, decisions)
INDONESIAN_VALUES = ("L/P", "pengurus RT", "kader posyandu", "tokoh agama", "tokoh masyarakat", "swadaya warga",
                     "dana kelurahan", "kas RT")


def test_english_handout_translates_every_fixed_value(examples: dict[str, Path]) -> None:
    """The English handout says M/F (the daftar hadir's sex column and its values) and the
    unsur, funding sources and statuses in English."""
    for example in EXAMPLES:
        pages = _pages(examples[f"{example}/handout-M02-en"])
        text = "\n".join(pages)
        assert not [v for v in INDONESIAN_VALUES if v in text], example
        attendance = "\n".join(p for p in pages if "ATTENDANCE LIST" in p or "Participant code" in p)
        assert "M/F" in attendance, example
        assert not re.search(r"(?<![\w/])[LP](?![\w/])", attendance), (example, "a sex written L or P")
        assert re.search(r"\bP001\b.*\b[MF]\b", attendance), example
