from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
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
