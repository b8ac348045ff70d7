"""hamish.ini is rewritten only when a value in it changes: QSettings rewrites the whole file
(two fdatasync and a rename) for any setValue, and the window's start-up set three values it
already held — before the first paint of every launch."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray

from desktop import settings
from desktop.settings import Settings
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]


def _written(ini: Path) -> tuple[int, int]:
    info = os.stat(ini)
    return info.st_ino, info.st_mtime_ns


def test_setting_the_value_a_file_holds_writes_nothing(tmp_path: Path) -> None:
    ini = tmp_path / "hamish.ini"
    project = tmp_path / "p.hamish"
    values: list[tuple[settings.Setting[Any], Any]] = [
        (settings.SNAP_TO_WORDS, True),
        (settings.READER_ZOOM, 3),
        (settings.RECENT_PROJECTS, "/a/b.hamish\n/c/d.hamish"),
        (settings.WINDOW_GEOMETRY, QByteArray(b"\x01\x00geometry")),
    ]
    first = Settings.at(ini)
    for setting, value in values:
        first.set(setting, value)
    first.set_project_value(project, "last_document", 7)
    first.sync()
    before = _written(ini)
    again = Settings.at(ini)  # as the next launch reads it: from the file, as text
    for setting, value in values:
        again.set(setting, value)
        assert again.get(setting) == value
    again.set_project_value(project, "last_document", 7)
    again.sync()
    assert _written(ini) == before
    again.set(settings.SNAP_TO_WORDS, False)  # a change is written
    again.sync()
    assert _written(ini) != before
    assert Settings.at(ini).get(settings.SNAP_TO_WORDS) is False


def test_a_number_the_file_holds_as_true_is_written_as_a_number(tmp_path: Path) -> None:
    ini = tmp_path / "hamish.ini"
    ini.write_text("[reader]\nzoom=true\n", encoding="utf-8")
    prefs = Settings.at(ini)
    prefs.set(settings.READER_ZOOM, 1)  # "true" is not the text QSettings writes for 1
    prefs.sync()
    assert "zoom=1" in ini.read_text(encoding="utf-8")


def test_a_window_opening_as_it_closed_leaves_the_file_alone(
    make_window: MakeWindow, default_project: Path, tmp_path: Path
) -> None:
    ini = tmp_path / "hamish.ini"
    window = make_window(default_project, Settings.at(ini))
    window.save_state()
    window.prefs.sync()
    window.close()
    before = _written(ini)
    prefs = Settings.at(ini)
    reopened = make_window(default_project, prefs)
    assert reopened.reader.document_id is not None
    prefs.sync()
    assert _written(ini) == before


def _written_by_another_hamish(ini: Path, text: str) -> None:
    """The file as another process leaves it: rewritten, with a later time (QSettings tells a
    changed file by its size and modification time)."""
    later = os.stat(ini).st_mtime_ns + 10_000_000_000
    ini.write_text(text, encoding="utf-8")
    os.utime(ini, ns=(later, later))


def test_a_value_another_hamish_changed_since_is_written_again(tmp_path: Path) -> None:
    ini = tmp_path / "hamish.ini"
    prefs = Settings.at(ini)
    prefs.set(settings.READER_ZOOM, 3)
    prefs.sync()
    _written_by_another_hamish(ini, "[reader]\nzoom=5\n")
    prefs.set(settings.READER_ZOOM, 3)  # held as prefs last read it, not as the file is now
    prefs.sync()
    assert Settings.at(ini).get(settings.READER_ZOOM) == 3


def test_a_value_another_hamish_removed_since_is_written_again(tmp_path: Path) -> None:
    ini = tmp_path / "hamish.ini"
    project = tmp_path / "p.hamish"
    prefs = Settings.at(ini)
    prefs.set(settings.SNAP_TO_WORDS, False)
    prefs.set_project_value(project, "last_document", 7)
    prefs.sync()
    _written_by_another_hamish(ini, "[reader]\nzoom=5\n")
    prefs.set(settings.SNAP_TO_WORDS, False)
    prefs.set_project_value(project, "last_document", 7)
    prefs.sync()
    text = ini.read_text(encoding="utf-8")
    assert "zoom=5" in text  # the other one's change is kept too
    assert "snap_to_words=false" in text
    assert "last_document=7" in text


def test_held_values_among_changed_ones_cost_no_extra_write(tmp_path: Path) -> None:
    ini = tmp_path / "hamish.ini"
    prefs = Settings.at(ini)
    prefs.set(settings.READER_ZOOM, 3)
    prefs.sync()
    before = _written(ini)
    prefs.set(settings.SNAP_TO_WORDS, False)  # a change, pending until the sync below
    prefs.set(settings.READER_ZOOM, 3)  # held: goes out with the change, not on its own
    assert _written(ini) == before
    prefs.sync()
    assert Settings.at(ini).get(settings.SNAP_TO_WORDS) is False
