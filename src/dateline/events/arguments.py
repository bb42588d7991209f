"""Who did it and to whom: the source and target actors of a trigger, read off the dependency parse.

Verbs: the subject is the source, the direct object or a prepositional object the target; in the passive, "by X"
is the source and the subject the target (without 'by', the one whose hands, clashes or strikes did it: "killed at
the hands of X", "killed in clashes with X", "killed in an Israeli strike"; a headline's "X killed in Y" is a
passive); a clause complement, conjunct or adjective inherits its governor's subject ("Syria says it is willing to
withdraw"); a relative clause its noun; "X's decision to suspend" the possessor. Appeals, demands and accusations
aim at the subject of their "that" clause ("demanded that the US cancel ...").
Nouns: the possessor, "by X", "of X" or a national adjective is the source ("Iran's offer", "the visit of the
president", "Israeli airstrikes"), or the subject of a support verb ("held talks", "staged a rally"); "to / with /
against / on Y" the target; "between A and B" gives both parties. For nouns of harm done to someone (of_target),
"of Y" and a lone possessor name the one it happens to ("the killing of X", "Khashoggi's murder").
"it", "its", "they" and "their" in a reported clause stand for the speaker when that is a country or group.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..actors.resolve import RELATIONAL_NOUNS, UNKNOWN, DocActors, ResolvedActor, backer
from ..model import Actor
from ..tokens import children, tokens
from .lexicon import Pattern
from .modality import support_verb
from .triggers import LIGHT_NOUNS, RELATIVES, is_infinitive

TARGET_PREPS = ("to", "with", "against", "on", "upon", "toward", "towards", "into", "between", "among")
PLACE_PREPS = ("in", "at", "from")  # places, not targets, unless a pattern names them ('arrive in', 'fire at')
NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "for")
SUBJECT_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "oprd"})
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11"})  # 'demanded that X ...', 'alleged that X ...'
ASKING_ROOTS = frozenset({"02", "10"})  # appeals and demands: 'from X' is the one asked
# Roots whose verbs embed an act: without a target of their own, the act's object is theirs ('promised to
# democratize Serbia', 'threatened to cut off supplies to Armenia').
FRAME_TARGET_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
# Roots whose nouns take a proper-noun modifier as the one they hit: 'the Benghazi attack', 'Iran sanctions'.
HARM_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# The ruin of an enemy, which an appeal or a demand may call for but never asks of that enemy
RUIN_WORDS = frozenset(
    {"destroy", "destruction", "dismantle", "exterminate", "extermination", "annihilate", "annihilation", "eliminate"}
    | {"elimination", "obliterate", "obliteration", "eradicate", "eradication", "defeat", "crush", "wipe"}
)
INVESTIGATE_ROOT = "09"
PERSON_POSSESSIVES = frozenset({"his", "her"})
# Synsets of the means an actor acts with: whose they are says nothing about the target.
MEANS_SYNSETS = frozenset(
    {
        "TROOPS",
        "POLICE",
        "PEACEKEEPER",
        "INSPECTOR",
        "MILAID",
        "AID",
        "ECONAID",
        "HUMAID",
        "ROCKET",
        "MISSILE",
        "AIRSTRIKE",
    }
)

# Besides the means: what only its owner imposes, lifts, cuts or severs ('U.S. sanctions', "Cuba's ties with the US").
OWNED_MEANS = frozenset({"SANCTION", "RELATIONS"})
EXPEL_PREFIX = "1662"  # expel or withdraw inspectors or peacekeepers: the personnel belong to the target
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "dedicate"})  # 'be opposed to' is active in sense
OBJECT_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "for")
MUTUAL_PREFIXES = ("03", "04", "05", "06", "0871")  # cooperation by coordinated subjects is with each other
MEET_ROOT = "04"
MEETING_VERBS = frozenset({"meet", "talk", "confer", "negotiate", "speak", "discuss"})
OCCASION_PREPS = frozenset({"at", "during"})
VISIT_CODES = frozenset({"042", "043"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Acts on a thing someone else owns or made ('rejected the plan', 'criticized the decision', 'welcomed the deal'):
# its owner is the target
OWNED_THING_ROOTS = frozenset({"05", "11", "12"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
VISIT_OCCASION_PREPS = frozenset({"during", "on"})  # 'said during a visit to', 'on a trip to'
SUPPORT_ROOT = "05"  # diplomatic cooperation: a stance on something ('stood by the communique') is not on each other
ALLY_NOUNS = frozenset({"behalf", "side"})
NON_ACTOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
PERSONAL_OBJECTS = frozenset({"him", "her", "them", "us", "me"})
REFERRING_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
GROUP_PRONOUNS = frozenset({"they", "their", "them"})
# Acts whose 'of' names whom they were done to, not who did them: 'the invasion of Iraq', 'the arrest of Navalny'
ACTS_ON_OF = frozenset(
    {"invasion", "occupation", "annexation", "bombing", "shelling", "siege", "blockade", "attack", "killing"}
    | {"murder", "assassination", "execution", "arrest", "detention", "imprisonment", "persecution", "destruction"}
    | {"expulsion", "deportation", "bombardment", "airstrike", "strike", "crackdown", "massacre", "sanction"}
)
STANCE_ROOTS = frozenset({"05", "11", "12"})  # support, criticism, rejection: of an act, aimed at its doer
DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
# Nouns of dealing with someone else's act: whose handling or account it is did not do the act ('her handling of the
# attack', "the ministry's investigation of the bombing"); not coder.RESPONSE_NOUNS, which are replies in kind.
DEALING_NOUNS = frozenset(
    {"handling", "response", "reaction", "investigation", "probe", "inquiry", "coverage", "account", "explanation"}
    | {"description", "characterization", "version", "knowledge", "memory", "review", "analysis", "condemnation"}
)
SUPPORT_VERBS = frozenset(
    {
        "hold",
        "stage",
        "launch",
        "conduct",
        "carry",
        "make",
        "pay",
        "issue",
        "lodge",
        "file",
        "mount",
        "begin",
        "start",
        "continue",
        "resume",
        "renew",
        "open",
        "organize",
        "organise",
        "undertake",
        "give",
        "deliver",
        "express",
        "voice",
        "extend",
        "announce",
        "declare",
        "impose",
        "level",
        "intensify",
        "join",
        "have",
        "engage",
        "complete",
        "reach",
        "sign",
        "seal",
        "strike",
        "conclude",
        "wage",
        "reiterate",
        "commit",
        "perpetrate",
        "unleash",
        "order",
        "authorize",
        "authorise",
        "approve",
        "lead",
        "sponsor",
        "finish",
        "escalate",
        "attend",
        "participate",
        "initiate",
        "propose",
        "offer",
        "plan",
        "step",
        "execute",
        "slap",
        "reimpose",
        "tighten",
        "expand",
        # gathering for it: 'thousands converged for a rally'
        "gather",
        "converge",
        "assemble",
        "congregate",
        "turn",
        "mass",
        "come",
    }
)
ACTOR_NOUNS = frozenset(
    {"country", "nation", "government", "party", "side", "state", "leader", "official", "member", "ally", "partner"}
)
# Heads that count the people named by their 'of' phrase: 'thousands of protesters', 'dozens of rebels'.
COUNT_NOUNS = frozenset({"thousand", "hundred", "dozen", "million", "score", "number", "group", "band", "handful"})
SPANS = frozenset({"day", "week", "month", "year", "hour", "night", "decade"})  # 'three days of talks'
OWNER_PREPS = frozenset({"of", "for", "from"})
INQUIRIES = frozenset({"investigation", "probe", "inquiry", "inquest"})  # their 'of' / 'into' is who is looked into
# Promises and refusals of what the source itself would give or do ('pledged British support'): see
# `_own_contribution`.
OWN_ACT_ROOTS = frozenset({"03", "12"})
OWN_ACT_NOUNS = frozenset(
    {"support", "backing", "help", "assistance", "action", "involvement", "intervention", "cooperation"}
    | {"commitment", "membership", "participation", "contribution", "engagement"}
)
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "pobj", "prep", "flat", "appos"})  # inside a noun phrase
FORCE_ROOT = "15"  # exhibit force posture: the troops and police named are the means, not the target
# Aid, yielding and force posture: a state's own troops it sends, withdraws or deploys are its means.
OWN_FORCE_ROOTS = frozenset({"07", "08", FORCE_ROOT})
UNPLACED = "unplaced"  # `ResolvedActor.via` of a sector group whose country the text does not give
# What endangers without threatening: 'Russia's aggression threatens our vision of Europe'.
DANGERS = frozenset(
    {
        "aggression",
        "war",
        "conflict",
        "crisis",
        "program",
        "programme",
        "policy",
        "move",
        "decision",
        "action",
        "behavior",
        "behaviour",
        "activity",
        "expansion",
        "situation",
        "tension",
        "escalation",
        "presence",
        "buildup",
        "ambition",
        "plan",
        "test",
        "development",
    }
)
# Texts that say what their author says: 'issued a statement condemning ...'.
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "declaration",
        "communique",
        "letter",
        "resolution",
        "report",
        "message",
        "note",
        "petition",
        "decree",
        "motion",
        "appeal",
        "notice",
        "memo",
        "memorandum",
        "editorial",
        "article",
        "speech",
        "address",
    }
)
# What kills and destroys without being an actor: 'a roadside bombing killed one U.S. soldier'.
INSTRUMENTS = frozenset(
    {
        "bomb",
        "bombing",
        "blast",
        "explosion",
        "explosive",
        "device",
        "mine",
        "landmine",
        "shell",
        "rocket",
        "missile",
        "mortar",
        "grenade",
        "airstrike",
        "strike",
        "raid",
        "attack",
        "fire",
        "gunfire",
        "shelling",
        "drone",
        "ied",
        "artillery",
        "bullet",
        "shot",
        "shooting",
        "ambush",
        "crash",
        "violence",
        "clash",
        "fighting",
    }
)

# Fights a passive's victim fell in: 'killed in clashes with police', 'in combat with IS fighters' (the one it was
# with did it).
COMBAT_NOUNS = frozenset(
    {"combat", "clash", "fighting", "battle", "firefight", "gunbattle", "gunfight", "skirmish", "shootout"}
)
# Force only a state's forces use: a country written before it is whose it is ('a US drone strike'), where other
# means take only a people or group ('an Israeli attack', 'an ISIS bombing'; not 'the Paris attacks').
STATE_MEANS = frozenset({"strike", "airstrike", "raid", "drone", "bombardment", "shelling", "missile"})
# Verbs of harm that always take an object when active: without one, 'X killed in Y' is a passive.
HARM_VERBS = frozenset(
    {"kill", "wound", "injure", "hurt", "arrest", "detain", "jail", "imprison", "execute", "abduct", "kidnap"}
    | {"capture", "deport", "expel", "behead", "assassinate", "murder", "slay", "massacre", "torture", "sentence"}
)
WARS = frozenset({"war", "conflict", "crackdown", "uprising", "insurgency"})  # "killed in Syria's civil war"
MEANS_PREPS = frozenset({"in", "during", "amid", "under", "from"})
ANTECEDENT_PARAGRAPHS = 3  # how far back 'the attack' looks for the attack it continues
MEANS_MARKS = frozenset({"since", "when", "after", "as", "while", "before"})  # 'since the Israeli strikes began'


@dataclass
class Args:
    sources: list[ResolvedActor]
    targets: list[ResolvedActor]
    named_target: bool  # the text names a target phrase, resolved or not (then no target is guessed)
    agentless: bool = False  # a passive with no agent who is an actor ('were killed in a bombing')


# -------------------------------------------------------------------- resolution


def resolve(token: Token, actors: DocActors, *, shallow: bool = False) -> ResolvedActor | None:
    """The actor a phrase (given by its head) stands for; 'it'/'they' in a reported clause is the speaker.

    Targets resolve `shallow`ly: an actor named deep inside the object phrase is not the one acted on.
    """
    if token.lower_ in REFERRING_PRONOUNS:
        return _antecedent(token, actors)
    if token.lower_ in {"he", "she"} and token.dep_ in {"nsubj", "nsubjpass"}:
        person = actors.last_subject_person_before(token.i)  # 'Clinton met Abbas. She will ...' is Clinton
        if person is not None:
            return ResolvedActor(person, (token.idx, token.idx + len(token.text)), "pronoun")
    found = actors.resolve_in_context(token, shallow=shallow)
    if found is None:
        found = _owned_group(token, actors)
    if found is None:
        # 'the main Hutu rebel group, Forces for Defence of Democracy (FDD), insisted': the name in apposition
        named = [c for c in children(token) if c.dep_ == "appos" and c.pos_ == "PROPN"]
        found = actors.resolve(named[0], shallow=True) if named else None
    elif any(c.dep_ == "poss" and c.lower_ in REFERRING_PRONOUNS for c in children(token)):
        found = replace(found, via="owner")  # 'its troops': someone's own people, whoever 'its' is
    return found


def _owned_group(token: Token, actors: DocActors) -> ResolvedActor | None:
    """'their forces', 'its army': a sector word owned by a pronoun is that country's or group's."""
    owner = next((c for c in children(token) if c.dep_ == "poss" and c.lower_ in REFERRING_PRONOUNS), None)
    sector = actors.kb.sector(token.text) if owner is not None and token.pos_ == "NOUN" else None
    if sector is None or sector.sector is None:
        return None
    found = _antecedent(owner, actors)
    if found is None or found.actor.kind == "person" or found.actor.country in {"", "---"}:
        return None
    return actors.group_of(token, sector.sector, found.actor)


def _antecedent(pronoun: Token, actors: DocActors) -> ResolvedActor | None:
    """'Syria says it will ...': the subject of the clause that reports this one, when a country or group."""
    t = pronoun.head
    for _ in range(5):
        if t.dep_ not in {"ccomp", "xcomp", "conj", "advcl", "acomp", "relcl"} or t.head.i == t.i:
            return None
        t = t.head
        for subj in (c for c in children(t) if c.dep_ == "nsubj" and c.lower_ not in REFERRING_PRONOUNS):
            found = actors.resolve(subj)
            if found is None:
                continue
            if found.actor.kind == "person" and (pronoun.lower_ not in GROUP_PRONOUNS or _one_person(subj)):
                return None  # 'it' never stands for a person, nor 'they' for one ('"They fire at us," he said')
            return ResolvedActor(found.actor, (pronoun.idx, pronoun.idx + len(pronoun.text)), "pronoun")
    return None


def _one_person(subject: Token) -> bool:
    """A subject naming one person: 'he', 'Netanyahu' (not 'Trump and Putin', not "Trump's meeting with the
    Democrats")."""
    coordinated = any(c.dep_ == "conj" for c in children(subject))
    return not coordinated and (subject.lower_ in {"he", "she"} or subject.ent_type_ == "PERSON")


def resolve_all(tokens: list[Token], actors: DocActors, *, shallow: bool = False) -> list[ResolvedActor]:
    out: list[ResolvedActor] = []
    for t in tokens:
        # 'met leaders including May and Netanyahu': those it names, when they are actors ('Russian aircraft
        # including helicopter gunships' are Russian aircraft)
        listed = [m for item in _listed(t) for m in (item, *conjuncts(item))]
        if not any(resolve(m, actors, shallow=shallow) is not None for m in listed):
            listed = []
        for member in listed or [t, *conjuncts(t)]:
            found = resolve(member, actors, shallow=shallow)
            more = actors.coordinated_groups(member) if found is not None else []
            for one in [found, *more]:
                if one is not None and all(one.actor is not o.actor for o in out):
                    out.append(one)
    return out


def _acts_on_something(verb: Token, *, stance: bool = False) -> bool:
    """The verb has an object that is not a party: 'Britain and France supported the resolution' (they support
    it, not each other), as has a participle describing its noun ('a statement supported by Britain and France')."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    if stance and any(o.pos_ == "NOUN" and not names_actor([o]) for o in pobjs(verb, ("by", "behind"))):
        return True  # 'France and Germany stood by the communique': both stand by it, not by each other
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN" and not any(g.lower_ == "their" for g in children(c))
        for c in children(verb)
    )  # ('Czechia and Albania upgraded their ties': what is theirs is between them)


def _listed(t: Token) -> list[Token]:
    """The members a group word lists: 'leaders including May and Netanyahu', 'countries such as Iran'."""
    if t.pos_ != "NOUN":
        return []
    # 'NATO members Britain and Poland': the names in apposition are the members meant (not 'his counterpart,
    # Chung': one person, named)
    out = [c for c in children(t) if c.dep_ == "appos" and c.pos_ == "PROPN" and t.tag_ == "NNS"]
    out = [c for c in out if c.ent_type_ != "PERSON"]  # (people listed are the group's members, not the group)
    for prep in children(t):
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in children(prep))
        if prep.dep_ == "prep" and (prep.lower_ in {"including", "like"} or such_as):
            out += [o for o in children(prep) if o.dep_ == "pobj"]
    return out


def conjuncts(t: Token) -> list[Token]:
    """Coordinated members: 'A and B', and 'the governments of A and B' (the parse puts B under A); not a list
    without a conjunction ('AL ASAD AIR BASE, Iraq (Reuters)')."""
    out = []
    for c in children(t):
        if c.dep_ == "conj" and _coordinated(t):
            out.append(c)
            out.extend(conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for pobj in children(c):
                if pobj.dep_ == "pobj":
                    out.extend(conjuncts(pobj))
    return out


def _coordinated(t: Token) -> bool:
    """Whether a conjunction ('and', 'or', 'as well as') joins the members of t's coordination."""
    stack = [t]
    while stack:
        member = stack.pop()
        if any(c.dep_ in {"cc", "preconj"} for c in children(member)):
            return True
        stack.extend(c for c in children(member) if c.dep_ == "conj")
    return False


def _without(found: list[ResolvedActor], sources: list[ResolvedActor]) -> list[ResolvedActor]:
    """Targets that are not the source itself: neither the same actor nor the source's own people read off a
    pronoun ('Poland agreed to withdraw its troops' is not done to Poland)."""
    return [
        t
        for t in found
        if all(
            t.actor is not s.actor and not (t.via in {"owner", "pronoun"} and t.actor.country == s.actor.country)
            for s in sources
        )
    ]


def unplaced(tokens: list[Token], actors: DocActors) -> list[ResolvedActor]:
    """A sector word the text gives no country ('rebels', 'gunmen', 'thousands of protesters'): a group of
    unknown country ('---'), which the coder places where the event happens when it can."""
    for t in tokens:
        for member in [t, *conjuncts(t)]:
            head = _counted(member)
            if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ == "PERSON":
                continue
            if any(c.dep_ == "poss" for c in children(head)) or _owned_by_thing(head):
                continue  # 'their fighters', 'a spokesman for the group': someone's, and we cannot tell whose
            generic = head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in children(head))
            if generic and head.dep_ == "pobj":
                continue  # 'a move from a citizen soldier to a professional soldier': a kind, not a party
            modifiers = [t for t in head.lefts if t.dep_ in {"compound", "amod"}]
            phrase = " ".join([*(t.text for t in modifiers), head.text])
            word = actors.kb.head_sector(phrase)  # 'religious leaders' are REL, not GOV
            if word is None or word.sector is None:
                continue
            start = head.left_edge.i
            while start < head.i and head.doc[start].pos_ in {"DET", "PUNCT", "NUM"}:
                start += 1
            span = (head.doc[start].idx, head.idx + len(head.text))
            actor = Actor(head.text, UNKNOWN + word.sector, UNKNOWN, word.sector, role=head.lemma_, kind="group")
            actor.inferred_from = "sector"
            return [ResolvedActor(actor, span, UNPLACED, head.i)]
    return []


