"""Phone cards for the RT's WhatsApp group: PNG images of 1080 x 1350 pixels.

Three kinds: the agreed priorities, next month's activities (day, date, time, place,
PIC) and the kas RT summary of a month. Large type (body text 40 px on a 1080 px
wide image is about 14 CSS px on a 390 px phone screen), so a card reads without
zooming. What does not fit goes on the next card, numbered ``1/3``, ``2/3`` ...

Privacy (UU PDP, the personal data protection law), as :mod:`rtplan.privacy` says for every
output: no phone numbers (digit runs that look like one are hidden,
:func:`rtplan.kas.mask_private`); the pengurus and the people in charge of an activity
are named (residents need someone to ask), other residents' names inside texts are
masked (``S*** W********``), and nobody who declined consent is named.

Drawn with Pillow and the DejaVu fonts that matplotlib ships, with no time stamp or
other metadata in the PNG: the same plan gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.plan import Plan
from rtplan.tables import is_missing

if TYPE_CHECKING:  # pragma: no cover
    from PIL.Image import Image as PngImage
    from PIL.ImageFont import FreeTypeFont

    from rtplan.schedule import Session

WIDTH, HEIGHT = 1080, 1350
MARGIN = 64
HEADER_H = 250
FOOTER_H = 90
SIZES = {"title": 56, "subtitle": 38, "head": 46, "line": 40, "footer": 30, "page": 40}
INK, MUTED, BAND, BAND_TEXT, RULE = "#111111", "#444444", "#0b5563", "#ffffff", "#c9d3d6"
WHAT = ("priorities", "schedule", "kas")
PENGURUS_GROUP = "pengurus rt"


@dataclass
class Item:
    """One block of a card: a bold first line and smaller lines under it."""

    head: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Card:
    """One image: its kind, title, subtitle, items, and its number among its kind's cards."""

    kind: str
    title: str
    subtitle: str
    items: list[Item]
    page: int = 1
    pages: int = 1
    footer: str = ""


# -- fonts and text --------------------------------------------------------------------------
def _font_path(bold: bool) -> str:
    import matplotlib as mpl

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return str(Path(mpl.get_data_path()) / "fonts" / "ttf" / name)


_FONTS: dict[tuple[int, bool], FreeTypeFont] = {}


def font(size: int, bold: bool = False) -> FreeTypeFont:
    from PIL import ImageFont

    key = (size, bold)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(_font_path(bold), size)
    return _FONTS[key]


