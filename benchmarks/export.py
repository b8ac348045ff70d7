"""Export figures for issue 6: a briefing over 1,000 claims and 5,000 entity mentions.

The project: 100 Arabic articles (the seed texts, varied so each is distinct), 200 entities
with aliases, 5,000 entity mentions, 1,000 claims with claimants, subjects, statuses, Admiralty
grades and dates (a third with an Arabic note), 150 ``contradicts`` links.

Prints, for the whole project with every section (target: the Word report in ≤ 10 s):
- time to gather the report (queries) and to write the .docx, and the file size;
- the same with the full text of every article appended, highlights shaded;
- CSV exports of annotations and claims;
- peak Python allocations (tracemalloc) during the briefing, and the process's peak RSS.

Run: .venv/bin/python benchmarks/export.py
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.io.exporters.csv_export import export_csv
from desktop.io.exporters.docx_report import write_docx
from desktop.io.exporters.progress import Steps
from desktop.io.exporters.report import ReportOptions, build_report
from desktop.store.project import Project

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DOCUMENTS = 100
ENTITIES = 200
MENTIONS = 5_000
CLAIMS = 1_000
CONTRADICTIONS = 150
TARGET = 10.0
STATUSES = ("unverified", "corroborated", "contested", "refuted")


def build(path: Path) -> None:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(6)
    with Project.open(path) as project, project.database.transaction():
        documents = []
        for n in range(DOCUMENTS):
            text = f"تقرير رقم {n + 1} من Russia-Now.com.\n" + bodies[n % len(bodies)]
            documents.append(
                (
                    project.documents.add(
                        make_draft(
                            text,
                            title=f"مقال {n + 1}: محادثات موسكو وواشنطن",
                            source="Russia-Now.com" if n % 3 == 0 else "وكالة الأنباء",
                            url=f"https://example.org/article/{n + 1}",
                            published=f"2016-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                        )
                    ),
                    text,
                )
            )
        labels = {label.key: label.id for label in project.labels.all()}
        entities = [
            project.entities.add(
                f"كيان {n + 1}",
                ("person", "organisation", "location")[n % 3],
                aliases=(f"Entity {n + 1}",),
                description="وصف قصير للكيان",
            )
            for n in range(ENTITIES)
        ]
        words = [[m.span() for m in re.finditer(r"\w{3,}", text)] for _, text in documents]
        for i in range(MENTIONS):
            k = i % DOCUMENTS
            doc_id, text = documents[k]
            start, end = rng.choice(words[k])
            draft = prepare_annotation(text, doc_id, start, end, labels["person"], "bench")
            project.annotations.add(draft._replace(entity_id=rng.choice(entities)))
        claims = []
        for i in range(CLAIMS):
            k = i % DOCUMENTS
            doc_id, text = documents[k]
            start, _ = rng.choice(words[k])
            end = min(len(text), start + rng.randint(40, 160))
            note = "ملاحظة المحلل على هذا الادعاء، مع Russia-Now.com." if i % 3 == 0 else ""
            draft = prepare_annotation(
                text, doc_id, start, end, labels["claim"], "bench", note=note
            )
            annotation = project.annotations.add(draft)
            claim = project.claims.for_annotation(annotation)
            assert claim is not None
            project.claims.update(
                claim.id,
                claimant_id=rng.choice(entities),
                summary=f"ادعاء رقم {i + 1}",
                status=STATUSES[i % 4],
                reliability="ABCDEF"[i % 6],
                credibility=i % 6 + 1,
                claimed_on=f"2016-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                subjects=rng.sample(entities, 2),
            )
            claims.append(claim.id)
        for a, b in zip(claims[:CONTRADICTIONS], claims[-CONTRADICTIONS:], strict=True):
            project.claims.add_link(a, b, "contradicts")


def briefing(project: Project, target: Path, *, full_texts: bool) -> tuple[float, float, int]:
    options = ReportOptions(
        title="إحاطة اختبار الأداء", author="bench", include_full_texts=full_texts
    )
    steps = Steps()
    start = time.perf_counter()
    report = build_report(project, options, steps=steps)
    gathered = time.perf_counter() - start
    size = write_docx(report, target, steps)
    total = time.perf_counter() - start
    counts = report.counts()
    assert counts["claims"] == CLAIMS and counts["sources"] == DOCUMENTS
    return gathered, total, size


def _scale(factor: float) -> None:
    """Shrink the project (``--scale 0.01`` for the test that keeps this script running)."""
    global DOCUMENTS, ENTITIES, MENTIONS, CLAIMS, CONTRADICTIONS
    DOCUMENTS = max(5, int(DOCUMENTS * factor))
    ENTITIES = max(6, int(ENTITIES * factor))
    MENTIONS = max(10, int(MENTIONS * factor))
    CLAIMS = max(4, int(CLAIMS * factor))
    CONTRADICTIONS = max(2, min(CLAIMS // 2, int(CONTRADICTIONS * factor)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="project size factor")
    _scale(parser.parse_args().scale)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.hamish"
        started = time.perf_counter()
        build(path)
        built = time.perf_counter() - started
        with Project.open(path, create=False) as project:
            gathered, total, size = briefing(project, folder / "brief.docx", full_texts=False)
            _, total_full, size_full = briefing(project, folder / "full.docx", full_texts=True)
            tracemalloc.start()  # a separate run: tracing slows Python down several times
            briefing(project, folder / "traced.docx", full_texts=False)
            _, traced_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            start = time.perf_counter()
            annotations = export_csv(project, folder / "a.csv", "annotations")
            csv_annotations = time.perf_counter() - start
            start = time.perf_counter()
            claims = export_csv(project, folder / "c.csv", "claims")
            csv_claims = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"project: {DOCUMENTS} articles, {MENTIONS:,} entity mentions, {CLAIMS:,} claims, "
        f"{CONTRADICTIONS} contradictions (built in {built:.1f} s)"
    )
    verdict = "ok" if total <= TARGET else "OVER TARGET"
    print(f"briefing, all sections:      {total:6.2f} s  (target <= {TARGET:.0f} s: {verdict})")
    print(f"  gathering (queries):       {gathered:6.2f} s")
    print(f"  writing the .docx:         {total - gathered:6.2f} s, {size / 1e6:.1f} MB")
    print(f"briefing + full texts:       {total_full:6.2f} s, {size_full / 1e6:.1f} MB")
    print(f"CSV annotations ({annotations.rows:,} rows): {csv_annotations:6.2f} s")
    print(f"CSV claims ({claims.rows:,} rows):       {csv_claims:6.2f} s")
    print(f"peak Python allocations (briefing): {traced_peak / 1e6:6.1f} MB")
    print(f"peak RSS (whole run):               {rss:6.0f} MB")


if __name__ == "__main__":
    main()
