"""A refused save in the words of the form that made it.

``rtplan validate`` speaks of files, rows and columns (it is for the CSV level). A
panel speaks of what its user sees: the field by its label, the row by the need's
title, the participant's name or the cash-book entry's date and description, with
what to do about it, once per cause:

* references to one deleted row are folded into one message ("3 skor USG dan 2 suara
  masih memakai kebutuhan 'Got mampet': ...");
* the follow-on errors of a plan-period change are folded into one ("dan 24 kegiatan
  berada di luar periode baru").

Pure core: no widgets; :meth:`rtplan.ui.base.PlanSession.save` shows the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from rtplan.messages import t, tn
from rtplan.plan import Plan
from rtplan.problems import Problem
from rtplan.schema import META_FIELDS, TABLES, Table, split_list
from rtplan.tables import is_missing

# a table -> the catalogue key of "{n} <rows of it>" (rows that use something)
_COUNT = {
    "attendance": "form.n.attendance", "usg_scores": "form.n.usg_scores", "votes": "form.n.votes",
    "pairwise": "form.n.pairwise", "priorities": "form.n.priorities", "problem_tree": "form.n.problem_tree",
    "matches": "form.n.matches", "activities": "form.n.activities", "ledger": "form.n.ledger",
    "realizations": "form.n.realizations", "decisions": "form.n.decisions",
}
# a table that rows point at -> the catalogue key of its noun ("kebutuhan")
_THING = {
    "participants": "form.thing.participants", "meetings": "form.thing.meetings", "needs": "form.thing.needs",
    "problem_tree": "form.thing.problem_tree", "resources": "form.thing.resources",
    "activities": "form.thing.activities",
}
# a rule -> the catalogue key of a hint of what to do
_HINT = {
    "end_before_start": "form.hint.end_before_start", "both_amounts": "form.hint.both_amounts",
    "outside_period": "form.hint.outside_period",
}
# how a row is named when its table has no name, title or text
_SHOWN = {"ledger": ("date", "description"), "decisions": ("decision",)}
_LONG = 40


def _text(value: object) -> str:
    if isinstance(value, (pd.Timestamp, dt.date)):
        return str(pd.Timestamp(value).strftime("%d/%m/%Y"))
    text = " ".join(str(value).split())
    return text if len(text) <= _LONG else text[: _LONG - 1] + "…"


def _meta_date(meta: Mapping[str, Any], key: str) -> str:
    period = meta.get("period")
    value = period.get(key) if isinstance(period, Mapping) else None
    return _text(value) if isinstance(value, dt.date) else "?"


def _join(items: Sequence[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return t("form.join", lang, first=", ".join(items[:-1]), last=items[-1])


class _Namer:
    """Names rows and referenced ids the way a person sees them."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], old: Mapping[str, pd.DataFrame]) -> None:
        self.tables = tables
        self.old = old

    def cell(self, table: str, row: int | None, column: str) -> object:
        frame = self.tables.get(table)
        if frame is None or row is None or column not in frame.columns or not 0 <= row - 2 < len(frame):
            return None
        return frame[column].iloc[row - 2]

    def ident(self, table: str, ident: str) -> str:
        """The name or title of the row ``ident`` of ``table`` (deleted ones too), else the id."""
        spec = TABLES[table]
        for frames in (self.tables, self.old):
            frame = frames.get(table)
            if frame is None or frame.empty:
                continue
            match = frame[frame[spec.key[0]].astype(str) == ident]
            if not match.empty:
                shown = self._shown(spec, match.iloc[0], refs=False)
                if shown:
                    return shown
        return ident

    def _shown(self, spec: Table, row: pd.Series, refs: bool = True) -> str:
        names = [c for c in ("name", "title", "text") if c in row.index]
        columns = _SHOWN.get(spec.name) or (names[:1] if names else spec.key)
        parts = []
        for name in columns:
            value = row.get(name)
            if value is None or is_missing(value):
                continue
            col = spec.column(name)
            if refs and col.ref is not None and col.ref[0] != spec.name and str(value) not in col.ref_extra:
                parts.append(self.ident(col.ref[0], str(value)))
            else:
                parts.append(_text(value))
        return " · ".join(parts)

    def row(self, table: str, row: int | None) -> str:
        frame = self.tables.get(table)
        if frame is None or row is None or not 0 <= row - 2 < len(frame):
            return ""
        return self._shown(TABLES[table], frame.iloc[row - 2])


