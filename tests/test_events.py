"""CAMEO event coding: the lexicon file, frames, and the coder on sentences written for these tests.

Lexicon tests read only the data file; the coder tests need the spaCy model (marked slow).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import DataFileError
from dateline.events.lexicon import default_lexicon_path, load_lexicon

# -------------------------------------------------------------------- the lexicon file


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_lexicon_covers_every_root_and_most_codes():
    lexicon = load_lexicon()
    assert lexicon.roots == {f"{n:02d}" for n in range(1, 21)}
    assert lexicon.n_codes >= 150


def test_lexicon_bad_yaml_is_dl201(tmp_path):
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, "codes: [unclosed\n"))
    assert err.value.code == "DL201"


def test_lexicon_synset_named_twice_is_dl201(tmp_path):
    text = 'synsets:\n  ARMED: [troop]\n  ARMED: [militant]\ncodes:\n  "190":\n    verbs: ["drive out ARMED"]\n'
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, text))
    assert err.value.code == "DL201" and "'ARMED' is given twice" in str(err.value)


def test_lexicon_unknown_code_is_dl202(tmp_path):
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, 'codes:\n  "999":\n    verbs: [frobnicate]\n'))
    assert err.value.code == "DL202"


def test_lexicon_unknown_field_and_synset_are_dl201(tmp_path):
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, 'codes:\n  "042":\n    verbs: [visit]\n    colour: blue\n'))
    assert err.value.code == "DL201"
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, 'codes:\n  "057":\n    verbs: ["sign TREATY"]\n'))
    assert err.value.code == "DL201" and "TREATY" in str(err.value)


def test_lexicon_one_sided_roots_are_checked(tmp_path):
    lexicon = load_lexicon()
    assert lexicon.may_leave_open("unnamed_source", "1823") and not lexicon.may_leave_open("unnamed_source", "173")
    assert lexicon.may_leave_open("no_target", "0233") and not lexicon.may_leave_open("no_target", "190")
    text = 'one_sided:\n  no_target: ["02", "2"]\ncodes:\n  "042":\n    verbs: [visit]\n'
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, text))
    assert err.value.code == "DL201" and "one_sided.no_target: '2' is no CAMEO root" in str(err.value)


def test_lexicon_hyphenated_word_is_rejected(tmp_path):
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, 'codes:\n  "0871":\n    nouns: [cease-fire]\n'))
    assert err.value.code == "DL201"


def test_lexicon_frame_map_with_unknown_code_is_dl202(tmp_path):
    text = 'frames:\n  maps:\n    "13": {"19": "1399"}\ncodes:\n  "130":\n    verbs: [threaten]\n'
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, text))
    assert err.value.code == "DL202"


def test_pattern_language(tmp_path):
    text = (
        "synsets:\n  TROOPS: [troop]\n"
        'codes:\n  "087":\n    verbs: ["withdraw TROOPS from", "seize !on", "decline +inf", "demonstrate !obj"]\n'
        '    nouns: ["hunger strike", "trip to"]\n'
    )
    lexicon = load_lexicon(_write(tmp_path, text))
    (withdraw,) = lexicon.candidates("verb", "withdraw")
    assert withdraw.words == ("from",) and withdraw.synset == "TROOPS" and withdraw.specificity == 3
    assert lexicon.candidates("verb", "seize")[0].absent == ("on",)
    assert lexicon.candidates("verb", "decline")[0].infinitive
    assert lexicon.candidates("verb", "demonstrate")[0].no_object
    (strike,) = lexicon.candidates("noun", "strike")
    assert strike.modifiers == ("hunger",) and strike.words == ()
    assert lexicon.candidates("noun", "trip")[0].words == ("to",)


def test_frames_specialise_the_governed_code():
    lexicon = load_lexicon()
    assert lexicon.frame_code("13", "192") == "1382"  # threatened to invade
    assert lexicon.frame_code("03", "087") == "0356"  # agreed to withdraw
    assert lexicon.frame_code("03", "1823") == "1383"  # an intention to kill is a threat
    assert lexicon.frame_code("12", "0841") == "1243"  # refused to release
    assert lexicon.frame_code("10", "051") == "102"  # demanded support
    assert lexicon.frame_code("02", "111") == "020"  # nothing finer: the generic appeal


def test_default_lexicon_is_packaged():
    assert default_lexicon_path().is_file()


# -------------------------------------------------------------------- the coder on sentences

PUBLISHED = "2024-05-10"


def _events(text: str):
    import dateline

    return dateline.analyze(text, published=PUBLISHED).events


def _dyads(text: str) -> set[tuple[str, str, str]]:
    return {(e.code, e.source.country, e.target.country) for e in _events(text)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice: subject -> source, object -> target
        ("Germany imposed new sanctions on Iran on Monday.", ("163", "DEU", "IRN")),
        # passive voice: 'by X' is the source, the subject the target
        ("New sanctions were imposed on Iran by Germany on Monday.", ("163", "DEU", "IRN")),
        # a national adjective and a sector word make a group: 'Israeli warplanes' -> ISRMIL
        ("Israel launched airstrikes on Gaza.", ("195", "ISR", "PSE")),
        # phrasal verbs and particles
        ("Russia pulled out its troops from Syria.", ("087", "RUS", "SYR")),
        # nominal triggers
        ("The visit of the Japanese prime minister to China began on Monday.", ("042", "JPN", "CHN")),
        ("Canada's decision to lift sanctions on Cuba surprised analysts.", ("085", "CAN", "CUB")),
        # named armed groups from the actor data
        ("Hamas fighters fired rockets at Israel.", ("194", "PSE", "ISR")),
        # a role given in apposition before the name, carried to the surname later
        (
            "Egypt's foreign minister, Sameh Shoukry, criticized Israel on Sunday. "
            "Shoukry later met the Jordanian king.",
            ("040", "EGY", "JOR"),
        ),
    ],
)
def test_codes_source_and_target(text, expected):
    assert expected in _dyads(text)


@pytest.mark.slow
def test_coordinated_subjects_and_objects():
    assert ("057", "FRA", "DEU") in _dyads("France and Germany signed a defence agreement in Paris.")
    met = _dyads("The Turkish foreign minister met his Greek and Italian counterparts in Rome.")
    assert {("040", "TUR", "GRC"), ("040", "TUR", "ITA")} <= met


@pytest.mark.slow
def test_several_events_in_one_sentence():
    found = _dyads("Chad expelled two French diplomats and recalled its ambassador from Paris.")
    assert {code for code, _, _ in found} >= {"161"}
    both = _dyads("Egypt condemned the raid, and Jordan summoned the Israeli ambassador.")
    assert ("114", "JOR", "ISR") in both


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Russia did not attack Ukraine.",  # negation
        "Russia could attack Ukraine next year.",  # speculation
        "Will Russia attack Ukraine?",  # question
        "If Russia attacks Ukraine, NATO will respond.",  # condition
        "Analysts believe that China may impose sanctions on Japan.",  # speculation in the clause above
        "There is no sign that Turkey will deploy troops to Libya.",  # negated embedding
        "The French president has authorized potential airstrikes in Mali.",  # a possible act
        "An Israeli strike on Iran would set off a regional war.",  # an act spoken of as unreal
    ],
)
def test_unasserted_events_are_not_coded(text):
    assert not [e for e in _events(text) if e.root in {"16", "18", "19", "15", "13"}]


@pytest.mark.slow
def test_frames_threat_intent_refusal_and_demand():
    assert ("1312", "CHN", "AUS") in _dyads("China threatened to impose tariffs on Australian wine.")
    assert ("0353", "IRN", "GBR") in _dyads("Iran said it would release the British sailors.")
    assert ("1056", "POL", "RUS") in _dyads("Poland said Russia must withdraw its troops from Belarus.")
    refused = _events("Israeli President Isaac Herzog refused to meet the Jordanian foreign minister.")
    assert [(e.code, e.modality) for e in refused] == [("125", "asserted")]
    future = _events("The Indian prime minister will visit Japan next week.")
    assert [(e.code, e.modality, e.target.country) for e in future] == [("036", "future", "JPN")]


@pytest.mark.slow
def test_in_quote_and_attribution():
    text = '"Russian forces shelled Ukrainian villages overnight," the governor said.'
    (event,) = [e for e in _events(text) if e.root == "19"]
    assert event.in_quote and event.attributed_to
    assert (event.source.country, event.target.country) == ("RUS", "UKR")


@pytest.mark.slow
def test_background_event_has_its_own_date():
    (event,) = _events("In 2014, Russia annexed Crimea from Ukraine, the minister recalled.")
    assert (event.code, event.source.country, event.target.country) == ("192", "RUS", "UKR")
    assert event.background and event.date == "2014"


@pytest.mark.slow
def test_location_and_home_target():
    (signed,) = [e for e in _events("France and Germany signed a defence agreement in Paris.") if e.code == "057"]
    assert signed.location is not None and signed.location.name == "Paris"
    # a protest with no target is aimed at the country it happens in
    protest = _events("Thousands of Kenyan students demonstrated in Nairobi on Tuesday.")
    assert [(e.code, e.source.country, e.target.country, e.target.inferred) for e in protest] == [
        ("141", "KEN", "KEN", True)
    ]


@pytest.mark.slow
def test_every_event_has_the_contract_fields():
    text = "Russia pulled out its troops from Syria. Hamas fighters fired rockets at Israel on Friday."
    events = _events(text)
    assert events
    for e in events:
        assert e.code and e.root == e.code[:2] and e.name and e.quad_class in {1, 2, 3, 4}
        assert isinstance(e.goldstein, float)
        for actor in (e.source, e.target):
            assert actor.country and actor.code
            assert text[actor.span[0] : actor.span[1]] == actor.text
        assert text[e.trigger_span[0] : e.trigger_span[1]] == e.trigger
        assert e.sentence_span[0] <= e.trigger_span[0] < e.sentence_span[1]
        assert e.date and e.modality in {"asserted", "future", "intended"} and 0 < e.confidence <= 1


@pytest.mark.slow
def test_specific_intent_stands_without_a_target():
    # a stated intention to do something specific is coded even when nobody is named as its recipient
    assert ("033", "MEX", "---") in _dyads("Mexico is ready to contribute 2,000 engineers to the relief effort.")
    # a bare promise (030) says too little without a target
    assert not [e for e in _events("Chile promised that things would improve.") if e.code.startswith("03")]


@pytest.mark.slow
def test_stative_participle_keeps_its_subject_as_source():
    # 'is opposed to' states the subject's stance: the subject is the source, not the target of a passive
    assert ("126", "NOR", "SWE") in _dyads("Norway is opposed to Swedish mediation in the dispute.")


@pytest.mark.slow
def test_expelled_personnel_belong_to_the_target():
    # expelled inspectors are someone else's: their owner is the target, not the source's own means
    assert ("1662", "SYR", "ARL") in _dyads("Syria expelled inspectors of the Arab League from the country.")
    assert ("1662", "UNO", "IRQ") in _dyads("The UN withdrew its inspectors from Iraq.")


# -------------------------------------------------------------------- sides with no country, frames, idioms


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agentless passive names its victim: the agent is unknown ('---'), not a reason to drop the event
        ("Three US servicemen were killed by an improvised explosive device outside the city.", ("1823", "---", "USA")),
        # a weapon as subject is no actor either
        ("A roadside bomb killed two Iraqi policemen on Sunday.", ("1823", "---", "IRQ")),
        # an agentless act that only a state does is by the country it happens in
        ("A US national has been put under investigation in Italy.", ("090", "ITA", "USA")),
        # a group the text gives no country is '---' ...
        ("Gunmen kidnapped Russian and Chinese engineers in the mountains.", ("181", "---", "RUS")),
        # ... or takes the country the event happens in
        ("Hundreds of thousands of people blocked streets in Hong Kong.", ("144", "HKG", "HKG")),
        # ... or, unarmed, the dateline's
        ("WASHINGTON (AP) — Lawmakers criticized the Russian ambassador on Tuesday.", ("111", "USA", "RUS")),
    ],
)
def test_sides_without_a_country(text, expected):
    assert expected in _dyads(text)


@pytest.mark.slow
def test_the_only_country_counts_the_dateline():
    # 'Lawmakers' are not Russian just because Russia is the only country in the body
    assert not [
        e
        for e in _events("WASHINGTON (AP) — Lawmakers criticized the Russian ambassador.")
        if e.source.country == "RUS"
    ]


@pytest.mark.slow
def test_objects_and_subjects_the_parser_hides():
    # 'up to 16' is parsed as a particle and a preposition: the advisers are still the object
    assert ("181", "AFG", "RUS") in _dyads(
        "Afghan rebels have kidnapped up to 16 Russian civilian advisers from a bazaar."
    )
    # 'one third of ...' is a number: the group counted is the one acted on
    dyads = _dyads("One third of ethnic Albanian guerrillas operating in Macedonia have been demobilized.")
    assert ("0873", "---", "ALB") in dyads
    # a participle after a noun has that noun as subject
    assert ("140", "UKR", "RUS") in _dyads("Ukrainian demonstrators protesting against Russia gathered in Kyiv.")
    # 'was forced to resign': the one forced resigns
    assert ("0831", "ISR", "ISR") in _dyads("The Israeli prime minister was forced to resign.")
    # a declaration demanding ...: its author demands
    pkk = (
        "The rebel Kurdistan Workers' Party issued a declaration demanding that the Turkish government free its leader."
    )
    assert [e.source.country for e in _events(pkk) if e.root == "10"] == ["TUR"]
    # gathering for a rally; 'ten days of war games' by both navies
    assert ("141", "NGA", "NGA") in _dyads("Thousands of Nigerians were converging on Thursday for a rally in Lagos.")
    assert ("062", "FRA", "EGY") in _dyads("French and Egyptian warships on Monday launched 10 days of war games.")


@pytest.mark.slow
def test_frames_whose_act_the_lexicon_does_not_know():
    # (aimed at the one country its clause names)
    assert ("130", "PSE", "ISR") in _dyads("Hamas threatened on Monday to resume terrorist activities in Israel.")
    assert ("030", "UNO", "---") in _dyads("The Security Council today agreed to a six-month extension of the mandate.")
    # the act's object names the target: 'a demand from the US President'
    refused = _dyads(
        "Palestinian Prime Minister Ismail Haniyeh has refused to respond to a demand from the US President."
    )
    assert ("120", "PSE", "USA") in refused
    # words withheld are no act
    assert not _events("China declined to comment on the report.")
    # a vow to retaliate is a threat, not an intent to cooperate
    assert _dyads("Japan vowed to retaliate.") == {("130", "JPN", "---")}


@pytest.mark.slow
def test_a_frame_over_an_intent_codes_the_act():
    # 'refused to commit to assistance' is one refusal of aid (122), not a refusal plus a pledge
    found = _dyads("The Turkish government has refused to commit to any direct assistance to Iraq.")
    assert {code for code, _, _ in found} == {"122"}


@pytest.mark.slow
def test_no_event_aimed_at_its_own_author_by_a_reading():
    # a promised domestic act is not aimed at its author; 'its troops' are not the target of a withdrawal
    assert not [e for e in _events("Kenya is ready to send police.") if e.target.country == "KEN"]
    assert _dyads("Poland agreed to withdraw its troops.") == {("0356", "POL", "---")}
    # a promise not to harm is no refusal
    assert not [e for e in _events("The United States agreed not to impose tariffs on Mexican cars.") if e.root == "12"]
    # what a proposal would do has not happened
    proposal = "The foreign ministry submitted a proposal to Putin to bar U.S. diplomats from using two facilities."
    assert not [e for e in _events(proposal) if e.root == "17"]


@pytest.mark.slow
def test_a_fronted_phrase_is_no_particle():
    # 'With the signing ..., they agreed to allow' is no 'agree with' (019)
    found = _dyads("With the signing of the memorandum, Sudan and Chad have agreed to allow humanitarian access.")
    assert found and "019" not in {code for code, _, _ in found}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark accepted a formula for ending the fisheries dispute.", ("030", "DNK", "---")),
        ("Israel failed to reach agreement with the Palestinians on the fate of the offices.", ("127", "ISR", "PSE")),
        ("A Russian official offered concessions last November.", ("035", "RUS", "---")),
        ("Uganda said it had paid compensation to 67 British nationals.", ("0842", "UGA", "GBR")),
        ("The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq.", ("123", "USA", "IRQ")),
        ("The United States suspended part of a military aid program for Bosnia.", ("162", "USA", "BIH")),
    ],
)
def test_lexicon_idioms(text, expected):
    assert expected in _dyads(text)


@pytest.mark.slow
def test_an_anti_or_pro_prefix_is_a_stance_not_a_nationality():
    found = _dyads("A prominent anti-Syria journalist has been killed in Beirut.")
    assert ("1823", "---", "LBN") in found and not [d for d in found if "SYR" in d]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile the prospect of Britain exiting the European Union without a trade deal worried investors.",
        "Russia would have attacked Ukraine earlier, officials told CNN.",
        "Mr. Obama offered a list of proposals: tightening security on borders and cracking down on smugglers.",
        "Canada's concession averted a Chinese embargo on Canadian canola.",
        "It is not necessary that they participate in air strikes, the Iraqi minister said.",
        "It's a process Mark Toner, a State Department spokesman, called the most stringent for anyone entering.",
    ],
)
def test_what_did_not_happen_is_not_coded(text):
    assert not [e for e in _events(text) if e.root in {"10", "12", "13", "15", "16", "19"}]


@pytest.mark.slow
def test_a_deployment_to_help_is_offered_protection_not_a_threat():
    text = "Canada said it will send several dozen troops to Iraq to help advise the government."
    assert ("0334", "CAN", "IRQ") in _dyads(text)


# -------------------------------------------------------------------- opinions, views and cautions


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # an evaluation of what someone ought to do: 'for X to V'
        "Romney said it was never too early for the United States government to condemn attacks on Americans.",
        # an opinion about what someone would do
        "Some argue that Iran's leaders would be willing to launch a suicidal war against the US or Israel.",
        "Republicans argue the relief is unwarranted because Iran has continued violating U.N. resolutions.",
        # a view agreed on is no promise of an act
        "Mr. Putin agreed that Russian and U.S. forces should be fighting together.",
        # a caution with no one threatened
        "President Obama on Monday warned against overreacting to the Islamic State attacks on Paris.",
    ],
)
def test_opinions_and_cautions_are_not_events(text):
    assert not [e for e in _events(text) if e.root in {"11", "12", "13", "16", "19"}]


@pytest.mark.slow
def test_a_warning_to_someone_stays_a_threat():
    assert ("130", "USA", "IRN") in _dyads("The United States warned Iran against attacking its ships.")


@pytest.mark.slow
def test_unplaced_groups_belong_to_the_article_country():
    text = (
        "Islamic rebels attacked villages in the Philippines on Thursday. The Philippine army said the Philippine "
        "government sent troops to Mindanao and the Philippines would respond. A village official was gunned "
        "down by the militants late Thursday."
    )
    assert ("1823", "PHL", "PHL") in _dyads(text)
    # ... but not when the sentence places them in another country
    paris = (
        "The White House defended its response. The White House said the United States stood with France. "
        "A man lays flowers in Paris where four people were killed in a terror attack."
    )
    assert not [e for e in _events(paris) if e.root == "18" and e.target.country == "USA"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # the target of force is the place it is aimed into, however deep the phrase hangs
        ("Turkey has carried out dozens of strikes inside Iraq this year.", ("195", "TUR", "IRQ")),
        ("The U.S. has conducted strikes against the militants within Somalia.", ("195", "USA", "SOM")),
        # ... or the one other country its clause names
        (
            "The Turkish army launched a major assault after two of its soldiers died under Syrian shelling.",
            ("190", "TUR", "SYR"),
        ),
        # an agentless killing by force that came from a place
        ("Two Israelis were killed when a mortar shell fired from Lebanon hit their car.", ("1823", "LBN", "ISR")),
        # an attack by militants with no target or foreign place named is on their own country
        ("Afghan militants attacked a checkpoint on Sunday.", ("180", "AFG", "AFG")),
        # ordering force and sending forces to use it are that force, by who ordered or sent it
        ("The U.S. president ordered dozens of airstrikes in Libya.", ("195", "USA", "LBY")),
        ("France sent six fighter jets to strike Libyan army positions.", ("195", "FRA", "LBY")),
        # a machete is no cyber attack
        ("Bangladeshi extremists hacked a Bangladeshi publisher to death.", ("1823", "BGD", "BGD")),
    ],
)
def test_force_finds_its_implied_side(text, expected):
    assert expected in _dyads(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # where victims died is not who killed them
        "All 150 passengers on the Russian airliner were killed when the plane crashed in Egypt.",
        # an attack one only imagines or alleges
        "An attack by Iran on Saudi Arabia would trigger a regional war, the analyst wrote.",
        "Monitors investigated an allegation that Ethiopian troops had attacked the town of Badme.",
    ],
)
def test_force_not_asserted_or_not_implied_is_not_coded(text):
    dyads = _dyads(text)
    assert not [d for d in dyads if d[0][:2] in {"18", "19"} and "---" not in d[1:]], dyads
    assert not [d for d in dyads if d[1] == "EGY"], dyads


@pytest.mark.slow
def test_order_for_force_is_no_demand():
    dyads = _dyads("The U.S. president ordered dozens of airstrikes in Libya.")
    assert not [d for d in dyads if d[0][:2] == "10"], dyads
    sent = _dyads("France sent six fighter jets to strike Libyan army positions.")
    assert not [d for d in sent if d[0][:2] == "07"], sent


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, root",
    [
        # an act passed over
        ("Rather than pressure Iran to negotiate, the president praised its restraint.", "02"),
        ("Instead of sanctioning Russia, the European Union praised its restraint.", "16"),
        ("The European Union praised Russia without sanctioning Iran.", "16"),
        # an order or appeal in the imperative: asked for, not done
        ('"Mr. President, expel the Russian ambassador now," the senator wrote.', "17"),
        ('"Withdraw your troops from Ukraine," the German chancellor told the Russian president.', "08"),
        # what is yet to come
        ("North Korea fired a missile ahead of a summit between the leaders of the United States and China.", "04"),
        # ... which at most is planned
        ("North Korea fired a missile ahead of a meeting between its leader and the U.S. president.", "04"),
    ],
)
def test_acts_passed_over_asked_for_or_to_come_are_not_coded(text, root):
    dyads = _dyads(text)
    assert not [d for d in dyads if d[0][:2] == root], dyads


@pytest.mark.slow
def test_legal_appeals_and_internal_orders_are_no_demands():
    assert not _dyads("The Trump administration is appealing the federal judge's order on asylum.")
    assert not _dyads("The U.S. Air Force has ordered a worldwide review of its hotel bookings.")
    # an order to someone to act still is one
    assert ("1056", "USA", "RUS") in _dyads("The United States ordered Russia to withdraw its troops from Syria.")


@pytest.mark.slow
def test_coordinated_subjects_of_an_intention_act_together():
    joint = _dyads("Russia and China vowed to block the resolution.")  # a vow to block is a threat, made together
    assert not [d for d in joint if d[1:] == ("RUS", "CHN")] and ("130", "RUS", "---") in joint
    assert ("032", "RUS", "---") in _dyads("Russia and China vowed to support the resolution.")
    assert ("036", "RUS", "CHN") in _dyads("Russia and China agreed to meet.")
    assert ("0354", "RUS", "CHN") in _dyads("Russia and China agreed to lift their tariffs.")
    assert ("057", "RUS", "CHN") in _dyads("Russia and China signed a treaty.")


@pytest.mark.slow
def test_anti_x_names_the_target_and_an_act_is_not_obliged():
    assert ("140", "PAK", "USA") in _dyads("Thousands of Pakistanis staged anti-American protests on Friday.")
    assert not [d for d in _dyads("Violent anti-Japanese protests broke out in Chinese cities.") if d[1] == "JPN"]
    assert ("1056", "DEU", "RUS") in _dyads("German Chancellor Angela Merkel said Russia must withdraw its troops.")
    assert not _dyads('The Syrian opposition leader said U.S. military action should remain "on the table."')


@pytest.mark.slow
def test_lists_and_joint_support():
    met = _dyads(
        "President Donald Trump met with leaders including British Prime Minister Theresa May and Israeli Prime "
        "Minister Benjamin Netanyahu."
    )
    assert {("040", "USA", "GBR"), ("040", "USA", "ISR")} <= met
    # supporting something together is not supporting each other; cooperating is
    assert not [d for d in _dyads("Britain and France supported the resolution.") if d[1:] == ("GBR", "FRA")]
    assert not _dyads("Russia and China blocked a statement supported by Britain, France and the United States.") & {
        ("051", "GBR", "FRA"),
        ("051", "GBR", "USA"),
    }
    assert ("050", "GBR", "FRA") in _dyads("Britain and France cooperated.")


@pytest.mark.slow
def test_unnamed_justice_is_the_country_of_the_accused_or_of_the_place():
    assert ("173", "ISR", "ISR") in _dyads(
        "Prime Minister Benjamin Netanyahu was indicted on Tuesday on charges of bribery and fraud."
    )
    assert ("173", "IRN", "GBR") in _dyads("A British aid worker was arrested in Iran.")
    # foreigners in an article about another country: who arrested them is not said
    arrested = _dyads("German police raided a mosque in Berlin. Two Iranian diplomats were arrested.")
    assert ("173", "IRN", "IRN") not in arrested


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # a threat of force is aimed where the force would go
        ("Ankara is threatening a new offensive in Syria.", ("1384", "TUR", "SYR")),
        # an act left without a target takes the one other country its clause names
        (
            "North Korea early Thursday threatened to back away from the much-anticipated upcoming summit "
            "with the U.S.",
            ("130", "PRK", "USA"),
        ),
        # an agreement is between its parties, whatever it is about
        ("US and Russian officials reached an agreement on Syria's chemical weapons.", ("057", "USA", "RUS")),
        # leaders meeting officials met those officials, not each other
        (
            "British Prime Minister David Cameron and French President Nicolas Sarkozy met top officials in Libya.",
            ("040", "GBR", "LBY"),
        ),
        # force at home is on the home country
        ("Syrian warplanes dropped bombs over far-flung Syrian towns.", ("195", "SYR", "SYR")),
        # an insurgency's victims are its own country's
        ("Boko Haram has killed hundreds more innocent people since January.", ("1823", "NGA", "NGA")),
    ],
)
def test_targets_the_sentence_implies(text, expected):
    assert expected in _dyads(text)


@pytest.mark.slow
def test_allies_and_raiders_are_not_their_own_targets():
    assert not _dyads("Hezbollah and Iranian fighters fight on Assad's behalf.")
    assert ("057", "GBR", "FRA") not in _dyads(
        "British Prime Minister David Cameron and French President Nicolas Sarkozy met top officials in Libya."
    )
    pirates = _dyads("The number of ships attacked by Somali pirates dropped to its lowest level since 2009.")
    assert ("180", "SOM", "SOM") not in pirates


@pytest.mark.slow
def test_allegations_cancellations_and_none_given_are_not_the_act():
    alleged = _dyads("The U.S. and many other nations allege that Syrian President Bashar Assad used chemical weapons.")
    assert not [d for d in alleged if d[0][:2] == "20"] and ("112", "USA", "SYR") in alleged
    assert not _dyads("No extra assistance to the labs was provided by the U.S. government to China.")
    assert not [
        d
        for d in _dyads(
            "President Obama on Thursday canceled joint military maneuvers between U.S. and Egyptian troops."
        )
        if d[0][:2] == "06"
    ]


@pytest.mark.slow
def test_victims_a_participle_tells_of_are_where_the_force_struck():
    shelled = _dyads("Sudanese rebels shelled the southern regional capital Juba on Sunday, killing about 20 people.")
    assert ("1823", "SDN", "SSD") in shelled
    assert ("182", "ISR", "PSE") in _dyads("An Israeli warplane fired a missile at a car in Gaza, wounding two people.")


@pytest.mark.slow
def test_ending_a_war_is_no_act_of_war():
    promised = _dyads("As a candidate, Barack Obama promised to end the war in Iraq and close Guantanamo Bay.")
    assert not [d for d in promised if d[0][:2] in {"13", "19"}], promised
    assert not [d for d in _dyads("The U.S. helped Colombia end its war with the FARC rebels.") if d[0][:2] == "19"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        # a state bombing, or striking a base, is an air strike; militants' bombings are bombings
        ("The United States struck a Syrian military airbase on Friday.", ("195", "USA", "SYR")),
        ("The U.S. has been bombing Syria since 2014.", ("195", "USA", "SYR")),
        ("Militants carried out deadly bombings on churches in Cairo last year.", ("183", "EGY", "EGY")),
    ],
)
def test_who_bombs_decides_the_code(text, expected):
    assert expected in _dyads(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Michael Flynn pleaded guilty in December 2017 to lying to the FBI.",  # no appeal
        "President Trump is actively deploying the resources of the U.S. government.",  # no troops
        "The president's rhetoric threatens to undermine talks with North Korea.",  # a risk, no threat
        "With Obama ruling out sending U.S. ground troops into Iraq, the plan matters.",  # ruled out
        "Aid groups set up contingency plans in case the U.S. does launch strikes against Syria.",  # a condition
        # held off, an intention negated above the one that names the act, and keeping going against no one
        "Bernie Sanders held off endorsing Hillary Clinton.",
        "Mitt Romney is not planning to offer an endorsement of Donald Trump.",
        "Sen. Bernie Sanders vowed to fight on.",
        # a denied charge: the verb's complement and its conjuncts
        "Russia has persistently denied sending troops and arming separatist rebels in eastern Ukraine.",
        "Israel denied carrying out the air strike on Syria.",
    ],
)
def test_words_that_only_look_like_events(text):
    assert not _dyads(text)


@pytest.mark.slow
def test_own_country_named_as_the_place_and_conjoined_verbs():
    assert ("100", "IRN", "IRN") in _dyads(
        "We should be inspired by all those Iranians pushing for regime change in Iran."
    )
    clashed = _dyads(
        "In the Gaza Strip, dozens of protesters gathered near the border fence with Israel and clashed with "
        "Israeli troops."
    )
    assert ("190", "PSE", "ISR") in clashed


@pytest.mark.slow
def test_target_from_the_sentence_before_and_planned_and_verbal_acts():
    # an act whose own sentence names no one is aimed at the one country the sentence before names
    withdrew = _dyads(
        "Iran has enriched uranium beyond the limits of its nuclear deal with world powers. President Donald Trump "
        "withdrew from the deal in 2018."
    )
    assert ("127", "USA", "IRN") in withdrew
    # ... but not across a paragraph
    apart = _dyads(
        "Iran has enriched uranium beyond the limits of the deal.\n\nPresident Donald Trump withdrew from the deal."
    )
    assert ("127", "USA", "IRN") not in apart
    # slated and preparing to act is an intention
    slated = _dyads("President Donald Trump is slated to meet Russian President Vladimir Putin in Helsinki.")
    assert not [d for d in slated if d[0][:2] == "04"] and ("036", "USA", "RUS") in slated
    # a politician attacking people attacks with words
    words = _dyads("House Speaker Nancy Pelosi attacked the Republican senators on Tuesday.")
    assert not [d for d in words if d[0][:2] in {"18", "19"}]


@pytest.mark.slow
def test_tests_disputes_and_admissions():
    assert ("150", "PRK", "JPN") in _dyads("North Korea test-fired a ballistic missile over Japan.")
    assert not [d for d in _dyads("North Korea carried out its sixth nuclear test.") if d[0][:2] == "19"]
    assert ("110", "USA", "RUS") in _dyads("Washington and Moscow have clashed over the future of Syria.")
    assert ("190", "RUS", "UKR") in _dyads("Russian and Ukrainian troops clashed near Donetsk.")
    assert not [d for d in _dyads("President Obama conceded that the strategy had failed.") if d[0][:2] == "08"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "No other sitting US president has ever visited the Japanese city.",  # no one did
        "The solution to ISIS is to hunt down and kill its leaders, Senator Ted Cruz said.",  # a prescription
        "Killing a foreign leader is obviously a covert operation.",  # a generic act
        "Putin disputes Obama's statement that the Assad regime carried out the gas attack.",  # a disputed claim
        "The fear among U.S. officials is that Russia will bomb all rebel groups in Syria.",  # a fear
        "President Donald Trump ended a year of negotiations for a U.S. military pullout with the Taliban.",  # sought
        "Her client always vigorously opposed any Russian trip for Donald Trump.",  # opposed, not made
    ],
)
def test_acts_that_are_denied_prescribed_feared_or_sought_are_not_coded(text):
    assert not [d for d in _dyads(text) if d[0][:2] in {"04", "08", "18", "19", "20"}], _dyads(text)


@pytest.mark.slow
def test_where_force_came_from_is_not_its_target():
    launched = _dyads("Israeli fighter jets launched the missiles from Lebanon's airspace on Monday.")
    assert not [d for d in launched if d[2] == "LBN"], launched


@pytest.mark.slow
def test_harm_vowed_is_a_threat_and_unnamed_victims_take_the_force_just_told_of():
    assert ("130", "USA", "MEX") in _dyads("President Donald Trump promised to make Mexico pay for the wall.")
    injured = _dyads(
        "Egyptian soldiers opened fire on the protesters in Cairo on Friday. At least two people were injured."
    )
    assert ("182", "EGY", "EGY") in injured
    apart = _dyads(
        "Egyptian soldiers opened fire on the protesters in Cairo on Friday.\n\nAt least two people were injured in "
        "a separate incident."
    )
    assert ("182", "EGY", "EGY") not in apart


@pytest.mark.slow
def test_regional_peoples_and_cities_that_name_agreements_are_no_country():
    detained = _dyads("Mexican police detained hundreds of Central American migrants on Tuesday.")
    assert detained and all(d[2] != "MEX" and d[2] != "USA" for d in detained), detained
    assert ("173", "MEX", "MEX") in _dyads("Mexican police detained hundreds of migrants on Tuesday.")
    paris = _dyads("The United States withdrew from the Paris climate agreement in 2017.")
    assert all(d[2] != "FRA" for d in paris), paris
    assert ("125", "ISR", "IRN") in _dyads("Israel rejected the Iranian proposal.")


@pytest.mark.slow
def test_a_definite_thing_takes_the_owner_an_earlier_sentence_gave_it():
    assert ("125", "PSE", "USA") in _dyads(
        "The White House unveiled its peace plan on Tuesday. Palestinian President Mahmoud Abbas dismissed the plan."
    )
    assert ("051", "ISR", "EGY") in _dyads("A ceasefire plan was proposed by Egypt. Israel welcomed the plan.")
    assert ("111", "DEU", "ISR") in _dyads("Israel announced a plan to annex land. Germany criticized the plan.")
    # a new plan ('a plan') and a plan whose owner is the critic's own country refer to no one else's
    assert not [d for d in _dyads("Israel announced a plan. Germany criticized a plan.") if d[2] == "ISR"]
    own = _dyads("Germany announced a plan to cut emissions. The German opposition criticized the plan.")
    assert not [d for d in own if d[2] not in {"DEU", "---"}], own


@pytest.mark.slow
def test_vows_to_oppose_are_threats_and_forced_to_is_no_coercion():
    assert ("130", "USA", "---") in _dyads("Last week, President Donald Trump vowed to stop the caravan.")
    # a promise, not a threat (aimed at home: nothing else is named; see test_domestic_politics_is_aimed_at_home)
    assert ("030", "USA", "USA") in _dyads("Obama vowed to cut back on the use of that tactic.")
    assert not _dyads("The central bank was forced to intervene to prevent shortages of basic goods.")
    assert ("170", "RUS", "UKR") in _dyads("Russia forced Ukraine to withdraw its troops.")
    insisted = _dyads(
        "Given Trump's insistence that President Trump meet with Chinese President Xi Jinping, all waits."
    )
    assert not [d for d in insisted if d[0].startswith("04")], insisted


@pytest.mark.slow
def test_attacking_a_plan_is_criticism():
    assert ("111", "GBR", "GBR") in _dyads("British opposition parties attacked the Labour government's asylum plans.")
    assert ("190", "RUS", "UKR") in _dyads("Russian forces attacked the Ukrainian positions near Donetsk.")


@pytest.mark.slow
def test_naming_and_the_programme_words_were_said_on_are_no_demand():
    named = _dyads('Britain\'s Conservative Party called Labour "a brilliant machine for talking about things".')
    assert not [d for d in named if d[0].startswith("10")], named
    said = '"Any of them would make competent MPs," British MP Martin Bell insisted on BBC Radio 4\'s Today programme.'
    assert not _dyads(said)
    assert ("1056", "IRN", "USA") in _dyads("Iran insisted on the withdrawal of US troops from Iraq.")


@pytest.mark.slow
def test_warnings_of_news_and_advice_to_ones_own_are_no_threats_and_claims_are_not_asserted():
    assert not [d for d in _dyads("NATO warned of Russia moving combat troops into eastern Ukraine.") if d[1] == "NAT"]
    assert not _dyads("The State Department warned U.S. citizens against travel to Pakistan.")
    assert ("130", "PRK", "KOR") in _dyads("North Korea has warned Seoul of a nuclear war.")
    claims = "Mr Brown refused to deny claims the prime minister had reneged on a deal with Britain's Labour Party."
    assert not [d for d in _dyads(claims) if d[0].startswith("12")], _dyads(claims)
    assert ("127", "GBR", "GBR") in _dyads(
        "The deal that the prime minister had reneged on angered Britain's Labour Party."
    )


@pytest.mark.slow
def test_words_still_to_be_said_obligations_and_shared_views_are_no_events():
    assert not _dyads("The Obama administration will demand a thorough review from Mexico.")
    assert ("100", "USA", "MEX") in _dyads("The Obama administration demanded a thorough review from Mexico.")
    assert not _dyads("The Taliban must also agree to a cease-fire and direct talks with the Afghan government.")
    assert not _dyads("The US and Russia agree that a large-scale chemical weapons attack occurred in Ghouta.")
    assert ("030", "RUS", "USA") in _dyads("Russia and the US agreed that they would hold talks.")


@pytest.mark.slow
def test_imminent_acts_are_intentions_and_own_country_is_a_target_only_as_the_place():
    withdrawal = _dyads("The Netherlands announced the imminent withdrawal of its troops from Iraq.")
    assert not [d for d in withdrawal if d[0].startswith("087")], withdrawal
    assert ("100", "IRN", "IRN") in _dyads("Iranians are pushing for regime change in Iran.")
    called = _dyads("President Trump called for illegal immigrants who invade the U.S. to be sent back.")
    assert ("100", "USA", "USA") not in called, called


@pytest.mark.slow
def test_the_bundled_example_yields_its_events_and_no_more(seed_analysis):
    """The seed article's events as read by hand: the visit, its hosting, the memorandum, the easing of Section 907
    and the Washington declaration with Armenia; the peace agreement Azerbaijan 'initiated the signing of' after the
    war is an initiative, not a signing (a stricter reading than the reference gold needs, so a change shows here)."""
    found = {(e.code, e.source.country, e.target.country, e.trigger) for e in seed_analysis.events}
    for core in [("042", "AZE", "USA", "visit"), ("043", "USA", "AZE", "invitation"), ("085", "USA", "AZE", "suspend")]:
        assert core in found, found
    assert ("057", "AZE", "USA", "signing") in found, found
    assert not [e for e in found if e[0] == "057" and e[2] == "ARM" and e[3] == "signing"], found


# -------------------------------------------------------------------- h1: targets of appeals, demands and refusals


@pytest.mark.slow
def test_domestic_politics_is_aimed_at_home():
    """An appeal, demand, refusal or threat by a state's politicians that names no one, in a passage naming no other
    country, is aimed at their own country, with a lowered confidence."""
    asked = [e for e in _events("President Obama asked for $4 billion to repair the nation's bridges.")]
    assert [(e.code[:2], e.source.country, e.target.country) for e in asked] == [("02", "USA", "USA")], asked
    assert asked[0].target.inferred and asked[0].confidence < 0.55
    assert ("120", "USA", "USA") in _dyads("House Democrats refused to fund the new detention centers.")
    assert ("130", "USA", "USA") in _dyads("Senate Republicans threatened to withhold their votes.")
    # another country in the sentence before: not domestic
    assert ("100", "USA", "USA") not in _dyads(
        "Iran tested a missile on Monday. The American president called for new measures."
    )


@pytest.mark.slow
def test_foreign_affairs_and_states_named_as_such_are_not_domestic():
    """Threats to retaliate, calls for calm or restraint, appeals to both sides or to humanity, and acts of a state
    named as such ('China called ...') are foreign affairs: their target stays absent when no one is named."""
    for text in [
        "The Iranian foreign minister threatened to retaliate.",
        "China called for calm.",
        "The Russian president urged restraint.",
        "The prime minister of Canada urged both sides to return to talks.",
        "President Macron called on humanity to protect the oceans.",
    ]:
        found = _dyads(text)
        assert found and all(d[2] == "---" for d in found), (text, found)


@pytest.mark.slow
def test_a_named_target_replaces_a_guessed_domestic_one():
    """The same act later told with its target named is kept in place of the one whose target was guessed."""
    found = _events("President Obama asked for $4 billion. Later, President Obama asked Congress for the money.")
    assert [(e.source.country, e.target.country, e.target.text) for e in found] == [("USA", "USA", "Congress")]


@pytest.mark.slow
def test_the_one_other_party_a_sentence_names_is_the_target():
    """An appeal or refusal with no one named is aimed at the one other party its sentence names; those the
    source's own phrase names act with it."""
    assert ("022", "BRA", "JPN") in _dyads(
        "Brazilian engineers trained at two Japanese institutes, and the Brazilians asked for more support."
    )
    assert ("125", "PSE", "USA") in _dyads(
        "The Palestinians, who were cut off by the Trump administration last year, have refused to join the talks."
    )
    pushed = _dyads("Officials from the European Union and Germany, who have pushed for a truce for weeks, met.")
    assert all(d[2] == "---" for d in pushed), pushed


