#!/usr/bin/env python3
"""Generates the benchmark inputs: an Almanac project whose activity log is either one CSV
file (`--csv`) or one YAML record per activity (`--yaml`), N activities, deterministic.

Usage: generate.py (--csv | --yaml) N FOLDER

The CSV log is also what the C reference and the Python peer read (FOLDER/events/log.csv),
so all three writers publish the same activities. A tenth of the activities are timed, in
one of four zones; the rest are all-day, one or two days long; every 50th timed one is a
weekly series of five. Descriptions are ordinary sentences (about 300 bytes), as in a real log.
"""
import csv
import os
import sys

ZONES = ["Europe/Sarajevo", "Europe/Brussels", "Europe/Belgrade", "Europe/Chisinau"]
CITIES = [("Sarajevo", "Bosnia and Herzegovina"), ("Skopje", "North Macedonia"), ("Tirana", "Albania"),
          ("Podgorica", "Montenegro"), ("Belgrade", "Serbia"), ("Brussels", "Belgium")]
SENTENCE = ("Representatives of the ministries of the interior and partner organisations met to review the "
            "regional action plan, agree on next steps and exchange good practice; ")
HEADER = ["id", "title", "start", "end", "start time", "end time", "timezone", "city", "country", "category",
          "organisations", "url", "description", "repeat"]


def activity(index):
    year = 2000 + index % 25
    month = 1 + (index // 28) % 12
    day = 1 + index % 28
    city, country = CITIES[index % len(CITIES)]
    category = "workshop" if index % 3 == 0 else "meeting"
    row = {"id": f"a{index}", "title": f"Activity {index}, with commas; and ünïcödé",
           "start": f"{year}-{month:02d}-{day:02d}", "end": "", "start time": "", "end time": "", "timezone": "",
           "city": city, "country": country, "category": category, "organisations": "RCC; DCAF",
           "url": f"https://news.example.org/items/{index}", "description": SENTENCE * 2, "repeat": ""}
    if index % 10 == 0:
        row.update({"start time": "10:00", "end time": "12:00", "timezone": ZONES[index % 4]})
        if index % 50 == 0:
            row["repeat"] = "FREQ=WEEKLY;COUNT=5"
    elif index % 4 == 0:
        row["end"] = f"{year}-{month:02d}-{day + 1:02d}"
    return row


def config(folder):
    with open(os.path.join(folder, "almanac.yml"), "w") as file:
        file.write("name: Bench\ndomain: bench.example.org\ntimezone: Europe/Sarajevo\n"
                   "categories: [meeting, workshop]\nfeeds:\n  - name: all\n")


def write_csv(folder, count):
    os.makedirs(os.path.join(folder, "events"), exist_ok=True)
    with open(os.path.join(folder, "events", "log.csv"), "w", newline="") as file:
        writer = csv.DictWriter(file, HEADER, lineterminator="\n")
        writer.writeheader()
        for index in range(count):
            writer.writerow(activity(index))


def yaml_text(value):
    return "'" + value.replace("'", "''") + "'"


def write_yaml(folder, count):
    for index in range(count):
        row = activity(index)
        sub = os.path.join(folder, "events", str(index // 1000))
        os.makedirs(sub, exist_ok=True)
        lines = [f"id: {row['id']}", f"title: {yaml_text(row['title'])}", f"category: {row['category']}",
                 f"location:\n  city: {row['city']}\n  country: {row['country']}",
                 "organisations: [RCC, DCAF]", f"url: {row['url']}", f"summary: {yaml_text(row['description'])}"]
        if row["start time"]:
            lines += [f"start: {row['start']}T{row['start time']}", f"end: '{row['end time']}'",
                      f"timezone: {row['timezone']}"]
            if row["repeat"]:
                lines.append(f"repeat: {row['repeat']}")
        else:
            lines.append(f"start: {row['start']}")
            if row["end"]:
                lines.append(f"end: {row['end']}")
        with open(os.path.join(sub, f"{row['id']}.yml"), "w") as file:
            file.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("--csv", "--yaml"):
        sys.exit(__doc__)
    kind, count, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(folder, exist_ok=True)
    config(folder)
    (write_csv if kind == "--csv" else write_yaml)(folder, count)


main()
