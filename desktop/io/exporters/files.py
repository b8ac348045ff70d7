"""Where an export may write, and writing there so the file appears complete or not at all.

An export writes only to a **regular file or a new path**. Everything else a path can name is
refused with a sentence saying what it is, before any work is done (``check_export_target``) and
again just before the finished file takes the target's place (``replace_on_success``):

* a folder, a device (``/dev/full``), a named pipe, a socket — ``os.replace`` would put a
  regular file in place of the device node or pipe;
* the project itself, another Hamish project or any other SQLite database (recognised by the
  16-byte header ``SQLite format 3\\0``, never by the file name), and a database's working files
  (``-wal``, ``-shm``, ``-journal`` next to a database or the project);
* an existing file that is read-only (no write permission bit, or one the user may not write);
* an existing file at all, unless the caller says it may be replaced (``overwrite``: the
  command line's ``--overwrite``, the window's save dialog after it asked);
* a target whose folder does not exist, is not a folder, or cannot be written.

**Symbolic links are written through**: the link stays and the file it points to is replaced
(atomically, in that file's folder). A dangling link, a loop, or a link to anything but a
regular file is refused.

Writing: the content goes to a hidden temporary file beside the real target — same folder, so
the final rename is atomic — named ``.{name}.{8 hex digits}.tmp``. While an export writes it,
it holds an ``flock`` on that file. An export that is killed (SIGKILL, power loss) leaves the
temporary file behind; the next export into the same folder removes every such leftover whose
lock is free (its writer is gone), owned by the same user. A file being written by a live
export keeps its lock and is never touched, so two concurrent exports cannot remove each
other's work. Ctrl-C, SIGTERM and SIGHUP, where Python handles them, wait while the temporary
file is made (``signals_deferred``): the clean-up always knows its name. Where ``flock``
does not exist (Windows) only leftovers older than an hour go.

A new file is put in place with ``os.link`` (fails if the name was taken meanwhile: nothing is
ever replaced that the caller did not allow), an allowed replacement with ``os.replace``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from desktop.core.errors import HamishError
from desktop.paths import fsync, fsync_folder
from desktop.store.schema import APPLICATION_ID

if sys.platform != "win32":
    import fcntl

SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
_WORKING_SUFFIXES = ("-wal", "-shm", "-journal")
TEMP_PATTERN = re.compile(r"\.(?P<name>.+)\.(?P<token>[0-9a-f]{8})\.tmp", re.DOTALL)
"""The exact name of Hamish's temporary files: ``.{target name}.{8 lower-case hex}.tmp``."""
STALE_WITHOUT_LOCKS = 3600.0
"""Seconds after which a leftover counts as abandoned where file locks do not exist."""


