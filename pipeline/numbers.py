"""Counts written in prose, in words ('fourteen', 'twenty-one') or digits ('13'), read back as numbers."""

from __future__ import annotations

import re

_UNITS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Longest alternatives first, so 'fourteen' is never read as 'four' and 'twenty-one' never as 'twenty'.
NUMBER = (
    r"(?:\d{1,4}"
    rf"|(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS[9:0:-1])}))?"
    rf"|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
)
"""A regular expression for a count from 0 to 9999 in digits, or from zero to ninety-nine in words."""

_WHOLE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)


def number_value(text: str) -> int | None:
    """'Fourteen' -> 14, 'twenty-one' -> 21, '13' -> 13; None for anything that is not one count."""
    text = " ".join(text.split()).lower()
    if not _WHOLE.match(text):
        return None
    if text.isdigit():
        return int(text)
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in _TENS:
        return 20 + 10 * _TENS.index(tens) + (_UNITS.index(unit) if unit else 0)
    return _UNITS.index(text)
