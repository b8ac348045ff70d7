"""Helping a newcomer (issue 12): the shortcut sheet, the first-run guide, recent projects, the
saved mark, the author's name asked once, and the dark theme with readable highlights."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.reader.highlighter import (
    DARK_INK,
    DARK_PAPER,
    LIGHT_INK,
    LIGHT_PAPER,
    AnnotationHighlighter,
    contrast,
    readable_tint,
)
from desktop.ui.shell import theme
from desktop.ui.shell.about import AboutDialog
from desktop.ui.shell.actions import SPECS, ActionId
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.shell.shortcuts import ShortcutSheet

from .conftest import RecordingMessenger, type_text

MakeWindow = Callable[..., MainWindow]


def _native(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def _sheet(window: MainWindow) -> ShortcutSheet:
    window.registry[ActionId.SHORTCUTS].trigger()
    sheet = window.shortcut_sheet
    assert sheet.isVisible()
    return sheet


# --- 1. Help → Keyboard Shortcuts ---------------------------------------------------------------
def test_f1_opens_a_sheet_with_every_key_of_the_window(
    make_window: MakeWindow, default_project: Path
) -> None:
    window = make_window(default_project)
    assert window.registry[ActionId.SHORTCUTS].shortcut() == QKeySequence("F1")
    sheet = _sheet(window)
    rows = sheet.rows
    keys = {row.keys for row in rows}
    actions = {row.action for row in rows}
    # Every declared action with a key is there, with its key, generated from the table.
    for action_id, spec in SPECS.items():
        if spec.shortcuts:
            action = window.registry[action_id]
            assert any(_native(spec.shortcuts[0]) in row.keys for row in rows), action_id
            assert action.text().replace("&", "").rstrip("…") in actions
    assert any("Ctrl+Z" in k for k in keys)  # undo, made by the undo group
    assert "Undo" in actions and "Redo" in actions
    # Only keys a keyboard has: Qt's standard Undo also lists F14 and the multimedia "Undo"
    # key (shown as «تراجع» in Arabic), which read as nonsense on the sheet.
    undo = next(row for row in rows if row.action == "Undo")
    assert undo.keys.startswith("Ctrl+Z") and "F14" not in undo.keys, undo.keys
    assert not re.search(r"(^|, )Undo($|,)", undo.keys), undo.keys
    # Each label with a digit key, in both languages.
    for label in window.session.labels:
        if label.shortcut:
            assert any(label.name_ar in row.action and row.keys == label.shortcut for row in rows)
    assert sheet.table.rowCount() == len(rows)
    sheet.close()


def test_the_sheet_filters_in_english_and_arabic(
    make_window: MakeWindow, default_project: Path
) -> None:
    window = make_window(default_project)
    sheet = _sheet(window)
    everything = len(sheet.visible_rows())
    sheet.filter_edit.setText("search all")
    found = sheet.visible_rows()
    assert [row.keys for row in found] == [_native("Ctrl+Shift+F")]
    sheet.filter_edit.clear()
    type_text(sheet.filter_edit, "منظمة")  # Organisation
    found = sheet.visible_rows()
    assert len(found) == 1 and found[0].keys == "2"
    sheet.filter_edit.setText("ctrl+shift+")
    assert 1 < len(sheet.visible_rows()) < everything
    assert all("Ctrl+Shift+" in row.keys for row in sheet.visible_rows())
    sheet.filter_edit.clear()
    assert len(sheet.visible_rows()) == everything
    sheet.close()


def test_a_label_added_later_is_on_the_sheet(
    make_window: MakeWindow, default_project: Path
) -> None:
    from functools import partial

    from desktop.ops.labels import add_label

    window = make_window(default_project)
    window.session.run(
        partial(
            add_label,
            fields={
                "name_en": "Weapon",
                "name_ar": "سلاح",
                "kind": "entity",
                "color": "#888888",
                "shortcut": "8",
            },
        )
    )
    sheet = _sheet(window)
    type_text(sheet.filter_edit, "سلاح")
    assert [row.keys for row in sheet.visible_rows()] == ["8"]
    sheet.close()


# --- 2. The first-run guide ---------------------------------------------------------------------
def test_the_guide_greets_the_first_launch_and_never_again_once_dismissed(
    make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    window = make_window(default_project)
    guide = window.guide
    assert guide is not None and guide.isVisible()
    assert "F1" in guide.text.text() and "Ctrl+Shift+F" in guide.text.text()
    guide.close_button.click()
    assert not guide.isVisible()
    assert prefs.get(settings.GUIDE_DISMISSED) is True
    window.close()
    again = make_window(default_project)
    assert again.guide is None or not again.guide.isVisible()
    # Help → Getting Started brings it back on demand.
    again.registry[ActionId.GETTING_STARTED].trigger()
    assert again.guide is not None and again.guide.isVisible()


def test_no_guide_on_a_project_of_ones_own(make_window: MakeWindow, tmp_path: Path) -> None:
    path = tmp_path / "mine.hamish"
    Project.open(path, create=True).close()
    window = make_window(path)
    assert window.guide is None


# --- 3. File → Recent Projects ------------------------------------------------------------------
def _recent_texts(window: MainWindow) -> list[tuple[str, bool]]:
    window.recent.fill()
    return [
        (a.text(), a.isEnabled())
        for a in window.recent_menu.actions()
        if not a.isSeparator() and a is not window.registry[ActionId.CLEAR_RECENT]
    ]


def test_recent_projects_most_recent_first_and_one_opens(
    make_window: MakeWindow, default_project: Path, tmp_path: Path, prefs: Settings
) -> None:
    paths = []
    for name in ("alpha", "beta"):
        path = tmp_path / f"{name}.hamish"
        Project.open(path, create=True).close()
        paths.append(path)
    window = make_window(default_project)
    for path in paths:
        assert window.switch_project(path, create=False)
    # The open project (beta) is not offered; the others are, most recent first.
    assert [t for t, _ in _recent_texts(window)] == ["&1 alpha", "&2 default"]
    first = next(a for a in window.recent_menu.actions() if a.text() == "&1 alpha")
    first.trigger()
    assert window.project.path.resolve() == paths[0].resolve()
    assert [t for t, _ in _recent_texts(window)] == ["&1 beta", "&2 default"]
    # A project file that went away is shown, disabled.
    paths[1].unlink()
    entries = _recent_texts(window)
    assert entries[0][1] is False and "beta" in entries[0][0]
    # Clear Menu forgets them.
    window.registry[ActionId.CLEAR_RECENT].trigger()
    assert [enabled for _, enabled in _recent_texts(window)] == [False]  # "No Recent Projects"
    assert prefs.get(settings.RECENT_PROJECTS) == ""


def test_recent_projects_keep_eight(
    make_window: MakeWindow, default_project: Path, tmp_path: Path
) -> None:
    window = make_window(default_project)
    for number in range(11):
        path = tmp_path / f"p{number}.hamish"
        Project.open(path, create=True).close()
        window.recent.add(path)
    names = [t for t, _ in _recent_texts(window)]
    assert len(names) == 8
    assert names[0] == "&1 p9"  # p10 is the "open" one in this test


def test_a_recent_project_name_with_an_ampersand_is_shown_as_written(
    make_window: MakeWindow, default_project: Path, tmp_path: Path
) -> None:
    window = make_window(default_project)
    path = tmp_path / "Q&A.hamish"
    Project.open(path, create=True).close()
    window.recent.add(path)
    window.recent.add(default_project)
    assert _recent_texts(window)[0][0] == "&1 Q&&A"  # shown "1 Q&A", not "1 QA" underlined


# --- 4. The saved mark --------------------------------------------------------------------------
def test_the_status_bar_says_each_edit_is_saved_and_when(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    mark = window.status_saved
    mark._now = lambda: datetime(2026, 3, 4, 14, 32, 5)
    assert mark.isVisible() and mark.text.text() == "Saved"
    assert "project file" in mark.toolTip()
    text = window.reader.text
    cursor = text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(5, cursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_1)
    assert len(window.annotation_model.annotations()) == 1
    assert mark.text.text() == "Saved 14:32"
    assert "14:32:05" in mark.toolTip()


# --- 5. The author's name, asked once -----------------------------------------------------------
def test_no_bare_login_name_as_author(monkeypatch: pytest.MonkeyPatch, prefs: Settings) -> None:
    import pwd

    class Entry:
        pw_name = "root"
        pw_gecos = "root"

    monkeypatch.setattr(pwd, "getpwuid", lambda _uid: Entry)
    assert prefs.author() == ""
    Entry.pw_gecos = "Salma Haddad,Room 3,,"
    assert prefs.author() == "Salma Haddad"
    prefs.set(settings.AUTHOR_NAME, "س. حداد")
    assert prefs.author() == "س. حداد"


def test_the_name_is_asked_once_and_used_for_new_annotations(
    make_window: MakeWindow,
    default_project: Path,
    messenger: RecordingMessenger,
    prefs: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "account_full_name", lambda: "Salma Haddad")
    window = make_window(default_project)
    messenger.text_answer = "سلمى حداد"
    window.ask_author_once()
    assert messenger.asked[0][2] == "Salma Haddad"  # pre-filled with the account's name
    assert prefs.get(settings.AUTHOR_NAME) == "سلمى حداد"
    assert window.session.author == "سلمى حداد"
    window.ask_author_once()
    assert len(messenger.asked) == 1  # never again
    # File → Your Name changes it later.
    messenger.text_answer = "Salma"
    window.registry[ActionId.SET_AUTHOR].trigger()
    assert window.session.author == "Salma" and len(messenger.asked) == 2
    messenger.text_answer = None  # Cancel keeps it
    window.registry[ActionId.SET_AUTHOR].trigger()
    assert window.session.author == "Salma"


# --- 6. The dark theme --------------------------------------------------------------------------
DEFAULT_LABEL_COLOURS = (
    "#f4a261",
    "#74b9e0",
    "#8cc084",
    "#c3a6d8",
    "#f2c94c",
    "#d1495b",
    "#2a9d8f",
)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_text_over_every_default_label_highlight_is_readable(
    qapp: QApplication, dark: bool, default_project: Path
) -> None:
    with Project.open(default_project) as project:
        colours = [label.color for label in project.labels.all()]
    assert sorted(colours) == sorted(DEFAULT_LABEL_COLOURS)
    ink = QColor(DARK_INK if dark else LIGHT_INK)
    document = QTextDocument()
    highlighter = AnnotationHighlighter(document)
    highlighter.set_dark(dark)
    for colour in colours:
        for depth in (1, 2):  # one label, and a region inside another
            tint = readable_tint(colour, highlighter.alpha(depth), dark=dark)
            assert contrast(tint, ink) >= 4.5, (colour, depth, tint.name())
        # Still a visible tint, not the bare page.
        paper = QColor(DARK_PAPER if dark else LIGHT_PAPER)
        assert readable_tint(colour, highlighter.alpha(1), dark=dark) != paper


def test_the_theme_menu_applies_and_remembers_dark(
    make_window: MakeWindow, default_project: Path, prefs: Settings, qapp: QApplication
) -> None:
    window = make_window(default_project)
    try:
        assert window.registry[ActionId.THEME_SYSTEM].isChecked()
        window.registry[ActionId.THEME_DARK].trigger()
        assert prefs.get(settings.THEME) == "dark"
        assert theme.applied_dark()
        assert "#1f2326" in qapp.styleSheet()
        assert window.reader.text.highlighter.dark
        assert window.registry.icon_color == theme.DARK_ICON_COLOR  # icons readable on dark
        window.registry[ActionId.THEME_LIGHT].trigger()
        assert not theme.applied_dark() and not window.reader.text.highlighter.dark
        assert window.registry.icon_color is None
        assert prefs.get(settings.THEME) == "light"
    finally:
        theme.apply(False)


def _icon_lightness(action: object) -> int:
    """The lightest opaque pixel of an action's icon."""
    image = action.icon().pixmap(16, 16).toImage()  # type: ignore[attr-defined]
    return max(
        (
            image.pixelColor(x, y).lightness()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 128
        ),
        default=0,
    )


