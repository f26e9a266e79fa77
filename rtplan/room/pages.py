"""The voting room's pages: the phone page, the projector page and its live part (HTML through
rtplan's one renderer). The server (:mod:`rtplan.room.server`) answers requests with them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from rtplan.messages import t
from rtplan.room.rounds import Round, Tally

LIVE_ROWS = 8
"""The projector shows the best needs of a result, at most this many (the rest are counted)."""
KIND_KEYS = {"dots": "room.kind.dots", "usg": "room.kind.usg", "pairwise": "room.kind.pairwise"}


def qr_data_url(text: str) -> str:
    """``text`` as a QR code, an SVG ``data:`` URL (segno, no network)."""
    import segno

    return str(segno.make(text, error="m").svg_data_uri(scale=8, border=2, dark="#000", light="#fff"))


# -- pages ------------------------------------------------------------------------------------
def _words(lang: str) -> dict[str, str]:
    return {
        "title": t("room.phone.title", lang), "code_label": t("room.phone.code_label", lang),
        "code_hint": t("room.phone.code_hint", lang), "join": t("room.phone.join", lang),
        "wait": t("room.phone.wait", lang), "reload": t("room.phone.reload", lang),
        "send": t("room.phone.send", lang), "thanks": t("room.phone.thanks", lang),
        "thanks_more": t("room.phone.thanks_more", lang), "again": t("room.phone.again", lang),
        "secret": t("room.phone.secret", lang), "other_lang": t("room.phone.other_lang", lang),
        "tie": t("room.phone.tie", lang),
        "dots_used": t("room.phone.dots_used", lang, used="{used}", k="{k}"), "choose": t("room.phone.choose", lang),
        "problems": t("room.phone.problems", lang), "crit_u": t("room.crit.u", lang),
        "crit_s": t("room.crit.s", lang), "crit_g": t("room.crit.g", lang),
        "key_label": t("room.phone.key_label", lang),
    }


def phone_page(lang: str, mode: str, rnd: Round | None = None, code: str = "", errors: list[str] | None = None,
               values: Mapping[str, str] | None = None, key: str = "") -> str:
    """The phone page: ``join`` (type the code), ``wait`` (no round open), ``ballot`` or ``thanks``.

    ``key``: the round key the phone brought (the QR code's ``?r=``), carried in every form
    and link; ``join`` without it asks for the key too.
    """
    from rtplan.render import render

    other = "en" if lang == "id" else "id"
    howto = ""
    if rnd is not None and mode == "ballot":
        howto = {"dots": t("room.phone.dots_howto", lang, k=rnd.dots),
                 "usg": t("room.phone.usg_howto", lang),
                 "pairwise": t("room.phone.pair_howto", lang, n=len(rnd.pairs))}[rnd.kind]
    titles = dict(rnd.items) if rnd is not None else {}
    pairs = [(i, t("room.phone.pair_q", lang, n=i), titles.get(a, a), titles.get(b, b))
             for i, (a, b) in enumerate(rnd.pairs, 1)] if rnd else []
    return str(render(
        "room_phone.html.j2", lang=lang, other=other, w=_words(lang), mode=mode, code=code,
        errors=errors or [], values=dict(values or {}), howto=howto,
        kind=rnd.kind if rnd else "", kind_text=t(KIND_KEYS[rnd.kind], lang) if rnd else "",
        items=[(i, ti) for i, (_, ti) in enumerate(rnd.items, 1)] if rnd else [], pairs=pairs,
        dots=rnd.dots if rnd else 0, key=key, query=f"?lang={lang}" + (f"&r={quote(key)}" if key else ""),
    ))


def live_fragment(status: Mapping[str, Any], lang: str) -> str:
    """The projector's live part: the open round and how many voted, or the last round's result."""
    from rtplan.render import render

    rnd = status.get("round")
    last = status.get("last")
    result = Tally.from_json(last) if last and not rnd else None
    top = max([r.value for r in result.rows] + [1.0]) if result else 1.0
    scored = [r for r in (result.rows if result else ()) if r.value > 0]
    rows = [{"title": r.title, "value": r.value, "shown": _shown_value(r.value, lang), "detail": r.detail,
             "width": max(1, round(100 * r.value / top))} for r in scored[:LIVE_ROWS]]
    more = len(result.rows) - len(rows) if result else 0
    return str(render(
        "room_live.html.j2", rnd=rnd, rows=rows, key=str((rnd or {}).get("key") or ""),
        kind_text=t(KIND_KEYS[(rnd or last or {"kind": "dots"})["kind"]], lang) if (rnd or last) else "",
        voted_text=t("room.live.voted", lang, n=rnd["voted"], codes=status.get("codes", 0)) if rnd else "",
        open_text=t("room.live.open", lang), result_text=t("room.live.result", lang,
                                                           n=result.voted if result else 0),
        idle_text=t("room.live.idle", lang, codes=status.get("codes", 0)),
        more_text=t("room.live.more", lang, n=more) if more else "", shown=bool(result),
    ))


def _shown_value(value: float, lang: str) -> str:
    from rtplan.fmt import format_number

    return format_number(round(value, 1), lang, decimals=0 if float(value).is_integer() else 1)


def round_url(phone_url: str, status: Mapping[str, Any]) -> str:
    """The address the QR code carries: the phone address, with the open round's key (``?r=K7M``)."""
    rnd = status.get("round") or {}
    return f"{phone_url}?r={quote(str(rnd['key']))}" if rnd.get("key") else phone_url


def projector_page(phone_url: str, token: str, status: Mapping[str, Any], lang: str) -> str:
    """The projector page: QR code, the short address, and the live part (refreshed by a small script;
    the whole page reloads when a round opens or closes, so the QR code carries the new key)."""
    from rtplan.render import Markup, render

    url = round_url(phone_url, status)
    key = str((status.get("round") or {}).get("key") or "")
    return str(render(
        "room_projector.html.j2", lang=lang, qr=qr_data_url(url), address=url.split("://", 1)[-1],
        token=token, live=Markup(live_fragment(status, lang)), scan=t("room.projector.scan", lang),
        title=t("room.projector.title", lang), key=key, key_text=t("room.projector.key", lang, key=key) if key else "",
    ))


