"""The window's exports refuse the targets the command line refuses (issue 13), with a message
box and a status line, before any work; the save dialog asks before replacing a file.

The hostile targets are made in ``tmp_path`` (a device node with ``mknod``, a FIFO …), so a
broken export could only ever replace a test file.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.io.exporters import docx_report
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.transfer.save_paths import choose_save_path
from tests.io.briefing_project import build_briefing_project

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> tuple[MainWindow, list[str]]:
    path = tmp_path / "work" / "b.hamish"
    path.parent.mkdir()
    project, _ = build_briefing_project(path)
    project.close()
    opened = make_window(path)
    targets: list[str] = []

    def choose(_parent: object, _caption: str, _suggested: str, _filter: str) -> str:
        return targets.pop(0) if targets else ""

    opened.exports.choose_path = choose
    opened.exports.open_url = lambda _url: None
    return opened, targets


def _device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _read_only(path: Path) -> None:
    path.write_text("kept", encoding="utf-8")
    path.chmod(0o444)


def _project(path: Path) -> None:
    with Project.open(path) as project:
        project.documents.add(make_draft("نص في مشروع آخر.", title="آخر"))


def _database(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere"))


def _folder_missing(path: Path) -> None:
    """Nothing to make: the target's folder does not exist."""


HOSTILE = [
    pytest.param(_device, "{path} is a device, not a file; nothing was exported.", id="device"),
    pytest.param(_fifo, "{path} is a named pipe, not a file; nothing was exported.", id="fifo"),
    pytest.param(
        _read_only,
        "{path} is read-only; nothing was exported. Choose another file, or make it writable "
        "first.",
        id="read-only",
    ),
    pytest.param(
        _project,
        "{path} is a Hamish project; exporting to it would destroy it. Choose another file.",
        id="project",
    ),
    pytest.param(
        _database,
        "{path} is a SQLite database; exporting to it would destroy it. Choose another file.",
        id="database",
    ),
    pytest.param(
        _dangling,
        "{path} is a link to {folder}/nowhere, which does not exist; nothing was exported.",
        id="dangling-link",
    ),
    pytest.param(
        _folder_missing,
        "The folder {folder} does not exist; nothing was exported.",
        id="missing-folder",
    ),
]


def _target(tmp_path: Path, make: Callable[[Path], None], suffix: str) -> Path:
    folder = tmp_path / "missing" if make is _folder_missing else tmp_path
    target = folder / f"target{suffix}"
    make(target)
    return target


def _state(path: Path) -> tuple[int, int, bytes] | None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    content = path.read_bytes() if stat.S_ISREG(info.st_mode) else b""
    return info.st_mode, info.st_ino, content


@pytest.mark.parametrize(("make", "message"), HOSTILE)
@pytest.mark.parametrize(
    "action_id",
    [ActionId.EXPORT_ANNOTATIONS_CSV, ActionId.EXPORT_JSON],
    ids=["csv", "json"],
)
def test_file_exports_refuse_hostile_targets(
    window: tuple[MainWindow, list[str]],
    messenger: RecordingMessenger,
    tmp_path: Path,
    make: Callable[[Path], None],
    message: str,
    action_id: ActionId,
) -> None:
    main, targets = window
    suffix = ".json" if action_id == ActionId.EXPORT_JSON else ".csv"
    target = _target(tmp_path, make, suffix)
    before = _state(target)
    targets.append(str(target))  # as if the save dialog returned it (and confirmed it)
    main.registry[action_id].trigger()
    assert main.exports.task is None  # refused at once: no background export started
    caption = "Export Project (JSON)" if suffix == ".json" else "Export Annotations (CSV)"
    expected = message.format(path=target, folder=target.parent)
    assert messenger.errors == [(caption, expected, "")]
    assert main.exports.last_message == "Nothing was exported."
    assert _state(target) == before
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(("make", "message"), HOSTILE)
def test_the_briefing_refuses_hostile_targets_before_building(
    window: tuple[MainWindow, list[str]],
    messenger: RecordingMessenger,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], None],
    message: str,
) -> None:
    main, targets = window
    main.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = main.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    built: list[object] = []
    monkeypatch.setattr(docx_report, "build_report", lambda *a, **k: built.append(a))
    target = _target(tmp_path, make, ".docx")
    before = _state(target)
    targets.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.task is None and dialog.export_button.isEnabled()
    expected = message.format(path=target, folder=target.parent)
    assert messenger.errors == [("Export Briefing", expected, "")]
    assert dialog.status.currentMessage() == "The report was not written."
    assert built == [] and _state(target) == before


