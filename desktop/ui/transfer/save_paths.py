"""Choosing where an export goes: the save dialog (replaceable in tests), the folder last used
per project, checking the chosen file before any work, and opening the written file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.errors import HamishError
from desktop.paths import data_dir
from desktop.settings import Setting, Settings
from desktop.ui.shell.messages import Messenger
from desktop.ui.shell.workers import Progress
from desktop.ui.widgets.bidi import isolate
from desktop.ui.widgets.files import file_dialog, nearest_folder

if TYPE_CHECKING:  # the exporters load with the first export
    from desktop.io.exporters import ExportTarget

FOLDER_KEY = "export/folder"
"""Per project: the folder its last export went to, before each kind of export had its own
declared setting (``desktop.settings.FOLDER_EXPORT`` and its neighbours). Only read now, for
a kind never exported since."""
ChoosePath = Callable[[QWidget | None, str, str, str], str]
"""(parent, caption, suggested path, file filter) -> chosen path, or "" when cancelled.

The chosen file is one the analyst agreed to replace: the save dialog asks before it returns
an existing file (Qt's ``QFileDialog`` does unless ``DontConfirmOverwrite`` is set, and
``choose_save_path`` never sets it)."""
OpenUrl = Callable[[QUrl], object]
_SUFFIX = re.compile(r"\*\.(\w+)")


def export_folder(prefs: Settings, project_path: Path, setting: Setting[str] | None = None) -> Path:
    """Where an export's save dialog opens: the folder the last export of this kind went to
    (``setting``, kept by ``remember_folder``; its nearest existing parent when it is gone),
    else the folder this project's last export went to (``FOLDER_KEY``), else the project's
    own folder, else the Documents folder, else home. (Home alone was the start of every
    first export — a trial's analyst found their briefing saved there; a project kept where
    Hamish keeps its default, a hidden folder, is no place for one.)"""
    if setting is not None:
        last = nearest_folder(prefs.get(setting))
        if last is not None:
            return last
    folder = prefs.project_value(project_path, FOLDER_KEY, "")
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return Path(folder)
    parent = project_path.parent
    hidden = any(part.startswith(".") for part in parent.parts)
    if parent.is_dir() and not hidden and parent != data_dir():
        return parent
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def save_dialog(
    parent: QWidget | None, caption: str, suggested: str, file_filter: str
) -> QFileDialog:
    """The save dialog, not yet shown. It confirms replacing an existing file (the default:
    ``DontConfirmOverwrite`` is not set) and adds the filter's suffix to a name typed without
    one *before* that check, so the file it asks about is the file that will be written."""
    dialog = file_dialog(parent, caption, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    suffix = _SUFFIX.search(file_filter)
    if suffix is not None:
        dialog.setDefaultSuffix(suffix.group(1))
    if suggested:
        dialog.selectFile(suggested)
    # (file names and paths read left to right: ``file_dialog``)
    return dialog


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, file_filter: str) -> str:
    dialog = save_dialog(parent, caption, suggested, file_filter)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()


def checked_target(
    chosen: str, suffix: str, project_path: Path, messenger: Messenger, title: str
) -> ExportTarget | None:
    """The file to export to, or None when it must not be written (the analyst was told why).

    Runs before any work: the target is checked with ``check_export_target`` (never a device,
    pipe, folder, project or database, never a read-only file, the folder must exist and be
    writable). Replacing an existing file is allowed — the save dialog asked — except when the
    suffix had to be added here: the dialog asked about another name, so this asks again.
    The export then replaces the file only if it existed now (``existed``): one that appears
    meanwhile was never confirmed, and is not replaced."""
    from desktop.io.exporters import check_export_target

    target = Path(chosen)
    if target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
        if target.exists() and not messenger.confirm(
            title,
            QCoreApplication.translate(
                "ExportController", "{file} already exists. Do you want to replace it?"
            ).format(file=isolate(target.name)),
            QCoreApplication.translate("ExportController", "Replace"),
        ):
            return None
    try:
        return check_export_target(target, overwrite=True, project_path=project_path)
    except HamishError as error:
        messenger.error(title, str(error))
        return None


def cancellable(progress: Progress) -> Callable[[], bool]:
    return lambda: progress.cancelled
