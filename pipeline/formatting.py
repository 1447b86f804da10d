"""How values are written in documents: dates, money and lists. Also used as Jinja filters."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from pipeline.i18n import _p
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


def _is_day(value: dt.date | PartialDate) -> bool:
    return not isinstance(value, PartialDate) or value.precision is Precision.day


def on_date(value: dt.date | PartialDate) -> str:
    """The date with the preposition it takes: 'on March 14, 2019', but 'in March 2019' and 'in 2019'.

    Spanish takes an article before a day and none before a month or a year ('el 14 de marzo de 2019', 'en 2019'),
    so the two are separate messages."""
    if _is_day(value):
        # Translators: a date that names a day, as it follows a verb ('began on March 14, 2019').
        return _p("a day", "on {date}", date=long_date(value))
    # Translators: a date that names only a month or a year, as it follows a verb ('began in March 2019').
    return _p("a month or a year", "in {date}", date=long_date(value))


def since_date(value: dt.date | PartialDate) -> str:
    """'since March 14, 2019' or 'since March 2019': the start of something that still lasts."""
    if _is_day(value):
        # Translators: the day something began that still lasts ('a member since March 14, 2019').
        return _p("a day", "since {date}", date=long_date(value))
    # Translators: the month or year something began that still lasts ('a member since March 2019').
    return _p("a month or a year", "since {date}", date=long_date(value))


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
    """['a', 'b', 'c'] -> 'a, b and c' ('a, b or c' with conjunction 'or'), in the document's language.

    A list is built as CLDR builds one, from a pattern for two items, one that adds an item in the middle and one
    that adds the last item, so a language can change the separator and the conjunction. Any other conjunction
    than 'and' and 'or' is English-only and joined as given.
    """
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    if conjunction not in ("and", "or"):
        if len(words) == 2:
            return f" {conjunction} ".join(words)
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
    if len(words) == 2:
        return _pair(words[0], words[1], conjunction)
    text = words[0]
    for word in words[1:-1]:
        # Translators: adds an item in the middle of a list ('Legal Aid, HSI'); the list ends with 'and' or 'or'.
        text = _p("list", "{items}, {item}", items=text, item=word)
    return _last(text, words[-1], conjunction)


def _pair(first: str, second: str, conjunction: str) -> str:
    if conjunction == "or":
        # Translators: a list of two alternatives ('Legal Aid or HSI').
        return _p("list", "{first} or {second}", first=first, second=second)
    # Translators: a list of two items ('Legal Aid and HSI').
    return _p("list", "{first} and {second}", first=first, second=second)


def _last(items: str, last: str, conjunction: str) -> str:
    if conjunction == "or":
        # Translators: adds the last alternative to a list of three or more ('Legal Aid, HSI or the DA').
        return _p("list", "{items} or {last}", items=items, last=last)
    # Translators: adds the last item to a list of three or more ('Legal Aid, HSI and the DA').
    return _p("list", "{items} and {last}", items=items, last=last)


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
