"""Spanish: the word lists that map parsed words to claim kinds, canonical subjects and attribution.

Lemmas as es_core_news_sm gives them, each with an example. The kinds and canonical subjects are
the English ones (``kinds.py``, ``lang/en.py``), so that a Spanish claim and an English claim of
one fact can meet. Nothing here is specific to one event, outlet or article.
"""

from __future__ import annotations

# Verb lemma -> claim kind. "murieron cinco personas" -> killed.
KIND_VERBS: dict[str, str] = {
    "morir": "killed",        # "murieron dos policías"
    "fallecer": "killed",     # "fallecieron 12 personas"
    "matar": "killed",        # "mataron a tres manifestantes"
    "asesinar": "killed",     # "fueron asesinados cuatro funcionarios"
    "ejecutar": "killed",     # "ejecutaron a dos rehenes"
    "abatir": "killed",       # "fueron abatidos seis integrantes"
    "masacrar": "killed",     # "siete personas que fueron masacradas"
    "perecer": "killed",      # "perecieron 40 pasajeros"
    "herir": "injured",       # "resultaron heridos 20"
    "lesionar": "injured",    # "ocho funcionarios lesionados"
    "hospitalizar": "injured",  # "12 fueron hospitalizados"
    "detener": "arrested",    # "fueron detenidos 30 manifestantes"
    "arrestar": "arrested",   # "arrestaron a cinco"
    "capturar": "arrested",   # "cinco criminales fueron capturados"
    "aprehender": "arrested", # "aprehendieron a tres sospechosos"
    "apresar": "arrested",    # "apresaron a 11"
    "encarcelar": "arrested", # "encarcelaron a cuatro periodistas"
    "desaparecer": "missing", # "desaparecieron 30 personas"
    "secuestrar": "kidnapped",  # "secuestraron a 12 estudiantes"
    "raptar": "kidnapped",    # "raptaron a dos trabajadores"
    "desplazar": "displaced", # "4.000 familias desplazadas"
    "evacuar": "displaced",   # "evacuaron a 3.000 vecinos"
    "huir": "displaced",      # "10.000 huyeron de los combates"
    "refugiar": "displaced",  # "25 militares se refugiaron en la embajada"
    "rescatar": "rescued",    # "rescataron a 40 personas"
    "desplegar": "troops deployed",  # "desplegaron 500 soldados"
    "movilizar": "troops deployed",  # "movilizaron a 2.000 efectivos"
    "rodear": "troops deployed",    # "500 funcionarios rodearon la zona" (only with troop subjects)
    "cercar": "troops deployed",    # "200 agentes cercaron el barrio"
    "custodiar": "troops deployed", # "300 efectivos custodian la frontera"
    "apostar": "troops deployed",   # "se apostaron 80 policías frente a la sede"
    "acompañar": "troops deployed",  # "40 militares acompañaron al dirigente" (only with troop subjects)
    "escoltar": "troops deployed",   # "30 agentes escoltaron el convoy"
    "enviar": "troops deployed",     # "un millar de efectivos fueron enviados" (only with troop subjects)
    "marchar": "crowd size",  # "marcharon miles de personas"
    "manifestar": "crowd size",  # "se manifestaron 5.000"
    "protestar": "crowd size",  # "protestaron cientos"
    "participar": "crowd size",  # "participaron 1,7 millones"
    "congregar": "crowd size",  # "se congregaron miles"
    "concentrar": "crowd size",  # "se concentraron 20.000 personas"
    "lanzar": "weapons used",  # "lanzaron cuatro granadas"
    "arrojar": "weapons used",  # "arrojaron dos granadas"
    "disparar": "shots fired",  # "dispararon 15 tiros"
}

