from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app

from .launching import launch_env


def _record_start_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the messages the start-up shows (``messages.message_box``), recorded
    instead of shown: a modal box would wait for a click."""
    from desktop.ui.shell import messages

    shown: list[str] = []

    class Shown:
        def __init__(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
            assert icon == QMessageBox.Icon.Critical
            shown.append(text)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(messages, "message_box", Shown)
    return shown


def test_bad_project_on_start_shows_a_dialog_and_exits(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = _record_start_messages(monkeypatch)
    bad = tmp_path / "notes.hamish"
    bad.write_text("shopping list", encoding="utf-8")
    assert app.run_gui(bad) == 2
    assert shown and "not a Hamish project" in shown[0]
    assert "not a Hamish project" in capsys.readouterr().err
    assert bad.read_text(encoding="utf-8") == "shopping list"


def test_application_uses_fusion_and_lets_an_explicit_style_win() -> None:
    """Fusion is chosen through Qt's "-style" option (cheaper at start-up than setStyle); a
    style the user passes on the command line must still take precedence."""
    probe = (
        "import sys\n"
        "from desktop.app import create_application\n"
        "app = create_application(sys.argv[1:])\n"
        "app.setStyleSheet('')\n"
        "print(app.style().name(), app.applicationName(), app.arguments()[1:])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe, "hamish", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "fusion Hamish []"
    assert run("-style", "windows") == "windows Hamish []"


def test_first_paint_hook_runs_once_and_leaves_the_event_path(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QObject, QPoint
    from PySide6.QtWidgets import QWidget

    seen: list[QEvent.Type] = []
    calls: list[bool] = []

    class Counting(app._OnFirstPaint):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            seen.append(event.type())
            return super().eventFilter(watched, event)

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    hook = Counting(lambda: calls.append(True), widget)
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])
    before = len(seen)
    widget.repaint()
    qtbot.mouseMove(widget, QPoint(50, 50))
    qtbot.mouseMove(widget, QPoint(60, 40))
    assert calls == [True] and len(seen) == before  # no longer filtering anything
    assert hook.callback is None


def test_first_paint_hook_follows_the_reader_without_its_viewport(qtbot: QtBot) -> None:
    """The reader tells the hook after it painted (``after_paint``): a filter on its viewport
    would hand Python the viewport, and PySide would build every widget class first."""
    from desktop.ui.reader.pane import ReaderText

    calls: list[bool] = []
    text = ReaderText()
    qtbot.addWidget(text)
    text.resize(300, 200)
    hook = app._OnFirstPaint(lambda: calls.append(True), text=text)
    assert text.after_paint is not None
    text.show()
    qtbot.waitUntil(lambda: calls == [True])
    assert text.after_paint is None and hook.callback is None
    text.viewport().repaint()
    assert calls == [True]


def test_a_project_whose_table_is_a_view_shows_a_dialog_and_exits(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    from desktop.store.project import Project

    shown = _record_start_messages(monkeypatch)
    path = tmp_path / "docview.hamish"
    with Project.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.executescript(
        "PRAGMA foreign_keys = OFF; ALTER TABLE documents RENAME TO d2; "
        "CREATE VIEW documents AS SELECT * FROM d2;"
    )
    conn.close()
    assert app.run_gui(path) == 2
    assert shown and "its documents table has been replaced by a view" in shown[0]


def _launch(tmp_path: Path, code: str, *, first_paint_only: bool = True) -> str:
    """Runs ``code`` in a fresh interpreter with its own default project and settings (the
    window on a 1920×1080 offscreen screen); returns what it printed."""
    env = launch_env(tmp_path, first_paint_only=first_paint_only)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_window_is_built_without_the_garbage_collector_which_comes_back_after(
    tmp_path: Path,
) -> None:
    """Start-up makes a few hundred thousand long-lived objects; the cyclic collector is off
    from before the imports until the window has painted and finished its setup, then on for
    the rest of the session."""
    code = (
        "import gc, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import desktop.app as app\n"
        "from desktop.ui.shell.mainwindow import MainWindow\n"
        "init, finish = MainWindow.__init__, MainWindow.finish_setup\n"
        "def spy_init(self, *args, **kwargs):\n"
        "    print('building', gc.isenabled())\n"
        "    init(self, *args, **kwargs)\n"
        "def report():\n"
        "    print('finished', gc.isenabled())\n"
        "    QApplication.quit()\n"
        "def spy_finish(self):\n"
        "    finish(self)\n"
        "    QTimer.singleShot(0, report)\n"
        "MainWindow.__init__, MainWindow.finish_setup = spy_init, spy_finish\n"
        "from desktop.cli import main\n"
        "assert main(['--lang', 'en']) == 0\n"
    )
    printed = _launch(tmp_path, code, first_paint_only=False).split("\n")
    assert "building False" in printed
    assert "finished True" in printed


def test_run_gui_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    code = (
        "import gc\n"
        "from desktop.app import run_gui\n"
        "assert run_gui(None, 'en') == 0\n"
        "print('after', gc.isenabled())\n"
    )
    assert "after True" in _launch(tmp_path, code).split("\n")


def test_the_window_closes_whole_and_leaves_its_objects_to_the_system(tmp_path: Path) -> None:
    """Python's shutdown walks every object start-up made in one last collection (41 M
    instructions of a launch): the launch freezes them once the window has closed — after
    its close saved the settings and closed the project, which the collection was never
    needed for."""
    code = (
        "import gc\n"
        "from desktop.cli import main\n"
        "assert main(['--lang', 'en']) == 0\n"
        "print('frozen', gc.get_freeze_count() > 10_000)\n"
    )
    printed = _launch(tmp_path, code).split("\n")
    assert "frozen True" in printed
    (ini,) = (tmp_path / "config").rglob("*.ini")
    assert "geometry" in ini.read_text(encoding="utf-8")  # the window's close saved it


def test_the_launch_reads_no_module_back_for_pyside_features(tmp_path: Path) -> None:
    """PySide wraps the import statement so that every module one names is read back as
    source, once, to look for ``from __feature__ import …`` (shibokensupport.feature): about
    32 M instructions of the window's start-up. Hamish uses no such switch, and the launch
    puts Python's import back once PySide6.QtCore is in (``cli``), so neither the window's
    modules nor the store's are read back."""
    package = Path(__file__).resolve().parents[2] / "desktop"
    switch = re.compile(r"^\s*(from __feature__ import|import __feature__)", re.MULTILINE)
    asking = [p.name for p in package.rglob("*.py") if switch.search(p.read_text("utf-8"))]
    assert asking == [], asking  # a switch would need the wrapper: it must not be taken away
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        "assert main(['--lang', 'en']) == 0\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "checked = getattr(feature, 'pyside_feature_dict', None)\n"
        "print('no-table' if checked is None else ' '.join(sorted(checked)))\n"
        "print('window-built' if 'desktop.ui.shell.mainwindow' in sys.modules else '')\n"
    )
    _launch(tmp_path, code)  # the first launch seeds the default project (more imports)
    checked = set(_launch(tmp_path, code).split())
    if "no-table" in checked:
        pytest.skip("this PySide keeps no table of the modules it checked")
    assert "window-built" in checked
    read_back = {
        name for name in checked if name.startswith("desktop") or name in ("sqlite3", "json")
    }
    assert not read_back, read_back


