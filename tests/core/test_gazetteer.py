"""The gazetteer: coverage of its data files and the rules of its matcher.

Coverage: every UN member state is an entry with its capital; every name of every entry is
found by the matcher, alone and with proclitics (و، ب، ل، وب، لل …), in a synthetic sentence;
an adjective is never returned as a place. Rules: the pitfalls the module's docstring lists
(سورية ≠ السورية, علي ≠ على, ambiguous names such as صور and أمل, names inside a person's name).
The development corpus (issue 14) is measured by benchmarks/gazetteer_eval.py; the last test
runs it when the corpus is present and skips cleanly when it is not.
"""

from __future__ import annotations

import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest

from desktop.core.arabic import fold_words
from desktop.core.suggest import suggest
from desktop.core.suggest.gazetteer import (
    DEFAULT_MIN_SCORE,
    SCORE_BODY,
    SCORE_PHRASE,
    Entry,
    Gazetteer,
    adjective_forms,
    parse_entries,
)
from desktop.core.suggest.pipeline import RULE_SCORES
from desktop.resources import GAZETTEER_FILES, gazetteer, read_text, resource
from tests.core.shipped import resource_patterns

ROOT = Path(__file__).resolve().parents[2]

# The 193 member states of the United Nations, by the English name the data files use.
UN_MEMBERS = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cabo Verde|
Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|
Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|DR Congo|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|
Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|
Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|
Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|
Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|
Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|
Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|South Korea|Romania|Russia|Rwanda|
Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|Tanzania|United States|
Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe
"""
MEMBERS = [name.strip() for name in UN_MEMBERS.replace("\n", "").split("|")]
OBSERVERS = ["Palestine", "Holy See"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def _names(gaz: Gazetteer, text: str) -> list[tuple[str, str, float]]:
    """(written word with its clitics, english, score) of every name found in ``text``."""
    return [
        (text[m.word_start : m.end], m.entry.english, m.score)
        for m in gaz.find(text)
        if m.kind == "name"
    ]


def _bodies(gaz: Gazetteer, text: str) -> list[str]:
    """The organisations offered in ``text`` (a score of 0.5 or more), as written."""
    return [
        text[m.start : m.end]
        for m in gaz.find(text)
        if m.label_key == "organisation" and m.score >= 0.5
    ]


def _offered(gaz: Gazetteer, text: str) -> list[str]:
    return [text[m.start : m.end] for m in gaz.find(text) if m.score >= DEFAULT_MIN_SCORE]


# --- the data ------------------------------------------------------------------------------


def test_every_un_member_state_is_there_with_its_capital(gaz: Gazetteer) -> None:
    assert len(MEMBERS) == 193 and len(set(MEMBERS)) == 193
    countries = {e.english: e for e in gaz.entries if e.subtype == "country"}
    capitals = {c for e in gaz.entries if e.subtype == "capital" for c in e.within}
    for state in MEMBERS + OBSERVERS:
        assert state in countries, f"{state} is not a country of the gazetteer"
        assert state in capitals or state == "Holy See", f"{state} has no capital"
    assert len(countries) == len(MEMBERS) + len(OBSERVERS)  # no country outside the list


def test_the_data_is_broad_and_well_formed(gaz: Gazetteer) -> None:
    subtypes: dict[str, int] = {}
    for entry in gaz.entries:
        subtypes[entry.subtype] = subtypes.get(entry.subtype, 0) + 1
        assert entry.name == entry.name.strip() and "  " not in entry.name
        assert entry.english, f"{entry.name} has no English name"
        for name in entry.names:
            assert any("\u0600" <= ch <= "\u06ff" for ch in name), name
    cities = subtypes["capital"] + subtypes["city"] + subtypes["governorate"]
    assert cities >= 800
    assert subtypes["region"] >= 50 and subtypes["water"] >= 40 and subtypes["continent"] >= 5
    places_in = {c for e in gaz.entries if e.type == "LOC" for c in e.within}
    for arab in ("Syria", "Iraq", "Lebanon", "Egypt", "Yemen", "Libya", "Palestine", "Jordan"):
        assert sum(1 for e in gaz.entries if arab in e.within) >= 10, arab
    assert places_in >= {"Saudi Arabia", "Sudan", "Tunisia", "Algeria", "Morocco", "Oman"}
    organisations = {e.english for e in gaz.entries if e.type == "ORG"}
    assert organisations >= {
        "United Nations", "NATO", "European Union", "Arab League", "Gulf Cooperation Council",
        "OPEC", "African Union", "Organisation of Islamic Cooperation", "ASEAN",
        "International Monetary Fund", "World Bank", "World Health Organization",
        "International Criminal Court", "ICRC", "Red Crescent", "Hamas", "Hezbollah", "Fatah",
        "Muslim Brotherhood", "Reuters", "Agence France-Presse", "Associated Press",
        "Saudi Press Agency",
    }  # fmt: skip


def test_clubs_companies_and_media_are_organisations(
    gaz: Gazetteer,
) -> None:
    # Newswire names sports clubs, companies and newspapers as often as ministries.
    text = (
        "وتعاقد يوفنتوس مع لاعب من مانشستر يونايتد بعد أن أعلنت نوكيا أرباحها"
        " بحسب صحيفة التايمز ونقلته الويبو ، ثم لعب مع بايرن ميونيخ في ميونخ"
    )
    found = [(text[m.start : m.end], m.label_key) for m in gaz.find(text) if m.score >= 0.5]
    assert found == [
        ("يوفنتوس", "organisation"),
        ("مانشستر يونايتد", "organisation"),
        ("نوكيا", "organisation"),
        ("التايمز", "organisation"),  # without صحيفة, as newswire tags it
        ("الويبو", "organisation"),
        ("بايرن ميونيخ", "organisation"),
        ("ميونخ", "location"),  # the city alone stays a place
    ]


def test_files_parse_and_ship_as_package_data() -> None:
    for name in GAZETTEER_FILES:
        entries = parse_entries(read_text(name), name)
        assert entries and all(isinstance(e, Entry) for e in entries)
        # this checkout's file, even when the editable install was made from another checkout
        assert Path(str(resource(name))) == ROOT / "resources" / name
    patterns = resource_patterns()
    for name in GAZETTEER_FILES:
        assert any(fnmatch(name, pattern) for pattern in patterns), f"{name} is not shipped"


def test_a_malformed_line_names_its_file_and_line() -> None:
    with pytest.raises(ValueError, match=r"places\.tsv:2: needs a name"):
        parse_entries("# comment\nسوريا\tPLACE\tcountry\n", "places.tsv")
    with pytest.raises(ValueError, match=r"x:1: unknown flag 'rare'"):
        parse_entries("سوريا\tLOC\tcountry\t\t\tSyria\t\trare\n", "x")
    with pytest.raises(ValueError, match=r"x:1: 9 columns"):
        parse_entries("\t".join(["سوريا", "LOC", "country", *[""] * 6]), "x")


# --- matching every entry ------------------------------------------------------------------


def test_every_name_is_found_alone_and_with_clitics(gaz: Gazetteer) -> None:
    """Each spelling of each entry, in a sentence, bare and with و، ب، ل، وب (ل + ال as لل).

    Found means: as itself, or as a longer name that the whole written word spells (وجدة is
    Oujda before it is و + جدة, Jeddah; both are places).
    """
    missing: list[str] = []
    for entry in gaz.entries:
        if entry.type == "PERS":
            continue  # persons: tests/core/test_gazetteer_persons.py
        for name in entry.names:
            key = fold_words(name)
            forms = [name, "و" + name, "ب" + name, "وب" + name]
            forms.append("لل" + name[2:] if name.startswith("ال") else "ل" + name)
            for form in forms:
                text = f"وقال مسؤول إن {form} ، ثم عاد"
                start, end = text.index(form), text.index(form) + len(form)
                found = [m for m in gaz.find(text) if m.kind == "name" and m.end == end]
                if not any(m.form == key or m.start == start for m in found):
                    missing.append(form)
    assert not missing, missing[:20]


def test_adjectives_are_never_places(gaz: Gazetteer) -> None:
    """Every adjective form in the data, after a noun, is not a name; the few written like a
    name (سورية، السعودية) are told apart from the country by the word before them."""
    wrong: list[str] = []
    for entry in gaz.entries:
        for adjective in entry.adjectives:
            for form in adjective_forms(adjective):
                text = f"قالت المصادر {form} إن"
                definite = "المصادر" if form.startswith("ال") else "مصادر"
                text = f"قالت {definite} {form} إن"
                if any(m.kind == "name" and m.score > 0 for m in gaz.find(text)):
                    wrong.append(form)
    assert not wrong, wrong[:20]
    assert gaz.is_adjective("السورية") and gaz.is_adjective("الأميركيين")
    assert not gaz.is_adjective("سوريا")


def test_adjective_forms() -> None:
    forms = adjective_forms("سوري")
    assert {"سوري", "سورية", "السوري", "السورية", "سوريون", "السوريين", "سوريات"} <= set(forms)
    assert "سوريا" not in forms  # the accusative is written like the country
    assert set(adjective_forms("أتراك")) == {"أتراك", "الأتراك"}
    assert adjective_forms("الكوري الشمالي") == ["الكوري الشمالي"]


# --- the pitfalls --------------------------------------------------------------------------


def test_country_and_adjective_written_alike(gaz: Gazetteer) -> None:
    text = (
        "زار الوزير سورية والتقى مصادر سورية في السعودية ، وقالت الحكومة السعودية إن "
        "القوات الأردنية والسعودية وصلت بسورية ، وأعلنت السعودية ذلك"
    )
    found = [(text[m.start : m.end], m.kind) for m in gaz.find(text)]
    assert found == [
        ("سورية", "name"),
        ("سورية", "adjective"),
        ("السعودية", "name"),
        ("السعودية", "adjective"),
        ("السعودية", "adjective"),
        ("سورية", "name"),
        ("السعودية", "name"),
    ]


def test_no_article_is_added_and_ali_is_not_ala(gaz: Gazetteer) -> None:
    assert _offered(gaz, "قالت الصحف السورية والعراقية إن") == []
    # the preposition على and the name علي: neither is a place, and نجد "we find" is ambiguous
    assert _offered(gaz, "وعلي الرغم من ذلك قال علي إن على الجميع أن نجد حلا") == []


def test_clitics_and_the_contracted_article(gaz: Gazetteer) -> None:
    text = "وصل إلى لسوريا ثم بلبنان وبغداد وللعراق وفي الجزائر"
    found = [(written, english) for written, english, _ in _names(gaz, text)]
    assert found == [
        ("لسوريا", "Syria"),
        ("بلبنان", "Lebanon"),
        ("وبغداد", "Baghdad"),
        ("وللعراق", "Iraq"),
        ("الجزائر", "Algeria"),
    ]
    lebanon = next(m for m in gaz.find(text) if m.entry.english == "Lebanon")
    assert text[lebanon.start : lebanon.end] == "لبنان" and lebanon.word_start == lebanon.start - 1


def test_longest_name_first(gaz: Gazetteer) -> None:
    text = "أعلن مجلس الأمن الدولي ومنظمة التعاون الإسلامي والولايات المتحدة الأمريكية"
    assert [w for w, _, _ in _names(gaz, text)] == [
        "مجلس الأمن الدولي",
        "ومنظمة التعاون الإسلامي",
        "والولايات المتحدة الأمريكية",
    ]


def test_ambiguous_names_need_a_cue(gaz: Gazetteer) -> None:
    # صور Tyre / "pictures", العقبة Aqaba / "the obstacle", أمل Amal / "hope"
    assert _offered(gaz, "نشرت الوكالة صور الدمار وأزالت العقبة الأخيرة وعبرت عن أمل") == []
    assert _offered(gaz, "قصفت الطائرات مدينة صور ومنطقة العقبة") == ["صور", "العقبة"]
    # the same body named unambiguously elsewhere in the text
    assert _offered(gaz, "قال مسؤول في حركة أمل إن أمل لن تشارك") == ["حركة أمل", "أمل"]
    # Amman and Oman are both places: عمان is not ambiguous
    assert [e for _, e, _ in _names(gaz, "وصل إلى عمان")] == ["Oman"]
    assert {e.english for e in gaz.entries_for("عمان")} == {"Oman", "Amman"}


def test_a_generic_body_name_is_the_listed_body_only_where_the_article_says_so(
    gaz: Gazetteer,
) -> None:
    """المجلس التشريعي alone is any country's legislature (Hong Kong's here), not the
    Palestinian Legislative Council the list knows: offered only where the article names
    that council in full."""
    assert _offered(gaz, "ويرأس الحاكم البريطاني المجلس التشريعي في هونغ كونغ") == ["هونغ كونغ"]
    text = "اعتقل رئيس المجلس التشريعي الفلسطيني . وقال المجلس التشريعي إن الجلسة انعقدت"
    assert _offered(gaz, text) == ["المجلس التشريعي الفلسطيني", "المجلس التشريعي"]
    assert {e.english for e in gaz.entries_for("المجلس التشريعي")} == {
        "Palestinian Legislative Council"
    }
    # another council (its country's adjective, a genitive after it) is not raised by the
    # Palestinian one named in the same article
    text = "اعتقل رئيس المجلس التشريعي الفلسطيني . وقال عضو المجلس التشريعي الكويتي إن"
    assert _offered(gaz, text) == ["المجلس التشريعي الفلسطيني"]
    text = "انعقدت الجمعية العامة للشركة . وصوتت الجمعية العامة للأمم المتحدة"
    assert _offered(gaz, text) == ["الجمعية العامة للأمم المتحدة"]
    # a company's general assembly is not the UN's
    assert _offered(gaz, "وعقدت الجمعية العامة للشركة اجتماعها السنوي") == []
    text = "وصوتت الجمعية العامة للأمم المتحدة . وقالت الجمعية العامة إن"
    assert _offered(gaz, text) == ["الجمعية العامة للأمم المتحدة", "الجمعية العامة"]


def test_names_inside_other_names(gaz: Gazetteer) -> None:
    # a person's or a family's name: no place, the person the persons' file knows
    text = "استقبل محمد بن زايد آل نهيان الوفد"
    assert [m for m in gaz.find(text) if m.label_key != "person"] == []
    assert _offered(gaz, text) == ["محمد بن زايد آل نهيان"]
    # a body named after a place, and a place as a newspaper's title
    text = "درس في جامعة القاهرة وكتب في صحيفة « الشرق الأوسط » ولعب مع نادي برشلونة"
    found = [(text[m.start : m.end], m.label_key) for m in gaz.find(text) if m.score >= 0.5]
    assert found == [
        ("جامعة القاهرة", "organisation"),
        ("الشرق الأوسط", "organisation"),
        ("نادي برشلونة", "organisation"),
    ]
    assert next(m.entry.name for m in gaz.find(text) if m.score >= 0.5) == "جامعة القاهرة"
    written = "وقال للأمم المتحدة إن أميركا"
    assert [m.entry.name for m in gaz.find(written)] == ["الأمم المتحدة", "الولايات المتحدة"]
    # …but a place in a conference's or an agreement's name stays a place
    assert _offered(gaz, "وقعت اتفاقية جنيف ثم مؤتمر مدريد") == ["جنيف", "مدريد"]


def test_harakat_and_spelling_variants_are_found(gaz: Gazetteer) -> None:
    text = "من سُورِيَا إلى أمريكا وأميركا والإمارات العربية المتحدة وبيجين"
    assert [e for _, e, _ in _names(gaz, text)] == [
        "Syria",
        "United States",
        "United States",
        "United Arab Emirates",
        "Beijing",
    ]
    match = gaz.find(text)[0]
    assert text[match.start : match.end] == "سُورِيَا"
    # tatweel and presentation forms (PDF extraction) map back to the raw code points
    raw = "زار بغـــداد و\ufe8f\ufee0\ufe92\ufee8\ufe8e\ufee5 ثم عاد"
    assert [raw[m.word_start : m.end] for m in gaz.find(raw)] == [
        "بغـــداد",
        "و\ufe8f\ufee0\ufe92\ufee8\ufe8e\ufee5",
    ]
    assert gaz.find("") == [] and gaz.find("و ب ل ال") == []


# --- in the suggestion pipeline ------------------------------------------------------------


def test_pipeline_offers_places_and_bodies_with_their_source_and_score(gaz: Gazetteer) -> None:
    text = "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الأمم المتحدة تدعم الحل في سورية."
    found = suggest(text, None, gazetteer=gaz)
    places = [(s.text, s.label_key, s.rule) for s in found if s.rule == "gazetteer"]
    assert places == [
        ("موسكو", "location", "gazetteer"),
        ("الأمم المتحدة", "organisation", "gazetteer"),
        ("سورية", "location", "gazetteer"),
    ]
    assert all(0 < s.score < 1 for s in found if s.rule == "gazetteer")
    assert [s.name for s in found if s.rule == "gazetteer"] == ["موسكو", "الأمم المتحدة", "سوريا"]
    assert all(s.source == "gazetteer" for s in found if s.rule == "gazetteer")
    # the other rules carry their measured precision (pipeline.RULE_SCORES), or the
    # gazetteer's where it knows the person too
    assert all(
        s.score == RULE_SCORES[s.rule] for s in found if s.rule not in ("gazetteer", "title")
    )
    assert [s.score for s in found if s.rule == "title"] == [0.95]  # سيرغي لافروف, vouched
    assert all(s.source == "rule" for s in found if s.rule != "gazetteer")
    assert any(s.text == "سيرغي لافروف" and s.label_key == "person" for s in found)
    assert not any(s.rule == "gazetteer" for s in suggest(text, None))  # only when asked


def test_pipeline_drops_a_person_that_is_a_place(gaz: Gazetteer) -> None:
    # (the title rule itself now refuses فرنسا, in -ا, and بباريس, ب + a word; not these)
    text = "ويزور الرئيس موسكو الأسبوع المقبل ثم يلتقي الرئيس طهران رئيس الوزراء"
    without = [s.text for s in suggest(text, None) if s.label_key == "person"]
    assert without == ["موسكو", "طهران"]  # the title rule alone takes them for names
    found = [(s.text, s.label_key) for s in suggest(text, None, gazetteer=gaz)]
    assert found == [("موسكو", "location"), ("طهران", "location")]


def test_pipeline_leaves_persons_and_skipped_spans_alone(gaz: Gazetteer) -> None:
    text = "وقال الرئيس عمران خان إن باكستان ترحب"
    found = [(s.text, s.label_key) for s in suggest(text, None, gazetteer=gaz)]
    assert ("عمران خان", "person") in found and ("باكستان", "location") in found
    assert not any(label == "location" and "عمران" in t for t, label in found)
    start = text.index("باكستان")
    skipped = suggest(text, None, gazetteer=gaz, skip=lambda s, e: s == start)
    assert not any(s.text == "باكستان" for s in skipped)
    assert suggest(text, None, gazetteer=gaz, min_score=1.0) == suggest(text, None)


def test_an_organisation_the_gazetteer_knows_outgrows_a_place_the_registry_knows(
    gaz: Gazetteer,
) -> None:
    from desktop.core.matching import AliasMatcher

    # The analyst tagged مدريد and القاهرة as places: inside ريال مدريد and جامعة القاهرة
    # they are part of the organisation's name, which is offered whole.
    matcher = AliasMatcher.from_registry(
        [(1, "location", "مدريد"), (2, "location", "القاهرة"), (3, "organisation", "الجامعة")]
    )
    text = "وقع ريال مدريد عقدا مع طالب في جامعة القاهرة ثم سافر إلى مدريد والقاهرة"
    found = [(s.text, s.label_key, s.source) for s in suggest(text, matcher, gazetteer=gaz)]
    assert found == [
        ("ريال مدريد", "organisation", "gazetteer"),
        ("جامعة القاهرة", "organisation", "gazetteer"),
        ("مدريد", "location", "registry"),
        ("القاهرة", "location", "registry"),
    ]
    # a longer name the registry knows keeps its span
    whole = AliasMatcher.from_registry([(4, "organisation", "ريال مدريد الإسباني")])
    found = [(s.text, s.source) for s in suggest("أعلن ريال مدريد الإسباني", whole, gazetteer=gaz)]
    assert found == [("ريال مدريد الإسباني", "registry")]


def test_a_place_the_gazetteer_knows_outgrows_an_organisation_the_registry_knows(
    gaz: Gazetteer,
) -> None:
    from desktop.core.matching import AliasMatcher

    # The analyst tagged the channel الجزيرة: in الجزيرة العربية it is the peninsula's name.
    matcher = AliasMatcher.from_registry([(1, "organisation", "الجزيرة")])
    text = "وكانت الجزيرة العربية مقسمة ، وقال مراسل الجزيرة بواشنطن"
    found = [(s.text, s.label_key, s.source) for s in suggest(text, matcher, gazetteer=gaz)]
    assert ("الجزيرة العربية", "location", "gazetteer") in found
    assert ("الجزيرة", "organisation", "registry") in found  # the channel's correspondent
    assert [f for f in found if f[1] == "organisation"] == [("الجزيرة", "organisation", "registry")]
    # after a compass noun or شبه it is a place's name (the peninsula), never the channel
    text = "وتقع بشمال شرق الجزيرة ، وفي شرق شبه الجزيرة ، وقال مراسل الجزيرة"
    found = [(s.text, s.label_key) for s in suggest(text, matcher, gazetteer=gaz)]
    assert found == [("الجزيرة", "organisation")]
    assert suggest(text, matcher, gazetteer=gaz)[0].start == text.rindex("الجزيرة")


# --- the development corpus ----------------------------------------------------------------


def test_development_corpus_figures() -> None:
    """Issue 14's k = 0 targets for places, on the development corpus when it is present.

    The thresholds sit a little under what was measured (LOC exact 0.93 / 0.81), so a change
    that makes the gazetteer worse fails here.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gazetteer_eval as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = bench.corpus_dir()
    if folder is None:
        pytest.skip("the development corpus (../shared/data/arabic-ner-dev) is not here")
    articles = bench.load_corpus(folder)
    counts = bench.evaluate(articles, bench.pipeline_predictor(gazetteer()), ("LOC", "ORG"))
    assert counts["LOC"].precision >= 0.90 and counts["LOC"].recall >= 0.75
    assert counts["ORG"].precision >= 0.68 and counts["ORG"].recall >= 0.30


