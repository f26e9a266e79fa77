"""The room's light web server (tornado): the phone page on the LAN, the admin API on 127.0.0.1.

One process, one thread, one event loop for every phone: no kernel per phone. A phone
needs no JavaScript and no cookie (old Android browsers, small screens): it posts its
code, gets the ballot of the open round as a plain form, posts it, and reads *terima
kasih* once the ballot is saved. The page offers nothing but voting: need titles and
the form, no names, no plan data, no files.

The admin side listens on 127.0.0.1 only and wants the token (header ``X-Room-Token``
or ``?token=``): open and close rounds, give a late arrival a code, the status the
projector shows, and ``/projector``, a page with the QR code and the live count.

:func:`start_room` runs both in a background thread of the calling process and returns
a :class:`RoomHandle`; ``handle.stop()`` saves what is queued and frees the ports.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import secrets
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web
from tornado.log import app_log

from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.room.engine import CodeRefused, Room, RoomConfig, RoomError
from rtplan.room.rounds import BallotError, Round, Tally

MAX_BODY = 32 * 1024
_PHONE_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                                "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
LIVE_ROWS = 8
"""The projector shows the best needs of a result, at most this many (the rest are counted)."""
KIND_KEYS = {"dots": "room.kind.dots", "usg": "room.kind.usg", "pairwise": "room.kind.pairwise"}


def lan_address() -> str:
    """This laptop's address on the local network (the hotspot), or ``127.0.0.1`` when it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def qr_data_url(text: str) -> str:
    """``text`` as a QR code, an SVG ``data:`` URL (segno, no network)."""
    import segno

    return str(segno.make(text, error="m").svg_data_uri(scale=8, border=2, dark="#000", light="#fff"))


# -- pages ------------------------------------------------------------------------------------
def _words(lang: str) -> dict[str, str]:
    return {
        "title": t("room.phone.title", lang), "code_label": t("room.phone.code_label", lang),
        "code_hint": t("room.phone.code_hint", lang), "join": t("room.phone.join", lang),
        "wait": t("room.phone.wait", lang), "reload": t("room.phone.reload", lang),
        "send": t("room.phone.send", lang), "thanks": t("room.phone.thanks", lang),
        "thanks_more": t("room.phone.thanks_more", lang), "again": t("room.phone.again", lang),
        "secret": t("room.phone.secret", lang), "other_lang": t("room.phone.other_lang", lang),
        "tie": t("room.phone.tie", lang),
        "dots_used": t("room.phone.dots_used", lang, used="{used}", k="{k}"), "choose": t("room.phone.choose", lang),
        "problems": t("room.phone.problems", lang), "crit_u": t("room.crit.u", lang),
        "crit_s": t("room.crit.s", lang), "crit_g": t("room.crit.g", lang),
    }


def phone_page(lang: str, mode: str, rnd: Round | None = None, code: str = "", errors: list[str] | None = None,
               values: Mapping[str, str] | None = None) -> str:
    """The phone page: ``join`` (type the code), ``wait`` (no round open), ``ballot`` or ``thanks``."""
    from rtplan.render import render

    other = "en" if lang == "id" else "id"
    howto = ""
    if rnd is not None and mode == "ballot":
        howto = {"dots": t("room.phone.dots_howto", lang, k=rnd.dots),
                 "usg": t("room.phone.usg_howto", lang),
                 "pairwise": t("room.phone.pair_howto", lang, n=len(rnd.pairs))}[rnd.kind]
    titles = dict(rnd.items) if rnd is not None else {}
    pairs = [(i, t("room.phone.pair_q", lang, n=i), titles.get(a, a), titles.get(b, b))
             for i, (a, b) in enumerate(rnd.pairs, 1)] if rnd else []
    return str(render(
        "room_phone.html.j2", lang=lang, other=other, w=_words(lang), mode=mode, code=code,
        errors=errors or [], values=dict(values or {}), howto=howto,
        kind=rnd.kind if rnd else "", kind_text=t(KIND_KEYS[rnd.kind], lang) if rnd else "",
        items=[(i, ti) for i, (_, ti) in enumerate(rnd.items, 1)] if rnd else [], pairs=pairs,
        dots=rnd.dots if rnd else 0,
    ))


