"""Step 1 tables for people: the rankings of needs and the needs by category.

Each table is declared once here and built by a pure function from step 1's results
(:mod:`rtplan.needs`):

* :data:`RANKINGS` - per method (``usg``, ``dots``, ``pairwise``, ``combined``,
  ``final``) the ranking as people read it: the notebook's HTML table and the CLI's
  text, with the tie-break rule as footer and the facilitator's notes;
  :func:`ranking_view` builds it;
* :data:`RANKING_DATA` - per method every column of the ranking's table, raw (need
  id, title, rank and score first), for JSON and CSV; :func:`ranking_data` builds it;
* :data:`BY_CATEGORY` - needs per category and households affected;
  :func:`by_category_view` builds it.

A notebook shows a ranking through its view (:mod:`rtplan.ui.display`), so a notebook
cell is ``all_rankings(plan)["final"]``.

Example
-------
>>> view = ranking_view(usg_ranking(plan))
>>> print(to_text(view))          # the CLI's aligned table, tie-break and notes
>>> to_records(ranking_data(r))   # the JSON of ``rtplan rank --format json``
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from rtplan.fmt import format_number
from rtplan.messages import normalize_lang, t
from rtplan.needs.base import METHOD_LABELS, SOURCE_LABELS, Tables, _lang
from rtplan.needs.results import Ranking
from rtplan.needs.summary import needs_by_category
from rtplan.tables import is_missing
from rtplan.views.base import DASH, Col, View, ViewSpec

TITLE_WIDTH = 44  # the CLI cuts longer titles and notes; HTML shows them whole

# -- labels (static message keys, so tools can extract them) ------------------------
DECIDED_LABELS: dict[str, str] = {
    "seriousness": "needs.decided.seriousness",
    "urgency": "needs.decided.urgency",
    "dots": "needs.decided.dots",
    "voters": "needs.decided.voters",
    "wins": "needs.decided.wins",
    "usg_rank": "needs.decided.usg_rank",
    "need_id": "needs.decided.need_id",
}
"""The tie-break key that decided a row -> its label key."""


# -- declarations -------------------------------------------------------------------
_HEAD = (
    Col("rank", "needs.col.rank", "plain_int"),
    Col("need_id", "needs.col.need_id", "id"),
    Col("title", "needs.col.title", cut=TITLE_WIDTH),
)
_DECIDED = Col("decided_label", "needs.col.decided_by")


def _ranking_spec(method: str, *columns: Col) -> ViewSpec:
    return ViewSpec(f"needs.ranking.{method}", (*_HEAD, *columns, _DECIDED), caption=METHOD_LABELS[method])


RANKINGS: dict[str, ViewSpec] = {
    "usg": _ranking_spec(
        "usg",
        Col("urgency", "needs.col.urgency", "smart"),
        Col("seriousness", "needs.col.seriousness", "smart"),
        Col("growth", "needs.col.growth", "smart"),
        Col("total", "needs.col.total", "smart"),
        Col("range", "needs.col.range"),
        Col("n_scorers", "needs.col.n_scorers", "plain_int"),
        Col("source_label", "needs.col.source"),
        Col("dots", "needs.col.dots", "plain_int"),
    ),
    "dots": _ranking_spec(
        "dots",
        Col("dots", "needs.col.dots", "plain_int"),
        Col("share", "needs.col.share", "percent"),
        Col("voters", "needs.col.voters", "plain_int"),
    ),
    "pairwise": _ranking_spec(
        "pairwise",
        Col("score", "needs.col.score", "smart"),
        Col("wins", "needs.col.wins", "plain_int"),
        Col("ties", "needs.col.ties", "plain_int"),
        Col("losses", "needs.col.losses", "plain_int"),
        Col("missing", "needs.col.missing", "plain_int"),
    ),
    "combined": _ranking_spec(
        "combined",
        Col("score", "needs.col.score", "num2"),
        Col("mean_rank", "needs.col.mean_rank", "num2"),
        Col("usg_rank", "needs.method.usg", "rank"),
        Col("dots_rank", "needs.method.dots", "rank"),
        Col("pairwise_rank", "needs.method.pairwise", "rank"),
        Col("spread", "needs.col.spread", "num1"),
        Col("discuss", "needs.col.discuss", "yes"),
    ),
    "final": _ranking_spec(
        "final",
        # "" (not a dash) for a need the meeting did not place
        Col("stored_rank", "needs.col.stored_rank", "id", align="right"),
        Col("method_label", "needs.col.method"),
        Col("combined_rank", "needs.method.combined", "plain_int"),
        Col("note", "needs.col.note", cut=TITLE_WIDTH),
    ),
}
"""The ranking of each method as people read it (notebook, panels, CLI text)."""

_DATA_HEAD = (
    Col("need_id", "needs.col.need_id", "id"),
    Col("title", "needs.col.title"),
    Col("rank", "needs.col.rank", "plain_int"),
)
_DATA_TAIL = (Col("decided_by", "needs.col.decided_by"),)
_CATEGORY = Col("category", "needs.col.category")


def _data_spec(method: str, *columns: Col) -> ViewSpec:
    return ViewSpec(f"needs.data.{method}", (*_DATA_HEAD, *columns, *_DATA_TAIL), caption=METHOD_LABELS[method])


def _exact(key: str, label: str) -> Col:
    """A number column whose whole values stay floats in JSON (``2.0``)."""
    return Col(key, label, "num2", exact=True)


RANKING_DATA: dict[str, ViewSpec] = {
    "usg": _data_spec(
        "usg",
        Col("score", "needs.col.score", "smart"), _CATEGORY,
        Col("urgency", "needs.col.urgency", "smart"),
        Col("seriousness", "needs.col.seriousness", "smart"),
        Col("growth", "needs.col.growth", "smart"),
        Col("total", "needs.col.total", "smart"),
        Col("source", "needs.col.source"),
        Col("n_scorers", "needs.col.n_scorers", "plain_int"),
        _exact("urgency_min", "needs.col.urgency_min"), _exact("urgency_max", "needs.col.urgency_max"),
        _exact("seriousness_min", "needs.col.seriousness_min"),
        _exact("seriousness_max", "needs.col.seriousness_max"),
        _exact("growth_min", "needs.col.growth_min"), _exact("growth_max", "needs.col.growth_max"),
        _exact("total_min", "needs.col.total_min"), _exact("total_max", "needs.col.total_max"),
        _exact("total_std", "needs.col.total_std"),
        Col("dots", "needs.col.dots", "plain_int"),
    ),
    "dots": _data_spec(
        "dots",
        Col("score", "needs.col.score", "plain_int"), _CATEGORY,
        Col("dots", "needs.col.dots", "plain_int"),
        _exact("share", "needs.col.share"),
        Col("voters", "needs.col.voters", "plain_int"),
    ),
    "pairwise": _data_spec(
        "pairwise",
        Col("score", "needs.col.score", "smart"), _CATEGORY,
        Col("wins", "needs.col.wins", "plain_int"),
        Col("ties", "needs.col.ties", "plain_int"),
        Col("losses", "needs.col.losses", "plain_int"),
        Col("judged", "needs.col.judged", "plain_int"),
        Col("missing", "needs.col.missing", "plain_int"),
    ),
    "combined": _data_spec(
        "combined",
        Col("score", "needs.col.score", "num2"), _CATEGORY,
        _exact("mean_rank", "needs.col.mean_rank"),
        _exact("usg_rank", "needs.method.usg"),
        _exact("dots_rank", "needs.method.dots"),
        _exact("pairwise_rank", "needs.method.pairwise"),
        _exact("spread", "needs.col.spread"),
        Col("discuss", "needs.col.discuss", "yes_no"),
    ),
    "final": _data_spec(
        "final",
        Col("score", "needs.col.score", "num2"), _CATEGORY,
        Col("stored", "needs.col.stored", "yes_no"),
        Col("stored_rank", "needs.col.stored_rank", "plain_int"),
        Col("method", "needs.col.method"),
        Col("note", "needs.col.note"),
        Col("combined_rank", "needs.method.combined", "plain_int"),
    ),
}
"""Every column of each method's ranking table, raw: ``rtplan rank --format json|csv``."""

