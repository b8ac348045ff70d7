"""View → Theme: System, Light or Dark, saved in ``settings.THEME`` and applied at once.

"System" follows the desktop's colour scheme (``QStyleHints.colorScheme``, Qt ≥ 6.5) and
follows it again when it changes. A theme is the stylesheet (``resources/style.qss``; the dark
one is the same rules with each colour of its palette swapped by ``DARK_COLOURS``, so the two
can never differ in anything but colour), a Fusion palette to match for what the stylesheet
leaves alone, and the reader's highlight tints (``ReaderPane.set_dark``), which keep text
readable over every label colour.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # built for the dark theme only: its first use builds its enums (2.5 M
    # instructions on the way to a light window's first paint)
    from PySide6.QtGui import QPalette

from desktop import settings
from desktop.resources import read_text
from desktop.settings import Settings
from desktop.ui.widgets.icons import DARK_ICON_COLOR as DARK_ICON_COLOR
from desktop.ui.widgets.icons import set_theme_color

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

DARK_COLOURS = {
    # light     dark           what (see the palette at the top of style.qss)
    "#ffffff": "#1f2326",  # surface (text stays white where it is white: see dark_stylesheet)
    "#f5f6f7": "#181b1e",  # window
    "#f8f9fa": "#252a2e",  # alternate row
    "#e4e7ea": "#30363b",  # light border
    "#d5d9dc": "#3d444a",  # border
    "#1f2933": "#e3e7ea",  # text
    "#5f6b76": "#a3adb6",  # muted text
    "#9aa4ad": "#6b757e",  # disabled text
    "#0f5257": "#1d7077",  # accent (white text on it keeps 5.7:1)
    "#13676d": "#23858c",  # accent hover
    "#d7e8e9": "#1e3b3d",  # accent tint
    "#eceff1": "#2a2f33",
    "#eef1f3": "#2a2f33",
    "#f0f2f4": "#2c3135",
    "#eef4f4": "#1f3133",
    "#e6eef0": "#263538",
    "#c9cfd4": "#4a535a",
    "#b9c1c7": "#59626a",
    "#a9cacc": "#2f5a5d",
}
# Patterns, compiled on first use (re caches them): the light theme never needs them.
_COLOUR = r"#[0-9a-fA-F]{6}\b"
_WHITE_TEXT = r"(?i)(^|[\s;{])(selection-)?color:\s*#ffffff"

_applied: list[bool] = [False]  # the application starts light (create_application)


def system_is_dark() -> bool:
    """Whether the desktop's colour scheme is dark, read from the palette Qt takes from it
    (the platform theme's, or Fusion's own for a dark scheme): ``styleHints().colorScheme()``
    answers a Qt enum, and this runs before the first paint, when making one would build
    the Qt namespace (114 M instructions; the palette's class is 2.5 M, see qtvalues)."""
    window = QGuiApplication.palette().window().color()
    return window.lightness() < 128


def is_dark(choice: str) -> bool:
    if choice == DARK:
        return True
    if choice == LIGHT:
        return False
    return system_is_dark()


def dark_palette() -> QPalette:
    from PySide6.QtGui import QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#181b1e"),
        (role.WindowText, "#e3e7ea"),
        (role.Base, "#1f2326"),
        (role.AlternateBase, "#252a2e"),
        (role.ToolTipBase, "#2c3135"),
        (role.ToolTipText, "#e3e7ea"),
        (role.PlaceholderText, "#8b959e"),
        (role.Text, "#e3e7ea"),
        (role.Button, "#2a2f33"),
        (role.ButtonText, "#e3e7ea"),
        (role.BrightText, "#ffffff"),
        (role.Link, "#6cc4ca"),
        (role.Highlight, "#1d7077"),
        (role.HighlightedText, "#ffffff"),
        (role.Light, "#3d444a"),
        (role.Midlight, "#30363b"),
        (role.Mid, "#2a2f33"),
        (role.Dark, "#121416"),
        (role.Shadow, "#000000"),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor("#6b757e"))
    return palette


def dark_stylesheet(light: str) -> str:
    """The light stylesheet with its colours swapped for dark ones; white text stays white
    (on the accent, in tooltips), white backgrounds turn dark."""

    def swap(match: re.Match[str]) -> str:
        return DARK_COLOURS.get(match.group(0).lower(), match.group(0))

    lines = []
    for line in light.splitlines():
        if re.search(_WHITE_TEXT, line):  # white text stays white (on the accent, in tooltips)
            lines.append(line)
            continue
        lines.append(re.sub(_COLOUR, swap, line))
    # The light theme's tooltips are dark with white text: in the dark theme, a raised grey.
    lines.append(
        "QToolTip { background-color: #2c3135; color: #e3e7ea; border: 1px solid #3d444a; }"
    )
    return "\n".join(lines) + "\n"


