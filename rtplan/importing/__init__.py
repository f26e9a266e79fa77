"""Importing the files people really have into a plan, and the plan out as a spreadsheet.

* :mod:`rtplan.importing.limits`: how big a file one import reads, checked before loading;
* :mod:`rtplan.importing.encoding`: a CSV's text encoding, strictly;
* :mod:`rtplan.importing.reader`: CSV/XLSX/ODS bytes -> a grid of text (delimiter,
  title rows, total rows, row numbers as a spreadsheet shows them);
* :mod:`rtplan.importing.mapping`: survey tool recognition, header synonyms, answer
  values -> the contract's allowed values;
* :mod:`rtplan.importing.options`: ``--map``, ``--set``, ``--values``, ``--date-order``, ``--round``;
* :mod:`rtplan.importing.convert`: typing each column (number style, date order, lists, age bands);
* :mod:`rtplan.importing.identity`: submission ids, rows already imported, new ids;
* :mod:`rtplan.importing.problems`: row problems, the same one on many rows said once;
* :mod:`rtplan.importing.core`: prepare an import; :mod:`rtplan.importing.commit`:
  check and save it (all or nothing); :mod:`rtplan.importing.bundle`: a whole workbook;
* :mod:`rtplan.importing.workbook`: ``rtplan export --xlsx`` / ``--csv-excel``.

Value parsing (money, dates, sex, yes/no) lives in :mod:`rtplan.parse`.
"""

from rtplan.importing.bundle import import_all, read_all, table_for_sheet
from rtplan.importing.commit import Outcome, check, commit, import_file
from rtplan.importing.core import Prepared, prepare, read, resolve_mapping
from rtplan.importing.limits import MAX_COLUMNS, MAX_ROWS, ImportFileError
from rtplan.importing.options import IGNORE, ImportOptions, ImportRefused, make_options, parse_overrides
from rtplan.importing.problems import RowProblem
from rtplan.importing.reader import RawTable

__all__ = [
    "IGNORE", "MAX_COLUMNS", "MAX_ROWS", "ImportFileError", "ImportOptions", "ImportRefused", "Outcome",
    "Prepared", "RawTable", "RowProblem", "check", "commit", "import_all", "import_file", "make_options",
    "parse_overrides", "prepare", "read", "read_all", "resolve_mapping", "table_for_sheet",
]
