"""Interface defects reported on the five sample articles, each pinned by a test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

from .samples import KERRY_ARTICLE, label_id
from .samples import open_seed as _open_seed

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "defects.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(KERRY_ARTICLE, title="كيري ولافروف"))
    return path


def test_f2_right_after_tagging_edits_the_new_note(
    make_window: MakeWindow, article: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.annotations import note_editor as dialogs

    window = make_window(article)
    text = window.reader.text
    start = KERRY_ARTICLE.index("لافروف")
    text.select_cp(start, start + len("لافروف"))
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_1)  # Person
    (annotation,) = window.annotation_model.annotations()
    assert text.cursor_cp() == annotation.end  # the caret sits at the end of the new span

    def fill(self: dialogs.NoteEditor) -> int:
        self.editor.setPlainText("وزير الخارجية")
        return int(dialogs.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(dialogs.NoteEditor, "exec", fill)
    qtbot.keyClick(text, Qt.Key.Key_F2)
    assert window.project.annotations.get(annotation.id).note == "وزير الخارجية"


def test_undoing_a_tag_over_a_suggestion_brings_it_back(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    suggestions = window.suggestions
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        _open_seed(window, "وقال كيري، من جهته")
    target = min(suggestions.items.values(), key=lambda s: s.start)
    before = {(s.start, s.end) for s in suggestions.items.values()}
    text = window.reader.text

    def shown() -> set[tuple[int, int]]:
        drawn = {(s.start, s.end) for s in text.index.spans() if s.id < 0}
        assert drawn == {(s.start, s.end) for s in suggestions.items.values()}
        return drawn

    text.select_cp(target.start, target.end)
    text.setFocus()
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):  # the recomputation after it
        window.tagging.tag_selection(label_id(window, target.label_key))
    assert (target.start, target.end) not in shown()
    # Undo (Ctrl+Z): the dashed suggestion is back at once, not only after the recomputation.
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotation_model.rowCount() == 0
    assert (target.start, target.end) in shown()
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        pass
    assert shown() == before
    # Redo hides it again at once.
    qtbot.keyClick(
        text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert (target.start, target.end) not in shown()


def test_claim_links_name_the_other_claim_by_summary_or_quote_start(
    make_window: MakeWindow, article: Path
) -> None:
    from functools import partial

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from desktop.ops.claims import edit_claim

    window = make_window(article)
    text = window.reader.text
    claims = window.project.claims
    ids = []
    for passage in (
        "وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة في موسكو",
        "وقالت مصادر لموقع Russia-Now.com إن اللقاء كان إيجابياً",
    ):
        start = KERRY_ARTICLE.index(passage)
        text.select_cp(start, start + len(passage))
        annotation_id = window.tagging.tag_selection(label_id(window, "claim"))
        assert annotation_id is not None
        claim = claims.for_annotation(annotation_id)
        assert claim is not None
        ids.append(claim.id)
    lavrov, sources = ids
    window.claim_actions._link_claims(lavrov, sources, "supports")
    editor = window.claim_editor
    editor.raise_()
    where = KERRY_ARTICLE.index("مصادر")
    text.select_cp(where, where)
    assert editor.claim is not None and editor.claim.id == sources
    links = editor.links
    # No summary: the quote's start, elided at its end so the start stays visible.
    row = links.item(0).text()
    # Seen from its target, the link says so: the sources are supported by Lavrov's claim.
    assert row.startswith("supported by “وأعلن ")
    assert row.endswith("…”")
    # (Scrolled to: on a narrow dock the fields sit under their names, the links lower.)
    scroll = editor.form_scroll
    place = links.mapTo(scroll.widget(), QPoint(0, 0))
    scroll.ensureVisible(place.x(), place.y() + links.height() // 2, 0, links.height() // 2 + 1)
    QApplication.processEvents()
    seen = links.viewport().visibleRegion().boundingRect().width()
    assert QFontMetrics(links.font()).horizontalAdvance(row) <= seen
    # With a summary, the summary names the claim.
    assert window.session is not None
    window.session.run(partial(edit_claim, claim_id=lavrov, summary="لافروف: المحادثات مستمرة"))
    text.select_cp(where, where)
    assert links.item(0).text().startswith("supported by “لافروف:")
    assert links.item(0).toolTip().startswith("لافروف: المحادثات مستمرة\n")
    # … and from its start, the link's own word.
    start = KERRY_ARTICLE.index("لافروف أن")
    text.select_cp(start, start)
    assert editor.claim is not None and editor.claim.id == lavrov
    assert links.item(0).text().startswith("supports “")


def test_adjacent_claims_do_not_share_one_underline(make_window: MakeWindow, article: Path) -> None:
    from PySide6.QtGui import QTextCharFormat

    window = make_window(article)
    text = window.reader.text
    boundary = KERRY_ARTICLE.index("إن «روسيا")
    end = KERRY_ARTICLE.index("».") + 1
    # Exact selections (as with Alt): the first claim ends where the second begins.
    for start, stop in ((0, boundary), (boundary, end)):
        text.select_cp(start, stop)
        assert window.tagging.tag_selection(label_id(window, "claim")) is not None
    first, second = window.annotation_model.annotations()
    assert first.end == second.start

    def underline_at(cp: int) -> QTextCharFormat.UnderlineStyle:
        position = text.umap.to_qt(cp)
        ranges = text.document().findBlockByNumber(0).layout().formats()  # kept alive
        (found,) = [r for r in ranges if r.start <= position < r.start + r.length]
        return found.format.underlineStyle()

    before, after = underline_at(boundary - 1), underline_at(boundary)
    none = QTextCharFormat.UnderlineStyle.NoUnderline
    assert before != none and after != none
    assert before != after  # visibly two claims at the boundary
    # A third claim touching the second alternates back: no two neighbours look alike.
    text.select_cp(end, end + 1)
    assert window.tagging.tag_selection(label_id(window, "claim")) is not None
    assert underline_at(end) == before


def test_library_count_column_says_what_it_counts_and_titles_get_the_width(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    from desktop.ui.library.dock import LibraryModel

    window = make_window(article)
    model = window.library.proxy
    column = LibraryModel.ANNOTATIONS
    # On a narrow dock the header is a tag's icon (the titles need the width): its tooltip
    # names the column and says what it counts (test_layout.py); wide, the word (below).
    names = window.library.view.header().model()  # the header's own model (qtvalues)
    tip = names.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Tags" in tip and "annotations" in tip
    # Two tagged passages, one with a note and one without: the column counts both.
    text = window.reader.text
    tagged = []
    for word in ("كيري", "موسكو"):
        start = KERRY_ARTICLE.index(word)
        text.select_cp(start, start + len(word))
        tagged.append(window.tagging.tag_selection(label_id(window, "person")))
    first = tagged[0]
    assert first is not None
    window.tagging.set_note(first, "وزير الخارجية الأميركي")
    assert model.index(0, column).data() == "2"
    # Date and count take what their text needs (with room for the sort arrow); the title
    # stretches over everything else.
    from PySide6.QtWidgets import QStyleOptionViewItem

    view = window.library.view
    # A date in the row measured (an undated article shows "—", narrower than any date).
    from desktop.core.models import ChangeSet
    from desktop.ui.library.dock import ID_ROLE

    doc = model.index(0, 0).data(ID_ROLE)
    window.project.documents.update_metadata(doc, published="2016-03-01")
    assert window.session is not None
    window.session.announce(ChangeSet(documents_changed=(doc,)))
    assert model.index(0, LibraryModel.DATE).data() == "2016-03-01"
    # Wide enough for the Date column (a narrow dock hides it: test_layout.py).
    window.resize(1600, 900)
    window.resizeDocks([window.library], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: not view.isColumnHidden(LibraryModel.DATE))
    assert names.headerData(column, Qt.Orientation.Horizontal) == "Tags"
    header = view.header()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    for col in (LibraryModel.DATE, column):
        cell = view.itemDelegate().sizeHint(option, model.index(0, col)).width()
        title = str(names.headerData(col, Qt.Orientation.Horizontal))
        label = header.fontMetrics().horizontalAdvance(title) + 30  # padding and sort arrow
        needed = max(cell, label)
        assert needed <= header.sectionSize(col) <= needed + 8
    total = sum(header.sectionSize(c) for c in range(3))
    assert total == view.viewport().width()


def test_annotation_panel_entity_column_is_readable_at_the_default_width(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = make_window(article)
    window.resizeDocks([window.annotations], [300], Qt.Orientation.Horizontal)
    window.annotations.raise_()
    view = window.annotations.view
    qtbot.waitUntil(lambda: view.viewport().width() >= 260)
    text = window.reader.text
    for passage, key in (
        ("سيرغي لافروف", "person"),
        ("وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة في موسكو", "claim"),
    ):
        start = KERRY_ARTICLE.index(passage)
        text.select_cp(start, start + len(passage))
        assert window.tagging.tag_selection(label_id(window, key)) is not None
    model = window.annotation_model
    header = view.header()
    person = next(r for r in range(model.rowCount()) if model.index(r, model.ENTITY).data())
    assert model.index(person, model.ENTITY).data() == "سيرغي لافروف"
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)

    def needed(row: int, column: int) -> int:
        return view.itemDelegate().sizeHint(option, model.index(row, column)).width()

    width = view.viewport().width()
    assert 260 <= width <= 300
    # Every column is on screen (no sideways scrolling) …
    assert sum(header.sectionSize(c) for c in range(model.columnCount())) <= width
    # … the entity and the label are shown whole …
    assert needed(person, model.ENTITY) <= header.sectionSize(model.ENTITY)
    assert needed(person, model.LABEL) <= header.sectionSize(model.LABEL)
    # … and the long quote is the one that elides.
    claim = 1 - person
    assert needed(claim, model.QUOTE) > header.sectionSize(model.QUOTE) >= 40


def test_mentions_dialog_adds_an_alias_undoably_and_searches_again(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.entities import mentions

    from .conftest import type_text

    window = make_window(default_project)
    entities = window.project.entities
    kerry = entities.add("جون كيري", "person")
    seen: dict[str, object] = {}

    def review(self: mentions.MentionsDialog) -> int:
        self.show()  # as exec() would, with the focus in the dialog
        self.activateWindow()
        qtbot.waitUntil(self.isActiveWindow)
        self.in_corpus.setChecked(True)
        seen["before"] = self.model.rowCount()
        assert self.alias_edit.isVisibleTo(self) and self.alias_button.isVisibleTo(self)
        self.alias_edit.setFocus()
        type_text(self.alias_edit, "كيري")
        qtbot.keyClick(self.alias_edit, Qt.Key.Key_Return)  # adds the alias, accepts nothing
        seen["after"] = self.model.rowCount()
        seen["label"] = self.aliases_label.text()
        seen["edit"] = self.alias_edit.text()
        self.hide()
        return int(mentions.QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(mentions.MentionsDialog, "exec", review)
    window.find_mentions(kerry)
    assert isinstance(seen["after"], int) and isinstance(seen["before"], int)
    assert seen["after"] > seen["before"]
    assert "كيري" in str(seen["label"]).split(": ", 1)[1].split("، ")
    assert seen["edit"] == ""
    assert entities.get(kerry).aliases[-1] == "كيري"
    assert window.annotation_model.rowCount() == 0  # Enter did not accept a mention
    # One undoable edit.
    assert window.session is not None
    assert "جون كيري" in window.session.undo_stack.undoText()
    window.session.undo_stack.undo()
    assert "كيري" not in entities.get(kerry).aliases


def test_a_clipboard_article_does_not_repeat_its_headline_in_the_body(
    make_window: MakeWindow, article: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell.actions import ActionId

    window = make_window(article)
    headline = "لافروف وكيري يتفقان على خطوات جديدة"
    body = "قال المتحدث باسم الوزارة إن الاجتماع كان مثمراً.\nوأضاف أن المحادثات ستستمر."
    QApplication.clipboard().setText(f"{headline}\n\n{body}\n")
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    doc = window.reader.document_id
    assert doc is not None
    stored = window.project.documents.get(doc)
    assert (stored.title, stored.text) == (headline, body)
    assert window.reader.text.text_cp == body
    # A file keeps its text as written (its importers' behaviour is unchanged).
    kept = make_draft(f"{headline}\n{body}")
    assert (kept.title, kept.text) == (headline, f"{headline}\n{body}")
    # A pasted paragraph with no headline keeps all of its text.
    pasted = make_draft(body, title_line=False)
    assert pasted.text == body and pasted.title.endswith("…")
