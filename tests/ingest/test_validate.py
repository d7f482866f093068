from __future__ import annotations

import pytest

from wirewatch.errors import EmptyInputError, InputTooLargeError, UnsupportedLanguageError
from wirewatch.ingest.validate import MAX_CHARS, check_text

GERMAN = (
    "Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland angekündigt. Der "
    "Bundeskanzler sagte, die Maßnahmen würden sofort in Kraft treten."
)


def test_english_passes():
    assert check_text("Police detained twelve protesters in the capital on Monday.") == "en"


def test_punctuation_only_is_empty():
    with pytest.raises(EmptyInputError):
        check_text(" .,;— “” \n", "x.txt")


def test_non_english_is_refused_with_language_named():
    with pytest.raises(UnsupportedLanguageError, match="'de'") as info:
        check_text(GERMAN, "de.txt")
    assert info.value.message.startswith("de.txt:")


def test_too_large():
    with pytest.raises(InputTooLargeError, match="split it"):
        check_text("a" * (MAX_CHARS + 1))
