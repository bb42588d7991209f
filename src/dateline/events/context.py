"""The records the coding steps hand each other, and the word and code sets more than one of them reads.

`Context` is one document's state while it is coded (its actors, the events so far, the last agreement and the last
force coded), `Candidate` one reading ready to become events. They live apart from coder.py so that sides.py (who
the sides are) and acts.py (whether an act stands) can use them without importing the coder, which imports both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..actors.resolve import UNKNOWN, DocActors, ResolvedActor
from ..model import Event, Location, Quote
from ..tokens import sentence_range, sentence_start, span_text, tokens
from .arguments import Args
from .lexicon import Lexicon

# Force: assault, fighting, mass violence.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
CONF_UNPLACED = 0.4  # the confidence of an event one of whose sides is unnamed or has no country
FIGHT_ROOT = "19"
FOREIGNERS = frozenset({"caravan", "migrant", "immigrant", "refugee", "foreigner", "alien", "asylum-seeker"})
AIR_STRIKES = "195"
FIGHTING_SECTORS = frozenset({"MIL", "REB", "UAF"})  # those whose backing is armed
AIR_WORDS = frozenset({"air", "aerial", "bombing", "drone", "missile", "airstrike"})
# Bodies that fight with words only ('the campaign launched a pre-emptive strike')
UNARMED_BODIES = frozenset(
    {"campaign", "committee", "newspaper", "website", "lawyer", "attorney", "ad", "advertisement", "commercial"}
)
# Armed groups that are not a state's forces: their attack at home is on their own country ('militants attacked a
# checkpoint in Kunduz').
NON_STATE_ARMED = frozenset({"REB", "UAF", "RAD"})  # (pirates and gangs prey on anyone: not CRM)
# Things someone else owns ('rejected the plan', 'criticized the decision', 'welcomed the deal'): an act on one is
# aimed at its owner.
OWNED_THINGS = frozenset(
    {"plan", "proposal", "offer", "deal", "agreement", "demand", "request", "decision", "move", "measure", "policy"}
    | {"bill", "resolution", "initiative", "idea", "ultimatum", "sanction", "tariff", "accusation", "allegation"}
    | {"claim", "statement", "remark", "comment", "threat", "ban", "ruling", "strategy", "program"}
    | {"programme", "budget", "reform", "project", "scheme", "order", "announcement", "position", "stance"}
    | {"record", "speech", "report", "legislation", "approach", "handling", "response", "view"}
)
# Acts that may be hostile or not, as the word does not say: a threat to do them is a threat, but 'China vowed to
# retaliate' (over tariffs) is no intent to cooperate.
HOSTILE_ACTS = frozenset({"retaliate", "react", "punish", "avenge", "respond"})
# How the means of force is attached to the harm it did ('killed by', 'wounded in a strike', 'died with')
FORCE_PREPS = frozenset({"by", "in", "during", "with"})
STATE_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "JUD"})
# Groups whose country the dateline says nothing about: armed men, radicals, refugees and foreign troops travel.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "RAD", "CRM", "REF", "IGO", "NGO"})
# Organs of a state: always some country's, so never coded with country '---' (rebels, gunmen, crowds may be).
STATE_ORGANS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "PTY", "MED"})


@dataclass
class Context:
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
    # (sentence start, source, target country or None) of the last force coded
    last_force: tuple[int, ResolvedActor, str | None] | None = None
    # (source, target) of every force coded whose author the text names, in text order
    forces: list[tuple[ResolvedActor, ResolvedActor]] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
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


def previous_sentence(token: Token) -> tuple[int, int] | None:
    """(start, end) of the sentence before the token's, when it is in the same paragraph (after a blank line the
    topic changes)."""
    start = sentence_start(token)
    if start == 0:
        return None
    before = sentence_range(tokens(token.doc)[start - 1])
    return None if "\n\n" in span_text(token.doc, before[0], start + 1) else before


def known(r: ResolvedActor) -> bool:
    return r.actor.country not in {UNKNOWN, ""}
