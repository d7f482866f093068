"""Tests of wirewatch_quotes: one (text, expected) row per kind of attribution.

Expected spans are written as text; ``_at`` turns them into exact offsets (the n-th occurrence of
the substring), so every row checks ``start_char``, ``end_char`` and ``text``.
"""

from __future__ import annotations

import pytest
from _attribution_helpers import add_entities, parse, quotes, run
from _attribution_helpers import at as _at
from _attribution_helpers import span_of as _span
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.model import Quote, stable_id
from wirewatch.pipeline._quotemarks import scan_quotes
from wirewatch.pipeline.extensions import doc_id

pytestmark = pytest.mark.slow


# (text, [(source, cue, content, quote_type, continues_previous)]); a (sub, n) tuple picks the
# n-th occurrence of sub.
CASES = [
    pytest.param(
        "Senator Maria Lopez says that the budget will pass next week.",
        [("Senator Maria Lopez", "says", "that the budget will pass next week", "indirect", False)],
        id="speaker-before-indirect",
    ),
    pytest.param(
        "Maria Lopez spoke in Lagos on Tuesday.\n“The budget will pass next week,” she said.",
        [("she", "said", "“The budget will pass next week,”", "direct", False)],
        id="speaker-after-pronoun",
    ),
    pytest.param(
        "“Prices will rise again next year,” said Peter Novak, an economist at the central bank.",
        [
            (
                "Peter Novak, an economist at the central bank",
                "said",
                "“Prices will rise again next year,”",
                "direct",
                False,
            )
        ],
        id="speaker-after-inverted",
    ),
    pytest.param(
        "“We will not retreat,” the minister said, “and we will not apologise to anyone.”",
        [
            (
                "the minister",
                "said",
                "“We will not retreat,” the minister said, “and we will not apologise to anyone.”",
                "direct",
                False,
            )
        ],
        id="speaker-in-the-middle",
    ),
    pytest.param(
        "Still, argued the Global Policy Institute’s Anna Berg, a former envoy to Chile, “the "
        "sanctions have failed to change anything in the capital.”",
        [
            (
                "the Global Policy Institute’s Anna Berg, a former envoy to Chile",
                "argued",
                "“the sanctions have failed to change anything in the capital.”",
                "direct",
                False,
            )
        ],
        id="inverted-cue-before-source",
    ),
    pytest.param(
        "The army killed 12 protesters on Sunday, according to the Human Rights League.",
        [
            (
                "the Human Rights League",
                "according to",
                "The army killed 12 protesters on Sunday",
                "indirect",
                False,
            )
        ],
        id="according-to-after",
    ),
    pytest.param(
        "According to the police, three people were arrested near the stadium.",
        [
            (
                "the police",
                "According to",
                "three people were arrested near the stadium",
                "indirect",
                False,
            )
        ],
        id="according-to-before",
    ),
    pytest.param(
        "The mayor told reporters on Friday:\n“Nobody in this city will pay the new tax while I am "
        "in office.”",
        [
            (
                "The mayor",
                "told",  # PolNeAR leaves the addressee ("reporters") out of the cue
                "“Nobody in this city will pay the new tax while I am in office.”",
                "direct",
                False,
            )
        ],
        id="colon-introduction-previous-paragraph",
    ),
    pytest.param(
        "Opposition leader Tomas Reyes says the vote was rigged.\n“We counted every ballot "
        "ourselves and the numbers do not add up.”",
        [
            ("Opposition leader Tomas Reyes", "says", "the vote was rigged", "indirect", False),
            (
                "Opposition leader Tomas Reyes",
                None,
                "“We counted every ballot ourselves and the numbers do not add up.”",
                "direct",
                True,
            ),
        ],
        id="bare-quoted-paragraph-continues",
    ),
    pytest.param(
        "Reyes said: “The count was stopped at midnight.\n“Then the lights went out in the hall.\n"
        "“By morning the result had changed.”",
        [
            (
                "Reyes",
                "said:",  # PolNeAR: the colon introducing the content belongs to the cue
                "“The count was stopped at midnight.\n“Then the lights went out in the "
                "hall.\n“By morning the result had changed.”",
                "direct",
                False,
            )
        ],
        id="multi-paragraph-quote",
    ),
    pytest.param(
        "“The port is closed,” the governor said. “It will stay closed until the storm passes.”",
        [
            (
                "the governor",
                "said",
                "“The port is closed,” the governor said. “It will stay closed until the storm "
                "passes.”",
                "direct",
                False,
            )
        ],
        id="quote-cue-then-quote-again-one-content",
    ),
    pytest.param(
        "“Not again,” wrote a voter who runs a farm near the river.",
        [("a voter who runs a farm near the river", "wrote", "“Not again,”", "direct", False)],
        id="inverted-subject-parsed-as-object",
    ),
    pytest.param(
        "The deal was signed by Labor Secretary Ann Perez, who said the strike is over.",
        [("who", "said", "the strike is over", "indirect", False)],
        id="relative-clause-speaker",
    ),
    pytest.param(
        "ORLANDO, Fla. (Reuters) - President Barack Obama said the economy is strong.",
        [("President Barack Obama", "said", "the economy is strong", "indirect", False)],
        id="dateline-is-not-the-source",
    ),
    pytest.param(
        "The biggest gaps, according to the survey, include age and income.",
        [
            (
                "the survey",
                "according to",
                "The biggest gaps, according to the survey, include age and income",
                "indirect",
                False,
            )
        ],
        id="according-to-in-the-middle",
    ),
    pytest.param(
        "After all, she argued, the bank never repaid the loan.",
        [
            (
                "she",
                "argued",
                "After all, she argued, the bank never repaid the loan",
                "indirect",
                False,
            )
        ],
        id="inserted-cue-indirect-keeps-adverbial",
    ),
    pytest.param(
        "Ortiz says the port is closed, and the opposition has been attacking her for weeks.",
        [
            ("Ortiz", "says", "the port is closed", "indirect", False),
            # the writer's clause is an attribution of its own: a stance verb and its target
            ("the opposition", "has been attacking", "her", "indirect", False),
        ],
        id="coordinated-clause-of-the-writer-is-not-content",
    ),
    pytest.param(
        "The mayor said the senator attacked the plan.",
        [("The mayor", "said", "the senator attacked the plan", "indirect", False)],
        id="stance-verb-inside-reported-clause-is-not-its-own-attribution",
    ),
    pytest.param(
        "“My worry,” he said, “is that the river will flood again.”",
        [
            (
                "he",
                "said",
                "“My worry,” he said, “is that the river will flood again.”",
                "direct",
                False,
            )
        ],
        id="inserted-cue-quoted-left-part-stays",
    ),
    pytest.param(
        "Farmers, she said, can ''grow twice as much'' with the new seeds.",
        [
            (
                "she",
                "said",
                "Farmers, she said, can ''grow twice as much'' with the new seeds",
                "mixed",
                False,
            )
        ],
        id="inserted-cue-subject-before-it-stays",
    ),
    pytest.param(
        "She called the plan a “mess.”\n“I cannot support it,” she said.",
        [
            ("She", "called", "the plan a “mess.”", "mixed", False),  # a "called X Y" frame
            ("she", "said", "“I cannot support it,”", "direct", False),
        ],
        id="content-does-not-cross-paragraph",
    ),
    pytest.param(
        "Mayor Ana Ruiz says “hired agitators” started the fire.",
        [("Mayor Ana Ruiz", "says", "“hired agitators” started the fire", "mixed", False)],
        id="mixed",
    ),
    pytest.param(
        "It is said that the general fled the country in March.",
        [(None, "said", "that the general fled the country in March", "indirect", False)],
        id="passive-it-is-said",
    ),
    pytest.param(
        "The ministry said in a statement that the border would reopen on Friday.",
        [
            (
                "The ministry",
                "said in a statement",
                "that the border would reopen on Friday",
                "indirect",
                False,
            )
        ],
        id="cue-in-a-statement",
    ),
    pytest.param(
        "The company tweeted that its servers had been restored.",
        [("The company", "tweeted", "that its servers had been restored", "indirect", False)],
        id="cue-tweeted",
    ),
    pytest.param(
        "The minister said “the talks collapsed on Monday.\nLater, the envoy said, “We will return "
        "to the table in June.”",
        [
            ("The minister", "said", "“the talks collapsed on Monday.", "direct", False),
            ("the envoy", ("said", 2), "“We will return to the table in June.”", "direct", False),
        ],
        id="unbalanced-quote-later-quote-found",
    ),
    pytest.param(
        "The so-called “peacekeepers” arrived in the capital on Monday. Officials called the plan "
        "a “reset” of relations, and the rebels a band of “terrorists”.",
        # the scare quotes are no quotation of their own; "called X Y" is a stance attribution
        # (PARC 3.0 / PolNeAR), whose content holds them
        [
            (
                "Officials",
                ("called", 2),
                "the plan a “reset” of relations, and the rebels a band of “terrorists”",
                "mixed",
                False,
            )
        ],
        id="scare-quotes-are-not-quotes",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_kinds(nlp, text, expected):
    found = quotes(nlp, text)
    got = [
        (
            _span(q["source"]),
            _span(q["cue"]),
            _span(q["content"]),
            q["quote_type"],
            q["continued_from"] is not None,
        )
        for q in found
    ]

    def pos(sub):
        return _at(text, *sub) if isinstance(sub, tuple) else _at(text, sub)

    want = [(pos(s), pos(c), pos(t), qt, cont) for s, c, t, qt, cont in expected]
    assert got == want
    for q in found:
        Quote.model_validate(q)


def test_relative_pronoun_source_is_named_by_its_antecedent(nlp):
    text = "The deal was signed by Labor Secretary Ann Perez, who said the strike is over."
    (q,) = quotes(nlp, text)
    assert _span(q["source"]) == _at(text, "who")
    assert "Perez" in q["source"]["name"]


def test_ids_and_continuation_link(nlp):
    text = (
        "Opposition leader Tomas Reyes says the vote was rigged.\n“We counted every ballot "
        "ourselves and the numbers do not add up.”"
    )
    doc = run(nlp, "wirewatch_quotes", parse(nlp, text))
    first, second = doc._.ww_quotes
    assert first["id"] == stable_id("quo", doc_id(doc), first["content"]["start_char"])
    assert second["continued_from"] == first["id"]
    assert second["cue"] is None


def test_surname_gets_fullest_name_without_coref(nlp):
    text = (
        "Defence Minister Karl Holm visited the border on Monday. Holm says the troops will stay."
    )
    (q,) = quotes(nlp, text)
    assert _span(q["source"]) == _at(text, "Holm", 2)
    assert q["source"]["name"] == "Karl Holm"
    assert q["source"]["entity_id"] is None


def test_pronoun_source_uses_entity_when_coref_present(nlp):
    text = "Maria Lopez spoke in Lagos on Tuesday.\n“The budget will pass next week,” she said."
    doc = parse(nlp, text)
    ids = add_entities(doc, pronouns={text.index("she"): "Lopez"})
    run(nlp, "wirewatch_quotes", doc)
    (q,) = doc._.ww_quotes
    assert q["source"]["entity_id"] == ids["Lopez"]
    assert q["source"]["name"] == "Maria Lopez"
    assert q["source"]["text"] == "she"


def test_unbalanced_quote_is_diagnosed(nlp):
    text = "The minister said “the talks collapsed on Monday.\nNothing else happened."
    doc = run(nlp, "wirewatch_quotes", parse(nlp, text))
    assert any("never closed" in d["message"] for d in doc._.ww_diagnostics or [])


def test_reference_article(nlp, example_text):
    doc = run(nlp, "wirewatch_quotes", parse(nlp, example_text))
    qs = doc._.ww_quotes
    by_content = {q["content"]["text"][:40]: q for q in qs}

    def find(prefix: str) -> dict:
        return next(q for k, q in by_content.items() if k.startswith(prefix))

    beholden = find("“Kazakhstan is beholden to Russia")
    assert beholden["source"]["name"] == "Jennifer Murtazashvili"
    assert beholden["continued_from"] is not None and beholden["cue"] is None
    courtney = find("“We've had 30 years")
    assert (courtney["source"]["name"], courtney["cue"]["text"]) == ("William Courtney", "says")
    assert courtney["quote_type"] == "direct"
    tweet = find("“We believe in the resilience")
    assert (tweet["source"]["name"], tweet["cue"]["text"]) == ("the State Department", "tweeted")
    herbst = find("“President Vladimir Putin’s goal")
    assert herbst["cue"]["text"] == "argued" and herbst["source"]["name"] == "John Herbst"
    adds = find("that Tokayev had another option")
    assert adds["cue"]["text"] == "adds" and adds["quote_type"] == "indirect"
    tokayev = find("“foreign-backed terrorists” are behind")
    assert tokayev["quote_type"] == "mixed" and tokayev["source"]["text"] == "Tokayev"
    government = next(q for q in qs if q["cue"] and q["cue"]["text"] == "according to")
    assert government["content"]["text"] == "material damage could be $2-$3 billion"
    elite = find("the power elite that supported")
    assert (elite["source"]["name"], elite["cue"]["text"]) == ("William Courtney", "says")
    assert adds["content"]["text"].endswith("but chose the CSTO")
    for q in qs:
        Quote.model_validate(q)
        assert "peacekeepers" not in q["content"]["text"] or len(q["content"]["text"]) > 20


_PIECES = [
    *"“”\"'‘’«»`,.:; \nabcXYZ",
    "said",
    "says",
    " he ",
    "Reyes",
    "according to",
    "that",
    "''",
    "``",
    " the minister ",
]
_SOUP = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_SOUP)
def test_quote_mark_soup_never_raises(nlp, text):
    doc = run(nlp, "wirewatch_quotes", parse(nlp, text))
    for q in doc._.ww_quotes:
        Quote.model_validate(q)
        for key in ("source", "cue", "content"):
            s = q[key]
            if s is not None:
                assert text[s["start_char"] : s["end_char"]] == s["text"]
        c, end = q["content"], q["content"]["start_char"]
        for p in q["content_parts"]:  # ordered pieces inside the content hull
            assert text[p["start_char"] : p["end_char"]] == p["text"]
            assert end <= p["start_char"] < p["end_char"] <= c["end_char"]
            end = p["end_char"]
        assert len(q["content_parts"]) != 1
    for r in scan_quotes(text).regions:
        assert 0 <= r.start < r.end <= len(text)


@given(text=st.text(max_size=200))
def test_scan_quotes_never_raises_on_unicode(text):
    regions = scan_quotes(text).regions
    for a, b in zip(regions, regions[1:], strict=False):
        assert a.end <= b.start


def test_reference_article_full_pipeline(example_record):
    """With wirewatch_coref's entities: the checks of the attribution brief, as Records."""
    quotes = example_record.quotes

    def find(prefix: str):
        return next(q for q in quotes if q.content.text.startswith(prefix))

    assert "Murtazashvili" in find("“Kazakhstan is beholden to Russia").source.name
    assert "Courtney" in find("“We've had 30 years").source.name
    assert "State Department" in find("“We believe in the resilience").source.name
    assert "Herbst" in find("“President Vladimir Putin’s goal").source.name
    stances = {(s.from_entity, s.relation, s.to_entity) for s in example_record.stances}
    names = {e.id: e.name for e in example_record.entities}
    assert any(
        "Murtazashvili" in names.get(f, "") and r == "disagree" and "Herbst" in names.get(t, "")
        for f, r, t in stances
    )


# Attribution kinds beyond reported speech (issue 3, recall), each in sentences of our own, run
# with the rule-based cue frames (mode "rules": no PolNeAR-derived data).
FRAME_CASES = [
    pytest.param(
        "The mayor declined to comment on the audit.",
        [("The mayor", "declined", "to comment on the audit")],
        id="xcomp-declined-no-nested-cue",
    ),
    pytest.param(
        "Senator Ruth Okafor endorsed the governor on Friday.",
        [("Senator Ruth Okafor", "endorsed", "the governor")],
        id="dobj-endorsed",
    ),
    pytest.param(
        "The union called the proposal an insult to nurses.",
        [("The union", "called", "the proposal an insult to nurses")],
        id="dobj-called-x-y",
    ),
    pytest.param(
        "Activists called for a recount in three districts.",
        [("Activists", "called for", "a recount in three districts")],
        id="prep-called-for",
    ),
    pytest.param(
        "Mr. Dale criticized the council for its silence on housing.",
        [("Mr. Dale", "criticized", "the council for its silence on housing")],
        id="dobj-pp-criticized-for",
    ),
    pytest.param(
        "Officials refused to release the report.",
        [("Officials", "refused", "to release the report")],
        id="xcomp-refused",
    ),
    pytest.param(
        "Nadia Voss: Border deal will not survive the winter\nThe senator spoke on Monday.",
        [("Nadia Voss", ":", "Border deal will not survive the winter")],
        id="colon-headline",
    ),
    pytest.param(
        "In a new survey, most nurses expect the strike to end soon.",
        [("a new survey", "In", "most nurses expect the strike to end soon")],
        id="in-a-survey-source-prep",
    ),
    pytest.param(
        "Q: What happens next?\nA: The court decides.",
        [],
        id="interview-letters-are-not-sources",
    ),
    # round 2 (issue 3): content boundaries, relative-clause sources, sourceless raising verbs
    pytest.param(
        "''We will rebuild the pier,'' Mayor Ines Dorn said. ''The ferries come back in June.''",
        [
            (
                "Mayor Ines Dorn",
                "said",
                "''We will rebuild the pier,'' Mayor Ines Dorn said. ''The ferries come back in "
                "June.''",
            )
        ],
        id="two-quotes-around-cue-double-apostrophes",
    ),
    pytest.param(
        "The minister said that exports rose in May, contradicting her own department.",
        [("The minister", "said", "that exports rose in May")],
        id="trailing-participle-is-the-writers",
    ),
    pytest.param(
        "Reporters met Lena Hart, who said that the wards need more staff.",
        [("who", "said", "that the wards need more staff")],
        id="relative-pronoun-source",
    ),
    pytest.param(
        "The harbour tunnel is expected to open next spring.",
        [(None, "is expected", "The harbour tunnel is expected to open next spring")],
        id="passive-raising-no-source",
    ),
    pytest.param(
        "The old mill seemed to close for good.",
        [(None, "seemed", "The old mill seemed to close for good")],
        id="seem-no-source",
    ),
    # round 3 (issue 3): cue boundaries, more cue verbs, appositive sources, new constructions
    pytest.param(
        "The governor said: “We will rebuild every school.”",
        [("The governor", "said:", "“We will rebuild every school.”")],
        id="colon-after-cue-is-part-of-the-cue",
    ),
    pytest.param(
        "The auditor pointed out that the fund was empty.",
        [("The auditor", "pointed out", "that the fund was empty")],
        id="verb-particle-is-part-of-the-cue",
    ),
    pytest.param(
        "The senator attacked the new tariff.",
        [("The senator", "attacked", "the new tariff")],
        id="stance-verb-dobj-attacked",
    ),
    pytest.param(
        "Ms. Ruiz mentioned the housing deficit.",
        [("Ms. Ruiz", "mentioned", "the housing deficit")],
        id="communication-verb-dobj-mentioned",
    ),
    pytest.param(
        "The mayor described the plan as a disaster.",
        [("The mayor", "described", "the plan as a disaster")],
        id="dobj-with-as-predicate",
    ),
    pytest.param(
        "The coach ended the meeting by saying that the team needs rest.",
        [("The coach", "saying", "that the team needs rest")],
        id="by-saying-takes-the-governing-subject",
    ),
    pytest.param(
        "Tom Reyes, a spokesman for the port, said the cranes are safe.",
        [("Tom Reyes, a spokesman for the port,", "said", "the cranes are safe")],
        id="appositive-source-keeps-closing-comma",
    ),
    pytest.param(
        "The vote was rigged, as the opposition has said.",
        [("the opposition", "has said", "The vote was rigged")],
        id="as-clause-cue",
    ),
    pytest.param(
        "The court ruled that the parking fee was unlawful.",
        [("The court", "ruled", "that the parking fee was unlawful")],
        id="cognition-verb-ruled-that",
    ),
    pytest.param(
        "She said the roads are closed and the schools will stay shut.",
        [("She", "said", "the roads are closed and the schools will stay shut")],
        id="coordinated-clauses-stay-in-content",
    ),
    pytest.param(
        "“The buses never come on time.” ― Rosa Delgado\n“We need more trains.” — Omar Haddad\n",
        [
            ("Rosa Delgado", "―", "“The buses never come on time.”"),
            ("Omar Haddad", "—", "“We need more trains.”"),
        ],
        id="dash-signoff-after-quotation",
    ),
    pytest.param(
        "In a statement, the mayor said the bridge will reopen in May.",
        [("the mayor", "said", "the bridge will reopen in May")],
        id="in-a-statement-with-own-speaker-is-one-attribution",
    ),
    pytest.param(
        "Dean, a surgeon, appeared on television and began by saying he would never operate again.",
        [("Dean, a surgeon,", "saying", "he would never operate again")],
        id="subject-shared-up-a-chain-of-verbs",
    ),
    pytest.param(
        "Ms. Okoro, speaking to farmers in Kano, said the dam will be finished in June.",
        [("Ms. Okoro", "said", "the dam will be finished in June")],
        id="source-drops-comma-set-participle",
    ),
    pytest.param(
        "The minister tried to argue that the new tax was fair.",
        [("The minister", "tried to argue", "that the new tax was fair")],
        id="chained-cue-attempt-verb",
    ),
    pytest.param(
        "The coach went on to say that the pitch was too wet.",
        [("The coach", "went on to say", "that the pitch was too wet")],
        id="chained-cue-went-on-to-say",
    ),
    pytest.param(
        "The union encouraged its members to vote early.",
        [("The union", "encouraged", "its members to vote early")],
        id="object-control-keeps-the-object",
    ),
    pytest.param(
        "Activists called on the council to close the plant.",
        [("Activists", "called on", "the council to close the plant")],
        id="called-on-x-to-act",
    ),
    pytest.param(
        "The senator blasted the mayor for the delays during a rally in Ohio.",
        [("The senator", "blasted", "the mayor for the delays")],
        id="dobj-reason-phrase-not-circumstance",
    ),
    pytest.param(
        "Critics questioned the judgment of the governor, who is 81.",
        [("Critics", "questioned", "the judgment of the governor")],
        id="frame-content-drops-trailing-relative",
    ),
    pytest.param(
        "They closed the bridge, which, the engineer said, is unsafe.",
        [("the engineer", "said", "which, the engineer said, is unsafe")],
        id="relative-pronoun-set-off-by-commas-stays",
    ),
]


@pytest.fixture(scope="module")
def rules_quotes(nlp):
    from wirewatch.pipeline.quotes import QuoteAttributor

    return QuoteAttributor(nlp, "wirewatch_quotes", mode="rules")


@pytest.mark.parametrize(("text", "expected"), FRAME_CASES)
def test_frame_kinds(nlp, rules_quotes, text, expected):
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in found]
    assert got[: len(expected)] == [
        (_at(text, s), _at(text, c), _at(text, t)) for s, c, t in expected
    ]
    if not expected:
        assert got == []
    for q in found:
        Quote.model_validate(q)


