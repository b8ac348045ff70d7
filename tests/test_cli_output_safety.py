"""What the command line writes, attacked (the security tester's findings): ``screenshot``
writes as every export does, bounds its size and checks its platform; SIGTERM and SIGHUP
clean up as Ctrl-C does; a full disk is one line on stderr; an interrupted import says what
it kept. Real processes, as a user or a script runs them."""

from __future__ import annotations

import os
import re
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.io.exporters.files import TEMP_PATTERN
from tests import export_targets as targets
from tests.analysis.conftest import build_small

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # each command chooses offscreen itself
    env["PYTHONPATH"] = str(ROOT)
    return env


def hamish(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        env=_env(),
    )


def _child(patch: str, *args: str | Path) -> list[str]:
    """``hamish ARGS`` in a Python that first runs ``patch`` (to slow or starve it)."""
    # Ctrl-C as a terminal sends it: a test run started in the background of a
    # non-interactive shell (nohup … &) ignores SIGINT, and so would the child.
    script = (
        "import signal, sys\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
        f"{patch}\nfrom desktop import commands\nsys.exit(commands.run(sys.argv[1:]))\n"
    )
    return [sys.executable, "-c", script, *map(str, args)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    small = build_small(tmp_path_factory.mktemp("out") / "small.hamish")
    small.project.close()
    return small.project.path


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- screenshot: the same guarded writing as every export -----------------------------------


def test_a_screenshot_never_writes_through_a_planted_temporary_name(
    project: Path, tmp_path: Path
) -> None:
    """It wrote to the fixed name ``.x.png.tmp.png``: a link planted there made it overwrite
    the file the link named. Now it writes a file of its own making, and writes it at the
    smallest size it accepts."""
    victim = tmp_path / "victim"
    victim.write_text("data\n", encoding="utf-8")
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / ".x.png.tmp.png").symlink_to(victim)
    output = folder / "x.png"
    result = hamish("screenshot", "--project", project, "--output", output, "--size", "640x480")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {output} (640x480, offscreen)\n"
    assert victim.read_text(encoding="utf-8") == "data\n"
    assert _png_size(output) == (640, 480)
    assert sorted(p.name for p in folder.iterdir()) == [".x.png.tmp.png", "x.png"]


def test_a_screenshot_replaces_a_file_only_with_overwrite(project: Path, tmp_path: Path) -> None:
    output = tmp_path / "shot.png"
    output.write_bytes(b"an earlier picture")
    refused = hamish("screenshot", "--project", project, "--output", output)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == (
        f"hamish: {output} already exists; add --overwrite to replace it. Nothing was exported.\n"
    )
    assert output.read_bytes() == b"an earlier picture"
    replaced = hamish("screenshot", "--project", project, "--output", output, "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert _png_size(output) == (1280, 820)
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (targets.device, "is a device, not a file"),
        (targets.fifo, "is a named pipe, not a file"),
        (targets.read_only, "is read-only; nothing was exported"),
        (targets.other_project, "is a Hamish project; exporting to it would destroy it"),
        (targets.dangling, "is a link to .*nowhere, which does not exist"),
    ],
    ids=["device", "fifo", "read-only", "project", "dangling-link"],
)
def test_a_screenshot_refuses_what_no_export_writes(
    project: Path, tmp_path: Path, make: Callable[[Path], None], message: str
) -> None:
    """A FIFO and a link were replaced by a regular file, even with no --overwrite."""
    output = tmp_path / "target.png"
    make(output)
    before = os.lstat(output)
    result = hamish("screenshot", "--project", project, "--output", output, "--overwrite")
    assert result.returncode == 1 and result.stdout == ""
    assert re.fullmatch(rf"hamish: {re.escape(str(output))} {message}.*\n", result.stderr)
    after = os.lstat(output)
    assert (after.st_mode, after.st_ino, after.st_size) == (
        before.st_mode,
        before.st_ino,
        before.st_size,
    )
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


def test_a_screenshot_makes_no_folder(project: Path, tmp_path: Path) -> None:
    output = tmp_path / "missing" / "shot.png"
    result = hamish("screenshot", "--project", project, "--output", output)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"hamish: The folder {output.parent} does not exist; nothing was exported.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", ["20000x20000", "100000x100000", "0x0", "639x480", "7680x4321"])
