"""The window's file dialogs never open the files they list (desktop/ui/widgets/files.py).

Qt's dialog guessed a ``.hamish``/``-wal``/``-shm`` file's type by reading it; closing that
descriptor dropped SQLite's POSIX locks on the open project, and the next program to open and
close the project deleted the window's write-ahead log: every later edit was lost.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.ops.articles import add_article
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.widgets.files import QuietIcons, file_dialog

ROOT = Path(__file__).resolve().parents[2]


def _open_and_close_elsewhere(path: Path) -> None:
    """What ``hamish list`` or ``sqlite3`` does: another process opens and closes it."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
        "c.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)


def _list_folder(dialog: QFileDialog, qtbot: QtBot, folder: Path) -> None:
    """Show ``dialog`` on ``folder`` until every file's icon and type were asked for."""
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    with qtbot.waitSignal(model.directoryLoaded, timeout=10_000):
        dialog.show()
    root = model.index(str(folder))
    names = set()
    for row in range(model.rowCount(root)):
        index = model.index(row, 0, root)
        model.data(index.siblingAtColumn(2))  # the Type column
        names.add(model.fileName(index))
    assert {"p.hamish", "p.hamish-wal", "p.hamish-shm"} <= names
    qtbot.wait(500)  # the gatherer thread fetches icons in the background
    dialog.close()


def test_a_dialog_on_the_projects_folder_keeps_its_log(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "p.hamish"
    with Project.open(path) as project:
        add_article(project, make_draft("نص عربي قصير عن جنيف", title="t"), "t")
        _open_and_close_elsewhere(path)
        wal = tmp_path / "p.hamish-wal"
        assert wal.exists()
        dialog = file_dialog(None, "x", str(tmp_path), "All files (*)")
        _list_folder(dialog, qtbot, tmp_path)
        dialog.deleteLater()
        _open_and_close_elsewhere(path)
        assert wal.exists(), "the window's write-ahead log was deleted under it"
        add_article(project, make_draft("نص ثان عن موسكو", title="u"), "t")
    with Project.open(path, create=False) as again:
        assert len(again.documents.summaries(None)) == 2


def test_types_come_from_the_name(tmp_path: Path) -> None:
    (tmp_path / "p.hamish").write_bytes(b"SQLite format 3\x00")
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    icons = QuietIcons()
    assert icons.type(QFileInfo(str(tmp_path / "p.hamish"))) == "HAMISH file"
    assert icons.type(QFileInfo(str(tmp_path / "notes"))) == "File"
    assert icons.type(QFileInfo(str(tmp_path))) == "Folder"
    assert not icons.icon(QFileInfo(str(tmp_path / "p.hamish"))).isNull()


def test_every_dialog_of_the_window_is_made_there() -> None:
    """No static ``QFileDialog.get…`` (Qt's provider, or a native dialog in this process)
    and no bare ``QFileDialog(`` outside desktop/ui/widgets/files.py."""
    pattern = re.compile(r"QFileDialog\.get\w+\(|QFileDialog\(")
    offenders = [
        str(source.relative_to(ROOT))
        for source in (ROOT / "desktop").rglob("*.py")
        if source.name != "files.py" and pattern.search(source.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_an_export_opens_where_an_analyst_would_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefs: Settings
) -> None:
    # Every first export opened in the home folder (a trial's briefing landed there).
    from desktop.paths import default_project_path
    from desktop.ui.transfer.save_paths import FOLDER_KEY, export_folder

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    work = tmp_path / "work"
    work.mkdir()
    project = work / "syria.hamish"
    assert export_folder(prefs, project) == work  # beside the project
    default = default_project_path()  # kept where Hamish keeps its data: not there
    assert export_folder(prefs, default) == home / "Documents"
    hidden = home / ".secret" / "p.hamish"
    hidden.parent.mkdir()
    assert export_folder(prefs, hidden) == home / "Documents"
    chosen = tmp_path / "briefings"
    chosen.mkdir()
    prefs.set_project_value(project, FOLDER_KEY, str(chosen))
    assert export_folder(prefs, project) == chosen  # the last export's folder first
    chosen.rmdir()
    assert export_folder(prefs, project) == work  # unless it is gone