class TargetExists(HamishError):
    """The target is an existing file and the caller did not allow replacing it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already exists; nothing was exported. Choose another name, or allow "
            "replacing it."
        )
        self.path = path


@dataclass(frozen=True, slots=True)
class ExportTarget:
    """A checked target: ``path`` as given, ``real`` the file to write (links resolved) and
    whether it ``existed`` when checked."""

    path: Path
    real: Path
    existed: bool


def _header(path: Path, shown: Path) -> bytes:
    """The first 100 bytes of a regular file (enough for SQLite's application id), read
    without following a link or blocking on a pipe swapped in meanwhile."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
        try:
            _refuse_special(shown, os.fstat(fd).st_mode)  # swapped since the stat: check again
            return os.read(fd, 100)
        finally:
            os.close(fd)
    except OSError as error:
        raise HamishError(
            f"Cannot check {shown}: {error.strerror or error}. Nothing was exported."
        ) from error


def _is_sqlite(path: Path) -> bool:
    """Whether ``path`` is a regular file starting with SQLite's header (never blocks: a FIFO
    is opened without waiting for a writer, and not read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return os.read(fd, len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
    finally:
        os.close(fd)


def _same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _refuse_working_file(shown: Path, real: Path, project: Path | None) -> None:
    """``x-wal``, ``x-shm`` or ``x-journal`` beside the project or any SQLite database: SQLite
    would read the export as that database's log, or lose the database's own."""
    for suffix in _WORKING_SUFFIXES:
        if not real.name.endswith(suffix) or real.name == suffix:
            continue
        base = real.with_name(real.name[: -len(suffix)])
        if (project is not None and base == project.resolve()) or _same_file(base, project):
            raise HamishError(
                f"{shown} is a working file of the project's database; choose another file "
                "to export to."
            )
        if _is_sqlite(base):
            raise HamishError(
                f"{shown} is a working file of the SQLite database {base.name}; exporting to "
                "it would damage that database. Choose another file."
            )


def _refuse_special(shown: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise HamishError(f"{shown} is a folder; give a file name to export to.")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise HamishError(f"{shown} is a device, not a file; nothing was exported.")
    if stat.S_ISFIFO(mode):
        raise HamishError(f"{shown} is a named pipe, not a file; nothing was exported.")
    if stat.S_ISSOCK(mode):
        raise HamishError(f"{shown} is a socket, not a file; nothing was exported.")
    if not stat.S_ISREG(mode):
        raise HamishError(f"{shown} is not a regular file; nothing was exported.")


def _refuse_existing(shown: Path, real: Path, mode: int, project: Path | None) -> None:
    if _same_file(real, project):
        raise HamishError(f"{shown} is the project itself; choose another file to export to.")
    header = _header(real, shown)
    if header.startswith(SQLITE_HEADER):
        app_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
        if app_id == APPLICATION_ID:
            raise HamishError(
                f"{shown} is a Hamish project; exporting to it would destroy it. Choose "
                "another file."
            )
        raise HamishError(
            f"{shown} is a SQLite database; exporting to it would destroy it. Choose another file."
        )
    if header.startswith(_WAL_MAGICS) or header.startswith(_JOURNAL_MAGIC):
        raise HamishError(
            f"{shown} is the log of a SQLite database; exporting to it would damage that "
            "database. Choose another file."
        )
    # The permission bits, not os.access: root may write anything, but a file someone made
    # read-only is meant to stay as it is.
    if not mode & 0o222 or not os.access(real, os.W_OK):
        raise HamishError(
            f"{shown} is read-only; nothing was exported. Choose another file, or make it "
            "writable first."
        )


def _resolve(path: Path) -> Path:
    """The file ``path`` names, every link followed. A dangling link or a loop is refused."""
    try:
        info = path.lstat()
    except (FileNotFoundError, NotADirectoryError):  # the folder check says which
        return path.parent.resolve() / path.name
    except OSError as error:
        raise HamishError(
            f"Cannot check {path}: {error.strerror or error}. Nothing was exported."
        ) from error
    if not stat.S_ISLNK(info.st_mode):
        return path.parent.resolve() / path.name
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        raise HamishError(
            f"{path} is a link to {os.readlink(path)}, which does not exist; nothing was exported."
        ) from None
    except (OSError, RuntimeError) as error:  # a loop: RuntimeError before Python 3.13
        raise HamishError(f"{path} is a link that cannot be followed; nothing was exported.") from (
            error
        )


def check_export_target(
    path: str | os.PathLike[str], *, overwrite: bool, project_path: Path | None = None
) -> ExportTarget:
    """Check that an export may write ``path``; raise ``HamishError`` (``TargetExists`` for an
    existing file without ``overwrite``) with a sentence saying why not.

    Cheap (a few ``stat`` calls and 100 bytes read): callers run it before building anything,
    so a missing folder fails at once, not after the whole report was built.
    """
    shown = Path(path)
    if not shown.name or shown.name in (".", ".."):
        raise HamishError(f"{shown} is a folder; give a file name to export to.")
    real = _resolve(shown)
    if TEMP_PATTERN.fullmatch(real.name):  # the next export would remove it as a leftover
        raise HamishError(f"{shown} is named like a temporary file of Hamish; choose another name.")
    _refuse_working_file(shown, real, project_path)
    try:
        info: os.stat_result | None = real.stat()
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as error:
        raise HamishError(
            f"Cannot check {shown}: {error.strerror or error}. Nothing was exported."
        ) from error
    if info is not None:
        _refuse_special(shown, info.st_mode)
        _refuse_existing(shown, real, info.st_mode, project_path)
        if not overwrite:
            raise TargetExists(shown)
    folder = real.parent
    if not folder.exists():
        raise HamishError(f"The folder {folder} does not exist; nothing was exported.")
    if not folder.is_dir():
        raise HamishError(f"{folder} is not a folder; nothing was exported.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise HamishError(
            f"The folder {folder} cannot be written (it is read-only, or you may not write "
            "there); nothing was exported."
        )
    return ExportTarget(shown, real, info is not None)


# --- temporary files -----------------------------------------------------------------------


def _try_lock(fd: int) -> bool | None:
    """Take the file's lock without waiting: True when taken, False when another process
    holds it, None when this file system (or platform) has no locks."""
    if sys.platform == "win32":
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _reserve(folder: Path, name: str) -> tuple[Path, int | None]:
    """Create an empty, hidden temporary file and hold its lock (the fd is returned; None
    where locks do not exist). ``O_EXCL`` with mode 0o666 lets the umask set the permissions,
    as for any file the user creates (``mkstemp`` would force 0o600)."""
    # The name cut to what a folder entry holds (255 bytes) with the dot, token and suffix:
    # a long but valid target name failed only after the export was made (the attacker).
    short = os.fsencode(name)[: 255 - len(".") - len(".12345678.tmp")]
    name = os.fsdecode(short.decode("utf-8", "ignore").encode()) if short else name
    for _ in range(100):
        candidate = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(candidate, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        locked = _try_lock(fd)
        if locked is None:
            os.close(fd)
            return candidate, None
        try:
            # Between creating and locking, a clean-up elsewhere may have taken the file for a
            # leftover and removed it: then the name no longer leads to this file.
            mine = locked and os.stat(candidate).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            mine = False
        if mine:
            return candidate, fd
        os.close(fd)
    raise FileExistsError(f"no free temporary name in {folder}")


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that killed exports left in ``folder``: only names of
    Hamish's exact pattern, regular files of this user whose lock is free. Returns them."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if TEMP_PATTERN.fullmatch(name) is None:
            continue
        path = folder / name
        if _remove_if_abandoned(path):
            removed.append(path)
    return removed


def _remove_if_abandoned(path: Path) -> bool:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False  # gone, a link, or not ours to read
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return False
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            return False
        locked = _try_lock(fd)
        if locked is False:
            return False  # a live export is writing it
        if locked is None and time.time() - info.st_mtime < STALE_WITHOUT_LOCKS:
            return False
        if os.stat(path).st_ino != info.st_ino:
            return False
        path.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


# --- writing -------------------------------------------------------------------------------


_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def _place_new(tmp: Path, target: ExportTarget) -> None:
    """Put the finished file at a name that was free when checked, never over a file that
    appeared meanwhile: ``os.link`` fails on an existing name (``os.replace`` would not)."""
    try:
        os.link(tmp, target.real)
    except FileExistsError:
        raise TargetExists(target.path) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        if os.path.lexists(target.real):  # no hard links here (FAT, some network shares)
            raise TargetExists(target.path) from None
        os.replace(tmp, target.real)
        return
    tmp.unlink()


STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Ctrl-C, ``kill`` and a closed terminal: what :func:`signals_deferred` holds back."""


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP, where Python handles them (Ctrl-C's KeyboardInterrupt; the
    command line raises the other two as it), are acted on once the block is done: the
    first one that came is sent again then, to the handler it had. Python runs signal
    handlers in the main thread only, whichever thread the signal reached, so the handlers
    are swapped there (a thread's signal mask would not do: the signal goes to another
    thread); elsewhere the block runs as it is.

    Qt's start and drawing run in such a block, from PySide's first import on: a
    KeyboardInterrupt raised while PySide builds a module, an enum or a signature on first
    use aborted the process ("libshiboken/signature: could not initialize part 2", exit 134)
    or was swallowed there, turned into an AttributeError (``QLocale.Language``) or into
    nothing at all, and the figure was written as if no signal had come (found by the
    attacker, signalling 0.3–0.5 s after start)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    asked: list[int] = []
    before: dict[int, Callable[[int, FrameType | None], Any] | int | signal.Handlers | None] = {}
    # Blocked for the main thread too, so that the threads Qt starts in the block inherit a
    # mask that blocks them: the kernel gives a process's signal to any thread not blocking
    # it, and one that a thread of Qt's took never woke the main thread from a blocking call
    # (an export stopped while it synced its file slept on until the call returned, found
    # by stopping exports under load); when the block ends, one that came meanwhile is
    # delivered to the main thread.
    mask = (
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        if hasattr(signal, "pthread_sigmask")
        else None
    )
    try:
        # Swapped inside the try: a signal acted on between two swaps raised out of the
        # swapping, and left those already swapped deferring for the rest of the run.
        for number in STOP_SIGNALS:
            if callable(signal.getsignal(number)):
                before[number] = signal.signal(number, lambda number, _frame: asked.append(number))
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a pending one's handler runs
    if asked:
        signal.raise_signal(asked[0])  # its handler runs now, before this returns


@contextlib.contextmanager
def replace_on_success(
    target: str | os.PathLike[str], *, overwrite: bool = False, project_path: Path | None = None
) -> Iterator[Path]:
    """Yield a temporary path to write; on normal exit it takes the target's place atomically.

    The target is checked first (``check_export_target``) and again before the rename. A
    link is written through: its target file is replaced and the link stays. ``overwrite``
    allows replacing a file that existed when checked; a file that appears meanwhile is never
    replaced. On any exception the temporary file is removed and the target (if it existed) is
    left untouched. Operating-system errors come out as ``HamishError`` with a readable
    sentence; anything else (a bug) propagates unchanged after the clean-up.
    """
    checked = check_export_target(target, overwrite=overwrite, project_path=project_path)
    shown, real = checked.path, checked.real
    kept = "; the existing file was left as it was" if checked.existed else ""
    tmp: Path | None = None
    lock: int | None = None
    try:
        remove_leftovers(real.parent)
        # A signal acted on between creating the temporary file and naming it to the
        # clean-up left the file behind (found by stopping exports as their file appeared).
        with signals_deferred():
            tmp, lock = _reserve(real.parent, real.name)
        yield tmp
        fsync(tmp)
        # Checked again: what the name leads to may have changed while the export was written.
        again = check_export_target(shown, overwrite=checked.existed, project_path=project_path)
        if again.real != real:
            raise HamishError(f"{shown} changed while it was being exported; nothing was exported.")
        if again.existed:
            with contextlib.suppress(OSError):
                shutil.copymode(real, tmp)
            os.replace(tmp, real)
        else:
            _place_new(tmp, checked)
        fsync_folder(real.parent)
    except OSError as error:
        raise HamishError(
            f"Cannot write {shown}: {error.strerror or error}. Nothing was exported{kept}."
        ) from error
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        if lock is not None:
            os.close(lock)
