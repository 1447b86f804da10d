"""The onboarding packet answers a new member's practical questions (docs/new-member-questions.md, issue 11 item 11).

One test reads every example packet for the answers that come from the file (each number, the person to ask,
the mentor rule); the others pin each fix made while answering the questions, so that they fail on the old
wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES
from pipeline.audience import Audience
from pipeline.contexts.common import contact_view
from pipeline.contexts.onboarding_card import helpers
from pipeline.contexts.wording import maybe
from schemas import Partnership

HOTLINE = "1-888-373-7888, or text 233733"


def _packet(built: Path, slug: str) -> str:
    return (built / slug / "onboarding-packet.txt").read_text(encoding="utf-8")


def _partnership(path: Path) -> Partnership:
    return Partnership.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _paragraph(text: str, needle: str) -> str:
    """The line (paragraph or table row) of `text` where `needle` first occurs."""
    at = text.index(needle)
    return text[text.rfind("\n", 0, at) + 1 : text.find("\n", at)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_packet_holds_the_answers_its_file_gives(built_examples: Path, example: Path) -> None:
    partnership = _partnership(example)
    packet = _packet(built_examples, example.stem)
    card = packet.split("## About this packet")[0]
    # 1-3: every member's 24-hour line, 911 and the national hotline, on the card itself.
    for member in partnership.current_members:
        if member.crisis_line:
            assert member.crisis_line in card, member.id
    assert "| 911 |" in card
    assert HOTLINE in card
    # 5-6: the coordinator, or whoever stands in, by name with every detail members may see.
    found = helpers(partnership, Audience.members)
    assert found
    for helper in found:
        assert helper.view.name and helper.view.name in card
        for detail in helper.reach:
            assert detail in card
    # 7: the mentor rule from the file, and what to do without a mentor.
    if partnership.onboarding.mentor:
        assert maybe(partnership.onboarding.mentor) in packet
    assert f"No mentor after two weeks? Ask {found[0].view.name}." in card
    # 14: how to warm-transfer, not only the word.
    assert "### How to warm-transfer a caller" in packet
    # 18: what each member may promise; 20: how to leave, when the file says.
    assert "### What each member may promise" in packet
    if partnership.membership.resignation or (partnership.agreement and partnership.agreement.termination_notice_days):
        assert "\nLeaving. " in packet
    # Every spokesperson whose role is a named contact's title can be reached.
    for person in partnership.media.spokespeople if partnership.media else []:
        member = partnership.member(person.member)
        for contact in filter(None, (member.contacts.primary, member.contacts.backup)):
            if contact.title.casefold() == person.role.casefold():
                view = contact_view(contact, Audience.members)
                assert f"{person.role} ({view.name}" in packet


def test_an_empty_coordinator_post_sends_readers_to_the_named_stand_in(built_examples: Path) -> None:
    packet = _packet(built_examples, "westhaven-alliance")
    # Old wording sent readers to a post nobody holds: "give it to the Alliance Coordinator".
    assert "the Alliance Coordinator." not in packet
    assert "Please sign this form and give it to the primary contact at WCADSV (Margaret Okonkwo-Lund)." in packet
    assert "To get access, ask the primary contact at WCADSV (Margaret Okonkwo-Lund)." in packet
    assert "ask this person wherever this packet tells you to ask or tell the Coordinator." in packet


def test_a_named_coordinator_is_named_wherever_readers_are_sent_to_them(built_examples: Path) -> None:
    packet = _packet(built_examples, "riverbend-task-force")
    assert "tell the Task Force Coordinator (Marisa Quintero) so this directory stays current." in packet
    assert "Please sign this form and give it to the Task Force Coordinator (Marisa Quintero)." in packet


def test_shared_records_access_names_a_person_not_an_organization(built_examples: Path) -> None:
    packet = _packet(built_examples, "harbor-hope-omalley")
    assert "To get access, ask Harbor & Hope." not in packet
    assert "To get access, ask the primary contact at Harbor & Hope (Thomas Nguyen)." in packet
    assert "your contact at Harbor & Hope" not in packet


def test_a_reporter_call_ends_with_someone_the_reader_can_reach(built_examples: Path) -> None:
    riverbend = _packet(built_examples, "riverbend-task-force")
    rule = _paragraph(riverbend, "If a reporter contacts you")
    assert "mquintero@bridgewell.example or (608) 555-0125" in rule
    westhaven = _packet(built_examples, "westhaven-alliance")
    assert (
        "UFHW Local 214, Organizing Director (Rosa Delgado-Ferreira, rdelgado-ferreira@ufhw214.example, "
        "(541) 555-0130): Labor trafficking and workers' rights." in westhaven
    )


@pytest.mark.parametrize(
    ("slug", "answer"),
    [
        (
            "riverbend-task-force",
            "The advocate on the Bridgewell advocate line can refer the person, if they agree, to Legal Aid, whose "
            "services include: Immigration relief (T and U visas, continued presence support). Its primary contact is "
            "Hannah Kessler-Obi, at hkessler-obi@tririverslegal.example or (608) 555-0171.",
        ),
        (
            "westhaven-alliance",
            "If the person agrees, refer them to the Justice Project, whose services include: "
            "T visa and other immigration relief for survivors.",
        ),
        (
            "harbor-hope-omalley",
            "Our members do not give immigration legal help. Ask the primary contact at Harbor & Hope (Thomas "
            "Nguyen), or the National Human Trafficking Hotline (1-888-373-7888), where to find it.",
        ),
    ],
)
def test_a_person_who_fears_immigration_enforcement_is_sent_somewhere(
    built_examples: Path, slug: str, answer: str
) -> None:
    packet = _packet(built_examples, slug)
    section = packet[packet.index("### If the person fears immigration enforcement") : packet.index("## 2.")]
    assert "do not ask about it" in section
    assert answer in section


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_call_tree_is_explained_where_a_member_first_meets_it(built_examples: Path, example: Path) -> None:
    packet = _packet(built_examples, example.stem)
    assert "a chain of phone calls" in _paragraph(packet, "call tree")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_member_who_learns_of_a_crisis_first_knows_whom_to_tell(built_examples: Path, example: Path) -> None:
    partnership = _partnership(example)
    packet = _packet(built_examples, example.stem)
    report = _paragraph(packet, "If you are the first to learn of a crisis")
    assert packet.index(report) < packet.index("When it is activated, this is what we ask of you:")
    helper = helpers(partnership, Audience.members)[0]
    assert all(detail in report for detail in helper.reach)


def test_the_story_rule_is_a_whole_sentence_without_survivor_pay(built_examples: Path) -> None:
    packet = _packet(built_examples, "harbor-hope-omalley")
    assert "decides what to say, agrees first." not in packet
    assert "A survivor who chooses to share decides what to say and agrees first." in packet
    paid = _packet(built_examples, "riverbend-task-force")
    assert "decides what to say, agrees first, and is paid for their time." in paid
