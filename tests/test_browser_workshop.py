"""Workshop mode end to end in a real browser (issue 13): the step pages with no code, at 1280x720.

Each test runs the workshop on a temporary copy of a plan (``rtplan workshop`` when it
exists, else Voila on the step notebooks), drives headless Chromium as a facilitator
would (tabs, labelled fields, buttons by their text; see ``workshop_pages.py``) and
checks the plan folder on disk. Nothing waits a fixed time: each step waits for what
the page shows or for the file to change. Screenshots: ``<tmp_path>/screenshots``;
on failure they are copied to a folder named in the message.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from pathlib import Path
from urllib.parse import urljoin

import pandas as pd
import pytest
from conftest import MAIN_EXAMPLE, copy_example
from workshop_pages import WorkshopPage, facilitator, snapshot, wait_for_file

from rtplan.messages import t
from rtplan.schema import CONSENSUS
from rtplan.ui.inputs import read_money

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NEW_NEED = "Lampu penerangan Gang Mawar padam"
HANDOUT_TIMEOUT = 240_000  # ms: the handout PDF built in the page's kernel on a loaded machine


def _csv(plan: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(plan / f"{table}.csv", dtype=str, keep_default_na=False)


def _chart_src(wp: WorkshopPage) -> str:
    """The ranking chart's image (``data:`` URL) in step 1's *Peringkat* tab."""
    img = wp.step.locator(".rtplan-ranking-panel img").first
    img.wait_for(state="attached")
    return str(img.get_attribute("src"))


def _add_need(wp: WorkshopPage, plan: Path, title: str, category: str) -> str:
    """Add a need in step 1's *Kebutuhan* tab; return its id (read from the saved file)."""
    before = (plan / "needs.csv").read_bytes()
    wp.tab(t("ui.needs.tab.needs", "id"))
    wp.press(t("ui.new", "id"))
    wp.fill("Kebutuhan/masalah", title)
    wp.choose("Bidang", category)
    wp.press(t("ui.save", "id"))
    saved = wp.wait_saved()
    wait_for_file(plan / "needs.csv", before)
    row = _csv(plan, "needs").query("title == @title")
    assert len(row) == 1, f"{title!r} not saved once in needs.csv"
    need_id = str(row["need_id"].iloc[0])
    assert need_id in saved
    return need_id


def _history(plan: Path) -> list[str]:
    """The kept earlier versions (``.history/``): a refused save adds none."""
    return sorted(str(p.relative_to(plan)) for p in (plan / ".history").rglob("*") if p.is_file())


