"""The "Buat handout" button: the meeting handout as a PDF from the plan as it is, in one click.

The panel reads the choices (full or short, which meeting, names masked), calls the
document pipeline (:func:`rtplan.documents.build.build_document`) in this kernel's
:class:`~rtplan.documents.build.DocumentSession`, shows each stage as it goes and
ends with a link to the file (relative to the notebook, so Jupyter opens it). The
session stays open for the kernel's life: a second click, after fixing a typo, finds
everything loaded. Add it to any notebook with::

    from rtplan.ui.documents import HandoutPanel
    HandoutPanel(PLAN, LANG)
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

import ipywidgets as w
from markupsafe import Markup

from rtplan.documents.build import DocumentSession
from rtplan.exceptions import RtplanError
from rtplan.messages import normalize_lang, t
from rtplan.render import fragment
from rtplan.storage import load_plan

_SESSIONS: list[DocumentSession] = []  # this kernel's one session, once opened


def document_session() -> DocumentSession:
    """This kernel's one document session (opened on first use, closed at exit)."""
    if not _SESSIONS:
        _SESSIONS.append(DocumentSession())
        atexit.register(_SESSIONS[0].close)
    return _SESSIONS[0]


def file_link(path: Path, start: str | None = None) -> Markup:
    """An HTML link to ``path`` relative to the notebook's folder (``start``, default the working folder)."""
    try:
        href = os.path.relpath(path, start or os.getcwd())
    except ValueError:  # another drive (Windows): the absolute path
        href = str(path)
    return fragment('<a href="{{ href }}" target="_blank">{{ name }}</a>', href=Path(href).as_posix(),
                    name=path.name)


def _meeting_label(meeting: object, lang: str) -> str:
    """``M02 · 6 Des 2026 · Musyawarah Lanjutan ...``: which meeting, as people know it."""
    from rtplan.fmt import format_date
    from rtplan.tables import is_missing

    title = getattr(meeting, "title", None)
    parts = [str(getattr(meeting, "meeting_id", "")), format_date(getattr(meeting, "date", None), lang, "medium"),
             "" if is_missing(title) else str(title)]
    return " · ".join(p for p in parts if p)


class HandoutPanel(w.VBox):
    """A button that makes the handout PDF of ``plan_dir`` (into ``exports/``) and links to it.

    Parameters
    ----------
    plan_dir : the plan folder.
    lang : the handout's language (default: the plan's).
    output_dir : where the PDF goes (default: ``exports/`` beside the plan's folder, as the CLI).
    """

    STAGES = 3

    def __init__(self, plan_dir: str | Path | None, lang: str | None = None,
                 output_dir: str | Path | None = None) -> None:
        if plan_dir is None:  # no plan chosen yet in the step header
            from rtplan.ui.workshop import no_plan

            raise no_plan(lang)
        self.plan_dir = Path(plan_dir)
        plan = load_plan(self.plan_dir, lang)
        self.lang = normalize_lang(lang or plan.lang)
        self.output_dir = None if output_dir is None else Path(output_dir)
        meetings = [(_meeting_label(m, self.lang), str(m.meeting_id))
                    for m in plan["meetings"].sort_values(["date", "meeting_id"]).itertuples(index=False)]
        self.size = w.ToggleButtons(options=[(t("ui.doc.full", self.lang), "full"),
                                             (t("ui.doc.short", self.lang), "short")], value="full")
        self.meeting = w.Dropdown(options=meetings or [("", "")], value=meetings[-1][1] if meetings else "",
                                  description=t("ui.doc.meeting", self.lang), style={"description_width": "initial"},
                                  layout=w.Layout(width="auto", max_width="100%"))
        self.mask = w.Checkbox(value=False, description=t("ui.doc.mask", self.lang), indent=False)
        self.button = w.Button(description=t("ui.doc.make", self.lang), button_style="primary", icon="file-pdf-o")
        self.progress = w.IntProgress(value=0, min=0, max=self.STAGES, layout=w.Layout(width="300px"))
        self.stage = w.Label(value="")
        self.result = w.HTML(value="")
        self.path: Path | None = None
        self.button.on_click(self._make)
        # one choice a line, then the button: read from top to bottom on a projector
        super().__init__([self.size, self.meeting, self.mask, w.HBox([self.button, self.progress]),
                          self.stage, self.result])

    # the stages as the page says them (the builder's own lines name the notebook and the engine)
    STAGE_KEYS = ("ui.doc.stage.1", "ui.doc.stage.2", "ui.doc.stage.3")

    def _say(self, _line: str) -> None:
        self.progress.value = min(self.STAGES, self.progress.value + 1)
        self.stage.value = t(self.STAGE_KEYS[self.progress.value - 1], self.lang)

    def _make(self, _button: object = None) -> None:
        from rtplan.documents import notebook_path
        from rtplan.documents.build import build_document
        from rtplan.export.paths import output_path
        from rtplan.usable import usable_plan

        self.button.disabled = True
        self.progress.value, self.result.value = 0, ""
        try:
            plan = usable_plan(load_plan(self.plan_dir, self.lang)).plan  # the plan as it is now, on disk
            short = self.size.value == "short"
            mid = self.meeting.value or None
            name = f"handout{'-ringkas' if short else ''}-{mid or 'rencana'}{'-en' if self.lang == 'en' else ''}.pdf"
            target = output_path(self.output_dir / name if self.output_dir else None, self.plan_dir, name,
                                 self.lang)
            doc = build_document(notebook_path("handout_short" if short else "handout"), plan, target,
                                 params={"MEETING": mid, "MASK_NAMES": bool(self.mask.value), "AS_OF": None},
                                 lang=self.lang, progress=self._say, session=document_session())
        except RtplanError as exc:
            self.stage.value = ""
            self.result.value = str(fragment('<div style="color:#a4161a">✘ {{ text }}</div>', text=str(exc)))
        else:
            self.path = doc.path
            self.progress.value = self.STAGES
            self.stage.value = t("ui.doc.done", self.lang)
            from rtplan.ui.workshop import download_link, in_voila

            # in the workshop (Voila) the page cannot open exports/: the PDF comes with the link,
            # which says what it is rather than the file's name
            link = download_link(doc.path, t("ui.doc.download", self.lang)) if in_voila() else file_link(doc.path)
            self.result.value = str(fragment('<div style="color:#17612e">✔ {{ link }}</div>', link=link))
        finally:
            self.button.disabled = False
