"""Turning the bytes of a text file into text, including the legacy Arabic code pages.

Why this is more than ``bytes.decode("utf-8")``: Arabic news still arrives in Windows-1256
(Arabic Windows, old CMSs, e-mail) and occasionally ISO-8859-6 (old Unix and Mac tools), and
those bytes decode "successfully" under the wrong code page too — into plausible-looking
garbage. So each candidate decoding is scored for how much it looks like real text, and a file
whose best decoding is still implausible is refused rather than imported as mojibake.

Order of decisions (first that applies wins):

1. A byte-order mark: UTF-32 LE or BE if the text after it reads as UTF-32; else UTF-8,
   UTF-16 LE or UTF-16 BE — every mark at the start taken off first, of any kind and however
   many (a file of marks alone is empty), and the first one's encoding taken unless the bytes
   after the marks are not of it and read as another (a stray mark; :func:`_after_mark`).
   What follows a UTF-8 mark goes through steps 2 and 3 if it has a NUL byte or many control
   characters; what follows a UTF-16 mark is UTF-16 only if that is plausible, else binary.
   A text that still starts with U+FEFF (the mark encoded in the text's own encoding) loses
   it, so it never reaches a title; bytes in which marks make up a quarter are refused.
2. UTF-16 without a byte-order mark, recognised by its NUL byte pattern (Windows tools write it).
3. NUL bytes or many control characters: a binary file, refused.
4. UTF-8 — valid, or *almost all* valid: a few bytes that are not UTF-8 (a truncated copy, a
   stray Windows-1256 quote, a damaged disk sector) among many well-formed multi-byte
   characters are replaced, each by U+FFFD, and reported (:attr:`Decoded.note`: how many and
   the line of the first), never taken as a reason to read the whole file in a legacy code
   page — that turned one bad byte into a whole article of mojibake (``ظ‚ط§ظ„``). "Almost
   all": at most one bad byte for every :data:`_UTF8_EVIDENCE` well-formed multi-byte
   characters. Text in a legacy code page is nowhere near: in Windows-1256 or ISO-8859-6
   Arabic nearly every letter byte breaks UTF-8, and the few pairs that happen to be
   well-formed (a letter followed by ``،`` or ``؟``) are outnumbered by the bad bytes 80 to
   380 to one in the seed articles, against the ten the other way that UTF-8 needs.
   UTF-8 wins over a charset the container declares: a page saved as UTF-8 often keeps the
   ``<meta charset=windows-1256>`` of the server it came from.
5. A charset the container declares (HTML ``<meta charset>``, an e-mail header), if the bytes
   decode under it.
6. Windows-1256 against ISO-8859-6, scored by :func:`plausibility` (which also recognises
   UTF-8 Arabic read as Windows-1256, for text too damaged for step 4).

Why a hand-written detector rather than charset-normalizer (MIT, already installed with
trafilatura): measured on the same 132 files (``benchmarks/encoding.py``: the seed articles,
their first paragraphs and short Arabic texts in UTF-8, UTF-16, Windows-1256 and ISO-8859-6;
the articles as UTF-8 with 1, 9 and 1 % bad bytes; French in Windows-1252; Cyrillic, Greek and
Hebrew code pages), this module reads 126 right — the misses are a five-letter word in
BOM-less UTF-16 (refused) and French in Windows-1252 with no declared charset (``À`` read as
``ہ``) — and refuses the 4 foreign code pages, at a median 0.03 ms per file (about 0.4 ms
for an article in a legacy code page, 0.8–1 ms before :func:`plausibility` skipped the
patterns a text cannot match and the score where one decoding is all there is: issue 15).
Before step 4 existed it made mojibake of all 30 damaged UTF-8 files. charset-normalizer 3.5
read 87 right: it chose a wrong code page for 2 of 6 short Windows-1256 texts, 5 of 6 short
and 2 of 10 long ISO-8859-6 texts and both French ones, found no encoding at all for the 30
damaged UTF-8 files, and took a median 0.34 ms per file.
It answers "which encoding is most likely", not "is this almost all UTF-8, and which bytes are
not", which is what an analyst needs to hear.

Standard library only, so it can run anywhere the importers run.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from desktop.core.errors import ImportRejected

__all__ = [
    "Decoded",
    "canonical_codec",
    "decode_text",
    "looks_binary",
    "plausibility",
    "replacement_note",
    "stray_mark_note",
]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UTF32_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # FF FE 00 00: also a UTF-16-LE mark and a NUL
    (codecs.BOM_UTF32_BE, "utf-32-be"),
)
# Byte-order marks of any kind, repeated. Possessive (``++``): the plain ``+`` keeps a state
# for every mark to backtrack into, 1.2 GB and 10 s for ten million of them.
_MARKS = re.compile(b"(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)++")
_MARK_RUN = 4096  # marks of one kind compared at a time, before the pattern takes over


def _marks_end(data: bytes) -> int:
    """Where the byte-order marks at the start of ``data`` end (0 if it starts with none).

    A run of one mark is passed :data:`_MARK_RUN` marks at a comparison (forty megabytes of
    FF FE in milliseconds), what follows it — other marks — by :data:`_MARKS`, in C."""
    for bom, _codec in _BOMS:
        if data.startswith(bom):
            block, end = bom * _MARK_RUN, 0
            while data.startswith(block, end):
                end += len(block)
            found = _MARKS.match(data, end)
            return found.end() if found is not None else end
    return 0


_SAMPLE = 65536
# C0 controls that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))

# Approximate share (per cent) of each character among the Arabic characters of news prose.
# Only the ranking matters: it decides between two decodings of the same bytes, and a wrong
# code page turns frequent letters (ل ي و ن) into rare ones or into harakat and tanween.
# fmt: off
_ARABIC_FREQUENCY: dict[str, float] = {
    "ا": 12.0, "ل": 11.0, "ي": 7.0, "م": 6.0, "و": 5.8, "ن": 5.5, "ر": 4.6, "ت": 4.2,
    "ب": 4.0, "ع": 3.2, "ه": 2.8, "ة": 2.8, "ف": 2.8, "د": 2.7, "ق": 2.4, "س": 2.4,
    "أ": 2.4, "ك": 2.2, "ح": 1.9, "ج": 1.2, "ى": 1.1, "إ": 1.0, "ش": 1.0, "ص": 0.9,
    "ط": 0.8, "خ": 0.7, "ذ": 0.7, "ث": 0.6, "ض": 0.6, "ز": 0.5, "ء": 0.5, "غ": 0.4,
    "ئ": 0.3, "ظ": 0.2, "آ": 0.15, "ؤ": 0.1, "،": 0.8, "؛": 0.05, "؟": 0.05,
    "\u064e": 0.3, "\u064f": 0.15, "\u0650": 0.15, "\u0651": 0.2, "\u0652": 0.1,
    "\u064b": 0.1, "\u064c": 0.02, "\u064d": 0.02, "\u0640": 0.05,
}
# fmt: on
_RARE_ARABIC = 0.005  # any other character of the Arabic block
_LOG_FREQUENCY = {ch: math.log(share / 100) for ch, share in _ARABIC_FREQUENCY.items()}
_LOG_RARE = math.log(_RARE_ARABIC / 100)
# Windows-1256 is far more common than ISO-8859-6; for a text of a few letters, where the
# letter statistics cannot decide, this prior does (in nats, i.e. about a factor of e**2).
_PRIOR = {"cp1256": 2.0, "iso8859-6": 0.0}

# WHATWG labels that Python does not know, and labels that mean something else on the web.
_ALIASES = {
    "x-cp1256": "cp1256",
    "windows-1256": "cp1256",
    "iso-8859-6-i": "iso8859-6",
    "iso-8859-6-e": "iso8859-6",
    "csiso88596i": "iso8859-6",
    "csiso88596e": "iso8859-6",
    # Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (HTML standard).
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


_UTF8_EVIDENCE = 10
"""Well-formed multi-byte UTF-8 characters needed per bad byte for text to count as UTF-8."""
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte ``surrogateescape`` could not decode


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text (without a byte-order mark) and the Python codec that produced it.
    ``replaced``: bytes that were not UTF-8, each now U+FFFD; ``first_line``: the line of the
    first of them (from 1); ``marks``: the note on a byte-order mark that was not the text's
    (:func:`stray_mark_note`)."""

    text: str
    encoding: str
    replaced: int = 0
    first_line: int = 0
    marks: str = ""  # the note on a byte-order mark that was left out (:func:`_after_mark`)

    @property
    def note(self) -> str:
        """The sentences to keep with the article and show in the import summary, one a
        line (as an article's ``import_notes`` keeps them), or ""."""
        replaced = replacement_note(self.replaced, self.first_line) if self.replaced else ""
        return "\n".join(note for note in (self.marks, replaced) if note)


