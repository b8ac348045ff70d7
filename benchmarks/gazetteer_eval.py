"""Precision and recall of the cold-start suggestions on the Arabic newswire development corpus.

Prints, on the 100 development articles (``../shared/data/arabic-ner-dev``: gold PERS, LOC, ORG
and MISC spans; see its README), per type:

- the gazetteer alone (LOC, ORG), every name it offers at the pipeline's threshold;
- the whole k = 0 pipeline, rules + gazetteer, as a new project sees an article (PERS, LOC,
  ORG): ``suggest(text, None, gazetteer=…)``.

A suggestion is right when its span equals a gold span of the same type; the corpus puts the
proclitics in the gold span (``وإسرائيل``, ``للعراق``) where Hamish covers the name only, so a
gold span that differs only by a proclitic group in front counts as equal ("exact"). The
"overlap" figures count a suggestion right when it overlaps a gold span of its type, and a gold
span found when a suggestion of its type overlaps it (the figures issue 14 quotes for the rules).

Targets (issue 14, k = 0): locations precision ≥ 0.90 at recall ≥ 0.50, persons precision ≥ 0.85.
The corpus is only read, never copied; without it the script says so and stops. The functions
(:func:`load_corpus`, :func:`evaluate`, :func:`gazetteer_predictor`, :func:`pipeline_predictor`)
are meant to be reused by a later benchmarks/suggestions.py.

Run: .venv/bin/python benchmarks/gazetteer_eval.py [--corpus DIR] [--errors N] [--skip N]
[--limit N] (``--skip 50 --limit 50`` measures articles 51–100: a check that a rule tuned on
some articles holds on the others).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.arabic import LAM_CLITICS, PROCLITICS, fold  # noqa: E402
from desktop.core.suggest import suggest  # noqa: E402
from desktop.core.suggest.gazetteer import DEFAULT_MIN_SCORE, Gazetteer  # noqa: E402
from desktop.resources import gazetteer  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "arabic-ner-dev"
TYPES = {"person": "PERS", "location": "LOC", "organisation": "ORG"}
_CLITICS = frozenset(PROCLITICS) | frozenset(LAM_CLITICS)

Span = tuple[int, int, str]  # start, end, corpus type
Predictor = Callable[[str], list[Span]]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    gold: tuple[Span, ...]


@dataclass
class Counts:
    """One type's counts: exact (clitic-tolerant) and overlap, with examples of the errors."""

    suggested: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    overlap_correct: int = 0
    overlap_found: int = 0
    false_alarms: Counter[str] = field(default_factory=Counter)
    misses: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.correct, self.suggested)

    @property
    def recall(self) -> float:
        return self._ratio(self.found, self.gold)

    @property
    def overlap_precision(self) -> float:
        return self._ratio(self.overlap_correct, self.suggested)

    @property
    def overlap_recall(self) -> float:
        return self._ratio(self.overlap_found, self.gold)


def corpus_dir(path: str | Path | None = None) -> Path | None:
    """The development corpus folder (argument, then ``HAMISH_NER_DEV``, then the default)."""
    candidate = Path(path or os.environ.get("HAMISH_NER_DEV") or CORPUS)
    return candidate if (candidate / "gold.json").is_file() else None


def load_corpus(folder: Path, limit: int | None = None) -> list[Article]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles = []
    for name in sorted(gold)[:limit]:
        text = (folder / "articles" / name).read_text(encoding="utf-8")
        spans = tuple((int(s), int(e), str(t)) for s, e, t, *_ in gold[name])
        articles.append(Article(name, text, spans))
    return articles


def same_span(text: str, predicted: tuple[int, int], gold: tuple[int, int]) -> bool:
    """Equal spans, or a gold span that starts earlier by a proclitic group (و، ب، لل …)."""
    (ps, pe), (gs, ge) = predicted, gold
    if pe != ge:
        return False
    return gs == ps or (gs < ps and fold(text[gs:ps]) in _CLITICS)


