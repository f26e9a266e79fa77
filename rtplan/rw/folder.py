"""The RW folder: ``rw.toml`` and three tables (the contract is ``docs/rw-format.md``).

An RW folder gathers the Musrenbang proposals of its RTs for the *Rembug Warga*. It
references each RT plan by path and by the sha256 digest of its ``proposals.csv`` and
``plan.toml`` (``rts.csv``), keeps a copy of each RT's proposals as they were taken in
(``rt_proposals.csv``: what a later change is compared with) and holds the RW's own list
(``rw_proposals.csv``: one row per proposal, a merged one naming every RT it came from).

Every value is kept as text; a save writes the changed files through the plan folder's
journal (:mod:`rtplan.storage.files`): all of them or none, the old versions in
``.history/``, never over a file changed since it was read.
"""

from __future__ import annotations

import csv
import io
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import tomli_w

from rtplan.exceptions import ConcurrentChangeError, RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.storage.files import (
    JOURNAL_FILE,
    _digest,
    _pending,
    _plan_lock,
    _read_plan_file,
    _recover,
)

RW_FILE = "rw.toml"
RW_SCHEMA_VERSION = 1
RTS_FILE = "rts.csv"
RT_PROPOSALS_FILE = "rt_proposals.csv"
RW_PROPOSALS_FILE = "rw_proposals.csv"
SOURCE_SEP = "/"  # a source is "<rt>/<proposal_id>", e.g. "05/P01"


class RwError(RtplanError):
    """A request about an RW folder that cannot be carried out (the message says why)."""


@dataclass
class RtRef:
    """One RT plan taken in: its RT number, folder and the digests of what was read."""

    rt: str
    path: str
    proposals_sha256: str
    plan_sha256: str


@dataclass
class RtProposal:
    """One row of an RT's ``proposals.csv`` as it was taken in (every cell as text)."""

    rt: str
    proposal_id: str
    title: str = ""
    need_ids: str = ""
    location: str = ""
    volume: str = ""
    unit: str = ""
    cost_idr: str = ""
    bidang: str = ""
    swadaya: str = ""
    level: str = ""
    state: str = ""
    answer: str = ""

    @property
    def source(self) -> str:
        return f"{self.rt}{SOURCE_SEP}{self.proposal_id}"


@dataclass
class RwProposal:
    """One proposal of the RW's list; ``sources`` are the RT proposals it stands for."""

    usulan_id: str
    sources: list[str]
    title: str = ""
    location: str = ""
    volume: str = ""
    unit: str = ""
    cost_idr: str = ""
    bidang: str = ""
    swadaya: str = ""
    state: str = "diusulkan"
    answer: str = ""

    @property
    def rts(self) -> list[str]:
        """The RT numbers it came from, in order, each once."""
        return list(dict.fromkeys(s.split(SOURCE_SEP, 1)[0] for s in self.sources))


