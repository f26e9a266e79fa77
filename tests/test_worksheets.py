"""Issue 18: printable worksheets and typing them back (rtplan.documents.worksheets, rtplan worksheets)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from rtplan import storage
from rtplan.cli import main
from rtplan.documents.sheet_entry import enter_sheet
from rtplan.documents.worksheets import (
    GridError,
    parse_code,
    plan_code,
    sheet_needs,
    sheet_pairs,
    worksheets_html,
    write_worksheets,
)
from rtplan.needs import top_needs


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _print(plan_dir: Path, tmp_path: Path, *args: str) -> None:
    """Print the worksheets (HTML: fast) so their records exist, as before typing any sheet back."""
    assert main(["worksheets", str(plan_dir), "--format", "html", "-o", str(tmp_path / "printed.html"), *args]) == 0


def test_pdf_for_each_example_lists_every_need_and_every_pair(any_example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    first = str(plan["participants"]["participant_id"].iloc[0])
    out = write_worksheets(plan, tmp_path / "out" / "ws.pdf", scorers=[first], blank=0)
    pages = [_flat(p.extract_text()) for p in PdfReader(out).pages]
    code = plan_code(plan)
    usg = [p for p in pages if f"{code}/" in p and f"/USG/{first}" in p]
    pw = [p for p in pages if re.search(rf"{code}/[^/ ]+/PW5", p)]
    assert usg and pw
    usg_text, pw_text = " ".join(usg), " ".join(pw)
    for _nid, title in sheet_needs(plan):
        assert _flat(title) in usg_text, title
    top = top_needs(plan, 5)
    assert len(top) == 5
    for _nid, title in top:
        assert _flat(title) in pw_text, title
    pairs = sheet_pairs(plan, 5)
    assert len(pairs) == 5 * 4 // 2 == len({frozenset(p) for p in pairs})
    # every pair is printed with its number and both ids
    for i, (a, b) in enumerate(pairs, start=1):
        assert re.search(rf"\b{i} {a} .*?{b} ", pw_text), (i, a, b)
    # the daftar hadir, the poster and the mapping sheet are there with their codes
    for token in ("/DH", "/DOTS", "/MAP"):
        assert any(f"{code}/" in p and token in p for p in pages), token


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_number_of_pairs_is_n_choose_2(example_dir: Path, n: int) -> None:
    plan = storage.load_plan(example_dir)
    html = worksheets_html(plan, top=n, scorers=[], blank=0)
    ticks = html.count('class="ws-tick"')
    assert ticks == 3 * n * (n - 1) // 2
    assert f"/PW{n}" in html


def test_plan_text_is_escaped(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    needs = plan.copy_table("needs")
    needs.loc[0, "title"] = "<script>alert(1)</script> & co"
    storage.save_table(plan, "needs", needs)
    html = worksheets_html(plan, scorers=[], blank=1)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_sheet_codes_round_trip(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    code = parse_code(f"{plan_code(plan)}/M02/USG/P001")
    assert code is not None and (code.kind, code.meeting, code.who) == ("usg", "M02", "P001")
    assert parse_code("RT05RW03/M02/PW4").top == 4
    assert parse_code("RT05RW03/M02/DH").kind == "attendance"
    assert parse_code("hello") is None and parse_code("A/B/NOPE") is None


def test_output_inside_plan_folder_is_refused(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    from rtplan.exceptions import RtplanError

    with pytest.raises(RtplanError, match="folder rencana"):
        write_worksheets(plan, example_dir / "ws.pdf", fmt="html")
    assert not (example_dir / "ws.pdf").exists()


# -- typing back ---------------------------------------------------------------------------
def test_usg_grid_saves_valid_rows(example_dir: Path, tmp_path: Path) -> None:
    _print(example_dir, tmp_path, "--meeting", "M01", "--scorers", "P004")
    plan = storage.load_plan(example_dir)
    needs = [nid for nid, _ in sheet_needs(plan)]
    values = ";".join(f"{nid}={1 + i % 5},{1 + (i + 1) % 5},{1 + (i + 2) % 5}" for i, nid in enumerate(needs))
    done = enter_sheet(plan, f"{plan_code(plan)}/M01/USG/P004", None, values)
    assert (done.table, done.rows, done.code.who) == ("usg_scores", len(needs), "P004")
    saved = storage.load_plan(example_dir)["usg_scores"]
    mine = saved[saved["scorer"] == "P004"].set_index("need_id")
    for i, nid in enumerate(needs):
        assert list(mine.loc[nid, ["urgency", "seriousness", "growth"]]) == [1 + i % 5, 1 + (i + 1) % 5,
                                                                               1 + (i + 2) % 5]


def test_bad_grid_is_refused_with_every_problem_and_nothing_saved(example_dir: Path, tmp_path: Path) -> None:
    _print(example_dir, tmp_path, "--scorers", "P004")
    before = (example_dir / "usg_scores.csv").read_bytes()
    plan = storage.load_plan(example_dir)
    with pytest.raises(GridError) as caught:
        enter_sheet(plan, "usg", "P004", "N01=5,4,7;N02=5,4;N99=1,1,1;N03=x,1,1")
    text = " | ".join(caught.value.problems)
    assert "N01 G: '7' bukan angka 1 sampai 5" in text
    assert "N02: perlu tiga angka" in text
    assert "'N99' tidak ada di needs.csv" in text
    assert "N03 U: 'x'" in text
    assert (example_dir / "usg_scores.csv").read_bytes() == before


def test_pairwise_by_number_and_by_ids(example_dir: Path, tmp_path: Path) -> None:
    _print(example_dir, tmp_path, "--meeting", "M02", "--top", "4")
    plan = storage.load_plan(example_dir)
    pairs = sheet_pairs(plan, 4)
    a, b = pairs[1]
    done = enter_sheet(plan, f"{plan_code(plan)}/M02/PW4", "P002", f"1=A;{b}/{a}=seri;3=B;4={pairs[3][1]}",
                       partial=True)
    assert done.rows == 4
    saved = storage.load_plan(example_dir)["pairwise"]
    mine = saved[saved["participant_id"] == "P002"]
    got = {frozenset((x, y)): w for x, y, w in zip(mine["need_a"], mine["need_b"], mine["winner"])}
    assert got[frozenset(pairs[0])] == pairs[0][0]
    assert got[frozenset(pairs[1])] == "seri"
    assert got[frozenset(pairs[2])] == pairs[2][1]
    assert got[frozenset(pairs[3])] == pairs[3][1]
    with pytest.raises(GridError, match="Pasangan '7' tidak ada"):
        enter_sheet(storage.load_plan(example_dir), "pairwise", "", "7=A", top=4, meeting_id="M02")


def test_dots_and_wrong_plan_or_person(example_dir: Path, tmp_path: Path) -> None:
    _print(example_dir, tmp_path, "--scorers", "P005")
    plan = storage.load_plan(example_dir)
    done = enter_sheet(plan, "dots", "P005", "N01=2;N02=1")
    assert done.rows == 2
    votes = storage.load_plan(example_dir)["votes"]
    assert dict(zip(*[votes[votes["participant_id"] == "P005"][c] for c in ("need_id", "dots")])) == \
        {"N01": 2, "N02": 1}
    with pytest.raises(GridError, match="milik rencana RT01RW09"):
        enter_sheet(plan, "RT01RW09/M01/USG/P001", None, "N01=1,1,1")
    with pytest.raises(GridError, match="perlu kode peserta"):
        enter_sheet(plan, "dots", "", "N01=1")
    with pytest.raises(GridError, match="'P999' tidak ada"):
        enter_sheet(plan, "dots", "P999", "N01=1")
    with pytest.raises(GridError, match="bukan jumlah titik 0 sampai 20"):
        enter_sheet(plan, "dots", "P005", "N01=21")


def test_cli_enter_and_print(example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _print(example_dir, tmp_path, "--scorers", "P006")
    capsys.readouterr()
    before = (example_dir / "usg_scores.csv").read_bytes()
    rc = main(["worksheets", str(example_dir), "--enter", "usg", "--scorer", "P006", "--values", "N01=9,1,1"])
    err = capsys.readouterr().err
    assert rc == 2 and "tidak disimpan" in err and "N01 U: '9'" in err
    assert (example_dir / "usg_scores.csv").read_bytes() == before
    rc = main(["worksheets", str(example_dir), "--enter", "usg", "--scorer", "P006", "--values", "N01=5,4,3"])
    err = capsys.readouterr().err
    assert rc == 2 and "baru terisi 1 dari" in err and "--partial" in err  # a partial sheet is listed, not saved
    assert (example_dir / "usg_scores.csv").read_bytes() == before
    rc = main(["worksheets", str(example_dir), "--enter", "usg", "--scorer", "P006", "--values", "N01=5,4,3",
               "--partial"])
    assert rc == 0 and "1 baris di usg_scores.csv" in capsys.readouterr().out
    rc = main(["worksheets", str(example_dir), "--format", "html", "--scorers", "P001", "--blank", "0",
               "-o", str(tmp_path / "ws.html"), "--lang", "en"])
    assert rc == 0 and "Worksheets written" in capsys.readouterr().out
    html = (tmp_path / "ws.html").read_text(encoding="utf-8")
    assert "USG scoring sheet" in html and "Pairwise comparison sheet" in html
    rc = main(["worksheets", str(example_dir), "--format", "html", "-o", str(example_dir / "x.html")])
    assert rc == 2 and "di dalam folder rencana" in capsys.readouterr().err
    assert not (example_dir / "x.html").exists()


def test_pairwise_sheet_typed_back_after_the_ranking_changed_stores_the_printed_pairs(
        example_dir: Path, tmp_path: Path) -> None:
    import json

    from rtplan.documents.worksheets import record_path

    _print(example_dir, tmp_path, "--meeting", "M02", "--top", "4")
    plan = storage.load_plan(example_dir)
    code = f"{plan_code(plan)}/M02/PW4"
    printed = [tuple(p) for p in json.loads(record_path(plan, parse_code(code)).read_text())["pairs"]]
    assert printed == sheet_pairs(plan, 4)
    # the ranking changes after printing: the meeting agrees on another need first (priorities.csv)
    last = next(nid for nid, _ in reversed(sheet_needs(plan)) if nid not in {n for p in printed for n in p})
    pri = plan.copy_table("priorities")
    pri["rank"] = pri["rank"] + 1
    top = pri.iloc[:1].copy()
    top["need_id"], top["rank"] = last, 1
    storage.save_table(plan, "priorities", pd.concat([top, pri[pri["need_id"] != last]], ignore_index=True))
    plan = storage.load_plan(example_dir)
    assert sheet_pairs(plan, 4) != printed  # worked out again today, pair 1 would be another pair
    done = enter_sheet(plan, code, "", ";".join(f"{i}=A" for i in range(1, len(printed) + 1)))
    assert done.rows == len(printed)
    saved = storage.load_plan(example_dir)["pairwise"]
    group = saved[saved["participant_id"].isna() | (saved["participant_id"].astype(str) == "")]
    got = {frozenset((a, b)): w for a, b, w in zip(group["need_a"], group["need_b"], group["winner"])}
    for a, b in printed:
        assert got[frozenset((a, b))] == a
    assert not any(last in k for k in got)


def test_typing_back_a_sheet_never_printed_is_refused(example_dir: Path) -> None:
    before = (example_dir / "pairwise.csv").read_bytes()
    plan = storage.load_plan(example_dir)
    with pytest.raises(GridError, match="tidak pernah dicetak"):
        enter_sheet(plan, f"{plan_code(plan)}/M02/PW5", "", "1=A")
    assert (example_dir / "pairwise.csv").read_bytes() == before


def test_usg_sheets_go_to_the_meeting_attendance_or_n_blank(example_dir: Path) -> None:
    from rtplan.documents.worksheets import build_sheets, expected_scorers
    from rtplan.meetings import choose_meeting

    plan = storage.load_plan(example_dir)
    meeting = choose_meeting(plan, "M01")
    expected = expected_scorers(plan, meeting)
    att = plan["attendance"]
    assert 0 < len(expected) == len(set(att.loc[att["meeting_id"] == "M01", "participant_id"]))
    assert len(expected) < len(plan["participants"])
    sheets = build_sheets(plan, meeting, "id")
    usg = [s for s in sheets if s.kind == "usg"]
    assert [s.code.who for s in usg] == [*expected, "", ""]
    assert [s.kind for s in sheets].count("tally") == 1
    blank = [s for s in build_sheets(plan, meeting, "id", scorers=[], blank=7) if s.kind == "usg"]
    assert len(blank) == 7 and not any(s.code.who for s in blank)
    html = worksheets_html(plan, "M01", scorers=[], blank=0)
    assert "Lembar rekap" in html and "Total USG" in html and "Kode peserta" in html


def test_a3_poster_is_a_real_a3_page(example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(example_dir)
    out = write_worksheets(plan, tmp_path / "a3.pdf", scorers=[], blank=0, poster="a3")
    sizes = {}
    for page in PdfReader(out).pages:
        mm = tuple(round(float(x) / 72 * 25.4) for x in page.mediabox[2:])
        sizes.setdefault("DOTS" if "/DOTS" in page.extract_text() else "other", set()).add(mm)
    assert sizes["DOTS"] == {(297, 420)}
    assert sizes["other"] == {(210, 297)}


def test_usg_cells_carry_the_numbers_to_ring_as_one_image(example_dir: Path) -> None:
    """Every U, S and G cell of a USG sheet shows 1-5 in circles: one transparent PNG printed as
    the cells' background (15 laid-out boxes a row were most of a large plan's print time)."""
    import base64
    import io
    import re

    import numpy as np
    from PIL import Image

    from rtplan.documents.worksheets import NUMS_MM, numbers_png, worksheets_html

    plan = storage.load_plan(example_dir)
    page = worksheets_html(plan, scorers=["P001"], blank=0)
    usg = page.split('data-code="RT05RW03/M02/USG/P001"')[1].split("</section>")[0]
    scored = usg.count("<tr>") - 1  # the head row
    assert usg.count('<td class="ws-nums"></td>') == 3 * scored > 0
    assert numbers_png() in page and 'ws-num"' not in page
    with Image.open(io.BytesIO(base64.b64decode(numbers_png().split(",", 1)[1]))) as image:
        assert image.mode == "LA"
        assert abs(image.width / image.height - NUMS_MM[0] / NUMS_MM[1]) < 0.01
        alpha = np.asarray(image.getchannel("A"))
    # five rings side by side: a row through the rings' top stroke crosses each ring once, and no digit
    top = alpha[4] > 0
    assert len(re.findall("1+", "".join("1" if x else "0" for x in top))) == 5
