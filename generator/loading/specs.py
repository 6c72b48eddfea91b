"""The record formats: every field of every record type, declared once."""

from __future__ import annotations

from generator.loading.schema import (
    Bool,
    Choice,
    ClockTime,
    Day,
    Duration,
    Field,
    Hostname,
    Ident,
    ListOf,
    MapOf,
    Record,
    SafeLink,
    SchemeColour,
    SeverityIdent,
    Text,
    ThemePath,
    Timestamp,
    TimeZone,
    Whole,
)
from generator.loading.channels import ChannelRecord, HttpUrl
from generator.loading.levels import RuleLevels
from generator.loading.links import WebLink
from generator.loading.people import Hours
from generator.model import decisions as dec
from generator.model import incident as inc
from generator.model import links
from generator.model import notify
from generator.model import postmortem as pm
from generator.model import rotation as rot
from generator.model import site
from generator.model import theme
from generator.model.workhours import DEFAULT_WORKING_DAYS

PERSON = Ident()
TEXT = Text()
WHEN = Timestamp()

WAITING_ON = Record(
    "waiting on",
    "A third party the response is waiting for; the public page says \"waiting on\" who.",
    (
        Field("who", TEXT, "Who the response waits for, as readers may read it, such as \"our cloud provider\".", required=True),
        Field("what_next", TEXT, "What happens next, and when (internal portal only)."),
    ),
    inc.WaitingOn,
)

UPDATE = Record(
    "update",
    "A public status update. Every update before resolution commits to the time of the next one.",
    (
        Field("at", WHEN, "When the update was posted.", required=True),
        Field("by", PERSON, "Person id of who posted it: the owner at that moment or the communications lead (internal portal only)."),
        Field("status", Choice(inc.INCIDENT_STATUSES + inc.MAINTENANCE_STATUSES), "Status the update announces.", required=True),
        Field("message", TEXT, "What readers are told (Markdown).", required=True),
        Field("next_update", WHEN, "When the next update will be posted; required until resolution."),
        Field("waiting_on", WAITING_ON, "A third party the response waits for, named when the message says it is blocked."),
        Field("postmortem_due", WHEN, "The wrap-up (resolving update): when the postmortem draft is due, for severities "
              "that require one; statusbook incident resolve writes it."),
        Field("prevention", TEXT, "The wrap-up (resolving update): how recurrence is prevented, for severities that "
              "require a postmortem."),
    ),
    inc.Update,
)

PAUSE = Record(
    "pause",
    "A pause the Incident Commander announced; without cover, the next update commits to a time at or after `until`.",
    (
        Field("at", WHEN, "When the pause began.", required=True),
        Field("until", WHEN, "When the owner is back.", required=True),
        Field("cover", PERSON, "Person id of who covers meanwhile, if anyone."),
    ),
    inc.Pause,
)

HANDOFF = Record(
    "handoff",
    "A handoff of ownership from the current Incident Commander to the next, acknowledged by the new owner.",
    (
        Field("at", WHEN, "When the handoff was made.", required=True),
        Field("from", PERSON, "Person id of the Incident Commander handing over.", required=True, attr="from_person"),
        Field("to", PERSON, "Person id of the new Incident Commander.", required=True, attr="to_person"),
        Field("acknowledged_at", WHEN, "When the new owner acknowledged the handoff; until then ownership has not passed."),
        Field("status", TEXT, "State of the incident at handoff.", required=True),
        Field("next_steps", TEXT, "Outstanding actions the new owner takes over.", required=True),
        Field("next_update", WHEN, "When the next status update is due.", required=True),
    ),
    inc.Handoff,
)

KEEP = Record(
    "keep",
    "At a handover of the incident-manager rotation, the owner keeps the incident instead of handing it over.",
    (
        Field("at", WHEN, "When the owner decided to keep it.", required=True),
        Field("by", PERSON, "Person id of the owner who keeps it: the outgoing incident manager.", required=True),
        Field("note", TEXT, "Why, such as 'Resolving within the hour; Julia knows'."),
    ),
    inc.Keep,
)

