"""Tests of ``Quote.content_parts``: the pieces of a content that holds its own source or cue.

PARC 3.0 / PolNeAR mark such a content as discontinuous; wirewatch keeps the hull in
``content`` and lists the pieces in ``content_parts``. The sentences are written for these
tests; every row checks the exact offsets of each piece (``_at``: n-th occurrence of a
substring).
"""

from __future__ import annotations

import pytest
from _attribution_helpers import at as _at
from _attribution_helpers import quotes
from _attribution_helpers import span_of as _span
from spacy.tokens import Doc

from wirewatch.model import Quote
from wirewatch.pipeline._content_parts import content_parts
from wirewatch.pipeline._content_spans import fronted_content, relative_clause_end
from wirewatch.pipeline._quote_context import Candidate, QuoteContext

pytestmark = pytest.mark.slow

# (text, cue of the quote under test, its content hull, its parts); a (sub, n) tuple picks the
# n-th occurrence of sub.
PARTS = [
    pytest.param(
        "Kenya and Uganda, she says, are the winners of the deal.",
        "says",
        "Kenya and Uganda, she says, are the winners of the deal",
        ["Kenya and Uganda", "are the winners of the deal"],
        id="inserted-aside",
    ),
    pytest.param(
        "The new tariffs, the trade minister argued, will hurt farmers.",
        "argued",
        "The new tariffs, the trade minister argued, will hurt farmers",
        ["The new tariffs", "will hurt farmers"],
        id="inserted-aside-noun-source",
    ),
    pytest.param(
        "The bridge, officials said yesterday, will reopen in June.",
        "said",
        "The bridge, officials said yesterday, will reopen in June",
        ["The bridge", "will reopen in June"],
        id="inserted-aside-with-circumstance",
    ),
    pytest.param(
        "Although the vote failed, she said, the party will try again in May.",
        "said",
        "Although the vote failed, she said, the party will try again in May",
        ["Although the vote failed", "the party will try again in May"],
        id="subordinate-clause-before-frame",
    ),
    pytest.param(
        "“We want peace,” said Amina Yusuf, the group's leader, “but not at any price.”",
        "said",
        "“We want peace,” said Amina Yusuf, the group's leader, “but not at any price.”",
        ["“We want peace,”", "“but not at any price.”"],
        id="joined-quotations-comma",
    ),
    pytest.param(
        '"That," the mayor said, "would make the city safer."',
        "said",
        '"That," the mayor said, "would make the city safer."',
        ['"That,"', '"would make the city safer."'],
        id="joined-quotations-straight-marks",
    ),
    pytest.param(
        "“The talks are over,” said the envoy, a former judge. “We are going home.”",
        "said",
        "“The talks are over,” said the envoy, a former judge. “We are going home.”",
        ["“The talks are over,”", "“We are going home.”"],
        id="joined-quotations-next-sentence",
    ),
    pytest.param(
        "“We will not leave the city,” said Peter Novak.\n\n“Nor will we apologise.”\n\nIt ended.",
        "said",
        "“We will not leave the city,” said Peter Novak.\n\n“Nor will we apologise.”",
        ["“We will not leave the city,”", "“Nor will we apologise.”"],
        id="paragraph-continuation",
    ),
    pytest.param(
        "The strike, which the union says was a success, ended on Friday.",
        "says",
        "which the union says was a success",
        ["which", "was a success"],
        id="relative-clause",
    ),
    pytest.param(
        "The mayor praised the school, which the governor described as “a model for the region.”",
        "described",
        "which the governor described as “a model for the region.”",
        ["which", "as “a model for the region.”"],
        id="relative-object-naming-cue",
    ),
    pytest.param(
        "Kenya and Uganda, according to the report, lost the most.",
        "according to",
        "Kenya and Uganda, according to the report, lost the most",
        ["Kenya and Uganda", "lost the most"],
        id="according-to-inserted",
    ),
    # an inserted frame with a circumstance of its own, which the parser makes the head of the
    # sentence: the fronted part is content as for the bare aside
    pytest.param(
        "The new dam, the engineer told lawmakers in Nairobi, will flood three villages.",
        "told",
        "The new dam, the engineer told lawmakers in Nairobi, will flood three villages",
        ["The new dam", "will flood three villages"],
        id="inserted-frame-with-object-and-place",
    ),
    pytest.param(
        "The harvest, the minister told the BBC, will be the largest in a decade.",
        "told",
        "The harvest, the minister told the BBC, will be the largest in a decade",
        ["The harvest", "will be the largest in a decade"],
        id="inserted-frame-with-object",
    ),
    pytest.param(
        "Although turnout was low, the mayor told the radio station on Sunday, the result is "
        "clear.",
        "told",
        "Although turnout was low, the mayor told the radio station on Sunday, the result is clear",
        ["Although turnout was low", "the result is clear"],
        id="inserted-frame-with-circumstance-after-a-clause",
    ),
    # the fronted subject the parser hangs on the inserted cue
    pytest.param(
        "Farmers, the minister suggested, do not need to fear the new tariffs.",
        "suggested",
        "Farmers, the minister suggested, do not need to fear the new tariffs",
        ["Farmers", "do not need to fear the new tariffs"],
        id="fronted-subject-hung-on-the-cue",
    ),
    # a fronted subject or connective before an inserted frame that opens a quotation
    pytest.param(
        "A long recession, the economist said, “would be a disaster for the region.”",
        "said",
        "A long recession, the economist said, “would be a disaster for the region.”",
        ["A long recession", "“would be a disaster for the region.”"],
        id="fronted-subject-of-a-quoted-predicate",
    ),
    pytest.param(
        "Instead, the minister said, “we will build more schools.”",
        "said",
        "Instead, the minister said, “we will build more schools.”",
        ["Instead", "“we will build more schools.”"],
        id="connective-before-a-frame-that-opens-a-quotation",
    ),
    # a relative clause ends at its closing comma: what follows is the main clause's
    pytest.param(
        "Residents blamed the flood, which the mayor says was an act of sabotage, on the rebels.",
        "says",
        "which the mayor says was an act of sabotage",
        ["which", "was an act of sabotage"],
        id="relative-clause-ends-at-its-comma",
    ),
    # a relative pronoun that is the naming cue's object opens the content
    pytest.param(
        "She mocked the new stadium, which the mayor called “a jewel for the city.”",
        "called",
        "which the mayor called “a jewel for the city.”",
        ["which", "“a jewel for the city.”"],
        id="relative-object-of-a-naming-cue",
    ),
    pytest.param(
        "Senator Maria Lopez says that the budget will pass next week.",
        "says",
        "that the budget will pass next week",
        [],
        id="one-piece-no-parts",
    ),
    # not inserted: a clause before a quotation is the circumstance of the speech
    pytest.param(
        "Asked about the strike, the minister told reporters, “we will not negotiate.”",
        "told",
        "“we will not negotiate.”",
        [],
        id="participle-clause-before-a-quotation-stays-out",
    ),
    # the pronoun is the source: the reported clause may go on after a comma
    pytest.param(
        "The senator, who said she would use the new powers sparingly, in emergencies only, "
        "signed the order.",
        "said",
        "she would use the new powers sparingly, in emergencies only",
        [],
        id="relative-source-keeps-a-comma-set-phrase",
    ),
    pytest.param(
        "“Prices will rise again next year,” said Peter Novak, an economist.",
        "said",
        "“Prices will rise again next year,”",
        [],
        id="frame-after-content-no-parts",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "parts"), PARTS)