def test_the_network_dock_s_icons_follow_the_theme(
    make_window: MakeWindow, default_project: Path
) -> None:
    """Found by a trial: on the dark theme the network's buttons kept the toolbar grey and
    all but vanished; a dock built while dark, or turned dark later, draws them light."""
    window = make_window(default_project)
    try:
        window.show_network()
        dock = window.network_dock
        assert dock is not None
        assert _icon_lightness(dock.fit_action) < 100
        window.registry[ActionId.THEME_DARK].trigger()
        assert _icon_lightness(dock.fit_action) > 150
        assert _icon_lightness(dock.svg_action) > 150
        window.registry[ActionId.THEME_LIGHT].trigger()
        assert _icon_lightness(dock.fit_action) < 100
    finally:
        theme.apply(False)


def _library_and_search_icons(window: MainWindow) -> list[int]:
    """The lightness of the library's magnifier and count-header icon, and of the search
    panel's magnifier and filters button."""
    from desktop.ui.library.dock import LibraryModel

    model = window.library.model
    assert model is not None
    model.set_count_icon(True)  # the header's icon, as a narrow dock shows it
    header = model.header_data(LibraryModel.ANNOTATIONS, Qt.ItemDataRole.DecorationRole)
    panel = window.search_panel
    (library_magnifier,) = window.library.filter_edit.actions()
    (search_magnifier,) = panel.query_edit.actions()
    shown = window.library.view.header_model.horizontalHeaderItem(LibraryModel.ANNOTATIONS)
    return [
        _icon_lightness(library_magnifier),
        _icon_lightness(_Iconed(header)),
        _icon_lightness(_Iconed(shown.icon())),  # what the header holds, not only the model
        _icon_lightness(search_magnifier),
        _icon_lightness(panel.filter_button),
    ]


