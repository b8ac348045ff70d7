"""A text reader: the child process of :mod:`desktop.io.readers` (see there), reading the
text and Markdown files of a large import beside the writer.

``python -m desktop.io.text_reader`` (``hamish --text-reader`` in the standalone build).
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import IO, Any

from desktop.core.errors import ImportRejected
from desktop.io.batch import load_here
from desktop.io.readers import SMALL
from desktop.io.worker import _read_frame, _write_frame

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
)


def _read(path: str) -> dict[str, Any] | None:
    """What reading ``path`` here gives (see the module docstring), as sent to the parent."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > SMALL:
        return None
    # Read here rather than stat it again (read_limited): the checks are made above. With
    # the descriptor alone, not a buffered file: open() adds an fstat, an ioctl and an lseek
    # per file and a buffer that is copied out again (issue 15). O_NONBLOCK: a file replaced
    # by a pipe since the stat cannot hold the reader (it gives a short read or an error).
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):  # the parent reads it and says why
        return None
    try:
        data = os.read(handle, status.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    if len(data) != status.st_size:  # it changed since: the parent reads it, with every check
        return None
    try:
        draft = load_here(Path(path), data)
    except ImportRejected as error:
        return {"rejected": str(error)}
    except Exception:  # MemoryError included: the parent reads it and says what it says
        return None
    return None if draft is None else {"draft": draft._asdict()}


def _serve(requests: IO[bytes], replies: IO[bytes]) -> int:
    while (frame := _read_frame(requests)) is not None:
        paths = json.loads(frame.decode("ascii"))
        answers = [_read(path) for path in paths if isinstance(path, str)]
        if len(answers) != len(paths):
            return 1
        payload = json.dumps(answers, ensure_ascii=False).encode("utf-8", "surrogatepass")
        _write_frame(replies, payload)
        replies.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    del argv  # no options
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else printed goes to stderr
    try:
        return _serve(sys.stdin.buffer, replies)
    except (BrokenPipeError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