def _owned_by_thing(head: Token) -> bool:
    """'a spokesman for the group', 'members of the association' (not 'the government of President Avril')."""
    return any(
        o.ent_type_ != "PERSON"
        for p in children(head)
        if p.dep_ == "prep" and p.lower_ in OWNER_PREPS
        for o in children(p)
        if o.dep_ == "pobj"
    )


def _member(token: Token, actors: DocActors) -> Token:
    """'one of Trump's allies, Benjamin Netanyahu,': the one named, when we know whose he is, not those he is one
    of; else those ('one of Putin's aides, a writer we cannot place,' is Russian)."""
    counted = _counted(token)
    if counted.i == token.i:
        return token
    named = [c for c in children(token) if c.dep_ == "appos" and c.pos_ == "PROPN"]
    found = actors.resolve(named[0], shallow=True) if named else None
    return named[0] if found is not None and found.actor.country not in {UNKNOWN, ""} else counted


def _counted(token: Token) -> Token:
    """'thousands of protesters' -> 'protesters'."""
    if token.like_num or token.ent_type_ == "CARDINAL" or token.lemma_.lower() in COUNT_NOUNS:
        for prep in children(token):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in children(prep):
                    if pobj.dep_ == "pobj":
                        return pobj
    return token


def same(a: Token | None, b: Token | None) -> bool:
    """spaCy makes a new Token object on every access: compare positions, never identity."""
    return a is not None and b is not None and a.i == b.i


