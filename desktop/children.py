"""The command lines of Hamish's own child processes, from a checkout, an install or the
standalone (frozen) build.

Three children exist: the reader process (:mod:`desktop.io.worker`, the risky parsers), the
text readers of a large import (:mod:`desktop.io.readers`) and the learning process
(``hamish suggest --train``). From Python they are ``python -m …`` in effect (see
:func:`_module_command`). In the standalone build
(PyInstaller) ``sys.executable`` is the ``hamish`` executable itself, which has no ``-m``:
there the reader is the hidden first argument :data:`READER_FLAG` of that same executable
(``desktop.cli.main`` dispatches it), a text reader :data:`TEXT_READER_FLAG`, and the
learning process is plain ``hamish suggest …``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

# ``hamish --reader-process …`` runs the reader process (never shown in --help: it speaks a
# binary protocol on its standard input and output, for Hamish only).
READER_FLAG = "--reader-process"
# ``hamish --text-reader`` runs a text reader (desktop.io.readers: the text files of a large
# import read beside the writer), hidden and binary the same way.
TEXT_READER_FLAG = "--text-reader"


_HERE = str(Path(__file__).resolve().parent.parent)  # the folder holding this ``desktop``


def _module_command(module: str, args: Sequence[str]) -> list[str]:
    """``python -m module args`` run by this very copy of Hamish. ``python -m`` puts the
    current folder first on the child's path, so a ``desktop`` folder where the analyst
    started Hamish would be imported instead of Hamish's own (found by the import round:
    its "before" readers ran the code of the checkout they were started from). ``-P`` keeps
    the current folder out; the folder of the parent's own ``desktop`` goes first instead."""
    code = (
        f"import runpy, sys; sys.path.insert(0, {_HERE!r}); "
        f"runpy.run_module({module!r}, run_name='__main__', alter_sys=True)"
    )
    return [sys.executable, "-P", "-c", code, *args]


def frozen() -> bool:
    """True in the standalone build, where ``sys.executable`` is Hamish's own executable."""
    return bool(getattr(sys, "frozen", False))


def reader_command(args: Sequence[str]) -> list[str]:
    """The reader process (:mod:`desktop.io.worker`) with its options ``args``."""
    if frozen():
        return [sys.executable, READER_FLAG, *args]
    return _module_command("desktop.io.worker", args)


def hamish_command(args: Sequence[str]) -> list[str]:
    """``hamish ARGS`` run by this very copy of Hamish (its interpreter, or its executable)."""
    if frozen():
        return [sys.executable, *args]
    return _module_command("desktop", args)


def text_reader_command(args: Sequence[str]) -> list[str]:
    """A text reader (:mod:`desktop.io.text_reader`) with its options ``args``."""
    if frozen():
        return [sys.executable, TEXT_READER_FLAG, *args]
    return _module_command("desktop.io.text_reader", args)
