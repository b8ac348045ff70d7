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

import os
import stat
import struct
import sys
import tempfile
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, unquote_to_bytes

import pycrfsuite

from desktop.core.suggest.features import Layout

__all__ = [
    "Classifier",
    "CrfDecoder",
    "CrfSettings",
    "CrfTagger",
    "DamagedModel",
    "Decoded",
    "check_model",
    "checked",
    "first_refusal",
    "refused",
    "sound",
    "train_classifier",
    "train_crf",
]

Sequences = Sequence[tuple[Sequence[Sequence[str]], Sequence[str]]]


class DamagedModel(ValueError):
    """A stored model's bytes are not a CRFsuite model this module can hand to the library."""


# CRFsuite's model file (crf1d_model.c): a 48-byte header — magic "lCRF", size, type "FOMC",
# version, the numbers of features, labels and attributes, and the offsets of the features,
# the labels' and attributes' dictionaries (CQDB), and the label and attribute references.
_HEADER = struct.Struct("<4sI4s9I")
_CHUNK = struct.Struct("<4sII")  # a chunk's id, size and number of items
_CQDB_HEADER = struct.Struct("<4s5I")  # id, size, flag, byte order, backward size and offset
_CQDB_TABLES = 256
_CQDB_FIRST = _CQDB_HEADER.size + 8 * _CQDB_TABLES
# The tagger allocates labels × labels scores: a label count near 2³² is an allocation
# crfsuite does not check. No project has a thousand entity labels (two tags each).
MAX_LABELS = 2000


def _words(blob: bytes, start: int, count: int) -> array[int]:
    words = array("I", blob[start : start + 4 * count])
    if sys.byteorder == "big":
        words.byteswap()
    return words


