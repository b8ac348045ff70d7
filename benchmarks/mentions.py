"""Figures for "find all mentions" and for rule-based suggestions.

Prints:
- time to find every mention of one entity (aliases كيري، جون كيري، Kerry) across 10,000
  articles of about 5 KB built from seed sentences, folding included (target ≤ 2 s), next to
  the time folding every text whole takes (the floor before issue 15: now only the words
  around the candidates are folded, ``AliasMatcher.find_sparse``);
- time to suggest names, places and claims over a 1 MB article (target ≤ 1 s), median of 3
  runs, with the gazetteer (compiled once per process beforehand, its time shown apart);
- peak memory: Python allocations during each task (tracemalloc, measured in a separate run
  because tracing slows everything down) and the process's max RSS.

These are the speed checks of tests/core/test_matching.py and tests/core/test_suggest.py: the
tests check the results on the same inputs and assert no time (tests/test_no_timed_asserts.py
keeps it that way), since a time limit fails at random on a busy machine.

Run: .venv/bin/python benchmarks/mentions.py

``--scale-articles N`` (issue 15) measures instead the window's "find all mentions" over a cached
project of N generated articles (benchmarks/scale.py), for a rare name, a name in about 9 % of
the articles and the seed texts' كيري (in 84 % of them):

- through the index's tokens (``mentions.listing``, what the dialog does now): every article
  with its number of candidates, listed without reading a text (target ≤ 1 s at 100,000
  articles), then the articles with tags or decisions read and checked (``check_listing``);
  and every candidate's offsets, as Accept All reads them in a worker;
- the way before, in the same run: the index names the candidate articles and each is read
  and matched, a group at a time — the time to the first group's candidates and to all of
  them;
- reading every article (``--no-full`` skips it), with a check that all three give the same
  candidates.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.core.arabic import fold
from desktop.core.matching import AliasMatcher, find_all_mentions
from desktop.core.suggest import suggest
from desktop.core.suggest.gazetteer import Gazetteer
from desktop.resources import gazetteer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = 10_000
ARTICLE_BYTES = 5_000
ALIASES = ("كيري", "جون كيري", "Kerry")


def corpus() -> list[tuple[int, str]]:
    """Articles of ~5 KB (UTF-8) made of seed sentences in random order, some paragraphs."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    sentences = [s.strip() for text in texts for s in re.split(r"(?<=[.!؟])\s+", text) if s.strip()]
    rng = random.Random(2024)
    documents = []
    for document_id in range(1, ARTICLES + 1):
        parts: list[str] = []
        size = 0
        while size < ARTICLE_BYTES:
            sentence = rng.choice(sentences)
            parts.append(sentence + ("\n" if rng.random() < 0.2 else " "))
            size += len(sentence.encode("utf-8")) + 1
        documents.append((document_id, "".join(parts)))
    return documents


