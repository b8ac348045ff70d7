from __future__ import annotations

from pathlib import Path

from desktop.io.seeds import seed_drafts


def test_seeds_are_shipped_verbatim() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    ours = Path(__file__).resolve().parents[2] / "seeds"
    if shared.is_dir():  # beside the checkout in development and CI
        for original in sorted(shared.glob("*.txt")):
            assert (ours / original.name).read_bytes() == original.read_bytes()
    assert len(list(ours.glob("*.txt"))) == 5


def test_seed_drafts_have_titles_and_arabic_direction(seed_files: list[Path]) -> None:
    drafts = seed_drafts()
    assert len(drafts) == 5
    by_origin = {d.origin: d for d in drafts}
    for path in seed_files:
        draft = by_origin[f"seed:{path.name}"]
        assert draft.text == path.read_text(encoding="utf-8")
        assert 10 < len(draft.title) < 100
        assert (draft.direction, draft.language) == ("rtl", "ar")
    assert len({d.content_hash for d in drafts}) == 5
