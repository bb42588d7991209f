"""Code CAMEO events from a parsed document: lexicon triggers matched over the dependency parse.

The steps, each in its own module:
  1. triggers.py   tokens whose lemma the lexicon knows, with the most specific pattern that fits the parse;
  2. modality.py   whether the clause asserts the event (negation, speculation, conditions, questions are dropped),
                   and frames that change the code ("threatened to invade" 1382, "will visit" 036, "X said Y must
                   withdraw" 1056);
  3. arguments.py  source and target actors from the parse (active, passive, coordination, nominalisations);
  4. sides.py      the target policy: who the sides are when the sentence leaves one unnamed or without a country;
  5. acts.py       whether an act stands as the event its code says ('fired a missile in a test' is a show of force,
                   'an earthquake killed 300' no one's doing);
  6. here          candidates from the triggers, and the Event record with its evidence, date, place and attribution.

Events whose source is a person or phrase we cannot place, or that need a partner who is not placed (talks,
meetings, agreements), are dropped. A killing done with heavy weapons is coded as that use of force ('killed by a
U.S. airstrike' 195, not 18). An agentless signing of an agreement takes the parties of the agreement last named in
the document.
One event is kept per (code, source country, target country) and article, as GDELT does.
"""

from __future__ import annotations

import re
from itertools import pairwise

import numpy
from spacy.tokens import Doc, Span, Token

from ..actors.resolve import UNKNOWN, DocActors, ResolvedActor
from ..cameo import lookup
from ..model import Event, EventActor, Location, Quote
from ..tokens import char_text, children, memo, sentence_range, sentence_start, tokens, with_lower
from . import sides
from .acts import (
    a_launch,
    a_test,
    attackers,
    celebrates,
    clash_over,
    forces,
    gives_way_to_another_trip,
    holds_own_rally,
    labour_strike,
    moves_itself,
    named_owner,
    names_the_site,
    no_ones_doing,
    open_side_allowed,
    own_institution,
    police_raid,
    political_clash,
    politicians_spar,
    politics_at_home,
    quells_words,
    state_force,
    statesman_at_war,
    street_clash,
    takes_people,
    travellers,
    unarmed_body,
    unconventional,
    verbal_attack,
    walkout_threatened,
)
from .arguments import (
    MUTUAL_PREFIXES,
    SUPPORT_VERBS,
    UNPLACED,
    Args,
    noun_arguments,
    resolve_all,
    verb_arguments,
    verb_subjects,
)
from .context import (
    AIR_STRIKES,
    CONF_UNPLACED,
    FIGHT_ROOT,
    FIGHTING_SECTORS,
    FORCE_PREPS,
    FOREIGNERS,
    HOSTILE_ACTS,
    STATE_ORGANS,
    UNARMED_BODIES,
    VIOLENT_ROOTS,
    Candidate,
    Context,
)
from .lexicon import Lexicon
from .modality import (
    AGREE_VERBS,
    APPEAL_ROOT,
    DEMAND_ROOT,
    DISPATCH_VERBS,
    INTENT_ROOT,
    SPECULATIVE_VERBS,
    SPEECH_VERBS,
    THREAT_ROOT,
    WARNING_VERBS,
    Reading,
    read_trigger,
    reported_demand,
    support_verb,
)
from .triggers import Trigger, find_triggers, is_infinitive, of_objects

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Unarmed, non-state actors: their pressure ('pressuring', 'forcing a vote') is politics; their harassment may not be
CIVIL_SECTORS = frozenset({"PTY", "OPP", "CVL", "EDU", "MED", "BUS", "LAB", "NGO"})
HARASS_WORDS = frozenset({"harass", "harassment", "intimidate", "intimidation"})
RISK_VERBS = frozenset(
    {
        "undermine",
        "derail",
        "destabilize",
        "destabilise",
        "jeopardize",
        "jeopardise",
        "complicate",
        "overshadow",
        "upend",
        "erode",
        "weaken",
        "hurt",
        "damage",
        "harm",
        "unravel",
        "disrupt",
        "worsen",
        "spill",
        "escalate",
        # a rival's pull on votes or money ('threatens to siphon away votes from the Conservatives')
        "siphon",
        "drain",
        "cost",
        "eclipse",
        "swamp",
        "overwhelm",
    }
)
RISK_OBJECTS = frozenset({"tension", "risk", "instability", "uncertainty", "volatility"})
# What a state 'mobilizes' when it rallies others rather than its forces
CIVIC_OBJECTS = frozenset(
    {"community", "support", "opinion", "voter", "supporter", "public", "world", "base", "resource", "coalition"}
    | {"ally", "partner", "donor", "constituency", "diplomacy", "pressure", "investment", "fund", "money"}
)
VISIT_CODE = "042"
ARRIVAL_VERBS = frozenset({"arrive", "land", "fly", "head", "travel"})  # (a warship that 'visits' a port calls)
SANCTION_ROOT = "16"
SANCTION_CODES = ("163", "1312")  # sanctions imposed, sanctions threatened
# Forces that 'arrive in' or 'land in' a place are deployed there, not visiting
DEPLOYED = frozenset(
    {"troop", "unit", "force", "soldier", "army", "military", "warship", "fleet", "marine", "personnel", "contingent"}
    | {"battalion", "brigade", "ship", "vessel", "carrier", "jet", "aircraft", "bomber", "fighter", "paratrooper"}
)
TIME_SPANS = frozenset({"hour", "day", "week", "month", "year", "minute", "time", "chance", "opportunity"})
DEADLINES = frozenset({"deadline", "ultimatum"})
# Who is 'called on' at a news conference: to ask a question, not to act
PRESS_WORDS = frozenset({"reporter", "journalist", "correspondent", "questioner"})
# Whom a message or a candidate 'appeals to' by attracting them: an electorate, not a party asked to act
AUDIENCES = frozenset(
    {"voter", "electorate", "constituent", "audience", "viewer", "reader", "consumer", "fan", "demographic"}
    | {"man", "woman", "youth", "millennial", "conservative", "liberal", "independent", "moderate", "evangelical"}
)
# What makes an 'appeal' a pull rather than a plea ('his broad appeal', 'her populist appeal to workers')
APPEAL_QUALITIES = frozenset(
    {"broad", "wide", "widespread", "mass", "popular", "populist", "bombastic", "electoral", "emotional", "visceral"}
    | {"crossover", "bipartisan", "national", "general", "limited", "narrow", "enduring", "sex", "star", "voter"}
)
# Where a 'march' heads when it is progress, not a procession: 'her march to the nomination', 'Europe's long march
# toward union'
MARCH_GOALS = frozenset(
    {"nomination", "victory", "presidency", "power", "majority", "union", "integration", "independence", "unity"}
    | {"war", "democracy", "statehood", "dominance", "success", "glory", "defeat", "oblivion", "irrelevance"}
    | {"extinction", "federalism", "recovery", "prosperity", "modernity", "modernization", "modernisation"}
)
# What one marches in to celebrate, not to protest
PARADES = frozenset({"parade", "procession", "pageant", "festival", "celebration", "ceremony", "carnival"})
CANDIDACY_VERBS = frozenset({"run"})  # 'declined to run in 2016': a candidacy not sought, nobody rejected
APPEALING_THINGS = frozenset(
    {"message", "idea", "argument", "pitch", "platform", "promise", "rhetoric", "vision", "agenda", "slogan"}
    | {"policy", "plan", "proposal", "program", "programme", "candidacy", "brand", "campaign"}
)
ORDER_VERBS = frozenset({"order", "authorize", "authorise"})  # 'ordered airstrikes': the strikes are the event
COERCE_CODE = "170"
# Infinitives that report or withhold words, not acts: 'refused to say', 'declined to elaborate'.
NON_ACTS = (
    SPEECH_VERBS
    | SPECULATIVE_VERBS
    | {
        "comment",
        "elaborate",
        "speculate",
        "discuss",
        "answer",
        "respond",
        "disclose",
        "reveal",
        "identify",
        "name",
        "specify",
        "give",
        "provide",
        "be",
        "say",
        "talk",
        "speak",
    }
)
# What is withheld by 'declined to ...' when it is words: speaking, judging, naming ('refused to call it terrorism')
WITHHELD_WORDS = (
    SPEECH_VERBS
    | {"comment", "elaborate", "speculate", "discuss", "disclose", "reveal", "identify", "name"}
    | {"specify", "talk", "speak", "address", "criticize", "criticise", "condemn", "blame", "classify", "label"}
    | {"describe", "characterize", "characterise", "call", "detail", "explain", "confirm", "deny"}
    | {"refute", "rebut", "dispute", "contradict"}
    | {"define", "outline", "clarify", "predict", "estimate", "guess"}  # 'declined to define what such a deal would be'
)
# Those one talks to when one talks to the public: 'declined to discuss the case with reporters' withholds words
PRESS_WORDS = frozenset({"reporter", "journalist", "press", "media", "correspondent", "newsman"})
# Acts that harm whoever they are done to: promising them is threatening ('vowed to confront', 'vowed to crush').
HARM_VERBS = frozenset({"confront", "crush", "destroy", "defeat", "annihilate", "eliminate", "wipe", "retaliate"})
# Acts against someone's will that a vow announces as a threat: 'vowed to block the resolution', 'vowed to stop the
# caravan', 'vowed to vote against the bill' (no intent to cooperate)
OPPOSE_VERBS = frozenset(
    {"block", "veto", "kill", "stop", "oppose", "fight", "resist", "defy", "repeal", "scrap", "abolish", "punish"}
    | {"deport", "expel", "annex", "remove", "sue", "prosecute", "jail", "overturn", "thwart", "halt", "reverse"}
    | {"suspend"}
)
# Phrasal verbs of pursuit: promising them threatens whoever is pursued ('vowed to go after the attackers')
PURSUIT_VERBS = {"go": frozenset({"after"}), "hunt": frozenset({"down"}), "track": frozenset({"down"})}
# Barriers a state builds against its neighbours and their people: 'vowed to build a wall' is no cooperation
BARRIER_VERBS = frozenset({"build", "erect", "construct", "complete", "finish", "extend"})
BARRIERS = frozenset({"wall", "fence", "barrier"})
# Acts that set up what they promise: 'vowed to create a deportation force' (not 'agreed to postpone a tariff hike')
FOUNDING_VERBS = frozenset({"create", "establish", "set", "form", "launch", "introduce", "adopt", "build", "enact"})
# Harm done to people that the means of force may code instead ('an airstrike killed ...'), and how the means is
# attached ('killed by', 'wounded in a strike', 'died with')
HARM_CODES = frozenset({"180", "182", "1823"})
# Means that only armed forces use: shelling, air and missile strikes (not 'fighting', 'clashes' or 'shootings',
# which gangs, crowds and gunmen do too)
MILITARY_MEANS = ("194", "195")
# Means of mass violence: a chemical or nuclear attack that killed is that attack (20x), not an assault (18x)
MASS_MEANS = ("204",)
# Acts whose promise threatens (16 reduce relations .. 20 mass violence; not 14, protests are one's own)
HARM_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
# Things promised that are a reply in kind ('vowed a response', 'promised retaliation') or only words
RESPONSE_NOUNS = frozenset(
    {"response", "retaliation", "revenge", "reprisal", "punishment", "consequence", "retribution"}
)
SPEECH_NOUNS = frozenset({"speech", "address", "remark", "statement", "announcement", "testimony", "interview"})
NO_EVENT = ""
ADDRESSED_ROOTS = frozenset({"02", "10"})  # appeals and demands are made of someone else
# Acts coded without a named agent when the one they are done to is named ('three US servicemen were killed',
# 'guerrillas have been demobilized'): material acts, not speech, whose victim or beneficiary is the news.
AGENTLESS_ROOTS = frozenset({"07", "08", "09", "15", "16", "17", "18", "19", "20"})
MILITARY_SECTORS = frozenset({"MIL"})
MILAID_CODES = ("072", "0332", "0232")  # arms given, promised or asked for
# Calibration: confidences are ordinal, not probabilities; set by reading seed and corpus output.
CONF_VERB = 0.85
CONF_FRAMED = 0.8
CONF_NOUN = 0.75
CONF_DEMAND = 0.7
CONF_HOME = 0.6
CONF_IMPLIED = 0.55  # a target only the clause's other country implies
CONF_NO_TARGET = 0.5
CONF_DOMESTIC = 0.5  # an appeal or refusal aimed at the source's own country because the passage names no other
CONF_INFERRED_TARGET = 0.45
CONF_INHERITED_PARTIES = 0.4


