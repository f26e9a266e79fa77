"""A glance (:class:`rtplan.views.glance.Glance`) as HTML: the few big lines beside a form."""

from __future__ import annotations

from markupsafe import Markup

from rtplan.render import fragment
from rtplan.views.glance import Glance

_COLOURS = {"ok": "#0a5a1f", "warn": "#7a4a00", "bad": "#8b0000"}  # dark: they survive a washed-out projector


def glance_html(glance: Glance) -> Markup:
    """A glance beside a form: its title, the big line in its tone's colour (and marked, so it
    reads without colour too), then the lines."""
    return fragment(
        '<div class="rtplan-glance rtplan-glance-{{ tone }}" style="border-left:6px solid {{ colour }};'
        'padding:2px 0 2px 12px"><h3 style="margin-top:0">{{ title }}</h3>'
        '<p class="rtplan-glance-big" style="font-size:1.3em;font-weight:bold;color:{{ colour }}">'
        "{{ mark }}{{ big }}</p>"
        "{% if lines %}<ul>{% for line in lines %}<li>{{ line }}</li>{% endfor %}</ul>{% endif %}</div>",
        tone=glance.tone, title=glance.title, big=glance.big, lines=glance.lines,
        colour=_COLOURS.get(glance.tone, "#000"),
        mark={"ok": "", "warn": "⚠ ", "bad": "✖ "}.get(glance.tone, ""))


__all__ = ["glance_html"]
