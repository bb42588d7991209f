"""Whether an act stands as the event its code says: the checks the coder makes on an event before it keeps it.

Each predicate answers one question about the evidence token and the two sides: words or force ('Pelosi attacked
people of faith'), the state's forces or people from the country ('Turkey launched its assault', 'an Afghan immigrant
planted bombs'), a show of force or an attack ('fired a ballistic missile in a test'), a disaster or an assault ('an
earthquake killed 300'), a campaign event or a protest ('Mr. Trump held a rally in Ohio'). What the answer does to
the code (another code, or no event) stays in coder.py; the word lists and parse checks behind the answers live
here, apart from the flow of coding.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import UNKNOWN, ResolvedActor
from ..tokens import children, memo, tokens
from .context import (
    AIR_WORDS,
    ARMED_SECTORS,
    FIGHTING_SECTORS,
    FORCE_PREPS,
    NON_STATE_ARMED,
    OWNED_THINGS,
    STATE_SECTORS,
    UNARMED_BODIES,
    Candidate,
    Context,
    known,
    previous_sentence,
)
from .lexicon import Lexicon
from .triggers import is_infinitive, of_objects

DISASTERS = frozenset(
    {"earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding", "tsunami"}
    | {"landslide", "mudslide", "avalanche", "wildfire", "eruption", "heatwave", "drought", "crash", "accident"}
    | {"collision", "disease", "virus", "outbreak", "epidemic", "pandemic", "derailment"}
)
ACCIDENT_VERBS = frozenset({"crash", "collapse", "capsize", "sink", "derail", "overturn"})
# What a story about a natural disaster is about, and what a story about violence is about: a casualty count told by
# no one belongs to the first kind only when its words outnumber the second's
NATURAL_DISASTERS = frozenset(
    {"earthquake", "quake", "aftershock", "tremor", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood"}
    | {"flooding", "tsunami", "landslide", "mudslide", "avalanche", "wildfire", "eruption"}
)
VIOLENCE_WORDS = frozenset(
    {"attack", "attacker", "bomb", "bombing", "bomber", "shooting", "gunman", "gunfire", "airstrike", "militant"}
    | {"rebel", "insurgent", "fighting", "clash", "shelling", "war", "troops", "soldier", "terrorist", "assailant"}
)
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})  # where and when, not by what
DISASTER_STORY_MIN = 3  # mentions of a natural disaster that make a story about one
QUELLED = frozenset(
    {"unrest", "riot", "rioting", "uprising", "rebellion", "revolt", "insurgency", "insurrection", "mutiny"}
    | {"disturbance", "dissent", "protest", "demonstration", "opposition", "mob", "strike", "violence", "clash"}
    | {"fighting", "protester", "protestor", "demonstrator", "crowd", "rioter", "militant", "rebel", "unrest"}
)
# What crowds gather for without protesting
CELEBRATE_VERBS = frozenset({"celebrate", "cheer", "welcome", "greet"})  # (a vigil to mourn may be a protest)
# What a visit is cancelled for when it is a matter of schedule ('to go to the Middle East', 'to deal with the crisis')
ELSEWHERE_VERBS = frozenset(
    {"go", "travel", "fly", "head", "attend", "return", "stay", "remain", "deal", "focus", "handle", "oversee", "be"}
)
POLICE_WORDS = frozenset({"police", "counterterrorism", "counter-terrorism", "anti-terror", "fbi", "swat"})
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
# Non-state attackers named as such: their shootings and strikes are assaults (18x)
ATTACKERS = frozenset(
    {"gunman", "gunmen", "terrorist", "attacker", "assailant", "shooter", "jihadist", "militant", "extremist"}
)
# What is attacked with force, never with words: buildings and installations
BUILDINGS = frozenset(
    {"church", "mosque", "synagogue", "temple", "embassy", "consulate", "station", "checkpoint", "building", "office"}
    | {"house", "home", "school", "hospital", "base", "camp", "convoy", "plant", "facility", "installation", "depot"}
    | {"village", "town", "shop", "store", "hotel", "compound", "headquarters", "post", "outpost", "barrack"}
)
# Verbs that move their object out of or away from something ('withdrew the US from the deal')
MOVING_VERBS = frozenset({"withdraw", "pull", "take", "remove", "bring", "move", "get"})
POLITICAL_SECTORS = frozenset({"GOV", "PTY", "LEG", "JUD"})
UNARMED_POLITICS = frozenset({"PTY", "LEG", "JUD"})  # bodies that fight only with words and votes
CLASH_WORDS = frozenset({"clash", "scuffle", "skirmish", "fight", "battle"})
# People sent to help where they arrive: their arrival is aid, not a visit
RELIEF_PEOPLE = frozenset({"rescuer", "medic", "paramedic", "firefighter", "volunteer"})
CREWS = frozenset({"team", "worker", "crew", "personnel", "unit", "expert", "doctor", "specialist", "staff"})
RELIEF_WORDS = frozenset({"rescue", "relief", "aid", "response", "medical", "humanitarian", "disaster", "search"})
WALKOUT_SECTORS = frozenset({"LAB", "EDU", "MED", "CVL", "OPP"})  # who strikes by stopping work
# How an attack made in words goes on in the same clause ('attacked the plan, saying it would fail', 'accusing him
# of lying'): no one fires while saying, calling or accusing
ATTACK_WORDS = frozenset({"say", "accuse", "call", "describe", "brand", "label", "charge", "argue", "claim", "write"})
# Combat verbs that politics borrows ('Rubio fired at Trump', 'Cruz hammered Clinton'): between two politicians of
# one country they are words. (Not 'shoot', 'kill', 'jail': those a politician may really do or order.)
COMBAT_METAPHORS = frozenset(
    {"attack", "fire", "hit", "hammer", "blast", "strike", "target", "pummel", "bash", "lash", "torpedo", "ambush"}
    | {"clobber", "skewer", "batter", "assail", "pound", "bombard", "savage", "bludgeon", "slam", "punch"}
)
WEAPON_WORDS = frozenset(
    {"gun", "rifle", "pistol", "bullet", "shot", "knife", "bomb", "missile", "rocket", "grenade", "explosive"}
    | {"weapon", "artillery", "drone", "airstrike", "strike", "troops", "forces"}
)


def mention(doc: Doc, side: ResolvedActor) -> Span | None:
    """The tokens of the phrase that names a side, or None for a side no text names ('three soldiers were
    killed')."""
    span = doc.char_span(*side.span, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _acts_as_state(head: Token, source: ResolvedActor) -> bool:
    """The state itself acts: its government, the country by name ('Turkey launched its assault'), or its adjective
    on the act ('the Iranian attacks', 'the Saudi coalition's assault'); 'an Afghan immigrant planted bombs' and
    'Palestinians attacked' tell of people from the country, not of its forces."""
    if source.actor.sector == "GOV":
        return True
    if source.actor.kind != "country" or source.actor.sector is not None:
        return False
    span = mention(head.doc, source)
    if span is None:
        return False
    word = span.root
    if word.dep_ in {"amod", "compound", "nmod"}:
        owner = word.head
        if owner.dep_ == "poss":
            owner = owner.head  # 'the Saudi coalition's assault'
        return owner.i == head.i or any(c.i == owner.i and c.dep_ == "poss" for c in children(head))
    return word.tag_ not in {"NNS", "NNPS"}  # 'Palestinians', 'Iranians': people


def state_force(head: Token, source: ResolvedActor) -> bool:
    """A state's force: the state itself ('the U.S. has been bombing Syria', 'Turkey launched its assault') or its
    machines and forces ('U.S. fighter jets bombed', 'Israeli jets attacked Hamas positions'); its people are not
    ('an Afghan immigrant planted bombs', 'an Afghan suicide bomber detonated a vest')."""
    if _acts_as_state(head, source):
        return True
    if source.actor.kind != "country" or source.actor.sector is not None:
        return False
    span = mention(head.doc, source)
    if span is None or span.root.dep_ not in {"amod", "compound", "nmod"}:
        return False
    owner = span.root.head
    suicide = any(m.lemma_.lower() == "suicide" for m in children(owner))
    return owner.lemma_.lower() in WAR_MACHINES and not suicide


def takes_people(head: Token, lexicon: Lexicon) -> bool:
    """Seizing or capturing people ('the crew of two gunboats was seized in the Persian Gulf', 'the city where
    Rahami was captured'): a place named after the act is where it happened, no territory taken."""
    if head.lemma_.lower() not in {"seize", "capture", "take"}:
        return False
    taken = [o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"}]
    return any(o.ent_type_ == "PERSON" or lexicon.in_synset("PRISONER", o.lemma_.lower()) for o in taken)


def a_test(head: Token) -> bool:
    """The weapon was fired in a test or a drill ('test-fired a missile', 'fired the missile in a test')."""
    words = [head, *children(head)]
    words += [o for p in children(head) if p.dep_ == "prep" for o in children(p) if o.dep_ == "pobj"]
    words += [m for w in list(words) for m in children(w) if m.dep_ in {"compound", "amod"}]
    return any(w.lemma_.lower() in {"test", "drill", "exercise"} for w in words)


def a_launch(head: Token) -> bool:
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


def unconventional(head: Token, code: str, source: ResolvedActor) -> bool:
    """Gunmen, terrorists and militants opening fire or 'striking at' a place assault (18): theirs is no
    conventional military force (19), whoever they hit; their rockets and mortars remain 19."""
    if code != "193" and not (code[:2] == "19" and head.lemma_.lower() in {"strike", "hit"}):
        return False
    return attackers(head, source)


def attackers(head: Token, source: ResolvedActor) -> bool:
    """The source is named as gunmen, terrorists or militants (not as rebels, whose roadblocks may be dissent)."""
    if source.actor.sector not in NON_STATE_ARMED:
        return False
    span = mention(head.doc, source)
    return span is not None and span.root.lemma_.lower() in ATTACKERS


def statesman_at_war(source: ResolvedActor, target: ResolvedActor) -> bool:
    """A statesman of no office the text gives bombing or attacking a country by name ('Ronald Reagan bombed Libya',
    'Clinton attacked Iraq'): one country's force against another's, as their governments' would be."""
    if source.actor.kind != "person" or source.actor.sector is not None or not known(source):
        return False
    return (
        target.actor.kind == "country" and target.actor.sector is None and target.actor.country != source.actor.country
    )


def unarmed_body(head: Token) -> bool:
    """The act's subject is a body that fights with words only: a political campaign, a party's committee, a
    newspaper ('the campaign launched a pre-emptive strike'); an 'air campaign' or 'bombing campaign' is force."""
    for subject in (c for c in children(head) if c.dep_ == "nsubj"):
        words = {m.lemma_.lower() for m in children(subject) if m.dep_ in {"compound", "amod"}}
        if subject.lemma_.lower() in UNARMED_BODIES and not words & (AIR_WORDS | {"military", "ground"}):
            return True
    return False


def no_ones_doing(head: Token) -> bool:
    """Deaths a disaster or an accident caused: its noun is the subject of the act ('a storm killed 40') or its means
    ('were killed in the earthquake'), the killing follows from a crash ('the plane crashed, killing all aboard',
    'were killed when the plane crashed'), or a disaster just told of, or the story's, explains it."""
    if any(s.dep_ == "nsubj" and s.lemma_.lower() in DISASTERS for s in children(head)):
        return True
    if head.dep_ in {"advcl", "xcomp", "conj"} and head.head.lemma_.lower() in ACCIDENT_VERBS:
        return True
    kids = children(head)
    passive = any(c.dep_ == "nsubjpass" for c in kids)
    if passive and any(m.lemma_.lower() in DISASTERS for m in _means(head)):
        return True  # 'at least 300 people were killed in the earthquake', 'were injured by the storm'
    told_by_none = passive and not any(c.dep_ == "agent" for c in kids)
    if told_by_none and any(c.dep_ == "advcl" and c.lemma_.lower() in ACCIDENT_VERBS for c in kids):
        return True  # 'all 224 people aboard were killed when the plane crashed'
    return _deaths_after_disaster(head)


def _means(head: Token) -> list[Token]:
    """What an act was done by, in, during or with: 'killed in an airstrike', 'injured by the storm'."""
    preps = [c for c in children(head) if c.dep_ in {"prep", "agent"} and c.lower_ in FORCE_PREPS]
    return [o for p in preps for o in children(p) if o.dep_ == "pobj"]


def _deaths_after_disaster(head: Token) -> bool:
    """'The crash was the worst air disaster in years ... All 92 people aboard were killed': deaths told in the
    passive, by no one, right after a sentence whose subject is a disaster or whose verb is an accident."""
    kids = children(head)
    if not any(c.dep_ == "nsubjpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return False
    if any(m.ent_type_ not in PLACE_ENTITIES for m in _means(head)):
        return False  # 'were killed in an airstrike' (not 'were killed in Nepal')
    if memo(head.doc, "disaster_story", _disaster_story):
        return True  # 'More than 1,000 people were injured.' in a report on an earthquake
    before = previous_sentence(head)
    if before is None:
        return False
    words = tokens(head.doc)[before[0] : before[1]]
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    subjects = [c for c in children(root) if c.dep_ in {"nsubj", "nsubjpass"}]
    return root.lemma_.lower() in ACCIDENT_VERBS or any(s.lemma_.lower() in DISASTERS for s in subjects)


def _disaster_story(doc: Doc) -> bool:
    """A report on a natural disaster: it names one at least DISASTER_STORY_MIN times, and more often than it uses
    the words of violence (a war story that mentions a storm is still a war story)."""
    lemmas = [t.lemma_.lower() for t in tokens(doc)]
    natural = sum(lemma in NATURAL_DISASTERS for lemma in lemmas)
    return natural >= DISASTER_STORY_MIN and natural > sum(lemma in VIOLENCE_WORDS for lemma in lemmas)


def quells_words(head: Token) -> bool:
    """One quells unrest, a revolt or a crowd by force; what else is 'quelled' (a controversy, a petition, doubts,
    a rebellion in the party's ranks) is quieted with words."""
    if head.lemma_.lower() != "quell":
        return False
    objects = [o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"}]
    return bool(objects) and not any(o.lemma_.lower() in QUELLED for o in objects)


def police_raid(head: Token, source: ResolvedActor) -> bool:
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


def celebrates(head: Token) -> bool:
    """A crowd out in the streets to celebrate or welcome someone ('took to the streets to celebrate the deal',
    'rallied to welcome the team home') holds no protest."""
    purposes = [c for c in children(head) if c.dep_ in {"advcl", "xcomp"}]
    if head.dep_ in {"pobj", "dobj"} and head.head.pos_ == "VERB":
        purposes += [c for c in children(head.head) if c.dep_ in {"advcl", "xcomp"}]  # 'took to the streets'
    return any(p.lemma_.lower() in CELEBRATE_VERBS for p in purposes)


def gives_way_to_another_trip(head: Token) -> bool:
    """A visit cancelled or postponed so as to be elsewhere or deal with something else ('cancelled a trip to Asia
    to go to the Middle East', 'postponed the visit to attend to the crisis'): a schedule, not a cut in relations."""
    if head.lemma_.lower() not in {"cancel", "postpone", "scrap", "call", "delay"}:
        return False
    return any(
        c.dep_ in {"advcl", "xcomp"} and is_infinitive(c) and c.lemma_.lower() in ELSEWHERE_VERBS
        for c in children(head)
    )


def names_the_site(head: Token, source: ResolvedActor, ctx: Context) -> bool:
    """A region (a state or province, not a country, capital or people) that modifies the event noun names where it
    happened ('told a North Carolina rally', 'the Ohio primary'): 'a Palestinian rally' or 'Moscow's offensive' still
    name who acts."""
    span = mention(ctx.doc, source)
    if span is None or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    hit = ctx.actors.kb_hits.get(span.start)
    if hit is None or hit[1].kind != "place":
        return False
    token = span.root
    while token.dep_ == "compound" and token.head.i != head.i and token.head.i != token.i:
        token = token.head  # ('a North Carolina rally': the phrase's last word hangs on the noun)
    return token.head.i == head.i and token.dep_ in {"compound", "amod", "nmod"}


def holds_own_rally(source: ResolvedActor) -> bool:
    """One politician's rally is a campaign event; crowds, groups and countries rally in protest or support."""
    return source.actor.kind == "person" and source.actor.sector in STATE_SECTORS | {"PTY"}


def moves_itself(head: Token, source: ResolvedActor, target: ResolvedActor) -> bool:
    """The direct object of an act on something named after a preposition ('withdrew the US from the deal', 'pulled
    Washington out of the agreement') is the source's own country it moves, not the one it acts on ('asked Congress
    for help' moves no one)."""
    if target.actor.country != source.actor.country or target.via == "place" or target.actor.sector is not None:
        return False
    if head.lemma_.lower() not in MOVING_VERBS:
        return False
    span = mention(head.doc, target)
    if span is None or span.root.dep_ != "dobj" or span.root.head.i != head.i:
        return False
    return any(c.dep_ in {"prep", "prt"} and c.i > span.root.i for c in children(head))


def forces(r: ResolvedActor) -> bool:
    """Armed forces as a body ('American troops', 'the rebels'); a general or a former officer backing a candidate
    backs with words."""
    return r.actor.sector in FIGHTING_SECTORS and r.actor.kind != "person"


def own_institution(source: ResolvedActor, target: ResolvedActor) -> bool:
    """A state's people going to their own country's offices, courts or hospitals make no visit (a visit is to a
    country, a place, or troops in the field)."""
    same = source.actor.country == target.actor.country and source.actor.country != UNKNOWN
    return same and source.actor.sector in STATE_SECTORS and target.actor.sector not in {None, "MIL"}


def travellers(head: Token, source: ResolvedActor) -> bool:
    """Refugees, migrants, tourists and a nation's people arriving somewhere make no state visit ('the Syrians
    arriving in the United States', 'migrants reached Greece'): a visit is made by leaders, officials and
    delegations."""
    if source.actor.sector in {"CVL", "REF"} and source.actor.kind != "person":
        return True
    if any(_relief_crew(s) for s in _arrivers(head)):
        return True  # 'an American disaster response team that arrived in Nepal': help sent, no visit
    span = mention(head.doc, source)
    # a people named by its plural demonym ('Syrians', 'Americans'), not its state
    return span is not None and span.root.tag_ in {"NNPS", "NNS"} and span.root.ent_type_ == "NORP"


def _arrivers(head: Token) -> list[Token]:
    """Who arrives: the verb's subject, or the noun its relative clause describes ('a team that arrived')."""
    subjects = [c for c in children(head) if c.dep_ == "nsubj"]
    if head.dep_ == "relcl":
        subjects = [head.head] + [s for s in subjects if s.lower_ not in {"that", "which", "who"}]
    return subjects


def _relief_crew(noun: Token) -> bool:
    """Rescuers, relief workers, a disaster response team, medics: people sent to help, not a delegation."""
    lemma = noun.lemma_.lower()
    if lemma in RELIEF_PEOPLE:
        return True
    words = {t.lemma_.lower() for t in noun.lefts}
    return lemma in CREWS and bool(words & RELIEF_WORDS)


def named_owner(verb: Token) -> bool:
    """The verb's object belongs to a named person, party or people ('Sanders' vote', 'the Ugandan president's
    decision'; not 'the country's decline')."""
    owners = [p for c in children(verb) if c.dep_ == "dobj" for p in children(c) if p.dep_ == "poss"]
    return any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for p in owners for t in p.subtree)


def politics_at_home(source: ResolvedActor, target: ResolvedActor) -> bool:
    """Both sides are one country's parties or legislators: what passes between them is politics."""
    same = source.actor.country == target.actor.country and source.actor.country != UNKNOWN
    return (
        same
        and {source.actor.sector, target.actor.sector} <= UNARMED_POLITICS | {"GOV"}
        and (target.actor.sector in UNARMED_POLITICS)
    )


def political_clash(head: Token, source: ResolvedActor, target: ResolvedActor) -> bool:
    """'The White House and Democrats clashed with Republicans in Congress', 'Republicans and Democrats battled over
    his testimony': a quarrel between a country's own politicians, not a battle (police, soldiers and rebels clash
    with arms)."""
    if head.lemma_.lower() not in {"clash", "battle", "fight", "spar", "feud"}:
        return False
    sides = (source.actor, target.actor)
    return sides[0].country == sides[1].country and all(a.sector in POLITICAL_SECTORS for a in sides)


def clash_over(head: Token) -> bool:
    """'Clashed over' an issue: words, not arms."""
    return head.lemma_.lower() == "clash" and any(p.dep_ == "prep" and p.lower_ == "over" for p in children(head))


def street_clash(head: Token, source: ResolvedActor, target: ResolvedActor) -> str | None:
    """A clash between police and protesters or crowds is a riot on one side (145) and repression on the other
    (175), not a battle: 'a clash between protesters and police', 'police clashed with demonstrators'."""
    if head.lemma_.lower() not in CLASH_WORDS:
        return None
    sectors = (source.actor.sector, target.actor.sector)
    if sectors[0] in WALKOUT_SECTORS and sectors[1] == "COP":
        return "145"
    if sectors[0] == "COP" and sectors[1] in WALKOUT_SECTORS:
        return "175"
    return None


def labour_strike(head: Token, source: ResolvedActor) -> bool:
    """'Trade unions carried out strikes', 'teachers staged a strike': a 'strike' by workers, students or
    citizens is a walkout (143), not an air strike; an air, drone or missile strike is named as one."""
    if source.actor.sector not in WALKOUT_SECTORS:
        return False
    words = [head, *(o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"})]
    strikes = [w for w in words if w.lemma_.lower() == "strike" and w.pos_ == "NOUN"]
    return any(not any(m.dep_ in {"compound", "amod"} for m in w.lefts) for w in strikes)


def walkout_threatened(head: Token, source: ResolvedActor) -> bool:
    """'Unions threatened strikes over the reform', 'pledged to ballot members for strikes': workers, students or
    citizens promising or threatening a strike threaten a walkout (133), not force; an air, drone or missile
    strike is named as one."""
    if source.actor.sector not in WALKOUT_SECTORS:
        return False
    told = [t for c in children(head) if c.dep_ in {"dobj", "xcomp", "prep"} for t in c.subtree]
    strikes = [t for t in told if t.lemma_.lower() == "strike" and t.pos_ == "NOUN"]
    return any(not any(m.lower_ in AIR_WORDS | WAR_MACHINES for m in w.lefts) for w in strikes)


def verbal_attack(c: Candidate, source: ResolvedActor, target: ResolvedActor) -> bool:
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
    span = mention(c.head.doc, source)
    men = span is not None and span.root.dep_ in {"poss", "compound"}
    if men and span.root.head.lemma_.lower() in FOLLOWERS:
        return False
    if source.actor.sector in ARMED_SECTORS | {"MIL", "COP", "SPY"}:
        return False
    political = source.actor.kind == "person" or source.actor.sector in POLITICAL_SECTORS | {"OPP"}
    if political and any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ATTACK_WORDS for c in children(c.head)
    ):
        return True  # 'Mbeki attacked British imperialists, saying they treated Africans like savages'
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
    if owned - {"position"} or stance or (owned and political):
        return True  # 'parties attacked Tory plans', 'attacked the decision': words against a thing said or planned
    if source.actor.kind != "person":
        return False
    if target.via == "domestic":
        return True  # a politician's attack on no one named, in a passage about home: on a rival at home
    return target.actor.kind != "country" and target.actor.sector not in ARMED_SECTORS | {"COP", "MIL"}


def politicians_spar(c: Candidate, source: ResolvedActor, target: ResolvedActor) -> bool:
    """A politician using a combat verb on another politician, or on a party, chamber or court, of the same country
    ('Rubio fired at Trump during the rally', 'the senator hammered the Democrats') attacks with words: persons who
    hold no arms, and bodies that fight with votes, trade no blows where the clause names no weapon."""
    if c.head.lemma_.lower() not in COMBAT_METAPHORS or c.code[:2] not in {"17", "18", "19"}:
        return False
    if source.actor.kind != "person" or source.actor.sector in ARMED_SECTORS | {"MIL", "COP", "SPY"}:
        return False
    if source.actor.country in {UNKNOWN, ""} or target.actor.country != source.actor.country:
        return False
    if target.actor.kind == "person":
        if target.actor.sector not in POLITICAL_SECTORS | {"OPP", None}:
            return False
    elif target.actor.sector not in UNARMED_POLITICS:
        return False
    return not any(t.lemma_.lower() in WEAPON_WORDS for t in c.head.subtree if t.i != c.head.i)


def open_side_allowed(code: str, source: ResolvedActor, target: ResolvedActor, lexicon: Lexicon) -> bool:
    """Whether each side the event leaves unknown may be left so for its root (the lexicon's `one_sided` lists):
    'three soldiers were killed' stands with its doer unnamed, 'the troops were arrested' does not (the state that
    arrested them is a side we failed to place), nor a battle against a target we cannot place."""
    for side, (unnamed, unplaced) in (
        (source, ("unnamed_source", "unplaced_source")),
        (target, ("no_target", "unplaced_target")),
    ):
        if known(side):
            continue
        how = unnamed if side.span[0] == side.span[1] else unplaced  # no text at all, or a text with no country
        if not lexicon.may_leave_open(how, code):
            return False
    return True