def test_the_last_text_is_remembered_not_confused() -> None:
    """The rules and the tagger's features look at the same article one after the other: the
    second look reuses the first, and a different text (even one that folds the same, with
    harakat that move the raw offsets) is looked at afresh."""
    from desktop.core.arabic import normalise

    gaz = Gazetteer.parse(read_text(GAZETTEER_FILES[0]))
    plain, marked = "وصل الوفد إلى دمشق أمس", "وَصَلَ الوفد إلى دمشق أمس"
    first = gaz.find(plain)
    first.clear()  # the caller's list is its own
    again = gaz.find(plain)
    assert [plain[m.start : m.end] for m in again] == ["دمشق"]
    assert gaz.find_normalised(normalise(plain)) == again
    moved = gaz.find(marked)
    assert [marked[m.start : m.end] for m in moved] == ["دمشق"]
    assert moved[0].start == marked.index("دمشق") == again[0].start + 3
    assert gaz.find_normalised(normalise(marked)) == moved
    assert gaz.find("لا مكان هنا") == []


def test_a_clubs_city_in_a_football_report_is_the_club(gaz: Gazetteer) -> None:
    """A city a club is named by alone (flag ``club``: ليفربول، ويغان) is the club, an
    organisation, in an article about football; not after a place's cue (مدينة، في), not
    after a body's head (نادي ليون is matched whole), and a place anywhere else."""
    report = (
        "فاز ليفربول على ويجان بهدفين في مباراة الدوري ، وسجل اللاعب الهدف الأول في الشوط "
        "الثاني وأنقذ الحارس ركلة جزاء ، وقال المدرب إن الفريق لعب في ليفربول أمام جمهوره ، "
        "وأبدى نادي ليون اهتمامه باللاعب ."
    )
    found = [(report[m.start : m.end], m.label_key) for m in gaz.find(report) if m.score >= 0.5]
    assert found[0] == ("ليفربول", "organisation")
    assert ("ويجان", "organisation") in found
    assert ("نادي ليون", "organisation") in found
    assert ("ليون", "organisation") not in found
    # في ليفربول: where the match was played, a place's cue
    at = report.index("في ليفربول") + 3
    assert all(m.label_key != "organisation" for m in gaz.find(report) if m.start == at)
    # the same city anywhere else is a place
    assert [m.label_key for m in gaz.find("وصل الوزير إلى مدينة ليفربول أمس")] == ["location"]
    assert all(m.label_key == "location" for m in gaz.find("زار الوزير ليفربول وويجان"))


