"""Text direction for the analyst's own words: fields that follow what is typed, and messages
that keep embedded titles, file names and dates in their places.

- ``follow_content(widget)``: a QLineEdit, QPlainTextEdit, QTextEdit or editable QComboBox takes
  its direction and alignment from the FIRST STRONG character of its text (Arabic, Hebrew… →
  right-to-left; Latin → left-to-right; none, as in an empty field or "2026", → the
  interface's layout direction), updated as the analyst types. A QTextEdit aligns each
  paragraph by itself (``Qt.LayoutDirectionAuto`` on the document's default text option);
  QPlainTextEdit's layout ignores per-paragraph direction and does not mirror "leading"
  alignment, so there the whole text follows its first strong character with an explicit
  side (as the reader pane does). The analyst's multi-line fields (notes, aliases, the
  briefing's summary) are therefore ``PlainTextField`` (``plain_text.py``): a QTextEdit
  that takes plain text only, so a note with an English paragraph under an Arabic one lays
  out each in its own direction.
- ``isolate(text)``: FSI … PDI (Unicode bidi isolation) around a piece of data inside a
  sentence, so an Arabic title or file name neither drags the numbers, punctuation and words
  around it to its side nor is scrambled by them. Dates and other digit groups inside it
  ("2026-12-01") are isolated left-to-right so they are not read backwards.
- ``link_html(url)``: an address inside a rich-text sentence: a link, isolated left to right
  and never broken across lines.
- ``show_elided(bar, message)``: QStatusBar draws its message clipped, not elided; this cuts a
  long message at its logical end with "…".
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QStatusBar, QWidget

from desktop.ops.outcome import short
from desktop.ui import qtvalues as qv
from desktop.ui.qtvalues import Qt

if TYPE_CHECKING:
    # QComboBox and QTextEdit are imported where a field of theirs is met: the fields made
    # before the first paint (the library's filter) are line edits, and each Qt class
    # Python touches first builds its enums (about 4 M instructions for these two).
    from PySide6.QtWidgets import QComboBox, QTextEdit

FSI = "\u2068"  # FIRST STRONG ISOLATE: direction from the isolated text itself
LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
RLM = "\u200f"  # RIGHT-TO-LEFT MARK

_ISOLATES = (FSI, LRI, "\u2067", PDI)
# Digits joined by date/time/number separators: "2026-12-01", "01/12/2026", "10:30", "3.5".
_DIGIT_GROUP = re.compile(r"\d+(?:[-/.:]\d+)+")


def first_strong(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strong character of ``text`` (the Unicode P2/P3 rule that
    HTML's dir="auto" uses, and Qt's for a label), or None when it has none (empty, digits,
    punctuation). As P2 says, what is inside an isolate (``isolate(…)``) does not count."""
    rtl = first_strong_rtl(text)
    if rtl is None:
        return None
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def first_strong_rtl(text: str) -> bool | None:
    """``first_strong`` as a bool (right to left), with no Qt enum (see ``qtvalues``)."""
    bidirectional = unicodedata.bidirectional
    depth = 0
    for ch in text:
        cls = bidirectional(ch)
        if cls in ("FSI", "LRI", "RLI"):
            depth += 1
        elif cls == "PDI":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif cls == "L":
            return False
        elif cls in ("R", "AL"):
            return True
    return None


def in_interface_direction(text: str) -> str:
    """``text`` laid out in the interface's direction, each line: a right-to-left mark (or a
    left-to-right one) before a line whose first strong character is of the other direction.
    A label lays each line out by its first strong character, so an Arabic message that
    begins with a file's path (an isolated one too: Qt does not look past the isolate) was
    laid out left to right, its brackets and full stop in the wrong places (a trial)."""
    from PySide6.QtGui import QGuiApplication

    rtl = QGuiApplication.isRightToLeft()
    mark, other = (RLM, "L") if rtl else (LRM, "R")
    lines = text.split("\n")
    for index, line in enumerate(lines):
        for ch in line:
            cls = unicodedata.bidirectional(ch)
            if cls in ("L", "R", "AL"):
                if cls == other or (other == "R" and cls == "AL"):
                    lines[index] = mark + line
                break
    return "\n".join(lines)


