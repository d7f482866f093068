"""wirewatch_actors: mention kinds, NER repairs, sector groups (sentences written for the tests)."""

from __future__ import annotations

import pytest

from wirewatch.model import Mention

PRE_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def hand_ner(nlp, text, ents):
    """Parse ``text`` but impose NER spans ``[(substring or (start, end), label)]``."""
    doc = nlp.make_doc(text)
    for name in PRE_NER:
        doc = nlp.get_pipe(name)(doc)
    spans = []
    for sub, label in ents:
        a, b = sub if isinstance(sub, tuple) else (text.index(sub), text.index(sub) + len(sub))
        spans.append(doc.char_span(a, b, label=label))
    doc.ents = spans
    doc = nlp.get_pipe("wirewatch_actors")(doc)
    return nlp.get_pipe("wirewatch_coref")(doc)


def row(m):
    return (m["start_char"], m["end_char"], m["text"], m["kind"], m["entity_type"], m["country"],
            m["sector"])


def test_title_and_demonym_prefix_split_off_a_merged_org(nlp):
    text = "Kyrgyz President Sadyr Japarov said on Friday that the border was calm."
    doc = hand_ner(nlp, text, [("Kyrgyz President Sadyr Japarov", "ORG"), ("Friday", "DATE")])
    rows = [row(m) for m in doc._.ww_mentions if m["kind"] != "pronoun"]
    assert rows == [
        (0, 6, "Kyrgyz", "demonym", "GPE", "KGZ", None),
        (17, 30, "Sadyr Japarov", "name", "PERSON", "KGZ", "GOV"),
    ]
    person = doc._.ww_mentions[1]
    assert person["descriptors"] == [{"start_char": 7, "end_char": 16, "text": "President"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Georgian Foreign Minister Ilia Darchiashvili met U.S. Secretary of State Antony "
            "Blinken in Tbilisi.",
            [("Ilia Darchiashvili", "GEO", "GOV", "Foreign Minister"),
             ("Antony Blinken", "USA", "GOV", "Secretary of State")],
        ),
        (
            "Kyrgyz President Sadyr Japarov said on Friday that the border was calm.",
            [("Sadyr Japarov", "KGZ", "GOV", "President")],
        ),
    ],
)
def test_title_prefix_gives_descriptor_country_and_sector(nlp, text, expected):
    doc = nlp(text)
    persons = [
        (m["text"], m["country"], m["sector"], m["descriptors"][0]["text"])
        for m in doc._.ww_mentions
        if m["entity_type"] == "PERSON"
    ]
    assert persons == expected


def test_lone_token_labelled_gpe_is_a_surname(nlp):
    text = "Thomas Garrett spoke first. Later Garrett said the plan was sound."
    doc = hand_ner(nlp, text, [("Thomas Garrett", "PERSON"), ((34, 41), "GPE")])
    assert [row(m) for m in doc._.ww_mentions if m["kind"] != "pronoun"] == [
        (0, 14, "Thomas Garrett", "name", "PERSON", None, None),
        (34, 41, "Garrett", "surname", "PERSON", None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # IGO full name and acronym
            "The North Atlantic Treaty Organization (NATO) held talks in Brussels.",
            [(4, 38, "North Atlantic Treaty Organization", "name", "IGO", None, "IGO"),
             (40, 44, "NATO", "acronym", "IGO", None, "IGO"),
             (60, 68, "Brussels", "name", "GPE", "BEL", None)],  # a place: "in Brussels"
        ),
        (  # demonyms give countries; sector nouns are groups
            "Turkish troops crossed the border, and Iranian police arrested dozens of protesters.",
            [(0, 14, "Turkish troops", "group", "GROUP", "TUR", "MIL"),
             (0, 7, "Turkish", "demonym", "GPE", "TUR", None),
             (39, 53, "Iranian police", "group", "GROUP", "IRN", "COP"),
             (39, 46, "Iranian", "demonym", "GPE", "IRN", None),
             (73, 83, "protesters", "group", "GROUP", None, "OPP")],
        ),
        (  # seats of power as metonyms
            "Moscow rejected the proposal, while the Kremlin said talks would continue.",
            [(0, 6, "Moscow", "metonym", "GPE", "RUS", "GOV"),
             (40, 47, "Kremlin", "metonym", "GPE", "RUS", "GOV")],
        ),
        (  # a national institution named without its country
            "The State Department summoned the envoy.",
            [(4, 20, "State Department", "name", "ORG", "USA", "GOV")],
        ),
    ],
)
def test_mention_kinds(nlp, text, expected):
    doc = nlp(text)
    assert [row(m) for m in doc._.ww_mentions if m["kind"] != "pronoun"] == expected


def test_government_takes_the_main_country(nlp):
    text = ("Protests spread across Armenia on Monday. Armenia's opposition blamed the "
            "government, and Armenia braced for more.")
    doc = nlp(text)
    gov = [m for m in doc._.ww_mentions if m["text"] == "government"]
    assert [(m["kind"], m["country"], m["sector"]) for m in gov] == [("group", "ARM", "GOV")]


def test_pronouns_are_mentions_without_entity_type(nlp):
    doc = nlp("Anna Lindqvist criticised the plan. She said it would hurt farmers.")
    prons = [(m["start_char"], m["text"], m["entity_type"]) for m in doc._.ww_mentions
             if m["kind"] == "pronoun"]
    assert prons == [(36, "She", None), (45, "it", None)]


def test_lowercase_ner_spans_and_dates_are_dropped(nlp):
    text = "Kazakhstan is beholden to Russia since January 2022."
    doc = hand_ner(nlp, text, [("Kazakhstan", "GPE"), ("beholden", "GPE"), ("Russia", "GPE"),
                               ("January 2022", "DATE")])
    assert [m["text"] for m in doc._.ww_mentions] == ["Kazakhstan", "Russia"]


def test_spans_match_text_and_validate(nlp, example_text):
    doc = nlp(example_text)
    assert doc._.ww_mentions
    for m in doc._.ww_mentions:
        assert example_text[m["start_char"]:m["end_char"]] == m["text"]
        Mention.model_validate({k: m[k] for k in ("start_char", "end_char", "text", "kind")})
