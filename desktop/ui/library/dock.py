"""The library dock: every article of the project with its date and annotation count.

The model reads the list a page at a time (issue 15: a project of a million articles must
paint its library in a second). Nothing is done per article when the project opens: the row
count is one SQL count, each page of rows shown is read from the index of the sort column
(schema migration 9), and the annotation counts arrive from a worker thread after the first
paint (at once, on the GUI thread, for a project small enough not to notice). Sorting by title
or date is SQL along an index (a page in the second half of the list read from its end); on a
large project a worker then reads the whole order, so that any row is found and any page read at
once — the open article's row is placed when it comes, not counted along the index on the GUI
thread. Sorting by count, and a filter, hold the order as an array of ids filled by SQLite;
until the counts' worker has brought every id (a large library opened in its saved order by
count), the order by count is the tagged articles in hand and the untagged read a page at a time
by SQL (``_lazy_tagged``).
A ``ChangeSet`` updates the rows it names in place, or re-reads the order keeping the selection
and the current row by document id (a layout change), so a selection and scroll position
survive an import or a new tag.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QIdentityProxyModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet, DocumentSummary
from desktop.ui import qtvalues as qv
from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.qtvalues import Qt
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.direction import LTR_ALIGN, RTL_ALIGN, DirectionDelegate
from desktop.ui.widgets.headers import align_header, header_width
from desktop.ui.widgets.icons import icon
from desktop.ui.widgets.narrow import NarrowColumns

if TYPE_CHECKING:
    from desktop.store.documents import DocumentStore, LibraryRow

ID_ROLE = qv.USER_ROLE + 1
# Enum look-ups through PySide cost microseconds each; data() runs for every painted cell.
_DISPLAY = qv.DISPLAY_ROLE
_TOOLTIP = qv.TOOLTIP_ROLE
_ALIGN = qv.TEXT_ALIGNMENT_ROLE
_FOREGROUND = qv.FOREGROUND_ROLE
_DECORATION = qv.DECORATION_ROLE
_CENTER = qv.ALIGN_CENTER
# A title's alignment is its own direction's start, whatever the interface's: an Arabic title
# starts at the right in the English interface too (widgets.direction lays it out so).
_RTL_ALIGN = RTL_ALIGN
_LTR_ALIGN = LTR_ALIGN

AnyIndex = QModelIndex | QPersistentModelIndex
Search = Callable[[str], set[int]]

RECOUNTED_MOST = 1_000
"""More articles recounted at once than this (an import of tagged articles, a bulk accept
over many articles) and the order by count is sorted again, not mended."""
PAGE = 128
"""Rows read at a time: a few screens of the list."""
MAX_PAGES = 64
"""Pages kept; the oldest is dropped beyond this (about 8,000 rows, a few MB)."""
COUNTS_AT_ONCE = 5_000
"""Up to this many articles the annotation counts are read with the rows, before the first
paint (a few milliseconds); above it a worker thread reads them after it."""
FAR_PAGES = 16
"""A page read more than this many pages from both ends of a large library (a jump of the
scroll bar) has the whole order read in the background for the next ones."""
UNTAGGED_CHUNK = 20_000
"""Ids filtered by the counts at a time in a worker (a few milliseconds' hold of the lock)."""
SUBSTRING_LIMIT = 50_000
"""Up to this many articles the filter also finds its words inside titles and sources (folded
in Python, a few microseconds each); above it only the index's words (and prefixes) count."""


def _without(ids: Sequence[int], counts: dict[int, int], *, pause: float = 0.0) -> array[int]:
    """``ids`` that have no count, in their order, ``UNTAGGED_CHUNK`` at a time with ``pause``
    seconds between chunks in a worker thread: filtering a million ids in one C loop held the
    interpreter lock for 160 ms, and the window's paint (first paint included) waited."""
    found = array("q")
    for at in range(0, len(ids), UNTAGGED_CHUNK):
        found.extend(itertools.filterfalse(counts.__contains__, ids[at : at + UNTAGGED_CHUNK]))
        if pause:
            time.sleep(pause)
    return found


def _release_freed_memory() -> None:
    """Give back to the system what a worker's reading of a large library freed: glibc keeps
    it in the worker thread's own arena, and the strings a million ids are packed in (tens of
    MB a reading) stayed resident — the difference between under and over 300 MB with a
    million articles listed (issue 15). Elsewhere (no ``malloc_trim``): nothing."""
    global _malloc_trim
    if _malloc_trim is None:
        import ctypes

        try:
            _malloc_trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError, TypeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim: Any = None
"""libc's ``malloc_trim`` once looked up (False: there is none)."""


def _fold(text: str) -> str:
    from desktop.core.arabic import fold  # the folding tables load when filtering starts

    return fold(text)


class LibraryModel(QAbstractTableModel):
    TITLE, DATE, ANNOTATIONS = range(3)
    KEYS = ("title", "date", "annotations")
    HEADERS = (
        QT_TRANSLATE_NOOP("LibraryModel", "Title"),
        QT_TRANSLATE_NOOP("LibraryModel", "Date"),
        QT_TRANSLATE_NOOP("LibraryModel", "Tags"),  # the count is of annotations, not notes
    )
    counts_loaded = Signal()
    rows_placed = Signal(object)
    """{document id: row} of the documents whose rows a re-sort or change could not place at
    once (see ``_relayout``), once the order read in the background has placed them."""

    def __init__(
        self,
        documents: DocumentStore,
        parent: QWidget | None = None,
        *,
        counts_path: str | None = None,
        counts_at_once: int = COUNTS_AT_ONCE,
        column: int = DATE,
        descending: bool = True,
    ) -> None:
        super().__init__(parent)
        self._store = documents
        self._counts_path = counts_path
        self._counts_at_once = counts_at_once
        # The order it starts in (the analyst's saved one, settings.LIBRARY_SORT_COLUMN): read
        # as a header click's would be, without a sort of rows already read.
        self.column = column if 0 <= column < len(self.KEYS) else self.DATE
        self.descending = descending
        self.count_icon = False  # the count's header a tag's icon (a narrow dock), not a word
        self._total = 0
        self._count = 0
        self._order: array[int] | None = None
        self._pages: dict[int, list[LibraryRow]] = {}
        self._counts: dict[int, int] | None = None
        self._ids: array[int] | None = None
        """Every document id, ascending (read by the counts' worker on a large library), until
        ``_untagged`` is made of them. Sorting a million ids read off an index took the GUI
        thread seconds at each sort by count."""
        self._untagged: array[int] | None = None
        """The ids of ``_ids`` without annotations, ascending: the order by count's untagged
        part, kept across sorts and tags. Filtering a million ids by the counts took 160 ms of
        the GUI thread at each sort by count, and at each tag while the list was so sorted."""
        self._by_count: tuple[bool, list[int]] | None = None
        """The tagged articles in the order by count (no filter) and its direction, kept
        across tags: ``_recounted`` says whose counts changed since. Sorting a million-article
        project's 40,000 tagged articles again took half of a tag's 20 ms of GUI thread
        while the library was sorted by count; a changed count now moves its article alone."""
        self._recounted: set[int] = set()
        self._count_parts: tuple[list[int], array[int]] | None = None
        """The tagged articles (in the order's own order) and ``_untagged`` that make the order
        by count (no filter): a row is then found by a binary search, not by looking along a
        million ids (27 ms for one near the end, at each tag while the list was so sorted)."""
        self._lazy_tagged: list[int] | None = None
        """The tagged articles in the order by count (no filter) while the untagged rest is
        read a page at a time by SQL: a large library opened in its saved order by count,
        before the counts' worker brings every id. Reading and sorting a million ids on the
        GUI thread first cost that first paint 0.6 s (benchmarks/library.py --sorted)."""
        self._counts_pending = False
        """Whether the counts' worker (``_load_counts``) is reading them, and the ids."""
        self._search: Search | None = None
        self._text = ""
        self._filter: set[int] | None = None
        self._folded: list[tuple[int, str]] | None = None
        self.pages_read = 0
        """Pages read from the project so far (tests check that only what is shown is read)."""
        self._generation = 0
        """Counts the orders read (``_refresh``): an order the worker read for an older one is
        dropped."""
        self._loading: int | None = None
        """The generation whose whole order a worker is reading, if any."""
        self._awaiting: set[int] = set()
        """Documents that had rows (current, selected) before a re-sort, to be placed when the
        order read in the background comes (``rows_placed``)."""
        self.reload()

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Everything again: when a project is opened, or another program changed it."""
        self.beginResetModel()
        self._total = self._store.count()
        self._folded = None
        self._ids = self._untagged = None
        self._counts_pending = self._in_background  # the worker is asked for them below
        self._refresh()
        self.endResetModel()
        self._load_counts()

    def _load_counts(self) -> None:
        self._by_count = None
        if self._counts_path is None or self._total <= self._counts_at_once:
            self._counts = self._store.annotation_counts()
            self._counts_pending = False
            return
        self._counts = None
        self._ids = self._untagged = None
        from desktop.store.documents import read_annotation_counts, read_ids
        from desktop.ui.shell.workers import run_task

        path = self._counts_path

        def read() -> tuple[dict[int, int], array[int], array[int]]:
            counts, ids = read_annotation_counts(path), read_ids(path)
            return counts, ids, _without(ids, counts, pause=0.001)

        run_task(
            lambda _progress: read(),
            on_done=lambda found: self._counts_ready(*found),
            on_error=lambda _message, _details: self._counts_ready(self._store.annotation_counts()),
        )

    def _counts_ready(
        self,
        counts: dict[int, int],
        ids: array[int] | None = None,
        untagged: array[int] | None = None,
    ) -> None:
        with contextlib.suppress(RuntimeError):  # the model went with its project
            self._counts, self._by_count = counts, None
            self._counts_pending = False
            self._untagged = None
            if ids is not None and len(ids) == self._total:
                # Only the untagged are kept (a million ids fewer held); when an article was
                # tagged or untagged between the worker's readings they are filtered again.
                if untagged is not None and len(untagged) + len(counts) == len(ids):
                    self._untagged, self._ids = untagged, None
                else:
                    self._ids = ids
            _release_freed_memory()
            if self._lazy_tagged is not None:
                # The whole order by count at once now: any row found, the open article's
                # placed (``rows_placed``).
                self._relayout()
            if self._count:
                last = self.index(self._count - 1, self.ANNOTATIONS)
                self.dataChanged.emit(self.index(0, self.ANNOTATIONS), last)
            self.counts_loaded.emit()

    @property
    def counts_known(self) -> bool:
        return self._counts is not None

    @property
    def _in_background(self) -> bool:
        """Whether whole orders are read by a worker (a project too large to count along an
        index on the GUI thread), like the annotation counts."""
        return self._counts_path is not None and self._total > self._counts_at_once

    def _refresh(self) -> None:
        """The filter, the order (when it must be held) and the row count, from the project;
        no rows are read until they are shown."""
        self._generation += 1
        self._filter = self._matching(self._text)
        self._count_parts = None
        self._lazy_tagged = None
        key = self.KEYS[self.column]
        if key == "annotations" and (
            self._counts_pending
            and self._filter is None
            and self._untagged is None
            and self._ids is None
        ):
            if self._counts is None:
                self._counts, self._by_count = self._store.annotation_counts(), None
            self._lazy_tagged = self._every_tagged_by_count()
            self._order = None
            self._count = self._total  # the tagged, and the untagged rest
        elif key == "annotations":
            self._order = self._count_order()
            self._count = len(self._order)
        elif self._filter is not None:
            self._order = self._store.library_order(key, self.descending, self._filter)
            self._count = len(self._order)
        else:
            self._order = None
            self._count = self._total
        self._pages.clear()

    def _count_order(self) -> array[int]:
        """The order by annotation count, from the counts in hand (read now if the worker has
        not brought them yet): the few tagged articles sorted in Python, the untagged rest by
        id as SQLite lists them — a million articles in a fraction of a second, where SQL
        counting each article's annotations to sort took seconds."""
        if self._counts is None:
            self._counts, self._by_count = self._store.annotation_counts(), None
            self._untagged = None
        counts = self._counts
        shown = self._filter
        if shown is not None:
            untagged = _without(sorted(shown), counts)
            tagged = self._tagged_by_count(doc for doc in counts if doc in shown)
        else:
            if self._untagged is None:
                ids = self._ids if self._ids is not None else self._store.ids()
                self._untagged, self._ids = _without(ids, counts), None
            untagged = self._untagged
            tagged = self._every_tagged_by_count()
            self._count_parts = (tagged, untagged)
        ordered = array("q", tagged)
        return ordered + untagged if self.descending else untagged + ordered

    def _tagged_by_count(self, ids: Iterable[int]) -> list[int]:
        """``ids`` (tagged articles) by their count in this direction, equal counts by id."""
        counts = self._counts
        assert counts is not None
        tagged = sorted(ids)
        tagged.sort(key=counts.__getitem__, reverse=self.descending)  # equal counts: by id
        return tagged

    def _every_tagged_by_count(self) -> list[int]:
        """Every tagged article by count: the last such order with the articles whose counts
        changed since taken out and put back in their places (``_recounted``), else sorted."""
        counts = self._counts
        assert counts is not None
        kept, recounted = self._by_count, self._recounted
        self._recounted = set()
        if kept is None or kept[0] != self.descending:
            tagged = self._tagged_by_count(counts)
        else:
            tagged = kept[1]
            if len(recounted) > 8:
                tagged = [doc for doc in tagged if doc not in recounted]
            else:  # a tag's one article: looked for in C
                for doc in recounted:
                    with contextlib.suppress(ValueError):
                        tagged.remove(doc)
            if recounted:
                sign = -1 if self.descending else 1
                for doc in sorted(recounted):
                    count = counts.get(doc)
                    if count:
                        at = bisect.bisect_left(
                            tagged, (sign * count, doc), key=lambda d: (sign * counts[d], d)
                        )
                        tagged.insert(at, doc)
        self._by_count = (self.descending, tagged)
        return tagged

    def _matching(self, text: str) -> set[int] | None:
        """The documents the filter keeps (None: no filter): the index's matches, and on a
        smaller project the folded titles and sources containing every word."""
        if not text.strip():
            return None
        found: set[int] = set()
        if self._search is not None:
            with contextlib.suppress(HamishError):  # e.g. an unclosed quote: the substrings
                found = set(self._search(text))
        needles = _fold(text).split()
        if needles and self._total <= SUBSTRING_LIMIT:
            if self._folded is None:
                self._folded = [
                    (doc, _fold(f"{title} {source}"))
                    for doc, title, source in self._store.titles_and_sources()
                ]
            found.update(
                doc
                for doc, haystack in self._folded
                if all(needle in haystack for needle in needles)
            )
        return found

    def _rows(self, page: int) -> list[LibraryRow]:
        rows = self._pages.get(page)
        if rows is not None:
            return rows
        start = page * PAGE
        if self._order is not None or self._lazy_tagged is not None:
            ids = (
                self._order[start : start + PAGE]
                if self._order is not None
                else self._lazy_ids(start, PAGE)
            )
            found = self._store.library_rows(ids)
            rows = [found[doc] for doc in ids if doc in found]
        else:
            rows = self._store.library_page(
                self.KEYS[self.column], self.descending, start, PAGE, self._count
            )
            if min(start, self._count - start) > FAR_PAGES * PAGE:
                self._load_order()  # the next jump this far in need not step over the rest
        self.pages_read += 1
        if len(self._pages) >= MAX_PAGES:
            del self._pages[next(iter(self._pages))]
        self._pages[page] = rows
        return rows

    def _lazy_parts(self) -> tuple[list[int], int, int]:
        """The tagged part of the lazy order by count, where it starts and where the untagged
        part starts (descending: the tagged first)."""
        tagged = self._lazy_tagged
        assert tagged is not None
        untagged = self._count - len(tagged)
        if self.descending:
            return tagged, 0, len(tagged)
        return tagged, untagged, 0

    def _lazy_ids(self, start: int, limit: int) -> list[int]:
        """Rows ``start`` to ``start + limit`` of the lazy order by count: the tagged from the
        list in hand, the untagged by SQL along the ids."""
        tagged, at_tagged, at_untagged = self._lazy_parts()
        untagged = self._count - len(tagged)
        end = min(self._count, start + limit)
        ids: list[int] = []
        parts = [(at_tagged, len(tagged), True), (at_untagged, untagged, False)]
        for first, size, is_tagged in sorted(parts):
            low, high = max(start, first), min(end, first + size)
            if low >= high:
                continue
            if is_tagged:
                ids.extend(tagged[low - first : high - first])
            else:
                ids.extend(self._store.untagged_ids(low - first, high - low, untagged))
        return ids

    def _row(self, row: int) -> LibraryRow | None:
        if not 0 <= row < self._count:
            return None
        rows = self._rows(row // PAGE)
        at = row % PAGE
        return rows[at] if at < len(rows) else None

    def _load_order(self) -> None:
        """Read the whole order (title or date, no filter) in a worker, once per order: with
        it in hand any row is found, and any page read, at once. The GUI thread meanwhile
        reads pages along the index from the nearer end of the list."""
        if (
            not self._in_background
            or self._order is not None
            or self._lazy_tagged is not None  # the counts' worker brings the order
            or self._loading == self._generation
        ):
            return
        from desktop.store.documents import read_library_order
        from desktop.ui.shell.workers import run_task

        assert self._counts_path is not None
        path, key, descending = self._counts_path, self.KEYS[self.column], self.descending
        generation = self._loading = self._generation
        run_task(
            lambda _progress: read_library_order(path, key, descending),
            on_done=lambda order: self._order_ready(generation, order),
            on_error=lambda _message, _details: self._order_ready(generation, None),
        )

    def _order_ready(self, generation: int, order: array[int] | None) -> None:
        with contextlib.suppress(RuntimeError):  # the model went with its project
            if generation != self._generation:
                return  # sorted or changed again since: that order has its own reading
            self._loading = None
            if order is None or len(order) != self._count:
                return  # another program changed the project meanwhile: pages it is
            self._order = order
            _release_freed_memory()
            self._place_awaiting()

    def _place_awaiting(self) -> None:
        if not self._awaiting:
            return
        placed = {}
        for doc in sorted(self._awaiting):
            place = self.row_of(doc)
            if place is not None:  # not deleted meanwhile
                placed[doc] = place
        self._awaiting.clear()
        self.rows_placed.emit(placed)

    @property
    def placing(self) -> bool:
        """Whether documents wait for their rows (``rows_placed``)."""
        return bool(self._awaiting)

    def awaits(self, document_id: int) -> bool:
        """Whether this document waits for its row (``rows_placed``)."""
        return document_id in self._awaiting

    @property
    def order_loading(self) -> bool:
        """Whether a worker is reading the order (rows of ``rows_placed`` still to come)."""
        return self._loading is not None and self._loading == self._generation

    def _cached_row_of(self, document_id: int) -> int | None:
        for page, rows in self._pages.items():
            for at, row in enumerate(rows):
                if row[0] == document_id:
                    return page * PAGE + at
        return None

    # --- filtering -----------------------------------------------------------------------
    def set_search(self, search: Search | None) -> None:
        """Match article text through the project's index (None: titles and sources only)."""
        self._search = search
        if self._text.strip():
            self._relayout()

    def set_query(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._relayout()

    # --- sorting (SQL along an index; see desktop/store/documents.py) ----------------------
    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Qt's sort (a header click); ``order`` None is ascending, as Qt's default."""
        descending = order is not None and order == Qt.SortOrder.DescendingOrder
        if not 0 <= column < len(self.KEYS) or (column, descending) == (
            self.column,
            self.descending,
        ):
            return

        def resort() -> None:
            # After the rows held are read under the old order: a page not yet read (the
            # current row scrolled to but not painted) was read in the new one, and the
            # current row moved onto another article.
            self.column, self.descending = column, descending
            self._refresh()

        self._relayout(resort)

    def _relayout(self, refresh: Callable[[], None] | None = None) -> None:
        """Read the order again, keeping the view's persistent rows (current row, selection)
        on their documents."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = []
        for index in persistent:
            row = self._row(index.row())
            ids.append(None if row is None else row[0])
        (refresh or self._refresh)()
        places = {doc: self._place_now(doc) for doc in dict.fromkeys(ids) if doc is not None}
        moved = []
        for index, doc in zip(persistent, ids, strict=True):
            place = None if doc is None else places[doc]
            moved.append(QModelIndex() if place is None else self.index(place, index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
        if self._awaiting:  # still waiting from an earlier re-sort, or from this one
            if self._order is not None or not self._in_background:
                self._place_awaiting()
            else:
                self._load_order()

    def apply(self, changes: ChangeSet) -> None:
        """Update only the rows a user action touched."""
        if changes.documents_reloaded:
            self.reload()
            return
        changed = set(changes.documents_changed)
        fresh = self._store.library_rows(sorted(changed)) if changed else {}
        # Articles added with their tags (an exchange import, an undone deletion) are counted
        # too: their counts stayed blank until the project was opened again.
        counted = changed | set(changes.documents_added)
        if self._counts is not None and counted:
            for doc, count in self._store.annotation_counts(sorted(counted)).items():
                if self._by_count is not None and self._counts.get(doc, 0) != count:
                    self._recounted.add(doc)
                if count:
                    if doc not in self._counts:
                        self._untag(doc, tagged=True)
                    self._counts[doc] = count
                elif self._counts.pop(doc, None) is not None:
                    self._untag(doc, tagged=False)
            if len(self._recounted) > RECOUNTED_MOST:  # sorted again, not mended
                self._by_count, self._recounted = None, set()
        if changes.documents_removed or changes.documents_added:
            self._folded = None
            self._relayout(self._recount)
            return
        moved = searchable = False
        # Tags change an article's count, never its title, source or date: its place in any
        # order but the count's stays where it is.
        tags_only = bool(
            changes.annotations_added or changes.annotations_removed or changes.annotations_changed
        )
        for doc, row in fresh.items():
            at = self._cached_row_of(doc)
            if at is None:
                # not in a page read so far: its place is read again below
                moved = moved or not tags_only
                continue
            rows = self._pages[at // PAGE]
            if rows[at % PAGE][1:] != row[1:]:
                self._folded = None
                searchable = True
                moved = moved or self.column != self.ANNOTATIONS
            rows[at % PAGE] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.HEADERS) - 1))
        # A tag changes its article's count, never what a text filter matches: the filter is
        # asked again only when a title or source changed (asking it cost every tag).
        if fresh and (
            moved or self.column == self.ANNOTATIONS or (searchable and self._text.strip())
        ):
            self._relayout()

    def _untag(self, document_id: int, *, tagged: bool) -> None:
        """Keep ``_untagged`` as the article's first tag (``tagged``) or its last untag left it:
        a search and a shift of the array, not a pass over the counts."""
        untagged = self._untagged
        if untagged is None:
            return
        self._count_parts = None  # no longer the order's; made again with the order
        at = bisect.bisect_left(untagged, document_id)
        there = at < len(untagged) and untagged[at] == document_id
        if tagged and there:
            del untagged[at]
        elif not tagged and not there:
            untagged.insert(at, document_id)

    def _recount(self) -> None:
        # Articles came or went: read again by the next sort by count.
        self._ids = self._untagged = None
        self._total = self._store.count()
        self._refresh()

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    header_changed = Signal()
    """The columns' names or icons changed (``header_data``)."""

    def header_data(self, section: int, role: int = _DISPLAY) -> Any:
        """What the column's header shows for ``role``. Not ``headerData``: the header's
        paint would hand that a ``Qt.Orientation`` (see ``qtvalues``); the view's header
        reads this through a model of its own (``LibraryDock._fill_header``)."""
        if role == _DISPLAY:
            if section == self.ANNOTATIONS and self.count_icon:
                # A tag's icon on a narrow dock, not the word: «الوسوم» made the column of
                # counts (mostly empty, three digits at most) a third of a laptop's dock and
                # cut the titles to «تونس تعلن مو…» (a trial). The name is in the tooltip.
                return ""
            return QCoreApplication.translate("LibraryModel", self.HEADERS[section])
        if section == self.ANNOTATIONS:
            if role == _TOOLTIP:
                name = QCoreApplication.translate("LibraryModel", self.HEADERS[section])
                return name + ": " + self.tr("Tagged passages (annotations) in the article")
            if role == _DECORATION and self.count_icon:
                return icon("mdi6.tag-outline")  # in the theme's grey (icons.set_theme_color)
        if role == _TOOLTIP and section == self.DATE:
            return self.tr(
                "Publication date (— when the article has none: sorted by date, those come last)"
            )
        return None

    def set_count_icon(self, on: bool) -> None:
        """The count's header a tag's icon (``on``: a narrow dock) or its name."""
        if on != self.count_icon:
            self.count_icon = on
            self.header_changed.emit()

    def _count_of(self, document_id: int) -> int | None:
        return None if self._counts is None else self._counts.get(document_id, 0)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        doc_id, title, source, published, _language, direction, chars, imported = row
        column = index.column()
        if role == _DISPLAY:
            if column == self.TITLE:
                return title
            if column == self.DATE:
                # No date for an undated article: its import day read as its date (2013's
                # articles imported today were "today's"; a trial). The tooltip gives it.
                return published or "—"
            count = self._count_of(doc_id)
            return str(count) if count else ""
        if role == _ALIGN:
            if column != self.TITLE:
                return _CENTER
            # Arabic titles start at the right edge, like the article they name.
            return _RTL_ALIGN if direction == "rtl" else _LTR_ALIGN
        if role == _TOOLTIP:
            return self._tooltip(title, source, published, imported, chars, self._count_of(doc_id))
        if role == _FOREGROUND and column == self.DATE and not published:
            return qv.solid_brush(QColor("#7a868a"))
        if role == ID_ROLE:
            return doc_id
        return None

    def _tooltip(
        self,
        title: str,
        source: str,
        published: str | None,
        imported: str,
        chars: int,
        count: int | None,
    ) -> str:
        parts = [title]
        if source:
            parts.append(source)
        parts.append(
            self.tr("Published {date}").format(date=published)
            if published
            else self.tr("Imported {date} (no publication date)").format(date=imported[:10])
        )
        line = self.tr("%Ln character(s)", "", chars)
        if count is not None:
            line += " · " + self.tr("%n annotation(s)", "", count)
        parts.append(line)
        return "\n".join(parts)

    def _place_now(self, document_id: int) -> int | None:
        """The row of a document after a re-sort or change, if it can be had at once: from the
        order or the pages in hand, or on a small project counted along the index. On a large
        one counting the rows before it took seconds (a million index entries for a row in
        the middle), so the document waits for the order the worker reads (``rows_placed``)
        and its row is left without a place meanwhile."""
        if self._order is not None or not self._in_background:
            return self.row_of(document_id)
        cached = self._cached_row_of(document_id)
        if cached is None:
            self._awaiting.add(document_id)
        return cached

    def row_of(self, document_id: int) -> int | None:
        """The row of a document as listed (None when it is not listed)."""
        if self._count_parts is not None:
            return self._count_row_of(document_id, *self._count_parts)
        if self._lazy_tagged is not None:
            tagged, at_tagged, _at_untagged = self._lazy_parts()
            with contextlib.suppress(ValueError):
                return at_tagged + tagged.index(document_id)
            # Untagged: its row from the pages in hand, else when the counts' worker brings
            # every id (counting the untagged ids before it walked the table: seconds).
            cached = self._cached_row_of(document_id)
            if cached is None:
                self._awaiting.add(document_id)
            return cached
        if self._order is not None:
            try:
                return self._order.index(document_id)
            except ValueError:
                return None
        cached = self._cached_row_of(document_id)
        if cached is not None:
            return cached
        return self._store.library_position(document_id, self.KEYS[self.column], self.descending)

    def _count_row_of(
        self, document_id: int, tagged: list[int], untagged: array[int]
    ) -> int | None:
        at = bisect.bisect_left(untagged, document_id)
        if at < len(untagged) and untagged[at] == document_id:
            return at + len(tagged) if self.descending else at
        try:
            at = tagged.index(document_id)
        except ValueError:
            return None
        return at if self.descending else len(untagged) + at

    def document_at(self, row: int) -> int | None:
        found = self._row(row)
        return None if found is None else found[0]

    def summary(self, document_id: int) -> DocumentSummary | None:
        found = self._store.summaries([document_id])
        return found[0] if found else None


class LibraryFilter(QIdentityProxyModel):
    """What the view shows: the model itself (an identity proxy maps rows in C++, never per
    row in Python). The filter box's text and the project's index search go to the model,
    which filters on folded text, so ``اوباما`` finds ``أوباما`` and harakat never get in the
    way: a row is kept when the index finds the words in its title, source or article text (the
    last word typed counts as a prefix), or, on a project of up to ``SUBSTRING_LIMIT``
    articles, when its folded title and source contain them as substrings (the fallback that
    also serves a half-typed query the index cannot parse, such as an unclosed quote).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._search: Search | None = None

    def _model(self) -> LibraryModel | None:
        model = self.sourceModel()
        return model if isinstance(model, LibraryModel) else None

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        if isinstance(model, LibraryModel):
            model.set_search(self._search)
            model.set_query(self._text)

    def set_search(self, search: Search | None) -> None:
        self._search = search
        model = self._model()
        if model is not None:
            model.set_search(search)

    def set_query(self, text: str) -> None:
        self._text = text
        model = self._model()
        if model is not None:
            model.set_query(text)


class LibraryView(QTableView):
    """A table, not a tree: ``QTreeView`` lays out every row whenever the rows change (a sort,
    a filter, an import), asking the model for each one's index — two Python calls per article,
    seconds at a million. A table asks only for the rows it paints; its vertical header (hidden)
    keeps the uniform row height without visiting rows. Looks and behaves like the tree did:
    whole rows, no grid, no row numbers, Tab leaves the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)  # + the item padding
        self.horizontalHeader().setHighlightSections(False)
        align_header(self.horizontalHeader())  # the sort arrow after
        # The columns' names and icons: a model of Qt's own, filled by the dock (a Python
        # model's headerData would be handed a Qt.Orientation by the header's paint).
        from PySide6.QtGui import QStandardItemModel

        self.header_model = QStandardItemModel(0, len(LibraryModel.HEADERS), self)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.horizontalHeader().setModel(self.header_model)

    def header(self) -> QHeaderView:
        """The column header (the name QTreeView gives it)."""
        return self.horizontalHeader()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A right click selects the row under it for the context menu (Open Beside, Delete,
        Edit Metadata) without making it current: the current row is the article open in the
        reader, and moving it there replaced that article before Open Beside could put the
        clicked one beside it."""
        if event.button() == Qt.MouseButton.RightButton:
            index = self.indexAt(event.position().toPoint())
            selection = self.selectionModel()
            if index.isValid() and not selection.isRowSelected(index.row(), QModelIndex()):
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            event.accept()
            return
        super().mousePressEvent(event)


class FilterEdit(QLineEdit):
    """The library's filter box: Down goes into the list, on its first row (Enter opens that
    row's article, ``LibraryDock._open_first``)."""

    moved_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.moved_down.emit()
            return
        super().keyPressEvent(event)


class LibraryDock(QDockWidget):
    """Filter box above a sortable list; emits ``document_activated`` with a document id."""

    document_activated = Signal(int)
    sort_changed = Signal(int, bool)
    """The list sorted again by a header click: its column and whether descending (saved, so
    the library opens as it was left)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False  # the sort arrow is measured once the window has painted
        self.setWindowTitle(self.tr("Library"))
        self.setObjectName("library_dock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        self.filter_edit = FilterEdit(body)
        self.filter_edit.setObjectName("library_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter articles…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        follow_content(self.filter_edit)
        layout.addWidget(self.filter_edit)
        self.view = LibraryView(body)
        self.view.setObjectName("library_view")
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        # Several rows can be selected (Ctrl/Shift+click) to delete them together.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        qv.set_property(self.view, "textElideMode", qv.ELIDE_RIGHT)
        # Each title laid out and cut in its article's direction, whatever the interface's.
        self.titles = DirectionDelegate(self.view)
        self.view.setItemDelegateForColumn(LibraryModel.TITLE, self.titles)
        layout.addWidget(self.view)
        self.setWidget(body)
        self.proxy = LibraryFilter(self)
        self.filter_edit.textChanged.connect(self.proxy.set_query)
        # Down in the filter: into the list, its first article open (a trial typed a name,
        # pressed Down and Enter, and the reader kept an article the filter hid).
        self.filter_edit.moved_down.connect(self._into_list)
        # Enter in the filter: its first article open, the keyboard left in the box (Enter left
        # the list without a current row, and nothing opened).
        self.filter_edit.returnPressed.connect(self._open_first)
        self.view.setModel(self.proxy)
        self.model: LibraryModel | None = None
        self._suppress = False
        self._before_current: int | None = None
        self._before_selected: list[int] = []
        # The view keeps the proxy, and so this selection model, for its whole life: connect
        # once here, not per project (each connection would open the article once more).
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.header().sortIndicatorChanged.connect(self._sorted)
        # On a narrow dock (a laptop) the titles need the room more than the dates, which
        # stay in each row's tooltip and keep sorting the list.
        self.narrow = NarrowColumns(
            self.view, (LibraryModel.DATE,), self.NARROW, changed=self._narrow_changed
        )

    NARROW = 300  # px: below this the Date column gives its room to the titles

    def follow_theme(self) -> None:
        """The count's header icon read again, in the theme's grey: on the dark theme it kept
        the light theme's and all but vanished (a trial). The header holds what it was given;
        the filter's magnifier, an action, follows with the window's ``icons.follow_theme``."""
        self._fill_header()

    def set_model(self, model: LibraryModel) -> None:
        old, self.model = self.model, model
        self.proxy.setSourceModel(model)
        model.header_changed.connect(self._fill_header)
        self._fill_header()
        model.layoutAboutToBeChanged.connect(self._remember_rows)
        model.rows_placed.connect(self._place_rows)
        if old is not None and old is not model:
            old.deleteLater()  # the closed project's rows: nothing refers to them any more
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from font metrics: ResizeToContents would measure every row on each
        # layout, which is O(documents) and crawls on a large corpus. Date and count take
        # only what their text (and the header's sort arrow) needs: the title gets the rest.
        model.set_count_icon(bool(self.narrow.narrow))
        self._size_columns()

    def window_painted(self) -> None:
        """The window has painted: the columns sized again with the sort arrow measured
        (before, Fusion's: see widgets/headers.py), which changes nothing under Fusion."""
        self._painted = True
        self._size_columns()

    def _fill_header(self) -> None:
        """The header's names, icon and tooltips, from the model (``header_data``)."""
        model = self.model
        if model is None:
            return
        from PySide6.QtGui import QStandardItem

        for section in range(len(model.HEADERS)):
            item = QStandardItem()
            for role in (_DISPLAY, _DECORATION, _TOOLTIP):
                value = model.header_data(section, role)
                if value is not None:
                    item.setData(value, role)
            self.view.header_model.setHorizontalHeaderItem(section, item)

    def _narrow_changed(self, narrow: bool) -> None:
        """On a narrow dock the count's header is an icon, and its column as narrow."""
        if self.model is not None:
            self.model.set_count_icon(narrow)
            self._size_columns()

    def _size_columns(self) -> None:
        model = self.model
        if model is None:
            return
        header = self.view.header()
        metrics = self.view.fontMetrics()
        labels = header.fontMetrics()
        for column, sample in (
            (LibraryModel.DATE, "0000-00-00"),
            (LibraryModel.ANNOTATIONS, "000"),
        ):
            title = str(model.header_data(column))
            # + the stylesheet's item padding (12) and text margins; the header's words (the
            # count's an icon: its width) beside the sort arrow, which sat on the icon
            named = labels.horizontalAdvance(title) if title else header.iconSize().width()
            width = max(
                metrics.horizontalAdvance(sample) + 20,
                header_width(header, named, measure=self._painted),
            )
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    SELECTION_KEPT = 1_000
    """Up to this many selected rows are found again when a re-sort of a large library could
    not place them at once (a larger selection is a select-all: it is not kept)."""

    def _remember_rows(self) -> None:
        """The current and selected articles before the rows move: a large library places
        those it cannot find at once later (``LibraryModel.rows_placed``)."""
        selection = self.view.selectionModel()
        current = selection.currentIndex()
        if not current.isValid() and self.model is not None and self.model.placing:
            return  # sorted again before the rows came: those remembered still wait
        self._before_current = None if not current.isValid() else current.data(ID_ROLE)
        ranges = selection.selection()
        if sum(ranges.at(at).height() for at in range(ranges.count())) <= self.SELECTION_KEPT:
            self._before_selected = [index.data(ID_ROLE) for index in selection.selectedRows()]
        else:
            self._before_selected = []

    def _place_rows(self, placed: dict[int, int]) -> None:
        """Select again, and make current again, the articles a re-sort left without a row,
        now that their rows are known — unless the analyst chose another row meanwhile."""
        selection = self.view.selectionModel()
        chosen = selection.currentIndex()
        if self.model is None or (
            chosen.isValid() and chosen.data(ID_ROLE) != self._before_current
        ):
            return
        self._suppress = True
        try:
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            for doc in self._before_selected:
                if doc in placed:
                    selection.select(self.proxy.index(placed[doc], 0), flags)
            current = self._before_current
            if current in placed:
                index = self.proxy.index(placed[current], 0)
                # Scrolled to only if the list is still at its top (a re-sort shows the top):
                # an analyst already browsing the new order is not moved.
                at_top = self.view.verticalScrollBar().value() == 0
                self.view.setAutoScroll(False)
                try:
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                finally:
                    self.view.setAutoScroll(True)
                if at_top:
                    self.view.scrollTo(index)
        finally:
            self._suppress = False

    def _sorted(self) -> None:
        """After a header click: the open article's row in sight if it has one, else the top
        of the new order — not the middle of a large list, a page an OFFSET reads only after
        stepping over the index entries before it (seconds at a million)."""
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)
        else:
            self.view.scrollToTop()
        if self.model is not None:
            self.sort_changed.emit(self.model.column, self.model.descending)

    def _into_list(self) -> None:
        """The keyboard into the list, the first article it shows current (and open)."""
        if not self.proxy.rowCount():
            return
        self.view.setFocus()
        self._open_first()

    def _open_first(self) -> None:
        """The first article the list shows current, and so open (Enter in the filter box:
        the keyboard stays there, to narrow the filter further)."""
        if not self.proxy.rowCount():
            return
        self.view.selectionModel().setCurrentIndex(
            self.proxy.index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(self.proxy.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._suppress or not current.isValid():
            return
        doc_id = current.data(ID_ROLE)
        if doc_id is not None:
            self.document_activated.emit(int(doc_id))

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Rows change without opening anything: while several articles go at once, the
        current row would otherwise move onto one that is already deleted and open it."""
        before, self._suppress = self._suppress, True
        try:
            yield
        finally:
            self._suppress = before

    def select(self, document_id: int) -> None:
        """Highlight a document's row without re-emitting ``document_activated``."""
        if self.model is None:
            return
        row = self.model.row_of(document_id)
        if row is None:
            if self.model.awaits(document_id):  # its row comes with the order: selected then
                self._before_current, self._before_selected = document_id, [document_id]
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        if self.view.currentIndex() == index:
            return  # opened from the list itself: keep a Ctrl/Shift selection as it is
        self._suppress = True
        try:
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if self.view.isVisible():
                self.view.scrollTo(index)
            else:  # before the first show: scrolling would force a layout pass for nothing
                persistent = QPersistentModelIndex(index)
                QTimer.singleShot(0, lambda: self._scroll_to(persistent))
        finally:
            self._suppress = False

    def _scroll_to(self, index: QPersistentModelIndex) -> None:
        if index.isValid():
            self.view.scrollTo(self.proxy.index(index.row(), index.column()))

    def selected_documents(self) -> list[int]:
        """The selected articles, top to bottom as listed."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda index: index.row())
        return [int(index.data(ID_ROLE)) for index in rows]

    def document_near(self, row: int) -> int | None:
        """The article at a row of the list as shown, or the last one above it."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        index = self.proxy.index(max(0, min(row, count - 1)), 0)
        return int(index.data(ID_ROLE))

    def first_document(self) -> int | None:
        index = self.proxy.index(0, 0)
        return None if not index.isValid() else int(index.data(ID_ROLE))
