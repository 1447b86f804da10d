"""Partial dates: a year or a year and month where that is all anyone knows, read, checked and printed right."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import make_template
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.formatting import long_date, on_date, printed
from pipeline.render import render_template
from pipeline.text import docx_text
from schemas.types import MAX_YEAR, MIN_YEAR, PartialDate, Precision

YEARS = st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR)
MONTHS = st.integers(min_value=1, max_value=12)
TELLS_WHAT_TO_WRITE = "write a year (2019), a year and month (2019-03) or a full date (2019-03-14)"


# --- The type -----------------------------------------------------------------------------------------------


@given(YEARS)
def test_a_bare_year_covers_the_whole_year(year: int) -> None:
    for written in (year, str(year)):
        value = PartialDate.parse(written)
        assert value.precision is Precision.year
        assert (value.first_day, value.last_day) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
        assert value.written == str(year) == value.isoformat()


@given(YEARS, MONTHS)
def test_a_year_and_month_covers_the_whole_month(year: int, month: int) -> None:
    value = PartialDate.parse(f"{year}-{month:02d}")
    assert value.precision is Precision.month
    assert value.first_day == dt.date(year, month, 1)
    assert value.last_day == dt.date(year, month, calendar.monthrange(year, month)[1])
    assert value.written == f"{calendar.month_name[month]} {year}"
    assert PartialDate.parse(value.isoformat()) == value


@given(st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31)))
def test_a_full_date_is_one_day_and_reads_like_long_date(day: dt.date) -> None:
    for written in (day, day.isoformat()):
        value = PartialDate.parse(written)
        assert value.precision is Precision.day
        assert value.first_day == value.last_day == day
        assert value.written == long_date(day)


@given(st.integers().filter(lambda year: not MIN_YEAR <= year <= MAX_YEAR))
def test_years_out_of_range_are_refused_in_plain_words(year: int) -> None:
    with pytest.raises(ValueError, match=f"the year {year} is out of range; write a year between 1800 and 2200"):
        PartialDate.parse(year)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2019-13", "there is no month 13; months go from 01 to 12"),
        ("2019-00", "there is no month 0"),
        ("2019-02-29", "'2019-02-29' is not a real date: February 2019 has 28 days; check the day, or write just"),
        ("March 2019", f"'March 2019' is not a date partnerdocs can read; {TELLS_WHAT_TO_WRITE}"),
        ("2019-3", "is not a date partnerdocs can read"),
        ("", "is not a date partnerdocs can read"),
        (True, f"found the yes/no value true; {TELLS_WHAT_TO_WRITE}"),
        (2019.5, f"found the number 2019.5; {TELLS_WHAT_TO_WRITE}"),
        (dt.datetime(2019, 3, 14, 9, 30), "has a time of day; write the date only, e.g. 2019-03-14"),
        ([2019], "found a list value"),
    ],
)
def test_what_is_not_a_partial_date_is_refused_with_what_to_write(written: Any, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        PartialDate.parse(written)


def test_sort_key_orders_periods_by_their_first_day_coarsest_first() -> None:
    written = ["2019-03-14", "2020", "2019-03", "2019", "2018-12-31"]
    ordered = sorted((PartialDate.parse(w) for w in written), key=lambda d: d.sort_key)
    assert [d.isoformat() for d in ordered] == ["2018-12-31", "2019", "2019-03", "2019-03-14", "2020"]


def test_periods_have_no_order_of_their_own_and_cannot_change() -> None:
    # '2019' is neither before nor after '2019-03': code must say which end of a period it compares.
    with pytest.raises(TypeError):
        _ = PartialDate(2019) < PartialDate(2019, 3)  # type: ignore[operator]
    with pytest.raises(AttributeError):
        PartialDate(2019).year = 2020  # type: ignore[misc]
    assert PartialDate(2019, 3) == PartialDate.parse("2019-03") and len({PartialDate(2019), PartialDate(2019)}) == 1


def test_dates_print_with_the_preposition_their_precision_takes() -> None:
    assert on_date(PartialDate(2019)) == "in 2019"
    assert on_date(PartialDate(2019, 3)) == "in March 2019"
    assert on_date(PartialDate(2019, 3, 14)) == on_date(dt.date(2019, 3, 14)) == "on March 14, 2019"
    assert long_date(PartialDate(2019, 3)) == "March 2019"


def test_a_template_printing_the_raw_value_gets_the_written_form(tmp_path: Path) -> None:
    assert printed(PartialDate(2019, 3)) == "March 2019"
    assert printed(dt.date(2019, 3, 14)) == "March 14, 2019"
    template = make_template(tmp_path / "t.docx", ["A: {{ year }}", "B: {{ month }}", "C: {{ day }}", "D: {{ date }}"])
    context = {
        "year": PartialDate(2009),
        "month": PartialDate(2019, 3),
        "day": PartialDate(2019, 3, 14),
        "date": dt.date(2025, 10, 1),
    }
    text = docx_text(finalize(render_template(template, context), Finish(DocumentProperties(title="t", subject="s"))))
    assert [line for line in text.splitlines() if line[:3] in ("A: ", "B: ", "C: ", "D: ")] == [
        "A: 2009",
        "B: March 2019",
        "C: March 14, 2019",
        "D: October 1, 2025",
    ]