# -------------------------------------------------------------------- modality: acts the text does not assert


def _codes(text: str) -> set[str]:
    return {d[0] for d in _dyads(text)}


@pytest.mark.slow
def test_an_inverted_should_is_a_condition_not_an_appeal():
    dyads = _dyads(
        "But should Tokyo take such a step, Beijing has said it would be forced to deploy warships near Japan."
    )
    assert not [d for d in dyads if d[0].startswith(("02", "15"))], dyads
    assert ("138", "CHN", "JPN") in dyads  # the consequence Beijing announces is a threat


@pytest.mark.slow
def test_hedged_acts_are_not_asserted():
    assert not _dyads("Pakistani officials said the Indian army probably shelled Pakistani villages twice in May.")
    shelled = _dyads("Pakistani officials said the Indian army shelled Pakistani villages twice in May.")
    assert ("194", "IND", "PAK") in shelled
    assert not _dyads("A second video purported to show Libyan militiamen executing five Egyptian prisoners.")
    assert ("1823", "LBY", "EGY") in _dyads(
        "A second video showed Libyan militiamen executing five Egyptian prisoners."
    )


@pytest.mark.slow
def test_alleged_acts_named_by_nouns_are_charges():
    assert not _dyads("The inquiry described the alleged use of torture by Egyptian police on Sudanese migrants.")
    assert ("1822", "EGY", "SDN") in _dyads(
        "The inquiry described the use of torture by Egyptian police on Sudanese migrants."
    )
    # investigating alleged crimes is an investigation
    assert ("091", "HRV", "SRB") in _dyads(
        "Croatia is investigating alleged war crimes by Croatian extremists against Serb civilians."
    )


