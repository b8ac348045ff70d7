"""Property-based tests (Hypothesis) of everything that reads hostile input: the importers,
the JSON validator, the search query parser and the Arabic normaliser's offset map (issue 13).

How many examples each property gets is set by the Hypothesis profile: ``ci`` (the default,
chosen in ``tests/conftest.py``) runs a few hundred, derandomised and without an example
database, so the suite stays fast and never flaky; ``soak`` (``benchmarks/fuzz.py``, or
``pytest tests/fuzz --hypothesis-profile=soak``) runs many more with fresh random seeds.
"""
