"""A hand-made project for the claim timeline's tests (analysis, window, command line).

Three articles: A published 2024-03-10, B with no date, C published in February 2024 (a
partial date). Claims, by name:

==========  =======  =========  ============  ============================================
name        article  claimant   claimed on    placed on
==========  =======  =========  ============  ============================================
kremlin1    A        Kremlin    2024-03-01    its own date
kremlin2    A        Kremlin    —             A's date, 2024-03-10
kremlin3    A        Kremlin    2024-03-01    its own date, after kremlin1 (later in A)
lavrov      A        Lavrov     2024-03-01    its own date (a tie with kremlin1, other lane)
kerry_month B        Kerry      2024-03       March 2024 (a partial date)
kerry_none  B        Kerry      —             undated (B has no date)
nobody      A        —          2024          the year 2024
bad         B        Lavrov     next week     undated: its date cannot be read, B has none
february    C        Kerry      —             C's date, February 2024
==========  =======  =========  ============  ============================================

Links: lavrov contradicts kremlin1, kerry_month supports kremlin2.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.project import Project

TEXT_A = (
    "قال الكرملين إن المحادثات مثمرة. وأضاف الكرملين أن الوفد سيعود. "
    "وقال لافروف إن الاتفاق قريب. وأكد الكرملين أن العقوبات لن تؤثر. "
    "وقال مصدر إن الاجتماع تأجل."
)
TEXT_B = "قال كيري إن واشنطن تدرس الرد. وأضاف كيري أن الحوار مستمر. وقال لافروف إن الرد جاهز."
TEXT_C = "قال كيري في فبراير إن العقوبات باقية."

# (name, article, passage, claimant, claimed_on)
CLAIMS = (
    ("kremlin1", "A", "قال الكرملين إن المحادثات مثمرة", "الكرملين", "2024-03-01"),
    ("kremlin2", "A", "وأضاف الكرملين أن الوفد سيعود", "الكرملين", None),
    ("lavrov", "A", "وقال لافروف إن الاتفاق قريب", "لافروف", "2024-03-01"),
    ("kremlin3", "A", "وأكد الكرملين أن العقوبات لن تؤثر", "الكرملين", "2024-03-01"),
    ("nobody", "A", "وقال مصدر إن الاجتماع تأجل", None, "2024"),
    ("kerry_none", "B", "قال كيري إن واشنطن تدرس الرد", "كيري", None),
    ("kerry_month", "B", "وأضاف كيري أن الحوار مستمر", "كيري", "2024-03"),
    ("bad", "B", "وقال لافروف إن الرد جاهز", "لافروف", "next week"),
    ("february", "C", "قال كيري في فبراير إن العقوبات باقية", "كيري", None),
)


def make_project(path: Path) -> tuple[Project, dict[str, int]]:
    """The project above at ``path``; returns it and the claim ids by name."""
    project = Project.open(path)
    texts = {"A": TEXT_A, "B": TEXT_B, "C": TEXT_C}
    published = {"A": "2024-03-10", "B": None, "C": "2024-02"}
    docs = {
        key: project.documents.add(
            make_draft(text, title=f"Article {key}", published=published[key])
        )
        for key, text in texts.items()
    }
    label = project.labels.by_key("claim")
    assert label is not None
    entities: dict[str, int] = {}
    ids: dict[str, int] = {}
    for name, key, passage, claimant, claimed_on in CLAIMS:
        text = texts[key]
        start = text.index(passage)
        draft = prepare_annotation(
            text, docs[key], start, start + len(passage), label.id, "me", snap=False
        )
        claim = project.claims.for_annotation(project.annotations.add(draft))
        assert claim is not None
        fields: dict[str, object] = {"claimed_on": claimed_on, "summary": name}
        if claimant is not None:
            if claimant not in entities:
                entities[claimant] = project.entities.add(claimant, "person")
            fields["claimant_id"] = entities[claimant]
        project.claims.update(claim.id, **fields)
        ids[name] = claim.id
    project.claims.add_link(ids["lavrov"], ids["kremlin1"], "contradicts")
    project.claims.add_link(ids["kerry_month"], ids["kremlin2"], "supports")
    project.claims.update(ids["kremlin2"], subjects=[entities["لافروف"]])
    project.claims.update(ids["kerry_month"], subjects=[entities["لافروف"], entities["الكرملين"]])
    return project, ids
