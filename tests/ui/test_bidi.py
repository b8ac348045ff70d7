"""Text direction (issue 12): every free-text field follows its content's first strong
character in either interface direction, rich text that shows the analyst's words carries their
direction, and messages isolate the names, titles and dates they embed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QTextDocument, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QStyle,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.widgets.bidi import (
    FSI,
    LRI,
    PDI,
    first_strong,
    follow_content,
    isolate,
    isolate_path,
    isolate_short,
    show_elided,
)

from .conftest import type_text

MakeWindow = Callable[..., MainWindow]
LTR = Qt.LayoutDirection.LeftToRight
RTL = Qt.LayoutDirection.RightToLeft
ARABIC = "قال الوزير"
LATIN = "the minister said"
ARTICLE = (
    "وقال كيري، من جهته، إن «روسيا والولايات المتحدة تستطيعان سوية فعل الكثير».\n"
    "وأعلن وزير الخارجية الروسي سيرغي لافروف أن المحادثات مستمرة في موسكو."
)


@pytest.fixture(params=[LTR, RTL], ids=["english-ui", "arabic-ui"])
def interface(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Qt.LayoutDirection]:
    """The interface's layout direction for one test, restored after it."""
    before = QApplication.layoutDirection()
    QApplication.setLayoutDirection(request.param)
    yield request.param
    QApplication.setLayoutDirection(before)


Field = QLineEdit | QPlainTextEdit | QTextEdit | QComboBox


def editor_of(field: Field) -> QLineEdit | QPlainTextEdit | QTextEdit:
    if isinstance(field, QComboBox):
        line = field.lineEdit()
        assert line is not None
        return line
    return field


def shown(field: Field) -> tuple[Qt.LayoutDirection, str]:
    """The direction the field's text is laid out in and the side it is drawn on."""
    editor = editor_of(field)
    if isinstance(editor, QLineEdit):
        direction = editor.layoutDirection()
        alignment = QStyle.visualAlignment(direction, editor.alignment())
        side = "right" if alignment & Qt.AlignmentFlag.AlignRight else "left"
        return direction, side
    QApplication.processEvents()
    block = editor.document().begin()
    line = block.layout().lineAt(0)
    assert line.isValid()
    middle = editor.viewport().width() / 2
    side = "right" if line.naturalTextRect().center().x() > middle else "left"
    if isinstance(editor, QPlainTextEdit):  # one direction for the whole text
        return block.layout().textOption().textDirection(), side
    return block.textDirection(), side  # QTextEdit: each paragraph its own


def expect(direction: Qt.LayoutDirection) -> tuple[Qt.LayoutDirection, str]:
    return direction, "right" if direction == RTL else "left"


def clear(field: Field) -> None:
    editor = editor_of(field)
    editor.clear()


def make_field(kind: str, parent: QWidget) -> Field:
    field: Field
    if kind == "line":
        field = QLineEdit(parent)
    elif kind == "plain":
        field = QPlainTextEdit(parent)
    elif kind == "rich":
        field = QTextEdit(parent)
    else:
        field = QComboBox(parent)
        field.setEditable(True)
    follow_content(field)
    QApplication.processEvents()
    QApplication.processEvents()  # following starts once the event loop runs
    return field


# --- the helper, on each kind of field, in both interface directions --------------------------


@pytest.mark.parametrize("kind", ["line", "plain", "rich", "combo"])
def test_a_field_follows_what_is_typed(
    kind: str, interface: Qt.LayoutDirection, qtbot: QtBot
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 300)
    field = make_field(kind, window)
    field.resize(360, 200)
    window.show()
    qtbot.waitExposed(window)
    editor = editor_of(field)

    type_text(editor, ARABIC)
    assert shown(field) == expect(RTL)
    clear(field)
    type_text(editor, LATIN)
    assert shown(field) == expect(LTR)
    # The first strong character decides, not the majority.
    clear(field)
    type_text(editor, "Putin " + ARABIC)
    assert shown(field) == expect(LTR)
    clear(field)
    type_text(editor, "2026 " + ARABIC + " Putin")
    assert shown(field) == expect(RTL)
    if kind in ("line", "plain", "combo"):
        # No strong character (only digits, or nothing): the interface's direction.
        clear(field)
        type_text(editor, "2026-12-01")
        assert shown(field)[0] == interface
        clear(field)
        assert editor_of(field).layoutDirection() == interface


def test_a_rich_text_field_lays_out_each_paragraph_by_itself(qtbot: QtBot) -> None:
    field = QTextEdit()
    qtbot.addWidget(field)
    follow_content(field)
    QApplication.processEvents()
    field.resize(400, 200)
    field.show()
    qtbot.waitExposed(field)
    field.setPlainText(f"{ARABIC}\n{LATIN}")
    QApplication.processEvents()
    first = field.document().begin()
    second = first.next()
    width = field.viewport().width() / 2
    assert first.textDirection() == RTL
    assert first.layout().lineAt(0).naturalTextRect().center().x() > width
    assert second.textDirection() == LTR
    assert second.layout().lineAt(0).naturalTextRect().center().x() < width


