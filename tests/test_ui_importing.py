"""The upload panel driven headless: a file in, the mapping changed, import clicked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rtplan import storage
from rtplan.ui.importing import ImportPanel

CORPUS = Path(__file__).resolve().parent / "data" / "import"


def test_upload_preview_edit_mapping_and_import(example_dir: Path) -> None:
    panel = ImportPanel(example_dir, "needs")
    data = (CORPUS / "google_forms_kebutuhan_timestamp_en.csv").read_bytes()
    panel.upload.value = ({"name": "survei.csv", "type": "text/csv", "size": len(data), "content": memoryview(data),
                           "last_modified": dt.datetime(2026, 11, 28, tzinfo=dt.UTC)},)
    assert "Jalan gang berlubang" in panel.preview.value
    shown = {dd.description: dd.value for dd in panel.mapping.values()}
    assert shown["Bidang"] == "category"
    assert shown["Jelaskan singkat"] == "description"
    # the projector shows the tables' and columns' names in the plan's language, not the file names
    assert ("Kebutuhan", "needs") in panel.table.options and ("Peserta", "participants") in panel.table.options
    options = [option for dd in panel.mapping.values() for option in dd.options]
    assert ("Bidang", "category") in options
    assert not any(name in label for label, name in options), options
    assert panel.status.kind == "ok", panel.status.text
    assert not panel.import_button.disabled, panel.status.text
    before = len(storage.load_plan(example_dir)["needs"])
    # people change the mapping: "Lokasi" is ignored
    next(dd for dd in panel.mapping.values() if dd.description == "Lokasi").value = "-"
    panel.import_button.click()
    assert panel.status.kind == "ok", panel.status.text
    needs = storage.load_plan(example_dir)["needs"]
    assert len(needs) == before + 3
    assert list(needs["location"].iloc[-3:]) == ["", "", ""]
    assert panel.import_button.disabled


def test_bad_file_shows_message_and_saves_nothing(example_dir: Path) -> None:
    panel = ImportPanel(example_dir, "participants")
    before = (example_dir / "participants.csv").read_bytes()
    panel.set_file((CORPUS / "buruk_nilai_salah.csv").read_bytes(), "buruk.csv")
    assert panel.status.kind == "error"
    assert "Wanita hebat" in panel.status.text
    assert panel.import_button.disabled
    panel.run()
    assert (example_dir / "participants.csv").read_bytes() == before
    panel.set_file(b"\x00\x01binary", "x.csv")
    assert "bukan berkas CSV" in panel.status.text


def _upload(panel: ImportPanel) -> None:
    data = (CORPUS / "google_forms_kebutuhan_timestamp_en.csv").read_bytes()
    panel.set_file(data, "survei.csv")
    assert panel.status.kind == "ok", panel.status.text


def test_an_import_can_be_undone(example_dir: Path) -> None:
    panel = ImportPanel(example_dir, "needs")
    _upload(panel)
    before = {p.name: p.read_bytes() for p in example_dir.iterdir() if p.is_file()}
    assert panel.undo_button.disabled
    panel.import_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert (example_dir / "needs.csv").read_bytes() != before["needs.csv"]
    assert not panel.undo_button.disabled
    panel.undo_button.click()
    assert panel.status.kind == "ok", panel.status.text
    assert {p.name: p.read_bytes() for p in example_dir.iterdir() if p.is_file()} == before
    assert panel.undo_button.disabled


def test_an_import_refused_after_a_concurrent_change_goes_through_after_reload(example_dir: Path) -> None:
    panel = ImportPanel(example_dir, "needs")
    _upload(panel)
    next(dd for dd in panel.mapping.values() if dd.description == "Lokasi").value = "-"
    other = storage.load_plan(example_dir)  # someone adds a need meanwhile
    needs = other.copy_table("needs").astype("object")
    needs.loc[0, "title"] = "Judul diganti di kernel lain"
    storage.save_tables(other, {"needs": needs})
    theirs = (example_dir / "needs.csv").read_bytes()
    panel.import_button.click()
    assert panel.status.kind == "error"
    assert "Kebutuhan sudah diubah di luar formulir ini" in panel.status.text
    assert ".csv" not in panel.status.text
    assert (example_dir / "needs.csv").read_bytes() == theirs
    assert panel.reload_button.layout.display != "none"
    panel.reload_button.click()
    assert next(dd for dd in panel.mapping.values() if dd.description == "Lokasi").value == "-"  # kept
    panel.import_button.click()
    assert panel.status.kind == "ok", panel.status.text
    saved = storage.load_plan(example_dir)["needs"]
    assert saved["title"].iloc[0] == "Judul diganti di kernel lain"
    assert len(saved) == 14 + 3
    assert list(saved["location"].iloc[-3:]) == ["", "", ""]


REAL = CORPUS / "real"


def test_the_panel_maps_found_values_to_allowed_ones(example_dir: Path) -> None:
    """A register with sex coded 1/2: the panel lists the codes, people pick L and P, the import goes through."""
    panel = ImportPanel(example_dir, "participants")
    panel.set_file((REAL / "register_jk_kode_1_2.csv").read_bytes(), "register.csv")
    assert panel.status.kind == "error"
    assert "40 baris" in panel.status.text  # one message for the whole column
    assert panel.import_button.disabled
    assert set(panel.value_widgets) == {("sex", "1"), ("sex", "2")}
    panel.value_widgets[("sex", "1")].value = "L"
    assert panel.import_button.disabled  # "2" still unread
    panel.value_widgets[("sex", "2")].value = "P"
    assert panel.status.kind == "ok", panel.status.text
    assert "1=L, 2=P" in panel.notes.value
    before = len(storage.load_plan(example_dir)["participants"])
    panel.import_button.click()
    assert panel.status.kind == "ok", panel.status.text
    saved = storage.load_plan(example_dir)["participants"]
    assert len(saved) == before + 40
    assert saved["sex"].tolist()[-4:] == ["L", "P", "L", "P"]


def test_the_panel_fills_a_field_the_form_never_asked(example_dir: Path) -> None:
    panel = ImportPanel(example_dir, "resources")
    panel.set_file((REAL / "potensi_tanpa_kategori.csv").read_bytes(), "potensi.csv")
    assert panel.status.kind == "error"
    assert "--set" in panel.status.text
    panel.fixed["category"].value = "fisik"
    assert panel.status.kind == "ok", panel.status.text
    panel.import_button.click()
    saved = storage.load_plan(example_dir)["resources"]
    assert saved["category"].tolist()[-2:] == ["fisik", "fisik"]
    assert saved["name"].tolist()[-2:] == ["Balai warga", "Sound system"]


def test_the_panel_date_order_and_rounding(example_dir: Path) -> None:
    panel = ImportPanel(example_dir, "ledger")
    panel.set_file((REAL / "google_en_tanggal_ambigu.csv").read_bytes(), "kas.csv")
    assert "setiap tanggal bisa dibaca hari dulu atau bulan dulu" in panel.notes.value
    panel.date_order.value = "mdy"
    assert "setiap tanggal bisa dibaca" not in panel.notes.value
    panel.import_button.click()
    saved = storage.load_plan(example_dir)["ledger"]
    assert [d.date() for d in saved["date"].tolist()[-2:]] == [dt.date(2027, 1, 2), dt.date(2027, 3, 4)]
    panel = ImportPanel(example_dir, "resources")
    panel.set_file((REAL / "kobo_potensi_label_id.csv").read_bytes(), "kobo.csv")
    assert "pecahan rupiah" in panel.status.text
    panel.round_money.value = True
    assert panel.status.kind == "ok", panel.status.text
    assert "dibulatkan" in panel.notes.value
