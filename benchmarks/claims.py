"""Claim suggestions that learn from the analyst (desktop/learn/claims.py), measured.

There is no gold for claims, so the analyst is simulated with a rule of their own, the kind an
analyst keeps to: **only on-record claims of named persons**. A claim suggestion whose
claimant holds a person's name the rules found (after a title, or a name learnt in the
article) is accepted; one whose claimant is anything else — an anonymous official
(``مسئول بارز``), sources (``مصادر دبلوماسية``), a capital (``موسكو``), a body (``الكرملين``),
a newspaper — or that has none, is rejected. Decisions go through the same operations as the
window (``plan_suggestion`` + ``add_annotations``, ``reject_candidates``).

1. **Leave one article out** over the five sample articles (``seeds/``): for each, a new
   project with all five, the analyst works on the other four, the model is trained
   (``tagger.train``, as ``hamish suggest --train``), and the held-out article's claim
   suggestions are scored as the window does (``tagger.gather`` + ``tagger.combine``).
   Reported: how many of the offered claims the analyst would take (precision) and how many
   of those are still offered (recall), for the rule alone (every claim at 0.6) and with the
   classifier at several thresholds; the ranking (AUC: the chance a taken claim scores above
   a rejected one).
2. **Training time** for 30 articles (the development corpus's first 30 when it is there,
   ``../shared/data/arabic-ner-dev``, with their gold PERS/LOC/ORG tags and the analyst's
   claim decisions; else the sample articles six times over): entity tagger and claim
   classifier, each and together.

Run: .venv/bin/python benchmarks/claims.py [--articles 30] [--thresholds 0.4,0.5,0.6,0.7]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.core.matching import AliasMatcher
from desktop.core.suggest import Suggestion, suggest
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.learn import tagger
from desktop.ops.annotations import (
    Candidate,
    add_annotations,
    plan_selection,
    plan_suggestion,
    reject_candidates,
)
from desktop.ops.articles import add_article
from desktop.resources import gazetteer
from desktop.store.project import Project

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "arabic-ner-dev"
LABEL_OF = {"PERS": "person", "LOC": "location", "ORG": "organisation"}


def candidates(project: Project, text: str) -> list[Suggestion]:
    """The suggestions the window would compute for ``text`` (rules, registry, gazetteer)."""
    aliases = project.entities.all_aliases()
    matcher = AliasMatcher.from_registry(aliases) if aliases else None
    return suggest(text, matcher, gazetteer=gazetteer())


def wanted(claim: Suggestion, found: Sequence[Suggestion]) -> bool:
    """The simulated analyst: a claim is taken when its claimant holds a person's name the
    rules found (the title or claimant rule; a registry alias of a person counts too)."""
    if claim.claimant_span is None:
        return False
    start, end = claim.claimant_span
    return any(
        s.kind == "entity"
        and s.label_key == "person"
        and s.rule in ("title", "claimant", "alias")
        and start <= s.start
        and s.end <= end
        for s in found
    )


def work_on(project: Project, document_id: int) -> tuple[int, int]:
    """The analyst decides every claim suggestion of one article; (taken, rejected)."""
    text = project.documents.get(document_id).text
    found = candidates(project, text)
    label = project.labels.by_key("claim")
    assert label is not None
    taken = rejected = 0
    for claim in (s for s in found if s.kind == "claim"):
        if wanted(claim, found):
            plan = plan_suggestion(
                project,
                text,
                document_id,
                claim.start,
                claim.end,
                label,
                "analyst",
                entity_id=claim.entity_id,
                is_entity=False,
                claimant=claim.claimant,
            )
            try:
                add_annotations(project, [plan])
            except Exception:  # an overlapping claim already tagged: the analyst moves on
                continue
            taken += 1
        else:
            quote = text[claim.start : claim.end]
            candidate = Candidate("suggestion", document_id, claim.start, claim.end, quote)
            reject_candidates(project, [candidate])
            rejected += 1
    return taken, rejected


def auc(pairs: Sequence[tuple[float, bool]]) -> float:
    good = [s for s, w in pairs if w]
    bad = [s for s, w in pairs if not w]
    if not good or not bad:
        return float("nan")
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad)
    return wins / (len(good) * len(bad))


def leave_one_out(thresholds: Sequence[float]) -> dict[str, object]:
    drafts = seed_drafts()
    scored: list[tuple[float, bool]] = []
    per_fold: list[dict[str, object]] = []
    trained_on: list[tuple[int, int]] = []
    for held in range(len(drafts)):
        with tempfile.TemporaryDirectory() as folder:
            project = Project.open(Path(folder) / "loo.hamish", create=True)
            try:
                ids = [
                    add_article(project, draft, draft.title).value.imported[0][1]
                    for draft in drafts
                ]
                for n, document_id in enumerate(ids):
                    if n != held:
                        work_on(project, document_id)
                report = tagger.train(project).claims
                trained_on.append((report.positives, report.negatives))
                text = project.documents.get(ids[held]).text
                found = candidates(project, text)
                truth = {(s.start, s.end): wanted(s, found) for s in found if s.kind == "claim"}
                inputs = tagger.gather(project, ids[held])
                assert inputs is not None and inputs.claims is not None, report.reason
                every = [
                    s
                    for s in tagger.combine(inputs, text, found, threshold=0.0)
                    if s.kind == "claim"
                ]
            finally:
                project.close()
        fold = [(s.score, truth[(s.start, s.end)]) for s in every]
        scored.extend(fold)
        per_fold.append(
            {
                "article": held,
                "claims": len(fold),
                "taken": sum(1 for _, w in fold if w),
                "auc": round(auc(fold), 3),
            }
        )
    total = len(scored)
    taken = sum(1 for _, w in scored if w)
    rows = [{"threshold": "rule", "offered": total, "precision": taken / total, "recall": 1.0}]
    for threshold in thresholds:
        offered = [w for s, w in scored if s >= threshold]
        hits = sum(offered)
        rows.append(
            {
                "threshold": threshold,
                "offered": len(offered),
                "precision": hits / len(offered) if offered else 0.0,
                "recall": hits / taken if taken else 0.0,
            }
        )
    return {
        "claims": total,
        "taken": taken,
        "auc": auc(scored),
        "folds": per_fold,
        "trained_on": trained_on,
        "rows": rows,
    }


def training_time(articles: int) -> dict[str, object]:
    """Train both models on ``articles`` articles with entity tags and claim decisions."""
    texts: list[tuple[str, list[tuple[int, int, str]]]] = []
    if CORPUS.is_dir():
        gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
        for name in sorted(gold)[:articles]:
            text = (CORPUS / "articles" / name).read_text(encoding="utf-8")
            spans = [(int(s), int(e), str(t)) for s, e, t, _ in gold[name] if t in LABEL_OF]
            texts.append((text, spans))
        source = f"the development corpus's first {len(texts)} articles"
    else:
        drafts = seed_drafts()
        texts = [(drafts[n % len(drafts)].text, []) for n in range(articles)]
        source = f"the sample articles, {articles} copies (no corpus: no entity tags)"
    with tempfile.TemporaryDirectory() as folder:
        project = Project.open(Path(folder) / "time.hamish", create=True)
        try:
            labels = {label.key: label for label in project.labels.all()}
            decided = [0, 0]
            for n, (text, spans) in enumerate(texts):
                draft = make_draft(text, title=f"article {n}")
                document_id = add_article(project, draft, draft.title).value.imported[0][1]
                plans = [
                    plan_selection(project, text, document_id, s, e, labels[LABEL_OF[t]], "analyst")
                    for s, e, t in spans
                ]
                if plans:
                    add_annotations(project, plans)
                taken, rejected = work_on(project, document_id)
                decided[0] += taken
                decided[1] += rejected
            began, cpu = time.perf_counter(), time.process_time()
            report = tagger.train(project)
            total, cpu = time.perf_counter() - began, time.process_time() - cpu
        finally:
            project.close()
    return {
        "source": source,
        "entity_seconds": report.seconds,
        "claim_seconds": report.claims.seconds,
        "total_seconds": total,
        "cpu_seconds": cpu,
        "claims_taken": decided[0],
        "claims_rejected": decided[1],
        "positives": report.claims.positives,
        "negatives": report.claims.negatives,
        "entity_tags": sum(report.tags.values()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30, help="articles for the timing")
    parser.add_argument("--thresholds", default="0.4,0.5,0.6,0.7,0.8")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]

    result = leave_one_out(thresholds)
    print("claim suggestions, leave one sample article out (the analyst takes named persons')")
    print(
        f"  {result['claims']} claim suggestions, {result['taken']} taken by the analyst; "
        f"AUC {result['auc']:.3f}"
    )
    for fold in result["folds"]:  # type: ignore[attr-defined]
        print(
            f"  article {fold['article']}: {fold['claims']} claims, {fold['taken']} taken, "
            f"AUC {fold['auc']}"
        )
    print(f"  trained on (positives, negatives): {result['trained_on']}")
    print(f"  {'threshold':>9} {'offered':>8} {'precision':>9} {'recall':>7}")
    for row in result["rows"]:  # type: ignore[attr-defined]
        print(
            f"  {row['threshold']!s:>9} {row['offered']:>8} {row['precision']:>9.3f} "
            f"{row['recall']:>7.3f}"
        )
    timing = training_time(args.articles)
    print(f"training on {timing['source']}")
    print(
        f"  {timing['entity_tags']} entity tags, {timing['claims_taken']} claims taken, "
        f"{timing['claims_rejected']} rejected ({timing['positives']} positive and "
        f"{timing['negatives']} negative examples)"
    )
    print(
        f"  train time: entity tagger {timing['entity_seconds']:.2f} s, claim classifier "
        f"{timing['claim_seconds']:.2f} s, total {timing['total_seconds']:.2f} s "
        f"({timing['cpu_seconds']:.2f} s of processor time: the rest is waiting for a busy "
        "machine)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
