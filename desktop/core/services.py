"""Use cases: what one user action does, independent of Qt and of SQL.

They talk to storage through small protocols so they can be tested with fakes and so the core
never imports the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from desktop.core.errors import DuplicateDocument, HamishError
from desktop.core.models import (
    AnnotationDraft,
    DocumentDraft,
    ImportFailure,
    ImportNote,
    ImportReport,
)
from desktop.core.spans import context, snap_to_words


class DocumentRepository(Protocol):
    def add(self, draft: DocumentDraft) -> int: ...


Loader = Callable[[], DocumentDraft]


def import_documents(
    repo: DocumentRepository,
    items: Iterable[tuple[str, Loader]],
    *,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Import each item in its own transaction, so one bad file never costs the others and a
    cancelled batch keeps what was already imported. Every item ends up in exactly one list of
    the report."""
    report = ImportReport()
    for path, load in items:
        if cancelled():
            break
        try:
            draft = load()
            doc_id = repo.add(draft)
        except DuplicateDocument as duplicate:
            report.duplicates.append((path, duplicate.existing_id))
        except HamishError as error:
            report.failed.append(ImportFailure(path, str(error)))
        else:
            report.imported.append((path, doc_id))
            if draft.import_notes:
                report.notes.append(ImportNote(path, doc_id, draft.import_notes))
    return report


def prepare_annotation(
    text: str,
    document_id: int,
    start: int,
    end: int,
    label_id: int,
    author: str,
    *,
    snap: bool = True,
    note: str = "",
) -> AnnotationDraft:
    """Validate a selection and turn it into a storable annotation.

    Offsets are code points. With ``snap`` the span grows to whole words and loses edge
    spaces and punctuation, so a sloppy mouse drag still tags exactly the mention.
    """
    start, end = min(start, end), max(start, end)
    if start < 0 or end > len(text):
        raise HamishError("The selection is outside the article.")
    if snap:
        start, end = snap_to_words(text, start, end)
    if start == end:
        raise HamishError("Select a passage first, then choose a label.")
    if not text[start:end].strip():
        raise HamishError("The selection holds only white space; select some words.")
    quote, prefix, suffix = context(text, start, end)
    return AnnotationDraft(
        document_id=document_id,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        label_id=label_id,
        author=author,
        note=note,
    )
