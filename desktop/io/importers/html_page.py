"""Saved web pages (and HTML from e-mail or the clipboard): the article, not the page.

A saved news page is mostly navigation, teasers, share buttons and footers. The article body
and its metadata (headline, outlet, author, date, canonical URL) are found by trafilatura
(Apache-2.0), a maintained extraction library that reads the layout, OpenGraph, ``article:*``
meta tags and JSON-LD; hand-written patterns would break on the next site redesign.

Decoding is done here, not by the library: a saved page's bytes are read in the order the HTML
standard prescribes (byte-order mark, then the ``<meta charset>`` the page declares, then
detection — which includes Windows-1256 and ISO-8859-6, see
:mod:`desktop.io.importers.encoding`), and the parser is given text, so a page that declares
one charset but was saved in another still comes out readable.

Nothing here touches the network: the library is given markup, never a URL to fetch.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.datelines import dateline_date
from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.core.text import derive_title, make_draft
from desktop.io.importers.common import display_name, parse_iso_date, read_limited
from desktop.io.importers.encoding import decode_text

__all__ = [
    "HTML_SUFFIXES",
    "PageBeyondLimits",
    "PageMetadata",
    "beyond_limits",
    "extract_article",
    "html_to_draft",
    "read_html_file",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_PRESCAN = 8192
# The prescan the HTML standard describes, reduced to what saved pages contain: a
# <meta charset>, a <meta http-equiv content="…; charset=…">, or an XML declaration.
_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.\-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACE = re.compile(r"\s+")
# A DOCTYPE with an internal subset, after any comments at the start of the page.
_DOCTYPE = re.compile(r"\s*(?:<!--.*?-->\s*)*(<!doctype\b[^\[>]*\[)", re.I | re.S)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    published: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, as written (not yet validated)."""
    head = data[:_PRESCAN]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match[1].decode("ascii", "replace") if match else None


def without_internal_subset(markup: str) -> str:
    """``markup`` with the internal subset of its DOCTYPE (``<!DOCTYPE html [ <!ENTITY x
    "y"> ]>``) removed. HTML has no such thing and libxml2's HTML parser ends the DOCTYPE at
    the first ``>`` inside it, so the rest (``]>``) became the page's first text — and its
    title. The entities it declares are never expanded: ``&x;`` stays as written. The subset
    is read up to its closing ``]`` outside quoted strings and comments."""
    start = _DOCTYPE.match(markup)
    if start is None:
        return markup
    open_at = start.end()
    end = _subset_end(markup, open_at)
    if end is None:
        return markup
    return markup[: start.start(1)] + "<!DOCTYPE html>" + markup[end:]


