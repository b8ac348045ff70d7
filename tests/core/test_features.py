"""Tokens, BIO tags and features of the statistical tagger (desktop/core/suggest/features.py):
small synthetic Arabic texts, no corpus."""

from __future__ import annotations

import re

import pytest

from desktop.core.arabic import fold
from desktop.core.suggest.features import (
    OUTSIDE,
    RARE,
    VOCABULARY,
    FeatureExtractor,
    bio_tags,
    corpus_features,
    neighbours,
    parse_given_names,
    parse_word_classes,
    spans_from_tags,
    split_clitics,
    tokenize,
)

TEXT = "قال الرئيسُ السوري بشار الأسد إن دمشق ترحب.\nوزار وزير الخارجية موسكو"


def test_tokens_carry_raw_code_point_offsets_and_folded_text() -> None:
    sentences = tokenize(TEXT)
    assert len(sentences) == 2  # the full stop, and the line break
    for sentence in sentences:
        for token in sentence:
            assert TEXT[token.start : token.end] == token.text
            assert token.folded == fold(token.text)
    words = [t.text for t in sentences[0]]
    assert "الرئيسُ" in words  # harakat stay inside the word
    assert words[-1] == "."


def test_a_long_line_without_full_stops_is_cut() -> None:
    text = " ".join(["كلمة"] * 400)
    sentences = tokenize(text, max_length=150)
    assert [len(s) for s in sentences] == [150, 150, 100]


def test_a_word_of_only_marks_is_a_token_without_letters() -> None:
    sentences = FeatureExtractor().sentences("ـ \u064e كلمة")
    assert [t.text for t in sentences[0].tokens] == ["ـ", "\u064e", "كلمة"]
    assert "sh:mark" in sentences[0].features[0]


def test_clitics_and_article_are_split_off_the_stem() -> None:
    assert split_clitics(fold("وإسرائيل")) == ("و", fold("إسرائيل"))
    assert split_clitics(fold("للكرملين")) == ("لل", fold("كرملين"))
    assert split_clitics(fold("وبالرئيس")) == ("وبال", fold("رئيس"))
    assert split_clitics(fold("الأسد")) == ("ال", fold("أسد"))
    assert split_clitics(fold("من")) == ("", fold("من"))


def test_features_of_a_name_after_a_title() -> None:
    sentence = FeatureExtractor().sentences(TEXT)[0]
    words = [t.text for t in sentence.tokens]
    bashar = sentence.features[words.index("بشار")]
    assert f"w:{fold('بشار')}" in bashar
    assert "-1lx:nisba" in bashar  # السوري
    assert "-2lx:title" in bashar  # الرئيس
    assert "g:title" in bashar  # the whole article: after a title (across the nisba)
    assad = sentence.features[words.index("الأسد")]
    assert "al" in assad and f"st:{fold('أسد')}" in assad and "cl:ال" in assad
    first = sentence.features[0]
    assert "first" in first and "-1:BOS" in first and "lx:verb" in first


def test_membership_sources_mark_their_tokens() -> None:
    def places(text: str) -> list[tuple[int, int, str]]:
        at = text.index("موسكو")
        return [(at, at + len("موسكو"), "location")]

    sentences = FeatureExtractor({"gz": places}).sentences(TEXT)
    last = sentences[1]
    assert "gz:B-location" in last.features[-1]
    assert "-1gz:B-location" not in last.features[-1]
    assert "1gz:B-location" in last.features[-2]


def test_a_place_that_begins_the_text_is_no_neighbour_of_the_first_sentences_end() -> None:
    """With a model, the membership features of the word before the first token (there is
    none) went to the last token of the first sentence: a place that begins the article made
    its full stop "before a place", which training never said (it reads each sentence's)."""

    def places(text: str) -> list[tuple[int, int, str]]:
        return [(0, len("دمشق"), "location")]

    text = "دمشق مدينة قديمة .\nوقال الوزير ذلك ."
    known = frozenset({"bias", "gz:B-location", "1gz:B-location", "-1gz:B-location", "last"})
    first, second = FeatureExtractor({"gz": places}, known=known).sentences(text)
    assert first.features[0] == ("bias", "gz:B-location")
    assert first.features[1] == ("bias", "-1gz:B-location")
    assert first.features[-1] == ("bias", "last")
    assert "1gz:B-location" not in second.features[-1]


