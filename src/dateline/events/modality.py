"""Modality and frames: whether a trigger reports an event that happened, and what kind of event it really is.

Coded ("asserted", or "future"/"intended" for stated intentions):
  - a plain clause: "Russia attacked Ukraine";
  - a stated intention or plan: "will visit", "said it would allow", "is ready to withdraw", "agreed to meet":
    cooperation becomes an expression of intent (03x), harm a threat (13x); verbal codes keep their code;
  - a trigger governed by an appeal, intent, demand, rejection or threat verb: one event of the governor's root,
    specialised by the governed code ("threatened to invade" 1382, "refused to release" 1243, "urged X to talk" 026);
  - a negated intention: "will not accept", "vowed not to return" -> a rejection (12x);
  - an obligation in reported speech: "X said Y must withdraw" -> a demand of X on Y (10x);
  - a clause that hangs on a future one: "would continue to work with", "will try ... when he meets" -> intention;
  - an act dated ahead ("is stepping down in September", "the meeting next week"), the purpose of a future act or
    of a journey in progress ("will arrive to meet", "is travelling to Berlin to meet"): intention.
Dropped: negated facts ("did not attack", "did not follow ... and renounce"), hypotheticals, hedges and speculation
(could, may, might, would outside reported speech, "possible", "probably", "purported to", "was about to",
"reluctant to"), conditionals (if, unless, whether, "should X do"; threats excepted, they are conditional by
nature) and what follows from them ("if this happens, it means X is asking ..."), acts only called for ("resisted a
call to expel", "called on X to resign", "called for demonstrations to protest"), acts one is only authorised or
keen to do, reported claims the same sentence denies or leaves unconfirmed, and questions; acts one is unable,
only allowed ("the law allows X to ...") or eligible to do, what one doubts, worries about or warns of, orders still
to be carried out, what an intention further up aims at ("agreed to let inspectors visit", "offered billions to buy
..."), what it is "about time" someone did, and habits ("seldom agrees", a present "when"/"whenever" clause);
what one is only "free to" do or "too weak to" do (not "too quick to blame": haste blames a done act), what is said
of "any" thing ("any missiles fired at Syria", "any attack"), and what fabricated reports tell ("falsified reports
of explosions that had injured Obama").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..dates import MONTH_NAMES
from ..dates import WEEKDAYS as DAY_NAMES
from ..tokens import children, is_question, sentence_range, tokens
from .lexicon import Lexicon
from .triggers import ASPECT_VERBS, LIGHT_NOUNS, Trigger, is_infinitive

SPECULATIVE_MODALS = frozenset({"could", "may", "might", "can", "ought"})
OBLIGATION_MODALS = frozenset({"must", "should"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})  # "wo" is the first half of "won't"
# What someone wants done, which a participle on its object describes ('want every voice urging Iran to comply')
WISH_VERBS = frozenset({"want", "wish", "hope", "need", "seek", "prefer", "like", "love", "expect"})
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "state",
        "declare",
        "announce",
        "insist",
        "reiterate",
        "stress",
        "add",
        "warn",
        "note",
        "claim",
        "confirm",
        "indicate",
        "write",
        "report",
        "assert",
        "maintain",
        "emphasize",
        "emphasise",
        "remind",
        "conclude",
        "signal",
        "tweet",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "decide",
    }
)
# Governors under which nothing has happened yet and nothing is promised either.
# Adjectives of doubt and worry, which govern a doubted clause ('skeptical that Pyongyang had tested a bomb') and may
# be said with a copula that the parser makes that clause's head ('was "seriously skeptical" that ...').
DOUBT_ADJ = frozenset(
    {"skeptical", "sceptical", "doubtful", "unsure", "uncertain", "unconvinced", "worried", "afraid", "fearful"}
)
SPECULATIVE_VERBS = frozenset(
    {
        "consider",
        "weigh",
        "mull",
        "contemplate",
        "expect",
        "fear",
        "predict",
        "speculate",
        "tip",  # 'Blair is tipped to ask the Queen to dissolve Parliament': others' forecast, nothing asked yet
        "doubt",
        "wonder",
        "imagine",
        "suggest",
        "debate",
        "discuss",
        "explore",
        "study",
        "review",
        "like",
        "love",
        "would",
        "believe",
        "think",
        "assume",
        "suspect",
        "guess",
        "hypothesize",
        "help",
        "argue",  # 'some argue that Iran's leaders would be willing to launch a war': an opinion
        "contend",
        "reckon",
        "allege",  # 'the U.S. alleges that Assad used chemical weapons': a charge the text does not assert
        "claim",  # 'critics claim Riyadh is trying to ...', 'a story claimed the two had agreed'
        "purport",  # 'a video purported to show rebels executing prisoners'
        "about",  # 'the courts had been about to disband parliament': on the point of it, not done
        "mean",  # 'the deal means that within ten years Iran will threaten Israel': an inference, not a report
        "recommend",  # 'voted to recommend that the U.S. end its assistance': advice, nothing ended
        "stipulate",  # 'stipulated that Pyongyang carry out no more tests': a condition set, nothing done
        "propose",
        # reluctance: 'has been hesitant to lift sanctions' lifts none
        "hesitant",
        "reluctant",
        "unwilling",
        "loath",
        # inability: 'were unable to accept the proposal' accepts nothing
        "unable",
        "incapable",
        # doubt and worry about what someone did or will do: 'was skeptical that Pyongyang had tested an H-bomb',
        # 'critics worry he will ink flimsy pacts'
        "worry",
    }
    | DOUBT_ADJ
)
# Governors of an attempt, which is not its success: 'attempted to hack the party's servers', 'is working to free
# her' (unless the attempt is the act named: 'tried to assassinate' is an assassination attempt; and an act done in
# words is done by trying: 'tried to warn Iran', 'tried to pressure the minister').
CONATIVE_VERBS = frozenset({"try", "attempt", "strive", "endeavor", "endeavour", "work"})
# Governors that give leave or show keenness, whose complement is not done yet: 'has been authorized to attack the
# U.S.', 'anxious to crack down' (as the clause a time clause hangs on they do report: 'authorized the funds when he
# declared an emergency').
LEAVE_WORDS = frozenset({"authorize", "authorise", "anxious", "eligible"})
# Adjectives of leave ('officials free to support anyone'), not the verb ('freed the hostages to go home').
LEAVE_ADJ = frozenset({"free"})
# Verbs of letting, whose complement in the present or future is a possibility, not an act: 'the law allows Democrats
# to force a new vote', 'a pull-out allows the Turks to carry out operations' ('allowed Israel to carry out strikes'
# in the past tense reports strikes that were carried out).
PERMIT_VERBS = frozenset({"allow", "permit", "enable", "let", "empower", "entitle"})
# Adverbs of rarity, which deny the act more than they report it: 'the court seldom agrees to rehear cases'.
RARE_ADVERBS = frozenset({"seldom", "rarely", "hardly", "scarcely"})
# Adverbs of a norm, which make a present tense tell what is wont to happen, not what happened: 'voters consistently
# reject establishment candidates', 'usually news outlets call upon experts' (not those of repetition: 'regularly
# threatens to destroy', 'often blame China' tell of acts done again and again).
FREQUENCY_ADVERBS = frozenset(
    {"usually", "typically", "generally", "normally", "consistently", "traditionally", "customarily", "invariably"}
    | {"commonly"}
)
# Verbs that ask someone for something, whether or not the lexicon makes an appeal of the phrase they head.
ASKING_VERBS = frozenset({"call", "urge", "demand", "ask", "request", "appeal", "plead", "press"})
# Verbs of greeting what others do: 'would welcome congressional support', 'will welcome his help' tell how one
# would take an act still to come, not what one means to do.
REACTION_VERBS = frozenset({"welcome", "appreciate", "applaud", "hail"})
# How a noun act is said to be still to come: 'is expected to', 'is scheduled to'; 'will take place', 'will begin'
SCHEDULED_VERBS = frozenset({"expect", "schedule", "set", "slate", "due"})
OCCURRING_VERBS = frozenset({"take", "happen", "occur", "begin", "start", "open", "convene", "resume"})
# Commitments made in words: one still to come ('will promise', 'will warn') has not been made
SPOKEN_COMMITMENTS = frozenset({"promise", "pledge", "vow", "swear", "threaten", "warn"})
# Nouns for a means whose infinitive is only its end: 'a bill to bar people on watch lists from buying guns', 'a
# distraction to get Europe to back off' ('the decision to withdraw', 'a measure to seize a tanker' tell of acts done).
MEANS_NOUNS = frozenset(
    {"bill", "legislation", "amendment", "distraction", "ploy", "pretext", "ruse", "gambit", "tactic", "strategy"}
    | {"vote", "motion", "petition"}  # 'took a nonbinding vote to expel U.S. troops'
)
# Nouns of an order given to someone, whose content is still to be carried out: 'intercepted an order from Iran to
# militants to attack the embassy' ('in order to' states a purpose; an executive order is itself the measure).
DIRECTIVE_NOUNS = frozenset({"order", "instruction", "directive"})
# Adverbs that hedge their verb: 'probably used chemical weapons', 'allegedly bribed officials'.
HEDGE_ADVERBS = frozenset(
    {"probably", "possibly", "perhaps", "maybe", "allegedly", "purportedly", "supposedly", "likely", "presumably"}
)
# Auxiliaries that open a conditional clause when they come before its subject: 'should Iran attack, ...',
# 'had the army intervened, ...', 'were Russia to invade, ...' (a question inverts too, and is dropped as one).
INVERTED_CONDITION_AUX = frozenset({"should", "had", "were"})
# Words of haste or eagerness, whose excess blames an act that was done: 'was too quick to blame Assad'.
EAGER_WORDS = frozenset({"quick", "quickly", "fast", "hasty", "hastily", "eager", "keen", "ready", "willing", "happy"})
# Determiners of no particular thing: what is said of 'any missiles fired at Syria' or 'any attack' is a case
# foreseen, not an event.
ANY_WORDS = frozenset({"any", "whatever", "whichever"})
# Verbs of warning: 'warned against overreacting' cautions, it threatens no one.
WARNING_VERBS = frozenset({"warn", "caution"})
# Nouns whose complement has not happened: 'the prospect of Britain exiting the EU', 'fears of an attack'.
SPECULATIVE_NOUNS = frozenset(
    {
        "prospect",
        "possibility",
        "risk",
        "danger",
        "fear",
        "chance",
        "likelihood",
        "specter",
        "spectre",
        "scenario",
        "idea",
        "notion",
        "hypothesis",
        "speculation",
        "rumor",
        "rumour",
        "allegation",  # 'an allegation that the NPFL had taken over the city' is a charge, not the act
        "claim",  # 'Obama's statement that the Assad regime carried out the attack', disputed
        "assertion",
        "statement",
        "contention",
        "accusation",
        "suspicion",
        "insistence",  # "Trump's insistence that he meet with Xi": wanted, not done
        "demand",
        "request",
        "call",  # 'resisted a call to expel U.S. diplomats', 'calls for supporters to carry out attacks'
        "plea",
        "appeal",
        "proposal",
        "suggestion",
        "indication",  # 'earlier indications were that Iran had agreed': a sign, not the fact
        "hope",
        "wish",
        "desire",
        "expectation",
        # impressions and worries: 'a sense that he rejects the norms of Washington', 'concern that Iran will ...'
        "sense",
        "feeling",
        "impression",
        "perception",
        "belief",
        "view",
        "concern",
        "worry",
        "theory",
        "assumption",
        "plot",  # 'disrupted a plot to kill the Saudi ambassador': no one was killed
        "conspiracy",
        "scheme",
    }
)
# Speculative nouns whose content clause the parser may take for a relative clause ('claims the minister had
# reneged'); not 'statement' ('said in a statement the U.S. worked with ...' reports).
DOUBTED_NOUNS = frozenset(
    {"claim", "allegation", "accusation", "rumor", "rumour", "speculation", "suspicion", "fear", "suggestion"}
)
SPECULATIVE_ADJ = frozenset(
    {"possible", "potential", "likely", "unlikely", "hypothetical", "would-be", "prospective", "future", "impossible"}
)
# Adjectives that make an act named by a noun a charge or a rumour: 'the alleged use of torture', 'a purported
# massacre' (not on a verb's object: 'investigating alleged war crimes' is an investigation).
CHARGED_ADJ = frozenset({"alleged", "purported", "rumored", "rumoured"})
# Nouns for people, whose participles say what they do whatever is done to them: 'demonstrators protesting ...'.
PEOPLE_NOUNS = frozenset(
    {
        "demonstrator",
        "protester",
        "protestor",
        "people",
        "group",
        "rebel",
        "militant",
        "soldier",
        "troop",
        "force",
        "worker",
        "student",
        "resident",
        "civilian",
        "official",
        "leader",
        "member",
        "supporter",
        "activist",
        "fighter",
        "gunman",
        "man",
        "woman",
        "police",
        "crowd",
        "refugee",
        "migrant",
        "government",
        "party",
        "country",
        "nation",
    }
)
PLANNED_ADJ = frozenset(
    {"planned", "proposed", "scheduled", "upcoming", "forthcoming", "expected", "imminent", "impending", "intended"}
    | {"promised", "pledged", "anticipated", "looming", "pending", "mooted", "envisaged", "contemplated"}
    | {"coming", "next"}  # 'announced the coming deployment of a new missile', 'the next round of talks'
)
# Verbs of offering, whose object's purpose is offered too: 'offered billions to buy American weapons'.
OFFER_VERBS = frozenset({"offer", "promise", "pledge", "propose"})
# Verbs whose object is an event still being set up: 'negotiating a meeting between the two leaders'.
ARRANGE_VERBS = frozenset({"negotiate", "arrange", "schedule"})
# Verbs that say a reported claim is false: 'the paper claimed the two had agreed; the White House denied it'.
DENIAL_VERBS = frozenset({"deny", "dispute", "refute", "contradict", "undercut", "debunk", "rebut"})
REPORT_NOUNS = frozenset({"report", "story", "indication"})
FALSE_ADJ = frozenset({"wrong", "false", "untrue", "inaccurate", "incorrect", "baseless", "unfounded", "groundless"})
# Adjectives that make a report a fabrication: 'tweeted falsified reports of explosions that had injured Obama'.
FAKE_ADJ = FALSE_ADJ | {"falsified", "fabricated", "fake", "bogus", "phony", "phoney", "fictitious", "hoax"}
# Nouns of what is told, whose content a fake adjective denies.
TOLD_NOUNS = REPORT_NOUNS | DOUBTED_NOUNS | {"news", "account", "claim", "tweet", "post", "video"}
# Words that leave a report unconfirmed: 'some accounts said', 'unconfirmed reports say'.
UNCONFIRMED_WORDS = frozenset({"some", "unconfirmed", "unverified", "conflicting", "uncorroborated"})
# Verbs whose object did not happen: 'averted the threatened tariffs', 'foiled an attack'.
PREVENT_VERBS = frozenset(
    {
        "avert",
        "prevent",
        "thwart",
        "foil",
        "avoid",
        "forestall",
        "preempt",
        "cancel",
        "scrap",
        "postpone",
        "oppose",
        "block",
        "veto",
        "resist",
    }
)  # ('canceled joint military maneuvers': they did not take place)
# Time words: a weekday or a month said of an act in the present tense dates it ahead ('is stepping down in
# September'), as 'next'/'coming' with a time noun does in any tense ('the meeting next week').
WEEKDAYS = frozenset(DAY_NAMES)
MONTHS = frozenset(MONTH_NAMES) - {"may"}  # (not 'may', the verb)
TIME_NOUNS = frozenset({"week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter"})
# Verbs of a journey, whose purpose is still ahead while it is in progress ('is travelling to Berlin to meet ...').
JOURNEY_VERBS = frozenset({"head", "go", "travel", "fly", "drive", "sail", "come", "return", "move"})
# Words of a photo caption, whose present tense tells what the picture shows, not what is arranged.
CAPTION_WORDS = frozenset({"caption", "pictured"})
# Prepositions whose gerund is part of what the words above say ('would like a deal with Russia reducing ...', 'may
# respond by attacking'); not those of time or contrast ('might write it off, except that Russia invaded ...').
EMBEDDING_PREPS = frozenset({"with", "by", "on", "of", "for", "in", "about", "into", "to", "at", "from"})
END_VERBS = frozenset({"end", "stop", "halt", "cease", "terminate"})  # ending a war is no act of war
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Verbs of doing what was asked: the call or demand they take was carried out.
COMPLY_VERBS = frozenset({"heed", "answer", "obey", "follow", "grant", "meet", "fulfil", "fulfill", "satisfy"})
# Subordinators of time: a clause they open shares the tense of the clause it modifies ('will ... when he meets').
TEMPORAL_MARKS = frozenset({"when", "once", "while", "after", "before", "until", "as"})
# Verbs of coming together that take the event they gather for: 'converged for a rally'.
GATHER_VERBS = frozenset({"gather", "converge", "assemble", "congregate", "turn", "rally", "mass", "meet", "come"})
FAILURE_VERBS = frozenset({"fail", "refrain", "neglect", "avoid", "stop"})
# Sending armed means to use force reports the use of force ('scrambled jets to strike'), not an aim or aid.
DISPATCH_VERBS = frozenset({"send", "dispatch", "scramble", "deploy"})
FORCE_VERBS = frozenset({"strike", "bomb", "attack", "hit", "shell", "pound", "raid", "storm", "shoot"})
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "advcl", "csubj"})
COOPERATION_ROOTS = frozenset({"04", "05", "06", "07", "08"})
AGREE_VERBS = frozenset({"agree", "concur"})
WORD_ROOTS = frozenset({"01", "02", "10", "11", "12"})  # acts done in words: statements, appeals, demands, ...
HARM_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
INTENT_ROOT = "03"
FORCE_POSTURE_ROOT = "15"
PROTECTION_INTENT = "0334"  # express intent to provide military protection or peacekeeping
HELP_VERBS = frozenset({"help", "assist", "support", "protect", "train", "advise", "defend", "secure", "aid"})
THREAT_ROOT = "13"
REJECT_ROOT = "12"
DEMAND_ROOT = "10"
APPEAL_ROOT = "02"
ASKING_ROOTS = frozenset(
    {APPEAL_ROOT, DEMAND_ROOT, REJECT_ROOT}
)  # frames that hold no condition (promises, threats do)


# Tags of a finite verb: a sentence with one before its infinitive is no headline's 'X to do Y'.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True)
class Mood:
    """What the words around a verb say about its clause."""

    negated: bool = False
    speculative: bool = False  # could, may, might; 'would' outside reported speech
    future: bool = False  # will, shall, 'would' in reported speech, 'be going to'
    obligation: bool = False  # must, should, have to
    conditional: bool = False
    question: bool = False


@dataclass(frozen=True)
class Reading:
    """How one trigger is coded: the final code, the token whose arguments and evidence count, and modality."""

    code: str
    head: Token  # the event's trigger in the output (the governor when a frame applies)
    modality: str  # asserted | future | intended
    governed: Trigger | None = None  # the trigger the frame specialised, whose arguments fill gaps


def clause_mood(verb: Token) -> Mood:
    """Mood of one verb (or adjective) from its own auxiliaries, negation, subordinator and the sentence's end."""
    negated = speculative = future = obligation = conditional = False
    for child in children(verb):
        dep, low = child.dep_, _form(child)
        if dep == "neg":
            negated = True
        elif dep in {"nsubjpass", "dobj", "nsubj"} and _none_of(child):
            negated = True  # 'no extra assistance was provided', 'sent no troops', 'no other president has visited'
        elif dep in {"aux", "auxpass"}:
            if low in INVERTED_CONDITION_AUX and _inverted(child):
                conditional = True  # 'should North Korea hold the workers hostage, ...'
            elif low in SPECULATIVE_MODALS:
                speculative = True
            elif low in OBLIGATION_MODALS:
                obligation = True
            elif low in FUTURE_AUX:
                future = True
            elif low == "would":
                counterfactual = any(c.dep_ == "aux" and _form(c) in {"have", "'ve"} for c in children(verb))
                future = in_reported_speech(verb) and not counterfactual  # 'would have been able to travel'
                speculative = not future
        elif dep == "mark" and low in CONDITION_MARKS:
            conditional = True
        elif dep == "prep" and low == "in" and any(o.lower_ in {"case", "event"} for o in children(child)):
            conditional = True  # 'in case the U.S. does launch strikes'
        elif dep == "mark" and low == "than":
            negated = True  # 'rather than press China to ...': the act not chosen
        elif dep == "mark" and low == "for" and is_infinitive(verb):
            # 'it is never too early for the US to condemn ...', 'it is time for Iran to talk': an evaluation of
            # an act someone ought to do, not the act
            speculative = True
        elif dep == "advmod" and (
            low == "never" or (low == "longer" and any(g.lower_ == "no" for g in children(child)))
        ):
            negated = True
        elif dep == "advmod" and low in HEDGE_ADVERBS:
            speculative = True
        elif dep == "advmod" and low in RARE_ADVERBS:
            negated = True
    prep = verb.head if verb.dep_ == "pcomp" else None
    if prep is not None and (prep.lower_ == "without" or any(c.lower_ == "instead" for c in children(prep))):
        negated = True  # 'instead of sanctioning Russia', 'without consulting Congress'
    if prep is not None and prep.lower_ == "than":
        negated = True  # 'less exciting than getting Snyder to resign', 'rather than imposing sanctions'
    joined = (
        {c.lower_ for c in children(verb.head) if c.dep_ == "cc" and c.i < verb.i} if verb.dep_ == "conj" else set()
    )
    if joined & {"than", "nor"}:
        # 'chose to negotiate rather than attack Ukraine' (the parser's conjunct), 'is not calling for an inquiry,
        # nor demanding that they resign'
        negated = True
    if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(verb)):
        # a conjunct shares its head's subject: 'very few people are calling for ..., or demanding ...'
        negated = negated or any(c.dep_ == "nsubj" and _none_of(c) for c in children(verb.head))
    if _imperative(verb):
        speculative = True  # '"Mr. President, declare a national emergency now"': asked for, not done
    if _wished_for(verb):
        speculative = True  # 'Americans would want every voice urging Iran to comply': a wish, no appeal made
    if _time_it_was(verb):
        speculative = True  # 'it's about time the Palestinians took the offer': what ought to be done
    if verb.dep_ == "csubj" or (is_infinitive(verb) and verb.head.lemma_ == "be" and verb.dep_ in {"xcomp", "attr"}):
        speculative = True  # 'killing a foreign leader is a covert operation', 'the solution is to kill them'
    if verb.dep_ == "conj" and not any(c.dep_ in {"aux", "auxpass"} for c in children(verb)):
        shared = clause_mood(verb.head)  # 'China may stop buying ... and restrict trade': the modal is shared
        # 'did not follow Trump and renounce the deal': a bare verb hangs on the negated 'did' as well
        negated = negated or (shared.negated and verb.tag_ in {"VB", "VBP"} and _do_support(verb.head))
        speculative = speculative or shared.speculative
        future = future or shared.future
        obligation = obligation or shared.obligation
        conditional = conditional or shared.conditional
    if _going_to(verb) or _has_to(verb):
        future = future or _going_to(verb)
        obligation = obligation or _has_to(verb)
    question = is_question(verb)
    return Mood(negated, speculative, future, obligation, conditional, question)