def big_article() -> str:
    body = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return (body + "\n") * (1_000_000 // len(body.encode("utf-8")) + 1)


def timed(task: Callable[[], object], runs: int = 3) -> tuple[float, float, object]:
    """Median wall-clock and CPU seconds over ``runs``; CPU time is the steadier figure on a
    machine shared with other work."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = task()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def peak_allocations(task: Callable[[], object]) -> float:
    tracemalloc.start()
    task()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def at_scale(articles: int, full: bool) -> None:
    """Find all mentions in a cached project: from the index's tokens, through the index
    naming the articles to read, and by reading everything."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import scale

    from desktop.core.records import Entity
    from desktop.store.project import Project
    from desktop.ui.entities import mentions

    names = scale.names_pool()
    entities = {
        "rare name": (names[300],),
        "common name": (names[1],),
        "كيري (seed texts)": ("جون كيري", "كيري", "Kerry"),
    }

    def median(samples: list[tuple[float, float]]) -> tuple[float, float]:
        wall, cpu = (statistics.median(t) for t in zip(*samples, strict=True))
        return cpu, wall

    with Project.open(scale.project_path(articles), create=False) as project:
        every = None
        for what, aliases in entities.items():
            entity = Entity(-1, aliases[0], "person", "", "", aliases[1:], "", "")
            mentions.find_candidates(project, entity, None)  # warm the page cache
            listed_at: list[tuple[float, float]] = []
            checked_at: list[tuple[float, float]] = []
            offsets_at: list[tuple[float, float]] = []
            for _ in range(3):
                wall, cpu = time.perf_counter(), time.process_time()
                listed = mentions.listing(project, entity)
                assert listed is not None
                listed_at.append((time.perf_counter() - wall, time.process_time() - cpu))
                checked = mentions.check_listing(project, entity, listed.check)
                checked_at.append((time.perf_counter() - wall, time.process_time() - cpu))
                wall, cpu = time.perf_counter(), time.process_time()
                rest = [d for d in listed.documents if d not in listed.found and d not in checked]
                offsets = mentions.check_listing(project, entity, rest)
                offsets_at.append((time.perf_counter() - wall, time.process_time() - cpu))
            counts = dict(zip(listed.documents, listed.counts, strict=True))
            counts.update((d, len(f)) for d, f in checked.items())
            rows = sum(counts.values())
            found = {**listed.found, **checked, **offsets}
            listing_all = [c for d in listed.documents for c in found[d]]
            print(
                f"find all mentions of {what} in {articles:,} articles, from the index's tokens: "
                "listed in {:.2f} s CPU ({:.2f} s wall; target <= 1 s at 100,000), ".format(
                    *median(listed_at)
                )
                + "tagged articles checked by {:.2f} s CPU ({:.2f} s wall): ".format(
                    *median(checked_at)
                )
                + f"{rows:,} rows in {sum(1 for n in counts.values() if n):,} articles"
                f" ({len(listed.check):,} checked); every offset (Accept All, in a worker) "
                "{:.2f} s CPU ({:.2f} s wall)".format(*median(offsets_at))
            )
            firsts: list[tuple[float, float]] = []
            alls: list[tuple[float, float]] = []
            for _ in range(3):
                before: list[mentions.Candidate] = []
                first = None
                wall, cpu = time.perf_counter(), time.process_time()
                for group in mentions.iter_candidates(project, entity, None):
                    if group and first is None:
                        first = (time.perf_counter() - wall, time.process_time() - cpu)
                    before += group
                alls.append((time.perf_counter() - wall, time.process_time() - cpu))
                firsts.append(first or alls[-1])
            print(
                "  before (the index names the articles, each read): first results "
                "{:.2f} s CPU ({:.2f} s wall), ".format(*median(firsts))
                + "all {:.2f} s CPU ({:.2f} s wall); ".format(*median(alls))
                + f"same candidates: {listing_all == before} ({len(before):,})"
            )
            if full:
                if every is None:
                    every = [s.id for s in project.documents.summaries()]
                wall, cpu = time.perf_counter(), time.process_time()
                everything = mentions.find_candidates(project, entity, every)
                print(
                    f"  reading every article instead: {time.perf_counter() - wall:.2f} s wall, "
                    f"{time.process_time() - cpu:.2f} s CPU; same mentions: {everything == before}"
                )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS {rss:.0f} MB")
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


def main() -> None:
    global ARTICLES
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="corpus size factor")
    parser.add_argument(
        "--scale-articles", type=int, help="a cached project of this many articles instead"
    )
    parser.add_argument("--no-full", action="store_true", help="do not read every article too")
    args = parser.parse_args()
    if args.scale_articles:
        at_scale(args.scale_articles, not args.no_full)
        return
    ARTICLES = max(10, int(ARTICLES * args.scale))
    documents = corpus()
    megabytes = sum(len(text.encode("utf-8")) for _, text in documents) / 1e6
    characters = sum(len(text) for _, text in documents) / 1e6
    matcher = AliasMatcher([(1, alias) for alias in ALIASES])

    _, fold_seconds, _ = timed(lambda: [fold(text) for _, text in documents])
    find_wall, find_seconds, found = timed(lambda: find_all_mentions(documents, matcher))
    assert isinstance(found, list)
    with_hits = len({hit.document_id for hit in found})
    print(
        f"find all mentions: {ARTICLES:,} articles, {megabytes:.1f} MB ({characters:.1f} M "
        f"code points), {len(found):,} mentions in {with_hits:,} articles"
    )
    print(
        f"  {find_seconds:.2f} s CPU ({find_wall:.2f} s wall; target ≤ 2 s); folding every "
        f"text whole would take {fold_seconds:.2f} s ({fold_seconds / find_seconds:.0%}); "
        f"{find_seconds / megabytes * 1000:.0f} ms/MB"
    )

    article = big_article()
    _, load_seconds, gaz = timed(gazetteer, runs=1)
    assert isinstance(gaz, Gazetteer)
    suggest_wall, suggest_seconds, suggestions = timed(
        lambda: suggest(article, None, gazetteer=gaz)
    )
    assert isinstance(suggestions, list)
    kinds = {kind: sum(1 for s in suggestions if s.kind == kind) for kind in ("entity", "claim")}
    print(
        f"suggest on a {len(article.encode('utf-8')) / 1e6:.2f} MB article: "
        f"{suggest_seconds:.2f} s CPU ({suggest_wall:.2f} s wall; target ≤ 1 s), "
        f"{kinds['entity']:,} names, "
        f"{kinds['claim']:,} claims (the gazetteer compiled once in {load_seconds:.2f} s CPU)"
    )

    find_peak = peak_allocations(lambda: find_all_mentions(documents, matcher))
    suggest_peak = peak_allocations(lambda: suggest(article, None, gazetteer=gaz))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"peak Python allocations: find all mentions {find_peak:.1f} MB (the corpus itself is "
        f"held by the caller), suggest {suggest_peak:.1f} MB; process max RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
