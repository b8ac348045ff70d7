"""Drawing annotations on the reader's text.

A ``SpanIndex`` buckets spans by paragraph (Qt block) once per article, so painting a block
looks up only its own spans and a new tag re-paints only the blocks it touches — never an
all-pairs scan. ``AnnotationHighlighter`` turns the spans of a block into char formats; it
changes colours and underlines only, never the font, so Arabic letters stay joined at the edges
of a highlight inside a word.

Stacking, defined here and nowhere else: entity/span labels are backgrounds (a nested or
overlapping region gets a stronger tint of the inner label's colour); claims are a solid
underline in the claim colour, so they stay visible over entity mentions (a claim touching or
inside the one before it gets a wavy underline, so neighbouring claims stay two); notes are a
dotted underline; suggestions a dashed one, stronger the surer the suggestion is
(:func:`suggestion_pen`). Orphaned annotations are not drawn.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Container, Iterable
from itertools import pairwise
from time import perf_counter
from typing import NamedTuple

from PySide6.QtCore import SIGNAL, SLOT, QObject, QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from desktop.ui.qtvalues import solid_brush
from desktop.ui.reader.offsets import Utf16Map

BACKGROUND_KINDS = ("entity", "span")
UNDERLINE_PRIORITY = {"claim": 3, "note": 2, "suggestion": 1}


class Span(NamedTuple):
    id: int
    start: int  # code points
    end: int
    kind: str  # entity | span | claim | note | suggestion
    color: str
    has_note: bool = False
    score: float = 1.0  # a suggestion's confidence, 0..1: how strong its dashes are


LIGHT_PAPER, LIGHT_INK = "#ffffff", "#1f2933"
DARK_PAPER, DARK_INK = "#1f2326", "#e3e7ea"
"""The reader's background and text in the light and dark themes (resources/*.qss)."""
MIN_CONTRAST = 4.5
"""WCAG AA for body text: a highlight is made fainter until its text reaches this."""


def _tint(color: str, alpha: float, paper: str = LIGHT_PAPER) -> QColor:
    """An opaque colour: ``color`` over the reader's ``paper`` at ``alpha`` (opaque colours
    paint faster and look the same under a selection)."""
    base, under = QColor(color), QColor(paper)
    r = round(under.red() + (base.red() - under.red()) * alpha)
    g = round(under.green() + (base.green() - under.green()) * alpha)
    b = round(under.blue() + (base.blue() - under.blue()) * alpha)
    return QColor(r, g, b)


CONFIDENCE_STEPS = (0.8, 0.6)
"""Scores from which a suggestion is drawn at high, then medium strength; below, low."""
SUGGESTION_STRENGTHS = (1.0, 0.68, 0.42)
"""How much of the suggestion colour its dashes take over the paper, high to low confidence:
three steps an eye tells apart (a continuous scale is not read), the faintest still clear
of the paper in both themes (tests/ui/test_review.py measures it)."""
DARK_SUGGESTION = "#a48ff0"
"""The suggestion colour on dark paper: the light theme's violet is too dark to show there."""


def confidence_level(score: float) -> int:
    """0 for high confidence, 1 for medium, 2 for low (see ``CONFIDENCE_STEPS``)."""
    high, medium = CONFIDENCE_STEPS
    return 0 if score >= high else 1 if score >= medium else 2


def suggestion_pen(color: str, score: float, *, dark: bool = False) -> QColor:
    """The colour of a suggestion's dashes at ``score``: ``color`` (the dark theme's own
    violet on dark paper) laid over the paper at the strength of its confidence step."""
    alpha = SUGGESTION_STRENGTHS[confidence_level(score)]
    if dark:
        return _tint(DARK_SUGGESTION, alpha, DARK_PAPER)
    return _tint(color, alpha, LIGHT_PAPER)


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_tint(color: str, alpha: float, *, dark: bool = False) -> QColor:
    """``_tint`` on the theme's paper, made fainter (never stronger) until the theme's text
    over it keeps ``MIN_CONTRAST``: a bright label (yellow, orange) nested twice on a dark
    background would otherwise glare under light text."""
    paper, ink = (DARK_PAPER, DARK_INK) if dark else (LIGHT_PAPER, LIGHT_INK)
    text = QColor(ink)
    while True:
        tinted = _tint(color, alpha, paper)
        if alpha <= 0.05 or contrast(tinted, text) >= MIN_CONTRAST:
            return tinted
        alpha -= 0.02