def _form(word: Token) -> str:
    """The lower-case form with a typographic apostrophe made plain ('he’ll' is 'he'll'), and 'd spelt out: 'had'
    before a past participle ('she'd been arrested', whatever the tagger says), 'would' elsewhere ('he'd visit')."""
    low = word.lower_.replace("’", "'")
    if low != "'d":
        return low
    verb = word.head
    had = verb.tag_ in {"VBN", "VBD"} and not any(c.lower_ in {"have", "'ve"} for c in children(verb))
    return "had" if had else "would"


def _time_it_was(verb: Token) -> bool:
    """'It's (about) time Iran talked': the clause on a bare 'time' said of 'it' (not 'the last time Iran talked');
    the parser hangs it on the noun or on the copula."""
    if verb.dep_ == "relcl":
        times = [verb.head]
    elif verb.dep_ == "ccomp" and verb.head.lemma_ == "be":
        near = [c for c in children(verb.head) if c.dep_ in {"attr", "prep"}]
        times = [c for c in near if c.dep_ == "attr"] + [o for p in near for o in children(p) if o.dep_ == "pobj"]
    else:
        return False
    for time in times:
        if time.lower_ != "time" or any(c.dep_ in {"det", "poss", "amod"} for c in children(time)):
            continue
        if time.dep_ == "attr" or (time.dep_ == "pobj" and time.head.lower_ == "about"):
            return True
    return False


