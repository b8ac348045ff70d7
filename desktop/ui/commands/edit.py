"""The one undo command. An edit is done by a Qt-free operation (``desktop.ops``) before the
command exists, so a failure — a full disk, a locked file — shows an error and leaves nothing
on the stack. After that, undo and redo each call one operation: the step the last outcome
named, whose own outcome names the step back (as Orange's canvas commands call one model
method each).

A step that fails (the project busy in another program, a full disk) wrote nothing: the
command stays on the stack where it was, so the analyst can simply try again. Qt has already
moved the stack's index when ``undo``/``redo`` runs, so the index is moved back afterwards,
with the command told to let that move pass without running anything."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ops.outcome import Outcome, Step
from desktop.store.project import Project


class Host(Protocol):
    """What a command needs of its session (``ProjectSession``): the project, the change
    route and the error report."""

    @property
    def project(self) -> Project: ...
    @property
    def undo_stack(self) -> QUndoStack: ...
    def announce(self, changes: ChangeSet) -> None: ...
    def report(self, title: str, message: str) -> None: ...


AfterStep = Callable[[Outcome[object]], None]
"""Called after each undo or redo with its outcome (e.g. to open an article brought back)."""


class EditCommand(QUndoCommand):
    def __init__(
        self, session: Host, step: Step, text: str, after: AfterStep | None = None
    ) -> None:
        super().__init__(text)
        self._session = session
        self._next: Step | None = step
        self._after = after
        self._pass = True  # QUndoStack.push calls redo: the operation is already done

    def redo(self) -> None:
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        """Run the next step, reporting a storage failure instead of raising into Qt (an
        exception cannot cross the C++ boundary); the command is then dropped."""
        if self._pass:  # the index moving back after a failure, or the push
            self._pass = False
            return
        step = self._next
        if step is None:
            self.setObsolete(True)
            return
        stack = self._session.undo_stack
        before = stack.index()  # Qt sets the new index only after this returns
        try:
            outcome = step(self._session.project)
        except Exception as error:
            message = (
                str(error)
                if isinstance(error, HamishError)
                else (
                    QCoreApplication.translate(
                        "EditCommand", "Unexpected error: {error}. Nothing was changed."
                    ).format(error=error)
                )
            )
            self._pass = True
            QTimer.singleShot(0, lambda: stack.setIndex(before))
            self._session.report(
                QCoreApplication.translate("EditCommand", "Cannot save the change"), message
            )
            return
        self._next = outcome.undo
        self._session.announce(outcome.changes)
        if outcome.notice:
            self._session.report(
                QCoreApplication.translate("EditCommand", "Not everything came back"),
                outcome.notice,
            )
        if self._after is not None:
            self._after(outcome)
