"""Cluster: Claims + vectors -> groups of claims that state the same fact.

Reads claims, one embedding per claim (its sentence, or for a measure the words
around its figure: ``claim_text``) and one per article (its lede, standing for
the article's main event). Structured keys block impossible pairs before any
similarity is looked at: claims of different kinds or units, page chrome,
increments and parts ("six more", "four of them"), two figures of one sentence,
incompatible subject groups (officers never meet civilians) and claims whose
event times cannot overlap.
Inside a block, nearest neighbours on the blended embedding propose candidate
pairs (no full distance matrix over the block), candidates that pass the
structured checks are joined into components, and scikit-learn's
complete-linkage agglomerative clustering splits each component so that no
group holds a pair further apart than the threshold. Returns lists of indices.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn import get_config
from sklearn.cluster import AgglomerativeClustering
from sklearn.preprocessing import normalize
from sklearn.utils import gen_batches

from . import kinds
from .claims import heads_section
from .lang import DEFAULT_LANGUAGE, not_names
from .lang import en as lx
from .records import Article, Claim

# How far back from publication an undated figure may describe its event.
DEFAULT_WINDOW_DAYS = 10
# Kinds whose figures are never grouped across sentences (they count nothing comparable).
UNGROUPED_KINDS = kinds.UNGROUPED_KINDS
# Kinds whose figures recur for unrelated things in one story ("two hours", "six months").
MEASURE_KINDS = kinds.MEASURE_KINDS
# Subjects that name everyone: "30 people" may be the same count as "30 protesters".
GENERIC_SUBJECTS = {"people"}
POPULATION_SUBJECTS = lx.POPULATION_SUBJECTS
HUMAN_GROUPS = lx.HUMAN_GROUPS
CONTEXT_CHARS = 1000  # the part of an article whose names tell what event it is about
COARSE_DAYS = 28
COARSE_SLACK_DAYS = 7
RUNNING_SLACK_DAYS = 2
# Counts that run on as an event unfolds (the same list as compare's cumulative kinds).
RUNNING_KINDS = kinds.RUNNING_KINDS
_FAR = 10.0


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Knobs of the grouping stage; the defaults are the tested ones."""

    threshold: float = 0.42        # complete-linkage cut: allowed pairs sit below it, forbidden far above
    sentence_weight: float = 0.5   # weight of sentences vs ledes when proposing neighbours
    event_similarity: float = 0.65        # ledes this alike tell of one event
    min_context_similarity: float = 0.25  # below this, never one event; between, names must be shared
    shared_names: int = 2                 # proper names two contexts must share to be one event
    # ... or, when the claims' own sentences are this alike, ledes this alike and one shared name
    sentence_event_similarity: float = 0.7
    sentence_context_similarity: float = 0.5
    # ... or, whatever the ledes' angles, sentences this alike in contexts sharing one name more
    named_sentence_similarity: float = 0.6
    measure_min_similarity: float = 0.5   # measures (durations, distances...) group only when said alike
    near_measure_similarity: float = 0.4  # ... and, when their figures are near (within 25%), said this alike
    scope_min_similarity: float = 0.6     # "people" meets a named group only when said alike
    date_min_similarity: float = 0.45     # dates of an event are compared when their sentences are alike
    date_named_similarity: float = 0.6    # ... and this alike when only shared names make it one event
    window_days: int = DEFAULT_WINDOW_DAYS
    neighbours: int = 40           # candidate neighbours per claim inside a block
    candidate_distance: float = 0.7  # neighbours further apart than this are not even proposed
    max_component: int = 400       # larger candidate components are cut before the pairwise step


def event_window(claim: Claim, published: date | None, *, window_days: int) -> tuple[date, date] | None:
    """The dates a claim's event may fall on: the stated date, else a window before publication."""
    if claim.event_start is not None and claim.event_end is not None:
        return claim.event_start, claim.event_end
    return news_window(published, window_days=window_days)


def news_window(published: date | None, *, window_days: int) -> tuple[date, date] | None:
    """The days before publication that an article's news may fall on (``event_window`` of a claim
    with no date of its own)."""
    return None if published is None else (published - timedelta(days=window_days), published)


def _widen(w: tuple[date, date], *, running: bool) -> tuple[date, date]:
    # A month or more recalled later ("in May 2015") is approximate: let it reach a week out.
    if (w[1] - w[0]).days >= COARSE_DAYS:
        return w[0] - timedelta(days=COARSE_SLACK_DAYS), w[1] + timedelta(days=COARSE_SLACK_DAYS)
    # A running toll is dated by when it was counted ("rose to 30 on Thursday") as often as by
    # the event, and people die of their injuries days later: let a day reach two days out.
    if running:
        return w[0] - timedelta(days=RUNNING_SLACK_DAYS), w[1] + timedelta(days=RUNNING_SLACK_DAYS)
    return w


def recalls_older_event(claim: Claim, published: date | None, *, window_days: int) -> bool:
    """True when the claim's own date puts its event before the article's news window."""
    if claim.event_end is None or published is None:
        return False
    return claim.event_end < published - timedelta(days=window_days)


def block_key(claim: Claim) -> tuple[str, str]:
    """Claims can share a fact only when they share this key."""
    return claim.kind, claim.unit or ""


# Events that follow the main one on days of their own: "arrested on Monday" does not date the sinking.
SEPARATE_EVENT_KINDS = kinds.OWN_DATE_KINDS


def _event_class(subject: str) -> str:
    """What a date claim's event is: an arrest, an evacuation..., or the main event ("event")."""
    kind = lx.KIND_VERBS.get(subject) or lx.KIND_NOUNS.get(subject)
    return kind if kind in SEPARATE_EVENT_KINDS else "event"