def _habitual(verb: Token) -> bool:
    """A present tense that tells what happens whenever something else does: 'trade deficits occur when countries
    such as Germany lend the U.S. money', 'groups like CAIR intimidate the media whenever anyone warns ...'."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if not _simple_present(t):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS for c in children(t)):
        return True
    if t.dep_ == "advcl" and _opened_by(t, {"when", "whenever"}) and _simple_present(t.head):
        return True
    return any(c.dep_ == "advcl" and _simple_present(c) and _opened_by(c, {"whenever"}) for c in children(t))


def _simple_present(verb: Token) -> bool:
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in children(verb))


def _opened_by(clause: Token, marks: set[str]) -> bool:
    return any(c.dep_ in {"advmod", "mark"} and c.lower_ in marks for c in children(clause))


def _do_support(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "do" for c in children(verb))


def _inverted(aux: Token) -> bool:
    """An auxiliary before its clause's subject: 'should Washington take such a step, ...'."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i > aux.i for c in children(aux.head))


def _wished_for(verb: Token) -> bool:
    """A participle describing what someone wants, hopes for or needs ('want every voice urging Iran to comply',
    'needs a leader pressing China'): the act is wished for, not done."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "acl" and verb.head.dep_ in {"dobj", "attr"}:
        return verb.head.head.lemma_.lower() in WISH_VERBS
    # (the parser may hang the participle on the wish itself: 'would want every voice possible urging Iran')
    wish = verb.head
    would = any(c.dep_ == "aux" and c.lower_ in {"would", "might", "could", "may"} for c in children(wish))
    return verb.dep_ == "advcl" and wish.lemma_.lower() in WISH_VERBS and would


def _none_of(noun: Token) -> bool:
    """'No', 'neither' or 'few' determines the phrase: 'no troops', 'no other sitting president', 'neither the
    United States nor Britain', 'very few people' (not 'a few people')."""
    kids = children(noun)
    near = [*kids, *(g for c in kids if c.dep_ == "amod" for g in children(c))]
    if any(t.dep_ in {"det", "neg"} and t.lower_ == "no" for t in near):
        return True
    if any(t.dep_ in {"preconj", "det"} and t.lower_ == "neither" for t in kids):
        return True
    few = [t for t in kids if t.lower_ == "few" and t.dep_ in {"amod", "det"}]
    return bool(few) and not any(t.lower_ == "a" for t in [*kids, *children(few[0])])