def test_unknown_mode_is_a_config_error(nlp):
    from wirewatch.errors import ConfigError
    from wirewatch.pipeline.quotes import QuoteAttributor

    with pytest.raises(ConfigError, match="mode 'neural'"):
        QuoteAttributor(nlp, "wirewatch_quotes", mode="neural")


def test_learned_mode_reads_a_frame_table(nlp, tmp_path):
    from wirewatch.pipeline.quotes import QuoteAttributor

    table = tmp_path / "frames.tsv"
    table.write_text("# test\nsnub\tdobj\t0.6\t3\t5\n", encoding="utf-8")
    comp = QuoteAttributor(nlp, "wirewatch_quotes", mode="learned", frames_path=str(table))
    text = "The envoy snubbed the summit."
    (q,) = comp(parse(nlp, text))._.ww_quotes
    assert (q["cue"]["text"], q["content"]["text"]) == ("snubbed", "the summit")


def test_learned_mode_backs_off_to_hand_frames(nlp, tmp_path):
    """A lemma the learned table never saw keeps its hand-written frame (issue 3)."""
    from wirewatch.pipeline.quotes import QuoteAttributor

    table = tmp_path / "frames.tsv"
    table.write_text("# test\nsnub\tdobj\t0.6\t3\t5\n", encoding="utf-8")
    comp = QuoteAttributor(nlp, "wirewatch_quotes", mode="learned", frames_path=str(table))
    text = "The senator attacked the new tariff."
    (q,) = comp(parse(nlp, text))._.ww_quotes
    assert (q["cue"]["text"], q["content"]["text"]) == ("attacked", "the new tariff")


