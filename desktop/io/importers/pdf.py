"""PDF files through pdfminer.six (MIT), with the reading order rebuilt from glyph positions.

Why not the extractor's own text: a PDF stores glyphs, not text, and generators write Arabic in
different orders. Qt, LibreOffice and Word write each line's glyphs in *logical* order, right to
left on the page; older tools and many print drivers write them in *visual* order, left to
right, so naïve extraction reverses every Arabic word (pypdf 7 does that even on Qt's output:
"لﺎﻗ" for "قال"). Both also mirror brackets (an opening parenthesis in Arabic is drawn with
the ``)`` glyph). So this module ignores the order of the content stream:

1. every glyph is taken with its position (pdfminer's ``LTChar``), combining marks joined to
   the letter they follow in the stream, unmapped glyphs (``(cid:N)``) counted;
2. glyphs are grouped into lines by baseline and sorted left to right — the *visual* order,
   which is the same whatever the generator did; word spaces come from the gaps;
3. each line is turned back into logical order by inverting the Unicode bidirectional
   algorithm for the common case (:func:`visual_to_logical`): a right-to-left line is reversed,
   then runs of Latin text and numbers are put back left to right and brackets un-mirrored;
4. lines are joined into paragraphs (a larger gap, a short last line, a change of size), page
   numbers dropped, and Arabic presentation forms (U+FB50–U+FEFF, which many PDFs map glyphs
   to) turned into ordinary letters by NFKC applied to those characters only.

Limits, stated rather than hidden: multi-column pages are read line by line across the
columns, and scanned pages (no text layer) are refused, since Hamish has no OCR.

Bounds (issue 13): pdfminer inflates every stream whole, so a 1 MB stream can become 1 GB;
here its decoders are replaced by ones that draw on one budget for the whole document
(:class:`~desktop.io.importers.limits.UnpackBudget`), and the pages and the characters taken
from them are limited too (:mod:`desktop.io.importers.limits` has the figures).
"""

from __future__ import annotations

import io
import itertools
import os
import re
import statistics
import threading
import unicodedata
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NoReturn

from desktop.core.datelines import dateline_date
from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.io.importers import limits
from desktop.io.importers.common import display_name, parse_iso_date, read_limited, sniff
from desktop.io.importers.limits import UnpackBudget, UnpackLimit

__all__ = ["PDF_SUFFIXES", "pdf_to_draft", "read_pdf_file", "visual_to_logical"]

PDF_SUFFIXES = (".pdf",)
UNMAPPED_LIMIT = 0.10  # share of glyphs without a Unicode mapping above which a PDF is refused
_CID = re.compile(r"\(cid:\d+\)")
_PRESENTATION = re.compile("[\ufb50-\ufeff]+")
_MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_PAGE_NUMBER = re.compile(r"^[\W_]*\d{1,4}[\W_]*$")
_WORD_GAP = 0.2  # em: a gap wider than this between glyphs is a word space
_PRODUCER_TITLE = re.compile(r"^(microsoft (word|powerpoint|excel) - )", re.I)
_FILE_TITLE = re.compile(r"\.(docx?|pdf|odt|rtf|txt|html?|indd|pages)$", re.I)


# --- visual → logical -------------------------------------------------------------------------
def _kind(unit: str) -> str:
    """The bidi kind of one glyph's text: L, R, N (a number) or O (spaces, punctuation)."""
    digit = False
    for ch in unit:
        cls = unicodedata.bidirectional(ch)
        if cls == "L":
            return "L"
        if cls in ("R", "AL"):
            return "R"
        if cls in ("EN", "AN"):
            digit = True
    return "N" if digit else "O"


_SEPARATORS = {",", ".", ":", "/", "\u066b", "\u066c", "\u060c"}  # inside numbers: 1,000 3.5


def _number_runs(units: list[str], kinds: list[str], start: int, end: int) -> Iterator[range]:
    """Runs of digits (with single separators between digits) in ``units[start:end]``."""
    index = start
    while index < end:
        if kinds[index] != "N":
            index += 1
            continue
        last = index
        probe = index + 1
        while probe < end:
            if kinds[probe] == "N":
                last = probe
                probe += 1
            elif units[probe] in _SEPARATORS and probe + 1 < end and kinds[probe + 1] == "N":
                probe += 1
            else:
                break
        yield range(index, last + 1)
        index = last + 1