def _imperative(verb: Token) -> bool:
    """A main verb in the bare form with no auxiliary and no subject, or only a vocative one ('Mr. President,
    declare ...')."""
    if verb.dep_ not in {"ROOT", "ccomp", "parataxis", "advcl"} or verb.tag_ != "VB":
        return False  # ('"Withdraw your troops," Obama told Putin': a quoted order hangs on the speech verb)
    kids = children(verb)
    if any(c.dep_ in {"aux", "auxpass", "mark"} for c in kids):
        return False
    start, end = sentence_range(verb)
    first = next((t for t in tokens(verb.doc)[start:end] if not t.is_punct and not t.is_space), None)
    if verb.dep_ == "advcl" and (first is None or first.i != verb.i):
        return False
    subjects = [c for c in kids if c.dep_ in {"nsubj", "expl"}]
    vocative = all(s.i < verb.i and any(t.lower_ == "," for t in s.doc[s.right_edge.i + 1 : verb.i]) for s in subjects)
    return vocative


def _going_to(verb: Token) -> bool:
    if verb.dep_ != "xcomp":
        return False  # (asked first: `verb.head` makes a new Token, and clause_mood asks every verb twice)
    head = verb.head
    return head.lemma_ == "go" and head.tag_ == "VBG"


def _has_to(verb: Token) -> bool:
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return head.lemma_ in {"have", "need"} and is_infinitive(verb)


def in_reported_speech(verb: Token) -> bool:
    """A clause that reports what someone said ('X said it would ...'): its head is a speech verb."""
    t = verb
    for _ in range(3):
        if t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ in {"ccomp", "xcomp"}:
            return t.head.lemma_.lower() in SPEECH_VERBS
        return False
    return False


def governor(token: Token) -> Token | None:
    """`_governor`, looking through aspect verbs: 'prepared to resume shelling' is governed by 'prepared'."""
    gov = _governor(token)
    if gov is not None and gov.lemma_.lower() in ASPECT_VERBS and gov.dep_ == "xcomp":
        return _governor(gov) or gov
    return gov


def _governor(token: Token) -> Token | None:
    """The word whose complement or object a trigger is: 'threatened to invade', 'demanded the withdrawal',
    'called for sanctions', 'is ready to withdraw', 'the decision to suspend' (None when it has none)."""
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # 'promised to democratize Serbia and establish ...'
    if t.dep_ == "xcomp" or (t.dep_ == "ccomp" and t.i == token.i):
        return t.head  # a conjunct of a 'that' clause is usually a new sentence the parser attached there
    if t.dep_ == "advcl" and is_infinitive(t) and _addressed(t):
        return t.head  # 'called on Corbyn to resign', 'calls upon all nations to condemn': the parser's advcl
    if t.dep_ in {"dobj", "nsubjpass"} and token.pos_ in {"NOUN", "PROPN"}:
        return t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in {"for", "to", "on", "upon"}:
        return t.head.head  # 'called for sanctions', 'agreed to a ceasefire'
    if t.dep_ == "acl" and (is_infinitive(t) or any(c.dep_ == "mark" and c.lower_ == "that" for c in children(t))):
        return t.head  # 'the decision to suspend', 'its demand that Israel ease ...'
    return None


def _addressed(clause: Token) -> bool:
    """An infinitive whose governor is addressed through 'on'/'upon' ('called on X to resign'): what is asked of X,
    not the speaker's purpose ('opened fire to disperse them', 'went to Geneva to hammer out a deal')."""
    # (the parser may hang 'upon' on the infinitive as its marker)
    heads = [c for c in children(clause.head) if c.dep_ == "prep"] + [c for c in children(clause) if c.dep_ == "mark"]
    return any(c.lower_ in {"on", "upon"} and any(o.dep_ == "pobj" and _a_party(o) for o in children(c)) for c in heads)


def _a_party(noun: Token) -> bool:
    """Someone one can ask something of ('on Monday' names no one)."""
    if noun.ent_type_ in {"DATE", "TIME"}:
        return False
    return noun.pos_ == "PROPN" or _names_people(noun)


def _purpose_of_appeal(clause: Token, by_index: dict[int, Trigger]) -> bool:
    """'called for demonstrations on Friday to protest the coup': the purpose of what is asked for is asked for too."""
    if clause.dep_ != "advcl" or not is_infinitive(clause):
        return False
    asking = by_index.get(clause.head.i)
    return asking is not None and asking.pattern.root in {APPEAL_ROOT, DEMAND_ROOT}


def _asked_for(anchor: Token, by_index: dict[int, Trigger]) -> bool:
    """What an appeal or demand asks for, reached through a noun: 'called for a special prosecutor to investigate
    her' (the parser's relative clause on the object), 'call for the status to be settled through negotiations' (a
    noun in the asked clause)."""
    if anchor.dep_ in {"relcl", "acl"} and is_infinitive(anchor):
        asking = _governor(anchor.head)
    elif anchor.pos_ in {"NOUN", "PROPN"} and anchor.dep_ == "pobj" and anchor.head.head.pos_ in {"VERB", "AUX"}:
        verb = anchor.head.head
        if verb.i in by_index:
            return False
        # ('call for Jerusalem's status to be decided': the parser may hang the asked clause on the call)
        asking = _governor(verb) or (verb.head if verb.dep_ == "advcl" and is_infinitive(verb) else None)
    else:
        return False
    if asking is None:
        return False
    frame = by_index.get(asking.i)
    # (the parser may leave a call that holds a whole clause untriggered: 'call for the status to be decided')
    return asking.lemma_.lower() in ASKING_VERBS or (
        frame is not None and frame.pattern.root in ASKING_ROOTS - {REJECT_ROOT}
    )


def read_trigger(trigger: Trigger, by_index: dict[int, Trigger], lexicon: Lexicon) -> Reading | None:
    """How a trigger is coded, or None when its clause does not assert it (negated, speculative, asked...)."""
    token = trigger.token
    if _warns_against(token) or _agrees_that(trigger) or _as_opposed_to(token):
        return None
    anchor = _anchor(trigger, by_index, lexicon)
    gov = governor(anchor)
    frame = by_index.get(gov.i) if gov is not None else None
    if frame is not None and frame.pattern.root in (APPEAL_ROOT, INTENT_ROOT, DEMAND_ROOT, REJECT_ROOT, THREAT_ROOT):
        if _unasserted_frame(frame.token, lexicon) or _contradicted(frame.token):
            return None  # 'a story claimed the U.S. and Iran have agreed to talks'
        if frame.pattern.root in ASKING_ROOTS and _consequence(frame.token):
            return None  # 'if the talks fail, it means Tokyo is asking Seoul to walk away'
        return _framed(trigger, frame, lexicon)
    if anchor.dep_ == "advcl" and gov is not None and gov.i == anchor.head.i:
        return None  # asked of someone by a verb that is no appeal trigger itself ('calls upon all nations to ...')
    if _purpose_of_appeal(anchor, by_index) or _asked_for(anchor, by_index):
        return None
    mood = _trigger_mood(trigger)
    if mood.question or mood.speculative or (trigger.pos == "verb" and _habitual(token)):
        return None
    if gov is not None and (gov.lemma_.lower() in SPECULATIVE_VERBS | LEAVE_WORDS or _leave_adjective(gov)):
        return None
    if _attempt_only(trigger, anchor, gov):
        return None
    intended = gov is not None and _is_intent_word(gov, lexicon)
    embedding = embedding_mood(anchor, lexicon)
    if embedding.speculative or embedding.conditional or embedding.negated:
        return None
    if intended:
        gov_mood = governor_mood(gov)
        if gov_mood.speculative or gov_mood.question or gov_mood.conditional:
            return None
        if _negated_intent_word(governor(gov), lexicon):
            return None  # 'is not planning to offer an endorsement': no offer is made
        if gov_mood.negated:
            return _negated_intent(trigger, lexicon)
    if mood.conditional and not _is_threat(trigger.code):
        return None
    if mood.negated:
        return _negated_intent(trigger, lexicon) if (mood.future or intended) else None
    if mood.obligation:
        return None  # obligations are demands only in reported speech (see `reported_demand`)
    above = _future_above(token) if trigger.pos == "verb" else None
    if above is False:
        return None  # 'would be responsible when the regime gasses its citizens': a future case, no one's intent
    if _time_clause_ahead(token) and _names_own_subject(token):
        return None  # 'endorsing Clinton after the president meets Sanders': a time to come, nobody's stated intent
    ahead = _planned(token) or _dated_ahead(token, lexicon) or _on_the_way(anchor) or _time_clause_ahead(token)
    ahead = ahead or _headline_infinitive(token)
    if mood.future or intended or above or ahead:
        return _intention(trigger, lexicon, "intended" if intended else "future")
    if _contradicted(anchor) or (_consequence(anchor) and not _is_threat(trigger.code)):
        return None
    return Reading(trigger.code, token, "asserted")


