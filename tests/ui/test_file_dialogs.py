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
from PySide6.QtCore import QFileInfo, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
)
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


def test_types_come_from_the_name(tmp_path: Path, qapp: QApplication) -> None:
    # An icon needs the application: run first in a process without one, this crashed.
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


def _words(style: QStyle, rtl_painter: bool, text: str) -> QImage:
    """``text`` drawn by ``style`` left-aligned, the painter in the application's direction
    (``rtl_painter``), as a combo box paints its current text."""
    image = QImage(400, 30, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl_painter else Qt.LayoutDirection.LeftToRight
    )
    style.drawItemText(
        painter,
        QRect(0, 0, 400, 30),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        QPalette(),
        True,
        text,
    )
    painter.end()
    return image


def test_an_arabic_dialog_reads_paths_sizes_and_its_labels_whole(
    arabic: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """A trial's Arabic dialog: "look in" read «tmp/…/home/», sizes and types «iB…٤٨» and
    «مل…CX», and the labels «يوع الملفات:», «ايم الملفّ:» (Qt's mnemonic mark on an Arabic
    letter: its underline cut the letter from its word)."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "report.docx").write_bytes(b"x" * 40_000)
    dialog = file_dialog(None, "x", str(folder), "Word (*.docx)")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    with qtbot.waitSignal(model.directoryLoaded, timeout=10_000):
        dialog.show()
    assert dialog.isRightToLeft()
    # The path: the combo box paints its text in the application's direction.
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    assert look_in is not None
    path = "/tmp/x/home"
    assert _words(look_in.style(), True, path) == _words(QApplication.style(), False, path)
    assert _words(QApplication.style(), True, path) != _words(QApplication.style(), False, path)
    # Size, type and date cells: each in its own direction, and whole.
    details = dialog.findChild(QTreeView, "treeView")
    assert details is not None
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) == 1)
    row = model.index(0, 0, model.index(str(folder)))
    metrics = details.fontMetrics()
    need: dict[int, int] = {}
    for column in (1, 2, 3):
        index = row.siblingAtColumn(column)
        option = QStyleOptionViewItem()
        delegate = details.itemDelegateForIndex(index)
        delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
        text = str(index.data())
        assert option.text.startswith(("\u2066", "\u2068")) and text in option.text, column
        need[column] = metrics.horizontalAdvance(text) + 12  # and the item's margins
    # Whole once the view has laid its rows out (Qt's widths cut them).
    qtbot.waitUntil(lambda: all(details.columnWidth(c) >= n for c, n in need.items()))
    # The labels whole: no mnemonic mark on an Arabic letter.
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert {"lookInLabel", "fileNameLabel", "fileTypeLabel"} <= set(labels)
    assert not any(re.search("&[\u0600-\u06ff]", text) for text in labels.values()), labels
    dialog.close()
    dialog.deleteLater()
