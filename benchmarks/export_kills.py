"""Exports killed at random moments (issue 13): never a partial file, leftovers cleaned.

Each round starts a real ``hamish``-style export (JSON, CSV or the Word briefing, in turn) in a
child process over an earlier good export of the same name (``overwrite``), and SIGKILLs it at
a random moment between start-up and the end of a normal run — while it reads the project,
writes the temporary file, or renames it. Then:

- the target must be either the earlier export, untouched, or a complete new one (JSON that
  parses, a CSV with every row, a .docx whose zip is intact): anything else is a partial file;
- the killed child may leave its temporary file ``.{name}.{hex}.tmp``; the next export into the
  folder (run here, in this process) must remove every such leftover.

Prints the number of kills, how many left a temporary file, how many leftovers survived the
next export (target 0) and how many partial files were found (target 0).

Run: .venv/bin/python benchmarks/export_kills.py [--kills 300] [--articles 200]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.io.exporters.csv_export import export_csv
from desktop.io.exporters.files import TEMP_PATTERN
from desktop.io.exporters.json_export import export_json
from desktop.store.project import Project

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FORMATS = ("json", "csv", "docx")
CHILD = """
import sys
from pathlib import Path

from desktop.store.project import Project

fmt, project_path, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
with Project.open(project_path, create=False) as project:
    if fmt == "json":
        from desktop.io.exporters.json_export import export_json

        export_json(project, target, overwrite=True)
    elif fmt == "csv":
        from desktop.io.exporters.csv_export import export_csv

        export_csv(project, target, "annotations", overwrite=True)
    else:
        from desktop.io.exporters.docx_report import export_docx
        from desktop.io.exporters.report import ReportOptions

        export_docx(project, target, ReportOptions(include_full_texts=True), overwrite=True)
"""


def build(path: Path, articles: int) -> int:
    """A project of ``articles`` seed texts, each with a few annotations; returns how many."""
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    annotations = 0
    with Project.open(path) as project, project.database.transaction():
        label = project.labels.by_key("note")
        assert label is not None
        for n in range(articles):
            text = f"تقرير رقم {n + 1}.\n" + bodies[n % len(bodies)]
            doc = project.documents.add(make_draft(text, title=f"مقال {n + 1}"))
            for start in range(10, min(len(text) - 20, 400), 60):
                project.annotations.add(
                    prepare_annotation(text, doc, start, start + 12, label.id, "bench")
                )
                annotations += 1
    return annotations


def complete(path: Path, fmt: str, rows: int) -> bool:
    """Whether ``path`` holds a whole export of ``fmt``."""
    try:
        if fmt == "json":
            return bool(json.loads(path.read_text(encoding="utf-8"))["format"] == "hamish")
        if fmt == "csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return len(list(csv.reader(handle))) == rows + 1
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "word/document.xml" in archive.namelist()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return False


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if TEMP_PATTERN.fullmatch(p.name)]


def child_env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), path) if p)}


def run_child(fmt: str, project: Path, target: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, fmt, str(project), str(target)],
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=300, help="exports to kill")
    parser.add_argument("--articles", type=int, default=200, help="articles in the project")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = folder / "bench.hamish"
        rows = build(project, args.articles)
        out = folder / "out"
        out.mkdir()
        # One full run per format: the earlier good export, and how long a run takes.
        duration: dict[str, float] = {}
        for fmt in FORMATS:
            started = time.perf_counter()
            done = run_child(fmt, project, out / f"export.{fmt}")
            assert done.wait() == 0, f"the {fmt} export failed"
            duration[fmt] = time.perf_counter() - started
        left_tmp = survived = partial = replaced = 0
        started = time.perf_counter()
        for kill in range(args.kills):
            fmt = FORMATS[kill % len(FORMATS)]
            target = out / f"export.{fmt}"
            before = target.read_bytes()
            child = run_child(fmt, project, target)
            time.sleep(rng.uniform(0, duration[fmt]))
            child.kill()
            child.wait()
            if leftovers(out):
                left_tmp += 1
            if target.read_bytes() != before:
                if complete(target, fmt, rows):
                    replaced += 1
                else:
                    partial += 1
            # The next export into the folder removes what the killed one left.
            with Project.open(project, create=False) as opened:
                if fmt == "csv":
                    export_csv(opened, out / "next.csv", "annotations", overwrite=True)
                else:
                    export_json(opened, out / "next.json", overwrite=True)
            survived += len(leftovers(out))
        elapsed = time.perf_counter() - started
    print(f"project: {args.articles} articles, {rows:,} annotations")
    print(
        "one full run: " + ", ".join(f"{fmt} {seconds:.2f} s" for fmt, seconds in duration.items())
    )
    print(f"exports killed:                    {args.kills} ({elapsed:.0f} s)")
    print(f"  finished before the kill:        {replaced}")
    print(f"  left a temporary file:           {left_tmp}")
    print(f"leftovers after the next export:   {survived} (target 0)")
    print(f"partial files:                     {partial} (target 0)")


if __name__ == "__main__":
    main()
