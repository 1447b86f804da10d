"""Core group seats as facts: documents name whoever acts in a seat on their date, never an absent holder.

The charter, the Emergency Guide and the onboarding packet have no date of their own: they speak from the
day their file was last committed, so these tests commit the file with a chosen date. The MOU and the
letters speak from their own dates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import minimal_data
from pipeline.build import build
from pipeline.cli import main
from pipeline.lint import lint
from pipeline.partnerships import load_partnerships
from schemas import SCHEMA_FILE

GUIDE, PACKET, CHARTER = "emergency-response-guide", "onboarding-packet", "governance-charter"
LEAVE = {"person": "Ana Ruiz", "from": dt.date(2026, 3, 1), "until": dt.date(2026, 8, 31), "reason": "parental leave"}


def core_group(*seats: dict[str, Any]) -> dict[str, Any]:
    """Harbor & Hope and O'Malley lead as a core group; Thomas Nguyen (Harbor & Hope's primary contact, and here
    its signatory too) sits in the convening seat, and Ana Ruiz, its backup contact, may stand in for him."""
    data = minimal_data()
    data["level"] = "collaboration"
    data["decision_making"] = {"method": "consensus", "quorum": "Both seats.", "fallback": "The leads decide."}
    data["members"][0]["signatory"] = {"name": "Thomas Nguyen", "title": "Director"}
    data["members"][1]["contacts"]["backup"] = {"name": "Marcus Bell", "title": "Senior Recruiter"}
    data["leadership"] = {"model": "core_group", "core_group": list(seats)}
    return data


def holder_seat(**extra: Any) -> dict[str, Any]:
    return {"name": "Port Alder survivor services seat", "member": "harbor-hope", "convenes": True, **extra}


STAFFING = {"name": "Employer seat", "member": "omalley", "role": "Job placements"}


def committed(path: Path, day: dt.date) -> Path:
    """Commit the file's folder to a new git repository, dated `day`: the date the undated documents speak from."""
    folder = path.parent
    when = f"{day.isoformat()}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q"], ["add", "."], [*identity, "commit", "-q", "-m", "Partnership file"]):
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)
    return path


def documents(path: Path, out: Path, *kinds: str) -> dict[str, str]:
    build([path], out, list(kinds))
    return {kind: (out / path.stem / f"{kind}.txt").read_text(encoding="utf-8") for kind in kinds}


def between(text: str, start: str, end: str) -> str:
    """The part of a document from the line starting with `start` up to the next line starting with `end`."""
    found = re.search(rf"^{re.escape(start)}.*?(?=^{re.escape(end)})", text, re.MULTILINE | re.DOTALL)
    assert found, f"no section starting with {start!r}"
    return found.group(0)


def call_tree(guide: str) -> str:
    return between(guide, "## 5. Emergency contact roster", "## 6.")


def welcome_signers(packet: str) -> str:
    return between(packet, "On behalf of the core group", "## ")


# --- Who acts in a seat ----------------------------------------------------------------------------------


