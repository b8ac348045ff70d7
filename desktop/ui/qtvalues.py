"""Qt's enum values as plain ints, for what the window does before its first paint.

PySide builds the whole ``Qt`` namespace — its 93 Python enums, 1,195 members made by Python's
``enum`` — the first time anything touches it: ``from PySide6.QtCore import Qt``, any
``Qt.…`` attribute, Qt handing Python a ``Qt`` enum (a Python model's ``headerData`` is
handed a ``Qt.Orientation``), and PySide choosing between overloads when one of them takes a
``Qt`` enum (``QBrush(QColor)`` against ``QBrush(Qt.GlobalColor)``, ``QTextOption(option)``
against ``QTextOption(Qt.Alignment)``, ``QPainter.setPen``). That is about 114 M instructions
on Python 3.11, a tenth of Hamish's start-up, and the bare PySide window never pays it. So the
modules the first paint runs name no ``Qt`` at their top: what they set before the paint goes
through Qt's property system, which takes an int (``set_property``), or is made by Qt itself
from ints (the helpers below). What runs later names ``Qt`` as before, through this module's
``Qt``: PySide's own to the type checker, and at run time a stand-in that fetches it at its
first attribute — so a module can import it at its top and build nothing until then.
``benchmarks/startup.py --qt-namespace`` lists whatever still builds it before the paint.

The values are Qt 6's (qnamespace.h); ``tests/ui/test_qtvalues.py`` checks each against
PySide's own enum, and that every property set here exists on its class.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtCore import Qt as Qt  # re-exported: the stand-in below, to the checker
    from PySide6.QtGui import QBrush, QColor, QFontMetrics, QTextOption
    from PySide6.QtWidgets import QHeaderView
else:

    class _Qt:
        """``PySide6.QtCore.Qt``, fetched (and so built) at the first attribute asked."""

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__"):  # introspection (PySide's import hook asks for some)
                raise AttributeError(name)
            from PySide6.QtCore import Qt

            return getattr(Qt, name)

    Qt = _Qt()

# Qt.AlignmentFlag
ALIGN_LEFT = 0x0001
ALIGN_RIGHT = 0x0002
ALIGN_HCENTER = 0x0004
ALIGN_ABSOLUTE = 0x0010
ALIGN_VCENTER = 0x0080
ALIGN_LEADING = ALIGN_LEFT  # Qt.AlignLeading: the left, mirrored in a right-to-left widget
ALIGN_CENTER = ALIGN_HCENTER | ALIGN_VCENTER
# Qt.LayoutDirection
LEFT_TO_RIGHT = 0
RIGHT_TO_LEFT = 1
# Qt.ItemDataRole
DISPLAY_ROLE = 0
DECORATION_ROLE = 1
TOOLTIP_ROLE = 3
FONT_ROLE = 6
TEXT_ALIGNMENT_ROLE = 7
FOREGROUND_ROLE = 9
USER_ROLE = 0x0100
# Qt.ShortcutContext
WIDGET_SHORTCUT = 0
# Qt.ToolButtonStyle
TOOL_BUTTON_ICON_ONLY = 0
TOOL_BUTTON_TEXT_BESIDE_ICON = 2
# Qt.TextFormat
PLAIN_TEXT = 0
# Qt.TextInteractionFlag
TEXT_SELECTABLE_BY_MOUSE = 1
TEXT_SELECTABLE_BY_KEYBOARD = 2
# Qt.TextElideMode
ELIDE_RIGHT = 1
# Qt.ContextMenuPolicy
CUSTOM_CONTEXT_MENU = 3


def direction(rtl: bool) -> int:
    """The ``Qt.LayoutDirection`` value of a right-to-left (or left-to-right) direction."""
    return RIGHT_TO_LEFT if rtl else LEFT_TO_RIGHT


def set_property(target: QObject, name: str, value: int) -> None:
    """Set the enum (or flags) property ``name`` of ``target`` to ``value``: Qt converts the
    int. Raises if the class has no such property or Qt refused the value — a property Qt
    renamed must fail loudly, not leave the widget as it was."""
    if target.metaObject().indexOfProperty(name) < 0:
        raise AttributeError(f"{type(target).__name__} has no Qt property {name!r}")
    if not target.setProperty(name, value):
        raise ValueError(f"{type(target).__name__}.{name} refused {value!r}")


_BRUSHES: dict[int, QBrush] = {}


def solid_brush(color: QColor) -> QBrush:
    """A solid brush of ``color``: a pen's (``QPen.setColor`` has one overload; ``QBrush``'s
    constructor and ``setColor`` have ``Qt`` enum ones). One per colour, kept: the library
    and the annotations panel ask for one for every painted cell of their grey rows, and
    the highlighter for every format it makes (Qt copies a brush it is given)."""
    key = color.rgba()
    brush = _BRUSHES.get(key)
    if brush is None:
        from PySide6.QtGui import QPen

        pen = QPen()
        pen.setColor(color)
        brush = _BRUSHES[key] = pen.brush()
    return brush


def text_option(base: QTextOption, rtl: bool) -> QTextOption:
    """``base`` with its alignment set to the side ``rtl`` says (absolute, so not mirrored
    again) and its text direction so. ``QTextOption`` has no property: Qt's rich-text layout
    makes the option of a block from its format's int properties, so a scratch document of
    one such block, laid out, hands it over."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

    scratch = QTextDocument()
    scratch.setDefaultTextOption(base)
    block = QTextBlockFormat()
    side = (ALIGN_RIGHT if rtl else ALIGN_LEFT) | ALIGN_ABSOLUTE
    block.setProperty(QTextFormat.Property.BlockAlignment.value, side)
    block.setProperty(QTextFormat.Property.LayoutDirection.value, direction(rtl))
    QTextCursor(scratch).setBlockFormat(block)
    scratch.setTextWidth(1000)  # any width: without one the layout would not wrap
    scratch.size()  # lays the block out
    layout = scratch.firstBlock().layout()
    assert layout is not None
    return layout.textOption()


