"""Consistency: one set of facts, stated the same way in every document.

Each partnership file feeds five documents. A fact written once in free text (a count, a vote, a
payment, a promise that binds) is printed beside the fixed wording the structured fields choose, so
text that disagrees with those fields makes the documents contradict each other. These rules compare
the free text with the fields it must agree with. They are lint rules (warnings, errors with
--strict) that also block `build --release`: a published document must not contradict itself.
The money rule lives with `mou-moves-funds` in pipeline.lint, which it extends.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pipeline.dated import is_member_on
from pipeline.formatting import join_and, on_date
from pipeline.lint import Finding, rule, texts
from pipeline.load import Location
from pipeline.numbers import NUMBER, number_value
from schemas import Partnership
from schemas.types import PartialDate
from schemas.vocabulary import Binding, DecisionMethod, MembershipClass

# Subtrees whose counts, votes and seats belong to some other group than the partnership: a member's
# own board or membership, a committee, the survivor advisory board.
_OTHER_GROUPS = {"members", "committees", "survivor_engagement", "approvals", "approvers"}

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def sentence_around(text: str, start: int) -> str:
    """The sentence of `text` that holds position `start`."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    end = _SENTENCE_END.search(text, start)
    return text[begin : end.start() if end else len(text)]


def quoted(text: str, start: int, end: int, width: int = 30) -> str:
    """The words around text[start:end], to quote in a message so staff can find them."""
    left = text.rfind(" ", 0, max(0, start - width)) + 1 if start > width else 0
    right = text.find(" ", end + width)
    right = len(text) if right < 0 or end + width >= len(text) else right
    excerpt = " ".join(text[left:right].split())
    return f"“{'…' if left else ''}{excerpt}{'…' if right < len(text) else ''}”"


_NEGATED = re.compile(r"(?:\bnon-|\b(?:not|no|never|without|nor|cannot|neither)\b(?:\s+[\w’']+){0,2}\s+)$", re.I)


_DENIED_AFTER = re.compile(r"^\w*\s+(?:is|are|was|were|will\s+be)\s+(?:never|not)\b", re.I)


def negated(text: str, start: int) -> bool:
    """True when the words around position `start` deny what is there ('does not vote', 'non-binding',
    'votes are never taken')."""
    return bool(_NEGATED.search(text[max(0, start - 40) : start]) or _DENIED_AFTER.search(text[start : start + 40]))


# --- Member counts -------------------------------------------------------------------------------

_COUNT = re.compile(
    rf"\b(?P<number>{NUMBER})"
    r"(?:-member\b"
    r"|\s+(?P<qualifiers>(?:(?:current|voting|member|partner|participating|signing)\s+){0,2})"
    r"(?P<noun>agencies|organi[sz]ations|members|partners|parties)\b)",
    re.IGNORECASE,
)
# A count is a claim about the whole partnership only after words like these ('the fourteen member
# agencies', 'staff time from 13 members'); 'at least two', 'any three' or 'trained 40 organizations' are not.
_TOTAL_BEFORE = re.compile(r"(?:^|[.:;(—–]|\b(?:the|all|its|our|their|these|those|from|and|a|an))\s*$", re.I)
_OTHER_GROUP_WORDS = re.compile(r"\b(?:committee|board|council|core group|team|seats?)\b", re.I)


def members_on(p: Partnership, day: dt.date | None, voting: bool = False) -> int:
    """How many members the partnership had on `day` (None: today's current members)."""
    chosen = p.current_members if day is None else [m for m in p.members if is_member_on(m, day)]
    return len([m for m in chosen if m.membership_class is MembershipClass.voting or not voting])


# First words of legal names that say what an organization is, not which one ('Office of the ...').
_GENERIC_FIRST_WORDS = frozenset(
    {
        *("the", "a", "an", "office", "department", "dept.", "city", "county", "state", "national", "united"),
        *("community", "center", "centre", "north", "south", "east", "west", "new", "first", "saint", "st."),
        *("st", "legal", "public", "regional", "district"),
    }
)