# ---------------------------------------------------------------------------------------------
# Issue 3: source and content span boundaries (PolNeAR guidelines, "Closeup on Content").
# One row per kind of boundary fault; sentences written for these tests. Each row:
# (text, [(source, cue, content)]) for the attributions expected, in content order.
BOUNDARY_CASES = [
    pytest.param(
        "“If you read the report closely,” Adams said, “you will see the numbers do not add up.”",
        [
            (
                "Adams",
                "said",
                "“If you read the report closely,” Adams said, "
                "“you will see the numbers do not add up.”",
            )
        ],
        id="quote-pieces-around-inserted-frame-first-piece-a-clause",
    ),
    pytest.param(
        "“My budget office sends me a chart every week,” he said, “and the charts are alarming.”",
        [
            (
                "he",
                "said",
                "“My budget office sends me a chart every week,” he said, "
                "“and the charts are alarming.”",
            )
        ],
        id="quote-pieces-around-inserted-frame-second-piece-coordinated",
    ),
    pytest.param(
        "“We will fix the roads this year,” Mayor Ann Lee said on Tuesday.\n\n"
        "“Nobody should have to drive around potholes.”\n\n“We have the money now.”",
        [
            (
                "Mayor Ann Lee",
                "said",
                "“We will fix the roads this year,” Mayor Ann Lee said on Tuesday.\n\n"
                "“Nobody should have to drive around potholes.”",
            ),
            ("Mayor Ann Lee", None, "“We have the money now.”"),
        ],
        id="quotation-paragraph-continues-the-frame-before-it-one-paragraph-only",
    ),
    pytest.param(
        "They closed the old bridge, which the engineer says is unsafe.",
        [("the engineer", "says", "which the engineer says is unsafe")],
        id="relative-pronoun-before-the-frame-is-content",
    ),
    pytest.param(
        "The old bridge, the engineer told the council on Tuesday, will close in May.",
        [
            (
                "the engineer",
                "told",
                "The old bridge, the engineer told the council on Tuesday, will close in May",
            )
        ],
        id="inserted-frame-with-a-circumstance-keeps-the-fronted-content",
    ),
    pytest.param(
        "Drivers blamed the closure, which the engineer says was overdue, on the city.",
        [
            ("Drivers", "blamed", "the closure"),
            ("the engineer", "says", "which the engineer says was overdue"),
        ],
        id="relative-clause-content-ends-before-the-main-clause-adjunct",
    ),
    pytest.param(
        "Although the first merger went smoothly, she said, combining the two banks would be "
        "much harder.",
        [
            (
                "she",
                "said",
                "Although the first merger went smoothly, she said, combining the two banks "
                "would be much harder",
            )
        ],
        id="subordinate-clause-before-inserted-frame-is-content",
    ),
    pytest.param(
        "The difference now, he told me on Monday, is that she runs the company.",
        [
            (
                ("he", 2),
                "told",
                "The difference now, he told me on Monday, is that she runs the company",
            )
        ],
        id="frame-inserted-after-the-subject-noun",
    ),
    pytest.param(
        "The top tier paid 30 percent, the agency said on Friday, and the bottom tier paid 2 "
        "percent.",
        [
            (
                "the agency",
                "said",
                "The top tier paid 30 percent, the agency said on Friday, and the bottom tier "
                "paid 2 percent",
            )
        ],
        id="clause-after-inserted-frame-goes-on-with-the-content",
    ),
    pytest.param(
        "Still, the new plan seems to be a real problem for the mayor, but few voters care.",
        [(None, "seems", "the new plan seems to be a real problem for the mayor")],
        id="sourceless-cue-content-runs-from-the-subject-to-the-clause-end",
    ),
    pytest.param(
        "The ministry said it was firmly opposed to the test and warned the North to stop.",
        [
            ("The ministry", "said", "it was firmly opposed to the test"),
        ],
        id="second-speech-act-coordinated-in-the-clause-is-cut",
    ),
    pytest.param(
        "She wondered, would there be any retribution?",
        [("She", "wondered", "would there be any retribution?")],
        id="reported-question-keeps-its-question-mark",
    ),
    pytest.param(
        '"Our people are anxious. We all understand that," Lopez said. "But you know what '
        'else worries them? Their jobs."',
        [
            (
                "Lopez",
                "said",
                '"Our people are anxious. We all understand that," Lopez said. "But you know '
                'what else worries them? Their jobs."',
            )
        ],
        id="frame-parsed-into-the-quotation-still-joins-the-next-one",
    ),
    pytest.param(
        "The singer referred to him as “the kindest man I have ever met.”",
        [("The singer", "referred to", "him as “the kindest man I have ever met.”")],
        id="as-predicate-after-a-prepositional-object",
    ),
    pytest.param(
        "Her husband has described the gala as Washington celebrating itself.",
        [("Her husband", "has described", "the gala as Washington celebrating itself")],
        id="as-predicate-parsed-as-a-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BOUNDARY_CASES)
def test_issue_3_span_boundaries(nlp, rules_quotes, text, expected):
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    got = [(_span(q["source"]), _span(q["cue"]), _span(q["content"])) for q in found]

    def pos(sub):
        return _at(text, *sub) if isinstance(sub, tuple) else _at(text, sub)

    assert got[: len(expected)] == [(pos(s), pos(c), pos(t)) for s, c, t in expected]
    for q in found:
        Quote.model_validate(q)
        for key in ("source", "cue", "content"):
            if q[key] is not None:
                assert text[q[key]["start_char"] : q[key]["end_char"]] == q[key]["text"]


def test_issue_3_joined_quote_is_direct_with_frame_skipped(nlp, rules_quotes):
    """The source and cue inside a joined content do not make it mixed."""
    text = "“Now that the vote is over,” she told the reporters, “we can finally rest.”"
    (q,) = rules_quotes(parse(nlp, text))._.ww_quotes
    assert q["content"]["text"] == text
    assert q["quote_type"] == "direct"


def test_issue_3_signed_quotation_is_not_continued(nlp, rules_quotes):
    """A paragraph after a reader's signed quotation is not folded into it."""
    text = "“The debate was a disaster for him.” ― Ana Ruiz\n\n“I will vote for the senator.”"
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    signed = next(q for q in found if q["cue"] is not None)
    assert signed["content"]["text"] == "“The debate was a disaster for him.”"


def test_issue_3_quote_pieces_not_joined_across_a_second_cue(nlp, rules_quotes):
    """ "“A,” X sang before asking, “B”": B belongs to "asking" alone, not joined back to A."""
    text = "“Keep your hands where I can see them,” Lane sings before asking them, “Who is next?”"
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    asking = next(q for q in found if q["cue"] and q["cue"]["text"] == "asking")
    assert asking["content"]["text"] == "“Who is next?”"


def test_issue_3_question_mark_of_the_writer_stays_out(nlp, rules_quotes):
    """Only a reported question (inverted, or a wh-word and an auxiliary) keeps its mark."""
    text = "Do the voters believe that the new tax will pass?"
    for q in rules_quotes(parse(nlp, text))._.ww_quotes:
        assert not q["content"]["text"].endswith("?")


def test_issue_3_next_sentence_quote_after_a_second_speaker_is_not_joined(nlp, rules_quotes):
    text = "“Tell her I promised you a picture,” Ana said, and her husband cut in. “Do not forget.”"
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    ana = next(q for q in found if q["cue"] and q["cue"]["text"] == "said")
    assert ana["content"]["text"] == "“Tell her I promised you a picture,”"


# --- issue 3, indirect content boundaries (second pass) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The governor will veto the bill next week, according to two aides, but lawmakers "
            "hope to change her mind.",
            "The governor will veto the bill next week",
        ),
        (
            "Unemployment fell to 4 percent in March, according to the labor ministry, a drop "
            "that surprised economists.",
            "Unemployment fell to 4 percent in March",
        ),
    ],
)
def test_issue_3_content_ends_before_a_clause_final_according_to(nlp, rules_quotes, text, content):
    """The writer's comment after "..., according to X," is not part of X's content."""
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    acc = next(q for q in found if q["cue"] and q["cue"]["text"] == "according to")
    assert _span(acc["content"]) == _at(text, content)


