"""The text encoding of a CSV file, decided strictly: a file is read whole in one encoding or refused.

* a byte-order mark decides: UTF-8, UTF-16 (Excel's "Unicode text") or UTF-32;
* otherwise the file is UTF-8 when it decodes as UTF-8 without a single error;
* a file that is mostly UTF-8 (valid multi-byte characters) with a few bad bytes is
  refused, naming the line of the first bad byte: reading it all as Windows-1252
  would turn every ``é`` into ``Ã©``;
* a legacy file (no valid multi-byte UTF-8 at all) is read with the encoding
  ``charset-normalizer`` finds; among the single-byte Latin code pages, which that
  detector cannot tell apart on short texts, Windows-1252 (Excel's on Windows in
  Indonesia) is taken. The encoding used is said (:attr:`Decoded.note`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from rtplan.importing.limits import ImportFileError
from rtplan.messages import t

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
LATIN_SINGLE_BYTE = re.compile(r"^(cp125[0-8]|windows-125[0-8]|iso8859_\d+|latin_?\d|mac_\w+|cp850|cp437|"
                               r"kz1048|ptcp154|cp1006|hp_roman8|tis_620|koi8_\w+)$")


@dataclass
class Decoded:
    text: str
    encoding: str  # the name reported (``utf-8``, ``utf-8-sig``, ``utf-16``, ``windows-1252``, ...)
    detected: bool = False  # read in a legacy encoding found by the detector (said on stderr)


def bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    """``(codec, reported name, BOM length)`` for a file starting with a byte-order mark."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    return None


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1 if b"\n" in data[:pos] else data.count(b"\r", 0, pos) + 1


def decode(data: bytes, source: str, lang: str | None = None) -> Decoded:
    """Decode a CSV file's bytes strictly (see the module's docstring)."""
    bom = bom_encoding(data)
    if bom is not None:
        codec, name, size = bom
        try:
            return Decoded(data[size:].decode(codec), name)
        except UnicodeDecodeError as exc:
            raise ImportFileError(t("import.bad_bytes", lang, file=source, encoding=name,
                                    row=_line_of(data, exc.start + size))) from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 0x7F) - bad
    if good > bad:  # more well-formed UTF-8 letters than broken bytes: a UTF-8 file with a few bad ones
        raise ImportFileError(t("import.mixed_encoding", lang, file=source, row=_line_of(data, first_bad)))
    return _legacy(data, source, lang)


def _legacy(data: bytes, source: str, lang: str | None) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    codec = best.encoding if best is not None else "cp1252"
    if LATIN_SINGLE_BYTE.match(codec) or codec in ("ascii", "utf_8"):
        codec = "cp1252"
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportFileError(t("import.unknown_encoding", lang, file=source)) from exc
    name = {"cp1252": "windows-1252"}.get(codec, codecs.lookup(codec).name)
    return Decoded(text, name, detected=True)
