"""Find the actors of one document and resolve phrases to them.

spaCy's NER proposes candidates; the knowledge base decides. The cascade for a phrase (`DocActors.resolve`):
  1. a person found in the document (full name, last name, possessive), with the role and country inferred
     from a title before the name ("US President Donald Trump") or an apposition after it;
  2. a group named by a sector word with a country modifier ("the US Congress", "Russian troops",
     "the governments of Azerbaijan");
  3. a knowledge-base name: country, capital or seat of government (sector GOV), IGO;
  4. a pronoun ("he", "she") -> the nearest person before it; a description ("the analyst") -> the nearest
     person whose role has that head noun; a relative pronoun -> the noun it modifies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .kb import KBEntry, KnowledgeBase

UNKNOWN = "---"
PERSON_PRONOUNS = {"he", "she", "him", "her"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
TITLE_WINDOW = 9  # tokens scanned left of a name for its title; newswire titles rarely run longer
STOP_POS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"}
NAME_POS = {"PROPN"}


@dataclass
class ResolvedActor:
    actor: Actor
    span: tuple[int, int]  # character span of the phrase that named it
    via: str


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

    # ---------------------------------------------------------------- queries

    def actor_at(self, i: int) -> Actor | None:
        key = self.token_actor.get(i)
        return self.actors.get(key) if key else None

    def last_person_before(self, i: int) -> Actor | None:
        for j in range(i - 1, -1, -1):
            actor = self.actor_at(j)
            if actor is not None and actor.kind == "person":
                return actor
        return None

    def person_with_role(self, head_lemma: str, before: int) -> Actor | None:
        """'the analyst' -> the nearest earlier person whose role ends in that noun."""
        for j in range(before - 1, -1, -1):
            actor = self.actor_at(j)
            if actor is not None and actor.kind == "person" and actor.role:
                role_words = actor.role.lower().split()
                if role_words and _same_noun(role_words[-1], head_lemma):
                    return actor
        return None

    def resolve(self, token: Token) -> ResolvedActor | None:
        """The actor an argument phrase (given by its head token) stands for."""
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
            focus = next((c for c in verb.head.children if c.dep_ == "attr"), None) if verb.dep_ == "ccomp" else None
            return self.resolve(focus) if focus is not None else None
        if token.dep_ == "relcl":
            return None
        found = self._resolve_head(token)
        if found is not None:
            return found
        # 'the analyst', 'the president': a description of a person named earlier
        if token.pos_ == "NOUN" and any(c.lower_ in {"the", "this"} for c in token.children):
            person = self.person_with_role(token.lemma_.lower(), token.i)
            if person is not None:
                return ResolvedActor(person, _char_span(doc[token.left_edge.i : token.i + 1]), "description")
        # fall back to the nearest actor inside the phrase, stopping at clauses
        for t in _phrase_tokens(token):
            if t.i == token.i:
                continue
            found = self._resolve_head(t)
            if found is not None:
                return found
        return None

    def _resolve_head(self, token: Token) -> ResolvedActor | None:
        key = self.token_actor.get(token.i)
        if key is not None:
            actor = self.actors[key]
            if actor.kind == "person":
                return ResolvedActor(actor, _char_span(_np(token)), "person")
        sector = self.kb.sector(token.text)
        if sector is not None and token.pos_ in {"NOUN", "PROPN"}:
            country = self._country_modifier(token)
            if country is not None:
                return ResolvedActor(self._group(token, sector.sector, country), _char_span(_np(token)), "sector")
        hit = self.kb_hits.get(token.i)
        if hit is not None:
            span, entry = hit
            return ResolvedActor(self._entity_actor(entry), _char_span(span), entry.kind)
        return None

    def _country_modifier(self, token: Token) -> KBEntry | None:
        """The country a sector word is qualified by: 'US Congress', "Russia's army", 'government of Iraq'."""
        for child in token.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
                hit = self._kb_in(child)
                if hit is not None:
                    return hit
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        hit = self._kb_in(pobj)
                        if hit is not None:
                            return hit
        # a country written as part of the same compound name ("the Azerbaijani Foreign Ministry")
        for t in self.doc[token.left_edge.i : token.i]:
            hit = self.kb_hits.get(t.i)
            if hit is not None:
                return hit[1]
        return None

    def _kb_in(self, token: Token) -> KBEntry | None:
        for t in token.subtree:
            hit = self.kb_hits.get(t.i)
            if hit is not None:
                return hit[1]
        return None

    # ---------------------------------------------------------------- building

    def _add(self, actor: Actor, key: str, tokens: Span | Token) -> Actor:
        existing = self.actors.get(key)
        if existing is None:
            self.actors[key] = existing = actor
        span = _char_span(tokens)
        if span not in existing.mentions:
            existing.mentions.append(span)
        toks = tokens if isinstance(tokens, Span) else [tokens]
        for t in toks:
            self.token_actor.setdefault(t.i, key)
        return existing

    def _entity_actor(self, entry: KBEntry) -> Actor:
        code = entry.country + (entry.sector or "") if entry.kind not in {"igo", "ngo"} else entry.country
        key = f"kb:{code}"
        actor = self.actors.get(key)
        if actor is None:
            kind = {"igo": "organization", "ngo": "organization"}.get(entry.kind, "country")
            actor = Actor(entry.name, code, entry.country, entry.sector, kind=kind, inferred_from="knowledge-base")
            self.actors[key] = actor
        return actor

    def _group(self, token: Token, sector: str | None, country: KBEntry) -> Actor:
        code = country.country + (sector or "")
        name = f"{self.kb.country_name(country.country) or country.name} {token.text}"
        key = f"group:{code}:{token.lemma_.lower()}"
        actor = Actor(name, code, country.country, sector, role=token.lemma_, kind="group", inferred_from="sector")
        return self._add(actor, key, _np(token))


# -------------------------------------------------------------------- document pass


def find_actors(
    doc: Doc, kb: KnowledgeBase, matcher: PhraseMatcher, *, default_country: str | None = None
) -> DocActors:
    """All actors of a parsed document. `matcher` comes from `kb_matcher` (built once per process)."""
    actors = DocActors(doc, kb, default_country=default_country)
    _mark_kb_hits(actors, matcher)
    _mark_persons(actors)
    _mark_groups(actors)
    _mark_entities(actors)
    return actors


def kb_matcher(nlp, kb: KnowledgeBase) -> PhraseMatcher:
    """A case-insensitive matcher over every knowledge-base alias; `kb.lookup` then applies the case rules."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = sorted({phrase for _label, phrase in kb.patterns()})
    matcher.add("KB", list(nlp.tokenizer.pipe(phrases)))
    return matcher