def evaluate(
    articles: Iterable[Article], predict: Predictor, types: Iterable[str]
) -> dict[str, Counts]:
    """Score ``predict`` per type; each gold span is matched at most once."""
    wanted = tuple(types)
    counts = {kind: Counts() for kind in wanted}
    for article in articles:
        text = article.text
        predicted = [p for p in predict(text) if p[2] in counts]
        for kind in wanted:
            gold = [(s, e) for s, e, t in article.gold if t == kind]
            mine = [(s, e) for s, e, t in predicted if t == kind]
            score = counts[kind]
            score.gold += len(gold)
            score.suggested += len(mine)
            used: set[tuple[int, int]] = set()
            for span in mine:
                hit = next((g for g in gold if g not in used and same_span(text, span, g)), None)
                if hit is not None:
                    used.add(hit)
                    score.correct += 1
                else:
                    score.false_alarms[text[span[0] : span[1]]] += 1
                if any(s < span[1] and span[0] < e for s, e in gold):
                    score.overlap_correct += 1
            score.found += len(used)
            for s, e in gold:
                if (s, e) not in used:
                    score.misses[text[s:e]] += 1
                if any(a < e and s < b for a, b in mine):
                    score.overlap_found += 1
    return counts


def gazetteer_predictor(gaz: Gazetteer, min_score: float = DEFAULT_MIN_SCORE) -> Predictor:
    """The gazetteer alone: every name it scores at least ``min_score``."""

    def predict(text: str) -> list[Span]:
        return [
            (m.start, m.end, TYPES[m.label_key])
            for m in gaz.find(text)
            if m.kind == "name" and m.score >= min_score
        ]

    return predict


def pipeline_predictor(gaz: Gazetteer | None) -> Predictor:
    """The suggestions of a new project (no registry, k = 0): rules + gazetteer."""

    def predict(text: str) -> list[Span]:
        return [
            (s.start, s.end, TYPES[s.label_key])
            for s in suggest(text, None, gazetteer=gaz)
            if s.kind == "entity" and s.label_key in TYPES
        ]

    return predict


def report(title: str, counts: dict[str, Counts], errors: int) -> None:
    print(f"\n{title}")
    print(f"  {'type':<5} {'gold':>6} {'sugg.':>6}   exact P / R      overlap P / R")
    for kind, c in counts.items():
        print(
            f"  {kind:<5} {c.gold:>6} {c.suggested:>6}   {c.precision:.2f} / {c.recall:.2f}"
            f"      {c.overlap_precision:.2f} / {c.overlap_recall:.2f}"
        )
    for kind, c in counts.items():
        if errors and c.false_alarms:
            shown = ", ".join(f"{t} ×{n}" for t, n in c.false_alarms.most_common(errors))
            print(f"  {kind} false alarms: {shown}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the development corpus folder")
    parser.add_argument("--limit", type=int, help="only the first N articles (after --skip)")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="show the N commonest false alarms")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gaz = gazetteer()
    built = time.perf_counter() - started
    places = sum(1 for e in gaz.entries if e.type == "LOC")
    print(
        f"gazetteer entries: {places} places, {len(gaz) - places} organisations "
        f"(loaded and compiled in {built:.2f} s)"
    )
    folder = corpus_dir(args.corpus)
    if folder is None:
        print("development corpus not found (../shared/data/arabic-ner-dev): nothing measured")
        return 0
    end = None if args.limit is None else args.skip + args.limit
    articles = load_corpus(folder, end)[args.skip :]
    print(f"{len(articles)} articles from {folder}")

    started = time.perf_counter()
    alone = evaluate(articles, gazetteer_predictor(gaz), ("LOC", "ORG"))
    report("gazetteer alone:", alone, args.errors)
    rules = evaluate(articles, pipeline_predictor(None), ("PERS",))
    report("rules alone (no gazetteer):", rules, args.errors)
    full = evaluate(articles, pipeline_predictor(gaz), ("PERS", "LOC", "ORG"))
    report("k = 0 pipeline (rules + gazetteer):", full, args.errors)
    elapsed = time.perf_counter() - started
    print(f"\nmeasured in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
