"""Help → About: version, licence and third-party licences (issue 18)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import qVersion

from desktop import __version__, licences


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
