"""Find event triggers: tokens whose lemma the lexicon knows, with the most specific pattern that fits the parse.

One dict lookup per token decides whether a token can be a trigger at all; only candidates look at their
children. A pattern's fixed words and synset object belong to its event: a trigger named by another trigger's
pattern ("lodged a protest", "cancelled the visit", "attempted to assassinate") is not coded on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, LEMMA, LENGTH, LOWER, POS
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from ..tokens import children, head, memo, sentence_bounds, sentence_start, tokens
from .lexicon import Lexicon, Pattern

# Heads that only measure or package what their modifier names: "aid deliveries", "the application of Section 907".
# Where words were said: 'insisted on BBC Radio 4's Today programme' is no 'insist on'.
BROADCASTS = frozenset({"programme", "program", "show", "radio", "television", "tv", "channel", "interview", "air"})
LIGHT_NOUNS = frozenset(
    {
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
        "dozen",  # amounts: 'carried out dozens of strikes', 'arrested hundreds of protesters'
        "hundred",
        "thousand",
        "wave",
        "spate",
        "string",
        "kind",
        "type",
        "number",
        "program",
        "programme",
        "delivery",
        "shipment",
        "supply",
        "flow",
        "payment",
        "convoy",
        "effort",
        "mission",
        "operation",
        "process",
        "campaign",
        "return",
        "resumption",
        "extension",
        # measures: '25,000 tons of food aid', '$50,000 worth of goods', '70 million dollars of aid'
        "ton",
        "tonne",
        "kilogram",
        "kg",
        "worth",
        "amount",
        "dollar",
        "euro",
        "million",
        "billion",
        "quantity",
        "consignment",
        "batch",
        "load",
        "truckload",
        "shipload",
    }
)
RELATIVES = frozenset({"who", "that", "which", "whom", "whose", "what"})  # (the parser may tag a relative 'that' IN)
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
# Roots whose verbs can take a 'that' clause as what they do ('demanded that', 'warned that'); any other verb with
# one reports rather than acts ('the visit demonstrates that ...', 'it shows the army attacked ...').
CLAUSAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
SKIPPED_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
VERB_PART_DEPS = frozenset({"xcomp", "pcomp", "prt"})  # how a verb named by a pattern hangs on its trigger
GERUND_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "csubj"})
TITLE_LINK_LENGTH = 3  # lower-case words this short may link a run of capitalised ones ('Coalition to Stop Trump')
HEADLINE_SHARE = 0.7  # share of capitalised words (of more than three letters) that marks a title-case line
ASPECT_VERBS = frozenset({"begin", "start", "continue", "keep", "resume", "go", "be"})
THEME_PREPS = frozenset({"with", "in", "of", "to"})  # "supply rebels with arms", "is opposed to mediation"
PARTICLES = frozenset({"over", "out", "up", "off", "down", "back", "in"})  # 'take over', 'take in', 'carry out'
FORCE_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence: the acts a support verb names by kind
PREPOSITIONS = frozenset(
    {"for", "to", "on", "upon", "with", "against", "at", "in", "into", "from", "of", "over", "about", "by", "out"}
)


@dataclass(frozen=True)
class Trigger:
    token: Token
    pos: str  # "verb" | "noun"
    pattern: Pattern
    obj: Token | None  # the token that filled the pattern's synset, if any
    parts: frozenset[int]  # token indices the pattern names (its fixed words and synset object)

    @property
    def code(self) -> str:
        return self.pattern.code

    @property
    def i(self) -> int:
        return self.token.i


def find_triggers(doc: Doc, lexicon: Lexicon, body_start: int = 0) -> list[Trigger]:
    """Every trigger of the document, in text order, without those another trigger's pattern names."""
    found: list[Trigger] = []
    toks = tokens(doc)
    headlines: dict[int, bool] = {}  # sentence start -> whether it is a title-case headline
    possible_headlines: dict[int, int] | None = None
    for i in _candidate_indices(doc, lexicon):
        token = toks[i]
        if token.idx < body_start:
            continue
        pos = _trigger_pos(token)
        if pos is None or lexicon_misses(token, pos, lexicon):
            continue
        start = sentence_start(token)
        if start not in headlines:
            if possible_headlines is None:
                possible_headlines = _possible_headlines(doc)
            end = possible_headlines.get(start)
            headlines[start] = end is not None and _headline(toks, start, end)
        if headlines[start] or _in_title(token, start):
            continue
        trigger = _match(token, pos, lexicon)
        if trigger is not None:
            found.append(_named_kind(trigger, lexicon))
    named = {i for t in found for i in t.parts}
    return [t for t in found if t.i not in named]


