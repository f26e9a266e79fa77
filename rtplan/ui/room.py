"""The projector panel of the voting room (notebook 01 in workshop mode).

``room_panel(PLAN, LANG)`` shows the QR code and the short address phones open, the
buttons that open and close a round, how many have voted, then the result; and gives
a late arrival a code. It talks to the room server through its admin API
(:class:`rtplan.room.client.RoomClient`, from ``RTPLAN_ROOM_URL``/``RTPLAN_ROOM_TOKEN``);
without a room (plain JupyterLab, or a workshop without ``--room``) it shows one short
note and nothing else. A background thread refreshes the count every 1.5 seconds.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import ipywidgets as w

from rtplan import config
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.render import fragment
from rtplan.room.client import RoomClient, RoomUnavailable
from rtplan.ui.base import PlanSession, StatusLine, open_session

POLL_SECONDS = 1.5
_KINDS = (("room.kind.dots", "dots"), ("room.kind.usg", "usg"), ("room.kind.pairwise", "pairwise"))
_JOIN = ('<div style="display:flex;gap:24px;align-items:center">'
         '<img src="{{ qr }}" alt="QR" style="width:220px;height:220px">'
         '<div style="font-size:22px">{{ scan }}<div style="font-size:34px;font-weight:bold">{{ address }}</div>'
         '{% if key %}<div class="rtplan-room-key" style="font-size:34px;font-weight:bold">{{ key }}</div>{% endif %}'
         '</div></div>')
_CODE = '<div style="font-size:26px;padding:8px;border:2px solid #000">{{ text }}</div>'


class RoomPanel(w.VBox):  # ipywidgets ships no type hints: VBox is Any
    """The projector panel; ``client`` ``None`` -> only the note that the room is off."""

    def __init__(self, session: PlanSession, client: RoomClient | None, poll: bool = True) -> None:
        self.session = session
        self.lang = session.lang
        self.client = client
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._joined = ""
        if client is None:  # in the workshop the room sees this: no command line on the projector
            key = "room.panel.off_workshop" if config.from_env().workshop else "room.panel.off"
            self.note = w.HTML(fragment("<p>{{ text }}</p>", text=t(key, self.lang)))
            super().__init__([self.note])
            self.add_class("rtplan-room-panel")
            return
        lang = self.lang
        self.join = w.HTML()
        self.kind = w.Dropdown(options=[(t(k, lang), v) for k, v in _KINDS], value="dots",
                               description=t("room.panel.kind", lang), style={"description_width": "initial"})
        self.top = w.BoundedIntText(value=5, min=2, max=8, description=t("room.panel.top", lang),
                                    style={"description_width": "initial"}, layout=w.Layout(width="260px"))
        self.dots = w.BoundedIntText(value=0, min=0, max=20, description=t("room.panel.dots", lang),
                                     style={"description_width": "initial"}, layout=w.Layout(width="220px"))
        wide = w.Layout(width="auto", min_width="200px")
        self.open_button = w.Button(description=t("room.panel.open", lang), button_style="success", icon="play",
                                    layout=wide)
        self.close_button = w.Button(description=t("room.panel.close", lang), button_style="warning", icon="stop",
                                     layout=wide)
        self.open_button.add_class("rtplan-room-open")
        self.close_button.add_class("rtplan-room-close")
        self.open_button.on_click(lambda _: self.open_round())
        self.close_button.on_click(lambda _: self.close_round())
        self.status = StatusLine()
        self.live = w.HTML()
        self.live.add_class("rtplan-room-live-box")
        self.late = w.Dropdown(description=t("room.panel.late", lang), style={"description_width": "initial"},
                               layout=w.Layout(width="420px"))
        self.issue_button = w.Button(description=t("room.panel.issue", lang), icon="ticket", layout=wide)
        self.issue_button.on_click(lambda _: self.issue())
        self.hide_button = w.Button(description=t("room.panel.hide", lang), icon="eye-slash", layout=wide)
        self.hide_button.on_click(lambda _: self.hide_code())
        self.code = w.HTML()
        super().__init__([
            w.HTML(fragment("<h3>{{ text }}</h3>", text=t("room.panel.title", lang))), self.join,
            w.HBox([self.kind, self.top, self.dots]), w.HBox([self.open_button, self.close_button]),
            self.status, self.live, w.HBox([self.late, self.issue_button, self.hide_button]), self.code,
        ])
        self.add_class("rtplan-room-panel")
        self._fill_late()
        self.refresh()
        if poll:
            self._thread = threading.Thread(target=self._poll, name="rtplan-room-panel", daemon=True)
            self._thread.start()

    def _fill_late(self) -> None:
        people = self.session.plan["participants"]
        self.late.options = [(f"{n}", str(p)) for p, n in zip(people["participant_id"], people["name"])]

    def refresh(self) -> dict[str, Any] | None:
        """Ask the room for its status and show it; returns the status (``None`` when unreachable)."""
        from rtplan.room.pages import qr_data_url

        assert self.client is not None
        try:
            status = self.client.status()
            live = self.client.live_html(self.lang)
        except RoomUnavailable as exc:
            self.status.error([t("room.panel.unreachable", self.lang, reason=str(exc))])
            return None
        url = str(status.get("phone_url", ""))  # with the open round's key (a new QR code each round)
        if url and url != self._joined:
            key = str((status.get("round") or {}).get("key") or "")
            self.join.value = fragment(_JOIN, qr=qr_data_url(url), scan=t("room.projector.scan", self.lang),
                                       address=url.split("://", 1)[-1],
                                       key=t("room.projector.key", self.lang, key=key) if key else "")
            self._joined = url
        if self.live.value != live:
            self.live.value = live
        return status

    def _poll(self) -> None:
        while not self._stop.wait(POLL_SECONDS):
            try:
                self.refresh()
            except Exception:
                continue

    def open_round(self) -> bool:
        assert self.client is not None
        try:
            self.client.open_round(str(self.kind.value), int(self.top.value), int(self.dots.value) or None)
        except RoomUnavailable as exc:
            self.status.error([str(exc)])
            return False
        kind = {v: t(k, self.lang) for k, v in _KINDS}[str(self.kind.value)]
        self.status.ok(t("room.panel.opened", self.lang, kind=kind))
        self.refresh()
        return True

    def close_round(self) -> bool:
        assert self.client is not None
        try:
            result = self.client.close_round()
        except RoomUnavailable as exc:
            self.status.error([str(exc)])
            return False
        self.status.ok(t("room.panel.closed", self.lang, n=int(result["voted"])))
        self.session.reload()  # the rankings below show the new votes
        self.refresh()
        return True

    def issue(self) -> str | None:
        """A code for the participant chosen as a late arrival, shown until :meth:`hide_code`."""
        assert self.client is not None
        pid = self.late.value
        if not pid:
            return None
        try:
            code = self.client.issue_code(str(pid))
        except RoomUnavailable as exc:
            self.status.error([str(exc)])
            return None
        from rtplan.room.codes import shown

        # never a name next to its code on the projector (rtplan.privacy): the choice is cleared first
        self.late.value = None
        self.code.value = fragment(_CODE, text=t("room.panel.code_for", self.lang, code=shown(code)))
        return code

    def hide_code(self) -> None:
        self.code.value = ""

    def stop(self) -> None:
        """Stop refreshing (the thread ends within :data:`POLL_SECONDS`)."""
        self._stop.set()

    def close(self) -> None:
        self.stop()
        super().close()


def room_panel(plan: Plan | PlanSession | str | Path, lang: str | None = None, poll: bool = True) -> RoomPanel:
    """The voting room's projector panel for a notebook cell: ``room_panel(PLAN, LANG)``.

    Shows a short note and nothing else when no room runs (``RTPLAN_ROOM_URL`` unset).
    """
    return RoomPanel(open_session(plan, lang), RoomClient.from_env(), poll)
