"""The one HTML renderer: every HTML fragment and document rtplan builds comes from here.

A single Jinja2 :data:`ENV` with ``autoescape=True`` and ``StrictUndefined`` renders
templates shipped in ``rtplan/render/templates``. A value from a plan is escaped by
construction: a template writes ``{{ value }}`` and never has to remember a helper.
What a template returns is :class:`markupsafe.Markup`, so a fragment placed inside
another template is not escaped twice, while any plain ``str`` is.

* :func:`render` - a template file (``table.html.j2``, ``page.html.j2`` ...);
* :func:`fragment` - a short inline template (``"<h3>{{ text }}</h3>"``), compiled once;
* :func:`table` - a DataFrame as the project's one table layout;
* :func:`css_string` - text safe inside a CSS double-quoted string in a ``<style>``
  element (running headers in ``@page`` margin boxes), also the ``css_string`` filter.

The declared views (:mod:`rtplan.views`) are rendered through this module: a view becomes a
``table(...)`` (HTML), and the same column declarations feed text, CSV and XLSX.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup, escape

__all__ = ["ENV", "Markup", "css_string", "escape", "fragment", "join", "render", "table"]

# characters that may stand as they are in a CSS string; everything else is hex-escaped
_CSS_SAFE = set(" .,:;·–—-_()/!?#%+*[]'")


def css_string(value: object) -> Markup:
    """``value`` as the inside of a CSS ``"..."`` string, safe in a ``<style>`` element.

    Letters, digits and plain punctuation stay as they are; anything else (quotes,
    backslashes, ``<``, ``>``, ``&``, braces, control characters) becomes a CSS hex
    escape (``\\3c ``), so the text can neither end the string, the rule nor the
    ``<style>`` element, and prints as typed.
    """
    text = "" if value is None else str(value)
    out = []
    for ch in text:
        if ch.isalnum() or ch in _CSS_SAFE:
            out.append(ch)
        elif ch == "\x00":
            out.append("\\fffd ")
        else:
            out.append(f"\\{ord(ch):x} ")
    return Markup("".join(out))


def _build_env() -> Environment:
    env = Environment(
        loader=PackageLoader("rtplan.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["css_string"] = css_string
    return env


ENV = _build_env()


def render(name: str, /, **context: Any) -> Markup:
    """Render the template file ``name`` with ``context`` (values escaped)."""
    return Markup(ENV.get_template(name).render(**context))


@functools.lru_cache(maxsize=512)
def _compiled(source: str) -> Template:
    return ENV.from_string(source)


def fragment(source: str, /, **context: Any) -> Markup:
    """Render a short inline template, e.g. ``fragment("<h3>{{ text }}</h3>", text=title)``.

    ``source`` is a constant written in rtplan's code, never text from a plan: plan
    text goes in through ``context`` only, where it is escaped.
    """
    return Markup(_compiled(source).render(**context))


def join(parts: Iterable[object], sep: str = "") -> Markup:
    """Join fragments: :class:`Markup` parts stay as they are, plain text is escaped."""
    return Markup(sep).join(escape(p) for p in parts)


def _is_missing(value: object) -> bool:
    from rtplan.tables import is_missing

    return bool(is_missing(value))


def table(
    frame: Any,
    headers: Mapping[str, str] | None = None,
    table_id: str | None = None,
    numeric: Sequence[str] = (),
    caption: str | None = None,
    css_class: str = "rtplan-table",
) -> Markup:
    """An HTML ``<table>`` of a DataFrame: no index, left-aligned wrapping text cells,
    right-aligned numbers, a stable ``id``; every cell escaped (see ``table.html.j2``)."""
    import pandas as pd

    headers = dict(headers or {})
    right = set(numeric) | {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
                            and not pd.api.types.is_bool_dtype(frame[c])}
    columns = [{"text": str(headers.get(c, c)), "numeric": c in right} for c in frame.columns]
    flags = [c["numeric"] for c in columns]
    rows = [[("" if _is_missing(v) else str(v), n) for v, n in zip(record, flags)]
            for record in frame.itertuples(index=False, name=None)]
    return render("table.html.j2", columns=columns, rows=rows, table_id=table_id, caption=caption,
                  css_class=css_class)
