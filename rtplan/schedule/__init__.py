"""Step 3: activities as dated sessions, and the checks that find schedule conflicts.

An activity (``activities.csv``) runs ``once`` (one day, or every day from
``start_date`` to ``end_date``), ``weekly`` on a weekday, or ``monthly`` on a day of
the month or on the N-th weekday; ``recurrence_day`` says which (see
:mod:`rtplan.schedule.recurrence`).

* :mod:`~rtplan.schedule.recurrence` - reading, checking and expanding a repetition;
* :mod:`~rtplan.schedule.sessions` - :func:`expand_sessions`: one row per dated
  session inside the plan period (overnight sessions end on the next day);
* :mod:`~rtplan.schedule.priorities` - the needs the meeting prioritised, in order;
* :mod:`~rtplan.schedule.conflicts` - :func:`find_conflicts`, every check;
* :mod:`~rtplan.schedule.results` - :class:`Conflict`, :data:`CONFLICT_KINDS`,
  :class:`ConflictSettings`.

The tables people read (activities, sessions, conflicts) are declared in
:mod:`rtplan.views.schedule`.
"""

from rtplan.schedule.conflicts import CONFLICT_MESSAGES, CONFLICT_TABLES, _overlapping_pairs, find_conflicts
from rtplan.schedule.priorities import prioritised_needs, priority_order
from rtplan.schedule.recurrence import (
    NTH_LABELS,
    Recurrence,
    check_recurrence,
    describe_recurrence,
    expand_dates,
    nth_weekday,
    parse_recurrence,
    recurrence_day_rule,
)
from rtplan.schedule.results import CONFLICT_KINDS, Conflict, ConflictSettings, sort_conflicts
from rtplan.schedule.sessions import (
    DEFAULT_SESSION_MINUTES,
    SESSION_COLUMNS,
    Session,
    _first_category,
    activity_dates,
    activity_range,
    expand_sessions,
    plan_sessions,
    session_records,
)

__all__ = [
    "CONFLICT_KINDS", "CONFLICT_MESSAGES", "CONFLICT_TABLES", "DEFAULT_SESSION_MINUTES", "NTH_LABELS",
    "SESSION_COLUMNS", "Conflict", "ConflictSettings", "Recurrence", "Session", "_first_category", "_overlapping_pairs",
    "activity_dates",
    "activity_range", "check_recurrence", "describe_recurrence", "expand_dates", "expand_sessions",
    "find_conflicts", "nth_weekday", "parse_recurrence", "plan_sessions", "prioritised_needs", "priority_order",
    "recurrence_day_rule", "session_records", "sort_conflicts",
]
