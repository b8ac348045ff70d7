"""Arabic PDFs: the extracted text must equal the source words in logical order, whatever
order the generator wrote the glyphs in, with presentation forms turned into letters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.pdf import (
    normalise_presentation_forms,
    pdf_to_draft,
    read_pdf_file,
    visual_to_logical,
)

from .import_files import PDF_AUTHOR, PDF_PARAGRAPHS, PDF_TITLE

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


@pytest.mark.parametrize("mode", ["logical", "visual"])
def test_arabic_pdf_reads_in_logical_order(arabic_pdfs: dict[str, Path], mode: str) -> None:
    draft = read_pdf_file(arabic_pdfs[mode])
    assert draft.text == "\n".join(PDF_PARAGRAPHS)
    assert not PRESENTATION_FORMS.search(draft.text)
    assert draft.title == PDF_TITLE
    assert draft.direction == "rtl" and draft.language == "ar"
    if mode == "logical":  # the visual maker draws glyphs itself and sets no author
        assert draft.author == PDF_AUTHOR
    assert draft.published is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", draft.published)


def test_the_raw_glyphs_really_are_presentation_forms(arabic_pdfs: dict[str, Path]) -> None:
    """The fixture is a fair test: pdfminer's own text of the visual-order file is presentation
    forms in reversed order, which is what the importer has to undo."""
    from pdfminer.high_level import extract_text

    raw = extract_text(str(arabic_pdfs["visual"]))
    assert PRESENTATION_FORMS.search(raw)
    assert "لافروف" not in normalise_presentation_forms(raw)


@pytest.mark.parametrize(
    ("visual", "rtl", "logical"),
    [
        (["د", "ه", "ش", " ", "ل", "ا", "ق"], True, "قال شهد"),
        ([".", "U", "N", " ", "2", "0", "2", "4", " ", "م", "ا", "ع"], True, "عام UN 2024."),
        (["%", "5", "0", " ", "ة", "ب", "س", "ن", "ب"], True, "بنسبة 50%"),
        # brackets are drawn mirrored: the "(" that opens it is the ")" glyph on the right
        (["(", "س", "ي", "ئ", "ر", "ل", "ا", ")"], True, "(الرئيس)"),
        (["1", "5", "/", "0", "7", " ", "ي", "ف"], True, "في 15/07"),
        (["2", "0", "2", "5", " ", "-", " ", "2", "0", "2", "4"], True, "2024 - 2025"),
        (
            ["s", "a", "i", "d", " ", "ن", "ي", "ر", "ح", "ب", "ل", "ا", " ", "i", "n"],
            False,
            "said البحرين in",
        ),
        (["\u0633", "\ufe84", "\ufe91", " ", "\ufefb"], True, "لا بأس"),
    ],
)
def test_visual_to_logical(visual: list[str], rtl: bool, logical: str) -> None:
    assert normalise_presentation_forms(visual_to_logical(visual, rtl)) == logical


def test_presentation_forms_only_are_normalised() -> None:
    assert normalise_presentation_forms("\ufedf\ufe8e\ufe91 ﬁ ①") == "لاب ﬁ ①"
    assert normalise_presentation_forms("\ufe70") == "\u064b"  # no stray space before tanween
    assert normalise_presentation_forms("\ufe71") == "\u0640\u064b"  # tatweel with tanween


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"hello, this is not a PDF", "not a PDF"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\ngarbage", "not a valid PDF"),
    ],
)
def test_bad_pdfs(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRejected, match=reason):
        pdf_to_draft(data, "bad.pdf")


def test_truncated_pdf(arabic_pdfs: dict[str, Path]) -> None:
    data = arabic_pdfs["logical"].read_bytes()
    with pytest.raises(ImportRejected, match=r"not a valid PDF|no text layer"):
        pdf_to_draft(data[: len(data) // 3], "cut.pdf")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    """A page with no text (what a scan looks like to a text extractor)."""
    page = (
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R>> endobj\n"
        b"4 0 obj <</Length 22>> stream\n0 0 m 100 100 l S\nendstream endobj\n"
        b"trailer <</Root 1 0 R>>\n%%EOF\n"
    )
    with pytest.raises(ImportRejected, match="no text layer"):
        pdf_to_draft(page, "scan.pdf")


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 the catalogue) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_glyph_read_as_half_a_utf16_pair_is_replaced() -> None:
    """Found by tests/fuzz: when a font's ToUnicode map cannot be read (here its stream's
    length overshoots), pdfminer takes each glyph code for its character — and codes
    D800-DFFF are halves of UTF-16 pairs, which UTF-8 cannot hold: pdf_to_draft failed with
    UnicodeEncodeError instead of importing the article or saying why not."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <ffff> endcodespacerange\n"
        b"1 beginbfchar\n<0001> <003a>\nendbfchar endcmap end end"
    )
    content = b"BT /F1 12 Tf 72 700 Td <0627d8000644> Tj ET"
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H "
            b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
            b"<< /Length %d >>\nstream\n" % (len(cmap) + 9000) + cmap + b"\nendstream",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )
    draft = pdf_to_draft(data, "odd.pdf")
    assert "\ufffd" in draft.text
    draft.text.encode("utf-8")
    assert "not valid Unicode" in draft.import_notes