@pytest.mark.slow
def test_acts_one_was_about_to_do_recommended_or_was_reluctant_to_do_are_not_done():
    assert not _dyads("The Nigerian army had been about to attack the Cameroonian border post.")
    assert not _dyads("Brazilian lawmakers voted to recommend that Brazil suspend its aid to Venezuela.")
    assert ("162", "BRA", "VEN") in _dyads("Brazil suspended its aid to Venezuela.")
    assert not _dyads("Japan has been reluctant to lift its sanctions on North Korea.")


@pytest.mark.slow
def test_what_hangs_on_a_future_clause_is_an_intention():
    assert _codes("Prime Minister Modi said India would continue to work closely with Japan on security.") == {"032"}
    assert _codes("Chancellor Merkel will try to ease tensions with Turkey when she meets President Erdogan.") == {
        "036"
    }
    assert _codes("Chancellor Merkel tried to ease tensions with Turkey when she met President Erdogan.") == {"040"}
    assert _codes("Putin announced the coming deployment of a new missile on the border with Finland.") == {"138"}
    assert _codes("French officials were negotiating a meeting between Macron and the Iranian president Rouhani.") == {
        "036"
    }


@pytest.mark.slow
def test_as_opposed_to_and_a_negation_shared_by_a_bare_conjunct():
    assert not _dyads("Chile will receive priority as opposed to Peru.")
    assert not _dyads("Vietnam did not follow China's lead and reject the maritime agreement with the Philippines.")
    assert ("127", "VNM", "PHL") in _dyads(
        "Vietnam followed China's lead and rejected the maritime agreement with the Philippines."
    )


@pytest.mark.slow
def test_acts_only_called_for_or_asked_about_are_not_done():
    assert not _dyads("The Turkish president resisted a call on Monday to expel the Dutch ambassador.")
    assert ("140", "VEN", "VEN") in _dyads(
        "Thousands of Venezuelans heeded the opposition's call to protest against the Maduro government."
    )
    assert not _dyads(
        "Asked if he was referring to a war between Russia and Georgia, the Russian envoy told reporters no."
    )


@pytest.mark.slow
def test_claims_the_same_sentence_denies_are_not_asserted():
    assert not _dyads(
        "A Brazilian newspaper claimed Argentina and Chile have agreed to direct talks, but Santiago denied it."
    )
    assert ("036", "ARG", "CHL") in _dyads("Argentina and Chile have agreed to direct talks.")
    unconfirmed = (
        "Kenyan officials said the rebel commander had been killed by a Somali airstrike, "
        "but Somali officials never confirmed his death."
    )
    assert not _dyads(unconfirmed)
    assert ("195", "SOM", "SOM") in _dyads(  # a killing by an air strike is an air strike
        "Kenyan officials said the rebel commander had been killed by a Somali airstrike in Kismayo."
    )
    assert not _dyads("The Iraqi minister said reports that Iraq had agreed to ship its oil to Syria were wrong.")
    assert ("030", "IRQ", "SYR") in _dyads("The Iraqi minister said Iraq had agreed to ship its oil to Syria.")


@pytest.mark.slow
def test_what_follows_from_a_condition_is_not_asserted():
    assert not _dyads(
        "If the deal collapses, it means Japan is asking South Korea to abandon the talks, the analyst said."
    )
    assert ("020", "JPN", "KOR") in _dyads("Japan is asking South Korea to abandon the talks, the analyst said.")
    # a remark to the reader is no condition, and threats are conditional by nature
    assert ("040", "CHN", "JPN") in _dyads(
        "If you recall, the Chinese president met the Japanese prime minister last year."
    )
    assert ("1312", "USA", "CUB") in _dyads(
        "U.S. senators have threatened new sanctions on Cuba if the prisoners are not freed."
    )
    assert ("1056", "EGY", "PSE") in _dyads(
        "The Egyptian parliament passed a statement calling for an immediate cease-fire in Gaza."
    )


@pytest.mark.slow
def test_page_furniture_in_the_body_is_not_read():
    menu = (
        "Israeli jets struck Gaza on Monday.\n\n"
        "JUST WATCHED Lebanon, Syria agree to talks Replay More Videos ... "
        "MUST WATCH Lebanon, Syria agree to talks 02:10\n\n"
        "Egypt urges Jordan to reopen the border Read more\n\n"
        "More: Kenya expels Somali diplomats\n\n"
        "Crisis talks:Qatar accuses Bahrain of meddling\n\n"
        "The strikes continued overnight."
    )
    assert _dyads(menu) == {("195", "ISR", "PSE")}  # the article's own sentence, and no headline of the menus
    # a line that ends as a sentence does is text, whatever its colon ('Q:' in an interview)
    from dateline.pipeline import _blank_boilerplate

    interview = "Q:Why did Egypt close the border?\nA:Because Egypt feared attacks."
    assert _blank_boilerplate(interview) == interview
    assert _blank_boilerplate("Crisis talks:Qatar accuses Bahrain of meddling").strip() == ""
    related = "Related:Qatar threatens to expel Bahraini diplomats; Riyadh vows 'a reply'"
    assert _blank_boilerplate(related).strip() == ""


# -------------------------------------------------------------------- agents the passive does not mark with 'by'


@pytest.mark.slow
def test_agents_named_by_hands_clashes_and_whose_strikes_they_were():
    assert ("1823", "SOM", "SOM") in _dyads(
        "Police said more than 300 villagers had been killed at the hands of al-Shabaab in Somalia."
    )
    assert ("1823", "SDN", "SDN") in _dyads("Three protesters were killed in clashes with police in Khartoum.")
    wounded = _dyads("Dozens of people have been wounded since the Saudi strikes began on Monday in Yemen.")
    assert ("182", "SAU", "YEM") in wounded, wounded
    # a country's own war is fought by its own people
    libya = _dyads("Aid groups estimate that more than 5,000 people have been killed since the Libyan conflict began.")
    assert ("1823", "LBY", "LBY") in libya, libya
    # whose the strike is, not where it happened: the victims are where it struck
    assert ("1952", "USA", "YEM") in _dyads("A Yemeni teenager was killed in a US drone strike in Marib.")
    assert ("1952", "GBR", "SYR") in _dyads("A British drone strike killed four fighters in Syria on Sunday.")
    # a city before 'attacks' is where they happened, not who made them
    nairobi = _dyads("Ten people were killed in the Nairobi attacks.")
    assert nairobi and all(d[1] == "---" for d in nairobi), nairobi


@pytest.mark.slow
def test_a_headline_drops_the_auxiliary_of_its_passive():
    headline = _dyads("Iraqi boy killed in Iranian rocket attack")
    assert ("194", "IRN", "IRQ") in headline and not [d for d in headline if d[1] == "IRQ"], headline


@pytest.mark.slow
def test_killing_with_heavy_weapons_is_fighting_and_an_army_reports_its_own_air_strikes():
    assert ("195", "EGY", "EGY") in _dyads("An Egyptian airstrike killed 30 militants in Sinai.")
    assert ("195", "JOR", "JOR") in _dyads("The commander was killed by a Jordanian air strike last month.")
    assert ("195", "FRA", "MLI") in _dyads("The French army said airstrikes killed 12 militants in Mali.")
    # rockets an army reports are the enemy's
    rockets = _dyads("The French army said rocket fire killed two soldiers in Mali.")
    assert rockets and all(d[1] != "FRA" for d in rockets), rockets


@pytest.mark.slow
def test_wars_named_for_places_and_accords_named_for_cities_are_no_parties():
    assert not [d for d in _dyads("She covered the Libya and Yemen wars.") if d[0].startswith("19")]
    accord = _dyads("India and Brazil agreed to join the Paris climate accord.")
    assert accord and all(d[2] != "FRA" for d in accord), accord


@pytest.mark.slow
def test_those_a_country_deports_are_not_its_own():
    deported = _dyads(
        "The United States faces a crisis at its border with Mexico, U.S. officials said. Critics in the United "
        "States blamed Congress. In 2012 the U.S. administration deported more than 400,000 people."
    )
    assert ("174", "USA", "---") in deported and ("174", "USA", "USA") not in deported, deported


@pytest.mark.slow
def test_world_leaders_and_foreign_companies_are_no_one_countrys():
    summit = _dyads("The Turkish president met with world leaders in Brazil for the summit.")
    assert not [d for d in summit if "BRA" in d], summit
    assert ("170", "CHN", "CHN") not in _dyads("Beijing pressured foreign companies to hand over their technology.")
    # a country's foreign ministers are its own
    assert ("040", "POL", "HUN") in _dyads("The foreign ministers of Poland and Hungary met in Vienna.")


# -------------------------------------------------------------------- CAMEO roots: force, vows, other senses


def _roots(text: str) -> set[str]:
    return {d[0][:2] for d in _dyads(text)}


@pytest.mark.slow
def test_killings_by_air_and_missile_strikes_are_conventional_force():
    assert ("195", "EGY", "LBY") in _dyads("An Egyptian airstrike killed 30 militants in eastern Libya on Sunday.")
    assert ("195", "ESP", "MLI") in _dyads("The insurgent commander was killed by a Spanish airstrike in Mali.")
    assert "18" not in _roots("Pakistani air raids have killed the Taliban commander in Waziristan.")
    bombing = _dyads("Russia has been bombing Syria since 2015, killing thousands of civilians.")
    assert bombing and all(d[0].startswith("19") for d in bombing), bombing
    # gunmen and clashes are no armed forces: their killings stay assaults
    assert ("1823", "AFG", "AFG") in _dyads("Taliban gunmen killed five Afghan policemen in Kunduz.")


@pytest.mark.slow
def test_a_support_verb_takes_the_kind_of_attack_its_noun_names_and_states_attack_with_force():
    assert ("204", "SYR", "SYR") in _dyads("The Syrian army launched a chemical attack on a suburb of Homs.")
    assert ("1831", "AFG", "AFG") in _dyads("The Taliban carried out a suicide attack on a police base in Helmand.")
    assert ("202", "IRN", "IRN") in _dyads("The Iranian regime carried out mass executions of prisoners in Tehran.")
    assert ("190", "RUS", "UKR") in _dyads("Russia launched its assault on Ukraine in February.")
    assert ("190", "SAU", "YEM") in _dyads("The Saudi coalition's assault on Yemen continued for months.")
    # people from a country are not its forces
    assert ("180", "PSE", "ISR") in _dyads("Palestinians attacked Israeli settlers near Nablus.")
    # a support verb of another kind keeps its own code ('postponed the visit' is no visit)
    assert ("160", "BRA", "USA") in _dyads("Brazil postponed a state visit to Washington over the spying affair.")


@pytest.mark.slow
def test_pressing_someone_to_act_is_a_demand_not_coercion():
    assert ("100", "USA", "CHN") in _dyads("The United States pressured China to curb its exports of steel.")
    assert ("170", "RUS", "UKR") in _dyads("Russia has pressured Ukraine with gas cutoffs.")


@pytest.mark.slow
def test_a_vow_takes_the_code_of_what_is_vowed():
    assert ("130", "USA", "MEX") in _dyads(
        "President Donald Trump promised to build a fence and make Mexico pay for it."
    )
    # (aimed at home: a veto is domestic politics; see test_domestic_politics_is_aimed_at_home)
    assert ("130", "USA", "USA") in _dyads("President Joe Biden vowed to use his veto to kill the measure.")
    assert ("138", "JPN", "PRK") in _dyads(
        "Japanese Prime Minister Shinzo Abe promised a firm military response to any North Korean provocation."
    )
    # a promise of words is no event
    assert not _dyads("President Donald Trump, who promises to deliver a big speech Monday, softened his tone.")
    # a promise to end or postpone harm is no threat
    assert "13" not in _roots("President Donald Trump agreed to postpone a planned tariff hike on Mexico.")


@pytest.mark.slow
def test_trigger_words_in_another_sense_are_no_events():
    assert not _dyads("The vineyards near Trier are where France, Germany, and Luxembourg meet.")
    assert not _dyads("Pentagon officials are encouraged by recent gains against the Taliban in Afghanistan.")
    assert not _dyads(
        "Tariffs on Chinese goods will rise, threatening to increase tensions between Washington and Beijing."
    )
    assert ("110", "USA", "USA") in _dyads("The White House clashed with Republicans in Congress this week.")
    assert ("190", "RUS", "UKR") in _dyads("Russian troops clashed with Ukrainian soldiers near Donetsk.")
    assert not _dyads("Chinese President Xi Jinping gathered party elders for an annual policy retreat in Beidaihe.")
    assert not _dyads("President Donald Trump held a rally in Ohio on Tuesday.")
    assert not _dyads("President Donald Trump seized the chance to argue for his border wall.")
    assert _dyads("Iran seized a British tanker in the Strait of Hormuz.")


@pytest.mark.slow
def test_declining_to_comment_and_withdrawing_from_a_deal_and_going_to_ones_own_offices():
    # a refusal to say or judge is no comment (011), a refusal to talk to someone stays a rejection
    assert ("011", "JPN", "CHN") in _dyads("The Japanese government declined to criticize China over the incident.")
    assert ("1243", "IRN", "GBR") in _dyads("Iran refused to release the British sailors.")
    # 'withdraw from AGREEMENT' is filled after 'from', not by the direct object
    withdrew = _dyads("President Donald Trump withdrew the US from the Iran nuclear deal.")
    assert ("127", "USA", "IRN") in withdrew and ("127", "USA", "USA") not in withdrew, withdrew
    assert ("087", "ISR", "LBN") in _dyads("Israel withdrew its troops from Lebanon.")
    # an official entering his own government's rooms makes no visit; one to troops or abroad does
    assert not _dyads("President Barack Obama arrives in the White House briefing room to make a statement.")
    assert ("042", "USA", "USA") in _dyads("President Donald Trump visited U.S. troops in Iraq.")


@pytest.mark.slow
def test_a_synset_object_is_what_the_act_is_done_to_not_whom_with():
    # the partner of 'with' or the place a blow was aimed at is no prisoner exchanged or territory struck
    assert not _dyads("Mr. Macron, who had exchanged sharp messages with President Donald Trump, spoke to reporters.")
    assert ("0332", "USA", "SYR") in _dyads("The United States prepares to supply Syrian rebels with small arms.")
    # objects a sense excludes: a gun pulled out, a health crisis quelled; a suburb is territory
    assert not _dyads("North Korea has pulled its 50,000 workers out of the industrial complex.")
    assert not _dyads("Officials worked to quell the polio crisis in the north of Pakistan.")
    assert ("192", "SYR", "SYR") in _dyads("Syrian government forces captured a suburb of Damascus.")


# -------------------------------------------------------------------- modality: asked for, wished for, dated ahead