def _ltr_runs(kinds: list[str], units: list[str]) -> Iterator[range]:
    """Runs of left-to-right text in a right-to-left line (in reversed visual order): from an
    L glyph to the last L or number glyph, through neutrals between Latin letters and spaces
    between a word and a number ("UN 2024", "G 20")."""
    index, size = 0, len(kinds)
    while index < size:
        if kinds[index] not in ("L", "N"):
            index += 1
            continue
        has_latin = False
        last = index
        probe = index
        while probe < size:
            kind = kinds[probe]
            if kind in ("L", "N"):
                if kind == "L":
                    has_latin = True
                last = probe
                probe += 1
                continue
            if kind != "O":
                break
            # neutrals: scan to the next strong glyph; absorb only if it is Latin, or a
            # number reached through spaces alone
            nxt = probe
            while nxt < size and kinds[nxt] == "O":
                nxt += 1
            if nxt >= size or kinds[nxt] == "R":
                break
            spaces_only = all(units[i].isspace() for i in range(probe, nxt))
            if (kinds[nxt] == "L" and has_latin) or spaces_only:
                probe = nxt
                continue
            break
        if has_latin:
            yield range(index, last + 1)
        index = last + 1


def visual_to_logical(units: list[str], rtl: bool) -> str:
    """Logical order of one line given its glyph texts in visual (left-to-right) order.

    A glyph's own text (a ligature such as لا, or a letter with its harakat) is kept as a unit:
    PDF maps it in logical order already. ``rtl`` is the line's base direction.
    """
    if not units:
        return ""
    if rtl:
        out = units[::-1]
        kinds = [_kind(unit) for unit in out]
        in_ltr = [False] * len(out)
        for run in _ltr_runs(kinds, out):
            out[run.start : run.stop] = out[run.start : run.stop][::-1]
            for index in run:
                in_ltr[index] = True
        kinds = [_kind(unit) for unit in out]
        for run in _number_runs(out, kinds, 0, len(out)):
            if not in_ltr[run.start]:
                out[run.start : run.stop] = out[run.start : run.stop][::-1]
        return "".join(
            unit if in_ltr[i] else "".join(_MIRRORED.get(ch, ch) for ch in unit)
            for i, unit in enumerate(out)
        )
    out = list(units)
    kinds = [_kind(unit) for unit in out]
    index, size = 0, len(out)
    while index < size:  # right-to-left runs inside a left-to-right line
        if kinds[index] != "R":
            index += 1
            continue
        last = probe = index
        while probe < size and kinds[probe] != "L":
            if kinds[probe] == "R":
                last = probe
            probe += 1
        segment = out[index : last + 1][::-1]
        segment_kinds = [_kind(unit) for unit in segment]
        for run in _number_runs(segment, segment_kinds, 0, len(segment)):
            segment[run.start : run.stop] = segment[run.start : run.stop][::-1]
        out[index : last + 1] = ["".join(_MIRRORED.get(ch, ch) for ch in u) for u in segment]
        index = last + 1
    return "".join(out)


def normalise_presentation_forms(text: str) -> str:
    """Arabic presentation forms → ordinary letters (NFKC on those characters only, so nothing
    else in the text changes); isolated harakat forms lose the space NFKC puts before them."""

    def fold(match: re.Match[str]) -> str:
        return "".join(
            unicodedata.normalize("NFKC", ch).lstrip(" ") if ch != "\ufeff" else ""
            for ch in match[0]
        )

    return _PRESENTATION.sub(fold, text)


# --- layout -------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass(slots=True)
class _Line:
    glyphs: list[_Glyph] = field(default_factory=list)
    text: str = ""
    rtl: bool = True
    left: float = 0.0
    right: float = 0.0
    y: float = 0.0
    size: float = 0.0


def _chars(container: Any) -> Iterator[Any]:
    from pdfminer.layout import LTChar, LTContainer

    for item in container:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _chars(item)


def _page_glyphs(layout: Any, counts: list[int]) -> list[_Glyph]:
    """Glyphs of one page in stream order; marks merged into the glyph before them.
    ``counts`` accumulates [glyphs, unmapped glyphs]."""
    glyphs: list[_Glyph] = []
    for char in _chars(layout):
        if not char.upright:
            continue  # rotated text: watermarks and margin notes, not the article
        text = char.get_text()
        if text.isspace() or not text:
            continue
        counts[0] += 1
        if _CID.search(text):
            counts[1] += len(_CID.findall(text))
            text = _CID.sub("\ufffd", text)
        size = float(char.size) or (char.y1 - char.y0) or 1.0
        y = (char.y0 + char.y1) / 2
        if all(unicodedata.combining(ch) for ch in text) and glyphs:
            base = glyphs[-1]
            if abs(base.y - y) < base.size:
                base.text += text
                continue
        glyphs.append(_Glyph(text, float(char.x0), float(char.x1), y, size))
    return glyphs