def live_fragment(status: Mapping[str, Any], lang: str) -> str:
    """The projector's live part: the open round and how many voted, or the last round's result."""
    from rtplan.render import render

    rnd = status.get("round")
    last = status.get("last")
    result = Tally.from_json(last) if last and not rnd else None
    top = max([r.value for r in result.rows] + [1.0]) if result else 1.0
    scored = [r for r in (result.rows if result else ()) if r.value > 0]
    rows = [{"title": r.title, "value": r.value, "shown": _shown_value(r.value, lang), "detail": r.detail,
             "width": max(1, round(100 * r.value / top))} for r in scored[:LIVE_ROWS]]
    more = len(result.rows) - len(rows) if result else 0
    return str(render(
        "room_live.html.j2", rnd=rnd, rows=rows,
        kind_text=t(KIND_KEYS[(rnd or last or {"kind": "dots"})["kind"]], lang) if (rnd or last) else "",
        voted_text=t("room.live.voted", lang, n=rnd["voted"], codes=status.get("codes", 0)) if rnd else "",
        open_text=t("room.live.open", lang), result_text=t("room.live.result", lang,
                                                           n=result.voted if result else 0),
        idle_text=t("room.live.idle", lang, codes=status.get("codes", 0)),
        more_text=t("room.live.more", lang, n=more) if more else "", shown=bool(result),
    ))


def _shown_value(value: float, lang: str) -> str:
    from rtplan.fmt import format_number

    return format_number(round(value, 1), lang, decimals=0 if float(value).is_integer() else 1)


def projector_page(phone_url: str, token: str, status: Mapping[str, Any], lang: str) -> str:
    """The projector page: QR code, the short address, and the live part (refreshed by a small script)."""
    from rtplan.render import Markup, render

    return str(render(
        "room_projector.html.j2", lang=lang, qr=qr_data_url(phone_url), address=phone_url.split("://", 1)[-1],
        token=token, live=Markup(live_fragment(status, lang)), scan=t("room.projector.scan", lang),
        title=t("room.projector.title", lang),
    ))


# -- handlers ----------------------------------------------------------------------------------
class _PhoneHandler(tornado.web.RequestHandler):
    room: Room

    def initialize(self, room: Room) -> None:
        self.room = room

    def set_default_headers(self) -> None:
        for k, v in _PHONE_HEADERS.items():
            self.set_header(k, v)
        self.set_header("Content-Type", "text/html; charset=utf-8")

    def _lang(self) -> str:
        asked = self.get_argument("lang", "")
        return normalize_lang(asked) if asked in ("id", "en") else self.room.lang

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish(phone_page(self._lang(), "join", errors=[t("room.phone.error", self._lang())]))

    def _form(self) -> dict[str, str]:
        return {k: self.get_body_argument(k, "") for k in self.request.body_arguments}

    def _refuse(self, lang: str, exc: CodeRefused) -> None:
        """A refused code: back to the code page (or the waiting page when no round is open);
        too many wrong codes from this phone answer 429."""
        if exc.reason == "limited":
            self.set_status(429)
        mode = "wait" if exc.reason == "no_round" else "join"
        self.finish(phone_page(lang, mode, errors=[str(exc)]))


class JoinHandler(_PhoneHandler):
    def get(self) -> None:
        lang = self._lang()
        mode = "join" if self.room.current_round() is not None else "wait"
        self.finish(phone_page(lang, mode))

    def post(self) -> None:
        lang = self._lang()
        code = self.get_body_argument("code", "")
        try:
            rnd, _ = self.room.check(self.request.remote_ip or "?", code)
        except CodeRefused as exc:
            self._refuse(lang, exc)
            return
        self.finish(phone_page(lang, "ballot", rnd, code=code))


