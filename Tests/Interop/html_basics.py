"""Checks the basics of an HTML page's accessibility and self-containment with Python's own
HTML parser, and prints what it found as JSON:

  csp            the Content-Security-Policy of its <meta http-equiv>, or null
  lang, title    the <html lang> and the <title> text
  h1             how many <h1> there are
  skipped        headings that skip a level ("h2 -> h4")
  images         <img> without an alt attribute
  graphics       <svg> without role="img" and a name (aria-label, aria-labelledby to an
                 element that exists, or a <title> child)
  tables         <table> without a <th>
  external       attributes that load something from elsewhere (src, href of <link>,
                 xlink:href, url(...) in styles) other than data: and #fragments
  scripts        how many <script> elements there are
  links          <a> without text
  bars           elements with role="img" but no aria-label

Usage: html_basics.py FILE.html
"""
import json
import re
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.report = {"csp": None, "lang": None, "title": "", "h1": 0, "skipped": [], "images": [], "graphics": [],
                       "tables": [], "external": [], "scripts": 0, "links": [], "bars": []}
        self.ids = set()
        self.labelled = []
        self.level = 0
        self.stack = []
        self.svg = None
        self.table = None
        self.link = None
        self.in_title = False
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        r = self.report
        if tag == "html":
            r["lang"] = a.get("lang")
        elif tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            r["csp"] = a.get("content")
        elif tag == "title" and self.svg is None:
            self.in_title = True
        elif tag == "title" and self.svg is not None:
            self.svg["title"] = True
        elif re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            r["h1"] += level == 1
            if self.level and level > self.level + 1:
                r["skipped"].append(f"h{self.level} -> h{level}")
            self.level = level
        elif tag == "img" and "alt" not in a:
            r["images"].append(a.get("src", ""))
        elif tag == "svg" and self.svg is None:
            self.svg = {"role": a.get("role"), "label": a.get("aria-label"), "labelledby": a.get("aria-labelledby"), "title": False}
        elif tag == "table":
            self.table = {"th": False}
        elif tag == "th" and self.table is not None:
            self.table["th"] = True
        elif tag == "script":
            r["scripts"] += 1
        elif tag == "style":
            self.in_style = True
        elif tag == "a":
            self.link = {"href": a.get("href", ""), "text": ""}
        if a.get("role") == "img" and tag != "svg" and not a.get("aria-label"):
            r["bars"].append(tag)
        for name in ("src", "xlink:href", "srcset", "poster", "data"):
            if name in a and not a[name].startswith(("data:", "#")):
                r["external"].append(f"{tag} {name}={a[name]}")
        if tag == "link" and "href" in a:
            r["external"].append(f"link href={a['href']}")
        for match in re.findall(r"url\(([^)]*)\)", a.get("style", "")):
            if not match.strip("'\" ").startswith(("data:", "#")):
                r["external"].append(f"{tag} style url({match})")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "style":
            self.in_style = False
        elif tag == "svg" and self.svg is not None:
            s = self.svg
            self.labelled.append(s)
            self.svg = None
        elif tag == "table" and self.table is not None:
            if not self.table["th"]:
                self.report["tables"].append("table without a header cell")
            self.table = None
        elif tag == "a" and self.link is not None:
            if not self.link["text"].strip():
                self.report["links"].append(self.link["href"])
            self.link = None

    def handle_data(self, data):
        if self.in_title:
            self.report["title"] += data
        if self.link is not None:
            self.link["text"] += data
        if self.in_style:
            for match in re.findall(r"url\(([^)]*)\)|@import", data):
                if not match or not match.strip("'\" ").startswith(("data:", "#")):
                    self.report["external"].append(f"style {match or '@import'}")

    def finish(self):
        for s in self.labelled:
            named = s["label"] or s["title"] or (s["labelledby"] and all(i in self.ids for i in s["labelledby"].split()))
            if s["role"] != "img" or not named:
                self.report["graphics"].append(s)
        return self.report


page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
page.close()
print(json.dumps(page.finish()))