def test_an_arab_club_named_by_a_common_word_is_offered_in_a_football_report(
    gaz: Gazetteer,
) -> None:
    """الأهلي ("civil"), الإسماعيلي ("of Ismailia"), النصر ("victory"): flagged ambiguous and
    club, the club in a football report and nothing anywhere else."""
    report = (
        "وفاز الزمالك على الإسماعيلي في مباراة الدوري ، وسجل اللاعب هدفا في الشوط الأول من "
        "المباراة وانتهت المباراة بفوز الفريق ، وقال المدرب إن الأهلي سيلعب غدا ."
    )
    found = [(report[m.start : m.end], m.label_key) for m in gaz.find(report) if m.score >= 0.5]
    assert ("الإسماعيلي", "organisation") in found
    assert ("الأهلي", "organisation") in found
    other = "وقال إن المجتمع الأهلي يدعم النصر على الفقر ."
    assert [m for m in gaz.find(other) if m.score >= 0.5] == []


def test_clubs_of_the_main_leagues_with_their_spellings(gaz: Gazetteer) -> None:
    """Clubs newswire names in football reports: their usual spellings, the article some
    write (الأرسنال), the full name of one (غريميو دي بورتو أليغري, not بورتو); a club named
    as a common word or a town (ريدينج، تشارلتون) only in a football report."""
    text = (
        "وفاز إسبانيول على الأرسنال وتعادل فنربغشة مع غريميو دي بورتو أليغري ، وخسر ويستهام "
        "أمام شيفلد يونايتد"
    )
    found = [(text[m.start : m.end], m.label_key) for m in gaz.find(text) if m.score >= 0.5]
    assert found == [
        ("إسبانيول", "organisation"),
        ("الأرسنال", "organisation"),
        ("فنربغشة", "organisation"),
        ("غريميو دي بورتو أليغري", "organisation"),
        ("ويستهام", "organisation"),
        ("شيفلد يونايتد", "organisation"),
    ]
    text = "قال تشارلتون إن ريدينج مدينة جميلة"
    found = [(m.form, m.label_key) for m in gaz.find(text) if m.score >= 0.5]
    assert found == [("ريدينج", "location")]  # a town, and Charlton a name: no club here


