"""Full-text search figures for issue 5, on a synthetic corpus of Arabic news articles.

The corpus is built from the sentences of the sample articles (seeds/) with the spelling noise
real sources show: harakat, tatweel, hamza and alef forms, final ي/ى and ة/ه swaps, proclitics
glued to words, plus a long tail of generated proper names (Zipf-distributed, so some queries
hit a handful of articles and others nearly all of them). Articles are generated one at a time
and written in batches, so the corpus never sits in memory as Python strings.

Prints:
- import rate through DocumentStore.add (store + index in the same transaction), and the pure
  indexing rate of a full rebuild of the index (target >= 5,000 articles/s);
- median and p95 time for the top 50 hits with snippets and raw offsets, over a set of
  realistic queries (target median <= 50 ms), and the same for the total count;
- project file size and how much of it is the index; peak memory (max RSS).

Run: .venv/bin/python benchmarks/search.py [--articles 100000] [--keep PATH] [--exact]
     .venv/bin/python benchmarks/search.py --project PATH --rebuilds 0 --exact   (re-measure)
     .venv/bin/python benchmarks/search.py --scale 1000000   (a cached generated project of that
     many articles, benchmarks/scale.py: generated once, then only the queries are timed)
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from desktop.core.arabic import fold
from desktop.core.errors import DuplicateDocument
from desktop.core.records import DocumentDraft
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.store.project import Project
from desktop.store.search import RANK_WINDOW

TARGET_CHARS = 1500  # mean article length: 100,000 articles ~ 150 million characters
BATCH = 2000
HARAKAT = "\u064e\u064f\u0650\u064b\u064c\u064d\u0651\u0652"
SOURCES = ("الحياة", "الشرق الأوسط", "النهار", "روسيا اليوم", "الجزيرة", "العربية", "سانا", "BBC")
_SENTENCE = re.compile(r"[^.!؟?\n]+[.!؟?]?")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_JOINING = set("بتثجحخسشصضطظعغفقكلمنهيئ")


def sentences() -> list[str]:
    found = []
    for draft in seed_drafts():
        for match in _SENTENCE.finditer(draft.text):
            sentence = match.group().strip()
            if len(sentence.split()) >= 4:
                found.append(sentence)
    return found


def make_names(rng: random.Random, count: int) -> list[str]:
    """Plausible transliterated names (two to four syllables), all distinct."""
    consonants = "بتجدرزسشطفقكلمنهوي"
    vowels = ("ا", "و", "ي", "")
    names: set[str] = set()
    while len(names) < count:
        name = "".join(
            rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))
        )
        names.add(name)
    return sorted(names)


class Noise:
    """Spelling variation applied word by word, at rates seen in scraped Arabic news."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self, word: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.04 and len(word) > 2:  # harakat on a few letters
            out = []
            for ch in word:
                out.append(ch)
                if rng.random() < 0.5:
                    out.append(rng.choice(HARAKAT))
            word = "".join(out)
        elif roll < 0.05 and len(word) > 3:  # tatweel after a joining letter
            for i, ch in enumerate(word[:-1]):
                if ch in _JOINING:
                    word = word[: i + 1] + "ـ" * rng.randint(1, 3) + word[i + 1 :]
                    break
        roll = rng.random()
        if roll < 0.10:
            word = word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        elif roll < 0.12 and word.startswith("ا") and not word.startswith("ال"):
            word = "أ" + word[1:]
        if word.endswith("ي") and rng.random() < 0.05:
            word = word[:-1] + "ى"
        if word.endswith("ة") and rng.random() < 0.05:
            word = word[:-1] + "ه"
        if rng.random() < 0.03:  # a proclitic glued on
            if word.startswith("ال") and rng.random() < 0.3:
                word = "ل" + word[1:]
            else:
                word = rng.choice(("و", "ب", "ل", "ف", "وب", "ول")) + word
        return word

    def sentence(self, sentence: str) -> str:
        return _ARABIC_WORD.sub(lambda m: self.word(m.group()), sentence)


