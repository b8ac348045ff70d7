"""The fonts loaded on the second core while the window's modules load.

Qt loads its font database at the first font the window asks for: on Linux and the BSDs,
fontconfig's ``FcInit`` (its configuration parsed, its caches mapped: 28 M instructions) and
then Qt's own list of the installed faces (34 M) — on the GUI thread, in the middle of
building the window, with the second core idle. (The bare PySide window pays the same.) Two
threads take this off the GUI thread, each in one call that does not hold Python's lock, so
that it runs beside the start-up's Python rather than before it:

- :func:`start_fontconfig`, as the process starts (before PySide is imported): ``FcInit``.
  Fontconfig makes its default configuration once and atomically (a second caller at the
  same moment makes its own and drops it), so Qt's own ``FcInit`` later finds it made.
- :func:`start_font_database`, once the ``QApplication`` exists (the database needs its
  platform) and before the window's modules are imported: ``QFontDatabase::isFixedPitch``
  of no family, which loads Qt's database under its mutex and answers False. Every
  ``QFontDatabase`` function is thread-safe; a window that asks for a font sooner waits on
  the mutex, as it would have waited for the loading.

Both are called through ``_ctypes`` (whose calls let go of Python's lock), not through
PySide: PySide's wrappers hold the lock through most of Qt's loading, which stopped the GUI
thread's Python for as long (measured: the GUI thread got it back only as the call ended).
``QFontDatabase::isFixedPitch(const QString &, const QString &)`` takes two references —
two pointers in the C++ ABI of every Linux and BSD platform — to a null ``QString``, which in
Qt 6 is three zero words (``QArrayDataPointer``: header, data, size), and returns a bool:
no value returned in memory, nothing to free. Qt 6 keeps both the symbol and the layout
binary-compatible across its minor versions.

Nothing here calls back into Python while Qt holds its font mutex, so the GUI thread,
holding Python's lock while it waits on the mutex, and a thread, which needs Python's lock
only after Qt let go of the mutex, cannot wait on each other — unless Qt's messages go to a
Python handler, which Qt calls from inside its loading: then the database is loaded on the
GUI thread, as before (:func:`python_handles_qt_messages`; the window installs none).
:func:`wait` joins both before the application is destroyed. Where anything is
missing — not fontconfig's platform (Windows, macOS), no ``_ctypes`` in a trimmed build, a
library or symbol not found — nothing is started or the thread ends quietly, and Qt loads
its fonts on the GUI thread as it always did.
"""

from __future__ import annotations

import sys
import threading

FONTCONFIG = "libfontconfig.so.1"  # the sonames Qt 6's libQt6Gui links against / is
QT_GUI = "libQt6Gui.so.6"
IS_FIXED_PITCH = "_ZN13QFontDatabase12isFixedPitchERK7QStringS2_"  # (const QString &, ×2)
_NULL_QSTRING_BYTES = 32  # a null QString is 3 pointer-sized zero words; room to spare

_started: list[threading.Thread] = []


def _uses_fontconfig() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def _start(target: object, name: str) -> threading.Thread | None:
    if not _uses_fontconfig():
        return None
    thread = threading.Thread(target=target, name=name, daemon=True)  # type: ignore[arg-type]
    thread.start()
    _started.append(thread)
    return thread


def start_fontconfig() -> threading.Thread | None:
    """``FcInit`` started on a daemon thread (returned); None where Qt's fonts are not
    fontconfig's."""
    return _start(initialise_fontconfig, "fontconfig")


def start_font_database() -> threading.Thread | None:
    """Qt's font database loaded on a daemon thread (returned); None where Qt's fonts are
    not fontconfig's, or while Python handles Qt's messages. Only once the ``QApplication``
    exists."""
    if python_handles_qt_messages():
        return None
    return _start(load_font_database, "font database")


def python_handles_qt_messages() -> bool:
    """Whether a Python function is Qt's message handler (``qInstallMessageHandler``): Qt
    would call it from the font database's thread while it holds its font mutex, and the
    function needs Python's lock — which the GUI thread holds while it waits on that mutex
    for its first font (an attack froze the start-up so, every time, with a handler that
    wrote to a file and Qt's font logging on). pytest-qt installs one; the window does not."""
    from PySide6.QtCore import qInstallMessageHandler

    handler = qInstallMessageHandler(None)  # the handler's only reader is its swap
    qInstallMessageHandler(handler)
    return handler is not None


def wait() -> None:
    """Join the threads started (before the application that the second one uses goes)."""
    while _started:
        _started.pop().join()


def initialise_fontconfig() -> bool:
    """Fontconfig's ``FcInit``; whether it reported success (False, without raising, when
    the library or ``_ctypes`` is missing)."""
    function = _function(FONTCONFIG, "FcInit", "i")
    return bool(function is not None and function())  # type: ignore[operator]


def load_font_database() -> bool:
    """Load Qt's font database, if it is not yet (``QFontDatabase::isFixedPitch`` of a null
    family); whether the call could be made. Only once the ``QApplication`` exists."""
    function = _function(QT_GUI, IS_FIXED_PITCH, "?", "P", "P")
    if function is None:
        return False
    import _ctypes

    null_qstring = type(  # ``ctypes.c_char * 32``, zeroed
        "NullQString", (_ctypes.Array,), {"_type_": _simple("c"), "_length_": _NULL_QSTRING_BYTES}
    )()
    function(null_qstring, null_qstring)  # type: ignore[operator]
    return True


def _simple(code: str) -> type:
    """The ``ctypes`` type of a ``struct``-style code (``c_int`` for ``i``)."""
    import _ctypes

    return type(f"c_{code}", (_ctypes._SimpleCData,), {"_type_": code})


def _function(library: str, symbol: str, result: str, *arguments: str) -> object | None:
    """``symbol`` of ``library`` as a C function of the ``struct``-style codes given
    (``i`` int, ``?`` bool, ``P`` pointer) — what ``ctypes.CFUNCTYPE`` builds, without the
    ``ctypes`` package's 7 M instructions of import; None when it cannot be had."""
    try:
        import _ctypes

        handle = _ctypes.dlopen(library, _ctypes.RTLD_LOCAL)
        address = _ctypes.dlsym(handle, symbol)
    except (ImportError, OSError, AttributeError):
        return None

    kind = type(
        "Function",
        (_ctypes.CFuncPtr,),
        {
            "_flags_": _ctypes.FUNCFLAG_CDECL,
            "_restype_": _simple(result),
            "_argtypes_": tuple(_simple(code) for code in arguments),
        },
    )
    function: object = kind(address)
    return function