BY_CATEGORY = ViewSpec("needs.by_category", (
    Col("label", "needs.col.category"),
    Col("needs", "needs.col.n_needs", "int"),
    Col("households_max", "needs.col.households_max", "int"),
    Col("households_sum", "needs.col.households_sum", "int"),
    Col("need_ids", "needs.col.need_ids"),
), caption="ui.needs.summary_title")
"""Needs per category and the households they affect."""


# -- builders -----------------------------------------------------------------------
def _label(keys: dict[str, str], code: object, lang: str) -> str:
    """The label of a code, the code itself when it has none (``""`` stays empty)."""
    text = "" if is_missing(code) else str(code)
    return t(keys[text], lang) if text in keys else text


def _range(low: object, high: object, scorers: object, lang: str) -> str:
    """The scorers' totals as ``12-14``; a dash for one scorer or a consensus."""
    if is_missing(low) or is_missing(high) or int(scorers) < 2:  # type: ignore[call-overload]
        return DASH
    return f"{format_number(int(low), lang)}-{format_number(int(high), lang)}"  # type: ignore[call-overload]


def ranking_frame(result: Ranking, lang: str) -> pd.DataFrame:
    """The ranking's table with the label columns its view shows (raw values kept)."""
    tab = result.table
    frame = tab.copy()
    frame["decided_label"] = [_label(DECIDED_LABELS, d, lang) for d in tab["decided_by"]]
    if result.method == "usg":
        frame["range"] = [_range(lo, hi, n, lang) for lo, hi, n in
                          zip(tab["total_min"], tab["total_max"], tab["n_scorers"])]
        frame["source_label"] = [_label(SOURCE_LABELS, s, lang) for s in tab["source"]]
    elif result.method == "final":
        frame["method_label"] = [_label(METHOD_LABELS, m, lang) for m in tab["method"]]
    return frame


