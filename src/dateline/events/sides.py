"""Who an event's sides are when its sentence does not say: the target policy, and where a side without a
country is placed.

It is one decision with its own vocabulary, taken for every source and target the coder emits: it reads the
candidate and the document's actors and returns sides, never events, so it lives apart from coder.py.

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
an act on a bill, or a leader's veto, by a
state's own actor is aimed at its own country whatever else the passage names ('refused to sign a funding bill');
'both sides' asked to act are the two countries the sentence (else the one before) names, and a truce is asked of
the one or two it names; a withdrawal is from the
country its 'from' phrase names; a politician's 'attack' on no one named, in a passage naming no other country, is on
a rival at home; otherwise, when the sentence names
no target at all and the act means something alone ('threatened to retaliate', 'declared a ceasefire'), an absent
target (country '---', empty span at the trigger), as GDELT leaves Actor2 empty; but coercion, and a battle act that
names nothing it struck ('launched missiles', 'ordered airstrikes'), are always done to someone the story names
elsewhere: with no one we can place, no event. A promised or threatened domestic
act ('Kenya is ready to send police') is aimed at where it would happen, never at its author by default.
Sides with no country ('---'), one side at most: a group the text names by a sector word but gives no country
('accused Darfur rebels', 'gunmen killed three soldiers'), placed where the event happens, at home in a domestic act
by a state actor or in its coercion (arrests) where the passage names no other country, in the one other country
its sentence (or the one before) names when they are rebels or an opposition a foreign state backs, aids or fights
('the war in Syria has killed 70,000. The U.S. has given aid to rebel groups'), or (unarmed groups) in the
dateline's country when it can be; and the unnamed agent of a passive
or of an act whose subject is a weapon ('three US servicemen were killed', 'a roadside bomb killed one soldier'),
which for acts only a state does (arrest, investigate, deport, ban) is the country they happen in. An agentless air
strike takes the army that reports it ('the U.S. military said airstrikes killed 13'); other unnamed violence against
a country's people in their own country, in a passage naming no other, is that country's ('four people were killed
in Cairo').
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors.kb import KBEntry, KnowledgeBase
from ..actors.resolve import PLACE_KINDS, UNKNOWN, DocActors, ResolvedActor
from ..model import Actor
from ..tokens import children, sentence_range, sentence_root, sentence_start, tokens
from .acts import a_launch, a_test, verbal_attack
from .arguments import (
    INSTRUMENTS,
    OWNED_THING_ROOTS,
    UNPLACED,
    Args,
    means_owners,
    object_owners,
    resolve_all,
    same,
    verb_subjects,
)
from .context import (
    AIR_STRIKES,
    AIR_WORDS,
    ARMED_SECTORS,
    FIGHT_ROOT,
    FOREIGNERS,
    HOSTILE_ACTS,
    NON_STATE_ARMED,
    OWNED_THINGS,
    STATE_ORGANS,
    STATE_SECTORS,
    VIOLENT_ROOTS,
    Candidate,
    Context,
    known,
    previous_sentence,
)
from .modality import DEMAND_ROOT, SPEECH_VERBS
from .triggers import of_objects

# How casualties are told: the harm an enemy's force did ('were killed', 'have been wounded')
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "die", "massacre", "slaughter", "murder", "slay"})
FALLBACK_ROOTS = frozenset({"06", "07", "08", "16"})  # material acts that always have a recipient
# Material acts aimed at the place they happen in when no target is named.
PLACE_TARGET_PREFIXES = ("07", "087", "138", "15", "16", "18", "19", "20")  # ('threatening an offensive in Syria')
# Force (assault, fighting, mass violence): a side the sentence leaves unnamed is implied by where it happens or
# where it comes from ('strikes inside Syria', 'a rocket fired from Gaza').
ASSAULT_ROOT = "18"
MASS_VIOLENCE = "20"
# Sides of a country's conflict a foreign state may back or fight: rebels, militias, the opposition.
CONFLICT_SIDES = frozenset({"REB", "UAF", "OPP"})
BACK_OR_FIGHT = frozenset({"03", "05", "06", "07"}) | VIOLENT_ROOTS  # (not talks, appeals, arrests)
COERCE_ROOT = "17"
YIELD_ROOT = "08"
PROTEST_ROOT = "14"
RESIGNATION = "0831"
DEPORTATION = "174"
# Prepositions that put a material act in or onto a place: its target ('launched strikes inside Syria').
INTO_PREPS = frozenset({"in", "at", "inside", "within", "into", "on", "onto", "across", "over", "against", "toward"})
INSIDE = frozenset({"in", "inside", "within"})
WHERE_PREPS = INSIDE | {"at", "across", "throughout", "around"}  # where an act happens
# Who uses force and coercion in their own country when the passage names no other: police, crowds, protesters,
# students, workers, local armed groups.
HOME_FORCE_SECTORS = NON_STATE_ARMED | {"COP", "CVL", "OPP", "EDU", "LAB", "AGR"}
# A definite phrase for a thing owned (`OWNED_THING_ROOTS`) takes the owner an earlier sentence gave it (at most this
# many tokens back).
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ANTECEDENT_WINDOW = 300
# Saying verbs that make the move they report: who announced or declared it did it
ACTS_OF_DECLARING = frozenset({"announce", "declare", "decide"})
# Nouns that refer back to an act just reported ('Iran condemned the decision', 'Netanyahu welcomed the move')
EVENT_ANAPHORS = frozenset({"decision", "move", "step", "announcement", "measure", "action", "declaration"})
# A show of force (exercises, tests, deployments, alerts) or a demand is aimed only at a country its own clause names:
# the one the sentence before names is mostly the backdrop ('... amid tensions with Seoul. North Korea has conducted
# five nuclear tests', '... refugees from Syria. Trump called for a ban on Muslims'); tests are aimed at no one, and
# calls for a policy at whoever is to adopt it, at home more often than not.
OWN_CLAUSE_PREFIXES = ("15", DEMAND_ROOT)
# Acts that say something even when nobody is named as their target ('demanded elections', 'threatened to
# retaliate', 'launched airstrikes', 'declared a ceasefire', 'is ready to contribute troops'); visits, talks, bare
# promises, criticism, aid or sanctions without a target say too little.
ABSENT_TARGET_PREFIXES = ("02", "03", "087", "10", "12", "13", "15", "17", "18", "19", "20")
# ... but coercion (seizing, razing, hacking, harassing) is always done to someone: when the text gives no one we can
# place, a side of '---' misreports the act, and there is no event.
NEEDS_TARGET_PREFIXES = ("17",)
RETREAT_PREFIX = "087"  # forces withdrawn, retreating or surrendering: from the place a 'from' phrase names
# Appeals, promises, demands, rejections, threats and retreats are addressed to someone: with no one named, the one
# other party the sentence names ...
ADDRESSED_PREFIXES = ("02", "03", "10", "12", "13", "087")
# ... else, made by a state's own actor with no other country in sight, its own country: domestic politics (not a
# concession, mediation or settlement, 035-039, which are between parties to a dispute)
DOMESTIC_ADDRESS_PREFIXES = ("02", "030", "031", "032", "033", "034", "10", "12", "13", "087")
FORCE_THREAT_PREFIX = "138"  # a threat of force is aimed abroad ('threatened military action')
STRUCK_PREPS = frozenset({"at", "against", "on", "onto", "into", "upon"})  # what a shot or a strike hits
# Matters between states or the sides of a conflict ('called for calm', 'pushing for tariffs to be lifted', 'urged both
# sides to honour the truce'), and addressees beyond any one country ('calling on humanity', 'urged the world').
FOREIGN_AFFAIRS = frozenset(
    {"ceasefire", "cease-fire", "truce", "calm", "restraint", "dialogue", "settlement", "de-escalation", "tariff"}
    | {"embargo", "peace", "diplomacy", "humanity", "mankind", "side"}
)
CROSSING_VERBS = frozenset({"cross", "enter"})  # ('detained for crossing the border', 'caught entering illegally')
LEGISLATION = frozenset({"bill", "legislation"})  # what a state's own legislature passes and its executive signs
TRUCE_WORDS = frozenset({"ceasefire", "cease-fire", "truce"})
TRUCE_ASKERS = ("02", "03", "10")  # appeals, promises and demands of a truce
PAIR_NOUNS = frozenset({"side", "party"})  # 'urged both sides', 'called on the two parties'
STATE_NAMES = frozenset({"country", "capital"})  # a state named as such, not its people or its offices
WORLD_WORDS = frozenset({"world", "nation", "country", "state", "community"})
DOMESTIC_SECTORS = frozenset({None, "GOV", "LEG", "JUD", "PTY", "OPP", "CVL", "LAB", "EDU", "BUS", "AGR", "MED"})
# Bare refusals, promises, warnings and requests ('declined to rule', 'promised that ...', 'warned that ...', 'will
# request an analysis') say too little without a target.
VAGUE_CODES = frozenset({"020", "030", "120", "130"})
HOME_SECTORS = STATE_SECTORS | {"COP", "SPY"}  # a state's agents acting at home: its police, its spies
STATE_ACTS = ("09", "0841", "116", "172", "173", "174")  # acts that only a state's authorities perform
# ... and those it does to its own people when no place says otherwise (not releases: hostages are freed by their
# captors; not deportations: foreigners are deported)
DOMESTIC_JUSTICE = ("09", "116", "172", "173")
# Groups that belong where the article is about when nothing else places them: civilians, local fighters.
LOCAL_GROUPS = frozenset({"CVL", "UAF", "REB", "OPP", "LAB", "EDU", "BUS", "AGR"})
# A fallback target must dominate the document: at least this many mentions, and twice the runner-up's.
FALLBACK_MIN_MENTIONS = 3
FALLBACK_DOMINANCE = 2.0


def unnamed_agent(c: Candidate, args: Args, ctx: Context) -> ResolvedActor:
    """Who did an agentless act: for acts only a state does (arrest, investigate, deport, ban, sentence), the
    government of the country it happened in ('a US national has been put under investigation in Italy'); for
    force, where it came from ('killed when a rocket fired from Gaza struck'); otherwise nobody named (country
    '---')."""
    if c.code.startswith(STATE_ACTS):
        place = _place_entity(c.head, ctx.actors, deep=True) or _target_place(c.head, ctx.actors)
        # (a country's state or province too: 'arrested in Texas' is the US's doing)
        if place is not None and place[1].kind in {"country", "capital", "seat", "place"} and place[1].country:
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
        hurt = [placed(t, c, None, ctx).actor for t in args.targets]
        victims = {v.country for v in hurt}
        places = _clause_places(c.head, ctx.actors)
        # only where the force came from: the other country a clause names is more often where it happened
        # ('were killed when the plane crashed in Egypt')
        origin = next((hit for prep, hit in places if prep == "from" and hit[1].country not in victims), None)
        if origin is not None:
            return _place_side(origin, ctx)
        from_air = c.code.startswith(AIR_STRIKES) or _struck_from_air(c.head)
        reporter = _reporting_military(c, ctx) if from_air else None
        if reporter is not None and reporter.actor.country not in victims:
            return reporter
        # 'Egyptian soldiers opened fire on the crowd. At least two people were injured.': the force just told of
        # (not force aimed elsewhere: 'Hamas fired rockets at Tel Aviv. 1,900 Palestinians have been killed')
        last = ctx.last_force
        if last is not None and last[0] in _this_and_previous_sentence(c.head) and _aimed_at(last[2], victims):
            found = last[1]
            return ResolvedActor(found.actor, found.span, "place", found.head)
        aggressor = _story_aggressor(c, hurt, ctx)
        if aggressor is not None:
            return aggressor
        at_home = _violence_at_home(c, victims, ctx)
        if at_home is not None:
            return at_home
    return _unknown(c.head, "agentless")


def _aimed_at(target: str | None, victims: set[str]) -> bool:
    """Force whose target is unknown, or is the victims' country, may have harmed them."""
    return target in {None, UNKNOWN, ""} or not victims or target in victims


