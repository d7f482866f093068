"""Stores for the web tests.

``web_db`` holds hand-made records (the three crackdown articles of ``_store_samples`` plus one
hostile article), so most web tests do not depend on what the NLP finds today. The hostile
article carries ``<script>`` and ``onerror=`` payloads in its title, its text, an entity name, a
quote's speaker and an event's actor, and starts with an astral-plane emoji, so a page that
counted UTF-16 units instead of code points would highlight the wrong words.

``nested_db`` holds one hand-made article whose spans overlap and nest the way a real article's
do (issue 6's article view showed no highlights on a real store): a quote inside another quote's
content with its speaker and cue inside that content too, mentions inside quotes inside evidence
sentences, two events on one trigger, and an evidence sentence that starts before a quote and
ends inside it.

``example_db`` holds the bundled example article run through the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _store_samples import actor, aside_record, entity, event, quote, sample_records, sp, stance
from wirewatch.model import Article, Location, Record, stable_id
from wirewatch.store import Store, refresh_clusters

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

XSS_TEXT = (
    "\U0001f600 Protesters rallied in Almaty. "
    f"{IMG} said the ministry was wrong. "
    f'"{SCRIPT} must stop," said {IMG}. '
    "Riot police attacked the protesters in Almaty on Monday. "
    "The ministry rejected the claim."
)


def xss_record() -> Record:
    t = XSS_TEXT
    aid = stable_id("art", t)
    evil = entity(
        t,
        aid,
        "evil",
        IMG,
        "PERSON",
        [(IMG, "name"), ((IMG, 1), "name")],
        sector="OPP",
        descriptors=(IMG,),
    )
    ministry = entity(
        t, aid, "ministry", "the ministry", "ORG", [("the ministry", "descriptor")], sector="GOV"
    )
    assault = event(
        t,
        stable_id("evt", aid, "attacked"),
        "attacked",
        "ASSAULT",
        plover_mode="beat",
        cameo_code="18",
        quad_class=4,
        goldstein=-9.0,
        acled_event_type="Violence against civilians",
        acled_sub_event_type="Attack",
        source_actor=actor(t, "Riot police", sector="COP"),
        target_actor=actor(t, "protesters", name=IMG, sector="CVL"),
        location=Location(
            name="Almaty",
            country="KAZ",
            admin1="Almaty",
            lat=43.25,
            lon=76.92,
            precision="city",
            span=sp(t, ("Almaty", 1)),
        ),
        event_date="2022-01-10",
        date_precision="day",
        date_span=sp(t, "Monday"),
        confidence=0.85,
    )
    protest = event(
        t,
        stable_id("evt", aid, "rallied"),
        "rallied",
        "PROTEST",
        plover_mode="demonstrate",
        quad_class=3,
        source_actor=actor(t, "Protesters", sector="CVL"),
        location=Location(
            name="Almaty",
            country="KAZ",
            lat=43.25,
            lon=76.92,
            precision="city",
            span=sp(t, "Almaty"),
        ),
        event_date="2022-01-10",
        evidence=["Protesters rallied in Almaty."],
        confidence=0.7,
    )
    return Record(
        article=Article(
            id=aid,
            source_id="xss.txt",
            title=f"Hostile {SCRIPT} title",
            date="2022-01-10",
            text=t,
            url="javascript:alert(1)",
        ),
        entities=[evil, ministry],
        quotes=[
            quote(t, aid, 0, f"{SCRIPT} must stop,", source=(IMG, 1), speaker=evil, cue=("said", 1))
        ],
        events=[protest, assault],
        stances=[
            stance(
                t,
                aid,
                0,
                evil,
                ministry,
                "disagree",
                "wrong",
                f"{IMG} said the ministry was wrong.",
            )
        ],
    )


def web_records() -> list[Record]:
    return sample_records() + [xss_record()]


NESTED_TEXT = (
    "Jennifer Murtazashvili says the early departure of the Russian troops changes little "
    "\u201cbecause Tokayev needed Russia to help him win an internal battle\u201d that he claims "
    "was an attempted coup. "
    "In a call with Foreign Minister Mukhtar Tileuberdi on January 6, Secretary of State Antony "
    "Blinken reiterated Washington\u2019s \u201cfull support for Kazakhstan\u2019s constitutional "
    "institutions,\u201d the ministry said. \U0001f1f0\U0001f1ff"
)
"""Shaped like the example article's paragraphs: see ``nested_record``."""


def _nth(text: str, part: str, context: str) -> int:
    """Which occurrence of ``part`` starts ``context`` ("he" of "he claims", not of "the")."""
    return text[: text.index(context)].count(part)


