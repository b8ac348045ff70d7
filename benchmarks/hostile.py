"""Hostile files through ``hamish import`` (issue 13): peak memory and wall time of each.

Every file of the hostile corpus (``tests/data/hostile/``: the checked-in small bombs and the
large files its ``make.py`` writes) is imported into a fresh project by ``python -m desktop
import`` in a child process. Printed for each: what Hamish said (imported, or the reason it
refused), the wall time, the peak resident memory of the largest process (``ru_maxrss`` of the
child and the processes it waited for: the import and its reader process) and the peak of
their sum (sampled from ``/proc`` every 20 ms, Linux only). Targets: peak memory under 500 MB
and every file refused or imported within 30 s.

The child runs under an address-space cap of 6 GB (``--cap``) so that a version of Hamish
without bounds cannot take the machine down while this measures it: "killed at the cap" is
then the figure.

Run: .venv/bin/python benchmarks/hostile.py [--quick] [--large-folder DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "data" / "hostile"
sys.path.insert(0, str(HOSTILE))
sys.path.insert(0, str(REPO))

import make  # noqa: E402  (tests/data/hostile/make.py, the corpus' recipes)

TARGET_MB = 500
TARGET_S = 30.0


@dataclass
class Result:
    name: str
    size: int
    code: int
    seconds: float
    peak_mb: float  # largest single process
    total_mb: float  # sampled sum over the process tree (0 where /proc is missing)
    said: str


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and its descendants, from /proc (0 if unavailable)."""
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


# Runs the import and reports the peak resident memory of the largest process among the
# import and the processes it waited for (its reader process): ru_maxrss of the children of a
# process of its own, so earlier files cannot mask the figure.
_WRAPPER = """
import resource, subprocess, sys
cap = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
code = subprocess.call(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"@@peak {peak} {code}", file=sys.stderr)
"""


def run_one(path: Path, workdir: Path, cap_gb: float, code: Path = REPO) -> Result:
    project = workdir / f"{path.stem}.hamish"
    project.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop", "import", "--project", str(project), str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, str(int(cap_gb * 1024**3)), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=workdir,
    )
    peak_total = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak_total[0] = max(peak_total[0], _tree_rss(child.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    raw_out, raw_err = child.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    out, err = raw_out.decode(errors="replace"), raw_err.decode(errors="replace")
    peak_kb, code = 0, child.returncode
    for line in err.splitlines():
        if line.startswith("@@peak "):
            peak_kb, code = (int(x) for x in line.split()[1:3])
    return Result(
        path.name,
        path.stat().st_size,
        code,
        seconds,
        peak_kb / 1024,
        peak_total[0] / 1024 / 1024,
        _what_it_said(code, out, err),
    )


def _what_it_said(code: int, out: str, err: str) -> str:
    if code < 0:
        return f"killed by signal {-code} (at the address-space cap?)"
    lines = [line for line in err.splitlines() if line.startswith("hamish:")]
    if lines:
        return lines[-1].split(": ", 2)[-1]
    imported = [line for line in out.splitlines() if line.startswith("imported")]
    if imported:
        return imported[0].split("  ")[0] + " " + out.strip().splitlines()[-1]
    tail = (err or out).strip().splitlines()
    return tail[-1] if tail else f"exit {code}"


def overhead(count: int) -> None:
    """What the reader process costs a folder import: its start-up, and the time per file
    beyond converting in this process, for a saved news page and a short Word document."""
    from desktop.io.worker import ReaderProcess, convert

    page = (REPO / "tests" / "data" / "import" / "news_page.html").read_bytes()
    word = make._docx(
        make._minimal_docx(make._DOC_HEAD + make._paragraph(make.ARABIC) * 8 + make._DOC_TAIL)
    )
    for kind, data in (("html", page), ("docx", word)):
        start = time.perf_counter()
        for n in range(count):
            convert(kind, data, f"{n}.{kind}", origin="", fallback_title="")
        here = (time.perf_counter() - start) / count
        with ReaderProcess() as reader:
            start = time.perf_counter()
            reader.convert(kind, data, "first", origin="", fallback_title="")
            first = time.perf_counter() - start
            start = time.perf_counter()
            for n in range(count):
                reader.convert(kind, data, f"{n}.{kind}", origin="", fallback_title="")
            there = (time.perf_counter() - start) / count
        print(
            f"reader process, {kind}: start-up and first file {first * 1000:.0f} ms; "
            f"per file {there * 1000:.1f} ms there against {here * 1000:.1f} ms here "
            f"(overhead {(there - here) * 1000:+.1f} ms a file, "
            f"{(there - here) * 2000:+.1f} s for 2,000 files)",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the small checked-in files")
    parser.add_argument("--large-folder", type=Path, help="where the large files are kept")
    parser.add_argument("--only", nargs="*", default=[], help="file names to run")
    parser.add_argument("--cap", type=float, default=6.0, help="address-space cap, GB")
    parser.add_argument(
        "--overhead", type=int, default=200, metavar="N", help="files timed for the overhead"
    )
    parser.add_argument(
        "--code", type=Path, default=REPO, help="the checkout to measure (to compare versions)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hamish-hostile-") as tmp:
        workdir = Path(tmp)
        files = [HOSTILE / name for name in make.SMALL]
        missing = [path for path in files if not path.is_file()]
        if missing:
            make.make_small()
        if not args.quick:
            folder = args.large_folder or workdir / "large"
            folder.mkdir(parents=True, exist_ok=True)
            print(f"writing the large files into {folder} …", flush=True)
            files += make.make_large(folder)
        if args.only:
            files = [path for path in files if path.name in args.only]
        print(
            f"{'file':28} {'size':>9} {'exit':>4} {'time s':>7} {'peak MB':>8} {'sum MB':>7}  "
            "what Hamish said"
        )
        failures = 0
        for path in files:
            result = run_one(path, workdir, args.cap, args.code)
            ok = result.peak_mb < TARGET_MB and result.seconds < TARGET_S
            failures += not ok
            size = (
                f"{result.size / 1024 / 1024:.1f} MB"
                if result.size >= 1024 * 1024
                else f"{result.size / 1024:.0f} KB"
            )
            print(
                f"{result.name:28} {size:>9} {result.code:>4} {result.seconds:7.1f} "
                f"{result.peak_mb:8.0f} {result.total_mb:7.0f}  {'' if ok else '✗ '}"
                f"{result.said[:150]}",
                flush=True,
            )
        print(
            f"targets: peak memory < {TARGET_MB} MB and refused or imported within "
            f"{TARGET_S:.0f} s — {len(files) - failures} of {len(files)} files meet them"
        )
    if args.overhead and (args.code == REPO):
        overhead(args.overhead)
    return 0


if __name__ == "__main__":
    sys.exit(main())
