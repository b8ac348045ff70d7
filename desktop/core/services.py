"""Use cases: what one user action does, independent of Qt and of SQL.

They talk to storage through small protocols so they can be tested with fakes and so the core
never imports the store.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from desktop.core.errors import DuplicateDocument, HamishError
from desktop.core.models import ChangeSet
from desktop.core.records import AnnotationDraft, DocumentDraft, ImportFailure, ImportNote
from desktop.core.spans import context, snap_to_words


# Here with the import loop, not among the records of models.py: a dataclass is built by
# exec'd code (about 4 M instructions), and this module loads with the first import, not
# before the window's first paint.
@dataclass(slots=True)
class ImportReport:
    """Outcome of importing a batch: nothing is silently dropped. ``notes`` name the imported
    articles the import had to change (each is also in ``imported``)."""

    imported: list[tuple[str, int]] = field(default_factory=list)  # (path, document id)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (path, existing id)
    failed: list[ImportFailure] = field(default_factory=list)
    notes: list[ImportNote] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def changes(self) -> ChangeSet:
        return ChangeSet(documents_added=tuple(doc_id for _, doc_id in self.imported))


class DocumentRepository(Protocol):
    def add(self, draft: DocumentDraft) -> int: ...

    def add_many(self, drafts: Sequence[DocumentDraft]) -> list[int | HamishError]: ...


Loader = Callable[[], DocumentDraft]

CHUNK_FILES = 200
"""An import commits at least every this many articles read… (The chunk's transaction holds
the project's write lock while it writes — for 200 short articles about 75 ms of CPU, 180 ms
on a 2-core machine under a load of 5 — and an edit in the window meanwhile waits that long.
Chunks of 500 imported no faster, within the noise of that machine.)"""
CHUNK_SECONDS = 1.0
"""…and at least once a second (counted from the start of reading the chunk's first article)…"""
CHUNK_CHARS = 8_000_000
"""…and before the articles read since the last commit pass this many characters (what the
chunk holds in memory: each article's text and its folded copy)."""


def import_documents(
    repo: DocumentRepository,
    items: Iterable[tuple[str, Loader]],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    clock: Callable[[], float] = time.monotonic,
) -> ImportReport:
    """Read each item and store the articles in chunks, one transaction each (at most
    :data:`CHUNK_FILES` articles, :data:`CHUNK_SECONDS` of reading, :data:`CHUNK_CHARS`
    characters). Every item ends up in exactly one list of the report.

    One bad file never costs the others: a file that cannot be read is reported and the
    chunk goes on without it; a duplicate (of an article in the project or read earlier in
    the same batch) is reported with the article it duplicates. A cancelled batch stores
    the articles already read and stops there, so it keeps exactly the files counted as done
    before the cancellation. A crash or a power cut loses at most the chunk being read: every
    commit before it is durable (the project syncs each commit), which bounds what an import
    interrupted that way must be asked to do again to one chunk — at most a second of
    reading or :data:`CHUNK_FILES` files. If storing a chunk fails (a full disk), each of its
    files is reported failed with the reason and the batch goes on with the next one."""
    report = ImportReport()
    pending: list[tuple[str, DocumentDraft]] = []
    chars = 0
    started = 0.0

    def store() -> None:
        nonlocal chars
        if not pending:
            return
        try:
            results = repo.add_many([draft for _, draft in pending])
        except HamishError as error:
            results = [error] * len(pending)
        for (path, draft), result in zip(pending, results, strict=True):
            if isinstance(result, DuplicateDocument):
                report.duplicates.append((path, result.existing_id))
            elif isinstance(result, HamishError):
                report.failed.append(ImportFailure(path, str(result)))
            else:
                report.imported.append((path, result))
                if draft.import_notes:
                    report.notes.append(ImportNote(path, result, draft.import_notes))
        pending.clear()
        chars = 0

    for path, load in items:
        if cancelled():
            break
        if not pending:
            started = clock()
        try:
            draft = load()
        except HamishError as error:
            report.failed.append(ImportFailure(path, str(error)))
            continue
        pending.append((path, draft))
        chars += len(draft.text)
        if (
            len(pending) >= CHUNK_FILES
            or chars >= CHUNK_CHARS
            or clock() - started >= CHUNK_SECONDS
        ):
            store()
    store()
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
