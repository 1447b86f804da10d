"""Dates, numbers and money written for the document's language, with English exactly as it always was."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.formatting import long_date, money, printed, written_dates
from pipeline.locales import current_language, formatting_locale, number, us_dollars, word_language, writing_in
from schemas.types import PartialDate

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def _english_date_before_babel(value: dt.date) -> str:
    """long_date as it was written before Babel formatted it."""
    return f"{value:%B} {value.day}, {value.year}"


def _english_partial_before_babel(value: PartialDate) -> str:
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]
    return f"{month} {value.year}" if value.day is None else f"{month} {value.day}, {value.year}"


@settings(max_examples=3000, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_english_dates_are_written_as_before(value: dt.date) -> None:
    assert long_date(value) == _english_date_before_babel(value)
    assert written_dates(f"signed on {value.isoformat()}.") == f"signed on {_english_date_before_babel(value)}."


@settings(max_examples=1000, deadline=None)
@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)), st.sampled_from(["y", "m", "d"]))
def test_english_partial_dates_are_written_as_before(value: dt.date, precision: str) -> None:
    month, day = (value.month if precision != "y" else None), (value.day if precision == "d" else None)
    partial = PartialDate(value.year, month, day)
    assert long_date(partial) == _english_partial_before_babel(partial) == partial.written
    assert printed(partial) == partial.written


@settings(max_examples=3000, deadline=None)
@given(st.integers(min_value=0, max_value=10_000_000_000))
def test_english_money_is_written_as_before(value: int) -> None:
    assert money(value) == f"${value:,}"
    assert number(value) == f"{value:,}"


def test_english_is_the_default_and_blanks_stay_blank() -> None:
    assert current_language() == "en"
    assert money(None, "blank") == "blank"
    assert long_date(None, "blank") == "blank"


def test_spanish_uses_us_conventions() -> None:
    with writing_in("es"):
        assert current_language() == "es"
        assert long_date(dt.date(2025, 10, 1)) == "1 de octubre de 2025"
        assert long_date(PartialDate(2019, 3)) == "marzo de 2019"
        assert long_date(PartialDate(2019)) == "2019"
        assert long_date(PartialDate(2019, 3, 14)) == "14 de marzo de 2019"
        assert written_dates("firmado el 2025-10-01") == "firmado el 1 de octubre de 2025"
        # es-US: the dollar sign and the US separators that US forms and bank statements in Spanish use.
        assert money(1200) == "$1,200"
        assert number(1234567) == "1,234,567"
        assert us_dollars(1200.5) == "$1,200.50"
    assert current_language() == "en"
    assert long_date(dt.date(2025, 10, 1)) == "October 1, 2025"


def test_a_language_without_a_us_variant_keeps_its_own_conventions() -> None:
    with writing_in("vi"):
        assert money(1200) == "1.200\xa0US$"
    with writing_in("zh-Hant"):
        assert long_date(dt.date(2025, 10, 1)) == "2025年10月1日"


@pytest.mark.parametrize(
    ("tag", "word"),
    [("en", "en-US"), ("es", "es-US"), ("es-US", "es-US"), ("es-MX", "es-MX"), ("vi", "vi-VN"), ("zh-Hant", "zh-TW")],
)
def test_word_language_names_a_region(tag: str, word: str) -> None:
    assert word_language(tag) == word


def test_regionless_tags_format_as_in_the_united_states() -> None:
    assert str(formatting_locale("en")) == "en_US"
    assert str(formatting_locale("es")) == "es_US"
    assert str(formatting_locale("es-MX")) == "es_MX"


def test_the_language_is_per_context() -> None:
    seen: list[str] = []
    with writing_in("es"):
        thread = threading.Thread(target=lambda: seen.append(long_date(dt.date(2025, 10, 1))))
        thread.start()
        thread.join()
        assert long_date(dt.date(2025, 10, 1)) == "1 de octubre de 2025"
    assert seen == ["October 1, 2025"]  # a new thread starts in the default language


def test_an_unknown_language_fails_before_writing() -> None:
    with pytest.raises(ValueError, match="not a language tag"), writing_in("xx"):
        pass
