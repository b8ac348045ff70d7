"""Word documents (.docx) through python-docx (MIT): paragraphs and tables in reading order.

Direction: Word marks right-to-left paragraphs with ``<w:bidi/>`` (on the paragraph, its style
or the document defaults). When most paragraphs say so the article is right-to-left whatever
its letters; otherwise the text decides, as for any import. The core properties fill the
title, author and date — except the placeholders python-docx's own template carries, which
describe the tool, not the article.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core.datelines import dateline_date
from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.io.importers import limits
from desktop.io.importers.common import display_name, iso_date, read_limited, sniff
from desktop.io.importers.limits import UnpackLimit, repack_zip

__all__ = ["WORD_SUFFIXES", "docx_to_draft", "read_docx_file"]

WORD_SUFFIXES = (".docx",)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = {"0", "false", "off"}
# What python-docx writes into every document made from its default template.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


def _bidi_of(ppr: Any) -> bool | None:
    """True/False when a ``<w:pPr>`` states the paragraph direction, None when it is silent."""
    if ppr is None:
        return None
    bidi = ppr.find(f"{_W}bidi")
    if bidi is None:
        return None
    return bidi.get(f"{_W}val", "1").lower() not in _OFF


class _Direction:
    """Resolves a paragraph's ``w:bidi`` through its style chain to the document defaults."""

    def __init__(self, document: Any) -> None:
        defaults = document.styles.element.find(f"{_W}docDefaults")
        ppr = None if defaults is None else defaults.find(f"{_W}pPrDefault/{_W}pPr")
        self.default = bool(_bidi_of(ppr))
        self._styles: dict[str, bool | None] = {}

    def _style(self, style: Any) -> bool | None:
        seen = 0
        while style is not None and seen < 20:  # based-on chains can loop in broken files
            key = style.style_id
            if key in self._styles:
                return self._styles[key]
            value = _bidi_of(style.element.pPr)
            if value is not None:
                self._styles[key] = value
                return value
            style, seen = style.base_style, seen + 1
        return None

    def of(self, paragraph: Any) -> bool:
        own = _bidi_of(paragraph._p.pPr)
        if own is not None:
            return own
        try:
            styled = self._style(paragraph.style)
        except (KeyError, ValueError, AttributeError):
            styled = None
        return self.default if styled is None else styled


def _blocks(document: Any) -> Iterator[tuple[str, Any]]:
    """(text, paragraph or None) in reading order; a table row is one line, cells
    separated by " | "."""
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                if cells:
                    yield " | ".join(cells), None
        else:
            yield block.text, block


def _entities_as_text(root: Any) -> None:
    """Write each entity reference under ``root`` back as the text it is (``&x;``).

    python-docx parses with ``resolve_entities=False``, so a DTD smuggled into a package
    never expands anything — internal, external or a billion laughs — but each reference is
    then a node of its own, and the text of its ``<w:t>`` stopped at it: everything after the
    first reference in the run was lost. Word writes no DTD, so this only ever runs on
    crafted or converted files."""
    if not root.getroottree().docinfo.doctype:
        return  # without a DTD there can be no entity other than the five XML predefines
    from lxml import etree

    for entity in list(root.iter(etree.Entity)):
        parent = entity.getparent()
        if parent is None:
            continue
        text = f"&{entity.name};{entity.tail or ''}"
        previous = entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(entity)


# Parts Hamish never reads: pictures, media, fonts and embedded files (by folder or extension).
_BINARY_FOLDERS = ("word/media/", "word/embeddings/", "word/fonts/", "media/")
_BINARY_SUFFIXES = (
    *(".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg"),
    *(".wdp", ".jfif", ".bin", ".odttf", ".ttf", ".otf", ".fntdata", ".mp3", ".mp4", ".wav"),
    *(".avi", ".mov", ".wmv", ".zip", ".docx", ".xlsx", ".pptx", ".pdf"),
)


def _is_xml(member: str) -> bool:
    """Whether python-docx may parse this part (everything but pictures, media, fonts and
    embedded files, which are never read, so never unpacked either)."""
    name = member.lower()
    return not name.startswith(_BINARY_FOLDERS) and not name.endswith(_BINARY_SUFFIXES)


def _is_heading(paragraph: Any) -> bool:
    try:
        name = (paragraph.style.name or "").lower()
    except (KeyError, ValueError, AttributeError):
        return False
    return name == "title" or name.startswith("heading")


def docx_to_draft(
    data: bytes, name: str, *, origin: str = "", fallback_title: str = ""
) -> DocumentDraft:
    """Bytes of a .docx to a draft, or ``ImportRejected`` saying what is wrong with it."""
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    if sniff(data) == "ole":
        raise ImportRejected(
            f"{name} is an old binary Word document (.doc); save it as .docx and import it again."
        )
    try:
        # What the XML parts actually unpack to, counted as they are read (the sizes in the
        # zip headers can lie); python-docx then reads this copy and inflates nothing itself.
        package, _ = repack_zip(data, limits.DOCX_UNPACKED_BYTES, _is_xml)
    except UnpackLimit as error:
        limit = limits.DOCX_UNPACKED_BYTES // limits.MB
        raise ImportRejected(
            f"{name} unpacks to more than {limit} MB; Word documents larger than {limit} MB "
            "unpacked are not imported."
        ) from error
    except Exception as error:  # zipfile raises BadZipFile, zlib.error, EOFError, …
        raise ImportRejected(
            f"{name} is not a valid Word document (it is damaged or not a .docx file)."
        ) from error
    import docx

    try:
        document = docx.Document(io.BytesIO(package))
        _entities_as_text(document.element)
        _entities_as_text(document.core_properties._element)
        direction = _Direction(document)
        lines: list[str] = []
        rtl = stated = 0
        heading = ""
        for text, paragraph in _blocks(document):
            text = text.strip()
            if not text:
                continue
            if paragraph is not None:
                if not lines and not heading and _is_heading(paragraph):
                    heading = text
                if direction.of(paragraph):
                    rtl += 1
                stated += 1
            lines.append(text)
        props = document.core_properties
        title = (props.title or "").strip()
        author = (props.author or "").strip()
        created = props.created
    except ImportRejected:
        raise
    except Exception as error:  # python-docx/lxml raise many types on a damaged package
        raise ImportRejected(
            f"{name} is not a valid Word document (it is damaged: {type(error).__name__})."
        ) from error
    if not lines:
        raise ImportRejected(f"{name} contains no text.")
    if author == _TEMPLATE_AUTHOR:
        author = ""
    if created is not None and created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        created = None
    title = title or heading
    if title and len(lines) > 1 and lines[0] == title:
        lines = lines[1:]  # the reader shows the title above the text
    draft = make_draft(
        "\n".join(lines),
        title=title,
        author=author,
        published=dateline_date("\n".join(lines[:8]), title=title) or iso_date(created),
        origin=origin,
        fallback_title=fallback_title,
    )
    if stated and rtl * 2 > stated and draft.direction != "rtl":
        draft = draft._replace(direction="rtl")
    return draft


def read_docx_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read one .docx file into a draft, or raise ImportRejected with the reason."""
    file = Path(path)
    return docx_to_draft(
        read_limited(file), display_name(file), origin=str(file.resolve()), fallback_title=file.stem
    )