def _members_named(p: Partnership, text: str) -> set[str]:
    """Ids of the members whose name, short name, or first word of the legal name when no other member's
    starts with it ('O'Malley' for 'O'Malley Staffing Solutions, LLC'), appears in the text."""
    first_words = [m.legal_name.split()[0].casefold() for m in p.members]
    folded = text.casefold()
    named = set()
    for member, first in zip(p.members, first_words, strict=True):
        names = [member.legal_name, member.short_name, member.doing_business_as]
        names += [first] if first_words.count(first) == 1 and first not in _GENERIC_FIRST_WORDS else []
        if any(name and re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded) for name in names):
            named.add(member.id)
    return named


def _date_spoken_of(p: Partnership, location: Location) -> PartialDate | None:
    """The day or period a text speaks of, when it is not today: a history event's date, the charter's adoption."""
    if location[:1] == ("history",) and len(location) == 3 and location[2] == "event":
        index = location[1]
        return p.history[index].date if isinstance(index, int) else None
    if location == ("charter", "adoption_vote") and p.charter.adopted:
        return PartialDate.of(p.charter.adopted)
    return None


def members_during(p: Partnership, period: PartialDate, voting: bool = False) -> list[int]:
    """Every member count the partnership had within `period`, smallest first (one count for a single day).

    A history event dated '2025' may speak of any day that year, so each count that year is a true one."""
    first, last = period.first_day, period.last_day
    changes = [m.joined.first_day for m in p.members if m.joined]
    changes += [m.withdrawal.effective_date for m in p.members if m.withdrawal]
    days = {first, last, *(day for day in changes if first < day <= last)}
    return sorted({members_on(p, day, voting) for day in days})


@rule(
    "consistency-member-count",
    "Free text counts the members ('fourteen member agencies') differently from the member list.",
    "Every document prints the member list; a count in the text that disagrees with it makes readers "
    "doubt both. A count in a history event is checked against the members on that event's date (on any day "
    "of it, for an event dated by its year or month).",
    blocks_release=True,
)
def _member_count(p: Partnership) -> Iterator[Finding]:
    for location, text in texts(p):
        if location[:1] and location[0] in _OTHER_GROUPS:
            continue
        for match in _COUNT.finditer(text):
            said = number_value(match["number"])
            if said is None or said < 2 or not _TOTAL_BEFORE.search(text[: match.start()]):
                continue
            qualifiers, noun = (match["qualifiers"] or "").lower(), (match["noun"] or "").lower()
            bare = noun in {"members", "partners"} and not ({"member", "partner"} & set(qualifiers.split()))
            if bare and _OTHER_GROUP_WORDS.search(sentence_around(text, match.start())):
                continue  # 'the five members of the steering committee' counts a committee
            if said <= len(_members_named(p, text[: match.start()])):
                continue  # 'Bridgewell and the Sheriff's Office ... the two organizations' counts those named
            voting = "voting" in qualifiers
            period = _date_spoken_of(p, location)
            actual = [members_on(p, None, voting)] if period is None else members_during(p, period, voting)
            if said not in actual:
                yield location, _count_message(text, match, said, actual, period, voting)


def _count_message(
    text: str, match: re.Match[str], said: int, actual: list[int], period: PartialDate | None, voting: bool
) -> str:
    kind = "voting member" if voting else "member"
    plural = "" if actual[-1] == 1 else "s"
    count = f"{actual[0]}" if len(actual) == 1 else f"{join_and(map(str, actual), 'or')}"
    if period is None:
        fact = f"the partnership has {count} current {kind}{plural} under 'members'"
    else:
        when = on_date(period)
        fact = f"{when} the partnership had {count} {kind}{plural}, going by 'joined' and 'withdrawal'"
    return (
        f"This text counts {said} in {quoted(text, match.start(), match.end())}, but {fact}. "
        f"Write {count}, or leave the number out so the text stays true when members join or leave."
    )


# --- Votes ---------------------------------------------------------------------------------------

_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.IGNORECASE)


def method_votes(p: Partnership) -> bool:
    """Whether the decision method ever takes a vote: representative always, consensus only when its
    rules fall back to a vote, hierarchical never. Documents speak of votes only where this is true, and
    this rule checks the file's own text against the same test."""
    decision = p.decision_making
    if decision.method is DecisionMethod.representative:
        return True
    if decision.method is DecisionMethod.consensus:
        rules = (decision.fallback, decision.passing_rule, decision.block_rule, decision.votes)
        return any(_mentions(_VOTE, text) for text in rules if text)
    return False