# Noun (or adjective used as a noun) lemma -> claim kind: "siete muertos", "decenas de heridos".
KIND_NOUNS: dict[str, str] = {
    "muerto": "killed",       # "dejó siete muertos"
    "muerte": "killed",       # "las muertes de dos policías"
    "fallecido": "killed",    # "ningún fallecido"
    "víctima": "killed",      # "cinco víctimas mortales" (see MORTAL_MODIFIERS)
    "cadáver": "killed",      # "hallaron 12 cadáveres"
    "asesinato": "killed",    # "30 asesinatos"
    "herido": "injured",      # "no hubo heridos"
    "lesionado": "injured",   # "20 lesionados"
    "lesión": "injured",      # "sufrió lesiones"
    "detenido": "arrested",   # "50 detenidos"
    "detención": "arrested",  # "la detención de 40 personas"
    "arresto": "arrested",    # "120 arrestos"
    "preso": "arrested",      # "15 presos políticos" (people held)
    "desaparecido": "missing",  # "30 desaparecidos"
    "secuestrado": "kidnapped",  # "12 secuestrados"
    "desplazado": "displaced",  # "4.000 desplazados"
    "evacuado": "displaced",  # "2.000 evacuados"
    "refugiado": "displaced", # "5.000 refugiados"
    "rescatado": "rescued",   # "40 rescatados"
    "asistente": "crowd size",  # "500.000 asistentes"
    "participante": "crowd size",  # "un millón de participantes"
    "granada": "weapons used",  # "cuatro granadas"
    "disparo": "shots fired", # "15 disparos"
    "tiro": "shots fired",    # "15 tiros"
    "balance": "killed",      # "el balance de muertos" (a toll alone is a death toll)
    "captura": "arrested",    # "la captura de cinco sospechosos"
    "desaparición": "missing",  # "la desaparición de 12 pescadores"
    "secuestro": "kidnapped", # "el secuestro de tres trabajadores"
    "rescate": "rescued",     # "el rescate de 40 mineros"
    "evacuación": "displaced",  # "la evacuación de 2.000 vecinos"
}
# Nouns of an event whose "de" object counts the people it happened to: "la detención de cuatro
# periodistas", "la muerte de otros tres soldados" (people only: "la captura de 3 fusiles" is none),
# unless a verb above says it did not happen ("evitó la muerte de 40", "pidió la detención de 12").
HAPPENING_NOUNS = {"muerte", "asesinato", "detención", "arresto", "captura", "desaparición", "secuestro",
                   "rescate", "evacuación"}
UNREALISED_VERBS = {"evitar", "impedir", "prevenir", "pedir", "solicitar", "exigir", "ordenar", "reclamar",
                    "buscar", "intentar", "amenazar", "planear", "negar", "descartar"}

# "víctimas mortales": the modifier that makes a victim a death; nouns that need it.
MORTAL_MODIFIERS = {"mortal", "fatal"}
NEEDS_MORTAL_MODIFIER = {"víctima"}

# An increment, never a total: "cinco personas más", "otras tantas". ("otros cinco heridos" is five
# others, a count of its own, as "five others" is in English.)
INCREMENT_BEFORE: set[str] = set()
INCREMENT_AFTER = {"más"}
# The preposition of a partitive: "dos de ellos", "uno de los heridos".
PARTITIVE_CASES = {"de"}

# Verb-form endings (participles, third-person preterite and present) and the infinitive endings
# they come from, to repair a form the parser lemmatises wrongly ("aprehendidos" as "aprehendir"):
# "aprehend-idos" and "aprehend-ieron" are "aprehender". The longest ending that yields a known
# infinitive wins; a form is never matched by a prefix alone ("apresurados" is not "apresar").
VERB_FORM_ENDINGS = {"ado": "ar", "ada": "ar", "ados": "ar", "adas": "ar",
                     "ido": ("er", "ir"), "ida": ("er", "ir"), "idos": ("er", "ir"), "idas": ("er", "ir"),
                     "aron": "ar", "ó": "ar", "ieron": ("er", "ir"), "ió": ("er", "ir")}

# Feminine endings of lemmas the parser leaves feminine ("detenida"), and their masculine forms.
FEMININE_ENDINGS = {"as": "os", "a": "o"}
# The preposition of a whole a part is found among: "entre los fallecidos figuran dos niños".
AMONG_CASES = {"entre"}

# Deployment verbs whose troops are what is sent, never the senders ("los 40 militares enviaron una
# carta" is no deployment), and those whose troops act themselves, in the active voice only ("40
# militares acompañaron al dirigente", not "acompañados por sus abogados"), never with a relative
# (a possessive object: "acompañaron a su madre").
SENDING_VERBS = {"desplegar", "movilizar", "enviar"}
ESCORT_VERBS = {"acompañar", "escoltar"}
POSSESSIVES = {"su", "sus", "mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras"}

# Verbs of taking to hospital: patients, so injured, but not doctors sent there, nor people taken
# there for a purpose ("para una revisión", "como nuevas empleadas").
HOSPITAL_VERBS = {"trasladar", "ingresar"}
PURPOSE_MARKS = {"para", "como"}

# Verbs whose clock time ("se inició a las 4:00") is when an event started: a "start time" claim.
START_VERBS = {"iniciar", "comenzar", "empezar", "arrancar"}

# The passive: "fueron detenidos por efectivos" (ser + participle; "por" brings the agent).
PASSIVE_AUX = {"ser"}
AGENT_CASES = {"por"}

# Verbs that name a kind only with a noun below them: verb lemma -> {noun lemma: kind}.
KIND_PHRASES: dict[str, dict[str, str]] = {
    "perder": {"vida": "killed"},         # "tres personas perdieron la vida"
    "privar": {"libertad": "arrested"},   # "82 personas quedaron privadas de libertad"
    "privado": {"libertad": "arrested"},  # the participle as the parser may lemmatise it
    "sufrir": {"herida": "injured", "lesión": "injured"},  # "20 agentes sufrieron heridas"
    "trasladar": {"hospital": "injured"},  # "12 personas fueron trasladadas al hospital" (see HOSPITAL_VERBS)
    "ingresar": {"hospital": "injured"},   # "ingresaron en el hospital 30 personas"
}

