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
from pipeline.contexts.crisis_lines import Line, emergency_services, first_line, member_lines, national_hotline
from pipeline.contexts.onboarding_texts import and_list, or_list
from pipeline.contexts.seats import SeatView, Sitter, seat_views, signing_seats
from pipeline.contexts.wording import number_word, organization
from pipeline.formatting import long_date
from pipeline.i18n import _, _n
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
    """The role as a sentence names it: 'the Task Force Coordinator', 'the primary contact at Bridgewell'."""
    view: ContactView
    note: str
    """Why this person, when it is not a coordinator in post; '' otherwise."""
    stands_in_for: str = ""
    """The title of the coordinator this person stands in for while the post has no name; '' otherwise."""
    heading: str = ""
    """The role as a table heading: the coordinator's title as typed, or 'Primary contact at ...'."""
    named: str = ""
    """'the Task Force Coordinator, Marisa Quintero' or 'the Alliance Coordinator', for the end of a sentence."""
    inline: str = ""
    """'the Task Force Coordinator (Marisa Quintero)': reads right anywhere in a sentence, not only at its end."""

    @property
    def reach(self) -> tuple[str, ...]:
        return tuple(x for x in (self.view.email, self.view.phone) if x)

    @property
    def with_contacts(self) -> str:
        """The helper with every visible way to reach them, ending a sentence: '..., at x@y or (608) 555-0125'."""
        if not self.reach:
            return self.named
        # Translators: {person} is someone to ask, e.g. "the Task Force Coordinator, Marisa Quintero"; {reach} is an
        # e-mail address and/or a phone number.
        return _("{person}, at {reach}", person=self.named, reach=or_list(self.reach))


def helpers(partnership: Partnership, audience: Audience) -> tuple[Helper, ...]:
    """The coordinator in post; else the employer's primary contact; else the leaders' primary contacts."""
    leadership = partnership.leadership
    coordinator = leadership.coordinator
    if coordinator and (contact := coordinator.contact):
        return (_coordinator(coordinator.title, contact_view(contact, audience)),)
    if coordinator and (employer := current_member(partnership, coordinator.employer)):
        # Free text in the file says "the Coordinator" too; the note tells readers whom that means for now.
        note = _(
            "Our {title} is not named in our records yet. Until one is, ask this person wherever this packet tells "
            "you to ask or tell the Coordinator.",
            title=coordinator.title,
        )
        return (_primary(employer, audience, note, coordinator.title),)
    if leadership.model is LeadershipModel.core_group:
        seats = signing_seats(seat_views(partnership, audience))
        return tuple(_in_seat(view, view.acting, audience) for view in seats if view.acting)
    members = [m for i in leadership.leads if (m := current_member(partnership, i))]
    return tuple(_primary(m, audience, "") for m in members)


def _coordinator(title: str, view: ContactView) -> Helper:
    """The coordinator in post; `title` is their job title as the file types it ('Task Force Coordinator')."""
    # Translators: {title} is a job title as the partnership file types it, e.g. "Task Force Coordinator".
    role = named = inline = _("the {title}", title=title)
    if view.name:
        # Translators: {title} is a job title ("Task Force Coordinator"), {name} the person who holds it.
        named = _("the {title}, {name}", title=title, name=view.name)
        # Translators: {title} is a job title ("Task Force Coordinator"), {name} the person who holds it.
        inline = _("the {title} ({name})", title=title, name=view.name)
    return Helper(role, view, "", heading=title, named=named, inline=inline)


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
    shown = contact_view(contact, audience)
    role = named = inline = _("the core group member at {organization}", organization=name)
    if shown.name:
        # Translators: {organization} is a member organization, {name} the person who sits for it in the core group.
        named = _("the core group member at {organization}, {name}", organization=name, name=shown.name)
        # Translators: {organization} is a member organization, {name} the person who sits for it in the core group.
        inline = _("the core group member at {organization} ({name})", organization=name, name=shown.name)
    heading = _("Core group member at {organization}", organization=name)
    return Helper(role, shown, "", heading=heading, named=named, inline=inline)