def _mentions(pattern: re.Pattern[str], text: str) -> bool:
    return any(not negated(text, m.start()) for m in pattern.finditer(text))


@rule(
    "consistency-votes",
    "Text mentions votes, or the coordinator has a vote, where the decision method takes no vote.",
    "A charter that gives each member a vote, in a partnership that decides hierarchically or by consensus "
    "without a voting fallback, tells members two different ways decisions are made.",
    blocks_release=True,
)
def _votes(p: Partnership) -> Iterator[Finding]:
    if method_votes(p):
        return
    method = p.decision_making.method
    how = (
        "decisions are made hierarchically (decision_making.method), so no one votes"
        if method is DecisionMethod.hierarchical
        else "the partnership decides by consensus and its fallback, passing and block rules take no vote"
    )
    fix = "Reword it to say how the decision is really made, or change decision_making.method"
    fix += " (or add a voting fallback)." if method is DecisionMethod.consensus else "."
    coordinator = p.leadership.coordinator
    if coordinator is not None and coordinator.votes:
        yield ("leadership", "coordinator", "votes"), f"The coordinator is given a vote, but {how}. {fix}"
    for location, text in texts(p):
        if location[:1] == ("members",) or location[:2] == ("decision_making", "non_voting"):
            continue
        for match in _VOTE.finditer(text):
            if not negated(text, match.start()):
                excerpt = quoted(text, match.start(), match.end())
                yield location, f"This text mentions a vote, {excerpt}, but {how}. {fix}"
                break


# --- Survivor pay --------------------------------------------------------------------------------

_PAY = re.compile(
    r"\b(?:paid(?!\s+(?:work|jobs?|employment|positions?|internships?))|compensated|stipends?|honorari(?:um|ums|a)"
    r"|(?:consultant|council|board|leader|survivor)s?['’]?\s+pay|pay\s+(?:survivors?|them|survivor\s+leaders?))\b",
    re.IGNORECASE,
)
_SURVIVORS = re.compile(r"\bsurvivor|\bSAB\b|advisory board|leadership council|lived experience", re.IGNORECASE)


@rule(
    "consistency-survivor-pay",
    "Text promises survivors pay, but survivor_engagement.compensation does not say how they are paid.",
    "A promise of pay that no document can explain (how much, for what, who pays) is one survivors "
    "cannot rely on; state it in survivor_engagement.compensation, where every document finds it.",
    blocks_release=True,
)
def _survivor_pay(p: Partnership) -> Iterator[Finding]:
    engagement = p.survivor_engagement
    if engagement is not None and engagement.compensation is not None:
        return
    for location, text in texts(p):
        about_survivors = location[:1] == ("survivor_engagement",)
        for sentence in sentences(text):
            if not (about_survivors or _SURVIVORS.search(sentence)):
                continue
            match = next((m for m in _PAY.finditer(sentence) if not negated(sentence, m.start())), None)
            if match:
                message = (
                    f"This text says survivors are paid, {quoted(sentence, match.start(), match.end())}, but "
                    "survivor_engagement.compensation is not set, so no document says how. Add "
                    "survivor_engagement.compensation (how much, for what, and who pays), or take the promise out."
                )
                yield location, message
                break


# --- Binding or not ------------------------------------------------------------------------------

_AGREEMENT_WORDS = re.compile(
    r"\b(?:MOU|MOA|memorandum|agreement|charter|commitments?|contract|obligations?|promises?)\b", re.IGNORECASE
)
_BINDING = re.compile(r"\b(?:legally\s+)?(?:binding|enforceable)\b|\blegal\s+contract\b", re.IGNORECASE)
_NOT_BINDING = re.compile(
    r"\bnon-?binding\b|\bnot\s+(?:legally\s+)?(?:binding|enforceable)\b|\bnot\s+a\s+(?:legal\s+)?contract\b"
    r"|\bcreates?\s+no\s+(?:legal(?:ly\s+enforceable)?\s+|binding\s+|enforceable\s+)?obligations?\b",
    re.IGNORECASE,
)
_LAW = re.compile(r"\b(?:laws?|statutes?|regulations?|court orders?|VAWA|VOCA|HIPAA|FERPA|PREA|CFR|U\.S\.C)\b", re.I)
_FRAME_WORDS = re.compile(r"binding|enforceable|contract|obligation", re.IGNORECASE)
# A letter of intent binds no one whichever frame the MOU has, so sentences about letters are left alone.
_LETTER = re.compile(r"\bletters?\b|\bLOIs?\b", re.IGNORECASE)


