"""Step 1 views: the rankings and the needs by category, declared once, rendered by one renderer."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from notebook_display import notebook_html

from rtplan import storage
from rtplan.needs import all_rankings, dot_ranking, final_order, pairwise_ranking, usg_ranking
from rtplan.render.views import to_csv, to_html, to_records, to_text
from rtplan.schema import TABLES
from rtplan.views.needs import RANKING_DATA, RANKINGS, by_category_view, ranking_data, ranking_view


def table(name: str, rows: list[dict[str, object]]) -> pd.DataFrame:
    spec = TABLES[name]
    frame = pd.DataFrame([{c: r.get(c) for c in spec.column_names} for r in rows], columns=spec.column_names)
    return frame.astype({c.name: c.dtype for c in spec.columns})


HOSTILE = "=HYPERLINK(\"http://evil\", \"<script>alert('x')</script> & more\")"


def small_plan(title_a: str = "Lampu gang mati") -> dict[str, pd.DataFrame]:
    """Two needs, two USG scorers (one need's mean is fractional), dots on both, one pair judged."""
    needs = table("needs", [{"need_id": "N1", "title": title_a, "category": "infrastruktur"},
                            {"need_id": "N2", "title": "Sampah menumpuk", "category": "lingkungan"}])
    usg = table("usg_scores", [
        {"need_id": "N1", "scorer": "P1", "urgency": 5, "seriousness": 4, "growth": 4},
        {"need_id": "N1", "scorer": "P2", "urgency": 4, "seriousness": 4, "growth": 4},
        {"need_id": "N2", "scorer": "P1", "urgency": 3, "seriousness": 3, "growth": 3},
    ])
    votes = table("votes", [{"need_id": "N1", "participant_id": "P1", "dots": 3},
                            {"need_id": "N2", "participant_id": "P2", "dots": 1}])
    pairs = table("pairwise", [{"need_a": "N1", "need_b": "N2", "winner": "N1"}])
    return {"needs": needs, "usg_scores": usg, "votes": votes, "pairwise": pairs}


def test_every_method_has_a_view_and_a_data_declaration() -> None:
    assert set(RANKINGS) == set(RANKING_DATA) == {"usg", "dots", "pairwise", "combined", "final"}
    for method, spec in RANKING_DATA.items():
        # the JSON and CSV keep their first columns: need_id, title, rank, score
        assert [c.key for c in spec.columns[:4]] == ["need_id", "title", "rank", "score"], method


@pytest.mark.parametrize(("lang", "headers"), [
    ("id", ["Peringkat", "ID", "Kebutuhan/masalah", "U", "S", "G", "Total", "Rentang", "Penilai", "Dasar", "Titik"]),
    ("en", ["Rank", "ID", "Need/problem", "U", "S", "G", "Total", "Range", "Scorers", "Basis", "Dots"]),
])
def test_usg_headers_follow_the_language(lang: str, headers: list[str]) -> None:
    view = ranking_view(usg_ranking(small_plan(), lang=lang))
    assert view.headers() == headers  # no tie was broken, so no "tie broken by" column
    assert view.caption == "USG"


def test_a_column_of_means_shows_one_decimal_in_every_row() -> None:
    view = ranking_view(usg_ranking(small_plan()))
    cells = {row[1]: row for row in view.cells()}
    # N1: U mean 4.5 makes the whole U column show one decimal (5,0 style), in the plan's language
    assert cells["N1"][3] == "4,5" and cells["N2"][3] == "3,0"
    assert cells["N1"][6] == "12,5"
    assert cells["N1"][7] == "12-13" and cells["N2"][7] == "–"  # range only with two scorers or more
    assert cells["N1"][9] == "rata-rata"
    en = ranking_view(usg_ranking(small_plan(), lang="en"))
    assert en.cells()[0][3] == "4.5" and en.cells()[0][9] == "mean"


def test_dot_shares_are_percentages_and_the_tie_break_is_the_footer() -> None:
    result = dot_ranking(small_plan())
    view = ranking_view(result)
    assert view.cells()[0][3:] == ["3", "75%", "1"]
    assert view.footer == (result.tie_break,)
    assert view.notes == result.notes
    text = to_text(view)
    assert text.splitlines()[0].startswith("Peringkat  ID")
    assert result.tie_break.split()[0] in text and "- " + result.notes[0][:20] in text


def test_the_decided_by_column_shows_only_when_a_tie_was_broken() -> None:
    tables = small_plan()
    tables["votes"] = table("votes", [{"need_id": "N1", "participant_id": "P1", "dots": 1},
                                      {"need_id": "N2", "participant_id": "P2", "dots": 1}])
    view = ranking_view(dot_ranking(tables, lang="en"))
    assert view.headers()[-1] == "Tie broken by"
    assert view.cells()[1][-1] == "ID"  # equal dots, equal voters: the need id decided


def test_final_order_shows_stored_rank_empty_for_needs_not_agreed() -> None:
    tables = small_plan()
    tables["priorities"] = table("priorities", [{"need_id": "N2", "rank": 1, "method": "gabungan", "note": "x"}])
    view = ranking_view(final_order(tables))
    assert [row[3] for row in view.cells()] == ["1", ""]
    assert [row[4] for row in view.cells()] == ["gabungan", ""]
    assert view.columns[3].alignment == "right"


def test_plan_text_is_escaped_in_html_and_neutralised_in_csv() -> None:
    result = usg_ranking(small_plan(HOSTILE))
    html = str(to_html(ranking_view(result)))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html
    assert notebook_html(result) == html  # a notebook shows a ranking through its view
    rows = list(csv.DictReader(io.StringIO(to_csv(ranking_data(result)).decode("utf-8"))))
    assert rows[0]["title"] == "'" + HOSTILE  # a spreadsheet shows it as text, never runs it


def test_the_cli_cuts_long_titles_but_html_shows_them_whole() -> None:
    long = "Saluran air di gang belakang masjid mampet dan meluap setiap hujan deras"
    view = ranking_view(pairwise_ranking(small_plan(long)))
    assert long[:43].rstrip() + "…" in to_text(view)
    assert long in str(to_html(view))


def test_records_keep_mean_ranks_as_floats_and_scores_as_integers() -> None:
    combined = all_rankings(small_plan())["combined"]
    first = to_records(ranking_data(combined))[0]
    assert first["mean_rank"] == 1.0 and isinstance(first["mean_rank"], float)
    assert isinstance(first["score"], int) and isinstance(first["discuss"], bool)
    data = to_csv(ranking_data(combined)).decode("utf-8")
    assert data.splitlines()[1].endswith(",false,")  # booleans as the plan folder writes them


def test_needs_by_category_view(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    view = by_category_view(plan, "en")
    assert view.headers()[:2] == ["Category", "Needs"]
    rows = {r[0]: r for r in view.cells()}
    assert rows["health"][1] == "2"
    assert by_category_view(plan).headers()[0] == "Bidang"