@pytest.mark.slow
def test_what_a_verb_asks_of_those_it_calls_on_is_not_done():
    # the parser hangs 'to condemn' on 'calls' as an adverbial clause: still only asked for
    assert ("111", "USA", "IRN") not in _dyads(
        "The United States reserves the right to defend its forces, and calls upon all nations to condemn Iran's "
        "attempts to block shipping."
    )
    dyads = _dyads("Indian officials have repeatedly called on Pakistan to release the fishermen but to no avail.")
    assert ("0253", "IND", "PAK") in dyads and not [d for d in dyads if d[0].startswith("08")], dyads
    # the purpose of what is called for is called for too
    called = _dyads(
        "Egyptian opposition parties called for demonstrations on Friday to protest the coup by the Egyptian military."
    )
    assert not [d for d in called if d[0].startswith("14")], called
    assert ("140", "EGY", "EGY") in _dyads(
        "Egyptian opposition parties held demonstrations on Friday to protest the coup by the Egyptian military."
    )


@pytest.mark.slow
def test_what_a_wish_or_a_denied_initiative_embeds_is_not_done():
    assert not _dyads(
        "President Obama told reporters he would like to seal a new arms deal with Russia reducing all nuclear forces, "
        "and possibly with China as well."
    )
    assert not _dyads(
        "It's important to note that these raids are not a new Obama initiative to crack down on Mexican migrants."
    )


@pytest.mark.slow
def test_leave_or_keenness_to_act_is_no_act():
    assert not _dyads("Iran's military warned that it has been authorized to attack Israel using ballistic missiles.")
    assert not _dyads("The involvement of drug cartels makes Mexico even more anxious to crack down.")


@pytest.mark.slow
def test_acts_dated_ahead_are_intentions():
    assert _codes("Japanese Prime Minister Abe is visiting China on Friday.") == {"036"}
    assert _codes("Japanese Prime Minister Abe visited China on Friday.") == {"042"}
    # a caption's present tells what the picture shows
    assert _codes(
        "Hide Caption 3 of 12 Photos: Japanese Prime Minister Abe and Chinese President Xi meet on Friday."
    ) == {"040"}
    stepping_down = _codes(
        "Britain's foreign secretary, who is stepping down from his post in September, said that the talks with Iran "
        "had failed."
    )
    assert not [c for c in stepping_down if c.startswith("08")], stepping_down
    # the purpose of a future arrival is future, and so is a summit at which one is scheduled to meet
    arrival = _codes(
        "New destruction will await Egypt's new Prime Minister, when he arrives Friday morning in Gaza to meet with "
        "Palestinian officials."
    )
    assert not [c for c in arrival if c.startswith("04")], arrival
    assert "040" not in _codes(
        "President Obama is scheduled to meet with Putin in Germany at the annual G-20 summit on Friday."
    )


@pytest.mark.slow
def test_what_is_judged_unlikely_or_feared_is_no_intention():
    assert not _dyads("It seems unlikely the Saudis will back down now.")
    assert not _dyads(
        "The fear among U.S. officials is that Russia will not discriminate and will bomb all rebel groups in Syria "
        "to keep Assad in power."
    )


@pytest.mark.slow
def test_the_purpose_of_a_journey_in_progress_is_still_ahead():
    assert ("036", "USA", "DEU") in _dyads("President Obama is travelling to Berlin to meet Chancellor Merkel.")
    assert ("040", "USA", "DEU") not in _dyads("President Obama is travelling to Berlin to meet Chancellor Merkel.")
    assert ("040", "USA", "DEU") in _dyads("President Obama travelled to Berlin to meet Chancellor Merkel.")


# -------------------------------------------------------------------- named sides that are not the one acted on


@pytest.mark.slow
def test_a_partners_country_is_where_a_joint_act_happens_not_its_target():
    drills = _dyads("Philippine and American marines held drills in the Philippines on Monday.")
    assert drills and not [d for d in drills if d[2] == "PHL"], drills
    assert not [
        d for d in _dyads("Military exercises in Japan by U.S. and Japanese troops angered China.") if d[2] == "JPN"
    ]
    # alone in another country, the place is still its target
    assert ("150", "USA", "JPN") in _dyads("American forces held exercises in Japan last week.")


@pytest.mark.slow
def test_partners_standing_by_a_text_do_not_stand_by_each_other():
    assert not _dyads("Spain and Italy stood by the agreement.")
    assert ("052", "ESP", "ITA") in _dyads("Spain and Italy stood by each other.")


@pytest.mark.slow
def test_forces_listed_with_what_is_bolstered_are_the_means_not_the_target():
    bolstered = _dyads("Polish troops were praised. NATO bolstered its air defenses and Polish troops.")
    assert bolstered and not [d for d in bolstered if d[2] == "POL"], bolstered


@pytest.mark.slow
def test_a_states_own_troops_it_moves_are_its_means_and_the_place_they_leave_is_the_target():
    pulled = _dyads("France pulled French soldiers out of Mali.")
    assert ("087", "FRA", "MLI") in pulled and ("087", "FRA", "FRA") not in pulled, pulled
    # another's soldiers are the ones released
    assert ("0841", "PSE", "ISR") in _dyads("Hamas released the Israeli soldier on Monday.")


@pytest.mark.slow
def test_talks_held_for_ones_own_side_are_not_held_with_it():
    # (Zarif, Iran's foreign minister, is known to the leaders list: the praise is Kerry's, the talks no one's)
    dyads = _dyads("U.S. envoy Kerry, who is leading the talks for the Obama administration, praised Zarif.")
    assert dyads == {("051", "USA", "IRN")}
    # a meeting held for another is held with it
    assert ("040", "RUS", "SYR") in _dyads("Officials from Moscow attended a meeting for the Syrian opposition.")


@pytest.mark.slow
def test_where_one_is_criticised_for_an_act_is_not_its_target():
    incursion = _dyads("Turkey has come under fire on Capitol Hill for its incursion into Syria last month.")
    assert ("190", "TUR", "SYR") in incursion and not [d for d in incursion if d[2] == "USA"], incursion


@pytest.mark.slow
def test_what_a_person_is_supplied_with_is_no_party():
    supplied = _dyads("Washington supplied the rebels with weapons from Saudi Arabia.")
    assert supplied and not [d for d in supplied if d[2] == "SAU"], supplied


@pytest.mark.slow
def test_one_of_someones_allies_named_in_apposition_is_that_one():
    assert ("111", "GBR", "RUS") in _dyads(
        "One of Obama's closest allies, British Prime Minister David Cameron, criticized Russia."
    )
    # one we cannot place is one of those he is one of
    assert ("111", "RUS", "UKR") in _dyads("One of Putin's aides, Ivan Petrov, criticized Ukraine.")


@pytest.mark.slow
def test_the_ministers_an_organisation_gathers_are_its_own_not_its_partners():
    assert not _dyads("NATO's meeting of defense ministers in Brussels ended on Friday.")
    assert ("040", "RUS", "USA") in _dyads("The meeting of Putin and Trump in Helsinki ended.")


@pytest.mark.slow
def test_a_group_a_state_coerces_with_no_other_country_named_is_its_own():
    # an article naming several countries, so that none dominates it
    opening = "Brazil and Argentina signed a trade pact on Monday, and Chile praised Peru.\n\n"
    detained = _dyads(opening + "Last week the Venezuelan government detained more than fifty dissidents for a rally.")
    assert ("173", "VEN", "VEN") in detained, detained
    # a sentence naming another country leaves the group unplaced
    abroad = _dyads(opening + "Last week the Venezuelan government detained dissidents after talks with Colombia.")
    assert not [d for d in abroad if d[0] == "173" and d[2] == "VEN"], abroad


@pytest.mark.slow
def test_an_act_only_attempted_is_not_coded_but_one_done_in_words_is():
    assert not _dyads("Chinese hackers attempted to hack the German parliament.")
    assert not _dyads("Beijing is working to release the Canadian detainee.")
    assert not _dyads("Erdogan is trying to intimidate Greek judges.")
    # warning or pressing someone is done by trying to
    assert [d for d in _dyads("Dutch officers tried to warn Iran.") if d[0][:2] == "13" and d[1:] == ("NLD", "IRN")]
    # without the attempt, the act is asserted
    assert [d for d in _dyads("Chinese hackers hacked the German parliament.") if d[1:] == ("CHN", "DEU")]


@pytest.mark.slow
def test_what_indications_point_to_is_not_asserted():
    assert not _dyads("Early indications were the Syrians had agreed to ship the uranium to China.")
    assert [d for d in _dyads("The Syrians had agreed to ship the uranium to China.") if d[1:] == ("SYR", "CHN")]


# ---- helper h8 (session 5): roots of support, police raids and 'quell'


@pytest.mark.slow
def test_expressing_support_is_support_not_a_promise_of_it():
    said = _dyads("The French president expressed support for the German plan.")
    assert ("051", "FRA", "DEU") in said and not [d for d in said if d[0].startswith("03")], said


@pytest.mark.slow
def test_forces_backing_a_side_cooperate_militarily():
    backed = _dyads("The Iraqi army, which is backed by about 5,000 American troops, is losing ground.")
    assert ("062", "USA", "IRQ") in backed and not [d for d in backed if d[0] == "051"], backed
    # a government's backing is words of support
    assert ("051", "FRA", "DEU") in _dyads("The French government backed the German proposal.")
    # a retired general backing a candidate backs with words
    general = _dyads("Retired French General Paul Morel said he backs Senator Luc Renard for president.")
    assert not [d for d in general if d[0] == "062"], general


@pytest.mark.slow
def test_police_raids_coerce_rather_than_strike_from_the_air():
    raids = _dyads("In Belgium, Belgian police conducted raids at four addresses across Antwerp.")
    assert raids and {d[0][:2] for d in raids} == {"17"}, raids
    # a raid from the air stays a strike
    assert ("195", "ISR", "PSE") in _dyads("Israeli jets launched air raids on Gaza.")


@pytest.mark.slow
def test_quelling_a_controversy_is_no_repression():
    assert not _dyads("Republican leaders scrambled to quell the controversy over the memo.")
    assert not _dyads("The Chinese government worked to quell the growing row over the budget.")
    assert ("175", "NGA", "NGA") in _dyads("Nigerian police quelled the riots in Lagos.")


@pytest.mark.slow
def test_deaths_in_a_disaster_or_a_crash_are_no_assault():
    assert not _dyads("An earthquake in Turkey killed 300 people on Monday.")
    assert not _dyads("Kenyan Airways flight 101, which crashed on Monday killing all 80 people aboard, was found.")
    assert ("190", "SYR", "SYR") in _dyads("Syrian troops killed 30 rebels in Homs.")


# ---- helper h2 (session 6): verbal roots that the words do not bear out


def test_lexicon_absent_synset_is_parsed_and_checked(tmp_path):
    lexicon = load_lexicon()
    host = next(p for p in lexicon.candidates("verb", "host") if p.code == "043")
    assert host.absent_synsets == ("ARMED",) and host.synset is None
    with pytest.raises(DataFileError) as err:
        load_lexicon(_write(tmp_path, 'codes:\n  "043":\n    verbs: ["host !GUESTS"]\n'))
    assert err.value.code == "DL201" and "GUESTS" in str(err.value)


@pytest.mark.slow
def test_a_vow_to_coerce_or_wall_off_is_a_threat_and_a_vow_to_stop_ones_own_act_is_no_threat():
    wall = _dyads(
        "During the campaign, President Donald Trump promised to build a border wall between Mexico and the US."
    )
    assert ("130", "USA", "MEX") in wall and not [d for d in wall if d[0] == "030"], wall
    force = _dyads("The Brazilian president vowed to set up a deportation unit for Venezuelan migrants.")
    assert [d for d in force if d[0][:2] == "13"] and not [d for d in force if d[0][:2] == "03"], force
    tolerance = _dyads("The Italian interior minister vowed a zero tolerance policy toward Tunisian smugglers.")
    assert [d for d in tolerance if d[0] == "130"] and not [d for d in tolerance if d[0] == "030"], tolerance
    suspend = _dyads("The Polish prime minister vowed to suspend the Syrian resettlement program.")
    assert ("130", "POL", "SYR") in suspend, suspend
    # ending what one does oneself, or one's own sanctions, is a concession
    assert ("030", "IRN", "FRA") in _dyads("Iran promised to stop enriching uranium after France offered relief.")
    halt = _dyads("President Donald Trump agreed to halt the tariff increases on Chinese goods.")
    assert ("030", "USA", "CHN") in halt and not [d for d in halt if d[0][:2] == "13"], halt
    # stopping what others do stays a threat
    assert ("130", "RUS", "SYR") in _dyads("Russia vowed to stop the Syrian resolution.")


@pytest.mark.slow
def test_a_warning_with_no_content_threatens_no_one():
    assert not _dyads("Turkey, in turn, warned Russia.")
    assert ("130", "TUR", "RUS") in _dyads("Turkey warned Russia that its jets would be shot down.")


@pytest.mark.slow
def test_naming_taking_questions_and_attracting_voters_are_no_appeals():
    assert not _dyads("The Kenyan opposition called the Kenyan election a fraud.")
    assert not _dyads("The Turkish president called on a Greek reporter at the news conference.")
    assert ("020", "TUR", "GRC") in _dyads("The Turkish president called on Greece to withdraw its ships.")
    assert not _dyads("The candidate's message appeals to Italian voters.")
    assert ("020", "DEU", "RUS") in _dyads("Germany appealed to Russia for restraint.")


@pytest.mark.slow
def test_admitting_a_fact_or_giving_notice_is_no_yielding():
    assert not _dyads("As the Kremlin has conceded, Russian soldiers were in Crimea.")
    assert not _dyads("Kenya's envoy gave Somalia a heads-up about the raid.")
    assert not _dyads("The Somali minister gave up trying to reach Kenya.")
    assert ("0874", "SYR", "TUR") in _dyads("Syrian rebels gave up the town of Afrin after weeks of Turkish shelling.")


@pytest.mark.slow
def test_forces_hosted_commanded_or_arriving_and_lands_defended_are_no_diplomacy():
    assert not _dyads("Qatar hosts thousands of U.S. troops at its air base.")
    assert ("043", "QAT", "IRN") in _dyads("Qatar hosted the Iranian foreign minister on Monday.")
    assert ("043", "CHN", "RUS") in _dyads("Chinese President Xi welcomed Russian President Putin to Beijing.")
    assert not _dyads("American missiles were deployed to defend South Korea.")
    # a country defended against criticism is defended with words
    assert ("052", "EGY", "SDN") in _dyads(
        "The Egyptian president defended Sudan against Western criticism of its elections."
    )
    assert ("052", "JPN", "CAN") in _dyads(
        "The Japanese foreign minister defended Canadian Prime Minister Trudeau against the accusations."
    )
    assert not [d for d in _dyads("Putin ordered Russian troops to leave Syria.") if d[0][:2] == "10"]
    assert [d for d in _dyads("A French judge ordered the German government to pay.") if d[0][:2] == "10"]
    assert not _dyads("The first French military unit arrived in Mali after the attack.")
    assert ("042", "FRA", "MLI") in _dyads("The French president arrived in Mali on Monday.")
    assert not _dyads("The German chancellor wants to mobilize the international community to pressure Iran.")


@pytest.mark.slow
def test_buildings_and_positions_are_attacked_with_force_not_words():
    churches = _dyads("Supporters of Imran Khan attacked several churches in Lahore.")
    assert churches and not [d for d in churches if d[0][:2] == "11"], churches
    positions = _dyads("Rebels said Assad's forces have been attacking their positions in Idlib.")
    assert positions and not [d for d in positions if d[0][:2] == "11"], positions
    # a stance is attacked with words
    stance = _dyads("Prime Minister Imran Khan attacked the Indian prime minister's position on Kashmir.")
    assert ("111", "PAK", "IND") in stance, stance


@pytest.mark.slow
def test_declining_to_refute_withholds_words_and_a_deadline_promises_nothing():
    refute = _dyads("The Chinese envoy declined to refute the Japanese claims.")
    assert not [d for d in refute if d[0][:2] == "12"], refute
    assert ("1243", "CHN", "CAN") in _dyads("Beijing refused to release the Canadian detainees.")
    assert not _dyads("The Egyptian army gave Morsi 48 hours to agree to share power.")


@pytest.mark.slow
def test_cooperating_with_prosecutors_is_judicial_and_troops_sent_with_arms_are_deployed():
    witness = _dyads("The Turkish businessman agreed to cooperate with American prosecutors.")
    assert [d for d in witness if d[0].startswith("031")] and not [d for d in witness if d[0] == "032"], witness
    war = _dyads("Britain sent tanks and troops to fight against Iraq.")
    assert not [d for d in war if d[0] == "072"], war
    assert ("072", "GBR", "UKR") in _dyads("Britain sent tanks to Ukraine.")


@pytest.mark.slow
def test_a_rival_threatening_votes_threatens_no_one():
    assert not _dyads("The UKIP party threatens to siphon away votes from the Conservatives.")
    assert ("1311", "IRN", "EUR") in _dyads("Iran threatened to cut off oil supplies to Europe.")


# ---- helper h6 (session 6): who the source is


@pytest.mark.slow
def test_a_source_is_not_read_off_what_its_phrase_is_about():
    # 'lawmakers over a Syrian refugee' are not Syrian; 'students outside the French embassy' not French
    assert not [
        d
        for d in _dyads("The Danish interior minister was criticized by lawmakers over a Syrian refugee.")
        if d[1] == "SYR"
    ]
    burned = _dyads("Students outside the French embassy in Tunis set fire to the French flag.")
    assert not [d for d in burned if d[1] == "FRA"], burned


@pytest.mark.slow
def test_what_a_named_subject_is_said_to_be_acts_as_that_subject():
    assert ("190", "LBN", "SYR") in _dyads("Hezbollah is the strongest militia fighting the Syrian rebels.")
    # not what it will not be
    assert not _dyads("Turkey will not be the first country to deploy troops to Libya.")


@pytest.mark.slow
def test_a_gapped_passive_shares_the_combat_it_fell_in():
    killed = _dyads("An Afghan policeman was killed and three wounded in combat with Taliban fighters.")
    assert ("1823", "AFG", "AFG") in killed, killed


@pytest.mark.slow
def test_aid_and_ties_passively_cut_are_cut_by_their_owner():
    assert ("162", "GBR", "KEN") in _dyads("British military aid to Kenya was suspended last month.")


@pytest.mark.slow
def test_a_summit_where_two_leaders_met_is_no_meeting_of_its_host():
    met = _dyads("Biden met Xi at the G20 summit in Bali on Monday.")
    assert ("040", "USA", "CHN") in met and not [d for d in met if d[1] == "G20"], met


@pytest.mark.slow
def test_members_named_in_apposition_act_not_their_alliance():
    blamed = _dyads("NATO members Norway and Denmark blamed Russia for the collapse of the pact.")
    assert {("112", "NOR", "RUS"), ("112", "DNK", "RUS")} <= blamed and not [d for d in blamed if d[1] == "NAT"]


@pytest.mark.slow
def test_a_fronted_participle_is_done_to_the_main_subject():
    said = _dyads("Asked to explain the decision, French Foreign Minister Jean Morel criticized Germany.")
    assert ("111", "FRA", "DEU") in said and not [d for d in said if d[0].startswith("02")], said


@pytest.mark.slow
def test_they_in_a_quote_is_not_its_single_speaker():
    text = 'The Armenian president Armen Sarkissian spoke on Monday. "They are still shelling our villages," he said.'
    assert not [d for d in _dyads(text) if d[1] == "ARM"]


@pytest.mark.slow
def test_he_does_not_continue_a_person_who_only_names_an_occasion():
    text = (
        "The Putin meeting was the highlight of the trip for Mr. Trump, who spoke in Warsaw. "
        "He met Chancellor Merkel in Berlin."
    )
    assert ("040", "USA", "DEU") in _dyads(text)


@pytest.mark.slow
def test_a_language_named_by_a_demonym_is_no_country():
    text = "Sen. Ann Walker told the Spanish-language network Univision on Monday that she criticized the governor."
    assert not [d for d in _dyads(text) if "ESP" in d[1:]]