class VoteHandler(_PhoneHandler):
    async def post(self) -> None:
        lang = self._lang()
        form = self._form()
        code = form.get("code", "")
        try:
            future = self.room.submit(self.request.remote_ip or "?", code, form)
        except CodeRefused as exc:
            self._refuse(lang, exc)
            return
        except BallotError as exc:
            rnd = self.room.current_round()
            self.set_status(400)
            self.finish(phone_page(lang, "ballot", rnd, code=code, errors=exc.problems, values=form))
            return
        try:
            await asyncio.wrap_future(future)
        except CodeRefused as exc:
            self.finish(phone_page(lang, "wait", errors=[str(exc)]))
            return
        except RtplanError as exc:
            self.set_status(503)
            rnd = self.room.current_round()
            self.finish(phone_page(lang, "ballot" if rnd else "wait", rnd, code=code,
                                   errors=[t("room.phone.not_saved", lang, reason=str(exc))], values=form))
            return
        self.finish(phone_page(lang, "thanks"))


class _AdminHandler(tornado.web.RequestHandler):
    room: Room
    token: str
    handle: RoomHandle

    def initialize(self, room: Room, token: str, handle: RoomHandle) -> None:
        self.room, self.token, self.handle = room, token, handle

    def prepare(self) -> None:
        given = self.request.headers.get("X-Room-Token") or self.get_query_argument("token", "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise tornado.web.HTTPError(403)

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def _json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            data = {}
        return data if isinstance(data, dict) else {}

    def reply(self, data: object, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(data, ensure_ascii=False))

    def refuse(self, exc: Exception) -> None:
        self.reply({"error": str(exc)}, 409)


class StatusHandler(_AdminHandler):
    def get(self) -> None:
        self.reply({**self.room.status(), "phone_url": self.handle.phone_url})


class RoundHandler(_AdminHandler):
    def post(self) -> None:
        data = self._json()
        try:
            top = int(data["top"]) if data.get("top") else None
            dots = int(data["dots"]) if data.get("dots") else None
            rnd = self.room.open_round(str(data.get("kind", "")), top, dots)
        except (RoomError, ValueError) as exc:
            self.refuse(exc)
            return
        self.reply({"round_id": rnd.round_id, "kind": rnd.kind, "titles": [ti for _, ti in rnd.items]})


class CloseHandler(_AdminHandler):
    async def post(self) -> None:
        try:
            result = await asyncio.get_running_loop().run_in_executor(None, self.room.close_round)
        except RoomError as exc:
            self.refuse(exc)
            return
        self.reply(result.to_json())


class CodesHandler(_AdminHandler):
    def get(self) -> None:
        """Who has a code (participant ids only; the codes themselves are not listed)."""
        self.reply({"participants": sorted(self.room.codes().values())})

    def post(self) -> None:
        data = self._json()
        try:
            if data.get("participant_id"):
                self.reply({"code": self.room.issue_code(str(data["participant_id"]))})
            else:
                self.reply({"n": len(self.room.ensure_codes(data.get("meeting_id") or None))})
        except RoomError as exc:
            self.refuse(exc)


class ProjectorHandler(_AdminHandler):
    def get(self) -> None:
        lang = self.get_query_argument("lang", self.room.lang)
        lang = normalize_lang(lang) if lang in ("id", "en") else self.room.lang
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(projector_page(self.handle.phone_url, self.token, self.room.status(), lang))


class LiveHandler(_AdminHandler):
    def get(self) -> None:
        lang = self.get_query_argument("lang", self.room.lang)
        lang = normalize_lang(lang) if lang in ("id", "en") else self.room.lang
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(live_fragment(self.room.status(), lang))


def _log(handler: tornado.web.RequestHandler) -> None:
    """Log only server errors: no line per phone (addresses and timings are nobody's business)."""
    if handler.get_status() >= 500:
        app_log.error("%d %s", handler.get_status(), handler.request.path)


class _Quiet(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_status(404)
        self.finish("")


# -- the handle ---------------------------------------------------------------------------------
@dataclass
class RoomHandle:
    """A running room: the addresses, the admin token, and :meth:`stop`."""

    phone_url: str
    """The short address phones open (``http://192.168.43.10:8765/``)."""
    admin_url: str
    """The admin API, on 127.0.0.1 only (``http://127.0.0.1:PORT``)."""
    admin_token: str
    room: Room
    _thread: threading.Thread | None = None
    _loop: asyncio.AbstractEventLoop | None = None
    _servers: list[tornado.httpserver.HTTPServer] = field(default_factory=list)

    def stop(self) -> None:
        """Stop listening, save every ballot already received, end the thread. Safe to call twice."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        self._loop = self._thread = None

        async def shutdown() -> None:
            for server in self._servers:
                server.stop()
                await server.close_all_connections()

        try:
            asyncio.run_coroutine_threadsafe(shutdown(), loop).result(timeout=30)
        finally:
            self.room.stop()
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=30)

    def __enter__(self) -> RoomHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_room(plan: Path, lang: str, host: str, port: int, *, admin_port: int = 0,
               state_folder: str | os.PathLike[str] | None = None, config: RoomConfig | None = None,
               token: str | None = None) -> RoomHandle:
    """Serve the voting room of ``plan``: phones on ``host:port``, the admin API on 127.0.0.1.

    Parameters
    ----------
    plan : the plan folder.
    lang : the phones' default language (``id`` or ``en``; a phone may switch).
    host : where phones connect: ``0.0.0.0`` for the local network (``--room``), ``127.0.0.1``
        to keep it on this laptop.
    port : the phones' port (0: a free one).
    admin_port : the admin API's port on 127.0.0.1 (0: a free one).
    state_folder : the folder of the room state file (default: see :mod:`rtplan.room.state`).
    config : rate limit and batching, :class:`~rtplan.room.engine.RoomConfig`.
    token : the admin token (default: a random one).

    Everyone on the attendance of the latest meeting gets a code if they have none yet
    (``rtplan room-codes`` prints them). Returns a :class:`RoomHandle`; call
    ``handle.stop()`` when the meeting ends.
    """
    room = Room(plan, lang, state_folder, config)
    room.ensure_codes()  # everyone present at the latest meeting has a code (existing codes are kept)
    try:
        phone_sockets = tornado.netutil.bind_sockets(port, host, family=socket.AF_INET)
        admin_sockets = tornado.netutil.bind_sockets(admin_port, "127.0.0.1", family=socket.AF_INET)
    except OSError:
        room.stop()
        raise
    phone_port = int(phone_sockets[0].getsockname()[1])
    shown_host = lan_address() if host in ("0.0.0.0", "") else host
    token = token or secrets.token_urlsafe(24)
    handle = RoomHandle(f"http://{shown_host}:{phone_port}/",
                        f"http://127.0.0.1:{admin_sockets[0].getsockname()[1]}", token, room)
    ready = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            phone_app = tornado.web.Application([
                (r"/", JoinHandler, {"room": room}),
                (r"/kirim", VoteHandler, {"room": room}),
                (r".*", _Quiet),
            ], xsrf_cookies=False, compress_response=True, log_function=_log)
            admin_kw = {"room": room, "token": token, "handle": handle}
            admin_app = tornado.web.Application([
                (r"/api/status", StatusHandler, admin_kw),
                (r"/api/round", RoundHandler, admin_kw),
                (r"/api/round/close", CloseHandler, admin_kw),
                (r"/api/codes", CodesHandler, admin_kw),
                (r"/projector", ProjectorHandler, admin_kw),
                (r"/projector/live", LiveHandler, admin_kw),
            ], log_function=_log)
            phone_server = tornado.httpserver.HTTPServer(phone_app, max_body_size=MAX_BODY, xheaders=False,
                                                         idle_connection_timeout=120)
            admin_server = tornado.httpserver.HTTPServer(admin_app, max_body_size=MAX_BODY)
            phone_server.add_sockets(phone_sockets)
            admin_server.add_sockets(admin_sockets)
            handle._servers = [phone_server, admin_server]
            handle._loop = loop
        except BaseException as exc:  # reported to the caller of start_room
            failure.append(exc)
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    thread = threading.Thread(target=run, name="rtplan-room-server", daemon=True)
    handle._thread = thread
    thread.start()
    ready.wait()
    if failure:
        room.stop()
        for s in phone_sockets + admin_sockets:
            s.close()
        raise failure[0]
    return handle
