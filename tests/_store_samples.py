"""Hand-made records for the store and export tests (independent of what the NLP finds today).

Three articles about one crackdown: articles 1 and 2 report the same arrests in Almaty (dated
2022-01-05 by both), article 3 reports new arrests four days later and a denied one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wirewatch.model import (
    ActorRef,
    Article,
    Count,
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

ALMATY = {"name": "Almaty", "country": "KAZ", "admin1": "Almaty", "lat": 43.25, "lon": 76.92}


def span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start_char": start, "end_char": start + len(part), "text": part}


def _event(
    text: str,
    aid: str,
    trigger: str,
    *,
    plover: str = "COERCE",
    mode: str | None = "arrest",
    cameo: str | None = "173",
    src: tuple[str, str | None, str | None] = ("Police", "KAZ", "COP"),
    tgt: tuple[str, str | None, str | None] | None = ("protesters", "KAZ", "CVL"),
    date: str | None = "2022-01-05",
    killed: float | None = None,
    negated: bool = False,
    goldstein: float = -5.0,
    confidence: float = 0.8,
) -> Event:
    sent_end = text.index(".", text.index(trigger)) + 1
    sent_start = text.rfind(".", 0, text.index(trigger)) + 1
    while text[sent_start] == " ":
        sent_start += 1
    counts = []
    if killed is not None:
        counts.append(
            Count(kind="killed", value=killed, approximate=False, span=Span(**span(text, "two")))
        )
    return Event(
        id=stable_id("evt", aid, trigger, text.index(trigger)),
        plover_type=plover,
        plover_mode=mode,
        cameo_code=cameo,
        quad_class=4,
        goldstein=goldstein,
        acled_event_type="Protests" if plover == "PROTEST" else "Strategic developments",
        acled_sub_event_type="Arrests" if mode == "arrest" else None,
        trigger=Span(**span(text, trigger)),
        source_actor=ActorRef(**span(text, src[0]), name=src[0], country=src[1], sector=src[2]),
        target_actor=(
            ActorRef(**span(text, tgt[0]), name=tgt[0], country=tgt[1], sector=tgt[2])
            if tgt
            else None
        ),
        location=Location(**ALMATY, precision="city", span=Span(**span(text, "Almaty"))),
        event_date=date,
        date_precision="day" if date else None,
        counts=counts,
        negated=negated,
        evidence=[Span(start_char=sent_start, end_char=sent_end, text=text[sent_start:sent_end])],
        confidence=confidence,
    )


def sample_records() -> list[Record]:
    """Three records; 5 events that form 4 clusters under the default ±1 day rule."""
    out = []
    t1 = (
        "Police detained 200 protesters in Almaty on Wednesday, and two people were killed. "
        '"We will restore order," President Tokayev said.'
    )
    a1 = stable_id("art", t1)
    tok = Entity(
        id=stable_id("ent", a1, "Tokayev"),
        name="Kassym-Jomart Tokayev",
        entity_type="PERSON",
        country="KAZ",
        sector="GOV",
        descriptors=[Span(**span(t1, "President"))],
        mentions=[Mention(**span(t1, "President Tokayev"), kind="name")],
    )
    pol = Entity(
        id=stable_id("ent", a1, "Police"),
        name="Police",
        entity_type="ORG",
        country="KAZ",
        sector="COP",
        mentions=[Mention(**span(t1, "Police"), kind="descriptor")],
    )
    q = Quote(
        id=stable_id("quo", a1, 0),
        source=SourceRef(**span(t1, "President Tokayev"), entity_id=tok.id, name=tok.name),
        cue=Span(**span(t1, "said")),
        content=Span(**span(t1, "We will restore order,")),
        quote_type="direct",
        confidence=0.9,
    )
    out.append(
        Record(
            article=Article(
                id=a1,
                source_id="a1",
                date="2022-01-05",
                title="Crackdown",
                text=t1,
                url="https://news.example/2022/01/05/a1",
            ),
            entities=[tok, pol],
            quotes=[q],
            events=[
                _event(t1, a1, "detained", killed=2),
            ],
            stances=[],
        )
    )
    t2 = (
        "Kazakh police detained hundreds of protesters in Almaty on Wednesday. "
        "Protesters marched in Almaty. The opposition rejected the president's account."
    )
    a2 = stable_id("art", t2)
    opp = Entity(
        id=stable_id("ent", a2, "opp"),
        name="opposition",
        entity_type="GROUP",
        country="KAZ",
        sector="OPP",
        mentions=[Mention(**span(t2, "The opposition"), kind="descriptor")],
    )
    pres = Entity(
        id=stable_id("ent", a2, "pres"),
        name="president",
        entity_type="PERSON",
        country="KAZ",
        sector="GOV",
        mentions=[Mention(**span(t2, "president"), kind="descriptor")],
    )
    out.append(
        Record(
            article=Article(id=a2, source_id="a2", date="2022-01-06", text=t2),
            entities=[opp, pres],
            events=[
                _event(
                    t2, a2, "detained", src=("police", "KAZ", "COP"), confidence=0.7, goldstein=-7.0
                ),
                _event(
                    t2,
                    a2,
                    "marched",
                    plover="PROTEST",
                    mode="demonstrate",
                    cameo="141",
                    src=("Protesters", "KAZ", "CVL"),
                    tgt=None,
                    goldstein=-6.5,
                ),
            ],
            stances=[
                Stance(
                    id=stable_id("stn", a2, 0),
                    from_entity=opp.id,
                    to_entity=pres.id,
                    relation="disagree",
                    cue=Span(**span(t2, "rejected")),
                    evidence=Span(**span(t2, "The opposition rejected the president's account.")),
                    confidence=0.6,
                )
            ],
        )
    )
    t3 = (
        "Police detained 40 protesters in Almaty on Sunday. "
        "Police did not arrest journalists in Almaty, officials said."
    )
    a3 = stable_id("art", t3)
    out.append(
        Record(
            article=Article(id=a3, source_id="a3", date="2022-01-09", text=t3),
            events=[
                _event(t3, a3, "detained", date="2022-01-09"),
                _event(
                    t3,
                    a3,
                    "arrest",
                    date="2022-01-09",
                    negated=True,
                    tgt=("journalists", "KAZ", "MED"),
                ),
            ],
        )
    )
    return out


CITIES = ["Springfield", "Almaty", "Lagos", "Quito", "Manila", "Tbilisi", "Dhaka", "Lima"]


def _text(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"Police in {city} detained {i + 3} protesters on Monday, the mayor said. "
        f"Report {i}: the interior ministry condemned the protest."
    )


def make_corpus(root: Path, n_jsonl: int = 12, n_files: int = 4) -> list[str]:
    """A JSONL file (with a broken line and an empty text) and a folder (with a binary file)."""
    lines = [
        json.dumps({"id": f"j{i}", "text": _text(i), "date": "2023-05-02"}) for i in range(n_jsonl)
    ]
    lines.insert(3, "{broken json")
    lines.append(json.dumps({"id": "empty", "text": "   "}))
    lines.append(json.dumps({"id": "dup-of-j0", "text": _text(0)}))
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "files"
    folder.mkdir()
    for i in range(n_files):
        (folder / f"f{i}.txt").write_text(_text(100 + i), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x00binary")
    return [str(root / "c.jsonl"), str(folder)]
