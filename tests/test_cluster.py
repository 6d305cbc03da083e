"""Grouping with a fake embedder: structured blocking decides before similarity does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cluster import ClusterConfig, cluster_claims
from factcheck.records import Article, Claim
from factcheck.syndication import find_syndication


def art(aid, published=date(2021, 3, 2), text="x"):
    return Article(id=aid, path=f"{aid}.txt", outlet=aid, published=published, text=text)


def mk(aid, start, *, kind="killed", subject="people", group="people", low=2, event=None, unit=None,
       role="body", sentence_start=None):
    ev = event or (None, None)
    return Claim(id=f"{aid}:{start}", article_id=aid, kind=kind, subject=subject, low=low, high=low,
                 qualifier="exact", surface="two", start=start, end=start + 3, sentence="two",
                 sentence_start=start if sentence_start is None else sentence_start, unit=unit,
                 subject_group=group, event_start=ev[0], event_end=ev[1], role=role)


def run(claims, arts):
    vec = np.ones((len(claims), 4), np.float32) / 2.0  # every sentence alike: only structure decides
    avec = {a.id: np.ones(4, np.float32) / 2.0 for a in arts}
    groups = cluster_claims(claims, vec, avec, {a.id: a for a in arts}, config=ClusterConfig())
    return [[claims[i].id for i in g] for g in groups]


@pytest.mark.parametrize("second, together", [
    (dict(), True),
    (dict(kind="injured"), False),                                         # other kind
    (dict(subject="police officers", group="security forces"), False),      # officers never meet civilians
    (dict(event=(date(2015, 5, 1), date(2015, 5, 1))), False),              # an older event
    (dict(role="chrome"), False),                                           # page furniture
    (dict(sentence_start=0), False),                                        # two figures of one sentence
    (dict(kind="distance", subject="distance", group="other", unit="m"), False),
])
def test_structured_blocking(second, together):
    first = mk("a", 0, subject="civilians", group="civilians")
    other = mk("b" if "sentence_start" not in second else "a", 10, **{**dict(subject="civilians",
                                                                            group="civilians"), **second})
    arts = [art("a"), art("b")]
    groups = run([first, other], arts)
    assert (len(groups) == 1) is together


def test_generic_people_needs_alike_sentences_to_meet_a_named_group():
    claims = [mk("a", 0, subject="civilians", group="civilians"), mk("b", 0)]
    assert len(run(claims, [art("a"), art("b")])) == 1  # identical fake sentences are alike


def run_unalike(claims, arts):
    """Every sentence unlike every other (cosine 0), every article about one event."""
    vec = np.eye(len(claims), 8, dtype=np.float32)
    avec = {a.id: np.ones(8, np.float32) / np.sqrt(8) for a in arts}
    groups = cluster_claims(claims, vec, avec, {a.id: a for a in arts}, config=ClusterConfig())
    return sorted(sorted(claims[i].id for i in g) for g in groups)


def test_one_toll_each_joins_people_and_civilians_said_unalike():
    claims = [mk("a", 0, subject="civilians", group="civilians"), mk("b", 0)]
    assert run_unalike(claims, [art("a"), art("b")]) == [["a:0", "b:0"]]


def test_a_role_never_joins_people_said_unalike_with_another_count():
    claims = [mk("a", 0, subject="police officers", group="security forces"), mk("b", 0, low=7)]
    assert len(run_unalike(claims, [art("a"), art("b")])) == 2


def test_an_article_that_counts_both_scopes_keeps_them_apart():
    """b says "23 people, 15 of them civilians": its people are not a's civilians."""
    claims = [mk("a", 0, subject="civilians", group="civilians", low=15), mk("b", 0, low=23),
              mk("b", 50, subject="civilians", group="civilians", low=15)]
    assert run_unalike(claims, [art("a"), art("b")]) == [["a:0", "b:50"], ["b:0"]]


