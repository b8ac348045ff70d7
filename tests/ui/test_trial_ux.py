"""What a new Arabic-speaking analyst tripped over in a trial (issues 14 and 16): each found
with real widgets, the way the trial user met it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.figures import network_dock
from desktop.ui.i18n import install_language
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.widgets.html_delegate import HTML_ROLE
from tests.analysis.conftest import tag
from tests.io.briefing_project import Briefing, build_briefing_project

from .conftest import RecordingMessenger

MakeWindow = Callable[[Path], MainWindow]

FILLER = "وقال المسؤول إن المحادثات تناولت ملفات كثيرة في المنطقة "
LONG = (
    "مقدمة قصيرة عن الاجتماع.\n"
    + "أعلن جون كيري في مؤتمر صحفي "
    + FILLER * 9
    + "ثم رد سيرغي لافروف بأن الحوار سيستمر"
    + ".\n"
    + ("جملة أخرى تملأ الصفحة وتطيل المقال كثيراً. " * 6 + "\n") * 12
)


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface in the language asked for (as ``hamish --lang`` builds it)."""
    assert install_language(qapp, request.param) == request.param
    try:
        yield request.param
    finally:
        install_language(qapp, "en")


@pytest.fixture(autouse=True)
def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network_dock, "SLICE_MS", math.inf)


def _long_sentence_project(path: Path) -> tuple[int, int, int]:
    """One sentence naming Kerry at its start and Lavrov more than a row's width later."""
    project = Project.open(path)
    doc = project.documents.add(make_draft(LONG, title="محادثات", title_line=False))
    kerry = project.entities.add("جون كيري", "person")
    lavrov = project.entities.add("سيرغي لافروف", "person")
    tag(project, doc, LONG, "جون كيري", kerry)
    tag(project, doc, LONG, "سيرغي لافروف", lavrov)
    project.close()
    return doc, kerry, lavrov


def test_an_edge_passage_names_both_entities_and_opens_in_sight(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Issue 14: the Kerry–Lavrov row showed the sentence from just before Kerry, cut before
    «سيرغي لافروف»; double-clicked, the article opened with the passage's start above the
    top of the reader (the cursor, at its end, was centred)."""
    doc, kerry, lavrov = _long_sentence_project(tmp_path / "long.hamish")
    window = make_window(tmp_path / "long.hamish")
    window.resize(1024, 640)
    window.show_network()
    dock, controller = window.network_dock, window.network
    assert dock is not None and controller is not None
    qtbot.waitUntil(lambda: not controller.busy and bool(dock.scene.nodes), timeout=20_000)
    controller.show_passages(kerry, lavrov)
    assert dock.passages.topLevelItemCount() == 1
    item = dock.passages.topLevelItem(0)
    bold = re.findall(r"<b>(.*?)</b>", item.data(1, HTML_ROLE))
    assert set(bold) == {"جون كيري", "سيرغي لافروف"}, item.text(1)
    assert "سيرغي لافروف" in item.text(1) and "جون كيري" in item.text(1)

    window.open_document(doc)
    text = window.reader.text
    text.verticalScrollBar().setValue(text.verticalScrollBar().maximum())
    dock.passages.itemDoubleClicked.emit(item, 0)
    assert window.reader.document_id == doc
    _doc, start, end = item.data(0, network_dock.PASSAGE_ROLE)
    assert text.selection_cp() == (start, end)
    first = text.cursorRect(text._cursor_for(start, start))
    last = text.cursorRect(text._cursor_for(end, end))
    height = text.viewport().height()
    # The passage's first line in the top third (it is longer than the reader is high).
    assert last.bottom() - first.top() > height
    assert 0 <= first.top() <= height / 3 + first.height(), (first, height)
    # A short passage (its last sentence) is seen whole, from the top third.
    short = LONG.rindex("جملة أخرى")
    window.open_at(doc, short, len(LONG.rstrip()))
    first = text.cursorRect(text._cursor_for(short, short))
    last = text.cursorRect(text._cursor_for(len(LONG.rstrip()), len(LONG.rstrip())))
    assert 0 <= first.top() <= height / 3 + first.height() and last.bottom() <= height


def _launch(qtbot: QtBot, path: Path, prefs: Settings, size: tuple[int, int]) -> MainWindow:
    """As a real launch builds it: shown first, finished once the event loop runs."""
    window = MainWindow(Project.open(path), prefs, RecordingMessenger(), deferred=True)
    qtbot.addWidget(window)
    window.resize(*size)
    window.fit_docks()
    window.show()
    qtbot.waitExposed(window)
    window.finish_setup()
    QApplication.processEvents()
    return window


@pytest.fixture
def briefing(tmp_path: Path) -> tuple[Path, Briefing]:
    path = tmp_path / "briefing.hamish"
    project, info = build_briefing_project(path)
    project.close()
    return path, info


@pytest.mark.parametrize("language", ["ar", "en"], indirect=True)
def test_the_entities_panel_gives_the_names_the_room(
    qtbot: QtBot, briefing: tuple[Path, Briefing], prefs: Settings, language: str
) -> None:
    """Issue 14: at 1024 px the counts' worded headers («الإشارات», «المقالات») took most of
    the panel and the names were cut to their icons. The names stretch; the counts are
    narrow, their headers icons named in a tooltip."""
    window = _launch(qtbot, briefing[0], prefs, (1024, 640))
    panel = window.entities
    panel.show()
    panel.raise_()
    QApplication.processEvents()
    view = panel.view
    header = view.header()
    width = view.viewport().width()
    assert header.sectionSize(0) >= 0.55 * width, (header.sectionSize(0), width)
    model = view.model()
    metrics = view.fontMetrics()
    for row in range(model.rowCount()):
        name = model.index(row, 0).data()
        room = view.visualRect(model.index(row, 0)).width() - view.iconSize().width() - 12
        assert metrics.horizontalAdvance(name) <= room, name
    for column in (2, 3):
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert header.sectionSize(column) <= 0.25 * width
    window.close()
