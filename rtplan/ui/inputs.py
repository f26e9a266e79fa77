"""Money and date fields that read what people type and show it back as it will be saved.

The reading is done by small pure helpers over the core parsers
(:func:`rtplan.parse.parse_money`, :func:`rtplan.parse.parse_date`) and formatters
(:func:`rtplan.fmt.format_idr`, :func:`rtplan.fmt.format_date`), so the widgets stay thin:

>>> read_money("1,5 jt").value
1500000
>>> read_money("50rb").shown
'Rp 50.000'
>>> read_date("17 Agustus 2027").shown
'Selasa, 17 Agustus 2027'
>>> read_money("5O000").error is not None
True

* :class:`MoneyInput` - a text field for Rupiah (``50.000``, ``Rp 50.000``, ``50rb``,
  ``1,5 jt`` ...); its ``value`` is the text as typed, :attr:`MoneyInput.amount` the
  whole Rupiah it means.
* :class:`DateInput` - a text field for a date typed ``17/08/2027`` or
  ``17 Agustus 2027`` whatever the browser's language; its ``value`` is the
  :class:`datetime.date` (``None`` when empty or unreadable), shown ``dd/mm/yyyy``.
* :func:`input_errors` - one message per unreadable field, naming it by its label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
import traitlets

from rtplan.fmt import format_date, format_idr
from rtplan.messages import t
from rtplan.parse import ParseError, parse_date, parse_money
from rtplan.render import fragment

__all__ = ["ConsentInput", "DateInput", "MoneyInput", "ParsedInput", "Reading", "input_errors", "read_date",
           "read_money", "show_date", "show_money"]


@dataclass(frozen=True)
class Reading:
    """What a typed text means: ``value`` (``None`` when blank or unreadable), the value
    formatted as it will be saved (``shown``, ``""`` when blank) and the reason it cannot
    be read (``error``, ``None`` when it can)."""

    value: Any
    shown: str
    error: str | None = None


def read_money(text: object, lang: str = "id") -> Reading:
    """Read an amount typed in a form: ``Reading(50000, 'Rp 50.000')`` for ``50rb``.

    A fraction of a Rupiah (``1.500,50``) is refused with a message, never rounded.
    """
    try:
        amount = parse_money(text, round_fraction=False)
    except ParseError as exc:
        return Reading(None, "", exc.message(lang))
    return Reading(amount, "" if amount is None else format_idr(amount, lang))


def read_date(text: object, lang: str = "id") -> Reading:
    """Read a date typed in a form (``17/08/2027``, ``17 Agustus 2027``, ``2027-08-17``)."""
    try:
        day = parse_date(text)
    except ParseError as exc:
        return Reading(None, "", exc.message(lang))
    return Reading(day, "" if day is None else format_date(day, lang, "full"))


def show_money(amount: object, lang: str = "id") -> str:
    """A saved amount as it is typed back in its field: ``50.000`` (``50,000`` in English)."""
    reading = read_money(amount, lang)
    if reading.value is None:
        return "" if reading.error is None else str(amount)
    from rtplan.fmt import format_number

    return format_number(int(reading.value), lang)


def show_date(day: dt.date | None) -> str:
    """A date as it is typed in its field: ``17/08/2027`` (day first in every language)."""
    return "" if day is None else day.strftime("%d/%m/%Y")


_ECHO_OK = '<div class="rtplan-input-echo" style="color:#444;margin-left:154px">= {{ text }}</div>'
_ECHO_BAD = '<div class="rtplan-input-error" style="color:#a4161a;margin-left:154px">✘ {{ text }}</div>'


class ParsedInput(w.VBox):
    """A text field with, below it, what the text means (or why it cannot be read).

    Shared by :class:`MoneyInput` and :class:`DateInput`; ``text`` is the inner
    :class:`ipywidgets.Text`, ``echo`` the line below it, ``label`` the field's name
    without the required mark.
    """

    value = traitlets.Any(None)
    disabled = traitlets.Bool(False)

    def __init__(self, label: str, lang: str = "id", required: bool = False, placeholder: str = "",
                 style: dict[str, Any] | None = None, layout: w.Layout | None = None) -> None:
        self.label = label
        self.lang = lang
        self.reading = Reading(None, "")
        self.text = w.Text(value="", description=label + (" *" if required else ""), placeholder=placeholder,
                           style=style or {}, layout=layout or w.Layout(width="460px"), continuous_update=True)
        # the line below keeps its height when empty: the reading appears as the person types,
        # and the buttons under the form must not move while someone reaches for them
        self.echo = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
        super().__init__([self.text, self.echo])
        self.add_class("rtplan-parsed-input")
        traitlets.link((self, "disabled"), (self.text, "disabled"))
        self.text.observe(self._on_text, names="value")

    def read(self, text: str) -> Reading:  # pragma: no cover - each kind has its own
        raise NotImplementedError

    @property
    def description(self) -> str:
        return str(self.text.description)

    @property
    def error(self) -> str | None:
        """Why the text cannot be read, or ``None``."""
        return self.reading.error

    def _on_text(self, change: dict[str, Any]) -> None:
        self.reading = self.read(str(change["new"]))
        if self.reading.error is not None:
            self.echo.value = str(fragment(_ECHO_BAD, text=self.reading.error))
        elif self.reading.shown:
            self.echo.value = str(fragment(_ECHO_OK, text=self.reading.shown))
        else:
            self.echo.value = ""
        self._text_changed()

    def _text_changed(self) -> None:
        """Set ``value`` from the text just read."""


class MoneyInput(ParsedInput):
    """Rupiah as people write them; ``value`` is the text, :attr:`amount` whole Rupiah."""

    def __init__(self, label: str, lang: str = "id", **kw: Any) -> None:
        kw.setdefault("placeholder", "Rp 50.000 / 50rb / 1,5 jt")
        super().__init__(label, lang, **kw)
        self.value = ""
        self.observe(self._on_value, names="value")

    def read(self, text: str) -> Reading:
        return read_money(text, self.lang)

    @property
    def amount(self) -> int | None:
        """The whole Rupiah the text means (``None`` when blank or unreadable)."""
        return self.reading.value  # type: ignore[no-any-return]

    def _on_value(self, change: dict[str, Any]) -> None:
        text = "" if change["new"] is None else str(change["new"])
        if self.text.value != text:
            self.text.value = text

    def _text_changed(self) -> None:
        if self.value != self.text.value:
            self.value = self.text.value

    def show(self, amount: object) -> None:
        """Show a saved amount (``None`` empties the field)."""
        self.value = show_money(amount, self.lang)


class DateInput(ParsedInput):
    """A date typed ``17/08/2027`` or ``17 Agustus 2027``; ``value`` is the date (or ``None``)."""

    def __init__(self, label: str, lang: str = "id", value: dt.date | None = None, **kw: Any) -> None:
        kw.setdefault("placeholder", t("ui.input.date_placeholder", lang))
        self._typing = False
        super().__init__(label, lang, **kw)
        self.observe(self._on_value, names="value")
        self.value = value

    def read(self, text: str) -> Reading:
        return read_date(text, self.lang)

    def _on_value(self, change: dict[str, Any]) -> None:
        if self._typing:
            return
        new = change["new"]
        day = new.date() if isinstance(new, dt.datetime) else new
        if day is not None and not isinstance(day, dt.date):
            raise traitlets.TraitError(f"not a date: {new!r}")
        self.text.value = show_date(day)

    def _text_changed(self) -> None:
        self._typing = True
        try:
            self.value = self.reading.value
        finally:
            self._typing = False

    def show(self, day: object) -> None:
        """Show a saved date (``None`` empties the field, also after unreadable typing)."""
        shown = day.date() if isinstance(day, dt.datetime) else day
        if shown is not None and not isinstance(shown, dt.date):
            raise TypeError(f"not a date: {day!r}")
        self.value = shown
        self.text.value = show_date(shown)


class ConsentInput(w.VBox):
    """The consent question of the participant form, asked out loud and answered explicitly.

    "Bersedia nama, jenis kelamin, kelompok umur dan unsurnya dicatat ...?" with three
    answers: "Ya, bersedia" (``True``), "Tidak bersedia" (``False``) and "Belum ditanya"
    (the cell stays empty). A new participant starts unanswered (``value`` is ``None``)
    and the form is refused until one is picked: consent is never saved as "no" (or
    "yes") because nobody touched the field. ``value`` also takes ``True``/``False``.
    """

    value = traitlets.Any(None)
    disabled = traitlets.Bool(False)
    CHOICES = ("ya", "tidak", "belum")

    def __init__(self, label: str, lang: str = "id", style: dict[str, Any] | None = None,
                 layout: w.Layout | None = None) -> None:
        self.label = label
        self.lang = lang
        self.question = w.HTML(str(fragment(_QUESTION, text=t("ui.consent.question", lang))),
                               layout=w.Layout(width="306px"))
        self.choice = w.RadioButtons(options=[(t("ui.consent.yes", lang), "ya"), (t("ui.consent.no", lang), "tidak"),
                                              (t("ui.consent.not_asked", lang), "belum")], value=None,
                                     layout=w.Layout(width="306px"))
        width = str((style or {}).get("description_width", "150px"))
        # the field's name in the labels' column, the question and the answers beside it
        name = w.HTML(str(fragment(_NAME, text=label + " *")), layout=w.Layout(width=width, min_width=width))
        super().__init__([w.HBox([name, w.VBox([self.question, self.choice])])],
                         layout=layout or w.Layout(width="460px"))
        self.add_class("rtplan-consent")
        traitlets.link((self, "disabled"), (self.choice, "disabled"))
        self.choice.observe(self._on_choice, names="value")
        self.observe(self._on_value, names="value")

    @traitlets.validate("value")
    def _valid(self, proposal: dict[str, Any]) -> object:
        value = proposal["value"]
        if value is True or value is False:
            return "ya" if value else "tidak"
        if value is not None and value not in self.CHOICES:
            raise traitlets.TraitError(f"not a consent answer: {value!r}")
        return value

    def _on_choice(self, change: dict[str, Any]) -> None:
        self.value = change["new"]

    def _on_value(self, change: dict[str, Any]) -> None:
        if self.choice.value != change["new"]:
            self.choice.value = change["new"]

    @property
    def answer(self) -> bool | None:
        """The cell to save: ``True``, ``False``, or ``None`` (not asked yet, or not answered)."""
        return {"ya": True, "tidak": False}.get(str(self.value))

    @property
    def error(self) -> str | None:
        """Why the form cannot be saved yet: the question was not answered."""
        return t("ui.consent.unanswered", self.lang) if self.value is None else None

    def show(self, saved: object) -> None:
        """Show a saved cell: ``True``/``False``, or "Belum ditanya" for an empty one."""
        if saved is True or saved is False:
            self.value = saved
        else:
            self.value = "belum"

    def ask(self) -> None:
        """A new participant: no answer picked yet."""
        self.value = None


_QUESTION = ('<div class="rtplan-consent-question" style="line-height:1.35;padding:4px 0 2px 4px">'
             "{{ text }}</div>")
_NAME = '<div style="text-align:right;padding-right:8px;line-height:1.35;padding-top:4px">{{ text }}</div>'


def input_errors(fields: Iterable[object], lang: str = "id") -> list[str]:
    """One message per field whose text cannot be read: ``Pemasukan (Rp): '5O000' bukan ...``,
    and for a consent question not answered yet."""
    return [t("ui.input.bad", lang, label=f.label, reason=f.error)
            for f in fields if isinstance(f, (ParsedInput, ConsentInput)) and f.error is not None]
