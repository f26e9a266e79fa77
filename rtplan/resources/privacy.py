"""What of step 2 never leaves the plan folder: contacts, and numbers typed in free text."""

from __future__ import annotations

import re

import pandas as pd

from rtplan.messages import t
from rtplan.schema import TABLES
from rtplan.tables import is_missing

_PRIVATE_NUMBER = re.compile(r"(?<!\d)(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)|(?<!\d)\d{16}(?!\d)")


def mask_private(text: object, lang: str = "id") -> str:
    """``text`` with phone numbers and 16-digit NIKs replaced by ``[kontak disembunyikan]``.

    Reasons and notes are free text a facilitator types; a number typed there must not
    leave the plan folder either.
    """
    return _PRIVATE_NUMBER.sub(t("res.masked", lang), "" if is_missing(text) else str(text))


def public_resources(resources: pd.DataFrame) -> pd.DataFrame:
    """The resources without private columns (the contact)."""
    private = TABLES["resources"].private_columns
    return resources.drop(columns=[c for c in private if c in resources.columns])
