#!/usr/bin/env python3
"""The Python peer for `almanac feed`: reads the benchmark's CSV activity log and writes the
same feed with the `icalendar` package, the way a Python tool would (build the calendar,
then `to_ical`).

Usage: python_icalendar.py LOG.csv OUT.ics
"""
import csv
import datetime
import sys
import zoneinfo

import icalendar

PLACES = {"Sarajevo": (43.8486, 18.3564), "Skopje": (41.9965, 21.4314), "Tirana": (41.3274, 19.8187),
          "Podgorica": (42.4411, 19.2636), "Belgrade": (44.8040, 20.4651), "Brussels": (50.8505, 4.3488)}


def main():
    source, target = sys.argv[1], sys.argv[2]
    stamp = datetime.datetime.fromtimestamp(1707955200, datetime.timezone.utc)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//Almanac//benchmark python peer//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", "Bench")
    zones = {}
    with open(source, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            event = icalendar.Event()
            event.add("uid", f"{row['id']}@bench.example.org")
            event.add("dtstamp", stamp)
            day = datetime.date.fromisoformat(row["start"])
            if row["start time"]:
                zone = zones.setdefault(row["timezone"], zoneinfo.ZoneInfo(row["timezone"]))
                start = datetime.datetime.combine(day, datetime.time.fromisoformat(row["start time"]), zone)
                end = datetime.datetime.combine(day, datetime.time.fromisoformat(row["end time"]), zone)
            else:
                start = day
                end = datetime.date.fromisoformat(row["end"] or row["start"]) + datetime.timedelta(days=1)
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("summary", row["title"])
            event.add("description", row["description"])
            event.add("location", f"{row['city']}, {row['country']}")
            if row["city"] in PLACES:
                event.add("geo", PLACES[row["city"]])
            event.add("categories", [row["category"]])
            event.add("url", row["url"])
            event.add("status", "CONFIRMED")
            if row["repeat"]:
                event.add("rrule", icalendar.vRecur.from_ical(row["repeat"]))
            event.add("transp", "OPAQUE" if row["start time"] else "TRANSPARENT")
            event.add("class", "PUBLIC")
            event.add("sequence", 0)
            event.add("created", stamp)
            event.add("last-modified", stamp)
            calendar.add_component(event)
    calendar.add_missing_timezones()
    with open(target, "wb") as file:
        file.write(calendar.to_ical())


main()
