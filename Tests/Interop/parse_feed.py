"""Parses an iCalendar feed with two independent parsers and prints what each saw, as JSON.

Usage: parse_feed.py FEED.ics

- icalendar (the most used Python library), reading the bytes as published;
- ical (a strict, pydantic-validated parser that rejects what RFC 5545 does not allow).

Exits non-zero, with the parser's message, when either parser rejects the feed.
"""
import json
import sys

import icalendar
from ical.calendar_stream import IcsCalendarStream


def text(value):
    return None if value is None else str(value)


def when(value):
    return None if value is None else value.isoformat()


def with_icalendar(data):
    calendar = icalendar.Calendar.from_ical(data)
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.get("DTSTART")
        end = event.get("DTEND")
        categories = []
        for prop in event.get("CATEGORIES", []) if isinstance(event.get("CATEGORIES"), list) else [event.get("CATEGORIES")]:
            if prop is not None:
                categories += [str(c) for c in prop.cats]
        events.append({
            "uid": text(event.get("UID")),
            "summary": text(event.get("SUMMARY")),
            "description": text(event.get("DESCRIPTION")),
            "location": text(event.get("LOCATION")),
            "start": when(start.dt) if start else None,
            "start_tzid": start.params.get("TZID") if start else None,
            "end": when(end.dt) if end else None,
            "status": text(event.get("STATUS")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "categories": categories,
            "rrule": event.get("RRULE").to_ical().decode() if event.get("RRULE") else None,
            "exdates": [when(d.dt) for ex in (event.get("EXDATE") if isinstance(event.get("EXDATE"), list) else [event.get("EXDATE")]) if ex for d in ex.dts],
        })
    zones = [str(z.get("TZID")) for z in calendar.walk("VTIMEZONE")]
    return {"name": text(calendar.get("X-WR-CALNAME")), "timezones": zones, "events": events}


def with_ical(data):
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    events = []
    for event in calendar.events:
        events.append({
            "uid": event.uid,
            "summary": event.summary,
            "description": event.description,
            "start": when(event.dtstart),
            "end": when(event.dtend),
            "status": event.status.value if event.status else None,
            "sequence": event.sequence,
            "categories": list(event.categories),
        })
    zones = [tz.tz_id for tz in calendar.timezones]
    return {"timezones": zones, "events": events}


def main():
    data = open(sys.argv[1], "rb").read()
    result = {}
    for name, parse in (("icalendar", with_icalendar), ("ical", with_ical)):
        try:
            result[name] = parse(data)
        except Exception as error:  # report which parser failed and why
            print(f"{name} rejected {sys.argv[1]}: {type(error).__name__}: {error}", file=sys.stderr)
            sys.exit(1)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


main()