TIMELINE_ENTRY = Record(
    "timeline entry",
    "An internal log line.",
    (
        Field("at", WHEN, "When it happened.", required=True),
        Field("by", PERSON, "Person id of who did or saw it.", required=True),
        Field("event", TEXT, "What happened.", required=True),
    ),
    inc.TimelineEntry,
)

ROLES = Record(
    "roles",
    "People in the supporting incident roles.",
    tuple(Field(role, PERSON, f"Person id of the {role.replace('_', ' ')}.") for role in inc.ROLES),
    inc.Roles,
)

BUSINESS_IMPACT = Record(
    "business impact",
    "What the incident cost the business, in words for executives; shown on the internal portal, never on the public site.",
    (
        Field("users", TEXT, "Who was affected and how many, such as 'about 4,000 EU customers could not sign in'."),
        Field("revenue", TEXT, "Revenue lost or at risk, such as 'about EUR 18,000 of checkouts failed'."),
        Field("data_loss", TEXT, "Data lost or at risk, or 'none'."),
    ),
    inc.BusinessImpact,
)

IMPORTED = Record(
    "imported",
    "Where an imported record came from; process rules that judge a live response skip or soften it.",
    (
        Field("from", Choice(inc.IMPORT_SOURCES), "The system it was imported from.", required=True, attr="source"),
        Field("id", TEXT, "The record's id in that system.", required=True),
        Field("shortlink", TEXT, "The record's address in that system."),
    ),
    inc.Imported,
)

LINK = Record(
    "link",
    "A place the incident is worked on; listed on the internal portal, never on the public site.",
    (
        Field("kind", Choice(links.LINK_KINDS), "What it is: ticket, channel, bridge, doc, patch or dashboard.", required=True),
        Field("url", WebLink(), "Its address: http(s) or relative; other schemes, such as javascript:, are refused.", required=True),
        Field("title", TEXT, "What to call it, such as the channel name #inc-20261123-api-latency."),
    ),
    links.Link,
)

DECISION = Record(
    "decision",
    "One entry of the decision log, such as the mitigation decision; listed on the internal portal, never on the public site.",
    (
        Field("at", WHEN, "When it was decided.", required=True),
        Field("by", PERSON, "Person id of who decided it.", required=True),
        Field("decision", TEXT, "What was decided, such as 'Roll back api-2026.06.09-2'.", required=True),
        Field("why", TEXT, "Why; a fix forward on a SEV1 or SEV2 says it is minor, understood and faster than a rollback (I212)."),
        Field("mitigation", Choice(inc.MITIGATIONS), "Set when this is a mitigation decision: rollback, fix_forward, failover, feature_flag or other."),
        Field("outcome", Choice(dec.OUTCOMES), "How it turned out, once known: worked or failed (a failed rollback is escalated, I213)."),
    ),
    dec.Decision,
)

ESCALATION = Record(
    "escalation",
    "Someone called in with more authority or expertise; listed on the internal portal, never on the public site.",
    (
        Field("at", WHEN, "When the incident was escalated.", required=True),
        Field("by", PERSON, "Person id of who escalated it.", required=True),
        Field("to", PERSON, "Person id of who it was escalated to.", required=True),
        Field("reason", TEXT, "Why, such as no progress for 30 minutes or a failed rollback.", required=True),
    ),
    dec.Escalation,
)

_MILESTONE_DOCS = {
    "started": "When impact began.",
    "detected": "When the problem was detected (alert or report).",
    "acknowledged": "When a responder acknowledged it and response began.",
    "mitigated": "When impact was stopped or reduced (see mitigation).",
    "resolved": "When the incident was resolved; required once status is resolved.",
}