def nested_record() -> Record:
    """One article whose records overlap and nest (spans quoted from ``NESTED_TEXT``):

    * quote 0 (Murtazashvili says ...) holds quote 1 (he claims "was an attempted coup"), whose
      speaker and cue lie inside quote 0's content; both contents end at the same character;
    * quote 3 (the ministry said "In a call ... institutions,") holds quote 2 (Blinken reiterated
      Washington's "full support ..."), speaker and cue included;
    * two CONSULT events share the trigger "call" (Blinken -> Tileuberdi and back); their evidence
      sentence starts before quote 3 and ends after it;
    * entity mentions lie inside quote contents inside evidence sentences, and one ("Antony
      Blinken") inside a quote's speaker span; the text ends with a flag emoji (two astral code
      points), so UTF-16 counting would shift every later offset.
    """
    t = NESTED_TEXT
    aid = stable_id("art", t)
    murt = entity(
        t,
        aid,
        "murt",
        "Jennifer Murtazashvili",
        "PERSON",
        [("Jennifer Murtazashvili", "name"), (("he", _nth(t, "he", "he claims")), "pronoun")],
        country="USA",
        sector="EDU",
    )
    tok = entity(
        t, aid, "tok", "Kassym-Jomart Tokayev", "PERSON", [("Tokayev", "name"), ("him", "pronoun")]
    )
    rus = entity(
        t,
        aid,
        "rus",
        "Russia",
        "GPE",
        [("Russian", "demonym"), (("Russia", _nth(t, "Russia", "Russia to")), "name")],
        country="RUS",
    )
    kaz = entity(t, aid, "kaz", "Kazakhstan", "GPE", [("Kazakhstan", "name")])
    til = entity(
        t,
        aid,
        "til",
        "Mukhtar Tileuberdi",
        "PERSON",
        [("Mukhtar Tileuberdi", "name")],
        sector="GOV",
        descriptors=("Foreign Minister",),
    )
    blinken = entity(
        t,
        aid,
        "blinken",
        "Antony Blinken",
        "PERSON",
        [("Antony Blinken", "name")],
        country="USA",
        sector="GOV",
        descriptors=("Secretary of State",),
    )
    usa = entity(t, aid, "usa", "United States", "GPE", [("Washington", "name")], country="USA")
    ministry = entity(
        t, aid, "ministry", "the ministry", "ORG", [("the ministry", "descriptor")], sector="GOV"
    )
    content0 = t[
        t.index("the early departure") : t.index(" attempted coup") + len(" attempted coup")
    ]
    content3 = t[t.index("In a call") : t.index("institutions,\u201d") + len("institutions,\u201d")]
    quotes = [
        quote(
            t,
            aid,
            0,
            content0,
            source="Jennifer Murtazashvili",
            speaker=murt,
            cue="says",
            quote_type="mixed",
        ),
        quote(
            t,
            aid,
            1,
            "was an attempted coup",
            source=("he", _nth(t, "he", "he claims")),
            speaker=murt,
            cue="claims",
            quote_type="indirect",
            confidence=0.7,
        ),
        quote(
            t,
            aid,
            2,
            "Washington\u2019s \u201cfull support for Kazakhstan\u2019s constitutional "
            "institutions,\u201d",
            source="Secretary of State Antony Blinken",
            speaker=blinken,
            cue="reiterated",
            quote_type="mixed",
        ),
        quote(
            t,
            aid,
            3,
            content3,
            source="the ministry",
            speaker=ministry,
            cue="said",
            quote_type="indirect",
            confidence=0.6,
        ),
    ]
    call_sentence = t[
        t.index("In a call") : t.index("the ministry said.") + len("the ministry said.")
    ]
    consult = dict(
        plover_mode="phone",
        cameo_code="041",
        quad_class=1,
        goldstein=1.0,
        event_date="2022-01-06",
        date_precision="day",
        date_span=sp(t, "January 6"),
        evidence=[call_sentence],
    )
    events = [
        event(
            t,
            stable_id("evt", aid, "call", 0),
            "call",
            "CONSULT",
            source_actor=actor(t, "Antony Blinken", country="USA", sector="GOV", entity=blinken),
            target_actor=actor(t, "Mukhtar Tileuberdi", sector="GOV", entity=til),
            confidence=0.67,
            **consult,
        ),
        event(
            t,
            stable_id("evt", aid, "call", 1),
            "call",
            "CONSULT",
            source_actor=actor(t, "Mukhtar Tileuberdi", sector="GOV", entity=til),
            target_actor=actor(t, "Antony Blinken", country="USA", sector="GOV", entity=blinken),
            confidence=0.55,
            **consult,
        ),
        event(
            t,
            stable_id("evt", aid, "departure"),
            "departure",
            "RETREAT",
            plover_mode="withdraw",
            quad_class=2,
            source_actor=actor(
                t, "Russian troops", name="Russian troops", country="RUS", sector="MIL"
            ),
            asserted_by=murt.id,
            evidence=[t[: t.index("coup.") + len("coup.")]],
        ),
        event(
            t,
            stable_id("evt", aid, "support"),
            "support",
            "SUPPORT",
            quad_class=1,
            source_actor=actor(t, "Washington", name="United States", country="USA", entity=usa),
            target_actor=actor(t, "Kazakhstan", entity=kaz),
            evidence=[call_sentence],
        ),
    ]
    return Record(
        article=Article(
            id=aid, source_id="nested.txt", title="Nested spans", date="2022-01-12", text=t
        ),
        entities=[murt, tok, rus, kaz, til, blinken, usa, ministry],
        quotes=quotes,
        events=events,
        stances=[stance(t, aid, 0, murt, tok, "disagree", "claims", content0)],
    )


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a store holding ``web_records()`` with event clusters computed."""
    path = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    with Store(path) as st:
        st.add(web_records(), source="hand-made")
        refresh_clusters(st.con)
    return path


@pytest.fixture(scope="session")
def nested_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a store holding ``nested_record()`` alone."""
    path = tmp_path_factory.mktemp("web-nested") / "nested.duckdb"
    with Store(path) as st:
        st.add([nested_record()], source="hand-made")
        refresh_clusters(st.con)
    return path


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory, example_record: Record) -> Path:
    """Path of a store holding the example article as the real pipeline extracts it today."""
    path = tmp_path_factory.mktemp("web-example") / "example.duckdb"
    with Store(path) as st:
        st.add([example_record], source=str(Path("examples") / "kazakhstan_2022.txt"))
        refresh_clusters(st.con)
    return path


@pytest.fixture(scope="session")
def aside_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a store holding ``aside_record()`` alone: one quote whose content holds its
    source and cue ("Kenya and Uganda, the minister said on Monday, lost the most votes")."""
    path = tmp_path_factory.mktemp("web-aside") / "aside.duckdb"
    with Store(path) as st:
        st.add([aside_record()], source="hand-made")
    return path
