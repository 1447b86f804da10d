"""What each Party does for the partnership as a whole, and how survivors take part: the MOU's role lists.

Each role is a whole sentence from the catalog, so a translation can order and agree its words freely.
"""

from __future__ import annotations

from pipeline.audience import Audience
from pipeline.contexts.common import current_name
from pipeline.contexts.mou_funding import subgrants
from pipeline.contexts.mou_sections import section_numbers
from pipeline.contexts.seats import interim_text, seat_views, seats_of
from pipeline.contexts.wording import Fact, facts, join_sentences, number_word, sentence
from pipeline.formatting import since_date
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.vocabulary import LeadershipModel, MembershipClass, MemberStatus


def party_roles(partnership: Partnership, member_id: str) -> tuple[str, ...]:
    """What the member does for the partnership as a whole, beyond its own services."""
    member, leadership = partnership.member(member_id), partnership.leadership
    board = partnership.survivor_engagement.advisory_board if partnership.survivor_engagement else None
    platform, money = partnership.shared_platform, section_numbers(partnership)["money"]
    roles = []
    if member.status is MemberStatus.interim:
        roles.append(
            # Translators: {date} is 'since March 14, 2019' or 'since March 2019', with its preposition.
            _("Interim member {date}.", date=since_date(member.joined)) if member.joined else _("Interim member.")
        )
    if member.membership_class is not MembershipClass.voting:
        roles.append(_("Membership class: {label}.", label=member.membership_class.label))
    if partnership.fiscal_sponsor == member_id:
        roles.append(_("Fiscal sponsor of the Partnership (see section {section}).", section=money))
    if member_id in leadership.leads:
        co_lead = leadership.model is LeadershipModel.co_leadership
        roles.append(_("Co-lead agency of the Partnership.") if co_lead else _("Lead agency of the Partnership."))
    for view in seats_of(seat_views(partnership, Audience.members), member_id):
        what = "; ".join(part for part in (view.name, view.role) if part)
        # Translators: {seat} names the seat and its role ('Chair; convenes the core group').
        roles.append(_("Member of the core group ({seat}).", seat=what) if what else _("Member of the core group."))
        roles += [sentence(interim_text(view))] if view.seat.interim else []
    if leadership.coordinator and leadership.coordinator.employer == member_id:
        # Translators: {title} is the name of the coordinator's post ('Partnership Coordinator').
        roles.append(_("Employs the {title}.", title=leadership.coordinator.title))
    # Translators: {committee} is a committee's name as the partnership file gives it.
    roles += [_("Chairs the {committee}.", committee=c.name) for c in partnership.committees if c.chair == member_id]
    if board and board.host == member_id:
        # Translators: {board} is the name of the survivor advisory board.
        roles.append(_("Hosts and coordinates the {board}.", board=board.name))
    if platform and platform.owner == member_id:
        # Translators: {platform} is the partnership file's name for its shared records system.
        roles.append(
            _("Administers the {platform} where the Partnership keeps its shared records.", platform=platform.name)
        )
    if partnership.evaluation.evaluator == member_id:
        roles.append(_("Leads the Partnership’s evaluation."))
    for training in partnership.trauma_informed.trainings:
        if training.provider == member_id:
            audience = _("Who takes it: {audience}", audience=training.audience) if training.audience else ""
            often = _("How often: {frequency}", frequency=training.frequency) if training.frequency else ""
            roles.append(join_sentences(_("Delivers training: {topic}", topic=training.topic), audience, often))
    for grant in partnership.funding.grants:
        if grant.applicant == member_id:
            roles.append(_grant_role(grant.program, grant.awarded))
    for sub in subgrants(partnership):
        if sub.recipient_id == member_id:
            roles.append(
                _(
                    "Receives grant funds from {grantor} under a separate subgrant agreement (section {section}).",
                    grantor=sub.grantor,
                    section=money,
                )
            )
        elif sub.grantor_id == member_id:
            roles.append(
                _(
                    "Passes grant funds to {recipient} under a separate subgrant agreement (section {section}).",
                    recipient=sub.recipient,
                    section=money,
                )
            )
    return tuple(role for role in roles if role)


def _grant_role(program: str, awarded: bool) -> str:
    """'Holds the X grant.' or 'Applies for the X award.': a program whose name says what it is keeps its name."""
    if program.lower().endswith(("grant", "award")):
        # Translators: {program} is a grant program's name that already ends with 'grant' or 'award'.
        held = _("Holds the {program}.", program=program)
        # Translators: {program} is a grant program's name that already ends with 'grant' or 'award'.
        return held if awarded else _("Applies for the {program}.", program=program)
    # Translators: {program} is a grant program's name ('Enhanced Collaborative Model').
    held = _("Holds the {program} award.", program=program)
    # Translators: {program} is a grant program's name ('Enhanced Collaborative Model').
    return held if awarded else _("Applies for the {program} award.", program=program)


def survivor_engagement(partnership: Partnership) -> tuple[Fact, ...]:
    engagement = partnership.survivor_engagement
    if engagement is None:
        return ()
    board = engagement.advisory_board
    return facts(
        ("", engagement.approach),
        ("", _board_text(partnership)),
        (_("Seats and votes"), board.seats_and_votes if board else None),
        (_p("survivor engagement", "Pay"), engagement.compensation),
        (_("Safety"), engagement.safety),
        (_("Telling their own stories"), engagement.storytelling),
        (_p("survivor engagement", "Names"), engagement.naming),
        (_("Hearing from survivors who use services"), engagement.feedback),
    )


def _board_text(partnership: Partnership) -> str:
    """'The Survivor Advisory Board has seven seats and is hosted by Harbor & Hope.' ('' when nothing is known)."""
    board = partnership.survivor_engagement.advisory_board if partnership.survivor_engagement else None
    if board is None:
        return ""
    host, size = current_name(partnership, board.host), board.size
    # Translators: {board} is the survivor advisory board's name; {host} the member that hosts it.
    if size and host:
        return _n(
            "The {board} has {number} seat and is hosted by {host}.",
            "The {board} has {number} seats and is hosted by {host}.",
            size,
            board=board.name,
            number=number_word(size),
            host=host,
        )
    if size:
        # Translators: {board} is the survivor advisory board's name; {number} is a count in words ('seven').
        return _n(
            "The {board} has {number} seat.",
            "The {board} has {number} seats.",
            size,
            board=board.name,
            number=number_word(size),
        )
    # Translators: {board} is the survivor advisory board's name; {host} the member that hosts it.
    return _("The {board} is hosted by {host}.", board=board.name, host=host) if host else ""


__all__ = ["party_roles", "survivor_engagement"]
