"""The colour and font dialogs in the dark theme: Qt's own, in the theme's colours.

On a GNOME desktop Qt's ``gtk3`` platform theme answers ``QColorDialog.getColor`` and
``QFontDialog.getFont`` with GTK's choosers, drawn in GTK's light colours: the label colour
picker and Reader Font came up white over the dark window (seen on Xvfb with libgtk-3 and
``QT_QPA_PLATFORMTHEME=gtk3``). The offscreen platform has no native dialogs, so these tests
look at what the dialog was asked to be, and at its pixels; the light theme keeps the
desktop's dialogs as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QFontDialog
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.settings import Settings
from desktop.ui.labels.dialogs import LabelEditor
from desktop.ui.shell import theme
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Callable[[bool], None]]:
    yield theme.apply
    theme.apply(False)


def _modal_when_shown(seen: list[tuple[str, bool, str]]) -> None:
    """Once the modal dialog is up: its class, whether it is Qt's own and its background's
    colour as drawn; then it is cancelled."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, look)
            return
        if isinstance(dialog, QColorDialog):
            own = dialog.testOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        elif isinstance(dialog, QFontDialog):
            own = dialog.testOption(QFontDialog.FontDialogOption.DontUseNativeDialog)
        else:
            own = False
        pixel = dialog.grab().toImage().pixelColor(2, 2).name()
        seen.append((type(dialog).__name__, own, pixel))
        dialog.reject()

    QTimer.singleShot(0, look)


def test_the_label_colour_picker_follows_the_theme(
    themed: Callable[[bool], None], qtbot: QtBot
) -> None:
    for dark in (True, False):
        themed(dark)
        editor = LabelEditor(None, {})
        qtbot.addWidget(editor)
        editor.show()
        before = editor.color.name()
        seen: list[tuple[str, bool, str]] = []
        _modal_when_shown(seen)
        editor.color_button.click()  # modal until cancelled
        assert seen and seen[0][0] == "QColorDialog"
        _, own, pixel = seen[0]
        # Qt's own over the dark window (GTK's is white); the desktop's over the light one.
        assert own is dark
        if dark:
            assert pixel == "#181b1e"  # the dark palette's window
        assert editor.color.name() == before  # cancelled: the colour is kept
        editor.close()


def test_the_reader_font_dialog_follows_the_theme(
    themed: Callable[[bool], None], make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    prefs.set(settings.THEME, theme.DARK)
    window = make_window(default_project, prefs)
    family = window.reader.base_font().family()
    for dark in (True, False):
        window.registry[ActionId.THEME_DARK if dark else ActionId.THEME_LIGHT].trigger()
        seen: list[tuple[str, bool, str]] = []
        _modal_when_shown(seen)
        window.choose_font()
        assert seen and seen[0][0] == "QFontDialog"
        _, own, pixel = seen[0]
        assert own is dark  # switched at run time: the next dialog follows
        if dark:
            assert pixel == "#181b1e"
        assert window.reader.base_font().family() == family
