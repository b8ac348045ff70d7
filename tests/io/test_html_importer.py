"""Saved news pages: the article and its metadata, not the site around it, in any charset."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import ImportRejected
from desktop.io.importers.html_page import declared_charset, html_bytes_to_draft, read_html_file

from .import_files import DATA

PAGE = DATA / "news_page.html"
BODY_STARTS = "أعلن وزير الخارجية الروسي سيرغي لافروف"
BOILERPLATE = ("الأكثر قراءة", "جميع الحقوق", "اتصل بنا", "عاجل", "اشترك في النشرة", "بقلم")


def _check(draft_text: str) -> None:
    assert draft_text.startswith(BODY_STARTS)
    assert draft_text.count("\n") == 3  # four paragraphs, one per line
    assert "شباط الماضي." in draft_text
    for words in BOILERPLATE:
        assert words not in draft_text


def test_article_and_metadata_of_a_news_page() -> None:
    draft = read_html_file(PAGE)
    assert draft.title == "لافروف وكيري يتفقان على خطوات لإنقاذ الهدنة في سوريا"
    assert draft.source == "صحيفة المرصد"
    assert draft.author == "سلمى الخطيب"
    assert draft.url == "https://almarsad.example/politics/2016/07/15/lavrov-kerry-truce"
    assert draft.published == "2016-07-15"
    assert draft.direction == "rtl" and draft.language == "ar"
    assert draft.origin == str(PAGE.resolve())
    _check(draft.text)


def test_windows_1256_page_with_declarations() -> None:
    html = PAGE.read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
    )
    data = ('<?xml version="1.0" encoding="windows-1256"?>\n' + html).encode(
        "cp1256", errors="replace"
    )
    assert declared_charset(data) == "windows-1256"
    draft = html_bytes_to_draft(data, "page.html")
    assert draft.title == "لافروف وكيري يتفقان على خطوات لإنقاذ الهدنة في سوريا"
    assert draft.source == "صحيفة المرصد"
    _check(draft.text)


@pytest.mark.parametrize("meta", ["", '<meta charset="iso-8859-1">', '<meta charset="utf-8">'])
def test_windows_1256_page_without_or_with_a_wrong_declaration(meta: str) -> None:
    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', meta)
    draft = html_bytes_to_draft(html.encode("cp1256", errors="replace"), "page.html")
    assert draft.author == "سلمى الخطيب"
    _check(draft.text)


def test_time_element_gives_the_date_and_the_footer_year_does_not() -> None:
    html = PAGE.read_text(encoding="utf-8")
    without_meta = html.replace(
        '<meta property="article:published_time" content="2016-07-15T21:30:00+03:00">', ""
    )
    assert html_bytes_to_draft(without_meta.encode(), "p.html").published == "2016-07-15"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"<html><head><title>x</title></head><body></body></html>", "no article text"),
        (b"\x00\x01\x02" * 100, "binary file"),
    ],
)
def test_pages_without_an_article(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=reason):
        read_html_file(path)


SPOKESMAN = "قال المتحدث الرسمي إن الاتفاق صامد وإن المفاوضات مستمرة."
# Paragraphs that make trafilatura fall back to the page's whole text, as short pages do.
BARE_ARTICLE = f"<p>{(SPOKESMAN + ' ') * 5}</p>" * 3


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE html [ <!ENTITY x "EXPANDED"> ]>',
        '<!doctype html [\n<!ENTITY x "EXPANDED">\n<!ENTITY y "a ]> b">\n]>',
        "<!-- saved page -->\n<!DOCTYPE html [ <!-- ] > --> <!ENTITY x 'EXPANDED'> ] >",
        '<!DOCTYPE html SYSTEM "about:legacy-compat" [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>',
    ],
    ids=["simple", "quoted-brackets", "comments", "external-entity"],
)
def test_a_doctype_with_an_internal_subset_is_not_the_title(doctype: str) -> None:
    """Issue 13, failure 7: such a page got the title ``]>`` and text beginning ``]>``."""
    page = f"{doctype}\n<html><body>{BARE_ARTICLE}<p>وأضاف: &x;</p></body></html>"
    draft = html_bytes_to_draft(page.encode(), "subset.html")
    assert "]" not in draft.title and ">" not in draft.title
    assert draft.title.startswith(SPOKESMAN)
    assert draft.text.startswith(SPOKESMAN)
    assert draft.text.endswith("وأضاف: &x;")  # never expanded
    assert "EXPANDED" not in draft.text and "root:" not in draft.text


def test_a_page_title_survives_an_internal_subset() -> None:
    page = PAGE.read_text(encoding="utf-8").replace(
        "<!DOCTYPE html>", '<!DOCTYPE html [ <!ENTITY x "y"> ]>'
    )
    assert page.startswith("<!DOCTYPE html [")
    draft = html_bytes_to_draft(page.encode(), "page.html")
    assert draft.title == "لافروف وكيري يتفقان على خطوات لإنقاذ الهدنة في سوريا"
    _check(draft.text)


def test_an_unclosed_subset_is_left_to_the_parser() -> None:
    page = f'<!DOCTYPE html [ <!ENTITY x "y">\n<html><body>{BARE_ARTICLE}</body></html>'
    draft = html_bytes_to_draft(page.encode(), "odd.html")  # no crash, no loop
    assert SPOKESMAN in draft.text


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        (
            "<html><body>" + "<div>" * 300 + "<p>نص المقال هنا</p>" + "</div>" * 300,
            "more than 256 deep",
        ),
        (
            '<html><body><p title="' + "a" * 10_500_000 + '">نص</p><p>نص المقال</p>',
            "more than 10 MB",
        ),
    ],
)
def test_a_page_past_the_parsers_limits_says_so(tmp_path: Path, markup: str, reason: str) -> None:
    # libxml2 stops at these limits and keeps what came before: the page's text was never
    # read, which "no article text" would not say (a hostile page of 99,000 nested elements).
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(ImportRejected, match=reason):
        read_html_file(path)
