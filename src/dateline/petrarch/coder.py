"""Coding events with PETRARCH dictionaries over spaCy's parse: verbs, patterns, actors -> `Event`s.

For every verb of a sentence that the verb dictionary lists (by its form, or its lemma for irregular forms):

1. the most specific matching pattern of its block gives the code (else the verb's own code, else the block's);
   the null code '---' means no event;
2. the source is the actor a pattern's `$` names, else the clause's subject (through `is about to`, `and`, relative
   pronouns and pronoun subjects); with a passive `by` phrase, the agent is the source and the subject the target;
3. the target is the actor a pattern's `+` names, else the first actor (or agent) in the verb's phrase to its right,
   leaving out relative clauses and adverbial clauses with their own subject or subordinator ("after crowds
   trashed X"; "to supply X" stays);
4. every source and target party makes an event (compounds: "Arnor and Gondor" -> two); a code written
   'A:B' also makes the reverse event B; a `%` before the verb, or a compound source with no target and a paired
   code, makes events between the compound's members ("Gondor and Osgiliath have renewed ties" [064:064]);
5. events need both a source and a target (PETRARCH's `require_dyad`), and one (source, target, code) is coded once
   per sentence. Sentences with a discard phrase are not coded; a story discard ('+') stops the whole article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.cameo import cameo_table
from dateline.model import Article, Event, EventActor
from dateline.petrarch.actors import Mention, Party, SentenceActors
from dateline.petrarch.dictionaries import EventCode, PetrarchDictionaries, VerbEntry
from dateline.petrarch.patterns import PatternMatcher
from dateline.petrarch.words import key

log = logging.getLogger(__name__)

MODES = ("replace", "add")
CONFIDENCE = 0.5  # PETRARCH gives no confidence; 0.5 says "coded by dictionary pattern, not checked further"
_REGULAR_ENDINGS = ("S", "ED", "ING")  # a form ending so must be listed (or generated) to count: "departes" is not
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_CLIMB = {"xcomp", "conj", "acomp", "aux", "auxpass", "advcl", "pcomp"}
_RELATIVE = {"who", "which", "that", "whom"}
_GOVERNED = {"ccomp", "xcomp", "advcl", "conj"}
_PRONOUNS = {"it", "they", "he", "she", "we", "its", "them"}
# Clauses of the verb that hold other events, not this one's target (and adverbial clauses with a subject or a
# subordinator, below)
_TARGET_OUTSIDE = {"parataxis", "relcl", "mark"}


@dataclass(frozen=True)
class _Verb:
    token: Token
    first: int  # word positions of the whole (multi-word) verb
    last: int
    entries: tuple[VerbEntry, ...]


def code_article(doc: Doc, article: Article, dicts: PetrarchDictionaries, *, body_start: int = 0) -> list[Event]:
    """PETRARCH events of one parsed article (the spaCy Doc of its text)."""
    if dicts.story_discard is not None and dicts.story_discard.search(article.text):
        return []
    events: list[Event] = []
    text = doc.text
    for sent in doc.sents:
        if sent.end_char <= body_start or not sent.text.strip():
            continue
        if dicts.sentence_discard is not None and dicts.sentence_discard.search(sent.text):
            continue
        try:
            events.extend(code_sentence(sent, article.published, dicts, text=text))
        except Exception:  # one odd sentence must not cost the article its other events (nor its quotes)
            log.warning("PETRARCH coding failed in %s; sentence skipped", article.path or article.id, exc_info=True)
    return events


def code_sentence(
    sent: Span, published: str | None, dicts: PetrarchDictionaries, *, text: str | None = None
) -> list[Event]:
    """The events of one sentence; `text` is the document's text (spaCy builds it anew at each `doc.text`)."""
    text = text if text is not None else sent.doc.text
    words = [t for t in sent if not t.is_space]
    if not words:
        return []
    keys = [key(t.text) for t in words]
    actors = SentenceActors(words, dicts, published)
    chunks = _Chunks(sent, actors)
    seen: set[tuple[str, str, str]] = set()
    events: list[Event] = []
    for verb in _verbs(words, keys, dicts):
        for source, target, code in _code_verb(verb, words, keys, actors, chunks, dicts):
            triple = (source.code, target.code, code)
            if triple in seen:
                continue
            seen.add(triple)
            events.append(_event(code, source, target, verb, words, text, published))
    return events


# ------------------------------------------------------------------------------------------------ verbs


def _verbs(words: Sequence[Token], keys: Sequence[str], dicts: PetrarchDictionaries) -> Iterator[_Verb]:
    for p, token in enumerate(words):
        if not (token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.dep_ not in {"aux", "auxpass"})):
            continue
        found = _entries_at(p, keys[p], keys, dicts)
        lemma = key(token.lemma_)
        if not found and lemma != keys[p] and not keys[p].endswith(_REGULAR_ENDINGS):
            found = _entries_at(p, lemma, keys, dicts)  # an irregular form the dictionary does not list: 'sought'
        if found:
            length = max(len(e.words) for e, _ in found)
            longest = [(e, first) for e, first in found if len(e.words) == length]
            first = longest[0][1]
            yield _Verb(token, first, first + length - 1, tuple(e for e, _ in longest))


