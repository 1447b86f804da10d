"""A letter of intent's sentence on the writer's place in the partnership's governance, in the writer's voice.

Each role is a predicate of its own message ('hold a seat in the core group'), joined into one sentence by a
message that a translation can order as its language needs.
"""

from __future__ import annotations

from pipeline.contexts.wording import join_items, join_sentences, with_article
from pipeline.formatting import join_and, long_date
from pipeline.i18n import _, _n
from schemas import Partnership
from schemas.members import Member
from schemas.seats import CoreGroupSeat
from schemas.vocabulary import MembershipClass


def governance_role(partnership: Partnership, writer: Member) -> str:
    """The writer's place in the partnership's governance, as one sentence in its own voice."""
    # A lead's role is already named in the opening paragraph (_lead_clause), so it is not repeated here.
    # Each role is a predicate in the writer's voice ('hold a seat in the core group'); a message joins them.
    leadership, roles = partnership.leadership, []
    for seat in leadership.core_group:
        if seat.holder == writer.id:
            # The seat as of the letter's date: a vacancy filled later, or a term that had ended, is not claimed.
            roles.append(_seat_role(seat))
    if partnership.fiscal_sponsor == writer.id:
        roles.append(_("act as the fiscal sponsor"))
    if leadership.coordinator and leadership.coordinator.employer == writer.id:
        # Translators: a role in the writer's voice ('we employ the ...'); {title} is the coordinator's post.
        roles.append(_("employ the {title}", title=leadership.coordinator.title))
    board = partnership.survivor_engagement.advisory_board if partnership.survivor_engagement else None
    hosted = board.name if board and board.host == writer.id else ""
    chairs = [c.name for c in partnership.committees if c.chair == writer.id and c.name != hosted]
    seats = [c.name for c in partnership.committees if writer.id in c.members and c.chair != writer.id]
    if chairs:
        # Translators: a role in the writer's voice ('we chair ...'); {committees} are committees' names, as written
        # (a language whose names need an article can say 'this committee: {committees}').
        names = join_and(with_article(c) for c in chairs)
        roles.append(_n("chair {committees}", "chair {committees}", len(chairs), committees=names))
    sits = [c for c in seats if c != hosted]
    if sits:
        names = join_and(with_article(c) for c in sits)
        # Translators: a role in the writer's voice ('we sit on ...'); {committees} are committees' names, as written.
        roles.append(_n("sit on {committees}", "sit on {committees}", len(sits), committees=names))
    if hosted:
        # Translators: a role in the writer's voice ('we host ...'); {board} is the survivor advisory board's name.
        roles.append(_("host {board}", board=with_article(hosted)))
    if partnership.evaluation.evaluator == writer.id:
        roles.append(_("lead the evaluation"))
    roles.append(_membership_phrase(writer))
    # Translators: {roles} are the writer's roles in its own voice, each a predicate ('hold a seat in the core
    # group; act as the fiscal sponsor; and take part in decisions as a voting member').
    roles_sentence = _(
        "In {partnership}, we {roles}", partnership=with_article(partnership.name), roles=join_items(roles)
    )
    return join_sentences(roles_sentence, _attendance(partnership, writer))


def _seat_role(seat: CoreGroupSeat) -> str:
    """'hold a seat in the core group (Chair)', and until when an interim holder holds it."""
    what = "; ".join(part.strip() for part in (seat.name, seat.role) if part)
    # Translators: a role in the writer's voice ('we hold a seat ...'); {seat} names the seat and its role.
    role = _("hold a seat in the core group ({seat})", seat=what) if what else _("hold a seat in the core group")
    if not seat.interim:
        return role
    if due := seat.interim.election_due:
        # Translators: {role} is 'hold a seat in the core group', in the writer's voice; {date} is a full date.
        return _("{role} as its interim holder until the election due on {date}", role=role, date=long_date(due))
    # Translators: {role} is 'hold a seat in the core group', in the writer's voice.
    return _("{role} as its interim holder until an election", role=role)


def _attendance(partnership: Partnership, writer: Member) -> str:
    """The regular meetings the writer's representatives attend: every general one, and its own committees'.

    The committees were just named in the governance sentence, so their meetings are not listed again.
    """
    committees = {c.name.strip().lower(): c for c in partnership.committees}
    in_core_group = any(seat.holder == writer.id for seat in partnership.leadership.core_group)
    meetings, own_committees = [], 0
    for meeting in partnership.meetings.regular:
        key = meeting.name.strip().lower()
        committee = committees.get(key)
        if committee and writer.id not in committee.members and committee.chair != writer.id:
            continue
        if "core group" in key and not in_core_group:
            continue
        if committee:
            own_committees += 1
        else:
            meetings.append(meeting.name.strip())
    if not meetings:
        if not own_committees:
            return ""
        return _n(
            "Our representatives will attend the meetings of our committee.",
            "Our representatives will attend the meetings of our committees.",
            own_committees,
        )
    # Meeting names print as typed, so they follow a colon; our own committees close the list. A sentence that
    # ends with a name has no full stop of its own: join_sentences adds one unless the name ends with it.
    listed = "; ".join(meetings)
    if own_committees:
        # Translators: {meetings} are meetings' names as the partnership file gives them, joined by semicolons.
        return _n(
            "Our representatives will attend these meetings: {meetings}; and the meetings of our committee.",
            "Our representatives will attend these meetings: {meetings}; and the meetings of our committees.",
            own_committees,
            meetings=listed,
        )
    # Translators: {meetings} are meetings' names as the partnership file gives them, joined by semicolons.
    return _n(
        "Our representatives will attend this meeting: {meetings}",
        "Our representatives will attend these meetings: {meetings}",
        len(meetings),
        meetings=listed,
    )


def _membership_phrase(writer: Member) -> str:
    if writer.membership_class is MembershipClass.voting:
        return _("take part in decisions as a voting member")
    label = writer.membership_class.label.lower()
    # English says 'an' before a vowel; each article is its own message, and a translation may write them alike.
    if label[0] in "aeiou":
        # Translators: a role in the writer's voice ('we take part as an affiliate, without a vote').
        return _("take part as an {membership_class}, without a vote", membership_class=label)
    # Translators: a role in the writer's voice ('we take part as a resource partner, without a vote').
    return _("take part as a {membership_class}, without a vote", membership_class=label)


__all__ = ["governance_role"]
