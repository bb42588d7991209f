"""Find the actors of one document and resolve phrases to them.

spaCy's NER proposes candidates; the knowledge base decides. The cascade for a phrase (`DocActors.resolve`):
  1. a person found in the document (full name, last name, possessive), with the role and country inferred
     from a title before the name ("US President Donald Trump") or an apposition after it;
  2. a group named by a sector word with a country modifier ("the US Congress", "Russian troops",
     "the governments of Azerbaijan");
  3. a knowledge-base name: country, capital or seat of government (sector GOV), IGO, named armed group
     (data/actors/armed_groups.yaml: "Hamas" -> PSEREB);
  4. a pronoun ("he", "she") -> the nearest person before it not marked as of the other gender ('Mrs. Clinton',
     'spokesman'); a description ("the analyst", "the president") ->
     the most salient earlier person whose role has that head noun; a description of a group ("the militant
     group", "the rebels") -> the group the text named last; a relative pronoun -> the noun it modifies.
Persons the text gives no country get one, in order, from: a title or apposition; the leaders table
(data/actors/leaders.yaml: heads of state and government with dated terms, so "Putin" is Russian and, on the
article's date, its president); the dateline, for commentators ("political analyst X"); the document's only
country, for holders of state roles ("President Museveni" in an article that names no country but Uganda). A
listed leader keeps the table's state even against a title or apposition naming another (a misread phrase), and an
apposition counts only when it hangs on the name or is closed by a comma.
An envoy "to X" ("Ambassador to the United Nations X") is never X's: a nationality written before the role, else
the article's dominant country, else none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import groupby, takewhile
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..errors import DataFileError
from ..model import UNKNOWN_COUNTRY, Actor
from ..tokens import children, doc_text, head, sentence_root, sentence_start, span_text, tokens, with_pos
from .kb import DATA_DIR, KBEntry, KnowledgeBase, SectorWord

PLACE_NAME_KINDS = frozenset({"country", "capital", "place"})  # knowledge-base entries a person may be named after
# Agreements and meetings named after the city they were made in ('the Paris agreement', 'the Minsk accords')
NAMED_FOR_PLACE = frozenset(
    {"agreement", "accord", "deal", "treaty", "protocol", "convention", "declaration", "process", "talks", "summit"}
    | {"conference", "format", "pact", "communique", "framework", "agenda", "consensus", "charter", "principle"}
)
UNKNOWN = UNKNOWN_COUNTRY  # the country of a side the text does not let us place
# The other side of a relation: "America's allies", 'the allies of the United States', "Russia's neighbours" are
# not the country named (but 'NATO allies' and 'EU partners' are the organisation's members, and "Trump's allies",
# "Likud's allies" a person's or party's compatriots)
RELATIONAL_NOUNS = frozenset(
    {"ally", "partner", "friend", "neighbor", "neighbour", "enemy", "foe", "rival", "adversary"}
)
STATELESS_WORDS = frozenset({"world", "international", "global", "multinational"})
FOREIGN_OFFICES = frozenset({"minister", "ministry", "secretary", "office", "service", "affair", "policy"})
PERSON_PRONOUNS = {"he", "she", "him", "her"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
HONORIFIC_GENDER = {"mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "mme": "f"}
# roles that say the holder's gender; '-man'/'-woman' compounds ('spokeswoman', 'congressman') are read off the word
ROLE_GENDER = {"king": "m", "prince": "m", "queen": "f", "princess": "f", "first lady": "f"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}  # a clause below another
TITLE_WINDOW = 9  # tokens scanned left of a name for its title; newswire titles rarely run longer
STOP_POS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"}
NAME_POS = {"PROPN"}
STATE_ROLE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}  # roles that belong to one country's state
PLACE_KINDS = {"country", "demonym", "capital", "seat", "place"}
SHALLOW_DEPS = {"compound", "amod", "poss", "nmod"}
ATTITUDE_PREFIXES = {"anti", "pro"}
BACKING_WORDS = {"backed", "supported", "sponsored", "funded", "armed", "trained", "aligned", "allied", "affiliated"}
BACKING_WORDS |= {"directed", "controlled"}  # 'Moscow-directed secessionists' are not Moscow's own
TITLE_PREPOSITIONS = {"of", "for"}  # inside a title ('Secretary of State', 'Minister for Europe'); others end it
VETERAN_WORDS = frozenset({"veteran", "vet"})  # 'Iraq war veteran X': a war served in, not a nationality
ACCREDITED_WORDS = {"ambassador", "representative"}  # 'the UN ambassador' is some country's ambassador to the UN
DEFINITE = {"the", "this", "that"}
DASHES = frozenset({"-", "–", "—", "--"})
LANGUAGE_WORDS = frozenset({"language", "speaking", "speaker", "speakers", "medium"})
# 'Soviet-made guns', 'U.S.-supplied missiles': the country made or sold the weapon; whoever uses it is someone else
MAKER_WORDS = frozenset({"made", "built", "designed", "manufactured", "produced", "supplied", "provided", "donated"})
# Occasions named after a person, which a later 'he' does not continue: 'The Putin meeting is the highlight ...'
OCCASION_NOUNS = frozenset(
    {"meeting", "summit", "talk", "visit", "call", "interview", "conference", "trip", "speech", "rally", "hearing"}
)
# Prepositions that attach what a phrase is about, not whose it is: 'lawmakers over a defector', 'anger at Israel'.
TOPIC_PREPS = frozenset(
    {"over", "about", "against", "on", "upon", "toward", "towards", "into", "despite"}
    | {"near", "outside", "beside", "around", "behind"}  # ('demonstrators near the US embassy' are not American)
)
_NAMED_KINDS = {"group", "ngo", "igo"}  # knowledge-base entries a group description may stand for
ARMED_SECTORS = {"REB", "UAF", "INS"}
# what a description of a group may stand for: sectors of named groups (data/actors/armed_groups.yaml) or kinds
# of knowledge-base organisations, by the description's sector word or bare head noun
GROUP_DESCRIPTION_SECTORS = {"REB": ARMED_SECTORS, "UAF": ARMED_SECTORS, "INS": ARMED_SECTORS}
GROUP_DESCRIPTION_KINDS = {"HRI": {"ngo"}, "NGO": {"ngo"}}
GROUP_NOUNS = {
    "group": {"group", "ngo"},
    "organization": {"group", "ngo", "igo"},
    "organisation": {"group", "ngo", "igo"},
}
GROUP_WINDOW_PARAGRAPHS = 1  # a group description looks back to the previous paragraph, no further
# a holder of a role named near a description wins unless another holder is clearly more salient: this many
# times the mentions and at least SALIENCE_MARGIN more
SALIENCE_FACTOR = 2
SALIENCE_MARGIN = 2
# Sectors of a state or an organisation: its people in a city it is named after are still its own
STATE_AND_IGO_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "IGO", "NGO"})
# Countries divided in two whose halves news names as 'the North' and 'the South'
DIVIDED_COUNTRIES = ({"North": "PRK", "South": "KOR"},)
DOMINANT_MIN_MENTIONS = 3  # a document's dominant country: named at least this often, and
DOMINANT_FACTOR = 2  # this many times as often as the next


@dataclass
class ResolvedActor:
    actor: Actor
    span: tuple[int, int]  # character span of the phrase that named it
    via: str
    head: int | None = None  # token index of the phrase's head, where a later step needs it


@dataclass
class DocActors:
    """The actors of one document and the tokens that mention them."""

    doc: Doc
    kb: KnowledgeBase
    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)  # token index -> actor key
    person_keys: list[str] = field(default_factory=list)
    kb_hits: dict[int, tuple[Span, KBEntry]] = field(default_factory=dict)  # token index -> KB span
    default_country: str | None = None
    lone_country: str | None = None  # the only country the document names, if it names exactly one
    posts: dict[str, str] = field(default_factory=dict)  # person key -> where an envoy is posted ('to the UN')
    genders: dict[str, str] = field(default_factory=dict)  # person key -> 'f'/'m', where a title says ('Mrs.')
    _persons: list[int] | None = field(default=None, repr=False)  # sorted token indices of person mentions
    _breaks: list[int] | None = field(default=None, repr=False)  # character offsets of paragraph breaks
    _groups: list[int] | None = field(default=None, repr=False)  # sorted first tokens of named groups' mentions
    _cities: dict[int, tuple[Span, KBEntry]] | None = field(default=None, repr=False)  # see `city_at`

    # ---------------------------------------------------------------- queries

    def actor_at(self, i: int) -> Actor | None:
        key = self.token_actor.get(i)
        return self.actors.get(key) if key else None

    def city_at(self, i: int) -> tuple[Span, KBEntry] | None:
        """The gazetteer city or US state that token `i` names, as a place entry of its country ('attacked churches
        in Lahore' -> Pakistan), for where an act happens or is aimed. No actor: a city does not act, and a name
        the knowledge base knows (a country, a capital) is its hit, not this."""
        if self._cities is None:
            self._cities = _city_hits(self)
        return self._cities.get(i)

    def last_person_before(self, i: int) -> Actor | None:
        for j in self._persons_before(i):
            actor = self.actor_at(j)
            if actor is not None and actor.kind == "person":
                return actor
        return None

    def last_subject_person_before(self, i: int) -> Actor | None:
        """The nearest earlier person mentioned as a subject: what a subject 'he'/'she' usually continues, even
        when another person was named since ('Clinton met Abbas. She will ...'); but see `_clause_person` and,
        within this sentence and the one before, `_central_person`."""
        doc = self.doc
        in_clause = self._clause_person(i)
        if in_clause is not None:
            return in_clause
        central = self._central_person(i)
        if central is not None:
            return central
        toks = tokens(doc)
        for j in self._persons_before(i):
            token = toks[j]
            head_is_subject = token.dep_ in {"compound", "appos"} and head(token).dep_ == "nsubj"
            if _names_occasion(token):
                head_is_subject = False  # ('the Putin meeting was ...' is about a meeting, not about Putin)
            if token.dep_ in {"nsubj", "nsubjpass"} or head_is_subject:
                return self.actor_at(j)
        return None

    def _central_person(self, i: int) -> Actor | None:
        """'The CIA told Obama there was evidence that Putin was involved. He asked ...': a main-clause 'he'
        continues the person the last sentence (or its own words before it) is about, and a person in the main
        clause is what a sentence is about before one in a clause below it: the main clause's subject, else its
        object, before any embedded subject."""
        toks = tokens(self.doc)
        token = toks[i]
        if token.head.i != sentence_root(token):
            return None
        start = sentence_start(token)
        prev_start = sentence_start(toks[start - 1]) if start > 0 else None
        best: tuple[int, int, int] | None = None
        for j in self._persons_before(i):
            if j < start and (prev_start is None or j < prev_start):
                break
            if best is not None and j < start <= -best[2]:
                break  # the pronoun's own sentence named someone: the sentence before is not looked at
            person = toks[j]
            if _names_occasion(person):
                continue  # 'The Putin meeting was the highlight of his visit': an occasion named after him
            arg = head(person) if person.dep_ in {"compound", "appos", "flat"} else person
            if arg.dep_ in {"nsubj", "nsubjpass"} or (arg.dep_ == "pobj" and arg.head.dep_ == "agent"):
                rank = 0  # the agent of a passive ('dispelled by X') is its subject too
            elif arg.dep_ in {"dobj", "dative", "oprd"}:
                rank = 1
            else:
                continue
            depth = sum(1 for a in arg.ancestors if a.dep_ in CLAUSE_DEPS)
            key = (depth, rank, -j)  # shallowest clause, then subject before object, then the nearest
            if best is None or key < best:
                best = key
        return self.actor_at(-best[2]) if best is not None else None

    def _clause_person(self, i: int) -> Actor | None:
        """'The US helped Saddam in a war in which he killed thousands': a subject pronoun in a subordinate or
        relative clause whose governing clause has a subject that is not a person cannot continue that subject;
        it stands for the nearest person named before it in the same sentence. The governing subject is the
        first one found going up from the pronoun's clause, so 'X refused to meet Y, saying he would ..., his
        office said' keeps X; when that subject is a person of the pronoun's gender (as far as the text marks
        it), it is the one meant, over a person named in a clause between them."""
        token = self.doc[i]
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.i == sentence_root(token):
            return None  # a main-clause pronoun: the usual subject continuity applies
        subject = None
        t = token.head
        while t.i != t.head.i and subject is None:
            t = t.head
            subject = next((c for c in children(t) if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:  # none at all (a fragment, a misparse): nothing for the pronoun to continue
            if subject.lower_ in PERSON_PRONOUNS | {"i", "we", "you", "who", "whom"}:
                return None
            found = self._resolve_head(subject)
            if found is not None and found.actor.kind == "person" and self._fits_gender(token, found.actor):
                # 'Pena Nieto was to visit after Trump took office, but he scrapped the trip': the clause's own
                # subject, not a person named in a clause below it; but a 'he' in a quotation is not its speaker
                # ('says Watts: "... and he is divisive"')
                between = tokens(self.doc)[min(subject.i, i) : max(subject.i, i)]
                return None if any(t.is_quote for t in between) else found.actor
            described = self._described_person(subject)
            if described is not None and not any(t.is_quote for t in tokens(self.doc)[subject.i : i]):
                return described  # 'a British minister said she was resigning': the minister, whoever was named
        # a person named only to qualify a thing ('the Putin news conference', 'the Trump administration') is
        # the last choice: another person in the sentence is more likely the one who acts
        toks = tokens(self.doc)
        start = sentence_start(token)
        named = list(takewhile(lambda j: j >= start, self._persons_before(i)))
        named = [j for j in named if self.actor_at(j) is not None and self.actor_at(j).kind == "person"]
        for j in named:
            if not (toks[j].dep_ == "compound" and toks[j].head.pos_ == "NOUN"):
                return self.actor_at(j)
        return self.actor_at(named[0]) if named else None

    def _described_person(self, subject: Token) -> Actor | None:
        """A subject that describes one person by a role ('the British minister', 'the president'): the person or
        the country's group it resolves to."""
        word = self.kb.sector(subject.text) if subject.tag_ == "NN" else None
        if word is None or not word.title:
            return None
        found = self.resolve(subject)
        return found.actor if found is not None and found.actor.country not in {"", UNKNOWN} else None

    def _fits_gender(self, pronoun: Token, person: Actor) -> bool:
        key = next((k for k, a in self.actors.items() if a is person), None)
        marked = self.genders.get(key) if key is not None else None
        return marked is None or marked == PRONOUN_GENDER.get(pronoun.lower_, marked)

    def person_with_role(self, head_lemma: str, before: int, *, former: bool = False) -> Actor | None:
        """'the analyst', 'the president' -> the earlier person holding the role who is meant.

        Newswire writes 'the president' for the role holder the story is about, not for whoever held the title
        last: a story that names Trump a dozen times and Erdogan once, in passing, means Trump. So holders are
        ranked by salience (mentions so far; the most recent on a tie). Recency still decides between holders
        of comparable salience: one named in this paragraph or the one before is taken unless another is clearly
        more salient (SALIENCE_FACTOR times the mentions and SALIENCE_MARGIN more). A former holder ('Former
        President Obama') is only meant by a description that says so (`former`).
        """
        doc = self.doc
        limit = doc[before].idx if before < len(doc) else len(doc_text(doc))
        holders: list[tuple[int, int, Actor]] = []  # (mentions so far, start of the last one, person)
        for actor in self.actors.values():
            if actor.kind != "person" or not actor.role:
                continue
            role_words = actor.role.lower().replace("-", " ").split()
            if not role_words or not _same_noun(role_words[-1], head_lemma):
                continue
            if ("former" in role_words or "ex" in role_words) and not former:
                continue
            starts = [m[0] for m in actor.mentions if m[0] < limit]
            if starts:
                holders.append((len(starts), max(starts), actor))
        if not holders:
            return None
        top = max(holders, key=lambda h: (h[0], h[1]))
        here = self.paragraph(limit)
        near = [h for h in holders if here - self.paragraph(h[1]) <= 1]
        if near:
            local = max(near, key=lambda h: h[1])
            clearly = top[0] >= SALIENCE_FACTOR * local[0] and top[0] - local[0] >= SALIENCE_MARGIN
            if not clearly:
                return local[2]
        return top[2]

    def paragraph(self, char: int) -> int:
        """The paragraph a character offset lies in, counted from 0: blank lines separate paragraphs, or single
        line breaks in a text that has no blank lines."""
        if self._breaks is None:
            text = doc_text(self.doc)
            breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n\s*", text)]
            if not breaks:
                breaks = [m.start() for m in re.finditer(r"\n\s*", text)]
            self._breaks = breaks
        return bisect_right(self._breaks, char)

    def place_counts(self) -> dict[str, int]:
        """How often the document names each country as a place (country, demonym, capital, seat); the dateline
        counts once."""
        counts: dict[str, int] = {}
        seen: set[int] = set()
        for span, entry in self.kb_hits.values():
            if span.start in seen or entry.kind not in PLACE_KINDS:
                continue
            seen.add(span.start)
            counts[entry.country] = counts.get(entry.country, 0) + 1
        if self.default_country:
            counts[self.default_country] = counts.get(self.default_country, 0) + 1
        return counts

    def dominant_country(self, exclude: str | None = None) -> str | None:
        """The country the document is about, if one clearly is: named as a place (country, demonym, capital,
        seat) at least DOMINANT_MIN_MENTIONS times and DOMINANT_FACTOR times as often as any other; the dateline
        counts once. `exclude` leaves a country out (the one an envoy is posted to is never theirs)."""
        counts = self.place_counts()
        counts.pop(exclude or "", None)
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or ranked[0] < DOMINANT_MIN_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[0] < DOMINANT_FACTOR * ranked[1]:
            return None
        return next(c for c, n in counts.items() if n == ranked[0])

    def group_described(self, token: Token) -> ResolvedActor | None:
        """'the militant group', 'the rebels', 'the group': a definite description of a group stands for the
        group the text named last before this sentence, when its sector fits (an armed group for 'the militant
        group', an NGO for 'the rights group') and it was named in this paragraph or the one before. A group
        named earlier in the same sentence is left alone: 'Hezbollah fought the rebels' are two sides."""
        if token.pos_ != "NOUN" or not any(c.lower_ in DEFINITE for c in children(token)):
            return None
        if any(c.dep_ in {"poss", "nummod"} or (c.dep_ == "prep" and c.lower_ == "of") for c in children(token)):
            return None  # 'its fighters', 'the group of seven': someone else's, or a number of people
        mods = [t.text for t in token.lefts if t.dep_ in {"compound", "amod"}]
        word = self.kb.sector(" ".join([*mods, token.text])) if mods else self.kb.sector(token.text)
        sectors: set[str] = set()
        kinds: set[str] = set()
        if word is not None and word.sector is not None:
            sectors = GROUP_DESCRIPTION_SECTORS.get(word.sector, set())
            kinds = GROUP_DESCRIPTION_KINDS.get(word.sector, set())
        elif word is None and not mods:
            kinds = GROUP_NOUNS.get(token.lemma_.lower(), set())
            sectors = ARMED_SECTORS | {"OPP", "PTY"} if "group" in kinds else set()
            kinds = kinds - {"group"}
        if not sectors and not kinds:
            return None
        if self._groups is None:
            self._groups = sorted({span.start for span, entry in self.kb_hits.values() if entry.kind in _NAMED_KINDS})
        sent_start = token.sent.start
        here = self.paragraph(token.idx)
        for k in range(bisect_left(self._groups, sent_start) - 1, -1, -1):
            span, entry = self.kb_hits[self._groups[k]]
            if here - self.paragraph(span.start_char) > GROUP_WINDOW_PARAGRAPHS:
                return None
            if entry.kind in kinds or (entry.kind == "group" and entry.sector in sectors):
                return ResolvedActor(self._entity_actor(entry), _char_span(_np(token)), "description")
        return None

    def _persons_before(self, i: int) -> Iterator[int]:
        """Token indices of person mentions before `i`, nearest first: a bisect, not a scan of the document.

        When `i` is a personal pronoun, persons the text marks as of the other gender ('Mrs. Clinton' for 'he') are
        left out, and 'she'/'her' keeps to the women it marks when one was named in this paragraph or the one
        before: honorifics are rare, and an unmarked name near a 'she' is more often a man's."""
        if self._persons is None:
            self._persons = sorted(j for j, key in self.token_actor.items() if self.actors[key].kind == "person")
        toks = tokens(self.doc)
        gender = PRONOUN_GENDER.get(toks[i].lower_) if i < len(toks) else None
        found = range(bisect_left(self._persons, i) - 1, -1, -1)
        if gender is None:
            yield from (self._persons[k] for k in found)
            return
        here = self.paragraph(toks[i].idx)
        near_women = gender == "f" and any(
            self.genders.get(self.token_actor[self._persons[k]]) == "f"
            and here - self.paragraph(toks[self._persons[k]].idx) <= 1
            for k in found
        )
        for k in found:
            marked = self.genders.get(self.token_actor[self._persons[k]])
            if (marked is not None and marked != gender) or (near_women and marked is None):
                continue
            yield self._persons[k]

    def resolve(self, token: Token, *, shallow: bool = False) -> ResolvedActor | None:
        """The actor an argument phrase (given by its head token) stands for.

        `shallow` looks inside the phrase only at its modifiers and "of" object ("the Senegalese plan", "the
        governments of A"), not at actors named deeper ("the fate of offices in Jerusalem" is not Israel).
        """
        doc = self.doc
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            person = self.last_person_before(token.i)
            return ResolvedActor(person, _char_span(token), "pronoun") if person else None
        if lower in RELATIVE_PRONOUNS and token.dep_ in {"nsubj", "nsubjpass"}:
            verb = token.head
            if verb.dep_ == "relcl":
                return self.resolve(verb.head)
            # a cleft: 'it was Azerbaijan that initiated ...'
            focus = next((c for c in children(verb.head) if c.dep_ == "attr"), None) if verb.dep_ == "ccomp" else None
            return self.resolve(focus) if focus is not None else None
        if token.dep_ == "relcl":
            return None
        found = self._resolve_head(token)
        if found is not None:
            return found
        group = self.group_described(token)
        if group is not None:
            return group
        # 'the analyst', 'the president', 'the Prime Minister': a description of a person named earlier
        titled = token.pos_ == "PROPN" and self.kb.sector(token.text) is not None
        if (token.pos_ == "NOUN" or titled) and any(c.lower_ in {"the", "this"} for c in children(token)):
            former = any(c.lower_ in {"former", "ex"} for c in children(token))
            person = self.person_with_role(token.lemma_.lower(), token.i, former=former)
            if person is not None:
                return ResolvedActor(person, _char_span(doc[token.left_edge.i : token.i + 1]), "description")
        # fall back to an actor inside the phrase: its own modifiers first ("the al-Qaeda network" is al-Qaeda's
        # even when "Osama bin Laden's" comes first), then anything short of a clause
        posted = token.lemma_.lower() in ACCREDITED_WORDS  # 'the U.N. ambassador' is not the UN's
        relational = token.lemma_.lower() in RELATIONAL_NOUNS
        for t in _modifier_tokens(token) + ([] if shallow else _phrase_tokens(token)):
            if t.i == token.i or backer(t) or self.names_the_text(t):
                continue
            found = self._resolve_head(t)
            if found is not None and relational and found.actor.kind == "country":
                return None
            if found is not None and token.lemma_.lower() in VETERAN_WORDS and found.via == "country":
                return None  # 'an Iraq vet': where he served
            if found is not None and not (posted and found.via in {"igo", "ngo"}):
                return found
        return None

    def resolve_in_context(self, token: Token, *, shallow: bool = False) -> ResolvedActor | None:
        """`resolve`, and in a document that names a single country, a bare sector word ("police", "protesters",
        "the government") as that country's group."""
        found = self.resolve(token, shallow=shallow)
        if found is not None or self.lone_country is None or token.pos_ not in {"NOUN", "PROPN"}:
            return found
        if self.regional(token):
            return None  # 'Central American migrants' in an article about Mexico are not Mexico's
        sector = self.kb.sector(token.text)
        entry = self.kb.lookup(self.kb.country_name(self.lone_country) or "")
        if entry is None:
            return None
        if sector is not None and sector.sector is not None:
            return ResolvedActor(self._group(token, sector.sector, entry), _char_span(_np(token)), "document")
        if token.tag_ in {"NNS", "NNPS"} and token.ent_type_ == "NORP" and token.dep_ in {"nsubj", "nsubjpass", "pobj"}:
            # 'Kurds continued their hunger strike' in an article about Turkey alone
            return ResolvedActor(self._group(token, None, entry), _char_span(_np(token)), "document")
        return None

    def names_the_text(self, token: Token) -> bool:
        """A city that names an agreement or a round of talks is where it was made, not its party: 'the Paris
        climate agreement', 'the Minsk accords', 'the Geneva talks' (a country is: 'the Iran deal')."""
        if token.dep_ != "compound" or token.head.lemma_.lower() not in NAMED_FOR_PLACE:
            return False
        entry = self.kb.lookup(token.text)
        return entry.kind in {"capital", "place"} if entry is not None else token.ent_type_ == "GPE"

    def regional(self, head: Token) -> bool:
        """A group the text places in a region no one country owns ('Central American migrants', 'Latin American
        leaders') or in none ('world leaders', 'foreign companies'): its origin is given, and it is none of the
        countries near it."""
        doc, first = head.doc, head.left_edge.i
        words = {t.lower_ for t in tokens(doc)[first : head.i]}
        foreign = "foreign" in words and head.tag_ == "NNS" and head.lemma_.lower() not in FOREIGN_OFFICES
        if words & STATELESS_WORDS or foreign:
            # 'world leaders', 'foreign companies', 'the international community': no one country's (not 'the
            # foreign ministers of Ukraine and Russia', each a country's own)
            return True
        return any(
            self.kb.is_unowned_place(span_text(doc, start, end))
            for end in range(first + 1, head.i + 1)
            for start in range(first, end)
        )

    def coordinated_groups(self, token: Token) -> list[ResolvedActor]:
        """'Hungarian and Romanian officials': besides the first country's group, one per coordinated adjective."""
        sector = head_sector_word(self.kb, token) if token.pos_ in {"NOUN", "PROPN"} else None
        out: list[ResolvedActor] = []
        for mod in (c for c in children(token) if c.dep_ in {"amod", "compound", "nmod"} and c.i in self.kb_hits):
            for conj in (c for c in children(mod) if c.dep_ == "conj" and c.i in self.kb_hits):
                entry = self.kb_hits[conj.i][1]
                if entry.kind in {"igo", "ngo"}:
                    continue
                if sector is not None and sector.sector is not None:
                    actor = self._group(token, sector.sector, entry)
                else:
                    actor = self._entity_actor(entry)
                out.append(ResolvedActor(actor, _char_span(_np(token)), "coordination"))
        return out

    def group_of(self, token: Token, sector: str, owner: Actor) -> ResolvedActor:
        """The group a sector word names when its owner is known from elsewhere ('their forces')."""
        if owner.kind == "group" and owner.sector in {"REB", "UAF"}:
            return ResolvedActor(owner, _char_span(_np(token)), "group")
        entry = KBEntry(owner.name, owner.country, None, "country", owner.name, owner.country)
        return ResolvedActor(self._group(token, sector, entry), _char_span(_np(token)), "owner")

    def _resolve_head(self, token: Token) -> ResolvedActor | None:
        key = self.token_actor.get(token.i)
        if key is not None:
            actor = self.actors[key]
            if actor.kind == "person":
                return ResolvedActor(actor, _char_span(_np(token)), "person")
        hit = self.kb_hits.get(token.i)
        if hit is not None:  # a word inside a knowledge-base name ("People" in "Democratic People's Republic")
            span, entry = hit
            return ResolvedActor(self._entity_actor(entry), _char_span(span), entry.kind)
        sector = head_sector_word(self.kb, token)
        if sector is not None and token.pos_ in {"NOUN", "PROPN"} and not self.regional(token):
            country = self._country_modifier(token)
            if country is not None and country.kind == "group":
                # 'Hamas fighters', 'leaders of the Taliban': members of a named group act as the group
                return ResolvedActor(self._entity_actor(country), _char_span(_np(token)), "group")
            if country is not None:
                return ResolvedActor(self._group(token, sector.sector, country), _char_span(_np(token)), "sector")
        return None

    def _country_modifier(self, token: Token) -> KBEntry | None:
        """The country a sector word is qualified by: 'US Congress', "Russia's army", 'government of Iraq'.

        An organisation before 'ambassador' is where the ambassador is posted, not whose they are ('the U.N.
        ambassador' is a country's ambassador to the UN), so it qualifies nothing. People 'in' a city an
        organisation is named after are the city's country's ('32 people killed at the Brussels airport'; not
        'officials in Brussels', who are the EU's)."""
        posted = token.lemma_.lower() in ACCREDITED_WORDS
        sector = head_sector_word(self.kb, token)
        people = sector is not None and sector.sector not in STATE_AND_IGO_SECTORS

        def fits(hit: KBEntry | None) -> bool:
            return hit is not None and not (posted and hit.kind in {"igo", "ngo"})

        lowest = _after_break(self.doc, token.left_edge.i, token.i)
        for child in children(token):
            if child.i < lowest:
                continue
            if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
                hit = self._kb_in(child)
                if fits(hit):
                    return hit
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
                for pobj in children(child):
                    if pobj.dep_ == "pobj":
                        hit = self._kb_in(pobj)
                        # (people in a city an organisation is named after are that country's: 'the people
                        # killed in bombings at the Brussels airport')
                        named = hit is not None and hit.kind == "igo" and people
                        hit = (self.kb.capital_place(hit.alias) if named else None) or hit
                        if fits(hit):
                            return hit
        # a country written as part of the same compound name ("the Azerbaijani Foreign Ministry")
        for t in tokens(self.doc)[_after_break(self.doc, token.left_edge.i, token.i) : token.i]:
            hit = self.kb_hits.get(t.i)
            if hit is not None and not backer(t) and fits(hit[1]):
                return hit[1]
        return None

    def _kb_in(self, token: Token) -> KBEntry | None:
        lowest = _after_break(token.doc, token.left_edge.i, token.i)
        for t in token.subtree:
            if t.i < lowest:
                continue  # 'USA TODAY\n\nChina's minister': a byline the parser glued on is not the phrase
            hit = self.kb_hits.get(t.i)
            if hit is not None and not backer(t):
                return hit[1]
        return None

    # ---------------------------------------------------------------- building

    def _add(self, actor: Actor, key: str, tokens: Span | Token) -> Actor:
        self._persons = None  # mentions change: rebuild the person index on the next query
        existing = self.actors.get(key)
        if existing is None:
            self.actors[key] = existing = actor
        span = _char_span(tokens)
        if span not in existing.mentions:
            existing.mentions.append(span)
        inside = range(tokens.start, tokens.end) if isinstance(tokens, Span) else [tokens.i]
        for i in inside:
            self.token_actor.setdefault(i, key)
        return existing

    def entity_actor(self, entry: KBEntry) -> Actor:
        """The document's actor for a knowledge-base entry (one per country code or named group)."""
        return self._entity_actor(entry)

    def _entity_actor(self, entry: KBEntry) -> Actor:
        code, key = _entity_key(entry)
        actor = self.actors.get(key)
        if actor is None:
            kind = {"igo": "organization", "ngo": "organization", "group": "group"}.get(entry.kind, "country")
            actor = Actor(entry.name, code, entry.country, entry.sector, kind=kind, inferred_from="knowledge-base")
            self.actors[key] = actor
        return actor

    def _group(self, token: Token, sector: str | None, country: KBEntry) -> Actor:
        code = country.country + (sector or "")
        word = head_sector_word(self.kb, token)
        phrase = word.phrase if word is not None and " " in word.phrase else None  # 'attorney general'
        name = f"{self.kb.country_name(country.country) or country.name} {phrase or token.text}"
        key = f"group:{code}:{token.lemma_.lower()}"
        actor = Actor(
            name, code, country.country, sector, role=phrase or token.lemma_, kind="group", inferred_from="sector"
        )
        return self._add(actor, key, _np(token))


# -------------------------------------------------------------------- document pass


def find_actors(
    doc: Doc,
    kb: KnowledgeBase,
    matcher: PhraseMatcher,
    *,
    default_country: str | None = None,
    published: str | None = None,
) -> DocActors:
    """All actors of a parsed document. `matcher` comes from `kb_matcher` (built once per process).

    `published` (ISO date) picks the leaders' roles in office on that day; without it, their latest.
    """
    actors = DocActors(doc, kb, default_country=default_country)
    _mark_kb_hits(actors, matcher)
    _mark_halves(actors)
    _localise_parties(actors)
    actors.lone_country = _lone_country(actors)
    _mark_persons(actors)
    _apply_leaders(actors, published)
    _apply_lone_country(actors)
    _mark_groups(actors)
    _mark_entities(actors)
    actors._persons = None  # token_actor was also edited directly (surname merges, title tokens)
    return actors


def kb_matcher(nlp, kb: KnowledgeBase) -> PhraseMatcher:
    """A case-insensitive matcher over every knowledge-base alias and armed-group name; lookups then apply the
    case rules."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = sorted({phrase for _label, phrase in kb.patterns()} | set(armed_groups()))
    matcher.add("KB", list(nlp.tokenizer.pipe(phrases)))
    return matcher


def _lookup(kb: KnowledgeBase, text: str) -> KBEntry | None:
    """A knowledge-base name, else a named armed group (the KB, with users' dictionaries, has the last word)."""
    return kb.lookup(text) or _group_lookup(text)


def _inside_outlet_name(kb: KnowledgeBase, doc: Doc, start: int, end: int) -> bool:
    """A match within the run of proper nouns that names a news outlet."""
    toks = tokens(doc)
    left, right = start, end
    while left > 0 and toks[left - 1].pos_ == "PROPN":
        left -= 1
    while right < len(toks) and toks[right].pos_ == "PROPN":
        right += 1
    return (left, right) != (start, end) and kb.is_outlet(span_text(doc, left, right))


def _mark_kb_hits(actors: DocActors, matcher: PhraseMatcher) -> None:
    doc = actors.doc
    matches = [(s, e) for _, s, e in matcher(doc)]  # a Span only for the matches that name someone
    taken: set[int] = set()
    in_names = _inside_person_names(doc)
    surnames = _surnames(doc, in_names)
    for start, end in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(i in taken for i in range(start, end)):
            continue
        text = span_text(doc, start, end)
        entry = _lookup(actors.kb, text)
        if entry is None:
            if actors.kb.is_unowned_place(text):
                taken.update(range(start, end))  # 'the Indian Ocean' names no one, and not India
            continue
        if entry.kind in PLACE_NAME_KINDS and all(i in in_names for i in range(start, end)):
            continue  # 'Lisa Monaco', 'Chad Wolf': part of a person's name, not the country
        if entry.kind == "demonym" and start in in_names and start - 1 in in_names and _surname_form(doc[start]):
            continue  # 'Mark Cuban': a surname after a given name, not a nationality (not 'Iranian Hassan Rouhani')
        if entry.kind == "demonym" and end - start == 1 and _a_surname(doc[start], surnames):
            continue  # 'Cuban' on its own after 'Mark Cuban': the man again ('Cuban officials' are Cuba's)
        if entry.ambiguous and entry.kind == "country" and _given_name(actors.kb, doc, end):
            continue  # 'Chad Olsen' in a list of names the NER did not tag: a given name
        if entry.kind == "demonym" and _names_language(doc, end):
            continue  # 'the Spanish-language network', 'French-speaking Africa': a language, not a nation
        if _names_a_maker(doc, end):
            continue
        if entry.kind in {"capital", "seat", "place"} and _inside_outlet_name(actors.kb, doc, start, end):
            continue  # 'the Washington Post', 'the Jerusalem Post': a newspaper, not the capital's government
        taken.update(range(start, end))
        span = doc[start:end]
        for i in range(start, end):
            actors.kb_hits[i] = (span, entry)


def _mark_halves(actors: DocActors) -> None:
    """'The North said the drills made war an established fact', 'the South's joint drills': in a story that names
    a divided country's half, 'the North' and 'the South' are the halves (not the North of England: the story must
    name one of the halves, and a name that goes on, 'the North Atlantic', is another place)."""
    doc = actors.doc
    named = {entry.country for _, entry in actors.kb_hits.values()}
    for halves in DIVIDED_COUNTRIES:
        if not named & set(halves.values()):
            continue
        for token in tokens(doc):
            country = halves.get(token.text)
            if country is None or token.i in actors.kb_hits or token.i == 0:
                continue
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if doc[token.i - 1].lower_ != "the" or (after is not None and after.pos_ == "PROPN"):
                continue
            entry = actors.kb.lookup(actors.kb.country_name(country) or "")
            if entry is not None:
                actors.kb_hits[token.i] = (doc[token.i : token.i + 1], replace(entry, alias=token.text))


def _localise_parties(actors: DocActors) -> None:
    """'Republican Francois Fillon' in a story about France, 'the Conservatives' in one about Canada: a party name
    that parties of several countries share names the party of the country the text is about, where that country
    has a party of that name; elsewhere the one the name is best known for ('Republicans' in a story about Mexico's
    border are still the US party)."""
    shared = shared_party_names()
    home: str | None = None
    counts: dict[str, int] | None = None
    for i, (span, entry) in list(actors.kb_hits.items()):
        if entry.kind != "group" or entry.alias.casefold() not in shared:
            continue
        if home is None:
            home = actors.dominant_country() or ""
        parties = shared[entry.alias.casefold()]
        local = parties.get(home)
        if local is None and entry.alias.casefold() in common_party_names():
            # a name no party is best known by ('Social Democrats'): the party of the country the text names most
            counts = actors.place_counts() if counts is None else counts
            named = [p for p in (entry, *parties.values()) if counts.get(p.country)]
            local = max(named, key=lambda p: counts[p.country], default=None)
        if local is not None and local.country != entry.country:
            actors.kb_hits[i] = (span, local)


def _given_name(kb: KnowledgeBase, doc: Doc, end: int) -> bool:
    """A country name that is also a given name ('Chad', 'Jordan', 'Georgia') is one when a capitalised proper noun
    that is no title and names nothing follows it ('Chad Olsen', even where the NER calls it an organisation), but
    not 'Jordan King Abdullah' (a title the knowledge base knows) nor 'Israel Friday' (a date)."""
    toks = tokens(doc)
    if end >= len(toks):
        return False
    nxt = toks[end]
    return (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and not nxt.text.isupper()
        and kb.sector(nxt.text) is None
        and kb.lookup(nxt.text) is None
        and nxt.ent_type_ in {"PERSON", "ORG", ""}  # not 'Israel Friday reimposed ...'
    )


def _hyphened_word(doc: Doc, end: int, words: frozenset[str]) -> Token | None:
    """The word in `words` joined by a hyphen right after a name ending at `end` ('Spanish-language')."""
    after = tokens(doc)[end : end + 2]
    return after[1] if len(after) == 2 and after[0].lower_ == "-" and after[1].lower_ in words else None


def _names_language(doc: Doc, end: int) -> bool:
    """A demonym that names a language: followed by '-language' or '-speaking'."""
    return _hyphened_word(doc, end, LANGUAGE_WORDS) is not None


def _names_a_maker(doc: Doc, end: int) -> bool:
    """A name followed by '-made', '-built', '-supplied' on the subject of a clause: where the weapon that acts came
    from, not who fired it. On an object it stays ('tariffs on Mexican-made goods' are aimed at Mexico)."""
    made = _hyphened_word(doc, end, MAKER_WORDS)
    return made is not None and head(made).dep_ in {"nsubj", "nsubjpass"}


def _surname_form(token: Token) -> bool:
    """A singular proper noun ('Cuban', 'English'), not a people ('Turks', 'Greeks', tagged singular or not)."""
    return token.tag_ == "NNP" and not token.text.endswith("s")


def _surnames(doc: Doc, in_names: set[int]) -> dict[str, set[int]]:
    """The last names of the persons' names the NER found (after a given name), each with where it stands."""
    toks = tokens(doc)
    out: dict[str, set[int]] = {}
    for i in in_names:
        if i - 1 in in_names and i + 1 not in in_names:
            out.setdefault(toks[i].text, set()).add(i)
    return out


def _a_surname(token: Token, surnames: dict[str, set[int]]) -> bool:
    """A lone name that is a surname of a person named in the document, used as a noun."""
    if token.dep_ in {"amod", "compound"} or not _surname_form(token):
        return False
    return bool(surnames.get(token.text, set()) - {token.i})


def _inside_person_names(doc: Doc) -> set[int]:
    """Token indices inside the persons' names of two to four proper nouns that the NER found: a country there is a
    given name or surname ('Lisa Monaco'), while a lone 'Jordan' (one token) is left to the rules."""
    inside: set[int] = set()
    toks = tokens(doc)
    for ent in doc.ents:
        if ent.label_ == "PERSON" and 2 <= len(ent) <= 4 and all(t.pos_ == "PROPN" for t in toks[ent.start : ent.end]):
            inside.update(range(ent.start, ent.end))
    return inside


def _leaders_named(actors: DocActors, found: list[Span]) -> list[Span]:
    """Names in the leaders table that NER did not tag as people ('Iran accused the Trump administration', where
    'Trump' is tagged as nothing): a capitalised run of proper nouns that is a listed name, or ends in one."""
    doc = actors.doc
    covered = {i for span in found for i in range(span.start, span.end)}
    free = [t.i for t in with_pos(doc, ["PROPN"]) if t.i not in actors.kb_hits and t.i not in covered]
    table = leaders()
    spans = []
    for start, end in _runs(free):
        last = doc[end - 1]
        if span_text(doc, start, end).casefold() in table:
            spans.append(doc[start:end])
        elif last.text[:1].isupper() and last.text.casefold() in table:
            spans.append(doc[end - 1 : end])
    return spans


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of consecutive indices in a sorted list."""
    for _, group in groupby(enumerate(indices), key=lambda pair: pair[1] - pair[0]):
        run = [i for _, i in group]
        yield run[0], run[-1] + 1


def _mark_persons(actors: DocActors) -> None:
    doc = actors.doc
    candidates: list[Span] = [e for e in doc.ents if e.label_ == "PERSON"]
    toks = tokens(doc)
    # NER misses names after titles and mislabels others: a capitalised run after a title word is a name too
    for t in with_pos(doc, ["PROPN"]):
        if t.i not in actors.kb_hits and t.i > 0:
            prev = toks[t.i - 1]
            sector = actors.kb.sector(prev.text)
            if sector is not None and sector.title and prev.text[:1].isupper():
                end = t.i
                while end < len(toks) and toks[end].pos_ == "PROPN" and end not in actors.kb_hits:
                    end += 1
                candidates.append(doc[t.i : end])
    candidates += _leaders_named(actors, candidates)
    last_names: dict[str, str] = {}
    for span in sorted(candidates, key=lambda s: (s.start, -(s.end - s.start))):
        span = _trim_name(span)
        if span is None:
            continue
        inside = range(span.start, span.end)
        if any(i in actors.kb_hits for i in inside) or any(i in actors.token_actor for i in inside):
            continue
        name = span_text(doc, span.start, span.end)
        if actors.kb.sector(name) is not None or actors.kb.is_outlet(name):
            continue
        last = toks[span.end - 1].text
        key = last_names.get(last)
        known = actors.actors[key].name if key is not None else ""
        if len(span) > 1 and " " in known and known != name:
            key = None  # same surname, another first name: another person (Heydar and Ilham Aliyev)
        title = _title_of(actors, span)
        if key is None:
            key = f"person:{name}"
            if key in actors.actors:
                key = f"person:{name}#{span.start}"
            actors._add(_new_person(actors, name, title), key, span)
            if title.post:
                actors.posts[key] = title.post
            last_names.setdefault(last, key)
            actors.person_keys.append(key)
        else:
            person = actors.actors[key]
            if len(span) > 1 and " " not in person.name:
                person.name = name  # 'Trump' first, 'Donald Trump' later: keep the full name
            if person.role is None and title.role:
                country = title.country
                if country is None and title.post is not None and person.country == UNKNOWN:
                    country = actors.dominant_country(exclude=title.post)  # as for a new person
                _set_role(person, title.role, title.sector, country, title.via)
            if title.post:
                actors.posts[key] = title.post
            actors._add(person, key, span)
        for t in title.tokens:  # 'President' in 'President Ilham Aliyev' stands for the person too
            actors.token_actor.setdefault(t.i, key)
    _merge_surnames(actors)
    _mark_surnames(actors)
    _mark_genders(actors)


def _mark_genders(actors: DocActors) -> None:
    """A person's gender where the text marks it: an honorific ('Mrs. Clinton', 'Mr. Obama') or a gendered role
    ('spokeswoman', 'Queen'). Persons marked both ways (two people sharing a surname) stay unmarked."""
    marks: dict[str, set[str]] = {}
    toks = tokens(actors.doc)
    for t in toks[:-1]:
        gender = HONORIFIC_GENDER.get(t.lower_.rstrip("."))
        key = actors.token_actor.get(t.i + 1)
        if gender is not None and key is not None and actors.actors[key].kind == "person":
            marks.setdefault(key, set()).add(gender)
    for key, actor in actors.actors.items():
        role = (actor.role or "").lower()
        word = role.split()[-1] if role.split() else ""
        gender = ROLE_GENDER.get(role) or ROLE_GENDER.get(word)
        if gender is None and word.endswith(("woman", "women")):
            gender = "f"
        elif gender is None and word.endswith(("sman", "rman")):  # spokesman, congressman, chairman
            gender = "m"
        if gender is not None and actor.kind == "person":
            marks.setdefault(key, set()).add(gender)
    actors.genders = {key: next(iter(g)) for key, g in marks.items() if len(g) == 1}


def _lone_country(actors: DocActors) -> str | None:
    """The only country the document names, its dateline included ('WASHINGTON (AP) - Lawmakers criticized the
    Russian ambassador' names two)."""
    countries = {entry.country for _span, entry in actors.kb_hits.values() if entry.kind in PLACE_KINDS}
    if actors.default_country:
        countries.add(actors.default_country)
    return next(iter(countries)) if len(countries) == 1 else None


def _apply_leaders(actors: DocActors, published: str | None) -> None:
    """Persons named in the leaders table get its country, and its role on the article's date if none is written."""
    table = leaders()
    for actor in actors.actors.values():
        if actor.kind != "person":
            continue
        candidates = table.get(actor.name.casefold())
        if not candidates:
            continue
        # one alias may name several people ('Bush'): the one in office on the day, else the first listed
        dated = [(leader, *leader.on(published)) for leader in candidates]
        _leader, country, term = next((d for d in dated if d[2] is not None), dated[0])
        # the dateline is a guess for commentators ('political analyst X'); the table knows its leaders better
        if actor.country not in {UNKNOWN, ""} and actor.inferred_from != "dateline":
            if actor.country == country or not (_is_state(actors.kb, actor.country) and _is_state(actors.kb, country)):
                continue
            # a written title or apposition that makes a state's leader another state's misread the words around
            # the name ('Assad, closer than the Russian leader would like'): a leader's nationality does not change
            actor.role, actor.sector, actor.inferred_from = None, None, None
        if actor.role is None and term is not None:
            _set_role(actor, term.role, term.sector, country, "leaders")
        else:
            actor.country = country
            actor.code = country + (actor.sector or "")
            actor.inferred_from = actor.inferred_from or "leaders"


def _is_state(kb: KnowledgeBase, code: str) -> bool:
    entry = kb.lookup(kb.country_name(code) or "")
    return entry is not None and entry.kind == "country"


def _apply_lone_country(actors: DocActors) -> None:
    """'President Museveni' in an article whose only country is Uganda is Ugandan."""
    if actors.lone_country is None:
        return
    for key, actor in actors.actors.items():
        if actors.posts.get(key) == actors.lone_country:
            continue  # the ambassador to the only country named is not its own
        if actor.kind == "person" and actor.country == UNKNOWN and actor.sector in STATE_ROLE_SECTORS:
            actor.country = actors.lone_country
            actor.code = actor.country + (actor.sector or "")
            actor.inferred_from = "document"


def _new_person(actors: DocActors, name: str, title: _Title) -> Actor:
    country, via = title.country, title.via
    if country is None and title.post is not None:
        # an envoy 'to X' with no nationality written: the article's main country sends them, if it has one
        country = actors.dominant_country(exclude=title.post)
        via = "document" if country else via
        country = country or UNKNOWN
    # someone described by a role but no country ('political analyst X') is taken to be local to the dateline
    if country is None and title.role and actors.default_country:
        country, via = actors.default_country, "dateline"
    country = country or UNKNOWN
    return Actor(
        name, country + (title.sector or ""), country, title.sector, role=title.role, kind="person", inferred_from=via
    )


def _mark_surnames(actors: DocActors) -> None:
    """Surnames the NER missed or mislabelled ('added Garayev' tagged PRODUCT) still name the person."""
    by_surname = {_surname(a.name): k for k, a in actors.actors.items() if a.kind == "person" and " " in a.name}
    if not by_surname:
        return
    for t in with_pos(actors.doc, ["PROPN"]):
        key = by_surname.get(t.text)
        if key is not None and t.i not in actors.token_actor and t.i in actors.kb_hits and _place_named_for(actors, t):
            del actors.kb_hits[t.i]
        if key is not None and t.i not in actors.token_actor and t.i not in actors.kb_hits:
            actors._add(actors.actors[key], key, t)


def _place_named_for(actors: DocActors, token: Token) -> bool:
    """A lone 'Jordan' or 'Monaco' after 'Rep. Jim Jordan' or 'Lisa Monaco' is the person, when the NER reads it as a
    person or the document names that country no other way (no 'Jordanian', no 'Amman', no 'Kingdom of Jordan')."""
    span, entry = actors.kb_hits[token.i]
    if entry.kind not in PLACE_NAME_KINDS or len(span) != 1:
        return False
    if token.ent_type_ == "PERSON":
        return True
    return all(hit.country != entry.country or s.text == token.text for s, hit in actors.kb_hits.values())


def _merge_surnames(actors: DocActors) -> None:
    """A surname seen before the full name ('Garayev' ... 'Azer Garayev') is the same person."""
    full = {_surname(a.name): k for k, a in actors.actors.items() if a.kind == "person" and " " in a.name}
    for key, actor in list(actors.actors.items()):
        if actor.kind != "person" or " " in actor.name:
            continue
        target_key = full.get(actor.name)
        if target_key is None:
            continue
        target = actors.actors[target_key]
        target.mentions.extend(m for m in actor.mentions if m not in target.mentions)
        target.mentions.sort()
        if target.role is None and actor.role:
            _set_role(target, actor.role, actor.sector, actor.country if actor.country != UNKNOWN else None, "title")
        for i, k in list(actors.token_actor.items()):
            if k == key:
                actors.token_actor[i] = target_key
        del actors.actors[key]


def _surname(name: str) -> str:
    """The word a person is called by on later mentions: the last ('Azer Garayev' -> Garayev), or the first when the
    given name is a hyphenated Korean one that follows the family name ('Moon Jae-in' -> Moon)."""
    words = name.split()
    if len(words) == 2 and "-" in words[1] and words[1][:1].isupper():
        return words[0]
    return words[-1]


def _set_role(person: Actor, role: str, sector: str | None, country: str | None, via: str | None) -> None:
    person.role = role
    person.sector = sector
    if country:
        person.country = country
    person.code = person.country + (sector or "")
    person.inferred_from = via


def _trim_name(span: Span) -> Span | None:
    """Drop possessive endings and leading titles the NER swallowed ('President Aliyev', "Trump's")."""
    start, end = span.start, span.end
    doc = span.doc
    toks = tokens(doc)
    while end > start and (toks[end - 1].tag_ == "POS" or toks[end - 1].pos_ in {"PUNCT", "SPACE"}):
        end -= 1
    while start < end and toks[start].pos_ not in NAME_POS:
        start += 1
    # a name rarely repeats a word back to back: 'Trump Trump' is two mentions run together (a headline list
    # glued to the next sentence); keep the last, which starts the text that follows. The leaders table lists
    # the real ones ('Abdullah Abdullah').
    if span_text(doc, start, end).casefold() not in leaders():
        for k in range(end - 1, start, -1):
            if toks[k].text == toks[k - 1].text:
                start = k
                break
    if end <= start:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return doc[start:end]


@dataclass
class _Title:
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    via: str | None = None
    tokens: tuple[Token, ...] = ()
    post: str | None = None  # 'Ambassador to the United Nations X': where X is posted (UNO), never X's country


def _title_of(actors: DocActors, span: Span) -> _Title:
    """Role, sector and country from a title before the name or an apposition after it."""
    doc = span.doc
    toks = tokens(doc)
    kb = actors.kb
    role_tokens: list[Token] = []
    sector = None
    country = None
    post = None
    j = span.start - 1
    lowest = max(0, span.start - TITLE_WINDOW)
    while j >= lowest:
        t = toks[j]
        if t.pos_ in STOP_POS and t.text not in {"-", "–"} and t.dep_ != "amod":  # 'Jordan's visiting King X'
            break
        if t.text in DASHES and t.whitespace_ and j > 0 and toks[j - 1].whitespace_:
            break  # a dash set off by spaces ends a clause ('linked to Russian spies - Mr. X'), unlike 'pro-Western'
        if t.i in actors.token_actor:
            break
        if t.lower_ == "to" and not role_tokens and j > lowest and kb.sector(toks[j - 1].text) is not None:
            # 'Ambassador to the United Nations Susan Rice': what follows 'to' is the post; a nationality can
            # still come before the role ('U.S. Ambassador to the U.N.'). Once the role is found, 'to' ends the
            # title instead ('offered troops to Lebanon's President X').
            post, country = country, None
            j -= 1
            continue
        if t.pos_ == "ADP" and t.lower_ not in TITLE_PREPOSITIONS:
            break  # 'a terrorist on the battlefield to Vladimir Putin': a title holds no such preposition
        hit = actors.kb_hits.get(t.i)
        accredited = bool(role_tokens) and role_tokens[-1].lower_ in ACCREDITED_WORDS
        if hit is not None and accredited and hit[1].kind in {"igo", "ngo"}:
            post = post or hit[1].country  # 'U.N. Ambassador Susan Rice': posted to the UN, a country's envoy
        elif hit is not None and country is None and not _served_in(hit[1], toks[t.i + 1 : span.start]):
            country = hit[1].country
        if t.is_space:
            break  # a title never runs across a line break
        word = kb.sector(t.text)
        prev = toks[j - 1] if j > 0 else None
        two = kb.sector(f"{prev.text} {t.text}") if prev is not None and prev.pos_ not in {"DET", "SPACE"} else None
        words3 = toks[j - 2 : j + 1] if j > 1 and sector is None else None
        three = kb.sector(span_text(doc, j - 2, j + 1)) if words3 and not any(w.is_space for w in words3) else None
        if three is not None:
            role_tokens = list(toks[j - 2 : j + 1])
            sector = three.sector
            j -= 2
        elif two is not None and sector is None:
            role_tokens = [toks[j - 1], t]
            sector = two.sector
            j -= 1
        elif word is not None and sector is None and t.pos_ in {"NOUN", "PROPN"}:
            role_tokens = [t]
            sector = word.sector
        elif role_tokens and t.pos_ == "ADJ" and t.i == role_tokens[0].i - 1 and hit is None:
            role_tokens.insert(0, t)
        j -= 1
    if role_tokens:
        country = country or _of_country(actors, span)  # 'King Hassan of Morocco'
        return _Title(_role_text(role_tokens), sector, country, "title", tuple(role_tokens), post)
    title = _apposition(actors, span)
    if title.role is None:
        title = _described_by_head(actors, span) or title
    if title.role is None and country is not None:
        return _Title(country=country, via="title")  # 'U.S. envoy'-less 'Russian X': the country alone
    return title


def _served_in(hit: KBEntry, after: list[Token]) -> bool:
    """'Iraq war veteran Tammy Duckworth', 'Vietnam veteran John McCain': a country's name before 'veteran' is where
    the person served, not whose they are ('Iraqi veteran X', a demonym, is a nationality)."""
    return hit.kind == "country" and any(w.lemma_.lower() in VETERAN_WORDS for w in after)


def _described_by_head(actors: DocActors, span: Span) -> _Title | None:
    """'Egypt's foreign minister, Sameh Shoukry, said': the name is in apposition to a role word before it."""
    root = span.root
    if root.dep_ != "appos":
        return None
    head = root.head
    if head.i >= span.start or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    toks = tokens(span.doc)
    before = span.start - 1
    while before > head.i and toks[before].lower_.rstrip(".") in HONORIFIC_GENDER:
        before -= 1  # 'Mr.' is not part of the name the NER found
    if toks[before].text in DASHES and (span.end >= len(toks) or toks[span.end].text not in DASHES):
        return None  # 'linked to Russian spies - Mr. X and Mr. Y face ...': an unclosed dash ends a clause
    phrase = " ".join(t.text for t in head.lefts if t.dep_ in {"compound", "amod"}) + " " + head.text
    word = actors.kb.sector(phrase.strip()) or actors.kb.sector(head.text)
    if word is None:
        return None
    country = actors._country_modifier(head)
    return _Title(word.role, word.sector, country.country if country else None, "apposition", ())


def _of_country(actors: DocActors, span: Span) -> str | None:
    """The country in 'of <country>' right after a titled name ('King Hassan of Morocco')."""
    doc = tokens(span.doc)
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return None
    hit = actors.kb_hits.get(span.end + 1) or actors.kb_hits.get(span.end + 2)  # 'of the Philippines'
    return hit[1].country if hit is not None and hit[1].kind in PLACE_KINDS else None


def _apposition(actors: DocActors, span: Span) -> _Title:
    """'Azer Garayev, a political analyst at ..., said' -> role from the phrase after the comma; 'Kenzo Oshima, the
    United Nations Emergency Relief Coordinator, said' -> at least the organisation or country it names."""
    doc = tokens(span.doc)  # the shared Tokens: indexing the Doc makes new ones
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return _Title()
    role_tokens: list[Token] = []
    sector = None
    country = None
    post = None
    last = None
    for t in doc[span.end + 1 : min(len(doc), span.end + 1 + TITLE_WINDOW)]:
        if t.text in {",", ".", ";"} or (t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod"):  # "Algeria's leading"
            break
        last = t
        hit = actors.kb_hits.get(t.i)
        after_to = bool(role_tokens) and t.i > role_tokens[-1].i + 1 and doc[role_tokens[-1].i + 1].lower_ == "to"
        # 'former governor and ambassador to China': a place after 'to' is where someone was sent, never theirs
        before = doc[t.i - 1] if doc[t.i - 1].pos_ != "DET" else doc[t.i - 2]
        after_to = after_to or (hit is not None and before.lower_ == "to")
        if hit is not None and after_to:  # 'X, the ambassador to the UN': where X is posted, not X's country
            post = post or hit[1].country
            continue
        if hit is not None and country is None:
            country = hit[1].country
        word = actors.kb.sector(t.text) if hit is None else None  # 'Union' in 'the European Union' is no role
        if word is not None and sector is None and t.pos_ in {"NOUN", "PROPN"}:
            role_tokens = [x for x in doc[t.i - 2 : t.i] if x.pos_ == "ADJ" and actors.kb_hits.get(x.i) is None]
            role_tokens.append(t)
            sector = word.sector
    closed = last is not None and last.i + 1 < len(doc) and doc[last.i + 1].text == ","
    if role_tokens and not closed and not any(span.start <= a.i < span.end for a in role_tokens[-1].ancestors):
        # 'Assad, perhaps tighter than the Russian leader wants', 'Lavrov, State Department officials said': a
        # comma after a name opens an apposition only when the phrase hangs on the name or is closed by a comma
        return _Title()
    if role_tokens:
        return _Title(_role_text(role_tokens), sector, country, "apposition", tuple(role_tokens), post)
    if country is not None and closed and last.dep_ == "appos" and doc[span.end + 1].lower_ in {"the", "a", "an"}:
        return _Title(country=country, via="apposition")  # a title the sector words do not know ('Coordinator')
    return _Title()


def _role_text(tokens: list[Token]) -> str:
    text = " ".join(t.text for t in tokens)
    return text[:1].upper() + text[1:] if tokens[-1].pos_ == "PROPN" or tokens[-1].text[:1].isupper() else text


def head_sector_word(kb: KnowledgeBase, token: Token) -> SectorWord | None:
    """The sector word a noun heads, read with the compound nouns right before it: 'attorney general' is a
    government office, though 'general' alone is an officer."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i == token.i:
        start -= 1
    for first in range(start, token.i):
        found = kb.sector(span_text(token.doc, first, token.i + 1))
        if found is not None:
            return found
    return kb.sector(token.text)


def _mark_groups(actors: DocActors) -> None:
    for t in with_pos(actors.doc, ["NOUN", "PROPN"]):
        if t.i in actors.token_actor or t.i in actors.kb_hits:
            continue
        sector = head_sector_word(actors.kb, t)
        if sector is None:
            continue
        country = actors._country_modifier(t)
        if country is not None and country.kind != "group":
            actors._group(t, sector.sector, country)


def _mark_entities(actors: DocActors) -> None:
    seen: set[int] = set()
    for i, (span, entry) in sorted(actors.kb_hits.items()):
        if span.start in seen or i != span.start:
            continue
        seen.add(span.start)
        actor = actors._entity_actor(entry)
        actors._add(actor, _entity_key(entry)[1], span)


# -------------------------------------------------------------------- helpers


def backer(token: Token) -> bool:
    """'Iranian-backed rebels', 'Russian-supported separatists': the country named backs the group, it is not the
    group's own ('Saudi-led coalition' is led, so it stays Saudi)."""
    doc = tokens(token.doc)
    i = token.i
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ATTITUDE_PREFIXES:
        return True  # 'an anti-Syria journalist', 'pro-Russian separatists': a stance, not a nationality
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in BACKING_WORDS


def _entity_key(entry: KBEntry) -> tuple[str, str]:
    """(actor code, actor key) of a knowledge-base entry: one actor per country code, one per named group."""
    if entry.kind == "group":
        return entry.code, f"kb:{entry.code}:{entry.name}"
    code = entry.country + (entry.sector or "") if entry.kind not in {"igo", "ngo"} else entry.country
    return code, f"kb:{code}"


def _names_occasion(token: Token) -> bool:
    """A person's name qualifying an occasion: 'the Putin meeting', 'the Trump interview'."""
    return token.dep_ == "compound" and head(token).lemma_.lower() in OCCASION_NOUNS


def _char_span(tokens: Span | Token) -> tuple[int, int]:
    if isinstance(tokens, Token):
        return (tokens.idx, tokens.idx + len(tokens.text))
    return (tokens.start_char, tokens.end_char)


def _np(token: Token) -> Span:
    """The noun phrase headed by token, without clauses or trailing prepositional phrases beyond 'of X'."""
    doc = token.doc
    toks = tokens(doc)
    start = _after_break(doc, token.left_edge.i, token.i)
    while start < token.i and (toks[start].pos_ in {"DET", "PUNCT"} or toks[start].is_space):
        start += 1  # a blanked header before the body parses as whitespace: never part of a phrase
    end = token.i + 1
    for child in token.rights:
        if (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ in {"compound", "appos", "flat"}:
            end = child.right_edge.i + 1
        else:
            break
    return doc[start:end]


def _after_break(doc: Doc, start: int, end: int) -> int:
    """The first token of `start`..`end` after its last line break: a phrase never runs across one, so a dateline or
    byline the parser hung on a subject ('Cairo\n\nAn Israeli delegation') is cut off."""
    toks = tokens(doc)
    for k in range(end - 1, start - 1, -1):
        if toks[k].is_space and "\n" in toks[k].text:
            return k + 1
    return start


def _modifier_tokens(token: Token) -> list[Token]:
    """The modifiers (and theirs: 'each EU member nation') and "of" object of a phrase's head: where a shallow
    resolution looks."""
    out = sorted((c for c in children(token) if c.dep_ in SHALLOW_DEPS), key=lambda c: c.dep_ == "poss")
    out += [g for c in out if c.dep_ == "compound" for g in children(c) if g.dep_ in SHALLOW_DEPS]
    for prep in children(token):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out.extend(c for c in children(prep) if c.dep_ == "pobj")
    return out


def _phrase_tokens(token: Token) -> list[Token]:
    """Tokens of the phrase under token, nearest first, not descending into clauses nor into a phrase that says
    what the noun is about rather than whose it is ('lawmakers over a North Korean defector')."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop(0)
        out.append(t)
        for child in children(t):
            if child.dep_ in {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "punct", "appos"}:
                continue
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                continue
            stack.append(child)
    return out


def _same_noun(a: str, b: str) -> bool:
    return a == b or a.rstrip("s") == b.rstrip("s")


# -------------------------------------------------------------------- data: armed groups and leaders


class _GroupRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    sector: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = []
    shared: list[str] = []  # names another country's party is known by first ('Republicans', 'Conservatives')
    common: list[str] = []  # names several countries' parties go by, none of them first ('Social Democrats')


class _TermRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    role: str = Field(min_length=1)
    sector: str = Field("GOV", pattern=r"^[A-Z]{3}$")
    start: date = Field(alias="from")
    end: date | None = Field(None, alias="to")
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")


class _LeaderRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = []
    terms: list[_TermRow] = Field(min_length=1)

    def on(self, published: str | None) -> tuple[str, _TermRow | None]:
        """(country, term in office) on a date: the covering term, else only the country of the last term
        before it (or the first term); without a date, the latest term."""
        terms = sorted(self.terms, key=lambda t: t.start)
        day = _parse_date(published)
        if day is None:
            return terms[-1].country or self.country, terms[-1]
        for term in terms:
            if term.start <= day and (term.end is None or day < term.end):
                return term.country or self.country, term
        before = [t for t in terms if t.start <= day] or terms[:1]
        return before[-1].country or self.country, None


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _load_rows(path: Path, model: type[BaseModel]) -> list:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError("DL201", path=str(path), reason=str(exc).splitlines()[0]) from exc
    if not isinstance(data, list):
        raise DataFileError("DL201", path=str(path), reason="expected a YAML list")
    rows = []
    for i, item in enumerate(data, start=1):
        try:
            rows.append(model.model_validate(item))
        except ValidationError as exc:
            raise DataFileError("DL201", path=str(path), reason=f"entry {i}: {exc.errors()[0]['msg']}") from exc
    return rows


@lru_cache(maxsize=1)
def armed_groups() -> dict[str, KBEntry]:
    """Alias -> entry for every named group: armed groups and movements (data/actors/armed_groups.yaml) and
    political parties (data/actors/parties.yaml)."""
    out: dict[str, KBEntry] = {}
    for name in ("armed_groups.yaml", "parties.yaml"):
        for row in _group_rows(name):
            for alias in (row.name, *row.aliases):
                out[alias] = KBEntry(row.name, row.country, row.sector, "group", alias, row.country + row.sector)
            for alias in row.common:  # (the first party listed with a common name stands for it until localised)
                out.setdefault(
                    alias, KBEntry(row.name, row.country, row.sector, "group", alias, row.country + row.sector)
                )
    return out


@lru_cache(maxsize=1)
def shared_party_names() -> dict[str, dict[str, KBEntry]]:
    """Folded name -> {country: entry} for party names several countries' parties go by (parties.yaml `shared` and
    `common`): 'Republicans' is first the US party, but in a story about France it is France's."""
    out: dict[str, dict[str, KBEntry]] = {}
    for row in _group_rows("parties.yaml"):
        for alias in (*row.shared, *row.common):
            entry = KBEntry(row.name, row.country, row.sector, "group", alias, row.country + row.sector)
            out.setdefault(alias.casefold(), {})[row.country] = entry
    return out


@lru_cache(maxsize=1)
def common_party_names() -> frozenset[str]:
    """Folded party names no one country's party is known by first (parties.yaml `common`)."""
    return frozenset(a.casefold() for row in _group_rows("parties.yaml") for a in row.common)


@lru_cache(maxsize=2)
def _group_rows(name: str) -> tuple[_GroupRow, ...]:
    """The validated rows of armed_groups.yaml or parties.yaml, read once."""
    return tuple(_load_rows(DATA_DIR / name, _GroupRow))


@lru_cache(maxsize=1)
def _groups_folded() -> dict[str, KBEntry]:
    return {alias.casefold(): entry for alias, entry in armed_groups().items() if not _is_acronym(alias)}


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return " " not in alias and len(letters) <= 4 and all(c.isupper() for c in letters)


def _group_lookup(text: str) -> KBEntry | None:
    """The knowledge base's case rules: acronyms exactly as written, other names when written capitalised."""
    text = " ".join(text.replace("\u2019", "'").split())
    if text.lower().startswith("the "):
        text = text[4:]
    exact = armed_groups().get(text)
    if exact is not None:
        return exact
    if not text[:1].isupper():
        return None
    return _groups_folded().get(text.casefold())


@lru_cache(maxsize=1)
def leaders() -> dict[str, list[_LeaderRow]]:
    """Folded name or alias -> the leaders it names, in file order (data/actors/leaders.yaml)."""
    out: dict[str, list[_LeaderRow]] = {}
    for row in _load_rows(DATA_DIR / "leaders.yaml", _LeaderRow):
        for alias in dict.fromkeys(a.casefold() for a in (row.name, *row.aliases)):
            out.setdefault(alias, []).append(row)
    return out


def _city_hits(actors: DocActors) -> dict[int, tuple[Span, KBEntry]]:
    """Token index -> (entity, place entry of its country) for the GPE and LOC entities that name a city or US state
    of the gazetteer and hold no knowledge-base hit; an ambiguous name goes to the dateline's country or one the
    document names ('Linden' in a story about New Jersey), else to its most populous namesake."""
    from ..places import PLACE_LABELS, country_hints, load_gazetteer  # the gazetteer loads once, on first need

    gazetteer = load_gazetteer()
    hints = country_hints(actors.default_country, actors.actors.values(), gazetteer)
    hits: dict[int, tuple[Span, KBEntry]] = {}
    for ent in actors.doc.ents:
        if ent.label_ not in PLACE_LABELS or any(i in actors.kb_hits for i in range(ent.start, ent.end)):
            continue
        span = ent[1:] if ent[0].lower_ == "the" else ent
        if not span.text[:1].isupper():
            continue
        found = gazetteer.resolve(span.text, countries=hints)
        country = actors.kb.country_name(found.country) if found is not None and found.kind != "country" else None
        if found is None or country is None:
            continue
        entry = KBEntry(country, found.country, None, "place", found.name, found.country)
        for i in range(span.start, span.end):
            hits[i] = (span, entry)
    return hits
