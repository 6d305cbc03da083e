"""Tests for factcheck.lang.es_numbers: a golden table of Spanish news sentences.

Each row lists every figure the reader should find in a sentence, as
(surface, low, high, qualifier, unit, role); offsets are checked against the
sentence. Sentences are written for these tests in the style of Venezuelan and
Latin-American wire copy; names and places are invented.
"""

from __future__ import annotations

import pytest

from factcheck.lang.es_numbers import find_figures, parse_figure
from factcheck.numbers import POLICIES, FigureMatch
from factcheck.numbers import find_figures as find_figures_en

INF = None
KM, HOUR, DAY, MONTH, YEAR = 1000.0, 3600.0, 86_400.0, 2_592_000.0, 31_536_000.0


def F(surface, low, high, qualifier="exact", unit=None, role="count"):  # noqa: N802
    return (surface, low, high, qualifier, unit, role)


GOLDEN: list[tuple[str, list[tuple]]] = [
    # --- digits: Spanish grouping and decimal comma
    ("El ataque dejó 12 muertos en Puerto Alegre.", [F("12", 12, 12)]),
    ("Unas 700.000 personas emigraron de Valle Hondo.", [F("Unas 700.000", 630_000, 770_000, "about")]),
    ("La gobernación desalojó a 3.000 familias.", [F("3.000", 3000, 3000)]),
    ("La alcaldía censó 1.272 viviendas dañadas.", [F("1.272", 1272, 1272)]),
    ("El registro suma 1.234.567 electores.", [F("1.234.567", 1_234_567, 1_234_567)]),
    ("La inflación mensual fue de 10,5 %.", [F("10,5 %", 10.5, 10.5, unit="%", role="percent")]),
    ("El fondo recibió 2,5 millones de dólares.",
     [F("2,5 millones de dólares", 2_500_000, 2_500_000, unit="USD", role="money")]),
    ("La deuda es de 1,272 millones de euros.",
     [F("1,272 millones de euros", 1_272_000, 1_272_000, unit="EUR", role="money")]),
    ("Las pérdidas superan los 2.000 millones de bolívares.",  # "superan los": more than
     [F("superan los 2.000 millones de bolívares", 2e9, INF, "more than", unit="VES", role="money")]),
    ("Había 150 mil personas en la avenida.", [F("150 mil", 150_000, 150_000)]),
    ("Votaron 3 mil 500 personas en Santa Inés.", [F("3 mil 500", 3500, 3500)]),
    ("El presupuesto es de 2 mil millones.", [F("2 mil millones", 2e9, 2e9)]),
    ("La empresa invirtió $ 3,5 millones.",
     [F("$ 3,5 millones", 3_500_000, 3_500_000, unit="USD", role="money")]),
    ("Un kilo de carne cuesta Bs. 50.000.", [F("Bs. 50.000", 50_000, 50_000, unit="VES", role="money")]),
    # --- number words
    ("Veintiún soldados fueron capturados.", [F("Veintiún", 21, 21)]),
    ("Cuarenta y siete presos se fugaron del retén.", [F("Cuarenta y siete", 47, 47)]),
    ("Doscientas familias quedaron damnificadas.", [F("Doscientas", 200, 200)]),
    ("Una docena de heridos fue trasladada.", [F("Una docena", 12, 12)]),
    ("Medio centenar de motorizados rodearon la sede.", [F("Medio centenar", 50, 50)]),
    ("Un centenar de efectivos custodian la zona.", [F("Un centenar", 100, 100)]),
    ("Un millar de vecinos se concentró en la plaza.", [F("Un millar", 1000, 1000)]),
    ("La población llegó a dos millones y medio.", [F("dos millones y medio", 2_500_000, 2_500_000)]),
    ("Casi un millón de personas votaron.", [F("Casi un millón", 900_000, 999_999, "nearly")]),
    ("Tres docenas de casas ardieron.", [F("Tres docenas", 36, 36)]),
    ("Solo un policía resultó herido.", [F("un", 1, 1)]),
    ("Uno de los heridos falleció en el hospital.", [F("Uno", 1, 1)]),
    # --- qualifiers
    ("Al menos 59 personas murieron.", [F("Al menos 59", 59, INF, "at least")]),
    ("Por lo menos 15 detenidos, según el Foro Cívico.", [F("Por lo menos 15", 15, INF, "at least")]),
    ("Como mínimo 8 funcionarios resultaron heridos.", [F("Como mínimo 8", 8, INF, "at least")]),
    ("No menos de 40 presos se fugaron.", [F("No menos de 40", 40, INF, "at least")]),
    ("Más de 200 manifestantes fueron detenidos.", [F("Más de 200", 201, INF, "more than")]),
    ("Menos de 100 personas asistieron.", [F("Menos de 100", 0, 99, "fewer than")]),
    ("Cerca de 2.000 efectivos fueron desplegados.", [F("Cerca de 2.000", 1800, 1999, "nearly")]),
    ("Casi 40 viviendas se inundaron.", [F("Casi 40", 36, 39, "nearly")]),
    ("Unos 300 motorizados bloquearon la vía.", [F("Unos 300", 270, 330, "about")]),
    ("Alrededor de 5.000 vecinos quedaron sin luz.", [F("Alrededor de 5.000", 4500, 5500, "about")]),
    ("Aproximadamente 40 viviendas resultaron afectadas.", [F("Aproximadamente 40", 36, 44, "about")]),
    ("En torno a 300 trabajadores protestaron.", [F("En torno a 300", 270, 330, "about")]),
    ("Hasta 15 personas pueden entrar.", [F("Hasta 15", 0, 15, "up to")]),
    ("No más de 20 personas pueden entrar.", [F("No más de 20", 0, 20, "up to")]),
    ("Hubo 50 o más heridos.", [F("50 o más", 50, INF, "at least")]),
    # --- ranges and alternatives
    ("Entre 30 y 40 heridos llegaron al hospital.", [F("Entre 30 y 40", 30, 40, "range")]),
    ("De 10 a 15 efectivos custodiaban la zona.", [F("De 10 a 15", 10, 15, "range")]),
    ("Se reportaron 30-40 lesionados.", [F("30-40", 30, 40, "range")]),
    ("Murieron 50 o 59 personas, según la fuente.", [F("50 o 59", 50, 59, "or")]),
    ("Costará entre 2 y 3 millones de dólares.",
     [F("entre 2 y 3 millones de dólares", 2e6, 3e6, "range", "USD", "money")]),
    # --- zeros
    ("No hubo heridos en el incendio.", [F("No hubo", 0, 0, role="zero")]),
    ("Ningún fallecido se reportó tras el sismo.", [F("Ningún", 0, 0, role="zero")]),
    ("Ninguna víctima fue identificada.", [F("Ninguna", 0, 0, role="zero")]),
    ("El choque ocurrió sin víctimas.", [F("sin", 0, 0, role="zero")]),
    ("Nadie resultó herido en el tiroteo.", [F("Nadie", 0, 0, role="zero")]),
    ("No se registraron fallecidos en Los Robles.", [F("No se registraron", 0, 0, role="zero")]),
    ("Cero muertos dejó el accidente.", [F("Cero", 0, 0, role="zero")]),
    # --- vague quantities (conservative policy)
    ("Decenas de personas fueron evacuadas.", [F("Decenas", 12, 99, "vague")]),
    ("Cientos de manifestantes se concentraron.", [F("Cientos", 100, 999, "vague")]),
    ("Centenares de presos protestaron.", [F("Centenares", 100, 999, "vague")]),
    ("Miles de venezolanos cruzaron la frontera.", [F("Miles", 1000, 9999, "vague")]),
    ("Decenas de miles de desplazados llegaron a Tres Ríos.",
     [F("Decenas de miles", 10_000, 99_999, "vague")]),
    ("Varios funcionarios resultaron heridos.", [F("Varios", 3, 9, "vague")]),
    ("Varias viviendas colapsaron.", [F("Varias", 3, 9, "vague")]),
    # --- roles: years, times, money, percentages, ages, measures
    ("El hecho ocurrió en 2017.", [F("2017", 2017, 2017, role="year")]),
    ("Ocurrió entre 2010 y 2015.", [F("entre 2010 y 2015", 2010, 2015, "range", role="year")]),
    ("Se registraron 2017 casos de dengue.", [F("2017", 2017, 2017)]),
    ("Los disturbios comenzaron a las 5:00 de la tarde.",
     [F("5:00", 5 * HOUR, 5 * HOUR, unit="s", role="time")]),
    ("La marcha salió a las 10 de la mañana.",
     [F("10 de la mañana", 10 * HOUR, 10 * HOUR, unit="s", role="time")]),
    ("Llegaron a las 3 de la tarde.", [F("3 de la tarde", 15 * HOUR, 15 * HOUR, unit="s", role="time")]),
    ("El ataque fue a las 22:30 horas.", [F("22:30 horas", 81_000, 81_000, unit="s", role="time")]),
    ("El cierre fue a las 15.00 horas.", [F("15.00 horas", 54_000, 54_000, unit="s", role="time")]),
    ("El parte llegó a las 9.30 de la mañana.", [F("9.30 de la mañana", 34_200, 34_200, unit="s", role="time")]),
    ("A las 3 de la madrugada llegaron las 10 personas.",
     [F("3 de la madrugada", 3 * HOUR, 3 * HOUR, unit="s", role="time"), F("10", 10, 10)]),
    ("Pagó 500 dólares por el pasaje.", [F("500 dólares", 500, 500, unit="USD", role="money")]),
    ("El salario mínimo es de 130 bolívares.", [F("130 bolívares", 130, 130, unit="VES", role="money")]),
    ("El 30 por ciento de los votos fue nulo.", [F("30 por ciento", 30, 30, unit="%", role="percent")]),
    ("El 45% votó en contra.", [F("45%", 45, 45, unit="%", role="percent")]),
    ("Un hombre de 37 años murió.", [F("37 años", 37, 37, role="age")]),
    ("La víctima tenía 19 años de edad.", [F("19 años", 19, 19, role="age")]),
    ("Juan Pérez, de 45 años, fue detenido.", [F("45 años", 45, 45, role="age")]),
    ("Los niños de entre 5 y 12 años fueron vacunados.",
     [F("entre 5 y 12 años", 5, 12, "range", role="age")]),
    ("Fue condenado a 20 años de prisión.",
     [F("20 años", 20 * YEAR, 20 * YEAR, unit="s", role="measure")]),
    ("El tramo de 80 kilómetros quedó cerrado.", [F("80 kilómetros", 80 * KM, 80 * KM, unit="m", role="measure")]),
    ("Caminaron 12 km hasta el pueblo.", [F("12 km", 12 * KM, 12 * KM, unit="m", role="measure")]),
    ("La huelga duró 3 días.", [F("3 días", 3 * DAY, 3 * DAY, unit="s", role="measure")]),
    ("El apagón duró tres horas y media.",
     [F("tres horas y media", 3.5 * HOUR, 3.5 * HOUR, unit="s", role="measure")]),
    ("Vivió seis meses en la selva.", [F("seis meses", 6 * MONTH, 6 * MONTH, unit="s", role="measure")]),
    ("El sismo de magnitud 7,2 sacudió la región.",
     [F("7,2", 7.2, 7.2, unit="magnitude", role="measure")]),
    # --- names and codes
    ("Según el Artículo 350 de la Constitución.", [F("Artículo 350", 350, 350, role="name")]),
    ("El Decreto 4.567 entró en vigor.", [F("Decreto 4.567", 4567, 4567, role="name")]),
    ("Incautaron un fusil AK-47 en la requisa.", [F("AK-47", 47, 47, role="name")]),
    ("En el vuelo 123 viajaban 150 pasajeros.",
     [F("vuelo 123", 123, 123, role="name"), F("150", 150, 150)]),
    # --- dates: the day is not a figure
    ("El 27 de junio murieron 3 personas.", [F("3", 3, 3)]),
    ("El martes 27 hubo 5 heridos.", [F("5", 5, 5)]),
    ("Hubo 2.500 detenidos en 2014.", [F("2.500", 2500, 2500), F("2014", 2014, 2014, role="year")]),
]

