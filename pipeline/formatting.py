"""How values are written in documents: dates, money and lists. Also used as Jinja filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

FIXED_TIMESTAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""Timestamp written into documents and zip entries, so identical inputs give identical bytes."""


def long_date(value: dt.date | None, missing: str = "") -> str:
    """2025-10-01 -> 'October 1, 2025'."""
    if value is None:
        return missing
    return f"{value:%B} {value.day}, {value.year}"


def money(value: int | None, missing: str = "") -> str:
    """1200 -> '$1,200'."""
    if value is None:
        return missing
    return f"${value:,}"


def join_and(items: Iterable[Any], conjunction: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    words = [str(item) for item in items]
    if len(words) <= 2:
        return f" {conjunction} ".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


FILTERS: dict[str, Callable[..., str]] = {
    "long_date": long_date,
    "money": money,
    "join_and": join_and,
}