def _mark_kb_hits(actors: DocActors, matcher: PhraseMatcher) -> None:
    doc = actors.doc
    spans = [doc[s:e] for _, s, e in matcher(doc)]
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        entry = actors.kb.lookup(span.text)
        if entry is None:
            continue
        taken.update(range(span.start, span.end))
        for t in span:
            actors.kb_hits[t.i] = (span, entry)


def _mark_persons(actors: DocActors) -> None:
    doc = actors.doc
    candidates: list[Span] = [e for e in doc.ents if e.label_ == "PERSON"]
    # NER misses names after titles and mislabels others: a capitalised run after a title word is a name too
    for t in doc:
        if t.pos_ == "PROPN" and t.i not in actors.kb_hits and t.i > 0:
            prev = doc[t.i - 1]
            sector = actors.kb.sector(prev.text)
            if sector is not None and sector.title and prev.text[:1].isupper():
                end = t.i
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].i not in actors.kb_hits:
                    end += 1
                candidates.append(doc[t.i : end])
    last_names: dict[str, str] = {}
    for span in sorted(candidates, key=lambda s: (s.start, -(s.end - s.start))):
        span = _trim_name(span)
        if span is None or any(t.i in actors.kb_hits for t in span) or any(t.i in actors.token_actor for t in span):
            continue
        if actors.kb.sector(span.text) is not None or actors.kb.is_outlet(span.text):
            continue
        last = span[-1].text
        key = last_names.get(last)
        known = actors.actors[key].name if key is not None else ""
        if len(span) > 1 and " " in known and known != span.text:
            key = None  # same surname, another first name: another person (Heydar and Ilham Aliyev)
        title = _title_of(actors, span)
        if key is None:
            key = f"person:{span.text}"
            if key in actors.actors:
                key = f"person:{span.text}#{span.start}"
            actors._add(_new_person(actors, span.text, title), key, span)
            last_names.setdefault(last, key)
            actors.person_keys.append(key)
        else:
            person = actors.actors[key]
            if len(span) > 1 and " " not in person.name:
                person.name = span.text  # 'Trump' first, 'Donald Trump' later: keep the full name
            if person.role is None and title.role:
                _set_role(person, title.role, title.sector, title.country, title.via)
            actors._add(person, key, span)
        for t in title.tokens:  # 'President' in 'President Ilham Aliyev' stands for the person too
            actors.token_actor.setdefault(t.i, key)
    _merge_surnames(actors)
    _mark_surnames(actors)


def _new_person(actors: DocActors, name: str, title: _Title) -> Actor:
    country, via = title.country, title.via
    # someone described by a role but no country ('political analyst X') is taken to be local to the dateline
    if country is None and title.role and actors.default_country:
        country, via = actors.default_country, "dateline"
    country = country or UNKNOWN
    return Actor(
        name, country + (title.sector or ""), country, title.sector, role=title.role, kind="person", inferred_from=via
    )


def _mark_surnames(actors: DocActors) -> None:
    """Surnames the NER missed or mislabelled ('added Garayev' tagged PRODUCT) still name the person."""
    by_surname = {a.name.split()[-1]: k for k, a in actors.actors.items() if a.kind == "person" and " " in a.name}
    for t in actors.doc:
        key = by_surname.get(t.text)
        if key is not None and t.pos_ == "PROPN" and t.i not in actors.token_actor and t.i not in actors.kb_hits:
            actors._add(actors.actors[key], key, t)


