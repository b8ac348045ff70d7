"""The dark theme's icons and check boxes (trial h14): icons made in the light theme's grey all
but vanished on the dark theme, and Fusion drew the check boxes' frames a shade darker than the
window — each checked here by its pixels' contrast against the background."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QMenu,
    QRadioButton,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.settings import Settings
from desktop.ui.labels.dialogs import LabelManager
from desktop.ui.shell import theme
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

MakeWindow = Callable[..., MainWindow]


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _window() -> QColor:
    return QApplication.palette().window().color()


def icon_contrast(icon: QIcon) -> float:
    """The contrast of an icon's most contrasting opaque pixel against the window."""
    image = icon.pixmap(16, 16).toImage()
    background = _window()
    return max(
        (
            contrast(image.pixelColor(x, y), background)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 128
        ),
        default=1.0,
    )


def _all_seen(icons: Iterable[QIcon]) -> bool:
    """Every icon stands out of the window by 3:1 at least."""
    found = [icon_contrast(icon) for icon in icons]
    assert found
    return all(ratio >= 3 for ratio in found)


def _find_and_beside(window: MainWindow) -> list[QIcon]:
    """The find bar's buttons (whole words, previous, next, close) and the side-by-side
    pane's close button."""
    window.find_bar.open_bar()
    window.beside.open(2)
    close = window.findChild(QToolButton, "beside_close")
    assert isinstance(close, QToolButton)
    bar = window.find_bar
    buttons = [
        *bar.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly),
        close,
    ]
    assert len(buttons) == 5
    return [button.icon() for button in buttons]


def test_the_find_bar_s_and_the_beside_pane_s_icons_follow_the_theme(
    make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    """Found by a trial: on the dark theme the find bar's arrows and the side-by-side pane's
    close button kept the light theme's grey (1.5:1 on the window). Turned dark later, or
    built while dark, they stand out by 3:1 at least."""
    window = make_window(default_project)
    try:
        assert _all_seen(_find_and_beside(window))  # light: dark grey on a light window
        window.registry[ActionId.THEME_DARK].trigger()
        assert _all_seen(_find_and_beside(window))
        window.registry[ActionId.THEME_LIGHT].trigger()
        assert _all_seen(_find_and_beside(window))
        window.registry[ActionId.THEME_DARK].trigger()
        assert prefs.get(settings.THEME) == "dark"
        window.close()
        again = make_window(default_project)  # the find bar and the pane built while dark
        assert _all_seen(_find_and_beside(again))
    finally:
        theme.apply(False)


def _menu_icons(qtbot: QtBot, show: Callable[[], None]) -> list[QIcon]:
    """The icons of the context menu ``show`` pops up (closed again at once)."""
    icons: list[QIcon] = []

    def read() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read)
            return
        icons.extend(a.icon() for a in menu.actions() if not a.icon().isNull())
        menu.close()

    QTimer.singleShot(0, read)
    show()
    qtbot.waitUntil(lambda: bool(icons))
    return icons


def _themed_only(icons: list[QIcon], window: MainWindow) -> list[QIcon]:
    """Leave out the labels' own colours (the analyst's choice, not the theme's)."""
    assert window.session is not None
    labelled = {(label.icon, label.color.lower()) for label in window.session.labels}
    from desktop.ui.widgets.icons import icon

    keys = {icon(name, colour).cacheKey() for name, colour in labelled}
    return [one for one in icons if one.cacheKey() not in keys]


def test_the_context_menus_and_the_label_manager_follow_the_theme(
    make_window: MakeWindow, default_project: Path, prefs: Settings, qtbot: QtBot
) -> None:
    """Found by a trial: on the dark theme the reader's and the annotations' context menus and
    the label manager showed their icons in the light theme's grey. Made while dark they stand
    out; a label manager left open while the theme turns dark follows it."""
    prefs.set(settings.THEME, "dark")
    window = make_window(default_project)
    try:
        tagging = window.tagging
        text = window.reader.text
        cursor = text.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
        text.setTextCursor(cursor)
        assert window.session is not None
        annotation = tagging.tag_selection(window.session.labels[0].id)
        assert annotation is not None
        text.setTextCursor(cursor)
        reader = _menu_icons(qtbot, lambda: tagging._reader_menu(QPoint(50, 50), 1))
        annotations = _menu_icons(
            qtbot, lambda: tagging._annotation_menu(QPoint(50, 50), annotation)
        )
        # Tag Selection As, Edit Note…, Change Label, Delete Annotation, Copy (and Find)
        assert len(_themed_only(reader, window)) >= 5
        assert _all_seen(_themed_only(reader, window))
        assert len(_themed_only(annotations, window)) == 3
        assert _all_seen(_themed_only(annotations, window))

        manager = LabelManager(window)
        buttons = [manager.add_button, manager.edit_button, manager.remove_button]
        assert _all_seen(button.icon() for button in buttons)
        window.registry[ActionId.THEME_LIGHT].trigger()  # left open while the theme changes
        assert _all_seen(button.icon() for button in buttons)
        window.registry[ActionId.THEME_DARK].trigger()
        assert _all_seen(button.icon() for button in buttons)
        manager.close()
    finally:
        theme.apply(False)