def code_events(
    doc: Doc,
    actors: DocActors,
    lexicon: Lexicon,
    *,
    quotes: list[Quote],
    published: str | None,
    dateline_location: Location | None = None,
    body_start: int = 0,
) -> list[Event]:
    salient = _salient_countries(actors)
    ctx = Context(doc, actors, lexicon, quotes, published, dateline_location, salient)
    triggers = find_triggers(doc, lexicon, body_start)
    by_index = {t.i: t for t in triggers}
    candidates = _trigger_candidates(triggers, by_index, ctx) + _demand_candidates(doc, by_index, ctx, body_start)
    for candidate in sorted(candidates, key=lambda c: c.head.i):
        _emit(candidate, ctx)
    return ctx.events


# -------------------------------------------------------------------- candidates


def _trigger_candidates(triggers: list[Trigger], by_index: dict[int, Trigger], ctx: Context) -> list[Candidate]:
    readings: list[tuple[Trigger, Reading]] = []
    for trigger in triggers:
        if _means_of_force(trigger, by_index) or _risks(trigger) or _circumstance(trigger) or _other_sense(trigger):
            continue
        reading = read_trigger(trigger, by_index, ctx.lexicon)
        warning = reading is not None and reading.governed is not None and reading.head.lemma_.lower() in WARNING_VERBS
        if warning and _warns_of_the_past(reading.head):
            continue  # 'warned that Russia had sent artillery': a report of what was done, no threat of it
        if reading is not None:
            readings.append((trigger, reading))
    readings = _through_intents(readings, ctx.lexicon)
    framing = {r.head.i for _, r in readings if r.governed is not None}
    out = []
    for trigger, reading in readings:
        if reading.governed is None and trigger.i in framing:
            continue  # a governor's plain reading: its framed reading says more ('threatened' + 'to invade')
        candidate = _candidate(trigger, reading, by_index, ctx)
        if candidate is not None:
            out.append(candidate)
    return out


def _circumstance(trigger: Trigger) -> bool:
    """'Was forced to concede', 'have been forced to close': a passive of bare coercion with no one forcing tells of
    circumstances or pressure, not of an act of coercion ('Russia forced Ukraine to withdraw' is one)."""
    if trigger.pattern.code != COERCE_CODE or trigger.pos != "verb":
        return False
    kids = children(trigger.token)
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in kids) and not any(c.dep_ == "agent" for c in kids)


def _other_sense(trigger: Trigger) -> bool:
    """Trigger words in a sense that is no event: places that 'meet' ('where France, Germany and Luxembourg
    meet'), officials who 'are encouraged by' news (feel hopeful; 'were encouraged to apply' is an appeal), naming
    ('called the vote a sham'), taking questions ('called on a reporter'), attracting ('the message appeals to
    voters'), and warnings that threaten no one (see `_warns_nobody`); goods and migrants that 'head to' a country,
    states a candidate 'captured' in a primary, ads 'attacking' a rival, a senator's rally and a contest 'hosted'."""
    token = trigger.token
    kids = children(token)
    lemma = token.lemma_.lower()
    if lemma == "march" and _marches_on(token):
        return True
    if lemma == "rally" and trigger.pos == "noun" and _campaign_rally(token):
        return True  # 'the Vermont senator opened a Rochester rally', 'a campaign rally': no protest
    if trigger.pos != "verb":
        return lemma == "appeal" and _pull(token)
    if lemma == "call" and any(c.dep_ == "oprd" for c in kids):
        return True  # 'called the vote a sham', 'what they called an escalating pattern': a name given
    complement = any(c.dep_ in {"xcomp", "ccomp"} for c in kids)
    if lemma == "call" and not complement and _addressees(token) & PRESS_WORDS:
        return True  # 'called on a Turkish reporter' at a news conference: a question taken, no appeal
    if lemma == "appeal" and not complement and not any(c.lower_ == "for" for c in kids):
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        if _addressees(token) & COURTED or any(s.lemma_.lower() in APPEALING_THINGS for s in subjects):
            return True  # 'his message appeals to voters', 'appealed to former Labour voters': courting, no plea
    if lemma in WARNING_VERBS:
        return _warns_nobody(token)
    if lemma in {"mobilize", "mobilise"} and any(c.dep_ == "dobj" and c.lemma_.lower() in CIVIC_OBJECTS for c in kids):
        return True  # 'mobilize the international community', 'mobilise support': politics, not forces
    if lemma in {"mobilize", "mobilise"} and any(s.lemma_.lower() in UNARMED_BODIES for s in verb_subjects(token)[0]):
        return True  # 'the voters the campaign hopes to register and mobilize': a campaign has no forces
    arrives = trigger.code == VISIT_CODE and lemma in ARRIVAL_VERBS
    if arrives and any(c.dep_ == "nsubj" and c.lemma_.lower() in DEPLOYED for c in kids):
        return True  # 'the first U.S. military unit arrived in Libya': forces deployed, not a visit
    if arrives and _travellers(token) & (CARGO | FOREIGNERS):
        return True  # 'exports headed to Mexico', 'migrants traveling to Europe': trade and migration, no visit
    if trigger.pattern.root in {"17", "19"} and lemma in WON_VERBS and _in_a_contest(token):
        return True  # 'Trump has captured Georgia and Alabama' on a primary night: states won, none taken
    if trigger.pattern.root in VIOLENT_ROOTS and _message_attacks(token):
        return True  # 'ads supporting Rubio and attacking Cruz': words, not force
    if is_infinitive(token) and token.dep_ in {"advcl", "acl", "relcl"} and _given_time(token.head):
        return True  # 'gave Morsy 48 hours to agree': a deadline to act, not the act
    if lemma in {"decline", "refuse"} and any(
        c.dep_ == "xcomp" and is_infinitive(c) and c.lemma_.lower() in CANDIDACY_VERBS for c in kids
    ):
        return True  # 'declined to run for a third term': no candidacy, nobody's proposal rejected
    if lemma == "give" and "in" in trigger.pattern.words:
        # 'gave in to the demands' yields; 'the address she gave in Cairo' was given somewhere
        return any(c.lower_ == "in" and c.dep_ == "prep" and any(g.dep_ == "pobj" for g in children(c)) for c in kids)
    if lemma == "give" and "up" in trigger.pattern.words:
        # 'gave up the town', 'give up its nuclear programme' yield; 'gave up being governor', 'gave up trying'
        # quit doing something, and 'gave the White House a heads-up' gives notice
        particle = any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
        return not particle or any(c.tag_ == "VBG" and c.dep_ in {"dobj", "xcomp", "pcomp"} for c in kids)
    if trigger.code == BAN_CODE and any(c.dep_ == "dobj" and _a_practice(c) for c in kids):
        return True  # 'banned waterboarding', 'voted to ban therapeutic cloning': a practice outlawed, nobody punished
    if lemma == "host" and any(c.dep_ == "dobj" and c.lemma_.lower() in HOSTED_EVENTS for c in kids):
        return True  # 'New Hampshire is set to host the second nomination contest': an event held, no guest
    if lemma == "meet" and any(c.lower_ == "where" for c in kids):
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        subjects += [g for s in subjects for g in s.subtree if g.dep_ == "conj"]
        return bool(subjects) and all(s.ent_type_ in {"GPE", "LOC"} for s in subjects)
    if lemma == "encourage" and any(c.dep_ == "auxpass" for c in kids):
        return not any(c.dep_ in {"xcomp", "ccomp"} for c in kids)
    return False


