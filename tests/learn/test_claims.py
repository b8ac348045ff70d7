"""The claim classifier (desktop/learn/claims.py): trained on the analyst's claim tags and
decisions on claim suggestions, it re-ranks the claim rule's passages — on small synthetic
Arabic articles in which the analyst takes the claims of persons and rejects those whose
claimant is a capital city."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.core.arabic import fold
from desktop.core.suggest import Suggestion, suggest
from desktop.core.suggest.claim_features import ClaimFeatures
from desktop.core.text import make_draft
from desktop.learn import claims, tagger
from desktop.learn.crf import Classifier, CrfSettings, train_classifier
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

PERSONS = ["سمير خليل", "نادر حداد", "كريم منصور", "فادي سلامة", "رامي عواد", "باسل نعمة"]
NEW_PERSONS = ["وليد شاكر", "هاني زيدان"]
TITLES = ["الوزير", "الرئيس", "السفير", "النائب"]
CITIES = ["موسكو", "واشنطن", "باريس", "أنقرة", "برلين"]
NEW_CITIES = ["لندن", "بكين", "طهران"]
VERBS = ["وقال {who} إن", "وأكد {who} أن", "وأوضح {who} أن"]
PLACE_VERBS = ["وقالت {who} إن", "وأكدت {who} أن", "وأوضحت {who} أن"]
CONTENTS = [
    "المفاوضات ستستأنف الأسبوع المقبل في العاصمة",
    "الهدنة صامدة في معظم المناطق رغم الخروقات",
    "الاجتماع كان مثمرا وتناول ملفات عديدة",
    "المساعدات الإنسانية ستصل خلال أيام قليلة",
    "الحوار هو السبيل الوحيد لإنهاء الأزمة",
    "العقوبات الجديدة لن تغير شيئا على الأرض",
]


def article(
    seed: int, persons: list[str], cities: list[str], count: int = 8
) -> tuple[str, list[str]]:
    """Sentences of claims, half by a titled person, half by a city; the text and who
    claims each sentence ("person" or "place")."""
    rng = random.Random(seed)
    sentences: list[str] = []
    who: list[str] = []
    for n in range(count):
        content = rng.choice(CONTENTS)
        if n % 2:
            verb = rng.choice(PLACE_VERBS).format(who=rng.choice(cities))
            who.append("place")
        else:
            name = f"{rng.choice(TITLES)} {rng.choice(persons)}"
            verb = rng.choice(VERBS).format(who=name)
            who.append("person")
        sentences.append(f"{verb} {content} .")
    return "\n".join(sentences), who


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.open(tmp_path / "claims.hamish")
    yield opened  # type: ignore[misc]
    opened.close()


def add(project: Project, text: str, title: str) -> int:
    report = add_article(project, make_draft(text, title=title), title).value
    return report.imported[0][1]


def rule_claims(text: str) -> list[Suggestion]:
    return [s for s in suggest(text, None, gazetteer=gazetteer()) if s.kind == "claim"]


def is_place(claim: Suggestion) -> bool:
    return claim.claimant in CITIES + NEW_CITIES


def analyst(
    project: Project, document_id: int, text: str, *, reject: bool = True, claimants: bool = False
) -> None:
    """Accept the claims of persons and reject those of cities, as the window does; with
    ``claimants``, a speaker the rules know as a person's name becomes one (and his name is
    tagged with the claim), else the projects are of claims alone."""
    label = project.labels.by_key("claim")
    assert label is not None
    for claim in rule_claims(text):
        if is_place(claim):
            if reject:
                quote = text[claim.start : claim.end]
                reject_candidates(
                    project, [Candidate("suggestion", document_id, claim.start, claim.end, quote)]
                )
            continue
        plan = plan_suggestion(
            project,
            text,
            document_id,
            claim.start,
            claim.end,
            label,
            "t",
            is_entity=False,
            claimant=claim.claimant,
            claimant_span=claim.claimant_span,
            entity_name=claim.name if claimants else None,
        )
        add_annotations(project, [plan])


def worked_project(
    project: Project, articles: int = 3, *, reject: bool = True, claimants: bool = False
) -> list[int]:
    ids = []
    for n in range(articles):
        text, _ = article(n, PERSONS, CITIES)
        document_id = add(project, text, f"worked {n}")
        analyst(project, document_id, text, reject=reject, claimants=claimants)
        ids.append(document_id)
    return ids


def test_the_rule_finds_both_kinds_of_claim_in_the_synthetic_articles() -> None:
    text, who = article(0, PERSONS, CITIES)
    found = rule_claims(text)
    assert len(found) == len(who)
    assert [("place" if is_place(c) else "person") for c in found] == who


# --- crf as a classifier -------------------------------------------------------------------


def test_a_one_item_crf_is_a_classifier_with_probabilities() -> None:
    examples = [(("bias", "w:a"), "yes")] * 5 + [(("bias", "w:b"), "no")] * 5
    model, attributes = train_classifier(examples, CrfSettings(c1=0.0, c2=0.1))
    assert "w:a" in attributes
    classifier = Classifier(model)
    try:
        yes = classifier.probability(("bias", "w:a"), "yes")
        no = classifier.probability(("bias", "w:b"), "yes")
        assert yes > 0.8 and no < 0.2
        assert classifier.probability(("bias", "w:b"), "no") == pytest.approx(1 - no)
        assert classifier.probability(("bias",), "never seen") == 0.0
    finally:
        classifier.close()


# --- features ------------------------------------------------------------------------------


def test_features_of_a_claim() -> None:
    text = (
        "عنوان الخبر .\nوقال الوزير سمير خليل إن «الحكومة لن تقبل 3 شروط» .\n"
        "وقالت موسكو إن ربما نحن هنا ."
    )
    found = rule_claims(text)
    person, city = found
    extractor = ClaimFeatures(text)
    first = extractor.features(person.start, person.end, person.claimant_span, ["rg:person"])
    assert {"verb:قال", "vkind:finite", "ck:explicit", "ck:title", "ck:rg:person"} <= set(first)
    assert {"opens:quote", "number", "negation", "pos:mid"} <= set(first)
    assert "cw:سمير" in first and "w:الحكومه" in first and "st:حكومه" in first
    second = extractor.features(city.start, city.end, city.claimant_span, ["gz:LOC-name"])
    assert {"ck:gz:LOC-name", "hedge", "first_person", "cw:موسكو"} <= set(second)
    assert "ck:title" not in second and "negation" not in second
    # no claimant; a claimant of an earlier sentence is inherited
    assert "ck:none" in extractor.features(city.start, city.end)
    inherited = extractor.features(city.start, city.end, person.claimant_span)
    assert "ck:inherited" in inherited and "ck:explicit" not in inherited
    assert "pos:lead" in extractor.features(0, 5)


# --- training ------------------------------------------------------------------------------


def test_too_few_examples_keep_the_rule_score(project: Project) -> None:
    worked_project(project, articles=1)  # 4 claims taken, 4 rejected
    report = tagger.train(project)
    assert report.claims.positives == 4 and report.claims.negatives == 4
    assert report.claims.generation is None and "at least 10" in report.claims.reason
    assert claims.current_model(project) is None
    document_id = add(project, article(50, NEW_PERSONS, NEW_CITIES)[0], "new")
    assert tagger.gather(project, document_id) is None  # no model of either kind


def test_training_counts_and_the_stored_classifier(project: Project) -> None:
    worked_project(project, articles=3)
    report = tagger.train(project)
    assert report.generation is None  # no entity tags: no entity model …
    claim_report = report.claims  # … but claims are learnt
    assert claim_report.articles == 3
    assert claim_report.positives == 12 and claim_report.negatives == 12
    assert claim_report.decisions == 24  # 12 accepted, 12 rejected
    assert claim_report.generation is not None
    assert report.as_dict()["claims"]["positives"] == 12
    stored = project.tagger.latest("claim")
    assert stored is not None and stored.info.generation == claim_report.generation
    assert project.tagger.latest() is None  # the entity model is another row
    assert claims.current_model(project) is not None


def test_untagged_candidates_of_a_worked_article_are_negatives(project: Project) -> None:
    worked_project(project, articles=3, reject=False)  # city claims are simply left
    report = tagger.train(project).claims
    assert report.positives == 12 and report.negatives == 12 and report.decisions == 12


def test_a_claim_tag_the_rule_did_not_find_is_a_positive(project: Project) -> None:
    worked_project(project, articles=3)
    text = "ومن المرجح أن يبقى الحل السياسي بعيدا ."
    document_id = add(project, text, "own")
    label = project.labels.by_key("claim")
    assert label is not None and rule_claims(text) == []
    start = text.index("الحل")
    add_annotations(
        project, [plan_selection(project, text, document_id, start, len(text) - 2, label, "t")]
    )
    assert tagger.train(project).claims.positives == 13


def test_claims_are_reranked_in_an_unseen_article(project: Project) -> None:
    """The analyst rejected every claim of a city: in a new article with other cities and
    other persons, the cities' claims fall below the threshold and the persons' stay."""
    worked_project(project, articles=3)
    text, who = article(99, NEW_PERSONS, NEW_CITIES, count=10)
    document_id = add(project, text, "unseen")
    rules = suggest(text, None, gazetteer=gazetteer())
    before = [s for s in rules if s.kind == "claim"]
    assert len(before) == 10 and all(s.score == 0.6 for s in before)  # the rule's score
    tagger.train(project)
    inputs = tagger.gather(project, document_id)
    assert inputs is not None and inputs.model is None and inputs.claims is not None
    scored = tagger.combine(inputs, text, rules, threshold=0.0)
    kept = [s for s in scored if s.kind == "claim"]
    assert len(kept) == 10 and all(s.source == "model" for s in kept)
    places = [s.score for s in kept if is_place(s)]
    persons = [s.score for s in kept if not is_place(s)]
    assert max(places) < tagger.THRESHOLD <= min(persons)
    shown = tagger.combine(inputs, text, rules, threshold=tagger.THRESHOLD)
    offered = [s for s in shown if s.kind == "claim"]
    assert offered and not any(is_place(s) for s in offered)
    assert len(offered) == who.count("person")
    # entity suggestions pass untouched without an entity model
    assert [s for s in shown if s.kind == "entity"] == [s for s in rules if s.kind == "entity"]


def test_retraining_counts_claim_tags(project: Project) -> None:
    worked_project(project, articles=3)  # 12 claim tags and 24 decisions, no entity tag
    assert tagger.should_retrain(project, every=36)
    assert not tagger.should_retrain(project, every=37)
    tagger.train(project)
    assert project.tagger.latest() is None  # only the claim classifier tells what was learnt
    assert not tagger.should_retrain(project, every=1)
    text, _ = article(7, PERSONS, CITIES)
    analyst(project, add(project, text, "more"), text)  # 4 claim tags and 8 decisions
    assert tagger.should_retrain(project, every=12)
    assert not tagger.should_retrain(project, every=13)


def test_a_classifier_for_other_features_is_ignored(project: Project) -> None:
    worked_project(project, articles=3)
    tagger.train(project)
    stored = project.tagger.latest("claim")
    assert stored is not None
    project.tagger.save(
        trained_at="2026-01-01T00:00:00+00:00",
        features=claims.FEATURES_VERSION + 1,
        labels=[],
        counts={},
        attributes=[],
        model=stored.model,
        kind="claim",
    )
    assert claims.current_model(project) is None


def test_a_claimant_the_rules_name_is_marked_named() -> None:
    text = "وقال الوزير سمير خليل إن المفاوضات مستمرة .\nوقالت موسكو إن المفاوضات مستمرة ."
    found = suggest(text, None, gazetteer=gazetteer())
    person, city = (s for s in found if s.kind == "claim")
    named, unnamed = claims.describe(text, [person, city], names=found)
    assert "ck:named" in named and "ck:named" not in unnamed
    assert "ck:gz:LOC-name" in unnamed and "ck:gz:LOC-name" not in named
    # without the rules' names nothing is marked
    assert "ck:named" not in claims.describe(text, [person])[0]


def test_a_claimant_known_only_from_its_own_article_is_not_in_the_registry(
    project: Project,
) -> None:
    """Accepting a claim makes its claimant a person of the registry; in that article's
    examples it must not count as known, as a new article's claimants are not."""
    ids = worked_project(project, articles=3, claimants=True)
    claimants = project.tagger.claimant_documents()
    assert claimants and all(docs <= set(ids) for docs in claimants.values())
    names = {fold(name): entity for entity, _, name in project.entities.all_aliases()}
    seen = {"one article": 0, "several": 0}
    for features, label in claims.examples(project):
        words = " ".join(f[3:] for f in features if f.startswith("cw:"))
        if label != "claim" or words not in names:
            continue
        several = len(claimants[names[words]]) > 1
        seen["several" if several else "one article"] += 1
        assert ("ck:rg:person" in features) == several, words
    assert seen["one article"] and seen["several"]


