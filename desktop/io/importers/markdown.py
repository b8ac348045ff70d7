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
from typing import NamedTuple

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


# --- the header some Markdown files begin with (YAML "front matter") -----------------------

FRONT_MATTER_CHARS = 16_384  # a header longer than this is no header: its text is kept
FRONT_MATTER_LINES = 200
_OPENING = re.compile(r"---[ \t]*$")
_CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*$")
_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,63})[ \t]*:(?:[ \t]+(.*))?$")
_CONTINUED = re.compile(r"[ \t]+\S|[ \t]*-[ \t]|[ \t]*#")  # a list item, an indented line
_BLOCK = re.compile(r"[|>][+-]?")  # a YAML block value's indicator: the value follows, indented
_FIELDS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "author": "author",
    "source": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
}


class FrontMatter(NamedTuple):
    """What a Markdown file's header says: the fields Hamish stores (``""`` when absent; the
    date as written, checked by the importer) and ``others``, the rest as ``key: value``."""

    title: str = ""
    date: str = ""
    author: str = ""
    source: str = ""
    url: str = ""
    others: tuple[str, ...] = ()


def _unquoted(value: str) -> str:
    """A YAML scalar as plain words: quotes taken off (``"…"``, ``'…'``), a comment after
    an unquoted value dropped. Only the simple form blogs and exporters write; anything
    else is kept as written, so no word is lost."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        if value[0] == "'":
            return inner.replace("''", "'")
        return inner.replace('\\"', '"').replace("\\\\", "\\")
    hash_at = value.find(" #")
    return value[:hash_at].rstrip() if hash_at >= 0 else value


def front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """A header of ``key: value`` lines between a first line ``---`` and a closing ``---``
    or ``...`` read as fields, and the text after it; ``(None, text)`` when the file has
    none. A trial's file was imported with ``title: …`` as its title and the header in its
    body. No YAML library: the simple form is read by hand, and every file is hostile — a
    header must close within :data:`FRONT_MATTER_LINES` lines and
    :data:`FRONT_MATTER_CHARS` characters, hold at least one field, and every line of it
    must be a field, a list item or indented line under one, a comment or blank; else the
    ``---`` is a rule and everything stays text."""
    first, newline, rest = text.partition("\n")
    if not newline or not _OPENING.match(first):
        return None, text
    head = rest[:FRONT_MATTER_CHARS]
    fields: dict[str, str] = {}
    others: list[str] = []
    last_other = False
    block: str | None = None  # the known field whose block value the indented lines are
    offset = 0
    for count, line in enumerate(head.split("\n")):
        end = offset + len(line)
        if (end >= len(head) and len(rest) > len(head)) or count >= FRONT_MATTER_LINES:
            return None, text  # no closing line within the limits
        if _CLOSING.match(line):
            if not fields and not others:
                return None, text  # "---" then "---": two rules, no header
            body = rest[end + 1 :] if end < len(rest) else ""
            found = FrontMatter(
                title=fields.get("title", ""),
                date=fields.get("date", ""),
                author=fields.get("author", ""),
                source=fields.get("source", ""),
                url=fields.get("url", ""),
                others=tuple(others),
            )
            return found, body
        offset = end + 1
        if not line.strip():
            continue
        if (fields or others) and _CONTINUED.match(line):
            if block is not None and line[:1] in " \t":
                # A block value (``title: |`` or ``>``, then indented lines): its lines are
                # the value, joined (an attack's title came out "|", its lines lost).
                fields[block] = f"{fields[block]} {line.strip()}".strip()
                continue
            # A list item or an indented line belongs to the field above: kept with it when
            # that field is one of the others (``tags:`` then ``- سوريا``), else left out.
            item = line.strip().removeprefix("-").strip()
            if others and last_other and item and not item.startswith("#"):
                others[-1] += (" " if others[-1].endswith(":") else ", ") + item
            continue
        block = None
        match = _FIELD.match(line)
        if match is None:
            return None, text  # prose (or a heading): the "---" was a rule
        key, value = match[1].casefold(), _unquoted((match[2] or "").strip())
        name = _FIELDS.get(key)
        if name is not None and name not in fields and _BLOCK.fullmatch(value):
            fields[name], block, last_other = "", name, False
            continue
        last_other = name is None or name in fields or not value
        if name is not None and not last_other:
            fields[name] = value
        else:  # kept as written (a known field's second value, or its list, too)
            others.append(f"{match[1]}: {value}" if value else f"{match[1]}:")
    return None, text
