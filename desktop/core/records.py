"""Plain data objects the window's first paint does not need: drafts of what is about to
be stored, what an import reports, entities and claims. Kept apart from ``models.py``
because each NamedTuple costs about 1 M instructions to make, and start-up imports
``models.py`` (ten of these were 10 M of every launch). Same rules as there: immutable
NamedTuples, no ``from __future__ import annotations`` (every name a field uses is defined
or imported above it).
"""

from typing import NamedTuple

from desktop.core.models import Direction


class DocumentDraft(NamedTuple):
    """A document about to be stored: text already normalised to ``\\n`` line endings.
    ``import_notes``: what the import changed or noticed (bytes replaced, characters removed),
    one sentence per line, kept with the article and reported in the import summary.
    ``folded``: :func:`desktop.core.arabic.fold` of ``text`` when :func:`~desktop.core.text.
    make_draft` made it for the content hash (an article of up to 2**18 characters), so the
    search index need not fold it again; never stored, and never taken from the reader
    process of the risky parsers (a text reader's is: ``desktop/io/readers.py``).
    ``whole_hash``: when the file's first line is the title and left the body, the content hash
    of the text as the file holds it, title line included — what an import before that change
    stored — so importing the same file again into an older project is still a duplicate;
    never stored."""

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
    whole_hash: str = ""


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
