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
from pipeline.i18n import N_, _, _p
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
    name=N_("National Human Trafficking Hotline"),
    number=N_("1-888-373-7888, or text 233733"),
    use=N_("Advice, or a confidential report of possible trafficking, at any hour."),
    organization=N_("a national line, not a member"),
    languages=N_("English and Spanish, and many more through interpreters"),
)
"""The national hotline (call 1-888-373-7888, text 233733): answered around the clock, every day of the year.

In English, the catalog's source: a document takes `national_hotline()`, worded in its own language."""

EMERGENCY = Line(
    name=N_("Police, fire and ambulance"),
    number="911",
    use=N_("Anyone in immediate danger."),
    organization=N_("Emergency services"),
    languages=N_("Interpreters on request"),
)
"""Emergency services, in English: a document takes `emergency_services()`."""


def national_hotline() -> Line:
    """The national hotline in the language of the document being written."""
    return _translated(NATIONAL_HOTLINE)


def emergency_services() -> Line:
    """911 in the language of the document being written."""
    return _translated(EMERGENCY)


def _translated(line: Line) -> Line:
    # The number is a message too: the hotline's says "or text 233733", which a reader needs in their language.
    # An empty text stays empty (gettext would answer "" with the catalog's header).
    texts = (line.name, line.number, line.use, line.organization, line.languages)
    return Line(*(_(text) if text and not text.isdigit() else text for text in texts))


def line_name(member: Member) -> str:
    """'Bridgewell advocate line', or 'Bridgewell crisis line' when the file does not name the line."""
    # Translators: {member} is a member organization's short name, e.g. 'Bridgewell crisis line'.
    return member.crisis_line_name or _("{member} crisis line", member=member.name)


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
            use=sentence(m.crisis_line_use) if m.crisis_line_use else _("Answered 24 hours a day."),
            organization=m.name,
            # Translators: in the "Languages served" column of a crisis line the partnership file gives none for.
            languages=join_and(m.languages) or _p("languages of a crisis line", "Not listed"),
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


__all__ = [
    "EMERGENCY",
    "NATIONAL_HOTLINE",
    "Line",
    "emergency_services",
    "first_line",
    "line_name",
    "member_lines",
    "national_hotline",
]
