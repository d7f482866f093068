"""Tests of how wirewatch_quotes finds cues (issue 3, cue recall): one (text, expected) row per
kind of cue added or filtered, every sentence written for these tests.

Expected spans are written as text and turned into exact offsets, so each row checks
``start_char``, ``end_char`` and ``text`` of source, cue and content.
"""

from __future__ import annotations

import pytest
from _attribution_helpers import at as _at
from _attribution_helpers import quotes
from _attribution_helpers import span_of as _span
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirewatch.pipeline._lexicons import cue_adjectives, cue_lemma, cue_nouns

pytestmark = pytest.mark.slow

Span = tuple[int, int, str]


# (text, (source, cue, content)): the one attribution expected, as substrings of the text
FOUND = [
    pytest.param(
        "The mayor hoped the new bridge would open by spring.",
        ("The mayor", "hoped", "the new bridge would open by spring"),
        id="lemma-hoped",
    ),
    pytest.param(
        "The teachers are hoping the strike will end soon.",
        ("The teachers", "are hoping", "the strike will end soon"),
        id="lemma-hoping",
    ),
    pytest.param(
        "His claim that the tax would fall on workers drew a sharp rebuke.",
        ("His", "claim", "that the tax would fall on workers"),
        id="noun-that-clause",
    ),
    pytest.param(
        "Her criticism of the merger surprised investors.",
        ("Her", "criticism of", "the merger"),
        id="noun-preposition",
    ),
    pytest.param(
        "The coach was confident that the team would recover.",
        ("The coach", "was confident", "that the team would recover"),
        id="adjective-that-clause",
    ),
    pytest.param(
        "The union remains critical of the new contract.",
        ("The union", "remains critical of", "the new contract"),
        id="adjective-preposition",
    ),
    pytest.param(
        "The farmers were eager to sell their crops.",
        ("The farmers", "were eager", "to sell their crops"),
        id="adjective-volition-infinitive",
    ),
    pytest.param(
        "The new tariff was sharply criticized by several farm groups.",
        ("several farm groups", "was sharply criticized", "The new tariff"),
        id="passive-with-agent",
    ),
    pytest.param(
        "Most of the delegates prefer the shorter draft.",
        ("Most of the delegates", "prefer", "the shorter draft"),
        id="frame-preference",
    ),
    pytest.param(
        "The council voted for the new budget.",
        ("The council", "voted for", "the new budget"),
        id="frame-vote-for",
    ),
    pytest.param(
        "The mayor agreed with the auditors.",
        ("The mayor", "agreed with", "the auditors"),
        id="frame-agree-with",
    ),
    pytest.param(
        "The witness saw the truck at the depot.",
        ("The witness", "saw", "the truck"),
        id="frame-witnessed",
    ),
    pytest.param(
        "The growers harbor doubts about the new water tariff.",
        ("The growers", "harbor doubts about", "the new water tariff"),
        id="attitude-noun-held-with-preposition",
    ),
    pytest.param(
        "The nurses voiced concern over the staffing plan.",
        ("The nurses", "voiced concern over", "the staffing plan"),
        id="attitude-noun-voiced-with-preposition",
    ),
    pytest.param(
        "The captain had no doubt that the storm would pass.",
        ("The captain", "had no doubt", "that the storm would pass"),
        id="attitude-noun-held-with-that-clause",
    ),
    pytest.param(
        "An editorial suggesting that the mayor should resign appeared on Sunday.",
        ("An editorial", "suggesting", "that the mayor should resign"),
        id="participle-modifier-document-source",
    ),
    pytest.param(
        "Parents saying the school was unsafe packed the hall.",
        ("Parents", "saying", "the school was unsafe"),
        id="participle-modifier-group-source",
    ),
    pytest.param(
        "The council published a memo warning that the reservoir was nearly empty.",
        ("The council", "published a memo warning", "that the reservoir was nearly empty"),
        id="participle-modifier-of-a-sent-document",
    ),
    pytest.param(
        "The union shot back in a statement arguing that the figures were wrong.",
        ("The union", "shot back in a statement arguing", "that the figures were wrong"),
        id="participle-modifier-in-a-document",
    ),
    pytest.param(
        "The governor portrayed the strike as a threat to public safety.",
        ("The governor", "portrayed", "the strike as a threat to public safety"),
        id="characterize-verb-portray",
    ),
    pytest.param(
        "The inspectors deemed the bridge unsafe for heavy trucks.",
        ("The inspectors", "deemed", "the bridge unsafe for heavy trucks"),
        id="characterize-verb-deem",
    ),
    pytest.param(
        "Critics termed the deal a surrender.",
        ("Critics", "termed", "the deal a surrender"),
        id="dub-verb-term",
    ),
    pytest.param(
        "The coach cast himself as an underdog.",
        ("The coach", "cast", "himself as an underdog"),
        id="cast-with-predicate",
    ),
    pytest.param(
        'The new bypass was quickly dubbed "the road to nowhere".',
        (None, "was quickly dubbed", 'The new bypass was quickly dubbed "the road to nowhere"'),
        id="passive-naming-quoted-no-source",
    ),
    pytest.param(
        'The reform has been described as "a quiet revolution".',
        (None, "has been described as", 'The reform has been described as "a quiet revolution"'),
        id="passive-characterizing-quoted-as",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_cue_found(nlp, text: str, expected: tuple[str, str, str]) -> None:
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)]
    want = tuple(_at(text, s) for s in expected)
    assert got == [want]


