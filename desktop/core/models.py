"""Plain data objects shared by every layer: those the window's first paint needs (the
article, the library's rows, labels, annotations, change sets). Drafts, import reports,
entities and claims are in ``records.py``, which start-up does not load.

Immutable records are ``NamedTuple``s: they are created once per import of the program and a
frozen dataclass costs seven times as much to define, which showed at start-up.

They carry no behaviour tied to storage or Qt, so the core can be tested without either and the
UI can hold them in row caches without keeping a database cursor alive.

No ``from __future__ import annotations`` here, unlike the rest of the program: with it, each
field's annotation is a string, and ``typing.NamedTuple`` compiles every one of them into a
``ForwardRef`` when the class is made (124 calls to ``compile``, 6 M instructions of
every start-up). Every name a field uses is defined above it.
"""

from typing import Literal, NamedTuple

Direction = Literal["rtl", "ltr"]


class Document(NamedTuple):
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
    import_notes: str = ""


class DocumentSummary(NamedTuple):
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


class ChangeSet(NamedTuple):
    """What one user action changed, so views refresh only the affected rows."""

    documents_added: tuple[int, ...] = ()
    documents_changed: tuple[int, ...] = ()
    documents_removed: tuple[int, ...] = ()
    annotations_added: tuple[int, ...] = ()
    annotations_changed: tuple[int, ...] = ()
    annotations_removed: tuple[int, ...] = ()
    labels_changed: bool = False
    entities_changed: bool = False
    claims_changed: bool = False
    # Articles may have come or gone beyond those listed (an import that failed half-way
    # lost its list): views of the article list read it again.
    documents_reloaded: bool = False
    # Entities the analyst's edit has just created (a new tag's person, a name typed in a
    # picker): the window offers their name's parts as aliases. Not set when undo or redo
    # brings an entity back, so an offer is made once.
    entities_created: tuple[int, ...] = ()
    # The claims the change added, edited or removed (and whose links changed), when the
    # operation knows them all: a view re-reads just these. ``claims_changed`` without them
    # means any claim may have changed (an entity renamed, articles deleted, a label moved).
    claim_ids: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.documents_added,
                self.documents_changed,
                self.documents_removed,
                self.annotations_added,
                self.annotations_changed,
                self.annotations_removed,
                self.labels_changed,
                self.entities_changed,
                self.claims_changed,
                self.documents_reloaded,
                self.entities_created,
                self.claim_ids,
            )
        )


LabelKind = Literal["entity", "claim", "note", "span"]
Anchor = Literal["exact", "moved", "orphaned"]


class Label(NamedTuple):
    """A tag an analyst applies. ``kind`` decides how it is drawn and what it creates:
    entity → coloured background (and, later, a registry entity), claim → underline and a
    claims row, note → marker, span → background only (e.g. dates)."""

    id: int
    key: str
    name_en: str
    name_ar: str
    kind: LabelKind
    color: str
    icon: str
    shortcut: str
    position: int

    def name(self, language: str = "en") -> str:
        return self.name_ar if language == "ar" else self.name_en


class Annotation(NamedTuple):
    """A tagged span. ``start``/``end`` are code points into the document text; ``quote``,
    ``prefix`` and ``suffix`` let the span be found again if the text ever changes."""

    id: int
    document_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    label_id: int
    entity_id: int | None
    note: str
    author: str
    anchor: Anchor
    created_at: str
    modified_at: str


class Mark(NamedTuple):
    """What the reader draws of an annotation, and checks its anchor by: an article opens
    with these, read without the columns only the Annotations panel shows (prefix, suffix,
    author, times: more than half of reading 10,000 annotations whole)."""

    id: int
    start: int
    end: int
    quote: str
    label_id: int
    note: int  # 1 when it carries a note, else 0
    anchor: Anchor


ENTITY_TYPES = ("person", "organisation", "location", "event", "other")
CLAIM_STATUSES = ("unverified", "corroborated", "contested", "refuted")
