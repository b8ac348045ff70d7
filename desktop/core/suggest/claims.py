"""Rule 3 of the suggestions: claims after reporting verbs, and their claimants.

:func:`_clauses` finds the reporting verbs outside quotations and opens a clause
(:class:`_Clause`) at each: its claimant is the subject after the verb
(:func:`_subject_after`) or the noun phrase before it (:func:`_subject_before`), else the
sentence's named actor or the previous claimant; :func:`_find_marker` finds where the reported
content starts (a complementiser, a colon or a quotation). :func:`_claim_spans` turns the
clauses into passages (trimmed, cut where the narrative resumes) and adds the sentences
attributed with ``بحسب/وفق X،`` (:func:`_attributed_sentences`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress

from desktop.core.arabic import LAM, fold
from desktop.core.suggest.lexicon import (
    _AN,
    _ATTRIBUTION,
    _COMPLEMENTISERS,
    _CONJUNCTIVE,
    _FI,
    _INNA,
    _KAMA,
    _KANA,
    _KULL,
    _LOOKBACK_TRIGGERS,
    _MIN,
    _NARRATIVE_RESUMES,
    _QAD,
    _TITLE_FORMS,
    _UNMARKED_LEADS,
    _UNMARKED_OK,
    _VERB_FORMS,
    _WASF,
    _WIFQAN,
    _WORK_NOUNS,
    _folded,
)
from desktop.core.suggest.names import _name_after_title, _quoted_name
from desktop.core.suggest.tokens import _QUOTE_CHARS, _Article

_TRIM = " \t\n\r،,.:;؛!?؟-–—"
# Words after a speaker's name that begin what is no longer the name (folded: no hamza).
_AFTER_A_NAME = frozenset(
    [
        "في",
        "من",
        "على",
        "امام",
        "خلال",
        "عن",
        "الى",
        "لدى",
        "بعد",
        "قبل",
        "اثناء",
        "عقب",
        "مساء",
        "صباح",
        "امس",
        "اليوم",
    ]
)
_MARKER_WINDOW = 22
_SHORT_WINDOW = 5
_MAX_SUBJECT = 6


@dataclass(slots=True)
class _Clause:
    verb: int  # token index of the reporting verb
    boundary: int  # token index where the clause starts (for the previous clause's end)
    content: int  # token index after the subject
    claimant: tuple[int, int] | None  # token range of an explicit subject
    speaker: tuple[int, int] | None = None  # folded span of the claimant, own or inherited
    marker: tuple[str, int, int] | None = None  # ("that" | "quote", token, end token)
    passage_end: int | None = None  # folded offset where a quotation passage ends


def _subject_after(art: _Article, verb: int, limit: int) -> tuple[tuple[int, int] | None, int]:
    """(claimant token range or None, first token after the subject) for a finite verb."""
    words = art.words
    j = verb + 1
    if j >= limit:
        return None, j
    # an addressee before the subject-less complement: قال لوسائل الإعلام أن …
    if (
        words[j].startswith("ل")
        and art.is_word(j)
        and words[j] not in art.learnt
        and (words[j][1:] in art.learnt or words[j].startswith("لل") or _definite(art, j + 1))
    ):
        j += 1
        while j < limit and art.is_word(j) and art.article_stem(j) is not None:
            j += 1
    if j + 1 < limit and words[j] == _KULL and words[j + 1] == _MIN:
        j += 2  # واكد كل من بومبيو وجيفري
    if j >= limit or art.is_stop(j):
        return None, j
    word = words[j]
    if word in _QUOTE_CHARS:
        name = _quoted_name(art, j)
        span = art.quote_at(j)
        if name is not None and span is not None:
            after = art.token_at(span[1]) + 1
            if after < limit and art.is_word(after) and words[after] not in _COMPLEMENTISERS:
                return name, after
        return None, j
    if not art.is_word(j):
        return None, j
    if word in _TITLE_FORMS:
        name = _name_after_title(art, j)
        if name is not None:
            return name, name[1] + 1
    first = j
    count = 0
    while j < limit and count < _MAX_SUBJECT:
        word = words[j]
        if not art.is_word(j):
            span = art.quote_at(j) if word in _QUOTE_CHARS else None
            if span is not None and j > first:  # صحيفة “واشنطن بوست”
                close = art.token_at(span[1])
                if close - j <= 4:
                    j = close + 1
                    continue
            break
        if word in _COMPLEMENTISERS or (word != _FI and art.is_stop(j, verbish=False)):
            break
        if j > first and (
            (word.startswith("ل") and word not in art.learnt)
            or word.endswith(("هما", "هم"))
            or (word == _FI and all(words[k] in art.learnt for k in range(first, j)))
        ):
            break
        if word == _FI and j + 1 < limit and art.is_stop(j + 1):
            break
        count += 1
        j += 1
    if j == first:
        return None, j
    return (first, j - 1), j


def _definite(art: _Article, i: int) -> bool:
    return i < len(art.words) and art.is_word(i) and art.article_stem(i) is not None


def _subject_before(art: _Article, verb: int, floor: int) -> tuple[tuple[int, int], int] | None:
    """Subject written before the verb: ``وكان الكرملين أعلن``, ``إلا أن بوتين أوضح``,
    ``وكان رئيس الوزراء الإسرائيلي بنيامين نتنياهو قد أكد``.

    Returns the claimant token range and the token where the clause starts.
    """
    words = art.words
    j = verb - 1
    if j >= floor and words[j] in _QAD:
        j -= 1
    collected: list[int] = []
    while j >= floor:
        word = words[j]
        if word in _LOOKBACK_TRIGGERS:
            if collected and len(collected) <= _MAX_SUBJECT:
                return (collected[-1], collected[0]), j
            if collected:
                return None
            if word in _KANA:
                j -= 1
                continue
            return None
        if not art.is_word(j):
            if word in _QUOTE_CHARS:
                collected.append(j)
                j -= 1
                continue
            break
        if word in _TITLE_FORMS and collected:
            name = _name_after_title(art, j)
            if name is not None and name[1] == collected[0]:
                return name, j
            return None
        if art.is_stop(j) or word in _TITLE_FORMS or len(collected) >= _MAX_SUBJECT + 6:
            return None
        collected.append(j)
        j -= 1
    if collected and j < floor and len(collected) <= _MAX_SUBJECT:
        return (collected[-1], collected[0]), collected[-1]
    return None


def _find_marker(art: _Article, clause: _Clause, limit: int, window: int) -> None:
    """Where the reported content starts: a complementiser, a colon or a quotation.

    The search stops at the next reporting verb (its clause is another claim) and after
    ``window`` tokens: a verb with a subject may be followed by adverbials and an addressee
    (``قال X، في مؤتمر صحافي مشترك مع Y، «…»``), a subject-less one introduces at once.
    A short quotation on the way (``«بي بي سي»``) is a name, not the claim; ``إلا أن`` and
    ``غير أن`` are conjunctions, not complementisers.
    """
    words = art.words
    j = clause.content
    stop = min(limit, j + window)
    first_content = j
    while first_content < stop and words[first_content] in "،,":
        first_content += 1
    while j < stop:
        word = words[j]
        if word in _VERB_FORMS and j != clause.verb:
            return
        if word in _QUOTE_CHARS:
            span = art.quote_at(j)
            if span is not None:
                close = art.token_at(span[1])
                if j == first_content or art.words_between(span[0], span[1]) >= 4:
                    clause.marker = ("quote", j, close)
                    clause.passage_end = span[1]
                    return
                j = close + 1
                continue
        elif (word in _COMPLEMENTISERS and words[j - 1] not in _CONJUNCTIVE) or word == ":":
            after = j + 1
            if after < len(words) and words[after] in _QUOTE_CHARS:
                span = art.quote_at(after)
                if span is not None:
                    clause.marker = ("quote", after, art.token_at(span[1]))
                    clause.passage_end = span[1]
                    return
            clause.marker = ("that", j, after)
            return
        j += 1


def _clauses(art: _Article) -> list[tuple[_Clause, int, int]]:
    """Every reporting clause with its sentence's folded (start, end), in text order."""
    words = art.words
    clauses: list[tuple[_Clause, int, int]] = []
    last_speaker: tuple[int, int] | None = None
    forms = _VERB_FORMS
    # a few in a thousand, found in C (a test per token in Python: 185,000 in a 1 MB article)
    for v in list(compress(range(len(words)), map(forms.__contains__, words))):
        word = words[v]
        verb, kind = forms[word]
        position = art.starts[v]
        if art.in_quote(position):
            continue
        s_start, s_end = art.sentence_bounds(position)
        floor, limit = art.token_at(s_start), art.token_at(s_end)
        prefixed = word[0] in "وف" and word[1:] in _VERB_FORMS
        after_comma = v > floor and words[v - 1] in "،,"
        # بينما أكدت بونينو …، في حين قال …: another speaker's statement, not inside the
        # reported words before it (a new analyst's trial: one claim held both speakers')
        contrast = _contrast_start(words, floor, v)
        if clauses and clauses[-1][2] == s_end:
            previous = clauses[-1][0]
            if previous.passage_end is not None and position < previous.passage_end:
                continue
            if (
                previous.marker is not None
                and previous.marker[0] == "that"
                and not prefixed
                and kind not in ("participle", "pronoun")
                and not after_comma
                and contrast is None
            ):
                continue  # a verb inside reported speech: أن موسكو وواشنطن أكدتا …
        boundary = v if contrast is None else contrast
        claimant: tuple[int, int] | None = None
        content = v + 1
        if kind in ("finite", "noun"):
            before = None if prefixed or kind == "noun" else _subject_before(art, v, floor)
            if before is not None:
                claimant, boundary = before
            else:
                claimant, content = _subject_after(art, v, limit)
                if (
                    claimant is not None
                    and verb == _WASF
                    and not word.endswith(("ه", "ها"))
                    and any(words[k] not in art.learnt for k in range(claimant[0], claimant[1] + 1))
                ):
                    claimant, content = None, v + 1  # وصف X بأنه: X is the object
            if kind == "noun" and (
                claimant is None
                or content >= len(words)
                or (words[content] not in _COMPLEMENTISERS and words[content] != _AN)
            ):
                continue  # إعلان X أن / إعلان X عن …, nothing looser
        if v > floor and words[v - 1] in _KAMA:
            boundary = v - 1
        clause = _Clause(v, boundary, content, claimant)
        if claimant is not None:
            last_speaker = (art.starts[claimant[0]], art.ends[claimant[1]])
        elif kind == "finite" and not (clauses and clauses[-1][2] == s_end):
            # واستقبل الرئيس التونسي قيس سعيد وفدا …، وشدد على …: the sentence's named actor
            named = _last_name_between(art, floor, v)
            if named is not None:
                last_speaker = (art.starts[named[0]], art.ends[named[1]])
        clause.speaker = last_speaker
        window = _MARKER_WINDOW if claimant is not None else _SHORT_WINDOW
        _find_marker(art, clause, limit, window)
        clauses.append((clause, s_start, s_end))
    return clauses


