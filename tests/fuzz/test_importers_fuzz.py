"""Every importer, given any bytes or a structured but hostile file, returns a storable draft or
refuses the file with a sentence: never another exception, never a hang (issue 13).

The converters are called directly, not through ``load_file`` (whose catch-all turns any
exception into a refusal "could not be read (ValueError: …)"): an exception escaping a
converter is a bug even though the batch would survive it. ``load_file`` is fuzzed too, with
random names, and each draft it returns is stored and read back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from desktop.core.errors import DuplicateDocument, HamishError, ImportRejected
from desktop.core.records import DocumentDraft
from desktop.io.batch import SUPPORTED_SUFFIXES, load_file
from desktop.io.importers.eml import eml_to_draft
from desktop.io.importers.html_page import html_bytes_to_draft
from desktop.io.importers.pdf import pdf_to_draft
from desktop.io.importers.text import text_to_draft
from desktop.io.importers.word import docx_to_draft
from desktop.store.project import Project
from tests.fuzz.hostile_files import (
    docx_packages,
    emails,
    encoded,
    html_pages,
    pdf_documents,
    pdf_file,
    pdf_stream,
    text_bytes,
    tounicode_cmap,
)
from tests.fuzz.strategies import check_draft, check_rejection, examples, no_hang

Converter = Callable[..., DocumentDraft]


def convert(converter: Converter, data: bytes, **options: object) -> DocumentDraft | None:
    """The draft, or None when the file was refused with a reason; anything else fails."""
    with no_hang():
        try:
            draft = converter(
                data, "fuzzed", origin="/tmp/fuzzed", fallback_title="fuzzed", **options
            )
        except ImportRejected as error:
            check_rejection(error)
            event("refused")
            return None
    check_draft(draft)
    event("imported")
    return draft


# --- text and Markdown ---------------------------------------------------------------------------
@given(data=text_bytes(), markdown=st.booleans())
def test_text_importer(data: bytes, markdown: bool) -> None:
    convert(text_to_draft, data, markdown=markdown)


@given(
    heading=st.sampled_from(["# ", "## ", "###### ", "#", "   # ", "\t# "]),
    data=encoded(),
)
def test_markdown_headings(heading: str, data: bytes) -> None:
    convert(text_to_draft, heading.encode() + data, markdown=True)


# --- web pages -----------------------------------------------------------------------------------
@examples(0.5)
@given(data=st.one_of(html_pages(), st.binary(max_size=2000)))
def test_html_importer(data: bytes) -> None:
    convert(html_bytes_to_draft, data)


# --- Word ----------------------------------------------------------------------------------------
@examples(0.5)
@given(data=st.one_of(docx_packages(), st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b)))
def test_docx_importer(data: bytes) -> None:
    convert(docx_to_draft, data)


# --- PDF -----------------------------------------------------------------------------------------
@examples(0.5)
@given(data=st.one_of(pdf_documents(), st.binary(max_size=1000).map(lambda b: b"%PDF-1.4\n" + b)))
def test_pdf_importer(data: bytes) -> None:
    convert(pdf_to_draft, data)


def test_the_pdf_builder_makes_readable_pdfs() -> None:
    """The strategy's PDFs are read when nothing in them is hostile (else the property above
    would only ever test refusals)."""
    mapping = ["قال ".encode("utf-16-be"), "الوزير".encode("utf-16-be")]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [8 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        pdf_stream(tounicode_cmap(mapping), True),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (Fuzz) >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 9 0 R "
        b"/Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> >>",
        pdf_stream(b"BT /F1 12 Tf 72 700 Td <00010002> Tj ET", False),
    ]
    draft = pdf_to_draft(pdf_file(objects, info=7), "built.pdf")
    check_draft(draft)
    assert "الوزير" in draft.text


# --- e-mail --------------------------------------------------------------------------------------
@examples(0.5)
@given(data=st.one_of(emails(), st.binary(max_size=2000).map(lambda b: b"From: a\n\n" + b)))
def test_eml_importer(data: bytes) -> None:
    convert(eml_to_draft, data)


# --- any file, any name, through the batch loader, then stored -----------------------------------
@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    folder = tmp_path_factory.mktemp("fuzz-project")
    with Project.open(folder / "fuzz.hamish") as opened:
        yield opened


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-files")


ANY_FILE = st.one_of(
    text_bytes(), html_pages(), docx_packages(), emails(), pdf_documents(), st.binary(max_size=500)
)
NAMES = st.one_of(
    st.sampled_from(SUPPORTED_SUFFIXES),
    st.sampled_from(["", ".doc", ".json", ".bin", ".TXT", ".Html", ".eml.txt"]),
)


@examples(0.5)
@given(data=ANY_FILE, suffix=NAMES)
def test_any_file_is_imported_and_stored_or_refused(
    project: Project, folder: Path, data: bytes, suffix: str
) -> None:
    """``load_file`` on any content under any name: a draft that the store keeps exactly (same
    text, ``char_count`` its length in code points, found by its own words), or a refusal."""
    path = folder / f"article{suffix}"
    path.write_bytes(data)
    with no_hang():
        try:
            draft = load_file(path)
        except ImportRejected as error:
            check_rejection(error)
            return
    check_draft(draft)
    try:
        doc_id = project.documents.add(draft)
    except DuplicateDocument:
        return
    except HamishError as error:  # refused by the store: must say why
        check_rejection(error)
        return
    stored = project.documents.get(doc_id)
    assert stored.text == draft.text
    assert stored.title == draft.title
    summary = project.documents.summaries([doc_id])[0]
    assert summary.char_count == len(draft.text)
