"""Taking the RTs' proposals into an RW folder, and noticing when an RT plan changed.

An RT folder is only read here, never written: its ``plan.toml`` and ``proposals.csv``
bytes are read directly (no journal recovery, no history), their sha256 digests kept in
``rts.csv``. Taking an RT in again compares its proposals with the copy kept in
``rt_proposals.csv`` and updates the RW's list: :class:`Change` says what was added,
changed or removed, for the CLI to print.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rtplan.messages import normalize_lang, t
from rtplan.proposals import next_ids
from rtplan.rw.folder import (
    JOURNAL_FILE,
    RtProposal,
    RtRef,
    RwError,
    RwFolder,
    RwProposal,
    norm_number,
    same_name,
)
from rtplan.schema import TABLES
from rtplan.storage.files import PLAN_FILE, _digest
from rtplan.tables import is_missing, parse_rows, read_csv_text

PROPOSALS_FILE = TABLES["proposals"].filename
# what a change of an RT proposal is judged by (its state and answer are the RW's to write)
COMPARED = ("title", "need_ids", "location", "volume", "unit", "cost_idr", "bidang", "swadaya", "level")
# copied from an RT proposal to the RW's proposal that stands for it alone
COPIED = ("title", "location", "volume", "unit", "cost_idr", "bidang", "swadaya")


@dataclass
class RtSnapshot:
    """What was read of one RT folder."""

    ref: RtRef
    rw: str
    kelurahan: str
    proposals: list[RtProposal]


@dataclass(frozen=True)
class Change:
    """One difference between an RT's proposals as kept and as found now."""

    kind: str  # added, changed, removed
    rt: str
    proposal_id: str
    title: str
    usulan_id: str = ""
    fields: tuple[str, ...] = ()
    merged: bool = False  # the RW proposal stands for several RTs: its text was not changed


@dataclass
class Taken:
    """The outcome of taking one RT in: ``status`` new, unchanged or changed."""

    rt: str
    path: str
    status: str
    changes: list[Change] = field(default_factory=list)


