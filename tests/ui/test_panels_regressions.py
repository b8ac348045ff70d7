"""Regressions in the library dock, the highlighter, the annotation panel and the session."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QTextCharFormat, QTextDocument
from pytestqt.qtbot import QtBot

from desktop.core.models import Anchor, Annotation, ChangeSet, Label
from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.annotations.panel import AnnotationModel
from desktop.ui.commands.session import ProjectSession
from desktop.ui.reader.highlighter import AnnotationHighlighter, Span, SpanIndex, _alternate_claims
from desktop.ui.reader.offsets import Utf16Map
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]

ARTICLE = (
    "وقال كيري، من جهته، إن «روسيا والولايات المتحدة تستطيعان سوية فعل الكثير».\n"
    "وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة في موسكو.\n"
    "وقالت مصادر لموقع Russia-Now.com إن اللقاء كان إيجابياً."
)


def _project(path: Path, titles: list[str]) -> Path:
    with Project.open(path) as project:
        for title in titles:
            project.documents.add(make_draft(f"{ARTICLE}\n{title}", title=title))
    return path


def _label_id(window: MainWindow, key: str) -> int:
    assert window.session is not None
    return next(label.id for label in window.session.labels if label.key == key)


# --- 1. the library dock across project switches ------------------------------------------------
def test_one_click_opens_an_article_once_after_switching_projects(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    first = _project(tmp_path / "first.hamish", ["أ", "ب", "ج"])
    second = _project(tmp_path / "second.hamish", ["د", "ه", "و"])
    window = make_window(first)
    old_model = window.library.model
    assert old_model is not None
    assert window.switch_project(second, create=False)
    assert window.switch_project(first, create=False)
    # The models of the projects closed are freed, not left parented to the window.
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_model))
    assert sum(1 for child in window.children() if type(child).__name__ == "LibraryModel") == 1

    emitted: list[int] = []
    window.library.document_activated.connect(emitted.append)
    view = window.library.view
    current = view.currentIndex().row()
    target = view.model().index(2 if current != 2 else 1, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(target).center()
    )
    assert len(emitted) == 1
    assert window.reader.document_id == emitted[0]


# --- 2 and 5. the highlighter -------------------------------------------------------------------
def _highlight(text: str, spans: list[Span]) -> tuple[QTextDocument, AnnotationHighlighter]:
    document = QTextDocument()
    highlighter = AnnotationHighlighter(document)
    index = SpanIndex(text)
    index.add_all(spans)
    highlighter.set_spans(index, Utf16Map(text))
    document.setPlainText(text)
    highlighter.rehighlight()
    return document, highlighter


def _drawn(document: QTextDocument) -> list[tuple[int, QTextCharFormat | None]]:
    """Every UTF-16 unit of the document (block separators excluded) with its format."""
    units: list[tuple[int, QTextCharFormat | None]] = []
    block = document.firstBlock()
    while block.isValid():
        shown: list[QTextCharFormat | None] = [None] * (block.length() - 1)
        for piece in block.layout().formats():
            fmt = QTextCharFormat(piece.format)  # a copy: the range is a temporary
            for unit in range(piece.start, piece.start + piece.length):
                shown[unit] = fmt
        units.extend((block.position() + unit, fmt) for unit, fmt in enumerate(shown))
        block = block.next()
    return units


def test_many_spans_are_removed_at_once_from_every_block_they_cover() -> None:
    """10,000 suggestions of one paragraph were removed one by one, its list rebuilt each time
    (minutes of a frozen window; found by an attacker): removed together, each block's list
    is rebuilt once, and only the spans asked for go."""
    text = "أ" * 50 + "\n" + "ب" * 50 + "\n" + "ج" * 50
    index = SpanIndex(text)
    spans = [Span(n, n % 100, n % 100 + 30, "suggestion", "#ff0000") for n in range(300)]
    index.add_all(spans)
    gone = [n for n in range(300) if n % 3]
    removed, blocks = index.remove_many([*gone, 9999])
    assert sorted(s.id for s in removed) == gone
    assert blocks == {0, 1, 2}
    left = {n for n in range(300) if n % 3 == 0}
    assert {s.id for s in index.spans()} == left
    for block in range(3):
        assert {s.id for s in index.in_block(block)} <= left
    assert {s.id for b in range(3) for s in index.in_block(b)} == left
    # Drawn anew: each span once in its blocks.
    index.add_all([spans[0], spans[3]])
    assert sum(s.id == 0 for s in index.in_block(0)) == 1


def test_a_tag_after_emoji_is_drawn_to_its_end() -> None:
    text = "Three faces 😀 😃 😄 then hello\nnext 😀 line"
    start = text.index("hello")
    document, _ = _highlight(text, [Span(1, start, start + 5, "entity", "#c0392b")])
    umap = Utf16Map(text)
    painted = [unit for unit, fmt in _drawn(document) if fmt is not None]
    assert painted == list(range(umap.to_qt(start), umap.to_qt(start + 5)))


def _reference(
    document: QTextDocument, highlighter: AnnotationHighlighter
) -> list[tuple[int, QTextCharFormat | None]]:
    """The formats by brute force: every span tested at every unit."""
    umap, index = highlighter.umap, highlighter.index
    units: list[tuple[int, QTextCharFormat | None]] = []
    block = document.firstBlock()
    while block.isValid():
        spans = index.in_block(block.blockNumber())
        wavy = _alternate_claims(spans)  # touching claims alternate their underline
        for unit in range(block.position(), block.position() + block.length() - 1):
            active = [s for s in spans if umap.to_qt(s.start) <= unit < umap.to_qt(s.end)]
            units.append((unit, highlighter._format(active, wavy) if active else None))
        block = block.next()
    return units


@pytest.mark.parametrize("seed", range(6))
def test_overlapping_spans_get_the_formats_of_a_brute_force_scan(seed: int) -> None:
    rng = random.Random(seed)
    words = ["kerry", "لافروف", "😀", "geneva", "موسكو", "𝑥", "talks"]
    lines = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 30))) for _ in range(5)]
    text = "\n".join(lines)
    kinds = ["entity", "span", "claim", "note", "suggestion"]
    colors = ["#c0392b", "#2980b9", "#27ae60", "#8e44ad"]
    spans = []
    for span_id in range(1, 80):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randint(1, 40))
        spans.append(Span(span_id, start, end, rng.choice(kinds), rng.choice(colors)))
    # Equal spans of different colours: the first listed must still win, as before.
    spans.append(Span(200, 3, 12, "entity", "#111111"))
    spans.append(Span(201, 3, 12, "entity", "#eeeeee"))
    document, highlighter = _highlight(text, spans)
    assert _drawn(document) == _reference(document, highlighter)


# --- 3. the annotation panel keeps its current row ----------------------------------------------
def test_editing_a_note_keeps_the_panel_row_and_the_reader_selection(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window(_project(tmp_path / "notes.hamish", ["ملاحظات"]))
    text = window.reader.text
    ids = []
    for word in ("كيري", "لافروف", "موسكو"):
        start = ARTICLE.index(word)
        text.select_cp(start, start + len(word))
        tagged = window.tagging.tag_selection(_label_id(window, "person"))
        assert tagged is not None
        ids.append(tagged)
    third = ids[2]
    window.tagging.go_to_annotation(third)
    panel = window.annotations
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    moscow = ARTICLE.index("موسكو")
    expected = (moscow, moscow + len("موسكو"))
    assert panel.current_id() == third
    assert text.selection_cp() == expected

    activated: list[int] = []
    panel.annotation_activated.connect(activated.append)
    removed: list[object] = []
    window.annotation_model.rowsRemoved.connect(lambda *args: removed.append(args))
    window.tagging.set_note(third, "في العاصمة الروسية")
    assert panel.current_id() == third
    assert text.selection_cp() == expected
    assert activated == [] and removed == []
    assert window.annotation_model.annotations()[2].note == "في العاصمة الروسية"
    assert panel.summary.text() == "3 annotations"
    assert window.session is not None
    window.session.undo_stack.undo()
    assert panel.current_id() == third
    assert text.selection_cp() == expected
    assert window.annotation_model.annotations()[2].note == ""
    assert activated == []


def _annotation(annotation_id: int, start: int, end: int, anchor: Anchor = "exact") -> Annotation:
    return Annotation(annotation_id, 1, start, end, "q", "", "", 1, None, "", "me", anchor, "", "")


def test_an_annotation_that_moves_keeps_the_current_row(qtbot: QtBot) -> None:
    store = {
        1: _annotation(1, 0, 5),
        2: _annotation(2, 10, 15),
        3: _annotation(3, 20, 25),
        4: _annotation(4, 30, 35),
    }
    model = AnnotationModel(
        lambda _doc: list(store.values()),
        lambda ids: [store[i] for i in ids if i in store],
        lambda _label: None,
    )
    model.set_document(1)
    current = QPersistentModelIndex(model.index(2, 0))  # annotation 3, as a view holds it
    moves: list[object] = []
    model.rowsMoved.connect(lambda *args: moves.append(args))
    removed: list[object] = []
    model.rowsRemoved.connect(lambda *args: removed.append(args))

    store[3] = _annotation(3, 1, 4, "orphaned")  # now second in text order
    model.apply(ChangeSet(annotations_changed=(3,)))
    assert [a.id for a in model.annotations()] == [1, 3, 2, 4]
    assert current.row() == 1 and model.row_of(3) == 1
    assert model.orphans == 1

    store[3] = _annotation(3, 40, 45)  # now last
    model.apply(ChangeSet(annotations_changed=(3,)))
    assert [a.id for a in model.annotations()] == [1, 2, 4, 3]
    assert current.row() == 3 and model.row_of(3) == 3
    assert model.orphans == 0
    assert len(moves) == 2

    store[3] = _annotation(3, 40, 46)  # same place in the order: changed where it is
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda first, last, *_roles: changed.append((first, last)))
    model.apply(ChangeSet(annotations_changed=(3,)))
    assert model.annotations()[3].end == 46 and len(moves) == 2
    assert [(first.row(), last.row()) for first, last in changed] == [(3, 3)]
    assert removed == []

    del store[2]  # a changed id gone from the store (or from the article) is removed
    model.apply(ChangeSet(annotations_changed=(2,), annotations_added=()))
    assert [a.id for a in model.annotations()] == [1, 4, 3]
    assert current.row() == 2 and len(removed) == 1
    store[5] = _annotation(5, 2, 3)  # a changed id new to this article is inserted
    model.apply(ChangeSet(annotations_changed=(5,)))
    assert [a.id for a in model.annotations()] == [1, 5, 4, 3]


def test_entity_names_are_not_carried_into_another_project(qtbot: QtBot) -> None:
    """Names are cached by entity id; after New Project and an import the same ids named
    other entities, and the panel showed the old project's names beside the new tags."""
    names = {4: "بشار الأسد"}
    rows = [_annotation(1, 0, 5)._replace(entity_id=4)]
    model = AnnotationModel(
        lambda _doc: rows, lambda ids: [], lambda _label: None, lambda i: names.get(i)
    )

    def shown() -> object:
        return model.index(0, AnnotationModel.ENTITY).data()

    model.set_document(1)
    assert shown() == "بشار الأسد"
    model.set_document(None)  # another project, empty: no article open
    names[4] = "لوس كابوس"  # its import gives id 4 to another entity
    model.apply(ChangeSet(entities_changed=True, documents_reloaded=True))
    model.set_document(1)
    assert shown() == "لوس كابوس"
    names[4] = "جنيف"  # switching straight from one article to another project's article
    model.set_document(2)
    assert shown() == "جنيف"