def test_a_stale_model_of_either_kind_is_retrained(project: Project) -> None:
    worked_project(project, articles=3)
    tagger.train(project)
    assert not tagger.should_retrain(project, every=10)
    stored = project.tagger.latest("claim")
    assert stored is not None
    project.tagger.save(
        trained_at="2026-01-01T00:00:00+00:00",
        features=claims.FEATURES_VERSION + 1,
        labels=[],
        counts=stored.info.counts,
        attributes=[],
        model=stored.model,
        kind="claim",
    )
    assert tagger.should_retrain(project, every=10)  # the classifier needs other features
    tagger.train(project)
    assert not tagger.should_retrain(project, every=10)
    # an entity model whose label is gone is retrained even beside a fitting classifier
    from tests.learn.test_tagger import article as names_article
    from tests.learn.test_tagger import tag

    text, spans = names_article(0)
    tag(project, add(project, text, "names"), text, spans)
    tagger.train(project)
    assert project.tagger.latest() is not None
    assert not tagger.should_retrain(project, every=10)
    project.database.conn.execute(  # as if the model's Person label had been deleted
        "UPDATE tagger_models SET labels = ? WHERE kind = 'entity'",
        ['[[999, "person", "Person"]]'],
    )
    assert tagger.should_retrain(project, every=10)
