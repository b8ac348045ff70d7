"""Opening an article: its text and annotations, with the annotations whose offsets no longer
hold their quote re-anchored first (the text was changed by another program or an older
version).

Separate from :mod:`desktop.ops.articles` because it runs on every article opened, start-up
included, and must not load the importers."""

from __future__ import annotations

from operator import itemgetter

from desktop.core.models import Annotation, ChangeSet, Document, Mark
from desktop.core.spans import Anchoring, check_anchors
from desktop.ops.outcome import Outcome
from desktop.store.project import Project


class OpenedArticle:
    """What an open found: the article, its marks as re-anchored, the repairs and, when the
    open had to read them (a read-only project's repair, made in memory only), the
    annotations whole (``rows``; ``None`` otherwise, and the Annotations panel reads them
    itself). A plain class: a NamedTuple is made by a compiled ``__new__`` at every start-up
    (0.6 M instructions)."""

    __slots__ = ("annotations", "document", "repairs", "rows")

    def __init__(
        self,
        document: Document,
        annotations: list[Mark],
        repairs: list[tuple[int, Anchoring]],
        rows: list[Annotation] | None = None,
    ) -> None:
        self.document = document
        self.annotations = annotations  # what the reader draws of each, as re-anchored
        self.repairs = repairs  # (annotation id, where it is now)
        self.rows = rows


_ANCHOR_FIELDS = itemgetter(
    *(
        Annotation._fields.index(name)
        for name in ("id", "start", "end", "quote", "prefix", "suffix", "anchor")
    )
)
"""What :func:`check_anchors` reads of an annotation, picked in C (a tuple built in Python per
annotation cost 6 ms of opening an article with 10,000)."""


def _suspects(text: str, marks: list[Mark]) -> list[int]:
    """The ids of the marks whose offsets may no longer hold their quote (or that were
    orphaned): only those are read whole (their prefix and suffix) and checked again."""
    size = len(text)
    return [
        m.id
        for m in marks
        if m.anchor == "orphaned"
        or not (0 <= m.start < m.end <= size)
        or text[m.start : m.end] != m.quote
    ]


def open_article(project: Project, document_id: int) -> Outcome[OpenedArticle]:
    """The article and what the reader draws of its annotations (:class:`Mark`), re-anchored
    where needed. The repair is not an undoable step (nothing the analyst did), but its
    changes are announced like any other. The annotations are read without the columns only
    the Annotations panel shows (it reads them itself, once the article is painted), and
    those whose quote no longer matches are read whole to be re-anchored; the marks are read
    again only when a repair changed them. In a read-only project the repair is made in
    memory only (nothing can be written)."""
    document = project.documents.get(document_id)
    store = project.annotations
    # In no particular order: the reader does not need one, the Annotations panel sorts.
    marks = store.marks(document_id)
    suspects = _suspects(document.text, marks)
    repairs = (
        # (id, start, end, quote, prefix, suffix, anchor) of each, picked in C
        check_anchors(document.text, list(map(_ANCHOR_FIELDS, store.many(suspects))))
        if suspects
        else []
    )
    if repairs and project.read_only:
        # Nothing can be recorded: the annotations are shown where their quotes are now.
        moved = dict(repairs)
        marks = [
            m._replace(start=r.start, end=r.end, anchor=r.anchor) if (r := moved.get(m.id)) else m
            for m in marks
        ]
        rows = [
            a._replace(start=r.start, end=r.end, anchor=r.anchor) if (r := moved.get(a.id)) else a
            for a in store.for_document(document_id, ordered=False)
        ]
        return Outcome(
            ChangeSet(),
            None,
            "Re-anchor annotations",
            OpenedArticle(document, marks, repairs, rows),
        )
    if repairs:
        store.set_anchors([(i, r.start, r.end, r.anchor) for i, r in repairs])
        marks = store.marks(document_id)
    changes = ChangeSet(annotations_changed=tuple(i for i, _ in repairs))
    opened = OpenedArticle(document, marks, repairs)
    return Outcome(changes, None, "Re-anchor annotations", opened)