_CONTRASTS = _folded("بينما", "وبينما", "فيما", "وفيما")
_HIN, _FI_HIN = fold("حين"), _folded("في", "وفي")


def _contrast_start(words: list[str], floor: int, v: int) -> int | None:
    """The token a contrastive conjunction right before the verb at ``v`` starts at (بينما،
    فيما، في حين), or None."""
    if v - 1 >= floor and words[v - 1] in _CONTRASTS:
        return v - 1
    if v - 2 >= floor and words[v - 1] == _HIN and words[v - 2] in _FI_HIN:
        return v - 2
    return None


def _last_name_between(art: _Article, first: int, last: int) -> tuple[int, int] | None:
    """The last name found after a title in tokens [first, last), outside quotations."""
    k = bisect_left(art.names, (last, -1)) - 1
    while k >= 0 and art.names[k][0] >= first:
        name = art.names[k]
        if name[1] < last and not art.in_quote(art.starts[name[0]]):
            return name
        k -= 1
    return None


def _trim(art: _Article, start: int, end: int) -> tuple[int, int]:
    folded = art.norm.text
    while start < end and folded[start] in _TRIM:
        start += 1
    while end > start and folded[end - 1] in _TRIM:
        end -= 1
    return start, end


def _narrative_cut(art: _Article, first: int, end: int) -> int:
    """End a reported clause where the narrative visibly resumes (، وكان هناك …): at the
    first comma after four words or more that a resuming word follows.

    Only the commas are looked at, found in C, the words before each counted from the marks'
    offsets (``words_between``): a test per token in Python was 14,000 of them on a 1 MB
    article."""
    words = art.words
    last = art.token_at(end)
    for j in compress(range(first, last), map(_COMMAS.__contains__, words[first:last])):
        if (
            j + 1 < last
            and words[j + 1] in _NARRATIVE_RESUMES
            and art.words_between(art.starts[first], art.starts[j]) >= 4
        ):
            return art.starts[j]
    return end


