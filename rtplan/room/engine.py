"""The room: codes checked (rate-limited per client), ballots saved to the plan in batches.

One writer thread saves every ballot through :func:`rtplan.storage.save_tables` (the
journaled, validated save every panel uses). Ballots that arrive while a save runs
wait and go together in the next one, so 60 phones pressing *Kirim* at once cost a
few saves, not 60. A phone is thanked only after its ballot is on disk: its future
resolves after the save, never before.

Order of writes for one batch (see :mod:`rtplan.room.state`): the codes' hashes go to
``used`` and ``pending`` in the state file, then the plan is saved, then ``pending``
is emptied. A restart in between keeps a ballot that reached the plan (its code stays
used) and frees the code of one that did not.
"""

from __future__ import annotations

import collections
import concurrent.futures
import hmac
import os
import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rtplan import storage
from rtplan.exceptions import ConcurrentChangeError, RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.room import codes as room_codes
from rtplan.room.rounds import (
    Ballot,
    Round,
    Tally,
    new_anonymous_id,
    new_round,
    read_ballot,
    round_ids,
    tally,
    with_ballots,
)
from rtplan.room.state import State, StateFile


@dataclass(frozen=True)
class RoomConfig:
    """Settings of a room (defaults suit 30-60 phones on a hotspot)."""

    max_failures: int = 5
    """Wrong or used codes a client may try within :attr:`window` seconds before it must wait."""
    window: float = 60.0
    """The rate-limit window, in seconds."""
    room_failures: int | None = None
    """Wrong codes within :attr:`window` from all clients together before every guess waits
    (default: :func:`rtplan.room.codes.room_guess_limit` of the codes given out)."""
    batch_max: int = 200
    """At most this many ballots per save."""
    save_retries: int = 3
    """Reload the plan and save again this often when another program changed it meanwhile."""


class RoomError(RtplanError):
    """Raised when the facilitator asks the room for something it cannot do now (a round already open)."""