def replacement_note(count: int, line: int) -> str:
    """How many bytes were replaced, and where the first one was."""
    if count == 1:
        return f"1 byte that is not UTF-8 was replaced with \ufffd (on line {line})."
    return f"{count} bytes that are not UTF-8 were replaced with \ufffd (the first on line {line})."


def _utf8(data: bytes) -> Decoded | None:
    """``data`` as UTF-8 if it is valid, or almost all valid (module docstring, step 4) with
    each bad byte replaced by U+FFFD; None when it is not UTF-8."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _cannot_be_utf8(data):
        return None
    escaped = data.decode("utf-8", "surrogateescape")  # each bad byte -> one lone surrogate
    text, bad = _ESCAPED.subn("\ufffd", escaped)
    ascii_count = len(escaped.encode("ascii", "ignore"))
    well_formed = len(escaped) - ascii_count - bad
    if well_formed < bad * _UTF8_EVIDENCE:
        return None
    first = _ESCAPED.search(escaped)
    line = escaped.count("\n", 0, first.start()) + 1 if first is not None else 1
    return Decoded(text, "utf-8", bad, line)


def _evidence(data: bytes) -> tuple[int, int]:
    """Well-formed multi-byte characters and bad bytes in ``data`` decoded as UTF-8.

    The bad bytes are counted as what encoding the decoded text again leaves out: each is
    one lone surrogate of ``surrogateescape``, which UTF-8 cannot hold and ``ignore`` drops —
    two C-level copies, where finding them one by one with a pattern made a list of
    hundreds of them in a legacy code page's text (a tenth of reading such a file)."""
    text = data.decode("utf-8", "surrogateescape")
    bad = len(data) - len(text.encode("utf-8", "ignore"))
    return len(text) - len(text.encode("ascii", "ignore")) - bad, bad


