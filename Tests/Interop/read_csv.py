"""Reads CSV files with Python's csv module and prints what it saw, as JSON.

Usage: read_csv.py FILE [DELIMITER]

Prints {"bom": bool, "line_ends": ["\\r\\n", ...], "rows": [[cell, ...], ...]}. The BOM is
reported and stripped (utf-8-sig); every physical record must end with CRLF.
"""
import csv
import io
import json
import sys

path = sys.argv[1]
delimiter = sys.argv[2] if len(sys.argv) > 2 else ","
data = open(path, "rb").read()
bom = data.startswith(b"\xef\xbb\xbf")
text = data.decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
# Line ends outside quoted fields: every record must end with CRLF (RFC 4180).
ends, quoted, i = [], False, 0
while i < len(text):
    c = text[i]
    if c == '"':
        quoted = not quoted
    elif not quoted and c in "\r\n":
        end = text[i:i + 2] if text[i:i + 2] == "\r\n" else c
        ends.append(end)
        i += len(end)
        continue
    i += 1
json.dump({"bom": bom, "line_ends": sorted(set(ends)), "records": len(ends), "rows": rows}, sys.stdout, ensure_ascii=False)
