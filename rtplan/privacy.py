"""Who may appear in a document, where, and masked or not: the privacy rule, declared once.

Every output (the handouts, berita acara, daftar hadir, kas and progress reports, phone
cards, worksheets, room slips, the Musrenbang list, the ``.ics`` calendar, the
workshop's projector panels) asks :class:`People` who a name belongs to and prints it
the way :data:`RULE` says. ``docs/privacy.md`` is this table in words (a test keeps
them the same).

Four kinds of person:

* ``named``: the pengurus (``plan.toml`` ``[people]``, participants whose unsur is
  ``pengurus RT``), the people in charge of an activity or a decision (``pic``) and the
  meeting's chair and minute taker: residents ask them, and they sign; named
  wherever they appear, also with ``--mask-names``;
* ``resident``: every other registered participant: listed by name only where they
  sign (the daftar hadir); inside other text (a place "Rumah Bapak ...") masked with
  ``--mask-names`` and on everything shared beyond the meeting (cards, calendar);
* ``declined``: a participant who answered "Tidak bersedia" to consent: printed
  nowhere, whatever their role; the daftar hadir gives them a blank numbered line;
* codes (voting codes, participant codes) are never shown next to a name on the
  projector.

Pure functions on a :class:`~rtplan.plan.Plan`: no printing here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rtplan.plan import Plan
from rtplan.schema import split_list
from rtplan.tables import is_missing

PENGURUS_GROUP = "pengurus rt"
HONORIFICS = ("Bapak", "Ibu", "Pak", "Bu", "Mas", "Mbak", "Kak", "Bang", "Dik", "Mbah", "Eyang", "Haji", "Hj.", "H.")

# who, where, how: one row per kind of person; the columns are the places a name can be printed.
#   "name": printed as it is; "mask": S*** W******** ; "blank": a numbered blank line; "-": never there.
PLACES = ("ask", "sign", "attendance", "text", "text_masked", "shared", "projector")
PLACE_WORDS = {
    "ask": "PIC / contact lines (handout, cards, .ics, reports, Musrenbang list)",
    "sign": "signature blocks (berita acara, kas and progress reports)",
    "attendance": "the daftar hadir (handout, worksheets)",
    "text": "inside free text of meeting papers (handout, reports, worksheets)",
    "text_masked": "inside free text with --mask-names",
    "shared": "inside free text of what is shared beyond the meeting (cards, .ics)",
    "projector": "the workshop's projector panels next to a voting code",
}
RULE: dict[str, dict[str, str]] = {
    "named": {"ask": "name", "sign": "name", "attendance": "name", "text": "name", "text_masked": "name",
              "shared": "name", "projector": "-"},
    "resident": {"ask": "mask", "sign": "-", "attendance": "name", "text": "name", "text_masked": "mask",
                 "shared": "mask", "projector": "-"},
    "declined": {"ask": "mask", "sign": "-", "attendance": "blank", "text": "mask", "text_masked": "mask",
                 "shared": "mask", "projector": "-"},
}
KIND_WORDS = {
    "named": "pengurus ([people], unsur pengurus RT), PICs of activities and decisions, meeting chair and "
             "minute taker",
    "resident": "every other registered participant",
    "declined": 'a participant who answered "Tidak bersedia" (consent = false): wins over any other role',
}


def mask_name(name: object) -> str:
    """``Sari Wulandari`` -> ``S*** W********``: the first letter of each word kept."""
    if is_missing(name):
        return ""
    return " ".join(w[0] + "*" * (len(w) - 1) if len(w) > 1 else w for w in str(name).split())


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


def _items(value: object) -> list[str]:
    return [p.strip() for item in split_list(value) for p in re.split(r"\s*,\s*", item) if p.strip()]


@dataclass(frozen=True)
class People:
    """The plan's people sorted by :data:`RULE`: ``named``, ``resident`` and ``declined`` names."""

    named: frozenset[str]
    residents: frozenset[str]
    declined: frozenset[str]
    declined_ids: frozenset[str]
    groups: dict[str, str]

    @classmethod
    def of(cls, plan: Plan) -> People:
        parts = plan["participants"]
        names: dict[str, str] = {}
        groups: dict[str, str] = {}
        declined: set[str] = set()
        declined_ids: set[str] = set()
        named: set[str] = {v.strip() for v in plan.people.values() if v and v.strip()}
        for pid, raw, group, consent in zip(parts["participant_id"], parts["name"], parts["group"],
                                            parts["consent"]):
            name = _text(raw)
            if not is_missing(consent) and consent is not True and not bool(consent):
                declined_ids.add(_text(pid))
                if name:
                    declined.add(name)
            if not name:
                continue
            names[_text(pid)] = name
            groups[name] = _text(group)
            if _text(group).lower() == PENGURUS_GROUP:
                named.add(name)
        texts: list[str] = []
        for table, cols in (("activities", ("pic",)), ("decisions", ("pic",)), ("meetings", ("chair", "minute_taker"))):
            frame = plan[table]
            for col in cols:
                if col in frame.columns:
                    texts += [_text(v) for v in frame[col] if _text(v)]
        for text in texts:
            named.update(_items(text))
            named.update(n for n in names.values() if n in text)  # "Ketua RT (Budi Santoso)"
        named -= declined
        residents = frozenset(n for n in names.values() if n not in named and n not in declined)
        return cls(frozenset(named), residents, frozenset(declined), frozenset(declined_ids), groups)

    def kind(self, name: object) -> str:
        """``named``, ``resident`` or ``declined``; a name not in the plan counts as ``named`` (not a resident's)."""
        text = _text(name)
        if text in self.declined:
            return "declined"
        if text in self.residents:
            return "resident"
        return "named"

    def hidden(self, place: str) -> frozenset[str]:
        """The names masked in ``place`` (a key of :data:`PLACES`)."""
        out = set(self.declined) if RULE["declined"][place] != "name" else set()
        if RULE["resident"][place] != "name":
            out |= self.residents
        return frozenset(out)

    def masker(self, place: str) -> Callable[[object], str]:
        """A function that masks, inside a text, the names :data:`RULE` hides in ``place``.

        Full names are masked (``Sari Wulandari`` -> ``S*** W********``), and so is a first
        name after a form of address (``Bu Sari`` -> ``Bu S***``), unless that first name is
        also the first name of someone named."""
        names = sorted(self.hidden(place), key=len, reverse=True)
        kept_firsts = {n.split()[0] for n in self.named if n.split()}
        firsts = sorted({n.split()[0] for n in names if n.split()} - kept_firsts, key=len, reverse=True)
        honorific = "|".join(re.escape(h) for h in HONORIFICS)
        first_re = (re.compile(rf"\b({honorific})\s+({'|'.join(re.escape(f) for f in firsts)})\b")
                    if firsts else None)

        def apply(text: object) -> str:
            if is_missing(text):
                return ""
            out = str(text)
            for name in names:
                out = out.replace(name, mask_name(name))
            if first_re is not None:
                out = first_re.sub(lambda m: f"{m.group(1)} {mask_name(m.group(2))}", out)
            return out

        return apply

    def person(self, value: object, place: str = "ask") -> str:
        """A PIC cell as printed in ``place``: each person by name or masked, as :data:`RULE` says."""
        shown = []
        for one in _items(value) or ([_text(value)] if _text(value) else []):
            how = RULE[self.kind(one)][place]
            shown.append(one if how == "name" else mask_name(one))
        return self.masker(place)(", ".join(dict.fromkeys(shown)))


def text_place(mask_names: bool) -> str:
    """The place of a meeting paper's free text: ``text``, or ``text_masked`` with ``--mask-names``."""
    return "text_masked" if mask_names else "text"


def rule_markdown() -> str:
    """:data:`RULE` as the Markdown table of ``docs/privacy.md``."""
    words = {"name": "by name", "mask": "masked", "blank": "blank line", "-": "never"}
    head = "| who | " + " | ".join(PLACE_WORDS[p] for p in PLACES) + " |"
    lines = [head, "|" + "---|" * (len(PLACES) + 1)]
    for kind, row in RULE.items():
        lines.append(f"| **{kind}**: {KIND_WORDS[kind]} | " + " | ".join(words[row[p]] for p in PLACES) + " |")
    return "\n".join(lines) + "\n"
