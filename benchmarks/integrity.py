"""What checking a project costs (issue 13 follow-up: a project someone else made).

Prints, on a project of ``--articles`` Arabic articles of about 3,500 characters each (seed
paragraphs, numbered so none is a duplicate) with its search index built:
- the schema check every opening runs (``store/shape.py``: one read of sqlite_master);
- ``Database.open`` + ``close`` of the project, median;
- SQLite's ``quick_check`` and ``integrity_check`` of it, median — why the first runs only after
  a crash (a leftover journal) and before ``hamish import``, and the second only before a
  restore, never on the normal way in.

Run: .venv/bin/python benchmarks/integrity.py [--articles 20000] [--runs 5] [--project PATH]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path


def build(path: Path, articles: int) -> None:
    from desktop.core.text import make_draft
    from desktop.store.project import Project

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    paragraphs = [
        line
        for file in sorted(seeds.glob("*.txt"))
        for line in file.read_text(encoding="utf-8").splitlines()
        if len(line) > 80
    ]
    with Project.open(path) as project:
        with project.database.transaction():
            for n in range(articles):
                body = "\n\n".join(paragraphs[(n + k) % len(paragraphs)] for k in range(8))
                project.documents.add(make_draft(f"{body} ({n})", title=f"{body[:60]} ({n})"))
        project.search.count("جنيف")  # builds the index, as the first search does


def median_ms(runs: int, action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, help="measure this project instead")
    args = parser.parse_args()

    from desktop.store import schema, shape
    from desktop.store.db import Database

    with tempfile.TemporaryDirectory() as home:
        path = args.project or Path(home) / "large.hamish"
        if args.project is None:
            build(path, args.articles)
        size = path.stat().st_size / 1e6
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # schema loaded
            version = schema.SCHEMA_VERSION
            inspect = median_ms(args.runs * 20, lambda: shape.inspect(conn, version))
            quick = median_ms(args.runs, lambda: shape.integrity_problem(conn, quick=True))
            full = median_ms(args.runs, lambda: shape.integrity_problem(conn, quick=False))
            count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
        opened = median_ms(args.runs, lambda: Database.open(path, create=False).close())
    print(f"project: {count:,} articles, {size:,.0f} MB")
    print(f"schema check on opening:  {inspect:8.2f} ms")
    print(f"open + close:             {opened:8.1f} ms")
    print(f"quick_check:              {quick:8.0f} ms")
    print(f"integrity_check:          {full:8.0f} ms")


if __name__ == "__main__":
    main()
