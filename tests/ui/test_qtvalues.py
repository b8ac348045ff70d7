"""desktop/ui/qtvalues.py: Qt's enum values as ints, and what Qt makes from them, are what Qt's
own enum-built calls give — so a Qt that renumbers or renames something fails here, loudly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QStandardItemModel, QTextOption
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QTableView
from pytestqt.qtbot import QtBot

from desktop.ui import qtvalues as qv


def test_the_values_are_qts() -> None:
    align = Qt.AlignmentFlag
    assert align.AlignLeft.value == qv.ALIGN_LEFT
    assert align.AlignRight.value == qv.ALIGN_RIGHT
    assert align.AlignAbsolute.value == qv.ALIGN_ABSOLUTE
    assert align.AlignVCenter.value == qv.ALIGN_VCENTER
    assert align.AlignLeading.value == qv.ALIGN_LEADING
    assert align.AlignCenter.value == qv.ALIGN_CENTER
    assert qv.direction(True) == Qt.LayoutDirection.RightToLeft.value
    assert qv.direction(False) == Qt.LayoutDirection.LeftToRight.value
    role = Qt.ItemDataRole
    assert (
        role.DisplayRole.value,
        role.DecorationRole.value,
        role.ToolTipRole.value,
    ) == (qv.DISPLAY_ROLE, qv.DECORATION_ROLE, qv.TOOLTIP_ROLE)
    assert (
        role.FontRole.value,
        role.TextAlignmentRole.value,
        role.ForegroundRole.value,
        role.UserRole.value,
    ) == (qv.FONT_ROLE, qv.TEXT_ALIGNMENT_ROLE, qv.FOREGROUND_ROLE, qv.USER_ROLE)
    assert Qt.ShortcutContext.WidgetShortcut.value == qv.WIDGET_SHORTCUT
    assert Qt.ToolButtonStyle.ToolButtonIconOnly.value == qv.TOOL_BUTTON_ICON_ONLY
    assert Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value == qv.TOOL_BUTTON_TEXT_BESIDE_ICON
    assert Qt.TextFormat.PlainText.value == qv.PLAIN_TEXT
    assert Qt.TextInteractionFlag.TextSelectableByMouse.value == qv.TEXT_SELECTABLE_BY_MOUSE
    assert Qt.TextInteractionFlag.TextSelectableByKeyboard.value == qv.TEXT_SELECTABLE_BY_KEYBOARD
    assert Qt.TextElideMode.ElideRight.value == qv.ELIDE_RIGHT
    assert Qt.ContextMenuPolicy.CustomContextMenu.value == qv.CUSTOM_CONTEXT_MENU
    area = Qt.DockWidgetArea
    assert (
        area.LeftDockWidgetArea.value,
        area.RightDockWidgetArea.value,
        area.TopDockWidgetArea.value,
        area.BottomDockWidgetArea.value,
    ) == (qv.LEFT_AREA, qv.RIGHT_AREA, qv.TOP_AREA, qv.BOTTOM_AREA)


def test_a_property_is_set_by_its_int_and_a_missing_one_fails(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    qv.set_property(label, "alignment", qv.ALIGN_RIGHT | qv.ALIGN_VCENTER)
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    qv.set_property(label, "layoutDirection", qv.direction(True))
    assert label.layoutDirection() == Qt.LayoutDirection.RightToLeft
    with pytest.raises(AttributeError):
        qv.set_property(label, "alignmnet", qv.ALIGN_LEFT)  # a typo, or a name Qt changed


def test_the_stand_in_is_qts_namespace() -> None:
    assert qv.Qt.AlignmentFlag is Qt.AlignmentFlag
    with pytest.raises(AttributeError):
        qv.Qt.__wrapped__  # noqa: B018  (introspection does not fetch the namespace)


def test_a_solid_brush_of_a_colour() -> None:
    brush = qv.solid_brush(QColor("#2a9d8f"))
    assert brush.style() == Qt.BrushStyle.SolidPattern
    assert brush.color().name() == "#2a9d8f"
    # One per colour, its alpha included (the highlighter's tints): made once, then kept.
    assert qv.solid_brush(QColor("#2a9d8f")) is brush
    tint = QColor(42, 157, 143, 40)
    assert qv.solid_brush(tint).color().alpha() == 40
    assert qv.solid_brush(QColor("#7a868a")).color().name() == "#7a868a"


@pytest.mark.parametrize("rtl", [True, False])
def test_the_text_option_is_the_one_set_by_hand(qapp: QApplication, rtl: bool) -> None:
    # (qapp: laying out the scratch document needs the fonts of a QGuiApplication — run
    # first in a worker without one, the test crashed the worker)
    base = QTextOption()
    base.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    made = qv.text_option(base, rtl)
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    assert made.alignment() == side | Qt.AlignmentFlag.AlignAbsolute
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    assert made.textDirection() == direction
    assert made.wrapMode() == base.wrapMode()
    assert made.flags() == base.flags()
    assert made.tabStopDistance() == base.tabStopDistance()
    assert made.useDesignMetrics() == base.useDesignMetrics()


def test_the_sort_indicator_is_the_one_qt_sets(qtbot: QtBot) -> None:
    ours, theirs = QTableView(), QTableView()
    for view in (ours, theirs):
        qtbot.addWidget(view)
        view.setModel(QStandardItemModel(3, 3, view))
        view.setSortingEnabled(True)
    qv.set_sort_indicator(ours.horizontalHeader(), 1, descending=True)
    theirs.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert ours.horizontalHeader().sortIndicatorSection() == 1
    assert ours.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert ours.horizontalHeader().saveState() == theirs.horizontalHeader().saveState()


def _window(qtbot: QtBot) -> tuple[QMainWindow, QDockWidget, QDockWidget]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("article"))
    window.resize(1280, 820)
    docks = []
    for name in ("library_dock", "annotation_dock"):
        dock = QDockWidget(name, window)
        dock.setObjectName(name)
        dock.setWidget(QLabel(name))
        docks.append(dock)
    return window, docks[0], docks[1]


def _without_minimums(state: bytes, names: tuple[str, ...]) -> bytes:
    """Qt's state with each dock's minimum height zeroed (restoreState reads it and sets
    nothing from it; side_docks_state writes 0)."""
    data = bytearray(state)
    for name in names:
        encoded = name.encode("utf-16-be")
        at = data.index(encoded) + len(encoded) + 1 + 4 + 4  # flags, position, size
        data[at : at + 4] = bytes(4)
    return bytes(data)


@pytest.mark.parametrize("rtl", [False, True])
def test_the_side_docks_state_is_what_qt_saves_and_places_them(qtbot: QtBot, rtl: bool) -> None:
    window, library, annotations = _window(qtbot)
    start, end = (
        (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea)
        if rtl
        else (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    )
    window.addDockWidget(start, library)
    window.addDockWidget(end, annotations)
    window.resizeDocks([library, annotations], [288, 288], Qt.Orientation.Horizontal)
    qt_state = bytes(window.saveState(0).data())
    sides = (qv.RIGHT_DOCK, qv.LEFT_DOCK) if rtl else (qv.LEFT_DOCK, qv.RIGHT_DOCK)
    ours = qv.side_docks_state(
        {sides[0]: ("library_dock", 288), sides[1]: ("annotation_dock", 288)}
    )
    assert ours == _without_minimums(qt_state, ("library_dock", "annotation_dock"))
    # And restored on a window where they were never added, they land in those areas.
    other, library2, annotations2 = _window(qtbot)
    assert other.restoreState(QByteArray(ours))
    assert other.dockWidgetArea(library2) == start
    assert other.dockWidgetArea(annotations2) == end
    other.show()
    window.show()
    qtbot.waitUntil(lambda: library2.width() == library.width() > 0)
    assert annotations2.geometry() == annotations.geometry()


TITLES = [
    "الرئيس الأمريكي باراك أوباما يلتقي وزير الخارجية جون كيري في البيت الأبيض",
    "Obama meets Kerry at the White House to discuss the Syrian chemical weapons deal",
    "مَسْؤُولٌ فِي الحُكُومَةِ السُّورِيَّةِ يَقُولُ إِنَّ الاتِّفَاقَ قَرِيبٌ",
    "Mixed العربية and English 2024 تقرير",
    "emoji 👍🏽 test 👨‍👩‍👧 family رمز ـــ تطويل",
]


@pytest.mark.parametrize("title", TITLES)
def test_a_title_is_cut_as_qt_cuts_it(qapp: QApplication, title: str) -> None:
    """``elide_right`` against Qt's own ``elidedText(…, ElideRight, …)`` at every width: the
    line fits; it is a start of the title, cut between whole characters (no haraka left
    without its letter, no emoji sequence split), then the ellipsis — with a zero-width
    joiner where Qt puts one (the letter cut off would have joined the one kept); and, where
    it cuts inside a word as Qt does, it keeps within two characters of Qt's (which measures
    the start as shaped in the whole line: a letter is narrower joined than final, marks sit
    differently). Where it cuts at a word's end instead, that end is the last one Qt's cut
    passes (the word-boundary rules: ``test_a_title_is_cut_after_a_whole_word``)."""
    import unicodedata

    from PySide6.QtGui import QFont, QFontMetrics

    for font in (QFont(), QFont("DejaVu Sans", 15)):
        metrics = QFontMetrics(font)
        cuts = qv._cut_points(title)
        whole = metrics.horizontalAdvance(title)
        for width in range(0, whole + 12, 2):
            ours = qv.elide_right(metrics, title, width)
            theirs = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
            if width >= whole:
                assert ours == title
                continue
            assert metrics.horizontalAdvance(ours) <= width, (width, ours)
            if not ours:
                continue
            assert ours.endswith(qv.ELLIPSIS)
            kept = ours[: -len(qv.ELLIPSIS)]
            joiner = kept.endswith(qv.ZWJ) and len(kept[:-1]) in cuts
            kept = kept[:-1] if joiner else kept
            assert title.startswith(kept) and len(kept) in cuts, (width, ours)
            if kept:
                assert not unicodedata.combining(title[len(kept)])
            if theirs.endswith(qv.ELLIPSIS):
                qt_kept = theirs[: -len(qv.ELLIPSIS)].removesuffix(qv.ZWJ)
                word_end = not joiner and title[len(kept)].isspace()
                if qt_kept in (title[:at] for at in cuts) and word_end:
                    assert not kept or not kept[-1].isspace()
                    assert cuts.index(len(kept)) <= cuts.index(len(qt_kept)) + 2, (width, ours)
                elif qt_kept in (title[:at] for at in cuts):
                    assert abs(cuts.index(len(qt_kept)) - cuts.index(len(kept))) <= 2
                    if len(qt_kept) == len(kept):
                        assert joiner == theirs[: -len(qv.ELLIPSIS)].endswith(qv.ZWJ)


def _word_ends(title: str) -> list[int]:
    """Where each word of ``title`` ends (before a space)."""
    return [
        at for at in range(1, len(title)) if title[at].isspace() and not title[at - 1].isspace()
    ]


@pytest.mark.parametrize("title", TITLES)
def test_a_title_is_cut_after_a_whole_word(qapp: QApplication, title: str) -> None:
    """A trial: titles cut with «… و…», "the B…" (a stub of the next word) and "word …" (the
    space kept before the ellipsis). At every width, no space before the ellipsis, and a
    word cut in its middle only when no word ends in the last ``1 - WORD_CUT_SHARE`` of the
    room, and then with at least ``STUB_LEAST`` of its letters, or as the title's first."""
    from PySide6.QtGui import QFont, QFontMetrics

    for font in (QFont(), QFont("DejaVu Sans", 15)):
        metrics = QFontMetrics(font)
        cuts = qv._cut_points(title)
        ends = _word_ends(title)
        ellipsis = metrics.horizontalAdvance(qv.ELLIPSIS)
        for width in range(ellipsis, metrics.horizontalAdvance(title), 2):
            ours = qv.elide_right(metrics, title, width)
            kept = ours.removesuffix(qv.ELLIPSIS).removesuffix(qv.ZWJ)
            assert metrics.horizontalAdvance(ours) <= width, (width, ours)
            assert kept == kept.rstrip(), (width, ours)
            if not kept or len(kept) in ends:
                last = kept.rsplit(None, 1)
                assert len(last) <= 1 or len(qv._cut_points(last[-1])) > 1, (width, ours)
                continue  # whole words, the last not of one letter
            before = [end for end in ends if end < len(kept)]
            if not before:
                continue  # the first word, cut
            word = title[before[-1] :].lstrip()
            letters = len([at for at in cuts if len(title) - len(word) <= at < len(kept)])
            assert letters >= qv.STUB_LEAST, (width, ours)
            room = width - ellipsis
            nearest = max(end for end in ends if end <= len(kept))
            shown = metrics.horizontalAdvance(title[:nearest])
            assert shown < qv.WORD_CUT_SHARE * room, (width, ours)