def test_issue_3_asked_if_reports_the_question_not_the_person_asked(nlp, rules_quotes):
    """Levin 37.1 inquire verbs: "asked X if/whether Y": the content is the if-clause."""
    text = "The reporter asked the minister if the army would withdraw before winter."
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    asked = next(q for q in found if q["cue"] and q["cue"]["text"] == "asked")
    assert _span(asked["content"]) == _at(text, "if the army would withdraw before winter")
    assert _span(asked["source"]) == _at(text, "The reporter")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor announced his engagement to a local painter.",
            "announced",
            "his engagement to a local painter",
        ),
        (
            "The report described the agency's ties to foreign donors.",
            "described",
            "the agency's ties to foreign donors",
        ),
    ],
)
def test_issue_3_object_keeps_its_to_complement(nlp, rules_quotes, text, cue, content):
    """A "to" phrase right after the cue's object is the object's complement."""
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    q = next(q for q in found if q["cue"] and q["cue"]["text"] == cue)
    assert _span(q["content"]) == _at(text, content)


def test_issue_3_to_pronoun_after_the_object_is_the_addressee(nlp, rules_quotes):
    """ "repeated the claim to me": "to me" is who heard it, not part of the content."""
    text = "The candidate repeated the claim to me."
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    q = next(q for q in found if q["cue"] and q["cue"]["text"] == "repeated")
    assert _span(q["content"]) == _at(text, "the claim")


