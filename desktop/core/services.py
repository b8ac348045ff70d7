"""Use cases: what one user action does, independent of Qt and of SQL.

They talk to storage through small protocols so they can be tested with fakes and so the core
never imports the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from desktop.core.errors import DuplicateDocument, HamishError
from desktop.core.models import DocumentDraft, ImportFailure, ImportReport


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
    return report