def names_actor(tokens: list[Token]) -> bool:
    """Whether an unresolved phrase still names someone (then no target is guessed for it)."""
    return any(
        t.pos_ in {"PROPN", "PRON"}
        or t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
        or (t.pos_ == "NOUN" and t.lemma_.lower() in ACTOR_NOUNS)
        for t in tokens
    )


# -------------------------------------------------------------------- verbs


def verb_subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """(active subjects, passive subjects) of a verb, inherited through complements, conjuncts and clauses."""
    t = verb
    came_by = ""
    for _ in range(5):
        subj = [c for c in children(t) if c.dep_ == "nsubj"]
        passive = [c for c in children(t) if c.dep_ == "nsubjpass"]
        if subj and t.i == verb.i and _headline_passive(t):
            subj, passive = [], subj
        if passive and came_by == "xcomp" and not subj:
            return passive, []  # 'he was forced to concede': he concedes
        if subj or passive:
            return subj, passive
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.lemma_.lower() in DOCUMENT_NOUNS:
            text = t.head
            if any(c.dep_ in {"poss", "compound"} or c.ent_type_ == "NORP" for c in children(text)):
                return [text], []  # 'a UN Security Council resolution condemning Israel': the Council's
            if text.dep_ != "dobj":
                break
            t = text.head  # 'the PKK issued a declaration demanding that ...': the declaration's author demands
            came_by = "dobj"
            continue
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBG"):
            return [t.head], []  # 'the rebels who attacked', 'demonstrators protesting election results'
        if t.dep_ == "acl" and is_infinitive(t):
            return [c for c in children(t.head) if c.dep_ == "poss"], []  # "Trump's decision to suspend ..."
        absolute = _absolute_subject(t)
        if absolute is not None:
            return [absolute], []
        if t.dep_ in SUBJECT_CLIMB_DEPS and t.head.i != t.i:
            if t.i == verb.i and _fronted_participle(t):
                # 'Asked about the plan, the spokesman said ...': the main clause's subject is the one asked
                return [], verb_subjects(t.head)[0]
            came_by = t.dep_
            t = t.head
            continue
        break
    return [], []


def _absolute_subject(verb: Token) -> Token | None:
    """'..., with President Obama on Friday accusing Russia of ...': in an absolute 'with' clause the noun after
    'with' is the participle's subject (the parser hangs both on the main verb)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i > verb.i:
        return None
    for prep in children(verb.head):
        if prep.dep_ != "prep" or prep.lower_ != "with" or not prep.i < verb.i:
            continue
        noun = next((c for c in children(prep) if c.dep_ == "pobj"), None)
        between = verb.doc[noun.right_edge.i + 1 : verb.i] if noun is not None else None
        if between is not None and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in between):
            return noun
    return None


def _fronted_participle(verb: Token) -> bool:
    """A bare past participle heading a clause before its governor ('Asked to clarify, Deere said', 'Pressed on
    the issue, he declined'): a passive whose subject is the governor's."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i > verb.head.i:
        return False
    if any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in children(verb)):
        return False
    # it opens the sentence ('When asked about it, he said'): not a participle split from its auxiliary by a
    # misparse ('While Obama has, at last, called for ...')
    before = [t for t in verb.doc[verb.sent.start : verb.i] if not (t.is_punct or t.is_space)]
    return all(t.dep_ == "mark" and t.head.i == verb.i for t in before)


