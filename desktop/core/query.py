"""The search query language, turned into an SQLite FTS5 MATCH expression and into patterns that
find the same matches in a folded article so they can be highlighted.

Why a parser of our own rather than handing the analyst's text to FTS5: FTS5's syntax errors
are cryptic ("fts5: syntax error near …"), its barewords reject most punctuation, and above all
it knows nothing about Arabic. The index holds :func:`desktop.core.arabic.fold` of each article
(so harakat, tatweel, hamza seats, ة/ه and Latin case are already gone), and Arabic glues
proclitics to the next word: و "and", ف "so", ب "with", ك "like", ل "for", in combinations
(وب، ول، فل …), and ل + ال is written لل. A query word W therefore has to match the whole
tokens W, وW, بW, وبW … and, when W starts with ال, also للW' (W' = W without ال) besides لW,
since a folded ال may be a hamzated alef (ألمانيا folds to المانيا, لألمانيا to لالمانيا). The forms
are listed explicitly as whole tokens, so a match never starts inside another word.

The article ال is added only to a word the caller says is no name (``parse``'s ``names``): a
common noun is searched with and without it (أسلحة finds الأسلحة, محادثات المحادثات — a
trial's analyst found nothing for أسلحة in an article that says الأسلحة ten times), but a name
is searched as written: ``سورية`` does not match ``السورية`` (the adjective, "Syrian"), كمال
not الكمال.

Grammar (operators are upper-case Latin, as in FTS5 and web search engines, so the ordinary
words "and"/"or" and every Arabic word stay searchable)::

    query   := or
    or      := and ("OR" and)*
    and     := not (["AND"] not)*          -- juxtaposition is AND
    not     := primary ("NOT" primary)*    -- "a NOT b": a without b; NOT is never unary
    primary := WORD ["*"] | '"' words '"' ["*"] | "(" or ")"

A word that folds to several tokens (``Russia-Now.com``) is searched as a phrase, the way FTS5
tokenises it. Everything here is pure Python: no SQL, no Qt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

from desktop.core.arabic import ARTICLE, LAM, LAM_CLITICS, PROCLITICS, fold
from desktop.core.errors import HamishError

__all__ = [
    "PROCLITICS",
    "Query",
    "QueryError",
    "Term",
    "definite_stems",
    "find_spans",
    "name_within",
    "parse",
    "proclitic_forms",
    "term_spans",
    "tokens_of",
]


class QueryError(HamishError):
    """The search text cannot be understood; the message says what to change."""


# PROCLITICS (defined in desktop.core.arabic, re-exported here) are the 12 prefixes a query
# word is expanded with, "" first; LAM_CLITICS are those written لل before ال.

# A token is a run of letters and digits: the characters FTS5's unicode61 tokenizer keeps
# (categories L* and N*); everything else separates tokens. ``[^\W_]`` is exactly that set.
_TOKEN_RE = re.compile(r"[^\W_]+")
_T = r"[^\W_]"  # one token character
_SEP = r"[\W_]+"  # what lies between two tokens of a phrase


def tokens_of(text: str) -> list[str]:
    """Split already-folded text into index tokens, the way the FTS5 tokenizer does."""
    return _TOKEN_RE.findall(text)


def _is_arabic_letter(ch: str) -> bool:
    return "\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def proclitic_forms(word: str) -> tuple[tuple[str, str], ...]:
    """The written forms of a folded Arabic word as (proclitic, stem) pairs.

    The stem is what a highlight covers: for ``وكيري`` the stem is ``كيري``; for ``للاسد``
    (ل + الاسد) it is ``لاسد``, the article with its elided alef. Non-Arabic words (Latin,
    digits) take no Arabic proclitics and have the single form ``("", word)``.
    """
    if not word or not _is_arabic_letter(word[0]):
        return (("", word),)
    forms = [(clitic, word) for clitic in PROCLITICS]
    if word.startswith(ARTICLE) and len(word) > len(ARTICLE):
        # ل + الاسد is spelt للاسد, so the contracted forms are added. The uncontracted ones
        # are kept: folding turns أ/إ into ا, so ألمانيا looks like it has the article and
        # لألمانيا is a real ل + word. لالاسد is never written, so its extra term costs nothing.
        forms += [(clitic, LAM + word[len(ARTICLE) :]) for clitic in LAM_CLITICS]
    return tuple(forms)


DEFINITE_MIN = 3
"""Letters a word needs before the article is added to it: short words are particles and
pronouns (من، عن، هو), whose forms with ال are other words."""


def definite_stems(word: str, names: Container[str]) -> tuple[str, ...]:
    """The form with the article ال that a folded query word also stands for: ``ال`` + the
    word, for a common noun of at least :data:`DEFINITE_MIN` letters (not in ``names``).
    Empty for a name, a word that already begins with ال, or a non-Arabic word. A word that
    begins with letters that could be a proclitic and the article is not cut there: والدين
    is "parents" (الوالدين) far more often than "and the religion" (الدين), للجنة "for the
    committee" is ل + اللجنة, not الجنة "paradise" (an attacker's finds)."""
    if not word or not _is_arabic_letter(word[0]):
        return ()
    if word.startswith(ARTICLE) or len(word) < DEFINITE_MIN or word in names:
        return ()
    return (ARTICLE + word,)