def test_a_field_for_one_script_keeps_its_side_while_empty(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    follow_content(field, neutral=RTL)
    QApplication.processEvents()  # following starts once the event loop runs
    assert shown(field) == expect(RTL)
    field.setText(LATIN)
    assert shown(field) == expect(LTR)
    field.clear()
    assert shown(field) == expect(RTL)


# --- every free-text field of the program -----------------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bidi.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(ARTICLE, title="كيري ولافروف"))
    return path


def assert_follows(field: Field, name: str) -> None:
    editor = editor_of(field)
    for text, direction in ((ARABIC, RTL), (LATIN, LTR)):
        if isinstance(editor, QLineEdit):
            editor.setText(text)
        else:
            editor.setPlainText(text)
        assert shown(field) == expect(direction), (name, text)
    if not isinstance(editor, QLineEdit):
        # A multi-line field lays out each paragraph in its own direction: an English
        # paragraph under an Arabic one is not pushed to the right (QPlainTextEdit did).
        editor.setPlainText(f"{LATIN}\n{ARABIC}")
        QApplication.processEvents()
        first = editor.document().begin()
        middle = editor.viewport().width() / 2
        sides = [
            block.layout().lineAt(0).naturalTextRect().center().x() > middle
            for block in (first, first.next())
        ]
        assert sides == [False, True], (name, "paragraphs not laid out each by itself")


def test_every_free_text_field_follows_its_content(
    make_window: MakeWindow, article: Path, qtbot: QtBot, interface: Qt.LayoutDirection
) -> None:
    from desktop.ui.annotations.note_editor import NoteEditor
    from desktop.ui.claims.link_dialog import ClaimLinkDialog
    from desktop.ui.entities.dialogs import EntityPage, EntityPicker
    from desktop.ui.entities.mentions import MentionsDialog
    from desktop.ui.labels.dialogs import LabelEditor
    from desktop.ui.library.metadata import MetadataDialog

    window = make_window(article)
    project = window.project
    doc_id = window.reader.document_id
    assert doc_id is not None and window.session is not None
    claim_label = next(label.id for label in window.session.labels if label.key == "claim")
    start = ARTICLE.index("وأعلن")
    window.reader.text.select_cp(start, start + 20)
    window.tagging.tag_selection(claim_label)
    (claim_id,) = project.database.conn.execute("SELECT id FROM claims").fetchone()
    kerry = project.entities.get(project.entities.add("جون كيري", "person", aliases=("كيري",)))

    fields: dict[str, Field] = {
        "find bar": window.find_bar.edit,
        "library filter": window.library.filter_edit,
        "search query": window.search_panel.query_edit,
        "entity filter": window.entities.name_box,
        "claim summary": window.claim_editor.summary,
    }
    dialogs: list[QWidget] = []

    note = NoteEditor("quote", "", window)
    fields["note"] = note.editor
    labels = LabelEditor(None, {}, window)
    fields |= {"label name (en)": labels.name_en, "label name (ar)": labels.name_ar}
    metadata = MetadataDialog(project.documents.get(doc_id), window)
    fields |= {f"metadata {key}": metadata.edits[key] for key in ("title", "source", "author")}
    page = EntityPage(project, kerry, window)
    fields |= {
        "entity name": page.name,
        "entity aliases": page.aliases,
        "entity description": page.description,
        "entity notes": page.notes,
    }
    picker = EntityPicker(project, "", None, parent=window)
    fields["entity picker"] = picker.query
    mentions = MentionsDialog(project, kerry, doc_id, window)
    fields["mentions alias"] = mentions.alias_edit
    links = ClaimLinkDialog(project, int(claim_id), window)
    fields["claim link filter"] = links.filter
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    briefing = window.exports.dialog
    assert briefing is not None
    qtbot.waitUntil(lambda: briefing.preview_task is None, timeout=10000)
    fields |= {
        "briefing title": briefing.title_edit,
        "briefing author": briefing.author_edit,
        "briefing marking": briefing.marking_box,
        "briefing summary": briefing.summary_edit,
    }
    dialogs += [note, labels, metadata, page, picker, mentions, links]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    for name, field in fields.items():
        editor_of(field).setEnabled(True)
        assert_follows(field, name)
    briefing.close()
    # The entity filter refreshes the list after a pause: let it run while the project is open.
    qtbot.waitUntil(lambda: not window.entities._debounce.isActive())


def test_the_briefing_fields_start_on_the_report_languages_side(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("ar"))
    dialog.title_edit.clear()
    dialog.summary_edit.clear()
    assert shown(dialog.title_edit) == expect(RTL)
    assert shown(dialog.summary_edit)[0] == RTL
    dialog.title_edit.setText("Putin and Kerry")
    assert shown(dialog.title_edit) == expect(LTR)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.title_edit.clear()
    assert shown(dialog.title_edit) == expect(LTR)
    dialog.summary_edit.setPlainText("الخلاصة: اللقاء عُقد.")
    assert shown(dialog.summary_edit) == expect(RTL)
    assert dialog.summary_edit.layoutDirection() == RTL  # the scroll bar's side too
    dialog.close()


# --- rich text that shows the analyst's words -------------------------------------------------


def test_the_reader_tooltip_lays_out_a_note_in_its_own_direction(
    make_window: MakeWindow, article: Path
) -> None:
    window = make_window(article)
    assert window.session is not None
    window.session.author = "Analyst"  # an account without a full name has none by default
    person = next(label.id for label in window.session.labels if label.key == "person")
    text = window.reader.text
    kerry = ARTICLE.index("كيري")
    lavrov = ARTICLE.index("سيرغي لافروف")
    text.select_cp(kerry, kerry + len("كيري"))
    first = window.tagging.tag_selection(person)
    text.select_cp(lavrov, lavrov + len("سيرغي لافروف"))
    second = window.tagging.tag_selection(person)
    assert first is not None and second is not None
    tagged = window.statusBar().currentMessage()
    assert tagged.startswith(f"Tagged “{FSI}سيرغي لافروف{PDI}” as {FSI}")
    title = f"{isolate('كيري ولافروف')} — {isolate(window.project.path.stem)} — Hamish"
    assert window.windowTitle() == title
    window.tagging.set_note(first, "وزير الخارجية منذ 2004\nسطر ثان")
    window.tagging.set_note(second, "Foreign minister since 2004")

    tip = window.tagging.tooltip_at(kerry + 1)
    assert tip is not None
    assert "Note:<div dir='rtl'>وزير الخارجية منذ 2004<br>سطر ثان</div>" in tip
    label = window.session.label(person)
    assert label is not None
    assert f"{FSI}{label.name_en}{PDI} · {FSI}{label.name_ar}{PDI}" in tip
    assert f"{FSI}{window.session.author}{PDI}" in tip
    # Qt's rich text understands it: the note is a right-to-left block under "Note:".
    document = QTextDocument()
    document.setHtml(tip)
    block = document.begin()
    while block.isValid() and not block.text().startswith("وزير"):
        block = block.next()
    assert block.isValid() and block.blockFormat().layoutDirection() == RTL
    assert block.previous().text() == "Note:"

    latin = window.tagging.tooltip_at(lavrov + 1)
    assert latin is not None and "Note:<div dir='ltr'>Foreign minister since 2004</div>" in latin


def test_kwic_lines_and_search_titles_carry_their_direction() -> None:
    from desktop.ui.entities.dialogs import kwic_html
    from desktop.ui.search.panel import hit_html

    start = ARTICLE.index("كيري")
    assert kwic_html(ARTICLE, start, start + 4).startswith("<span>\u200f…")
    latin = "He met Kerry in Moscow, قال المصدر"
    assert kwic_html(latin, 7, 12).startswith("<span>\u200e…")

    hit = SimpleNamespace(
        title="Kerry in Moscow",
        title_spans=(),
        source="الجزيرة",
        published="2026-01-05",
        spans=[(0, 1)],
        direction="rtl",
    )
    markup = hit_html(hit)  # type: ignore[arg-type]
    assert markup.startswith('<div dir="ltr"><b>Kerry in Moscow</b></div>')
    assert f"{FSI}الجزيرة{PDI}" in markup
    assert f"{FSI}{LRI}2026-01-05{PDI}{PDI}" in markup


# --- messages ----------------------------------------------------------------------------------


def visual_x(text: str, positions: list[int], *, rtl: bool = False) -> list[float]:
    """Where each logical position of ``text`` is drawn on a left-to-right (or right-to-left)
    line."""
    layout = QTextLayout(text, QFont())
    option = layout.textOption()
    option.setTextDirection(RTL if rtl else LTR)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10000)
    layout.endLayout()
    return [line.cursorToX(p)[0] for p in positions]


