"""What one imported file may cost, and the bounded readers that keep it to that (issue 13).

Every imported file is treated as hostile: a 1 MB PDF can inflate to gigabytes, a 264 KB Word
document can unpack to 150 MB of XML and a zip header can lie about both. So the limits here
are enforced on what is *actually* read, never on what a file declares:

- **the article**: at most :data:`MAX_CHARS` characters of text, whatever the format
  (:func:`check_article`, applied after every conversion);
- **Word documents** (:func:`repack_zip`): the XML parts are read in small pieces through a
  counter that stops at :data:`DOCX_UNPACKED_BYTES` in all, whatever sizes the zip headers
  state; the package handed to python-docx is rebuilt from what was read (stored, not
  compressed), so python-docx never inflates anything itself, and pictures, fonts and embedded
  files (which Hamish does not read) are left empty instead of being unpacked;
- **web pages**: at most :data:`HTML_BYTES` of markup, pictures embedded in the page left
  out first (:func:`without_inline_data`);
- **PDF streams** (:class:`UnpackBudget`, used by ``pdf.py``): every FlateDecode, LZW and
  RunLength stage of every stream inflates only as far as what remains of
  :data:`PDF_UNPACKED_BYTES` for the whole document; plus limits on the pages, on what one
  page draws and on the characters taken from them (:data:`PDF_PAGES`,
  :data:`PDF_PAGE_GLYPHS`, :data:`PDF_CHARS`);
- **memory and time**: the risky parsers (PDF, Word, web pages, e-mail) run in a reader
  process (:mod:`desktop.io.worker`) with an address-space limit of :data:`MEMORY_MB` and a
  time limit of :data:`SECONDS` of its CPU time per file (four times that by the clock), so
  whatever a bomb the limits above do not know about costs that process, not the window.

Standard library only: the reader process imports this before any parser.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable

from desktop.core.errors import ImportRejected
from desktop.io.importers.common import MAX_BYTES

__all__ = [
    "DOCX_UNPACKED_BYTES",
    "HTML_BYTES",
    "HTML_ELEMENTS",
    "MAX_CHARS",
    "MEMORY_MB",
    "PDF_CHARS",
    "PDF_PAGES",
    "PDF_PAGE_GLYPHS",
    "PDF_UNPACKED_BYTES",
    "SECONDS",
    "UnpackBudget",
    "UnpackLimit",
    "check_article",
    "html_elements",
    "repack_zip",
    "without_inline_data",
]

MB = 1024 * 1024
MAX_CHARS = MAX_BYTES
"""The longest article, in characters (code points): as many as the largest file has bytes, so
a text file that passes the size check never fails this one."""
MEMORY_MB = 1024
"""Address space of the reader process; a file that needs more is refused."""
SECONDS = 25.0
"""CPU time one file may take in the reader process (by the clock, at most four times as long:
``desktop.io.worker.WALL_FACTOR``)."""
DOCX_UNPACKED_BYTES = 32 * MB
"""XML a Word document may unpack to, all parts together: python-docx needs up to sixteen
times as much memory (a 300-page report has 5–10 MB)."""
HTML_BYTES = 16 * MB
"""Markup of a web page, not counting pictures embedded in it (``data:`` addresses): lxml and
trafilatura need ~25 times as much memory, and a news page has well under 5 MB."""
HTML_ELEMENTS = 100_000
"""Elements (opening tags) of a web page: lxml and trafilatura need about 1 KB each, so a page
of tiny elements went past 1 GB well inside HTML_BYTES (a 4 MB page of ``<p><b>ق</b>…`` took
540 MB and 25 s); a news page has 2,000–10,000, a long encyclopaedia article ~50,000."""
_OPENING_TAG = re.compile(r"<[A-Za-z]")
_OPENING_TAG_BYTES = re.compile(rb"<[A-Za-z]")


def html_elements(markup: str | bytes) -> int:
    """The elements (opening tags) of markup, counted before any parser reads it (a C loop):
    the parser's memory and time follow their number, not the markup's size."""
    if isinstance(markup, bytes):
        return sum(1 for _ in _OPENING_TAG_BYTES.finditer(markup))
    return sum(1 for _ in _OPENING_TAG.finditer(markup))


PDF_UNPACKED_BYTES = 200 * MB
"""Decompressed streams of one PDF, all stages of all streams together."""
PDF_PAGES = 2000
"""Pages of one PDF: a longer one is a book, not an article (and minutes of reading)."""
PDF_CHARS = MAX_CHARS
"""Characters taken from the pages of one PDF, checked page by page."""
PDF_PAGE_GLYPHS = 50_000
"""Letters drawn on one PDF page (a dense page has 5,000; pdfminer keeps ~1 KB for each until
the page is done)."""
_PIECE = 64 * 1024  # bytes inflated at a time


def check_article(text: str, name: str) -> None:
    """Refuse an article longer than :data:`MAX_CHARS` characters (after extraction, any
    format)."""
    limit = MAX_CHARS
    if len(text) > limit:
        raise ImportRejected(
            f"{name} holds {len(text):,} characters of text; Hamish imports articles of up "
            f"to {limit:,} characters."
        )


# A picture (or font) embedded in an attribute as a data: address, as "save as one file" tools
# write them: never article text, and often most of the page.
_INLINE_DATA = re.compile(rb"""(["'])data:[^"'\s>]{1024,}\1""", re.IGNORECASE)


def without_inline_data(markup: bytes) -> bytes:
    """``markup`` without the long ``data:`` addresses in its attributes (left empty)."""
    return _INLINE_DATA.sub(rb"\1\1", markup)


# --- decompression with a budget ----------------------------------------------------------------
class UnpackLimit(Exception):
    """Inflating would pass the budget; raised from inside a parser, turned into a rejection
    naming the file by the importer (which knows the name and the format)."""


class UnpackBudget:
    """Bytes that may still be produced by decompression, shared by every stream of a file.

    ``exceeded`` stays set once the budget ran out, so the importer can tell even if the
    parser that called it swallowed the exception."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit
        self.exceeded = False

    def take(self, size: int) -> None:
        if size > self.left:
            self.exceeded = True
            self.left = 0
            raise UnpackLimit(f"more than {self.limit} bytes unpacked")
        self.left -= size

    def inflate(self, data: bytes, wbits: int = zlib.MAX_WBITS) -> bytes:
        """``zlib.decompress(data)``, stopping at the budget: never more than what is left
        (plus one piece) is allocated, whatever the data would inflate to. Truncated or
        damaged data raises ``zlib.error`` as ``zlib.decompress`` does; data after the end of
        the compressed stream is ignored, as it does too."""
        inflater = zlib.decompressobj(wbits)
        out = bytearray()
        pending = data
        while True:
            chunk = inflater.decompress(pending, _PIECE)
            self.take(len(chunk))
            out += chunk
            pending = inflater.unconsumed_tail
            if inflater.eof or not pending:
                break
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return bytes(out)

    def inflate_partial(self, data: bytes) -> bytes:
        """What can be inflated from damaged zlib data (as pdfminer's ``decompress_corrupted``
        does: everything up to the first error), within the budget."""
        inflater = zlib.decompressobj()
        out = bytearray()
        pending = data
        try:
            while pending:
                chunk = inflater.decompress(pending, _PIECE)
                self.take(len(chunk))
                out += chunk
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
        except zlib.error:
            if not out:
                raise
        return bytes(out)

    def collect(self, pieces: Iterable[bytes]) -> bytes:
        """Join ``pieces`` (a decoder's output, produced lazily) within the budget."""
        out = bytearray()
        for piece in pieces:
            self.take(len(piece))
            out += piece
        return bytes(out)

    def run_length(self, data: bytes) -> bytes:
        """The RunLengthDecode filter (PDF 1.7, 7.4.5) within the budget: a run of 2 bytes
        can stand for 128, so its output is counted before it is written."""
        out = bytearray()
        index, size = 0, len(data)
        while index < size:
            length = data[index]
            if length == 128:
                break
            if length < 128:
                piece = data[index + 1 : index + length + 2]
                index += length + 2
            else:
                if index + 1 >= size:
                    break
                piece = data[index + 1 : index + 2] * (257 - length)
                index += 2
            self.take(len(piece))
            out += piece
        return bytes(out)


# --- zip packages ---------------------------------------------------------------------------------
def repack_zip(
    data: bytes,
    limit: int,
    keep: Callable[[str], bool],
) -> tuple[bytes, int]:
    """The zip archive ``data`` rebuilt from what its members actually hold: the members
    ``keep`` accepts are read in small pieces, at most ``limit`` bytes in all (``UnpackLimit``
    beyond it, whatever the headers declare), and stored uncompressed; the others are stored
    empty, so nothing refers to a missing part. Returns the new archive and the bytes read.

    A member whose data inflates past the size its header declares is cut there by
    ``zipfile`` and fails its CRC check; a name listed twice (an "overlapping" zip bomb lists
    one compressed kernel many times) and a compression method other than deflate are
    refused: all raise ``zipfile.BadZipFile``.
    """
    budget = UnpackBudget(limit)
    out = io.BytesIO()
    seen: set[str] = set()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target,
    ):
        for info in source.infolist():
            if info.filename in seen:
                raise zipfile.BadZipFile(f"member {info.filename} is listed twice")
            seen.add(info.filename)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            if info.is_dir() or not keep(info.filename):
                target.writestr(copy, b"")
                continue
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                # bzip2 and LZMA members are inflated by zipfile without a size bound (and
                # Office never writes them)
                method = info.compress_type
                raise zipfile.BadZipFile(f"member {info.filename} uses compression {method}")
            with source.open(info) as member, target.open(copy, "w") as dest:
                while piece := member.read(_PIECE):
                    budget.take(len(piece))
                    dest.write(piece)
    return out.getvalue(), limit - budget.left
