"""Control characters and bidi formatting: what imported text may keep, and how text is shown
on a terminal.

Why: every imported file is hostile. An e-mail Subject holding ``ESC]0;…BEL`` retitles the
analyst's terminal when ``hamish list`` prints it, ``ESC[2J`` clears it; a NUL cuts a string
short in many tools; a right-to-left override (U+202E) in a file name or title makes
``gpj.exe`` read ``exe.jpg``. The rules, one place for every importer and every command:

* **Titles and metadata** (title, source, author, URL — one line each): :func:`clean_line`.
  Line breaks and tabs become spaces; every other C0 control, DEL and C1 control is removed,
  and so are the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
  in a one-line field only ever serve to reorder what is shown. The bidi *marks* LRM, RLM and
  ALM (U+200E, U+200F, U+061C) are kept: they are part of how Arabic is written and cannot
  reorder more than the neutral characters next to them.
* **Article text** (:func:`clean_body`): newlines and tabs are kept; form feed and vertical tab
  (page breaks of PDF and Word text) become newlines; NUL, ESC, the other C0 controls, DEL and
  C1 controls are removed. Bidi marks, embeddings, overrides and isolates are all *kept*: Word
  and web pages use them in genuine Arabic text, an article is shown paragraph by paragraph
  (a paragraph ends every embedding), and the offsets of annotations must point into the text
  as written. They are made visible when text goes to a terminal.
* **What the analyst wrote, shown elsewhere** (names, aliases, claim summaries, label names,
  notes in a Word briefing or on a toolbar): :func:`without_bidi_formatting` removes the bidi
  embeddings, overrides and isolates and keeps everything else (line breaks, the marks, ZWJ
  and ZWNJ): a claim summary "Status: \u202edemrifnoc ton\u202c ok" read "not confirmed" in
  the briefing while the project said otherwise. Names used as references there are
  :func:`shortened`.
* **A terminal** (:func:`for_terminal`, :func:`json_for_terminal`): every character that can
  act on a terminal or reorder a line is shown as a visible escape — ``\\x1b``, ``\\x00``,
  ``\\x9b``, ``\\u202e`` — and nothing is dropped, so what the analyst sees is what is stored.
  (A backslash in the text is printed as it is: an escape is a hint to look, not a format.)

Standard library only (``desktop.core``).
"""

from __future__ import annotations

import json
import re
import unicodedata

__all__ = [
    "BIDI_FORMATTING",
    "BIDI_MARKS",
    "clean_body",
    "clean_line",
    "for_terminal",
    "json_for_terminal",
    "shortened",
    "visible",
    "without_bidi_formatting",
]

