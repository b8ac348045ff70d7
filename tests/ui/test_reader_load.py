"""Putting an article into the reader: one change for the document layout and the highlighter.

Each change a ``QPlainTextEdit`` document reports is laid out at once when it stays inside one
paragraph; a one-paragraph article loaded in two changes (its line height, then its text) was
laid out three times before the window had even painted (benchmarks/startup.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.reader.highlighter import Span
from desktop.ui.reader.pane import ReaderText

from .launching import QT_NAMESPACE_PROBE, launch_env

ARTICLE = "بحث وزير الخارجية الأمريكي جون كيري مع نظيره الروسي سيرغي لافروف في موسكو. " * 30


def test_an_article_goes_in_as_one_change(qtbot: QtBot) -> None:
    text = ReaderText()
    qtbot.addWidget(text)
    changes: list[tuple[int, int, int]] = []
    text.document().contentsChange.connect(lambda at, out, into: changes.append((at, out, into)))
    text.load(ARTICLE, "rtl", 150, [Span(1, 27, 32, "entity", "#ff0000")])
    # After clearing the previous article: one change, from the empty paragraph to the text
    # (before, the line height was one change and the text another).
    assert changes[-1] == (0, 1, len(ARTICLE) + 1), changes
    assert (0, 1, 1) not in changes, changes
    # …and nothing else changed: the whole text, its caret at the start (once the reader
    # shows: placing it lays the paragraph out), its highlight.
    assert text.toPlainText() == ARTICLE
    text.show()
    qtbot.waitUntil(lambda: text.textCursor().position() == 0)  # at its first paint
    assert text.verticalScrollBar().value() == 0
    block = text.document().firstBlock()
    assert block.blockFormat().lineHeight() == 150
    assert any(r.start <= 27 < r.start + r.length for r in block.layout().formats())


def test_an_article_is_not_laid_out_before_the_reader_has_its_width(qtbot: QtBot) -> None:
    """Moving the caret back to the start after the text went in laid the whole paragraph
    out at the hidden pane's width (about 100 px before the window is shown: hundreds of
    lines, thrown away when the window appears). The caret goes there when the pane paints;
    shown, it goes at once."""
    text = ReaderText()
    qtbot.addWidget(text)
    moves: list[int] = []
    text.cursorPositionChanged.connect(lambda: moves.append(text.textCursor().position()))
    text.load(ARTICLE, "rtl", 150, [])
    assert text.document().firstBlock().layout().lineCount() == 0
    text.resize(400, 300)
    text.show()
    qtbot.waitUntil(lambda: text.textCursor().position() == 0)  # at its first paint
    assert text.document().firstBlock().layout().lineCount() > 1
    assert not text.textCursor().hasSelection()
    assert moves and moves[-1] == 0  # told, as before
    assert text.verticalScrollBar().value() == 0
    text.load(ARTICLE[:200], "rtl", 150, [])  # shown: the caret goes to the start at once
    assert text.textCursor().position() == 0 and not text.textCursor().hasSelection()


def test_the_header_is_fitted_once_the_pane_shows_not_before(qtbot: QtBot) -> None:
    """A hidden pane is 30 px tall: fitting its header then made it compact, and the first
    resize after the window showed made it full again (three labels shown and hidden, each
    laying the whole window out once more before the first paint)."""
    from desktop.core.models import Document
    from desktop.ui.reader.pane import ReaderPane

    pane = ReaderPane()
    qtbot.addWidget(pane)
    title = "بحث وزير الخارجية الأمريكي جون كيري مع نظيره الروسي سيرغي لافروف"
    document = Document(1, title, ARTICLE, "ar", "rtl", "", "", "", "", None, "", "", "")
    pane.show_document(document)
    assert not pane.isVisible() and not pane.compact  # left as it is: nothing known yet
    assert not pane.title.isHidden() and pane.short_title.isHidden()
    pane.resize(700, 700)
    pane.show()
    qtbot.waitExposed(pane)
    assert not pane.compact and pane.title.isVisible()  # tall enough for the full header
    pane.resize(700, 120)  # a short pane: the header goes compact once it is shown
    qtbot.waitUntil(lambda: pane.compact and pane.short_title.isVisible())


def test_modules_for_later_are_not_loaded_before_the_first_paint(tmp_path: Path) -> None:
    """The first-run guide, the error messages' translation table and the tagger come after
    the first paint (``finish_setup``, the first error, the first training). And PySide has
    not built every widget class: it does that the first time Python is handed a widget Qt
    made as a plain ``QWidget`` (a scroll area's viewport), about 45 M instructions of
    start-up; the reader and the narrow-column watchers work without their viewports."""
    env = launch_env(tmp_path)
    code = (
        "import sys\n" + QT_NAMESPACE_PROBE + "def first_paint(self):\n"
        "    built = qt_namespace_built()\n"
        "    print('qt-namespace-built' if built else 'no-qt-namespace', flush=True)\n"
        "    fire(self)\n"
        "desktop.app._OnFirstPaint._fire = first_paint\n"
        "assert desktop.app.run_gui(None, 'en') == 0\n"
        "print(' '.join(sorted(sys.modules)))\n"
        "import PySide6.QtWidgets as widgets\n"
        "print('every-widget-class' if 'QWizard' in vars(widgets) else 'some-widget-classes')\n"
        "import PySide6.QtGui as gui\n"
        "print('painter-built' if 'QPainter' in vars(gui) else 'no-painter-yet')\n"
        "import PySide6.QtCore as core\n"
        "print('palette-built' if 'QPalette' in vars(gui) else 'no-palette-yet')\n"
        "print('keys-built' if 'QKeySequence' in vars(gui) else 'no-key-sequence')\n"
        "print('libraryinfo-built' if 'QLibraryInfo' in vars(core) else 'no-libraryinfo')\n"
        "print('text-edit-built' if 'QTextEdit' in vars(widgets) else 'no-text-edit')\n"
        "print('combo-built' if 'QComboBox' in vars(widgets) else 'no-combo-box')\n"
        "print('tree-built' if 'QTreeView' in vars(widgets) else 'no-tree-view')\n"
        "print('dialog-built' if 'QDialog' in vars(widgets) else 'no-dialog')\n"
        "print('form-layout-built' if 'QFormLayout' in vars(widgets) else 'no-form-layout')\n"
        "print('margins-built' if 'QMargins' in vars(core) else 'no-margins')\n"
        "import dataclasses\n"
        "made = sorted(f'dataclass:{name}.{cls.__name__}' for name, module in"
        " list(sys.modules.items()) if name.startswith('desktop') for cls in"
        " vars(module).values() if isinstance(cls, type) and cls.__module__ == name"
        " and dataclasses.is_dataclass(cls))\n"
        "print(' '.join(made))\n"
        "named = sorted(f'namedtuple:{name}.{cls.__name__}' for name, module in"
        " list(sys.modules.items()) if name.startswith('desktop') for cls in"
        " vars(module).values() if isinstance(cls, type) and cls.__module__ == name"
        " and issubclass(cls, tuple) and hasattr(cls, '_fields'))\n"
        "print(' '.join(named))\n"
    )
    # The second launch: the first seeds the project and renders the icons into the cache
    # with qtawesome, which builds every Qt class (once per installation).
    for _launch in range(2):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "desktop.ui.shell.mainwindow" in loaded  # the window did start
    later = {
        "desktop.ui.shell.guide",
        "desktop.ui.errors",
        "desktop.ui.reader.learning",
        "desktop.learn",
        "desktop.ui.claims.controller",
        # The Entity Network and its libraries: built when first shown (issue 16).
        "desktop.ui.figures.network_dock",
        "desktop.analysis.network",
        "networkx",
        "numpy",
        # the claim timeline: built when View → Claim Timeline is first chosen
        "desktop.analysis.timeline",
        "desktop.ui.figures.timeline",
        "desktop.ui.figures.timeline_dock",
        "desktop.store.rowsets",  # with the first delete or undo
        # Drafts, import reports, entities and claims: ten NamedTuples, about 10 M.
        "desktop.core.records",
        "json",  # the library's id lists are written by hand (store/documents.py)
        # Resources are read as files, installed or not (resources.py): 5.4 M instructions.
        "importlib.resources",
        # A codec looked up by name ("utf-16-le") is imported through the registry: 0.7 M
        # each; the reader's offsets and the docks' saved state call the codecs' functions.
        "encodings.utf_16_le",
        "encodings.utf_16_be",
    }
    assert not later & loaded, later & loaded
    assert "some-widget-classes" in loaded  # QWizard (unused) was not built: no viewport
    assert "no-painter-yet" in loaded  # the reader's note markers make one when they draw
    # Each class built costs its enums: QLibraryInfo (1.2 M instructions) is not asked for
    # Qt's translations folder, in Arabic either (test_i18n). The palette is read for the
    # default "system" theme (2.5 M; its colour scheme would be a Qt enum:
    # theme.system_is_dark).
    # Nor has the Qt namespace been built: its 93 enums, 114 M instructions (qtvalues.py).
    assert "no-qt-namespace" in loaded
    assert "no-libraryinfo" in loaded
    # The window's keys are set after the first paint (MainWindow._load_shortcuts): 5.5 M.
    assert "no-key-sequence" in loaded
    # No field of the window at its first paint is a QTextEdit or a QComboBox (bidi.py), and
    # the reader's find and flash selections come later (about 4 M instructions together).
    assert "no-text-edit" in loaded
    assert "no-combo-box" in loaded
    # The window's views are tables, and its dialogs come on first use: a class named only in
    # an annotation or a dialog's code is imported where it is needed.
    assert "no-tree-view" in loaded
    assert "no-dialog" in loaded
    # Nor a layout class the window has none of: the tool bars' fitting asked for a bar's
    # layout, a class private to Qt, and PySide built every QLayout subclass to type it
    # (QFormLayout, QGridLayout, QStackedLayout: 2.3 M instructions; toolbars.SPACING).
    assert "no-form-layout" in loaded
    # The reader's header keeps its side margin (0.3 M for QMargins: ReaderPane._header_side).
    assert "no-margins" in loaded
    # A dataclass is built by exec'd code (about 4 M instructions a frozen one; a NamedTuple
    # costs a quarter): the undo records, the import report, the schema's shape and the
    # window's Navigation and the open's findings were six of them.
    made = {word for word in loaded if word.startswith("dataclass:")}
    assert not made, made
    # Each NamedTuple costs about 0.6 M instructions to make: only the first paint's records
    # (the article, library rows, labels, marks, spans, change sets); drafts, entities and
    # claims are in core/records.py, the actions' specs, the window's navigation, the
    # settings, the schema's shape, the open's findings, an opened article and a span's
    # anchoring plain classes (a slotted class costs a tenth).
    named = {word for word in loaded if word.startswith("namedtuple:")}
    assert len(named) <= 7, sorted(named)
    assert "namedtuple:desktop.core.models.Document" in named  # the count counts


def test_a_title_too_long_for_its_line_is_cut_without_the_qt_namespace(tmp_path: Path) -> None:
    """On a small screen the reader's title is cut before the first paint: ``elidedText``
    asked for a ``Qt.TextElideMode``, which built the Qt namespace (114 M instructions)."""
    code = (
        "from desktop.cli import _import_pyside_without_feature_checks as imports\n"
        "imports()\n" + QT_NAMESPACE_PROBE + "from desktop.app import create_application\n"
        "from desktop.ui.reader.pane import _OneLineLabel\n"
        "app = create_application()\n"
        "label = _OneLineLabel()\n"
        "label.set_full_text('بحث وزير الخارجية الأمريكي جون كيري مع نظيره الروسي لافروف')\n"
        "label.resize(120, 30)\n"
        "label.show()\n"
        "app.processEvents()\n"
        "print(repr(label.text()), qt_namespace_built())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=launch_env(tmp_path),
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    text, built = done.stdout.strip().rsplit(" ", 1)
    assert text.startswith("'بحث") and text.endswith("…'"), done.stdout
    assert built == "False", done.stdout