def test_known_attributes_leave_out_the_others() -> None:
    known = frozenset({"bias", "first", f"w:{fold('قال')}"})
    sentence = FeatureExtractor(known=known).sentences(TEXT)[0]
    assert set(sentence.features[0]) == known
    assert set(sentence.features[1]) == {"bias"}


def test_bio_tags_and_back() -> None:
    tokens = tokenize("زار وزير الخارجية وإسرائيل ولبنان أمس")[0]
    text = "زار وزير الخارجية وإسرائيل ولبنان أمس"
    israel = text.index("إسرائيل")  # the tag starts after the clitic و: the token is tagged
    lebanon = text.index("ولبنان")
    spans = [(israel, israel + 7, "location"), (lebanon, lebanon + 6, "location")]
    tags = bio_tags(tokens, spans)
    assert tags == [OUTSIDE, OUTSIDE, OUTSIDE, "B-location", "B-location", OUTSIDE]
    back = spans_from_tags(tokens, tags, [1.0, 1.0, 1.0, 0.8, 0.6, 1.0])
    assert back == [
        (israel - 1, israel + 7, "location", 0.8),
        (lebanon, lebanon + 6, "location", 0.6),
    ]
    two = bio_tags(tokens, [(0, len("زار وزير"), "person")])
    assert two[:3] == ["B-person", "I-person", OUTSIDE]
    assert spans_from_tags(tokens, two) == [(0, len("زار وزير"), "person", 1.0)]


def test_overlapping_spans_keep_the_first() -> None:
    tokens = tokenize("أ ب ج د")[0]
    tags = bio_tags(tokens, [(0, 3, "a"), (2, 7, "b")])
    assert tags == ["B-a", "I-a", OUTSIDE, OUTSIDE]


def test_an_inside_tag_without_its_beginning_opens_a_span() -> None:
    tokens = tokenize("أ ب ج")[0]
    assert spans_from_tags(tokens, ["I-x", "I-x", "B-y"]) == [(0, 3, "x", 1.0), (4, 5, "y", 1.0)]


def test_neighbours_are_folded_words_around_a_span() -> None:
    text = "قال أحمد: إن موسكو بعيدة"
    at = text.index("موسكو")
    assert neighbours(text, at, at + 5) == (fold("إن"), fold("بعيدة"))
    assert neighbours(text, 0, 3) == ("", fold("أحمد"))
    assert neighbours(text, len(text) - 5, len(text)) == (fold("موسكو"), "")


def test_an_extractor_shares_word_features_with_the_previous_one() -> None:
    """Training builds one extractor per article (each with that article's sources): the
    words' own features are made once and are the same as a fresh extractor's."""
    first_text = "قال الوزير سمير خليل إن الوضع هادئ ."
    second_text = "وزار سمير خليل مدينة حلب ."
    first = FeatureExtractor({"rg": lambda text: [(text.index("سمير"), text.index(" إن"), "p")]})
    first.sentences(first_text)
    second = FeatureExtractor({}, share=first)
    shared = second.sentences(second_text)
    assert shared == FeatureExtractor({}).sentences(second_text)
    assert not any(f.startswith("rg:") for token in shared[0].features for f in token)
    with pytest.raises(ValueError):
        FeatureExtractor({}, known=frozenset({"bias"}), share=first)


@pytest.mark.parametrize(
    ("text", "word", "given"),
    [
        ("التقى محمد الأحمد", "محمد", True),
        ("وقال ومحمد خليل", "ومحمد", True),  # after و
        ("وصل لفلاديمير رسالة", "لفلاديمير", True),  # after ل
        ("زار الحسين المدينة", "الحسين", False),  # after ال: not as a given name
        ("وقف على الباب", "على", False),  # the preposition على is not the name علي
        ("قال علي إن", "علي", True),
        ("جاء سيغورد أمس", "سيغورد", True),  # from the file passed in, not the built-in list
        ("جاء سيغورد أمس", "أمس", False),
    ],
)
def test_given_names_are_a_word_class(text: str, word: str, given: bool) -> None:
    names = parse_given_names("# a comment\nسيغورد|سيجورد\n\nمحمد")
    extractor = FeatureExtractor(given=names)
    tokens = [t for s in tokenize(text) for t in s]
    (sentence,) = extractor.sentences(text)
    i = next(i for i, t in enumerate(tokens) if t.text == word)
    assert ("lx:given" in sentence.features[i]) is given
    if i + 1 < len(tokens):
        assert ("-1lx:given" in sentence.features[i + 1]) is given
    if i > 0:
        assert ("1lx:given" in sentence.features[i - 1]) is given