# Light verbs whose complement names the outcome: "resultaron heridos", "quedaron detenidos".
LIGHT_VERBS = {"resultar", "quedar", "salir", "terminar", "acabar", "dejar", "haber", "registrar", "sufrir",
               "permanecer", "seguir", "continuar"}  # "100 militares permanecen presos", "siguen detenidos"

# Verbs that, with a person subject, report a figure: "informó el ministerio", "dijo Reverol".
ATTRIBUTION_VERBS = {"decir", "informar", "señalar", "indicar", "denunciar", "afirmar", "asegurar",
                     "confirmar", "declarar", "reportar", "explicar", "precisar", "detallar", "anunciar",
                     "añadir", "agregar", "sostener", "estimar", "contabilizar", "cifrar", "publicar"}

# Prepositions that introduce a source: "según el ministerio", "de acuerdo con la fiscalía".
SOURCE_PREPS = {"según"}
SOURCE_PHRASES = (("de", "acuerdo", "con"), ("de", "acuerdo", "a"))

# Noun lemma -> (canonical subject, group): the English ones, so that outlets of both languages meet.
SUBJECTS: dict[str, tuple[str, str]] = {
    "policía": ("police officers", "security forces"),   # "dos policías"
    "agente": ("police officers", "security forces"),    # "tres agentes"
    "funcionario": ("police officers", "security forces"),  # "ocho funcionarios" (of a police body)
    "oficial": ("police officers", "security forces"),   # "el oficial agregado"
    "guardia": ("soldiers", "security forces"),           # "guardias nacionales"
    "militar": ("soldiers", "security forces"),           # "medio centenar de militares"
    "soldado": ("soldiers", "security forces"),           # "25 soldados"
    "efectivo": ("soldiers", "security forces"),          # "500 efectivos"
    "uniformado": ("soldiers", "security forces"),        # "30 uniformados"
    "tropa": ("soldiers", "security forces"),
    "persona": ("people", "people"),                      # "cinco personas"
    "individuo": ("people", "people"),
    "ciudadano": ("people", "people"),
    "civil": ("civilians", "civilians"),                  # "40 civiles"
    "vecino": ("civilians", "civilians"),                 # "3.000 vecinos"
    "habitante": ("civilians", "civilians"),
    "residente": ("civilians", "civilians"),
    "manifestante": ("protesters", "protesters"),        # "12 manifestantes"
    "opositor": ("protesters", "protesters"),
    "estudiante": ("students", "civilians"),
    "niño": ("children", "civilians"),
    "menor": ("children", "civilians"),
    "mujer": ("women", "civilians"),
    "hombre": ("men", "people"),
    "periodista": ("journalists", "journalists"),
    "reportero": ("journalists", "journalists"),
    "preso": ("prisoners", "prisoners"),
    "recluso": ("prisoners", "prisoners"),
    "rehén": ("hostages", "civilians"),
    "peregrino": ("pilgrims", "civilians"),
    "pasajero": ("passengers", "civilians"),
    "trabajador": ("workers", "civilians"),
    "obrero": ("workers", "civilians"),                   # "unos 40 obreros"
    "minero": ("workers", "civilians"),                   # "cinco mineros"
    "bombero": ("firefighters", "rescue workers"),
    "rescatista": ("rescue workers", "rescue workers"),
    "médico": ("medical workers", "civilians"),
    "enfermero": ("medical workers", "civilians"),
    "criminal": ("group members or attackers", "attackers"),  # "cinco criminales"
    "delincuente": ("group members or attackers", "attackers"),
    "terrorista": ("group members or attackers", "attackers"),
    "miembro": ("group members or attackers", "attackers"),   # "siete miembros del grupo"
    "integrante": ("group members or attackers", "attackers"),
    "atacante": ("group members or attackers", "attackers"),
    "rebelde": ("group members or attackers", "attackers"),
    "sospechoso": ("group members or attackers", "attackers"),
    "cómplice": ("group members or attackers", "attackers"),
    "muerto": ("people", "people"),      # "siete muertos": the dead are people
    "herido": ("people", "people"),
    "fallecido": ("people", "people"),
    "lesionado": ("people", "people"),
    "detenido": ("people", "people"),
    "víctima": ("people", "people"),
    # things counted, by their English names: "cuatro granadas" and "four grenades" are one count
    "granada": ("grenade", "other"),
    "bomba": ("bomb", "other"),
    "explosivo": ("explosive", "other"),
    "bala": ("bullet", "other"),
    "disparo": ("shot", "other"),
    "tiro": ("shot", "other"),
    "cohete": ("rocket", "other"),
    "misil": ("missile", "other"),
    "proyectil": ("projectile", "other"),
    "helicóptero": ("helicopter", "other"),
    "vehículo": ("vehicle", "other"),
    "país": ("country", "other"),
}