@pytest.mark.parametrize("low, joined", [(5, True), (0, False), (1, False)])
def test_one_exact_count_under_two_names_is_one_count(low, joined):
    """"arrested five people" and "five members of the group were captured"; not a zero or a one."""
    claims = [mk("a", 0, subject="group members or attackers", group="attackers", low=low), mk("b", 0, low=low)]
    assert (len(run_unalike(claims, [art("a"), art("b")])) == 1) is joined


def test_find_syndication_groups_marked_copies():
    from dataclasses import replace

    arts = [art("a"), replace(art("b"), duplicate_of="a"), art("c"), replace(art("d"), duplicate_of="a")]
    assert find_syndication(arts) == (("a", "b", "d"),)


def test_large_components_are_cut_to_bound_pairwise_work():
    claims = [mk(a, 0) for a in "abcde"]
    arts = [art(a) for a in "abcde"]
    vec = np.ones((5, 4), np.float32) / 2.0
    avec = {a.id: np.ones(4, np.float32) / 2.0 for a in arts}
    by_id = {a.id: a for a in arts}
    whole = cluster_claims(claims, vec, avec, by_id, config=ClusterConfig())
    cut = cluster_claims(claims, vec, avec, by_id, config=ClusterConfig(max_component=2))
    assert [len(g) for g in whole] == [5]
    assert sorted(len(g) for g in cut) == [1, 2, 2]


@pytest.mark.parametrize("sentence, surface, part", [
    ("Forty-six people were injured, several of them seriously.", "several", True),
    ("Of the 46 people injured, eight remain in hospital.", "eight", True),
    ("The blast killed 23 people, four of whom were children.", "four", True),
    ("Forty-six people were injured, several of them seriously.", "Forty-six", False),
    ("Eight of the injured remain in hospital.", "Eight", False),   # a partitive of a noun says its own group
    ("Officials said 12 people died.", "12", False),
])
def test_a_part_of_a_count_is_told_apart(sentence, surface, part):
    from factcheck.cluster import is_part

    start = sentence.index(surface)
    c = Claim(id="a:0", article_id="a", kind="injured", subject="people", low=1, high=1, qualifier="exact",
              surface=surface, start=start, end=start + len(surface), sentence=sentence, sentence_start=0)
    assert is_part(c) is part


@pytest.mark.parametrize("a, b, together", [
    ("explosion", "tear", True),       # one blast, worded two ways
    ("capsize", "sink", True),
    ("arrest", "detain", True),        # one arrest
    ("arrest", "overturn", False),     # the arrests came days after the sinking
    ("evacuate", "explosion", False),
])
def test_date_claims_of_different_events_stay_apart(a, b, together):
    day = date(2021, 3, 1)
    claims = [mk("a", 0, kind="date", subject=a, group="event", low=day.toordinal(), event=(day, day)),
              mk("b", 0, kind="date", subject=b, group="event", low=day.toordinal(), event=(day, day))]
    assert (len(run(claims, [art("a"), art("b")])) == 1) is together


def test_names_fold_case_and_accents():
    from factcheck.cluster import names

    assert names("Witnesses said Óscar Pérez fled.") == names("Then Oscar Perez fled.") == {"oscar", "perez"}


def test_a_recalled_date_and_a_news_date_of_one_news_cycle_are_two_events():
    """Published the same week: "he launched a rebellion last year" vs "he died on Monday"."""
    monday, old = date(2021, 3, 1), (date(2020, 1, 1), date(2020, 12, 31))
    claims = [mk("a", 0, kind="date", subject="die", group="event", low=monday.toordinal(), event=(monday, monday)),
              mk("b", 0, kind="date", subject="rebellion", group="event", low=old[0].toordinal(), event=old)]
    assert len(run(claims, [art("a"), art("b")])) == 2