def scope_keys(claim: Claim) -> frozenset[str]:
    """A claim's scope, comparable across outlets: a person's name unaccented ("Pérez" = "Perez");
    each nationality or place it names, lowercased ("Ghana, Turkey" names two, each with that
    figure). Empty for a whole count."""
    if claim.scope is None:
        return frozenset()
    text = _unaccent(claim.scope).lower()
    if claim.kind == "age":
        return frozenset({" ".join(re.findall(r"[^\W\d_]+", text))})
    names = re.split(r"\s*(?:,|\band\b|&|/)\s*", text)
    return frozenset(" ".join(re.findall(r"[^\W\d_]+", n)) for n in names if n.strip())


def _country_forms(name: str) -> set[str]:
    """The country names a nationality may stand for: "iranian" -> {"iran", ...}, "turkish" ->
    {"turkey", ...}, by the English endings in ``lang/en.py``, or its listed country where the
    endings mislead ("nigerian" is Nigeria's, not Niger's). A name that is no nationality stands for
    itself only, so "niger" and "nigeria" stay two places."""
    if name in lx.DEMONYM_COUNTRIES:
        return {name, lx.DEMONYM_COUNTRIES[name]}
    forms = {name}
    for end in lx.DEMONYM_ENDINGS:
        if name.endswith(end) and len(name) - len(end) >= 3:
            forms |= {name[:-len(end)] + tail for tail in lx.COUNTRY_ENDINGS}
            break
    return forms


def _names_meet(x: str, y: str) -> bool:
    return x == y or x in _country_forms(y) or y in _country_forms(x)


def scopes_meet(a: Claim, b: Claim) -> bool:
    """Two wholes meet, and two parts that share a name; a part never meets its whole."""
    ka, kb = scope_keys(a), scope_keys(b)
    if not ka or not kb:
        return ka == kb
    return any(_names_meet(x, y) for x in ka for y in kb)


def _is_whole(claim: Claim) -> bool:
    """A subject that names its whole group of roles: "security forces" (police and soldiers). A
    population ("civilians") is no such whole: its parts are told apart by ``one_toll_each``."""
    return claim.subject_group in HUMAN_GROUPS and claim.subject == claim.subject_group \
        and claim.subject not in POPULATION_SUBJECTS | GENERIC_SUBJECTS


def subjects_compatible(a: Claim, b: Claim) -> tuple[bool, bool]:
    """Whether two subjects may be one group, and whether that crosses a scope ("people" vs "officers")."""
    if not scopes_meet(a, b):
        return False, False  # a part never meets its whole, nor another part
    if a.kind == "age":
        return True, False  # one named person's age
    if a.subject == b.subject:
        return True, False
    if a.kind == "date":
        # a date claim's subject names the event, worded freely ("blast", "explosion", "tore"),
        # but an arrest or an evacuation is an event of its own, after the blast
        return _event_class(a.subject) == _event_class(b.subject), False
    generic = {a.subject, b.subject} & GENERIC_SUBJECTS
    if generic and a.subject_group in HUMAN_GROUPS and b.subject_group in HUMAN_GROUPS:
        return True, True
    if a.subject_group == b.subject_group and (_is_whole(a) or _is_whole(b)):
        return True, True  # "security forces" holds the police officers and the soldiers among them
    return False, False


def cluster_claims(claims: list[Claim], sentence_vecs: np.ndarray, article_vecs: dict[str, np.ndarray],
                   articles: dict[str, Article], *, config: ClusterConfig = ClusterConfig(),
                   names_found: tuple[dict, dict] | None = None) -> list[list[int]]:
    """Group claims into facts.

    Args:
        claims: every claim of the run.
        sentence_vecs: one unit vector per claim, row-aligned with ``claims``.
        article_vecs: one unit vector per article id (its lede).
        articles: article id -> Article, for publication dates.
        config: thresholds and weights.
        names_found: ``run_names(articles)``, when it was found already (it is the same for any
            part of the run's claims).

    Returns:
        Groups of indices into ``claims``, each sorted, ordered by their first index.
    """
    blocks, alone = split_blocks(claims)
    groups: list[list[int]] = [[i] for i in alone]
    context, distinctive = names_found or run_names(articles)
    for key in sorted(blocks):
        idx = blocks[key]
        if len(idx) == 1:
            groups.append(idx)
            continue
        groups.extend(_cluster_block(idx, claims, sentence_vecs, article_vecs, articles, config, distinctive,
                                     context))
    groups = [sorted(g) for g in groups]
    groups.sort(key=lambda g: g[0])
    return groups


