"""Text as the PETRARCH-style coder parses it.

Two repairs keep the parse close to what the dictionaries expect, each one character for one:

* ``_`` joins words in the dictionaries ("Dol_Amroth") and may appear in text written for
  them; it becomes a blank.
* A hyphenated prefix cut off from its word by a blank ("an anti- Gondor parade", wire style)
  is rejoined ("an  anti-Gondor parade"): the blank moves in front of the prefix. spaCy then
  splits "anti-Gondor" into ``anti`` ``-`` ``Gondor`` inside one noun phrase, as it does for any
  hyphenated modifier, instead of reading the stray "anti-" as a noun that breaks the phrase
  (and the sentence) in two. A suspended hyphen ("pre- and post-war") is left alone. Every
  character keeps its offset except the prefix, which moves right by the width of the blank.

Source: PETRARCH reads "anti-" as an adjective inside the noun phrase (the unit-test parses
``(NP (DT an) (JJ anti-) (NNP Gondor) (NN parade))``), and its verb patterns name such
prefixes as words (``- ANTI- + *``).
"""

from __future__ import annotations

import re

__all__ = ["prepare_text"]

_DETACHED_PREFIX = re.compile(r"(?<![\w-])([A-Za-z]+-)([ \t]+)(?!(?:and|or|nor|to)\b)(?=[A-Za-z])")


def prepare_text(text: str) -> str:
    """``text`` with ``_`` as blanks and detached hyphen prefixes rejoined; same length.

    Args:
        text: raw sentence or document text.

    Returns:
        a string of the same length (code points) to hand to spaCy.
    """
    text = text.replace("_", " ")
    return _DETACHED_PREFIX.sub(lambda m: m.group(2) + m.group(1), text)