@pytest.mark.slow
def test_separatists_directed_from_abroad_are_not_their_backer():
    seized = _dyads("Moscow-directed separatists occupied government buildings in eastern Ukraine.")
    assert not [d for d in seized if d[1] == "RUS"], seized


@pytest.mark.slow
def test_the_attack_continues_the_attack_named_before():
    text = (
        "The Iranian attack on the Ain al-Asad base came at night.\n\n"
        "Eleven American soldiers were injured in the attack, a US official said."
    )
    assert ("182", "IRN", "USA") in _dyads(text)


@pytest.mark.slow
def test_an_army_reports_its_own_strikes():
    text = "The French military said a senior al-Shabaab commander was killed during a coalition strike."
    assert [d for d in _dyads(text) if d[0][:2] in {"18", "19"} and d[1:] == ("FRA", "SOM")]


@pytest.mark.slow
def test_rebels_battling_a_government_are_its_country_s():
    armed = _dyads("The United States continues to arm the rebels battling the Syrian government.")
    assert ("190", "SYR", "SYR") in armed, armed


@pytest.mark.slow
def test_turning_a_killing_into_an_issue_is_not_doing_it():
    assert not _dyads("The senator turned the killing of three Mexican workers into a campaign issue.")
    assert ("141", "KEN", "UGA") in _dyads(
        "Thousands of Kenyans turned out for a rally against the Ugandan government."
    )


@pytest.mark.slow
def test_who_announces_the_deployment_of_a_thing_deploys_it():
    announced = _dyads("Erdogan announced the deployment of a new radar near the border with Armenia.")
    assert [d for d in announced if d[1] == "TUR"] and not [d for d in announced if d[1] == "ARM"], announced


# ---- helper h3 (session 6): the root of material acts


@pytest.mark.slow
def test_missiles_launched_at_no_one_are_a_show_of_force():
    sea = _dyads("Pyongyang fired three ballistic missiles into the sea off its eastern coast on Tuesday.")
    assert sea and {d[0] for d in sea} == {"150"}, sea
    assert ("150", "PRK", "JPN") in _dyads("North Korea fired a missile over Japan last week.")
    satellite = _dyads("Iran launched a long-range rocket carrying a satellite on Sunday.")
    assert satellite and {d[0] for d in satellite} == {"150"}, satellite
    # fired at a target, it is a strike
    assert ("195", "IRN", "USA") in _dyads("Iran fired ballistic missiles at American bases in Iraq.")


@pytest.mark.slow
def test_gunmen_and_terrorists_assault_rather_than_fight():
    shot = _dyads("Masked gunmen opened fire on worshippers at a mosque in Kabul.")
    assert shot and {d[0][:2] for d in shot} == {"18"}, shot
    struck = _dyads("The terrorists struck at the heart of French tradition.")
    assert struck and {d[0][:2] for d in struck} == {"18"}, struck
    blocked = _dyads("The gunmen burned cars to block roads in Kabul.")
    assert blocked and not [d for d in blocked if d[0][:2] == "14"], blocked
    # soldiers firing fight; rebels blocking roads obstruct in protest
    assert [d for d in _dyads("Syrian troops opened fire on rebels in Idlib.") if d[0][:2] == "19"]
    assert ("144", "MLI", "MLI") in _dyads("Rebels in Mali blocked roads into Bamako.")


@pytest.mark.slow
def test_an_armed_groups_march_on_a_country_is_an_offensive():
    assert ("190", "IMG", "SYR") in _dyads("The Islamic State began an aggressive march on Syria.")


@pytest.mark.slow
def test_a_countrys_people_bomb_unconventionally_its_forces_conventionally():
    planted = _dyads("A Pakistani immigrant planted bombs in Chicago.")
    assert planted and {d[0] for d in planted} == {"183"}, planted
    assert ("195", "USA", "SOM") in _dyads("U.S. warplanes bombed militants in Somalia.")
    assert [d for d in _dyads("Israeli jets attacked Hamas positions in Gaza.") if d[0][:2] == "19"]
    # a statesman of the past bombing a country: his country's force
    assert ("195", "USA", "LBY") in _dyads("Ronald Reagan bombed Libya and intervened in Lebanon.")


@pytest.mark.slow
def test_attacking_positions_or_by_ones_men_is_force_not_words():
    assert ("190", "RUS", "UKR") in _dyads("Russia attacked Ukrainian positions near Kharkiv.")
    forces = _dyads("Bashar al-Assad's forces attacked rebel positions in Idlib.")
    assert forces and not [d for d in forces if d[0][:2] == "11"], forces
    # a party attacking a position attacks with words
    assert ("111", "GBR", "GBR") in _dyads("Labour attacked the government's position on Brexit.")


@pytest.mark.slow
def test_deaths_from_a_chemical_attack_are_mass_violence():
    gas = _dyads("Syrian government forces launched a gas attack on a town near Hama, killing 80 people.")
    assert gas and {d[0] for d in gas} == {"204"}, gas
    assert ("204", "SYR", "SYR") in _dyads("A chemical attack in the Syrian town of Douma killed 40 people.")


@pytest.mark.slow
def test_deaths_told_after_an_accident_are_no_assault():
    assert not _dyads("The crash was the worst air disaster in Peru in decades. All 60 people aboard were killed.")
    # (killed at home by no one named: the country's own, now that Helmand is known to be Afghan)
    assert ("1823", "AFG", "AFG") in _dyads("Ten Afghan soldiers were killed in Helmand on Monday.")


@pytest.mark.slow
def test_words_that_only_look_like_coercion():
    # recorded, tasked, voters mobilised, a term banned, enforcement suppressed: no arrest, force or repression
    assert not _dyads("The suffering of Syrian refugees was captured on camera by reporters.")
    assert not _dyads("The American prosecutor is charged with investigating links with Russia.")
    assert not _dyads("The new law lets American Democrats mobilize their base.")
    assert not _dyads("The Turkish government banned the term genocide.")
    assert not _dyads("The Mexican government's suppression of enforcement angered Washington.")
    assert ("173", "IRQ", "SYR") in _dyads("Iraqi police captured the Syrian gunman in Baghdad.")
    assert ("154", "RUS", "---") in _dyads("Russia mobilized its army on Monday.")


@pytest.mark.slow
def test_seizing_people_detains_them_and_driving_out_forces_is_fighting():
    crew = _dyads("The crew of two American boats was seized in the Persian Gulf by Iranian forces.")
    assert ("173", "IRN", "USA") in crew and not [d for d in crew if d[0] == "192"], crew
    assert ("192", "IRN", "IRQ") in _dyads("Iranian forces seized the Iraqi town of Mandali.")
    driven = _dyads("Kenyan and Somali troops drove the militants out of Kismayo.")
    assert driven and not [d for d in driven if d[0][:2] == "20"] and [d for d in driven if d[0] == "190"], driven


@pytest.mark.slow
def test_political_battles_and_pressure_are_no_force():
    assert ("110", "USA", "USA") in _dyads("Republicans and Democrats battled over the budget.")
    assert not _dyads("Republican senators struck deals, pressuring conservatives in the House to act.")


@pytest.mark.slow
def test_celebrating_crowds_and_rescheduled_trips():
    assert not _dyads("Thousands of Argentines took to the streets to celebrate the victory.")
    assert ("141", "ARG", "ARG") in _dyads("Thousands of Argentines took to the streets to protest the reform.")
    assert not _dyads("The French president canceled a trip to Brazil and Chile to go to Brussels.")
    assert ("160", "FRA", "BRA") in _dyads("The French president canceled a trip to Brazil over the dispute.")


@pytest.mark.slow
def test_the_agent_of_a_passive_is_not_what_is_acted_on():
    assert not _dyads("Some 5,000 people stayed indoors as ordered by Kenyan police.")
    assert not _dyads("The rebel ranks were bolstered by Syrian soldiers.")
    assert ("153", "NGA", "NGA") in _dyads("The Nigerian governor deployed police in Lagos.")


def test_name_cards_and_bracketed_links_are_furniture():
    from dateline.pipeline import _blank_boilerplate

    card = (
        "French President Emmanuel Macron Emmanuel Jean-Michel MacronNATO chief to visit Turkey "
        "Trump hosts Erdogan at White House MORE on Monday urged Germany to act."
    )
    blanked = _blank_boilerplate(card)
    assert len(blanked) == len(card)
    assert blanked.startswith("French President Emmanuel Macron ") and "visit" not in blanked
    assert " ".join(blanked.split()) == "French President Emmanuel Macron on Monday urged Germany to act."
    linked = "Tehran is defiant.\n\n( Also on POLITICO: Obama announces new Iran sanctions)\n\nTalks resume."
    assert "sanctions" not in _blank_boilerplate(linked)
    # a capital after a lower-case letter with no 'MORE' to close a card is text ('McConnell', 'iPhone')
    plain = "Senator McConnell said the iPhone was made in China."
    assert _blank_boilerplate(plain) == plain


@pytest.mark.slow
def test_a_name_card_gives_no_event_and_keeps_the_name():
    card = (
        "French President Emmanuel Macron Emmanuel Jean-Michel MacronNATO chief to visit Turkey "
        "Trump hosts Erdogan at White House MORE on Monday urged Germany to raise its defence spending."
    )
    assert _dyads(card) == {("020", "FRA", "DEU")}


@pytest.mark.slow
def test_a_name_before_a_blanked_card_is_still_the_person():
    # the blank left by the card is no part of the name: 'President Trump' stays Trump
    card = (
        "President Trump Donald John TrumpGOP senators balk at impeachment trial Democrats make play for votes "
        "MORE urged Mexico to stop the caravan."
    )
    assert _dyads(card) == {("020", "USA", "MEX")}


@pytest.mark.slow
def test_a_campaigns_strike_is_a_figure_of_speech():
    assert not _dyads("The French president's re-election campaign launched a pre-emptive strike against his rival.")
    assert ("195", "SAU", "YEM") in _dyads("The Saudi air campaign struck Houthi positions in Yemen.")


# ---- helper h1 (session 6): targets of force that the sentence implies


@pytest.mark.slow
def test_a_states_force_with_no_target_fights_the_armed_group_or_other_party_named():
    # the armed group the sentence, or the one before, names
    assert ("195", "FRA", "IMG") in _dyads("As the Islamic State advanced on the capital, France ordered airstrikes.")
    assert ("195", "GBR", "IMG") in _dyads("Al-Qaeda fighters seized two towns. Britain then carried out airstrikes.")
    # else the one other party the sentence names
    assert ("195", "GBR", "ITA") in _dyads("Italy surrendered soon after Britain dropped bombs on the port city.")
    # not whoever reports the act
    reported = _dyads("Japanese officials said North Korea fired two missiles on Sunday.")
    assert not [d for d in reported if d[2] == "JPN"], reported
    # nor a bystander when the act names what it struck in words we cannot place
    struck = _dyads("Israeli soldiers shot at a protester outside the Egyptian embassy on Friday.")
    assert not [d for d in struck if d[2] == "EGY"], struck


@pytest.mark.slow
def test_rebels_a_foreign_state_backs_or_fights_are_those_of_the_one_other_country_named():
    aided = _dyads(
        "The war in Yemen has killed 10,000 people. France has given millions of euros in aid to rebel groups."
    )
    assert ("070", "FRA", "YEM") in aided, aided
    assert ("051", "GBR", "VEN") in _dyads(
        "Britain continues to back the opposition fighting the Venezuelan government."
    )
    assert ("195", "JOR", "EGY") in _dyads(
        "Cairo allowed Jordan to carry out air strikes against militant groups in the desert."
    )
    # a state's arrests at home are not placed by a foreign visitor the sentence names
    jailed = _dyads("The Cuban government jailed dozens of dissidents during a visit by the US envoy.")
    assert not [d for d in jailed if d[0][:2] == "17" and d[2] == "USA"], jailed


@pytest.mark.slow
def test_a_states_mass_violence_aimed_at_no_other_country_is_on_its_own_people():
    assert ("204", "SDN", "SDN") in _dyads("The Sudanese government has used chemical weapons in the long civil war.")
    assert ("204", "SYR", "SYR") in _dyads("The French diplomat said Syria's army gassed 3,000 villagers.")
    # not the means of an attack abroad
    abroad = _dyads("In 1987 the Iraqi army attacked Iran using chemical weapons.")
    assert ("190", "IRQ", "IRN") in abroad and ("204", "IRQ", "IRQ") not in abroad, abroad


@pytest.mark.slow
def test_a_threat_of_force_naming_no_target_is_aimed_at_the_one_state_or_armed_group_named():
    vowed = _dyads("The French president vowed to bomb the hell out of the Islamic State.")
    assert ("1383", "FRA", "IMG") in vowed, vowed
    # not at an organisation told of a plan
    told = _dyads("Iran had told U.N. agencies that it planned to launch a missile carrying a satellite.")
    assert not [d for d in told if d[2] == "UNO"], told


@pytest.mark.slow
def test_police_force_naming_no_target_is_used_at_home():
    assert ("180", "KEN", "KEN") in _dyads("Kenyan police stormed the university campus on Tuesday.")
    assert ("171", "USA", "USA") in _dyads("The FBI seized records from the lawyer's office.")
    # not when the passage names another country
    visit = _dyads("Kenyan police stormed the campus, days after the Somali president's visit.")
    assert ("180", "KEN", "KEN") not in visit, visit


@pytest.mark.slow
def test_a_bystander_in_a_side_clause_is_no_target_of_force_or_backing():
    strikes = _dyads("Russia carried out airstrikes, days after Putin met Erdogan.")
    assert not [d for d in strikes if d[0][:2] == "19" and d[2] == "TUR"], strikes
    backing = _dyads("Britain supported the opposition, as the Chinese leader visited London.")
    assert not [d for d in backing if d[0][:2] == "05" and d[2] == "CHN"], backing
    assert ("070", "USA", "SYR") in _dyads(
        "The war in Syria has killed thousands. The U.S. has given aid to rebel groups."
    )


# ---- helper h4 (session 6): what the text does not assert


@pytest.mark.slow
def test_a_typographic_contraction_of_will_or_would_is_an_intention():
    # 'he’ll', 'he’d' with a typographic apostrophe are 'he will', 'he would'
    assert _codes("Chilean President Ana Rojas said she’ll visit Bolivia next year.") == {"036"}
    assert _codes("Chilean President Ana Rojas said she’d visit Bolivia.") == {"036"}
    # ('she’d visited' is 'she had visited')
    assert _codes("Chilean President Ana Rojas said she’d visited Bolivia.") == {"042"}


@pytest.mark.slow
def test_acts_one_is_unable_to_do_are_not_done():
    assert not _dyads("The Greek government said it was unable to accept the Turkish offer.")
    assert [d for d in _dyads("The Greek government said it accepted the Turkish offer.") if d[1:] == ("GRC", "TUR")]


@pytest.mark.slow
def test_what_someone_doubts_or_worries_about_is_not_asserted():
    assert not _dyads("A Thai analyst said he was skeptical that Cambodia had shelled Thai troops.")
    assert not _dyads("Some critics worry the Dutch government will sign a weak pact with Venezuela.")
    assert ("194", "KHM", "THA") in _dyads("A Thai analyst said that Cambodia had shelled Thai troops.")


@pytest.mark.slow
def test_what_one_warns_of_has_not_happened():
    assert not _dyads("The Kenyan minister warned of a massacre of civilians by Somali militants.")
    assert not _dyads("NATO warned of Russia sending troops into Georgia.")
    assert ("154", "RUS", "GEO") in _dyads("Russia sent troops into Georgia.")


@pytest.mark.slow
def test_leave_to_act_is_not_the_act():
    # what one is authorised to do, further down the clause
    assert not _dyads("North Korea's army said it had been authorized to attack Japan using nuclear weapons.")
    # leave given in the present tense states a possibility
    assert not _dyads("The treaty allows Peru to expel Chilean diplomats, forcing Chile to respond.")
    # in the past it reports what was done
    assert [d for d in _dyads("Jordan allowed Israel to carry out air strikes in Syria.") if d[1] == "ISR"]
    # being eligible to travel is no journey
    assert not _dyads("Venezuelan diplomats remain eligible to travel to Colombia.")


@pytest.mark.slow
def test_what_an_intention_further_up_aims_at_is_not_done():
    assert not _dyads("The Polish opposition is determined to prove that Warsaw collaborated with Moscow.")
    assert not _dyads("The Qataris offered billions of dollars to buy French jets and invest in French ports.")
    assert not _dyads("Washington ramped up efforts to get Kiev to investigate Moldovan officials.")


@pytest.mark.slow
def test_an_intercepted_order_to_attack_is_no_attack():
    assert not _dyads("Israel said it intercepted an order from Iran to militants in Syria to attack Israeli posts.")


@pytest.mark.slow
def test_what_a_speculative_verb_could_lead_to_is_not_done():
    assert not _dyads(
        "Tehran believes the American sanctions could soon extend to secondary boycotts of nations trading with Iran."
    )


@pytest.mark.slow
def test_rare_and_habitual_acts_are_no_events():
    assert not _dyads("The Danish court seldom agrees to rehear cases from Greenland.")
    assert not _dyads("Trade deficits grow when countries such as Japan lend the Australian economy money.")
    assert not _dyads("Chinese officials pressure Taiwanese companies whenever Taipei criticizes Beijing.")
    assert [d for d in _dyads("Japan lent the Australian economy money.") if d[1:] == ("JPN", "AUS")]


@pytest.mark.slow
def test_what_it_is_about_time_someone_did_is_not_done():
    assert not _dyads("The Egyptian minister said it was about time the Libyans accepted the Tunisian proposal.")
    assert not _dyads("The Egyptian minister said, \u201cIt is time the Libyans accept the Tunisian proposal.\u201d")
    assert ("030", "LBY", "TUN") in _dyads("It was the last time Libya accepted a Tunisian proposal.")


@pytest.mark.slow
def test_suggested_acts_are_not_asserted():
    assert not _dyads(
        "The talks resumed after suggestions that France had broken ranks and demanded concessions from Iran."
    )
    assert ("100", "FRA", "IRN") in _dyads("The talks resumed after France demanded concessions from Iran.")


@pytest.mark.slow
def test_no_more_acts_and_stipulated_acts_are_not_done():
    assert not _dyads("Iran conducted no more missile tests that year.")
    assert not _dyads("The Arab League stipulated that Egypt withdraw its troops from Libya.")
    assert ("087", "EGY", "LBY") in _dyads("Egypt withdrew its troops from Libya.")


@pytest.mark.slow
def test_a_plot_to_kill_kills_no_one():
    assert not _dyads("The FBI said it had disrupted an Iranian plot to kill the Saudi ambassador.")
    assert ("1823", "IRN", "SAU") in _dyads("Iranian agents killed the Saudi ambassador.")


# ---- helper h5 (session 6): targets read off the wrong phrase


@pytest.mark.slow
def test_where_an_invited_party_goes_is_no_target():
    sons = _dyads("The Italian premier invited the sons of Egyptian diplomats to a Christmas party in Rome.")
    assert ("043", "ITA", "EGY") in sons and ("043", "ITA", "ITA") not in sons, sons
    talks = _dyads("The German chancellor invited the Brazilian president to Berlin for talks.")
    assert ("026", "DEU", "BRA") in talks and ("026", "DEU", "DEU") not in talks, talks
    asked = _dyads("The French president asked @elysee_aide to invite the Russian president to Paris next month.")
    assert asked == {("026", "FRA", "RUS")}, asked
    # a state's own troops sent somewhere: the destination is the target
    assert ("154", "DEU", "MLI") in _dyads("Germany sent troops to Mali.")


