"""Context a claim takes from around its figure: event dates, measured words, section claimants, pronouns."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.claims import extract_claims
from factcheck.cluster import claim_text
from factcheck.records import Article

PUBLISHED = date(2025, 3, 14)  # a Friday
TUE, THU = date(2025, 3, 11), date(2025, 3, 13)


def claims_of(nlp, text):
    art = Article(id="a", path="a.txt", outlet="Outlet", published=PUBLISHED, text=text)
    return {c.surface: c for c in extract_claims(art, nlp=nlp)}


@pytest.mark.parametrize("text, surface, when", [
    ("At least 12 people were killed on Tuesday.", "At least 12", TUE),
    ("Fifty people were injured and 11 arrested on Tuesday.", "Fifty", TUE),     # the verbs share the date
    ("Fifty people were injured and 11 arrested on Tuesday.", "11", TUE),
    # a second clause with its own subject keeps its date to itself
    ("It blew out windows seven miles away, and engineers spent Thursday inspecting the bridge.",
     "seven miles", None),
    ("Twelve people died in the blast, and rescuers searched the ruins on Thursday.", "Twelve", None),
    ("Rescuers searched the ruins on Thursday, and said nine people had been found.", "nine", THU),
])
def test_the_date_of_a_claims_event(nlp, text, surface, when):
    c = claims_of(nlp, text)[surface]
    assert (c.event_start, c.event_end) == ((when, when) if when else (None, None)), c.event_surface


@pytest.mark.parametrize("text, surface, words", [
    ("It blew out windows seven miles away, and engineers spent Thursday inspecting the bridge.",
     "seven miles", "It blew out windows seven miles away"),
    ("Gas levels were high; he told everyone within a five-kilometre radius to stay inside.",
     "five-kilometre", "he told everyone within a five-kilometre radius to stay inside."),
    ("The president, who toured the camps on Sunday afternoon, declared two days of curfew starting on "
     "Monday.", "two days", "camps on Sunday afternoon, declared two days of curfew starting on Monday."),
    ("Twelve people died in the blast, and rescuers searched the ruins.", "Twelve",  # a count keeps its sentence
     "Twelve people died in the blast, and rescuers searched the ruins."),
])
def test_a_measure_is_embedded_with_the_words_around_it(nlp, text, surface, words):
    assert claim_text(claims_of(nlp, text)[surface]) == words


@pytest.mark.parametrize("text, surface, claimant", [
    # a compilation's section headers give the claimant of the paragraph that follows
    ("The story so far.\n\nRT reports\n\nAt least 50 people were injured.", "At least 50", "RT"),
    ("The story so far.\n\nThe New York Times:\n\nAt least 50 people were injured.", "At least 50",
     "The New York Times"),
    ("And what were they hoping for? Moon of Alabama:\n\nAt least 30 soldiers were arrested.", "At least 30",
     "Moon of Alabama"),
    ("He said so in the end. He said:\n\nAt least 30 soldiers were arrested.", "At least 30", None),
    ("Comment:\n\nAt least 30 soldiers were arrested.", "At least 30", None),   # the compiler's own voice
    ("Here is what we know as of 6 a.m. Monday:\n\nAt least 30 soldiers were arrested.", "At least 30", None),
    ("The day went on. Key Points:\n\nAt least 30 soldiers were arrested.", "At least 30", None),
    ("A statement was released by the U.S. Embassy:\n\nAt least 30 soldiers were arrested.", "At least 30", None),
])
def test_section_headers_name_the_claimant(nlp, text, surface, claimant):
    assert claims_of(nlp, text)[surface].claimant == claimant


def test_he_stays_the_one_named_before(nlp):
    text = ("Minister for Communications Ernesto Villegas called the incident an attempted coup.\n\n"
            "He said the attackers had launched four grenades. About 15 shots were fired nearby, he said. "
            "Around 80 people were in the building, he said.")
    claims = claims_of(nlp, text)
    assert {claims[s].claimant for s in ("four", "About 15", "Around 80")} == {
        "Minister for Communications Ernesto Villegas"}
