"""Lint rules for the core group's seats and the names of the people who fill roles.

Documents name whoever holds or covers a seat on their own date, so the facts behind them must stay
current: a term that has ended or an election that is overdue means the file no longer says who leads.
A placeholder written where a name goes ('TBD', 'Vacant') would print as if it were a person; the file
has a way to say each of those things that the documents understand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from pipeline.formatting import long_date
from pipeline.lint import Finding, rule
from pipeline.load import Location
from schemas import Partnership
from schemas.seats import CoreGroupSeat

# A value that stands for a missing name: the whole value, or its first word before a note ('TBD (hiring)').
# Whole words only, so that real names such as 'Vacanti' or 'Na' never match.
_PLACEHOLDER = re.compile(
    r"^\W*(?:tbd|tba|tbc|to be (?:named|confirmed|determined|announced|appointed)|vacant|n/a|n\.a\.|unknown|\?+)"
    r"(?:\W.*)?$",
    re.IGNORECASE,
)


def _seat(index: int, seat: CoreGroupSeat) -> str:
    return f"the {seat.name}" if seat.name else f"core group seat {index + 1}"


@rule(
    "seat-per-member",
    "A member holds more than one core group seat, where the rules give each member one.",
    "With one_seat_per_member (the default), each organization has one seat and one vote in the core group; a "
    "second seat doubles its voice. Give the seat to another member, or set one_seat_per_member: false if your "
    "rules allow it.",
)
def _seat_per_member(p: Partnership) -> Iterator[Finding]:
    if not p.leadership.one_seat_per_member:
        return
    held = Counter(seat.holder for seat in p.leadership.core_group if seat.holder)
    seen: set[str] = set()
    for index, seat in enumerate(p.leadership.core_group):
        holder = seat.holder
        if holder is None or held[holder] < 2:
            continue
        if holder in seen:  # the first seat is fine; each further one is the finding
            field = ("interim", "member") if seat.interim else ("member",)
            message = f"'{holder}' already holds another core group seat; one member holds one seat here"
            yield ("leadership", "core_group", index, *field), message
        seen.add(holder)


@rule(
    "placeholder-name",
    "A name is a placeholder ('TBD', 'TBA', 'To be named', 'Vacant', 'N/A', 'Unknown', '?').",
    "Documents would print the placeholder as if it were a person: on a signature line, in the call tree, as the "
    "holder of a seat. Leave the name out instead (a contact then shows its title), or mark the seat vacant.",
)
def _placeholder_name(p: Partnership) -> Iterator[Finding]:
    for index, seat in enumerate(p.leadership.core_group):
        here: Location = ("leadership", "core_group", index)
        names: list[tuple[Location, str | None]] = [
            ((*here, "person"), seat.person),
            ((*here, "interim", "person"), seat.interim.person if seat.interim else None),
            ((*here, "alternate", "person"), seat.alternate.person if seat.alternate else None),
        ]
        for location, name in names:
            if name and _PLACEHOLDER.match(name):
                fix = (
                    "write 'vacant: true' for the seat instead"
                    if location[-2:] != ("alternate", "person")
                    else ("remove the alternate until someone is named")
                )
                yield (
                    location,
                    f"'{name}' is not a name: leave 'person' out (the member's primary contact sits), or {fix}",
                )
    for index, member in enumerate(p.members):
        for role, contact in (("primary", member.primary_contact), ("backup", member.backup_contact)):
            if contact and contact.name and _PLACEHOLDER.match(contact.name):
                yield (
                    ("members", index, "contacts", role, "name"),
                    f"'{contact.name}' is not a name: leave 'name' out, and the documents show the title "
                    f"'{contact.title}' alone",
                )
        if member.signatory and member.signatory.name and _PLACEHOLDER.match(member.signatory.name):
            yield (
                ("members", index, "signatory", "name"),
                f"'{member.signatory.name}' is not a name: leave 'name' out, and the documents print a blank line "
                "to fill in by hand",
            )
    coordinator = p.leadership.coordinator
    if coordinator and coordinator.name and _PLACEHOLDER.match(coordinator.name):
        yield (
            ("leadership", "coordinator", "name"),
            f"'{coordinator.name}' is not a name: leave 'name' out while the post is vacant",
        )


@rule(
    "seat-term-ended",
    "A core group seat's term has ended (term_end is in the past).",
    "Documents dated after a term ends show the seat as vacant, since the file no longer says who holds it. "
    "Record the new term (term_start and term_end) once the seat is filled again, or mark it vacant.",
)
def _seat_term_ended(p: Partnership) -> Iterator[Finding]:
    today = dt.date.today()
    for index, seat in enumerate(p.leadership.core_group):
        if not seat.vacant and seat.term_end is not None and seat.term_end < today:
            message = (
                f"the term of {_seat(index, seat)} ended on {long_date(seat.term_end)}; record the new term, or "
                "write 'vacant: true' until the seat is filled"
            )
            yield ("leadership", "core_group", index, "term_end"), message


@rule(
    "seat-election-overdue",
    "The election that should fill an interim seat was due on a date that has passed.",
    "An interim holder serves only until the election; documents keep calling it interim. Once the election is "
    "held, replace 'interim' with the elected 'member' and its term; if it was postponed, set the new date.",
)
def _seat_election_overdue(p: Partnership) -> Iterator[Finding]:
    today = dt.date.today()
    for index, seat in enumerate(p.leadership.core_group):
        due = seat.interim.election_due if seat.interim else None
        if due is not None and due < today:
            message = (
                f"the election for {_seat(index, seat)} was due on {long_date(due)}; record its result, or the new "
                "date as election_due"
            )
            yield ("leadership", "core_group", index, "interim", "election_due"), message


@rule(
    "seat-dates-backwards",
    "A seat's period ends before it starts: an alternate's 'until' before its 'from', a term's end before its "
    "start, or an election due before the interim appointment.",
    "A period that ends before it starts contains no day at all, so the documents would never show it; one of "
    "the two dates is mistyped.",
)
def _seat_dates_backwards(p: Partnership) -> Iterator[Finding]:
    for index, seat in enumerate(p.leadership.core_group):
        here: Location = ("leadership", "core_group", index)
        alternate, interim = seat.alternate, seat.interim
        if alternate and alternate.until < alternate.from_:
            message = (
                f"the alternate's cover of {_seat(index, seat)} ends ({long_date(alternate.until)}) before it "
                f"starts ({long_date(alternate.from_)})"
            )
            yield (*here, "alternate", "until"), message
        if seat.term_start and seat.term_end and seat.term_end < seat.term_start:
            message = (
                f"the term of {_seat(index, seat)} ends ({long_date(seat.term_end)}) before it starts "
                f"({long_date(seat.term_start)})"
            )
            yield (*here, "term_end"), message
        if interim and interim.election_due and interim.election_due < interim.appointed:
            message = (
                f"the election for {_seat(index, seat)} is due ({long_date(interim.election_due)}) before the "
                f"interim holder was appointed ({long_date(interim.appointed)})"
            )
            yield (*here, "interim", "election_due"), message
