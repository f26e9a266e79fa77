"""Gaps: prioritised needs with no accepted resource, and whom to ask about them.

For each need category :data:`PARTNERS` lists the kinds of partner to approach; the
institutions residents already know (``institutions.csv``) are named when their name
shows such a kind (:data:`PARTNER_WORDS`, :func:`institution_kind`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from rtplan.plan import Plan
from rtplan.resources.results import Gap, MatchResult
from rtplan.resources.scoring import cell_text
from rtplan.resources.stemming import phrase_in, words
from rtplan.tables import is_missing

PARTNERS: dict[str, tuple[str, ...]] = {
    "ekonomi": ("kelurahan", "dinas_koperasi", "csr", "baznas", "dinas_sosial", "perguruan_tinggi", "ngo"),
    "kesehatan": ("puskesmas", "kelurahan", "dinas_kesehatan", "pmi", "csr", "baznas"),
    "pendidikan": ("sekolah", "perguruan_tinggi", "dinas_pendidikan", "ngo", "csr", "baznas"),
    "lingkungan": ("kelurahan", "dinas_lingkungan", "bank_sampah", "ngo", "csr", "perguruan_tinggi"),
    "infrastruktur": ("kelurahan", "musrenbang", "dinas_pu", "csr"),
    "sosial-budaya": ("kelurahan", "dinas_pemuda", "tempat_ibadah", "baznas", "perguruan_tinggi", "ngo"),
    "keamanan": ("kelurahan", "bhabinkamtibmas", "bpbd", "pmi", "ngo"),
}
"""Kinds of partner to approach when a need of a category has no resource (labels:
:data:`rtplan.resources.labels.PARTNER_LABELS`), most usual first."""

PARTNER_WORDS: dict[str, tuple[str, ...]] = {
    "bank_sampah": ("bank sampah",),
    "puskesmas": ("puskesmas", "klinik", "posyandu"),
    "bpbd": ("bpbd", "penanggulangan bencana"),
    "pmi": ("pmi", "palang merah"),
    "baznas": ("baznas", "zakat", "laznas"),
    "dinas_kesehatan": ("dinas kesehatan", "dinkes"),
    "dinas_koperasi": ("dinas koperasi", "diskop"),
    "dinas_pendidikan": ("dinas pendidikan", "disdik"),
    "dinas_lingkungan": ("dinas lingkungan", "dlh"),
    "dinas_pu": ("dinas pekerjaan umum", "dpu", "pupr", "sumber daya air"),
    "dinas_pemuda": ("dispora", "kepemudaan", "kebudayaan"),
    "dinas_sosial": ("dinas sosial", "dinsos"),
    "bhabinkamtibmas": ("bhabinkamtibmas", "babinsa", "polsek", "koramil"),
    "perguruan_tinggi": ("universitas", "kampus", "institut", "politeknik", "kkn", "sekolah tinggi"),
    "sekolah": ("sekolah", "sd", "smp", "sma", "smk", "madrasah", "mts"),
    "tempat_ibadah": ("masjid", "musholla", "mushola", "gereja", "pura", "vihara", "klenteng", "dkm", "majelis"),
    "ngo": ("yayasan", "lsm", "ngo"),
    "csr": ("pt", "csr", "tbk", "persero"),
    "musrenbang": ("musrenbang",),
    "kelurahan": ("kelurahan", "desa"),
}
"""Words that mark an institution of the plan (institutions.csv) as a partner of that kind."""



def find_gaps(plan: Plan, result: MatchResult) -> list[Gap]:
    """Needs (in priority order, not ``selesai``) without an accepted resource, with partners."""
    needs = {str(r["need_id"]): r for _, r in plan["needs"].iterrows()}
    institutions = plan["institutions"]
    gaps = []
    for priority, need_id in enumerate(result.order, start=1):
        need = needs[need_id]
        if cell_text(need["status"]) == "selesai":
            continue
        ms = result.for_need(need_id)
        if any(m.confirmed for m in ms):
            continue
        open_n = sum(1 for m in ms if m.decision is None)
        status = "open" if open_n else ("rejected" if ms else "none")
        category = cell_text(need["category"])
        partners = PARTNERS.get(category, ("kelurahan",))
        gaps.append(Gap(need_id, cell_text(need["title"]), category, priority, status, open_n, partners,
                        known_institutions(institutions, partners)))
    return gaps


def institution_kind(name: str) -> str | None:
    """The partner kind of an institution, from its name (first match in :data:`PARTNER_WORDS`)."""
    name_words = words(name)
    for kind, marks in PARTNER_WORDS.items():
        if any(phrase_in(mark, name_words) for mark in marks):
            return kind
    return None


def known_institutions(institutions: pd.DataFrame, partners: Iterable[str]) -> tuple[str, ...]:
    """Names of the plan's institutions whose kind is one of ``partners``, closest first."""
    wanted = set(partners)
    found = []
    for pos, row in enumerate(institutions.itertuples(index=False)):
        if institution_kind(str(row.name)) in wanted:
            closeness = 0 if is_missing(row.closeness) else int(row.closeness)
            found.append((-closeness, pos, str(row.name)))
    return tuple(name for _, _, name in sorted(found))