# (Lexicon.patterns, every word it has patterns under) by id(Lexicon); the dict is kept to tell a new Lexicon
# that reuses the id of a collected one.
_TRIGGER_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _trigger_words(lexicon: Lexicon) -> frozenset[str]:
    cached = _TRIGGER_WORDS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon.patterns:
        cached = _TRIGGER_WORDS[id(lexicon)] = (lexicon.patterns, lexicon.trigger_lemmas)
    return cached[1]


def _candidate_indices(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indices of the tokens that may be triggers: verbs, nouns and proper nouns whose lemma or word form
    (lowercased) the lexicon has patterns under, of either part of speech. A superset of what `_trigger_pos` and
    `lexicon_misses` accept, read from the Doc's arrays: most tokens are none, and this way they cost no Token."""
    words = _trigger_words(lexicon)
    strings = doc.vocab.strings
    columns = doc.to_array([POS, LEMMA, LOWER])
    # each distinct lemma and word form is looked up once; `inverse` maps the answers back onto the tokens
    lemmas, inverse = numpy.unique(columns[:, 1], return_inverse=True)
    known = numpy.array([strings[h].lower() in words for h in lemmas.tolist()], dtype=bool)[inverse]
    lowers, inverse = numpy.unique(columns[:, 2], return_inverse=True)
    known |= numpy.array([strings[h] in words for h in lowers.tolist()], dtype=bool)[inverse]
    pos = columns[:, 0]
    content = (pos == VERB) | (pos == NOUN) | (pos == PROPN)
    return numpy.flatnonzero(content & known).tolist()


def _possible_headlines(doc: Doc) -> dict[int, int]:
    """Start -> end of the sentences `_headline` may accept, from the Doc's arrays: a word that is all lower case is not
    capitalised, so a sentence whose other words fall short of HEADLINE_SHARE is no headline. Most sentences are
    ruled out this way without a Token."""
    columns = doc.to_array([IS_ALPHA, LENGTH, IS_LOWER])
    words = (columns[:, 0] == 1) & (columns[:, 1] > 3)
    maybe_capitalised = words & (columns[:, 2] == 0)
    n_words = numpy.concatenate([[0], numpy.cumsum(words)]).tolist()  # n_words[e] - n_words[s]: words in s..e
    n_maybe = numpy.concatenate([[0], numpy.cumsum(maybe_capitalised)]).tolist()
    out = {}
    for start, end in sentence_bounds(doc):
        count = n_words[end] - n_words[start]
        if count >= 3 and n_maybe[end] - n_maybe[start] >= HEADLINE_SHARE * count:
            out[start] = end
    return out


def _trigger_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return None if _nominal_gerund(token) else "verb"
    if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_):
        return "noun"  # a proper noun only outside named entities: "March" the month is not a march
    return None


def lexicon_misses(token: Token, pos: str, lexicon: Lexicon) -> bool:
    """The cheap first test: neither the lemma nor the word form is a trigger."""
    return not lexicon.candidates(pos, token.lemma_.lower()) and not lexicon.candidates(pos, token.lower_)


def _headline(toks: list[Token], start: int, end: int) -> bool:
    """A title-case line ('We Interrupt Our Regular Programming to Announce the Surrender'): headlines and captions
    run into the body text, and their verbs are not reports of events. A capitalised verb inside the line is the
    sign ('NATO condemned Russia on Tuesday' has many capitals, but not on its verb). The sentence is
    `toks[start:end]`."""
    in_sent = toks[start:end]
    words = [t for t in in_sent if t.is_alpha and len(t.text) > 3]
    capitalised = sum(1 for t in words if t.text[0].isupper())
    if len(words) < 3 or capitalised < HEADLINE_SHARE * len(words):
        return False
    return any(t.pos_ in {"VERB", "AUX"} and t.text[0].isupper() and t.i > start for t in in_sent)


def _in_title(token: Token, start: int) -> bool:
    """A capitalised word inside a run of capitalised words names something or heads a quoted title: 'the
    Coalition to Stop Trump', "NBC's Meet the Press", 'a release headed Ryan Rebukes Trump as He Captures the
    Nomination'. Short lower-case words ('to', 'the', 'as') may link the run; the sentence's first word is
    capitalised anyway."""
    if token.i == start or not token.text[:1].isupper():
        return False
    toks = tokens(token.doc)
    return _capitalised_neighbour(toks, token.i, -1, start) and _capitalised_neighbour(toks, token.i, 1, start)


