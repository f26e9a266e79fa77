"""The in-memory plan: ``plan.toml`` settings plus one typed DataFrame per table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from rtplan.messages import normalize_lang
from rtplan.problems import Problem
from rtplan.schema import TABLES

if TYPE_CHECKING:  # pragma: no cover
    from rtplan.validation import Report

# what a plan was when it was last checked: message language, settings, and the
# (name, table object) pairs, compared by identity (rtplan.storage)
StateKey = tuple[str, str, tuple[tuple[str, pd.DataFrame], ...]]


@dataclass
class Plan:
    """A loaded plan folder.

    Attributes
    ----------
    path : the plan folder.
    meta : the parsed ``plan.toml`` (sections ``area``, ``people``, ``period``).
    tables : every table of :data:`rtplan.schema.TABLES`, typed; missing files are empty.
    fingerprints : file name -> SHA-256 of its bytes when loaded (``None``: absent);
        saving refuses when the file on disk no longer matches.
    load_problems : what could not be parsed while loading (bad types, bad CSV), and a
        warning for each table found empty while its history holds rows.
    emptied : those tables, with the rows of their last kept version.
    """

    path: Path
    meta: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    fingerprints: dict[str, str | None] = field(default_factory=dict)
    load_problems: list[Problem] = field(default_factory=list)
    message_lang: str = "id"
    # table name -> rows its newest kept version had, for a table loaded empty or
    # header-only while the history holds rows: a save over it needs ``force`` (rtplan.storage)
    emptied: dict[str, int] = field(default_factory=dict, compare=False)
    error_cache: tuple[StateKey, Report] | None = field(default=None, repr=False, compare=False)
    # table name -> (content key of the table, its canonical CSV header and text rows):
    # lets a save serialise only the rows that changed (rtplan.storage)
    text_cache: dict[str, tuple[str, tuple[list[str], list[list[str]]]]] = field(
        default_factory=dict, repr=False, compare=False)
    # results computed once per state of the plan (rtplan.memo): a copy made with
    # dataclasses.replace starts without them
    result_cache: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def lang(self) -> str:
        """The plan's language, ``"id"`` (default) or ``"en"``."""
        return normalize_lang(self.meta.get("language"))

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def area(self) -> dict[str, str]:
        section = self.meta.get("area")  # a hand-edited plan.toml may hold anything here
        return {k: str(v) for k, v in section.items()} if isinstance(section, dict) else {}

    @property
    def people(self) -> dict[str, str]:
        section = self.meta.get("people")  # a hand-edited plan.toml may hold anything here
        return {k: str(v) for k, v in section.items()} if isinstance(section, dict) else {}

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """``(start, end)`` of the plan period, or ``None`` when not (validly) set."""
        period = self.meta.get("period")
        if not isinstance(period, dict):
            return None
        start, end = period.get("start"), period.get("end")
        if isinstance(start, dt.date) and isinstance(end, dt.date):
            return (_as_date(start), _as_date(end))
        return None

    def copy_table(self, name: str) -> pd.DataFrame:
        """A copy of one table, safe to edit before saving it back."""
        return self.tables[name].copy()


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def empty_tables() -> dict[str, pd.DataFrame]:
    """Every declared table, empty, with its dtypes."""
    return {name: table.empty() for name, table in TABLES.items()}
