"""Shared helpers of the room tests (issue 15): a plan with 60 people present, phones over HTTP."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pandas as pd
from conftest import MAIN_EXAMPLE, copy_example

from rtplan import storage

PHONES = 60


def plan_with_people(tmp_path: Path, n: int = PHONES) -> Path:
    """The main example with ``n`` participants, all present at its latest meeting (M02)."""
    folder = copy_example(MAIN_EXAMPLE, tmp_path)
    plan = storage.load_plan(folder)
    people = plan.copy_table("participants")
    have = len(people)
    extra = pd.DataFrame([{"participant_id": f"P{i:03d}", "name": f"Warga Contoh {i}", "sex": "LP"[i % 2],
                           "age_band": "25-39", "group": "warga", "has_disability": False, "phone": "",
                           "consent": True} for i in range(have + 1, n + 1)])
    people = pd.concat([people.astype("object"), extra.astype("object")], ignore_index=True)
    att = plan.copy_table("attendance")
    att = att[att["meeting_id"] != "M02"]
    att = pd.concat([att.astype("object"), pd.DataFrame([{"meeting_id": "M02", "participant_id": p}
                                                         for p in people["participant_id"]])], ignore_index=True)
    storage.save_tables(plan, {"participants": people, "attendance": att})
    return folder


def post(url: str, form: dict[str, str], timeout: float = 60) -> tuple[int, str]:
    """A phone's form post: ``(status, page)``."""
    data = urllib.parse.urlencode(form).encode()
    try:
        with urllib.request.urlopen(url, data=data, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def post_from(source: str, url: str, form: dict[str, str], timeout: float = 120) -> tuple[int, str]:
    """A form post from the loopback address ``source`` (127.0.0.x): a phone of its own, as
    phones on the hotspot each have their address."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout,
                                      source_address=(source, 0))
    try:
        body = urllib.parse.urlencode(form)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8")
    finally:
        conn.close()


def get(url: str, timeout: float = 60) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def vote(phone_url: str, code: str, ballot: dict[str, str], lang: str = "",
         source: str | None = None) -> tuple[int, str]:
    """What a phone does: open the address the QR code carries (``phone_url``, with the round key
    ``?r=`` as the projector shows it), type the code (join), then send the ballot; from the
    loopback address ``source`` when given (see :func:`post_from`)."""
    base, _, query = phone_url.partition("?")
    key = urllib.parse.parse_qs(query).get("r", [""])[0]
    query = f"?lang={lang}" if lang else ""

    def send(url: str, form: dict[str, str]) -> tuple[int, str]:
        return post(url, form) if source is None else post_from(source, url, form)

    status, page = send(base + query, {"code": code, "r": key})
    if 'id="ballot"' not in page:
        return status, page
    return send(base + "kirim" + query, {"code": code, "r": key, **ballot})