INCIDENT = Record(
    "incident",
    "An incident or maintenance window: incidents/<YYYY>/<YYYY-MM-DD-slug>.md. The body holds internal notes.",
    (
        Field("title", TEXT, "Short public title.", required=True),
        Field("type", Choice(("incident", "maintenance")), "Whether this is an incident or a maintenance window.", required=True),
        Field("severity", TEXT, "Severity id from statusbook.yml, such as SEV2 (required for incidents)."),
        Field("status", Choice(inc.INCIDENT_STATUSES + inc.MAINTENANCE_STATUSES), "Current status; must equal the status of the last update.", required=True),
        Field("public", Bool(), "Whether it appears on the public status page.", required=True),
        Field("components", MapOf(Ident(), Choice(inc.IMPACTS)), "Affected component ids and their impact.", required=True),
        *(Field(name, WHEN, doc) for name, doc in _MILESTONE_DOCS.items()),
        Field("scheduled_for", WHEN, "Maintenance: planned start."),
        Field("scheduled_until", WHEN, "Maintenance: planned end."),
        Field("commander", PERSON, "Person id of the Incident Commander who owns it now (required for incidents)."),
        Field("roles", ROLES, "Technical Lead, Communications Lead and Scribe."),
        Field("severity_checked_with", ListOf(PERSON), "Person ids of who the severity was checked with (SEV1 and SEV2)."),
        Field("environment", Choice(inc.ENVIRONMENTS), "Where it happened: production (the default), staging, "
              "pre_production or development_infrastructure. The status page shows production only unless configured.",
              default="production"),
        Field("business_impact", BUSINESS_IMPACT, "Users, revenue and data affected, for the exec summary (internal only)."),
        Field("links", ListOf(LINK), "Ticket, chat channel, bridge call, documents, patches and dashboards (internal only)."),
        Field("handoffs", ListOf(HANDOFF), "Ownership handoffs, oldest first."),
        Field("pauses", ListOf(PAUSE), "Pauses the Incident Commander announced, oldest first (internal portal only)."),
        Field("keeps", ListOf(KEEP), "At a rota handover, the outgoing incident manager's word that they keep it, oldest first."),
        Field("mitigation", Choice(inc.MITIGATIONS), "How impact was stopped, in one word; rollback unless there is a reason not to. "
              "Left out, the last mitigation decision in decisions that did not fail says it."),
        Field("decisions", ListOf(DECISION), "The decision log, oldest first (internal only)."),
        Field("escalations", ListOf(ESCALATION), "Escalations, oldest first (internal only)."),
        Field("updates", ListOf(UPDATE), "Public status updates, oldest first.", required=True),
        Field("timeline", ListOf(TIMELINE_ENTRY), "Internal timeline, oldest first."),
        Field("reopened", ListOf(WHEN), "When a resolved incident was reopened, oldest first; each starts an investigating update."),
        Field("imported", IMPORTED, "Set by statusbook import: where the record came from."),
    ),
)

EXCEPTION = Record(
    "exception",
    "An accepted exception to the 30-day window for action items.",
    (
        Field("accepted_by", PERSON, "Person id of who accepted that the item stays open longer.", required=True),
        Field("note", TEXT, "Why, and until when.", required=True),
    ),
    pm.ActionException,
)

ACTION_ITEM = Record(
    "action item",
    "A follow-up with an owner and a due date.",
    (
        Field("title", TEXT, "What will be done.", required=True),
        Field("owner", PERSON, "Person id of who owns it.", required=True),
        Field("due", Day(), "Due date.", required=True),
        Field("type", Choice(pm.ACTION_TYPES), "mitigate, prevent or process.", required=True),
        Field("status", Choice(pm.ACTION_STATUSES), "open, done or not_doing.", required=True),
        Field("ticket", TEXT, "Tracker reference or URL."),
        Field("done_on", Day(), "Date it was done."),
        Field("reason", TEXT, "Why it will not be done (required when status is not_doing)."),
        Field("exception", EXCEPTION, "Who accepted that it stays open past 30 days after resolution, and why."),
    ),
    pm.ActionItem,
)

POSTMORTEM = Record(
    "postmortem",
    "A blameless postmortem beside its incident: <id>.postmortem.md. Body sections: "
    + ", ".join(pm.REQUIRED_SECTIONS)
    + ".",
    (
        Field("status", Choice(pm.POSTMORTEM_STATUSES), "draft, in_review, reviewed or closed.", required=True),
        Field("authors", ListOf(PERSON), "Person ids of the authors.", required=True),
        Field("public", Bool(), "Whether it is published on the public status page.", required=True),
        Field("drafted", WHEN, "When the first draft was shared.", required=True),
        Field("reviewed_on", Day(), "Date of the review meeting."),
        Field("action_items", ListOf(ACTION_ITEM), "Follow-ups."),
    ),
)