def test_attitude_noun_held_by_a_coordinated_verb(nlp) -> None:
    """ "X agrees A but harbors doubts about B": the second verb shares the source; its
    attitude noun and preposition are the cue, the preposition's object the content."""
    text = "The librarian agrees the archive is fragile but harbors doubts about its funding."
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)]
    assert got == [
        (_at(text, "The librarian"), _at(text, "agrees"), _at(text, "the archive is fragile")),
        (_at(text, "The librarian"), _at(text, "harbors doubts about"), _at(text, "its funding")),
    ]


# (text, cue text that must not be found)
NOT_CUES = [
    pytest.param("The governor tried to close the budget gap.", "tried", id="attempt-is-action"),
    pytest.param(
        "The spokeswoman said she believes the talks will resume.",
        "believes",
        id="belief-inside-reported-clause",
    ),
    pytest.param(
        "Voters defended her criticism of the merger.", "criticism of", id="noun-as-object"
    ),
    pytest.param("His remarks on Tuesday were brief.", "remarks on", id="noun-circumstance"),
    pytest.param(
        "The senator's claim that the tax would fall on workers drew a sharp rebuke.",
        "claim",
        id="noun-named-possessor-left-out",
    ),
    pytest.param("Prices are certain to rise.", "are certain", id="adjective-raising"),
    pytest.param("The bridge was built by a Dutch firm.", "was built", id="passive-not-a-cue-verb"),
    pytest.param(
        "The report, which was criticized by economists, ran to 90 pages.",
        "was criticized",
        id="passive-relative-clause",
    ),
    pytest.param("She was happy.", "was happy", id="adjective-no-complement"),
    pytest.param(
        "The clerk has a statement about the refund.",
        "has a statement about",
        id="holding-verb-takes-attitude-nouns-only",
    ),
    pytest.param(
        "The farmers have concerns on Monday.", "have concerns on", id="attitude-noun-no-content"
    ),
    pytest.param("The farmers cast their votes early.", "cast", id="cast-without-predicate"),
    pytest.param(
        "The union questioned figures suggesting that overtime had fallen.",
        "suggesting",
        id="participle-modifier-inside-a-cue-object",
    ),
    pytest.param(
        "The board cited figures showing that enrolment had fallen.",
        "showing",
        id="participle-modifier-perception-verb",
    ),
    pytest.param(
        "The reform has been described as a quiet revolution.",
        "has been described as",
        id="passive-characterizing-unquoted",
    ),
    pytest.param(
        'The mayor said the bypass was dubbed "the road to nowhere".',
        "was dubbed",
        id="passive-naming-inside-reported-clause",
    ),
]


