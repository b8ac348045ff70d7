"""The reader process: the risky parsers run here, so a hostile file costs this process, not
the window or the command (issue 13).

PDF (pdfminer), Word (python-docx/lxml), web pages (lxml/trafilatura) and e-mail run in a
child process (``python -m desktop.io.worker``) that limits its own address space to
:data:`~desktop.io.importers.limits.MEMORY_MB` (``RLIMIT_AS``) and its CPU time; the parent
gives each file :data:`~desktop.io.importers.limits.SECONDS` of the reader's CPU time (a busy
machine, where the reader waits for a core, does not make a file fail) and at most
:data:`WALL_FACTOR` times as long by the clock, and kills the process when they run out.
Running out of either becomes a rejection that says which limit was hit. Plain text and
Markdown are read in the calling process: they are bounded by the size of the file, and a
49 MB text would otherwise cross the pipe twice.

One process serves a whole batch (:class:`ReaderProcess`, reused file after file; a
2,000-file folder pays for one start-up), and is started again after a file that killed it.
The parent sends a small JSON header with the file's path (the child reads the file itself,
with the same size check, so the caller need not hold it meanwhile) or with its bytes; the
child answers with JSON (never pickle: it has read hostile input, so its answers are taken as
data of the expected shape or not at all). Frames are a length (8 bytes, big-endian) and that
many bytes. A reader that grew large, ran out of memory or ran out of time is not kept for
the next file.

Where ``resource`` is missing (Windows) the memory and CPU limits are not set; the wall-clock
limit and the budgets of :mod:`desktop.io.importers.limits` still hold.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, NoReturn

from desktop.children import reader_command
from desktop.core.errors import HamishError, ImportRejected
from desktop.core.records import DocumentDraft
from desktop.io.importers import limits
from desktop.io.importers.common import read_limited
from desktop.io.importers.eml import eml_to_draft
from desktop.io.importers.html_page import html_bytes_to_draft
from desktop.io.importers.limits import check_article, without_inline_data
from desktop.io.importers.pdf import pdf_to_draft
from desktop.io.importers.text import text_to_draft
from desktop.io.importers.word import docx_to_draft

__all__ = [
    "CONVERTERS",
    "IN_PROCESS",
    "ReaderProcess",
    "convert",
    "reader",
    "reading_session",
]

Converter = Callable[..., DocumentDraft]  # (data, name, *, origin, fallback_title)


def _markdown(data: bytes, name: str, *, origin: str, fallback_title: str) -> DocumentDraft:
    return text_to_draft(data, name, origin=origin, fallback_title=fallback_title, markdown=True)


def _web_page(data: bytes, name: str, *, origin: str, fallback_title: str) -> DocumentDraft:
    """A saved page within :data:`~desktop.io.importers.limits.HTML_BYTES` of markup, the
    pictures embedded in it (often most of a page saved as one file) left out first."""
    data = without_inline_data(data)
    if len(data) > limits.HTML_BYTES:
        limit = limits.HTML_BYTES // limits.MB
        raise ImportRejected(
            f"{name} holds more than {limit} MB of markup (pictures in the page not counted); "
            f"Hamish imports web pages of up to {limit} MB."
        )
    if limits.html_elements(data) > limits.HTML_ELEMENTS:
        most = f"{limits.HTML_ELEMENTS:,}"
        raise ImportRejected(
            f"{name} has more than {most} elements in its markup; Hamish imports web pages "
            f"of up to {most} elements."
        )
    return html_bytes_to_draft(data, name, origin=origin, fallback_title=fallback_title)


CONVERTERS: dict[str, Converter] = {
    "text": text_to_draft,
    "markdown": _markdown,
    "html": _web_page,
    "docx": docx_to_draft,
    "pdf": pdf_to_draft,
    "eml": eml_to_draft,
}
IN_PROCESS = frozenset({"text", "markdown"})
"""Kinds read in the calling process: bounded by the file's size, and cheaper here."""

_EXIT_MEMORY = 3  # the child ran out of memory and could not even say so
_LARGE = 200 * limits.MB  # a reader process that grew beyond this is not kept for the next file
_HEADER = 8  # bytes of a frame's length
# A file has ``seconds`` of the reader's CPU time, and at most this many times as long by the
# clock (ReaderProcess._wait).
WALL_FACTOR = 4
try:
    _CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
except (AttributeError, ValueError, OSError):  # Windows: no /proc either
    _CLOCK_TICKS = 100
_MAX_REPLY = 8 * limits.MAX_CHARS + (1 << 20)  # an article as JSON, with room to spare


