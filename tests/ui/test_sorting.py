"""Sorting the library, entities and claims: by header clicks, stable, keeping the current
row, new and changed rows put in place, and done by the model, not by ``data()`` calls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
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
    # Newest first by default; an undated article comes last (it came first, by its import
    # time — today —, above every dated one: a trial), the two of 1 March in import order.
    assert _order(view) == [ids[2], ids[1], ids[0], ids[3], ids[4]]
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


def _bulk(path: Path, count: int) -> Project:
    """``count`` articles with colliding titles and dates, every 7th with annotations."""
    project = Project.open(path)
    label = project.labels.by_key("person")
    assert label is not None
    with project.database.transaction():
        for n in range(count):
            text = f"نص المقال رقم {n}"
            day = None if n % 11 == 0 else f"2016-0{1 + n % 9}-{1 + n % 5:02}"
            title = f"عنوان {n * 7919 % 300}" if n % 3 else f"Title {n % 40}"
            doc = project.documents.add(
                make_draft(text, title=title, published=day)
                if day
                else make_draft(text, title=title)
            )
            for k in range(n % 7 == 0 and n % 4):
                project.annotations.add(prepare_annotation(text, doc, k, k + 2, label.id, "t"))
    return project


def _expected(project: Project, column: int, descending: bool) -> list[int]:
    """The library's order computed in Python from the summaries (the old model's keys)."""
    summaries = project.documents.summaries()

    if column == LibraryModel.DATE:  # the undated last in both directions, as imported
        dated = sorted((s for s in summaries if s.published), key=lambda s: s.id)
        dated.sort(key=lambda s: s.published or "", reverse=descending)
        undated = sorted(s.id for s in summaries if not s.published)
        return [s.id for s in dated] + undated

    def key(s: DocumentSummary) -> object:
        if column == LibraryModel.ANNOTATIONS:
            return s.annotation_count
        return s.title.casefold()

    ordered = sorted(summaries, key=lambda s: s.id)
    ordered.sort(key=key, reverse=descending)  # stable: equal keys keep ascending ids
    return [s.id for s in ordered]


def test_sorting_a_large_library_asks_no_cell_of_the_model(
    qapp: QApplication, tmp_path: Path
) -> None:
    """Guards the start-up cost on a large corpus: sorting is SQL, so it asks the model for no
    cell (a proxy that sorts calls data() twice per comparison: 1.1 million calls for 20,000
    articles), and the order is the one the Python keys give, equal keys by id."""
    project = _bulk(tmp_path / "large.hamish", 1500)
    model = _CountingModel(project.documents)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    view = QTreeView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    for column in (LibraryModel.TITLE, LibraryModel.DATE, LibraryModel.ANNOTATIONS):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            _CountingModel.calls = 0
            view.sortByColumn(column, order)
            assert _CountingModel.calls < 100
            shown = [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]
            expected = _expected(project, column, order == Qt.SortOrder.DescendingOrder)
            if column == LibraryModel.TITLE:  # SQLite's NOCASE folds ASCII only: same here
                assert [model.summary(i).title.casefold() for i in shown] == [  # type: ignore[union-attr]
                    model.summary(i).title.casefold()
                    for i in expected  # type: ignore[union-attr]
                ]
            else:
                assert shown == expected
            # Every article's row as the model finds it (SQL or the held order) is its place.
            for row in (0, 1, 777, len(shown) - 1):
                assert model.row_of(shown[row]) == row
    project.close()


def test_the_library_reads_only_the_pages_it_shows(qtbot: QtBot, tmp_path: Path) -> None:
    """No per-article work at the first paint: the row count is SQL, rows are read a page at
    a time as they are shown, and no order array is held for the date and title orders."""
    from desktop.ui.library.dock import PAGE, LibraryDock

    project = _bulk(tmp_path / "lazy.hamish", 1200)
    dock = LibraryDock()
    qtbot.addWidget(dock)
    model = _CountingModel(project.documents)
    dock.set_model(model)
    dock.view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
    dock.resize(400, 300)
    dock.show()
    qtbot.waitExposed(dock)
    assert dock.proxy.rowCount() == 1200
    assert model._order is None
    qtbot.waitUntil(lambda: model.pages_read >= 1)
    dock.view.repaint()
    assert model.pages_read <= 2
    before = model.pages_read
    dock.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_read > before)
    assert model.pages_read <= before + 2  # the last page, not the ones between
    last = dock.proxy.index(1199, 0).data(ID_ROLE)
    assert last == _expected(project, LibraryModel.DATE, True)[-1]
    assert PAGE < 1200
    project.close()


def test_counts_arrive_from_a_worker_thread(qtbot: QtBot, tmp_path: Path) -> None:
    """Above ``counts_at_once`` articles the annotation counts are read after the first paint,
    in another thread, on a connection of its own."""
    import threading

    import desktop.store.documents as documents

    project = _bulk(tmp_path / "counts.hamish", 60)
    threads: list[threading.Thread] = []
    real = documents.read_annotation_counts

    def spy(path: str) -> dict[int, int]:
        threads.append(threading.current_thread())
        return real(path)

    documents.read_annotation_counts = spy  # type: ignore[assignment]
    try:
        model = LibraryModel(project.documents, counts_path=str(project.path), counts_at_once=10)
        assert not model.counts_known
        with qtbot.waitSignal(model.counts_loaded, timeout=10_000):
            pass
    finally:
        documents.read_annotation_counts = real  # type: ignore[assignment]
    assert threads and threads[0] is not threading.main_thread()
    summaries = {s.id: s.annotation_count for s in project.documents.summaries()}
    for row in range(model.rowCount()):
        doc = model.index(row, 0).data(ID_ROLE)
        shown = model.index(row, LibraryModel.ANNOTATIONS).data()
        assert shown == (str(summaries[doc]) if summaries[doc] else "")
    assert any(summaries.values())
    project.close()


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


def _steps(project: Project, read: Callable[..., object], *args: object) -> int:
    """SQLite virtual-machine steps ``read(*args)`` costs (counted, not timed)."""
    conn = project.database.conn
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 10)
    try:
        read(*args)
    finally:
        conn.set_progress_handler(None, 0)
    return steps[0]


def test_a_page_near_the_end_is_read_from_the_end(tmp_path: Path) -> None:
    """An OFFSET steps over every index entry before it: a page in the second half of the list
    is read along the index backwards, so the last page costs what the first does — and holds
    the same rows as the order read whole."""
    project = _bulk(tmp_path / "ends.hamish", 1500)
    documents = project.documents
    for key in ("title", "date"):
        for descending in (False, True):
            whole = list(documents.library_order(key, descending))
            for offset in (0, 700, 750, 1400, 1450):
                page = documents.library_page(key, descending, offset, 64, len(whole))
                assert [row[0] for row in page] == whole[offset : offset + 64]
            read = documents.library_page
            first = _steps(project, read, key, descending, 0, 64, 1500)
            last = _steps(project, read, key, descending, 1436, 64, 1500)
            assert last < first * 2, (key, descending, first, last)
    for descending in (False, True):
        for backwards in (False, True):
            plan = project.database.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM documents ORDER BY "
                + documents._order_by("date", descending, backwards=backwards)
            ).fetchall()
            assert "TEMP B-TREE" not in str(plan)  # read off an index either way, no sort
    project.close()


def test_undated_articles_come_last_sorted_by_date_either_way(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    # A trial: 2013's articles without a date, imported today, sorted by their import date
    # and came above every dated article; most programs put what has no date last.
    ids = _corpus(tmp_path / "undated.hamish")
    window = make_window(tmp_path / "undated.hamish")
    view = window.library.view
    view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    assert _order(view) == [ids[0], ids[3], ids[1], ids[2], ids[4]]
    view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
    assert _order(view) == [ids[2], ids[1], ids[0], ids[3], ids[4]]
    # The undated show no date (their import day read as one), the tooltip says why.
    model = view.model()
    assert model.index(4, LibraryModel.DATE).data() == "—"
    assert "no publication date" in model.index(4, LibraryModel.DATE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(0, LibraryModel.DATE).data() == "2016-07-15"
    assert "—" in view.header().model().headerData(  # the header's own model (qtvalues)
        LibraryModel.DATE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    # An undated article imported later goes after the undated before it, in both orders,
    # and one given a date goes among the dated.
    late = window.project.documents.add(make_draft("نص متأخر", title="متأخر"))
    assert window.session is not None
    window.session.announce(ChangeSet(documents_added=(late,)))
    assert _order(view)[-2:] == [ids[4], late]
    window.project.documents.update_metadata(ids[4], published="2016-05-01")
    window.session.announce(ChangeSet(documents_changed=(ids[4],)))
    assert _order(view) == [ids[2], ids[4], ids[1], ids[0], ids[3], late]
    view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.AscendingOrder)
    assert _order(view) == [ids[0], ids[3], ids[1], ids[4], ids[2], late]
    documents = window.project.documents
    for descending in (False, True):
        order = list(documents.library_order("date", descending))
        assert [documents.library_position(i, "date", descending) for i in order] == list(
            range(len(order))
        )


def test_a_large_library_sorts_without_counting_rows_and_places_the_current_one_later(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Above ``counts_at_once`` articles a re-sort never counts the rows before the current
    article along an index on the GUI thread (seconds at a million): the new order shows at
    once, the whole order is read by a worker, and the current and selected articles get their
    rows back when it comes."""
    from desktop.ui.library.dock import LibraryDock

    project = _bulk(tmp_path / "big.hamish", 1200)
    dock = LibraryDock()
    qtbot.addWidget(dock)
    model = LibraryModel(project.documents, counts_path=str(project.path), counts_at_once=10)
    dock.set_model(model)
    dock.view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
    dock.resize(400, 300)
    dock.show()
    qtbot.waitExposed(dock)
    counted: list[int] = []
    real = project.documents.library_position

    def spy(document_id: int, key: str, descending: bool) -> int | None:
        counted.append(document_id)
        return real(document_id, key, descending)

    project.documents.library_position = spy  # type: ignore[method-assign]
    chosen = _expected(project, LibraryModel.DATE, True)[600]
    dock.select(chosen)
    counted.clear()
    for column, order in (
        (LibraryModel.TITLE, Qt.SortOrder.AscendingOrder),
        (LibraryModel.DATE, Qt.SortOrder.AscendingOrder),
        (LibraryModel.TITLE, Qt.SortOrder.DescendingOrder),
    ):
        assert dock.view.verticalScrollBar().value() > 0  # the open article in sight
        with qtbot.waitSignal(model.rows_placed, timeout=10_000) as placed:
            dock.view.sortByColumn(column, order)
            # its row not known yet: the top of the new order, not a page in the middle
            assert dock.view.verticalScrollBar().value() == 0
        assert counted == []
        expected = _expected(project, column, order == Qt.SortOrder.DescendingOrder)
        if column != LibraryModel.TITLE:  # titles: SQLite's NOCASE, ties by id either way
            assert placed.args[0][chosen] == expected.index(chosen)
        assert dock.view.currentIndex().data(ID_ROLE) == chosen
        assert dock.selected_documents() == [chosen]
        shown = dock.view.viewport().rect()
        assert shown.intersects(dock.view.visualRect(dock.view.currentIndex()))
    # Sorted again before the rows came: the article still gets its row back.
    with qtbot.waitSignal(model.rows_placed, timeout=10_000):
        dock.view.sortByColumn(LibraryModel.DATE, Qt.SortOrder.DescendingOrder)
        dock.view.sortByColumn(LibraryModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert dock.view.currentIndex().data(ID_ROLE) == chosen
    assert counted == []
    project.close()


def test_a_large_library_sorts_by_count_from_the_ids_its_worker_read(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The untagged articles of the order by count come from the ids the counts' worker read:
    reading and sorting a million ids on the GUI thread took seconds at each sort by count.
    An import makes the next sort read them again."""
    project = _bulk(tmp_path / "ids.hamish", 300)
    model = LibraryModel(project.documents, counts_path=str(project.path), counts_at_once=10)
    with qtbot.waitSignal(model.counts_loaded, timeout=10_000):
        pass
    read: list[int] = []
    real = project.documents.ids

    def spy() -> object:
        read.append(1)
        return real()

    project.documents.ids = spy  # type: ignore[method-assign]
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(LibraryModel.ANNOTATIONS, order)
        shown = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
        assert shown == _expected(project, LibraryModel.ANNOTATIONS, order.value == 1)
    assert read == []
    new = project.documents.add(make_draft("نص جديد", title="جديد"))
    model.apply(ChangeSet(documents_added=(new,)))
    assert read == [1]
    assert model.row_of(new) is not None
    project.close()


class _Asked(dict[int, int]):
    """Annotation counts that count the membership questions asked of them."""

    asked = 0

    def __contains__(self, key: object) -> bool:
        _Asked.asked += 1
        return super().__contains__(key)


def test_sorting_and_tagging_by_count_ask_the_counts_of_no_untouched_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The untagged articles of the order by count are kept across sorts and tags, and an
    article's first tag or last untag moves it alone: asking the counts about each of a
    million articles took 160 ms of the GUI thread at each sort by count — and at each tag
    while the library was sorted so. A row is found in the order's two parts."""
    import desktop.store.documents as documents

    project = _bulk(tmp_path / "tags.hamish", 300)
    real = documents.read_annotation_counts
    documents.read_annotation_counts = lambda path: _Asked(real(path))  # type: ignore[assignment]
    try:
        model = LibraryModel(project.documents, counts_path=str(project.path), counts_at_once=10)
        with qtbot.waitSignal(model.counts_loaded, timeout=10_000):
            pass
    finally:
        documents.read_annotation_counts = real  # type: ignore[assignment]
    label = project.labels.by_key("person")
    assert label is not None
    _Asked.asked = 0

    def check(descending: bool) -> None:
        shown = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
        assert shown == _expected(project, LibraryModel.ANNOTATIONS, descending)
        assert [model.row_of(doc) for doc in shown] == list(range(len(shown)))

    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(LibraryModel.ANNOTATIONS, order)
        check(order == Qt.SortOrder.DescendingOrder)
    untagged, tagged = 2, 8  # _bulk tags the article after every 7th but the 4th of them
    text = project.documents.get(untagged).text
    added = project.annotations.add(prepare_annotation(text, untagged, 0, 2, label.id, "t"))
    model.apply(ChangeSet(annotations_added=(added,), documents_changed=(untagged,)))
    check(False)
    assert project.annotations.for_document(tagged)
    for annotation in project.annotations.for_document(tagged):
        project.annotations.delete(annotation.id)
    model.apply(ChangeSet(documents_changed=(tagged,)))
    check(False)
    model.sort(LibraryModel.ANNOTATIONS, Qt.SortOrder.DescendingOrder)
    check(True)
    assert _Asked.asked < 10
    project.close()


def test_a_tag_moves_its_article_alone_in_the_order_by_count(qtbot: QtBot, tmp_path: Path) -> None:
    """Sorted by count, a tag re-sorted every tagged article (40,000 in a million-article
    project: half of a tag's 20 ms of GUI thread): the articles whose counts changed are
    taken out of the kept order and put back in their places. Counts that rise, fall to
    zero, rise from zero, and tie with others (equal counts by id), in both directions."""
    import random

    project = _bulk(tmp_path / "moves.hamish", 200)
    model = LibraryModel(project.documents)
    label = project.labels.by_key("person")
    assert label is not None
    sorts: list[int] = []
    real = model._tagged_by_count

    def counted(ids: object) -> list[int]:
        sorts.append(1)
        return real(ids)  # type: ignore[arg-type]

    model._tagged_by_count = counted  # type: ignore[method-assign]
    rng = random.Random(7)
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(LibraryModel.ANNOTATIONS, order)
        descending = order == Qt.SortOrder.DescendingOrder
        sorts.clear()
        for _ in range(40):
            docs = rng.sample(range(1, 201), rng.choice((1, 1, 2, 3, 12)))
            for doc in docs:
                text = project.documents.get(doc).text
                tags = project.annotations.for_document(doc)
                if tags and rng.random() < 0.4:
                    for annotation in tags[: rng.randint(1, len(tags))]:
                        project.annotations.delete(annotation.id)
                else:
                    for k in range(rng.randint(1, 3)):
                        project.annotations.add(
                            prepare_annotation(text, doc, k, k + 2, label.id, "t")
                        )
            model.apply(ChangeSet(documents_changed=tuple(docs)))
            shown = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
            assert shown == _expected(project, LibraryModel.ANNOTATIONS, descending)
            assert [model.row_of(doc) for doc in shown] == list(range(len(shown)))
        assert sorts == []  # mended, never sorted again
    project.close()
