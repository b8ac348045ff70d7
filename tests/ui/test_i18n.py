"""The Arabic interface: every text translated, everything mirrored, and the language chosen
as documented (desktop/ui/i18n.py). The rest of the suite runs in English."""

from __future__ import annotations

import ast
import html
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.core.records import ImportFailure
from desktop.core.services import ImportReport
from desktop.io.batch import BatchReport
from desktop.settings import Settings
from desktop.ui.commands.edit_names import PATTERNS, edit_name
from desktop.ui.i18n import install_language, resolve_language
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]
ROOT = Path(__file__).resolve().parents[2]

# Latin words that may stay in the Arabic interface: the product and format names, keys of
# shortcuts, query operators, file patterns, and the language menu's own "English".
ALLOWED = {
    "Hamish", "Word", "PDF", "CSV", "JSON", "URL", "MIT", "Markdown", "OR", "NOT", "ID",
    "Ctrl", "Shift", "Alt", "Meta", "Enter", "Esc", "Del", "Delete", "Return", "Ins", "Tab",
    "Space", "Backspace", "Home", "End", "PgUp", "PgDown", "English", "https", "html", "htm",
    "xhtml", "shtml", "docx", "txt", "text", "md", "markdown", "eml", "csv", "json", "pdf",
    "hamish", "bin",
    # Names of other tools and their formats (File → Export / Import Annotations, issue 17).
    "UIMA", "CAS", "XMI", "INCEpTION", "brat", "CoNLL", "BIO", "zip", "ann",
    # names of exchange formats and the programs that read them (docs/interop.md)
    "REFI", "QDA", "QualCoder", "MAXQDA", "ATLAS", "ti", "Web", "Annotation", "LD", "qdpx",
    "jsonld",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z]{2,}")


def _data_words(window: MainWindow) -> set[str]:
    """Latin words of the project's own data (titles, sources, names): shown as they are."""
    project = window.project
    texts = [str(project.path), window.prefs.author()]
    for summary in project.documents.summaries():
        texts += [summary.title, summary.source, summary.published or ""]
        texts.append(project.documents.get(summary.id).origin)
    for entity in project.entities.summaries():
        texts += [entity.name, *entity.aliases]
    return {word for text in texts for word in WORD.findall(text)}


def _texts(root: QWidget, skip: set[int]) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible piece of interface text under ``root``."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if id(widget) in skip:
            continue
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if widget.isWindow() or widget.windowTitle():
            yield name + " title", widget.windowTitle()
        yield name + " tip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield name, html.unescape(re.sub(r"<[^>]+>", " ", widget.text()))
        if isinstance(widget, QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QLineEdit):
            yield name + " placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield name + " tab", widget.tabText(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name + " item", widget.itemText(i)
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            for column in range(widget.count()):
                yield name + " header", str(model.headerData(column, widget.orientation()) or "")
        if isinstance(widget, QMenu):
            yield name + " menu", widget.title()
        if isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    yield name + " cell", item.text() if item is not None else ""
    for action in root.findChildren(QAction):
        where = f"action:{action.objectName() or action.text()}"
        yield where, action.text()
        yield where + " tip", action.toolTip()
        yield where + " status", action.statusTip()


def _latin(texts: Iterable[tuple[str, str]], allowed: set[str]) -> list[tuple[str, str]]:
    """Texts with a Latin word not allowed; colours (#9b8ec7) and the language codes the
    metadata dialog lists ("ar — العربية") are values, not words."""
    found = []
    for where, text in texts:
        plain = re.sub(r"#[0-9a-fA-F]{6}\b|^(ar|en|und) — ", "", text)
        if any(word not in allowed for word in WORD.findall(plain)):
            found.append((where, text))
    return found


