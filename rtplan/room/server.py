"""The room's light web server (tornado): the phone page on the LAN, the admin API on 127.0.0.1.

One process, one thread, one event loop for every phone: no kernel per phone. A phone
needs no JavaScript and no cookie (old Android browsers, small screens): it posts its
code, gets the ballot of the open round as a plain form, posts it, and reads *terima
kasih* once the ballot is saved. The page offers nothing but voting: need titles and
the form, no names, no plan data, no files.

The admin side listens on 127.0.0.1 only and wants the token (header ``X-Room-Token``
or ``?token=``): open and close rounds, give a late arrival a code, the status the
projector shows, and ``/projector``, a page with the QR code and the live count.

What keeps one machine on the hotspot from blocking or guessing its way into the room:

* **Connections**: at most :func:`connection_cap` open at once (half the open-file limit,
  at most 500), :data:`PER_ADDRESS` from one address; a new connection over a cap closes the
  oldest one that is not in the middle of a request (an idle keep-alive or a silent socket),
  so idle connections cannot crowd out a phone that is voting. Headers and bodies must
  arrive within :data:`IO_TIMEOUT` seconds (tornado's ``idle_connection_timeout``, which is
  also its header timeout, and ``body_timeout``), bodies are at most :data:`MAX_BODY` bytes
  and headers :data:`MAX_HEADER` bytes.
* **Logs**: at most one line per kind of event a second, with no address and no traceback
  (:class:`OncePerSecond` on tornado's and asyncio's loggers).
* **Ballots** that cannot be read (a superscript ``²``, bad UTF-8, a missing field) answer 400
  with the page in the phone's language.
* **Guessing**: a wrong code counts against its address (:attr:`RoomConfig.max_failures` a
  minute, then 429) and against the room: after :meth:`Room.room_limit` wrong codes a minute
  from all addresses together, every guess waits its turn until the oldest of them is a
  minute old (:func:`rtplan.room.codes.room_guess_limit`: below 0.1 % for any code in an
  hour). Unknown and used codes get the same message. ``X-Forwarded-For`` is not trusted
  (``xheaders=False``): the address is the socket's.
* **Rounds**: each round has a key of 3 characters (the second factor). The projector's QR
  code and address carry it (``/?r=K7M``), so a phone that scans it still types only the
  code from its slip, which is printed once for the whole meeting; a phone without the key
  (it typed the address, or it kept an earlier round's page) is asked to scan again or type
  the key shown under the QR code. A slip seen over someone's shoulder is of no use from
  outside the room, and a key guessed wrong reads exactly like a wrong code.

:func:`start_room` runs both in a background thread of the calling process and returns
a :class:`RoomHandle`; ``handle.stop()`` saves what is queued and frees the ports.
"""

from __future__ import annotations

import asyncio
import collections
import hmac
import json
import logging
import math
import os
import re
import resource
import secrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import tornado.httpserver
import tornado.iostream
import tornado.netutil
import tornado.web

from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.room.engine import CodeRefused, Room, RoomConfig, RoomError
from rtplan.room.pages import live_fragment, phone_page, projector_page, round_url
from rtplan.room.rounds import BallotError