def _story_aggressor(c: Candidate, victims: list[Actor], ctx: Context) -> ResolvedActor | None:
    """'Nearly 1,900 Palestinians have been killed in Gaza' in a story that has told of Israel's strikes on Gaza, or
    'two police officers had been killed' in one that has told of gunmen storming a cafe in Dhaka: the one side the
    story has so far shown using force on the victims' country, named as a side (not guessed), when there is
    exactly one. An armed group of the victims' own country counts unless the victims are its own kind."""
    if c.head.lemma_.lower() not in CASUALTY_VERBS:
        return None  # (not 'the city where he was captured': the police, not the enemy)
    countries = {v.country for v in victims}
    if len(countries) != 1 or (victim := countries.pop()) in {UNKNOWN, ""}:
        return None
    doers: dict[str, ResolvedActor] = {}
    for source, target in ctx.forces:
        own = source.actor.country == victim
        if target.actor.country != victim or source.actor.country in {UNKNOWN, ""}:
            continue
        if own and (
            source.actor.sector not in NON_STATE_ARMED or any(v.sector == source.actor.sector for v in victims)
        ):
            continue  # a state's forces at home, or 'three militants were killed' after the militants' attack
        doers.setdefault(source.actor.code, source)
    if len(doers) != 1:
        return None
    doer = next(iter(doers.values())).actor
    return ResolvedActor(doer, (c.head.idx, c.head.idx), "place")


