"""Generate a synthetic Statusbook root with N rich incidents, their postmortems and two rotations."""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
PEOPLE = ("alice", "bruno", "chen", "dana", "emeka", "farah", "gustav", "hana", "ivan", "julia")
COMPONENTS = ("website", "dashboard", "api", "webhooks", "payments", "auth", "search")
SEVERITIES = (("SEV1", 30), ("SEV2", 60), ("SEV3", 240), ("SEV4", 1440))
STATUSES = ("investigating", "identified", "monitoring")
# The benchmarks judge the corpus as of this moment: after every record of up to 20,000 incidents (which end early in
# 2035), since a record may not report a moment after now, and inside the rotations, so the corpus stays free of problems.
NOW = "2036-01-01T00:00:00Z"
ROTATIONS_END = date(2036, 3, 31)
FIRST_SHIFT = date(2019, 12, 30)
BERLIN = ZoneInfo("Europe/Berlin")
OVERRIDE = (datetime.combine(FIRST_SHIFT + timedelta(days=2), time(8), timezone.utc),
            datetime.combine(FIRST_SHIFT + timedelta(days=3), time(8), timezone.utc))


def shift_week(moment: datetime) -> int:
    """Return the number of the synthetic rotation's weekly shift at ``moment`` (handover Monday 10:00 Berlin)."""
    week = (moment.astimezone(BERLIN).date() - FIRST_SHIFT).days // 7
    if datetime.combine(FIRST_SHIFT + timedelta(weeks=week), time(10), BERLIN) > moment:
        week -= 1
    return week


def on_duty(moment: datetime) -> str:
    """Return who is on duty in the synthetic incident-manager rotation at ``moment``: the override, else the week's shift."""
    if OVERRIDE[0] <= moment < OVERRIDE[1]:
        return PEOPLE[3]
    return PEOPLE[shift_week(moment) % 10]


def backup_on(moment: datetime) -> str:
    """Return the backup of the synthetic incident-manager rotation at ``moment``."""
    return PEOPLE[(shift_week(moment) + 5) % 10]


def responders(rng: random.Random, started: datetime, resolved: datetime, index: int) -> list[str]:
    """Pick five people: first the incident manager on duty at the start (or, every other incident, the backup, so
    nobody takes more than two pages a night: C814), who hands over to the one on duty at the end (or to someone
    else), so the rota rules O410 and O411 find nothing."""
    first = on_duty(started) if index % 2 == 0 else backup_on(started)
    last = on_duty(resolved)
    sample = rng.sample(PEOPLE, 6)
    return ([first] + ([last] if last != first else []) + [p for p in sample if p not in (first, last)])[:5]


def stamp(moment: datetime) -> str:
    """Format a UTC timestamp as records write it."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def updates(start: datetime, cadence: int, count: int, end: datetime, postmortem: bool = False) -> str:
    """Write a resolved incident's updates, each committing to the next; a wrap-up names the postmortem's due time."""
    lines, at = [], start
    for index in range(count):
        status = STATUSES[min(index, 2)]
        nxt = at + timedelta(minutes=cadence)
        lines += [f"  - at: {stamp(at)}", f"    status: {status}",
                  f"    message: Update {index + 1}. We are working on the problem with the {COMPONENTS[index % 7]} service and will report progress.",
                  f"    next_update: {stamp(nxt)}"]
        at = min(nxt - timedelta(minutes=1), end - timedelta(minutes=count - index))
    lines += [f"  - at: {stamp(end)}", "    status: resolved", "    message: The problem is resolved and service is back to normal. A postmortem follows."]
    if postmortem:
        lines += [f"    postmortem_due: {stamp(end + timedelta(hours=48))}", "    prevention: A canary stage now holds back a faulty deploy."]
    return "\n".join(lines)


def timeline(detected: datetime, ack: datetime, mitigated: datetime, people: list[str], warned: bool) -> str:
    """Write an internal timeline; ``warned`` lists the last entry before its predecessor (warning I309, one per file)."""
    entries = [
        (detected, people[0], "Alert fired for elevated error rates."),
        (ack, people[0], "Acknowledged the page and opened the incident channel."),
        (mitigated, people[2], "Rollback finished; error rates falling."),
    ]
    if warned:
        entries[1], entries[2] = entries[2], entries[1]
    return "\n".join(f"  - at: {stamp(at)}\n    by: {by}\n    event: {event}" for at, by, event in entries)


def incident(index: int, rng: random.Random, warned: bool = False) -> tuple[str, str, str, str | None]:
    """Return the year, id, text and optional postmortem of one synthetic incident."""
    started = datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=397 * index)
    severity, cadence = SEVERITIES[index % 4]
    detected, ack = started + timedelta(minutes=3), started + timedelta(minutes=8)
    mitigated, resolved = started + timedelta(minutes=50), started + timedelta(minutes=90)
    people = responders(rng, started, resolved, index)
    ident = f"{started:%Y-%m-%d}-synthetic-{index}"
    text = f"""---