# States counted by what they did, as the doers: "reconocido por medio centenar de países", "30
# gobiernos respaldaron", "12 países anunciaron sanciones". Lemma -> the action, named in English.
STATE_NOUNS = {"país", "nación", "gobierno"}
STATE_ACTIONS = {"reconocer": "recognising", "apoyar": "supporting", "respaldar": "supporting",
                 "sancionar": "sanctioning", "sanción": "sanctioning", "boicotear": "boycotting",
                 "condenar": "condemning", "ratificar": "ratifying", "firmar": "signing", "expulsar": "expelling",
                 "retirar": "withdrawing"}
ACTION_LIGHT_VERBS = {"imponer", "anunciar", "aplicar", "adoptar", "dar", "ofrecer", "expresar"}

# Nouns of membership whose "de" object names the body they belong to: "500 miembros de los cuerpos de
# seguridad" count security forces, "200 efectivos de la Guardia Nacional" soldiers.
MEMBER_NOUNS = {"miembro", "integrante", "efectivo", "funcionario", "agente", "elemento"}
MEMBER_CASES = {"de", "del"}
# Bodies by their noun lemma: what their members are.
BODIES: dict[str, tuple[str, str]] = {
    "policía": ("police officers", "security forces"),
    "ejército": ("soldiers", "security forces"),
    "armada": ("soldiers", "security forces"),
}
# Generic nouns that name a security body only with one of these words, and never with a private
# one: "cuerpos de seguridad", "fuerzas armadas", "Guardia Nacional" (not "funcionarios de guardia",
# on duty; not "seguridad privada").
FORCE_NOUNS = {"cuerpo", "fuerza", "organismo", "guardia"}
FORCE_WORDS = {"seguridad", "armado", "armada", "policial", "militar", "orden", "nacional", "civil",
               "bolivariano", "bolivariana"}
NOT_FORCE_WORDS = {"privado", "privada"}

# Nouns of a vague or round quantity whose "de" object is what they count: "decenas de heridos",
# "medio centenar de militares", "un total de 30 personas", "una cifra de 40 muertos".
QUANTITY_NOUNS = {"decena", "centenar", "millar", "docena", "veintena", "cientos", "miles", "millón",
                  "total", "cifra", "número", "cantidad", "saldo", "balance", "mil"}

# Nouns of a toll that, as a verb's subject, name what the verb's figure counts: "la cifra de muertos
# ascendió a 40", "el número de detenidos supera los 300". The figure is the verb's object or comes
# after one of TOLL_CASES ("a 40"; "en 5" is a change, "de 30" an earlier figure).
TOLL_NOUNS = {"cifra", "número", "total", "saldo", "balance", "cantidad", "recuento", "conteo"}
TOLL_CASES = {"a"}
# The verbs that give a toll its figure (not "duplica los 20 del año anterior": another figure).
TOLL_VERBS = {"ascender", "llegar", "elevar", "subir", "alcanzar", "superar", "rondar", "situar", "quedar",
              "aumentar", "bajar", "descender", "rebasar", "sobrepasar", "sumar", "totalizar"}

# Verbs of being somewhere: with a place ("se encontraban dentro del túnel", "estaban en la iglesia")
# they count the people present.
PRESENCE_VERBS = {"encontrar", "estar", "hallar", "permanecer"}
PRESENCE_CASES = {"en", "dentro", "a", "bordo"}

# Markers of a figure not stated as fact: "podrían haber muerto", "si hubiera heridos".
HYPOTHETICAL_MARKS = {"si", "como"}
NEGATIONS = {"no", "nunca", "jamás"}
# A time since an event: "a siete años de la masacre", "hace seis meses", "se cumplen cuatro años".
ELAPSED_BEFORE = {"a", "hace"}
ELAPSED_VERBS = {"cumplir"}
MODAL_PERFECT = {"poder", "haber"}  # "pudo haber causado": what could have happened
# Determiners of a named whole in a partitive: "dos de los heridos", "uno de estos".
DEFINITE_DETERMINERS = {"el", "la", "los", "las", "estos", "estas", "esos", "esas", "aquellos"}

# Capitalised words inside Spanish sentences that name no place, group or person.
NOT_NAMES = {
    "el", "la", "los", "las", "un", "una", "unos", "unas", "en", "de", "del", "al", "y", "o", "que",
    "con", "por", "para", "según", "este", "esta", "ese", "esa",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre", "presidente", "ministro", "ministerio", "gobierno",
}
