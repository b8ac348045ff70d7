"""Issue 15: a tag painted within a frame. What costs the frame is work proportional to the
article (a query a view repeats, a layout of every row), so these tests count that work."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QPaintEvent, QRegion, QTextBlock
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.models import Annotation, ChangeSet
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.annotations.panel import AnnotationModel
from desktop.ui.reader.highlighter import AnnotationHighlighter, Span
from desktop.ui.shell.mainwindow import MainWindow

from .samples import KERRY_ARTICLE, label_id, tagged_long_article

MakeWindow = Callable[..., MainWindow]


_KEPT: list[object] = []
"""Functions swapped into a Qt class: PySide may call them after the test."""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "frame.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(KERRY_ARTICLE, title="كيري ولافروف"))
    return path


def test_a_tag_reads_its_new_annotation_once_for_every_view(
    qtbot: QtBot, make_window: MakeWindow, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader, the Annotations panel and the suggestions each read the new annotation
    (three queries a tag); the review queue read the whole article for its title."""
    window = make_window(article)
    qtbot.waitUntil(lambda: bool(window.suggestions.items), timeout=10_000)
    store = window.project.annotations
    reads: list[list[int]] = []
    many = store.many

    def counted(ids: list[int]) -> list:  # type: ignore[type-arg]
        reads.append(list(ids))
        return many(ids)

    texts: list[int] = []
    get = window.project.documents.get

    def counted_get(document_id: int) -> object:
        texts.append(document_id)
        return get(document_id)

    monkeypatch.setattr(store, "many", counted)
    monkeypatch.setattr(window.project.documents, "get", counted_get)
    start = KERRY_ARTICLE.index("سيرغي لافروف")
    window.reader.text.select_cp(start, start + len("سيرغي لافروف"))
    new = window.tagging.tag_selection(label_id(window, "person"))
    assert new is not None
    assert reads == [[new]]
    assert texts == []
    # Every view has it all the same.
    assert window.annotation_model.row_of(new) is not None
    assert window.reader.text.index.get(new) is not None
    # Outside an announced change nothing is kept: a later read sees the file as it is.
    assert window.session is not None
    assert [a.id for a in window.session.annotations([new])] == [new]
    assert len(reads) == 2


