"""Actors and agents in a sentence, PETRARCH style: dictionary phrases found by longest match, then combined per
noun phrase into CAMEO actor codes ("Dagolath's Deputy Prime Minister" -> DAGGOV, "MSF Arnor diplomat" -> NGOARNGOV).

A noun phrase is read on spaCy's dependency parse: a head noun, its modifiers and its `of`/`from`/`in` phrases
("soldiers from Gondor" -> GONMIL). Coordinated heads are several members ("Lawmakers and officials in Fornost and
Gondor" -> FORLEG, GONLEG, FORGOV, GONGOV); an actor coded with several codes ('FRO/BIL/SAM') is several actors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.petrarch.dictionaries import ActorEntry, AgentEntry, PetrarchDictionaries

NULL_COUNTRY = "---"
# Children that belong to a noun phrase's own words; clauses, coordination and other prepositions do not.
_OUTSIDE = {"conj", "cc", "relcl", "acl", "advcl", "punct", "parataxis", "ccomp", "xcomp", "preconj"}
_PHRASE_PREPOSITIONS = {"of", "from", "in"}  # "soldiers from Gondor": the phrase's country
_OWN_PREPOSITIONS = _PHRASE_PREPOSITIONS | {"between", "among"}  # "ties between Arnor and Gondor" as a subject
_COORDINATORS = {",", "and", "or", "nor", "&"}
_FORMER = {"former", "ex", "ex-"}
_MODIFIER_DEPS = {"compound", "poss", "amod", "nmod", "nummod", "appos", "case", "det", "quantmod"}


@dataclass(frozen=True)
class Mention:
    """A dictionary phrase found in a sentence: tokens `start`..`end`-1 of the sentence's word list."""

    start: int
    end: int
    kind: str  # actor | agent
    entry: ActorEntry | AgentEntry
    codes: tuple[str, ...]  # an actor's codes on the article's date ((): known but not coded); an agent's code


@dataclass(frozen=True)
class Party:
    """One coded side of an event: its code and the words that gave it."""

    code: str
    name: str
    first: int  # word positions in the sentence (inclusive)
    last: int

    @property
    def country(self) -> str:
        return self.code[:3] if len(self.code) >= 3 else NULL_COUNTRY

    @property
    def sector(self) -> str | None:
        return self.code[3:] or None


