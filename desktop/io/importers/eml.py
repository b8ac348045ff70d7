"""E-mail messages (.eml), as newsletters and forwarded articles arrive, via the standard
library's ``email`` package.

Subject → title, From → author (the display name) and source (the sender's domain, which
names the outlet for a newsletter), Date → published. The body is the text/plain part when
there is one (it is what the sender wrote; the HTML twin is usually the same text with
layout), otherwise the text/html part through the web-page extractor — also when the plain
part cannot be decoded. Each part is decoded with the charset it declares (an HTML part that
declares none in its header: the ``<meta charset>`` of its markup, as for a saved page),
falling back to detection (Windows-1256 mail often declares nothing, or the wrong thing).
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import os
import re
from dataclasses import replace
from email.message import EmailMessage, Message
from email.parser import BytesFeedParser
from pathlib import Path

from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.io.importers.common import display_name, iso_date, read_limited
from desktop.io.importers.encoding import Decoded, decode_text
from desktop.io.importers.html_page import (
    PageBeyondLimits,
    beyond_limits,
    declared_charset,
    draft_with_metadata,
    extract_article,
)

__all__ = ["EMAIL_SUFFIXES", "eml_to_draft", "read_eml_file"]

EMAIL_SUFFIXES = (".eml",)
_FEED = 1 << 20  # bytes given to the parser at a time


def _header(message: Message, name: str) -> str:
    """A header as text; a malformed encoded-word must not sink the import. The standard
    library's header parser raises more than ``ValueError`` on hostile input: Python 3.11
    fails with ``AttributeError`` on ``From: "[" <user@[>`` (an ``InvalidHeaderDefect`` where
    it expects a token list)."""
    try:
        value = message.get(name)
    except (ValueError, TypeError, LookupError, AttributeError, email.errors.MessageError):
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def _body_part(message: Message, subtype: str) -> Message | None:
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        if part.get_content_subtype() != subtype:
            continue
        if part.get_content_disposition() == "attachment":
            continue
        return part
    return None


def _payload(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _plain_text(part: Message, name: str) -> Decoded:
    """A text/plain part decoded with the charset it declares (or detected)."""
    data = _payload(part)
    if not data.strip():
        return Decoded("", "utf-8")
    return decode_text(data, name, declared=part.get_content_charset())


def _html_markup(part: Message, name: str) -> Decoded:
    """A text/html part decoded with the charset its header declares, else the one its markup
    declares (``<meta charset>``), as a saved page is read (or detected)."""
    data = _payload(part)
    if not data.strip():
        return Decoded("", "utf-8")
    declared = part.get_content_charset() or declared_charset(data)
    return decode_text(data, name, declared=declared)


def _parse(data: bytes) -> EmailMessage:
    """The message, fed to the parser a megabyte at a time: ``message_from_bytes`` decodes
    the whole message into one string and splits it into a list of every line at once (a
    49 MB message took 415 MB; this way 180 MB; issue 13)."""
    parser = BytesFeedParser(EmailMessage, policy=email.policy.default)
    for start in range(0, len(data), _FEED):
        parser.feed(data[start : start + _FEED])
    return parser.close()


# The year of an RFC 5322 date: after the day and the month's name ("Mon, 01 Jan 0001 …").
_YEAR = re.compile(r"\b\d{1,2}\s+[A-Za-z]{3,}\s+(\d+)\b")


def _published(message: Message) -> tuple[str | None, tuple[str, ...]]:
    """The message's date as ``YYYY-MM-DD``, or None and a note saying why it was left out.

    Why the year is read again: ``parsedate_to_datetime`` gives every year below 100 the
    century of the two-digit rule, so a written "0001" became 2001. Only a year written
    with two digits (or one) is a two-digit year.
    """
    # As written: the parsed header says "2001" already.
    raw = (str(value) for key, value in message.raw_items() if key.lower() == "date")
    value = " ".join(next(raw, "").split())
    if not value:
        return None, ()
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    written = _YEAR.search(value)
    if written is not None and len(written[1]) > 2 and parsed and int(written[1]) != parsed.year:
        parsed = None
    published = iso_date(parsed)
    return published, () if published else (date_dropped_note(value),)


def date_dropped_note(value: str) -> str:
    """The note a message keeps when its Date header was not used (what it said, shortened)."""
    date = " ".join(value.split())
    if len(date) > 60:
        date = date[:59] + "…"
    return f'The message\'s date "{date}" was left out: it is not a real date from 1900 to 2200.'


def eml_to_draft(
    data: bytes, name: str, *, origin: str = "", fallback_title: str = ""
) -> DocumentDraft:
    """Bytes of an .eml message to a draft, or ``ImportRejected`` with the reason."""
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    message = _parse(data)
    if not message.keys():
        raise ImportRejected(f"{name} is not an e-mail message (it has no headers).")
    title = _header(message, "Subject")
    sender_name, sender_address = email.utils.parseaddr(_header(message, "From"))
    author = sender_name or sender_address
    source = sender_address.rpartition("@")[2] if "@" in sender_address else ""
    published, date_notes = _published(message)

    plain = _body_part(message, "plain")
    html = _body_part(message, "html")
    undecodable: ImportRejected | None = None  # the plain part's, if it cannot be decoded
    if plain is not None:
        try:
            decoded = _plain_text(plain, name)
        except ImportRejected as error:
            if html is None:
                raise
            undecodable, decoded = error, Decoded("", "utf-8")  # its HTML twin may be readable
        if decoded.text.strip():
            return make_draft(
                decoded.text.strip("\n"),
                title=title,
                source=source,
                author=author,
                published=published,
                origin=origin,
                fallback_title=fallback_title,
                notes=(decoded.note, *date_notes) if decoded.note else date_notes,
            )
    if html is not None:
        try:
            decoded = _html_markup(html, name)
        except ImportRejected:
            if undecodable is None:
                raise
            decoded = Decoded("", "utf-8")  # neither part decodes: the plain part's reason
        markup = decoded.text
        try:
            found = extract_article(markup) if markup.strip() else None
        except PageBeyondLimits as limit:
            raise beyond_limits(name, limit) from None
        if found is not None:
            text, meta = found
            # The message's own headers win over what the HTML says about itself.
            meta = replace(
                meta,
                title=title or meta.title,
                source=source or meta.source,
                author=author or meta.author,
                published=published or meta.published,
            )
            return draft_with_metadata(
                text,
                meta,
                origin=origin,
                fallback_title=fallback_title,
                notes=(decoded.note, *date_notes) if decoded.note else date_notes,
            )
        if undecodable is not None:
            raise undecodable  # the sender's text is in the plain part, which cannot be read
        if markup.strip():
            raise ImportRejected(f"{name} has an HTML body with no article text in it.")
    raise ImportRejected(f"{name} has no text body (only attachments, or nothing at all).")


def read_eml_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read one .eml message into a draft, or raise ImportRejected with the reason."""
    file = Path(path)
    return eml_to_draft(
        read_limited(file), display_name(file), origin=str(file.resolve()), fallback_title=file.stem
    )
