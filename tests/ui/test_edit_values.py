"""A project edited through the window's editors with values the JSON archive refuses still
round-trips through export and import: the editors say what is wrong (the claim's date under
its field, the entity page and label editor before they close), and an edit that gets past
them anyway is refused by the operation, shown by ``api.run`` (core/values.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.io.exporters.json_export import export_json
from desktop.io.importers.json_import import import_json
from desktop.store.project import Project
from desktop.ui.entities import dialogs as entity_dialogs
from desktop.ui.labels import dialogs as label_dialogs
from desktop.ui.labels import manager as label_manager
from desktop.ui.shell.mainwindow import MainWindow
from tests.ui.conftest import RecordingMessenger, type_text

MakeWindow = Callable[..., MainWindow]
BODY = "قال بوتين إن روسيا مستعدة للحوار في جنيف."
ACCEPTED = int(QDialog.DialogCode.Accepted.value)


def test_bad_values_typed_in_the_editors_do_not_break_the_archive(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messenger: RecordingMessenger,
) -> None:
    path = tmp_path / "v.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(BODY))
    window = make_window(path)
    session = window.session
    assert session is not None
    labels = {label.key: label for label in session.labels}
    window.reader.text.select_cp(4, 9)
    person_mention = window.tagging.tag_selection(labels["person"].id)
    window.reader.text.select_cp(10, len(BODY) - 1)
    claim_mention = window.tagging.tag_selection(labels["claim"].id)
    assert person_mention is not None and claim_mention is not None
    entity_id = window.project.annotations.get(person_mention).entity_id
    claim = window.project.claims.for_annotation(claim_mention)
    assert entity_id is not None and claim is not None

    # The claim's date: a real date, not only its digits.
    editor = window.claim_editor
    editor.show()
    editor.raise_()
    editor.show_claim(claim, "")
    for value in ("2016-02-30", "2016-13-45", "0000-00-00"):
        editor.date.clear()
        editor.date.setFocus()
        qtbot.keyClicks(editor.date, value)
        qtbot.keyClick(editor.date, Qt.Key.Key_Return)
        assert "must be a real date" in editor.error.text()
        assert window.project.claims.get(claim.id).claimed_on is None

    # The entity page keeps itself open with the reason; saved anyway, the edit refuses.
    outcomes: list[int] = []

    def bad_entity(page: QDialog) -> int:
        assert isinstance(page, entity_dialogs.EntityPage)
        page.name.clear()
        type_text(page.name, "\u202eيريك")
        page.aliases.setPlainText("Kerry\x1b[2J")
        page.accept()
        outcomes.append(page.result())
        assert "bidi control character" in page.error.text()
        return ACCEPTED

    monkeypatch.setattr(entity_dialogs.EntityPage, "exec", bad_entity)
    window.entity_actions.open_entity(entity_id)
    assert outcomes == [0]
    assert messenger.errors[-1][1].startswith("The entity's name contains a bidi control")
    assert window.project.entities.get(entity_id).name == "بوتين"

    # The label editor: a name of 3,000 characters (its colour is always QColor.name()).
    def bad_label(label_editor: QDialog) -> int:
        assert isinstance(label_editor, label_dialogs.LabelEditor)
        label_editor.name_en.setText("P" * 3000)
        label_editor._accept()
        assert "longer than 500 characters" in label_editor.error.text()
        return ACCEPTED

    def manager_edits(manager: QDialog) -> int:
        assert isinstance(manager, label_dialogs.LabelManager)
        for i in range(manager.list.count()):
            if manager.list.item(i).text().startswith("Person"):
                manager.list.setCurrentRow(i)
        script.insert(0, bad_label)
        manager.edit_button.click()
        return 0

    script: list[Callable[[QDialog], int]] = [manager_edits]

    def run_next(self: QDialog) -> int:
        return script.pop(0)(self)

    for cls in (label_dialogs.LabelEditor, label_dialogs.LabelManager):
        monkeypatch.setattr(cls, "exec", run_next)
    label_manager.manage_labels(window.api)
    assert messenger.errors[-1][1].startswith("The label's name is longer than 500")
    assert window.project.labels.get(labels["person"].id) == labels["person"]

    archive = tmp_path / "v.json"
    export_json(window.project, archive)
    with Project.open(tmp_path / "again.hamish") as again:
        import_json(again, archive)
        assert again.entities.get(entity_id).name == "بوتين"
