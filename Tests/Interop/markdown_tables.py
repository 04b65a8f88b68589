"""Renders Markdown with markdown-it-py (CommonMark with GFM tables) and prints every table
it found, as JSON: [{"header": [cell, ...], "rows": [[cell, ...], ...]}, ...], plus the
number of images and their sources.

Usage: markdown_tables.py FILE.md
"""
import json
import sys

from markdown_it import MarkdownIt

md = MarkdownIt("commonmark").enable("table")
tokens = md.parse(open(sys.argv[1], encoding="utf-8").read())
tables, table, row, images, headings = [], None, None, [], []


def text_of(inline):
    return "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline", "softbreak", "html_inline"))


for index, token in enumerate(tokens):
    if token.type == "table_open":
        table = {"header": [], "rows": []}
    elif token.type == "table_close":
        tables.append(table)
        table = None
    elif token.type == "tr_open":
        row = []
    elif token.type == "tr_close":
        if not table["header"]:
            table["header"] = row
        else:
            table["rows"].append(row)
    elif token.type == "inline" and row is not None and tokens[index - 1].type in ("th_open", "td_open"):
        row.append(text_of(token))
    if token.type == "inline":
        for child in token.children or []:
            if child.type == "image":
                images.append(child.attrs.get("src"))
    if token.type == "heading_open":
        headings.append(tokens[index + 1].content)
json.dump({"tables": tables, "images": images, "headings": headings}, sys.stdout, ensure_ascii=False)
