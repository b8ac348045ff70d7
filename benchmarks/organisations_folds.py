"""Organisations by cross-validation over the training articles (0..29): what the model finds
of them alone, before its suggestions are combined with the lists', and what it thinks of the
organisations nothing offers.

Why: at k = 30 the model's own right organisations are a handful (docs/suggestions.md) while
the registry's and the gazetteer's are most of them. Counted by source after combining, a
model span the same as a list's is the list's record, so this asks the model directly:

- its organisation spans (``tagger.judge`` at threshold 0), by the bar they reach: how many
  are right, and how many of them are spans no list (gazetteer, registry, rules) offers;
- its probability (as ``judge`` scores a list's span) of each gold organisation that neither
  it nor a list offers, probed as a suggestion of its own: a name the model gives almost
  nothing is out of reach of any threshold.

The three folds and their projects are ``entity_errors.py``'s (built once in ``--cache``).
Only the training articles are scored: the evaluation articles are measured by
``suggestions.py``, never looked into here.

Run: .venv/bin/python benchmarks/organisations_folds.py [--cache /tmp/entity-errors] [--show 20]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from entity_errors import FOLDS, in_context, opened  # type: ignore[import-not-found]
from suggestions import (  # type: ignore[import-not-found]
    CORPUS,
    TRAIN,
    gazetteer_source,
    load_corpus,
    rule_suggestions,
)

from desktop.core.spans import snap_to_words
from desktop.core.suggest import Suggestion
from desktop.learn import tagger

BARS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
PROBE = "probe"  # the source of a gold span asked about: no list, no rule, no membership


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/entity-errors"))
    parser.add_argument("--show", type=int, default=0, help="examples of each list")
    args = parser.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"the development corpus is not at {args.corpus}: nothing to measure")
        return 0
    articles = load_corpus(args.corpus)
    gazetteer = gazetteer_source()
    size = TRAIN // FOLDS
    gold_count = 0
    own: list[tuple[float, bool, bool, str]] = []  # score, right, a list's span too, context
    probed: list[tuple[float, str]] = []
    for fold in range(FOLDS):
        held = list(range(fold * size, (fold + 1) * size))
        kept = [articles[i] for i in range(TRAIN) if i not in held]
        ordered = kept + list(articles[TRAIN:]) + [articles[i] for i in held]
        project, ids = opened(args.cache / f"fold{fold}", ordered, len(kept))
        try:
            tagger.train(project, gazetteer=gazetteer)
            matcher = tagger.sources.matcher(project.entities.all_aliases())
            for article, document_id in zip(ordered[-size:], ids[-size:], strict=True):
                text = article.text
                rules = rule_suggestions(text, matcher)
                listed = {snap_to_words(text, r.start, r.end) for r in rules if r.kind == "entity"}
                gold = [(s, e) for s, e, kind in article.gold if kind == "ORG"]
                gold_count += len(gold)
                probes = [
                    Suggestion("entity", tagger.ORGANISATION, s, e, text[s:e], PROBE, source=PROBE)
                    for s, e in gold
                ]
                inputs = tagger.gather(project, document_id)
                assert inputs is not None
                learnt, judged = tagger.judge(
                    inputs, text, [*rules, *probes], threshold=0.0, gazetteer=gazetteer
                )
                found = set()
                for s in learnt:
                    if s.label_key == tagger.ORGANISATION:
                        at = snap_to_words(text, s.start, s.end)
                        found.add(at)
                        own.append((s.score, at in gold, at in listed, in_context(text, *at)))
                for n, (start, end) in enumerate(gold):
                    if (start, end) not in listed and (start, end) not in found:
                        score = judged.get(len(rules) + n, 0.0)
                        probed.append((score, in_context(text, start, end)))
        finally:
            project.close()
    print(f"gold organisations in the folds' scored articles: {gold_count}")
    print("the model's own organisation spans, before combining:")
    for bar in BARS:
        mine = [o for o in own if o[0] >= bar]
        right = sum(o[1] for o in mine)
        new = [o for o in mine if not o[2]]
        print(
            f"  score ≥ {bar:.1f}: {len(mine)} offered, {right} right "
            f"(P {right / max(1, len(mine)):.3f}, R {right / max(1, gold_count):.3f}); "
            f"{len(new)} a span no list offers, {sum(o[1] for o in new)} of them right"
        )
    buckets = Counter(
        "< 0.05" if s < 0.05 else "< 0.2" if s < 0.2 else "< 0.5" if s < 0.5 else "≥ 0.5"
        for s, _ in probed
    )
    print(
        f"gold organisations nothing offers: {len(probed)}; the model's probability of each: "
        + ", ".join(f"{b} {buckets[b]}" for b in ("< 0.05", "< 0.2", "< 0.5", "≥ 0.5"))
    )
    if args.show:
        print("  the model's spans no list offers:")
        for score, right, _, where in sorted((o for o in own if not o[2]), reverse=True)[
            : args.show
        ]:
            print(f"    {score:.2f} {'right' if right else 'wrong'} {where}")
        print("  gold organisations nothing offers, most probable first:")
        for score, where in sorted(probed, reverse=True)[: args.show]:
            print(f"    {score:.3f} {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
