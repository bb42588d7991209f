"""Code CAMEO events from a parsed document: lexicon triggers matched over the dependency parse.

The steps, each in its own module:
  1. triggers.py   tokens whose lemma the lexicon knows, with the most specific pattern that fits the parse;
  2. modality.py   whether the clause asserts the event (negation, speculation, conditions, questions are dropped),
                   and frames that change the code ("threatened to invade" 1382, "will visit" 036, "X said Y must
                   withdraw" 1056);
  3. arguments.py  source and target actors from the parse (active, passive, coordination, nominalisations);
  4. here          the target policy and the Event record with its evidence, date, place and attribution.

Target policy, in order: the target the sentence names; for domestic events (protest, curfew, resignation: `home`
in the lexicon) the country they happen in, else the source's own; for material acts the foreign place they happen
in ('evacuate settlements in Gaza'); for force, the one other country its clause names, else, for a state's
military force, the one armed group its sentence (or the sentence before) names ('as the Islamic State marched on
Iraq, the U.S. ordered airstrikes'), else the one other party its sentence names other than whoever reports it;
for a state's mass violence (20) that its clause aims at no other country, its own people ('the regime used
chemical weapons in the civil war'); for material acts on a named object that need a recipient (aid, yielding,
sanctions: 'suspended the application of Section 907') by a state, the document's one dominant other country,
with low confidence and `inferred` set; for an appeal, promise, demand, refusal, threat or retreat that names no
one, the one other country its clause (or the sentence before) places, else the one other party its sentence names
('the Chinese requested more help' from the U.S. organisations just named), else, by a state's politicians or press in a
passage naming no other country and not on a matter between states ('called for calm', 'urged both sides'), their
own country: domestic politics ('the president asked for $5 billion', 'Democrats refused to fund the wall'), with low
confidence, replaced by the same act with its target named later in the article (a party camp, 'other communities' or
the members of a deal asked for are no matter between states); for force or coercion by a country's police, crowds,
protesters, students or local armed groups that names no one, in a passage naming no other country, their own
('police stormed the campus', 'protesters burned the party's offices');
otherwise, when the sentence names
no target at all and the act means something alone ('threatened to retaliate', 'launched airstrikes'), an absent
target (country '---', empty span at the trigger), as GDELT leaves Actor2 empty. A promised or threatened domestic
act ('Kenya is ready to send police') is aimed at where it would happen, never at its author by default.
Sides with no country ('---'), one side at most: a group the text names by a sector word but gives no country
('accused Darfur rebels', 'gunmen killed three soldiers'), placed where the event happens, at home in a domestic act
by a state actor or in its coercion (arrests) where the passage names no other country, in the one other country
its sentence (or the one before) names when they are rebels or an opposition a foreign state backs, aids or fights
('the war in Syria has killed 70,000. The U.S. has given aid to rebel groups'), or (unarmed groups) in the
dateline's country when it can be; and the unnamed agent of a passive
or of an act whose subject is a weapon ('three US servicemen were killed', 'a roadside bomb killed one soldier'),
which for acts only a state does (arrest, investigate, deport, ban) is the country they happen in. Events whose
source is a person or phrase we cannot place, or that need a partner who is not placed (talks, meetings,
agreements), are dropped.
An agentless air strike takes the army that reports it ('the U.S. military said airstrikes killed 13'), and a
killing done with heavy weapons is coded as that use of force ('killed by a U.S. airstrike' 195, not 18).
An agentless signing of an agreement takes the parties of the agreement last named in the document.
One event is kept per (code, source country, target country) and article, as GDELT does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

import numpy
from spacy.tokens import Doc, Span, Token

from ..actors.kb import KBEntry, KnowledgeBase
from ..actors.resolve import PLACE_KINDS, UNKNOWN, DocActors, ResolvedActor
from ..cameo import lookup
from ..model import Actor, Event, EventActor, Location, Quote
from ..tokens import char_text, children, memo, sentence_range, sentence_start, span_text, tokens, with_lower
from .arguments import (
    INSTRUMENTS,
    MUTUAL_PREFIXES,
    SUPPORT_VERBS,
    UNPLACED,
    Args,
    means_owners,
    noun_arguments,
    object_owners,
    resolve_all,
    same,
    verb_arguments,
    verb_subjects,
)
from .lexicon import Lexicon
from .modality import (
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
FALLBACK_ROOTS = frozenset({"06", "07", "08", "16"})  # material acts that always have a recipient
# Material acts aimed at the place they happen in when no target is named.
PLACE_TARGET_PREFIXES = ("07", "087", "138", "15", "16", "18", "19", "20")  # ('threatening an offensive in Syria')
# Force (assault, fighting, mass violence): a side the sentence leaves unnamed is implied by where it happens or
# where it comes from ('strikes inside Syria', 'a rocket fired from Gaza').
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
ASSAULT_ROOT = "18"
FIGHT_ROOT = "19"
MASS_VIOLENCE = "20"
# Sides of a country's conflict a foreign state may back or fight: rebels, militias, the opposition.
CONFLICT_SIDES = frozenset({"REB", "UAF", "OPP"})
BACK_OR_FIGHT = frozenset({"03", "05", "06", "07"}) | VIOLENT_ROOTS  # (not talks, appeals, arrests)
COERCE_ROOT = "17"
AIR_STRIKES = "195"
DISASTERS = frozenset(
    {"earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding", "tsunami"}
    | {"landslide", "mudslide", "avalanche", "wildfire", "eruption", "heatwave", "drought", "crash", "accident"}
    | {"collision", "disease", "virus", "outbreak", "epidemic", "pandemic", "derailment"}
)
ACCIDENT_VERBS = frozenset({"crash", "collapse", "capsize", "sink", "derail", "overturn"})
QUELLED = frozenset(
    {"unrest", "riot", "rioting", "uprising", "rebellion", "revolt", "insurgency", "insurrection", "mutiny"}
    | {"disturbance", "dissent", "protest", "demonstration", "opposition", "mob", "strike", "violence", "clash"}
    | {"fighting", "protester", "protestor", "demonstrator", "crowd", "rioter", "militant", "rebel", "unrest"}
)
FIGHTING_SECTORS = frozenset({"MIL", "REB", "UAF"})  # those whose backing is armed
# What crowds gather for without protesting
CELEBRATE_VERBS = frozenset({"celebrate", "cheer", "welcome", "greet"})  # (a vigil to mourn may be a protest)
# Unarmed, non-state actors: their pressure ('pressuring', 'forcing a vote') is politics; their harassment may not be
CIVIL_SECTORS = frozenset({"PTY", "OPP", "CVL", "EDU", "MED", "BUS", "LAB", "NGO"})
HARASS_WORDS = frozenset({"harass", "harassment", "intimidate", "intimidation"})
# What a visit is cancelled for when it is a matter of schedule ('to go to the Middle East', 'to deal with the crisis')
ELSEWHERE_VERBS = frozenset(
    {"go", "travel", "fly", "head", "attend", "return", "stay", "remain", "deal", "focus", "handle", "oversee", "be"}
)
AIR_WORDS = frozenset({"air", "aerial", "bombing", "drone", "missile", "airstrike"})
POLICE_WORDS = frozenset({"police", "counterterrorism", "counter-terrorism", "anti-terror", "fbi", "swat"})
DEPORTATION = "174"
# What is launched in a missile test or a show of force, where it falls, and the words that make it one when no
# target is named (a satellite launch, a ballistic or long-range missile); prepositions that aim it at a target
LAUNCHED = frozenset({"missile", "rocket", "icbm"})
SEA_WORDS = frozenset({"sea", "ocean", "water", "waters"})
NOBODYS_PLACES = SEA_WORDS | {"space", "orbit"}  # where a launch aims at no one ('launched a rocket into space')
LONG_RANGE = frozenset({"ballistic", "intercontinental", "icbm", "satellite", "long-range"})
AIMED_PREPS = frozenset({"at", "against", "on", "onto", "into", "toward", "towards"})
# A country's forces and machines named by its adjective ('U.S. fighter jets', 'Libyan airplanes', 'Russian bombers')
WAR_MACHINES = frozenset(
    {"jet", "warplane", "plane", "airplane", "aircraft", "drone", "helicopter", "bomber", "gunship", "warship"}
    | {"ship", "force", "military", "army", "navy", "troop", "artillery"}
)
# A person's men: what they attack they attack in body ("Assad's forces", 'Morsi supporters')
FOLLOWERS = frozenset(
    {"force", "troop", "army", "soldier", "supporter", "militia", "fighter", "loyalist", "follower", "man", "mob"}
)
# Bodies that fight with words only ('the campaign launched a pre-emptive strike')
UNARMED_BODIES = frozenset(
    {"campaign", "committee", "newspaper", "website", "lawyer", "attorney", "ad", "advertisement", "commercial"}
)
# Non-state attackers named as such: their shootings and strikes are assaults (18x)
ATTACKERS = frozenset(
    {"gunman", "gunmen", "terrorist", "attacker", "assailant", "shooter", "jihadist", "militant", "extremist"}
)
# Prepositions that put a material act in or onto a place: its target ('launched strikes inside Syria').
INTO_PREPS = frozenset({"in", "at", "inside", "within", "into", "on", "onto", "across", "over", "against", "toward"})
AGREE_VERBS = frozenset({"agree", "concur"})
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
INSIDE = frozenset({"in", "inside", "within"})
WHERE_PREPS = INSIDE | {"at", "across", "throughout", "around"}  # where an act happens
# Armed groups that are not a state's forces: their attack at home is on their own country ('militants attacked a
# checkpoint in Kunduz').
NON_STATE_ARMED = frozenset({"REB", "UAF", "RAD"})  # (pirates and gangs prey on anyone: not CRM)
# Who uses force and coercion in their own country when the passage names no other: police, crowds, protesters,
# students, workers, local armed groups.
HOME_FORCE_SECTORS = NON_STATE_ARMED | {"COP", "CVL", "OPP", "EDU", "LAB", "AGR"}
# Acts that say something even when nobody is named as their target ('demanded elections', 'threatened to
# retaliate', 'launched airstrikes', 'declared a ceasefire', 'is ready to contribute troops'); visits, talks, bare
# promises, criticism, aid or sanctions without a target say too little.
# Acts on a thing someone else owns ('rejected the plan', 'criticized the decision', 'welcomed the deal'): its owner
# is the target; a definite phrase takes the owner an earlier sentence gave it (at most this many tokens back).
OWNED_THING_ROOTS = frozenset({"05", "11", "12"})
OWNED_THINGS = frozenset(
    {"plan", "proposal", "offer", "deal", "agreement", "demand", "request", "decision", "move", "measure", "policy"}
    | {"bill", "resolution", "initiative", "idea", "ultimatum", "sanction", "tariff", "accusation", "allegation"}
    | {"claim", "statement", "remark", "comment", "threat", "ban", "ruling", "strategy", "program"}
    | {"programme", "budget", "reform", "project", "scheme", "order", "announcement", "position", "stance"}
    | {"record", "speech", "report", "legislation", "approach", "handling", "response", "view"}
)
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ANTECEDENT_WINDOW = 300
COERCE_CODE = "170"
# A show of force (exercises, tests, deployments, alerts) or a demand is aimed only at a country its own clause names:
# the one the sentence before names is mostly the backdrop ('... amid tensions with Seoul. North Korea has conducted
# five nuclear tests', '... refugees from Syria. Trump called for a ban on Muslims'); tests are aimed at no one, and
# calls for a policy at whoever is to adopt it, at home more often than not.
OWN_CLAUSE_PREFIXES = ("15", DEMAND_ROOT)
ABSENT_TARGET_PREFIXES = ("02", "03", "087", "10", "12", "13", "15", "17", "18", "19", "20")
# Appeals, promises, demands, rejections, threats and retreats are addressed to someone: with no one named, the one
# other party the sentence names ...
ADDRESSED_PREFIXES = ("02", "03", "10", "12", "13", "087")
# ... else, made by a state's own actor with no other country in sight, its own country: domestic politics (not a
# concession, mediation or settlement, 035-039, which are between parties to a dispute)
DOMESTIC_ADDRESS_PREFIXES = ("02", "030", "031", "032", "033", "034", "10", "12", "13", "087")
# What is attacked with force, never with words: buildings and installations
BUILDINGS = frozenset(
    {"church", "mosque", "synagogue", "temple", "embassy", "consulate", "station", "checkpoint", "building", "office"}
    | {"house", "home", "school", "hospital", "base", "camp", "convoy", "plant", "facility", "installation", "depot"}
    | {"village", "town", "shop", "store", "hotel", "compound", "headquarters", "post", "outpost", "barrack"}
)
FORCE_THREAT_PREFIX = "138"  # a threat of force is aimed abroad ('threatened military action')
# Matters between states or the sides of a conflict ('called for calm', 'pushing for tariffs to be lifted', 'urged both
# sides to honour the truce'), and addressees beyond any one country ('calling on humanity', 'urged the world').
FOREIGN_AFFAIRS = frozenset(
    {"ceasefire", "cease-fire", "truce", "calm", "restraint", "dialogue", "settlement", "de-escalation", "tariff"}
    | {"embargo", "peace", "diplomacy", "humanity", "mankind", "side"}
)
FOREIGNERS = frozenset({"caravan", "migrant", "immigrant", "refugee", "foreigner", "alien", "asylum-seeker"})
STATE_NAMES = frozenset({"country", "capital"})  # a state named as such, not its people or its offices
WORLD_WORDS = frozenset({"world", "nation", "country", "state", "community"})
DOMESTIC_SECTORS = frozenset({None, "GOV", "LEG", "JUD", "PTY", "OPP", "CVL", "LAB", "EDU", "BUS", "AGR", "MED"})
# Bare refusals, promises, warnings and requests ('declined to rule', 'promised that ...', 'warned that ...', 'will
# request an analysis') say too little without a target.
VAGUE_CODES = frozenset({"020", "030", "120", "130"})
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
# Acts that may be hostile or not, as the word does not say: a threat to do them is a threat, but 'China vowed to
# retaliate' (over tariffs) is no intent to cooperate.
HOSTILE_ACTS = frozenset({"retaliate", "react", "punish", "avenge", "respond"})
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
FORCE_PREPS = frozenset({"by", "in", "during", "with"})
# Verbs that move their object out of or away from something ('withdrew the US from the deal')
MOVING_VERBS = frozenset({"withdraw", "pull", "take", "remove", "bring", "move", "get"})
# Acts whose promise threatens (16 reduce relations .. 20 mass violence; not 14, protests are one's own)
HARM_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
# Things promised that are a reply in kind ('vowed a response', 'promised retaliation') or only words
RESPONSE_NOUNS = frozenset(
    {"response", "retaliation", "revenge", "reprisal", "punishment", "consequence", "retribution"}
)
SPEECH_NOUNS = frozenset({"speech", "address", "remark", "statement", "announcement", "testimony", "interview"})
NO_EVENT = ""
ADDRESSED_ROOTS = frozenset({"02", "10"})  # appeals and demands are made of someone else
STATE_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "JUD"})
HOME_SECTORS = STATE_SECTORS | {"COP", "SPY"}  # a state's agents acting at home: its police, its spies
# Groups whose country the dateline says nothing about: armed men, radicals, refugees and foreign troops travel.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "RAD", "CRM", "REF", "IGO", "NGO"})
# Organs of a state: always some country's, so never coded with country '---' (rebels, gunmen, crowds may be).
STATE_ORGANS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "PTY", "MED"})
# Acts coded without a named agent when the one they are done to is named ('three US servicemen were killed',
# 'guerrillas have been demobilized'): material acts, not speech, whose victim or beneficiary is the news.
AGENTLESS_ROOTS = frozenset({"07", "08", "09", "15", "16", "17", "18", "19", "20"})
STATE_ACTS = ("09", "0841", "116", "172", "173", "174")  # acts that only a state's authorities perform
# ... and those it does to its own people when no place says otherwise (not releases: hostages are freed by their
# captors; not deportations: foreigners are deported)
DOMESTIC_JUSTICE = ("09", "116", "172", "173")
MILITARY_SECTORS = frozenset({"MIL"})
POLITICAL_SECTORS = frozenset({"GOV", "PTY", "LEG", "JUD"})
UNARMED_POLITICS = frozenset({"PTY", "LEG", "JUD"})  # bodies that fight only with words and votes
MILAID_CODES = ("072", "0332", "0232")  # arms given, promised or asked for
# Groups that belong where the article is about when nothing else places them: civilians, local fighters.
LOCAL_GROUPS = frozenset({"CVL", "UAF", "REB", "OPP", "LAB", "EDU", "BUS", "AGR"})

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
CONF_UNPLACED = 0.4  # one side is unnamed or has no country
# A fallback target must dominate the document: at least this many mentions, and twice the runner-up's.
FALLBACK_MIN_MENTIONS = 3
FALLBACK_DOMINANCE = 2.0


@dataclass
class _Context:
    doc: Doc
    actors: DocActors
    lexicon: Lexicon
    quotes: list[Quote]
    published: str | None
    dateline_location: Location | None
    salient: list[tuple[str, ResolvedActor, int]]
    events: list[Event] = field(default_factory=list)
    seen: set[tuple[str, str, str]] = field(default_factory=set)
    # events whose target only the absence of any other country implied, by key: a later one naming it replaces them
    guessed: dict[tuple[str, str, str], int] = field(default_factory=dict)
    last_agreement: tuple[ResolvedActor, ResolvedActor] | None = None
    last_force: tuple[int, ResolvedActor] | None = None  # (sentence start, source) of the last force coded


@dataclass(frozen=True)
class _Candidate:
    """One reading ready to become events: code, evidence token and how to treat its arguments."""

    code: str
    head: Token
    modality: str
    args: Args
    home: bool
    symmetric: bool
    agreement: bool
    confidence: float
    done_to: bool = False  # harm done to someone (killing, arrest): meaningless without the one it is done to
    has_object: bool = False  # the pattern's synset object is there ('suspend the application of Section 907')
    acted: bool = True  # a verb, or a noun someone 'staged'/'launched': not a bare mention ('U.S. demands')
    framed: bool = False  # an intention, threat, demand or refusal of the act, not the act itself
    by_force: bool = False  # harm a bombing or strike did ('bombing Syria, killing civilians')
    names_act: bool = False  # the verb governs a to-infinitive act ('threatened to resume attacks')


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
    ctx = _Context(doc, actors, lexicon, quotes, published, dateline_location, salient)
    triggers = find_triggers(doc, lexicon, body_start)
    by_index = {t.i: t for t in triggers}
    candidates = _trigger_candidates(triggers, by_index, ctx) + _demand_candidates(doc, by_index, ctx, body_start)
    for candidate in sorted(candidates, key=lambda c: c.head.i):
        _emit(candidate, ctx)
    return ctx.events


# -------------------------------------------------------------------- candidates


def _trigger_candidates(triggers: list[Trigger], by_index: dict[int, Trigger], ctx: _Context) -> list[_Candidate]:
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


def _candidate(trigger: Trigger, reading: Reading, by_index: dict[int, Trigger], ctx: _Context) -> _Candidate | None:
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
    if code == "120" and _declines_words(reading.head, reading.governed):
        code = "011"  # 'declined to go into detail', 'declined to criticize Trump': no comment, no rejection
    if code == "120" and _will_not_admit(reading.head):
        return None  # 'refusing to concede that his voters would back Clinton': a view held, nothing rejected
    if code == INTENT_ROOT + "0":
        vowed = _vowed_code(reading.head, by_index, ctx.lexicon)
        if vowed == NO_EVENT:
            return None
        code = vowed or code
    return _Candidate(
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


def _declines_words(verb: Token, governed: Trigger | None) -> bool:
    """A refusal to say something ('declined to address the case', 'refused to call it terrorism', 'declined to
    criticize him'): words withheld, not a rejection of anyone's act or proposal."""
    if verb.lemma_.lower() not in {"decline", "refuse"}:
        return False
    if governed is not None and governed.pattern.root in {"01", "11"}:
        return True
    for c in children(verb):
        if c.dep_ == "xcomp" and is_infinitive(c):
            if any(g.dep_ == "prep" and g.lower_ in {"to", "with"} for g in children(c)):
                return False  # 'refuse to speak to Trump': no talks with him, a rejection
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
    aims = [t for a in acts for t in a.subtree if t.pos_ == "VERB" and is_infinitive(t)]
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
LAW_WORDS = frozenset({"law", "act", "amendment", "regulation", "rule", "policy", "mandate", "tax", "provision"})


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
    objects = [c for c in children(act) if c.dep_ == "dobj"]
    objects += [g for p in children(act) if p.dep_ == "prep" and p.lower_ == "in" for g in children(p)]
    # ('to keep her campaign going')
    objects += [g for c in children(act) if c.dep_ in {"ccomp", "xcomp"} for g in children(c) if g.dep_ == "nsubj"]
    owned = [o for o in objects if o.lemma_.lower() in CAMPAIGN_WORDS]
    return any(o.dep_ == "pobj" or any(p.dep_ == "poss" for p in children(o)) for o in owned)


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


def _co_agents(reading: Reading, args: Args, ctx: _Context) -> Args:
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


def _arguments(trigger: Trigger, ctx: _Context) -> Args:
    if trigger.pos == "verb":
        toks = tokens(trigger.token.doc)
        parts = tuple(toks[i] for i in sorted(trigger.parts) if toks[i].pos_ == "VERB")
        return verb_arguments(trigger.token, trigger.pattern, trigger.obj, ctx.actors, parts)
    return noun_arguments(trigger.token, trigger.pattern, trigger.obj, ctx.actors)


def _targets_from_host(trigger: Trigger, args: Args, by_index: dict[int, Trigger], ctx: _Context) -> Args:
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


def _framed_arguments(frame: Trigger, governed: Trigger, ctx: _Context) -> Args:
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


def _demand_candidates(doc: Doc, by_index: dict[int, Trigger], ctx: _Context, body_start: int) -> list[_Candidate]:
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
        out.append(_Candidate(code, verb, "asserted", args, False, False, False, CONF_DEMAND))
    return out


# -------------------------------------------------------------------- target policy and emission


def _emit(c: _Candidate, ctx: _Context) -> None:
    args = c.args
    confidence = c.confidence
    if not args.sources and c.agreement and ctx.last_agreement is not None and not args.named_target:
        args = Args([ctx.last_agreement[0]], [ctx.last_agreement[1]], True)
        confidence = CONF_INHERITED_PARTIES
    if c.agreement and args.sources and args.targets:
        ctx.last_agreement = (args.sources[0], args.targets[0])
    sources = [_placed(s, c, None, ctx) for s in args.sources]
    if not sources and args.agentless and c.code[:2] in AGENTLESS_ROOTS and not c.symmetric:
        sources = [_unnamed_agent(c, args, ctx)]  # 'three soldiers were killed': done by someone unnamed
    for source in sources:
        known = _known(source)
        if not known and source.via not in {UNPLACED, "agentless"}:
            continue  # a person or phrase we could not place is no actor to code
        if not known and source.actor.sector in STATE_ORGANS:
            continue  # 'the foreign ministry', 'congressional leaders' of a country we cannot tell
        if c.code == "190" and source.actor.kind == "person" and source.actor.sector not in MILITARY_SECTORS:
            continue  # 'Trump is fighting his own administration': people fight wars only through armies
        # an unknown agent acts only on the target the sentence names: nothing is guessed for it
        targets, how = _targets(c, args, source, ctx) if known else (args.targets, "")
        for target in targets:
            target = _placed(target, c, source, ctx)
            if target.via == UNPLACED and target.actor.sector in STATE_ORGANS:
                continue  # a state organ belongs to a country: one we cannot place is no target ('the ministry')
            if not _known(target) and (not known or (how != "absent" and target.via != UNPLACED) or c.symmetric):
                continue  # one side at least must have a country; a named target must be placed or a group;
                # a meeting or an agreement needs a partner we can place
            if _same_actor(source, target) or _advises_its_own(c, source, target):
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


def _advises_its_own(c: _Candidate, source: ResolvedActor, target: ResolvedActor) -> bool:
    """'The State Department warned U.S. citizens against travel to Pakistan': a state's warning to its own
    civilians is advice, not a threat (one to its own officials or rivals may be: 'Boehner warned Obama')."""
    if c.code[:2] != THREAT_ROOT or c.head.lemma_.lower() not in WARNING_VERBS:
        return False
    return target.actor.country == source.actor.country and target.actor.sector in {None, "CVL"}


def _unnamed_agent(c: _Candidate, args: Args, ctx: _Context) -> ResolvedActor:
    """Who did an agentless act: for acts only a state does (arrest, investigate, deport, ban, sentence), the
    government of the country it happened in ('a US national has been put under investigation in Italy'); for
    force, where it came from ('killed when a rocket fired from Gaza struck'); otherwise nobody named (country
    '---')."""
    if c.code.startswith(STATE_ACTS):
        place = _place_entity(c.head, ctx.actors, deep=True) or _target_place(c.head, ctx.actors)
        if place is not None and place[1].kind in {"country", "capital", "seat"}:
            span, entry = place
            owner = ctx.actors.entity_actor(entry)
            return ResolvedActor(owner, (span.start_char, span.end_char), "place")
        if c.code.startswith(DOMESTIC_JUSTICE):
            # 'Netanyahu was indicted on corruption charges': a country's justice deals with its own people
            # (only in the country the article is about: 'two Iranian diplomats were arrested' happened abroad)
            victims = _victim_countries(c, args, ctx)
            home = {ctx.salient[0][0]} if ctx.salient else set()
            if ctx.dateline_location is not None and ctx.dateline_location.country:
                home = {ctx.dateline_location.country}
            owner = _country_actor(next(iter(victims)), ctx) if len(victims) == 1 and victims == home else None
            if owner is not None:
                return ResolvedActor(owner, (c.head.idx, c.head.idx), "place")
    if c.code[:2] in VIOLENT_ROOTS:
        victims = _victim_countries(c, args, ctx)
        places = _clause_places(c.head, ctx.actors)
        # only where the force came from: the other country a clause names is more often where it happened
        # ('were killed when the plane crashed in Egypt')
        origin = next((hit for prep, hit in places if prep == "from" and hit[1].country not in victims), None)
        if origin is not None:
            span, entry = origin
            return ResolvedActor(ctx.actors.entity_actor(entry), (span.start_char, span.end_char), "place")
        from_air = c.code.startswith(AIR_STRIKES) or _struck_from_air(c.head)
        reporter = _reporting_military(c, ctx) if from_air else None
        if reporter is not None and reporter.actor.country not in victims:
            return reporter
        # 'Egyptian soldiers opened fire on the crowd. At least two people were injured.': the force just told of
        if ctx.last_force is not None and ctx.last_force[0] in _this_and_previous_sentence(c.head):
            found = ctx.last_force[1]
            return ResolvedActor(found.actor, found.span, "place", found.head)
    return _unknown(c.head, "agentless")


# Strikes from the air, which only an army flies: 'killed in a coalition strike', 'died during an air raid'.
AIR_MEANS = frozenset({"strike", "airstrike", "raid", "drone"})


def _struck_from_air(verb: Token) -> bool:
    """'An ISIS commander was killed during a coalition strike': an agentless act done by a strike from the air."""
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in AIR_MEANS
        for p in children(verb)
        if p.dep_ == "prep" and p.lower_ in {"in", "during", "by"}
        for o in children(p)
    )


def _reporting_military(c: _Candidate, ctx: _Context) -> ResolvedActor | None:
    """'The U.S. military said airstrikes killed 13 Taliban': an army reports its own air strikes (not others'
    rockets or shelling, which it reports as the enemy's)."""
    verb = c.head
    while verb.dep_ in {"ccomp", "conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in SPEECH_VERBS:
            for subj in (s for s in children(verb) if s.dep_ == "nsubj"):
                found = ctx.actors.resolve(subj)
                if found is not None and found.actor.sector == "MIL" and _known(found):
                    return ResolvedActor(found.actor, found.span, "place", found.head)
            return None
    return None


def _victim_countries(c: _Candidate, args: Args, ctx: _Context) -> set[str]:
    return {_placed(t, c, None, ctx).actor.country for t in args.targets}


def _this_and_previous_sentence(token: Token) -> set[int]:
    """Start indices of the token's sentence and of the one before it in the same paragraph."""
    before = _previous_sentence(token)
    return {sentence_start(token)} | ({before[0]} if before is not None else set())


def _previous_sentence(token: Token) -> tuple[int, int] | None:
    """(start, end) of the sentence before the token's, when it is in the same paragraph (after a blank line the
    topic changes)."""
    start = sentence_start(token)
    if start == 0:
        return None
    before = sentence_range(tokens(token.doc)[start - 1])
    return None if "\n\n" in span_text(token.doc, before[0], start + 1) else before


def _known(r: ResolvedActor) -> bool:
    return r.actor.country not in {UNKNOWN, ""}


REBELS = frozenset({"REB", "UAF", "INS", "OPP"})  # who takes up arms against a government


def _placed(r: ResolvedActor, c: _Candidate, other: ResolvedActor | None, ctx: _Context) -> ResolvedActor:
    """A sector group the text gives no country ('rebels', 'protesters') takes the country the event happens in
    ('protesters blocked streets in Hong Kong'), or, in a domestic event, the country of the state actor acting
    on it ('Liberian police dispersed demonstrators'); otherwise it stays '---'."""
    if r.via != UNPLACED or r.head is None or ctx.actors.regional(ctx.doc[r.head]):
        return r
    place = _place_entity(c.head, ctx.actors, deep=True)
    if place is None and c.code[:2] in VIOLENT_ROOTS:
        # 'strikes against militants within Somalia', 'Israeli attacks in Gaza killed 20 people': the victims are
        # where the force struck, also when a participle tells of them ('rebels shelled Juba, killing 20 people')
        act = c.head.head if _shares_clause(c.head) else c.head
        struck = [o for o in children(act) if o.dep_ == "dobj"] if act.i != c.head.i else []
        place = _target_place(act, ctx.actors) or next(
            (hit for o in struck if (hit := _country_hit(o.left_edge.i, o.i + 1, ctx.actors))), None
        )
        place = place or next((hit for prep, hit in _clause_places(act, ctx.actors) if prep in INSIDE), None)
    owner: Actor | None = ctx.actors.entity_actor(place[1]) if place is not None else None
    if owner is None and c.code[:2] in VIOLENT_ROOTS and other is not None and other.actor.sector in NON_STATE_ARMED:
        # 'Boko Haram has killed hundreds more innocent people': an insurgency's victims are its own country's
        owner = _country_actor(other.actor.country, ctx)
    source = other is None and any(r is s for s in c.args.sources)
    if owner is None and source and c.code[:2] in VIOLENT_ROOTS and r.actor.sector in REBELS:
        # 'the opposition battling Mr. Assad', 'insurgents attacked the Afghan government': those who take up arms
        # against a government are that country's own
        ruled = {t.actor.country for t in c.args.targets if t.actor.sector == "GOV" and _known(t)}
        owner = _country_actor(ruled.pop(), ctx) if len(ruled) == 1 else None
    domestic = c.home and not c.framed
    if owner is None and domestic and other is not None and _known(other) and other.actor.sector in HOME_SECTORS:
        owner = other.actor
    head = ctx.doc[r.head]
    bare = not any(m.dep_ in {"compound", "amod", "nmod", "poss"} for m in children(head))
    if owner is None and bare and r.actor.sector in STATE_ORGANS and other is not None and _known(other):
        # 'the Senate rejected the House's offer': one state's organs dealing with each other; not 'the al-Assad
        # regime', whose modifier names someone we could not place
        owner = _country_actor(other.actor.country, ctx) if other.actor.sector in STATE_ORGANS else None
    if owner is None and any(m.dep_ in {"amod", "compound"} and m.ent_type_ == "NORP" for m in children(head)):
        return r  # 'European leaders', 'Hutu rebels': a nationality or people is stated, one we cannot place
    if owner is None and other is not None and r.actor.sector == "CVL" and _on_own_people(c, other, ctx):
        owner = other.actor  # 'the regime gassed 5,000 people'
    if owner is None and other is not None and r.actor.sector in CONFLICT_SIDES and c.code[:2] in BACK_OR_FIGHT:
        owner = _conflict_country(head, other, ctx)
    if owner is None and other is not None and _known(other) and r.actor.sector in LOCAL_GROUPS | NON_STATE_ARMED:
        owner = _coerced_at_home(head, c, other, ctx)
    if owner is None and ctx.actors.default_country and r.actor.sector not in ARMED_SECTORS:
        # an unarmed domestic group ('lawmakers', 'the news media', 'protesters') is local to the dateline
        owner = _country_actor(ctx.actors.default_country, ctx)
    if owner is None and (r.actor.sector in STATE_ORGANS or r.actor.sector in LOCAL_GROUPS):
        # 'Congress', 'congressional leaders' in an article about one country's politics are that country's, and
        # so are the civilians, villagers or militants of an article about one country ('killing 290 civilians')
        top = ctx.salient[:2]
        dominant = top and top[0][2] >= FALLBACK_MIN_MENTIONS
        if dominant and (len(top) == 1 or top[0][2] >= FALLBACK_DOMINANCE * top[1][2]):
            owner = top[0][1].actor
        if owner is not None and r.actor.sector not in STATE_ORGANS:
            # civilians in a sentence that names another country ('in Paris, where four people were killed')
            # belong there, not to the article's main country
            allowed = {owner.country, other.actor.country if other is not None else owner.country}
            if _sentence_countries(head, ctx.actors) - allowed:
                owner = None
    deported = c.code.startswith(DEPORTATION) and other is not None and owner is not None
    if deported and owner.country == other.actor.country:
        return r  # 'the US deported 400,000 people': those a country deports are not its own
    if owner is None or owner.kind not in {"country", "group"} or owner.country in {UNKNOWN, ""}:
        return r
    sector = r.actor.sector or ""
    return ctx.actors.group_of(ctx.doc[r.head], sector, owner)


def _coerced_at_home(head: Token, c: _Candidate, other: ResolvedActor, ctx: _Context) -> Actor | None:
    """A state's police, army or government coercing a group the text gives no country ('the Cuban government
    detained dissidents', 'police rounded up Islamists') does it at home: the group is the state's own, unless the
    sentence or the one before names another country where it could be (nor those it deports, who are foreign)."""
    if c.code[:2] != COERCE_ROOT or c.code.startswith(DEPORTATION) or other.actor.sector not in HOME_SECTORS:
        return None
    named = _sentence_countries(head, ctx.actors) | set(_previous_sentence_countries(head, ctx.actors))
    if named - {other.actor.country}:
        return None
    return _country_actor(other.actor.country, ctx)


def _sentence_countries(token: Token, actors: DocActors) -> set[str]:
    """Countries the sentence of a token names as places (countries, demonyms, capitals)."""
    start, end = sentence_range(token)
    hits = actors.kb_hits
    return {hits[i][1].country for i in range(start, end) if i in hits and hits[i][1].kind in PLACE_KINDS}


def _same_actor(source: ResolvedActor, target: ResolvedActor) -> bool:
    """One actor on both sides; a country acting on its own nationals ('Croatia is investigating crimes by
    Croatian extremists') is two mentions of the same country code, which is fine."""
    return target.actor is source.actor and (target.actor.kind != "country" or target.span == source.span)


def _targets(c: _Candidate, args: Args, source: ResolvedActor, ctx: _Context) -> tuple[list[ResolvedActor], str]:
    if args.targets:
        return args.targets, ""
    if args.named_target or c.symmetric:
        return [], ""  # the sentence names a target we cannot place, or a partner is required
    if c.home and not c.framed:
        return [_home(source, c.head, ctx)], "home"
    if c.home:
        # a promised or threatened domestic act is aimed at where it would happen, never at its author by default
        # ('Kenya is ready to send police' is no threat to Kenya)
        place = _place_entity(c.head, ctx.actors, deep=True)
        if place is not None:
            span, entry = place
            return [ResolvedActor(ctx.actors.entity_actor(entry), (span.start_char, span.end_char), "place")], "place"
    violent = c.code[:2] in VIOLENT_ROOTS
    if c.code.startswith(PLACE_TARGET_PREFIXES):
        place = _place_actor(c.head, source, ctx, at_home=violent)  # ('dropped bombs over Syrian towns')
        if place is not None and not _a_partners_home(place, source, args):
            return [place], "place"
    if violent and not c.framed and c.acted:  # not for a bare mention ('belief in an impending invasion')
        implied = _implied_target(c.head, source, args, ctx) or _armed_enemy(c, source, args, ctx)
        if implied is not None:
            return [implied], "implied"
        if _on_own_people(c, source, ctx):
            return [_own_country(source, c.head, ctx)], "implied"
        if source.actor.sector in NON_STATE_ARMED and source.actor.kind != "person" and _is_country(source, ctx):
            return [_home(source, c.head, ctx)], "home"  # 'militants attacked a checkpoint': at home, on it
    if c.code[:2] in FALLBACK_ROOTS and c.has_object and source.actor.sector in STATE_SECTORS:
        fallback = _dominant_other(source, ctx)
        if fallback is not None:
            return [fallback], "salience"
    if c.acted and c.code[:2] in OWNED_THING_ROOTS:
        owner = _antecedent_owner(c.head, source, ctx)
        if owner is not None:
            return [owner], "implied"
    vague = c.code in VAGUE_CODES and not c.names_act and not c.has_object
    if c.code.startswith(ABSENT_TARGET_PREFIXES) and not vague and not c.done_to and c.acted:
        # the one other country the clause names, when there is one ('threatened to back away from the summit
        # with the U.S.', 'withdrew from the Iran nuclear deal'), else nobody
        implied = _implied_target(c.head, source, args, ctx, previous=not c.code.startswith(OWN_CLAUSE_PREFIXES))
        if implied is not None:
            return [implied], "implied"
        party = _one_other_party(c, source, args, ctx)
        if party is not None:
            return [party], "implied"
        if _police_at_home(c, source, ctx):
            return [_own_country(source, c.head, ctx)], "home"
        if _domestic_address(c, source, ctx):
            return [_own_country(source, c.head, ctx)], "domestic"
        return [_absent(c.head)], "absent"
    return [], ""


def _police_at_home(c: _Candidate, source: ResolvedActor, ctx: _Context) -> bool:
    """A country's police, and its crowds, protesters, students and local armed groups, use force and coercion at
    home: with no one named and no other country in the passage, what they storm, raid, seize, burn or attack is
    their own country's ('police stormed the campus', 'the FBI seized records', 'protesters burned the party's
    offices', 'crowds attacked worshippers leaving a mosque'). Not pirates and gangs, who prey on anyone, nor
    politicians, whose attacks are words, nor armies, which fight abroad as often as at home."""
    if c.code[:2] not in {COERCE_ROOT, ASSAULT_ROOT, FIGHT_ROOT} or c.framed:
        return False
    if source.actor.sector not in HOME_FORCE_SECTORS or source.actor.kind == "person":
        return False
    return _is_country(source, ctx) and not _passage_countries(c.head, ctx.actors) - {source.actor.country}


def _domestic_address(c: _Candidate, source: ResolvedActor, ctx: _Context) -> bool:
    """An appeal, demand, refusal, threat or concession by a state's own actor that names no one, in a passage
    that names no other country, is domestic politics, aimed at its own country ('the president asked for $5
    billion', 'refused to sign the bill', 'threatened to declare an emergency', 'lawmakers urged colleagues'), as
    GDELT codes a president's call on Congress USAGOV -> USALEG."""
    if not c.code.startswith(DOMESTIC_ADDRESS_PREFIXES) or c.code.startswith(FORCE_THREAT_PREFIX):
        return False
    if source.actor.sector not in DOMESTIC_SECTORS or not _is_country(source, ctx):
        return False
    if _about_foreign_affairs(c.head) or _names_the_state(source, c.head, ctx.actors):
        return False
    return not _passage_countries(c.head, ctx.actors) - {source.actor.country}


def _one_other_party(c: _Candidate, source: ResolvedActor, args: Args, ctx: _Context) -> ResolvedActor | None:
    """An appeal, demand, refusal or threat with no one named is aimed at the one other party its sentence names,
    a person, an organisation or a state ('the Palestinians, whom the Trump administration has iced out, refused to
    take part in talks', 'the White House rejected a proposal from Putin'); a threat of force, at a state or an armed
    group, not an organisation ('vowed to bomb the Islamic State', not 'notified U.N. agencies it will launch')."""
    if not c.code.startswith(ADDRESSED_PREFIXES):
        return None
    own = {source.actor.country} | {s.actor.country for s in args.sources}
    start, end = sentence_range(c.head)
    # those the source's own phrase names act with it ('officials from the UN and the US pushing for a truce')
    beside = {t.i for t in _nouns_in_span(source, ctx.doc, start, end) for t in t.subtree}
    beside -= {t.i for t in c.head.subtree}  # (not what the act itself names: 'a militant shown demanding ...')
    found: dict[str, ResolvedActor] = {}
    for i in range(start, end):
        actor = ctx.actors.actor_at(i)
        if actor is None or actor.country in own | {UNKNOWN, ""} or actor.country in found or i in beside:
            continue
        token = ctx.doc[i]
        if ctx.actors.names_the_text(token):
            continue  # 'the Paris agreement' is no party
        if c.code.startswith(FORCE_THREAT_PREFIX) and actor.sector in {"IGO", "NGO"}:
            continue
        found[actor.country] = ResolvedActor(actor, (token.idx, token.idx + len(token.text)), "mention", i)
    return next(iter(found.values())) if len(found) == 1 else None


def _nouns_in_span(r: ResolvedActor, doc: Doc, start: int, end: int) -> list[Token]:
    """The nouns of the sentence tokens start..end-1 inside an actor's phrase."""
    toks = tokens(doc)[start:end]
    return [t for t in toks if r.span[0] <= t.idx < r.span[1] and t.pos_ in {"NOUN", "PROPN"}]


def _names_the_state(source: ResolvedActor, head: Token, actors: DocActors) -> bool:
    """A source named as the state itself ('China called for ...', 'Washington rejected the plan') acts in foreign
    affairs; domestic politics is done by its officials, legislators, parties and people."""
    start, end = sentence_range(head)
    return any(
        hit[0].start_char == source.span[0] and hit[0].end_char == source.span[1] and hit[1].kind in STATE_NAMES
        for i in range(start, end)
        if (hit := actors.kb_hits.get(i)) is not None
    )


def _about_foreign_affairs(head: Token) -> bool:
    """What is asked for, refused or threatened is a matter between states or sides ('called for calm', 'pushing for
    tariffs to be lifted', 'urged both sides', 'called on the world', 'threatened to retaliate'): not domestic
    politics."""
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in HOSTILE_ACTS for c in children(head)):
        return True
    subjects = {t.i for s in children(head) if s.dep_ in {"nsubj", "nsubjpass"} for t in s.subtree}
    asked = [t for t in head.subtree if t.i not in subjects]
    # ('the item on the Republican side' is one camp of a country's politics: only 'both sides' are a conflict's)
    if any(t.lemma_.lower() in FOREIGN_AFFAIRS and t.lower_ != "side" for t in asked):
        return True
    if _done_to_foreigners(head):
        return True
    addressed = [c for c in children(head) if c.dep_ == "dobj"]
    addressed += [o for p in children(head) if p.dep_ == "prep" and p.lower_ == "on" for o in children(p)]
    # 'other nations', 'all countries': others than the speaker's own, when they are asked to act ('called for
    # adherence to the law by other nations'), not those a clause describing the thing asked for names ('pledged
    # changes that will prevent this from happening to other communities', 'a deal involving 11 other countries')
    asked_to_act = [t for t in asked if not _described(t, head)]
    others = [t for t in asked_to_act if any(m.lower_ in {"other", "all"} for m in children(t))]
    return any(t.lemma_.lower() in WORLD_WORDS and not _a_local_community(t) for t in addressed + others)


def _a_local_community(token: Token) -> bool:
    """A community that is not the international one: 'other communities', 'the LGBT community' are a country's own
    people; only 'the international (world, global) community' is the world."""
    worldwide = {"international", "world", "global"}
    return token.lemma_.lower() == "community" and not any(m.lower_ in worldwide for m in children(token))


def _described(token: Token, head: Token) -> bool:
    """The token (in head's subtree) is inside a relative or participial clause that describes a noun below `head`."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl"}:
            return True
        token = token.head
    return False


def _done_to_foreigners(head: Token) -> bool:
    """The ones the act is done to came from abroad: 'vowed to stop the caravan', 'called for illegal immigrants to
    be sent back' (their countries are not named; their host's is no target)."""
    near = [head] + [c for c in children(head) if c.dep_ in {"xcomp", "ccomp", "prep"}]
    near += [g for c in near[1:] for g in children(c) if g.dep_ in {"pcomp", "pobj"}]
    done_to = {"dobj", "nsubjpass", "nsubj", "pobj"}
    return any(g.dep_ in done_to and g.lemma_.lower() in FOREIGNERS for c in near for g in children(c))


def _passage_countries(head: Token, actors: DocActors) -> set[str]:
    """Countries and organisations named in the token's sentence and the one before it (across a paragraph
    break too), as places or as actors' countries."""
    start, end = sentence_range(head)
    if start > 0:
        start = sentence_start(tokens(head.doc)[start - 1])
    found = set()
    for i in range(start, end):
        actor = actors.actor_at(i)
        if actor is not None:
            found.add(actor.country)
        hit = actors.kb_hits.get(i)
        if hit is not None:
            found.add(hit[1].country)
    return found - {UNKNOWN, ""}


