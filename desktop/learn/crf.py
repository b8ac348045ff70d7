"""The only module that imports pycrfsuite (tests/layering_rules.py checks it): train a
linear-chain CRF to bytes, and tag sequences with a model loaded from bytes.

Why CRFsuite: a linear-chain CRF is the classic tagger for named entities, it trains in a
second or two on the few thousand sentences an analyst tags, runs offline with nothing
downloaded, and python-crfsuite (MIT) ships wheels with the C library inside.

CRFsuite trains to a file; the bytes are read back from a temporary file and stored in the
project, and loaded again with ``Tagger.open_inmemory`` (no file at all).

The claim classifier uses the same library: a CRF over a sequence of one item has no
transitions, only state features, which makes it a maximum-entropy (logistic regression)
classifier, and the marginal of its one item is the class probability (:func:`train_classifier`,
:class:`Classifier`). No second learning library (scikit-learn would bring SciPy along).

Suggesting tags a whole article with :class:`CrfDecoder`: the same model, its weights read
from the bytes into numpy arrays (numpy, imported when one is made, is the network layout's
already), the same tags and marginals, several times faster on a long article than handing
crfsuite every token's features. :class:`CrfTagger` stays for the claim classifier, and as
the reference the decoder is tested against.
"""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat
from pathlib import Path
from typing import Any

import pycrfsuite

from desktop.core.suggest.features import Layout

__all__ = [
    "Classifier",
    "CrfDecoder",
    "CrfSettings",
    "CrfTagger",
    "Decoded",
    "train_classifier",
    "train_crf",
]

Sequences = Sequence[tuple[Sequence[Sequence[str]], Sequence[str]]]


@dataclass(frozen=True, slots=True)
class CrfSettings:
    """L-BFGS training with elastic-net regularisation: ``c1`` (L1) drops features that do
    not help, which keeps the model small and the tagging fast; ``c2`` (L2) smooths the
    rest. ``min_freq`` drops features seen fewer times in training."""

    # Chosen by 3-fold cross-validation over the development corpus's training articles
    # (0..29; benchmarks/suggestions.py --tune) with the corpus features and word classes
    # (tagger FEATURES_VERSION 5): c1 = 0.05 at 40 iterations scores best (mean F0.5 0.823;
    # 0.02 at 40 0.822, 0.02 at 50 0.821, 0.1 at 40 0.820), and 40 iterations train in a
    # fifth less time, which the new features need to stay near 5 s on 30 articles. With
    # version 4, c1 = 0.02 at 50 iterations scored best; before the "rare" features, 0.2.
    c1: float = 0.05
    c2: float = 0.02
    max_iterations: int = 40
    min_freq: int = 1


def train_crf(sequences: Sequences, settings: CrfSettings | None = None) -> tuple[bytes, list[str]]:
    """Train on ``(features per token, tag per token)`` sequences; returns the model's bytes
    and the attributes that kept a weight (the rest can be left out when tagging)."""
    settings = settings or CrfSettings()
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(features, list(tags))
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.max_iterations,
            "feature.minfreq": settings.min_freq,
            "feature.possible_transitions": True,
        }
    )
    with tempfile.TemporaryDirectory(prefix="hamish-crf-") as folder:
        path = Path(folder) / "model.crfsuite"
        trainer.train(str(path))
        model = path.read_bytes()
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    try:
        attributes = sorted({attribute for attribute, _ in tagger.info().state_features})
    finally:
        tagger.close()
    return model, attributes


class CrfTagger:
    """A model loaded from bytes. Not thread-safe: make one per thread (cheap)."""

    def __init__(self, model: bytes) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        self.labels: tuple[str, ...] = tuple(str(label) for label in self._tagger.labels())

    def tag(self, features: Sequence[Sequence[str]] | Sequence[Sequence[bytes]]) -> list[str]:
        """The most likely tag of each token; then :meth:`marginal` reads this sequence.
        Features in UTF-8 bytes are read as they are (strings are encoded on each call)."""
        self._tagger.set(features)
        tags: list[str] = self._tagger.tag()  # strings: the module decodes them
        return tags

    def marginal(self, tag: str, position: int) -> float:
        """P(token ``position`` has ``tag``) in the sequence last tagged."""
        return float(self._tagger.marginal(tag, position))

    def close(self) -> None:
        self._tagger.close()


