"""What a document build keeps in the process (and charts on disk) so a rebuild after an
edit redoes only what the edit changed.

* charts: rendered once per plan state (:func:`cached_chart`, :class:`CachedChart`),
  in memory and in a small file cache (:func:`cache_dir`);
* sections: the HTML of a slow section per state of the tables it reads (:func:`cached_section`);
* plans: the plan a caller loaded already, taken by a document notebook instead of
  reading the folder again (:class:`preloaded`, :func:`document_plan`).
"""

from __future__ import annotations

import base64
import functools
import json
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

import pandas as pd
from markupsafe import Markup

from rtplan import config
from rtplan.charts import Chart
from rtplan.plan import Plan

_CHARTS: OrderedDict[tuple[object, ...], CachedChart] = OrderedDict()
_CHARTS_KEPT = 8


def _frame_digest(frame: pd.DataFrame) -> str:
    import hashlib

    digest = hashlib.sha256(repr(list(frame.columns)).encode())
    try:
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    except TypeError:  # unhashable cells (lists): their text
        digest.update(frame.to_csv(index=False).encode())
    return digest.hexdigest()


def plan_state(plan: Plan, reads: Iterable[str]) -> str:
    """A digest of the tables ``reads`` and ``plan.toml``: equal states, equal parts."""
    import hashlib

    digest = hashlib.sha256(repr(sorted(plan.meta.items(), key=str)).encode())
    for name in sorted(reads):
        digest.update(f"{name}:{_frame_digest(plan.tables[name])}".encode())
    return digest.hexdigest()


CACHE_ENV = config.env_name("cache_dir")
"""The folder of rtplan's chart cache (default ``$XDG_CACHE_HOME/rtplan`` or ``~/.cache/rtplan``)."""
_DISK_KEPT = 32


def cache_dir() -> Path:
    """Where rendered charts are kept between runs (``RTPLAN_CACHE_DIR`` overrides)."""
    root = config.from_env().cache_dir or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache",
                                                       "rtplan")
    return Path(root) / "charts"


def _encode(value: object) -> object:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], bytes):
        return {"png": base64.b64encode(value[0]).decode("ascii"), "meta": value[1]}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict) and "png" in value:
        return base64.b64decode(value["png"]), value["meta"]
    return value


class CachedChart(Chart):
    """A chart rendered once per plan state: shows itself like the Figure it would be.

    Rendering a chart to a 200 dpi PNG is most of a build's work before printing; a
    build after an edit the chart does not show (a decision, the agenda, the kas)
    reuses the bytes, in the same session and, through a small file cache
    (:func:`cache_dir`), in the next ``rtplan handout``. The figure itself is only
    made when an output is missing.
    """

    def __init__(self, build: Callable[[], Any], file: Path | None = None) -> None:
        self._build = build
        self._figure: Any = None
        self._file = file
        self._made: dict[str, object] = {}
        if file is not None:
            try:
                self._made = {k: _decode(v) for k, v in json.loads(file.read_text(encoding="utf-8")).items()}
            except (OSError, ValueError, TypeError, KeyError):  # no cache yet, or an unreadable one
                self._made = {}

    @property
    def figure(self) -> Any:
        """The chart's Figure (made on first use)."""
        if self._figure is None:
            self._figure = self._build()
        return self._figure

    def _made_as(self, mode: str, kind: str, *args: int) -> Any:
        """The chart drawn as ``mode`` (``svg:True``, ``png:<dpi>``): kept, or drawn by the figure once."""
        if mode not in self._made:
            self._made[mode] = getattr(self.figure, f"chart_{kind}")(*args)
            self._save()
        return self._made[mode]

    def chart_svg(self) -> str | None:
        return cast("str | None", self._made_as("svg:True", "svg"))

    def chart_png(self, dpi: int) -> tuple[bytes, dict[str, int]] | None:
        return cast("tuple[bytes, dict[str, int]] | None", self._made_as(f"png:{dpi}", "png", dpi))

    def _save(self) -> None:
        if self._file is None:
            return
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({k: _encode(v) for k, v in self._made.items()}), encoding="utf-8")
            os.replace(tmp, self._file)
            for old in sorted(self._file.parent.glob("*.json"), key=lambda f: f.stat().st_mtime)[:-_DISK_KEPT]:
                old.unlink(missing_ok=True)
        except OSError:  # a read-only home: the cache is only a speed-up
            pass

    def svg_text(self) -> str:
        """The chart as SVG whose words stay text (``svg.fonttype = none``): selectable and
        searchable in the PDF, where a PNG's are not (charts whose every label must be found)."""
        if "svgtext" not in self._made:
            import io

            import matplotlib as mpl

            buffer = io.StringIO()
            with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "rtplan"}):
                self.figure.savefig(buffer, format="svg")
            self._made["svgtext"] = buffer.getvalue()
            self._save()
        return str(self._made["svgtext"])

    def __repr__(self) -> str:
        return "<rtplan chart>"



