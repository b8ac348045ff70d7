"""Full-text search over every article: the SQL behind the search panel, the library filter and
``hamish search``.

The index (schema migration "search") is an FTS5 table over :func:`desktop.core.arabic.fold`
of each document's title, source and text, split into the query parser's tokens
(:func:`index_form`). Why these choices:

* **Folded shadow, not FTS5's own folding.** ``unicode61 remove_diacritics 2`` does not remove
  Arabic harakat (it splits words at them) and keeps tatweel; ``fold`` already handles harakat,
  tatweel, hamza seats, alef and yeh variants, ة/ه, presentation forms and case, and it is the
  same function the highlighter uses, so what is found is what gets highlighted.
* **Contentless** (``content=''``). The folded shadow is derived data, recomputable at any time
  from the raw text, so storing it would only double the size of the project (the raw text is
  already in ``documents``). Matches are located and mapped back to raw offsets with
  :func:`desktop.core.arabic.normalise`, which needs the raw text anyway; ``snippet()`` and
  ``highlight()`` are not used. The price is that FTS5 (before SQLite 3.43) can only delete a
  row from a contentless index when given the exact values that were indexed.
* **Triggers queue, Python folds.** SQL triggers cannot call ``fold`` without a function
  registered on every connection (a project edited with the ``sqlite3`` shell, or by a test,
  would then refuse writes). So triggers on ``documents`` only record in ``search_queue`` which
  rows changed, together with the previously indexed raw values (needed for the contentless
  delete), and :func:`sync_index` folds and applies the queue. ``DocumentStore`` calls it in
  the same transaction as every import, deletion and metadata edit, so the index is in step
  when the transaction commits (and a rollback undoes both); every search also applies the
  queue first, which covers any other writer (a JSON import, an external edit).
* **Versioned.** ``meta.search_index`` records the fold version and the Unicode version the
  index was built with. If either changes, old tokens could no longer be deleted exactly, so
  the index is emptied and rebuilt instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.arabic import Normalised, fold, normalise, pieces_at_spaces
from desktop.core.errors import ProjectError
from desktop.store.db import Database, describe_sqlite_error

if TYPE_CHECKING:  # the query parser loads on the first search, not at start-up
    from desktop.core.query import Query
    from desktop.core.records import DocumentDraft

__all__ = [
    "CLAIM_STATUSES",
    "INDEX_VERSION",
    "Hit",
    "SearchFilters",
    "SearchStore",
    "Snippet",
    "index_form",
    "parse_search",
    "sync_index",
]

INDEX_VERSION = f"fold-2 unicode-{unicodedata.unidata_version}"
"""Bump the fold number whenever :func:`index_form` changes its output (a change of
:func:`desktop.core.arabic.fold` does). 2: the index holds the query parser's tokens."""

CLAIM_STATUSES = ("unverified", "corroborated", "contested", "refuted")
# Title matches count most, then the source, then the body (bm25 column weights).
_RANK = "bm25(search_fts, 8.0, 3.0, 1.0)"
RANK_WINDOW = 5_000
"""At most this many matches are ranked by bm25 (the newest); see :meth:`SearchStore.search`."""
_CHUNK_ROWS = 512
_CHUNK_CHARS = 4_000_000
SNIPPET_CONTEXT = 70
MAX_SNIPPETS = 3


# --- keeping the index in step ----------------------------------------------------------------

_SEPARATORS = re.compile(r"[\W_]+")
"""What lies between two tokens as the query parser sees them (:func:`desktop.core.query.
tokens_of`, not imported here so that indexing does not load the parser): anything but
letters and digits."""


# Characters that FTS5's ``unicode61`` (Unicode 6.1) and the query parser (Python's ``\w``)
# class alike — the letters and digits of ASCII and the Arabic letters of Unicode 1.1 as token
# characters; ASCII punctuation, controls and white space, the Arabic comma, semicolon and
# question mark, guillemets, dashes and curly quotes as separators — and that ``fold`` leaves
# standing. ``tests/store/test_search.py`` checks each against the SQLite in use.
_PLAIN = re.compile(
    "[\x00-\x7f\u0621-\u063a\u0641-\u064a\u060c\u061b\u061f\u00ab\u00bb\u2013\u2014\u2018-\u201d]*"
)


def index_body(folded: str) -> str:
    """What the index is given for an already folded text: its :func:`index_form` tokens.

    A text made only of :data:`_PLAIN` characters (almost every Arabic or English news
    article) is given as it is: FTS5 splits it into exactly the tokens :func:`index_form`
    would leave, and checking that is a tight scan, where replacing every run of separators
    took a fifth of an import's writing (0.3 ms of a short article's 1.5 ms). Tokens are all
    a contentless index keeps, so the two forms index, and delete, alike."""
    if _PLAIN.fullmatch(folded) is not None:
        return folded
    return _SEPARATORS.sub(" ", folded).strip()


