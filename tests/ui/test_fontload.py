"""The fonts loaded beside the start-up's Python (desktop/ui/fontload.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui import fontload

from .launching import launch_env

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fontconfig is Qt's font database on Linux"
)


@linux_only
def test_fontconfig_initialises_through_ctypes_own_module() -> None:
    assert fontload.initialise_fontconfig() is True
    assert fontload.initialise_fontconfig() is True  # again: fontconfig's own no-op


def test_a_missing_library_or_symbol_is_no_function() -> None:
    assert fontload._function("libhamish-no-such-library.so.1", "FcInit", "i") is None
    assert fontload._function(fontload.FONTCONFIG, "FcNoSuchFunction", "i") is None


@linux_only
def test_the_font_database_loads_on_a_thread_and_serves_the_gui_thread(
    qapp: QApplication,
) -> None:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QFontDatabase

    previous = qInstallMessageHandler(None)  # pytest-qt's, which keeps the database off
    try:
        thread = fontload.start_font_database()
        assert thread is not None and thread.name == "font database"
        fontload.wait()
    finally:
        qInstallMessageHandler(previous)
    assert not thread.is_alive()
    assert fontload.load_font_database() is True  # loaded already: answers at once
    assert QFontDatabase.families()


@linux_only
def test_neither_call_imports_the_ctypes_package(tmp_path: Path) -> None:
    """``ctypes`` itself is 7 M instructions of Python, run under the lock the window's
    imports need: the calls go through ``_ctypes``."""
    code = (
        "import sys\n"
        "from desktop.ui import fontload\n"
        "assert fontload.initialise_fontconfig()\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['test'])\n"
        "assert fontload.load_font_database()\n"
        "print('ctypes' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


@linux_only
def test_the_launch_loads_fonts_on_two_threads_at_the_right_moments(tmp_path: Path) -> None:
    """FcInit before PySide is imported; Qt's database once the application exists and
    before the window's modules load (what it runs beside); both done, on their own
    threads."""
    code = (
        "import sys, threading\n"
        "from desktop.ui import fontload\n"
        "seen = []\n"
        "def spy(name, function):\n"
        "    def spied(*args):\n"
        "        result = function(*args)\n"
        "        seen.append((name, threading.current_thread().name, result))\n"
        "        return result\n"
        "    return spied\n"
        "start_fc, start_db = fontload.start_fontconfig, fontload.start_font_database\n"
        "def first():\n"
        "    seen.append(('pyside before fontconfig', 'PySide6.QtCore' in sys.modules))\n"
        "    return start_fc()\n"
        "def second():\n"
        "    from PySide6.QtWidgets import QApplication\n"
        "    seen.append(('application', QApplication.instance() is not None))\n"
        "    seen.append(('window modules', 'desktop.ui.shell.mainwindow' in sys.modules))\n"
        "    return start_db()\n"
        "fontload.start_fontconfig, fontload.start_font_database = first, second\n"
        "fontload.initialise_fontconfig = spy('FcInit', fontload.initialise_fontconfig)\n"
        "fontload.load_font_database = spy('database', fontload.load_font_database)\n"
        "from desktop.cli import main\n"
        "assert main(['--lang', 'en']) == 0\n"
        "for item in seen: print(*item)\n"
    )
    env = launch_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith("first-paint")]
    assert "pyside before fontconfig False" in lines
    assert "application True" in lines
    assert "window modules False" in lines
    assert "FcInit fontconfig True" in lines
    assert "database font database True" in lines


@linux_only
def test_no_thread_while_python_handles_qt_messages(qapp: QApplication) -> None:
    """Qt calls a Python message handler from inside its font loading, holding its font
    mutex, while the GUI thread holds Python's lock and waits on that mutex: a deadlock an
    attack found. With a Python handler in place the database is left to the GUI thread."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        pass

    previous = qInstallMessageHandler(handler)
    try:
        assert fontload.python_handles_qt_messages()
        assert fontload.start_font_database() is None
        assert qInstallMessageHandler(handler) is handler  # left in place
    finally:
        qInstallMessageHandler(previous)
    if previous is None:
        assert not fontload.python_handles_qt_messages()


@linux_only
def test_the_launch_with_a_python_message_handler_and_font_logging_finishes(
    tmp_path: Path,
) -> None:
    """The attack's reproduction: a handler that lets go of Python's lock (it sleeps) and
    Qt's font logging on, which froze every launch."""
    code = (
        "import sys, time\n"
        "from PySide6.QtCore import qInstallMessageHandler\n"
        "qInstallMessageHandler(lambda kind, context, message: time.sleep(0.001))\n"
        "from desktop.cli import main\n"
        "sys.exit(main(['--lang', 'ar']))\n"
    )
    env = {**launch_env(tmp_path), "QT_LOGGING_RULES": "qt.text.font.*=true;qt.qpa.fonts=true"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "first-paint" in done.stdout
