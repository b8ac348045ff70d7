"""The statistical tagger (desktop/learn): training on a project's tags and decisions, the
stored model, the retraining policy and its suggestions — on small synthetic Arabic articles
(no corpus needed)."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from desktop.core.arabic import fold
from desktop.core.models import Label
from desktop.core.suggest import Suggestion
from desktop.core.suggest.features import FeatureExtractor, Layout, Token, split_clitics, tokenize
from desktop.core.text import make_draft
from desktop.learn import sources, tagger
from desktop.learn.crf import CrfDecoder, CrfSettings, CrfTagger, train_crf
from desktop.ops.annotations import (
    Candidate,
    add_annotations,
    plan_selection,
    reject_candidates,
)
from desktop.ops.articles import add_article
from desktop.ops.labels import add_label, remove_label
from desktop.store.project import Project

PERSONS = ["سمير خليل", "نادر حداد", "كريم منصور", "فادي سلامة", "رامي عواد", "باسل نعمة"]
PLACES = ["حلب", "طرابلس", "صيدا", "حمص", "إربد", "الموصل"]
TEMPLATES = [
    "قال الوزير {p} إن الوضع في {l} هادئ .",
    "وزار {p} مدينة {l} أمس .",
    "وأكد {p} أن سكان {l} ينتظرون المساعدات .",
    "وصل {p} إلى {l} صباح اليوم .",
    "وفي {l} التقى {p} بالمسؤولين .",
]


def article(seed: int, count: int = 12) -> tuple[str, list[tuple[int, int, str]]]:
    """Sentences from the templates with names and places drawn at random (the same for the
    same seed); the gold spans."""
    rng = random.Random(seed)
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for _ in range(count):
        template, person, place = rng.choice(TEMPLATES), rng.choice(PERSONS), rng.choice(PLACES)
        sentence = template.format(p=person, l=place)
        for value, key in ((person, "person"), (place, "location")):
            at = sentence.index(value)
            spans.append((offset + at, offset + at + len(value), key))
        parts.append(sentence)
        offset += len(sentence) + 1
    return "\n".join(parts), spans


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.open(tmp_path / "learn.hamish")
    yield opened  # type: ignore[misc]
    opened.close()


def add(project: Project, text: str, title: str) -> int:
    report = add_article(project, make_draft(text, title=title), title).value
    return report.imported[0][1]


def labels(project: Project) -> dict[str, Label]:
    return {label.key: label for label in project.labels.all()}


def tag(project: Project, document_id: int, text: str, spans: list[tuple[int, int, str]]) -> None:
    by_key = labels(project)
    for start, end, key in spans:
        plan = plan_selection(project, text, document_id, start, end, by_key[key], "t")
        add_annotations(project, [plan])


def tagged_project(project: Project, articles: int = 2) -> list[int]:
    ids = []
    for n in range(articles):
        text, spans = article(n)
        document_id = add(project, text, f"tagged {n}")
        tag(project, document_id, text, spans)
        ids.append(document_id)
    return ids


# --- crf -----------------------------------------------------------------------------------


def test_crf_trains_to_bytes_and_tags_with_marginals() -> None:
    sequences = [
        ([["w:قال"], ["w:سمير"], ["w:إن"]], ["O", "B-person", "O"]),
        ([["w:قال"], ["w:نادر"], ["w:إن"]], ["O", "B-person", "O"]),
    ]
    model, attributes = train_crf(sequences, CrfSettings(c1=0.0, c2=0.01))
    assert model and "w:قال" in attributes
    crf = CrfTagger(model)
    try:
        tags = crf.tag([["w:قال"], ["w:سمير"], ["w:إن"]])
        assert tags == ["O", "B-person", "O"]
        assert 0.5 < crf.marginal("B-person", 1) <= 1.0
        assert set(crf.labels) == {"O", "B-person"}
    finally:
        crf.close()


# --- training ------------------------------------------------------------------------------


def test_nothing_to_learn_from_stores_no_model(project: Project) -> None:
    add(project, article(0)[0], "untagged")
    report = tagger.train(project)
    assert report.generation is None and "no entity tags" in report.reason
    assert project.tagger.latest_info() is None
    assert tagger.suggest(project, 1) == []


def test_training_counts_and_the_stored_model(project: Project) -> None:
    ids = tagged_project(project)
    add(project, article(5)[0], "never touched")  # not a training article
    report = tagger.train(project)
    assert report.generation == 1
    assert report.articles == 2
    assert report.tags == {"Location": 24, "Person": 24}
    assert report.tokens > 100 and report.sentences == 24
    assert report.seconds > 0 and set(report.sources) == {"gz", "rg", "ru"}
    info = project.tagger.latest_info()
    assert info is not None and info.generation == 1
    assert {key for _, key, _ in info.labels} >= {"person", "location", "organisation"}
    assert info.counts["articles"] == 2 and info.counts["activity"]["entity_tags"] == 48
    stored = project.tagger.latest()
    assert stored is not None and stored.model and stored.attributes
    again = tagger.train(project)
    assert again.generation == 2
    assert project.tagger.latest_info().generation == 2  # type: ignore[union-attr]
    assert len(ids) == 2


def test_the_model_suggests_names_and_places_in_a_new_article(project: Project) -> None:
    tagged_project(project, 3)
    tagger.train(project)
    text, gold = article(9)
    document_id = add(project, text, "new")
    found = tagger.suggest(project, document_id, threshold=0.5)
    assert found, "the model offers nothing"
    assert all(s.source == "model" and s.rule == "model" and s.kind == "entity" for s in found)
    assert all(0.5 <= s.score <= 1.0 for s in found)
    assert all(text[s.start : s.end] == s.text for s in found)
    hits = {(s.start, s.end, s.label_key) for s in found} & set(gold)
    assert len(hits) >= len(gold) * 0.8
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_a_label_the_analyst_adds_is_learnt(project: Project) -> None:
    weapon = add_label(
        project, {"name_en": "Weapon", "name_ar": "سلاح", "kind": "entity", "color": "#123456"}
    ).value
    key = project.labels.get(weapon).key
    lines = [f"وأطلق الجيش صاروخ {w} على المدينة ." for w in ("كاتيوشا", "غراد", "فجر")] * 4
    text = "\n".join(lines)
    document_id = add(project, text, "weapons")
    spans = []
    for line_start in itertools.accumulate([0, *(len(line) + 1 for line in lines[:-1])]):
        line = text[line_start:]
        word = line.split()[3]
        at = line_start + line.index(word)
        spans.append((at, at + len(word), key))
    tag(project, document_id, text, spans)
    report = tagger.train(project)
    assert report.tags == {"Weapon": 12}
    new = add(project, "وأطلق الجيش صاروخ غراد على القرية .", "new")
    found = tagger.suggest(project, new, threshold=0.3)
    assert [(s.text, s.label_key) for s in found] == [("غراد", key)]


def test_suggestions_leave_out_tags_and_decisions(project: Project) -> None:
    tagged_project(project, 3)
    tagger.train(project)
    text, _ = article(9)
    document_id = add(project, text, "new")
    before = tagger.suggest(project, document_id, threshold=0.5)
    first, second = before[0], before[1]
    tag(project, document_id, text, [(first.start, first.end, first.label_key)])
    reject_candidates(
        project, [Candidate("suggestion", document_id, second.start, second.end, second.text)]
    )
    after = {(s.start, s.end) for s in tagger.suggest(project, document_id, threshold=0.5)}
    assert (first.start, first.end) not in after
    assert (second.start, second.end) not in after


def test_a_rejected_string_is_not_offered_again_in_the_same_context(project: Project) -> None:
    tagged_project(project, 3)
    tagger.train(project)
    sentence = "وزار سمير خليل مدينة حلب أمس ."
    one = add(project, sentence, "one")
    two = add(project, sentence + "\nوزار سمير خليل دمشق .", "two")
    found = [s for s in tagger.suggest(project, one, threshold=0.3) if s.text == "سمير خليل"]
    assert found
    name = found[0]
    reject_candidates(project, [Candidate("suggestion", one, name.start, name.end, name.text)])
    offered = [s for s in tagger.suggest(project, two, threshold=0.3) if s.text == "سمير خليل"]
    # between وزار and مدينة it was rejected; between وزار and دمشق it is still offered
    assert [project.documents.get(two).text[s.end :].split()[0] for s in offered] == ["دمشق"]


def test_rejections_are_negative_examples(project: Project) -> None:
    tagged_project(project, 2)
    text = "\n".join(["وقال الوزير سمير خليل إن الوضع في حلب هادئ ."] * 3 + ["الطقس جميل ."])
    document_id = add(project, text, "decided only")
    at = text.index("الوضع")
    reject_candidates(project, [Candidate("suggestion", document_id, at, at + 5, "الوضع")])
    report = tagger.train(project)
    assert report.articles == 3  # the article with only a decision counts …
    assert report.decisions == 1
    assert report.sentences == 24 + 1  # … with the sentence of its rejection only


# --- when to train again -------------------------------------------------------------------


def test_should_retrain_after_enough_new_tags(project: Project) -> None:
    assert not tagger.should_retrain(project)
    ids = tagged_project(project, 1)
    assert tagger.should_retrain(project, every=20)  # 24 tags, no model yet
    tagger.train(project)
    assert not tagger.should_retrain(project, every=20)
    text, spans = article(4, count=5)
    document_id = add(project, text, "more")
    tag(project, document_id, text, spans)  # 10 more tags
    assert not tagger.should_retrain(project, every=20)
    assert tagger.should_retrain(project, every=10)
    assert ids


def test_should_retrain_when_the_model_no_longer_fits(project: Project) -> None:
    tagged_project(project, 1)
    tagger.train(project)
    assert tagger.current_model(project) is not None
    organisation = labels(project)["organisation"]
    remove_label(project, organisation.id, None)
    assert tagger.current_model(project) is None  # one of its labels is gone
    assert tagger.suggest(project, 1) == []
    assert tagger.should_retrain(project, every=20)
    tagger.train(project)
    assert tagger.current_model(project) is not None


def test_combine_scores_the_rules_by_the_model(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.suggest import Suggestion

    monkeypatch.setattr(tagger, "TRUSTED_FROM", 0)  # a model of 3 articles, trusted

    tagged_project(project, 3)
    tagger.train(project)
    text = "قال الوزير سمير خليل إن الوضع في حلب هادئ ."
    document_id = add(project, text, "new")
    at = text.index
    rules = [
        Suggestion("entity", "person", at("سمير"), at(" إن"), "سمير خليل", "title", score=0.75),
        Suggestion("entity", "person", at("هادئ"), at("هادئ") + 4, "هادئ", "title", score=0.75),
        Suggestion("claim", "claim", at("الوضع"), at(" ."), "الوضع في حلب هادئ", "reported"),
    ]
    inputs = tagger.gather(project, document_id)
    assert inputs is not None
    combined = tagger.combine(inputs, text, rules, threshold=0.5)
    by_text = {(s.kind, s.text): s for s in combined}
    name = by_text[("entity", "سمير خليل")]
    assert name.rule == "title" and name.source == "rule" and name.score != 0.75  # rescored
    assert ("entity", "هادئ") not in by_text  # the model is sure it is no name
    assert by_text[("claim", "الوضع في حلب هادئ")] == rules[2]  # claims keep their own
    assert any(s.text == "حلب" and s.label_key == "location" for s in combined)


def test_a_rule_span_that_stops_inside_a_name_scores_low(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``سمير`` alone (a registry alias, a title rule stopped short) begins a name the model
    sees going on: its score is the chance that the name ends there too. The model's whole
    name, surer, takes the place (a registry alias is never hidden otherwise, issue 14)."""
    from desktop.core.suggest import Suggestion

    monkeypatch.setattr(tagger, "TRUSTED_FROM", 0)  # a model of 3 articles, trusted

    tagged_project(project, 3)
    tagger.train(project)
    text = "قال الوزير سمير خليل إن الوضع في حلب هادئ ."
    document_id = add(project, text, "new")
    at = text.index
    whole = Suggestion("entity", "person", at("سمير"), at(" إن"), "سمير خليل", "title")
    short = Suggestion("entity", "person", at("سمير"), at(" خليل"), "سمير", "alias")
    inputs = tagger.gather(project, document_id)
    assert inputs is not None
    _, scores = tagger.judge(inputs, text, [whole, short], threshold=0.5)
    assert scores[0] >= 0.5 > scores[1]
    combined = tagger.combine(inputs, text, [replace(short, source="registry")], threshold=0.5)
    assert [s.text for s in combined if s.label_key == "person"] == ["سمير خليل"]