@pytest.mark.slow
def test_a_with_phrase_set_off_by_a_comma_is_no_partner():
    denied = _dyads(
        "Tehran has denied responsibility, with Iranian media, quoting officials, calling the theory absurd."
    )
    assert ("016", "IRN", "IRN") not in denied, denied
    assert ("040", "IRN", "OMN") in _dyads("The Iranian president met with the Omani sultan in Muscat.")


@pytest.mark.slow
def test_the_allies_of_a_country_are_not_that_country():
    some = _dyads("The Chinese president criticized some of the closest allies of Japan.")
    assert not [d for d in some if d[2] == "JPN"], some
    gulf = _dyads("The Iranian foreign minister condemned America's allies in the Gulf.")
    assert not [d for d in gulf if d[2] == "USA"], gulf
    # an alliance's allies are its members
    assert ("040", "JPN", "NAT") in _dyads("Japanese leaders met NATO allies in Brussels.")


@pytest.mark.slow
def test_ones_own_people_urged_to_act_are_addressed_not_what_they_act_on():
    citizens = _dyads("Guatemala has encouraged thousands of its citizens to enter Mexico.")
    assert ("020", "GTM", "MEX") not in citizens, citizens
    assert ("020", "LBN", "UNO") in _dyads("The Lebanese president urged the United Nations to sanction Israel.")


@pytest.mark.slow
def test_what_is_sought_from_someone_is_asked_of_them():
    aid = _dyads("Kiev sought military aid from Germany to defend against Russian aggression.")
    assert ("0232", "UKR", "DEU") in aid and not [d for d in aid if d[2] == "RUS"], aid


@pytest.mark.slow
def test_what_one_is_blamed_or_criticised_for_is_no_target():
    blamed = _dyads("The Egyptian minister blamed Turkey's strategy for the Taliban's resurgence.")
    assert ("112", "EGY", "TUR") in blamed and ("112", "EGY", "AFG") not in blamed, blamed
    plan = _dyads("A German lawmaker criticized the Italian government's plan for Libya's reconstruction.")
    assert ("111", "DEU", "ITA") in plan and ("111", "DEU", "LBY") not in plan, plan


@pytest.mark.slow
def test_the_noun_of_a_relative_clause_without_object_is_its_object():
    accused = _dyads(
        "The Turkish president reviewed the files of Greek officials he has accused of fabricating Russia allegations."
    )
    assert ("112", "TUR", "GRC") in accused and ("112", "TUR", "RUS") not in accused, accused
    fought = _dyads("The Kurdish rebels the Turkish army is fighting have lost ground.")
    assert [d for d in fought if d[0][:2] == "19" and d[1] == "TUR"], fought


def _trigger_words(text: str) -> dict[str, str]:
    from dateline.events.triggers import find_triggers
    from dateline.nlp import load_nlp

    return {t.token.text: t.code for t in find_triggers(load_nlp()(text), load_lexicon())}


@pytest.mark.slow
def test_capitalised_words_of_a_name_trigger_nothing():
    coalition = _trigger_words(
        "They made this plan to annoy people, said Tom Hale, a leader of the Coalition to Stop Smith and March on the"
        " Convention."
    )
    assert "Stop" not in coalition and "March" not in coalition, coalition
    assert "stopped" in _trigger_words("The Kenyan police stopped the protest in Nairobi.")


@pytest.mark.slow
def test_a_march_toward_a_goal_or_in_a_parade_is_no_demonstration():
    assert "141" not in _codes("Rivals in Ohio tried to slow the Kenyan senator's steady march to the nomination.")
    assert "141" not in _codes("The German chancellor marched in the Berlin carnival parade.")
    assert ("141", "KEN", "KEN") in _dyads("Thousands of Kenyans marched to the parliament in Nairobi.")


@pytest.mark.slow
def test_an_appeal_that_draws_an_audience_is_no_plea():
    assert "020" not in _codes("The Kenyan president's broad appeal to Ugandan voters worries Kampala.")
    assert "020" not in _codes("The Kenyan president appeals to a demographic in Uganda that rarely votes.")
    assert ("020", "IRN", "UNO") in _dyads("Iran made an appeal to the United Nations for help.")


@pytest.mark.slow
def test_a_won_contest_is_no_arrest_and_credit_given_is_praise():
    assert "173" not in _codes("The Mexican president has effectively locked up the nomination of his party.")
    assert ("173", "FRA", "DZA") in _dyads("French police locked up three Algerian activists.")
    credit = _dyads("The Ohio senator gave the Mexican president some credit for the deal.")
    assert ("051", "USA", "MEX") in credit and not [d for d in credit if d[0][:2] == "07"], credit


@pytest.mark.slow
def test_words_given_in_a_place_or_withheld_are_no_yielding_or_rejection():
    assert "080" not in _codes("The Kenyan president praised a speech the Nigerian leader gave in Cairo.")
    assert ("083", "KEN", "KEN") in _dyads("The Kenyan rebels gave in to the demands of the government.")
    assert "120" not in _codes("The Nigerian vice-president declined to run against the Kenyan president.")
    assert "120" not in _codes("The Kenyan president declined to define what such a deal with Somalia would include.")


@pytest.mark.slow
def test_political_rivals_attack_arm_and_mobilize_with_words_and_votes():
    assert ("111", "USA", "IRN") in _dyads(
        "Senate Republicans mounted a less direct attack on the Iranian foreign minister."
    )
    assert "0332" not in _codes(
        "The Republican Party offered fresh ammunition to Democrats who say the law is wasteful."
    )
    assert ("0332", "USA", "UKR") in _dyads("Washington offered Kiev fresh ammunition.")
    assert not _codes("Democrats who will mobilize to help the Mexican candidate win are key.")
    assert "0832" not in _codes("The Kenyan Court of Appeal reversed a previous decision of the High Court.")


@pytest.mark.slow
def test_idioms_of_force_and_figurative_objects_are_no_events():
    assert "193" not in _codes(
        "Ever since the Kenyan president took office, Kenya's diplomacy has been firing on all cylinders."
    )
    assert "171" not in _codes("Advisers to the Kenyan president burn up the phone lines whenever he stumbles.")
    assert "pleaded" not in _trigger_words(
        "A former Kenyan minister pleaded guilty to lobbying for a charity in Sudan."
    )
    assert "112" not in _codes("The Kenyan president charged into the fray against the Ugandan president.")
    assert "061" not in _codes("The vision that the German Greens are selling to French voters is an illusion.")
    assert ("072", "DEU", "FRA") in _dyads("Germany sold tanks to France.")


@pytest.mark.slow
def test_what_is_backed_dismissed_supplied_or_allowed_decides_the_root():
    assert ("111", "DEU", "AUT") in _dyads("The German press dismissed the Austrian chancellor as a lightweight.")
    assert "051" not in _codes("The French watchdog backed up the allegations against the Belgian minister.")
    assert ("072", "USA", "EGY") in _dyads(
        "Washington has supplied Egypt's military with billions of dollars in equipment."
    )
    assert "0351" in _codes("The Egyptian army pledged to allow peaceful protests.")


@pytest.mark.slow
def test_a_launch_into_space_and_a_vow_to_go_after_someone():
    assert "150" in _codes("North Korea launched a long-range rocket into space, Japan said.")
    assert ("130", "KEN", "SOM") in _dyads("The Kenyan attorney general vowed to go after the Somali militants.")


@pytest.mark.slow
def test_an_act_ruled_out_by_excess_is_not_coded():
    assert not [d for d in _dyads("Iran was too weak to attack Israel.") if d[0][:2] == "19"]
    # haste blames an act that was done
    assert ("112", "USA", "SYR") in _dyads("Washington was too quick to blame the Syrian president.")
    assert [d for d in _dyads("Iran, too, attacked Israel.") if d[0][:2] == "19"]


@pytest.mark.slow
def test_what_is_said_of_any_thing_is_no_event():
    assert not _dyads("Russia will intercept any missiles fired at Syria by Israel.")
    assert not [d for d in _dyads("Any attack on Iran by Israel is a crime.") if d[0][:2] == "19"]
    assert [d for d in _dyads("Israel fired missiles at Syria.") if d[0][:2] == "19"]


@pytest.mark.slow
def test_those_free_to_act_have_not_acted():
    assert not _dyads("French delegates are free to support the German candidate.")
    assert ("051", "FRA", "DEU") in _dyads("French delegates supported the German candidate.")


@pytest.mark.slow
def test_what_a_fabricated_report_tells_is_not_asserted():
    fake = "Iranian hackers posted fabricated reports of two blasts at the Élysée Palace that had injured Macron."
    assert not _dyads(fake)
    assert _dyads(fake.replace("fabricated ", ""))


@pytest.mark.slow
def test_a_quoted_not_ready_is_still_a_refusal():
    quoted = _dyads('The German chancellor has said she is "not ready" to endorse the French president.')
    assert quoted == _dyads("The German chancellor has said she is not ready to endorse the French president.")
    assert not [d for d in quoted if d[0][:2] == "03"], quoted


@pytest.mark.slow
def test_a_show_of_force_is_aimed_only_at_a_country_its_own_clause_names():
    tests = _dyads("Tensions with Japan have risen sharply this year. North Korea has conducted six missile tests.")
    assert ("150", "PRK", "JPN") not in tests and [d for d in tests if d[:2] == ("150", "PRK")], tests
    drills = _dyads("Relations with Turkey have soured. Greece has held large naval exercises.")
    assert ("150", "GRC", "TUR") not in drills, drills
    assert ("150", "GRC", "TUR") in _dyads("Greece held naval exercises near Turkey.")


@pytest.mark.slow
def test_a_demand_is_not_addressed_to_the_country_of_the_sentence_before():
    controls = _dyads(
        "Thousands of migrants from Honduras reached the border. The Mexican governor called for stricter controls."
    )
    assert ("100", "MEX", "HND") not in controls, controls
    dams = _dyads("Severe floods hit parts of Bangladesh last week. An Indian opposition leader called for more dams.")
    assert ("100", "IND", "BGD") not in dams, dams
    assert ("100", "SAU", "IRN") in _dyads("The Saudi foreign minister demanded a swift answer from Iran.")


@pytest.mark.slow
def test_crowds_and_protesters_use_force_at_home_when_the_passage_names_no_other_country():
    assert ("180", "EGY", "EGY") in _dyads(
        "In Alexandria, Egyptian crowds attacked worshippers coming out of a mosque."
    )
    assert ("171", "EGY", "EGY") in _dyads("Egyptian protesters burned offices of the movement in three cities.")
    # not when the passage names another country, nor pirates, who prey on anyone
    visit = _dyads("Egyptian protesters burned offices of the movement, days after the Qatari emir's visit.")
    assert ("171", "EGY", "EGY") not in visit, visit
    pirates = _dyads("Somali pirates attacked fewer ships this year.")
    assert ("180", "SOM", "SOM") not in pirates, pirates


@pytest.mark.slow
def test_a_local_community_a_party_camp_or_a_deals_members_make_no_foreign_affair():
    pledged = _dyads(
        "U.S. Senator John Smith met local leaders and pledged to promote the kinds of changes that will prevent"
        " this from happening to other families and other communities."
    )
    assert ("030", "USA", "USA") in pledged, pledged
    assert ("100", "USA", "USA") in _dyads(
        "U.S. Senator John Smith, who pushed for the plank on the Republican side, won."
    )
    asked = _dyads(
        "The U.S. Congress asked the federal agency to assess the impact of a trade deal involving the United States"
        " and 11 other countries."
    )
    assert ("020", "USA", "USA") in asked, asked
    # the international community and both sides of a conflict are still abroad
    world = _dyads("U.S. Senator John Smith urged the international community to act.")
    assert ("020", "USA", "USA") not in world, world
    sides = _dyads("U.S. Secretary John Smith urged both sides to honour the truce.")
    assert not [d for d in sides if d[2] == "USA"], sides


@pytest.mark.slow
def test_the_press_refusing_or_demanding_with_no_one_named_addresses_its_own_country():
    assert ("120", "USA", "USA") in _dyads("American broadcasters refused to air the campaign's advertisement.")
    assert ("1053", "USA", "USA") in _dyads("U.S. journalists demanded the release of the documents.")


@pytest.mark.slow
def test_a_region_named_on_the_event_noun_is_where_it_happened_not_who_did_it():
    assert not _dyads("The senator spoke at an Ohio rally on Tuesday.")
    assert not _dyads("Thousands of supporters attended a Nevada rally for the governor.")
    assert ("141", "PSE", "ISR") in _dyads("Thousands of Palestinians joined a Gaza rally against Israel.")


@pytest.mark.slow
def test_backing_down_with_another_country_in_the_passage_is_no_concession_to_oneself():
    threat = _dyads("Canada threatened to impose tariffs on Brazil. Ottawa later backed down.")
    assert ("080", "CAN", "CAN") not in threat, threat
    # domestic politics still backs down at home
    assert ("080", "USA", "USA") in _dyads("Senate Republicans backed down after a week of talks with the White House.")


@pytest.mark.slow
def test_migrants_detained_for_crossing_a_border_are_not_the_detaining_states_own_people():
    crossing = _dyads(
        "WARSAW (Reuters) - Poland has tightened its border with Belarus. In June alone, nearly 40,000 migrants"
        " were detained for illegally crossing the border, according to official data."
    )
    assert ("173", "POL", "POL") not in crossing and ("173", "POL", "---") in crossing, crossing
    # people detained with nothing said of where they came from stay the country's own
    assert ("173", "POL", "POL") in _dyads(
        "WARSAW (Reuters) - Poland has tightened its border with Belarus. More than 9,000 people were apprehended"
        " in May."
    )


@pytest.mark.slow
def test_a_promise_or_refusal_of_ones_own_support_or_action_is_not_aimed_at_oneself():
    pledged = _dyads("President Macron pledged French support for the reconstruction of Lebanon.")
    assert ("032", "FRA", "FRA") not in pledged and ("032", "FRA", "LBN") in pledged, pledged
    assert ("120", "FRA", "FRA") not in _dyads("The minister flatly ruled out French military action in the region.")
    assert ("032", "FRA", "LBN") in _dyads("President Macron pledged French support to the Lebanese army.")


@pytest.mark.slow
def test_a_meeting_with_an_agenda_is_not_with_whoever_tops_the_agenda():
    agenda = _dyads(
        "Mr. Macron and Mr. Scholz had been meeting for three days with an agenda dominated by Russia and energy"
        " prices."
    )
    assert not [d for d in agenda if d[2] == "RUS"] and ("040", "FRA", "DEU") in agenda, agenda
    assert ("040", "FRA", "IRN") in _dyads("Mr. Macron met on Monday with the delegation of Iran.")


@pytest.mark.slow
def test_acting_on_an_inquiry_is_not_acting_on_whom_it_looks_into():
    assert not _dyads("President Erdogan also condemned the ongoing investigation of Greece as a disaster.")
    assert not _dyads("President Erdogan has dismissed the investigations into Greece's election meddling as a hoax.")
    assert ("111", "TUR", "GRC") in _dyads(
        "President Erdogan condemned the Greek investigation of the shipping company."
    )


@pytest.mark.slow
def test_a_country_taken_out_of_a_deal_by_its_own_leader_is_not_the_target():
    assert not _dyads("In May, President Macron pulled Paris out of a 2015 international agreement.")
    promised = _dyads("President Macron was in Lyon, promising to get France out of the European Union.")
    assert ("030", "FRA", "FRA") not in promised and ("030", "FRA", "EUR") in promised, promised


@pytest.mark.slow
def test_a_state_that_protests_does_not_protest_at_home():
    assert ("140", "KOR", "KOR") not in _dyads("Seoul protested against a live-fire military exercise by the North.")
    # a country's people protest at home, also against their own government
    assert ("140", "LBN", "LBN") in _dyads("These are Lebanon's largest protests in almost 15 years.")
    assert ("140", "IRN", "IRN") in _dyads("Iranians have protested against their government's actions.")


@pytest.mark.slow
def test_a_battle_act_that_names_nothing_it_struck_has_no_event_without_a_target():
    assert not [d for d in _dyads("Since 2015, Pakistan has launched dozens of missiles.") if d[0][:2] == "19"]
    # what it struck is named: a battle needs it placed (a city is in its country); a test is aimed at no one
    assert not _dyads("The Turkish army fired artillery shells at positions near the border.")
    assert ("194", "TUR", "SYR") in _dyads("The Turkish army fired artillery shells at positions in Idlib.")
    assert ("150", "PRK", "---") in _dyads("North Korea test launched a missile on Tuesday.")
    # the force is still told of: an agentless sequel is its doing
    killed = _dyads(
        "Israeli jets fired missiles from Lebanese airspace, Syrian state media said. "
        "The airstrikes killed 12 people in Homs."
    )
    assert ("195", "ISR", "SYR") in killed, killed


@pytest.mark.slow
def test_coercion_with_no_one_we_can_place_has_no_event():
    assert not _dyads("The party said that China had hacked its computer network.")
    assert not _dyads("Iranian forces were seizing territory across the region.")
    assert ("171", "EGY", "EGY") in _dyads("Witnesses said Egyptian soldiers seized the cameras of the reporters.")


@pytest.mark.slow
def test_a_withdrawal_is_from_the_country_its_from_phrase_names():
    assert ("087", "CAN", "MLI") in _dyads(
        "The blast came weeks after Prime Minister Justin Trudeau ordered the withdrawal of troops from Mali after a"
        " call with the French president."
    )


@pytest.mark.slow
def test_a_politicians_attack_on_no_one_named_is_words_at_home():
    assert ("111", "USA", "USA") in _dyads("Republican lawmakers are now mounting a quieter attack.")
    abroad = _dyads("Republican lawmakers are now mounting a quieter attack on the deal with Iran.")
    assert ("111", "USA", "USA") not in abroad, abroad


@pytest.mark.slow
def test_both_sides_asked_to_act_are_the_two_countries_named_before():
    urged = _dyads(
        "Talks between Chile and Peru collapsed on Monday. The Brazilian president urged both sides to return."
    )
    assert {("020", "BRA", "CHL"), ("020", "BRA", "PER")} <= urged, urged
    # not when the passage names no two countries
    alone = _dyads("U.S. Secretary John Smith urged both sides to honour the truce.")
    assert ("027", "USA", "---") in alone, alone


@pytest.mark.slow
def test_the_one_named_before_a_for_to_clause_is_asked_to_act():
    events = _events(
        "The book recounts the debate, with Democrats pushing for President Biden to go public with what they knew."
    )
    assert [e.target.code for e in events if e.code == "100"] == ["USAGOV"], events


@pytest.mark.slow
def test_refusing_to_sign_or_withdraw_a_bill_addresses_the_own_country():
    refused = _dyads(
        "Beijing has backed the city's leader. Hong Kong leader Carrie Lam had refused to withdraw the extradition"
        " bill."
    )
    assert ("120", "HKG", "HKG") in refused and ("120", "HKG", "CHN") not in refused, refused


@pytest.mark.slow
def test_a_leaders_veto_threat_is_aimed_at_his_own_legislature():
    threat = _dyads(
        "Congress has warned it would consider new sanctions on Cuba. U.S. President John Smith has threatened to veto"
        " any such sanctions moves."
    )
    assert ("130", "USA", "USA") in threat, threat
    assert ("129", "RUS", "UNO") in _dyads("Russia vetoed the resolution in the Security Council.")