def test_add_and_score_a_need_moves_the_chart(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    needs_before = _csv(plan, "needs")
    usg_before = _csv(plan, "usg_scores")
    with facilitator(plan, tmp_path, request.node.name) as wp:
        wp.goto_step(1)
        first = _chart_src(wp)
        need_id = _add_need(wp, plan, NEW_NEED, "infrastruktur")
        usg_file = (plan / "usg_scores.csv").read_bytes()
        grid = wp.tab(t("ui.needs.tab.usg", "id"))
        scorer = grid.locator(".rtplan-usg-scorer select option:checked").inner_text()
        assert " ".join(scorer.split()) == t("ui.needs.consensus_option", "id")  # the meeting's consensus row
        for criterion in ("urgency", "seriousness", "growth"):
            grid.locator(f".rtplan-usg-{need_id}-{criterion} input").fill("5")
        wp.shot("step1-usg-typed", focus=grid.locator(f".rtplan-usg-{need_id}-growth"))
        wp.press(t("ui.save", "id"))
        wp.wait_saved()
        wait_for_file(plan / "usg_scores.csv", usg_file)
        ranking = wp.tab(t("ui.needs.tab.ranking", "id"))
        wp.page.wait_for_function(
            "([sel, old]) => { const i = document.querySelector(sel); return i && i.src !== old; }",
            arg=[".rtplan-step1 .rtplan-ranking-panel img", first])
        after = _chart_src(wp)
        # the ranking table shows the new need first: 5+5+5 is the highest USG total
        first_row = ranking.locator(".rtplan-ranking-table tbody tr").first
        first_row.filter(has_text=NEW_NEED).wait_for()
        wp.shot("step1-ranking-after", focus=ranking.locator(".rtplan-ranking-table"))
    assert after != first
    needs = _csv(plan, "needs")
    assert needs.iloc[: len(needs_before)].equals(needs_before)
    assert needs.iloc[len(needs_before):][["need_id", "title", "category"]].values.tolist() == [
        [need_id, NEW_NEED, "infrastruktur"]]
    usg = _csv(plan, "usg_scores")
    assert usg.iloc[: len(usg_before)].equals(usg_before)
    assert usg.iloc[len(usg_before):].values.tolist() == [[need_id, CONSENSUS, "5", "5", "5"]]


def test_invalid_values_show_a_message_and_change_nothing(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    files, history = snapshot(plan), _history(plan)
    messages: list[str] = []
    with facilitator(plan, tmp_path, request.node.name) as wp:
        wp.goto_step(1)
        # a USG score of 7 (the scale is 1-5)
        grid = wp.tab(t("ui.needs.tab.usg", "id"))
        for criterion, value in (("urgency", "7"), ("seriousness", "3"), ("growth", "3")):
            grid.locator(f".rtplan-usg-N01-{criterion} input").fill(value)
        wp.press(t("ui.save", "id"))
        expected = t("ui.needs.usg_bad", "id", need="N01", low=1, high=5, criterion=t("needs.col.urgency", "id"),
                     value="7")
        messages.append(wp.wait_status(expected))
        wp.shot("step1-usg-7", focus=wp.status())
        # a need without its title
        wp.tab(t("ui.needs.tab.needs", "id"))
        wp.press(t("ui.new", "id"))
        wp.choose("Bidang", "kesehatan")
        wp.fill("Lokasi", "Gang Melati")
        wp.press(t("ui.save", "id"))
        messages.append(wp.wait_status("✘"))
        wp.shot("step1-need-no-title", focus=wp.status())
        assert "Kebutuhan/masalah" in messages[-1]
        assert t("rule.required", "id") in messages[-1]
        # money typed with the letter O for a zero
        wp.goto_step(3)
        wp.tab(t("ui.schedule.tab.activities", "id"))
        wp.press(t("ui.new", "id"))
        wp.fill("Kegiatan", "Kerja bakti saluran air")
        wp.fill("Tanggal mulai", "10/01/2027")
        wp.fill("Biaya total (Rp)", "5O000")
        reason = read_money("5O000", "id").error
        assert reason
        wp.panel.locator(".rtplan-input-error", has_text=reason).wait_for()  # said under the field as it is typed
        wp.press(t("ui.save", "id"))
        messages.append(wp.wait_status(t("ui.input.bad", "id", label="Biaya total (Rp)", reason=reason)))
        wp.shot("step3-money-5O000", focus=wp.status())
    for message in messages:
        assert ".csv" not in message
        assert not re.search(r"\b(is required|must|not a|Traceback|Error)\b", message), message
    assert snapshot(plan) == files, "a refused value changed the plan folder"
    assert _history(plan) == history


def _public_holiday(plan: Path) -> tuple[dt.date, str]:
    """1 Januari or 17 Agustus inside the plan's period (from rtplan's holiday calendar)."""
    from rtplan.holidays_id import holidays_between
    from rtplan.storage import load_plan

    start, end = load_plan(plan).period
    days = holidays_between(start, end, "id")
    for year in range(start.year, end.year + 1):
        for day in (dt.date(year, 8, 17), dt.date(year, 1, 1)):
            if day in days and not days[day][0].joint:
                return day, days[day][0].name
    raise AssertionError(f"neither 17 Agustus nor 1 Januari between {start} and {end}")


def test_activity_on_a_public_holiday_shows_the_conflict(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    day, holiday = _public_holiday(plan)
    title = "Senam pagi bersama lansia"
    with facilitator(plan, tmp_path, request.node.name) as wp:
        wp.goto_step(3)
        conflicts = wp.step.locator(".rtplan-conflicts")
        assert title not in conflicts.inner_text()
        before = (plan / "activities.csv").read_bytes()
        form = wp.tab(t("ui.schedule.tab.activities", "id"))
        wp.press(t("ui.new", "id"))
        wp.fill("Kegiatan", title)
        wp.fill("Tanggal mulai", day.strftime("%d/%m/%Y"))
        wp.fill("Jam mulai", "06:30")
        wp.fill("Tempat", "Lapangan RT 05")
        # the preview names the holiday before anything is saved
        form.locator(".rtplan-activity-preview", has_text=day.strftime("%Y")).wait_for()
        wp.press(t("ui.save", "id"))
        wp.wait_saved()
        wait_for_file(plan / "activities.csv", before)
        # beside the form, without leaving it: the new activity's holiday among the conflicts
        beside = form.locator(".rtplan-beside .rtplan-glance").filter(has_text=title).filter(has_text=holiday)
        beside.wait_for()
        wp.shot("step3-holiday-beside-the-form", focus=beside)
        panel = wp.tab(t("ui.schedule.tab.conflicts", "id"))
        found = panel.locator(".rtplan-conflicts").filter(has_text=title).filter(has_text=holiday)
        found.wait_for()
        wp.shot("step3-holiday-conflict", focus=panel.get_by_text(holiday).first)
        text = found.inner_text()
    assert t("conflict.kind.holiday", "id") in text
    row = _csv(plan, "activities").query("title == @title")
    assert row["start_date"].tolist() == [day.isoformat()]


def test_confirm_a_match(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    from rtplan.resources import match_needs
    from rtplan.storage import load_plan

    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    result = match_needs(load_plan(plan))
    pick = next((i, m) for i, nid in enumerate(result.order, 1) for m in result.for_need(nid) if m.decision is None)
    position, match = pick
    option = f"{position}. {match.need_id} · {result.need_titles[match.need_id]}"
    before = (plan / "matches.csv").read_bytes()
    with facilitator(plan, tmp_path, request.node.name) as wp:
        wp.goto_step(2)
        board = wp.tab(t("res.ui.tab.board", "id"))
        wp.choose(t("res.ui.board.need", "id"), option)
        card = board.locator(f"button.rtplan-match-accept-{match.resource_id}")
        card.click()
        saved = wp.wait_saved()
        wait_for_file(plan / "matches.csv", before)
        decided = t("res.ui.board.saved", "id", resource=match.resource_id, need=match.need_id,
                    decision=t("res.decision.diterima", "id"))
        assert decided in saved
        board.locator(f"button.rtplan-match-undo-{match.resource_id}:not([disabled])").wait_for()
        wp.shot("step2-match-accepted", focus=board.locator(f"button.rtplan-match-accept-{match.resource_id}"))
    matches = _csv(plan, "matches")
    mine = matches[(matches["need_id"] == match.need_id) & (matches["resource_id"] == match.resource_id)]
    assert mine["decision"].tolist() == ["diterima"]
    assert len(matches) == len(pd.read_csv(io.BytesIO(before))) + 1


def _pdf_text(data: bytes) -> str:
    """The PDF's text on one line: spaces collapsed, a word broken after its hyphen joined again."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text))


def make_handout(wp: WorkshopPage) -> bytes:
    """Press *Buat handout* on step 5 and take the PDF its link gives; return its bytes.

    The link is either the PDF itself (a ``data:`` URL to download, as the workshop
    gives it) or an address on the server, fetched as the browser would.
    """
    wp.goto_step(5)
    wp.press(t("ui.doc.make", "id"))
    link = wp.panel.locator("a[download], a[href$='.pdf']").first
    link.wait_for(timeout=HANDOUT_TIMEOUT)
    wp.shot("step5-handout-link", focus=link)
    href = str(link.get_attribute("href"))
    if href.startswith("data:"):
        head, _, data = href.partition(",")
        assert head == "data:application/pdf;base64", head
        body = base64.b64decode(data)
    else:
        url = urljoin(wp.page.url, href)
        response = wp.page.request.get(url)
        assert response.ok, f"the handout link {href!r} ({url}) answered {response.status}"
        body = bytes(response.body())
    assert body.startswith(b"%PDF"), f"the handout link gave no PDF: {body[:80]!r}"
    (wp.shots / "handout.pdf").write_bytes(body)  # kept beside the screenshots
    return body


def test_make_handout_names_the_new_need(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    plan = copy_example(MAIN_EXAMPLE, tmp_path)
    with facilitator(plan, tmp_path, request.node.name) as wp:
        wp.goto_step(1)
        _add_need(wp, plan, NEW_NEED, "infrastruktur")
        pdf = make_handout(wp)
        # the facilitator downloads it: a download is no page left, the page's kernel lives on
        with wp.page.expect_download(timeout=HANDOUT_TIMEOUT) as got:
            wp.panel.locator("a[download]").first.click()
        assert got.value.suggested_filename.endswith("-M02.pdf"), got.value.suggested_filename
        wp.press(t("ui.doc.short", "id"))
        wp.press(t("ui.doc.make", "id"))
        wp.panel.locator("a[download$='-ringkas-M02.pdf']").wait_for(timeout=HANDOUT_TIMEOUT)
    assert NEW_NEED in _pdf_text(pdf)


# -- the whole path, as a facilitator who never saw Python ---------------------------------------------

PEOPLE = [("Bambang Hartono", "L"), ("Sri Rahayu", "P"), ("Agus Setiawan", "L")]
NEEDS = [  # title, bidang; the first five have a resource below whose skill is in the title
    ("Ibu-ibu ingin pelatihan menjahit", "ekonomi"),
    ("Saluran air mampet saat hujan", "lingkungan"),
    ("Anak perlu les membaca", "pendidikan"),
    ("Lansia perlu pemeriksaan kesehatan rutin", "kesehatan"),
    ("Remaja butuh lapangan olahraga", "sosial-budaya"),
    ("Sampah menumpuk di gang", "lingkungan"),
    ("Penerangan gang kurang", "infrastruktur"),
    ("Pos ronda tidak aktif", "keamanan"),
    ("UMKM sulit memasarkan produk", "ekonomi"),
    ("Warga jarang berkumpul", "sosial-budaya"),
]
USG = ["545", "454", "433", "555", "323", "443", "332", "222", "344", "212"]  # U, S, G per need
DOTS = {0: {"N01": "2", "N04": "1"}, 1: {"N04": "2", "N02": "1"}, 2: {"N05": "1", "N03": "1", "N01": "1"}}
RESOURCES = [  # name, kategori ABCD, keahlian (tags)
    ("Keterampilan menjahit Bu Ani", "individu", "menjahit"),
    ("Kelompok kerja bakti", "asosiasi", "saluran air;kerja bakti"),
    ("Pensiunan guru SD", "individu", "membaca;les"),
    ("Puskesmas Kelurahan", "institusi", "pemeriksaan kesehatan"),
    ("Lapangan voli RW", "fisik", "lapangan;olahraga"),
]
ACTIVITIES = [  # title, need, start (dd/mm/yyyy), time, venue, cost
    ("Kursus menjahit ibu-ibu", "N01", "09/01/2027", "08:00", "Rumah Bu Ani", "750rb"),
    ("Kerja bakti saluran air", "N02", "17/01/2027", "07:00", "Gang Melati", "300.000"),
    ("Les membaca anak", "N03", "12/01/2027", "16:00", "Rumah Pak Guru", "0"),
    ("Cek kesehatan lansia", "N04", "20/01/2027", "09:00", "Balai Warga", "Rp 250.000"),
    ("Turnamen voli remaja", "N05", "06/02/2027", "15:30", "Lapangan voli RW", "1,5 jt"),
    ("Bank sampah RT", "N06", "13/02/2027", "08:00", "Pos ronda", "400rb"),
]


def _rows(plan: Path, table: str) -> int:
    path = plan / f"{table}.csv"
    return len(_csv(plan, table)) if path.exists() else 0


def _wait_rows(plan: Path, table: str, n: int, timeout: float = 30) -> None:
    """Poll ``table``.csv until it has ``n`` rows (a deadline, no fixed wait)."""
    import time

    deadline = time.monotonic() + timeout
    while _rows(plan, table) != n:
        assert time.monotonic() < deadline, f"{table}.csv has {_rows(plan, table)} rows, not {n}"
        time.sleep(0.2)


def _add_rows(wp: WorkshopPage, key_label: str, rows: list[dict[str, str]]) -> list[str]:
    """Add each row with *Baru* / fields / *Simpan*; return the ids the form gave."""
    ids = []
    for row in rows:
        ident = wp.new_row(key_label, t("ui.new", "id"))
        for label, value in row.items():
            if label.startswith("choose:"):
                wp.choose(label.removeprefix("choose:"), value)
            elif label.startswith("radio:"):
                wp.pick_radio(value)
            elif label.startswith("pick:"):
                wp.choose_containing(label.removeprefix("pick:"), value)
            else:
                wp.fill(label, value)
        wp.press(t("ui.save", "id"))
        wp.wait_status(t("ui.saved_row", "id", id=ident))
        ids.append(ident)
    return ids


def test_facilitator_path_from_a_new_plan_to_the_handout(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import subprocess
    import sys
    import time

    started = time.monotonic()
    plan = tmp_path / "rt07-rw02"  # does not exist: the first page offers to create it
    timings: dict[str, float] = {}
    with facilitator(plan, tmp_path, request.node.name) as wp:
        # -- a new plan, from the first page ------------------------------------------------------------
        wp.goto_step(0, ready=".rtplan-header")
        header = wp.page.locator(".rtplan-header")
        wp.fill(t("workshop.new_rt", "id"), "7", scope=header)
        wp.fill(t("workshop.new_rw", "id"), "2", scope=header)
        wp.fill(t("workshop.new_kelurahan", "id"), "Mekarsari", scope=header)
        # the folder by its name: the page never shows where on the machine it is
        assert wp.field(t("workshop.new_folder", "id"), scope=header).input_value() == plan.name
        wp.shot("step0-new-plan-form", focus=header)
        wp.press(t("workshop.new", "id"), scope=header)
        # the page opens itself on the new plan: nobody reloads by hand
        wp.page.wait_for_url(re.compile(r"00_profil_peserta\.ipynb\?plan="), timeout=60_000)
        assert (plan / "plan.toml").is_file()
        wp.wait_step(0)
        assert str(tmp_path) not in wp.page.locator(".rtplan-header").inner_text()
        timings["new plan"] = time.monotonic() - started
        # -- step 0: the RT profile, three participants, the meeting, who came ----------------------------
        wp.tab(t("ui.tab.profile", "id"))
        for label, value in (("Kecamatan", "Sukamaju"), ("Kota/Kabupaten", "Kota Semarang"),
                             ("Provinsi", "Jawa Tengah"), ("Jumlah KK", "48"), ("Ketua RT", "Bambang Hartono"),
                             ("Fasilitator", "Rina Kurniasih")):
            wp.fill(label, value)
        wp.press(t("ui.save", "id"))
        wp.wait_status(t("ui.saved", "id"))
        wp.tab(t("ui.tab.participants", "id"))
        _add_rows(wp, "ID peserta", [{"Nama": name, "choose:L/P": sex, "radio:consent": t("ui.consent.yes", "id")}
                                             for name, sex in PEOPLE])
        wp.tab(t("ui.tab.meetings", "id"))
        _add_rows(wp, "ID pertemuan", [{"Tanggal": "05/01/2027", "Judul": "Musyawarah perencanaan RT 07",
                                        "Tempat": "Balai Warga RT 07", "Jam mulai": "19:30"}])
        wp.tab(t("ui.tab.attendance", "id"))
        for pid in ("P001", "P002", "P003"):
            wp.panel.locator(f".rtplan-present-{pid} input").check()
        wp.press(t("ui.save", "id"))
        wp.wait_status(t("ui.attendance.saved", "id", meeting="M01", n=3))
        wp.shot("step0-attendance", focus=wp.status())
        timings["step 0"] = time.monotonic() - started
        # -- step 1: ten needs, scored three ways ---------------------------------------------------------
        wp.goto_step(1)
        # with no needs yet every part of the page is shown, down to the handout button at its end
        wp.page.locator("button:visible", has_text="Buat handout").first.wait_for()
        assert wp.page.locator(".rtplan-cellfailed").count() == 0
        wp.shot("step1-empty-plan")
        wp.tab(t("ui.needs.tab.needs", "id"))
        need_ids = _add_rows(wp, "ID kebutuhan", [{"Kebutuhan/masalah": title, "choose:Bidang": category}
                                                  for title, category in NEEDS])
        assert need_ids == [f"N{i:02d}" for i in range(1, 11)]
        grid = wp.tab(t("ui.needs.tab.usg", "id"))
        for need_id, scores in zip(need_ids, USG):
            for criterion, value in zip(("urgency", "seriousness", "growth"), scores):
                grid.locator(f".rtplan-usg-{need_id}-{criterion} input").fill(value)
        wp.press(t("ui.save", "id"))
        wp.wait_status(t("ui.needs.usg_saved", "id", scorer=CONSENSUS, n=10))
        wp.shot("step1-usg-saved", focus=wp.status())
        # the chart beside the grid is drawn at the size it is shown: its 15 pt labels are 18 px or more
        from rtplan.charts.needs import BESIDE_FONT_PT, BESIDE_WIDTH_IN

        shown = wp.panel.locator(".rtplan-beside img").first.evaluate("img => img.getBoundingClientRect().width")
        assert BESIDE_FONT_PT / 72 * (shown / BESIDE_WIDTH_IN) >= 18, f"chart shown {shown:.0f} px wide"
        dots = wp.tab(t("ui.needs.tab.dots", "id"))
        for index, votes in DOTS.items():
            pid = f"P{index + 1:03d}"
            wp.choose_containing(t("ui.needs.participant", "id"), pid)
            # the grid shows this participant's (empty) votes before anything is typed
            wp.page.wait_for_function(
                "els => els.every(e => e.value === '')",
                arg=[dots.locator(f".rtplan-dots-{n} input").element_handle() for n in need_ids])
            for need_id, n in votes.items():
                dots.locator(f".rtplan-dots-{need_id} input").fill(n)
            wp.press(t("ui.save", "id"))
            wp.wait_status(t("ui.needs.dots_saved", "id", participant=pid, n=sum(int(v) for v in votes.values())))
        runner = wp.tab(t("ui.needs.tab.pairwise", "id"))
        wp.press(t("ui.needs.start", "id"))
        runner.locator(".rtplan-pairwise-a").wait_for()
        wp.shot("step1-pairwise", focus=runner.locator(".rtplan-pairwise-a"))
        pairs = _rows(plan, "pairwise")
        for k in range(10):  # five candidates: ten pairs; A, B or a tie as the room decides
            runner.locator(f".rtplan-pairwise-{('a', 'b', 'a', 'tie', 'a')[k % 5]}").click()
            _wait_rows(plan, "pairwise", pairs + k + 1)
        wp.wait_status(t("ui.needs.pairs_done", "id", n=10))
        ranking = wp.tab(t("ui.needs.tab.ranking", "id"))
        ranking.locator(".rtplan-ranking-table tbody tr").first.wait_for()
        wp.shot("step1-ranking", focus=ranking.locator(".rtplan-ranking-table"))
        timings["step 1"] = time.monotonic() - started
        # -- step 2: five resources, matched -----------------------------------------------------------------
        wp.goto_step(2)
        wp.tab(t("res.ui.tab.resources", "id"))
        resource_ids = _add_rows(wp, "ID sumber daya", [
            {"Nama": name, "choose:Kategori ABCD": category, "Keahlian/kata kunci": tags}
            for name, category, tags in RESOURCES])
        board = wp.tab(t("res.ui.tab.board", "id"))
        for need_id, resource_id in zip(need_ids, resource_ids):
            wp.choose_containing(t("res.ui.board.need", "id"), f"{need_id} · ")
            board.locator(f"button.rtplan-match-accept-{resource_id}").click()
            wp.wait_status(t("res.ui.board.saved", "id", resource=resource_id, need=need_id,
                             decision=t("res.decision.diterima", "id")))
        wp.shot("step2-board", focus=board.locator(".rtplan-match-overview"))
        timings["step 2"] = time.monotonic() - started
        # -- step 3: six activities ------------------------------------------------------------------------
        wp.goto_step(3)
        wp.tab(t("ui.schedule.tab.activities", "id"))
        _add_rows(wp, "ID kegiatan", [
            {"Kegiatan": title, "pick:Menjawab kebutuhan": f"{need} · ", "Tanggal mulai": start, "Jam mulai": time_,
             "Tempat": venue, "Penanggung jawab": "Bambang Hartono", "Biaya total (Rp)": cost}
            for title, need, start, time_, venue, cost in ACTIVITIES])
        # a weekly and a monthly activity; the monthly calendar follows each save without a reload
        calendar_js = ("() => { const outs = Array.from(document.querySelectorAll('.rtplan-live'))"
                       ".map(e => Array.from(e.querySelectorAll('img')).map(i => i.src));"
                       " return outs.filter(s => s.length === 6)[0] || null; }")
        calendar = wp.page.evaluate(calendar_js)
        assert calendar, "the page shows one calendar per month of the plan (January to June)"
        # an empty field's hint is grey and says it is a hint: never black like a time already set
        start_time = wp.field("Jam mulai")
        assert start_time.get_attribute("placeholder") == t("ui.hint.time", "id")
        grey = start_time.evaluate("el => getComputedStyle(el, '::placeholder').color")
        assert grey == "rgb(110, 110, 110)", grey
        _add_rows(wp, "ID kegiatan", [
            {"Kegiatan": "Ronda malam", "pick:Menjawab kebutuhan": "N07 · ", "Tanggal mulai": "09/01/2027",
             "choose:" + t("ui.schedule.rec.label", "id"): t("ui.schedule.rec.weekly", "id"),
             "choose:" + t("ui.schedule.rec.weekday", "id"): "Sabtu", "Jam mulai": "21:00", "Tempat": "Pos ronda",
             "Penanggung jawab": "Bambang Hartono", "Biaya total (Rp)": "0"}])
        wp.page.wait_for_function(f"prev => {{ const now = ({calendar_js})(); return now && "
                                  "now.some((s, i) => s !== prev[i]); }", arg=calendar, timeout=60_000)
        calendar = wp.page.evaluate(calendar_js)
        _add_rows(wp, "ID kegiatan", [
            {"Kegiatan": "Posyandu balita", "pick:Menjawab kebutuhan": "N08 · ", "Tanggal mulai": "03/01/2027",
             "choose:" + t("ui.schedule.rec.label", "id"): t("ui.schedule.rec.monthly", "id"),
             "choose:" + t("ui.schedule.rec.nth", "id"): t("recurrence.nth.1", "id"),
             "choose:" + t("ui.schedule.rec.weekday", "id"): "Minggu", "Jam mulai": "08:00",
             "Tempat": "Balai Warga", "Penanggung jawab": "Bambang Hartono", "Biaya total (Rp)": "200rb"}])
        wp.shot("step3-monthly-activity", focus=wp.status())
        wp.page.wait_for_function(f"prev => {{ const now = ({calendar_js})(); return now && "
                                  "now.some((s, i) => s !== prev[i]); }", arg=calendar, timeout=60_000)
        wp.page.evaluate("() => Array.from(document.querySelectorAll('.rtplan-live'))"
                         ".find(e => e.querySelectorAll('img').length === 6).querySelector('img').scrollIntoView()")
        wp.shot("step3-calendar")
        conflicts = wp.tab(t("ui.schedule.tab.conflicts", "id"))
        wp.shot("step3-conflicts", focus=conflicts.locator(".rtplan-conflicts"))
        timings["step 3"] = time.monotonic() - started
        wp.goto_step(4)
        wp.shot("step4")
        # -- step 5: the handout ------------------------------------------------------------------------------
        pdf = make_handout(wp)
        timings["handout"] = time.monotonic() - started
    # -- what is on disk ------------------------------------------------------------------------------------
    check = subprocess.run([sys.executable, "-m", "rtplan", "validate", str(plan)], capture_output=True, text=True,
                           check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    counts = {name: _rows(plan, name) for name in ("participants", "meetings", "attendance", "needs", "usg_scores",
                                                   "votes", "pairwise", "resources", "matches", "activities")}
    assert counts == {"participants": 3, "meetings": 1, "attendance": 3, "needs": 10, "usg_scores": 10, "votes": 7,
                      "pairwise": 10, "resources": 5, "matches": 5, "activities": 8}
    assert set(_csv(plan, "matches")["decision"]) == {"diterima"}
    activities = _csv(plan, "activities")
    assert activities["cost_idr"].tolist() == ["750000", "300000", "0", "250000", "1500000", "400000", "0", "200000"]
    assert activities["need_ids"].tolist() == [a[1] for a in ACTIVITIES] + ["N07", "N08"]
    assert activities[["recurrence", "recurrence_day"]].values.tolist()[-2:] == [["weekly", "sabtu"],
                                                                                 ["monthly", "1-minggu"]]
    meta = (plan / "plan.toml").read_text(encoding="utf-8")
    for setting in ('rt = "07"', 'kelurahan = "Mekarsari"', "households = 48"):
        assert setting in meta
    text = _pdf_text(pdf)
    missing = [title for title, _ in NEEDS[:5]] + [a[0] for a in ACTIVITIES]
    missing = [s for s in missing if s not in text]
    assert not missing, f"not in the handout: {missing}"
    assert "Mekarsari" in text
    print("facilitator path, seconds since start:", {k: round(v) for k, v in timings.items()})