# --- the gazetteer as a feature ------------------------------------------------------------


def test_the_gazetteer_is_a_membership_feature() -> None:
    """The shipped gazetteer marks its names and adjectives, with their type, for the model:
    ``إلى سورية`` is a place's name, ``مصادر سورية`` an adjective (the analyst's tags teach
    which is an entity). A name the gazetteer itself would not offer (``أمل`` "hope", the
    party's name without a cue) is marked weak: the model weighs doubtful names apart."""
    from desktop.core.suggest.features import FeatureExtractor
    from desktop.learn import sources

    text = "قالت مصادر سورية إن الوفد وصل إلى سورية والتقى منظمة الصحة العالمية وعبر عن أمل ."
    found = [(text[s:e], kind) for s, e, kind in sources.gazetteer()(text)]
    assert found == [
        ("سورية", "LOC-adjective"),
        ("سورية", "LOC-name"),
        ("منظمة الصحة العالمية", "ORG-name"),
        ("أمل", "ORG-name-weak"),
    ]
    (sentence,) = FeatureExtractor({"gz": sources.gazetteer()}).sentences(text)
    words = [t.text for t in sentence.tokens]
    assert "gz:B-LOC-adjective" in sentence.features[words.index("سورية")]
    place = len(words) - 1 - words[::-1].index("سورية")
    assert "gz:B-LOC-name" in sentence.features[place]
    assert "-1gz:B-LOC-name" in sentence.features[place + 1]
    assert "gz:I-ORG-name" in sentence.features[words.index("الصحة")]


def test_the_model_learns_from_the_gazetteer(project: Project) -> None:
    """Features version 2 add the gazetteer (a model of version 1 never saw them, and is
    ignored): the trained model weighs the gazetteer's names."""
    assert tagger.FEATURES_VERSION >= 2
    tagged_project(project, 1)
    tagger.train(project)
    stored = project.tagger.latest()
    assert stored is not None and any(a.startswith("gz:") for a in stored.attributes)


def test_training_refuses_a_read_only_project_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.errors import ReadOnlyProject

    path = tmp_path / "archive.hamish"
    with Project.open(path) as writable:
        tagged_project(writable, 1)
    path.chmod(0o444)
    try:
        with Project.open(path, create=False) as project:
            assert project.read_only

            def never(*_args: object, **_kwargs: object) -> None:
                raise AssertionError("trained in a read-only project")

            monkeypatch.setattr(tagger, "train_crf", never)
            with pytest.raises(ReadOnlyProject, match="read-only"):
                tagger.train(project)
            assert project.tagger.latest_info() is None
    finally:
        path.chmod(0o644)


def test_a_sure_name_is_offered_at_its_other_occurrences() -> None:
    """``_propagate``: the whole written words of each other occurrence, clitics included
    (``ولسمير خليل``, ``للأسد`` for ``الأسد``), never over a span the model found itself, and
    with a lower score; a name below ``PROPAGATE_FROM`` is not propagated."""
    from desktop.core.suggest.features import tokenize

    text = (
        "وقال سمير خليل إن الوضع هادئ . ويواجه سمير خليل صعوبات . ورأى ولسمير خليل رأيا . "
        "وزار الأسد حلب . وقال للأسد إن . وجاء سمير وحده . ورأى نادر حداد ذلك . وجاء نادر حداد ."
    )
    tokens = [t for sentence in tokenize(text) for t in sentence]

    def span(words: str, n: int = 0, score: float = 0.95) -> tuple[int, int, str, float]:
        at = -1
        for _ in range(n + 1):
            at = text.index(words, at + 1)
        return at, at + len(words), "person", score

    found = [span("سمير خليل"), span("الأسد"), span("نادر حداد", score=0.65)]
    added = tagger._propagate(text, tokens, found, 0.5)
    assert [(text[s:e], key) for s, e, key, *_ in added] == [
        ("سمير خليل", "person"),
        ("ولسمير خليل", "person"),
        ("للأسد", "person"),
    ]
    assert all(score == pytest.approx(0.95 * tagger.PROPAGATED) for *_, score in added)
    assert tagger._propagate(text, tokens, [span("نادر حداد", score=0.65)], 0.5) == []


def test_a_names_first_word_is_found_however_it_is_written() -> None:
    """``_heads``: each written form of a name's first word, made from the names, reads as
    each distinct word of an article tried every way did (itself first, then one letter of
    proclitics off, then two; ل + ال contracted after a proclitic of the same length)."""
    from desktop.core.arabic import ARTICLE, LAM

    def head(word: str, firsts: set[str]) -> str | None:  # the way it was
        if word in firsts:
            return word
        for k in (1, 2):
            group, rest = word[:k], word[k:]
            if group in tagger._CLITIC_GROUPS and rest in firsts:
                return rest
            if group in tagger._LAM_GROUPS and rest[:1] == LAM and ARTICLE + rest[1:] in firsts:
                return ARTICLE + rest[1:]
        return None

    letters = ["و", "ف", "ب", "ل", "ك", "ا", "س", "م", "ر"]
    chance = random.Random(5)
    for _ in range(200):
        firsts = {
            "".join(chance.choice(letters) for _ in range(chance.randint(1, 4))) for _ in range(6)
        } | {"الأسد", "لبيد", "البيد", "بلير"}
        heads = tagger._heads(firsts)
        words = {
            "".join(chance.choice(letters) for _ in range(chance.randint(1, 6))) for _ in range(300)
        } | {"للأسد", "وللأسد", "ولبيد", "للبيد", "وبلير", "فبلير", "وبالأسد", "الأسد"}
        for word in words:
            assert heads.get(word) == head(word, firsts), (word, sorted(firsts))


@pytest.mark.parametrize(
    ("text", "found", "seeds", "expected"),
    [
        # a surname alone, with its clitics, after the full name was found surely
        (
            "كتب توفيق الحكيم رواية . وقال الحكيم إن . ورأى للحكيم رأيا .",
            ["توفيق الحكيم"],
            [],
            ["الحكيم", "للحكيم"],
        ),
        # the last word is a given name: not a surname (سمير خليل → not خليل alone)
        ("جاء سمير خليل . وجاء خليل .", ["سمير خليل"], [], []),
        # a definite nisba ends a name but alone is an adjective (المصري), not the person
        ("قال أبو حمزة المصري إن . وجاء المصري .", ["أبو حمزة المصري"], [], []),
        # an ordinal ends a king's name but alone is a word (كانون الأول، أمس الأول)
        ("قال جيمس الأول إن . وجاء في الأول .", ["جيمس الأول"], [], []),
        # a one-word name: nothing more than its own occurrences
        ("قال فرويد إن . ورأى فرويد .", ["فرويد"], [], ["فرويد"]),
        # the title rule's names are seeds: their other occurrences, never their own place
        (
            "قال الرئيس بوريس يلتسين إن . وزار يلتسين موسكو .",
            [],
            ["بوريس يلتسين"],
            ["يلتسين"],
        ),
        # a title that ends a name (عبد الواحد السيد) alone is "Mr", not the person; an
        # occupation (محمد الإمام) the imam
        ("وقال عبد الواحد السيد إن . وقال السيد إن .", ["عبد الواحد السيد"], [], []),
        ("قال محمد الإمام إن . وخطب الإمام في المصلين .", ["محمد الإمام"], [], []),
        # a rule's definite surname (a common adjective as often) loses SURNAME as the
        # model's do; an indefinite one (يلتسين, above) keeps the rule's score
        (
            "كتب توفيق الحكيم رواية . وقال الحكيم إن .",
            [],
            ["توفيق الحكيم"],
            ["الحكيم"],
        ),
        # the full name where it occurs again wins over its surname
        (
            "قال توفيق الحكيم . ثم كتب توفيق الحكيم .",
            ["توفيق الحكيم"],
            [],
            ["توفيق الحكيم"],
        ),
    ],
)
def test_surnames_and_the_rules_names_are_offered_at_their_other_occurrences(
    text: str, found: list[str], seeds: list[str], expected: list[str]
) -> None:
    from desktop.core.suggest.features import tokenize
    from desktop.learn import sources

    tokens = [t for sentence in tokenize(text) for t in sentence]

    def span(words: str) -> tuple[int, int, str, float]:
        at = text.index(words)
        return at, at + len(words), "person", 0.95

    added = tagger._propagate(
        text,
        tokens,
        [span(w) for w in found],
        0.5,
        [span(w) for w in seeds],
        sources.given_names(),
    )
    assert [text[s:e] for s, e, *_ in added] == expected
    # A seed's surname keeps its score: the bar of the model's persons (0.9) is above what
    # SURNAME leaves of the rules' 0.9; the model's own names' surnames lose SURNAME.
    for s, e, _, score in added:
        whole = any(text[s:e].endswith(w) for w in found + seeds)
        definite = text[s:e].startswith("ال")
        alone = tagger.SEED_SURNAME if seeds and not definite else tagger.SURNAME
        assert score == pytest.approx(0.95 * tagger.PROPAGATED * (1.0 if whole else alone))