def _fts_string(tokens: Iterable[str]) -> str:
    # Tokens only hold letters and digits, so quoting never needs escaping; quoting every
    # string keeps words like "AND" or "NEAR" from being read as FTS5 keywords.
    return '"' + " ".join(tokens) + '"'


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to find: folded tokens, a prefix flag for the last token, and whether
    the first token may carry proclitics (only Arabic words do). ``definite``: the same tokens
    with the article (:func:`definite_stems`, one per token: أسلحة كيميائية → الاسلحه
    الكيميائيه, the adjective agreeing), also searched; empty when the term is a name or
    already has it."""

    tokens: tuple[str, ...]
    prefix: bool = False
    definite: tuple[str, ...] = ()

    def _readings(self) -> tuple[tuple[str, ...], ...]:
        return (self.tokens, self.definite) if self.definite else (self.tokens,)

    @property
    def forms(self) -> tuple[tuple[str, str], ...]:
        """The written forms of the first token as (proclitic, stem) pairs, the article's
        after the word's own."""
        forms: dict[tuple[str, str], None] = {}
        for reading in self._readings():
            forms.update(dict.fromkeys(proclitic_forms(reading[0])))
        return tuple(forms)

    def fts(self) -> str:
        """FTS5 expression: one quoted string per written form of the first token."""
        star = "*" if self.prefix else ""
        parts = [
            _fts_string((clitic + stem, *reading[1:])) + star
            for reading in self._readings()
            for clitic, stem in proclitic_forms(reading[0])
        ]
        parts = list(dict.fromkeys(parts))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def patterns(self) -> list[re.Pattern[str]]:
        """Regexes over folded text whose group ``hit`` is the span to highlight.

        Same forms as :meth:`fts`, anchored at token boundaries, so what is highlighted is what
        the index matched. The proclitic is left outside the highlight: selecting ``كيري`` in
        ``وكيري`` is what an analyst tags as a person; the article is inside it.
        """
        end = _T + "*" if self.prefix else f"(?!{_T})"
        by_stem: dict[tuple[str, str], list[str]] = {}
        for reading in self._readings():
            tail = "".join(_SEP + re.escape(token) for token in reading[1:])
            for clitic, stem in proclitic_forms(reading[0]):
                clitics = by_stem.setdefault((stem, tail), [])
                if clitic not in clitics:
                    clitics.append(clitic)
        compiled = []
        for (stem, tail), clitics in by_stem.items():
            options = "|".join(re.escape(c) for c in sorted(clitics, key=len, reverse=True))
            compiled.append(
                re.compile(f"(?<!{_T})(?:{options})(?P<hit>{re.escape(stem)}{tail}{end})")
            )
        return compiled


# --- syntax tree ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Leaf:
    term: Term


@dataclass(frozen=True, slots=True)
class _Op:
    op: str  # "AND", "OR", "NOT"
    items: tuple[_Node, ...]


_Node = _Leaf | _Op


def _render(node: _Node) -> str:
    if isinstance(node, _Leaf):
        return node.term.fts()
    return "(" + f" {node.op} ".join(_render(item) for item in node.items) + ")"


def _positive_terms(node: _Node) -> Iterator[Term]:
    """Terms that make a document match; those after NOT are never highlighted."""
    if isinstance(node, _Leaf):
        yield node.term
    elif node.op == "NOT":
        yield from _positive_terms(node.items[0])
    else:
        for item in node.items:
            yield from _positive_terms(item)


# --- lexer ------------------------------------------------------------------------------------