class SentenceActors:
    """The mentions of one sentence and the parties its noun phrases code to."""

    def __init__(self, words: Sequence[Token], dicts: PetrarchDictionaries, date: str | None) -> None:
        self.words = words
        self.position = {t.i: p for p, t in enumerate(words)}
        self.mentions = find_mentions([_key(t) for t in words], dicts, date, _unlikely(words))
        self.at = {p: m for m in self.mentions for p in range(m.start, m.end)}
        self.starting = {m.start: m for m in self.mentions}
        self.ending = {m.end - 1: m for m in self.mentions}

    def root(self, mention: Mention) -> Token:
        """The mention's syntactic head: its word whose head lies outside it."""
        tokens = self.words[mention.start : mention.end]
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i not in inside or token.head is token:
                return token
        return tokens[-1]

    def first_conjunct(self, token: Token) -> Token:
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        return token

    def group(self, head: Token) -> list[Party]:
        """The parties of the noun phrase headed by `head` and the heads coordinated with it."""
        head = self.first_conjunct(head)
        members = sorted([head, *(c for c in head.conjuncts if c.i > head.i)], key=lambda t: t.i)
        owns = [self._own_positions(m) for m in members]
        bare = {k for k, (m, own) in enumerate(zip(members, owns, strict=True)) if self._bare(m, own)}
        absorbed: set[int] = set()
        coded = []
        for k, member in enumerate(members):
            if k in absorbed:
                continue
            # a bare actor coordinated at the top ("Lawmakers in Fornost and Gondor", read by the parser as
            # "[Lawmakers in Fornost] and [Gondor]") joins the actors of the member before it
            region = set(owns[k]).union(*(owns[j] for j in bare if j > k))
            actors, agents, used = self._member(member, owns[k], region)
            absorbed |= {j for j in bare if j > k and owns[j] & used}
            coded.append((actors, agents, _former(member, owns[k], self.words)))
        borrowed = next((actors for actors, _, _ in coded if actors), [])
        parties: list[Party] = []
        for actors, agents, former in coded:
            if not actors and agents and borrowed:
                actors = borrowed  # "Danish media and government": the government is Danish too
            parties.extend(_combine(actors, agents, former))
        return _unique(parties)

    def group_at(self, mention: Mention) -> list[Party]:
        """The parties a pattern slot ($, +, %) names: the noun phrase the mention heads or modifies ("the European
        Union (EU)"), with its conjuncts; not the phrase it is the object of ("the parliament of Gondor": Gondor)."""
        token = self.root(mention)
        for _ in range(6):
            if token.dep_ in {"compound", "nmod", "amod", "poss", "appos"} and token.head is not token:
                token = token.head
            else:
                break
        return self.group(token)

    def _bare(self, member: Token, own: set[int]) -> bool:
        """A member that is nothing but one actor's name."""
        inside = [m for m in self.mentions if m.start in own]
        return (
            len(inside) == 1
            and inside[0].kind == "actor"
            and self.position.get(member.i, -1) in range(inside[0].start, inside[0].end)
        )

    def _member(
        self, head: Token, own: set[int], region: set[int]
    ) -> tuple[list[tuple[Mention, str]], list[Mention], set[int]]:
        """(actor mentions with each of their codes, agent mentions, positions used) of one member: the actor the
        head itself names, else the first actor in its words; then the actors coordinated with it, by the parse or
        on the surface ("Fornost and the evil awful Gondor"); and the member's agents."""
        inside = [m for m in self.mentions if m.start in region and m.end - 1 in region]
        actors = [m for m in inside if m.kind == "actor"]
        agents = [m for m in inside if m.kind == "agent" and m.start in own]
        if not actors:
            return [], agents, set()
        position = self.position.get(head.i, -1)
        anchor = next((m for m in actors if m.start <= position < m.end), None)
        if anchor is None:
            own_actors = [m for m in actors if m.start in own]
            if not own_actors:
                return [], agents, set()
            anchor = own_actors[0]
        chosen = self._coordinated(anchor, actors)
        used = {p for m in chosen for p in range(m.start, m.end)}
        return [(m, code) for m in chosen for code in m.codes], agents, used

    def _coordinated(self, anchor: Mention, actors: list[Mention]) -> list[Mention]:
        linked = {c.i for c in self.root(anchor).conjuncts}
        chosen = [anchor, *(m for m in actors if m is not anchor and self.root(m).i in linked)]
        ordered = sorted(actors, key=lambda m: m.start)
        k = ordered.index(anchor)
        for step in (-1, 1):  # walk outwards while only "and", commas, articles and adjectives lie between
            j = k
            while 0 <= j + step < len(ordered):
                a, b = sorted((ordered[j], ordered[j + step]), key=lambda m: m.start)
                if not _coordination(self.words[a.end : b.start]):
                    break
                j += step
                if ordered[j] not in chosen:
                    chosen.append(ordered[j])
        return sorted(chosen, key=lambda m: m.start)

    def _own_positions(self, head: Token) -> set[int]:
        """The member's own words: its subtree without clauses, other prepositional phrases and (at the top) the
        heads coordinated with it."""
        own: set[int] = set()
        stack = [head]
        while stack:
            token = stack.pop()
            if token.i in self.position:
                own.add(self.position[token.i])
            for child in token.children:
                if child.dep_ in _OUTSIDE and (token is head or child.dep_ not in {"conj", "cc"}):
                    continue
                if child.dep_ == "prep" and child.lower_ not in _OWN_PREPOSITIONS:
                    continue
                stack.append(child)
        return own

    def phrase_head(self, mention: Mention, stop: Token) -> Token:
        """The noun phrase a mention sits in, for a default target: "Ithilen's president" -> president, "the
        government of Gondor" -> government; never above `stop` (the verb)."""
        token = self.root(mention)
        for _ in range(8):
            if token.dep_ in _MODIFIER_DEPS and token.head is not token and token.head is not stop:
                token = token.head
            elif (
                token.dep_ == "pobj"
                and token.head.lower_ in _PHRASE_PREPOSITIONS
                and token.head.head.pos_ in {"NOUN", "PROPN"}
                and token.head.head is not stop
            ):
                token = token.head.head
            else:
                break
        return token


