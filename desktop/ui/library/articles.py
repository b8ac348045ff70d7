"""Article-level commands of the window: deleting articles (undoable).

Why its own module: the library, the reader and the Article menu all offer it, and the choice
of articles, whether to ask first and what to open next belong in one place rather than in
the main window's wiring. The deletion itself is ``desktop.ops.articles.delete_articles``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt

from desktop.core.errors import HamishError
from desktop.ops import articles as ops
from desktop.ops.outcome import Outcome
from desktop.ui.library.dock import LibraryDock
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import isolate, isolate_short


class ArticleActions(QObject):
    """Delete Article: the Article menu, the library's context menu, and the Delete key while
    the library list has the focus (in the text, Delete removes an annotation)."""

    def __init__(self, api: WindowApi, library: LibraryDock) -> None:
        super().__init__(api)
        self.api = api
        self.library = library
        action = api.actions[ActionId.DELETE_ARTICLE]
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        library.view.addAction(action)
        action.triggered.connect(lambda: self.delete())

    def targets(self) -> list[int]:
        """The articles the analyst means: those selected in the library while the list has
        the focus, else the open article."""
        if self.library.view.hasFocus():
            selected = self.library.selected_documents()
            if selected:
                return selected
        open_id = self.api.current_document()
        return [] if open_id is None else [open_id]

    def delete(self, document_ids: list[int] | None = None) -> bool:
        """Delete articles as one undoable step; asks first when several go, or one that holds
        annotations. Returns whether anything was deleted."""
        api = self.api
        ids = self.targets() if document_ids is None else document_ids
        if not api.has_session or not ids:
            api.show_status(self.tr("Select an article first."), 4000)
            return False
        model = self.library.model
        summaries = [model.summary(i) if model is not None else None for i in ids]
        count = sum(s.annotation_count for s in summaries if s is not None)
        noun = self.tr("%Ln annotation(s)", "", count)
        if len(ids) == 1:
            first = summaries[0]
            title = first.title if first is not None else self.tr("article {id}").format(id=ids[0])
            what = self.tr("Delete “{title}” and its {annotations}?").format(
                title=isolate(title), annotations=noun
            )
            done = self.tr("Deleted “{title}”.").format(title=isolate_short(title, 60))
        else:
            what = self.tr("Delete %Ln article(s) and their {annotations}?", "", len(ids)).format(
                annotations=noun
            )
            done = self.tr("Deleted %Ln article(s).", "", len(ids))
        details = self.tr(
            "Claims, links and notes on them go too. Edit → Undo brings everything back."
        )
        # The entities only these articles mention stay in the registry (the analyst made
        # them), without a mention: said before, so that none is a surprise in the panel.
        left = api.session.project.entities.left_unmentioned(ids) if count else 0
        if left:
            details += "\n\n" + self.tr(
                "%n entity(ies) will be left without mentions and stay in the registry, "
                "listed under Entities → Unmentioned.",
                "",
                left,
            )
        if (count or len(ids) > 1) and not api.messenger.confirm(
            self.tr("Delete Articles") if len(ids) > 1 else self.tr("Delete Article"),
            what + "\n\n" + details,
            self.tr("Delete"),
        ):
            return False
        try:
            api.session.run(partial(ops.delete_articles, document_ids=ids), after=self._restored)
        except HamishError as error:
            api.messenger.error(self.tr("Cannot delete the article"), str(error))
            return False
        api.show_status(done + " " + self.tr("Edit → Undo (Ctrl+Z) brings it back."), 8000)
        return True

    def _restored(self, outcome: Outcome[object]) -> None:
        """After an undo, show the (first) article that came back; after a redo, say so."""
        added = outcome.changes.documents_added
        if added:
            self.api.open_document(added[0])
            self.api.show_status(self.tr("Brought back %Ln article(s).", "", len(added)), 5000)
        else:
            # The edit's name as the Edit menu shows it (ops name edits in English).
            name = self.api.session.edit_name(outcome.text)
            self.api.show_status(self.tr("{edit} again.").format(edit=name), 5000)