def test_companies_a_central_bank_and_a_company_s_cue(gaz: Gazetteer) -> None:
    """A central bank's name ends in its adjective (بنك إنجلترا المركزي); a company named
    like a surname (فيليبس, Phillips) is the company after a company's noun only; an
    airline's and an oil company's spellings (ريان إير، سين أوبك: not the OPEC in it)."""

    def bodies(text: str) -> list[str]:
        return _bodies(gaz, text)

    assert bodies("ويخشى بنك إنجلترا المركزي أن يؤدي ارتفاع الأسعار") == ["بنك إنجلترا المركزي"]
    # no other body is named so: as sure as a listed name of two words (the bank and the
    # place alone are a body the place names, at the lower score)
    central = next(m for m in gaz.find("ويخشى بنك إنجلترا المركزي أن") if m.score >= 0.5)
    alone = next(m for m in gaz.find("وقال بنك إنجلترا إن") if m.score >= 0.5)
    assert central.score == SCORE_PHRASE and alone.score == SCORE_BODY < SCORE_PHRASE
    assert bodies("وقال بنك إنجلترا إن") == ["بنك إنجلترا"]
    assert bodies("وهاجم شاون رايت فيليبس المرمى") == []  # a player's surname
    assert bodies("وأعلنت شركة فيليبس الهولندية") == ["فيليبس"]
    assert bodies("ونجح سهم إعمار في اختراق حاجز 5 دراهم") == ["إعمار"]
    assert bodies("وأسهم الشباب في إنجاح المبادرة وعقدت مجموعة الشباب اجتماعا") == []
    assert bodies("وأسهم الشباب في إنجاح المبادرة") == []  # أسهم: contributed
    places = [m.form for m in gaz.find("وقالت مجموعة سورية مسلحة") if m.score >= 0.5]
    assert places == []  # سورية: an adjective after a noun, no cue
    assert bodies("وأعلن بنك إنجلترا\nالمركزي") == ["بنك إنجلترا"]  # not across a line
    assert bodies("هاتف غالاكسي إس 4 وأسراب فلامنغو") == []
    assert bodies("وقال السيد جوشن من سين أوبك الصينية") == ["سين أوبك"]
    assert bodies("وتقف شركة طيران ريان إير خلف هذا التحرك") == ["ريان إير"]


