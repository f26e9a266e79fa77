"""Issue 15 in a real browser: a phone-sized Chromium joins with a code, votes and is thanked;
the projector page shows the new count, then the result. Screenshots go to /tmp/shots-room/."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import browser_path, chromium
from room_helpers import plan_with_people

from rtplan import storage
from rtplan.room.client import RoomClient
from rtplan.room.server import start_room

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
SHOTS = Path(os.environ.get("RTPLAN_ROOM_SHOTS", "/tmp/shots-room"))


@contextlib.contextmanager
def _browser() -> Iterator[tuple[object, object]]:
    """Debian's Chromium through playwright, with tests/browser.py's arguments."""
    path = browser_path()
    assert path, "no Chromium-family browser installed (apt-get install chromium)"
    with chromium(path) as (pw, browser):
        yield pw, browser


def test_a_phone_joins_with_its_code_votes_and_the_projector_shows_the_tally(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    folder = plan_with_people(tmp_path, 30)
    with start_room(folder, "id", "127.0.0.1", 0, state_folder=tmp_path / "state") as handle, \
            _browser() as (pw, browser):
        client = RoomClient(handle.admin_url, handle.admin_token)
        client.ensure_codes()
        code = next(iter(handle.room.codes()))
        opened = client.open_round("dots", dots=3)
        projector = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        projector.goto(f"{handle.admin_url}/projector?token={handle.admin_token}")
        expect(projector.locator("#room-voted")).to_have_attribute("data-voted", "0")
        phone_ctx = browser.new_context(**pw.devices["Pixel 5"])
        phone = phone_ctx.new_page()
        # the phone opens what the projector's QR code carries: the address with the round key
        shown = projector.locator("#room-address").inner_text().strip()
        assert "?r=" in shown
        assert opened["key"] in shown
        phone.goto(f"http://{shown}")
        phone.screenshot(path=str(SHOTS / "phone-1-code.png"), full_page=True)
        phone.fill("#code", f"{code[:3].lower()}-{code[3:].lower()}")  # typed as people type it
        phone.click("button[type=submit]")
        expect(phone.locator("#ballot")).to_be_visible()
        phone.select_option("#d1", "2")
        phone.select_option("#d3", "1")
        expect(phone.locator("#used")).to_have_text("Terpakai 3 dari 3 titik.")
        phone.screenshot(path=str(SHOTS / "phone-2-ballot.png"), full_page=True)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= phone.viewport_size["width"]  # nothing wider than the phone
        phone.click("#send")
        expect(phone.locator("#thanks")).to_contain_text("Terima kasih")
        phone.screenshot(path=str(SHOTS / "phone-3-thanks.png"), full_page=True)
        expect(projector.locator("#room-voted")).to_have_attribute("data-voted", "1")  # polled live
        expect(projector.locator("#room-voted")).to_contain_text("1 dari 30 kode sudah memilih")
        projector.screenshot(path=str(SHOTS / "projector-1-count.png"))
        # the same code again: refused, in the words an unknown code gets
        phone.goto(handle.round_url())
        phone.fill("#code", code)
        phone.click("button[type=submit]")
        expect(phone.locator("#errors")).to_contain_text("Kode ini tidak bisa dipakai")
        phone.screenshot(path=str(SHOTS / "phone-4-replay.png"), full_page=True)
        client.close_round()
        expect(projector.locator("#room-result")).to_contain_text(opened["titles"][0])
        projector.screenshot(path=str(SHOTS / "projector-2-result.png"))
        # USG and pairwise ballots on the phone, for the screenshots
        for kind in ("usg", "pairwise"):
            client.open_round(kind, top=4)
            phone.goto(handle.round_url())
            phone.fill("#code", code)
            phone.click("button[type=submit]")
            expect(phone.locator("#ballot")).to_be_visible()
            phone.screenshot(path=str(SHOTS / f"phone-5-{kind}.png"), full_page=True)
            client.close_round()
    votes = storage.load_plan(folder)["votes"]
    mine = votes[votes["participant_id"].astype(str).str.startswith("anon-")]
    assert sorted(mine["dots"].astype(int)) == [1, 2]
