"""Source and target actor finding (issue 4): the argument frames of ``event_args`` and the
first-actor-in-the-verb-phrase fallback of ``wirewatch_events``, on sentences written for these
tests. Parse repairs are also tested on hand-built parses, so they do not depend on the model.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from wirewatch.pipeline import event_args as ea
from wirewatch.pipeline._event_target_candidates import verb_phrase_parties

PUB = "2023-05-10"
_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, like_num)


def _doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str] | None = None,
    ents: list[str] | None = None,
) -> Doc:
    """A parsed Doc built by hand (heads are absolute token indices)."""
    return Doc(
        _VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags or ["" for _ in words],
        ents=ents,
    )


# -- parse repairs, on hand-built parses ----------------------------------------------------------


def test_issue_4_subject_folded_into_fronted_adjunct():
    # "After the vote, the council and the army have agreed ...", parsed with the subject hung
    # under the adjunct's object (a common misparse)
    words = [
        "After",
        "the",
        "vote",
        ",",
        "the",
        "council",
        "and",
        "the",
        "army",
        "have",
        "agreed",
        ".",
    ]
    heads = [10, 2, 0, 2, 5, 2, 5, 8, 5, 10, 10, 10]
    deps = [
        "prep",
        "det",
        "pobj",
        "punct",
        "det",
        "conj",
        "cc",
        "det",
        "conj",
        "aux",
        "ROOT",
        "punct",
    ]
    pos = [
        "ADP",
        "DET",
        "NOUN",
        "PUNCT",
        "DET",
        "NOUN",
        "CCONJ",
        "DET",
        "NOUN",
        "AUX",
        "VERB",
        "PUNCT",
    ]
    tags = ["IN", "DT", "NN", ",", "DT", "NN", "CC", "DT", "NN", "VBP", "VBN", "."]
    doc = _doc(words, heads, deps, pos, tags)
    subj = ea.subject_of(doc[10])
    assert subj is not None and subj.text == "council"


def test_issue_4_no_folded_subject_when_the_verb_has_one():
    words = ["After", "the", "vote", ",", "the", "council", "agreed", "."]
    heads = [6, 2, 0, 6, 5, 6, 6, 6]
    deps = ["prep", "det", "pobj", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    tags = ["IN", "DT", "NN", ",", "DT", "NN", "VBD", "."]
    doc = _doc(words, heads, deps, pos, tags)
    assert ea.absorbed_subject(doc[6]) is None
    assert ea.subject_of(doc[6]).text == "council"


def test_issue_4_subject_of_a_gerund_after_a_preposition():
    # "The militias are guilty of attacking the convoy": "attacking" -> "of" -> "guilty" -> "are"
    words = ["The", "militias", "are", "guilty", "of", "attacking", "the", "convoy", "."]
    heads = [1, 2, 2, 2, 3, 4, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "acomp", "prep", "pcomp", "det", "dobj", "punct"]
    pos = ["DET", "NOUN", "AUX", "ADJ", "ADP", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _doc(words, heads, deps, pos)
    assert ea.subject_of(doc[5]).text == "militias"


def _relative_doc(restrictive: bool = False) -> Doc:
    # "We praised Oman, which made efforts, from mediation to hosting talks.": the parser hangs
    # "from ... to hosting talks" on the main verb, after the relative clause
    words = ["We", "praised", "Oman", ",", "which", "made", "efforts", ",", "from"]
    words += ["mediation", "to", "hosting", "talks", "."]
    heads = [1, 1, 1, 2, 5, 2, 5, 2, 1, 8, 9, 10, 11, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "relcl", "dobj", "punct", "prep"]
    deps += ["pobj", "prep", "pcomp", "dobj", "punct"]
    pos = ["PRON", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "ADP"]
    pos += ["NOUN", "ADP", "VERB", "NOUN", "PUNCT"]
    tags = ["PRP", "VBD", "NNP", ",", "WDT", "VBD", "NNS", ",", "IN", "NN", "IN", "VBG", "NNS"]
    tags += ["."]
    if restrictive:  # "... Oman that made efforts, ...": no comma before the pronoun
        words[3], words[4] = "now", "that"
        deps[3], pos[3], tags[3] = "advmod", "ADV", "RB"
    return _doc(words, heads, deps, pos, tags)


def test_a_gerund_phrase_after_a_relative_clause_is_done_by_its_named_antecedent():
    doc = _relative_doc()
    assert ea.subject_of(doc[11]) is None  # the parse gives "hosting" no subject
    assert ea.relative_antecedent(doc[11]).text == "Oman"
    src, tgt, _theme = ea.verb_source_target(doc[11], {})
    assert (src.text, tgt.text) == ("Oman", "talks")
    # a restrictive "that" clause, or a verb that is no gerund after a preposition: no rule
    assert ea.relative_antecedent(_relative_doc(restrictive=True)[11]) is None
    assert ea.relative_antecedent(doc[5]) is None


def test_issue_4_bare_preposition_takes_the_subject_after_it():
    # "granted asylum to five officers holed up ...": the parser made "officers" the subject of
    # "holed" and left "to" without an object
    words = ["Peru", "granted", "asylum", "to", "five", "officers", "holed", "up", "."]
    heads = [1, 1, 1, 1, 5, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "prt", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "ADP", "PUNCT"]
    doc = _doc(words, heads, deps, pos)
    assert [(p, o.text) for p, o in ea.prep_objects(doc[1], ("to",))] == [("to", "officers")]


def test_issue_4_verb_phrase_parties_leave_out_places_and_other_clauses():
    # "Rebels shelled the camp near Gulu and attacked Kampala": the "near" phrase is where, the
    # conjunct is another event
    words = ["Rebels", "shelled", "the", "camp", "near", "Gulu", "and", "attacked", "Kampala", "."]
    heads = [1, 1, 3, 1, 3, 4, 1, 1, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "conj", "dobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "PROPN", "PUNCT"]
    ents = ["O", "O", "O", "O", "O", "B-GPE", "O", "O", "B-GPE", "O"]
    doc = _doc(words, heads, deps, pos, ents=ents)
    assert [t.text for t in verb_phrase_parties(doc[1])] == ["camp"]


# -- frames and fallback, through the pipeline ---------------------------------------------------


def _events(nlp, text: str) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.ww_pub_date = PUB
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.ww_events


def _one(events, ptype, trigger=None):
    found = [
        e
        for e in events
        if e["plover_type"] == ptype and (trigger is None or e["trigger"]["text"] == trigger)
    ]
    assert found, [(e["trigger"]["text"], e["plover_type"]) for e in events]
    return found[0]


def _text(a: dict[str, Any] | None) -> str | None:
    return None if a is None else a["text"]


# (text, plover_type, trigger, role, actor text, country or sector)
ACTOR_CASES = [
    # the target inside a nominal object: a possessor shifted past an "as" phrase
    (
        "Norway condemned as a grave violation Russia's seizure of the tanker.",
        "ACCUSE",
        "condemned",
        "target_actor",
        "Russia",
        "RUS",
    ),
    # a "-led" modifier of the object of a complement's preposition
    (
        "The Spanish government refused to commit to any support for the British-led operation "
        "against the pirates.",
        "REJECT",
        "refused",
        "target_actor",
        "British",
        "GBR",
    ),
    # a "from" party inside the complement's prepositional object
    (
        "The prime minister refused to respond to an ultimatum from the Kenyan president.",
        "REJECT",
        "refused",
        "target_actor",
        "Kenyan president",
        "KEN",
    ),
    # REQUEST from "X said that Y must be ...": Y, the subject of the deontic clause
    (
        "The Chilean foreign minister said that Peru must be ready to negotiate.",
        "REQUEST",
        None,
        "target_actor",
        "Peru",
        "PER",
    ),
    # ... and an unresolved pronoun subject is the party the statement is made to
    (
        "The Turkish president sent a warning to Greece that it must withdraw its ships.",
        "REQUEST",
        None,
        "target_actor",
        "Greece",
        "GRC",
    ),
    # a demand's "that" clause hung on the verb the demand is the object of
    (
        "The union repeated its demand on Tuesday that the government raise wages.",
        "REQUEST",
        "demand",
        "target_actor",
        "government",
        "GOV",
    ),
    # a demanded clause whose subject is no actor: the party it is taken from or given to
    (
        "The elders demanded that the land be given back to the farmers.",
        "REQUEST",
        "demanded",
        "target_actor",
        "farmers",
        "AGR",
    ),
    # object-control verbs whose object the parser makes the infinitive's subject
    (
        "The court allowed the opposition leader to hold a rally.",
        "CONCEDE",
        "allowed",
        "target_actor",
        "opposition leader",
        "OPP",
    ),
    (
        "The militia refused to allow Red Cross inspectors to visit the prison.",
        "REJECT",
        "refused",
        "target_actor",
        "Red Cross inspectors",
        "NGO",
    ),
    # a recipient parsed as the subject of the participle after it
    (
        "Ecuador granted asylum to three Colombian journalists hiding in its embassy.",
        "AID",
        "granted",
        "target_actor",
        "Colombian journalists",
        "COL",
    ),
    # the "of" party of a nominalised object before the place it moves from
    (
        "The ministers demanded the withdrawal of Russian troops from Georgia.",
        "REQUEST",
        "demanded",
        "target_actor",
        "Russian troops",
        "RUS",
    ),
    # a verb with no object shares its conjunct's recipient
    (
        "Japan donated and shipped rice to North Korea.",
        "AID",
        "donated",
        "target_actor",
        "North Korea",
        "PRK",
    ),
    # the one complained about, not the one complained to
    (
        "Ghana complained to the African Union over Togolese border raids.",
        "ACCUSE",
        "complained",
        "target_actor",
        "Togolese border raids",
        "TGO",
    ),
    # a site's owner, not the site
    (
        "Government troops captured a rebel stronghold.",
        "ASSAULT",
        "captured",
        "target_actor",
        "rebel",
        "REB",
    ),
    # "X came under attack", "X was placed under arrest": X undergoes the event
    (
        "Chadian troops came under attack on Monday.",
        "ASSAULT",
        "attack",
        "target_actor",
        "Chadian troops",
        "TCD",
    ),
    (
        "The opposition leader was placed under arrest.",
        "COERCE",
        "arrest",
        "target_actor",
        "opposition leader",
        "OPP",
    ),
    # first actor in the verb phrase (CAMEO/PETRARCH fallback), not the place of the event
    (
        "Union leaders protested at the treatment of Filipino workers.",
        "PROTEST",
        "protested",
        "target_actor",
        "Filipino workers",
        "PHL",
    ),
    (
        "Students blocked roads in Dhaka in defiance of the Bangladeshi government.",
        "PROTEST",
        "blocked",
        "target_actor",
        "Bangladeshi government",
        "BGD",
    ),
    # a result participle takes the patients of the phrase it follows
    (
        "Soldiers opened fire to disperse Kurdish demonstrators, killing two and arresting 30.",
        "COERCE",
        "arresting",
        "target_actor",
        "Kurdish demonstrators",
        "OPP",
    ),
    # sources: a subject folded into a fronted adjunct; a verbless-root sentence; a gerund
    # after an adjective's preposition; the means of a passive attack
    (
        "With the adoption of a Declaration of Principles on Border Security, the Kenyan "
        "government and ONLF have agreed to open the crossings.",
        "AGREE",
        "agreed",
        "source_actor",
        "Kenyan government",
        "KEN",
    ),
    (
        "Doctors from two Swiss charities donated and delivered medicine to the Gaza hospital.",
        "AID",
        "donated",
        "source_actor",
        "Doctors",
        "CHE",
    ),
    (
        "The two militias are guilty of attacking the convoy.",
        "ASSAULT",
        "attacking",
        "source_actor",
        "militias",
        "UAF",
    ),
    (
        "A police officer was killed in a bomb blast in Quetta.",
        "ASSAULT",
        "killed",
        "source_actor",
        "bomb blast",
        "PAK",
    ),
    # a sentence-final reporting tail parsed as an appositive's modifier: its noun speaks,
    # the reported clause's subject is the target
    (
        "Serbian police are harassing Albanian journalists in Kosovo, a press freedom group "
        "protested on Tuesday.",
        "PROTEST",
        "protested",
        "source_actor",
        "press freedom group",
        None,
    ),
    (
        "Serbian police are harassing Albanian journalists in Kosovo, a press freedom group "
        "protested on Tuesday.",
        "PROTEST",
        "protested",
        "target_actor",
        "Serbian police",
        "SRB",
    ),
    # a main verb the parser hung on its subject, giving "said" two subjects
    (
        "Kurdish youths resorted to throwing stones during protests against the Turkish police, "
        "witnesses said.",
        "PROTEST",
        "protests",
        "source_actor",
        "Kurdish youths",
        "CVL",
    ),
    # a bare participle coordinated with a passive is passive: "by" names its source and it
    # shares the passive subject
    (
        "The opposition leader was arrested and charged by police with treason.",
        "ACCUSE",
        "charged",
        "source_actor",
        "police",
        "COP",
    ),
    (
        "The opposition leader was arrested and charged by police with treason.",
        "ACCUSE",
        "charged",
        "target_actor",
        "opposition leader",
        "OPP",
    ),
    # a gerund after "for/of" is done by the party the main clause blames for it, not by the
    # main clause's subject
    (
        "The president lashed out at Japan for detaining two Chinese fishermen.",
        "COERCE",
        "detaining",
        "source_actor",
        "Japan",
        "JPN",
    ),
    (
        "The senator accused the governor of opposing the bill.",
        "REJECT",
        "opposing",
        "source_actor",
        "governor",
        "GOV",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,ptype,trigger,role,actor,code", ACTOR_CASES)
def test_issue_4_actor_found(nlp, text, ptype, trigger, role, actor, code):
    e = _one(_events(nlp, text), ptype, trigger)
    a = e[role]
    assert a is not None, (role, e["trigger"]["text"])
    assert a["text"] == actor
    assert code in (a["country"], a["sector"]), a
    assert text[a["start_char"] : a["end_char"]] == a["text"]


# the fallback never takes the place of the event, a background adjunct, the source's own
# conjunct or the reporting speaker
NO_TARGET_CASES = [
    ("Rebels fired mortars near the Ugandan border.", "ASSAULT", "fired"),
    ("The minister demanded new talks after Serbia's election.", "REQUEST", "demanded"),
    ("The governor ordered patrols by police and soldiers, officials said.", "MOBILIZE", "patrols"),
    # what the source moves is no target ("its troops")
    (
        "The army withdrew its troops from the disputed border region on Sunday.",
        "RETREAT",
        "withdrew",
    ),
    # a name inside the source's own phrase is no target
    (
        "The results of the investigation by a UN-AU panel, which said the army carried out the "
        "raids, were published.",
        "ACCUSE",
        "investigation",
    ),
    # a named venue ("at the United Nations") is where, not whom
    ("Kenya supported the resolution at the United Nations.", "SUPPORT", "supported"),
    # a role ("as governor") is no party
    ("The senator fought for the bill in his time as governor of Ohio.", "ASSAULT", "fought"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,ptype,trigger", NO_TARGET_CASES)
def test_issue_4_fallback_skips_places_background_and_the_source_side(nlp, text, ptype, trigger):
    e = _one(_events(nlp, text), ptype, trigger)
    assert e["target_actor"] is None, e["target_actor"]


@pytest.mark.slow
def test_issue_4_coordinated_groups_give_both_directions(nlp):
    # a reciprocal event with a coordination of group nouns, not only of names
    text = "The police and the army agreed to share intelligence."
    dyads = {
        (_text(e["source_actor"]), _text(e["target_actor"]))
        for e in _events(nlp, text)
        if e["plover_type"] == "AGREE"
    }
    assert dyads == {("police", "army"), ("army", "police")}


@pytest.mark.slow
def test_issue_4_a_non_actor_object_is_not_split_into_its_conjuncts(nlp):
    # "the removal of X and his cabinet": the party inside the removal, not the conjunct
    text = "The rebels demanded the removal of President Ivan Petrov and his cabinet."
    e = _one(_events(nlp, text), "REQUEST", "demanded")
    assert _text(e["target_actor"]) == "Ivan Petrov"


def test_issue_4_a_target_overlapping_the_source_is_dropped():
    # one name reached through two of its tokens ("the Front for the Liberation of the Delta":
    # "Front" as source, "Liberation" as target) is one actor, never its own target
    from wirewatch.pipeline._event_parties import _apart

    front = {"start_char": 4, "end_char": 47, "text": "Front for the Liberation of the Delta"}
    army = {"start_char": 60, "end_char": 64, "text": "army"}
    assert _apart([dict(front), army], [front]) == [army]
    assert _apart([army], []) == [army]


def _lemma_doc(words, heads, deps, pos, lemmas, ents):
    return Doc(
        _VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        ents=ents,
    )


def test_the_place_that_has_seen_an_event_hosts_it():
    # "Peru has witnessed strikes ." : the subject place of an experiencer verb
    doc = _lemma_doc(
        ["Peru", "has", "witnessed", "strikes", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj", "punct"],
        ["PROPN", "AUX", "VERB", "NOUN", "PUNCT"],
        ["Peru", "have", "witness", "strike", "."],
        ["B-GPE", "O", "O", "O", "O"],
    )
    host = ea.hosting_place(doc[3])
    assert host is not None and host.text == "Peru"


def test_a_party_that_faces_an_event_is_no_host_place():
    # "The cabinet faces strikes ." : the subject is a party (the target), not a place
    doc = _lemma_doc(
        ["The", "cabinet", "faces", "strikes", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["the", "cabinet", "face", "strike", "."],
        ["O", "O", "O", "O", "O"],
    )
    assert ea.hosting_place(doc[3]) is None
    # nor is the object of an ordinary verb hosted by its subject
    doc = _lemma_doc(
        ["Peru", "banned", "strikes", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "NOUN", "PUNCT"],
        ["Peru", "ban", "strike", "."],
        ["B-GPE", "O", "O", "O"],
    )
    assert ea.hosting_place(doc[2]) is None


def test_a_protest_disrupts_the_place_its_verb_takes_as_object():
    from wirewatch.pipeline._event_target_candidates import disrupted_place, mission_owners

    # "A stoppage crippled Lima ."
    doc = _lemma_doc(
        ["A", "stoppage", "crippled", "Lima", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PROPN", "PUNCT"],
        ["a", "stoppage", "cripple", "Lima", "."],
        ["O", "O", "O", "B-GPE", "O"],
    )
    hit = disrupted_place(doc[1])
    assert hit is not None and hit.text == "Lima"
    # "A stoppage angered Lima ." : not a verb of disruption
    doc = _lemma_doc(
        ["A", "stoppage", "angered", "Lima", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PROPN", "PUNCT"],
        ["a", "stoppage", "anger", "Lima", "."],
        ["O", "O", "O", "B-GPE", "O"],
    )
    assert disrupted_place(doc[1]) is None
    # "Crowds marched to the Dutch consulate ." : the consulate's state
    doc = _lemma_doc(
        ["Crowds", "marched", "to", "the", "Dutch", "consulate", "."],
        [1, 1, 1, 5, 5, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "amod", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
        ["crowd", "march", "to", "the", "Dutch", "consulate", "."],
        ["O", "O", "O", "O", "B-NORP", "O", "O"],
    )
    assert [t.text for t in mission_owners(doc[1])] == ["Dutch"]
