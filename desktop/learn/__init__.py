"""Learning from the analyst: a statistical tagger trained on the project's own entity tags.

A layer of its own, between io and ops (tests/layering_rules.py): it reads the store and may
use third-party libraries, which core may not. ``desktop.learn.crf`` is the only module that
imports pycrfsuite; the features it learns from are pure text work in
``desktop.core.suggest.features``.

* :mod:`.tagger`: ``train(project)``, ``should_retrain(project)``, ``suggest(project, id)``.
* :mod:`.crf`: training to bytes and tagging with marginal probabilities (pycrfsuite).
* :mod:`.sources`: the membership sources the features use (the registry, the gazetteer).
"""
