"""Partial dates: a year or a year and month where that is all anyone knows, read, checked and printed right.

`history[].date`, members' `joined` and the partnership's `founded` accept 2019, 2019-03 or 2019-03-14. Documents
print each at its precision ('2019', 'March 2019', 'March 14, 2019'); a member whose `joined` is a period counts
from its first day; and no document claims a founding date that `founded` does not give.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, make_template, minimal_data
from pipeline.build import build
from pipeline.cli import main
from pipeline.consistency import members_during
from pipeline.dated import member_on
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.formatting import long_date, on_date, printed
from pipeline.render import render_template
from pipeline.text import docx_text
from schemas import Partnership
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


# --- Files: validation messages and the JSON Schema ---------------------------------------------------------


def test_a_wrong_date_names_its_field_and_says_what_to_write(
    write_partnership: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = minimal_data()
    data["founded"] = 1750
    data["history"] = [{"date": "Spring 2019", "event": "The partners meet."}]
    data["members"][1]["joined"] = "2019-13"
    write_partnership(data)
    monkeypatch.chdir(tmp_path / "partnerships")
    result = CliRunner().invoke(main, ["validate", "pathways.yaml"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "founded: the year 1750 is out of range; write a year between 1800 and 2200" in result.output
    assert any(
        f"history[0].date: 'Spring 2019' is not a date partnerdocs can read; {TELLS_WHAT_TO_WRITE}" in line
        for line in lines
    )
    assert "members[1].joined: there is no month 13; months go from 01 to 12, e.g. 2019-03" in result.output


def _accepts(schema: dict[str, Any], value: object) -> bool:
    """Just enough of JSON Schema for a date field: anyOf, type, minimum, maximum, pattern."""
    if "anyOf" in schema:
        return any(_accepts(option, value) for option in schema["anyOf"])
    kind = schema.get("type")
    if kind == "null":
        return value is None
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return ok and schema.get("minimum", value) <= value <= schema.get("maximum", value)  # type: ignore[operator]
    if kind == "string":
        return isinstance(value, str) and re.search(schema.get("pattern", ""), value) is not None
    raise AssertionError(f"unexpected schema {schema}")


def _date_fields(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    definitions = schema["$defs"]
    return {
        "founded": schema["properties"]["founded"],
        "history[].date": definitions["HistoryEvent"]["properties"]["date"],
        "members[].joined": definitions["Member"]["properties"]["joined"],
    }


@pytest.mark.parametrize("source", ["model", "committed file"])
def test_the_json_schema_accepts_a_year_a_month_and_a_day_and_nothing_else(source: str) -> None:
    if source == "model":
        schema = Partnership.model_json_schema()
    else:
        schema = json.loads((ROOT / "schemas" / "partnership.schema.json").read_text(encoding="utf-8"))
    # What an editor's YAML 1.2 parser hands the schema: 2019 is an integer, 2019-03 and 2019-03-14 are strings.
    good = [2019, 1800, 2200, "2019", "2019-03", "2019-03-14", "2024-02-29"]
    bad = [1799, 2201, "2019-13", "2019-00", "2019-03-32", "March 2019", "19-03", "2019-3", "2019-03-14T09:00", 2019.5]
    for name, field in _date_fields(schema).items():
        assert [value for value in good if not _accepts(field, value)] == [], name
        assert [value for value in bad if _accepts(field, value)] == [], name
    assert 2019 in schema["$defs"]["HistoryEvent"]["properties"]["date"]["examples"]


# --- Documents ----------------------------------------------------------------------------------------------

LETTER_GRANT = {
    "program": "Pathways",
    "funder": "A Foundation",
    "applicant": "harbor-hope",
    "partners": ["omalley"],
    "letter_of_intent": {"date": "2026-03-05", "addressee": "Grants office", "writers": ["omalley"]},
}


def _built(write: Callable[..., Path], tmp_path: Path, data: dict[str, Any]) -> dict[str, str]:
    """The .txt of every document built from `data`, by file name."""
    out = tmp_path / "out"
    build([write(data)], out)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "pathways").glob("*.txt"))}


def _partial_data() -> dict[str, Any]:
    data = minimal_data()
    data["founded"] = "2019-03"
    data["history"] = [
        {"date": 2018, "event": "The two organizations first talk about referrals."},
        {"date": "2019-03", "event": "Referrals begin."},
        {"date": "2019-06-14", "event": "The first survivor is placed in a job."},
    ]
    data["members"][0]["joined"] = "2019-03"
    data["members"][1].update({"joined": "2026-03", "status": "interim"})
    data["agreement"]["effective_date"] = "2026-01-01"
    data["funding"] = {"grants": [LETTER_GRANT]}
    return data


def test_every_document_prints_partial_dates_at_their_precision(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    texts = _built(write_partnership, tmp_path, _partial_data())
    assert {"mou.txt", "onboarding-packet.txt", "governance-charter.txt", "letter-of-intent-omalley.txt"} <= set(texts)
    for name in ("mou.txt", "onboarding-packet.txt"):
        assert "- 2018: The two organizations first talk about referrals." in texts[name], name
        assert "- March 2019: Referrals begin." in texts[name], name
    assert "- June 14, 2019: The first survivor is placed in a job." in texts["onboarding-packet.txt"]
    assert "Interim member since March 2026" in texts["onboarding-packet.txt"]
    assert "| Harbor & Hope Survivor Services, Inc. | March 2019 |" in texts["governance-charter.txt"]
    assert "Interim since March 2026" in texts["governance-charter.txt"]
    assert (
        "We joined the Harbor & Hope – O'Malley Pathways in March 2026 and are an interim member"
        in (texts["letter-of-intent-omalley.txt"])
    )
    for name, text in texts.items():
        # No date in the form a file writes it ('2019-03'), and no day invented for a month ('March 1, 2019').
        stray = [line for line in text.splitlines() if re.search(r"(?<![\w-])\d{4}-\d{2}(?![\w])", line)]
        assert stray == [], name
        assert "March 1, 2019" not in text and "January 1, 2018" not in text, name


def test_a_member_joined_in_a_month_counts_from_its_first_day() -> None:
    data = _partial_data()
    late = Partnership.model_validate(data).member("omalley")
    assert member_on(late, dt.date(2026, 2, 28)).status.value == "pending"
    assert member_on(late, dt.date(2026, 3, 1)).status.value == "interim"


def test_an_mou_records_a_joinder_in_a_month_as_such(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = _partial_data()
    data["members"][1]["status"] = "active"
    data["members"].append(
        {**copy.deepcopy(data["members"][0]), "id": "county", "legal_name": "County Services", "joined": 2026}
        | {"short_name": "County"}
    )
    text = _built(write_partnership, tmp_path, data)["mou.txt"]
    # joined 2026 counts from January 1, 2026, the MOU's date: an original party, not a joinder.
    assert "County Services joined by signing" not in text
    assert "- March 2026: O'Malley Staffing Solutions, LLC joined by signing the joinder page." in text
    assert "- O'Malley Staffing Solutions, LLC, in March 2026, signed for it by" in text


# --- When the partnership began -----------------------------------------------------------------------------


def _letter_about(write: Callable[..., Path], tmp_path: Path, data: dict[str, Any]) -> str:
    build([write(data)], tmp_path / "out", ["letter-of-intent"])
    text = (tmp_path / "out" / "pathways" / "letter-of-intent-omalley.txt").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if "a member of" in line or "take part in" in line)


def test_without_founded_no_document_takes_the_earliest_event_for_a_founding(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    # A coalition founded long ago whose history records only a recent merger.
    data = minimal_data()
    data["history"] = [{"date": "2023-05", "event": "Two coalitions merge."}]
    data["funding"] = {"grants": [dict(LETTER_GRANT, letter_of_intent={"addressee": "Grants office"})]}
    texts = _built(write_partnership, tmp_path, data)
    for name, text in texts.items():
        assert not re.search(r"\b(?:began|founded)\b[^.]*(?:2023|May)", text), name
        assert "It began" not in text and "We began" not in text and "Partnership began" not in text, name


@pytest.mark.parametrize(
    ("founded", "sentence"),
    [
        (2009, "The partnership began in 2009."),
        ("2019-03", "The partnership began in March 2019."),
        ("2019-03-14", "The partnership began on March 14, 2019."),
    ],
)
def test_a_letter_says_when_the_partnership_began_from_founded(
    write_partnership: Callable[..., Path], tmp_path: Path, founded: object, sentence: str
) -> None:
    data = minimal_data()
    data["founded"] = founded
    data["history"] = [{"date": "2023-05", "event": "Two coalitions merge."}]  # later than founded: ignored
    data["funding"] = {"grants": [LETTER_GRANT]}
    about = _letter_about(write_partnership, tmp_path, data)
    assert about.endswith(sentence)


def test_a_founding_after_a_letters_date_is_not_stated(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["funding"] = {"grants": [LETTER_GRANT]}  # dated March 5, 2026
    data["founded"] = "2026-04"
    assert "began" not in _letter_about(write_partnership, tmp_path, data)
    data["founded"] = "2026-03"  # the letter's own month: under way by its date
    assert _letter_about(write_partnership, tmp_path / "again", data).endswith("The partnership began in March 2026.")


def test_the_mou_charter_and_packet_say_when_the_partnership_began(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    texts = _built(write_partnership, tmp_path, _partial_data())
    assert "The Partnership began in March 2019.\nMilestones in the Partnership’s history:" in texts["mou.txt"]
    assert (
        "It began in March 2019 and today has two member organizations (section 4)."
        in (texts["governance-charter.txt"])
    )
    assert "### Our story so far\nWe began in March 2019.\n- 2018:" in texts["onboarding-packet.txt"]


# --- Lint ---------------------------------------------------------------------------------------------------


def test_a_count_in_an_event_of_a_whole_year_may_be_any_count_that_year() -> None:
    data = minimal_data()
    data["members"][0]["joined"] = "2024"
    data["members"][1]["joined"] = "2025-03"
    partnership = Partnership.model_validate(data)
    assert members_during(partnership, PartialDate(2025)) == [1, 2]
    assert members_during(partnership, PartialDate(2025, 2)) == [1]
    assert members_during(partnership, PartialDate(2025, 3)) == [2]