def test_participle_modifier_does_not_take_over_the_next_quotation(nlp) -> None:
    """ "emails from aides suggesting A. “B.”": the aides are the source of A only; the bare
    quotation after the sentence goes on from its subject, the mayor."""
    text = (
        "Mayor Lopez apologized for emails from aides suggesting the vote should be delayed. "
        '"We regret the tone of these messages."'
    )
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)]
    assert got == [
        (_at(text, "aides"), _at(text, "suggesting"), _at(text, "the vote should be delayed")),
        (_at(text, "Mayor Lopez"), None, _at(text, '"We regret the tone of these messages."')),
    ]


@pytest.mark.parametrize(("text", "cue"), NOT_CUES)
def test_not_a_cue(nlp, text: str, cue: str) -> None:
    assert cue not in [q["cue"]["text"] for q in quotes(nlp, text) if q["cue"]]


def test_belief_inside_reported_clause_keeps_outer_cue(nlp) -> None:
    text = "The spokeswoman said she believes the talks will resume."
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)]
    assert got == [
        (
            _at(text, "The spokeswoman"),
            _at(text, "said"),
            _at(text, "she believes the talks will resume"),
        )
    ]


def test_expression_noun_is_not_the_source_when_the_clause_has_a_subject(nlp) -> None:
    text = "In a statement, the minister criticized the ruling."
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)]
    assert got == [(_at(text, "the minister"), _at(text, "criticized"), _at(text, "the ruling"))]


def test_survey_stays_a_source(nlp) -> None:
    text = "In a new survey, most farmers opposed the tariff."
    sources = {_span(q["source"]) for q in quotes(nlp, text)}
    assert _at(text, "a new survey") in sources


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("hoped", "hop", "hope"),
        ("hopes", "hop", "hope"),
        ("hoping", "hop", "hope"),
        ("hopping", "hop", "hop"),  # a real "hop": the form does not show a dropped "e"
        ("rated", "rat", "rat"),  # "rate" is not in the lexicon given
        ("said", "say", "say"),
    ],
)
def test_cue_lemma_repairs_dropped_e(word: str, lemma: str, expected: str) -> None:
    doc = Doc(Vocab(), words=[word], lemmas=[lemma])
    assert cue_lemma(doc[0], {"hope", "say"}) == expected


def test_cue_lemma_keeps_a_lemma_the_table_knows() -> None:
    doc = Doc(Vocab(), words=["hoped"], lemmas=["hop"])
    assert cue_lemma(doc[0], {"hop", "hope"}) == "hop"


def test_word_lists_load() -> None:
    assert {"claim", "criticism", "view"} <= cue_nouns()
    assert {"confident", "critical", "eager"} <= cue_adjectives()
    assert "willing" not in cue_adjectives()


