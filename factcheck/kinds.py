"""The one registry of claim kinds and what each kind is.

Every stage asks this module what a kind is (a casualty toll that runs on over
days, a count of people only, a count of objects used, a measure compared by the
words around it...) instead of keeping a set of its own. It reads nothing and
holds no words of any language: the words that name a kind live in ``lang/``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """What a claim kind counts and how its figures are compared.

    Attributes:
        name: The kind as claims carry it ("killed").
        casualty: Counts people harmed or held; its nouns ("deaths") stand for people.
        running: A running toll: it grows as an event unfolds, so a later higher figure is an update.
        two_way: A running count that also falls (the missing are found, the displaced go home).
        people: Counts people, so a typed count with no known noun counts "people".
        people_only: Its verbs count only people ("drew 20,000 people" is a crowd, "drew 200 comments" not).
        objects: Counts objects used; needs a verb of use ("launched four grenades").
        measure: A physical quantity or amount; figures recur for unrelated things in one story.
        window: A measure embedded with the few words around it, not its whole sentence.
        own_date: Happens on days of its own after the main event (an arrest, an evacuation).
        grouped: Its figures are compared across sentences at all.
        by_action: Counts actors by what they did; its subject names the action ("recognising"
            countries), so states that recognise someone never meet states that send troops.
    """

    name: str
    casualty: bool = False
    running: bool = False
    two_way: bool = False
    people: bool = False
    people_only: bool = False
    objects: bool = False
    measure: bool = False
    window: bool = False
    own_date: bool = False
    grouped: bool = True
    by_action: bool = False


_TOLL = dict(casualty=True, running=True, people=True)
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("killed", **_TOLL),
    Kind("injured", **_TOLL),
    Kind("casualties", **_TOLL),
    Kind("arrested", **_TOLL, own_date=True),
    Kind("missing", **_TOLL, two_way=True),
    Kind("kidnapped", **_TOLL, own_date=True),
    Kind("displaced", **_TOLL, two_way=True, own_date=True),
    Kind("rescued", **_TOLL, people_only=True, own_date=True),
    Kind("crowd size", people=True, people_only=True),
    Kind("people present", people=True, people_only=True),
    Kind("troops deployed", people=True, own_date=True),
    Kind("weapons used", objects=True),
    Kind("shots fired", objects=True),
    Kind("duration", measure=True, window=True),
    Kind("distance", measure=True, window=True),
    Kind("area", measure=True, window=True),
    Kind("weight", measure=True, window=True),
    Kind("money", measure=True),
    Kind("percent", measure=True),
    Kind("measure", measure=True),
    Kind("countries", by_action=True),  # "recognised by more than 50 countries"
    Kind("start time", measure=True, window=True),  # "the raid began at 5 a.m." (unit "clock": seconds since midnight)
    Kind("date"),
    Kind("age", grouped=False),
    Kind("other", grouped=False),
)}


def kind(name: str) -> Kind:
    """The registry entry of a kind; an unknown name is a kind of its own with no properties."""
    return KINDS.get(name) or Kind(name)


def having(prop: str) -> frozenset[str]:
    """The names of the kinds with a property set: ``having("casualty")``."""
    return frozenset(k.name for k in KINDS.values() if getattr(k, prop))


CASUALTY_KINDS = having("casualty")
RUNNING_KINDS = having("running")
TWO_WAY_KINDS = having("two_way")
PEOPLE_KINDS = having("people")
PEOPLE_ONLY_KINDS = having("people_only")
OBJECT_KINDS = having("objects")
MEASURE_KINDS = having("measure")
WINDOW_KINDS = having("window")
OWN_DATE_KINDS = having("own_date")
ACTION_KINDS = having("by_action")
UNGROUPED_KINDS = frozenset(k.name for k in KINDS.values() if not k.grouped)
