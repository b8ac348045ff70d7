"""The Search dock, the library filter through the index, and find-in-article with proclitics,
driven the way an analyst does: keys, typing with a pause, clicking results."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.ops.entities import edit_entity
from desktop.store.project import Project
from desktop.ui.search.catchup import IndexCatchUp
from desktop.ui.search.panel import DEBOUNCE_MS, HTML_ROLE, SearchPanel
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger, type_text

MakeWindow = Callable[..., MainWindow]
DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "search.hamish"
    with Project.open(path) as project, project.database.transaction():
        project.documents.add(
            make_draft(
                "وقال كيري إن المحادثات مستمرة.\nوأكد لكيري نظيره الروسي أن الأسد باق.",
                title="كيري في موسكو",
                source="الحياة",
                published="2016-07-15",
            )
        )
        project.documents.add(
            make_draft(
                "التقى لافروف وزير الخارجية في جنيف. <b>كيري</b> & غيره لم يحضروا.",
                title="لافروف في جنيف",
                source="الشرق الأوسط",
                published="2016-09-09",
            )
        )
        project.documents.add(
            make_draft("الأزمة السورية مستمرة في سورية.", title="الأزمة", source="الحياة")
        )
    return path


def open_search(window: MainWindow, qtbot: QtBot) -> SearchPanel:
    window.reader.text.setFocus()
    qtbot.keyClick(
        window.reader.text,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.search_panel
    assert panel.isVisible()
    assert panel.query_edit.hasFocus()
    return panel


def search(panel: SearchPanel, qtbot: QtBot, text: str) -> None:
    panel.query_edit.clear()
    type_text(panel.query_edit, text)
    assert panel.timer.isActive()  # debounced: nothing runs per keystroke
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)


def titles(panel: SearchPanel) -> list[str]:
    model = panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_search_shows_grouped_highlighted_results(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot
) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    assert panel.status.text() == "2 articles match"
    assert titles(panel) == ["كيري في موسكو", "لافروف في جنيف"]
    model = panel.model
    first = model.index(0, 0)
    assert model.rowCount(first) == 2  # a snippet never crosses a paragraph
    html = model.index(1, 0, first).data(HTML_ROLE)
    assert html.count("<span") == 1 and "لكيري" not in html and ">كيري</span>" in html
    assert "ل<span" in html  # the proclitic is left outside the mark
    title_html = first.data(HTML_ROLE)
    assert ">كيري</span>" in title_html and "2 matches" in title_html
    assert panel.view.isExpanded(first)


def test_article_text_is_escaped(make_window: MakeWindow, corpus: Path, qtbot: QtBot) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "غيره")
    (hit,) = panel.model.hits
    html = panel.model.index(0, 0, panel.model.index(0, 0)).data(HTML_ROLE)
    assert "&lt;b&gt;" in html and "&amp;" in html and "<b>كيري" not in html
    assert hit.document_id == 2


def test_refining_updates_rows_without_a_reset(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot
) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "مستمرة")
    assert set(titles(panel)) == {"كيري في موسكو", "الأزمة"}
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    row = titles(panel).index("كيري في موسكو")
    persistent = QPersistentModelIndex(panel.model.index(row, 0))
    search(panel, qtbot, "مستمرة كيري")
    assert titles(panel) == ["كيري في موسكو"]
    assert persistent.isValid() and persistent.data() == "كيري في موسكو"
    assert not resets


def test_malformed_query_shows_a_reason(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    search(panel, qtbot, '"كيري')
    assert "quotation mark is not closed" in panel.status.text()
    assert panel.error
    assert panel.model.rowCount() == 2  # the previous results stay until the query is fixed
    search(panel, qtbot, "NOT كيري")
    assert "NOT needs a word before it" in panel.status.text()
    assert not messenger.errors


def test_opening_a_result_selects_the_match(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot
) -> None:
    window = make_window(corpus)
    window.open_document(3)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    second = panel.model.index(1, 0)
    snippet = panel.model.index(0, 0, second)
    panel.view.setFocus()
    panel.view.setCurrentIndex(snippet)
    assert window.reader.document_id == 2
    text = window.reader.text
    start, end = text.selection_cp()
    assert text.text_cp[start:end] == "كيري"
    assert text._flash  # flashed so the eye finds it
    assert panel.view.hasFocus()  # browsing with the arrows keeps the focus in the list
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)  # to the article row: its first match
    assert window.reader.document_id == 2
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)  # the last snippet of the first article
    assert window.reader.document_id == 1
    start, end = text.selection_cp()
    assert text.text_cp[start:end] == "كيري" and text.text_cp[start - 1] == "ل"
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert text.hasFocus()  # Enter hands over to the reader, ready to tag


def test_keyboard_flow_from_the_query(make_window: MakeWindow, corpus: Path, qtbot: QtBot) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    type_text(panel.query_edit, "لافروف")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)  # Enter searches at once
    assert not panel.timer.isActive() and titles(panel) == ["لافروف في جنيف"]
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    assert panel.view.hasFocus() and window.reader.document_id == 2
    panel.query_edit.setFocus()
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Escape)
    assert window.reader.text.hasFocus()


def test_filters_restrict_results(make_window: MakeWindow, corpus: Path, qtbot: QtBot) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "في")
    assert len(titles(panel)) == 3
    panel.filter_button.click()
    assert panel.filter_frame.isVisible()
    panel.source_combo.setCurrentIndex(panel.source_combo.findData("الحياة"))
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert set(titles(panel)) == {"كيري في موسكو", "الأزمة"}
    assert panel.filter_button.text() == "Filters (1)"
    panel.date_from.setDate(panel.date_from.date().fromString("2016-01-01", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert titles(panel) == ["كيري في موسكو"]  # the other has no publication date
    panel.clear_filters()
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert len(titles(panel)) == 3


def test_results_follow_imports(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    assert len(titles(panel)) == 2
    new = tmp_path / "new.txt"
    new.write_text("خبر جديد\nوصل وكيري الخارجية إلى القاهرة.", encoding="utf-8")
    window.import_files([str(new)])  # in the background, on its own connection
    qtbot.waitUntil(lambda: len(titles(panel)) == 3, timeout=15000)
    assert "خبر جديد" in titles(panel)


def test_library_filter_uses_the_index(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(corpus)
    box = window.library.filter_edit
    type_text(box, "نظيره")  # only in the text of the first article, not in any title
    assert window.library.proxy.rowCount() == 1
    assert window.library.proxy.index(0, 0).data() == "كيري في موسكو"
    box.clear()
    type_text(box, "لافر")  # the word still being typed counts as a prefix
    assert window.library.proxy.rowCount() == 1
    box.clear()
    type_text(box, "سورية")
    assert window.library.proxy.rowCount() == 1
    box.clear()
    type_text(box, 'الأزمة "مستمر')  # unclosed quote while typing: still filters
    assert window.library.proxy.rowCount() == 1
    box.clear()
    type_text(box, "القاهرة")
    assert window.library.proxy.rowCount() == 0
    new = tmp_path / "cairo.txt"
    new.write_text("خبر\nوصل الوفد إلى القاهرة.", encoding="utf-8")
    window.import_files([str(new)])  # in the background
    qtbot.waitUntil(lambda: window.importing.last_outcome is not None, timeout=15000)
    assert window.library.proxy.rowCount() == 1  # an import while filtering shows up
    box.clear()
    assert window.library.proxy.rowCount() == 4


def test_find_in_article_looks_through_proclitics(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "find.hamish"
    body = "قال كيري إن لكيري ووكيري رأيا. والسورية سورية. وللأسد الأسد أنصار."
    with Project.open(path) as project:
        project.documents.add(make_draft(body, title="مقال"))
    window = make_window(path)
    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    type_text(bar.edit, "كيري")
    assert [body[s:e] for s, e in bar.matches] == ["كيري"] * 3
    assert [body[s - 1] for s, _ in bar.matches] == [" ", "ل", "و"]
    assert bar.count.text() == "1 of 3"
    bar.edit.clear()
    type_text(bar.edit, "الأسد")
    assert [body[s:e] for s, e in bar.matches] == ["لأسد", "الأسد"]  # للأسد: stem after ل
    bar.edit.clear()
    type_text(bar.edit, "سورية")
    assert len(bar.matches) == 2  # as you type: inside السورية too
    bar.whole_words.click()
    assert [body[s - 1] for s, _ in bar.matches] == [" "]  # whole words: not السورية
    assert bar.count.text() == "1 of 1"
    assert len(window.reader.text.extraSelections()) >= 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "1 of 1"


def test_panel_follows_project_switch(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    assert panel.model.rowCount() == 2
    other = tmp_path / "other.hamish"
    with Project.open(other) as project:
        project.documents.add(make_draft("لا شيء هنا عن الوزير.", title="آخر"))
    assert window.switch_project(other, create=False)
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "No article matches."
    assert panel.model.index(0, 0) == QModelIndex()


def test_closing_with_a_search_pending(make_window: MakeWindow, corpus: Path, qtbot: QtBot) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    type_text(panel.query_edit, "كيري")
    assert panel.timer.isActive()
    window.close()  # closes the project
    assert not panel.timer.isActive()  # so the pending search never runs against it


def _stale_corpus(path: Path, articles: int) -> None:
    """A project whose index was built by another fold version: every article must be
    indexed again, as after a Python upgrade brings a new Unicode version."""
    with Project.open(path) as project, project.database.transaction():
        for n in range(articles):
            word = "كيري" if n % 2 else "لافروف"
            project.documents.add(
                make_draft(f"قال {word} في الاجتماع رقم {n}.", title=f"خبر {n}", source="الحياة")
            )
    with Project.open(path, create=False) as project:
        project.search.invalidate()


@pytest.fixture(autouse=True)
def _small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Steps of 10 articles, so a backlog of 1,500 takes the worker well over a second and the
    tests can watch it run (and stop it)."""
    from desktop.ui.search import catchup

    monkeypatch.setattr(catchup, "STEP_DOCUMENTS", 10)


