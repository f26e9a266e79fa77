"""Words shared by every declared view (rtplan.views)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "view.yes": {"id": "ya", "en": "yes"},
    "view.no": {"id": "tidak", "en": "no"},
    "view.free": {"id": "gratis", "en": "free"},
}
