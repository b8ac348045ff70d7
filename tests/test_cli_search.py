"""``hamish search`` through its own argparse registration (cli.py wiring is separate), plus a
subprocess check that the command stays free of Qt."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli_search
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.store.project import Project


def parser() -> argparse.ArgumentParser:
    """The same shape as cli.py: a global --project and sub-commands."""
    root = argparse.ArgumentParser(prog="hamish")
    root.add_argument("--project", type=Path)
    sub = root.add_subparsers(dest="command")
    cli_search.register(sub)
    return root


def hamish(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    args = parser().parse_args([str(part) for part in argv])
    code = cli_search.run(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "seeds.hamish"
    with Project.open(path) as project, project.database.transaction():
        for draft in seed_drafts():
            project.documents.add(draft)
        project.documents.add(
            make_draft(
                "قال كيري في القاهرة.", title="خبر", source="الأهرام", published="2016-05-01"
            )
        )
    return path


def test_text_output(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = hamish(capsys, "search", "--project", seeds, "لكيري OR كيري", "--limit", "2")
    assert code == 0 and not err
    assert out.startswith("5 articles match لكيري OR كيري (showing 2)")
    assert "[كيري]" in out  # matches marked in the snippet (no terminal: brackets)
    assert " at " in out
    # One article "matches" (it said "1 article match").
    code, out, err = hamish(capsys, "search", "--project", seeds, "القاهرة")
    assert out.startswith("1 article matches القاهرة\n"), out


def test_hits_are_ranked_not_scored(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every hit but the first of كيري, in 5 of the 6 articles, said "score 0.000" (FTS5's
    IDF of a word in more than half of the articles is 1e-6): a number that told the
    analyst nothing, or worse. The rank says what the order is, in both outputs."""
    code, out, _ = hamish(capsys, "search", "--project", seeds, "كيري")
    assert code == 0
    assert "score" not in out
    details = [line.strip() for line in out.splitlines()[1:] if line.endswith(" match")]
    details += [line.strip() for line in out.splitlines()[1:] if line.endswith(" matches")]
    assert sorted(details) == sorted(
        ["14 matches", "8 matches", "4 matches", "8 matches", "الأهرام · 2016-05-01 · 1 match"]
    )
    code, out, _ = hamish(capsys, "search", "--project", seeds, "كيري", "--json")
    hits = json.loads(out)["hits"]
    assert [hit["rank"] for hit in hits] == list(range(1, len(hits) + 1)) and len(hits) == 5
    assert all("score" not in hit for hit in hits)
    ids = [hit["id"] for hit in hits]
    code, out, _ = hamish(capsys, "search", "--project", seeds, "كيري")
    shown = [int(line.split()[0]) for line in out.splitlines() if line[:5].strip().isdigit()]
    assert shown == ids  # the text lists them in the order of their ranks


def test_json_output_has_raw_code_point_offsets(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = hamish(capsys, "search", "--project", seeds, "الاسد", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "الاسد" and data["total"] == len(data["hits"]) == 5
    with Project.open(seeds, create=False) as project:
        for hit in data["hits"]:
            text = project.documents.get(hit["id"]).text
            assert hit["title"] == project.documents.get(hit["id"]).title
            assert {text[start:end] for start, end in hit["matches"]} == {"الأسد"}
            for snippet in hit["snippets"]:
                assert text[snippet["start"] : snippet["end"]] == snippet["text"]
                assert "[الأسد]" in snippet["plain"]


def test_filters_on_the_command_line(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = hamish(
        capsys, "--project", seeds, "search", "كيري", "--source", "الأهرام", "--json"
    )
    assert code == 0
    assert [hit["title"] for hit in json.loads(out)["hits"]] == ["خبر"]
    code, out, _ = hamish(capsys, "search", "--project", seeds, "كيري", "--to", "2015-12-31")
    assert code == 0 and out.startswith("No article matches")


def test_no_match_is_not_an_error(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert hamish(capsys, "search", "--project", seeds, "zzzz")[:2] == (
        0,
        "No article matches zzzz.\n",
    )


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (['"كيري'], "quotation mark is not closed"),
        (["NOT كيري"], "NOT needs a word before it"),
        (["(كيري"], "parenthesis is not closed"),
        (["  "], "no words"),
        (["كيري", "--from", "yesterday"], "YYYY-MM-DD"),
        (["كيري", "--label", "nope"], "no label 'nope'"),
        (["كيري", "--limit", "0"], "--limit"),
        # An empty filter is refused, not taken for no filter (it searched every article).
        (["كيري", "--label", ""], "--label is empty"),
        (["كيري", "--source", " "], "--source is empty"),
        (["كيري", "--from", ""], "--from is empty"),
        (["كيري", "--to", ""], "--to is empty"),
        # Dates the wrong way round matched nothing, and said only "No article matches".
        (["كيري", "--from", "2020-01-01", "--to", "2019-01-01"], "--from 2020-01-01 is after"),
    ],
)
def test_malformed_queries_exit_2(
    seeds: Path, capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    code, out, err = hamish(capsys, "search", "--project", seeds, *argv)
    assert code == 2 and not out
    assert err.startswith("hamish: ") and reason in err and "Traceback" not in err


def test_an_entity_that_does_not_exist_is_said(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "No article matches", as if the entity were there and mentioned nowhere."""
    code, out, err = hamish(capsys, "search", "--project", seeds, "كيري", "--entity", "99999")
    assert code == 1 and not out
    assert "There is no entity 99999 in this project." in err


def test_missing_project_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = hamish(capsys, "search", "--project", tmp_path / "none.hamish", "كيري")
    assert code == 1 and not out
    assert "There is no project" in err
    assert not (tmp_path / "none.hamish").exists()


def test_search_runs_without_qt(seeds: Path) -> None:
    code = (
        "import sys, argparse\n"
        "from desktop import cli_search\n"
        "p = argparse.ArgumentParser(); s = p.add_subparsers(dest='command')\n"
        "cli_search.register(s)\n"
        f"rc = cli_search.run(p.parse_args(['search', '--project', {str(seeds)!r}, 'كيري']))\n"
        "assert rc == 0, rc\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "articles match" in result.stdout