def test_a_facility_s_or_company_s_noun_is_left_out_a_university_s_kept(gaz: Gazetteer) -> None:
    """After سجن، متحف، فندق، مؤسسة، شركة the place's name alone is the body's, as newswire
    tags it (سجن [أبو غريب]، لشركة [قطر غاز]); after جامعة، معهد، كلية، بنك the noun is
    the name's (جامعة القاهرة)."""

    def bodies(text: str) -> list[str]:
        return _bodies(gaz, text)

    assert bodies("وفضائح سجن أبو غريب وإساءات الجنود") == ["أبو غريب"]
    assert bodies("التي ضمتها جدران متحف دمشق") == ["دمشق"]
    assert bodies("وأقام في فندق القاهرة") == ["القاهرة"]
    assert bodies("ودرس في جامعة القاهرة ثم في معهد دمشق") == ["جامعة القاهرة", "معهد دمشق"]
    assert bodies("وفضائح سجن بأبو غريب") == []  # a preposition: the place
    # the body's own name keeps its noun: accepted, it is no organisation named دمشق that
    # the registry would then offer for every later mention of the city
    museum = next(m for m in gaz.find("جدران متحف دمشق") if m.label_key == "organisation")
    assert museum.entry.name == "متحف دمشق"
    # the place named alone elsewhere in the article takes nothing from the body
    assert bodies("عاش في دمشق . وضمتها جدران متحف دمشق") == ["دمشق"]
    assert bodies("زار الوفد القاهرة وأغلق بنك القاهرة .") == ["بنك القاهرة"]
    # a common word after the noun is no place's name (مالية: financial, not Malé), but
    # after a club's or a university's noun the whole may be named by one (نادي ليون)
    assert bodies("وقالت مؤسسة مالية دولية إن شركة مالية كبرى أفلست") == []
    assert bodies("فتح فندق الباب ونقل إلى سجن الباب") == []
    assert bodies("وفاز فريق العين على منافسه") == ["العين"]  # a team's: named by it
    assert bodies("خير إستبعد فكرة الإنضمام لنادي ليون الفرنسي") == ["نادي ليون"]
    # …nor a central bank's name sure of itself
    assert all(m.score < SCORE_PHRASE for m in gaz.find("بنك صوفيا المركزي"))


