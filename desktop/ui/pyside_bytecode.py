"""PySide's own start-up Python, compiled once instead of at every launch.

Importing PySide6 runs shiboken's signature support: fourteen modules (``signature_bootstrap``
and ``shibokensupport/…``, 129 KB of source) kept as *source* in a zip inside
``libshiboken6`` and compiled with the builtin ``compile`` at every start — no ``.pyc`` is
ever written for them. Measured: 20–28 ms of a 240 ms launch to the first paint, on the GUI
thread, before anything of Hamish's can run (the bare PySide window pays it too).

:func:`compiled_once` wraps the builtin ``compile`` for the one ``import PySide6.QtCore`` of a
start-up: a call that compiles one of those files finds its code in a cache written by the
previous launch — the same source, byte for byte, compiled with the same flags by the same
Python — and every other call goes straight to the real ``compile``. What the cache missed is
compiled as before and the cache rewritten once the import is done. This is what Python's own
``.pyc`` files do for every other module: the code object is the one ``compile`` gave, read
back with ``marshal``.

The cache (``~/.cache/hamish/pyside-bytecode-<tag>.marshal``) is one marshalled dict,
``{(filename, mode, flags, optimize): (source, code)}``, behind a header naming the Python
that wrote it (its bytecode magic number and version); each code beside its CRC-32.
It is trusted only as far as ``.pyc`` files are: a file not owned by the user, or writable
by others, is not read, nor a link, a FIFO, a device or a file over 16 MB; a file that does
not unmarshal to that shape (truncated, corrupt, another Python's) is ignored and replaced,
and an entry whose code fails its checksum (a bit flipped on the disk) is compiled again.
Nothing here can stop a launch: any error reading or writing the cache leaves PySide
compiling its sources as it always did.

A module compiled by ``compile`` from Python code inherits its caller's ``__future__``
flags unless ``dont_inherit`` is given. The wrapper is a frame of its own, so it passes the
*caller's* flags on explicitly (``_caller_flags``), with ``dont_inherit``: this module's
``from __future__ import annotations`` must not leak into PySide's modules.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import marshal
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

__all__ = ["Launch", "cache_file", "compiled_once", "last_launch"]

_FILES = ("signature_bootstrap.py", "shibokensupport/")
"""The names PySide's embedded importer compiles under (the zip's own paths)."""

_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag

_FORMAT = 2
_MAX_SIZE = 16 << 20
"""Far above what the cache holds (0.3 MB): a larger file is not one."""


def _header() -> tuple[int, bytes, str]:
    """The Python whose bytecode the cache holds (``importlib.util.MAGIC_NUMBER``, read from
    the import system's own module, always loaded: ``importlib.util`` is 1 ms to import)."""
    external = sys.modules.get("_frozen_importlib_external")
    magic = getattr(external, "MAGIC_NUMBER", None)
    if not isinstance(magic, bytes):
        from importlib.util import MAGIC_NUMBER

        magic = MAGIC_NUMBER
    return (_FORMAT, magic, sys.version)


def cache_file() -> Path:
    from desktop.paths import cache_dir

    return cache_dir() / f"pyside-bytecode-{sys.implementation.cache_tag}.marshal"


Key = tuple[str, str, int, int]
Entry = tuple[str | bytes, bytes, int]
"""The source, its code (marshalled) and the code's CRC-32."""


class Launch:
    """What one ``compiled_once`` saw: read back from the cache, compiled, passed on."""

    def __init__(self) -> None:
        self.cached: dict[Key, Entry] = {}
        self.hits = 0
        self.compiled: dict[Key, Entry] = {}
        self.passed_on = 0
        self.read_error = ""
        self.write_error = ""

    @property
    def misses(self) -> int:
        return len(self.compiled)


_last = Launch()


def last_launch() -> Launch:
    """What the last :func:`compiled_once` did (for tests and ``startup.py``)."""
    return _last


def _trusted(info: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read(path: Path) -> dict[Key, Entry]:
    # Not followed if a link, not waited on if a FIFO (opening one for reading blocks until a
    # writer comes: the launch hung), and read only if a regular file of a cache's size (a
    # multi-GB file was read whole: 17 s and 3 GB before the window).
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_SIZE:
            raise ValueError(f"{path} is not a regular file of at most {_MAX_SIZE} bytes")
        if not _trusted(info):
            raise PermissionError(f"{path} is not the user's own or others can write it")
        data = marshal.loads(stream.read(info.st_size))
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != _header():
        raise ValueError(f"{path} was written by another Python or is not a cache")
    entries = data[1]
    if not isinstance(entries, dict):
        raise ValueError(f"{path} holds no entries")
    good: dict[Key, Entry] = {}
    for key, value in entries.items():
        if (
            isinstance(key, tuple)
            and len(key) == 4
            and isinstance(key[0], str)
            and isinstance(value, tuple)
            and len(value) == 3
            and isinstance(value[0], (str, bytes))
            and isinstance(value[1], bytes)
            and isinstance(value[2], int)
        ):
            good[key] = value
    return good


def _write(path: Path, entries: dict[Key, Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    scratch = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with open(fd, "wb") as stream:
            stream.write(marshal.dumps((_header(), entries)))
        os.replace(scratch, path)
    finally:
        with contextlib.suppress(OSError):
            scratch.unlink()


def _caller_flags(flags: int, dont_inherit: bool) -> int:
    """``flags`` with the ``__future__`` flags ``compile`` would have inherited from the
    frame that called the wrapper (two frames up: the wrapper, then its caller)."""
    if dont_inherit or not isinstance(flags, int):
        return flags  # (not a number: ``compile`` says so, in its own words)
    caller = sys._getframe(2)
    return flags | (caller.f_code.co_flags & _FUTURE_FLAGS)


@contextlib.contextmanager
def compiled_once(path: Path | None = None) -> Iterator[Launch]:
    """Inside, PySide's start-up sources compile from the cache at ``path`` (the user's
    cache folder by default); on leaving, the real ``compile`` is back and what was newly
    compiled is written to the cache."""
    global _last
    launch = _last = Launch()
    try:
        path = cache_file() if path is None else path
        launch.cached = _read(path)
    except FileNotFoundError:
        pass
    except Exception as error:
        launch.read_error = f"{type(error).__name__}: {error}"
    real = builtins.compile

    def compile(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kwargs: Any,
    ) -> Any:
        flags = _caller_flags(flags, dont_inherit)
        ours = (
            not kwargs
            and isinstance(source, (str, bytes))
            and isinstance(filename, str)
            and filename.startswith(_FILES)
            and isinstance(flags, int)
            and not flags & ~_FUTURE_FLAGS  # no ast.PyCF_* request: a code object back
            and isinstance(optimize, int)
        )
        if not ours:
            launch.passed_on += 1
            return real(source, filename, mode, flags, True, optimize, **kwargs)
        key: Key = (filename, mode, flags, optimize)
        entry = launch.cached.get(key)
        # A bit flipped on the disk can leave the marshal data well-formed but the bytecode
        # not: a code object Python would run, and crash on (SIGSEGV at every launch after).
        # Checked as used (0.06 ms for the fourteen), not the whole file before.
        if entry is not None and entry[0] == source and zlib.crc32(entry[1]) == entry[2]:
            try:
                code = marshal.loads(entry[1])
            except Exception:
                code = None
            if isinstance(code, CodeType):
                launch.hits += 1
                return code
        code = real(source, filename, mode, flags, True, optimize)
        data = marshal.dumps(code)
        launch.compiled[key] = (source, data, zlib.crc32(data))
        return code

    builtins.compile = compile
    try:
        yield launch
    finally:
        if builtins.compile is compile:
            builtins.compile = real
        if launch.compiled and path is not None:
            entries = {**launch.cached, **launch.compiled}
            try:
                _write(path, entries)
            except Exception as error:
                launch.write_error = f"{type(error).__name__}: {error}"