def train_classifier(
    examples: Sequence[tuple[Sequence[str], str]], settings: CrfSettings | None = None
) -> tuple[bytes, list[str]]:
    """Train a maximum-entropy classifier on ``(features, class)`` examples: each is a CRF
    sequence of one item. Returns the model's bytes and the attributes that kept a weight."""
    return train_crf([([features], [label]) for features, label in examples], settings)


class Classifier:
    """A classifier trained by :func:`train_classifier`, loaded from bytes. Not thread-safe:
    make one per thread (cheap)."""

    def __init__(self, model: bytes) -> None:
        self._tagger = CrfTagger(model)
        self.labels = self._tagger.labels

    def probability(self, features: Sequence[str], label: str) -> float:
        """P(``label`` | ``features``); 0 for a class the model never saw."""
        if label not in self.labels:
            return 0.0
        self._tagger.tag([features])
        return self._tagger.marginal(label, 0)

    def close(self) -> None:
        self._tagger.close()


class Decoded:
    """The most likely tags of every token of a :class:`~desktop.core.suggest.features.Layout`
    and each tag's marginal probability: what :class:`CrfTagger` gives one sentence at a
    time, for the whole article at once."""

    def __init__(
        self, labels: tuple[str, ...], tags: list[str], marginals: Any, sure: list[float], row: Any
    ) -> None:
        self.tags = tags  # one per token of the layout
        self.sure = sure  # each token's marginal of its own tag
        self._column = {label: n for n, label in enumerate(labels)}
        self._marginals = marginals  # numpy array: row × label
        self._row = row  # each token's row

    def marginal(self, tag: str, position: int) -> float:
        """P(token ``position`` of the layout has ``tag``)."""
        # .item: the same float, without a numpy scalar made on the way (thousands of names)
        return float(self._marginals.item(self._row[position], self._column[tag]))


def _strings(model: bytes, at: int) -> list[bytes]:
    """The strings of one of the model's CQDB tables (labels, attributes), by their id."""
    chunk, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", model, at)
    if chunk != b"CQDB":
        raise ValueError("not a CRFsuite model")
    found = []
    for offset in struct.unpack_from(f"<{count}I", model, at + backward):
        _id, size = struct.unpack_from("<II", model, at + offset)
        found.append(model[at + offset + 8 : at + offset + 7 + size])  # without its NUL
    return found