def test_a_part_needs_a_count_of_its_kind_before_it_in_the_sentence():
    """"40 were injured, several of them seriously" vs "None of those aboard were injured"."""
    def c(aid, surface, sentence, low, at=0):
        start = sentence.index(surface, at)
        return Claim(id=f"{aid}:{start}", article_id=aid, kind="injured", subject="people", low=low, high=low,
                     qualifier="exact", surface=surface, start=start, end=start + len(surface),
                     sentence=sentence, sentence_start=0)

    claims = [c("a", "40", "40 were injured, several of them seriously.", 40),
              c("a", "several", "40 were injured, several of them seriously.", 5),
              c("b", "None", "None of those aboard were injured.", 0),
              c("d", "No one", "No one was injured.", 0),
              c("e", "five", "About five were injured, doctors said.", 5)]
    groups = run(claims, [art(x) for x in "abde"])
    assert ["a:17"] in groups                 # the part stands alone, away from the five it resembles
    assert any("b:0" in g and "d:0" in g for g in groups)  # "None of those aboard" is compared, no part


@pytest.mark.parametrize("scope_a, scope_b, together", [
    (None, None, True),                    # two wholes
    ("Iranian", None, False),              # a part never meets its whole
    ("Iranian", "Iran", True),             # one nationality under two names
    ("Turkish", "Ghana, Turkey", True),    # a list line naming two countries with one figure
    ("Iranian", "Turkish", False),         # two parts
    ("Niger", "Nigeria", False),           # two countries, one a prefix of the other
    ("Nigerian", "Niger", False),          # Nigeria's nationals, not Niger's
    ("Korean", "Korea", True),
    ("Austrian", "Australian", False),
    ("Pakistani", "Pakistan", True),
    ("Chinese", "China", True),
])
def test_a_part_by_nationality_meets_only_the_same_part(scope_a, scope_b, together):
    from dataclasses import replace

    claims = [replace(mk("a", 0, subject="pilgrims", group="civilians"), scope=scope_a),
              replace(mk("b", 0, subject="pilgrims", group="civilians"), scope=scope_b)]
    assert (len(run(claims, [art("a"), art("b")])) == 1) is together


@pytest.mark.parametrize("name_b, together", [("Pérez", True), ("Ramos", False), (None, False)])
def test_ages_are_compared_for_one_named_person(name_b, together):
    from dataclasses import replace

    a = replace(mk("a", 0, kind="age", low=36), scope="Perez")
    b = replace(mk("b", 0, kind="age", low=37), scope=name_b)
    assert (len(run([a, b], [art("a"), art("b")])) == 1) is together


def test_a_part_of_a_named_whole_is_never_grouped():
    from dataclasses import replace

    claims = [mk("a", 0), replace(mk("b", 0), part=True)]
    assert len(run(claims, [art("a"), art("b")])) == 2


def test_two_outlets_breakdown_lines_are_not_compared_line_by_line():
    from dataclasses import replace

    lines = [replace(mk(x, 0, subject="pilgrims", group="civilians", low=n), scope="Chad", role="list")
             for x, n in (("a", 11), ("b", 40))]
    prose = replace(mk("c", 0, subject="pilgrims", group="civilians", low=11), scope="Chadian")
    assert len(run(lines, [art("a"), art("b")])) == 2
    assert len(run([lines[0], prose], [art("a"), art("c")])) == 1


@pytest.mark.parametrize("names, sentence_cos, together", [
    ("Orsova Tamlin Brekka", 0.65, True),   # ledes of other angles: the sentences and three names agree
    ("Orsova Tamlin", 0.65, False),          # two shared names are not enough without alike ledes
    ("Orsova Tamlin Brekka", 0.45, False),   # nor are three names with unlike sentences
])
def test_alike_sentences_in_contexts_sharing_names_tell_one_event(names, sentence_cos, together):
    # sentence vectors at the given cosine, ledes nearly orthogonal (cosine 0.1)
    s = np.array([[1.0, 0.0, 0.0, 0.0], [sentence_cos, np.sqrt(1 - sentence_cos ** 2), 0.0, 0.0]], np.float32)
    lede = {"a": np.array([1.0, 0.0, 0.0, 0.0], np.float32),
            "b": np.array([0.1, 0.0, np.sqrt(0.99), 0.0], np.float32)}
    text = f"report: the envoy met {names} officials, and talks go on."
    arts = {x: art(x, text=text) for x in "ab"}
    claims = [mk("a", 0), mk("b", 0)]
    groups = cluster_claims(claims, s, lede, arts, config=ClusterConfig())
    assert (len(groups) == 1) is together