def test_a_head_noun_that_is_no_part_of_the_name_is_left_out(gaz: Gazetteer) -> None:
    """طالبان is the name, حركة its kind (not so حركة فتح، حركة حماس, whose names are
    the movement's); التابع للأمم المتحدة says whose body it is and names the UN apart."""
    assert _offered(gaz, "الا ان حركة طالبان قد تقبض عليه") == ["طالبان"]
    assert _offered(gaz, "بالاطاحة بحركة طالبان في أفغانستان") == ["طالبان", "أفغانستان"]
    assert _offered(gaz, "وأعلنت حركة فتح") == ["حركة فتح"]
    # حركة is the Pakistani Taliban's name (Tehreek), another group
    pakistani = [m.entry.english for m in gaz.find("وأعلنت حركة طالبان باكستان") if m.score > 0.5]
    assert pakistani == ["Pakistani Taliban (TTP)"]
    assert [m.entry.english for m in gaz.find("وقالت طالبان")] == ["Taliban"]
    assert _offered(gaz, "قائمة الفريق الأول بنادي الزمالك للموسم") == ["الزمالك"]
    # a channel's name without قناة, its kind; the network's name with شبكة, part of it
    assert _offered(gaz, "وقالت قناة الجزيرة نقلا عن مراسلها") == ["الجزيرة"]
    assert _offered(gaz, "وبثت قناة المنار صورا وقالت قناة الحرة") == ["المنار", "الحرة"]
    assert _offered(gaz, "في المنطقة الحرة قرب المنار") == []  # free, the lighthouse
    assert _offered(gaz, "وذكرت شبكة الجزيرة") == ["شبكة الجزيرة"]
    # a name listed with its noun keeps it in each of its spellings
    for spelt in ("هيومن", "هيومان"):
        text = f"واعتبرت منظمة {spelt} رايتس ووتش أن"
        assert _offered(gaz, text) == [f"منظمة {spelt} رايتس ووتش"]

    def listed(text: str) -> list[str]:
        return [m.entry.name for m in gaz.find(text) if m.score >= DEFAULT_MIN_SCORE]

    text = "على قرار في مجلس الأمن التابع للأمم المتحدة يمهد الطريق"
    assert listed(text) == ["مجلس الأمن", "الأمم المتحدة"]
    text = "أمام مجلس حقوق الإنسان التابع للأمم المتحدة"
    assert listed(text) == ["مجلس حقوق الإنسان", "الأمم المتحدة"]