def corpus(count: int, seed: int = 7) -> Iterator[DocumentDraft]:
    """``count`` drafts, generated lazily."""
    rng = random.Random(seed)
    pool = sentences()
    names = make_names(rng, 20_000)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(names))))
    noise = Noise(rng)
    for number in range(count):
        length = max(300, int(rng.lognormvariate(0, 0.5) * TARGET_CHARS / 1.2))
        parts: list[str] = []
        size = 0
        while size < length:
            sentence = noise.sentence(rng.choice(pool))
            if rng.random() < 0.35:  # a proper name in the sentence
                name = rng.choices(names, cum_weights=cumulative)[0]
                words = sentence.split(" ")
                words.insert(rng.randrange(len(words)), name)
                sentence = " ".join(words)
            parts.append(sentence)
            size += len(sentence) + 1
            if rng.random() < 0.15:
                parts.append("\n")
        text = " ".join(parts).replace(" \n ", "\n")
        title = " ".join(text[:90].split(" ")[:-1])
        year = rng.randint(2012, 2020)
        yield make_draft(
            text,
            title=f"{title} ({number})",
            source=rng.choice(SOURCES),
            published=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )


def queries(rng: random.Random) -> list[str]:
    names = make_names(random.Random(7), 20_000)  # the same pool as the corpus
    return [
        "كيري",
        "لافروف",
        "الأسد",
        "بوتين",
        "داعش",
        "جنيف",
        "سورية",
        "السورية",
        "موسكو",
        "الخارجية",
        '"وزير الخارجية"',
        '"الأزمة السورية"',
        "كيري لافروف",
        "كيري OR لافروف",
        "موسكو NOT واشنطن",
        "(داعش OR النصرة) سوريا",
        "محادث*",
        "Russia",
        names[0],  # the most frequent generated name
        names[50],
        names[5_000],  # rare
        rng.choice(names[10_000:]),  # very rare
        f"{names[3]} كيري",
    ]


def build(project: Project, articles: int) -> tuple[int, int]:
    """Import ``articles`` generated articles; prints the import rate. Returns (count, chars)."""
    chars = 0
    stored = 0
    store_time = 0.0
    started = time.perf_counter()
    drafts = corpus(articles * 2)  # a few random drafts repeat; they are skipped
    while stored < articles:
        # ~3 MB of text at a time: the corpus is never held in memory as a whole
        batch = list(itertools.islice(drafts, min(BATCH, articles - stored)))
        begin = time.perf_counter()
        with project.database.transaction():
            for draft in batch:
                try:
                    project.documents.add(draft)
                except DuplicateDocument:
                    continue
                chars += len(draft.text)
                stored += 1
        store_time += time.perf_counter() - begin
        if stored % 20_000 < BATCH:
            print(f"  {stored:,} articles", flush=True)
    wall = time.perf_counter() - started
    print(f"corpus: {stored:,} articles, {chars / 1e6:.1f} M characters")
    print(
        f"import through DocumentStore.add:   {stored / store_time:9,.0f} articles/s "
        f"(store + index in one transaction per {BATCH:,}; wall with generation {wall:.0f} s)"
    )
    return stored, chars


def measure_rebuild(project: Project, runs: int) -> None:
    rates = []
    for _ in range(runs):
        begin = time.perf_counter()
        rebuilt = project.search.rebuild()
        rates.append(rebuilt / (time.perf_counter() - begin))
    print(
        f"full index rebuild (fold + FTS5):   {max(rates):9,.0f} articles/s  "
        f"(best of {len(rates)}: {', '.join(f'{rate:,.0f}' for rate in rates)}; "
        "target >= 5,000)"
    )
    sample = [draft.text for draft in corpus(2000, seed=99)]
    begin = time.perf_counter()
    for text in sample:
        fold(text)
    fold_us = (time.perf_counter() - begin) / len(sample) * 1e6
    print(
        f"  of which arabic.fold:             {fold_us:9.0f} us/article "
        f"(the rest is FTS5 tokenising and writing: {1e6 / max(rates) - fold_us:.0f} us)"
    )


def measure_catch_up(project: Project, steps: int = 40) -> None:
    """The window's step-by-step rebuild after an upgrade (desktop/ui/search/catchup.py): how
    long one step holds the GUI thread."""
    from desktop.ui.search.catchup import STEP_CHARS, STEP_DOCUMENTS

    store = project.search
    store.invalidate()
    times = []
    for _ in range(steps):
        begin = time.perf_counter()
        store.sync_some(STEP_DOCUMENTS, STEP_CHARS)
        times.append(time.perf_counter() - begin)
    store.sync()  # the rest at once, so the queries below start from a complete index
    median, longest = statistics.median(times) * 1000, max(times) * 1000
    print(
        f"catch-up step of {STEP_DOCUMENTS} articles:     median {median:5.1f} ms, "
        f"max {longest:5.1f} ms over {steps} steps (what one step holds the window)"
    )