def test_the_trial_titles_are_cut_at_words(qapp: QApplication) -> None:
    """The trial's cuts, at the widths that gave them: a stub of the next word («… و…», "the
    B…"), a space before the ellipsis ("word …"); and a word of one letter left last."""
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont("DejaVu Sans", 15))
    for title, qt_cut, cut in (
        ("Kerry meets the Brazilian minister", "Kerry meets the B", "Kerry meets the"),
        (
            "خطة تأمين الأسلحة الكيميائية والرئيس",
            "خطة تأمين الأسلحة الكيميائية و",
            "خطة تأمين الأسلحة الكيميائية",
        ),
        (
            "خطة تأمين الأسلحة الكيميائية و الرئيس",
            "خطة تأمين الأسلحة الكيميائية و ا",
            "خطة تأمين الأسلحة الكيميائية",
        ),
        ("Kerry meets a Brazilian minister", "Kerry meets a B", "Kerry meets"),
        ("Talks began before the summit", "Talks began ", "Talks began"),
    ):
        width = metrics.horizontalAdvance(qt_cut + qv.ELLIPSIS) + 1
        assert qv.elide_right(metrics, title, width) == cut + qv.ELLIPSIS, title


@pytest.mark.parametrize(
    "title",
    [
        "علم 🇸🇦🇪🇬🇺🇸 أعلام",  # a flag is two regional indicators
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland",  # tags
        "\u1100\u1161\u11a8\u1100\u1161\u11a8 jamo",  # Hangul syllables spelt in jamo
        "क्षि क्षि क्षि",  # a conjunct with its spacing vowel sign
        "\u0600\u0661\u0662 رقم \u0600\u0663",  # the Arabic number sign goes with its digits
    ],
    ids=["flags", "tags", "jamo", "conjunct", "prepend"],
)
def test_a_title_is_never_cut_inside_a_grapheme(qapp: QApplication, title: str) -> None:
    from PySide6.QtCore import QTextBoundaryFinder
    from PySide6.QtGui import QFont, QFontMetrics

    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, title)
    metrics = QFontMetrics(QFont())
    for width in range(0, metrics.horizontalAdvance(title) + 4):
        ours = qv.elide_right(metrics, title, width)
        assert metrics.horizontalAdvance(ours) <= width
        if ours in ("", title):
            continue
        kept = ours.removesuffix(qv.ELLIPSIS).removesuffix(qv.ZWJ)
        assert title.startswith(kept)
        finder.setPosition(len(kept.encode("utf-16-le")) // 2)
        assert finder.isAtBoundary(), (width, kept)


def test_a_names_first_letters_keep_their_marks(qapp: QApplication) -> None:
    """The least a cut name keeps (a dock's tab, the review queue's label column): whole
    letters — a haraka with its letter — and an ellipsis; a short name whole."""
    assert qv.first_letters("منظمة", 5) == "منظمة"
    assert qv.first_letters("Organisation", 5) == "Organ…"
    assert qv.first_letters("مُنَظَّمَةٌ دولية", 3) == "مُنَظَّ…"
    assert qv.first_letters("", 5) == ""