def test_a_file_the_dialog_confirmed_is_replaced(
    window: tuple[MainWindow, list[str]], qtbot: QtBot, tmp_path: Path
) -> None:
    main, targets = window
    target = tmp_path / "p.json"
    target.write_text("earlier", encoding="utf-8")
    targets.append(str(target))
    main.registry[ActionId.EXPORT_JSON].trigger()
    qtbot.waitUntil(lambda: main.exports.task is None, timeout=10000)
    assert main.exports.last_message.startswith("Wrote \u2066p.json\u2069: 7 articles")
    assert target.read_text(encoding="utf-8").startswith("{")


def test_a_file_that_appears_after_the_dialog_is_not_replaced(
    window: tuple[MainWindow, list[str]],
    messenger: RecordingMessenger,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The analyst chose a new name; a file someone else writes there before the background
    export ends was never confirmed, so it stays and the export says why."""
    from desktop.ui.transfer import exports

    main, targets = window
    target = tmp_path / "p.json"
    real_check = exports.checked_target

    def check_then_someone_writes(*args: object) -> object:
        checked = real_check(*args)  # type: ignore[arg-type]
        target.write_text("someone else's", encoding="utf-8")
        return checked

    monkeypatch.setattr(exports, "checked_target", check_then_someone_writes)
    targets.append(str(target))
    main.registry[ActionId.EXPORT_JSON].trigger()
    qtbot.waitUntil(lambda: main.exports.task is None, timeout=10000)
    assert messenger.errors[-1][1].startswith(f"{target} already exists; nothing was exported.")
    assert target.read_text(encoding="utf-8") == "someone else's"


@pytest.mark.parametrize("replace", [False, True], ids=["keep", "replace"])
def test_a_suffix_added_after_the_dialog_asks_again(
    window: tuple[MainWindow, list[str]],
    messenger: RecordingMessenger,
    qtbot: QtBot,
    tmp_path: Path,
    replace: bool,
) -> None:
    """The analyst typed "notes"; the dialog asked about "notes" (if anything). The file
    written is "notes.csv": if that exists, the window asks before replacing it."""
    main, targets = window
    written = tmp_path / "notes.csv"
    written.write_text("earlier", encoding="utf-8")
    messenger.answer = replace
    targets.append(str(tmp_path / "notes"))
    main.registry[ActionId.EXPORT_CLAIMS_CSV].trigger()
    assert messenger.questions == [
        (
            "Export Claims (CSV)",
            "\u2068notes.csv\u2069 already exists. Do you want to replace it?",
            "Replace",
        )
    ]
    qtbot.waitUntil(lambda: main.exports.task is None, timeout=10000)
    assert (written.read_text(encoding="utf-8-sig") != "earlier") == replace
    assert not (tmp_path / "notes").exists()


# --- the save dialog itself -------------------------------------------------------------------


@pytest.fixture
def widget_dialogs(qapp: QApplication) -> Iterator[QApplication]:
    """Qt's own file dialog (what tests can drive), as on a desktop without a native one."""
    was = QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield qapp
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, was)


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_the_save_dialog_asks_before_replacing(
    widget_dialogs: object, qtbot: QtBot, tmp_path: Path, answer: str
) -> None:
    """``choose_save_path`` as the analyst meets it: typing "brief" over an existing
    brief.docx, the dialog adds the suffix and then asks (Qt's overwrite confirmation is on:
    DontConfirmOverwrite is never set). "No" keeps the dialog open; "Yes" returns the file."""
    existing = tmp_path / "brief.docx"
    existing.write_bytes(b"earlier briefing")
    asked: list[str] = []
    seen: list[QFileDialog] = []

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        button = (
            QMessageBox.StandardButton.Yes if answer == "Yes" else QMessageBox.StandardButton.No
        )
        box.button(button).click()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog)
        assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.selectFile("brief")
        QTimer.singleShot(0, answer_box)  # runs inside the question's own event loop
        dialog.accept()
        if dialog.isVisible():  # "No": the analyst then cancels
            dialog.reject()

    QTimer.singleShot(0, fill_in)
    chosen = choose_save_path(None, "Export Briefing", str(tmp_path / "x.docx"), "Word (*.docx)")
    assert seen and asked == ["brief.docx already exists.\nDo you want to replace it?"]
    assert chosen == (str(existing) if answer == "Yes" else "")
    assert existing.read_bytes() == b"earlier briefing"  # the dialog itself writes nothing
