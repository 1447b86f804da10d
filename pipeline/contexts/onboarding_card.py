"""The front of the New-Member Onboarding Packet: the quick-reference card, whom to ask, and what a draft is worth.

A new member's representative must be able to act on the first page alone, day or night: what to do on
meeting a possible victim, every number they are told to call, the coordinator (or whoever stands in for
one) with a way to reach them, a line for their mentor, and where the rest of the packet answers their
other questions. Nothing here may name a detail the members' audience cannot see: when a number is
hidden, the card says who gives it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import ContactView, contact_view, current_member, current_names
from pipeline.contexts.crisis_lines import EMERGENCY, NATIONAL_HOTLINE, Line, first_line, member_lines
from pipeline.contexts.seats import SeatView, Sitter, seat_views, signing_seats
from pipeline.contexts.wording import number_word, organization
from pipeline.formatting import join_and, long_date
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import LeadershipModel, Sector

BLANK = "________________"


@dataclass(frozen=True)
class CardPerson:
    """One row of the card's 'people' table."""

    role: str
    person: str
    reach: tuple[str, ...]
    """Never empty, so the table cell keeps a paragraph."""


@dataclass(frozen=True)
class Helper:
    """Whom a new member asks first: the coordinator, or the person who stands in for one."""

    role: str
    view: ContactView
    note: str
    """Why this person, when it is not a coordinator in post; '' otherwise."""
    stands_in_for: str = ""
    """The title of the coordinator this person stands in for while the post has no name; '' otherwise."""
    heading: str = ""
    """The role as a table heading: the coordinator's title as typed, or 'Primary contact at ...'."""

    @property
    def reach(self) -> tuple[str, ...]:
        return tuple(x for x in (self.view.email, self.view.phone) if x)

    @property
    def named(self) -> str:
        """'the Task Force Coordinator, Marisa Quintero' or 'the Alliance Coordinator', for the end of a sentence."""
        return f"{self.role}, {self.view.name}" if self.view.name else self.role

    @property
    def inline(self) -> str:
        """'the Task Force Coordinator (Marisa Quintero)': reads right anywhere in a sentence, not only at its end."""
        return f"{self.role} ({self.view.name})" if self.view.name else self.role

    @property
    def with_contacts(self) -> str:
        """The helper with every visible way to reach them, ending a sentence: '..., at x@y or (608) 555-0125'."""
        reach = " or ".join(self.reach)
        return f"{self.named}, at {reach}" if reach else self.named


def helpers(partnership: Partnership, audience: Audience) -> tuple[Helper, ...]:
    """The coordinator in post; else the employer's primary contact; else the leaders' primary contacts."""
    leadership = partnership.leadership
    coordinator = leadership.coordinator
    if coordinator and (contact := coordinator.contact):
        return (Helper(f"the {coordinator.title}", contact_view(contact, audience), "", heading=coordinator.title),)
    if coordinator and (employer := current_member(partnership, coordinator.employer)):
        # Free text in the file says "the Coordinator" too; the note tells readers whom that means for now.
        note = (
            f"Our {coordinator.title} is not named in our records yet. Until one is, ask this person wherever "
            "this packet tells you to ask or tell the Coordinator."
        )
        return (_primary(employer, audience, note, coordinator.title),)
    if leadership.model is LeadershipModel.core_group:
        seats = signing_seats(seat_views(partnership, audience))
        return tuple(_in_seat(view, view.acting, audience) for view in seats if view.acting)
    members = [m for i in leadership.leads if (m := current_member(partnership, i))]
    return tuple(_primary(m, audience, "") for m in members)


def _in_seat(view: SeatView, acting: Sitter, audience: Audience) -> Helper:
    """Whoever acts in a convening seat: its holder's primary contact, or the person standing in for them
    (reached through the member's other contact when the file lists no details for them)."""
    member, contact = acting.member, acting.contact
    if contact is None:
        others = [c for c in (member.primary_contact, member.backup_contact) if c is not None]
        contact = next((c for c in others if not (view.absent and view.absent.is_named(c.name))), others[0])
    if contact is member.primary_contact:
        return _primary(member, audience, "")
    name = organization(member.name)
    return Helper(
        f"the core group member at {name}", contact_view(contact, audience), "", heading=f"Core group member at {name}"
    )


def _primary(member: Member, audience: Audience, note: str, stands_in_for: str = "") -> Helper:
    view = contact_view(member.primary_contact, audience)
    name = organization(member.name)
    return Helper(f"the primary contact at {name}", view, note, stands_in_for, f"Primary contact at {name}")


