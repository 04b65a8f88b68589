"""Checks a static site folder as a link checker and a basic accessibility checker would,
and prints what it found as JSON.

Usage: check_site.py SITE_DIR

For every .html file (parsed with Python's html.parser, independent of Almanac):
- every local link and resource (href, src) must resolve to a file of the folder, and a
  #fragment to an id of that page;
- external links must be well-formed absolute addresses (they are listed, not fetched);
- the basics of accessibility: <html lang>, a <title>, one <h1>, no skipped heading level,
  a label for every input, alt text on every image, text (or aria-label) on every link;
- a Content-Security-Policy <meta>.
"""
import json
import os
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit, unquote


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.headings, self.inputs, self.labels = [], set(), [], [], set()
        self.images_without_alt, self.lang, self.title, self.csp = 0, None, False, None
        self.open_link, self.empty_links = None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "title":
            self.title = True
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "input" and a.get("type") != "hidden":
            self.inputs.append(a.get("id"))
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        if tag == "img" and "alt" not in a:
            self.images_without_alt += 1
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.links.append(a[name])
        if tag == "a":
            self.open_link = {"href": a.get("href"), "text": a.get("aria-label") or ""}

    def handle_data(self, data):
        if self.open_link is not None:
            self.open_link["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self.open_link is not None:
            if not self.open_link["text"].strip():
                self.empty_links.append(self.open_link["href"])
            self.open_link = None


def main(root):
    pages, broken, external, problems = {}, [], [], []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                page = Page()
                with open(path, encoding="utf-8") as handle:
                    page.feed(handle.read())
                pages[os.path.relpath(path, root)] = page
    checked = 0
    for relative, page in sorted(pages.items()):
        where = relative
        if not page.lang:
            problems.append(f"{where}: <html> has no lang")
        if not page.title:
            problems.append(f"{where}: no <title>")
        if page.headings.count(1) != 1:
            problems.append(f"{where}: {page.headings.count(1)} <h1> (one expected)")
        for before, after in zip(page.headings, page.headings[1:]):
            if after > before + 1:
                problems.append(f"{where}: heading h{before} is followed by h{after}")
        for field in page.inputs:
            if field is None or field not in page.labels:
                problems.append(f"{where}: input {field} has no label")
        if page.images_without_alt:
            problems.append(f"{where}: {page.images_without_alt} images without alt")
        for href in page.empty_links:
            problems.append(f"{where}: link to {href} has no text")
        if not page.csp or "default-src 'none'" not in page.csp:
            problems.append(f"{where}: no strict Content-Security-Policy meta")
        for link in page.links:
            checked += 1
            parts = urlsplit(link)
            if parts.scheme:
                if parts.scheme in ("http", "https", "webcal") and parts.netloc:
                    external.append(link)
                else:
                    broken.append(f"{where}: {link}: not a well-formed address")
                continue
            if link.startswith("//"):
                broken.append(f"{where}: {link}: protocol-relative")
                continue
            target = relative if not parts.path else os.path.normpath(os.path.join(os.path.dirname(relative), unquote(parts.path)))
            if target.startswith(".."):
                broken.append(f"{where}: {link}: leaves the site")
            elif not os.path.isfile(os.path.join(root, target)):
                broken.append(f"{where}: {link}: no file {target}")
            elif parts.fragment and target.endswith(".html") and parts.fragment not in pages[target].ids:
                broken.append(f"{where}: {link}: no id {parts.fragment} in {target}")
    print(json.dumps({"pages": sorted(pages), "links": checked, "broken": broken, "external": sorted(set(external)), "problems": problems}))


if __name__ == "__main__":
    main(sys.argv[1])
