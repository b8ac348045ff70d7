"""Re-anchoring annotations whose article text changed (another program, an older version).

Separate from :mod:`desktop.ops.articles` because it runs on every article opened, start-up
included, and must not load the importers."""

from __future__ import annotations

from desktop.core.models import ChangeSet
from desktop.core.spans import Anchoring, check_anchors
from desktop.ops.outcome import Outcome
from desktop.store.project import Project


def repair_anchors(project: Project, document_id: int) -> Outcome[list[tuple[int, Anchoring]]]:
    """Re-anchor the article's annotations whose offsets no longer hold their quote. Not an
    undoable step: nothing the analyst did. The value lists the repairs (none: nothing was
    written)."""
    document = project.documents.get(document_id)
    annotations = project.annotations.for_document(document_id)
    repairs = check_anchors(
        document.text,
        [(a.id, a.start, a.end, a.quote, a.prefix, a.suffix, a.anchor) for a in annotations],
    )
    if repairs:
        project.annotations.set_anchors([(i, r.start, r.end, r.anchor) for i, r in repairs])
    changes = ChangeSet(annotations_changed=tuple(i for i, _ in repairs))
    return Outcome(changes, None, "Re-anchor annotations", repairs)