def test_a_rules_surname_outscores_the_models_doubt_of_it() -> None:
    """``_propagate``: where the model offered a surname alone less surely (0.75) than a rule
    offered the whole name (0.9: the credits, the nationality), the surname's other places
    take the rule's score, which clears the bar of the model's persons; the model's own
    place keeps its span and takes the same score (one name, one score in an article)."""
    text = "رفض أميتاب باتشان ذلك . وقال باتشان إن . ورحب باتشان بالأفلام ."
    tokens = [t for sentence in tokenize(text) for t in sentence]
    whole = text.index("أميتاب باتشان")
    second = text.index("باتشان", whole + 8)
    third = text.index("باتشان", second + 1)
    found = [(second, second + 6, "person", 0.75)]
    seeds = [(whole, whole + len("أميتاب باتشان"), "person", 0.9)]
    added = tagger._propagate(text, tokens, found, 0.5, seeds)
    assert sorted(added) == [
        (second, second + 6, "person", pytest.approx(0.9 * tagger.PROPAGATED)),
        (third, third + 6, "person", pytest.approx(0.9 * tagger.PROPAGATED)),
    ]
    assert min(score for *_, score in added) >= tagger.limit("person", tagger.THRESHOLD)


def test_the_registry_source_follows_the_registry() -> None:
    """The compiled matcher is reused for the same registry and rebuilt when it changes."""
    from desktop.learn import sources

    text = "التقى سمير خليل نادر حداد في حلب ."
    one = sources.registry_source([(1, "person", "سمير خليل")])
    two = sources.registry_source([(1, "person", "سمير خليل"), (2, "person", "نادر حداد")])
    assert one is not None and two is not None
    assert [text[s:e] for s, e, _ in one(text, None)] == ["سمير خليل"]
    assert [text[s:e] for s, e, _ in two(text, None)] == ["سمير خليل", "نادر حداد"]
    again = sources.registry_source([(1, "person", "سمير خليل")])
    assert again is not None and [text[s:e] for s, e, _ in again(text, None)] == ["سمير خليل"]


def test_each_label_has_its_own_threshold_offset() -> None:
    """``OFFSETS`` move a label's threshold (tuned per type); other labels, the analyst's own
    among them, take the threshold as it is, and the limit stays within 0..1."""
    from desktop.core.suggest import Suggestion

    def entity(key: str, start: int, score: float, source: str = "model") -> Suggestion:
        return Suggestion(
            "entity",
            key,
            start,
            start + 3,
            "abc",
            source,
            source=source,
            score=score,  # type: ignore[arg-type]
        )

    offsets = {"location": 0.15, "person": -0.1}
    assert tagger.limit("location", 0.6, offsets) == pytest.approx(0.75)
    assert tagger.limit("person", 0.6, offsets) == pytest.approx(0.5)
    assert tagger.limit("weapon", 0.6, offsets) == 0.6
    assert tagger.limit("location", 0.95, offsets) == 1.0
    assert tagger.limit("person", 0.05, offsets) == 0.0
    rules = [entity("location", 0, 0.9, "registry"), entity("person", 10, 0.9, "registry")]
    judged = {0: 0.7, 1: 0.55}
    learnt = [entity("location", 20, 0.8), entity("person", 30, 0.45), entity("weapon", 40, 0.6)]
    kept = tagger.combine_judged(rules, learnt, judged, 0.6, offsets=offsets)
    # A model trusted on the labels (every label, trust=None) judges a registry alias alone,
    # at the label's own bar.
    assert [(s.start, s.source, s.score) for s in kept] == [
        (10, "registry", 0.55),
        (20, "model", 0.8),
        (40, "model", 0.6),
    ]
    plain = tagger.combine_judged(rules, learnt, judged, 0.6, offsets={})
    assert [s.start for s in plain] == [0, 20, 40]


def test_a_gazetteer_or_title_suggestion_is_judged_by_both() -> None:
    """The gazetteer's or the title rule's score (from the words around the name) and the
    model's probability are averaged: a model that learnt little does not drop a name the
    rules are sure of. A registry alias too, and it is never dropped (issue 14)."""
    from desktop.core.suggest import Suggestion

    place = Suggestion(
        "entity", "location", 0, 5, "سورية", "gazetteer", source="gazetteer", score=0.9
    )
    weak = Suggestion(
        "entity", "location", 10, 14, "صور", "gazetteer", source="gazetteer", score=0.3
    )
    titled = Suggestion("entity", "person", 20, 29, "سمير خليل", "title", score=0.9)
    alias = Suggestion("entity", "person", 40, 44, "سمير", "alias", source="registry", score=0.9)
    judged = {0: 0.4, 1: 0.8, 2: 0.3, 3: 0.4}
    found = [place, weak, titled, alias]
    kept = tagger.combine_judged(found, [], judged, 0.6, offsets={}, judged={})
    # A registry alias (a string match) is judged by a trusted model alone: dropped here.
    assert [(s.text, s.score) for s in kept] == [("سورية", 0.65), ("سمير خليل", 0.6)]
    assert [s.lowered for s in kept] == [True, True]
    # The list rule's names (a team sheet) are read by the list's structure, which a model
    # hardly ever saw: it may raise them, never lower them.
    listed = Suggestion("entity", "person", 50, 60, "ووائل القباني", "list", score=0.9)
    kept = tagger.combine_judged([listed, titled], [], {0: 0.05, 1: 0.05}, 0.6, judged={})
    assert [(s.text, s.score, s.lowered) for s in kept] == [("ووائل القباني", 0.9, False)]
    kept = tagger.combine_judged([listed], [], {0: 0.99}, 0.6, judged={})
    assert [s.score for s in kept] == [pytest.approx(0.945)]


@pytest.mark.parametrize(
    ("source", "offsets", "judged", "kept"),
    [
        # The gazetteer's and the rules' suggestions the model judges meet JUDGED_OFFSETS's bar…
        ("gazetteer", {"location": 0.3}, {"location": 0.0}, True),
        ("gazetteer", {"location": 0.0}, {"location": 0.3}, False),
        ("title", {"location": 0.3}, {"location": 0.0}, True),
        # … a registry alias (a trusted model alone judges it) and the model's own meet
        # OFFSETS's.
        ("registry", {"location": 0.3}, {"location": 0.0}, False),
        ("registry", {"location": 0.0}, {"location": 0.3}, True),
    ],
)
def test_a_judged_suggestion_has_its_own_threshold(
    source: str, offsets: dict[str, float], judged: dict[str, float], kept: bool
) -> None:
    from desktop.core.suggest import Suggestion

    rule = "title" if source == "title" else "x"
    origin = "rule" if source == "title" else source
    place = Suggestion(
        "entity",
        "location",
        0,
        5,
        "سورية",
        rule,
        source=origin,
        score=0.7,  # type: ignore[arg-type]
    )
    found = tagger.combine_judged([place], [], {0: 0.7}, 0.6, offsets=offsets, judged=judged)
    assert bool(found) is kept


def test_words_seen_once_in_training_are_rare_and_the_others_are_the_vocabulary() -> None:
    """A name is most often a word the model has hardly seen: a word seen once in training
    carries the "rare" feature, as a word outside the model's vocabulary does when tagging
    (desktop.core.suggest.features), so both mean the same."""
    seen_twice, once = ["bias", "w:قال", "sh:ar"], ["bias", "w:فرويد", "sh:ar"]
    number = ["bias", "w:2006", "sh:num"]
    sequences = [([seen_twice, once, number], ["O", "B-person", "O"]), ([seen_twice], ["O"])]
    marked, vocabulary = tagger._mark_rare(sequences)
    assert [("rare" in f) for f in marked[0][0]] == [False, True, False]
    assert vocabulary == {"w:قال"}
    assert [tags for _, tags in marked] == [tags for _, tags in sequences]


def test_the_stored_model_keeps_its_vocabulary(project: Project) -> None:
    tagged_project(project)
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None
    assert "v:قال" in model.attributes  # the first word of a template: seen many times
    calm = fold("هادئ")
    assert f"v:{calm}" in model.attributes and f"v:w:{calm}" not in model.attributes


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        # و + a given name begins the next name of a list
        ("ومحمود محمود وعمرو الصفتي", "B I I I", "B I B I"),
        ("أسامة حسن وعمرو زكي", "B I I I", "B I B I"),
        # not a given name after و: the name goes on
        ("عبد الله وصفي", "B I I", "B I I"),
        # وليد is a given name itself, not و + ليد
        ("محمد وليد", "B I", "B I"),
        # only a person's name is cut; a place is left as it is
        ("سان ومحمد", "B-location I-location", "B-location I-location"),
        # a verb, a time word, و + ال: the name has ended there, and the rest of the run
        ("أينشتاين قال إن", "B I I", "B O O"),
        ("بوتين أمس", "B I", "B O"),
        ("باريرا والاتحاد", "B I", "B O"),
        ("جان مارك دو لا سابليير", "B I I I I", "B I I I I"),  # لا in a name is not a verb
    ],
)
def test_a_persons_name_is_cut_where_it_cannot_go_on(text: str, tags: str, expected: str) -> None:
    (tokens,) = tokenize(text)
    words = tags.split()
    written = [w if "-" in w or w == "O" else f"{w}-person" for w in words]
    extractor = FeatureExtractor(given=sources.given_names())
    cuts = tagger._split_names(tokens, written, sources.given_names(), extractor.classes)
    after = expected.split()
    assert written == [w if "-" in w or w == "O" else f"{w}-person" for w in after]
    # a name ends before the first word changed in each run (the rest of a run only follows)
    changed = [a != b for a, b in zip(words, after, strict=True)]
    assert cuts == {i for i, c in enumerate(changed) if c and not (i and changed[i - 1])}


