"""The Claim dock's fields and pickers as the analyst uses them (issue 16's remaining flaws):
the claimant picker's prefilled name is replaced by typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.project import Project

from .conftest import type_text


def test_typing_in_the_claimant_picker_replaces_its_prefilled_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.ui.entities.dialogs import EntityPicker

    project = Project.open(tmp_path / "p.hamish")
    try:
        project.entities.add("جون كيري", "person")
        picker = EntityPicker(project, "جون كيري", None, title="Claimant")
        qtbot.addWidget(picker)
        picker.show()
        qtbot.waitExposed(picker)
        picker.activateWindow()
        picker.query.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        qtbot.waitUntil(picker.query.hasFocus)
        type_text(picker.query, "لافروف")
        assert picker.query.text() == "لافروف"
        # A click places the cursor where it lands, as in any field: no selection then.
        picker.query.clearFocus()
        picker.query.setFocus(Qt.FocusReason.MouseFocusReason)
        assert not picker.query.hasSelectedText()
    finally:
        project.close()
