"""How values are written in documents: dates, money and lists. Also used as Jinja filters."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from pipeline.locales import date_long, month_and_year, us_dollars, year_alone
from schemas.types import PartialDate, Precision

FIXED_TIMESTAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""Timestamp written into documents and zip entries, so identical inputs give identical bytes."""


def long_date(value: dt.date | PartialDate | None, missing: str = "") -> str:
    """2025-10-01 -> 'October 1, 2025'; a partial date at its precision: '2019', 'March 2019'.

    In the language of the document being written (pipeline.locales): '1 de octubre de 2025', 'marzo de 2019'.
    """
    if value is None:
        return missing
    if isinstance(value, PartialDate):
        if value.month is None:
            return year_alone(value.year)
        if value.day is None:
            return month_and_year(value.year, value.month)
        return date_long(value.first_day)
    return date_long(value)


def on_date(value: dt.date | PartialDate) -> str:
    """The date with the preposition it takes: 'on March 14, 2019', but 'in March 2019' and 'in 2019'."""
    exact = not isinstance(value, PartialDate) or value.precision is Precision.day
    return f"{'on' if exact else 'in'} {long_date(value)}"


# An ISO date standing on its own: not inside a longer token such as an id ('MOU-2025-10-01'), a file name
# ('minutes-2025-10-01.pdf', '2025-10-01.docx'), a path or URL ('/2025-10-01/'), a timestamp ('2025-10-01T09:00')
# or a longer number ('12025-10-01', '2025-10-011').
_ISO_DATE = re.compile(r"(?<![\w./\\:@#+\-])([1-9]\d{3})-(\d{2})-(\d{2})(?![\w/\\@+\-]|[.:]\w)")


def _written_out(match: re.Match[str]) -> str:
    try:
        return long_date(dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    except ValueError:  # 2025-02-30 is not a date, so it is not one we may rewrite
        return match.group(0)


def written_dates(text: str) -> str:
    """'signed on 2025-10-01' -> 'signed on October 1, 2025'; anything that is not a real date stays as written."""
    if "-" not in text:  # most values hold no date at all: skip the regex
        return text
    return _ISO_DATE.sub(_written_out, text)


def printed(value: Any) -> Any:
    """What the render stage prints for a template expression: text with its ISO dates written out.

    Jinja calls this (its `finalize` hook) on the value of every `{{ ... }}` before escaping it, so every text
    a document prints -- YAML values, generated sentences, attributes of the dataclasses contexts hand over --
    passes here exactly once, and a context builder need not remember to convert dates. Values are only
    searched and replaced, never evaluated. A date or partial date printed as it is comes out written
    ('March 2019'). Markup (already escaped by a template) and other values are left alone.
    """
    if type(value) is str or (isinstance(value, str) and not isinstance(value, Markup)):
        return written_dates(value)
    # A date handed over as it is: Jinja would print its ISO form ('2019-03'), which no reader should see.
    if isinstance(value, PartialDate) or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return long_date(value)
    return value


def money(value: int | None, missing: str = "") -> str:
    """1200 -> '$1,200' (in the document's language: US Spanish also writes '$1,200')."""
    if value is None:
        return missing
    return us_dollars(value)


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


_ZIP = re.compile(r",\s*\S[^,]*\s\d{5}(?:-\d{4})?\s*$")


def has_state_and_zip(lines: Iterable[str]) -> bool:
    """True when a US postal address ends with 'City, State ZIP' ('Millbrook, WI 53001')."""
    lines = [line.strip() for line in lines if line.strip()]
    return bool(lines) and bool(_ZIP.search(lines[-1]))