MAX_BODY = 32 * 1024
"""Bytes a request body may have (a ballot is well under 1 KB)."""
MAX_HEADER = 8 * 1024
"""Bytes the request line and headers may have together."""
IO_TIMEOUT = 10.0
"""Seconds a connection may take to send its headers (or stay idle between requests), and its body."""
PER_ADDRESS = 32
"""Connections one address may hold open at once (a phone's browser opens a few)."""
MAX_WAITING = 64
"""Guesses that may wait for the room-wide limit at once; more are told the room is busy."""
LOG = logging.getLogger("rtplan.room")
_PHONE_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                                "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def connection_cap(limit: int | None = None) -> int:
    """Connections the phone server keeps open at once: well below the open-file limit ``limit``
    (default this process's soft ``RLIMIT_NOFILE``): half of it, at most 500, at least 16."""
    if limit is None:
        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        limit = soft if soft != resource.RLIM_INFINITY else 1 << 20
    return max(16, min(500, (int(limit) - 64) // 2))


_ADDRESS = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b|\[?[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\]?")


class OncePerSecond(logging.Filter):
    """At most one log line per kind of event (logger and message template) a second; the line
    keeps no address (IPv4 or IPv6) and no traceback. Lines dropped are counted in :attr:`dropped`."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self.last: dict[tuple[str, str], float] = {}
        self.dropped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg)[:120])
        now = self.clock()
        if now - self.last.get(key, -math.inf) < 1.0:
            self.dropped += 1
            return False
        if len(self.last) > 1000:  # kinds of events are few; a flood of new ones must not grow this
            self.last.clear()
        self.last[key] = now
        try:
            text = record.getMessage()
        except Exception:  # a message that cannot be formatted still says what kind it was
            text = str(record.msg)
        record.msg, record.args = _ADDRESS.sub("?", text), None
        record.exc_info = record.exc_text = record.stack_info = None
        return True


QUIET_LOGGERS = ("tornado.access", "tornado.application", "tornado.general", "asyncio", "rtplan.room")


def quiet_logs() -> OncePerSecond:
    """Put one :class:`OncePerSecond` on the loggers the room writes to (once per process)."""
    for name in QUIET_LOGGERS:
        for f in logging.getLogger(name).filters:
            if isinstance(f, OncePerSecond):
                return f
    once = OncePerSecond()
    for name in QUIET_LOGGERS:
        logging.getLogger(name).addFilter(once)
    return once


def lan_address() -> str:
    """This laptop's address on the local network (the hotspot), or ``127.0.0.1`` when it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


# -- handlers ----------------------------------------------------------------------------------
class _Gate:
    """Where guesses wait their turn once the room-wide wrong-code limit is reached."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.waiting = 0


class _Busy(Exception):
    """Too many guesses already wait for their turn."""


class _PhoneHandler(tornado.web.RequestHandler):
    room: Room

    def initialize(self, room: Room) -> None:
        self.room = room

    def set_default_headers(self) -> None:
        for k, v in _PHONE_HEADERS.items():
            self.set_header(k, v)
        self.set_header("Content-Type", "text/html; charset=utf-8")

    def prepare(self) -> None:
        busy: set[object] = self.settings["rtplan_busy"]
        busy.add(getattr(self.request.connection, "stream", None))

    def on_finish(self) -> None:
        busy: set[object] = self.settings["rtplan_busy"]
        busy.discard(getattr(self.request.connection, "stream", None))

    def on_connection_close(self) -> None:
        self.on_finish()

    def _lang(self) -> str:
        asked = self.get_query_argument("lang", "")
        return normalize_lang(asked) if asked in ("id", "en") else self.room.lang

    def _key(self) -> str:
        """The round key the phone brought: the form's ``r`` (posts) or the address's ``?r=``."""
        if self.request.method == "POST":
            return self.get_body_argument("r", "") or self.get_query_argument("r", "")
        return self.get_query_argument("r", "")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """One plain sentence in the phone's language; never a traceback (400: what was sent cannot be read)."""
        try:
            lang = self._lang()
        except Exception:  # the query itself could not be read
            lang = self.room.lang
        key = "room.phone.bad_request" if 400 <= status_code < 500 else "room.phone.error"
        self.finish(phone_page(lang, "join", errors=[t(key, lang)]))

    def log_exception(self, typ: type[BaseException] | None, value: BaseException | None,
                      tb: TracebackType | None) -> None:
        """No traceback and no address in the log: one line naming what failed (at most one a second)."""
        if isinstance(value, tornado.web.HTTPError):
            return  # a request that could not be read: the phone was told, nothing to log
        LOG.error("phone page %s failed: %s", self.request.path, typ.__name__ if typ else "?")

    def _form(self) -> dict[str, str]:
        return {k: self.get_body_argument(k, "") for k in self.request.body_arguments}

    def _refuse(self, lang: str, exc: CodeRefused, key: str = "") -> None:
        """A refused code: back to the code page (or the waiting page when no round is open);
        too many wrong codes from this phone answer 429."""
        if exc.reason == "limited":
            self.set_status(429)
        mode = "wait" if exc.reason == "no_round" else "join"
        self.finish(phone_page(lang, mode, errors=[str(exc)], key="" if exc.reason == "scan" else key))

    def _busy(self, lang: str, key: str) -> None:
        self.set_status(503)
        self.set_header("Retry-After", "60")
        self.finish(phone_page(lang, "join", errors=[t("room.refused.busy", lang)], key=key))

    async def _in_turn(self, check: Callable[[], Any]) -> Any:
        """Run ``check`` (a code check) once the room-wide wrong-code limit lets a guess through.

        An address over its own limit is refused at once (``check`` raises). Otherwise the guess
        waits, one at a time, until fewer than :meth:`Room.room_limit` wrong codes are in the last
        window: every guess waits alike, right or wrong, so waiting tells nothing about a code.
        """
        client = self.request.remote_ip or "?"
        if self.room.address_limited(client):
            return check()
        gate: _Gate = self.settings["rtplan_gate"]
        if gate.waiting >= MAX_WAITING:
            raise _Busy
        gate.waiting += 1
        try:
            await gate.lock.acquire()
        finally:
            gate.waiting -= 1
        try:
            while (delay := self.room.guess_delay()) > 0:
                await asyncio.sleep(delay)
            return check()
        finally:
            gate.lock.release()


class JoinHandler(_PhoneHandler):
    def get(self) -> None:
        lang = self._lang()
        mode = "join" if self.room.current_round() is not None else "wait"
        self.finish(phone_page(lang, mode, key=self._key()))

    async def post(self) -> None:
        lang = self._lang()
        code = self.get_body_argument("code", "")
        key = self._key()
        client = self.request.remote_ip or "?"
        try:
            rnd, _ = await self._in_turn(lambda: self.room.check(client, code, key, lang))
        except CodeRefused as exc:
            self._refuse(lang, exc, key)
            return
        except _Busy:
            self._busy(lang, key)
            return
        self.finish(phone_page(lang, "ballot", rnd, code=code, key=key))


class VoteHandler(_PhoneHandler):
    async def post(self) -> None:
        lang = self._lang()
        form = self._form()
        code = form.get("code", "")
        key = self._key()
        client = self.request.remote_ip or "?"
        try:
            future = await self._in_turn(lambda: self.room.submit(client, code, form, key, lang))
        except CodeRefused as exc:
            self._refuse(lang, exc, key)
            return
        except _Busy:
            self._busy(lang, key)
            return
        except BallotError as exc:
            rnd = self.room.current_round()
            self.set_status(400)
            self.finish(phone_page(lang, "ballot", rnd, code=code, errors=exc.problems, values=form, key=key))
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
                                   errors=[t("room.phone.not_saved", lang, reason=str(exc))], values=form, key=key))
            return
        self.finish(phone_page(lang, "thanks", key=key))


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
        status = self.room.status()
        self.reply({**status, "phone_url": round_url(self.handle.phone_url, status)})


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
        self.reply({"round_id": rnd.round_id, "key": rnd.key, "kind": rnd.kind, "titles": [ti for _, ti in rnd.items]})


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
    if handler.get_status() >= 500 and handler.get_status() != 503:
        LOG.error("%d %s", handler.get_status(), handler.request.path)


class CappedHTTPServer(tornado.httpserver.HTTPServer):
    """tornado's HTTP server with a cap on open connections, in all and per address.

    A connection over a cap closes the oldest connection (of that address, or of all) that
    is not in the middle of a request; when every one is, the new connection is closed.
    Call :meth:`cap` once after construction.
    """

    max_open = 500
    per_address = PER_ADDRESS

    def cap(self, max_open: int, per_address: int, busy: set[object]) -> None:
        self.max_open, self.per_address = max_open, per_address
        self._open: collections.OrderedDict[tornado.iostream.IOStream, str] = collections.OrderedDict()
        self._busy = busy
        self.refused = 0
        """Connections closed at once (every open one was in a request)."""
        self.evicted = 0
        """Idle connections closed to make room."""

    def _evict(self, candidates: list[tornado.iostream.IOStream]) -> bool:
        for stream in candidates:  # oldest first
            if stream not in self._busy:
                self._open.pop(stream, None)
                stream.close()
                self.evicted += 1
                return True
        return False

    def handle_stream(self, stream: tornado.iostream.IOStream, address: tuple[Any, ...]) -> None:
        host = str(address[0]) if isinstance(address, tuple) and address else "?"
        same = [s for s, h in self._open.items() if h == host]
        if (len(same) >= self.per_address and not self._evict(same)) or \
                (len(self._open) >= self.max_open and not self._evict(list(self._open))):
            self.refused += 1
            stream.close()
            return
        self._open[stream] = host
        super().handle_stream(stream, address)

    def on_close(self, server_conn: object) -> None:
        stream = getattr(server_conn, "stream", None)
        if stream is not None:
            self._open.pop(stream, None)
            self._busy.discard(stream)
        super().on_close(server_conn)

    @property
    def open_connections(self) -> int:
        return len(self._open)


class _Quiet(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_status(404)
        self.finish("")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish("")

    def log_exception(self, typ: type[BaseException] | None, value: BaseException | None,
                      tb: TracebackType | None) -> None:
        return


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

    def round_url(self) -> str:
        """The address the projector's QR code carries now (with the open round's key)."""
        return round_url(self.phone_url, self.room.status())

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
               token: str | None = None, max_connections: int | None = None) -> RoomHandle:
    """Serve the voting room of ``plan``: phones on ``host:port``, the admin API on 127.0.0.1.

    Parameters
    ----------
    plan : the plan folder.
    lang : the phones' default language (``id`` or ``en``; a phone may switch).
    host : the address phones connect to: the hotspot's interface (``rtplan workshop --room``
        uses :func:`lan_address` or ``--bind``), ``127.0.0.1`` to keep it on this laptop.
    port : the phones' port (0: a free one).
    admin_port : the admin API's port on 127.0.0.1 (0: a free one).
    state_folder : the folder of the room state file (default: see :mod:`rtplan.room.state`).
    config : rate limit and batching, :class:`~rtplan.room.engine.RoomConfig`.
    token : the admin token (default: a random one).
    max_connections : the phones' connection cap (default :func:`connection_cap`).

    Everyone on the attendance of the latest meeting gets a code if they have none yet
    (``rtplan room-codes`` prints them). Returns a :class:`RoomHandle`; call
    ``handle.stop()`` when the meeting ends.
    """
    quiet_logs()
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
            busy: set[object] = set()
            phone_app = tornado.web.Application([
                (r"/", JoinHandler, {"room": room}),
                (r"/kirim", VoteHandler, {"room": room}),
                (r".*", _Quiet),
            ], xsrf_cookies=False, compress_response=True, log_function=_log, rtplan_busy=busy,
                rtplan_gate=_Gate())
            admin_kw = {"room": room, "token": token, "handle": handle}
            admin_app = tornado.web.Application([
                (r"/api/status", StatusHandler, admin_kw),
                (r"/api/round", RoundHandler, admin_kw),
                (r"/api/round/close", CloseHandler, admin_kw),
                (r"/api/codes", CodesHandler, admin_kw),
                (r"/projector", ProjectorHandler, admin_kw),
                (r"/projector/live", LiveHandler, admin_kw),
            ], log_function=_log)
            limits = {"max_body_size": MAX_BODY, "max_header_size": MAX_HEADER, "body_timeout": IO_TIMEOUT,
                      "idle_connection_timeout": IO_TIMEOUT}
            phone_server = CappedHTTPServer(phone_app, xheaders=False, **limits)
            phone_server.cap(max_connections or connection_cap(), PER_ADDRESS, busy)
            admin_server = tornado.httpserver.HTTPServer(admin_app, **limits)
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