def _violence_at_home(c: Candidate, victims: set[str], ctx: Context) -> ResolvedActor | None:
    """'Four people were killed in Cairo', 'she was wounded in a shooting in Tucson, Arizona': unnamed violence
    against a country's own people in their own country, in a passage that names no other country, is that
    country's own (its gunmen, its rioters, its police): a foreign hand would be named."""
    if c.code[:2] == MASS_VIOLENCE or len(victims) != 1 or _from_the_air(c.head):
        return None
    victim = next(iter(victims))
    # where the victims were, not a place the attack is named for ('killed in the Nairobi attacks')
    wheres = (p for p in place_tokens(c.head, deep=True) if p.lemma_.lower() not in INSTRUMENTS)
    place = next((hit for p in wheres if (hit := country_hit(p.left_edge.i, p.i + 1, ctx.actors))), None)
    if place is None or place[1].country != victim or place[1].kind not in PLACE_KINDS:
        return None
    owner = _country_actor(victim, ctx)
    if owner is None or _nearby_countries(c.head, ctx.actors) - {victim}:
        return None
    span = place[0]
    return ResolvedActor(owner, (span.start_char, span.end_char), "place")


def _from_the_air(verb: Token) -> bool:
    """'drones have killed 3,000 people', 'killed in an air strike': force only an army flies."""
    subjects = (s for s in children(verb) if s.dep_ in {"nsubj", "agent"})
    return _struck_from_air(verb) or any(s.lemma_.lower() in AIR_MEANS for s in subjects)


