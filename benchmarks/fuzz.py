"""The property tests of tests/fuzz/ with many more examples than CI runs (issue 13).

CI runs each property a few hundred times with the same examples every time (the ``ci``
Hypothesis profile of tests/conftest.py). This runs them with the ``soak`` profile: fresh
random examples on every run, ``--examples`` per property (the slow importer properties run a
share of it, as in CI), so a long run explores inputs CI never tries. A failure prints the
smallest example Hypothesis found and a ``@reproduce_failure`` line to replay it.

Prints each property's result and time, then how many passed (target: all).

Run: .venv/bin/python benchmarks/fuzz.py [--examples 5000] [-k EXPRESSION]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_RESULT = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED) (tests/fuzz/\S+::\S+)", re.M)
_DURATION = re.compile(r"^\s*([\d.]+)s call\s+(tests/fuzz/\S+)", re.M)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per property")
    parser.add_argument("-k", dest="select", help="only the properties pytest -k selects")
    args = parser.parse_args()
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(REPO / "tests" / "fuzz"),
        "--rootdir",
        str(REPO),
        "-p",
        "no:cacheprovider",
        "--hypothesis-profile=soak",
        "--hypothesis-show-statistics",
        "--durations=0",
        "-rA",
        "-q",
    ]
    if args.select:
        command += ["-k", args.select]
    env = {
        **os.environ,
        "HAMISH_FUZZ_EXAMPLES": str(args.examples),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
    }
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    durations = {name: float(value) for value, name in _DURATION.findall(output)}
    results = {name: status for status, name in _RESULT.findall(output)}
    if done.returncode not in (0, 1) or not results:
        print(output[-5000:])
        sys.exit(done.returncode or 1)
    print(f"examples per property: {args.examples} (the slow importer properties a share)")
    for name, status in sorted(results.items()):
        print(
            f"  {status:<7} {durations.get(name, 0.0):7.1f} s  {name.removeprefix('tests/fuzz/')}"
        )
    passed = sum(status == "PASSED" for status in results.values())
    print(f"fuzz properties: {passed} of {len(results)} passed in {seconds:.0f} s (target: all)")
    if passed != len(results):
        failures = output[output.find("= FAILURES =") :]
        print(failures[:20000])
        sys.exit(1)


if __name__ == "__main__":
    main()