def _index_value(text: str) -> str:
    """:func:`index_form` of ``text`` as the index is given it (:func:`index_body`)."""
    if len(text) <= _INDEX_PIECE:
        return index_body(fold(text))
    return index_form(text)


def index_form(text: str) -> str:
    """What the index holds for ``text``: its folded tokens, one space between each.

    Why not the folded text itself: FTS5's ``unicode61`` tokenizer (with the Unicode 6.1
    tables of SQLite) keeps more characters inside a token than the query parser does —
    private-use characters (which PDFs map glyphs to), characters added to Unicode since
    (new Arabic marks and ligatures, U+08CA–U+08E1, U+FD40–U+FD4F), combining marks that
    :func:`fold` does not remove. ``وزير`` + U+E000 was then one token of the index and
    the search ``وزير`` never found it. Spaces at the parser's token boundaries make the
    index split wherever a query splits; a token FTS5 splits further is split the same way
    in the query's quoted strings, so the two still agree. (A substitution rather than a list
    of tokens: a 50 MB article must not become millions of small strings.)

    A long text is folded a piece at a time, cut at white space (which no token holds), so
    the folded copy of a 50 MB article is never held whole beside it."""
    if len(text) <= _INDEX_PIECE:
        return _SEPARATORS.sub(" ", fold(text)).strip()
    parts = (
        _SEPARATORS.sub(" ", fold(piece)).strip() for piece in pieces_at_spaces(text, _INDEX_PIECE)
    )
    return " ".join(part for part in parts if part)


_INDEX_PIECE = 1 << 18  # characters folded and split at a time


def _rebuild_if_stale(conn: sqlite3.Connection) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'search_index'").fetchone()
    if row is not None and row[0] == INDEX_VERSION:
        return
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_queue")
    conn.execute("INSERT INTO search_queue (document_id, indexed) SELECT id, 0 FROM documents")
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)", [INDEX_VERSION]
    )


def sync_index(
    conn: sqlite3.Connection,
    *,
    limit: int | None = None,
    max_chars: int = _CHUNK_CHARS,
    only: Iterable[int] | None = None,
) -> int:
    """Apply the queue of changed documents to the index; returns how many were processed.

    Must run inside the caller's transaction. Works in chunks bounded in rows and characters,
    so a first build over a large project never holds all texts in memory at once.
    ``limit`` stops after at most that many documents and, when given with it, ``max_chars``
    after about that much text (always at least one document), so a large backlog can be worked
    off in short transactions; ``only`` applies just the queued entries of those
    documents, so an edit of one article never waits for a backlog it did not cause.
    """
    _rebuild_if_stale(conn)
    if only is not None:
        wanted = sorted(set(only))
        done = 0
        for start in range(0, len(wanted), _CHUNK_ROWS):
            done += _apply(
                conn,
                "q.document_id IN (SELECT value FROM json_each(?))",
                [json.dumps(wanted[start : start + _CHUNK_ROWS])],
            )
        return done
    done = 0
    after = -(2**63)  # below any id, even one a JSON restore or a script gave explicitly
    chars = 0
    while limit is None or (done < limit and chars < max_chars):
        rows, budget = _CHUNK_ROWS, _CHUNK_CHARS
        if limit is not None:
            rows, budget = min(rows, limit - done), min(budget, max_chars - chars)
        if (chunk := _next_chunk(conn, after, rows, budget)) is None:
            break
        first, last, size = chunk
        done += _apply(conn, "q.document_id BETWEEN ? AND ?", [first, last])
        chars += size
        after = last
    return done


def index_added(
    conn: sqlite3.Connection, document_id: int, title: str, source: str | None, text: str
) -> None:
    """Index the document the caller's transaction has just inserted, from the values in
    hand: reading its text back, as :func:`sync_index` does, would be one more copy of it
    (a 50 MB article is 100–200 MB in Python; issue 13)."""
    _rebuild_if_stale(conn)
    queued = conn.execute(
        "SELECT indexed FROM search_queue WHERE document_id = ?", [document_id]
    ).fetchone()
    if queued is None:
        return
    if queued[0]:  # an entry of an earlier document with this id: the general way
        sync_index(conn, only=[document_id])
        return
    _insert(conn, [(document_id, title, source, text)])
    conn.execute("DELETE FROM search_queue WHERE document_id = ?", [document_id])


