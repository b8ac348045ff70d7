"""The window's REFI-QDA and Web Annotation exports (File → Export) and File → Import Project:
written in the background, read into the open project, what was left out shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from tests.io.test_json_roundtrip import build_rich_project
from tests.io.test_qdpx import foreign

from .conftest import RecordingMessenger

MakeWindow = Callable[[Path], MainWindow]


def test_export_then_import_each_format(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    source = tmp_path / "source.hamish"
    build_rich_project(source)[0].close()
    window = make_window(source)
    file_menu = window.menuBar().actions()[0].menu()
    export_menu = next(
        a.menu()
        for a in file_menu.actions()
        if a.menu() is not None and window.registry[ActionId.EXPORT_JSON] in a.menu().actions()
    )
    assert window.registry[ActionId.EXPORT_QDPX] in export_menu.actions()
    assert window.registry[ActionId.EXPORT_W3C] in export_menu.actions()
    assert window.registry[ActionId.IMPORT_EXCHANGE] in file_menu.actions()
    targets = [str(tmp_path / "p.qdpx"), str(tmp_path / "p")]  # the suffix is added: .jsonld

    def choose(_parent: object, _caption: str, _suggested: str, _filter: str) -> str:
        return targets.pop(0)

    window.exports.choose_path = choose
    for action_id in (ActionId.EXPORT_QDPX, ActionId.EXPORT_W3C):
        window.registry[action_id].trigger()
        qtbot.waitUntil(lambda: window.exports.task is None, timeout=10000)
        assert window.exports.last_message.startswith("Wrote "), window.exports.last_message
    assert (tmp_path / "p.qdpx").exists() and (tmp_path / "p.jsonld").exists()

    for name in ("p.qdpx", "p.jsonld"):
        target = tmp_path / f"{name}.hamish"
        Project.open(target).close()
        other = make_window(target)
        other.exchange_import.choose_path = lambda name=name: str(tmp_path / name)
        other.registry[ActionId.IMPORT_EXCHANGE].trigger()
        qtbot.waitUntil(lambda other=other: other.exchange_import.task is None, timeout=10000)
        assert messenger.infos[-1][1].startswith(f"Imported \u2066{name}\u2069: 6 articles")
        assert other.library.model.rowCount() == 6
        assert "6 articles" in other.status_project.text()  # not "No articles" still


def test_import_shows_what_was_left_out(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    path = tmp_path / "p.hamish"
    Project.open(path).close()
    window = make_window(path)
    window.exchange_import.import_file(foreign(tmp_path))
    qtbot.waitUntil(lambda: window.exchange_import.task is None, timeout=10000)
    text = messenger.infos[-1][1]
    assert "1 PDF source was not imported" in text  # one, in the singular
    window.exchange_import.import_file(tmp_path / "missing.qdpx")
    qtbot.waitUntil(lambda: window.exchange_import.task is None, timeout=10000)
    assert "does not exist" in messenger.errors[-1][1]