# QHeaderView.saveState(): a marker, a version, then the orientation, the sort indicator's
# order and its section, each a big-endian int32 (QHeaderViewPrivate::write).
_SORT_ORDER = slice(12, 16)
_SORT_SECTION = slice(16, 20)


def set_sort_indicator(header: QHeaderView, section: int, descending: bool) -> None:
    """``header.setSortIndicator(section, order)`` without the ``Qt.SortOrder``: the two
    ints written into the header's saved state, restored with its signals blocked (a
    Python slot of ``sortIndicatorChanged`` would be handed a ``Qt.SortOrder``). Nothing is
    sorted: the model is expected to be in that order already."""
    from PySide6.QtCore import QByteArray

    state = bytearray(header.saveState().data())
    state[_SORT_ORDER] = (1 if descending else 0).to_bytes(4, "big")
    state[_SORT_SECTION] = section.to_bytes(4, "big", signed=True)
    data = QByteArray(bytes(state))
    blocked = header.blockSignals(True)
    try:
        restored = header.restoreState(data)
    finally:
        header.blockSignals(blocked)
    if not restored:
        raise ValueError("the header refused its own state with a new sort indicator")


# QMainWindow.saveState(): QDockAreaLayout's markers and Qt's dock areas (QInternal::DockPosition).
_VERSION_MARKER = 0xFF
_DOCK_STATE_MARKER = 0xFD
_SEQUENCE_MARKER = 0xFC
_WIDGET_MARKER = 0xFB
_TOOLBAR_STATE_MARKER_EX = 0xFC
LEFT_DOCK, RIGHT_DOCK = 0, 1
_VERTICAL = 2  # Qt.Orientation.Vertical: a side area stacks its docks top to bottom
# Qt.DockWidgetArea
LEFT_AREA, RIGHT_AREA, TOP_AREA, BOTTOM_AREA = 1, 2, 4, 8
_NO_MAXIMUM = 0xFFFFFF  # QWIDGETSIZE_MAX


def side_docks_state(sides: dict[int, tuple[str, int]], version: int = 0) -> bytes:
    """What ``QMainWindow.saveState(version)`` gives for one visible dock in each side area
    (``sides``: ``LEFT_DOCK``/``RIGHT_DOCK`` → the dock's object name and its width) and no
    toolbar yet: ``restoreState`` of it docks them there, at those widths, as
    ``addDockWidget(area, dock)`` and ``resizeDocks`` would, with no ``Qt`` enum.
    ``tests/ui/test_qtvalues.py`` compares it with Qt's own ``saveState``."""
    import struct

    def i32(*values: int) -> bytes:
        return struct.pack(f">{len(values)}i", *values)

    out = [i32(_VERSION_MARKER, version), bytes([_DOCK_STATE_MARKER]), i32(len(sides))]
    for area in sorted(sides):
        name, width = sides[area]
        encoded = codecs.utf_16_be_encode(name)[0]  # no lookup by name: see offsets.py
        out += [
            i32(area, width, 0),  # the area's index and size (its height comes with the window)
            bytes([_SEQUENCE_MARKER, _VERTICAL]),
            i32(1),  # one item
            bytes([_WIDGET_MARKER]),
            i32(len(encoded)),
            encoded,
            bytes([1]),  # visible, docked
            i32(0, -1, 0, _NO_MAXIMUM),  # position, size (to be laid out), minimum, maximum
        ]
    out += [
        i32(0, 0),  # the central widget's size (laid out with the window)
        i32(TOP_AREA, TOP_AREA, BOTTOM_AREA, BOTTOM_AREA),  # the corners, Qt's default
        bytes([_TOOLBAR_STATE_MARKER_EX]),
        i32(0),  # no toolbar lines
    ]
    return b"".join(out)