def index_added_many(conn: sqlite3.Connection, added: list[tuple[int, DocumentDraft]]) -> None:
    """:func:`index_added` for the documents one transaction has just inserted, in one
    statement per step: the queue read once, the index rows inserted with one
    ``executemany``, and a draft's ``folded`` text (its content hash's folding, made once on
    import) used rather than folded again."""
    if len(added) == 1:
        ((document_id, draft),) = added
        if draft.folded is None:
            index_added(conn, document_id, draft.title, draft.source, draft.text)
            return
    _rebuild_if_stale(conn)
    queued: dict[int, int] = {}
    for start in range(0, len(added), _CHUNK_ROWS):
        ids = json.dumps([document_id for document_id, _ in added[start : start + _CHUNK_ROWS]])
        queued.update(
            conn.execute(
                "SELECT document_id, indexed FROM search_queue "
                "WHERE document_id IN (SELECT value FROM json_each(?))",
                [ids],
            ).fetchall()
        )
    fresh = [(i, draft) for i, draft in added if queued.get(i) == 0]
    again = [i for i, _ in added if queued.get(i)]  # an earlier document's entry: the general way
    if again:
        sync_index(conn, only=again)
    if not fresh:
        return
    conn.executemany(
        "INSERT INTO search_fts (rowid, title, source, body) VALUES (?, ?, ?, ?)",
        (
            (
                document_id,
                _index_value(draft.title),
                _index_value(draft.source or ""),
                (
                    index_form(draft.text) if draft.folded is None else index_body(draft.folded)
                ).encode("utf-8", "surrogatepass"),
            )
            for document_id, draft in fresh
        ),
    )
    conn.executemany("DELETE FROM search_queue WHERE document_id = ?", [(i,) for i, _ in fresh])


def _apply(conn: sqlite3.Connection, where: str, params: list[Any]) -> int:
    """Index the queued documents ``where`` selects (over ``search_queue AS q``), removing
    what was indexed for them before, and take them off the queue."""
    rows = conn.execute(
        "SELECT q.document_id, q.indexed, q.old_title, q.old_source, q.old_text, "
        "d.title, d.source, d.text "
        "FROM search_queue AS q LEFT JOIN documents AS d ON d.id = q.document_id "
        f"WHERE {where} ORDER BY q.document_id",
        params,
    ).fetchall()
    if not rows:
        return 0
    removals = [
        (row[0], index_form(row[2] or ""), index_form(row[3] or ""), index_form(row[4] or ""))
        for row in rows
        if row[1]
    ]
    if removals:
        conn.executemany(
            "INSERT INTO search_fts (search_fts, rowid, title, source, body) "
            "VALUES ('delete', ?, ?, ?, ?)",
            removals,
        )
    _insert(conn, [(row[0], row[5], row[6], row[7]) for row in rows if row[5] is not None])
    conn.executemany("DELETE FROM search_queue WHERE document_id = ?", [(row[0],) for row in rows])
    return len(rows)


def _next_chunk(
    conn: sqlite3.Connection, after: int, rows: int, budget: int
) -> tuple[int, int, int] | None:
    """The id range of the next queued documents and their characters of text: at most
    ``rows`` documents and, beyond the first, no more than ``budget`` characters."""
    queued = conn.execute(
        "SELECT q.document_id, coalesce(d.char_count, 0) FROM search_queue AS q "
        "LEFT JOIN documents AS d ON d.id = q.document_id "
        "WHERE q.document_id > ? ORDER BY q.document_id LIMIT ?",
        [after, rows],
    ).fetchall()
    if not queued:
        return None
    total, last = 0, queued[0][0]
    for document_id, chars in queued:
        if total and total + chars > budget:
            break
        total += chars
        last = document_id
    return queued[0][0], last, total


def _insert(conn: sqlite3.Connection, rows: list[tuple[int, str, str | None, str]]) -> None:
    """Index ``(id, title, source, text)`` rows under their folded form.

    Row by row, and the folded text handed over as its UTF-8 bytes (FTS5 reads a blob as
    text): the folded string is gone before SQLite works, instead of being held with the
    UTF-8 copy Python keeps of every string it binds — 200 MB for a 50 MB article (issue 13).
    """
    conn.executemany(
        "INSERT INTO search_fts (rowid, title, source, body) VALUES (?, ?, ?, ?)",
        (
            (
                doc_id,
                index_form(title),
                index_form(source or ""),
                index_form(text).encode("utf-8", "surrogatepass"),
            )
            for doc_id, title, source, text in rows
        ),
    )


