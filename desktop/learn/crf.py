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
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

__all__ = ["Classifier", "CrfSettings", "CrfTagger", "train_classifier", "train_crf"]

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