def _dictionary(blob: bytes, start: int, end: int, ids: int, what: str) -> None:
    """A CQDB dictionary in ``blob[start:end]``: every table, bucket and record inside it,
    each key ended by its NUL (the library reads keys as C strings), each id below ``ids``
    (it indexes the references with them), each of the ``ids`` in the backward array (it
    turns ids into names with it), and a free bucket in every table (a lookup probes until
    it meets one)."""
    size = end - start
    if size < _CQDB_FIRST:
        raise DamagedModel(f"the {what} dictionary is cut short")
    magic, total, _flag, _order, backward, backward_at = _CQDB_HEADER.unpack_from(blob, start)
    if magic != b"CQDB" or total > size:
        raise DamagedModel(f"the {what} dictionary's header is damaged")
    records: set[int] = set()
    tables = _words(blob, start + _CQDB_HEADER.size, 2 * _CQDB_TABLES)
    # The library counts its entries as half the buckets of every table, an empty one too.
    if sum(number // 2 for number in tables[1::2]) != ids:
        raise DamagedModel(f"the {what} dictionary's tables are damaged")
    for offset, number in zip(tables[0::2], tables[1::2], strict=True):
        if not offset:
            continue
        if offset + 8 * number > size:
            raise DamagedModel(f"a table of the {what} dictionary lies outside the model")
        buckets = _words(blob, start + offset, 2 * number)
        if number and 0 not in buckets[1::2]:
            raise DamagedModel(f"a table of the {what} dictionary has no free bucket")
        records.update(buckets[1::2])
    if backward_at:
        if backward < ids or backward_at + 4 * backward > size:
            raise DamagedModel(f"the {what} dictionary's names lie outside the model")
        named = _words(blob, start + backward_at, backward)
        if 0 in named[:ids]:
            raise DamagedModel(f"the {what} dictionary lacks a name")
        records.update(named)
    elif ids:
        raise DamagedModel(f"the {what} dictionary has no names")
    records.discard(0)
    for offset in records:
        if offset + 8 > size:
            raise DamagedModel(f"a name in the {what} dictionary lies outside the model")
        number, length = struct.unpack_from("<iI", blob, start + offset)
        if not 0 <= number < ids or length == 0 or offset + 8 + length > size:
            raise DamagedModel(f"a name in the {what} dictionary is damaged")
        key = blob[start + offset + 8 : start + offset + 8 + length]
        if key[-1] != 0:
            raise DamagedModel(f"a name in the {what} dictionary is not ended")
        try:  # the module decodes every name it returns
            key[: key.index(0)].decode("utf-8")
        except UnicodeDecodeError:
            raise DamagedModel(f"a name in the {what} dictionary is damaged") from None


def _references(blob: bytes, at: int, magic: bytes, count: int, features: int) -> None:
    """The feature lists of each label or attribute: each inside the model, each feature id
    below ``features`` (the library reads a feature at the id's place unchecked)."""
    if at < _HEADER.size or at + _CHUNK.size + 4 * count > len(blob):
        raise DamagedModel("a reference table lies outside the model")
    if _CHUNK.unpack_from(blob, at)[0] != magic:
        raise DamagedModel("a reference table's header is damaged")
    for offset in _words(blob, at + _CHUNK.size, count):
        if offset + 4 > len(blob):
            raise DamagedModel("a feature list lies outside the model")
        (number,) = struct.unpack_from("<I", blob, offset)
        if offset + 4 + 4 * number > len(blob):
            raise DamagedModel("a feature list lies outside the model")
        if number and max(_words(blob, offset + 4, number)) >= features:
            raise DamagedModel("a feature list names a feature the model does not have")


def check_model(blob: bytes) -> None:
    """Raise :class:`DamagedModel` unless every offset and index CRFsuite will follow in
    ``blob`` stays inside it. ``Tagger.open_inmemory`` and tagging follow them unchecked:
    a model cut short, or with a byte changed, crashed the process (a segmentation fault
    at every start of the window, as each opening reads the model again) — the model is a
    blob in a project file that anyone may have damaged or made by hand."""
    if len(blob) < _HEADER.size:
        raise DamagedModel("the model is cut short")
    (
        magic,
        size,
        kind,
        _version,
        _features,  # CRFsuite leaves it 0: the features' chunk holds their number
        labels,
        attributes,
        features_at,
        labels_at,
        attributes_at,
        label_refs_at,
        attribute_refs_at,
    ) = _HEADER.unpack_from(blob)
    if magic != b"lCRF" or kind != b"FOMC":
        raise DamagedModel("the model's header is damaged")
    if size != len(blob):
        raise DamagedModel("the model is not the size its header gives")
    if not 0 < labels <= MAX_LABELS:
        raise DamagedModel("the model's number of labels is damaged")
    if not _HEADER.size <= labels_at <= attributes_at <= label_refs_at <= len(blob):
        raise DamagedModel("the model's dictionaries lie outside it")
    _dictionary(blob, labels_at, attributes_at, labels, "labels")
    _dictionary(blob, attributes_at, label_refs_at, attributes, "attributes")
    if features_at < _HEADER.size or features_at + _CHUNK.size > len(blob):
        raise DamagedModel("the model's features lie outside it")
    chunk, _, features = _CHUNK.unpack_from(blob, features_at)
    if chunk != b"FEAT" or features_at + _CHUNK.size + 20 * features > len(blob):
        raise DamagedModel("the model's features are damaged")
    # Each feature: type, source, destination (32 bits each) and a weight (a double).
    words = _words(blob, features_at + _CHUNK.size, 5 * features)
    types, sources, targets = words[0::5], words[1::5], words[2::5]
    if features and (max(types) > 1 or max(targets) >= labels):
        raise DamagedModel("a feature of the model is damaged")
    for kind_of, source in zip(types, sources, strict=True):
        if source >= (labels if kind_of else attributes):
            raise DamagedModel("a feature of the model is damaged")
    _references(blob, label_refs_at, b"LFRF", labels, features)
    _references(blob, attribute_refs_at, b"AFRF", attributes, features)


# The models last found sound, by identity (each kept here, so its id is not reused): a
# tagger is made for every article tagged, and checking a large model each time would cost
# more than tagging.
_SOUND: dict[int, bytes] = {}


def checked(blob: bytes) -> bytes:
    """``blob`` once :func:`check_model` has passed it (remembered for the last few)."""
    if _SOUND.get(id(blob)) is not blob:
        check_model(blob)
        while len(_SOUND) >= 4:
            del _SOUND[next(iter(_SOUND))]
        _SOUND[id(blob)] = blob
    return blob


# Whether a stored model passed :func:`check_model`, by (project, kind, generation): a model
# is checked once per generation, and a damaged one is told of once (:func:`first_refusal`).
_VERDICTS: dict[tuple[str, str, int], bool] = {}
_TOLD: set[tuple[str, str, int]] = set()


def sound(key: tuple[str, str, int], blob: bytes) -> bool:
    """Whether the stored model ``key`` (project, kind, generation) with bytes ``blob`` may be
    handed to CRFsuite; a damaged one is then treated as absent, and trained again."""
    verdict = _VERDICTS.get(key)
    if verdict is None:
        try:
            checked(blob)
            verdict = True
        except DamagedModel:
            verdict = False
        _VERDICTS[key] = verdict
    return verdict


def refused(key: tuple[str, str, int]) -> bool:
    """Whether the stored model ``key`` was found damaged (False when not checked yet)."""
    return _VERDICTS.get(key) is False


def first_refusal(key: tuple[str, str, int]) -> bool:
    """True the first time it is asked of a damaged model: say so once, not at each use."""
    if not refused(key) or key in _TOLD:
        return False
    _TOLD.add(key)
    return True


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


def _to_crf(tag: str) -> str:
    """A tag as CRFsuite stores it: as it is, unless the module's reading of the model back
    (``Tagger.info``, a parser of CRFsuite's text dump, one line per weight ``a --> b: w``)
    would misread it — a label key with " --> " or a line break, which an import may bring
    in, failed that parser's assertion and the tagger never trained again — or it has "%".
    Those are %-escaped; an escaped tag always holds "%", an unescaped one never does."""
    if tag.isprintable() and "%" not in tag and "-->" not in tag:
        return tag
    return quote(tag.encode("utf-8", "surrogatepass"), safe="")


def _from_crf(tag: str) -> str:
    return tag if "%" not in tag else unquote_to_bytes(tag).decode("utf-8", "surrogatepass")


_PREFIX = "hamish-crf-"
STALE_SECONDS = 3600  # a training run takes seconds: a folder this old is a killed run's


def _clear_stale() -> None:
    """Remove the folders of training runs that were killed (``kill -9``, a crash): their
    TemporaryDirectory was never cleaned up, and each left a folder in the temporary folder.
    Only this user's, and only an hour old — another run may be training now."""
    base = Path(tempfile.gettempdir())
    now = time.time()
    user = os.getuid() if hasattr(os, "getuid") else None
    try:
        found = list(base.glob(f"{_PREFIX}*"))
    except OSError:
        return
    for folder in found:
        try:
            info = folder.lstat()
            if (
                not stat.S_ISDIR(info.st_mode)
                or (user is not None and info.st_uid != user)
                or now - info.st_mtime < STALE_SECONDS
            ):
                continue
            for item in folder.iterdir():
                if item.is_file() and not item.is_symlink():
                    item.unlink()
            folder.rmdir()
        except OSError:
            continue  # in use, or not ours to remove: left as it is


def train_crf(sequences: Sequences, settings: CrfSettings | None = None) -> tuple[bytes, list[str]]:
    """Train on ``(features per token, tag per token)`` sequences; returns the model's bytes
    and the attributes that kept a weight (the rest can be left out when tagging)."""
    settings = settings or CrfSettings()
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(features, [_to_crf(tag) for tag in tags])
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.max_iterations,
            "feature.minfreq": settings.min_freq,
            "feature.possible_transitions": True,
        }
    )
    _clear_stale()
    with tempfile.TemporaryDirectory(prefix=_PREFIX) as folder:
        path = Path(folder) / "model.crfsuite"
        trainer.train(str(path))
        model = path.read_bytes()
    checked(model)  # what CRFsuite just wrote must pass the check that reading it needs
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
        """Raises :class:`DamagedModel` for bytes CRFsuite could not read safely."""
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(checked(model))
        except DamagedModel:
            raise
        except ValueError as error:  # "Invalid model": what the library itself refuses
            raise DamagedModel(str(error)) from error
        try:
            # Each label read and looked up by its name, as marginal() will: a byte changed in
            # the labels' hash table leaves every offset sound and the name unfound (found by
            # the random damage of tests/learn/test_damaged_model.py once the model changed),
            # and one in a name's length made the library's string constructor throw.
            names = [str(label) for label in self._tagger.labels()]
            self._tagger.set([[]])
            for name in names:
                self._tagger.marginal(name, 0)
        except RuntimeError as error:
            self._tagger.close()
            raise DamagedModel("a label of the model cannot be looked up") from error
        self.labels: tuple[str, ...] = tuple(_from_crf(name) for name in names)

    def tag(self, features: Sequence[Sequence[str]] | Sequence[Sequence[bytes]]) -> list[str]:
        """The most likely tag of each token; then :meth:`marginal` reads this sequence.
        Features in UTF-8 bytes are read as they are (strings are encoded on each call)."""
        self._tagger.set(features)
        tags: list[str] = self._tagger.tag()  # strings: the module decodes them
        return [_from_crf(tag) for tag in tags]

    def marginal(self, tag: str, position: int) -> float:
        """P(token ``position`` has ``tag``) in the sequence last tagged."""
        return float(self._tagger.marginal(_to_crf(tag), position))

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


