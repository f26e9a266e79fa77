"""The room's admin API from Python: what the projector panel (and the tests) call.

The workshop launcher gives the Voila kernels ``RTPLAN_ROOM_URL`` (the admin URL,
``handle.admin_url``, on 127.0.0.1) and ``RTPLAN_ROOM_TOKEN`` (``handle.admin_token``);
:meth:`RoomClient.from_env` reads them.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from rtplan import config
from rtplan.exceptions import RtplanError

URL_ENV = config.env_name("room_url")
TOKEN_ENV = config.env_name("room_token")


class RoomUnavailable(RtplanError):
    """Raised when the room server cannot be reached or refuses (the message says why)."""


class RoomClient:
    """Calls to the admin API at ``url`` with ``token``."""

    def __init__(self, url: str, token: str, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    @classmethod
    def from_env(cls) -> RoomClient | None:
        """The client named by ``RTPLAN_ROOM_URL`` / ``RTPLAN_ROOM_TOKEN``; ``None`` when unset (no room)."""
        settings = config.from_env()
        url = (settings.room_url or "").strip()
        return cls(url, settings.room_token or "") if url else None

    def _call(self, path: str, data: dict[str, Any] | None = None) -> Any:
        body = None if data is None else json.dumps(data).encode("utf-8")
        req = urllib.request.Request(self.url + path, data=body, method="GET" if data is None else "POST",
                                     headers={"X-Room-Token": self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read()).get("error") or str(exc)
            except ValueError:
                message = str(exc)
            raise RoomUnavailable(message) from exc
        except OSError as exc:
            raise RoomUnavailable(str(getattr(exc, "reason", exc))) from exc
        return raw.decode("utf-8") if path.startswith("/projector") else json.loads(raw)

    def status(self) -> dict[str, Any]:
        """The open round (``voted``), or the last result; ``phone_url``; how many codes exist."""
        result: dict[str, Any] = self._call("/api/status")
        return result

    def open_round(self, kind: str, top: int | None = None, dots: int | None = None) -> dict[str, Any]:
        result: dict[str, Any] = self._call("/api/round", {"kind": kind, "top": top, "dots": dots})
        return result

    def close_round(self) -> dict[str, Any]:
        """Close the open round; returns its tally (``kind``, ``voted``, ``rows``)."""
        result: dict[str, Any] = self._call("/api/round/close", {})
        return result

    def issue_code(self, participant_id: str) -> str:
        """A code for a late arrival (their existing one when they have one)."""
        return str(self._call("/api/codes", {"participant_id": participant_id})["code"])

    def ensure_codes(self) -> int:
        """Codes for everyone present at the latest meeting; returns how many codes there are."""
        return int(self._call("/api/codes", {})["n"])

    def with_code(self) -> list[str]:
        """The participants who have a code (ids only)."""
        return [str(p) for p in self._call("/api/codes")["participants"]]

    def live_html(self, lang: str) -> str:
        """The projector's live part as HTML (the same the ``/projector`` page shows)."""
        return str(self._call("/projector/live?" + urllib.parse.urlencode({"lang": lang})))
