"""English: the word lists that map parsed words to claim kinds, subject groups and attribution.

Owned here so that extraction logic (``claims.py``) holds no vocabulary of its own; what a kind
is (a casualty, a running toll...) is ``kinds.py``'s.
Every entry is a lemma as spaCy's English lemmatizer gives it, with an example.
Nothing here is specific to one event, outlet or article.
"""

from __future__ import annotations

# Verb lemma -> claim kind. "Two officers were killed" -> killed.
KIND_VERBS: dict[str, str] = {
    "kill": "killed",        # "two officers were killed"
    "die": "killed",         # "five members of the group died"
    "murder": "killed",      # "three villagers were murdered"
    "slay": "killed",        # "slain by gunmen"
    "execute": "killed",     # "executed 12 prisoners"
    "perish": "killed",      # "40 perished in the fire"
    "behead": "killed",      # "beheaded two hostages"
    "injure": "injured",     # "59 people were injured"
    "wound": "injured",      # "five others were seriously wounded"
    "hurt": "injured",       # "no one was hurt"
    "hospitalize": "injured",  # "12 were hospitalized"
    "hospitalise": "injured",  # British spelling
    "maim": "injured",       # "maimed dozens"
    "arrest": "arrested",    # "11 arrested"
    "detain": "arrested",    # "five criminals captured and detained"
    "capture": "arrested",   # "captured five members of a band"
    "apprehend": "arrested", # "police apprehended three suspects"
    "jail": "arrested",      # "jailed 20 activists"
    "imprison": "arrested",  # "imprisoned four journalists"
    "disappear": "missing",  # "30 people disappeared"
    "abduct": "kidnapped",   # "gunmen abducted 12 students"
    "kidnap": "kidnapped",   # "kidnapped two aid workers"
    "displace": "displaced", # "displaced 4,000 families"
    "evacuate": "displaced", # "3,000 residents were evacuated"
    "flee": "displaced",     # "10,000 fled the fighting"
    "deploy": "troops deployed",    # "deployed 500 soldiers"
    "mobilize": "troops deployed",  # "mobilized 2,000 troops" (only with troop subjects)
    "mobilise": "troops deployed",  # British spelling
    "launch": "weapons used",  # "launched four grenades"
    "throw": "weapons used",   # "threw two grenades"
    "lob": "weapons used",     # "lobbed grenades"
    "drop": "weapons used",    # "dropped several grenades"
    "hurl": "weapons used",    # "hurled petrol bombs"
    "detonate": "weapons used",  # "detonated two bombs"
    "fire": "weapons used",    # "fired three rockets" (shots are told apart by the noun)
    "slam": "weapons used",    # "four rockets slammed into the compound" (weapon nouns only)
    "strike": "weapons used",  # "two missiles struck the base" (weapon nouns only)
    "hit": "weapons used",     # "three shells hit the market" (weapon nouns only)
    "gather": "crowd size",    # "thousands gathered in the square"
    "march": "crowd size",     # "tens of thousands marched"
    "rally": "crowd size",     # "some 5,000 rallied"
    "protest": "crowd size",   # "hundreds protested outside"
    "demonstrate": "crowd size",  # "thousands demonstrated"
    "attend": "crowd size",    # "20,000 attended the rally"
    "participate": "crowd size",  # "1.7 million participated in the march"
    "take part": "crowd size",    # "5,000 took part in the march" (verb + particle object)
    "send": "troops deployed",    # "500 soldiers were sent" (only with troop subjects)
    "dispatch": "troops deployed",  # "dispatched 300 police officers"
    "station": "troops deployed",   # "2,000 troops are stationed"
    "assign": "troops deployed",    # "3,000 officers were assigned to the stadium" (only with troop subjects)
    "post": "troops deployed",      # "300 officers were posted along the border"
    "accompany": "troops deployed",  # "40 soldiers accompanied the leader" (only with troop subjects)
    "escort": "troops deployed",     # "30 police officers escorted the convoy"
    "draw": "crowd size",         # "the protest drew about 60,000 people" (people only)
    "take hostages": "kidnapped",  # "took 170 hostages" (verb + object)
    "round up": "arrested",        # "two dozen journalists were rounded up" (verb + particle)
    "take hostage": "kidnapped",   # "took two hostage"
    "carry": "people present",     # "the ferry was carrying about 250 passengers" (people only)
    "board": "people present",     # "120 people boarded the train" (people only)
    "rescue": "rescued",           # "40 people were rescued" (people only)
}


