"""Step 1 core: USG, dot voting, pairwise ranking, combined view, final order, problem tree."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtplan import storage
from rtplan.needs import (
    all_rankings,
    combined_view,
    dot_ranking,
    final_order,
    kendall_tau_b,
    needs_by_category,
    pair_schedule,
    pairwise_ranking,
    pending_pairs,
    priorities_frame,
    priority_order,
    problem_tree,
    ranking,
    set_pairwise,
    set_usg_scores,
    set_votes,
    spearman,
    suggested_dots,
    upsert_tree_node,
    usg_ranking,
)
from rtplan.render.views import to_records, to_text
from rtplan.schema import TABLES
from rtplan.tables import is_missing
from rtplan.views.needs import ranking_data, ranking_view


def frame(name: str, rows: list[dict[str, object]]) -> pd.DataFrame:
    """A table of the schema with the given rows (missing columns empty), typed like a loaded plan."""
    spec = TABLES[name]
    data = pd.DataFrame([{c: r.get(c) for c in spec.column_names} for r in rows], columns=spec.column_names)
    return data.astype({c.name: c.dtype for c in spec.columns})


def needs(*ids: str, category: str = "lingkungan") -> pd.DataFrame:
    return frame("needs", [{"need_id": i, "title": f"Masalah {i}", "category": category} for i in ids])


def usg(*rows: tuple[str, str, int, int, int]) -> pd.DataFrame:
    return frame("usg_scores", [{"need_id": n, "scorer": s, "urgency": u, "seriousness": se, "growth": g}
                                for n, s, u, se, g in rows])


def votes(*rows: tuple[str, str, int]) -> pd.DataFrame:
    return frame("votes", [{"need_id": n, "participant_id": p, "dots": d} for n, p, d in rows])


def pairs(*rows: tuple[str, str, str] | tuple[str, str, str, str]) -> pd.DataFrame:
    return frame("pairwise", [{"need_a": r[0], "need_b": r[1], "winner": r[2],
                               "participant_id": r[3] if len(r) > 3 else None} for r in rows])


# -- USG: published worked examples --------------------------------------------------------
def test_published_usg_example_issue_2_first_with_14_issue_1_second_with_13_issue_3_third_with_10() -> None:
    # Tabel 3.4 "Analisis isu menggunakan metode USG": isu 1 U4 S5 G4, isu 2 U5 S5 G4, isu 3 U3 S4 G3
    tables = {"needs": needs("isu1", "isu2", "isu3"),
              "usg_scores": usg(("isu1", "P01", 4, 5, 4), ("isu2", "P01", 5, 5, 4), ("isu3", "P01", 3, 4, 3))}
    result = usg_ranking(tables)
    got = list(zip(result.table["need_id"], result.table["total"], result.table["rank"]))
    assert got == [("isu2", 14, 1), ("isu1", 13, 2), ("isu3", 10, 3)]
    assert list(result.table["score"]) == [14, 13, 10]
    assert "S (keseriusan)" in result.tie_break


def test_published_example_as_consensus_rows_gives_the_same_ranks() -> None:
    tables = {"needs": needs("isu1", "isu2", "isu3"),
              "usg_scores": usg(("isu1", "konsensus", 4, 5, 4), ("isu2", "konsensus", 5, 5, 4),
                                ("isu3", "konsensus", 3, 4, 3))}
    result = usg_ranking(tables)
    assert result.order == ["isu2", "isu1", "isu3"]
    assert list(result.table["total"]) == [14, 13, 10]
    assert result.consensus == ("isu1", "isu2", "isu3")
    assert set(result.table["source"]) == {"konsensus"}


def test_second_published_example_perkesmas_9_before_7() -> None:
    tables = {"needs": needs("m1", "m2"),
              "usg_scores": usg(("m2", "P1", 3, 2, 2), ("m1", "P1", 4, 3, 2))}
    result = usg_ranking(tables)
    assert list(zip(result.table["need_id"], result.table["total"], result.table["rank"])) == [
        ("m1", 9, 1), ("m2", 7, 2)]


# -- USG: tie-break ------------------------------------------------------------------------
def test_usg_tie_break_total_then_s_then_u_then_dots_then_need_id() -> None:
    tables = {
        "needs": needs("N1", "N2", "N3", "N4", "N5", "N10"),
        "usg_scores": usg(
            ("N1", "P1", 4, 4, 4),   # 12, S4 U4
            ("N2", "P1", 3, 5, 4),   # 12, S5: first among the 12s
            ("N3", "P1", 5, 4, 3),   # 12, S4 U5: before N1 and N4
            ("N4", "P1", 4, 4, 4),   # 12, S4 U4, more dots than N1
            ("N5", "P1", 4, 4, 4),   # 12, S4 U4, dots as N1 -> need id order
            ("N10", "P1", 4, 4, 4),  # like N5 but N5 < N10 in natural order
        ),
        "votes": votes(("N4", "P2", 3), ("N1", "P3", 1), ("N5", "P3", 1), ("N10", "P4", 1)),
    }
    result = usg_ranking(tables)
    assert result.order == ["N2", "N3", "N4", "N1", "N5", "N10"]
    assert list(result.table["decided_by"]) == ["", "seriousness", "urgency", "dots", "need_id", "need_id"]
    assert result.tie_break.startswith("Urutan: total U+S+G tertinggi; bila sama: S (keseriusan)")
    text = to_text(ranking_view(result))  # a ranking read as its view: table, tie-break, notes
    assert result.tie_break.split(";")[0] in text and "Seri diputus oleh" in text


def test_equal_mean_totals_are_a_tie_despite_float_noise() -> None:
    # 4.6 + 4.2 + 4.6 and 4.2 + 4.6 + 4.6 must compare equal, so S decides
    tables = {"needs": needs("A", "B"),
              "usg_scores": usg(("A", "P1", 5, 4, 5), ("A", "P2", 4, 4, 4), ("A", "P3", 5, 5, 5),
                                ("A", "P4", 4, 4, 4), ("A", "P5", 5, 4, 5),
                                ("B", "P1", 4, 5, 5), ("B", "P2", 4, 4, 4), ("B", "P3", 5, 5, 5),
                                ("B", "P4", 4, 4, 4), ("B", "P5", 4, 5, 5))}
    result = usg_ranking(tables)
    assert list(result.table["total"]) == [13.4, 13.4]
    assert result.order == ["B", "A"] and list(result.table["decided_by"]) == ["", "seriousness"]


# -- USG: several scorers, consensus --------------------------------------------------------
def test_mean_and_median_per_criterion_with_spread() -> None:
    tables = {"needs": needs("A"),
              "usg_scores": usg(("A", "P1", 5, 5, 5), ("A", "P2", 1, 2, 1), ("A", "P3", 2, 2, 3))}
    mean = usg_ranking(tables).table.iloc[0]
    assert (mean["urgency"], mean["seriousness"], mean["growth"]) == (pytest.approx(8 / 3), 3, 3)
    assert mean["total"] == pytest.approx(8 / 3 + 6)
    assert (mean["total_min"], mean["total_max"], mean["n_scorers"]) == (4, 15, 3)
    assert mean["total_std"] == pytest.approx(np.std([15, 4, 7]))
    assert (mean["urgency_min"], mean["urgency_max"]) == (1, 5)
    median = usg_ranking(tables, aggregate="median").table.iloc[0]
    assert (median["urgency"], median["seriousness"], median["growth"], median["total"]) == (2, 2, 3, 7)
    assert median["source"] == "median"


def test_consensus_row_takes_precedence_and_says_so() -> None:
    tables = {"needs": needs("A", "B"),
              "usg_scores": usg(("A", "P1", 5, 5, 5), ("A", "P2", 5, 5, 5), ("A", "konsensus", 2, 2, 2),
                                ("B", "P1", 3, 3, 3))}
    result = usg_ranking(tables)
    assert result.order == ["B", "A"]
    row = result.table.set_index("need_id").loc["A"]
    assert (row["total"], row["source"], row["n_scorers"], row["total_min"]) == (6, "konsensus", 2, 15)
    assert result.consensus == ("A",)
    assert any("konsensus" in n and "A" in n for n in result.notes)
    assert any("B" in n and "rata-rata" in n for n in result.notes)
    ignored = usg_ranking(tables, use_consensus=False)
    assert ignored.order == ["A", "B"] and ignored.consensus == ()


def test_unscored_needs_are_left_out_and_listed() -> None:
    result = usg_ranking({"needs": needs("A", "B"), "usg_scores": usg(("B", "P1", 1, 1, 1))}, lang="en")
    assert result.order == ["B"] and result.unscored == ("A",)
    assert any(n.startswith("Not scored with USG yet: A") for n in result.notes)


def test_forty_scorers_aggregate_like_numpy() -> None:
    rng = np.random.default_rng(7)
    rows = []
    for need in ("A", "B", "C"):
        for p in range(40):
            u, s, g = rng.integers(1, 6, size=3)
            rows.append((need, f"P{p:02d}", int(u), int(s), int(g)))
    tables = {"needs": needs("A", "B", "C"), "usg_scores": usg(*rows)}
    result = usg_ranking(tables).table.set_index("need_id")
    for need in ("A", "B", "C"):
        mine = np.array([r[2:] for r in rows if r[0] == need], dtype=float)
        assert result.loc[need, "total"] == pytest.approx(mine.mean(axis=0).sum())
        assert result.loc[need, "n_scorers"] == 40
        assert result.loc[need, "total_max"] == mine.sum(axis=1).max()


def test_one_need_and_no_needs() -> None:
    one = {"needs": needs("A"), "usg_scores": usg(("A", "P1", 2, 3, 4)), "votes": votes(("A", "P1", 2)),
           "pairwise": pairs()}
    rankings = all_rankings(one)
    assert [r.order for r in rankings.values()] == [["A"], ["A"], [], ["A"], ["A"]]
    assert rankings["pairwise"].missing_pairs == () and rankings["pairwise"].cycles == ()
    empty = all_rankings({})
    assert all(r.table.empty for r in empty.values())
    assert any("Belum ada kebutuhan" in n for n in empty["final"].notes)


# -- dot voting ------------------------------------------------------------------------------
def test_dot_totals_share_and_voters() -> None:
    tables = {"needs": needs("A", "B", "C"),
              "votes": votes(("A", "P1", 2), ("A", "P2", 1), ("B", "P3", 3), ("C", "P4", 0))}
    result = dot_ranking(tables)
    table = result.table.set_index("need_id")
    assert result.order == ["A", "B", "C"]  # 3 dots each for A and B: A has more voters
    assert list(result.table["decided_by"]) == ["", "voters", ""]
    assert table.loc["A", "dots"] == 3 and table.loc["A", "voters"] == 2
    assert table.loc["B", "share"] == pytest.approx(0.5) and table.loc["C", "voters"] == 0
    assert (result.total_dots, result.voters) == (6, 3)  # P4 gave 0 dots: not a voter


def test_zero_votes_rank_by_id_and_say_so() -> None:
    result = dot_ranking({"needs": needs("N10", "N2", "N1"), "votes": votes()})
    assert result.order == ["N1", "N2", "N10"]
    assert list(result.table["share"]) == [0, 0, 0] and result.total_dots == 0
    assert any("Belum ada suara titik" in n for n in result.notes)


def test_suggested_dots_about_one_per_four_or_five_options() -> None:
    assert [suggested_dots(n) for n in (1, 4, 9, 14, 20, 50)] == [1, 1, 2, 3, 4, 11]


# -- pairwise ----------------------------------------------------------------------------------
def test_pairwise_win_one_tie_half() -> None:
    tables = {"needs": needs("A", "B", "C"), "pairwise": pairs(("A", "B", "A"), ("A", "C", "seri"), ("C", "B", "C"))}
    result = pairwise_ranking(tables)
    table = result.table.set_index("need_id")
    assert list(table["score"]) == [1.5, 1.5, 0]
    assert result.order == ["A", "C", "B"]  # A and C: 1.5 each, one win each -> id order
    assert list(result.table["decided_by"]) == ["", "need_id", ""]
    assert (table.loc["A", "wins"], table.loc["A", "ties"], table.loc["B", "losses"]) == (1, 1, 2)
    assert result.missing_pairs == () and result.cycles == ()


def test_missing_pairs_are_reported() -> None:
    tables = {"needs": needs("A", "B", "C", "D"), "pairwise": pairs(("A", "B", "A"), ("C", "D", "D"))}
    result = pairwise_ranking(tables)
    assert result.missing_pairs == (("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"))
    assert result.judged_pairs == 2
    assert result.table.set_index("need_id").loc["A", "missing"] == 2
    assert any("A-C, A-D, B-C, B-D" in n for n in result.notes)
    # explicit candidates: E was never compared, so all of its pairs are missing
    wider = pairwise_ranking({**tables, "needs": needs("A", "B", "C", "D", "E")}, candidates=["A", "B", "E"])
    assert wider.missing_pairs == (("A", "E"), ("B", "E"))


def test_cyclic_judgements_are_detected() -> None:
    tables = {"needs": needs("A", "B", "C", "D"),
              "pairwise": pairs(("A", "B", "A"), ("B", "C", "B"), ("C", "A", "C"),
                                ("A", "D", "A"), ("B", "D", "B"), ("C", "D", "C"))}
    result = pairwise_ranking(tables)
    assert result.cycles == (("A", "B", "C"),)
    assert result.inconsistent == (("A", "B", "C"),)
    assert result.three_cycles == 1
    assert any("A > B > C > A" in n for n in result.notes)


def test_a_longer_cycle_without_triangles_is_found() -> None:
    # A>B>C>D>A with the diagonals not judged: no three-cycle, still inconsistent
    tables = {"needs": needs("A", "B", "C", "D"),
              "pairwise": pairs(("A", "B", "A"), ("B", "C", "B"), ("C", "D", "C"), ("D", "A", "D"))}
    result = pairwise_ranking(tables)
    assert result.three_cycles == 0
    assert result.inconsistent == (("A", "B", "C", "D"),)
    assert result.cycles == (("A", "B", "C", "D"),)


def test_several_judges_split_the_point_and_reverse_order_counts_as_the_same_pair() -> None:
    tables = {"needs": needs("A", "B"),
              "pairwise": pairs(("A", "B", "A", "P1"), ("B", "A", "A", "P2"), ("A", "B", "B", "P3"))}
    result = pairwise_ranking(tables)
    table = result.table.set_index("need_id")
    assert table.loc["A", "score"] == pytest.approx(2 / 3, abs=1e-6)
    assert table.loc["B", "score"] == pytest.approx(1 / 3, abs=1e-6)
    assert result.judgements == 3 and result.judged_pairs == 1
    assert any("dibagi" in n for n in result.notes)


def test_fifty_needs_transitive_tournament_ranks_in_order_without_cycles() -> None:
    ids = [f"N{i:02d}" for i in range(1, 51)]
    rows = [(a, b, a) for a, b in itertools.combinations(ids, 2)]  # earlier id always wins
    result = pairwise_ranking({"needs": needs(*ids), "pairwise": pairs(*rows)})
    assert result.order == ids
    assert list(result.table["score"]) == list(range(49, -1, -1))
    assert result.cycles == () and result.missing_pairs == () and result.judged_pairs == 1225
    usg_rows = [(n, f"P{p}", 1 + (i + p) % 5, 1 + (i * p) % 5, 1 + p % 5) for i, n in enumerate(ids) for p in range(3)]
    rankings = all_rankings({"needs": needs(*ids), "pairwise": pairs(*rows), "usg_scores": usg(*usg_rows)})
    assert sorted(rankings["combined"].table["rank"]) == list(range(1, 51))
    assert sorted(rankings["final"].order) == ids


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=7).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.sampled_from(["a", "b", "seri", None]),
                                             min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))))
def test_pairwise_points_add_up_to_the_judged_pairs(case: tuple[int, list[str | None]]) -> None:
    n, answers = case
    ids = [f"N{i}" for i in range(n)]
    rows = []
    for (a, b), answer in zip(itertools.combinations(ids, 2), answers):
        if answer is not None:
            rows.append((a, b, {"a": a, "b": b, "seri": "seri"}[answer]))
    result = pairwise_ranking({"needs": needs(*ids), "pairwise": pairs(*rows)}, candidates=ids)
    assert result.table["score"].sum() == pytest.approx(len(rows))
    assert sorted(result.table["rank"]) == list(range(1, n + 1))
    assert result.judged_pairs + len(result.missing_pairs) == n * (n - 1) // 2
    for cycle in result.cycles:  # every reported cycle really goes round
        beats = {(a, b) for a, b, w in rows if w == a} | {(b, a) for a, b, w in rows if w == b}
        assert all((cycle[i], cycle[(i + 1) % len(cycle)]) in beats for i in range(len(cycle)))


def test_pair_schedule_covers_every_pair_once_and_spreads_needs() -> None:
    ids = ["A", "B", "C", "D", "E"]
    schedule = pair_schedule(ids)
    assert len(schedule) == 10
    assert {frozenset(p) for p in schedule} == {frozenset(p) for p in itertools.combinations(ids, 2)}
    assert all(not set(x) & set(y) for x, y in itertools.pairwise(schedule[:3]))


# -- combined view and final order ---------------------------------------------------------------
def _three_methods() -> dict[str, pd.DataFrame]:
    return {
        "needs": needs("A", "B", "C", "D"),
        "usg_scores": usg(("A", "P1", 5, 5, 5), ("B", "P1", 4, 4, 4), ("C", "P1", 3, 3, 3), ("D", "P1", 2, 2, 2)),
        "votes": votes(("A", "P1", 4), ("B", "P2", 3), ("C", "P3", 2), ("D", "P4", 1)),
        "pairwise": pairs(("A", "B", "A"), ("A", "C", "A"), ("B", "C", "B")),
    }


def test_combined_view_agreement_and_correlation() -> None:
    view = combined_view(_three_methods())
    assert view.order == ["A", "B", "C", "D"]
    assert view.methods == ("usg", "dots", "pairwise")
    assert list(view.correlations["spearman"]) == pytest.approx([1.0, 1.0, 1.0])
    pw = view.correlations.set_index(["method_a", "method_b"]).loc[("usg", "pairwise")]
    assert pw["n"] == 3  # pairwise only compared A, B, C
    table = view.table.set_index("need_id")
    assert pd.isna(table.loc["D", "pairwise_rank"]) and table.loc["D", "usg_rank"] == 4
    assert not table["discuss"].any() and view.shared_top == ("A", "B", "C")


def test_combined_view_flags_disagreement_for_discussion() -> None:
    tables = _three_methods()
    tables["votes"] = votes(("D", "P1", 9), ("C", "P2", 3), ("B", "P3", 2), ("A", "P4", 1))
    view = combined_view(tables, top_k=2)
    table = view.table.set_index("need_id")
    assert table.loc["D", "dots_rank"] == 1 and table.loc["D", "usg_rank"] == 4
    assert table.loc["D", "spread"] == 3 and bool(table.loc["D", "discuss"])
    assert "D" in view.discuss and any("perlu dibahas" in n and "D" in n for n in view.notes)
    dots_usg = view.correlations.set_index(["method_a", "method_b"]).loc[("usg", "dots"), "spearman"]
    assert dots_usg == pytest.approx(-1.0)


def test_rank_correlations_match_textbook_values() -> None:
    assert spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(0.8207826816681233)
    assert kendall_tau_b([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) == pytest.approx(-0.4714045207910317)
    assert spearman([1], [1]) is None and kendall_tau_b([1, 1], [2, 3]) is None


def test_final_order_without_priorities_falls_back_to_combined_and_says_so() -> None:
    result = final_order(_three_methods())
    assert result.source == "combined" and result.order == ["A", "B", "C", "D"]
    assert any("Belum ada urutan prioritas tersimpan" in n for n in result.notes)


def test_final_order_puts_stored_priorities_first_then_the_combined_order() -> None:
    tables = _three_methods()
    tables["priorities"] = frame("priorities", [{"need_id": "C", "rank": 1, "method": "gabungan"},
                                                {"need_id": "D", "rank": 2, "method": "gabungan", "note": "x"}])
    result = final_order(tables)
    assert result.source == "stored" and result.order == ["C", "D", "A", "B"]
    assert list(result.table["stored"]) == [True, True, False, False]
    assert list(result.table["combined_rank"]) == [3, 4, 1, 2]
    assert priority_order(tables) == ["C", "D", "A", "B"]


def test_priority_order_on_the_example_plans(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    order = priority_order(plan)
    stored = list(plan["priorities"].sort_values("rank")["need_id"])
    assert order[: len(stored)] == stored
    assert sorted(order) == sorted(plan["needs"]["need_id"])


def test_every_ranking_is_complete_on_the_example_plans(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    for method in ("usg", "dots", "pairwise", "combined", "final"):
        result = ranking(plan, method)
        assert list(result.table["rank"]) == list(range(1, len(result.table) + 1))
        assert result.tie_break and result.notes
        records = to_records(ranking_data(result))
        json.dumps(records)
        assert {"need_id", "title", "rank", "score"} <= set(records[0])


def test_example_usg_consensus_matches_the_stored_note() -> None:
    # the banjir plan's priorities note says N02 beats N05 on consensus USG, 12 to 11
    plan = storage.load_plan(Path(__file__).resolve().parent.parent / "data" / "contoh-rt02-rw07-banjir")
    table = usg_ranking(plan).table.set_index("need_id")
    assert (table.loc["N02", "total"], table.loc["N05", "total"]) == (12, 11)


def test_english_results() -> None:
    result = usg_ranking(_three_methods(), lang="en")
    assert result.tie_break.startswith("Order: highest total U+S+G; when equal: higher S (seriousness)")
    assert "Rank" in str(result)


# -- editing helpers ------------------------------------------------------------------------------
def test_set_usg_scores_updates_in_place_adds_and_removes() -> None:
    before = usg(("A", "P1", 1, 1, 1), ("A", "P2", 2, 2, 2), ("B", "P1", 3, 3, 3))
    after = set_usg_scores(before, "P1", {"A": (5, 5, 5), "B": None, "C": (4, 4, 4)})
    assert after[["need_id", "scorer"]].values.tolist() == [["A", "P1"], ["A", "P2"], ["C", "P1"]]
    assert after.iloc[0]["urgency"] == 5 and after.iloc[1]["urgency"] == 2


def test_set_votes_zero_removes_the_row() -> None:
    after = set_votes(votes(("A", "P1", 2), ("B", "P1", 1), ("A", "P2", 1)), "P1", {"A": 0, "B": 3, "C": 1})
    assert after.values.tolist() == [["B", "P1", 3], ["A", "P2", 1], ["C", "P1", 1]]


def test_set_pairwise_replaces_the_same_pair_in_either_order() -> None:
    before = pairs(("A", "B", "A", "P1"), ("A", "C", "C"))
    after = set_pairwise(before, "B", "A", "seri", "P1")
    rows = [["" if is_missing(v) else v for v in row] for row in after.values.tolist()]
    assert rows == [["B", "A", "seri", "P1"], ["A", "C", "C", ""]]
    group = set_pairwise(after, "A", "B", "B")  # the group's answer is a separate judgement
    assert len(group) == 3
    assert pending_pairs({"pairwise": group}, ["A", "B", "C"], "") == [("B", "C")]


def test_priorities_frame_numbers_ranks() -> None:
    out = priorities_frame(["N3", "N1"], "usg", {"N1": "catatan"})
    assert out.values.tolist() == [["N3", 1, "usg", ""], ["N1", 2, "usg", "catatan"]]


# -- needs summary and problem tree --------------------------------------------------------------
def test_needs_by_category_counts_and_households(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    table = needs_by_category(plan).set_index("category")
    assert table.loc["lingkungan", "needs"] == 2
    assert table.loc["lingkungan", "households_max"] == 60 and table.loc["lingkungan", "households_sum"] == 78
    assert list(table.index)[:2] == ["ekonomi", "kesehatan"]
    assert needs_by_category(plan, "en").set_index("category").loc["kesehatan", "label"] == "health"


def test_problem_tree_of_the_example(example_dir: Path) -> None:
    tree = problem_tree(storage.load_plan(example_dir), "N07")
    assert tree.core.node_id == "T01"
    assert [c.node_id for c in tree.causes] == ["T02", "T03", "T04"]
    assert [c.node_id for c in tree.causes[0].children] == ["T05"]
    assert [e.node_id for e in tree.effects] == ["T06", "T07", "T08"]
    assert tree.warnings == ()


def test_problem_tree_misplaced_and_looping_nodes_hang_on_the_core_with_warnings() -> None:
    tree_rows = [
        {"node_id": "T1", "need_id": "A", "kind": "inti", "text": "inti"},
        {"node_id": "T2", "need_id": "A", "kind": "sebab", "text": "sebab di bawah akibat", "parent_id": "T3"},
        {"node_id": "T3", "need_id": "A", "kind": "akibat", "text": "akibat", "parent_id": "T1"},
        {"node_id": "T4", "need_id": "A", "kind": "sebab", "text": "putar 1", "parent_id": "T5"},
        {"node_id": "T5", "need_id": "A", "kind": "sebab", "text": "putar 2", "parent_id": "T4"},
    ]
    tree = problem_tree({"needs": needs("A"), "problem_tree": frame("problem_tree", tree_rows)}, "A")
    top_causes = {c.node_id for c in tree.causes}
    assert "T2" in top_causes and [e.node_id for e in tree.effects] == ["T3"]
    assert len(tree.warnings) == 2
    assert any("T2" in w and "T3" in w for w in tree.warnings) and any("berputar" in w for w in tree.warnings)
    all_ids = set()

    def walk(nodes):  # type: ignore[no-untyped-def]
        for node in nodes:
            all_ids.add(node.node_id)
            walk(node.children)

    walk(tree.causes)
    assert {"T2", "T4", "T5"} <= all_ids


def test_upsert_tree_node_adds_with_next_id_and_edits() -> None:
    tree = frame("problem_tree", [{"node_id": "T01", "need_id": "A", "kind": "inti", "text": "x"}])
    added, node = upsert_tree_node(tree, None, "A", "sebab", "sebab baru", "T01")
    assert node == "T02" and added.iloc[1].tolist() == ["T02", "A", "sebab", "sebab baru", "T01"]
    edited, same = upsert_tree_node(added, "T02", "A", "akibat", "akibat", "T01")
    assert same == "T02" and edited.iloc[1]["kind"] == "akibat" and len(edited) == 2