def convert(
    kind: str, data: bytes, name: str, *, origin: str, fallback_title: str
) -> DocumentDraft:
    """Convert ``data`` in this process: a parser's unexpected error becomes a rejection of
    this file (with its type, for a bug report), and the article limit is applied to every
    format. ``MemoryError`` is let through for the caller to report."""
    try:
        draft = CONVERTERS[kind](data, name, origin=origin, fallback_title=fallback_title)
    except (HamishError, MemoryError):
        raise
    except RecursionError as error:
        raise ImportRejected(f"{name} is nested too deeply to be read.") from error
    except Exception as error:
        raise ImportRejected(
            f"{name} could not be read ({type(error).__name__}: {error})."
        ) from error
    check_article(draft.text, name)
    return draft


# --- frames ------------------------------------------------------------------------------------
def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(len(payload).to_bytes(_HEADER, "big"))
    stream.write(payload)


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    parts: list[bytes] = []
    left = size
    while left:
        piece = stream.read(left)
        if not piece:
            return None
        parts.append(piece)
        left -= len(piece)
    return b"".join(parts)


def _read_frame(stream: IO[bytes], largest: int | None = None) -> bytes | None:
    """The next frame, or None at the end of the stream (or when the length announced is
    beyond ``largest``: nothing the other side may send)."""
    head = _read_exactly(stream, _HEADER)
    if head is None:
        return None
    size = int.from_bytes(head, "big")
    if largest is not None and size > largest:
        return None
    return _read_exactly(stream, size)


