"""``hamish``: the window by default, headless sub-commands for scripting and checking.

This module stays tiny on purpose: ``hamish``, ``hamish --project PATH`` and ``--lang ar|en``
go straight to the window without loading the sub-commands and their parser (start-up time is
what the analyst waits for); everything else is ``desktop.commands``. Every failure of a
sub-command prints one clear line on stderr and exits non-zero; nothing here imports Qt
unless a window is needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

LANGUAGES = ("ar", "en")  # ``--lang``: the interface language for this run


def _gui_options(argv: Sequence[str]) -> tuple[bool, Path | None, str | None]:
    """``hamish``, ``hamish --project PATH`` and/or ``hamish --lang ar|en``: the window,
    without building the parser of every sub-command first (start-up time is what the analyst
    waits for). Returns (window?, project, language)."""
    options: dict[str, str] = {}
    rest = list(argv)
    # ``hamish PATH.hamish``: the desktop entry's ``Exec=hamish %F`` (double-clicking a project
    # in a file manager) passes the file alone; several files open the first.
    if rest and all(_is_project_path(arg) for arg in rest):
        return True, Path(rest[0]), None
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name not in ("--project", "--lang") or name in options:
            return False, None, None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return False, None, None
            value = rest.pop(0)
        if not value.strip() or (name == "--lang" and value not in LANGUAGES):
            return False, None, None  # the full parser says what is wrong
        if name == "--project" and value.endswith("/"):
            return False, None, None
        options[name] = value
    project = options.get("--project")
    return True, Path(project) if project else None, options.get("--lang")


def _is_project_path(arg: str) -> bool:
    return not arg.startswith("-") and arg.lower().endswith(".hamish")


def _load_qt_free_layers() -> None:
    """The Qt-free modules the window opens the project with, loaded before PySide. They were
    loaded first so that PySide's ``__feature__`` check never read them back (about 20 M
    instructions); :func:`_import_pyside_without_feature_checks` now spares every module
    that check, and the order costs nothing either way (measured: 0.7 M)."""
    from desktop import defaults, resources  # noqa: F401
    from desktop.ops import anchors  # noqa: F401


def _import_pyside_without_feature_checks() -> None:
    """PySide6.QtCore, then Python's own import statement back. PySide puts its
    ``__feature_import__`` in ``builtins.__import__``: every module an import statement names
    after it is read back as source (``inspect.getsource``), once, to see whether it asks for
    one of PySide's ``__feature__`` switches (``snake_case``, ``true_property``) — the
    window's hundred-odd modules and the standard library they bring, about 32 M instructions
    of start-up (2.6 %). Hamish uses no such switch (tests/ui/test_app_start.py checks), and a
    module PySide has not checked keeps the default, no switch. PySide keeps the import it
    wrapped in ``builtins.__orig_import__`` — its own lazy import, which makes ``from
    PySide6.QtX import Y`` build only the classes named — so that one is put back, and only
    while the wrapper is still the one in place."""
    import builtins

    from desktop.ui.pyside_bytecode import compiled_once

    with compiled_once():  # its signature support's sources, compiled at the last launch
        import PySide6.QtCore  # noqa: F401  (installs the wrapper)

    wrapped = getattr(builtins, "__orig_import__", None)
    current = getattr(builtins.__import__, "__name__", "")
    if wrapped is not None and current == "__feature_import__":
        setattr(builtins, "__import__", wrapped)  # noqa: B010


def _exit_without_a_last_collection() -> None:
    """The window has closed — its close saved the settings, closed the project and stopped
    the background work: every object left is moved out of the cyclic collector's
    generations (``gc.freeze``). Python's shutdown runs one full collection whatever the
    collector's state, and it walked every object start-up made — modules, classes, Qt's
    enums, the widgets' wrappers — for what reference counting frees anyway as the modules
    are cleared: 41 M of the 1,221 M instructions of a launch to the first paint and out.
    All it could still free is cycles of a process that is ending, which the system takes
    back; nothing of Hamish's waits on a collection to be written or closed (no ``__del__``
    or finalizer of its own)."""
    import gc

    gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt as stop:
        # Ctrl-C, or SIGTERM/SIGHUP once sub-commands raise them, wherever the start-up was
        # (a traceback, when it came while a module loaded): 128 + the signal, as a shell says.
        from desktop.cli_common import exit_code

        return exit_code(stop)


def _main(raw: list[str]) -> int:
    from desktop.children import READER_FLAG, TEXT_READER_FLAG

    if raw[:1] == [READER_FLAG]:
        # The standalone build's reader process (desktop.children): its executable has no -m.
        from desktop.io.worker import main as reader_main

        return reader_main(raw[1:])
    if raw[:1] == [TEXT_READER_FLAG]:  # the same for a text reader (desktop.io.text_reader)
        from desktop.io.text_reader import main as text_reader_main

        return text_reader_main(raw[1:])
    gui, project, language = _gui_options(raw)
    if gui:
        # No cyclic garbage collection while the window is built: run_gui says why and
        # turns it back on once the window has painted.
        import gc

        from desktop.ui.fontload import start_fontconfig

        start_fontconfig()  # on the second core, while the modules below load
        gc.disable()
        _load_qt_free_layers()
        _import_pyside_without_feature_checks()
        from desktop.app import run_gui

        try:
            code = run_gui(project, language)
        except KeyboardInterrupt:
            return 130
        _exit_without_a_last_collection()
        return code
    # SIGTERM and SIGHUP raise as Ctrl-C does from here on (main turns each into 128 + its
    # number): while the sub-commands loaded (the first ~0.3 s) SIGTERM killed the process
    # at once (-15), leaving the shell no exit code of Hamish's.
    from desktop.cli_common import ignore_stop_signals, stop_on_signals

    stop_on_signals()
    from desktop.commands import run

    code = run(raw)
    # Done: a signal now stops nothing, and Python's shutdown puts the default handlers back,
    # so SIGTERM killed the finished process (-15, its output complete). Ignored, the exit
    # code stays the command's.
    ignore_stop_signals()
    return code
