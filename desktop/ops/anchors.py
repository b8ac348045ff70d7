"""Opening an article: its text and annotations, with the annotations whose offsets no longer
hold their quote re-anchored first (the text was changed by another program or an older
version).

Separate from :mod:`desktop.ops.articles` because it runs on every article opened, start-up
included, and must not load the importers."""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

from desktop.core.models import Annotation, ChangeSet, Document
from desktop.core.spans import Anchoring, check_anchors
from desktop.ops.outcome import Outcome
from desktop.store.project import Project


class OpenedArticle(NamedTuple):
    document: Document
    annotations: list[Annotation]
    repairs: list[tuple[int, Anchoring]]  # (annotation id, where it is now)


_ANCHOR_FIELDS = itemgetter(
    *(
        Annotation._fields.index(name)
        for name in ("id", "start", "end", "quote", "prefix", "suffix", "anchor")
    )
)
"""What :func:`check_anchors` reads of an annotation, picked in C (a tuple built in Python per
annotation cost 6 ms of opening an article with 10,000)."""


def open_article(project: Project, document_id: int) -> Outcome[OpenedArticle]:
    """The article and its annotations, re-anchored where needed. The repair is not an
    undoable step (nothing the analyst did), but its changes are announced like any other.
    The annotations are read once, and again only when a repair changed them. In a read-only
    project the repair is made in memory only (nothing can be written)."""
    document = project.documents.get(document_id)
    # In no particular order: the reader does not need one, the Annotations panel sorts.
    annotations = project.annotations.for_document(document_id, ordered=False)
    # (id, start, end, quote, prefix, suffix, anchor) of each, picked in C
    repairs = check_anchors(document.text, list(map(_ANCHOR_FIELDS, annotations)))
    if repairs and project.read_only:
        # Nothing can be recorded: the annotations are shown where their quotes are now.
        moved = dict(repairs)
        annotations = [
            a._replace(start=r.start, end=r.end, anchor=r.anchor) if (r := moved.get(a.id)) else a
            for a in annotations
        ]
        return Outcome(
            ChangeSet(),
            None,
            "Re-anchor annotations",
            OpenedArticle(document, annotations, repairs),
        )
    if repairs:
        project.annotations.set_anchors([(i, r.start, r.end, r.anchor) for i, r in repairs])
        annotations = project.annotations.for_document(document_id, ordered=False)
    changes = ChangeSet(annotations_changed=tuple(i for i, _ in repairs))
    opened = OpenedArticle(document, annotations, repairs)
    return Outcome(changes, None, "Re-anchor annotations", opened)