def _dialogs(window: MainWindow, messenger: RecordingMessenger) -> list[QWidget]:
    """Every dialog that can be built without its modal loop."""
    from desktop.ui.annotations.note_editor import NoteEditor
    from desktop.ui.claims.link_dialog import ClaimLinkDialog
    from desktop.ui.entities.dialogs import EntityPage, EntityPicker
    from desktop.ui.entities.mentions import MentionsDialog
    from desktop.ui.labels.dialogs import LabelEditor, LabelManager, RemoveLabelDialog
    from desktop.ui.library.metadata import MetadataDialog
    from desktop.ui.shell.messages import text_dialog
    from desktop.ui.transfer.import_dialogs import ImportOutcome, ImportSummaryDialog

    project = window.project
    session = window.session
    assert session is not None
    labels = session.labels
    # A person (an entity) and a claim to show in the dialogs.
    text = window.reader.text.toPlainText()
    for key, word in (("person", "كيري"), ("claim", text.split("،")[0][:60])):
        start = text.index(word)
        window.reader.text.select_cp(start, start + len(word))
        label = session.label_by_key(key)
        assert label is not None
        window.tagging.tag_selection(label.id)
    manager = LabelManager(window)
    manager.show_labels(labels, {label.id: 0 for label in labels})
    document = project.documents.get(window.library.first_document() or 1)
    entity = project.entities.get(project.entities.summaries()[0].id)
    outcome = ImportOutcome(
        BatchReport(
            ImportReport(
                imported=[("a.txt", document.id)],
                duplicates=[("b.txt", document.id)],
                failed=[
                    ImportFailure("c.bin", "c.bin: Hamish does not import .bin files."),
                    ImportFailure("d.txt", "d.txt is empty."),
                ],
            ),
            total=3,
            cancelled=True,
        ),
        project.path,
        {document.id: document.title},
    )
    dialogs: list[QWidget] = [
        manager,
        LabelEditor(None, {"1": "شخص"}, window),
        LabelEditor(labels[0], {}, window),
        RemoveLabelDialog(labels[0], 3, labels[1:], window),
        NoteEditor("اقتباس", "", window),
        MetadataDialog(document, window),
        EntityPage(project, entity, window),
        EntityPicker(project, "كيري", None, parent=window),
        MentionsDialog(project, entity, document.id, window, add_alias=lambda *_: False),
        ImportSummaryDialog(outcome, window),
        window.exports.open_briefing(),
    ]
    window.show_shortcuts()  # Help → Keyboard Shortcuts (not modal)
    dialogs.append(window.shortcut_sheet)
    window.edit_author()  # File → Your Name: the question asked, in the dialog that asks it
    asked = text_dialog(window, *messenger.asked[-1])
    asked.sizeHint()  # QInputDialog makes its buttons on first layout
    dialogs.append(asked)
    dialogs.append(ClaimLinkDialog(project, project.claims.rows()[0].claim.id, window))
    window.review.show_legend()  # Help → Suggestion Legend
    assert window.review.legend is not None
    dialogs.append(window.review.legend)
    return dialogs


def test_the_arabic_window_has_no_english_left(
    arabic: QApplication,
    make_window: MakeWindow,
    default_project: Path,
    messenger: RecordingMessenger,
) -> None:
    window = make_window(default_project)
    window.finish_setup()
    window.show_guide(force=True)  # the first-run guide
    # File → Recent Projects: one project there, one gone (listed as missing).
    gone = default_project.with_name("مشروع-قديم.hamish")
    window.recent.add(gone)
    window.recent.add(default_project)
    window.recent.fill()
    assert [a.data() for a in window.recent_menu.actions() if a.data()] == [str(gone.resolve())]
    assert window.guide is not None
    allowed = ALLOWED | _data_words(window)
    # The article itself and its metadata are data, in their own language.
    reader = window.reader
    skip = {id(reader.text), id(reader.title), id(reader.meta)}
    seen = [pair for pair in _texts(window, skip) if pair[1]]
    for dialog in _dialogs(window, messenger):
        seen += [pair for pair in _texts(dialog, skip) if pair[1]]
        dialog.close()
    assert len(seen) > 400  # the walk reached menus, docks and dialogs
    found = _latin(seen, allowed)
    about = window.about()
    # Product names, licence names and addresses stay Latin; the licence texts are English
    # legal documents, shown as they are.
    names = {"Qt", "PySide", "LGPL", "Python"}
    # Rich text: what it shows (word joiners keep an address on one line).
    notice = re.sub(r"<[^>]+>", " ", about.notice.text()).replace("\u2060", "")
    shown = [about.windowTitle(), about.summary.text(), notice]
    shown += [about.tabs.tabText(i) for i in range(about.tabs.count())]
    plain = [re.sub(r"https://\S+", "", text) for text in shown]
    found += _latin([("about", text) for text in plain], allowed | names)
    about.close()
    assert not found, "\n".join(f"{where}: {text!r}" for where, text in found)
    # And the Arabic is really there.
    assert window.menuBar().actions()[0].text() == "ملف"
    assert window.library.windowTitle() == "المكتبة"