def _capitalised_neighbour(toks: list[Token], i: int, step: int, start: int) -> bool:
    """Whether the nearest word before (step -1) or after (step 1) position i, past linking words, is capitalised
    (the sentence's first word does not count: it is capitalised anyway)."""
    j = i + step
    while start <= j < len(toks) and not (step == 1 and toks[j].is_sent_start):
        t = toks[j]
        if t.is_alpha and not (t.is_lower and len(t.text) <= TITLE_LINK_LENGTH):
            return t.text[0].isupper() and t.i != start
        if not t.is_alpha and t.text not in {"'s", "’s", "-"} and not t.is_quote:
            return False  # (quotation marks may open or close the title: "NBC's ''Meet the Press''")
        j += step
    return False


def _nominal_gerund(verb: Token) -> bool:
    """A gerund used as a noun phrase reports no act of its own ('the law restricts providing aid'), unless an
    aspect verb carries it ('began capturing')."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ in GERUND_ARGUMENT_DEPS:
        return True
    return verb.dep_ == "xcomp" and head(verb).lemma_.lower() not in ASPECT_VERBS


def _match(token: Token, pos: str, lexicon: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    candidates = lexicon.candidates(pos, lemma)
    if token.lower_ != lemma:
        candidates = candidates + lexicon.candidates(pos, token.lower_)
    if not candidates:
        return None
    reports = pos == "verb" and _has_that_clause(token)
    objects: list[Token] | None = None  # the token's candidate objects, found once for all its synset patterns
    for pattern in candidates:
        if reports and pattern.root not in CLAUSAL_ROOTS:
            continue
        parts = _fits(token, pattern)
        if parts is None or _unwanted_object(token, pattern, lexicon):
            continue
        if pattern.synset is None:
            return Trigger(token, pos, pattern, None, frozenset(parts))
        if objects is None:
            objects = candidate_objects(token, pos)
        fillers = objects
        prep = _synset_preposition(pattern)
        if prep is not None:
            # 'withdraw from AGREEMENT' is filled after its preposition, not by the direct object: 'withdrew the US
            # from the deal' is no withdrawal from the US ('took over the city' has a particle, no preposition)
            direct = {c.i for c in children(token) if c.dep_ == "dobj"}
            fillers = [o for o in objects if o.i not in direct and not (o.dep_ == "conj" and o.head.i in direct)]
        elif pos == "verb" and pattern.source.split()[1] == pattern.synset:
            # 'exchange PRISONER' is filled by what is exchanged, not by whom with ('exchanged messages with Trump');
            # 'strike TERRITORY' not by where a blow was aimed ('struck at farm districts'); a thing supplied may
            # follow 'with' or 'in' ('supply rebels with arms', 'provided millions in aid')
            fillers = [o for o in objects if not _prepositional(o, token)]
        obj = next((o for o in fillers if _fills(o, pattern.synset, lexicon)), None)  # `synset_object`
        toks = tokens(token.doc)
        for part in (toks[i] for i in sorted(parts)):
            if obj is None and part.pos_ == "VERB":
                obj = synset_object(part, "verb", pattern.synset, lexicon)  # 'failed to reach an agreement'
        if obj is not None:
            return Trigger(token, pos, pattern, obj, frozenset(parts | {obj.i}))
    return None


def _named_kind(trigger: Trigger, lexicon: Lexicon) -> Trigger:
    """A support verb's pattern ('launch attack', 'carry out attack') says that an act was done; the noun it names
    may say which: 'launched a chemical attack' is a chemical attack (204), 'carried out a suicide attack' a suicide
    bombing (1831). The noun's code when a pattern with its own modifiers fits it."""
    if trigger.pos != "verb" or trigger.pattern.root not in FORCE_ROOTS:
        return trigger
    toks = tokens(trigger.token.doc)
    for i in sorted(trigger.parts):
        part = toks[i]
        if part.pos_ != "NOUN" or part.i == trigger.i:
            continue
        named = _match(part, "noun", lexicon)
        if named is not None and named.pattern.modifiers and named.pattern.root in FORCE_ROOTS:
            return replace(trigger, pattern=replace(trigger.pattern, code=named.code))
    return trigger


def _prepositional(obj: Token, verb: Token) -> bool:
    """An object that hangs on one of the verb's own prepositions other than those of the thing acted with ('with
    Trump' in 'exchanged messages with Trump', 'at districts' in 'struck at farm districts'; not 'with arms')."""
    while obj.dep_ == "conj" and obj.head.i != obj.i:
        obj = obj.head
    if obj.dep_ != "pobj" or obj.head.dep_ != "prep" or obj.head.head.i != verb.i:
        return False
    return obj.head.lower_ not in THEME_PREPS or obj.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"}