@pytest.mark.slow
def test_a_truce_is_asked_of_the_one_or_two_countries_just_named():
    called = _dyads(
        "Fighting between Armenia and Azerbaijan flared again. The French president called for an immediate ceasefire."
    )
    assert {("1056", "FRA", "ARM"), ("1056", "FRA", "AZE")} <= called, called
    assert ("1056", "SAU", "SDN") in _dyads(
        "Fighting in Sudan flared again. The Saudi foreign minister called for a truce."
    )
    # not the partners the source's own phrase names
    pushed = _dyads(
        "Officials from the United Nations and Norway, who have pushed for a truce for weeks, hope it holds."
    )
    assert not [d for d in pushed if d[2] == "NOR"], pushed


# -------------------------------------------------------------------- words in another sense (session 7, root)


@pytest.mark.slow
def test_an_electoral_prize_is_won_not_seized():
    # offices and chambers are won in elections; no one is arrested or occupied
    assert not _dyads("Republicans hoping to keep the governorship and capture the Senate cheered the report.")
    night = _dyads(
        "Republican presidential candidates flocked to the state on Tuesday. The primary results came in late."
        " Donald Trump has captured Georgia and Alabama."
    )
    assert not [d for d in night if d[0][:2] in {"17", "19"}], night


@pytest.mark.slow
def test_figurative_senses_of_recognize_demonstrate_march_talk_and_shield_are_no_events():
    assert not _dyads("Obama seemed to recognize the significance of the Iowa victory.")
    assert ("054", "USA", "SSD") in _dyads("The U.S. recognized South Sudan in 2011.")
    assert not _dyads("U.S. Senator Jane Doe, as she has demonstrated in her speeches, is a tough debater.")
    assert ("141", "IRQ", "IRQ") in _dyads("Thousands of Iraqis demonstrated in Baghdad on Friday.")
    assert not _dyads("U.S. Senator Jane Doe is marching toward November with a commanding lead.")
    assert not _dyads("U.S. Senator Jane Doe gave pep talks to Democratic lawmakers in Ohio.")
    assert not _dyads("U.S. Senator Jane Doe is using President Barack Obama as a shield against her rival's attacks.")
    assert ("184", "IMG", "IRQ") in _dyads("Islamic State militants used Iraqi civilians as shields.")


@pytest.mark.slow
def test_a_title_in_quotation_marks_is_no_meeting():
    assert not _dyads("''It is nonsense,'' U.S. Senator Jane Doe said by telephone on NBC's ''Meet the Press.''")


@pytest.mark.slow
def test_a_political_donation_and_a_hosted_contest_are_no_aid_and_no_visit():
    assert not _dyads("A Florida lobbyist who has donated $200,000 to Republican candidates described the fundraiser.")
    assert ("070", "JPN", "KEN") in _dyads("Japan donated $5 million to Kenya.")
    assert not _dyads("Ohio, which is set to host the first Republican debate next week, is a swing state.")


@pytest.mark.slow
def test_combat_words_aimed_at_words_or_fought_with_words_are_criticism():
    assert ("111", "USA", "USA") in _dyads("U.S. Senator Jane Doe attacked President Obama's handling of the economy.")
    bombarded = _dyads("U.S. Senator Jane Doe bombarded U.S. Treasury Secretary John Roe with hostile questions.")
    assert ("111", "USA", "USA") in bombarded and not [d for d in bombarded if d[0][:2] == "19"], bombarded
    ads = _dyads("A super PAC replaced Ohio ads praising Senator Jane Doe and attacking Governor John Roe.")
    assert not [d for d in ads if d[0][:2] in {"18", "19"}], ads


@pytest.mark.slow
def test_a_shooting_is_an_assault_and_who_was_shot_was_hit():
    assert ("180", "USA", "USA") in _dyads("The shooting by two Islamist radicals in California killed 14 people.")
    shot = _dyads("Three people were fatally shot last summer at a cinema in Louisiana.")
    # (an unnamed gunman killing a country's people at home is that country's: USA -> USA)
    assert ("1823", "USA") in {(d[0], d[2]) for d in shot} and not [d for d in shot if d[0] == "193"], shot
    assert ("193", "---", "MEX") in _dyads("Mexican soldiers were shot at near the border.")


@pytest.mark.slow
def test_killings_told_as_a_genocide_are_mass_violence():
    assert ("202", "TUR", "ARM") in _dyads(
        "Sunday marked 100 years since the start of the Armenian genocide, when Ottoman Turks killed a million"
        " Armenians."
    )
    assert ("1823", "TUR", "ARM") in _dyads("Ottoman Turks killed thousands of Armenians in 1909.")


@pytest.mark.slow
def test_campaign_promises_and_admissions_withheld_are_no_intent_threat_or_rejection():
    assert not _dyads("U.S. Senator Jane Doe vowed to take her campaign all the way to the convention.")
    assert not _dyads("U.S. Senator Jane Doe vowed to keep her campaign going until the convention.")
    assert ("032", "USA", "USA") in _dyads("U.S. Senator Jane Doe vowed to work with Republicans on trade.")
    assert _codes("U.S. Senator Jane Doe vowed to repeal the estate tax.") == {"030"}
    assert _roots("The Chinese president vowed to crush the protesters.") == {"13"}
    assert not _dyads("Trump, meanwhile, was refusing to concede that the senator's backers would not vote for him.")
    assert ("1243", "CHN", "CHN") in _dyads("The Chinese government refused to release the dissidents.")


@pytest.mark.slow
def test_a_warning_that_something_has_happened_threatens_no_one():
    assert not _dyads("The Pentagon chief warned that Russia had sent troops into eastern Ukraine.")
    assert _roots("Iran has warned that it will attack U.S. bases.") == {"13"}


@pytest.mark.slow
def test_goods_and_migrants_heading_abroad_make_no_visit():
    assert not _dyads("Nearly half of Ohio's exports last year headed to Canada.")
    assert not _dyads("Hundreds of migrants traveling to Germany were stopped in Hungary.")
    assert ("042", "EGY", "USA") in _dyads("The Egyptian president headed to Washington on Monday.")


@pytest.mark.slow
def test_a_senators_rally_is_a_campaign_event():
    rally = _dyads("Tuesday, the Ohio senator opened a Cleveland rally blasting the president for his trade policy.")
    assert not [d for d in rally if d[0][:2] == "14"], rally


@pytest.mark.slow
def test_a_ban_on_a_practice_sanctions_no_one():
    assert not _dyads("The U.S. Senate voted to ban therapeutic cloning in 2003.")
    assert ("172", "EGY", "EGY") in _dyads("Egypt banned the Muslim Brotherhood.")


@pytest.mark.slow
def test_ideas_and_ranges_sold_are_no_trade():
    assert not _dyads(
        "The vision of sweeping gun control that U.S. Democrats are selling to voters is probably an illusion."
    )
    assert not _dyads(
        "At home, the British prime minister sold huge state-owned companies, from Jaguar to national utilities"
        " to British Airways."
    )
    assert ("072", "USA", "EGY") in _dyads("The United States sold F-16 fighter jets to Egypt.")


@pytest.mark.slow
def test_pressing_ahead_is_no_appeal():
    assert not _dyads("President Obama pressed ahead in his campaign to sell the deal to skeptics in Congress.")
    assert ("025", "USA", "USA") in _dyads(
        "The U.S. President continued to press Democrats to climb down on their opposition to the plan."
    )


@pytest.mark.slow
def test_an_armed_group_driven_out_is_no_mass_expulsion():
    routed = _dyads("Kenyan forces drove the Islamist group out of Kismayo.")
    assert not [d for d in routed if d[0][:2] == "20"], routed


@pytest.mark.slow
def test_a_clash_with_aides_is_a_dispute():
    assert ("110", "USA", "USA") in _dyads("The U.S. Secretary of State has clashed with senior White House aides.")
    assert ("190", "SYR", "SYR") in _dyads("Syrian rebels clashed with government troops near Aleppo.")


@pytest.mark.slow
def test_security_promised_at_home_threatens_no_one_but_force_not_ruled_out_does():
    tourists = _dyads(
        "France said it would increase security in public places after a French tourist was killed in Algeria."
    )
    assert not [d for d in tourists if d[0][:2] == "13"], tourists
    cartels = _dyads("Mr. Trump has vowed to tighten border security and crack down on drug cartels.")
    assert ("137", "USA", "---") in cartels, cartels
    assert ("138", "USA", "VEN") in _dyads(
        "The Trump administration has refused to rule out military intervention in Venezuela."
    )


@pytest.mark.slow
def test_a_candidate_promising_to_defeat_rivals_or_appealing_to_folks_is_campaigning():
    assert not _dyads(
        "U.S. Senator Jane Doe is running in the Democratic Senate primary. She promised to defeat John Roe and"
        " state Sen. Mark Poe."
    )
    assert ("130", "IRQ", "IMG") in _dyads("The Iraqi president vowed to defeat ISIS.")
    assert not _dyads("U.S. Senator Jane Doe has been able to appeal to a certain group of folks who feel left behind.")


@pytest.mark.slow
def test_firing_back_at_a_politician_is_criticism():
    assert ("111", "MEX", "USA") in _dyads("The Mexican president fired back at U.S. President Donald Trump on Friday.")
    assert ("193", "ISR", "ISR") in _dyads("Israeli troops fired back at the gunmen.")


@pytest.mark.slow
def test_money_that_supports_is_aid_and_pressure_to_act_is_a_demand():
    paid = _dyads(
        "UN refugee chief Grandi welcomed the EU's financial contribution to support Turkey and refugee communities"
        " in Turkey."
    )
    assert ("070", "EUR", "TUR") in paid and ("051", "EUR", "TUR") not in paid, paid
    assert ("051", "DEU", "TUR") in _dyads("Germany praised Turkey's support for refugees.")
    pressed = _dyads("The United States stepped up pressure on China on Saturday to rein in its actions at sea.")
    assert ("100", "USA", "CHN") in pressed and ("170", "USA", "CHN") not in pressed, pressed


@pytest.mark.slow
def test_clashes_between_reporters_and_aides_and_a_planned_satellite_launch_are_no_force():
    quarrel = _dyads(
        "The tensions seem to be mirrored by clashes between American journalists and U.S. Senator Jane Doe's aides."
    )
    assert ("110", "USA", "USA") in quarrel and not [d for d in quarrel if d[0][:2] == "19"], quarrel
    assert ("190", "SYR", "SYR") in _dyads("There were clashes between Syrian rebels and government troops.")
    space = _dyads("North Korea said it planned to launch a rocket carrying an Earth observation satellite.")
    assert not [d for d in space if d[0][:2] == "13"], space
    assert ("1384", "PRK", "GUM") in _dyads("North Korea threatened to launch missiles at Guam.")


@pytest.mark.slow
def test_money_given_to_republicans_is_a_political_donation():
    assert not _dyads("A Florida lobbyist who has donated $200,000 to Republicans described the fundraiser.")


@pytest.mark.slow
def test_a_video_title_with_its_running_time_is_page_furniture():
    mocked = _dyads(
        "Chile praised Peru on Monday.\n\nSpanish premier appears to mock Portugal 01:57\n\nChile praised Peru again."
    )
    assert ("111", "ESP", "PRT") not in mocked and ("051", "CHL", "PER") in mocked, mocked
    from dateline.pipeline import _blank_boilerplate

    # a sentence that ends as one does stays, whatever time it names
    meeting = "The two leaders met at 10:30.\nThey spoke until 11:45"
    assert _blank_boilerplate(meeting).startswith("The two leaders met at 10:30.")


@pytest.mark.slow
def test_a_present_tense_with_an_adverb_of_a_norm_tells_a_habit_not_an_event():
    assert not _dyads("Brazilian voters consistently reject Argentine proposals.")
    assert not _dyads("Usually when a crisis erupts, European leaders call upon Russia to show restraint.")
    # adverbs of repetition tell of acts done
    assert ("111", "CHL", "PER") in _dyads("Chile's president often criticizes Peru for its trade policy.")


@pytest.mark.slow
def test_welcoming_what_others_may_do_is_no_stated_intention():
    assert not _dyads("Chilean officials said they would welcome Peruvian assistance in training police.")


@pytest.mark.slow
def test_what_an_appeal_asks_for_through_a_noun_is_not_done():
    assert not _dyads(
        "Ohio Gov. John Kasich joined Donald Trump in calling for a special prosecutor to investigate Joe Biden and"
        " for the foundation to be closed."
    )
    talks = _dyads(
        "Several UN resolutions call for the island's status to be decided through negotiations between Greece and"
        " Turkey."
    )
    assert ("046", "GRC", "TUR") not in talks, talks
    # the parser may hang the asked clause on the call as an adverbial
    resolutions = _dyads(
        "The draft urges nations to back old UN resolutions — passed when Greece and Turkey fought over the island —"
        " that call for the island's status to be decided through negotiations between Greece and Turkey."
    )
    assert ("046", "GRC", "TUR") not in resolutions and ("190", "GRC", "TUR") in resolutions, resolutions


@pytest.mark.slow
def test_what_a_bill_or_a_ploy_is_for_has_not_happened():
    assert not _dyads(
        "Spanish lawmakers are working on a bill with the Portuguese government to bar Russian banks from Iberian"
        " markets."
    )
    assert not _dyads("Putin is using Syria as a distraction to get France and Germany to back off.")
    assert not _dyads("Iraq's parliament took a nonbinding vote to expel U.S. troops.")
    # a decision to act tells of the act
    decided = _dyads("Ottawa condemned the White House's decision to impose tariffs on Canadian steel.")
    assert ("163", "USA", "CAN") in decided, decided


@pytest.mark.slow
def test_a_present_time_clause_on_a_clause_not_in_the_present_tells_of_time_to_come():
    assert not _dyads(
        "All signs pointed to Macron endorsing the plan on Thursday after the president meets with Merkel in Paris."
    )


@pytest.mark.slow
def test_inferences_and_impressions_report_no_act():
    assert not _dyads("The deal means that within ten years Iran will threaten Israel with nuclear bombs.")
    assert not _dyads("There is a sense in Beijing that Washington rejects Chinese proposals.")


@pytest.mark.slow
def test_a_clause_joined_by_comma_and_to_a_content_clause_is_a_clause_of_the_sentence():
    urged = _dyads(
        "Analysts believe the protests will go on, and the Sudanese Professional Association is urging Sudan's"
        " generals to step aside."
    )
    assert ("0241", "SDN", "SDN") in urged, urged


@pytest.mark.slow
def test_a_headline_infinitive_tells_what_will_be_done():
    planned = _dyads("Obama to meet Putin in Helsinki next month.")
    assert ("036", "USA", "RUS") in planned and ("040", "USA", "RUS") not in planned, planned
    # an infinitive on a noun inside a sentence with its verb is no headline
    visited = _dyads("Putin, the first Russian leader to visit Israel, met Netanyahu.")
    assert ("042", "RUS", "ISR") in visited, visited


@pytest.mark.slow
def test_doubt_said_with_a_copula_and_reports_left_unconfirmed_assert_nothing():
    assert not _dyads(
        'A Korea expert based in Tokyo told reporters he was "seriously skeptical" that Pyongyang had tested a hydrogen'
        " bomb."
    )
    assert not _dyads("Some accounts said Syrian forces were attacking unarmed protesters in Homs.")
    assert not _dyads("Unconfirmed reports said the Syrian army attacked Turkish troops near Idlib.")
    assert ("190", "SYR", "TUR") in _dyads("Reports said the Syrian army attacked Turkish troops near Idlib.")


@pytest.mark.slow
def test_an_act_after_than_is_the_one_not_chosen():
    assert not _dyads("It is less exciting than getting Russia to withdraw its troops from Ukraine, but more likely.")
    assert ("190", "RUS", "UKR") not in _dyads("Russia chose to negotiate rather than attack Ukraine.")
    assert ("190", "RUS", "UKR") in _dyads("Russia attacked Ukraine rather than negotiate.")


@pytest.mark.slow
def test_unnamed_violence_on_a_countrys_people_at_home_is_its_own():
    assert ("1823", "KEN", "KEN") in _dyads("Three Kenyan villagers were killed in Nairobi on Sunday.")
    # not when the passage names another country, nor for force from the air, which only an army flies
    told = _dyads("Three Kenyan villagers were killed in Nairobi on Sunday, a Somali official said.")
    assert ("1823", "KEN", "KEN") not in told, told
    drones = _dyads("Drones have killed hundreds of Yemeni civilians in Yemen.")
    assert ("1823", "YEM", "YEM") not in drones, drones


@pytest.mark.slow
def test_the_noun_after_with_is_the_subject_of_an_absolute_participle():
    assert ("112", "FRA", "EGY") in _dyads(
        "The fighting in Libya has drawn criticism from aid groups, with President Emmanuel Macron on Monday"
        " accusing Egypt of arming the militias."
    )


@pytest.mark.slow
def test_a_state_act_in_a_countrys_state_or_province_is_that_countrys():
    arrested = _dyads("Two Mexican journalists were arrested in Texas on Monday.")
    assert ("173", "USA", "MEX") in arrested and ("173", "MEX", "MEX") not in arrested, arrested


@pytest.mark.slow
def test_force_named_by_a_noun_is_done_to_its_of_object_by_the_proper_noun_before_it():
    bombing = _dyads("The U.S. bombing of an airbase in Libya angered Cairo.")
    assert ("195", "USA", "LBY") in bombing and not [d for d in bombing if d[1:] == ("LBY", "USA")], bombing
    assert ("191", "EGY", "LBY") in _dyads("The Egypt blockade of Libya has caused shortages.")


@pytest.mark.slow
def test_an_institutions_investigation_is_the_one_it_conducts():
    found = _events("The FBI's investigation into Senator Bob Menendez continued for months.")
    assert [(e.code, e.source.text, e.target.country) for e in found] == [("090", "FBI", "USA")], found


@pytest.mark.slow
def test_politicians_trading_combat_verbs_trade_words():
    assert _dyads("U.S. Sen. Tom Hale fired at Ohio Gov. Ann Ruiz during the rally.") == {("111", "USA", "USA")}
    # a weapon in the clause keeps the force
    armed = _dyads("U.S. Sen. Tom Hale fired at Ohio Gov. Ann Ruiz with a rifle.")
    assert armed and not [d for d in armed if d[0] == "111"]


@pytest.mark.slow
def test_a_side_is_left_unknown_only_where_the_act_stands_without_it():
    # violence by unnamed hands is news; an arrest by unnamed hands lacks the state that made it
    assert ("1823", "---", "USA") in _dyads("Three US servicemen were killed by a roadside bomb.")
    assert not _dyads("Five protesters were arrested.")
    assert ("173", "PAK", "PAK") in _dyads("Five protesters were arrested in Lahore.")  # a city places that state
    # a named doer with no country, and a battle against what we cannot place, are no events
    assert not _dyads("Activists protested the ruling.")
    assert not _dyads("The Turkish army fired artillery shells at positions near the border.")
    # words may be addressed to no one
    assert ("0233", "PAK", "---") in _dyads("Pakistan appealed for humanitarian aid after the floods.")


@pytest.mark.slow
def test_a_demand_or_accusation_noun_is_aimed_at_the_subject_of_its_that_clause():
    assert ("100", "AFR", "SDN") in _dyads("The African Union renewed its demand that Sudan hold elections.")
    accused = _dyads("The Ukrainian government's accusation that Russia is arming rebels has gained credence.")
    assert ("112", "UKR", "RUS") in accused


@pytest.mark.slow
def test_a_region_of_one_country_places_the_side_it_names():
    assert ("192", "RUS", "UKR") in _dyads("Russia's annexation of Crimea angered Poland.")
    assert ("112", "SDN", "SDN") in _dyads("Sudan accused Darfur rebels of violating the ceasefire.")