def wrap(text: str, fnt: FreeTypeFont, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` pixels (long words are cut)."""
    lines: list[str] = []
    for para in str(text).split("\n"):
        words = [x for x in para.split(" ") if x]  # a no-break space keeps "Rp 150.000" whole
        line = ""
        for whole in words:
            word = whole
            while fnt.getlength(word) > width:  # a word wider than the card: cut it
                cut = len(word)
                while cut > 1 and fnt.getlength(word[:cut]) > width:
                    cut -= 1
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:cut])
                word = word[cut:]
            candidate = f"{line} {word}".strip()
            if fnt.getlength(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return [ln for ln in lines if ln] or [""]


def _line_h(size: int) -> int:
    return int(size * 1.28)


TEXT_W = WIDTH - 2 * MARGIN
ITEM_GAP = 20


def item_height(item: Item) -> int:
    h = len(wrap(item.head, font(SIZES["head"], True), TEXT_W)) * _line_h(SIZES["head"])
    for line in item.lines:
        h += len(wrap(line, font(SIZES["line"]), TEXT_W - 24)) * _line_h(SIZES["line"])
    return h + ITEM_GAP


BODY_H = HEIGHT - HEADER_H - FOOTER_H - 40
KEEP_TOGETHER = 3
"""An item of at most this many lines is never split over two cards."""


def paginate(kind: str, title: str, subtitle: str, items: list[Item], footer: str,
             empty: str) -> list[Card]:
    """Split ``items`` over as many cards as needed, numbered ``page``/``pages``."""
    pages: list[list[Item]] = [[]]
    used = 0
    for given in items or [Item(empty)]:
        item = given
        h = item_height(item)
        while h > BODY_H and item.lines:  # one item taller than a card: shorten it
            item = Item(item.head, item.lines[:-1])
            h = item_height(item)
        if pages[-1] and used + h > BODY_H:
            # a long item fills the rest of this card and continues on the next; a short
            # one (an activity: its date and its place) moves whole, so it reads in one piece
            k = len(item.lines) - 1
            while k > 0 and used + item_height(Item(item.head, item.lines[:k])) > BODY_H:
                k -= 1
            if k > 0 and len(item.lines) > KEEP_TOGETHER:
                pages[-1].append(Item(item.head, item.lines[:k]))
                item = Item(f"{item.head} …", item.lines[k:])
                h = item_height(item)
            pages.append([])
            used = 0
        pages[-1].append(item)
        used += h
    return [Card(kind, title, subtitle, chunk, i + 1, len(pages), footer) for i, chunk in enumerate(pages)]


# -- privacy ---------------------------------------------------------------------------------
def _text(value: object) -> str:
    return "" if is_missing(value) else str(value).strip()


class Privacy:
    """Who may be named on a card, and how the others are shown: the privacy rule (:mod:`rtplan.privacy`)."""

    def __init__(self, plan: Plan) -> None:
        from rtplan.privacy import People

        self.people = People.of(plan)
        self._text = self.people.masker("shared")

    def person(self, name: object) -> str:
        """A PIC as shown: named (pengurus and PICs are the people to ask), unless they declined consent."""
        from rtplan.kas import mask_private

        return mask_private(self.people.person(name, "ask"))

    def text(self, value: object) -> str:
        """A free text with phone numbers hidden and residents' names masked (a card is shared beyond the meeting)."""
        from rtplan.kas import mask_private

        return mask_private(self._text(_text(value)))


# -- the three kinds -------------------------------------------------------------------------
def parse_month(value: str | None, lang: str) -> dt.date | None:
    """``"2026-12"`` -> 2026-12-01; ``None`` stays ``None``; anything else is refused clearly."""
    if value is None or str(value).strip() == "":
        return None
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(value))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise RtplanError(t("paper.bad_month", lang, value=value))
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


def _month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def next_month(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)


def _area(plan: Plan) -> dict[str, str]:
    return {"rt": plan.area.get("rt", ""), "rw": plan.area.get("rw", "")}


def _footer(plan: Plan, lang: str, per: dt.date | None) -> str:
    """The plan's title and the date the card speaks for ("Keadaan per 8 Desember 2026")."""
    from rtplan.fmt import format_date

    day = per or dt.date.today()
    return f"{plan.title} · {t('doc.as_of', lang)} {format_date(day, lang, 'long')}"


def priorities_cards(plan: Plan, lang: str, top: int | None = None, per: dt.date | None = None) -> list[Card]:
    """The agreed priorities: the stored order when there is one, else the combined ranking."""
    from rtplan.needs import final_order

    final = final_order(plan, lang)
    table = final.table[final.table["stored"]] if final.source == "stored" else final.table
    if top:
        table = table.head(int(top))
    privacy = Privacy(plan)
    cat_label = t("paper.map.category", lang)
    items = [Item(f"{int(r.rank)}. {privacy.text(r.title)}", [f"{cat_label}: {_text(r.category)}"])
             for r in table.itertuples(index=False)]
    return paginate("priorities", t("paper.card.priorities", lang, **_area(plan)),
                    t("paper.card.priorities_sub", lang, **_area(plan)), items, _footer(plan, lang, per),
                    t("paper.card.none_priorities", lang))


def _date_text(sessions: list[Session], lang: str) -> str:
    """``Sabtu 2, 9, 16 Januari`` / ``Minggu 3, Sabtu 9 Januari``: short enough for a phone."""
    from rtplan.fmt import day_names, month_names

    days, months = day_names(lang), month_names(lang)
    parts: list[tuple[str, list[str]]] = []
    for s in sessions:
        name = days[s.date.weekday()]
        if parts and parts[-1][0] == name:
            parts[-1][1].append(str(s.date.day))
        else:
            parts.append((name, [str(s.date.day)]))
    if len({p[0] for p in parts}) == 1:  # one weekday: say it once
        parts = [(parts[0][0], [d for p in parts for d in p[1]])]
    return ", ".join(f"{name} {', '.join(ds)}" for name, ds in parts) + f" {months[sessions[0].date.month - 1]}"


def schedule_cards(plan: Plan, lang: str, month: dt.date, per: dt.date | None = None) -> list[Card]:
    """Activities with sessions in ``month``: days and dates, time, place, PIC; one block per activity."""
    from rtplan.fmt import format_month
    from rtplan.schedule import session_records

    first, last = month, _month_end(month)
    sessions = [s for s in session_records(plan["activities"], plan.period) if first <= s.date <= last]
    titles = {_text(a): _text(b) for a, b in zip(plan["activities"]["activity_id"], plan["activities"]["title"])}
    privacy = Privacy(plan)
    by_activity: dict[str, list[Session]] = {}
    for s in sorted(sessions, key=lambda s: (s.date, s.start, s.activity_id)):
        by_activity.setdefault(s.activity_id, []).append(s)
    items = []
    pic_word, place_word = t("paper.card.pic", lang), t("handout.place", lang)
    for aid, group in by_activity.items():
        dates = _date_text(group, lang)
        s0 = group[0]
        time = f"{s0.start_time}–{s0.end_time}" if s0.start_time and s0.end_time else s0.start_time
        lines = [dates + (f" · {time}" if time else "")]
        where_who = [f"{place_word}: {privacy.text(s0.venue)}" if s0.venue else "",
                     (f"{pic_word}:\u00a0" + privacy.person(s0.pic).replace(" ", "\u00a0")) if s0.pic else ""]
        if any(where_who):
            lines.append(" · ".join(x for x in where_who if x))
        items.append(Item(privacy.text(titles.get(aid, aid)), lines))
    name = format_month(month, lang)
    return paginate("schedule", t("paper.card.schedule", lang, month=name),
                    t("paper.card.schedule_sub", lang, **_area(plan)), items, _footer(plan, lang, per),
                    t("paper.card.none_schedule", lang))


def kas_cards(plan: Plan, lang: str, month: dt.date) -> list[Card]:
    """The kas RT of one month: opening balance, income and expenses by line, closing balance."""
    from rtplan.fmt import format_idr as idr
    from rtplan.fmt import format_month
    from rtplan.kas import kas_summary

    summary = kas_summary(plan, month, _month_end(month), lang)

    def format_idr(value: int, lang: str) -> str:
        return idr(value, lang).replace(" ", "\u00a0")
    privacy = Privacy(plan)
    # the four figures of the form come first, so the first card always holds the whole summary
    items = [Item(f"{t('paper.card.closing', lang)}: {format_idr(summary.closing_balance_idr, lang)}", [
        f"{t('paper.card.opening', lang)}: {format_idr(summary.opening_balance_idr, lang)}",
        f"{t('paper.card.income', lang)}: {format_idr(summary.income_idr, lang)}",
        f"{t('paper.card.expense', lang)}: {format_idr(summary.expense_idr, lang)}"])]
    for section, key, total in (("income", "paper.card.income", summary.income_idr),
                                ("expense", "paper.card.expense", summary.expense_idr)):
        lines = [f"{privacy.text(r.kegiatan)}: {format_idr(int(r.jumlah_idr), lang)}"
                 for r in summary.section(section).itertuples(index=False)]
        if lines:
            items.append(Item(f"{t(key, lang)}: {format_idr(total, lang)}", lines))
    return paginate("kas", t("paper.card.kas", lang, month=format_month(month, lang)),
                    t("paper.card.kas_sub", lang, **_area(plan)), items,
                    _footer(plan, lang, _month_end(month)),  # the closing balance is the month's last day's
                    t("paper.card.none_kas", lang))


def _month_before(day: dt.date) -> dt.date:
    return dt.date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def build_cards(plan: Plan, what: str = "all", month: dt.date | None = None, kas_month: dt.date | None = None,
                lang: str | None = None, top: int | None = None, today: dt.date | None = None) -> list[Card]:
    """Every card asked for, in the order priorities, schedule, kas.

    Defaults: the schedule of next month; the kas of the last finished month (the month
    before the schedule's, never one still running on ``today``). Every card says the date
    it speaks for: ``today``, or the kas month's last day."""
    lang = normalize_lang(lang or plan.lang)
    kinds = WHAT if what == "all" else (what,)
    today = today or dt.date.today()
    month = month or next_month(today)
    kas_month = kas_month or min(_month_before(month), _month_before(today))
    makers: dict[str, Callable[[], list[Card]]] = {
        "priorities": lambda: priorities_cards(plan, lang, top, per=today),
        "schedule": lambda: schedule_cards(plan, lang, month, per=today),
        "kas": lambda: kas_cards(plan, lang, kas_month),
    }
    return [card for kind in kinds for card in makers[kind]()]


# -- drawing ---------------------------------------------------------------------------------
def render_card(card: Card) -> PngImage:
    """The card as a 1080 x 1350 RGB :class:`PIL.Image.Image`."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (WIDTH, HEIGHT), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, WIDTH, HEADER_H], fill=BAND)
    page_text = f"{card.page}/{card.pages}"
    page_w = int(font(SIZES["page"], True).getlength(page_text)) if card.pages > 1 else 0
    title_lines = wrap(card.title, font(SIZES["title"], True), TEXT_W - page_w - 24)[:2]
    y = 36 if len(title_lines) > 1 else 60
    for line in title_lines:
        d.text((MARGIN, y), line, font=font(SIZES["title"], True), fill=BAND_TEXT)
        y += _line_h(SIZES["title"])
    d.text((MARGIN, HEADER_H - 18 - SIZES["subtitle"]), wrap(card.subtitle, font(SIZES["subtitle"]), TEXT_W)[0],
           font=font(SIZES["subtitle"]), fill=BAND_TEXT)
    if card.pages > 1:
        d.text((WIDTH - MARGIN - page_w, 64), page_text, font=font(SIZES["page"], True), fill=BAND_TEXT)
    y = HEADER_H + 40
    for i, item in enumerate(card.items):
        if i:
            d.line([MARGIN, y - ITEM_GAP // 2, WIDTH - MARGIN, y - ITEM_GAP // 2], fill=RULE, width=2)
        for line in wrap(item.head, font(SIZES["head"], True), TEXT_W):
            d.text((MARGIN, y), line, font=font(SIZES["head"], True), fill=INK)
            y += _line_h(SIZES["head"])
        for text in item.lines:
            for line in wrap(text, font(SIZES["line"]), TEXT_W - 24):
                d.text((MARGIN + 24, y), line, font=font(SIZES["line"]), fill=MUTED)
                y += _line_h(SIZES["line"])
        y += ITEM_GAP
    d.line([MARGIN, HEIGHT - FOOTER_H, WIDTH - MARGIN, HEIGHT - FOOTER_H], fill=RULE, width=2)
    foot = font(SIZES["footer"])
    room = TEXT_W - (int(foot.getlength(page_text)) + 24 if card.pages > 1 else 0)
    footer = card.footer
    while footer and foot.getlength(footer) > room:  # shorten the plan title, never the page number
        footer = footer[:-2].rstrip() + "…"
    d.text((MARGIN, HEIGHT - FOOTER_H + 22), footer, font=foot, fill=MUTED)
    if card.pages > 1:
        d.text((WIDTH - MARGIN - int(foot.getlength(page_text)), HEIGHT - FOOTER_H + 22), page_text,
               font=foot, fill=MUTED)
    return img


FILE_STEMS = {"priorities": "prioritas", "schedule": "jadwal", "kas": "kas"}


def card_png(card: Card) -> bytes:
    """The card's PNG bytes (no metadata: deterministic)."""
    import io

    buf = io.BytesIO()
    render_card(card).save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def write_cards(plan: Plan, folder: str | os.PathLike[str], what: str = "all", month: dt.date | None = None,
                kas_month: dt.date | None = None, lang: str | None = None, top: int | None = None) -> list[Path]:
    """Write the cards as ``kartu-<kind>-<n>.png`` into ``folder`` (never the plan folder)."""
    from rtplan.export.paths import check_document_output
    from rtplan.storage import atomic_write

    lang = normalize_lang(lang or plan.lang)
    out = check_document_output(plan.path, folder, lang, folder=True)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-en" if lang == "en" else ""
    paths = []
    for card in build_cards(plan, what, month, kas_month, lang, top):
        number = f"{card.page:0{len(str(card.pages))}d}"  # 01..14 sort in order
        path = out / f"kartu-{FILE_STEMS[card.kind]}-{number}{suffix}.png"
        atomic_write(path, card_png(card))
        paths.append(path)
    return paths