_OPERATORS = frozenset({"AND", "OR", "NOT"})
_LEX_RE = re.compile(r'\s+|"(?P<phrase>[^"]*)(?P<closed>"?)|(?P<paren>[()])|(?P<word>[^\s"()]+)')


@dataclass(frozen=True, slots=True)
class _Lexeme:
    kind: str  # "op", "(", ")", "term"
    value: str = ""  # an operator's name; for a term, the word when it is a bare و
    term: Term | None = None


def _term_of(raw: str, *, prefix: bool, names: Container[str] | None) -> Term | None:
    tokens = tuple(tokens_of(fold(raw)))
    if not tokens:
        return None  # punctuation only: ignored, as FTS5 would
    if names is None:
        return Term(tokens, prefix)
    if not (prefix and len(tokens) == 1):
        tokens = (name_within(tokens[0], names), *tokens[1:])
    definite = tuple(next(iter(definite_stems(token, names)), token) for token in tokens)
    return Term(tokens, prefix, () if definite[0] == tokens[0] else definite)


_GROUPS_LONGEST_FIRST = sorted(PROCLITICS[1:], key=len, reverse=True)


def name_within(word: str, names: Container[str]) -> str:
    """The name a folded query word holds behind its proclitics (وكيري → كيري, when كيري is a
    name of ``names``), else the word: it is searched with every proclitic anyway, so وكيري
    finds كيري written alone (a trial: وكيري found 2 articles, كيري 4). Only for a known
    name: وليد is not و + ليد, والي not و + الي (إلى)."""
    if word in names or not word or not _is_arabic_letter(word[0]):
        return word
    for clitic in _GROUPS_LONGEST_FIRST:
        rest = word[len(clitic) :]
        if word.startswith(clitic) and len(rest) >= 2 and rest in names:
            return rest
    return word


def _lex(text: str, type_ahead: bool, names: Container[str] | None) -> list[_Lexeme]:
    lexemes: list[_Lexeme] = []
    last_word_open = type_ahead and bool(text) and not text[-1].isspace()
    for match in _LEX_RE.finditer(text):
        if match.group("paren"):
            lexemes.append(_Lexeme(match.group("paren")))
        elif match.group("phrase") is not None:
            if not match.group("closed"):
                if type_ahead:  # still being typed: search what is there so far
                    term = _term_of(match.group("phrase"), prefix=True, names=names)
                    if term is not None:
                        lexemes.append(_Lexeme("term", term=term))
                    continue
                raise QueryError(
                    'A quotation mark is not closed: put a " after the phrase, or remove it.'
                )
            star = text.startswith("*", match.end())
            term = _term_of(match.group("phrase"), prefix=star, names=names)
            if term is not None:
                lexemes.append(_Lexeme("term", term=term))
        elif match.group("word"):
            word = match.group("word")
            if word in _OPERATORS:
                lexemes.append(_Lexeme("op", word))
                continue
            if word.startswith("*") and match.start() > 0 and text[match.start() - 1] == '"':
                word = word[1:]  # the * of a phrase written "…"*, already applied to it
            at_end = match.end() == len(text)
            prefix = word.endswith("*") or (at_end and last_word_open)
            term = _term_of(word, prefix=prefix, names=names)
            if term is not None:
                lexemes.append(_Lexeme("term", word if term.tokens == _AND_WORD else "", term))
    return _without_and_words(lexemes)


_AND_WORD = ("و",)
"""و "and" written apart (``بوتين و كيري``): two words side by side are already searched
together, and the letter alone as a word is not what the analyst wants found — a trial's
``بوتين و كيري`` found one article where ``بوتين كيري`` found four."""


def _without_and_words(lexemes: list[_Lexeme]) -> list[_Lexeme]:
    """``lexemes`` without each bare و that stands between two things searched together (a
    word or a bracket on each side); alone, or beside an operator, it is a word like any."""
    kept: list[_Lexeme] = []
    for index, lexeme in enumerate(lexemes):
        if lexeme.kind == "term" and lexeme.value and 0 < index < len(lexemes) - 1:
            before, after = kept[-1] if kept else None, lexemes[index + 1]
            if before is not None and before.kind in ("term", ")") and after.kind in ("term", "("):
                continue
        kept.append(lexeme)
    return kept


