"""The label manager's dialogs, driven like a user would: type, choose, confirm."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.labels import dialogs
from desktop.ui.labels import manager as label_manager
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]


def test_manage_labels_add_and_remove(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "l.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft("قال بوتين إن روسيا مستعدة."))
    window = make_window(path)
    assert window.session is not None
    script: list[Callable[[QDialog], int]] = []

    def run_next(self: QDialog) -> int:
        return script.pop(0)(self)

    for cls in (dialogs.LabelEditor, dialogs.RemoveLabelDialog, dialogs.LabelManager):
        monkeypatch.setattr(cls, "exec", run_next)

    def new_label(editor: QDialog) -> int:
        assert isinstance(editor, dialogs.LabelEditor)
        editor.name_en.setText("Weapon")
        editor.name_ar.setText("سلاح")
        editor.shortcut.setCurrentIndex(editor.shortcut.findData("8"))
        return int(QDialog.DialogCode.Accepted.value)

    def manager_adds(manager: QDialog) -> int:
        assert isinstance(manager, dialogs.LabelManager)
        script.insert(0, new_label)
        manager.add_button.click()
        names = [manager.list.item(i).text() for i in range(manager.list.count())]
        assert any(name.startswith("Weapon · سلاح  [8]") for name in names)
        return 0

    script.append(manager_adds)
    label_manager.manage_labels(window.api)
    weapon = next(label for label in window.session.labels if label.name_en == "Weapon")
    assert (weapon.name_ar, weapon.shortcut, weapon.kind) == ("سلاح", "8", "entity")
    assert any(a.text() == "Weapon · سلاح" for a in window.tagging.label_actions)

    # Remove Person, which has one annotation: the dialog asks, we move it to Weapon.
    person = next(label for label in window.session.labels if label.key == "person")
    window.reader.text.select_cp(4, 9)
    annotation = window.tagging.tag_selection(person.id)

    def move_to_weapon(ask: QDialog) -> int:
        assert isinstance(ask, dialogs.RemoveLabelDialog)
        ask.target.setCurrentIndex(ask.target.findData(weapon.id))
        ask.move_radio.setChecked(True)
        return int(QDialog.DialogCode.Accepted.value)

    def manager_removes(manager: QDialog) -> int:
        assert isinstance(manager, dialogs.LabelManager)
        for i in range(manager.list.count()):
            if manager.list.item(i).text().startswith("Person"):
                manager.list.setCurrentRow(i)
        script.insert(0, move_to_weapon)
        manager.remove_button.click()
        return 0

    script.append(manager_removes)
    label_manager.manage_labels(window.api)
    assert all(label.key != "person" for label in window.session.labels)
    assert window.project.annotations.get(annotation).label_id == weapon.id  # type: ignore[arg-type]
    window.session.undo_stack.undo()
    assert any(label.key == "person" for label in window.session.labels)
    assert window.project.annotations.get(annotation).label_id == person.id  # type: ignore[arg-type]
