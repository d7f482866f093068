"""Checks on article text before it reaches the pipeline: empty, too large, not English."""

from __future__ import annotations

import re
from typing import Any

from wirewatch.errors import EmptyInputError, InputTooLargeError, UnsupportedLanguageError

__all__ = ["MAX_CHARS", "detect_language", "check_text"]

MAX_CHARS = 1_000_000
"""Longest text accepted, in code points (spaCy's default ``nlp.max_length``)."""

_IDENTIFIER: Any = None
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability (0-1) of the text's language, by py3langid.

    Source: py3langid (a fork of langid.py, Lui & Baldwin 2012), normalised probabilities.
    """
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lang, prob = _IDENTIFIER.classify(text[:5000])
    return str(lang), float(prob)


def check_text(text: str, source: str | None = None) -> str:
    """Validate article text and return its language code.

    Args:
        text: the article text.
        source: file name or id to name in error messages.

    Returns:
        ISO 639-1 language code ("en").

    Raises:
        EmptyInputError: no letters at all (empty or whitespace/punctuation only).
        InputTooLargeError: longer than ``MAX_CHARS`` code points.
        UnsupportedLanguageError: confidently not English (wirewatch's rules are English).
    """
    if not _LETTERS.search(text):
        raise EmptyInputError(
            "the document contains no text; give a file with the article's text in it.",
            source=source,
        )
    if len(text) > MAX_CHARS:
        raise InputTooLargeError(
            f"the document has {len(text):,} characters, more than the {MAX_CHARS:,} wirewatch "
            "processes at once; split it into articles (e.g. one per line with --jsonl).",
            source=source,
        )
    n_letters = len(_LETTERS.findall(text))
    if n_letters < 40:
        return "en"  # too short to tell; assume English
    lang, prob = detect_language(text)
    if lang != "en" and prob >= 0.9:
        raise UnsupportedLanguageError(
            f"the text looks like language '{lang}' (probability {prob:.2f}), not English; "
            "wirewatch extracts from English text only. Translate it first.",
            source=source,
        )
    return "en"
