"""The briefing dialog and the file exports, driven through the window: Ctrl+E, scope and
sections, the outline preview, export in the background, cancel, open, remembered choices."""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.io.exporters import docx_report
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.transfer.briefing_dialog import ReportDialog
from tests.io.briefing_project import Briefing, build_briefing_project

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def setup(
    make_window: MakeWindow, tmp_path: Path
) -> tuple[MainWindow, Briefing, list[QUrl], list[str]]:
    path = tmp_path / "b.hamish"
    project, info = build_briefing_project(path)
    project.close()
    window = make_window(path)
    opened: list[QUrl] = []
    targets: list[str] = []
    window.exports.open_url = opened.append

    def choose(_parent: object, _caption: str, suggested: str, _filter: str) -> str:
        return targets.pop(0) if targets else ""

    window.exports.choose_path = choose
    return window, info, opened, targets


def open_dialog(window: MainWindow, qtbot: QtBot) -> ReportDialog:
    action = window.registry[ActionId.EXPORT_BRIEFING]
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    dialog = window.exports.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    return dialog


def outline(dialog: ReportDialog) -> list[str]:
    return [dialog.preview_list.item(i).text() for i in range(dialog.preview_list.count())]


def test_preview_and_export_in_the_background(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]], qtbot: QtBot, tmp_path: Path
) -> None:
    window, info, opened, targets = setup
    dialog = open_dialog(window, qtbot)
    assert outline(dialog)[1] == "الادعاءات الرئيسية — عدد الادعاءات: 7"  # whole project by default
    assert dialog.scope_buttons["current"].isEnabled()  # an article is open

    dialog.check_articles([info.wire, info.seeds[4]])
    assert dialog.scope_buttons["selected"].isChecked()
    dialog.set_sections(["claims", "contradictions", "sources"])
    dialog.section_list.setCurrentRow(2)  # sources
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.title_edit.setText("Putin and Kerry")
    dialog.summary_edit.setPlainText("الخلاصة: اللقاء عُقد.")
    assert dialog.summary_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_task is None and len(outline(dialog)) == 3)
    assert outline(dialog) == [
        "Key claims — 3 claims",
        "Sources — 2 sources",
        "Contradictions — 1 contradiction",
    ]

    target = tmp_path / "out" / "brief.docx"
    target.parent.mkdir()
    targets.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    assert target.exists() and dialog.open_button.isVisible()
    # The next briefing, in any project, opens there (desktop.settings.FOLDER_BRIEFING).
    assert window.prefs.get(settings.FOLDER_BRIEFING) == str(target.parent)
    # The file name is isolated (FSI … PDI) in the sentence: see test_bidi for Arabic names.
    assert "Wrote \u2066brief.docx\u2069: 3 claims, 1 contradiction, " in (
        dialog.status.currentMessage()
    )
    headings = [
        p.text for p in docx.Document(str(target)).paragraphs if p.style.name == "Heading 1"
    ]
    assert headings == ["Key claims", "Sources", "Contradictions"]
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(target))]

    # Remembered for this project: a new dialog comes back with the same choices.
    dialog.close()
    qtbot.waitUntil(lambda: window.exports.dialog is None)
    again = open_dialog(window, qtbot)
    chosen = again.options()
    assert chosen.title == "Putin and Kerry" and chosen.language == "en"
    assert chosen.scope.kind == "selected"
    assert set(chosen.scope.document_ids) == {info.wire, info.seeds[4]}
    assert chosen.sections == ("claims", "sources", "contradictions")
    assert chosen.summary == "الخلاصة: اللقاء عُقد."
    assert again.suggested_path().startswith(str(target.parent))


def test_the_outline_counts_the_summary_as_it_is_typed(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]], qtbot: QtBot
) -> None:
    # A trial typed a summary and the outline still said "paragraphs: 0".
    window, _info, _opened, _targets = setup
    dialog = open_dialog(window, qtbot)
    dialog.set_sections(["summary", "claims"])
    dialog.summary_edit.setPlainText("")
    qtbot.waitUntil(lambda: dialog.preview_task is None and len(outline(dialog)) == 2)
    assert outline(dialog)[0].endswith(": 0")
    dialog.summary_edit.insertPlainText("تتقدم المحادثات ببطء")  # typed, no button pressed
    qtbot.waitUntil(lambda: outline(dialog)[0].endswith(": 1"), timeout=5000)


