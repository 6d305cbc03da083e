"""Spanish numeric figures: the same record contract as :mod:`factcheck.numbers`.

``find_figures(text, policy=...)`` returns :class:`factcheck.numbers.FigureMatch`
records for Spanish news text, so extraction can call a language's reader behind
one seam. It reads digits with the Spanish conventions ("700.000" = 700000,
"2,5 millones", "10,5"), number words over spans it detects itself (handed to
``text2num(..., "es")``), vague quantities ("decenas", "miles") through the same
named :class:`~factcheck.numbers.VaguePolicy` as English, qualifiers mapped to
the English normalised names and applied by the English ``_qualify``, ranges,
alternatives, zeros ("no hubo heridos"), and the numbers that are not counts
(clock times, years, ages, names such as "Artículo 350", ordinals). Calendar
dates are left to :mod:`factcheck.lang.es_dates`. Nothing here raises on text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from text_to_num import text2num

from factcheck.numbers import (  # the English reader's records and internals, shared
    DEFAULT_POLICY,
    POLICIES,
    FigureMatch,
    VaguePolicy,
    _clean,
    _finite,
    _Num,
    _qualify,
    _Unit,
)
from factcheck.records import Figure

__all__ = ["find_figures", "parse_figure"]

# =========================================================================== word lists
# Every Spanish word the reader knows lives here, each with an example.

# Cardinal words text2num reads in Spanish (accents optional where shown), plus spellings
# it does not read, fixed before the call by _WORD_FIXES.
_CARDINALS = (
    "cero",                                   # "cero muertos"
    "uno", "un", "una",                       # "uno de los heridos", "un millón"
    "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",  # "tres heridos"
    "once", "doce", "trece", "catorce", "quince",                    # "once detenidos"
    "diec?is[eé]is", "diecisiete", "dieciocho", "diecinueve",        # "dieciséis muertos"
    "veinte", "veinti(?:uno|una|ún|un|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)",
    #                                                                # "veintiún soldados"
    "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa",
    #                                                                # "cuarenta y siete"
    "cien", "(?<!por\\s)ciento",                                     # "cien", "ciento tres"; not "por ciento"
    "(?:dos|tres|cuatro|quinien|seis|sete|ocho|nove)cient[oa]s",     # "doscientas viviendas"
    "quinient[oa]s",                                                 # "quinientos efectivos"
    "mil",                                                           # "mil personas"
    "mill[oó]n", "millones",                                         # "tres millones"
    "bill[oó]n", "billones",                                         # "un billón" (10^12)
    "millardos?",                                                    # "dos millardos" (10^9)
)
# Spellings text2num does not read, and what it reads instead.
_WORD_FIXES = {
    "veintiún": "veintiuno",   # "veintiún soldados"
    "veintiun": "veintiuno",   # "veintiun soldados" (accent dropped)
    "veintidos": "veintidós",  # "veintidos heridos"
    "veintitres": "veintitrés",  # "veintitres casas"
    "veintiseis": "veintiséis",  # "veintiseis muertos"
    "billon": "billón",        # "un billon"
}
# Scale words read apart from text2num, with their value: "tres billones" = 3 * 10^12.
_BIG_SCALES = {"billón": 1e12, "billones": 1e12, "millardo": 1e9, "millardos": 1e9}

# Collective nouns that count as a scale after a number or "un/una": "un centenar" = 100,
# "dos centenares" = 200, "una docena" = 12, "tres docenas" = 36, "un millar" = 1000.
_COLLECTIVES = {
    "docena": 12, "docenas": 12,        # "una docena de heridos", "3 docenas"
    "decena": 10, "decenas": 10,        # "una decena de casas", "dos decenas"
    "veintena": 20, "veintenas": 20,    # "una veintena de detenidos"
    "centenar": 100, "centenares": 100,  # "un centenar de efectivos"
    "millar": 1000, "millares": 1000,   # "un millar de manifestantes"
    "dz": 12, "dzs": 12, "doz": 12, "dozs": 12,  # "3 dz" (abbreviated dozens)
}

# Vague quantities -> key of a policy table (the English keys), longest first.
_VAGUE_TERMS: tuple[tuple[str, str], ...] = (
    (r"decenas\s+de\s+miles", "tens of thousands"),          # "decenas de miles de desplazados"
    (r"(?:cientos|centenares)\s+de\s+miles", "hundreds of thousands"),  # "cientos de miles"
    (r"decenas\s+de\s+millones", "tens of millions"),        # "decenas de millones de dólares"
    (r"(?:cientos|centenares)\s+de\s+millones", "hundreds of millions"),  # "cientos de millones"
    (r"miles\s+de\s+millones", "billions"),                  # "miles de millones de bolívares"
    (r"(?:varios|varias)\s+(?:cientos|centenares)", "several hundred"),  # "varios cientos"
    (r"(?:varios|varias)\s+(?:miles|millares)", "several thousand"),     # "varios miles"
    (r"(?:varias)\s+(?:docenas|decenas)", "several dozen"),  # "varias decenas de heridos"
    (r"(?:varios)\s+millones", "several million"),           # "varios millones de dólares"
    (r"(?:unos|unas)\s+(?:cuantos|cuantas|pocos|pocas)\s+(?:cientos|centenares)",
     "a few hundred"),                                       # "unos cuantos cientos"
    (r"(?:unos|unas)\s+(?:cuantos|cuantas|pocos|pocas)\s+(?:miles|millares)",
     "a few thousand"),                                      # "unos pocos miles"
    (r"(?:unos|unas)\s+(?:cuantos|cuantas|pocos|pocas)", "a few"),  # "unos cuantos heridos"
    (r"un\s+puñado", "a handful"),                           # "un puñado de soldados"
    (r"un\s+par(?=\s+de\b)", "a couple"),                    # "un par de heridos"
    (r"varios|varias", "several"),                           # "varios heridos"
    (r"numeros[oa]s", "numerous"),                           # "numerosos detenidos"
    (r"docenas|decenas", "dozens"),                          # "decenas de muertos"
    (r"cientos|centenares", "hundreds"),                     # "cientos de manifestantes"
    (r"miles|millares", "thousands"),                        # "miles de personas"
    (r"millones", "millions"),                               # "millones de venezolanos"
)

# Qualifiers before a number -> the English normalised name _qualify understands.
# The leftmost phrase wins, so "no más de" (up to) beats "más de" (more than).
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo|un\s+m[ií]nimo\s+de|no\s+menos\s+de",
     "at least"),                                     # "al menos 59", "no menos de 40"
    (r"no\s+m[aá]s\s+de|como\s+m[aá]ximo|un\s+m[aá]ximo\s+de|a\s+lo\s+sumo|hasta",
     "up to"),                                        # "hasta 15", "no más de 20"
    (r"(?:poco\s+|mucho\s+|bastante\s+)?m[aá]s\s+de|por\s+encima\s+de|superior(?:es)?\s+a",
     "more than"),                                    # "más de 200"
    (r"(?:super|rebas|sobrepas)(?:a|an|aba|aban|ó|aron|ará|arán|ó)\s+(?:los|las)",
     "more than"),                                    # "supera los 300", "rebasó las 200" (not "a los": people)
    (r"rond(?:a|an|aba|aban|ó|aron)\s+(?:los|las)", "about"),  # "rondaba los 40"
    (r"casi|cerca\s+de|poco\s+menos\s+de|rozando", "nearly"),  # "casi 40", "cerca de 2.000"
    (r"menos\s+de|por\s+debajo\s+de|inferior(?:es)?\s+a", "fewer than"),  # "menos de 100"
    (r"unos|unas|alrededor\s+de|aproximadamente|aprox\.|en\s+torno\s+a|m[aá]s\s+o\s+menos"
     r"|un\s+estimado\s+de|unos\s+aproximadamente", "about"),  # "unos 300", "alrededor de 5.000"
)
# Qualifiers after a number: "50 o más" (at least), "20 o menos" (up to).
_TRAILING = ((r"\s+o\s+m[aá]s\b", "at least"),        # "50 o más"
             (r"\s+o\s+menos\b", "up to"),            # "20 o menos"
             (r"\s+aproximadamente\b", "about"))      # "300 personas aproximadamente" (adjacent only)

# Units after a number: (pattern, base unit, factor to it), the base units of English.
# Longer phrases first ("kilómetros por hora" before "kilómetros").
_UNITS: tuple[tuple[str, str, float], ...] = (
    (r"kil[oó]metros?\s+cuadrados?|km2|km²", "m2", 1e6),       # "300 kilómetros cuadrados"
    (r"metros?\s+cuadrados?|m2|m²", "m2", 1.0),                # "500 metros cuadrados"
    (r"hect[aá]reas?|ha", "m2", 1e4),                           # "5.000 hectáreas"
    (r"km/h|kil[oó]metros?\s+por\s+hora", "m/s", 1000 / 3600),  # "80 km/h"
    (r"kil[oó]metros?|kms?", "m", 1000.0),                      # "80 kilómetros", "80 km"
    (r"millas?", "m", 1609.344),                                # "50 millas"
    (r"cent[ií]metros?|cm", "m", 0.01),                         # "30 cm"
    (r"mil[ií]metros?|mm", "m", 0.001),                         # "155 mm"
    (r"metros?|mts?\.?|m", "m", 1.0),                           # "5 metros", "100 m"
    (r"segundos?|seg\.?", "s", 1.0),                            # "30 segundos"
    (r"minutos?|min\.?", "s", 60.0),                            # "45 minutos"
    (r"horas?|hrs?\.?|h", "s", 3600.0),                         # "48 horas"
    (r"d[ií]as?", "s", 86_400.0),                               # "tres días"
    (r"semanas?", "s", 604_800.0),                              # "dos semanas"
    (r"mes(?:es)?", "s", 2_592_000.0),                          # "seis meses" (30 days)
    (r"a[ñn]os?", "s", 31_536_000.0),                           # "10 años" (365 days)
    (r"d[eé]cadas?", "s", 315_360_000.0),                       # "dos décadas"
    (r"kilogramos?|kilos?|kgs?", "kg", 1.0),                    # "20 kilos"
    (r"toneladas?|tons?", "kg", 1000.0),                        # "5.000 toneladas"
    (r"gramos?|grs?\.?", "kg", 0.001),                          # "500 gramos"
    (r"%|por\s?ciento|puntos?\s+porcentuales?", "%", 1.0),      # "30 %", "30 por ciento"
    (r"grados?\s+(?:cent[ií]grados|celsius)|°\s?C", "°C", 1.0),  # "40 grados centígrados"
    (r"d[oó]lares(?:\s+(?:estadounidenses|americanos))?|d[oó]lar|USD", "USD", 1.0),  # "5 dólares"
    (r"euros?|EUR", "EUR", 1.0),                                # "3 millones de euros"
    (r"bol[ií]vares(?:\s+(?:soberanos|fuertes|digitales))?|bol[ií]var|Bs\.?(?:[SFD]\.?)?"
     r"|VES", "VES", 1.0),                                      # "500 bolívares", "500 Bs."
)
_MONEY_UNITS = frozenset({"USD", "EUR", "VES", "GBP"})

# Currency written before the number: "$5", "US$ 3,5 millones", "Bs. 500", "€3".
_CURRENCY_PREFIXES = (
    (r"US\$|USD|\$", "USD"),        # "US$ 3 millones", "$ 1.234"
    (r"€|EUR", "EUR"),              # "€ 30"
    (r"Bs\.?(?:[SFD]\.?)?|VES", "VES"),  # "Bs. 500", "BsS 20"
    (r"£", "GBP"),                  # "£ 2"
)

# Words before a number that make it a name: "Artículo 350", "Ley 123", "Decreto 4.567".
_NAME_WORDS = (
    r"art[ií]culos?|art\.|ley|decreto|resoluci[oó]n|gaceta(?:\s+oficial)?|providencia|"   # "Artículo 350"
    r"ruta|autopista|carretera|calle|avenida|av\.|carrera|transversal|vuelo|sala|piso|"   # "Vuelo 17"
    r"edificio|torre|zona|sector|parroquia|estaci[oó]n|l[ií]nea|canal|cap[ií]tulo|"      # "Torre 2"
    r"secci[oó]n|inciso|numeral|expediente|batall[oó]n|brigada|divisi[oó]n|"             # "Brigada 41"
    r"habitaci[oó]n|apartamento|oficina|km\.?|kil[oó]metro|n[uú]mero|n[uú]m\.|nros?\.|"   # "kilómetro 40"
    r"n[°º]\.?|no\.|fase|etapa|grupo|equipo|modelo|versi[oó]n|tipo|categor[ií]a|"        # "N° 41.500"
    r"puesto|mesa|circuito|cuadrante|manzana|bloque|casa|lote|galp[oó]n|terminal|"        # "mesa 3"
    r"puerta|nivel|p[aá]gina|tomo|volumen|cohorte|promoci[oó]n"                            # "nivel 5"
)

# Nouns a zero negates: "no hubo heridos", "sin víctimas", "ningún fallecido".
_HARM_NOUNS = (
    r"v[ií]ctimas|heridos|heridas|lesionad[oa]s|muert[oa]s|muertes|fallecid[oa]s|decesos|"
    r"bajas|detenid[oa]s|arrestos|arrestad[oa]s|capturad[oa]s|desaparecid[oa]s|afectad[oa]s|"
    r"damnificad[oa]s|evacuad[oa]s|personas|da[ñn]os\s+personales|p[eé]rdidas\s+humanas|"
    r"pérdidas\s+de\s+vidas"
)
# Verbs of existence or result before a negated noun: "no hubo", "no se registraron".
_ZERO_VERBS = (
    r"hubo|hay|habr[ií]a|hab[ií]a|se\s+(?:registraron|registr[oó]|reportaron|report[oó]|"
    r"produjeron|produjo|contabilizaron|lamentaron|lament[oó]|informaron\s+de|"
    r"inform[oó]\s+de)|dej[oó]|dejaron|caus[oó]|causaron|provoc[oó]|provocaron|"
    r"report[oó]|reportaron|registr[oó]|registraron|hubo\s+que\s+lamentar"
)
# Words after "ningún/ninguna" that make an idiom, not a zero count: "en ningún momento".
_NINGUN_IDIOMS = (
    r"momento|caso|manera|forma|modo|lugar|sitio|parte|tipo|motivo|otr[oa]|sentido|"
    r"circunstancia|concepto|pretexto|problema|comentario|declaraci[oó]n|acuerdo"
)
# Participle stems after "nadie" that make it a zero count: "nadie resultó herido".
_NADIE_STEMS = (
    r"herid|lesionad|muert|fallec|muri[oó]|detenid|arrestad|afectad|capturad|imputad|"
    r"acusad|condenad|desaparec|evacuad|rescatad"
)

# Nouns before "de N años" that make it an age: "un hombre de 37 años".
_AGE_NOUNS = (
    r"hombres?|mujer(?:es)?|j[oó]venes|joven|niñ[oa]s?|adolescentes?|ancian[oa]s?|señor[a]?|"
    r"beb[eé]s?|menor(?:es)?|chic[oa]s?|muchach[oa]s?|estudiantes?|polic[ií]as?|v[ií]ctimas?|"
    r"conductor[a]?|sujetos?|individuos?|ciudadan[oa]s?|vecin[oa]s?|hij[oa]s?|madre|padre|"
    r"herman[oa]s?|espos[oa]s?|pacientes?|personas?|adultos?|ambos|militar(?:es)?|"
    r"soldados?|agentes?|funcionari[oa]s?|trabajador[a]?(?:es)?|obrer[oa]s?|dirigentes?|"
    r"l[ií]der(?:es)?|activistas?|periodistas?|fot[oó]graf[oa]s?|presos?|reclus[oa]s?"
)
# Verbs before "N años" that make it an age: "tenía 37 años", "cumplió 18 años".
_AGE_VERBS = r"ten[ií]a|tiene|tenían|tienen|cumpli[oó]|cumpl[ií]a|cumplir[ií]a|a\s+sus|con\s+apenas|de\s+apenas"

# Day parts after a clock hour: "las 10 de la mañana" (am), "las 3 de la tarde" (pm).
_DAY_PARTS = {"mañana": 0, "madrugada": 0, "tarde": 12, "noche": 12, "mediodía": 12,
              "mediodia": 12}

# Months (lower case in Spanish), for the day numbers of dates: "27 de junio".
_MONTHS = (r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
           r"noviembre|diciembre")
_WEEKDAYS = r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo"

# "un/una" counts one only after these: "solo un policía", "al menos una persona".
_ONE_CUES = (r"solo|sólo|solamente|[uú]nicamente|apenas|s[oó]lo\s+hubo|al\s+menos|por\s+lo\s+menos|"
             r"m[aá]s\s+de|menos\s+de|hasta|como\s+m[ií]nimo|casi|sino")
# "uno" is a pronoun after these: "cada uno", "el uno al otro", "uno mismo".
_ONE_PRONOUN_BEFORE = r"cada|el|la|lo|al|del|alg[uú]n|ning[uú]n|otro|otra|que|de|uno\s+a"  # "uno a uno"
_ONE_PRONOUN_AFTER = r"mism[oa]|a\s+uno|u\s+otro|y\s+otro|al\s+otro|con\s+otro|de\s+otro|puede|debe|sabe|tiene\s+que"

# =========================================================================== regexes

_WORD = r"(?:" + "|".join(_CARDINALS) + r")\b"
# A run of number words: "cuarenta y siete", "dos mil trescientos", "tres millones siete".
_WORDS_RE = re.compile(r"\b" + _WORD + r"(?:(?:\s+y\s+|\s+)" + _WORD + r"){0,24}", re.I)
_TOKEN_RE = re.compile(r"[^\W\d_]+", re.U)
_COLL = "|".join(sorted(_COLLECTIVES, key=len, reverse=True))
# "un millón", "una docena", "un centenar", "un mil": the article counts one before a scale.
_ONE_SCALE_RE = re.compile(
    r"\b(?:un|una|uno)\s+(?=(?:mill[oó]n|mil|bill[oó]n|millardo|centenar|millar|docena|decena|"
    r"veintena)\b)", re.I)
# "medio millón", "media docena", "medio centenar".
_HALF_RE = re.compile(r"\b(?:un\s+)?medi[oa]\s+(?P<s>mill[oó]n|bill[oó]n|millardo|centenar|"
                      r"millar|docena|decena)\b", re.I)
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(_VAGUE_TERMS))
                       + r")\b", re.I)
# Digits: Spanish grouping "1.234.567,89", English grouping "1,234,567" / "1,111.11", spaced
# "1 234 567", plain "10,5", "2.5", "5.00". Three digits after a single dot are thousands.
_DIGITS = (r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"
           r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3},\d{3}\.\d+"
           r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![ \u00a0\u202f]\d)"
           r"|\d+(?:[.,]\d+)?)(?!\d)(?![.,]\d)")
_DIGITS_RE = re.compile(_DIGITS)
_CURRENCY_RE = re.compile("(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CURRENCY_PREFIXES))
                          + r")\s?(?=\d)")
# A scale after digits or words: "2,5 millones", "700 mil", "2 mil millones", "10k", "5 MM".
_SCALE_RE = re.compile(
    r"\s*(?P<word>mil|mill[oó]n|millones|bill[oó]n|billones|millardos?|" + _COLL + r")\b"
    r"|(?-i:\s?(?P<MM>MM)\b)|\s?(?P<k>k)\b", re.I)
_SCALE_VALUES = {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12,
                 "billon": 1e12, "billones": 1e12, "millardo": 1e9, "millardos": 1e9,
                 "mm": 1e6, "k": 1e3, **_COLLECTIVES}
# "y medio" after a number: "dos millones y medio", "cinco y medio".
_AND_HALF_RE = re.compile(r"\s+y\s+medi[oa]\b", re.I)
# Decimals in words: "cuarenta y siete coma veintiocho", "siete con cincuenta" (at the end).
_POINT_RE = re.compile(r"\s+(?P<w>coma|con)\s+", re.I)
_DIGIT_WORDS = {"cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
                "seis": "6", "siete": "7", "ocho": "8", "nueve": "9"}
# "con un cuarto", "con tres cuartos", "con un medio" after words: fractions.
_CON_FRACTION_RE = re.compile(r"\s+(?:con|y)\s+(?:(?P<one>un|una)\s+(?P<f>medio|cuarto)"
                              r"|(?P<three>tres)\s+cuartos)\b", re.I)
_UNIT_RES = tuple((re.compile(r"(?i:" + p + r")(?![\w²])"), b, f) for p, b, f in _UNITS)
_UNIT_SEP_RE = re.compile(r"\s?-\s?|\s*")
_UNIT_DE_RE = re.compile(r"\s+de\s+", re.I)
_QUALIFIER_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_QUALIFIERS))
    + r")(?:\s+(?:un|una|los|las))?\s+\Z", re.I)
_TRAILING_RE = re.compile("|".join(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(_TRAILING)), re.I)
# Between two numbers: "30-40", "entre 30 y 40", "de 10 a 15", "desde 10 hasta 15", "50 o 59".
_CONNECTOR_RE = re.compile(r"(?P<dash>\s?[-–—]\s?)|(?P<y>\s+y\s+)|(?P<a>\s+a\s+)"
                           r"|(?P<hasta>\s+hasta\s+)|(?P<o>\s+[ou]\s+)", re.I)
_ENTRE_RE = re.compile(r"(?<![\w])entre\s+\Z", re.I)
_DE_RE = re.compile(r"(?<![\w])(?:de|desde)\s+\Z", re.I)
_DESDE_RE = re.compile(r"(?<![\w])desde\s+\Z", re.I)

# Zeros: "nadie resultó herido", "ningún fallecido", "no hubo heridos", "sin víctimas", "cero".
_ZERO = (r"\b(?i:nadie)\b(?=\s+(?:(?:ha|hab[ií]a|fue|result[oó]|sali[oó]|qued[oó])\s+(?:sido\s+)?)?"
         r"(?i:" + _NADIE_STEMS + r"))"
         r"|\b(?i:ning(?:ún|un|una|uno))\b(?!\s+(?i:" + _NINGUN_IDIOMS + r")\b)(?=\s+[^\W\d_])"
         r"|\b(?i:no\s+(?:" + _ZERO_VERBS + r"))(?=\s+(?:(?i:m[aá]s|otr[oa]s)\s+)?(?i:"
         + _HARM_NOUNS + r")\b)"
         r"|\b(?i:sin\s+que\s+(?:se\s+)?(?:registr|report|produj|lament|hub|cont)[a-záéíóú]*)"
         r"(?=\s+(?i:" + _HARM_NOUNS + r")\b)"   # "sin que se reportaran heridos"
         r"|\b(?i:sin)\b(?=\s+(?i:" + _HARM_NOUNS + r")\b)")
# Clock times: "5:00", "22:30 horas", "10:30 p.m.", "10 a. m.", and "15.00 horas" (two digits of
# minutes after a point: a time of day; a duration is "15 horas", its decimals "1,5 horas").
_AMPM = r"(?:[ap]\.\s?m\.|[ap]m\b|[AP]M\b|[ap]\.\s?m\b)"
_TIME = (r"(?<![\w.:,])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?" + _AMPM +
         r"|(?<![\w.:,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])(?:\s?" + _AMPM + r")?"
         r"(?:\s+(?i:horas|hrs?\b\.?|h\b))?"
         r"|(?<![\w.:,])(?:[01]?\d|2[0-3])\.[0-5]\d\s*(?i:horas|hrs?\b\.?|h\b)")
# Codes: "AK-47", "COVID-19", "F-16", "G20".
_CODE = r"\b[A-Z][A-Za-z]{0,5}-\d+[A-Za-z]*\b|\b[A-Z]{1,4}\d+[A-Za-z]?\b"
# Not figures: the day of a date ("27 de junio", "el martes 27"), slashes ("27/06/2017"),
# codes and phone numbers ("0414-555.12.34", "+58 412 555 1234", "192.168.1.2"), ordinals
# ("5°", "5ª", "4to", "1er"), ratios ("3:1" is a time only with two minute digits).
_SKIP = (r"(?<![\w.,])\d{1,2}(?:\s*(?:[-–]|y|al)\s*\d{1,2})?\s+de\s+(?i:" + _MONTHS + r")\b"
         r"|(?i:" + _WEEKDAYS + r")\s+\d{1,2}(?![\d.,:])"
         r"|(?<![\w.,])\d+(?:/\d+)+\b"
         r"|(?<![\w.,+])(?!\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d./-]))\+?\d+(?:[-./]\d+){2,}(?!\d)"
         r"|(?<![\w.,+])\+\d{1,3}(?:[-.\s]\d{2,5})+(?!\d)"
         r"|\(0?\d{2,4}\)\s*\d{3}[-.\s]?\d{2,4}(?:[-.\s]\d{2})*"
         r"|(?<![\w.,])0\d{2,3}[-\s.]\d{3}[-\s.]?\d{2,4}(?:[-.\s]\d{2})*"
         r"|(?<![\w.,])\d+(?:\.?[°º](?!\s?[CF]\b)|\.?ª|(?i:er|ro|do|to|vo|mo|no|va|ra|da|ta|ma|na|avo)\b)"
         r"|(?<![\w.,:])\d+:\d(?!\d)")
_START = re.compile(
    "(?P<skip>" + _SKIP + ")|(?P<time>" + _TIME + ")|(?P<code>" + _CODE + ")"
    "|(?P<zero>" + _ZERO + ")"
    "|(?P<num>" + _CURRENCY_RE.pattern + "|(?i:" + _VAGUE_RE.pattern + ")|(?i:" + _HALF_RE.pattern
    + ")|" + _DIGITS + "|(?i:" + _WORDS_RE.pattern + "))")

_NAME_BEFORE_RE = re.compile(r"(?<![\w])(?i:" + _NAME_WORDS + r")\s*\Z")
_ONE_CUE_RE = re.compile(r"(?<![\w])(?i:" + _ONE_CUES + r")\s+\Z")
_ONE_PRONOUN_BEFORE_RE = re.compile(r"(?<![\w])(?i:" + _ONE_PRONOUN_BEFORE + r")\s+\Z")
_ONE_PRONOUN_AFTER_RE = re.compile(r"\s+(?i:" + _ONE_PRONOUN_AFTER + r")\b")
# Years: "en 2017", "desde 1999", "junio de 2017", "el año 2018".
_YEAR_BEFORE_RE = re.compile(
    r"(?<![\w])(?i:en|desde|hasta|durante|antes\s+de|despu[eé]s\s+de|a\s+partir\s+de|a[ñn]o|"
    r"del|el|entre|y|para|de\s+(?:" + _MONTHS + r")\s+de|(?:" + _MONTHS + r")(?:\s+del?)?|"
    r"a\s+finales\s+de|a\s+principios\s+de|a\s+mediados\s+de|fines\s+de|inicios\s+de)\s+\Z")
# A plural noun after a four-digit number makes it a count: "2017 personas".
_COUNT_NOUN_AFTER_RE = re.compile(
    r"\s+(?:de\s+)?(?!(?:m[aá]s|pues|antes|despu[eé]s|entonces|adem[aá]s|mientras|tras|tres|los|"
    r"las|unos|unas|sus|nos|les|es|vs|hubo|fue)\b)(?:[a-záéíóúñ]{2,}s|gente|personal)\b")
# Ages: "37 años de edad"; "un hombre de 37 años"; "tenía 37 años"; "Pérez, de 37 años".
_AGE_AFTER_RE = re.compile(r"\s+(?:de\s+)?edad\b", re.I)
_AGE_DE_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?i:" + _AGE_NOUNS + r")|,)\s+de\s+(?:(?i:entre|apenas|unos|unas|casi|m[aá]s\s+de|"
    r"menos\s+de|al\s+menos)\s+)?\Z")
_AGE_VERB_BEFORE_RE = re.compile(r"(?<![\w])(?i:" + _AGE_VERBS + r")\s+\Z")
# "de 20 años de prisión": a duration, not an age.
_AGE_NOT_AFTER_RE = re.compile(r"\s+(?:de\s+(?!edad\b)[^\W\d_]+|en\s|atr[aá]s|despu[eé]s|antes)", re.I)
# A clock hour: "a las 10", "las 3 de la tarde", "a la 1 de la madrugada".
_HOUR_BEFORE_RE = re.compile(r"(?<![\w])(?P<a>(?i:a|desde|hasta|hacia|para|sobre|de|entre|y)\s+)?"
                             r"(?i:las|la)\s+\Z")
_HOUR_AFTER_RE = re.compile(
    r"(?:\s+(?:de\s+la\s+(?P<part>mañana|madrugada|tarde|noche)|del\s+(?P<noon>mediod[ií]a)|"
    r"horas|hrs?\b\.?|h\b|en\s+punto|hora\s+local)|(?=\s*(?:[,.;:)]|\s+(?:y|hasta|a)\s|\s+del?\s|\Z)))",
    re.I)
# The rest after "N mil": "3 mil 500" (not "3 mil 500 mil").
_MIL_REST_RE = re.compile(r"\s+(\d{1,3})(?![\d.,])(?!\s*(?i:mil|mill))")
_GLUED_LETTER_RE = re.compile(r"[^\W\d_]")
# "magnitud 7,2" names its unit before the number.
_UNIT_BEFORE_RE = re.compile(r"(?<![\w])(?i:magnitud)(?:\s+de)?\s+\Z")

# The numeral and unit records, the value limit and the float clean-up are the English reader's.


def _digits_value(raw: str) -> float:
    """A Spanish digit string as a float: "700.000" 700000, "2,5" 2.5, "1,111.11" 1111.11."""
    s = re.sub(r"[ \u00a0\u202f]", "", raw)
    if "." in s and "," in s:   # whichever comes last is the decimal mark
        return float(s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".")
                     else s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))          # "1.272" = 1272, "700.000"
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s):
        return float(s.replace(",", ""))          # "1,234,567"
    return float(s.replace(",", "."))              # "10,5", "2.5", "5.00"


def _text2num_es(words: list[str]) -> float:
    """text2num for Spanish words, with "billón" (10^12) and "millardo" (10^9) split off."""
    words = [_WORD_FIXES.get(w, w) for w in words]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _BIG_SCALES:
            left, right = words[:i] or ["uno"], words[i + 1:]
            if right[:1] == ["y"]:
                right = right[1:]
            return (_text2num_es(left) * _BIG_SCALES[words[i]]
                    + (_text2num_es(right) if right else 0.0))
    if len(words) >= 2 and words[0] in ("un", "uno", "una") and words[1] == "mil":
        words = words[1:]                          # "un mil" = "mil"
    return float(text2num(" ".join(words), "es"))


def _read_words(text: str, pos: int) -> tuple[int, float] | None:
    """Reads the longest run of number words at ``pos`` that text2num accepts."""
    m = _WORDS_RE.match(text, pos)
    if not m:
        return None
    tokens = list(_TOKEN_RE.finditer(m.group()))[:25]
    for j in range(len(tokens), 0, -1):
        words = [t.group().lower() for t in tokens[:j]]
        if words[-1] == "y":
            continue
        try:
            value = _text2num_es(words)
        except (ValueError, TypeError, IndexError, KeyError):
            continue
        return pos + tokens[j - 1].end(), value
    return None


def _read_point(text: str, end: int, value: float) -> tuple[int, float] | None:
    """Decimals in words after ``end``: "coma veintiocho", "coma cero tres", "con cincuenta"."""
    pm = _POINT_RE.match(text, end)
    if not pm or not float(value).is_integer():
        return None
    at, digits = pm.end(), ""
    while (dm := re.match(r"(?i:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b", text[at:])) \
            and digits[:1] in ("", "0"):
        if dm.group().lower() != "cero" and not digits:
            break
        digits += _DIGIT_WORDS[dm.group().lower()]
        at += dm.end()
        gap = re.match(r"\s+", text[at:])
        if not gap:
            break
        at += gap.end()
    words = _read_words(text, at) if not digits or digits.endswith("0") else None
    if words is not None:
        digits, at = digits + str(int(words[1])), words[0]
    if not digits:
        return None
    at = at if words is not None else at - len(re.match(r"\s*", text[at - 1::-1]).group())
    if pm.group("w").lower() == "con" and re.match(r"\s+[^\W\d_]", text[at:]):
        return None   # "con" reads decimals only at the end of a phrase: "siete con cincuenta"
    return at, float(f"{int(value)}.{digits}")


def _read_scale(text: str, end: int, kind: str) -> tuple[int, float]:
    """Reads scales after a numeral ("millones", "mil millones", "k", "docenas"): (end, scale)."""
    scale = 1.0
    while sc := _SCALE_RE.match(text, end):
        group = sc.lastgroup
        name = sc.group(group).lower()
        if group == "word" and kind == "words" and name not in _COLLECTIVES and scale == 1:
            break   # text2num already read "dos millones"
        if group in ("MM", "k") and (kind != "digits" or scale > 1):
            break
        step = float(_SCALE_VALUES[name])
        if scale > 1 and step <= scale:
            break   # scales chain upwards only: "2 mil millones"
        scale *= step
        end = sc.end()
    return end, scale


def _read_numeral(text: str, pos: int) -> tuple[int, float, float, str] | None:
    """Digits or words with decimals, "y medio" and scale: (end, value, scale, kind)."""
    dm = _DIGITS_RE.match(text, pos)
    if dm:
        kind, end, value = "digits", dm.end(), _digits_value(dm.group())
    elif (words := _read_words(text, pos)) is not None:
        kind, (end, value) = "words", words
        point = _read_point(text, end, value)
        frac = _CON_FRACTION_RE.match(text, end)
        if point:
            end, value = point
        elif frac:   # "cinco con un cuarto", "cinco billones con tres cuartos"
            part = 0.75 if frac.group("three") else 0.5 if frac.group("f").lower() == "medio" else 0.25
            end, value = frac.end(), value + part * _own_scale(text[pos:end])
    else:
        return None
    end, scale = _read_scale(text, end, kind)
    half = _AND_HALF_RE.match(text, end)
    if half:   # "dos millones y medio", "cinco y medio", "un billón y medio millón"
        own = _own_scale(text[pos:end]) if scale == 1 else 1.0
        sm = _SCALE_RE.match(text, half.end())
        if sm and sm.lastgroup == "word" and sm.group("word").lower() not in _COLLECTIVES:
            add, end = 0.5 * _SCALE_VALUES[sm.group("word").lower()] / scale, sm.end()
        else:
            add, end = 0.5 * own, half.end()
        value += add
    return end, value, scale, kind


def _own_scale(raw: str) -> float:
    """The scale a run of number words ends on: "dos millones" -> 1e6, "cinco" -> 1."""
    words = raw.lower().split()
    if not words:
        return 1.0
    return float({"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6,
                  **_BIG_SCALES}.get(words[-1], 1))


def _read_special(text: str, pos: int, policy: VaguePolicy) -> _Num | None:
    """Vague terms ("decenas") and halves of scales ("medio millón") at ``pos``."""
    vm = _VAGUE_RE.match(text, pos)
    if vm:
        key = _VAGUE_TERMS[int(vm.lastgroup[1:])][1]
        table = policy.table if key in policy.table else POLICIES[DEFAULT_POLICY].table
        low, high = table[key]
        return _Num(pos, pos, vm.end(), low, high, low, 1.0, "vague", vm.group())
    hm = _HALF_RE.match(text, pos)
    if hm:
        value = 0.5 * float(_SCALE_VALUES[hm.group("s").lower()])
        return _Num(pos, pos, hm.end(), value, value, value, 1.0, "special", hm.group())
    return None


def _read_number(text: str, pos: int, policy: VaguePolicy) -> _Num | None:
    """Reads [currency] numeral [scale] anchored at ``pos``."""
    start, currency = pos, None
    cm = _CURRENCY_RE.match(text, pos)
    if cm:
        currency = _CURRENCY_PREFIXES[int(cm.lastgroup[1:])][1]
        pos = cm.end()
        if not _DIGITS_RE.match(text, pos):
            return None
    elif (special := _read_special(text, pos, policy)) is not None:
        return special
    read = _read_numeral(text, pos)
    if read is None:
        return None
    end, value, scale, kind = read
    total = value * scale
    cm2 = _MIL_REST_RE.match(text, end) if kind == "digits" and scale == 1e3 else None
    if cm2:   # "3 mil 500"
        total, end = total + float(cm2.group(1)), cm2.end()
    if not (_finite(value) and _finite(total)):
        return None
    raw_end = _DIGITS_RE.match(text, pos).end() if kind == "digits" else end
    return _Num(start, pos, end, total, total, value, scale, kind, text[pos:raw_end], currency)


def _read_unit(text: str, pos: int, *, allow_de: bool) -> _Unit | None:
    """A unit right after a number: "80 km", "48 horas", "millones de dólares"."""
    seps = [_UNIT_SEP_RE.match(text, pos)]
    if allow_de:
        seps.insert(0, _UNIT_DE_RE.match(text, pos))
    for sep in seps:
        if sep is None:
            continue
        for regex, base, factor in _UNIT_RES:
            um = regex.match(text, sep.end())
            if um:
                if base in _MONEY_UNITS and "-" in sep.group():
                    break
                return _Unit(um.end(), base, factor)
    return None


def _window(text: str, start: int, floor: int, width: int = 60) -> tuple[int, int]:
    return max(floor, start - width), start


def _make(text: str, start: int, end: int, figure: Figure, role: str,
          num_start: int, num_end: int) -> FigureMatch:
    return FigureMatch(start, end, text[start:end], figure, role, num_start, num_end)


def _is_year_like(n: _Num) -> bool:
    return (n.kind == "digits" and n.currency is None and n.scale == 1.0
            and re.fullmatch(r"\d{4}", n.raw) is not None and 1800 <= n.low <= 2100)


def _article_one(text: str, n: _Num, floor: int) -> bool:
    """Whether a lone "un/una/uno" is an article or pronoun, not the count one."""
    if n.kind != "words" or n.raw.lower() not in ("un", "una", "uno") or n.scale > 1:
        return False
    window = _window(text, n.num_start, floor, 30)
    if n.raw.lower() == "uno":
        return bool(_ONE_PRONOUN_BEFORE_RE.search(text, *window)
                    or _ONE_PRONOUN_AFTER_RE.match(text, n.end))
    return not _ONE_CUE_RE.search(text, *window)


def _in_name(text: str, n: _Num) -> bool:
    """A capitalised number word inside a sentence is part of a name: "llegaron a Tres Ríos"."""
    if n.kind != "words" or not n.raw[:1].isupper():
        return False
    before = text[:n.num_start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"«“(—-\n" and not before.endswith("...")


def _hour_match(text: str, n: _Num, floor: int) -> FigureMatch | None:
    """A clock hour after "las": "a las 10", "las 3 de la tarde", "a las 14.00" (seconds since midnight)."""
    minutes = re.fullmatch(r"(\d{1,2})\.([0-5]\d)", n.raw)  # "las 14.00", "las 9.30": hour and minutes
    if minutes and int(minutes.group(1)) <= 24:
        n = replace(n, low=float(minutes.group(1)), high=float(minutes.group(1)))
    if n.kind not in ("digits", "words") or n.scale != 1 or n.currency or not (
            float(n.low).is_integer() and 0 <= n.low <= 24) or "," in n.raw or ("." in n.raw and not minutes):
        return None
    bm = _HOUR_BEFORE_RE.search(text, *_window(text, n.num_start, floor, 20))
    am = _HOUR_AFTER_RE.match(text, n.end) or (re.compile("").match(text, n.end) if minutes else None)
    if not bm or not am:
        return None
    suffix = am.group().strip()
    if not suffix and not minutes and not (bm.group("a") or "").strip().lower() in ("a", "desde", "hasta", "hacia"):
        return None   # "las 10" alone: a time only after "a las", "desde las"; "las 14.00" is one anyway
    hour = n.low
    part = (am.group("part") or am.group("noon") or "").lower()
    if _DAY_PARTS.get(part) == 12 and hour < 12 and not (part == "noche" and hour == 12):
        hour += 12
    if part == "noche" and n.low == 12:
        hour = 0
    end = am.end() if suffix else n.end
    seconds = hour * 3600 + (int(minutes.group(2)) * 60 if minutes else 0)
    fig = Figure(seconds, seconds, "exact", "s")
    return _make(text, n.num_start, end, fig, "time", n.num_start, n.end)


def _name_or_code(text: str, n: _Num, floor: int) -> FigureMatch | None:
    """"Artículo 350", "Decreto 4.567", "N° 41.500": a name, valued at its number."""
    if n.kind != "digits" or n.currency is not None or n.scale != 1 or "," in n.raw:
        return None
    nm = _NAME_BEFORE_RE.search(text, *_window(text, n.start, floor, 30))
    if not nm:
        return None
    return _make(text, nm.start(), n.end, Figure(n.low, n.low), "name", n.num_start, n.end)


def _is_age(text: str, start: int, end: int, unit: _Unit | None, floor: int) -> bool:
    """Whether "N años" between ``start`` and ``end`` is an age ("un hombre de 37 años")."""
    if unit is None or unit.base != "s" or unit.factor not in (31_536_000.0, 2_592_000.0):
        return False
    if _AGE_AFTER_RE.match(text, unit.end):
        return True   # "37 años de edad", "seis meses de edad"
    if unit.factor != 31_536_000.0 or _AGE_NOT_AFTER_RE.match(text, unit.end):
        return False  # "de 20 años de prisión", "de 10 años atrás"
    window = _window(text, start, floor, 40)
    return bool(_AGE_DE_BEFORE_RE.search(text, *window) or _AGE_VERB_BEFORE_RE.search(text, *window))


def _read_range(text: str, n1: _Num, after1: int, u1: _Unit | None, floor: int,
                policy: VaguePolicy) -> tuple[_Num, _Unit | None, str, int] | None:
    """A second number joined to the first: (n2, its unit, connector, start of the range)."""
    if not n1.exact or any(re.match(p, text[after1:], re.I) for p, _ in _TRAILING[:2]):
        return None
    cm = _CONNECTOR_RE.match(text, after1)
    if not cm:
        return None
    kind, start = cm.lastgroup, n1.start
    n2 = _read_number(text, cm.end(), policy)
    if n2 is None or not n2.exact or _article_one(text, n2, cm.end()):
        return None
    before = _window(text, n1.start, floor, 20)
    if kind == "y":
        bm = _ENTRE_RE.search(text, *before)
        if not bm:
            return None
        start = bm.start()
    elif kind in ("a", "hasta"):
        bm = (_DESDE_RE if kind == "hasta" else _DE_RE).search(text, *before)
        if not bm or n2.low * n2.scale < n1.low:
            return None
        start = bm.start()
    elif kind == "dash" and not (n2.low > n1.low or n2.scale > n1.scale):
        return None   # "3-1" is a score
    u2 = _read_unit(text, n2.end, allow_de=n2.scale > 1)
    if (u1 and u2 and u1.base != u2.base) or (n1.currency and n2.currency
                                              and n1.currency != n2.currency):
        return None
    return n2, u2, kind, start


def _qualifier(text: str, start: int, floor: int, vague: bool) -> re.Match[str] | None:
    """The qualifier phrase ending right before ``start``, or None."""
    qm = _QUALIFIER_RE.search(text, *_window(text, start, floor))
    if qm is None:
        return None
    name = _QUALIFIERS[int(qm.lastgroup[1:])][1]
    if vague and name == "about":
        return None   # "unos cientos": the vague term is already approximate
    return qm


def _trailing(text: str, end: int) -> tuple[str | None, int]:
    tm = _TRAILING_RE.match(text, end)
    if not tm:
        return None, end
    return _TRAILING[int(tm.lastgroup[1:])][1], tm.end()


def _role(unit: str | None) -> str:
    if unit in _MONEY_UNITS:
        return "money"
    if unit == "%":
        return "percent"
    return "count" if unit is None else "measure"


def _year_match(text: str, n1: _Num, floor: int) -> FigureMatch | None:
    """A bare four-digit number 1800..2100 with a year cue, or no count noun after it."""
    if not _is_year_like(n1):
        return None
    if (_YEAR_BEFORE_RE.search(text, *_window(text, n1.start, floor, 40))
            or not _COUNT_NOUN_AFTER_RE.match(text, n1.end)):
        return _make(text, n1.start, n1.end, Figure(n1.low, n1.low), "year", n1.num_start, n1.end)
    return None


def _number_match(text: str, pos: int, floor: int, policy: VaguePolicy,
                  ) -> tuple[FigureMatch | None, int]:
    """Reads one figure whose numeral starts at ``pos``; returns it and where to go on."""
    n1 = _read_number(text, pos, policy)
    if n1 is None:
        return None, pos + 1
    if _article_one(text, n1, floor) or _in_name(text, n1):
        return None, n1.end
    for special in (_hour_match, _name_or_code):
        found = special(text, n1, floor)
        if found is not None:
            return found, found.end
    u1 = _read_unit(text, n1.end, allow_de=n1.kind == "vague" or n1.scale > 1)
    if u1 is None and n1.exact and _UNIT_BEFORE_RE.search(text, *_window(text, n1.start, floor, 20)):
        u1 = _Unit(n1.end, "magnitude", 1.0)   # "un sismo de magnitud 7,2"
    if u1 is None and n1.kind == "digits" and _GLUED_LETTER_RE.match(text, n1.end):
        return None, re.compile(r"\w*").match(text, n1.end).end()   # "180ml", "5G"
    half = _AND_HALF_RE.match(text, u1.end) if u1 and u1.base == "s" and n1.scale == 1 else None
    if half and n1.exact:   # "tres horas y media"
        n1.low = n1.high = n1.low + 0.5
        u1 = _Unit(half.end(), u1.base, u1.factor)
    after1 = u1.end if u1 else n1.end
    rng = _read_range(text, n1, after1, u1, floor, policy)
    if rng is None:
        qm = None if _is_year_like(n1) else _qualifier(text, n1.start, floor, not n1.exact)
        if qm is None and u1 is None and (year := _year_match(text, n1, floor)):
            return year, year.end
        return _build(text, n1, None, u1, None, n1.start, floor)
    n2, u2, kind, start = rng
    if _is_year_like(n1) and _is_year_like(n2) and u1 is None and u2 is None and kind != "o":
        fig = Figure(min(n1.low, n2.low), max(n1.low, n2.low), "range")
        return _make(text, start, n2.end, fig, "year", n2.num_start, n2.end), n2.end
    return _build(text, n1, n2, u2 or u1, kind, start, floor)


def _build(text: str, n1: _Num, n2: _Num | None, unit: _Unit | None, kind: str | None,
           start: int, floor: int) -> tuple[FigureMatch | None, int]:
    """Turns one or two numerals, a unit and their qualifiers into a figure."""
    last = n2 or n1
    end = unit.end if unit and unit.end > last.end else last.end
    alternatives: tuple[float, ...] = ()
    if n2 is not None:
        if n2.scale > 1 and n1.scale == 1 and n1.kind != "special" and n1.low < n2.low:
            n1.low = n1.high = n1.low * n2.scale   # "entre 2 y 3 millones"
        low, high = min(n1.low, n2.low), max(n1.low, n2.low)
        qualifier = "or" if kind == "o" else "range"
        alternatives = (n1.low, n2.low) if kind == "o" else ()
    else:
        low, high = n1.low, n1.high
        qualifier = "vague" if not n1.exact else "exact"
    trailing, end = _trailing(text, end)
    qm = _qualifier(text, start, floor, not n1.exact)
    lead = _QUALIFIERS[int(qm.lastgroup[1:])][1] if qm else None
    base = n1.currency or last.currency or (unit.base if unit else None)
    factor = unit.factor if unit and not (n1.currency or last.currency) else 1.0
    if _is_age(text, start if not qm else qm.start(), end, unit, floor):
        scale = 12.0 if unit.factor == 2_592_000.0 else 1.0
        low, high = low / scale, None if high is None else high / scale
        return _qualified(text, qm, start, end, low, high, qualifier, None, alternatives,
                          (trailing, lead), "age", last), end
    low, high = low * factor, None if high is None else high * factor
    alternatives = tuple(_clean(a * factor) for a in alternatives)
    return _qualified(text, qm, start, end, low, high, qualifier, base, alternatives,
                      (trailing, lead), _role(base), last, vague=not n1.exact), end


def _qualified(text: str, qm: re.Match[str] | None, start: int, end: int, low: float,
               high: float | None, qualifier: str, unit: str | None,
               alternatives: tuple[float, ...], quals: tuple[str | None, str | None],
               role: str, last: _Num, vague: bool = False) -> FigureMatch | None:
    """Applies the trailing then the leading qualifier and makes the match."""
    trailing, lead = quals
    if trailing in ("at least", "up to") and lead == "about":
        lead, qm = None, None   # "unos 500 o más": the stated bound wins
    for q in (trailing, lead):
        if q is not None:
            low, high = _qualify(q, low, high, count=role in ("count", "age"))
            qualifier = q
    low = _clean(low)
    high = None if high is None else _clean(high)
    if not _finite(low) or (high is not None and (not _finite(high) or high < low)):
        return None
    begin = qm.start() if qm else start
    fig = Figure(low, high, qualifier, unit, alternatives, vague)
    return _make(text, begin, end, fig, role, last.num_start, last.end)


def _zero_match(text: str, m: re.Match[str]) -> FigureMatch:
    return _make(text, m.start(), m.end(), Figure(0, 0), "zero", m.start(), m.end())


def _time_match(text: str, m: re.Match[str]) -> FigureMatch | None:
    """Seconds since midnight of "10:30 p.m.", "22:00 horas", "5 a. m."."""
    hm = re.match(r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?", m.group())
    if not hm:
        return None
    hour, minute, second = int(hm.group(1)), int(hm.group(2) or 0), int(hm.group(3) or 0)
    low = m.group().lower().replace(" ", "")
    if re.search(r"p\.?m", low) and hour < 12:
        hour += 12
    elif re.search(r"a\.?m", low) and hour == 12:
        hour = 0
    value = float(hour * 3600 + minute * 60 + second)
    return _make(text, m.start(), m.end(), Figure(value, value, "exact", "s"), "time",
                 m.start(), m.start() + hm.end())


def _code_match(text: str, m: re.Match[str]) -> FigureMatch | None:
    last = list(re.finditer(r"\d+", m.group()))[-1]
    value = float(last.group())
    return _make(text, m.start(), m.end(), Figure(value, value), "name",
                 m.start() + last.start(), m.start() + last.end())


def _cero(found: FigureMatch) -> FigureMatch:
    """"cero muertos": a count of zero read as the zero role, like English "zero"."""
    if found.role == "count" and found.figure.low == 0 == found.figure.high \
            and found.figure.qualifier == "exact" and found.surface.lower() == "cero":
        return FigureMatch(found.start, found.end, found.surface, found.figure, "zero",
                           found.number_start, found.number_end)
    return found


# =========================================================================== public API


def find_figures(text: str, *, policy: VaguePolicy | None = None) -> list[FigureMatch]:
    """Finds every figure in a Spanish ``text``, left to right.

    Args:
        text: Any string; offsets in the result point into it.
        policy: How vague terms ("decenas", "miles") become intervals; defaults to
            ``POLICIES[DEFAULT_POLICY]`` of :mod:`factcheck.numbers`.

    Returns:
        Non-overlapping :class:`~factcheck.numbers.FigureMatch` records sorted by
        ``start``. Ordinals ("tercer", "5°") and day numbers of dates ("27 de junio")
        are not returned. Never raises on a string.

    Example:
        >>> [m.surface for m in find_figures("Al menos 59 personas murieron y no hubo heridos.")]
        ['Al menos 59', 'no hubo']
    """
    if not isinstance(text, str) or not text:
        return []
    policy = policy or POLICIES[DEFAULT_POLICY]
    matches: list[FigureMatch] = []
    pos = floor = 0
    while pos < len(text) and (m := _START.search(text, pos)) is not None:
        kind, found = m.lastgroup, None
        next_pos = max(m.end(), m.start() + 1)
        try:
            if kind == "time":
                found = _time_match(text, m)
            elif kind == "code":
                found = _code_match(text, m)
            elif kind == "zero":
                found = _zero_match(text, m)
            elif kind != "skip":
                found, next_pos = _number_match(text, m.start(), floor, policy)
                next_pos = max(next_pos, m.start() + 1)
        except (ValueError, ArithmeticError, IndexError):   # malformed: skipped, never raised
            found = None
        if found is not None and found.start >= floor:
            matches.append(_cero(found))
            floor = next_pos = max(next_pos, found.end)
        pos = next_pos
    return matches


def parse_figure(surface: str, *, policy: VaguePolicy | None = None) -> Figure | None:
    """The figure of the longest match in a short Spanish phrase, or None."""
    matches = find_figures(surface, policy=policy)
    if not matches:
        return None
    return max(matches, key=lambda m: (m.end - m.start, -m.start)).figure