def _antecedent_owner(head: Token, source: ResolvedActor, ctx: _Context) -> ResolvedActor | None:
    """Whose a thing acted on is, when an earlier sentence said so: 'Abbas dismissed the plan' after 'Trump's
    peace plan' or 'the plan the White House unveiled'. The nearest earlier mention of the same noun is the one
    meant; only a definite phrase with no owner of its own refers back ('a plan' is a new one)."""
    for obj in _acted_on(head):
        if obj.pos_ != "NOUN" or obj.lemma_.lower() not in OWNED_THINGS or object_owners(obj):
            continue
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children(obj)):
            continue
        lemma, first = obj.lemma_.lower(), max(0, sentence_start(obj) - ANTECEDENT_WINDOW)
        earlier = (t for t in reversed(tokens(obj.doc)[first : sentence_start(obj)]) if t.pos_ == "NOUN")
        mention = next((t for t in earlier if t.lemma_.lower() == lemma), None)
        if mention is None:
            continue
        owners = object_owners(mention)
        # who made it: 'Trump unveiled a plan', 'the plan was proposed by Egypt', 'the plan the White House unveiled'
        verbs = [mention.head] if mention.dep_ in {"dobj", "nsubjpass"} else []
        for verb in verbs + [c for c in children(mention) if c.dep_ == "relcl"]:
            subjects, passive = verb_subjects(verb)
            agents = [a for p in children(verb) if p.dep_ == "agent" for a in children(p) if a.dep_ == "pobj"]
            owners += agents if passive else [s for s in subjects if not same(s, mention)]
        found = [r for r in resolve_all(owners, ctx.actors, shallow=True) if _known(r)]
        others = [r for r in found if r.actor.country != source.actor.country and r.actor is not source.actor]
        return others[0] if others and len(found) == len(others) else None
    return None


