"""Every benchmark script still runs (on a tiny corpus): their figures are only checked by hand,
so without this a change in an API they use breaks them silently (it happened to export.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

RUNS = {
    "startup": (["--runs", "1", "--large", "30"], "ratio Hamish / bare"),
    "tagging": (["--scale", "0.01"], "tag key -> repainted highlight p95"),
    "mentions": (["--scale", "0.002"], "find all mentions:"),
    "search": (["--articles", "300", "--repeat", "1", "--rebuilds", "1"], "top 50 hits"),
    "import": (["--articles", "20", "--mixed", "6"], "mixed files:"),
    "export": (["--scale", "0.02"], "briefing, all sections"),
    "export_kills": (["--kills", "3", "--articles", "5"], "partial files:"),
    "encoding": (["--repeat", "1"], "damaged utf-8, 9 bad bytes"),
    "gazetteer_eval": (["--limit", "3"], "gazetteer entries:"),
    "claims": (["--articles", "3", "--thresholds", "0.6"], "train time: entity tagger"),
    "integrity": (["--articles", "30", "--runs", "1"], "integrity_check:"),
    "hostile": (
        ["--quick", "--only", "docx_zip_bomb.docx", "html_xxe.html", "--overhead", "3"],
        "reader process, docx",
    ),
    "soak": (["--kills", "6", "--articles", "5"], "lost committed edits:"),
    "fuzz": (["--examples", "2", "-k", "query or arabic"], "fuzz properties:"),
    "exchange": (
        ["--articles", "5", "--tags", "5", "--bomb-mb", "100", "--notes", "50"],
        "unpacks to more than",
    ),
    "review_queue": (["--articles", "8"], "longest pause"),
    "exchange_refi": (["--articles", "5", "--per-article", "5"], "zip bomb, lying headers"),
    "scale": (["--articles", "200"], "MB ("),
    "library": (["--articles", "200", "--runs", "1"], "memory with the project open"),
    "network": (["--nodes", "150", "--edges", "600", "--frames", "2"], "pan, zoomed in"),
    "timeline": (["--claims", "200", "--articles", "10", "--runs", "1"], "(target <= 300 ms)"),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_benchmark_runs(name: str, tmp_path: Path) -> None:
    arguments, expected = RUNS[name]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    if name == "startup":
        env.pop("QT_QPA_PLATFORM")  # it chooses its own offscreen screen
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{name}.py"), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert expected in done.stdout, done.stdout


CORPUS = BENCHMARKS.parent.parent / "shared" / "data" / "arabic-ner-dev"


def _suggestions(tmp_path: Path, timeout: int, *args: str) -> subprocess.CompletedProcess[str]:
    """benchmarks/suggestions.py run on the development corpus (skipped without it)."""
    if not (CORPUS / "gold.json").exists():
        pytest.skip(f"the development corpus is not at {CORPUS}")
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "suggestions.py"), *args, "--no-timing"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=tmp_path,
    )


def test_suggestions_benchmark_runs(tmp_path: Path) -> None:
    """benchmarks/suggestions.py needs the development corpus, which is not in the repository."""
    done = _suggestions(tmp_path, 300, "--articles", "12", "--ks", "0,4")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "rules + registry + gazetteer + model, threshold" in done.stdout, done.stdout
    assert "errors at the threshold" in done.stdout


def _says_the_corpus_is_missing(script: str, tmp_path: Path) -> None:
    """A benchmark of the development corpus, run where it is not: it says so and stops."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "the development corpus is not at" in done.stdout


def test_suggestions_benchmark_without_the_corpus(tmp_path: Path) -> None:
    _says_the_corpus_is_missing("suggestions.py", tmp_path)


