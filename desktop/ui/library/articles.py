"""Article-level commands of the window: deleting an article (undoable).

Why its own module: the library, the reader and the Article menu all offer it, and the rules
(which article, whether to ask first, what to open next) belong in one place rather than in
the main window's wiring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand

from desktop.core.errors import HamishError
from desktop.ui.shell.actions import ActionId

if TYPE_CHECKING:
    from desktop.ui.shell.mainwindow import MainWindow


class ArticleActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def targets(self) -> list[int]:
        """The articles the analyst means: those selected in the library while the list has
        the focus, else the open article."""
        library = self.window.library
        if library.view.hasFocus():
            selected = library.selected_documents()
            if selected:
                return selected
        open_id = self.window.reader.document_id
        return [] if open_id is None else [open_id]

    def delete(self, document_ids: list[int] | None = None) -> bool:
        """Delete articles as one undoable step; asks first when several go, or one that holds
        annotations. Returns whether anything was deleted."""
        from desktop.ui.commands.undo import CommandGroup, DeleteArticle  # loaded on first use

        window = self.window
        session = window.session
        ids = self.targets() if document_ids is None else document_ids
        if session is None or not ids:
            window.statusBar().showMessage("Select an article first.", 4000)
            return False
        model = window.library.model
        summaries = [model.summary(i) if model is not None else None for i in ids]
        count = sum(s.annotation_count for s in summaries if s is not None)
        noun = f"{count:,} annotation{'s' if count != 1 else ''}"
        if len(ids) == 1:
            first = summaries[0]
            title = first.title if first is not None else f"article {ids[0]}"
            what = f"Delete “{title}” and its {noun}?"
            done = f"Deleted “{title}”."
        else:
            what = f"Delete {len(ids):,} articles and their {noun}?"
            done = f"Deleted {len(ids):,} articles."
        if (count or len(ids) > 1) and not window.messenger.confirm(
            "Delete Articles" if len(ids) > 1 else "Delete Article",
            f"{what}\n\nClaims, links and notes on them go too. Edit → Undo brings "
            "everything back.",
            "Delete",
        ):
            return False
        command: QUndoCommand
        if len(ids) == 1:
            try:
                command = DeleteArticle(session, ids[0], self._restored)
            except HamishError as error:
                window.messenger.error("Cannot delete the article", str(error))
                return False
        else:
            # One undo step for all of them: each is deleted as it is made, and the group is
            # pushed only if at least one went.
            group = CommandGroup(f"Delete {len(ids):,} articles")
            command = group
            for doc_id in ids:
                # Only the first comes back last on undo: it alone is opened then, rather
                # than loading each restored article in turn.
                opened = self._restored if not group.members else _nothing
                try:
                    group.add(DeleteArticle(session, doc_id, opened))
                except HamishError as error:
                    window.messenger.error("Cannot delete the article", str(error))
                    break
            if not group.members:
                return False
            if len(group.members) < len(ids):
                done = f"Deleted {len(group.members):,} of {len(ids):,} articles."
                group.setText(f"Delete {len(group.members):,} articles")
        session.undo_stack.push(command)
        window.statusBar().showMessage(f"{done} Edit → Undo (Ctrl+Z) brings it back.", 8000)
        return True

    def _restored(self, document_id: int) -> None:
        """After an undo, show the article that came back."""
        self.window.open_document(document_id)


def _nothing(_document_id: int) -> None:
    pass


def install_article_actions(window: MainWindow) -> ArticleActions:
    """Connect Delete Article: the Article menu, the library's context menu, and the Delete
    key while the library list has the focus (in the text, Delete removes an annotation)."""
    actions = ArticleActions(window)
    action = window.registry[ActionId.DELETE_ARTICLE]
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.library.view.addAction(action)
    action.triggered.connect(lambda: actions.delete())
    return actions