def split_blocks(claims: list[Claim]) -> tuple[dict[tuple[str, str], list[int]], list[int]]:
    """The claims that may group, by block (``block_key``), and those that stand alone: page chrome,
    kinds never grouped, increments and parts of a count their sentence gave before. Both decided
    by a claim's own article alone."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    alone: list[int] = []
    # a part is of a count its sentence gave before ("46 were injured, several of them seriously");
    # "Militants seized 40 hostages. Twelve of them were killed." is a toll of its own
    counted: set[tuple[str, int, str]] = set()
    parts: set[int] = set()
    for i in sorted(range(len(claims)), key=lambda i: (claims[i].article_id, claims[i].start)):
        c = claims[i]
        key = (c.article_id, c.sentence_start, c.kind)
        if c.part or (key in counted and is_part(c)):
            parts.add(i)
        counted.add(key)
    for i, c in enumerate(claims):
        grouped_age = c.kind == "age" and c.scope is not None  # a named person's age is compared
        if c.role == "chrome" or (c.kind in UNGROUPED_KINDS and not grouped_age) or is_increment(c) or i in parts:
            alone.append(i)
        else:
            blocks[block_key(c)].append(i)
    return blocks, alone


def run_names(articles: dict[str, Article]) -> tuple[dict[str, set[str]], dict[str, frozenset[str]]]:
    """Each article's context names, and those of them few of the run's articles share
    (``_distinctive_names``): found once per run."""
    context = {aid: names(_context_text(a)) for aid, a in sorted(articles.items())}
    return context, _distinctive_names(context)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]*[a-z][\w’'-]*")
# Words in an increment: "six more people died", "another five were hurt".
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|further|new|extra)\b", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an additional|a further|additional|further)\s+$", re.I)
# Words of a part of a count said before: "46 were injured, several of them seriously",
# "Of the 30 people hurt, six are still in hospital".
_PART_AFTER = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)
_PART_BEFORE = re.compile(r"(?:^|[.;:]\s*)of\s+(?:the|these|those|them)(?:\s[^,;]{1,80})?,\s*$", re.I)


# Where a sentence goes on to a second clause: "The roof fell in two miles away, and crews
# spent Thursday inspecting the bridge". Colons and semicolons count only before a space ("10:30").
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:](?=\s)|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though|after|before|when)\b)\s*",
    re.I)


MEASURE_WORDS = 5  # words either side of a measure that say what it measures
# Physical measures, embedded with the words around them. Percentages and money keep their
# sentence: "turnout was 62 percent" and "support was 48 percent" look alike in five words.
WINDOW_KINDS = kinds.WINDOW_KINDS


def claim_text(claim: Claim) -> str:
    """The text embedded for a claim: its sentence, or for a measure the words around its figure.

    A distance or a duration is one detail of its sentence: what it measures is said next to it
    ("two days of curfew", "a 60-day deadline to appeal", "5 km from the border"),
    and whatever else the sentence says would decide how alike two of them look. So a measure
    stands for the few words either side of it, inside its own clause. A count is what its
    sentence is about, and keeps the sentence.
    """
    if claim.kind not in WINDOW_KINDS:
        return claim.sentence
    s = claim.sentence
    a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    lo, hi = 0, len(s)
    for m in _CLAUSE_BREAK.finditer(s):
        if m.end() <= a:
            lo = m.end()
        elif m.start() >= b:
            hi = m.start()
            break
    before, after = s[lo:a].split()[-MEASURE_WORDS:], s[b:hi].split()[:MEASURE_WORDS]
    return " ".join([*before, s[a:b], *after])


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _unaccent(text: str) -> str:
    """The text without accents: "José Núñez" and "Jose Nunez" are one name across outlets."""
    text = unicodedata.normalize("NFKD", text)
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda m: "" if unicodedata.combining(m.group()) else m.group(), text)


_NOT_NAMES = {_unaccent(w) for w in not_names()}  # every language's "Monday", "Lunes", "The", "El"


def names(text: str) -> set[str]:
    """Capitalised words inside sentences, lower-cased and unaccented: the places, groups and people
    a text is about."""
    return {w for w in (m.group(0).lower() for m in _NAME.finditer(_unaccent(text)))
            if w not in _NOT_NAMES}


def is_increment(claim: Claim) -> bool:
    """True for a count of what was added ("six more people died"), which is no total to compare."""
    a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return bool(_INCREMENT_AFTER.match(claim.sentence, b) or _INCREMENT_BEFORE.search(claim.sentence[:a]))


def is_part(claim: Claim) -> bool:
    """True for a part of a count the sentence gives ("several of them"), which is no total to compare."""
    a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return bool(_PART_AFTER.match(claim.sentence, b) or _PART_BEFORE.search(claim.sentence[:a]))


# A name in more than this share of a run's articles (the country, its capital) tells no event apart.
DISTINCTIVE_SHARE = 1 / 3


def _distinctive_names(found: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Each article's context names (``found``: article id -> its names) that few of the run's
    articles share: where the languages differ, these, not sentence embeddings, tell whether two
    articles are about one event."""
    df: dict[str, int] = defaultdict(int)
    for ns in found.values():
        for name in ns:
            df[name] += 1
    limit = max(2, int(DISTINCTIVE_SHARE * len(found)))
    out = {}
    for aid, ns in found.items():
        rare = frozenset(n for n in ns if df[n] <= limit)
        # a run about one event shares its names everywhere: then every name tells
        out[aid] = rare if len(rare) >= 2 else frozenset(ns)
    return out


def _context_text(article: Article) -> str:
    return article.text[article.body_start:article.body_start + CONTEXT_CHARS]