def _primary(member: Member, audience: Audience, note: str, stands_in_for: str = "") -> Helper:
    view = contact_view(member.primary_contact, audience)
    name = organization(member.name)
    role = named = primary_contact_at(name)
    if view.name:
        # Translators: {organization} is a member organization, {name} the person who is its primary contact.
        named = _("the primary contact at {organization}, {name}", organization=name, name=view.name)
    heading = _("Primary contact at {organization}", organization=name)
    return Helper(role, view, note, stands_in_for, heading, named=named, inline=primary_contact_at(name, view.name))


def primary_contact_at(organization: str, name: str = "") -> str:
    """'the primary contact at Bridgewell', with the person's name in brackets when it may be shown."""
    if name:
        # Translators: {organization} is a member organization, {name} the person who is its primary contact.
        return _("the primary contact at {organization} ({name})", organization=organization, name=name)
    return _("the primary contact at {organization}", organization=organization)


def _card_people(partnership: Partnership, audience: Audience, found: tuple[Helper, ...]) -> tuple[CardPerson, ...]:
    rows = []
    for helper in found:
        reach = helper.reach or (
            _("Ask {person} for a number through your own organization’s contact.", person=helper.role),
        )
        person = helper.view.name or helper.view.label
        role = helper.heading
        if helper.stands_in_for:
            # Translators: {role} is a table heading such as "Primary contact at Bridgewell"; {title} the job
            # title of the coordinator whose post has nobody named yet.
            role = _("{role}, standing in for our {title}", role=role, title=helper.stands_in_for)
        rows.append(CardPerson(role, person, reach))
    mentor_from = (found[0].view.name or found[0].named) if found else _("the leaders")
    rows.append(
        CardPerson(
            _("Your mentor"),
            _("Name: {blank}", blank=BLANK),
            (
                _("Phone: {blank}", blank=BLANK),
                # Translators: {person} is a name, or a role such as "the Task Force Coordinator".
                _("No mentor after two weeks? Ask {person}.", person=mentor_from),
            ),
        )
    )
    return tuple(rows)


def _first_steps(partnership: Partnership, first: Line | None, child_line: Line | None) -> tuple[str, ...]:
    """What to do on meeting a possible victim, in order; every line named here is in the card's table."""
    steps = [_("If anyone is in immediate danger, call 911.")]
    if first:
        # Translators: {line} is the name of a member's phone line ("Bridgewell advocate line"), {number} its number.
        steps.append(
            _(
                "Then call the {line}, {number}, at any hour, before you take any other step.",
                line=first.name,
                number=first.number,
            )
        )
    else:
        steps.append(
            _(
                "Then call the member line in the table below that fits the person, or the National Human "
                "Trafficking Hotline, at any hour."
            )
        )
    minors = partnership.mandatory_reporting.minors
    if child_line:
        # Translators: {line} is the name of a child-welfare member's line, {number} its number.
        steps.append(
            _(
                "If the person may be under 18, call the {line}, {number}, too.",
                line=child_line.name,
                number=child_line.number,
            )
        )
    elif minors:
        # The full rule is in section 2; the card keeps to the action, so that it fits one page.
        steps.append(_("If the person may be under 18, the law may require a report: use the child abuse line below."))
    steps.append(_("Before they tell you more, say what you would have to report. Promise no more secrecy than that."))
    steps.append(_("Share nothing that could identify them without their signed release (written permission)."))
    return tuple(steps)


