"""Help → About: version, licence and third-party licences (issue 18)."""

from __future__ import annotations

import platform
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop import __version__, licences
from desktop.ui.i18n import install_language
from desktop.ui.shell.about import AboutDialog
from desktop.ui.widgets.bidi import LRI, PDI


def test_about_shows_version_licence_and_third_party_licences(
    make_window: Any, default_project: Path
) -> None:
    window = make_window(default_project)
    dialog = window.about()
    assert dialog.isVisible()
    assert __version__ in dialog.summary.text() and "MIT" in dialog.summary.text()
    notice = dialog.notice.text()
    assert qVersion() in notice and "LGPL-3.0" in notice
    assert licences.QT_SOURCE in notice and licences.PYSIDE_SOURCE in notice
    assert "Permission is hereby granted" in dialog.mit.toPlainText()
    shown = dialog.licences.toPlainText()
    assert "lxml" in shown and "Redistribution and use" in shown
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown and "GNU GENERAL PUBLIC LICENSE" in shown
    assert dialog.tabs.count() == 3


@pytest.mark.parametrize("language", ["ar", "en"])
def test_about_keeps_each_address_and_version_whole_and_left_to_right(
    qapp: Any, qtbot: QtBot, language: str
) -> None:
    """A trial, in Arabic: the Qt addresses wrapped after a slash, "…/official_releases/" at
    the end of one line and "qt/ و…" starting the next. Each address must stay on one line
    at any width, and each version be isolated with its product's name."""
    install_language(qapp, language)
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        label = dialog.notice
        document = QTextDocument()
        document.setDefaultFont(label.font())
        if label.textFormat() == Qt.TextFormat.RichText:
            document.setHtml(label.text())
        else:
            document.setPlainText(label.text())
        text = document.toPlainText()
        addresses = [m.span() for m in re.finditer(f"{LRI}https:[^{PDI}]*{PDI}", text)]
        assert len(addresses) == 2
        widest = max(label.fontMetrics().horizontalAdvance(text[a:b]) for a, b in addresses)
        for width in range(widest + 20, widest + 400, 10):  # every address fits on a line
            document.setTextWidth(width)
            document.size()  # laid out now
            for start, end in addresses:
                block = document.findBlock(start)
                layout = block.layout()
                first = layout.lineForTextPosition(start - block.position()).lineNumber()
                last = layout.lineForTextPosition(end - 1 - block.position()).lineNumber()
                assert first == last, (width, text[start:end])
        for product in (f"Qt {qVersion()}", f"PySide6 {pyside_version}"):
            assert f"{LRI}{product}{PDI}" in text
        assert f"{LRI}Python {platform.python_version()}{PDI}" in text
    finally:
        install_language(qapp, "en")
