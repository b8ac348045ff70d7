"""An article opens again where the analyst left it: switching articles, and after a restart
(the reading position is kept per project, with the last open article)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.reader.pane import DEFER_CHARS
from desktop.ui.shell.mainwindow import (
    KEPT_POSITIONS,
    READING_POSITIONS,
    MainWindow,
    read_positions,
    write_positions,
)

from .samples import tagged_long_article

MakeWindow = Callable[..., MainWindow]
LINE = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بحضور الأطراف كلها"


def _project(path: Path, paragraphs: int = 120) -> tuple[int, int]:
    long = "\n".join(f"{n} {LINE} {LINE}" for n in range(paragraphs))
    with Project.open(path) as project:
        first, _ = tagged_long_article(project, long)
        other = project.documents.add(make_draft(f"خبر قصير\n{LINE}.", title="قصير"))
    return first, other


def _scroll_to_middle(window: MainWindow) -> int:
    reader = window.reader.text
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 1)  # not a block's first line, most likely
    reader.viewport().repaint()
    top = reader.top_cp()
    assert top > 0
    return top


def test_an_article_opens_again_where_it_was_left(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Reopening an article started at its top: the analyst had to find the place again."""
    first, other = _project(tmp_path / "p.hamish")
    window = make_window(tmp_path / "p.hamish")
    window.open_document(first)
    reader = window.reader.text
    top = _scroll_to_middle(window)
    block = reader.firstVisibleBlock().blockNumber()
    window.open_document(other)
    assert reader.verticalScrollBar().value() == 0
    window.open_document(first)
    reader.viewport().repaint()
    assert reader.verticalScrollBar().value() > 0
    assert reader.firstVisibleBlock().blockNumber() == block
    assert reader.top_cp() == top
    assert reader.umap.to_cp(reader.textCursor().position()) == top  # the caret there too
    # An article never scrolled opens at its top, and one scrolled back up forgets its place.
    window.open_document(other)
    assert reader.top_cp() == 0
    window.open_document(first)
    reader.verticalScrollBar().setValue(0)
    window.open_document(other)
    window.open_document(first)
    assert reader.verticalScrollBar().value() == 0


def test_the_reading_position_survives_a_restart(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, prefs: Settings
) -> None:
    first, _ = _project(tmp_path / "p.hamish")
    window = make_window(tmp_path / "p.hamish")
    window.open_document(first)
    top = _scroll_to_middle(window)
    block = window.reader.text.firstVisibleBlock().blockNumber()
    window.close()
    again = make_window(tmp_path / "p.hamish")  # opens the article read last
    reader = again.reader.text
    assert again.reader.document_id == first
    qtbot.waitUntil(lambda: reader.verticalScrollBar().value() > 0)
    reader.viewport().repaint()
    assert reader.firstVisibleBlock().blockNumber() == block
    assert reader.top_cp() == top


def test_a_long_article_opened_where_it_was_left_highlights_that_screen_first(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """The long article's open highlights the blocks on screen and leaves the rest to the idle
    pass: restored further down, the screen shown is the one highlighted, not the top."""
    first, other = _project(tmp_path / "p.hamish", paragraphs=400)
    window = make_window(tmp_path / "p.hamish")
    reader = window.reader.text
    highlighter = reader.highlighter
    window.open_document(first)
    assert len(reader.text_cp) > DEFER_CHARS
    _scroll_to_middle(window)
    block = reader.firstVisibleBlock().blockNumber()
    window.open_document(other)
    highlighter._idle.stop()
    window.open_document(first)
    highlighter._idle.stop()  # hold the idle pass, to see what the open did
    reader.viewport().repaint()
    visible = reader.visible_blocks()
    assert visible[0] == block
    assert all(highlighter.is_done(n) for n in visible)
    assert not highlighter.is_done(0)  # the top was not highlighted for nothing
    assert highlighter.pending() > reader.document().blockCount() // 2


def test_positions_kept_are_bounded_and_hand_edits_are_ignored(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, prefs: Settings
) -> None:
    kept = {n: n * 10 for n in range(1, KEPT_POSITIONS + 50)}
    assert list(read_positions(write_positions(kept))) == list(kept)[-KEPT_POSITIONS:]
    assert read_positions("3:40 x 4:-1 5:² 6:7:8 9:10 3:50") == {9: 10, 3: 50}
    assert read_positions(None) == {} and read_positions(17) == {}
    first, _ = _project(tmp_path / "p.hamish")
    prefs.set_project_value(tmp_path / "p.hamish", READING_POSITIONS, f"{first}:99999999 junk")
    window = make_window(tmp_path / "p.hamish")
    window.open_document(first)  # past the end: the last line, no error
    window.reader.text.viewport().repaint()
    assert window.reader.document_id == first


def test_the_first_paint_shows_the_restored_position_without_the_qt_namespace(
    tmp_path: Path,
) -> None:
    """Restoring where an article was left is done by the first paint itself (the line is
    known only at the pane's real width): a block lookup and a scroll, no Qt namespace (114 M
    instructions) and no other screen highlighted first."""
    from .test_app_start import _at_the_second_first_paint

    def leave_a_position() -> None:
        prefs = Settings.at(tmp_path / "config" / "hamish" / "hamish.ini")
        project = tmp_path / "data" / "hamish" / "default.hamish"
        last = prefs.project_value(project, "last_document")
        assert str(last).isdecimal()
        prefs.set_project_value(project, READING_POSITIONS, f"{last}:1366")
        prefs.sync()

    out = _at_the_second_first_paint(
        tmp_path,
        "import PySide6.QtCore as core\n"
        "qt = vars(core).get('Qt')\n"
        "built = qt is not None and isinstance(vars(qt).get('AlignmentFlag'), type)\n"
        "text = self.text\n"
        "print('namespace-built', built, 'scrolled', text.verticalScrollBar().value() > 0,\n"
        "      'top', text.top_cp())",
        "ar",
        between=leave_a_position,
    )
    assert "namespace-built False scrolled True top " in out, out
    top = int(out.rsplit("top ", 1)[1].split()[0])
    assert 1300 < top <= 1366, out  # the start of the line holding character 1366
