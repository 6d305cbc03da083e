"""Tests for factcheck.lang.es_dates: a golden table of Spanish news sentences.

Each case is a sentence, its publication date and the expected matches as
(surface, low, high, relative). Sentences are written for these tests in the
style of Latin-American wire copy; names and places are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.dates import DateMatch
from factcheck.lang.es_dates import find_dates

WED = date(2017, 6, 28)   # Wednesday
TUE = date(2017, 6, 27)   # Tuesday
MON = date(2018, 1, 15)   # Monday
OCT = date(2017, 10, 3)   # Tuesday, after Sunday 1 October 2017


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def day(iso: str, relative: bool = True) -> tuple[date, date, bool]:
    return d(iso), d(iso), relative


def span(low: str, high: str, relative: bool = True) -> tuple[date, date, bool]:
    return d(low), d(high), relative


# (id, sentence, published, [(surface, (low, high, relative)), ...])
GOLDEN = [
    ("el-martes", "El ataque ocurrió el martes en la noche.", WED, [("martes", day("2017-06-27"))]),
    ("el-martes-same-day", "El martes la policía detuvo a dos jóvenes.", TUE, [("martes", day("2017-06-27"))]),
    ("pasado-lunes", "El pasado lunes se registraron cinco muertos.", WED,
     [("pasado lunes", day("2017-06-26"))]),
    ("pasado-lunes-on-monday", "El pasado lunes hubo saqueos en Los Olivos.", MON,
     [("pasado lunes", day("2018-01-08"))]),
    ("lunes-pasado", "El lunes pasado marcharon miles.", WED, [("lunes pasado", day("2017-06-26"))]),
    ("este-martes", "Este martes la policía detuvo a tres personas.", WED,
     [("Este martes", day("2017-06-27"))]),
    ("este-martes-same-day", "Este martes la policía detuvo a tres personas.", TUE,
     [("Este martes", day("2017-06-27"))]),
    ("este-viernes-ahead", "Este viernes se instalará la mesa de diálogo.", WED,
     [("Este viernes", day("2017-06-30"))]),
    ("future-weekday", "El viernes se reunirá la Asamblea en San Telmo.", WED,
     [("viernes", day("2017-06-30"))]),
    ("proximo", "El próximo lunes abrirán las escuelas.", WED, [("próximo lunes", day("2017-07-03"))]),
    ("dm", "El 27 de junio murieron tres personas.", WED, [("27 de junio", day("2017-06-27"))]),
    ("dmy", "Los hechos ocurrieron el 27 de junio de 2017.", None,
     [("27 de junio de 2017", day("2017-06-27", False))]),
    ("wd-dm", "El martes 27 de junio hubo protestas en Valle Hondo.", WED,
     [("martes 27 de junio", day("2017-06-27"))]),
    ("wd-dm-weekday-picks-year", "El domingo 1 de octubre se votó en Santa Inés.", OCT,
     [("domingo 1 de octubre", day("2017-10-01"))]),
    ("dm-ordinal", "El 1° de mayo hubo marchas.", WED, [("1° de mayo", day("2017-05-01"))]),
    ("dm-range", "Del 20 al 22 de junio no hubo clases.", WED, [("20 al 22 de junio", span("2017-06-20", "2017-06-22"))]),
    ("en-my", "En julio de 2017 se convocó la constituyente.", None,
     [("julio de 2017", span("2017-07-01", "2017-07-31", False))]),
    ("my", "Los datos de julio de 2017 muestran la caída.", None,
     [("julio de 2017", span("2017-07-01", "2017-07-31", False))]),
    ("en-year", "La crisis empezó en 2017.", None, [("2017", span("2017-01-01", "2017-12-31", False))]),
    ("desde-year", "Desde 2015 emigraron miles.", None, [("2015", span("2015-01-01", "2015-12-31", False))]),
    ("year-range", "Entre 2015 y 2017 cerraron 300 fábricas.", None,
     [("2015 y 2017", span("2015-01-01", "2017-12-31", False))]),
    ("hace-meses", "Hace seis meses comenzaron las protestas.", WED,
     [("Hace seis meses", span("2016-12-01", "2016-12-31"))]),
    ("hace-dias", "Llegó hace 6 días a la capital.", WED, [("hace 6 días", day("2017-06-22"))]),
    ("hace-un-ano", "Hace un año fue el terremoto.", WED, [("Hace un año", span("2016-01-01", "2016-12-31"))]),
    ("ayer", "Ayer se reportaron cuatro heridos.", WED, [("Ayer", day("2017-06-27"))]),
    ("anteayer", "Anteayer hubo un apagón en Río Claro.", WED, [("Anteayer", day("2017-06-26"))]),
    ("hoy", "Hoy marcharon los estudiantes.", WED, [("Hoy", day("2017-06-28"))]),
    ("anoche", "Anoche hubo disparos.", WED, [("Anoche", span("2017-06-27", "2017-06-28"))]),
    ("semana-pasada", "La semana pasada hubo saqueos.", WED,
     [("La semana pasada", span("2017-06-19", "2017-06-25"))]),
    ("mes-pasado", "El mes pasado subió la gasolina.", WED,
     [("El mes pasado", span("2017-05-01", "2017-05-31"))]),
    ("este-ano", "Este año murieron 40 personas en la vía.", WED,
     [("Este año", span("2017-01-01", "2017-12-31"))]),
    ("slash", "El informe del 27/06/2017 fue publicado.", None, [("27/06/2017", day("2017-06-27", False))]),
    ("month-alone", "Desde marzo hay racionamiento.", WED, [("marzo", span("2017-03-01", "2017-03-31"))]),
]

# Sentences with no date at all (with a publication date).
NEGATIVE = [
    "Se registraron 2017 casos de dengue.",   # a count, not a year
    "La Plaza de Mayo estaba llena.",          # a name
    "El martillo cayó al piso.",               # no weekday inside other words
    "Hubo 30 heridos.",
]


@pytest.mark.parametrize(("case_id", "text", "published", "expected"), GOLDEN,
                         ids=[c[0] for c in GOLDEN])
def test_golden(case_id, text, published, expected) -> None:
    found = find_dates(text, published=published)
    got = [(m.surface, (m.low, m.high, m.relative)) for m in found]
    assert got == expected
    for m in found:
        assert isinstance(m, DateMatch)
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_date(text: str) -> None:
    assert find_dates(text, published=WED) == []


def test_relative_needs_publication() -> None:
    assert find_dates("Ayer, el martes 27 de junio, hubo protestas.", published=None) == []


@pytest.mark.parametrize("text", ["", "hace", "el 31 de febrero de 2017", "hace 999 años",
                                  "el 0 de junio", "en 9999", "martes martes martes"])
def test_never_raises(text: str) -> None:
    for published in (None, WED, date(1, 1, 1), date(9999, 12, 31)):
        for m in find_dates(text, published=published):
            assert text[m.start:m.end] == m.surface
