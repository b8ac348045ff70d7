"""The window's Export and Import menus offer UIMA CAS XMI, brat and CoNLL: each export is
written in the background, each import is one undo step and says what it left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from tests.io import exchange_project as fixture
from tests.ui.conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]


def _menu_actions(window: MainWindow) -> list[object]:
    found: list[object] = []
    pending = [window.menuBar().actions()[0].menu()]
    while pending:
        menu = pending.pop()
        for action in menu.actions():
            found.append(action)
            if action.menu() is not None:
                pending.append(action.menu())
    return found


def test_export_and_import_through_the_menus(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    source = tmp_path / "source.hamish"
    fixture.build(source).close()
    window = make_window(source)
    offered = _menu_actions(window)
    for action_id in (
        ActionId.EXPORT_XMI,
        ActionId.EXPORT_BRAT,
        ActionId.EXPORT_CONLL,
        ActionId.IMPORT_XMI,
        ActionId.IMPORT_BRAT,
    ):
        assert window.registry[action_id] in offered
    targets = [str(tmp_path / "i.zip"), str(tmp_path / "b.zip"), str(tmp_path / "n.conll")]
    window.exports.choose_path = lambda *_: targets.pop(0)
    for action_id in (ActionId.EXPORT_XMI, ActionId.EXPORT_BRAT, ActionId.EXPORT_CONLL):
        window.registry[action_id].trigger()
        qtbot.waitUntil(lambda: window.exports.task is None, timeout=10000)
        assert window.exports.last_message.startswith("Wrote "), window.exports.last_message
    assert "Not carried: nested or overlapping tags" in window.exports.last_message
    assert all((tmp_path / name).is_file() for name in ("i.zip", "b.zip", "n.conll"))
    window.close()

    empty = tmp_path / "empty.hamish"
    window = make_window(empty)
    importer = window.importing
    undo_before = window.undo_group.activeStack().count()
    importer.import_exchange(tmp_path / "b.zip", "brat")
    qtbot.waitUntil(lambda: importer.exchange_task is None, timeout=10000)
    assert importer.last_exchange.startswith("Imported "), messenger.errors
    assert window.undo_group.activeStack().count() == undo_before + 1
    assert len(window.project.documents.summaries()) == 2
    window.undo_group.activeStack().undo()
    assert window.project.documents.summaries() == []
    bad = tmp_path / "bad.xmi"
    bad.write_text('<!DOCTYPE x [<!ENTITY a "b">]><x/>', encoding="utf-8")
    importer.import_exchange(bad, "xmi")
    qtbot.waitUntil(lambda: importer.exchange_task is None, timeout=10000)
    assert "declares a document type or entities" in messenger.errors[-1][1]
    assert window.project.documents.summaries() == []


def test_the_library_counts_the_tags_an_annotation_import_brought(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    # The Tags column stayed blank for the imported articles until the project was opened
    # again (the new articles' counts were never read; a trial's XMI round trip).
    source = tmp_path / "source.hamish"
    project = fixture.build(source)
    expected = project.documents.annotation_counts()
    project.close()
    window = make_window(source)
    window.exports.choose_path = lambda *_: str(tmp_path / "i.zip")
    window.registry[ActionId.EXPORT_XMI].trigger()
    qtbot.waitUntil(lambda: window.exports.task is None, timeout=10000)
    window.close()

    window = make_window(tmp_path / "empty.hamish")
    model = window.library.model
    assert model.counts_known
    window.importing.import_exchange(tmp_path / "i.zip", "xmi")
    qtbot.waitUntil(lambda: window.importing.exchange_task is None, timeout=10000)
    assert model.rowCount() == len(expected), messenger.errors
    shown = sorted(model.index(r, model.ANNOTATIONS).data() for r in range(model.rowCount()))
    assert shown == sorted(str(n) for n in expected.values() if n)