def _indicator(widget: QAbstractButton) -> QRect:
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    option = QStyleOptionButton()
    option.initFrom(widget)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(widget, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    return widget.style().subElementRect(element, option, widget)


def _most_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    return max(
        contrast(image.pixelColor(x, y), background)
        for x in range(max(rect.left(), 0), min(rect.right() + 1, image.width()))
        for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height()))
    )


def test_the_briefing_dialog_s_check_boxes_are_seen_on_the_dark_theme(
    make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    """Found by a trial: on the dark theme the briefing dialog's check boxes (and its radio
    buttons, and the ticks of its lists) were frames a shade darker than the dialog (1.06:1);
    now an empty one's frame stands out of the dialog by 3:1 at least."""
    prefs.set(settings.THEME, "dark")
    window = make_window(default_project)
    try:
        window.registry[ActionId.EXPORT_BRIEFING].trigger()
        dialog = next(
            top
            for top in QApplication.topLevelWidgets()
            if top.objectName() == "report_dialog" and top.isVisible()
        )
        assert isinstance(dialog, QDialog)
        background = dialog.grab().toImage().pixelColor(2, 2)
        assert contrast(background, _window()) < 1.1  # the dialog's own background
        boxes: list[QAbstractButton] = [
            *dialog.findChildren(QCheckBox),
            *dialog.findChildren(QRadioButton),
        ]
        assert len(boxes) >= 7  # full texts, two figures, four scopes
        for box in boxes:
            if isinstance(box, QCheckBox):
                box.setChecked(False)
            elif box.isChecked():
                continue  # (one radio button is always checked)
            image = box.grab().toImage()
            assert _most_contrast(image, _indicator(box), background) >= 3, box.text()
        articles = dialog.article_list  # type: ignore[attr-defined]
        row = articles.visualItemRect(articles.item(0))
        view = articles.viewport().grab().toImage()
        base = articles.palette().base().color()
        start = row.left() if not articles.isRightToLeft() else row.right() - 22
        tick = QRect(start, row.top(), 22, row.height())
        assert _most_contrast(view, tick, base) >= 3
    finally:
        theme.apply(False)


def _fixed_colours() -> set[str]:
    """Every fixed colour an icon of the interface is made in: ``icon(name, "#rrggbb")``, the
    entity types' and the import report's (the labels' are the analyst's own)."""
    import re

    from desktop.ui.entities.panel import TYPE_ICONS

    root = Path(__file__).resolve().parents[2] / "desktop" / "ui"
    found = {colour for _name, colour in TYPE_ICONS.values()}
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'icon\(\s*"[^"]+",\s*(?:color=)?"(#[0-9a-fA-F]{6})"', source))
    report = (root / "transfer" / "import_dialogs.py").read_text(encoding="utf-8")
    found |= set(re.findall(r'^\s*"(#[0-9a-fA-F]{6})",\s*$', report, re.MULTILINE))
    return {colour.lower() for colour in found}


def test_icons_of_a_fixed_colour_stand_out_of_the_dark_lists(qapp: object) -> None:
    """Found looking for the trial's vanishing icons: an orphaned annotation's red link
    (2.7:1 on the Annotations panel's alternate rows) and the import report's red and green
    stood out of the dark theme's lists by less than 3:1; they are drawn in lighter shades
    while it is applied, and as they were on the light theme."""
    from desktop.ui.widgets.icons import icon

    colours = _fixed_colours()
    assert {"#b5462f", "#c62828", "#2e7d32", "#d1495b", "#2a9d8f"} <= colours
    row = QColor("#252a2e")  # the dark theme's alternate row: its lightest list surface
    try:
        theme.apply(True)
        for colour in sorted(colours):
            image = icon("mdi6.link-variant-off", colour).pixmap(16, 16).toImage()
            shown = max(
                (
                    contrast(image.pixelColor(x, y), row)
                    for x in range(image.width())
                    for y in range(image.height())
                    if image.pixelColor(x, y).alpha() > 128
                ),
                default=1.0,
            )
            assert shown >= 3, colour
    finally:
        theme.apply(False)


def test_the_docks_close_and_float_buttons_stand_out_of_the_dark_title_bars(
    make_window: MakeWindow, default_project: Path, prefs: Settings
) -> None:
    """Seen in the dark screenshots: Fusion's dark grey × and float buttons stood out of the
    docks' dark title bars by 2.1:1; on the dark theme they are the icons' light grey."""
    prefs.set(settings.THEME, "dark")
    window = make_window(default_project)
    try:
        title = QColor("#2a2f33")  # the dark theme's dock title (#eceff1 swapped)
        for name in ("qt_dockwidget_closebutton", "qt_dockwidget_floatbutton"):
            button = window.library.findChild(QAbstractButton, name)
            assert isinstance(button, QAbstractButton)
            image = button.icon().pixmap(10, 10).toImage()
            shown = max(
                contrast(image.pixelColor(x, y), title)
                for x in range(image.width())
                for y in range(image.height())
                if image.pixelColor(x, y).alpha() > 128
            )
            assert shown >= 3, name
    finally:
        theme.apply(False)
