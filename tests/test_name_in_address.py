"""An e-mail address that spells a hidden name is left out: accents, other scripts, initials and short names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import minimal_data
from pipeline.build import build
from pipeline.contexts.name_in_address import spells


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("li.wu@example.org", "Li Wu"),
        ("lwu@example.org", "Li Wu"),
        ("liwu@example.org", "李武"),
        ("zoe.ng@example.org", "Zoë Ng"),
        ("j.nunez@example.org", "José Núñez"),
        ("jnunez@example.org", "José Núñez"),
        ("jn@example.org", "José Núñez"),
        ("d.ivanov@example.org", "Дмитрий Иванов"),
        ("thi.nguyen@example.org", "Nguyễn Thị Minh"),
        ("tnguyen@harborhope.example", "Thomas Nguyen"),
        ("director.jane@example.org", "Jane Smith"),
    ],
)
def test_an_address_that_spells_the_name_is_caught(address: str, name: str) -> None:
    assert spells(address, name, role="Director")


@pytest.mark.parametrize(
    ("address", "name", "role"),
    [
        ("intake@example.org", "Intake Team Lead", "Intake Team Lead"),
        ("info@example.org", "Li Wu", "Advocate"),
        ("chair@example.org", "Ellen Fairweather", "Volunteer Chair"),
        ("hotline@example.org", "Zoë Ng", "Hotline Advocate"),
    ],
)
def test_a_role_inbox_gives_nobody_away(address: str, name: str, role: str) -> None:
    assert not spells(address, name, role=role)


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_any_name_and_address_give_an_answer(address: str, name: str) -> None:
    assert spells(address, name) in (True, False)


def test_a_core_team_name_stays_out_of_a_public_letter(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["funding"] = {
        "grants": [
            {
                "program": "Pathways Fund",
                "funder": "Port Alder Community Foundation",
                "applicant": "harbor-hope",
                "letter_of_intent": {"addressee": "Grants Committee", "writers": ["omalley"]},
            }
        ]
    }
    data["members"][1]["contacts"]["primary"] = {
        "name": "Zoë Ng",
        "title": "Recruiter",
        "email": "zoe.ng@omalley.example",
        "visibility": {"name": "core_team"},
    }
    build([write_partnership(data)], tmp_path / "out", ["letter-of-intent"])
    letter = (tmp_path / "out" / "pathways" / "letter-of-intent-omalley.txt").read_text(encoding="utf-8")
    assert "Recruiter" in letter
    assert "Zoë" not in letter and "zoe.ng@" not in letter