def _acted_on(head: Token) -> list[Token]:
    """The things a trigger acts on: its direct object, or its prepositions' objects ('pulled out of the deal')."""
    kids = children(head)
    direct = [c for c in kids if c.dep_ == "dobj"]
    return direct or [o for p in kids if p.dep_ == "prep" for o in children(p) if o.dep_ == "pobj"]


def _absent(token: Token) -> ResolvedActor:
    """No target named or implied ('Israel threatened to ban voting'): country '---', an empty span at the trigger."""
    return _unknown(token, "absent")


def _unknown(token: Token, via: str) -> ResolvedActor:
    """An actor the sentence does not name: country '---', an empty span at the trigger."""
    return ResolvedActor(Actor("", UNKNOWN, UNKNOWN, None, kind="none"), (token.idx, token.idx), via)


def _home(source: ResolvedActor, head: Token, ctx: _Context) -> ResolvedActor:
    """The target of a domestic event: the country it happens in ('Albanians demonstrated in Serbia'), else the
    source's own."""
    place = _place_entity(head, ctx.actors)
    country = place[1].country if place is not None else source.actor.country
    return _country_side(country, source.span, "home", ctx)


def _own_country(source: ResolvedActor, head: Token, ctx: _Context) -> ResolvedActor:
    """The source's own country as an implied target: no words of the text name it, so its span is empty at the
    trigger, as an absent target's is."""
    return _country_side(source.actor.country, (head.idx, head.idx), "domestic", ctx)


