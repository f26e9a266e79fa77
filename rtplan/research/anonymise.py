"""Anonymisation by construction: keyed pseudonyms, name masking, small-cell suppression.

* **Pseudonyms**: ``HMAC-SHA256(secret, kind | plan key | id)``, the first 16 hex
  digits. The same secret always gives the same pseudonym (exports can be redone and
  joined); another secret gives unrelated ones; without the secret nobody can go back
  from a pseudonym to a participant id (a plain hash of ``P001`` could be guessed).
* **The secret** lives outside the export: a file (``--secret-file``, or the path in
  ``RTPLAN_RESEARCH_SECRET_FILE``) or the value of ``RTPLAN_RESEARCH_SECRET``.
  :func:`load_secret` refuses when there is none; the command creates a new random one
  at the given path (mode 600) and says where. A secret file inside the export folder
  is refused.
* **Masking**: free text keeps no registered name (participants, the RT's officers,
  resource holders, activity PICs, meeting chairs) and no phone number.
* **Suppression**: in tables meant for publication a count under ``k`` (5 by default)
  is blanked, and so is every figure computed from it.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from rtplan import config
from rtplan.exceptions import RtplanError
from rtplan.messages import t

K_DEFAULT = 5
SECRET_ENV = config.env_name("research_secret")
SECRET_FILE_ENV = config.env_name("research_secret_file")
MIN_SECRET = 16
NAME_MASK = "[nama]"
PHONE_MASK = "[telepon]"
_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)")


class SecretError(RtplanError):
    """No usable pseudonym secret (missing, too short, or inside the export)."""


def load_secret(
    secret_file: str | os.PathLike[str] | None = None,
    *,
    create: bool = False,
    out: str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> tuple[bytes, Path | None, bool]:
    """The pseudonym secret: ``(secret, file it came from or None, created now)``.

    Order: ``RTPLAN_RESEARCH_SECRET`` (the value), then ``secret_file``, then the path
    in ``RTPLAN_RESEARCH_SECRET_FILE``. A missing file is created (random 256 bits,
    mode 600) only with ``create``. Raises :class:`SecretError` when there is no
    secret, it is shorter than 16 characters, or the file lies inside ``out``.
    """
    settings = config.from_env()
    value = settings.research_secret
    if value and secret_file is None:
        if len(value.strip()) < MIN_SECRET:
            raise SecretError(t("research.secret_short", lang, n=MIN_SECRET))
        return value.strip().encode("utf-8"), None, False
    path_text = secret_file or settings.research_secret_file
    if not path_text:
        raise SecretError(t("research.secret_missing", lang, env=SECRET_ENV, env_file=SECRET_FILE_ENV))
    path = Path(path_text).expanduser()
    if out is not None:
        target = Path(out).expanduser().resolve()
        where = path.resolve()
        if where == target or target in where.parents:
            raise SecretError(t("research.secret_inside", lang, path=path, out=out))
    created = False
    if not path.exists():
        if not create:
            raise SecretError(t("research.secret_not_found", lang, path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        created = True
    text = path.read_text(encoding="utf-8").strip()
    if len(text) < MIN_SECRET:
        raise SecretError(t("research.secret_short", lang, n=MIN_SECRET))
    return text.encode("utf-8"), path, created


def pseudonym(secret: bytes, *parts: object) -> str:
    """A stable keyed pseudonym of ``parts`` (16 hex digits of HMAC-SHA256)."""
    message = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:16]


def secret_fingerprint(secret: bytes) -> str:
    """A short tag telling whether two exports used the same secret (reveals nothing of it)."""
    return pseudonym(secret, "rtplan-research-fingerprint")[:8]


class Masker:
    """Replace registered names (whole words, any case) and phone numbers in free text."""

    def __init__(self, names: Iterable[str]) -> None:
        clean = sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in clean) + r")(?!\w)",
                                    re.IGNORECASE) if clean else None)

    def __call__(self, text: object) -> str:
        if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
            return ""
        out = str(text)
        if self._pattern is not None:
            out = self._pattern.sub(NAME_MASK, out)
        return _PHONE.sub(PHONE_MASK, out)


def suppress(frame: pd.DataFrame, counts: Iterable[str], k: int = K_DEFAULT,
             derived: dict[str, str] | None = None) -> pd.DataFrame:
    """Blank every count in ``counts`` that is above 0 and under ``k`` (primary suppression).

    ``derived`` maps a computed column (a share, a mean) to the count it rests on; it
    is blanked where that count is. Zeros are kept (an empty cell discloses nobody).
    Returns a copy with nullable columns (``<NA>`` where suppressed).
    """
    out = frame.copy()
    derived = derived or {}
    small = {}
    for col in counts:
        values = pd.to_numeric(out[col], errors="coerce").astype("Float64")
        small[col] = (values > 0) & (values < k)
        out[col] = values.round().astype("Int64").mask(small[col])
    for col, base in derived.items():
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Float64").mask(small[base])
    return out
