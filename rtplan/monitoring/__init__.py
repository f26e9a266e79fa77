"""Step 4: what was done and who came: realizations, status, progress and indicators.

A *realization* is one session of an activity that was held: its date, how many men
(L) and women (P) came, what it cost and what came out of it. From the activities
(the plan) and the realizations (what happened) this module derives, for a given
"as of" date:

* each activity's **status** (:func:`derive_status`): ``batal`` stays ``batal``;
  nothing held yet -> ``rencana``; some sessions held -> ``berjalan``; every planned
  session held, or the end date passed with at least one held -> ``selesai``;
* **progress** per activity and per need: planned vs held sessions, planned vs
  actual participants and cost (:func:`progress`, :func:`progress_table`);
* **indicators**: each activity's target participants per session vs the average
  that came, and whether each need's activities happened.

Only realizations dated on or before the as-of date count, so a report "as of 31
January" stays the same whatever is recorded later.

* :mod:`rtplan.monitoring.status` - planned sessions, status, default as-of date;
* :mod:`rtplan.monitoring.realizations` - sessions held; recording or removing one;
* :mod:`rtplan.monitoring.progress` - progress per activity and need, indicators, checks;
* the tables people read are declared in :mod:`rtplan.views.monitoring`.
"""


from rtplan.monitoring.progress import (
    ACTIVITY_COLUMNS,
    INDICATOR_COLUMNS,
    NEED_COLUMNS,
    ProgressCheck,
    ProgressReport,
    ProgressTotals,
    indicator_table,
    need_progress,
    progress,
    progress_checks,
    progress_table,
)
from rtplan.monitoring.realizations import held_sessions, record_session, remove_session
from rtplan.monitoring.status import (
    BATAL,
    BERJALAN,
    NEED_STATES,
    RENCANA,
    SELESAI,
    activity_state,
    default_as_of,
    derive_status,
    need_state_label,
    planned_dates,
    status_label,
)

__all__ = [
    "ACTIVITY_COLUMNS", "BATAL", "BERJALAN", "INDICATOR_COLUMNS", "NEED_COLUMNS", "NEED_STATES", "RENCANA",
    "SELESAI", "ProgressCheck", "ProgressReport", "ProgressTotals", "activity_state", "default_as_of", "derive_status",
    "held_sessions", "indicator_table", "need_progress", "need_state_label", "planned_dates", "progress",
    "progress_checks", "progress_table", "record_session", "remove_session", "status_label",
]
