"""Each kind of file dialog opens where the analyst last was in a dialog of that kind — in
every project and after a restart — not in the home folder each time (an analyst importing
from one folder all day walked there from home for every batch)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.settings import Settings
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.widgets import files

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


def test_a_folder_gone_since_opens_its_nearest_parent_then_home(
    tmp_path: Path, home: Path, prefs: Settings
) -> None:
    kind = settings.FOLDER_IMPORT_ARTICLES
    assert files.start_folder(prefs, kind) == home  # never chosen
    assert files.start_folder(prefs, kind, fallback=tmp_path) == tmp_path
    assert files.start_folder(prefs, kind, fallback=tmp_path / "nowhere") == home
    batch = tmp_path / "wires" / "monday"
    batch.mkdir(parents=True)
    files.remember_folder(prefs, kind, batch / "a.txt")  # a file: its folder
    assert files.start_folder(prefs, kind, fallback=home) == batch
    files.remember_folder(prefs, kind, batch)  # a folder: itself
    assert prefs.get(kind) == str(batch)
    batch.rmdir()
    assert files.start_folder(prefs, kind) == tmp_path / "wires"
    prefs.set(kind, "relative/folder")  # a hand-edited file
    assert files.start_folder(prefs, kind) == home
    prefs.set(kind, "/no-such-top-folder/x")  # only the root is left: not a place to start
    assert files.start_folder(prefs, kind) == home


def test_every_kind_of_dialog_opens_where_its_kind_was_left(
    make_window: MakeWindow,
    tmp_path: Path,
    home: Path,
    prefs: Settings,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    opened: list[Path] = []
    answers: list[list[str]] = []

    def run(dialog: object) -> list[str]:  # the dialog as it would show, never shown
        opened.append(Path(dialog.directory().absolutePath()))  # type: ignore[attr-defined]
        dialog.deleteLater()  # type: ignore[attr-defined]
        return answers.pop(0)

    monkeypatch.setattr(files, "_run", run)
    folders = {name: tmp_path / name for name in ("wires", "batches", "inception", "projects")}
    for folder in folders.values():
        folder.mkdir()
    (folders["batches"] / "monday").mkdir()
    projects = tmp_path / "mine"
    projects.mkdir()
    window = make_window(projects / "a.hamish")
    picked: list[object] = []
    window.importing.import_paths = picked.append  # type: ignore[method-assign]
    window.importing.import_exchange = lambda path, fmt: picked.append(path)  # type: ignore[method-assign]
    window.exchange_import.import_file = picked.append  # type: ignore[method-assign]
    window.switch_project = lambda path, create: picked.append(path) or False  # type: ignore[method-assign]

    def ask(dialog: Callable[[], object], answer: str) -> Path:
        """Open one dialog, answer it, and say where it opened."""
        answers.append([answer] if answer else [])  # "" cancels
        dialog()
        return opened[-1]

    importing = window.importing
    # First time: home (the projects' dialogs: the open project's folder), then where left.
    assert ask(importing.choose_files, str(folders["wires"] / "1.txt")) == home
    assert ask(importing.choose_files, "") == folders["wires"]
    assert ask(importing.choose_folder, str(folders["batches"] / "monday")) == home
    assert ask(importing.choose_folder, "") == folders["batches"] / "monday"
    assert (
        ask(lambda: importing.choose_exchange("xmi"), str(folders["inception"] / "i.zip")) == home
    )
    assert ask(lambda: importing.choose_exchange("brat"), "") == folders["inception"]
    assert ask(window.exchange_import.choose, "") == folders["inception"]  # QDPX, W3C
    assert ask(window.choose_project, str(folders["projects"] / "b.hamish")) == projects
    assert ask(window.choose_new_project, "") == folders["projects"]
    assert ask(importing.choose_files, "") == folders["wires"]  # each kind its own

    # Exports: where the last export of the kind went, in another project too.
    exported: list[Path] = []

    def choose(_parent: object, _caption: str, suggested: str, _filter: str) -> str:
        exported.append(Path(suggested).parent)
        return str(folders["wires"] / "out.json") if len(exported) == 1 else ""

    window.exports.choose_path = choose
    window.exports.export_file("json")
    qtbot.waitUntil(lambda: window.exports.task is None, timeout=10000)
    assert (folders["wires"] / "out.json").is_file()
    window.figure_export.choose_path = choose
    window.figure_export.choose_figure = lambda keys: keys[0]
    window.figure_export.export()  # a figure is not an export of data: its own kind
    prefs.set(settings.FOLDER_BRIEFING, str(folders["inception"]))
    briefing = Path(window.exports.open_briefing().suggested_path()).parent
    window.exports.dialog.close()  # type: ignore[union-attr]
    prefs.sync()
    assert exported == [projects, projects]
    assert briefing == folders["inception"]

    # After a restart, in another project: the same folders.
    others = tmp_path / "others"
    others.mkdir()
    again = make_window(others / "c.hamish", Settings.at(tmp_path / "settings.ini"))
    again.importing.import_paths = picked.append  # type: ignore[method-assign]
    assert ask(again.importing.choose_files, "") == folders["wires"]
    assert ask(again.choose_project, "") == folders["projects"]
    again.exports.choose_path = choose
    again.exports.export_file("json")
    assert exported[-1] == folders["wires"]
    assert picked == [
        [str(folders["wires"] / "1.txt")],
        [str(folders["batches"] / "monday")],
        folders["inception"] / "i.zip",
        folders["projects"] / "b.hamish",
    ]