# --- the parent's side -------------------------------------------------------------------------
class ReaderProcess:
    """One reader process, started on first use and reused for every file until
    :meth:`close`; started again after a file that ended it. Thread-safe: files are read
    one at a time."""

    def __init__(self, memory_mb: int | None = None, seconds: float | None = None) -> None:
        self.memory_mb = limits.MEMORY_MB if memory_mb is None else memory_mb
        self.seconds = limits.SECONDS if seconds is None else seconds
        self.started = 0  # processes started so far (tests and the benchmark read it)
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[bytes | None] = queue.Queue()
        self._lock = threading.Lock()

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the process (it also ends by itself when this one does: its input closes)."""
        with self._lock:
            self._stop(kill=False)

    def convert(
        self, kind: str, data: bytes, name: str, *, origin: str, fallback_title: str
    ) -> DocumentDraft:
        """Convert ``data`` in the reader process, or raise ``ImportRejected`` with the reason
        (the parser's own, or the limit it hit)."""
        return self._run(kind, name, origin, fallback_title, None, data)

    def convert_file(
        self, kind: str, path: str, name: str, *, origin: str, fallback_title: str
    ) -> DocumentDraft:
        """Like :meth:`convert`, the reader process reading the file ``path`` (absolute)
        itself, with the same size check: the caller need not hold it meanwhile."""
        return self._run(kind, name, origin, fallback_title, path, b"")

    def _run(
        self, kind: str, name: str, origin: str, fallback_title: str, path: str | None, data: bytes
    ) -> DocumentDraft:
        request = {
            "kind": kind,
            "name": name,
            "origin": origin,
            "fallback_title": fallback_title,
            "path": path,
        }
        header = json.dumps(request, ensure_ascii=False).encode("utf-8", "surrogatepass")
        with self._lock:
            try:
                process = self._send(header, data)
            except OSError as error:  # no process can be started (no memory, no processes…)
                raise ImportRejected(
                    f"{name} could not be read ({type(error).__name__}: {error})."
                ) from error
            try:
                reply = self._wait(process)
            except queue.Empty:
                self._stop(kill=True)
                raise ImportRejected(
                    f"{name} was not imported: reading it took longer than {self.seconds:g} s, "
                    "the limit for one file."
                ) from None
            if reply is None:
                self._died(process, name)
            return self._answer(reply, name)

    def _wait(self, process: subprocess.Popen[bytes]) -> bytes | None:
        """The process's answer, or ``queue.Empty`` once the file has had its time: ``seconds``
        of the reader's own CPU time, so that a busy machine (the reader waiting for a core)
        does not make a file fail, and at most :data:`WALL_FACTOR` times as long by the clock,
        for a reader that waits on nothing. Where a process's CPU time cannot be read (no
        ``/proc``) the clock alone counts, as ``seconds``."""
        started = time.monotonic()
        spent_before = _cpu_seconds(process.pid)
        while True:
            elapsed = time.monotonic() - started
            now = _cpu_seconds(process.pid)
            spent = elapsed if now is None or spent_before is None else now - spent_before
            if spent >= self.seconds or elapsed >= WALL_FACTOR * self.seconds:
                raise queue.Empty
            # The CPU time cannot grow faster than the clock: nothing to check before then.
            wait = min(self.seconds - spent, WALL_FACTOR * self.seconds - elapsed)
            try:
                return self._replies.get(timeout=max(wait, 0.05))
            except queue.Empty:
                continue

    def _send(self, header: bytes, data: bytes) -> subprocess.Popen[bytes]:
        """Hand a file to the process (started or restarted as needed)."""
        for attempt in range(2):
            process = self._start()
            assert process.stdin is not None
            try:
                _write_frame(process.stdin, header)
                _write_frame(process.stdin, data)
                process.stdin.flush()
                return process
            except OSError:  # it ended between two files (killed from outside): once more
                self._stop(kill=True)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _answer(self, reply: bytes, name: str) -> DocumentDraft:
        try:
            message = json.loads(reply.decode("utf-8", "surrogatepass"))
        except ValueError:
            message = None
        if not isinstance(message, dict):
            self._stop(kill=True)
            return _draft(None, name)  # refused as malformed
        if message.get("last"):  # it ends after this answer: the next file starts another
            self._stop(kill=False)
        status = message.get("status")
        if status == "ok":
            return _draft(message.get("draft"), name)
        if status == "memory":
            raise ImportRejected(self._memory_message(name))
        raise ImportRejected(str(message.get("message") or f"{name} could not be read."))

    def _memory_message(self, name: str) -> str:
        return (
            f"{name} was not imported: reading it stopped because it would need more than "
            f"{self.memory_mb} MB of memory."
        )

    def _died(self, process: subprocess.Popen[bytes], name: str) -> NoReturn:
        """The process ended without answering: say why, as well as its end tells."""
        code = process.wait()
        self._stop(kill=True)
        if code == _EXIT_MEMORY:
            raise ImportRejected(self._memory_message(name))
        if code == -getattr(signal, "SIGXCPU", -1000):
            raise ImportRejected(
                f"{name} was not imported: reading it took longer than {self.seconds:g} s, "
                "the limit for one file."
            )
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        raise ImportRejected(
            f"{name} was not imported: the reader stopped unexpectedly ({how}); it may need "
            f"more than {self.memory_mb} MB of memory."
        )

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop(kill=True)
        root = str(Path(__file__).resolve().parents[2])  # the folder holding desktop/
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        # ``python -m desktop.io.worker``, or the standalone build's own executable.
        command = reader_command(
            [
                "--memory-mb",
                str(self.memory_mb),
                "--cpu-seconds",
                str(max(1, round(2 * self.seconds))),
            ]
        )
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        replies: queue.Queue[bytes | None] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(
            target=_pump, args=(process.stdout, replies), name="hamish-reader", daemon=True
        ).start()
        self._process, self._replies = process, replies
        self.started += 1
        return process

    def _stop(self, *, kill: bool) -> None:
        process, self._process = self._process, None
        if process is not None:
            _end(process, kill=kill)


def _cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system) process ``pid`` has used so far, from ``/proc``; None
    where that cannot be read (not Linux, or the process has ended)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


def _end(process: subprocess.Popen[bytes], *, kill: bool = False) -> None:
    """A child process ended: its input closed (it stops at end of input), killed if asked
    or if it has not stopped in 5 s, its output closed."""
    if process.stdin is not None:
        with suppress(OSError):
            process.stdin.close()
    if kill and process.poll() is None:
        process.kill()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        with suppress(OSError):
            process.stdout.close()


def _draft(fields: object, name: str) -> DocumentDraft:
    """The draft the process sent, checked: it has read hostile input, so its answer is taken
    as data of the expected shape or not at all."""
    if isinstance(fields, dict) and all(
        isinstance(key, str) and (value is None or isinstance(value, str))
        for key, value in fields.items()
    ):
        try:
            # Never its folded text: the search index is made from it, so the index could
            # otherwise be told to hold what the article does not say.
            return DocumentDraft(**{**fields, "folded": None})
        except TypeError:
            pass
    raise ImportRejected(f"{name} could not be read (the reader's answer was malformed).")


def _pump(stream: IO[bytes], replies: queue.Queue[bytes | None]) -> None:
    """Move the process's answers to ``replies``; None when it ends."""
    try:
        while (frame := _read_frame(stream, _MAX_REPLY)) is not None:
            replies.put(frame)
    except (OSError, ValueError):
        pass
    replies.put(None)


