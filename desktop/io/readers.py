"""Text readers: child processes that read, decode and draft the plain text and Markdown files
of a large batch, so that the cores the writer does not use work for it (issue 15).

Why: the writer (SQLite: the row, the ``content_hash`` index, FTS5's tokens) can only run
in one process, and reading a short Arabic text file — decoding it, normalising, folding,
hashing, telling its language and direction — costs it as much again. With the reading done
in :data:`READERS` processes beside it, the writer's own time per file is what is left.

What a reader does is exactly :func:`desktop.io.batch.load_file` for a text or Markdown file
— the same checks (a regular file, the size limit, binary content, the encodings), the same
reasons — and nothing else: a file it would hand to the risky parsers (a web page, a Word
document, a PDF, an e-mail, whatever its name), a file larger than :data:`SMALL`, one it
cannot even look at, and any error it did not expect, it leaves to the parent (``None``),
which reads that file itself as before. A reader never runs a third-party parser on what it
reads, only Hamish's own decoding and the standard library, so its drafts are taken whole —
the folded text for the search index included, which is what makes reading elsewhere pay —
unlike the answers of the reader process of :mod:`desktop.io.worker`. They still cross as
JSON of the expected shape, never pickle.

The reader's side is :mod:`desktop.io.text_reader`. Protocol (the frames of
:mod:`desktop.io.worker`, a length and that many bytes): the parent
sends a JSON list of at most :data:`BATCH` paths, the reader answers with a JSON list of as
many answers, in order: ``{"draft": {...}}``, ``{"rejected": reason}`` or ``null``. Each
reader has at most :data:`AHEAD` batches waiting, so what is read ahead stays small (at most
``READERS * AHEAD * BATCH`` files of at most :data:`SMALL` bytes). Files come back in the
batch's order whatever reader read them, so chunks, progress, cancellation and the report are
those of reading in one process. A reader that dies or answers nonsense is dropped and the
parent reads the rest itself. A reader ends when its input closes — the batch is over, or
the parent is gone (killed: nothing is left running).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from desktop.children import text_reader_command
from desktop.core.errors import ImportRejected
from desktop.core.records import DocumentDraft
from desktop.io.worker import _end, _pump, _write_frame  # the reader process's frames

__all__ = ["AHEAD", "BATCH", "PARALLEL_FILES", "READERS", "SMALL", "TextReaders", "reader_count"]

BATCH = 16
"""Files per request."""
AHEAD = 8
"""Requests a reader may have waiting. Two left the readers idle while the writer committed
a chunk (200 articles, 60–80 ms): the writer then waited for them, 15 s of a 30 s import of
10,000 files on a busy 2-core machine, 7–10 s with four. With four (128 files with two
readers, less than a chunk) the readers still ran dry while a commit of a large project
waited for the disk: the writer of a 100,000-file import waited 20–41 s for them, 8 s with
eight (issue 15)."""
SMALL = 64 * 1024
"""The largest file a reader reads (bytes); a larger one the parent reads itself. With
:data:`AHEAD` and :data:`BATCH` it bounds what is read ahead: 8 MB of files per reader, as
when :data:`AHEAD` was doubled before (128 KB with four requests, 256 KB with two); a news
article in UTF-8 is a few kilobytes."""
PARALLEL_FILES = 1000
"""A batch with fewer text files than this is read in the calling process: starting the
readers costs about a second of CPU."""
READERS = 4
"""At most this many readers (fewer on a machine with fewer cores)."""

Load = Callable[[], DocumentDraft]


def reader_count() -> int:
    """How many readers to start: one per core the process may use (at most
    :data:`READERS`), none on a single core — there they would only take turns with the
    writer."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(READERS, cores)


def _rejected(reason: str) -> DocumentDraft:
    raise ImportRejected(reason)


def _draft(fields: object) -> DocumentDraft | None:
    """The draft a reader sent, if it has the expected shape (else None: read it here)."""
    # JSON's keys are strings; DocumentDraft refuses a name it does not have.
    if type(fields) is dict and all(v is None or type(v) is str for v in fields.values()):
        try:
            draft = DocumentDraft(**fields)
        except TypeError:
            return None
        if draft.direction in ("rtl", "ltr"):
            return draft
    return None


class _Reader:
    """One reader process and the batches it was given, oldest first."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])  # the folder holding desktop/
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            text_reader_command([]),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self.replies: queue.Queue[bytes | None] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(
            target=_pump,
            args=(self.process.stdout, self.replies),
            name="hamish-text-reader",
            daemon=True,
        ).start()
        self.waiting: deque[list[str]] = deque()

    def send(self, paths: list[str]) -> bool:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            _write_frame(stdin, json.dumps(paths).encode("ascii"))
            stdin.flush()
        except (OSError, ValueError):
            return False
        self.waiting.append(paths)
        return True

    def answers(self) -> list[Any] | None:
        """The answers to the oldest batch, or None if the reader died or made no sense."""
        paths = self.waiting.popleft()
        reply = self.replies.get()
        if reply is None:
            return None
        try:
            answers = json.loads(reply.decode("utf-8", "surrogatepass"))
        except ValueError:
            return None
        if not isinstance(answers, list) or len(answers) != len(paths):
            return None
        return answers

    def close(self) -> None:
        _end(self.process)


class TextReaders:
    """The readers of one batch (a context manager: they end with it)."""

    def __init__(self, count: int) -> None:
        self._readers: list[_Reader] = []
        try:
            for _ in range(count):
                self._readers.append(_Reader())
        except OSError:  # no process can be started: read here
            self.close()

    def __enter__(self) -> TextReaders:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        readers, self._readers = self._readers, []
        for reader in readers:
            reader.close()

    def loads(
        self, files: Sequence[str], loader: Callable[[Path], DocumentDraft]
    ) -> Iterator[Load]:
        """For each of ``files``, in order, what reading it gave: a callable returning its
        draft or raising ``ImportRejected`` — read by a reader, or by ``loader`` here for a
        file the readers leave (or all the rest, once a reader failed)."""
        batches = [list(files[i : i + BATCH]) for i in range(0, len(files), BATCH)]
        readers = self._readers
        count = len(readers)
        sent = 0
        for number, batch in enumerate(batches):
            while self._readers and sent < len(batches) and sent < number + AHEAD * count:
                if not readers[sent % count].send(batches[sent]):
                    self.close()  # read here from now on
                    break
                sent += 1
            answers = readers[number % count].answers() if self._readers else None
            if answers is None:
                self.close()  # read here from now on
                yield from (partial(loader, Path(file)) for file in batch)
                continue
            for file, answer in zip(batch, answers, strict=True):
                yield self._load(file, answer, loader)

    @staticmethod
    def _load(file: str, answer: object, loader: Callable[[Path], DocumentDraft]) -> Load:
        if isinstance(answer, dict):
            if "draft" in answer and (draft := _draft(answer["draft"])) is not None:
                return lambda: draft
            reason = answer.get("rejected")
            if isinstance(reason, str) and reason:
                return partial(_rejected, reason)
        return partial(loader, Path(file))
