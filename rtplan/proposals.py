"""Proposals to the Musrenbang: which needs the RT cannot fund itself, and new proposal rows.

A *candidate* is a need in the final priority order (:func:`rtplan.needs.priority_order`)
that is not done (``ditangani``/``selesai``), has no accepted resource match, is answered
by no activity paid locally (:data:`LOCAL_FUNDING`: kas RT, swadaya warga, CSR, hibah;
``batal`` activities do not count) and is not already in ``proposals.csv``. The room
decides which candidates to send; :func:`add_proposals` turns its choice into rows
recorded as decided at that meeting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from rtplan.plan import Plan
from rtplan.schema import PROPOSAL_BIDANG, TABLES, join_list, split_list
from rtplan.tables import is_missing

LOCAL_FUNDING = ("kas RT", "swadaya warga", "CSR", "hibah")
DONE_STATUSES = ("ditangani", "selesai")
# need category -> suggested bidang (an id of PROPOSAL_BIDANG)
BIDANG_OF_CATEGORY = {
    "infrastruktur": "infrastruktur",
    "lingkungan": "infrastruktur",
    "kesehatan": "kesehatan",
    "pendidikan": "pendidikan-kebudayaan",
    "ekonomi": "umkm",
    "keamanan": "ketenteraman-ketertiban",
    "sosial-budaya": "kelembagaan-masyarakat",
}
# catalogue keys of the bidang, levels and states (labels people read)
BIDANG_KEYS = {
    "kesehatan": "bidang.kesehatan",
    "pendidikan-kebudayaan": "bidang.pendidikan-kebudayaan",
    "umkm": "bidang.umkm",
    "kelembagaan-masyarakat": "bidang.kelembagaan-masyarakat",
    "ketenteraman-ketertiban": "bidang.ketenteraman-ketertiban",
    "kesiapsiagaan-bencana": "bidang.kesiapsiagaan-bencana",
    "infrastruktur": "bidang.infrastruktur",
}
LEVEL_KEYS = {
    "rw": "proposal.level.rw",
    "kelurahan": "proposal.level.kelurahan",
    "kecamatan": "proposal.level.kecamatan",
    "kota": "proposal.level.kota",
}
STATE_KEYS = {
    "diusulkan": "proposal.state.diusulkan",
    "diterima-rw": "proposal.state.diterima-rw",
    "diterima-kelurahan": "proposal.state.diterima-kelurahan",
    "ditolak": "proposal.state.ditolak",
    "dianggarkan": "proposal.state.dianggarkan",
    "dilaksanakan": "proposal.state.dilaksanakan",
}
# the states of a proposal that count as accepted ("2 dari 5 diterima")
ACCEPTED_STATES = ("diterima-rw", "diterima-kelurahan", "dianggarkan", "dilaksanakan")
CANDIDATE_COLUMNS = ("need_id", "rank", "title", "location", "bidang")


def locally_funded_needs(plan: Plan) -> set[str]:
    """Needs answered by an activity (not ``batal``) paid from :data:`LOCAL_FUNDING`."""
    acts = plan["activities"]
    funded: set[str] = set()
    for a in acts.itertuples(index=False):
        if str(a.status) == "batal" or is_missing(a.funding_source):
            continue
        if str(a.funding_source) in LOCAL_FUNDING:
            funded.update(split_list(a.need_ids))
    return funded


def matched_needs(plan: Plan) -> set[str]:
    """Needs with at least one accepted resource match."""
    m = plan["matches"]
    return {str(n) for n, d in zip(m["need_id"], m["decision"]) if str(d) == "diterima"}


def candidates(plan: Plan) -> pd.DataFrame:
    """The needs to propose upward, in priority order (:data:`CANDIDATE_COLUMNS`; ``rank`` 1-based
    in the full priority order; ``bidang`` suggested from the need's category)."""
    from rtplan.needs import priority_order

    needs = plan["needs"].set_index("need_id")
    excluded = locally_funded_needs(plan) | matched_needs(plan)
    for ids in plan["proposals"]["need_ids"]:
        excluded.update(split_list(ids))
    rows = []
    for rank, need_id in enumerate(priority_order(plan), start=1):
        if need_id in excluded or need_id not in needs.index:
            continue
        need = needs.loc[need_id]
        if str(need["status"]) in DONE_STATUSES:
            continue
        rows.append({"need_id": need_id, "rank": rank, "title": str(need["title"]),
                     "location": "" if is_missing(need["location"]) else str(need["location"]),
                     "bidang": BIDANG_OF_CATEGORY.get(str(need["category"]), "")})
    return pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS))


def next_ids(existing: Sequence[str], count: int, prefix: str = "P") -> list[str]:
    """``count`` new ids ``P01``, ``P02``... after the highest numbered existing one."""
    numbers = [int(s[len(prefix):]) for s in existing if s.startswith(prefix) and s[len(prefix):].isdigit()]
    start = max(numbers, default=0) + 1
    return [f"{prefix}{n:02d}" for n in range(start, start + count)]


def add_proposals(plan: Plan, picks: Sequence[Mapping[str, object]], meeting_id: str,
                  level: str = "kelurahan") -> pd.DataFrame:
    """``proposals.csv`` with one new row per pick, decided at ``meeting_id``, state ``diusulkan``.

    A pick has ``need_ids`` (a list or ``a;b``) and ``title``, and may have ``location``,
    ``volume``, ``unit``, ``cost_idr``, ``bidang``, ``swadaya``. Rows are appended in the
    order given, which is the decided priority order. The result is not saved: the caller
    saves it through storage (validated, all or nothing).
    """
    table = TABLES["proposals"]
    current = plan["proposals"]
    ids = next_ids([str(s) for s in current["proposal_id"]], len(picks))
    rows = []
    for pid, pick in zip(ids, picks):
        need_ids = pick.get("need_ids", "")
        row: dict[str, object] = dict.fromkeys(table.column_names, pd.NA)
        row.update({
            "proposal_id": pid,
            "title": str(pick.get("title", "")).strip(),
            "need_ids": join_list(need_ids),  # type: ignore[arg-type]
            "decided_in": meeting_id,
            "level": level,
            "state": "diusulkan",
        })
        for key in ("location", "unit", "bidang", "swadaya"):
            value = pick.get(key)
            if value not in (None, ""):
                row[key] = str(value).strip()
        for key in ("volume", "cost_idr"):
            value = pick.get(key)
            if value not in (None, ""):
                row[key] = int(value)  # type: ignore[call-overload]
        rows.append(row)
    new = pd.DataFrame(rows, columns=table.column_names).astype(
        {c.name: c.dtype for c in table.columns})
    return pd.concat([current, new], ignore_index=True) if len(current) else new


__all__ = [
    "ACCEPTED_STATES",
    "BIDANG_KEYS",
    "BIDANG_OF_CATEGORY",
    "LEVEL_KEYS",
    "LOCAL_FUNDING",
    "PROPOSAL_BIDANG",
    "STATE_KEYS",
    "add_proposals",
    "candidates",
    "locally_funded_needs",
    "matched_needs",
    "next_ids",
]
