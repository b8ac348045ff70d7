"""The ways in, through the window: drops, the clipboard, folders in the background with a
summary, cancelling, and editing an article's metadata with undo."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMenuBar, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.io.batch import load_file
from desktop.ops.articles import validate_metadata
from desktop.store.project import Project
from desktop.ui.library.metadata import MetadataDialog
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.transfer.import_dialogs import ImportOutcome

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]
DATA = Path(__file__).resolve().parents[1] / "data" / "import"
HEADLINE = "لافروف وكيري يتفقان على خطوات لإنقاذ الهدنة في سوريا"


def _article(n: int) -> str:
    return f"مقال رقم {n}\nقال المتحدث باسم الوزارة إن الاجتماع رقم {n} كان مثمراً جداً."


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "work.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(_article(0), title="الأول", published="2016-01-01"))
    return make_window(path)


def _recording(window: MainWindow) -> list[ImportOutcome]:
    outcomes: list[ImportOutcome] = []
    window.importing.present_summary = outcomes.append
    return outcomes


def _wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.importing.busy, timeout=15000)


def _drop(window: MainWindow, mime: QMimeData) -> None:
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(400, 300), actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(400, 300), actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def test_drop_files_and_a_folder_on_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    outcomes = _recording(window)
    page = tmp_path / "page.html"
    shutil.copy(DATA / "news_page.html", page)
    folder = tmp_path / "folder"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"{n}.txt").write_text(_article(n), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page)), QUrl.fromLocalFile(str(folder))])
    _drop(window, mime)
    _wait_idle(qtbot, window)
    (outcome,) = outcomes
    assert len(outcome.imported) == 3 and not outcome.failed
    assert window.library.proxy.rowCount() == 4
    assert window.project.documents.count() == 4
    assert window.reader.document_id == outcome.imported[-1][1]


def test_clipboard_text_and_web_selection(
    window: MainWindow, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setText(_article(5))
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert window.reader.title.text() == "مقال رقم 5"
    assert window.library.proxy.rowCount() == 2

    html = (DATA / "news_page.html").read_text(encoding="utf-8")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("نص الصفحة كما نسخه المتصفح")
    clipboard.setMimeData(mime)
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert window.reader.title.text() == HEADLINE
    assert "صحيفة المرصد" in window.reader.meta.text()
    assert window.library.proxy.rowCount() == 3

    clipboard.setText(_article(5))  # the same text again: the existing article opens
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert window.reader.title.text() == "مقال رقم 5"
    assert "already in the project" in messenger.infos[-1][1]
    assert window.library.proxy.rowCount() == 3
    assert window.registry[ActionId.NEW_FROM_CLIPBOARD].shortcut().toString() == "Ctrl+Shift+V"

    clipboard.clear()
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert "clipboard holds no text" in messenger.infos[-1][1]


def test_a_copied_page_past_the_parsers_limits_keeps_its_plain_text(window: MainWindow) -> None:
    # A selection whose HTML nests deeper than the parser reads: the plain text copied with
    # it becomes the article, as for any page the extractor finds nothing in.
    mime = QMimeData()
    mime.setHtml("<div>" * 300 + "<p>نص</p>")
    mime.setText(_article(7))
    QApplication.clipboard().setMimeData(mime)
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert window.reader.title.text() == "مقال رقم 7"


def test_a_huge_copied_page_is_taken_as_its_plain_text(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 100,000 pasted paragraphs kept the window's thread busy for 28 s: past the elements
    # the extractor reads here, the plain text copied with the HTML is the article.
    from desktop.io.importers import html_page
    from desktop.ui.transfer import clipboard

    read: list[str] = []
    monkeypatch.setattr(html_page, "extract_article", lambda html: read.append(html))
    mime = QMimeData()
    mime.setHtml("<p>كلمة</p>" * (clipboard.CLIPBOARD_HTML_ELEMENTS + 1))
    mime.setText(_article(8))
    QApplication.clipboard().setMimeData(mime)
    window.registry[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert window.reader.title.text() == "مقال رقم 8"
    assert read == []  # never parsed


def test_dropped_text_becomes_an_article(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText(_article(7))
    _drop(window, mime)
    assert window.reader.title.text() == "مقال رقم 7"


def test_folder_with_bad_files_shows_the_summary(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-good.txt").write_text(_article(1), encoding="utf-8")
    (folder / "b-same.txt").write_text(_article(0), encoding="utf-8")  # already in the project
    (folder / "c-corrupt.docx").write_bytes(b"PK\x03\x04 damaged")
    (folder / "d-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "e-photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    window.import_files([str(folder)])
    assert window.importing.busy  # in the background: the call returns at once
    _wait_idle(qtbot, window)
    dialog = window.importing.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.headline.text() == "1 imported, 2 skipped, 2 failed."
    # File names isolated left to right: "0040.txt" read "txt.0040" in Arabic (issue 14).
    assert dialog.rows("imported") == [("\u2066a-good.txt\u2069", "\u2068مقال رقم 1\u2069")]
    skipped = {name.strip("\u2066\u2069"): result for name, result in dialog.rows("skipped")}
    assert skipped["b-same.txt"] == "Already in the project as “\u2068الأول\u2069” (article 1)"
    assert "does not import .jpg files" in skipped["e-photo.jpg"]
    failed = {name.strip("\u2066\u2069"): result for name, result in dialog.rows("failed")}
    assert "not a valid Word document" in failed["c-corrupt.docx"]
    assert "binary file" in failed["d-binary.txt"]
    assert window.library.proxy.rowCount() == 2
    dialog.close()


def test_cancel_keeps_what_was_already_imported(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    outcomes = _recording(window)
    paths = []
    for n in range(1, 21):
        path = tmp_path / f"{n:02}.txt"
        path.write_text(_article(n), encoding="utf-8")
        paths.append(str(path))

    def slow(path: Path) -> DocumentDraft:
        time.sleep(0.05)
        return load_file(path)

    window.importing.loader = slow
    window.import_files(paths)
    progress = window.importing.progress
    assert progress.isVisible()
    qtbot.waitUntil(lambda: progress.bar.value() >= 3, timeout=10000)
    progress.cancel.click()
    _wait_idle(qtbot, window)
    (outcome,) = outcomes
    assert outcome.batch.cancelled
    kept = len(outcome.imported)
    assert 3 <= kept < 20
    assert "cancelled after" in outcome.headline()
    assert window.project.documents.count() == 1 + kept
    assert window.library.proxy.rowCount() == 1 + kept
    assert not progress.isVisible()


def test_edit_metadata_undo_and_redo(window: MainWindow) -> None:
    assert window.session is not None
    doc_id = window.reader.document_id
    assert doc_id is not None
    asked: list[str] = []

    def ask(document: object) -> dict[str, str | None]:
        asked.append(getattr(document, "title", ""))
        return {
            "title": "عنوان جديد",
            "source": "وكالة الأنباء",
            "url": "https://agency.example/a/1",
            "published": "2016-07-15",
            "language": "ar",
            "direction": "ltr",
        }

    edit = window.registry[ActionId.EDIT_METADATA]
    assert edit in window.library.view.actions()  # the library's context menu offers it
    article_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Article")
    assert article_menu is not None and edit in article_menu.actions()
    window.metadata.ask_metadata = ask
    edit.trigger()
    assert asked == ["الأول"]
    document = window.project.documents.get(doc_id)
    assert (document.title, document.source, document.published) == (
        "عنوان جديد",
        "وكالة الأنباء",
        "2016-07-15",
    )
    assert document.url == "https://agency.example/a/1"
    # Laid out left to right as the analyst set it: a left-to-right mark before the
    # Arabic title (a label follows its text's first strong character).
    assert window.reader.title.text() == "\u200eعنوان جديد"
    assert window.reader.direction == "ltr"
    assert "وكالة الأنباء" in window.reader.meta.text()
    model = window.library.model
    assert model is not None
    summary = model.summary(doc_id)
    assert summary is not None and summary.title == "عنوان جديد"

    stack = window.session.undo_stack
    assert stack.undoText().startswith("Edit metadata of")
    stack.undo()
    assert window.project.documents.get(doc_id).title == "الأول"
    assert window.reader.title.text() == "الأول" and window.reader.direction == "rtl"
    summary = model.summary(doc_id)
    assert summary is not None and summary.title == "الأول"
    stack.redo()
    assert window.reader.title.text() == "\u200eعنوان جديد"
    count = stack.count()
    window.registry[ActionId.EDIT_METADATA].trigger()  # same values: no empty undo step
    assert stack.count() == count


def test_metadata_dialog_validates(window: MainWindow, qtbot: QtBot) -> None:
    doc_id = window.reader.document_id
    assert doc_id is not None
    dialog = MetadataDialog(window.project.documents.get(doc_id), window)
    qtbot.addWidget(dialog)
    assert dialog.values()["title"] == "الأول"
    assert dialog.values()["language"] == "ar" and dialog.values()["direction"] == "rtl"
    dialog.edits["published"].setText("2016-02-30")
    dialog.edits["url"].setText("not a url")
    dialog.accept()
    assert dialog.result() != MetadataDialog.DialogCode.Accepted
    assert "real date" in dialog.problem.text() and "URL" in dialog.problem.text()
    clean, problems = validate_metadata({**dialog.values(), "published": "", "url": ""})
    assert not problems and clean["published"] is None


def _scope(action: QAction) -> set[str] | None:
    """Where a shortcut fires: None for the whole window, else the widgets it lives on."""
    if action.shortcutContext() in (
        Qt.ShortcutContext.WindowShortcut,
        Qt.ShortcutContext.ApplicationShortcut,
    ):
        return None
    return {
        widget.objectName()
        for widget in action.associatedObjects()
        if isinstance(widget, QWidget) and not isinstance(widget, QMenu | QMenuBar | QToolBar)
    }


def test_import_actions_have_their_own_shortcuts(window: MainWindow) -> None:
    """An ambiguous shortcut fires neither action, so no two actions may share one where
    both are active (Delete removes an annotation in the text, an article in the library)."""
    owners: dict[str, str] = {}
    scopes: dict[str, list[tuple[set[str] | None, str]]] = {}
    for action in window.registry.all():
        scope = _scope(action)
        for key in action.shortcuts():
            text = key.toString()
            for other, name in scopes.get(text, []):
                overlap = scope is None or other is None or bool(scope & other)
                assert not overlap, f"{text}: {name} and {action.text()}"
            scopes.setdefault(text, []).append((scope, action.text()))
            owners[text] = action.text()
    assert {name for _, name in scopes["Del"]} == {"&Delete Annotation", "&Delete Article…"}
    assert owners["Ctrl+Shift+I"] == "Import &Folder…"
    assert owners["Ctrl+Shift+D"] == "Edit &Metadata…"


def test_a_queued_batch_goes_to_the_project_it_was_dropped_on(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Files dropped while project A is open belong to A, even if the analyst opens project B
    before their queued batch starts; B is left alone."""
    first = window.project.path
    files = []
    for n in (1, 2):
        path = tmp_path / f"{n}.txt"
        path.write_text(_article(n), encoding="utf-8")
        files.append(str(path))
    window.import_files(files[:1])
    window.import_files(files[1:])  # waits for the first batch
    assert window.importing.busy
    other = tmp_path / "other.hamish"
    with Project.open(other) as project:
        project.documents.add(make_draft("مقال في المشروع الآخر فقط.", title="آخر"))
    assert window.switch_project(other, create=False)
    _wait_idle(qtbot, window)
    assert window.project.path == other
    assert window.project.documents.count() == 1
    assert window.library.proxy.rowCount() == 1
    assert window.reader.title.text() == "آخر"  # nothing of A was opened in B
    outcome = window.importing.last_outcome
    assert outcome is not None and outcome.project == first
    with Project.open(first, create=False) as project:
        assert project.documents.count() == 3
        assert {s.title for s in project.documents.summaries()} >= {"مقال رقم 1", "مقال رقم 2"}