def test_the_given_names_file_is_parsed_folded_with_the_rules_list() -> None:
    names = parse_given_names("# ignored|ignored\n إبراهيم | ابراهيم \nسيغورد|سيجورد\n")
    assert {fold("إبراهيم"), fold("سيغورد"), fold("سيجورد")} <= names
    assert "ignored" not in names and "" not in names
    assert fold("يوسف") in names  # the rules' own list (lexicon._GIVEN_NAMES) too


def test_known_attributes_filter_exactly_what_all_features_give() -> None:
    """With a model's attributes the extractor gives each token the same features as without,
    less the unknown ones, in the same order: membership features stop at sentence ends, and a
    word pair with a "|" word is found as well."""
    text = "قال بشار الأسد | إن حلب . ووصل وزير الخارجية | موسكو .\nحلب مدينة . زار بشار حلب"

    def source(found: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), "LOC") for m in re.finditer("حلب|موسكو", found)]

    full = FeatureExtractor({"gz": source}).sentences(text)
    for sentence in full:  # a neighbour's membership never crosses a sentence's end
        assert not any(f.startswith("-1gz") for f in sentence.features[0])
        assert not any(f.startswith("1gz") for f in sentence.features[-1])
    assert sum(f.startswith("-1gz") for s in full for t in s.features for f in t) == 3
    every = [f for s in full for token in s.features for f in token]
    known = frozenset(every[::3]) | {f for f in every if f.startswith(("bi:", "1gz", "-1gz"))}
    assert any(f.startswith("bi:") and f.count("|") == 2 for f in known)
    kept = FeatureExtractor({"gz": source}, known=known).sentences(text)
    assert [s.tokens for s in kept] == [s.tokens for s in full]
    for one, other in zip(full, kept, strict=True):
        for mine, theirs in zip(one.features, other.features, strict=True):
            assert theirs == tuple(f for f in mine if f in known)


@pytest.mark.parametrize(
    ("text", "word", "after_given"),
    [
        # A surname after a given name once is a surname at its other occurrences too.
        ("وصل سيغورد فرويد أمس . وقال فرويد إن", 6, True),
        ("وصل سيغورد فرويد أمس . وقال فرويد إن", 2, True),
        ("وصل سيغورد أمس . وقال فرويد إن", 5, False),  # never after a given name here
        ("قال محمد علي إن", 2, False),  # a given name after a given name: not a surname
    ],
)
def test_a_word_after_a_given_name_is_marked_in_the_whole_article(
    text: str, word: int, after_given: bool
) -> None:
    names = parse_given_names("سيغورد\nمحمد\nعلي")
    tokens = [t for s in FeatureExtractor(given=names).sentences(text) for t in s.features]
    assert ("g:given" in tokens[word]) is after_given


@pytest.mark.parametrize(
    ("word", "rare"),
    [
        ("قال", False),  # in the model's vocabulary: seen often in training
        ("فرويد", True),  # never seen (or seen once): a name is often such a word
        ("2006", False),  # only words of letters are rare or not
    ],
)
def test_a_word_outside_the_models_vocabulary_is_rare(word: str, rare: bool) -> None:
    known = frozenset({"bias", RARE, f"{VOCABULARY}{fold('قال')}"})
    (sentence,) = FeatureExtractor(known=known).sentences(f"{word} أمس")
    assert (RARE in sentence.features[0]) is rare
    assert RARE not in FeatureExtractor().sentences(word)[0].features[0]  # no model: never


# --- word classes and the project's own text (features version 5) --------------------------

CLASSES = parse_word_classes("# a comment\n[part]\nبن|ابن\n[person]\nالكاتب\n[org]\nحزب\n")