title: Synthetic incident {index} affecting {COMPONENTS[index % 7]}
type: incident
severity: {severity}
status: resolved
public: {'true' if index % 3 else 'false'}
components:
  {COMPONENTS[index % 7]}: partial_outage
  {COMPONENTS[(index + 1) % 7]}: degraded_performance
started: {stamp(started)}
detected: {stamp(detected)}
acknowledged: {stamp(ack)}
mitigated: {stamp(mitigated)}
resolved: {stamp(resolved)}
commander: {people[1]}
severity_checked_with: [{people[0]}]
roles:
  tech_lead: {people[2]}
  comms_lead: {people[3]}
  scribe: {people[4]}
handoffs:
  - at: {stamp(ack + timedelta(minutes=10))}
    from: {people[0]}
    to: {people[1]}
    acknowledged_at: {stamp(ack + timedelta(minutes=12))}
    status: Rolling back the latest deploy.
    next_steps: Watch error rates, then confirm with support.
    next_update: {stamp(ack + timedelta(minutes=25))}
mitigation: rollback
links:
  - kind: channel
    url: https://chat.example.com/inc-{started:%Y%m%d}-synthetic-{index}
  - kind: bridge
    url: https://meet.example.com/inc-{index}
decisions:
  - at: {stamp(ack + timedelta(minutes=10))}
    by: {people[0]}
    decision: Roll back the latest deploy of {COMPONENTS[index % 7]}.
    why: The errors began after it and its impact cannot be determined yet.
    mitigation: rollback
    outcome: worked
escalations:
  - at: {stamp(ack + timedelta(minutes=30))}
    by: {people[1]}
    to: {people[4]}
    reason: The rollback is slow to take effect; calling in the owner of the service.
updates:
{updates(ack + timedelta(minutes=1), cadence, 3, resolved, severity in ("SEV1", "SEV2"))}
timeline:
{timeline(detected, ack, mitigated, people, warned)}
---
Internal notes for synthetic incident {index}. Dashboards and logs are linked here.
"""
    postmortem = None
    if severity in ("SEV1", "SEV2"):
        postmortem = f"""---
status: closed
authors: [{people[1]}, {people[2]}]
public: false
drafted: {stamp(resolved + timedelta(hours=20))}
reviewed_on: {(resolved + timedelta(days=5)).date()}
action_items:
  - title: Add a canary stage for {COMPONENTS[index % 7]} deploys
    owner: {people[2]}
    due: {(resolved + timedelta(days=20)).date()}
    type: prevent
    status: done
    done_on: {(resolved + timedelta(days=15)).date()}
    ticket: OPS-{index}
---
## Summary

A deploy raised error rates. It was rolled back within the hour.

## Impact

Some requests failed for about an hour.

## Timeline

See the incident record.

## Root cause

A configuration change was not covered by the canary checks.

## What went well

Alerting fired within minutes.

## What could be improved

Canary coverage of configuration changes.

## Action items

Listed in the front matter.
"""
    return f"{started:%Y}", ident, text, postmortem


def rotation(name: str, weeks: int, first: date) -> str:
    """Write a weekly rotation with one override."""
    shifts = "\n".join(
        f"  - start: {first + timedelta(weeks=w)}\n    person: {PEOPLE[w % 10]}\n    backup: {PEOPLE[(w + 5) % 10]}"
        for w in range(weeks)
    )
    return f"""---
name: {name}
timezone: Europe/Berlin
handover: {{day: monday, time: "10:00"}}
shifts:
{shifts}
overrides:
  - start: {first + timedelta(days=2)}T09:00:00+01:00
    end: {first + timedelta(days=3)}T09:00:00+01:00
    person: {PEOPLE[3]}
    reason: Swap for a day off.
---
Weekly duty.
"""


def generate(root: Path, count: int, seed: int = 7, warned: bool = False) -> None:
    """Write a full synthetic root with ``count`` incidents; ``warned`` gives each incident file one warning."""
    if root.exists():
        shutil.rmtree(root)
    (root / "rotations").mkdir(parents=True)
    for name in ("statusbook.yml", "people.yml"):
        shutil.copy(REPO / name, root / name)
    rng = random.Random(seed)
    for index in range(count):
        year, ident, text, postmortem = incident(index, rng, warned)
        folder = root / "incidents" / year
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{ident}.md").write_text(text)
        if postmortem:
            (folder / f"{ident}.postmortem.md").write_text(postmortem)
    weeks = (ROTATIONS_END - FIRST_SHIFT).days // 7
    for name in ("incident-managers", "platform-oncall"):
        (root / "rotations" / f"{name}.md").write_text(rotation(name, weeks, FIRST_SHIFT))


def main() -> None:
    """Generate a synthetic root from the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--warned", action="store_true", help="give each incident one warning (timeline out of order)")
    args = parser.parse_args()
    generate(args.root, args.count, warned=args.warned)


if __name__ == "__main__":
    main()