def _at_the_second_first_paint(
    tmp_path: Path,
    report: str,
    language: str = "en",
    screen: tuple[int, int] | None = None,
    between: Callable[[], None] | None = None,
) -> str:
    """What ``report`` (code run with ``self``, the window's first-paint watcher, whose
    ``text`` is the reader's, and ``sys``) prints at the first paint of a second launch,
    PySide imported as ``cli.main`` imports it (lazily). The first launch draws the icons
    with qtawesome, whose ``from PySide6.QtWidgets import *`` builds every class: the second
    is measured, as ``benchmarks/startup.py`` does. ``between`` runs between the two."""
    body = "".join(f"            {line}\n" for line in report.splitlines())
    probe = (
        "import sys, desktop.cli as cli\n"
        "imports = cli._import_pyside_without_feature_checks\n"
        "def pyside():\n"
        "    imports()\n"
        "    import desktop.app\n"
        "    fire = desktop.app._OnFirstPaint._fire\n"
        "    def report(self):\n"
        "        try:\n"
        f"{body}"
        "        finally:\n"  # the launch quits whatever the report did
        "            sys.stdout.flush()\n"
        "            fire(self)\n"
        "    desktop.app._OnFirstPaint._fire = report\n"
        "cli._import_pyside_without_feature_checks = pyside\n"
        f"raise SystemExit(cli.main(['--lang', {language!r}]))\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = launch_env(tmp_path)
    if screen is not None:
        config = tmp_path / "small.json"
        width, height = screen
        config.write_text(
            f'{{"screens": [{{"name": "s", "x": 0, "y": 0, "width": {width}, '
            f'"height": {height}}}]}}',
            encoding="utf-8",
        )
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    subprocess.run([sys.executable, "-m", "desktop"], env=env, cwd=root, timeout=120, check=True)
    if between is not None:
        between()
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=root,
        check=True,
    )
    return done.stdout + done.stderr


def test_the_first_paint_builds_no_qstyle_enums(tmp_path: Path) -> None:
    """A header's ``style()`` asked for its metrics in Python builds ``QStyle``'s dozen enums
    (6 ms) — the library sized its columns so before the first paint."""
    out = _at_the_second_first_paint(
        tmp_path,
        "kind = vars(sys.modules['PySide6.QtWidgets']).get('QStyle')\n"
        "built = kind is not None and isinstance(vars(kind).get('PixelMetric'), type)\n"
        "print('enums-built', built)",
    )
    assert "enums-built False" in out, out


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_small_screens_first_paint_builds_no_qt_namespace(tmp_path: Path, language: str) -> None:
    """At 1024×640 the side panels left the article under half the window, and
    ``keep_reader_room`` narrowed them before the first paint with ``resizeDocks``, whose
    ``Qt.Orientation`` built the Qt namespace (114 M instructions): they are laid out so
    narrow at once, the article at least half the width."""
    out = _at_the_second_first_paint(
        tmp_path,
        "import PySide6.QtCore as core\n"
        "qt = vars(core).get('Qt')\n"
        "built = qt is not None and isinstance(vars(qt).get('AlignmentFlag'), type)\n"
        "window = self.text.window()\n"
        "reader = window.centralWidget().width()\n"
        "print('namespace-built', built, 'reader-half', reader * 2 > window.width())",
        language,
        (1024, 640),
    )
    assert "namespace-built False reader-half True" in out, out
