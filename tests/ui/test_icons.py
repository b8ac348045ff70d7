from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

from desktop.ui.widgets import icons


def test_icons_are_cached_as_png_and_reloaded(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(icons, "_memo", {})
    rendered = icons.icon("mdi6.magnify")
    files = sorted((tmp_path / "hamish" / "icons").rglob("*.png"))
    assert len(files) == len(icons.SIZES) * len(icons.MODES)
    monkeypatch.setattr(icons, "_memo", {})
    monkeypatch.setattr(icons, "_render", lambda name: pytest.fail("cache was not used"))
    cached = icons.icon("mdi6.magnify")
    assert not cached.isNull()
    a = rendered.pixmap(QSize(20, 20)).toImage()
    b = cached.pixmap(QSize(20, 20)).toImage()
    assert a.size() == b.size()


def test_unwritable_cache_still_gives_icons(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(icons, "_memo", {})
    assert not icons.icon("mdi6.close").isNull()


def test_a_cached_icon_reads_its_2x_files_only_for_a_high_dpi_screen(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QIcon.addFile decodes each file at once: at device pixel ratio 1 the 32 and 40 px
    files were read for nothing (half the icons' start-up). A high-DPI screen gets them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(icons, "_memo", {})
    icons.icon("mdi6.magnify")  # renders and caches every size
    monkeypatch.setattr(icons, "_memo", {})
    assert qapp.devicePixelRatio() == 1
    cached = icons.icon("mdi6.magnify")
    assert [size.width() for size in cached.availableSizes()] == [16, 20]
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop.ui.widgets import icons\n"
        "print(app.devicePixelRatio(), *[s.width() for s in"
        " icons.icon('mdi6.magnify').availableSizes()])\n"
    )
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": "2",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2.0", "16", "20", "32", "40"]


def _lightest(icon: QIcon, mode: QIcon.Mode) -> int:
    """The lightness of the icon's lightest drawn pixel at 20 px in ``mode``."""
    image = icon.pixmap(QSize(20, 20), mode).toImage()
    return max(
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128
    )


def test_a_disabled_icon_is_dimmed_on_the_dark_theme(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt greys a disabled icon from its normal pixmap towards the window's colour: the
    dark theme's light grey stayed light (undo and redo looked ready with nothing to undo,
    a trial). Its disabled mode is its own, as dim as the dark theme's disabled text —
    rendered, then from the cache; the light theme's icons keep Qt's greying."""
    from desktop.ui.shell import theme

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    theme.apply(True)
    try:
        for _ in ("rendered", "cached"):
            monkeypatch.setattr(icons, "_memo", {})
            undo = icons.icon("mdi6.undo", theme.DARK_ICON_COLOR)
            normal = _lightest(undo, QIcon.Mode.Normal)
            disabled = _lightest(undo, QIcon.Mode.Disabled)
            assert normal - disabled >= 60, (normal, disabled)
            assert disabled <= QColor(icons.DARK_ICON_DISABLED).lightness() + 8
    finally:
        theme.apply(False)
    monkeypatch.setattr(icons, "_memo", {})
    icons.icon("mdi6.undo")
    assert not list((tmp_path / "hamish" / "icons").glob("*/mdi6_undo-disabled-*.png"))