def _country_side(country: str, span: tuple[int, int], via: str, ctx: _Context) -> ResolvedActor:
    """A country as an event's side, named by the knowledge base, at the given span."""
    name = ctx.actors.kb.country_name(country) or country
    return ResolvedActor(Actor(name, country, country, None, kind="country"), span, via)


def _is_country(r: ResolvedActor, ctx: _Context) -> bool:
    """The actor's country code is a state's, not a transnational group's or an organisation's ('IMG', 'UNO')."""
    return _country_actor(r.actor.country, ctx) is not None


def _country_actor(code: str, ctx: _Context) -> Actor | None:
    """The document's actor for a state's country code; None for '---', groups and organisations."""
    kb = ctx.actors.kb
    entry = kb.lookup(kb.country_name(code) or "") if code not in {UNKNOWN, ""} else None
    return ctx.actors.entity_actor(entry) if entry is not None and entry.kind == "country" else None


def _a_partners_home(place: ResolvedActor, source: ResolvedActor, args: Args) -> bool:
    """The place is the country of another agent of the same act: 'exercises in South Korea by U.S. and South
    Korean troops' are held there together, not aimed at it."""
    return any(s.actor.country == place.actor.country != source.actor.country for s in args.sources)


def _place_actor(head: Token, source: ResolvedActor, ctx: _Context, *, at_home: bool = False) -> ResolvedActor | None:
    """Where a material act happens or is aimed, when that is another country: 'evacuate settlements in the Gaza
    Strip', 'strengthened its forces in Lebanon', 'launched strikes inside Syria'; with `at_home` (an attack by
    rebels or militants), their own country too ('militants attacked a checkpoint in Kunduz')."""
    place = _target_place(head, ctx.actors)
    if place is None or (place[1].country == source.actor.country and not at_home):
        return None
    span, entry = place
    return ResolvedActor(ctx.actors.entity_actor(entry), (span.start_char, span.end_char), "place")


