"""Tagging figures for issues 3 and 15, on a 1 MB Arabic article holding 10,000 annotations.

Prints, each with its target:
- opening the article to painted highlights (load, re-anchor check, the highlights of the
  screen, first paint): p50/p95 of several opens (target <= 150 ms), and how long the idle
  pass then takes to highlight the rest (no target: the window stays responsive meanwhile);
- paging down right after an open, ahead of the idle pass: p50/p95/p99 per page (<= 16 ms);
- the tag key press to the repainted highlight (the key handled and the events it posted
  processed, paints included): p50/p95/p99 over 200 tags (p95 <= 16 ms, p99 <= 33 ms: one
  frame, two at worst), and the GUI thread's CPU time for it (wall time on a loaded machine
  counts the other processes' turns too);
- peak memory (process max RSS, and Python allocations during one open via tracemalloc).

Run: .venv/bin/python benchmarks/tagging.py [--scale 0.01] [--opens 9]
The figures depend on the machine's load: compare runs made back to back.
"""

from __future__ import annotations

import argparse
import math
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

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

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


class Painted(QObject):
    """Counts the paints of ``widget``."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` 0..1) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def idle_pass(app: QApplication, window: MainWindow) -> float:
    """Seconds the idle pass takes to highlight the blocks not yet on screen."""
    highlighter = window.reader.text.highlighter
    deferring = getattr(highlighter, "deferring", lambda: False)
    start = time.perf_counter()
    while deferring():
        app.processEvents()
    return time.perf_counter() - start


def main() -> None:
    global ANNOTATIONS, TAGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="annotations and tags factor")
    parser.add_argument("--opens", type=int, default=9, help="opens measured")
    args = parser.parse_args()
    scale = args.scale
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
        reader = window.reader.text
        painted = Painted(reader.viewport())

        opens, idles, open_cpu = [], [], []
        # One more open than measured: the first runs under tracemalloc for the allocations'
        # figure, which slowed it 2-4x and made it the "p95" of nine (180-300 ms against a
        # p50 of 75-100): it is not timed.
        for run in range(max(1, args.opens) + 1):
            window.open_document(other)
            app.processEvents()
            if run == 0:
                tracemalloc.start()
            start, cpu = time.perf_counter(), time.thread_time()
            window.open_document(doc_id)
            # The event loop's next turn: the layouts the open asked for, then one paint of
            # what they changed (a forced repaint first painted the window before its layout
            # settled, and once more after).
            painted.count = 0
            while not painted.count:
                app.processEvents()
            if run == 0:
                _, traced_peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
            else:
                opens.append(time.perf_counter() - start)
                open_cpu.append(time.thread_time() - cpu)
            idles.append(idle_pass(app, window))
        assert len(reader.index) >= ANNOTATIONS * 0.99

        # Paging down at once after an open: ahead of the idle pass, the worst case.
        window.open_document(other)
        app.processEvents()
        window.open_document(doc_id)
        reader.viewport().repaint()
        app.processEvents()
        bar = reader.verticalScrollBar()
        pages, page_cpu = [], []
        for _ in range(60):
            if bar.value() >= bar.maximum():
                break
            begin, cpu = time.perf_counter(), time.thread_time()
            bar.setValue(bar.value() + bar.pageStep())
            reader.viewport().repaint()
            pages.append(time.perf_counter() - begin)
            page_cpu.append(time.thread_time() - cpu)
        idle_pass(app, window)
        # Tag a settled article: its suggestions shown (computing them in a worker holds the
        # interpreter lock for seconds on 1 MB, which any figure taken meanwhile would show).
        deadline = time.perf_counter() + 120
        while not window.suggestions.items and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)
        suggested = len(window.suggestions.items)

        reader.setFocus()
        words = [m.span() for m in re.finditer(r"\w+", text[:200_000])]
        rng = random.Random(11)
        latencies, tag_cpu = [], []
        for start, end in rng.sample(words, TAGS):
            reader.select_cp(start, end)
            app.processEvents()
            begin, cpu = time.perf_counter(), time.thread_time()
            QTest.keyClick(reader, Qt.Key.Key_1)
            # What the event loop does next: every update the tag posted, painted (forcing the
            # reader's whole viewport to repaint measured a paint the window no longer makes).
            app.processEvents()
            latencies.append(time.perf_counter() - begin)
            tag_cpu.append(time.thread_time() - cpu)
        tagged = window.project.annotations.count()
        window.close()

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ms = 1000
    print(f"article: {len(text) / 1e6:.2f} M characters, {ANNOTATIONS:,} annotations")
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(
        f"open article to painted highlights p50: {statistics.median(opens) * ms:7.1f} ms"
        "  (target <= 150 ms)"
    )
    print(f"open article to painted highlights p95: {percentile(opens, 0.95) * ms:7.1f} ms")
    print(
        f"open, GUI thread CPU time p50/p95:      {statistics.median(open_cpu) * ms:7.1f} ms"
        f" / {percentile(open_cpu, 0.95) * ms:.1f} ms  (target <= 150 ms)"
    )
    print(f"idle pass over the rest (median):       {statistics.median(idles) * ms:7.1f} ms")
    if pages:
        print(
            f"page down ahead of the idle pass p50:   {statistics.median(pages) * ms:7.1f} ms"
            "  (target <= 16 ms)"
        )
        print(f"page down ahead of the idle pass p95:   {percentile(pages, 0.95) * ms:7.1f} ms")
        print(f"page down ahead of the idle pass p99:   {percentile(pages, 0.99) * ms:7.1f} ms")
        print(
            f"page down, GUI thread CPU p50/p95/p99:  {statistics.median(page_cpu) * ms:7.1f} ms"
            f" / {percentile(page_cpu, 0.95) * ms:.1f} / {percentile(page_cpu, 0.99) * ms:.1f} ms"
            "  (target p50 <= 16 ms)"
        )
    print(f"tag key -> repainted highlight p50:     {statistics.median(latencies) * ms:7.1f} ms")
    print(
        f"tag key -> repainted highlight p95:     {percentile(latencies, 0.95) * ms:7.1f} ms"
        "  (target <= 16 ms)"
    )
    print(
        f"tag key -> repainted highlight p99:     {percentile(latencies, 0.99) * ms:7.1f} ms"
        "  (target <= 33 ms)"
    )
    print(
        f"tag, GUI thread CPU time p50/p95/p99:   {statistics.median(tag_cpu) * ms:7.1f} ms"
        f" / {percentile(tag_cpu, 0.95) * ms:.1f} / {percentile(tag_cpu, 0.99) * ms:.1f} ms"
        "  (target p95 <= 16 ms, p99 <= 33 ms)"
    )
    print(f"suggestions shown while tagging:        {suggested:7,}")
    print(f"annotations after {TAGS} tags:            {tagged:,}")
    print(f"peak RSS:                               {rss:7.0f} MB")
    print(f"peak Python allocations during open:    {traced_peak / 1e6:7.1f} MB")


if __name__ == "__main__":
    main()