def _synset_preposition(pattern: Pattern) -> str | None:
    """The preposition a verb pattern's synset follows ("withdraw from TERRITORY" -> "from"; not a particle, as in
    "take over TERRITORY"), if any."""
    words = pattern.source.split()
    for before, word in pairwise(words):
        if word == pattern.synset:
            return before if before in PREPOSITIONS - PARTICLES and pattern.pos == "verb" else None
    return None


def _fits(token: Token, pattern: Pattern) -> set[int] | None:
    """The token indices of the pattern's words when all constraints hold, else None."""
    parts: set[int] = set()
    # a lone preposition is the verb's own particle: 'call for' is not 'called the process ... for anyone'
    particle = len(pattern.words) == 1 and pattern.synset is None and pattern.words[0] in PREPOSITIONS
    for word in pattern.words:
        found = _attached(token, word, particle=particle)
        if found is None:
            return None
        parts.add(found.i)
    for word in pattern.modifiers:
        found = _modifier(token, word)
        if found is None:
            return None
        parts.add(found.i)
    if any(_attached(token, word) is not None for word in pattern.absent):
        return None
    if pattern.no_object and any(c.dep_ in {"dobj", "ccomp", "xcomp", "oprd"} for c in children(token)):
        return None  # 'rallied partners to keep sanctions' has an object clause: not a rally
    if pattern.infinitive and not any(c.dep_ == "xcomp" and is_infinitive(c) for c in children(token)):
        return None
    return parts


def _unwanted_object(token: Token, pattern: Pattern, lexicon: Lexicon) -> bool:
    """An object the pattern's "!SYNSET" excludes fills the trigger: its direct object, passive subject or
    secondary object, with their conjuncts, or the subject of its complement clause ('ordered the fleet to be put on
    alert' gives an order to the fleet: commands to one's own forces are no demand)."""
    if not pattern.absent_synsets:
        return False
    objects = [c for c in children(token) if c.dep_ in OBJECT_DEPS]
    if token.dep_ == "relcl" and all(o.tag_ in {"WDT", "WP"} or o.lower_ in RELATIVES for o in objects):
        objects.append(token.head)  # 'the vision that Democrats are selling to voters'
        if token.head.dep_ == "pobj" and token.head.head.lower_ == "of":
            objects.append(token.head.head.head)  # 'the vision of gun control that Democrats are selling'
    for clause in (c for c in children(token) if c.dep_ in {"xcomp", "ccomp"}):
        objects += [s for s in children(clause) if s.dep_ in {"nsubj", "nsubjpass"}]
    for obj in objects:  # ('sent ships, tanks and troops': the list grows as it is read)
        objects += [c for c in children(obj) if c.dep_ in {"conj", "appos"}]
    # ('hosts thousands of U.S. troops')
    objects += [g for o in objects if o.lemma_.lower() in LIGHT_NOUNS or o.like_num for g in of_objects(o)]
    return any(_fills(o, name, lexicon) for o in objects for name in pattern.absent_synsets)


def of_objects(noun: Token) -> list[Token]:
    """What a noun's 'of' phrase names ('dozens of churches', 'thousands of U.S. troops')."""
    return [g for p in children(noun) if p.dep_ == "prep" and p.lower_ == "of" for g in children(p) if g.dep_ == "pobj"]


def _has_that_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in children(c)) for c in children(verb))


def _matches(t: Token, word: str) -> bool:
    return t.lower_ == word or t.lemma_.lower() == word


def _attached(token: Token, word: str, *, particle: bool = False) -> Token | None:
    """A word hanging on the trigger: a child or grandchild other than its subject; a verb only as its
    complement ('declined to comment', not 'refused ..., saying ...')."""
    anywhere, under_particles = _attachments(token)
    return (under_particles if particle else anywhere).get(word)


def _attachments(token: Token) -> tuple[dict[str, Token], dict[str, Token]]:
    """For `_attached`, built once per token (a trigger is tried against many patterns): word form or lowercased
    lemma -> the first child or grandchild in text order that it names, and the same where a grandchild counts only
    under a particle or preposition ('call for')."""
    table = memo(token.doc, "trigger_attachments", lambda _doc: {})
    found = table.get(token.i)
    if found is None:
        found = table[token.i] = _build_attachments(token)
    return found


