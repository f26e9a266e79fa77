"""Step 2 panels driven headless: set values, click, check the plan folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import opened

from rtplan import storage
from rtplan.ui.resources import step2


@pytest.fixture
def tab(example_dir: Path):  # type: ignore[no-untyped-def]
    return step2(example_dir)


def _csv(folder: Path, name: str) -> bytes:
    return (folder / f"{name}.csv").read_bytes()


def _gap_ids(board) -> set[str]:  # type: ignore[no-untyped-def]
    return {g.need_id for g in board.result.gaps}


# -- resources -----------------------------------------------------------------------------

def test_add_resource_saves_it_and_hint_follows_category(  # type: ignore[no-untyped-def]
        tab, example_dir: Path) -> None:
    panel = opened(tab, "resources")
    editor = panel.editor
    editor.new_button.click()
    assert editor.fields["resource_id"].value == "R21"
    editor.fields["category"].value = "individu"
    assert "Keahlian satu orang" in panel.hint.value
    assert "tidak pernah dicetak" in panel.hint.value
    assert editor.fields["tags"].placeholder == "mis. menjahit;memasak;mengajar"  # an example, not a value
    editor.fields["category"].value = "alam"
    assert "Kekayaan alam" in panel.hint.value
    editor.fields["category"].value = "individu"
    editor.fields["name"].value = "Pembuat kue"
    editor.fields["holder"].value = "Yuliani"
    editor.fields["tags"].value = "kue;pemasaran"
    editor.fields["availability"].value = "Sabtu pagi"
    editor.fields["cost_idr"].value = "25000"
    editor.fields["contact"].value = "081299998888"
    editor.save_button.click()
    assert editor.status.kind == "ok", editor.status.text
    res = storage.load_plan(example_dir)["resources"]
    row = res[res["resource_id"] == "R21"].iloc[0]
    assert (row["name"], row["category"], row["tags"], int(row["cost_idr"])) == (
        "Pembuat kue", "individu", "kue;pemasaran", 25000)
    # the crosswalk under the form follows at once, and the board suggests the new resource
    assert ">13<" in panel.crosswalk.value  # sosial: 12 + 1
    board = opened(tab, "board")
    board.need.value = "N02"
    assert "R21" in board.cards
    assert "081299998888" not in board.overview.value + board.gaps.value + board.cards["R21"].info.value


def test_rejected_resource_edit_leaves_disk_and_screen(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "resources").editor
    before = _csv(example_dir, "resources")
    options = editor.rows.options
    editor.rows.value = "R05"
    editor.fields["name"].value = ""
    editor.fields["cost_idr"].value = "seratus ribu"
    editor.save_button.click()  # unreadable money: refused alone, naming the field by its label
    assert editor.status.kind == "error"
    assert "Biaya (Rp): 'seratus ribu'" in editor.status.text
    assert _csv(example_dir, "resources") == before
    editor.fields["cost_idr"].value = "100rb"
    editor.save_button.click()
    assert editor.status.kind == "error"
    assert "Nama: wajib diisi" in editor.status.text
    assert ".csv" not in editor.status.text
    assert _csv(example_dir, "resources") == before
    assert editor.rows.options == options
    assert tab.session.plan["resources"].loc[4, "name"] == "Juru masak katering rumahan"


def test_delete_resource_used_by_a_match_is_refused(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    editor = opened(tab, "resources").editor
    before = _csv(example_dir, "resources")
    editor.rows.value = "R01"  # accepted for N01 in matches.csv
    editor.delete_button.click()
    assert editor.status.kind == "error"
    assert "1 pencocokan dan 1 kegiatan masih memakai sumber daya" in editor.status.text
    assert _csv(example_dir, "resources") == before


# -- matching board ----------------------------------------------------------------------

def test_board_shows_needs_in_priority_order_with_reasons(tab) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "board")
    assert [o[1] for o in board.need.options][:5] == ["N07", "N01", "N03", "N05", "N08"]
    board.need.value = "N01"
    assert list(board.cards)[:2] == ["R01", "R05"]  # accepted first
    card = board.cards["R16"]
    assert "Koperasi Warga Sejahtera: bisa modal, Sabtu malam, gratis" in card.info.value
    assert "keahlian 25 + bidang 20 + waktu 20 + biaya 10 = 75" in card.info.value
    assert card.undo.disabled
    assert not board.cards["R01"].undo.disabled


def test_accept_saves_the_decision_and_closes_the_gap(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "board")
    assert "N02" in _gap_ids(board)
    board.need.value = "N02"
    card = board.cards["R17"]
    card.note.value = "titip jual mulai Januari"
    card.accept.click()
    assert board.status.kind == "ok", board.status.text
    assert board.status.text == "✔ R17 untuk N02: diterima."
    saved = storage.load_plan(example_dir)["matches"]
    row = saved[(saved["need_id"] == "N02") & (saved["resource_id"] == "R17")].iloc[0]
    assert (row["decision"], int(row["score"]), row["note"]) == ("diterima", 95, "titip jual mulai Januari")
    assert row["reason"] == "Warung Pak Budi: bisa penjualan, setiap hari, gratis"
    assert "N02" not in _gap_ids(board)
    assert "N02 · UMKM" not in board.gaps.value
    assert board.need.value == "N02"
    assert board.cards["R17"].match.decision == "diterima"
    assert "Warung Pak Budi" in board.overview.value


def test_reject_then_undo(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "board")
    before = _csv(example_dir, "matches")
    board.need.value = "N04"
    board.cards["R09"].reject.click()
    saved = storage.load_plan(example_dir)["matches"]
    assert saved.iloc[-1][["need_id", "resource_id", "decision"]].tolist() == ["N04", "R09", "ditolak"]
    assert list(board.cards)[-1] == "R09"  # rejected ones go last
    board.cards["R09"].undo.click()
    assert board.status.text == "✔ Keputusan R09 untuk N04 dibatalkan."
    assert _csv(example_dir, "matches") == before


def test_refused_decision_leaves_disk_and_screen(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "board")
    board.need.value = "N02"
    # someone edits matches.csv in a spreadsheet meanwhile: the board must not overwrite it
    changed = _csv(example_dir, "matches") + b"N02,R04,ditolak,,,dari rapat RW\n"
    (example_dir / "matches.csv").write_bytes(changed)
    overview = board.overview.value
    board.cards["R17"].accept.click()
    assert board.status.kind == "error"
    assert "sudah diubah di luar formulir ini" in board.status.text
    assert ".csv" not in board.status.text
    assert board.reload_button.layout.display != "none"
    assert _csv(example_dir, "matches") == changed
    assert board.cards["R17"].match.decision is None
    assert board.overview.value == overview


def test_settings_drop_unavailable_and_costly_suggestions(tab) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "board")
    board.need.value = "N02"
    assert {"R04", "R05"} <= set(board.cards)
    board.max_cost.value = "Rp 50.000"
    board.apply_button.click()
    assert "R05" not in board.cards  # Rp 100.000
    assert "Batas biaya: Rp 50.000" in board.settings_line.value
    board.when.value = "Sabtu pagi"
    board.apply_button.click()
    assert "R04" not in board.cards
    assert "R17" in board.cards
    board.max_cost.value = "banyak"
    board.when.value = "kapan-kapan"
    board.apply_button.click()
    assert board.status.kind == "error"
    assert "banyak" in board.status.text
    assert "Waktu kegiatan 'kapan-kapan' tidak terbaca" in board.status.text
    assert board.settings.max_cost_idr == 50000
    assert board.settings.when == "Sabtu pagi"
    assert "R17" in board.cards


def test_board_never_shows_contacts(tab) -> None:  # type: ignore[no-untyped-def]
    board = opened(tab, "board")
    contacts = [c for c in tab.session.plan["resources"]["contact"] if c]
    for need in [o[1] for o in board.need.options]:
        board.need.value = need
        shown = board.overview.value + board.gaps.value + "".join(c.info.value for c in board.cards.values())
        assert not any(c in shown for c in contacts)


# -- institution diagram -------------------------------------------------------------------

def test_slider_moves_the_chart_live_without_saving(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    venn = opened(tab, "venn")
    before = _csv(example_dir, "institutions")
    venn.rows.value = "I06"
    assert (venn.importance.value, venn.closeness.value) == (3, 2)
    far = venn.layout_data.set_index("institution_id").loc["I06", "distance"]
    venn.closeness.value = 5
    near = venn.layout_data.set_index("institution_id").loc["I06", "distance"]
    assert near < far
    venn.importance.value = 5
    row = venn.layout_data.set_index("institution_id").loc["I06"]
    assert row["radius"] == pytest.approx(0.7 * row["scale"])  # importance 5 (all circles shrink when crowded)
    assert _csv(example_dir, "institutions") == before  # a preview only
    venn.save_button.click()
    assert venn.status.kind == "ok", venn.status.text
    saved = storage.load_plan(example_dir)["institutions"].set_index("institution_id")
    assert (int(saved.loc["I06", "importance"]), int(saved.loc["I06", "closeness"])) == (5, 5)


def test_add_and_delete_an_institution(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    venn = opened(tab, "venn")
    venn.new_button.click()
    assert venn.ident.value == "I09"
    assert not venn.ident.disabled
    venn.name.value = "Universitas Negeri (KKN)"
    venn.importance.value = 4
    venn.closeness.value = 2
    assert "I09" in set(venn.layout_data["institution_id"])  # shown before saving
    venn.save_button.click()
    assert venn.status.kind == "ok", venn.status.text
    saved = storage.load_plan(example_dir)["institutions"]
    assert saved.iloc[-1][["institution_id", "name", "importance", "closeness"]].tolist() == [
        "I09", "Universitas Negeri (KKN)", 4, 2]
    assert venn.rows.value == "I09"
    assert venn.ident.disabled
    # the gap list now names the university for education needs
    board = opened(tab, "board")
    gap = next(g for g in board.result.gaps if g.need_id == "N06")
    assert "Universitas Negeri (KKN)" in gap.institutions
    venn.delete_button.click()
    venn.confirm.yes.click()
    assert venn.status.kind == "ok"
    assert "I09" not in set(storage.load_plan(example_dir)["institutions"]["institution_id"])


def test_rejected_institution_leaves_disk_and_screen(tab, example_dir: Path) -> None:  # type: ignore[no-untyped-def]
    venn = opened(tab, "venn")
    before = _csv(example_dir, "institutions")
    options = venn.rows.options
    venn.rows.value = "I03"
    venn.name.value = ""
    venn.save_button.click()
    assert venn.status.kind == "error"
    assert "wajib diisi" in venn.status.text
    assert _csv(example_dir, "institutions") == before
    assert venn.rows.options == options
    venn.new_button.click()
    venn.ident.value = "I01"  # already used
    venn.name.value = "Kelurahan lagi"
    venn.save_button.click()
    assert venn.status.kind == "error"
    assert "I01" in venn.status.text
    assert _csv(example_dir, "institutions") == before


def test_step2_speaks_english(example_dir: Path) -> None:
    tab = step2(example_dir, "en")
    assert tab.titles == ("Resources", "Matching", "Institution diagram")
    board = opened(tab, "board")
    board.need.value = "N01"
    assert "can do modal" in board.cards["R16"].info.value
    assert "Whom to ask" in board.gaps.value
    assert "Importance" in opened(tab, "venn").importance.description


def test_live_results_follow_a_decision_on_the_board(example_dir: Path) -> None:
    from rtplan.resources import match_needs
    from rtplan.ui.base import live
    from rtplan.views.resources import gaps_view

    tab = step2(example_dir)
    shown = live(example_dir, lambda plan: gaps_view(match_needs(plan)))
    assert shown.renders == 1
    assert "N02" in {g.need_id for g in match_needs(tab.session.plan).gaps}
    board = opened(tab, "board")
    board.need.value = "N02"
    board.cards["R17"].accept.click()
    assert board.status.kind == "ok", board.status.text
    assert shown.renders == 2  # the notebook's gap list was shown again, without re-running the cell
    assert "N02" not in {g.need_id for g in match_needs(shown.session.plan).gaps}
