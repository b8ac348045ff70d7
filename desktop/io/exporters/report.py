"""The briefing as plain data: what goes into the Word report, gathered from the project.

Why a model separate from the writer: the report dialog previews the outline (how many claims,
contradictions, entities, excerpts, sources) before anything is written, tests check the
content without parsing Word XML, and another writer (HTML, PDF) could reuse it. No Qt here and
no SQL: the data comes through the stores (``desktop.store.report_queries`` for the bulk reads).

What goes where, and why:

* **Scope.** The current article, chosen articles, the whole project, or a saved filter (by
  label, entity and/or claim status). A filter picks the articles that match it and, inside
  them, keeps only the matching items of its kind: a status keeps claims of that status, a
  label keeps the excerpts of that label, an entity keeps the claims it makes or is the subject
  of and the passages that mention it.
* **Claims** with claimant, stance, status, Admiralty grade (reliability letter + credibility
  digit, e.g. ``B2``), date (the claim's date, else the article's) and source article.
* **Contradictions**: ``contradicts`` links whose both claims are in the scope (the rule of the
  JSON export of chosen documents), as pairs shown side by side.
* **Entities** that the scoped articles mention, or that make or are the subject of one of their
  claims, with counts inside the scope. Registry entries the articles never touch are left out.
* **Excerpts**: the passages the analyst commented on — annotations with a note, plus every
  claim and note marker — in article order. Plain entity mentions are summed up in the entity
  table instead (a thousand name tags would bury the notes).
* **Sources**: every article in the scope, numbered in reading order; each excerpt and claim
  cites its article's number, ``[n]``, so a citation number is a source number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast, get_args

from desktop.core.controls import shortened, without_bidi_formatting
from desktop.core.errors import HamishError
from desktop.core.values import admiralty_grade
from desktop.io.exporters.progress import CancelCheck, ProgressCallback, Steps
from desktop.store.project import Project
from desktop.store.report_queries import (
    AnnotationRecord,
    ClaimRecord,
    EntityRecord,
    ReportQueries,
    SourceRecord,
)

Language = Literal["ar", "en"]
SectionId = Literal["summary", "claims", "contradictions", "entities", "excerpts", "sources"]
ScopeKind = Literal["current", "selected", "project", "filter"]
FigureId = Literal["network", "timeline"]

SECTIONS: tuple[SectionId, ...] = get_args(SectionId)
"""Every section, in the default order. The cover always comes first; full texts, when
included, are an appendix after the last section."""
SCOPES: tuple[ScopeKind, ...] = get_args(ScopeKind)
LANGUAGES: tuple[Language, ...] = get_args(Language)
FIGURES: tuple[FigureId, ...] = get_args(FigureId)
"""The figures a briefing can include, in the order they are drawn (the window renders them
and hands the writer PNG images: this layer has no Qt)."""

# Every fixed string of a report, in both languages: (Arabic, English). Kept in one table so a
# missing translation is visible at a glance and a test can check that both are filled in.
STRINGS: dict[str, tuple[str, str]] = {
    "default_title": ("إحاطة تحليلية", "Analytical briefing"),
    "default_marking": ("للاستخدام الداخلي", "For internal use only"),
    "subtitle": (
        "إحاطة أُعدّت من تعليقات المحلل في هامش",
        "A briefing built from annotations in Hamish",
    ),
    "prepared_by": ("أعدّها", "Prepared by"),
    "date": ("التاريخ", "Date"),
    "marking": ("التداول", "Handling"),
    "scope": ("النطاق", "Scope"),
    "articles": ("عدد المقالات", "Articles"),
    "page": ("صفحة", "Page"),
    "section.summary": ("الملخص التنفيذي", "Executive summary"),
    "section.claims": ("الادعاءات الرئيسية", "Key claims"),
    "section.contradictions": ("ادعاءات متناقضة", "Contradictions"),
    "section.entities": ("الكيانات", "Entities"),
    "section.excerpts": ("مقتطفات وملاحظات", "Excerpts and notes"),
    "section.sources": ("المصادر", "Sources"),
    "section.texts": ("ملحق: النصوص الكاملة", "Appendix: full texts"),
    # Counts: Arabic names what is counted ("عدد الادعاءات: 7"), which avoids number
    # agreement (1 ادعاء، 3 ادعاءات، 11 ادعاءً); English gives "singular|plural".
    "count.summary": ("عدد الفقرات", "paragraph|paragraphs"),
    "count.claims": ("عدد الادعاءات", "claim|claims"),
    "count.contradictions": ("عدد الأزواج", "contradiction|contradictions"),
    "count.entities": ("عدد الكيانات", "entity|entities"),
    "count.excerpts": ("عدد المقتطفات", "excerpt|excerpts"),
    "count.sources": ("عدد المصادر", "source|sources"),
    "count.texts": ("عدد النصوص", "text|texts"),
    "no_summary": ("لم يكتب المحلل ملخصاً.", "The analyst wrote no summary."),
    "none.claims": ("لا ادعاءات في هذا النطاق.", "No claims in this scope."),
    "none.contradictions": (
        "لا ادعاءات متناقضة في هذا النطاق.",
        "No contradicting claims in this scope.",
    ),
    "none.entities": ("لا كيانات في هذا النطاق.", "No entities in this scope."),
    "none.excerpts": ("لا مقتطفات في هذا النطاق.", "No excerpts in this scope."),
    "none.sources": ("لا مقالات في هذا النطاق.", "No articles in this scope."),
    "col.number": ("#", "#"),
    "col.claim": ("الادعاء", "Claim"),
    "col.claimant": ("صاحب الادعاء", "Claimant"),
    "col.status": ("الحالة", "Status"),
    "col.grade": ("التقييم", "Grade"),
    "col.date": ("التاريخ", "Date"),
    "col.source": ("المصدر", "Source"),
    "col.left": ("الادعاء", "Claim"),
    "col.right": ("الادعاء المناقض", "Contradicting claim"),
    "col.name": ("الاسم", "Name"),
    "col.type": ("النوع", "Type"),
    "col.aliases": ("أسماء أخرى", "Aliases"),
    "col.mentions": ("الإشارات", "Mentions"),
    "col.documents": ("المقالات", "Articles"),
    "col.description": ("الوصف", "Description"),
    "claims_intro": (
        "التقييم على سلّم الأميرالية: موثوقية المصدر (A–F) ومصداقية المعلومة (1–6).",
        "Grades use the Admiralty scale: source reliability (A–F), information credibility (1–6).",
    ),
    "note": ("ملاحظة المحلل", "Analyst's note"),
    "orphaned": ("لم يعد المقطع موجوداً في النص", "passage no longer found in the text"),
    "unknown": ("غير معروف", "unknown"),
    "subjects": ("عن", "About"),
    "scope.project": ("المشروع كاملاً", "Whole project"),
    "scope.current": ("المقال الحالي", "Current article"),
    "scope.selected": ("مقالات مختارة", "Selected articles"),
    "scope.filter": ("مرشِّح", "Filter"),
    "filter.label": ("الوسم", "label"),
    "filter.entity": ("الكيان", "entity"),
    "filter.status": ("حالة الادعاء", "claim status"),
    "stance.asserts": ("يؤكد", "asserts"),
    "stance.denies": ("ينفي", "denies"),
    "status.unverified": ("غير متحقَّق منه", "unverified"),
    "status.corroborated": ("مُثبَت", "corroborated"),  # not «مؤكَّد»: read as «يؤكد»
    "status.contested": ("موضع خلاف", "contested"),
    "status.refuted": ("مدحوض", "refuted"),
    "type.person": ("شخص", "person"),
    "type.organisation": ("منظمة", "organisation"),
    "type.location": ("مكان", "location"),
    "type.event": ("حدث", "event"),
    "type.other": ("أخرى", "other"),
    "generated": ("أُنشئ بواسطة هامش", "Generated by Hamish"),
    # Figures (issue 16): a numbered caption "شكل ١: شبكة الكيانات" / "Figure 1: Entity network".
    "section.figures": ("أشكال", "Figures"),
    "count.figures": ("عدد الأشكال", "figure|figures"),
    "figure": ("شكل", "Figure"),
    "figure.network": ("شبكة الكيانات", "Entity network"),
    "figure.timeline": ("الخط الزمني للادعاءات", "Claim timeline"),
    # How to read each figure: the second sentence of its caption (issue 16).
    "figure.network.note": (
        "من يُذكر مع من في الجملة نفسها من المقالات؛ كلما غلُظ الخط زاد تكرار ذكرهما معًا.",
        "Who is named with whom in the same sentence of the articles; the thicker the line,"
        " the more often.",
    ),
    "figure.timeline.note": (
        "كل ادعاء في تاريخه، ومسار لكل صاحب ادعاء؛ الزمن يجري من اليمين إلى اليسار.",
        "Each claim at its date, one lane per claimant; time runs from left to right.",
    ),
    # The network drawn at another level of appearing together (the window's choice).
    "figure.network.note.paragraph": (
        "من يُذكر مع من في الفقرة نفسها من المقالات؛ كلما غلُظ الخط زاد تكرار ذكرهما معًا.",
        "Who is named with whom in the same paragraph of the articles; the thicker the line,"
        " the more often.",
    ),
    "figure.network.note.article": (
        "من يُذكر مع من في المقال نفسه؛ كلما غلُظ الخط زاد تكرار ذكرهما معًا.",
        "Who is named with whom in the same article; the thicker the line, the more often.",
    ),
    # A briefing made in the window draws the network as its pane shows it, and says so.
    "figure.window": (
        "رُسم كما تعرضه لوحة شبكة الكيانات",
        "Drawn as the Entity Network pane shows it",
    ),
    "figure.window.types": ("الأنواع: {types}", "types: {types}"),
    "figure.window.weight": (
        "الروابط التي لا يقل وزنها عن {weight}",
        "links of weight {weight} or more",
    ),
    "figure.window.dates": (
        "المقالات المنشورة من {start} إلى {end}",
        "articles published from {start} to {end}",
    ),
    "figure.window.articles": ("مقالات مختارة في اللوحة", "articles chosen in the pane"),
    "figure.window.timeline": (
        "رُسم كما تعرضه لوحة الخط الزمني للادعاءات",
        "Drawn as the Claim Timeline pane shows it",
    ),
    "figure.window.filtered": (
        "الادعاءات التي تبقيها مرشِّحاتها وحدها",
        "only the claims its filters keep",
    ),
    "figure.timeline.note.subject": (
        "كل ادعاء في تاريخه، ومسار لكل موضوع؛ الزمن يجري من اليمين إلى اليسار.",
        "Each claim at its date, one lane per subject; time runs from left to right.",
    ),
    # Added to every caption when the briefing covers some articles only (issue 16).
    "figure.scoped": (
        "رُسم من مقالات هذا الموجز وحدها.",
        "Drawn from this briefing's articles only.",
    ),
}


def tr(key: str, language: Language) -> str:
    """The fixed string ``key`` in the report language; an unknown key is a bug, not a blank."""
    arabic, english = STRINGS[key]
    return arabic if language == "ar" else english


def tr_or(key: str, language: Language, fallback: str) -> str:
    """For open-ended values (a status or type added later): the translation if there is one."""
    return tr(key, language) if key in STRINGS else fallback


# --- options ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReportFilter:
    """A saved filter: every condition given must hold (see the module docstring)."""

    label_id: int | None = None
    entity_id: int | None = None
    claim_status: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.label_id, self.entity_id, self.claim_status))


@dataclass(frozen=True, slots=True)
class ReportScope:
    kind: ScopeKind = "project"
    document_ids: tuple[int, ...] = ()  # for "current" (one id) and "selected"
    filter: ReportFilter = field(default_factory=ReportFilter)


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Everything the analyst chooses. Empty title, marking or date take the defaults of the
    report language and today's date."""

    title: str = ""
    author: str = ""
    date: str = ""
    marking: str = ""
    language: Language = "ar"
    scope: ReportScope = field(default_factory=ReportScope)
    sections: tuple[SectionId, ...] = SECTIONS
    summary: str = ""
    include_full_texts: bool = False
    figures: tuple[FigureId, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values, for the per-project settings."""
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "marking": self.marking,
            "language": self.language,
            "scope": self.scope.kind,
            "document_ids": list(self.scope.document_ids),
            "filter_label": self.scope.filter.label_id,
            "filter_entity": self.scope.filter.entity_id,
            "filter_status": self.scope.filter.claim_status,
            "sections": list(self.sections),
            "summary": self.summary,
            "include_full_texts": self.include_full_texts,
            "figures": list(self.figures),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportOptions:
        """Tolerant reader: a hand-edited or older settings value never stops the dialog from
        opening; anything unusable takes its default."""

        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        def optional_int(key: str) -> int | None:
            value = data.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        language = data.get("language")
        kind = data.get("scope")
        ids = data.get("document_ids")
        sections = data.get("sections")
        status = data.get("filter_status")
        figures = data.get("figures")
        return cls(
            title=text("title"),
            author=text("author"),
            date=text("date"),
            marking=text("marking"),
            language=cast(Language, language) if language in LANGUAGES else "ar",
            scope=ReportScope(
                kind=cast(ScopeKind, kind) if kind in SCOPES else "project",
                document_ids=tuple(i for i in ids if isinstance(i, int))
                if isinstance(ids, list)
                else (),
                filter=ReportFilter(
                    optional_int("filter_label"),
                    optional_int("filter_entity"),
                    status if isinstance(status, str) and status else None,
                ),
            ),
            sections=tuple(dict.fromkeys(cast(SectionId, s) for s in sections if s in SECTIONS))
            if isinstance(sections, list)
            else SECTIONS,
            summary=text("summary"),
            include_full_texts=data.get("include_full_texts") is True,
            figures=tuple(dict.fromkeys(cast(FigureId, f) for f in figures if f in FIGURES))
            if isinstance(figures, list)
            else (),
        )


# --- the report -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Source:
    number: int  # the citation number, [n]
    document_id: int
    title: str
    outlet: str
    url: str
    author: str
    published: str | None
    language: str
    direction: str


@dataclass(frozen=True, slots=True)
class ClaimItem:
    claim_id: int
    number: int  # row number in the claims table, "#3"
    summary: str
    quote: str
    claimant: str
    stance: str
    status: str
    grade: str  # "B2", "B?", "?3" or "" when not assessed
    date: str
    citation: int
    document_id: int
    subjects: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    left: ClaimItem
    right: ClaimItem


@dataclass(frozen=True, slots=True)
class Excerpt:
    annotation_id: int
    document_id: int
    citation: int
    quote: str
    label: str
    label_kind: str
    color: str
    entity: str
    note: str
    author: str
    orphaned: bool


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    color: str


@dataclass(frozen=True, slots=True)
class FullText:
    source: Source
    text: str
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    key: str  # a SectionId or "texts"
    heading: str
    count: int
    count_label: str

    def line(self) -> str:
        """ "Key claims — 7 claims" / "الادعاءات الرئيسية — عدد الادعاءات: 7"."""
        if "|" in self.count_label:
            singular, plural = self.count_label.split("|", 1)
            return f"{self.heading} — {self.count} {singular if self.count == 1 else plural}"
        return f"{self.heading} — {self.count_label}: {self.count}"


@dataclass(frozen=True, slots=True)
class Report:
    options: ReportOptions
    title: str
    date: str
    marking: str
    scope_label: str
    sources: tuple[Source, ...]
    claims: tuple[ClaimItem, ...]
    contradictions: tuple[Contradiction, ...]
    entities: tuple[EntityRecord, ...]
    excerpts: tuple[Excerpt, ...]
    texts: tuple[FullText, ...]

    @property
    def language(self) -> Language:
        return self.options.language

    def summary_paragraphs(self) -> list[str]:
        """The analyst's summary split at blank lines; single newlines stay inside."""
        blocks = self.options.summary.replace("\r\n", "\n").split("\n\n")
        return [block.strip() for block in blocks if block.strip()]

    def counts(self) -> dict[str, int]:
        return {
            "summary": len(self.summary_paragraphs()),
            "claims": len(self.claims),
            "contradictions": len(self.contradictions),
            "entities": len(self.entities),
            "excerpts": len(self.excerpts),
            "sources": len(self.sources),
            # Every article of the scope gets its full text; a preview built without the
            # texts (they are only read when writing) still counts them.
            "texts": len(self.sources) if self.options.include_full_texts else 0,
            "figures": len(self.options.figures),
        }

    def body_keys(self, figures: bool | None = None) -> list[str]:
        """The briefing's sections in the order it is written, the figures among them: just
        after the summary (first when there is none), before the claims. A reader takes in
        the picture — who is named with whom, when the claims were made — before the claims
        one by one; after the sources (the reference list) they came when the reading was
        over (issue 16). ``figures``: whether there are figures (default: whether the options
        ask for them; the writer knows which were drawn)."""
        keys: list[str] = list(self.options.sections)
        if self.options.figures if figures is None else figures:
            at = keys.index("summary") + 1 if "summary" in keys else 0
            keys.insert(at, "figures")
        return keys

    def outline(self) -> list[OutlineEntry]:
        """The section headings in report order with their counts, for the preview."""
        counts = self.counts()
        keys = self.body_keys()
        if self.options.include_full_texts:
            keys.append("texts")
        return [
            OutlineEntry(
                key,
                tr(f"section.{key}", self.language),
                counts[key],
                tr(f"count.{key}", self.language),
            )
            for key in keys
        ]


# --- building ---------------------------------------------------------------------------------
grade = admiralty_grade
"""The claim's grade (:func:`desktop.core.values.admiralty_grade`), as the CSV export names it."""


def _scope_documents(
    queries: ReportQueries, scope: ReportScope
) -> tuple[list[SourceRecord], ReportFilter]:
    if scope.kind == "project":
        return queries.documents(), ReportFilter()
    if scope.kind in ("current", "selected"):
        if not scope.document_ids:
            raise HamishError("Choose at least one article for the report.")
        ids = scope.document_ids[:1] if scope.kind == "current" else scope.document_ids
        return queries.documents(list(ids)), ReportFilter()
    if not scope.filter:
        raise HamishError("Choose a label, an entity or a claim status for the filter.")
    f = scope.filter
    ids = tuple(
        queries.matching_documents(
            label_id=f.label_id, entity_id=f.entity_id, claim_status=f.claim_status
        )
    )
    return queries.documents(list(ids)), f


@dataclass(frozen=True, slots=True)
class FigureScope:
    """What a briefing's figures are drawn from: its articles (None: the whole project) and
    the claim status its filter keeps (None: any). A briefing about three articles drew the
    whole project's network and timeline (found by a trial)."""

    documents: frozenset[int] | None = None
    claim_status: str | None = None

    @property
    def whole(self) -> bool:
        return self.documents is None and self.claim_status is None

    def articles(self) -> frozenset[int] | None:
        """``documents`` as the figures' filters take them: they read an empty set as "every
        article", so none at all is the id no article has (0)."""
        if self.documents is None:
            return None
        return self.documents or frozenset({0})


def figure_scope(project: Project, scope: ReportScope) -> FigureScope:
    """The articles (and claim status) of ``scope``, as its report finds them."""
    if scope.kind == "project":
        return FigureScope()
    records, found = _scope_documents(ReportQueries(project.database), scope)
    return FigureScope(frozenset(r.id for r in records), found.claim_status)


def _scope_label(project: Project, options: ReportOptions, sources: list[Source]) -> str:
    language = options.language
    scope = options.scope
    if scope.kind == "current" and sources:
        return f"{tr('scope.current', language)}: {sources[0].title}"
    if scope.kind != "filter":
        return tr(f"scope.{scope.kind}", language)
    parts = []
    f = scope.filter
    if f.label_id is not None:
        label = project.labels.get(f.label_id)
        parts.append(f"{tr('filter.label', language)} {_shown(label.name(language))}")
    if f.entity_id is not None:
        entity = project.entities.get(f.entity_id)
        parts.append(f"{tr('filter.entity', language)} {_reference(entity.name)}")
    if f.claim_status is not None:
        status = tr_or(f"status.{f.claim_status}", language, f.claim_status)
        parts.append(f"{tr('filter.status', language)} {status}")
    separator = "، " if language == "ar" else ", "
    return f"{tr('scope.filter', language)}: {separator.join(parts)}"


def _keep_claim(record: ClaimRecord, f: ReportFilter) -> bool:
    if f.claim_status is not None and record.claim.status != f.claim_status:
        return False
    return f.entity_id is None or (
        record.claim.claimant_id == f.entity_id or f.entity_id in record.claim.subjects
    )


def _keep_excerpt(record: AnnotationRecord, f: ReportFilter, claim_annotations: set[int]) -> bool:
    a = record.annotation
    if f.label_id is not None or f.entity_id is not None:
        if f.label_id is not None and a.label_id != f.label_id:
            return False
        return f.entity_id is None or a.entity_id == f.entity_id or a.id in claim_annotations
    if record.label.kind == "claim":
        return a.id in claim_annotations
    return record.label.kind == "note" or bool(a.note.strip())


def _shown(text: str) -> str:
    """What the analyst wrote, as the briefing prints it: without the bidi embeddings,
    overrides and isolates that would make it read otherwise than it is stored."""
    return without_bidi_formatting(text)


def _reference(name: str) -> str:
    """A name printed where it refers to an entity (a claim row, an "about:" line, the
    aliases): shortened, so a name of thousands of characters does not fill pages."""
    return shortened(without_bidi_formatting(name), REFERENCE_LENGTH)


REFERENCE_LENGTH = 80


def build_report(
    project: Project,
    options: ReportOptions,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    steps: Steps | None = None,
) -> Report:
    """Gather the report. ``cancelled`` is asked between sections and articles; when it says
    yes, :class:`~desktop.io.exporters.progress.ExportCancelled` is raised."""
    steps = steps or Steps(progress, cancelled)
    language = options.language
    options = replace(
        options,
        title=_shown(options.title),
        author=_shown(options.author),
        marking=_shown(options.marking),
        summary=_shown(options.summary),
    )
    queries = ReportQueries(project.database)
    steps.grow(5)
    steps.check()
    records, f = _scope_documents(queries, options.scope)
    sources = [
        Source(
            n,
            r.id,
            _shown(r.title),
            _shown(r.source),
            r.url,
            _shown(r.author),
            r.published,
            r.language,
            r.direction,
        )
        for n, r in enumerate(records, start=1)
    ]
    citation = {s.document_id: s.number for s in sources}
    published = {s.document_id: s.published or "" for s in sources}
    ids = [s.document_id for s in sources]
    if options.include_full_texts:
        steps.grow(len(sources))
    steps.advance("articles")

    claim_records = [r for r in queries.claims(ids) if _keep_claim(r, f)] if ids else []
    claims = tuple(
        ClaimItem(
            claim_id=r.claim.id,
            number=n,
            summary=_shown(r.claim.summary),
            quote=_shown(r.quote),
            claimant=_reference(r.claimant),
            # Every field printed, without bidi controls: a stored date of "\u202e2024" went
            # into the briefing as it was (a hand-made project), and read otherwise there.
            stance=_shown(r.claim.stance),
            status=_shown(r.claim.status),
            grade=_shown(grade(r.claim.reliability, r.claim.credibility)),
            date=_shown(r.claim.claimed_on or published.get(r.document_id, "")),
            citation=citation[r.document_id],
            document_id=r.document_id,
            subjects=tuple(_reference(name) for name in r.subject_names),
        )
        for n, r in enumerate(claim_records, start=1)
    )
    steps.advance("claims")

    by_id = {c.claim_id: c for c in claims}
    pairs = queries.contradictions(ids) if ids else []
    contradictions = tuple(
        Contradiction(by_id[a], by_id[b]) for a, b in pairs if a in by_id and b in by_id
    )
    steps.advance("contradictions")

    # The one place a name is printed whole (though never with bidi controls); its aliases
    # are references like the names in claim rows.
    entities = tuple(
        replace(
            e,
            name=_shown(e.name),
            description=_shown(e.description),
            aliases=tuple(_reference(alias) for alias in e.aliases),
        )
        for e in (queries.entities(ids) if ids else ())
    )
    steps.advance("entities")

    annotation_records = queries.annotations(ids) if ids else []
    # Grouped by article in reading order (the order of the sources), text order inside.
    annotation_records.sort(key=lambda r: citation[r.annotation.document_id])
    claim_annotations = {r.claim.annotation_id for r in claim_records}
    excerpts = tuple(
        Excerpt(
            annotation_id=r.annotation.id,
            document_id=r.annotation.document_id,
            citation=citation[r.annotation.document_id],
            quote=_shown(r.annotation.quote),
            label=_shown(r.label.name(language)),
            label_kind=r.label.kind,
            color=r.label.color,
            entity=_reference(r.entity_name),
            note=_shown(r.annotation.note),
            author=_shown(r.annotation.author),
            orphaned=r.annotation.anchor == "orphaned",
        )
        for r in annotation_records
        if _keep_excerpt(r, f, claim_annotations)
    )
    steps.advance("excerpts")

    texts: list[FullText] = []
    if options.include_full_texts:
        spans: dict[int, list[Highlight]] = {}
        for r in annotation_records:
            if r.annotation.anchor != "orphaned":
                spans.setdefault(r.annotation.document_id, []).append(
                    Highlight(r.annotation.start, r.annotation.end, r.label.color)
                )
        for source in sources:
            texts.append(
                FullText(
                    source,
                    queries.text(source.document_id),
                    tuple(spans.get(source.document_id, ())),
                )
            )
            steps.advance(source.title)

    return Report(
        options=options,
        title=options.title.strip() or tr("default_title", language),
        date=options.date.strip() or dt.date.today().isoformat(),
        marking=options.marking.strip() or tr("default_marking", language),
        scope_label=_scope_label(project, options, sources),
        sources=tuple(sources),
        claims=claims,
        contradictions=contradictions,
        entities=entities,
        excerpts=excerpts,
        texts=tuple(texts),
    )


def majority_language(project: Project, document_ids: list[int] | None = None) -> Language:
    """Arabic headings when most of the articles are Arabic (ties go to Arabic): the default
    report language for the command line."""
    records = ReportQueries(project.database).documents(document_ids)
    arabic = sum(1 for r in records if r.language == "ar" or r.direction == "rtl")
    return "ar" if arabic * 2 >= len(records) else "en"