def _build_attachments(token: Token) -> tuple[dict[str, Token], dict[str, Token]]:
    anywhere: dict[str, Token] = {}
    under_particles: dict[str, Token] = {}
    for child in children(token):
        if child.dep_ in SKIPPED_DEPS or (child.pos_ == "VERB" and child.dep_ not in VERB_PART_DEPS | {"dobj"}):
            continue  # the trigger's own subject, or its 'to' ('continuing to commit' is not 'commit to'); an
            # object mistagged as a verb is still a noun ('meet hostage-takers demands')
        if child.dep_ == "prep" and child.i < token.i and token.pos_ == "VERB":
            continue  # a fronted adjunct is no particle: 'With the signing of ..., the parties agreed'
        if child.dep_ == "prep" and _when_or_where_said(child):
            continue  # 'insisted on BBC Radio 4's Today programme', 'called on Monday for': no 'insist on', 'call on'
        for form in (child.lower_, child.lemma_.lower()):
            anywhere.setdefault(form, child)
            under_particles.setdefault(form, child)
        via_particle = child.dep_ in {"prt", "prep"}
        for grandchild in children(child):
            if grandchild.pos_ != "VERB" or grandchild.dep_ in VERB_PART_DEPS:
                for form in (grandchild.lower_, grandchild.lemma_.lower()):
                    anywhere.setdefault(form, grandchild)
                    if via_particle:
                        under_particles.setdefault(form, grandchild)
    return anywhere, under_particles


def _when_or_where_said(prep: Token) -> bool:
    """A preposition whose objects are all times or broadcasts: an adjunct of the verb, never its particle."""
    objects = [c for c in children(prep) if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() in BROADCASTS for o in objects)


def _modifier(token: Token, word: str) -> Token | None:
    """A word before a noun head in its phrase: "hunger" in "a hunger strike", "guided" in "guided missile strike"."""
    for t in tokens(token.doc)[token.left_edge.i : token.i]:
        if _matches(t, word):
            return t
    return None


# -------------------------------------------------------------------- synset objects


def candidate_objects(token: Token, pos: str) -> list[Token]:
    """Where a trigger's object can be: direct object, passive subject, objects of its prepositions, and for nouns
    compound modifiers; looking through coordination and light nouns ("a deal and a treaty", "the application of")."""
    objs: list[Token] = []
    for child in children(token):
        if child.dep_ in OBJECT_DEPS:
            objs.append(child)
        elif child.dep_ in {"prep", "prt"}:  # (not a passive's agent: 'ordered by police' orders no police)
            objs.extend(c for c in children(child) if c.dep_ == "pobj")
            # 'pulled out of the summit': the parser may hang 'of' on 'out'
            objs.extend(g for c in children(child) if c.dep_ == "prep" for g in children(c) if g.dep_ == "pobj")
        elif pos == "noun" and child.dep_ in MODIFIER_DEPS:
            objs.append(child)
    # 'the declaration signed in Washington', 'the deal that Iran signed' ('Macron, who had exchanged messages with
    # Trump': Macron did it)
    relative_subject = any(c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"} for c in children(token))
    reduced = token.dep_ in {"acl", "relcl"} and token.tag_ in {"VBN", "VBD"} and not is_infinitive(token)
    if reduced and not relative_subject:
        objs.append(token.head)
    for obj in list(objs):
        objs.extend(c for c in children(obj) if c.dep_ == "conj")
        if obj.lemma_.lower() in LIGHT_NOUNS:
            for prep in children(obj):
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objs.extend(c for c in children(prep) if c.dep_ == "pobj")
    return objs


def synset_object(token: Token, pos: str, synset: str, lexicon: Lexicon) -> Token | None:
    for obj in candidate_objects(token, pos):
        if _fills(obj, synset, lexicon):
            return obj
    return None


def _fills(obj: Token, synset: str, lexicon: Lexicon) -> bool:
    lemma = obj.lemma_.lower()
    if lexicon.in_synset(synset, lemma) or lexicon.in_synset(synset, obj.lower_):
        return True
    modifiers = [t for t in obj.lefts if t.dep_ in MODIFIER_DEPS]
    compound = " ".join(t.lemma_.lower() for t in modifiers)
    if compound and lexicon.in_synset(synset, f"{compound} {lemma}"):
        return True  # "martial law", "humanitarian aid"
    for prep in children(obj):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in children(prep):
                if pobj.dep_ == "pobj" and lexicon.in_synset(synset, f"{lemma} of {pobj.lemma_.lower()}"):
                    return True  # "state of emergency"
    if lemma in LIGHT_NOUNS and any(lexicon.in_synset(synset, t.lemma_.lower()) for t in modifiers):
        return True  # "aid deliveries", "military aid program"
    return bool(obj.ent_type_) and lexicon.entity_in_synset(synset, obj.ent_type_)


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