class SpanIndex:
    """Spans bucketed by the paragraph(s) they cover."""

    def __init__(self, text: str) -> None:
        self.block_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._buckets: dict[int, list[Span]] = {}
        self._spans: dict[int, Span] = {}

    def block_of(self, position: int) -> int:
        return bisect_right(self.block_starts, position) - 1

    def _blocks(self, span: Span) -> range:
        first = self.block_of(span.start)
        last = self.block_of(max(span.start, span.end - 1))
        return range(first, last + 1)

    def add(self, span: Span) -> range:
        if span.id in self._spans:
            self.remove(span.id)
        self._spans[span.id] = span
        blocks = self._blocks(span)
        for block in blocks:
            self._buckets.setdefault(block, []).append(span)
        return blocks

    def add_all(self, spans: Iterable[Span]) -> None:
        """``add`` for many spans (an article's 10,000 at open), without a call per span."""
        starts, buckets, known = self.block_starts, self._buckets, self._spans
        spans = list(spans)
        again = [span.id for span in spans if span.id in known]
        if again:  # spans drawn anew: their old places gone at once, not bucket by bucket
            self.remove_many(again)
        for span in spans:
            if span.id in known:
                self.remove(span.id)
            known[span.id] = span
            start = span.start
            first = bisect_right(starts, start) - 1
            last = bisect_right(starts, max(start, span.end - 1)) - 1
            if first == last:
                bucket = buckets.get(first)
                if bucket is None:
                    buckets[first] = [span]
                else:
                    bucket.append(span)
            else:
                for block in range(first, last + 1):
                    buckets.setdefault(block, []).append(span)

    def remove(self, span_id: int) -> range:
        span = self._spans.pop(span_id, None)
        if span is None:
            return range(0)
        blocks = self._blocks(span)
        for block in blocks:
            bucket = self._buckets.get(block, [])
            self._buckets[block] = [s for s in bucket if s.id != span_id]
        return blocks

    def remove_many(self, span_ids: Iterable[int]) -> tuple[list[Span], set[int]]:
        """Remove spans at once: the spans that were there, and the blocks they touched. Each
        touched block's list is rebuilt once: removed one by one, 10,000 suggestions of one
        paragraph rebuilt its list 10,000 times (minutes; found by an attacker)."""
        removed: list[Span] = []
        gone: dict[int, set[int]] = {}
        for span_id in span_ids:
            span = self._spans.pop(span_id, None)
            if span is None:
                continue
            removed.append(span)
            for block in self._blocks(span):
                gone.setdefault(block, set()).add(span_id)
        for block, ids in gone.items():
            bucket = self._buckets.get(block, [])
            self._buckets[block] = [s for s in bucket if s.id not in ids]
        return removed, set(gone)

    def get(self, span_id: int) -> Span | None:
        return self._spans.get(span_id)

    def in_block(self, block: int) -> list[Span]:
        return self._buckets.get(block, [])

    def at(self, position: int) -> list[Span]:
        """Spans covering a code point, innermost (shortest) first."""
        hits = [s for s in self.in_block(self.block_of(position)) if s.start <= position < s.end]
        return sorted(hits, key=lambda s: s.end - s.start)

    def __len__(self) -> int:
        return len(self._spans)

    def spans(self) -> list[Span]:
        return sorted(self._spans.values(), key=lambda s: (s.start, s.end, s.id))


def _alternate_claims(spans: Iterable[Span]) -> set[int]:
    """Claims drawn wavy: every second claim of a run of claims that touch or overlap, so two
    adjacent claims never share one unbroken line."""
    claims = sorted((s for s in spans if s.kind == "claim"), key=lambda s: (s.start, -s.end, s.id))
    alternate: set[int] = set()
    reach, odd = -1, False
    for claim in claims:
        odd = not odd if claim.start <= reach else False
        if odd:
            alternate.add(claim.id)
        reach = max(reach, claim.end)
    return alternate


