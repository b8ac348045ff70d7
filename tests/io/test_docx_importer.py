"""Word documents: paragraphs in order, direction from w:bidi, core properties as metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.word import docx_to_draft, read_docx_file

from .import_files import make_docx

PARAGRAPHS = [
    "أعلن وزير الخارجية الروسي سيرغي لافروف أنهما اتفقا على محاربة داعش.",
    "من جانبه، قال كيري إن واشنطن وموسكو اتفقتا على خطوات ملموسة.",
]


def test_right_to_left_document_with_properties(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "statement.docx", PARAGRAPHS, title="بيان الخارجية", author="سلمى الخطيب"
    )
    draft = read_docx_file(path)
    assert draft.title == "بيان الخارجية"
    assert draft.author == "سلمى الخطيب"
    assert draft.published == "2016-07-15"
    assert draft.text == "\n".join([*PARAGRAPHS, "المصدر | وكالة الأنباء"])
    assert draft.direction == "rtl" and draft.language == "ar"
    assert draft.origin == str(path.resolve())


def test_bidi_decides_the_direction_of_mixed_text(tmp_path: Path) -> None:
    """A mostly-English report that Word marks right-to-left stays right-to-left."""
    english = ["The ministry said (وزارة الخارجية) that talks will go on.", "More text here."]
    assert read_docx_file(make_docx(tmp_path / "a.docx", english, bidi=True)).direction == "rtl"
    assert read_docx_file(make_docx(tmp_path / "b.docx", english, bidi=False)).direction == "ltr"


def test_heading_is_the_title_and_template_placeholders_are_dropped(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "h.docx", PARAGRAPHS, heading="لافروف وكيري")
    draft = read_docx_file(path)
    assert draft.title == "لافروف وكيري"
    assert draft.text.startswith(PARAGRAPHS[0])  # the heading is not repeated in the text
    assert draft.author == ""  # python-docx's "python-docx" placeholder is not an author


def test_corrupt_and_wrong_documents(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", PARAGRAPHS).read_bytes()
    with pytest.raises(ImportRejected, match="not a valid Word document"):
        docx_to_draft(good[: len(good) // 2], "cut.docx")
    with pytest.raises(ImportRejected, match="not a valid Word document"):
        docx_to_draft(b"this is plain text, not a zip", "text.docx")
    with pytest.raises(ImportRejected, match=r"old binary Word document \(.doc\)"):
        docx_to_draft(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.docx")
    with pytest.raises(ImportRejected, match="is empty"):
        docx_to_draft(b"", "empty.docx")
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    with pytest.raises(ImportRejected, match="not a valid Word document"):
        read_docx_file(other_zip)
    empty_doc = make_docx(tmp_path / "blank.docx", [])
    with pytest.raises(ImportRejected, match="contains no text"):
        read_docx_file(empty_doc)


def _with_dtd(source: Path, target: Path, dtd: str, replace: dict[str, dict[str, str]]) -> Path:
    """``source`` with ``dtd`` after the XML declaration of each part named in ``replace``,
    and those parts' texts replaced."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename in replace:
                xml = data.decode()
                for old, new in replace[info.filename].items():
                    assert old in xml, old
                    xml = xml.replace(old, new)
                end = xml.index("?>") + 2
                root = "w:document" if "document" in info.filename else "cp:coreProperties"
                xml = xml[:end] + dtd.replace("ROOT", root) + xml[end:]
                data = xml.encode()
            out.writestr(info, data)
    return target


def test_text_after_an_entity_reference_is_kept(tmp_path: Path) -> None:
    """Issue 13, failure 7: in a docx whose DTD declares entities, the text after the first
    reference in a run was dropped (python-docx leaves the reference as a node of its own).
    References are kept as written and never expanded — external ones least of all."""
    first, second = "قال الوزير MARK1 في موسكو.", "وأضاف MARK2 أن المحادثات مستمرة."
    source = make_docx(tmp_path / "plain.docx", [first, second], title="بيان TITLE")
    dtd = (
        '<!DOCTYPE ROOT [<!ENTITY x "EXPANDED"><!ENTITY ext SYSTEM "file:///etc/passwd">'
        '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    crafted = _with_dtd(
        source,
        tmp_path / "crafted.docx",
        dtd,
        {
            "word/document.xml": {"MARK1": "&x; لافروف", "MARK2": "&ext;&lol2; كيري"},
            "docProps/core.xml": {"TITLE": "&x; الخارجية"},
        },
    )
    draft = read_docx_file(crafted)
    assert draft.title == "بيان &x; الخارجية"
    lines = draft.text.split("\n")
    assert lines[0] == "قال الوزير &x; لافروف في موسكو."
    assert lines[1] == "وأضاف &ext;&lol2; كيري أن المحادثات مستمرة."
    assert "EXPANDED" not in draft.text and "root:" not in draft.text and "lol" not in lines[0]
