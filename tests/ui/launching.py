"""A launch of Hamish in a fresh interpreter, as the start-up tests make it: its own default
project and settings under ``tmp_path``, the window on a 1920×1080 offscreen screen (where the
first paint builds no ``Qt`` namespace, see desktop/ui/qtvalues.py)."""

from __future__ import annotations

import os
from pathlib import Path

# Code for a launch: wraps the first paint to print whether PySide had built the ``Qt``
# namespace's enums by then — read from the module's and the type's own dicts (PySide makes
# the type, and then its enums, when an attribute asks for them). Put it before the code
# that starts the window; ``report(self)`` may print more, then ``fire(self)`` goes on.
QT_NAMESPACE_PROBE = (
    "import desktop.app\n"
    "import PySide6.QtCore as core\n"
    "fire = desktop.app._OnFirstPaint._fire\n"
    "def qt_namespace_built():\n"
    "    qt = vars(core).get('Qt')\n"
    "    return qt is not None and isinstance(vars(qt).get('AlignmentFlag'), type)\n"
)


def launch_env(tmp_path: Path, *, first_paint_only: bool = True) -> dict[str, str]:
    """The environment of such a launch; ``first_paint_only`` quits after the first paint
    (``HAMISH_EXIT_AFTER_FIRST_PAINT``, which also prints ``first-paint …``)."""
    screen = tmp_path / "screen.json"
    screen.write_text(
        '{"screens": [{"name": "s", "x": 0, "y": 0, "width": 1920, "height": 1080}]}',
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("HAMISH_LANG", None)
    env.pop("HAMISH_EXIT_AFTER_FIRST_PAINT", None)
    if first_paint_only:
        env["HAMISH_EXIT_AFTER_FIRST_PAINT"] = "1"
    return env