class CodeRefused(RtplanError):
    """Raised when a phone's code is refused: ``reason`` is ``unknown``, ``used``, ``limited``, ``no_round``
    or ``scan`` (the phone brought no round key, or one of an earlier round: it should scan the QR code again).

    ``unknown`` and ``used`` (and a wrong round key, also ``unknown``) give the same message: a guesser
    must not learn that a code exists.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


_REFUSALS = {"unknown": "room.refused.code", "used": "room.refused.code", "limited": "room.refused.limited",
             "no_round": "room.refused.no_round", "scan": "room.refused.scan"}
OLD_KEYS = 20
"""How many earlier rounds' keys are kept, to tell a phone still on an earlier round's page to scan again."""


@dataclass
class _Item:
    rnd: Round
    digest: str
    ballot: Ballot
    future: concurrent.futures.Future[str]


class Room:
    """A plan's voting room. Thread-safe; :meth:`stop` ends its writer thread.

    Parameters
    ----------
    plan_dir : the plan folder.
    lang : the language of messages (default: the plan's).
    state_folder : the folder of the state file (default :func:`rtplan.room.state.state_dir`).
    config : :class:`RoomConfig`.
    clock : seconds, monotonic (tests pass their own for the rate limit).
    """

    def __init__(self, plan_dir: str | os.PathLike[str], lang: str | None = None,
                 state_folder: str | os.PathLike[str] | None = None, config: RoomConfig | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.plan_dir = Path(plan_dir)
        self.plan = storage.load_plan(plan_dir)
        self.lang = normalize_lang(lang or self.plan.lang)
        self.state = StateFile(plan_dir, state_folder)
        self.state.sweep()  # a room killed mid-write left its temporary copy (the code map): gone
        self.config = config or RoomConfig()
        self.clock = clock
        self._lock = threading.RLock()  # codes in flight, failures, closing
        self._plan_lock = threading.RLock()  # self.plan: saved by the writer, reloaded when a round opens
        self._failures: dict[str, collections.deque[float]] = {}
        self._room_failures: collections.deque[float] = collections.deque()
        self.failure_log: list[float] = []
        """When each wrong code was counted (the room's clock): what the room-wide limit let through."""
        self._inflight: set[str] = set()
        self._closing = False
        self._queue: queue.Queue[_Item | None] = queue.Queue()
        self.saves = 0
        """Plan saves made (a benchmark reads it: ballots per save)."""
        self.recover()
        self._writer = threading.Thread(target=self._write_loop, name="rtplan-room-writer", daemon=True)
        self._writer.start()

    # -- state ----------------------------------------------------------------------------
    def recover(self) -> None:
        """Settle ballots a crash left half-saved: in the plan -> code stays used; not -> code free again."""
        def settle(state: State) -> None:
            pending = state.get("pending") or {}
            if not pending or not state.get("round"):
                state["pending"] = {}
                return
            rnd = Round.from_json(state["round"])
            saved = round_ids(self.plan.tables, rnd)
            lost = {h for h, who in pending.items() if who not in saved}
            state["used"] = [h for h in state["used"] if h not in lost]
            state["pending"] = {}

        if self.state.read().get("pending"):
            self.state.update(settle)

    def current_round(self) -> Round | None:
        data = self.state.read().get("round")
        return None if not data else Round.from_json(data)

    def codes(self) -> dict[str, str]:
        """Every code and the participant it was given to (for the slips; never shown to phones)."""
        return dict(self.state.read().get("codes") or {})

    def ensure_codes(self, meeting_id: str | None = None) -> dict[str, str]:
        """Give a code to every participant present at ``meeting_id`` (default the latest) who has none yet.

        Returns every participant's code (``{participant_id: code}``).
        """
        present = room_codes.present(self.plan, meeting_id)
        return ensure_codes(self.state, present)

    def issue_code(self, participant_id: str) -> str:
        """The code of ``participant_id`` (a late arrival): their existing one, or a new one."""
        known = set(self.plan["participants"]["participant_id"].astype(str))
        if participant_id not in known:
            raise RoomError(t("room.no_participant", self.lang, who=participant_id))
        return ensure_codes(self.state, [participant_id])[participant_id]

    def room_limit(self) -> int:
        """Wrong codes per window from all clients together (:attr:`RoomConfig.room_failures`)."""
        if self.config.room_failures is not None:
            return self.config.room_failures
        return room_codes.room_guess_limit(len(self.state.read().get("codes") or {}))

    def forget_codes(self) -> None:
        """End of the meeting: forget every code (no round may be open)."""
        if self.current_round() is not None:
            raise RoomError(t("room.round_still_open", self.lang))
        self.state.update(lambda s: s.update(codes={}))

    # -- rounds ---------------------------------------------------------------------------
    def open_round(self, kind: str, top: int | None = None, dots: int | None = None) -> Round:
        """Open a round of ``kind`` (``dots``, ``usg`` or ``pairwise``) on the plan's needs as they are now."""
        with self._plan_lock:
            self._reload_if_changed()
            rnd = new_round(self.plan, kind, top, dots)
            if len(rnd.items) < (1 if kind == "dots" else 2):
                raise RoomError(t("room.too_few_needs", self.lang))

            def put(state: State) -> None:
                if state.get("round"):
                    raise RoomError(t("room.round_already_open", self.lang))
                state.update(round=rnd.to_json(), used=[], pending={})

            self.state.update(put)
        with self._lock:
            self._closing = False
        return rnd

    def close_round(self) -> Tally:
        """Close the open round once every ballot received is saved; its hashes are deleted. Returns the result."""
        with self._lock:
            rnd = self.current_round()
            if rnd is None:
                raise RoomError(t("room.no_round", self.lang))
            self._closing = True
        self._queue.join()
        with self._lock:
            result = tally(self.plan.tables, rnd, self.lang)

            def close(state: State) -> None:
                old = [k for k in state.get("old_keys") or () if k != rnd.key]
                state.update(round=None, used=[], pending={}, last=result.to_json(),
                             old_keys=([rnd.key] if rnd.key else []) + old[:OLD_KEYS - 1])

            self.state.update(close)
            self._closing = False
            return result

    def status(self) -> dict[str, Any]:
        """What the projector shows: the open round and how many voted, or the last result."""
        state = self.state.read()
        out: dict[str, Any] = {"codes": len(state.get("codes") or {}), "round": None, "last": state.get("last")}
        if state.get("round"):
            rnd = Round.from_json(state["round"])
            out["round"] = {"round_id": rnd.round_id, "key": rnd.key, "kind": rnd.kind,
                            "titles": [ti for _, ti in rnd.items],
                            "pairs": len(rnd.pairs), "dots": rnd.dots, "opened": rnd.opened,
                            "voted": len(round_ids(self.plan.tables, rnd))}
        return out

    # -- phones ---------------------------------------------------------------------------
    def _refuse(self, client: str, reason: str, lang: str | None = None) -> CodeRefused:
        if reason in ("unknown", "used"):
            now = self.clock()
            self._failures.setdefault(client, collections.deque()).append(now)
            self._room_failures.append(now)
            self.failure_log.append(now)
        return CodeRefused(reason, t(_REFUSALS[reason], lang or self.lang, wait=int(self.config.window)))

    def _expire(self, seen: collections.deque[float]) -> None:
        now = self.clock()
        while seen and now - seen[0] >= self.config.window:
            seen.popleft()

    def address_limited(self, client: str) -> bool:
        """Whether ``client`` tried :attr:`RoomConfig.max_failures` wrong codes within the window."""
        with self._lock:
            seen = self._failures.get(client)
            if not seen:
                return False
            self._expire(seen)
            if not seen:
                del self._failures[client]  # the table of addresses does not grow without end
                return False
            return len(seen) >= self.config.max_failures

    def guess_delay(self) -> float:
        """Seconds until the next guess may be checked: 0, unless :meth:`room_limit` wrong codes came
        from all clients together within the window (then: until the oldest of them is out of it)."""
        with self._lock:
            self._expire(self._room_failures)
            limit = self.room_limit()
            if len(self._room_failures) < limit:
                return 0.0
            oldest = self._room_failures[len(self._room_failures) - limit]
            return max(0.0, oldest + self.config.window - self.clock())

    def check(self, client: str, text: object, key: object = None, lang: str | None = None) -> tuple[Round, str]:
        """The open round and the code ``text`` names, if it may vote now; else :class:`CodeRefused`.

        ``key`` is the round key the phone brought (the QR code's ``?r=``); ``None`` skips the key
        (the engine's own callers and tests). A missing key or an earlier round's asks the phone
        to scan again (not counted as a wrong code); any other wrong key counts and reads exactly
        like a wrong code. ``lang``: the language of the refusal (default the room's).

        Waiting for the room-wide limit is the caller's part (:meth:`guess_delay`; the server waits
        asynchronously): :meth:`check` itself refuses only a client over its own limit.
        """
        with self._lock:
            if self.address_limited(client):
                raise self._refuse(client, "limited", lang)
            state = self.state.read()
            if not state.get("round") or self._closing:
                raise self._refuse(client, "no_round", lang)
            rnd = Round.from_json(state["round"])
            if key is not None and rnd.key:
                given = room_codes.normalize_key(key)
                if not str(key or "").strip() or given in (state.get("old_keys") or ()):
                    raise self._refuse(client, "scan", lang)
                if not hmac.compare_digest(given, rnd.key):
                    raise self._refuse(client, "unknown", lang)
            code = room_codes.normalize_code(text)
            if not code or code not in (state.get("codes") or {}):
                raise self._refuse(client, "unknown", lang)
            digest = room_codes.code_hash(rnd.round_id, code)
            if digest in set(state.get("used") or ()) or digest in self._inflight:
                raise self._refuse(client, "used", lang)
            return rnd, digest

    def submit(self, client: str, text: object, form: Mapping[str, str], key: object = None,
               lang: str | None = None) -> concurrent.futures.Future[str]:
        """Queue one phone's ballot; the future gives its anonymous id once it is saved.

        Raises :class:`CodeRefused` (the code) or :class:`rtplan.room.rounds.BallotError`
        (the ballot: nothing counted against the client).
        """
        with self._lock:
            rnd, digest = self.check(client, text, key, lang)
            ballot = read_ballot(rnd, form, lang or self.lang)
            self._inflight.add(digest)
            future: concurrent.futures.Future[str] = concurrent.futures.Future()
            self._queue.put(_Item(rnd, digest, ballot, future))
            return future

    # -- the writer -----------------------------------------------------------------------
    def _write_loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                self._queue.task_done()
                return
            batch = [first]
            stop = False
            while len(batch) < self.config.batch_max:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                batch.append(more)
            try:
                self._save_batch(batch)
            except BaseException as exc:  # a bug: every waiting phone hears of it, the writer lives on
                for item in batch:
                    if not item.future.done():
                        item.future.set_exception(exc)
            finally:
                with self._lock:
                    self._inflight -= {item.digest for item in batch}
                for _ in batch:
                    self._queue.task_done()
                if stop:
                    self._queue.task_done()
            if stop:
                return

    def _reload_if_changed(self) -> None:
        """Reload the plan when another program (the notebook panels) saved it since."""
        self.plan = storage.load_plan(self.plan_dir)

    def _save_batch(self, batch: list[_Item]) -> None:
        rnd = batch[0].rnd
        state = self.state.read()
        if not state.get("round") or state["round"]["round_id"] != rnd.round_id:
            for item in batch:
                item.future.set_exception(CodeRefused("no_round", t("room.refused.no_round", self.lang)))
            return
        taken = round_ids(self.plan.tables, rnd)
        ids: list[str] = []
        for _ in batch:
            who = new_anonymous_id(rnd, taken)
            taken.add(who)
            ids.append(who)

        def mark(state: State) -> None:
            state["used"] = sorted(set(state.get("used") or ()) | {item.digest for item in batch})
            state["pending"] = {item.digest: who for item, who in zip(batch, ids)}

        self.state.update(mark)
        failed: dict[str, Exception] = {}
        try:
            self._save(rnd, [(who, item.ballot) for item, who in zip(batch, ids)])
        except RtplanError as whole:
            if len(batch) == 1:
                failed[batch[0].digest] = whole
            else:  # one ballot the plan refuses (a need deleted meanwhile) must not sink the others
                for item, who in zip(batch, ids):
                    try:
                        self._save(rnd, [(who, item.ballot)])
                    except RtplanError as exc:
                        failed[item.digest] = exc
        except Exception as exc:  # unexpected: what reached the disk counts, the other codes are freed
            with self._plan_lock:
                self._reload_if_changed()
                saved = round_ids(self.plan.tables, rnd)
            failed = {item.digest: exc for item, who in zip(batch, ids) if who not in saved}

        def settle(state: State) -> None:
            state["used"] = [h for h in state.get("used") or () if h not in failed]
            state["pending"] = {}

        self.state.update(settle)
        for item, who in zip(batch, ids):
            if item.digest in failed:
                item.future.set_exception(failed[item.digest])
            else:
                item.future.set_result(who)

    def _save(self, rnd: Round, ballots: list[tuple[str, Ballot]]) -> None:
        for attempt in range(self.config.save_retries + 1):
            with self._plan_lock:
                frame = with_ballots(self.plan.copy_table(rnd.table), ballots)
                try:
                    storage.save_tables(self.plan, {rnd.table: frame})
                    self.saves += 1
                    return
                except ConcurrentChangeError:
                    if attempt == self.config.save_retries:
                        raise
                    self._reload_if_changed()

    def stop(self) -> None:
        """Save what is queued, then end the writer thread."""
        if self._writer.is_alive():
            self._queue.put(None)
            self._writer.join()


def ensure_codes(state: StateFile, participants: list[str]) -> dict[str, str]:
    """Give each of ``participants`` a code unless they have one; returns ``{participant_id: code}`` of everyone."""
    def give(s: State) -> dict[str, str]:
        codes: dict[str, str] = dict(s.get("codes") or {})
        by_person = {pid: code for code, pid in codes.items()}
        for pid in participants:
            if pid not in by_person:
                code = room_codes.new_code(set(codes))
                codes[code] = pid
                by_person[pid] = code
        s["codes"] = codes
        return by_person

    result: dict[str, str] = state.update(give)
    return result
