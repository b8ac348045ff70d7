"""A hamish.ini edited by hand with absurd values: the window opens with each option clamped
into its range or at its default, and the reader stays readable."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from desktop import settings
from desktop.settings import Settings
from desktop.ui.library.dock import LibraryModel
from desktop.ui.reader.pane import MAX_POINTS, MIN_POINTS
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]


def _window_over(make_window: MakeWindow, project: Path, ini: Path, text: str) -> MainWindow:
    ini.write_text(text, encoding="utf-8")
    return make_window(project, Settings.at(ini))


def _line_height(window: MainWindow) -> float:
    return window.reader.text.document().firstBlock().blockFormat().lineHeight()


def test_absurd_sizes_in_the_ini_are_brought_into_range(
    make_window: MakeWindow, default_project: Path, tmp_path: Path
) -> None:
    window = _window_over(
        make_window,
        default_project,
        tmp_path / "hamish.ini",
        "[reader]\nfont_size=1e308\nzoom=99999999999999999999999999\nline_height=-400\n"
        "[suggestions]\nthreshold=nan\nretrain_after=-5\n"
        "[tagging]\nsnap_to_words=perhaps\n"
        "[library]\nsort_column=13\nsort_descending=2\n",
    )
    reader = window.reader
    assert reader.document_id is not None
    # The largest size the reader shows, zoom included; and it zooms out from there at once
    # (a zoom of 10^26 steps took as many Ctrl+- to come down, and was saved so).
    assert reader.text.font().pointSizeF() == MAX_POINTS
    assert reader.zoom == 0  # no step beyond the largest size
    reader.zoom_out()
    assert reader.text.font().pointSizeF() == MAX_POINTS - 1
    # Lines no closer than the font's own spacing: a negative height stacked them.
    assert reader.line_height == settings.READER_LINE_HEIGHT.minimum
    assert _line_height(window) == settings.READER_LINE_HEIGHT.minimum
    assert window.reader.text.snap_enabled is True  # "perhaps": the default
    model = window.library.model
    assert model is not None
    assert (model.column, model.descending) == (LibraryModel.DATE, True)
    prefs = window.prefs
    assert prefs.get(settings.SUGGESTION_THRESHOLD) == 0.6
    assert prefs.get(settings.RETRAIN_AFTER) == 1


def test_tiny_and_wrong_sizes_in_the_ini(
    make_window: MakeWindow, default_project: Path, tmp_path: Path
) -> None:
    window = _window_over(
        make_window,
        default_project,
        tmp_path / "hamish.ini",
        "[reader]\nfont_size=-3\nzoom=-1e308\nline_height=1e400\nfont_family=a, b\n",
    )
    reader = window.reader
    assert reader.text.font().pointSizeF() == MIN_POINTS
    assert math.isfinite(reader.base_font().pointSizeF())
    assert reader.base_font().pointSizeF() >= MIN_POINTS
    assert reader.zoom == 0  # not a whole number of steps: the default
    assert reader.line_height == 165  # not a number of this type: the default
    assert _line_height(window) == 165
    assert "[" not in reader.text.font().family()  # a list in the file is not a family
