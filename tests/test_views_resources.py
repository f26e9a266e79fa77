"""Step 2's declared views: inventory, crosswalk, matches, gaps, overview, institutions."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from notebook_display import notebook_html

from rtplan import storage
from rtplan.messages import CATALOGUE
from rtplan.render.views import to_csv, to_html, to_text
from rtplan.resources import Match, ScoreParts, match_needs
from rtplan.views import resources as V


def test_every_column_label_is_a_catalogue_key_in_both_languages() -> None:
    specs = [V.INVENTORY, V.CROSSWALK, V.MATCHES, V.GAPS, V.OVERVIEW, V.INSTITUTIONS, V.MATCH_EXPORT, V.GAP_EXPORT]
    for spec in specs:
        for col in spec.columns:
            assert set(CATALOGUE[col.label]) >= {"id", "en"}, (spec.name, col.key)


def test_inventory_is_grouped_by_abcd_category_and_hides_the_contact(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    contacts = [c for c in plan["resources"]["contact"] if c]
    assert contacts
    view = V.inventory_view(plan, "id")
    cells = view.cells()
    assert view.headers()[:3] == ["Kategori ABCD", "Kelompok Rembug Warga", "ID sumber daya"]
    assert cells[0][0] == "Individu (keahlian warga)" and cells[0][1] == "Sosial"
    costs = {c[2]: c[8] for c in cells}
    free = plan["resources"].set_index("resource_id")["cost_idr"].fillna(0) == 0
    assert all((costs[r] == "gratis") == bool(is_free) for r, is_free in free.items())
    shown = str(to_html(view)) + to_text(view) + to_csv(view).decode()
    assert not any(c in shown for c in contacts)
    assert any(c in to_csv(view, include_private=True).decode() for c in contacts)
    assert V.inventory_view(plan, "en").headers()[-1] == "Location"


def test_crosswalk_lists_every_rembug_group(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    rows = {r["label"]: r for r in V.crosswalk_view(plan, "id").records()}
    assert list(rows) == ["Infrastruktur", "Sosial", "Budaya", "Ekonomi"]
    assert rows["Sosial"]["count"] == 12
    assert rows["Sosial"]["categories_text"] == (
        "Individu (keahlian warga), Asosiasi (kelompok warga), Institusi (lembaga)")
    assert "Balai Warga RT 05" in rows["Infrastruktur"]["names_text"].split("; ")


def test_matches_view_shows_reasons_decisions_and_masks_numbers(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    result = match_needs(plan)
    view = V.matches_view(result)
    first = dict(zip(view.headers(), view.cells()[0]))
    assert first["Urutan"] == "1" and first["Kebutuhan"].startswith("N07 · ")
    assert first["Keputusan"] == "diterima" and first["Rincian skor"].endswith(f"= {first['Skor']}")
    # a crafted reason is escaped in HTML and a phone number in a note is masked everywhere
    crafted = Match("N07", "R19", 1, 50, ScoreParts(0, 20, 20, 10), (), (), "<script>x()</script>", "", None,
                    "telepon 0812-3456-7890")
    view = V.matches_view(replace(result, matches=(crafted,)), "en")
    html = str(to_html(view))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "0812" not in html + to_text(view) and "[contact hidden]" in html
    assert view.cells()[0][6] == "suggested"


def test_a_match_result_shows_itself_as_the_matching_table(example_dir: Path) -> None:
    result = match_needs(storage.load_plan(example_dir))
    html = notebook_html(result)
    assert 'id="rtplan-matches"' in html and "Rincian skor" in html
    assert html == str(to_html(V.matches_view(result)))


def test_gaps_view_names_whom_to_ask(example_dir: Path) -> None:
    result = match_needs(storage.load_plan(example_dir), lang="en")
    rows = {r["need"].split(" · ")[0]: r for r in V.gaps_view(result).records()}
    assert {"N01", "N03", "N05", "N07"}.isdisjoint(rows)
    assert rows["N14"]["partners_text"].startswith("kelurahan office (village fund)")
    assert rows["N14"]["status_text"] == "no matching resource yet"
    gap = next(g for g in result.gaps if g.need_id == "N02")
    assert gap.status == "open" and V.gap_status(gap, "id") == f"{gap.open_suggestions} usulan belum diputuskan"


def test_overview_lists_accepted_names_and_open_suggestions(example_dir: Path) -> None:
    result = match_needs(storage.load_plan(example_dir))
    rows = {r["need"].split(" · ")[0]: r for r in V.overview_view(result).records()}
    assert list(rows)[:2] == ["N07", "N01"]
    assert rows["N01"]["confirmed_names"] == "Keterampilan menjahit Bu Sari; Juru masak katering rumahan"
    assert rows["N01"]["open"] == sum(1 for m in result.for_need("N01") if m.decision is None)


def test_export_views_keep_ids_raw_decisions_and_neutralise_formulas(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    result = match_needs(plan)
    rows = list(csv.DictReader(io.StringIO(to_csv(V.match_export_view(result)).decode())))
    assert list(rows[0])[:6] == ["need_id", "need_title", "priority", "resource_id", "resource_name", "score"]
    assert {r["confirmed"] for r in rows} == {"true", "false", ""}
    assert {r["decision"] for r in rows} == {"diterima", "ditolak", ""}
    crafted = replace(result, resource_names={**result.resource_names, "R19": '=HYPERLINK("x")'})
    assert "'=HYPERLINK" in to_csv(V.match_export_view(crafted)).decode()
    gaps = list(csv.DictReader(io.StringIO(to_csv(V.gap_export_view(result)).decode())))
    assert gaps[0]["status"] in {"none", "open", "rejected"} and gaps[0]["suggested_partners"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_institutions_view_reads_the_partner_kind(example_dir: Path, lang: str) -> None:
    view = V.institutions_view(storage.load_plan(example_dir), lang)
    kinds = {r["name"]: r["kind_label"] for r in view.records()}
    assert kinds["Puskesmas Kelurahan Sukamaju"] == ("puskesmas" if lang == "id"
                                                    else "community health centre (puskesmas)")
    assert all(c.isdigit() for row in view.cells() for c in row[3:5])
