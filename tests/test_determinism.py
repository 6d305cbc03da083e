"""The same inputs in any order, from any folder, give byte-identical Markdown and JSON."""

from __future__ import annotations

import os
import random
import shutil
import re
from contextlib import contextmanager

import pytest

from conftest import SEEDS
from factcheck import check


@contextmanager
def cwd(path):
    here = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(here)


def copy_seeds(dest, *, order_seed: int):
    """Copy seeds/ file by file in a shuffled order (so the folder lists them differently)."""
    names = sorted(p.name for p in SEEDS.iterdir() if p.is_file())
    random.Random(order_seed).shuffle(names)
    dest.mkdir(parents=True)
    for name in names:
        shutil.copy(SEEDS / name, dest / name)
    return [n for n in names if n != "sources.csv"]


@pytest.mark.parametrize("order_seed", [3])
def test_shuffled_input_order_gives_identical_bytes(tmp_path, nlp, embedder, seed_result, order_seed):
    names = copy_seeds(tmp_path / "a" / "seeds", order_seed=order_seed)
    with cwd(tmp_path / "a"):
        shuffled = check([f"seeds/{n}" for n in names], nlp=nlp, embedder=embedder)
    # the committed order: the folder as a whole, read in seed_result (conftest)
    assert shuffled.to_markdown() == seed_result.to_markdown()
    assert shuffled.to_json() == seed_result.to_json()
    reverse = list(reversed(names))
    with cwd(tmp_path / "a"):
        again = check([f"seeds/{n}" for n in reverse], nlp=nlp, embedder=embedder)
    assert again.to_markdown() == shuffled.to_markdown()
    assert again.to_json() == shuffled.to_json()


@pytest.mark.parametrize("folder", ["copy of seeds"])
def test_another_folder_changes_only_the_paths(tmp_path, nlp, embedder, seed_result, folder):
    copy_seeds(tmp_path / folder, order_seed=11)
    with cwd(tmp_path):
        moved = check([folder], nlp=nlp, embedder=embedder)
    assert moved.to_json().replace(f"{folder}/", "seeds/") == seed_result.to_json()

    def unpadded(md: str) -> str:  # a longer path widens its table column; nothing else may change
        return re.sub(r"-{3,}", "---", re.sub(r" {2,}", " ", md))

    assert unpadded(moved.to_markdown().replace(f"{folder}/", "seeds/")) == unpadded(seed_result.to_markdown())
