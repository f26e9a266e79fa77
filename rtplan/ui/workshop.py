"""The header of every step notebook: the step bar, the plan's name, and the plan picker.

The first code cell of each step notebook (00-05)::

    from rtplan.ui.workshop import StepHeader
    header = StepHeader(PLAN, LANG, step=1)
    PLAN, LANG = header.plan, header.lang
    header

The plan is decided by :func:`rtplan.recent.resolve_plan` (the ``PLAN`` parameter >
the page's ``?plan=`` in Voila, only for a plan on the recent list > ``RTPLAN_PLAN`` from
``rtplan workshop`` > the current plan remembered > none). With no plan, ``header.plan`` is ``None``: the header offers
the picker and a new-plan form, and every panel below says "choose a plan first,
above" (:class:`~rtplan.exceptions.NoPlanChosen`) instead of failing.

After a plan is chosen or created the header says how to see it: in Voila a link
that reloads the page on that plan; in JupyterLab "Run > Run All Cells".
"""

from __future__ import annotations

import base64
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

import ipywidgets as w
from markupsafe import Markup

from rtplan import config, recent, storage
from rtplan.compat import capture_outputs_as_state
from rtplan.exceptions import NoPlanChosen, RtplanError, ValidationError
from rtplan.messages import normalize_lang, t
from rtplan.render import fragment
from rtplan.workshop import STEP_NOTEBOOKS

# step number -> its label's catalogue key
STEP_LABELS = {
    0: "workshop.step.0", 1: "workshop.step.1", 2: "workshop.step.2",
    3: "workshop.step.3", 4: "workshop.step.4", 5: "workshop.step.5",
}
EXAMPLES_DIR = Path(__file__).resolve().parent.parent.parent / "data"
"""The bundled example plans (in a source checkout)."""
PLANS_ENV = config.env_name("plans_dir")
"""Where new plans and copies of the examples go (default ``~/rtplan``)."""


def in_voila(env: Mapping[str, str] | None = None) -> bool:
    """Whether this kernel serves a workshop / Voila page (not JupyterLab)."""
    settings = config.from_env(env)
    env = os.environ if env is None else env
    return settings.workshop or env.get("SERVER_SOFTWARE", "").startswith("voila")


def _in_kernel() -> bool:
    from IPython import get_ipython

    return getattr(get_ipython(), "kernel", None) is not None


def use_png_charts(dpi: int = 110) -> None:
    """Charts as PNG in this kernel (Voila): an SVG chart inside a live Output widget can stall
    Voila's page rendering for good (voila-dashboards/voila#1522), a PNG does not."""
    from IPython import get_ipython

    from rtplan.charts import ChartOutput, show_charts

    show_charts(get_ipython().display_formatter, ChartOutput(svg=False, png_dpi=dpi))


def no_plan(lang: str | None = None) -> NoPlanChosen:
    """The "choose a plan first, above" refusal of a panel given no plan."""
    return NoPlanChosen(t("workshop.no_plan", normalize_lang(lang or config.from_env().lang)))


def plans_dir(env: Mapping[str, str] | None = None) -> Path:
    folder = config.from_env(env).plans_dir
    return Path(folder) if folder else Path.home() / "rtplan"


