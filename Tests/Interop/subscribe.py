"""Subscribes to a feed over HTTP as a calendar service does, and prints what it got as JSON.

Usage: subscribe.py URL

Fetches URL with urllib (no Accept header, Google's importer's User-Agent), then parses the
body with icalendar. Exits non-zero when the request fails or the body does not parse.
"""
import json
import sys
import urllib.request

import icalendar

request = urllib.request.Request(sys.argv[1], headers={"User-Agent": "Google-Calendar-Importer"})
with urllib.request.urlopen(request, timeout=20) as response:
    body = response.read()
    content_type = response.headers.get("Content-Type")
calendar = icalendar.Calendar.from_ical(body)
print(json.dumps({
    "content_type": content_type,
    "name": str(calendar.get("X-WR-CALNAME")) if calendar.get("X-WR-CALNAME") else None,
    "uids": [str(event.get("UID")) for event in calendar.walk("VEVENT")],
    "summaries": [str(event.get("SUMMARY")) for event in calendar.walk("VEVENT")],
}))
