"""Exporters write project content to files. Shared rule for every format (JSON now, CSV and
Word later): the output appears complete or not at all.

A crash, a full disk or a bug half-way through an export must never leave a truncated file
that looks like a good one, nor destroy the previous export of the same name. So each exporter
writes into a temporary file beside the target (same folder, hence same file system, so the
final ``os.replace`` is atomic) and only replaces the target once everything was written and
flushed to disk.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import HamishError


def _reserve(folder: Path, name: str) -> Path:
    """Create an empty, hidden temporary file. ``O_EXCL`` with mode 0o666 lets the umask set
    the permissions, as for any file the user creates (``mkstemp`` would force 0o600)."""
    for _ in range(100):
        candidate = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(f"no free temporary name in {folder}")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replace_on_success(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on normal exit it replaces ``target`` atomically.

    On any exception the temporary file is removed and ``target`` (if it existed) is left
    untouched. Operating-system errors come out as ``HamishError`` with a readable sentence;
    anything else (a bug) propagates unchanged after the clean-up.
    """
    target = Path(target)
    existed = target.exists()
    if target.is_dir():
        raise HamishError(f"{target} is a folder; give a file name to export to.")
    if not target.parent.is_dir():
        raise HamishError(f"The folder {target.parent} does not exist; nothing was exported.")
    kept = "; the existing file was left as it was" if existed else ""
    tmp: Path | None = None
    try:
        tmp = _reserve(target.parent, target.name)
        yield tmp
        _fsync(tmp)
        if existed:
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as error:
        raise HamishError(
            f"Cannot write {target}: {error.strerror or error}. Nothing was exported{kept}."
        ) from error
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