def test_arabic_mirrors_the_window_and_english_does_not(
    qapp: QApplication, make_window: MakeWindow, default_project: Path
) -> None:
    english = make_window(default_project)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.dockWidgetArea(english.library) == Qt.DockWidgetArea.LeftDockWidgetArea
    install_language(qapp, "ar")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window = make_window(default_project)
        assert window.isRightToLeft()
        # The library starts the reading side: the right in Arabic.
        assert window.dockWidgetArea(window.library) == Qt.DockWidgetArea.RightDockWidgetArea
        assert window.dockWidgetArea(window.annotations) == Qt.DockWidgetArea.LeftDockWidgetArea
        assert window.library.geometry().left() > window.reader.geometry().left()
    finally:
        install_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_article_keeps_its_own_direction(
    language: str, qapp: QApplication, make_window: MakeWindow, default_project: Path
) -> None:
    """The reader's text direction comes from the article, whatever the interface."""
    install_language(qapp, language)
    try:
        window = make_window(default_project)
        doc = window.project.documents.get(window.reader.document_id or 0)
        assert doc.direction == "rtl"
        option = window.reader.text.document().defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft
        window.reader.show_document(doc._replace(direction="ltr"))
        option = window.reader.text.document().defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        install_language(qapp, "en")


def unisolated(text: str) -> str:
    return re.sub("[\u2066-\u2069]", "", text)


def test_edits_are_named_in_arabic(
    arabic: QApplication, make_window: MakeWindow, default_project: Path
) -> None:
    window = make_window(default_project)
    text = window.reader.text.toPlainText()
    start = text.index("كيري")
    window.reader.text.select_cp(start, start + len("كيري"))
    person = window.session.label_by_key("person")  # type: ignore[union-attr]
    assert person is not None
    window.tagging.tag_selection(person.id)
    assert window.session is not None
    # The quote and the label are isolated (FSI … PDI), so they keep their places.
    assert window.session.undo_stack.undoText() == "وسم «\u2068كيري\u2069» بوسم \u2068شخص\u2069"
    # "Undo from …": the Arabic sentence, not Qt's prefix glued to the name.
    assert unisolated(window.undo_action.text()).replace("&", "") == "تراجع عن وسم «كيري» بوسم شخص"