# Prepositions that bound a period rather than date an event: "arrested since Friday".
SPAN_PREPS = {"since", "until", "till", "by", "through", "from", "before", "after"}

# Light verbs whose object names the outcome: "17 people suffered injuries" -> injured.
LIGHT_VERBS = {"suffer", "sustain", "receive", "report", "record", "cause", "register"}

# Verbs that make a counted noun "shots fired" without a verb of use: "heard 20 shots".
SHOT_VERBS = {"hear", "ring", "exchange", "report", "fire"}

# Verbs that dispute the figure they introduce: "denied that 30 people had been killed".
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute"}

# Prepositions that make "be" a count of the group present: "80 people were inside".
PRESENCE_PREPS = {"in", "inside", "at", "on", "aboard", "within"}

# Noun lemma -> claim kind, when the counted noun names the outcome itself.
KIND_NOUNS: dict[str, str] = {
    "death": "killed",        # "no deaths"
    "dead": "killed",         # "more than 30 dead"
    "fatality": "killed",     # "fatalities were avoided"
    "body": "killed",         # "12 bodies were found"
    "casualty": "casualties", # "30 casualties" (killed and injured together)
    "injury": "injured",      # "40 injuries"
    "injured": "injured",     # "the injured numbered 12"
    "wounded": "injured",     # "20 wounded"
    "arrest": "arrested",     # "11 arrests"
    "detention": "arrested",  # "300 detentions"
    "detainee": "arrested",   # "40 detainees"
    "evacuee": "displaced",   # "2,000 evacuees"
    "refugee": "displaced",   # "5,000 refugees"
    "shot": "shots fired",    # "about 15 shots were fired"
    "gunshot": "shots fired", # "dozens of gunshots"
    "round": "shots fired",   # "fired 30 rounds"
    "grenade": "weapons used",  # "four grenades"
    "missile": "weapons used",  # "three missiles"
    "rocket": "weapons used",   # "two rockets"
    "bomb": "weapons used",     # "two car bombs"
    "shell": "weapons used",    # "40 shells landed"
    "mortar": "weapons used",   # "12 mortars"
    "drone": "weapons used",    # "launched 20 drones"
    "missing": "missing",       # "30 people are missing" (adjective complement)
    "wound": "injured",         # "admitted with gunshot wounds"
    "toll": "killed",           # "put the toll at five" (a toll alone is a death toll)
    "crowd": "crowd size",      # "a crowd of about 2,000", "estimated the crowd at 15,000"
    "turnout": "crowd size",    # "a turnout of 40,000"
    "evacuation": "displaced",  # "forced the evacuation of 800,000 people"
    "abduction": "kidnapped",   # "the abduction of 12 students"
    "kidnapping": "kidnapped",  # "the kidnapping of two aid workers"
}


# Groups of people; a bare "people" may be compared with any of them, other subjects may not.
HUMAN_GROUPS = {"security forces", "civilians", "rescue workers", "protesters", "attackers", "journalists",
                "people", "officials", "prisoners", "supporters"}

# Gatherings whose "for N people" counts those present: "a reception for 80 people was under way".
# (A place "for 500 people" is a capacity, not a count of anyone there: places are not listed.)
# (A funeral, vigil, memorial or mass "for 40 victims" names those mourned, not those present: not listed.)
GATHERING_NOUNS = {"reception", "party", "ceremony", "celebration", "event", "dinner", "gathering", "banquet",
                   "gala", "wedding", "concert", "meeting", "rally", "screening"}

# Named subjects that stand for the population at large ("40 civilians have died in the fighting",
# "30 passengers were hurt" after a crash),
# unlike roles or parts of it (officers, children, workers). Two articles that each give one toll,
# one of "people" and one of these, may be giving the same toll under two scopes.
POPULATION_SUBJECTS = {"civilians", "passengers", "pilgrims", "worshippers", "migrants", "refugees", "tourists",
                       "climbers"}


# "death toll rose to 75": the head noun of a toll and the kind its modifier names.
TOLL_NOUNS = {"toll", "number", "count", "tally", "figure", "total"}