class _Shape(NamedTuple):
    """What decoding a layout takes from its text alone (:meth:`CrfDecoder._shape`)."""

    row: Any  # each token's row, time-major
    steps: list[tuple[int, int]]  # where each step's rows begin, how many
    last: Any  # each sentence's last row
    words: Any  # each row's written word
    neighbours: list[tuple[Any, Any]]  # each neighbour's features picked (CrfDecoder._chosen)


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
        self.labels = tuple(_from_crf(label.decode()) for label in _strings(model, labels))
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
        # Each written word's own features' sum, remembered (:meth:`_own_sums`): a word's
        # features → its row in the sums. One tuple replaced whole, never changed: the
        # reader's and the review queue's workers share the decoder.
        self._sums: tuple[dict[tuple[bytes, ...], int], Any] = ({}, np.zeros((0, size)))
        # What the last layout's text alone made (:meth:`_shape`), by its ``plan``.
        self._shaped: tuple[object, _Shape] | None = None

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
        the other (crfsuite's order).

        A column's padding (the zero row: no feature there) is left out rather than added:
        x + 0.0 is x, so the sums are the same to the last bit, and most tokens have a
        feature in few columns — the words' neighbours give one in a column for about one
        token in twenty on a 1 MB article, where the widest word pads every token's row."""
        self._add_chosen(scores, *self._chosen(rows, which))

    def _chosen(self, rows: Any, which: Any) -> tuple[Any, Any]:
        """``rows[which]``, only the rows that hold a feature (``which`` an array; a slice
        takes them all), and where each is in ``which`` (None for a slice)."""
        if isinstance(which, slice):
            return rows[which], None
        # A word's neighbours' features are on about one token in twenty, and picking every
        # token's row of every neighbours' column was most of their time.
        live = self._np.flatnonzero((rows != self._none).any(axis=1)[which])
        return rows[which[live]], live

    def _add_chosen(self, scores: Any, chosen: Any, live: Any) -> None:
        """:meth:`_add` on what :meth:`_chosen` picked."""
        np = self._np
        weights = self._weights
        none = self._none
        for column in range(chosen.shape[1]):
            numbers = chosen[:, column]
            some = numbers != none
            if live is None and some.all():
                scores += weights[numbers]
            else:
                at = np.flatnonzero(some)
                scores[at if live is None else live[at]] += weights[numbers[at]]

    def _shape(self, layout: Layout[bytes]) -> _Shape:
        """What decoding ``layout`` takes from its text alone: the time-major order of its
        tokens and the neighbours' features of each. Kept for the next layout of the same
        ``plan`` (the window tags the same article again after every tag)."""
        np = self._np
        tokens = len(layout.tokens)
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
        word_of = np.array(layout.word_of, dtype=np.intp)
        begins = np.repeat(cuts[:-1], lengths)[place]
        ends = np.repeat(cuts[1:], lengths)[place]
        edge = len(layout.words)  # the row of a sentence's edge in the neighbours' tables
        neighbours = []
        for part, shift in ((1, -2), (2, -1), (3, 1), (4, 2)):
            rows = self._rows([*(w[part] for w in layout.words), layout.edges[part - 1]])
            there = place + shift
            inside = (there >= begins) & (there < ends)
            which = np.where(inside, word_of[np.clip(there, 0, tokens - 1)], edge)
            neighbours.append(self._chosen(rows, which))
        last = offsets[longest - 1] + np.arange(len(order))
        return _Shape(row, steps, last, word_of[place], neighbours)

    def decode(self, layout: Layout[bytes]) -> Decoded:
        """Tag every sentence of ``layout``: the Viterbi path and the marginals."""
        np = self._np
        tokens = len(layout.tokens)
        size = len(self.labels)
        if not tokens:
            return Decoded(self.labels, [], np.zeros((0, size)), [], np.zeros(0, dtype=np.intp))
        kept = self._shaped  # one read: another thread may replace it meanwhile
        if kept is not None and layout.plan is not None and kept[0] is layout.plan:
            shape = kept[1]
        else:
            shape = self._shape(layout)
            if layout.plan is not None:
                self._shaped = (layout.plan, shape)
        row, steps = shape.row, shape.steps
        # State scores: each written word's own features added up once (a prefix of every
        # token's sum), then the neighbours' and the tails' in order.
        prefix = self._own_sums([w[0] for w in layout.words])
        scores = prefix[shape.words]
        for chosen, live in shape.neighbours:
            self._add_chosen(scores, chosen, live)
        if layout.tails:
            places = row[np.array(list(layout.tails), dtype=np.intp)]
            part = scores[places]
            self._add(part, self._rows(list(layout.tails.values())), slice(None))
            scores[places] = part
        found = self._viterbi(scores, steps, shape.last)[row]
        marginals = self._marginals(scores, steps)  # (the scores are spent)
        labels = self.labels
        sure = marginals[row, found].tolist()
        # (each tag's string picked in C: a list made in Python was 100,000 steps)
        tags = np.array(labels, dtype=object)[found].tolist()
        return Decoded(labels, tags, marginals, sure, row)

    # The most written words' sums remembered: a hostile text of random words cannot grow
    # them forever (about 1 KB each with its features' tuple).
    SUMS_KEPT = 200_000

    def _own_sums(self, groups: Sequence[tuple[bytes, ...]]) -> Any:
        """Each group's weights added up (:meth:`_add` from zeros), a row per group.

        A written word's own and article features are the first of every token's features,
        so their sum is the first part of each of its tokens' sums, to the last bit: each
        distinct group is added up once and remembered, by its features (the window tags the
        same article again after every tag; most words of a new article were seen before).
        The 1 MB article's 17,000 words have 218,000 own features: looking them up and adding
        them was a fifth of decoding it."""
        np = self._np
        index, sums = self._sums
        numbers = list(map(index.get, groups))
        if None in numbers:
            new = list(dict.fromkeys(g for g, n in zip(groups, numbers, strict=True) if n is None))
            if len(index) + len(new) > self.SUMS_KEPT:
                index, sums, new = {}, sums[:0], list(dict.fromkeys(groups))
            added = np.zeros((len(new), len(self.labels)))
            self._add(added, self._rows(new), slice(None))
            index = {**index, **{g: len(sums) + n for n, g in enumerate(new)}}
            sums = np.concatenate((sums, added))
            self._sums = (index, sums)
            numbers = list(map(index.__getitem__, groups))
        return sums[np.array(numbers, dtype=np.intp)]

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
                # The greater of the two, in place: where they are equal, either is the
                # same number (a zero's sign aside, which no later sum or comparison tells
                # apart), and ``came`` keeps the first (``np.where`` made a third array:
                # 30 → 25 ms on a 1 MB article).
                np.maximum(top, path, out=top)
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