def test_isolate_keeps_a_date_after_an_arabic_word_in_order(qapp: QApplication) -> None:
    name = "إحاطة-2026-12-01.docx"
    old = f"Wrote {name}: 3 claims."
    new = f"Wrote {isolate(name)}: 3 claims."
    for message, in_order in ((old, False), (new, True)):
        year, month, day = (message.index(part) for part in ("2026", "-12", "-01"))
        xs = visual_x(message, [year, month + 1, day + 1])
        assert (xs[0] < xs[1] < xs[2]) is in_order, message
    # The English sentence keeps its order around the name: "Wrote" first, "claims" last.
    xs = visual_x(new, [0, new.index("claims")])
    assert xs[0] < xs[1]
    # Stray isolates in a title cannot leave one open.
    assert isolate(f"a{PDI}{FSI}b") == f"{FSI}ab{PDI}"
    assert isolate_short("أ" * 80, 10) == f"{FSI}{'أ' * 9}…{PDI}"


def test_the_briefing_export_message_isolates_the_file_name(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    dialog.title_edit.setText("إحاطة")
    dialog.date_edit.setDate(QDate(2026, 12, 1))
    path = Path(dialog.suggested_path())
    assert path.name == "إحاطة-2026-12-01.docx"
    counts = {"claims": 3, "contradictions": 1, "entities": 4, "excerpts": 2, "sources": 5}
    dialog._exported(SimpleNamespace(path=path, counts=counts))
    message = dialog.status.currentMessage()
    # The file name is isolated left to right as a whole: inside an Arabic sentence a
    # first-strong isolate laid "إحاطة-2026-12-01.docx" out right to left and put ".docx"
    # in its middle ("إحاطة-docx.2026-12-01").
    assert message == (
        f"Wrote {LRI}إحاطة-2026-12-01.docx{PDI}: 3 claims, 1 contradiction, "
        "4 entities, 2 excerpts, 5 sources."
    )
    arabic = f"حُفظ الملف {isolate_path(path.name)}: 3 ادعاءات."
    name_at, docx_at = arabic.index("حاطة"), arabic.index("docx")
    xs = visual_x(arabic, [name_at, docx_at], rtl=True)
    assert xs[1] > xs[0], "the extension must stay at the right end of the name"
    dialog.close()


def test_a_long_status_message_is_elided_at_its_end(qtbot: QtBot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    bar.resize(260, 24)
    bar.show()
    qtbot.waitExposed(bar)
    message = f"Imported “{isolate_short('بوتين يلتقي كيري في موسكو لبحث الأزمة السورية')}”."
    show_elided(bar, message + " " + "and much more " * 10)
    shown_text = bar.currentMessage()
    # Cut at its logical end; Qt closes the isolate it cut into (and keeps the cut letter's
    # joining form with a zero-width joiner).
    assert shown_text.startswith(f"Imported “{FSI}بوتين") and shown_text.endswith(f"…{PDI}")
    assert bar.fontMetrics().horizontalAdvance(shown_text) <= bar.width()


def test_first_strong() -> None:
    assert first_strong("  «2026» قال Putin") == RTL
    assert first_strong("Putin قال") == LTR
    assert first_strong("שלום") == RTL
    assert first_strong("2026-12-01 …") is None


def test_first_strong_skips_what_is_isolated() -> None:
    """Unicode's P2, as Qt lays a label out: "‹Example Wire› · 233 حرفاً" is right to left."""
    assert first_strong(f"{isolate('Example Wire')} · 233 حرفاً") == RTL
    assert first_strong(f"{isolate('وكالة')} · Arabic") == LTR
    assert first_strong(isolate("Example")) is None
    assert first_strong(f"\u200f{isolate('Example')}") == RTL


def test_a_message_that_begins_with_a_path_reads_in_the_interface_direction(
    qtbot: QtBot,
) -> None:
    """A trial's Arabic message «/home/…/default.hamish مفتوح في نافذة أخرى…» was laid out
    left to right — the path first, its brackets and full stop misplaced: each line of a
    message now begins with the interface's direction."""
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    from desktop.ui.shell.messages import message_box
    from desktop.ui.widgets.bidi import LRM, RLM, isolate_path

    path = isolate_path("/tmp/home/.local/share/hamish/default.hamish")
    arabic = f"{path} مفتوح في نافذة أخرى لهامش (فالتعديلات في الاثنين يلغي بعضها بعضاً)."
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.layoutDirection()
    try:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        box = message_box(QMessageBox.Icon.Critical, "خطأ", f"{arabic}\nعنوان عربي")
        qtbot.addWidget(box)
        first, second = box.text().split("\n")
        assert first == RLM + arabic and second == "عنوان عربي"  # already right to left
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None and label.text() == box.text()
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        english = message_box(QMessageBox.Icon.Critical, "Error", "«تقرير» is not a project.")
        qtbot.addWidget(english)
        assert english.text().startswith(LRM)
        plain = message_box(QMessageBox.Icon.Critical, "Error", "Not a project.")
        qtbot.addWidget(plain)
        assert plain.text() == "Not a project."
    finally:
        app.setLayoutDirection(before)