def _attempt_only(trigger: Trigger, anchor: Token, gov: Token | None) -> bool:
    """An act only attempted: not one the pattern names as an attempt, nor one done in words. The parser may take
    the aim for an adverbial clause ('is working to release her'); one of a verb with complements of its own is the
    purpose of a real activity ('troops working as allies with the Kurds to fight ISIS')."""
    attempt = gov
    if attempt is None and anchor.dep_ == "advcl" and is_infinitive(anchor):
        bare = not any(c.dep_ in {"prep", "dobj", "advmod"} for c in children(anchor.head))
        attempt = anchor.head if bare else None
    if attempt is None or attempt.lemma_.lower() not in CONATIVE_VERBS:
        return False
    return attempt.i not in trigger.parts and trigger.pattern.root not in WORD_ROOTS | {THREAT_ROOT}


def _unasserted_frame(word: Token, lexicon: Lexicon) -> bool:
    """A frame word that is itself only claimed, supposed or conditional: 'a story claimed they had agreed to talks'
    (not a participle that says what a text or its subject does: 'a statement calling for a cease-fire' calls for it,
    'rejected the proposal, urging India to sign another' urges)."""
    if word.dep_ in {"acl", "advcl"} and word.tag_ == "VBG":
        return False
    gov = governor(word)
    if gov is not None and gov.lemma_.lower() in SPECULATIVE_VERBS:
        return True
    if _negated_intent_word(gov, lexicon):
        return True  # 'is not planning to offer talks': no offer is made
    embedding = embedding_mood(word, lexicon)
    return embedding.speculative or embedding.conditional


def _negated_intent_word(gov: Token | None, lexicon: Lexicon) -> bool:
    """A negated intent word governing another: 'is not planning to offer an endorsement' offers nothing."""
    return gov is not None and _is_intent_word(gov, lexicon) and governor_mood(gov).negated


def _reporting_verb(clause: Token) -> Token | None:
    """The verb of saying or claiming whose content clause holds `clause` ('officials said he had been killed')."""
    t = clause
    for _ in range(4):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ not in {"ccomp", "acl", "relcl"} or t.head.i == t.i:
            return None
        t = t.head
        if t.lemma_.lower() in SPEECH_VERBS | DOUBTED_NOUNS | REPORT_NOUNS:
            return t
    return None


def _contradicted(clause: Token) -> bool:
    """A reported claim the same sentence says is false or unconfirmed: 'Libyan officials said he had been killed
    but U.S. officials never confirmed it', 'reports that Iran had agreed were wrong', '... the White House denied
    it'. A denial that holds the claim ('denied that troops fired') is the denial's own event."""
    reporter = _reporting_verb(clause)
    if reporter is None:
        return False
    start, end = sentence_range(clause)
    above = {a.i for a in clause.ancestors}
    for t in tokens(clause.doc)[start:end]:
        if t.i in above or t.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        lemma = t.lemma_.lower()
        said_by = any(c.dep_ == "nsubj" for c in children(t))  # (a verb with a subject: 'its fisheries dispute')
        if lemma in DENIAL_VERBS and said_by:
            return True
        if lemma == "confirm" and said_by and any(c.dep_ == "neg" or c.lower_ == "never" for c in children(t)):
            return True
        if (
            lemma in FALSE_ADJ
            and t.dep_ == "acomp"
            and any(c.dep_ == "nsubj" and c.i == reporter.i for c in children(t.head))
        ):
            return True
    return False


def _consequence(clause: Token) -> bool:
    """A clause that follows from a condition: 'if this happens, it means Trump is asking Riyadh to leave OPEC',
    'ordered troops to open fire if a single shell is fired' (a future or threatened consequence is an intention,
    read before this)."""
    t = clause
    for _ in range(4):
        if any(_condition_clause(c) for c in children(t)):
            return True
        if t.dep_ not in {"conj", "xcomp", "ccomp"} or t.head.i == t.i:
            return False
        t = t.head
    return False


def _condition_clause(clause: Token) -> bool:
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in children(clause) if c.dep_ == "mark" and c.lower_ == "if"]
    # ('even if', 'as if', 'if you remember, Trump met ...': no condition on the main clause)
    addressed = any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children(clause))
    return not addressed and any(m.i == 0 or m.nbor(-1).lower_ not in {"even", "as"} for m in marks)


def _anchor(trigger: Trigger, by_index: dict[int, Trigger], lexicon: Lexicon) -> Token:
    """Where a trigger's clause is read from: a noun object of a plain support verb is read from that verb
    ('promised to continue military aid' is a promise), a verb or any other noun from itself."""
    token = trigger.token
    if trigger.pos != "noun":
        return token
    verb = token.head if token.dep_ in {"dobj", "nsubjpass"} else support_verb(token)  # 'participate in strikes'
    if verb is None or verb.pos_ != "VERB" or verb.i in by_index or _is_intent_word(verb, lexicon):
        return token
    return verb


def governor_mood(word: Token) -> Mood:
    """Mood of a governing word; an adjective takes its copula's ('is not ready to', 'would be willing to')."""
    if word.dep_ in {"acomp", "oprd"} and word.head.i != word.i:
        mood = clause_mood(word.head)
        # ('is "not ready" to endorse': with the words quoted, the parser hangs the negation on the adjective)
        own = any(c.dep_ == "neg" for c in children(word))
        return Mood(
            mood.negated or own, mood.speculative, mood.future, mood.obligation, mood.conditional, mood.question
        )
    return clause_mood(word)


