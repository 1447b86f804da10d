"""The phone lines a member may be told to call or warm-transfer to, shared by the guide and the packet.

A document that tells its reader to call a line prints the number beside the instruction (issue 11, item 8),
so both documents draw their lines from here: each current member's 24-hour line, the member the referral
protocol calls first leading, and the National Human Trafficking Hotline, which every coalition in the
United States can use whatever its members run.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.contexts.wording import sentence
from pipeline.formatting import join_and
from schemas import Partnership
from schemas.members import Member


@dataclass(frozen=True)
class Line:
    """A phone line, with what it is called and when to use it."""

    name: str
    number: str
    use: str
    organization: str
    """Who answers it: a member's short name, or 'Not a member' for a national line."""
    languages: str


NATIONAL_HOTLINE = Line(
    name="National Human Trafficking Hotline",
    number="1-888-373-7888, or text 233733",
    use="Advice, or a confidential report of possible trafficking, at any hour.",
    organization="a national line, not a member",
    languages="English and Spanish, and many more through interpreters",
)
"""The national hotline (call 1-888-373-7888, text 233733): answered around the clock, every day of the year."""

EMERGENCY = Line(
    name="Police, fire and ambulance",
    number="911",
    use="Anyone in immediate danger.",
    organization="Emergency services",
    languages="Interpreters on request",
)


def line_name(member: Member) -> str:
    """'Bridgewell advocate line', or 'Bridgewell crisis line' when the file does not name the line."""
    return member.crisis_line_name or f"{member.name} crisis line"


def member_lines(partnership: Partnership) -> tuple[Line, ...]:
    """Each current member's 24-hour line, the one the referral protocol calls first leading."""
    protocol = partnership.referral_protocol
    first = protocol.first_call if protocol else None
    members = [m for m in partnership.current_members if m.crisis_line]
    members.sort(key=lambda m: m.id != first)
    return tuple(
        Line(
            name=line_name(m),
            number=m.crisis_line or "",
            use=sentence(m.crisis_line_use) if m.crisis_line_use else "Answered 24 hours a day.",
            organization=m.name,
            languages=join_and(m.languages) or "Not listed",
        )
        for m in members
    )


def first_line(partnership: Partnership) -> Line | None:
    """The line the referral protocol calls first, when it names a current member that has one."""
    protocol = partnership.referral_protocol
    if protocol is None or protocol.first_call is None:
        return None
    lines = member_lines(partnership)
    first = next((m for m in partnership.current_members if m.id == protocol.first_call and m.crisis_line), None)
    return lines[0] if first and lines else None


__all__ = ["EMERGENCY", "NATIONAL_HOTLINE", "Line", "first_line", "line_name", "member_lines"]