def _predicated_of(noun: Token) -> Token | None:
    """The subject a predicate noun describes: 'Hamas' in 'Hamas is the group that fired the rockets'."""
    if noun.dep_ == "relcl":
        noun = noun.head  # ('who'/'that' stands for the noun its clause modifies)
    if noun.dep_ != "attr" or noun.head.lemma_.lower() != "be":
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in children(noun.head)):
        return None  # 'Russia will not be the first to deploy ...' says nothing Russia did
    subject = next((c for c in children(noun.head) if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"PROPN", "NOUN"}:
        return None  # ('it is the group that ...', 'this is a war fought by ...': no one named)
    return subject


def _placed_actor(token: Token, actors: DocActors) -> bool:
    found = resolve(token, actors)
    return found is not None and found.actor.country not in {UNKNOWN, ""}


def _headline_passive(verb: Token) -> bool:
    """'Israeli boy killed in mortar attack', 'Three soldiers wounded in blast': a headline drops the auxiliary of
    a passive; a past participle with a subject but no auxiliary and no object is done to that subject."""
    kids = children(verb)
    return (
        verb.tag_ in {"VBN", "VBD"}  # (the tagger often reads a headline's participle as a past tense)
        and verb.dep_ in {"ROOT", "acl"}
        and verb.lemma_.lower() in HARM_VERBS
        and any(c.dep_ == "prep" for c in kids)
        and not any(c.dep_ in {"aux", "auxpass", "dobj", "ccomp", "xcomp", "attr", "conj", "dative"} for c in kids)
    )


def pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for child in children(token):
        if child.dep_ in {"prep", "dative", "prt"} and child.lower_ in preps:  # 'called on members': 'on' a particle
            out.extend(c for c in children(child) if c.dep_ == "pobj")
    return out


def verb_arguments(
    verb: Token, pattern: Pattern, obj: Token | None, actors: DocActors, parts: tuple[Token, ...] = ()
) -> Args:
    """`parts` are the verbs a pattern names besides the trigger ('attempted to assassinate X'): their objects
    are the event's too."""
    subjects, passive = verb_subjects(verb)
    agents = [c for p in children(verb) if p.dep_ == "agent" for c in children(p) if c.dep_ == "pobj"]
    target_tokens: list[Token] = []
    if passive and not agents and _stative(verb):
        subjects, passive = passive, []  # 'Israel is opposed to the plan': the subject holds the stance
    if passive or agents:
        source_tokens = agents
        target_tokens = [t for t in passive if not same(t, obj)]
    else:
        source_tokens = subjects
    owners: list[Token] = []
    direct: list[Token] = []
    if not target_tokens:
        direct = [c for c in children(verb) if c.dep_ in {"dobj", "dative"} and not same(c, obj)]
        direct += [o for o in _quantified_objects(verb) if not same(o, obj)]
        direct += _gapped_object(verb, obj)
        if pattern.root == FORCE_ROOT:
            direct = [d for d in direct if not _armed(d, actors)]  # 'mobilize the military' is its own means
        preps = tuple(w for w in pattern.words if w in TARGET_PREPS + PLACE_PREPS) or TARGET_PREPS
        partners: list[Token] = []
        if pattern.topic_object:
            # 'Obama and Putin discussed Syria': what was talked about is no party to the talks; the one talked with
            # is named by 'with' (which may hang on the topic: 'discussed Syria's future with Putin') or by the
            # pattern's own preposition ('talk to'), not by what the talk is aimed at ('discussed responses to the
            # North Korean test')
            partners = [p for d in direct for p in pobjs(d, ("with",))]
            direct = []
            preps = tuple(w for w in pattern.words if w in TARGET_PREPS) or ("with",)
        asked = pattern.root in ASKING_ROOTS
        if asked and "from" not in preps:
            preps += ("from",)  # 'sought help from Jordan', 'demanded an apology from Japan'
        target_tokens = direct + partners + [o for o in pobjs(verb, preps) if not _detached_with(o)]
        if asked:
            # what is asked for comes from the one asked ('sought military aid from the United States')
            target_tokens += [p for d in [*direct, *([obj] if obj is not None else [])] for p in pobjs(d, ("from",))]
        for part in parts:
            target_tokens += [c for c in children(part) if c.dep_ in {"dobj", "dative"}] + pobjs(part, preps)
        if obj is not None:
            target_tokens += pobjs(obj, ("with", "between", "to", "against", "on", "for"))  # 'aid for Bosnia'
            owners = [] if pattern.symmetric or _own_means(pattern) else object_owners(obj)
    # 'shared evidence with the U.S.', 'granted asylum to Panamanian officers': the object's own recipient
    # (not what one is blamed or criticised for: 'blamed Obama's strategy for the rise of ISIS')
    object_preps = tuple(p for p in OBJECT_TARGET_PREPS if p != "for") if pattern.root == "11" else OBJECT_TARGET_PREPS
    # ('blamed the attacks on Israeli airstrikes' names the culprit with 'on')
    stance_on_act = pattern.root in STANCE_ROOTS and verb.lemma_.lower() != "blame"
    target_tokens += [
        p for d in direct if not (stance_on_act and d.lemma_.lower() in ACTS_ON_OF) for p in pobjs(d, object_preps)
    ]  # (not whom a condemned act was aimed at: 'condemned the US sanctions on Iran')
    if "with" not in pattern.words and any(_a_person(d, actors) for d in direct):
        # 'supplied Comey with the names of Russians', 'provided the rebels with arms': what one is given
        given = {p.i for h in [verb, *direct] for p in pobjs(h, ("with",))}
        target_tokens = [t for t in target_tokens if t.i not in given]
    target_tokens = [t for t in map(_counted, target_tokens) if t.ent_type_ not in NON_ACTOR_ENTITIES]
    if stance_on_act:
        target_tokens = [o for t in target_tokens for o in _doers_of_act(t)]
    # 'Hezbollah fights on Assad's behalf', 'fought on the side of the government': for them, not against them
    target_tokens = [t for t in target_tokens if t.lemma_.lower() not in ALLY_NOUNS]
    source_tokens = [_member(t, actors) for t in source_tokens]
    # what a named subject is said to be acts as that subject: 'the Taliban is the main insurgency fighting the
    # government', 'Hamas is the group that fired the rockets' (not an unplaced 'Farage was the first British
    # politician to meet ...': the description places him)
    described = [_predicated_of(t.head if t.lower_ in {"who", "that", "which"} else t) for t in source_tokens]
    source_tokens = [
        d if d is not None and _placed_actor(d, actors) else t for t, d in zip(source_tokens, described, strict=True)
    ]
    sources = resolve_all(source_tokens, actors)
    heads = [verb.head if verb.dep_ == "relcl" and t.lower_ in {"that", "which"} else t for t in subjects]
    instrument = bool(heads) and not passive and all(t.lemma_.lower() in INSTRUMENTS for t in heads)
    if instrument:
        # 'the Paris attacks killed 129 people': the place of an attack is not its author; 'Russian airstrikes',
        # 'ISIS attacks' are theirs
        sources = [s for s in sources if s.via in {"demonym", "group"} or s.actor.kind == "group"] or resolve_all(
            [o for t in heads for o in means_owners(t, actors)], actors
        )  # ('a US drone strike killed ...' is the US's)
    if pattern.root == "13" and all(t.lemma_.lower() in INSTRUMENTS | DANGERS for t in source_tokens):
        sources = []  # 'Russia's aggression threatens our vision of Europe': a danger, not a threat by Russia
    if pattern.root in OWN_FORCE_ROOTS:
        # 'pulled US troops out of Syria', 'sent British troops': a state moves its own forces, its means
        own = {s.actor.country for s in sources}
        moved = {d.i for d in direct if _own_forces(d, own, actors)}
        target_tokens = [t for t in target_tokens if t.i not in moved]
    # (still named: a withdrawal with a target we cannot tell is not guessed at)
    acted_on = [t for t in target_tokens if not _taken_out(t, sources, actors)]
    found = _not_looked_into(resolve_all(acted_on, actors, shallow=True), verb, direct, pattern)
    for mover in [verb, *parts]:
        found = _not_destinations(mover, found, sources)
    # nor are those listed with a thing bolstered ('bolster its defenses and rapid reaction forces')
    armed = [m for d in direct for m in conjuncts(d) if _armed(m, actors)] if pattern.root == FORCE_ROOT else []
    found = _not_at(found, armed)
    targets = _without(found, sources)
    # an order or appeal to one's own people is internal, not aimed at nobody ('ordered his prime minister to ...')
    removed_own = bool(found) and not targets
    # the one the act is done to, named as a person or group (not 'the Trump base', not the owner of its object)
    named_victim = bool(targets) and any(_actor_head(t, actors) for t in target_tokens)
    owned: list[Token] = []
    if not targets:
        # whose the object is: 'rejected the Senegalese plan', 'released the British sailors', 'condemned the steps
        # taken by Egypt'; a source's own means are not ('sent U.S. troops', 'withdrew Russian forces')
        # ('condemned America's allies': those of a relation are not the country they are named after)
        related = [d for d in target_tokens if d.lemma_.lower() not in RELATIONAL_NOUNS]
        owned = owners + [o for d in related for o in object_owners(d) if not _shaped_by(o, d, pattern, actors)]
        if pattern.root in OWNED_THING_ROOTS:
            # 'criticized a deal Germany struck' (one's own country's deal is no other party's: 'pulled out of a
            # pact that Washington quit')
            own = {s.actor.country for s in sources}
            makers = [m for d in related for m in relative_makers(d)]
            made = [(m, resolve(m, actors, shallow=True)) for m in makers]
            owned += [m for m, r in made if r is None or r.actor.country not in own]
        owned = [o for o in owned if not actors.names_the_text(o)]
        targets = _without(_not_looked_into(resolve_all(owned, actors, shallow=True), verb, direct, pattern), sources)
    if not targets and pattern.root in FRAME_TARGET_ROOTS:
        inner = clause_subjects(verb) if pattern.root in CLAUSE_TARGET_ROOTS else []
        # 'encouraged its citizens to enter the U.S.': one's own people addressed are the object, not what they are
        # asked to act on
        addressed = removed_own or any(
            d.dep_ == "dobj" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(_counted(d)))
            for d in direct
        )
        inner = inner or ([] if addressed else complement_objects(verb))
        inner = [t for t in inner if not _taken_out(t, sources, actors)]
        targets = _without(resolve_all(inner, actors, shallow=True), sources)
        for comp in (c for c in children(verb) if c.dep_ == "xcomp"):
            targets = _not_destinations(comp, targets, sources)  # 'asked him to invite Putin to Washington'
        if not targets:
            # 'refused to respond to a demand from the US President': whose the act's object is
            owned = [o for t in inner for o in object_owners(t) if not actors.names_the_text(o)]
            targets = _without(resolve_all(owned, actors, shallow=True), sources)
        target_tokens = target_tokens or inner
    stance = pattern.root == SUPPORT_ROOT
    mutual = pattern.symmetric or (
        pattern.code.startswith(MUTUAL_PREFIXES) and not _acts_on_something(verb, stance=stance)
    )
    allies = any(p.lower_ == "on" and any(o.lemma_.lower() in ALLY_NOUNS for o in children(p)) for p in children(verb))
    mutual = mutual and not allies  # 'Hezbollah and Iranian fighters fight on Assad's behalf' are on one side
    if len(sources) > 1 and pattern.symmetric and targets and not named_victim and not pobjs(verb, ("with",)):
        targets = []  # 'US and Russian officials reached an agreement on Syria's weapons': between its parties
    # (not when they act on someone named: 'Cameron and Sarkozy met top officials' did not meet each other)
    named_party = pattern.code.startswith(MUTUAL_PREFIXES[:2]) and any(
        t.ent_type_ == "PERSON" or actors.kb.sector(t.text) is not None for t in target_tokens
    )
    # ('A and B spoke with one voice': a partner the pattern names by its preposition is not the other subject)
    partnered = pattern.topic_object and bool(pattern.words)
    if len(sources) > 1 and not targets and mutual and not named_party and not partnered:
        sources, targets = sources[:1], sources[1:]  # 'A and B signed a treaty', 'A and B agreed to ...'
    # a person or group named, placed or not: no target is guessed for it ('ordered his prime minister to ...')
    own = {t.i for t in target_tokens if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(t))}
    own_addressee = pattern.root in {"02", "10"} and (removed_own or bool(own))
    people = any(t.pos_ == "NOUN" and t.i not in own and actors.kb.sector(t.text) is not None for t in target_tokens)
    named = (bool(target_tokens) and names_actor(target_tokens)) or own_addressee or people
    if not sources:
        sources = unplaced(source_tokens, actors)
    owned_means = obj is not None and (_own_means(pattern) or pattern.synset in OWNED_MEANS)
    if passive and not agents and not sources and targets and owned_means and any(same(obj, p) for p in passive):
        # 'U.S. military aid to Ukraine was withheld', 'EU sanctions on Iran were lifted': aid, sanctions, ties and
        # forces are moved by the one whose they are
        named = [c for c in children(obj) if c.dep_ == "nmod" and c.pos_ == "PROPN"]  # (the parse of 'U.S.')
        sources = _without(resolve_all(object_owners(obj) + named, actors), targets)
    if passive and not agents and not sources:
        sources = _without(means_agents(verb, actors), targets)
    if not targets:
        means = {obj.i, *(c.i for c in conjuncts(obj))} if obj is not None else set()
        targets = _without(unplaced([t for t in target_tokens if t.i not in means], actors), sources)
        named_victim = named_victim or bool(targets)
        # 'rejected the House's offer': an organ whose offer it is, placed later by the source's country
        targets = targets or _without(unplaced([o for o in owned if o.dep_ == "poss"], actors), sources)
    agentless = (bool(passive) or instrument) and named_victim and not sources and not names_actor(source_tokens)
    if pattern.root == MEET_ROOT:
        kept = _consulted(targets, pattern)
        targets, named = kept, named or len(kept) < len(targets)
    targets = _not_at(targets, armed)
    if pattern.root in OWN_ACT_ROOTS:
        targets = [t for t in targets if not _own_contribution(t, sources, verb.doc)]
    if pattern.root in ASKING_ROOTS and calls_for_ruin(verb):
        targets, named = [], True  # no one is asked, and no one is to be guessed
    return Args(sources, targets, named or bool(targets), agentless)


