"""Importing the files people really have into a plan, and the plan out as a spreadsheet.

* :mod:`rtplan.importing.reader`: CSV/XLSX/ODS bytes -> a grid of text (encoding,
  delimiter, title rows, total rows);
* :mod:`rtplan.importing.mapping`: survey tool recognition, header synonyms, answer
  values -> the contract's allowed values;
* :mod:`rtplan.importing.core`: prepare, check and commit an import (all or nothing);
* :mod:`rtplan.importing.workbook`: ``rtplan export --xlsx`` / ``--csv-excel``.

Value parsing (money, dates, sex, yes/no) lives in :mod:`rtplan.parse`.
"""

from rtplan.importing.core import (
    IGNORE,
    MAX_COLUMNS,
    MAX_ROWS,
    ImportRefused,
    Outcome,
    Prepared,
    RowProblem,
    check,
    commit,
    import_all,
    import_file,
    parse_overrides,
    prepare,
    read,
    read_all,
)
from rtplan.importing.reader import ImportFileError, RawTable

__all__ = [
    "IGNORE", "MAX_COLUMNS", "MAX_ROWS", "ImportFileError", "ImportRefused", "Outcome", "Prepared",
    "RawTable", "RowProblem", "check", "commit", "import_all", "import_file", "parse_overrides",
    "prepare", "read", "read_all",
]