def _label(table: str | None, column: str | None, lang: str) -> str:
    if column is None:
        return ""
    if table is None:
        for f in META_FIELDS:
            if f.path == column:
                return f.label_text(lang)
        return ""
    try:
        return TABLES[table].column(column).label_text(lang)
    except KeyError:
        return ""


def _rule_text(p: Problem) -> str:
    """The rule's part of the message, without the file/row/column in front."""
    return p.message.split(": ", 1)[1] if ": " in p.message else p.message


def form_messages(
    problems: Sequence[Problem],
    plan: Plan,
    updates: Mapping[str, pd.DataFrame],
    meta: Mapping[str, Any] | None,
    lang: str,
) -> list[str]:
    """The messages a panel shows for a refused save.

    Parameters
    ----------
    problems : the problems of the refusal (:attr:`rtplan.exceptions.ValidationError.problems`).
    plan : the plan as it was before the save.
    updates, meta : what the save tried to write (as given to
        :func:`rtplan.storage.save_tables`).
    lang : the panel's language.

    Returns
    -------
    list of str, one per cause, without file names or column names.
    """
    tables = {**plan.tables, **updates}
    namer = _Namer(tables, plan.tables)
    out: list[str] = []
    # (target table, id) -> referring table -> rows
    uses: dict[tuple[str, str], dict[str, set[int]]] = {}
    # table -> rows outside a changed plan period
    outside: dict[str, set[int]] = {}
    meta_messages: list[str] = []
    for p in problems:
        table = p.file[:-4] if p.file.endswith(".csv") and p.file[:-4] in TABLES else None
        if table is not None and p.rule == "unknown_ref" and p.column is not None:
            col = TABLES[table].column(p.column)
            value = namer.cell(table, p.row, p.column)
            assert col.ref is not None
            target = tables.get(col.ref[0])
            known = set() if target is None else {str(v) for v in target[col.ref[1]] if not is_missing(v)}
            items = split_list(value) if col.kind == "list" else ([] if value is None else [str(value)])
            missing = [i for i in items if i not in known and i not in col.ref_extra] or items[:1]
            for item in missing:
                uses.setdefault((col.ref[0], item), {}).setdefault(table, set()).add(p.row or 0)
            if not missing:
                out.append(_cell(p, table, namer, lang, _rule_text(p)))
            continue
        if (table is not None and p.rule == "outside_period" and meta is not None and table not in updates):
            outside.setdefault(table, set()).add(p.row or 0)
            continue
        if table is None and p.file == "plan.toml":
            label = _label(None, p.column, lang)
            text = _rule_text(p)
            hint = t(_HINT[p.rule], lang) if p.rule in _HINT else ""
            message = t("form.field", lang, field=label, text=text) if label else text
            meta_messages.append(t("form.with_hint", lang, text=message, hint=hint) if hint else message)
            continue
        if table is not None and p.rule == "duplicate":
            spec = TABLES[table]
            values = [namer.cell(table, p.row, k) for k in spec.key]
            shown = " / ".join(namer.ident(c.ref[0], str(v)) if (c := spec.column(k)).ref and str(v) not in c.ref_extra
                               else _text(v) for k, v in zip(spec.key, values) if v is not None and not is_missing(v))
            field = _join([_label(table, k, lang) for k in spec.key], lang)
            out.append(t("form.duplicate", lang, field=field, value=shown))
            continue
        if table is None:
            out.append(_rule_text(p))
            continue
        out.append(_cell(p, table, namer, lang, _rule_text(p)))
    for (target, ident), by_table in uses.items():
        counts = [_uses(name, target, len(rows), lang) for name, rows in by_table.items()]
        thing = t(_THING[target], lang)
        name = namer.ident(target, ident)
        deleted = target in updates and ident in {
            str(v) for v in plan.tables[target][TABLES[target].key[0]]}
        if deleted:
            out.append(t("form.still_used", lang, uses=_join(counts, lang), thing=thing, name=name))
        else:
            out.append(t("form.unknown_ref", lang, thing=thing, value=ident))
    if outside:
        counts = [tn(_COUNT.get(name, "form.n.rows"), len(rows), lang) for name, rows in outside.items()]
        things = _join(counts, lang)
        if meta_messages:
            meta_messages[-1] = t("form.and_follow", lang, text=meta_messages[-1],
                                  follow=t("form.outside_follow", lang, things=things))
        else:
            start, end = _meta_date(meta or {}, "start"), _meta_date(meta or {}, "end")
            meta_messages.append(t("form.outside_new_period", lang, things=things, start=start, end=end))
    seen: set[str] = set()
    unique = []
    for message in meta_messages + out:
        if message not in seen:
            seen.add(message)
            unique.append(message)
    return unique


