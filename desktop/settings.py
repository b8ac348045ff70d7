"""Every user option declared once — key, type, default, meaning — over one QSettings file.

Declaring them here (as Picard does) means no widget invents a key, a typo is an AttributeError
instead of a silently ignored value, and wrong types read from a hand-edited file fall back to
the default instead of crashing.
"""

from __future__ import annotations

import math
import os
import zlib
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


class Setting(Generic[T]):
    """A setting's key, the type its value is read as, its default and what it is for; a
    number's valid range (``minimum``, ``maximum``: a value read outside it is brought to the
    nearer end, one that is not a finite number is the default) and a text's valid values
    (``choices``: anything else read is the default). A plain slotted class, only read by
    attribute: a (generic) NamedTuple cost about 1 M instructions of every start-up to make."""

    __slots__ = ("choices", "default", "doc", "key", "maximum", "minimum", "type")

    def __init__(
        self,
        key: str,
        type_: type,
        default: T,
        doc: str,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        choices: tuple[str, ...] = (),
    ) -> None:
        self.key = key
        self.type = type_
        self.default = default
        self.doc = doc
        self.minimum = minimum
        self.maximum = maximum
        self.choices = choices


WINDOW_GEOMETRY: Setting[QByteArray] = Setting(
    "window/geometry", QByteArray, QByteArray(), "Main window position and size."
)
WINDOW_STATE: Setting[QByteArray] = Setting(
    "window/state", QByteArray, QByteArray(), "Dock and toolbar layout of the main window."
)
READER_FONT_FAMILY: Setting[str] = Setting(
    "reader/font_family", str, "", "Reader font; empty picks the best installed Arabic font."
)
READER_FONT_SIZE: Setting[float] = Setting(
    "reader/font_size",
    float,
    15.0,
    "Reader base font size in points, before zoom (the reader shows 8 to 48 points).",
    minimum=8.0,
    maximum=48.0,
)
READER_ZOOM: Setting[int] = Setting(
    "reader/zoom",
    int,
    0,
    "Zoom steps (a point each) added to the reader font size (Ctrl+= / Ctrl+- / Ctrl+0).",
    minimum=-40,  # from the largest base size to the smallest shown, and back
    maximum=40,
)
READER_LINE_HEIGHT: Setting[int] = Setting(
    "reader/line_height",
    int,
    165,
    "Reader line height in percent of the font's line spacing.",
    minimum=100,
    maximum=300,
)
SNAP_TO_WORDS: Setting[bool] = Setting(
    "tagging/snap_to_words", bool, True, "Grow selections to whole words (hold Alt to keep exact)."
)
SHOW_SUGGESTIONS: Setting[bool] = Setting(
    "tagging/show_suggestions", bool, True, "Offer rule-based entity and claim suggestions."
)
OFFER_NAME_PARTS: Setting[bool] = Setting(
    "tagging/offer_name_parts",
    bool,
    True,
    "When an edit creates a person from a name of several parts, offer the parts as aliases "
    "(a bar under the article; nothing is added without the analyst's confirmation).",
)
SUGGESTION_THRESHOLD: Setting[float] = Setting(
    "suggestions/threshold",
    float,
    0.6,
    "Lowest score (0 to 1) of the suggestions shown in the reader and the Review Queue: the "
    "model's (persons, places and organisations each add their offset, "
    "desktop.learn.tagger.OFFSETS); the rules', registry's and gazetteer's from 0.1 lower "
    "(desktop.learn.pending.SOURCE_OFFSETS).",
    minimum=0.0,
    maximum=1.0,
)
RETRAIN_AFTER: Setting[int] = Setting(
    "suggestions/retrain_after",
    int,
    20,
    "Entity tags and decisions on suggestions after which the model is trained again.",
    minimum=1,
    maximum=1000,
)
AUTHOR_NAME: Setting[str] = Setting(
    "user/name", str, "", "Name recorded as the author of annotations."
)
AUTHOR_ASKED: Setting[bool] = Setting(
    "user/name_asked", bool, False, "Whether the analyst was asked their name once already."
)
GUIDE_DISMISSED: Setting[bool] = Setting(
    "guide/dismissed", bool, False, "The first-run guide beside the sample articles was closed."
)
RECENT_PROJECTS: Setting[str] = Setting(
    "projects/recent", str, "", "Recently opened project files, most recent first, one a line."
)
THEME: Setting[str] = Setting(
    "view/theme", str, "system", "Colour theme: system (follow the desktop), light or dark."
)
INTERFACE_LANGUAGE: Setting[str] = Setting(
    "ui/language",
    str,
    "",
    "Interface language: 'ar' or 'en'; empty follows the system locale. Applies on restart.",
)
LIBRARY_SORT_COLUMN: Setting[str] = Setting(
    "library/sort_column",
    str,
    "date",
    "The column the library is sorted by (a click on its header): title, date or annotations "
    "(the tag count). The analyst's way of reading, kept for every project.",
    choices=("title", "date", "annotations"),
)
LIBRARY_SORT_DESCENDING: Setting[bool] = Setting(
    "library/sort_descending",
    bool,
    True,
    "Whether the library is sorted from the end (the newest, Z, the most tags) first.",
)