def test_cancel_leaves_no_file(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _, _, targets = setup
    started = threading.Event()
    release = threading.Event()
    original = docx_report._Writer.excerpt

    def slow_excerpt(self: docx_report._Writer, excerpt: object) -> None:
        started.set()
        release.wait(5)
        original(self, excerpt)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_report._Writer, "excerpt", slow_excerpt)
    dialog = open_dialog(window, qtbot)
    target = tmp_path / "cancelled.docx"
    targets.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=10000)
    assert dialog.cancel_button.text() == "Cancel"
    # The window stays responsive while the report is being written.
    window.registry[ActionId.ZOOM_IN].trigger()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.status.currentMessage() == "Cancelled; no file was written."
    assert not target.exists() and list(tmp_path.glob(".cancelled.docx*")) == []
    assert dialog.isVisible() and dialog.cancel_button.text() == "Close"


def test_current_article_and_filter_scopes(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]], qtbot: QtBot
) -> None:
    window, info, _, _ = setup
    window.open_document(info.seeds[3])
    dialog = open_dialog(window, qtbot)
    dialog.set_scope("current")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_task is None)
    assert "الادعاءات الرئيسية — عدد الادعاءات: 3" in outline(dialog)
    assert "المصادر — عدد المصادر: 1" in outline(dialog)
    dialog.status_filter.setCurrentIndex(dialog.status_filter.findData("refuted"))
    assert dialog.scope_buttons["filter"].isChecked()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_task is None)
    assert "الادعاءات الرئيسية — عدد الادعاءات: 1" in outline(dialog)


def test_nothing_to_export_is_explained(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]],
    qtbot: QtBot,
    messenger: RecordingMessenger,
) -> None:
    window, _, _, targets = setup
    dialog = open_dialog(window, qtbot)
    dialog.set_scope("selected")
    dialog.check_articles([])
    targets.append("/never/used.docx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert messenger.errors[-1][1] == "Tick at least one article."
    assert dialog.task is None and targets == ["/never/used.docx"]


def test_csv_and_json_exports_from_the_file_menu(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]], qtbot: QtBot, tmp_path: Path
) -> None:
    window, _, _, targets = setup
    for action_id, name in (
        (ActionId.EXPORT_ANNOTATIONS_CSV, "a.csv"),
        (ActionId.EXPORT_CLAIMS_CSV, "c"),
        (ActionId.EXPORT_JSON, "p.json"),
    ):
        targets.append(str(tmp_path / name))
        window.registry[action_id].trigger()
        qtbot.waitUntil(lambda: window.exports.task is None, timeout=10000)
    assert window.exports.last_message.startswith("Wrote \u2066p.json\u2069: 7 articles")
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with (tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 7
    assert (tmp_path / "p.json").exists()


def test_marking_presets_follow_the_report_language(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """The presets are printed on the report: offered in its language, a chosen one swapped
    for its counterpart, a typed one kept."""
    window = make_window(default_project)
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    box = dialog.marking_box
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    box.setCurrentIndex(box.findText("سري"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert [box.itemText(i) for i in range(box.count())][:4] == [
        "For internal use only",
        "Confidential",
        "Secret",
        "Unclassified",
    ]
    assert box.currentText() == "Confidential"
    box.setEditText("Eyes only: desk 4")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    assert box.itemText(0) == "للاستخدام الداخلي"
    assert box.currentText() == "Eyes only: desk 4"
    dialog.close()


def test_the_dialog_fits_a_small_screen_with_its_buttons_showing(
    setup: tuple[MainWindow, Briefing, list[QUrl], list[str]], qtbot: QtBot
) -> None:
    # It always opened at 980×720: on a 1024×640 laptop screen Export and Close lay below
    # the screen's edge (a trial; without a window manager nothing could move it up).
    window = setup[0]
    dialog = open_dialog(window, qtbot)
    screen = dialog.screen().availableGeometry()
    assert screen.height() < 720 or screen.width() < 980  # the offscreen screen is small
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    for button in (dialog.export_button, dialog.cancel_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)
    assert dialog.article_list.height() >= dialog.article_list.fontMetrics().height() * 4