def html_dir(text: str) -> str:
    """The HTML ``dir`` value for ``text``: "rtl"/"ltr" by its first strong character, "auto"
    when it has none. Qt's rich text does not understand dir="auto", so the decision is made
    here rather than left to the renderer."""
    direction = first_strong(text)
    if direction is None:
        return "auto"
    return "rtl" if direction == Qt.LayoutDirection.RightToLeft else "ltr"


def isolate(text: str) -> str:
    """``text`` wrapped in FSI … PDI, ready to embed in a sentence of either direction.

    Digit groups such as dates are isolated left-to-right inside it: after an Arabic word
    the Unicode algorithm treats "2026-12-01" as three Arabic numbers laid out right to left
    ("01-12-2026"). Isolation characters already in ``text`` are dropped first so a title
    cannot leave an isolate open and swallow the rest of the message."""
    for mark in _ISOLATES:
        text = text.replace(mark, "")
    text = _DIGIT_GROUP.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)
    return f"{FSI}{text}{PDI}"


def isolate_path(text: str) -> str:
    """A file name or path isolated LEFT TO RIGHT: "إحاطة-2026-12-02.docx" keeps its
    extension at the right end and a path its slashes in order, where a first-strong isolate
    would lay an Arabic file name out right to left and move ".docx" to its middle."""
    for mark in _ISOLATES:
        text = text.replace(mark, "")
    return f"{LRI}{text}{PDI}"


WJ = "\u2060"  # WORD JOINER: no line break here


def link_html(url: str) -> str:
    """``url`` as a rich-text link that reads left to right inside a sentence of either
    direction and is never broken across lines: wrapped after a slash in an Arabic sentence,
    its two halves landed at opposite ends of two lines (Help → About, a trial). Isolated,
    and a word joiner after each slash, dot and underscore in the text shown (Qt's rich text
    ignores ``white-space: nowrap`` on a span); the link itself is the plain address."""
    from html import escape  # (this module loads before the first paint; html need not)

    shown = re.sub(r"([/._])", rf"\1{WJ}", url)
    return f'<a href="{escape(url)}">{LRI}{escape(shown)}{PDI}</a>'


def list_separator() -> str:
    """ ", " in English, "، " (the Arabic comma) in Arabic: between the counts of a summary."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Lists", ", ")


def isolate_short(text: str, limit: int = 60) -> str:
    """``isolate`` of ``text`` with its whitespace collapsed and, when longer than ``limit``,
    cut at its end with "…" (inside the isolate, so the ellipsis sits where the title stops
    in its own direction)."""
    return isolate(short(text, limit))


def show_elided(bar: QStatusBar, message: str, timeout_ms: int = 0) -> None:
    """``bar.showMessage`` with a message too wide for the bar cut at its end with "…".

    QStatusBar paints its message clipped at the far edge, which after bidi reordering can
    be the middle of the sentence; eliding the logical text keeps its beginning whole. A
    bar that has not been laid out yet shows the message as it is."""
    width = bar.width() - 12
    for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isVisible():
            width -= child.width()
    if message and bar.isVisible() and width > 40:
        message = bar.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, width)
    bar.showMessage(message, timeout_ms)


TextField: TypeAlias = "QLineEdit | QPlainTextEdit | QTextEdit | QComboBox"


class _Follower(QObject):
    """Keeps one field's direction in step with its text (a child of the field, so it lives
    and dies with it)."""

    def __init__(
        self, field: QLineEdit | QPlainTextEdit | QTextEdit, neutral: Qt.LayoutDirection | None
    ) -> None:
        super().__init__(field)
        self.field = field
        self.neutral = neutral
        field.textChanged.connect(self.update)
        # Watching starts once the event loop runs: the first look at Qt's alignment, widget
        # attribute and event-type enums makes PySide build their Python types (~15 ms), which
        # fields made at start-up (the library filter, the find bar) must not add before the
        # window's first paint. A field is empty then, so nothing is missed.
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        self.field.installEventFilter(self)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.LayoutDirectionChange:
            self.update()
        return False

    def update(self) -> None:
        field = self.field
        if isinstance(field, QLineEdit):
            _follow_line(field, first_strong(field.text()) or self.neutral)
        elif isinstance(field, QPlainTextEdit):
            _follow_plain(field, first_strong(field.toPlainText()) or self.neutral)
        else:
            _follow_rich(field, self.neutral)


def _side(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    if direction == Qt.LayoutDirection.RightToLeft:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute


_DIRECTION_SET = "hamish_direction_set"  # dynamic properties: what _follow_line set last
_ALIGNMENT_SET = "hamish_alignment"


def _follow_line(field: QLineEdit, direction: Qt.LayoutDirection | None) -> None:
    """With ints and Qt's properties, and what it set remembered on the field: asking the
    field its alignment or direction answers a Qt enum, and the library's filter follows its
    content from before the first paint, when making one builds the Qt namespace (qtvalues).
    The vertical alignment is the line edit's own (centred), which nothing here changes."""
    if direction is None:
        # Empty or neutral text (and the placeholder) follow the interface.
        if field.property(_DIRECTION_SET):
            field.unsetLayoutDirection()
            field.setProperty(_DIRECTION_SET, False)
        rtl = field.isRightToLeft()
    else:
        rtl = direction == Qt.LayoutDirection.RightToLeft
        if field.isRightToLeft() != rtl:
            qv.set_property(field, "layoutDirection", qv.direction(rtl))
            field.setProperty(_DIRECTION_SET, True)
    side = qv.ALIGN_RIGHT if rtl else qv.ALIGN_LEFT
    alignment = side | qv.ALIGN_ABSOLUTE | qv.ALIGN_VCENTER
    if field.property(_ALIGNMENT_SET) != alignment:
        qv.set_property(field, "alignment", alignment)
        field.setProperty(_ALIGNMENT_SET, alignment)


