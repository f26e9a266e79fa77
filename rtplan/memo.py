"""Results computed once per state of a plan.

After a save, several parts of a page ask for the same result: the conflicts panel, the
glance beside the activity form, the Gantt chart and the calendar all list the
schedule's conflicts; every ranking chart and table needs the rankings. A function
decorated with :func:`once_per_state` computes its result once and hands the same
result to every caller until the plan changes.

The plan's state is its settings (``plan.toml``) and the identity of its table objects:
a save replaces the tables it changes (:mod:`rtplan.storage`), so the next call computes
again. This is the key the validation cache uses (``Plan.error_cache``). A table edited
in place is not seen: edit a copy (``plan.copy_table``) and save it, as every panel does.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from rtplan.plan import Plan

F = TypeVar("F", bound=Callable[..., Any])

# one entry per function and arguments; the plan keeps only the results of its last state
_ATTR = "result_cache"


def state_of(plan: Plan) -> tuple[str, tuple[tuple[str, int], ...]]:
    """The plan's settings and the identity of each of its tables (see the module's text)."""
    # the identities only, not the contents: taken past any wrapper that notes which tables are read
    # (the handout's cache keys on what a part reads, and this reads no table)
    return repr(plan.meta), tuple((name, id(frame)) for name, frame in sorted(dict.items(plan.tables)))


def once_per_state(func: F) -> F:
    """Cache ``func(plan, *args, **kwargs)`` on the plan until its state changes.

    Calls whose arguments cannot be hashed (a list of priorities, say), or on a mapping of
    tables rather than a :class:`~rtplan.plan.Plan`, are not cached. A wrapper that keeps
    its plan as ``.tables`` (the rankings' shared reading of the needs) counts as that plan.
    The arguments are keyed as the function binds them, defaults filled in, so
    ``f(plan, "id")`` and ``f(plan, lang="id")`` share one result.
    The tables of the state are kept with the entry, so an ``id`` is never reused while
    the entry lives.
    """
    name = f"{func.__module__}.{func.__qualname__}"
    signature = inspect.signature(func)

    @functools.wraps(func)
    def cached(tables: Any, *args: Any, **kwargs: Any) -> Any:
        plan = tables if isinstance(tables, Plan) else getattr(tables, "tables", None)
        if not isinstance(plan, Plan):  # a mapping of tables: nothing to keep the result on
            return func(tables, *args, **kwargs)
        bound = signature.bind(tables, *args, **kwargs)
        bound.apply_defaults()
        key: Hashable = (name, tuple(bound.arguments.items())[1:])
        try:
            hash(key)
        except TypeError:
            return func(tables, *args, **kwargs)
        cache: dict[Hashable, tuple[object, tuple[Any, ...], Any]] = plan.result_cache
        state = state_of(plan)
        hit = cache.get(key)
        if hit is not None and hit[0] == state:
            return hit[2]
        result = func(tables, *args, **kwargs)
        cache[key] = (state, tuple(dict.values(plan.tables)), result)
        return result

    cached.uncached = func  # type: ignore[attr-defined]
    return cast("F", cached)


__all__ = ["once_per_state", "state_of"]
