"""File → Backups…: the open project's automatic backups, and a way back to one of them.

The backups themselves — when they are taken, where they are kept, which are kept — are
``desktop/store/backups.py``'s; restoring is ``store/db.py``'s ``restore_backup`` (the window
closes its project for it and opens it again: ``MainWindow.restore_backup``). This module is
the dialog that lists them (date, kind, size, article count) and the read-only banner; both
load on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store import backups
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.widgets.bidi import isolate_path

KIND_NAMES = {
    backups.DAILY: QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    backups.MANUAL: QT_TRANSLATE_NOOP("BackupsDialog", "Made on request"),
    backups.UPGRADE: QT_TRANSLATE_NOOP("BackupsDialog", "Before an upgrade"),
    backups.RESTORE: QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
}


def size_text(size: int) -> str:
    """A file size for people: "812 KB", "3.4 MB"."""
    if size < 1024 * 1024:
        return QCoreApplication.translate("BackupsDialog", "{size} KB").format(
            size=max(1, round(size / 1024))
        )
    return QCoreApplication.translate("BackupsDialog", "{size} MB").format(
        size=f"{size / (1024 * 1024):.1f}"
    )


class BackupsDialog(QDialog):
    """The backups of one project, newest first. ``restore(path)`` replaces the project with
    a backup and says whether it did; ``back_up_now()`` makes one. Both are the window's."""

    DATE, KIND, SIZE, ARTICLES = range(4)

    def __init__(
        self,
        project: Path,
        read_only: bool,
        restore: Callable[[Path], bool],
        back_up_now: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.project = project
        self._restore = restore
        self._back_up_now = back_up_now
        self.setWindowTitle(self.tr("Backups of {name}").format(name=isolate_path(project.name)))
        self.resize(620, 380)
        folder = backups.folder_for(project)
        self.intro = QLabel(
            self.tr(
                "Hamish backs this project up when it opens it (once a day), before every "
                "upgrade and before every restore. They are kept in this folder:"
            )
            # On a line of its own, left to right: ending a right-to-left sentence, its
            # full stop was drawn at the path's start ("./root/…").
            + "\n"
            + isolate_path(str(folder)),
            self,
        )
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Articles")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("No backups yet."), self)
        self.empty.setObjectName("backups_empty")
        self.read_only_note = QLabel(
            self.tr("This project is read-only: it takes no backups and cannot be restored."),
            self,
        )
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(read_only)

        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setToolTip(
            self.tr(
                "Replace the project with the chosen backup; what it holds now is backed up first"
            )
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.now_button = QPushButton(self.tr("Back Up &Now"), self)
        self.now_button.setObjectName("back_up_now")
        self.now_button.clicked.connect(self._now)
        self.folder_button = QPushButton(self.tr("Show &Folder"), self)
        self.folder_button.clicked.connect(self._show_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.restore_button, self.now_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.read_only = read_only
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.refresh()

    def refresh(self) -> None:
        """List the backups again (after one was made or restored)."""
        self.backups = backups.list_backups(self.project)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            count = backups.article_count(backup.path)
            cells = (
                backup.taken.strftime("%Y-%m-%d %H:%M"),
                self.tr(KIND_NAMES.get(backup.kind, backup.kind)),
                size_text(backup.size),
                "—" if count is None else f"{count:,}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(backup.name)
                if column in (self.SIZE, self.ARTICLES):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(not self.read_only and self.selected() is not None)
        self.now_button.setEnabled(not self.read_only)

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or self.read_only:
            return
        if self._restore(backup.path):
            self.accept()

    def _now(self) -> None:
        if self._back_up_now():
            self.refresh()

    def _show_folder(self) -> None:
        from PySide6.QtGui import QDesktopServices

        folder = backups.folder_for(self.project)
        QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder if folder.is_dir() else folder.parent))
        )


class ReadOnlyBar(QFrame):
    """Above the article while a read-only project is open: why nothing can be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setObjectName("read_only_banner_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setText(
            self.tr(
                "<b>Read-only:</b> this project's file, folder or disk cannot be written. "
                "You can read, search and export it; editing is turned off."
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.text, 1)