def _follow_plain(field: QPlainTextEdit, direction: Qt.LayoutDirection | None) -> None:
    if direction is None:
        direction = field.layoutDirection()
    document = field.document()
    option = QTextOption(document.defaultTextOption())
    side = _side(direction)
    if option.textDirection() == direction and option.alignment() == side:
        return
    option.setTextDirection(direction)
    option.setAlignment(side)
    document.setDefaultTextOption(option)


def _follow_rich(field: QTextEdit, neutral: Qt.LayoutDirection | None) -> None:
    document = field.document()
    option = QTextOption(document.defaultTextOption())
    # Each paragraph takes the direction of its own first strong character, and its
    # "leading" alignment mirrors with it (verified for Qt 6: QTextDocumentLayout honours this;
    # QPlainTextDocumentLayout does not). A text with no strong character at all (an empty
    # field) takes ``neutral``: left to "auto", Qt would use the keyboard's direction.
    if first_strong(field.toPlainText()) is None:
        direction = neutral or field.layoutDirection()
    else:
        direction = Qt.LayoutDirection.LayoutDirectionAuto
    if option.textDirection() == direction and not (
        option.alignment() & Qt.AlignmentFlag.AlignAbsolute
    ):
        return
    option.setTextDirection(direction)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft)
    document.setDefaultTextOption(option)


def follow_content(*fields: TextField, neutral: Qt.LayoutDirection | None = None) -> None:
    """Make each field follow its content's direction (see the module's docstring).

    ``neutral``: the direction while a field has no strong character (empty, digits only),
    for a field meant for one script such as an Arabic name; by default the interface's."""
    for field in fields:
        if isinstance(field, QLineEdit | QPlainTextEdit):
            _Follower(field, neutral)
            continue
        from PySide6.QtWidgets import QComboBox

        if isinstance(field, QComboBox):
            editor = field.lineEdit()
            if editor is None:
                continue
            _Follower(editor, neutral)
        else:
            _Follower(field, neutral)


def set_neutral(field: TextField, neutral: Qt.LayoutDirection | None) -> None:
    """Change the direction a following field takes while it has no strong character (the
    briefing's fields take the report language's)."""
    from PySide6.QtWidgets import QComboBox

    target = field.lineEdit() if isinstance(field, QComboBox) else field
    if target is None:
        return
    for follower in target.findChildren(_Follower):
        follower.neutral = neutral
        follower.update()
