"""Wording true to each member's legal position: what it may promise, what it must disclose, what counsel checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import minimal_data
from pipeline.approve import approve
from pipeline.build import build
from pipeline.cli import main
from pipeline.contexts.letter_wording import salutation
from pipeline.dated import contacts_on
from pipeline.legal_positions import legal_positions, unclear_position
from schemas import Partnership
from schemas.members import Contacts
from schemas.operations import LetterOfIntent
from schemas.vocabulary import LegalPosition as P

CONSENT_ONLY = "We share no personally identifying information about a survivor without the survivor’s informed"
OLD_ABSOLUTE = "unless the survivor has given informed, written and reasonably time-limited consent"


def police(member_id: str = "millbrook-pd") -> dict[str, Any]:
    return {
        "id": member_id,
        "legal_name": "City of Port Alder Police Department",
        "short_name": "Port Alder PD",
        "organization_type": "local_government",
        "sector": "law_enforcement",
        "mailing_address": ["25 Civic Center Drive", "Port Alder, WA 98362"],
        "contacts": {"primary": {"name": "Dana Reyes", "title": "Detective Sergeant"}},
        "signatory": {"name": "Sam Greer", "title": "Chief of Police"},
    }


def task_force(**changes: Any) -> dict[str, Any]:
    """The minimal pair plus a police department, with Harbor & Hope bound by VAWA, applying for a grant."""
    data = minimal_data()
    data["members"].append(police())
    data["members"][0]["mailing_address"] = ["P.O. Box 12", "Port Alder, WA 98362"]
    data["confidentiality"] = {"laws": [{"law": "vawa", "applies_to": ["harbor-hope"]}]}
    data["funding"] = {
        "grants": [
            {
                "program": "Survivor Pathways",
                "funder": "Office for Victims of Crime",
                "solicitation_id": "O-OVC-2026-0001",
                "applicant": "harbor-hope",
                "partners": ["millbrook-pd", "omalley"],
                "letter_of_intent": {
                    "date": "2026-02-01",
                    "addressee": "Dr. Renée Castellanos-Whitfield, Executive Director",
                    "address_lines": ["Harbor & Hope", "P.O. Box 12", "Port Alder, WA 98362"],
                },
            }
        ]
    }
    data.update(changes)
    return data


def partnership(data: dict[str, Any]) -> Partnership:
    return Partnership.model_validate(data)


def built_text(path: Path, out: Path, kind: str, name: str) -> str:
    build([path], out, [kind])
    return (out / "pathways" / f"{name}.txt").read_text(encoding="utf-8")


# --- Positions ------------------------------------------------------------------------------------


def test_positions_come_from_laws_sector_and_organization_type() -> None:
    p = partnership(task_force())
    assert legal_positions(p, p.member("harbor-hope")) == (P.victim_services,)
    assert legal_positions(p, p.member("millbrook-pd")) == (P.law_enforcement, P.public_body)
    assert legal_positions(p, p.member("omalley")) == (P.community_partner,)


def test_stated_positions_replace_the_guess() -> None:
    data = task_force()
    data["members"][2]["legal_positions"] = ["system_based_advocacy", "mandated_reporter"]
    p = partnership(data)
    assert legal_positions(p, p.member("millbrook-pd")) == (P.system_based_advocacy, P.mandated_reporter)


def test_a_service_provider_never_gets_the_vawa_promise_from_its_sector_alone() -> None:
    data = task_force()
    data["confidentiality"] = {}
    p = partnership(data)
    assert P.victim_services not in legal_positions(p, p.member("harbor-hope"))
    assert "VAWA or VOCA" in (unclear_position(p, p.member("harbor-hope")) or "")


def test_lint_flags_a_member_whose_position_is_unclear(write_partnership: Callable[..., Path]) -> None:
    data = task_force()
    data["confidentiality"] = {}
    result = CliRunner().invoke(main, ["lint", str(write_partnership(data))])
    assert "members[0].sector: warning[legal-position-unclear]: Harbor & Hope:" in result.output
    clear = CliRunner().invoke(main, ["lint", str(write_partnership(task_force()))])
    assert "legal-position-unclear" not in clear.output


# --- Letters ----------------------------------------------------------------------------------------


def test_a_police_letter_promises_what_police_can(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    text = built_text(
        write_partnership(task_force()), tmp_path / "out", "letter-of-intent", "letter-of-intent-millbrook-pd"
    )
    assert CONSENT_ONLY not in text
    assert "we cannot promise survivors confidentiality" in text
    assert "what we sign may be released under public-records law" in text  # a public body
    assert "We will never ask its advocates to share what those rules protect." in text
    assert "a U visa needs a certification from a certifying agency" in text  # what law enforcement decides


def test_a_vawa_provider_letter_keeps_the_strict_promise_with_its_exceptions(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = task_force()
    data["funding"]["grants"][0]["applicant"] = "omalley"
    data["funding"]["grants"][0]["partners"] = ["harbor-hope"]
    data["populations"] = ["Young people aged 16 to 24"]
    text = built_text(write_partnership(data), tmp_path / "out", "letter-of-intent", "letter-of-intent-harbor-hope")
    assert CONSENT_ONLY in text
    assert "The only exceptions are a statute or a court order that compels a release" in text
    assert "we then try to tell the survivor first" in text
    assert "For a survivor under 18, we seek the young person’s own agreement" in text  # young people served


def test_a_letter_names_no_minors_rule_where_no_minors_are_served(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = built_text(write_partnership(task_force()), tmp_path / "out", "letter-of-intent", "letter-of-intent-omalley")
    assert "For a survivor under 18" not in text


@pytest.mark.parametrize(
    ("binding", "expected"),
    [
        ("non_binding", "will record our commitments as shared commitments that we intend to honor, not as a contract"),
        ("binding", "and it binds those who sign it"),
    ],
)
def test_a_letter_states_the_legal_frame_of_the_agreement_that_follows(
    write_partnership: Callable[..., Path], tmp_path: Path, binding: str, expected: str
) -> None:
    data = task_force()
    data["agreement"]["binding"] = binding
    text = built_text(write_partnership(data), tmp_path / "out", "letter-of-intent", "letter-of-intent-omalley")
    assert expected in text
    assert "become binding only through" not in text


def test_letters_greet_by_courtesy_title_and_surname(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    text = built_text(write_partnership(task_force()), tmp_path / "out", "letter-of-intent", "letter-of-intent-omalley")
    assert "Dear Dr. Castellanos-Whitfield:" in text
    assert (
        "RE: Letter of intent, Survivor Pathways; Office for Victims of Crime; Solicitation No. O-OVC-2026-0001" in text
    )
    assert "Port Alder, WA 98362" in text


@pytest.mark.parametrize(
    ("addressee", "expected"),
    [
        ("Sheriff Dale R. Whitcomb", "Dear Sheriff Whitcomb:"),
        ("Carolyn Fairbanks, Executive Director", "Dear Executive Director Fairbanks:"),
        ("Dr. Harold J. Simmons III, President", "Dear Dr. Simmons:"),
        ("Grants Management Office", "Dear Grants Management Office:"),
    ],
)
def test_salutation(addressee: str, expected: str) -> None:
    assert salutation(LetterOfIntent(addressee=addressee)) == expected


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_salutation_is_always_one_whole_greeting(addressee: str) -> None:
    if not addressee.strip():
        return
    greeting = salutation(LetterOfIntent(addressee=addressee))
    assert greeting.startswith("Dear ") and greeting.endswith(":") and "\n" not in greeting.strip()


def test_a_letter_shows_the_contacts_of_its_own_date(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = task_force()
    data["members"][2]["contacts"] = {
        "primary": {"name": "Luis Ortega", "title": "Acting Sergeant", "acting": True, "since": "2026-06-01"},
        "former": [{"name": "Andrea Kowalczyk", "title": "Lieutenant", "until": "2026-05-31"}],
    }
    text = built_text(write_partnership(data), tmp_path / "out", "letter-of-intent", "letter-of-intent-millbrook-pd")
    assert "Our primary contact for this project is Andrea Kowalczyk, Lieutenant." in text
    assert "Ortega" not in text


def test_contacts_on_a_date_leave_out_a_backup_who_came_later() -> None:
    contacts = Contacts.model_validate(
        {
            "primary": {"name": "A", "title": "Director"},
            "backup": {"name": "B", "title": "Advocate", "since": "2026-05-01"},
        }
    )
    assert contacts_on(contacts, dt.date(2026, 4, 1)).backup is None
    assert contacts_on(contacts, dt.date(2026, 5, 1)).backup is not None


# --- The MOU and the counsel-review list ------------------------------------------------------------


def test_the_mou_groups_promises_by_position(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    text = built_text(write_partnership(task_force()), tmp_path / "out", "mou", "mou")
    assert OLD_ABSOLUTE not in text
    assert "or where a law, a court order or a mandated report requires it" in text
    assert (
        "Victim-service providers bound by VAWA or VOCA confidentiality (Harbor & Hope). These members share no" in text
    )
    assert "Law enforcement (Port Alder PD). These members cannot promise" in text
    assert "Other members (O'Malley Staffing Solutions, LLC)." in text


def test_counsel_review_ends_every_draft_and_shows_in_status(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(task_force())
    text = built_text(path, tmp_path / "out", "mou", "mou")
    review = text[text.index("## For counsel review") :]
    assert "- Law enforcement (Port Alder PD): The limits of a law-enforcement member’s confidentiality" in review
    assert "- Immigration: The wording on immigration status" in review
    status = CliRunner().invoke(main, ["status", str(path)])
    assert "    counsel review: Law enforcement (Port Alder PD):" in status.output


def test_a_final_document_prints_no_counsel_review(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership(task_force())
    for member in ("harbor-hope", "omalley", "millbrook-pd"):
        approve(path, "mou", member, "2026-03-01")
    text = built_text(path, tmp_path / "out", "mou", "mou")
    assert "DRAFT" not in text
    assert "For counsel review" not in text


def test_the_onboarding_packet_tells_members_what_each_may_promise(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = built_text(write_partnership(task_force()), tmp_path / "out", "onboarding-packet", "onboarding-packet")
    assert "unless the survivor has agreed in writing, or a law, a court order or a mandated report requires it" in text
    assert "- Law enforcement (Port Alder PD). These members cannot promise" in text
    assert "Immigration status. A survivor’s immigration status" in text


def test_no_document_promises_survivors_pay_the_file_never_sets(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = task_force(survivor_engagement={"approach": "Survivors review every protocol."})
    path = write_partnership(data)
    build([path], tmp_path / "out", ["mou", "onboarding-packet", "emergency-response-guide"])
    for name in ("mou", "onboarding-packet", "emergency-response-guide"):
        text = (tmp_path / "out" / "pathways" / f"{name}.txt").read_text(encoding="utf-8")
        assert "they are paid for it" not in text, name
        assert "We pay them like any other consultant" not in text, name
        assert "Pay survivor leaders who help" not in text, name
    data["survivor_engagement"]["compensation"] = "$60 an hour."
    build([write_partnership(data)], tmp_path / "paid", ["mou", "onboarding-packet"])
    assert "they are paid for it" in (tmp_path / "paid" / "pathways" / "mou.txt").read_text(encoding="utf-8")


def test_no_playbook_forbids_what_legal_aid_and_government_members_must_do(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = task_force(emergency={"hazards": ["political_or_funding_shock"]})
    text = built_text(write_partnership(data), tmp_path / "out", "emergency-response-guide", "emergency-response-guide")
    assert "immigration status with anyone" not in text
    assert "shared only as the survivor directs or as the law requires" in text


def test_a_vawa_entry_naming_no_members_never_binds_the_police_to_its_promise() -> None:
    data = task_force()
    data["confidentiality"] = {"laws": [{"law": "vawa"}]}
    p = partnership(data)
    assert P.victim_services in legal_positions(p, p.member("harbor-hope"))
    assert P.victim_services not in legal_positions(p, p.member("millbrook-pd"))


def test_a_public_bodys_mou_has_a_copy_that_public_records_law_may_release(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = task_force()
    data["members"][0]["signatory"] = {
        "name": "Latasha Renée Merriweather",
        "public_name": "Tasha M.",
        "title": "Director",
    }
    build([write_partnership(data)], tmp_path / "out", ["mou"])
    folder = tmp_path / "out" / "pathways"
    original = (folder / "mou.txt").read_text(encoding="utf-8")
    public = (folder / "mou-public-copy.txt").read_text(encoding="utf-8")
    assert "Name: Latasha Renée Merriweather" in original
    assert "Merriweather" not in public and "Name: Tasha M." in public
    assert "Public copy. Some Parties are public bodies" in public


def test_no_public_copy_without_a_public_body(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["members"][0]["signatory"]["public_name"] = "Renée C."
    build([write_partnership(data)], tmp_path / "out", ["mou"])
    assert not (tmp_path / "out" / "pathways" / "mou-public-copy.docx").exists()


def test_a_letter_names_only_the_consent_laws_that_bind_the_applicant(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = built_text(
        write_partnership(task_force()), tmp_path / "out", "letter-of-intent", "letter-of-intent-millbrook-pd"
    )
    assert "Harbor & Hope is bound by the confidentiality rules of VAWA." in text  # not VOCA: the file lists VAWA only


def test_a_role_is_greeted_as_a_role() -> None:
    letter = LetterOfIntent(addressee="Grants Manager, Anti-Trafficking Coalition Capacity Grant")
    assert salutation(letter) == "Dear Grants Manager:"