def test_a_batch_ending_after_the_window_closed_touches_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the window closes its project: a batch finishing after that (the window not
    yet destroyed) must not announce, open or summarise anything, nor start the next one."""
    release = threading.Event()
    loading = threading.Event()

    def held(path: Path) -> DocumentDraft:
        loading.set()
        release.wait(10)
        return load_file(path)

    files = []
    for n in (1, 2, 3):
        path = tmp_path / f"{n}.txt"
        path.write_text(_article(n), encoding="utf-8")
        files.append(str(path))
    outcomes = _recording(window)
    opened: list[int] = []
    announced: list[object] = []
    session = window.session
    assert session is not None
    monkeypatch.setattr(window, "open_document", opened.append)
    monkeypatch.setattr(session, "announce", announced.append)
    window.importing.loader = held
    window.import_files(files[:2])
    window.import_files(files[2:])  # queued
    assert loading.wait(10)
    window.close()
    release.set()
    _wait_idle(qtbot, window)
    qtbot.wait(50)  # anything the end of the batch would have queued
    assert not window.importing.busy
    assert outcomes == [] and opened == [] and announced == []
    assert window.importing.last_outcome is None


def test_an_import_is_undone_and_redone_like_any_edit(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, messenger: RecordingMessenger
) -> None:
    """Edit → Undo after an import removes the articles it brought (and only those); redo
    brings them back, and the library follows both."""
    outcomes = _recording(window)
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"{n}.txt").write_text(_article(n), encoding="utf-8")
    (folder / "dup.txt").write_text(_article(0), encoding="utf-8")  # already in the project
    window.import_files([str(folder)])
    _wait_idle(qtbot, window)
    assert outcomes and len(outcomes[-1].imported) == 2
    library = window.library.model
    assert library is not None and library.rowCount() == 3
    stack = window.undo_group.activeStack()
    assert stack.undoText() == "Import 2 articles"
    window.open_document(outcomes[-1].imported[0][1])  # not the one the import opened
    stack.undo()
    assert messenger.errors == []
    assert library.rowCount() == 1 and window.project.documents.count() == 1
    assert window.reader.document_id == window.library.first_document()
    stack.redo()
    assert library.rowCount() == 3 and window.project.documents.count() == 3


def test_replaced_bytes_are_in_the_summary_and_in_the_metadata(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 13, failure 2: one damaged UTF-8 file imported without a warning as mojibake.
    Now it is UTF-8 with the bad bytes replaced, and the analyst is told where — even when it
    is the only file (which otherwise gets no summary, only a status message)."""
    damaged = tmp_path / "damaged.txt"
    lines = [_article(8), "وأضاف أن المحادثات ستستمر الأسبوع المقبل في جنيف."]
    damaged.write_bytes(lines[0].encode() + b"\n" + lines[1].encode()[:8] + b"\xff\xfe")
    window.import_files([str(damaged)])
    _wait_idle(qtbot, window)
    dialog = window.importing.summary_dialog
    assert dialog is not None and dialog.isVisible()
    ((name, result),) = dialog.rows("imported")
    note = "2 bytes that are not UTF-8 were replaced with \ufffd (the first on line 3)."
    assert name == "\u2066damaged.txt\u2069" and result == "\u2068مقال رقم 8\u2069 — " + note
    assert note in dialog.outcome.as_text()
    dialog.close()
    doc_id = window.reader.document_id
    assert doc_id is not None
    document = window.project.documents.get(doc_id)
    assert document.import_notes == note and document.text.endswith("\ufffd\ufffd")
    metadata = MetadataDialog(document, window)
    qtbot.addWidget(metadata)
    shown = metadata.findChild(QLabel, "metadata_import_notes")
    assert shown is not None and shown.text() == note


def test_file_names_cannot_spoof_the_summary(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 13, failure 4: a file called report‮txt.exe.txt read "reporttxt.exe.txt" backwards
    in the summary, and a newline in a name broke its row; both are shown as escapes."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "report\u202etxt.exe.txt").write_text(_article(3), encoding="utf-8")
    (folder / "two\nlines.txt").write_text("", encoding="utf-8")  # fails: empty
    (folder / "odd\x1b[2J.rtf").write_text("{\\rtf1}", encoding="utf-8")  # skipped
    window.import_files([str(folder)])
    _wait_idle(qtbot, window)
    dialog = window.importing.summary_dialog
    assert dialog is not None
    rows = dialog.rows("imported") + dialog.rows("failed") + dialog.rows("skipped")
    names = [name.strip("\u2066\u2069") for name, _ in rows]
    assert names == ["report\\u202etxt.exe.txt", "two\\x0alines.txt", "odd\\x1b[2J.rtf"]
    text = dialog.outcome.as_text() + "".join(result for _, result in rows)
    assert not any(ch in text for ch in "\u202e\x1b") and "\n" not in names[1]
    assert rows[1][1] == "This file is empty."
    dialog.close()
