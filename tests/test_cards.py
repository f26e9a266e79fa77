"""Issue 18: phone cards for the WhatsApp group (rtplan.documents.cards, rtplan cards)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PIL import Image

from rtplan import storage
from rtplan.cli import main
from rtplan.documents.cards import HEIGHT, WIDTH, build_cards, card_png, render_card, write_cards


def _all_text(cards) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(
        [c.title + "\n" + c.subtitle + "\n" + "\n".join(i.head + "\n" + "\n".join(i.lines) for i in c.items)
         for c in cards])


def test_example_cards_have_phone_size_and_are_deterministic(any_example_dir: Path, tmp_path: Path) -> None:
    plan = storage.load_plan(any_example_dir)
    paths = write_cards(plan, tmp_path / "kartu", month=dt.date(2027, 1, 1))
    kinds = {p.name.split("-")[1] for p in paths}
    assert kinds == {"prioritas", "jadwal", "kas"}
    for p in paths:
        with Image.open(p) as img:
            assert img.size == (WIDTH, HEIGHT) == (1080, 1350)
    again = write_cards(plan, tmp_path / "kartu2", month=dt.date(2027, 1, 1))
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    assert digest == [hashlib.sha256(p.read_bytes()).hexdigest() for p in again]


def test_example_cards_content_and_privacy(example_dir: Path) -> None:
    plan = storage.load_plan(example_dir)
    cards = build_cards(plan, month=dt.date(2027, 1, 1), kas_month=dt.date(2026, 12, 1))
    text = _all_text(cards)
    assert "Kegiatan Januari 2027" in text and "Kas RT Desember 2026" in text
    assert "Saldo akhir: Rp\u00a0" in text
    assert "Sabtu 2, 9, 16, 23, 30 Januari · 08:00–11:00" in text  # A01 weekly on Saturdays
    # no phone numbers, no residents' names beyond the pengurus
    phones = [str(p) for p in plan["participants"]["phone"].dropna() if str(p).strip()]
    assert phones
    for phone in phones:
        assert phone not in text
    # the people in charge are named (residents need someone to ask), as in the handout and the .ics
    assert "PJ:\u00a0Sari\u00a0Wulandari" in text  # no-break spaces: the name never splits over two lines
    en = build_cards(plan, "schedule", month=dt.date(2027, 1, 1), lang="en")
    assert en[0].title == "Activities in January 2027"


def test_25_needs_and_40_activities_split_into_numbered_readable_cards(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    folder = make_plan(rt="07", rw="02")
    plan = storage.load_plan(folder)
    meta = dict(plan.meta)
    meta["people"] = {"ketua_rt": "Agus Ketua", "secretary": "", "treasurer": "", "facilitator": ""}
    participants = pd.DataFrame({
        "participant_id": ["P01", "P02", "P03", "P04", "P05"],
        "name": ["Agus Ketua", "Wati Warga", "Budi Kader", "Dewi Tetangga", "Rina Menolak"],
        "sex": ["L", "P", "L", "P", "P"], "group": ["pengurus RT", "warga", "kader posyandu", "warga", "warga"],
        "phone": ["081234567890", "", "", "", ""], "consent": [True, True, True, True, False],
    })
    needs = pd.DataFrame({
        "need_id": [f"N{i:02d}" for i in range(1, 26)],
        "title": [f"Kebutuhan nomor {i} dengan judul yang cukup panjang untuk dibungkus" for i in range(1, 26)],
        "category": ["sosial-budaya"] * 25,
    })
    pics = ["Agus Ketua", "Wati Warga", "Budi Kader", "Rina Menolak"]
    activities = pd.DataFrame({
        "activity_id": [f"A{i:02d}" for i in range(1, 41)],
        "title": [f"Kegiatan {i} bersama Dewi Tetangga, hubungi 081234567890" for i in range(1, 41)],
        "pic": [pics[i % 4] for i in range(40)],
        "start_date": ["2027-01-01"] * 40, "end_date": ["2027-03-31"] * 40,
        "recurrence": ["weekly"] * 40, "start_time": ["19:30"] * 40, "end_time": ["21:00"] * 40,
        "venue": ["Balai Warga"] * 40, "status": ["rencana"] * 40,
    })
    storage.save_tables(plan, {"participants": participants, "needs": needs, "activities": activities},
                        meta=meta)
    plan = storage.load_plan(folder)
    cards = build_cards(plan, month=dt.date(2027, 2, 1))
    pri = [c for c in cards if c.kind == "priorities"]
    sch = [c for c in cards if c.kind == "schedule"]
    assert len(pri) >= 2 and len(sch) >= 4
    for group in (pri, sch):
        assert [c.page for c in group] == list(range(1, len(group) + 1))
        assert all(c.pages == len(group) for c in group)
    text = _all_text(cards)
    for i in range(1, 26):
        assert f"{i}. Kebutuhan nomor {i} " in text
    for i in range(1, 41):
        assert f"Kegiatan {i} bersama" in text
    # PICs named; a resident who is not one masked inside a text; who declined consent named nowhere
    assert "081234567890" not in text and "Dewi Tetangga" not in text and "D*** T*******" in text
    text = text.replace("\u00a0", " ")
    assert "PJ: Agus Ketua" in text and "PJ: Wati Warga" in text and "PJ: Budi Kader" in text
    assert "Rina Menolak" not in text and "PJ: R*** M******" in text
    # every item fits its card: the drawing never runs into the footer
    paths = write_cards(plan, tmp_path / "big", "schedule", month=dt.date(2027, 2, 1))
    assert len(paths) == len(sch) and paths == sorted(paths)
    assert paths[-1].name == f"kartu-jadwal-{len(sch)}.png" and paths[0].name.startswith("kartu-jadwal-0")
    with Image.open(paths[0]) as img:
        assert img.size == (1080, 1350)
        band = img.crop((0, 1350 - 90 - 30, 1080, 1350 - 92)).convert("L")
        assert band.getextrema()[0] > 150  # the strip above the footer rule stays empty
    assert render_card(cards[0]).size == (1080, 1350)
    assert card_png(cards[0]) == card_png(cards[0])
    assert not _thin_cards(cards)


def card_fullness(card) -> float:  # type: ignore[no-untyped-def]
    """How far down the card's text area (between the title band and the footer rule) the ink
    goes, 0-1: the page-fullness measure of tests/test_documents_large.py (grayscale, ink
    darker than 128), on the card's image."""
    import numpy as np

    from rtplan.documents.cards import FOOTER_H, HEADER_H

    pixels = np.asarray(render_card(card).convert("L"))[HEADER_H:HEIGHT - FOOTER_H]
    rows = np.flatnonzero(pixels.min(axis=1) < 128)
    return 0.0 if not len(rows) else float(rows[-1]) / pixels.shape[0]


