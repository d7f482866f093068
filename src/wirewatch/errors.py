"""Exceptions raised by wirewatch.

Every error wirewatch raises on purpose derives from ``WirewatchError`` and carries a short
machine-readable ``code`` (used in batch error records) and a message that names the offending
file or value and says what to do::

    WirewatchError
    ├── InputError              bad input document (empty, binary, undecodable, not found, ...)
    │   ├── EmptyInputError         code "empty_input"
    │   ├── BinaryInputError        code "binary_input"
    │   ├── DecodeInputError        code "undecodable_input"
    │   ├── MissingInputError       code "missing_input"
    │   ├── NotAFileError           code "not_a_file"
    │   ├── NoArticleTextError      code "no_article_text"
    │   ├── UnsupportedLanguageError code "unsupported_language"
    │   ├── InputTooLargeError      code "input_too_large"
    │   └── MalformedRecordError    code "malformed_record"
    ├── ConfigError             bad option or configuration value       code "config_error"
    ├── StoreError              the DuckDB store cannot be opened or written  code "store_error"
    └── ModelNotInstalledError  spaCy model package not installed       code "model_not_installed"
"""

from __future__ import annotations

__all__ = [
    "WirewatchError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodeInputError",
    "MissingInputError",
    "NotAFileError",
    "NoArticleTextError",
    "UnsupportedLanguageError",
    "InputTooLargeError",
    "MalformedRecordError",
    "ConfigError",
    "ModelNotInstalledError",
    "StoreError",
]


class WirewatchError(Exception):
    """Base of every wirewatch error. ``code`` is stable and machine-readable."""

    code = "wirewatch_error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = f"{source}: {message}" if source else message
        super().__init__(self.message)


class InputError(WirewatchError):
    code = "input_error"


class EmptyInputError(InputError):
    code = "empty_input"


class BinaryInputError(InputError):
    code = "binary_input"


class DecodeInputError(InputError):
    code = "undecodable_input"


class MissingInputError(InputError):
    code = "missing_input"


class NotAFileError(InputError):
    code = "not_a_file"


class NoArticleTextError(InputError):
    code = "no_article_text"


class UnsupportedLanguageError(InputError):
    code = "unsupported_language"


class InputTooLargeError(InputError):
    code = "input_too_large"


class MalformedRecordError(InputError):
    code = "malformed_record"


class ConfigError(WirewatchError):
    code = "config_error"


class ModelNotInstalledError(WirewatchError):
    code = "model_not_installed"


class StoreError(WirewatchError):
    code = "store_error"
