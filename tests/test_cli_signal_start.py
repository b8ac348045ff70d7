"""Ctrl-C, SIGTERM and SIGHUP in the first second of a figure command (the attacker's
harness): while PySide loaded and Qt started, a signal aborted the process ("libshiboken/
signature: could not initialize part 2", exit 134), broke it with a traceback (an
AttributeError on a PySide enum) or was swallowed, and the figure was written, exit 0.
Now every delay gives 128 + the signal, no output, no temporary file and nothing on stderr
— or, when the signal came after the command had finished, its complete output and exit 0.

The delays count from when the child maps PySide's runtime: before Hamish's handlers are
in, the signal reaches Python's own start-up, which no program can handle (a fresh clone's
first run was still there at 0.35 s). They are a spread, not a schedule: on a busy machine
a delay lands elsewhere in the start-up, and each run must hold whichever part it hits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.analysis.conftest import build_small

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    small = build_small(tmp_path_factory.mktemp("signals") / "small.hamish")
    small.project.close()
    return small.project.path


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # each command chooses offscreen itself
    env["PYTHONPATH"] = str(ROOT)
    return env


def _default_sigint() -> None:
    # A non-interactive shell's background job ignores SIGINT, and so would the child:
    # Ctrl-C from a terminal reaches a process with the default disposition.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_pyside(pid: int) -> None:
    """Until the child maps PySide's runtime (libshiboken): Qt's start-up has begun, and
    Hamish's handlers are in. Timed from the process's start, a fresh clone's first run
    (compiling every module) was still in Python's own start-up at 0.35 s, where SIGINT is
    Python's and not Hamish's to handle. Counted in looks, up to about a minute."""
    maps = Path(f"/proc/{pid}/maps")
    for _ in range(6_000):
        try:
            if "shiboken" in maps.read_text(errors="replace"):
                return
        except OSError:
            return  # gone (or no /proc): send as it is
        time.sleep(0.01)


def signalled(args: list[str], delay: float, number: int) -> subprocess.CompletedProcess[str]:
    """``hamish ARGS`` sent ``number`` about ``delay`` seconds after PySide began to load."""
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        preexec_fn=_default_sigint,  # a signal reset only: nothing that could deadlock
    )
    try:
        _wait_for_pyside(child.pid)
        time.sleep(delay)  # where the signal lands, not how long anything may take
        child.send_signal(number)
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def _complete(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    with zipfile.ZipFile(path) as docx:
        return docx.testzip() is None and "word/document.xml" in docx.namelist()


SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@pytest.mark.parametrize(
    ("command", "name", "delays"),
    [
        (("graph",), "g.png", (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.6)),
        (("export", "--figures", "network,timeline"), "b.docx", (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)),
        (("screenshot", "--size", "640x480"), "s.png", (0.0, 0.1, 0.3)),
    ],
    ids=["graph", "export-figures", "screenshot"],
)
def test_a_signal_while_qt_starts_stops_the_command_cleanly(
    project: Path, tmp_path: Path, command: tuple[str, ...], name: str, delays: tuple[float, ...]
) -> None:
    seen: list[tuple[float, str, int]] = []
    for step, delay in enumerate(delays):
        folder = tmp_path / str(step)
        folder.mkdir()
        output = folder / name
        number = SIGNALS[step % len(SIGNALS)]
        args = [command[0], "--project", str(project), "--output", str(output), *command[1:]]
        done = signalled(args, delay, number)
        seen.append((delay, signal.Signals(number).name, done.returncode))
        where = (delay, signal.Signals(number).name, done.returncode, done.stderr)
        assert done.returncode >= 0 and done.returncode != 134, where
        assert "Traceback" not in done.stderr and done.stderr.count("\n") <= 1, where
        left = sorted(p.name for p in folder.iterdir())
        if done.returncode == 0:  # too late: the command had finished, its file complete
            assert left == [name] and _complete(output), where
            assert done.stdout.startswith(f"wrote {output}"), where
        else:
            assert done.returncode == 128 + number, where
            assert done.stderr == "", where
            # The file is whole when it came as the command was saying so; never a part.
            assert left == [] or (left == [name] and _complete(output)), (where, left)
    # Not every run may come too late: the harness must have stopped something.
    assert any(code != 0 for _, _, code in seen), seen
