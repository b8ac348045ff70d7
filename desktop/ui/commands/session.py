"""The bridge between one open project and the widgets: the undo stack, the label cache and
the ``changed`` signal every view listens to.

The edit flow: an action calls :meth:`ProjectSession.run` with an operation of
``desktop.ops``; the operation writes in one store transaction and returns an ``Outcome``;
the session pushes one :class:`~desktop.ui.commands.edit.EditCommand` for it and announces its
``ChangeSet`` — the only way changes reach the views."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.core.models import Annotation, ChangeSet, Label
from desktop.ops.outcome import Outcome
from desktop.store.project import Project
from desktop.ui.commands.edit import AfterStep, EditCommand

T = TypeVar("T")


class ProjectSession(QObject):
    changed = Signal(ChangeSet)  # emitted after the project file was written
    failed = Signal(str, str)  # title, message: an edit could not be saved

    def __init__(self, project: Project, author: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.author = author
        self.undo_stack = QUndoStack(self)
        self._labels: list[Label] = []
        self._by_id: dict[int, Label] = {}
        # The annotations the ChangeSet being announced names, read once for every view.
        self._fetched: dict[int, Annotation | None] = {}
        self._announcing = 0
        self.reload_labels()

    def reload_labels(self) -> None:
        self._labels = self.project.labels.all()
        # label() runs for every painted cell of the Annotations panel: a dict, not a scan.
        self._by_id = {label.id: label for label in self._labels}

    @property
    def labels(self) -> list[Label]:
        return self._labels

    def label(self, label_id: int) -> Label | None:
        return self._by_id.get(label_id)

    def label_by_key(self, key: str) -> Label | None:
        return next((label for label in self._labels if label.key == key), None)

    # --- the edit flow ---------------------------------------------------------------------------
    def run(
        self, operation: Callable[[Project], Outcome[T]], *, after: AfterStep | None = None
    ) -> Outcome[T]:
        """Do an edit now: one undo step, its changes announced. Raises ``HamishError`` (and
        nothing was written, nothing pushed) when the operation fails."""
        outcome = operation(self.project)
        self.record(outcome, after=after)
        return outcome

    def record(self, outcome: Outcome[object], *, after: AfterStep | None = None) -> None:
        """An edit done elsewhere (an import in a background thread, on its own connection):
        announce it and, if it can be undone, push its undo step."""
        if outcome.changes:
            self.announce(outcome.changes)
        if outcome.notice:
            self.report(self.tr("Not everything was done"), outcome.notice)
        if outcome.undo is not None:
            self.undo_stack.push(
                EditCommand(self, outcome.undo, self.edit_name(outcome.text), after)
            )

    def edit_name(self, text: str) -> str:
        """An operation's English name (``Outcome.text``) in the interface language."""
        from desktop.ui.i18n import current_language, label_name, term

        if current_language() == "en":
            return text  # the English names are the source: nothing to look up
        from desktop.ui.commands.edit_names import edit_name

        return edit_name(text, ((label.name_en, label_name(label)) for label in self._labels), term)

    def report(self, title: str, message: str) -> None:
        self.failed.emit(title, message)

    def announce(self, changes: ChangeSet) -> None:
        if changes.labels_changed:
            self.reload_labels()
        outer = self._fetched
        self._fetched = {}  # a view may announce again while handling it: its own reads
        self._announcing += 1
        try:
            self.changed.emit(changes)
        finally:
            self._announcing -= 1
            self._fetched = outer

    def annotations(self, ids: Iterable[int]) -> list[Annotation]:
        """The annotations ``ids`` as they are now (those that still exist), read from the
        project once per announced ChangeSet: the reader, the Annotations panel and the
        suggestions all ask for the same new tag, and one query serves them all (a tag on a
        1 MB article must paint within a frame)."""
        wanted = list(dict.fromkeys(ids))
        if not self._announcing:  # not for a ChangeSet: nothing to share, nothing kept
            return self.project.annotations.many(wanted)
        missing = [i for i in wanted if i not in self._fetched]
        if missing:
            found = {a.id: a for a in self.project.annotations.many(missing)}
            for annotation_id in missing:
                self._fetched[annotation_id] = found.get(annotation_id)
        return [a for i in wanted if (a := self._fetched[i]) is not None]
