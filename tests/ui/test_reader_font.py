"""The reader's default font: the first preferred Arabic face installed, found without
building QFontDatabase's Python class before the first paint (3.1 M instructions)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.ui.reader.fonts import best_arabic_family, reader_font


def test_the_default_reader_font_is_the_best_arabic_family(qapp: QApplication) -> None:
    font = reader_font("", 15.0)
    assert font.family() == best_arabic_family()
    assert font.families() == [best_arabic_family()]
    assert font.pointSizeF() == 15.0
    assert font.hintingPreference() == QFont.HintingPreference.PreferNoHinting


def test_a_chosen_family_keeps_the_best_arabic_family_behind_it(qapp: QApplication) -> None:
    font = reader_font("Monospace", 12.0)
    assert font.families() == ["Monospace", best_arabic_family()]
    assert font.pointSizeF() == 12.0


def test_the_default_reader_font_does_not_build_qfontdatabase() -> None:
    code = (
        "import PySide6.QtGui as gui\n"
        "from desktop.app import create_application\n"
        "from desktop.ui.reader.fonts import reader_font\n"
        "app = create_application(['t'])\n"
        "print(reader_font('', 15.0).family())\n"
        "print('database-built' if 'QFontDatabase' in vars(gui) else 'no-database')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    family, built = done.stdout.split("\n")[:2]
    assert family  # the same family as best_arabic_family (the test above)
    assert built == "no-database"