def _card_people(partnership: Partnership, audience: Audience, found: tuple[Helper, ...]) -> tuple[CardPerson, ...]:
    rows = []
    for helper in found:
        reach = helper.reach or (f"Ask {helper.role} for a number through your own organization’s contact.",)
        person = helper.view.name or helper.view.label
        role = helper.heading
        if helper.stands_in_for:
            role += f", standing in for our {helper.stands_in_for}"
        rows.append(CardPerson(role, person, reach))
    mentor_from = (found[0].view.name or found[0].named) if found else "the leaders"
    rows.append(
        CardPerson(
            "Your mentor",
            f"Name: {BLANK}",
            (f"Phone: {BLANK}", f"No mentor after two weeks? Ask {mentor_from}."),
        )
    )
    return tuple(rows)


def _first_steps(partnership: Partnership, first: Line | None, child_line: Line | None) -> tuple[str, ...]:
    """What to do on meeting a possible victim, in order; every line named here is in the card's table."""
    steps = ["If anyone is in immediate danger, call 911."]
    if first:
        steps.append(f"Then call the {first.name}, {first.number}, at any hour, before you take any other step.")
    else:
        steps.append(
            "Then call the member line in the table below that fits the person, or the National Human "
            "Trafficking Hotline, at any hour."
        )
    minors = partnership.mandatory_reporting.minors
    if child_line:
        steps.append(f"If the person may be under 18, call the {child_line.name}, {child_line.number}, too.")
    elif minors:
        # The full rule is in section 2; the card keeps to the action, so that it fits one page.
        steps.append("If the person may be under 18, the law may require a report: use the child abuse line below.")
    steps.append("Before they tell you more, say what you would have to report. Promise no more secrecy than that.")
    steps.append("Share nothing that could identify them without their signed release (written permission).")
    return tuple(steps)


def card_part(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """The quick-reference card and the ways the rest of the packet names whom to ask."""
    found = helpers(partnership, audience)
    lines = member_lines(partnership)
    first = first_line(partnership)
    child = _child_line(partnership, lines)
    numbers = [EMERGENCY, *lines, NATIONAL_HOTLINE]
    if child is None and partnership.mandatory_reporting.minors:
        # The reporting rule for minors sends readers to a line; when no member runs it, the card says so.
        numbers.insert(
            len(lines) + 1,
            Line(
                name="Child abuse reporting line",
                number=f"Not on file yet. Ask the first person below; write it here: {BLANK}",
                use="A child or teen under 18 who may be abused or trafficked.",
                organization="",
                languages="",
            ),
        )
    helper_text = " or ".join(h.with_contacts for h in found) or "the leaders"
    return {
        "card_steps": _first_steps(partnership, first, child),
        "card_lines": tuple(numbers),
        "card_people": _card_people(partnership, audience, found),
        "helper": helper_text,
        "helper_note": found[0].note if found else "",
        # Mid-sentence references ("give it to ...") name the person, whose contacts the card prints;
        # a title alone is no help while the post is empty or when the reader's own organization leads.
        "ask_who": " or ".join(h.inline for h in found) or "the leaders",
    }


def _child_line(partnership: Partnership, lines: tuple[Line, ...]) -> Line | None:
    """The 24-hour line of a child-welfare member, where reports about minors go."""
    child_welfare = {m.name for m in partnership.current_members if m.sector is Sector.child_welfare}
    return next((line for line in lines if line.organization in child_welfare), None)


def draft_part(partnership: Partnership) -> dict[str, Any]:
    """What a reader may rely on while the packet is a draft: the parts that rest on something already in force."""
    reliable = [
        "the phone numbers and contacts, which come from the records our members keep current;",
        "the confidentiality and mandated-reporting rules in section 2, which come from the law and from each "
        "member’s own duties, and bind you whether or not this packet is approved;",
    ]
    agreement = partnership.agreement
    if agreement and agreement.effective_date:
        reliable.append(
            f"what section 1 says about referrals, which follows our {agreement.type.label}, in effect since "
            f"{long_date(agreement.effective_date)};"
        )
    if partnership.charter.adopted:
        reliable.append(
            f"how decisions pass (section 7), which follows our Governance Charter, adopted "
            f"{long_date(partnership.charter.adopted)};"
        )
    reliable[-1] = reliable[-1].removesuffix(";") + "."
    return {"draft_reliable": tuple(reliable)}


def core_team_text(partnership: Partnership) -> str:
    """Who the core team is, worded from the leadership the file describes."""
    leadership = partnership.leadership
    leads = current_names(partnership, leadership.leads)
    if leadership.model is LeadershipModel.core_group:
        who = "the members of the core group, which leads us"
    elif leadership.model is LeadershipModel.co_leadership and leads:
        names = join_and(organization(n) for n in leads)
        who = f"the {number_word(len(leads))} co-lead organizations, {names}, which lead us"
    elif leads:
        who = f"the contacts at {organization(leads[0])}, our lead organization"
    else:
        who = "the people who lead us"
    if leadership.coordinator:
        who += f", and our {leadership.coordinator.title}"
    return f"The core team means {who}."


__all__ = ["CardPerson", "Helper", "card_part", "core_team_text", "draft_part", "helpers"]