def _thin_cards(cards) -> list[tuple[str, int, float]]:  # type: ignore[no-untyped-def]
    """The cards under 40 % full that are not the last of their kind (a kind's cards are one document)."""
    return [(c.kind, c.page, round(card_fullness(c), 2)) for c in cards
            if c.page < c.pages and card_fullness(c) < 0.4]


def test_no_card_is_under_40_percent_full_but_the_last_of_its_kind(tmp_path: Path) -> None:
    """The large plan's cards (40 needs, 30 activities, 80 kas entries) in its busiest months, in
    both languages, and the examples': every card but the last of its kind is at least 40 % full."""
    from conftest import EXAMPLES, copy_example
    from large_plan import make_large_plan

    from rtplan.schedule import session_records

    folders = [make_large_plan(tmp_path), *(copy_example(e, tmp_path) for e in EXAMPLES)]
    for folder in folders:
        plan = storage.load_plan(folder)
        months: dict[dt.date, set[str]] = {}
        for s in session_records(plan["activities"], plan.period):
            months.setdefault(s.date.replace(day=1), set()).add(s.activity_id)
        busiest = sorted(months, key=lambda m: (-len(months[m]), m))[:2]
        for month in busiest:
            for lang in ("id", "en"):
                cards = build_cards(plan, month=month, kas_month=month, lang=lang, today=month)
                assert folder != folders[0] or any(c.pages > 1 for c in cards)  # the large plan: several
                assert not _thin_cards(cards), (folder.name, month, lang)


def test_cli_cards(example_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rc = main(["cards", str(example_dir), "--what", "kas", "--kas-month", "2026-12", "-o", str(tmp_path / "k")])
    assert rc == 0 and "Kartu ditulis" in capsys.readouterr().out
    assert min(p.name for p in (tmp_path / "k").iterdir()).startswith("kartu-kas-1")
    rc = main(["cards", str(example_dir), "--month", "2027/01", "-o", str(tmp_path / "k2")])
    assert rc == 2 and "Bulan '2027/01' tidak sah" in capsys.readouterr().err
    rc = main(["cards", str(example_dir), "-o", str(example_dir / "kartu")])
    assert rc == 2 and not (example_dir / "kartu").exists()


def test_an_activity_is_never_split_over_two_cards() -> None:
    from rtplan.documents.cards import BODY_H, KEEP_TOGETHER, Item, item_height, paginate

    item = Item("Kerja bakti membersihkan saluran", ["Minggu 3 Januari · 06:30–09:30", "Tempat: Gang Melati"])
    assert len(item.lines) <= KEEP_TOGETHER
    n = BODY_H // item_height(item) + 1  # one more than fits on a card
    cards = paginate("jadwal", "Kegiatan", "RT 05", [item] * n, "", "-")
    assert len(cards) == 2
    assert all(not i.head.endswith("…") and i.lines == item.lines for c in cards for i in c.items)
    long = Item("Buku kas", [f"baris {k}" for k in range(40)])
    split = paginate("kas", "Kas", "RT 05", [item, long], "", "-")
    assert any(i.head.endswith("…") for c in split for i in c.items)  # a long list still flows on


def test_the_kas_card_covers_the_last_finished_month_and_every_card_says_its_date() -> None:
    plan = storage.load_plan(Path(__file__).resolve().parents[1] / "data" / "contoh-rt05-rw03")
    today = dt.date(2026, 12, 8)
    cards = build_cards(plan, today=today)
    kas = [c for c in cards if c.kind == "kas"]
    assert kas
    assert all("November 2026" in c.title for c in kas)  # not December, still running on the 8th
    assert all(c.footer.endswith("Keadaan per 30 November 2026") for c in kas)
    others = [c for c in cards if c.kind != "kas"]
    assert others
    assert all(c.footer.endswith("Keadaan per 8 Desember 2026") for c in others)
    # asked for: the month given
    asked = build_cards(plan, what="kas", kas_month=dt.date(2026, 12, 1), today=today)
    assert all("Desember 2026" in c.title for c in asked)
