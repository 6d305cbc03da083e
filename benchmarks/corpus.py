"""A synthetic news corpus for the benchmark, built deterministically from a seed value.

Many fictional events (raids, floods, protests, blasts, fires...) in fictional towns, each
covered by several fictional outlets. Every article is composed from templates: a title, a
lede, body paragraphs with attributed figures (killed, injured, arrested, missing, distances,
durations, money), a quote, background, and sometimes page furniture. Figures vary between
outlets the way real coverage does: exact, "at least", "more than", "about", ranges, words,
vague quantities, revised totals. The same seed always writes the same bytes.

    python benchmarks/corpus.py OUT_DIR --articles 1000 --seed 7
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = ["ka", "lo", "mar", "ten", "vi", "sa", "dor", "el", "qu", "ran", "bel", "os", "tri", "na",
             "gor", "ul", "mes", "pa", "zin", "ho", "ar", "fen", "do", "li", "ves", "cor", "an", "bru"]
OUTLET_WORDS = (["Daily", "Morning", "Evening", "National", "Coastal", "Northern", "Free", "Independent",
                 "Central", "Valley", "Metro", "Global"],
                ["Herald", "Tribune", "Courier", "Post", "Sentinel", "Gazette", "Observer", "Times",
                 "Chronicle", "Dispatch", "Ledger", "Monitor", "Wire", "Bulletin"])
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"]

EVENTS = {
    "raid": ("police raid", ["police officers", "suspects", "soldiers"], "an armed group's hideout"),
    "blast": ("explosion", ["people", "civilians", "workers"], "a market"),
    "protest": ("protest", ["protesters", "police officers", "journalists"], "the main square"),
    "flood": ("flood", ["people", "residents", "children"], "the river district"),
    "fire": ("fire", ["people", "firefighters", "residents"], "a textile factory"),
    "clash": ("clash", ["soldiers", "fighters", "civilians"], "the border crossing"),
    "crash": ("train crash", ["passengers", "people", "crew members"], "the northern line"),
}
CLAIMANTS = ["officials said", "the interior ministry said", "police said", "a hospital spokesman said",
             "local health authorities said", "the mayor told reporters", "witnesses said",
             "the army said in a statement", "rescue workers said", "according to the governor's office"]
FILLER = [
    "The area was sealed off for most of the day and traffic was diverted.",
    "Residents described scenes of confusion as emergency vehicles arrived.",
    "The government has promised an investigation into what happened.",
    "Opposition leaders called for an independent inquiry.",
    "It was not immediately clear what caused the {ev}.",
    "Images shared on social media showed damaged buildings and debris in the streets.",
    "Schools in the district will remain closed until further notice.",
    "The {ev} is the worst of its kind in {town} in a decade.",
    "Aid groups said they were sending supplies and medical staff to the area.",
    "Officials urged people to stay away from {place} while the work continued.",
]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _outlets(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"The {rng.choice(OUTLET_WORDS[0])} {rng.choice(OUTLET_WORDS[1])} of {_name(rng, 2)}"
        if name not in names:
            names.append(name)
    return names


def _say(n: int, rng: random.Random, *, start: bool = False) -> str:
    """A figure as an outlet might print it: digits or words, sometimes qualified."""
    style = rng.random()
    if n <= 12 and style < 0.5:
        word = NUMBER_WORDS[n]
    else:
        word = f"{n:,}"
    q = rng.random()
    if q < 0.35:
        text = word
    elif q < 0.6:
        text = f"at least {word}"
    elif q < 0.7:
        text = f"more than {max(n - 1, 1):,}" if n > 2 else word
    elif q < 0.8:
        text = f"about {word}"
    elif q < 0.88 and n >= 4:
        text = f"between {n - 2:,} and {n + 2:,}"
    elif q < 0.94 and n >= 24:
        text = "dozens" if n < 100 else "hundreds"
    else:
        text = f"as many as {word}"
    return text[:1].upper() + text[1:] if start else text


def _event(rng: random.Random, eid: int, day0: date) -> dict:
    kind = rng.choice(sorted(EVENTS))
    noun, subjects, place = EVENTS[kind]
    return {
        "id": eid, "kind": kind, "noun": noun, "subjects": subjects, "place": place,
        "town": _name(rng, rng.choice([2, 3])), "region": _name(rng, 2),
        "day": day0 + timedelta(days=rng.randrange(0, 5 * 365)),
        "killed": rng.choice([1, 2, 2, 3, 4, 5, 7, 9, 12, 15, 21, 30, 48, 75, 120]),
        "injured": rng.choice([3, 5, 8, 11, 14, 20, 27, 40, 59, 80, 150, 300]),
        "arrested": rng.choice([0, 2, 4, 6, 11, 18, 25, 60]),
        "missing": rng.choice([0, 0, 1, 3, 6, 10, 40]),
        "km": rng.choice([5, 12, 30, 80, 150]),
        "hours": rng.choice([2, 3, 5, 8, 12]),
        "money": rng.choice([1.5, 3, 10, 25, 120]),
        "leader": f"{_name(rng, 2)} {_name(rng, 3)}",
    }


def _vary(n: int, rng: random.Random) -> int:
    """Outlets disagree a little, and sometimes a lot."""
    r = rng.random()
    if r < 0.6 or n == 0:
        return n
    if r < 0.85:
        return max(0, n + rng.choice([-2, -1, 1, 2, 3]))
    return max(1, round(n * rng.choice([0.5, 1.5, 2.0])))


def _when(ev: dict, published: date, rng: random.Random) -> str:
    delta = (published - ev["day"]).days
    r = rng.random()
    if delta == 0 and r < 0.5:
        return "today"
    if delta < 7 and r < 0.7:
        return f"on {WEEKDAYS[ev['day'].weekday()]}"
    return f"on {ev['day'].day} {MONTHS[ev['day'].month - 1]}"


def article(ev: dict, outlet: str, rng: random.Random) -> tuple[str, date, str]:
    """One article about an event: (text with front matter, publication date, title)."""
    published = ev["day"] + timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
    subj = rng.choice(ev["subjects"])
    killed, injured = _vary(ev["killed"], rng), _vary(ev["injured"], rng)
    arrested, missing = _vary(ev["arrested"], rng), _vary(ev["missing"], rng)
    when = _when(ev, published, rng)
    town, noun, place = ev["town"], ev["noun"], ev["place"]
    title = rng.choice([
        f"{killed} dead after {noun} in {town}",
        f"{noun.capitalize()} in {town}: death toll rises",
        f"{town} {noun} leaves {subj} dead and injured",
        f"What we know about the {noun} in {town}",
    ])
    paras: list[str] = []
    paras.append(f"{_say(killed, rng, start=True)} {subj} were killed and {_say(injured, rng)} injured in a "
                 f"{noun} at {place} in {town} {when}, {rng.choice(CLAIMANTS)}.")
    if rng.random() < 0.7:
        paras.append(f"The {noun} happened in the {ev['region']} region, about {ev['km']} kilometers from the "
                     f"capital. {rng.choice(FILLER).format(ev=noun, town=town, place=place)}")
    if arrested:
        paras.append(f"Police arrested {_say(arrested, rng)} people in connection with the {noun}, "
                     f"{rng.choice(CLAIMANTS)}. {rng.choice(FILLER).format(ev=noun, town=town, place=place)}")
    if rng.random() < 0.6:
        later = _vary(killed, rng)
        paras.append(f"Later, {rng.choice(CLAIMANTS).replace(' said', '').replace('according to ', '')} "
                     f"said the death toll had risen to {later}, with {_say(injured, rng)} people "
                     f"still in hospital.")
    if missing and rng.random() < 0.7:
        paras.append(f"{_say(missing, rng, start=True)} {'person remains' if missing == 1 else 'people remain'} missing, and rescue teams worked for "
                     f"{ev['hours']} hours to reach them.")
    paras.append(f"\u201cWe heard a loud noise and then everyone was running,\u201d said one resident, who "
                 f"asked not to be named. {rng.choice(FILLER).format(ev=noun, town=town, place=place)}")
    if rng.random() < 0.5:
        paras.append(f"{ev['leader']}, the regional governor, announced ${ev['money']} million in emergency "
                     f"aid and declared three days of mourning.")
    if rng.random() < 0.5:
        paras.append(f"Last year a similar {noun} in the {ev['region']} region killed {_say(rng.randrange(2, 40), rng)} "
                     f"people, and {_say(rng.randrange(2, 30), rng)} were injured, according to local media.")
    for _ in range(rng.randrange(5, 10)):
        paras.append(" ".join(rng.choice(FILLER).format(ev=noun, town=town, place=place)
                              for _ in range(rng.randrange(2, 5))))
    if rng.random() < 0.3:
        paras.insert(1, "Related stories")
    if rng.random() < 0.4:
        paras.insert(rng.randrange(1, len(paras)), "What happened")
    body = "\n\n".join(paras)
    url = f"https://example.invalid/{outlet.split()[-1].lower()}/{ev['id']}-{rng.randrange(10**6)}"
    text = (f"---\noutlet: {outlet}\npublished: {published.isoformat()}\nurl: {url}\n"
            f"title: \"{title}\"\n---\n{title}\n\n{body}\n")
    return text, published, title


# Spanish coverage of the same events: its own outlets and sentences, the same figures.
OUTLETS_ES = (["Diario", "El Correo", "La Voz", "El Heraldo", "Noticias", "El Mundo"],
              ["del Sur", "del Valle", "de la Costa", "Regional", "del Norte", "Central"])
NOUNS_ES = {"raid": ("un", "el", "operativo policial"), "blast": ("una", "la", "explosión"),
            "protest": ("una", "la", "protesta"), "flood": ("una", "la", "inundación"),
            "fire": ("un", "el", "incendio"), "clash": ("un", "el", "enfrentamiento"),
            "crash": ("un", "el", "accidente de tren")}
SUBJECTS_ES = {"police officers": "policías", "suspects": "sospechosos", "soldiers": "militares",
               "people": "personas", "civilians": "civiles", "workers": "trabajadores",
               "protesters": "manifestantes", "journalists": "periodistas", "residents": "vecinos",
               "children": "niños", "firefighters": "bomberos", "fighters": "combatientes",
               "passengers": "pasajeros", "crew members": "tripulantes"}
CLAIMANTS_ES = ["informaron las autoridades", "según el Ministerio de Interior", "informó la policía",
                "de acuerdo con el hospital regional", "según la gobernación", "dijo el alcalde"]
NUMBER_WORDS_ES = ["ningún", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
                   "once", "doce"]
FILLER_ES = [
    "La zona permaneció acordonada durante buena parte del día.",
    "Los vecinos describieron escenas de confusión tras la llegada de las ambulancias.",
    "El gobierno prometió una investigación sobre lo ocurrido.",
    "Dirigentes de la oposición pidieron una investigación independiente.",
    "Las clases en el municipio quedaron suspendidas hasta nuevo aviso.",
    "Organizaciones de ayuda anunciaron el envío de insumos y personal médico.",
]


def _decir(n: int, rng: random.Random) -> str:
    """A figure as a Spanish outlet might print it: words, digits with a dot, or qualified."""
    word = NUMBER_WORDS_ES[n] if 2 <= n <= 12 and rng.random() < 0.5 else f"{n:,}".replace(",", ".")
    q = rng.random()
    if q < 0.5:
        return word
    if q < 0.75:
        return f"al menos {word}"
    if q < 0.85:
        return f"más de {max(n - 1, 1)}" if n > 2 else word
    return f"unos {word}" if n > 2 else word


def article_es(ev: dict, outlet: str, rng: random.Random) -> tuple[str, date, str]:
    """One Spanish article about an event: (text with front matter, publication date, title)."""
    published = ev["day"] + timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
    subj = SUBJECTS_ES[rng.choice(ev["subjects"])]
    killed, injured, arrested = _vary(ev["killed"], rng), _vary(ev["injured"], rng), _vary(ev["arrested"], rng)
    (a, the, noun), town = NOUNS_ES[ev["kind"]], ev["town"]
    when = "este lunes" if rng.random() < 0.3 else f"el {ev['day'].day} de {MESES[ev['day'].month - 1]}"
    title = f"{killed} muertos tras {noun} en {town}"
    paras = [f"{_decir(killed, rng).capitalize()} {subj} murieron y {_decir(injured, rng)} resultaron heridos "
             f"en {a} {noun} en {town} {when}, {rng.choice(CLAIMANTS_ES)}."]
    if arrested:
        paras.append(f"La policía detuvo a {_decir(arrested, rng)} personas relacionadas con {the} {noun}, "
                     f"{rng.choice(CLAIMANTS_ES)}.")
    if rng.random() < 0.6:
        paras.append(f"Más tarde, el balance oficial subió a {_vary(killed, rng)} fallecidos, con "
                     f"{_decir(injured, rng)} personas hospitalizadas.")
    for _ in range(rng.randrange(5, 10)):
        paras.append(" ".join(rng.choice(FILLER_ES) for _ in range(rng.randrange(2, 5))))
    body = "\n\n".join(paras)
    url = f"https://example.invalid/es/{ev['id']}-{rng.randrange(10**6)}"
    text = (f"---\noutlet: {outlet}\npublished: {published.isoformat()}\nurl: {url}\nlang: es\n"
            f"title: \"{title}\"\n---\n{title}\n\n{body}\n")
    return text, published, title


MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]


def generate(folder: Path, articles: int, *, seed: int = 7, spanish: float = 0.0) -> list[Path]:
    """Write ``articles`` files into ``folder`` and return their paths (same seed, same bytes).

    ``spanish`` is the share of articles written in Spanish, by Spanish outlets, about the same events.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    outlets = _outlets(rng, max(8, min(200, articles // 20)))
    outlets_es = [f"{a} {b}" for a in OUTLETS_ES[0] for b in OUTLETS_ES[1]]
    events = [_event(rng, e, date(2015, 1, 1)) for e in range(max(2, articles // 5))]
    paths = []
    for i in range(articles):
        ev = events[rng.randrange(len(events))]
        if rng.random() < spanish:
            text, _, _ = article_es(ev, rng.choice(outlets_es), rng)
        else:
            text, _, _ = article(ev, rng.choice(outlets), rng)
        path = folder / f"a{i:05d}_e{ev['id']:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--spanish", type=float, default=0.0, help="share of articles in Spanish")
    args = parser.parse_args()
    paths = generate(args.out, args.articles, seed=args.seed, spanish=args.spanish)
    print(f"{len(paths)} articles -> {args.out}")


if __name__ == "__main__":
    main()