def _folder(key: str, doc: str) -> Setting[str]:
    return Setting(f"folders/{key}", str, "", doc + " Empty: never chosen yet.")


# Where each kind of file dialog opens: the folder the analyst last chose in a dialog of that
# kind, in every project and after a restart (``desktop.ui.widgets.files.start_folder``; a
# folder gone since falls back to its nearest existing parent). Every dialog opened in the
# home folder, and an analyst importing from one folder all day walked there each time.
FOLDER_IMPORT_ARTICLES = _folder("import_articles", "Folder of the last File → Import Articles.")
FOLDER_IMPORT_FOLDER = _folder("import_folder", "Folder last imported with Import Folder.")
FOLDER_IMPORT_EXCHANGE = _folder(
    "import_exchange", "Folder of the last import of another tool's file (XMI, brat, QDPX, W3C)."
)
FOLDER_PROJECTS = _folder("projects", "Folder of the last project opened or created by a dialog.")
FOLDER_BRIEFING = _folder("briefing", "Folder the last Word briefing was exported to.")
FOLDER_EXPORT = _folder("export", "Folder of the last File → Export (CSV, JSON, exchange formats).")
FOLDER_FIGURES = _folder("figures", "Folder the last figure (PNG, SVG) was saved to.")
FOLDER_SETTINGS: tuple[Setting[str], ...] = (
    FOLDER_IMPORT_ARTICLES,
    FOLDER_IMPORT_FOLDER,
    FOLDER_IMPORT_EXCHANGE,
    FOLDER_PROJECTS,
    FOLDER_BRIEFING,
    FOLDER_EXPORT,
    FOLDER_FIGURES,
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    READER_FONT_FAMILY,
    READER_FONT_SIZE,
    READER_ZOOM,
    READER_LINE_HEIGHT,
    SNAP_TO_WORDS,
    SHOW_SUGGESTIONS,
    OFFER_NAME_PARTS,
    SUGGESTION_THRESHOLD,
    RETRAIN_AFTER,
    AUTHOR_NAME,
    AUTHOR_ASKED,
    GUIDE_DISMISSED,
    RECENT_PROJECTS,
    THEME,
    INTERFACE_LANGUAGE,
    LIBRARY_SORT_COLUMN,
    LIBRARY_SORT_DESCENDING,
    *FOLDER_SETTINGS,
)