def measure_queries(project: Project, repeat: int, window: int | None) -> None:
    rng = random.Random(3)
    timings: list[float] = []
    count_timings: list[float] = []
    capped_timings: list[float] = []
    cpu_timings: list[float] = []
    medians: list[float] = []
    rows = []
    for query in queries(rng):
        project.search.search(query, limit=50, rank_window=window)  # warm the page cache
        runs = []
        for _ in range(repeat):
            begin, cpu = time.perf_counter(), time.process_time()
            hits = project.search.search(query, limit=50, rank_window=window)
            runs.append(time.perf_counter() - begin)
            cpu_timings.append(time.process_time() - cpu)
        begin = time.perf_counter()
        total = project.search.count(query)
        count_timings.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        project.search.count(query, cap=10_000)
        capped_timings.append(time.perf_counter() - begin)
        timings.extend(runs)
        medians.append(statistics.median(runs))
        spans = sum(len(hit.spans) for hit in hits)
        rows.append((query, total, len(hits), spans, statistics.median(runs)))
    print()
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    ranking = "every match ranked" if window is None else f"bm25 over the {window:,} newest"
    print(f"queries ({ranking}):")
    print(f"{'query':<28} {'matching':>9} {'shown':>6} {'spans':>7} {'ms':>7}")
    for query, total, shown, spans, median in rows:
        print(f"{query:<28} {total:>9,} {shown:>6} {spans:>7,} {median * 1000:>7.1f}")
    timings.sort()
    count_timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print()
    print(
        f"top 50 hits with snippets: median {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms over {len(timings)} runs (target median <= 50 ms, "
        "p95 <= 150 ms)"
    )
    print(
        f"total count:               median {statistics.median(count_timings) * 1000:.1f} ms, "
        f"max {count_timings[-1] * 1000:.1f} ms"
    )
    cpu_timings.sort()
    cpu_p95 = cpu_timings[max(0, int(len(cpu_timings) * 0.95) - 1)]
    print(
        f"  the same in CPU time:      median {statistics.median(cpu_timings) * 1000:.1f} ms, "
        f"p95 {cpu_p95 * 1000:.1f} ms (what a quiet machine's wall time would be; target "
        "median <= 50 ms, p95 <= 150 ms)"
    )
    capped_timings.sort()
    print(
        f"count up to 10,000:        median {statistics.median(capped_timings) * 1000:.1f} ms, "
        f"max {capped_timings[-1] * 1000:.1f} ms"
    )
    both = sorted(t + c for t, c in zip(medians, capped_timings, strict=True))
    print(
        f"count up to 10,000 + top 50 (what the search panel runs per pause in typing): "
        f"median {statistics.median(both) * 1000:.1f} ms, max {both[-1] * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument("--rebuilds", type=int, default=2, help="timed full index rebuilds")
    parser.add_argument("--keep", type=Path, help="write the project here and keep it")
    parser.add_argument(
        "--project", type=Path, help="measure an existing benchmark project (from --keep)"
    )
    parser.add_argument("--exact", action="store_true", help="also time ranking every match")
    parser.add_argument("--scale", type=int, help="use the cached project of this many articles")
    args = parser.parse_args()
    if args.scale:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import scale

        args.project = scale.project_path(args.scale)
        args.rebuilds = 0

    with tempfile.TemporaryDirectory() as tmp:
        if args.project is not None:
            project = Project.open(args.project, create=False)
            path = args.project
            chars = None
        else:
            path = args.keep or Path(tmp) / "bench.hamish"
            if path.exists():
                raise SystemExit(f"{path} exists; choose another --keep path")
            project = Project.open(path)
            _, chars = build(project, args.articles)
        if args.rebuilds:
            measure_rebuild(project, args.rebuilds)
            measure_catch_up(project)
        measure_queries(project, args.repeat, RANK_WINDOW)
        if args.exact:
            measure_queries(project, args.repeat, None)
        index = project.search.index_bytes()
        project.close()
        size = path.stat().st_size
        print(f"project file: {size / 1e6:,.0f} MB", end="")
        if index is not None:
            print(f", of which the search index {index / 1e6:,.0f} MB ({index / size:.0%})")
        else:
            print()
        if chars is not None:
            print(f"text stored: {chars / 1e6:.0f} M characters")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