def test_every_edit_name_of_the_operations_has_its_translation() -> None:
    """Each ``text = f"…"`` of desktop/ops, with sample values, matches a pattern of
    ui/commands/edit_names.py (else it would stay English in the Arabic Edit menu)."""
    names: list[str] = []
    for path in sorted((ROOT / "desktop" / "ops").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target = node.targets[0]
            if not (isinstance(target, ast.Name) and target.id == "text"):
                continue
            values = (
                [node.value.body, node.value.orelse]
                if isinstance(node.value, ast.IfExp)
                else [node.value]
            )
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    names.append(value.value)
                elif isinstance(value, ast.JoinedStr):
                    names.append(_sample(value))
    assert len(names) >= 15
    patterns = [re.compile(rf"{pattern}\Z", re.DOTALL) for pattern, _ in PATTERNS]
    missing = [name for name in names if not any(p.match(name) for p in patterns)]
    assert not missing, missing


def _sample(fstring: ast.JoinedStr) -> str:
    out = []
    for part in fstring.values:
        if isinstance(part, ast.Constant):
            out.append(str(part.value))
        elif isinstance(part, ast.FormattedValue):
            call = part.value
            if isinstance(call, ast.Call) and ast.unparse(call.func) == "plural":
                noun = call.args[1]
                word = noun.value if isinstance(noun, ast.Constant) else "suggestion"
                out.append(f"2 {word}s")
            else:
                out.append("كيري")
    return "".join(out)


def test_edit_names_translate_their_counts_and_labels(arabic: QApplication) -> None:
    assert edit_name("Import 12 articles") == "استيراد 12 مقالاً"
    assert edit_name("Delete 1 article") == "حذف مقال واحد"
    named = edit_name("Tag “كيري” as Person", [("Person", "شخص")])
    assert unisolated(named) == "وسم «كيري» بوسم شخص"
    assert edit_name("Something new") == "Something new"


def test_the_interface_language_menu_saves_for_the_next_start(
    make_window: MakeWindow, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    window = make_window(default_project)
    arabic = window.findChild(QAction, "language_ar")
    english = window.findChild(QAction, "language_en")
    assert arabic is not None and english is not None
    assert english.isChecked() and not arabic.isChecked()
    arabic.trigger()
    assert prefs.get(settings.INTERFACE_LANGUAGE) == "ar"
    title, text, _ = messenger.infos[-1]
    assert title == "Interface Language"
    assert "next time Hamish starts" in text and "عند تشغيل هامش" in text
    # Each line in its own direction, whatever the window's: its full stop at its end.
    arabic_line, english_line = text.split("\n\n")
    assert arabic_line.startswith("\u200f") and arabic_line.endswith(".\u200f")
    assert english_line.startswith("\u200e") and english_line.endswith(".\u200e")
    english.trigger()
    assert prefs.get(settings.INTERFACE_LANGUAGE) == "en"
    assert len(messenger.infos) == 1  # back to the language in use: nothing to announce


@pytest.mark.parametrize(
    ("cli", "env", "setting", "system", "expected"),
    [
        (None, None, "", "ar", "ar"),  # an Arabic system locale gives Arabic
        (None, None, "", "en", "en"),
        (None, None, "", "fr", "en"),  # anything else gives English
        (None, None, "en", "ar", "en"),  # the setting overrides the locale
        (None, None, "ar", "en", "ar"),
        ("en", None, "ar", "ar", "en"),  # --lang overrides the setting
        ("ar", None, "en", "en", "ar"),
        (None, "en", "ar", "ar", "en"),  # HAMISH_LANG (tests) overrides the setting
        ("ar", "en", "", "en", "ar"),  # … but not --lang
        (None, None, "klingon", "ar_EG", "ar"),  # a bad setting is ignored
    ],
)
def test_language_resolution(
    cli: str | None, env: str | None, setting: str, system: str, expected: str
) -> None:
    assert resolve_language(cli, setting, system, env) == expected


def test_the_system_locale_decides_when_nothing_else_does() -> None:
    from desktop.ui.i18n import system_language

    arabic = QLocale.system().language() == QLocale.Language.Arabic
    assert system_language() == ("ar" if arabic else "en")
    assert resolve_language(None, "", None, None) == system_language()


def test_the_command_line_takes_lang_on_the_fast_path() -> None:
    from desktop.cli import _gui_options

    assert _gui_options(["--lang", "ar"]) == (True, None, "ar")
    assert _gui_options(["--project", "p.hamish", "--lang=en"]) == (True, Path("p.hamish"), "en")
    assert _gui_options(["--lang", "fr"])[0] is False  # left to the parser's error
    assert _gui_options(["--project"])[0] is False
    assert _gui_options([]) == (True, None, None)


def test_tests_run_in_english() -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_lower_layer_messages_are_shown_in_arabic(arabic: QApplication) -> None:
    from desktop.ops.articles import validate_metadata
    from desktop.ui.errors import error_text

    assert error_text("An entity needs a name.") == "يحتاج الكيان إلى اسم."
    _clean, problems = validate_metadata({"title": " ", "published": "2020-13-40"})
    shown = error_text(" ".join(problems))
    assert shown.startswith("لا يمكن أن يكون العنوان فارغاً.") and "YYYY-MM-DD" in shown
    # A message with its own details (a path, a database error): the sentence in Arabic, the
    # path as it is, the operating system's or SQLite's common words in Arabic too.
    shown = error_text("Cannot open /x.hamish: disk I/O error")
    assert shown.startswith("تعذّر فتح") and "/x.hamish" in shown
    assert "disk I/O error" not in shown and "خطأ في القراءة أو الكتابة" in shown
    shown = error_text("Cannot write /tmp/b.docx: No space left on device. Nothing was exported.")
    assert "No space" not in shown and "لا توجد مساحة كافية" in shown and "/tmp/b.docx" in shown
    # Words it does not know stay as they are, isolated.
    shown = error_text("Cannot open /x.hamish: the moon is in the way")
    assert shown.startswith("تعذّر فتح") and "the moon is in the way" in shown


def test_counts_use_western_digits_in_arabic(
    arabic: QApplication, make_window: MakeWindow, default_project: Path
) -> None:
    """Counts ("%Ln") follow the default locale: Western digits with grouping, whatever the
    system's."""
    window = make_window(default_project)
    meta = window.reader.meta.text()
    assert re.search(r"\d,\d{3} حرفاً", meta), meta
    assert not re.search("[٠-٩]", meta)


def _shown_left_to_right(text: str, first: str, last: str) -> bool:
    """Whether ``first`` is drawn left of ``last`` when ``text`` is laid out right to left,
    as a mirrored menu draws its shortcut column."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(400)
    layout.endLayout()
    # The cursor after ``first`` and before ``last``: inside the run, where a cursor position
    # has one place (at a run's edge it may be drawn at either end).
    after_first = text.index(first) + 1
    before_last = text.rindex(last)
    return line.cursorToX(after_first)[0] < line.cursorToX(before_last)[0]


def test_arabic_menus_show_shortcuts_left_to_right(
    arabic: QApplication, make_window: MakeWindow, default_project: Path
) -> None:
    """ "Ctrl+=" in a mirrored menu read "=+Ctrl": its trailing symbols took the sentence's
    direction. The menu's shortcut column (what follows the tab) is isolated left to right."""
    window = make_window(default_project)
    zoom_in = window.registry[ActionId.ZOOM_IN]
    assert zoom_in.shortcut().toString() == "Ctrl+="
    name, _, shortcut = zoom_in.text().partition("\t")
    assert name and shortcut, "the menu shows the key sequence's own, unisolated text"
    assert _shown_left_to_right(shortcut, "C", "=")
    assert "\t" not in zoom_in.iconText()  # the toolbar shows the name only
    assert _shown_left_to_right(zoom_in.toolTip(), "C", "=")


def test_english_menus_keep_qts_own_shortcut_text(
    make_window: MakeWindow, default_project: Path
) -> None:
    window = make_window(default_project)
    assert "\t" not in window.registry[ActionId.ZOOM_IN].text()


def test_qts_own_dialogs_speak_arabic_with_hamishs_words(arabic: QApplication) -> None:
    """The Save dialog's "Look in" and "Files of type" stayed English (Qt 6 added mnemonics
    that qtbase_ar.qm does not know); buttons read إلغاء / إغلاق as Hamish's own do."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and not [text for text in labels if re.search("[A-Za-z]", text)], labels
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"موافق", "إلغاء", "إغلاق"}
    dialog.deleteLater()
    box.deleteLater()


def test_the_save_dialog_shows_file_names_left_to_right(arabic: QApplication) -> None:
    """In the Arabic Save dialog "إحاطة-2026-12-02.docx" read "docx.2026-12-02-إحاطة"."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from desktop.ui.transfer.save_paths import save_dialog

    dialog = save_dialog(None, "x", "إحاطة-2026-12-02.docx", "Word (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    fields = dialog.findChildren(QLineEdit)
    assert fields
    assert all(f.layoutDirection() == Qt.LayoutDirection.LeftToRight for f in fields)
    dialog.deleteLater()


def test_network_counts_take_the_arabic_plural_forms(arabic: QApplication) -> None:
    """The network's status and tooltips said "7 كياناً · 2 رابطاً" and "2 إشارة": a
    number pasted into one form. Arabic counts have six forms."""
    from desktop.ui.i18n import counts

    said = counts()
    assert said.entities(7) == "7 كيانات"
    assert said.links(2) == "رابطان"
    assert said.mentions(2) == "إشارتان"
    assert said.links(11) == "11 رابطاً"


def test_the_arabic_about_reads_right_to_left_with_whole_addresses(
    arabic: QApplication, make_window: MakeWindow, default_project: Path
) -> None:
    """In Arabic the first line began with "Hamish" (laid out left to right) and the Qt
    addresses were reordered inside the Arabic sentence ("/https://download.qt.io/…")."""
    from desktop import licences
    from desktop.ui.widgets.bidi import link_html

    window = make_window(default_project)
    dialog = window.about()
    assert dialog.summary.text().startswith("هامش (Hamish) ")
    notice = dialog.notice.text()
    # Links, isolated and never broken across lines (tests/ui/test_about.py lays them out).
    assert link_html(licences.QT_SOURCE) in notice
    assert link_html(licences.PYSIDE_SOURCE) in notice
    dialog.close()


def test_counted_passages_take_the_arabic_plural(qapp: QApplication) -> None:
    """Found by a trial: an edge's passages were headed "كيري وروسيا: 5 مقطعاً" — one
    form for every count; Arabic says 5 مقاطع, 2 مقطعان, 11 مقطعاً."""
    from PySide6.QtCore import QCoreApplication

    def header(count: int) -> str:
        text = QCoreApplication.translate(
            "NetworkController", "{a} and {b}: %n passage(s)", "", count
        )
        return text.format(a="كيري", b="روسيا")

    install_language(qapp, "ar")
    try:
        assert header(1) == "كيري وروسيا: مقطع واحد"
        assert header(2) == "كيري وروسيا: مقطعان"
        assert header(5) == "كيري وروسيا: 5 مقاطع"
        assert header(11) == "كيري وروسيا: 11 مقطعاً"
        assert header(100) == "كيري وروسيا: 100 مقطع"
    finally:
        install_language(qapp, "en")
    assert header(1) == "كيري and روسيا: 1 passage"
    assert header(5) == "كيري and روسيا: 5 passages"


def test_the_find_count_and_an_undone_deletion_speak_arabic(
    arabic: QApplication, make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Trial: the find bar counted "1 of 2" in the Arabic interface, and undoing a deletion
    said "Brought back 1 article." — f-strings past tr(). Numbers as every count is written."""
    from desktop.core.text import make_draft
    from desktop.store.project import Project

    path = tmp_path / "find.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft("قال الوزير إن الوزير سيزور دمشق.", title="الوزير"))
        project.documents.add(make_draft("وصل المبعوث إلى دمشق.", title="المبعوث"))
    window = make_window(path)
    text = window.reader.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.edit.setText("الوزير")
    assert window.find_bar.count.text() == "1 من 2"
    window.find_bar.next()
    assert window.find_bar.count.text() == "2 من 2"
    window.find_bar.close()
    window.registry[ActionId.DELETE_ARTICLE].trigger()
    window.undo_group.undo()
    status = window.statusBar().currentMessage()
    assert status == "استُعيد مقال واحد.", status
    window.undo_group.redo()
    status = window.statusBar().currentMessage()
    assert status.endswith("مجدداً.") and not _latin([("status", status)], ALLOWED), status


def test_label_names_drop_the_same_bidi_controls_as_the_core() -> None:
    """i18n writes the set out itself (importing desktop.core.controls at start-up cost 31 M
    instructions): the two must not drift apart."""
    from desktop.core.controls import BIDI_FORMATTING
    from desktop.ui import i18n

    assert set(i18n._BIDI_FORMATTING) == set(map(ord, BIDI_FORMATTING))


def test_an_arabic_start_finds_qts_translations_without_qlibraryinfo() -> None:
    """qtbase_ar.qm is read from PySide6's own translations folder: asking QLibraryInfo
    where it is built that class (its enums) before the first paint of an Arabic start,
    1.2 M instructions. Qt's own words are Arabic all the same (a fresh process: the test
    process has built every class long since)."""
    import subprocess
    import sys

    code = (
        "import PySide6.QtCore as core\n"
        "from desktop.app import create_application\n"
        "from desktop.ui.i18n import install_language\n"
        "app = create_application(['t'])\n"
        "print(install_language(app, 'ar'))\n"
        # A word only qtbase_ar.qm gives (not qt_extra_ar.qm, nor Hamish's file).
        "print(core.QCoreApplication.translate('QFileDialog', 'Directories'))\n"
        "print('libraryinfo-built' if 'QLibraryInfo' in vars(core) else 'no-libraryinfo')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    language, word, built = done.stdout.split("\n")[:3]
    assert language == "ar"
    assert word != "Directories" and re.search("[\u0600-\u06ff]", word), word
    assert built == "no-libraryinfo"
