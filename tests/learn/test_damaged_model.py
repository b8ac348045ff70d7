"""A stored model whose bytes are damaged (cut short, bytes changed, made by hand) is never
handed to CRFsuite, which follows the offsets in it unchecked: the command line and the
window crashed on it (a segmentation fault at every start), a security tester's reproduction.
Such a model is used as if there were none, said once, and trained again."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.learn import claims as claim_learning
from desktop.learn import crf, tagger
from desktop.store.project import Project
from tests.learn.test_tagger import tagged_project
from tests.test_cli import hamish


def _variants(model: bytes) -> dict[str, bytes]:
    """The tester's damaged models (/tmp/trialB/gen/blob.py), and a few of its own."""
    found = {
        "empty": b"",
        "zeros": bytes(len(model)),
        "trunc": model[:100],
        "trunc_half": model[: len(model) // 2],
        "magic": b"lCRF" + b"\xff" * 60,
        "random": random.Random(1).randbytes(len(model)),
    }
    for seed in range(1, 9):
        rng = random.Random(seed)
        flipped = bytearray(model)
        for _ in range(50):
            flipped[rng.randrange(len(flipped))] ^= 0xFF
        found[f"flip{seed}"] = bytes(flipped)
    return found


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("damaged") / "trained.hamish"
    with Project.open(path) as project:
        tagged_project(project)
        assert tagger.train(project).generation is not None
    return path


def _model(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        return bytes(
            conn.execute("SELECT model FROM tagger_models WHERE kind = 'entity'").fetchone()[0]
        )


def _damage(source: Path, target: Path, model: bytes) -> Path:
    target.write_bytes(source.read_bytes())
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE tagger_models SET model = ? WHERE kind = 'entity'", [model])
    return target


def test_a_sound_model_passes_and_every_damaged_one_is_refused(trained: Path) -> None:
    model = _model(trained)
    crf.check_model(model)
    for name, damaged in _variants(model).items():
        with pytest.raises(crf.DamagedModel):
            crf.check_model(damaged)
        with pytest.raises(crf.DamagedModel):  # the tagger itself refuses it too
            crf.CrfTagger(damaged)
        assert name


# Loads every model given (length-prefixed on stdin) and tags with it as the window does: a
# crash takes the whole child down, which the test sees as its return code.
_LOAD_ALL = """
import struct, sys
from desktop.learn.crf import CrfTagger, DamagedModel
data = sys.stdin.buffer.read()
at = loaded = 0
while at < len(data):
    (size,) = struct.unpack_from("<I", data, at)
    blob = data[at + 4 : at + 4 + size]
    at += 4 + size
    try:
        crf = CrfTagger(blob)
    except DamagedModel:
        continue
    words = [["w:قال", "rare"], ["w:سمير"], ["w:إن", "p:ال"]]
    crf.tag(words)
    for label in crf.labels:
        for position in range(len(words)):
            crf.marginal(label, position)
    crf.close()
    loaded += 1
print(loaded)
"""


def test_whatever_passes_the_check_loads_and_tags_without_crashing(trained: Path) -> None:
    """Single bytes changed at random: those the check lets through (a weight, a hash) must
    be safe to tag with; before the check, about one in three that CRFsuite opened crashed."""
    model = _model(trained)
    rng = random.Random(7)
    blobs = []
    for _ in range(400):
        changed = bytearray(model)
        for _ in range(rng.choice((1, 2, 5))):
            changed[rng.randrange(len(changed))] = rng.randrange(256)
        blobs.append(bytes(changed))
    data = b"".join(len(b).to_bytes(4, "little") + b for b in blobs)
    child = subprocess.run(
        [sys.executable, "-c", _LOAD_ALL],
        input=data,
        capture_output=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.returncode == 0, child.stderr.decode(errors="replace")[-2000:]
    assert int(child.stdout) > 10  # the check does not refuse every changed byte


@pytest.mark.parametrize("name", ["trunc", "trunc_half", "magic", "flip1", "flip3", "zeros"])
def test_suggest_treats_a_damaged_model_as_absent_and_says_so_once(
    trained: Path, tmp_path: Path, name: str
) -> None:
    damaged = _damage(trained, tmp_path / f"{name}.hamish", _variants(_model(trained))[name])
    result = hamish("suggest", "--project", damaged)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stderr.count("suggestion model was damaged and will be retrained") == 1
    assert "Traceback" not in result.stderr
    assert result.stdout  # the rules' suggestions are still given
    retrained = hamish("suggest", "--train", "--project", damaged)
    assert retrained.returncode == 0, retrained.stderr[-2000:]
    crf.check_model(_model(damaged))


def test_should_retrain_at_once_when_a_model_is_damaged(trained: Path, tmp_path: Path) -> None:
    damaged = _damage(trained, tmp_path / "flip.hamish", _variants(_model(trained))["flip2"])
    with Project.open(damaged) as project:
        assert tagger.should_retrain(project, every=10_000)
        assert tagger.current_model(project) is None
        assert tagger.damaged(project) == ["entity"]
        assert tagger.damage_notice(project) == tagger.DAMAGED
        assert tagger.damage_notice(project) is None  # once
        # The claim classifier is checked the same way.
        project.tagger.save(
            trained_at="2024-01-01T00:00:00",
            features=claim_learning.FEATURES_VERSION,
            labels=[],
            counts={},
            attributes=[],
            model=b"lCRF" + b"\xff" * 60,
            kind=claim_learning.KIND,
        )
        assert claim_learning.current_model(project) is None
        assert "claim" in tagger.damaged(project)


@pytest.mark.parametrize("key", ["a --> b", "x\ny", "p%q", "شخص", "a: 1.5", "}", "\u2028"])
def test_any_label_key_trains_and_tags(key: str) -> None:
    """A label key with " --> " or a line break (an import may bring one in) failed the
    assertion of pycrfsuite's reader of the model (``Tagger.info``): the tagger never trained
    again. Tags are escaped for CRFsuite and read back as they were."""
    sequences = [
        ([["w:قال"], ["w:سمير"], ["w:إن"]], ["O", f"B-{key}", "O"]),
        ([["w:قال"], ["w:نادر"], ["w:إن"]], ["O", f"B-{key}", "O"]),
    ]
    model, attributes = crf.train_crf(sequences, crf.CrfSettings(c1=0.0, c2=0.01))
    assert "w:قال" in attributes
    tagging = crf.CrfTagger(model)
    try:
        assert tagging.tag([["w:قال"], ["w:سمير"], ["w:إن"]]) == ["O", f"B-{key}", "O"]
        assert set(tagging.labels) == {"O", f"B-{key}"}
        assert tagging.marginal(f"B-{key}", 1) > 0.5
    finally:
        tagging.close()


def test_a_project_whose_label_key_has_an_arrow_trains(tmp_path: Path) -> None:
    path = tmp_path / "arrow.hamish"
    with Project.open(path) as project:
        tagged_project(project)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE labels SET key = 'a --> b' WHERE key = 'person'")
    with Project.open(path) as project:
        report = tagger.train(project)
        assert report.generation is not None
        info = project.tagger.latest_info()
        assert info is not None and "a --> b" in {key for _, key, _ in info.labels}
        model = tagger.current_model(project)
        assert model is not None and "a --> b" in model.labels


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("labels", "'not json'"),
        ("labels", "'[[1,2]]'"),
        ("labels", "'{}'"),
        ("labels", '\'[["x","person","P"]]\''),
        ("labels", "'null'"),
        ("counts", "'[1,2]'"),
        ("counts", "'{\"activity\": 5}'"),
        ("counts", "'not json'"),
    ],
)
def test_a_model_whose_description_is_malformed_is_as_none(
    trained: Path, tmp_path: Path, column: str, value: str
) -> None:
    """The tester's meta/m1..m11: the labels or counts of the stored model not the JSON
    Hamish writes crashed ``suggest`` with a traceback."""
    path = tmp_path / "meta.hamish"
    path.write_bytes(trained.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE tagger_models SET {column} = {value} WHERE kind = 'entity'")
    with Project.open(path) as project:
        tagger.current_model(project)  # None, or a model of no labels: no traceback
        tagger.should_retrain(project, every=1)
        assert tagger.suggest(project, 1) is not None


def test_a_killed_training_runs_folder_is_removed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``kill -9`` during training left its temporary folder behind, one per killed run."""
    import os
    import tempfile
    import time

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale, fresh = tmp_path / "hamish-crf-killed", tmp_path / "hamish-crf-running"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "model.crfsuite").write_bytes(b"lCRF")
    old = time.time() - 2 * crf.STALE_SECONDS
    os.utime(stale, (old, old))
    other = tmp_path / "someone-else"
    other.mkdir()
    os.utime(other, (old, old))
    sequences = [([["w:قال"], ["w:سمير"]], ["O", "B-person"])]
    crf.train_crf(sequences, crf.CrfSettings(c1=0.0, c2=0.01))
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # a run may be training there now
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hamish-crf-running", "someone-else"]


_EVERY_BYTE = """
import sys
from desktop.learn import crf
sequences = [
    ([["w=a", "p=x"], ["w=b"], ["w=c"]], ["B-person", "I-person", "O"]),
    ([["w=d"], ["w=a", "p=y"]], ["O", "B-location"]),
    ([["w=e"], ["w=b"]], ["B-organisation", "O"]),
] * 5
model, _ = crf.train_crf(sequences)
other = 0
for at in range(len(model)):
    for value in (0x00, 0xFF):
        changed = bytearray(model)
        changed[at] = value
        try:
            tagger = crf.CrfTagger(bytes(changed))
        except crf.DamagedModel:
            continue
        except Exception as error:  # anything else escapes to the window
            print(at, value, type(error).__name__, error)
            other += 1
            continue
        tagger.tag([["w=a"], ["w=b"]])
        for label in tagger.labels:
            tagger.marginal(label, 0)
        tagger.close()
print(len(model), other)
"""


def test_no_single_byte_makes_the_tagger_raise_anything_but_damaged_model() -> None:
    """Every byte of a small model set to 0 and to 255: the tagger loads and tags, or
    refuses the model as damaged — never another error (a byte in a label's name length made
    CRFsuite's string constructor throw a RuntimeError from ``labels()``, which escaped the
    claim classifier on every suggestion)."""
    child = subprocess.run(
        [sys.executable, "-c", _EVERY_BYTE],
        capture_output=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.returncode == 0, child.stderr.decode(errors="replace")[-2000:]
    size, other = child.stdout.split()[-2:]
    assert int(size) > 300 and int(other) == 0, child.stdout.decode()[-2000:]