_COMMAS = frozenset("،,")


def _claim_spans(art: _Article) -> list[tuple[int, int, tuple[int, int] | None, bool]]:
    """(passage start, passage end, claimant span, explicit?) in folded offsets."""
    words = art.words
    clauses = _clauses(art)
    found: list[tuple[int, int, tuple[int, int] | None, bool]] = []
    for k, (clause, s_start, s_end) in enumerate(clauses):
        end = s_end
        if k + 1 < len(clauses) and clauses[k + 1][2] == s_end:
            end = min(end, art.starts[clauses[k + 1][0].boundary])
        if words[clause.boundary] in _KAMA:  # «…»، كما أعلنت موسكو: the claim came first
            if k and clauses[k - 1][2] == s_end:
                continue  # what precedes is already the previous clause's passage
            a, b = _trim(art, s_start, art.starts[clause.boundary])
            if art.words_between(a, b) >= 3:
                found.append((a, b, clause.speaker, clause.claimant is not None))
            continue
        marker = clause.marker
        quoted = _quotation_before(art, clause) if marker is None else None
        if quoted is not None and clause.claimant is not None:  # «…»، قال ميقاتي
            a, b = _trim(art, quoted[0] + 1, quoted[1])
            first, last = clause.claimant
            for k in range(first + 1, last + 1):  # قال ميقاتي في بيروت: the name alone
                if words[k] in _AFTER_A_NAME or not art.is_word(k):
                    last = k - 1
                    break
            if art.words_between(a, b) >= 3:
                found.append((a, b, (art.starts[first], art.ends[last]), True))
            continue
        if marker is not None and marker[0] == "quote":
            open_pos = art.starts[marker[1]] + 1
            close_pos = clause.passage_end if clause.passage_end is not None else end
            a, b = _trim(art, open_pos, close_pos)
        elif marker is not None:
            start = art.ends[marker[1]]
            a, b = _trim(art, start, _narrative_cut(art, art.token_at(start), end))
        else:
            verb, kind = _VERB_FORMS[words[clause.verb]]
            j = clause.content
            while j < len(words) and words[j] in "،,":
                j += 1
            lead = words[j] if j < len(words) else ""
            if verb not in _UNMARKED_OK or (
                kind in ("participle", "noun") and lead not in _UNMARKED_LEADS
            ):
                continue
            if lead in _UNMARKED_LEADS:
                j += 1
            if j >= len(words):
                continue
            start = art.starts[j]
            a, b = _trim(art, start, _narrative_cut(art, j, end))
            if art.words_between(a, b) < 3:
                continue
        if b > a:
            found.append((a, b, clause.speaker, clause.claimant is not None))
    covered = {s_start for _, s_start, _ in clauses}
    found.extend(_attributed_sentences(art, covered))
    return found


