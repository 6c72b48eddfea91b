"""Where each page and file of a site lives; the paths themselves are in generator.model.paths, so checks can read them too."""

from __future__ import annotations

from generator.model.paths import (  # noqa: F401 - re-exported: render modules and templates say urls.<name>
    HOME,
    HISTORY,
    SUBSCRIBE,
    HISTORY_RSS,
    HISTORY_ATOM,
    BADGE,
    STYLESHEET,
    SCRIPT,
    API_DIR,
    THEME_STYLESHEET,
    CNAME,
    MAINTENANCE_CALENDAR,
    theme_file,
    incident_page,
    postmortem_page,
    component_page,
    month_page,
    component_feed,
    component_calendar,
    component_badge,
    api_file,
    served,
    absolute,
    relative,
    NOW,
    POSTMORTEMS,
    ACTIONS,
    ONCALL,
    METRICS,
    BURDEN,
    timeline_picture,
    rotation_page,
    rotation_calendar,
    person_calendar,
    metrics_chart,
    SEARCH_INDEX,
)

# Where receivers of webhooks learn what statusbook notify sends (the payload's meta.documentation).
NOTIFICATIONS_DOCS = "https://github.com/statusbook/statusbook/blob/main/docs/notifications.md"
