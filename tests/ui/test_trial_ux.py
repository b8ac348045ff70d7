"""What a new Arabic-speaking analyst tripped over in a trial (issues 14 and 16): each found
with real widgets, the way the trial user met it."""

from __future__ import annotations

import html
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
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.widgets.html_delegate import HTML_ROLE
from tests.analysis.conftest import tag
from tests.io.briefing_project import Briefing, build_briefing_project

from .conftest import launch

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


_launch = launch  # as a real launch builds it (conftest)


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
        names = header.model()  # the header's own (qtvalues)
        assert names.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert header.sectionSize(column) <= 0.25 * width
    window.close()


def test_the_review_queue_keeps_the_place_after_each_decision(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """Issue 14: after A or R the row that took the decided row's place was current, but
    once the article was looked through again its rows re-sorted and the current row,
    followed by its key, jumped far down the queue — the next R seemed to do nothing. The
    place stays: each key acts on the row now at that place, bulk decisions too."""
    from PySide6.QtTest import QTest

    from tests.ui.test_review import _queue, _settled, _shown

    window = make_window(default_project)
    _queue(window, qtbot)
    view = window.review_dock.view
    model = window.review.model
    rect = view.visualRect(model.index(0, 0))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_A, Qt.Key.Key_R):
        count = len(_shown(window))
        qtbot.keyClick(view, key)
        assert len(_shown(window)) == count - 1
        _settled(window, qtbot)
        qtbot.wait(100)
        assert view.currentIndex().row() == 0, key
        assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
    # A bulk decision: the row after the chosen ones takes their place.
    selection = view.selectionModel()
    for row in (1, 2):
        selection.select(
            model.index(row, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
    qtbot.keyClick(view, Qt.Key.Key_R)
    _settled(window, qtbot)
    qtbot.wait(100)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
    # The analyst's own move is followed as before.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1


def test_the_review_queue_columns_fit_its_narrow_dock(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """Issue 14: in the 280 px dock the source, article and context columns were behind a
    sideways scroll bar. Text and context share the width; the source and article are
    hidden on a narrow dock (named in the row's tooltip)."""
    from tests.ui.test_review import _queue

    window = make_window(default_project)
    window.resize(1280, 820)
    _queue(window, qtbot)
    QApplication.processEvents()
    view = window.review_dock.view
    header = view.horizontalHeader()
    width = view.viewport().width()
    assert width < 400
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= width + 1, [
        (c, header.sectionSize(c)) for c in shown
    ]
    from desktop.ui.review.model import ARTICLE, CONTEXT, SOURCE, TEXT

    # Slim (a 1024×640 window's dock) the words take what the score and label leave: a
    # trial read «الولايا…»; the context is the row's tooltip then.
    if width < window.review_dock.SLIM:
        assert header.isSectionHidden(CONTEXT)
        others = sum(header.sectionSize(c) for c in shown if c != TEXT)
        assert header.sectionSize(TEXT) >= width - others - 1
        context = window.review.model.index(0, CONTEXT).data()
        assert str(context).strip(" …")[:10] in str(
            window.review.model.index(0, TEXT).data(Qt.ItemDataRole.ToolTipRole)
        )
        # One article's «الولايات المتحدة» four times were four rows told apart only by their
        # tooltips: the current row's words around it are shown under the table.
        model = window.review.model
        rows = [model.row_at(n) for n in range(model.rowCount())]
        seen: dict[tuple[int, str], set[str]] = {}
        for row in rows:
            seen.setdefault((row.document_id, row.suggestion.text), set()).add(row.after)
        assert any(len(v) > 1 for v in seen.values()), "the samples repeat a name in an article"
        preview = window.review_dock.preview
        view.setFocus()
        if not view.currentIndex().isValid():
            qtbot.keyClick(view, Qt.Key.Key_Down)  # the first row current
        qtbot.waitUntil(preview.isVisible)
        first = model.row_at(view.currentIndex().row())
        assert f"<b>{html.escape(first.suggestion.text)}</b>" in preview.text()
        # The nearest words kept when the lines are full.
        after = html.escape(first.after.split()[0])
        assert f"</b> {after}" in preview.text() or f"</b>{after}" in preview.text()
        qtbot.keyClick(view, Qt.Key.Key_Down)
        second = model.row_at(view.currentIndex().row())
        assert f"<b>{html.escape(second.suggestion.text)}</b>" in preview.text()
        before = html.escape(second.before.split()[-1])
        assert f"{before} <b>" in preview.text() or f"{before}<b>" in preview.text()
        assert preview.height() <= 4 * preview.fontMetrics().lineSpacing()
        # the hidden columns' words, on a line of their own: where the row comes from (a long
        # headline cut to one line: it had wrapped and pushed the context out)
        source = model.index(view.currentIndex().row(), SOURCE).data()
        article = model.index(view.currentIndex().row(), ARTICLE).data()
        prefix = '<span style="color: gray">'
        assert preview.text().startswith(prefix + html.escape(f"{source} · "))
        line = html.unescape(preview.text()[len(prefix) : preview.text().index("</span><br>")])
        line = line.replace("\u200d", "")  # (Qt joins an Arabic letter to the ellipsis)
        assert line == f"{source} · {article}" or (
            line.endswith("…") and f"{source} · {article}".startswith(line[:-1])
        )
        assert preview.fontMetrics().horizontalAdvance(line) <= preview.width()
        assert f"<b>{html.escape(second.suggestion.text)}</b>" in preview.text()
        # A filter that leaves no row leaves no context either.
        window.review_dock.filter.setText("ظظظظ")
        qtbot.waitUntil(lambda: model.rowCount() == 0)
        qtbot.waitUntil(lambda: not preview.isVisible())
        window.review_dock.filter.clear()
        qtbot.waitUntil(lambda: model.rowCount() > 0)
    else:
        assert header.sectionSize(TEXT) >= 48 and header.sectionSize(CONTEXT) >= 48
    title = window.review.model.index(0, ARTICLE).data()
    assert title in window.review.model.index(0, TEXT).data(Qt.ItemDataRole.ToolTipRole)
    # Wide, every column is shown.
    window.review_dock.setFloating(True)
    window.review_dock.resize(1000, 500)
    QApplication.processEvents()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    assert not window.review_dock.preview.isVisible()  # the context column shows it


@pytest.mark.parametrize("language", ["ar", "en"], indirect=True)
def test_the_timeline_legend_is_one_row_and_leaves_the_plot_the_room(
    qtbot: QtBot, briefing: tuple[Path, Briefing], prefs: Settings, language: str
) -> None:
    """Issue 16: docked beside the network in the default window, the timeline's legend
    wrapped to three or four rows in Arabic and the plot was left some 40 px. It is one row
    now, scrolled sideways, its start (the stance) in sight; the dock asks for less height."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    window = _launch(qtbot, briefing[0], prefs, (1280, 820))
    window.show_network()
    window.show_timeline()
    dock = window.timeline_dock
    assert dock is not None
    qtbot.waitUntil(lambda: dock.legend.isVisible() and dock.legend.height() > 0)
    QApplication.processEvents()
    legend, view = dock.legend, dock.view
    texts = [i for i in legend.scene().items() if isinstance(i, QGraphicsSimpleTextItem)]
    rows = {round(i.sceneBoundingRect().center().y()) for i in texts}
    assert len(rows) == 1, rows
    assert view.height() >= 2 * legend.height(), (view.height(), legend.height())
    heading = QApplication.translate("Timeline", "Stance (colour):")
    (first,) = [i for i in texts if i.text() == heading]
    # Scrolled to its start once the view has taken its scene (a zero-time timer: waited for,
    # on a busy machine one turn of the event loop was not always enough).
    qtbot.waitUntil(
        lambda: (
            legend.mapToScene(legend.viewport().rect())
            .boundingRect()
            .contains(first.sceneBoundingRect())
        )
    )
    # Its least height: the filters' rows, the title, and two lanes of the plot.
    least = dock.minimumSizeHint().height() - dock.filters.minimumSizeHint().height()
    assert least <= 110, least
    window.close()


def _highlighted_blocks(pane: object) -> int:
    """The blocks of a pane's text drawn with a highlight (a format from its highlighter)."""
    text = pane.text  # type: ignore[attr-defined]
    block = text.document().firstBlock()
    count = 0
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.formats():
            count += 1
        block = block.next()
    return count


@pytest.mark.parametrize("language", ["ar", "en"], indirect=True)
def test_side_by_side_from_a_claim_link_is_even_and_highlighted(
    qtbot: QtBot, briefing: tuple[Path, Briefing], prefs: Settings, language: str
) -> None:
    """Issue 16: the claim editor's Side by Side gave a second pane some 180 px wide, with no
    splitter handle to be seen, and the pane showed none of its article's tags. The panes
    share the room evenly, the handle is wide enough to see and grab, and each pane draws
    its own article's highlights."""
    from PySide6.QtWidgets import QPushButton

    path, info = briefing
    window = _launch(qtbot, path, prefs, (1280, 820))
    editor = window.claim_editor
    editor.show()
    editor.raise_()
    editor.show_claim(window.project.claims.get(info.claims["no_meeting"]), "")
    editor.links.setCurrentRow(0)
    QApplication.processEvents()
    button = editor.findChild(QPushButton, "claim_link_beside")
    assert button is not None
    button.click()
    beside = window.beside
    assert beside.is_open and beside.splitter is not None and beside.pane is not None
    pane = beside.pane
    qtbot.waitUntil(lambda: pane.isVisible() and pane.width() > 0)
    QApplication.processEvents()
    first, second_ = beside.splitter.sizes()
    assert abs(first - second_) <= 0.1 * (first + second_), (first, second_)
    assert beside.splitter.handleWidth() >= 5
    other = window.project.claims.get(info.claims["meeting"])
    tagged = window.project.annotations.for_document(pane.document_id)
    assert [a for a in tagged if a.id != other.annotation_id]
    qtbot.waitUntil(lambda: _highlighted_blocks(pane) > 0, timeout=5000)
    assert _highlighted_blocks(window.reader) > 0
    window.close()


def test_an_empty_network_names_the_filters_that_hide_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Issue 14: with the minimum weight at 2 the empty network asked for more types,
    articles or dates — none of which was filtered. It names the filters that are on."""
    _long_sentence_project(tmp_path / "long.hamish")
    window = make_window(tmp_path / "long.hamish")
    window.show_network()
    dock, controller = window.network_dock, window.network
    assert dock is not None and controller is not None
    qtbot.waitUntil(lambda: not controller.busy and bool(dock.scene.nodes), timeout=20_000)
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        dock.min_weight.setValue(2)
    assert dock.stack.currentWidget() is dock.message
    said = dock.message.text()
    assert "minimum weight 2" in said and "types" not in said, said


def test_the_subject_picker_lists_the_entities_and_asks_a_new_ones_type(
    qtbot: QtBot, briefing: tuple[Path, Briefing], prefs: Settings
) -> None:
    """Issue 14: the claimant/subject picker was empty until a letter was typed, and a
    subject made from it («سوريا») became "Other" without a word. Empty, it lists the
    project's entities, most mentioned first; a new name's type is asked, guessed from the
    gazetteer (a place here)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QListWidget, QPushButton

    from desktop.ui.entities.dialogs import ENTITY_ROLE, EntityPicker

    path, info = briefing
    window = _launch(qtbot, path, prefs, (1280, 820))
    editor = window.claim_editor
    editor.show()
    editor.raise_()
    claim_id = info.claims["no_meeting"]
    editor.show_claim(window.project.claims.get(claim_id), "")
    seen: dict[str, object] = {}

    def in_the_picker() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, EntityPicker)
        try:
            results = picker.findChild(QListWidget, "entity_results")
            seen["listed"] = [results.item(i).data(ENTITY_ROLE) for i in range(results.count())]
            kind = picker.findChild(QComboBox, "entity_new_type")
            seen["kind_hidden_on_entity"] = kind is not None and not kind.isVisible()
            picker.findChild(QLineEdit, "entity_query").setText("سوريا")
            results.setCurrentRow(results.count() - 1)  # "New entity «سوريا»"
            seen["kind_shown"] = kind is not None and kind.isVisible()
            seen["kind"] = kind.currentData() if kind is not None else None
        finally:  # closed whatever happened: a modal picker left open would hang the test
            picker.done(QDialog.DialogCode.Accepted)

    expected = [e.id for e in window.project.entities.summaries()]  # most mentioned first
    QTimer.singleShot(0, in_the_picker)
    add = [b for b in editor.findChildren(QPushButton) if b.text() == "Add…"]
    assert add
    add[0].click()
    assert seen["listed"] == expected
    assert seen["kind_hidden_on_entity"] and seen["kind_shown"]
    assert seen["kind"] == "location"
    claim = window.project.claims.get(claim_id)
    made = [window.project.entities.get(e) for e in claim.subjects]
    assert [(e.name, e.type) for e in made if e.name == "سوريا"] == [("سوريا", "location")]
    window.close()


def test_toggles_show_whether_they_are_on_in_the_menus(
    qtbot: QtBot, briefing: tuple[Path, Briefing], prefs: Settings
) -> None:
    """Issue 14: Show Suggestions, Scroll Together and the themes had icons, which a menu
    draws in the check mark's place: whether they were on could not be seen. Checkable from
    the start, they show their check box (or radio button) in the menu instead."""
    from PySide6.QtWidgets import QMenu, QStyleOptionMenuItem

    from desktop.ui.shell.actions import TOGGLES

    window = _launch(qtbot, briefing[0], prefs, (1280, 820))
    for action_id in TOGGLES:
        action = window.registry[action_id]
        assert action.isCheckable(), action_id
        assert not action.isIconVisibleInMenu(), action_id
    # As the menu draws it: a check, not an icon.
    view = window.registry[ActionId.SYNC_SCROLL]
    menu = next(
        m.menu()
        for m in window.menuBar().actions()
        if m.menu() is not None and view in m.menu().actions()
    )
    assert isinstance(menu, QMenu)

    class Probe(QMenu):
        def option(self, action: object) -> QStyleOptionMenuItem:
            option = QStyleOptionMenuItem()
            self.initStyleOption(option, action)  # type: ignore[arg-type]
            return option

    probe = Probe()
    probe.addAction(view)
    option = probe.option(view)
    assert option.icon.isNull()
    assert option.checkType != QStyleOptionMenuItem.CheckType.NotCheckable
    window.close()


def test_a_claim_edge_points_from_the_claimant_to_the_subject(qtbot: QtBot) -> None:
    """Issue 14: the legend says «claimant → subject», but a claim edge was a plain red
    line. Its middle carries an arrowhead pointing at the subject; a plain edge none."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.analysis.network import Edge, Network, NetworkOptions, Node
    from desktop.ui.figures.network import FALLBACK_COLOURS
    from desktop.ui.figures.network_dock import NetworkDock

    nodes = (Node(1, "جون كيري", "person", 9), Node(2, "سيرغي لافروف", "person", 7))
    nodes += (Node(3, "موسكو", "location", 4),)
    positions = {1: (0.0, 0.0), 2: (120.0, 0.0), 3: (0.0, 120.0)}
    edges = (Edge(1, 2, 3, 2), Edge(1, 3, 1, 0))  # Kerry's claims about Lavrov; Moscow
    dock = NetworkDock()
    qtbot.addWidget(dock)
    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    dock.scene.show_network(Network(nodes, edges, NetworkOptions()), positions, palette)
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    dock.scene.render(painter, QRectF(0, 0, 200, 200), QRectF(-40, -40, 200, 200))
    painter.end()

    def red(x: float, y: float) -> bool:
        colour = image.pixelColor((QPointF(x, y) + QPointF(40, 40)).toPoint())
        return colour.red() > 150 and colour.green() < 140

    # Beside the claim line, behind its middle: the arrowhead's wings (pointing at x=120).
    assert red(56, 2) and red(56, -2)
    assert not red(50, 2) and not red(64, 2)  # nothing before it, narrower towards its tip
    assert not red(2, 56) and not red(-2, 56)  # the plain edge: a line alone


def test_a_new_entity_named_with_a_given_name_is_guessed_a_person(qapp: QApplication) -> None:
    """A trial made «فلاديمير بوتين» a claim's subject from the picker: its type was "Other",
    though the article suggested the name as a person."""
    from desktop.ui.entities.dialogs import guess_type

    assert guess_type("فلاديمير بوتين") == "person"
    assert guess_type("جون  كيري") == "person"
    assert guess_type("سوريا") == "location"  # the gazetteer first
    assert guess_type("بوتين") == "person"  # the persons' gazetteer knows him
    assert guess_type("زيدونيان") is None  # one word nothing knows: nothing says so
    assert guess_type("الحكومة السورية") is None


@pytest.mark.parametrize("language", ["en", "ar"], indirect=True)
def test_the_suggested_words_keep_a_readable_width_in_a_laptops_queue(
    language: str, qtbot: QtBot, default_project: Path, tmp_path: Path
) -> None:
    """Trial h13: in English at 1024×640 the label column kept "Organisation" whole and the
    score its header beside the arrow, and the words suggested got 45 px («الولا…»). The
    label's names now give way (to "Organ…") until the words have ``TEXT_LEAST``."""
    from desktop.ui.review.model import LABEL, TEXT
    from tests.ui.test_review import _settled

    window = launch(qtbot, default_project, Settings.at(tmp_path / "s.ini"), (1024, 640))
    window.registry[ActionId.SHOW_REVIEW].trigger()
    _settled(window, qtbot)
    QApplication.processEvents()
    dock = window.review_dock
    header = dock.view.horizontalHeader()
    width = dock.view.viewport().width()
    assert width < dock.SLIM
    assert header.sectionSize(TEXT) >= dock.TEXT_LEAST, (width, header.sectionSize(TEXT))
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= width + 1
    # the label column still shows a name's start, not just its icon
    assert header.sectionSize(LABEL) >= dock._label_least() or language == "ar"