# Whom a candidate 'appeals to' by courting them ('able to appeal to a certain group of folks', 'to his base')
COURTED = AUDIENCES | {"folk", "folks", "base"}
BAN_CODE = "172"
# Gatherings are banned to keep people from meeting: a restriction on them, even when the word ends in -ing
GATHERINGS = frozenset({"meeting", "gathering", "rally", "sitting", "uprising", "wedding", "building", "clothing"})
# Events a place or a body 'hosts' without receiving anyone
HOSTED_EVENTS = frozenset(
    {"primary", "caucus", "contest", "debate", "election", "convention", "race", "vote", "referendum", "game"}
    | {"match", "tournament", "olympics", "championship", "competition", "festival", "concert", "show", "fundraiser"}
)
# Things that 'head to' or 'travel to' a country without visiting it: goods and money shipped there
CARGO = frozenset({"export", "import", "shipment", "good", "product", "cargo", "money", "fund", "oil", "gas", "crude"})
# What a candidate 'captures', 'takes' or 'sweeps' on a night of primaries is won, not seized
WON_VERBS = frozenset({"capture", "take", "seize", "sweep", "grab"})
# Words that tell an electoral contest is the matter of a passage
CONTEST_WORDS = frozenset(
    {"primary", "primaries", "caucus", "caucuses", "delegate", "delegates", "nomination", "election", "ballot"}
    | {"voter", "voters", "electorate", "candidate", "nominee"}
)
CONTEST_WINDOW = 6  # sentences before a trigger read for a contest (a paragraph or two)
# Messages that attack with words ('ads attacking Cruz', 'an editorial assailing the plan')
MESSAGES = frozenset(
    {"ad", "advertisement", "commercial", "spot", "mailer", "editorial", "column", "op-ed", "tweet", "post", "video"}
    | {"speech", "statement", "letter", "book", "memo", "report", "film", "documentary", "song", "message"}
)
# Who holds a rally to campaign, not to protest
CAMPAIGNERS = frozenset(
    {"senator", "candidate", "nominee", "governor", "congressman", "congresswoman", "hopeful", "frontrunner"}
    | {"challenger", "incumbent", "mayor", "campaign"}
)
RALLY_HOSTING = frozenset({"open", "hold", "headline", "host", "address", "stage", "close", "end", "begin", "start"})


def _a_practice(noun: Token) -> bool:
    """A practice named by its -ing noun ('waterboarding', 'therapeutic cloning', 'fracking'): what a ban on it
    restricts is an activity, not a party, a person or a gathering."""
    lemma = noun.lemma_.lower()
    return lemma.endswith("ing") and len(lemma) > 5 and lemma not in GATHERINGS and not noun.ent_type_


def _travellers(verb: Token) -> set[str]:
    """Lemmas of who or what travels: the verb's subject, or the noun its participle describes ('migrants traveling
    to Europe')."""
    movers = [c for c in children(verb) if c.dep_ == "nsubj"]
    if verb.dep_ in {"acl", "relcl"} and not movers:
        movers = [verb.head]
    elif not movers and verb.tag_ in {"VBN", "VBG"}:
        # a reduced relative the parser hung elsewhere ('its exports last year headed to Mexico'): the noun before it
        before = tokens(verb.doc)[max(verb.i - 4, 0) : verb.i]
        movers = [t for t in before if t.pos_ == "NOUN" and t.ent_type_ != "DATE"][-1:]
    movers += [o for m in movers for o in of_objects(m)]  # ('half of its exports headed to Canada')
    return {m.lemma_.lower() for m in movers}


def _in_a_contest(token: Token, *, subject_free: bool = False) -> bool:
    """The act's sentence or the few before it speak of an electoral contest (a primary, delegates, a nomination),
    and (unless `subject_free`) its subject is a person: what the candidate 'captured' or 'took' is a state's vote."""
    subjects = [c for c in children(token) if c.dep_ == "nsubj"]
    person = bool(subjects) and all(s.ent_type_ == "PERSON" or s.pos_ == "PRON" for s in subjects)
    if not person and not subject_free:
        return False
    doc = token.doc
    start = sentence_start(token)
    sentences = [token.sent]
    while len(sentences) <= CONTEST_WINDOW and start > 0:
        sentences.append(doc[start - 1].sent)
        start = sentences[-1].start
    return any(t.lower_ in CONTEST_WORDS or t.lemma_.lower() in CONTEST_WORDS for s in sentences for t in s)


def _message_attacks(token: Token) -> bool:
    """A force word said of a message: the participle describes an ad, an editorial or a speech ('ads supporting
    Rubio and attacking Cruz', 'an ad that attacked him'), through any coordinated participle."""
    verb = token
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.head.lemma_.lower() not in MESSAGES:
        return False
    # ('reports of blasts that had injured Macron': a relative clause may belong to a noun the parser missed)
    # ('reports that 200 mercenaries were killed' tell of force: a participle describes, a clause reports)
    participle = verb.dep_ == "acl" and verb.tag_ == "VBG"
    return participle or (verb.dep_ == "relcl" and token.lemma_.lower() == "attack")


def _campaign_rally(noun: Token) -> bool:
    """A 'campaign rally', or one a candidate or senator opens or holds: a campaign event."""
    if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() == "campaign" for c in children(noun)):
        return True
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in RALLY_HOSTING:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in CAMPAIGNERS for c in children(noun.head))


def _marches_on(token: Token) -> bool:
    """A 'march' that is progress toward a goal ('her steady march to the nomination', 'the long march toward
    union') or a parade walked in ('marched in the Pride parade'): no demonstration."""
    preps = [c for c in children(token) if c.dep_ == "prep"]
    if token.i + 1 < len(token.doc) and token.nbor(1).dep_ == "prep":
        preps.append(token.nbor(1))  # ('to undermine her march to the nomination': the parser may hang 'to' higher)
    for prep in preps:
        objects = {o.lemma_.lower() for o in children(prep) if o.dep_ == "pobj"}
        if prep.lower_ in {"to", "toward", "towards"} and objects & MARCH_GOALS:
            return True
        dates = any(o.dep_ == "pobj" and o.ent_type_ == "DATE" for o in children(prep))
        if prep.lower_ in {"to", "toward", "towards"} and dates:
            return True  # 'she is marching toward November': a calendar, not a procession
        if prep.lower_ in {"in", "at"} and objects & PARADES:
            return True
    return False


def _pull(noun: Token) -> bool:
    """An 'appeal' as a draw on people ('his bombastic appeal to working-class men', 'her broad appeal'), not a
    plea: aimed at an audience, or qualified as how far it reaches."""
    qualities = {c.lemma_.lower() for c in children(noun) if c.dep_ in {"amod", "compound"}}
    if qualities & APPEAL_QUALITIES:
        return True
    return not any(c.lower_ == "for" for c in children(noun)) and bool(_addressees(noun) & AUDIENCES)


def _given_time(head: Token) -> bool:
    """A deadline or a span of time someone is given ('gave him 48 hours', 'a deadline'), for an act to follow."""
    if head.lemma_.lower() in DEADLINES:
        return True
    given = head.lemma_.lower() in {"give", "grant", "allow"}
    return given and any(c.dep_ == "dobj" and c.lemma_.lower() in TIME_SPANS for c in children(head))


