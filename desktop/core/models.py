"""Plain data objects shared by every layer.

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


class DocumentDraft(NamedTuple):
    """A document about to be stored: text already normalised to ``\\n`` line endings.
    ``import_notes``: what the import changed or noticed (bytes replaced, characters removed),
    one sentence per line, kept with the article and reported in the import summary.
    ``folded``: :func:`desktop.core.arabic.fold` of ``text`` when :func:`~desktop.core.text.
    make_draft` made it for the content hash (an article of up to 2**18 characters), so the
    search index need not fold it again; never stored, and never taken from the reader
    process of the risky parsers (a text reader's is: ``desktop/io/readers.py``)."""

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
    import_notes: str = ""
    folded: str | None = None


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


class ImportFailure(NamedTuple):
    """A file that was not imported, with a reason an analyst can act on."""

    path: str
    reason: str


class ImportNote(NamedTuple):
    """An article imported with a remark (bytes replaced, characters removed): its
    ``import_notes``, one sentence per line."""

    path: str
    document_id: int
    text: str


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


class AnnotationDraft(NamedTuple):
    document_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    label_id: int
    author: str
    note: str = ""
    entity_id: int | None = None


class NewEntity(NamedTuple):
    """An entity to create as part of an edit (a new name typed in a picker, a new mention's
    entity): the edit creates it in its own transaction, and its undo deletes it again."""

    name: str
    type: str


ENTITY_TYPES = ("person", "organisation", "location", "event", "other")
CLAIM_STATUSES = ("unverified", "corroborated", "contested", "refuted")


class Entity(NamedTuple):
    """A canonical actor, place or event; mentions are annotations that point at it."""

    id: int
    name: str
    type: str
    description: str
    notes: str
    aliases: tuple[str, ...]
    created_at: str
    modified_at: str


class EntitySummary(NamedTuple):
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    documents: int


class Claim(NamedTuple):
    """A claim is a tagged passage plus what the analyst judges about it."""

    id: int
    annotation_id: int
    claimant_id: int | None
    summary: str
    stance: str  # asserts | denies
    status: str  # unverified | corroborated | contested | refuted
    reliability: str | None  # Admiralty A–F
    credibility: int | None  # Admiralty 1–6
    claimed_on: str | None
    subjects: tuple[int, ...]
    created_at: str
    modified_at: str


class ClaimLink(NamedTuple):
    id: int
    from_claim: int
    to_claim: int
    kind: str  # supports | contradicts | repeats


class ClaimRow(NamedTuple):
    """One line of the Claims table: the claim with what it is displayed and sorted by."""

    claim: Claim
    quote: str
    document_id: int
    document_title: str
    start: int
    end: int
    claimant: str
    published: str | None = None
    """The article's publication date: the timeline dates a claim without a date of its own
    by it, and the Claims table shows it there (set apart as the article's)."""