def _lines(glyphs: list[_Glyph]) -> list[_Line]:
    lines: list[_Line] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if lines and abs(lines[-1].y - glyph.y) <= 0.4 * max(lines[-1].size, glyph.size):
            lines[-1].glyphs.append(glyph)
        else:
            lines.append(_Line(glyphs=[glyph], y=glyph.y, size=glyph.size))
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x0)
        line.size = statistics.median(g.size for g in line.glyphs)
        line.left = line.glyphs[0].x0
        line.right = max(g.x1 for g in line.glyphs)
    return lines


def _visual_units(line: _Line) -> list[str]:
    units: list[str] = []
    previous: _Glyph | None = None
    for glyph in line.glyphs:
        if previous is not None and glyph.x0 - previous.x1 > _WORD_GAP * line.size:
            units.append(" ")
        units.append(glyph.text)
        previous = glyph
    return units


def _strong_direction(text: str) -> int:
    """Positive for mostly right-to-left letters, negative for left-to-right, 0 for none."""
    balance = 0
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in ("R", "AL"):
            balance += 1
        elif cls == "L":
            balance -= 1
    return balance


def _line_is_rtl(text: str, default_rtl: bool) -> bool:
    """A line in one script reads in that script's direction; a mixed line is a paragraph of
    the document's main direction quoting the other script (an Arabic sentence naming "UN
    Security Council" has more Latin letters than Arabic ones, and is still Arabic)."""
    rtl = ltr = False
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in ("R", "AL"):
            rtl = True
        elif cls == "L":
            ltr = True
        if rtl and ltr:
            return default_rtl
    return rtl or (default_rtl and not ltr)


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join wrapped lines; a new paragraph starts after a larger gap, a short last line
    (measured from the line's end: the left edge for right-to-left text) or a size change."""
    if not lines:
        return []
    left = min(line.left for line in lines)
    right = max(line.right for line in lines)
    width = max(right - left, 1.0)
    pitches = [a.y - b.y for a, b in itertools.pairwise(lines) if a.y - b.y < 3 * a.size]
    pitch = statistics.median(pitches) if pitches else 1.5 * lines[0].size
    paragraphs: list[list[str]] = [[lines[0].text]]
    for previous, line in itertools.pairwise(lines):
        gap = previous.y - line.y
        short = (
            previous.left - left > 0.15 * width
            if previous.rtl
            else right - previous.right > 0.15 * width
        )
        resized = abs(line.size - previous.size) > 0.15 * previous.size
        if gap > 1.45 * pitch or short or resized:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return [_join_lines(parts) for parts in paragraphs]


def _join_lines(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if re.search(r"[A-Za-z]-$", text) and part[:1].islower():
            text += part  # a hyphenated Latin word broken across lines
        else:
            text += " " + part
    return text


def _page_text(glyphs: list[_Glyph], default_rtl: bool) -> tuple[list[str], bool]:
    """The paragraphs of one page, and whether ``default_rtl`` decided the direction of any
    of its lines (one mixing both scripts, or with neither)."""
    lines = _lines(glyphs)
    decided = False
    for line in lines:
        units = _visual_units(line)
        joined = "".join(units)
        line.rtl = _line_is_rtl(joined, default_rtl)
        decided = decided or line.rtl != _line_is_rtl(joined, not default_rtl)
        line.text = " ".join(visual_to_logical(units, line.rtl).split())
    lines = [line for line in lines if line.text]
    # page numbers: a lone number as the first or last line of a page
    while lines and _PAGE_NUMBER.match(lines[-1].text):
        lines.pop()
    while lines and _PAGE_NUMBER.match(lines[0].text):
        lines.pop(0)
    return _paragraphs(lines), decided


@dataclass(slots=True)
class _PageText:
    """One page read as soon as it is parsed, so its glyphs (~200 bytes each) need not be
    kept: its paragraphs if the document is mostly right-to-left, and, only when that
    decided a line, if it is mostly left-to-right (known once every page is read)."""

    rtl: list[str]
    ltr: list[str] | None
    balance: int  # _strong_direction of the page's glyphs

    @classmethod
    def of(cls, glyphs: list[_Glyph]) -> _PageText:
        balance = _strong_direction("".join(g.text for g in glyphs))
        as_rtl, decided = _page_text(glyphs, True)
        return cls(as_rtl, _page_text(glyphs, False)[0] if decided else None, balance)

    def paragraphs(self, default_rtl: bool) -> list[str]:
        return self.rtl if default_rtl or self.ltr is None else self.ltr


# --- metadata -------------------------------------------------------------------------------------
def _info_text(info: dict[str, Any], key: str) -> str:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(info.get(key))
    if isinstance(value, bytes):
        value = decode_text(value)
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\x00", "").split())


def _clean_title(title: str) -> str:
    title = _PRODUCER_TITLE.sub("", title).strip()
    return "" if _FILE_TITLE.search(title) or title.lower() in ("untitled", "") else title


def _pdf_date(value: str) -> str | None:
    """PDF dates look like ``D:20160715213000+03'00'``."""
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value.strip())
    return parse_iso_date(f"{match[1]}-{match[2]}-{match[3]}") if match else None


# --- bounded decoding --------------------------------------------------------------------------
_state = threading.local()  # the budget of the document being read on this thread
_install_lock = threading.Lock()


def _budget() -> UnpackBudget:
    """The budget of the PDF being read; outside :func:`extract_pdf` (pdfminer used for
    something else in this process) a fresh one per stream, so it stays bounded too."""
    budget: UnpackBudget | None = getattr(_state, "budget", None)
    return budget if budget is not None else UnpackBudget(limits.PDF_UNPACKED_BYTES)


def _inflate(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
    return _budget().inflate(data, wbits)


def _inflate_damaged(data: bytes) -> bytes:
    return _budget().inflate_partial(data)


def _lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    return _budget().collect(LZWDecoder(io.BytesIO(data)).run())


def _run_length(data: bytes) -> bytes:
    return _budget().run_length(data)


def _install_bounded_decoders() -> None:
    """Make pdfminer's stream decoding (``PDFStream.decode``, which calls ``zlib.decompress``,
    ``decompress_corrupted``, ``lzwdecode`` and ``rldecode`` by their module-level names)
    draw on the budget. pdfminer has no hook for this, so those names are replaced in its
    ``pdftypes`` module: tests/io/test_hostile.py fails if a pdfminer release stops using them.
    """
    from pdfminer import pdftypes

    with _install_lock:
        if getattr(pdftypes, "_hamish_bounded", False):
            return
        bounded_zlib = SimpleNamespace(
            decompress=_inflate, decompressobj=zlib.decompressobj, error=zlib.error
        )
        replacements = {
            "zlib": bounded_zlib,
            "decompress_corrupted": _inflate_damaged,
            "lzwdecode": _lzw,
            "rldecode": _run_length,
            "_hamish_bounded": True,
        }
        for attribute, value in replacements.items():
            setattr(pdftypes, attribute, value)


@contextmanager
def _bounded(budget: UnpackBudget) -> Iterator[None]:
    _install_bounded_decoders()
    previous = getattr(_state, "budget", None)
    _state.budget = budget
    try:
        yield
    finally:
        _state.budget = previous


def _too_large(name: str) -> NoReturn:
    limit = limits.PDF_UNPACKED_BYTES // limits.MB
    raise ImportRejected(
        f"{name} unpacks to more than {limit} MB; PDFs larger than {limit} MB unpacked are "
        "not imported."
    )


def _count_pages(document: Any, name: str) -> None:
    """Refuse a PDF with more than ``PDF_PAGES`` pages before reading any (counting walks the
    page tree only; the page's content is read later)."""
    from pdfminer.pdfpage import PDFPage

    limit = limits.PDF_PAGES
    for count, _page in enumerate(PDFPage.create_pages(document), start=1):
        if count > limit:
            raise ImportRejected(
                f"{name} has more than {limit:,} pages; Hamish imports PDFs of up to "
                f"{limit:,} pages. Save the pages you need as a new PDF and import that."
            )


def _counting_aggregator(base: type[Any]) -> type[Any]:
    """pdfminer's page aggregator, counting the glyphs it lays out on a page and stopping at
    ``PDF_PAGE_GLYPHS`` (pdfminer keeps ~1 KB for each until the page is done, and one
    compressed stream can draw millions), and leaving out shapes, which Hamish never reads
    (pdfminer spends most of a drawing-heavy page building them)."""

    class CountingAggregator(base):  # type: ignore[misc]
        glyphs = 0
        limit = limits.PDF_PAGE_GLYPHS
        file = ""
        page = 0

        def start_counting(self, file: str, page: int) -> None:
            self.glyphs, self.file, self.page = 0, file, page

        def render_char(self, *args: Any, **kwargs: Any) -> Any:
            self.glyphs += 1
            if self.glyphs > self.limit:
                raise ImportRejected(
                    f"Page {self.page} of {self.file} draws more than {self.limit:,} letters; "
                    f"Hamish imports PDFs of up to {self.limit:,} letters a page."
                )
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            pass

    return CountingAggregator


# --- entry points -------------------------------------------------------------------------------
def extract_pdf(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    """Text (paragraphs separated by newlines) and metadata of a PDF, or ImportRejected."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    counts = [0, 0]
    pages: list[_PageText] = []
    meta: dict[str, str] = {}
    budget = UnpackBudget(limits.PDF_UNPACKED_BYTES)
    with _bounded(budget):
        try:
            parser = PDFParser(io.BytesIO(data))
            document = PDFDocument(parser, password="")
            for info in document.info:
                for key in ("Title", "Author", "CreationDate", "Subject"):
                    if key not in meta:
                        value = _info_text(info, key)
                        if value:
                            meta[key] = value
            _count_pages(document, name)
            manager = PDFResourceManager(caching=True)
            device = _counting_aggregator(PDFPageAggregator)(manager, laparams=None)
            interpreter = PDFPageInterpreter(manager, device)
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                device.start_counting(name, number)
                interpreter.process_page(page)
                pages.append(_PageText.of(_page_glyphs(device.get_result(), counts)))
                if counts[0] > limits.PDF_CHARS:
                    raise ImportRejected(
                        f"{name} holds more than {limits.PDF_CHARS:,} characters of text; "
                        f"Hamish imports articles of up to {limits.PDF_CHARS:,} characters."
                    )
                if budget.exceeded:  # swallowed by pdfminer: the page may have lost its text
                    _too_large(name)
        except ImportRejected:
            raise
        except UnpackLimit:
            _too_large(name)
        except PDFPasswordIncorrect as error:
            raise ImportRejected(
                f"{name} is protected by a password; open it, save an unprotected copy and "
                "import that."
            ) from error
        except PDFEncryptionError as error:
            raise ImportRejected(f"{name} is encrypted in a way Hamish cannot read.") from error
        except Exception as error:  # pdfminer raises many types (PSEOF, KeyError…) on damage
            if budget.exceeded:
                _too_large(name)
            raise ImportRejected(
                f"{name} is not a valid PDF (it is damaged: {type(error).__name__})."
            ) from error
    if budget.exceeded:
        _too_large(name)
    total, unmapped = counts
    if total == 0:
        raise ImportRejected(
            f"{name} has no text layer (it is probably a scan or made of images); Hamish cannot "
            "read text from images."
        )
    if unmapped > UNMAPPED_LIMIT * total:
        raise ImportRejected(
            f"{name} cannot be read reliably: its fonts do not say which letters {unmapped} of "
            f"its {total} characters are. Export it again from the original program, or copy "
            "the text from a PDF viewer."
        )
    default_rtl = sum(page.balance for page in pages) >= 0
    paragraphs = [p for page in pages for p in page.paragraphs(default_rtl)]
    text = normalise_presentation_forms("\n".join(paragraphs))
    return text, meta


def pdf_to_draft(
    data: bytes, name: str, *, origin: str = "", fallback_title: str = ""
) -> DocumentDraft:
    """Bytes of a PDF to a draft, or ``ImportRejected`` saying what is wrong with it."""
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    if sniff(data) != "pdf":
        raise ImportRejected(f"{name} is not a PDF document (it does not start with %PDF).")
    text, meta = extract_pdf(data, name)
    if not text.strip():
        raise ImportRejected(f"{name} contains no text.")
    title = normalise_presentation_forms(_clean_title(meta.get("Title", "")))
    lines = text.split("\n")
    if title and len(lines) > 1 and lines[0].strip() == title:
        text = "\n".join(lines[1:])
    return make_draft(
        text,
        title=title,
        author=normalise_presentation_forms(meta.get("Author", "")),
        published=dateline_date(text, title=title) or _pdf_date(meta.get("CreationDate", "")),
        origin=origin,
        fallback_title=fallback_title,
    )


def read_pdf_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read one PDF into a draft, or raise ImportRejected with the reason."""
    file = Path(path)
    return pdf_to_draft(
        read_limited(file), display_name(file), origin=str(file.resolve()), fallback_title=file.stem
    )