class _Pairs:
    """Pairwise distance with the structured checks, for claims of one block.

    Allowed pairs get a distance below the threshold, ordered by how alike their
    sentences and contexts are; forbidden pairs get a distance far above it, so
    complete linkage never puts them in one group.
    """

    def __init__(self, idx, claims, sentence_vecs, article_vecs, articles, config, distinctive=None,
                 context: dict[str, set[str]] | None = None):
        self.claims = [claims[i] for i in idx]
        # the English sentence model compares English only: a pair with another language is decided
        # by structure and by the distinctive names its articles share
        self.english = [(articles[c.article_id].lang or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE for c in self.claims]
        self.distinctive = [(distinctive or {}).get(c.article_id, frozenset()) for c in self.claims]
        self.config = config
        older = [recalls_older_event(c, articles[c.article_id].published, window_days=config.window_days)
                 for c in self.claims]
        self.older = older
        self.news = [news_window(articles[c.article_id].published, window_days=config.window_days)
                     for c in self.claims]
        # Each claim's sentence vector, and its context's: a claim about an older event stands in its
        # own sentence's context, not the article's news. Gathered a slice of rows at a time
        # (``_joint``) until ``attach_vectors`` gathers them whole
        # (the gathering functions hold no reference to ``self``: a cycle would keep the block's
        # vectors alive after it is grouped, until Python's cycle collector runs)
        ids = [c.article_id for c in self.claims]
        if isinstance(sentence_vecs, np.ndarray) and len(idx) == len(sentence_vecs) and \
                all(i == k for k, i in enumerate(idx)):  # the rows are the claims': sliced, not copied
            self.sentence_rows = _Rows(len(idx), lambda ps: sentence_vecs[ps.start:ps.start + len(ps)]
                                       if ps.step == 1 else sentence_vecs[list(ps)])
        else:
            self.sentence_rows = _Rows(len(idx), lambda ps: sentence_vecs[[idx[p] for p in ps]])
        self.context_rows = _Rows(len(idx), lambda ps: np.stack([
            sentence_vecs[idx[p]] if older[p] else article_vecs[ids[p]] for p in ps]))
        self._ledes = lambda aids: np.stack([article_vecs[a] for a in aids])
        self.sv = self.av = self.av_at = None  # set by ``attach_vectors``, which ``distance`` needs first
        context = dict(context or {})  # an article's names, found once for all its claims
        for c, old in zip(self.claims, older):
            if not old and c.article_id not in context:
                context[c.article_id] = names(_context_text(articles[c.article_id]))
        self.names = [names(c.sentence) if old else context[c.article_id] for c, old in zip(self.claims, older)]
        self.windows = [event_window(c, articles[c.article_id].published, window_days=config.window_days)
                        for c in self.claims]
        # the windows as ``_widen`` widens them, once: (plain, running) per claim, and the news windows
        self._wide = [(None, None) if w is None else (_widen(w, running=False), _widen(w, running=True))
                      for w in self.windows]
        self._news_wide = [None if w is None else _widen(w, running=False) for w in self.news]
        # the subjects each claim's own article also counts, in this block, at a time its event may be
        self.also_counted: list[dict[str, list[float]]] = [defaultdict(list) for _ in self.claims]
        by_article: dict[str, list[int]] = defaultdict(list)
        for p, c in enumerate(self.claims):
            by_article[c.article_id].append(p)
        # a subheading and the count right below it that it sums up (``claims.heads_section``)
        self.summed = {(p, q) for ps in by_article.values() for p in ps for q in ps
                       if heads_section(self.claims[p], self.claims[q], articles[self.claims[p].article_id].text)}
        self.summed |= {(q, p) for p, q in self.summed}
        # what ``subjects_compatible`` reads of a claim, as one number per distinct value
        signatures: dict[tuple, int] = {}
        self._subject_sig = [signatures.setdefault((c.kind, c.scope, c.subject, c.subject_group), len(signatures))
                             for c in self.claims]
        self._compatible: dict[tuple[int, int], tuple[bool, bool]] = {}
        for ps in by_article.values():
            for i, p in enumerate(ps):
                for q in ps[i + 1:]:
                    if self.times_meet(p, q):
                        self.also_counted[p][self.claims[q].subject].append(self.claims[q].low)
                        self.also_counted[q][self.claims[p].subject].append(self.claims[p].low)

    def compatible(self, a: int, b: int) -> tuple[bool, bool]:
        """``subjects_compatible`` of two positions, found once per pair of subject signatures."""
        key = (self._subject_sig[a], self._subject_sig[b])
        found = self._compatible.get(key)
        if found is None:
            found = self._compatible[key] = subjects_compatible(self.claims[a], self.claims[b])
        return found

    def attach_vectors(self) -> None:
        """Gather the block's sentence and context vectors whole, for ``distance``: the sentence
        vectors a row per claim; the context vectors a row per article (its lede, shared by its
        claims) and per claim about an older event (its own sentence's), ``av_at`` giving each
        claim's row. The same values as a row per claim, in a fraction of the memory."""
        self.sv = self.sentence_rows[:]
        aids: dict[str, int] = {}  # article id -> its lede's row
        own: list[int] = []  # the claims about an older event, whose rows follow the ledes
        for p, c in enumerate(self.claims):
            if self.older[p]:
                own.append(p)
            else:
                aids.setdefault(c.article_id, len(aids))
        parts = [self._ledes(list(aids))] if aids else []
        parts += [self.sv[own]] if own else []
        self.av = np.concatenate(parts) if parts else self.sv[:0]  # promoted as stacking a row each was
        at_own = {p: len(aids) + k for k, p in enumerate(own)}
        self.av_at = [at_own[p] if self.older[p] else aids[c.article_id] for p, c in enumerate(self.claims)]

    def times_meet(self, a: int, b: int) -> bool:
        """True when the two claims' event windows, widened for a's kind (``_widen``), meet."""
        running = self.claims[a].kind in RUNNING_KINDS
        wa, wb = self._wide[a][running], self._wide[b][running]
        return wa is None or wb is None or (wa[0] <= wb[1] and wb[0] <= wa[1])

    def news_meet(self, a: int, b: int) -> bool:
        """True when the two claims' news windows (the days before publication) meet."""
        wa, wb = self._news_wide[a], self._news_wide[b]
        return wa is None or wb is None or (wa[0] <= wb[1] and wb[0] <= wa[1])

    def same_event(self, a: int, b: int, asim: float, ssim: float) -> bool:
        cfg = self.config
        if asim >= cfg.event_similarity:
            return True
        shared = len(self.names[a] & self.names[b])
        if ssim >= cfg.sentence_event_similarity and asim >= cfg.sentence_context_similarity and shared >= 1:
            return True  # a statement quoting the ministry's figure, its lede about the hospital's work
        if ssim >= cfg.named_sentence_similarity and shared > cfg.shared_names:
            return True  # one lede on the diplomatic row, another on the troops: the sentences and names agree
        return asim >= cfg.min_context_similarity and shared >= cfg.shared_names

    def one_toll_each(self, a: int, b: int) -> bool:
        """True when "people" meets a population subject and neither article counts the other's subject.

        "At least 40 civilians have died in the fighting" and, months later, "a war that left more
        than 100 dead" are one toll under two scopes. An article that counts both ("23 people,
        15 of them civilians") tells them apart, and so do roles ("two officers") at any time.
        """
        ca, cb = self.claims[a], self.claims[b]
        sa, sb = ca.subject, cb.subject
        population = {sa, sb} & POPULATION_SUBJECTS and {sa, sb} & GENERIC_SUBJECTS
        # "security forces" and the police officers among them, each the one count of its article
        force = ca.subject_group == cb.subject_group and (_is_whole(ca) != _is_whole(cb))
        if not (population or force):
            return False
        return not (self._told_apart(a, sb) or self._told_apart(b, sa))

    def _told_apart(self, p: int, other: str) -> bool:
        """True when p's own article also counts the other subject as a part and whole could be:
        "23 people, 15 of them civilians". A population counted as more than the article's generic
        figure is no part of it ("934 pilgrims were injured ... 887 others"): two sources of one toll."""
        c, values = self.claims[p], self.also_counted[p].get(other, [])
        if c.subject in GENERIC_SUBJECTS or _is_whole(c):
            return any(v <= c.low for v in values)   # the population's count may be part of this one
        return any(v >= c.low for v in values)       # the generic count may hold this population

    def bare_heading(self, a: int, b: int) -> bool:
        """True when one is a headline's bare count that its own article does not count again under
        the headline's subject: "3,000 evacuated" over a body of residents may be the residents;
        "toll reaches 23" over "23 people died ... nine workers died" is the people's toll."""
        for h in (a, b):
            c = self.claims[h]
            if c.role == "heading" and not self.also_counted[h].get(c.subject):
                return True
        return False

    def names_needed(self, a: int, b: int) -> int:
        """Distinctive names two articles must share to tell of one event without comparable wording:
        one when both claims are dated within a news window (one place's event of one week), none for
        the same objects counted in that week in contexts sharing any name, else ``shared_names``."""
        wa, wb = self.windows[a], self.windows[b]
        if wa is None or wb is None:
            return self.config.shared_names
        tight = max((wa[1] - wa[0]).days, (wb[1] - wb[0]).days) <= self.config.window_days
        if not tight:
            return self.config.shared_names
        ca, cb = self.claims[a], self.claims[b]
        # "four grenades" and "dos granadas" of one week need no shared name: the thing counted is one
        specific = ca.subject == cb.subject and ca.subject not in GENERIC_SUBJECTS | {"unspecified"}
        # ... so long as their contexts share some name at all (the country, its president): two
        # grenade attacks of one week in two countries share none
        related = bool(self.names[a] & self.names[b])
        return 0 if specific and related and ca.kind in kinds.OBJECT_KINDS else 1

    def structural_distance(self, a: int, b: int) -> float:
        """A pair not both in English: one event when their articles share distinctive names and
        their times meet; no similarity of wording is asked for, so no crossing of subject scope,
        no zero against a count, and measures only of one order of size."""
        ca, cb = self.claims[a], self.claims[b]
        one_article = ca.article_id == cb.article_id  # a headline and its body restating one figure
        if ca.kind == "date" or not self.times_meet(a, b):
            return _FAR
        if not one_article and len(self.distinctive[a] & self.distinctive[b]) < self.names_needed(a, b):
            return _FAR
        if (ca.qualifier == "zero") != (cb.qualifier == "zero"):
            return _FAR
        if ca.kind in MEASURE_KINDS and not _same_order(ca, cb):
            return _FAR
        ok, crosses_scope = self.compatible(a, b)
        if not ok or (crosses_scope and not self.one_toll_each(a, b) and not _same_count(ca, cb)
                      and not (ca.scope and cb.scope)):
            return _FAR
        return CROSS_LANGUAGE_DISTANCE

    def distance(self, a: int, b: int) -> float:
        cfg = self.config
        ca, cb = self.claims[a], self.claims[b]
        if (ca.role == "could have") != (cb.role == "could have"):
            return _FAR  # what could have happened meets only its like, never a toll
        if ca.role == cb.role == "list" and ca.article_id != cb.article_id:
            # two outlets' breakdowns, each a tally of its day, meet through their totals and the
            # parts told in prose, not line by line (one flag per country of a table is noise)
            return _FAR
        if not (self.english[a] and self.english[b]):
            if ca.article_id == cb.article_id and ((ca.low, ca.high) != (cb.low, cb.high)
                                                   or ca.sentence_start == cb.sentence_start) \
                    and not _two_sources(ca, cb) and (a, b) not in self.summed:
                return _FAR  # without wording to compare, two figures of one article are two facts,
                # unless one is a subheading and the other the count right below it that it sums up
            return self.structural_distance(a, b)
        if ca.article_id == cb.article_id and ca.sentence_start == cb.sentence_start and (
                ca.kind == "date" or not (ca.claimant and cb.claimant and ca.claimant != cb.claimant)):
            # two figures of one sentence are two facts ("rose from 12 to 17"), unless the sentence
            # sets two sources against each other ("police said 15,000, organisers 100,000")
            return _FAR
        ok, crosses_scope = self.compatible(a, b)
        if not ok:
            return _FAR
        # rounded: an embedding computed in another batch differs in the 7th decimal
        ssim = round(float(self.sv[a] @ self.sv[b]), 4)
        asim = round(float(self.av[self.av_at[a]] @ self.av[self.av_at[b]]), 4)
        if not self.same_event(a, b, asim, ssim):
            return _FAR
        if ca.kind == "date":
            # two reports that each date their own news are about different events unless
            # their news windows meet; a date recalled from the past may meet either
            if not (self.older[a] or self.older[b]) and not self.news_meet(a, b):
                return _FAR
            # in one news cycle, a date recalled from before it and a date of its news are two events
            if self.older[a] != self.older[b] and self.news_meet(a, b):
                return _FAR
            # ledes alike: the sentences need only be near; one event by shared names alone
            # (a weekly's analysis vs a local daily's lede): the sentences must say it alike
            need = cfg.date_min_similarity if asim >= cfg.event_similarity else cfg.date_named_similarity
            if ssim < need:
                return _FAR
        elif not self.times_meet(a, b):
            return _FAR
        if ca.kind in MEASURE_KINDS and ssim < (cfg.near_measure_similarity if _near(ca, cb)
                                                else cfg.measure_min_similarity):
            return _FAR
        if (ca.qualifier == "zero") != (cb.qualifier == "zero") and ssim < cfg.scope_min_similarity:
            return _FAR  # "no one was killed in the attack" is rarely the toll another article counts
        if (crosses_scope and ssim < cfg.scope_min_similarity and not self.bare_heading(a, b)
                and not (ca.scope and cb.scope)  # "Iran: 465" and "465 Iranian pilgrims": one part, named
                and not self.one_toll_each(a, b) and not _same_count(ca, cb)):
            return _FAR  # a headline's bare "3,000 evacuated" names no group: it may be the residents
        return 0.3 * (1.0 - max(ssim, 0.0)) + 0.1 * (1.0 - max(asim, 0.0))


# Where wording cannot be compared, two allowed claims sit this far apart: below the threshold.
CROSS_LANGUAGE_DISTANCE = 0.35
# Two measures of one thing told by two outlets are within this factor of each other.
MEASURE_ORDER = 3.0


def _two_sources(a: Claim, b: Claim) -> bool:
    """Two figures of one article that it sets against each other: each given by its own source
    ("338, said the NGO"; "about 233, said the prosecutor")."""
    return bool(a.claimant and b.claimant and _unaccent(a.claimant).lower() != _unaccent(b.claimant).lower())


def _near(a: Claim, b: Claim) -> bool:
    """Two figures within a quarter of each other: "about four hours" and "four and a half hours"."""
    x, y = a.low or (a.high or 0), b.low or (b.high or 0)
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= 1.25


def _same_order(a: Claim, b: Claim) -> bool:
    """ "casi seis horas" and "a nine-hour siege" may measure one thing; "five months" does not."""
    x, y = a.low or (a.high or 0), b.low or (b.high or 0)
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= MEASURE_ORDER


def _same_count(a: Claim, b: Claim) -> bool:
    """One exact count of two or more, stated by both: "arrested five people" and "five members of
    the group were captured" of one event and time are one count under two names."""
    return (not a.vague and not b.vague and a.high is not None and b.high is not None
            and a.low == a.high == b.low == b.high >= 2 and not a.alternatives and not b.alternatives)


def _split(pos: list[int], pairs: _Pairs, cap: int) -> list[list[int]]:
    """Cut a component too large for a full distance matrix into parts of at most ``cap``.

    Claims are ordered by subject, event window and article, so that what may be one fact
    stays together; only a fact larger than ``cap`` claims, or one that straddles a cut,
    is split. This bounds the pairwise work at ``cap`` squared per part.
    """
    def key(p: int):
        c, w = pairs.claims[p], pairs.windows[p]
        return (c.subject, w[1] if w else date.min, c.article_id, c.start)

    ordered = sorted(pos, key=key)
    return [ordered[i:i + cap] for i in range(0, len(ordered), cap)]


# At most this many other articles are proposed for one non-English article, the ones sharing most names.
MAX_STRUCTURAL_ARTICLES = 12


def _structural_candidates(pairs: "_Pairs", among: set[int] | None = None, *, both: bool = False,
                           close: tuple[dict, dict] | None = None) -> set[tuple[int, int]]:
    """Pairs that the sentence model cannot propose: a non-English claim and the claims of articles
    that share a distinctive name with its own (``close_articles``). The distance decides how many
    names a pair needs (``_Pairs.names_needed``). ``pairs`` needs only ``claims``, ``distinctive``,
    ``english`` and ``windows``. With ``among``, only the pairs with one position in it are found
    (with ``both``, both): which articles are close is still decided over all. ``close``:
    ``close_articles(pairs)``, when it was found already."""
    by_article, near = close or close_articles(pairs)
    keep = _keep(among, both)
    touched = None if among is None else {pairs.claims[p].article_id for p in among}
    out: set[tuple[int, int]] = set()
    for aid, others in near.items():
        for other in others:
            if touched is not None and not ((aid in touched and other in touched) if both
                                            else (aid in touched or other in touched)):
                continue
            out.update((min(p, q), max(p, q)) for p in by_article[aid] for q in by_article[other]
                       if p != q and keep(min(p, q), max(p, q)))
    out.update(_same_objects(pairs, keep))
    return out


def close_articles(pairs: "_Pairs") -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """The block's positions by article, and for each article with a non-English claim the articles
    that share most of its distinctive names (itself among them when it has any; at most
    MAX_STRUCTURAL_ARTICLES + 1; of as many shared names, the first by id), counted as a sparse
    product of articles by names, CLOSE_ROWS articles at a time."""
    by_article: dict[str, list[int]] = defaultdict(list)
    names_of: dict[str, frozenset[str]] = {}
    for p, c in enumerate(pairs.claims):
        by_article[c.article_id].append(p)
        names_of[c.article_id] = pairs.distinctive[p]
    aids = sorted(by_article)
    column = {name: k for k, name in enumerate(sorted(set().union(*names_of.values())))}
    rows = [k for k, aid in enumerate(aids) for _ in names_of[aid]]
    cols = [column[name] for aid in aids for name in names_of[aid]]
    has = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(aids), len(column)))
    asked = [k for k, aid in enumerate(aids) if not all(pairs.english[p] for p in by_article[aid])]
    near: dict[str, list[str]] = {}
    for at in range(0, len(asked), CLOSE_ROWS):
        part = asked[at:at + CLOSE_ROWS]
        shared = (has[part] @ has.T).tocsr()
        for r, k in enumerate(part):
            lo, hi = shared.indptr[r], shared.indptr[r + 1]
            others, counts = shared.indices[lo:hi], shared.data[lo:hi]
            best = np.lexsort((others, -counts))[:MAX_STRUCTURAL_ARTICLES + 1]
            near[aids[k]] = [aids[j] for j in others[best]]
    return by_article, near