INDICATOR_BORDER = "#8b959e"
"""A check box's or radio button's frame on the dark theme: 5.7:1 on the window, 5.2:1 on a
list. Fusion draws it a shade darker than the window (#131518 on #181b1e, 1.06:1): the
briefing dialog's boxes and the side-by-side pane's «Scroll together» were all but unseen."""
INDICATOR_FILE = "#1f2326"
INDICATOR_ON = "#23858c"  # ticked: the accent hover (4:1 on the window), a white mark
INDICATOR_OFF = "#4a535a"  # disabled


def _indicator_rules() -> str:
    """The dark theme's check boxes and radio buttons (in dialogs and in lists): a stylesheet
    that draws an indicator draws its mark too, from a picture (``resources/icons``). And the
    docks' close and float buttons, in the icons' light grey: Fusion's dark grey stood out of
    the dark title bars by 2.1:1."""
    from pathlib import Path

    from desktop.resources import resource

    def url(name: str) -> str:
        found = resource(f"icons/{name}.svg")
        return f'url("{Path(str(found)).as_posix()}")'

    boxes = "QCheckBox::indicator, QGroupBox::indicator, QAbstractItemView::indicator"
    radios = "QRadioButton::indicator"

    def each(selectors: str, state: str) -> str:
        return ", ".join(f"{one.strip()}{state}" for one in selectors.split(","))

    return (
        f"""
{boxes}, {radios} {{
    width: 14px; height: 14px; border: 1px solid {INDICATOR_BORDER}; border-radius: 3px;
    background-color: {INDICATOR_FILE};
}}
{radios} {{ border-radius: 8px; }}
{each(boxes + ", " + radios, ":hover")} {{ border-color: #6cc4ca; }}
{each(boxes + ", " + radios, ":checked")} {{
    background-color: {INDICATOR_ON}; border-color: {INDICATOR_ON};
}}
{each(boxes, ":checked")} {{ image: url_check; }}
{each(boxes, ":indeterminate")} {{
    background-color: {INDICATOR_ON}; border-color: {INDICATOR_ON}; image: url_partial;
}}
{each(radios, ":checked")} {{ image: url_dot; }}
{each(boxes + ", " + radios, ":disabled")} {{
    border-color: {INDICATOR_OFF}; background-color: {INDICATOR_FILE};
}}
QDockWidget {{ titlebar-close-icon: url_close; titlebar-normal-icon: url_float; }}
""".replace("url_check", url("check-dark"))
        .replace("url_close", url("close-dark"))
        .replace("url_float", url("float-dark"))
        .replace("url_partial", url("partial-dark"))
        .replace("url_dot", url("dot-dark"))
    )


def stylesheet(dark: bool) -> str:
    light = read_text("style.qss")
    return dark_stylesheet(light) + _indicator_rules() if dark else light


def apply(dark: bool, *, force: bool = False) -> None:
    """Stylesheet and palette of the whole application; nothing when already so."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or (_applied[0] == dark and not force):
        return
    _applied[0] = dark
    set_theme_color(DARK_ICON_COLOR if dark else None)  # the icons made from now on
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setStyleSheet(stylesheet(dark))


def applied_dark() -> bool:
    return _applied[0]


class ThemeController(QObject):
    """The View → Theme actions (exclusive), the saved choice, and the desktop's scheme."""

    def __init__(
        self,
        prefs: Settings,
        actions: dict[str, QAction],
        on_change: Callable[[bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.actions = actions
        self._on_change = on_change
        group = QActionGroup(self)
        group.setExclusive(True)
        choice = self.choice()
        for name, action in actions.items():
            action.setCheckable(True)
            action.setChecked(name == choice)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, n=name: self.choose(n))
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_changed)
        self.apply()

    def choice(self) -> str:
        value = self.prefs.get(settings.THEME)
        return value if value in THEMES else SYSTEM

    def choose(self, name: str) -> None:
        self.prefs.set(settings.THEME, name)
        self.actions[name].setChecked(True)
        self.apply()

    @property
    def dark(self) -> bool:
        return is_dark(self.choice())

    def apply(self) -> None:
        dark = self.dark
        apply(dark)
        self._on_change(dark)

    def _system_changed(self, *_args: object) -> None:
        if self.choice() == SYSTEM:
            self.apply()
