"""Residents' names masked for a document shared beyond the meeting.

:func:`masked_plan` masks registered participants' names in every free text of the
plan (a meeting place "Rumah Bapak Slamet Riyadi", a PIC, a reason), so every section
and chart of a document is built from masked text; office holders in role lines and
signature blocks (Ketua RT, facilitator, chair, minute taker) are shown by role and
name, as on any signed document.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from rtplan.plan import Plan
from rtplan.schema import TABLES
from rtplan.tables import is_missing


def mask_name(name: object) -> str:
    """``Sari Wulandari`` -> ``S*** W********``: the first letter of each word kept."""
    if is_missing(name):
        return ""
    return " ".join(w[0] + "*" * (len(w) - 1) if len(w) > 1 else w for w in str(name).split())


HONORIFICS = ("Bapak", "Ibu", "Pak", "Bu", "Mas", "Mbak", "Kak", "Bang", "Dik", "Mbah", "Eyang", "Haji", "Hj.", "H.")


def masker(plan: Plan, mask: bool):  # type: ignore[no-untyped-def]
    """A function that masks participants' names inside a text when ``mask`` is on.

    Full names are masked (``Sari Wulandari`` -> ``S*** W********``), and so is a first
    name after a form of address (``Bu Sari`` -> ``Bu S***``), the way residents are
    usually named in notes.
    """
    names = sorted({str(n).strip() for n in plan["participants"]["name"] if not is_missing(n)},
                   key=len, reverse=True)
    firsts = sorted({n.split()[0] for n in names if n.split()}, key=len, reverse=True)
    honorific = "|".join(re.escape(h) for h in HONORIFICS)
    first_re = (re.compile(rf"\b({honorific})\s+({'|'.join(re.escape(f) for f in firsts)})\b")
                if firsts else None)

    def apply(text: object) -> str:
        if is_missing(text):
            return ""
        out = str(text)
        if mask:
            for name in names:
                out = out.replace(name, mask_name(name))
            if first_re is not None:
                out = first_re.sub(lambda m: f"{m.group(1)} {mask_name(m.group(2))}", out)
        return out

    return apply


# columns kept as they are in a masked plan: the office holders of signature blocks
MASK_KEEP = {("meetings", "chair"), ("meetings", "minute_taker")}


def masked_plan(plan: Plan) -> Plan:
    """A copy of ``plan`` whose free text has participants' names masked.

    Every text column of every table (``str`` and ``list`` kinds, not ids) goes
    through :func:`masker`: whole names and honorific + first name, wherever they
    appear ("Rumah Bapak Slamet Riyadi" -> "Rumah Bapak S***** R*****"). The meeting's
    chair and minute taker and ``plan.toml`` ``[people]`` stay, for the signature
    blocks. Ids are untouched, so every join and count is the same.
    """
    m = masker(plan, True)
    tables = {}
    for name, original in plan.tables.items():
        spec = TABLES.get(name)
        frame = original.copy()
        for col in (spec.columns if spec else ()):
            if (col.kind in ("str", "list") and col.name in frame.columns and (name, col.name) not in MASK_KEEP
                    and not col.name.endswith(("_id", "_ids"))):
                frame[col.name] = pd.array([pd.NA if is_missing(v) else m(v) for v in frame[col.name]],
                                           dtype=frame[col.name].dtype)
        tables[name] = frame
    return dataclasses.replace(plan, tables=tables, error_cache=None)