def _cannot_be_utf8(data: bytes) -> bool:
    """True when the first :data:`_PROBE` bytes of ``data`` already hold more bad bytes than
    the rest could outweigh even if every two of its bytes above 0x7F were one well-formed
    character — a legacy code page, told in a fraction of the time of decoding it all (a
    fifth of an import of Windows-1256 files went there).

    Exact, not a guess: the probe ends just after an ASCII byte, where UTF-8 decoding starts
    afresh whatever follows, so its bad bytes and well-formed characters are those the whole
    decoding has in it."""
    cut = data.find(b" ", _PROBE)
    if cut < 0:
        return False
    well_formed, bad = _evidence(data[: cut + 1])
    rest = data[cut + 1 :]
    high = len(rest) - len(rest.translate(None, _HIGH_BYTES))
    return well_formed + high // 2 < bad * _UTF8_EVIDENCE


_PROBE = 1024
_HIGH_BYTES = bytes(range(0x80, 0x100))


def canonical_codec(label: str | None) -> str | None:
    """A Python codec name for a charset label found in a file, or None if it is unknown."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    key = _ALIASES.get(key, key)
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return "utf-8" if name in ("utf-8-sig", "utf_8") else name


def looks_binary(data: bytes) -> bool:
    """NUL bytes never occur in 8-bit or UTF-8 prose; many C0 controls mean a binary file.
    (UTF-16 is recognised before this is asked.)"""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name if ``data`` is BOM-less UTF-16 prose: in Latin text every other byte is
    NUL, in Arabic text every other byte is 0x06; the other half never is."""
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 4 or len(data) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        high_share = (high.count(0) + high.count(6)) / len(high)
        low_nul = low.count(0) / len(low)
        if high_share > 0.6 and low_nul < 0.05:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return codec
    return None