def _target_place(head: Token, actors: DocActors) -> tuple[Span, KBEntry] | None:
    """The nearest country or city in a place phrase of the act: 'in/at/inside/into/on/against X' on the trigger
    (or the verb it is the object of), on its objects, and on the objects of those phrases ('conducted strikes
    against the group within Yemen'), nearest first."""
    frontier = [head] + ([head.head] if head.dep_ in {"dobj", "pobj", "nsubjpass"} else [])
    for _ in range(3):
        deeper = []
        for node in frontier:
            for child in children(node):
                if child.dep_ in {"dobj", "nsubjpass"}:
                    deeper.append(child)
                elif child.dep_ == "prep":
                    for pobj in (o for o in children(child) if o.dep_ == "pobj"):
                        hit = _country_hit(pobj.left_edge.i, pobj.i + 1, actors)
                        if hit is not None and child.lower_ in INTO_PREPS:
                            return hit
                        deeper.append(pobj)
        frontier = deeper
    return None


def _implied_target(
    head: Token, source: ResolvedActor, args: Args, ctx: _Context, *, previous: bool = False
) -> ResolvedActor | None:
    """The target of an act that names none: the one other country its clause names ('the Israeli military launched
    a large-scale attack after one of its jets crashed under Syrian anti-aircraft fire' is aimed at Syria), else
    (`previous`) the one the sentence before names."""
    kb = ctx.actors.kb
    # an official's nationality says nothing of the act ('ahead of a meeting with the U.S. president')
    # (nor is where the act came from: 'jets launched the missiles from Lebanon's airspace')
    places = [(prep, hit) for prep, hit in _clause_places(head, ctx.actors) if not _an_officials_nationality(hit, kb)]
    others = {hit[1].country: hit for prep, hit in places if prep != "from"}
    # its own country counts only as the place where the act is ('regime change in Iran'), not as its people
    home = next((hit for prep, hit in places if prep in WHERE_PREPS and hit[1].country == source.actor.country), None)
    for one in [source, *args.sources]:  # nor is a partner in the act ('Russia and China vowed to block ...')
        others.pop(one.actor.country, None)
    partners = {s.actor.country for s in args.sources} - {source.actor.country, UNKNOWN, ""}
    if not others and home is not None and not _within(home[0], source.span) and not partners:
        # only its own country, named as a place: 'Iranians pushing for regime change in Iran', 'British officials
        # deployed troops at sites in the country, some in London'; not when it acts with partners from abroad
        # ('Japanese and American forces held exercises in Japan': there together)
        others = {source.actor.country: home}
    if not others and previous:
        # none in the clause: the one other country the sentence before names ('Trump pulled out of the deal.' after
        # a sentence on Iran's nuclear programme)
        others = _previous_sentence_countries(head, ctx.actors)
        for one in [source, *args.sources]:
            others.pop(one.actor.country, None)
    if len(others) != 1:
        return None
    span, entry = next(iter(others.values()))
    return ResolvedActor(ctx.actors.entity_actor(entry), (span.start_char, span.end_char), "place")