# Articles whose shared names ``close_articles`` counts at once.
CLOSE_ROWS = 512


def _keep(among: set[int] | None, both: bool):
    """Which pairs ``_structural_candidates`` keeps: all, those with one position in ``among``, or
    (``both``) those with both."""
    if among is None:
        return lambda a, b: True
    if both:
        return lambda a, b: a in among and b in among
    return lambda a, b: a in among or b in among


def _same_objects(pairs: "_Pairs", keep=lambda a, b: True) -> set[tuple[int, int]]:
    """Pairs of a non-English claim and another article's claim counting the same objects ("dos
    granadas", "four grenades"), which need no shared name (``_Pairs.names_needed``)."""
    by_subject: dict[str, list[int]] = defaultdict(list)
    for p, c in enumerate(pairs.claims):
        if c.kind in kinds.OBJECT_KINDS and pairs.windows[p] is not None:
            by_subject[c.subject].append(p)
    out: set[tuple[int, int]] = set()
    for ps in by_subject.values():
        ps.sort(key=lambda p: (pairs.windows[p][0], p))  # a sweep: only windows that meet are paired
        for i, p in enumerate(ps):
            for q in ps[i + 1:]:
                if pairs.windows[q][0] > pairs.windows[p][1] + timedelta(days=COARSE_SLACK_DAYS):
                    break
                if not (pairs.english[p] and pairs.english[q]) and \
                        pairs.claims[p].article_id != pairs.claims[q].article_id and keep(min(p, q), max(p, q)):
                    out.add((min(p, q), max(p, q)))
    return out


