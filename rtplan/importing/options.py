"""What a person tells an import beyond the file: ``--map``, ``--set``, ``--values``,
``--date-order`` and ``--round`` (and the same choices in the upload panel).

* ``--map "FILE COLUMN=field"`` (``=-`` leaves a column out);
* ``--set FIELD=VALUE`` fills a field for every row (a form that never asks it: a
  resources form without the ABCD category, ``--set category=fisik``);
* ``--values FIELD:SOURCE=TARGET`` (repeatable) reads one answer as another
  (``--values sex:1=L --values sex:2=P``);
* ``--date-order dmy|mdy|ymd`` says how numeric dates such as ``9/6/2018`` are written;
* ``--round`` rounds fractions of a Rupiah (refused otherwise, naming the cell).

Fields may be named by column name or label (id/en); an unknown one is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rtplan.exceptions import RtplanError
from rtplan.importing.mapping import SOURCE_REF, key
from rtplan.messages import t
from rtplan.schema import Table

IGNORE = "-"  # ``--map "Kolom=-"`` leaves a column out
DATE_ORDERS = ("dmy", "mdy", "ymd")


class ImportRefused(RtplanError):
    """Raised when a file cannot be imported as asked (unknown field, no matching column)."""


@dataclass
class ImportOptions:
    """The choices of one import (all optional).

    Attributes
    ----------
    overrides : file column (header, or ``#3``) -> field or :data:`IGNORE`.
    fixed : field -> the text every row gets (read like a cell of the file).
    values : field -> {answer in the file -> answer to read instead}.
    date_order : ``dmy``, ``mdy`` or ``ymd`` for every numeric date of the file.
    round_money : round fractions of a Rupiah instead of refusing them.
    """

    overrides: dict[str, str] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    date_order: str | None = None
    round_money: bool = False


def field_index(table: Table) -> dict[str, str]:
    """Loose name -> field: column names and labels (id/en)."""
    index = {key(c.name): c.name for c in table.columns}
    index.update({key(c.label[lg]): c.name for c in table.columns for lg in ("id", "en")})
    index[key(SOURCE_REF)] = SOURCE_REF
    return index


def resolve_field(name: str, table: Table, lang: str, flag: str = "--map") -> str:
    fld = str(name).strip()
    target = fld if fld in table.column_names else field_index(table).get(key(fld))
    if target is None:
        raise ImportRefused(t("import.unknown_field", lang, field=fld, table=table.name,
                             fields=", ".join(table.column_names)).replace("--map", flag))
    return target


def parse_overrides(items: Sequence[str] | Mapping[str, str] | None, table: Table, lang: str) -> dict[str, str]:
    """``["Nama Lengkap=name", "No=-"]`` -> ``{"Nama Lengkap": "name", "No": "-"}``."""
    if not items:
        return {}
    pairs = items.items() if isinstance(items, Mapping) else [_split(i, "import.bad_map", lang) for i in items]
    out: dict[str, str] = {}
    for src, given in pairs:
        fld = str(given).strip()
        out[str(src).strip()] = IGNORE if fld in (IGNORE, "") else resolve_field(fld, table, lang)
    return out


def _split(item: str, message: str, lang: str) -> tuple[str, str]:
    src, sep, fld = str(item).rpartition("=")
    if not sep or not src.strip():
        raise ImportRefused(t(message, lang, value=item))
    return src, fld


def parse_set(items: Sequence[str] | Mapping[str, str] | None, table: Table, lang: str) -> dict[str, str]:
    """``["category=fisik"]`` -> ``{"category": "fisik"}`` (the value read like a cell)."""
    if not items:
        return {}
    if isinstance(items, Mapping):
        pairs = list(items.items())
    else:
        pairs = []
        for item in items:
            name, sep, value = str(item).partition("=")
            if not sep or not name.strip():
                raise ImportRefused(t("import.bad_set", lang, value=item))
            pairs.append((name, value))
    return {resolve_field(n, table, lang, "--set"): str(v).strip() for n, v in pairs}


def parse_values(items: Sequence[str] | Mapping[str, Mapping[str, str]] | None, table: Table,
                 lang: str) -> dict[str, dict[str, str]]:
    """``["sex:1=L", "sex:2=P"]`` -> ``{"sex": {"1": "L", "2": "P"}}``."""
    if not items:
        return {}
    out: dict[str, dict[str, str]] = {}
    if isinstance(items, Mapping):
        for name, pairs in items.items():
            fld = resolve_field(name, table, lang, "--values")
            out.setdefault(fld, {}).update({str(a).strip(): str(b).strip() for a, b in pairs.items()})
        return out
    for item in items:
        name, colon, rest = str(item).partition(":")
        source, eq, target = rest.rpartition("=")
        if not colon or not eq or not name.strip() or not source.strip():
            raise ImportRefused(t("import.bad_values", lang, value=item))
        fld = resolve_field(name, table, lang, "--values")
        out.setdefault(fld, {})[source.strip()] = target.strip()
    return out


def make_options(table: Table, lang: str, overrides: Sequence[str] | Mapping[str, str] | None = None,
                 fixed: Sequence[str] | Mapping[str, str] | None = None,
                 values: Sequence[str] | Mapping[str, Mapping[str, str]] | None = None,
                 date_order: str | None = None, round_money: bool = False) -> ImportOptions:
    """The options of one import, every field name checked against ``table``."""
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ImportRefused(t("import.bad_date_order", lang, value=date_order))
    return ImportOptions(parse_overrides(overrides, table, lang), parse_set(fixed, table, lang),
                         parse_values(values, table, lang), date_order, round_money)
