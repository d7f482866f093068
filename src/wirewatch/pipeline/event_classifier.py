"""The learned event-type classifier and how ``wirewatch_events`` combines it with the rules.

The classifier is a spaCy ``textcat`` (bag of unigrams and bigrams, 16 exclusive PLOVER 0.8
types) shipped in ``resources/models/event_textcat`` and trained by ``wirewatch train events``
(``wirewatch.train.events``). It reads one sentence and returns a probability per type; it has no
"no event" class, so it never creates an event on its own without a parse-level guard.

Combination rule, per sentence (``combine``), with ``P`` the classifier's distribution:
    1. **Rules found events** (the rules stay in charge of *where* events are and who does what):
       every rule event's confidence becomes ``(1 - w) * rule_confidence + w * P(type)``, so
       when several triggers compete the one the classifier finds likelier wins (``w`` =
       ``learned_weight``). The type is *overridden* only when the rules are uncertain and the
       classifier is sure: the best rule event's confidence is below ``uncertain_below``, the
       classifier's top type ``c`` has ``P(c) >= override_threshold``, and ``P`` of every rule
       type in the sentence is below ``1 - override_threshold``. The event then takes type ``c``
       and a CAMEO code consistent with it (``cameo_for``).
    2. **Rules found nothing**: one event of the top type is added on the sentence's root verb
       when ``P(c) >= new_event_threshold`` and the parse gives that verb an actor subject (the
       source); actors, place, date and counts come from the same rule code as any other event,
       and its confidence is ``P(c)`` scaled by ``new_event_scale`` so rule events of the article
       outrank it.

Thresholds were chosen on the held-out 20% of ``PLV_train.tsv`` (never on PLOVER gold records).

Source: spaCy ``TextCatBOW.v3``; CAMEO2PLOVER-2021 (PLOVER manual draft 0.8) for the codes.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from wirewatch.errors import ConfigError
from wirewatch.model import stable_id
from wirewatch.ontology import cameo
from wirewatch.ontology.event_lexicon import entries_for

__all__ = [
    "EventTypeClassifier",
    "CombineParams",
    "combine",
    "cameo_for",
    "training_hashes",
    "model_path",
]

MODEL_NAME = "event_textcat"
HASH_FILE = "training_sentences.sha1"


def model_path() -> Path:
    """Folder of the shipped classifier (``resources/models/event_textcat``)."""
    return Path(str(resources.files("wirewatch.resources"))) / "models" / MODEL_NAME


@lru_cache(maxsize=4)
def _load(path: str) -> Any:
    import spacy

    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"cannot load the event-type classifier from {path} ({exc}); rebuild it with "
            "`wirewatch train events --data ../shared/data` or set "
            'event_classifier = "rules".',
            source=path,
        ) from exc


@lru_cache(maxsize=4)
def training_hashes(path: str | None = None) -> frozenset[str]:
    """SHA-1 prefixes (16 hex digits) of the classifier's normalised training sentences.

    Args:
        path: model folder; default the shipped one.

    Returns:
        The hashes (empty when the file is missing).
    """
    f = Path(path or model_path()) / HASH_FILE
    if not f.exists():
        return frozenset()
    return frozenset(x.strip() for x in f.read_text(encoding="utf-8").split() if x.strip())


class EventTypeClassifier:
    """PLOVER type probabilities of sentences.

    Args:
        path: model folder; default the shipped one.

    Raises:
        ConfigError: the model folder is missing or unreadable.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path or model_path())
        self._nlp = _load(self.path)
        self._textcat = self._nlp.get_pipe("textcat")
        self.labels = tuple(self._textcat.labels)

    def predict(self, sents: list[Span]) -> list[dict[str, float]]:
        """Type probabilities per sentence, in order (the parse's tokens are reused)."""
        if not sents:
            return []
        vocab = self._nlp.vocab
        docs = [
            Doc(vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
            for s in sents
        ]
        scores = self._textcat.predict(docs)
        return [
            dict(zip(self.labels, (float(x) for x in row), strict=True)) for row in scores.tolist()
        ]


class CombineParams:
    """Thresholds of the combination rule (see the module docstring)."""

    __slots__ = (
        "learned_weight",
        "uncertain_below",
        "override_threshold",
        "new_event_threshold",
        "new_event_scale",
    )

    def __init__(
        self,
        learned_weight: float = 0.2,
        uncertain_below: float = 0.5,
        override_threshold: float = 0.6,
        new_event_threshold: float = 0.3,
        new_event_scale: float = 0.6,
    ) -> None:
        self.learned_weight = learned_weight
        self.uncertain_below = uncertain_below
        self.override_threshold = override_threshold
        self.new_event_threshold = new_event_threshold
        self.new_event_scale = new_event_scale


@lru_cache(maxsize=64)
def _default_code(ptype: str) -> str | None:
    """The most general CAMEO code CAMEO2PLOVER maps to a PLOVER type (shortest, first)."""
    best: str | None = None
    for code in cameo.codes():
        pc = cameo.to_plover(code)
        if pc is not None and pc.plover_type == ptype and pc.plover_mode is None:
            if best is None or len(code) < len(best):
                best = code
    return best


def cameo_for(ptype: str, lemma: str | None = None) -> tuple[str | None, str | None]:
    """(CAMEO code, PLOVER mode) for a type: the trigger lemma's own lexicon row of that type
    when there is one, else the type's most general CAMEO code."""
    if lemma:
        for e in entries_for(lemma):
            if e.plover_type == ptype and e.cameo:
                return e.cameo, e.plover_mode
    return _default_code(ptype), None


def relabel(ev: dict[str, Any], ptype: str, lemma: str | None) -> dict[str, Any]:
    """A copy of a rule event with a new PLOVER type and a consistent CAMEO code."""
    code, mode = cameo_for(ptype, lemma)
    out = dict(ev)
    out.update(
        {
            "id": stable_id("evt", ev["id"], "learned", ptype),
            "plover_type": ptype,
            "plover_mode": mode,
            "cameo_code": code,
            "quad_class": cameo.quad_class(code) if code else None,
            "goldstein": cameo.goldstein(code) if code else None,
            "acled_event_type": None,
            "acled_sub_event_type": None,
        }
    )
    return out


def combine(
    events: list[dict[str, Any]],
    probs: dict[str, float],
    params: CombineParams,
    lemma_at: dict[int, str] | None = None,
) -> list[dict[str, Any]]:
    """Rule events of one sentence, re-scored (and maybe re-typed) with the classifier.

    Args:
        events: Event-shaped dicts the rules coded in the sentence (not empty).
        probs: the classifier's type probabilities for the sentence.
        params: thresholds.
        lemma_at: trigger start_char -> trigger lemma (to pick the CAMEO code of a new type).

    Returns:
        The events, same order, with blended confidence and possibly a new type.
    """
    if not events or not probs:
        return events
    w = params.learned_weight
    best_rule = max(e["confidence"] for e in events)
    top = max(probs, key=probs.__getitem__)
    rule_types = {e["plover_type"] for e in events}
    override = (
        best_rule < params.uncertain_below
        and probs[top] >= params.override_threshold
        and top not in rule_types
        and all(probs.get(t, 0.0) < 1.0 - params.override_threshold for t in rule_types)
    )
    out = []
    for e in events:
        if override and e["confidence"] == best_rule and not e["negated"]:
            lemma = (lemma_at or {}).get(e["trigger"]["start_char"])
            e = relabel(e, top, lemma)
        p = probs.get(e["plover_type"], 0.0)
        conf = (1.0 - w) * e["confidence"] + w * p
        out.append({**e, "confidence": round(min(0.99, max(0.01, conf)), 2)})
    return out