def _uniform(spec: ViewSpec, frame: pd.DataFrame) -> ViewSpec:
    """Numbers of one column alike: a ``smart`` column with any fraction shows one decimal in every row."""
    def fitted(col: Col) -> Col:
        if col.fmt != "smart" or frame.empty:
            return col
        values = frame[col.key].to_numpy(dtype=float)
        return col if bool(np.all(np.isclose(values, np.round(values)))) else replace(col, fmt="num1")

    return replace(spec, columns=tuple(fitted(c) for c in spec.columns))


def ranking_view(result: Ranking, lang: str | None = None, table_id: str | None = None) -> View:
    """A ranking as people read it: its declared columns, the tie-break rule, the notes.

    Parameters
    ----------
    result : any ranking of :mod:`rtplan.needs` (its ``method`` picks the declaration).
    lang : the headers' and labels' language (default: the ranking's).
    table_id : the HTML table's id (default ``rtplan-ranking-<method>``).

    The column "tie broken by" shows only when a tie was broken.
    """
    lang = normalize_lang(lang or result.lang)
    frame = ranking_frame(result, lang)
    spec = _uniform(RANKINGS[result.method], frame)
    broken = bool((result.table["decided_by"] != "").any())
    shown = [c.key for c in spec.columns if broken or c.key != _DECIDED.key]
    return spec.build(frame, lang, notes=result.notes, footer=(result.tie_break,), only=shown,
                      table_id=table_id or f"rtplan-ranking-{result.method}")


def ranking_data(result: Ranking) -> View:
    """Every column of a ranking, raw (need_id, title, rank, score first): for JSON and CSV."""
    return RANKING_DATA[result.method].build(result.table, result.lang)


def by_category_view(tables: Tables, lang: str | None = None) -> View:
    """Needs per category and households affected (the step 1 summary)."""
    table = needs_by_category(tables, lang)
    return BY_CATEGORY.build(table, _lang(tables, lang), table_id="rtplan-needs-by-category")


__all__ = [
    "BY_CATEGORY", "DECIDED_LABELS", "METHOD_LABELS", "RANKINGS", "RANKING_DATA", "SOURCE_LABELS",
    "by_category_view", "ranking_data", "ranking_frame", "ranking_view",
]
