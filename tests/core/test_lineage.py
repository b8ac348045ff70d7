"""The lineage rule (``desktop.core.suggest.lineage``): persons' names read by the structure of
an Arab name — a nasab chain, a kunya, عبد and a divine name — with no title before them.

The names are made up or common; none comes from the development corpus.
"""

from __future__ import annotations

import pytest

from desktop.core.matching import AliasMatcher
from desktop.core.suggest import suggest
from desktop.core.suggest.pipeline import RULE_SCORES


def _lineages(text: str, matcher: AliasMatcher | None = None) -> list[str]:
    return [s.text for s in suggest(text, matcher) if s.rule == "lineage"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقاد حارثة بن سعيد بن عمر الجيش إلى الشمال.", "حارثة بن سعيد بن عمر"),  # a chain
        ("وحكم ثامر بن أرقام البلدة سنين.", "ثامر بن أرقام"),  # a plural's shape after بن
        ("وأعلن أبو فراس أمس أنه سيعود.", "أبو فراس"),  # a kunya
        ("وكتب أبو الفضل رسالة إلى أخيه.", "أبو الفضل"),  # a kunya and a definite name
        ("وزار عبد اللطيف بن حمد المدينة.", "عبد اللطيف بن حمد"),  # عبد and a divine name
        ("ووصل حارثة بن مالك التميمي إلى الكوفة.", "حارثة بن مالك التميمي"),  # the family nisba
        ("وأرسل كتابا لخالد بن سعيد يطلب فيه العون.", "لخالد بن سعيد"),  # ل before the name
        ("وتولى أبو سعيد عثمان بن يوسف الحكم.", "أبو سعيد عثمان بن يوسف"),  # kunya, ism, nasab
        ("وخرج نعمان بن أبي طالب من المدينة.", "نعمان بن أبي طالب"),  # a verb's form after أبي
        # a definite name after بن ends the chain (a trial: no suggestion at any threshold)
        ("وحضر ثامر بن الخطاب الاجتماع.", "ثامر بن الخطاب"),
        ("وقاد حارثة بن سعيد بن الوليد الجيش.", "حارثة بن سعيد بن الوليد"),
        # a Mauritanian lineage: ولد is the son of
        ("واعتقل سيدي ولد سالم ولد الطالب أمس.", "سيدي ولد سالم ولد الطالب"),
        # a name of two words between two links; وعبد and a divine name (الرحمان) first
        ("ومنهم وعبد الرحمان ولد محمد حمودي ولد داف أمس.", "وعبد الرحمان ولد محمد حمودي ولد داف"),
        # an ism of two words that a given name begins
        ("ومنهم ومحمد لمين ولد سلامة ولد النفاع أمس.", "ومحمد لمين ولد سلامة ولد النفاع"),
    ],
)
def test_a_lineage_makes_a_name_without_a_title(text: str, name: str) -> None:
    assert _lineages(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "ووصل ابن عمه إلى المدينة أمس.",  # the son of his uncle: no name after ابن
        "وقال أبي إن الأمر انتهى.",  # my father
        "وتحدث أبو عن الأمر.",  # nothing after the kunya
        "وفينسنزو ولد عام 1606 ومات بعده.",  # ولد: was born
        "وعرف أينشتاين بأبي النسبية بين الناس.",  # a nickname: a definite noun in ة
        "وطلب منه الملك ذلك فأبى الشعب أن يقبل.",  # فأبى: and he refused
        "ونزار ولد في دمشق.",
        "وبعد وفاة عبد الله ولد محمد صلى الله عليه وسلم.",  # one ولد: was born as often
        "وفي بيت علي ولد الحسن.",
        "والطفل ولد ميتا.",
    ],
)
def test_no_lineage_without_a_name_on_both_sides(text: str) -> None:
    # beside a lineage the rule does find, in the same article
    assert _lineages(text + " وأعلن أبو فراس أنه سيعود.") == ["أبو فراس"]


def test_a_registry_person_inside_a_lineage_does_not_hide_it() -> None:
    # the analyst tagged حارثة alone: the longer name is still offered (merging keeps the
    # better scored of the two); the registry's own whole name is the registry's
    matcher = AliasMatcher.from_registry([(1, "person", "حارثة")])
    assert _lineages("وقاد حارثة بن سعيد الجيش.", matcher) == ["حارثة بن سعيد"]
    whole = AliasMatcher.from_registry([(1, "person", "حارثة بن سعيد")])
    assert _lineages("وقاد حارثة بن سعيد الجيش.", whole) == []


def test_a_lineage_scores_as_the_title_rule_s_names() -> None:
    """Shown by the rules alone (k = 0) and judged by the model as the title rule's names
    (the mean of both): the model gives historical names it never saw little probability."""
    found = [s for s in suggest("وأعلن أبو فراس أمس أنه سيعود.", None) if s.rule == "lineage"]
    assert [s.score for s in found] == [RULE_SCORES["title"]]


def test_a_run_of_kunya_words_is_no_name_and_no_recursion() -> None:
    # each kunya read the next word as its name, one call deeper: a long run of them
    # overflowed the stack (RecursionError) before any name was found
    text = "وقال " + "أبو " * 3000 + "فراس. وأعلن أبو فراس أنه سيعود."
    assert _lineages(text) == ["أبو فراس"] * 2  # the run's last kunya and its name


def test_a_chain_longer_than_a_name_offers_no_part_of_it() -> None:
    """Seven names: the chain stopped at six and its tail was offered as a second person
    (مالك بن نوفل) — an attack. Six names are still one."""
    seven = "وقال زيد بن عمرو بن خالد بن سعد بن قيس بن عامر بن مالك بن نوفل إن الأمر انتهى."
    assert [s.text for s in suggest(seven, None) if s.label_key == "person"] == []
    six = "وقال زيد بن عمرو بن خالد بن سعد بن قيس بن عامر إن الأمر انتهى."
    assert _lineages(six) == ["زيد بن عمرو بن خالد بن سعد بن قيس بن عامر"]


def test_a_run_of_names_and_links_is_no_single_name_of_thousands_of_words() -> None:
    """محمد بن repeated 300 times was one person of 600 words by the given names' rule (its
    particles joined names without counting)."""
    text = "قال " + "محمد بن " * 300 + "إن الأمر انتهى."
    assert all(len(s.text) < 200 for s in suggest(text, None) if s.label_key == "person")
