"""Stage 2: validation turns data into a Partnership, or into messages that say how to fix it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import minimal_data
from pipeline.load import load_file
from pipeline.validate import validate_document
from schemas import Partnership


def messages(path: Path) -> list[str]:
    _, problems = validate_document(load_file(path))
    return [f"{p.path}: {p.message}" for p in problems]


def test_minimal_partnership_is_valid(write_partnership: Callable[..., Path]) -> None:
    partnership, problems = validate_document(load_file(write_partnership()))
    assert problems == []
    assert isinstance(partnership, Partnership)
    assert partnership.member("omalley").signatory.name is None


def test_file_name_must_be_a_safe_slug(write_partnership: Callable[..., Path]) -> None:
    path = write_partnership(slug="My Partnership")
    assert messages(path) == [
        ": the file name 'My Partnership.yaml' becomes the folder name of its documents; rename it to "
        "lowercase letters, digits and dashes, e.g. 'county-task-force.yaml'"
    ]


def test_unknown_member_reference_lists_known_ids(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["leadership"]["leads"] = ["xyz"]
    assert messages(write_partnership(data)) == [
        "leadership.leads[0]: 'xyz' is not the id of any organization under 'members' (known ids: harbor-hope, omalley)"
    ]


def test_withdrawn_member_cannot_lead(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["members"][0]["status"] = "withdrawn"
    data["members"][0]["withdrawal"] = {"notice_date": "2026-01-01", "effective_date": "2026-03-01"}
    assert messages(write_partnership(data)) == [
        "leadership.leads[0]: 'harbor-hope' is not a current member (withdrawn or pending), "
        "so it cannot lead the partnership"
    ]


def test_withdrawn_status_needs_withdrawal_details(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["members"][1]["status"] = "withdrawn"
    assert messages(write_partnership(data)) == [
        "members[1]: a withdrawn member needs 'withdrawal' with its notice_date and effective_date"
    ]


def test_leadership_model_must_match_its_leads(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["leadership"] = {"model": "co_leadership", "leads": ["harbor-hope"]}
    assert messages(write_partnership(data)) == [
        "leadership: a co_leadership names at least two organizations under 'leads'"
    ]


def test_nested_references_are_checked_everywhere(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["committees"] = [{"id": "steering", "name": "Steering", "charge": "Steer.", "members": ["omalley", "nobody"]}]
    subgrant = {"from_member": "harbor-hope", "to_member": "omaley", "amount": "$1", "purpose": "x"}
    data["funding"] = {"subgrants": [subgrant]}
    assert messages(write_partnership(data)) == [
        "committees[0].members[1]: 'nobody' is not the id of any organization under 'members' "
        "(known ids: harbor-hope, omalley)",
        "funding.subgrants[0].to_member: 'omaley' is not the id of any organization under 'members'; "
        "did you mean 'omalley'? (known ids: harbor-hope, omalley)",
    ]


def test_wrong_container_types_are_explained(write_partnership: Callable[..., Path]) -> None:
    data: dict[str, Any] = minimal_data()
    data["values"] = "trust"
    data["leadership"] = ["harbor-hope"]
    assert messages(write_partnership(data)) == [
        "values: expected a list (lines starting with '- '), found the text 'trust'",
        "leadership: expected a group of fields (indented 'key: value' lines), found a list",
    ]


# Any printable text, including markup and template syntax, is accepted as data and kept exactly.
printable_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(name=printable_text)
def test_any_printable_name_is_kept_exactly(name: str) -> None:
    data = minimal_data()
    data["name"] = name
    data["members"][0]["legal_name"] = name
    partnership = Partnership.model_validate(data)
    assert partnership.name == name
    assert partnership.members[0].legal_name == name


@settings(max_examples=40, deadline=None)
@given(
    before=printable_text,
    control=st.sampled_from(["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ufffe", "\ud800"]),
)
def test_control_characters_are_rejected(before: str, control: str) -> None:
    data = minimal_data()
    data["geography"] = before + control
    try:
        Partnership.model_validate(data)
    except ValueError as error:
        assert "invisible control character" in str(error)
    else:
        raise AssertionError(f"{control!r} was accepted")


def written_with(write_partnership: Callable[..., Path], field: str, written: str) -> Path:
    """The minimal partnership with one value written exactly as given (not as yaml.safe_dump would)."""
    data = minimal_data()
    data["members"][0]["contacts"]["primary"]["acting"] = "ACTING"
    data["geography"] = "GEOGRAPHY"
    text = yaml.safe_dump(data, allow_unicode=True)
    text = text.replace("ACTING", written if field == "acting" else "false")
    text = text.replace("GEOGRAPHY", written if field == "geography" else "Port Alder")
    return write_partnership(text=text)


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "Yes", "y"])
def test_yes_and_no_are_text_so_a_true_false_field_asks_for_true_or_false(
    write_partnership: Callable[..., Path], written: str
) -> None:
    assert messages(written_with(write_partnership, "acting", written)) == [
        f"members[0].contacts.primary.acting: '{written}' is text here; write true or false"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"true"', "'true' is text here because of its quotes; write true without quotes"),
        ("1", "expected true or false, found the number 1"),
    ],
)
def test_a_true_false_field_takes_nothing_else(
    write_partnership: Callable[..., Path], written: str, message: str
) -> None:
    assert messages(written_with(write_partnership, "acting", written)) == [
        f"members[0].contacts.primary.acting: {message}"
    ]


@pytest.mark.parametrize(("written", "expected"), [("true", True), ("False", False)])
def test_true_and_false_are_read_in_any_of_their_spellings(
    write_partnership: Callable[..., Path], written: str, expected: bool
) -> None:
    partnership, problems = validate_document(load_file(written_with(write_partnership, "acting", written)))
    assert problems == []
    assert partnership is not None
    assert partnership.members[0].contacts.primary.acting is expected


def test_true_where_text_belongs_is_explained(write_partnership: Callable[..., Path]) -> None:
    assert messages(written_with(write_partnership, "geography", "true")) == [
        "geography: expected text, found the true/false value true; YAML read 'true' as the true/false value "
        'true: put it in quotes, like "true"'
    ]


@pytest.mark.parametrize("written", ["no", "off", "9:30", "1_000"])
def test_values_yaml_1_1_took_for_booleans_or_numbers_are_text(
    write_partnership: Callable[..., Path], written: str
) -> None:
    partnership, problems = validate_document(load_file(written_with(write_partnership, "geography", written)))
    assert problems == []
    assert partnership is not None
    assert partnership.geography == written


def test_values_cut_short_by_a_comment_are_reported_with_the_validation_problems(
    write_partnership: Callable[..., Path],
) -> None:
    text = yaml.safe_dump(minimal_data(), allow_unicode=True)
    text = text.replace("level: cooperation", "level: #cooperation")
    text = text.replace("geography: Port Alder", "geography: Port Alder #5")
    text = text.replace("formality: informal", "formality: informel")
    found = sorted(messages(write_partnership(text=text)))
    # 'level' is reported once, for its cause: what was left of it (nothing) is not explained again.
    assert [message.split(":")[0] for message in found] == ["formality", "geography", "level"]
    assert found[1].startswith("geography: YAML reads ' #' as the start of a comment, so this value ends at")
    assert found[2].startswith("level: YAML reads ' #' as the start of a comment, so this value is empty")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda data: data.update(members=data["members"][:1]),
            "members: lists only 1 member; list at least 2 members",
        ),
        (lambda data: data.update(members=[]), "members: is empty; list at least 2 members"),
        (
            lambda data: data.update(emergency={"succession": [{"role": "Lead", "order": []}]}),
            "emergency.succession[0].order: is empty; list at least 1 item",
        ),
        (
            lambda data: data.update(approvers=[{"document": "mou", "members": []}]),
            "approvers[0].members: is empty; list at least 1 member",
        ),
        (
            lambda data: data.update(mandatory_reporting={"mandated_reporters": None}),
            "mandatory_reporting.mandated_reporters: is empty; leave the line out when there is nothing to list",
        ),
        (
            lambda data: data.update(emergency={"succession": None}),
            "emergency.succession: is empty; leave the line out when there is nothing to list",
        ),
    ],
    ids=["too-few", "empty-required", "empty-nested", "singular", "left-empty-optional", "left-empty-of-models"],
)
def test_a_short_or_empty_list_says_how_many_it_needs_or_to_leave_the_line_out(
    write_partnership: Callable[..., Path], change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = minimal_data()
    change(data)
    assert messages(write_partnership(data)) == [expected]


def test_an_optional_list_written_empty_is_accepted(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["mandatory_reporting"] = {"mandated_reporters": []}
    assert messages(write_partnership(data)) == []
