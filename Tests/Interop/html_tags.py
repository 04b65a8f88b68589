"""Reads an HTML file with Python's own HTML parser (html.parser, as browsers tokenise) and
prints, as JSON, every start tag with its attributes, and the text of <script> elements.

Usage: html_tags.py FILE
"""
import json
import sys
from html.parser import HTMLParser


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.scripts = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append({"tag": tag, "attributes": [[name, value] for name, value in attrs]})
        self._in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.tags.append({"tag": tag, "attributes": [[name, value] for name, value in attrs]})

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


with open(sys.argv[1], encoding="utf-8") as file:
    collector = Collector()
    collector.feed(file.read())
    collector.close()
print(json.dumps({"tags": collector.tags, "scripts": collector.scripts}))