# Subject noun lemma -> (normalised subject, group). Groups decide what may be
# compared: officers are never grouped with civilians.
SUBJECTS: dict[str, tuple[str, str]] = {
    "officer": ("police officers", "security forces"),  # "two officers"; military modifiers override
    "policeman": ("police officers", "security forces"),  # "three policemen"
    "policewoman": ("police officers", "security forces"),
    "police": ("police officers", "security forces"),   # "20 police"
    "cop": ("police officers", "security forces"),
    "agent": ("police officers", "security forces"),    # "two federal agents"
    "official": ("officials", "officials"),             # "killing and wounding officials"
    "soldier": ("soldiers", "security forces"),         # "five soldiers"
    "troop": ("soldiers", "security forces"),           # "25 troops"
    "serviceman": ("soldiers", "security forces"),
    "servicemen": ("soldiers", "security forces"),
    "guardsman": ("soldiers", "security forces"),       # "detained guardsmen"
    "guardsmen": ("soldiers", "security forces"),
    "guard": ("guards", "security forces"),             # "two guards"
    "marine": ("soldiers", "security forces"),
    "colonel": ("military officers", "security forces"),  # "two colonels"
    "general": ("military officers", "security forces"),
    "commander": ("military officers", "security forces"),
    "civilian": ("civilians", "civilians"),             # "40 civilians"
    "resident": ("civilians", "civilians"),
    "villager": ("civilians", "civilians"),
    "bystander": ("civilians", "civilians"),
    "passer": ("civilians", "civilians"),
    "protester": ("protesters", "protesters"),          # "a 22-year-old protester"
    "protestor": ("protesters", "protesters"),
    "demonstrator": ("protesters", "protesters"),
    "rioter": ("protesters", "protesters"),
    "marcher": ("protesters", "protesters"),
    "activist": ("activists", "protesters"),
    "supporter": ("supporters", "supporters"),          # "25 armed supporters"
    "member": ("group members or attackers", "attackers"),  # "five members of the group"
    "terrorist": ("group members or attackers", "attackers"),
    "criminal": ("group members or attackers", "attackers"),
    "militant": ("group members or attackers", "attackers"),
    "rebel": ("group members or attackers", "attackers"),
    "attacker": ("group members or attackers", "attackers"),
    "assailant": ("group members or attackers", "attackers"),
    "gunman": ("group members or attackers", "attackers"),
    "gunmen": ("group members or attackers", "attackers"),
    "insurgent": ("group members or attackers", "attackers"),
    "fighter": ("group members or attackers", "attackers"),
    "plotter": ("group members or attackers", "attackers"),
    "bandit": ("group members or attackers", "attackers"),
    "suspect": ("group members or attackers", "attackers"),
    "perpetrator": ("group members or attackers", "attackers"),
    "journalist": ("journalists", "journalists"),       # "a journalist was injured"
    "reporter": ("journalists", "journalists"),
    "photographer": ("journalists", "journalists"),
    "child": ("children", "civilians"),
    "minor": ("children", "civilians"),                  # "including 14 minors"
    "student": ("students", "civilians"),
    "woman": ("women", "civilians"),
    "prisoner": ("prisoners", "prisoners"),
    "inmate": ("prisoners", "prisoners"),
    "migrant": ("migrants", "civilians"),
    "worker": ("workers", "civilians"),
    "lawmaker": ("lawmakers", "officials"),
    "people": ("people", "people"),                     # "59 people"
    "person": ("people", "people"),
    "individual": ("people", "people"),
    "one": ("people", "people"),                        # "no one"
    "nobody": ("people", "people"),
    "man": ("men", "people"),
    "hostage": ("hostages", "civilians"),
    "victim": ("people", "people"),
    "survivor": ("people", "people"),                   # "12 survivors were treated"
    "boy": ("children", "civilians"),                   # "a 17-year-old boy"
    "girl": ("children", "civilians"),                  # "an 8-year-old girl"
    "worshipper": ("worshippers", "civilians"),         # "19 worshippers"
    "mourner": ("mourners", "civilians"),               # "about 5,000 mourners attended"
    "pilgrim": ("pilgrims", "civilians"),               # "18 pilgrims"
    "passenger": ("passengers", "civilians"),           # "none of the passengers"
    "schoolgirl": ("students", "civilians"),            # "317 schoolgirls"
    "schoolboy": ("students", "civilians"),
    "pupil": ("students", "civilians"),
    "miner": ("workers", "civilians"),                  # "32 miners"
    "firefighter": ("firefighters", "rescue workers"),  # "four firefighters"
    "fireman": ("firefighters", "rescue workers"),
    "rescuer": ("rescue workers", "rescue workers"),
    "paramedic": ("rescue workers", "rescue workers"),
    "fisherman": ("fishermen", "civilians"),            # "twenty fishermen"
    "fishermen": ("fishermen", "civilians"),
    "climber": ("climbers", "civilians"),               # "40 climbers"
    "tourist": ("tourists", "civilians"),
    "guest": ("guests", "civilians"),
    "accomplice": ("group members or attackers", "attackers"),
    "refugee": ("refugees", "civilians"),
    "inhabitant": ("civilians", "civilians"),
    "doctor": ("medical workers", "civilians"),
    "nurse": ("medical workers", "civilians"),
    "gendarme": ("police officers", "security forces"),
    "militiaman": ("group members or attackers", "attackers"),
    "jihadist": ("group members or attackers", "attackers"),
    "extremist": ("group members or attackers", "attackers"),
    "kidnapper": ("group members or attackers", "attackers"),
    "smuggler": ("group members or attackers", "attackers"),
    "hostage-taker": ("group members or attackers", "attackers"),
}

