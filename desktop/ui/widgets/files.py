"""File dialogs that never open the files they list.

Qt's file dialog asks its icon provider for each listed file's icon and type, and the provider
asks ``QMimeDatabase``, which *reads* a file whose name it does not know (``.hamish``,
``.hamish-wal``, ``.hamish-shm``) to guess its type by content. Opening and closing a
descriptor on a file drops every POSIX lock this process holds on that file: SQLite's locks on
the open project and its ``-shm`` were gone as soon as a dialog showed the project's folder.
The next process to open and close the project (``hamish list``, ``sqlite3``) then believed
it was the last one, checkpointed and deleted the write-ahead log, and every later edit of the
window went into the deleted log — shown as saved, never on disk (found by a new user trying
File → Import Annotations on a project in the same folder).

So every dialog of the window is made here: Qt's own dialog (a native one may sniff the same
way, in this process) with :class:`QuietIcons`, which names a file's type by its suffix and
draws the generic file or folder icon. ``tests/ui/test_file_dialogs.py`` holds the window to
it: no ``QFileDialog.get…`` call elsewhere, and a dialog on the project's folder keeps the
log alive.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QAbstractFileIconProvider, QColor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFileIconProvider,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from desktop.core.arabic import detect_direction
from desktop.ui.widgets.bidi import FSI, LRI, PDI

if TYPE_CHECKING:
    from desktop.settings import Setting, Settings

__all__ = [
    "QuietIcons",
    "existing_directory",
    "file_dialog",
    "nearest_folder",
    "open_file_name",
    "open_file_names",
    "remember_folder",
    "save_file_name",
    "start_folder",
]


class QuietIcons(QFileIconProvider):
    """Icons and type names from what ``stat`` says, never from a file's content."""

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return super().icon(kind)
        icon: QIcon = super().icon(what)  # type: ignore[call-overload]
        return icon

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "{suffix} file").format(
            suffix=suffix.upper()
        )


class LeftToRightText(QProxyStyle):
    """A style whose words are laid out left to right: a combo box paints its text in the
    application's direction, whatever its own — the path in an Arabic dialog's "look in"
    box read «tmp/x/home/»."""

    def drawItemText(
        self,
        painter: QPainter,
        rect: QRect,
        flags: int,
        pal: QPalette | Qt.GlobalColor | QColor,
        enabled: bool,
        text: str,
        textRole: QPalette.ColorRole = QPalette.ColorRole.NoRole,
    ) -> None:
        flags = int(flags) | Qt.TextFlag.TextForceLeftToRight.value
        super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)


class IsolatedCells(QStyledItemDelegate):
    """A detail view's size and date read left to right, a type in its own direction: in
    an Arabic dialog "39.1 KiB" read «KiB 39.1» and a date's figures ran backwards."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text:
            start = FSI if index.column() == TYPE_COLUMN else LRI
            option.text = f"{start}{option.text}{PDI}"


SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3  # QFileSystemModel's
_STYLES: list[LeftToRightText] = []  # kept alive here, one for every dialog
_ICONS: list[QuietIcons] = []  # one for the whole application, kept alive here


def quiet_icons() -> QuietIcons:
    if not _ICONS:
        _ICONS.append(QuietIcons())
    return _ICONS[0]


def file_dialog(
    parent: QWidget | None, caption: str, directory: str, file_filter: str = ""
) -> QFileDialog:
    """Qt's own file dialog with :class:`QuietIcons`, not yet shown."""
    dialog = QFileDialog(parent, caption, directory, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(quiet_icons())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    # File names and paths read left to right in an Arabic dialog too: laid out right to left,
    # "إحاطة-2026-12-02.docx" showed as "docx.2026-12-02-إحاطة" and "/tmp/x" as "tmp/x/".
    for field in dialog.findChildren(QLineEdit):
        field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    if look_in is not None:
        look_in.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        if not _STYLES:
            _STYLES.append(LeftToRightText())
        look_in.setStyle(_STYLES[0])
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:
        cells = IsolatedCells(details)
        for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
            details.setItemDelegateForColumn(column, cells)
            # Whole, not «iB…٤٨» or «مل…CX»: a folder lists few files.
            details.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    _unmark(dialog)
    return dialog


def _unmark(dialog: QFileDialog) -> None:
    """The labels' Arabic without Qt's mnemonic marks: the underline drawn under the marked
    letter cut it from its word and hid its dots — «&نوع الملفات:» read «يوع الملفات:»,
    «ا&سم الملفّ:» «ايم الملفّ:». An Alt key on an Arabic letter needs an Arabic keyboard
    layout anyway; the labels still lead to their fields (their buddies)."""
    for label in dialog.findChildren(QLabel):
        text = label.text()
        at = text.find("&")
        if 0 <= at < len(text) - 1 and detect_direction(text[at + 1]) == "rtl":
            label.setText(text[:at] + text[at + 1 :])


def nearest_folder(stored: str) -> Path | None:
    """The folder ``stored`` names, else its nearest existing parent (a batch folder deleted,
    a drive unplugged); None for nothing stored, a relative path, or only the root left."""
    if not stored:
        return None
    folder = Path(stored).expanduser()
    if not folder.is_absolute():
        return None
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return None if candidate == Path(candidate.anchor) else candidate
    return None


def start_folder(prefs: Settings, setting: Setting[str], fallback: Path | None = None) -> Path:
    """Where a dialog of one kind opens: the folder last chosen in a dialog of that kind
    (``remember_folder``), or its nearest existing parent; else ``fallback`` when it is a
    folder; else home."""
    folder = nearest_folder(prefs.get(setting))
    if folder is not None:
        return folder
    if fallback is not None and fallback.is_dir():
        return fallback
    return Path.home()


def remember_folder(prefs: Settings, setting: Setting[str], chosen: str | Path) -> None:
    """Keep where the analyst was: the chosen file's folder, or the chosen folder itself."""
    path = Path(chosen)
    prefs.set(setting, str(path if path.is_dir() else path.parent))


def _run(dialog: QFileDialog) -> list[str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        return dialog.selectedFiles()
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str, directory: str, file_filter: str) -> str:
    """An existing file, or "" when the analyst cancelled."""
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def open_file_names(
    parent: QWidget | None, caption: str, directory: str, file_filter: str
) -> list[str]:
    """Existing files, or none when the analyst cancelled."""
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str:
    """An existing folder, or "" when the analyst cancelled."""
    dialog = file_dialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str,
    file_filter: str,
    *,
    confirm_overwrite: bool = True,
) -> str:
    """A file to write, or "" when the analyst cancelled."""
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
