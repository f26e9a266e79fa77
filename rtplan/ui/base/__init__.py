"""Building blocks shared by every step's panels.

* :class:`PlanSession` (:mod:`~rtplan.ui.base.session`) holds the loaded plan, saves
  through storage and tells the panels that listen when a table changed (so summaries
  and charts refresh).
* :class:`TableEditor` (:mod:`~rtplan.ui.base.editor`) is the add / edit / remove form
  for any table of the schema: its fields come from the column declarations (labels,
  allowed values, references).
* :class:`StatusLine`, :class:`ConfirmBar`, :class:`SafetyNet` and the fields
  (:mod:`~rtplan.ui.base.forms`) show what happened, in the plan's language.
* :class:`LiveResult` and :func:`step_tabs` (:mod:`~rtplan.ui.base.live`): results that
  follow the saves, beside their forms.
"""

from rtplan.ui.base.editor import TableEditor
from rtplan.ui.base.forms import (
    _STYLE,
    ConfirmBar,
    SafetyNet,
    StatusLine,
    draft_note,
    field_for,
    pick_several_hint,
    reference_options,
    set_widget_value,
    used_by,
    widget_value,
)
from rtplan.ui.base.live import LiveResult, beside_its_result, live, show_in, step_tabs
from rtplan.ui.base.session import Gate, Listener, PlanSession, UndoPoint, open_session

__all__ = [
    "_STYLE",
    "ConfirmBar",
    "Gate",
    "Listener",
    "LiveResult",
    "PlanSession",
    "SafetyNet",
    "StatusLine",
    "TableEditor",
    "UndoPoint",
    "beside_its_result",
    "draft_note",
    "field_for",
    "live",
    "open_session",
    "pick_several_hint",
    "reference_options",
    "set_widget_value",
    "show_in",
    "step_tabs",
    "used_by",
    "widget_value",
]