# Event nouns that a date can belong to: "the attack on 27 June", "the protests began on 17 October".
EVENT_NOUNS = {
    "attack", "bombing", "blast", "explosion", "raid", "strike", "airstrike", "massacre", "ambush",
    "assault", "shooting", "clash", "riot", "protest", "demonstration", "march", "rally", "uprising",
    "coup", "election", "vote", "referendum", "earthquake", "quake", "flood", "storm", "cyclone",
    "hurricane", "typhoon", "fire", "wildfire", "landslide", "crash", "collision", "siege", "ceasefire",
    "truce", "offensive", "operation", "invasion", "incursion", "kidnapping", "abduction", "arrest",
    "killing", "assassination", "execution", "fighting", "battle", "stampede", "eruption", "tsunami",
    "shelling", "bombardment", "crackdown", "standoff", "uprising", "mutiny", "rebellion", "strike",
    "sinking", "capsizing", "shipwreck", "derailment", "collapse", "disaster", "accident", "tragedy",
}

# Event verbs whose date is the event's date: "in July 2017, when he launched grenades".
EVENT_VERBS = {
    "attack", "bomb", "explode", "kill", "launch", "raid", "storm", "strike", "shoot", "fire", "arrest",
    "detain", "capture", "kidnap", "abduct", "massacre", "ambush", "invade", "seize", "hijack",
    "collapse", "crash", "assassinate", "execute", "die", "injure", "wound", "evacuate",
    "flee", "march", "protest", "rally", "hurt", "throw", "detonate", "behead", "murder",
    "drop", "lob", "hurl",  # weapons: "dropped several grenades in July 2017"
    "capsize", "sink", "overturn", "derail", "collide", "erupt",  # "the boat capsized on Friday"
    "go down", "roll over", "blow up", "cave in",  # verb + particle: "the plane went down on 2 June"
}

# Verbs that date whatever their subject names: "the protests began on 17 October",
# "the election was held on 3 May", "the ceasefire took effect on 20 May".
GENERIC_EVENT_VERBS = {"occur", "happen", "begin", "start", "end", "take", "hit", "strike", "erupt",
                       "break", "hold", "unfold", "come", "go",
                       # what an event does where it happens: "a fire ripped through the warehouse
                       # on Tuesday", "the raid last week left 10 people dead"; not what follows
                       # from it ("the attack dominated the news on Friday")
                       "tear", "rip", "rock", "shake", "destroy", "damage", "level", "flatten",
                       "devastate", "engulf", "sweep", "wreck", "gut", "leave", "claim"}

# Verbs whose object is the event they date: "led a march on 13 October", "staged a protest on
# Friday", "carried out an attack on Monday" (not "condemned the attack on Monday").
STAGING_VERBS = {"lead", "stage", "hold", "organise", "organize", "carry", "launch", "mount", "conduct",
                 "call", "begin", "start", "end", "unleash"}

# Modifiers that move "officer" to the military.
# States counted by what they did, as the doers: "more than 50 countries have recognised him",
# "recognised by 30 nations", "40 countries imposed sanctions". Lemma of the verb (or of the noun
# a light verb takes) -> the action, named in English.
STATE_NOUNS = {"country", "nation", "government"}
STATE_ACTIONS = {"recognize": "recognising", "recognise": "recognising", "back": "supporting",
                 "support": "supporting", "endorse": "supporting", "sanction": "sanctioning",
                 "boycott": "boycotting", "condemn": "condemning", "ratify": "ratifying", "sign": "signing",
                 "expel": "expelling", "withdraw": "withdrawing"}
ACTION_LIGHT_VERBS = {"impose", "announce", "adopt", "apply", "issue", "give", "offer", "voice"}
AGENT_PREPS = {"by"}

