"""Large cached projects for the scale figures of issue 15 (library, search, find all mentions).

A project of N articles is generated once into ``~/.cache/hamish-bench/`` (or
``$HAMISH_BENCH_CACHE``) and reused by every later run: 1,000,000 articles take several minutes
to generate and index, which no benchmark run should repeat, and CI never asks for more than a
few hundred (the smoke runs of tests/test_benchmarks.py use a temporary cache).

Why direct SQL: going through ``DocumentStore.add`` (one duplicate check and one index insert
per article, the way an import works) is what benchmarks/import.py measures; here only the
result matters. The rows are the same as an import makes: the documents table, the folded FTS5
index built with :func:`desktop.store.search.index_form` (the function every edit uses), the
index version recorded, and an empty queue. A few articles get annotations (every 25th one, 1
to 6 tags), so the library's Tags column has something to count and sort.

Text: sentences of the sample articles (seeds/) with the spelling noise of benchmarks/search.py
applied once to a pool of sentence variants, plus Zipf-distributed generated names, so a query
can hit a handful of articles or nearly all of them. ``GENERATOR`` is part of the cache's file
name: change it when the text changes.

Run: .venv/bin/python benchmarks/scale.py --articles 1000000   (generate, or report the cache)
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# After PYTHONPATH, so a before/after pair can measure another checkout with this script.
sys.path.append(str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop.store.project import Project
from desktop.store.search import INDEX_VERSION, index_form

GENERATOR = "g1"
MEAN_CHARS = 900
"""Mean article length: shorter than benchmarks/search.py's 1,500 so that a million articles
fit in about 2 GB and generate in minutes."""
BATCH = 5_000
SOURCES = ("الحياة", "الشرق الأوسط", "النهار", "روسيا اليوم", "الجزيرة", "العربية", "سانا", "BBC")


def cache_dir() -> Path:
    configured = os.environ.get("HAMISH_BENCH_CACHE")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "hamish-bench"


def cached_path(articles: int) -> Path:
    return cache_dir() / f"library-{articles}-{GENERATOR}-{INDEX_VERSION.replace(' ', '_')}.hamish"


def names_pool() -> list[str]:
    from search import make_names  # benchmarks/search.py: the same generated names

    return make_names(random.Random(7), 20_000)


def texts(count: int, seed: int = 11) -> Iterator[tuple[str, str, str, str]]:
    """``(title, text, source, published)`` for ``count`` articles, each one distinct."""
    from search import Noise, sentences

    rng = random.Random(seed)
    noise = Noise(rng)
    base = sentences()
    pool = [noise.sentence(rng.choice(base)) for _ in range(30_000)]
    names = names_pool()
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(names))))
    for number in range(count):
        length = max(200, int(rng.lognormvariate(0, 0.5) * MEAN_CHARS / 1.13))
        parts: list[str] = []
        size = 0
        while size < length:
            sentence = rng.choice(pool)
            if rng.random() < 0.35:
                name = rng.choices(names, cum_weights=cumulative)[0]
                sentence = f"{name} {sentence}" if rng.random() < 0.5 else f"{sentence} {name}"
            parts.append(sentence)
            parts.append("\n" if rng.random() < 0.15 else " ")
            size += len(sentence) + 1
        text = "".join(parts).strip() + f" ({number})"
        title = " ".join(text[:80].split(" ")[:-1]) + f" ({number})"
        year = 2010 + number % 11
        published = (
            None if number % 50 == 7 else f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        )
        yield title, text, rng.choice(SOURCES), published  # type: ignore[misc]


def generate(path: Path, articles: int, *, quiet: bool = False) -> None:
    """Write a project of ``articles`` generated articles to ``path`` (replaced if present)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    Project.open(partial).close()  # the schema, the default labels
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    (label,) = conn.execute("SELECT min(id) FROM labels").fetchone()
    started = time.perf_counter()
    now = "2024-01-01T00:00:00Z"
    rows = texts(articles)
    done = 0
    while done < articles:
        batch = list(itertools.islice(rows, min(BATCH, articles - done)))
        conn.execute("BEGIN")
        first = done + 1
        conn.executemany(
            "INSERT INTO documents (id, title, text, source, url, author, published, language, "
            "direction, content_hash, origin, char_count, imported_at, modified_at) "
            "VALUES (?, ?, ?, ?, '', '', ?, 'ar', 'rtl', ?, 'generated', ?, ?, ?)",
            (
                (first + i, title, text, source, published, f"gen-{first + i}", len(text), now, now)
                for i, (title, text, source, published) in enumerate(batch)
            ),
        )
        conn.executemany(
            "INSERT INTO search_fts (rowid, title, source, body) VALUES (?, ?, ?, ?)",
            (
                (first + i, index_form(title), index_form(source), index_form(text))
                for i, (title, text, source, _) in enumerate(batch)
            ),
        )
        tags = []
        for i, (_, text, _, _) in enumerate(batch):
            document_id = first + i
            if document_id % 25 == 0:
                for k in range(1 + document_id % 6):
                    start = (k * 37) % max(1, len(text) - 10)
                    tags.append((document_id, start, start + 5, text[start : start + 5], label))
        conn.executemany(
            'INSERT INTO annotations (document_id, start, "end", quote, label_id, created_at, '
            "modified_at) VALUES (?, ?, ?, ?, ?, '2024-01-01', '2024-01-01')",
            tags,
        )
        conn.execute("DELETE FROM search_queue")
        conn.execute("COMMIT")
        done += len(batch)
        if not quiet and (done % 50_000 < BATCH or done == articles):
            rate = done / (time.perf_counter() - started)
            print(f"  generated {done:,} articles ({rate:,.0f}/s)", flush=True)
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)", [INDEX_VERSION]
    )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    Project.open(partial).close()  # later migrations (indexes) applied like an upgrade would
    os.replace(partial, path)


def project_path(articles: int, *, quiet: bool = False) -> Path:
    """The cached project of ``articles`` articles, generated on first use."""
    path = cached_path(articles)
    if not path.exists():
        if not quiet:
            print(f"generating {articles:,} articles into {path} (once) …", flush=True)
        generate(path, articles, quiet=quiet)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    started = time.perf_counter()
    path = project_path(args.articles)
    print(f"{path}: {path.stat().st_size / 1e6:,.0f} MB ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()


BIG_HASH = "gen-big-article"


def ensure_big_article(path: Path) -> int:
    """The id of a 1 MB Arabic article in the project at ``path`` (added once, through
    ``DocumentStore.add``, so it is indexed like an import): the memory figure is taken with
    it open in the reader, next to the million-article library."""
    from desktop.core.text import make_draft

    with Project.open(path, create=False) as project:
        found = project.documents.find_by_hash(BIG_HASH)
        if found is not None:
            return found
        seeds = Path(__file__).resolve().parent.parent / "seeds"
        body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
        text = (body * (1_000_000 // len(body) + 1))[:1_000_000]
        draft = make_draft(text, title="مقال كبير (1 MB)")
        draft = draft._replace(content_hash=BIG_HASH)
        return project.documents.add(draft)