@pytest.mark.parametrize("claimants, together", [
    (("the rights group", "the prosecutor"), True),   # the article sets two sources against each other
    (("the rights group", None), False),              # without wording to compare: two facts
    ((None, None), False),
])
def test_a_non_english_article_setting_two_sources_apart_is_one_fact(claimants, together):
    from dataclasses import replace

    spanish = Article(id="a", path="a.txt", outlet="a", published=date(2021, 3, 2), text="x", lang="es")
    claims = [replace(mk("a", 0, kind="arrested", low=338), claimant=claimants[0]),
              replace(mk("a", 40, kind="arrested", low=233), claimant=claimants[1])]
    assert (len(run(claims, [spanish])) == 1) is together


@pytest.mark.parametrize("names_b, dated, together", [
    ("Orsova", True, True),            # one distinctive name, both claims dated within a news week
    ("Orsova", False, False),          # one name and an open window: two names are needed
    ("Orsova Tamlin", False, True),
    ("Brekka", True, False),           # no name shared
])
def test_across_languages_one_shared_name_suffices_within_one_news_week(names_b, dated, together):
    from dataclasses import replace

    week = (date(2021, 2, 27), date(2021, 2, 27)) if dated else (None, None)
    es = Article(id="a", path="a.txt", outlet="a", published=date(2021, 3, 2), lang="es",
                 text="informe: la mina de Orsova Tamlin, cerrada")
    en = Article(id="b", path="b.txt", outlet="b", published=date(2021, 3, 2) if dated else None,
                 text=f"report: the mine at {names_b}, shut")
    others = [Article(id=x, path=f"{x}.txt", outlet=x, published=date(2021, 3, 2), text=f"report: {x} Zelmar Quinto")
              for x in "cdefg"]  # names the whole run shares tell no event apart
    claims = [mk("a", 0, event=week), mk("b", 0, low=3, event=week if dated else None)]
    claims = [replace(c, qualifier="exact") for c in claims]
    assert (len(run(claims, [es, en, *others])) == 1) is together


@pytest.mark.parametrize("subject_b, days_apart, together", [
    ("grenade", 0, True),     # "dos granadas" and "four grenades" of one week: one count of one thing
    ("grenade", 30, False),   # a month apart: two events
    ("bomb", 0, False),       # other things
])
def test_objects_counted_across_languages_need_no_distinctive_name(subject_b, days_apart, together):
    from datetime import timedelta

    day = date(2021, 2, 27)
    # the contexts share one name, the country every article of the run names (so not a distinctive one)
    es = Article(id="a", path="a.txt", outlet="a", published=date(2021, 3, 2), lang="es", text="informe: Orsova en Valdor")
    en = Article(id="b", path="b.txt", outlet="b", published=date(2021, 3, 2) + timedelta(days=days_apart),
                 text="report: Brekka in Valdor")
    other = dict(kind="weapons used", group="other")
    claims = [mk("a", 0, subject="grenade", low=2, event=(day, day), **other),
              mk("b", 0, subject=subject_b, low=4, event=(day + timedelta(days=days_apart),) * 2, **other)]
    assert (len(run(claims, [es, en])) == 1) is together


@pytest.mark.parametrize("people, pilgrims, together", [
    (887, 934, True),    # more pilgrims than people: no part of it, two sources of one toll
    (934, 887, False),   # the pilgrims may be a part of the people: told apart
])
def test_a_population_counted_above_the_generic_toll_is_no_part_of_it(people, pilgrims, together):
    claims = [mk("a", 0, kind="injured", low=people), mk("a", 50, kind="injured", low=pilgrims,
                                                           subject="pilgrims", group="civilians")]
    assert (run_unalike(claims, [art("a")]) == [["a:0", "a:50"]]) is together