def _conflict_country(head: Token, other: ResolvedActor, ctx: _Context) -> Actor | None:
    """Rebels or an opposition that a foreign state backs, arms or fights are those of the one other country its
    sentence (else the sentence before) names: 'the US continues to support the opposition battling Mr. Assad',
    'the conflict in Syria has left 70,000 dead. The U.S. has given aid to rebel groups.'"""
    if other.actor.sector not in STATE_SECTORS or not _is_country(other, ctx):
        return None
    spans = [sentence_range(head)] + ([before] if (before := _previous_sentence(head)) is not None else [])
    for first, last in spans:
        reporters = _attributions(ctx.doc, first, last) | _side_clauses(head, first, last)
        named: set[str] = set()
        for i in range(first, last):
            if i in reporters or _an_origin(ctx.doc[i]):
                continue  # (nor where arms came from: 'supplied the rebels with weapons from Saudi Arabia')
            actor = ctx.actors.actor_at(i)
            hit = ctx.actors.kb_hits.get(i)
            named |= {actor.country} if actor is not None else set()
            named |= {hit[1].country} if hit is not None and hit[1].kind in PLACE_KINDS else set()
        named -= {other.actor.country, UNKNOWN, ""}
        if named:
            return _country_actor(next(iter(named)), ctx) if len(named) == 1 else None
    return None


def _on_own_people(c: _Candidate, source: ResolvedActor, ctx: _Context) -> bool:
    """A state's mass violence (massacres, ethnic cleansing, chemical attacks) that its clause aims at no other
    country is done to its own people: 'the regime used chemical weapons in the civil war', 'the army gassed 5,000
    villagers'; not the means of an act aimed abroad ('authorized to attack the U.S. using nuclear weapons')."""
    if c.code[:2] != MASS_VIOLENCE or source.actor.sector not in STATE_SECTORS or not _is_country(source, ctx):
        return False
    verb = _clause_verb(c.head)
    if verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG":
        verb = verb.head
    reporters = _attributions(ctx.doc, *sentence_range(c.head))
    named = {hit[1].country for _, hit in _clause_places(c.head, ctx.actors)}
    named |= {a.country for t in verb.subtree if t.i not in reporters and (a := ctx.actors.actor_at(t.i)) is not None}
    return not named - {source.actor.country, UNKNOWN, ""}


def _armed_enemy(c: _Candidate, source: ResolvedActor, args: Args, ctx: _Context) -> ResolvedActor | None:
    """A state's military force that names no target fights the one armed group its sentence (else the sentence
    before) names ('as the Islamic State marched on Iraq, the United States ordered airstrikes'), else the one
    other party its sentence names ('the missiles Trump launched after an attack by Syrian forces', 'Japan
    surrendered after the US dropped the bomb'); never whoever reports it ('..., South Korea's military said'),
    nor a bystander when the act names what it struck in words we cannot place ('shot at a supporter')."""
    if c.code[:2] != FIGHT_ROOT or source.actor.sector not in STATE_SECTORS or not _is_country(source, ctx):
        return None
    sentence = sentence_range(c.head)
    before = _previous_sentence(c.head)
    tiers = [(sentence, True), *([(before, True)] if before is not None else [])]
    if not _victim_unplaced(c.head):
        tiers.append((sentence, False))
    partners = {s.actor.country for s in args.sources} | {source.actor.country}
    for (first, last), armed in tiers:
        reporters = _attributions(ctx.doc, first, last)
        if not armed:  # (an enemy's advance told in a side clause stays: 'as the Islamic State marched on Iraq')
            reporters |= _side_clauses(c.head, first, last)
        found: dict[str, ResolvedActor] = {}
        for i in range(first, last):
            actor = ctx.actors.actor_at(i)
            if actor is None or i in reporters or actor is source.actor or actor.country in {UNKNOWN, ""}:
                continue
            if _an_origin(ctx.doc[i]):
                continue  # where the force came from ('launched the missiles from Lebanon's airspace')
            # an armed group may be the state's own insurgents ('the army shelled as the rebels advanced')
            if (actor.sector not in NON_STATE_ARMED) if armed else (actor.country in partners):
                continue
            if actor.sector in {"IGO", "NGO"}:
                continue
            token = ctx.doc[i]
            found.setdefault(
                actor.country, ResolvedActor(actor, (token.idx, token.idx + len(token.text)), "mention", i)
            )
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _an_origin(token: Token) -> bool:
    """The token names where something came from: 'from Lebanon's airspace', 'from Syrian territory'."""
    noun = token
    while noun.dep_ in {"poss", "compound", "amod"} and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "from"


def _victim_unplaced(head: Token) -> bool:
    """The act names what it struck with a word we cannot place ('invade a neighbor', 'closed its borders', 'shoot
    at a supporter'): another party of the sentence is no more its target than anyone (not the weapon: 'dropped a
    bomb')."""
    struck = [c for c in children(head) if c.dep_ == "dobj"]
    struck += [o for p in children(head) if p.dep_ == "prep" and p.lower_ in {"at", "against"} for o in children(p)]
    return any(t.lemma_.lower() not in INSTRUMENTS | AIR_WORDS for t in struck)


def _side_clauses(head: Token, start: int, end: int) -> set[int]:
    """Tokens of the sentence's adverbial clauses with their own subject that do not hold the act: what else
    happened meanwhile ('days after Putin met Erdogan', 'as the Chinese leader visited London') names bystanders."""
    out: set[int] = set()
    for token in tokens(head.doc)[start:end]:
        if token.dep_ != "advcl" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(token)):
            continue
        inside = {t.i for t in token.subtree}
        if head.i not in inside:
            out |= inside
    return out


