"""Words shared by every declared view (rtplan.views)."""

MESSAGES = {
    "view.yes": {"id": "ya", "en": "yes"},
    "view.no": {"id": "tidak", "en": "no"},
}
