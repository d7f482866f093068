"""A store built from hand-made records (the three crackdown articles of ``_store_samples`` plus
one hostile article), so the web tests do not depend on what the NLP finds today.

The hostile article carries ``<script>`` and ``onerror=`` payloads in its title, its text, an
entity name, a quote's speaker and an event's actor, and starts with an astral-plane emoji, so a
page that counted UTF-16 units instead of code points would highlight the wrong words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _store_samples import sample_records, span
from wirewatch.model import (
    ActorRef,
    Article,
    Entity,
    Event,
    Location,
    Mention,
    Quote,
    Record,
    SourceRef,
    Span,
    Stance,
    stable_id,
)
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
    evil = Entity(
        id=stable_id("ent", aid, "evil"),
        name=IMG,
        entity_type="PERSON",
        country="KAZ",
        sector="OPP",
        descriptors=[Span(**span(t, IMG))],
        mentions=[Mention(**span(t, IMG), kind="name"), Mention(**span(t, IMG, 1), kind="name")],
    )
    ministry = Entity(
        id=stable_id("ent", aid, "ministry"),
        name="the ministry",
        entity_type="ORG",
        country="KAZ",
        sector="GOV",
        mentions=[Mention(**span(t, "the ministry"), kind="descriptor")],
    )
    quote = Quote(
        id=stable_id("quo", aid, 0),
        source=SourceRef(**span(t, IMG, 1), entity_id=evil.id, name=IMG),
        cue=Span(**span(t, "said", 1)),
        content=Span(**span(t, f"{SCRIPT} must stop,")),
        quote_type="direct",
        confidence=0.9,
    )
    sent = "Riot police attacked the protesters in Almaty on Monday."
    event = Event(
        id=stable_id("evt", aid, "attacked"),
        plover_type="ASSAULT",
        plover_mode="beat",
        cameo_code="18",
        quad_class=4,
        goldstein=-9.0,
        acled_event_type="Violence against civilians",
        acled_sub_event_type="Attack",
        trigger=Span(**span(t, "attacked")),
        source_actor=ActorRef(
            **span(t, "Riot police"), name="Riot police", country="KAZ", sector="COP"
        ),
        target_actor=ActorRef(**span(t, "protesters"), name=IMG, country="KAZ", sector="CVL"),
        location=Location(
            name="Almaty",
            country="KAZ",
            admin1="Almaty",
            lat=43.25,
            lon=76.92,
            precision="city",
            span=Span(**span(t, "Almaty", 1)),
        ),
        event_date="2022-01-10",
        date_precision="day",
        date_span=Span(**span(t, "Monday")),
        evidence=[Span(**span(t, sent))],
        confidence=0.85,
    )
    protest = Event(
        id=stable_id("evt", aid, "rallied"),
        plover_type="PROTEST",
        plover_mode="demonstrate",
        quad_class=3,
        trigger=Span(**span(t, "rallied")),
        source_actor=ActorRef(
            **span(t, "Protesters"), name="Protesters", country="KAZ", sector="CVL"
        ),
        location=Location(
            name="Almaty",
            country="KAZ",
            lat=43.25,
            lon=76.92,
            precision="city",
            span=Span(**span(t, "Almaty")),
        ),
        event_date="2022-01-10",
        evidence=[Span(**span(t, "Protesters rallied in Almaty."))],
        confidence=0.7,
    )
    stance = Stance(
        id=stable_id("stn", aid, 0),
        from_entity=evil.id,
        to_entity=ministry.id,
        relation="disagree",
        cue=Span(**span(t, "wrong")),
        evidence=Span(**span(t, f"{IMG} said the ministry was wrong.")),
        confidence=0.6,
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
        quotes=[quote],
        events=[protest, event],
        stances=[stance],
    )


def web_records() -> list[Record]:
    return sample_records() + [xss_record()]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a store holding ``web_records()`` with event clusters computed."""
    path = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    with Store(path) as st:
        st.add(web_records(), source="hand-made")
        refresh_clusters(st.con)
    return path