# Sentences with no figure at all.
NEGATIVE = [
    "No es cierto que hubiera muertos.",        # "no" before "es" is not a zero
    "No se sabe quién disparó.",                # "no" before a verb
    "En ningún momento hubo disparos.",         # "ningún momento" is an idiom
    "Un hombre fue detenido en Caracas.",       # "un" is an article
    "Una mujer denunció el robo.",              # "una" is an article
    "Cada uno recibió una bolsa.",              # "uno" as a pronoun
    "Uno a uno fueron liberados.",              # "uno a uno"
    "Es el tercer ataque este mes.",            # ordinal word
    "La primera víctima fue identificada.",     # ordinal word
    "Vive en el 5° piso del edificio.",         # ordinal digits
    "La 5ª edición del festival fue suspendida.",
    "Subieron al 4to piso.",
    "Para información llame al 0414-555.12.34 o al (0212) 555-1234.",  # phone numbers
    "El número es +58 412 555 1234.",
    "El servidor 192.168.1.2 dejó de responder.",  # a code, not a number
    "El informe del 27/06/2017 fue publicado.",     # a date
    "El domingo 1 de octubre se votó.",
]


def _check(text: str, expected: list[tuple]) -> None:
    found = find_figures(text)
    got = [(m.surface, m.figure.low, m.figure.high, m.figure.qualifier, m.figure.unit, m.role)
           for m in found]
    assert got == expected, f"{text!r}: {got}"
    for m in found:
        assert text[m.start:m.end] == m.surface
        assert m.start <= m.number_start < m.number_end <= m.end