class ReaderLayout(QPlainTextDocumentLayout):
    """The reader's plain text layout, which a change of highlight formats alone does not
    reach. ``QSyntaxHighlighter`` tells the layout that twice a block's length changed
    (removed and added), and the plain text layout then throws away the layouts of the
    blocks that reach covers — the block and one or more after it, each laid out again
    (shaped anew) before it is next painted or measured: most of a tag's layout work on a
    1 MB article. The formats already cleared the block's own layout (``QTextLayout``
    does that itself), and they change colours and lines only, never a block's height, so
    nothing else the layout would learn from the change is lost."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats_only = False  # set while a block is highlighted again (_quietly)
        self.skipped = 0  # changes not passed on (counted for the tests)

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        if self.formats_only:
            self.skipped += 1
            return
        super().documentChanged(position, removed, added)


_CONTENTS_CHANGE = SIGNAL("contentsChange(int,int,int)")
_REFORMAT = SLOT("_q_reformatBlocks(int,int,int)")
"""The connection through which ``QSyntaxHighlighter`` follows its document (made by Qt
itself: if a Qt version named it otherwise, it is simply not cut)."""

IDLE_SLICE_S = 0.004
"""How long one idle step of the deferred pass may highlight before giving the event loop
back (a keystroke or a scroll waits at most this long for it)."""


class AnnotationHighlighter(QSyntaxHighlighter):
    """Highlights blocks as Qt asks, or — for a long article (:meth:`begin_load`) — only the
    blocks on screen at once and the others in idle time: highlighting all 1,423 blocks of a
    1 MB article with 10,000 annotations cost 0.2–0.4 s of every open."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.index = SpanIndex("")
        self.umap = Utf16Map("")
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        self.dark = False
        self._loading = False  # text going in: highlightBlock waits for the deferred pass
        self._deaf = False  # not told of the document's changes while text goes in
        self._done = bytearray()  # per block: highlighted since the article was loaded
        self._queue: list[int] = []  # blocks the idle pass still has to do, last first
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._idle_step)
        # Told which blocks were highlighted again outside a paint, to repaint those on
        # screen (the reader's ``repaint_blocks``): the highlighter repaints nothing itself.
        self.redrawn: Callable[[list[int]], None] = lambda _blocks: None

    def set_dark(self, dark: bool) -> None:
        """Tints for the dark theme's background (or back to the light one); repaints."""
        if dark != self.dark:
            self.dark = dark
            self._formats.clear()
            self._stop_deferring()
            self.rehighlight()

    # --- the deferred pass ---------------------------------------------------------------
    def begin_load(self) -> None:
        """Text is about to go in: leave its blocks plain (call :meth:`end_load` after). The
        highlighter stops listening to the document meanwhile: told of the insertion, Qt
        called ``highlightBlock`` for every block (to return at once): 1,423 calls into
        Python, three quarters of putting a 1 MB article in (16 of 21 ms)."""
        self._stop_deferring()
        self._loading = True
        self._deaf = QObject.disconnect(self.document(), _CONTENTS_CHANGE, self, _REFORMAT)

    def end_load(self, first: int = 0) -> None:
        """The text is in: every block waits, and an idle pass highlights them from block
        ``first`` (the top of the screen) on, then those above it. What comes on screen
        meanwhile is highlighted first (:meth:`ensure`)."""
        self._listen()
        self._loading = False
        count = self.document().blockCount()
        self._done = bytearray(count)
        first = max(0, min(first, count))
        order = [*range(first, count), *range(first)]
        self._queue = order[::-1]  # popped from the end
        if self._queue:
            self._idle.start()

    def deferring(self) -> bool:
        """Whether some blocks still wait for the idle pass."""
        return bool(self._queue)

    def stop(self) -> None:
        """No pass any more (the article is closed)."""
        self._stop_deferring()

    def pending(self) -> int:
        """How many blocks still wait for the idle pass."""
        return self._done.count(0) if self._queue else 0

    def is_done(self, number: int) -> bool:
        """Whether block ``number`` shows its highlights (always, outside a deferred pass)."""
        return not self._queue or not (0 <= number < len(self._done)) or bool(self._done[number])

    def ensure(self, blocks: Iterable[int]) -> None:
        """Highlight now those of ``blocks`` that still wait (they are coming on screen)."""
        if self._queue:
            self._rehighlight([n for n in blocks if not self.is_done(n)])

    def _idle_step(self) -> None:
        deadline = perf_counter() + IDLE_SLICE_S
        document = self.document()
        layout = document.documentLayout()
        queue, done = self._queue, self._done
        redrawn: list[int] = []
        while queue:
            number = queue.pop()
            if done[number]:
                continue
            done[number] = 1
            block = document.findBlockByNumber(number)
            if block.isValid() and self.index.in_block(number):
                # Highlighted, then laid out: highlighting clears the block's layout, so a
                # block laid out first was laid out twice. Laid out all the same, so the
                # scroll bar learns each block's height as before.
                self._quietly(block)
                layout.blockBoundingRect(block)
                redrawn.append(number)
            if perf_counter() >= deadline:
                break
        if not queue or 0 not in done:
            # Blocks shown meanwhile were highlighted ahead of the pass: once none waits,
            # the pass is over, though the queue still names them (``pending`` said 0 while
            # ``deferring`` said yes — a test waiting for one then checking the other failed
            # when the slice's deadline fell between them, as on a busy machine).
            self._stop_deferring()
        if redrawn:
            self.redrawn(redrawn)

    def _listen(self) -> None:
        """Follow the document's changes again (after :meth:`begin_load`)."""
        if self._deaf:
            self._deaf = False
            QObject.connect(self.document(), _CONTENTS_CHANGE, self, _REFORMAT)

    def _stop_deferring(self) -> None:
        self._listen()
        self._idle.stop()
        self._queue = []
        self._done = bytearray()
        self._loading = False

    def set_spans(self, index: SpanIndex, umap: Utf16Map) -> None:
        """New article: the caller loads the text after this, which highlights every block
        once as Qt lays it out."""
        self.index = index
        self.umap = umap

    def refresh_blocks(self, blocks: Iterable[int], *, repaint: bool = True) -> None:
        """Draw ``blocks`` again after their spans changed (``repaint`` False: the caller
        repaints what changed itself). During a deferred pass the blocks still waiting are
        left to it: they will be drawn from the spans as they are then (an article's thousands
        of suggestions arriving must not highlight it all at once)."""
        if self._queue:
            blocks = [n for n in blocks if self.is_done(n)]
        redone = self._rehighlight(blocks)
        if repaint:
            self.redrawn(redone)

    def _rehighlight(self, blocks: Iterable[int]) -> list[int]:
        """Highlight ``blocks`` again; returns those that exist (none is repainted: see
        :meth:`_quietly`)."""
        document = self.document()
        done = self._done
        redone = []
        for number in blocks:
            if 0 <= number < len(done):
                done[number] = 1
            block = document.findBlockByNumber(number)
            if block.isValid():
                self._quietly(block)
                redone.append(number)
        return redone

    def _quietly(self, block: QTextBlock) -> None:
        """``rehighlightBlock`` without its repaint of the whole screen. Qt tells the plain
        text layout that twice the block's length changed (removed and added), so the change
        always runs into the next block and the layout asks the view to repaint everything
        (every visible line drawn again, a third of a tag's frame on a 1 MB article), and
        throws away the layouts of the blocks after it (see :class:`ReaderLayout`, which
        the reader's document has: there the change does not reach the layout at all). The
        formats change colours and lines only, never a block's height, so nothing else the
        layout would say is lost; :attr:`redrawn` repaints what is on screen."""
        layout = self.document().documentLayout()
        if isinstance(layout, ReaderLayout):
            layout.formats_only = True
            try:
                self.rehighlightBlock(block)
            finally:
                layout.formats_only = False
            return
        blocked = layout.blockSignals(True)
        try:
            self.rehighlightBlock(block)
        finally:
            layout.blockSignals(blocked)

    def _format(self, active: list[Span], alternate: Container[int] = ()) -> QTextCharFormat:
        backgrounds = sorted(
            (s for s in active if s.kind in BACKGROUND_KINDS), key=lambda s: s.end - s.start
        )
        lines = [s for s in active if s.kind in UNDERLINE_PRIORITY]
        # Innermost first among equals, so a claim inside a claim shows where it starts.
        line = (
            max(lines, key=lambda s: (UNDERLINE_PRIORITY[s.kind], s.start - s.end))
            if lines
            else None
        )
        wavy = line is not None and line.id in alternate
        level = confidence_level(line.score) if line is not None else 0
        key = (
            backgrounds[0].color if backgrounds else None,
            len(backgrounds),
            (line.kind, line.color, wavy, level) if line else None,
        )
        cached = self._formats.get(key)
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        if backgrounds:
            alpha = self.alpha(len(backgrounds))
            tint = readable_tint(backgrounds[0].color, alpha, dark=self.dark)
            fmt.setBackground(solid_brush(tint))  # not the QColor: see qtvalues.solid_brush
        if line is not None:
            style = {
                "claim": QTextCharFormat.UnderlineStyle.SingleUnderline,
                "note": QTextCharFormat.UnderlineStyle.DotLine,
                "suggestion": QTextCharFormat.UnderlineStyle.DashUnderline,
            }[line.kind]
            if wavy:
                style = QTextCharFormat.UnderlineStyle.WaveUnderline
            fmt.setUnderlineStyle(style)
            if line.kind == "suggestion":
                fmt.setUnderlineColor(suggestion_pen(line.color, line.score, dark=self.dark))
            else:
                fmt.setUnderlineColor(QColor(line.color))
            if line.kind == "note" and not backgrounds:
                fmt.setBackground(solid_brush(readable_tint(line.color, 0.16, dark=self.dark)))
        self._formats[key] = fmt
        return fmt

    def alpha(self, depth: int) -> float:
        """How strong a label's tint is: one label, or a region inside another. On dark paper
        the tints are fainter, as bright colours there glare and drown light text."""
        if self.dark:
            return 0.3 if depth == 1 else 0.5
        return 0.38 if depth == 1 else 0.7

    def highlightBlock(self, text: str) -> None:
        if self._loading:
            return
        block = self.currentBlock()
        spans = self.index.in_block(block.blockNumber())
        if not spans:
            return
        block_qt = block.position()
        # Qt positions count UTF-16 units; ``text`` arrives as a Python str of code points,
        # one shorter per emoji, so its len() would cut spans short near the paragraph end.
        length = block.length() - 1
        pieces: list[tuple[int, int, int]] = []  # (start, end, rank in ``spans``)
        for rank, span in enumerate(spans):
            start = max(0, self.umap.to_qt(span.start) - block_qt)
            end = min(length, self.umap.to_qt(span.end) - block_qt)
            if end > start:
                pieces.append((start, end, rank))
        if not pieces:
            return
        alternate = _alternate_claims(spans)
        # One sweep over the cut points: spans join the active set at their start and leave at
        # their end. Between two neighbouring cuts no span starts or ends, so the active set is
        # exactly the spans covering the whole piece. It is kept in ``spans`` order, which
        # decides ties in ``_format``.
        starts = sorted(pieces)
        ends = sorted(pieces, key=lambda piece: piece[1])
        cuts = sorted({0, length, *(p[0] for p in pieces), *(p[1] for p in pieces)})
        active: list[int] = []
        next_start = next_end = 0
        count = len(pieces)
        for left, right in pairwise(cuts):
            while next_start < count and starts[next_start][0] <= left:
                insort(active, starts[next_start][2])
                next_start += 1
            while next_end < count and ends[next_end][1] <= left:
                del active[bisect_left(active, ends[next_end][2])]
                next_end += 1
            if active:
                self.setFormat(
                    left, right - left, self._format([spans[i] for i in active], alternate)
                )
