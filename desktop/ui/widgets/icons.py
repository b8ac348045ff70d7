"""Icons from qtawesome's Material Design set, so the toolbar looks the same on every desktop.

Importing qtawesome pulls in QtPy and every Qt module it wraps (about 150 ms, a third of our
start-up). So each icon is rendered by qtawesome once, saved as PNGs in the user's cache, and
later launches load the PNGs without importing qtawesome at all. The cache key includes the
Hamish version and the colours, so an upgrade re-renders.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon

from desktop import __version__, paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ICON_COLOR = QColor("#2f3b40")
ICON_DISABLED = QColor("#a4adb0")
SIZES = (16, 20, 32, 40)  # menus, toolbars and their 2x versions; Qt scales the rest
# The sizes a screen of device pixel ratio 1 draws. QIcon.addFile reads (decodes) each file
# at once: the 2x versions, which only a high-DPI screen draws, are added only when the
# application has one — as Qt's own "@2x" file lookup decides, on the application's device
# pixel ratio when the icon is made (half the icons' 9.3 M instructions of start-up).
ONE_X_SIZES = (16, 20)
# Only the normal mode is cached: Qt derives the greyed disabled look from it, and every
# file added to an icon costs start-up time.
MODES = {"normal": QIcon.Mode.Normal}
DARK_ICON_COLOR = "#c5ccd2"
"""The actions' icons on the dark theme (the light theme's #2f3b40 would vanish there)."""
DARK_ICON_DISABLED = "#6b757e"
"""A disabled action's icon on the dark theme: the dark theme's disabled text. Qt greys a
disabled icon from its normal pixmap towards the window's colour, which dims the light
theme's dark grey but left the dark theme's light grey light (#c5ccd2 drawn #b0b3b5): undo
and redo looked ready with nothing to undo (a trial)."""
# The colours whose disabled look Qt cannot derive: their icons get a disabled mode of their
# own, rendered and cached with the normal one (the dark theme's icons only).
_DISABLED = {DARK_ICON_COLOR: DARK_ICON_DISABLED}
DARK_SHADES = {
    "#b5462f": "#e07a5f",  # an orphaned annotation's broken link (Annotations panel)
    "#c62828": "#e57373",  # the import report's failures
    "#2e7d32": "#66bb6a",  # the import report's articles imported
}
"""Fixed colours that tell something (not a label's, the analyst's choice), and their shades on
the dark theme: drawn as they are they stood out of the dark lists' rows by less than 3:1
(the orphan's red 2.7:1 on an alternate row); these keep 4.9:1 at least there."""
_KEY = f"{__version__}-{ICON_COLOR.name()[1:]}-{ICON_DISABLED.name()[1:]}"
_memo: dict[str, QIcon] = {}
_theme: list[str | None] = [None]
"""The colour an icon asked for without one is drawn in: ``None``, the light theme's grey;
the dark theme's light grey while it is applied (``set_theme_color``)."""


def set_theme_color(color: str | None) -> None:
    """Draw the icons made from now on without a colour of their own in ``color`` (the
    theme's; ``None``: the light theme's grey). Set by ``theme.apply``: the find bar's
    arrows, the context menus' and the dialogs' icons kept the light theme's grey on the
    dark theme and all but vanished (a trial). Icons already shown: ``follow_theme``."""
    _theme[0] = color.lower() if color else None


def theme_color() -> str | None:
    return _theme[0]


def _cache_folder() -> Path:
    return paths.cache_dir() / "icons" / _KEY


def _file(folder: Path, name: str, mode: str, size: int) -> Path:
    return folder / f"{name.replace('.', '_')}-{mode}-{size}.png"


def _render(name: str, color: QColor | None = None, disabled: QColor | None = None) -> QIcon:
    os.environ.setdefault("QT_API", "pyside6")  # qtawesome goes through QtPy; never PyQt
    import qtawesome

    rendered: QIcon = qtawesome.icon(
        name, color=color or ICON_COLOR, color_disabled=disabled or ICON_DISABLED
    )
    return rendered


def _modes(color: str | None) -> dict[str, QIcon.Mode]:
    """The modes cached for an icon of ``color``: the normal one, and the disabled one when
    Qt's own greying would not show it (``_DISABLED``)."""
    if color is not None and color.lower() in _DISABLED:
        return {**MODES, "disabled": QIcon.Mode.Disabled}
    return MODES


