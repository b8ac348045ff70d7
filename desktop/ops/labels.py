"""Labels: add, edit (names, colour, icon, shortcut digit) and remove — with the label's
annotations either moved to another label or deleted."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet, Label
from desktop.core.values import label_problem
from desktop.ops.outcome import Outcome, Step, short
from desktop.store.project import Project

if TYPE_CHECKING:  # the undo records load with the first delete or undo (rowsets.py)
    from desktop.store.rowsets import AnnotationSnapshot, LabelRemoval

_LABELS = ChangeSet(labels_changed=True)


def _checked(fields: Mapping[str, str]) -> dict[str, str]:
    """A label's fields with the names' white space collapsed; a name or colour the project's
    JSON export could not hold is refused before anything is written."""
    problem = label_problem(fields)
    if problem is not None:
        raise HamishError(problem)
    checked = dict(fields)
    for key in ("name_en", "name_ar"):
        if key in checked:
            checked[key] = " ".join(checked[key].split())
    return checked


def add_label(project: Project, fields: Mapping[str, str]) -> Outcome[int]:
    """A new label (``name_en``, ``name_ar``, ``kind``, ``color``, ``icon``, ``shortcut``);
    the value is its id. A shortcut digit it takes from another label goes back on undo."""
    fields = _checked(fields)
    text = f"Add label {short(fields.get('name_en') or fields.get('name_ar') or '')}"
    with project.database.transaction():
        others = tuple(project.labels.all())
        label_id = project.labels.add(**fields)  # type: ignore[arg-type]
        label = project.labels.get(label_id)
    back = partial(_drop_label, label=label, others=others, text=text)
    return Outcome(_LABELS, back, text, label_id)


def _drop_label(
    project: Project, label: Label, others: tuple[Label, ...], text: str
) -> Outcome[int]:
    with project.database.transaction():
        project.labels.delete_row(label.id)
        for other in others:  # the digit the new label took goes back where it was
            project.labels.set_shortcut(other.id, other.shortcut)
    again = partial(_put_back_label, label=label, others=others, text=text)
    return Outcome(_LABELS, again, text, label.id)


def _put_back_label(
    project: Project, label: Label, others: tuple[Label, ...], text: str
) -> Outcome[int]:
    with project.database.transaction():
        project.labels.restore(label)
        if label.shortcut:
            project.labels.update(label.id, shortcut=label.shortcut)  # takes it again
    back = partial(_drop_label, label=label, others=others, text=text)
    return Outcome(_LABELS, back, text, label.id)


def edit_label(project: Project, label_id: int, fields: Mapping[str, str]) -> Outcome[None]:
    """Change a label's names, colour, icon or shortcut. A shortcut digit taken from another
    label comes back to it on undo, so every label's state is kept."""
    fields = _checked(fields)
    labels = project.labels
    text = f"Edit label {short(labels.get(label_id).name_en)}"
    with project.database.transaction():
        before = tuple(labels.all())
        labels.update(label_id, **fields)
        after = tuple(labels.all())
    return Outcome(_LABELS, partial(_label_state, state=before, other=after, text=text), text, None)


def _label_state(
    project: Project, state: tuple[Label, ...], other: tuple[Label, ...], text: str
) -> Outcome[None]:
    labels = project.labels
    with project.database.transaction():
        for label in state:
            labels.update(
                label.id,
                name_en=label.name_en,
                name_ar=label.name_ar,
                color=label.color,
                icon=label.icon,
            )
            labels.set_shortcut(label.id, label.shortcut)
    return Outcome(_LABELS, partial(_label_state, state=other, other=state, text=text), text, None)


def remove_label(project: Project, label_id: int, reassign_to: int | None) -> Outcome[None]:
    """Remove a label; its annotations move to ``reassign_to``, or are deleted when None."""
    with project.database.transaction():
        text = f"Remove label {short(project.labels.get(label_id).name_en)}"
        removal = project.annotations.remove_label(label_id, reassign_to)
        # Moved annotations as they are now: a move onto a claim label made claims, and redo
        # must bring back those same claims (ids included), not make new ones — an edit of
        # one further up the redo chain refers to its id.
        moved = (
            tuple(project.annotations.snapshot(i) for i in removal.annotation_ids)
            if (reassign_to is not None)
            else ()
        )
    back = partial(_unremove_label, removal=removal, moved=moved, text=text)
    return Outcome(_removal_changes(removal, reassign_to, removed=True), back, text, None)


def _unremove_label(
    project: Project,
    removal: LabelRemoval,
    moved: tuple[AnnotationSnapshot, ...],
    text: str,
) -> Outcome[None]:
    project.annotations.undo_remove_label(removal)
    reassign_to = removal.moved_to
    redo: Step = (
        partial(_remove_again, removal=removal, moved=moved, text=text)
        if reassign_to is not None
        else partial(remove_label, label_id=removal.label.id, reassign_to=None)
    )
    return Outcome(_removal_changes(removal, reassign_to, removed=False), redo, text, None)


def _remove_again(
    project: Project,
    removal: LabelRemoval,
    moved: tuple[AnnotationSnapshot, ...],
    text: str,
) -> Outcome[None]:
    """Redo of a move: the annotations exactly as the first removal left them."""
    with project.database.transaction():
        for snapshot in moved:
            project.annotations.restore(snapshot)
        project.labels.delete_row(removal.label.id)
    back = partial(_unremove_label, removal=removal, moved=moved, text=text)
    return Outcome(_removal_changes(removal, removal.moved_to, removed=True), back, text, None)


def _removal_changes(removal: LabelRemoval, reassign_to: int | None, *, removed: bool) -> ChangeSet:
    ids = removal.annotation_ids
    moved = reassign_to is not None
    # Moving or deleting a label's annotations can take claims (with their claimants and
    # subjects) and entity mentions with them: the Claims table and entity counts follow.
    claims = moved or any(s.claim is not None for s in removal.snapshots)
    return ChangeSet(
        labels_changed=True,
        documents_changed=tuple(dict.fromkeys(s.annotation.document_id for s in removal.snapshots)),
        annotations_changed=ids if moved else (),
        annotations_removed=ids if not moved and removed else (),
        annotations_added=ids if not moved and not removed else (),
        claims_changed=claims,
        entities_changed=any(s.annotation.entity_id is not None for s in removal.snapshots),
    )