SHIFT = Record(
    "shift",
    "One week on duty from the handover time on start.",
    (
        Field("start", Day(), "First day of the shift; must fall on the handover day.", required=True),
        Field("person", PERSON, "Person id on duty.", required=True),
        Field("backup", PERSON, "Person id of the backup."),
    ),
    rot.Shift,
)

OVERRIDE = Record(
    "override",
    "Someone else takes the duty for a while.",
    (
        Field("start", WHEN, "Start of the override.", required=True),
        Field("end", WHEN, "End of the override.", required=True),
        Field("person", PERSON, "Person id on duty instead.", required=True),
        Field("reason", TEXT, "Why.", required=True),
    ),
    rot.Override,
)

HANDOVER = Record(
    "handover",
    "When shifts change each week, in the rotation's time zone.",
    (
        Field("day", Choice(rot.WEEKDAYS), "Weekday of the handover.", required=True),
        Field("time", ClockTime(), "Time of the handover, HH:MM (quote it).", required=True),
    ),
)

ROTATION = Record(
    "rotation",
    "A weekly on-call rotation: rotations/<id>.md. The body describes the duty.",
    (
        Field("name", TEXT, "Display name.", required=True),
        Field("timezone", TimeZone(), "Time zone of the handover.", required=True),
        Field("handover", HANDOVER, "Weekly handover day and time.", required=True),
        Field("shifts", ListOf(SHIFT), "Weekly shifts in order.", required=True),
        Field("overrides", ListOf(OVERRIDE), "Overrides of the schedule."),
    ),
)

COMPONENT = Record(
    "component",
    "A part of the service.",
    (
        Field("id", Ident(), "Stable id used in incident records and URLs.", required=True, example="api"),
        Field("name", TEXT, "Display name.", required=True, example="Public API"),
        Field("public", Bool(), "Whether it appears on the public status page.", required=True, example="true"),
        Field("group", TEXT, "Group name for display.", example="Platform"),
        Field("description", TEXT, "Short description.", example="REST API at api.example.com."),
    ),
    site.Component,
)

SEVERITY = Record(
    "severity",
    "A severity level and its targets.",
    (
        Field("id", SeverityIdent(), "Id used in incident records, such as SEV1; unique regardless of case.", required=True, example="SEV1"),
        Field("name", TEXT, "Display name, such as Critical.", required=True, example="Critical"),
        Field("response", Duration((site.NEXT_BUSINESS_DAY,)), "Target from detection to acknowledgement.", required=True, example="15m"),
        Field("resolve", Duration(), "Target from detection to resolution (MTTR target).", required=True, example="4h"),
        Field("update_every", Duration(), "Longest allowed gap between status updates.", required=True, example="30m"),
        Field("postmortem", Bool(), "Whether a postmortem is required.", required=True, example="true"),
        Field("description", TEXT, "When to use this severity.", example="Customers cannot use a core feature."),
        Field("audiences", ListOf(Choice(site.AUDIENCES)),
              "Who is told: responders, engineering-leads, executives, all-hands or customers; chooses the comms templates "
              "offered (internal always; exec for executives, client for customers, wrap-up for the others). "
              "Left out, every template is offered.", default="[]", example="[executives, all-hands]"),
    ),
    site.Severity,
)

FOOTER_LINK = Record(
    "footer link",
    "A link in the footer of every page.",
    (
        Field("title", TEXT, "Text of the link.", required=True, example="Support"),
        Field("url", SafeLink(), "Where it leads: http(s), mailto or relative.", required=True, example="mailto:support@acme.example"),
    ),
    theme.FooterLink,
)

