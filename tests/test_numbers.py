"""Tests for factcheck.numbers: a golden table, policies, and properties.

The golden table lists, for each sentence fragment, every figure that should come
out of it as (surface, low, high, qualifier, unit, role); the test derives the
offsets from the surfaces. Fragments are written for these tests, in the style of
wire copy.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.numbers import (
    DEFAULT_POLICY,
    POLICIES,
    FigureMatch,
    VaguePolicy,
    find_figures,
    get_policy,
    parse_figure,
)
from factcheck.records import Figure

INF = None  # an unbounded high, as the Figure record spells it

KM, MILE, FT = 1000.0, 1609.344, 0.3048
HOUR, DAY, WEEK, MONTH, YEAR = 3600.0, 86_400.0, 604_800.0, 2_592_000.0, 31_536_000.0


def F(surface, low, high, qualifier="exact", unit=None, role="count"):  # noqa: N802
    """One expected figure, as the golden table spells it."""
    return (surface, low, high, qualifier, unit, role)


# (text, expected figures in order). Every figure found in the text is listed.
GOLDEN: list[tuple[str, list[tuple]]] = [
    # --- digits, separators, decimals, scales
    ("Officials said 2,177 people were injured.", [F("2,177", 2177, 2177)]),
    ("The flood displaced 1.03 million people.", [F("1.03 million", 1_030_000, 1_030_000)]),
    ("Some 240,000 homes lost power.", [F("Some 240,000", 216_000, 264_000, "about")]),
    ("Donors pledged $5 billion for reconstruction.",
     [F("$5 billion", 5e9, 5e9, unit="USD", role="money")]),
    ("The army deployed 12 tanks.", [F("12", 12, 12)]),
    ("A total of 3,400,000 votes were cast.", [F("3,400,000", 3_400_000, 3_400_000)]),
    ("The turnout reached 2.5 million.", [F("2.5 million", 2_500_000, 2_500_000)]),
    ("Police counted 7 bodies.", [F("7", 7, 7)]),
    ("The storm left 1 dead.", [F("1", 1, 1)]),
    ("Ministers approved a £2bn package.", [F("£2bn", 2e9, 2e9, unit="GBP", role="money")]),
    ("The city has 3m residents.", [F("3m", 3e6, 3e6)]),
    ("Debts reached US$3.5 billion.", [F("US$3.5 billion", 3.5e9, 3.5e9, unit="USD", role="money")]),
    ("The ministry counted 15,000 arrests in a year.", [F("15,000", 15_000, 15_000)]),
    ("About 4,500 troops remain.", [F("About 4,500", 4050, 4950, "about")]),
    # --- number words
    ("Thirty two soldiers were wounded.", [F("Thirty two", 32, 32)]),
    ("Fifty-seven civilians were evacuated.", [F("Fifty-seven", 57, 57)]),
    ("thirty-six hostages were freed.", [F("thirty-six", 36, 36)]),
    ("a hundred and two protesters were detained.", [F("a hundred and two", 102, 102)]),
    ("Police arrested a dozen men.", [F("a dozen", 12, 12)]),
    ("One officer was hurt.", [F("One", 1, 1)]),
    ("two journalists were detained.", [F("two", 2, 2)]),
    ("Eleven people were rescued.", [F("Eleven", 11, 11)]),
    ("Rebels freed twenty-one prisoners.", [F("twenty-one", 21, 21)]),
    ("The raid killed three hundred and forty fighters.",
     [F("three hundred and forty", 340, 340)]),
    ("It sheltered two thousand families.", [F("two thousand", 2000, 2000)]),
    ("Nearly a million people fled.", [F("Nearly a million", 900_000, 999_999, "nearly")]),
    ("Half a dozen homes burned.", [F("Half a dozen", 6, 6)]),
    ("Three dozen rockets were fired.", [F("Three dozen", 36, 36)]),
    ("Half a million refugees crossed.", [F("Half a million", 500_000, 500_000)]),
    ("Seven of the nine judges agreed.", [F("Seven", 7, 7), F("nine", 9, 9)]),
    ("ninety-nine people were hurt.", [F("ninety-nine", 99, 99)]),
    ("Four million people voted.", [F("Four million", 4_000_000, 4_000_000)]),
    # --- vague quantities (conservative policy)
    ("Several people were hurt.", [F("Several", 3, 9, "vague")]),
    ("a few protesters remained.", [F("a few", 2, 5, "vague")]),
    ("A handful of soldiers stayed.", [F("A handful", 2, 5, "vague")]),
    ("a couple of journalists were detained.", [F("a couple", 2, 3, "vague")]),
    ("Many were hurt in the stampede.", [F("Many", 3, INF, "vague")]),
    ("Dozens were killed in the blast.", [F("Dozens", 12, 99, "vague")]),
    ("a few dozen protesters gathered.", [F("a few dozen", 24, 60, "vague")]),
    ("Scores of homes were flattened.", [F("Scores", 20, 199, "vague")]),
    ("Hundreds fled the village.", [F("Hundreds", 100, 999, "vague")]),
    ("A couple hundred people marched.", [F("A couple hundred", 200, 300, "vague")]),
    ("Thousands marched on Sunday.", [F("Thousands", 1000, 9999, "vague")]),
    ("Tens of thousands were displaced.", [F("Tens of thousands", 10_000, 99_999, "vague")]),
    ("Hundreds of thousands lack water.",
     [F("Hundreds of thousands", 100_000, 999_999, "vague")]),
    ("Millions watched the address.", [F("Millions", 1_000_000, 999_999_999, "vague")]),
    ("Several hundred soldiers deployed.", [F("Several hundred", 300, 900, "vague")]),
    ("a few thousand supporters cheered.", [F("a few thousand", 2000, 5000, "vague")]),
    ("Tens of people gathered.", [F("Tens", 10, 99, "vague")]),
    ("At least dozens died.", [F("At least dozens", 12, INF, "at least")]),
    ("Numerous arrests followed.", [F("Numerous", 3, INF, "vague")]),
    ("How many died is unclear.", []),
    ("The team scores often.", []),
    ("A couple from Ohio was hurt.", []),
    ("It cost millions of dollars.",
     [F("millions of dollars", 1e6, 999_999_999, "vague", "USD", "money")]),
    ("They walked hundreds of miles.",
     [F("hundreds of miles", 100 * MILE, 999 * MILE, "vague", "m", "measure")]),
    ("It took several days.", [F("several days", 3 * DAY, 9 * DAY, "vague", "s", "measure")]),
    # --- qualifiers
    ("At least 59 people died.", [F("At least 59", 59, INF, "at least")]),
    ("no fewer than 12 were hurt.", [F("no fewer than 12", 12, INF, "at least")]),
    ("no less than 40 people", [F("no less than 40", 40, INF, "at least")]),
    ("a minimum of 30 officers", [F("a minimum of 30", 30, INF, "at least")]),
    ("more than 200 people", [F("more than 200", 201, INF, "more than")]),
    ("over 1,000 people", [F("over 1,000", 1001, INF, "more than")]),
    ("well over 500 arrests", [F("well over 500", 501, INF, "more than")]),
    ("above 90 deaths", [F("above 90", 91, INF, "more than")]),
    ("upwards of 300 troops", [F("upwards of 300", 301, INF, "more than")]),
    ("in excess of 5,000 votes", [F("in excess of 5,000", 5001, INF, "more than")]),
    ("more than 80 km", [F("more than 80 km", 80_000, INF, "more than", "m", "measure")]),
    ("nearly 40 people", [F("nearly 40", 36, 39, "nearly")]),
    ("almost 2,000 migrants", [F("almost 2,000", 1800, 1999, "nearly")]),
    ("just under 100 votes", [F("just under 100", 90, 99, "nearly")]),
    ("about 300 people", [F("about 300", 270, 330, "about")]),
    ("around 50 homes", [F("around 50", 45, 55, "about")]),
    ("some 50 people", [F("some 50", 45, 55, "about")]),
    ("roughly 10 boats", [F("roughly 10", 9, 11, "about")]),
    ("approximately 1,200 residents", [F("approximately 1,200", 1080, 1320, "about")]),
    ("an estimated 5,000 fighters", [F("an estimated 5,000", 4500, 5500, "about")]),
    ("close to 70 people", [F("close to 70", 63, 77, "about")]),
    ("as many as 10 people", [F("as many as 10", 1, 10, "as many as")]),
    ("up to 15 people", [F("up to 15", 0, 15, "up to")]),
    ("at most 20 seats", [F("at most 20", 0, 20, "up to")]),
    ("no more than 20 people", [F("no more than 20", 0, 20, "up to")]),
    ("fewer than 100 people", [F("fewer than 100", 0, 99, "fewer than")]),
    ("less than 50 people", [F("less than 50", 0, 49, "fewer than")]),
    ("under 18 people", [F("under 18", 0, 17, "fewer than")]),
    ("At least two people died.", [F("At least two", 2, INF, "at least")]),
    ("more than a dozen soldiers", [F("more than a dozen", 13, INF, "more than")]),
    ("nearly a dozen soldiers", [F("nearly a dozen", 10, 11, "nearly")]),
    ("about a dozen boats", [F("about a dozen", 10, 14, "about")]),
    ("50 or more people", [F("50 or more", 50, INF, "at least")]),
    ("20 or so people", [F("20 or so", 18, 22, "about")]),
    ("a crowd of 500+ people", [F("500+", 500, INF, "at least")]),
    ("about 5.5 km", [F("about 5.5 km", 4950, 6050, "about", "m", "measure")]),
    ("less than 5% of voters", [F("less than 5%", 0, 5, "fewer than", "%", "percent")]),
    ("nearly 80 km", [F("nearly 80 km", 72_000, 80_000, "nearly", "m", "measure")]),
    ("more than $5 million", [F("more than $5 million", 5e6, INF, "more than", "USD", "money")]),
    # --- ranges
    ("between 30 and 35 people", [F("between 30 and 35", 30, 35, "range")]),
    ("10-15 people were killed", [F("10-15", 10, 15, "range")]),
    ("10 to 15 people", [F("10 to 15", 10, 15, "range")]),
    ("from 8 to 16 people", [F("from 8 to 16", 8, 16, "range")]),
    ("8 to 16 people", [F("8 to 16", 8, 16, "range")]),
    ("between thirty and forty", [F("between thirty and forty", 30, 40, "range")]),
    ("2 to 3 million people", [F("2 to 3 million", 2e6, 3e6, "range")]),
    ("10,000-15,000 protesters", [F("10,000-15,000", 10_000, 15_000, "range")]),
    ("10–15 killed", [F("10–15", 10, 15, "range")]),
    ("10-15% of the vote", [F("10-15%", 10, 15, "range", "%", "percent")]),
    ("between 5 and 10 km", [F("between 5 and 10 km", 5000, 10_000, "range", "m", "measure")]),
    ("$5-10 million", [F("$5-10 million", 5e6, 10e6, "range", "USD", "money")]),
    ("about 10-15 people", [F("about 10-15", 9, 17, "about")]),
    ("The final ended 3-1.", [F("3", 3, 3), F("1", 1, 1)]),
    ("five to six hours", [F("five to six hours", 5 * HOUR, 6 * HOUR, "range", "s", "measure")]),
    # --- alternatives
    ("one or two people", [F("one or two", 1, 2, "or")]),
    ("50 or 59 people", [F("50 or 59", 50, 59, "or")]),
    ("two or three dozen", [F("two or three dozen", 24, 36, "or")]),
    ("five or six children", [F("five or six", 5, 6, "or")]),
    # --- zeros
    ("No one was hurt.", [F("No one", 0, 0, role="zero")]),
    ("no one died", [F("no one", 0, 0, role="zero")]),
    ("Nobody was arrested.", [F("Nobody", 0, 0, role="zero")]),
    ("none of the hostages", [F("none", 0, 0, role="zero")]),
    ("zero casualties", [F("zero", 0, 0, role="zero")]),
    ("no deaths were reported", [F("no", 0, 0, role="zero")]),
    ("No injuries were reported.", [F("No", 0, 0, role="zero")]),
    ("It is no longer safe.", []),
    ("There is no doubt.", []),
    # --- units
    ("a convoy of 80 km", [F("80 km", 80_000, 80_000, unit="m", role="measure")]),
    ("a 5km stretch", [F("5km", 5000, 5000, unit="m", role="measure")]),
    ("80 kilometers (50 miles) north",
     [F("80 kilometers", 80_000, 80_000, unit="m", role="measure"),
      F("50 miles", 50 * MILE, 50 * MILE, unit="m", role="conversion")]),
    ("50 miles (80 km) away",
     [F("50 miles", 50 * MILE, 50 * MILE, unit="m", role="measure"),
      F("80 km", 80_000, 80_000, unit="m", role="conversion")]),
    ("300 metres from the border", [F("300 metres", 300, 300, unit="m", role="measure")]),
    ("a 30-foot wall", [F("30-foot", 30 * FT, 30 * FT, unit="m", role="measure")]),
    ("100 yards away", [F("100 yards", 91.44, 91.44, unit="m", role="measure")]),
    ("500 square kilometres burned",
     [F("500 square kilometres", 5e8, 5e8, unit="m2", role="measure")]),
    ("40 square miles", [F("40 square miles", 40 * 2_589_988.110336, 40 * 2_589_988.110336,
                           unit="m2", role="measure")]),
    ("5,000 hectares of forest", [F("5,000 hectares", 5e7, 5e7, unit="m2", role="measure")]),
    ("12 acres of farmland", [F("12 acres", 12 * 4046.8564224, 12 * 4046.8564224,
                                unit="m2", role="measure")]),
    ("a 48-hour ceasefire", [F("48-hour", 48 * HOUR, 48 * HOUR, unit="s", role="measure")]),
    ("forty five minutes later", [F("forty five minutes", 2700, 2700, unit="s", role="measure")]),
    ("for three days", [F("three days", 3 * DAY, 3 * DAY, unit="s", role="measure")]),
    ("two weeks of talks", [F("two weeks", 2 * WEEK, 2 * WEEK, unit="s", role="measure")]),
    ("six months in jail", [F("six months", 6 * MONTH, 6 * MONTH, unit="s", role="measure")]),
    ("a 10-year sentence", [F("10-year", 10 * YEAR, 10 * YEAR, unit="s", role="measure")]),
    ("30 seconds of footage", [F("30 seconds", 30, 30, unit="s", role="measure")]),
    ("fighting over three days", [F("three days", 3 * DAY, 3 * DAY, unit="s", role="measure")]),
    ("defending it for over four hours", [F("over four hours", 4 * HOUR, None, "more than", unit="s",
                                            role="measure")]),
    ("20 tonnes of aid", [F("20 tonnes", 20_000, 20_000, unit="kg", role="measure")]),
    ("500 kg of explosives", [F("500 kg", 500, 500, unit="kg", role="measure")]),
    ("a 200-pound bomb", [F("200-pound", 90.718474, 90.718474, unit="kg", role="measure")]),
    ("He was fined 500 pounds.", [F("500 pounds", 500, 500, unit="GBP", role="money")]),
    ("5 million dollars in aid", [F("5 million dollars", 5e6, 5e6, unit="USD", role="money")]),
    ("€3 million in fines", [F("€3 million", 3e6, 3e6, unit="EUR", role="money")]),
    ("a £2 fee", [F("£2", 2, 2, unit="GBP", role="money")]),
    ("3 million euros", [F("3 million euros", 3e6, 3e6, unit="EUR", role="money")]),
    ("$50k in cash", [F("$50k", 50_000, 50_000, unit="USD", role="money")]),
    ("$5m settlement", [F("$5m", 5e6, 5e6, unit="USD", role="money")]),
    ("USD 40 million", [F("USD 40 million", 4e7, 4e7, unit="USD", role="money")]),
    ("10 billion yuan", [F("10 billion yuan", 1e10, 1e10, unit="CNY", role="money")]),
    ("$5 million ($4.6 million after tax)",
     [F("$5 million", 5e6, 5e6, unit="USD", role="money"),
      F("$4.6 million", 4.6e6, 4.6e6, unit="USD", role="conversion")]),
    ("Turnout was 64%.", [F("64%", 64, 64, unit="%", role="percent")]),
    ("rose 12 per cent", [F("12 per cent", 12, 12, unit="%", role="percent")]),
    ("fell 3.5 percent", [F("3.5 percent", 3.5, 3.5, unit="%", role="percent")]),
    ("winds of 120 km/h", [F("120 km/h", 120 / 3.6, 120 / 3.6, unit="m/s", role="measure")]),
    ("a 100m sprint", [F("100m", 100, 100, unit="m", role="measure")]),
    # --- clock times
    ("The blast hit at 2.15pm.", [F("2.15pm", 14 * HOUR + 900, 14 * HOUR + 900, unit="s",
                                    role="time")]),
    ("Talks began at 13:00.", [F("13:00", 13 * HOUR, 13 * HOUR, unit="s", role="time")]),
    ("at 15:00 UTC on Monday", [F("15:00 UTC", 15 * HOUR, 15 * HOUR, unit="s", role="time")]),
    ("around 10 a.m. local time", [F("10 a.m. local time", 10 * HOUR, 10 * HOUR, unit="s",
                                     role="time")]),
    ("at 9pm", [F("9pm", 21 * HOUR, 21 * HOUR, unit="s", role="time")]),
    ("at 12am", [F("12am", 0, 0, unit="s", role="time")]),
    # --- years
    ("In 2015, protests spread.", [F("2015", 2015, 2015, role="year")]),
    ("the 2015 action film", [F("2015", 2015, 2015, role="year")]),
    ("since 1990 the town has grown", [F("1990", 1990, 1990, role="year")]),
    ("in 2015 protests erupted", [F("2015", 2015, 2015, role="year")]),
    ("the 2014-15 season", [F("2014-15", 2014, 2015, "range", role="year")]),
    ("between 2010 and 2015", [F("between 2010 and 2015", 2010, 2015, "range", role="year")]),
    ("in the 1990s", [F("1990s", 1990, 1999, "range", role="year")]),
    ("2000 people gathered", [F("2000", 2000, 2000)]),
    ("about 2000 people", [F("about 2000", 1800, 2200, "about")]),
    ("2,015 people were counted", [F("2,015", 2015, 2015)]),
    ("mid-2015", [F("2015", 2015, 2015, role="year")]),
    # --- ages
    ("the 36-year-old was arrested", [F("36-year-old", 36, 36, role="age")]),
    ("a 22-year-old protester", [F("22-year-old", 22, 22, role="age")]),
    ("a man aged 40", [F("aged 40", 40, 40, role="age")]),
    ("a Fifty-seven-year-old man", [F("Fifty-seven-year-old", 57, 57, role="age")]),
    ("he is 70 years old", [F("70 years old", 70, 70, role="age")]),
    ("aged between 18 and 25", [F("aged between 18 and 25", 18, 25, "range", role="age")]),
    ("a man in his 30s", [F("30s", 30, 39, "range", role="age")]),
    ("two 19-year-olds were held", [F("two", 2, 2), F("19-year-olds", 19, 19, role="age")]),
    # --- names and codes
    ("under Article 350 of the constitution", [F("Article 350", 350, 350, role="name")]),
    ("Section 5 of the act", [F("Section 5", 5, 5, role="name")]),
    ("Resolution 2334 was adopted", [F("Resolution 2334", 2334, 2334, role="name")]),
    ("armed with AK-103 rifles", [F("AK-103", 103, 103, role="name")]),
    ("an M4 carbine", [F("M4", 4, 4, role="name")]),
    ("Flight 17 was shot down", [F("Flight 17", 17, 17, role="name")]),
    ("No. 5 bus", [F("No. 5", 5, 5, role="name")]),
    ("Route 66", [F("Route 66", 66, 66, role="name")]),
    ("a Boeing 737 jet", [F("Boeing 737", 737, 737, role="name")]),
    ("the COVID-19 pandemic", [F("COVID-19", 19, 19, role="name")]),
    ("the G20 summit", [F("G20", 20, 20, role="name")]),
    ("Flight MH17", [F("MH17", 17, 17, role="name")]),
    ("F-16 jets", [F("F-16", 16, 16, role="name")]),
    ("Number 10 said", [F("Number 10", 10, 10, role="name")]),
    # --- ordinals and calendar dates are not figures
    ("the first attack", []),
    ("the 5th brigade", []),
    ("the 1st battalion", []),
    ("the twenty-first century", []),
    ("the 21st century", []),
    ("On June 27 the army withdrew.", []),
    ("On 27 June the army withdrew.", []),
    ("by July 30th", []),
    ("on 1st May 2019", [F("2019", 2019, 2019, role="year")]),
    ("On June 27, 2015, 12 people died.",
     [F("2015", 2015, 2015, role="year"), F("12", 12, 12)]),
    ("in June 2015", [F("2015", 2015, 2015, role="year")]),
    ("on 2015-06-27", []),
    ("on 27/06/2015", []),
    ("two-thirds of voters", []),
    ("around the clock, 24/7", []),
    # --- realistic sentences with several figures
    ("At least 59 people were killed and more than 200 injured, officials said.",
     [F("At least 59", 59, INF, "at least"), F("more than 200", 201, INF, "more than")]),
    ("Police said 12 people died, but medics put the toll at 15.",
     [F("12", 12, 12), F("15", 15, 15)]),
    ("The 36-year-old was one of 14 people arrested at 2.15pm.",
     [F("36-year-old", 36, 36, role="age"), F("one", 1, 1), F("14", 14, 14),
      F("2.15pm", 14 * HOUR + 900, 14 * HOUR + 900, unit="s", role="time")]),
    ("Between 30 and 35 bodies were recovered from a 3km stretch of river.",
     [F("Between 30 and 35", 30, 35, "range"),
      F("3km", 3000, 3000, unit="m", role="measure")]),
    ("A couple hundred people marched 5 miles in 2015.",
     [F("A couple hundred", 200, 300, "vague"),
      F("5 miles", 5 * MILE, 5 * MILE, unit="m", role="measure"),
      F("2015", 2015, 2015, role="year")]),
    ("The strike killed 50 or 59 people, and no one claimed it.",
     [F("50 or 59", 50, 59, "or"), F("no one", 0, 0, role="zero")]),
    ("Thousands of people fled as many as 40 villages.",
     [F("Thousands", 1000, 9999, "vague"), F("as many as 40", 1, 40, "as many as")]),
    # --- ratios, temperatures, magnitudes, indices
    ("Nearly 1 in 5 voters backed him.", [F("Nearly 1 in 5", 18, 20, "nearly", "%", "percent")]),
    ("one in every ten homes", [F("one in every ten", 10, 10, unit="%", role="percent")]),
    ("Temperatures hit 45C.", [F("45C", 45, 45, unit="°C", role="measure")]),
    ("a magnitude 7.8 earthquake", [F("7.8", 7.8, 7.8, unit="magnitude", role="measure")]),
    ("a 5.5-magnitude quake", [F("5.5-magnitude", 5.5, 5.5, unit="magnitude", role="measure")]),
    ("The FTSE 100 rose 1.2%.", [F("FTSE 100", 100, 100, role="name"),
                                  F("1.2%", 1.2, 1.2, unit="%", role="percent")]),
    ("the 4x100m relay", []),
    # --- more times, ages and idioms
    ("between 2 and 3pm", [F("between 2 and 3pm", 14 * HOUR, 15 * HOUR, "range", "s", "time")]),
    ("UPDATE 1st May 2019 13:00: crowds", [F("2019", 2019, 2019, role="year"),
                                           F("13:00", 13 * HOUR, 13 * HOUR, unit="s",
                                             role="time")]),
    ("John Smith, 45, was arrested.", [F("45", 45, 45, role="age")]),
    ("a 6-month-old baby", [F("6-month-old", 0.5, 0.5, role="age")]),
    ("a one-off payment", []),
    ("a five-star hotel", []),
    ("One by one, officials fled.", []),
    ("The vote was 52% to 48%.", [F("52%", 52, 52, unit="%", role="percent"),
                                  F("48%", 48, 48, unit="%", role="percent")]),
    ("the toll fell from 16 to 8", [F("from 16 to 8", 8, 16, "range")]),
    ("a truck ran over several people", [F("several", 3, 9, "vague")]),
    ("there weren't that many thousands",
     [F("many thousands", 1000, 9999, "vague")]),
    ("The 2,000-strong force", [F("2,000", 2000, 2000)]),
    ("after more than six months on the run",
     [F("more than six months", 6 * MONTH, INF, "more than", "s", "measure")]),
    ("below 26,000 feet", [F("below 26,000 feet", 0, 26_000 * FT, "fewer than", "m",
                             "measure")]),
    ("the 30 or so men on the bridge", [F("30 or so", 27, 33, "about")]),
    ("a budget of 1e9 units", []),                 # scientific notation is not a bare "1"
    ("", []),
]

# Classes added for the peer benchmark (benchmarks/peer_numbers.py); sentences written here.
GOLDEN_MORE: list[tuple[str, list[tuple]]] = [
    # --- halves and quarters, alone and with scale words
    ("The siege lasted four and a half hours.",
     [F("four and a half hours", 4.5 * HOUR, 4.5 * HOUR, unit="s", role="measure")]),
    ("Officials expect two and a half million visitors.",
     [F("two and a half million", 2_500_000, 2_500_000)]),
    ("Some 3 and a half thousand tents arrived.",
     [F("Some 3 and a half thousand", 3150, 3850, "about")]),
    ("The region has 4 million and a half residents.",
     [F("4 million and a half", 4_500_000, 4_500_000)]),
    ("The fund holds two million and one half in reserve.",
     [F("two million and one half", 2_500_000, 2_500_000)]),
    ("Exports reached one billion and a quarter million units.",
     [F("one billion and a quarter million", 1_000_250_000, 1_000_250_000)]),
    ("Half million voters stayed home.", [F("Half million", 500_000, 500_000)]),
    ("A quarter million people signed.", [F("A quarter million", 250_000, 250_000)]),
    ("They waited one and a half days.",
     [F("one and a half days", 1.5 * DAY, 1.5 * DAY, unit="s", role="measure")]),
    # --- dozens, lakh and crore
    ("Rescuers found 4 dozens of eggs.", [F("4 dozens", 48, 48)]),
    ("Farmers sold five dozens of mangoes.", [F("five dozens", 60, 60)]),
    ("The scheme reached 13 lakh farmers.", [F("13 lakh", 1_300_000, 1_300_000)]),
    ("The state spent 2 crore on roads.", [F("2 crore", 20_000_000, 20_000_000)]),
    ("A package of three lakh crore was announced.",
     [F("three lakh crore", 3e12, 3e12)]),
    ("₹500 crore was sanctioned.", [F("₹500 crore", 5e9, 5e9, unit="INR", role="money")]),
    # --- digit grouping and suffixes
    ("The census counted 1 302 455 people.", [F("1 302 455", 1_302_455, 1_302_455)]),
    ("Turnout was 48\u202f000 voters.", [F("48\u202f000", 48_000, 48_000)]),
    ("The screen showed 423 0000 at dawn.", [F("423", 423, 423), F("0000", 0, 0)]),
    ("The fund is worth 45,67,890 rupees.",
     [F("45,67,890 rupees", 4_567_890, 4_567_890, unit="INR", role="money")]),
    ("The club paid 25M for the striker.", [F("25M", 25e6, 25e6)]),
    ("The deal is valued at 3.4b.", [F("3.4b", 3.4e9, 3.4e9)]),
    ("Startups raised 40k in grants.", [F("40k", 40_000, 40_000)]),
    ("The firm reported 2 bln in sales.", [F("2 bln", 2e9, 2e9)]),
    ("The target is US$ 5MM.", [F("US$ 5MM", 5e6, 5e6, unit="USD", role="money")]),
    ("a 400 m stretch of road", [F("400 m", 400, 400, unit="m", role="measure")]),
    ("a 3 hundred and 12 strong crowd", [F("3 hundred and 12", 312, 312)]),
    ("twenty-two trillion in debt", [F("twenty-two trillion", 22e12, 22e12)]),
    ("the rate was two point five", [F("two point five", 2.5, 2.5)]),
    # --- unknown letters glued to digits, codes and phone numbers are not figures
    ("a new 5G network", []),
    ("a 180ml bottle", []),
    ("Call +44-20-7946-0958 for details.", []),
    ("Call 555-123-4567 now.", []),
    ("Scores were nought.", [F("nought", 0, 0, role="zero")]),
    ("It was all for naught.", []),
    # --- the pronoun "one" is not a figure; the numeral "one" is
    ("The one that survived was a child.", []),
    ("Which one is correct?", []),
    ("Each one was checked.", []),
    ("The new one opened.", []),
    ("That one was spared.", []),
    ("Police said that one person died.", [F("one", 1, 1)]),
    ("One of them was killed.", [F("One", 1, 1)]),
    ("Only one was found.", [F("one", 1, 1)]),
    # --- bounds after the number
    ("50 or more people were hurt.", [F("50 or more", 50, INF, "at least")]),
    ("300 and more families fled.", [F("300 and more", 300, INF, "at least")]),
    ("children aged 12 and under", [F("aged 12 and under", 0, 12, "up to", role="age")]),
    ("people aged 65 or over", [F("aged 65 or over", 65, INF, "at least", role="age")]),
    ("200 or fewer seats", [F("200 or fewer", 0, 200, "up to")]),
    ("a score of 90 or greater", [F("90 or greater", 90, INF, "at least")]),
    ("12 and under the rubble", [F("12", 12, 12)]),
    ("about 400 or more protesters", [F("400 or more", 400, INF, "at least")]),
    # --- comparatives before the number
    ("Losses exceeded 3,000.", [F("exceeded 3,000", 3001, INF, "more than")]),
    ("turnout surpassing 70%", [F("surpassing 70%", 70, INF, "more than", "%", "percent")]),
    ("greater than or equal to 18 votes", [F("greater than or equal to 18", 18, INF, "at least")]),
    ("less than or equal to 40 cases", [F("less than or equal to 40", 0, 40, "up to")]),
    ("equal to or more than 30 seats", [F("equal to or more than 30", 30, INF, "at least")]),
    ("more than 5,000 or equal to it", [F("more than 5,000 or equal to", 5000, INF,
                                         "at least")]),
    ("the toll is higher than 60", [F("higher than 60", 61, INF, "more than")]),
    ("a group smaller than 15", [F("smaller than 15", 0, 14, "fewer than")]),
    ("He is more than forty years old.",
     [F("more than forty years old", 41, INF, "more than", role="age")]),
    # --- two bounds stated apart make one range
    ("more than 20 and fewer than 50 people",
     [F("more than 20 and fewer than 50", 21, 49, "range")]),
    ("no more than 80 and no less than 60 seats",
     [F("no more than 80 and no less than 60", 60, 80, "range")]),
    ("above 2,000 but below 2,500 troops",
     [F("above 2,000 but below 2,500", 2001, 2499, "range")]),
    ("more than 40 and fewer than 10 were counted",   # contradictory: two figures
     [F("more than 40", 41, INF, "more than"), F("fewer than 10", 0, 9, "fewer than")]),
    ("more than 20 people were killed and fewer than 50 injured",
     [F("more than 20", 21, INF, "more than"), F("fewer than 50", 0, 49, "fewer than")]),
    # --- between / from / through
    ("between 40 and 60 people", [F("between 40 and 60", 40, 60, "range")]),
    ("from two thousand to two thousand and five hundred",
     [F("from two thousand to two thousand and five hundred", 2000, 2500, "range")]),
    ("pages 20 through 45", [F("20 through 45", 20, 45, "range")]),
    ("a 5k-10k budget", [F("5k-10k", 5000, 10_000, "range")]),
]


def _as_tuple(m: FigureMatch) -> tuple:
    f = m.figure
    return (m.surface, f.low, f.high, f.qualifier, f.unit, m.role)


def _approx_row(row: tuple) -> tuple:
    surface, low, high, qualifier, unit, role = row
    return (surface, pytest.approx(low, rel=1e-9), None if high is None else
            pytest.approx(high, rel=1e-9), qualifier, unit, role)


@pytest.mark.parametrize(("text", "expected"), GOLDEN + GOLDEN_MORE,
                         ids=[t[:40] or "empty" for t, _ in GOLDEN + GOLDEN_MORE])
def test_golden(text: str, expected: list[tuple]) -> None:
    matches = find_figures(text)
    assert [_as_tuple(m) for m in matches] == [_approx_row(row) for row in expected]
    for m in matches:
        assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize(("text", "alternatives"), [
    ("one or two people", (1, 2)),
    ("50 or 59 people", (50, 59)),
    ("59 or 50 people", (59, 50)),
    ("two or three dozen", (24, 36)),
])
def test_alternatives_are_kept(text: str, alternatives: tuple) -> None:
    (m,) = find_figures(text)
    assert m.figure.alternatives == alternatives
    assert m.figure.low == min(alternatives) and m.figure.high == max(alternatives)


@pytest.mark.parametrize(("text", "vague"), [
    ("dozens", True), ("at least dozens", True), ("a dozen", False), ("12", False),
    ("a few dozen", True), ("hundreds of thousands", True), ("between 3 and 5", False),
])
def test_vague_flag(text: str, vague: bool) -> None:
    (m,) = find_figures(text)
    assert m.figure.vague is vague


@pytest.mark.parametrize(("text", "number"), [
    ("between 30 and 35 people", "35"),
    ("at least 59", "59"),
    ("$1.03 million", "1.03 million"),
    ("a hundred and two", "a hundred and two"),
    ("80 km", "80"),
    ("the 36-year-old", "36"),
    ("Article 350", "350"),
    ("no one", "no one"),
])
def test_number_span(text: str, number: str) -> None:
    (m,) = find_figures(text)
    assert text[m.number_start:m.number_end] == number


@pytest.mark.parametrize("text", [
    "Lede: 12 people died. Body: later, 12 people died.",
])
def test_repeated_figures_keep_their_own_offsets(text: str) -> None:
    first, second = find_figures(text)
    assert first.surface == second.surface == "12"
    assert first.start == text.index("12") and second.start == text.rindex("12")


# --------------------------------------------------------------------------- policies


@pytest.mark.parametrize(("term", "conservative", "crowd"), [
    ("hundreds", (100, 999), (200, 999)),
    ("thousands", (1000, 9999), (2000, 9999)),
    ("dozens", (12, 99), (24, 99)),
    ("tens of thousands", (10_000, 99_999), (20_000, 99_999)),
])
def test_policies_differ(term: str, conservative: tuple, crowd: tuple) -> None:
    c = parse_figure(term, policy=get_policy("conservative"))
    w = parse_figure(term, policy=get_policy("crowd"))
    assert (c.low, c.high) == conservative
    assert (w.low, w.high) == crowd
    assert c.vague and w.vague


@pytest.mark.parametrize("name", ["conservative", "crowd"])
def test_policy_tables_are_sane(name: str) -> None:
    policy = get_policy(name)
    assert policy.name == name and policy.description
    assert set(POLICIES[DEFAULT_POLICY].table) <= set(policy.table)
    for term, (low, high) in policy.table.items():
        assert high is None or low <= high, term
    assert policy.table["dozens"][1] < 100


@pytest.mark.parametrize("name", ["bogus", "", "Crowd"])
def test_get_policy_names_the_options(name: str) -> None:
    with pytest.raises(ValueError, match="conservative") as err:
        get_policy(name)
    assert "crowd" in str(err.value)


@pytest.mark.parametrize("default", [DEFAULT_POLICY])
def test_default_policy_is_conservative(default: str) -> None:
    assert default == "conservative"
    assert find_figures("hundreds")[0].figure == find_figures(
        "hundreds", policy=get_policy("conservative"))[0].figure


@pytest.mark.parametrize("table", [{"hundreds": (150.0, 999.0)}])
def test_custom_policy(table: dict) -> None:
    policy = VaguePolicy("custom", "test policy", table)
    assert parse_figure("hundreds", policy=policy).low == 150
    assert parse_figure("dozens", policy=policy).low == 12   # falls back to the default


# --------------------------------------------------------------------------- parse_figure


@pytest.mark.parametrize(("phrase", "figure"), [
    ("at least 59", Figure(59, None, "at least")),
    ("a couple hundred", Figure(200, 300, "vague", vague=True)),
    ("8 to 16", Figure(8, 16, "range")),
    ("50 or 59", Figure(50, 59, "or", alternatives=(50, 59))),
    ("no one", Figure(0, 0)),
    ("80 km", Figure(80_000, 80_000, unit="m")),
    ("the sky", None),
    ("", None),
])
def test_parse_figure(phrase: str, figure: Figure | None) -> None:
    assert parse_figure(phrase) == figure


# --------------------------------------------------------------------------- properties

_news_alphabet = st.sampled_from(
    list("0123456789 ,.-–:/$€£%()+#'") +
    ["at least ", "more than ", "about ", "nearly ", "between ", " and ", " to ", " or ",
     "no one", "no ", "dozens", "a few", "several", "hundreds", "of ", "thousands",
     "thirty", "-six", "a hundred", "million", "km", "miles", "hours", "-year-old",
     "aged ", "June ", "Article ", "AK-", "pm", "UTC", "per cent", "people", "s",
     "first", "th", "dozen", "half a ", "2015", "1,000", "1.5"])
_newsish = st.lists(_news_alphabet, max_size=40).map("".join)
_any_text = st.one_of(st.text(max_size=300), _newsish)


def _check_invariants(text: str, matches: list[FigureMatch]) -> None:
    last_end = 0
    for m in matches:
        assert text[m.start:m.end] == m.surface
        assert m.start <= m.number_start < m.number_end <= m.end
        assert m.start >= last_end, "matches overlap or are unsorted"
        last_end = m.end
        assert m.figure.high is None or m.figure.low <= m.figure.high
        assert m.role in {"count", "measure", "money", "percent", "time", "year", "age",
                          "name", "conversion", "zero"}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text)
def test_find_figures_never_raises_and_keeps_invariants(text: str) -> None:
    for policy in POLICIES.values():
        _check_invariants(text, find_figures(text, policy=policy))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([g[0] for g in GOLDEN]), min_size=1, max_size=5))
def test_invariants_on_concatenated_sentences(parts: list[str]) -> None:
    text = " ".join(parts)
    _check_invariants(text, find_figures(text))


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**400))
def test_huge_digit_strings(n: int) -> None:
    text = f"Officials said {n} people and {n:,} more."
    _check_invariants(text, find_figures(text))


@settings(max_examples=100, deadline=None)
@given(_any_text)
def test_records_survive_asdict(text: str) -> None:
    for m in find_figures(text):
        d = dataclasses.asdict(m)
        assert d["figure"]["low"] == m.figure.low
