"""What every ``hamish`` sub-command shares: exit codes, the ``--project`` option, opening
the project it names (the default project, made with the samples if new, when it names none)
and :func:`echo`, the one way a command prints.

Why a module of its own: ``desktop.commands`` loads the entity and search sub-commands lazily,
and they need these too; keeping them here avoids a copy in each (there were three)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.controls import for_terminal, json_for_terminal

if TYPE_CHECKING:  # the store loads when a command runs, not when the parser is built
    from desktop.store.project import Project

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (``kill``, a closed terminal) raised as Ctrl-C's KeyboardInterrupt
    is: with Python's default the process died at once, and an export left its hidden
    temporary file beside the target (found by the attacker); raised, it unwinds through the
    same ``finally`` clauses as Ctrl-C. ``number``: the signal, for the exit code 128 + it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def stop_on_signals() -> None:
    """Make SIGTERM and SIGHUP raise :class:`Stopped` in the main thread (a sub-command's
    clean-up then runs; drawing a figure defers it, as it defers Ctrl-C). A signal the
    caller made the process ignore (``nohup``) stays ignored."""

    def stop(number: int, _frame: object) -> None:
        raise Stopped(number)

    for number in STOP_SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, stop)


def ignore_stop_signals() -> None:
    """Ctrl-C, SIGTERM and SIGHUP ignored: for a command that has finished and is exiting."""
    for number in (signal.SIGINT, *STOP_SIGNALS):
        signal.signal(number, signal.SIG_IGN)


def exit_code(stop: KeyboardInterrupt) -> int:
    """128 + the signal's number, as a shell reports a process a signal ended."""
    return 128 + (stop.number if isinstance(stop, Stopped) else signal.SIGINT)


SQLITE_MAX = 2**63 - 1  # the largest integer SQLite stores (and so the largest id)


def record_id(text: str) -> int:
    """An argparse type for an article's id: a whole number SQLite can hold. A larger one
    (``--document 99999999999999999999``) ended in an OverflowError traceback when bound."""
    number = int(text)
    if not -SQLITE_MAX - 1 <= number <= SQLITE_MAX:
        raise argparse.ArgumentTypeError(f"{text} is beyond the largest id ({SQLITE_MAX})")
    return number


def count_limit(text: str) -> int:
    """An argparse type for a count such as ``--limit``: a number past what SQLite holds
    means "all" (it ended in an OverflowError traceback)."""
    return min(int(text), SQLITE_MAX)


def project_argument(text: str) -> Path:
    """``--project``'s value: a path, not nothing (``--project ""`` was answered ". is a
    folder") and not a folder's name with a file behind it (``c.hamish/`` opened the file
    ``c.hamish``, where a shell would have said it is not a folder) — found by an attack."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the project's path is empty")
    path = Path(text)
    if text.endswith(("/", os.sep)) and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} ends with a slash but is no folder")
    return path


def add_project_option(parser: argparse.ArgumentParser) -> None:
    """``--project PATH`` after the sub-command (``hamish list --project P``)."""
    parser.add_argument(
        "--project",
        type=project_argument,
        dest="sub_project",
        metavar="PATH",
        help="project file",
    )


def project_path(args: argparse.Namespace) -> Path:
    """The project a command works on: ``--project`` after or before the sub-command, else
    the default project (created with the samples on first use)."""
    path: Path | None = getattr(args, "sub_project", None) or getattr(args, "project", None)
    if path is None:
        from desktop.defaults import ensure_default_project

        path = ensure_default_project()
    return path


def open_project(args: argparse.Namespace, *, create: bool = False) -> Project:
    """Open the command's project; a path that is not a project is an error, and is created
    only when ``create``. What opening it must tell (a damaged journal, a backup that could
    not be made) is printed on stderr; a read-only project opens read-only."""
    from desktop.store.project import Project

    project = Project.open(project_path(args), create=create)
    for notice in project.notices:
        echo(f"hamish: warning: {notice}", err=True)
    return project


# The suffixes of the files Hamish writes or reads as something else than a command's own
# output (exports, figures, projects, what `hamish import` reads by its suffix): a command
# none of whose formats writes such a file refuses that name (`timeline --format json --output
# x.docx` wrote JSON that Word and `hamish import` then misread). Pass as ``others``.
OTHER_FILES = (
    ".json",
    ".jsonld",
    ".docx",
    ".csv",
    ".zip",
    ".conll",
    ".qdpx",
    ".xmi",
    ".graphml",
    ".xml",
    ".png",
    ".svg",
    ".pdf",
    ".html",
    ".htm",
    ".eml",
    ".hamish",
)


def suffix_contradiction(
    output: Path,
    fmt: str,
    holds: dict[str, tuple[str, ...]],
    names: dict[str, str],
    others: tuple[str, ...] = (),
) -> str | None:
    """What is wrong when ``--output``'s suffix names another format than ``fmt`` (``--format
    png --output x.json`` wrote a PNG into a .json, which every program then misreads; the
    import takes a file's format from its suffix); None when it does not. ``holds``: each
    format's suffixes, its own first; ``names``: each format as the message names it;
    ``others``: suffixes of files none of the formats writes. A suffix of no format
    (``.txt``, none) is the analyst's choice."""
    suffix = output.suffix.lower()
    if suffix in holds[fmt]:
        return None
    owners = sorted(f for f, suffixes in holds.items() if suffix in suffixes)
    if not owners and suffix not in others:
        return None
    say = f"say --format {' or '.join(owners)}, or " if owners else ""
    return f"a {suffix} file cannot hold {names[fmt]}: {say}end --output {holds[fmt][0]}"


def echo(*lines: str, err: bool = False, escaped: bool = False) -> None:
    """Print each of ``lines`` on a line of its own, on stdout (stderr with ``err``).

    Titles, file names, snippets and error messages come from imported files, which are
    hostile: an e-mail Subject holding ``ESC]0;…BEL`` would retitle the terminal, ``ESC[2J``
    clear it, a U+202E reverse what follows. So every control character and bidi override in
    a line is shown as a visible escape (``\\x1b``, ``\\u202e``, see
    :func:`desktop.core.controls.for_terminal`) — a newline inside a line too, so one record
    stays one line. ``escaped``: the caller already made the line safe (JSON, or search
    snippets with highlight codes of its own). Every sub-command prints through here
    (``tests/test_cli_escapes.py`` checks that no other ``print`` is left)."""
    stream = sys.stderr if err else sys.stdout
    for line in lines:
        print(line if escaped else for_terminal(line), file=stream)


def echo_json(value: object) -> None:
    """``value`` as indented JSON, Arabic as itself, with every character a terminal could act
    on escaped as ``\\uXXXX`` (still the same JSON for a program)."""
    echo(json_for_terminal(value), escaped=True)


def figure_language(args: argparse.Namespace) -> str:
    """The language of a figure a command draws (``hamish graph``, ``hamish timeline``): the
    command's ``--lang``, else ``hamish --lang``, else the one the window would use —
    ``HAMISH_LANG``, the Interface Language setting, the system locale. An Arabic analyst
    got English legends unless they said ``--lang ar``."""
    from desktop import paths, settings
    from desktop.ui.i18n import language_for_run

    chosen = getattr(args, "sub_lang", None) or getattr(args, "lang", None)
    prefs = settings.Settings.at(paths.settings_path())
    return language_for_run(chosen, prefs.get(settings.INTERFACE_LANGUAGE))
