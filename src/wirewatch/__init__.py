"""wirewatch: political event data and attribution data from news text.

Every field of the output points back to the words it came from (character offsets in Unicode
code points). The public surface is listed in ``__all__``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from wirewatch.errors import WirewatchError  # noqa: E402
from wirewatch.extract import Extractor, extract  # noqa: E402
from wirewatch.model import ErrorRecord, Record  # noqa: E402

__all__ = ["__version__", "Extractor", "extract", "Record", "ErrorRecord", "WirewatchError"]
