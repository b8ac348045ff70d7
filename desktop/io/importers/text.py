"""Plain text and Markdown files, in UTF-8 or the encodings Arabic text still arrives in.

Every way a file can be unusable gets its own clear reason, and the file is only ever read,
never modified. Decoding (byte-order marks, UTF-16, Windows-1256 against ISO-8859-6) lives in
:mod:`desktop.io.importers.encoding`; this module adds what is specific to text files: a binary
file with a text name is refused, a Markdown file's header (``---`` … ``---``: title, date,
author, source, url) is its metadata, else a heading on the first line is the title (and
Markdown's marks are taken out of the text: :mod:`desktop.io.importers.markdown`). A first
line that is the title leaves the stored body (the reader shows the title above it).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.datelines import after_dateline, dateline_date, undated_dateline, written_date
from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.core.text import derive_title, make_draft, normalise_newlines
from desktop.core.values import is_web_address
from desktop.io.importers.common import DESCRIPTIONS, MAX_BYTES, display_name, read_limited, sniff
from desktop.io.importers.encoding import decode_text
from desktop.io.importers.markdown import FrontMatter, front_matter, heading_words, plain_text

__all__ = ["MAX_BYTES", "TEXT_SUFFIXES", "decode_utf8", "read_text_file", "text_to_draft"]

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def decode_utf8(data: bytes, name: str) -> str:
    """Decode strictly, naming the position of the first bad byte so the analyst can find it.
    (Formats that must be UTF-8, such as Hamish's JSON exports, use this.)"""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            f"{name} is not UTF-8 text (invalid byte 0x{data[error.start]:02x} on line {line}). "
            "Save it as UTF-8 and import it again."
        ) from error


def _markdown_title(text: str) -> str:
    """The heading on the first line that is not blank, as words ("" when it is no heading)."""
    for line in text.split("\n"):
        if line.strip():
            return heading_words(line)
    return ""


def _quoted_value(value: str) -> str:
    """A header's value as a note quotes it: one line, at most 60 characters."""
    value = " ".join(value.split())
    return value[:59] + "…" if len(value) > 60 else value


def header_date_note(value: str) -> str:
    """The note an article keeps when its Markdown header's date was not used."""
    return (
        f'The Markdown header\'s date "{_quoted_value(value)}" was left out: it is not a real '
        "date from 1900 to 2200."
    )


def header_address_note(value: str) -> str:
    """The note an article keeps when its Markdown header's address was not used."""
    return (
        f'The Markdown header\'s address "{_quoted_value(value)}" was left out: it is not a '
        "web address (http:// or https://)."
    )


def header_fields_note(fields: tuple[str, ...]) -> str:
    """The note that keeps a Markdown header's other fields (tags, layout…), shortened."""
    kept = "; ".join(" ".join(field.split()) for field in fields)
    if len(kept) > _KEPT:
        kept = kept[: _KEPT - 1] + "…"
    return f"The Markdown header's other fields, left out of the text: {kept}."


def no_year_note(day_and_month: str) -> str:
    """The note an article keeps when its dateline gives no year (it is left undated)."""
    return (
        f'The dateline "{day_and_month}" gives no year, so the article was left undated; '
        "give it its date with Edit Metadata."
    )


_KEPT = 300  # characters of a header's other fields kept in the notes, at most


def text_to_draft(
    data: bytes, name: str, *, origin: str = "", fallback_title: str = "", markdown: bool = False
) -> DocumentDraft:
    """Bytes of a text file to a draft, or ``ImportRejected`` with the reason."""
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    kind = sniff(data)
    if kind in ("pdf", "docx", "zip", "ole", "image"):
        raise ImportRejected(
            f"{name} is a binary file ({DESCRIPTIONS[kind]}), not text. "
            "Rename it with the right extension and import it again."
        )
    decoded = decode_text(data, name)
    text = decoded.text
    if not text.strip():
        what = "is empty" if not text else "contains only white space"
        raise ImportRejected(f"{name} {what}.")
    title = headline = ""
    notes = [decoded.note] if decoded.note else []
    header = FrontMatter()
    if markdown:
        text = normalise_newlines(text)
        found, text = front_matter(text)
        header = found or header
        # The header's title is the author's word for it; the first heading is the next best.
        headline = _markdown_title(text)
        title = header.title or headline
        text = plain_text(text)
        if not text.strip():
            raise ImportRejected(f"{name} holds only Markdown marks, no text.")
    published = written_date(header.date) if header.date else None
    if header.date and published is None:
        notes.append(header_date_note(header.date))
    url = header.url
    if url and not is_web_address(url):
        # javascript:…, a \\server\share path: never a link, and the project's JSON export
        # refused it, so the project could not be restored from its own archive (an attack).
        notes.append(header_address_note(url))
        url = ""
    if header.others:
        notes.append(header_fields_note(header.others))
    if not headline:
        start = after_dateline(text)
        if start and text[start:].strip():
            # «الرباط 12 آذار 2024 (أ ف ب) — أعلنت …»: titled by the words after the
            # dateline, not by it (a trial's library of agency stories all began «الرباط…»).
            headline = derive_title(text[start:])
            title = title or headline
        else:
            headline = derive_title(text)
    published = published or dateline_date(text, title=headline)
    if published is None:
        day_and_month = undated_dateline(text, title=headline)
        if day_and_month:
            notes.append(no_year_note(day_and_month))
    return make_draft(
        text,
        title=title,
        source=header.source,
        url=url,
        author=header.author,
        published=published,
        origin=origin,
        fallback_title=fallback_title,
        # The reader shows the title above the body: a first line that is the title (a
        # headline, a Markdown heading) is not repeated below it. The file is unchanged.
        title_line=False,
        notes=notes,
    )


def read_text_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read one text or Markdown file into a draft, or raise ImportRejected with the reason."""
    file = Path(path)
    data = read_limited(file)
    return text_to_draft(
        data,
        display_name(file),
        origin=str(file.resolve()),
        fallback_title=file.stem,
        markdown=file.suffix.lower() in (".md", ".markdown"),
    )