def find_mentions(
    keys: Sequence[str], dicts: PetrarchDictionaries, date: str | None, unlikely: Sequence[int] = ()
) -> list[Mention]:
    """Dictionary phrases, longest first, left to right; at the same start an actor wins over an equally long
    agent. Actor codes are those in force on `date` (date-restricted codes). `unlikely` words (see `_unlikely`)
    are no actor on their own: 1 no one-word actor or agent, 2 no actor written all in lower case."""
    found: list[Mention] = []
    i = 0
    while i < len(keys):
        actor = dicts.actors.longest_at(keys, i)
        agent = dicts.agents.longest_at(keys, i)
        if unlikely:
            if actor and ((actor[0] == 1 and unlikely[i] >= 1) or all(unlikely[i + k] == 2 for k in range(actor[0]))):
                actor = None
            if agent and agent[0] == 1 and unlikely[i] == 1:
                agent = None
        if actor and (not agent or actor[0] >= agent[0]):
            length, entry = actor
            found.append(Mention(i, i + length, "actor", entry, entry.codes_on(date)))
            i += length
        elif agent:
            length, agent_entry = agent
            found.append(Mention(i, i + length, "agent", agent_entry, (agent_entry.code,)))
            i += length
        else:
            i += 1
    return found


_FUNCTION_WORDS = {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT"}


def _unlikely(words: Sequence[Token]) -> list[int]:
    """Per word: 1 a function word ('us' is no USA, 'it' no IT), 2 a lower-case word ('turkey', 'chad': names of
    countries are capitalised in news text, unless the whole sentence is lower case), 0 otherwise."""
    lower_text = all(not t.text[:1].isupper() for t in words)
    return [1 if t.pos_ in _FUNCTION_WORDS else 2 if t.is_lower and not lower_text else 0 for t in words]


def combine(actor_code: str, agents: Sequence[AgentEntry]) -> str:
    """An actor code with agent codes: '~GOV' goes after ('ARN' -> 'ARNGOV'), 'NGO~' before ('NGOARN'); a code the
    actor already carries is not added twice ('USAGOV' + GOV -> 'USAGOV')."""
    code = actor_code
    for agent in agents:
        if agent.prefix:
            if not code.startswith(agent.code):
                code = agent.code + code
        elif agent.code not in code[3:]:
            code += agent.code
    return code


def _coordination(gap: Sequence[Token]) -> bool:
    """Words between two actors that make them one list: a coordinator, with articles and adjectives around it."""
    if not gap or len(gap) > 5 or not any(t.lower_ in _COORDINATORS for t in gap):
        return False
    return all(
        t.lower_ in _COORDINATORS or t.pos_ in {"DET", "ADJ", "CCONJ"} or (t.is_lower and t.pos_ in {"NOUN", "ADV"})
        for t in gap
    )


def _former(head: Token, own: set[int], words: Sequence[Token]) -> bool:
    """'former security officials': CAMEO codes former officials as elites (ELI) instead of their old role."""
    return any(words[p].lower_ in _FORMER for p in own)


_ELITE = AgentEntry("former", "ELI", False, "CAMEO: former officials are elites")


def _combine(actors: list[tuple[Mention, str]], agents: list[Mention], former: bool = False) -> list[Party]:
    agent_entries = [m.entry for m in agents if isinstance(m.entry, AgentEntry)]
    if former and agent_entries:
        agent_entries = [_ELITE]
    if actors:
        out = []
        for mention, code in actors:
            used = [mention, *agents]
            name = mention.entry.name
            out.append(
                Party(combine(code, agent_entries), name, min(m.start for m in used), max(m.end for m in used) - 1)
            )
        return out
    if agent_entries:
        name = " ".join(e.name for e in agent_entries)
        return [Party(combine(NULL_COUNTRY, agent_entries), name, agents[0].start, agents[-1].end - 1)]
    return []


def _unique(parties: list[Party]) -> list[Party]:
    seen: dict[str, Party] = {}
    for party in parties:
        seen.setdefault(party.code, party)
    return list(seen.values())


def _key(token: Token) -> str:
    from dateline.petrarch.words import key

    return key(token.text)