def embedding_mood(token: Token, lexicon: Lexicon) -> Mood:
    """What the clauses above a trigger say: 'X could decide to invade', 'in the event that X invades', 'there is no
    sign that X will deploy', 'it is possible that X attacked'. Intent words answer for themselves (`read_trigger`)."""
    speculative = conditional = negated = False
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.pos_ == "NOUN":
        speculative = True  # 'negotiations for a military pullout', 'plans for an offensive': sought, not done
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in {"VERB", "AUX"}:
        verb_mood = clause_mood(token.head.head)
        conditional = verb_mood.conditional  # 'asked if he meant a war between ...'
        speculative = verb_mood.speculative  # 'sanctions could extend to secondary boycotts'
    if token.dep_ == "pobj" and _warned_of(token.head):
        speculative = True  # 'warned of a Rwanda-like slaughter': a danger foretold
    direct = governor(token)  # (an intent word that governs the trigger itself makes an intention: `read_trigger`)
    timed = False
    clause = token if token.pos_ in {"VERB", "AUX"} else None
    while clause is not None and clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # ('... is that Russia will not discriminate and will bomb all rebel groups')
    if clause is not None and clause.dep_ in {"acl", "relcl"} and _false_report(clause.head):
        negated = True  # 'falsified reports of two explosions that had injured Obama'
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _false_report(token.head.head):
        negated = True  # 'fake news of an attack'
    if clause is not None and clause.dep_ in {"acl", "relcl"} and _any_one(clause.head):
        speculative = True  # 'will shoot down any missiles fired at Syria': no missile was fired
    if token.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} and _any_one(c) for c in children(token)):
        speculative = True  # ('any and all missiles fired at Syria', parsed as a clause of its own)
    if clause is not None and clause.dep_ == "relcl" and clause.head.lemma_.lower() in DOUBTED_NOUNS:
        # 'refused to deny claims the prime minister had reneged on a deal': a content clause the parser took for a
        # relative one (it has no relative pronoun); its conjuncts too ('suggestions that France had broken ranks
        # and demanded more')
        speculative = speculative or not any(c.tag_ in {"WDT", "WP", "WP$"} for c in children(clause))
    if clause is not None and clause.dep_ == "ccomp" and clause.head.lemma_ == "be":
        # 'the fear among U.S. officials is that Russia will bomb all rebel groups'
        subject = [c for c in children(clause.head) if c.dep_ == "nsubj"]
        speculative = speculative or any(c.lemma_.lower() in SPECULATIVE_NOUNS for c in subject)
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ in {"VERB", "AUX"}:
        # 'an attack in the U.S. would pale beside ...', 'the strike will come': what is said of it is not (yet) real
        mood = clause_mood(token.head)
        speculative = speculative or mood.speculative or mood.future
        conditional = mood.conditional
    t = token
    for _ in range(5):
        if t.dep_ == "conj" and t.head.i != t.i:
            if _new_clause(t):
                break
            t = t.head  # a conjunct shares its head's embedding, not its head's own negation
            continue
        # ('not a new initiative to crack down': the parser's relative clause is the noun's complement)
        if (t.dep_ not in EMBEDDING_DEPS and not (t.dep_ == "relcl" and is_infinitive(t))) or t.head.i == t.i:
            break
        if _purpose(t) or _proposed(t, lexicon):
            speculative = True  # 'recruited men to commit murder', 'submitted a proposal to bar': an aim
        # ('authorized his killing months before he was killed': a time clause tells what did happen)
        timed = timed or (t.dep_ == "advcl" and any(c.lower_ in TEMPORAL_MARKS for c in children(t)))
        came_from = t
        t = t.head
        if came_from.dep_ == "pcomp" and t.dep_ == "prep" and t.lower_ in EMBEDDING_PREPS and t.head.i != t.i:
            # 'would like to seal a deal with Russia reducing its forces': the words the preposition hangs on embed
            # its clause
            speculative = speculative or _warned_of(t)  # 'NATO warned of Russia moving troops into Ukraine'
            t = t.head
        # an aim or leave further up: 'agreed to let inspectors visit', 'efforts to get Kiev to investigate',
        # 'was authorized to attack the U.S. using nuclear weapons'
        above_direct = direct is None or t.i != direct.i
        aim = came_from.dep_ in {"xcomp", "ccomp", "acl"} and not timed
        speculative = speculative or (_is_intent_word(t, lexicon) and above_direct and aim)
        left = came_from.dep_ in {"xcomp", "ccomp"} and not timed
        speculative = speculative or (
            left and (t.lemma_.lower() in LEAVE_WORDS or _leave_adjective(t) or _permission(t))
        )
        # 'was too weak to attack', 'too close for jets to drop bombs': the degree rules the act out
        negated = negated or (is_infinitive(came_from) and _too(t))
        if t.pos_ in {"NOUN", "PROPN"}:
            # 'a bill to bar people from buying guns', 'a distraction to get Europe to back off', 'a nonbinding vote
            # to expel U.S. troops': what a means is for has not happened
            speculative = speculative or (came_from.dep_ in {"acl", "relcl"} and _aim(came_from, t, lexicon))
            negated = negated or any(c.dep_ == "det" and c.lower_ == "no" for c in children(t))
            of_head = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else t
            # 'the prospect of Britain exiting the EU'
            asked = t.lemma_.lower() in SPECULATIVE_NOUNS or of_head.lemma_ in SPECULATIVE_NOUNS or _directive(t)
            negated = negated or _false_report(t) or _false_report(of_head)
            # ('heeded the call to take to the streets': they did)
            speculative = speculative or (asked and not _complied_with(t))
            conditional = conditional or (t.lemma_.lower() in {"event", "case"} and t.head.lower_ == "in")
            # ('demonstrators protesting the results' protest whatever is done to them: people are no proposals)
            verb = _noun_governor(t) if t.pos_ == "NOUN" and not _names_people(t) else None
            if verb is not None:
                # 'he can envision the US vetoing a resolution condemning Israel', 'there was never a request for
                # Netanyahu to meet Obama': what is said of the noun's clause holds for what the noun says
                mood = governor_mood(verb)
                speculative = speculative or mood.speculative or verb.lemma_.lower() in SPECULATIVE_VERBS
                # 'offered billions in deals to buy American weapons': what is offered is not done ('following
                # confirmation that ...' is no complement)
                complement = t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ in EMBEDDING_PREPS)
                offered = complement and _is_intent_word(verb, lexicon) and (direct is None or verb.i != direct.i)
                speculative = speculative or offered
                conditional = conditional or mood.conditional
                negated = negated or (mood.negated and verb.lemma_ == "be")
                t = verb
            continue
        if came_from.dep_ == "ccomp" and _is_intent_word(t, lexicon):
            speculative = True  # 'Hamas wants Israel to halt attacks': a wish about someone else's act
        mood = governor_mood(t)
        negated = negated or t.lemma_.lower() in FAILURE_VERBS  # 'failed to broker', 'refrained from attacking'
        # 'has denied sending troops and arming the rebels', 'denied that its jets struck the convoy': a charge denied
        negated = negated or (came_from.dep_ in {"xcomp", "ccomp"} and not timed and _denies(t))
        # 'ruling out sending ground troops', 'held off endorsing either Democrat'
        negated = negated or (t.lemma_.lower() == "rule" and any(c.lower_ == "out" for c in children(t)))
        negated = negated or (
            t.lemma_.lower() == "hold" and any(c.dep_ == "prt" and c.lower_ == "off" for c in children(t))
        )
        speculative = speculative or mood.speculative or mood.obligation or t.lemma_.lower() in SPECULATIVE_VERBS
        # ('it seems unlikely the Saudis will back down'; 'he was "seriously skeptical" that Pyongyang had tested a
        # bomb': the parser may hang the doubted clause on the copula)
        speculative = speculative or any(
            c.dep_ in {"acomp", "oprd"} and (c.lower_ in SPECULATIVE_ADJ or (c.pos_ == "ADJ" and c.lower_ in DOUBT_ADJ))
            for c in children(t)
        )
        speculative = speculative or (came_from.dep_ == "ccomp" and _split_evaluation(came_from))
        speculative = speculative or (came_from.dep_ == "ccomp" and _unconfirmed_telling(t))
        speculative = speculative or t.lower_ in SPECULATIVE_ADJ  # 'it is unlikely that the regime plans to ...'
        conditional = conditional or mood.conditional
        negated = negated or (mood.negated and not _is_intent_word(t, lexicon))
    return Mood(negated=negated, speculative=speculative, conditional=conditional)


def _aim(clause: Token, noun: Token, lexicon: Lexicon) -> bool:
    """An infinitive on a noun for a means, which tells what the means is for."""
    return is_infinitive(clause) and noun.lemma_.lower() in MEANS_NOUNS and not _is_intent_word(noun, lexicon)


def _new_clause(conj: Token) -> bool:
    """A clause with its own subject joined by ', and' to a content clause: a new clause of the sentence that the
    parser hung there ('the fear means the sit-ins will go on, and the association is urging them to continue')."""
    if conj.head.dep_ != "ccomp" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(conj)):
        return False
    i = conj.left_edge.i
    doc = conj.doc
    return i >= 2 and doc[i - 1].dep_ == "cc" and doc[i - 2].lower_ == ","


def _denies(verb: Token) -> bool:
    """A verb that says a charge is untrue ('denied attacking the tanker'), unless itself negated ('never denied')."""
    return verb.lemma_.lower() in DENIAL_VERBS and verb.pos_ == "VERB" and not clause_mood(verb).negated


def _leave_adjective(word: Token) -> bool:
    return word.pos_ == "ADJ" and word.lower_ in LEAVE_ADJ


def _too(word: Token) -> bool:
    """An adjective or adverb of excess ('too weak', 'too close to the enemy'), whose infinitive is not done."""
    if word.lower_ in EAGER_WORDS:
        return False
    return word.pos_ in {"ADJ", "ADV"} and any(c.dep_ == "advmod" and c.lower_ == "too" for c in children(word))


def _false_report(noun: Token) -> bool:
    """A report said to be made up: 'falsified reports', 'fake news', 'a bogus claim'."""
    if noun.lemma_.lower() not in TOLD_NOUNS:
        return False
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in FAKE_ADJ for c in children(noun))


def _any_one(noun: Token) -> bool:
    """A noun of no particular thing: 'any missiles', 'whatever attack', 'any and all missiles'."""
    if any(c.dep_ == "det" and c.lower_ in ANY_WORDS for c in children(noun)):
        return True
    i = noun.left_edge.i
    doc = noun.doc
    return i >= 2 and doc[i - 1].lower_ in {"and", "or"} and doc[i - 2].lower_ in ANY_WORDS


def _unconfirmed_telling(verb: Token) -> bool:
    """Saying by reports the text itself holds in doubt: 'some accounts said the forces were attacking protesters',
    'unconfirmed reports say ...' (not 'reports said', nor 'officials said')."""
    subjects = [c for c in children(verb) if c.dep_ == "nsubj" and c.lemma_.lower() in TOLD_NOUNS | {"source"}]
    return any(c.dep_ in {"det", "amod"} and c.lower_ in UNCONFIRMED_WORDS for s in subjects for c in children(s))


def _split_evaluation(clause: Token) -> bool:
    """'Analysts say it's unlikely North Korea would launch an attack': the parser makes 'it's unlikely' and the
    clause it judges two complements of 'say'; the first, just before the clause, still judges it."""
    before = [c for c in children(clause.head) if c.dep_ == "ccomp" and c.i < clause.i and c.lemma_ == "be"]
    if not before:
        return False
    judge = before[-1]
    expletive = any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in children(judge))
    return expletive and any(c.dep_ in {"acomp", "oprd"} and c.lower_ in SPECULATIVE_ADJ for c in children(judge))


def _complied_with(noun: Token) -> bool:
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in COMPLY_VERBS


def _names_people(noun: Token) -> bool:
    return noun.ent_type_ in {"NORP", "PERSON", "ORG", "GPE"} or noun.lemma_.lower() in PEOPLE_NOUNS