def _joint(sv, av, w: float, rows: int = 4096) -> np.ndarray:
    """``[sqrt(w) * sv, sqrt(1 - w) * av]`` side by side as float32, filled a slice of rows at a time:
    the same values as scaling and stacking whole, without the whole-block float64 copies (four
    times the result's size at once in the largest block). ``sv`` and ``av``: matrices, or
    ``_Rows`` that gather each slice when it is asked for, so neither is ever whole."""
    n = len(sv)
    a, b = np.sqrt(w), np.sqrt(1 - w)
    out = np.empty((0, 0), dtype=np.float32)
    for i in range(0, n, rows):
        s, v = sv[i:i + rows], av[i:i + rows]
        if i == 0:
            out = np.empty((n, s.shape[1] + v.shape[1]), dtype=np.float32)
        out[i:i + rows, :s.shape[1]] = a * s
        out[i:i + rows, s.shape[1]:] = b * v
    return out


class _Rows:
    """A block's rows of one kind of vector, gathered from the run's vectors when sliced:
    ``rows[i:j]`` is the matrix of rows i to j."""

    def __init__(self, n: int, gather) -> None:
        self.n, self.gather = n, gather

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, rows: slice) -> np.ndarray:
        return self.gather(range(self.n)[rows])


# Rows whose nearest neighbours are picked at once, in one slice of the distance matrix.
SELECT_ROWS = 64


