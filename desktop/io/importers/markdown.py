"""Markdown to the text an analyst reads: the markup goes, the words stay.

A Markdown file imported as it was kept its ``# `` headings, ``**bold**`` stars and link
addresses in the reader, in search snippets and in the briefing's full texts (a trial). This
is no Markdown renderer: it removes the common marks line by line and keeps every word
(a list's ``-`` and ``1.`` stay, they read as a list in plain text too; marks inside a word —
``snake__case``, ``2**3**4`` — are the word's; a fence line with more than one word after
its marks is text, not a fence).

Every file is hostile: each pattern's repeated part excludes the character that starts
another match of it (a run of ``[`` is no link), so a line costs time in proportion to its
length, never its square; headings are trimmed by string methods, not a pattern that tries
every split of a line of spaces (a 3 KB heading line took 53 s with one, a 20,000-character
line of ``[`` 2.4 s). A line longer than :data:`LONGEST` is no heading, rule or quote.
"""

from __future__ import annotations

import re

LONGEST = 20_000  # characters: longer lines are kept as they are
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})[ \t]*([^\s`~]*)[ \t]*$")
_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?=[ \t]|$)")
_QUOTE = re.compile(r"(?:[ ]{0,3}>[ \t]?)+")
_RULE = re.compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_STRONG = re.compile(r"(?<![\w*])\*\*([^*\n]+)\*\*(?![\w*])|(?<![\w_])__([^_\n]+)__(?![\w_])")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*([^*\s][^*\n]*?)\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPABLE = "\\`*_{}[]()#+-.!>|"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_MARKS = frozenset("*_[`!\\")
_BLOCK_STARTS = frozenset("#>-*_=`~")


def _inline(line: str) -> str:
    if not _MARKS.intersection(line):
        return line
    back: dict[int, str] = {}
    if "\\" in line:
        # An escaped mark is a word: it stands in as a private-use character the line does
        # not hold, and is put back at the end (one character each: nothing to misread).
        free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in line)
        stand_in = {mark: next(free) for mark in _ESCAPABLE}
        back = {ord(v): k for k, v in stand_in.items()}
        line = _ESCAPE.sub(lambda m: stand_in[m[1]], line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _STRONG.sub(lambda m: m[1] or m[2], line)
    line = _EMPHASIS.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    if back:
        line = line.translate(back)
    return line


def _heading(line: str) -> str | None:
    """The words of an ATX heading line (``## عنوان ##``), or None when it is none."""
    match = _HEADING.match(line)
    if match is None:
        return None
    words = line[match.end() :].strip(" \t")
    trimmed = words.rstrip("#")
    if trimmed != words and (not trimmed or trimmed[-1] in " \t"):
        words = trimmed.rstrip(" \t")  # closing hashes after a space: not the heading's
    return words


def heading_words(line: str) -> str:
    """A first line's heading words (the article's title), or ""."""
    if len(line) > LONGEST:
        return ""
    words = _heading(line)
    return plain_text(words) if words else ""


def plain_text(markdown: str) -> str:
    """``markdown`` as plain text: headings without ``#``, no quote marks ``>``, no rules or
    fences, links and pictures as their words, emphasis and code without their marks (not
    inside a fenced block, kept as written). The line marks are looked for line by line, the
    inline ones over each stretch between fences at once (no pattern crosses a line)."""
    parts: list[str] = []
    lines: list[str] = []
    fenced = False

    def flush() -> None:
        if lines:
            stretch = "\n".join(lines)
            parts.append(stretch if fenced else _inline(stretch))
            lines.clear()

    for line in markdown.split("\n"):
        first = line.lstrip(" ")[:1]
        if first and first in _BLOCK_STARTS and len(line) <= LONGEST:
            if first in "`~" and _FENCE.match(line):
                flush()
                fenced = not fenced
                continue
            if not fenced:
                if _RULE.match(line):
                    line = ""
                else:
                    if first == ">":
                        line = _QUOTE.sub("", line, count=1)
                    words = _heading(line) if line.lstrip(" ")[:1] == "#" else None
                    if words is not None:
                        line = words
        lines.append(line)
    flush()
    return "\n".join(parts)