def card_part(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """The quick-reference card and the ways the rest of the packet names whom to ask."""
    found = helpers(partnership, audience)
    lines = member_lines(partnership)
    first = first_line(partnership)
    child = _child_line(partnership, lines)
    numbers = [emergency_services(), *lines, national_hotline()]
    if child is None and partnership.mandatory_reporting.minors:
        # The reporting rule for minors sends readers to a line; when no member runs it, the card says so.
        numbers.insert(
            len(lines) + 1,
            Line(
                name=_("Child abuse reporting line"),
                # Translators: {blank} is a line of underscores to write the number on.
                number=_("Not on file yet. Ask the first person below; write it here: {blank}", blank=BLANK),
                use=_("A child or teen under 18 who may be abused or trafficked."),
                organization="",
                languages="",
            ),
        )
    return {
        "card_steps": _first_steps(partnership, first, child),
        "card_lines": tuple(numbers),
        "card_people": _card_people(partnership, audience, found),
        "helper": or_list(h.with_contacts for h in found) or _("the leaders"),
        "helper_note": found[0].note if found else "",
        # Mid-sentence references ("give it to ...") name the person, whose contacts the card prints;
        # a title alone is no help while the post is empty or when the reader's own organization leads.
        "ask_who": or_list(h.inline for h in found) or _("the leaders"),
    }


def _child_line(partnership: Partnership, lines: tuple[Line, ...]) -> Line | None:
    """The 24-hour line of a child-welfare member, where reports about minors go."""
    child_welfare = {m.name for m in partnership.current_members if m.sector is Sector.child_welfare}
    return next((line for line in lines if line.organization in child_welfare), None)


def draft_part(partnership: Partnership) -> dict[str, Any]:
    """What a reader may rely on while the packet is a draft: the parts that rest on something already in force."""
    # Translators: the items of this list end with a semicolon; the last one's semicolon becomes a full stop.
    reliable = [
        _("the phone numbers and contacts, which come from the records our members keep current;"),
        _(
            "the confidentiality and mandated-reporting rules in section 2, which come from the law and from each "
            "member’s own duties, and bind you whether or not this packet is approved;"
        ),
    ]
    agreement = partnership.agreement
    if agreement and agreement.effective_date:
        reliable.append(
            # Translators: {agreement} is "Memorandum of Understanding" or "Memorandum of Agreement".
            _(
                "what section 1 says about referrals, which follows our {agreement}, in effect since {date};",
                agreement=agreement.type.label,
                date=long_date(agreement.effective_date),
            )
        )
    if partnership.charter.adopted:
        reliable.append(
            _(
                "how decisions pass (section 7), which follows our Governance Charter, adopted {date};",
                date=long_date(partnership.charter.adopted),
            )
        )
    reliable[-1] = reliable[-1].removesuffix(";") + "."
    return {"draft_reliable": tuple(reliable)}


def core_team_text(partnership: Partnership) -> str:
    """Who the core team is, worded from the leadership the file describes: one whole sentence for each way of
    leading, with or without a coordinator."""
    leadership = partnership.leadership
    leads = current_names(partnership, leadership.leads)
    title = leadership.coordinator.title if leadership.coordinator else ""
    if leadership.model is LeadershipModel.core_group:
        if title:
            return _("The core team means the members of the core group, which leads us, and our {title}.", title=title)
        return _("The core team means the members of the core group, which leads us.")
    if leadership.model is LeadershipModel.co_leadership and leads:
        names = and_list(organization(n) for n in leads)
        number = number_word(len(leads))
        if title:
            # Translators: {number} is a count in words ("two"), {names} the co-lead organizations, {title} a job title.
            return _n(
                "The core team means the co-lead organization, {names}, which leads us, and our {title}.",
                "The core team means the {number} co-lead organizations, {names}, which lead us, and our {title}.",
                len(leads),
                number=number,
                names=names,
                title=title,
            )
        # Translators: {number} is a count in words ("two"), {names} the co-lead organizations.
        return _n(
            "The core team means the co-lead organization, {names}, which leads us.",
            "The core team means the {number} co-lead organizations, {names}, which lead us.",
            len(leads),
            number=number,
            names=names,
        )
    if leads:
        lead = organization(leads[0])
        if title:
            return _(
                "The core team means the contacts at {organization}, our lead organization, and our {title}.",
                organization=lead,
                title=title,
            )
        return _("The core team means the contacts at {organization}, our lead organization.", organization=lead)
    if title:
        return _("The core team means the people who lead us, and our {title}.", title=title)
    return _("The core team means the people who lead us.")


__all__ = ["CardPerson", "Helper", "card_part", "core_team_text", "draft_part", "helpers", "primary_contact_at"]
