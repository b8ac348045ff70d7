"""``hamish``: the window by default, headless sub-commands for scripting and checking.

This module stays tiny on purpose: ``hamish`` and ``hamish --project PATH`` go straight to the
window without loading the sub-commands and their parser (start-up time is what the analyst
waits for); everything else is ``desktop.commands``. Every failure of a sub-command prints one
clear line on stderr and exits non-zero; nothing here imports Qt unless a window is needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def _gui_project(argv: Sequence[str]) -> tuple[bool, Path | None]:
    """``hamish`` or ``hamish --project PATH``: the window, without building the parser of
    every sub-command first (start-up time is what the analyst waits for)."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--project" and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--project=") and len(argv[0]) > len("--project="):
        return True, Path(argv[0].split("=", 1)[1])
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    gui, project = _gui_project(raw)
    if gui:
        from desktop.app import run_gui

        try:
            return run_gui(project)
        except KeyboardInterrupt:
            return 130
    from desktop.commands import run

    return run(raw)
