"""Articles from the clipboard or a drop: local files and folders go to the importer, copied
text or a copied web-page selection becomes one article."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from desktop.core.datelines import dateline_date
from desktop.core.records import DocumentDraft
from desktop.core.text import derive_title, make_draft

# A copied selection is what the analyst chose; the extractor may drop short paragraphs as
# boilerplate. Below this share of the plain text, the plain text wins.
_CLIPBOARD_KEEP = 0.6

CLIPBOARD_HTML_ELEMENTS = 10_000
"""Elements of copied HTML the page extractor reads, here on the window's own thread (a file
is read in a child process with a time limit): 100,000 pasted paragraphs took 28 s of CPU
and 300 MB (an attacker). Above it, the plain text copied with the HTML is the article. A
news page has 2,000–10,000 elements, a selection from it fewer."""


def local_paths(mime: QMimeData) -> tuple[list[str], list[str]]:
    """(local files and folders, remote URLs) among the URLs of a drop or the clipboard."""
    local: list[str] = []
    remote: list[str] = []
    for url in mime.urls():
        if url.isLocalFile():
            local.append(url.toLocalFile())
        elif url.scheme():
            remote.append(url.toString())
    return local, remote


def draft_from_mime(mime: QMimeData, origin: str) -> DocumentDraft | None:
    """An article from copied or dropped text: HTML through the page extractor (keeping the
    plain text if the extractor dropped much of the selection), else the plain text."""
    plain = mime.text() if mime.hasText() else ""
    if mime.hasHtml():
        from desktop.io.importers.html_page import (
            PageBeyondLimits,
            draft_with_metadata,
            extract_article,
        )
        from desktop.io.importers.limits import html_elements

        html = mime.html()
        try:
            small = html_elements(html) <= CLIPBOARD_HTML_ELEMENTS
            found = extract_article(html) if small else None
        except PageBeyondLimits:
            found = None  # past the parser's limits: the plain text copied with it, if any
        if found is not None:
            text, meta = found
            if not plain.strip() or len(text) >= _CLIPBOARD_KEEP * len(plain.strip()):
                return draft_with_metadata(text, meta, origin=origin, title_line=False)
            return draft_with_metadata(
                plain.strip(), meta, origin=origin, title=False, title_line=False
            )
    if plain.strip():
        # The first line, when it is the headline, becomes the title and leaves the body.
        text = plain.strip("\n")
        published = dateline_date(text, title=derive_title(text))
        return make_draft(text, origin=origin, title_line=False, published=published)
    return None