@pytest.mark.slow
def test_whose_handling_of_an_attack_it_is_did_not_make_the_attack():
    text = "Secretary of State Hillary Clinton defended her handling of the attack in Benghazi."
    assert not [d for d in _dyads(text) if d[0][:2] == "19"]
    assert ("190", "RUS", "UKR") in _dyads("Russia's attack on Ukraine angered Poland.")


@pytest.mark.slow
def test_a_promise_not_to_attack_or_one_made_in_an_attempt_to_fight_a_problem_threatens_no_one():
    never = _dyads('British Prime Minister Tony Blair pledged to "never" attack his rival over his faith.')
    assert not [d for d in never if d[0][:2] == "13"]
    assert _codes("Britain pledged to cancel the debt of poor countries in an attempt to fight poverty.") == {"030"}
    # a court's decision undone by law is legislation promised, not a threat
    overturn = "U.S. Senator Jane Doe pledged to push for an amendment to overturn the court's decision."
    assert _codes(overturn) == {"030"}
    assert _codes("U.S. Senator Jane Doe vowed to crush the rebels.") == {"130"}


@pytest.mark.slow
def test_an_attack_made_while_saying_something_is_made_in_words():
    assert ("111", "ZAF", "GBR") in _dyads(
        "South Africa's president attacked British bankers, saying they were greedy."
    )
    assert not [d for d in _dyads("Russian troops attacked Ukrainian positions near Donetsk.") if d[0] == "111"]


@pytest.mark.slow
def test_being_met_with_opposition_is_no_meeting():
    received = (
        "U.S. lawmakers debated the health law. "
        "The Obama administration has offered to change it but has been met with opposition."
    )
    assert not [d for d in _dyads(received) if d[0][:2] == "04"]
    assert ("040", "CHN", "RUS") in _dyads("Russia's president was met by Chinese President Xi Jinping at the airport.")


@pytest.mark.slow
def test_strikes_by_workers_are_walkouts_and_street_clashes_are_riots():
    assert ("143", "GBR", "GBR") in _dyads("British trade unions staged strikes against the government.")
    assert ("195", "ISR", "PSE") in _dyads("Israel carried out strikes on Gaza.")
    assert ("145", "EGY", "EGY") in _dyads("A man died in a clash between Egyptian protesters and police.")
    assert ("175", "FRA", "FRA") in _dyads("French police clashed with protesters in Paris.")


@pytest.mark.slow
def test_refugees_or_a_people_arriving_somewhere_make_no_visit():
    assert not _dyads("Syrian refugees arrived in Germany on Monday.")
    assert not _dyads("Thousands of Syrians arrived in Canada last year.")
    assert ("042", "SYR", "RUS") in _dyads("The Syrian foreign minister arrived in Moscow on Monday.")


@pytest.mark.slow
def test_a_demand_or_a_refusal_needs_someone_it_is_addressed_to():
    assert not _dyads("Japan called for greater respect for international law by other nations.")
    assert not _dyads("The U.S. has consistently rejected the plan.")
    assert ("0233", "PAK", "---") in _dyads("Pakistan appealed for humanitarian aid after the floods.")


@pytest.mark.slow
def test_a_stance_on_an_act_is_aimed_at_its_doer_not_at_whom_it_was_done_to():
    assert not _dyads("Poland condemned the invasion of Ukraine.")
    assert not _dyads("British MPs backed the invasion of Iraq.")
    assert ("111", "CHN", "USA") in _dyads("China condemned the U.S. sanctions on Iran.")
    assert ("111", "CHN", "IRN") not in _dyads("China condemned the U.S. sanctions on Iran.")
    assert ("112", "PSE", "ISR") in _dyads("Gaza police blamed the attacks on Israeli airstrikes.")


@pytest.mark.slow
def test_a_clause_set_before_an_appeal_with_a_dash_is_not_what_it_asks():
    dashed = _dyads(
        "The UK, France and Sweden want the EU budget to be capped at 1% of national incomes"
        " - the European Commission has urged an increase to 1.26%."
    )
    assert not [d for d in dashed if d[0][:2] == "02" and d[2] in {"GBR", "FRA", "SWE"}], dashed
    quoted = _dyads('"Iran must stop enriching uranium," the French foreign minister urged.')
    assert ("020", "FRA", "IRN") in quoted


@pytest.mark.slow
def test_a_promise_or_warning_still_to_be_made_and_a_forecast_act_are_no_events():
    assert not _dyads("The Liberal Democrats in Britain will also promise to run a sound economy.")
    assert not _dyads("Iran will pledge to cooperate with the IAEA.")
    assert not _dyads("British Prime Minister Tony Blair is tipped to ask the Queen on Monday to dissolve Parliament.")
    assert ("032", "IRN", "UNO") in _dyads("Iran pledged to cooperate with the IAEA.")
    # a past promise beside a clause about the future is made
    past = "Tony Blair said he would not respond to gossip and promised to hail the Labour Party's record."
    assert ("032", "GBR", "GBR") in _dyads(past)
    assert ("036", "USA", "PRK") in _dyads("U.S. President Donald Trump will meet North Korean leader Kim Jong Un.")


@pytest.mark.slow
def test_a_meeting_that_is_expected_to_cover_something_is_still_to_come():
    expected = "U.S. President Donald Trump's meeting with Russian President Vladimir Putin is expected to cover Syria."
    assert ("036", "USA", "RUS") in _dyads(expected)
    held = "U.S. President Donald Trump's meeting with Russian President Vladimir Putin covered Syria."
    assert ("040", "USA", "RUS") in _dyads(held)


@pytest.mark.slow
def test_a_surname_that_is_a_demonym_names_the_person_not_the_nation():
    assert not [d for d in _dyads("Billionaire Mark Cuban criticized Donald Trump on Monday.") if "CUB" in d]
    later = _dyads("Mark Cuban invited Hillary Clinton to the debate. Trump later attacked Cuban on Twitter.")
    assert not [d for d in later if "CUB" in d], later
    assert ("040", "CUB", "USA") in _dyads("Cuban President Raul Castro met with Barack Obama.")
    # a people is no surname, even where the NER takes it for a person's name
    massacre = "In 1915 Ottoman Turks killed approximately 1.5 million Armenians."
    assert [d for d in _dyads(massacre) if d[1] == "TUR"], _dyads(massacre)


# ---- session 10: disasters told as a story, sanctions on one's own country, causes championed, calls for ruin


@pytest.mark.slow
def test_casualties_in_a_story_about_a_natural_disaster_or_a_crash_are_no_assault():
    story = (
        "A powerful earthquake struck Nepal on Tuesday. The quake was felt as far away as India."
        " Aftershocks continued overnight. Rescue teams searched the rubble. More than 1,000 people were injured."
    )
    assert not _dyads(story)
    assert not _dyads(story.replace("More than 1,000 people were injured", "At least 19 people were killed in Nepal"))
    assert not _dyads("At least 300 people were killed in the earthquake in Turkey.")
    assert not _dyads("Dozens of people were killed in floods in India.")
    assert [d for d in _dyads("Ten people were killed in an airstrike in Syria.") if d[0][:2] == "19"]
    assert not _dyads(
        "Investigators say all 224 people aboard the airliner were killed when the plane crashed in Egypt."
    )
    # a story about fighting that mentions a storm is still about fighting
    war = (
        "Fighting raged in Syria as rebels and troops clashed. A storm hit the coast. The quake of 2011 was recalled."
        " An earthquake is feared. Shelling continued. Ten civilians were killed in Syria."
    )
    assert [d for d in _dyads(war) if d[0] == "1823"], _dyads(war)
    # an attack launched after a jet crashed is still an attack
    launched = "The Israeli military launched a large attack after one of its jets crashed under Syrian fire."
    assert ("190", "ISR", "SYR") in _dyads(launched)


@pytest.mark.slow
def test_a_group_placed_by_the_story_does_not_sanction_its_own_country():
    story = (
        "Iran said on Monday it would resume enriching uranium. Iranian officials rejected the plan in Tehran."
        " Iran's foreign minister spoke in Vienna. A bipartisan group of senators is preparing to propose new"
        " sanctions against Iran."
    )
    assert not [d for d in _dyads(story) if d[0] in {"163", "1312"} and d[1] == d[2] == "IRN"], _dyads(story)
    assert ("163", "USA", "IRN") in _dyads("The United States imposed new sanctions on Iran.")


@pytest.mark.slow
def test_a_vow_to_fight_for_people_champions_them_and_threatens_no_one():
    vow = "The Labour leader vowed to fight for British workers."
    assert not [d for d in _dyads(vow) if d[0][:2] == "13"], _dyads(vow)
    assert ("130", "AFG", "AFG") in _dyads("The Taliban vowed to fight the Afghan government for control of Kunduz.")


@pytest.mark.slow
def test_a_call_for_an_enemys_ruin_asks_nothing_of_it():
    assert not _dyads("The Iranian regime repeatedly calls for the extermination of Israel.")
    assert not _dyads("Obama has called for dismantling and destroying ISIS over several years.")
    # a policy ended is no enemy, and a vow to destroy one stays a threat
    tax = _dyads("Mr. Trump has called for eliminating the tax treatment of carried interest.")
    assert [d for d in tax if d[0][:2] == "10"], tax
    assert ("130", "USA", "IMG") in _dyads("Obama vowed to destroy ISIS.")


@pytest.mark.slow
def test_social_democrats_are_a_european_party_never_the_us_democrats():
    assert ("110", "DEU", "NAT") in _dyads("Social Democrats firmly oppose NATO membership.")
    finland = (
        "Finland will not join NATO, Finnish officials said. Finland's Social Democrats firmly oppose NATO membership."
    )
    assert ("110", "FIN", "NAT") in _dyads(finland), _dyads(finland)
    assert ("111", "USA", "USA") in _dyads("Democrats criticized President Trump's budget.")


@pytest.mark.slow
def test_declining_to_attack_or_threaten_rejects_nothing():
    assert not _dyads("Senator Bernie Sanders memorably declined to attack Hillary Clinton over the issue.")
    assert not _dyads("This week, President Trump declined to threaten Moscow or even declare it responsible.")
    assert ("138", "RUS", "UKR") in _dyads("Russia refused to rule out military intervention in Ukraine.")
    assert [d for d in _dyads("Iran refused to allow IAEA inspectors into the site.") if d[0][:2] == "12"]


@pytest.mark.slow
def test_the_north_and_the_south_in_a_korea_story_are_the_two_koreas():
    assert ("100", "KOR", "PRK") in _dyads("South Korea's president said the North must stop its tests.")
    drills = (
        "North Korea fired a missile on Monday. The United States and South Korea conducted large-scale military"
        " drills last week, which the North said made war an established fact."
    )
    assert ("150", "USA", "PRK") in _dyads(drills), _dyads(drills)
    # elsewhere the North is a region
    assert not [d for d in _dyads("Britain's prime minister visited the North of England.") if "PRK" in d]


@pytest.mark.slow
def test_casualties_told_by_no_one_are_the_doing_of_the_one_country_the_story_shows_striking_theirs():
    gaza = (
        "Israeli jets struck targets in Gaza on Monday. Hamas fired rockets at Tel Aviv."
        " Nearly 1,900 Palestinians have been killed in Gaza during the conflict, the health ministry said."
    )
    assert ("1823", "ISR", "PSE") in _dyads(gaza), _dyads(gaza)
    assert ("1823", "PSE", "PSE") not in _dyads(gaza)
    # force just told of and aimed at the victims stays theirs; with no aggressor, no doer is guessed
    cairo = "Egyptian soldiers opened fire on the crowd in Cairo. At least two people were injured."
    assert ("182", "EGY", "EGY") in _dyads(cairo)
    assert ("1823", "SYR", "SYR") in _dyads("Ten people were killed in Syria on Monday.")


@pytest.mark.slow
def test_neither_nor_and_few_subjects_negate_the_act():
    assert not _dyads("Neither the United States nor Britain attacked Syria.")
    assert not _dyads("Few Iranian lawmakers condemned the United States.")
    assert ("111", "IRN", "USA") in _dyads("A few Iranian lawmakers condemned the United States.")
    assert ("111", "IRN", "USA") in _dyads("Iranian lawmakers condemned the United States.")
    # a conjunct shares its head's subject, and 'nor' negates it
    few = "Very few Americans are calling for an investigation of the leakers, or demanding that Obama resign."
    assert not _dyads(few), _dyads(few)
    assert not _dyads("Iran did not attack Israel, nor threaten the United States.")
    assert ("130", "IRN", "USA") in _dyads("Iran attacked Israel and threatened the United States.")


@pytest.mark.slow
def test_a_city_an_organisation_is_named_after_is_its_country_as_a_place():
    bombing = "Islamic State attackers killed 32 people in suicide bombings at the Brussels airport."
    assert ("1823", "IMG", "BEL") in _dyads(bombing), _dyads(bombing)
    # the city as an actor, and the organisation's own officials there, stay the EU
    assert ("125", "EUR", "GBR") in _dyads("Brussels rejected the British proposal.")
    assert ("125", "EUR", "GBR") in _dyads("Officials in Brussels rejected the British proposal.")


@pytest.mark.slow
def test_workers_promising_or_threatening_strikes_threaten_a_walkout_not_force():
    ballot = _dyads("Other British public sector unions have pledged to ballot for strikes.")
    assert [d for d in ballot if d[0] == "133"] and not [d for d in ballot if d[0][:2] == "03"], ballot
    unions = _dyads("French unions threatened strikes over the pension reform.")
    assert [d for d in unions if d[0] == "133"] and not [d for d in unions if d[0] == "138"], unions
    assert ("1384", "USA", "IMG") in _dyads("The Pentagon vowed to launch air strikes on ISIS.")


@pytest.mark.slow
def test_an_act_on_what_someone_wants_is_wished_for_not_done():
    wish = 'A spokesperson said Americans "would want every voice possible urging Iran to remain in compliance."'
    assert not _dyads(wish), _dyads(wish)
    assert ("020", "USA", "IRN") in _dyads("The US sent a letter urging Iran to comply.")


@pytest.mark.slow
def test_a_relief_team_arriving_makes_no_visit():
    rescue = "Rescuers included an American disaster response team that arrived in Nepal this week."
    assert not [d for d in _dyads(rescue) if d[0] == "042"], _dyads(rescue)
    assert not [d for d in _dyads("A Chinese medical team arrived in Sierra Leone.") if d[0] == "042"]
    assert ("042", "USA", "CHN") in _dyads("A US delegation arrived in Beijing on Monday.")


@pytest.mark.slow
def test_casualties_told_by_no_one_are_the_doing_of_the_armed_group_the_story_shows_striking_their_country():
    hotel = (
        "Heavily armed gunmen fired at guests at a hotel in Bamako, Mali on Friday. The siege lasted nine hours."
        " Five Malian soldiers were killed."
    )
    assert ("1823", "MLI", "MLI") in _dyads(hotel), _dyads(hotel)
    # militants killed after their own attack are not their own doing
    sinai = "Militants attacked a checkpoint in Sinai, Egypt. Egyptian troops fought back. Three militants were killed."
    assert ("1823", "EGY", "EGY") not in _dyads(sinai), _dyads(sinai)


@pytest.mark.slow
def test_the_jordan_valley_lies_in_the_west_bank_not_in_jordan():
    annex = _dyads("Israeli Prime Minister Benjamin Netanyahu vowed to annex the Jordan Valley.")
    assert ("1382", "ISR", "PSE") in annex and not [d for d in annex if "JOR" in d], annex


@pytest.mark.slow
def test_a_country_named_before_veteran_is_where_they_served_not_their_nationality():
    for text in (
        "Iraq war veteran Tammy Duckworth criticized President Donald Trump.",
        "A fellow Marine officer and Iraq vet, California Republican Duncan Hunter, criticized President Donald Trump.",
    ):
        assert not [d for d in _dyads(text) if d[1] == "IRQ"], _dyads(text)
    assert ("111", "IRQ", "USA") in _dyads("Iraqi veterans criticized President Donald Trump.")


@pytest.mark.slow
def test_talks_about_a_country_are_held_between_those_who_talk():
    # what is discussed is no party: the talks are between the two who discussed it
    discussed = _dyads("Obama and Putin discussed Syria in Paris.")
    assert ("040", "USA", "RUS") in discussed and not [d for d in discussed if d[2] == "SYR"]
    assert ("040", "USA", "RUS") in _dyads("Obama discussed Syria's future with Putin.")
    assert ("040", "USA", "RUS") in _dyads("Obama talked with Putin about Syria.")
    # an interview is no consultation, and words withheld reject nothing (they decline comment, 011)
    assert not _dyads("Obama talked with reporters in Paris.")
    assert not _dyads("Obama spoke with the Washington Post on Monday.")  # a paper, not Washington's government
    assert not _dyads("Bill Clinton spoke with voters outside the polling location.")
    assert not _dyads("Sanders and Trump are speaking to her with one voice.")  # with no one but each other
    withheld = _dyads("Secretary of State John Kerry declined to discuss the case with reporters.")
    assert not [d for d in withheld if d[0][:2] == "12"]
    # a meeting on a country's record is not held with that country
    assert not _dyads(
        "The U.S. envoy to the U.N. Human Rights Council declined to address the case during a meeting on Iran's "
        "human rights record."
    )


@pytest.mark.slow
def test_who_speaks_during_a_visit_makes_it():
    assert ("042", "USA", "ISR") in _dyads(
        "In January, President Barack Obama said during a visit to Israel that the embassy would open."
    )
    assert ("042", "USA", "ISR") in _dyads("Obama spoke during his visit to Israel.")
    # not whoever suffers something during it
    assert not [d for d in _dyads("Two Israelis were killed during a visit to Egypt.") if d[0] == "042"]


@pytest.mark.slow
def test_a_thing_criticised_is_its_makers():
    assert ("111", "USA", "DEU") in _dyads("Obama criticized a deal Germany struck with Russia.")
    assert ("120", "USA", "RUS") in _dyads("Obama rejected the claims Russia made about the attack.")
    # not one's own country's doing, nor a clause the thing is the subject of
    assert not [d for d in _dyads("Obama criticized a deal that gives Iran billions.") if d[0][:2] == "11"]


@pytest.mark.slow
def test_ministers_named_without_their_country():
    # foreign ministers and other office-holders the leaders list knows by name
    assert ("040", "USA", "RUS") in _dyads("Kerry met Lavrov in Paris on Monday.")
    assert ("111", "USA", "RUS") in _dyads("Secretary of State John Kerry criticized Russia on Monday.")
    # a listed name the tagger did not take for a person still names one
    assert ("112", "IRN", "USA") in _dyads("Iran accused the Trump administration of lying.")


@pytest.mark.slow
def test_a_move_reported_just_before_is_its_doers():
    assert ("111", "IRN", "USA") in _dyads(
        "The United States imposed new sanctions on Iran. Iran condemned the decision."
    )
    assert ("051", "ISR", "USA") in _dyads(
        "Secretary of State Mike Pompeo announced that the United States no longer considers Israeli settlements "
        "illegal. Israeli Prime Minister Benjamin Netanyahu immediately welcomed the move."
    )
    # not what someone said, and not across a paragraph
    assert not _dyads('"We will act," Obama said. Iran condemned the decision.')
    assert ("111", "IRN", "USA") not in _dyads(
        "The United States imposed new sanctions on Iran.\n\nIran condemned the decision."
    )


@pytest.mark.slow
def test_support_that_is_aid():
    # financial, economic and military support are aid (not words of praise)
    assert ("0331", "SAU", "EGY") in _dyads("Saudi Arabia pledged financial support to Egypt.")
    assert ("072", "USA", "UKR") in _dyads("The United States provided military support to Ukraine.")
