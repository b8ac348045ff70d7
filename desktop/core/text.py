"""Turning raw text into what Hamish stores: one newline convention, a title, a content hash.

Offsets are code points of the stored text, so every transformation that changes lengths must
happen here, once, before anything is stored or annotated.
"""

from __future__ import annotations

import hashlib
import re

from desktop.core.arabic import detect_direction, detect_language, fold_words
from desktop.core.models import DocumentDraft

_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_BLANK_LINES = re.compile(r"^(?:[^\S\n]*\n)+")
TITLE_MAX = 90


def normalise_newlines(text: str) -> str:
    """Use ``\\n`` everywhere: Qt turns ``\\r\\n`` into a single block break, which would shift
    every offset after it by one."""
    return _NEWLINES.sub("\n", text)


def content_hash(text: str) -> str:
    """Hash of the folded text, so the same article with other harakat or hamza spellings, or
    other line endings, is recognised as a duplicate."""
    folded = fold_words(text)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def derive_title(text: str, fallback: str = "") -> str:
    """A readable title when the source gives none: a short first line (a headline) if there is
    one, otherwise the opening words cut at a word boundary."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return fallback or "Untitled"
    first = lines[0]
    if len(lines) > 1 and len(first) <= TITLE_MAX and not first.endswith((".", "。", "؟", ":")):
        return first
    words = first.split()
    title = ""
    for word in words:
        candidate = f"{title} {word}".strip()
        if len(candidate) > TITLE_MAX - 1:
            break
        title = candidate
    title = title.rstrip("،,؛;:.-–— ")
    if not title:
        return (first[: TITLE_MAX - 1] + "…") if len(first) >= TITLE_MAX else first
    return title if title == first else title + "…"


def without_title_line(text: str, title: str) -> str:
    """``text`` without its first non-blank line (and the blank lines after it) when that line
    is ``title`` and more text follows; otherwise ``text`` unchanged."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != title.strip():
        return text
    body = _BLANK_LINES.sub("", "\n".join(lines[first + 1 :]))
    return body if body.strip() else text


def make_draft(
    text: str,
    *,
    title: str = "",
    source: str = "",
    url: str = "",
    author: str = "",
    published: str | None = None,
    origin: str = "",
    fallback_title: str = "",
    title_line: bool = True,
) -> DocumentDraft:
    """Build a storable document: newlines normalised, direction and language detected.

    A file's text is kept as written (``title_line``). Pasted or dropped text has no file to
    stay faithful to: with ``title_line=False`` a first line that is the title (given, or the
    headline taken as title) is not repeated at the start of the body."""
    text = normalise_newlines(text)
    title = title.strip() or derive_title(text, fallback_title)
    if not title_line:
        text = without_title_line(text, title)
    return DocumentDraft(
        title=title,
        text=text,
        language=detect_language(text),
        direction=detect_direction(text),
        content_hash=content_hash(text),
        source=source,
        url=url,
        author=author,
        published=published,
        origin=origin,
    )
