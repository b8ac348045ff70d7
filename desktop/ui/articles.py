"""Article-level commands of the window: deleting an article (undoable).

Why its own module: the library, the reader and the Article menu all offer it, and the rules
(which article, whether to ask first, what to open next) belong in one place rather than in
the main window's wiring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from desktop.core.errors import HamishError
from desktop.ui.actions import ActionId
from desktop.ui.library import ID_ROLE

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


class ArticleActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def target(self) -> int | None:
        """The article the analyst means: the library's current row while the list has the
        focus, else the open article."""
        view = self.window.library.view
        if view.hasFocus() and view.currentIndex().isValid():
            return int(view.currentIndex().data(ID_ROLE))
        return self.window.reader.document_id

    def delete(self, document_id: int | None = None) -> bool:
        """Delete an article as one undoable step; asks first when it holds annotations.
        Returns whether it was deleted."""
        from desktop.ui.undo import DeleteArticle  # undo commands load on first use

        window = self.window
        session = window.session
        doc_id = self.target() if document_id is None else document_id
        if session is None or doc_id is None:
            window.statusBar().showMessage("Select an article first.", 4000)
            return False
        model = window.library.model
        summary = model.summary(doc_id) if model is not None else None
        title = summary.title if summary is not None else f"article {doc_id}"
        count = summary.annotation_count if summary is not None else 0
        if count and not window.messenger.confirm(
            "Delete Article",
            f"Delete “{title}” and its {count:,} annotation{'s' if count != 1 else ''}?\n\n"
            "Claims, links and notes on them go too. Edit → Undo brings everything back.",
            "Delete",
        ):
            return False
        try:
            command = DeleteArticle(session, doc_id, self._restored)
        except HamishError as error:
            window.messenger.error("Cannot delete the article", str(error))
            return False
        session.undo_stack.push(command)
        window.statusBar().showMessage(
            f"Deleted “{title}”. Edit → Undo (Ctrl+Z) brings it back.", 8000
        )
        return True

    def _restored(self, document_id: int) -> None:
        """After an undo, show the article that came back."""
        self.window.open_document(document_id)


def install_article_actions(window: MainWindow) -> ArticleActions:
    """Connect Delete Article: the Article menu, the library's context menu, and the Delete
    key while the library list has the focus (in the text, Delete removes an annotation)."""
    actions = ArticleActions(window)
    action = window.registry[ActionId.DELETE_ARTICLE]
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.library.view.addAction(action)
    action.triggered.connect(lambda: actions.delete())
    return actions
