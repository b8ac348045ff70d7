"""Tagging as an analyst does it: keyboard and mouse selections in a right-to-left pane, label
keys, the annotation panel, undo/redo, and the project file always equal to the screen."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.core.text import make_draft
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger, type_text
from .samples import KERRY_ARTICLE, label_id

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "tags.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(KERRY_ARTICLE, title="كيري ولافروف"))
    return path


def assert_screen_equals_file(window: MainWindow) -> None:
    """The panel, the highlights and the project file agree exactly."""
    doc_id = window.reader.document_id
    assert doc_id is not None
    # A second connection sees only what was committed: the file, not a cache.
    conn = sqlite3.connect(window.project.path)
    stored = conn.execute(
        'SELECT id, start, "end", label_id, note, quote FROM annotations WHERE document_id = ? '
        'ORDER BY start, "end", id',
        [doc_id],
    ).fetchall()
    conn.close()
    panel = [
        (a.id, a.start, a.end, a.label_id, a.note, a.quote)
        for a in window.annotation_model.annotations()
    ]
    assert panel == stored
    drawn = sorted(
        (s.id, s.start, s.end) for s in window.reader.text.index.spans() if s.kind != "suggestion"
    )
    assert drawn == sorted((row[0], row[1], row[2]) for row in stored)
    text = window.reader.text.text_cp
    assert all(text[start:end] == quote for _, start, end, _, _, quote in stored)


def cursor_point(window: MainWindow, cp: int) -> QPoint:
    text = window.reader.text
    cursor = QTextCursor(text.document())
    cursor.setPosition(text.umap.to_qt(cp))
    return text.cursorRect(cursor).center()


def test_tag_with_the_keyboard_in_rtl(
    make_window: MakeWindow, article: Path, qtbot: QtBot, prefs: Settings
) -> None:
    prefs.set(settings.AUTHOR_NAME, "سلمى حداد")
    window = make_window(article)
    text = window.reader.text
    start = KERRY_ARTICLE.index("سيرغي")
    cursor = text.textCursor()
    cursor.setPosition(start)
    text.setTextCursor(cursor)
    text.setFocus()
    # In a right-to-left paragraph Ctrl+Shift+Left moves forward through the words.
    qtbot.keyClick(
        text,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(
        text,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(text, Qt.Key.Key_1)  # Person
    rows = window.annotation_model.annotations()
    assert len(rows) == 1
    assert rows[0].quote == "سيرغي لافروف"
    assert rows[0].label_id == label_id(window, "person")
    assert rows[0].author == "سلمى حداد"
    assert_screen_equals_file(window)
    # The library's annotation count followed.
    assert window.library.proxy.index(0, 2).data() == "1"


def test_tag_with_a_mouse_drag_snaps_to_words(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    text = window.reader.text
    word = KERRY_ARTICLE.index("موسكو")
    # Drag from inside the word before "موسكو" ("في") to the middle of "موسكو".
    press = cursor_point(window, word - 2)
    release = cursor_point(window, word + 2)
    qtbot.mousePress(text.viewport(), Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(text.viewport(), release)
    qtbot.mouseRelease(text.viewport(), Qt.MouseButton.LeftButton, pos=release)
    assert text.selection_cp() == (word - 3, word + len("موسكو"))
    qtbot.keyClick(text, Qt.Key.Key_3)  # Location
    (annotation,) = window.annotation_model.annotations()
    assert annotation.quote == "في موسكو"
    assert_screen_equals_file(window)


def test_a_drag_from_inside_the_selection_selects_anew(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    """Qt would drag the selected text away, and the window imported it as a new article when
    it was dropped (a trial analyst adjusting a selection made one): a press inside the
    selection starts a new selection instead."""
    window = make_window(article)
    text = window.reader.text
    name = KERRY_ARTICLE.index("سيرغي لافروف")
    text.select_cp(name, name + len("سيرغي لافروف"))
    press = cursor_point(window, name + 2)
    qtbot.mousePress(text.viewport(), Qt.MouseButton.LeftButton, pos=press)
    assert not text.textCursor().hasSelection()
    release = cursor_point(window, name + len("سيرغي") + 2)
    qtbot.mouseMove(text.viewport(), release)
    qtbot.mouseRelease(text.viewport(), Qt.MouseButton.LeftButton, pos=release)
    assert text.selection_cp() == (name, name + len("سيرغي لافروف"))  # snapped to words
    assert window.project.documents.count() == 1


def test_alt_keeps_exact_characters(make_window: MakeWindow, article: Path, qtbot: QtBot) -> None:
    window = make_window(article)
    text = window.reader.text
    word = KERRY_ARTICLE.index("موسكو")
    press, release = cursor_point(window, word + 1), cursor_point(window, word + 3)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.mousePress(text.viewport(), Qt.MouseButton.LeftButton, alt, pos=press)
    qtbot.mouseMove(text.viewport(), release)
    qtbot.mouseRelease(text.viewport(), Qt.MouseButton.LeftButton, alt, pos=release)
    qtbot.keyClick(text, Qt.Key.Key_3)
    (annotation,) = window.annotation_model.annotations()
    assert (annotation.start, annotation.end) == (word + 1, word + 3)
    assert annotation.quote == "وس"  # two letters from the middle of موسكو


def test_overlapping_spans_and_tooltips(make_window: MakeWindow, article: Path) -> None:
    window = make_window(article)
    outer = KERRY_ARTICLE.index("وزير الخارجية الروسي سيرغي لافروف")
    inner = KERRY_ARTICLE.index("سيرغي لافروف")
    claim_end = KERRY_ARTICLE.index("موسكو") + len("موسكو")
    text = window.reader.text
    text.select_cp(outer, outer + len("وزير الخارجية الروسي سيرغي لافروف"))
    window.tagging.tag_selection(label_id(window, "organisation"))
    text.select_cp(inner, inner + len("سيرغي لافروف"))
    person = window.tagging.tag_selection(label_id(window, "person"))
    text.select_cp(KERRY_ARTICLE.index("وأعلن"), claim_end)
    window.tagging.tag_selection(label_id(window, "claim"))
    assert person is not None
    window.tagging.set_note(person, "وزير الخارجية منذ 2004")
    hits = [s for s in text.index.at(inner + 2) if s.kind != "suggestion"]
    assert [s.kind for s in hits] == ["entity", "entity", "claim"]  # innermost first
    tip = window.tagging.tooltip_at(inner + 2)
    assert tip is not None
    assert "Person" in tip and "Organisation" in tip and "Claim" in tip
    assert "وزير الخارجية منذ 2004" in tip
    assert window.session is not None and window.session.author in tip
    # The claim label created its claims row in the same action.
    (claims,) = window.project.database.conn.execute("SELECT count(*) FROM claims").fetchone()
    assert claims == 1
    # Each block that holds a span got its formats.
    block = text.document().findBlockByNumber(1)
    assert block.layout().formats()
    assert_screen_equals_file(window)


def test_undo_redo_across_edits(make_window: MakeWindow, article: Path, qtbot: QtBot) -> None:
    window = make_window(article)
    text = window.reader.text
    assert window.session is not None
    stack = window.session.undo_stack
    states = []

    def state() -> list[tuple[int, int, int, str]]:
        assert_screen_equals_file(window)
        return [(a.start, a.end, a.label_id, a.note) for a in window.annotation_model.annotations()]

    states.append(state())
    for word, key in (
        ("كيري", "person"),
        ("موسكو", "location"),
        ("Russia-Now.com", "organisation"),
    ):
        start = KERRY_ARTICLE.index(word)
        text.select_cp(start, start + len(word))
        window.tagging.tag_selection(label_id(window, key))
        states.append(state())
    first = window.annotation_model.annotations()[0].id
    window.tagging.change_label(first, label_id(window, "claim"))
    states.append(state())
    window.tagging.set_note(first, "ملاحظة\nمن سطرين")
    states.append(state())
    window.tagging.delete_annotation(window.annotation_model.annotations()[-1].id)
    states.append(state())
    assert "Delete" in window.undo_action.text()
    for expected in reversed(states[:-1]):
        qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert state() == expected
    assert stack.index() == 0
    for expected in states[1:]:
        qtbot.keyClick(
            text,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert state() == expected
    # Undo the claim label change: its claims row goes with it, and comes back on redo.
    conn = window.project.database.conn
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    stack.setIndex(3)  # before the label change
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert_screen_equals_file(window)
    stack.setIndex(6)
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1


def test_panel_navigation(make_window: MakeWindow, article: Path, qtbot: QtBot) -> None:
    window = make_window(article)
    text = window.reader.text
    words = ["كيري", "لافروف", "موسكو"]
    for word in words:
        start = KERRY_ARTICLE.index(word)
        text.select_cp(start, start + len(word))
        window.tagging.tag_selection(label_id(window, "person"))
    cursor = text.textCursor()
    cursor.setPosition(0)
    text.setTextCursor(cursor)
    text.setFocus()
    seen = []
    for _ in words:
        qtbot.keyClick(text, Qt.Key.Key_N)
        seen.append(text.textCursor().selectedText())
    assert seen == words
    qtbot.keyClick(text, Qt.Key.Key_P)
    assert text.textCursor().selectedText() == "لافروف"
    # Clicking a row in the panel scrolls the reader there and selects the text.
    view = window.annotations.view
    index = window.annotation_model.index(2, 1)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert text.textCursor().selectedText() == "موسكو"
    assert text._flash  # flashed
    # Keyboard in the panel: Down moves and follows, Delete removes the row.
    view.setFocus()
    view.setCurrentIndex(window.annotation_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert text.textCursor().selectedText() == "لافروف"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [a.quote for a in window.annotation_model.annotations()] == ["كيري", "موسكو"]
    assert_screen_equals_file(window)


def test_edit_note_dialog(
    make_window: MakeWindow, article: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.annotations import note_editor as dialogs

    window = make_window(article)
    start = KERRY_ARTICLE.index("كيري")
    window.reader.text.select_cp(start, start + 4)
    annotation_id = window.tagging.tag_selection(label_id(window, "person"))
    assert annotation_id is not None

    def fill(self: dialogs.NoteEditor) -> int:
        self.editor.setPlainText("سطر أول\nsecond line")
        return int(dialogs.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(dialogs.NoteEditor, "exec", fill)
    window.annotations.view.setFocus()
    window.annotations.select(annotation_id)
    qtbot.keyClick(window.annotations.view, Qt.Key.Key_F2)
    assert window.project.annotations.get(annotation_id).note == "سطر أول\nsecond line"
    assert window.annotation_model.annotations()[0].note == "سطر أول\nsecond line"
    assert window.reader.text.index.get(annotation_id).has_note  # type: ignore[union-attr]


def test_digits_in_the_filter_box_do_not_tag(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    text = window.reader.text
    text.select_cp(0, 4)
    window.library.filter_edit.setFocus()
    qtbot.keyClick(window.library.filter_edit, Qt.Key.Key_1)
    assert window.library.filter_edit.text() == "1"
    assert window.annotation_model.rowCount() == 0


def test_find_then_tag_from_the_keyboard(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    text = window.reader.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    type_text(window.find_bar.edit, "لافروف")
    assert window.find_bar.count.text() == "1 of 1"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert text.hasFocus()
    qtbot.keyClick(text, Qt.Key.Key_1)
    (annotation,) = window.annotation_model.annotations()
    assert annotation.quote == "لافروف"


def test_a_find_that_stops_matching_leaves_nothing_selected_to_tag(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    """Typing on past the last match ("لاف" then "لافز") left the earlier match selected, and
    the digit key after Escape tagged it (a trial)."""
    window = make_window(article)
    text = window.reader.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window.find_bar.edit, "لاف")
    assert text.textCursor().hasSelection()
    type_text(window.find_bar.edit, "ززز")
    assert window.find_bar.count.text() == "No matches"
    assert not text.textCursor().hasSelection()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    qtbot.keyClick(text, Qt.Key.Key_1)
    assert window.annotation_model.annotations() == []


def test_find_folds_hamza_and_harakat(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "find.hamish"
    body = "قال الأسَدُ إن الاسد باقٍ، والأســـد لا يتراجع."
    with Project.open(path) as project:
        project.documents.add(make_draft(body))
    window = make_window(path)
    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window.find_bar.edit, "الأسد")
    assert len(window.find_bar.matches) == 3
    assert [body[s:e] for s, e in window.find_bar.matches] == ["الأسَدُ", "الاسد", "الأســـد"]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "2 of 3"


def test_non_bmp_offsets_stay_exact(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "emoji.hamish"
    body = "😀 قال 𝐀𝐁 المتحدث 🇸🇾 إن بوتين وافق.\nسطر ثانٍ 😀 فيه كيري."
    with Project.open(path) as project:
        project.documents.add(make_draft(body))
    window = make_window(path)
    text = window.reader.text
    for word in ("بوتين", "كيري"):
        start = body.index(word)
        press, release = cursor_point(window, start + 1), cursor_point(window, start + 3)
        qtbot.mousePress(text.viewport(), Qt.MouseButton.LeftButton, pos=press)
        qtbot.mouseMove(text.viewport(), release)
        qtbot.mouseRelease(text.viewport(), Qt.MouseButton.LeftButton, pos=release)
        qtbot.keyClick(text, Qt.Key.Key_1)
    rows = window.annotation_model.annotations()
    assert [(a.start, a.end) for a in rows] == [
        (body.index("بوتين"), body.index("بوتين") + 5),
        (body.index("كيري"), body.index("كيري") + 4),
    ]
    assert [body[a.start : a.end] for a in rows] == ["بوتين", "كيري"]
    # The highlight sits on the same characters in Qt's UTF-16 positions.
    block = text.document().findBlockByNumber(0)
    (fmt,) = block.layout().formats()
    qt_start = len(body[: body.index("بوتين")].encode("utf-16-le")) // 2
    assert (fmt.start, fmt.length) == (qt_start, 5)
    assert_screen_equals_file(window)


def test_reanchor_or_orphan_after_outside_edit(
    make_window: MakeWindow, article: Path, prefs: object, messenger: RecordingMessenger
) -> None:
    with Project.open(article) as project:
        (doc,) = project.documents.summaries()
        text = project.documents.get(doc.id).text
        labels = {label.key: label.id for label in project.labels.all()}
        from desktop.core.services import prepare_annotation

        for word in ("لافروف", "موسكو"):
            start = text.index(word)
            project.annotations.add(
                prepare_annotation(text, doc.id, start, start + len(word), labels["person"], "test")
            )
    # Someone edits the stored text outside Hamish: a sentence before, and موسكو gone.
    conn = sqlite3.connect(article)
    edited = "مقدمة جديدة.\n" + text.replace("في موسكو", "في العاصمة")
    conn.execute("UPDATE documents SET text = ? WHERE id = ?", [edited, doc.id])
    conn.commit()
    conn.close()
    window = make_window(article)
    rows = {a.quote: a for a in window.annotation_model.annotations()}
    lavrov, moscow = rows["لافروف"], rows["موسكو"]
    assert lavrov.anchor == "moved"
    assert edited[lavrov.start : lavrov.end] == "لافروف"
    assert moscow.anchor == "orphaned"
    assert window.reader.text.index.get(moscow.id) is None  # listed, not drawn
    assert window.reader.text.index.get(lavrov.id) is not None
    assert "orphaned" in window.annotations.summary.text()


def test_a_note_or_label_edit_announces_only_what_it_changed(
    make_window: MakeWindow, article: Path
) -> None:
    """A note touches the annotation alone; entity counts and claims are not recomputed."""
    from functools import partial

    from desktop.core.models import ChangeSet
    from desktop.ops.annotations import edit_annotation

    window = make_window(article)
    assert window.session is not None
    window.reader.text.select_cp(KERRY_ARTICLE.index("كيري"), KERRY_ARTICLE.index("كيري") + 4)
    window.tagging.tag_selection(label_id(window, "person"))
    (annotation,) = window.project.annotations.for_document(window.reader.document_id or 0)
    seen: list[ChangeSet] = []
    window.session.changed.connect(seen.append)
    window.session.run(partial(edit_annotation, annotation_id=annotation.id, note="مهم"))
    assert seen[-1] == ChangeSet(annotations_changed=(annotation.id,))
    claim = next(label for label in window.session.labels if label.key == "claim")
    window.session.run(partial(edit_annotation, annotation_id=annotation.id, label=claim))
    assert seen[-1].claims_changed and not seen[-1].entities_changed
    window.session.undo_stack.undo()
    assert seen[-1].claims_changed
    assert_screen_equals_file(window)


def test_tagging_a_word_with_a_proclitic_names_the_new_entity_without_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Selecting وكيري and pressing 1 made a person called وكيري beside كيري: the tag keeps
    the selected word, the new entity is كيري, as the article writes him alone too."""
    body = "التقى لافروف وكيري في جنيف، ثم غادر كيري إلى موسكو."
    path = tmp_path / "clitic.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(body, title="جنيف"))
    window = make_window(path)
    text = window.reader.text
    start = body.index("وكيري")
    cursor = text.textCursor()
    cursor.setPosition(text.umap.to_qt(start))
    cursor.setPosition(text.umap.to_qt(start + len("وكيري")), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_1)  # Person
    (row,) = window.annotation_model.annotations()
    assert row.quote == "وكيري"
    assert row.entity_id is not None
    assert window.project.entities.get(row.entity_id).name == "كيري"
    assert_screen_equals_file(window)