def test_a_paper_named_by_a_common_word(gaz: Gazetteer) -> None:
    """النهار (the day), الديار (the homes), سيدتي (my lady): a paper where a paper's noun
    announces it, where it is the whole of a quotation, or where the article names it in
    full; the word anywhere else is no name."""

    def shown(text: str) -> list[str]:
        return [text[m.start : m.end] for m in gaz.find(text) if m.score >= 0.6]

    assert shown("وذكرت « الديار » أن") == ["الديار"]
    assert shown("دفاعا عن « الوطن » ، وقال : « الوطن » فوق الجميع") == []
    assert shown("قالت قناة الأخبار الإسرائيلية ، وقال مكتب الغد للاستشارات") == []
    assert shown('زارت " سيدتي " ليوناردو في محله') == ["سيدتي"]
    assert shown("وكتبت جريدة الغد أن") == ["الغد"]  # the name alone, as newswire tags it
    # the paper named after its noun: its other mentions are the word as often (تعديل الدستور
    # after صحيفة الدستور), so they are not raised
    assert shown("وقالت لصحيفة النهار إن الحياة صعبة ، وكتبت النهار أمس") == ["النهار"]
    assert shown("ونقلت صحيفة الدستور عن تعديل الدستور ، وأن الدستور يمنح الملك") == ["الدستور"]
    assert shown("ونقلت مجلة تايم أن") == ["تايم"]
    assert shown("وعرضت عناوين صحف الغد") == []  # tomorrow's papers
    assert shown("شعار « الوطن » ، وأن « الوطن » فوق الجميع ، وفيلم « الغد »") == []
    assert shown("وعمل في النهار والليل وقال إن الحياة صعبة وإن الغد أفضل") == []
    assert shown("واجتمع قادة الرأي العام") == []  # a party's cue, not a paper's
    assert shown("وقالت « الحياة » إن") == ["الحياة"]  # quoted, a verb of reporting's
    assert shown("وقال مراسل الجزيرة إن") == ["الجزيرة"]  # a channel's


def test_universities_newswire_names(gaz: Gazetteer) -> None:
    """The main universities by their names (a place's university, جامعة القاهرة, is the
    head and the place), with the spellings newswire uses; a name alone that is also a town
    or a tournament's (برينستون، دورة ستانفورد) is none."""
    text = (
        "درس في معهد ماساشوسيتس للتكنولوجيا ثم في جامعة برينستون وجامعة الملك فهد ، وحاضر في "
        "المعهد الاتحادي السويسري للتقانة"
    )
    found = [text[m.start : m.end] for m in gaz.find(text) if m.label_key == "organisation"]
    assert found == [
        "معهد ماساشوسيتس للتكنولوجيا",
        "جامعة برينستون",
        "جامعة الملك فهد",
        "المعهد الاتحادي السويسري للتقانة",
    ]
    alone = "وأحرز لقب دورة ستانفورد وزار برينستون"
    assert [m for m in gaz.find(alone) if m.label_key == "organisation"] == []