def _store(name: str, rendered: QIcon, folder: Path, modes: dict[str, QIcon.Mode]) -> None:
    """Best effort: a read-only or full cache only costs speed, never the icon."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        for mode, qt_mode in modes.items():
            for size in SIZES:
                target = _file(folder, name, mode, size)
                tmp = target.with_suffix(".tmp")
                if rendered.pixmap(QSize(size, size), qt_mode).save(str(tmp), "PNG"):
                    os.replace(tmp, target)


_folders: dict[tuple[str, ...], Path] = {}


def _folder(color: str | None) -> Path:
    """The cache folder of the icons of ``color``, worked out once per folder the
    environment names (a Path made and joined for each of the twenty-odd icons at start-up
    cost 1 M instructions)."""
    where = (os.environ.get(name, "") for name in ("XDG_CACHE_HOME", "HOME", "USERPROFILE"))
    key = (*where, color or "")
    folder = _folders.get(key)
    if folder is None:
        folder = _folders[key] = _cache_folder() / (color.lstrip("#").lower() if color else "")
    return folder


def _high_dpi() -> bool:
    app = QGuiApplication.instance()
    return not isinstance(app, QGuiApplication) or app.devicePixelRatio() > 1


def icon(name: str, color: str | None = None) -> QIcon:
    """A qtawesome icon (e.g. ``mdi6.magnify``), from the PNG cache when possible; ``color``
    (``#rrggbb``) draws it in a label's colour instead of the theme's grey."""
    if color is None:
        color = _theme[0]
    elif _theme[0] is not None:  # dark
        color = DARK_SHADES.get(color.lower(), color)
    key = f"{name}@{color}" if color else name
    if key in _memo:
        return _memo[key]
    folder = _folder(color)
    # Plain string paths: this runs for every action at start-up, and pathlib is slow.
    stem = f"{folder}{os.sep}{name.replace('.', '_')}-"
    modes = _modes(color)
    files = [
        (qt_mode, size, f"{stem}{mode}-{size}.png")
        for mode, qt_mode in modes.items()
        for size in SIZES
    ]
    # Files are written in this order and each is renamed into place, so the last one
    # existing means all do: one stat per icon instead of one per file.
    if os.path.isfile(files[-1][2]):
        result = QIcon()
        sizes = SIZES if _high_dpi() else ONE_X_SIZES
        for qt_mode, size, path in files:
            if size in sizes:
                result.addFile(path, QSize(size, size), qt_mode)
    else:
        shade = QColor(color) if color else None
        dim = _DISABLED.get(color.lower()) if color else None
        disabled = QColor(dim) if dim else None
        try:
            result = _render(name, shade, disabled)
        except Exception:  # an unknown icon name in a hand-edited project: show a tag
            result = _render("mdi6.tag-outline", shade, disabled)
        _store(name, result, folder, modes)
    _memo[key] = result
    return result


_THEMED = (None, DARK_ICON_COLOR)
"""The colours an icon takes from the theme: the light theme's grey (``None``) and the dark's."""


def _themed_icons() -> dict[int, str]:
    """The icons made in a theme's colour, by ``QIcon.cacheKey``: the name each was made of.
    (Worked out when the theme changes, from the memo: nothing is added to the making.)"""
    found: dict[int, str] = {}
    for key, made in _memo.items():
        name, _at, color = key.partition("@")
        if (color or None) in _THEMED:
            found[made.cacheKey()] = name
    return found


def follow_theme(widgets: Iterable[QWidget]) -> int:
    """Redraw in the theme's colour (``set_theme_color``) the icons of ``widgets`` — their
    buttons', actions' and combo boxes' — that were made in the other theme's: a widget built
    before the theme changed (the find bar, the side-by-side pane's close button, a dialog
    left open) kept the light theme's grey and all but vanished on the dark theme (a trial).
    Icons of a colour of their own (a label's) are left alone. Returns how many changed."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    themed = _themed_icons()
    wanted = _theme[0]
    changed = 0

    def swap(current: QIcon) -> QIcon | None:
        name = themed.get(current.cacheKey())
        if name is None:
            return None
        again = icon(name, wanted)
        return None if again.cacheKey() == current.cacheKey() else again

    for widget in widgets:
        if isinstance(widget, QAbstractButton):
            new = swap(widget.icon())
            if new is not None:
                widget.setIcon(new)
                changed += 1
        elif isinstance(widget, QComboBox):
            for row in range(widget.count()):
                new = swap(widget.itemIcon(row))
                if new is not None:
                    widget.setItemIcon(row, new)
                    changed += 1
        for action in widget.actions():
            if isinstance(action, QAction):
                new = swap(action.icon())
                if new is not None:
                    action.setIcon(new)
                    changed += 1
    return changed
