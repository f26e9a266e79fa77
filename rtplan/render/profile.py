"""Who took part (:class:`rtplan.views.profile.Participation`) as HTML and text: four tables."""

from __future__ import annotations

from markupsafe import Markup

from rtplan.render import join
from rtplan.render.views import to_html, to_text
from rtplan.views.profile import Participation


def participation_html(summary: Participation) -> Markup:
    """The attendance, then people by sex, age band and unsur, as HTML tables."""
    return join(to_html(v) for v in summary.views)


def participation_text(summary: Participation) -> str:
    """The same four tables as aligned text."""
    return "\n\n".join(to_text(v) for v in summary.views)


__all__ = ["participation_html", "participation_text"]