def test_according_to_over_a_whole_attribution(nlp) -> None:
    text = "“The bridge will reopen in May,” the engineer said, according to a city memo."
    got = sorted(
        (_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)
    )
    assert got == sorted(
        [
            (
                _at(text, "the engineer"),
                _at(text, "said"),
                _at(text, "“The bridge will reopen in May,”"),
            ),
            (
                _at(text, "a city memo"),
                _at(text, "according to"),
                _at(text, "“The bridge will reopen in May,” the engineer said"),
            ),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Issue 3, direct/mixed quotes and support-verb cues (wip/direct): every sentence written for
# these tests. Each row is (text, [(source, cue, content), ...]) with all attributions expected.
DIRECT_KINDS = [
    pytest.param(
        "“We will win this state,” the governor said confidently.",
        [("the governor", "said confidently", "“We will win this state,”")],
        id="adverb-after-cue-verb",
    ),
    pytest.param(
        "The mayor has said repeatedly that the budget is balanced.",
        [("The mayor", "has said repeatedly", "that the budget is balanced")],
        id="frequency-adverb-before-content",
    ),
    pytest.param(
        "“The vote is a disgrace to the chamber,” Will wrote.",
        [("Will", "wrote", "“The vote is a disgrace to the chamber,”")],
        id="quote-frame-name-read-as-modal",
    ),
    pytest.param(
        "“Nobody here wants another strike,” added Maria Lopez, a union steward.",
        [("Maria Lopez, a union steward", "added", "“Nobody here wants another strike,”")],
        id="quote-frame-inverted",
    ),
    pytest.param(
        "“We cannot wait another year,” Ann Park, the council chair, told reporters.",
        [("Ann Park, the council chair,", "told", "“We cannot wait another year,”")],
        id="quote-frame-appositive",
    ),
    pytest.param(
        "Jones, the city treasurer, objected. “This fund will run dry by June.”",
        [("Jones, the city treasurer,", "objected", "“This fund will run dry by June.”")],
        id="lone-speech-verb-before-quote",
    ),
    pytest.param(
        "The tax would fund the new school, which the mayor described as “the best investment"
        " we can make.”",
        [
            (
                "the mayor",
                "described",
                "which the mayor described as “the best investment we can make.”",
            )
        ],
        id="relative-pronoun-object-of-naming-cue",
    ),
    pytest.param(
        "The claims were checked.\n\n“The county has cut its budget twice.”\n\n— Ann Park, a"
        " county official.\n\nThe budget was cut once.",
        [("Ann Park", "—", "“The county has cut its budget twice.”")],
        id="dash-signoff-on-next-line",
    ),
    pytest.param(
        "The exchange was brief. Jones: “We have no comment on the audit.”",
        [("Jones", ":", "“We have no comment on the audit.”")],
        id="name-colon-quote",
    ),
    pytest.param(
        "Mayor Brown: No new taxes for the city this year.\n\nThe mayor spoke on Monday.",
        [("Mayor Brown", ":", "No new taxes for the city this year")],
        id="verbless-headline-colon",
    ),
    pytest.param(
        "The union issued a statement saying the strike would continue.",
        [("The union", "issued a statement saying", "the strike would continue")],
        id="support-verb-statement-saying",
    ),
    pytest.param(
        "The senator made the case that the tariff hurts farmers.",
        [("The senator", "made the case", "that the tariff hurts farmers")],
        id="support-verb-made-the-case",
    ),
    pytest.param(
        "Smith smiled when asked whether he would run again.",
        [("Smith", "asked", "whether he would run again")],
        id="when-is-not-in-the-cue",
    ),
    pytest.param(
        "As one economist put it, the recovery has barely begun.",
        [("one economist", "put it", "the recovery has barely begun")],
        id="as-x-put-it",
    ),
    pytest.param(
        "The coach put it bluntly: “We played badly and we deserved to lose.”",
        [("The coach", "put it bluntly:", "“We played badly and we deserved to lose.”")],
        id="put-it-colon-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_KINDS)
def test_direct_kinds(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = sorted(
        (_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)
    )
    assert got == sorted(tuple(_at(text, s) for s in row) for row in expected)


def test_quote_frame_joins_the_quotation_after_it(nlp) -> None:
    text = "“The vote is a disgrace to the chamber,” Will wrote. “It should be annulled.”"
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in quotes(nlp, text)]
    assert got == [(_at(text, "Will"), _at(text, "wrote"), (0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param(
            "The ruling sends a clear message that fraud will be punished.",
            "sends a clear message",
            id="send-is-not-a-support-verb",
        ),
        pytest.param(
            "It offers no assurance that the plant will stay open.",
            "offers no assurance",
            id="support-verb-needs-a-sentient-subject",
        ),
        pytest.param(  # a speech noun's preposition stays out ("concern about" is an attitude)
            "The aide issued a statement about the schedule.",
            "issued a statement about",
            id="support-verb-preposition-left-to-frame",
        ),
        pytest.param(
            "Smith smiled when asked whether he would run again.",
            "when asked",
            id="wh-subordinator-not-in-cue",
        ),
        pytest.param(
            "The plan would be what Ruiz called a “let the market decide” approach.",
            "called",
            id="free-relative-what-left-out",
        ),
    ],
)
def test_not_a_direct_kind_cue(nlp, text: str, cue: str) -> None:
    assert cue not in [q["cue"]["text"] for q in quotes(nlp, text) if q["cue"]]