def _open_upgraded(
    make_window: MakeWindow, tmp_path: Path, articles: int
) -> tuple[MainWindow, IndexCatchUp]:
    path = tmp_path / "upgraded.hamish"
    _stale_corpus(path, articles)
    window = make_window(path)
    catch_up = window.search_panel.catch_up
    assert catch_up is not None and catch_up.running
    return window, catch_up


def test_a_large_index_backlog_is_worked_off_in_steps_after_opening(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window, catch_up = _open_upgraded(make_window, tmp_path, 1_500)
    finished: list[bool] = []
    catch_up.finished.connect(lambda: finished.append(True))
    store = window.project.search
    assert store.catching_up
    qtbot.waitUntil(lambda: 0 < catch_up.remaining < 1_500)
    assert catch_up.label.isVisible()
    assert "Indexing for search" in catch_up.label.text()

    # A search meanwhile answers at once from what is indexed, and says it is partial.
    panel = open_search(window, qtbot)
    type_text(panel.query_edit, "كيري")
    panel.run_now()
    assert 0 < panel.total < 750
    assert "still indexing" in panel.status.text()
    # An edit indexes its own article and leaves the backlog to the catch-up.
    window.project.documents.update_metadata(1_500, title="كيري في موسكو")
    assert catch_up.running and store.pending() > 0

    qtbot.waitUntil(lambda: not catch_up.running, timeout=30_000)
    assert finished == [True] and not store.catching_up
    assert store.pending() == 0 and not catch_up.label.isVisible()
    # The open search is run again over the whole index.
    qtbot.waitUntil(lambda: panel.total == 750)
    assert "still indexing" not in panel.status.text()
    assert store.matching_ids("لافروف") == set(range(1, 1_501, 2))


def test_the_backlog_is_indexed_off_the_gui_thread(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every step of the rebuild after an upgrade runs in a worker thread, never the GUI's."""
    import threading

    from desktop.store import search

    threads: set[threading.Thread] = set()
    real = search.sync_index

    def spy(conn: Any, **kwargs: Any) -> int:
        if kwargs.get("limit") is not None:  # the catch-up's steps (an edit passes only=)
            threads.add(threading.current_thread())
        return real(conn, **kwargs)

    monkeypatch.setattr(search, "sync_index", spy)
    window, catch_up = _open_upgraded(make_window, tmp_path, 1_200)
    qtbot.waitUntil(lambda: not catch_up.running, timeout=60_000)
    assert threads and threading.main_thread() not in threads
    assert window.project.search.pending() == 0
    assert len(window.project.search.matching_ids("كيري")) == 600


def test_closing_the_window_stops_the_catch_up(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.search import catchup

    # A long pause between steps: on a fast machine the six steps of 1,200 articles were all
    # done before the window closed, and nothing was left to wait (a flaky test, seen in CI).
    monkeypatch.setattr(catchup, "GAP_MS", 2_000)
    window, catch_up = _open_upgraded(make_window, tmp_path, 1_200)
    window.close()
    assert not catch_up.running and not catch_up.timer.isActive()
    qtbot.wait(50)  # no step runs on the closed project (it would raise here)
    with Project.open(window.project.path, create=False) as project:
        left = project.search.pending()
        assert 0 < left <= 1_200  # the rest waits for the next search or launch
        assert len(project.search.matching_ids("كيري")) == 600
        assert project.search.pending() == 0


def test_a_small_backlog_is_left_to_the_next_search(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "small.hamish"
    _stale_corpus(path, 20)
    window = make_window(path)
    assert window.search_panel.catch_up is not None
    assert not window.search_panel.catch_up.running
    assert window.project.search.matching_ids("كيري") == set(range(2, 21, 2))


def test_a_project_that_cannot_be_written_stops_the_catch_up_at_once(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only or locked file makes no progress: the catch-up must stop (not spin) and
    searches fall back to indexing what they can themselves."""
    from desktop.store.search import SearchStore

    calls: list[int] = []

    def stuck(self: SearchStore, limit: int, max_chars: int = 0) -> int:
        calls.append(limit)
        return self.backlog()

    monkeypatch.setattr(SearchStore, "sync_some", stuck)
    path = tmp_path / "upgraded.hamish"
    _stale_corpus(path, 1_200)
    window = make_window(path)
    catch_up = window.search_panel.catch_up
    assert catch_up is not None
    qtbot.waitUntil(lambda: bool(calls) and not catch_up.running)
    assert len(calls) == 1 and not window.project.search.catching_up
    assert not catch_up.label.isVisible()


def _count_calls(monkeypatch: pytest.MonkeyPatch, *names: str) -> dict[str, int]:
    """How often the search store's methods ``names`` run (they still do their work)."""
    from desktop.store.search import SearchStore

    calls = dict.fromkeys(names, 0)

    def counting(name: str) -> Callable[..., Any]:
        original = getattr(SearchStore, name)

        def call(self: SearchStore, *args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(self, *args, **kwargs)

        return call

    for name in names:
        monkeypatch.setattr(SearchStore, name, counting(name))
    return calls


def _tag(window: MainWindow, word: str, key: str) -> None:
    assert window.session is not None
    label = next(item.id for item in window.session.labels if item.key == key)
    text = window.reader.text.toPlainText()
    start = text.index(word)
    window.reader.text.select_cp(start, start + len(word))
    assert window.tagging.tag_selection(label) is not None


def test_a_hidden_dock_searches_again_only_when_shown(
    make_window: MakeWindow,
    corpus: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every tag is a change: with the dock hidden (closed, or behind the Annotations tab) it
    must not cost a search or re-read the filter choices; showing the dock catches up."""
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    assert len(titles(panel)) == 2
    calls = _count_calls(monkeypatch, "count", "search", "sources", "entities")
    window.annotations.raise_()  # the Search tab is behind the Annotations tab
    assert panel.visibleRegion().isEmpty()
    window.open_document(1)
    _tag(window, "كيري", "person")
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    window.import_files([str(page)])  # another article about Kerry, from a new source
    qtbot.waitUntil(lambda: window.importing.last_outcome is not None, timeout=15000)
    panel.hide()
    _tag(window, "المحادثات", "location")
    qtbot.wait(DEBOUNCE_MS + 150)
    assert calls == {"count": 0, "search": 0, "sources": 0, "entities": 0}
    assert len(titles(panel)) == 2
    assert panel.source_combo.findData("صحيفة المرصد") < 0

    panel = open_search(window, qtbot)
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=2000)
    assert calls == {"count": 1, "search": 1, "sources": 1, "entities": 1}
    assert len(titles(panel)) == 3 and panel.status.text() == "3 articles match"
    assert panel.source_combo.findData("صحيفة المرصد") >= 0
    names = {panel.entity_combo.itemText(i) for i in range(panel.entity_combo.count())}
    assert {"كيري", "المحادثات"} <= names


def test_filter_choices_follow_imports_metadata_and_renames(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    sources = panel.source_combo
    assert [sources.itemData(i) for i in range(sources.count())] == [None, "الحياة", "الشرق الأوسط"]
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: window.importing.last_outcome is not None, timeout=15000)
    assert sources.findData("صحيفة المرصد") >= 0
    # A metadata edit that renames the article's outlet: the old name goes, the new comes.
    outcome = window.importing.last_outcome
    assert outcome is not None
    doc_id = outcome.imported[0][1]
    window.metadata.ask_metadata = lambda _document: {"source": "المرصد اليومي"}
    window.metadata.edit_metadata(doc_id)
    assert sources.findData("المرصد اليومي") >= 0 and sources.findData("صحيفة المرصد") < 0
    # An entity renamed on its page is renamed in the filter, still chosen.
    window.open_document(1)
    _tag(window, "كيري", "person")
    entities = panel.entity_combo
    (kerry,) = [entities.itemData(i) for i in range(1, entities.count())]
    entities.setCurrentIndex(entities.findData(kerry))
    assert window.session is not None
    window.session.run(lambda p: edit_entity(p, kerry, name="جون كيري"))
    assert entities.currentData() == kerry and entities.currentText() == "جون كيري"


def test_a_selected_result_is_drawn_light_on_the_dark_selection(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot
) -> None:
    """A trial could not read a selected snippet: the article's dark text on the dark teal
    of a selection in the active window. Selected and active, the text is white."""
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    window = make_window(corpus)
    panel = open_search(window, qtbot)
    search(panel, qtbot, "كيري")
    view = panel.view
    snippet = panel.model.index(0, 0, panel.model.index(0, 0))
    delegate = view.itemDelegateForIndex(snippet)

    def light_pixels(state: QStyle.StateFlag) -> int:
        option = QStyleOptionViewItem()
        option.initFrom(view.viewport())
        option.widget = view
        option.rect = view.visualRect(snippet).translated(-view.visualRect(snippet).topLeft())
        option.state = state | QStyle.StateFlag.State_Enabled
        image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("#0f5257"))  # the selection's teal, as the style sheet paints it
        painter = QPainter(image)
        delegate.paint(painter, option, snippet)
        painter.end()
        return sum(
            1
            for y in range(image.height())
            for x in range(image.width())
            if min(QColor(image.pixel(x, y)).getRgb()[:3]) > 200
        )

    selected = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Active
    assert light_pixels(selected) > 50


def test_a_narrow_search_dock_leaves_the_query_its_width(
    make_window: MakeWindow, corpus: Path, qtbot: QtBot
) -> None:
    """A trial's 230 px search dock gave the query box 80 px beside «عوامل التصفية»: narrow,
    the Filters button is its icon alone (its tooltip names it)."""
    window = make_window(corpus)
    panel = open_search(window, qtbot)
    panel.setFloating(True)
    panel.resize(230, 500)
    qtbot.waitUntil(lambda: panel.width() < panel.NARROW)
    button = panel.filter_button
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert button.toolTip()
    assert panel.query_edit.width() >= 140
    panel.resize(420, 500)
    qtbot.waitUntil(lambda: panel.width() >= panel.NARROW)
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