def nearest(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` nearest rows by cosine distance, nearest first: (distances, indices).

    The same arrays as scikit-learn's brute-force ``NearestNeighbors(metric="cosine").kneighbors``
    (the same normalisation, product, clipping, slices of its ``working_memory`` and selection),
    without its copies: it normalises the whole matrix again for every slice of rows (74 MB per
    slice in a block of 24,000 claims), and it picks from a whole slice at once, with an index array
    twice the slice's size. ``vectors`` is normalised in place.
    """
    n = len(vectors)
    unit = normalize(vectors, copy=False)
    dists, nbrs = [], []
    per_slice = max(1, min(n, int(get_config()["working_memory"] * 2**20 // (8 * n))))
    for rows in gen_batches(n, per_slice):
        d = _cosine_distances(unit, rows)
        if rows.start == 0 and rows.stop == n:  # scikit-learn zeroes the diagonal when one slice is all
            np.fill_diagonal(d, 0.0)
        for part in gen_batches(len(d), SELECT_ROWS):  # each row's choice is its own: fewer rows at once
            dist, pick = _k_smallest(d[part], k)
            dists.append(dist)
            nbrs.append(pick)
        del d
    return np.vstack(dists), np.vstack(nbrs)


def nearest_to(vectors: np.ndarray, rows: list[int], k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` nearest rows of ``vectors`` (itself included) to each of ``rows``, by cosine
    distance, nearest first: (distances, indices), one row per entry of ``rows``. ``vectors`` is
    normalised in place."""
    unit = normalize(vectors, copy=False)
    dists, nbrs = [np.zeros((0, k))], [np.zeros((0, k), dtype=np.int64)]
    for part in gen_batches(len(rows), SELECT_ROWS):
        dist, pick = _k_smallest(_cosine_distances(unit, rows[part]), k)
        dists.append(dist)
        nbrs.append(pick)
    return np.vstack(dists), np.vstack(nbrs)


def nearest_in(queries: np.ndarray, slices, k: int, *, budget_mb: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` nearest of many rows, read a slice at a time, to each of a few: (distances,
    positions), nearest first, equal distances by position, one row per query.

    ``queries``: unit rows. ``slices``: an iterable of (positions, unit rows) that together are
    every row searched; a query's own row is among them when it is in the search. The distances are
    ``_cosine_distances``'; only ``k`` per query and one slice's distances (cut to ``budget_mb``)
    are held at once, so the memory does not grow with the rows searched."""
    queries = np.asarray(queries, np.float32)  # a distance's float32 bits order it, below
    m = len(queries)
    best = np.zeros((m, 0), np.int64)
    step = max(16, int(budget_mb * 2**20 // (40 * max(m, 1))))  # some 40 bytes per distance, below
    for positions, unit in slices:
        unit = np.asarray(unit, np.float32)
        for at in range(0, len(unit), step):
            d = queries @ unit[at:at + step].T
            d *= -1
            d += 1
            np.clip(d, 0.0, 2.0, out=d)
            d += 0.0  # no -0.0: below, a distance's bits are its order
            # one int64 per pair orders by distance, then position: a float32 >= 0 orders as its bits
            keys = d.view(np.int32).astype(np.int64)
            del d
            keys <<= 32
            keys |= np.asarray(positions[at:at + step], np.int64)
            keys = np.hstack([best, keys])
            best = np.partition(keys, k - 1, axis=1)[:, :k] if keys.shape[1] > k else keys
    best.sort(axis=1)
    dist = (best >> 32).astype(np.int32).view(np.float32)
    return dist, best & 0xFFFFFFFF


def _cosine_distances(unit: np.ndarray, rows) -> np.ndarray:
    """Cosine distances from the unit rows ``unit[rows]`` to every row of ``unit``, clipped to [0, 2]
    as scikit-learn clips them."""
    d = unit[rows] @ unit.T  # cosine similarity
    d *= -1
    d += 1
    np.clip(d, 0.0, 2.0, out=d)
    return d


def _k_smallest(d: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` smallest entries, smallest first, as scikit-learn's neighbour search picks
    them: (values, column indices)."""
    at = np.arange(len(d))[:, None]
    pick = np.argpartition(d, k - 1, axis=1)[:, :k]
    pick = pick[at, np.argsort(d[at, pick])]
    return d[at, pick], pick


def _cluster_block(idx: list[int], claims: list[Claim], sentence_vecs: np.ndarray,
                   article_vecs: dict[str, np.ndarray], articles: dict[str, Article],
                   config: ClusterConfig, distinctive=None, context=None) -> list[list[int]]:
    pairs = _Pairs(idx, claims, sentence_vecs, article_vecs, articles, config, distinctive, context)
    n = len(idx)
    w = config.sentence_weight
    # Blended cosine similarity is the dot product of these concatenated unit vectors. The
    # neighbour search runs before the block's sentence and context vectors are gathered whole.
    dist, nbr = nearest(_joint(pairs.sentence_rows, pairs.context_rows, w), min(n, config.neighbours + 1))
    pairs.attach_vectors()
    edges = []
    for a in range(n):
        for d, b in zip(dist[a], nbr[a]):
            b = int(b)
            if b <= a or round(float(d), 4) > config.candidate_distance:
                continue
            if pairs.distance(a, b) <= config.threshold:
                edges.append((a, b))
    for a, b in sorted(_structural_candidates(pairs)):
        if pairs.distance(a, b) <= config.threshold:
            edges.append((a, b))
    return [[idx[p] for p in g] for g in settle(range(n), edges, pairs, config)]


def settle(among, edges: list[tuple[int, int]], pairs: _Pairs, config: ClusterConfig) -> list[list[int]]:
    """Groups of the block positions ``among``: the components that the allowed candidate ``edges``
    (pairs of positions within the threshold) join, each cut by complete linkage so that no group
    holds a pair further apart than the threshold (components larger than ``max_component`` are
    first cut by ``_split``)."""
    among = list(among)
    at = {p: k for k, p in enumerate(among)}
    rows = [at[a] for a, b in edges]
    cols = [at[b] for a, b in edges]
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(among), len(among)))
    _, comp = connected_components(graph, directed=False)
    members: dict[int, list[int]] = defaultdict(list)
    for k, c in enumerate(comp):
        members[int(c)].append(among[k])
    parts: list[list[int]] = []
    for comp_id in sorted(members):
        pos = members[comp_id]
        if len(pos) > config.max_component:
            parts.extend(_split(pos, pairs, config.max_component))
        else:
            parts.append(pos)
    out: list[list[int]] = []
    for pos in parts:
        if len(pos) == 1:
            out.append(pos)
            continue
        m = len(pos)
        mat = np.zeros((m, m))
        for i in range(m):
            for j in range(i + 1, m):
                mat[i, j] = mat[j, i] = pairs.distance(pos[i], pos[j])
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="complete",
                                        distance_threshold=config.threshold)
        labels = model.fit_predict(mat)
        grouped: dict[int, list[int]] = defaultdict(list)
        for p, label in zip(pos, labels):
            grouped[int(label)].append(p)
        out.extend(grouped.values())
    return out
