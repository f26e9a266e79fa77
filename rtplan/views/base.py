"""Declared views: :class:`Col`, :class:`ViewSpec` and the built :class:`View`.

Example
-------
>>> SPEC = ViewSpec("kas.summary", (
...     Col("label", "kas.col.item"),
...     Col("amount_idr", "kas.col.amount", fmt="idr"),
... ), caption="kas.caption.summary")
>>> view = SPEC.build(frame, lang="id")     # frame holds raw values
>>> view                                     # a notebook shows it as an HTML table
>>> print(to_text(view))                     # the CLI's aligned text (rtplan.render.views)

Formatting is declared by name (:data:`FORMATS`), so the same column prints as
``Rp 1.500.000`` in a document and stays the integer ``1500000`` in CSV, XLSX and
JSON.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

from rtplan.fmt import format_date, format_idr, format_month, format_number, format_percent
from rtplan.messages import normalize_lang, t
from rtplan.tables import is_missing

Align = Literal["left", "right"]
DASH = "–"


def _num(decimals: int) -> Callable[[Any, str], str]:
    def fmt(value: Any, lang: str) -> str:
        return format_number(float(value), lang, decimals)

    return fmt


def _smart(value: Any, lang: str) -> str:
    """A whole number without decimals, anything else with one."""
    f = float(value)
    if math.isclose(f, round(f), abs_tol=1e-9):
        return format_number(round(f), lang)
    return format_number(f, lang, 1)


def _rank(value: Any, lang: str) -> str:
    """A rank: whole, or with one decimal when tied ranks are averaged."""
    f = float(value)
    return str(int(f)) if f.is_integer() else format_number(f, lang, 1)


def _int(value: Any, lang: str) -> str:
    return format_number(int(value), lang)


def _plain_int(value: Any, lang: str) -> str:
    return str(int(value))


def _date(value: Any, lang: str) -> str:
    return format_date(value, lang, "medium")


def _date_full(value: Any, lang: str) -> str:
    return format_date(value, lang, "full")


def _date_iso(value: Any, lang: str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _yes(value: Any, lang: str) -> str:
    return t("view.yes", lang) if bool(value) else ""


def _yes_no(value: Any, lang: str) -> str:
    return t("view.yes", lang) if bool(value) else t("view.no", lang)


def _text(value: Any, lang: str) -> str:
    return str(value)


def _idr_or_dash(value: Any, lang: str) -> str:
    """Rupiah, or ``-`` for nothing (a shortfall or a remainder of zero)."""
    return format_idr(int(value), lang) if int(value) else "-"


def _month(value: Any, lang: str) -> str:
    """A ``YYYY-MM`` month as its name: ``Desember 2026``."""
    return format_month(f"{value}-01" if len(str(value)) == 7 else value, lang)


FORMATS: dict[str, tuple[Callable[[Any, str], str], Align, str]] = {
    # name: (formatter, default alignment, text for a missing value)
    "text": (_text, "left", ""),
    "id": (_text, "left", ""),
    "int": (_int, "right", DASH),
    "plain_int": (_plain_int, "right", DASH),
    "rank": (_rank, "right", DASH),
    "num0": (_num(0), "right", DASH),
    "num1": (_num(1), "right", DASH),
    "num2": (_num(2), "right", DASH),
    "smart": (_smart, "right", DASH),
    "percent": (lambda v, lang: format_percent(float(v), lang), "right", DASH),
    "idr": (lambda v, lang: format_idr(int(v), lang), "right", DASH),
    "idr_or_dash": (_idr_or_dash, "right", DASH),
    "idr_blank": (lambda v, lang: format_idr(int(v), lang), "right", ""),  # a form's empty amount cell
    "idr_free": (lambda v, lang: format_idr(int(v), lang) if int(v) > 0 else t("view.free", lang), "right",
                 ""),  # what a resource costs: nothing is "gratis"
    "month": (_month, "left", ""),
    "date": (_date, "left", ""),
    "date_full": (_date_full, "left", ""),
    "date_long": (lambda v, lang: format_date(v, lang, "long"), "left", ""),  # 17 Agustus 2026
    "date_iso": (_date_iso, "left", ""),
    "yes": (_yes, "left", ""),
    "yes_no": (_yes_no, "left", ""),
}
"""The formatters a column may name: ``(function(value, lang) -> str, alignment, missing)``."""


def format_cell(fmt: str, value: Any, lang: str) -> str:
    """``value`` as people read it, by the formatter named ``fmt`` (see :data:`FORMATS`)."""
    func, _, missing = FORMATS[fmt]
    if is_missing(value):
        return missing
    return func(value, lang)


@dataclass(frozen=True)
class Col:
    """One column of a view.

    Attributes
    ----------
    key : the column of the view's frame holding the raw values.
    label : the message key of its header (a literal, so tools can extract it).
    fmt : the formatter's name in :data:`FORMATS`.
    align : ``"left"`` or ``"right"``; default from the formatter (numbers right).
    private : never shown outside the plan folder (phone, contact) unless asked.
    cut : in CLI text, cut longer values to this many characters.
    title : a header given by the data itself (a funding source's name), shown
        instead of the label's text; the label key stays for the column's meaning.
    exact : in records (JSON, CSV) a whole float stays a float (``2.0``, a mean rank),
        instead of becoming the integer ``2``.
    """

    key: str
    label: str
    fmt: str = "text"
    align: Align | None = None
    private: bool = False
    cut: int | None = None
    title: str | None = None
    exact: bool = False

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise ValueError(f"unknown format {self.fmt!r} for column {self.key!r}")

    @property
    def alignment(self) -> Align:
        return self.align or FORMATS[self.fmt][1]

    def header(self, lang: str) -> str:
        return self.title if self.title is not None else t(self.label, lang)


@dataclass(frozen=True)
class ViewSpec:
    """A people-facing table, declared once: its name, columns and caption key."""

    name: str
    columns: tuple[Col, ...]
    caption: str | None = None

    def col(self, key: str) -> Col:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def build(
        self,
        frame: pd.DataFrame,
        lang: str | None = None,
        *,
        notes: Iterable[str] = (),
        footer: Iterable[str] = (),
        only: Sequence[str] | None = None,
        caption: str | None = None,
        table_id: str | None = None,
    ) -> View:
        """A :class:`View` of ``frame`` (raw values; it must hold every column's key).

        ``only`` keeps a subset of the declared columns (in declared order), e.g. a
        method's own columns; ``caption`` overrides the declared caption's text.
        """
        columns = self.columns if only is None else tuple(c for c in self.columns if c.key in set(only))
        missing = [c.key for c in columns if c.key not in frame.columns]
        if missing:
            raise KeyError(f"view {self.name}: the frame lacks {missing}")
        lang = normalize_lang(lang)
        text = caption if caption is not None else (t(self.caption, lang) if self.caption else None)
        return View(self, columns, frame.reset_index(drop=True), lang, text, tuple(notes), tuple(footer),
                    table_id or "rtplan-" + self.name.replace(".", "-").replace("_", "-"))


@dataclass(frozen=True, eq=False)
class View:
    """A built view: the spec, the columns in effect, raw values, and the words around it.

    It is data: the renderers of :mod:`rtplan.render.views` make its HTML (the
    ``table.html.j2`` template), text, CSV, XLSX or JSON, and a notebook shows it through
    the formatter :mod:`rtplan.ui.display` registers.
    """

    spec: ViewSpec
    columns: tuple[Col, ...]
    frame: pd.DataFrame
    lang: str
    caption: str | None = None
    notes: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    table_id: str = "rtplan-view"
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def empty(self) -> bool:
        return bool(self.frame.empty)

    def visible(self, include_private: bool = False) -> tuple[Col, ...]:
        """The columns to show (private ones only when asked)."""
        return tuple(c for c in self.columns if include_private or not c.private)

    def headers(self, include_private: bool = False) -> list[str]:
        return [c.header(self.lang) for c in self.visible(include_private)]

    def cells(self, include_private: bool = False) -> list[list[str]]:
        """Every row as the texts people read."""
        cols = self.visible(include_private)
        values = [self.frame[c.key].tolist() for c in cols]
        return [[format_cell(c.fmt, v, self.lang) for c, v in zip(cols, row)] for row in zip(*values)]

    def records(self, include_private: bool = False) -> list[dict[str, Any]]:
        """Every row as plain JSON-ready values keyed by the column keys."""
        cols = self.visible(include_private)
        return [{c.key: plain_value(v, c.exact) for c, v in zip(cols, row)}
                for row in zip(*(self.frame[c.key].tolist() for c in cols))]

    def with_lang(self, lang: str) -> View:
        return replace(self, lang=normalize_lang(lang))



def plain_value(value: Any, exact: bool = False) -> Any:
    """A cell as a JSON-ready value: None for missing, Python numbers, ISO dates.

    A float is rounded to 4 decimals; a whole one becomes an integer unless ``exact``.
    """
    if isinstance(value, str):
        return value
    if is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        f = round(float(value), 4)
        return int(f) if f.is_integer() and not exact else f
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