@pytest.mark.parametrize("second, together", [(16_200, True), (30_000, False)])
def test_near_measures_need_less_alike_wording(second, together):
    # windows at cosine 0.45: enough for 4 h against 4.5 h, not for 4 h against 8.3 h
    s = np.array([[1.0, 0.0, 0.0, 0.0], [0.45, np.sqrt(1 - 0.45 ** 2), 0.0, 0.0]], np.float32)
    lede = {x: np.array([1.0, 0.0, 0.0, 0.0], np.float32) for x in "ab"}
    claims = [mk("a", 0, kind="duration", subject="duration", group="other", unit="s", low=14_400),
              mk("b", 0, kind="duration", subject="duration", group="other", unit="s", low=second)]
    groups = cluster_claims(claims, s, lede, {x: art(x) for x in "ab"}, config=ClusterConfig())
    assert (len(groups) == 1) is together


def test_objects_counted_in_two_places_sharing_no_name_stay_apart():
    day = date(2021, 2, 27)
    es = Article(id="a", path="a.txt", outlet="a", published=date(2021, 3, 2), lang="es", text="informe: Orsova")
    en = Article(id="b", path="b.txt", outlet="b", published=date(2021, 3, 2), text="report: Brekka")
    other = dict(kind="weapons used", group="other", subject="grenade", event=(day, day))
    assert len(run([mk("a", 0, low=2, **other), mk("b", 0, low=4, **other)], [es, en])) == 2


def test_security_forces_meet_the_police_among_them_said_unalike():
    """a: "500 members of the security forces surrounded the house"; b: "1,000 police officers"."""
    deployed = dict(kind="troops deployed", group="security forces")
    claims = [mk("a", 0, subject="security forces", low=500, **deployed),
              mk("b", 0, subject="police officers", low=1000, **deployed)]
    assert run_unalike(claims, [art("a"), art("b")]) == [["a:0", "b:0"]]
    # an article that counts both tells them apart; two roles never meet
    told = [*claims, mk("b", 50, subject="security forces", low=1500, **deployed)]
    assert ["a:0", "b:0"] not in run_unalike(told, [art("a"), art("b")])
    roles = [mk("a", 0, subject="soldiers", low=500, **deployed), claims[1]]
    assert len(run_unalike(roles, [art("a"), art("b")])) == 2


def _sectioned(heading: str, lines: list[str]):
    """A Spanish article: a first paragraph, a subheading, then ``lines`` below it; the claims of the
    subheading and of each line, all deployed soldiers, as extraction would give them."""
    text = "El valle amaneció en calma tras el choque del lunes.\n\n" + heading + "\n\n" + " ".join(lines)
    a = Article(id="a", path="a.txt", outlet="a", published=date(2021, 3, 2), text=text, lang="es")
    deployed = dict(kind="troops deployed", subject="soldiers", subject_group="security forces", qualifier="exact",
                    article_id="a")
    h0 = text.index(heading)
    claims = [Claim(id="a:h", low=20, high=20, start=h0, end=h0 + 6, surface=text[h0:h0 + 6], sentence=heading,
                    sentence_start=h0, role="heading", **deployed)]
    for i, line in enumerate(lines):
        s0 = text.index(line)
        claims.append(Claim(id=f"a:{i}", low=15 + i, high=15 + i, start=s0, end=s0 + 2, surface=text[s0:s0 + 2],
                            sentence=line, sentence_start=s0, role="body", predicate="acompañar", **deployed))
    return claims, a


def test_a_spanish_subheading_meets_the_count_right_below_it():
    """Without wording to compare, two figures of one Spanish article are two facts, unless one is a
    subheading that only names the count the sentence right below it gives ("VEINTE SOLDADOS" over
    "rondaba los 15"); a later count of the section is another fact."""
    claims, a = _sectioned("VEINTE SOLDADOS CON EL ALCALDE", ["Rondaban 15 los soldados.", "Otros 16 llegaron."])
    assert run_unalike(claims, [a]) == [["a:0", "a:h"], ["a:1"]]


