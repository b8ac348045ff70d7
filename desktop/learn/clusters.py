"""Word clusters learnt from the project's own text, untagged included: features for the tagger.

Why: with 30 articles tagged the model knows a few hundred names; a project holds thousands of
articles the analyst never tagged, where the same contexts recur. A word that stands where the
tagged names stand (a foreign surname after قال or before وزير, a club's name after فريق) gets
the names' cluster, and the model's weight for that cluster reaches it though the analyst
never tagged it (the classic semi-supervised boost of named-entity taggers, as with Brown
clusters).

How, cheaply and in numpy alone: each word (its stem, :func:`stem_stream`) written at least
:data:`LEAST` times is described by the counts of the most frequent words one and two places
before and after it; the counts are weighted by positive pointwise mutual information, cut to
:data:`DIMENSIONS` dimensions by a randomised SVD, and the words are grouped by k-means (on
unit vectors: by the angle between them) into :data:`CLUSTERS` clusters. (A second, coarser
grouping of the clusters, as a Brown cluster's prefixes give, made persons less precise in the
folds of docs/suggestions.md.) Every random draw has a fixed seed, so the same text gives
the same clusters and the same suggestions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desktop.core.suggest.features import BREAK, stem_stream

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["PREFIX", "word_clusters"]

PREFIX = "k:"  # a word's feature: its cluster
LEAST = 2  # occurrences a word needs to be clustered (once says nothing of its contexts)
CONTEXTS = 500  # the most frequent words counted as neighbours, at each of the four places
REACH = (-2, -1, 1, 2)  # the neighbours' places
DIMENSIONS = 64
CLUSTERS = 200
ITERATIONS = 20  # k-means rounds (it settles in fewer on a project's words)
SEED = 14
MAX_WORDS = 30_000  # the most frequent words clustered: a bound on memory and time


def word_clusters(
    texts: Iterable[str],
    *,
    least: int = LEAST,
    contexts: int = CONTEXTS,
    reach: tuple[int, ...] = REACH,
    dimensions: int = DIMENSIONS,
    clusters: int = CLUSTERS,
) -> dict[str, tuple[str, ...]]:
    """Stem → its cluster feature (``k:<n>``, in a tuple as the features take it) for every
    word of ``texts`` written at least ``least`` times; words of too few contexts to group (a
    project of a few sentences) get none."""
    import numpy as np

    known: dict[str, str] = {}
    stream: list[str] = [BREAK]
    for text in texts:
        stream += stem_stream(text, known)
        stream.append(BREAK)
    counts = Counter(stream)
    del counts[BREAK]
    ranked = [w for w, n in counts.most_common(MAX_WORDS) if n >= least]
    if len(ranked) < max(clusters, 2 * dimensions):
        return {}
    number = {w: i for i, w in enumerate(ranked)}
    # The neighbours counted: the most frequent words, and the sentence's edge.
    neighbour = {w: i for i, (w, _) in enumerate(counts.most_common(contexts))}
    neighbour[BREAK] = len(neighbour)
    width = len(neighbour)
    ids = np.array([number.get(w, -1) for w in stream], dtype=np.int64)
    around = np.array([neighbour.get(w, -1) for w in stream], dtype=np.int64)
    # Each (word, place, neighbour) pair once, with its count: most pairs never occur, so
    # the counts and their weights are worked out on the pairs seen, then laid in a matrix.
    columns = width * len(reach)
    cells = []
    for place, offset in enumerate(reach):
        if offset > 0:
            mine, theirs = ids[:-offset], around[offset:]
        else:
            mine, theirs = ids[-offset:], around[:offset]
        keep = (mine >= 0) & (theirs >= 0)
        cells.append(mine[keep] * columns + place * width + theirs[keep])
    pairs, times = np.unique(np.concatenate(cells), return_counts=True)
    rows, cols = np.divmod(pairs, columns)
    shape = (len(ranked), columns)
    weights = _ppmi(rows, cols, times.astype(np.float64), shape)
    kept = weights > 0
    matrix = _Sparse(rows[kept], cols[kept], weights[kept], shape)
    vectors = _reduce(matrix, dimensions)
    labels = _kmeans(vectors, clusters, np.random.default_rng(SEED)).tolist()
    return {word: (f"{PREFIX}{labels[i]}",) for word, i in number.items()}


def _ppmi(
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
    counts: npt.NDArray[np.float64],
    shape: tuple[int, int],
) -> npt.NDArray[np.float64]:
    """Positive pointwise mutual information of the counts of the pairs (``rows``, ``cols``)
    (the neighbours' counts smoothed to the power 0.75, which keeps rare neighbours from
    dominating)."""
    import numpy as np

    total = counts.sum()
    words = np.bincount(rows, weights=counts, minlength=shape[0])
    around = np.bincount(cols, weights=counts, minlength=shape[1]) ** 0.75
    around /= around.sum()
    pmi = np.log(counts * (1.0 / total) / (words[rows] / total * around[cols]))
    return np.maximum(pmi, 0.0)  # type: ignore[no-any-return]


class _Sparse:
    """A matrix by its non-zero cells, with the two products the SVD needs, one column of
    the result at a time (``numpy.bincount``): most cells of 6,000 words × 2,000 neighbours
    are 0, and a dense matrix's products in OpenBLAS cost three times the CPU of this on two
    busy cores (its threads waiting on each other)."""

    def __init__(
        self,
        rows: npt.NDArray[np.int64],
        cols: npt.NDArray[np.int64],
        values: npt.NDArray[np.float64],
        shape: tuple[int, int],
    ) -> None:
        self.shape = shape
        self.rows, self.cols, self.values = rows, cols, values

    def times(self, right: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """self @ right."""
        return _product(self.rows, self.cols, self.values, right, self.shape[0])

    def transposed_times(self, right: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """self.T @ right."""
        return _product(self.cols, self.rows, self.values, right, self.shape[1])


def _product(
    into: npt.NDArray[np.int64],
    read: npt.NDArray[np.int64],
    values: npt.NDArray[np.float64],
    right: npt.NDArray[np.float64],
    n: int,
) -> npt.NDArray[np.float64]:
    """The product of the cells (``into`` row, ``read`` column, ``values``) with ``right``."""
    import numpy as np

    columns = np.ascontiguousarray(right.T)
    return np.stack(
        [np.bincount(into, weights=values * column[read], minlength=n) for column in columns],
        axis=1,
    )


def _reduce(matrix: _Sparse, dimensions: int) -> npt.NDArray[np.float64]:
    """The rows in ``dimensions`` dimensions, unit length: a randomised SVD (Halko et al.),
    the left singular vectors scaled by the square root of their values. Orthonormal bases
    from the eigenvectors of small Gram matrices, not LAPACK's QR and SVD: those took 30
    times longer on two busy cores (OpenBLAS's threads waiting on each other)."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    k = min(dimensions, *matrix.shape)
    probe = rng.standard_normal((matrix.shape[1], min(k + 10, matrix.shape[1])))
    basis = _orthonormal(matrix.times(probe))
    basis = _orthonormal(matrix.times(matrix.transposed_times(basis)))  # a power step
    small = matrix.transposed_times(basis)  # columns × basis' width
    squares, vectors = np.linalg.eigh(_einsum("ij,ik->jk", small, small))
    order = np.argsort(squares)[::-1][:k]
    values = np.sqrt(np.maximum(squares[order], 0.0))
    return _unit(_einsum("ij,jk->ik", basis, vectors[:, order]) * np.sqrt(values))


def _orthonormal(rows: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.float64]:
    """An orthonormal basis of the columns' span (from the Gram matrix's eigenvectors;
    directions of next to no length left out)."""
    import numpy as np

    wide = rows.astype(np.float64)
    squares, vectors = np.linalg.eigh(_einsum("ij,ik->jk", wide, wide))
    keep = squares > squares.max() * 1e-10
    return _einsum("ij,jk->ik", wide, vectors[:, keep]) / np.sqrt(squares[keep])  # type: ignore[no-any-return]


def _einsum(
    spec: str, left: npt.NDArray[np.float64], right: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """A product of a tall matrix and a small one in numpy's own loops, one thread: OpenBLAS
    took two to four times the CPU for these on two busy cores."""
    import numpy as np

    found: npt.NDArray[np.float64] = np.einsum(spec, left, right, optimize=False)
    return found


def _unit(rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    import numpy as np

    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: npt.NDArray[np.float64] = rows / norms
    return unit


def _kmeans(
    points: npt.NDArray[np.float64], k: int, rng: np.random.Generator
) -> npt.NDArray[np.int64]:
    """Spherical k-means of unit rows: each point's cluster. Seeded by
    k-means++ (each next centre drawn the farther from the chosen ones, the likelier)."""
    import numpy as np

    n = len(points)
    k = min(k, n)
    centres = np.empty((k, points.shape[1]))
    centres[0] = points[rng.integers(n)]
    far = 1.0 - points @ centres[0]
    for c in range(1, k):
        weights = np.maximum(far, 0.0)
        total = weights.sum()
        pick = rng.choice(n, p=weights / total) if total > 0 else rng.integers(n)
        centres[c] = points[pick]
        np.minimum(far, 1.0 - points @ centres[c], out=far)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(ITERATIONS):
        fresh = np.argmax(points @ centres.T, axis=1)
        if _ and np.array_equal(fresh, labels):
            break
        labels = fresh
        width = points.shape[1]
        cells = (labels[:, None] * width + np.arange(width)).ravel()
        sums = np.bincount(cells, weights=points.ravel(), minlength=k * width).astype(np.float64)
        sums = sums.reshape(k, width)
        empty = ~sums.any(axis=1)
        sums[empty] = centres[empty]  # a cluster left empty keeps its centre
        centres = _unit(sums)
    return labels
