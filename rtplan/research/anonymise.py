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
  resource holders and contacts, activity and decision PICs, meeting chairs and minute
  takers) in any spelling, no phone number, NIK/KK number or e-mail address
  (:class:`Masker` gives the rules).
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
from collections.abc import Iterable, Mapping
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


# what separates the words of a name as people type it: spaces (two, no-break, thin),
# hyphens and dashes of every kind, an underscore or a dot
_SEP = r"[\s\u00a0\u2007\u202f\-\u2010-\u2015_.]+"
# words put before a name; kept in the text, the name after them is masked
TITLES = ("pak", "bu", "mas", "mbak", "bapak", "ibu", "kak", "bpk", "bp", "sdr", "sdri", "saudara", "saudari",
          "mbah", "om", "tante", "dik", "adik", "cak", "ning", "uda", "uni", "abang", "bang", "teh", "kang", "akang",
          "haji", "hajah", "hj", "ustaz", "ustadz", "ustazah", "keluarga", "almarhum", "almarhumah", "alm", "almh")
# after a title these are roles, not names: "Pak RT", "Bu Lurah" stay as they are
ROLE_WORDS = frozenset({"rt", "rw", "lurah", "camat", "kades", "kadus", "ketua", "sekretaris", "bendahara", "guru",
                        "bidan", "dokter", "mantri", "kader", "haji", "hajah", "hj", "ustaz", "ustadz", "ustazah",
                        "imam", "modin", "polisi", "babinsa", "bhabinkamtibmas", "kepala", "wakil", "warga",
                        "pengurus", "satpam", "hansip", "linmas", "rumah", "lurahnya", "kita", "saya", "anda",
                        "kami", "mereka", "dia", "semua", "yang", "dan", "atau", "juga", "sudah", "akan",
                        "kota", "negara", "tangga", "hamil", "menyusui", "balita", "lansia", "muda", "tua"})
# a registered name that is also an everyday word is masked only where it is written with a
# capital letter (or after a title): "sari buah", "budi pekerti", "hari ini" stay
COMMON_WORDS = frozenset({
    "sari", "indah", "bayu", "jaya", "putri", "putra", "ayu", "dewi", "intan", "mulia", "bintang", "embun", "mawar",
    "melati", "rahmat", "rezeki", "rizki", "sehat", "budi", "adi", "agung", "tri", "dwi", "eka", "nur", "sri",
    "bagus", "cahaya", "lestari", "asih", "kasih", "suci", "murni", "harapan", "damai", "aman", "tenang", "setia",
    "wahyu", "fajar", "senja", "hari", "bulan", "purnama", "surya", "mega", "awan", "guntur", "hujan", "angin",
    "tirta", "sinar", "jati", "subur", "makmur", "sentosa", "abadi", "berkah", "iman", "ikhlas", "sabar", "mulya",
    "utama", "pratama", "wijaya", "kusuma", "santoso", "slamet", "rahayu", "hidayah", "rina", "ani", "ana", "ina",
    "tuti", "eko", "joko", "agus", "ratna", "kartini", "wati", "yanti", "pertiwi", "lintang", "sekar", "kembang",
})
# a holder such as "PKK RT 05" or "Kantor Kelurahan Sukamaju" is an organisation: its whole
# name is masked, its words on their own are not
ORG_WORDS = frozenset({
    "rt", "rw", "pkk", "kantor", "kelurahan", "kecamatan", "desa", "koperasi", "puskesmas", "posyandu", "sd", "smp",
    "sma", "smk", "sekolah", "negeri", "warga", "pengurus", "karang", "taruna", "majelis", "taklim", "masjid",
    "musala", "mushola", "gereja", "pura", "vihara", "klenteng", "bank", "sampah", "kelompok", "paguyuban", "forum",
    "komunitas", "yayasan", "lembaga", "dinas", "badan", "pt", "cv", "ud", "toko", "warung", "bengkel", "kader",
    "pemuda", "remaja", "ibu-ibu", "bapak-bapak", "tim", "panitia", "balai", "gedung", "lapangan", "pos", "ronda",
    "kampung", "dusun", "lingkungan", "bumdes", "lpmk", "lpm", "bkm", "kwt", "umkm", "tpq", "tpa", "paud", "tk",
})
# one title or several ("Pak Haji"), then the word after them
_TITLED = re.compile(r"(?<!\w)((?:(?:" + "|".join(TITLES) + r")\.?" + _SEP + r")+)(\w+)", re.IGNORECASE)
NIK_MASK = "[nik]"
EMAIL_MASK = "[email]"
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 16 digits, together or in groups (NIK, nomor KK)
_NIK = re.compile(r"(?<![\d])\d(?:[ .\-\u00a0]?\d){15}(?!\d)")
# a phone number in any grouping: 0 or +62 / 62, then digit groups with spaces, dots,
# hyphens or brackets between them; how many digits make a number is decided per match
_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+\s?62|\(\+?62\)|62|\(?0)(?:[\s.\-\u00a0/]{0,2}\(?\d+\)?){1,7}")
_DIGITS = re.compile(r"\d+")


def _phone_end(text: str) -> int | None:
    """Where the phone number at the start of ``text`` ends (``None``: not a phone number).

    A number starts with 0 and a group of at least 3 digits (``0857``, ``(024)``) or with
    62 / +62 and a group starting 2-9; it has 10 to 13 digits (15 with the 62). Groups
    after that many digits (a year written after a number) are not part of it.
    """
    runs = list(_DIGITS.finditer(text))
    if not runs:
        return None
    first = runs[0].group()
    international = text.lstrip("(+ ").startswith("62")
    if international:
        rest = first[2:] if len(first) > 2 else (runs[1].group() if len(runs) > 1 else "")
        if not rest or rest[0] not in "23456789":
            return None
        low, high = 11, 15
    else:
        if len(first) < 3 or first[1] == "0":
            return None
        low, high = 10, 13
    count, end = 0, None
    for run in runs:
        if count + len(run.group()) > high:
            break
        count += len(run.group())
        end = run.end()
    if count < low or end is None:
        return None
    if text[end:end + 1] == ")":
        end += 1
    return end