def test_during_a_leave_the_alternate_is_called_and_signs_and_the_absent_holder_is_not(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = committed(write_partnership(core_group(holder_seat(alternate=LEAVE), STAFFING)), dt.date(2026, 5, 4))
    docs = documents(path, tmp_path / "out", GUIDE, PACKET, CHARTER)
    tree = call_tree(docs[GUIDE])
    assert "Ana Ruiz, Advocate" in tree
    assert "Thomas Nguyen" not in tree
    assert "No backup until August 31, 2026: gap" in tree  # his backup is standing in for him
    assert "Ana Ruiz, Advocate / In the Port Alder survivor services seat until August 31, 2026 /" in tree
    # He is Harbor & Hope's signatory too: the seat's approval of the guide is hers while she stands in.
    assert "Thomas Nguyen" not in docs[GUIDE]
    assert "Title: Advocate (standing in until August 31, 2026)" in docs[GUIDE]
    signers = welcome_signers(docs[PACKET])
    assert "Ana Ruiz, Advocate (standing in until August 31, 2026)" in signers
    assert "Thomas Nguyen" not in signers
    adoption = docs[CHARTER][docs[CHARTER].index("Signed for the members") :]
    assert "Name: Ana Ruiz" in adoption and "Thomas Nguyen" not in adoption
    # The seat listing still says whose seat it is, and who covers it until when.
    assert "Thomas Nguyen, Director / Covered by Ana Ruiz, Advocate, from March 1, 2026" in docs[CHARTER]


@pytest.mark.parametrize("day", [dt.date(2026, 2, 27), dt.date(2026, 9, 1)], ids=["before", "after"])
def test_outside_the_leave_the_holder_is_back(
    write_partnership: Callable[..., Path], tmp_path: Path, day: dt.date
) -> None:
    path = committed(write_partnership(core_group(holder_seat(alternate=LEAVE), STAFFING)), day)
    docs = documents(path, tmp_path / "out", GUIDE, PACKET)
    tree = call_tree(docs[GUIDE])
    assert "Thomas Nguyen, Director" in tree
    assert "Ana Ruiz, Advocate" in tree  # his backup again, not his stand-in
    assert "Covered by" not in docs[GUIDE] + docs[PACKET]
    assert "standing in" not in docs[GUIDE] + docs[PACKET]
    assert "Thomas Nguyen, Director" in welcome_signers(docs[PACKET])


def test_a_file_changed_since_its_last_commit_shows_its_seats_as_written(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    # Committed long after the leave, then the leave is written in: a preview shows what was just written.
    path = committed(write_partnership(core_group(holder_seat(), STAFFING)), dt.date(2027, 6, 1))
    write_partnership(core_group(holder_seat(alternate=LEAVE), STAFFING))
    packet = documents(path, tmp_path / "out", PACKET)[PACKET]
    assert "Ana Ruiz, Advocate (standing in until August 31, 2026)" in welcome_signers(packet)


def test_another_member_can_cover_a_seat(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    cover = {"member": "omalley", "from": dt.date(2026, 3, 1), "until": dt.date(2026, 8, 31)}
    path = committed(write_partnership(core_group(holder_seat(alternate=cover), STAFFING)), dt.date(2026, 5, 4))
    docs = documents(path, tmp_path / "out", GUIDE, PACKET)
    signers = welcome_signers(docs[PACKET])
    assert "Siobhan O'Malley-Brandt, Branch Manager (standing in until August 31, 2026)" in signers
    assert "O'Malley Staffing Solutions, LLC (Port Alder survivor services seat)" in signers
    assert "Thomas Nguyen" not in signers
    tree = call_tree(docs[GUIDE])
    assert "Covers the Port Alder survivor services seat for Harbor & Hope until August 31, 2026" in tree
    assert "Thomas Nguyen" not in tree  # away from the seat, so not called for Harbor & Hope either
    first_row = next(line for line in tree.splitlines() if line.startswith("| 1 |"))
    assert "O'Malley" in first_row  # whoever acts in a seat is called first


# --- Interim holders, terms, vacancies ----------------------------------------------------------------------


def interim_seat(**extra: Any) -> dict[str, Any]:
    interim = {"member": "omalley", "appointed": dt.date(2026, 2, 2), "election_due": dt.date(2027, 1, 20)}
    return {"name": "Employer seat", "role": "Job placements", "interim": interim, **extra}


def test_an_interim_holder_and_its_election_print(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = committed(write_partnership(core_group(holder_seat(), interim_seat())), dt.date(2026, 5, 4))
    docs = documents(path, tmp_path / "out", CHARTER, PACKET, GUIDE)
    interim = "Interim holder since February 2, 2026, until the election due on January 20, 2027"
    assert interim in docs[CHARTER]
    assert interim in docs[PACKET]
    assert f"Core group: Employer seat / {interim}" in call_tree(docs[GUIDE])
    assert "O'Malley Staffing Solutions, LLC (Employer seat; Job placements)" in docs[GUIDE]  # it approves


def test_before_its_appointment_an_interim_seat_is_vacant(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = core_group(holder_seat(), interim_seat())
    data["agreement"]["effective_date"] = dt.date(2026, 1, 5)  # the MOU speaks from before the appointment
    path = committed(write_partnership(data), dt.date(2026, 1, 20))
    docs = documents(path, tmp_path / "out", CHARTER, "mou")
    assert "| 2. Employer seat | Vacant | — | Job placements |" in docs[CHARTER]
    assert "Employer seat: vacant" in docs["mou"]
    assert "(one seat is vacant)" in docs["mou"]
    assert "Member of the core group" not in docs["mou"].split("O'Malley Staffing Solutions, LLC", 2)[-1][:400]


def test_a_vacant_seat_prints_as_vacant_and_signs_nothing(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    vacant = {"name": "Employer seat", "role": "Co-chair", "vacant": True, "convenes": True}
    path = write_partnership(core_group(holder_seat(), vacant))
    docs = documents(path, tmp_path / "out", CHARTER, PACKET, GUIDE)
    assert "| 2. Employer seat | Vacant | — | Co-chair |" in docs[CHARTER]
    assert "| Vacant (Employer seat) | Co-chair | Nobody yet |" in docs[PACKET]
    assert "A core group of one member (one seat is vacant) from different sectors" in docs[PACKET]
    assert "A core group of two seats, held by one member (one seat is vacant), leads it" in docs[CHARTER]
    signers = welcome_signers(docs[PACKET])
    assert "Thomas Nguyen" in signers and "O'Malley Staffing" not in signers and "Siobhan" not in signers
    adoption = docs[CHARTER][docs[CHARTER].index("Signed for the members") :]
    assert "Signed for the members by the holder of the one filled core group seat, who confirms" in adoption
    assert "O'Malley Staffing" not in adoption
    assert "O'Malley Staffing" not in between(docs[GUIDE], "### Approvals", "### ")
    row = next(line for line in call_tree(docs[GUIDE]).splitlines() if "O'Malley Staffing" in line and line[:1] == "|")
    assert "Core group" not in row


def test_a_term_that_ended_before_the_documents_date_leaves_the_seat_vacant(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    seat = holder_seat(term_start=dt.date(2024, 1, 15), term_end=dt.date(2026, 1, 14))
    path = committed(write_partnership(core_group(seat, STAFFING)), dt.date(2026, 5, 4))
    docs = documents(path, tmp_path / "out", CHARTER, PACKET)
    assert "| 1. Port Alder survivor services seat | Vacant | — | — |" in docs[CHARTER]
    # With its only convening seat empty, every filled seat signs the welcome letter; the stale holder does not.
    signers = welcome_signers(docs[PACKET])
    assert "Thomas Nguyen" not in signers and "Siobhan O'Malley-Brandt" in signers


def test_a_term_prints_with_its_limit(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    seat = holder_seat(term_start=dt.date(2026, 1, 15), term_end=dt.date(2028, 1, 14), term_limit=2)
    path = committed(write_partnership(core_group(seat, STAFFING)), dt.date(2026, 5, 4))
    charter = documents(path, tmp_path / "out", CHARTER)[CHARTER]
    assert "Term: January 15, 2026 to January 14, 2028; at most two terms in a row" in charter


def test_a_letter_claims_the_seat_its_writer_held_on_its_date(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = core_group(holder_seat(), interim_seat())
    letter = {"addressee": "A Foundation", "address_lines": ["P.O. Box 12", "Port Alder, WA 98362"]}
    grant = {"program": "Pathways", "funder": "A Foundation", "applicant": "harbor-hope", "partners": ["omalley"]}
    data["funding"] = {"grants": [dict(grant, letter_of_intent=dict(letter, date=dt.date(2026, 4, 1)))]}
    out = tmp_path / "out"
    build([write_partnership(data)], out, ["letter-of-intent"])
    text = (out / "pathways" / "letter-of-intent-omalley.txt").read_text(encoding="utf-8")
    assert (
        "hold a seat in the core group (Employer seat; Job placements) as its interim holder until the election "
        "due on January 20, 2027" in text
    )
    data["funding"]["grants"][0]["letter_of_intent"]["date"] = dt.date(2026, 1, 20)  # before the appointment
    build([write_partnership(data)], out, ["letter-of-intent"])
    assert "core group" not in (out / "pathways" / "letter-of-intent-omalley.txt").read_text(encoding="utf-8")


def test_the_reason_for_a_leave_stays_out_of_public_documents(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    from pipeline.audience import Audience
    from pipeline.contexts.seats import cover_text, seat_views

    data = core_group(holder_seat(alternate=LEAVE), STAFFING)
    (partnership,) = [loaded.partnership for loaded in load_partnerships([write_partnership(data)])]
    public, members = (cover_text(seat_views(partnership, a)[0], a) for a in (Audience.public, Audience.members))
    assert members.endswith("(parental leave)")
    assert "parental" not in public and public.startswith("Covered by Ana Ruiz")


# --- The file ------------------------------------------------------------------------------------------------


def test_seats_written_as_before_stay_valid(write_partnership: Callable[..., Path]) -> None:
    data = core_group({"member": "harbor-hope", "person": "Thomas Nguyen", "role": "Chair", "convenes": True})
    data["leadership"]["core_group"].append({"member": "omalley"})
    assert CliRunner().invoke(main, ["validate", str(write_partnership(data))]).exit_code == 0


@pytest.mark.parametrize(
    ("seat", "message"),
    [
        ({"vacant": True, "member": "omalley"}, "a vacant seat has no holder: remove 'member'"),
        ({"name": "Employer seat"}, "name the 'member' holding the seat, give an 'interim' holder, or write"),
        (
            {"member": "omalley", "interim": {"member": "omalley", "appointed": dt.date(2026, 1, 1)}},
            "a seat is held by 'member' or by an 'interim' holder, not both",
        ),
        ({"member": "omalley", "alternate": {"from": dt.date(2026, 1, 1), "until": dt.date(2026, 2, 1)}}, "who covers"),
        ({"member": "omalley", "alternate": {"person": "Marcus Bell", "from_": dt.date(2026, 1, 1)}}, "'from'"),
    ],
    ids=["vacant-with-member", "no-holder", "member-and-interim", "alternate-nobody", "from-misspelled"],
)
def test_a_seat_held_two_ways_or_none_is_refused_with_its_fix(
    write_partnership: Callable[..., Path], seat: dict[str, Any], message: str
) -> None:
    result = CliRunner().invoke(main, ["validate", str(write_partnership(core_group(holder_seat(), seat)))])
    assert result.exit_code == 1
    assert message in result.output


@pytest.mark.parametrize("name", ["TBD", "tba", "To be named", "Vacant", "N/A", "Unknown", "?", "TBD (hiring now)"])
def test_a_placeholder_for_a_name_is_flagged(write_partnership: Callable[..., Path], name: str) -> None:
    data = core_group(holder_seat(person=name), dict(STAFFING, alternate=dict(LEAVE, person=name)))
    data["members"][1]["contacts"]["backup"]["name"] = name
    (loaded,) = load_partnerships([write_partnership(data)])
    found = [p for p in lint(loaded.source, loaded.partnership) if p.rule == "placeholder-name"]
    assert [p.path for p in found] == [
        "leadership.core_group[0].person",
        "leadership.core_group[1].alternate.person",
        "members[1].contacts.backup.name",
    ]
    assert "leave 'person' out" in found[0].message and "vacant: true" in found[0].message


def test_the_json_schema_describes_the_seat_fields() -> None:
    definitions = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    seat = definitions["CoreGroupSeat"]["properties"]
    for field in ("name", "member", "person", "role", "convenes", "vacant", "term_start", "term_end", "term_limit"):
        assert seat[field]["description"], field
    assert "InterimHolder" in json.dumps(seat["interim"]) and "Alternate" in json.dumps(seat["alternate"])
    assert set(definitions["InterimHolder"]["properties"]) == {"member", "person", "appointed", "election_due"}
    alternate = definitions["Alternate"]["properties"]
    assert set(alternate) == {"member", "person", "from", "until", "reason"}
    assert alternate["from"]["format"] == "date"
    assert definitions["Leadership"]["properties"]["one_seat_per_member"]["default"] is True