def _noun_governor(noun: Token) -> Token | None:
    """The verb a noun is the object, attribute or prepositional object of."""
    if noun.dep_ in {"dobj", "attr", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in {"VERB", "AUX"}:
        return prep.head
    return None


def _proposed(clause: Token, lexicon: Lexicon) -> bool:
    """'submitted a proposal to Putin to bar U.S. diplomats', 'offered a list of proposals: tightening security
    ...': the act is what a plan or request proposes."""
    if clause.dep_ != "advcl" or not (is_infinitive(clause) or clause.tag_ == "VBG"):
        return False
    objects = [c for c in children(clause.head) if c.dep_ == "dobj"]
    objects += [o for d in objects for p in children(d) if p.lower_ == "of" for o in children(p) if o.dep_ == "pobj"]
    if any(_is_intent_word(o, lexicon) for o in objects):
        return True
    # 'is working on a gun measure with Senator Collins to bar people on watch lists': the bill's aim
    held = objects + [o for p in children(clause.head) if p.dep_ == "prep" for o in children(p) if o.dep_ == "pobj"]
    if is_infinitive(clause) and any(o.lemma_.lower() in MEANS_NOUNS | {"measure"} for o in held):
        return True
    if objects and is_infinitive(clause) and clause.head.lemma_.lower() in OFFER_VERBS:
        return True  # 'offered billions of dollars to buy American weapons', 'pledged $1 billion to rebuild Gaza'
    # 'resisted a call Friday to expel U.S. diplomats': the parser hangs the call's complement on the verb
    asked = [o for o in objects if (o.lemma_.lower() in SPECULATIVE_NOUNS or _directive(o)) and not _complied_with(o)]
    return bool(asked) and is_infinitive(clause)


def _directive(noun: Token) -> bool:
    """An order given to someone ('an order to militants to attack'), not 'in order to' nor an executive order."""
    if noun.lemma_.lower() not in DIRECTIVE_NOUNS or (noun.dep_ == "pobj" and noun.head.lower_ == "in"):
        return False
    return not any(c.dep_ in {"amod", "compound"} and c.lower_ == "executive" for c in children(noun))


def _warned_of(prep: Token) -> bool:
    """'warned of an attack', 'a report warning about Russia moving troops': what one warns of is feared, not done."""
    warner = prep.head
    return prep.lower_ in {"of", "about"} and (warner.lemma_.lower() in WARNING_VERBS or warner.lower_ == "warning")


def _permission(verb: Token) -> bool:
    """Leave given in the present or the future: 'the law allows Democrats to bring the resolution back'."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in PERMIT_VERBS:
        return False
    mood = clause_mood(verb)
    # ('are allowing the Iranians to attack Israel' tells of attacks going on)
    return verb.tag_ in {"VBZ", "VBP"} or mood.future or mood.speculative


def _purpose(clause: Token) -> bool:
    """A to-infinitive complement of a verb with its own object states an aim, not an act: 'recruited men to
    fight', 'sent troops to monitor'. (A purpose clause, 'opened fire to disperse them', usually did happen.)"""
    if not is_infinitive(clause) or clause.dep_ != "xcomp":
        return False
    if clause.head.lemma_.lower() in DISPATCH_VERBS and clause.lemma_.lower() in FORCE_VERBS:
        return False  # 'sent eight jets to strike targets near Palmyra' reports the strike
    return any(c.dep_ in {"dobj", "dative"} for c in children(clause.head))


def _trigger_mood(trigger: Trigger) -> Mood:
    token = trigger.token
    if trigger.pos == "verb":
        mood = clause_mood(token)
        obj = trigger.obj
        if obj is not None and any(c.dep_ == "amod" and c.lower_ in SPECULATIVE_ADJ for c in children(obj)):
            # 'authorized potential airstrikes': what is authorized may not happen
            return Mood(mood.negated, True, mood.future, mood.obligation, mood.conditional, mood.question)
        return mood
    measure = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    hedged = [token] if measure is None or measure.lemma_.lower() not in LIGHT_NOUNS else [token, measure]
    if any(c.dep_ == "amod" and c.lower_ in SPECULATIVE_ADJ | CHARGED_ADJ for n in hedged for c in children(n)):
        return Mood(speculative=True)  # ('the alleged use of torture')
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children(token)):
        return Mood(negated=True)  # 'no cease-fire'
    if _any_one(token):
        return Mood(speculative=True)  # 'any attack on Iran would be met with force'

    if token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in PREVENT_VERBS | END_VERBS:
        # 'averted Trump's threatened imposition of tariffs', 'promised to end the war in Iraq'
        return Mood(negated=True)
    if _still_to_come(token):
        return Mood(future=True)  # 'Trump's meeting with Putin is expected to cover Syria', 'the summit will open'
    verb = support_verb(token)
    return clause_mood(verb) if verb is not None else Mood()


