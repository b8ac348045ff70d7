"""Shared test material for the window tests: a short Arabic article, and small helpers to
find a label or open one of the sample articles."""

from __future__ import annotations

from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

KERRY_ARTICLE = (
    "وقال كيري، من جهته، إن «روسيا والولايات المتحدة تستطيعان سوية فعل الكثير».\n"
    "وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة في موسكو.\n"
    "وقالت مصادر لموقع Russia-Now.com إن اللقاء كان إيجابياً."
)


def label_id(window: MainWindow, key: str) -> int:
    assert window.session is not None
    return next(label.id for label in window.session.labels if label.key == key)


def open_seed(window: MainWindow, needle: str) -> int:
    """Open the sample article whose text holds ``needle``; its id."""
    for summary in window.project.documents.summaries():
        if needle in window.project.documents.get(summary.id).text:
            window.open_document(summary.id)
            return summary.id
    raise AssertionError(needle)


def tagged_long_article(
    project: Project, text: str, title: str = "طويل"
) -> tuple[int, list[tuple[int, int]]]:
    """Add ``text`` as an article with the first label on «جنيف» in each of its paragraphs
    (one transaction): its id and the tags' spans."""
    doc = project.documents.add(make_draft(text, title=title))
    label = project.labels.all()[0].id
    spans = []
    with project.database.transaction():
        position = 0
        for paragraph in text.split("\n"):
            start = position + paragraph.index("جنيف")
            project.annotations.add(prepare_annotation(text, doc, start, start + 4, label, "test"))
            spans.append((start, start + 4))
            position += len(paragraph) + 1
    return doc, spans
