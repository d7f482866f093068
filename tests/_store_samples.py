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


Part = str | tuple[str, int]
"""Where a span is: the words (their first occurrence) or ``(words, nth)`` (0-based occurrence)."""


def span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    """``start_char``/``end_char``/``text`` of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start_char": start, "end_char": start + len(part), "text": part}


def at(text: str, part: Part) -> dict[str, Any]:
    """``span`` of a ``Part``."""
    return span(text, part) if isinstance(part, str) else span(text, *part)


def sp(text: str, part: Part) -> Span:
    """The ``Span`` of a ``Part``."""
    return Span(**at(text, part))


def sentence_of(text: str, part: Part) -> Span:
    """The sentence (up to and including the next '.') holding ``part``."""
    start = at(text, part)["start_char"]
    sent_end = text.index(".", start) + 1
    sent_start = text.rfind(".", 0, start) + 1
    while text[sent_start] == " ":
        sent_start += 1
    return Span(start_char=sent_start, end_char=sent_end, text=text[sent_start:sent_end])


def entity(
    text: str,
    aid: str,
    key: str,
    name: str,
    entity_type: str,
    mentions: list[tuple[Part, str]],
    *,
    country: str | None = "KAZ",
    sector: str | None = None,
    descriptors: tuple[Part, ...] = (),
) -> Entity:
    """An entity with id ``stable_id("ent", aid, key)``; ``mentions`` are ``(part, kind)``."""
    return Entity(
        id=stable_id("ent", aid, key),
        name=name,
        entity_type=entity_type,
        country=country,
        sector=sector,
        descriptors=[sp(text, d) for d in descriptors],
        mentions=[Mention(**at(text, m), kind=kind) for m, kind in mentions],
    )


def quote(
    text: str,
    aid: str,
    n: int,
    content: Part,
    *,
    source: Part | None = None,
    speaker: Entity | None = None,
    cue: Part | None = None,
    quote_type: str = "direct",
    continued_from: str | None = None,
    confidence: float = 0.9,
) -> Quote:
    """Quote number ``n`` of an article; the source names ``speaker`` when given."""
    return Quote(
        id=stable_id("quo", aid, n),
        source=(
            SourceRef(
                **at(text, source),
                entity_id=speaker.id if speaker else None,
                name=speaker.name if speaker else None,
            )
            if source is not None
            else None
        ),
        cue=sp(text, cue) if cue is not None else None,
        content=sp(text, content),
        quote_type=quote_type,
        continued_from=continued_from,
        confidence=confidence,
    )


def actor(
    text: str,
    part: Part,
    name: str | None = None,
    country: str | None = "KAZ",
    sector: str | None = None,
    entity: Entity | None = None,
) -> ActorRef:
    """An event's actor at ``part``, named ``name`` (default: its words)."""
    words = at(text, part)
    return ActorRef(
        **words,
        entity_id=entity.id if entity else None,
        name=name or words["text"],
        country=country,
        sector=sector,
    )


def event(
    text: str,
    eid: str,
    trigger: Part,
    plover_type: str,
    *,
    evidence: list[Part] | None = None,
    **fields: Any,
) -> Event:
    """An event with id ``eid`` whose evidence is ``evidence`` (default: the trigger's sentence);
    ``fields`` are any other ``Event`` fields."""
    fields.setdefault("confidence", 0.8)
    return Event(
        id=eid,
        plover_type=plover_type,
        trigger=sp(text, trigger),
        evidence=[sp(text, e) for e in evidence]
        if evidence is not None
        else [sentence_of(text, trigger)],
        **fields,
    )


def stance(
    text: str,
    aid: str,
    n: int,
    src: Entity,
    dst: Entity,
    relation: str,
    cue: Part | None,
    evidence: Part,
    confidence: float = 0.6,
) -> Stance:
    """Stance number ``n`` of an article."""
    return Stance(
        id=stable_id("stn", aid, n),
        from_entity=src.id,
        to_entity=dst.id,
        relation=relation,
        cue=sp(text, cue) if cue is not None else None,
        evidence=sp(text, evidence),
        confidence=confidence,
    )


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
    """An arrest-like event in Almaty, its actors given as ``(words, country, sector)``."""
    counts = []
    if killed is not None:
        counts.append(Count(kind="killed", value=killed, approximate=False, span=sp(text, "two")))
    return event(
        text,
        stable_id("evt", aid, trigger, text.index(trigger)),
        trigger,
        plover,
        plover_mode=mode,
        cameo_code=cameo,
        quad_class=4,
        goldstein=goldstein,
        acled_event_type="Protests" if plover == "PROTEST" else "Strategic developments",
        acled_sub_event_type="Arrests" if mode == "arrest" else None,
        source_actor=actor(text, src[0], country=src[1], sector=src[2]),
        target_actor=actor(text, tgt[0], country=tgt[1], sector=tgt[2]) if tgt else None,
        location=Location(**ALMATY, precision="city", span=sp(text, "Almaty")),
        event_date=date,
        date_precision="day" if date else None,
        counts=counts,
        negated=negated,
        confidence=confidence,
    )


