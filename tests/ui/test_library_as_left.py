"""The library as the analyst left it: its order kept across restarts (settings
``library/sort_column`` and ``library/sort_descending``), and Enter in its filter box opening the
first article the filter lists."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.settings import Settings
from desktop.ui.library.dock import ID_ROLE, LibraryModel
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import type_text
from .launching import QT_NAMESPACE_PROBE, launch_env

MakeWindow = Callable[..., MainWindow]


def _click_header(window: MainWindow, qtbot: QtBot, column: int) -> None:
    header = window.library.view.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _titles(window: MainWindow) -> list[str]:
    proxy = window.library.proxy
    return [proxy.index(row, LibraryModel.TITLE).data() for row in range(proxy.rowCount())]


def test_the_library_opens_in_the_order_it_was_left(
    make_window: MakeWindow, default_project: Path, prefs: Settings, qtbot: QtBot
) -> None:
    """A header click sorted the list by title; closed and opened again, the library went back
    to the newest first, and the analyst sorted it again at every start."""
    window = make_window(default_project, prefs)
    header = window.library.view.header()
    assert header.sortIndicatorSection() == LibraryModel.DATE  # the default: newest first
    _click_header(window, qtbot, LibraryModel.TITLE)
    if header.sortIndicatorOrder() != Qt.SortOrder.DescendingOrder:
        _click_header(window, qtbot, LibraryModel.TITLE)  # Z first: not Qt's default
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    left = _titles(window)
    assert left == sorted(left, key=str.casefold, reverse=True)
    window.close()
    prefs.sync()

    again = make_window(default_project, Settings.at(Path(prefs._q.fileName())))
    model = again.library.model
    assert model is not None
    assert (model.column, model.descending) == (LibraryModel.TITLE, True)
    header = again.library.view.header()
    assert header.sortIndicatorSection() == LibraryModel.TITLE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _titles(again) == left
    # A click on the arrowed header turns the saved order round, as it would have before.
    _click_header(again, qtbot, LibraryModel.TITLE)
    assert (model.column, model.descending) == (LibraryModel.TITLE, False)
    assert _titles(again) == left[::-1]
    assert prefs.get(settings.LIBRARY_SORT_DESCENDING) is False


def test_a_saved_order_by_tag_count_opens_so(
    make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    prefs.set(settings.LIBRARY_SORT_COLUMN, "annotations")
    prefs.set(settings.LIBRARY_SORT_DESCENDING, False)
    window = make_window(default_project, prefs)
    model = window.library.model
    assert model is not None
    assert (model.column, model.descending) == (LibraryModel.ANNOTATIONS, False)
    assert window.library.view.header().sortIndicatorSection() == LibraryModel.ANNOTATIONS
    proxy = window.library.proxy
    counts = [
        int(proxy.index(row, LibraryModel.ANNOTATIONS).data() or 0)
        for row in range(proxy.rowCount())
    ]
    assert counts == sorted(counts)


def test_a_saved_order_is_read_without_building_the_qt_namespace(tmp_path: Path) -> None:
    """The saved order costs the first paint nothing: the model starts in it and the header's
    arrow is written into its saved state (qtvalues.set_sort_indicator), no ``Qt.SortOrder``."""
    config = tmp_path / "config" / "hamish"
    config.mkdir(parents=True)
    (config / "hamish.ini").write_text(
        "[library]\nsort_column=title\nsort_descending=false\n", encoding="utf-8"
    )
    env = launch_env(tmp_path)  # the screen of test_reader_load's launch
    code = (
        QT_NAMESPACE_PROBE + "def first_paint(self):\n"
        "    built = qt_namespace_built()\n"
        "    print('qt-namespace-built' if built else 'no-qt-namespace', flush=True)\n"
        "    from PySide6.QtWidgets import QApplication\n"
        "    for window in QApplication.topLevelWidgets():\n"
        "        library = getattr(window, 'library', None)\n"
        "        if library is not None and library.model is not None:\n"
        "            header = library.view.header()\n"
        "            print('order', library.model.column, library.model.descending,\n"
        "                  header.sortIndicatorSection(), header.sortIndicatorOrder().value,\n"
        "                  flush=True)\n"
        "    fire(self)\n"
        "desktop.app._OnFirstPaint._fire = first_paint\n"
        "assert desktop.app.run_gui(None, 'en') == 0\n"
    )
    # The second launch: the first seeds the project and renders the icons into the cache
    # with qtawesome, which builds every Qt class (as in test_reader_load).
    for _launch in range(2):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr
    assert "no-qt-namespace" in result.stdout, result.stdout
    # title, ascending; the header's arrow on the title, ascending (Qt.AscendingOrder is 0)
    assert f"order {LibraryModel.TITLE} False {LibraryModel.TITLE} 0" in result.stdout


def test_enter_in_the_filter_opens_the_first_article_it_lists(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """Enter in the filter box left the list without a current row and nothing opened; it
    opens the first article listed, and the keyboard stays in the box to narrow it further."""
    window = make_window(default_project)
    box = window.library.filter_edit
    box.setFocus()
    type_text(box, "جيفري")
    proxy = window.library.proxy
    assert proxy.rowCount() >= 1
    first = proxy.index(0, 0).data(ID_ROLE)
    assert window.reader.document_id != first  # the article open before is another one
    qtbot.keyClick(box, Qt.Key.Key_Return)
    view = window.library.view
    assert view.currentIndex().isValid() and view.currentIndex().row() == 0
    assert [index.row() for index in view.selectionModel().selectedRows()] == [0]
    assert window.reader.document_id == first
    assert box.hasFocus()
    # The keypad's Enter too, after the filter changed.
    box.clear()
    type_text(box, "لافروف")
    first = proxy.index(0, 0).data(ID_ROLE)
    qtbot.keyClick(box, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.reader.document_id == first
    assert view.currentIndex().row() == 0


@pytest.mark.parametrize("descending", [True, False])
def test_a_large_library_opens_by_count_without_reading_every_id_first(
    qtbot: QtBot, tmp_path: Path, descending: bool
) -> None:
    """A saved order by count on a large library: the rows shown at once are read a page at a
    time (the tagged from the counts, the untagged by SQL), not after reading and sorting
    every id on the GUI thread (0.6 s of a million-article project's first paint); the whole
    order, and the rows a page in hand could not place, come with the counts' worker."""
    from desktop.ui.library.dock import LibraryDock

    from .test_sorting import _bulk, _expected

    project = _bulk(tmp_path / "large.hamish", 300)
    expected = _expected(project, LibraryModel.ANNOTATIONS, descending)
    documents = project.documents

    def every_id() -> None:
        raise AssertionError("every id read on the GUI thread")

    documents.ids = every_id  # type: ignore[method-assign]
    dock = LibraryDock()
    qtbot.addWidget(dock)
    model = LibraryModel(
        documents,
        counts_path=str(project.path),
        counts_at_once=10,
        column=LibraryModel.ANNOTATIONS,
        descending=descending,
    )
    dock.set_model(model)
    assert not model.counts_known  # the worker reads them
    listed = [model.document_at(row) for row in range(model.rowCount())]
    assert listed == expected
    # An untagged article far down (not on a page read yet): placed when the order comes.
    far = expected[len(expected) // 2]
    model._pages.clear()
    dock.select(far)
    with qtbot.waitSignal(model.counts_loaded, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: dock.view.currentIndex().data(ID_ROLE) == far, timeout=5_000)
    assert [model.document_at(row) for row in range(model.rowCount())] == expected
    assert model.row_of(far) == expected.index(far)
    project.close()