# Deployment verbs whose troops are what is sent, never the senders ("40 soldiers sent a letter" is no
# deployment), and those whose troops act themselves, in the active voice only ("40 soldiers
# accompanied the leader", not "accompanied by their lawyers"), never with a relative (a possessive
# object: "accompanied their mother").
SENDING_VERBS = {"deploy", "mobilize", "mobilise", "send", "dispatch"}
ESCORT_VERBS = {"accompany", "escort"}
POSSESSIVES = {"his", "her", "their", "its", "our", "my"}

# Verbs whose clock time ("began at 5 a.m.") is when an event started: a "start time" claim.
START_VERBS = {"begin", "start", "launch", "commence", "kick"}

# Verbs of impact: they count weapons only when the noun names one ("three shells hit the market",
# not "the storm hit three towns").
IMPACT_VERBS = {"slam", "strike", "hit"}  # not "land": "three drones landed safely"

# A preposition and its object that name the kind of the verb they hang on: "were taken into
# custody", "remain in custody" -> arrested.
PREP_KINDS = {("into", "custody"): "arrested", ("in", "custody"): "arrested", ("under", "arrest"): "arrested"}

# Verbs that, with "to" or "in" a hospital, count the injured: "scores were taken to hospital".
HOSPITAL_VERBS = {"take", "rush", "admit", "fly", "airlift", "carry", "transport", "evacuate", "ferry"}
HOSPITAL_NOUNS = {"hospital", "hospitals", "clinic", "clinics", "infirmary"}
HOSPITAL_PREPS = {"to", "in"}

# People "in military uniform" or "in police uniform" are of that body: the uniform's modifier -> subject.
UNIFORM_NOUNS = {"uniform", "uniforms", "fatigues"}
UNIFORM_BODIES: dict[str, tuple[str, str]] = {
    **{m: ("soldiers", "security forces") for m in ("military", "army", "combat", "camouflage", "navy")},
    "police": ("police officers", "security forces"),
}

# Nouns of membership whose "of" object names the body they belong to: "500 members of the security
# forces" count security forces, "200 members of the National Guard" soldiers.
MEMBER_NOUNS = {"member", "personnel", "officer", "agent", "element"}
# Bodies by their noun lemma: what their members are.
BODIES: dict[str, tuple[str, str]] = {
    "police": ("police officers", "security forces"),
    "army": ("soldiers", "security forces"),
    "military": ("soldiers", "security forces"),
    "navy": ("soldiers", "security forces"),
}
# Generic nouns that name a security body only with one of these words, and never with a private
# one: "security forces", "armed forces", "police services", "the National Guard" (not "the party's
# old guard", "a private security force").
FORCE_NOUNS = {"force", "service", "agency", "body", "guard"}
FORCE_WORDS = {"security", "armed", "police", "military", "intelligence", "defence", "defense", "national",
               "coast", "republican", "presidential"}
NOT_FORCE_WORDS = {"private"}

MILITARY_MODIFIERS = {"military", "army", "navy", "naval", "air", "armed", "marine"}

# Noun lemmas that refer back to an earlier subject: "five others".
ANAPHORIC_NOUNS = {"other", "others", "more"}

# "no reports of deaths": the zero applies to what the report is of.
REPORT_NOUNS = {"report", "sign", "word", "evidence", "indication", "confirmation", "record"}

# Verbs that make a zero of a casualty noun: "fatalities were avoided".
ZERO_VERBS = {"avoid", "prevent", "avert"}

# Attribution verbs that, with the figure as their object, act rather than report:
# "the blast claimed 23 lives", "he posted three videos".
NON_SPEECH_OBJECT_VERBS = {"claim", "post", "publish", "add", "tweet", "write", "put"}
# "claimed 23 lives", "took 40 lives", "cost 12 lives": lives lost are deaths.
LIFE_VERBS = {"claim", "take", "cost", "lose", "end"}

# Prepositions that open a situation of their own, not a role in the verb's event:
# "twelve died, with 59 people still in hospital".
SITUATION_PREPS = {"with", "without", "besides"}

# Verbs that attribute a statement to a source: "officials say".
ATTRIBUTION_VERBS = {
    "say", "report", "announce", "tell", "claim", "state", "confirm", "tweet",
    "post", "add", "note", "warn", "estimate", "write", "insist", "allege",
    "declare", "disclose", "reveal", "indicate", "quote", "count", "record",
    "put", "acknowledge", "assert", "explain", "publish", "testify",
    "document", "tally", "register",
}