def sample_records() -> list[Record]:
    """Three records; 5 events that form 4 clusters under the default ±1 day rule."""
    t1 = (
        "Police detained 200 protesters in Almaty on Wednesday, and two people were killed. "
        '"We will restore order," President Tokayev said.'
    )
    a1 = stable_id("art", t1)
    tok = entity(
        t1,
        a1,
        "Tokayev",
        "Kassym-Jomart Tokayev",
        "PERSON",
        [("President Tokayev", "name")],
        sector="GOV",
        descriptors=("President",),
    )
    pol = entity(t1, a1, "Police", "Police", "ORG", [("Police", "descriptor")], sector="COP")
    r1 = Record(
        article=Article(
            id=a1,
            source_id="a1",
            date="2022-01-05",
            title="Crackdown",
            text=t1,
            url="https://news.example/2022/01/05/a1",
        ),
        entities=[tok, pol],
        quotes=[
            quote(
                t1,
                a1,
                0,
                "We will restore order,",
                source="President Tokayev",
                speaker=tok,
                cue="said",
            )
        ],
        events=[_event(t1, a1, "detained", killed=2)],
    )

    t2 = (
        "Kazakh police detained hundreds of protesters in Almaty on Wednesday. "
        "Protesters marched in Almaty. The opposition rejected the president's account."
    )
    a2 = stable_id("art", t2)
    opp = entity(
        t2, a2, "opp", "opposition", "GROUP", [("The opposition", "descriptor")], sector="OPP"
    )
    pres = entity(
        t2, a2, "pres", "president", "PERSON", [("president", "descriptor")], sector="GOV"
    )
    r2 = Record(
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
            stance(
                t2,
                a2,
                0,
                opp,
                pres,
                "disagree",
                "rejected",
                "The opposition rejected the president's account.",
            )
        ],
    )

    t3 = (
        "Police detained 40 protesters in Almaty on Sunday. "
        "Police did not arrest journalists in Almaty, officials said."
    )
    a3 = stable_id("art", t3)
    r3 = Record(
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
    return [r1, r2, r3]


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


ASIDE_TEXT = "Kenya and Uganda, the minister said on Monday, lost the most votes."


def aside_record() -> Record:
    """One article whose quote's content holds its source and cue: the hull
    "Kenya and Uganda, the minister said on Monday, lost the most votes" and two
    ``content_parts``, "Kenya and Uganda" and "lost the most votes"."""
    t = ASIDE_TEXT
    aid = stable_id("art", t)
    q = Quote(
        id=stable_id("quo", aid, 0),
        source=SourceRef(**span(t, "the minister")),
        cue=sp(t, "said"),
        content=sp(t, "Kenya and Uganda, the minister said on Monday, lost the most votes"),
        content_parts=[sp(t, "Kenya and Uganda"), sp(t, "lost the most votes")],
        quote_type="indirect",
        confidence=0.8,
    )
    return Record(article=Article(id=aid, source_id="aside", text=t), quotes=[q])


PROTEST_TEXTS = (
    "Demonstrations spread across Almaty on Tuesday as fuel prices doubled.",
    "Crowds of protesters filled the main square of Almaty on Tuesday.",
    "Rioting broke out in Almaty on Wednesday after the curfew began.",
)


def _implied(text: str, part: str, name: str, sector: str) -> ActorRef:
    """The implied source actor of a protest whose event word is ``part``."""
    return ActorRef(**at(text, part), name=name, country="KAZ", sector=sector, implied=True)


def protest_records() -> list[Record]:
    """Three articles about protests in Almaty: an agentless demonstration (implied
    protesters, 2022-01-04), a protest by named protesters the same day (one real event with the
    first), and an agentless riot the next day (implied rioters, ACLED Riots)."""
    out = []
    specs = [
        ("Demonstrations", "demo", "141", "Protests", "Peaceful protest", "2022-01-04"),
        ("filled", "demo", "141", "Protests", "Peaceful protest", "2022-01-04"),
        ("Rioting", "riot", "145", "Riots", "Violent demonstration", "2022-01-05"),
    ]
    for n, (t, (trigger, mode, cameo, acled, sub, date)) in enumerate(
        zip(PROTEST_TEXTS, specs, strict=True)
    ):
        aid = stable_id("art", t)
        if n == 0:
            src = _implied(t, trigger, "protesters", "OPP")
        elif n == 1:
            src = actor(t, "protesters", sector="OPP")
        else:
            src = _implied(t, trigger, "rioters", "CVL")
        ev = event(
            t,
            stable_id("evt", aid, trigger),
            trigger,
            "PROTEST",
            plover_mode=mode,
            cameo_code=cameo,
            quad_class=3,
            goldstein=-6.5,
            acled_event_type=acled,
            acled_sub_event_type=sub,
            source_actor=src,
            location=Location(**ALMATY, precision="city", span=sp(t, "Almaty")),
            event_date=date,
            date_precision="day",
            confidence=0.7,
        )
        out.append(
            Record(article=Article(id=aid, source_id=f"p{n}", date=date, text=t), events=[ev])
        )
    return out
