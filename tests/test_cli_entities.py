"""``hamish mentions`` and ``hamish suggest`` on a project made from the seed articles, run
in-process through a parser built with :func:`desktop.cli_entities.register`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli_entities import register, run_mentions, run_suggest
from desktop.core.arabic import fold
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.io.seeds import seed_drafts
from desktop.learn import pending
from desktop.store.project import Project


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="hamish")
    root.add_argument("--project", type=Path)
    register(root.add_subparsers(dest="command"))
    return root


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    args = parser().parse_args(argv)
    code = {"mentions": run_mentions, "suggest": run_suggest}[args.command](args)
    out, err = capsys.readouterr()
    return code, out, err


def rows(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    code, out, err = run([*argv, "--json"], capsys)
    assert code == 0, err
    data: list[dict[str, Any]] = json.loads(out)
    return data


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "seeds.hamish"
    with Project.open(path, create=True) as opened:
        for draft in seed_drafts():
            opened.documents.add(draft)
    return path


def label_id(project: Project, key: str) -> int:
    return next(label.id for label in project.labels.all() if label.key == key)


# --------------------------------------------------------------------------------------------
# mentions
# --------------------------------------------------------------------------------------------


def test_mentions_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["mentions", "--project", str(project), "كيري", "Kerry"], capsys)
    assert code == 0 and err == ""
    lines = out.strip().splitlines()
    assert lines[-1].endswith("in 4 of 5 articles")
    assert int(lines[-1].split()[0]) == len(lines) - 1 > 30
    assert all("كيري" in line for line in lines[:-1])


def test_mentions_json_covers_clitics_and_variants(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = rows(["mentions", "--project", str(project), "أوباما", "كيري", "الكرملين"], capsys)
    texts = {fold(row["text"]) for row in found}
    assert texts == {fold("أوباما"), "كيري", fold("الكرملين")}
    with Project.open(project, create=False) as opened:
        for row in found:
            text = opened.documents.get(row["document"]).text
            assert text[row["start"] : row["end"]] == row["text"]
            written = text[row["word_start"] : row["end"]]
            assert written in {
                "أوباما", "اوباما", "كيري", "وكيري", "لكيري", "الكرملين", "والكرملين",
            }  # fmt: skip
    assert {row["alias"] for row in found} == {"أوباما", "كيري", "الكرملين"}


def test_mentions_leave_out_annotated_and_decided_spans(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["mentions", "--project", str(project), "--document", "5", "كيري"]  # seeds/004
    before = rows(argv, capsys)
    assert {row["document"] for row in before} == {5}
    first, second = before[0], before[1]
    with Project.open(project, create=False) as opened:
        text = opened.documents.get(5).text
        assert text[first["start"] - 4 : first["end"]] == "جون كيري"
        person = label_id(opened, "person")
        # tagging "جون كيري" covers the mention of كيري inside it
        opened.annotations.add(
            prepare_annotation(text, 5, first["start"] - 4, first["end"], person, "test")
        )
        opened.decisions.record(5, "mention", second["start"], second["end"], "كيري", "rejected")
        claim = label_id(opened, "claim")  # a claim around a name does not hide the name
        third = before[2]
        opened.annotations.add(
            prepare_annotation(text, 5, third["start"] - 20, third["end"] + 20, claim, "test")
        )
    after = rows(argv, capsys)
    assert [row["start"] for row in after] == [row["start"] for row in before[2:]]


def test_mentions_errors(project: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(
        ["mentions", "--project", str(project), "--document", "99", "كيري"], capsys
    )
    assert (code, out) == (1, "")
    assert err.startswith("hamish: There is no document 99 in ")
    code, _, err = run(["mentions", "--project", str(tmp_path / "none.hamish"), "كيري"], capsys)
    assert code == 1 and "There is no project at" in err
    code, _, err = run(["mentions", "--project", str(project), "...", " "], capsys)
    assert code == 2 and "at least one name" in err


# --------------------------------------------------------------------------------------------
# suggest
# --------------------------------------------------------------------------------------------


def test_suggest_one_article(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = rows(["suggest", "--project", str(project), "--document", "4"], capsys)
    names = [row["text"] for row in found if row["kind"] == "entity"]
    assert "دميتري بسكوف" in names and "ماريا زاخاروفا" in names
    claims = [row for row in found if row["kind"] == "claim"]
    peskov = next(row for row in claims if row["text"].startswith("لم يتمّ بحث"))
    assert peskov["claimant"] == "دميتري بسكوف"
    with Project.open(project, create=False) as opened:
        text = opened.documents.get(4).text
    assert text[peskov["claimant_start"] : peskov["claimant_end"]] == "دميتري بسكوف"
    assert all(text[row["start"] : row["end"]] == row["text"] for row in found)
    assert {row["document"] for row in found} == {4}


def test_suggest_table_for_every_article(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["suggest", "--project", str(project)], capsys)
    assert code == 0 and err == ""
    assert out.count("\n== ") + out.startswith("== ") == 5
    assert "← دميتري بسكوف [" in out
    assert out.strip().splitlines()[-1].endswith("claim suggestions in 5 articles")


def test_suggest_uses_the_registry_and_leaves_out_what_is_done(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["suggest", "--project", str(project), "--document", "4"]  # seeds/003
    before = rows(argv, capsys)
    organisations = [row for row in before if row["label"] == "organisation"]
    # Without a registry, places and bodies come from the gazetteer alone, linked to nothing.
    assert {row["rule"] for row in organisations} == {"gazetteer"}
    assert "الكرملين" in {row["text"] for row in organisations}
    assert all(row["entity_id"] is None and 0 < row["score"] < 1 for row in organisations)
    with Project.open(project, create=False) as opened:
        kremlin = opened.entities.add("الكرملين", "organisation")
        opened.entities.add("زاخاروفا", "person", aliases=("ماريا زاخاروفا",))
    registry = rows(argv, capsys)
    organisations = [row for row in registry if row["label"] == "organisation"]
    known = [row for row in organisations if row["text"] == "الكرملين"]
    # The registry's entity takes the gazetteer's place: linked, and offered once.
    assert known and all(row["entity_id"] == kremlin and row["rule"] == "alias" for row in known)
    assert len(known) == sum(1 for row in before if row["text"] == "الكرملين")

    peskov = next(row for row in registry if row["text"] == "دميتري بسكوف")
    claim = next(row for row in registry if row["kind"] == "claim")
    with Project.open(project, create=False) as opened:
        text = opened.documents.get(4).text
        person = label_id(opened, "person")
        opened.annotations.add(
            prepare_annotation(text, 4, peskov["start"], peskov["end"], person, "test")
        )
        opened.decisions.record(
            4, "suggestion", claim["start"], claim["end"], claim["text"], "rejected"
        )
    after = rows(argv, capsys)
    spans = {(row["start"], row["end"]) for row in after}
    assert (peskov["start"], peskov["end"]) not in spans
    assert (claim["start"], claim["end"]) not in spans
    assert len(after) == len(registry) - 2


def test_suggest_unknown_document(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["suggest", "--project", str(project), "--document", "42"], capsys)
    assert (code, out) == (1, "")
    assert "There is no document 42" in err


def test_default_project_is_used_without_project(
    xdg: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = rows(["suggest", "--document", "1"], capsys)  # the default project has the seeds
    assert any(row["kind"] == "claim" for row in found)


# --------------------------------------------------------------------------------------------
# suggest: sources, scores and the project's model
# --------------------------------------------------------------------------------------------


def tag_names(project: Path) -> None:
    """Tag every rule-found person in the seed articles, as an analyst accepting them would,
    plus the places named in them, so there is something to learn from."""
    from desktop.core.suggest import suggest

    with Project.open(project, create=False) as opened:
        person, location = label_id(opened, "person"), label_id(opened, "location")
        for summary in opened.documents.summaries():
            text = opened.documents.get(summary.id).text
            for item in suggest(text, None):
                if item.kind == "entity":
                    opened.annotations.add(
                        prepare_annotation(text, summary.id, item.start, item.end, person, "t")
                    )
            for place in ("موسكو", "واشنطن", "سوريا", "سورية", "دمشق"):
                at = text.find(place)
                if at >= 0:
                    opened.annotations.add(
                        prepare_annotation(text, summary.id, at, at + len(place), location, "t")
                    )


def test_suggest_rows_carry_source_and_score(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = rows(["suggest", "--project", str(project), "--document", "4"], capsys)
    assert found
    assert {row["source"] for row in found} <= {"rule", "registry", "gazetteer", "model"}
    assert all(0.0 <= row["score"] <= 1.0 for row in found)
    # no registry, no model yet: the rules' names and claims, the gazetteer's places
    assert {row["source"] for row in found} == {"rule", "gazetteer"}
    assert {row["rule"] for row in found if row["source"] == "gazetteer"} == {"gazetteer"}


def test_suggest_train_without_tags_says_why(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["suggest", "--project", str(project), "--train"], capsys)
    assert code == 1
    assert "no entity model was trained" in err and "no entity tags" in err
    assert out.startswith("claims: no classifier, the rule's scores stay; 0 claims taken")


def test_suggest_train_then_suggest_with_the_model(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_names(project)
    code, out, err = run(["suggest", "--project", str(project), "--train"], capsys)
    assert code == 0, err
    assert out.startswith("trained model 1 in ")
    assert "on 5 articles" in out and "Person " in out and "Location " in out
    assert "what the model also reads of each word: the gazetteer" in out
    # a few sample articles' tags: too few for the model to lower any source's suggestions
    little = next(line for line in out.splitlines() if line.startswith("learnt little yet of "))
    assert "Person" in little and "Location" in little and "lowers none of them" in little
    code, out, err = run(["suggest", "--project", str(project), "--train", "--json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["generation"] == 2 and report["articles"] == 5
    found = rows(["suggest", "--project", str(project), "--threshold", "0"], capsys)
    with Project.open(project, create=False) as opened:
        assert opened.tagger.latest_info() is not None
        tagged = {
            (d.id, a.start, a.end)
            for d in opened.documents.summaries()
            for a in opened.annotations.for_document(d.id)
        }
    model = [row for row in found if row["source"] == "model"]
    assert all(row["rule"] == "model" and 0.0 <= row["score"] <= 1.0 for row in model)
    assert not any((row["document"], row["start"], row["end"]) in tagged for row in found)
    without = rows(["suggest", "--project", str(project), "--no-model"], capsys)
    assert not any(row["source"] == "model" for row in without)


def decide_claims(project: Path) -> None:
    """The analyst takes the claims of the persons the rules name, and rejects the others
    (anonymous officials, sources, capitals, bodies)."""
    from desktop.core.suggest import suggest
    from desktop.ops.annotations import (
        Candidate,
        add_annotations,
        plan_suggestion,
        reject_candidates,
    )

    with Project.open(project, create=False) as opened:
        label = opened.labels.by_key("claim")
        assert label is not None
        for summary in opened.documents.summaries():
            text = opened.documents.get(summary.id).text
            found = suggest(text, None)
            persons = [s for s in found if s.kind == "entity"]
            for claim in (s for s in found if s.kind == "claim"):
                span = claim.claimant_span
                if span is not None and any(
                    span[0] <= p.start and p.end <= span[1] for p in persons
                ):
                    plan = plan_suggestion(
                        opened,
                        text,
                        summary.id,
                        claim.start,
                        claim.end,
                        label,
                        "t",
                        is_entity=False,
                        claimant=claim.claimant,
                        claimant_span=claim.claimant_span,
                        # No speaker made a person: accepted so, a claim would tag its
                        # speaker's name too, and these projects are of claims alone.
                        entity_name=None,
                    )
                    add_annotations(opened, [plan])
                else:
                    quote = text[claim.start : claim.end]
                    rejected = Candidate("suggestion", summary.id, claim.start, claim.end, quote)
                    reject_candidates(opened, [rejected])


def test_suggest_train_learns_claims_and_scores_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = rows(["suggest", "--project", str(project)], capsys)
    claims = [row for row in before if row["kind"] == "claim"]
    shown = pending.calibrated("rule", "claim", 0.6)  # the rule's 0.6, as the window shows it
    assert claims and all((r["source"], r["score"]) == ("rule", shown) for r in claims)
    decide_claims(project)
    code, out, err = run(["suggest", "--project", str(project), "--train"], capsys)
    assert code == 0, err
    assert "no entity model was trained" in err  # only claims were tagged
    assert out.startswith("trained claim classifier 1 in ")
    assert "claims taken and" in out and "in 5 articles" in out
    code, out, err = run(["suggest", "--project", str(project), "--train", "--json"], capsys)
    report = json.loads(out)["claims"]
    assert code == 0 and report["generation"] == 2
    assert report["positives"] >= 10 and report["negatives"] >= 5
    assert report["decisions"] == report["positives"] + report["negatives"]
    # every claim was decided in these articles: a new one gets the classifier's scores
    with Project.open(project, create=False) as opened:
        text = opened.documents.get(4).text + "\nانتهى."
        document = opened.documents.add(make_draft(text, title="a copy"))
    found = rows(["suggest", "--project", str(project), "--document", str(document)], capsys)
    claims = [row for row in found if row["kind"] == "claim"]
    assert claims and all(row["source"] == "model" for row in claims)
    assert all(tagger_threshold() <= row["score"] <= 1.0 for row in claims)
    everything = rows(
        ["suggest", "--project", str(project), "--document", str(document), "--threshold", "0"],
        capsys,
    )
    assert len([row for row in everything if row["kind"] == "claim"]) > len(claims)
    without = rows(
        ["suggest", "--project", str(project), "--document", str(document), "--no-model"], capsys
    )
    assert {(r["source"], r["score"]) for r in without if r["kind"] == "claim"} == {("rule", shown)}


def tagger_threshold() -> float:
    from desktop.learn import tagger

    return tagger.THRESHOLD


def test_suggest_train_in_a_read_only_project_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tag_names(project)
    project.chmod(0o444)
    try:
        code, out, err = run(["suggest", "--project", str(project), "--train"], capsys)
    finally:
        project.chmod(0o644)
    assert (code, out) == (1, "")
    assert "is open read-only" in err and "nothing was changed" in err
    with Project.open(project, create=False) as opened:
        assert opened.tagger.latest_info() is None


def test_suggest_threshold_out_of_range(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["suggest", "--project", str(project), "--threshold", "2"], capsys)
    assert (code, out) == (2, "")
    assert "--threshold" in err


def test_suggest_offers_the_entities_of_the_analysts_own_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An entity tagged with a label of the analyst's own (its registry type is "other") is
    suggested wherever else its name occurs, with that label and the entity linked, as the
    registry's persons and places are; and a name part confirmed as an alias is too."""
    from desktop.core.text import make_draft
    from desktop.ops import annotations, entities

    path = tmp_path / "own.hamish"
    first = "ضبطت الشرطة بندقية كلاشنكوف في المخزن، وقال جون كيري إن الأمر خطير."
    second = "وعثر على كلاشنكوف ثانية قرب الحدود. وعلق كيري على ذلك."
    with Project.open(path, create=True) as opened:
        opened.documents.add(make_draft(first, title="أ"))
        opened.documents.add(make_draft(second, title="ب"))
        opened.labels.add(name_en="Weapon", name_ar="سلاح", kind="entity", color="#884400")
        weapon = next(label for label in opened.labels.all() if label.name_en == "Weapon")
        person = next(label for label in opened.labels.all() if label.key == "person")
        plans = [
            annotations.plan_selection(opened, first, 1, start, start + len(quote), label, "t")
            for quote, label in (("كلاشنكوف", weapon), ("جون كيري", person))
            for start in [first.index(quote)]
        ]
        gun, kerry = (
            opened.annotations.get(i).entity_id
            for i in annotations.add_annotations(opened, plans).value
        )
        assert gun is not None and kerry is not None
        assert opened.entities.get(gun).type == "other"
        entities.add_aliases(opened, kerry, ["كيري"])
    found = rows(["suggest", "--project", str(path), "--document", "2"], capsys)
    known = {(row["text"], row["label"], row["entity_id"], row["source"]) for row in found}
    assert ("كلاشنكوف", weapon.key, gun, "registry") in known
    assert ("كيري", "person", kerry, "registry") in known
    # Rejected in Find All Mentions: not offered again from the registry.
    kerry_row = next(row for row in found if row["text"] == "كيري")
    with Project.open(path, create=False) as opened:
        opened.decisions.record(
            2, "mention", kerry_row["start"], kerry_row["end"], "كيري", "rejected"
        )
    again = rows(["suggest", "--project", str(path), "--document", "2"], capsys)
    assert "كيري" not in {row["text"] for row in again}