def test_name_parts_benchmark_runs(tmp_path: Path) -> None:
    """benchmarks/name_parts.py needs the development corpus too; without it, it says so."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "name_parts.py"), "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "the development corpus is not at" in done.stdout
    if not (CORPUS / "gold.json").exists():
        pytest.skip(f"the development corpus is not at {CORPUS}")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "name_parts.py"), "--articles", "12", "--k", "4"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "parts confirmed (the ticked ones):" in done.stdout, done.stdout
    assert "name_parts:" in done.stdout


def test_suggestions_benchmark_tunes_both_thresholds_of_each_type(tmp_path: Path) -> None:
    """``--tune`` chooses each type's pair of thresholds (the model's own suggestions, and the
    gazetteer's and the rules' it judges) and measures with both."""
    done = _suggestions(tmp_path, 600, "--articles", "9", "--ks", "3", "--tune")
    assert done.returncode == 0, done.stderr[-3000:]
    chosen = [line for line in done.stdout.splitlines() if line.startswith("chosen:")]
    assert len(chosen) == 1 and "offsets" in chosen[0] and "judged" in chosen[0], done.stdout
    assert "PERS  chosen" in done.stdout and "/" in done.stdout.split("PERS  chosen")[1][:9]


COUNTING = (
    "import atexit, os\n"
    "_seen = [0]\n"
    "_getppid = os.getppid\n"
    "def _marker():\n"
    "    _seen[0] += 1\n"
    "    return _getppid()\n"
    "os.getppid = _marker\n"
    "atexit.register(lambda: print('markers', _seen[0], flush=True))\n"
)


@pytest.mark.parametrize("window", ["bare", "hamish"])
def test_startup_phases_end_each_step_with_one_marker(window: str, tmp_path: Path) -> None:
    """``startup.py --phases`` names callgrind's counts by the markers' order (a dump before
    each ``os.getppid``): a step of ``app.run_gui`` renamed or one marker more or fewer would
    put every later figure under the wrong name. Run here without callgrind, the markers
    counted."""
    import runpy

    startup = runpy.run_path(str(BENCHMARKS / "startup.py"))
    code, steps = (
        (startup["BARE_PHASES"], startup["BARE_STEPS"])
        if window == "bare"
        else (startup["HAMISH_PHASES"], startup["HAMISH_STEPS"])
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HAMISH_EXIT_AFTER_FIRST_PAINT": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", COUNTING + code, "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "first-paint" in done.stdout, done.stdout
    # The last step (quit and exit) ends with the process, not with a marker.
    assert f"markers {len(steps) - 1}\n" in done.stdout, done.stdout


def test_startup_lists_what_builds_the_qt_namespace(tmp_path: Path) -> None:
    """``startup.py --qt-namespace`` traces a launch to its first paint and says where the
    ``Qt`` namespace (all its Python enums, about 114 M instructions) was first built and
    what named it: the list a first paint without it has to empty. Whatever the code does,
    the tracer must see the first paint and, if the namespace was built, name something."""
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("QT_QPA_PLATFORM")  # it chooses its own offscreen screen
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "startup.py"), "--qt-namespace", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "lines naming Qt before the first paint:" in out, out
    listed = out.split("lines naming Qt before the first paint:", 1)[1]
    if "the Qt namespace built first at:" in out:
        assert 'File "' in out.split("lines naming Qt", 1)[0], out  # the stack that built it
        assert "  ui/" in listed, out  # and what names it
    else:
        assert "the Qt namespace: not built" in out, out


def test_entity_errors_benchmark_without_the_corpus(tmp_path: Path) -> None:
    """benchmarks/entity_errors.py (the error analysis over the folds) needs the corpus too;
    without it, it says so and stops (a run on it builds three projects of 100 articles)."""
    _says_the_corpus_is_missing("entity_errors.py", tmp_path)


def test_organisations_folds_benchmark_without_the_corpus(tmp_path: Path) -> None:
    """benchmarks/organisations_folds.py (the model's organisations alone, over the folds)
    needs the corpus too; without it, it says so and stops."""
    _says_the_corpus_is_missing("organisations_folds.py", tmp_path)
