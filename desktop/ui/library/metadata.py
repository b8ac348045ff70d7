"""Article → Edit Metadata…: title, outlet, author, URL, date, language and direction of an
article, as one undoable edit (``desktop.ops.articles.edit_metadata``); the reader re-opens
the article to show it, keeping its place. The form is reached through a replaceable
attribute (``ask_metadata``) so tests record instead of waiting on a modal loop."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import HamishError
from desktop.core.models import Document
from desktop.ops import articles as ops
from desktop.ops.articles import Metadata, validate_metadata
from desktop.ops.outcome import Outcome
from desktop.ui.errors import error_text
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.library.dock import LibraryDock
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.choices import FieldComboBox
from desktop.ui.widgets.icons import icon

LANGUAGES = (
    ("ar", QT_TRANSLATE_NOOP("MetadataDialog", "Arabic")),
    ("en", QT_TRANSLATE_NOOP("MetadataDialog", "English")),
    ("und", QT_TRANSLATE_NOOP("MetadataDialog", "Unknown")),
)


class MetadataDialog(QDialog):
    """The editable fields of one article. Right-to-left fields follow the article."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadata_dialog")
        self.setWindowTitle(self.tr("Edit Metadata"))
        self.resize(560, 0)
        form = QFormLayout()
        rtl = Qt.LayoutDirection.RightToLeft
        self.edits: dict[str, QLineEdit] = {}
        for key, label, value in (
            ("title", self.tr("&Title"), document.title),
            ("source", self.tr("&Outlet / source"), document.source),
            ("author", self.tr("&Author"), document.author),
            ("url", self.tr("&URL"), document.url),
            ("published", self.tr("&Date"), document.published or ""),
        ):
            edit = QLineEdit(value, self)
            edit.setObjectName(f"metadata_{key}")
            if key in ("title", "source", "author"):
                # Empty, they keep the article's direction; typed in, they follow the text.
                follow_content(edit, neutral=rtl if document.direction == "rtl" else None)
            form.addRow(label, edit)
            self.edits[key] = edit
        self.edits["published"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edits["url"].setPlaceholderText(self.tr("https://…"))
        self.edits["url"].setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.language = FieldComboBox(self)
        self.language.setObjectName("metadata_language")
        self.language.setEditable(True)
        for code, name in LANGUAGES:
            self.language.addItem(f"{code} — {self.tr(name)}", code)
        index = self.language.findData(document.language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setEditText(document.language)
        form.addRow(self.tr("&Language"), self.language)
        self.direction = FieldComboBox(self)
        self.direction.setObjectName("metadata_direction")
        self.direction.addItem(
            icon("mdi6.format-pilcrow-arrow-left"), self.tr("Right to left"), "rtl"
        )
        self.direction.addItem(
            icon("mdi6.format-pilcrow-arrow-right"), self.tr("Left to right"), "ltr"
        )
        self.direction.setCurrentIndex(0 if document.direction == "rtl" else 1)
        form.addRow(self.tr("D&irection"), self.direction)
        self.problem = QLabel(self)
        self.problem.setObjectName("metadata_problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        origin = QLabel(document.origin or "(no file)", self)
        origin.setTextFormat(Qt.TextFormat.PlainText)  # a file may be called "<b>…"
        origin.setStyleSheet("color: #6b777b;")
        origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        origin.setToolTip(self.tr("Where the article was imported from"))
        form.addRow(self.tr("Imported from"), origin)
        if document.import_notes:  # what the import changed: bytes replaced, codes removed
            lines = document.import_notes.splitlines()
            notes = QLabel("\n".join(error_text(line) for line in lines), self)
            notes.setObjectName("metadata_import_notes")
            notes.setTextFormat(Qt.TextFormat.PlainText)
            notes.setWordWrap(True)
            notes.setStyleSheet("color: #6b777b;")
            notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("Import notes"), notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.edits["title"].setFocus()
        self.edits["title"].selectAll()

    def values(self) -> dict[str, str]:
        language = self.language.currentData()
        text = self.language.currentText()
        if language is None or not text.startswith(str(language)):
            language = text.split("—")[0].strip()
        return {
            **{key: edit.text() for key, edit in self.edits.items()},
            "language": str(language),
            "direction": str(self.direction.currentData()),
        }

    def cleaned(self) -> tuple[Metadata, list[str]]:
        return validate_metadata(self.values())

    def accept(self) -> None:
        _clean, problems = self.cleaned()
        if problems:
            self.problem.setText(error_text(" ".join(problems)))
            self.problem.show()
            return
        super().accept()


class MetadataEditor(QObject):
    def __init__(self, api: WindowApi, library: LibraryDock, reader: ReaderPane) -> None:
        super().__init__(api)
        self.api = api
        self.reader = reader
        self.ask_metadata: Callable[[Document], Metadata | None] = self._ask
        action = api.actions[ActionId.EDIT_METADATA]
        action.triggered.connect(lambda: self.edit_metadata())
        view = library.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(action)

    def _ask(self, document: Document) -> Metadata | None:
        dialog = MetadataDialog(document, self.api.widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.cleaned()[0]

    def edit_metadata(self, document_id: int | None = None) -> None:
        """Ask for new metadata of an article (the open one by default) and apply it as one
        undoable step."""
        api = self.api
        doc_id = api.current_document() if document_id is None else document_id
        if not api.has_session or doc_id is None:
            api.show_status(self.tr("Open an article first."), 4000)
            return
        try:
            document = api.project.documents.get(doc_id)
        except HamishError as error:
            api.messenger.error(self.tr("Edit Metadata"), str(error))
            return
        values = self.ask_metadata(document)
        if values is None:
            return
        clean, problems = validate_metadata(
            {
                k: "" if v is None else str(v)
                for k, v in {**ops.metadata_of(document), **values}.items()
            }
        )
        if problems:
            api.messenger.error(self.tr("Edit Metadata"), error_text(" ".join(problems)))
            return
        if all(clean[k] == getattr(document, k) for k in clean):
            return  # nothing changed: no empty undo step
        try:
            api.session.run(
                partial(ops.edit_metadata, document_id=doc_id, values=clean),
                after=self._refresh_reader,
            )
        except HamishError as error:
            api.messenger.error(self.tr("Cannot save the change"), str(error))
            return
        self._refresh_reader()

    def _refresh_reader(self, _outcome: Outcome[object] | None = None) -> None:
        """Show new metadata (title, direction) in the reader without losing the place."""
        document_id = self.reader.document_id
        if document_id is None:
            return
        bar = self.reader.text.verticalScrollBar()
        position = bar.value()
        self.api.open_document(document_id)
        bar.setValue(position)