def test_a_tag_does_not_lay_out_every_row_of_the_panel(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tree view laid out all rows again for each inserted one, asking the Python model
    twice a row: 20,000 calls a tag on an article with 10,000 annotations."""
    path = tmp_path / "many.hamish"
    text = " ".join(["كلمة"] * 4000)
    with Project.open(path) as project:
        doc = project.documents.add(make_draft(text, title="طويل"))
        label = project.labels.all()[0].id
        with project.database.transaction():
            for n in range(0, 3000):
                start = n * 5
                project.annotations.add(
                    prepare_annotation(text, doc, start, start + 4, label, "test")
                )
    calls = [0]
    row_count, column_count = AnnotationModel.rowCount, AnnotationModel.columnCount

    def rows(self: AnnotationModel, *args: object) -> int:
        calls[0] += 1
        return row_count(self, *args)  # type: ignore[arg-type]

    def columns(self: AnnotationModel, *args: object) -> int:
        calls[0] += 1
        return column_count(self, *args)  # type: ignore[arg-type]

    # Before the model is made: PySide looks a Python override up when it wraps the object.
    monkeypatch.setattr(AnnotationModel, "rowCount", rows)
    monkeypatch.setattr(AnnotationModel, "columnCount", columns)
    _KEPT.extend((rows, columns))  # PySide keeps no reference: alive in case it calls them later
    window = make_window(path)
    qtbot.waitUntil(lambda: window.annotation_model.rowCount() == 3000)
    view = window.annotations.view
    view.viewport().repaint()
    calls[0] = 0
    start = 3500 * 5
    window.reader.text.select_cp(start, start + 4)
    assert window.tagging.tag_selection(label_id(window, "person")) is not None
    window.repaint()
    qtbot.wait(10)
    window.repaint()
    assert window.annotation_model.rowCount() == 3001
    assert 0 < calls[0] < 1000


def test_a_tag_under_a_library_filter_asks_the_index_nothing(
    qtbot: QtBot, make_window: MakeWindow, article: Path
) -> None:
    """An active library filter asked the search index again on every tag (a tag changes its
    article's count, never what the index finds); the count follows without a query."""
    window = make_window(article)
    library = window.library
    asked: list[str] = []
    search = library.proxy._search
    assert search is not None

    def counted(text: str) -> set[int]:
        asked.append(text)
        return search(text)

    library.proxy.set_search(counted)
    library.filter_edit.setText("لافروف")
    assert asked and library.proxy.rowCount() == 1
    asked.clear()
    model = library.model
    assert model is not None
    text = window.reader.text
    tagged = []
    for word in ("سيرغي لافروف", "موسكو"):
        start = KERRY_ARTICLE.index(word)
        text.select_cp(start, start + len(word))
        tagged.append(window.tagging.tag_selection(label_id(window, "person")))
    window.tagging.delete_annotation(tagged[0])
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert asked == []
    doc = window.reader.document_id
    assert doc is not None
    (stored,) = window.project.documents.summaries([doc])
    summary = model.summary(doc)
    assert summary is not None and summary.annotation_count == stored.annotation_count == 2
    # A new title is a change the filter must see.
    from functools import partial

    from desktop.ops import articles

    session = window.session
    assert session is not None
    session.run(partial(articles.edit_metadata, document_id=doc, values={"title": "لافروف"}))
    assert asked == ["لافروف"]


# --- opening a long article: the screen first, the rest in idle time ---------------------------
def _long_article(path: Path, paragraphs: int = 400) -> tuple[int, str, list[tuple[int, int]]]:
    """A long article (past DEFER_CHARS) with a tag in every paragraph."""
    line = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بحضور الأطراف"
    text = "\n".join(f"{n} {line}" for n in range(paragraphs))
    with Project.open(path) as project:
        doc, spans = tagged_long_article(project, text)
    return doc, text, spans


def _formats(window: MainWindow) -> list[list[tuple[int, int, str]]]:
    """Every block's highlight ranges (start, length, background)."""
    block = window.reader.text.document().firstBlock()
    shown = []
    while block.isValid():
        shown.append(
            [
                (r.start, r.length, r.format.background().color().name())
                for r in block.layout().formats()
            ]
        )
        block = block.next()
    return shown


def test_a_long_article_highlights_the_screen_first_and_the_rest_when_idle(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Every one of 1,423 blocks was highlighted while the text went in (0.2–0.4 s of each
    open of a 1 MB article); now the blocks on screen are, then the others in idle time."""
    from desktop.ui.reader.pane import DEFER_CHARS

    doc, text, _ = _long_article(tmp_path / "long.hamish")
    assert len(text) > DEFER_CHARS
    window = make_window(tmp_path / "long.hamish")
    reader = window.reader.text
    highlighter = reader.highlighter
    highlighter._idle.stop()  # hold the idle pass, to see what was done before it
    window.open_document(doc)
    highlighter._idle.stop()
    reader.viewport().repaint()
    visible = reader.visible_blocks()
    assert visible and all(highlighter.is_done(n) for n in visible)
    shown = _formats(window)
    assert all(shown[n] for n in visible)
    count = reader.document().blockCount()
    assert highlighter.pending() > count // 2
    assert shown[count - 1] == []  # the end of the article waits
    # Scrolling there highlights it before it is painted.
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    reader.viewport().repaint()
    assert _formats(window)[count - 1]
    # The idle pass does the rest.
    highlighter._idle.start()
    qtbot.waitUntil(lambda: highlighter.pending() == 0)
    assert not highlighter.deferring()
    assert all(_formats(window))


class _CountingHighlighter(AnnotationHighlighter):
    calls = 0

    def highlightBlock(self, text: str) -> None:
        _CountingHighlighter.calls += 1
        super().highlightBlock(text)


def test_a_long_article_goes_in_without_a_call_into_python_per_block(qtbot: QtBot) -> None:
    """Told of the insertion, Qt called the highlighter for each of a 1 MB article's 1,423
    blocks (three quarters of putting its text in), to return at once: the blocks wait for
    the deferred pass. The highlighter does not listen while a long article goes in, and
    does again after (a short article is highlighted as it goes in)."""
    from desktop.ui.reader.pane import DEFER_CHARS, ReaderText

    reader = ReaderText()
    qtbot.addWidget(reader)
    reader.highlighter.setDocument(None)
    reader.highlighter = _CountingHighlighter(reader.document())
    reader.highlighter.redrawn = reader.repaint_blocks
    text = "\n".join(f"{n} قال وزير الخارجية إن المحادثات ستستأنف في جنيف" for n in range(2000))
    assert len(text) > DEFER_CHARS
    _CountingHighlighter.calls = 0
    reader.load(text, "rtl", 165, [Span(1, 2, 5, "entity", "#e76f51")])
    assert _CountingHighlighter.calls < 50 < reader.document().blockCount()
    assert reader.document().firstBlock().layout().formats()  # the screen's are drawn
    _CountingHighlighter.calls = 0
    reader.load("نص قصير\nفي سطرين", "rtl", 165, [Span(2, 0, 2, "entity", "#e76f51")])
    assert _CountingHighlighter.calls >= 1
    assert reader.document().firstBlock().layout().formats()


def test_edits_during_the_idle_pass_are_drawn_as_a_full_highlight_would(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    doc, text, spans = _long_article(tmp_path / "long.hamish")
    window = make_window(tmp_path / "long.hamish")
    # The article's own suggestions, arriving from a worker whenever it is done, would add
    # dashes to the blocks counted below (the test failed now and then).
    window.suggestions.set_enabled(False)
    reader = window.reader.text
    highlighter = reader.highlighter
    highlighter._idle.stop()
    window.open_document(doc)
    highlighter._idle.stop()
    count = reader.document().blockCount()
    far = count - 3
    assert not highlighter.is_done(far)
    # Tag a word in a paragraph the pass has not reached, and untag another one's tag.
    start = text.split("\n")[far].index("وزير") + sum(len(p) + 1 for p in text.split("\n")[:far])
    reader.setTextCursor(reader._cursor_for(start, start + 4))
    reader.exact = True
    assert window.tagging.tag_selection(label_id(window, "person")) is not None
    victim = next(s for s in reader.index.spans() if s.start == spans[count - 2][0])
    window.tagging.delete_annotation(victim.id)
    # Suggestions arriving for the whole article leave the waiting blocks to the pass.
    from desktop.ui.reader.highlighter import Span

    lines = text.split("\n")
    offsets = [sum(len(p) + 1 for p in lines[:n]) for n in range(count)]
    far_ones = [n for n in range(count // 2, far) if not highlighter.is_done(n)]
    reader.add_spans(
        [Span(-1 - n, offsets[n], offsets[n] + 2, "suggestion", "#7b61ff") for n in far_ones]
    )
    assert not any(highlighter.is_done(n) for n in far_ones)
    highlighter._idle.start()
    qtbot.waitUntil(lambda: highlighter.pending() == 0)
    drawn = _formats(window)
    highlighter.rehighlight()  # everything at once, as before
    assert drawn == _formats(window)
    assert len(drawn[far]) == 2 and drawn[count - 2] == []


# --- a tag repaints what it changed --------------------------------------------------------------
class _Painted(QObject):
    """The region of ``widget`` painted since it was made."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.region = QRegion()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.region += event.region()
        return False


def test_a_tag_repaints_the_lines_it_changed_not_the_screen(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Qt's plain text layout repainted the whole viewport for every highlighted block (it is
    told that twice the block's length changed, which runs into the next block), and a
    paragraph taller than the screen made even the block's own rect the whole screen: every
    visible line was drawn again for each tag and untag."""
    path = tmp_path / "paragraphs.hamish"
    paragraph = " ".join(["كلمة"] * 800)  # far taller than the screen
    text = "\n".join([paragraph] * 3)
    with Project.open(path) as project:
        project.documents.add(make_draft(text, title="فقرات طويلة"))
    window = make_window(path)
    window.finish_setup()  # what the window builds after its first paint, built now
    reader = window.reader.text
    reader.setFocus()
    start = 5 * 300
    reader.select_cp(start, start + 4)
    # Until nothing is painted any more (the header gone compact as the text scrolled, the
    # focus, the window's deferred setup): then a paint is the tag's.
    painted = _Painted(reader.viewport())
    for _ in range(50):
        painted.region = QRegion()
        qtbot.wait(100)
        if painted.region.isEmpty():
            break
    word = reader.cursorRect(reader._cursor_for(start, start + 2))
    screen = reader.viewport().rect()
    assert screen.contains(word)
    new = window.tagging.tag_selection(label_id(window, "organisation"))
    assert new is not None
    QApplication.processEvents()
    assert painted.region.contains(word)
    assert painted.region.boundingRect().height() < screen.height() // 3

    painted.region = QRegion()
    window.tagging.delete_annotation(new)
    QApplication.processEvents()
    assert reader.index.get(new) is None
    assert painted.region.contains(word)
    assert painted.region.boundingRect().height() < screen.height() // 3


def test_a_tag_lays_out_again_only_its_own_paragraph(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Qt tells the plain text layout that twice a highlighted block's length changed, and
    the layout threw away the layouts of the paragraphs that reach covered — the tagged one
    and the ones after it, each shaped again before its next paint: most of a tag's layout
    work on a 1 MB article. Only the tagged paragraph is laid out again now, and it is drawn
    as highlighting the whole article from scratch draws it."""
    path = tmp_path / "paragraphs.hamish"
    # The tagged paragraph is taller than the screen: the ones after it are not on screen,
    # so nothing lays them out again but a change that threw their layouts away.
    paragraphs = [" ".join([f"كلمة{n}"] * (600 if n == 1 else 40)) for n in range(6)]
    with Project.open(path) as project:
        project.documents.add(make_draft("\n".join(paragraphs), title="فقرات"))
    window = make_window(path)
    window.suggestions.set_enabled(False)  # no dashes arriving from a worker meanwhile
    reader = window.reader.text
    document = reader.document()
    reader.viewport().repaint()
    for number in range(document.blockCount()):
        reader.blockBoundingRect(document.findBlockByNumber(number))  # all laid out

    def thrown_away() -> list[int]:
        return [
            n
            for n in range(document.blockCount())
            if document.findBlockByNumber(n).layout().lineCount() == 0
        ]

    assert thrown_away() == []
    start = len(paragraphs[0]) + 1 + paragraphs[1].index("كلمة1")
    reader.setTextCursor(reader._cursor_for(start, start + 5))
    reader.exact = True
    assert window.tagging.tag_selection(label_id(window, "person")) is not None
    assert reader.index.block_of(start) == 1
    QApplication.processEvents()
    assert thrown_away() == []  # the tagged one laid out again to be painted, no other
    drawn = _formats(window)
    assert drawn[1] and not any(drawn[2:])
    reader.highlighter.rehighlight()  # everything at once, as Qt would
    assert _formats(window) == drawn


def _many_tags(path: Path, count: int = 300) -> tuple[str, int]:
    """An article with ``count`` tags on its first words, and words left untagged after."""
    text = " ".join(["كلمة"] * (count + 200))
    with Project.open(path) as project:
        doc = project.documents.add(make_draft(text, title="وسوم كثيرة"))
        label = project.labels.all()[0].id
        with project.database.transaction():
            for n in range(count):
                project.annotations.add(prepare_annotation(text, doc, n * 5, n * 5 + 4, label, "t"))
    return text, doc


def _settled(qtbot: QtBot, painted: _Painted) -> None:
    """Wait until nothing is painted any more (deferred setup, focus, a compact header)."""
    for _ in range(50):
        painted.region = QRegion()
        qtbot.wait(100)
        if painted.region.isEmpty():
            return


def test_a_tag_listed_below_the_panels_rows_on_screen_repaints_none_of_them(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """A row inserted made the table lay itself out and repaint every row on screen (3–4 ms
    of each tag), and a tag's new entity repainted every row for names that had not changed;
    only the rows from the new one down change."""
    path = tmp_path / "tags.hamish"
    _many_tags(path)
    window = make_window(path)
    window.finish_setup()
    view = window.annotations.view
    qtbot.waitUntil(lambda: window.annotation_model.rowCount() == 300)
    reader = window.reader.text
    painted = _Painted(view.viewport())
    start = 5 * 400  # below every tagged word: listed last, far below the panel's screen
    reader.select_cp(start, start + 4)
    _settled(qtbot, painted)
    assert view.rowAt(0) == 0
    new = window.tagging.tag_selection(label_id(window, "person"))  # a new entity, too
    assert new is not None
    qtbot.wait(100)  # the view's delayed layout, its paint
    assert window.annotation_model.row_of(new) == 300
    assert painted.region.isEmpty()

    # A tag listed among the rows on screen repaints them from its own row down.
    start = 5 * 3 + 1  # inside the fourth tagged word
    reader.select_cp(start, start + 2)
    _settled(qtbot, painted)
    reader.exact = True
    assert window.tagging.tag_selection(label_id(window, "location")) is not None
    qtbot.waitUntil(lambda: not painted.region.isEmpty())  # the view's delayed layout, its paint
    row = window.annotation_model.row_of(max(a.id for a in window.annotation_model.annotations()))
    assert row == 4
    assert not painted.region.isEmpty()
    assert painted.region.boundingRect().top() >= view.rowViewportPosition(row) - 1
    assert painted.region.boundingRect().bottom() >= view.viewport().height() - 1


def test_an_entity_change_repaints_the_panel_only_for_a_name_it_shows(qtbot: QtBot) -> None:
    names = {4: "بشار الأسد"}
    rows = [_annotation_row(1, 0, 5, entity=4), _annotation_row(2, 6, 9)]
    model = AnnotationModel(
        lambda _doc: rows, lambda ids: [], lambda _label: None, lambda i: names.get(i)
    )
    model.set_document(1)
    assert model.index(0, AnnotationModel.ENTITY).data() == "بشار الأسد"
    changed: list[int] = []
    model.dataChanged.connect(lambda first, last, *_: changed.append(last.row() - first.row()))
    names[7] = "جنيف"  # a tag made a new entity
    model.apply(ChangeSet(entities_changed=True))
    assert changed == []
    names[4] = "الأسد"  # renamed
    model.apply(ChangeSet(entities_changed=True))
    assert changed == [1]
    assert model.index(0, AnnotationModel.ENTITY).data() == "الأسد"
    del names[4]  # deleted: its mentions show no entity
    model.apply(ChangeSet(entities_changed=True))
    assert model.index(0, AnnotationModel.ENTITY).data() == ""


def _annotation_row(
    annotation_id: int, start: int, end: int, entity: int | None = None
) -> Annotation:
    return Annotation(
        annotation_id, 1, start, end, "q", "", "", 1, entity, "", "me", "exact", "", ""
    )


def test_a_long_article_is_highlighted_on_screen_before_it_is_laid_out(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Highlighting a block clears its layout: the blocks on screen were laid out to learn
    which they were (two screens of them at an open), highlighted, then laid out again to be
    painted — at every open, and for each page scrolled ahead of the idle pass."""
    doc, _, _ = _long_article(tmp_path / "long.hamish")
    window = make_window(tmp_path / "long.hamish")
    reader = window.reader.text
    highlighter = reader.highlighter
    laid_out: dict[int, bool] = {}
    ensure = highlighter.ensure

    def watched(blocks: Iterable[int]) -> None:
        blocks = list(blocks)
        document = reader.document()
        for number in blocks:
            if not highlighter.is_done(number):
                laid_out[number] = document.findBlockByNumber(number).layout().lineCount() > 0
        ensure(blocks)

    monkeypatch.setattr(highlighter, "ensure", watched)
    highlighter._idle.stop()
    window.open_document(doc)
    highlighter._idle.stop()
    reader.viewport().repaint()
    visible = reader.visible_blocks()
    assert visible and all(n in laid_out for n in visible)
    assert not any(laid_out.values())
    # A page scrolled ahead of the pass, too.
    laid_out.clear()
    bar = reader.verticalScrollBar()
    bar.setValue(bar.value() + 3 * bar.pageStep())
    reader.viewport().repaint()
    # (scrolling lays out the block it puts at the top, to find the line it starts at)
    assert laid_out and sum(laid_out.values()) <= 1
    assert all(highlighter.is_done(n) for n in reader.visible_blocks())


def test_an_article_opens_without_sqlite_sorting_its_annotations(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """SQLite sorted the article's annotations by start, end and id (a fifth of reading
    10,000 of them) for views that need no order or sort them anyway; the panel still lists
    them in text order, nested ones sharing a start shortest first."""
    path = tmp_path / "nested.hamish"
    with Project.open(path) as project:
        doc = project.documents.add(make_draft(KERRY_ARTICLE, title="كيري ولافروف"))
        label = project.labels.all()[0].id
        start = KERRY_ARTICLE.index("سيرغي لافروف")
        for end in (start + len("سيرغي لافروف"), start + len("سيرغي")):  # longer one first
            project.annotations.add(prepare_annotation(KERRY_ARTICLE, doc, start, end, label, "t"))
        first = KERRY_ARTICLE.index("كيري")
        project.annotations.add(
            prepare_annotation(KERRY_ARTICLE, doc, first, first + 4, label, "t")
        )
    window = make_window(path)
    window.open_document(doc)  # again, watched
    statements: list[str] = []
    window.project.database.conn.set_trace_callback(statements.append)
    try:
        window.open_document(doc)
    finally:
        window.project.database.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM annotations" in s]
    assert reads and not any("ORDER BY" in s for s in reads)
    rows = window.annotation_model.annotations()
    assert [(a.start, a.end) for a in rows] == [
        (first, first + 4),
        (start, start + len("سيرغي")),
        (start, start + len("سيرغي لافروف")),
    ]


def test_the_blocks_on_screen_are_found_in_one_walk(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each tag, paint and page asked Qt for the geometry of every block on screen, which Qt
    walks down to from the top block each time (and read the content offset for each): the
    heights are added up instead, as Qt paints them, giving the same blocks and rects."""
    doc, _, _ = _long_article(tmp_path / "long.hamish")
    window = make_window(tmp_path / "long.hamish")
    window.open_document(doc)
    reader = window.reader.text
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    reader.viewport().repaint()
    offset = reader.contentOffset()
    expected = []
    block = reader.firstVisibleBlock()
    while block.isValid():
        area = reader.blockBoundingGeometry(block).translated(offset)
        if area.top() > reader.viewport().height():
            break
        expected.append((block.blockNumber(), area.top(), area.height()))
        block = block.next()
    asked: list[int] = []
    geometry = reader.blockBoundingGeometry

    def counted(block: QTextBlock) -> QRectF:
        asked.append(block.blockNumber())
        return geometry(block)

    monkeypatch.setattr(reader, "blockBoundingGeometry", counted)
    found = reader._on_screen(reader.viewport().height())
    assert [(b.blockNumber(), a.top(), a.height()) for b, a in found] == expected
    assert len(expected) > 3 and len(asked) == 1


def test_an_open_starts_no_cycle_collection_before_its_first_paint(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Opening an article makes an object or more per annotation: the cycle collector ran
    every 700 of them, and every other open of a 1 MB article a full collection over every
    object of the window, before the reader could paint. It runs after the paint now."""
    import gc

    doc, _, _ = _long_article(tmp_path / "long.hamish", paragraphs=1500)
    window = make_window(tmp_path / "long.hamish")
    reader = window.reader.text
    other = window.project.documents.add(make_draft("نص قصير", title="قصير"))
    window.open_document(other)
    QApplication.processEvents()
    gc.enable()  # as after start-up
    collections: list[int] = []

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    painted = _Painted(reader.viewport())
    gc.callbacks.append(counted)
    try:
        window.open_document(doc)
        while painted.region.isEmpty():
            QApplication.processEvents()
        assert collections == []
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=5000)  # the turn after the paint
    finally:
        gc.callbacks.remove(counted)
        gc.enable()
    assert len(reader.index) == 1500