def test_issue_3_according_to_keeps_a_coordinated_clause(nlp, rules_quotes):
    """ "A, according to X, and B": B is coordinated with A and stays in X's content."""
    text = (
        "Prices rose 3 percent in May, according to the statistics office, and rents rose "
        "5 percent."
    )
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    acc = next(q for q in found if q["cue"] and q["cue"]["text"] == "according to")
    assert acc["content"]["text"].startswith("Prices rose 3 percent in May")
    assert acc["content"]["text"].endswith("rents rose 5 percent")


# --- reference-article review (refq): parse repairs and relative sources -------------------
# Sentences written for these tests; each row shows one kind of fault found on the reference
# article (examples/kazakhstan_2022.txt) in other words.


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Garcia says the business elite that supported Fujimori and his close family people "
            "may be gone, but the system he built may yet survive.",
            "the business elite that supported Fujimori and his close family people may be gone",
        ),
        (
            "Ortiz says the power elite that protected Somoza and his family may have fled.",
            "the power elite that protected Somoza and his family may have fled",
        ),
    ],
)
def test_say_object_that_is_the_reported_clause_subject(nlp, rules_quotes, text, content):
    """ "says the elite that backed X ... may be gone": the parser made "the elite" the object
    of "says" and hung "may be gone" inside its relative clause; the object is the content."""
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    says = next(q for q in found if q["cue"] and q["cue"]["text"] == "says")
    assert _span(says["content"]) == _at(text, content)
    assert _span(says["source"]) == _at(text, text.split()[0])


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # the second clause has its own "that": a second complement of "said"
            "The treasurer said that rents would rise this year, but that taxes would fall.",
            "that rents would rise this year, but that taxes would fall",
        ),
        (
            "The treasurer said rents would rise, and that taxes would fall.",
            "rents would rise, and that taxes would fall",
        ),
        (  # no "that" and a clause hung on the cue: the writer's (PolNeAR's majority)
            "The treasurer said rents would rise, but taxes fell anyway.",
            "rents would rise",
        ),
    ],
)
def test_coordinated_that_clause_of_the_cue_is_content(nlp, rules_quotes, text, content):
    """ "X said that A, but that B": the parser hangs "that B" on the cue as a conjunct; its
    own "that" makes it a second reported clause (Quirk et al. 1985, 15.3)."""
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    (said,) = [q for q in found if q["cue"] and q["cue"]["text"] == "said"]
    assert _span(said["content"]) == _at(text, content)