class CrfDecoder:
    """A CRFsuite model's weights as arrays, to tag a whole article at once.

    Why not crfsuite itself: handing it a 1 MB article's 1.5 million features, token by
    token, took a third of suggesting there (it copies each one and looks it up), where
    tagging was nothing. Here each written word's own features are looked up and added up
    once (:class:`~desktop.core.suggest.features.Layout`), then its neighbours' and the few
    tokens' others in the order crfsuite adds them — one weight after another, from 0, with
    0.0 where a feature has none for a label, which changes no sum —, so every token's state
    scores are crfsuite's to the last bit, and so is the Viterbi path (the first of equal
    scores wins, as there). The marginals come from the same forward-backward with scaling,
    equal to crfsuite's within rounding (1e-12).

    The model is read from its bytes (CRFsuite's ``crf1dm`` format: a header, the features
    with their weights, the labels' and the attributes' string tables). Decoding changes
    nothing of the decoder: the reader's and the review queue's workers share one."""

    def __init__(self, model: bytes) -> None:
        import numpy as np

        magic, _size, kind, _version, _f, _l, _a, features, labels, attributes = struct.unpack_from(
            "<4sI4sIIIIIII", model, 0
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite model")
        self.labels = tuple(label.decode() for label in _strings(model, labels))
        names = _strings(model, attributes)
        chunk, _chunk_size, count = struct.unpack_from("<4sII", model, features)
        if chunk != b"FEAT":
            raise ValueError("not a CRFsuite model")
        table = np.frombuffer(
            model,
            dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")]),
            count=count,
            offset=features + 12,
        )
        size = len(self.labels)
        # One row per attribute and a last row of zeros: what a missing feature adds.
        weights = np.zeros((len(names) + 1, size))
        state = table[table["type"] == 0]
        weights[state["src"], state["dst"]] = state["weight"]
        transitions = np.zeros((size, size))
        moves = table[table["type"] == 1]
        transitions[moves["src"], moves["dst"]] = moves["weight"]
        self._np = np
        self._weights = weights
        self._transitions = transitions
        self._none = len(names)
        self._index: dict[bytes, int] = {name: n for n, name in enumerate(names)}

    def _rows(self, groups: Sequence[Sequence[bytes]]) -> Any:
        """Each group of features as a row of attribute numbers, padded with the zero row."""
        np = self._np
        none = self._none
        sizes = np.fromiter(map(len, groups), dtype=np.intp, count=len(groups))
        total = int(sizes.sum())
        numbers = np.fromiter(
            map(self._index.get, chain.from_iterable(groups), repeat(none)),
            dtype=np.intp,
            count=total,
        )
        rows = np.full((len(groups), max(int(sizes.max(initial=0)), 1)), none, dtype=np.intp)
        begins = np.repeat(np.cumsum(sizes) - sizes, sizes)
        rows[np.repeat(np.arange(len(groups)), sizes), np.arange(total) - begins] = numbers
        return rows

    def _add(self, scores: Any, rows: Any, which: Any) -> None:
        """Add to ``scores`` the weights of the features ``rows[which]``, one column after
        the other (crfsuite's order)."""
        weights = self._weights
        chosen = rows[which]
        for column in range(chosen.shape[1]):
            scores += weights[chosen[:, column]]

    def decode(self, layout: Layout[bytes]) -> Decoded:
        """Tag every sentence of ``layout``: the Viterbi path and the marginals."""
        np = self._np
        tokens = len(layout.tokens)
        size = len(self.labels)
        if not tokens:
            return Decoded(self.labels, [], np.zeros((0, size)), [], np.zeros(0, dtype=np.intp))
        # Time-major: step t's tokens (of the sentences longer than t, longest first) side by
        # side, so each step of the Viterbi and forward-backward reads and writes a slice, not
        # scattered rows. ``place``: the token at each row; ``row``: the row of each token.
        cuts = np.array(layout.cuts, dtype=np.intp)
        lengths = np.diff(cuts)
        order = np.argsort(-lengths, kind="stable")
        starts, longest = cuts[:-1][order], lengths[order]
        counts = np.searchsorted(-longest, -np.arange(int(longest[0])), side="left")
        offsets = np.concatenate(([0], np.cumsum(counts)))
        place = np.concatenate([starts[:k] + t for t, k in enumerate(counts.tolist())])
        row = np.empty(tokens, dtype=np.intp)
        row[place] = np.arange(tokens)
        steps = [(int(offsets[t]), int(k)) for t, k in enumerate(counts)]
        # State scores: each written word's own features added up once (a prefix of every
        # token's sum), then the neighbours' and the tails' in order.
        word_of = np.array(layout.word_of, dtype=np.intp)
        own = self._rows([w[0] for w in layout.words])
        prefix = np.zeros((len(layout.words), size))
        self._add(prefix, own, slice(None))
        scores = prefix[word_of[place]]
        begins = np.repeat(cuts[:-1], lengths)[place]
        ends = np.repeat(cuts[1:], lengths)[place]
        edge = len(layout.words)  # the row of a sentence's edge in the neighbours' tables
        for part, shift in ((1, -2), (2, -1), (3, 1), (4, 2)):
            rows = self._rows([*(w[part] for w in layout.words), layout.edges[part - 1]])
            there = place + shift
            inside = (there >= begins) & (there < ends)
            which = np.where(inside, word_of[np.clip(there, 0, tokens - 1)], edge)
            self._add(scores, rows, which)
        if layout.tails:
            places = row[np.array(list(layout.tails), dtype=np.intp)]
            part = scores[places]
            self._add(part, self._rows(list(layout.tails.values())), slice(None))
            scores[places] = part
        found = self._viterbi(scores, steps, offsets[longest - 1] + np.arange(len(order)))[row]
        marginals = self._marginals(scores, steps)  # (the scores are spent)
        labels = self.labels
        sure = marginals[row, found].tolist()
        return Decoded(labels, [labels[t] for t in found.tolist()], marginals, sure, row)

    def _viterbi(self, scores: Any, steps: Sequence[tuple[int, int]], last: Any) -> Any:
        """crfsuite's Viterbi (``crf1dc_viterbi``) over every sentence at once; ``scores``
        time-major (``steps``: where each step's tokens begin, how many), ``last``: where
        each sentence's last token is."""
        np = self._np
        trans = self._transitions
        best = np.empty_like(scores)
        back = np.zeros(scores.shape, dtype=np.int16)  # a tag number: two per label
        begin, count = steps[0]
        best[:count] = scores[:count]
        labels = range(1, len(self.labels))
        for (before, _), (begin, count) in pairwise(steps):
            # From each tag i before in turn, as crfsuite's loop: a later i takes over only
            # with a greater score (its strict <), so the first of equal ones wins.
            prev = best[before : before + count]
            top = prev[:, :1] + trans[0]
            came = np.zeros(top.shape, dtype=np.int16)
            for i in labels:
                path = prev[:, i : i + 1] + trans[i]
                better = top < path
                top = np.where(better, path, top)
                came[better] = i
            back[begin : begin + count] = came
            best[begin : begin + count] = top + scores[begin : begin + count]
        tags = np.zeros(len(scores), dtype=np.intp)
        tags[last] = best[last].argmax(axis=1)
        for (begin, _), (after, count) in reversed(list(pairwise(steps))):
            # the sentences that go on after this step: their tag here is the path's way back
            tags[begin : begin + count] = back[
                np.arange(after, after + count), tags[after : after + count]
            ]
        return tags

    def _marginals(self, scores: Any, steps: Sequence[tuple[int, int]]) -> Any:
        """P(tag) of each token: crfsuite's scaled forward-backward (``crf1dc_alpha_score``,
        ``crf1dc_beta_score``, ``crf1dc_marginal_point``) over every sentence at once,
        time-major as in :meth:`_viterbi`."""
        np = self._np
        state = np.exp(scores, out=scores)
        trans = np.exp(self._transitions)
        alpha = np.empty_like(state)
        beta = np.empty_like(state)
        scale = np.empty(len(state))

        def scaled(begin: int, count: int, values: Any) -> None:
            total = values.sum(axis=1)
            factor = 1.0 / np.where(total != 0.0, total, 1.0)
            scale[begin : begin + count] = factor
            alpha[begin : begin + count] = values * factor[:, None]

        begin, count = steps[0]
        scaled(begin, count, state[:count])
        for (before, _), (begin, count) in pairwise(steps):
            now = slice(begin, begin + count)
            scaled(begin, count, (alpha[before : before + count] @ trans) * state[now])
        # A sentence's last token: its beta is its scale.
        beta[:] = scale[:, None]
        for (begin, _), (after, count) in reversed(list(pairwise(steps))):
            later = slice(after, after + count)
            beta[begin : begin + count] = ((beta[later] * state[later]) @ trans.T) * scale[
                begin : begin + count, None
            ]
        alpha *= beta
        alpha /= scale[:, None]
        return alpha
