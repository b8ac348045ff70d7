"""Tagging figures for issue 3, on a 1 MB Arabic article holding 10,000 annotations.

Prints:
- time to open the article in the window (load, re-anchor check, highlight, first paint;
  target ≤ 500 ms), median of several opens;
- p95 and median from the tag key press to the repainted highlight (target ≤ 50 ms), over
  200 tags;
- peak memory (process max RSS, and Python allocations during one open via tracemalloc).

Run: .venv/bin/python benchmarks/tagging.py
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.app import create_application
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ANNOTATIONS = 10_000
TAGS = 200


class Quiet:
    def error(self, *_: object) -> None: ...

    def info(self, *_: object) -> None: ...


def build(path: Path) -> tuple[int, str]:
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = (body + "\n") * (1_000_000 // len(body) + 1)
    text = text[: text.rfind("\n", 0, 1_000_000)]
    words = [m.span() for m in re.finditer(r"\w+", text)]
    rng = random.Random(7)
    with Project.open(path) as project:
        doc_id = project.documents.add(make_draft(text, title="مقال كبير"))
        labels = [label.id for label in project.labels.all()]
        with project.database.transaction():
            for start, end in rng.sample(words, ANNOTATIONS):
                if rng.random() < 0.2:  # some multi-word and overlapping spans
                    end = min(len(text), end + rng.randint(5, 60))
                draft = prepare_annotation(text, doc_id, start, end, rng.choice(labels), "bench")
                project.annotations.add(draft)
    return doc_id, text


def main() -> None:
    global ANNOTATIONS, TAGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="annotations and tags factor")
    scale = parser.parse_args().scale
    ANNOTATIONS, TAGS = max(50, int(ANNOTATIONS * scale)), max(20, int(TAGS * scale))
    app = create_application(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.hamish"
        doc_id, text = build(path)
        small = Project.open(path)
        other = small.documents.add(make_draft("نص قصير للتبديل", title="قصير"))
        window = MainWindow(small, Settings.at(Path(tmp) / "s.ini"), Quiet())
        window.resize(1280, 820)
        window.show()
        window.activateWindow()
        app.processEvents()

        opens = []
        for run in range(5):
            window.open_document(other)
            app.processEvents()
            if run == 0:
                tracemalloc.start()
            start = time.perf_counter()
            window.open_document(doc_id)
            window.reader.text.viewport().repaint()
            app.processEvents()
            opens.append(time.perf_counter() - start)
            if run == 0:
                _, traced_peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
        assert len(window.reader.text.index) >= ANNOTATIONS * 0.99

        reader = window.reader.text
        reader.setFocus()
        words = [m.span() for m in re.finditer(r"\w+", text[:200_000])]
        rng = random.Random(11)
        latencies = []
        for start, end in rng.sample(words, TAGS):
            reader.select_cp(start, end)
            app.processEvents()
            begin = time.perf_counter()
            QTest.keyClick(reader, Qt.Key.Key_1)
            reader.viewport().repaint()
            latencies.append(time.perf_counter() - begin)
        tagged = window.project.annotations.count()
        window.close()

    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"article: {len(text) / 1e6:.2f} M characters, {ANNOTATIONS:,} annotations")
    opened = statistics.median(opens) * 1000
    print(f"open article (median of 5):         {opened:7.0f} ms  (target <= 500 ms)")
    print(f"tag key -> repainted highlight p95: {p95 * 1000:7.1f} ms  (target <= 50 ms)")
    print(f"tag key -> repainted highlight p50: {statistics.median(latencies) * 1000:7.1f} ms")
    print(f"annotations after {TAGS} tags:        {tagged:,}")
    print(f"peak RSS:                           {rss:7.0f} MB")
    print(f"peak Python allocations during open:{traced_peak / 1e6:7.1f} MB")


if __name__ == "__main__":
    main()
