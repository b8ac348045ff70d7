"""Choosing where an export goes: the save dialog (replaceable in tests), the folder last used
per project, and opening the written file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.shell.workers import Progress

FOLDER_KEY = "export/folder"
ChoosePath = Callable[[QWidget | None, str, str, str], str]
"""(parent, caption, suggested path, file filter) -> chosen path, or "" when cancelled."""
OpenUrl = Callable[[QUrl], object]


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, file_filter: str) -> str:
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return name


def cancellable(progress: Progress) -> Callable[[], bool]:
    return lambda: progress.cancelled
