"""Loading and saving plan folders without ever losing data.

The saving rules (the plan-folder contract is in ``docs/plan-format.md``):

* nothing invalid reaches disk: a save checks the rules its change can affect (the
  touched tables, the tables whose rules read them, and the period when ``plan.toml``
  changes; :func:`rtplan.validation.update_report`) and refuses with
  :class:`~rtplan.exceptions.ValidationError` when it would add an error;
* a file that changed on disk since it was loaded (another kernel, a person with a
  spreadsheet) is never overwritten, and neither is a file whose rules read a file
  that changed meanwhile (write skew: one kernel deletes a participant while another
  adds attendance for them): :class:`~rtplan.exceptions.ConcurrentChangeError`;
* a save of several files is all or nothing across a crash. Every new file is
  written to a temporary file in the plan folder and fsynced; then a small journal
  (``.rtplan.journal``) naming each target and its digest is written atomically: that
  is the commit point; then each temporary file is renamed over its target and the
  journal removed. The next load or save rolls a complete journal forward and
  removes every temporary file of an incomplete one, so a plan is always wholly the
  old state or wholly the new one, and no ``.*.tmp`` stays behind;
* readers never see a half-made commit: loading holds a shared ``flock`` on the
  plan folder itself, committing the exclusive one (no lock file is created);
* the previous version goes to ``.history/<file>/`` (the newest
  :data:`~rtplan.storage.history.HISTORY_KEEP` kept), written before the commit
  point, and :func:`restore` brings one back;
* a plan file, ``.history`` or a history subfolder that is a symbolic link leaving
  the plan folder is refused (:class:`~rtplan.exceptions.UnsafeLinkError`): nothing is
  read or written through it;
* a replaced file keeps its mode; a new file gets ``0666 & ~umask``;
* a full, read-only or forbidden disk is a :class:`~rtplan.exceptions.DiskError`
  naming the path and the cause, with the old files intact and no temporary file.

The package by concept: :mod:`~rtplan.storage.files` (atomic writes, the folder lock,
recovery), :mod:`~rtplan.storage.loading`, :mod:`~rtplan.storage.checking` (incremental
validation), :mod:`~rtplan.storage.saving` (saves and restores),
:mod:`~rtplan.storage.history` (kept versions), :mod:`~rtplan.storage.new` (new plans).
"""

from rtplan.exceptions import (
    ConcurrentChangeError,
    DiskError,
    HistoryError,
    PlanExistsError,
    PlanFormatError,
    PlanNotFoundError,
    UnsafeLinkError,
    ValidationError,
)
from rtplan.plan import Plan
from rtplan.storage.checking import Checked, known_errors
from rtplan.storage.files import (
    HISTORY_DIR,
    JOURNAL_FILE,
    PLAN_FILE,
    PLAN_FILES,
    TMP_SUFFIX,
    atomic_write,
    disk_error,
    recover,
)
from rtplan.storage.history import (
    HISTORY_KEEP,
    Version,
    fingerprint,
    history_file,
    list_versions,
    version_with_digest,
)
from rtplan.storage.loading import load_plan, serialize_meta, serialize_table
from rtplan.storage.new import default_meta, new_plan
from rtplan.storage.saving import restore, restore_versions, save_meta, save_table, save_tables

# what storage returns and raises, importable from here as before the split
__all__ = [
    "HISTORY_DIR",
    "HISTORY_KEEP",
    "JOURNAL_FILE",
    "PLAN_FILE",
    "PLAN_FILES",
    "TMP_SUFFIX",
    "Checked",
    "ConcurrentChangeError",
    "DiskError",
    "HistoryError",
    "Plan",
    "PlanExistsError",
    "PlanFormatError",
    "PlanNotFoundError",
    "UnsafeLinkError",
    "ValidationError",
    "Version",
    "atomic_write",
    "default_meta",
    "disk_error",
    "fingerprint",
    "history_file",
    "known_errors",
    "list_versions",
    "load_plan",
    "new_plan",
    "recover",
    "restore",
    "restore_versions",
    "save_meta",
    "save_table",
    "save_tables",
    "serialize_meta",
    "serialize_table",
    "version_with_digest",
]