def test_say_with_a_real_object_is_no_attribution(nlp, rules_quotes):
    """A say verb with a plain object and no clause inside it reports nothing."""
    text = "The priest said the words that everyone wanted to hear."
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    assert not any(q["cue"] and q["cue"]["text"] == "said" for q in found)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "The governor says “armed gangs” are behind the deaths of more than 40 people and "
            "property losses could be $500 million, according to the police.",
            "property losses could be $500 million",
            "the police",
        ),
        (
            "The mayor says looters are behind the theft of more than 300 cars and total losses "
            "could be $90 million, according to insurers.",
            "total losses could be $90 million",
            "insurers",
        ),
    ],
)
def test_according_to_keeps_a_subject_the_parser_stranded(nlp, rules_quotes, text, content, source):
    """ "... and the losses could be $X, according to Y": the parser hung "losses" on the noun
    before it, leaving "could be" with no subject; Y's content starts at the subject."""
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    acc = next(q for q in found if q["cue"] and q["cue"]["text"] == "according to")
    assert _span(acc["content"]) == _at(text, content)
    assert _span(acc["source"]) == _at(text, source)


@pytest.mark.parametrize(
    ("text", "speaker_content"),
    [
        (
            "The governor says “armed gangs” are behind the deaths of more than 40 people and "
            "property losses could be $500 million, according to the police.",
            "“armed gangs” are behind the deaths of more than 40 people",
        ),
        (
            "The mayor says looters are behind the theft of more than 300 cars and total losses "
            "could be $90 million, according to insurers.",
            "looters are behind the theft of more than 300 cars",
        ),
    ],
)
def test_a_trailing_according_to_clause_is_not_also_the_first_speakers(
    nlp, rules_quotes, text, speaker_content
):
    """ "X says A and B, according to Y": B is Y's alone, so X's content ends with A (a word is
    in one attribution only, as PolNeAR annotates)."""
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    says = next(q for q in found if q["cue"] and q["cue"]["text"] == "says")
    assert _span(says["content"]) == _at(text, speaker_content)