# --- parser -----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, lexemes: list[_Lexeme]) -> None:
        self.lexemes = lexemes
        self.pos = 0

    def peek(self) -> _Lexeme | None:
        return self.lexemes[self.pos] if self.pos < len(self.lexemes) else None

    def take(self) -> _Lexeme:
        lexeme = self.lexemes[self.pos]
        self.pos += 1
        return lexeme

    def parse(self) -> _Node:
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            # Only a stray ")" can stop the loops early.
            raise QueryError("A closing parenthesis has no opening one: remove the extra ')'.")
        return node

    def parse_or(self) -> _Node:
        items = [self.parse_and()]
        while (lexeme := self.peek()) is not None and lexeme.kind == "op" and lexeme.value == "OR":
            self.take()
            items.append(self.parse_and("OR"))
        items = list(dict.fromkeys(items))  # "a OR a" is a: each phrase read once
        return items[0] if len(items) == 1 else _Op("OR", tuple(items))

    def parse_and(self, after: str | None = None) -> _Node:
        items = [self.parse_not(after)]
        while (lexeme := self.peek()) is not None and lexeme.kind != ")":
            if lexeme.kind == "op" and lexeme.value == "OR":
                break
            if lexeme.kind == "op" and lexeme.value == "AND":
                self.take()
                following = self.peek()
                if following is not None and following.kind == "op" and following.value == "NOT":
                    # "a AND NOT b" is the same as "a NOT b"
                    self.take()
                    items[-1] = _Op("NOT", (items[-1], self.parse_primary("NOT")))
                    continue
                items.append(self.parse_not("AND"))
            else:
                items.append(self.parse_not())
        items = list(dict.fromkeys(items))  # "a a" is a
        return items[0] if len(items) == 1 else _Op("AND", tuple(items))

    def parse_not(self, after: str | None = None) -> _Node:
        node = self.parse_primary(after)
        while (lexeme := self.peek()) is not None and lexeme.kind == "op" and lexeme.value == "NOT":
            self.take()
            node = _Op("NOT", (node, self.parse_primary("NOT")))
        return node

    def parse_primary(self, after: str | None = None) -> _Node:
        lexeme = self.peek()
        if lexeme is None:
            if after is None:
                raise QueryError("The search has no words: type a word or a phrase.")
            raise QueryError(f"{after} must be followed by a word, a phrase or a parenthesis.")
        if lexeme.kind == "op":
            if after is not None:
                raise QueryError(f"{after} cannot be followed by {lexeme.value}.")
            if lexeme.value == "NOT":
                raise QueryError(
                    "NOT needs a word before it: write what to find, then NOT and what to "
                    "leave out (كيري NOT لافروف)."
                )
            raise QueryError(f"{lexeme.value} needs a word on each side.")
        if lexeme.kind == ")":
            if after is not None:
                raise QueryError(f"{after} must be followed by a word, a phrase or a parenthesis.")
            raise QueryError("Empty parentheses, or a ')' without '(': put words inside them.")
        self.take()
        if lexeme.kind == "(":
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise QueryError("Empty parentheses: put words inside them, or remove them.")
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QueryError("A parenthesis is not closed: add the missing ')'.")
            self.take()
            return node
        assert lexeme.term is not None
        return _Leaf(lexeme.term)