class Settings:
    """Typed access to the declared settings."""

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings
        self._changed = False

    @classmethod
    def at(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, setting: Setting[T]) -> T:
        """The setting's value, or its default when the file holds none, or one of another
        type (a hand-edited hamish.ini: ``font_size=big``, a list where a word was), or a
        text outside its ``choices``; a number outside its range is brought to the nearer
        end, and one that is not finite (``nan``, ``inf``) is the default."""
        value = self._q.value(setting.key, setting.default)
        if value is None:
            return setting.default
        kind = setting.type
        try:
            if kind is QByteArray:
                if isinstance(value, QByteArray):
                    return cast(T, value)
                if isinstance(value, bytes | bytearray):
                    return cast(T, QByteArray(value))
                return setting.default
            if kind is bool:
                if isinstance(value, bool):
                    return cast(T, value)
                word = str(value).strip().lower() if isinstance(value, str | int) else None
                if word in ("1", "true", "yes", "on"):
                    return cast(T, True)
                if word in ("0", "false", "no", "off"):
                    return cast(T, False)
                return setting.default
            if kind is str:
                if not isinstance(value, str) or (setting.choices and value not in setting.choices):
                    return setting.default
                return cast(T, value)
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                return setting.default  # a list (``1,2`` in the file), a byte array, …
            number = kind(value)
        except (TypeError, ValueError, OverflowError):
            return setting.default
        return cast(T, _in_range(setting, number))

    def set(self, setting: Setting[T], value: T) -> None:
        self._set(setting.key, value)

    def _set(self, key: str, value: Any) -> None:
        """``value`` at ``key`` — unless the file holds it already: ``QSettings`` rewrites the
        whole file (two ``fdatasync`` and a rename) for any ``setValue``, even of the value it
        holds, and the window's start-up set three such values (the snap-to-words action's
        state, the last document, the recent projects), which rewrote the file before the
        first paint of every launch."""
        if self._changed or not self._holds(key, value):
            self._q.setValue(key, value)
            self._changed = True

    def _holds(self, key: str, value: Any) -> bool:
        """Whether the *file* holds ``value`` at ``key``. QSettings answers from what it read
        last: another Hamish may have written the file since, and a value skipped as held
        would then be lost (the other one's kept). ``sync`` re-reads the file if it changed
        (a ``stat`` if not); it would also write this object's pending changes, so once a
        value has been set (``_changed``) nothing is skipped — it goes out in that write."""
        if not self._equal(key, value):
            return False
        self._q.sync()
        return self._equal(key, value)

    def _equal(self, key: str, value: Any) -> bool:
        if not self._q.contains(key):
            return False
        stored = self._q.value(key)
        if type(stored) is type(value):
            return bool(stored == value)
        if isinstance(stored, str) and type(value) in (bool, int):  # as read from the file
            return stored == (str(value).lower() if isinstance(value, bool) else str(value))
        return False

    def author(self) -> str:
        """The analyst's name for annotations: the setting, else the account's full name, else
        nothing — never a bare login name such as "root" (see ``account_full_name``)."""
        name = self.get(AUTHOR_NAME).strip()
        return name or account_full_name()

    def project_value(self, project: Path, name: str, default: Any = None) -> Any:
        """Per-project UI state (e.g. the last open document), keyed by the project's path."""
        return self._q.value(f"projects/{_project_key(project)}/{name}", default)

    def set_project_value(self, project: Path, name: str, value: Any) -> None:
        self._set(f"projects/{_project_key(project)}/{name}", value)

    def sync(self) -> None:
        self._q.sync()
        self._changed = False


def _in_range(setting: Setting[Any], number: Any) -> Any:
    """``number`` brought into the setting's range; the default when it is not finite."""
    if isinstance(number, float) and not math.isfinite(number):
        return setting.default
    if setting.minimum is not None and number < setting.minimum:
        return setting.type(setting.minimum)
    if setting.maximum is not None and number > setting.maximum:
        return setting.type(setting.maximum)
    return number


def account_full_name() -> str:
    """The full name of the account (the first field of its GECOS entry), or "" when the
    account has none: a login name ("root", "jdoe") is not a name to sign a briefing with."""
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError, AttributeError):
        return ""
    name = entry.pw_gecos.split(",")[0].strip()
    return "" if name == entry.pw_name else name


def _project_key(project: Path) -> str:
    # A short stable key, not a secret: zlib's CRC avoids loading OpenSSL at start-up.
    data = str(project.resolve()).encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
