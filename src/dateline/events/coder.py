"""Code CAMEO events from a parsed document: lexicon triggers matched over the dependency parse.

For each verb or noun whose lemma the lexicon knows, the most specific fitting pattern gives the code; the
parse gives the arguments:
  verbs   subject -> source, object / prepositional object -> target; passive: "by X" -> source, subject -> target;
          an open clausal complement or conjunct inherits its governor's subject; a relative clause its noun;
  nouns   possessor or "of X" -> source ("the visit of X", "X's decision"), or the subject of the verb whose object
          the noun is ("X held talks with Y"); "to/with/against/on Y" -> target; "between A and B" -> A, B.
Events are dropped when negated, hypothetical (could, may, would...), conditional or asked as a question; a noun
governed by a verb of intent ("initiated the signing of ...") becomes an expression of intent (03x).
An event without a stated target takes the document's most salient other country, with lower confidence; an
agentless signing of an agreement takes the parties of the agreement last named in the document.
One event is kept per (code, source, target) and article, as GDELT does; later mentions only add weight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import UNKNOWN, DocActors, ResolvedActor
from ..cameo import lookup
from ..model import Event, EventActor, Location, Quote
from .lexicon import Lexicon, Pattern

VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13"}  # codes whose verbs take 'that' clauses
MODALS = {"could", "may", "might", "would", "should", "can", "must", "shall", "ought"}
INTENT_VERBS = {
    "initiate",
    "propose",
    "seek",
    "plan",
    "want",
    "offer",
    "intend",
    "push",
    "call",
    "urge",
    "suggest",
    "hope",
    "aim",
    "prepare",
    "consider",
    "discuss",
}
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "for")
PLACE_PREPS = ("in", "at", "from")  # places, not targets, unless a pattern names them ('arrive in', 'invest in')
NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "for")
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
LIGHT_NOUNS = {
    "application",
    "enforcement",
    "implementation",
    "imposition",
    "use",
    "provision",
    "part",
    "set",
    "package",
    "round",
    "series",
    "kind",
    "type",
    "number",
}
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

# Calibration: confidences are ordinal, not probabilities; tuned by reading seed and corpus output.
CONF_VERB = 0.85
CONF_NOUN = 0.75
CONF_INFERRED_TARGET = 0.45
CONF_INHERITED_PARTIES = 0.4


@dataclass
class _Args:
    sources: list[ResolvedActor]
    targets: list[ResolvedActor]
    explicit_target: bool  # the text names a target phrase, resolved or not


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
    events: list[Event] = []
    seen: dict[tuple[str, str, str], Event] = {}
    last_agreement: tuple[ResolvedActor, ResolvedActor] | None = None
    for token in doc:
        if token.idx < body_start:
            continue
        pos = "verb" if token.pos_ == "VERB" else "noun" if token.pos_ in {"NOUN", "PROPN"} else None
        if pos is None:
            continue
        pattern, obj = _best_pattern(token, pos, lexicon)
        if pattern is None:
            continue
        if pos == "verb" and pattern.code[:2] not in VERBAL_ROOTS and _has_that_clause(token):
            continue  # 'X demonstrated that ...' reports, it does not act
        modality = _modality(token, pos)
        if modality not in {"asserted", "future", "intended"}:
            continue
        code = pattern.code
        if modality == "intended":
            new = INTENT_CODES.get(code[:2])
            if new is None:
                continue
            code = new
        args = _arguments(token, pos, pattern, obj, actors)
        agreement = pattern.synset == "AGREEMENT"
        confidence = CONF_VERB if pos == "verb" else CONF_NOUN
        if not args.sources and agreement and last_agreement is not None and not args.explicit_target:
            args = _Args([last_agreement[0]], [last_agreement[1]], True)
            confidence = CONF_INHERITED_PARTIES
        if not args.sources:
            continue
        if agreement and args.targets:
            last_agreement = (args.sources[0], args.targets[0])
        for source in args.sources:
            targets = args.targets
            inferred = False
            if not targets and not args.explicit_target:
                if pattern.symmetric or modality == "intended":
                    continue  # talks, meetings and agreements need a named partner
                fallback = _fallback_target(source, salient, actors)
                if fallback is None:
                    continue
                targets, inferred = [fallback], True
            for target in targets:
                if target.actor.code == source.actor.code and target.actor.name == source.actor.name:
                    continue
                key = (code, source.actor.country, target.actor.country)
                if key in seen:
                    continue
                event = _make_event(
                    doc,
                    token,
                    code,
                    source,
                    target,
                    inferred,
                    modality,
                    quotes,
                    published,
                    dateline_location,
                    CONF_INFERRED_TARGET if inferred else confidence,
                )
                seen[key] = event
                events.append(event)
    return events


# -------------------------------------------------------------------- pattern matching


def _best_pattern(token: Token, pos: str, lexicon: Lexicon) -> tuple[Pattern | None, Token | None]:
    lemma = token.lemma_.lower()
    for pattern in lexicon.candidates(pos, lemma) + lexicon.candidates(pos, token.lower_):
        if not all(_has_word(token, w) for w in pattern.words):
            continue
        if pattern.synset is None:
            return pattern, None
        obj = _synset_object(token, pos, pattern.synset, lexicon)
        if obj is not None:
            return pattern, obj
    return None, None


def _has_that_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in verb.children)


def _has_word(token: Token, word: str) -> bool:
    """A particle, preposition or fixed word of a pattern: a child or grandchild, or the word just before."""
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            continue
        if child.lower_ == word or child.lemma_.lower() == word:
            return True
        if any(g.lower_ == word or g.lemma_.lower() == word for g in child.children):
            return True
    return token.i > 0 and token.doc[token.i - 1].lemma_.lower() == word


def _candidate_objects(token: Token, pos: str) -> list[Token]:
    objs: list[Token] = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            objs.append(child)
        elif child.dep_ == "prep" or child.dep_ == "agent":
            objs.extend(c for c in child.children if c.dep_ == "pobj")
        elif pos == "noun" and child.dep_ in {"compound", "amod"}:
            objs.append(child)
    if token.dep_ in {"acl", "relcl"} and token.tag_ in {"VBN", "VBD"} and not _is_infinitive(token):
        objs.append(token.head)  # 'the declaration signed in Washington'
    # look through light nouns and coordination: 'the application of Section 907', 'a deal and a treaty'
    for obj in list(objs):
        objs.extend(c for c in obj.children if c.dep_ == "conj")
        if obj.lemma_.lower() in LIGHT_NOUNS:
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objs.extend(c for c in prep.children if c.dep_ == "pobj")
    return objs


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _synset_object(token: Token, pos: str, synset: str, lexicon: Lexicon) -> Token | None:
    for obj in _candidate_objects(token, pos):
        lemma = obj.lemma_.lower()
        if lexicon.in_synset(synset, lemma) or lexicon.in_synset(synset, obj.lower_):
            return obj
        compound = " ".join(t.lemma_.lower() for t in obj.lefts if t.dep_ in {"compound", "amod"}) + " " + lemma
        if lexicon.in_synset(synset, compound.strip()):
            return obj
        if synset in lexicon.law_synsets and obj.ent_type_ == "LAW":
            return obj
    return None


# -------------------------------------------------------------------- modality


def _modality(token: Token, pos: str) -> str:
    if pos == "noun":
        governor = _governing_verb(token)
        if governor is None:
            return "asserted"
        if governor.lemma_.lower() in INTENT_VERBS:
            return "intended"
        return _verb_modality(governor)
    return _verb_modality(token)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, through prepositions: 'held talks', 'led to the signing'."""
    t = noun
    for _ in range(3):
        if t.dep_ in {"dobj", "pobj", "xcomp", "attr", "nsubjpass"}:
            t = t.head
            if t.pos_ in {"VERB", "AUX"}:
                return t
            if t.dep_ != "prep":
                return None
        else:
            return None
    return None