def _cell(value: object) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def read_rt(path: str | os.PathLike[str], lang: str) -> RtSnapshot:
    """Read an RT plan's area and proposals without writing anything to its folder."""
    folder = Path(path)
    if not folder.is_dir():
        raise RwError(t("rw.rt_missing", lang, path=folder))
    if os.path.lexists(folder / JOURNAL_FILE):
        raise RwError(t("rw.rt_pending", lang, path=folder))
    toml_bytes = _read(folder / PLAN_FILE)
    if toml_bytes is None:
        raise RwError(t("rw.rt_no_plan", lang, path=folder, file=PLAN_FILE))
    try:
        meta = tomllib.loads(toml_bytes.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RwError(t("rw.rt_bad_toml", lang, path=folder / PLAN_FILE, error=exc)) from exc
    area = meta.get("area", {}) if isinstance(meta.get("area"), dict) else {}
    rt = norm_number(area.get("rt", ""))
    if not rt:
        raise RwError(t("rw.rt_no_number", lang, path=folder / PLAN_FILE))
    data = _read(folder / PROPOSALS_FILE)
    proposals: list[RtProposal] = []
    if data is not None:
        header, rows = read_csv_text(data)
        if header:
            frame, problems = parse_rows(TABLES["proposals"], header, rows, lang)
            bad = [p for p in problems if p.is_error]
            if bad:
                raise RwError(t("rw.rt_bad_proposals", lang, path=folder / PROPOSALS_FILE,
                                problems="; ".join(p.message for p in bad[:5])))
            for row in frame.to_dict("records"):
                pid = _cell(row.get("proposal_id"))
                if not pid:
                    continue
                values = {c: _cell(row.get(c)) for c in ("title", "need_ids", "location", "volume", "unit",
                                                         "cost_idr", "bidang", "swadaya", "level", "state",
                                                         "answer")}
                proposals.append(RtProposal(rt=rt, proposal_id=pid, **values))
    ref = RtRef(rt=rt, path=str(folder.resolve()), proposals_sha256=_digest(data) or "",
                plan_sha256=_digest(toml_bytes) or "")
    return RtSnapshot(ref, norm_number(area.get("rw", "")), str(area.get("kelurahan", "")).strip(), proposals)


def check_area(rw: RwFolder, snap: RtSnapshot, lang: str) -> None:
    """Refuse an RT plan of another RW or kelurahan (or a second folder for one RT)."""
    area = rw.area
    if snap.rw != norm_number(area.get("rw", "")) or not same_name(snap.kelurahan, area.get("kelurahan", "")):
        raise RwError(t("rw.rt_other_area", lang, path=snap.ref.path, rt=snap.ref.rt, its_rw=snap.rw or "-",
                        its_kelurahan=snap.kelurahan or "-", rw=area.get("rw", ""),
                        kelurahan=area.get("kelurahan", "")))
    known = rw.rt(snap.ref.rt)
    if known is not None and known.path != snap.ref.path:
        raise RwError(t("rw.rt_other_path", lang, rt=snap.ref.rt, path=snap.ref.path, known=known.path))


def _new_proposal(rw: RwFolder, p: RtProposal) -> RwProposal:
    [uid] = next_ids([q.usulan_id for q in rw.proposals], 1, prefix="U")
    state = p.state or "diusulkan"
    new = RwProposal(usulan_id=uid, sources=[p.source], state=state, answer=p.answer,
                     **{c: getattr(p, c) for c in COPIED})
    rw.proposals.append(new)
    return new


def _holder(rw: RwFolder, source: str) -> RwProposal | None:
    return next((q for q in rw.proposals if source in q.sources), None)


def take_in(rw: RwFolder, snap: RtSnapshot) -> Taken:
    """Bring one RT's proposals into ``rw`` (in memory): new, unchanged, or changed with its diff."""
    ref = snap.ref
    known = rw.rt(ref.rt)
    if known is None:
        rw.rts.append(ref)
        rw.rt_proposals += snap.proposals
        for p in snap.proposals:
            _new_proposal(rw, p)
        return Taken(ref.rt, ref.path, "new")
    if (known.proposals_sha256, known.plan_sha256) == (ref.proposals_sha256, ref.plan_sha256):
        return Taken(ref.rt, ref.path, "unchanged")
    old = {p.proposal_id: p for p in rw.rt_proposals if p.rt == ref.rt}
    new = {p.proposal_id: p for p in snap.proposals}
    changes: list[Change] = []
    for pid, p in new.items():
        before = old.get(pid)
        if before is None:
            made = _new_proposal(rw, p)
            changes.append(Change("added", ref.rt, pid, p.title, made.usulan_id))
            continue
        differ = tuple(c for c in COMPARED if getattr(before, c) != getattr(p, c))
        if not differ:
            continue
        holder = _holder(rw, p.source)
        merged = holder is not None and len(holder.sources) > 1
        if holder is not None and not merged:
            for c in COPIED:
                setattr(holder, c, getattr(p, c))
        changes.append(Change("changed", ref.rt, pid, p.title, holder.usulan_id if holder else "", differ, merged))
    for pid, p in old.items():
        if pid in new:
            continue
        holder = _holder(rw, p.source)
        uid = ""
        if holder is not None:
            uid = holder.usulan_id
            holder.sources.remove(p.source)
            if not holder.sources:
                rw.proposals.remove(holder)
        changes.append(Change("removed", ref.rt, pid, p.title, uid))
    rw.rt_proposals = [p for p in rw.rt_proposals if p.rt != ref.rt] + snap.proposals
    known.proposals_sha256, known.plan_sha256 = ref.proposals_sha256, ref.plan_sha256
    return Taken(ref.rt, ref.path, "changed", changes)


def add_rts(rw: RwFolder, paths: Sequence[str | os.PathLike[str]], lang: str | None = None) -> list[Taken]:
    """Read every RT plan of ``paths`` first (any refusal: nothing changes), then take each in."""
    say = normalize_lang(lang or rw.lang)
    snaps = []
    seen: dict[str, str] = {}
    for path in paths:
        snap = read_rt(path, say)
        check_area(rw, snap, say)
        if snap.ref.rt in seen and seen[snap.ref.rt] != snap.ref.path:
            raise RwError(t("rw.rt_other_path", say, rt=snap.ref.rt, path=snap.ref.path, known=seen[snap.ref.rt]))
        seen[snap.ref.rt] = snap.ref.path
        snaps.append(snap)
    return [take_in(rw, snap) for snap in snaps]


def refresh(rw: RwFolder, lang: str | None = None) -> list[Taken]:
    """Read every RT already taken in again (``rtplan rw status``) and bring in what changed."""
    return add_rts(rw, [r.path for r in rw.rts], lang)


def change_lines(taken: Sequence[Taken], lang: str) -> list[str]:
    """What :func:`add_rts` found, one line per RT and per change, in ``lang``."""
    out = []
    for item in taken:
        if item.status == "new":
            out.append(t("rw.taken_new", lang, rt=item.rt, path=item.path))
        elif item.status == "unchanged":
            out.append(t("rw.taken_unchanged", lang, rt=item.rt))
        else:
            out.append(t("rw.taken_changed", lang, rt=item.rt, n=len(item.changes)))
            if not item.changes:
                out.append("  " + t("rw.change_none", lang))
        for c in item.changes:
            if c.kind == "added":
                out.append("  + " + t("rw.change_added", lang, rt=c.rt, pid=c.proposal_id, title=c.title,
                                      uid=c.usulan_id))
            elif c.kind == "removed":
                out.append("  - " + t("rw.change_removed", lang, rt=c.rt, pid=c.proposal_id, title=c.title,
                                      uid=c.usulan_id or "-"))
            else:
                key = "rw.change_changed_merged" if c.merged else "rw.change_changed"
                out.append("  ~ " + t(key, lang, rt=c.rt, pid=c.proposal_id, title=c.title,
                                      uid=c.usulan_id or "-", fields=", ".join(c.fields)))
    return out


__all__ = ["COMPARED", "Change", "RtSnapshot", "Taken", "add_rts", "change_lines", "check_area", "read_rt",
           "refresh", "take_in"]
