"""Turning raw text into what Hamish stores: one newline convention, a title, a content hash.

Offsets are code points of the stored text, so every transformation that changes lengths must
happen here, once, before anything is stored or annotated.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Sequence

from desktop.core.arabic import (
    detect_language_and_direction,
    fold,
    pieces_at_spaces,
)
from desktop.core.controls import clean_body, clean_line, for_terminal
from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft

_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)+")  # matched at a position: no ^
_LINE = re.compile(r"\S[^\n]*")  # the rest of a line, from its first non-blank character
_HASH_PIECE = 1 << 18  # characters folded at a time by content_hash
# Half of a UTF-16 pair on its own is not a character: it cannot be written as UTF-8, so
# neither hashed nor stored. pdfminer makes one of a glyph code in U+D800-U+DFFF when a
# font's ToUnicode map cannot be read.
_SURROGATE = re.compile("[\ud800-\udfff]")
# What normalising the newlines, replacing the halves of pairs and clean_body change: line
# breaks but "\n", control characters but the tab, lone surrogates. Most texts hold none.
_UNUSUAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
TITLE_MAX = 90
# The content hash of a text that folds to no word at all: harakat, tatweel, zero-width and
# direction marks alone (folding drops them all). Every such file would be "the same article".
_NO_WORDS_HASH = hashlib.sha256(b"").hexdigest()


def normalise_newlines(text: str) -> str:
    """Use ``\\n`` everywhere: Qt turns ``\\r\\n`` into a single block break, which would shift
    every offset after it by one. Looked for first, a character at a time (four scans in C,
    2 µs on a short article): the pattern, tried at every character, took 9 µs to find
    nothing in most texts."""
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        return _NEWLINES.sub("\n", text)
    return text


def _words(folded: str) -> bytes:
    """``" ".join(folded.split())`` as hashed (UTF-8). Most articles hold no white space but
    spaces and newlines, and ``isprintable`` is false for every white-space character but the
    space: for them that string is the text with newlines made spaces, runs of spaces made
    one and the ends stripped, made without a list of its words (half the cost of hashing a
    short article)."""
    words = folded.replace("\n", " ")
    if words.isprintable():
        while "  " in words:
            words = words.replace("  ", " ")
        words = words.strip(" ")
    else:
        words = " ".join(folded.split())
    return words.encode("utf-8")


def _folded_words(text: str) -> tuple[str, bytes] | None:
    """``fold(text)`` and its words as hashed, for an article short enough to be hashed in
    one piece; None for a longer one (its folded copy is never held whole)."""
    if len(text) > _HASH_PIECE:
        return None
    folded = fold(text)
    return folded, _words(folded)


def folded_and_hash(text: str) -> tuple[str | None, str]:
    """``fold(text)`` and :func:`content_hash` of ``text``, folding it once; the folded text
    only for an article short enough to be hashed in one piece (None for a longer one)."""
    made = _folded_words(text)
    return (None if made is None else made[0]), _digest(text, made)


def _digest(text: str, made: tuple[str, bytes] | None) -> str:
    """:func:`content_hash` of ``text``, from its words when :func:`_folded_words` made them."""
    return content_hash(text) if made is None else hashlib.sha256(made[1]).hexdigest()


def _whole_hash(head: str, text: str, made: tuple[str, bytes] | None) -> str:
    """:func:`content_hash` of ``head + text`` (``head`` ends with its line break), from the
    words of ``text`` already made: folding never joins across white space, so the whole's
    words are the head's, a space and the text's — only the head is folded again."""
    if made is None:
        return content_hash(head + text)
    before, after = _words(fold(head)), made[1]
    digest = hashlib.sha256(before)
    if before and after:
        digest.update(b" ")
    digest.update(after)
    return digest.hexdigest()


def content_hash(text: str) -> str:
    """Hash of the folded text (``fold_words``), so the same article with other harakat or
    hamza spellings, or other line endings, is recognised as a duplicate.

    Folded a million characters at a time, each piece ending at white space: folding never
    joins across white space, so the digest is that of ``fold_words(text)``, but a 50 MB
    article costs a few pieces instead of a list of millions of words (600 MB for 49 MB of
    Arabic, issue 13)."""
    digest = hashlib.sha256()
    separator = b""
    for piece in pieces_at_spaces(text, _HASH_PIECE):
        words = fold(piece).split()
        if words:
            digest.update(separator + " ".join(words).encode("utf-8"))
            separator = b" "
    return digest.hexdigest()


def derive_title(text: str, fallback: str = "") -> str:
    """A readable title when the source gives none: a short first line (a headline) if there is
    one, otherwise the opening words cut at a word boundary."""
    # The first two non-blank lines, found without splitting the whole text (a list of every
    # line of a 50 MB article would be another copy of it).
    lines = [match[0].strip() for match in itertools.islice(_LINE.finditer(text), 2)]
    if not lines:
        return fallback or "Untitled"
    first = lines[0]
    if len(lines) > 1 and len(first) <= TITLE_MAX and not first.endswith((".", "。", "؟", ":")):
        return first
    words = first[: 2 * TITLE_MAX].split()  # a title never reaches past its first 90 characters
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
    # Found without splitting the text into lines: every text file's import comes here, and a
    # list of every line of a 50 MB article would be another copy of it.
    line = _LINE.search(text)
    if line is None or line[0].strip() != title.strip():
        return text
    end = text.find("\n", line.end())
    if end < 0:
        return text  # nothing follows the title
    blank = _BLANK_LINES.match(text, end + 1)
    start = blank.end() if blank is not None else end + 1
    return text[start:] if _LINE.search(text, start) is not None else text


RUN_LIMIT = 10_000
"""The most characters a text may hold without a space or a line break. Qt lays a run out
again for every line it wraps it onto: an attack's word of 200,000 letters took the reader
24 s (50,000: 2.7 s), one of ten million never finished. The longest runs of real articles —
a web address, a hash, a word in a long chain of tatweel — are a few hundred."""
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{RUN_LIMIT + 1}}}")  # tried at a run's start only: linear


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
    notes: Sequence[str] = (),
) -> DocumentDraft:
    """Build a storable document: newlines normalised, control characters removed (see
    :mod:`desktop.core.controls`), direction and language detected.

    With ``title_line=False`` a first line that is the title (given, or the headline taken as
    title) is not repeated at the start of the body (the reader shows the title above it):
    pasted or dropped text, and text and Markdown files. The draft's ``whole_hash`` is then
    the hash of the text with that line, so a file imported whole before is a duplicate.
    Offsets are into the stored text, so this only ever applies to what a new import stores.
    Other importers that find the title themselves (Word, PDF) drop its line themselves.

    ``notes`` are what the importer wants kept with the article (bytes it replaced, say); the
    draft's ``import_notes`` adds one when control characters were removed from the text, and
    one when lone surrogates (which UTF-8 cannot hold) were replaced with U+FFFD. The
    origin (a file path) keeps every character, control characters shown as escapes.

    Raises ``ImportRejected`` when nothing but white space is left once the control characters
    are removed (a file of NUL bytes, a C1 control decoded from a lone byte): an article
    without text must not be stored, and when the text folds to no word at all (harakat,
    tatweel, zero-width and direction marks alone: every such file would otherwise be taken
    for a duplicate of the first)."""
    if _UNUSUAL.search(text) is None:  # one scan for the three steps, which change nothing
        invalid = removed = 0
    else:
        text, invalid = _SURROGATE.subn("\ufffd", normalise_newlines(text))
        text, removed = clean_body(text)
    if removed and not text.strip():
        raise ImportRejected(
            "The text holds nothing but control characters (such as NUL or ESC) and white "
            "space; there is nothing to import."
        )
    title = clean_line(title) or clean_line(derive_title(text, fallback_title))
    head = ""  # the title line and the blank lines after it, when they left the body
    if not title_line:
        body = without_title_line(text, title)
        head, text = text[: len(text) - len(body)], body
    if invalid:
        notes = (*notes, invalid_characters_note(invalid))
    if removed:
        notes = (*notes, removed_controls_note(removed))
    # Before folding: a run of millions of characters folded took gigabytes first (an attack).
    run = _LONG_RUN.search(text)
    if run is not None:
        raise ImportRejected(
            f"The text holds more than {RUN_LIMIT:,} characters without a space or a line "
            f"break (from character {run.start():,}): that is no prose, and Hamish cannot lay "
            "such a run out in the reader. Nothing was imported."
        )
    made = _folded_words(text)  # its words kept for the whole text's hash (``whole_hash``)
    folded, digest = (None if made is None else made[0]), _digest(text, made)
    if head and digest == _NO_WORDS_HASH:
        # The headline held every word (the rest marks or invisible characters): the text
        # is kept whole, as before the headline left the body — not refused as wordless.
        text, head = head + text, ""
        made = _folded_words(text)
        folded, digest = (None if made is None else made[0]), _digest(text, made)
    if digest == _NO_WORDS_HASH:
        raise ImportRejected(
            "The text holds no words: only marks such as harakat or tatweel, or invisible "
            "characters (zero-width or direction marks); there is nothing to import."
        )
    whole_hash = _whole_hash(head, text, made) if head else ""
    language, direction = detect_language_and_direction(text)
    return DocumentDraft(
        title=title or "Untitled",
        text=text,
        language=language,
        direction=direction,
        content_hash=digest,
        source=clean_line(source),
        url=clean_line(url),
        author=clean_line(author),
        published=published,
        origin=for_terminal(origin),
        import_notes="\n".join(notes),
        folded=folded,
        whole_hash=whole_hash,
    )


def invalid_characters_note(count: int) -> str:
    """The note an article keeps when lone surrogates in its text were replaced."""
    if count == 1:
        return "1 character that is not valid Unicode (half of a UTF-16 pair) was replaced with �."
    return (
        f"{count} characters that are not valid Unicode (halves of UTF-16 pairs) were "
        "replaced with �."
    )


def removed_controls_note(count: int) -> str:
    """The note an article keeps when control characters were removed from its text."""
    if count == 1:
        return "1 control character (such as NUL or ESC) was removed from the text."
    return f"{count} control characters (such as NUL or ESC) were removed from the text."


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key comparing runs of digits as numbers (كيان2 before كيان10, in Arabic-Indic
    digits too: ٢ before ١٠) and the rest as text. A number is compared by its length and then
    its digits, never made an int (a run of 5,000 digits would raise)."""
    key: list[tuple[int, int, str]] = []
    for index, part in enumerate(_DIGITS.split(text)):
        if index % 2:
            digits = "".join(str(unicodedata.decimal(char, 0)) for char in part).lstrip("0")
            key.append((0, len(digits), digits))
        elif part:
            key.append((1, 0, part))
    return tuple(key)
