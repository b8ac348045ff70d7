from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.settings import Settings
from desktop.store import schema
from desktop.store.project import Project
from desktop.ui.library.dock import ID_ROLE
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import DOCK_MIN_WIDTH, MainWindow

from .conftest import RecordingMessenger, type_text

MakeWindow = Callable[..., MainWindow]


def _x_of(window: MainWindow, position: int) -> int:
    cursor = QTextCursor(window.reader.text.document())
    cursor.setPosition(position)
    return window.reader.text.cursorRect(cursor).center().x()


def test_opens_on_the_default_project_with_the_seeds(
    make_window: MakeWindow, default_project: Path
) -> None:
    window = make_window(default_project)
    view = window.library.view
    assert view.model().rowCount() == 5
    titles = {view.model().index(r, 0).data() for r in range(5)}
    assert "كيري ولافروف يبدآن محادثات جديدة في جنيف بشأن سورية" in titles
    # The first article is open, right to left, with its text as stored.
    assert window.reader.document_id is not None
    doc = window.project.documents.get(window.reader.document_id)
    assert window.reader.text.toPlainText() == doc.text
    option = window.reader.text.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert window.reader.text.isReadOnly()
    assert "Hamish" in window.windowTitle()


def test_selecting_a_document_shows_it_right_to_left(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    view = window.library.view
    target = view.model().index(3, 0)
    rect = view.visualRect(target)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    doc_id = target.data(ID_ROLE)
    assert window.reader.document_id == doc_id
    text = window.project.documents.get(doc_id).text
    assert window.reader.text.toPlainText() == text
    viewport = window.reader.text.viewport().width()
    # Right to left: the first letter sits at the right edge, the end of the line further left.
    first = _x_of(window, 0)
    assert first > viewport * 0.8
    assert _x_of(window, 20) < first
    # Latin inside Arabic keeps its own left-to-right order.
    start = text.find("Russia-Now.com")
    if start >= 0:
        # (positions inside the run: at a bidi boundary the caret has two candidate places)
        assert _x_of(window, start + 1) < _x_of(window, start + len("Russia-No"))


def test_english_article_is_left_to_right(make_window: MakeWindow, tmp_path: Path) -> None:
    path = tmp_path / "en.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft("The talks in Geneva went on for hours.\nSecond line."))
    window = make_window(path)
    option = window.reader.text.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.LeftToRight
    assert _x_of(window, 0) < window.reader.text.viewport().width() * 0.2


def test_zoom_keys_and_memory(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot, prefs: Settings
) -> None:
    window = make_window(default_project)
    size = window.reader.text.font().pointSizeF()
    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.text.font().pointSizeF() == size + 2
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.text.font().pointSizeF() == size + 1
    # Open another document, then close: zoom and document come back in a new window.
    view = window.library.view
    second = view.model().index(2, 0)
    view.setCurrentIndex(second)
    chosen = second.data(ID_ROLE)
    assert window.reader.document_id == chosen
    window.close()
    again = make_window(default_project, prefs)
    assert again.reader.document_id == chosen
    assert again.reader.text.font().pointSizeF() == size + 1
    qtbot.keyClick(again.reader.text, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.reader.text.font().pointSizeF() == size


def test_filter_box_folds_arabic(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    box = window.library.filter_edit
    type_text(box, "لافروف")  # in two titles, and in the text of two more articles
    assert window.library.proxy.rowCount() == 4
    box.clear()
    type_text(box, "الأزمة")  # a title and one more article have الأزمة; without hamza too
    with_hamza = window.library.proxy.rowCount()
    box.clear()
    type_text(box, "الازمة")
    assert window.library.proxy.rowCount() == with_hamza == 2
    box.clear()
    assert window.library.proxy.rowCount() == 5


def test_down_in_the_filter_opens_the_first_article_it_lists(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """A trial typed a name in the filter, pressed Down and Enter: nothing opened, and the
    reader kept an article the filter hid."""
    window = make_window(default_project)
    box = window.library.filter_edit
    type_text(box, "جيفري")
    proxy = window.library.proxy
    assert proxy.rowCount() >= 1
    first = proxy.index(0, 0).data(ID_ROLE)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.library.view.hasFocus()  # the keyboard in the list, to go on with Down
    assert window.library.view.currentIndex().row() == 0
    assert window.reader.document_id == first


def test_import_updates_library_and_reports_bad_files(
    make_window: MakeWindow, default_project: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    good = tmp_path / "good.txt"
    good.write_text("بيان الخارجية\nأعلنت الوزارة اليوم عن جولة جديدة.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary" * 20)
    window.import_files([str(good), str(bad)])  # in the background (ui/importing.py)
    qtbot.waitUntil(lambda: window.importing.last_outcome is not None, timeout=15000)
    outcome = window.importing.last_outcome
    assert len(outcome.imported) == 1 and len(outcome.failed) == 1
    assert window.library.proxy.rowCount() == 6
    assert window.reader.title.text() == "بيان الخارجية"
    assert "bad.txt is a binary file" in outcome.as_text()
    assert bad.read_bytes() == b"\x00\x01binary" * 20


def test_opening_a_bad_project_keeps_the_current_one(
    make_window: MakeWindow, default_project: Path, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    window = make_window(default_project)
    not_project = tmp_path / "notes.txt"
    not_project.write_text("hello", encoding="utf-8")
    assert not window.switch_project(not_project, create=False)
    assert "not a Hamish project" in messenger.errors[-1][1]
    future = tmp_path / "future.hamish"
    with Project.open(future):
        pass
    conn = sqlite3.connect(future)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    assert not window.switch_project(future, create=False)
    assert "newer version" in messenger.errors[-1][1]
    assert window.project.path == default_project
    assert window.library.proxy.rowCount() == 5
    assert window.project.documents.count() == 5  # still open and usable


def test_new_empty_project_shows_a_hint(
    make_window: MakeWindow, default_project: Path, tmp_path: Path
) -> None:
    window = make_window(default_project)
    assert window.switch_project(tmp_path / "empty.hamish", create=True)
    assert window.library.proxy.rowCount() == 0
    assert window.reader.currentWidget() is window.reader.empty
    assert window.registry[ActionId.IMPORT_FILES].shortcut().toString() == "Ctrl+I"


def test_toolbar_and_menus_have_icons(make_window: MakeWindow, default_project: Path) -> None:
    window = make_window(default_project)
    for action in window.registry.all():
        assert not action.icon().isNull(), action.text()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Article", "&Tag", "&View", "&Help"]
    assert window.toolbar.actions()


def test_reader_click_selects_text_not_edits(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    text = window.reader.text
    before = text.toPlainText()
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 40))
    qtbot.keyClicks(text, "abc")
    assert text.toPlainText() == before


def test_short_arabic_lines_sit_at_the_right_edge(make_window: MakeWindow, tmp_path: Path) -> None:
    path = tmp_path / "short.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft("عنوان قصير\nسطر قصير آخر.\nنهاية"))
    window = make_window(path)
    width = window.reader.text.viewport().width()
    text = window.reader.text.text_cp
    for line_start in (0, text.index("سطر"), text.index("نهاية")):
        assert _x_of(window, line_start) > width * 0.8


def test_first_window_fits_the_screen_and_keeps_the_article_widest(
    qtbot: QtBot, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    window = MainWindow(Project.open(default_project), prefs, messenger)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()  # 800×800 on the offscreen platform
    assert window.width() <= screen.width() and window.height() <= screen.height()
    for width, side in ((1024, 240), (1600, 340)):
        window.resize(width, 700)
        window.fit_docks()
        window.show()
        qtbot.waitUntil(lambda side=side: abs(window.library.width() - side) <= 8)
        assert abs(window.annotations.width() - side) <= 8
        assert window.reader.width() >= width / 2
    # Under 1000 px the panels give up width below 240 until the article has half.
    window.resize(900, 700)
    window.fit_docks()
    qtbot.waitUntil(lambda: window.reader.width() >= 450)
    for dock in (window.library, window.annotations):
        assert DOCK_MIN_WIDTH <= dock.width() < 240
    window.close()


def test_the_view_menu_shows_the_keys_that_bring_a_panel_forward(
    make_window: MakeWindow, default_project: Path
) -> None:
    # A trial found Ctrl+Shift+N and Ctrl+Shift+C nowhere in the View menu.
    from PySide6.QtGui import QKeySequence

    window = make_window(default_project)
    window.finish_setup()
    entities = window.entities.toggleViewAction()
    assert entities.text().endswith("\tCtrl+Shift+N")
    assert window.claims_table.toggleViewAction().text().endswith("\tCtrl+Shift+C")
    assert entities.shortcut().isEmpty()  # the keys stay the window's: they never hide it
    window.registry[ActionId.SHOW_ENTITIES].setShortcut(QKeySequence("Ctrl+Alt+E"))
    assert entities.text().endswith("\tCtrl+Alt+E")
    window.registry[ActionId.SHOW_ENTITIES].setShortcut(QKeySequence())
    assert "\t" not in entities.text()
