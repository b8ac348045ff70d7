"""Startup and article-open figures for issue 2.

Prints:
- median wall time from process start to the first painted Hamish main window on the default
  project (seeded on first run), next to a bare PySide6 QMainWindow measured the same way in the
  same run, and their ratio (target ≤ 2.0);
- median time to open a 1 MB Arabic article in the reader (target ≤ 300 ms);
- median first paint with ``--lang en`` and with ``--lang ar`` (translations loaded and the
  window mirrored; target: Arabic adds at most 20 ms), and the time ``install_language`` itself
  takes for each language;
- median time to the first paint on a project of 20,000 articles (``--large N``; 0 skips it):
  the library lists every article, so this is where per-article costs at start-up show.

Both are timed with compiled bytecode, as after a wheel install (pip byte-compiles what it
installs): the script runs ``compileall`` on the package first. A checkout run with
``PYTHONDONTWRITEBYTECODE=1`` would otherwise recompile every module on every launch, which
measures the sandbox, not the program (it added about 50 ms here).

Run: .venv/bin/python benchmarks/startup.py [--runs N]

``--instructions`` counts instead of timing: the instructions each process executes from its
start to the quit after its first paint, under valgrind's callgrind (needs ``valgrind``), for
the bare window, Hamish in English and Hamish in Arabic, and their ratio. Wall time on a busy
two-core machine swings by a third from run to run; the instruction count repeats to within
0.01 %, so it shows a start-up regression of a few per cent that timing cannot (a run takes
about two minutes).

``--phases`` splits those counts by step (the bare window's and Hamish's, side by side): where
the difference goes, before deciding what to change. Each step ends with a call to
``os.getppid``, before which callgrind writes its counts out (``--dump-before``), so nothing
is compiled against valgrind; the steps are the same launch as ``--instructions`` (Hamish's
imports in the order ``cli.main`` makes them, except that PySide's own modules are counted on
their own first), within a few M instructions of it. The steps count every thread's
instructions — the fonts' two threads (ui/fontload.py) in whichever step they ran beside —
so they show the work, not the path the first paint waits on (``--instructions`` gives the
GUI thread's alone). The ``Qt`` namespace is not built before
the first paint (``desktop/ui/qtvalues.py``): were it built again, ``--qt-namespace`` says
where.

``--qt-namespace en|ar`` lists what builds the ``Qt`` namespace before the first paint (all
its Python enums at once, about 114 M instructions; the bare window never builds it): where
it was first built, every line of ``desktop`` run before the first paint that names ``Qt.``,
and every function of ``desktop`` run then with a ``Qt`` enum among its arguments or locals
(a Python model's ``headerData`` is handed a ``Qt.Orientation``). A first paint without the
namespace needs this list empty. ``--project PATH`` launches on that project instead of the
seeded default one.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("first-paint", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication(sys.argv)
window = QMainWindow()
editor = QPlainTextEdit()
window.setCentralWidget(editor)
probe = Probe()
editor.viewport().installEventFilter(probe)
window.resize(1280, 820)
window.show()
app.exec()
"""

# The same window, each step ended by a marker (see ``phases``).
BARE_PHASES = "import os\nos.getppid()  # python start-up\n" + BARE.replace(
    "app = QApplication(sys.argv)\n",
    "os.getppid()  # the bare window's PySide imports\napp = QApplication(sys.argv)\n"
    "os.getppid()  # QApplication\n",
).replace(
    "window.show()\n", "os.getppid()  # the window built\nwindow.show()\nos.getppid()\n"
).replace("QTimer.singleShot(0, app.quit)", "os.getppid(); QTimer.singleShot(0, app.quit)")
BARE_STEPS = (
    "python start-up",
    "PySide6 imports",
    "QApplication",
    "window built",
    "window.show()",
    "event loop to first paint",
    "quit and exit",
)