@rule(
    "consistency-binding",
    "Text says the agreement binds (or does not) against what agreement.binding chooses.",
    "The MOU, the charter and the letters of intent state one legal frame, chosen by agreement.binding; "
    "free text that says the opposite gives counsel two answers to the question of what a member promised.",
    blocks_release=True,
)
def _binding(p: Partnership) -> Iterator[Finding]:
    if p.agreement is None:
        return
    binding = p.agreement.binding is Binding.binding
    for location, text in texts(p):
        if not _FRAME_WORDS.search(text):
            continue  # says nothing of binding, enforcement, contracts or obligations
        for sentence in sentences(text):
            if _LETTER.search(sentence) or not _AGREEMENT_WORDS.search(sentence):
                continue
            if binding:
                match = _NOT_BINDING.search(sentence)
            elif _LAW.search(sentence):
                continue  # duties that come from law bind whatever the MOU says about itself
            else:
                found = (m for m in _BINDING.finditer(sentence) if not negated(sentence, m.start()))
                match = next(found, None)
            if match:
                yield location, _binding_message(binding, quoted(sentence, match.start(), match.end()))
                break


def _binding_message(binding: bool, excerpt: str) -> str:
    if binding:
        return (
            f"This text says the agreement does not bind, {excerpt}, but agreement.binding is 'binding', so the "
            "MOU says the Parties intend to be bound. Reword the text, or set agreement.binding to non_binding."
        )
    return (
        f"This text says the agreement binds, {excerpt}, but agreement.binding is 'non_binding', so the MOU "
        "says it creates no legally enforceable obligations. Reword the text (for example 'each member commits "
        "in good faith'), or set agreement.binding to binding once counsel confirms the MOU is meant to bind."
    )


# --- Grants, subgrants and letters ---------------------------------------------------------------


@rule(
    "consistency-grants",
    "A subgrant or letter of intent does not fit the grants under funding.grants.",
    "A subgrant passes on funds of a grant its grantor holds, to a partner of that grant; a letter of intent "
    "is written by a partner to the applicant. Otherwise the MOU, the letters and the charter name "
    "different grants, applicants and partners.",
    blocks_release=True,
)
def _grants(p: Partnership) -> Iterator[Finding]:
    for index, grant in enumerate(p.funding.grants):
        # The applicant may write to the funder itself (the letter context words that case), so only
        # writers who are neither the applicant nor a partner of the application contradict it.
        writers = grant.letter_of_intent.writers if grant.letter_of_intent else []
        for position, writer in enumerate(writers):
            if grant.partners and writer not in grant.partners and writer != grant.applicant:
                message = (
                    f"'{writer}' writes a letter of intent for this grant but is not among its partners, so the "
                    "letter would promise work the application does not name. Add it to partners, or remove it "
                    "from writers."
                )
                yield ("funding", "grants", index, "letter_of_intent", "writers", position), message
    for index in range(len(p.funding.subgrants)):
        yield from _subgrant_findings(p, index)


def _subgrant_findings(p: Partnership, index: int) -> Iterator[Finding]:
    subgrant = p.funding.subgrants[index]
    where: Location = ("funding", "subgrants", index)
    giver, receiver = subgrant.from_member, subgrant.to_member
    held = [grant for grant in p.funding.grants if grant.applicant == giver]
    if giver == receiver:
        message = (
            f"'{receiver}' would pass funds to itself. A subgrant goes from the grant holder to another member; "
            "correct from_member or to_member."
        )
        yield (*where, "to_member"), message
    elif not held:
        message = (
            f"'{giver}' passes on grant funds here, but it is not the applicant of any grant under funding.grants, "
            "so no document can say which award the money comes from. Add the grant it holds, or correct from_member."
        )
        yield (*where, "from_member"), message
    elif all(grant.partners for grant in held) and not any(receiver in grant.partners for grant in held):
        message = (
            f"'{receiver}' receives a subgrant from '{giver}', but it is not a partner of any grant '{giver}' holds. "
            "Add it to that grant's partners, or correct to_member."
        )
        yield (*where, "to_member"), message
