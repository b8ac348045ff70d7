"""One ``QUndoCommand`` per edit. Each command's first step is done *before* it is pushed (so
a failure — a full disk, a locked file — shows an error and leaves no command on the stack);
after that, undo and redo replay the change through the store and announce it, so the project
file always equals the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.core.errors import HamishError
from desktop.core.models import AnnotationDraft, ChangeSet, Label
from desktop.store.annotations import AnnotationSnapshot
from desktop.store.labels import LabelRemoval
from desktop.ui.session import ProjectSession


def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Command(QUndoCommand):
    """Runs undo/redo steps, reporting a storage failure instead of raising into Qt (an
    exception cannot cross the C++ boundary; the step is then dropped from the stack)."""

    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._first = True

    def _run(self, step: Callable[[], ChangeSet]) -> None:
        try:
            changes = step()
        except HamishError as error:
            self.setObsolete(True)
            self.session.failed.emit("Cannot save the change", str(error))
            return
        self.session.announce(changes)

    def redo(self) -> None:
        if self._first:  # already done by the caller before pushing
            self._first = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def do(self) -> ChangeSet:
        raise NotImplementedError

    def revert(self) -> ChangeSet:
        raise NotImplementedError


class AddAnnotation(_Command):
    def __init__(self, session: ProjectSession, draft: AnnotationDraft, label: Label) -> None:
        super().__init__(session, f"Tag “{_short(draft.quote)}” as {label.name_en}")
        self.draft = draft
        self.annotation_id = session.project.annotations.add(draft)
        self.snapshot: AnnotationSnapshot | None = None
        session.announce(self._added())

    def _added(self) -> ChangeSet:
        return ChangeSet(
            annotations_added=(self.annotation_id,), documents_changed=(self.draft.document_id,)
        )

    def do(self) -> ChangeSet:
        assert self.snapshot is not None
        self.session.project.annotations.restore(self.snapshot)
        return self._added()

    def revert(self) -> ChangeSet:
        self.snapshot = self.session.project.annotations.delete(self.annotation_id)
        return ChangeSet(
            annotations_removed=(self.annotation_id,), documents_changed=(self.draft.document_id,)
        )


class DeleteAnnotation(_Command):
    def __init__(self, session: ProjectSession, annotation_id: int) -> None:
        snapshot = session.project.annotations.snapshot(annotation_id)
        super().__init__(session, f"Delete “{_short(snapshot.annotation.quote)}”")
        self.snapshot = session.project.annotations.delete(annotation_id)
        session.announce(self._removed())

    def _removed(self) -> ChangeSet:
        a = self.snapshot.annotation
        return ChangeSet(annotations_removed=(a.id,), documents_changed=(a.document_id,))

    def do(self) -> ChangeSet:
        self.session.project.annotations.delete(self.snapshot.annotation.id)
        return self._removed()

    def revert(self) -> ChangeSet:
        self.session.project.annotations.restore(self.snapshot)
        a = self.snapshot.annotation
        return ChangeSet(annotations_added=(a.id,), documents_changed=(a.document_id,))


class EditAnnotation(_Command):
    """Change an annotation's label and/or note."""

    def __init__(
        self,
        session: ProjectSession,
        annotation_id: int,
        *,
        label: Label | None = None,
        note: str | None = None,
    ) -> None:
        store = session.project.annotations
        quote = _short(store.get(annotation_id).quote)
        text = f"Change “{quote}” to {label.name_en}" if label else f"Edit note on “{quote}”"
        super().__init__(session, text)
        self.annotation_id = annotation_id
        self.label_id = label.id if label else None
        self.note = note
        self.before = store.update(annotation_id, label_id=self.label_id, note=note)
        self.after = store.snapshot(annotation_id)
        session.announce(self._changed())

    def _changed(self) -> ChangeSet:
        return ChangeSet(annotations_changed=(self.annotation_id,))

    def do(self) -> ChangeSet:
        self.session.project.annotations.restore(self.after)
        return self._changed()

    def revert(self) -> ChangeSet:
        self.session.project.annotations.restore(self.before)
        return self._changed()


class AddLabel(_Command):
    def __init__(self, session: ProjectSession, **fields: str) -> None:
        super().__init__(session, f"Add label {fields.get('name_en') or fields.get('name_ar')}")
        self.label_id = session.project.labels.add(**fields)  # type: ignore[arg-type]
        self.label = session.project.labels.get(self.label_id)
        session.announce(ChangeSet(labels_changed=True))

    def do(self) -> ChangeSet:
        self.session.project.labels.restore(self.label)
        return ChangeSet(labels_changed=True)

    def revert(self) -> ChangeSet:
        with self.session.project.database.transaction():
            self.session.project.labels.delete_row(self.label_id)
        return ChangeSet(labels_changed=True)


class EditLabel(_Command):
    def __init__(self, session: ProjectSession, label_id: int, **fields: str) -> None:
        labels = session.project.labels
        before = labels.get(label_id)
        super().__init__(session, f"Edit label {before.name_en}")
        self.label_id = label_id
        self.all_before = labels.all()  # a shortcut may move from another label
        labels.update(label_id, **fields)
        self.all_after = labels.all()
        session.announce(ChangeSet(labels_changed=True))

    def _apply(self, state: list[Label]) -> ChangeSet:
        labels = self.session.project.labels
        with self.session.project.database.transaction():
            for label in state:
                labels.update(
                    label.id,
                    name_en=label.name_en,
                    name_ar=label.name_ar,
                    color=label.color,
                    icon=label.icon,
                )
                labels.set_shortcut(label.id, label.shortcut)
        return ChangeSet(labels_changed=True)

    def do(self) -> ChangeSet:
        return self._apply(self.all_after)

    def revert(self) -> ChangeSet:
        return self._apply(self.all_before)


class RemoveLabel(_Command):
    def __init__(self, session: ProjectSession, label_id: int, reassign_to: int | None) -> None:
        label = session.project.labels.get(label_id)
        super().__init__(session, f"Remove label {label.name_en}")
        self.label_id = label_id
        self.reassign_to = reassign_to
        self.removal: LabelRemoval = session.project.annotations.remove_label(label_id, reassign_to)
        session.announce(self._changes(removed=True))

    def _changes(self, removed: bool) -> ChangeSet:
        ids = self.removal.annotation_ids
        docs = tuple({s.annotation.document_id for s in self.removal.snapshots})
        if self.reassign_to is not None:
            return ChangeSet(labels_changed=True, annotations_changed=ids, documents_changed=docs)
        if removed:
            return ChangeSet(labels_changed=True, annotations_removed=ids, documents_changed=docs)
        return ChangeSet(labels_changed=True, annotations_added=ids, documents_changed=docs)

    def do(self) -> ChangeSet:
        self.removal = self.session.project.annotations.remove_label(
            self.label_id, self.reassign_to
        )
        return self._changes(removed=True)

    def revert(self) -> ChangeSet:
        self.session.project.annotations.undo_remove_label(self.removal)
        return self._changes(removed=False)