# A word: letters and the combining marks written on them (harakat are not "letters" to
# Python). Digits, punctuation and markup split words, so ``content="نص`` is two words.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+")
_AR = "\u0600-\u06ff"  # the Arabic block, letters and marks
_ACCENTED = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # accented Latin letters (not × ÷)
_LATIN = "A-Za-z" + _ACCENTED
_LETTER = "\u0621-\u064a\u0671-\u06d3"  # Arabic letters proper
_MARK = "\u064b-\u065f\u0670"
# What no real text contains but a wrong code page produces — each match counts as one bad
# word. Whole-text regular expressions rather than a loop over words: they run in C, and
# detection must stay cheap for thousands of files.
_BAD_PATTERNS = (
    # Arabic touching Latin inside a word (ISO-8859-6 read as Windows-1256: ç è é ê inside)
    re.compile(f"[{_AR}][{_LATIN}]|[{_LATIN}][{_AR}]"),
    # tanween or ta marbuta inside a word (they only end one)
    re.compile(f"[\u064b-\u064d\u0629](?=[{_LETTER}])"),
    # a mark with no letter to sit on (the mark first, then what precedes it: a pattern that
    # starts with a character class skips in C to where one can start; one that starts with
    # a look-behind is tried at every character, three times slower)
    re.compile(f"[{_MARK}](?<![{_LETTER}{_MARK}A-Za-z][{_MARK}])"),
    # a Latin word made only of accented letters
    re.compile(f"(?<![^\\W\\d_])[{_ACCENTED}]{{2,}}(?![^\\W\\d_])"),
    # × or ÷ glued to Arabic (Windows-1256 keeps them among its letters)
    re.compile(f"[{_AR}][×÷]|[×÷][{_AR}]"),
    # UTF-8 Arabic read as Windows-1256: its lead bytes D8/D9 are ط/ظ, and the byte after
    # them one of the symbols and Persian letters at 0x80–0xBF (the Arabic punctuation ، «
    # ؛ that follows a real ط is left out)
    re.compile(
        "ط[\u00a2-\u00aa\u00ac-\u00b9\u06be]|ظ[\u00a0\u00a2-\u00a9\u06be€پ‚ƒ„…†‡ˆ‰ٹ‹Œچژڈگ‘’]"
    ),
)
_WHITE_CONTROLS = frozenset("\t\n\r\f\x1b")


def _chars(*ranges: str) -> frozenset[str]:
    """The characters of ``ranges``, each one character or ``"a-z"``."""
    found: set[str] = set()
    for item in ranges:
        low, high = (item[0], item[-1]) if len(item) == 3 and item[1] == "-" else (item, item)
        found.update(map(chr, range(ord(low), ord(high) + 1)))
    return frozenset(found)


# For each of _BAD_PATTERNS, characters at least one of which every match contains: a text
# holding none of them cannot match, and the pattern is not run (it is most of the cost of
# reading a file in a legacy code page, a dozen scans of the whole text).
_BAD_NEEDS: tuple[frozenset[str], ...] = (
    _chars("A-Z", "a-z", "\u00c0-\u00d6", "\u00d8-\u00f6", "\u00f8-\u024f"),  # _LATIN
    _chars("\u064b-\u064d", "\u0629"),
    _chars("\u064b-\u065f", "\u0670"),  # _MARK
    _chars("\u00c0-\u00d6", "\u00d8-\u00f6", "\u00f8-\u024f"),  # _ACCENTED
    _chars("×", "÷"),
    _chars("ط", "ظ"),
)