# --- 4. label look-ups --------------------------------------------------------------------------
class _CountingList(list[Label]):
    scans = 0

    def __iter__(self) -> Iterator[Label]:
        _CountingList.scans += 1
        return super().__iter__()


def test_label_lookup_does_not_scan_the_labels(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.open(tmp_path / "labels.hamish") as project:
        session = ProjectSession(project, "me")
        expected = project.labels.all()
        assert session.labels == expected  # the palette order is kept
        real_all = project.labels.all
        monkeypatch.setattr(project.labels, "all", lambda: _CountingList(real_all()))
        session.reload_labels()
        _CountingList.scans = 0
        for label in expected:
            assert session.label(label.id) == label
        assert session.label(-1) is None
        assert _CountingList.scans == 0
        assert session.labels == expected
        # A label change reloads the lookup.
        monkeypatch.setattr(project.labels, "all", lambda: _CountingList(real_all()[1:]))
        session.announce(ChangeSet(labels_changed=True))
        assert session.label(expected[0].id) is None
        assert session.label(expected[1].id) == expected[1]
        session.deleteLater()


# --- 5. opening an article reads its annotations whole only where the panel shows them ----------
def test_an_article_opens_with_marks_and_the_panel_reads_whole_only_what_it_shows(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """An open read every annotation whole (prefix, suffix, author, times: more than half of
    reading them) for the panel, which shows a screenful. The reader and the anchor check
    take marks; the panel reads rows whole as it shows them, and gives the same answers."""
    from desktop.core.services import prepare_annotation
    from desktop.ui.annotations.panel import WHOLE_CHUNK

    path = tmp_path / "marks.hamish"
    text = "\n".join([ARTICLE] * 120)
    with Project.open(path) as project:
        doc = project.documents.add(make_draft(text, title="طويل"))
        label = project.labels.all()[0]
        with project.database.transaction():
            for n, found in enumerate(re.finditer("كيري|لافروف|موسكو|الروسي|المحادثات", text)):
                draft = prepare_annotation(text, doc, *found.span(), label.id, "t")
                if n % 3 == 0:
                    draft = draft._replace(note=f"ملاحظة {n}")
                project.annotations.add(draft)
        total = project.annotations.count()
    assert total > 3 * WHOLE_CHUNK
    window = make_window(path)
    store = window.project.annotations
    whole: list[int] = []
    asked: list[list[int]] = []
    for_document, many = store.for_document, store.many
    store.for_document = lambda *a, **k: whole.append(1) or for_document(*a, **k)  # type: ignore[method-assign]
    store.many = lambda ids: asked.append(list(ids)) or many(ids)  # type: ignore[method-assign]
    window.open_document(doc)
    qtbot.waitUntil(lambda: window.annotation_model.document_id == doc)
    window.annotations.view.viewport().repaint()
    assert not whole
    assert sum(map(len, asked)) <= 2 * WHOLE_CHUNK

    model = window.annotation_model
    expected = AnnotationModel(for_document, many, model._label_of, model._entity_name)
    expected.icons_only = model.icons_only
    expected.set_document(doc)
    assert model.rowCount() == expected.rowCount() == total
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole]
    for row in (0, 1, total // 2, total - 1):
        for column in range(model.columnCount()):
            for role in roles:
                assert model.index(row, column).data(role) == expected.index(row, column).data(
                    role
                ), (row, column, role)
        assert model.annotation(row) == expected.annotation(row)
    assert model.annotations() == expected.annotations()