def test_a_word_classes_file_reads_folded_words_by_section() -> None:
    assert {"بن": "part", "ابن": "part", fold("الكاتب"): "person", "حزب": "org"} == CLASSES
    with pytest.raises(ValueError):
        parse_word_classes("بن\n")  # a word before any [class]


def test_word_classes_are_features_of_the_word_and_its_neighbours() -> None:
    """Golden features: a person's occupation before the name (الكاتب, also after و, ل),
    the organisation's head noun (حزب) two words on, a particle inside a name (بن)."""
    text = "قال الكاتب توفيق الحكيم إن حزب البعث رفض وللكاتب بن لادن"
    (sentence,) = FeatureExtractor(cues=CLASSES).sentences(text)
    classes = {
        token.text: sorted(f for f in features if "lx:" in f)
        for token, features in zip(sentence.tokens, sentence.features, strict=True)
    }
    assert classes == {
        "قال": ["1lx:person", "2lx:given", "lx:verb"],
        "الكاتب": ["-1lx:verb", "1lx:given", "lx:person"],
        "توفيق": ["-1lx:person", "lx:given"],
        "الحكيم": ["-1lx:given", "-2lx:person", "1lx:func", "2lx:org"],
        "إن": ["-2lx:given", "1lx:org", "1lx:orghead", "lx:func"],
        "حزب": ["-1lx:func", "lx:org", "lx:orghead"],
        "البعث": ["-1lx:org", "-1lx:orghead", "1lx:verb", "2lx:person"],
        "رفض": ["-2lx:org", "1lx:person", "lx:verb"],  # a particle is a near class only
        "وللكاتب": ["-1lx:verb", "1lx:part", "lx:person"],
        "بن": ["-1lx:person", "lx:part"],
        "لادن": ["-1lx:part", "-2lx:person"],
    }
    # An occupation tells the document features what a title does: توفيق follows one.
    assert "g:title" in sentence.features[2]
    # Without the file, nothing of it.
    (plain,) = FeatureExtractor().sentences(text)
    assert not any("person" in f or "part" in f for token in plain.features for f in token)


def test_corpus_features_add_up_what_each_article_says() -> None:
    """Golden: فرويد follows a title in one article and a verb of saying in two, never
    takes ال, and comes back three times in the first; الطقس is a plain word."""
    texts = [
        "قال الرئيس فرويد إن فرويد رفض . وقال فرويد",
        "وقال فرويد إن الطقس جميل",
        "ذهب فرويد إلى الطقس",
    ]
    found = corpus_features(texts)
    stem = split_clitics(fold("فرويد"))[1]  # ف is read as a proclitic: the stem is رويد
    assert found[stem] == (
        "c:title",
        "c:verb",
        "c:verb2",
        "c:verbafter",
        "c:neveral",
        "c:n4",
        "c:d2",
    )
    assert found[fold("طقس")] == ("c:n2", "c:d2")
    assert found[fold("ذهب")] == ("c:n1", "c:d1")
    assert "قال" not in found  # a verb: never a name, as in the document features


def test_corpus_features_are_word_features_of_an_article() -> None:
    # Looked up by stem, as the document features gather words (ل read as a proclitic here).
    corpus = {split_clitics(fold("لافروف"))[1]: ("c:title", "c:neveral")}
    text = "وصل لافروف وللافروف"
    (sentence,) = FeatureExtractor(corpus=corpus).sentences(text)
    marked = [[f for f in token if f.startswith("c:")] for token in sentence.features]
    assert marked == [[], ["c:title", "c:neveral"], ["c:title", "c:neveral"]]
    (plain,) = FeatureExtractor().sentences(text)
    assert not any(f.startswith("c:") for token in plain.features for f in token)


def test_an_extractor_shares_words_only_with_the_same_corpus_and_classes() -> None:
    first = FeatureExtractor(corpus={}, cues=CLASSES)
    FeatureExtractor(share=first, corpus=first.corpus, cues=CLASSES)
    with pytest.raises(ValueError):
        FeatureExtractor(share=first, corpus={}, cues=CLASSES)
    with pytest.raises(ValueError):
        FeatureExtractor(share=first, corpus=first.corpus)
