"""Screenshots of the real window on an X server (Xvfb), in both languages, laptop and full HD.

``hamish screenshot`` runs on the xcb platform here — a real X11 window, with the fonts,
shaping and window geometry an analyst's desktop gives — rather than the offscreen one the
other tests use. The pictures are kept in ``$HAMISH_SCREENSHOT_DIR`` when it is set (to look
at them), else in a scratch folder. Each must have the size asked for and show a window; the
Arabic one's menus must start from the right, the English one's from the left (seen in the
menu bar's pixels, without reading any text).

Skipped when Xvfb is not installed (``./bootstrap.sh test`` installs it as root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")

SIZES = ("1024x640", "1920x1080")
LANGUAGES = ("ar", "en")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A private X server; ``-displayfd`` lets it pick a free display number."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def shots(display: str, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = Path(os.environ.get("HAMISH_SCREENSHOT_DIR") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        "DISPLAY": display,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.pop("HAMISH_LANG", None)
    taken: dict[tuple[str, str], Path] = {}
    for language in LANGUAGES:
        for size in SIZES:
            output = folder / f"hamish-{language}-{size}.png"
            result = subprocess.run(
                [
                    *(sys.executable, "-m", "desktop", "screenshot", "--document", "2"),
                    *("--lang", language, "--size", size, "--output", str(output)),
                    *("--platform", "xcb", "--overwrite"),  # $HAMISH_SCREENSHOT_DIR: again
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 0, result.stderr
            # The real X11 platform, not the offscreen fallback.
            assert result.stdout.rstrip().endswith(", xcb)"), result.stdout
            taken[language, size] = output
    return taken


def _menu_text_centre(path: Path) -> float:
    """Where the menu bar's words sit, as a fraction of the width (0 left, 1 right): the mean
    x of the dark pixels in the top band of the window."""
    image = QImage(str(path))
    xs = [
        x
        for y in range(4, 24)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightnessF() < 0.45
    ]
    assert xs, "no menu bar text"
    return sum(xs) / len(xs) / image.width()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshot_has_the_size_asked_and_shows_a_window(
    shots: dict[tuple[str, str], Path], language: str, size: str
) -> None:
    image = QImage(str(shots[language, size]))
    width, height = (int(part) for part in size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    small = image.scaled(64, 40)
    colours = {small.pixel(x, y) for x in range(64) for y in range(40)}
    assert len(colours) > 50, "an empty or single-colour picture"


@pytest.mark.parametrize("size", SIZES)
def test_menus_start_on_the_reading_side(shots: dict[tuple[str, str], Path], size: str) -> None:
    """File, Edit … from the right in Arabic, from the left in English."""
    assert _menu_text_centre(shots["ar", size]) > 0.6
    assert _menu_text_centre(shots["en", size]) < 0.4


CTRL_E_PROBE = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit
from desktop.app import build_window, create_application
from desktop.settings import Settings
from desktop.store.project import Project

app = create_application()
folder = Path(tempfile.mkdtemp())
window = build_window(Project.open(folder / "p.hamish"), Settings.at(folder / "s.ini"))
window.show()
app.processEvents()
taken = []
fields = [f for f in window.findChildren(QLineEdit) if f.objectName() != "qt_spinbox_lineedit"]
fields += window.findChildren(QAbstractSpinBox)  # a spin box gets the key, not its line edit
for field in fields:
    for key in (Qt.Key.Key_E, Qt.Key.Key_A):
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier)
        event.ignore()
        app.sendEvent(field, event)
        taken.append((field.objectName() or type(field).__name__, key.name, event.isAccepted()))
print(app.platformName())
for row in taken:
    print(*row)
"""


def test_window_keys_reach_the_window_from_line_edits_on_x11(display: str) -> None:
    """On X11 a line edit keeps Ctrl+E (end of line) for itself: with the cursor in the
    library filter or the search box, Ctrl+E (Word briefing) did nothing. Every line edit of
    the window now lets the window's Ctrl keys through and keeps its own (Ctrl+A)."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [sys.executable, "-c", CTRL_E_PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    platform, *rows = result.stdout.split("\n")
    assert platform == "xcb"
    taken = [row.split() for row in rows if row]
    assert len(taken) > 4  # the library filter, search box, entity filter…
    kept_by_field = [name for name, key, taken_ in taken if key == "Key_E" and taken_ == "True"]
    assert not kept_by_field
    lost_by_field = [name for name, key, taken_ in taken if key == "Key_A" and taken_ == "False"]
    assert not lost_by_field
