"""CoNLL / BIO export: the entity tags of each article, one token per line, for training
other tools' named-entity models. Export only (docs/interop.md).

The file (UTF-8, no byte-order mark, ``\\n`` line endings):

* each article starts with ``-DOCSTART-\\tO`` and a blank line (CoNLL-2003's marker, which
  NER readers skip);
* one token per line, two columns separated by a tab: the token as written in the article,
  and its tag — ``B-key`` on the first token of a tag, ``I-key`` on the rest, ``O`` outside
  (``key`` is the label's key, whitespace made ``_``);
* a blank line after each sentence.

Tokens and sentences are Hamish's own, those the statistical tagger learns from
(:func:`desktop.core.suggest.features.tokenize`): a word is a run of letters and digits with
the harakat, tatweel and joiners on them; each other non-space character is a token of its
own; a sentence ends after ``.`` ``!`` ``?`` ``؟``, at a line break, and after 150 tokens.
**Clitics stay attached**: ``وإسرائيل`` is one token, tagged whole — as the tagger sees it.

Only tags of labels of kind *entity* are written. What BIO cannot hold is counted in the
summary: of nested or overlapping tags only the one that starts first (then the longer) is
kept (:func:`desktop.core.suggest.features.bio_tags`); a tag that covers part of a token is
widened to the whole token; a tag across a sentence end reads as two.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from desktop.core.suggest.features import OUTSIDE, Token, bio_tags, tokenize
from desktop.io.exchange.common import ExchangeSummary, ProjectView, count_lost
from desktop.io.exporters import check_export_target, replace_on_success
from desktop.store.project import Project

_WHITESPACE = re.compile(r"\s")


def _tag_name(key: str) -> str:
    return _WHITESPACE.sub("_", key)


def article_lines(
    text: str, spans: Sequence[tuple[int, int, str]], lost: Counter[str]
) -> list[str]:
    """The lines of one article (without ``-DOCSTART-``): token, tab, tag; blank lines
    between sentences. ``lost`` counts what BIO could not hold."""
    sentences = tokenize(text)
    tokens: list[Token] = [token for sentence in sentences for token in sentence]
    tags = bio_tags(tokens, spans)
    start_list = [token.start for token in tokens]
    end_list = [token.end for token in tokens]
    starts, ends = set(start_list), set(end_list)
    first_of_sentence = {sentence[0].start for sentence in sentences[1:]}
    kept = {(t.start, tag[2:]) for t, tag in zip(tokens, tags, strict=True) if tag[:2] == "B-"}
    for start, end, kind in spans:
        covered = tokens[bisect_right(end_list, start) : bisect_left(start_list, end)]
        if not covered or (covered[0].start, kind) not in kept:
            lost["nested or overlapping tags (BIO holds one tag per token)"] += 1
            continue
        if start not in starts or end not in ends:
            lost["tags widened to whole tokens"] += 1
        if any(t.start in first_of_sentence for t in covered[1:]):
            lost["tags across a sentence end (read as two)"] += 1
    lines: list[str] = []
    index = 0
    for sentence in sentences:
        for token in sentence:
            lines.append(f"{token.text}\t{tags[index]}")
            index += 1
        lines.append("")
    return lines


def export_conll(
    project: Project,
    path: str | os.PathLike[str],
    document_ids: Sequence[int] | None = None,
    *,
    overwrite: bool = False,
) -> ExchangeSummary:
    """Write the entity tags of the project (or ``document_ids``) as CoNLL / BIO."""
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    view = ProjectView.read(project, document_ids)
    lost: Counter[str] = Counter()
    lost["tags whose text has changed (orphaned)"] += view.orphaned
    entity_labels = {i for i, label in view.labels.items() if label["kind"] == "entity"}
    written = 0
    with (
        replace_on_success(target, overwrite=overwrite, project_path=project.path) as tmp,
        tmp.open("w", encoding="utf-8", newline="\n") as out,
    ):
        for document in view.documents:
            rows = view.annotations.get(document["id"], [])
            spans = [
                (row["start"], row["end"], _tag_name(view.labels[row["label_id"]]["key"]))
                for row in rows
                if row["label_id"] in entity_labels
            ]
            lost["tags of other kinds (claims, notes, spans)"] += len(rows) - len(spans)
            written += len(spans)
            out.write(f"-DOCSTART-\t{OUTSIDE}\n\n")
            for line in article_lines(document["text"], spans, lost):
                out.write(line + "\n")
    return ExchangeSummary(
        target, len(view.documents), written, target.stat().st_size, count_lost(lost)
    )