def test_a_screenshot_size_out_of_range_is_refused(
    project: Path, tmp_path: Path, size: str
) -> None:
    """20000x20000 took 9 GB and a minute, 100000x100000 died of SIGSEGV, 0x0 gave 549x613."""
    output = tmp_path / "shot.png"
    result = hamish("screenshot", "--project", project, "--output", output, "--size", size)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"hamish: --size must be from 640x480 to 7680x4320 pixels, not '{size}'\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("platform", "message"),
    [
        ("xcb", "--platform xcb needs an X display, and DISPLAY is not set"),
    ],
)
def test_a_platform_qt_cannot_start_is_a_message(
    project: Path, tmp_path: Path, platform: str, message: str
) -> None:
    """Qt aborted the process (exit 134) on a platform it has no plugin for."""
    output = tmp_path / "shot.png"
    result = hamish("screenshot", "--project", project, "--output", output, "--platform", platform)
    assert result.returncode == 2 and result.stdout == ""
    assert re.fullmatch(f"hamish: {message}\n", result.stderr), result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("platform", ["vnc", "VNC:size=640x480", "xcb;vnc", "eglfs", "nonexistent"])
def test_only_platforms_that_open_nothing_are_allowed(
    project: Path, tmp_path: Path, platform: str
) -> None:
    """``--platform vnc`` served the window, unauthenticated, on port 5900 while it was
    drawn; ``xcb;vnc`` fell back to it. Refused in one line before Qt loads."""
    output = tmp_path / "shot.png"
    result = hamish("screenshot", "--project", project, "--output", output, "--platform", platform)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"hamish: --platform {platform!r} is not allowed; "
        "choose from offscreen, minimal, xcb, wayland\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_display_qt_cannot_reach_is_one_line(project: Path, tmp_path: Path) -> None:
    """xcb on a display that is not there: Qt says so over several lines, then aborts."""
    output = tmp_path / "shot.png"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "desktop", "screenshot", "--project", str(project)),
            *("--output", str(output), "--platform", "xcb"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**_env(), "DISPLAY": ":4242"},  # no X server there
    )
    assert done.returncode == 2 and done.stdout == ""
    assert re.fullmatch(r"hamish: Qt cannot start on --platform xcb: .+\n", done.stderr)
    assert list(tmp_path.iterdir()) == []


# --- SIGTERM and SIGHUP clean up as Ctrl-C does ----------------------------------------------

# The export waits before it puts its finished temporary file in place, long enough to be
# stopped there. SIGHUP as a terminal delivers it: a test run under nohup passes SIGHUP
# ignored to its children, and the command leaves an ignored SIGHUP ignored (nohup's wish) —
# the run then waited for a signal that never came.
SLOW = (
    "import signal\n"
    "import time\n"
    "signal.signal(signal.SIGHUP, signal.SIG_DFL)\n"
    "from desktop.io.exporters import files\n"
    "files.fsync = lambda path: time.sleep(120)\n"
)


