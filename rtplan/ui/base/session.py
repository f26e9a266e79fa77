"""The plan session a notebook's panels share: it holds the loaded plan, saves through
:mod:`rtplan.storage` and tells the panels that listen which tables changed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from rtplan import storage
from rtplan.exceptions import ConcurrentChangeError, EmptiedTableError, RtplanError, ValidationError
from rtplan.form_messages import changed_elsewhere, form_messages
from rtplan.messages import t
from rtplan.plan import Plan
from rtplan.schema import TABLES

Listener = Callable[[set[str]], None]


class Gate:
    """The listeners of something that can be out of sight (a tab not open).

    While shown, a listener is called at once. While hidden, the tables that changed
    are only noted; :meth:`show` then calls each listener that missed a change once,
    with every table that changed meanwhile, in the order they were registered. So a
    save redraws only what is on screen, and a tab is brought up to date when opened.
    """

    def __init__(self, shown: bool = True) -> None:
        self.shown = shown
        self._listeners: list[Listener] = []
        self._pending: dict[int, set[str]] = {}

    def add(self, listener: Listener) -> Listener:
        """``listener``, called now when shown, later when hidden."""
        index = len(self._listeners)
        self._listeners.append(listener)

        def gated(changed: set[str]) -> None:
            if self.shown:
                listener(changed)
            else:
                self._pending.setdefault(index, set()).update(changed)

        gated.listener = listener  # type: ignore[attr-defined]  # the panel's own listener (benchmarks)
        return gated

    @property
    def pending(self) -> bool:
        """Some listener missed a change while hidden."""
        return bool(self._pending)

    def show(self) -> None:
        """Shown again: call every listener that missed a change."""
        self.shown = True
        pending, self._pending = self._pending, {}
        for index in sorted(pending):
            self._listeners[index](pending[index])

    def hide(self) -> None:
        self.shown = False


class PlanSession:
    """One plan opened in a notebook, shared by all its panels.

    Parameters
    ----------
    plan_or_path : a plan folder or an already loaded :class:`~rtplan.plan.Plan`.
    lang : message language (default: the plan's).
    """

    def __init__(self, plan_or_path: Plan | str | Path, lang: str | None = None) -> None:
        self.plan = plan_or_path if isinstance(plan_or_path, Plan) else storage.load_plan(plan_or_path, lang)
        self.lang = lang or self.plan.lang
        self._listeners: list[Listener] = []
        #: the last save that changed tables, as it can be undone (``None``: nothing to undo)
        self.last_undo: UndoPoint | None = None
        #: the last refusal was because another kernel or person changed the plan on disk
        self.refused_concurrent = False
        #: the last refusal was a save over tables found empty (table -> rows of their last version)
        self.refused_emptied: dict[str, int] = {}
        self._gate: Gate | None = None

    def on_change(self, listener: Listener) -> None:
        """Call ``listener(changed_table_names)`` after every successful save (while a
        :meth:`behind` block is open: only when its gate is shown, see :class:`Gate`)."""
        self._listeners.append(self._gate.add(listener) if self._gate is not None else listener)

    @contextmanager
    def behind(self, gate: Gate) -> Iterator[Gate]:
        """Panels built in this block listen through ``gate`` (a tab: redrawn when open)."""
        outer, self._gate = self._gate, gate
        try:
            yield gate
        finally:
            self._gate = outer

    def table(self, name: str) -> pd.DataFrame:
        """A copy of a table to edit."""
        return self.plan.copy_table(name)

    def save(self, updates: Mapping[str, pd.DataFrame], meta: Mapping[str, Any] | None = None,
             force: bool = False) -> list[str]:
        """Save through storage; return ``[]`` on success or the messages of the refusal.

        ``force``: the person confirmed writing over a table found empty while its
        history holds rows (refused otherwise, with :attr:`refused_emptied` set)."""
        names = [*updates, *(["plan"] if meta is not None else [])]
        before = {name: storage.fingerprint(self.plan, name) for name in names}
        self.refused_concurrent = False
        self.refused_emptied = {}
        try:
            storage.save_tables(self.plan, updates, meta, force=force)
        except ValidationError as exc:  # in the form's words (rtplan validate keeps files and columns)
            return form_messages(exc.problems, self.plan, updates, meta, self.lang)
        except ConcurrentChangeError:
            self.refused_concurrent = True
            return [changed_elsewhere(self.plan, self.lang)]
        except EmptiedTableError as exc:
            self.refused_emptied = dict(exc.emptied)
            return [str(exc)]
        except RtplanError as exc:
            return [str(exc)]
        self._remember_undo(before)
        changed = set(updates) | ({"plan"} if meta is not None else set())
        for listener in list(self._listeners):
            listener(changed)
        return []

    def fingerprints(self) -> dict[str, str | None]:
        """Every table's digest as the plan last read or wrote it (before a save made elsewhere)."""
        return {name: storage.fingerprint(self.plan, name) for name in TABLES}

    def saved_elsewhere(self, before: Mapping[str, str | None]) -> None:
        """After a save made through storage on this session's plan by other code (an
        import): keep it for "Urungkan" and tell the panels what changed. ``before`` is
        :meth:`fingerprints` taken before that save."""
        self._remember_undo(before)
        changed = {name for name, digest in before.items() if storage.fingerprint(self.plan, name) != digest}
        for listener in list(self._listeners):
            listener(changed)

    def _remember_undo(self, before: Mapping[str, str | None]) -> None:
        """Keep, from the plan's history, the versions a just-made save replaced
        (tables, and ``plan`` for the settings of ``plan.toml``)."""
        after = {name: storage.fingerprint(self.plan, name) for name in before}
        changed = [name for name in before if after[name] != before[name]]
        if not changed:
            return
        versions: dict[str, storage.Version | None] = {}
        for name in changed:
            old = before[name]
            version = None if old is None else storage.version_with_digest(self.plan.path, name, old)
            if old is not None and version is None:  # pruned or unreadable: cannot be undone
                self.last_undo = None
                return
            versions[name] = version
        self.last_undo = UndoPoint(versions, {name: after[name] for name in changed})

    def undo(self, point: UndoPoint | None = None) -> list[str]:
        """Bring back the tables as they were before the save ``point`` (default: the last).

        Restored from the plan's history through storage (validated, all tables in one
        atomic save). Refused when a table changed again since that save.
        """
        point = point or self.last_undo
        if point is None:
            return [t("ui.undo_nothing", self.lang)]
        if any(storage.fingerprint(self.plan, name) != digest for name, digest in point.after.items()):
            return [t("ui.undo_stale", self.lang)]
        self.refused_concurrent = False
        tables = {name: v for name, v in point.versions.items() if name != "plan"}
        try:
            if tables:
                storage.restore_versions(self.plan, tables, force=True)  # the person asked for these rows
            if "plan" in point.versions:  # the settings: the kept plan.toml, checked like any save
                storage.save_tables(self.plan, {}, _kept_meta(point.versions["plan"], self.lang))
        except ValidationError as exc:
            return form_messages(exc.problems, self.plan, {}, None, self.lang)
        except ConcurrentChangeError:
            self.refused_concurrent = True
            return [changed_elsewhere(self.plan, self.lang)]
        except RtplanError as exc:
            return [str(exc)]
        if self.last_undo is point:
            self.last_undo = None
        for listener in list(self._listeners):
            listener(set(point.versions))
        return []

    def reload(self) -> None:
        """Load the plan again from disk (after a refused save because of another editor)."""
        self.plan = storage.load_plan(self.plan.path, self.lang)
        self.refused_concurrent = False
        self.last_undo = None
        for listener in list(self._listeners):
            listener(set(TABLES) | {"plan"})


def _kept_meta(version: storage.Version | None, lang: str) -> dict[str, Any]:
    """The settings of a kept ``plan.toml`` (a plan always has one: ``None`` is refused)."""
    import tomllib

    if version is None:
        raise RtplanError(t("ui.undo_nothing", lang))
    try:
        return tomllib.loads(version.path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RtplanError(t("ui.undo_nothing", lang)) from exc


class UndoPoint:
    """A saved change that can be undone: the kept versions it replaced (table ->
    :class:`~rtplan.storage.Version`, ``None`` when the file did not exist) and the
    digests the tables had right after it."""

    def __init__(self, versions: Mapping[str, storage.Version | None], after: Mapping[str, str | None]) -> None:
        self.versions = dict(versions)
        self.after = dict(after)


# the open sessions, held by what uses them (panels, live results): one no widget refers to
# any more is dropped with them, so a kernel that opened many plans keeps only those shown
_SESSIONS: weakref.WeakValueDictionary[tuple[Path, str | None], PlanSession] = weakref.WeakValueDictionary()


def open_session(plan: Plan | PlanSession | str | Path | None, lang: str | None = None) -> PlanSession:
    """The notebook's one session for a plan folder, shared by every cell.

    The step panels and the live results of a notebook call this with the same
    ``PLAN``, so a save in a panel refreshes every result shown below it. A
    :class:`PlanSession` or :class:`~rtplan.plan.Plan` passed in is used as it is.
    ``None`` (no plan chosen yet in the step header) raises
    :class:`~rtplan.exceptions.NoPlanChosen`, shown as one sentence, not a traceback.
    """
    if plan is None:
        from rtplan.ui.workshop import no_plan

        raise no_plan(lang)
    if isinstance(plan, PlanSession):
        return plan
    if isinstance(plan, Plan):
        return PlanSession(plan, lang)
    key = (Path(plan).resolve(), lang)
    session = _SESSIONS.get(key)
    if session is None:
        session = _SESSIONS[key] = PlanSession(plan, lang)
    return session
