"""The window and project safety (issue 13, failures 5 and 6): a read-only project opens with
a banner and editing off, what opening a project must tell is shown, the daily backup runs in
the background, and File → Backups lists the backups and restores one."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store import backups
from desktop.store.db import back_up
from desktop.store.project import Project
from desktop.store.wal import FRAME_HEADER, HEADER
from desktop.ui.i18n import install_language
from desktop.ui.shell.actions import EDITING, ActionId
from desktop.ui.shell.backups import KIND_NAMES, BackupsDialog
from desktop.ui.shell.mainwindow import MainWindow
from tests.ui.conftest import RecordingMessenger

TEXTS = ("قال لافروف إن المحادثات في جنيف مستمرة", "أعلنت الأمم المتحدة هدنة في حلب")
MakeWindow = Callable[[Path], MainWindow]


def _project(path: Path) -> Path:
    with Project.open(path) as project:
        for text in TEXTS:
            project.documents.add(make_draft(text))
    return path


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    path = _project(tmp_path / "archive.hamish")
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


def test_a_read_only_project_opens_with_a_banner_and_editing_off(
    make_window: MakeWindow, read_only: Path, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    window = make_window(read_only)
    window.finish_setup()
    assert window.read_only_bar is not None and window.read_only_bar.isVisible()
    assert "Read-only" in window.read_only_bar.text.text()  # type: ignore[attr-defined]
    for action_id in EDITING:
        assert not window.registry[action_id].isEnabled(), action_id
    assert window.tagging.label_actions
    assert not any(action.isEnabled() for action in window.tagging.label_actions)
    assert not window.claim_editor.form_widget.isEnabled()
    assert window.entities.read_only
    assert not window.undo_action.isEnabled()
    # Reading works: the articles are listed and one is open.
    assert window.library.model is not None and window.library.model.rowCount() == 2
    assert window.reader.document_id is not None

    # Whatever still asks for an edit is refused by the store with a clear sentence.
    window.reader.text.select_cp(0, 3)
    label = window.tagging.label_actions[0].data()
    assert window.tagging.tag_selection(label) is None
    assert "read-only" in window.statusBar().currentMessage()  # a tag's failure: the status bar
    window.import_files([str(tmp_path)])
    ((title, text, _),) = messenger.errors
    assert title == "Import" and "is open read-only" in text
    assert window.project.annotations.for_document(window.reader.document_id) == []

    # Another project, writable: the banner goes and editing comes back.
    window.switch_project(_project(tmp_path / "case.hamish"), create=False)
    assert not window.read_only_bar.isVisible()
    assert all(window.registry[action_id].isEnabled() for action_id in EDITING)
    assert all(action.isEnabled() for action in window.tagging.label_actions)
    assert window.claim_editor.form_widget.isEnabled()
    assert not window.entities.read_only


def test_the_read_only_banner_is_in_arabic(qtbot: QtBot, qapp: object) -> None:
    from desktop.ui.shell.backups import ReadOnlyBar

    install_language(qapp, "ar")  # type: ignore[arg-type]
    try:
        bar = ReadOnlyBar()
        qtbot.addWidget(bar)
        assert "للقراءة فقط" in bar.text.text()
    finally:
        install_language(qapp, "en")  # type: ignore[arg-type]


def _crashed_and_damaged(tmp_path: Path) -> Path:
    live = tmp_path / "live.hamish"
    project = Project.open(live)
    try:
        project.database.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for index in range(8):
            project.documents.add(make_draft(f"خبر {index}: " + "عن الهدنة في حلب " * 300))
        crashed = tmp_path / "crashed.hamish"
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{live}{suffix}", f"{crashed}{suffix}")
        page_size = project.database.conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        project.close()
    wal = bytearray(Path(f"{crashed}-wal").read_bytes())
    frames = (len(wal) - HEADER) // (FRAME_HEADER + page_size)
    wal[HEADER + frames // 2 * (FRAME_HEADER + page_size) + FRAME_HEADER + 50] ^= 0x10
    Path(f"{crashed}-wal").write_bytes(wal)
    return crashed


def test_a_damaged_journal_is_told_once_the_window_shows(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    make_window(_crashed_and_damaged(tmp_path))
    qtbot.waitUntil(lambda: bool(messenger.errors))
    ((title, text, _),) = messenger.errors
    assert title == "The project opened with a warning"
    assert "frames of saved edits after the damage could not be recovered" in text
    assert str(tmp_path / "backups") in text


def test_the_daily_backup_runs_in_the_background(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, read_only: Path
) -> None:
    path = _project(tmp_path / "case.hamish")
    window = make_window(path)
    assert not (tmp_path / "backups").exists()  # not before the window asks for it
    window.start_backups()
    qtbot.waitUntil(lambda: bool(backups.list_backups(path)))
    (daily,) = backups.list_backups(path)
    assert daily.kind == backups.DAILY and backups.article_count(daily.path) == 2
    # A read-only project takes none.
    window.switch_project(read_only, create=False)
    window.switch_project(path, create=False)  # the same day: none due
    assert QThreadPool.globalInstance().waitForDone(30_000)  # every background backup ended
    assert [b.path for b in backups.list_backups(path)] == [daily.path]
    assert backups.list_backups(read_only) == []


def test_the_backups_dialog_lists_and_restores(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    path = _project(tmp_path / "case.hamish")
    window = make_window(path)
    made = back_up(path, backups.MANUAL)  # while the window holds the project
    window.project.documents.add(make_draft("مقال أضيف بعد النسخة الاحتياطية"))
    dialog = BackupsDialog(path, False, window.restore_backup, window.back_up_now, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, column).text() for column in range(4)]
    assert cells[1] == "Made on request" and cells[2].endswith("KB") and cells[3] == "2"
    assert dialog.table.item(0, 0).toolTip() == made.name
    assert dialog.restore_button.isEnabled()

    messenger.answer = False  # the analyst thinks again: nothing happens
    dialog.restore_selected()
    assert window.project.documents.count() == 3 and dialog.result() == 0

    messenger.answer = True
    dialog.restore_selected()
    assert "Restore" in messenger.questions[-1][0]
    assert dialog.result() == 1  # accepted: closed
    assert window.project.documents.count() == 2
    assert window.library.model is not None and window.library.model.rowCount() == 2
    listed = backups.list_backups(path)
    assert [b.kind for b in listed] == [backups.RESTORE, backups.MANUAL]
    assert backups.article_count(listed[0].path) == 3  # what the restore replaced
    assert not messenger.errors

    dialog.refresh()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Before a restore"


def test_file_backups_opens_the_dialog(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(_project(tmp_path / "case.hamish"))
    seen: list[int] = []

    def look() -> None:
        dialog = window.backups_dialog
        assert dialog is not None
        seen.append(dialog.table.rowCount())
        dialog.now_button.click()  # Back Up Now
        seen.append(dialog.table.rowCount())
        dialog.reject()

    QTimer.singleShot(0, look)
    window.registry[ActionId.BACKUPS].trigger()
    assert seen == [0, 1]
    assert window.backups_dialog is None


def test_the_backups_dialog_of_a_read_only_project(qtbot: QtBot, read_only: Path) -> None:
    dialog = BackupsDialog(read_only, True, lambda _p: True, lambda: True)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and not dialog.now_button.isEnabled()
    assert not dialog.read_only_note.isHidden()
    assert dialog.empty.text() == "No backups yet."


def test_the_kinds_of_backup_are_in_arabic(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    install_language(qapp, "ar")  # type: ignore[arg-type]
    try:
        for kind in KIND_NAMES.values():
            assert QCoreApplication.translate("BackupsDialog", kind) != kind
    finally:
        install_language(qapp, "en")  # type: ignore[arg-type]