@pytest.mark.parametrize(("text", "expected"), GOLDEN, ids=[t[:40] for t, _ in GOLDEN])
def test_golden(text: str, expected: list[tuple]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_figure(text: str) -> None:
    assert find_figures(text) == []


def test_returns_english_records() -> None:
    (m,) = find_figures("Al menos 59 personas murieron.")
    assert isinstance(m, FigureMatch)
    assert type(m) is type(find_figures_en("At least 59 people died.")[0])


def test_vague_policy_is_shared_with_english() -> None:
    crowd = POLICIES["crowd"]
    (es,) = find_figures("Cientos de personas marcharon.", policy=crowd)
    (en,) = find_figures_en("Hundreds of people marched.", policy=crowd)
    assert (es.figure.low, es.figure.high) == (en.figure.low, en.figure.high) == (200, 999)


def test_parse_figure() -> None:
    assert parse_figure("entre 30 y 40 heridos").high == 40
    assert parse_figure("sin cifras") is None


@pytest.mark.parametrize("text", ["", " ", "...", "1" * 400, "de de de", "$", "Bs.", "un un un",
                                  "mil mil mil millones y medio", "10,5,5.5.5", "°°°", "a las"])
def test_never_raises(text: str) -> None:
    for m in find_figures(text):
        assert text[m.start:m.end] == m.surface
