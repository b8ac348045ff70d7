"""The Review Queue on a large project (issue 14, point 5): a project of 1,500 articles must
stay responsive while the queue looks through every article.

Prints:
- how long the queue takes to look through all the articles, and how many rows it finds;
- the window's responsiveness meanwhile: a 10 ms timer's longest gap and p99 gap (a gap of
  g ms means the event loop could not paint or take a key press for g ms);
- the threshold moved: rows hidden at once (the filter), in ms;
- a bulk accept of 50 rows (one undo step) and its undo, in ms.

Run: .venv/bin/python benchmarks/review_queue.py [--articles 1500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import create_application
from desktop.core.text import make_draft
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Quiet:
    def error(self, *_: object) -> None: ...

    def info(self, *_: object) -> None: ...


def build(path: Path, articles: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    project = Project.open(path)
    with project.database.transaction():
        for number in range(articles):
            body = texts[number % len(texts)]
            project.documents.add(
                make_draft(f"{body}\n\nنسخة رقم {number}", title=f"مقال {number}")
            )
    project.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1500)
    args = parser.parse_args()
    app = create_application(["bench"])
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "queue.hamish"
        started = time.perf_counter()
        build(path, args.articles)
        print(f"project: {args.articles:,} articles built in {time.perf_counter() - started:.1f} s")
        window = MainWindow(Project.open(path), Settings.at(Path(scratch) / "s.ini"), Quiet())  # type: ignore[arg-type]
        window.resize(1280, 820)
        window.show()
        for _ in range(10):
            app.processEvents()
        review = window.review

        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        probe = QTimer()
        probe.setInterval(10)
        probe.timeout.connect(tick)
        probe.start()
        started = time.perf_counter()
        window.registry[ActionId.SHOW_REVIEW].trigger()
        while review.engine.busy or not review.model.rowCount():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - started > 1800:
                raise SystemExit("the queue did not finish in 30 minutes")
        took = time.perf_counter() - started
        probe.stop()
        rows = review.model.rowCount()
        print(f"looked through {args.articles:,} articles: {took:.1f} s, {rows:,} rows")
        gaps.sort()
        p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
        median = statistics.median(gaps) if gaps else 0.0
        print(
            f"event loop meanwhile (10 ms timer): longest pause {max(gaps, default=0):.0f} ms, "
            f"p99 {p99:.0f} ms, median {median:.0f} ms"
        )

        dock = window.review_dock
        started = time.perf_counter()
        dock.threshold.setValue(90)
        shown = review.model.rowCount()
        print(
            f"threshold 60 -> 90 %: {rows:,} -> {shown:,} rows shown in "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
        dock.threshold.setValue(60)
        review.apply_threshold()

        selection = dock.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        count = min(50, review.model.rowCount())
        for row in range(count):
            selection.select(review.model.index(row, 0), flags)
        started = time.perf_counter()
        review.accept()
        accepted = time.perf_counter() - started
        session = window.session
        assert session is not None
        started = time.perf_counter()
        session.undo_stack.undo()
        undone = time.perf_counter() - started
        print(
            f"bulk accept of {count} rows: {accepted * 1000:.0f} ms (one undo step), "
            f"undo {undone * 1000:.0f} ms"
        )
        window.close()
        QApplication.processEvents()


if __name__ == "__main__":
    main()