def _cell(p: Problem, table: str, namer: _Namer, lang: str, text: str) -> str:
    label = _label(table, p.column, lang)
    row = namer.row(table, p.row)
    hint = t(_HINT[p.rule], lang) if p.rule in _HINT else ""
    if label and row:
        message = t("form.row_field", lang, row=row, field=label, text=text)
    elif label:
        message = t("form.field", lang, field=label, text=text)
    elif row:
        message = t("form.row", lang, row=row, text=text)
    else:
        message = text
    return t("form.with_hint", lang, text=message, hint=hint) if hint else message


def still_used(tables: Mapping[str, pd.DataFrame], table: str, ident: str, lang: str) -> str:
    """The one "still used" message for deleting row ``ident`` of ``table`` ("" when nothing uses it).

    The same words as a refused save's (``form.still_used``): "3 skor USG dan 2 suara
    masih memakai kebutuhan 'Got mampet': ...", so a panel that checks before asking
    and a save that is refused say it alike.
    """
    from rtplan.dependents import dependents

    found: dict[str, int] = {}
    for d in dependents(tables, table, ident):
        found[d.table] = found.get(d.table, 0) + d.count
    if not found:
        return ""
    counts = [_uses(name, table, n, lang) for name, n in found.items()]
    thing = t(_THING[table], lang) if table in _THING else TABLES[table].label[lang].lower()
    name = _Namer(tables, {}).ident(table, ident)
    return t("form.still_used", lang, uses=_join(counts, lang), thing=thing, name=name)


def changed_elsewhere(plan: Plan, lang: str) -> str:
    """The refusal when someone else changed the plan on disk since it was loaded.

    Names what changed the way the panels call it (the table's name, "Profil RT"),
    never the file, and says what to do: press "Muat ulang" (the typing is kept),
    then save again.
    """
    import hashlib

    changed: list[str] = []
    for filename, digest in plan.fingerprints.items():
        try:
            data: bytes | None = (plan.path / filename).read_bytes()
        except FileNotFoundError:
            data = None
        except OSError:  # unreadable now: storage says so when it is read
            continue
        now = None if data is None else hashlib.sha256(data).hexdigest()
        if now == digest:
            continue
        name = filename.removesuffix(".csv")
        changed.append(t("form.table.plan", lang) if name not in TABLES else TABLES[name].label[lang])
    what = _join(changed, lang) if 0 < len(changed) <= 3 else t("form.table.some", lang)  # many: "Rencana"
    return t("form.changed_elsewhere", lang, what=what)


def _uses(name: str, target: str, n: int, lang: str) -> str:
    """``n`` rows of ``name`` that use a row of ``target``; rows of the same table hang under it."""
    if name == target:  # a problem-tree node's children
        return tn("form.n.under", n, lang)
    return tn(_COUNT.get(name, "form.n.rows"), n, lang)


def rows_of(table: str, n: int, lang: str) -> str:
    """``n`` rows of ``table`` as people say it: "5 skor USG", "2 perbandingan"."""
    return tn(_COUNT.get(table, "form.n.rows"), n, lang)
