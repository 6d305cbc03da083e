"""Ingest: metadata sources, their priority, and clear errors for bad input."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.ingest import ingest
from factcheck.records import InputError


def write(path, text, mode="w"):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, outlet, published, body", [
    ("---\noutlet: Daily Planet\npublished: 2020-03-04\ntitle: T\n---\nTwo people died.\n",
     "Daily Planet", date(2020, 3, 4), "Two people died.\n"),
    (" date 2017-06-27 Two people died.", "story", date(2017, 6, 27), "Two people died."),
    ("Two people died.", "story", None, "Two people died."),
])
def test_metadata_sources(tmp_path, text, outlet, published, body):
    write(tmp_path / "story.txt", text)
    (article,), skipped = ingest([tmp_path])
    assert (article.outlet, article.published) == (outlet, published)
    assert article.text[article.body_start:] == body
    assert article.text == text  # offsets point into the file's full text
    assert skipped == []


def test_manifest_wins_over_date_line(tmp_path):
    write(tmp_path / "a.txt", " date 2018-01-01 Text here.")
    write(tmp_path / "sources.csv", "file,outlet,published,url\na.txt,Wire,2018-01-15,http://x\n")
    (article,), _ = ingest([tmp_path])
    assert (article.outlet, article.published, article.url) == ("Wire", date(2018, 1, 15), "http://x")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"   \n", "empty file"),
    ("bin.txt", b"ab\x00cd", "binary file"),
    ("notes.pdf", b"%PDF", "not an article file"),
])
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    write(tmp_path / "ok.txt", "One person died.")
    articles, skipped = ingest([tmp_path])
    assert [a.id for a in articles] == ["ok"]
    assert len(skipped) == 1 and reason in skipped[0].reason and name in skipped[0].path


@pytest.mark.parametrize("text, message", [
    ("---\noutlet: [unclosed\n---\nbody", "malformed front matter"),
    ("---\npublished: 2020-13-45\n---\nbody", "published must be YYYY-MM-DD"),
])
def test_malformed_front_matter_names_the_file(tmp_path, text, message):
    write(tmp_path / "bad.txt", text)
    _, skipped = ingest([tmp_path])
    assert message in skipped[0].reason
    with pytest.raises(InputError, match="bad.txt"):
        ingest([tmp_path], strict=True)


def test_malformed_manifest_names_file_and_line(tmp_path):
    write(tmp_path / "a.txt", "text")
    write(tmp_path / "sources.csv", "file,outlet,published\na.txt,X,15/01/2018\n")
    with pytest.raises(InputError, match=r"sources.csv:2: published must be YYYY-MM-DD"):
        ingest([tmp_path], strict=True)
    articles, skipped = ingest([tmp_path])  # not strict: the folder's files are listed as skipped
    assert articles == [] and len(skipped) == 1
    assert "sources.csv:2: published must be YYYY-MM-DD" in skipped[0].reason


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ingest([tmp_path / "nope"])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes("Café: two people died.".encode(encoding))
    (article,), _ = ingest([tmp_path])
    assert article.text == "Café: two people died."


def _all_pairs_marks(articles, threshold=0.7):
    """The near-duplicate marks from every pair compared, with the sketches as sets: the reference
    the hash index must agree with while no hash is in more than MAX_BUCKET sketches."""
    from factcheck.ingest import sketch

    import numpy as np
    from scipy.sparse.csgraph import connected_components

    sets = [sketch(a.text[a.body_start:]) for a in articles]
    linked = np.zeros((len(articles), len(articles)), dtype=bool)
    for j in range(len(articles)):
        for i in range(j):
            shared = len(sets[i] & sets[j])
            union = sorted(sets[i] | sets[j])[:128]
            alike = sum(1 for h in union if h in sets[i] and h in sets[j]) / len(union)
            linked[i, j] = shared >= threshold * min(len(sets[i]), len(sets[j])) * 0.5 and alike >= threshold
    _, group = connected_components(linked, directed=False)
    first = [min(k for k in range(len(articles)) if group[k] == group[j]) for j in range(len(articles))]
    # an article is marked as a copy of the first article of its group
    return [None if first[k] == k else articles[first[k]].id for k in range(len(articles))]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_near_duplicates_are_those_of_all_pairs_compared(seed):
    """Copies with a few words changed are marked, rewritten ones are not, and the index of sketch
    hashes finds the same groups as comparing every pair."""
    import random

    from factcheck.ingest import mark_near_duplicates
    from factcheck.records import Article

    rng = random.Random(seed)
    vocabulary = [f"w{k}" for k in range(400)]
    originals = [" ".join(rng.choice(vocabulary) for _ in range(300)) for _ in range(8)]
    texts = []
    for text in originals:
        texts.append(text)
        for changed in rng.sample([2, 10, 40, 120, 250], 3):  # words replaced in a copy
            words = text.split()
            for k in rng.sample(range(len(words)), changed):
                words[k] = rng.choice(vocabulary)
            texts.append(" ".join(words))
    rng.shuffle(texts)
    articles = [Article(id=f"a{k:02d}", path=f"a{k:02d}.txt", outlet="o", published=None, text=t)
                for k, t in enumerate(texts)]
    marked = [a.duplicate_of for a in mark_near_duplicates(articles)]
    assert marked == _all_pairs_marks(articles)
    assert 0 < sum(m is not None for m in marked) < len(texts) - len(originals)


def test_a_hash_in_more_sketches_than_max_bucket_proposes_no_pair():
    """Shared hashes are counted per pair, except those of boilerplate found in more than MAX_BUCKET
    sketches."""
    import numpy as np

    from factcheck.ingest import MAX_BUCKET, _shared_hashes

    boilerplate = 7
    sketches = [np.array(sorted({boilerplate, 100 + k}), dtype=np.uint32) for k in range(MAX_BUCKET + 1)]
    sketches[3] = np.array([boilerplate, 100, 103, 500], dtype=np.uint32)
    sketches[9] = np.array([boilerplate, 109, 500], dtype=np.uint32)
    assert dict(_shared_hashes(sketches)) == {(0, 3): 1, (3, 9): 1}
    assert dict(_shared_hashes(sketches[:MAX_BUCKET])) == {
        **{(i, j): 1 for i in range(MAX_BUCKET) for j in range(i + 1, MAX_BUCKET)}, (0, 3): 2, (3, 9): 2}
