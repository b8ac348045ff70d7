"""Markdown to the text an analyst reads: the markup goes, the words stay.

A Markdown file imported as it was kept its ``# `` headings, ``**bold**`` stars and link
addresses in the reader, in search snippets and in the briefing's full texts (a trial). This
is no Markdown renderer: it removes the common marks line by line and keeps every word
(a list's ``-`` and ``1.`` stay, they read as a list in plain text too). Each pattern scans a
line at most once per mark it starts from and cannot cross the mark it ends at, so a hostile
file costs time in proportion to its size; a line longer than :data:`LONGEST` is left as it
is (no hand-written Markdown has one).
"""

from __future__ import annotations

import re

LONGEST = 20_000  # characters: longer lines are kept as they are
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(\s{0,3})#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"^(?:\s{0,3}>[ \t]?)+")
_RULE = re.compile(r"^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_STRONG = re.compile(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*([^*\s][^*\n]*?)\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def _inline(line: str) -> str:
    if "\\" in line:  # escaped marks are words: hidden from the patterns, put back at the end
        line = _ESCAPE.sub(lambda m: f"\x00{ord(m[1])}\x00", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _STRONG.sub(lambda m: m[1] or m[2], line)
    line = _EMPHASIS.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    if "\x00" in line:
        line = re.sub(r"\x00(\d+)\x00", lambda m: chr(int(m[1])), line)
    return line


def plain_text(markdown: str) -> str:
    """``markdown`` as plain text: headings without ``#``, no quote marks ``>``, no rules or
    fences, links and pictures as their words, emphasis and code without their marks."""
    lines: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if len(line) > LONGEST:
            lines.append(line)
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            lines.append(line)
            continue
        if _RULE.match(line):
            lines.append("")
            continue
        line = _QUOTE.sub("", line)
        heading = _HEADING.match(line)
        if heading is not None:
            line = _CLOSING_HASHES.sub("", line[heading.end() :])
        lines.append(_inline(line))
    return "\n".join(lines)
