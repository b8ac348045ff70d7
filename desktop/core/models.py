"""Plain data objects shared by every layer.

They carry no behaviour tied to storage or Qt, so the core can be tested without either and the
UI can hold them in row caches without keeping a database cursor alive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["rtl", "ltr"]


@dataclass(frozen=True, slots=True)
class DocumentDraft:
    """A document about to be stored: text already normalised to ``\\n`` line endings."""

    title: str
    text: str
    language: str
    direction: Direction
    content_hash: str
    source: str = ""
    url: str = ""
    author: str = ""
    published: str | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A stored document. Offsets into ``text`` are code points, never UTF-16 units."""

    id: int
    title: str
    text: str
    language: str
    direction: Direction
    content_hash: str
    source: str
    url: str
    author: str
    published: str | None
    origin: str
    imported_at: str
    modified_at: str


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the library list shows: everything but the (possibly huge) text."""

    id: int
    title: str
    source: str
    published: str | None
    language: str
    direction: Direction
    char_count: int
    annotation_count: int
    imported_at: str


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one user action changed, so views refresh only the affected rows."""

    documents_added: tuple[int, ...] = ()
    documents_changed: tuple[int, ...] = ()
    documents_removed: tuple[int, ...] = ()
    annotations_added: tuple[int, ...] = ()
    annotations_changed: tuple[int, ...] = ()
    annotations_removed: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.documents_added,
                self.documents_changed,
                self.documents_removed,
                self.annotations_added,
                self.annotations_changed,
                self.annotations_removed,
            )
        )


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A file that was not imported, with a reason an analyst can act on."""

    path: str
    reason: str


@dataclass(slots=True)
class ImportReport:
    """Outcome of importing a batch: nothing is silently dropped."""

    imported: list[tuple[str, int]] = field(default_factory=list)  # (path, document id)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (path, existing id)
    failed: list[ImportFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def changes(self) -> ChangeSet:
        return ChangeSet(documents_added=tuple(doc_id for _, doc_id in self.imported))