THEME = Record(
    "theme",
    "How both sites look, without forking Statusbook; every key is optional and falls back to Material's look.",
    (
        Field("logo", ThemePath(theme.IMAGE_SUFFIXES), "Image shown in the header, a file inside the portal.", example="assets/logo.svg"),
        Field("favicon", ThemePath(theme.IMAGE_SUFFIXES), "Icon browsers show in tabs, a file inside the portal.", example="assets/favicon.png"),
        Field("primary", SchemeColour(), "Header and link colour; white header text must contrast 4.5:1 with it.", example='"#0b5fff"'),
        Field("accent", SchemeColour(), "Hover and focus colour; it must contrast 4.5:1 with the page background.", example='{light: "#b3261e", dark: "#ffb4ab"}'),
        Field("extra_css", ThemePath(theme.CSS_SUFFIXES), "Stylesheet inside the portal, linked after Statusbook's own.", example="assets/extra.css"),
        Field("footer", ListOf(FOOTER_LINK), "Links in the footer of every page.", default="[]",
              example="[{title: Support, url: 'mailto:support@acme.example'}]"),
        Field("domain", Hostname(), "Custom domain of the public status site: written to its CNAME file for GitHub Pages.", example="status.acme.example"),
    ),
    theme.Theme,
)

CHANNEL = ChannelRecord(
    "notify channel",
    "A place every new public update is pushed to. Any value may be ${ENV_VAR}, read from the environment when sending.",
    (
        Field("id", Ident(), "Stable id; the state file keys what was sent by it.", required=True, example="customers"),
        Field("type", Choice(notify.CHANNEL_TYPES), "webhook (Statuspage-shaped JSON), slack (also Mattermost and Rocket.Chat) or email.",
              required=True, example="webhook"),
        Field("audience", Choice(notify.CHANNEL_AUDIENCES), "public: public updates only; internal: every record, and reminders of due updates.",
              default="public", example="internal"),
        Field("components", ListOf(Ident()), "Only updates that touch one of these component ids; left out, every update.",
              example="[api, webhooks]"),
        Field("url", HttpUrl(), "webhook and slack: the http(s) address to POST to.", example="${SLACK_WEBHOOK_URL}"),
        Field("secret", TEXT, "webhook: key of the HMAC-SHA256 signature sent in X-Statusbook-Signature.", example="${WEBHOOK_SECRET}"),
        Field("smtp_host", TEXT, "email: the SMTP server.", example="smtp.acme.example"),
        Field("smtp_port", Whole(), "email: the SMTP port; 587 with starttls, else 25.", example="587"),
        Field("starttls", Bool(), "email: upgrade the connection with STARTTLS before logging in.", default="false", example="true"),
        Field("username", TEXT, "email: the SMTP login.", example="${SMTP_USERNAME}"),
        Field("password", TEXT, "email: the SMTP password.", example="${SMTP_PASSWORD}"),
        Field("from", TEXT, "email: the sender address.", attr="from_address", example="status@acme.example"),
        Field("to", ListOf(TEXT), "email: the recipients, such as a customers' mailing list.", example="[status-subscribers@lists.acme.example]"),
        Field("unsubscribe", SafeLink(), "email: a mailto or https address sent as List-Unsubscribe.", example="mailto:status-subscribers-leave@lists.acme.example"),
        Field("remind_before", ListOf(Duration()), "How long before a due moment to remind: a committed update (internal; default 10m) "
              "or a maintenance start (public; default 24h and 1h).", example="[30m, 10m]"),
    ),
)

NOTIFY = Record(
    "notify",
    "Notifications: each new public update pushed once to every channel by statusbook notify.",
    (
        Field("channels", ListOf(CHANNEL), "Webhooks, chat and email channels.", default="[]",
              example="[{id: ops-chat, type: slack, url: '${SLACK_WEBHOOK_URL}'}]"),
        Field("signup_url", SafeLink(), "Where readers join the mailing list; linked from the Subscribe page.",
              example="https://lists.acme.example/subscribe/status"),
    ),
    notify.Notify,
)