def _taken_out(token: Token, sources: list[ResolvedActor], actors: DocActors) -> bool:
    """'pulled Washington out of the nuclear deal', 'get the United States out of NAFTA': the source's own country
    taken out of something is the one that leaves it, not the one acted on."""
    if token.dep_ != "dobj" or not any(c.lower_ == "out" and c.dep_ in {"prt", "prep"} for c in children(token.head)):
        return False
    return _resolves_to(token, {s.actor.country for s in sources} - {UNKNOWN, ""}, actors)


def _not_looked_into(
    found: list[ResolvedActor], verb: Token, direct: list[Token], pattern: Pattern
) -> list[ResolvedActor]:
    """'condemned the investigation of Russia', 'dismissed the probes into Russia's meddling': whom an inquiry looks
    into is not who is acted on by acting on the inquiry, which is its holders' ('Mueller's investigation')."""
    if pattern.root == INVESTIGATE_ROOT:
        return found  # 'launched an investigation into crimes by Croat forces' is the inquiry itself
    inquiries = [d for d in direct if d.lemma_.lower() in INQUIRIES]
    # (an 'into' phrase the parser hangs on the verb is the inquiry's: nothing is 'dismissed into')
    looked = [p for d in inquiries for p in pobjs(d, ("of", "into"))] + (pobjs(verb, ("into",)) if inquiries else [])
    inside = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text)) for p in looked]
    return [f for f in found if not any(a <= f.span[0] < b for a, b in inside)]


def _shaped_by(owner: Token, obj: Token, pattern: Pattern, actors: DocActors) -> bool:
    """A meeting 'with' a thing has no partner in whoever the thing is shaped by: 'met for two days with an agenda
    topped by North Korea' (but 'met with the wife of a jailed pastor', 'with the delegation of Iran' meet theirs)."""
    if pattern.root != MEET_ROOT or obj.dep_ != "pobj" or obj.head.lower_ != "with":
        return False
    if obj.lemma_.lower() in ACTOR_NOUNS or actors.kb.sector(obj.text) is not None:
        return False
    return owner.head.dep_ == "agent"


def _own_contribution(target: ResolvedActor, sources: list[ResolvedActor], doc: Doc) -> bool:
    """A promise or refusal of the source's own act names its author in the act's phrase, not the one it is for:
    'pledged British support', 'offered the support of the U.S. government', 'ruled out U.S. military action',
    'to renegotiate the terms of Britain's membership' (by a Briton). Another country there is its target ('offered
    Iraqi forces support' is for Iraq); the source's own is only the giver or the member."""
    own = {s.actor.country for s in sources} - {UNKNOWN, ""}
    if target.actor.country not in own:
        return False
    token = next((t for t in doc if t.idx == target.span[0]), None)
    while token is not None and token.dep_ in NAME_DEPS and token.head.i != token.i:
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in OWN_ACT_NOUNS:
            return True
    return False


def _gapped_object(verb: Token, obj: Token | None) -> list[Token]:
    """'the officials he has accused of lying', 'the rebels Assad is fighting': a relative clause with a subject of
    its own and no object has its noun as the object (not 'the rebels who attacked', whose noun is the subject)."""
    if verb.dep_ != "relcl" or obj is not None or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return []
    kids = children(verb)
    if any(c.dep_ in {"dobj", "dative", "nsubjpass", "attr", "ccomp", "xcomp"} for c in kids):
        return []  # ('the system that Congress refused to fix': the noun is the object of the complement)
    if any(c.lower_ in {"where", "when", "why", "how"} for c in kids):
        return []  # 'Syria, where Washington is fighting': a place or time, not an object
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    return [verb.head] if subjects and all(s.lower_ not in RELATIVES for s in subjects) else []