class Masker:
    """Mask every person named in the plan, phone numbers, NIK/KK numbers and e-mail
    addresses in free text; :attr:`counts` says how many of each were masked.

    Rules (the README's "Research" section says them too):

    * a whole registered name is masked in any case and spelling of the gaps between its
      words (two spaces, a no-break space, a hyphen or dash, a dot);
    * each word of a person's name (a first name, a surname alone: "keluarga Aminah")
      is masked where it is written with a capital letter (``Aminah``, ``AMINAH``) and
      has at least 3 letters; in lower case only right after a title (``pak budi``):
      ``sari buah`` and ``budi pekerti`` are ordinary words. A one-word registered name
      (``Maryam``) is masked in any case unless it is such a common word;
    * after a title (Pak, Bu, Mas, Mbak, Bapak, Ibu, Kak, Haji, Keluarga, ...) a
      capitalised word is masked even if the plan does not list it ("Warung Pak Joko"),
      except a role (``Pak RT``, ``Bu Lurah``); the title stays;
    * an organisation's name (a holder such as ``PKK RT 05``) is masked whole, its
      words on their own are not;
    * phone numbers in any grouping (``(0857) 1234 5678``, ``+62 857-1234-5678``,
      ``0857.1234.5678``), 16-digit NIK/KK numbers (with or without separators) and
      e-mail addresses are masked wherever they are.
    """

    def __init__(self, names: Iterable[str]) -> None:
        phrases: set[str] = set()
        tokens: set[str] = set()
        title_set = set(TITLES)
        for raw in names:
            if not raw:
                continue
            words = [w for w in re.split(_SEP, str(raw).strip()) if w]
            while words and words[0].casefold().rstrip(".") in title_set:  # "Keluarga Samsul Arifin"
                words = words[1:]
            if not words:
                continue
            if len(words) > 1 or len(words[0]) >= 2:
                phrases.add(" ".join(words).casefold())
            lowered = [w.casefold() for w in words]
            if any(w in ORG_WORDS or any(ch.isdigit() for ch in w) for w in lowered):
                continue  # an organisation: masked whole only
            tokens.update(w for w in lowered if len(w) >= 3)
        self.counts: dict[str, int] = {"names": 0, "phones": 0, "nik": 0, "emails": 0}
        ordered = sorted(phrases, key=len, reverse=True)
        # whole names; a one-word name that is an everyday word is left to the capitalised rule
        whole = [p for p in ordered if " " in p or (p not in COMMON_WORDS and len(p) >= 3)]
        self._whole = (re.compile(r"(?<!\w)(?:" + "|".join(_SEP.join(re.escape(w) for w in p.split(" "))
                                                           for p in whole) + r")(?!\w)", re.IGNORECASE)
                       if whole else None)
        self._tokens = frozenset(tokens)
        self._token = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(tokens, key=len, reverse=True))
                                  + r")(?!\w)", re.IGNORECASE) if tokens else None)

    def _name(self, _match: re.Match[str]) -> str:
        self.counts["names"] += 1
        return NAME_MASK

    def _after_title(self, match: re.Match[str]) -> str:
        word = match.group(2)
        lowered = word.casefold()
        if lowered in ROLE_WORDS or lowered in ORG_WORDS or lowered in TITLES or word.isdigit():
            return match.group(0)
        if lowered in self._tokens or (word[:1].isupper() and len(word) >= 2):
            self.counts["names"] += 1
            return match.group(1) + NAME_MASK
        return match.group(0)

    def _capitalised(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if not word[:1].isupper():
            return word
        self.counts["names"] += 1
        return NAME_MASK

    def _nik(self, match: re.Match[str]) -> str:
        if match.group(0).startswith("0"):
            return match.group(0)  # a NIK starts with a province code; 0857... is a phone number
        self.counts["nik"] += 1
        return NIK_MASK

    def _phone(self, match: re.Match[str]) -> str:
        text = match.group(0)
        end = _phone_end(text)
        if end is None:
            return text
        self.counts["phones"] += 1
        return PHONE_MASK + text[end:]

    def __call__(self, text: object) -> str:
        if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
            return ""
        out = str(text)
        out, n = _EMAIL.subn(EMAIL_MASK, out)
        self.counts["emails"] += n
        out = _NIK.sub(self._nik, out)
        out = _PHONE_RUN.sub(self._phone, out)
        if self._whole is not None:
            out = self._whole.sub(self._name, out)
        # a title (or several: "Pak Haji Slamet"), then a name: the name, even one the plan
        # does not list
        out = _TITLED.sub(self._after_title, out)
        if self._token is not None:
            out = self._token.sub(self._capitalised, out)
        return out


MASKS = {"names": NAME_MASK, "phones": PHONE_MASK, "nik": NIK_MASK, "emails": EMAIL_MASK}


def count_masks(tables: Mapping[str, pd.DataFrame], text_columns: Mapping[str, Iterable[str]]) -> dict[str, int]:
    """How many masks of each kind the free-text columns of ``tables`` hold (what an
    export says on stderr: counts only, never what was masked)."""
    found = dict.fromkeys(MASKS, 0)
    for name, cols in text_columns.items():
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        for col in cols:
            if col not in frame.columns:
                continue
            values = frame[col].astype("string").fillna("")
            for kind, mask in MASKS.items():
                found[kind] += int(values.str.count(re.escape(mask)).sum())
    return found


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