# Hamish's start (``cli.main`` for ``hamish --lang X``), each step ended by a marker.
HAMISH_PHASES = r"""
import gc, os, sys
os.getppid()  # python start-up
from desktop.ui.fontload import start_fontconfig
start_fontconfig()  # as cli.main does
gc.disable()
from desktop.cli import _import_pyside_without_feature_checks, _load_qt_free_layers
_load_qt_free_layers()
os.getppid()  # the Qt-free layers
_import_pyside_without_feature_checks()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
os.getppid()  # what the bare window imports
import desktop.app as app
os.getppid()  # desktop.app

def ended(function):
    def step(*args, **kwargs):
        result = function(*args, **kwargs)
        os.getppid()
        return result
    return step

for name in ("create_application", "apply_language", "open_project"):
    setattr(app, name, ended(getattr(app, name)))
build = app.build_window
def build_window(*args, **kwargs):
    window = build(*args, **kwargs)
    os.getppid()
    window.show = ended(window.show)  # the instance's: what _open_and_show calls
    return window
app.build_window = build_window
quit_now = QApplication.quit
def quit():
    os.getppid()
    quit_now()
QApplication.quit = staticmethod(quit)
from desktop.cli import _exit_without_a_last_collection
code = app.run_gui(None, sys.argv[1])
_exit_without_a_last_collection()  # as cli.main does
sys.exit(code)
"""
HAMISH_STEPS = (
    "python start-up",
    "Qt-free layers (store, ops)",
    "PySide6 imports",
    "desktop.app",
    "QApplication and stylesheet",
    "settings and language",
    "project opened",
    "theme, the window's modules, window built",
    "window.show()",
    "event loop to first paint",
    "quit and exit",
)


# Hamish's start under a tracer, until the first paint (``--qt-namespace``). The tracer and
# the wrapped ``enum`` only observe; they are never part of a launch of Hamish itself.
QT_NAMESPACE_TRACE = r"""
import enum, linecache, re, sys, traceback
FIRST_ENUM = "GlobalColor"  # the first of the Qt namespace's enums PySide makes
NAMES_QT = re.compile(r"\bQt\.")
built, lines, given = [], {}, {}
painted = [False]
make = enum.EnumType._create_

def create(cls, class_name, *args, **kwargs):
    if class_name == FIRST_ENUM and not built and not painted[0]:
        built.append("".join(traceback.format_stack(limit=12)[:-1]))
    return make(cls, class_name, *args, **kwargs)

enum.EnumType._create_ = create

def from_qt(value):
    return getattr(type(value), "__qualname__", "").startswith("Qt.") and isinstance(
        type(value), enum.EnumType
    )

def where(frame):
    name = frame.f_code.co_filename
    return name.split("/desktop/", 1)[1] if "/desktop/" in name else None

def local(frame, event, arg):
    if painted[0]:
        return None
    if event == "line":
        place = where(frame)
        code = linecache.getline(frame.f_code.co_filename, frame.f_lineno).split("#")[0]
        if NAMES_QT.search(code):
            lines.setdefault((place, frame.f_lineno), code.strip())
        for name, value in list(frame.f_locals.items()):
            if from_qt(value):
                given.setdefault((place, frame.f_code.co_firstlineno, frame.f_code.co_name), name)
    return local

def calls(frame, event, arg):
    if painted[0] or where(frame) is None:
        return None
    return local(frame, "line" if event == "call" else event, arg) and local

sys.settrace(calls)
import desktop.app as app

fire = app._OnFirstPaint._fire

def first_paint(self):
    if not painted[0]:
        painted[0] = True
        sys.settrace(None)
        print("the Qt namespace built first at:" if built else "the Qt namespace: not built")
        print(*built, sep="")
        print("lines naming Qt before the first paint:")
        for (place, number), code in sorted(lines.items()):
            print(f"  {place}:{number}: {code}")
        print("functions given or holding a Qt enum before the first paint:")
        for (place, number, function), name in sorted(given.items()):
            print(f"  {place}:{number} {function} ({name})")
        sys.stdout.flush()
    fire(self)

app._OnFirstPaint._fire = first_paint
sys.exit(app.run_gui(None if sys.argv[2] == "-" else __import__("pathlib").Path(sys.argv[2]),
                     sys.argv[1]))
"""