def test_a_find_match_inside_a_word_tags_the_whole_word_as_an_entity(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Trial: Find "اع", Esc, Organisation made an entity "اع" of داعية — the find bar's
    selection was taken as exact. An entity's grows to whole words (a match after a proclitic
    keeps it out: كيري of وكيري, as find selects); a note keeps the match as it is."""
    path = tmp_path / "inside.hamish"
    body = "قال داعية إن وكيري وصل.\nوقال آخر إن الداعية غادر."
    with Project.open(path) as project:
        project.documents.add(make_draft(body))
    window = make_window(path)
    text = window.reader.text

    def find_and_tag(query: str, key: Qt.Key) -> str:
        text.setFocus()
        qtbot.keyClick(text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        window.find_bar.edit.clear()
        type_text(window.find_bar.edit, query)
        assert window.find_bar.matches
        qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
        assert text.hasFocus()
        before = {a.id for a in window.annotation_model.annotations()}
        qtbot.keyClick(text, key)
        (added,) = [a for a in window.annotation_model.annotations() if a.id not in before]
        return added.quote

    assert find_and_tag("اع", Qt.Key.Key_2) == "داعية"  # Organisation
    names = [e.name for e in window.project.entities.summaries()]
    assert "داعية" in names and "اع" not in names
    assert find_and_tag("كيري", Qt.Key.Key_1) == "كيري"  # Person: not وكيري
    assert find_and_tag("لداع", Qt.Key.Key_7) == "لداع"  # a note: exact, as before


def test_tagging_a_tagged_passage_again_says_so(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    # The second press of the same key on the same words raised IndexError in the slot (the
    # operation adds nothing for a duplicate): nothing was said, the selection stayed.
    window = make_window(article)
    text = window.reader.text
    at = text.text_cp.index("لافروف")
    person = label_id(window, "person")
    text.select_cp(at, at + len("لافروف"))
    first = window.tagging.tag_selection(person)
    assert first is not None
    text.select_cp(at, at + len("لافروف"))
    assert window.tagging.tag_selection(person) is None
    assert "already tagged" in window.statusBar().currentMessage()
    assert not text.textCursor().hasSelection()
    assert [a.id for a in window.annotation_model.annotations()] == [first]


def test_a_claim_tagged_by_hand_takes_the_speaker_the_rules_found(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    # A claim tagged after «وقال أبو الغيط إن» (an alias of the registry's person) had no
    # claimant: it fell into the timeline's "no claimant" lane (a trial).
    body = (
        "وصل الأمين العام إلى بيروت مساء الاثنين.\n"
        "وقال أبو الغيط إن الجامعة العربية تقف إلى جانب لبنان في مواجهة الأزمة.\n"
    )
    path = tmp_path / "claims.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(body, title="أبو الغيط في بيروت"))
        speaker = project.entities.add("أحمد أبو الغيط", "person", aliases=("أبو الغيط",))
    window = make_window(path)
    suggestions = window.suggestions
    qtbot.waitUntil(
        lambda: any(s.kind == "claim" for s in suggestions.items.values()), timeout=30000
    )
    text = window.reader.text
    start = body.index("الجامعة العربية")
    text.select_cp(start, body.index("الأزمة") + len("الأزمة"))
    annotation_id = window.tagging.tag_selection(label_id(window, "claim"))
    assert annotation_id is not None
    claim = window.project.claims.for_annotation(annotation_id)
    assert claim is not None and claim.claimant_id == speaker
    # An entity tag does not look through the suggestions for a speaker (a frame's work).
    asked: list[tuple[int, int]] = []
    looked = window.tagging.claim_over
    window.tagging.claim_over = lambda a, b: asked.append((a, b)) or looked(a, b)
    at = body.index("بيروت")
    text.select_cp(at, at + len("بيروت"))
    assert window.tagging.tag_selection(label_id(window, "location")) is not None
    assert asked == []
    # Where no claim suggestion lies, a claim still has no claimant.
    text.select_cp(0, body.index("بيروت"))
    other = window.tagging.tag_selection(label_id(window, "claim"))
    assert other is not None
    assert window.project.claims.for_annotation(other).claimant_id is None


def test_a_claims_speaker_is_the_person_tagged_with_a_title_before_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """A trial tagged «وزير الخارجية المصري سامح شكري» as a person, then the words after
    «وقال شكري» as a claim: the claimant was a second, new سامح شكري (0 mentions), listed
    twice in the briefing and given a lane of its own in the timeline."""
    body = (
        "التقى وزير الخارجية المصري سامح شكري نظيره التركي في أنقرة.\n"
        "وقال شكري إن مصر لن تقبل بأي تدخل في شؤونها الداخلية.\n"
    )
    path = tmp_path / "shoukry.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(body, title="شكري في أنقرة"))
    window = make_window(path)
    text = window.reader.text
    titled = "وزير الخارجية المصري سامح شكري"
    at = body.index(titled)
    text.select_cp(at, at + len(titled))
    tagged = window.tagging.tag_selection(label_id(window, "person"))
    assert tagged is not None
    minister = window.project.annotations.get(tagged).entity_id
    suggestions = window.suggestions
    qtbot.waitUntil(
        lambda: any(s.kind == "claim" for s in suggestions.items.values()), timeout=30000
    )
    start = body.index("مصر لن")
    text.select_cp(start, body.index("الداخلية") + len("الداخلية"))
    claim_tag = window.tagging.tag_selection(label_id(window, "claim"))
    assert claim_tag is not None
    claim = window.project.claims.for_annotation(claim_tag)
    assert claim is not None and claim.claimant_id == minister
    assert [e.name for e in window.project.entities.summaries(type_="person")] == [titled]
