"""Word clusters learnt from the project's own text (desktop.learn.clusters) and the tagger's
features of them, on made-up text (no corpus needed)."""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path

import pytest

from desktop.core.arabic import fold
from desktop.core.suggest.features import BREAK, FeatureExtractor, split_clitics, stem_stream
from desktop.learn import clusters, tagger
from desktop.store.project import Project
from tests.learn.test_tagger import add, tagged_project

# Three kinds of word, each in contexts of its own: persons after a verb of saying, places
# after a preposition of place, times before a full stop.
NAMES = ["زكريا", "حداد", "منصور", "سلامة", "عواد", "نعمة", "خليل", "قباني", "فرويد", "بوتين"]
PLACES = ["حلب", "حمص", "صيدا", "إربد", "الموصل", "طرابلس", "بغداد", "عمان", "دمشق", "تونس"]
TIMES = ["أمس", "اليوم", "غدا", "صباحا", "مساء", "ليلا", "ظهرا", "فجرا", "عصرا", "الآن"]
SHAPES = [
    "قال {n} إن الوفد وصل إلى {p} {t} .",
    "وأكد {n} أن الوضع في {p} هادئ {t} .",
    "وصرح {n} بأن سكان {p} ينتظرون {t} .",
    "وأضاف {n} أن القصف طال {p} {t} .",
]


def text(seed: int, sentences: int = 400) -> str:
    rng = random.Random(seed)
    return "\n".join(
        rng.choice(SHAPES).format(n=rng.choice(NAMES), p=rng.choice(PLACES), t=rng.choice(TIMES))
        for _ in range(sentences)
    )


def stem(word: str) -> str:
    return split_clitics(fold(word))[1]


SMALL = {"clusters": 6, "dimensions": 8, "contexts": 50}


def test_words_of_like_contexts_share_a_cluster_and_others_do_not() -> None:
    found = clusters.word_clusters([text(1), text(2)], **SMALL)
    of = {kind: {found[stem(w)] for w in words} for kind, words in (
        ("names", NAMES), ("places", PLACES), ("times", TIMES)
    )}  # fmt: skip
    assert len(of["names"]) == 1 and len(of["places"]) == 1, of
    assert of["names"] != of["places"] and not (of["names"] | of["places"]) & of["times"]
    assert all(f[0].startswith(clusters.PREFIX) for f in found.values())


def test_the_clusters_are_the_same_for_the_same_text() -> None:
    texts = [text(3), text(4)]
    assert clusters.word_clusters(texts, **SMALL) == clusters.word_clusters(texts, **SMALL)


def test_too_little_text_makes_no_clusters() -> None:
    assert clusters.word_clusters(["قال زكريا إن الوضع هادئ ."] * 3) == {}
    assert clusters.word_clusters([]) == {}


def test_a_word_written_once_has_no_cluster() -> None:
    found = clusters.word_clusters([text(5), "وقال كونفوشيوس إن الوفد وصل إلى حلب أمس ."], **SMALL)
    assert stem("كونفوشيوس") not in found and stem("حلب") in found


def test_the_stream_is_the_stems_with_the_sentences_apart() -> None:
    known: dict[str, str] = {}
    stream = stem_stream("والرئيس قال 2006 .\nفي بغداد", known)
    assert stream == [stem("والرئيس"), stem("قال"), "0", ".", BREAK, stem("في"), stem("بغداد")]
    assert known["والرئيس"] == stem("الرئيس")


def test_a_words_cluster_is_a_feature_of_it_and_of_the_words_beside_it() -> None:
    extractor = FeatureExtractor(clusters={stem("حداد"): ("k:7",), stem("قال"): ("k:3",)})
    sentence = extractor.sentences("قال وحداد إن الوضع هادئ")[0]
    before, word, after, far = (set(sentence.features[i]) for i in (0, 1, 2, 3))
    assert "k:7" in word and "1k:7" in before and "-1k:7" in after
    assert not any("k:7" in f for f in far)
    # Without clusters: the features of version 6 exactly.
    plain = FeatureExtractor().sentences("قال وحداد إن الوضع هادئ")[0]
    assert all(not any("k:" in f for f in mine) for mine in plain.features)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.open(tmp_path / "clusters.hamish")
    yield opened  # type: ignore[misc]
    opened.close()


def test_the_model_stores_the_clusters_it_learnt_from_and_tags_with_them(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clusters are learnt on the project's text, tagged or not, and stored with the
    model (a word's when the model weighs its cluster), so tagging reads the same features;
    a name only the untagged text has gets the cluster of the tagged names."""
    monkeypatch.setattr(tagger, "word_clusters", partial(clusters.word_clusters, **SMALL))
    tagged_project(project)
    add(project, text(6), "untagged")
    tagger.train(project)
    stored = project.tagger.latest()
    assert stored is not None
    lines = [a for a in stored.attributes if a.startswith(tagger.CLUSTER_LINE)]
    model = tagger.current_model(project)
    assert model is not None and lines and len(model.clusters) == len(lines)
    assert not any(a.startswith(tagger.CLUSTER_LINE) for a in model.attributes)
    grouped = {f for mine in model.clusters.values() for f in mine}
    assert {f"{at}{f}" for f in grouped for at in ("", "-1", "1")} & model.attributes
    # زكريا is in no tagged article (tests/learn/test_tagger.py's PERSONS), حداد is.
    assert model.clusters[stem("زكريا")] == model.clusters[stem("حداد")]
    shared = tagger._words(model, tagger.sources.given_names(), tagger.sources.word_classes())
    assert shared.clusters is model.clusters