def _verb_modality(verb: Token) -> str:
    chain = [verb]
    t = verb
    while t.dep_ in {"xcomp", "conj"} and t.head.i != t.i:
        t = t.head
        chain.append(t)
    for v in chain:
        for child in v.children:
            if child.dep_ == "neg":
                return "negated"
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in {"if", "unless", "whether"}:
                return "conditional"
        if v.lemma_.lower() in INTENT_VERBS and v is not verb:
            return "intended"
    if verb.sent.text.rstrip().rstrip('"”’').endswith("?"):
        return "question"
    if any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"} for c in verb.children):
        return "future"
    return "asserted"


# -------------------------------------------------------------------- arguments


def _arguments(token: Token, pos: str, pattern: Pattern, obj: Token | None, actors: DocActors) -> _Args:
    if pos == "verb":
        return _verb_arguments(token, pattern, obj, actors)
    return _noun_arguments(token, pattern, obj, actors)


def _resolve_all(tokens: list[Token], actors: DocActors) -> list[ResolvedActor]:
    out: list[ResolvedActor] = []
    for t in tokens:
        for member in [t, *_conjuncts(t)]:
            found = actors.resolve(member)
            if found is not None and all(found.actor is not o.actor for o in out):
                out.append(found)
    return out


def _conjuncts(t: Token) -> list[Token]:
    """Coordinated members: 'A and B', and 'the governments of A and B' (the parse puts B under A)."""
    out = []
    for c in t.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(_conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    out.extend(_conjuncts(pobj))
    return out


def _verb_subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """(active subjects, passive subjects) of a verb, inherited through xcomp/conj/relcl."""
    t = verb
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        passive = [c for c in t.children if c.dep_ == "nsubjpass"]
        if subj or passive:
            return subj, passive
        if t.dep_ == "relcl":
            return [t.head], []
        if t.dep_ == "acl" and _is_infinitive(t):
            # "Trump's decision to suspend ...": the possessor of the noun acts
            return [c for c in t.head.children if c.dep_ == "poss"], []
        if t.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and t.head.i != t.i:
            t = t.head
            continue
        break
    return [], []


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _verb_arguments(verb: Token, pattern: Pattern, obj: Token | None, actors: DocActors) -> _Args:
    subjects, passive = _verb_subjects(verb)
    agents = [c for p in verb.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"]
    target_tokens: list[Token] = []
    if passive or agents:
        source_tokens = agents
        target_tokens = [t for t in passive if not _same(t, obj)]
    else:
        source_tokens = subjects
    if not target_tokens:
        direct = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and not _same(c, obj)]
        preps = tuple(w for w in pattern.words if w in TARGET_PREPS + PLACE_PREPS) or TARGET_PREPS
        target_tokens = direct + _pobjs(verb, preps)
        if obj is not None:
            target_tokens += _pobjs(obj, ("with", "between", "to"))
    sources = _resolve_all(source_tokens, actors)
    targets = [t for t in _resolve_all(target_tokens, actors) if all(t.actor is not s.actor for s in sources)]
    if len(sources) > 1 and not targets and pattern.symmetric:
        sources, targets = sources[:1], sources[1:]  # 'A and B signed a treaty'
    return _Args(sources, targets, bool(target_tokens) and _names_actor_like(target_tokens))


def _noun_arguments(noun: Token, pattern: Pattern, obj: Token | None, actors: DocActors) -> _Args:
    heads = [noun] + ([obj] if obj is not None and not _same(obj, noun) else [])
    source_tokens = [c for c in noun.children if c.dep_ == "poss"]
    target_tokens: list[Token] = []
    of_objs = _pobjs(noun, ("of",))
    if pattern.of_target:
        target_tokens += [o for o in of_objs if not _same(o, obj)]
    elif not source_tokens:
        source_tokens += [o for o in of_objs if not _same(o, obj)]
    between = [p for h in heads for t in h.subtree for p in _pobjs(t, ("between", "among"))]
    if between:
        parties = _resolve_all(between, actors)
        if len(parties) >= 2:
            return _Args(parties[:1], parties[1:2], True)
    for h in heads:
        target_tokens += _pobjs(h, NOUN_TARGET_PREPS)
    if not source_tokens:
        governor = _governing_verb(noun)
        if governor is not None:
            subjects, _passive = _verb_subjects(governor)
            source_tokens = subjects
    if not source_tokens and noun.dep_ == "pobj" and noun.head.head.dep_ in {"nsubj", "dobj", "pobj"}:
        # "X's decision to suspend" / "the outcome of X's visit": the possessor of the governing noun
        source_tokens = [c for c in noun.head.head.children if c.dep_ == "poss"]
    if noun.dep_ in {"xcomp", "acl"}:
        source_tokens = source_tokens or [c for c in noun.head.children if c.dep_ == "poss"]
    sources = _resolve_all(source_tokens, actors)
    targets = [t for t in _resolve_all(target_tokens, actors) if all(t.actor is not s.actor for s in sources)]
    return _Args(sources, targets, bool(target_tokens) and _names_actor_like(target_tokens))


def _same(a: Token | None, b: Token | None) -> bool:
    """spaCy makes a new Token object on every access: compare positions, never identity."""
    return a is not None and b is not None and a.i == b.i


def _names_actor_like(tokens: list[Token]) -> bool:
    """Whether an unresolved target phrase still names someone (then no target is guessed for it)."""
    return any(t.pos_ in {"PROPN", "PRON"} or t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in tokens) or any(
        t.pos_ == "NOUN" and t.lemma_.lower() in {"country", "nation", "government", "party", "side", "state"}
        for t in tokens
    )


# -------------------------------------------------------------------- fallbacks and assembly


def _salient_countries(actors: DocActors) -> list[tuple[str, ResolvedActor]]:
    counts: dict[str, int] = {}
    first: dict[str, ResolvedActor] = {}
    for actor in actors.actors.values():
        if actor.country in {UNKNOWN, ""} or not actor.mentions:
            continue
        counts[actor.country] = counts.get(actor.country, 0) + len(actor.mentions)
        if actor.kind == "country" or actor.country not in first:
            first[actor.country] = ResolvedActor(actor, tuple(actor.mentions[0]), "salience")
    ranked = sorted(counts, key=lambda c: -counts[c])
    return [(c, first[c]) for c in ranked]


def _fallback_target(source: ResolvedActor, salient: list[tuple[str, ResolvedActor]], actors: DocActors):
    for country, resolved in salient:
        if country != source.actor.country:
            return resolved
    return None


def _event_actor(resolved: ResolvedActor, doc: Doc, *, inferred: bool = False) -> EventActor:
    a = resolved.actor
    start, end = resolved.span
    return EventActor(
        doc.text[start:end], (start, end), a.name, a.code, a.country or UNKNOWN, a.sector, inferred=inferred
    )


def _make_event(
    doc, token, code, source, target, inferred, modality, quotes, published, dateline_location, confidence
) -> Event:
    entry = lookup(code)
    sent = token.sent
    sent_span = _trim_sentence(sent)
    trigger_end = token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt":
            trigger_end = max(trigger_end, child.idx + len(child.text))
    in_quote, attributed = _quote_context(token.idx, quotes)
    year = _background_year(token, sent, published)
    return Event(
        code=code,
        root=entry.root,
        name=entry.name,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        source=_event_actor(source, doc),
        target=_event_actor(target, doc, inferred=inferred),
        trigger=doc.text[token.idx : trigger_end],
        trigger_span=(token.idx, trigger_end),
        sentence_span=sent_span,
        date=year or published,
        location=_location(token, sent) or dateline_location,
        in_quote=in_quote,
        attributed_to=attributed,
        background=year is not None,
        modality="asserted" if modality == "intended" else modality,
        confidence=confidence,
    )


def _trim_sentence(sent: Span) -> tuple[int, int]:
    tokens = [t for t in sent if not t.is_space]
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)) if tokens else (sent.start_char, sent.end_char)


def _quote_context(offset: int, quotes: list[Quote]) -> tuple[bool, str | None]:
    for q in quotes:
        if q.content_span[0] <= offset < q.content_span[1]:
            return q.type != "indirect", q.speaker.name
    return False, None


def _background_year(token: Token, sent: Span, published: str | None) -> str | None:
    """A year earlier than publication, said of this clause ('in 1992'), dates a background event."""
    if not published:
        return None
    pub_year = int(published[:4])
    clause_tokens = set(t.i for t in token.subtree)
    head = token
    while head.dep_ not in {"ROOT", "ccomp"} and head.head is not head:
        head = head.head
    clause_tokens |= set(t.i for t in head.subtree)
    for ent in sent.ents:
        if ent.label_ != "DATE" or not any(t.i in clause_tokens for t in ent):
            continue
        m = YEAR.search(ent.text)
        if m and int(m.group(1)) < pub_year and ent.root.head.lower_ in {"in", "since", "during", "by"}:
            return m.group(1)
    return None


def _location(token: Token, sent: Span) -> Location | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                    ent = next((e for e in sent.ents if e.start <= pobj.i < e.end), None)
                    if ent is not None:
                        return Location(ent.text, None)
    return None
