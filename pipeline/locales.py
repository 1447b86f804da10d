"""The language a document is written in, and dates, numbers and money written the way that language writes them.

The current document's language is a context variable (default English), set around planning and rendering a
document by `writing_in`, so every formatter below -- and the Jinja filters and finalize hook that call them --
follows it without being handed the language. Formatting comes from Babel's CLDR data.

A tag without a region is written as the United States write it where CLDR has a US variant of the language
('es' -> es_US): the partnerships are US coalitions, and US Spanish readers know '$1,200' and '1,200.50' from
US forms, where Spain's '1.200 US$' would look foreign. A language with no US variant keeps its own conventions
('vi': '1.200 US$').
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from contextvars import ContextVar

from babel import Locale, localedata
from babel.core import get_global
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from schemas.languages import ENGLISH, locale_of

_LANGUAGE: ContextVar[str] = ContextVar("document_language", default=ENGLISH)


def current_language() -> str:
    """The language tag of the document being written ('en' unless `writing_in` says otherwise)."""
    return _LANGUAGE.get()


@contextlib.contextmanager
def writing_in(tag: str) -> Iterator[None]:
    """Write everything inside the block in the language `tag` (dates, numbers, money, the document's w:lang)."""
    locale_of(tag)  # an unknown tag fails here, not halfway through a document
    token = _LANGUAGE.set(tag)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@functools.lru_cache(maxsize=64)
def formatting_locale(tag: str) -> Locale:
    """The Babel locale that formats for `tag`: its US variant when it names no region and CLDR has one."""
    locale = locale_of(tag)
    if locale.territory is None and localedata.exists(f"{locale.language}_US"):
        return Locale(locale.language, "US", script=locale.script)
    return locale


@functools.lru_cache(maxsize=64)
def word_language(tag: str) -> str:
    """The language Word records for a document in `tag` (w:lang, core properties): 'en' -> 'en-US', 'vi' -> 'vi-VN'.

    Word names a language with its region; the script is written only where it is not the region's usual one.
    """
    locale = formatting_locale(tag)
    likely: Mapping[str, str] = get_global("likely_subtags")
    territory = locale.territory
    if territory is None:
        full = likely.get(f"{locale.language}_{locale.script}" if locale.script else locale.language, "")
        territory = full.rsplit("_", 1)[-1] if full.count("_") == 2 else None
    if territory is None:
        return locale.language
    usual_script = likely.get(f"{locale.language}_{territory}", "").split("_")[1:2]
    script = f"-{locale.script}" if locale.script and [locale.script] != usual_script else ""
    return f"{locale.language}{script}-{territory}"


def _locale() -> Locale:
    return formatting_locale(_LANGUAGE.get())


def date_long(value: dt.date) -> str:
    """A full date in the current language: 'October 1, 2025', '1 de octubre de 2025'."""
    return _date_long(value, _LANGUAGE.get())


@functools.lru_cache(maxsize=4096)
def _date_long(value: dt.date, tag: str) -> str:
    return str(format_date(value, "long", locale=formatting_locale(tag)))


def month_and_year(year: int, month: int) -> str:
    """A month of a year in the current language: 'March 2019', 'marzo de 2019'."""
    return _month_and_year(year, month, _LANGUAGE.get())


@functools.lru_cache(maxsize=4096)
def _month_and_year(year: int, month: int, tag: str) -> str:
    return str(format_skeleton("yMMMM", dt.date(year, month, 1), locale=formatting_locale(tag)))


def year_alone(year: int) -> str:
    """A year in the current language: '2019' (or '2019年')."""
    return str(format_skeleton("y", dt.date(year, 1, 1), locale=_locale()))


def number(value: int | float) -> str:
    """A number in the current language: 1234567 -> '1,234,567'."""
    return str(format_decimal(value, locale=_locale()))


def us_dollars(value: int | float) -> str:
    """An amount in US dollars in the current language, cents only when there are some: 1200 -> '$1,200'."""
    locale = _locale()
    pattern = locale.currency_formats["standard"]
    if value == int(value):
        pattern = copy.copy(pattern)
        pattern.frac_prec = (0, 0)
    return str(pattern.apply(value, locale, currency="USD", currency_digits=value != int(value)))


def language_name(tag: str) -> str:
    """The name of the language `tag` in the current document's language: 'es' -> 'Spanish', or 'español'.

    A tag Babel does not know (a catalog's own variety, 'en-XA') is named as its language, then as the tag."""
    locale = locale_of(tag)
    name = locale.get_language_name(formatting_locale(_LANGUAGE.get()))
    return str(name) if name else tag
