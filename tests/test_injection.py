"""Injection audit (issue 10): hostile text in every field reaches no output alive.

Every free-text field of every table and of ``plan.toml`` is filled with markup
(``<script>``, ``<img onerror>``, ``</style>``, ``</title>``), a CSS-breaking string and
spreadsheet-formula payloads. Every output the project makes from that plan is then
scanned:

* HTML (handout, both reports, the Musrenbang page): parsed; no ``<script>``, no
  ``on*`` attribute, no ``<style>``/``<title>``/``<img>`` but our own, no CSS rule
  outside our strings;
* PDF with WeasyPrint and with Chromium: the payloads print as literal text and the
  document is whole (nothing executed, nothing replaced);
* XLSX/CSV (Musrenbang, CLI ``--format csv``): no formula cell, no cell starting
  with a formula character;
* ICS: parses, one event per session, no injected property line;
* CLI ``--format json|text``: runs, JSON parses.

Each document is built once (module-scoped fixtures); the module takes about a minute.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import tomli_w
from pypdf import PdfReader

from rtplan import storage
from rtplan.cellsafe import FORMULA_STARTS
from rtplan.cli import main
from rtplan.export.engines import find_browser, html_to_pdf
from rtplan.schema import TABLES

MARKUP = ['<script>alert("x1")</script>', "<img src=x onerror=alert(2)>", "</style><script>alert(3)</script>",
          "</title><script>alert(4)</script>"]
CSS = ['"; } body { display:none } /*']
FORMULA = ['=HYPERLINK("http://evil.example/?q","klik")', "+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]
PAYLOADS = MARKUP + CSS + FORMULA


STRUCTURED = {("activities", "recurrence_day")}  # a day name or rule, checked by validate


def text_columns(table: str) -> list[str]:
    """The free-text columns of a table: text or list kind, no closed list, no reference."""
    return [c.name for c in TABLES[table].columns
            if c.kind in ("str", "list") and c.allowed is None and c.ref is None
            and not c.name.endswith(("_id", "_ids")) and (table, c.name) not in STRUCTURED]


def poison(plan_dir: Path) -> dict[str, str]:
    """Fill every free text of the plan with payloads; returns original -> payload.

    The same original text gets the same payload everywhere (so names, PICs and funding
    sources still join); a running number keeps different texts apart.
    """
    mapping: dict[str, str] = {}

    def hostile(value: str) -> str:
        if value not in mapping:
            k = len(mapping)
            mapping[value] = f"{PAYLOADS[k % len(PAYLOADS)]} k{k}"
        return mapping[value]

    for name in TABLES:
        path = plan_dir / f"{name}.csv"
        if not path.exists():
            continue
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        for col in text_columns(name):
            if col not in header:
                continue
            i = header.index(col)
            for row in body:
                if row[i]:
                    row[i] = hostile(row[i])
        buf = io.StringIO()
        # quote every field: a value with a carriage return stays one field
        csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([header, *body])
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    meta = tomllib.loads((plan_dir / "plan.toml").read_text(encoding="utf-8"))
    meta["title"] = hostile(meta["title"])
    for section in ("area", "people"):
        for key, value in meta[section].items():
            if key not in ("rt", "rw"):  # RT/RW numbers stay numbers (checked by validate)
                meta[section][key] = hostile(str(value))
    (plan_dir / "plan.toml").write_text(tomli_w.dumps(meta), encoding="utf-8")
    return mapping


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import DATA, MAIN_EXAMPLE

    root = tmp_path_factory.mktemp("hostile")
    plan = root / "data" / "hostile-plan"
    shutil.copytree(DATA / MAIN_EXAMPLE, plan, ignore=shutil.ignore_patterns(".history", ".rtplan.lock"))
    (root / "exports").mkdir()
    mapping = poison(plan)
    assert len(mapping) > 300  # hundreds of distinct texts carry a payload
    from rtplan.validation import errors, validate_plan

    # a valid plan: every row is used, so every payload reaches the outputs
    assert errors(validate_plan(storage.load_plan(plan))) == []
    return plan


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    got = capsys.readouterr()
    return code, got.out, got.err


@pytest.fixture(scope="module")
def documents(hostile: Path) -> dict[str, Path]:
    """The handout and both reports as HTML (one notebook run each)."""
    out = hostile.parent.parent / "exports"
    docs = {"handout": ["handout"], "progress": ["report", "--progress"], "kas": ["report", "--kas"]}
    made = {}
    for name, argv in docs.items():
        target = out / f"{name}.html"
        assert main([argv[0], str(hostile), *argv[1:], "--format", "html", "-o", str(target)]) == 0, name
        made[name] = target
    return made


class Scan(HTMLParser):
    """Counts what could run or restyle: script/style/title/img elements, on* attributes.

    Elements inside an ``<svg>`` (matplotlib's charts carry their own ``<style>``) are
    counted apart; their text is still scanned.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, int] = {}
        self.svg_depth = 0
        self.handlers: list[str] = []
        self.img_src: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self.svg_depth += 1
        key = f"svg:{tag}" if self.svg_depth else tag
        self.tags[key] = self.tags.get(key, 0) + 1
        self.handlers += [k for k, _ in attrs if k.lower().startswith("on")]
        if tag == "img":
            self.img_src.append(dict(attrs).get("src") or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag == "svg":
            self.svg_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def css_outside_strings(css: str) -> str:
    return re.sub(r'"(?:[^"\\]|\\.)*"', '""', css)


def assert_inert_html(html: str) -> None:
    scan = Scan()
    scan.feed(html)
    assert scan.tags.get("script", 0) == 0 and scan.tags.get("svg:script", 0) == 0, "a script element"
    assert scan.handlers == [], scan.handlers
    assert scan.tags.get("style", 0) == 1 and scan.tags.get("title", 0) == 1, scan.tags
    assert all(src.startswith("data:image/") for src in scan.img_src), scan.img_src
    outside = css_outside_strings("".join(scan.styles))
    assert "display:none" not in outside.replace(" ", "") and "alert" not in outside
    # every payload is there, as text
    assert "&lt;script&gt;alert(" in html and "onerror=alert(2)" in html


def test_html_documents_hold_no_live_markup(documents: dict[str, Path]) -> None:
    for path in documents.values():
        html = path.read_text(encoding="utf-8")
        assert_inert_html(html)
    print(f"{len(documents)} HTML documents parsed: no script, no on* handler, one style, one title")


@pytest.mark.parametrize("engine", ["weasyprint", "chromium"])
def test_pdfs_print_the_payloads_as_text(engine: str, documents: dict[str, Path], hostile: Path) -> None:
    if engine == "chromium" and find_browser() is None:
        pytest.skip("no Chromium-family browser (apt-get install chromium)")
    plan = storage.load_plan(hostile)
    for name, path in documents.items():
        pdf = html_to_pdf(path.read_text(encoding="utf-8"), engine=engine, header="RT 05", lang="id",
                          base_url=str(path.parent))
        reader = PdfReader(io.BytesIO(pdf))
        text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
        assert len(reader.pages) >= (4 if name == "handout" else 2), (name, len(reader.pages))
        # the kelurahan (a CSS-breaking payload) and the markup print as typed: the page is not replaced
        assert plan.area["kelurahan"] in text, (name, plan.area["kelurahan"])
        assert [m for m in MARKUP if m in text], name
        if name == "handout":
            assert plan.title in text  # a </title><script> payload


def test_handout_pdf_through_the_cli(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI's own print path (PNG charts, running header from the hostile kelurahan)."""
    out = hostile.parent.parent / "exports" / "handout.pdf"
    code, _, err = run(["handout", str(hostile), "-o", str(out)], capsys)
    assert code == 0, err
    reader = PdfReader(out)
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    plan = storage.load_plan(hostile)
    n = len(reader.pages)
    assert n >= 4 and f"Halaman {n} dari {n}" in text
    assert plan.area["kelurahan"].split()[0] in text  # the header prints the payload literally
    meta = reader.metadata or {}
    assert "<" not in str(meta.get("/Title", "")).replace(plan.title, "")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def test_musrenbang_spreadsheets_hold_no_formula(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    out = hostile.parent.parent / "exports" / "usulan.xlsx"
    code, _, err = run(["export", str(hostile), "--musrenbang", "-o", str(out)], capsys)
    assert code == 0, err
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.coordinate for c in cells if formula_like(c.value)]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert any(v.startswith(("'=HYPERLINK", "'+1", "'-2+3")) for v in texts), texts
    rows = list(csv.reader(io.StringIO(out.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
    assert not [v for row in rows for v in row if formula_like(v)]
    pdf = PdfReader(out.with_suffix(".pdf"))
    assert len(pdf.pages) >= 1
    print(f"musrenbang: {len(cells)} XLSX cells, {sum(map(len, rows))} CSV cells: no formula")


def test_musrenbang_page_html_is_inert(hostile: Path) -> None:
    from rtplan.documents import musrenbang

    plan = storage.load_plan(hostile)
    columns = musrenbang.columns_for("superset", "id")
    html = musrenbang.page_html(plan, musrenbang.form_table(plan, columns, "id"), columns, "id")
    scan = Scan()
    scan.feed(html)
    assert scan.tags.get("script", 0) == 0 and not scan.handlers and scan.tags["style"] == 1
    assert "display:none" not in css_outside_strings("".join(scan.styles)).replace(" ", "")


CSV_COMMANDS = [["rank"], ["rank", "--method", "usg"], ["match"], ["match", "--table", "gaps"], ["kas"],
                ["kas", "--book"], ["progress"]]


def test_cli_csv_outputs_hold_no_formula(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cells = 0
    for argv in CSV_COMMANDS:
        code, out, err = run([argv[0], str(hostile), *argv[1:], "--format", "csv"], capsys)
        assert code in (0, 1), (argv, err)
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
        assert len(rows) > 1, argv
        bad = [v for row in rows for v in row if formula_like(v)]
        assert not bad, (argv, bad[:5])
        cells += sum(map(len, rows))
    # and the neutralised text is still there to read
    code, out, _ = run(["rank", str(hostile), "--format", "csv"], capsys)
    assert "'=HYPERLINK" in out or "'+1" in out or "'-2+3" in out or "'@SUM" in out
    print(f"{len(CSV_COMMANDS)} CLI CSV outputs, {cells} cells: no formula")


JSON_TEXT = [["rank"], ["match"], ["conflicts"], ["budget"], ["kas"], ["progress"]]


def test_cli_json_and_text_outputs_run(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in JSON_TEXT:
        code, out, err = run([argv[0], str(hostile), *argv[1:], "--format", "json"], capsys)
        assert code in (0, 1), (argv, err)
        json.loads(out)
        code, out, err = run([argv[0], str(hostile), *argv[1:], "--format", "text"], capsys)
        assert code in (0, 1) and out.strip() and "Traceback" not in err, (argv, err)


ICS_PROPERTIES = {"BEGIN", "END", "UID", "DTSTAMP", "SUMMARY", "DTSTART", "DTEND", "LOCATION", "DESCRIPTION",
                  "CATEGORIES", "STATUS", "PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME",
                  "X-WR-TIMEZONE", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "RDATE", "RRULE", "COMMENT"}


def test_ics_has_no_injected_lines(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import icalendar

    from rtplan.schedule import session_records

    out = hostile.parent.parent / "exports" / "jadwal.ics"
    code, _, err = run(["export", str(hostile), "--ics", "-o", str(out)], capsys)
    assert code == 0, err
    raw = out.read_bytes().decode("utf-8")
    assert "\r" not in raw.replace("\r\n", "") and "\n" not in raw.replace("\r\n", "")  # no bare line break
    unfolded = re.sub(r"\r\n[ \t]", "", raw)
    names = {re.split(r"[;:]", line, maxsplit=1)[0] for line in unfolded.split("\r\n") if line}
    assert names <= ICS_PROPERTIES, names - ICS_PROPERTIES
    cal = icalendar.Calendar.from_ical(raw)
    plan = storage.load_plan(hostile)
    events = cal.walk("VEVENT")
    assert len(events) == len(session_records(plan["activities"], plan.period))
    titles = {str(e["SUMMARY"]) for e in events}
    # the calendar is shared beyond the meeting: residents named inside a title are masked there
    # (rtplan.privacy, docs/privacy.md), so each title is the plan's title as that rule prints it
    from rtplan.documents.masking import masked_plan

    shared = masked_plan(plan, True)
    assert titles <= {str(t).strip() for t in shared["activities"]["title"]}


def test_newer_html_outputs_are_inert(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The short handout and the paper worksheets: the same checks as the documents."""
    from conftest import DATA, MAIN_EXAMPLE

    out = hostile.parent.parent / "exports"
    for name, argv in {"ringkas.html": ["handout", "--short"], "lembar.html": ["worksheets"]}.items():
        code, _, err = run([argv[0], str(hostile), *argv[1:], "--format", "html", "-o", str(out / name)], capsys)
        assert code == 0, (name, err)
        html = (out / name).read_text(encoding="utf-8")
        scan = Scan()
        scan.feed(html)
        assert scan.tags.get("script", 0) == 0 and scan.tags.get("svg:script", 0) == 0, name
        # a hostile plan adds no style element: the same stylesheets as the document of the clean example
        clean_out = out / f"clean-{name}"
        code, _, err = run([argv[0], str(DATA / MAIN_EXAMPLE), *argv[1:], "--format", "html", "-o", str(clean_out)],
                           capsys)
        assert code == 0, (name, err)
        clean = Scan()
        clean.feed(clean_out.read_text(encoding="utf-8"))
        assert scan.handlers == [] and scan.tags.get("style", 0) == clean.tags.get("style", 0) >= 1, (name, scan.tags)
        assert "display:none" not in css_outside_strings("".join(scan.styles)).replace(" ", ""), name
        assert "&lt;script&gt;alert(" in html, name  # the payloads are there, as text


def test_whole_plan_spreadsheets_hold_no_formula(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    from openpyxl import load_workbook

    out = hostile.parent.parent / "exports"
    code, _, err = run(["export", str(hostile), "--xlsx", "-o", str(out / "rencana.xlsx")], capsys)
    assert code == 0, err
    cells = [c for ws in load_workbook(out / "rencana.xlsx").worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.coordinate for c in cells if formula_like(c.value)]
    code, _, err = run(["export", str(hostile), "--csv-excel", "-o", str(out / "rencana.zip")], capsys)
    assert code == 0, err
    values = []
    with zipfile.ZipFile(out / "rencana.zip") as bundle:
        for member in bundle.namelist():
            text = bundle.read(member).decode("utf-8-sig")
            values += [v for row in csv.reader(io.StringIO(text), delimiter=";") for v in row]
    assert values and not [v for v in values if formula_like(v)]
    print(f"whole-plan XLSX ({len(cells)} cells) and Excel CSV ({len(values)} cells): no formula")


def test_phone_cards_draw_the_payloads_as_text(hostile: Path) -> None:
    from rtplan.documents.cards import build_cards, render_card

    plan = storage.load_plan(hostile)
    start = plan.period[0]  # type: ignore[index]
    cards = build_cards(plan, "all", month=start, kas_month=start)
    assert cards
    text = "\n".join(i.head + "\n" + "\n".join(i.lines) for c in cards for i in c.items)
    assert "<script>alert(" in text or "=HYPERLINK" in text  # drawn literally, never interpreted
    for card in cards[:3]:
        image = render_card(card)
        assert image.size == (1080, 1350)