SITE = Record(
    "site configuration",
    "statusbook.yml at the root of the repository.",
    (
        Field("format", Whole(), "Record format version the records are written for; left out, format 1 with a warning.",
              default="1", example="1"),
        Field("name", TEXT, "Name of the status site.", required=True, example="Example Cloud Status"),
        Field("url", TEXT, "Public URL of the status site; needed to build it.", example="https://status.example.com/"),
        Field("internal_url", TEXT, "URL of the internal records portal; needed to build it.", example="https://records.example.com/"),
        Field("timezone", TimeZone(), "Team time zone: display and business days.", required=True, example="Europe/Berlin"),
        Field("default_timezone", TimeZone(), "If set, timestamps without offset are read in this zone; otherwise they are errors.",
              example="Europe/Berlin"),
        Field("components", ListOf(COMPONENT), "Components in display order.", required=True,
              example="[{id: api, name: Public API, public: true}]"),
        Field("severities", ListOf(SEVERITY), "Severities, most severe first.", required=True,
              example="[{id: SEV1, name: Critical, response: 15m, resolve: 4h, update_every: 30m, postmortem: true}]"),
        Field("theme", THEME, "Logo, favicon, colours, footer links, extra stylesheet and custom domain.", default="{}",
              example='{logo: assets/logo.svg, primary: "#0b5fff"}'),
        Field("notify", NOTIFY, "Channels statusbook notify pushes updates and reminders to.", default="{}",
              example="{channels: [{id: customers, type: webhook, url: 'https://hooks.acme.example/status'}]}"),
        Field("checks", RuleLevels(), "Rule levels for this portal, by rule code: raise a warning to error, or turn "
              "it off; an error rule stays an error. See the rules reference.", attr="rule_levels", default="{}",
              example="{I308: error, P606: off}"),
        Field("commander_rotation", Ident(), "Id of the rotation whose person on duty commands incidents (rotations/<id>.md): "
              "statusbook incident new names them commander by default, and rules O410 and O411 follow its handovers.",
              default=site.COMMANDER_ROTATION, example="incident-managers"),
        Field("vague_words", ListOf(TEXT), "Words and phrases of update messages and handoff statuses that rule B703 "
              "calls vague; they replace the default list, and [] finds none.", default=f"[{', '.join(site.VAGUE_WORDS)}]",
              example="[seems, should be fine, probably, looks better, hopefully, fingers crossed]"),
        Field("public_environments", ListOf(Choice(inc.ENVIRONMENTS)), "Environments whose public incidents the status "
              "page shows; incidents of the others stay on the internal portal.",
              default=f"[{', '.join(site.PUBLIC_ENVIRONMENTS)}]", example="[production, staging]"),
        Field("escalation_contact", PERSON, "Person id of the head of engineering, to whom a failed rollback is escalated "
              "(rule I213); it must be listed in people.yml.", example="gustav"),
    ),
)

PERSON_RECORD = Record(
    "person",
    "Someone who takes part in incident response.",
    (
        Field("id", Ident(), "Id used in records.", required=True, example="alice"),
        Field("name", TEXT, "Full name.", required=True, example="Alice Okafor"),
        Field("contacts", MapOf(Ident(), Text()), "Ways to reach them, such as email, phone, chat.", default="{}",
              example="{email: alice@example.com, chat: '@alice'}"),
        Field("timezone", TimeZone(), "IANA time zone they work in; needed with working_hours.", example="Europe/London"),
        Field("working_hours", Hours(), "Hours of their working day on their own clock, HH:MM-HH:MM (quote it); an end "
              "before the start runs past midnight. Handoff suggestions and the on-call page use them.", example='"09:00-17:30"'),
        Field("working_days", ListOf(Choice(rot.WEEKDAYS)), "Weekdays they work.",
              default=f"[{', '.join(DEFAULT_WORKING_DAYS)}]", example="[monday, tuesday, wednesday, thursday]"),
    ),
    site.Person,
)

PEOPLE = Record(
    "people",
    "people.yml at the root of the repository.",
    (Field("people", ListOf(PERSON_RECORD), "Everyone who appears in records.", required=True,
           example="[{id: alice, name: Alice Okafor}]"),),
)

RECORD_TYPES = {
    "incident": INCIDENT,
    "postmortem": POSTMORTEM,
    "rotation": ROTATION,
    "statusbook": SITE,
    "people": PEOPLE,
}