class _Iconed:
    def __init__(self, icon: object) -> None:
        self._icon = icon

    def icon(self) -> object:
        return self._icon


def test_the_library_and_search_icons_follow_the_theme(
    make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    """Found by a trial: on the dark theme the library's and the search's magnifiers, the
    library's count-header tag and the search's filters button kept the light theme's grey
    and all but vanished; turned dark, or built while dark, they are drawn light."""
    window = make_window(default_project)
    try:
        assert all(light < 100 for light in _library_and_search_icons(window))
        window.registry[ActionId.THEME_DARK].trigger()
        assert all(light > 150 for light in _library_and_search_icons(window))
        window.registry[ActionId.THEME_LIGHT].trigger()
        assert all(light < 100 for light in _library_and_search_icons(window))
        window.registry[ActionId.THEME_DARK].trigger()
        assert prefs.get(settings.THEME) == "dark"
        window.close()
        again = make_window(default_project)
        assert all(light > 150 for light in _library_and_search_icons(again))
    finally:
        theme.apply(False)


def test_system_follows_the_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.is_dark("system") and theme.is_dark("dark") and not theme.is_dark("light")
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert not theme.is_dark("system")


def test_the_guide_steps_aside_on_a_short_window(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    guide = window.guide
    assert guide is not None and guide.isVisible()
    window.resize(1024, 520)  # the reading pane is under GUIDE_MIN_READER
    qtbot.waitUntil(lambda: not guide.isVisible())
    window.resize(1200, 800)
    qtbot.waitUntil(guide.isVisible)


def test_system_theme_follows_a_change_of_the_desktop_at_once(
    make_window: MakeWindow,
    default_project: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(default_project)
    try:
        assert window.theme.choice() == "system" and not theme.applied_dark()
        monkeypatch.setattr(theme, "system_is_dark", lambda: True)
        window.theme._system_changed()  # what styleHints().colorSchemeChanged calls
        assert theme.applied_dark() and window.reader.text.highlighter.dark
        window.registry[ActionId.THEME_LIGHT].trigger()  # a manual choice wins over the desktop
        window.theme._system_changed()
        assert not theme.applied_dark()
    finally:
        theme.apply(False)


def test_a_name_already_set_is_not_asked_for(
    make_window: MakeWindow, default_project: Path, messenger: RecordingMessenger, prefs: Settings
) -> None:
    prefs.set(settings.AUTHOR_NAME, "Salma Haddad")
    window = make_window(default_project)
    window.ask_author_once()
    assert messenger.asked == [] and window.session.author == "Salma Haddad"


def test_the_guide_keeps_each_key_with_its_words() -> None:
    """A wrapped line ended in "N / P" and "next / previous annotation" began the next."""
    from desktop.ui.shell.guide import GuideBar

    guide = GuideBar()
    html = guide.text.text()
    assert "<b>N</b>&nbsp;/&nbsp;<b>P</b>&nbsp;next" in html
    assert not re.search(r"</b>\s", html)
    guide.deleteLater()


def test_the_name_parts_bar_and_the_claim_quote_are_readable_on_dark(
    make_window: MakeWindow, default_project: Path
) -> None:
    """A trial on the dark theme: the "+" of Add as Aliases kept the light theme's grey and
    the claim's quote a fixed dark grey — both all but vanished. The button's icon follows
    the theme (turned dark later, or a bar built while dark); the quote takes the theme's
    text colour."""
    window = make_window(default_project)
    try:
        button = window.name_parts_bar.add_button
        assert _icon_lightness(button) < 100
        window.registry[ActionId.THEME_DARK].trigger()
        assert _icon_lightness(button) > 150
        quote = window.claim_editor.passage
        quote.setText("قال لافروف")
        assert quote.palette().color(quote.foregroundRole()).lightness() > 150
        window.registry[ActionId.THEME_LIGHT].trigger()
        assert _icon_lightness(button) < 100
    finally:
        theme.apply(False)
    dark = make_window(default_project)  # a window built while the theme is dark
    try:
        dark.registry[ActionId.THEME_DARK].trigger()
        again = make_window(default_project)
        assert _icon_lightness(again.name_parts_bar.add_button) > 150
    finally:
        theme.apply(False)


@pytest.fixture
def activated(monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    """The windows that asked for the keyboard. Offscreen, Qt activates every window it
    shows; under X11 with no window manager (Xvfb and xdotool, a trial) a window only shown
    stayed behind the main window's focus: F1 then Esc left the sheet open, Esc went to the
    reader."""
    asked: list[QWidget] = []
    original = QWidget.activateWindow

    def activate(widget: QWidget) -> None:
        asked.append(widget)
        original(widget)

    monkeypatch.setattr(QWidget, "activateWindow", activate)
    return asked


def _press_escape(qtbot: QtBot, window: QWidget) -> None:
    """Esc where the keyboard is, once the window has it."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focused = QApplication.focusWidget()
    assert focused is not None and window.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)


def test_help_about_takes_the_keyboard_and_esc_closes_it(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot, activated: list[QWidget]
) -> None:
    window = make_window(default_project)
    window.reader.text.setFocus()
    window.registry[ActionId.ABOUT].trigger()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
    assert dialog.isVisible() and dialog in activated
    _press_escape(qtbot, dialog)
    assert not dialog.isVisible()


def test_esc_in_the_sheet_s_filter_clears_it_then_closes_the_sheet(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot, activated: list[QWidget]
) -> None:
    window = make_window(default_project)
    window.reader.text.setFocus()
    sheet = _sheet(window)
    assert sheet in activated
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    assert sheet.filter_edit.hasFocus()
    everything = len(sheet.visible_rows())
    type_text(QApplication.focusWidget(), "search all")  # typed where the keyboard is
    assert len(sheet.visible_rows()) == 1
    _press_escape(qtbot, sheet)
    assert sheet.isVisible() and sheet.filter_edit.text() == ""
    assert len(sheet.visible_rows()) == everything
    _press_escape(qtbot, sheet)
    assert not sheet.isVisible()


def test_on_the_first_launch_the_name_is_asked_before_the_guide_shows(
    qtbot: QtBot,
    default_project: Path,
    messenger: RecordingMessenger,
    prefs: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first launch showed the guide and the name question at once: the question's
    dialog sat over the guide. Now the question comes first, the guide after it — as the
    launch runs them (desktop/app.py: ask_name_first, finish_setup, then ask_author_once)."""
    guide_shown_while_asked: list[bool] = []
    ask = messenger.ask_text

    def asking(title: str, text: str, value: str) -> str | None:
        guide = window.guide
        guide_shown_while_asked.append(guide is not None and guide.isVisible())
        return ask(title, text, value)

    monkeypatch.setattr(messenger, "ask_text", asking)
    messenger.text_answer = "سلمى حداد"

    def launched() -> MainWindow:
        """Launched as app.py does: the name asked for first, then the window set up."""
        window = MainWindow(Project.open(default_project), prefs, messenger, deferred=True)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.ask_name_first()
        window.finish_setup()
        return window

    window = launched()
    assert window.guide is None or not window.guide.isVisible()  # not yet: the name first
    window.ask_author_once()
    assert guide_shown_while_asked == [False]
    assert window.guide is not None and window.guide.isVisible()  # then the guide
    window.close()
    # A later launch (the name known): the guide comes at once, nothing is asked.
    again = launched()
    assert again.guide is not None and again.guide.isVisible()
    again.ask_author_once()
    assert len(messenger.asked) == 1
    again.close()