@dataclass(frozen=True)
class Query:
    """A parsed query: the analyst's text, the FTS5 MATCH expression, and the folded terms to
    highlight (those under NOT excluded)."""

    text: str
    fts: str
    terms: tuple[Term, ...]

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Matches of the terms in folded text, sorted and merged (see :func:`find_spans`)."""
        return find_spans(folded, self.terms)


MAX_TERMS = 24
"""Different words and phrases a search may hold. Each stands for two dozen written forms
(proclitics, the article), each a phrase the index reads and a stem the highlights look for:
360 words pasted into the box (an attack on the 2,000 characters allowed) kept the search
busy for 88 s over 300 articles of 100 kB; repeated words are read once (``a a`` is ``a``),
and 24 different words take 0.5 s there (:func:`find_spans`)."""

MAX_DEPTH = 100
"""Parentheses nested deeper than this are refused: the parser recurses a few frames per level,
and a thousand ``(`` (the length limit allows it) ran out of Python's stack."""


def parse(text: str, *, type_ahead: bool = False, names: Container[str] | None = None) -> Query:
    """Parse the analyst's query; raise :class:`QueryError` with a readable reason if it is
    malformed (empty, unbalanced quote or parenthesis, NOT without a left side…).

    ``type_ahead``: the text is still being typed (a filter box): the last word, if nothing
    follows it, is a prefix, and an unclosed quote is taken as closed. ``names``: folded
    words that are names (the gazetteer's, given names, the project's entities); every other
    Arabic word is also searched with the article ال (:func:`definite_stems`), and a word
    that is a name behind its proclitics is searched as the name (:func:`name_within`).
    None: neither.
    """
    if len(text) > 2000:
        raise QueryError("The search is too long: keep it under 2,000 characters.")
    lexemes = _lex(text, type_ahead, names)
    depth = 0
    for lexeme in lexemes:
        if lexeme.kind == "(":
            depth += 1
            if depth > MAX_DEPTH:  # the parser recurses once per level
                raise QueryError(
                    f"The search nests parentheses too deeply: use at most {MAX_DEPTH} levels."
                )
        elif lexeme.kind == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("A closing parenthesis has no opening one: remove the extra ')'.")
    if depth > 0:
        if type_ahead:
            lexemes.extend(_Lexeme(")") for _ in range(depth))
        else:
            raise QueryError("A parenthesis is not closed: add the missing ')'.")
    if not any(lexeme.kind == "term" for lexeme in lexemes):
        raise QueryError("The search has no words: type a word or a phrase.")
    tree = _Parser(lexemes).parse()
    terms = tuple(dict.fromkeys(_positive_terms(tree)))
    words = len({term for lexeme in lexemes if (term := lexeme.term) is not None})
    if words > MAX_TERMS:
        raise QueryError(
            f"The search has {words} different words or phrases: use at most {MAX_TERMS}."
        )
    return Query(text, _render(tree), terms)


def _spans(folded: str, patterns: Iterable[re.Pattern[str]]) -> list[tuple[int, int]]:
    """The spans ``patterns`` (:meth:`Term.patterns`) find, merged: what
    :func:`find_spans` finds faster."""
    found: list[tuple[int, int]] = []
    for pattern in patterns:
        found.extend(match.span("hit") for match in pattern.finditer(folded))
    return _merged(found)


def _merged(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def find_spans(folded: str, terms: Iterable[Term]) -> list[tuple[int, int]]:
    """Spans of ``folded`` (text from :func:`desktop.core.arabic.fold`) matching any term,
    sorted and with overlaps merged; map them to the raw text with ``Normalised.to_raw``.

    The same spans as :meth:`Term.patterns` find (``_spans``, kept as the reference the tests
    compare with), found faster: each written stem is searched for as a literal, which the
    regex engine skips to, and only where it occurs are the letters before it checked to be
    a whole proclitic group from the start of the word. A pattern that begins with the
    boundary check and the dozen proclitics is tried at every character: the highlights of
    a search of 24 words took 7 of its 9 s over fifty 100 kB articles (an attacker)."""
    return _merged([span for term in terms for span in term_spans(folded, term)])


def term_spans(folded: str, term: Term) -> Iterator[tuple[int, int]]:
    """The spans of ``folded`` that ``term`` matches, each written stem's in text order, not
    merged (:func:`find_spans` merges them; the article's find bar keeps the first of two
    that overlap)."""
    for finder, clitics, longest in _finders(term):
        search = finder.search
        at = 0
        while (match := search(folded, at)) is not None:
            start = match.start()
            word = start
            while word > 0 and start - word <= longest and folded[word - 1].isalnum():
                word -= 1
            if (word == 0 or not folded[word - 1].isalnum()) and folded[word:start] in clitics:
                yield match.span()
                at = match.end()
            else:
                at = start + 1


@functools.lru_cache(maxsize=512)
def _finders(term: Term) -> tuple[tuple[re.Pattern[str], frozenset[str], int], ...]:
    """For each written stem of ``term`` (and what follows it): a pattern that finds it as
    a literal, the proclitic groups allowed before it, and the longest of them."""
    end = _T + "*" if term.prefix else f"(?!{_T})"
    by_stem: dict[tuple[str, str], set[str]] = {}
    for reading in term._readings():
        tail = "".join(_SEP + re.escape(token) for token in reading[1:])
        for clitic, stem in proclitic_forms(reading[0]):
            by_stem.setdefault((stem, tail), set()).add(clitic)
    return tuple(
        (re.compile(f"{re.escape(stem)}{tail}{end}"), frozenset(clitics), max(map(len, clitics)))
        for (stem, tail), clitics in by_stem.items()
    )
