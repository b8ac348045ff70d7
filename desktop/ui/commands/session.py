"""The bridge between one open project and the widgets: the undo stack, the label cache and
the ``changed`` signal every view listens to. Undo commands write through the store and then
announce a ``ChangeSet``; views update only what it names."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.core.models import ChangeSet, Label
from desktop.store.project import Project


class ProjectSession(QObject):
    changed = Signal(object)  # ChangeSet, emitted after the project file was written
    failed = Signal(str, str)  # title, message: an undo/redo step could not be saved

    def __init__(self, project: Project, author: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.author = author
        self.undo_stack = QUndoStack(self)
        self._labels: list[Label] = []
        self._by_id: dict[int, Label] = {}
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

    def announce(self, changes: ChangeSet) -> None:
        if changes.labels_changed:
            self.reload_labels()
        self.changed.emit(changes)