def _quotation_before(art: _Article, clause: _Clause) -> tuple[int, int] | None:
    """The quotation just before a clause that names its speaker after the verb and reports
    nothing after it — «لن نترك أهلنا»، قال ميقاتي في بيروت —, as (open, close) folded offsets
    of its marks; None otherwise (a verb after و begins a statement of its own)."""
    words, v = art.words, clause.boundary
    if clause.claimant is None or v < 2 or words[v] not in _VERB_FORMS:
        return None
    if words[v][0] in "وف" and words[v][1:] in _VERB_FORMS:
        return None
    if words[v - 1] not in "،," or words[v - 2] not in _QUOTE_CHARS:
        return None
    close = art.starts[v - 2]
    k = bisect_left(art.quote_starts, close) - 1
    if k >= 0 and art.quotes[k][1] == close:
        opening = art.token_at(art.quotes[k][0])
        floor = art.token_at(art.sentence_bounds(art.quotes[k][0])[0])
        if opening > floor and words[opening - 1] in _WORK_NOUNS:
            # a paper's or a programme's name, not words reported (صحيفة "يو إس إيه توداي"،
            # كشف مسئول بارز …: a new analyst's trial), in the same sentence
            return None
        return art.quotes[k]
    return None


def _attributed_sentences(
    art: _Article, covered: set[int]
) -> list[tuple[int, int, tuple[int, int] | None, bool]]:
    """Sentences without a reporting verb: ``بحسب/وفق X، …`` and long quotations."""
    words = art.words
    found: list[tuple[int, int, tuple[int, int] | None, bool]] = []
    # (found in C: a test per token in Python was 185,000 of them on a 1 MB article)
    for i in list(compress(range(len(words)), map(_ATTRIBUTION.__contains__, words))):
        word = words[i]
        s_start, s_end = art.sentence_bounds(art.starts[i])
        if s_start in covered or art.in_quote(art.starts[i]):
            continue
        j = i + 1
        if word.endswith(_WIFQAN) and j < len(words) and words[j] == LAM:
            j += 1
        first = j
        limit = art.token_at(s_end)
        while j < limit and art.is_word(j) and j - first < _MAX_SUBJECT + 2:
            j += 1
        if j == first or j >= limit or words[j] not in "،,":
            continue
        if j - first == 1 and words[first].endswith(("ه", "ها", "هم")):
            continue  # بحسب تعبيره: refers back to a speaker already attributed
        claimant = (art.starts[first], art.ends[j - 1])
        sentence_first = art.token_at(s_start)
        if i == sentence_first:
            k = j + 1
            if k < limit and words[k] in _INNA:
                k += 1
            a, b = _trim(art, art.starts[k] if k < limit else s_end, s_end)
        else:
            a, b = _trim(art, s_start, s_end)
            if words[sentence_first][0] == "و" and art.starts[sentence_first] == a:
                a += 1
        if art.words_between(a, b) >= 3:
            covered.add(s_start)
            found.append((a, b, claimant, True))
    return found