def test_the_model_tags_with_the_cycle_collector_paused(project: Project) -> None:
    """A 1 MB article makes a million short-lived objects (desktop.core.gcpause)."""
    import gc

    tagged_project(project)
    tagger.train(project)
    text, _ = article(9)
    document_id = add(project, text, "new")
    seen: list[bool] = []

    def places(_text: str) -> list[tuple[int, int, str]]:
        seen.append(gc.isenabled())
        return []

    was = gc.isenabled()
    gc.enable()
    try:
        inputs = tagger.gather(project, document_id)
        assert inputs is not None
        tagger.combine(inputs, text, [], gazetteer=places)
        assert seen == [False]
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()


def test_the_models_suggestions_are_judged_and_merged_with_the_collector_paused(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only the tagging: the first collection after a pause walks everything made in it
    that lives on (a long text's remembered tokens), and the judging and merging after it
    started some thirty collections on a 1 MB article."""
    import gc

    tagged_project(project)
    tagger.train(project)
    text, _ = article(9)
    document_id = add(project, text, "new")
    seen: list[bool] = []
    judged = tagger.combine_judged

    def watched(*args: Any, **kwargs: Any) -> list[Suggestion]:
        seen.append(gc.isenabled())
        return judged(*args, **kwargs)

    monkeypatch.setattr(tagger, "combine_judged", watched)
    was = gc.isenabled()
    gc.enable()
    try:
        inputs = tagger.gather(project, document_id)
        assert inputs is not None
        tagger.combine(inputs, text, [])
        assert seen == [False]
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()


def test_the_next_suggestion_reuses_the_words_features(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window suggests again after every tag, and the next article writes mostly the same
    words: each written word's features are made once per model, not once per suggestion —
    and the suggestions are the same as from fresh features."""
    tagged_project(project)
    tagger.train(project)
    text, _ = article(9)
    other, _ = article(10)
    document_id = add(project, text, "new")
    made: list[str] = []
    word = FeatureExtractor._word

    def counted(self: FeatureExtractor, token: object) -> object:
        if token.text not in self._words:  # type: ignore[attr-defined]
            made.append(token.text)  # type: ignore[attr-defined]
        return word(self, token)  # type: ignore[arg-type]

    monkeypatch.setattr(FeatureExtractor, "_word", counted)
    monkeypatch.setattr(tagger, "_WORDS", [])
    first = tagger.suggest(project, document_id, text=text, threshold=0.0)
    assert made
    made.clear()
    again = tagger.suggest(project, document_id, text=text, threshold=0.0)
    assert again == first
    assert made == []  # every word's features kept from the first time
    tagger.suggest(project, document_id, text=other, threshold=0.0)
    assert set(made) <= set(tokenize_words(other)) - set(tokenize_words(text))
    monkeypatch.setattr(tagger, "_WORDS", [])
    assert tagger.suggest(project, document_id, text=text, threshold=0.0) == first
    tagger.train(project)  # a new model: its own words
    made.clear()
    tagger.suggest(project, document_id, text=text, threshold=0.0)
    assert set(made) == set(tokenize_words(text))
    assert tagger._WORDS
    monkeypatch.setattr(tagger, "WORDS_KEPT", 5)  # an article of more words: none kept
    assert tagger.suggest(project, document_id, text=other, threshold=0.0)
    assert tagger._WORDS == []


def tokenize_words(text: str) -> list[str]:
    return [token.text for sentence in tokenize(text) for token in sentence]


# --- the project's own text (features version 5) --------------------------------------------


def test_the_stored_model_keeps_what_the_projects_text_says_of_its_words(
    project: Project,
) -> None:
    """The corpus features are counted on every article, tagged or not, and stored with the
    model (only those it has a weight for), so tagging reads the same features again."""
    tagged_project(project)
    add(project, "قال الوزير زكريا إن الوضع هادئ . وأكد زكريا أن حلب هادئة", "untagged")
    tagger.train(project)
    stored = project.tagger.latest()
    assert stored is not None
    lines = [a for a in stored.attributes if a.startswith(tagger.CORPUS_LINE)]
    model = tagger.current_model(project)
    assert model is not None and lines and len(model.corpus) == len(lines)
    assert not any(a.startswith(tagger.CORPUS_LINE) for a in model.attributes)
    assert all(f in model.attributes for found in model.corpus.values() for f in found)
    # A name of the templates follows a verb of saying in the tagged articles and never
    # takes ال: what the model learnt from them and will find in a new article.
    stem = split_clitics(fold("حداد"))[1]
    assert {"c:neveral", "c:verb"} & set(model.corpus.get(stem, ()))


def test_the_corpus_is_the_articles_learnt_from_then_the_newest(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [add(project, f"نص رقم {n} " * 10, f"article {n}") for n in range(5)]
    texts = {d: project.documents.get(d).text for d in ids}
    newest = [ids[4], ids[3], ids[2], ids[0]]
    assert list(tagger._corpus_texts(project, [ids[1]])) == [texts[d] for d in [ids[1], *newest]]
    monkeypatch.setattr(tagger, "CORPUS_CHARACTERS", 2 * len(texts[ids[0]]))
    assert list(tagger._corpus_texts(project, [ids[1]])) == [texts[ids[1]], texts[ids[4]]]


def test_a_model_of_the_features_before_is_not_used(project: Project) -> None:
    tagged_project(project, 1)
    tagger.train(project)
    stored = project.tagger.latest()
    assert stored is not None and tagger.FEATURES_VERSION == 6
    project.tagger.save(
        trained_at="2026-01-01T00:00:00Z",
        features=5,  # the gazetteer's doubtful names were not told apart
        labels=[(label.id, label.key, label.name_en) for label in project.labels.all()],
        counts=dict(stored.info.counts),
        attributes=list(stored.attributes),
        model=stored.model,
    )
    assert tagger.current_model(project) is None
    assert tagger.should_retrain(project, every=20)


def test_a_name_found_at_several_places_is_surer_at_each() -> None:
    """``_consistent``: the occurrences of the same person's name (the first word with
    proclitics too) found at three places or more take ``1 - Π(1 - score)``; a name found
    at fewer, and other labels, keep their own score."""
    text = (
        "قال فرويد إن . ورأى وفرويد ذلك . وجاء بلير . وزار فرويد باريس . وقال بلير . "
        "ودخل باريس . وغادر باريس ."
    )
    tokens = [t for sentence in tokenize(text) for t in sentence]

    def span(words: str, n: int = 0, score: float = 0.5, key: str = "person") -> tuple:
        at = -1
        for _ in range(n + 1):
            at = text.index(words, at + 1)
        return at, at + len(words), key, score

    found = [
        span("فرويد", 0, 0.7),
        span("وفرويد", 0, 0.6),
        span("فرويد", 2, 0.5),
        span("بلير", 0, 0.6),
        span("بلير", 1, 0.6),
        span("باريس", 0, 0.6, "location"),
        span("باريس", 1, 0.6, "location"),
        span("باريس", 2, 0.6, "location"),
    ]
    raised = tagger._consistent(tokens, found)
    together = 1 - 0.3 * 0.4 * 0.5
    assert sorted((text[s:e], score) for s, e, _, score in raised) == [
        ("فرويد", pytest.approx(together)),
        ("فرويد", pytest.approx(together)),
        ("وفرويد", pytest.approx(together)),
    ]
    # and the surest of each span is kept
    kept = tagger._surest([*found, *raised])
    assert sorted(score for *_, score in kept) == pytest.approx(sorted([0.6] * 5 + [together] * 3))


def test_a_sure_name_raises_the_score_of_its_other_occurrences() -> None:
    """``_propagate``: where the model found the same person's (or organisation's) name less
    surely, that place takes the sure score (one name, one score in an article); a place's
    other occurrences keep the model's own score."""
    text = "قال بوتين في موسكو إن . ورأى بوتين في موسكو ذلك ."
    tokens = [t for sentence in tokenize(text) for t in sentence]
    found = []
    for word, key in (("بوتين", "person"), ("موسكو", "location")):
        first = text.index(word)
        second = text.index(word, first + 1)
        found += [(first, first + 5, key, 0.98), (second, second + 5, key, 0.75)]
    added = tagger._propagate(text, tokens, found, 0.5)
    second = text.index("بوتين", text.index("بوتين") + 1)
    assert added == [(second, second + 5, "person", pytest.approx(0.98 * tagger.PROPAGATED))]


def test_a_given_name_alone_scores_lower_than_the_model_says(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person's name of one word that is a given name is more often one the model cut
    short than a person named so: its score is the model's times ``LONE_GIVEN_NAME``, a
    full name's is not (one occurrence each: no other evidence from the article)."""
    monkeypatch.setitem(globals(), "PERSONS", ["كريم", "سمير خليل", "نادر حداد"])
    tagged_project(project, 3)
    tagger.train(project)
    text = (
        "قال الوزير كريم إن الوضع في حلب هادئ .\nوزار سمير خليل مدينة حمص أمس .\n"
        "وأكد نادر حداد أن سكان صيدا ينتظرون المساعدات ."
    )
    document_id = add(project, text, "new")
    found = {
        s.text: s.score
        for s in tagger.suggest(project, document_id, threshold=0.0)
        if s.label_key == "person"
    }
    assert 0 < found["كريم"] <= tagger.LONE_GIVEN_NAME
    assert max(found["سمير خليل"], found["نادر حداد"]) > tagger.LONE_GIVEN_NAME


def test_a_given_name_and_one_word_more_is_a_sure_name(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person's name of two words the model tags that begins with a given name (``نادر
    منصور``, a name it never saw whole) is offered as sure (``GIVEN_AND_NAME``) however
    unsure the model is (0.64 before); one whose first word is not a given name (``زيغي
    مورفي``) keeps the model's own score."""
    monkeypatch.setitem(globals(), "PERSONS", [*PERSONS, "شارلز مورفي", "زيغي زاكا"])
    tagged_project(project, 3)
    tagger.train(project)
    text = "وزار نادر منصور مدينة حمص أمس .\nوأكد زيغي مورفي أن سكان صيدا ينتظرون المساعدات ."
    document_id = add(project, text, "new")
    found = {
        s.text: s.score
        for s in tagger.suggest(project, document_id, threshold=0.0)
        if s.label_key == "person"
    }
    assert found["نادر منصور"] == tagger.GIVEN_AND_NAME == 1.0
    assert 0 < found["زيغي مورفي"] < 0.9


def test_the_decoder_tags_an_article_as_crfsuite_tags_its_sentences(project: Project) -> None:
    """The model's weights as arrays (``CrfDecoder``, a whole article at once) give every
    token crfsuite's own tag, and its marginals: the same suggestions, faster. On made-up
    articles with what tells them apart: several sentences of different lengths, one of a
    word, one cut at the longest sentence, memberships of the gazetteer at the first and
    the last word, words the model never saw."""
    tagged_project(project, 4)
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None
    rng = random.Random(14)
    words = [
        *(w for name in PERSONS + PLACES for w in name.split()),
        *[
            "قال",
            "الوزير",
            "إن",
            "الوضع",
            "في",
            "هادئ",
            "وزار",
            "أمس",
            "مدينة",
            "وأكد",
            "رئيس",
            ".",
            "،",
            "وجاء",
        ],
        "ضيف",
        "غريب",  # never seen
    ]
    texts = [
        article(0)[0] + "\n" + article(3)[0],
        "حلب .\nسمير .\n" + " ".join(rng.choices(words, k=400)),
        " ".join(rng.choices(words, k=200)) + " حمص",
        "حمص",
    ]
    extractor = FeatureExtractor(
        {"gz": sources.gazetteer()},
        known=model.attributes,
        given=sources.given_names(),
        encoded=True,
        corpus=model.corpus,
        cues=sources.word_classes(),
    )
    decoder = CrfDecoder(model.model)
    crf = CrfTagger(model.model)
    found: set[str] = set()
    try:
        for text in texts:
            decoded = decoder.decode(extractor.layout(text))
            at = 0
            for sentence in extractor.encoded_sentences(text):
                tags = crf.tag(sentence.features)
                assert decoded.tags[at : at + len(tags)] == tags
                assert decoded.sure[at : at + len(tags)] == [
                    decoded.marginal(tag, at + i) for i, tag in enumerate(tags)
                ]
                for i in range(len(tags)):
                    for label in crf.labels:
                        assert decoded.marginal(label, at + i) == pytest.approx(
                            crf.marginal(label, i), abs=1e-12
                        )
                at += len(tags)
            assert at == len(decoded.tags)
            found.update(decoded.tags)
        assert found - {"O"}  # names were found: a test of something
    finally:
        crf.close()


class _FixedDecoder:
    """A stand-in for the CRF: tags the given words of each sentence as a person's name
    (``B-person`` on the first, ``I-person`` on the rest) with ``likely`` as their marginal,
    ``I-person`` at ``0.5`` on the word after, ``O`` elsewhere."""

    names: tuple[tuple[str, ...], ...] = ()
    likely = 0.9
    key = "person"  # the label it tags the names with

    def __init__(self, model: bytes) -> None:
        self.labels = ("O", f"B-{self.key}", f"I-{self.key}")
        self.tags: list[str] = []
        self.sure: list[float] = []
        self._after_name: list[bool] = []  # the word before is in a name, in the sentence

    def decode(self, layout: Layout[bytes]) -> _FixedDecoder:
        for a, b in pairwise(layout.cuts):
            words = [token.folded for token in layout.tokens[a:b]]
            tags = ["O"] * len(words)
            for name in self.names:
                for i in range(len(words) - len(name) + 1):
                    if tuple(words[i : i + len(name)]) == name:
                        tags[i : i + len(name)] = [f"B-{self.key}"] + [f"I-{self.key}"] * (
                            len(name) - 1
                        )
            self.tags += tags
            self._after_name += [False] + [tag != "O" for tag in tags[:-1]]
        self.sure = [self.marginal(tag, i) for i, tag in enumerate(self.tags)]
        return self

    def marginal(self, tag: str, position: int) -> float:
        if self.tags[position] == tag:
            return self.likely
        if tag == f"I-{self.key}" and self._after_name[position]:
            return 0.5
        return 0.0


def _fixed_suggestions(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    *names: str,
    key: str = "person",
) -> dict[str, float]:
    """The names of ``key`` ``suggest_in`` offers in ``text`` when the model tags ``names``
    there so."""
    monkeypatch.setattr(_FixedDecoder, "names", tuple(tuple(fold(n).split()) for n in names))
    monkeypatch.setattr(_FixedDecoder, "key", key)
    monkeypatch.setattr(tagger, "CrfDecoder", _FixedDecoder)
    words = frozenset("w:" + fold(word) for word in text.split())  # what the stand-in reads
    model = tagger.Model(1, {key: labels(project)[key]}, words, b"", {})
    inputs = tagger.Inputs(model, (), (), frozenset(), frozenset())
    found = tagger.suggest_in(inputs, text, threshold=0.0, rules=[])
    return {s.text: s.score for s in found if s.label_key == key}


def test_the_models_organisation_after_a_compass_noun_is_no_organisation(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name after شمال، جنوب، شرق، غرب or شبه, with their proclitics, is a place's: the
    model's الجزيرة there is the peninsula, not the channel it learnt (elsewhere it stays;
    وسط is also "among")."""
    text = (
        "وتقع بشمال شرق الجزيرة تلال .\nوفي شرق شبه الجزيرة رعاة .\n"
        "وقال مراسل الجزيرة ذلك .\nوانقسم وسط الجزيرة الموظفون ."
    )
    monkeypatch.setattr(_FixedDecoder, "names", ((fold("الجزيرة"),),))
    monkeypatch.setattr(_FixedDecoder, "key", "organisation")
    monkeypatch.setattr(tagger, "CrfDecoder", _FixedDecoder)
    words = frozenset("w:" + fold(word) for word in text.split())
    model = tagger.Model(1, {"organisation": labels(project)["organisation"]}, words, b"", {})
    inputs = tagger.Inputs(model, (), (), frozenset(), frozenset())
    found = tagger.suggest_in(inputs, text, threshold=0.0, rules=[])
    every = [i for i in range(len(text)) if text.startswith("الجزيرة", i)]
    assert len(every) == 4
    assert [(s.start, s.label_key) for s in found] == [(at, "organisation") for at in every[2:]]


def test_a_persons_name_does_not_end_in_a_particle(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person's name the model ends at a particle (``علي بن أبي`` before ``طالب``) goes
    on to the next word — past it when that is a particle too (``علي بن``) —, scored with
    that word's chance of going on the name (a name never ends so); at the end of a
    sentence it stays as it is."""
    text = "تولى علي بن أبي طالب الخلافة .\nوقال عمر بن الخطاب ذلك .\nوجاء زيد بن ."
    found = _fixed_suggestions(project, monkeypatch, text, "علي بن أبي", "عمر بن", "زيد بن")
    assert set(found) == {"علي بن أبي طالب", "عمر بن الخطاب", "زيد بن"}
    # mean of 0.9, 0.9, 0.9 and the next word's 0.5, then the chance it ends there (1 - 0)
    assert found["علي بن أبي طالب"] == pytest.approx((3 * 0.9 + 0.5) / 4)


def test_a_given_name_after_a_particle_is_not_a_sure_name(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two words that begin with a given name are a sure name (``GIVEN_AND_NAME``), unless a
    particle comes before them: ``أبا أيوب الأنصاري`` is one name, and ``أيوب الأنصاري`` a
    part of it, which keeps the model's score."""
    text = "فولى علي أبا أيوب الأنصاري المدينة .\nوزار نادر منصور حمص ."
    found = _fixed_suggestions(project, monkeypatch, text, "أيوب الأنصاري", "نادر منصور")
    assert found["نادر منصور"] == tagger.GIVEN_AND_NAME
    assert found["أيوب الأنصاري"] == pytest.approx(0.9 * (1 - 0.5))  # it may go on


def test_the_given_names_before_a_surname_the_model_tags_are_the_names(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model knows a surname from the analyst's tags and leaves out a given name it never
    saw with it (``ألبرت | أينشتاين``): the given names written before are the name's. Not
    across و, which joins names, not the parts of one: a name that begins with و is the next
    of a list (``ومحمد هنيدي`` after ``محمد سعد``), and a given name after و begins its name
    (``وسميرة عبد العزيز``, not ``سمير وسميرة عبد العزيز``) — the و left out where the rest
    is a word of another name the article gives (محمد of محمد سعد: ``_without_proclitics``)."""
    text = (
        "وقال ألبرت أينشتاين إن الضوء سريع .\nوغنى محمد سعد ومحمد هنيدي معا .\n"
        "وجاء سمير وسميرة عبد العزيز أمس ."
    )
    found = _fixed_suggestions(
        project, monkeypatch, text, "أينشتاين", "محمد سعد", "ومحمد هنيدي", "عبد العزيز"
    )
    assert set(found) == {"ألبرت أينشتاين", "محمد سعد", "محمد هنيدي", "وسميرة عبد العزيز"}


def test_a_given_name_is_not_taken_from_the_name_before_it(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names written one after the other (a team sheet): a given name before a name the
    model tags that ends the name the model found before it (``نادر سعيد``) is that name's,
    not the start of this one (``حداد``)."""
    text = "وضم الفريق نادر سعيد حداد أمس .\nوقال سمير حداد ذلك ."
    found = _fixed_suggestions(project, monkeypatch, text, "نادر سعيد", "حداد")
    assert set(found) == {"نادر سعيد", "حداد", "سمير حداد"}


def test_a_rules_whole_name_is_not_displaced_by_the_models_part_of_it() -> None:
    """``تأليف محمد رفعت``: the credits rule reads the whole name (0.9), the model only
    محمد, a name it knows well (0.91): the rule's name is offered, not the model's part of
    it; the model's own names elsewhere, and its name as long as the rule's, stay."""
    from desktop.core.suggest import Suggestion

    text = "تأليف محمد رفعت وإخراج باسم محفوظ وقال محمد"
    credited = Suggestion("entity", "person", 6, 15, "محمد رفعت", "credits", score=0.9)
    part = Suggestion("entity", "person", 6, 10, "محمد", "model", source="model", score=0.91)
    other = Suggestion("entity", "person", 39, 43, "محمد", "model", source="model", score=0.95)
    assert text[6:15] == "محمد رفعت" and text[39:43] == "محمد"
    found = tagger.combine_judged([credited], [part, other], {0: 0.3}, 0.6, offsets={})
    assert [(s.start, s.end, s.rule) for s in found] == [(6, 15, "credits"), (39, 43, "model")]
    for trust in (frozenset(), frozenset({"person"})):
        found = tagger.combine_judged([credited], [part, other], {0: 0.3}, 0.6, trust=trust)
        assert [(s.start, s.end) for s in found] == [(6, 15), (39, 43)]
    # another label inside the rule's name is the model's to judge: its surer organisation
    # (باري ماتش in a rule's لباري ماتش) is not dropped for the rule's person
    text = "وقال الفرنسي لباري ماتش إن"
    ruled = Suggestion("entity", "person", 13, 23, "لباري ماتش", "national", score=0.9)
    body = Suggestion(
        "entity", "organisation", 14, 23, "باري ماتش", "model", source="model", score=0.97
    )
    assert text[13:23] == "لباري ماتش" and text[14:23] == "باري ماتش"
    found = tagger.combine_judged([ruled], [body], {0: 0.2}, 0.6)
    assert ("organisation", 14, 23) in [(s.label_key, s.start, s.end) for s in found]


def test_a_person_where_a_list_offers_an_organisation_is_the_organisation() -> None:
    """The model reads a foreign name it never saw as a person's (``نوكيا``، ``فرانس برس``
    at k = 30): where the gazetteer or the registry offers an organisation over the same
    words, the model's person is not offered, and the organisation is; a person the lists do
    not know as a body stays."""
    from desktop.core.suggest import Suggestion

    body = Suggestion(
        "entity", "organisation", 6, 15, "فرانس برس", "gazetteer", source="gazetteer", score=0.95
    )
    person = Suggestion("entity", "person", 6, 15, "فرانس برس", "model", source="model", score=1.0)
    other = Suggestion("entity", "person", 30, 39, "سمير خليل", "model", source="model", score=0.9)
    found = tagger.combine_judged([body], [person, other], {0: 0.2}, 0.6)
    assert [(s.text, s.label_key) for s in found] == [
        ("فرانس برس", "organisation"),
        ("سمير خليل", "person"),
    ]


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def test_an_organisations_first_word_alone_is_the_organisation_where_the_project_says_so(
    project: Project,
) -> None:
    """The model tags ``مانشستر`` a city where the article named ``مانشستر يونايتد`` surely
    before: a place or person of one word that is the first word of an organisation so
    named in the article is that organisation — when the analyst's own tags say so
    (``short_forms``: most of their tags of such words were the organisation)."""
    from desktop.core.suggest import Suggestion

    text = "فاز مانشستر يونايتد أمس .\nوتقدم بمانشستر في الشوط .\nوزار سمير باريس ."
    tokens = [t for sentence in tokenize(text) for t in sentence]
    club = _span(text, "مانشستر يونايتد")
    alone = _span(text, "بمانشستر")
    city = _span(text, "باريس")
    candidates = [(*alone, "location", 0.9), (*city, "location", 0.9)]
    body = Suggestion("entity", "organisation", *club, "مانشستر يونايتد", "gazetteer")
    sure = [replace(body, source="gazetteer", score=0.95)]
    assert sorted(tagger._short_forms(tokens, candidates, sure)) == [
        (*alone, "organisation", 0.9),
        (*city, "location", 0.9),
    ]
    # A body named unsurely (an ambiguous name, no cue) is no evidence.
    unsure = [replace(body, source="gazetteer", score=0.5)]
    assert sorted(tagger._short_forms(tokens, candidates, unsure)) == sorted(candidates)

    # What the project's tags say: the analyst tagged the first word alone as the club.
    spans = [(*club, "organisation"), (*alone, "organisation"), (*city, "location")]
    assert tagger._short_form_tags(text, spans) == {"organisation": 1}
    assert tagger._short_form_tags(text, [(*club, "organisation"), (*alone, "location")]) == {
        "other": 1
    }
    person = labels(project)["person"]

    def model(found: dict[str, int]) -> tagger.Model:
        return tagger.Model(1, {"person": person}, frozenset(), b"", {"short_forms": found})

    assert tagger.short_forms(model({"organisation": 14, "other": 1}))
    assert not tagger.short_forms(model({"organisation": 2}))  # too few to tell
    assert not tagger.short_forms(model({"organisation": 4, "other": 5}))  # the city, mostly
    assert not tagger.short_forms(tagger.Model(1, {"person": person}, frozenset(), b"", {}))


def test_training_stores_how_the_project_tags_an_organisations_first_word_alone(
    project: Project,
) -> None:
    tagged_project(project, 2)
    text = "فاز مانشستر يونايتد أمس .\nوتقدم مانشستر في الشوط ."
    document_id = add(project, text, "club")
    alone = _span(text, "مانشستر", text.index("وتقدم"))
    tag(
        project,
        document_id,
        text,
        [(*_span(text, "مانشستر يونايتد"), "organisation"), (*alone, "organisation")],
    )
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None and model.counts["short_forms"] == {"organisation": 1}


def test_an_honorific_is_no_part_of_a_persons_name(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model learns a name after ``صاحب السمو`` and may tag the honorific too, or alone
    (an article that writes ``صاحب السمو`` ten times made ``صاحب`` a sure "name" by its
    occurrences): honorifics and what follows them are taken off the front of a person's
    name, and one of nothing else is no name."""
    text = (
        "وصل صاحب السمو الشيخ خليفة .\nوكان صاحب الجلالة في المقدمة .\n"
        "وقال معالي زياد حداد إن الوضع هادئ ."
    )
    found = _fixed_suggestions(project, monkeypatch, text, "صاحب", "معالي زياد حداد")
    assert set(found) == {"زياد حداد"}


def test_a_model_that_learnt_little_never_lowers_the_rules_nor_hides_the_registry() -> None:
    """Issue 14, a trial: a model trained on 33 persons judged every place of the gazetteer
    (it had never seen one) and hid them, with the registry's aliases of the very names the
    analyst tagged. Below TRUSTED_FROM tags of a label it may only raise them."""
    from desktop.core.suggest import Suggestion

    place = Suggestion(
        "entity", "location", 0, 5, "سورية", "gazetteer", source="gazetteer", score=0.9
    )
    titled = Suggestion("entity", "person", 20, 29, "سمير خليل", "title", score=0.9)
    alias = Suggestion("entity", "person", 40, 44, "سمير", "alias", source="registry", score=0.9)
    judged = {0: 0.01, 1: 0.95, 2: 0.0}
    found = [place, titled, alias]
    untrusted = tagger.combine_judged(found, [], judged, 0.6, trust=frozenset())
    assert [(s.text, s.score, s.lowered) for s in untrusted] == [
        ("سورية", 0.9, False),
        ("سمير خليل", 0.925, False),
        ("سمير", 0.9, False),
    ]
    trusted = tagger.combine_judged(found, [], judged, 0.6, trust=frozenset({"location", "person"}))
    # Trusted, the model judges: the alias in a context it gives nothing is not offered.
    assert [(s.text, s.score, s.lowered) for s in trusted] == [("سمير خليل", 0.925, False)]


def test_a_label_is_trusted_after_enough_tags_in_enough_sentences() -> None:
    labels = {"person": Label(1, "person", "Person", "شخص", "entity", "#000", "", "", 0)}

    def model(tags: int, sentences: int) -> tagger.Model:
        counts = {"tags": {"Person": tags}, "sentences": sentences}
        return tagger.Model(1, labels, frozenset(), b"", counts)

    n = tagger.TRUSTED_FROM
    assert tagger.trusted(model(n, n)) == {"person"}
    assert tagger.trusted(model(n - 1, n)) == frozenset()
    assert tagger.trusted(model(n, n - 1)) == frozenset()
    assert tagger.trusted(None) == frozenset()


def test_a_model_that_learnt_little_of_a_label_displaces_none_of_its_suggestions() -> None:
    """The benchmark at one article tagged: the model's place مدريد took the span of the
    gazetteer's club ريال مدريد, and a place it raised (زيورخ) that of جامعة زيورخ."""
    from desktop.core.suggest import Suggestion

    club = Suggestion(
        "entity", "organisation", 0, 10, "ريال مدريد", "gazetteer", source="gazetteer", score=0.95
    )
    city = Suggestion("entity", "location", 5, 10, "مدريد", "model", source="model", score=0.97)
    kept = tagger.combine_judged([club], [city], {0: 0.1}, 0.6, trust=frozenset({"location"}))
    assert [(s.text, s.score) for s in kept] == [("ريال مدريد", 0.95)]
    trusting = tagger.combine_judged(
        [club], [city], {0: 0.1}, 0.6, trust=frozenset({"organisation", "location"})
    )
    assert [s.text for s in trusting] == ["مدريد"]


def test_a_models_name_after_wa_and_lam_alif_lam_starts_at_the_first_lam(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules start a name written و + ل + ال contracted at its first lam (``وللأسد`` →
    ``للأسد``: ``pipeline.written_start``); the model tags whole words and offered the
    conjunction with the name, and a harakah on the conjunction is left out with it. Its
    other proclitics stay as they are (``لبنان`` is a word, ``ولبيب`` keeps its و: no other
    name of the article is لبيب, ``_without_proclitics``)."""
    text = "وقال وللأسد رأي .\nوقال وَللأسد رأي .\nوجاء فللأسد دور .\nوزار ولبيب حلب ."
    found = _fixed_suggestions(project, monkeypatch, text, "وللاسد", "فللاسد", "ولبيب")
    assert set(found) == {"للأسد", "ولبيب"}


def test_a_places_adjective_after_an_organisation_is_left_out_where_the_project_does(
    project: Project,
) -> None:
    """The model tags ``لحزب الأمل اللبناني`` whole; where the analyst's organisations beside
    a place's adjective mostly leave it out (``org_nisba``), the adjective is cut off — not
    from a name a list knows whole (``الاتحاد الأوروبي``), nor where a head noun alone would
    be left (``الجيش``)."""
    from desktop.core.suggest import Suggestion

    text = (
        "قال رئيس لحزب الأمل اللبناني إن الاتحاد الأوروبي وافق ، وقالت نوكيا الفنلندية ذلك ."
        "\nوانتشر الجيش اللبناني ."
    )
    tokens = [t for sentence in tokenize(text) for t in sentence]
    party = _span(text, "لحزب الأمل اللبناني")
    union = _span(text, "الاتحاد الأوروبي")
    nokia = _span(text, "نوكيا الفنلندية")
    army = _span(text, "الجيش اللبناني")
    candidates = [
        (*party, "organisation", 0.9),
        (*union, "organisation", 0.9),
        (*nokia, "organisation", 0.85),
        (*army, "organisation", 0.8),
        (*_span(text, "رئيس"), "person", 0.7),
    ]
    listed = [Suggestion("entity", "organisation", *union, "الاتحاد الأوروبي", "gazetteer")]
    listed = [replace(listed[0], source="gazetteer", score=0.95)]
    adjective = sources.adjective()
    assert sorted(tagger._nisba_cut(tokens, candidates, listed, adjective)) == sorted(
        [
            (*_span(text, "لحزب الأمل"), "organisation", 0.9),
            (*union, "organisation", 0.9),
            (*_span(text, "نوكيا"), "organisation", 0.85),
            (*army, "organisation", 0.8),  # a head noun alone is no name: left as it was
            (*_span(text, "رئيس"), "person", 0.7),
        ]
    )

    # What the analyst's tags say: an organisation a place's adjective follows, and one
    # that ends in one (the same article's tags, counted once each).
    spans = [(*_span(text, "لحزب الأمل"), "organisation"), (*nokia, "organisation")]
    assert tagger._org_nisba_tags(tokens, spans, adjective) == {"out": 1, "in": 1}
    assert tagger._org_nisba_tags(tokens, [(*union, "organisation")], adjective) == {"in": 1}
    person = labels(project)["person"]

    def model(found: dict[str, int]) -> tagger.Model:
        return tagger.Model(1, {"person": person}, frozenset(), b"", {"org_nisba": found})

    assert tagger.org_nisba_out(model({"out": 16, "in": 3}))
    assert not tagger.org_nisba_out(model({"out": 2}))  # too few to tell
    assert not tagger.org_nisba_out(model({"out": 4, "in": 5}))  # the project keeps it
    assert not tagger.org_nisba_out(tagger.Model(1, {"person": person}, frozenset(), b"", {}))


def test_training_stores_how_the_project_tags_a_places_adjective_after_an_organisation(
    project: Project,
) -> None:
    tagged_project(project, 2)
    text = "قال رئيس حزب الأمل اللبناني إن الوضع هادئ .\nوأعلنت نوكيا الفنلندية أرباحها ."
    document_id = add(project, text, "bodies")
    spans = [(*_span(text, "حزب الأمل"), "organisation"), (*_span(text, "نوكيا"), "organisation")]
    tag(project, document_id, text, spans)
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None and model.counts["org_nisba"] == {"out": 2}


def test_the_decoders_sums_leave_the_padding_out(project: Project) -> None:
    """``CrfDecoder._add`` adds each column's features without its padding (the zero row):
    the same sums to the last bit as adding every column whole, as it was — over columns
    full, empty and in between, rows chosen more than once —, and the zero row is never
    read."""
    import numpy as np

    tagged_project(project, 2)
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None
    decoder = CrfDecoder(model.model)
    none = decoder._none
    chance = np.random.default_rng(14)
    cases = []
    for width, filled in ((1, 1.0), (3, 0.5), (6, 0.05), (4, 0.0)):
        rows = np.where(
            chance.random((300, width)) < filled, chance.integers(0, none, (300, width)), none
        )
        which = chance.integers(0, 300, 1000)
        start = chance.normal(size=(1000, len(decoder.labels)))
        expected = start.copy()
        for column in range(width):  # as it was: every column whole, padding and all
            expected += decoder._weights[rows[which][:, column]]
        assert filled == 0.0 or not np.array_equal(expected, start)  # weights are added
        cases.append((rows, which, start, expected))
    for rows, which, start, expected in cases:
        found = start.copy()
        decoder._add(found, rows, which)
        assert np.array_equal(found, expected)
    decoder._weights = decoder._weights.copy()
    decoder._weights[none] = np.nan  # the zero row made NaN: no sum may change
    for rows, which, start, expected in cases:
        found = start.copy()
        decoder._add(found, rows, which)
        assert np.array_equal(found, expected)


def test_the_decoder_remembers_each_words_sum_to_the_last_bit(project: Project) -> None:
    """``CrfDecoder._own_sums`` remembers each written word's own and article features'
    sum across articles: one decoder that tagged other articles first — where the same words
    had other article features (after a title, or not) —, or that kept too many words and
    started afresh, gives every article the tags and marginals of a new decoder, equal to
    the last bit."""
    import numpy as np

    tagged_project(project, 3)
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None
    rng = random.Random(7)
    words = [w for name in PERSONS + PLACES for w in name.split()]
    texts = [
        article(1)[0],
        "قال الوزير سمير إن الوضع في حلب هادئ . " + " ".join(rng.choices(words, k=60)),
        "سمير في حلب . " + " ".join(rng.choices(words, k=80)),  # سمير after no title here
        article(1)[0],
        article(1)[0] + "\nضيف غريب",  # its words remembered, and two new ones
        "حمص",
    ]
    extractor = FeatureExtractor(
        {"gz": sources.gazetteer()},
        known=model.attributes,
        given=sources.given_names(),
        encoded=True,
        corpus=model.corpus,
        cues=sources.word_classes(),
    )
    layouts = [extractor.layout(text) for text in texts]
    owns = {w[0] for layout in layouts for w in layout.words}
    groups: dict[str, set[tuple[bytes, ...]]] = {}
    for layout in layouts:
        for token, w in zip(layout.tokens, layout.word_of, strict=True):
            groups.setdefault(token.text, set()).add(layout.words[w][0])
    assert len(groups["سمير"]) > 1  # a word with other article features elsewhere: a test
    kept = CrfDecoder(model.model)
    small = CrfDecoder(model.model)
    # afresh at each article, and where the last one's words are remembered and two are new
    small.SUMS_KEPT = len({w[0] for w in layouts[3].words}) + 1
    for layout in layouts:
        expected = CrfDecoder(model.model).decode(layout)
        for decoder in (kept, small):
            found = decoder.decode(layout)
            assert found.tags == expected.tags
            assert found.sure == expected.sure
            assert np.array_equal(found._marginals, expected._marginals)
    assert len(kept._sums[0]) == len(set(owns))


def test_the_decoder_keeps_what_a_texts_layout_owes_to_the_text(project: Project) -> None:
    """``CrfDecoder._shape``, kept by the layout's ``plan``: decoding a long text again with
    other sources (the window after a tag), then another text, gives each layout what a new
    decoder gives it, to the last bit."""
    import numpy as np

    tagged_project(project, 3)
    tagger.train(project)
    model = tagger.current_model(project)
    assert model is not None
    first = "\n".join(article(n)[0] for n in range(50))
    other = "\n".join(article(n)[0] for n in range(50, 110))
    assert len(first) >= 20_000 and len(other) >= 20_000  # remembered (features._read)
    settings = {
        "known": model.attributes,
        "given": sources.given_names(),
        "encoded": True,
        "corpus": model.corpus,
        "cues": sources.word_classes(),
    }
    shared = FeatureExtractor(**settings)  # type: ignore[arg-type]
    gazetteer = sources.gazetteer()
    names = sources.registry_source([(1, "person", "سمير خليل"), (2, "location", "حلب")])
    assert names is not None
    registry = {"rg": lambda text: names(text, None)}
    decoder = CrfDecoder(model.model)
    plans = []
    for text, found in (
        (first, {"gz": gazetteer}),
        (first, {}),
        (first, {"gz": gazetteer, **registry}),
        (other, {"gz": gazetteer}),
    ):
        layout = FeatureExtractor(found, share=shared, **settings).layout(text)  # type: ignore[arg-type]
        plans.append(layout.plan)
        expected = CrfDecoder(model.model).decode(layout)
        decoded = decoder.decode(layout)
        assert decoded.tags == expected.tags
        assert np.array_equal(decoded._marginals, expected._marginals)
    assert plans[0] is plans[1] is plans[2] is not plans[3]  # kept, then another text's


class _BodiesDecoder(_FixedDecoder):
    """The stand-in, knowing organisations too: it never tags one, and gives none any
    chance (a body it never saw)."""

    def __init__(self, model: bytes) -> None:
        super().__init__(model)
        self.labels = ("O", "B-person", "I-person", "B-organisation", "I-organisation")


def test_the_model_does_not_judge_a_gazetteers_body_whose_words_it_never_saw(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_abstained``: a gazetteer's organisation the model gives no chance keeps the
    gazetteer's score as the model's judgement when the model never saw its words (each
    outside its vocabulary); a body of a word it knows, and the registry's aliases, are
    judged by the model as before."""
    from desktop.core.suggest import Suggestion

    text = "وقال الفيفا\nوقال الاتحاد\nوقال الاتحاد"
    monkeypatch.setattr(tagger, "CrfDecoder", _BodiesDecoder)
    by_key = labels(project)
    known = frozenset({tagger.VOCABULARY + fold("الاتحاد"), "w:" + fold("الاتحاد")})
    model = tagger.Model(
        1, {"person": by_key["person"], "organisation": by_key["organisation"]}, known, b"", {}
    )
    inputs = tagger.Inputs(model, (), (), frozenset(), frozenset())

    def body(words: str, source: str, after: int = 0) -> Suggestion:
        start = text.index(words, after)
        made = Suggestion("entity", "organisation", start, start + len(words), words, source)
        return replace(made, source=source, score=0.9)

    rules = [
        body("الفيفا", "gazetteer"),
        body("الاتحاد", "gazetteer"),
        body("الاتحاد", "registry", text.rindex("الاتحاد")),
    ]
    _, judged = tagger.judge(inputs, text, rules, threshold=0.0)
    assert judged == {0: 0.9, 1: 0.0, 2: 0.0}


def test_the_passes_over_names_read_the_layouts_columns_as_the_tokens() -> None:
    """(seventh round) The passes over the model's names (the same names everywhere, the
    short forms, the place adjectives cut, the other occurrences) given the layout's columns
    of the tokens' starts and folded forms find what they found from the tokens."""
    from desktop.core.suggest import Suggestion

    text = (
        "وقال سمير خليل إن الوضع هادئ . ويواجه سمير خليل صعوبات . فاز مانشستر يونايتد أمس ."
        "\nوتقدم بمانشستر في الشوط . قال رئيس لحزب الأمل اللبناني إن خليل زار باريس ."
    )
    layout = FeatureExtractor(known={"bias"}).layout(text)
    tokens = layout.tokens
    columns = (layout.starts, layout.folded)
    found = [
        (*_span(text, "سمير خليل"), "person", 0.95),
        (*_span(text, "خليل", text.index("زار") - 6), "person", 0.6),
        (*_span(text, "بمانشستر"), "location", 0.9),
        (*_span(text, "لحزب الأمل اللبناني"), "organisation", 0.9),
    ]
    club = Suggestion(
        "entity", "organisation", *_span(text, "مانشستر يونايتد"), "مانشستر يونايتد", "gazetteer"
    )
    rules = [replace(club, source="gazetteer", score=0.95)]
    assert tagger._propagate(text, tokens, found, 0.5) == tagger._propagate(
        text, tokens, found, 0.5, columns=columns
    )
    assert tagger._propagate(text, tokens, found, 0.5)
    assert tagger._consistent(tokens, found) == tagger._consistent(tokens, found, layout.starts)
    assert tagger._short_forms(tokens, found, rules) == tagger._short_forms(
        tokens, found, rules, layout.starts
    )
    assert tagger._short_forms(tokens, found, rules) != found
    adjective = sources.adjective()
    assert tagger._nisba_cut(tokens, found, rules, adjective) == tagger._nisba_cut(
        tokens, found, rules, adjective, layout.starts
    )
    assert tagger._nisba_cut(tokens, found, rules, adjective) != found


@pytest.mark.parametrize(
    ("text", "name", "goes_on"),
    [
        ("وفي غزوة الخندق قتل عمرو بن ود العامري .", "عمرو بن ود", True),
        ("وقال أحمد يوسف الجفيري إن", "أحمد يوسف", True),
        ("وقال أبو حمزة المصري إن", "أبو حمزة", True),  # a kunya's place nisba
        ("وقال جورج بوش الأميركي إن", "جورج بوش", False),  # a place's adjective
        ("وقال محمد الحالي إن", "محمد", False),
        ("وقال أحمد يوسف ، الجفيري إن", "أحمد يوسف", False),  # a mark between
        ("وقال أحمد يوسف والجفيري إن", "أحمد يوسف", False),  # و: another name
        ("وقال أحمد يوسف الجفيريون إن", "أحمد يوسف", False),  # not in ي
        ("وقال أحمد يوسف", "أحمد يوسف", False),  # nothing after it
    ],
)
def test_a_family_nisba_after_a_persons_name_is_the_names(
    text: str, name: str, goes_on: bool
) -> None:
    """``_nisba_after``: a definite word in ي right after a person's name the model tags is
    the family's nisba and the name's (عمرو بن ود | العامري), not an adjective of time
    (الحالي), and a place's adjective only after a name of a particle (أبو حمزة المصري)."""
    tokens = [t for sentence in tokenize(text) for t in sentence]
    start = text.index(name)
    first = next(i for i, t in enumerate(tokens) if t.start == start)
    last = next(i for i, t in enumerate(tokens) if t.end == start + len(name))
    assert tagger._nisba_after(tokens, first, last, sources.adjective()) is goes_on


def test_the_model_s_persons_take_their_family_nisba(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person's name the model ends before its family's nisba (``عمرو بن ود | العامري``)
    is offered with it, with the chance that the name ends after it; a place's adjective
    after a name without a particle is not the name's (``جورج بوش | الأميركي``)."""
    text = "وقتل عمرو بن ود العامري في الخندق .\nوقال جورج بوش الأميركي إن الحرب بعيدة ."
    found = _fixed_suggestions(project, monkeypatch, text, "عمرو بن ود", "جورج بوش")
    assert set(found) == {"عمرو بن ود العامري", "جورج بوش"}
    assert found["عمرو بن ود العامري"] == pytest.approx(0.9)  # في does not go on the name


def test_a_given_name_and_a_verb_is_not_a_sure_name(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A given name and the word after it are a sure name (``GIVEN_AND_NAME``) unless that
    word is the sentence going on — a verb (``نزار يكتب``), a pronoun suffix of two letters
    (``علي موقفهم``), a preposition and a verbal noun (``صدام بارتكاب``) —, when the model's
    own score stands; a word in ه is still a surname (``حسن شحاته``, its ة written ه; ``جين
    شاركوه``)."""
    text = (
        "بدأ نزار يكتب الشعر .\nوشرح علي موقفهم أمس .\nأدين صدام بارتكاب جرائم .\n"
        "وعمل جين شاركوه طبيبا .\nوزار نادر منصور حمص .\nودرب حسن شحاته المنتخب ."
    )
    names = ("نزار يكتب", "علي موقفهم", "صدام بارتكاب", "جين شاركوه", "نادر منصور", "حسن شحاته")
    found = _fixed_suggestions(project, monkeypatch, text, *names)
    for name in names[3:]:
        assert found[name] == tagger.GIVEN_AND_NAME, name
    for name in names[:3]:
        assert found[name] < tagger.GIVEN_AND_NAME, name


def test_a_surname_found_again_takes_the_given_names_before_it() -> None:
    """``_propagate``: a surname offered alone at its other occurrences takes the given
    names written just before it (``أليكس | فيرغوسن``), as the model's own names do."""
    from desktop.core.suggest.features import tokenize

    text = "وقال المدرب فيرغوسن إن الفريق جاهز . وأكد أليكس فيرغوسن ذلك ."
    tokens = [t for sentence in tokenize(text) for t in sentence]
    at = text.index("فيرغوسن")
    found = [(at, at + len("فيرغوسن"), "person", 0.95)]
    added = tagger._propagate(text, tokens, found, 0.5, given=frozenset({fold("أليكس")}))
    assert [text[s:e] for s, e, *_ in added] == ["أليكس فيرغوسن"]
    assert [text[s:e] for s, e, *_ in tagger._propagate(text, tokens, found, 0.5)] == ["فيرغوسن"]


def test_a_person_in_latin_letters_is_capitalised() -> None:
    """The model's persons in Latin letters are names only when every word is capitalised
    (``Albert Einstein``): a term's gloss (``( Nwe moon )``) is not offered."""
    text = "الاقتران ( Nwe moon ) ثم ( Albert Einstein ) و( moon ) و( Charles de Gaulle )"
    cases = (
        ("Nwe moon", True),
        ("Albert Einstein", False),
        ("moon", True),
        ("Charles de Gaulle", False),  # a particle inside
    )
    for words, lower in cases:
        at = text.index(words)
        assert tagger._lower_case_latin(text, at, at + len(words)) is lower, words


def test_the_credit_noun_is_not_the_models_name() -> None:
    # the model read تأليف before a name as a one-word person (6 times in one article)
    assert tagger._no_name_start(Token(0, 5, "تأليف", "تاليف"))
    assert tagger._no_name_start(Token(0, 6, "وإخراج", "واخراج"))
    assert not tagger._no_name_start(Token(0, 5, "تيسير", "تيسير"))
    assert "credits" in tagger.UNLOWERED  # the model may raise the rule's names, never lower


def _tokens_of(text: str) -> list[Token]:
    (sentence,) = tokenize(text)
    return list(sentence)


@pytest.mark.parametrize(
    ("text", "found", "widened"),
    [
        # the model's ومحمد of ومحمد لمين ولد سلامة ولد النفاع
        ("ومحمد لمين ولد سلامة ولد النفاع وعلي", (0, 0), (0, 5)),
        # the model's محمد حمودي inside وعبد الرحمان ولد محمد حمودي ولد داف
        ("وعبد الرحمان ولد محمد حمودي ولد داف وعلي", (3, 4), (0, 6)),
        # the model's محمد after ولد; the last name's definite surname
        ("والمصطفى ولد محمد الحبيب وعلي", (2, 2), (2, 2)),  # one link, ال: was born
        ("وفي عهد هارون الرشيد ولد المأمون", (5, 5), (5, 5)),
        ("والشيخ أحمد ولد ونشأ في القاهرة", (1, 1), (1, 1)),  # ونشأ: was born and grew up
        ("وقال إن محمد ولد يتيما", (2, 2), (2, 2)),
        ("وسالم ولد محمد الحبيب وعلي", (2, 2), (0, 3)),
        ("وكتاب ولد محمد أمس", (2, 2), (2, 2)),  # one link: a given name must begin it
        # ولد: was born
        ("وحين ولد فرويد كان أبوه", (2, 2), (2, 2)),
        ("فرويد ولد في مورافيا", (0, 0), (0, 0)),
    ],
)
def test_a_mauritanian_lineage_widens_the_models_name(
    text: str, found: tuple[int, int], widened: tuple[int, int]
) -> None:
    assert tagger._walad_chain(_tokens_of(text), *found) == widened


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("أمين المتحف", True),  # curator
        ("وأمين الخزينة", True),
        ("أمين معلوف", False),  # a name
        ("أمين الجميل", False),  # persons
        ("أمين الحافظ", False),
    ],
)
def test_amin_and_a_definite_word_is_a_post(text: str, post: bool) -> None:
    tokens = _tokens_of(text)
    assert tagger._post_of_amin(tokens, 0, 1) is post


def test_a_run_of_links_widens_a_name_a_few_links_at_most() -> None:
    # an attack: thousands of ولد in one sentence made each name the model found as long
    tokens = [t for sentence in tokenize("محمد ولد سالم " * 200) for t in sentence]
    first, last = tagger._walad_chain(tokens, 300, 300)
    assert 300 - first <= 2 * tagger._MOST_LINKS + 1
    assert last - 300 <= 4 * tagger._MOST_LINKS + 1


def test_a_question_word_begins_no_name_of_the_model() -> None:
    assert tagger._no_name_start(Token(0, 4, "وأين", "واين"))  # و + أين: and where
    assert tagger._no_name_start(Token(0, 2, "في", "في"))
    assert not tagger._no_name_start(Token(0, 3, "علي", "علي"))  # a given name, though على folds so


def test_a_models_name_leaves_out_its_first_words_proclitics_where_the_article_says_so(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model tags whole words: ومتري where the rules offer متري. One or two proclitics
    are left out when the rest is a word of another name the article gives — not any word
    (كيري is no ك + يرى, فيصل no ف + يصل) nor a given name (فانس is no ف + أنس); a name
    that begins with such a letter (ويليام، وسام) keeps it. A hamza above after و makes it ؤ;
    a joiner or a harakah after the proclitic goes with it."""
    text = (
        "وقال طارق متري ذلك .\nوأكد ومتري أن الحل قريب .\nوقال ولكيري رأي وقال كيري كلمة .\n"
        "وزار ويليام لبنان .\nوجاء وَبونينو مع بونينو .\nوحضر وسام ومنى .\n"
        "وقال الوزير كيري إن واشنطن لا ترى حلا ، وأضاف كيري أنه يرى فرصة .\n"
        "وقال فيصل إن الوفد يصل غدا .\nوقال نائب الرئيس فانس ذلك .\n"
        "وجاءت و\u200dسميرة و\u0654سميرة مع سميرة ."
    )
    names = (
        "طارق متري", "ومتري", "ولكيري", "ويليام", "وبونينو", "بونينو", "وسام", "ومنى",
        "كيري", "فيصل", "فانس", "و\u200dسميرة", "و\u0654سميرة", "سميرة",
    )  # fmt: skip
    found = _fixed_suggestions(project, monkeypatch, text, *names)
    assert set(found) == {
        "طارق متري", "متري", "كيري", "ويليام", "بونينو", "وسام", "ومنى", "فيصل", "فانس",
        "سميرة", "و\u0654سميرة",
    }  # fmt: skip
