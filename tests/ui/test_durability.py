"""An edit that shows is on disk: SIGKILL the program right after it and the edit is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from desktop.core.text import make_draft
from desktop.store.project import Project

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from desktop.app import create_application
    from desktop.settings import Settings
    from desktop.store.project import Project
    from desktop.ui.shell.mainwindow import MainWindow
    from desktop.ui.shell.messages import DialogMessenger

    app = create_application()
    project = Project.open(sys.argv[1], create=False)
    window = MainWindow(project, Settings.at(Path(sys.argv[2])), DialogMessenger())
    window.show()
    window.activateWindow()
    app.processEvents()
    text = window.reader.text
    start = text.text_cp.index("لافروف")
    text.select_cp(start, start + len("لافروف"))
    text.setFocus()
    QTest.keyClick(text, Qt.Key.Key_1)
    app.processEvents()
    print("shown", len(window.annotation_model.annotations()), flush=True)
    if sys.argv[3] == "undo-tag":
        QTest.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        app.processEvents()
        print("shown", len(window.annotation_model.annotations()), flush=True)
    time.sleep(600)
    """
)


def _run_and_kill(tmp_path: Path, mode: str) -> list[str]:
    script = tmp_path / "edit.py"
    script.write_text(SCRIPT, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "p.hamish"), str(tmp_path / "s.ini"), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    lines = [proc.stdout.readline().strip()]
    if mode == "undo-tag":
        lines.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return lines


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.hamish"
    with Project.open(path) as project:
        project.documents.add(
            make_draft("وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة.")
        )
    return path


def test_tag_survives_sigkill(tmp_path: Path) -> None:
    path = _project(tmp_path)
    assert _run_and_kill(tmp_path, "tag") == ["shown 1"]
    with Project.open(path, create=False) as project:
        (annotation,) = project.annotations.for_document(1)
        assert annotation.quote == "لافروف"


def test_undo_survives_sigkill(tmp_path: Path) -> None:
    path = _project(tmp_path)
    assert _run_and_kill(tmp_path, "undo-tag") == ["shown 1", "shown 0"]
    with Project.open(path, create=False) as project:
        assert project.annotations.for_document(1) == []


def test_the_article_read_is_remembered_when_it_opens_not_only_at_close(
    make_window: Callable[..., object], prefs: object, tmp_path: Path
) -> None:
    """A trial killed the window while reading one article; the next start opened the one
    read before it (the last article was written only when the window closed)."""
    from desktop.settings import Settings
    from desktop.ui.shell.mainwindow import LAST_DOCUMENT, MainWindow

    path = tmp_path / "p.hamish"
    with Project.open(path) as project:
        ids = [
            project.documents.add(make_draft(f"نص المقال {n}.", title=f"مقال {n}")) for n in (1, 2)
        ]
    window = make_window(path)
    assert isinstance(window, MainWindow) and isinstance(prefs, Settings)
    for document_id in ids:
        window.open_document(document_id)
        assert int(prefs.project_value(path, LAST_DOCUMENT)) == document_id