BIDI_FORMATTING = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder everything up to their end."""
BIDI_MARKS = "\u200e\u200f\u061c"
"""LRM, RLM and ALM: legitimate in Arabic text, kept everywhere."""

_LINE_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"  # what Python or Unicode breaks lines at
_CONTROLS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f"  # C0, DEL and C1 but the breaks above
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"  # never text; XML cannot hold U+FFFE/U+FFFF
_LINE_DROP = re.compile(f"[{_CONTROLS}{BIDI_FORMATTING}{_NONCHARACTERS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes of a file name
_BODY_ANY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BODY_BREAK = re.compile("[\v\f]")
_BODY_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\r]")
# Shown as escapes on a terminal: C0 (the caller chooses about tab and newline), DEL, C1, bidi
# embeddings/overrides/isolates, and lone surrogates (undecodable bytes of a file name, which
# would make print() fail on a UTF-8 terminal).
_TERMINAL = f"\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_FORMATTING}\ud800-\udfff"
_TERMINAL_LINE = re.compile(f"[{_TERMINAL}\n]")
_TERMINAL_LINES = re.compile(f"[{_TERMINAL}]")
# In JSON, json.dumps already escapes C0; the rest are escaped as \\uXXXX (still valid JSON).
_JSON_ESCAPE = re.compile(f"[\x7f-\x9f{BIDI_FORMATTING}\ud800-\udfff]")


def clean_line(text: str) -> str:
    """A one-line value (a title, a source, an author, a URL) without control characters,
    bidi formatting or noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF: a name holding one made
    GraphML fail): line breaks and tabs become spaces, the rest is removed; the result is
    stripped. Bidi marks (LRM, RLM, ALM) stay; a lone surrogate (an undecodable byte of a
    file name) becomes U+FFFD."""
    if text.isprintable():  # the common case, one C-level scan (tabs and breaks are not)
        return text.strip()
    text = _SURROGATE.sub("\ufffd", _LINE_BREAK.sub(" ", text))
    return _LINE_DROP.sub("", text).strip()


_BIDI_FORMATTING = re.compile(f"[{BIDI_FORMATTING}]")


def without_bidi_formatting(text: str) -> str:
    """``text`` without the bidi embeddings, overrides and isolates (U+202A–U+202E,
    U+2066–U+2069), which let stored text read differently from what is shown; the marks
    LRM, RLM and ALM, ZWJ, ZWNJ and line breaks stay."""
    return _BIDI_FORMATTING.sub("", text) if _BIDI_FORMATTING.search(text) else text


# Characters that belong to the one before them, besides the combining marks: ZWNJ and ZWJ,
# the grapheme joiner, variation selectors, emoji skin tones and tag characters.
_CONTINUING = re.compile(
    "[\u200c\u200d\u034f\u180b-\u180d\ufe00-\ufe0f"
    "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)


def _inside_cluster(text: str, cut: int) -> bool:
    """Whether a cut before ``text[cut]`` falls inside a grapheme cluster."""
    char = text[cut]
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or _CONTINUING.match(char) is not None
        or text[cut - 1] == "\u200d"  # what a ZWJ joins
    )


def visible(text: str) -> bool:
    """Whether ``text`` has a character one can see: a letter, digit, punctuation or symbol.
    Why: a name of only direction marks, joiners and spaces was accepted and drawn as an
    invisible node label."""
    return any(unicodedata.category(char)[0] in "LNPS" for char in text)


def shortened(text: str, limit: int = 80) -> str:
    """``text`` cut to at most ``limit`` characters and "…", at a word boundary when one is in
    the second half, and never inside a grapheme cluster (a letter and its harakat, a
    ZWJ sequence). Why: a name of 10,000 characters printed in every claim row made a
    seven-page briefing 368 pages; where a name is a reference, its start says which it is.
    """
    if len(text) <= limit:
        return text
    cut = limit
    space = text.rfind(" ", 0, limit + 1)
    if space > limit // 2:
        cut = space
    else:
        while cut > 1 and _inside_cluster(text, cut):
            cut -= 1
    return text[:cut].rstrip() + "…"


def clean_body(text: str) -> tuple[str, int]:
    """Article text without NUL and the other control characters, and how many were removed.

    Expects ``\\n`` line endings (:func:`desktop.core.text.normalise_newlines` first; a ``\\r``
    still here is removed). Tab and newline stay; form feed and vertical tab become newlines;
    bidi marks, embeddings, overrides and isolates stay (see the module docstring)."""
    if not _BODY_ANY.search(text):
        return text, 0
    text = _BODY_BREAK.sub("\n", text)
    cleaned, removed = _BODY_DROP.subn("", text)
    return cleaned, removed


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, *, newlines: bool = False) -> str:
    """``text`` safe to print: control characters, DEL, C1 controls, bidi embeddings,
    overrides and isolates and lone surrogates as visible escapes (``\\x1b``, ``\\u202e``).
    Tabs are kept; newlines too when ``newlines`` (a message of several lines), otherwise
    shown as ``\\x0a`` so one record stays on one line."""
    pattern = _TERMINAL_LINES if newlines else _TERMINAL_LINE
    return pattern.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def json_for_terminal(value: object, *, indent: int | None = 2) -> str:
    """``value`` as JSON (non-ASCII as itself, so Arabic stays readable) with every character
    a terminal could act on escaped as ``\\uXXXX``: the same data for a program reading it,
    nothing active for a person looking at it."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_ESCAPE.sub(_json_escape, text)