@pytest.mark.parametrize(
    ("command", "name", "number"),
    [
        (("export",), "r.docx", signal.SIGTERM),
        (("export",), "r.json", signal.SIGHUP),
        (("graph",), "g.png", signal.SIGHUP),
        (("timeline",), "t.png", signal.SIGTERM),
        (("screenshot", "--size", "640x480"), "s.png", signal.SIGTERM),
        (("export",), "r.docx", signal.SIGINT),  # as before: Ctrl-C cleaned up already
    ],
    ids=["docx-term", "json-hup", "graph-hup", "timeline-term", "screenshot-term", "docx-int"],
)
def test_a_stopped_export_leaves_no_temporary_file(
    project: Path, tmp_path: Path, command: tuple[str, ...], name: str, number: int
) -> None:
    """SIGTERM or SIGHUP killed the process at once and left ``.r.docx.c754761c.tmp``
    beside the target; now it unwinds, removes it and exits 128 + the signal."""
    output = tmp_path / name
    child = subprocess.Popen(
        _child(SLOW, command[0], "--project", project, "--output", output, *command[1:]),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        for _ in range(7_500):  # looks for up to 150 s, counted in looks, not timed
            if any(TEMP_PATTERN.fullmatch(p.name) for p in tmp_path.iterdir()):
                break
            assert child.poll() is None, child.communicate()
            time.sleep(0.02)
        else:
            pytest.fail("no temporary file appeared")
        child.send_signal(number)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 128 + number, (child.returncode, err)
    assert out == "" and err == ""
    assert list(tmp_path.iterdir()) == []


def test_sigterm_while_a_figure_is_drawn_is_acted_on_after(tmp_path: Path) -> None:
    """As Ctrl-C (tests/ui/test_figure_export.py): raised inside an item's paint, called
    from C++, it would crash the process; the drawing finishes, then the command stops."""
    script = (
        "import os, signal\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsRectItem\n"
        "from desktop.cli_common import Stopped, stop_on_signals\n"
        "from desktop.ui.figures import export\n"
        "app = QApplication([])\n"
        "stop_on_signals()\n"
        "class Item(QGraphicsRectItem):\n"
        "    painted = 0\n"
        "    def paint(self, painter, option, widget=None):\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "        for _ in range(100_000): pass  # Python runs on inside the paint\n"
        "        Item.painted += 1\n"
        "        super().paint(painter, option, widget)\n"
        "scene = QGraphicsScene()\n"
        "scene.addItem(Item(0, 0, 100, 50))\n"
        "try:\n"
        "    export.png_bytes(scene, width_mm=20, dpi=72)\n"
        "except Stopped as stop:\n"
        "    print('stopped after', Item.painted, stop.number == signal.SIGTERM)\n"
    )
    env = {**_env(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout == "stopped after 1 True\n"


# --- a full disk is one line ------------------------------------------------------------------

# Once the temporary file is made, no file may grow past 4 KB: each write beyond fails, as
# on a full disk (EFBIG "File too large" rather than ENOSPC, with no root nor mount needed).
FULL = (
    "import resource, signal\n"
    "from desktop.io.exporters import files\n"
    "reserve = files._reserve\n"
    "def starved(folder, name):\n"
    "    made = reserve(folder, name)\n"
    "    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))\n"
    "    return made\n"
    "files._reserve = starved\n"
)


@pytest.mark.parametrize(
    "command",
    [("export", "r.docx"), ("graph", "g.png"), ("timeline", "t.png"), ("screenshot", "s.png")],
    ids=["docx", "graph", "timeline", "screenshot"],
)
def test_a_full_disk_is_one_line(project: Path, tmp_path: Path, command: tuple[str, str]) -> None:
    """A Word briefing printed its message, then "Exception ignored in ZipFile.__del__" and
    a traceback; a PNG "libpng error: Write Error" and "the image could not be saved",
    without saying why."""
    output = tmp_path / command[1]
    done = subprocess.run(
        _child(FULL, command[0], "--project", project, "--output", output),
        capture_output=True,
        text=True,
        env=_env(),
        timeout=180,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"hamish: Cannot write {output}: File too large. Nothing was exported.\n"
    assert list(tmp_path.iterdir()) == []


# --- an interrupted import says what it kept ----------------------------------------------


def test_an_interrupted_import_says_what_it_kept(tmp_path: Path) -> None:
    """Ctrl-C after the first chunk was stored exited 130 saying nothing; the same import
    run again brings in the rest, the stored ones skipped."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(260):
        (folder / f"a{n:03d}.txt").write_text(
            f"المقال رقم {n} عن المفاوضات في جنيف والهدنة في حلب", encoding="utf-8"
        )
    stop_after_first_chunk = (
        "import os, signal\n"
        "from desktop.store.documents import DocumentStore\n"
        "add_many = DocumentStore.add_many\n"
        "def stored_then_stopped(self, drafts):\n"
        "    done = add_many(self, drafts)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return done\n"
        "DocumentStore.add_many = stored_then_stopped\n"
    )
    project = tmp_path / "p.hamish"
    done = subprocess.run(
        _child(stop_after_first_chunk, "import", "--project", project, folder),
        capture_output=True,
        text=True,
        env=_env(),
        timeout=180,
    )
    assert done.returncode == 130 and done.stdout == ""
    found = re.fullmatch(
        r"hamish: interrupted: (\d+) articles imported before the stop \(each one complete\); "
        r"run the same import again to add the rest\n",
        done.stderr,
    )
    assert found, done.stderr
    kept = int(found[1])
    assert 0 < kept < 260
    again = hamish("import", "--project", project, folder)
    assert again.returncode == 0, again.stderr
    assert f"{260 - kept} imported, {kept} skipped, 0 failed" in again.stdout


# --- small ones -------------------------------------------------------------------------------


def test_figures_are_for_docx_only(project: Path, tmp_path: Path) -> None:
    output = tmp_path / "r.json"
    result = hamish("export", "--project", project, "--output", output, "--figures", "network")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "hamish: --figures is for docx only\n"
    assert not output.exists()