def _entries_at(p: int, form: str, keys: Sequence[str], dicts: PetrarchDictionaries) -> list[tuple[VerbEntry, int]]:
    """Entries whose head word has this form at p and whose other words stand around it ('cordoned off')."""
    out = []
    for entry in dicts.verbs.entries_for(form):
        first = p - entry.head
        last = first + len(entry.words)
        if first < 0 or last > len(keys):
            continue
        if all(keys[first + k] == w for k, w in enumerate(entry.words) if k != entry.head):
            out.append((entry, first))
    return out


def _code_verb(
    verb: _Verb,
    words: Sequence[Token],
    keys: Sequence[str],
    actors: SentenceActors,
    chunks: _Chunks,
    dicts: PetrarchDictionaries,
) -> list[tuple[Party, Party, str]]:
    positions = actors.position
    right = {positions[t.i] for t in verb.token.subtree if t.i in positions and positions[t.i] > verb.last}
    matcher = PatternMatcher(keys, actors, chunks, dicts.verbs, verb.first, verb.last, right)
    blocks = list(dict.fromkeys(e.block for e in verb.entries))
    match = matcher.best([p for b in blocks for p in dicts.verbs.blocks[b].patterns])
    slots = match.slots if match else {}
    code = match.pattern.code if match else _default_code(verb.entries, dicts)
    if code.null:
        return []
    subject, agent = _subject(verb.token)
    sources = _bound(actors, slots, "source") or _bound(actors, slots, "compound:before")
    if not sources and subject is not None:
        sources = actors.group(agent if agent is not None else subject)
        target = slots.get("target")
        if target is not None and any(p.first <= target.start <= p.last for p in sources):
            # "Falastur noted that Cirith Ungol regretted": the pattern made the subject the target ("NOTED + *"),
            # so the source is the subject of the clause that governs this one
            governing, _ = _subject(verb.token.head) if verb.token.dep_ in _GOVERNED else (None, None)
            sources = actors.group(governing) if governing is not None else []
    if not sources:
        return []
    if "compound:before" in slots:
        return _reciprocal(sources, code)
    targets = _bound(actors, slots, "target") or _bound(actors, slots, "compound:after")
    if not targets and agent is not None and subject is not None:
        targets = actors.group(subject)
    if not targets and "target" not in slots:
        targets = _default_target(verb, actors, sources)
    if not targets:
        # "Gondor and Osgiliath have renewed ties" [064:064]: a paired code is an interaction between the members
        return _reciprocal(sources, code) if code.secondary else []
    out = []
    for source in sources:
        for target in targets:
            if source.code == target.code:
                continue
            if code.primary:
                out.append((source, target, code.primary))
            if code.secondary:
                out.append((target, source, code.secondary))
    return out


def _default_code(entries: Sequence[VerbEntry], dicts: PetrarchDictionaries) -> EventCode:
    """The verb line's code, else its block's; a verb listed in two blocks keeps its first one (as in PETRARCH)."""
    entry = entries[0]
    return entry.code if entry.code is not None else dicts.verbs.blocks[entry.block].code


def _bound(actors: SentenceActors, slots: dict[str, Mention], name: str) -> list[Party]:
    mention = slots.get(name)
    return actors.group_at(mention) if mention is not None else []


def _reciprocal(members: list[Party], code: EventCode) -> list[tuple[Party, Party, str]]:
    """Events between the members of a compound: "Gondor and Osgiliath have delayed their meeting"."""
    out = []
    for a in members:
        for b in members:
            if a.code != b.code and a.country != b.country:
                for one in (code.primary, code.secondary):
                    if one:
                        out.append((a, b, one))
    return out


# ------------------------------------------------------------------------------------------------ syntax


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, Token | None]:
    """(subject, passive agent) of the verb's clause, climbing from infinitives and conjoined verbs to the clause
    that has them; a relative pronoun stands for the noun it modifies, a pronoun for the subject of the clause that
    governs it ("Ethiopia indicated it would act"). A passive infinitive ("to be allowed") has no subject of its own
    to inherit: the climb stops there."""
    clause = verb
    for _ in range(8):
        subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
        if not subjects:  # the parser sometimes hangs the subject on the auxiliary ("The Philippines was ...")
            subjects = [c for a in clause.children if a.dep_ in {"aux", "auxpass"} for c in a.children]
            subjects = [c for c in subjects if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            passive = subject.dep_ in {"nsubjpass", "csubjpass"} or any(c.dep_ == "auxpass" for c in clause.children)
            agent = _passive_agent(clause) if passive else None
            if subject.lower_ in _RELATIVE and clause.dep_ == "relcl":
                return clause.head, agent
            if subject.lower_ in _PRONOUNS and clause.head is not clause and depth < 4:
                governing, _ = _subject(clause.head, depth + 1)
                if governing is not None and governing.lower_ not in _PRONOUNS:
                    return governing, agent
            return subject, agent
        if clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.head.pos_ in {"NOUN", "PROPN"}):
            return clause.head, None
        if clause.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in clause.children):
            break
        if clause.dep_ in _CLIMB and clause.head is not clause:
            clause = clause.head
            continue
        break
    return None, None