def test_content_parts_of_each_kind(nlp, text, cue, content, parts):
    found = quotes(nlp, text)
    q = next(q for q in found if q["cue"] is not None and q["cue"]["text"] == cue)
    assert _span(q["content"]) == _at(text, content)
    got = [_span(p) for p in q["content_parts"]]
    assert got == [_at(text, p) for p in parts]
    for p in q["content_parts"]:
        assert text[p["start_char"] : p["end_char"]] == p["text"]
    model = Quote.model_validate(q)
    assert [p.text for p in model.content_parts] == parts


def test_parts_leave_out_the_source_and_cue(nlp):
    text = "The new tariffs, the trade minister argued, will hurt farmers."
    (q,) = quotes(nlp, text)
    src, cue = q["source"], q["cue"]
    for p in q["content_parts"]:
        for s in (src, cue):
            assert p["end_char"] <= s["start_char"] or s["end_char"] <= p["start_char"]


def _hand_doc(nlp) -> Doc:
    """ "Prices, he said on Monday, will rise." parsed by hand: "said" is parataxis of "rise",
    with its own circumstance "on Monday"."""
    rows = [
        ("Prices", "nsubj", 8),
        (",", "punct", 3),
        ("he", "nsubj", 3),
        ("said", "parataxis", 8),
        ("on", "prep", 3),
        ("Monday", "pobj", 4),
        (",", "punct", 3),
        ("will", "aux", 8),
        ("rise", "ROOT", 8),
        (".", "punct", 8),
    ]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        deps=[r[1] for r in rows],
        heads=[r[2] for r in rows],
    )


