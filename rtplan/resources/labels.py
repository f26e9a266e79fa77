"""The message keys of step 2's categories, groups and states, written out literally.

A key built at run time (``t(f"res.abcd.{c}")``) cannot be found by an extraction
tool; these dicts map each value to its literal key instead, and every reader looks
the key up here (``t(ABCD_LABELS[c], lang)``).
"""

from __future__ import annotations

ABCD_LABELS: dict[str, str] = {
    "individu": "res.abcd.individu",
    "asosiasi": "res.abcd.asosiasi",
    "institusi": "res.abcd.institusi",
    "fisik": "res.abcd.fisik",
    "ekonomi": "res.abcd.ekonomi",
    "budaya": "res.abcd.budaya",
    "alam": "res.abcd.alam",
}
"""ABCD category -> its label key."""

HINTS: dict[str, str] = {
    "individu": "res.hint.individu",
    "asosiasi": "res.hint.asosiasi",
    "institusi": "res.hint.institusi",
    "fisik": "res.hint.fisik",
    "ekonomi": "res.hint.ekonomi",
    "budaya": "res.hint.budaya",
    "alam": "res.hint.alam",
}
"""ABCD category -> the key of what to fill in for it (``res.hint.none`` for none)."""

REMBUG_LABELS: dict[str, str] = {
    "infrastruktur": "res.rembug.infrastruktur",
    "sosial": "res.rembug.sosial",
    "budaya": "res.rembug.budaya",
    "ekonomi": "res.rembug.ekonomi",
}
"""Rembug Warga group -> its label key."""

FIELD_LABELS: dict[str, str] = {
    "ekonomi": "res.field.ekonomi",
    "kesehatan": "res.field.kesehatan",
    "pendidikan": "res.field.pendidikan",
    "lingkungan": "res.field.lingkungan",
    "infrastruktur": "res.field.infrastruktur",
    "sosial-budaya": "res.field.sosial-budaya",
    "keamanan": "res.field.keamanan",
}
"""Need category (field) -> its label key."""

PART_LABELS: dict[str, str] = {
    "skill": "res.part.skill",
    "field": "res.part.field",
    "time": "res.part.time",
    "cost": "res.part.cost",
}
"""Score part -> its label key."""

DECISION_LABELS: dict[str | None, str] = {
    "diterima": "res.decision.diterima",
    "ditolak": "res.decision.ditolak",
    None: "res.decision.none",
}
"""A match's decision (``None``: a suggestion) -> its label key."""

GAP_LABELS: dict[str, str] = {
    "none": "res.gap.none",
    "open": "res.gap.open",
    "rejected": "res.gap.rejected",
}
"""A gap's status -> its label key (``res.gap.open`` takes ``n``)."""

PARTNER_LABELS: dict[str, str] = {
    "kelurahan": "res.partner.kelurahan",
    "musrenbang": "res.partner.musrenbang",
    "puskesmas": "res.partner.puskesmas",
    "dinas_kesehatan": "res.partner.dinas_kesehatan",
    "dinas_koperasi": "res.partner.dinas_koperasi",
    "dinas_pendidikan": "res.partner.dinas_pendidikan",
    "dinas_lingkungan": "res.partner.dinas_lingkungan",
    "dinas_pu": "res.partner.dinas_pu",
    "dinas_sosial": "res.partner.dinas_sosial",
    "dinas_pemuda": "res.partner.dinas_pemuda",
    "bpbd": "res.partner.bpbd",
    "bhabinkamtibmas": "res.partner.bhabinkamtibmas",
    "sekolah": "res.partner.sekolah",
    "perguruan_tinggi": "res.partner.perguruan_tinggi",
    "ngo": "res.partner.ngo",
    "csr": "res.partner.csr",
    "baznas": "res.partner.baznas",
    "bank_sampah": "res.partner.bank_sampah",
    "tempat_ibadah": "res.partner.tempat_ibadah",
    "pmi": "res.partner.pmi",
}
"""Partner kind (:data:`rtplan.resources.gaps.PARTNERS`) -> its label key."""