def _detached_with(pobj: Token) -> bool:
    """'Iran denied responsibility, with Iranian media arguing ...': a 'with' phrase set off by a comma tells a
    circumstance (an absolute construction), not a partner of the act."""
    prep = pobj.head
    return prep.lower_ == "with" and prep.i > 0 and prep.doc[prep.i - 1].text == "," and prep.i > prep.head.i


def _not_destinations(verb: Token, found: list[ResolvedActor], sources: list[ResolvedActor]) -> list[ResolvedActor]:
    """'invited Putin to Washington', 'brought the children of diplomats to a party': once the direct object is a
    party of another country, the verb's 'to' phrase says where that party goes, not a second one acted on (but
    'sent U.S. troops to Syria' moves the source's own people, and 'introduced Putin to Merkel' names a person)."""
    own = {s.actor.country for s in sources}
    spans = [(d.left_edge.idx, d.right_edge.idx + len(d.right_edge.text)) for d in children(verb) if d.dep_ == "dobj"]
    if not any(f.actor.country not in own and any(a <= f.span[0] < b for a, b in spans) for f in found):
        return found
    places = [
        (o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text))
        for o in pobjs(verb, ("to", "into"))
        if o.ent_type_ != "PERSON" and o.lower_ not in PERSONAL_OBJECTS
    ]
    return [f for f in found if not any(a <= f.span[0] < b for a, b in places)]


def _not_at(found: list[ResolvedActor], heads: list[Token]) -> list[ResolvedActor]:
    """The actors not named by a phrase around one of the tokens."""
    return [f for f in found if not any(f.span[0] <= t.idx < f.span[1] for t in heads)]


def means_agents(verb: Token, actors: DocActors) -> list[ResolvedActor]:
    """Who did a passive act the text does not mark with 'by': 'killed at the hands of Boko Haram', 'killed in
    clashes with police', 'killed in a US drone strike', 'wounded since the Israeli strikes began' (not 'killed in
    the Paris attacks': a place; not 'killed in clashes between A and B': either side). Coordinated participles
    share it: 'one soldier was killed and three wounded in combat with IS fighters'."""
    conj = [c for c in children(verb) if c.dep_ == "conj"]
    # (the parser reads a gapped 'and three wounded' as a noun with a participle)
    shared = [c for c in conj if c.tag_ == "VBN"] + [
        a for c in conj if c.pos_ in {"NOUN", "NUM"} for a in children(c) if a.dep_ == "acl" and a.tag_ == "VBN"
    ]
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        shared.append(verb.head)
    for prep in [p for v in [verb, *shared] for p in children(v)]:
        if prep.dep_ != "prep":
            continue
        for noun in (o for o in children(prep) if o.dep_ == "pobj"):
            lemma = noun.lemma_.lower()
            if lemma == "hand" and prep.lower_ in {"at", "by"}:
                doers = pobjs(noun, ("of",))
            elif lemma in COMBAT_NOUNS and prep.lower_ in MEANS_PREPS and not pobjs(noun, ("between", "among")):
                doers = pobjs(noun, ("with", "against"))
            elif lemma in INSTRUMENTS | WARS and prep.lower_ in MEANS_PREPS:
                found = resolve_all(means_owners(_antecedent_means(noun, actors), actors), actors)
                if found:
                    return found
                continue
            else:
                continue
            found = resolve_all(doers, actors) or unplaced(doers, actors)
            if found:
                return found
    for clause in children(verb):
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in MEANS_MARKS for m in children(clause)):
            continue
        means = [s for s in children(clause) if s.dep_ == "nsubj" and s.lemma_.lower() in INSTRUMENTS | WARS]
        found = resolve_all([o for s in means for o in means_owners(s, actors)], actors)
        if found:
            return found
    return []


def _antecedent_means(noun: Token, actors: DocActors) -> Token:
    """'... injured in the attack': a definite attack the text told of before, whose author it named then ('the
    Iranian attack on Al Asad'), within the last few paragraphs; else the noun itself."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children(noun)) or means_owners(noun, actors):
        return noun
    here = actors.paragraph(noun.idx)
    lemma = noun.lemma_.lower()
    for k in range(noun.i - 1, -1, -1):
        t = noun.doc[k]
        if here - actors.paragraph(t.idx) > ANTECEDENT_PARAGRAPHS:
            break
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
            if means_owners(t, actors):
                return t
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in children(t)):
                break  # ('an attack', 'attacks': another one, introduced here)
    return noun


def means_owners(noun: Token, actors: DocActors) -> list[Token]:
    """Whose a weapon or attack is: "Russia's airstrikes", 'an Israeli raid', 'an ISIS bombing', 'a US drone
    strike'; a place is not its owner ('the Paris attacks', 'the Syria strikes')."""
    out = []
    for c in children(noun):
        hit = actors.kb_hits.get(c.i)
        if c.dep_ == "poss" and c.lower_ not in REFERRING_PRONOUNS:
            out.append(c)
        elif c.dep_ in {"amod", "compound", "nmod"} and hit is not None and not backer(c) and not _opposed(c):
            kind = hit[1].kind
            state_means = kind == "country" and c.dep_ == "compound" and noun.lemma_.lower() in STATE_MEANS
            if kind in {"demonym", "group"} or state_means:
                out.append(c)
    return out


def _armed(token: Token, actors: DocActors) -> bool:
    word = actors.kb.sector(token.text) if token.pos_ == "NOUN" else None
    return word is not None and word.sector in {"MIL", "COP"}


def _a_person(token: Token, actors: DocActors) -> bool:
    """A person or a group of people, not a country or a thing: 'Comey', 'him', 'the rebels'."""
    if token.ent_type_ == "PERSON" or token.lower_ in PERSONAL_OBJECTS:
        return True
    return token.pos_ == "NOUN" and actors.kb.sector(token.text) is not None


def _own_forces(token: Token, countries: set[str], actors: DocActors) -> bool:
    """An army or police force of one of the given countries."""
    return _armed(token, actors) and _resolves_to(token, countries, actors)


def _resolves_to(token: Token, countries: set[str], actors: DocActors) -> bool:
    found = actors.resolve(token, shallow=True)
    return found is not None and found.actor.country in countries


def _actor_head(token: Token, actors: DocActors) -> bool:
    """Whether a phrase's own head names a person or group: a name, a pronoun, a demonym or group name, a sector
    word ('servicemen', 'people'); not a thing owned or qualified by one ('Russia's aggression')."""
    if token.pos_ in {"PRON", "PROPN"} or token.ent_type_ in {"PERSON", "NORP", "GPE", "ORG"}:
        return True
    if token.i in actors.kb_hits or actors.actor_at(token.i) is not None:
        return True
    return token.pos_ == "NOUN" and actors.kb.sector(token.text) is not None


def _quantified_objects(verb: Token) -> list[Token]:
    """'kidnapped up to 16 advisers': the parser hangs the object on 'up to' as if it were a particle."""
    out = []
    for prt in children(verb):
        if prt.dep_ == "prt" and prt.lower_ == "up":
            out += [o for p in children(prt) if p.lower_ == "to" for o in children(p) if o.dep_ == "pobj"]
    return [o for o in out if any(c.dep_ == "nummod" for c in children(o))]


def _own_means(pattern: Pattern) -> bool:
    """The object is the source's own means ('sent U.S. troops'), except when expelling others' personnel
    ('expelled inspectors of the IAEA' is done to the IAEA)."""
    return pattern.synset in MEANS_SYNSETS and not pattern.code.startswith(EXPEL_PREFIX)