def _still_to_come(noun: Token) -> bool:
    """A noun act whose clause says it is still to come: the subject of 'is expected to', 'is scheduled to', 'is
    set to', or of a future 'take place', 'begin', 'open' ('the summit will open on Monday')."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in SCHEDULED_VERBS:
        return any(c.dep_ == "xcomp" for c in children(head))
    if noun.dep_ == "nsubj" and head.lemma_.lower() in OCCURRING_VERBS:
        return clause_mood(head).future
    return False


def _future_above(verb: Token) -> bool | None:
    """A clause that hangs on a future one is future too: 'will continue to work with Japan', 'would be forced to
    deploy', 'will leave while continuing to fight', 'will try to mend ties when he meets Pena Nieto'. True when
    the future is the main clause's subject's own, False when a time clause with a subject of its own is future
    ('... when the regime gasses its citizens': a case foreseen, nobody's intent), None when nothing is future."""
    t = verb
    own_subject = False
    for _ in range(4):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.head.i == t.i:
            return None
        if t.dep_ == "advcl" and _future_time_clause(t):
            own_subject = own_subject or _names_own_subject(t)
        elif t.dep_ == "relcl" and _future_time_clause(t) and t.head.dep_ in {"dobj", "pobj", "nsubj"}:
            # 'will await the new prime minister when he arrives': the parser hangs the time clause on a noun
            own_subject = own_subject or _names_own_subject(t)
            t = t.head
        elif t.dep_ != "xcomp" and not (t.dep_ == "advcl" and is_infinitive(t)):
            return None  # ('arrives Friday to meet officials': the purpose of a future act is future)
        t = t.head
        if governor_mood(t).future or _present_dated_ahead(t):
            return not own_subject
    return None


def _time_clause_ahead(verb: Token) -> bool:
    """A time clause in the simple present on a clause that is not in the present tells of time to come: 'pointed to
    Obama endorsing Clinton after the president meets with Sanders', 'plans to sign it once Congress passes it'."""
    if verb.dep_ != "advcl" or not _simple_present(verb) or _in_caption(verb):
        return False
    if not _opened_by(verb, {"after", "before", "once", "until"}):
        return False
    main = verb.head
    return main.pos_ in {"VERB", "AUX"} and not _present(main) and main.tag_ != "VBN"


def _headline_infinitive(verb: Token) -> bool:
    """A headline's 'X to do Y' is news of what X will do: 'Obama to meet Putin in Helsinki', 'Report: France to
    impose sanctions' (an infinitive on the sentence's root noun, with no finite verb before it)."""
    if verb.pos_ != "VERB" or not is_infinitive(verb) or verb.dep_ not in {"relcl", "acl", "ROOT"}:
        return False
    root = verb.head
    if verb.dep_ != "ROOT" and (root.dep_ != "ROOT" or root.pos_ not in {"NOUN", "PROPN"}):
        return False
    start, _ = sentence_range(verb)
    return not any(t.tag_ in FINITE_TAGS for t in tokens(verb.doc)[start : verb.i])


def _future_time_clause(clause: Token) -> bool:
    """A time clause in the present ('when he meets', 'while continuing'): future time when its main clause is
    future ('when he met' is past whatever the main clause says)."""
    timed = any(c.dep_ in {"advmod", "mark"} and c.lower_ in TEMPORAL_MARKS for c in children(clause))
    return timed and clause.tag_ in {"VB", "VBZ", "VBP", "VBG"}


def _names_own_subject(clause: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON" for c in children(clause))


def _planned(token: Token) -> bool:
    """A noun for an act still to come: 'a planned meeting', 'ahead of a summit between the leaders'."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "ahead":
        return True
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ARRANGE_VERBS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in PLANNED_ADJ for c in children(token))


def _dated_ahead(token: Token, lexicon: Lexicon) -> bool:
    """An act dated ahead: a present tense with a date is an arrangement ('is stepping down in September', 'arrives
    Friday'), a noun with 'next'/'tomorrow' a plan ('the meeting next week'), and a noun for the occasion of a
    future or planned act is future too ('will be joined at the meeting by ...', 'is scheduled to meet at the
    summit')."""
    if token.pos_ in {"NOUN", "PROPN"}:
        if any(_ahead(c, present=False) for c in children(token)):
            return True
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ in {"at", "during"} and prep.head.pos_ in {"VERB", "AUX"}:
            verb = prep.head
            gov = governor(verb)
            planned = gov is not None and _is_intent_word(gov, lexicon)  # 'is scheduled to meet at the summit'
            return planned or clause_mood(verb).future or bool(_future_above(verb)) or _dated_ahead(verb, lexicon)
        return False
    return _present_dated_ahead(token)


def _present_dated_ahead(verb: Token) -> bool:
    if verb.pos_ not in {"VERB", "AUX"} or not _present(verb) or _in_caption(verb):
        return False
    return any(_ahead(c, present=True) for c in children(verb))


def _in_caption(token: Token) -> bool:
    """A photo caption ('Hide Caption 5 of 25', '(not pictured)'), whose present tells what the picture shows: 'the
    two leaders meet on Friday' is a past day."""
    start, end = sentence_range(token)
    return any(t.lower_ in CAPTION_WORDS for t in tokens(token.doc)[start:end])


def _on_the_way(clause: Token) -> bool:
    """The purpose of a journey in progress is still ahead: 'is travelling to Berlin to meet Merkel', 'had been
    heading to the border to attend a meeting when the convoy was bombed'."""
    if clause.dep_ != "advcl" or not is_infinitive(clause):
        return False
    journey = clause.head
    progressive = journey.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in children(journey))
    return progressive and journey.lemma_.lower() in JOURNEY_VERBS


def _present(verb: Token) -> bool:
    """A present tense, simple or progressive ('arrives', 'is stepping down')."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in children(verb))


def _ahead(modifier: Token, *, present: bool) -> bool:
    """A time phrase that points ahead: 'next week', 'tomorrow'; and, said of an act in the present tense, a weekday
    or a month ('on Friday', 'in September')."""
    if modifier.dep_ == "prep" and modifier.lower_ in {"on", "in", "at", "by", "until"}:
        return any(_ahead(o, present=present) for o in children(modifier) if o.dep_ == "pobj")
    if modifier.dep_ not in {"npadvmod", "advmod", "pobj", "tmod"}:
        return False
    low = modifier.lower_
    if low in {"tomorrow", "tonight"}:
        return True
    if any(c.lower_ in {"next", "coming"} for c in children(modifier)) and low in TIME_NOUNS | WEEKDAYS:
        return True
    # ('... on Wednesday, December 11', 'on August 4': a caption's present with a full date tells of a past day)
    dated = any(t.like_num for t in modifier.subtree)
    return present and (low in WEEKDAYS or low in MONTHS) and not dated


def _agrees_that(trigger: Trigger) -> bool:
    """'The US and Russia agree that a chemical attack occurred': shared views, no promise to act ('agreed to
    meet', 'agreed on a ceasefire' are)."""
    token = trigger.token
    if trigger.pattern.root != INTENT_ROOT or trigger.pos != "verb" or token.lemma_.lower() not in AGREE_VERBS:
        return False
    kids = children(token)
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    # ('agreed that they would hold talks' promises)
    promised = any(a.dep_ == "aux" and a.lower_ in {"will", "would", "'ll"} for c in clauses for a in children(c))
    return bool(clauses) and not promised and not any(c.dep_ in {"xcomp", "prep", "dobj"} for c in kids)


def _as_opposed_to(token: Token) -> bool:
    """'as opposed to' contrasts two things; nobody opposes anything."""
    return token.lower_ == "opposed" and token.i > 0 and token.nbor(-1).lower_ == "as"


def _warns_against(token: Token) -> bool:
    """'warned against overreacting', 'cautioned against a hasty agreement', 'NATO warned of Russia moving troops':
    advice or news with no one threatened (a warning addressed to someone, 'warned Iran against ...', 'warned
    Seoul of a nuclear war', stays a threat)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in WARNING_VERBS:
        return False
    kids = children(token)
    return any(c.dep_ == "prep" and c.lower_ in {"against", "of", "about"} for c in kids) and not any(
        c.dep_ in {"dobj", "dative"} for c in kids
    )


def _is_intent_word(word: Token, lexicon: Lexicon) -> bool:
    return word.lemma_.lower() in lexicon.intent_words or word.lower_ in lexicon.intent_words


def _is_threat(code: str) -> bool:
    return code[:2] == THREAT_ROOT


def _framed(trigger: Trigger, frame: Trigger, lexicon: Lexicon) -> Reading | None:
    """One event for 'threatened to invade', 'urged X to negotiate', 'refused to release' at the governor."""
    mood = _trigger_mood(frame)
    if mood.negated or mood.speculative or mood.question or mood.obligation:
        return None  # ('the Taliban must agree to a cease-fire': what they ought to do, not what they promised)
    if mood.future and _spoken_commitment_ahead(frame.token):
        return None  # ('Iran will pledge to cooperate'): a promise or a warning still to be made
    root = frame.pattern.root
    if mood.conditional and root != THREAT_ROOT:
        return None
    # (a noun act has its verb's mood: 'promised to end the war' promises no war)
    governed_mood = _trigger_mood(trigger) if trigger.pos == "noun" else clause_mood(trigger.token)
    if any(c.dep_ == "neg" for c in children(trigger.token)):
        # ('pledged to "never, ever" attack Howard', where the parser takes the verb for a noun)
        governed_mood = replace(governed_mood, negated=True)
    a_view = governed_mood.obligation or governed_mood.speculative
    if root == INTENT_ROOT and trigger.token.dep_ == "ccomp" and a_view:
        return None  # 'agreed that Russian and U.S. forces should be fighting together': a view, not a promise
    if root == THREAT_ROOT and governed_mood.negated and trigger.pattern.root in COOPERATION_ROOTS:
        root = REJECT_ROOT  # 'warned it will not make concessions to terrorists': a refusal
    if root == INTENT_ROOT and governed_mood.negated:
        if trigger.pattern.root in HARM_ROOTS:
            return None  # 'agreed not to impose tariffs' promises restraint: no refusal, no threat
        root = REJECT_ROOT  # 'vowed not to return the Golan Heights'
    code = lexicon.frame_code(root, trigger.code)
    if code == root + "0" and frame.code[:2] == root:
        code = frame.code  # nothing more specific: keep the governor's own code ('warned', 'pledged')
    modality = "intended" if root in (INTENT_ROOT, THREAT_ROOT) else "asserted"
    return Reading(code, frame.token, modality, trigger)


def _intention(trigger: Trigger, lexicon: Lexicon, modality: str) -> Reading | None:
    """A future or intended event: cooperation -> 03x intent, harm -> 13x threat; words still to be said ('will
    demand a review', 'plans to appeal') are no event yet; anything else keeps its code."""
    root = trigger.pattern.root
    if root in WORD_ROOTS or trigger.token.lemma_.lower() in REACTION_VERBS or _spoken_commitment_ahead(trigger.token):
        return None  # ('will demand a review', 'the party will promise to cut taxes'): words still to be said
    if root == FORCE_POSTURE_ROOT and _to_help(trigger.token):
        # 'Canada will send troops to Iraq to help advise its government': protection offered, not a threat
        return Reading(PROTECTION_INTENT, trigger.token, modality)
    if root in COOPERATION_ROOTS or root in HARM_ROOTS:
        return Reading(lexicon.frame_code(INTENT_ROOT, trigger.code), trigger.token, modality)
    return Reading(trigger.code, trigger.token, "future")


def _spoken_commitment_ahead(verb: Token) -> bool:
    """'will promise', 'is going to warn': the verb of a spoken commitment in its base form after a future auxiliary
    (not 'would not respond and promised to ...', a past promise beside a future clause)."""
    return verb.lemma_.lower() in SPOKEN_COMMITMENTS and verb.tag_ == "VB"


def _to_help(verb: Token) -> bool:
    """A deployment whose stated purpose is to help: 'send troops to help advise', 'to assist', 'to protect'."""
    return any(
        c.dep_ in {"xcomp", "advcl"} and is_infinitive(c) and c.lemma_.lower() in HELP_VERBS for c in children(verb)
    )


def _negated_intent(trigger: Trigger, lexicon: Lexicon) -> Reading | None:
    """'will not accept', 'is not ready to release': a refusal of cooperation; a promise not to harm is dropped."""
    if trigger.pattern.root not in COOPERATION_ROOTS:
        return None
    return Reading(lexicon.frame_code(REJECT_ROOT, trigger.code), trigger.token, "intended")


def support_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, or through 'in': 'held talks', 'engaged in talks'."""
    if noun.dep_ in {"dobj", "nsubjpass", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.pos_ in {"VERB", "AUX"}:
        return prep.head  # 'engaged in talks', 'took part in talks'; not 'opened the door for attacks'
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "for" and prep.head.lemma_ in GATHER_VERBS:
        return prep.head  # 'thousands converged for a rally', 'gathered for a protest'
    amount = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and (amount.like_num or amount.lemma_.lower() in LIGHT_NOUNS):
        return support_verb(amount)  # 'ordered hundreds of drone strikes', 'launched a wave of attacks'
    return None


def reported_demand(token: Token) -> tuple[Token, Token, bool] | None:
    """'X said Y must withdraw': (the speech verb, the obliged verb, strong) for an obligation modal token.

    `strong` is True for must/have to (a demand), False for should (an appeal).
    """
    if token.dep_ != "aux" or token.lower_ not in OBLIGATION_MODALS or _inverted(token):
        return None  # ('should Washington take that step, he would respond': a condition, no appeal)
    verb = token.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    if any(c.dep_ == "neg" for c in children(verb)) or clause_mood(verb.head).negated:
        return None
    return verb.head, verb, token.lower_ == "must"