def _subset_end(markup: str, index: int) -> int | None:
    """Where the DOCTYPE whose internal subset starts at ``index`` ends (after its ``]>``)."""
    quote = ""
    length = len(markup)
    while index < length:
        char = markup[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif markup.startswith("<!--", index):
            close = markup.find("-->", index + 4)
            if close < 0:
                return None
            index = close + 2
        elif char == "]":
            close = index + 1
            while close < length and markup[close].isspace():
                close += 1
            if close < length and markup[close] == ">":
                return close + 1
        index += 1
    return None


class PageBeyondLimits(ValueError):
    """The page's markup passes a limit of the HTML parser (libxml2's, kept on purpose: it
    bounds the memory a hostile page can take): what it read is only part of the page."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def beyond_limits(name: str, limit: PageBeyondLimits) -> ImportRejected:
    """What the analyst is told when a page passes the parser's limits."""
    if limit.what == "depth":
        return ImportRejected(
            f"{name} nests its elements more than 256 deep (unclosed tags pile up so in some "
            "old pages) and its text lies past that depth, where Hamish stops reading. "
            "Nothing was imported."
        )
    return ImportRejected(
        f"{name} holds an attribute, script, comment or run of text of more than 10 MB "
        "before any article text, where Hamish stops reading. Nothing was imported."
    )


def _parse(markup: str) -> tuple[Any, str | None]:
    """An lxml tree of the page, and which limit of the parser it passed, if any. Parsed from
    text, so a stale ``<meta charset>`` cannot make the parser decode a second time; an XML
    declaration is dropped because lxml refuses one in text input, and so is a DOCTYPE's
    internal subset (:func:`without_internal_subset`). At a limit (elements nested more than
    256 deep, one attribute or text run of more than 10 MB) the tree holds what came before
    it: ``"depth"`` or ``"size"``."""
    from lxml import html as lxml_html  # imported on first use: the CLI need not pay for it

    markup = without_internal_subset(_XML_DECLARATION.sub("", markup, count=1))
    if not markup.strip():
        return None, None
    parser = lxml_html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        tree = lxml_html.document_fromstring(markup, parser=parser)
    except Exception:  # lxml raises ParserError/ValueError/XMLSyntaxError on hopeless input
        tree = None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            return tree, "depth" if "depth" in entry.message.lower() else "size"
    return tree, None


def _clean(value: object) -> str:
    return _SPACE.sub(" ", value).strip() if isinstance(value, str) else ""


def extract_article(markup: str) -> tuple[str, PageMetadata] | None:
    """The article text (paragraphs separated by newlines) and metadata, or None when the
    page holds no article-like text; ``PageBeyondLimits`` when it holds none in what the
    parser read before one of its limits (what came before a limit is imported, as any page's
    article: a hostile page's headline before 50,000 nested elements is)."""
    tree, limit = _parse(markup)
    found = None if tree is None else _extracted(tree)
    if found is None and limit is not None:
        # What came before the limit holds no article: say why, not "no article text".
        raise PageBeyondLimits(limit)
    return found


def _extracted(tree: Any) -> tuple[str, PageMetadata] | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # Only dates the page states (meta tags, <time>, JSON-LD, the URL): a wider search
        # would take the copyright year of the footer for the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    if not isinstance(text, str) or not text.strip():
        return None
    metadata = PageMetadata(
        title=_clean(data.get("title")),
        source=_clean(data.get("sitename")) or _clean(data.get("hostname")),
        author=_clean(data.get("author")),
        url=_clean(data.get("url")),
        published=parse_iso_date(_clean(data.get("date"))),
    )
    return _drop_repeated_title(text.strip(), metadata.title), metadata


def _drop_repeated_title(text: str, title: str) -> str:
    """Pages repeat the headline as the body's first line; the reader already shows the
    title above the text, so keep it once."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and _clean(first) == title:
        return rest.lstrip("\n")
    return text


def html_to_draft(
    markup: str,
    name: str,
    *,
    origin: str = "",
    fallback_title: str = "",
    notes: Sequence[str] = (),
) -> DocumentDraft:
    """Markup (already decoded) to a draft, or ``ImportRejected`` if it holds no article.
    ``notes``: what decoding reported, kept with the article."""
    try:
        found = extract_article(markup)
    except PageBeyondLimits as limit:
        raise beyond_limits(name, limit) from None
    if found is None:
        raise ImportRejected(
            f"{name} holds no article text that Hamish can find (it may be an index page, "
            "a page that builds its text with JavaScript, or an empty page)."
        )
    text, meta = found
    return draft_with_metadata(
        text, meta, origin=origin, fallback_title=fallback_title, notes=notes
    )


def draft_with_metadata(
    text: str,
    meta: PageMetadata,
    *,
    origin: str,
    fallback_title: str = "",
    title: bool = True,
    title_line: bool = True,
    notes: Sequence[str] = (),
) -> DocumentDraft:
    """A draft carrying what the page said about itself; ``title=False`` when ``text`` is
    not the page's article (e.g. the plain text of a copied selection); ``title_line`` and
    ``notes`` as in ``make_draft``."""
    return make_draft(
        text,
        title=meta.title if title else "",
        source=meta.source,
        url=meta.url,
        author=meta.author,
        published=meta.published or dateline_date(text, title=meta.title or derive_title(text)),
        origin=origin,
        fallback_title=fallback_title,
        title_line=title_line,
        notes=notes,
    )


def html_bytes_to_draft(
    data: bytes,
    name: str,
    *,
    origin: str = "",
    fallback_title: str = "",
    charset: str | None = None,
) -> DocumentDraft:
    """Bytes of a page to a draft. ``charset`` is one declared outside the page (an e-mail
    part's header); otherwise the page's own declaration is honoured."""
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    decoded = decode_text(data, name, declared=charset or declared_charset(data))
    notes = (decoded.note,) if decoded.note else ()
    return html_to_draft(
        decoded.text, name, origin=origin, fallback_title=fallback_title, notes=notes
    )


def read_html_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read one saved web page into a draft, or raise ImportRejected with the reason."""
    file = Path(path)
    return html_bytes_to_draft(
        read_limited(file),
        display_name(file),
        origin=str(file.resolve()),
        fallback_title=file.stem,
    )