# What a nationality adds to its country's stem ("Iran-ian", "Turk-ish", "Pakistan-i"), longest first,
# and what a country's name may add to that stem ("Turk-ey", "Indones-ia", "Chin-a", "Mal-i", "Kor-ea");
# and nationalities those endings would give to the wrong country.
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an", "i", "n")
COUNTRY_ENDINGS = ("", "a", "ia", "y", "ey", "i", "e", "ea")
DEMONYM_COUNTRIES = {"nigerian": "nigeria", "nigerien": "niger", "dominican": "dominica",
                     "guinean": "guinea", "austrian": "austria", "australian": "australia"}

# Places and the units they are counted in: a count of these is never a toll of people.
PLACE_NOUNS = {"country", "nation", "city", "town", "village", "province", "state", "region", "district",
               "county", "municipality", "neighbourhood", "neighborhood", "island", "continent"}

# Verbs of speaking to or meeting people: those addressed are no toll ("spoke to several commanders").
ADDRESS_VERBS = {"speak", "talk", "meet", "thank", "address", "greet", "visit", "call", "invite", "consult",
                 "phone", "brief", "congratulate", "interview"}

# Sources a list line may name without a possessive: "Police estimate: 120,000".
SOURCE_LABEL_WORDS = {"police", "organisers", "organizers", "authorities", "officials", "government",
                      "ministry", "army", "military", "opposition", "union", "unions", "hospital", "hospitals",
                      "official", "independent", "media"}

# What could have happened and did not: "could/would/might have killed hundreds" ("may have died" is
# an uncertain claim of fact, not a counterfactual).
COUNTERFACTUAL_AUX = {"could", "would", "might"}
# Words for a named person's companions in a toll: "Soto and four others were killed".
COMPANION_WORDS = {"other", "others", "companion", "associate", "aide", "bodyguard", "relative"}

# Auxiliaries and markers that make a figure hypothetical rather than stated.
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "can", "will", "shall"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "like"}  # "made it look like millions were there"

# Section headers in compilations that mean the compiler's own voice.
OWN_VOICE_HEADERS = {"comment", "comments", "update", "note", "editor's note", "analysis",
                     "opinion", "background", "context"}


# Modifiers that make "a former police officer" one person's past role, not a count of that role.
PAST_ROLE_MODIFIERS = {"former", "ex", "retired", "onetime", "erstwhile"}

# The whole of a partitive that is a part, never a toll: "one of them", "two of those injured".
ANAPHORIC_WHOLES = {"them", "those", "these", "whom", "which"}
DEFINITE_DETERMINERS = {"the", "these", "those"}

# The event a date claim's word names, as a reader would call it: "dropped grenades", "launched
# grenades" and "threw grenades" are all the attack. Verbs map to their event noun; an event noun
# ("explosion", "rebellion") names itself.
EVENT_HEADINGS = {
    "attack": "attack", "drop": "attack", "launch": "attack", "throw": "attack", "lob": "attack",
    "hurl": "attack", "raid": "raid", "storm": "assault", "strike": "strike", "shoot": "shooting",
    "fire": "shooting", "bomb": "bombing", "explode": "explosion", "detonate": "explosion",
    "blow up": "explosion", "blast": "explosion", "kill": "killing", "die": "deaths", "injure": "injuries",
    "wound": "injuries", "hurt": "injuries", "arrest": "arrest", "detain": "arrests", "capture": "capture",
    "kidnap": "kidnapping", "abduct": "abduction", "massacre": "massacre", "ambush": "ambush",
    "invade": "invasion", "seize": "seizure", "hijack": "hijacking", "collapse": "collapse",
    "cave in": "collapse", "crash": "crash", "go down": "crash", "assassinate": "assassination",
    "execute": "execution", "behead": "beheading", "murder": "murder", "evacuate": "evacuation",
    "flee": "flight", "march": "march", "protest": "protest", "rally": "rally", "capsize": "capsizing",
    "sink": "sinking", "overturn": "overturning", "roll over": "rollover", "derail": "derailment",
    "collide": "collision", "erupt": "eruption",
}
# Words that are no event of their own: a date claim whose word is one of these names "the event".
NOT_EVENTS = {"date", "event", "day", "time", "avoid", "say", "report", "be", "have"}

# Capitalised words inside sentences that name no place, group or person: "Monday", "March", "The".
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "and", "but", "he", "she", "it", "they", "we", "this", "that",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "mr", "mrs", "ms", "dr", "president", "minister", "police",
}