# --- results ----------------------------------------------------------------------------------

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Snippet:
    """An excerpt of the raw text around one or more matches.

    ``start``/``end`` delimit the excerpt and ``marks`` the matches inside it, all as code-point
    offsets into the document text, so selecting a mark in the reader needs no conversion.
    ``clipped_start``/``clipped_end`` say whether text was cut there (show an ellipsis).
    """

    text: str
    start: int
    end: int
    marks: tuple[Span, ...]
    clipped_start: bool
    clipped_end: bool

    def parts(self) -> list[tuple[str, bool]]:
        """The excerpt as (text, is_match) pieces, for renderers (HTML, terminal)."""
        pieces: list[tuple[str, bool]] = []
        at = self.start
        for mark_start, mark_end in self.marks:
            if mark_start > at:
                pieces.append((self.text[at - self.start : mark_start - self.start], False))
            pieces.append((self.text[mark_start - self.start : mark_end - self.start], True))
            at = mark_end
        if at < self.end:
            pieces.append((self.text[at - self.start :], False))
        return pieces


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching document with every match in its raw text (code points)."""

    document_id: int
    title: str
    source: str
    published: str | None
    direction: str
    score: float  # higher is better (negated bm25); 0 when no query ranked it
    spans: tuple[Span, ...]  # matches in the document text
    title_spans: tuple[Span, ...]  # matches in the title
    snippets: tuple[Snippet, ...]


def parse_search(
    text: str, *, type_ahead: bool = False, names: AbstractSet[str] | None = None
) -> Query:
    """The analyst's search text as a query of the project's index: common words also found
    with the article ال, names as written and found behind their proclitics
    (``desktop.core.query.parse``'s ``names``: by default the gazetteer's and the given
    names, :func:`desktop.resources.search_names`; :meth:`SearchStore.parse` adds the
    project's own). The search panel, the library's filter and ``hamish search`` all parse
    so, and agree."""
    from desktop.core.query import parse
    from desktop.resources import search_names

    return parse(text, type_ahead=type_ahead, names=search_names() if names is None else names)


def _title_words(query: Query) -> str:
    """An FTS5 expression matching any word of ``query``'s terms (those not under NOT), each
    in its written forms: the title tier of :meth:`SearchStore.search`'s window."""
    from desktop.core.query import Term

    return " OR ".join(
        Term(
            (token,),
            term.prefix and at == len(term.tokens) - 1,
            (term.definite[at],) if term.definite and term.definite[at] != token else (),
        ).fts()
        for term in query.terms
        for at, token in enumerate(term.tokens)
    )


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Restrictions on which documents may match. Dates are ``YYYY-MM-DD``, inclusive; a
    document without a publication date is left out as soon as a date bound is set."""

    label_id: int | None = None
    entity_id: int | None = None
    claim_status: str | None = None
    source: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def __bool__(self) -> bool:
        return any(
            value not in (None, "")
            for value in (
                self.label_id,
                self.entity_id,
                self.claim_status,
                self.source,
                self.published_from,
                self.published_to,
            )
        )

    def sql(self) -> tuple[str, list[Any]]:
        """WHERE conditions on ``documents AS d`` and their parameters."""
        from desktop.core.query import QueryError

        where: list[str] = []
        params: list[Any] = []
        if self.label_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id AND a.label_id = ?)"
            )
            params.append(self.label_id)
        if self.entity_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id "
                "AND a.entity_id = ?)"
            )
            params.append(self.entity_id)
        if self.claim_status:
            if self.claim_status not in CLAIM_STATUSES:
                raise QueryError(
                    f"Unknown claim status {self.claim_status!r}: use one of "
                    + ", ".join(CLAIM_STATUSES)
                    + "."
                )
            where.append(
                "EXISTS (SELECT 1 FROM annotations a JOIN claims c ON c.annotation_id = a.id "
                "WHERE a.document_id = d.id AND c.status = ?)"
            )
            params.append(self.claim_status)
        if self.source:
            where.append("d.source = ?")
            params.append(self.source)
        for bound, op in ((self.published_from, ">="), (self.published_to, "<=")):
            if bound:
                where.append(f"d.published IS NOT NULL AND substr(d.published, 1, 10) {op} ?")
                params.append(check_date(bound))
        return " AND ".join(where), params


def check_date(value: str) -> str:
    from desktop.core.query import QueryError

    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise QueryError(f"{value!r} is not a date: write it as YYYY-MM-DD.") from None


# --- locating matches in raw text -------------------------------------------------------------


class _NormCache:
    """Folded text plus offset map per raw text, least recently used first out.

    Why: typing a query re-runs the search on every pause, and the top documents are mostly the
    same ones; folding with a map costs far more than the FTS lookup. Keyed on the text itself
    (not its hash column) so an article edited outside Hamish can never get a stale map.
    """

    def __init__(self, budget_chars: int = 4_000_000) -> None:
        self._items: OrderedDict[str, Normalised] = OrderedDict()
        self._budget = budget_chars
        self._size = 0

    def get(self, text: str) -> Normalised:
        found = self._items.get(text)
        if found is not None:
            self._items.move_to_end(text)
            return found
        norm = normalise(text)
        if len(text) <= self._budget // 4:
            self._items[text] = norm
            self._size += len(text)
            while self._size > self._budget:
                old, _ = self._items.popitem(last=False)
                self._size -= len(old)
        return norm


def raw_spans(query: Query, norm: Normalised) -> list[Span]:
    """Matches of ``query`` in a normalised text, as raw code-point spans."""
    spans = (norm.to_raw(start, end) for start, end in query.spans(norm.text))
    return [span for span in spans if span[0] < span[1]]


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def make_snippets(
    text: str,
    spans: list[Span],
    *,
    context: int = SNIPPET_CONTEXT,
    limit: int = MAX_SNIPPETS,
) -> list[Snippet]:
    """Excerpts of ``text`` around the first matches: about ``context`` characters either side,
    cut at spaces and never across a paragraph, nearby matches sharing one excerpt."""
    snippets: list[Snippet] = []
    i = 0
    while i < len(spans) and len(snippets) < limit:
        first_start, first_end = spans[i]
        line_start, line_end = _line_bounds(text, first_start, first_end)
        start = max(line_start, first_start - context)
        if start > line_start:
            space = text.find(" ", start, first_start)
            start = space + 1 if space >= 0 else start
        end = min(line_end, first_end + context)
        marks = [spans[i]]
        i += 1
        while i < len(spans) and spans[i][1] <= min(line_end, end + context // 2):
            marks.append(spans[i])
            end = min(line_end, max(end, spans[i][1] + context // 2))
            i += 1
        if end < line_end:
            space = text.rfind(" ", marks[-1][1], end)
            end = space if space >= 0 else end
        snippets.append(
            Snippet(
                text=text[start:end],
                start=start,
                end=end,
                marks=tuple(marks),
                clipped_start=start > 0 and text[start - 1] != "\n",
                clipped_end=end < len(text) and text[end] != "\n",
            )
        )
    return snippets


# --- the store --------------------------------------------------------------------------------


class SearchStore:
    """Search over one project's index. Every method applies pending index changes first."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._conn = database.conn
        self._norms = _NormCache()
        self._names: tuple[int, frozenset[str]] | None = None  # see known_names
        self._folded_names: dict[str, str | None] = {}
        self.catching_up = False
        """Set while the window works off a large backlog in steps (:meth:`sync_some`):
        searches then use what is indexed so far instead of indexing everything at once."""

    @property
    def path(self) -> Path:
        """The project file, for a worker that opens a connection of its own."""
        return self._database.path

    # --- index maintenance -------------------------------------------------------------
    def sync(self) -> int:
        """Bring the index up to date with ``documents`` (cheap when nothing is pending)."""
        if self.catching_up:
            return 0
        conn = self._conn
        pending = self._run("SELECT EXISTS (SELECT 1 FROM search_queue)", [])[0][0]
        version = self._run("SELECT value FROM meta WHERE key = 'search_index'", [])
        if not pending and version and version[0][0] == INDEX_VERSION:
            return 0
        try:
            with self._database.transaction():
                return sync_index(conn)
        except ProjectError:
            # A read-only or busy project cannot be brought up to date right now: search what
            # is indexed; the queue is kept and applied by the next search or edit.
            return 0

    def sync_some(self, limit: int, max_chars: int = _CHUNK_CHARS) -> int:
        """Index at most ``limit`` queued documents, stopping early after about ``max_chars``
        of text, in one short transaction; returns how many are still waiting. A read-only or
        busy project reports its backlog unchanged."""
        try:
            with self._database.transaction():
                sync_index(self._conn, limit=limit, max_chars=max_chars)
        except ProjectError:
            pass
        return self.pending()

    def stale(self) -> bool:
        """Whether the index was built by another fold or Unicode version (and will be
        rebuilt by the next sync)."""
        rows = self._run("SELECT value FROM meta WHERE key = 'search_index'", [])
        return not rows or rows[0][0] != INDEX_VERSION

    def backlog(self) -> int:
        """Documents the next sync would index: the queue, or every document when the index
        is stale."""
        if self.stale():
            return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        return self.pending()

    def invalidate(self) -> None:
        """Mark the index for a full rebuild, without doing it: the next sync (or the window's
        step-by-step catch-up) indexes every document again."""
        with self._database.transaction():
            self._conn.execute("DELETE FROM meta WHERE key = 'search_index'")

    def rebuild(self) -> int:
        """Empty the index and index every document again; returns the number indexed."""
        with self._database.transaction():
            self._conn.execute("DELETE FROM meta WHERE key = 'search_index'")
            return sync_index(self._conn)

    def check(self) -> None:
        """Raise ProjectError if the index is damaged (FTS5's own integrity check)."""
        self.sync()
        try:
            self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
        except sqlite3.Error as error:
            raise ProjectError(f"The search index is damaged ({error}).") from error

    def pending(self) -> int:
        """Documents waiting to be (re)indexed; 0 once every search or edit has run."""
        return int(self._conn.execute("SELECT count(*) FROM search_queue").fetchone()[0])

    def index_bytes(self) -> int | None:
        """Bytes the index occupies in the project file (None if SQLite lacks ``dbstat``)."""
        try:
            row = self._conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'"
            ).fetchone()
        except sqlite3.Error:
            return None
        return int(row[0] or 0)

    def indexed_count(self) -> int:
        self.sync()
        return int(self._conn.execute("SELECT count(*) FROM search_fts_docsize").fetchone()[0])

    # --- queries -----------------------------------------------------------------------
    def _run(self, sql: str, params: list[Any]) -> list[Any]:
        from desktop.core.query import QueryError

        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            message = str(error)
            if "fts5" in message or "syntax error" in message or "unterminated" in message:
                raise QueryError(f"The search could not be run ({message}).") from error
            raise ProjectError(describe_sqlite_error(error)) from error

    def _parsed(self, query: str | Query) -> Query:
        from desktop.core.query import Query

        return query if isinstance(query, Query) else self.parse(query)

    def parse(self, text: str, *, type_ahead: bool = False) -> Query:
        """:func:`parse_search` with the project's entities' names and aliases among the
        names (كمال the person is not الكمال; وكيري is كيري's)."""
        return parse_search(text, type_ahead=type_ahead, names=self.known_names())

    def known_names(self) -> frozenset[str]:
        """The names a search keeps as written: the shipped ones and the project's entities'
        names and aliases of one word, folded. Read again only after this connection wrote
        something (a rename keeps an entity's id and the count), each name folded once."""
        from desktop.resources import search_names

        state = self._conn.total_changes
        if self._names is not None and self._names[0] == state:
            return self._names[1]
        from desktop.core.query import tokens_of

        rows = self._conn.execute(
            "SELECT name FROM entities UNION SELECT alias FROM entity_aliases"
        ).fetchall()
        folded = self._folded_names
        own: set[str] = set()
        for (name,) in rows:
            if name not in folded:
                tokens = tokens_of(fold(str(name)))
                folded[name] = tokens[0] if len(tokens) == 1 else None
            if (token := folded[name]) is not None:
                own.add(token)
        names = search_names() | own
        self._names = (state, names)
        return names

    def _matching_sql(
        self, query: Query | None, filters: SearchFilters | None, select: str
    ) -> tuple[str, list[Any]]:
        where, params = (filters or SearchFilters()).sql()
        if query is None:
            sql = f"SELECT {select} FROM documents AS d"
            return (sql + f" WHERE {where}" if where else sql), params
        sql = f"SELECT {select} FROM search_fts AS f"
        if where:
            sql += " JOIN documents AS d ON d.id = f.rowid"
        sql += " WHERE search_fts MATCH ?"
        if where:
            sql += f" AND {where}"
        return sql, [query.fts, *params]

    def _query_or_none(
        self, query: str | Query | None, filters: SearchFilters | None
    ) -> Query | None:
        """None means "no query, list what the filters let through"; a blank query without
        filters is an error (parse explains it)."""
        blank = query is None or (isinstance(query, str) and not query.strip())
        if blank and filters:
            return None
        return self._parsed(query or "")

    def count(
        self,
        query: str | Query | None,
        filters: SearchFilters | None = None,
        *,
        cap: int | None = None,
    ) -> int:
        """Number of documents matching (all of them are counted, not just one page).

        With ``cap``, counting stops after ``cap + 1`` matches, so a result above ``cap`` means
        "more than ``cap``": a word found in nearly every one of a million articles takes
        0.2-0.5 s to count in full, too long for search as you type."""
        parsed = self._query_or_none(query, filters)
        self.sync()
        if cap is None:
            sql, params = self._matching_sql(parsed, filters, "count(*)")
            return int(self._run(sql, params)[0][0])
        sql, params = self._matching_sql(parsed, filters, "1")
        return int(self._run(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, cap + 1])[0][0])

    def matching_ids(
        self, query: str | Query | None, filters: SearchFilters | None = None
    ) -> set[int]:
        """Ids of every matching document, unranked: what the library filter needs."""
        parsed = self._query_or_none(query, filters)
        self.sync()
        column = "d.id" if parsed is None else "f.rowid"
        sql, params = self._matching_sql(parsed, filters, column)
        return {int(row[0]) for row in self._run(sql, params)}

    def search(
        self,
        query: str | Query | None,
        *,
        limit: int = 50,
        offset: int = 0,
        filters: SearchFilters | None = None,
        rank_window: int | None = RANK_WINDOW,
    ) -> list[Hit]:
        """Documents matching ``query``, best first (bm25, title matches weighing most), each
        with its match spans in raw code points and snippets.

        When more than ``rank_window`` documents match, only the ``rank_window`` most recently
        added of them are ranked — those whose title matches the query first, the rest after
        them, each newest first — and the older matches follow, newest first. Why not bm25
        there: bm25 reads the document frequency of every phrase of the query across the
        whole index on each query (the query's proclitic variants, a dozen phrases per word),
        50-150 ms for a word found in most of a million articles, however few rows it ranks;
        and such a word's IDF is close to zero, so bm25 separated those articles by little
        more than length. Recency is the better order for news, and a match in the title the
        one signal that matters. ``rank_window=None`` ranks every match by bm25. The count is
        always exact; a hit outside bm25's ranking has score 1.0 (title) or 0.0.

        A blank query with filters lists the filtered documents, newest first. Raises
        :class:`QueryError` for a malformed query or filter.
        """
        parsed = self._query_or_none(query, filters)
        self.sync()
        limit, offset = max(0, limit), max(0, offset)
        if parsed is None:
            sql, params = self._matching_sql(None, filters, "d.id, 0.0")
            sql += " ORDER BY coalesce(d.published, '') DESC, d.id LIMIT ? OFFSET ?"
            return list(self._hits(None, self._run(sql, [*params, limit, offset])))
        floor = None if rank_window is None else self._window_floor(parsed, filters, rank_window)
        if floor is None:
            select = f"f.rowid, {_RANK} AS score"
            sql, params = self._matching_sql(parsed, filters, select)
            sql += " ORDER BY score, f.rowid LIMIT ? OFFSET ?"
            return list(self._hits(parsed, self._run(sql, [*params, limit, offset])))
        assert rank_window is not None
        rows: list[Any] = []
        if offset < rank_window:
            rows = self._window_page(parsed, filters, floor, offset, limit)
        if len(rows) < limit:
            sql, params = self._matching_sql(parsed, filters, "f.rowid, 0.0")
            sql += " AND f.rowid < ? ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
            rest = [floor, limit - len(rows), max(0, offset - rank_window)]
            rows += self._run(sql, [*params, *rest])
        return list(self._hits(parsed, rows))

    def _window_page(
        self, query: Query, filters: SearchFilters | None, floor: int, offset: int, limit: int
    ) -> list[tuple[int, float]]:
        """Rows ``offset`` to ``offset + limit`` of the matches from id ``floor`` up, those
        with a word of the query in their title first, each part newest first: two walks of
        the window's doclists (a few milliseconds), no bm25. (A word, not the whole query:
        FTS5 checks a phrase or AND under a column filter through every position list of the
        window, 100-200 ms when no title matches.) Scores as bm25 gives them (lower is
        better): -1.0 for a title match, else 0.0."""
        from desktop.core.query import QueryError

        sql, params = self._matching_sql(query, filters, "f.rowid")
        sql += " AND f.rowid >= ? ORDER BY f.rowid DESC"
        window = [int(row[0]) for row in self._run(sql, [*params, floor])]
        titled: set[int] = set()
        words = _title_words(query)
        if words:
            try:
                title = f"({query.fts}) AND title : ({words})"
                titled = {int(row[0]) for row in self._run(sql, [title, *params[1:], floor])}
            except QueryError:  # FTS5 refused the column filter: by recency only
                pass
        ordered = [(doc, -1.0) for doc in window if doc in titled]
        ordered += [(doc, 0.0) for doc in window if doc not in titled]
        return ordered[offset : offset + limit]

    def _window_floor(self, query: Query, filters: SearchFilters | None, window: int) -> int | None:
        """The smallest id among the ``window`` newest matches, or None if fewer match.

        Cheap: FTS5 walks the matches in descending rowid order and stops at ``window``."""
        sql, params = self._matching_sql(query, filters, "f.rowid")
        sql += " ORDER BY f.rowid DESC LIMIT 1 OFFSET ?"
        found = self._run(sql, [*params, max(0, window - 1)])
        return int(found[0][0]) if found else None

    def _hits(self, query: Query | None, ranked: list[Any]) -> Iterator[Hit]:
        if not ranked:
            return
        ids = [int(row[0]) for row in ranked]
        marks = ",".join("?" * len(ids))
        documents = {
            row[0]: row
            for row in self._conn.execute(
                "SELECT id, title, source, published, direction, text FROM documents "
                f"WHERE id IN ({marks})",
                ids,
            )
        }
        for doc_id, score in ranked:
            row = documents.get(doc_id)
            if row is None:
                continue
            _, title, source, published, direction, text = row
            if query is None:
                spans: list[Span] = []
                title_spans: list[Span] = []
            else:
                spans = raw_spans(query, self._norms.get(text))
                title_spans = raw_spans(query, normalise(title))
            yield Hit(
                document_id=int(doc_id),
                title=title,
                source=source,
                published=published,
                direction=direction,
                score=-float(score) if score else 0.0,
                spans=tuple(spans),
                title_spans=tuple(title_spans),
                snippets=tuple(make_snippets(text, spans)),
            )

    def candidate_documents(self, expression: str) -> set[int] | None:
        """Documents whose indexed text satisfies an FTS5 ``expression`` (over the article
        text only), with every document the index has not caught up with yet; None when the
        index cannot tell (built by another fold or Unicode version): then every document is a
        candidate. Indexes nothing itself, so it is safe in a worker on its own connection."""
        if self.stale():
            return None
        found = self._run(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", [f"body : ({expression})"]
        )
        ids = {int(row[0]) for row in found}
        ids.update(int(row[0]) for row in self._run("SELECT document_id FROM search_queue", []))
        return ids

    def occurrences(self, terms: Iterable[str]) -> list[tuple[int, int, str]] | None:
        """``(document, token position, term)`` of every occurrence of these index terms in
        the article texts (not titles nor sources), read off the index alone; None when the
        index cannot tell (built by another fold or Unicode version). Articles the index has not
        caught up with are not among them (:meth:`unindexed`). Indexes nothing itself.

        Why: "find all mentions" of a name in most articles counts each article's mentions
        from the tokens (:class:`desktop.core.matching.TokenPlan`) instead of reading every
        text (issue 15). Through FTS5's ``fts5vocab`` table of instances, made on this
        connection only (``temp``): nothing is added to the project file, and a read-only
        project works alike."""
        if self.stale():
            return None
        wanted = sorted(set(terms))
        if not wanted:
            return []
        self._vocabulary()
        return self._run(
            "SELECT doc, offset, term FROM temp.search_vocab "
            "WHERE term IN (SELECT value FROM json_each(?)) AND col = 'body'",
            [json.dumps(wanted, ensure_ascii=False)],
        )

    def occurrence_counts(self, terms: Iterable[str]) -> dict[int, int] | None:
        """How many of these index terms each article's text holds (those holding any), or
        None when the index cannot tell: :meth:`occurrences` counted by SQLite, for aliases of
        one word each, whose every such token is a mention."""
        if self.stale():
            return None
        wanted = sorted(set(terms))
        if not wanted:
            return {}
        self._vocabulary()
        rows = self._run(
            "SELECT doc, count(*) FROM temp.search_vocab "
            "WHERE term IN (SELECT value FROM json_each(?)) AND col = 'body' GROUP BY doc",
            [json.dumps(wanted, ensure_ascii=False)],
        )
        return {int(doc): int(count) for doc, count in rows}

    def occurrences_elsewhere(self, term: str, document_id: int | None, cap: int) -> int | None:
        """How many times the articles but ``document_id`` hold the index term ``term``, counted
        up to ``cap`` (None when the index cannot tell): one count in SQLite that stops at the
        cap. Reading every article's count to add them up (:meth:`occurrence_counts`) took 2 s
        for a name in 800,000 of a million articles — at each tag of a word with a proclitic
        (issue 15: a frame a tag)."""
        if self.stale():
            return None
        self._vocabulary()
        rows = self._run(
            "SELECT count(*) FROM (SELECT 1 FROM temp.search_vocab "
            "WHERE term = ? AND col = 'body' AND doc IS NOT ? LIMIT ?)",
            [term, document_id, cap],
        )
        return int(rows[0][0])

    def _vocabulary(self) -> None:
        """The ``fts5vocab`` table of the index's instances, made once on this connection.

        A read-only project's connection refuses every write (``query_only``), a table in
        ``temp`` too: it is lifted for this one statement, which writes nothing to the project
        (the file itself is opened read-only anyway)."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'search_vocab'").fetchone():
            return
        guarded = bool(conn.execute("PRAGMA query_only").fetchone()[0])
        try:
            if guarded:
                conn.execute("PRAGMA query_only = OFF")
            self._run(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
                "USING fts5vocab(main, search_fts, instance)",
                [],
            )
        finally:
            if guarded:
                conn.execute("PRAGMA query_only = ON")

    def unindexed(self) -> list[int]:
        """The articles the index has not caught up with yet (queued), by id."""
        return [int(row[0]) for row in self._run("SELECT document_id FROM search_queue", [])]

    def spans_in(self, query: str | Query, text: str) -> list[Span]:
        """Matches of ``query`` in any raw text (the open article), as raw code-point spans."""
        return raw_spans(self._parsed(query), self._norms.get(text))

    # --- filter choices ----------------------------------------------------------------
    def sources(self) -> list[str]:
        # One index look-up per distinct source (skipping the articles between): a handful of
        # sources over a million articles is a handful of look-ups, not a million rows.
        found: list[str] = []
        last = ""
        while True:
            (source,) = self._conn.execute(
                "SELECT min(source) FROM documents WHERE source > ?", [last]
            ).fetchone()
            if source is None:
                return found
            found.append(str(source))
            last = source

    def entities(self) -> list[tuple[int, str]]:
        """Entities that are mentioned in at least one document, by name."""
        rows = self._conn.execute(
            "SELECT e.id, e.name FROM entities e WHERE EXISTS "
            "(SELECT 1 FROM annotations a WHERE a.entity_id = e.id) ORDER BY e.name, e.id"
        )
        return [(int(row[0]), str(row[1])) for row in rows]
