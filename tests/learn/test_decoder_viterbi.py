"""``CrfDecoder._viterbi`` (every sentence at once, time-major, the greater of two paths taken
in place) gives each sentence crfsuite's path: its loop over the previous tag, where a later
tag takes over only with a strictly greater score, so the first of equal ones wins. Scores
of small whole numbers and signed zeros make ties everywhere."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.learn.crf import CrfDecoder

_VALUES = st.sampled_from([-2.0, -1.0, -0.0, 0.0, 1.0, 2.0])


def _crfsuite_path(scores: list[list[float]], trans: list[list[float]]) -> list[int]:
    """``crf1dc_viterbi`` of one sentence, written out as crfsuite loops."""
    labels = len(trans)
    best = [list(scores[0])]
    back: list[list[int]] = [[0] * labels]
    for t in range(1, len(scores)):
        row, came = [], []
        for j in range(labels):
            top, where = best[t - 1][0] + trans[0][j], 0
            for i in range(1, labels):
                path = best[t - 1][i] + trans[i][j]
                if top < path:
                    top, where = path, i
            row.append(top + scores[t][j])
            came.append(where)
        best.append(row)
        back.append(came)
    last = best[-1]
    tag = max(range(labels), key=lambda j: (last[j], -j))  # the first of the greatest
    path = [tag]
    for t in range(len(scores) - 1, 0, -1):
        tag = back[t][tag]
        path.append(tag)
    return path[::-1]


def _decoder(trans: list[list[float]]) -> Any:
    decoder = CrfDecoder.__new__(CrfDecoder)
    decoder._np = np
    decoder._transitions = np.array(trans, dtype=float)
    decoder.labels = tuple(f"L{j}" for j in range(len(trans)))
    return decoder


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda labels: st.tuples(
            st.lists(
                st.lists(_VALUES, min_size=labels, max_size=labels),
                min_size=labels,
                max_size=labels,
            ),
            st.lists(
                st.lists(
                    st.lists(_VALUES, min_size=labels, max_size=labels), min_size=1, max_size=7
                ),
                min_size=1,
                max_size=6,
            ),
        )
    )
)
def test_the_viterbi_of_all_sentences_is_crfsuites_of_each(case: Any) -> None:
    trans, sentences = case
    # Time-major, as CrfDecoder._shape lays them out: the sentences longest first, step t's
    # tokens side by side.
    order = sorted(range(len(sentences)), key=lambda k: -len(sentences[k]))
    longest = len(sentences[order[0]])
    rows: list[list[float]] = []
    steps: list[tuple[int, int]] = []
    where: dict[tuple[int, int], int] = {}
    for t in range(longest):
        begin = len(rows)
        for k in order:
            if t < len(sentences[k]):
                where[(k, t)] = len(rows)
                rows.append(sentences[k][t])
        steps.append((begin, len(rows) - begin))
    last = np.array([where[(k, len(sentences[k]) - 1)] for k in order], dtype=np.intp)
    tags = _decoder(trans)._viterbi(np.array(rows, dtype=float), steps, last)
    for k, sentence in enumerate(sentences):
        found = [int(tags[where[(k, t)]]) for t in range(len(sentence))]
        assert found == _crfsuite_path(sentence, trans)
