"""The window survives hostile files (issue 13): a folder of bombs is imported in the
background through the reader process, each bomb is listed with the limit it hit, the good
file comes in, and the window goes on working."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.transfer.import_dialogs import ImportOutcome

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
ARTICLE = "مقال سليم\nقال المتحدث باسم الوزارة إن الاجتماع كان مثمراً جداً."


def test_a_folder_of_bombs_costs_the_window_nothing(
    make_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "work.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft("مقال أول\nنص المقال الأول.", title="الأول"))
    window = make_window(path)
    outcomes: list[ImportOutcome] = []
    window.importing.present_summary = outcomes.append
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("pdf_flate_bomb.pdf", "docx_zip_bomb.docx", "docx_lying_sizes.docx"):
        shutil.copy(HOSTILE / name, folder / name)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")

    window.importing.import_paths([folder])
    qtbot.waitUntil(lambda: not window.importing.busy, timeout=120_000)

    (outcome,) = outcomes
    assert [Path(file).name for file, _ in outcome.imported] == ["good.txt"]
    reasons = {Path(failure.path).name: failure.reason for failure in outcome.failed}
    assert "unpacks to more than 200 MB" in reasons["pdf_flate_bomb.pdf"]
    assert "unpacks to more than 32 MB" in reasons["docx_zip_bomb.docx"]
    assert "not a valid Word document" in reasons["docx_lying_sizes.docx"]
    assert window.project.documents.count() == 2
    assert window.library.proxy.rowCount() == 2