def _stative(verb: Token) -> bool:
    """'is opposed to', 'is committed to': a participle that states its subject's stance, not a passive."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in children(verb)
    )


def _doers_of_act(token: Token) -> list[Token]:
    """Whom a stance on an act is aimed at: its doer ("condemned Russia's invasion of Ukraine", 'backed the
    American strikes'), never whom it was done to ('condemned the invasion of Ukraine' does not condemn Ukraine).
    A token that names no such act is its own target."""
    if token.lemma_.lower() not in ACTS_ON_OF:
        return [token]
    owners = [c for c in children(token) if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.pos_ != "NOUN")]
    return owners + pobjs(token, ("by", "from"))  # ('attacks from Trump', 'the bombing by NATO')


def object_owners(obj: Token) -> list[Token]:
    """Whose the object is: 'rejected a Senegalese peace plan', "Saddam's proposal", 'an offer from Afghanistan',
    'the steps taken by Egypt'."""
    owners = [
        c
        for c in children(obj)
        if (c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.pos_ != "NOUN")) and not backer(c)
    ]
    agents = [
        a
        for c in children(obj)
        if c.dep_ in {"acl", "relcl"}
        for p in children(c)
        if p.dep_ == "agent"
        for a in children(p)
    ]
    return owners + pobjs(obj, ("from", "by", "of")) + [a for a in agents if a.dep_ == "pobj"]


def relative_makers(obj: Token) -> list[Token]:
    """'criticized a deal Germany struck with Russia', 'the plan which Cairo put forward': the subject of a relative
    clause whose gap is its object made the thing (not 'a deal that gives Iran ...', where the thing is the
    subject, nor 'the attack ... in which she insisted')."""
    makers = []
    for clause in (c for c in children(obj) if c.dep_ == "relcl"):
        kids = children(clause)
        relatives = [k for k in kids if k.tag_ in RELATIVE_TAGS]
        relatives += [o for k in kids if k.dep_ == "prep" for o in children(k) if o.tag_ in RELATIVE_TAGS]
        gapped = not any(k.dep_ == "dobj" and k.tag_ not in RELATIVE_TAGS for k in kids)
        if not gapped or any(r.dep_ != "dobj" for r in relatives):
            continue
        makers += [k for k in kids if k.dep_ == "nsubj" and k.tag_ not in RELATIVE_TAGS and k.pos_ != "PRON"]
    return makers


def complement_objects(verb: Token) -> list[Token]:
    """Objects of the verb's 'to' complement: Serbia in 'promised to democratize Serbia' (none in 'vowed not to send
    troops')."""
    out: list[Token] = []
    comps = [c for c in children(verb) if c.dep_ == "xcomp" and not any(g.dep_ == "neg" for g in children(c))]
    comps += [g for p in children(verb) if p.dep_ == "prep" for g in children(p) if g.dep_ == "pcomp"]  # 'called for
    comps += [c for g in comps for c in children(g) if c.dep_ == "conj"]  # destroying ISIS', 'dismantling and ...'
    for comp in comps:
        out += [c for c in children(comp) if c.dep_ in {"dobj", "dative"}] + pobjs(comp, TARGET_PREPS)
    return [t for t in out if t.ent_type_ not in NON_ACTOR_ENTITIES]


def calls_for_ruin(verb: Token) -> bool:
    """An appeal or a demand for an enemy's ruin ('called for the extermination of Israel', 'called for dismantling
    and destroying ISIS'): hostile words about that enemy, which ask nothing of it or of anyone named."""
    asked = [o for p in children(verb) if p.dep_ == "prep" and p.lower_ == "for" for o in children(p)]
    asked += [c for o in asked for c in children(o) if c.dep_ == "conj"]
    ruins = [t for t in asked if t.lemma_.lower() in RUIN_WORDS]
    # (an enemy named, not a tax break: 'called for eliminating the tax treatment of carried interest')
    victims = [o for t in ruins for o in [*children(t), *pobjs(t, ("of",))] if o.dep_ in {"dobj", "pobj"}]
    return any(v.pos_ == "PROPN" or v.ent_type_ in {"GPE", "NORP", "ORG"} for v in victims)


def clause_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb's 'that' clause: the addressee of 'demanded that the US cancel'; and of its 'for X to'
    clause: the addressee of 'pushed for Obama to go public'."""
    kids = children(verb)
    clauses = [c for c in kids if c.dep_ == "ccomp" and not _dashed_before(c, verb)]
    out = [s for c in clauses for s in children(c) if s.dep_ in {"nsubj", "nsubjpass"}]
    for clause in (c for c in kids if c.dep_ == "advcl" and is_infinitive(c)):
        # (parsed as 'pushing [for Obama] [to go public]': the one named before the infinitive is asked to act)
        fors = [p for p in kids if p.dep_ == "prep" and p.lower_ == "for" and p.i < clause.i]
        out += [o for p in fors for o in children(p) if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    return out


def _dashed_before(clause: Token, verb: Token) -> bool:
    """A clause set before the verb with a dash between them is a statement of its own, not what the verb asks
    ('six states want a cap - the Commission has urged an increase'); a quotation fronted with a comma is the
    verb's ('"the president must act," Schiff urged')."""
    if clause.i > verb.i:
        return False
    between = tokens(verb.doc)[clause.right_edge.i + 1 : verb.i]
    return any(t.is_punct and t.text in DASHES for t in between)


def _noun_clause_subjects(noun: Token) -> list[Token]:
    """Subjects of a demand's or an appeal's own clause: the addressee of 'its demand that Israel ease restrictions'
    (the parse may hang the clause on the verb the noun is the object of: 'reiterated its demand that ...') and of
    'its call for the president to resign'."""
    clauses = [c for c in children(noun) if c.dep_ in {"acl", "ccomp", "advcl"}]
    if noun.dep_ == "dobj":
        clauses += [c for c in children(noun.head) if c.dep_ == "ccomp" and c.i > noun.i]
    marked = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ in {"that", "for"} for m in children(c))]
    return [s for c in marked for s in children(c) if s.dep_ in {"nsubj", "nsubjpass"}]


# -------------------------------------------------------------------- nouns


def noun_arguments(noun: Token, pattern: Pattern, obj: Token | None, actors: DocActors) -> Args:
    phrase = _event_phrase(noun)
    if _occasion_of_meeting(phrase, pattern):
        return Args([], [], True)
    heads = [phrase] + ([obj] if obj is not None and not same(obj, phrase) else [])
    # 'the signing of a memorandum ... between A and B': the parties hang on the noun or inside its object,
    # not inside other phrases ('an investigation of collusion between A and B' is not between A and B)
    between = pobjs(phrase, ("between", "among"))
    if obj is not None:
        between += [p for t in obj.subtree for p in pobjs(t, ("between", "among"))]
    parties = resolve_all(between, actors) if between else []
    if len(parties) >= 2 and pattern.symmetric:
        return Args(parties[:1], parties[1:2], True)  # 'talks between A and B'
    source_tokens, target_tokens = _noun_roles(phrase, pattern, obj, actors)
    source_tokens = [t for t in source_tokens if not same(t, noun)]  # 'ten days of war games': not the games
    if pattern.symmetric and any(c.dep_ == "poss" for c in children(phrase)):
        # "ASEAN's meeting of foreign ministers": those it gathers are its own members, not its partners (not
        # "Trump's summit of the G-7", named)
        members = {o.i for o in pobjs(phrase, ("of",)) if o.pos_ == "NOUN" and actors.kb.sector(o.text) is not None}
        source_tokens = [t for t in source_tokens if t.i not in members]
    if len(parties) >= 2:
        target_tokens += between  # 'a mediation mission between A and B' is done by someone else to both
    # ('a meeting on Iran's human rights record', 'talks about Syria': what a meeting is about is no party to it)
    preps = (
        tuple(p for p in NOUN_TARGET_PREPS if p not in TOPIC_PREPS) if pattern.root == MEET_ROOT else NOUN_TARGET_PREPS
    )
    for h in heads:
        target_tokens += pobjs(h, preps)
    verb = support_verb(phrase)
    if verb is not None and not _supports(verb):
        verb = None
    if verb is not None:
        # 'Israel mounted its invasion', 'they continued their strike': the pronoun is the subject
        source_tokens = [t for t in source_tokens if t.lower_ not in REFERRING_PRONOUNS] or verb_subjects(verb)[0]
        # (not those of a verb it is the purpose of: 'came under fire on Capitol Hill for its incursion'; but one
        # comes to a meeting where its partner is: 'came to Washington for talks')
        purpose = phrase.dep_ == "pobj" and phrase.head.lower_ == "for" and pattern.root != MEET_ROOT
        target_tokens += [] if purpose else [t for t in pobjs(verb, TARGET_PREPS) if not same(t, phrase)]
    source_tokens = source_tokens or _owner_of_governing_noun(phrase)
    occasion = _on_the_occasion(phrase, pattern)
    if occasion and all(t.pos_ == "PRON" for t in source_tokens):
        source_tokens = occasion  # ('Obama spoke during his visit': the pronoun is the speaker)
    sources = resolve_all(source_tokens, actors)
    if not sources:
        sources = _national_modifiers(phrase, actors, pattern)
        if len(sources) > 1 and pattern.symmetric:
            return Args(sources[:1], sources[1:2], True)  # 'U.S.-Soviet talks'
        sources = sources[:1]
    owned = any(c.dep_ == "poss" for c in children(phrase))
    if not sources and not owned and verb is not None:
        # 'Putin announced the deployment of a new missile': what is deployed is no actor; who announces does it
        # (not "his attacks": whose they are is said, if not understood)
        sources = resolve_all(verb_subjects(verb)[0], actors)
    target_tokens = [t for t in target_tokens if t.ent_type_ not in NON_ACTOR_ENTITIES]  # 'on Thursday'
    if pattern.symmetric:
        # talks 'for' one's own side are held on its behalf, with someone else ('led the talks for the Trump
        # administration'); for another, with it ('a meeting for the Syrian opposition')
        own = {s.actor.country for s in sources}
        behalf = {o.i for h in heads for o in pobjs(h, ("for",)) if _resolves_to(o, own, actors)}
        target_tokens = [t for t in target_tokens if t.i not in behalf]
    targets = _without(resolve_all(target_tokens, actors, shallow=True), sources)
    named = bool(target_tokens) and names_actor(target_tokens)
    if not sources:
        sources = unplaced(source_tokens, actors)
    if not targets and pattern.root in CLAUSE_TARGET_ROOTS:
        targets = _without(resolve_all(_noun_clause_subjects(phrase), actors, shallow=True), sources)
    if not targets:
        targets = _without(_opposed_modifiers(phrase, actors), sources) or _without(
            unplaced(target_tokens, actors), sources
        )
    if len(sources) > 1 and not targets and pattern.symmetric:
        sources, targets = sources[:1], sources[1:2]  # 'French and Egyptian warships launched war games'
    if pattern.root == MEET_ROOT:
        kept = _consulted(targets, pattern)
        targets, named = kept, named or len(kept) < len(targets)
    return Args(sources, targets, named or bool(targets))