def _passive_agent(clause: Token) -> Token | None:
    for child in clause.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _default_target(verb: _Verb, actors: SentenceActors, sources: list[Party]) -> list[Party]:
    """The first actor or agent in the verb's phrase to its right, outside its subordinate clauses."""
    positions = actors.position
    region: set[int] = set()
    stack = [verb.token]
    while stack:
        token = stack.pop()
        if token.i in positions and positions[token.i] > verb.last:
            region.add(positions[token.i])
        for child in token.children:
            if child.dep_ in _TARGET_OUTSIDE or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}):
                continue
            if child.dep_ == "advcl" and any(c.dep_ in {"mark", *_SUBJECTS} for c in child.children):
                continue  # "after crowds trashed its embassy": another event; "to supply Gondor" stays
            stack.append(child)
    taken = {p for party in sources for p in range(party.first, party.last + 1)}
    for mention in actors.mentions:
        if mention.start in region and mention.start not in taken and (mention.codes or mention.kind == "agent"):
            head = actors.phrase_head(mention, verb.token)
            parties = actors.group(head)
            if parties:
                return parties
    return []


class _Chunks:
    """Noun phrases as word positions, for `^`: spaCy's noun chunks and the actor mentions; found only when a
    pattern asks (spaCy walks the whole document for a sentence's noun chunks)."""

    def __init__(self, sent: Span, actors: SentenceActors) -> None:
        self.sent, self.actors = sent, actors
        self._spans: list[tuple[int, int]] | None = None

    def __call__(self) -> list[tuple[int, int]]:
        if self._spans is None:
            positions = self.actors.position
            out = {(m.start, m.end) for m in self.actors.mentions}
            for chunk in self.sent.noun_chunks:
                inside = [positions[t.i] for t in chunk if t.i in positions]
                if inside:
                    out.add((min(inside), max(inside) + 1))
            self._spans = sorted(out)
        return self._spans


# ------------------------------------------------------------------------------------------------ events


def _event(
    code: str,
    source: Party,
    target: Party,
    verb: _Verb,
    words: Sequence[Token],
    text: str,
    published: str | None,
) -> Event:
    root, name, quad_class, goldstein = describe_code(code)
    first, last = words[verb.first], words[verb.last]
    trigger_span = (first.idx, last.idx + len(last.text))
    return Event(
        code=code,
        root=root,
        name=name,
        quad_class=quad_class,
        goldstein=goldstein,
        source=_actor(source, words, text),
        target=_actor(target, words, text),
        trigger=text[trigger_span[0] : trigger_span[1]],
        trigger_span=trigger_span,
        sentence_span=(words[0].idx, words[-1].idx + len(words[-1].text)),
        date=published,
        modality="asserted",
        confidence=CONFIDENCE,
    )


def _actor(party: Party, words: Sequence[Token], text: str) -> EventActor:
    start = words[party.first].idx
    end = words[party.last].idx + len(words[party.last].text)
    country = party.country
    sector = party.sector if country != party.code else None
    return EventActor(text[start:end], (start, end), party.name, party.code, country, sector)


def describe_code(code: str) -> tuple[str, str, int, float]:
    """(root, name, quad_class, goldstein) of a PETRARCH code from our CAMEO table. A code the table lacks ('1717',
    the suite's '903', '174K') takes its nearest listed parent's values and says so in its name; a code with no
    listed root gets QuadClass 0 and Goldstein 0."""
    table = cameo_table()
    digits = "".join(ch for ch in code if ch.isdigit())
    entry = table.get(code)
    if entry is not None:
        return entry.root, entry.name, entry.quad_class, entry.goldstein
    for n in range(len(digits), 1, -1):
        parent = table.get(digits[:n])
        if parent is not None:
            return parent.root, f"{parent.name} (PETRARCH code {code})", parent.quad_class, parent.goldstein
    return digits[:2], f"PETRARCH code {code} (not in the CAMEO table)", 0, 0.0


def merge(ours: list[Event], theirs: list[Event]) -> list[Event]:
    """`add` mode: our events, then PETRARCH's that say nothing new: a PETRARCH event is dropped when one of ours in
    the same sentence has the same root and the same source and target countries."""
    kept = list(ours)
    for event in theirs:
        if not any(_same(event, mine) for mine in ours):
            kept.append(event)
    return sorted(kept, key=lambda e: (e.sentence_span[0], e.trigger_span[0]))


def _same(a: Event, b: Event) -> bool:
    overlap = min(a.sentence_span[1], b.sentence_span[1]) > max(a.sentence_span[0], b.sentence_span[0])
    target_a = a.target.country if a.target else "---"
    target_b = b.target.country if b.target else "---"
    return overlap and a.root == b.root and a.source.country == b.source.country and target_a == target_b