def test_according_to_does_not_take_a_subject_from_its_own_source(nlp, rules_quotes):
    """A subject the parser swallowed into the "according to" phrase stays in the source."""
    text = (
        "According to early results of the exit polls, majorities of voters in Ohio want "
        "lower taxes."
    )
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    for q in found:
        if q["cue"] and q["cue"]["text"] == "According to":
            s, c = q["source"], q["content"]
            assert s["end_char"] <= c["start_char"] or c["end_char"] <= s["start_char"]


def _built(nlp, rows: list[tuple[str, str, str, str, int, str]]):
    """A parsed Doc built by hand: rows of (word, pos, tag, dep, head index, lemma)."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )
    doc._.ww_mentions = []
    doc._.ww_entities = []
    return doc


def _moreno(cue: str, cue_tag: str, cue_lemma: str):
    """ "Moreno <cue> that the council had a cheaper bid, but picked the local firm." with
    "picked" hung on the cue as its conjunct (the parser's mistake this repairs)."""
    return [
        ("Moreno", "PROPN", "NNP", "nsubj", 1, "Moreno"),
        (cue, "VERB", cue_tag, "ROOT", 1, cue_lemma),
        ("that", "SCONJ", "IN", "mark", 5, "that"),
        ("the", "DET", "DT", "det", 4, "the"),
        ("council", "NOUN", "NN", "nsubj", 5, "council"),
        ("had", "VERB", "VBD", "ccomp", 1, "have"),
        ("a", "DET", "DT", "det", 8, "a"),
        ("cheaper", "ADJ", "JJR", "amod", 8, "cheap"),
        ("bid", "NOUN", "NN", "dobj", 5, "bid"),
        (",", "PUNCT", ",", "punct", 1, ","),
        ("but", "CCONJ", "CC", "cc", 1, "but"),
        ("picked", "VERB", "VBD", "conj", 1, "pick"),
        ("the", "DET", "DT", "det", 14, "the"),
        ("local", "ADJ", "JJ", "amod", 14, "local"),
        ("firm", "NOUN", "NN", "dobj", 11, "firm"),
        (".", "PUNCT", ".", "punct", 1, "."),
    ]


def test_past_tense_conjunct_of_a_present_cue_is_content(nlp, rules_quotes):
    """ "Moreno says that the council had A, but picked B": a past-tense verb coordinated with
    a present-tense cue goes on with the backshifted reported clause (Quirk et al. 14.31)."""
    doc = rules_quotes(_built(nlp, _moreno("says", "VBZ", "say")))
    (q,) = doc._.ww_quotes
    assert _span(q["content"]) == _at(
        doc.text, "that the council had a cheaper bid, but picked the local firm"
    )


def test_conjunct_in_the_cue_tense_stays_out(nlp, rules_quotes):
    """ "Moreno said that A, but picked B": same tense as the cue, the parse is believed."""
    doc = rules_quotes(_built(nlp, _moreno("said", "VBD", "say")))
    (q,) = doc._.ww_quotes
    assert _span(q["content"]) == _at(doc.text, "that the council had a cheaper bid")


def test_relative_clause_frame_cue_has_the_pronoun_as_source(nlp, rules_quotes):
    """ "a party that has long claimed to X": "claim" + infinitive is a say frame; the source
    is the relative pronoun, named by its antecedent without the clause."""
    text = "She leads a party that has long claimed to speak for the farmers, and it won."
    doc = parse(nlp, text)
    add_entities(doc)
    found = rules_quotes(doc)._.ww_quotes
    q = next(q for q in found if q["cue"] and "claimed" in q["cue"]["text"])
    assert _span(q["cue"]) == _at(text, "has long claimed")
    assert _span(q["content"]) == _at(text, "to speak for the farmers")
    assert _span(q["source"]) == _at(text, "that")
    assert q["source"]["name"] == "a party"


def test_restrictive_relative_source_is_named_without_its_clause(nlp, rules_quotes):
    text = "The officials who said the plan would fail were ignored."
    found = rules_quotes(parse(nlp, text))._.ww_quotes
    (q,) = found
    assert _span(q["source"]) == _at(text, "who")
    assert q["source"]["name"] == "The officials"