@functools.cache
def code_state() -> str:
    """A digest of rtplan's own code (each module's size and time): a chart cached by
    another version of the code is never reused."""
    import hashlib

    package = Path(__file__).resolve().parents[1]  # rtplan/, this module being in rtplan/documents/
    stats = sorted((str(f.relative_to(package)), f.stat().st_size, f.stat().st_mtime_ns) for f in package.rglob("*.py"))
    return hashlib.sha256(repr(stats).encode()).hexdigest()


def cached_chart(plan: Plan, key: tuple[object, ...], build: Callable[[], object],
                 reads: frozenset[str]) -> CachedChart:
    """``build()``'s chart, or the one made before for the same plan state, code and ``key``."""
    import hashlib

    state = plan_state(plan, reads)
    full = (*key, state, code_state())
    if full in _CHARTS:
        _CHARTS.move_to_end(full)
        return _CHARTS[full]
    name = hashlib.sha256(repr(full).encode()).hexdigest()[:32]
    chart = _CHARTS[full] = CachedChart(build, cache_dir() / f"{name}.json")
    while len(_CHARTS) > _CHARTS_KEPT:
        _CHARTS.popitem(last=False)
    return chart


# plans a caller has loaded already (``rtplan handout``, a notebook panel), by folder: see :func:`preloaded`
_PRELOADED: dict[str, Plan] = {}


def _files_unchanged(plan: Plan) -> bool:
    """Whether every file ``plan`` was read from still has the bytes it had (its fingerprints)."""
    import hashlib

    if not plan.fingerprints:
        return False
    for name, digest in plan.fingerprints.items():
        try:
            data: bytes | None = (Path(plan.path) / name).read_bytes()
        except FileNotFoundError:
            data = None
        except OSError:
            return False
        if (None if data is None else hashlib.sha256(data).hexdigest()) != digest:
            return False
    return True


class preloaded:  # a context manager, named like contextlib's
    """While open, a document notebook's :class:`Handout` for ``plan``'s folder takes ``plan``
    (rows with problems left out again, as on loading) instead of reading and parsing the
    folder a second time, as long as its files are byte for byte the ones ``plan`` was read
    from. :func:`rtplan.documents.build.build_document` opens one around the notebook."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.key = str(Path(plan.path).resolve())

    def __enter__(self) -> preloaded:
        _PRELOADED[self.key] = self.plan
        return self

    def __exit__(self, *exc: object) -> None:
        _PRELOADED.pop(self.key, None)


def document_plan(plan_dir: str, lang: str | None) -> Plan:
    """The usable plan of ``plan_dir`` (:func:`rtplan.usable.usable_plan`), read once per build."""
    from rtplan.storage import load_plan
    from rtplan.usable import usable_plan

    given = _PRELOADED.get(str(Path(plan_dir).resolve()))
    if given is not None and (lang is None or given.message_lang == lang) and _files_unchanged(given):
        return usable_plan(given).plan
    return usable_plan(load_plan(plan_dir, lang)).plan  # rows that break a rule are left out


_SECTIONS: OrderedDict[tuple[object, ...], Markup] = OrderedDict()


def cached_section(plan: Plan, key: tuple[object, ...], build: Callable[[], Markup],
                   reads: frozenset[str]) -> Markup:
    """``build()``, or the HTML it gave for the same state of the tables it ``reads``, code and
    ``key`` in this process (the last :data:`_CHARTS_KEPT`)."""
    full = (*key, plan_state(plan, reads), code_state())
    if full not in _SECTIONS:
        _SECTIONS[full] = build()
        while len(_SECTIONS) > _CHARTS_KEPT:
            _SECTIONS.popitem(last=False)
    _SECTIONS.move_to_end(full)
    return _SECTIONS[full]


class ChartParts:
    """Several charts shown as one (a long chart split over pages): each an SVG image whose
    words stay text, one to a block that is never split across a page."""

    def __init__(self, charts: list[CachedChart]) -> None:
        self.charts = charts

    def __repr__(self) -> str:
        return f"<rtplan chart in {len(self.charts)} parts>"

    def _repr_html_(self) -> str:
        from markupsafe import Markup

        from rtplan.render import fragment, join

        parts = []
        for chart in self.charts:
            data = base64.b64encode(chart.svg_text().encode("utf-8")).decode("ascii")
            parts.append(fragment('<div class="rtplan-keep rtplan-chart-part"><img alt="" style="width:100%"'
                                  ' src="data:image/svg+xml;base64,{{ data }}"></div>', data=data))
        return str(join(parts) if parts else Markup(""))
