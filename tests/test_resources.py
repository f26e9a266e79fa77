"""Step 2 core: matching needs to resources, gaps, the ABCD crosswalk, the institution diagram."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rtplan import storage
from rtplan.charts.resources import institution_figure, inventory_figure
from rtplan.plan import Plan
from rtplan.render.views import to_html, to_text
from rtplan.resources import (
    ABCD_TO_REMBUG,
    CATEGORY_KEYWORDS,
    PARTNERS,
    REMBUG_GROUPS,
    MatchSettings,
    crosswalk,
    decide,
    find_gaps,
    hint,
    institution_diagram,
    institution_kind,
    inventory,
    mask_private,
    match_needs,
    public_resources,
    roots,
    same_word,
    score_pair,
    when_is_readable,
)
from rtplan.schema import NEED_CATEGORIES, RESOURCE_CATEGORIES, TABLES
from rtplan.views.resources import crosswalk_view, gaps_frame, gaps_view, inventory_view, matches_view

NEED = {"title": "", "category": "ekonomi", "description": "", "location": "", "households_affected": None,
        "raised_by": "", "source": "", "status": "usulan"}
RESOURCE = {"name": "", "category": "individu", "holder": "", "description": "", "tags": "", "availability": "",
            "capacity": None, "cost_idr": 0, "contact": "", "location": ""}


def _frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = TABLES[table].column_names
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns).astype("object")


@pytest.fixture
def build(make_plan: Callable[..., Path]) -> Callable[..., Plan]:
    """Make a plan with the given rows (saved through storage, so they are valid)."""

    def make(needs: list[dict[str, Any]], resources: list[dict[str, Any]], lang: str = "id",
             **tables: list[dict[str, Any]]) -> Plan:
        plan = storage.load_plan(make_plan(lang=lang))
        updates = {
            "needs": _frame("needs", [{**NEED, **n} for n in needs]),
            "resources": _frame("resources", [{**RESOURCE, **r} for r in resources]),
        }
        if "priorities" not in tables:  # every need ranked in the given order
            tables["priorities"] = [{"need_id": n["need_id"], "rank": i + 1} for i, n in enumerate(needs)]
        updates.update({name: _frame(name, rows) for name, rows in tables.items()})
        storage.save_tables(plan, updates)
        return storage.load_plan(plan.path)

    return make


def _ids(plan: Plan, need_id: str, **settings: Any) -> list[str]:
    return [m.resource_id for m in match_needs(plan, MatchSettings(**settings)).for_need(need_id)]


# -- words --------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("menjahit", "jahit"), ("penjahit", "menjahit"), ("pemeriksaan", "periksa"), ("memeriksakan", "pemeriksaan"),
    ("pemasaran", "memasarkan"), ("pelatihan", "latihan"), ("kesehatan", "sehat"), ("mengajar", "pelajaran"),
    ("penyuluhan", "suluh"), ("pengerukan", "keruk"), ("Memasak", "masak"), ("berkebun", "kebun"),
])
def test_affixed_words_meet_by_their_root(a: str, b: str) -> None:
    assert same_word(a.lower(), b.lower())


@pytest.mark.parametrize(("a", "b"), [("sekolah", "mengolah"), ("makanan", "memasak"), ("kelas", "las"),
                                      ("pemuda", "pemudik"), ("lansia", "balita")])
def test_unrelated_words_stay_apart(a: str, b: str) -> None:
    assert not same_word(a, b)


def test_short_roots_are_never_guessed() -> None:
    assert all(len(r) >= 4 for r in roots("kelas") - {"kelas"})


# -- matching ------------------------------------------------------------------------------

def test_exact_skill_match_beats_category_match(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Ibu-ibu ingin belajar menjahit", "category": "ekonomi"}],
        resources=[
            # listed first and rich in ekonomi keywords, but no skill the need asks for
            {"resource_id": "R01", "name": "Koperasi warga", "category": "ekonomi",
             "tags": "usaha;koperasi;pemasaran;modal", "availability": "Sabtu pagi"},
            {"resource_id": "R02", "name": "Penjahit rumahan", "category": "individu", "holder": "Sari",
             "tags": "menjahit", "availability": "Sabtu pagi"},
        ],
    )
    result = match_needs(plan)
    first, second = result.for_need("N01")
    assert (first.resource_id, second.resource_id) == ("R02", "R01")
    assert first.parts.skill == 25 and second.parts.skill == 0
    assert second.parts.field == 20  # the whole field part ...
    assert first.score > second.score  # ... is worth less than one exact skill
    assert first.reason == "Sari: bisa menjahit, Sabtu pagi, gratis"


def test_score_is_the_sum_of_its_shown_parts(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Lansia jarang periksa kesehatan", "category": "kesehatan"}],
        resources=[{"resource_id": "R01", "name": "Puskesmas", "category": "institusi",
                    "tags": "pemeriksaan;penyuluhan", "availability": "Senin-Jumat pagi", "cost_idr": 0}],
    )
    m = match_needs(plan).for_need("N01")[0]
    # skill: tag "pemeriksaan" (25); field: periksa + puskesmas (20, capped); time 20; free 10
    assert m.parts.as_dict() == {"skill": 25, "field": 20, "time": 20, "cost": 10}
    assert m.score == 75 == m.parts.total
    assert m.parts.describe("id") == "keahlian 25 + bidang 20 + waktu 20 + biaya 10 = 75"
    assert m.parts.describe("en") == "skills 25 + field 20 + time 20 + cost 10 = 75"


def test_unavailable_resources_drop(build: Callable[..., Plan]) -> None:
    base = {"category": "individu", "tags": "menjahit"}
    plan = build(
        needs=[{"need_id": "N01", "title": "Pelatihan menjahit"}],
        resources=[
            {**base, "resource_id": "R01", "name": "Sabtu", "availability": "Sabtu pagi"},
            {**base, "resource_id": "R02", "name": "Minggu", "availability": "Minggu pagi"},
            {**base, "resource_id": "R03", "name": "Kapan saja", "availability": "setiap hari"},
            {**base, "resource_id": "R04", "name": "Belum jelas", "availability": "tergantung jadwal"},
            {**base, "resource_id": "R05", "name": "Cuti", "availability": "tidak tersedia sampai Maret"},
            {**base, "resource_id": "R06", "name": "Penuh", "availability": "Minggu pagi", "capacity": 0},
        ],
    )
    assert _ids(plan, "N01") == ["R01", "R02", "R03", "R04"]  # no activity time: only R05, R06 drop
    assert _ids(plan, "N01", when="Minggu pagi") == ["R02", "R03", "R04"]
    assert _ids(plan, "N01", when="akhir pekan") == ["R01", "R02", "R03", "R04"]
    unclear = next(m for m in match_needs(plan).for_need("N01") if m.resource_id == "R04")
    assert unclear.parts.time == 10 and "waktu belum jelas" in unclear.reason
    need, res = plan["needs"].iloc[0], plan["resources"].iloc[0]
    assert score_pair(need, res, MatchSettings(when="Senin malam")).dropped == "unavailable"
    # an activity time that cannot be read drops nothing (the board and the CLI refuse it)
    assert _ids(plan, "N01", when="kapan-kapan") == ["R01", "R02", "R03", "R04"]
    assert not when_is_readable("kapan-kapan") and when_is_readable("") and when_is_readable("akhir pekan")


def test_too_costly_resources_drop(build: Callable[..., Plan]) -> None:
    base = {"category": "individu", "tags": "memasak", "availability": "Sabtu pagi"}
    plan = build(
        needs=[{"need_id": "N01", "title": "Pelatihan memasak"}],
        resources=[
            {**base, "resource_id": "R01", "name": "Mahal", "cost_idr": 150000},
            {**base, "resource_id": "R02", "name": "Pas", "cost_idr": 100000},
            {**base, "resource_id": "R03", "name": "Gratis", "cost_idr": 0},
        ],
    )
    result = match_needs(plan, MatchSettings(max_cost_idr=100000))
    assert [m.resource_id for m in result.for_need("N01")] == ["R03", "R02"]
    costs = {m.resource_id: m.parts.cost for m in result.for_need("N01")}
    assert costs == {"R03": 10, "R02": 0}  # at the limit a paid resource earns nothing for cost
    assert "biaya Rp 100.000" in result.for_need("N01")[1].reason
    # without a limit and without funds, paid resources stay, with half the cost points
    open_result = match_needs(plan)
    assert open_result.cost_limit is None
    assert {m.resource_id: m.parts.cost for m in open_result.for_need("N01")} == {"R01": 5, "R02": 5, "R03": 10}


def test_default_cost_limit_is_the_total_of_the_funds(build: Callable[..., Plan]) -> None:
    base = {"category": "fisik", "tags": "komputer", "availability": "setiap hari"}
    plan = build(
        needs=[{"need_id": "N01", "title": "Kursus komputer", "category": "pendidikan"}],
        resources=[{**base, "resource_id": "R01", "name": "Sewa lab", "cost_idr": 500000},
                   {**base, "resource_id": "R02", "name": "Laptop donasi", "cost_idr": 0}],
        funds=[{"funding_source": "kas RT", "amount_idr": 200000}, {"funding_source": "CSR", "amount_idr": 100000}],
    )
    result = match_needs(plan)
    assert result.cost_limit == 300000
    assert [m.resource_id for m in result.for_need("N01")] == ["R02"]
    assert _ids(plan, "N01", max_cost_idr=600000) == ["R02", "R01"]


def test_ties_keep_the_order_of_resources_csv(build: Callable[..., Plan]) -> None:
    twin = {"category": "individu", "tags": "mengajar", "availability": "Senin sore"}
    plan = build(
        needs=[{"need_id": "N01", "title": "Les mengajar anak", "category": "pendidikan"}],
        resources=[{**twin, "resource_id": rid, "name": f"Guru {rid}"} for rid in ("R03", "R01", "R02")],
    )
    scores = {m.score for m in match_needs(plan).for_need("N01")}
    assert len(scores) == 1
    assert _ids(plan, "N01") == ["R03", "R01", "R02"]
    assert _ids(plan, "N01") == ["R03", "R01", "R02"]  # and again: stable


def test_no_fit_is_never_suggested(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Pelatihan menjahit", "category": "ekonomi"}],
        resources=[{"resource_id": "R01", "name": "Grup rebana", "category": "budaya", "tags": "rebana;kesenian"}],
    )
    assert _ids(plan, "N01") == []
    assert match_needs(plan).gaps[0].status == "none"


def test_audience_tag_counts_like_a_word(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Paving rusak berbahaya bagi lansia", "category": "infrastruktur"}],
        resources=[{"resource_id": "R01", "name": "Posyandu", "category": "asosiasi", "tags": "lansia;penimbangan"}],
    )
    need, res = plan["needs"].iloc[0], plan["resources"].iloc[0]
    scored = score_pair(need, res)
    assert scored.parts.skill == 10 and scored.dropped == "no_fit"


def test_place_names_are_not_shared_skills(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Saluran Gang Melati mampet", "category": "lingkungan",
                "location": "Gang Melati"}],
        resources=[{"resource_id": "R01", "name": "Posyandu Melati", "category": "asosiasi", "tags": "balita",
                    "location": "Gang Melati No. 1"}],
    )
    assert _ids(plan, "N01") == []


def test_per_need_limits_open_suggestions_but_keeps_decisions(build: Callable[..., Plan]) -> None:
    twin = {"category": "individu", "tags": "menjahit", "availability": "Sabtu pagi"}
    plan = build(
        needs=[{"need_id": "N01", "title": "Pelatihan menjahit"}],
        resources=[{**twin, "resource_id": f"R0{i}", "name": f"Penjahit {i}"} for i in range(1, 6)]
        + [{"resource_id": "R09", "name": "Rebana", "category": "budaya", "tags": "rebana"}],
        matches=[{"need_id": "N01", "resource_id": "R09", "decision": "diterima", "score": 90,
                  "reason": "Dipakai untuk acara penutupan"},
                 {"need_id": "N01", "resource_id": "R05", "decision": "ditolak"}],
    )
    ms = match_needs(plan, MatchSettings(per_need=2)).for_need("N01")
    # accepted first (even with no fit), then the best open suggestions, then the rejected
    assert [(m.resource_id, m.decision) for m in ms] == [
        ("R09", "diterima"), ("R01", None), ("R02", None), ("R05", "ditolak")]
    accepted = ms[0]
    assert accepted.confirmed is True and accepted.dropped == "no_fit"
    assert accepted.reason == "Dipakai untuk acara penutupan"  # the facilitator's words win
    assert ms[-1].confirmed is False and ms[1].confirmed is None
    assert ms[-1].reason == ms[-1].computed_reason  # no written reason: the computed one


def test_reasons_follow_the_language(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Pelatihan memasak"}],
        resources=[{"resource_id": "R01", "name": "Katering", "category": "individu", "holder": "Tuti",
                    "tags": "memasak", "availability": "Selasa sore", "cost_idr": 100000}],
        lang="en",
    )
    m = match_needs(plan).for_need("N01")[0]
    assert m.reason == "Tuti: can do memasak, Selasa sore, costs Rp 100,000"
    assert match_needs(plan, lang="id").for_need("N01")[0].reason == "Tuti: bisa memasak, Selasa sore, biaya Rp 100.000"


def test_matches_follow_the_priority_order(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[{"need_id": "N01", "title": "Pelatihan menjahit"}, {"need_id": "N02", "title": "Les mengajar anak",
                                                                  "category": "pendidikan"}],
        resources=[{"resource_id": "R01", "name": "Penjahit", "tags": "menjahit"},
                   {"resource_id": "R02", "name": "Guru", "tags": "mengajar"}],
        priorities=[{"need_id": "N02", "rank": 1}, {"need_id": "N01", "rank": 2}],
    )
    result = match_needs(plan)
    assert result.order == ("N02", "N01")
    assert [(m.need_id, m.priority) for m in result.matches] == [("N02", 1), ("N01", 2)]


def test_every_need_category_has_keywords_partners_and_labels() -> None:
    assert set(CATEGORY_KEYWORDS) == set(NEED_CATEGORIES) == set(PARTNERS)
    for category in NEED_CATEGORIES:
        assert len(CATEGORY_KEYWORDS[category]) >= 5 and PARTNERS[category]


def test_example_matches_are_sensible(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    result = match_needs(plan)
    best = {nid: result.for_need(nid)[0].resource_id for nid in ("N04", "N06", "N10", "N02")}
    # posyandu for stunting, the computer student for computer skills, the electrician for
    # street lights, the shop for marketing products
    assert best == {"N04": "R09", "N06": "R04", "N10": "R03", "N02": "R17"}
    stored = {(m.need_id, m.resource_id): m.decision for m in result.matches if m.decision}
    assert stored == {("N01", "R01"): "diterima", ("N01", "R05"): "diterima", ("N03", "R10"): "diterima",
                      ("N05", "R02"): "diterima", ("N06", "R11"): "ditolak", ("N07", "R19"): "diterima"}


# -- gaps ----------------------------------------------------------------------------------

def test_gaps_are_needs_without_an_accepted_resource(build: Callable[..., Plan]) -> None:
    plan = build(
        needs=[
            {"need_id": "N01", "title": "Pelatihan menjahit", "category": "ekonomi"},
            {"need_id": "N02", "title": "Les mengajar anak", "category": "pendidikan"},
            {"need_id": "N03", "title": "Lansia jarang periksa", "category": "kesehatan"},
            {"need_id": "N04", "title": "Pos ronda sepi", "category": "keamanan"},
            {"need_id": "N05", "title": "Lampu gang mati", "category": "infrastruktur", "status": "selesai"},
        ],
        resources=[{"resource_id": "R01", "name": "Penjahit", "tags": "menjahit"},
                   {"resource_id": "R02", "name": "Guru", "tags": "mengajar"},
                   {"resource_id": "R03", "name": "Posyandu", "category": "asosiasi", "tags": "pemeriksaan"}],
        matches=[{"need_id": "N01", "resource_id": "R01", "decision": "diterima"},
                 {"need_id": "N03", "resource_id": "R03", "decision": "ditolak"}],
        institutions=[
            {"institution_id": "I01", "name": "Kelurahan Sukamaju", "importance": 5, "closeness": 2},
            {"institution_id": "I02", "name": "Puskesmas Kelurahan Sukamaju", "importance": 5, "closeness": 4},
            {"institution_id": "I03", "name": "PKK RT 05", "importance": 4, "closeness": 5},
        ],
    )
    gaps = {g.need_id: g for g in match_needs(plan).gaps}
    assert list(gaps) == ["N02", "N03", "N04"]  # N01 has a resource, N05 is done
    assert (gaps["N02"].status, gaps["N02"].open_suggestions) == ("open", 1)
    assert gaps["N03"].status == "rejected" and gaps["N04"].status == "none"
    assert gaps["N03"].partners == PARTNERS["kesehatan"] and gaps["N03"].partners[0] == "puskesmas"
    # institutions the residents know, of a fitting kind, closest first
    assert gaps["N03"].institutions == ("Puskesmas Kelurahan Sukamaju", "Kelurahan Sukamaju")
    assert gaps["N04"].institutions == ("Kelurahan Sukamaju",)
    assert gaps["N03"].partner_labels("id")[0] == "puskesmas"
    frame = gaps_frame(match_needs(plan), "id")
    assert list(frame["status_text"]) == ["1 usulan belum diputuskan", "semua usulan ditolak",
                                     "belum ada sumber daya yang cocok"]


def test_gaps_of_a_result_can_be_recomputed(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    result = match_needs(plan)
    assert find_gaps(plan, result) == list(result.gaps)
    accepted = {m.need_id for m in result.matches if m.confirmed}
    assert accepted.isdisjoint(g.need_id for g in result.gaps)


@pytest.mark.parametrize(("name", "kind"), [
    ("Puskesmas Kelurahan Sukamaju", "puskesmas"), ("Kelurahan Sukamaju", "kelurahan"),
    ("PT Sumber Sandang Nusantara (fiktif)", "csr"), ('Bank Sampah "Berseri" RW 03', "bank_sampah"),
    ("SD Negeri Sukamaju 02", "sekolah"), ("DKM Musholla Al-Barokah", "tempat_ibadah"),
    ("Yayasan Tangguh Bencana", "ngo"), ("BPBD (petugas wilayah)", "bpbd"), ("PKK RT 05", None),
])
def test_institution_kind_is_read_from_the_name(name: str, kind: str | None) -> None:
    assert institution_kind(name) == kind


# -- decisions -----------------------------------------------------------------------------

def test_decide_adds_updates_and_removes_a_pair(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    frame = decide(plan["matches"], "N02", "R17", "diterima", score=95, reason="Titip jual", note="mulai Januari")
    assert frame.iloc[-1][["need_id", "resource_id", "decision", "score", "reason", "note"]].tolist() == [
        "N02", "R17", "diterima", 95, "Titip jual", "mulai Januari"]
    frame = decide(frame, "N01", "R01", "ditolak", score=10, reason="alasan baru", note=None)
    row = frame[(frame["need_id"] == "N01") & (frame["resource_id"] == "R01")].iloc[0]
    assert row["decision"] == "ditolak" and row["score"] == 10
    assert row["reason"] == "Bu Sari bersedia melatih menjahit setiap Sabtu pagi"  # written reason kept
    assert row["note"] == "Mesin jahit tambahan diusulkan ke CSR"  # note=None keeps the note
    frame = decide(frame, "N02", "R17", None)
    assert len(frame) == len(plan["matches"])
    storage.save_tables(plan, {"matches": frame})  # still a valid table
    saved = storage.load_plan(example_dir)["matches"]
    assert saved.loc[0, "decision"] == "ditolak"
    with pytest.raises(ValueError, match="mungkin"):
        decide(frame, "N01", "R01", "mungkin")


# -- crosswalk and inventory ----------------------------------------------------------------

def test_crosswalk_maps_every_abcd_category_to_one_rembug_group() -> None:
    assert set(ABCD_TO_REMBUG) == set(RESOURCE_CATEGORIES)
    assert set(ABCD_TO_REMBUG.values()) == set(REMBUG_GROUPS)


def test_crosswalk_counts_the_example(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    cw = crosswalk(plan["resources"])
    # individu 5 + asosiasi 4 + institusi 3 = sosial 12; fisik 3 + alam 1 = infrastruktur 4
    assert dict(zip(cw["group"], cw["count"])) == {"infrastruktur": 4, "sosial": 12, "budaya": 2, "ekonomi": 2}
    assert cw.set_index("group").loc["sosial", "categories"] == ("individu", "asosiasi", "institusi")
    assert "Balai Warga RT 05" in cw.set_index("group").loc["infrastruktur", "names"]
    empty = crosswalk(plan["resources"].iloc[0:0])
    assert list(empty["count"]) == [0, 0, 0, 0] and list(empty["names"]) == [(), (), (), ()]


def test_inventory_is_grouped_by_category_without_contacts(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    inv = inventory(plan["resources"])
    assert len(inv) == len(plan["resources"])
    order = [RESOURCE_CATEGORIES.index(c) for c in plan["resources"].set_index("resource_id").loc[
        inv["resource_id"], "category"]]
    assert order == sorted(order)
    assert set(inv["rembug"]) <= set(REMBUG_GROUPS)
    view = inventory_view(plan, "id")
    assert [r["resource_id"] for r in view.records()] == list(inv["resource_id"])
    assert "contact" not in view.records()[0] and "contact" in view.records(include_private=True)[0]
    assert "contact" not in public_resources(plan["resources"]).columns


def test_category_hints_exist_in_both_languages() -> None:
    texts = {hint(c, "id") for c in RESOURCE_CATEGORIES}
    assert len(texts) == len(RESOURCE_CATEGORIES)
    assert "menjahit" in hint("individu", "id") and "skill" in hint("individu", "en")
    assert hint("", "id") == hint("bukan-kategori", "id") != hint("alam", "id")


# -- privacy -------------------------------------------------------------------------------

def test_contacts_never_appear_in_any_output(any_example_dir: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    contacts = [c for c in plan["resources"]["contact"] if c]
    assert contacts
    result = match_needs(plan)
    texts = [str(to_html(view)) + to_text(view) for view in (
        inventory_view(plan), matches_view(result), gaps_view(result), crosswalk_view(plan))]
    texts.append(repr(result))
    for fig in (inventory_figure(plan), institution_figure(plan)):
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
        texts.append(buf.getvalue())
    for text in texts:
        assert not any(c in text for c in contacts)


def test_phone_numbers_typed_in_a_reason_are_masked() -> None:
    assert mask_private("hubungi 0812-3456-7890 atau +6281234567890", "id") == (
        "hubungi [kontak disembunyikan] atau [kontak disembunyikan]")
    assert mask_private("NIK 3374011234567890", "en") == "NIK [contact hidden]"
    assert mask_private("biaya Rp 1500000 untuk 25 orang", "id") == "biaya Rp 1500000 untuk 25 orang"


# -- institution diagram -------------------------------------------------------------------

def _institutions(rows: list[tuple[str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame([{"institution_id": i, "name": f"Lembaga {i}", "importance": imp, "closeness": close,
                          "note": ""} for i, imp, close in rows])


def test_diagram_size_follows_importance_and_distance_follows_closeness() -> None:
    layout = institution_diagram(_institutions([("I01", 1, 3), ("I02", 5, 3), ("I03", 3, 1), ("I04", 3, 5)]))
    by = layout.set_index("institution_id")
    assert by.loc["I02", "radius"] > by.loc["I01", "radius"]
    assert by.loc["I04", "distance"] < by.loc["I03", "distance"]
    for closeness in range(1, 5):  # closer is always nearer, for every circle size
        for importance in range(1, 6):
            pair = institution_diagram(_institutions([("A", importance, closeness), ("B", importance, closeness + 1)]))
            assert pair.loc[1, "distance"] < pair.loc[0, "distance"]
    assert by.loc["I01", "angle"] == pytest.approx(90)  # the first one at the top


def test_diagram_circles_do_not_overlap_when_they_fit(any_example_dir: Path) -> None:
    layout = institution_diagram(storage.load_plan(any_example_dir)["institutions"])
    assert (layout["scale"] == 1.0).all()
    rows = list(layout.itertuples())
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 >= a.radius + b.radius - 1e-9


def test_crowded_diagram_shrinks_circles_and_stays_deterministic() -> None:
    crowded = _institutions([(f"I{i:02d}", 5, 5) for i in range(1, 16)])
    first, second = institution_diagram(crowded), institution_diagram(crowded)
    pd.testing.assert_frame_equal(first, second)
    assert first["scale"].iloc[0] < 1
    assert institution_diagram(crowded.iloc[0:0]).empty


def test_charts_render_on_both_examples(any_example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    for name, fig in (("inventory", inventory_figure(plan)), ("venn", institution_figure(plan)),
                      ("venn_en", institution_figure(plan, "en"))):
        target = tmp_path / f"{name}.png"
        fig.savefig(target)
        assert target.stat().st_size > 20_000
    buf = io.StringIO()
    institution_figure(plan).savefig(buf, format="svg")
    svg = buf.getvalue()
    assert "Diagram kelembagaan" in svg and "Kepentingan" in svg
    assert all(i in svg for i in plan["institutions"]["institution_id"])