def _addressees(verb: Token) -> set[str]:
    """Lemmas of the objects of the verb's 'on' or 'to' ('called on a reporter', 'appealed to voters')."""
    preps = [c for c in children(verb) if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"}]
    objects = [o for p in preps for o in children(p) if o.dep_ == "pobj"]
    # ('a wide swath of voters': the measure names the audience in its 'of' phrase)
    objects += [g for o in objects for g in of_objects(o)]
    return {o.lemma_.lower() for o in objects}


def _warns_nobody(verb: Token) -> bool:
    """'Iraq, in turn, warned the United States': a warning reported as given with no content at all passes on
    notice (of a strike, a raid) and threatens no one; a threat says what is to come ('warned Iran that ...',
    'warned Russia against ...', 'warned them to leave'). (An attempt 'to warn Iran' is told for the danger it
    was about: it stays a warning.)"""
    if is_infinitive(verb):
        return False
    kids = children(verb)
    if _warns_of_the_past(verb):
        return True
    if any(c.dep_ in {"xcomp", "ccomp", "advcl", "dative"} for c in kids):
        return False
    if any(c.lower_ in {"against", "of", "about", "over", ":"} for c in kids):
        return False
    return any(c.dep_ == "dobj" for c in kids)


def _warns_of_the_past(verb: Token) -> bool:
    """'Breedlove warned that Russia had sent artillery into Ukraine', 'the deans had warned that the programme had
    played a role': a warning addressed to no one that something has happened reports it; it threatens no one
    ('warned that missiles will be coming' does)."""
    kids = children(verb)
    if any(c.dep_ in {"dobj", "dative"} for c in kids):
        return False
    clauses = [c for c in kids if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
    if not clauses:
        return False
    auxes = [a for a in children(clauses[0]) if a.dep_ in {"aux", "auxpass"}]
    perfect = clauses[0].tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
    return perfect and not any(a.tag_ == "MD" for a in auxes)


def _risks(trigger: Trigger) -> bool:
    """'Threaten' meaning 'put at risk': 'his rhetoric threatens to undermine such efforts' threatens no one."""
    if trigger.pattern.root != THREAT_ROOT or trigger.pos != "verb":
        return False
    for c in children(trigger.token):
        if c.dep_ == "xcomp" and c.lemma_.lower() in RISK_VERBS:
            return True
        # 'threatening to increase tensions', 'threatens to raise the risk of war': a risk, no threat
        if c.dep_ == "xcomp" and any(o.dep_ == "dobj" and o.lemma_.lower() in RISK_OBJECTS for o in children(c)):
            return True
    return False


def _means_of_force(trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """An order for force or a dispatch of forces to use it is that force, coded once by its own trigger with the
    one who ordered or sent it as source: 'ordered hundreds of drone strikes' is no demand (100), 'sent eight jets
    to strike' no military aid (072)."""
    token = trigger.token
    if trigger.pos != "verb":
        return False
    lemma = token.lemma_.lower()
    objects = [c for c in children(token) if c.dep_ in {"dobj", "xcomp"}]
    # 'ordered hundreds of drone strikes'
    objects += [o for d in objects for p in children(d) if p.lower_ == "of" for o in children(p) if o.dep_ == "pobj"]
    for child in objects:
        inner = by_index.get(child.i)
        if inner is None or inner.pattern.root not in VIOLENT_ROOTS:
            continue
        if lemma in ORDER_VERBS and inner.pos == "noun":
            return True
        if lemma in DISPATCH_VERBS and child.dep_ == "xcomp" and inner.pos == "verb":
            return True
    return False


def _through_intents(readings: list[tuple[Trigger, Reading]], lexicon: Lexicon) -> list[tuple[Trigger, Reading]]:
    """A frame over an intent verb that governs an act codes that act: 'refused to commit to any assistance' is a
    refusal of aid (122), one event, not a refusal (120) plus a pledge of aid (033)."""
    framed_at = {r.head.i: (t, r) for t, r in readings if r.governed is not None}
    dropped: set[int] = set()
    out = []
    for trigger, reading in readings:
        inner = framed_at.get(trigger.i) if reading.governed is not None else None
        if inner is not None and trigger.pattern.root == INTENT_ROOT and inner[1].head.i != reading.head.i:
            act = inner[1].governed
            code = lexicon.frame_code(reading.code[:2], act.code)
            reading = Reading(code, reading.head, reading.modality, act)
            dropped.add(inner[0].i)
        out.append((trigger, reading))
    return [(t, r) for t, r in out if t.i not in dropped]


def _candidate(trigger: Trigger, reading: Reading, by_index: dict[int, Trigger], ctx: Context) -> Candidate | None:
    if reading.governed is None:
        args = _arguments(trigger, ctx)
        if not args.targets and not args.named_target:
            args = _targets_from_host(trigger, args, by_index, ctx)
        confidence = CONF_VERB if trigger.pos == "verb" else CONF_NOUN
        main = trigger
    else:
        main = by_index[reading.head.i]
        args = _framed_arguments(main, trigger, ctx)
        confidence = CONF_FRAMED
    args = _co_agents(reading, args, ctx)
    pattern = trigger.pattern
    code = reading.code
    if code[:2] == THREAT_ROOT and trigger.pattern.root == FIGHT_ROOT and _carries_a_satellite(trigger.token):
        return None  # 'planned to launch a rocket carrying an Earth observation satellite': no attack threatened
    if trigger.code.startswith(HOME_SECURITY) and code[:2] in {INTENT_ROOT, THREAT_ROOT} and _alone(trigger.token):
        return None  # 'France said it would increase security in public places': a measure at home, no threat
    if reading.governed is None:
        code = _means_code(trigger, by_index) or _shot_code(trigger) or code
        if code == KILLING and _in_mass_atrocity(trigger.token, ctx.lexicon):
            code = MASS_KILLING  # 'the Armenian genocide, when Ottoman Turks killed 1.5 million Armenians'
        if code[:2] == FIGHT_ROOT and _quarrels_with_staff(trigger):
            code = "110"  # 'the oilman has clashed with senior White House aides': a dispute, not a battle
        elif code == PRAISE and trigger.token.lemma_.lower() == "support" and _paid_for(trigger.token):
            code = AID  # 'the EU's financial contribution to support Turkey': money given, not words of praise
        elif code == COERCE_CODE and trigger.pos == "noun" and _pressure_to_act(trigger.token):
            code = DEMAND_ROOT + "0"  # 'stepped up pressure on China to rein in its actions': a demand made
    elif reading.code[:2] == "12" and _keeps_force_open(reading.head, reading.governed):
        code = "138"  # 'refused to rule out military intervention': force kept on the table is a threat
    # a frame's governed event decides whether a partner is needed ('agreed to resign' needs none, 'agreed to meet'
    # does); a threat, demand or refusal stands without one ('threatened to launch an offensive')
    partnered = reading.governed is None or reading.code[:2] == "03"
    if code[:2] == "12" and _holds_back_force(reading.head, reading.governed):
        return None  # 'declined to attack Clinton', 'declined to threaten Moscow': nothing asked of him is rejected
    if code[:2] == "12" and _declines_words(reading.head, reading.governed):
        code = "011"  # 'declined to go into detail', 'declined to criticize Trump': no comment, no rejection
    if (
        code[:2] in {INTENT_ROOT, THREAT_ROOT}
        and reading.governed is not None
        and _own_campaign(reading.governed.token)
    ):
        return None  # 'vowed to fight on', 'promised to press on': keeping going is aimed at no one
    if code[:2] == "04" and _met_with_reaction(reading.head):
        return None  # 'the plan has been met with opposition': a reception, no meeting
    if code == "120" and _will_not_admit(reading.head):
        return None  # 'refusing to concede that his voters would back Clinton': a view held, nothing rejected
    if code == INTENT_ROOT + "0":
        vowed = _vowed_code(reading.head, by_index, ctx.lexicon)
        if vowed == NO_EVENT:
            return None
        code = vowed or code
    return Candidate(
        code,
        reading.head,
        reading.modality,
        args,
        home=pattern.home,
        symmetric=pattern.symmetric and partnered,
        agreement=pattern.synset == "AGREEMENT",
        confidence=confidence,
        done_to=pattern.of_target,
        has_object=trigger.obj is not None,
        acted=trigger.pos == "verb" or reading.governed is not None or _supported(trigger.token),
        framed=reading.governed is not None or code[:2] != pattern.root,
        names_act=_names_act(reading.head, code[:2]),
        by_force=reading.governed is None and _by_force(trigger, by_index),
    )


PRAISE = "051"
AID = "070"
# Money that 'supports' someone is given to them
MONEY = frozenset(
    {"contribution", "fund", "funding", "money", "aid", "grant", "loan", "donation", "payment", "budget", "package"}
    | {"assistance", "cash", "dollar", "euro", "million", "billion"}
)
HOME_SECURITY = ("151", "153")  # security tightened and police deployed at home
# Those one 'clashes with' in words: staff, officials, the press, colleagues
STAFF = frozenset(
    {"aide", "adviser", "advisor", "staff", "staffer", "official", "journalist", "reporter", "press", "media"}
    | {"lawmaker", "senator", "congressman", "colleague", "boss", "cabinet", "secretary", "entourage", "critic"}
    | {"donor", "leadership", "counterpart", "administration", "democrat", "republican"}
)
# What a refusal to 'rule out' keeps open as a threat: force
FORCE_NOUNS = frozenset({"intervention", "action", "force", "strike", "attack", "war", "invasion", "option"})
KILLING = "1823"
MASS_KILLING = "202"
SMALL_ARMS = "193"
SHOT_VERBS = frozenset({"shoot"})
FATAL_WORDS = frozenset({"fatally", "dead", "death", "mortally"})
# What a refusal 'to concede that ...' or 'to admit that ...' withholds: assent to a fact, not to anyone's proposal
ADMISSION_VERBS = frozenset({"concede", "admit", "acknowledge", "accept", "recognize", "recognise", "believe"})


def _shot_code(trigger: Trigger) -> str | None:
    """'Three people were fatally shot at a screening': who 'was shot' was hit by a gunman, an assault (182, 1823
    when fatal), not an exchange of fire (193); the 'at' says where, not at whom. 'Were shot at' (fired on) and
    'fired at' stay gunfire."""
    token = trigger.token
    if trigger.pos != "verb" or trigger.code != SMALL_ARMS or token.lemma_.lower() not in SHOT_VERBS:
        return None  # ('rockets were fired at Israel': rockets are fired, people are shot)
    kids = children(token)
    if not any(c.dep_ == "nsubjpass" for c in kids):
        return None
    at = [c for c in kids if c.dep_ == "prep" and c.lower_ == "at"]
    if not at or not all(any(g.dep_ == "pobj" for g in children(p)) for p in at):
        return None  # 'were shot at': fired on, no word of anyone hit
    fatal = any(c.lower_ in FATAL_WORDS for c in kids) or any(g.lower_ in FATAL_WORDS for c in kids for g in c.subtree)
    return KILLING if fatal else "182"


def _paid_for(verb: Token) -> bool:
    """'Support' whose doer is money: 'a financial contribution to support Turkey', 'the funds will support
    refugees'."""
    payers = [c for c in children(verb) if c.dep_ == "nsubj"]
    if verb.dep_ in {"acl", "relcl"}:
        payers.append(verb.head)
    return any(p.lemma_.lower() in MONEY for p in payers)


def _pressure_to_act(noun: Token) -> bool:
    """'Pressure on China to rein in its actions': pressure to do something is a demand that it be done."""
    return any(c.dep_ == "acl" and is_infinitive(c) for c in children(noun))


def _carries_a_satellite(verb: Token) -> bool:
    """What is launched or fired carries a satellite ('a rocket carrying an observation satellite'): a launch into
    space, aimed at no one."""
    objects = [c for c in children(verb) if c.dep_ == "dobj"]
    return any(t.lemma_.lower() == "satellite" for o in objects for t in o.subtree)


def _alone(verb: Token) -> bool:
    """The act is promised on its own, with no other act coordinated ('to tighten border security and crack down on
    undocumented workers' promises a crackdown too)."""
    return verb.dep_ != "conj" and not any(c.dep_ == "conj" and c.pos_ == "VERB" for c in children(verb))


def _quarrels_with_staff(trigger: Trigger) -> bool:
    """'Has clashed with senior White House aides', 'clashes between journalists and the candidate's entourage': a
    clash with people who fight with words is a quarrel."""
    token = trigger.token
    if token.lemma_.lower() not in {"clash", "spar", "feud", "battle", "tangle"}:
        return False
    # ('clashes between journalists and Mr. Trump's entourage')
    preps = {"with"} if trigger.pos == "verb" else {"with", "between"}
    withs = [g for p in children(token) if p.dep_ == "prep" and p.lower_ in preps for g in children(p)]
    withs += [c for w in withs for c in children(w) if c.dep_ == "conj"]
    return bool(withs) and all(w.dep_ in {"pobj", "conj"} and w.lemma_.lower() in STAFF for w in withs)


def _keeps_force_open(verb: Token, governed: Trigger) -> bool:
    """'Refused to rule out military intervention': what is not ruled out stays possible; when that is force, the
    refusal threatens it."""
    if verb.lemma_.lower() not in {"refuse", "decline"} or governed.token.lemma_.lower() != "rule":
        return False
    for obj in (c for c in children(governed.token) if c.dep_ == "dobj"):
        military = any(m.lower_ in {"military", "armed"} for m in children(obj))
        if obj.lemma_.lower() in {"war", "invasion", "strike", "attack", "airstrike"} or (
            military and obj.lemma_.lower() in FORCE_NOUNS
        ):
            return True
    return False


def _in_mass_atrocity(token: Token, lexicon: Lexicon) -> bool:
    """A killing the sentence tells as part of a genocide or massacre: its clause hangs on that noun ('the Armenian
    genocide, when Ottoman Turks killed 1.5 million') or on a phrase that names it ('the start of the genocide')."""
    if token.pos_ != "VERB" or token.dep_ not in {"relcl", "acl", "appos"}:
        return False
    noun = token.head
    for _ in range(3):
        if lexicon.in_synset("WARCRIME", noun.lemma_.lower()) and noun.lemma_.lower() != "war crime":
            return True
        if noun.dep_ != "pobj" or noun.head.head.i == noun.head.i:
            return False
        noun = noun.head.head
    return False


def _will_not_admit(verb: Token) -> bool:
    """A refusal to admit or concede that something is so ('refusing to concede that her backers would not vote
    for him'): an opinion kept, no rejection of anyone's demand or proposal."""
    if verb.lemma_.lower() not in {"refuse", "decline"}:
        return False
    for c in children(verb):
        if c.dep_ == "xcomp" and is_infinitive(c) and c.lemma_.lower() in ADMISSION_VERBS:
            return any(g.dep_ == "ccomp" for g in children(c))
    return False


def _means_code(trigger: Trigger, by_index: dict[int, Trigger]) -> str | None:
    """A killing or wounding done by conventional force is that force: 'an Iraqi airstrike killed 45 fighters',
    'was killed by a drone strike', 'wounded others in a missile strike', 'has been bombing Syria, killing
    civilians' are air strikes (19x), not assaults (18x). The code of the force that did it, if any."""
    if trigger.code not in HARM_CODES or trigger.pos != "verb":
        return None
    token = trigger.token
    # ('an airstrike that killed 45 fighters': the relative pronoun stands for the strike)
    subjects = [c for c in children(token) if c.dep_ in {"nsubj", "nsubjpass"}]
    means = [token.head if c.lower_ in {"that", "which"} and token.dep_ == "relcl" else c for c in subjects]
    for prep in children(token):
        if prep.dep_ in {"agent", "prep"} and prep.lower_ in FORCE_PREPS:
            means += [o for o in children(prep) if o.dep_ == "pobj"]
    for m in means:
        found = by_index.get(m.i)
        if found is not None and found.code.startswith((*MILITARY_MEANS, *MASS_MEANS)):
            return found.code
    # 'launched a chemical attack on a suburb, killing 1,400 people': the deaths are that attack's
    found = by_index.get(token.head.i) if token.dep_ in {"advcl", "conj"} else None
    if found is not None and found.code.startswith(MASS_MEANS):
        return found.code
    return None


def _by_force(trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """A killing told of by a participle or conjunct of a bombing or strike: 'has been bombing Syria, killing
    civilians', 'dropped a bomb on Nagasaki, killing 70,000' (whether that is conventional force depends on who
    bombed: see `_add_event`)."""
    token = trigger.token
    if trigger.code not in HARM_CODES or trigger.pos != "verb" or token.dep_ not in {"advcl", "conj"}:
        return False
    if token.dep_ == "advcl" and token.tag_ != "VBG":
        return False
    found = by_index.get(token.head.i)
    # ('terrorists have struck at religion, killing a priest': a strike at a place may be no air strike)
    return found is not None and found.code.startswith((*MILITARY_MEANS, "183")) and not _strikes_at(found)


def _holds_back_force(verb: Token, governed: Trigger | None) -> bool:
    """A refusal to threaten or to use force ('declined to attack Clinton over the issue', 'declined to threaten
    Moscow'): a harm not done, which is no event ('refused to rule out force' is a threat, coded before this)."""
    if verb.lemma_.lower() not in {"decline", "refuse"} or governed is None:
        return False
    return governed.pattern.root in {THREAT_ROOT, "18", "19", "20"}


def _declines_words(verb: Token, governed: Trigger | None) -> bool:
    """A refusal to say something ('declined to address the case', 'refused to call it terrorism', 'declined to
    criticize him'): words withheld, not a rejection of anyone's act or proposal."""
    if verb.lemma_.lower() not in {"decline", "refuse"}:
        return False
    if governed is not None and governed.pattern.root in {"01", "11"}:
        return True
    for c in children(verb):
        if c.dep_ == "xcomp" and is_infinitive(c):
            addressed = [o for g in children(c) if g.dep_ == "prep" and g.lower_ in {"to", "with"} for o in children(g)]
            if any(o.lemma_.lower() not in PRESS_WORDS for o in addressed):
                return False  # 'refuse to speak to Trump': no talks with him, a rejection (not 'with reporters')
            details = any(g.lemma_.lower() in {"detail", "specific", "specifics"} for g in c.subtree)
            return c.lemma_.lower() in WITHHELD_WORDS or details
    return False


def _strikes_at(trigger: Trigger) -> bool:
    """'Struck' a place or a target: said of air strikes and of terrorists alike."""
    return trigger.token.lemma_.lower() in {"strike", "hit"} or trigger.pattern.synset in {"TERRITORY", "MILTARGET"}


def _vowed_code(verb: Token, by_index: dict[int, Trigger], lexicon: Lexicon) -> str | None:
    """What a bare promise (030) promises, when its act is no cooperation. A promise to harm is a threat: 'vowed to
    retaliate', 'vowed to use his veto to kill the bill', 'promised to build a wall and make Mexico pay', 'promised
    a military response', or one whose act the lexicon knows as harm ('vowed to press ahead with plans to annex'
    1382). A promise of words ('promised to deliver a speech') is no event (NO_EVENT). None: a promise."""
    acts = _promised_verbs(verb)
    if acts and (_own_campaign(acts[0]) or _beats_rivals(acts[0])):
        return NO_EVENT  # 'vowed to take his campaign to the convention', 'promising to campaign across the country'
    if acts and any(g.dep_ == "prep" and g.lower_ == "against" for g in children(acts[0])):
        return THREAT_ROOT + "0"  # 'vowed to fight against the bill'
    # (not what the act is 'an attempt to' do: 'pledged to pay the debt bill in an attempt to fight poverty' is aid)
    aims = [t for a in acts for t in a.subtree if t.pos_ == "VERB" and is_infinitive(t) and not _purpose_of(t)]
    for act in acts + aims:
        lemma = act.lemma_.lower()
        made_to_pay = lemma == "make" and any(g.lemma_.lower() == "pay" for g in children(act))
        pursued = lemma in PURSUIT_VERBS and any(g.lower_ in PURSUIT_VERBS[lemma] for g in children(act))
        if pursued:
            return THREAT_ROOT + "0"  # 'vowed to go after anyone who attacks', 'vowed to hunt down the killers'
        if lemma in OPPOSE_VERBS and _ends_own_activity(act, by_index):
            continue  # 'promised to stop testing', 'agreed to halt its enrichment': a concession, no threat
        if lemma in UNDOING_VERBS and _undoes_a_law(act, lexicon):
            continue  # 'vowed to repeal the Hyde Amendment': a promise of legislation, no threat to anyone
        if _fights_for(act):
            continue  # 'vowed to fight for gay and transgender people': a cause championed, no threat
        if lemma in HOSTILE_ACTS | HARM_VERBS | OPPOSE_VERBS or made_to_pay:
            return THREAT_ROOT + "0"  # 'vowed to confront Obama', 'promised to make Mexico pay'
        if lemma in BARRIER_VERBS and _built(act, verb) & BARRIERS:
            return THREAT_ROOT + "0"  # 'promised to build his border wall', 'the wall he vowed to build'
    # the harm promised outright or planned ('vowed to press ahead with plans to annex'), not harm ended
    planned = [t for t in aims if t.dep_ == "acl" and lexicon.intent_words & {t.head.lemma_.lower(), t.head.lower_}]
    for act in acts + planned:
        found = by_index.get(act.i)
        if found is not None and found.pattern.root in HARM_ROOTS:
            return lexicon.frame_code(THREAT_ROOT, found.code)
    objects = [c for c in children(verb) if c.dep_ == "dobj"]
    objects += [c for a in acts[:1] for c in children(a) if c.dep_ == "dobj"]
    for obj in objects:
        lemma = obj.lemma_.lower()
        founded = obj.head.i == verb.i or obj.head.lemma_.lower() in FOUNDING_VERBS
        harsh = _harsh_measure(obj, by_index) if founded else None
        if harsh is not None:
            return lexicon.frame_code(THREAT_ROOT, harsh)  # 'a deportation task force', 'a zero tolerance policy'
        if lemma in RESPONSE_NOUNS and not acts:
            military = any(m.lower_ in {"military", "armed"} for m in obj.lefts)
            return "138" if military else THREAT_ROOT + "0"  # 'promised a strong military response'
        if lemma in SPEECH_NOUNS:
            return NO_EVENT  # 'promises to deliver a major speech': words still to come
    return None


# A candidate's own race: promising to carry it on is a campaign statement, no intention toward anyone
CAMPAIGN_WORDS = frozenset({"campaign", "candidacy", "bid", "race", "run"})
# How laws and policies are undone: by legislation, not by a threat
UNDOING_VERBS = frozenset({"repeal", "overturn", "scrap", "abolish", "reverse", "undo", "dismantle", "rescind"})
# (and a court's: 'overturn the Supreme Court's Citizens United decision')
LAW_WORDS = frozenset(
    {"law", "act", "amendment", "regulation", "rule", "policy", "mandate", "tax", "provision", "decision", "ruling"}
)
PURPOSE_NOUNS = frozenset({"attempt", "effort", "bid", "order"})


def _fights_for(act: Token) -> bool:
    """'To fight for lesbians and gays', 'to fight for the workers': a fight for someone or something, with no one
    fought (not 'to fight the Taliban for control of the town')."""
    kids = children(act)
    if act.lemma_.lower() not in {"fight", "battle", "struggle"} or any(c.dep_ == "dobj" for c in kids):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in kids)


def _beats_rivals(act: Token) -> bool:
    """'He promised to defeat Randolph and Soto' in a primary: to win an election, no threat to anyone."""
    if act.lemma_.lower() not in {"defeat", "beat", "unseat", "oust"}:
        return False
    # (a rival's name may sit deeper in a phrase the parser misread: 'defeat Randolph and state Sen. Soto thanks')
    objects = [c for c in children(act) if c.dep_ == "dobj" and c.ent_type_ not in {"ORG", "NORP"}]
    people = [o for o in objects if o.pos_ == "PRON" or any(t.ent_type_ == "PERSON" for t in o.subtree)]
    return bool(people) and _in_a_contest(act, subject_free=True)


def _own_campaign(act: Token) -> bool:
    """The promised act is the promiser's own campaigning: 'to campaign across the country', 'to take his campaign
    all the way to the convention', 'to stay in the race'."""
    if act.lemma_.lower() == "campaign":
        return True
    kids = children(act)
    if act.lemma_.lower() in {"fight", "battle", "soldier", "press", "carry"} and any(
        c.lower_ == "on" and c.dep_ in {"prt", "advmod"} for c in kids
    ):
        # 'vowed to fight on', 'promised to press on': to keep going, against no one named
        return not any(c.dep_ in {"dobj", "prep"} and c.lower_ != "on" for c in kids)
    objects = [c for c in kids if c.dep_ == "dobj"]
    objects += [g for p in kids if p.dep_ == "prep" and p.lower_ == "in" for g in children(p)]
    # ('to keep her campaign going')
    objects += [g for c in kids if c.dep_ in {"ccomp", "xcomp"} for g in children(c) if g.dep_ == "nsubj"]
    owned = [o for o in objects if o.lemma_.lower() in CAMPAIGN_WORDS]
    return any(o.dep_ == "pobj" or any(p.dep_ == "poss" for p in children(o)) for o in owned)


def _met_with_reaction(verb: Token) -> bool:
    """'Was met with criticism', 'has been met with skepticism': the passive of 'meet with' tells how something was
    received ('was met by the prime minister at the airport' is still a meeting)."""
    if verb.lemma_.lower() != "meet":
        return False
    kids = children(verb)
    return any(c.dep_ == "auxpass" for c in kids) and any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)


def _purpose_of(verb: Token) -> bool:
    """An infinitive naming the purpose of an attempt ('in an attempt to fight poverty', 'in a bid to end the
    strike'): what the act is meant to achieve, not a second act promised."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in PURPOSE_NOUNS


def _undoes_a_law(act: Token, lexicon: Lexicon) -> bool:
    """The act's object is a law, an amendment or a policy ('repeal the Hyde Amendment', 'overturn the mandate')."""
    for obj in (c for c in children(act) if c.dep_ == "dobj"):
        if obj.ent_type_ == "LAW" or obj.lemma_.lower() in LAW_WORDS:
            return True
    return False


def _ends_own_activity(act: Token, by_index: dict[int, Trigger]) -> bool:
    """'stop testing', 'stop using vaccination programmes', 'halt its enrichment', 'suspend the tariffs': the
    promised act ends something the promiser itself does (a gerund, an activity of its own, its sanctions), not
    something others do ('stop the caravan')."""
    kids = children(act)
    if any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in kids):
        return True
    for obj in (c for c in kids if c.dep_ == "dobj"):
        if obj.lower_.endswith("ing") or any(p.dep_ == "poss" and p.lower_ in {"its", "our"} for p in children(obj)):
            return True
        named = [obj] + [m for m in obj.lefts if m.dep_ == "compound"]
        if any(t.i in by_index and by_index[t.i].pattern.root == SANCTION_ROOT for t in named):
            return True  # ('agreed to halt the tariff increases': relief from a sanction)
    return False


def _built(act: Token, verb: Token) -> set[str]:
    """Lemmas of what an act builds: its object, or what the promise is said of ('the wall he vowed to build')."""
    objects = [c for c in children(act) if c.dep_ == "dobj"]
    if not objects and verb.dep_ == "relcl":
        objects = [verb.head]
    return {o.lemma_.lower() for o in objects}


def _harsh_measure(obj: Token, by_index: dict[int, Trigger]) -> str | None:
    """The code of the coercion or force a promised thing is made for: 'a deportation task force' (174), or a
    'zero tolerance' policy (170); None when it names none."""
    for mod in obj.lefts:
        found = by_index.get(mod.i)
        if mod.dep_ in {"compound", "nmod", "amod"} and found is not None and found.pattern.root in HARM_ROOTS:
            return found.code
    words = [t.lower_ for t in obj.subtree if t.is_alpha]
    return COERCE_CODE if any(pair == ("zero", "tolerance") for pair in pairwise(words)) else None


def _promised_verbs(verb: Token) -> list[Token]:
    """The acts an intent verb's to-infinitive names, with their conjuncts ('to build a wall and make Mexico
    pay'), unless negated."""
    for c in children(verb):
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and is_infinitive(c):
            if any(g.dep_ == "neg" for g in children(c)):
                return []
            return [c] + [g for g in children(c) if g.dep_ == "conj" and g.pos_ == "VERB"]
    return []


def _co_agents(reading: Reading, args: Args, ctx: Context) -> Args:
    """Coordinated subjects of a promise act together, not on each other ('Russia and China vowed to block the
    resolution'); a mutual act makes them each other's partners ('pledged to cooperate'), and so does agreeing."""
    if reading.code[:2] != INTENT_ROOT or not args.targets or reading.head.lemma_.lower() in AGREE_VERBS:
        return args  # ('Beijing and Washington agreed to roll back tariffs': an agreement is between its parties)
    act = reading.governed
    if act is not None and (act.pattern.symmetric or act.code.startswith(MUTUAL_PREFIXES)):
        return args
    if act is None and not _names_act(reading.head, INTENT_ROOT):
        return args
    subjects = [r.actor for r in resolve_all(verb_subjects(reading.head)[0], ctx.actors)]
    if len(subjects) < 2 or any(all(t.actor is not s for s in subjects) for t in args.targets):
        return args
    return Args(args.sources + args.targets, [], False, args.agentless)


def _names_act(verb: Token, root: str) -> bool:
    """A frame verb with a to-infinitive act says what is promised, threatened or refused ('agreed to set up a
    centre', 'threatened to resume attacks'), even when the lexicon does not know that act, and so does one with
    the act as a noun or gerund after 'to' ('agreed to an extension of the mandate', 'is committed to opening up
    the economy'); 'refused to say' and 'declined to comment' say nothing."""
    if verb.pos_ != "VERB":
        return False
    silent = NON_ACTS if root == THREAT_ROOT else NON_ACTS | HOSTILE_ACTS
    for c in children(verb):
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and is_infinitive(c) and c.lemma_.lower() not in silent:
            return not any(g.dep_ == "neg" for g in children(c))  # 'vowed not to send troops' promises nothing
        to_act = c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i
        if to_act and any(g.dep_ == "pcomp" or (g.dep_ == "pobj" and g.pos_ == "NOUN") for g in children(c)):
            return True
    return False


def _supported(noun: Token) -> bool:
    """A noun someone 'staged', 'launched' or 'held' reports an act; 'a document outlining U.S. demands' does not."""
    verb = support_verb(noun)
    return verb is not None and verb.lemma_.lower() in SUPPORT_VERBS


def _arguments(trigger: Trigger, ctx: Context) -> Args:
    if trigger.pos == "verb":
        toks = tokens(trigger.token.doc)
        parts = tuple(toks[i] for i in sorted(trigger.parts) if toks[i].pos_ == "VERB")
        return verb_arguments(trigger.token, trigger.pattern, trigger.obj, ctx.actors, parts)
    return noun_arguments(trigger.token, trigger.pattern, trigger.obj, ctx.actors)


def _targets_from_host(trigger: Trigger, args: Args, by_index: dict[int, Trigger], ctx: Context) -> Args:
    """'the visit of X at the invitation of Y': an event attached to another one by a preposition is done to
    that event's agent (Y invited X)."""
    token = trigger.token
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return args
    host = by_index.get(token.head.head.i)
    if host is None:
        return args
    host_sources = _arguments(host, ctx).sources
    targets = [t for t in host_sources if all(t.actor is not s.actor for s in args.sources)]
    return Args(args.sources, targets, args.named_target) if targets else args


def _framed_arguments(frame: Trigger, governed: Trigger, ctx: Context) -> Args:
    """The governor's source; its target, else the governed event's ('agreed to withdraw from Lebanon')."""
    outer = _arguments(frame, ctx)
    inner = _arguments(governed, ctx)
    if outer.targets or outer.named_target:
        return Args(outer.sources, outer.targets, True)  # 'called on Europe to defend Ukraine' is aimed at Europe
    if frame.pattern.root in ADDRESSED_ROOTS:
        # 'its demand that Israel ease restrictions': the one asked to act is the target
        addressees = [t for t in inner.sources if all(t.actor is not s.actor for s in outer.sources)]
        return Args(outer.sources, addressees or inner.targets, inner.named_target or bool(addressees))
    sources = outer.sources or inner.sources  # 'agreed to withdraw': one subject for both
    targets = [t for t in inner.targets if all(t.actor is not s.actor for s in sources)]
    return Args(sources, targets, outer.named_target or inner.named_target)


def _demand_candidates(doc: Doc, by_index: dict[int, Trigger], ctx: Context, body_start: int) -> list[Candidate]:
    """'X said Y must withdraw': a demand (must) or appeal (should) of the speaker on the obliged party."""
    out = []
    for token in with_lower(doc, ("must", "should")):
        if token.idx < body_start:
            continue
        found = reported_demand(token)
        if found is None:
            continue
        speech, verb, strong = found
        root = DEMAND_ROOT if strong else APPEAL_ROOT
        trigger = by_index.get(verb.i)
        code = ctx.lexicon.frame_code(root, trigger.code) if trigger is not None else root + "0"
        sources = resolve_all(verb_subjects(speech)[0], ctx.actors)
        # the one obliged is someone, not something ('U.S. military action should remain on the table')
        obliged = [t for t in verb_subjects(verb)[0] if t.pos_ in {"PROPN", "PRON"} or ctx.actors.kb.sector(t.text)]
        targets = resolve_all(obliged, ctx.actors, shallow=True)
        # 'Trump said the U.S. must avoid ...' is policy talk, not a demand on another party
        countries = {s.actor.country for s in sources}
        targets = [t for t in targets if t.actor.country not in countries]
        args = Args(sources, targets, True)
        out.append(Candidate(code, verb, "asserted", args, False, False, False, CONF_DEMAND))
    return out


# -------------------------------------------------------------------- emission


def _emit(c: Candidate, ctx: Context) -> None:
    args = c.args
    confidence = c.confidence
    if not args.sources and c.agreement and ctx.last_agreement is not None and not args.named_target:
        args = Args([ctx.last_agreement[0]], [ctx.last_agreement[1]], True)
        confidence = CONF_INHERITED_PARTIES
    if c.agreement and args.sources and args.targets:
        ctx.last_agreement = (args.sources[0], args.targets[0])
    sources = [sides.placed(s, c, None, ctx) for s in args.sources]
    if not sources and args.agentless and c.code[:2] in AGENTLESS_ROOTS and not c.symmetric:
        sources = [sides.unnamed_agent(c, args, ctx)]  # 'three soldiers were killed': done by someone unnamed
    for source in sources:
        known = sides.known(source)
        if not known and source.via not in {UNPLACED, "agentless"}:
            continue  # a person or phrase we could not place is no actor to code
        if not known and source.actor.sector in STATE_ORGANS:
            continue  # 'the foreign ministry', 'congressional leaders' of a country we cannot tell
        if c.code == "190" and source.actor.kind == "person" and source.actor.sector not in MILITARY_SECTORS:
            continue  # 'Trump is fighting his own administration': people fight wars only through armies
        # an unknown agent acts only on the target the sentence names: nothing is guessed for it
        targets, how = sides.targets(c, args, source, ctx) if known else (args.targets, "")
        for target in targets:
            target = sides.placed(target, c, source, ctx)
            if target.via == UNPLACED and target.actor.sector in STATE_ORGANS:
                continue  # a state organ belongs to a country: one we cannot place is no target ('the ministry')
            if not sides.known(target) and (not known or (how != "absent" and target.via != UNPLACED) or c.symmetric):
                continue  # one side at least must have a country; a named target must be placed or a group;
                # a meeting or an agreement needs a partner we can place
            if _same_actor(source, target) or _advises_its_own(c, source, target):
                continue
            if _sanctions_its_own(c, source, target):
                continue
            conf = {
                "salience": CONF_INFERRED_TARGET,
                "home": CONF_HOME,
                "implied": CONF_IMPLIED,
                "absent": CONF_NO_TARGET,
                "domestic": CONF_DOMESTIC,
            }.get(how, confidence)
            if not known or source.via == "place" or target.via == UNPLACED:
                conf = min(conf, CONF_UNPLACED)
            inferred = how in {"salience", "home", "implied", "domestic"}
            _add_event(c, source, target, inferred, conf, ctx, guessed=how == "domestic")


def _advises_its_own(c: Candidate, source: ResolvedActor, target: ResolvedActor) -> bool:
    """'The State Department warned U.S. citizens against travel to Pakistan': a state's warning to its own
    civilians is advice, not a threat (one to its own officials or rivals may be: 'Boehner warned Obama')."""
    if c.code[:2] != THREAT_ROOT or c.head.lemma_.lower() not in WARNING_VERBS:
        return False
    return target.actor.country == source.actor.country and target.actor.sector in {None, "CVL"}


def _sanctions_its_own(c: Candidate, source: ResolvedActor, target: ResolvedActor) -> bool:
    """'Lawmakers have threatened fresh sanctions on Iran' in a story about Iran: a state puts sanctions on other
    states, so a group we placed in the very country it would sanction was placed by the story's subject, not by the
    text ('Iranian lawmakers' placed by the text may still threaten their own government with other things)."""
    guessed = source.via in {"owner", "document"}  # (placed by `sides.placed` or by the story's lone country)
    return c.code.startswith(SANCTION_CODES) and guessed and source.actor.country == target.actor.country


def _same_actor(source: ResolvedActor, target: ResolvedActor) -> bool:
    """One actor on both sides; a country acting on its own nationals ('Croatia is investigating crimes by
    Croatian extremists') is two mentions of the same country code, which is fine."""
    return target.actor is source.actor and (target.actor.kind != "country" or target.span == source.span)


def _add_event(
    c: Candidate,
    source: ResolvedActor,
    target: ResolvedActor,
    inferred: bool,
    conf: float,
    ctx: Context,
    *,
    guessed: bool = False,
) -> None:
    code = c.code
    if source.actor.sector in MILITARY_SECTORS:
        code = ctx.lexicon.military_code(code)  # an assault by an army is conventional force (18x -> 19x)
    elif code == "180" and verbal_attack(c, source, target):
        code = "111"  # 'Pelosi attacked people of faith': words, not force
    elif politicians_spar(c, source, target):
        code = "111"  # 'Rubio fired at Trump during the rally': words, not force
    elif code == "183" and (state_force(c.head, source) or statesman_at_war(source, target)):
        code = ctx.lexicon.military_code(code)  # 'the U.S. has been bombing Syria': from the air
    elif (code == "180" or c.by_force) and (state_force(c.head, source) or statesman_at_war(source, target)):
        code = ctx.lexicon.military_code(code)  # 'Turkey launched its assault', 'the Iranian attacks'
    elif unconventional(c.head, code, source):
        code = "180"  # 'gunmen opened fire on worshippers', 'terrorists struck at a market': an assault, no battle
    if names_the_site(c.head, source, ctx):
        return  # 'a Florida rally', 'the Texas shooting': the region named on the act is where, not who
    if code == "141" and c.head.lemma_.lower() == "rally" and holds_own_rally(source):
        return  # 'Mr. Trump held a rally in Ohio': a campaign event, no protest
    if code[:2] == "14" and celebrates(c.head):
        return  # 'Iranians took to the streets to celebrate the deal': joy, no dissent
    if code == "141" and c.head.lemma_.lower() == "march" and source.actor.sector in FIGHTING_SECTORS:
        code = "190"  # 'the Islamic State started an aggressive march on Iraq': an offensive, no demonstration
    elif code == "144" and attackers(c.head, source):
        code = "191"  # 'the gunmen set cars on fire to block roads': part of their attack, no protest
    if c.head.lemma_.lower() in {"mobilize", "mobilise"} and source.actor.sector in CIVIL_SECTORS:
        return  # 'Democrats who will mobilize to help her win': parties and citizens rally voters, not forces
    if code.startswith(MILAID_CODES) and politics_at_home(source, target):
        return  # 'the party offered fresh ammunition to Republicans': arguments handed to rivals, no arms
    if code == "0832" and source.actor.sector == "JUD":
        return  # 'the appeals court reversed a previous decision': a judgment, no concession
    if code == COERCE_CODE and source.actor.sector in CIVIL_SECTORS and c.head.lemma_.lower() not in HARASS_WORDS:
        return  # 'GOP senators pressuring House conservatives', 'forced by student activists': politics, no coercion
    if code[:2] == "16" and gives_way_to_another_trip(c.head):
        return  # 'cancelled a trip to Mozambique to go to the Middle East': a schedule, no snub
    if c.has_object and moves_itself(c.head, source, target):
        return  # 'Trump withdrew the US from the deal': the US is what he withdrew, not whom from
    if code == "042" and travellers(c.head, source):
        return  # 'the Syrians arriving in the United States': people moving, no visit
    if code == "042" and own_institution(source, target):
        return  # 'Obama arrives in the White House briefing room', 'was headed to a military hospital': no visit
    if code[:2] in VIOLENT_ROOTS and unarmed_body(c.head):
        return  # 'the president's re-election campaign launched a pre-emptive strike': a figure of speech
    if code[:2] in VIOLENT_ROOTS and no_ones_doing(c.head):
        return  # 'an earthquake killed 300', 'the jet crashed, killing all aboard': a disaster, no assault
    if code[:2] == "17" and quells_words(c.head):
        return  # 'scrambling to quell the controversy': politics, not repression
    if code == "051" and c.head.lemma_.lower() == "back" and forces(source):
        code = "062"  # 'the Afghan army, backed by American troops': fighting alongside, not words of support
    elif code == "050" and (forces(source) or forces(target)):
        code = "062"  # 'the Kurdish forces that partnered with the U.S.': armed partners cooperate militarily
    elif code == "012" and named_owner(c.head):
        code = "111"  # 'lamented Sanders' past vote': regret at another's act is criticism of it
    if code[:2] in {INTENT_ROOT, THREAT_ROOT} and walkout_threatened(c.head, source):
        code = "133"  # 'unions threatened strikes', 'pledged to ballot for strikes': a walkout, no force
    if code[:2] == FIGHT_ROOT:
        # 'trade unions carried out strikes': a walkout; 'a clash between protesters and police': a riot
        code = "143" if labour_strike(c.head, source) else street_clash(c.head, source, target) or code
    if code == AIR_STRIKES and police_raid(c.head, source):
        code = "170"  # 'police conducted raids on six homes': a search in force, not a strike from the air
    if code == "192" and takes_people(c.head, ctx.lexicon):
        code = "173"  # 'the crew was seized in the Gulf', 'the city where he was captured': people are detained
    if code[:2] == "19" and (a_test(c.head) or a_launch(c.head)):
        code = "150"  # 'North Korea fired a ballistic missile in a test': a show of force, no attack
    elif code[:2] == "19" and (clash_over(c.head) or political_clash(c.head, source, target)):
        code = "110"  # 'Washington and Moscow have clashed over Syria': a dispute, not a battle
    if (
        (code[:2] in VIOLENT_ROOTS or code == "175")
        and sides.known(source)
        and source.via not in {"agentless", "place"}
    ):
        ctx.last_force = (sentence_start(c.head), source, target.actor.country)
        if conf > CONF_UNPLACED:
            ctx.forces.append((source, target))
    if not open_side_allowed(code, source, target, ctx.lexicon):
        return  # the force was still told of (above); the event lacks a side its act needs
    key = (code, source.actor.country, target.actor.country)
    if key in ctx.guessed and not guessed:
        # the same act with its target named says more than one whose target was guessed: it takes that one's place
        # in the article's one event per key
        dropped = ctx.guessed.pop(key)
        del ctx.events[dropped]
        ctx.guessed = {k: i - (i > dropped) for k, i in ctx.guessed.items()}
        ctx.seen.discard(key)
    if key in ctx.seen:
        return
    ctx.seen.add(key)
    if guessed:
        ctx.guessed[key] = len(ctx.events)
    ctx.events.append(_make_event(c, code, source, target, inferred, conf, ctx))


def _salient_countries(actors: DocActors) -> list[tuple[str, ResolvedActor, int]]:
    """Countries by number of mentions in the document, each with a resolved mention to stand for it."""
    counts: dict[str, int] = {}
    first: dict[str, ResolvedActor] = {}
    for actor in actors.actors.values():
        if actor.country in {UNKNOWN, ""} or not actor.mentions:
            continue
        counts[actor.country] = counts.get(actor.country, 0) + len(actor.mentions)
        current = first.get(actor.country)
        if current is None or (actor.kind == "country" and (current.actor.kind != "country" or not actor.sector)):
            first[actor.country] = ResolvedActor(actor, tuple(actor.mentions[0]), "salience")  # the country itself
    ranked = sorted(counts, key=lambda c: -counts[c])
    return [(c, first[c], counts[c]) for c in ranked]


# -------------------------------------------------------------------- assembly


def _event_actor(resolved: ResolvedActor, doc: Doc, *, inferred: bool = False) -> EventActor:
    a = resolved.actor
    start, end = resolved.span
    text = char_text(doc, start, end)
    return EventActor(text, (start, end), a.name, a.code, a.country or UNKNOWN, a.sector, inferred=inferred)


def _make_event(
    c: Candidate, code: str, source: ResolvedActor, target: ResolvedActor, inferred: bool, conf: float, ctx: Context
) -> Event:
    token = c.head
    doc = token.doc
    entry = lookup(code)
    sent = sentence_range(token)
    trigger_end = token.idx + len(token.text)
    for child in children(token):
        if child.dep_ == "prt":
            trigger_end = max(trigger_end, child.idx + len(child.text))
    in_quote, attributed = _quote_context(token.idx, ctx.quotes)
    year = _background_year(token, sent, ctx.published)
    return Event(
        code=code,
        root=entry.root,
        name=entry.name,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        source=_event_actor(source, doc),
        target=_event_actor(target, doc, inferred=inferred),
        trigger=char_text(doc, token.idx, trigger_end),
        trigger_span=(token.idx, trigger_end),
        sentence_span=_trim_sentence(doc, sent),
        date=year or ctx.published,
        location=_location(token, sent, ctx.actors) or ctx.dateline_location,
        in_quote=in_quote,
        attributed_to=attributed,
        background=year is not None,
        modality=c.modality,
        confidence=conf,
    )


def _trim_sentence(doc: Doc, sent: tuple[int, int]) -> tuple[int, int]:
    """Character span of the sentence (token indices start, end) without its leading and trailing whitespace."""
    words = tokens(doc)[sent[0] : sent[1]]
    first = next((t for t in words if not t.is_space), None)
    if first is None:
        span = doc[sent[0] : sent[1]]
        return (span.start_char, span.end_char)
    last = next(t for t in reversed(words) if not t.is_space)
    return (first.idx, last.idx + len(last.text))


def _quote_context(offset: int, quotes: list[Quote]) -> tuple[bool, str | None]:
    """Inside a quotation: direct/mixed quotes make `in_quote`; any quotation gives its speaker."""
    for q in quotes:
        if q.content_span[0] <= offset < q.content_span[1]:
            return q.type != "indirect", q.speaker.name or q.speaker.mention  # 'the Ukrainian president'
    return False, None


def _background_year(token: Token, sent: tuple[int, int], published: str | None) -> str | None:
    """A year earlier than publication, said of this clause ('in 1992'), dates a background event."""
    if not published:
        return None
    pub_year = int(published[:4])
    start, end = sent
    # most sentences name no date: then neither the entities nor the clause are needed (a DATE entity's tokens are
    # typed DATE in the Doc's array)
    if not memo(token.doc, "date_typed", _date_typed)[start:end].any():
        return None
    clause_tokens: set[int] | None = None
    for ent in memo(token.doc, "date_entities", _date_entities):
        if ent.start < start or ent.end > end:
            continue
        if clause_tokens is None:
            clause_tokens = _clause_indices(token)
        if not any(t.i in clause_tokens for t in ent):
            continue
        m = YEAR.search(ent.text)
        if m and int(m.group(1)) < pub_year and ent.root.head.lower_ in {"in", "since", "during", "by"}:
            return m.group(1)
    return None


def _clause_indices(token: Token) -> set[int]:
    """Indices of the token's subtree and of the clause it is in."""
    clause_tokens = {t.i for t in token.subtree}
    head = token
    while head.dep_ not in {"ROOT", "ccomp"} and head.head is not head:
        head = head.head
    clause_tokens |= {t.i for t in head.subtree}
    return clause_tokens


def _date_entities(doc: Doc) -> list[Span]:
    return [ent for ent in memo(doc, "entities", _entities) if ent.label_ == "DATE"]


def _entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, which spaCy rebuilds, a Span per entity, on every access (as does `Span.ents`)."""
    return doc.ents


def _sentence_entities(doc: Doc, start: int, end: int) -> list[Span]:
    """`doc[start:end].ents`: the entities from the sentence's start up to the first that runs past its end."""
    found = []
    for ent in memo(doc, "entities", _entities):
        if ent.start >= start:
            if ent.end > end:
                break
            found.append(ent)
    return found


def _date_typed(doc: Doc) -> numpy.ndarray:
    """For each token, whether its entity type is DATE."""
    return doc.to_array("ENT_TYPE") == doc.vocab.strings["DATE"]


def _location(token: Token, sent: tuple[int, int], actors: DocActors) -> Location | None:
    """Where the event happened: a named place after 'in'/'at', with the country the knowledge base gives it."""
    for pobj in sides.place_tokens(token):
        if pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
            ent = next((e for e in _sentence_entities(token.doc, *sent) if e.start <= pobj.i < e.end), None)
            if ent is not None:
                hit = sides.country_hit(ent.start, ent.end, actors)
                return Location(ent.text, hit[1].country if hit else None)
    return None
