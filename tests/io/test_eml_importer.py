"""E-mail messages: headers as metadata, text/plain preferred, HTML through the extractor,
charsets honoured (and detected when a message declares none)."""

from __future__ import annotations

from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.eml import eml_to_draft, read_eml_file
from desktop.io.importers.html_page import read_html_file

from .import_files import DATA

BODY = (
    "أعلن وزير الخارجية الروسي سيرغي لافروف أنهما اتفقا على محاربة داعش.\n"
    "من جانبه، قال كيري إن واشنطن وموسكو اتفقتا على خطوات ملموسة."
)
SUBJECT = "نشرة الأخبار: لافروف وكيري"


def _headers(message: MIMEText | MIMEMultipart, charset: str) -> None:
    message["Subject"] = Header(SUBJECT, charset)
    message["From"] = f"{Header('وكالة الأنباء', charset).encode()} <news@agency.example>"
    message["To"] = "analyst@example.org"
    message["Date"] = "Fri, 15 Jul 2016 21:30:00 +0300"


def test_windows_1256_plain_message(tmp_path: Path) -> None:
    message = MIMEText(BODY, "plain", "windows-1256")
    _headers(message, "windows-1256")
    path = tmp_path / "news.eml"
    path.write_bytes(message.as_bytes())
    assert b"windows-1256" in path.read_bytes()
    draft = read_eml_file(path)
    assert draft.title == SUBJECT
    assert draft.author == "وكالة الأنباء"
    assert draft.source == "agency.example"
    assert draft.published == "2016-07-15"
    assert draft.text == BODY
    assert draft.direction == "rtl"


def test_multipart_with_html_body_and_an_attachment() -> None:
    page = (DATA / "news_page.html").read_text(encoding="utf-8")
    message = MIMEMultipart("mixed")
    _headers(message, "utf-8")
    message.attach(MIMEText(page, "html", "utf-8"))
    message.attach(MIMEApplication(b"%PDF-1.4 not read", Name="attachment.pdf"))
    draft = eml_to_draft(message.as_bytes(), "html.eml")
    assert draft.title == SUBJECT  # the subject wins over the page's headline
    assert draft.url == "https://almarsad.example/politics/2016/07/15/lavrov-kerry-truce"
    assert draft.text.startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    assert "الأكثر قراءة" not in draft.text


def test_plain_part_is_preferred_to_html() -> None:
    message = MIMEMultipart("alternative")
    _headers(message, "utf-8")
    message.attach(MIMEText(BODY, "plain", "utf-8"))
    message.attach(MIMEText("<html><body><p>نص مختلف تماماً</p></body></html>", "html", "utf-8"))
    assert eml_to_draft(message.as_bytes(), "alt.eml").text == BODY


def test_html_part_without_a_charset_uses_its_meta_charset(tmp_path: Path) -> None:
    """The part's header declares no charset; the markup's <meta charset> is honoured, as it
    is for the same bytes saved as a page."""
    page = (
        "<html><head><meta charset='windows-1252'><title>El niño</title></head><body>"
        "<article><p>El niño jugaba en el parque cada tarde, mientras su madre leía el "
        "periódico en un banco cercano.</p></article></body></html>"
    ).encode("cp1252")
    message = EmailMessage()
    message["Subject"] = "El niño"
    message["From"] = "Diario <redaccion@diario.example>"
    message.set_content(page, maintype="text", subtype="html")
    assert message.get_content_charset() is None
    draft = eml_to_draft(message.as_bytes(), "nino.eml")
    assert "El niño jugaba en el parque" in draft.text
    assert draft.title == "El niño"
    assert draft.source == "diario.example"
    saved = tmp_path / "nino.html"
    saved.write_bytes(page)
    assert draft.text == read_html_file(saved).text


def _alternative(plain: bytes, html: bytes) -> bytes:
    message = EmailMessage()
    message["Subject"] = SUBJECT
    message["From"] = "news@agency.example"
    message.set_content(plain, maintype="text", subtype="plain", params={"charset": "utf-8"})
    message.add_alternative(html, maintype="text", subtype="html", params={"charset": "utf-8"})
    return message.as_bytes()


UNDECODABLE = "line one\nПривет, как дела".encode("koi8-r")  # neither UTF-8 nor Arabic


def test_undecodable_plain_part_falls_back_to_its_html_alternative() -> None:
    page = (DATA / "news_page.html").read_bytes()
    draft = eml_to_draft(_alternative(UNDECODABLE, page), "alt.eml")
    assert draft.title == SUBJECT
    assert draft.text.startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    with pytest.raises(ImportRejected, match=r"^plain\.eml is not UTF-8 text .*line 2"):
        eml_to_draft(_alternative(UNDECODABLE, b"<html><body></body></html>"), "plain.eml")
    with pytest.raises(ImportRejected, match=r"^both\.eml is not UTF-8 text .*line 2"):
        eml_to_draft(_alternative(UNDECODABLE, b"<p>\n\n" + UNDECODABLE), "both.eml")


def test_undeclared_charset_is_detected() -> None:
    raw = (
        b"From: news@agency.example\r\nSubject: test\r\nDate: Fri, 15 Jul 2016 10:00:00 +0000\r\n"
        b"Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + BODY.encode("cp1256")
    )
    draft = eml_to_draft(raw, "legacy.eml")
    assert draft.text == BODY
    assert draft.author == "news@agency.example"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "is empty"),
        (b"just some words without headers\n", "not an e-mail message|no text body"),
        (b"Subject: empty\r\nContent-Type: text/plain\r\n\r\n", "no text body"),
        (
            b"Subject: deep\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + b"<div>" * 300
            + "<p>نص</p>".encode(),
            "more than 256 deep",
        ),
    ],
)
def test_bad_messages(raw: bytes, reason: str) -> None:
    with pytest.raises(ImportRejected, match=reason):
        eml_to_draft(raw, "bad.eml")


def test_a_header_the_standard_library_cannot_parse_is_left_out() -> None:
    """Found by tests/fuzz: Python's header parser raises AttributeError (not ValueError) on
    this From line, which escaped the importer; the sender is now just unknown."""
    data = (
        'From: "[" <user@[>\nSubject: \u0646\u0634\u0631\u0629\n'
        "Content-Type: text/plain; charset=utf-8\n\n" + BODY
    ).encode()
    draft = eml_to_draft(data, "odd.eml")
    assert draft.author == ""
    assert draft.title == "نشرة"
    assert draft.text == BODY


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ("Mon, 01 Jan 0001 00:00:00 +0000", None),  # was 2001-01-01: the two-digit rule
        ("Mon, 01 Jan 0099 10:00:00 +0000", None),
        ("Sat, 01 Jan 1870 10:00:00 +0000", None),
        ("Mon, 01 Jan 01 10:00:00 +0000", "2001-01-01"),  # a two-digit year keeps the rule
        ("Fri, 15 Jul 99 10:00:00 +0000", "1999-07-15"),
        ("Fri, 15 Jul 2016 10:00:00 +0000", "2016-07-15"),
    ],
)
def test_only_a_two_digit_year_gets_a_century(date: str, published: str | None) -> None:
    data = f"Subject: s\nDate: {date}\nContent-Type: text/plain; charset=utf-8\n\n{BODY}"
    draft = eml_to_draft(data.encode(), "dated.eml")
    assert draft.published == published
    if published is None:
        assert draft.import_notes == (
            f'The message\'s date "{date}" was left out: it is not a real date from 1900 to 2200.'
        )
    else:
        assert draft.import_notes == ""