def _nearby_countries(token: Token, actors: DocActors) -> set[str]:
    """Countries named in the token's sentence and the one before it, across a paragraph break too (a new paragraph
    about the same conflict: '... Israel says Hamas used the tunnels.\n\nNearly 1,900 Palestinians have been
    killed in Gaza')."""
    return _place_countries(*_with_sentence_before(token), actors)


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


def _reporting_military(c: Candidate, ctx: Context) -> ResolvedActor | None:
    """'The U.S. military said airstrikes killed 13 Taliban': an army reports its own air strikes (not others'
    rockets or shelling, which it reports as the enemy's)."""
    verb = c.head
    while verb.dep_ in {"ccomp", "conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in SPEECH_VERBS:
            for subj in (s for s in children(verb) if s.dep_ == "nsubj"):
                found = ctx.actors.resolve(subj)
                if found is not None and found.actor.sector == "MIL" and known(found):
                    return ResolvedActor(found.actor, found.span, "place", found.head)
            return None
    return None


def _victim_countries(c: Candidate, args: Args, ctx: Context) -> set[str]:
    return {placed(t, c, None, ctx).actor.country for t in args.targets}


def _this_and_previous_sentence(token: Token) -> set[int]:
    """Start indices of the token's sentence and of the one before it in the same paragraph."""
    before = previous_sentence(token)
    return {sentence_start(token)} | ({before[0]} if before is not None else set())


REBELS = frozenset({"REB", "UAF", "INS", "OPP"})  # who takes up arms against a government


def placed(r: ResolvedActor, c: Candidate, other: ResolvedActor | None, ctx: Context) -> ResolvedActor:
    """A sector group the text gives no country ('rebels', 'protesters') takes the country the event happens in
    ('protesters blocked streets in Hong Kong'), or, in a domestic event, the country of the state actor acting
    on it ('Liberian police dispersed demonstrators'); otherwise it stays '---'."""
    if r.via != UNPLACED or r.head is None or ctx.actors.regional(ctx.doc[r.head]):
        return r
    if other is not None and c.code[:2] == COERCE_ROOT and _crossed_in(ctx.doc[r.head], c.head):
        return r  # 'migrants were arrested for crossing the border': not the arresting state's own people
    place = _place_entity(c.head, ctx.actors, deep=True)
    if place is None and c.code[:2] in VIOLENT_ROOTS:
        # 'strikes against militants within Somalia', 'Israeli attacks in Gaza killed 20 people': the victims are
        # where the force struck, also when a participle tells of them ('rebels shelled Juba, killing 20 people')
        act = c.head.head if _shares_clause(c.head) else c.head
        struck = [o for o in children(act) if o.dep_ == "dobj"] if act.i != c.head.i else []
        place = _target_place(act, ctx.actors) or next(
            (hit for o in struck if (hit := country_hit(o.left_edge.i, o.i + 1, ctx.actors))), None
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
        ruled = {t.actor.country for t in c.args.targets if t.actor.sector == "GOV" and known(t)}
        owner = _country_actor(ruled.pop(), ctx) if len(ruled) == 1 else None
    domestic = c.home and not c.framed
    if owner is None and domestic and other is not None and known(other) and other.actor.sector in HOME_SECTORS:
        owner = other.actor
    head = ctx.doc[r.head]
    bare = not any(m.dep_ in {"compound", "amod", "nmod", "poss"} for m in children(head))
    if owner is None and bare and r.actor.sector in STATE_ORGANS and other is not None and known(other):
        # 'the Senate rejected the House's offer': one state's organs dealing with each other; not 'the al-Assad
        # regime', whose modifier names someone we could not place
        owner = _country_actor(other.actor.country, ctx) if other.actor.sector in STATE_ORGANS else None
    if owner is None and any(m.dep_ in {"amod", "compound"} and m.ent_type_ == "NORP" for m in children(head)):
        return r  # 'European leaders', 'Hutu rebels': a nationality or people is stated, one we cannot place
    if owner is None and other is not None and r.actor.sector == "CVL" and _on_own_people(c, other, ctx):
        owner = other.actor  # 'the regime gassed 5,000 people'
    if owner is None and other is not None and r.actor.sector in CONFLICT_SIDES and c.code[:2] in BACK_OR_FIGHT:
        owner = _conflict_country(head, other, ctx)
    if owner is None and other is not None and known(other) and r.actor.sector in LOCAL_GROUPS | NON_STATE_ARMED:
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


def _crossed_in(head: Token, act: Token) -> bool:
    """Those a state detains as migrants, or for crossing into it, came from abroad ('nearly 50,000 migrants were
    detained', 'people apprehended after crossing the border', 'guards detained 900 people crossing from Morocco'):
    neither the state's own people nor, unless the text says so, those of the country they crossed from."""
    if head.lemma_.lower() in FOREIGNERS:
        return True
    near = [*head.subtree] + [t for c in children(act) if c.dep_ in {"prep", "advcl"} for t in c.subtree]
    return any(t.pos_ == "VERB" and t.lemma_.lower() in CROSSING_VERBS for t in near)


def _coerced_at_home(head: Token, c: Candidate, other: ResolvedActor, ctx: Context) -> Actor | None:
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
    return _place_countries(*sentence_range(token), actors)


def _place_countries(start: int, end: int, actors: DocActors) -> set[str]:
    """Countries that tokens start..end-1 name as places (countries, demonyms, capitals)."""
    hits = actors.kb_hits
    return {hits[i][1].country for i in range(start, end) if i in hits and hits[i][1].kind in PLACE_KINDS}


def _with_sentence_before(token: Token) -> tuple[int, int]:
    """Token range of the token's sentence and the one before it, across a paragraph break too."""
    start, end = sentence_range(token)
    if start > 0:
        start = sentence_start(tokens(token.doc)[start - 1])
    return start, end


def targets(c: Candidate, args: Args, source: ResolvedActor, ctx: Context) -> tuple[list[ResolvedActor], str]:
    if args.targets:
        return args.targets, ""
    if args.named_target or c.symmetric:
        return [], ""  # the sentence names a target we cannot place, or a partner is required
    if c.home and not c.framed:
        if _yields_abroad(c, source, ctx) or _a_states_protest(c, source, ctx):
            return [], ""
        return [_home(source, c.head, ctx)], "home"
    if c.home:
        # a promised or threatened domestic act is aimed at where it would happen, never at its author by default
        # ('Kenya is ready to send police' is no threat to Kenya)
        place = _place_entity(c.head, ctx.actors, deep=True)
        if place is not None:
            return [_place_side(place, ctx)], "place"
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
    if c.code.startswith(RETREAT_PREFIX) and c.acted:
        left = _withdrawn_from(c.head, source, ctx)
        if left is not None:
            return [left], "implied"
    vague = c.code in VAGUE_CODES and not c.names_act and not c.has_object
    if c.code.startswith(ABSENT_TARGET_PREFIXES) and not vague and not c.done_to and c.acted:
        if _on_legislation(c, source, ctx):
            return [_own_country(source, c.head, ctx)], "domestic"
        sides = _both_sides(c, source, args, ctx) if c.code.startswith(ADDRESSED_PREFIXES) else []
        if sides:
            return sides, "implied"
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
        if _words_at_home(c, source, ctx):
            return [_own_country(source, c.head, ctx)], "domestic"
        if c.code.startswith(NEEDS_TARGET_PREFIXES):
            return [], ""
        if c.code[:2] == FIGHT_ROOT and _strikes_nothing_named(c.head):
            # the force is still told of: an agentless sequel is its doing ('..., saying jets launched the missiles.
            # The airstrikes killed 14 people')
            ctx.last_force = (sentence_start(c.head), source, None)
            return [], ""
        return [_absent(c.head)], "absent"
    return [], ""


def _yields_abroad(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
    """Backing down, relenting or calling an act off is a concession to whoever pressed for it: at home only when
    the passage names no other country ('Democrats backed off that limit'); where it does, the concession is to a
    foreign party the clause leaves unnamed ('the U.S. threatened Syria but later backed down', 'get Europe to back
    off on countering Moscow'), and its author is no target of it. A resignation is always at home, and an easing
    the clause places is aimed at where it happens."""
    if not c.code.startswith(YIELD_ROOT) or c.code.startswith(RESIGNATION):
        return False
    if _place_entity(c.head, ctx.actors) is not None:
        return False  # ('Serbia lifted a curfew in Montenegro': where it is eased is its target)
    return bool(_passage_countries(c.head, ctx.actors) - {source.actor.country})


def _a_states_protest(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
    """A state named as such that protests ('Seoul protested against the drill by the North') protests to another
    state, never at home (a country's protests, 'Lebanon's largest protests', 'a Pyongyang rally', are its
    people's, and the Iranians who protested against their government protested at home)."""
    if not c.code.startswith(PROTEST_ROOT) or c.head.pos_ != "VERB":
        return False
    subjects = [t for t in children(c.head) if t.dep_ == "nsubj"]
    said = any(t.left_edge.idx == source.span[0] for t in subjects)
    return said and _names_the_state(source, c.head, ctx.actors)


def _both_sides(c: Candidate, source: ResolvedActor, args: Args, ctx: Context) -> list[ResolvedActor]:
    """'Both sides' (or 'the two sides') asked to act are the two countries the sentence names as places, else the
    two the sentence before names ('... a secure Israel and an independent Palestine. The king urged both sides to
    resume talks'): the act is aimed at each of them."""
    subjects = _subject_tokens(c.head)
    asked = [t for t in c.head.subtree if t.lemma_.lower() in PAIR_NOUNS and t.i not in subjects]
    pair = any(m.lower_ in {"both", "two"} for t in asked for m in children(t))
    # a truce is asked of those who fight: the one or two countries just named ('Israel accepted the truce while
    # Hamas broke it. The Council called for a cease-fire')
    asked_for = {t.lower_ for t in c.head.subtree if t.i not in _subject_tokens(c.head, passive=False)}
    truce = bool(asked_for & TRUCE_WORDS or {"cease", "fire"} <= asked_for) and c.code.startswith(TRUCE_ASKERS)
    if not pair and not truce:
        return []
    own = {source.actor.country} | {s.actor.country for s in args.sources}
    start, end = sentence_range(c.head)
    spans = [(start, end)]
    if start > 0:  # (across a paragraph break too: 'both sides' refers back to those just told of)
        spans.append(sentence_range(tokens(c.head.doc)[start - 1]))
    # those the source's own phrase names act with it ('officials from the UN and the US pushing for a truce')
    beside = {t.i for t in _nouns_in_span(source, ctx.doc, start, end) for t in t.subtree}
    named: dict[str, tuple[Span, KBEntry]] = {}
    for first, last in spans:
        for i in range(first, last):
            hit = ctx.actors.kb_hits.get(i)
            if hit is None or hit[1].kind not in PLACE_KINDS or hit[0].start != i or hit[1].country in own:
                continue
            if i in beside:
                continue
            if not _an_officials_nationality(hit, ctx.actors.kb):
                named.setdefault(hit[1].country, hit)
        if named:
            break
    if len(named) != 2 and not (truce and len(named) == 1):
        return []
    return [_place_side(hit, ctx) for hit in named.values()]


def _subject_tokens(head: Token, *, passive: bool = True) -> set[int]:
    """The tokens of the act's subject (and, with `passive`, of a passive subject: 'a truce was demanded')."""
    deps = {"nsubj", "nsubjpass"} if passive else {"nsubj"}
    return {t.i for s in children(head) if s.dep_ in deps for t in s.subtree}


def _withdrawn_from(head: Token, source: ResolvedActor, ctx: Context) -> ResolvedActor | None:
    """A withdrawal is from the country a 'from' phrase names, on the act or on what is withdrawn ('announced the
    withdrawal of U.S. troops from Syria', 'the troop withdrawal from Afghanistan'): that country is the side the
    forces leave; where they came from is no target."""
    held = [head, *(o for o in children(head) if o.dep_ == "dobj"), *of_objects(head)]
    for holder in held:
        for prep in children(holder):
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            for pobj in (o for o in children(prep) if o.dep_ == "pobj"):
                hit = country_hit(pobj.left_edge.i, pobj.i + 1, ctx.actors)
                if hit is not None and hit[1].kind in PLACE_KINDS and hit[1].country != source.actor.country:
                    return _place_side(hit, ctx)
    return None


def _words_at_home(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
    """A politician's or a party's 'attack' that names no one, in a passage naming no other country, is words aimed
    at a rival at home ('spent the day attacking a rival', 'mounted a less head-on attack', 'the candidates attacked
    each other'), as a demand or refusal by them would be."""
    if c.code[:2] != ASSAULT_ROOT or c.framed or not _is_country(source, ctx):
        return False
    if not verbal_attack(c, source, _absent(c.head)):
        return False
    return not _passage_countries(c.head, ctx.actors) - {source.actor.country}


def _strikes_nothing_named(head: Token) -> bool:
    """A battle act that names nothing it struck, neither an object nor an 'at/against/on' phrase beyond its weapons
    ('has launched more than 100 missiles', 'the missiles fired by Iran', 'ordered airstrikes'): who was hit is told
    elsewhere in the story, and a side of '---' would misreport it."""
    if a_test(head) or a_launch(head):
        return False  # a test or a show of force, aimed at no one ('test-launched a missile')
    struck = [o for o in children(head) if o.dep_ in {"dobj", "nsubjpass"}]  # ('the area was encircled')
    struck += [o for p in children(head) if p.dep_ == "prep" and p.lower_ in STRUCK_PREPS for o in children(p)]
    struck = [w for t in struck for w in (of_objects(t) or [t])]  # ('dozens of missiles')
    return all(t.lemma_.lower() in INSTRUMENTS | AIR_WORDS for t in struck)


def _police_at_home(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
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


def _domestic_address(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
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


def _on_legislation(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
    """A state's own actor refusing, demanding or threatening something done to a bill ('refused to sign a funding
    bill', 'refused to withdraw the extradition bill') addresses its own country whatever else the passage names:
    a bill is a matter between a state's government and its legislature."""
    if not c.code.startswith(DOMESTIC_ADDRESS_PREFIXES) or source.actor.sector not in DOMESTIC_SECTORS:
        return False
    acts = [c.head, *(x for x in children(c.head) if x.dep_ == "xcomp")]
    bill = any(o.dep_ == "dobj" and o.lemma_.lower() in LEGISLATION for a in acts for o in children(a))
    # a leader's veto is of his own legislature's bills ('threatened to veto any such sanctions moves'), unless it
    # is cast at an international body ('vetoed the resolution in the Security Council')
    veto = any(a.lemma_.lower() == "veto" for a in acts) and not _names_the_state(source, c.head, ctx.actors)
    if veto and (_sentence_bodies(c.head, ctx.actors) or any(o.lemma_.lower() == "resolution" for o in c.head.subtree)):
        veto = False
    return (bill or veto) and _is_country(source, ctx)


def _sentence_bodies(head: Token, actors: DocActors) -> bool:
    """The sentence names an international organisation ('the Security Council', 'the U.N.')."""
    start, end = sentence_range(head)
    return any((a := actors.actor_at(i)) is not None and a.sector == "IGO" for i in range(start, end))


def _one_other_party(c: Candidate, source: ResolvedActor, args: Args, ctx: Context) -> ResolvedActor | None:
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
    found = set()
    for i in range(*_with_sentence_before(head)):
        actor = actors.actor_at(i)
        if actor is not None:
            found.add(actor.country)
        hit = actors.kb_hits.get(i)
        if hit is not None:
            found.add(hit[1].country)
    return found - {UNKNOWN, ""}


def _antecedent_owner(head: Token, source: ResolvedActor, ctx: Context) -> ResolvedActor | None:
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
            if lemma in EVENT_ANAPHORS:
                return _doer_of_sentence_before(obj, source, ctx)
            continue
        owners = object_owners(mention)
        # who made it: 'Trump unveiled a plan', 'the plan was proposed by Egypt', 'the plan the White House unveiled'
        verbs = [mention.head] if mention.dep_ in {"dobj", "nsubjpass"} else []
        for verb in verbs + [c for c in children(mention) if c.dep_ == "relcl"]:
            subjects, passive = verb_subjects(verb)
            agents = [a for p in children(verb) if p.dep_ == "agent" for a in children(p) if a.dep_ == "pobj"]
            owners += agents if passive else [s for s in subjects if not same(s, mention)]
        return _another_countrys(owners, source, ctx)
    return None


def _another_countrys(owners: list[Token], source: ResolvedActor, ctx: Context) -> ResolvedActor | None:
    """The first of the owners, when every one the text places is of a country other than the source's."""
    found = [r for r in resolve_all(owners, ctx.actors, shallow=True) if known(r)]
    others = [r for r in found if r.actor.country != source.actor.country and r.actor is not source.actor]
    return others[0] if others and len(found) == len(others) else None


def _doer_of_sentence_before(obj: Token, source: ResolvedActor, ctx: Context) -> ResolvedActor | None:
    """'The United States imposed new sanctions on Iran. Iran condemned the decision.': a definite act noun with no
    mention of its own refers to what the sentence before, in the same paragraph, reports; its doer is the
    subject of that sentence's main verb, when it is of another country."""
    start = sentence_start(obj)
    toks = tokens(obj.doc)
    if start == 0 or "\n" in toks[start - 1].text_with_ws or toks[start - 1].is_space:
        return None  # (not across a paragraph)
    root = toks[sentence_root(toks[start - 1])]
    if root.pos_ not in {"VERB", "AUX"} or root.lemma_.lower() in SPEECH_VERBS - ACTS_OF_DECLARING:
        return None  # ('"...," he said.': who spoke did not make the move; who announced or declared it did)
    subjects, passive = verb_subjects(root)
    return _another_countrys([] if passive else subjects, source, ctx)


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


def _home(source: ResolvedActor, head: Token, ctx: Context) -> ResolvedActor:
    """The target of a domestic event: the country it happens in ('Albanians demonstrated in Serbia'), else the
    source's own."""
    place = _place_entity(head, ctx.actors)
    country = place[1].country if place is not None else source.actor.country
    return _country_side(country, source.span, "home", ctx)


def _own_country(source: ResolvedActor, head: Token, ctx: Context) -> ResolvedActor:
    """The source's own country as an implied target: no words of the text name it, so its span is empty at the
    trigger, as an absent target's is."""
    return _country_side(source.actor.country, (head.idx, head.idx), "domestic", ctx)


def _country_side(country: str, span: tuple[int, int], via: str, ctx: Context) -> ResolvedActor:
    """A country as an event's side, named by the knowledge base, at the given span."""
    name = ctx.actors.kb.country_name(country) or country
    return ResolvedActor(Actor(name, country, country, None, kind="country"), span, via)


def _is_country(r: ResolvedActor, ctx: Context) -> bool:
    """The actor's country code is a state's, not a transnational group's or an organisation's ('IMG', 'UNO')."""
    return _country_actor(r.actor.country, ctx) is not None


def _country_actor(code: str, ctx: Context) -> Actor | None:
    """The document's actor for a state's country code; None for '---', groups and organisations."""
    kb = ctx.actors.kb
    entry = kb.lookup(kb.country_name(code) or "") if code not in {UNKNOWN, ""} else None
    return ctx.actors.entity_actor(entry) if entry is not None and entry.kind == "country" else None


def _a_partners_home(place: ResolvedActor, source: ResolvedActor, args: Args) -> bool:
    """The place is the country of another agent of the same act: 'exercises in South Korea by U.S. and South
    Korean troops' are held there together, not aimed at it."""
    return any(s.actor.country == place.actor.country != source.actor.country for s in args.sources)


def _place_actor(head: Token, source: ResolvedActor, ctx: Context, *, at_home: bool = False) -> ResolvedActor | None:
    """Where a material act happens or is aimed, when that is another country: 'evacuate settlements in the Gaza
    Strip', 'strengthened its forces in Lebanon', 'launched strikes inside Syria'; with `at_home` (an attack by
    rebels or militants), their own country too ('militants attacked a checkpoint in Kunduz')."""
    place = _target_place(head, ctx.actors)
    if place is None or (place[1].country == source.actor.country and not at_home):
        return None
    return _place_side(place, ctx)


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
                        hit = country_hit(pobj.left_edge.i, pobj.i + 1, actors)
                        if hit is not None and child.lower_ in INTO_PREPS:
                            return hit
                        deeper.append(pobj)
        frontier = deeper
    return None


def _implied_target(
    head: Token, source: ResolvedActor, args: Args, ctx: Context, *, previous: bool = False
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
    return _place_side(next(iter(others.values())), ctx)


def _conflict_country(head: Token, other: ResolvedActor, ctx: Context) -> Actor | None:
    """Rebels or an opposition that a foreign state backs, arms or fights are those of the one other country its
    sentence (else the sentence before) names: 'the US continues to support the opposition battling Mr. Assad',
    'the conflict in Syria has left 70,000 dead. The U.S. has given aid to rebel groups.'"""
    if other.actor.sector not in STATE_SECTORS or not _is_country(other, ctx):
        return None
    spans = [sentence_range(head)] + ([before] if (before := previous_sentence(head)) is not None else [])
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


def _on_own_people(c: Candidate, source: ResolvedActor, ctx: Context) -> bool:
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


def _armed_enemy(c: Candidate, source: ResolvedActor, args: Args, ctx: Context) -> ResolvedActor | None:
    """A state's military force that names no target fights the one armed group its sentence (else the sentence
    before) names ('as the Islamic State marched on Iraq, the United States ordered airstrikes'), else the one
    other party its sentence names ('the missiles Trump launched after an attack by Syrian forces', 'Japan
    surrendered after the US dropped the bomb'); never whoever reports it ('..., South Korea's military said'),
    nor a bystander when the act names what it struck in words we cannot place ('shot at a supporter')."""
    if c.code[:2] != FIGHT_ROOT or source.actor.sector not in STATE_SECTORS or not _is_country(source, ctx):
        return None
    sentence = sentence_range(c.head)
    before = previous_sentence(c.head)
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
    before = previous_sentence(head)
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


def _dominant_other(source: ResolvedActor, ctx: Context) -> ResolvedActor | None:
    others = [(c, r, n) for c, r, n in ctx.salient if c != source.actor.country]
    if not others or others[0][2] < FALLBACK_MIN_MENTIONS:
        return None
    if len(others) > 1 and others[0][2] < FALLBACK_DOMINANCE * others[1][2]:
        return None
    return others[0][1]


def place_tokens(token: Token, *, deep: bool = False) -> list[Token]:
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


def _place_entity(token: Token, actors: DocActors, *, deep: bool = False) -> tuple[Span, KBEntry] | None:
    """The knowledge-base country or city the event happened in ('in Baghdad' -> Iraq), with its span."""
    for pobj in place_tokens(token, deep=deep):
        if pobj.lemma_.lower() in INSTRUMENTS and means_owners(pobj, actors):
            continue  # 'killed in a US drone strike in Yemen': whose the strike is, not where
        hit = country_hit(pobj.left_edge.i, pobj.i + 1, actors)
        if hit is not None:
            return hit
    return None


def _place_side(hit: tuple[Span, KBEntry], ctx: Context) -> ResolvedActor:
    """The side a place name stands for: its country (or organisation), spanning the name."""
    span, entry = hit
    return ResolvedActor(ctx.actors.entity_actor(entry), (span.start_char, span.end_char), "place")


def country_hit(start: int, end: int, actors: DocActors) -> tuple[Span, KBEntry] | None:
    """The first knowledge-base hit among tokens start..end-1 that is not an organisation or a group, else the
    first city or US state of the gazetteer ('positions in Idlib' are in Syria)."""
    for i in range(start, end):
        hit = actors.kb_hits.get(i)
        if hit is not None and hit[1].kind not in {"igo", "ngo", "group"}:
            return hit
    return next((hit for i in range(start, end) if (hit := actors.city_at(i)) is not None), None)
