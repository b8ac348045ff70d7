"""A realistic project for briefing and CSV tests: the five seed articles with outlets and
dates, an Arabic wire story quoting ``Russia-Now.com``, an English article, an entity registry
(كيري، لافروف، بوتين، الكرملين، موسكو، Russia-Now.com …), mentions, claims with claimants,
statuses and Admiralty grades, two contradicting pairs, and Arabic notes.

Shared by tests/io/test_docx_report.py, test_docx_render.py, test_csv_export.py, the CLI and
GUI tests, and used to look at the rendered report by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.records import AnnotationDraft
from desktop.core.spans import context
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.store.project import Project

WIRE_TEXT = (
    "موسكو – نقل موقع Russia-Now.com عن مصدر في الكرملين أن الرئيس فلاديمير بوتين لن يلتقي "
    "وزير الخارجية الأميركي جون كيري قبل نهاية الأسبوع، وأن سيرغي لافروف سيتولى المحادثات "
    "وحده.\nوأضاف المصدر أن موسكو تنتظر «مقترحات مكتوبة» من واشنطن بشأن سوريا قبل أي لقاء "
    "على مستوى الرؤساء."
)
ENGLISH_TEXT = (
    "US Secretary of State John Kerry said on Friday that Washington and Moscow had agreed on "
    "concrete steps to rescue the truce in Syria.\nRussian Foreign Minister Sergei Lavrov "
    'called the talks in Moscow "productive" but gave no details.'
)
SEED_META = [
    ("الشروق", "https://example.org/shorouk/chemical-weapons-plan", "2013-09-12"),
    ("فرانس برس", "https://example.org/afp/kerry-lavrov-geneva", "2016-08-26"),
    ("أورينت نت", "https://example.org/orient/jeffrey", "2019-06-20"),
    ("Russia-Now.com", "https://russia-now.com/ar/news/lavrov-kerry-moscow", "2016-07-16"),
    ("الحياة", "https://example.org/alhayat/kerry-kremlin", "2015-12-16"),
]


@dataclass
class Briefing:
    """Ids of the rows tests look at."""

    seeds: list[int]
    wire: int
    english: int
    entities: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    annotations: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> list[int]:
        return [*self.seeds, self.wire, self.english]


def _annotate(
    project: Project,
    document_id: int,
    needle: str,
    key: str,
    *,
    nth: int = 0,
    note: str = "",
    entity_id: int | None = None,
) -> int:
    text = project.documents.get(document_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    quote, prefix, suffix = context(text, start, end)
    label = project.labels.by_key(key)
    assert label is not None, key
    return project.annotations.add(
        AnnotationDraft(
            document_id, start, end, quote, prefix, suffix, label.id, "سلمى", note, entity_id
        )
    )


def _claim(
    project: Project, document_id: int, needle: str, *, note: str = "", **fields: object
) -> tuple[int, int]:
    annotation = _annotate(project, document_id, needle, "claim", note=note)
    claim = project.claims.for_annotation(annotation)
    assert claim is not None
    project.claims.update(claim.id, **fields)
    return annotation, claim.id


def build_briefing_project(path: Path) -> tuple[Project, Briefing]:
    project = Project.open(path)
    seeds = [project.documents.add(draft) for draft in seed_drafts()]
    for doc, (outlet, url, published) in zip(seeds, SEED_META, strict=True):
        project.documents.update_metadata(doc, source=outlet, url=url, published=published)
    wire = project.documents.add(
        make_draft(
            WIRE_TEXT,
            title="Russia-Now.com: بوتين لن يلتقي كيري قبل نهاية الأسبوع",
            source="Russia-Now.com",
            url="https://russia-now.com/ar/news/putin-kerry-meeting",
            published="2015-12-14",
            origin="test:wire",
        )
    )
    english = project.documents.add(
        make_draft(
            ENGLISH_TEXT,
            title="Kerry and Lavrov agree on steps to rescue the Syria truce",
            source="Example Wire",
            url="https://example.org/wire/kerry-lavrov",
            author="J. Smith",
            published="2016-07-16",
            origin="test:english",
        )
    )
    info = Briefing(seeds, wire, english)
    add = project.entities.add
    e = info.entities
    e["kerry"] = add(
        "جون كيري", "person", aliases=("كيري", "John Kerry"), description="وزير الخارجية الأميركي"
    )
    e["lavrov"] = add(
        "سيرغي لافروف",
        "person",
        aliases=("لافروف", "Sergei Lavrov"),
        description="وزير الخارجية الروسي",
    )
    e["putin"] = add("فلاديمير بوتين", "person", aliases=("بوتين",), description="الرئيس الروسي")
    e["peskov"] = add(
        "دميتري بسكوف", "person", aliases=("بسكوف",), description="المتحدث باسم الكرملين"
    )
    e["kremlin"] = add("الكرملين", "organisation", description="الرئاسة الروسية")
    e["moscow"] = add("موسكو", "location", aliases=("Moscow",))
    e["rnow"] = add("Russia-Now.com", "organisation", description="موقع إخباري روسي ناطق بالعربية")
    e["registry_only"] = add("مجموعة أصدقاء سوريا", "organisation")

    a = info.annotations
    s0, s1, _, s3, s4 = seeds
    # Entity mentions (no note: counted in the entity table, not excerpts).
    for doc, needle, key, entity, count in (
        (s0, "بوتين", "person", "putin", 2),
        (s1, "جون كيري", "person", "kerry", 1),
        (s1, "سيرغي لافروف", "person", "lavrov", 1),
        (s1, "موسكو", "location", "moscow", 1),
        (s3, "سيرغي لافروف", "person", "lavrov", 1),
        (s3, "جون كيري", "person", "kerry", 2),
        (s3, "موسكو", "location", "moscow", 1),
        (s3, "الكرملين", "organisation", "kremlin", 1),
        (s4, "جون كيري", "person", "kerry", 1),
        (s4, "فلاديمير بوتين", "person", "putin", 1),
        (s4, "موسكو", "location", "moscow", 2),
        (wire, "بوتين", "person", "putin", 1),
        (wire, "جون كيري", "person", "kerry", 1),
        (wire, "الكرملين", "organisation", "kremlin", 1),
        (english, "John Kerry", "person", "kerry", 1),
        (english, "Moscow", "location", "moscow", 1),
    ):
        for nth in range(count):
            _annotate(project, doc, needle, key, nth=nth, entity_id=e[entity])
    a["rnow_mention"] = _annotate(
        project,
        wire,
        "Russia-Now.com",
        "organisation",
        entity_id=e["rnow"],
        note="مصدر مجهول؛ الموقع Russia-Now.com مقرّب من الحكومة الروسية.",
    )
    a["peskov_mention"] = _annotate(
        project,
        s3,
        "دميتري بسكوف",
        "person",
        entity_id=e["peskov"],
        note="المتحدث الرسمي: تصريحاته تعكس موقف الكرملين.",
    )
    a["date_span"] = _annotate(project, s1, "الجمعة", "datetime")  # no note: not an excerpt
    a["note_marker"] = _annotate(
        project, s0, "لوس كابوس", "note", note="أول نقاش معروف للخطة، حسب مسؤول أميركي."
    )

    c = info.claims
    a["agreed"], c["agreed"] = _claim(
        project,
        s3,
        "واشنطن وموسكو اتفقتا على خطوات ملموسة لإنقاذ التهدئة في سوريا",
        note="يتوافق مع رواية لافروف في المؤتمر الصحفي نفسه.",
        claimant_id=e["kerry"],
        summary="اتفاق أميركي روسي على خطوات لإنقاذ التهدئة",
        stance="asserts",
        status="corroborated",
        reliability="B",
        credibility=2,
        claimed_on="2016-07-16",
        subjects=[e["moscow"]],
    )
    a["offer"], c["offer"] = _claim(
        project,
        s3,
        "تحديد خريطة العمليات في سوريا بشكل مشترك",
        summary="عرض أميركي بغرفة عمليات مشتركة",
        status="unverified",
        reliability="C",
        credibility=3,
        subjects=[e["kerry"], e["putin"]],
    )
    a["denial"], c["denial"] = _claim(
        project,
        s3,
        "لا صحة لكلّ الأخبار المتداولة حول عرض أميركي حمله وزير الخارجية جون كيري الى موسكو",
        note="نفي صريح من الكرملين؛ قارن بالتسريبات الأميركية.",
        claimant_id=e["peskov"],
        stance="denies",
        status="contested",
        reliability="B",
        credibility=3,
        claimed_on="2016-07-16",
        subjects=[e["kerry"]],
    )
    a["regime"], c["regime"] = _claim(
        project,
        s4,
        "الولايات المتحدة والشركاء لا يسعون إلى تغيير النظام في سوريا",
        claimant_id=e["kerry"],
        status="unverified",
        reliability="A",
        credibility=2,
        claimed_on="2015-12-15",
    )
    a["no_meeting"], c["no_meeting"] = _claim(
        project,
        wire,
        "بوتين لن يلتقي وزير الخارجية الأميركي جون كيري قبل نهاية الأسبوع",
        note="نقله Russia-Now.com عن مصدر واحد غير مسمّى.",
        claimant_id=e["rnow"],
        summary="لا لقاء بين بوتين وكيري هذا الأسبوع",
        status="refuted",
        reliability="D",
        credibility=4,
        claimed_on="2015-12-14",
        subjects=[e["putin"], e["kerry"]],
    )
    a["meeting"], c["meeting"] = _claim(
        project,
        s4,
        "اجتماع وزير الخارجية الأميركي جون كيري مع الرئيس الروسي فلاديمير بوتين",
        claimant_id=None,
        summary="لقاء كيري وبوتين في موسكو",
        status="corroborated",
        reliability="A",
        credibility=1,
        claimed_on="2015-12-15",
    )
    a["english"], c["english"] = _claim(
        project,
        english,
        "Washington and Moscow had agreed on concrete steps to rescue the truce in Syria",
        note="Same statement as in the Arabic coverage.",
        claimant_id=e["kerry"],
        status="corroborated",
        reliability="B",
        credibility=2,
        claimed_on="2016-07-16",
    )
    project.claims.add_link(c["denial"], c["offer"], "contradicts")
    project.claims.add_link(c["no_meeting"], c["meeting"], "contradicts")
    project.claims.add_link(c["english"], c["agreed"], "repeats")
    return project, info


SUMMARY_AR = (
    "تتقاطع المصادر على أن موسكو وواشنطن اتفقتا على خطوات لإنقاذ التهدئة في سوريا، لكن "
    "الكرملين ينفي وجود عرض أميركي بتعاون عسكري مباشر.\n\n"
    "ما نقله موقع Russia-Now.com عن إلغاء لقاء بوتين وكيري ثبت خطؤه: اللقاء عُقد في موسكو."
)