def _bad_words(sample: str, distinct: set[str]) -> int | None:
    """The number of impossible words in ``sample`` (:data:`_BAD_PATTERNS`), or None when
    ``sample`` is implausible (:func:`plausibility`); ``distinct`` is ``set(sample)``."""
    bad = 0
    for ch in distinct:
        if "\u0600" <= ch <= "\u06ff":
            continue
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in _WHITE_CONTROLS) or category in ("Cn", "Co"):
            bad += sample.count(ch)
    if bad > max(2, len(sample) // 1000):
        return None
    bad_words = sum(
        len(pattern.findall(sample))
        for pattern, needs in zip(_BAD_PATTERNS, _BAD_NEEDS, strict=True)
        if not distinct.isdisjoint(needs)
    )
    # More than a tenth of the words bad: fewer than ten words a bad one, so the words are
    # counted only when some are bad (with none the share is 0 whatever) and only up to ten
    # a bad one — a text of 300 words with one bad is told after ten, not 300 (a third of
    # reading a Windows-1256 file went to listing its words).
    if bad_words:
        enough = 10 * bad_words
        words = sum(1 for _ in itertools.islice(_WORD.finditer(sample), enough))
        if 0 < words < enough:
            return None
    return bad_words


def _plausible(text: str, distinct: set[str] | None = None) -> bool:
    """``plausibility(text) is not None``, without the score (which only decides between two
    decodings); ``distinct``: the characters of ``text[:_SAMPLE]`` if the caller knows them
    (:func:`_distinct_single_byte`)."""
    sample = text[:_SAMPLE]
    return _bad_words(sample, set(sample) if distinct is None else distinct) is not None


def _distinct_single_byte(data: bytes, codec: str) -> set[str]:
    """``set(data.decode(codec)[:_SAMPLE])`` for a single-byte ``codec`` (which ``data``
    decodes under), from its distinct bytes: a set of the characters of an Arabic text makes
    an object of each of its characters first (a quarter of telling its code page)."""
    return set(bytes(set(data[:_SAMPLE])).decode(codec))


def plausibility(text: str) -> float | None:
    """How much ``text`` looks like real prose, as a log-likelihood; None if it cannot be.

    Implausible: control characters other than white space, unassigned or private-use code
    points, or more than a tenth of the words impossible (:data:`_BAD_PATTERNS`; ISO-8859-6
    bytes read as Windows-1256, for instance, put ç è é ê inside Arabic words). The score sums,
    for each Arabic character, the log of its usual frequency, minus a penalty per bad word.
    Character statistics are taken over the distinct characters (a text has a few dozen), so
    the cost is a handful of C-level scans: only the Arabic characters are counted, the
    others looked up by category, and a pattern runs only on a text holding a character it
    needs (:data:`_BAD_NEEDS`).
    """
    sample = text[:_SAMPLE]
    distinct = set(sample)
    bad_words = _bad_words(sample, distinct)
    if bad_words is None:
        return None
    score = 0.0
    for ch in distinct:  # the order of set(sample), as the sum always took it
        if "\u0600" <= ch <= "\u06ff":
            score += sample.count(ch) * _LOG_FREQUENCY.get(ch, _LOG_RARE)
    return score - 10.0 * bad_words


def _latin_mojibake(text: str) -> bool:
    """Arabic bytes read under a Latin label (old servers label everything ISO-8859-1) give
    words made of accented capitals and symbols: far more non-ASCII letters than any European
    language has (French, the most accented, stays under a tenth)."""
    letters = [ch for ch in text[:_SAMPLE] if ch.isalpha()]
    if not letters:
        return False
    accented = sum(1 for ch in letters if ord(ch) > 0x7F and ord(ch) < 0x0250)
    return accented / len(letters) > 0.3


def _first_bad_byte(data: bytes) -> int:
    """The offset of the first byte of ``data`` that is not UTF-8 (``data`` has one)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    raise ValueError("the data is valid UTF-8")


def _position(data: bytes, offset: int) -> str:
    line = data[:offset].count(b"\n") + 1
    return f"invalid byte 0x{data[offset]:02x} on line {line}"


_NAMES = {"utf-8": "UTF-8", "cp1256": "Windows-1256", "iso8859-6": "ISO-8859-6"}


def stray_mark_note(mark: str, encoding: str) -> str:
    """The note an article keeps when the byte-order mark its file began with was not its
    encoding's (``mark``, ``encoding``: as the analyst knows them, UTF-16-LE, Windows-1256)."""
    return (
        f"The file began with a {mark} byte-order mark, but its text is {encoding}; "
        "the mark was left out."
    )


def _after_mark(data: bytes, skip: int, codec: str, name: str, declared: str | None) -> Decoded:
    """``data``, which starts with the byte-order mark of ``codec`` (``skip`` bytes long).

    The mark is not always the truth: a tool that prepends one to whatever it saves, or a
    file cut and pasted together, puts a UTF-16 mark before UTF-8 or Windows-1256 bytes —
    which then decode "successfully" as UTF-16 into Chinese, Hangul and unassigned code
    points, or fail on the first lone surrogate (the HTML standard trusts the mark
    whatever follows; an analyst gains nothing from that). UTF-16 of any text with a space,
    a newline, a digit or a Latin letter in it has NUL bytes, and 8-bit text never has one,
    so a UTF-16 mark before bytes without a NUL is read as if it were not there (with a
    note saying so), and one whose NUL bytes are where the other byte order puts them is
    read in that order; only when they read as nothing else are they taken as UTF-16, and then
    only if that is plausible (a Chinese text with no ASCII character at all). A UTF-8 mark
    before bytes that are not UTF-8 (nor almost all UTF-8, step 4) is left out the same
    way, when the rest reads as Arabic in a legacy code page.

    ``skip`` covers every mark at the start (:func:`_marks_end`), not only the first. After a
    UTF-8 mark, bytes with a NUL or many control characters (valid UTF-8, but no text) are
    read as a file without the mark is: UTF-16 by its NUL bytes (with a note), else refused as
    binary; after a UTF-16 mark, bytes with a NUL that decode into implausible text (a PNG's,
    which decoded into CJK and control characters) are refused as binary."""
    body = data[skip:]
    mark = codec.upper()
    if not body:
        return Decoded("", codec)
    if codec == "utf-8":
        if looks_binary(body):
            # NUL bytes are valid UTF-8, but no text has them: what follows the mark goes
            # through the decisions for a file without one (UTF-16 by its NUL bytes, else a
            # binary file) — UTF-16-BE Arabic was read as ``# 9FH'F`` and control characters.
            unmarked = _unmarked(body, name, declared)
            return replace(unmarked, marks=stray_mark_note(mark, unmarked.encoding.upper()))
        if (decoded := _utf8(body)) is not None:
            return decoded
    elif b"\x00" in body:
        swapped = _utf16_without_bom(body)
        if swapped == codec:  # its NUL bytes where this order has them, and plausible
            return Decoded(body.decode(codec), codec)
        if swapped is not None:
            # The NUL bytes are where the other byte order has them: UTF-16-BE text behind
            # an LE mark decoded "successfully" as dingbats and CJK (ا as ✆, a space as
            # U+2000), without a lone surrogate to stop it.
            return Decoded(
                body.decode(swapped), swapped, marks=stray_mark_note(mark, swapped.upper())
            )
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as error:
            raise ImportRejected(
                f"{name} starts with a {mark} byte-order mark but is not valid "
                f"{mark} ({_position(data, error.start + skip)})."
            ) from error
        if not _plausible(text):
            # A PNG or any binary behind the mark decoded "successfully" into CJK and
            # control characters (``Aȁ‐…``): UTF-16 is taken only when it reads as text.
            raise ImportRejected(f"{name} is a binary file, not text.")
        return Decoded(text, codec)
    try:
        found = _unmarked(body, name, declared)
    except ImportRejected:
        found = None
    if found is not None:  # never ``codec``: that reading failed above, or had no NUL
        shown = _NAMES.get(found.encoding, found.encoding.upper())
        return replace(found, marks=stray_mark_note(mark, shown))
    if codec != "utf-8":
        with contextlib.suppress(UnicodeDecodeError):
            text = body.decode(codec)
            if _plausible(text):
                return Decoded(text, codec)
        raise ImportRejected(
            f"{name} starts with a {mark} byte-order mark, but its text is not {mark}, and it "
            "does not read as UTF-8, Windows-1256 or ISO-8859-6 either. Save it as UTF-8 and "
            "import it again."
        )
    error_at = _first_bad_byte(body) + skip
    raise ImportRejected(
        f"{name} starts with a {mark} byte-order mark but is not valid {mark} "
        f"({_position(data, error_at)})."
    )


def _full_of_marks(data: bytes, start: int) -> bool:
    """True when byte-order marks make up a quarter or more of the :data:`_SAMPLE` bytes of
    ``data`` from ``start`` (where no mark starts): FF FE read as Windows-1256 is ے and a
    right-to-left mark, so ``FF FE 20`` over and over passed for 14.7 million characters of
    Arabic-looking text. No text has them so (U+FEFF in UTF-16 is a mark too; FE FF is U+FFFE
    in UTF-16-LE, a noncharacter, or needs ۿ or ÿ after a presentation form). The marks are
    counted only where a byte of theirs is found (``memchr``; text in UTF-8 has neither FE
    nor, but in a presentation form, EF): counting them tripled the time of a UTF-8 file."""
    end = start + _SAMPLE
    size = min(len(data), end) - start
    if size < 8:
        return False
    mark_bytes = 0
    if data.find(b"\xfe", start, end) >= 0:
        pairs = data.count(b"\xff\xfe", start, end) + data.count(b"\xfe\xff", start, end)
        mark_bytes += 2 * pairs
    if data.find(b"\xef", start, end) >= 0:
        mark_bytes += 3 * data.count(codecs.BOM_UTF8, start, end)
    return mark_bytes * 4 >= size


def decode_text(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` (see the module docstring for the order of decisions).

    ``declared`` is a charset label the container states; it is trusted only if the bytes
    decode under it. Raises ``ImportRejected`` for binary data and for bytes that no known
    encoding turns into plausible text, naming the first offending byte.
    """
    decoded = _decoded(data, name, declared)
    if decoded.text.startswith("\ufeff"):  # a mark in the text's own encoding (UTF-16, -32)
        decoded = replace(decoded, text=decoded.text.lstrip("\ufeff"))
    return decoded


def _decoded(data: bytes, name: str, declared: str | None) -> Decoded:
    """:func:`decode_text`, but for the U+FEFF that may still start the text."""
    for bom, codec in _UTF32_BOMS:
        if data.startswith(bom):
            with contextlib.suppress(UnicodeDecodeError):
                text = data[len(bom) :].decode(codec)
                if _plausible(text):
                    return Decoded(text, codec)
            break  # not UTF-32 after all: FF FE is a UTF-16-LE mark, 00 00 FE FF nothing
    skip = _marks_end(data)
    if _full_of_marks(data, skip):
        raise ImportRejected(f"{name} holds byte-order marks over and over, not text.")
    if skip:
        codec = next(codec for bom, codec in _BOMS if data.startswith(bom))
        return _after_mark(data, skip, codec, name, declared)
    return _unmarked(data, name, declared)


def _unmarked(data: bytes, name: str, declared: str | None) -> Decoded:
    """:func:`decode_text` from step 2 on: ``data`` read as if it had no byte-order mark
    (another mark at its start is then bytes like any other — a file of a million marks
    must not recurse a million times)."""
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(data.decode(utf16), utf16)
    if looks_binary(data):
        raise ImportRejected(f"{name} is a binary file, not text.")
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    label = canonical_codec(declared)
    if label is not None and label != "utf-8":
        try:
            text = data.decode(label)
        except UnicodeDecodeError:
            pass  # a wrong label is common; fall through to detection
        else:
            if _plausible(text) and not _latin_mojibake(text):
                return Decoded(text, label)
    decodings: list[tuple[str, str]] = []
    for candidate in ("cp1256", "iso8859-6"):
        with contextlib.suppress(UnicodeDecodeError):
            decodings.append((candidate, data.decode(candidate)))
    if len(decodings) == 1:  # nothing to weigh it against: plausible or not is all
        candidate, text = decodings[0]
        if _plausible(text, _distinct_single_byte(data, candidate)):
            return Decoded(text, candidate)
        decodings = []
    best: tuple[float, str, str] | None = None
    for candidate, text in decodings:
        score = plausibility(text)
        if score is None:
            continue
        score += _PRIOR[candidate]
        if best is None or score > best[0]:
            best = (score, text, candidate)
    if best is not None:
        return Decoded(best[1], best[2])
    raise ImportRejected(
        f"{name} is not UTF-8 text ({_position(data, _first_bad_byte(data))}), and it does not "
        "read as Arabic Windows-1256 or ISO-8859-6 either. Save it as UTF-8 and import it again."
    )
