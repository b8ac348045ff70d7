"""Sorting the library, entities and claims: by header clicks, stable, keeping the current
row, new and changed rows put in place, and done by the model, not by ``data()`` calls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.qtbot import QtBot

from desktop.core.models import ChangeSet, DocumentSummary
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.library.dock import ID_ROLE, LibraryFilter, LibraryModel
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]

ARTICLES = [  # title, publication date, annotations
    ("بيان الخارجية", "2016-03-01", 2),
    ("أوباما في هافانا", "2016-03-20", 0),
    ("Kerry in Moscow", "2016-07-15", 1),
    ("لافروف في جنيف", "2016-03-01", 3),  # same date as the first: stable order
    ("apple harvest", None, 0),
]


def _corpus(path: Path) -> list[int]:
    ids = []
    with Project.open(path) as project:
        label = project.labels.by_key("person")
        assert label is not None
        for n, (title, published, tags) in enumerate(ARTICLES):
            text = " ".join(f"كلمة{n}{k}" for k in range(5))
            doc = project.documents.add(
                make_draft(text, title=title, published=published or "")
                if published
                else make_draft(text, title=title)
            )
            ids.append(doc)
            for k in range(tags):
                word = f"كلمة{n}{k}"
                start = text.index(word)
                project.annotations.add(
                    prepare_annotation(text, doc, start, start + len(word), label.id, "t")
                )
    return ids


def _order(view: QTreeView) -> list[int]:
    model = view.model()
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def _click_header(qtbot: QtBot, view: QTreeView, column: int) -> None:
    header = view.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_library_sorts_by_header_and_keeps_the_open_article(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    ids = _corpus(tmp_path / "sort.hamish")
    window = make_window(tmp_path / "sort.hamish")
    view = window.library.view
    # Newest first by default; an undated article sorts by its import time (today), the two
    # articles of 1 March keep their import order.
    assert _order(view) == [ids[4], ids[2], ids[1], ids[0], ids[3]]
    window.open_document(ids[0])
    assert view.currentIndex().data(ID_ROLE) == ids[0]

    _click_header(qtbot, view, LibraryModel.TITLE)
    assert view.header().sortIndicatorSection() == LibraryModel.TITLE
    titles = [view.model().index(r, 0).data() for r in range(5)]
    assert titles == sorted(titles, key=str.casefold)  # Latin without regard to case
    assert view.currentIndex().data(ID_ROLE) == ids[0]  # the open article stays selected
    assert view.selectionModel().selectedRows()[0].data(ID_ROLE) == ids[0]

    _click_header(qtbot, view, LibraryModel.TITLE)  # again: descending
    assert [view.model().index(r, 0).data() for r in range(5)] == titles[::-1]

    _click_header(qtbot, view, LibraryModel.ANNOTATIONS)
    order = view.header().sortIndicatorOrder()
    counts = [ARTICLES[ids.index(i)][2] for i in _order(view)]
    assert counts == sorted(counts, reverse=order == Qt.SortOrder.DescendingOrder)
    assert view.currentIndex().data(ID_ROLE) == ids[0]


def test_changed_and_new_articles_take_their_sorted_place(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    ids = _corpus(tmp_path / "sort.hamish")
    window = make_window(tmp_path / "sort.hamish")
    view = window.library.view
    view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    assert _order(view)[0] == ids[0]
    # A metadata edit moves an article to its new place...
    window.project.documents.update_metadata(ids[2], published="2015-01-01")
    assert window.session is not None
    window.session.announce(ChangeSet(documents_changed=(ids[2],)))
    assert _order(view)[0] == ids[2]
    # ...and an import lands where it belongs, not at the end.
    new = window.project.documents.add(make_draft("نص جديد", title="جديد", published="2016-03-10"))
    window.session.announce(ChangeSet(documents_added=(new,)))
    order = _order(view)
    assert order.index(new) == order.index(ids[3]) + 1 and order.index(new) < order.index(ids[1])


class _CountingModel(LibraryModel):
    calls = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        return super().data(index, role)


def test_sorting_a_large_library_asks_no_cell_of_the_model(qapp: QApplication) -> None:
    """Guards the start-up cost on a large corpus: a proxy that sorts calls data() twice per
    comparison (about 60,000 calls here, 1.1 million for 20,000 articles)."""
    summaries = [
        DocumentSummary(n, f"عنوان {n * 7919 % 3000}", "", None, "ar", "rtl", 10, n % 7, f"{n:05}")
        for n in range(3000)
    ]
    model = _CountingModel(lambda ids: summaries if ids is None else [])
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    view = QTreeView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    _CountingModel.calls = 0
    for column in (LibraryModel.TITLE, LibraryModel.DATE, LibraryModel.ANNOTATIONS):
        view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert _CountingModel.calls < 100
    keys = [proxy.index(r, 0).data(ID_ROLE) for r in range(3000)]
    assert [summaries[i].annotation_count for i in keys] == sorted(
        (s.annotation_count for s in summaries), reverse=True
    )
    # The same rows through a sorting proxy: what the start-up used to pay.
    plain = QSortFilterProxyModel()
    plain.setSourceModel(model)
    _CountingModel.calls = 0
    plain.sort(LibraryModel.TITLE)
    assert _CountingModel.calls > 10_000


def test_rows_with_equal_keys_run_by_id_and_a_restored_one_returns_to_its_place(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "ties.hamish"
    with Project.open(path) as project:
        ids = [
            project.documents.add(
                make_draft(f"نص رقم {n}", title=f"خبر {n}", published="2016-05-01")
            )
            for n in range(4)
        ]
    window = make_window(path)
    view = window.library.view
    assert _order(view) == ids  # newest first; same day: by id, as imported
    view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    assert _order(view) == ids
    view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
    window.articles.delete([ids[1]])
    assert _order(view) == [ids[0], ids[2], ids[3]]
    window.undo_group.undo()
    assert _order(view) == ids  # back between its neighbours, not appended at the end