def qt_namespace(language: str, project: str | None) -> None:
    """Print what builds the ``Qt`` namespace before the first paint (``QT_NAMESPACE_TRACE``),
    on the seeded default project or on ``project``."""
    with tempfile.TemporaryDirectory() as home:
        env = _environment(home)
        if project is None:
            _time_process([sys.executable, "-m", "desktop", "--lang", language], env)  # seeds
        argv = [sys.executable, "-c", QT_NAMESPACE_TRACE, language, project or "-"]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or "first paint:" not in done.stdout:
        raise RuntimeError(f"the traced launch failed:\n{done.stderr[-2000:]}")
    print(done.stdout.split("first-paint", 1)[0], end="")


def _time_process(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    for line in proc.stdout:
        if line.startswith("first-paint"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{argv[:3]} exited without painting:\n{proc.stderr.read()}")
    # The offscreen platform's "does not support propagateSizeHints" warnings are dropped.
    proc.communicate(timeout=60)
    return elapsed


def _platform(home: str) -> str:
    """Offscreen on a 1920×1080 screen (its default is 800×800, where Hamish would open a
    smaller window than the bare one's 1280×820 and paint less); or what the caller set."""
    if "QT_QPA_PLATFORM" in os.environ:
        return os.environ["QT_QPA_PLATFORM"]
    config = Path(home) / "screen.json"
    screen = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def _environment(home: str) -> dict[str, str]:
    """A launch that seeds its own default project in ``home``, quits after its first paint
    and takes its language from ``--lang`` only."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": _platform(home),
        "XDG_DATA_HOME": f"{home}/data",
        "XDG_CONFIG_HOME": f"{home}/config",
        "HAMISH_EXIT_AFTER_FIRST_PAINT": "1",
    }
    env.pop("HAMISH_LANG", None)
    return env


def compile_package() -> None:
    """Write the bytecode cache a wheel install would have (stale entries only)."""
    package = Path(__file__).resolve().parent.parent / "desktop"
    if not compileall.compile_dir(package, quiet=1):
        raise RuntimeError(f"could not byte-compile {package}")


def startup(runs: int) -> tuple[float, float, float, float]:
    """Medians of the first paint: Hamish in English, the bare window, and Hamish with
    ``--lang en`` and ``--lang ar`` (interleaved, so drift in the machine hits both alike)."""
    compile_package()
    with tempfile.TemporaryDirectory() as home:
        env = _environment(home)
        hamish = [sys.executable, "-m", "desktop", "--lang", "en"]
        arabic = [sys.executable, "-m", "desktop", "--lang", "ar"]
        bare = [sys.executable, "-c", BARE]
        _time_process(hamish, env)  # first run creates and seeds the default project
        _time_process(arabic, env)
        _time_process(bare, env)  # warm the file cache for both alike
        ours, theirs, english, ar = [], [], [], []
        for _ in range(runs):
            ours.append(_time_process(hamish, env))
            theirs.append(_time_process(bare, env))
            ar.append(_time_process(arabic, env))
            english.append(_time_process(hamish, env))
    return (
        statistics.median(ours),
        statistics.median(theirs),
        statistics.median(english + ours),
        statistics.median(ar),
    )


def load_translations(runs: int) -> dict[str, float]:
    """In process: the median time ``install_language`` takes for each language (reading the
    .qm files and, for Arabic, Qt's own qtbase_ar.qm)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import create_application
    from desktop.ui.i18n import install_language

    app = create_application(["bench"])
    times: dict[str, list[float]] = {"en": [], "ar": []}
    for _ in range(runs):
        for language in ("en", "ar"):
            start = time.perf_counter()
            install_language(app, language)
            times[language].append(time.perf_counter() - start)
    install_language(app, "en")
    return {language: statistics.median(values) for language, values in times.items()}


def large_project(runs: int, articles: int) -> float:
    """First paint on a project of ``articles`` short Arabic articles (seed paragraphs, each
    with its own number so none is a duplicate)."""
    from desktop.core.text import make_draft
    from desktop.store.project import Project

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    paragraphs = [
        line
        for path in sorted(seeds.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line) > 80
    ]
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "large.hamish"
        with Project.open(path) as project, project.database.transaction():
            for n in range(articles):
                body = f"{paragraphs[n % len(paragraphs)]} ({n})"
                day = f"20{10 + n % 10}-{1 + n % 12:02}-{1 + n % 28:02}"
                project.documents.add(make_draft(body, title=f"{body[:60]} ({n})", published=day))
        env = _environment(home)
        argv = [sys.executable, "-m", "desktop", "--project", str(path)]
        _time_process(argv, env)  # warm the file cache
        return statistics.median(_time_process(argv, env) for _ in range(runs))


def open_article(runs: int) -> tuple[float, int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import create_application
    from desktop.core.text import make_draft
    from desktop.settings import Settings
    from desktop.store.project import Project
    from desktop.ui.shell.mainwindow import MainWindow

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    text = (body * (1_000_000 // len(body) + 1))[:1_000_000]
    app = create_application(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.open(Path(tmp) / "bench.hamish")
        big = project.documents.add(make_draft(text, title="مقال كبير"))
        small = project.documents.add(make_draft("نص قصير", title="قصير"))

        class Quiet:
            def error(self, *a: object) -> None: ...
            def info(self, *a: object) -> None: ...

        window = MainWindow(project, Settings.at(Path(tmp) / "s.ini"), Quiet())
        window.resize(1280, 820)
        window.show()
        app.processEvents()
        times = []
        for _ in range(runs):
            window.open_document(small)
            app.processEvents()
            start = time.perf_counter()
            window.open_document(big)
            window.repaint()  # include layout and the first paint of the visible part
            app.processEvents()
            times.append(time.perf_counter() - start)
        window.close()
    return statistics.median(times), len(text)


def _instructions(argv: list[str], env: dict[str, str], out: Path) -> tuple[int, int]:
    """Instructions callgrind counts for ``argv`` (the whole process: start, first paint,
    quit): all its threads', and the main (GUI) thread's alone — the path the first paint
    waits on, since Hamish loads its fonts on other threads beside it (ui/fontload.py)."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--separate-threads=yes",
        f"--callgrind-out-file={out}",
        *argv,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    total = None
    for line in result.stderr.splitlines():
        if "Collected :" in line:
            total = int(line.rsplit(":", 1)[1])
    main_thread = Path(f"{out}-01")
    if total is None or not main_thread.exists():
        raise RuntimeError(f"callgrind counted nothing for {argv[:3]}:\n{result.stderr[-2000:]}")
    for line in main_thread.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("summary:"):
            return total, int(line.split()[1])
    raise RuntimeError(f"no summary in {main_thread}")


def instructions() -> dict[str, tuple[int, int]]:
    """Instruction counts to the first paint, all threads' and the GUI thread's: bare
    window, Hamish (English, Arabic)."""
    compile_package()
    with tempfile.TemporaryDirectory() as home:
        env = _environment(home)
        env["PYTHONHASHSEED"] = "0"  # the same dict layouts, run after run
        runs = {
            "bare": [sys.executable, "-c", BARE],
            "en": [sys.executable, "-m", "desktop", "--lang", "en"],
            "ar": [sys.executable, "-m", "desktop", "--lang", "ar"],
        }
        _time_process(runs["en"], env)  # creates and seeds the default project
        _time_process(runs["ar"], env)
        return {
            name: _instructions(argv, env, Path(home) / f"callgrind.{name}")
            for name, argv in runs.items()
        }


def _steps(argv: list[str], env: dict[str, str], out: Path, names: tuple[str, ...]) -> list[int]:
    """Instructions of each step of ``argv`` (ended by ``os.getppid``), in order."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--dump-before=os_getppid",
        f"--callgrind-out-file={out}",
        *argv,
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    parts = sorted(out.parent.glob(f"{out.name}.*"), key=lambda p: int(p.suffix[1:]))
    counts = []
    for part in [*parts, out]:
        for line in part.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("summary:"):
                counts.append(int(line.split()[1]))
                break
    if len(counts) != len(names):
        raise RuntimeError(
            f"{len(counts)} steps counted for {argv[:3]}, not {len(names)}:\n"
            f"{result.stderr[-2000:]}"
        )
    return counts


def phases(language: str) -> None:
    """Print the instructions of each start-up step, the bare window's beside Hamish's."""
    compile_package()
    with tempfile.TemporaryDirectory() as home:
        env = _environment(home)
        env["PYTHONHASHSEED"] = "0"
        hamish = [sys.executable, "-c", HAMISH_PHASES, language]
        _time_process([sys.executable, "-m", "desktop", "--lang", language], env)  # seeds
        bare = _steps([sys.executable, "-c", BARE_PHASES], env, Path(home) / "bare", BARE_STEPS)
        ours = _steps(hamish, env, Path(home) / "hamish", HAMISH_STEPS)
    print("instructions by step (M), the bare PySide6 window:")
    for name, count in zip(BARE_STEPS, bare, strict=True):
        print(f"  {name:40} {count / 1e6:8.1f}")
    print(f"  {'total':40} {sum(bare) / 1e6:8.1f}")
    print(f"instructions by step (M), Hamish (--lang {language}):")
    for name, count in zip(HAMISH_STEPS, ours, strict=True):
        print(f"  {name:40} {count / 1e6:8.1f}")
    print(f"  {'total':40} {sum(ours) / 1e6:8.1f}  ratio {sum(ours) / sum(bare):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--large", type=int, default=20_000, help="articles (0: skip)")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions to the first paint under callgrind instead of timing",
    )
    parser.add_argument(
        "--phases",
        choices=("en", "ar"),
        help="split the instruction counts by start-up step (callgrind) for this language",
    )
    parser.add_argument(
        "--qt-namespace",
        choices=("en", "ar"),
        help="list what builds the Qt namespace before the first paint, in this language",
    )
    parser.add_argument("--project", help="with --qt-namespace: launch on this project")
    args = parser.parse_args()
    if args.qt_namespace:
        qt_namespace(args.qt_namespace, args.project)
        return
    if args.phases:
        phases(args.phases)
        return
    if args.instructions:
        counts = instructions()
        bare_all, bare_gui = counts["bare"]
        print("instructions to first paint (M)      all threads    GUI thread")
        print(
            f"  bare PySide6                        {bare_all / 1e6:9.1f}     {bare_gui / 1e6:9.1f}"
        )
        for language in ("en", "ar"):
            total, gui = counts[language]
            print(
                f"  Hamish ({language})                         {total / 1e6:9.1f}     "
                f"{gui / 1e6:9.1f}  ratio {total / bare_all:.3f} / {gui / bare_gui:.3f}"
            )
        print("  (target for the GUI thread's ratio, which the wall time follows: <= 1.4)")
        return
    ours, bare, english, arabic = startup(args.runs)
    print(f"startup to first paint, Hamish:       {ours * 1000:7.0f} ms (median of {args.runs})")
    print(f"startup to first paint, bare PySide6: {bare * 1000:7.0f} ms")
    print(f"ratio Hamish / bare:                  {ours / bare:7.2f}  (target <= 1.4)")
    print(f"first paint, --lang en:               {english * 1000:7.0f} ms")
    print(
        f"first paint, --lang ar:               {arabic * 1000:7.0f} ms  "
        f"(Arabic adds {(arabic - english) * 1000:+.0f} ms, target <= 20 ms)"
    )
    loading = load_translations(max(args.runs, 5))
    print(
        f"loading translations in process:      en {loading['en'] * 1000:.1f} ms, "
        f"ar {loading['ar'] * 1000:.1f} ms"
    )
    median, size = open_article(args.runs)
    print(
        f"open a {size / 1e6:.1f} MB Arabic article:   {median * 1000:7.0f} ms  (target <= 300 ms)"
    )
    if args.large:
        large = large_project(max(3, args.runs // 3), args.large)
        print(
            f"first paint, {args.large:,} articles:   {large * 1000:7.0f} ms  "
            f"({large / ours:.1f}x the default project)"
        )


if __name__ == "__main__":
    main()
