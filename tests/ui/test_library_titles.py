"""Library titles in a direction other than the interface's: each is laid out in its own
direction, so a long title is cut at its end — an Arabic title on the left, with the ellipsis
there — in the English interface as in the Arabic one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.library.dock import ID_ROLE, LibraryModel
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]

ARABIC = "وزير الخارجية الأمريكي جون كيري يلتقي نظيره الروسي سيرغي لافروف في جنيف لبحث الهدنة"
ENGLISH = "US Secretary of State John Kerry meets Russian Foreign Minister Sergei Lavrov in Geneva"


def _cell(window: MainWindow, document_id: int) -> QImage:
    """The title cell of the article's row, as the view paints it."""
    view = window.library.view
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == document_id)
    rect = view.visualRect(model.index(row, LibraryModel.TITLE))
    QApplication.processEvents()
    return view.viewport().grab(rect).toImage()


def test_a_title_is_cut_at_its_own_end_in_either_interface(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """An Arabic title in the English interface was laid out left to right: Qt put the
    ellipsis beside its beginning and cut it on the wrong side (an English title in the
    Arabic interface the same, mirrored). Laid out in its own direction, a title's cell
    looks the same whichever the interface's direction."""
    path = tmp_path / "titles.hamish"
    with Project.open(path) as project:
        arabic = project.documents.add(make_draft("نص المقال.", title=ARABIC))
        english = project.documents.add(make_draft("The article's text.", title=ENGLISH))
    window = make_window(path)
    view = window.library.view
    window.library.resize(260, window.library.height())
    qtbot.waitUntil(lambda: view.header().sectionSize(LibraryModel.TITLE) < 250)
    qtbot.wait(50)  # the dock's layout settles (the scroll bar, the stretched column)
    width = view.header().sectionSize(LibraryModel.TITLE)
    view.clearSelection()
    view.setCurrentIndex(view.model().index(-1, -1))
    left_to_right = {d: _cell(window, d) for d in (arabic, english)}
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the Arabic interface's
    qtbot.wait(50)
    assert view.header().sectionSize(LibraryModel.TITLE) == width
    right_to_left = {d: _cell(window, d) for d in (arabic, english)}
    for document_id in (arabic, english):
        assert left_to_right[document_id].size() == right_to_left[document_id].size()
        assert left_to_right[document_id] == right_to_left[document_id], document_id


def test_a_passage_is_cut_at_its_own_end_in_the_annotations_panel(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """The Annotations panel's Text column had the same fault: a long Arabic passage in the
    English interface showed its beginning beside the ellipsis, its end clipped unmarked."""
    from desktop.ui.annotations.panel import AnnotationModel

    from .samples import label_id

    path = tmp_path / "passage.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(ARABIC + ".\n" + ENGLISH + ".", title="مقال"))
    window = make_window(path)
    window.open_document(1)
    text = window.reader.text
    for passage in (ARABIC, ENGLISH):
        start = text.toPlainText().index(passage)
        text.select_cp(start, start + len(passage))
        assert window.tagging.tag_selection(label_id(window, "claim")) is not None
    view = window.annotations.view
    model = window.annotation_model
    qtbot.wait(50)  # the panel's layout after the tags
    width = view.header().sectionSize(AnnotationModel.QUOTE)

    def cells() -> list[QImage]:
        QApplication.processEvents()
        return [
            view.viewport().grab(view.visualRect(model.index(row, AnnotationModel.QUOTE))).toImage()
            for row in range(model.rowCount())
        ]

    view.clearSelection()
    view.setCurrentIndex(model.index(-1, -1))
    left_to_right = cells()
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(50)
    assert view.header().sectionSize(AnnotationModel.QUOTE) == width
    assert len(left_to_right) == 2
    assert cells() == left_to_right


def test_a_long_title_is_cut_after_a_whole_word(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """A trial: library titles cut by Qt in a word («… و…», "the B…"). The delegate cuts a
    title too long for its cell after its last whole word that fits (``elide_right``), in
    the cell's text width as the style draws it, so Qt has nothing left to cut."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from desktop.ui.widgets import direction

    path = tmp_path / "titles.hamish"
    with Project.open(path) as project:
        ids = [
            project.documents.add(make_draft("نص المقال.", title=ARABIC)),
            project.documents.add(make_draft("The article's text.", title=ENGLISH)),
        ]
    window = make_window(path)
    view = window.library.view
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    model = view.model()
    for width in (180, 230, 310):
        window.library.resize(width, window.library.height())
        qtbot.wait(50)
        for row in range(model.rowCount()):
            assert model.index(row, 0).data(ID_ROLE) in ids
            index = model.index(row, LibraryModel.TITLE)
            title = index.data()
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.rect = view.visualRect(index)
            window.library.titles.initStyleOption(option, index)
            shown = option.text.strip(direction.RLE + direction.LRE + direction.PDF)
            # The width Qt draws the text in: the item's padding, then the focus margin.
            text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
            room = text.width() - 2 * margin
            assert room == option.rect.width() - 2 * direction.TEXT_MARGIN
            assert option.fontMetrics.horizontalAdvance(shown) <= room, (width, shown)
            assert shown.endswith("…"), (width, shown)
            kept = shown.removesuffix("…")
            assert kept and title.startswith(kept) and title[len(kept)] == " ", (width, shown)


def test_a_titles_cut_is_measured_once_not_at_every_paint(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: object
) -> None:
    """Measured again at every paint, the word cuts of a page of titles took a tag in the
    million-article library from 9 to 16 ms and a scroll to its end from 7 to 94 ms
    (benchmarks/library.py). A cell painted again with the same text, width and font is cut
    from what was kept; a new width or font is measured again."""
    import pytest

    from desktop.ui.widgets import direction

    path = tmp_path / "titles.hamish"
    with Project.open(path) as project:
        for n in range(5):
            project.documents.add(make_draft(f"نص المقال {n}.", title=f"{ARABIC} {n}"))
    window = make_window(path)
    window.library.resize(230, window.library.height())
    qtbot.wait(50)
    calls: list[str] = []
    measure = direction.elide_right  # type: ignore[attr-defined]

    def counted(metrics: object, text: str, width: int) -> str:
        calls.append(text)
        return measure(metrics, text, width)  # type: ignore[arg-type]

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(direction, "elide_right", counted)
    view = window.library.view
    view.viewport().repaint()
    first = len(calls)
    for _ in range(3):
        view.viewport().repaint()
    assert len(calls) == first, (first, len(calls))  # every cut kept
    window.library.resize(300, window.library.height())
    qtbot.wait(50)
    view.viewport().repaint()
    assert len(calls) > first  # a new width: measured again
