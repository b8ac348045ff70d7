"""Shared test material for the window tests: a short Arabic article, and small helpers to
find a label or open one of the sample articles."""

from __future__ import annotations

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