def example_plans(folder: Path = EXAMPLES_DIR) -> list[Path]:
    """The example plans shipped beside the package (none after a plain ``pip install``)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if (p / "plan.toml").is_file())


def default_new_folder(rt: str, rw: str, env: Mapping[str, str] | None = None) -> Path:
    """``~/rtplan/rt05-rw03`` for a new plan whose folder was left empty."""
    return plans_dir(env) / f"rt{rt}-rw{rw}"


def page_url(step: int, plan: Path | None = None) -> str:
    """The Voila page of ``step`` (on ``plan`` when given: ``?plan=``)."""
    url = f"/voila/render/{STEP_NOTEBOOKS[step]}"
    return f"{url}?plan={quote(str(plan), safe='')}" if plan is not None else url


def download_link(path: Path, label: str | None = None) -> Markup:
    """A link that downloads ``path`` from the page itself (a ``data:`` URL).

    The workshop's page cannot reach ``exports/`` (Voila serves no files from the
    plan or the notebooks), and a data URL needs no route, no token and no file
    server on the network when phones are connected (``--room``).
    """
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = "application/pdf" if path.suffix.lower() == ".pdf" else "application/octet-stream"
    return fragment('<a class="rtplan-download" href="data:{{ mime }};base64,{{ data }}" download="{{ name }}">'
                    '{{ label }}</a>', mime=mime, data=data, name=path.name, label=label or path.name)


def _two_digits(value: str) -> str | None:
    value = value.strip()
    if not re.fullmatch(r"\d{1,3}", value):
        return None
    return value.zfill(2)


class StepHeader(w.VBox):
    """The step bar, the plan's name and the plan picker (see the module's description).

    Attributes: ``plan`` (the plan folder as a string, or ``None``), ``lang`` (the
    ``LANG`` to pass on: the parameter, else ``RTPLAN_LANG``, else ``None`` = the plan's),
    ``source`` (where the plan came from), ``status`` (the message after a choice).
    """

    def __init__(self, plan: str | os.PathLike[str] | None = None, lang: str | None = None, step: int = 0, *,
                 env: Mapping[str, str] | None = None, config_dir: Path | None = None) -> None:
        self.env = dict(os.environ if env is None else env)
        self.config_dir = config_dir
        self.step = step
        self.voila = in_voila(self.env)
        if self.voila and _in_kernel():  # this kernel serves a workshop page (never a test process)
            use_png_charts()
            capture_outputs_as_state()
            workdir = config.from_env(self.env).workdir
            if workdir and Path(workdir).is_dir():  # exports/ where rtplan workshop was started
                os.chdir(workdir)
        path, self.source = recent.resolve_plan(plan, self.env, config_dir)
        self.lang: str | None = lang or config.from_env(self.env).lang
        problem = ""
        if self.source == "refused":  # ?plan= naming a folder never opened here: not opened, not offered
            problem = t("workshop.plan_not_recent", normalize_lang(self.lang), path=path)
            path = None
        self.path = path
        self.plan: str | None = None
        self.plan_title = ""
        plan_lang: str | None = None
        if path is not None and (path / "plan.toml").is_file():
            try:
                loaded = storage.load_plan(path)
            except (RtplanError, OSError) as exc:
                problem = t("workshop.unreadable", normalize_lang(self.lang), path=path, reason=str(exc))
            else:
                self.plan = str(path)
                plan_lang = loaded.lang
                area = loaded.area
                self.plan_title = loaded.title or t("workshop.plan_area", plan_lang, rt=area.get("rt", ""),
                                                   rw=area.get("rw", ""))
                # a page opened (a GET) never changes the remembered plan: only a choice in the picker does
        elif path is not None and path.exists() and any(path.iterdir()):
            problem = t("workshop.not_a_plan", normalize_lang(self.lang), path=path)
        self.ui_lang = normalize_lang(self.lang or plan_lang)
        ui = self.ui_lang
        self.add_class("rtplan-header")
        self.bar = w.HTML(value=self._bar_html())
        self.title = w.HTML(value=self._title_html(problem))
        self.status = w.HTML(value="")
        # the picker
        self.choice = w.Dropdown(options=self._options(), description=t("workshop.pick", ui),
                                 layout=w.Layout(width="auto", min_width="60%"))
        self.open_button = w.Button(description=t("workshop.open", ui), button_style="primary")
        self.open_button.on_click(self._open)
        # the new-plan form (prefilled with a workshop folder that does not exist yet)
        missing = path is not None and (not path.exists() or (path.is_dir() and not any(path.iterdir())))
        self.new_rt = w.Text(description=t("workshop.new_rt", ui))
        self.new_rw = w.Text(description=t("workshop.new_rw", ui))
        self.new_kelurahan = w.Text(description=t("workshop.new_kelurahan", ui))
        # the folder by its name only: the page never shows where on the machine plans live
        self._suggested = path if missing else None
        self.new_folder = w.Text(description=t("workshop.new_folder", ui),
                                 value=path.name if missing and path is not None else "",
                                 placeholder=t("workshop.new_folder_hint", ui, path="rt05-rw03"),
                                 layout=w.Layout(width="auto", min_width="60%"))
        self.create_button = w.Button(description=t("workshop.new", ui), button_style="primary")
        self.create_button.on_click(self._create)
        picker = w.VBox([w.HBox([self.choice, self.open_button])], layout=w.Layout(margin="4px 0"))
        new_form = w.VBox([w.HTML(value=f"<b>{t('workshop.new', ui)}</b>"), self.new_rt, self.new_rw,
                           self.new_kelurahan, self.new_folder, self.create_button])
        self.picker = w.VBox([picker, new_form] if (missing or self.plan is None) else [new_form, picker])
        self.picker.add_class("rtplan-picker")
        # with a plan: the picker folds away behind "Ganti rencana"
        self.change_button = w.ToggleButton(value=self.plan is None, description=t("workshop.change_plan", ui))
        self.change_button.observe(self._toggle_picker, names="value")
        self._toggle_picker()
        top = w.HBox([self.title, self.change_button] if self.plan is not None else [self.title],
                     layout=w.Layout(align_items="center", justify_content="space-between", flex_flow="row wrap"))
        super().__init__([self.bar, top, self.picker, self.status])

    # -- display -------------------------------------------------------------------
    def _toggle_picker(self, _change: object = None) -> None:
        self.picker.layout.display = "flex" if self.change_button.value else "none"

    def _query_plan(self) -> Path | None:
        return self.path if self.source == "address" else None

    def _bar_html(self) -> str:
        ui = self.ui_lang
        items = []
        for number, label_key in STEP_LABELS.items():
            label = t(label_key, ui)
            if number == self.step:
                items.append(str(fragment('<span class="rtplan-current" aria-current="page">{{ l }}</span>', l=label)))
                continue
            href = page_url(number, self._query_plan()) if self.voila else STEP_NOTEBOOKS[number]
            items.append(str(fragment('<a href="{{ h }}">{{ l }}</a>', h=href, l=label)))
        return (f'<nav class="rtplan-stepbar" aria-label="{t("workshop.steps_label", ui)}" '
                'style="display:flex;flex-wrap:wrap;gap:6px">' + "".join(items) + "</nav>")

    def _title_html(self, problem: str) -> str:
        if self.plan is not None:
            return str(fragment('<div class="rtplan-planname">{{ name }}</div>', name=self.plan_title))
        text = problem or t("workshop.no_plan_lead", self.ui_lang)
        return str(fragment('<div class="rtplan-note rtplan-noplan">{{ text }}</div>', text=text))

    def _options(self) -> list[tuple[str, str]]:
        ui = self.ui_lang
        options = [(t("workshop.pick_recent", ui, name=p.name), str(p))
                   for p in recent.existing_plans(recent.load(self.config_dir))]
        options += [(t("workshop.pick_example", ui, name=p.name), f"example:{p}") for p in example_plans()]
        return options

    # -- actions -------------------------------------------------------------------
    def _chosen(self, path: Path, key: str) -> None:
        recent.remember(path, self.config_dir)
        ui = self.ui_lang
        text = t(key, ui, path=path, name=path.name)
        if self.voila:
            # the page opens itself on the plan (the link stays for a browser that does not)
            link = fragment('<a class="rtplan-reload" href="{{ h }}">{{ l }}</a>', h=page_url(self.step, path),
                            l=t("workshop.reload_voila", ui))
            go = ('<img class="rtplan-goto" alt="" src="data:image/gif;base64,R0lGOD" style="display:none" '
                  'onerror="var a=this.parentNode.querySelector(\'a.rtplan-reload\');'
                  'if(a){window.location.assign(a.href);}">')
            self.status.value = str(fragment(
                '<div class="rtplan-note">{{ text }} {{ opening }} {{ link }}{{ go }}</div>', text=text,
                opening=t("workshop.opening", ui), link=link, go=Markup(go)))
        else:
            self.status.value = str(fragment('<div class="rtplan-note">{{ text }} {{ how }}</div>', text=text,
                                             how=t("workshop.reload_lab", ui)))

    def _open(self, _button: object = None) -> None:
        value = self.choice.value
        if not value:
            return
        if value.startswith("example:"):  # work on a copy: the bundled example stays as shipped
            source = Path(value.removeprefix("example:"))
            target = plans_dir(self.env) / source.name
            if not (target / "plan.toml").is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(source, target, ignore=shutil.ignore_patterns(".history", ".lock*"),
                                dirs_exist_ok=True)
            path = target
        else:
            path = Path(value)
        self._chosen(path, "workshop.chosen")

    def _create(self, _button: object = None) -> None:
        ui = self.ui_lang
        rt, rw = _two_digits(self.new_rt.value), _two_digits(self.new_rw.value)
        if rt is None or rw is None:
            self._error(t("workshop.new_needs_rt", ui))
            return
        folder = self._new_folder(rt, rw)
        meta = storage.default_meta(rt=rt, rw=rw, kelurahan=self.new_kelurahan.value.strip(), lang=ui)
        try:
            storage.new_plan(folder, meta)
        except ValidationError as exc:
            self._error(*(p.message for p in exc.problems))
            return
        except (RtplanError, OSError) as exc:
            self._error(str(exc))
            return
        self._chosen(folder, "workshop.created")

    def _new_folder(self, rt: str, rw: str) -> Path:
        """The folder for a new plan: the one ``rtplan workshop`` was given when its name is
        kept, else a name in the plans folder (or a full path someone typed)."""
        typed = self.new_folder.value.strip()
        if not typed:
            return default_new_folder(rt, rw, self.env).resolve()
        if self._suggested is not None and typed == self._suggested.name:
            return self._suggested.resolve()
        folder = Path(typed).expanduser()
        return (folder if folder.is_absolute() else plans_dir(self.env) / folder).resolve()

    def _error(self, *messages: str) -> None:
        items = "".join(str(fragment("<li>{{ m }}</li>", m=m)) for m in messages)
        self.status.value = f'<div class="rtplan-note rtplan-error"><b>✘</b><ul style="margin:0">{items}</ul></div>'