ELLIPSIS = "…"
ZWJ = "\u200d"


WORD_CUT_SHARE = 0.7  # a word boundary this far into the room is preferred to a mid-word cut
STUB_LEAST = 3  # letters (graphemes) of a word cut in its middle, fewer a stub


def elide_right(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut at its end to fit in ``width`` with an ellipsis, without the
    ``Qt.TextElideMode`` of ``metrics.elidedText`` (the reader's title is cut before the first
    paint on a small screen). Cut as a reader expects (a trial: «… و…», "the B…", "word …"):
    after the last whole word that fits (not a word of one letter, as «و»), the spaces
    before the ellipsis trimmed, when that
    word ends in the last ``1 - WORD_CUT_SHARE`` of the room or when cutting the next word
    would leave a stub of it (fewer than ``STUB_LEAST`` letters); inside a word only when no
    word ends near enough — a single word too long, or the first. A word is cut as Qt cuts:
    the longest start that fits, between characters — never before a combining mark (a
    haraka stays with its letter), a joiner, a variation selector or a skin tone — and, where
    the character cut off would have joined the last one kept (Arabic), a zero-width joiner
    before the ellipsis, so that letter keeps its joined form. Nothing when not even the
    ellipsis fits. (Qt measures the start as shaped in the whole line; this, as shaped alone:
    a letter or two may differ.)"""
    if metrics.horizontalAdvance(text) <= width:
        return text
    room = width - metrics.horizontalAdvance(ELLIPSIS)
    if room < 0:
        return ""
    cuts = _cut_points(text)
    low, high = 0, len(cuts) - 1  # cuts[low] fits (the empty start always does)
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[: cuts[middle]]) <= room:
            low = middle
        else:
            high = middle - 1
    while True:  # the line as shaped whole may be a pixel wider than its parts' sum
        line = _word_cut(metrics, text, cuts, low, room)
        if low == 0 or metrics.horizontalAdvance(line) <= width:
            return line
        low -= 1


def _word_cut(metrics: QFontMetrics, text: str, cuts: list[int], low: int, room: int) -> str:
    """The line for ``text`` cut at ``cuts[low]`` or before: at the last word's end when it
    is near enough or the word after it would be a stub, else at ``cuts[low]`` itself."""
    at = cuts[low]
    word = low  # the cut before the last space at or before ``at`` (a word's end)
    while word > 0 and not text[cuts[word]].isspace():
        word -= 1
    kept = text[: cuts[word]].rstrip() if word > 0 else ""
    if kept:
        start = word  # the cut where the word cut in its middle begins
        while start < low and text[cuts[start]].isspace():
            start += 1
        if low - start < STUB_LEAST or metrics.horizontalAdvance(kept) >= WORD_CUT_SHARE * room:
            # Nor a word of one letter last, as «و» (and) or "a": the words before it.
            last = len(kept) - len(kept.rsplit(None, 1)[-1])
            if last and len(_cut_points(kept[last:])) == 1:
                kept = kept[:last].rstrip()
            return kept + ELLIPSIS
    return text[:at] + (ZWJ if _joins(text[at]) else "") + ELLIPSIS


def first_letters(text: str, count: int) -> str:
    """``text``'s first ``count`` letters (grapheme clusters: a haraka stays with its letter)
    and an ellipsis, or ``text`` whole when it has no more: the least a cut name keeps — a
    dock's tab, the review queue's label column."""
    cuts = _cut_points(text)
    return text if len(cuts) <= count else text[: cuts[count]] + ELLIPSIS


def _joins(char: str) -> bool:
    """Whether ``char`` joins the letter before it (Arabic's joining types R, D and C)."""
    import unicodedata

    arabic = "\u0620" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f"
    return (arabic and unicodedata.category(char) == "Lo" and char != "\u0621") or char in (
        "\u0640",  # tatweel
        ZWJ,
    )


def _cut_points(text: str) -> list[int]:
    """Where ``text`` may be cut (0 included, ``len(text)`` not): between Qt's own grapheme
    clusters (``QTextBoundaryFinder``, 0.5 ms, no ``Qt`` namespace), and not after a joiner.
    Python's character classes alone cut inside a flag (between its two regional
    indicators), a tag sequence, a Hangul syllable in jamo, an Indic conjunct or a spacing
    vowel sign, after a prepended mark (U+0600, the Arabic number sign) and between CR and LF."""
    from PySide6.QtCore import QTextBoundaryFinder

    starts: dict[int, int] = {}  # UTF-16 offset (Qt's) -> index in ``text``
    unit = 0
    for index, char in enumerate(text):
        starts[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    cuts = [0]
    while (boundary := finder.toNextBoundary()) != -1:
        at = starts.get(boundary)
        if at is not None and at > cuts[-1] and text[at - 1] != ZWJ:
            cuts.append(at)
    return cuts