def _attributions(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens of a sentence that say who reports it: the subjects of its speech verbs and 'according to' phrases."""
    out: set[int] = set()
    for token in tokens(doc)[start:end]:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            out.update(t.i for s in children(token) if s.dep_ in {"nsubj", "nsubjpass"} for t in s.subtree)
        elif token.dep_ == "prep" and token.lower_ == "according":
            out.update(t.i for t in token.subtree)
    return out


def _previous_sentence_countries(head: Token, actors: DocActors) -> dict[str, tuple[Span, KBEntry]]:
    """Countries the sentence before names as places (not as an official's nationality), in the same paragraph."""
    before = _previous_sentence(head)
    if before is None:
        return {}
    out: dict[str, tuple[Span, KBEntry]] = {}
    for i in range(*before):
        hit = actors.kb_hits.get(i)
        if hit is None or hit[1].kind not in PLACE_KINDS or hit[0].start != i:
            continue
        if not _an_officials_nationality(hit, actors.kb):
            out.setdefault(hit[1].country, hit)
    return out


def _shares_clause(verb: Token) -> bool:
    """A participle or a conjoined verb tells of its head's act: 'shelled Juba, killing 20 people', 'gathered near
    the fence and clashed with troops'."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return True
    return verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i


def _an_officials_nationality(hit: tuple[Span, KBEntry], kb: KnowledgeBase) -> bool:
    """'the U.S. president', 'Syrian officials': a country named as a state official's, not as a place."""
    found = kb.sector(hit[0].root.head.text)
    return found is not None and found.sector in STATE_ORGANS


def _within(span: Span, chars: tuple[int, int]) -> bool:
    return chars[0] <= span.start_char and span.end_char <= chars[1]


def _clause_verb(head: Token) -> Token:
    """The verb whose clause tells of the act: the trigger itself, or the verb its noun phrase hangs on."""
    verb = head
    while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ != "ROOT" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _clause_places(head: Token, actors: DocActors) -> list[tuple[str, tuple[Span, KBEntry]]]:
    """Countries, capitals and demonyms in the clause of an act, each with the preposition it hangs on ('' if
    none), in text order; attributions are not part of the clause ('..., a U.S. official said', 'according to')."""
    verb = _clause_verb(head)
    skipped: set[int] = set()
    for child in children(verb):
        speech = child.lemma_.lower() in SPEECH_VERBS and child.dep_ in {"parataxis", "advcl", "conj", "ccomp"}
        if child.dep_ == "parataxis" or speech or (child.dep_ == "prep" and child.lower_ == "according"):
            skipped.update(t.i for t in child.subtree)
    out: list[tuple[str, tuple[Span, KBEntry]]] = []
    seen: set[int] = set()
    for token in verb.subtree:
        hit = actors.kb_hits.get(token.i)
        if token.i in skipped or hit is None or hit[1].kind not in PLACE_KINDS or hit[0].start in seen:
            continue
        seen.add(hit[0].start)
        noun = hit[0].root
        while noun.dep_ in {"poss", "compound", "amod"} and noun.head.i != noun.i:
            noun = noun.head  # 'from Lebanon's airspace', 'in Syrian towns': the phrase's preposition
        prep = noun.head if noun.dep_ == "pobj" else None
        out.append((prep.lower_ if prep is not None else "", hit))
    return out


def _dominant_other(source: ResolvedActor, ctx: _Context) -> ResolvedActor | None:
    others = [(c, r, n) for c, r, n in ctx.salient if c != source.actor.country]
    if not others or others[0][2] < FALLBACK_MIN_MENTIONS:
        return None
    if len(others) > 1 and others[0][2] < FALLBACK_DOMINANCE * others[1][2]:
        return None
    return others[0][1]


def _add_event(
    c: _Candidate,
    source: ResolvedActor,
    target: ResolvedActor,
    inferred: bool,
    conf: float,
    ctx: _Context,
    *,
    guessed: bool = False,
) -> None:
    code = c.code
    if source.actor.sector in MILITARY_SECTORS:
        code = ctx.lexicon.military_code(code)  # an assault by an army is conventional force (18x -> 19x)
    elif code == "180" and _verbal_attack(c, source, target):
        code = "111"  # 'Pelosi attacked people of faith': words, not force
    elif code == "183" and (_state_force(c.head, source) or _statesman_at_war(source, target)):
        code = ctx.lexicon.military_code(code)  # 'the U.S. has been bombing Syria': from the air
    elif (code == "180" or c.by_force) and (_state_force(c.head, source) or _statesman_at_war(source, target)):
        code = ctx.lexicon.military_code(code)  # 'Turkey launched its assault', 'the Iranian attacks'
    elif _unconventional(c.head, code, source):
        code = "180"  # 'gunmen opened fire on worshippers', 'terrorists struck at a market': an assault, no battle
    if _names_the_site(c.head, source, ctx):
        return  # 'a Florida rally', 'the Texas shooting': the region named on the act is where, not who
    if code == "141" and c.head.lemma_.lower() == "rally" and _holds_own_rally(source):
        return  # 'Mr. Trump held a rally in Ohio': a campaign event, no protest
    if code[:2] == "14" and _celebrates(c.head):
        return  # 'Iranians took to the streets to celebrate the deal': joy, no dissent
    if code == "141" and c.head.lemma_.lower() == "march" and source.actor.sector in FIGHTING_SECTORS:
        code = "190"  # 'the Islamic State started an aggressive march on Iraq': an offensive, no demonstration
    elif code == "144" and _attackers(c.head, source):
        code = "191"  # 'the gunmen set cars on fire to block roads': part of their attack, no protest
    if c.head.lemma_.lower() in {"mobilize", "mobilise"} and source.actor.sector in CIVIL_SECTORS:
        return  # 'Democrats who will mobilize to help her win': parties and citizens rally voters, not forces
    if code.startswith(MILAID_CODES) and _politics_at_home(source, target):
        return  # 'the party offered fresh ammunition to Republicans': arguments handed to rivals, no arms
    if code == "0832" and source.actor.sector == "JUD":
        return  # 'the appeals court reversed a previous decision': a judgment, no concession
    if code == COERCE_CODE and source.actor.sector in CIVIL_SECTORS and c.head.lemma_.lower() not in HARASS_WORDS:
        return  # 'GOP senators pressuring House conservatives', 'forced by student activists': politics, no coercion
    if code[:2] == "16" and _gives_way_to_another_trip(c.head):
        return  # 'cancelled a trip to Mozambique to go to the Middle East': a schedule, no snub
    if c.has_object and _moves_itself(c.head, source, target):
        return  # 'Trump withdrew the US from the deal': the US is what he withdrew, not whom from
    if code == "042" and _own_institution(source, target):
        return  # 'Obama arrives in the White House briefing room', 'was headed to a military hospital': no visit
    if code[:2] in VIOLENT_ROOTS and _unarmed_body(c.head):
        return  # 'the president's re-election campaign launched a pre-emptive strike': a figure of speech
    if code[:2] in VIOLENT_ROOTS and _no_ones_doing(c.head):
        return  # 'an earthquake killed 300', 'the jet crashed, killing all aboard': a disaster, no assault
    if code[:2] == "17" and _quells_words(c.head):
        return  # 'scrambling to quell the controversy': politics, not repression
    if code == "051" and c.head.lemma_.lower() == "back" and _forces(source):
        code = "062"  # 'the Afghan army, backed by American troops': fighting alongside, not words of support
    elif code == "050" and (_forces(source) or _forces(target)):
        code = "062"  # 'the Kurdish forces that partnered with the U.S.': armed partners cooperate militarily
    elif code == "012" and _named_owner(c.head):
        code = "111"  # 'lamented Sanders' past vote': regret at another's act is criticism of it
    if code == AIR_STRIKES and _police_raid(c.head, source):
        code = "170"  # 'police conducted raids on six homes': a search in force, not a strike from the air
    if code == "192" and _takes_people(c.head, ctx.lexicon):
        code = "173"  # 'the crew was seized in the Gulf', 'the city where he was captured': people are detained
    if code[:2] == "19" and (_a_test(c.head) or _a_launch(c.head)):
        code = "150"  # 'North Korea fired a ballistic missile in a test': a show of force, no attack
    elif code[:2] == "19" and (_clash_over(c.head) or _political_clash(c.head, source, target)):
        code = "110"  # 'Washington and Moscow have clashed over Syria': a dispute, not a battle
    if (code[:2] in VIOLENT_ROOTS or code == "175") and _known(source) and source.via not in {"agentless", "place"}:
        ctx.last_force = (sentence_start(c.head), source)
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


def _acts_as_state(head: Token, source: ResolvedActor) -> bool:
    """The state itself acts: its government, the country by name ('Turkey launched its assault'), or its adjective
    on the act ('the Iranian attacks', 'the Saudi coalition's assault'); 'an Afghan immigrant planted bombs' and
    'Palestinians attacked' tell of people from the country, not of its forces."""
    if source.actor.sector == "GOV":
        return True
    if source.actor.kind != "country" or source.actor.sector is not None:
        return False
    span = head.doc.char_span(*source.span, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span.root
    if word.dep_ in {"amod", "compound", "nmod"}:
        owner = word.head
        if owner.dep_ == "poss":
            owner = owner.head  # 'the Saudi coalition's assault'
        return owner.i == head.i or any(c.i == owner.i and c.dep_ == "poss" for c in children(head))
    return word.tag_ not in {"NNS", "NNPS"}  # 'Palestinians', 'Iranians': people


def _state_force(head: Token, source: ResolvedActor) -> bool:
    """A state's force: the state itself ('the U.S. has been bombing Syria', 'Turkey launched its assault') or its
    machines and forces ('U.S. fighter jets bombed', 'Israeli jets attacked Hamas positions'); its people are not
    ('an Afghan immigrant planted bombs', 'an Afghan suicide bomber detonated a vest')."""
    if _acts_as_state(head, source):
        return True
    if source.actor.kind != "country" or source.actor.sector is not None:
        return False
    span = head.doc.char_span(*source.span, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in {"amod", "compound", "nmod"}:
        return False
    owner = span.root.head
    suicide = any(m.lemma_.lower() == "suicide" for m in children(owner))
    return owner.lemma_.lower() in WAR_MACHINES and not suicide


def _takes_people(head: Token, lexicon: Lexicon) -> bool:
    """Seizing or capturing people ('the crew of two gunboats was seized in the Persian Gulf', 'the city where
    Rahami was captured'): a place named after the act is where it happened, no territory taken."""
    if head.lemma_.lower() not in {"seize", "capture", "take"}:
        return False
    taken = [o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"}]
    return any(o.ent_type_ == "PERSON" or lexicon.in_synset("PRISONER", o.lemma_.lower()) for o in taken)


def _a_test(head: Token) -> bool:
    """The weapon was fired in a test or a drill ('test-fired a missile', 'fired the missile in a test')."""
    words = [head, *children(head)]
    words += [o for p in children(head) if p.dep_ == "prep" for o in children(p) if o.dep_ == "pobj"]
    words += [m for w in list(words) for m in children(w) if m.dep_ in {"compound", "amod"}]
    return any(w.lemma_.lower() in {"test", "drill", "exercise"} for w in words)


def _a_launch(head: Token) -> bool:
    """A missile or rocket launched at no one: into the sea, over a country, or a ballistic or long-range one (or
    one carrying a satellite) with no target named ('fired missiles into the sea', 'has fired missiles over Japan',
    'launched a long-range rocket'). A test or a show of force, not a strike ('fired ballistic missiles at bases')."""
    if head.lemma_.lower() not in {"fire", "launch"}:
        return False
    kids = children(head)
    weapons = [o for o in kids if o.dep_ in {"dobj", "nsubjpass"}]
    if head.dep_ in {"relcl", "acl"}:
        weapons.append(head.head)  # 'the missiles it launched', 'missiles fired by Iran'
    # 'dozens of missiles', 'a barrage of rockets'
    weapons += [
        o for w in list(weapons) for p in children(w) if p.lower_ == "of" for o in children(p) if o.dep_ == "pobj"
    ]
    weapons = [w for w in weapons if w.lemma_.lower() in LAUNCHED]
    if not weapons:
        return False
    aimed = False
    for prep in (p for p in [*kids, *(c for w in weapons for c in children(w))] if p.dep_ == "prep"):
        places = [o for o in children(prep) if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}]
        if prep.lower_ in {"into", "in"} and any(o.lemma_.lower() in NOBODYS_PLACES for o in places):
            return True
        if prep.lower_ == "over" and any(o.ent_type_ == "GPE" for o in places):
            return True
        aimed = aimed or (prep.lower_ in AIMED_PREPS and bool(places))
    if aimed:
        return False
    words = {t.lemma_.lower() for w in weapons for t in w.subtree}
    words |= {t.lemma_.lower() for c in kids if c.dep_ == "advcl" for t in c.subtree}  # '..., carrying a satellite'
    return bool(words & LONG_RANGE) or {"long", "range"} <= words


def _unconventional(head: Token, code: str, source: ResolvedActor) -> bool:
    """Gunmen, terrorists and militants opening fire or 'striking at' a place assault (18): theirs is no
    conventional military force (19), whoever they hit; their rockets and mortars remain 19."""
    if code != "193" and not (code[:2] == "19" and head.lemma_.lower() in {"strike", "hit"}):
        return False
    return _attackers(head, source)


def _attackers(head: Token, source: ResolvedActor) -> bool:
    """The source is named as gunmen, terrorists or militants (not as rebels, whose roadblocks may be dissent)."""
    if source.actor.sector not in NON_STATE_ARMED:
        return False
    span = head.doc.char_span(*source.span, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.lemma_.lower() in ATTACKERS


def _statesman_at_war(source: ResolvedActor, target: ResolvedActor) -> bool:
    """A statesman of no office the text gives bombing or attacking a country by name ('Ronald Reagan bombed Libya',
    'Clinton attacked Iraq'): one country's force against another's, as their governments' would be."""
    if source.actor.kind != "person" or source.actor.sector is not None or not _known(source):
        return False
    return (
        target.actor.kind == "country" and target.actor.sector is None and target.actor.country != source.actor.country
    )


def _unarmed_body(head: Token) -> bool:
    """The act's subject is a body that fights with words only: a political campaign, a party's committee, a
    newspaper ('the campaign launched a pre-emptive strike'); an 'air campaign' or 'bombing campaign' is force."""
    for subject in (c for c in children(head) if c.dep_ == "nsubj"):
        words = {m.lemma_.lower() for m in children(subject) if m.dep_ in {"compound", "amod"}}
        if subject.lemma_.lower() in UNARMED_BODIES and not words & (AIR_WORDS | {"military", "ground"}):
            return True
    return False


def _no_ones_doing(head: Token) -> bool:
    """Deaths a disaster or an accident caused: its noun is the subject of the act ('a storm killed 40'), or the
    killing follows from a crash ('the plane crashed, killing all aboard')."""
    if any(s.dep_ == "nsubj" and s.lemma_.lower() in DISASTERS for s in children(head)):
        return True
    if head.dep_ in {"advcl", "xcomp", "conj"} and head.head.lemma_.lower() in ACCIDENT_VERBS:
        return True
    return _deaths_after_disaster(head)


def _deaths_after_disaster(head: Token) -> bool:
    """'The crash was the worst air disaster in years ... All 92 people aboard were killed': deaths told in the
    passive, by no one, right after a sentence whose subject is a disaster or whose verb is an accident."""
    kids = children(head)
    if not any(c.dep_ == "nsubjpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return False
    if any(p.dep_ == "prep" and p.lower_ in FORCE_PREPS for p in kids):
        return False  # 'were killed in an airstrike'
    before = _previous_sentence(head)
    if before is None:
        return False
    words = tokens(head.doc)[before[0] : before[1]]
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    subjects = [c for c in children(root) if c.dep_ in {"nsubj", "nsubjpass"}]
    return root.lemma_.lower() in ACCIDENT_VERBS or any(s.lemma_.lower() in DISASTERS for s in subjects)


def _quells_words(head: Token) -> bool:
    """One quells unrest, a revolt or a crowd by force; what else is 'quelled' (a controversy, a petition, doubts,
    a rebellion in the party's ranks) is quieted with words."""
    if head.lemma_.lower() != "quell":
        return False
    objects = [o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"}]
    return bool(objects) and not any(o.lemma_.lower() in QUELLED for o in objects)


def _police_raid(head: Token, source: ResolvedActor) -> bool:
    """Police, agents and prosecutors raid homes and offices to search and arrest; soldiers' and jets' 'raids' are
    strikes. The raid is the act's object ('conducted raids') or the noun the act describes ('a raid carried out
    by French authorities'); an 'air raid' or 'bombing raid' stays a strike whoever orders it."""
    nouns = [o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"}]
    if head.dep_ == "acl":
        nouns.append(head.head)
    raid = next((n for n in nouns if n.lemma_.lower() == "raid" and n.pos_ == "NOUN"), None)
    if raid is None:
        return False
    words = {m.lemma_.lower() for m in children(raid) if m.dep_ in {"compound", "amod"}}
    if words & AIR_WORDS:
        return False
    return source.actor.sector in {"COP", "SPY", "JUD"} or bool(words & POLICE_WORDS)


def _celebrates(head: Token) -> bool:
    """A crowd out in the streets to celebrate or welcome someone ('took to the streets to celebrate the deal',
    'rallied to welcome the team home') holds no protest."""
    purposes = [c for c in children(head) if c.dep_ in {"advcl", "xcomp"}]
    if head.dep_ in {"pobj", "dobj"} and head.head.pos_ == "VERB":
        purposes += [c for c in children(head.head) if c.dep_ in {"advcl", "xcomp"}]  # 'took to the streets'
    return any(p.lemma_.lower() in CELEBRATE_VERBS for p in purposes)


def _gives_way_to_another_trip(head: Token) -> bool:
    """A visit cancelled or postponed so as to be elsewhere or deal with something else ('cancelled a trip to Asia
    to go to the Middle East', 'postponed the visit to attend to the crisis'): a schedule, not a cut in relations."""
    if head.lemma_.lower() not in {"cancel", "postpone", "scrap", "call", "delay"}:
        return False
    return any(
        c.dep_ in {"advcl", "xcomp"} and is_infinitive(c) and c.lemma_.lower() in ELSEWHERE_VERBS
        for c in children(head)
    )


def _names_the_site(head: Token, source: ResolvedActor, ctx: _Context) -> bool:
    """A region (a state or province, not a country, capital or people) that modifies the event noun names where it
    happened ('told a North Carolina rally', 'the Ohio primary'): 'a Palestinian rally' or 'Moscow's offensive' still
    name who acts."""
    span = ctx.doc.char_span(*source.span, alignment_mode="expand")
    if span is None or len(span) == 0 or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    hit = ctx.actors.kb_hits.get(span.start)
    if hit is None or hit[1].kind != "place":
        return False
    token = span.root
    while token.dep_ == "compound" and token.head.i != head.i and token.head.i != token.i:
        token = token.head  # ('a North Carolina rally': the phrase's last word hangs on the noun)
    return token.head.i == head.i and token.dep_ in {"compound", "amod", "nmod"}


def _holds_own_rally(source: ResolvedActor) -> bool:
    """One politician's rally is a campaign event; crowds, groups and countries rally in protest or support."""
    return source.actor.kind == "person" and source.actor.sector in STATE_SECTORS | {"PTY"}


def _moves_itself(head: Token, source: ResolvedActor, target: ResolvedActor) -> bool:
    """The direct object of an act on something named after a preposition ('withdrew the US from the deal', 'pulled
    Washington out of the agreement') is the source's own country it moves, not the one it acts on ('asked Congress
    for help' moves no one)."""
    if target.actor.country != source.actor.country or target.via == "place" or target.actor.sector is not None:
        return False
    if head.lemma_.lower() not in MOVING_VERBS:
        return False
    span = head.doc.char_span(*target.span, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "dobj" or span.root.head.i != head.i:
        return False
    return any(c.dep_ in {"prep", "prt"} and c.i > span.root.i for c in children(head))


def _forces(r: ResolvedActor) -> bool:
    """Armed forces as a body ('American troops', 'the rebels'); a general or a former officer backing a candidate
    backs with words."""
    return r.actor.sector in FIGHTING_SECTORS and r.actor.kind != "person"


def _own_institution(source: ResolvedActor, target: ResolvedActor) -> bool:
    """A state's people going to their own country's offices, courts or hospitals make no visit (a visit is to a
    country, a place, or troops in the field)."""
    same = source.actor.country == target.actor.country and source.actor.country != UNKNOWN
    return same and source.actor.sector in STATE_SECTORS and target.actor.sector not in {None, "MIL"}


def _named_owner(verb: Token) -> bool:
    """The verb's object belongs to a named person, party or people ('Sanders' vote', 'the Ugandan president's
    decision'; not 'the country's decline')."""
    owners = [p for c in children(verb) if c.dep_ == "dobj" for p in children(c) if p.dep_ == "poss"]
    return any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for p in owners for t in p.subtree)


def _politics_at_home(source: ResolvedActor, target: ResolvedActor) -> bool:
    """Both sides are one country's parties or legislators: what passes between them is politics."""
    same = source.actor.country == target.actor.country and source.actor.country != UNKNOWN
    return (
        same
        and {source.actor.sector, target.actor.sector} <= UNARMED_POLITICS | {"GOV"}
        and (target.actor.sector in UNARMED_POLITICS)
    )


def _political_clash(head: Token, source: ResolvedActor, target: ResolvedActor) -> bool:
    """'The White House and Democrats clashed with Republicans in Congress', 'Republicans and Democrats battled over
    his testimony': a quarrel between a country's own politicians, not a battle (police, soldiers and rebels clash
    with arms)."""
    if head.lemma_.lower() not in {"clash", "battle", "fight", "spar", "feud"}:
        return False
    sides = (source.actor, target.actor)
    return sides[0].country == sides[1].country and all(a.sector in POLITICAL_SECTORS for a in sides)


def _clash_over(head: Token) -> bool:
    """'Clashed over' an issue: words, not arms."""
    return head.lemma_.lower() == "clash" and any(p.dep_ == "prep" and p.lower_ == "over" for p in children(head))


def _verbal_attack(c: _Candidate, source: ResolvedActor, target: ResolvedActor) -> bool:
    """A politician 'attacking' a person, a party, the press or a group of citizens attacks with words; armies,
    armed groups and countries attacked with arms are another matter, as are a leader's men ("Assad's forces",
    'Morsi supporters') and the 'positions' armies and states attack ('attacked Ukrainian positions')."""
    attack = c.head.lemma_.lower() == "attack" or any(
        o.dep_ == "dobj" and o.lemma_.lower() == "attack" for o in children(c.head)
    )
    if not attack:
        return False
    if source.actor.sector in UNARMED_POLITICS:
        return True  # 'Senate candidates attacked each other', 'Republicans mounted a less direct attack'
    span = c.head.doc.char_span(*source.span, alignment_mode="expand")
    men = span is not None and len(span) > 0 and span.root.dep_ in {"poss", "compound"}
    if men and span.root.head.lemma_.lower() in FOLLOWERS:
        return False
    if source.actor.sector in ARMED_SECTORS | {"MIL", "COP", "SPY"}:
        return False
    objects = [o for o in children(c.head) if o.dep_ == "dobj"]
    # ('attacked dozens of churches', 'attacked their own mockup of the plant')
    objects += [g for o in objects for g in of_objects(o)]
    if any(o.lemma_.lower() in BUILDINGS for o in objects):
        return False  # 'supporters attacked churches': buildings are attacked with force
    owned = {o.lemma_.lower() for o in objects if o.lemma_.lower() in OWNED_THINGS}
    # ('attacking their positions in Raqqa' is ground held, not a stance like 'his position on trade')
    stance = any(
        o.lemma_.lower() == "position" and any(p.lower_ in {"on", "about"} for p in children(o)) for o in objects
    )
    political = source.actor.kind == "person" or source.actor.sector in POLITICAL_SECTORS | {"OPP"}
    if owned - {"position"} or stance or (owned and political):
        return True  # 'parties attacked Tory plans', 'attacked the decision': words against a thing said or planned
    if source.actor.kind != "person":
        return False
    return target.actor.kind != "country" and target.actor.sector not in ARMED_SECTORS | {"COP", "MIL"}


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
    c: _Candidate, code: str, source: ResolvedActor, target: ResolvedActor, inferred: bool, conf: float, ctx: _Context
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


def _place_tokens(token: Token, *, deep: bool = False) -> list[Token]:
    """Objects of 'in X' / 'at X' on the trigger (or the verb it is the object of; `deep`: or on its objects)."""
    heads = [token] + ([token.head] if token.dep_ in {"dobj", "pobj", "nsubjpass"} else [])
    if deep:
        heads += [c for c in children(token) if c.dep_ in {"dobj", "nsubjpass"}]
        # 'put under investigation in Italy', 'killed in a bombing in Kabul'
        heads += [o for p in children(token) if p.dep_ == "prep" for o in children(p) if o.dep_ == "pobj"]
    return [
        pobj
        for head in heads
        for prep in children(head)
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}
        for pobj in children(prep)
        if pobj.dep_ == "pobj"
    ]


def _location(token: Token, sent: tuple[int, int], actors: DocActors) -> Location | None:
    """Where the event happened: a named place after 'in'/'at', with the country the knowledge base gives it."""
    for pobj in _place_tokens(token):
        if pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
            ent = next((e for e in _sentence_entities(token.doc, *sent) if e.start <= pobj.i < e.end), None)
            if ent is not None:
                hit = _country_hit(ent.start, ent.end, actors)
                return Location(ent.text, hit[1].country if hit else None)
    return None


def _place_entity(token: Token, actors: DocActors, *, deep: bool = False) -> tuple[Span, KBEntry] | None:
    """The knowledge-base country or city the event happened in ('in Baghdad' -> Iraq), with its span."""
    for pobj in _place_tokens(token, deep=deep):
        if pobj.lemma_.lower() in INSTRUMENTS and means_owners(pobj, actors):
            continue  # 'killed in a US drone strike in Yemen': whose the strike is, not where
        hit = _country_hit(pobj.left_edge.i, pobj.i + 1, actors)
        if hit is not None:
            return hit
    return None


def _country_hit(start: int, end: int, actors: DocActors) -> tuple[Span, KBEntry] | None:
    """The first knowledge-base hit among tokens start..end-1 that is not an organisation or a group."""
    for i in range(start, end):
        hit = actors.kb_hits.get(i)
        if hit is not None and hit[1].kind not in {"igo", "ngo", "group"}:
            return hit
    return None
