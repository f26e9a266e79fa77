"""Step 1 panels driven headless: set values, click, check the plan folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import opened

from rtplan import storage
from rtplan.needs import final_order, usg_ranking
from rtplan.ui.needs import step1


@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step1(example_dir)


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def _disk(folder: Path, name: str):  # type: ignore[no-untyped-def]
    return storage.load_plan(folder)[name]


# -- needs ------------------------------------------------------------------------------------
def test_add_need_saves_it_and_every_panel_offers_it(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "needs")
    editor.new_button.click()
    assert editor.fields["need_id"].value == "N15"
    editor.fields["title"].value = "Posyandu lansia belum punya alat tensi"
    editor.fields["category"].value = "kesehatan"
    editor.fields["households_affected"].value = "12"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    saved = _disk(example_dir, "needs").set_index("need_id")
    assert saved.loc["N15", "title"] == "Posyandu lansia belum punya alat tensi"
    assert saved.loc["N15", "households_affected"] == 12
    assert "N15" in opened(tab, "usg").boxes
    assert "N15" in opened(tab, "dots").boxes
    assert "N15" in {v: k for k, v in opened(tab, "pairwise").candidates.options}


def test_deleting_a_scored_need_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "needs")
    before = _csv(example_dir, "needs")
    editor.rows.value = "N07"
    editor.delete_button.click()
    assert editor.status.kind == "error"
    assert "skor USG" in editor.status.text
    assert "masih memakai kebutuhan" in editor.status.text
    assert ".csv" not in editor.status.text
    assert _csv(example_dir, "needs") == before


# -- USG grid -------------------------------------------------------------------------------------
def test_usg_grid_saves_one_scorers_scores_and_the_ranking_follows(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    grid, board = opened(tab, "usg"), opened(tab, "ranking")
    assert board.current.order[0] == "N07"
    grid.scorer.value = "P001"
    assert [b.value for b in grid.boxes["N12"]] == ["2", "2", "2"]  # saved scores shown
    for box in grid.boxes["N12"]:
        box.value = "5"
    assert "15" in grid.totals["N12"].value
    grid.save_button.click()
    assert grid.status.kind == "ok", grid.status.text
    scores = _disk(example_dir, "usg_scores")
    row = scores[(scores["need_id"] == "N12") & (scores["scorer"] == "P001")].iloc[0]
    assert (row["urgency"], row["seriousness"], row["growth"]) == (5, 5, 5)
    assert len(scores) == 70  # replaced in place, nothing else touched
    expected = usg_ranking(storage.load_plan(example_dir)).table.set_index("need_id").loc["N12", "total"]
    # means over five scorers: U 2.8 + S 3.0 + G 3.0
    assert board.current.table.set_index("need_id").loc["N12", "total"] == expected == pytest.approx(8.8)


def test_usg_and_dots_tabs_show_their_ranking_chart_beside_the_form(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from rtplan.ui.base import LiveResult

    usg_box, dots_box = tab.children[1], tab.children[2]
    assert usg_box.children[0] is opened(tab, "usg")
    assert dots_box.children[0] is opened(tab, "dots")
    usg_chart, dots_chart = usg_box.children[1], dots_box.children[1]
    assert isinstance(usg_chart, LiveResult)
    assert isinstance(dots_chart, LiveResult)
    assert usg_box.layout.flex_flow == "row wrap"  # beside on a projector, below on a narrow page
    before = (usg_chart.renders, dots_chart.renders)
    grid = opened(tab, "usg")
    grid.scorer.value = "P001"
    for box in grid.boxes["N12"]:
        box.value = "5"
    grid.save_button.click()
    assert grid.status.kind == "ok", grid.status.text
    # the USG chart follows the save; the dot chart does not read usg_scores, so it is not redrawn
    assert (usg_chart.renders, dots_chart.renders) == (before[0] + 1, before[1])


def test_charts_beside_the_forms_are_drawn_at_the_size_they_are_shown(example_dir: Path) -> None:
    """Every text of the charts beside the USG grid and the dots is at least 15 pt on a figure
    5.2 in wide: shown about 500 CSS px wide on the projector, that is 20 px (the facilitator
    path test measures the width in the browser)."""
    from rtplan.charts.needs import BESIDE_FONT_PT, BESIDE_WIDTH_IN
    from rtplan.ui.needs.step import _dots_chart, _usg_chart

    plan = storage.load_plan(example_dir)
    for fig in (_usg_chart(plan), _dots_chart(plan)):
        assert fig.get_size_inches()[0] == BESIDE_WIDTH_IN
        fig.canvas.draw()
        texts = [t for t in fig.findobj(match=lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
                 if t.get_text().strip()]
        assert len(texts) > 20
        small = {t.get_text(): t.get_fontsize() for t in texts if t.get_fontsize() < BESIDE_FONT_PT}
        assert not small, small
        assert BESIDE_FONT_PT * 500 / (72 * BESIDE_WIDTH_IN) >= 18


def test_usg_consensus_scorer_adds_consensus_rows(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    grid = opened(tab, "usg")
    assert grid.scorer.value == "konsensus"
    # the dropdown shows it too (index and label follow the value in the browser)
    assert grid.scorer.label == "konsensus (hasil musyawarah)"
    assert grid.scorer.index == 0
    assert opened(tab, "dots").participant.label == "P001 · Bambang Hartono"
    assert opened(tab, "tree").need.label.startswith("N07 · ")
    assert all(b.value == "" for boxes in grid.boxes.values() for b in boxes)
    for box, value in zip(grid.boxes["N03"], ("5", "5", "5")):
        box.value = value
    grid.save_button.click()
    assert grid.status.kind == "ok"
    result = usg_ranking(storage.load_plan(example_dir))
    assert result.order[0] == "N03"
    assert result.consensus == ("N03",)
    assert opened(tab, "ranking").rankings["usg"].order[0] == "N03"


def test_usg_out_of_range_is_refused_and_nothing_is_lost(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    grid = opened(tab, "usg")
    grid.scorer.value = "P005"
    before = _csv(example_dir, "usg_scores")
    grid.boxes["N01"][0].value = "7"
    grid.boxes["N02"][1].value = ""
    grid.boxes["N04"][2].value = "4"  # a good edit in the same save must not be lost on screen either
    grid.save_button.click()
    assert grid.status.kind == "error"
    assert "N01: U harus angka 1 sampai 5, bukan '7'" in grid.status.text
    assert "N02: isi ketiga skor U, S dan G" in grid.status.text
    assert _csv(example_dir, "usg_scores") == before
    assert grid.boxes["N01"][0].value == "7"
    assert grid.boxes["N04"][2].value == "4"


def test_usg_emptying_a_row_removes_that_score(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    grid = opened(tab, "usg")
    grid.scorer.value = "P015"
    for box in grid.boxes["N14"]:
        box.value = ""
    grid.save_button.click()
    assert grid.status.kind == "ok"
    scores = _disk(example_dir, "usg_scores")
    assert not ((scores["need_id"] == "N14") & (scores["scorer"] == "P015")).any()
    assert len(scores) == 69


def test_usg_save_refused_when_the_file_changed_on_disk(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    grid = opened(tab, "usg")
    path = example_dir / "usg_scores.csv"
    outside = path.read_text(encoding="utf-8") + "N14,P020,1,1,1\n"
    path.write_text(outside, encoding="utf-8")
    grid.scorer.value = "P001"
    grid.boxes["N01"][0].value = "1"
    grid.save_button.click()
    assert grid.status.kind == "error"
    assert "Skor USG sudah diubah di luar formulir ini" in grid.status.text
    assert "Muat ulang" in grid.status.text
    assert ".csv" not in grid.status.text
    assert grid.reload_button.layout.display != "none"
    assert path.read_text(encoding="utf-8") == outside


# -- dot voting -----------------------------------------------------------------------------------
def test_dot_votes_of_one_participant_are_saved(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "dots")
    panel.participant.value = "P003"
    assert panel.boxes["N01"].value == "2"
    assert panel.boxes["N07"].value == "1"
    panel.boxes["N01"].value = ""
    panel.boxes["N07"].value = "2"
    panel.boxes["N12"].value = "1"
    assert "3 titik dipakai" in panel.used.value
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    votes = _disk(example_dir, "votes")
    mine = votes[votes["participant_id"] == "P003"].set_index("need_id")["dots"].to_dict()
    assert mine == {"N07": 2, "N12": 1}
    assert opened(tab, "ranking").rankings["dots"].table.set_index("need_id").loc["N12", "dots"] == 1


def test_bad_dot_count_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "dots")
    before = _csv(example_dir, "votes")
    panel.participant.value = "P010"
    panel.boxes["N05"].value = "dua"
    panel.boxes["N06"].value = "25"
    panel.save_button.click()
    assert panel.status.kind == "error"
    assert "N05: jumlah titik harus bilangan bulat 0 sampai 20, bukan 'dua'" in panel.status.text
    assert "'25'" in panel.status.text
    assert _csv(example_dir, "votes") == before
    assert panel.boxes["N05"].value == "dua"


def test_more_dots_than_suggested_warns_but_saves(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "dots")
    panel.participant.value = "P030"
    panel.boxes["N09"].value = "6"
    assert "lebih dari saran 3" in panel.used.value
    panel.save_button.click()
    assert panel.status.kind == "ok"
    votes = _disk(example_dir, "votes")
    assert votes[(votes["participant_id"] == "P030")]["dots"].tolist() == [6]


# -- pairwise runner ---------------------------------------------------------------------------
def test_pairwise_runner_presents_each_pair_and_saves_answers(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    runner = opened(tab, "pairwise")
    assert set(runner.candidates.value) == {"N01", "N03", "N05", "N07", "N08"}  # those already compared
    runner.candidates.value = ("N02", "N04", "N06")
    runner.judge.value = "P002"
    runner.start_button.click()
    assert runner.stage.layout.display == "flex"
    seen = []
    for answer in ("a", "tie", "b"):
        pair = runner.current
        assert pair is not None
        seen.append(pair)
        assert pair[0] in runner.card_a.value
        assert pair[1] in runner.card_b.value
        {"a": runner.a_button, "b": runner.b_button, "tie": runner.tie_button}[answer].click()
        assert runner.status.kind == "ok", runner.status.text
    assert len({frozenset(p) for p in seen}) == 3
    assert "Semua 3 pasangan sudah dinilai" in runner.status.text
    pw = _disk(example_dir, "pairwise")
    mine = pw[pw["participant_id"] == "P002"]
    assert len(mine) == 3
    assert len(pw) == 13
    winners = dict(zip(zip(mine["need_a"], mine["need_b"]), mine["winner"]))
    assert winners[seen[0]] == seen[0][0]
    assert winners[seen[1]] == "seri"
    assert winners[seen[2]] == seen[2][1]


def test_pairwise_candidates_follow_the_scores_until_the_facilitator_picks(example_dir: Path) -> None:
    from rtplan.needs import combined_view

    plan = storage.load_plan(example_dir)
    storage.save_tables(plan, {"pairwise": plan.copy_table("pairwise").iloc[:0]})  # nothing compared yet
    tab = step1(example_dir)
    top = tuple(combined_view(tab.session.plan).order[:5])
    assert set(opened(tab, "pairwise").candidates.value) == set(top)
    # the room scores a need outside the top five as the most urgent: it joins the candidates at once
    outside = next(n for n in combined_view(tab.session.plan).order if n not in top)
    for box in opened(tab, "usg").boxes[outside]:
        box.value = "5"
    opened(tab, "usg").save_button.click()
    assert opened(tab, "usg").status.kind == "ok", opened(tab, "usg").status.text
    now = tuple(combined_view(tab.session.plan).order[:5])
    assert outside in now
    assert set(opened(tab, "pairwise").candidates.value) == set(now)
    # the facilitator's own choice is kept whatever the scores do
    opened(tab, "pairwise").candidates.value = now[:3]
    for box in opened(tab, "usg").boxes[top[0]]:
        box.value = "1"
    opened(tab, "usg").save_button.click()
    assert opened(tab, "usg").status.kind == "ok", opened(tab, "usg").status.text
    assert opened(tab, "pairwise").candidates.value == now[:3]


def test_pairwise_runner_changes_an_answer_and_refuses_too_few_needs(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    runner = opened(tab, "pairwise")
    runner.candidates.value = ("N01",)
    before = _csv(example_dir, "pairwise")
    runner.start_button.click()
    assert runner.status.kind == "error"
    assert "dua kebutuhan" in runner.status.text
    runner.candidates.value = ("N01", "N07")
    runner.start_button.click()  # the group already judged N01-N07 (N07 won): shows it, saved answer marked
    assert runner.current == ("N01", "N07")
    assert runner.b_button.button_style == "info"
    assert _csv(example_dir, "pairwise") == before
    runner.a_button.click()
    pw = _disk(example_dir, "pairwise")
    row = pw[(pw["need_a"] == "N01") & (pw["need_b"] == "N07")]
    assert row["winner"].tolist() == ["N01"]
    assert len(pw) == 10
    assert "N01 > N07" not in runner.result.value  # result table refreshed: N01 now first among them
    assert opened(tab, "ranking").rankings["pairwise"].order[0] in ("N01", "N07")


# -- ranking, final order --------------------------------------------------------------------
def test_ranking_panel_switches_method_and_aggregate(tab) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "ranking")
    board.method.value = "dots"
    assert "Voting titik" in board.table.value
    assert "titik terbanyak" in board.table.value
    board.method.value = "usg"
    board.aggregate.value = "median"
    assert board.current.aggregate == "median"
    assert "median" in board.table.value
    board.method.value = "combined"
    assert "Kesesuaian USG-Voting titik" in board.table.value


def test_final_order_taken_from_usg_reordered_and_saved(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "final")
    assert panel.order == ["N07", "N01", "N03", "N05", "N08"]  # the saved order
    panel.take_from.value = "usg"
    panel.top_k.value = 3
    panel.take_button.click()
    assert panel.order == ["N07", "N01", "N03"]
    panel.chosen.value = "N03"
    panel.up_button.click()
    panel.note.value = "Disepakati musyawarah"
    panel.others.value = "N13"
    panel.add_button.click()
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    pri = _disk(example_dir, "priorities")
    assert pri["need_id"].tolist() == ["N07", "N03", "N01", "N13"]
    assert pri["rank"].tolist() == [1, 2, 3, 4]
    assert set(pri["method"]) == {"usg"}
    assert pri.loc[1, "note"] == "Disepakati musyawarah"
    assert final_order(storage.load_plan(example_dir)).order[:4] == ["N07", "N03", "N01", "N13"]
    assert opened(tab, "ranking").rankings["final"].order[:4] == ["N07", "N03", "N01", "N13"]


def test_clearing_the_final_order_falls_back_to_combined(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "final")
    before = _csv(example_dir, "priorities")
    panel.clear_button.click()
    assert panel.confirm.asking  # asked first, naming how many go
    assert "5 kebutuhan" in panel.confirm.question.value
    assert _csv(example_dir, "priorities") == before
    panel.confirm.yes.click()
    assert panel.status.kind == "ok"
    assert _csv(example_dir, "priorities") == b"need_id,rank,method,note,decided_in\n"
    result = final_order(storage.load_plan(example_dir))
    assert result.source == "combined"
    assert panel.order == []
    panel.undo_button.click()  # and back
    assert _csv(example_dir, "priorities") == before
    assert panel.order[:2] == ["N07", "N01"]


# -- problem tree --------------------------------------------------------------------------
def test_build_a_problem_tree_for_another_need(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "tree")
    assert panel.need.value == "N07"
    assert len(panel.nodes.options) == 8
    panel.need.value = "N03"
    assert panel.nodes.options == ()
    assert panel.kind.value == "inti"
    panel.text.value = "Lansia tidak terpantau tekanan darah dan gula darahnya"
    panel.save_button.click()
    assert panel.status.kind == "ok", panel.status.text
    core = panel.nodes.value
    panel.new_button.click()
    assert panel.kind.value == "sebab"
    assert panel.parent.value == core
    panel.text.value = "Puskesmas jauh dan antrean panjang"
    panel.save_button.click()
    tree = _disk(example_dir, "problem_tree")
    mine = tree[tree["need_id"] == "N03"]
    assert mine["kind"].tolist() == ["inti", "sebab"]
    assert mine["parent_id"].tolist()[1] == core
    assert mine["node_id"].tolist() == ["T09", "T10"]


def test_deleting_a_node_with_children_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "tree")
    before = _csv(example_dir, "problem_tree")
    panel.nodes.value = "T02"  # T05 hangs from it
    panel.delete_button.click()
    assert panel.status.kind == "error"
    assert "1 simpul di bawahnya masih memakai simpul pohon masalah 'Sebagian warga" in panel.status.text
    assert _csv(example_dir, "problem_tree") == before
    panel.nodes.value = "T05"
    assert panel.parent.value == "T02"
    panel.delete_button.click()
    assert _csv(example_dir, "problem_tree") == before  # asked first
    panel.confirm.yes.click()
    assert panel.status.kind == "ok"
    assert "T05" not in set(_disk(example_dir, "problem_tree")["node_id"])


def test_empty_tree_text_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    panel = opened(tab, "tree")
    before = _csv(example_dir, "problem_tree")
    panel.new_button.click()
    panel.text.value = "  "
    panel.save_button.click()
    assert panel.status.kind == "error"
    assert "Isi: wajib diisi" in panel.status.text
    assert _csv(example_dir, "problem_tree") == before


def test_summary_and_english_panels(example_dir: Path) -> None:
    tab = step1(example_dir, "en")
    assert "Needs by category" in opened(tab, "summary").children[0].value
    assert "environment" in opened(tab, "summary").table.value
    assert opened(tab, "usg").save_button.description == "Save"
    assert "Order: highest total U+S+G" in opened(tab, "ranking").table.value


def test_dots_of_many_participants_are_typed_at_once_from_the_poster(  # type: ignore[no-untyped-def]
        tab, example_dir: Path) -> None:
    grid = opened(tab, "dotgrid")
    assert grid.boxes["P003"]["N01"].value == "2"  # the saved dots are shown
    assert grid.boxes["P003"]["N02"].value == ""
    before = _disk(example_dir, "votes")
    untouched = before[~before["participant_id"].isin(["P003", "P010", "P030"])]
    grid.boxes["P003"]["N01"].value = "0"  # taken back
    grid.boxes["P010"]["N05"].value = "2"
    grid.boxes["P010"]["N06"].value = "1"
    grid.boxes["P030"]["N09"].value = " 3 "
    grid.save_button.click()
    assert grid.status.kind == "ok", grid.status.text
    votes = _disk(example_dir, "votes")
    mine = {(r.participant_id, r.need_id): r.dots for r in votes.itertuples()}
    assert ("P003", "N01") not in mine
    assert mine[("P010", "N05")] == 2 and mine[("P010", "N06")] == 1 and mine[("P030", "N09")] == 3
    # everyone else's dots are as they were
    after = votes[~votes["participant_id"].isin(["P003", "P010", "P030"])]
    assert after.reset_index(drop=True).equals(untouched.reset_index(drop=True))
    # the per-person panel and the ranking follow
    opened(tab, "dots").participant.value = "P010"
    assert opened(tab, "dots").boxes["N05"].value == "2"
    assert opened(tab, "ranking").rankings["dots"].table.set_index("need_id").loc["N09", "dots"] >= 3


def test_a_wrong_box_in_the_dot_grid_saves_nothing_and_names_person_and_need(  # type: ignore[no-untyped-def]
        tab, example_dir: Path) -> None:
    grid = opened(tab, "dotgrid")
    before = _csv(example_dir, "votes")
    grid.boxes["P010"]["N05"].value = "2"
    grid.boxes["P011"]["N02"].value = "dua"
    grid.save_button.click()
    assert grid.status.kind == "error"
    assert "P011, N02: jumlah titik harus bilangan bulat 0 sampai 20, bukan 'dua'" in grid.status.text
    assert _csv(example_dir, "votes") == before
    assert grid.boxes["P010"]["N05"].value == "2"  # what was typed stays