def test_a_headline_or_a_heading_with_a_verb_sums_up_nothing():
    claims, a = _sectioned("VEINTE SOLDADOS VIGILAN LA PLAZA", ["Rondaban 15 los soldados."])
    claims[0] = replace(claims[0], predicate="vigilar")
    assert len(run_unalike(claims, [a])) == 2
    claims, a = _sectioned("VEINTE SOLDADOS CON EL ALCALDE", ["Rondaban 15 los soldados."])
    headline = replace(a, text=a.text.split("\n\n", 1)[1])  # no paragraph above: a headline
    shift = len(a.text) - len(headline.text)
    moved = [replace(c, start=c.start - shift, end=c.end - shift, sentence_start=c.sentence_start - shift)
             for c in claims]
    assert len(run_unalike(moved, [headline])) == 2

@pytest.mark.parametrize("n, working_mb, k, ties", [
    (2, 64, 7, "repeats"), (40, 64, 7, "repeats"), (900, 64, 7, "repeats"), (900, 1, 7, "repeats"),
    (3000, 2, 7, "repeats"), (300, 64, 41, "small integers"), (900, 1, 41, "small integers")])
def test_nearest_is_scikit_learns_neighbour_search_bit_for_bit(n, working_mb, k, ties):
    """The block's own neighbour search gives scikit-learn's distances and neighbours exactly, in one
    slice of rows or many, with ties among them: repeated vectors, or vectors of small integers
    whose distances tie exactly (with the grouping's 41 neighbours, ties decide the order)."""
    import sklearn
    from sklearn.neighbors import NearestNeighbors

    from factcheck.cluster import nearest

    rng = np.random.default_rng(n)
    if ties == "repeats":
        vectors = rng.standard_normal((n, 24)).astype(np.float32)
        vectors[n // 2:n // 2 + max(1, n // 10)] = vectors[0]
    else:
        vectors = rng.integers(0, 2, (n, 6)).astype(np.float32) + np.eye(6, dtype=np.float32)[0]
    k = min(n, k)
    with sklearn.config_context(working_memory=working_mb):
        want = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(vectors).kneighbors(vectors)
        got = nearest(vectors.copy(), k)
    assert got[0].dtype == want[0].dtype and np.array_equal(got[0], want[0])
    assert np.array_equal(got[1], want[1])


def test_joint_vectors_are_the_stacked_scaled_vectors_bit_for_bit():
    """The blended vectors are filled a slice at a time to bound memory; the values must be those of
    scaling and stacking the whole block, across slice boundaries too."""
    from factcheck.cluster import _joint, _Rows

    rng = np.random.default_rng(7)
    sv = rng.standard_normal((11, 4)).astype(np.float32)
    av = rng.standard_normal((11, 4)).astype(np.float32)
    for w in (0.5, 0.3):
        whole = np.hstack([np.sqrt(w) * sv, np.sqrt(1 - w) * av]).astype(np.float32)
        sliced = _joint(sv, av, w, rows=4)
        gathered = _joint(_Rows(11, lambda ps: sv[list(ps)]), _Rows(11, lambda ps: av[list(ps)]), w, rows=4)
        for got in (sliced, gathered):
            assert got.dtype == np.float32
            assert np.array_equal(whole.view(np.uint32), got.view(np.uint32))


def test_a_grouped_block_leaves_nothing_behind_for_the_cycle_collector():
    """A block's pairs and vectors are freed when the block is grouped, by reference counting alone:
    no reference cycle keeps the previous block's matrices alive while the next one is grouped."""
    import gc
    import weakref

    from factcheck.cluster import _Pairs

    arts = [art("a"), art("b")]
    claims = [mk("a", 0), mk("b", 0)]
    vec = np.ones((2, 4), np.float32) / 2.0
    avec = {a.id: np.ones(4, np.float32) / 2.0 for a in arts}
    gc.disable()
    try:
        pairs = _Pairs([0, 1], claims, vec, avec, {a.id: a for a in arts}, ClusterConfig())
        pairs.attach_vectors()
        assert pairs.distance(0, 1) <= ClusterConfig().threshold
        alive = weakref.ref(pairs)
        del pairs
        assert alive() is None
    finally:
        gc.enable()


@given(st.lists(st.tuples(st.integers(0, 60), st.frozensets(st.sampled_from("ABCDEFG"), max_size=4), st.booleans()),
                min_size=1, max_size=80), st.integers(1, 6))
@settings(max_examples=60, deadline=None)
def test_close_articles_ranks_by_shared_names_then_id(rows, batch):
    """Each non-English article's close articles are those sharing most distinctive names with it,
    ties by id, at most MAX_STRUCTURAL_ARTICLES + 1: counted against every pair by hand, with the
    articles counted a few at a time so that batches meet."""
    from types import SimpleNamespace

    import factcheck.cluster as cluster
    names = {f"a{n:02d}": ns for n, ns, _ in rows}  # an article's names are one set for all its claims
    order = [f"a{n:02d}" for n, _, _ in rows]
    english = [en for _, _, en in rows]  # one claim each: an article is English when all its claims are
    pairs = SimpleNamespace(claims=[SimpleNamespace(article_id=aid) for aid in order],
                            distinctive=[names[aid] for aid in order], english=english)
    was = cluster.CLOSE_ROWS
    cluster.CLOSE_ROWS = batch
    try:
        by_article, near = cluster.close_articles(pairs)
    finally:
        cluster.CLOSE_ROWS = was
    assert by_article == {aid: [p for p, a in enumerate(order) if a == aid] for aid in set(order)}
    assert set(near) == {aid for aid in set(order) if not all(e for a, e in zip(order, english) if a == aid)}
    for aid, got in near.items():
        shared = {other: len(names[aid] & names[other]) for other in set(order)}
        want = sorted((o for o in shared if shared[o]), key=lambda o: (-shared[o], o))
        assert got == want[:cluster.MAX_STRUCTURAL_ARTICLES + 1]


@pytest.mark.parametrize("idx, lede_type", [([0, 1, 2, 3, 4, 5], np.float32), ([5, 3, 1], np.float32),
                                             ([0, 1, 2], np.float32), ([0, 1, 2, 3, 4, 5], np.float64)])
def test_context_rows_are_held_once_per_article_with_the_values_of_a_row_per_claim(idx, lede_type):
    """``attach_vectors`` keeps one context row per article (and per claim about an older event):
    each claim's row is bit for bit the one a row per claim gave, in rows or in the store's order."""
    from factcheck.cluster import _Pairs

    arts = [art("a"), art("b")]
    older = (date(2015, 5, 1), date(2015, 5, 1))  # years before publication: its own sentence's context
    claims = [mk("a", 0), mk("a", 10), mk("a", 20, event=older), mk("b", 0), mk("b", 10, event=older), mk("b", 30)]
    rng = np.random.default_rng(3)
    vec = rng.standard_normal((len(claims), 8)).astype(np.float32)
    avec = {a.id: rng.standard_normal(8).astype(lede_type) for a in arts}
    pairs = _Pairs(idx, claims, vec, avec, {a.id: a for a in arts}, ClusterConfig())
    pairs.attach_vectors()
    assert pairs.older == [i in (2, 4) for i in idx]
    per_claim = pairs.context_rows[:]
    assert len(pairs.av) == len({claims[i].article_id for i in idx if not pairs.older[idx.index(i)]}) + sum(pairs.older)
    assert pairs.av.dtype == per_claim.dtype
    for p in range(len(idx)):
        assert np.array_equal(pairs.av[pairs.av_at[p]], per_claim[p])
        assert np.array_equal(pairs.sv[p], vec[idx[p]])
    assert np.shares_memory(pairs.sv, vec) == (idx == list(range(len(claims))))  # the claims' own rows: a view
    distances = [pairs.distance(a, b) for a in range(len(idx)) for b in range(len(idx))]
    pairs.av, pairs.av_at = per_claim, list(range(len(idx)))  # a row per claim, as before
    assert distances == [pairs.distance(a, b) for a in range(len(idx)) for b in range(len(idx))]
