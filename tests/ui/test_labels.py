"""Labels: the default set, and adding, editing and removing them undoably."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.models import ChangeSet
from desktop.core.text import make_draft
from desktop.ops.labels import add_label, edit_label, remove_label
from desktop.ops.outcome import Outcome
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]
BODY = "قال المتحدث باسم الكرملين دميتري بسكوف إن اللقاء في جنيف كان بناءً."


def _window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "labels.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(BODY))
    return make_window(path)


def test_default_labels(make_window: MakeWindow, tmp_path: Path) -> None:
    window = _window(make_window, tmp_path)
    assert window.session is not None
    labels = window.session.labels
    assert [label.name_en for label in labels] == [
        "Person",
        "Organisation",
        "Location",
        "Date/time",
        "Event",
        "Claim",
        "Note",
    ]
    assert [label.shortcut for label in labels] == list("1234567")
    assert all(label.name_ar and label.color.startswith("#") and label.icon for label in labels)
    assert [a.text() for a in window.label_bar.actions()][:2] == [
        "Person · شخص",
        "Organisation · منظمة",
    ]


def test_add_edit_remove_labels_with_undo(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window = _window(make_window, tmp_path)
    session = window.session
    assert session is not None
    stack = session.undo_stack
    fields = {
        "name_en": "Weapon",
        "name_ar": "سلاح",
        "kind": "entity",
        "color": "#555555",
        "shortcut": "8",
    }
    session.run(partial(add_label, fields=fields))
    weapon = next(label for label in session.labels if label.name_en == "Weapon")
    assert weapon.shortcut == "8"
    assert any(a.text() == "Weapon · سلاح" for a in window.tagging.label_actions)
    # Give Weapon the "1" key: Person loses it; undo gives it back.
    arms = {"name_en": "Arms", "shortcut": "1", "color": "#222222"}
    session.run(partial(edit_label, label_id=weapon.id, fields=arms))
    keys = {label.name_en: label.shortcut for label in session.labels}
    assert keys["Arms"] == "1" and keys["Person"] == ""
    stack.undo()
    keys = {label.name_en: label.shortcut for label in session.labels}
    assert keys["Weapon"] == "8" and keys["Person"] == "1"
    stack.redo()
    # Tag with the new key, then remove the label moving its annotations to Location.
    text = window.reader.text
    start = BODY.index("جنيف")
    text.select_cp(start, start + 4)
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_1)
    (annotation,) = window.annotation_model.annotations()
    assert annotation.label_id == weapon.id
    location = next(label for label in session.labels if label.key == "location")
    session.run(partial(remove_label, label_id=weapon.id, reassign_to=location.id))
    assert all(label.id != weapon.id for label in session.labels)
    assert window.annotation_model.annotations()[0].label_id == location.id
    stack.undo()
    assert window.annotation_model.annotations()[0].label_id == weapon.id
    assert window.reader.text.index.get(annotation.id).color == "#222222"  # type: ignore[union-attr]
    # Remove and delete its annotations; undo restores both.
    session.run(partial(remove_label, label_id=weapon.id, reassign_to=None))
    assert window.annotation_model.rowCount() == 0
    assert window.reader.text.index.get(annotation.id) is None
    stack.undo()
    assert [a.id for a in window.annotation_model.annotations()] == [annotation.id]
    assert window.project.labels.get(weapon.id).name_en == "Arms"


def test_claim_label_removal_keeps_claim_details_for_undo(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = _window(make_window, tmp_path)
    session = window.session
    assert session is not None
    claim = next(label for label in session.labels if label.key == "claim")
    window.reader.text.select_cp(0, len(BODY) - 1)
    annotation_id = window.tagging.tag_selection(claim.id)
    conn = window.project.database.conn
    conn.execute(
        "UPDATE claims SET status = 'contested', reliability = 'B' WHERE annotation_id = ?",
        [annotation_id],
    )
    note = next(label for label in session.labels if label.key == "note")
    session.run(partial(remove_label, label_id=claim.id, reassign_to=note.id))
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    session.undo_stack.undo()
    assert conn.execute("SELECT status, reliability FROM claims").fetchall() == [("contested", "B")]


def test_a_label_named_with_bidi_overrides_reads_as_stored_on_the_toolbar(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    # "\u202enosreP" showed as "Person" on the toolbar and in the Tag menu.
    window = _window(make_window, tmp_path)
    session = window.session
    assert session is not None
    fields = {
        "name_en": "\u202enopaeW\u202c",
        "name_ar": "\u2067سلاح\u2069",
        "kind": "entity",
        "color": "#555555",
        "shortcut": "8",
    }

    def stored(project: Project) -> Outcome[int]:
        """Stored by an older Hamish: the edits refuse such a name now (core/values.py)."""
        label_id = project.labels.add(**fields)
        return Outcome(ChangeSet(labels_changed=True), None, "Add label", label_id)

    session.run(stored)
    assert "nopaeW · سلاح" in [a.text() for a in window.tagging.label_actions]
    assert not any("\u202e" in a.text() or "\u2067" in a.text() for a in window.tag_menu.actions())