def test_the_cue_verbs_circumstance_is_frame_not_a_part(nlp):
    """A rule that records only "he said" as the inserted stretch: "on Monday" hangs on the cue
    and is cut with it (no third piece "on Monday")."""
    doc = _hand_doc(nlp)
    text = doc.text
    hull = _at(text, "Prices, he said on Monday, will rise")
    src, cue = _at(text, "he"), _at(text, "said")
    cand = Candidate(
        content=hull[:2],
        cue=cue[:2],
        source=src[:2],
        source_head=2,
        kind="inserted",
        confidence=0.8,
        skip=[(src[0], cue[1])],
    )
    parts = content_parts(doc, cand, QuoteContext(doc))
    assert [(a, b, text[a:b]) for a, b in parts] == [_at(text, "Prices"), _at(text, "will rise")]


def test_a_content_without_anything_inside_has_no_parts(nlp):
    doc = _hand_doc(nlp)
    text = doc.text
    whole = _at(text, "will rise")
    cand = Candidate(whole[:2], _at(text, "said")[:2], _at(text, "he")[:2], 2, "verb", 0.8)
    assert content_parts(doc, cand, QuoteContext(doc)) == []


def _built(nlp, rows: list[tuple[str, str, int, str]]) -> Doc:
    """A doc parsed by hand: (word, dep, head index, coarse POS) per token."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        deps=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        pos=[r[3] for r in rows],
    )


def test_fronted_content_of_a_frame_parsed_as_the_head(nlp):
    """ "Prices, she told reporters, will rise." with "told" as the root and "Prices" hung on
    it: the fronted noun is the complement's subject, so it is content."""
    doc = _built(
        nlp,
        [
            ("Prices", "dep", 3, "NOUN"),
            (",", "punct", 3, "PUNCT"),
            ("she", "nsubj", 3, "PRON"),
            ("told", "ROOT", 3, "VERB"),
            ("reporters", "dobj", 3, "NOUN"),
            (",", "punct", 3, "PUNCT"),
            ("will", "aux", 7, "AUX"),
            ("rise", "ccomp", 3, "VERB"),
            (".", "punct", 3, "PUNCT"),
        ],
    )
    assert fronted_content(doc, doc[3], doc[2], [doc[7]]) == {0}
    # with a subject of its own the complement does not take the fronted noun
    doc2 = _built(
        nlp,
        [
            ("Prices", "dep", 3, "NOUN"),
            (",", "punct", 3, "PUNCT"),
            ("she", "nsubj", 3, "PRON"),
            ("told", "ROOT", 3, "VERB"),
            ("reporters", "dobj", 3, "NOUN"),
            (",", "punct", 3, "PUNCT"),
            ("they", "nsubj", 8, "PRON"),
            ("will", "aux", 8, "AUX"),
            ("rise", "ccomp", 3, "VERB"),
            (".", "punct", 3, "PUNCT"),
        ],
    )
    assert fronted_content(doc2, doc2[3], doc2[2], [doc2[8]]) == set()


def test_relative_clause_end_cuts_a_phrase_after_the_closing_comma(nlp):
    """ "X blamed the riot, which he says was a coup, on Friday." with "on Friday" hung on
    "coup": the comma closes the relative clause, the phrase is the main clause's."""
    doc = _built(
        nlp,
        [
            ("X", "nsubj", 1, "PROPN"),
            ("blamed", "ROOT", 1, "VERB"),
            ("the", "det", 3, "DET"),
            ("riot", "dobj", 1, "NOUN"),
            (",", "punct", 3, "PUNCT"),
            ("which", "nsubj", 8, "PRON"),
            ("he", "nsubj", 7, "PRON"),
            ("says", "relcl", 3, "VERB"),
            ("was", "ccomp", 7, "AUX"),
            ("a", "det", 10, "DET"),
            ("coup", "attr", 8, "NOUN"),
            (",", "punct", 10, "PUNCT"),
            ("on", "prep", 10, "ADP"),
            ("Friday", "pobj", 12, "PROPN"),
            (".", "punct", 1, "PUNCT"),
        ],
    )
    doc[5].tag_ = "WDT"
    toks = {t.i for t in doc[8].subtree}
    assert relative_clause_end(doc, doc[7], toks) == {11, 12, 13}
    # the pronoun outside the content (it is the source): nothing is cut
    assert relative_clause_end(doc, doc[7], toks - {5}) == set()