def _merge_surnames(actors: DocActors) -> None:
    """A surname seen before the full name ('Garayev' ... 'Azer Garayev') is the same person."""
    full = {a.name.split()[-1]: k for k, a in actors.actors.items() if a.kind == "person" and " " in a.name}
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
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].pos_ == "PUNCT"):
        end -= 1
    while start < end and doc[start].pos_ not in NAME_POS:
        start += 1
    if end <= start:
        return None
    return doc[start:end]


@dataclass
class _Title:
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    via: str | None = None
    tokens: tuple[Token, ...] = ()


def _title_of(actors: DocActors, span: Span) -> _Title:
    """Role, sector and country from a title before the name or an apposition after it."""
    doc = span.doc
    kb = actors.kb
    role_tokens: list[Token] = []
    sector = None
    country = None
    j = span.start - 1
    lowest = max(0, span.start - TITLE_WINDOW)
    while j >= lowest:
        t = doc[j]
        if t.pos_ in STOP_POS and t.text not in {"-", "–"}:
            break
        if t.i in actors.token_actor:
            break
        hit = actors.kb_hits.get(t.i)
        if hit is not None and country is None:
            country = hit[1].country
        word = kb.sector(t.text)
        two = kb.sector(f"{doc[j - 1].text} {t.text}") if j > 0 and doc[j - 1].pos_ != "DET" else None
        if two is not None and sector is None:
            role_tokens = [doc[j - 1], t]
            sector = two.sector
            j -= 1
        elif word is not None and sector is None and t.pos_ in {"NOUN", "PROPN"}:
            role_tokens = [t]
            sector = word.sector
        elif role_tokens and t.pos_ == "ADJ" and t.i == role_tokens[0].i - 1 and hit is None:
            role_tokens.insert(0, t)
        j -= 1
    if role_tokens:
        return _Title(_role_text(role_tokens), sector, country, "title", tuple(role_tokens))
    return _apposition(actors, span)


def _apposition(actors: DocActors, span: Span) -> _Title:
    """'Azer Garayev, a political analyst at ..., said' -> role from the phrase after the comma."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return _Title()
    role_tokens: list[Token] = []
    sector = None
    country = None
    for t in doc[span.end + 1 : min(len(doc), span.end + 1 + TITLE_WINDOW)]:
        if t.text in {",", ".", ";"} or t.pos_ in {"VERB", "AUX"}:
            break
        hit = actors.kb_hits.get(t.i)
        if hit is not None and country is None:
            country = hit[1].country
        word = actors.kb.sector(t.text)
        if word is not None and sector is None and t.pos_ in {"NOUN", "PROPN"}:
            role_tokens = [x for x in doc[t.i - 2 : t.i] if x.pos_ == "ADJ" and actors.kb_hits.get(x.i) is None]
            role_tokens.append(t)
            sector = word.sector
    if role_tokens:
        return _Title(_role_text(role_tokens), sector, country, "apposition", tuple(role_tokens))
    return _Title()


def _role_text(tokens: list[Token]) -> str:
    text = " ".join(t.text for t in tokens)
    return text[:1].upper() + text[1:] if tokens[-1].pos_ == "PROPN" or tokens[-1].text[:1].isupper() else text


def _mark_groups(actors: DocActors) -> None:
    for t in actors.doc:
        if t.i in actors.token_actor or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        sector = actors.kb.sector(t.text)
        if sector is None:
            continue
        country = actors._country_modifier(t)
        if country is not None:
            actors._group(t, sector.sector, country)


def _mark_entities(actors: DocActors) -> None:
    seen: set[int] = set()
    for i, (span, entry) in sorted(actors.kb_hits.items()):
        if span.start in seen or i != span.start:
            continue
        seen.add(span.start)
        actor = actors._entity_actor(entry)
        key = f"kb:{actor.code}"
        actors._add(actor, key, span)


# -------------------------------------------------------------------- helpers


def _char_span(tokens: Span | Token) -> tuple[int, int]:
    if isinstance(tokens, Token):
        return (tokens.idx, tokens.idx + len(tokens.text))
    return (tokens.start_char, tokens.end_char)


def _np(token: Token) -> Span:
    """The noun phrase headed by token, without clauses or trailing prepositional phrases beyond 'of X'."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and doc[start].pos_ in {"DET", "PUNCT"}:
        start += 1
    end = token.i + 1
    for child in token.rights:
        if (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ in {"compound", "appos", "flat"}:
            end = child.right_edge.i + 1
        else:
            break
    return doc[start:end]


def _mention_span(doc: Doc, token: Token, token_actor: dict[int, str]) -> Span:
    key = token_actor[token.i]
    start = token.i
    while start > 0 and token_actor.get(start - 1) == key:
        start -= 1
    end = token.i + 1
    while end < len(doc) and token_actor.get(end) == key:
        end += 1
    return doc[start:end]


def _phrase_tokens(token: Token) -> list[Token]:
    """Tokens of the phrase under token, nearest first, not descending into clauses."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop(0)
        out.append(t)
        for child in t.children:
            if child.dep_ in {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "punct", "appos"}:
                continue
            stack.append(child)
    return out


def _same_noun(a: str, b: str) -> bool:
    return a == b or a.rstrip("s") == b.rstrip("s")
