"""Reads a Chromium NetLog (--log-net-log=FILE) and prints, as JSON, the URLs that were
requested on behalf of a page opened from a file (the network isolation key of a file://
document), leaving out Chromium's own background requests (updates, time, accounts).

Usage: page_requests.py NETLOG.json
"""
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
types = {number: name for name, number in log["constants"]["logEventTypes"].items()}
urls = []
for event in log["events"]:
    params = event.get("params") or {}
    if types.get(event["type"]) == "URL_REQUEST_START_JOB" and "file://" in params.get("network_isolation_key", ""):
        if params.get("url") not in urls:
            urls.append(params.get("url"))
print(json.dumps(urls))
