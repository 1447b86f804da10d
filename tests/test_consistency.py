"""Consistency: each rule fails on a file that contradicts itself and passes the consistent version;
findings point at the offending line; they are errors with --strict and in build --release."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lint import Change, chain, clean, set_path

from conftest import EXAMPLES
from pipeline.approve import approve
from pipeline.cli import main
from pipeline.lint import RULES
from pipeline.numbers import number_value
from pipeline.partnerships import lint_all, load_partnerships
from schemas import Partnership

runner = CliRunner()
CONSISTENCY = {r.id: r for r in RULES if r.blocks_release}


def third_member(member_id: str = "county", **fields: Any) -> Change:
    """Add a third member, a copy of the first with its own id and name."""

    def change(d: dict[str, Any]) -> None:
        member = dict(copy.deepcopy(d["members"][0]), id=member_id, legal_name=f"Member {member_id}", **fields)
        member.pop("short_name", None)
        d["members"].append(member)

    return change


WITHDRAWN = {"status": "withdrawn", "withdrawal": {"notice_date": "2025-11-01", "effective_date": "2025-12-31"}}
GRANT = {"program": "OVC Services", "funder": "OVC", "applicant": "harbor-hope", "partners": ["omalley"]}
SUBGRANT = {
    "from_member": "harbor-hope",
    "to_member": "omalley",
    "amount": "$10,000",
    "purpose": "Transit passes",
    "agreement_reference": "Subgrant 2025-1",
}
LETTER = {"addressee": "Director", "writers": ["omalley"]}
TERMS = {
    "budget": [{"item": "Transit passes", "amount": 10000}],
    "payment_method": "advance",
    "invoice_frequency": "monthly",
    "report_frequency": "quarterly",
}
BLANKS_BY_DESIGN = {"subgrant-blank"}
"""Rules that block a release without a contradiction: the examples leave a blank on purpose to show one."""

CASES: dict[str, tuple[Change, Change]] = {
    "signatory-missing": (set_path("members.1.signatory", None), set_path("members.1.signatory.name", None)),
    "citation-pending": (
        set_path("mandatory_reporting", {"legal_reference_pending": True}),
        set_path("mandatory_reporting", {"legal_reference": "Example Code § 26.44.030"}),
    ),
    "mou-moves-funds": (
        set_path("conflict_resolution", {"mediation": "A neutral mediator, paid from partnership funds."}),
        set_path("conflict_resolution", {"mediation": "A neutral mediator, paid by Harbor & Hope from grant funds."}),
    ),
    "consistency-member-count": (
        set_path("background", "Three member organizations refer survivors to each other."),
        set_path("background", "The two member organizations refer survivors to each other."),
    ),
    "consistency-votes": (
        set_path("membership", {"expectations": ["Each member casts one vote on joint matters."]}),
        set_path("membership", {"expectations": ["Members do not vote; votes are never taken. Both must agree."]}),
    ),
    "consistency-survivor-pay": (
        set_path("survivor_engagement", {"approach": "Survivor leaders who review materials are paid."}),
        set_path("survivor_engagement.approach", "Survivor leaders who review materials are paid."),
    ),
    "consistency-binding": (
        set_path("purpose", "The parties sign a legally binding agreement to refer survivors."),
        set_path("purpose", "The parties sign a non-binding agreement to refer survivors."),
    ),
    "consistency-grants": (
        set_path("funding", {"grants": [GRANT], "subgrants": [dict(SUBGRANT, from_member="omalley")]}),
        set_path("funding", {"grants": [GRANT], "subgrants": [SUBGRANT]}),
    ),
    "subgrant-blank": (
        set_path("funding", {"grants": [GRANT], "subgrants": [SUBGRANT]}),
        set_path("funding", {"grants": [GRANT], "subgrants": [dict(SUBGRANT, federal=False, terms=TERMS)]}),
    ),
}

# Further contradictions (and their consistent twins) for rules with more than one way to fail.
MORE_CASES: list[tuple[str, Change, Change]] = [
    (
        "consistency-member-count",
        chain(third_member(**WITHDRAWN), set_path("background", "Staff time from all three member agencies.")),
        chain(third_member(**WITHDRAWN), set_path("background", "Staff time from both member agencies.")),
    ),
    (
        # A history event speaks of its own date: three members then, two now.
        "consistency-member-count",
        chain(
            third_member(joined="2025-03-01", **WITHDRAWN),
            set_path("history", [{"date": "2025-01-15", "event": "The three member agencies sign the MOU."}]),
        ),
        chain(
            third_member(joined="2025-03-01", **WITHDRAWN),
            set_path("history", [{"date": "2025-06-01", "event": "The three member agencies sign the MOU."}]),
        ),
    ),
    (
        # An event dated by its month or year speaks of any day in it: three members only from March 2025.
        "consistency-member-count",
        chain(
            third_member(joined="2025-03", **WITHDRAWN),
            set_path("history", [{"date": "2025-02", "event": "The three member agencies sign the MOU."}]),
        ),
        chain(
            third_member(joined="2025-03", **WITHDRAWN),
            set_path("history", [{"date": 2025, "event": "The three member agencies sign the MOU."}]),
        ),
    ),
    (
        "consistency-member-count",
        chain(third_member(), set_path("charter", {"adoption_vote": "By all 2 member organizations."})),
        chain(third_member(), set_path("charter", {"adoption_vote": "By all 3 member organizations."})),
    ),
    (
        "consistency-member-count",
        set_path("purpose", "A 3-member partnership that opens pathways to work."),
        set_path("purpose", "The five members of the steering committee plan at least four partner events."),
    ),
    (
        "consistency-member-count",
        set_path("evaluation", {"logic_model": {"inputs": ["Staff time from 14 voting members"]}}),
        set_path("evaluation", {"logic_model": {"inputs": ["Staff time from 2 voting members"]}}),
    ),
    (
        # 'The two organizations' after naming two of the three members counts those two.
        "consistency-member-count",
        chain(third_member(), set_path("background", "Two years ago the two organizations met.")),
        chain(third_member(), set_path("background", "Harbor & Hope and O'Malley lead; the two organizations meet.")),
    ),
    (
        "consistency-votes",
        set_path("leadership.coordinator", {"title": "Coordinator", "employer": "harbor-hope", "votes": True}),
        set_path("leadership.coordinator", {"title": "Coordinator", "employer": "harbor-hope", "votes": False}),
    ),
    (
        "consistency-votes",
        chain(
            set_path("decision_making", {"method": "consensus", "quorum": "Both.", "fallback": "The leads decide."}),
            CASES["consistency-votes"][0],
        ),
        chain(
            set_path("decision_making", {"method": "consensus", "quorum": "Both.", "fallback": "A two-thirds vote."}),
            CASES["consistency-votes"][0],
        ),
    ),
    (
        "consistency-votes",
        set_path("charter", {"amendment": "A two-thirds vote of the members."}),
        chain(
            set_path("decision_making.method", "representative"),
            set_path("charter", {"amendment": "A two-thirds vote of the members."}),
        ),
    ),
    (
        "consistency-survivor-pay",
        chain(
            set_path("survivor_engagement.compensation", None),
            set_path("onboarding", {"welcome": "Survivors who advise us receive a stipend."}),
        ),
        chain(
            set_path("survivor_engagement.compensation", None),
            set_path("onboarding", {"welcome": "Survivors who want paid work find jobs that last."}),
        ),
    ),
    (
        "consistency-binding",
        chain(set_path("agreement.binding", "binding"), set_path("purpose", "The MOU creates no legal obligations.")),
        chain(set_path("agreement.binding", "binding"), set_path("purpose", "The letter of intent is not binding.")),
    ),
    (
        "consistency-binding",
        set_path("purpose", "Every commitment in this agreement is enforceable in court."),
        set_path("purpose", "VOCA's confidentiality rule is binding on every agreement Harbor & Hope signs."),
    ),
    (
        "consistency-binding",
        set_path("onboarding", {"welcome": "Our commitments become binding only through the MOU."}),
        set_path("onboarding", {"welcome": "Our commitments are made in good faith through the MOU."}),
    ),
    (
        "consistency-grants",
        set_path("funding", {"subgrants": [SUBGRANT]}),
        set_path("funding", {"grants": [GRANT], "subgrants": [SUBGRANT]}),
    ),
    (
        "consistency-grants",
        chain(
            third_member(),
            set_path("funding", {"grants": [dict(GRANT, letter_of_intent=dict(LETTER, writers=["county"]))]}),
        ),
        chain(
            third_member(),
            set_path("funding", {"grants": [dict(GRANT, partners=["omalley", "county"], letter_of_intent=LETTER)]}),
        ),
    ),
    (
        "consistency-grants",
        chain(
            third_member(), set_path("funding", {"grants": [GRANT], "subgrants": [dict(SUBGRANT, to_member="county")]})
        ),
        chain(
            third_member(),
            set_path(
                "funding",
                {"grants": [dict(GRANT, partners=["county"])], "subgrants": [dict(SUBGRANT, to_member="county")]},
            ),
        ),
    ),
    (
        "consistency-grants",
        set_path("funding", {"grants": [GRANT], "subgrants": [dict(SUBGRANT, to_member="harbor-hope")]}),
        set_path("funding", {"grants": [GRANT], "subgrants": [SUBGRANT]}),
    ),
]


def rules_found(write: Callable[..., Path], data: dict[str, Any]) -> set[str]:
    return {finding.rule for finding in lint_all(load_partnerships([write(data)]))}


def test_every_consistency_rule_has_cases() -> None:
    assert set(CONSISTENCY) == set(CASES)
    assert all(rule_id in CASES for rule_id, _, _ in MORE_CASES)


@pytest.mark.parametrize(
    ("rule_id", "failing", "passing"),
    [(rule_id, *CASES[rule_id]) for rule_id in sorted(CASES)] + MORE_CASES,
    ids=[*sorted(CASES), *(f"{rule_id}-{n}" for n, (rule_id, _, _) in enumerate(MORE_CASES))],
)
def test_rule_fails_on_the_contradiction_only(
    write_partnership: Callable[..., Path], rule_id: str, failing: Change, passing: Change
) -> None:
    bad, good = clean(), clean()
    failing(bad)
    passing(good)
    assert rule_id in rules_found(write_partnership, bad)
    assert rule_id not in rules_found(write_partnership, good)


def test_the_examples_contradict_themselves_nowhere() -> None:
    findings = lint_all(load_partnerships(EXAMPLES))
    assert [str(f) for f in findings if f.rule in set(CONSISTENCY) - BLANKS_BY_DESIGN] == []


def test_finding_points_at_the_line_and_says_what_contradicts_what(write_partnership: Callable[..., Path]) -> None:
    data = clean()
    data["history"] = [{"date": "2025-10-01", "event": "Fourteen member agencies sign the MOU."}]
    path = write_partnership(data)
    result = runner.invoke(main, ["lint", str(path)])
    assert result.exit_code == 0
    line, column = next(
        (n, text.index("Fourteen") + 1) for n, text in enumerate(path.read_text().splitlines(), 1) if "Fourteen" in text
    )
    assert (
        f"{path}:{line}:{column}: history[0].event: warning[consistency-member-count]: This text counts 14 in "
        "“Fourteen member agencies sign the MOU.”, but on October 1, 2025 the partnership had 2 members, going by "
        "'joined' and 'withdrawal'. Write 2, or leave the number out so the text stays true when members join or "
        "leave." in result.output.splitlines()
    )


def test_strict_lint_makes_contradictions_errors(write_partnership: Callable[..., Path]) -> None:
    data = clean()
    CASES["consistency-votes"][0](data)
    result = runner.invoke(main, ["lint", "--strict", str(write_partnership(data))])
    assert result.exit_code == 1
    assert (
        "membership.expectations[0]: error[consistency-votes]: This text mentions a vote, “Each member casts one "
        in (result.output)
    )


def contradicting_approved_file(write: Callable[..., Path]) -> Path:
    data = clean()
    CASES["consistency-member-count"][0](data)
    path = write(data)
    for member in ("harbor-hope", "omalley"):
        approve(path, "mou", member, "2026-03-01")
    return path


def test_a_contradiction_holds_approved_documents_back_and_all_final_refuses_it(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = contradicting_approved_file(write_partnership)
    strict = ["build", str(path), "--all-final", "--kind", "mou", "--out", str(tmp_path / "rel")]
    refused = runner.invoke(main, strict)
    assert refused.exit_code == 1
    assert "background: error[consistency-member-count]: This text counts 3 in " in refused.output
    assert not (tmp_path / "rel").exists()
    # Approved by everyone, yet a draft: a final document must not state a fact two ways.
    for command in (["build"], ["build", "--release"]):
        result = runner.invoke(main, [*command, str(path), "--kind", "mou", "--out", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
        assert "background: warning[consistency-member-count]" in result.output
        assert "[DRAFT]" in result.output and "[final]" not in result.output
    text = (tmp_path / "out" / path.stem / "mou.txt").read_text(encoding="utf-8")
    assert "has blanks to complete or facts to correct first" in text
    # The documents are now up to date, so nothing is rendered: the strict release must still refuse.
    cached = runner.invoke(main, [*strict[:-1], str(tmp_path / "out")])
    assert cached.exit_code == 1
    assert "background: error[consistency-member-count]" in cached.output


def test_release_still_treats_other_lint_findings_as_warnings(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = clean()
    data["members"][1]["contacts"].pop("backup")
    path = write_partnership(data)
    for member in ("harbor-hope", "omalley"):
        approve(path, "mou", member, "2026-03-01")
    result = runner.invoke(main, ["build", str(path), "--release", "--kind", "mou", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "warning[member-without-backup]" in result.output
    assert "[final]" in result.output


# --- Counts in words --------------------------------------------------------------------------

_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"]
_WORDS += ["twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spelled(n: int, separator: str = "-") -> str:
    """An independent spelling of 0-99, to check the parser against."""
    if n < 20:
        return _WORDS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"{separator}{_WORDS[unit]}" if unit else "")


@given(st.integers(0, 99), st.sampled_from(["-", " "]), st.sampled_from([str.lower, str.capitalize, str.upper]))
def test_counts_in_words_read_back(n: int, separator: str, case: Callable[[str], str]) -> None:
    assert number_value(case(spelled(n, separator))) == n
    assert number_value(str(n)) == n


@given(st.sampled_from(["fourteenth", "forty-fourteen", "one two", "", "1,000", "twenty-"]))
def test_what_is_not_one_count_reads_as_none(text: str) -> None:
    assert number_value(text) is None


def _member_count_findings(data: dict[str, Any]) -> list[str]:
    check = CONSISTENCY["consistency-member-count"].check
    return [message for _, message in check(Partnership.model_validate(data))]


@settings(max_examples=60, deadline=None)
@given(
    members=st.integers(2, 16),
    said=st.integers(2, 99),
    digits=st.booleans(),
    noun=st.sampled_from(["member agencies", "organizations", "partner organizations", "members", "parties"]),
)
def test_a_count_is_flagged_exactly_when_it_differs(members: int, said: int, digits: bool, noun: str) -> None:
    data = clean()
    data["members"] = [
        dict(copy.deepcopy(data["members"][0]), id=f"m{i}", legal_name=f"Member {i}") for i in range(members)
    ]
    data["leadership"] = {"model": "primary_lead", "leads": ["m0"]}
    number = str(said) if digits else spelled(said).capitalize()
    data["level_note"] = f"{number} {noun} share goals and protocols."
    findings = _member_count_findings(data)
    assert bool(findings) == (said != members)
    if findings:
        assert f"counts {said} in “{number} {noun}" in findings[0]
        assert f"has {members} current members" in findings[0]