# --- which process reads -----------------------------------------------------------------------
_local = threading.local()
_shared: ReaderProcess | None = None
_shared_lock = threading.Lock()


@contextmanager
def reading_session() -> Iterator[ReaderProcess]:
    """Files read on this thread inside the block share one reader process, ended with the
    block (a batch import is one session)."""
    previous: ReaderProcess | None = getattr(_local, "reader", None)
    session = ReaderProcess()
    _local.reader = session
    try:
        yield session
    finally:
        _local.reader = previous
        session.close()


def reader() -> ReaderProcess:
    """The reader process for this thread: its session's, else one shared by the process
    (started on first use, ended when this process exits)."""
    global _shared
    current: ReaderProcess | None = getattr(_local, "reader", None)
    if current is not None:
        return current
    with _shared_lock:
        if _shared is None:
            import atexit

            _shared = ReaderProcess()
            atexit.register(_shared.close)
        return _shared


# --- the child's side --------------------------------------------------------------------------
def _set_limits(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the wall-clock limit and the budgets still hold
        return
    for which, value in ((resource.RLIMIT_AS, memory_mb * limits.MB), (resource.RLIMIT_CORE, 0)):
        with suppress(ValueError, OSError):  # macOS does not enforce RLIMIT_AS; keep going
            resource.setrlimit(which, (value, value))


def _limit_cpu(seconds: int) -> None:
    """At most ``seconds`` more CPU time (SIGXCPU ends the process beyond): a safeguard for
    when the parent, who keeps the wall clock, is gone."""
    try:
        import resource
    except ImportError:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(usage.ru_utime + usage.ru_stime) + seconds
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY and soft > hard:
        return
    with suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _ran_out(error: BaseException) -> bool:
    """Whether a rejection comes from running out of memory: parsers catch broad exceptions
    and report the file as damaged, keeping the ``MemoryError`` as the cause."""
    seen = 0
    cause: BaseException | None = error
    while cause is not None and seen < 20:
        if isinstance(cause, MemoryError):
            return True
        cause = cause.__cause__ or cause.__context__
        seen += 1
    return False


def _status(field: str) -> int:
    """A size from ``/proc/self/status`` in bytes (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _near_limit(memory_mb: int) -> bool:
    """Whether this process came within a tenth of its address-space limit: a parser that
    swallowed a ``MemoryError`` entirely still leaves that trace."""
    return _status("VmPeak") >= 0.9 * memory_mb * limits.MB


def _done_with(memory_mb: int) -> bool:
    """Whether to end after this answer and let the next file start a fresh process: after
    running out of memory, or after a file that made this process large (Python keeps much
    of what it freed; the caller goes on to store the article meanwhile)."""
    return _near_limit(memory_mb) or _status("VmHWM") > _LARGE


def _serve(requests: IO[bytes], replies: IO[bytes], cpu_seconds: int, memory_mb: int) -> int:
    while (head := _read_frame(requests)) is not None:
        data = _read_frame(requests)
        if data is None:
            break
        request = json.loads(head.decode("utf-8", "surrogatepass"))
        _limit_cpu(cpu_seconds)
        answer: dict[str, Any]
        try:
            if request.get("path"):
                data = read_limited(request["path"])
            draft = convert(
                request["kind"],
                data,
                request["name"],
                origin=request["origin"],
                fallback_title=request["fallback_title"],
            )
            answer = {"status": "ok", "draft": draft._replace(folded=None)._asdict()}
        except ImportRejected as error:
            if _ran_out(error) or _near_limit(memory_mb):
                answer = {"status": "memory"}
            else:
                answer = {"status": "rejected", "message": str(error)}
        except MemoryError:
            answer = {"status": "memory"}
        del data
        # Start afresh after this one? (A parser may also have left things half-built.)
        answer["last"] = last = answer["status"] == "memory" or _done_with(memory_mb)
        try:
            payload = json.dumps(answer, ensure_ascii=False).encode("utf-8", "surrogatepass")
            _write_frame(replies, payload)
            replies.flush()
        except MemoryError:
            return _EXIT_MEMORY
        if last:
            return 0
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.io.worker")
    parser.add_argument("--memory-mb", type=int, default=limits.MEMORY_MB)
    parser.add_argument("--cpu-seconds", type=int, default=round(2 * limits.SECONDS))
    args = parser.parse_args(argv)
    _set_limits(args.memory_mb)
    # Answers go to the original standard output; anything a library prints goes to stderr.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        return _serve(sys.stdin.buffer, replies, args.cpu_seconds, args.memory_mb)
    except (BrokenPipeError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