def _consulted(targets: list[ResolvedActor], pattern: Pattern) -> list[ResolvedActor]:
    """The parties a consultation is held with: not the press ('talked with reporters', 'a discussion with
    reporters', 'met the paper's editors' are interviews) and, for talk, not voters or crowds ('spoke with voters
    outside the polls' is campaigning)."""
    excluded = {"MED", "CVL"} if pattern.topic_object else {"MED"}
    return [t for t in targets if t.actor.sector not in excluded]


def _on_the_occasion(noun: Token, pattern: Pattern) -> list[Token]:
    """'Pence said during a visit to Israel', 'Obama, on a trip to Asia, said': whoever speaks or acts during a
    visit or meeting of no one else's is the one making it (only for visits and meetings: who is 'killed during an
    attack' suffers it)."""
    if pattern.root != MEET_ROOT or noun.dep_ != "pobj" or noun.head.lower_ not in VISIT_OCCASION_PREPS:
        return []
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in children(noun)):
        return []  # "during Kerry's visit": whose it is is said
    governor = noun.head.head
    if governor.pos_ in {"NOUN", "PROPN"} and noun.head.dep_ == "prep" and governor.dep_ in {"nsubj", "appos"}:
        return [governor]  # 'Pence, on a visit to Israel, said ...'
    if governor.pos_ not in {"VERB", "AUX"}:
        return []
    subjects, passive = verb_subjects(governor)
    return [] if passive else subjects


def _supports(verb: Token) -> bool:
    """A verb whose subject does what its object noun names: 'staged a rally', 'thousands turned out for a march'
    (not 'turned the murder into a campaign issue')."""
    lemma = verb.lemma_.lower()
    if lemma == "turn":
        return any(c.dep_ == "prt" and c.lower_ in {"out", "up"} for c in children(verb))
    return lemma in SUPPORT_VERBS


def _occasion_of_meeting(noun: Token, pattern: Pattern) -> bool:
    """'Putin and Trump met at the G20 summit': a meeting noun that says where a meeting verb's parties met is
    the occasion of that meeting, not a second one (and its host, 'G20', is no party to it)."""
    if pattern.root != MEET_ROOT or noun.dep_ != "pobj" or noun.head.lower_ not in OCCASION_PREPS:
        return False
    if pattern.code in VISIT_CODES:
        return False  # 'spoke during his visit to Israel': a visit is made, not met at
    verb = noun.head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in MEETING_VERBS


def _event_phrase(noun: Token) -> Token:
    """A trigger modifying a light noun stands for its phrase: 'mediation mission', 'aid deliveries', 'ten days
    of war games', 'a series of attacks'."""
    head = noun.head
    if noun.dep_ == "compound" and head.i != noun.i and head.lemma_.lower() in LIGHT_NOUNS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LIGHT_NOUNS | SPANS:
        return head.head
    return noun


def _noun_roles(noun: Token, pattern: Pattern, obj: Token | None, actors: DocActors) -> tuple[list[Token], list[Token]]:
    """(source tokens, target tokens) from the noun's possessor, 'by X' and 'of X'."""
    possessors = [c for c in children(noun) if c.dep_ == "poss"]
    compounds: list[Token] = []
    by = pobjs(noun, ("by",))
    of = [o for o in pobjs(noun, ("of",)) if not same(o, obj)]
    if pattern.of_target or pattern.root in HARM_ROOTS:
        # 'the Russia investigation', 'the Benghazi attack': a proper-noun modifier names who or where it hit
        compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if pattern.of_target:
        if possessors and not of and not _investigating_body(pattern, possessors, actors):
            return by, possessors + compounds  # "Khashoggi's murder": the possessor suffered it
        return possessors + by, of + compounds
    if pattern.root in HARM_ROOTS and of:
        # 'the U.S. bombing of an airfield', 'the Saudi blockade of Yemen': force is done to the 'of' object (as to
        # a verb's object), so the proper noun before the noun is who does it, not where it hit
        return possessors + by + compounds, of
    return possessors + by + of, compounds


def _investigating_body(pattern: Pattern, possessors: list[Token], actors: DocActors) -> bool:
    """ "The FBI's investigation", "the committee's probe", "its inquiry": an institution's investigation is the one
    it conducts (a person's may be the one they are under: "Clinton's investigation")."""
    if pattern.root != INVESTIGATE_ROOT:
        return False
    found = [actors.resolve(p) for p in possessors]
    return all(f is None or f.actor.kind != "person" for f in found) and not any(
        p.lower_ in PERSON_POSSESSIVES for p in possessors
    )


def _owner_of_governing_noun(noun: Token) -> list[Token]:
    """'the outcome of X's visit' / "X's decision to suspend": the possessor of the noun that governs this one."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in {"nsubj", "dobj", "pobj"}:
        # (only 'of': "her explanation on the Libya attacks" is no attack of hers; nor is what one handles or
        # answers: "her handling of the Benghazi attack")
        if noun.head.head.lemma_.lower() in DEALING_NOUNS:
            return []
        return [c for c in children(noun.head.head) if c.dep_ == "poss"]
    if noun.dep_ in {"xcomp", "acl"}:
        return [c for c in children(noun.head) if c.dep_ == "poss"]
    return []


def _opposed(token: Token) -> bool:
    """A nationality after 'anti': 'anti-Japanese', 'anti - American' (the tokenizer splits the hyphen)."""
    before = [t for t in token.doc[max(token.i - 2, 0) : token.i] if t.text not in {"-", "–"}]
    return bool(before) and before[-1].lower_ in {"anti", "anti-"}


def _opposed_modifiers(noun: Token, actors: DocActors) -> list[ResolvedActor]:
    """Who an act is against when it says so in an adjective: 'anti-Japanese protests' are aimed at Japan."""
    found = []
    for child in noun.lefts:
        if child.dep_ in {"amod", "compound", "nmod"} and child.i in actors.kb_hits and _opposed(child):
            resolved = actors.resolve(child)
            if resolved is not None:
                found.append(resolved)
    return found


def _national_modifiers(noun: Token, actors: DocActors, pattern: Pattern) -> list[ResolvedActor]:
    """Countries named as adjectives or compounds of the noun: 'Israeli airstrikes', 'US sanctions' (for harm done
    to someone only adjectives: 'the Russia investigation' is about Russia)."""
    out: list[ResolvedActor] = []
    for child in noun.lefts:
        if child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        named_for = child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN"  # 'the Iraq and Afghanistan wars'
        if (pattern.of_target or pattern.root in HARM_ROOTS) and named_for:
            hit = actors.kb_hits.get(child.i)
            if hit is None or hit[1].kind != "group":
                continue  # 'the Libya attack' happened in Libya; 'ISIS attacks' are by ISIS
        for t in [child, *conjuncts(child), *(c for c in children(child) if c.dep_ in {"compound", "amod"})]:
            hit = actors.kb_hits.get(t.i)
            if hit is None or _opposed(t):
                continue  # ('anti-Japanese protests' are not by Japan: see `_opposed_modifiers`)
            found = actors.resolve(t)
            if found is not None and all(found.actor is not o.actor for o in out):
                out.append(found)
    return out