def _columns(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


RTS_COLUMNS = _columns(RtRef)
RT_PROPOSAL_COLUMNS = _columns(RtProposal)
RW_PROPOSAL_COLUMNS = _columns(RwProposal)


@dataclass
class RwFolder:
    """An RW folder in memory: its settings, tables and the digests of its files as read."""

    path: Path
    meta: dict[str, Any]
    rts: list[RtRef] = field(default_factory=list)
    rt_proposals: list[RtProposal] = field(default_factory=list)
    proposals: list[RwProposal] = field(default_factory=list)
    fingerprints: dict[str, str | None] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return normalize_lang(str(self.meta.get("language", "id")))

    @property
    def area(self) -> dict[str, str]:
        area = self.meta.get("area", {})
        return {str(k): str(v) for k, v in area.items()} if isinstance(area, dict) else {}

    def rt(self, number: str) -> RtRef | None:
        return next((r for r in self.rts if r.rt == number), None)

    def proposal(self, usulan_id: str) -> RwProposal | None:
        wanted = usulan_id.strip().upper()
        return next((p for p in self.proposals if p.usulan_id.upper() == wanted), None)


def norm_number(value: object) -> str:
    """An RT or RW number as plan folders write it: digits padded to two ("3" -> "03")."""
    text = str(value).strip()
    return text.zfill(2) if text.isdigit() else text


def same_name(a: str, b: str) -> bool:
    """Two place names are the same, ignoring case and extra spaces."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# -- reading and writing ---------------------------------------------------------------
def _csv_bytes(columns: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _csv_rows(data: bytes | None, filename: str, columns: list[str], lang: str) -> list[dict[str, str]]:
    if data is None:
        return []
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise RwError(t("rw.bad_table", lang, file=filename, columns=", ".join(missing)))
    return [{c: (row.get(c) or "").strip() for c in columns} for row in reader]


def serialize(folder: RwFolder) -> dict[str, bytes]:
    """The bytes of every file of the folder."""
    return {
        RW_FILE: tomli_w.dumps(folder.meta).encode("utf-8"),
        RTS_FILE: _csv_bytes(RTS_COLUMNS, [[getattr(r, c) for c in RTS_COLUMNS] for r in folder.rts]),
        RT_PROPOSALS_FILE: _csv_bytes(RT_PROPOSAL_COLUMNS,
                                      [[getattr(p, c) for c in RT_PROPOSAL_COLUMNS] for p in folder.rt_proposals]),
        RW_PROPOSALS_FILE: _csv_bytes(RW_PROPOSAL_COLUMNS, [
            [";".join(p.sources) if c == "sources" else getattr(p, c) for c in RW_PROPOSAL_COLUMNS]
            for p in folder.proposals]),
    }


def load_rw(path: str | os.PathLike[str], lang: str | None = None) -> RwFolder:
    """Read an RW folder; :class:`RwError` (in ``lang``, or Indonesian) when it is not one."""
    folder = Path(path)
    say = normalize_lang(lang or "id")
    if not (folder / RW_FILE).is_file():
        if not folder.exists():
            raise RwError(t("rw.no_folder", say, path=folder))
        raise RwError(t("rw.not_rw_folder", say, path=folder, file=RW_FILE))
    if _pending(folder):  # an interrupted save: finish or undo it first
        _recover(folder, say)
    with _plan_lock(folder, exclusive=False, lang=say):
        data = {name: _read_plan_file(folder, name, say)
                for name in (RW_FILE, RTS_FILE, RT_PROPOSALS_FILE, RW_PROPOSALS_FILE)}
    try:
        meta = tomllib.loads((data[RW_FILE] or b"").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RwError(t("rw.bad_toml", say, path=folder / RW_FILE, error=exc)) from exc
    rw = RwFolder(folder, meta, fingerprints={name: _digest(b) for name, b in data.items()})
    say = normalize_lang(lang or rw.lang)
    rw.rts = [RtRef(**row) for row in _csv_rows(data[RTS_FILE], RTS_FILE, RTS_COLUMNS, say)]
    rw.rt_proposals = [RtProposal(**row) for row in
                       _csv_rows(data[RT_PROPOSALS_FILE], RT_PROPOSALS_FILE, RT_PROPOSAL_COLUMNS, say)]
    for row in _csv_rows(data[RW_PROPOSALS_FILE], RW_PROPOSALS_FILE, RW_PROPOSAL_COLUMNS, say):
        sources = [s.strip() for s in row.pop("sources").split(";") if s.strip()]
        rw.proposals.append(RwProposal(sources=sources, **row))
    return rw


def save_rw(rw: RwFolder) -> None:
    """Write the files of ``rw`` that changed, all or none, refusing over a file changed on disk."""
    from rtplan.storage.saving import _commit

    lang = rw.lang
    blobs = serialize(rw)
    with _plan_lock(rw.path, exclusive=True, lang=lang):
        current = {name: _read_plan_file(rw.path, name, lang) for name in blobs}
        for name, data in current.items():
            if _digest(data) != rw.fingerprints.get(name):
                raise ConcurrentChangeError(t("storage.changed_on_disk", lang, file=name))
        changed = {name: data for name, data in blobs.items() if current[name] != data}
        if changed:
            _commit(rw.path, changed, current, lang)
    for name, data in changed.items():
        rw.fingerprints[name] = _digest(data)


def new_rw(path: str | os.PathLike[str], rw_number: str, kelurahan: str, *, kecamatan: str = "",
           city: str = "", province: str = "", lang: str = "id") -> RwFolder:
    """Make an RW folder with its settings and empty tables; refuses a folder that is not empty."""
    folder = Path(path)
    lang = normalize_lang(lang)
    number = norm_number(rw_number)
    if not number or not kelurahan.strip():
        raise RwError(t("rw.new_needs_area", lang))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RwError(t("rw.exists", lang, path=folder))
    meta: dict[str, Any] = {
        "schema_version": RW_SCHEMA_VERSION,
        "title": t("rw.default_title", lang, rw=number, kelurahan=kelurahan.strip()),
        "language": lang,
        "area": {"rw": number, "kelurahan": kelurahan.strip(), "kecamatan": kecamatan.strip(),
                 "city": city.strip(), "province": province.strip()},
    }
    folder.mkdir(parents=True, exist_ok=True)
    rw = RwFolder(folder, meta, fingerprints=dict.fromkeys(serialize(RwFolder(folder, meta))))
    save_rw(rw)
    return rw


__all__ = [
    "JOURNAL_FILE",
    "RTS_FILE",
    "RT_PROPOSALS_FILE",
    "RW_FILE",
    "RW_PROPOSALS_FILE",
    "RtProposal",
    "RtRef",
    "RwError",
    "RwFolder",
    "RwProposal",
    "load_rw",
    "new_rw",
    "norm_number",
    "same_name",
    "save_rw",
    "serialize",
]
