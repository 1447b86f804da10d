"""Stage 3, lint: partnership-design mistakes the toolkits warn about, beyond what validation can reject.

Each rule has an id, a check that returns (location, message) pairs, and a one-line rationale from
the toolkits. Findings are warnings; `--strict` makes them errors. Rules that find facts the documents
would state two ways (`blocks_release`, most of them in pipeline/consistency.py) are errors in
`build --release` too: a published document must not contradict itself. docs/lint-rules.md is
generated from RULES, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from pipeline.errors import Problem
from pipeline.formatting import has_state_and_zip
from pipeline.legal_positions import unclear_position
from pipeline.load import Location, SourceDocument
from pipeline.validate import problem_at
from schemas import Partnership
from schemas.vocabulary import DecisionMethod, Formality, Hazard, LeadershipModel, Level

Finding = tuple[Location, str]
Check = Callable[[Partnership], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    rationale: str
    check: Check
    blocks_release: bool = False
    """True for a contradiction between documents: an error in `build --release` even without --strict."""


RULES: list[Rule] = []


def rule(rule_id: str, summary: str, rationale: str, blocks_release: bool = False) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES.append(Rule(rule_id, summary, rationale, check, blocks_release))
        return check

    return register


RuleFinding = tuple[Rule, Location, str]


def rule_findings(partnership: Partnership) -> list[RuleFinding]:
    """What every rule finds in one partnership: worked out once, for `lint` and for the documents a rule
    holds back (pipeline.holds), which a build needs both of."""
    return [(each, location, message) for each in RULES for location, message in each.check(partnership)]


def lint(
    source: SourceDocument,
    partnership: Partnership,
    strict: bool = False,
    release: bool = False,
    found: list[RuleFinding] | None = None,
) -> list[Problem]:
    """Every finding of every rule for one partnership, pointing at its line: warnings, or errors when
    strict (and, for the rules that block a release, when release). `found` is rule_findings(partnership)
    when the caller has it already."""
    findings = []
    for each, location, message in rule_findings(partnership) if found is None else found:
        error = strict or (release and each.blocks_release)
        problem = problem_at(source, location, message)
        findings.append(
            Problem(
                problem.file,
                problem.line,
                problem.column,
                problem.path,
                message,
                severity="error" if error else "warning",
                rule=each.id,
                hint=each.rationale,
            )
        )
    return findings


@rule(
    "core-group-size",
    "A core-group leadership has 10 or more seats.",
    "A core group works best with 7 or 8 people from different sectors; 10 or more is hard to convene and to agree.",
)
def _core_group_size(p: Partnership) -> Iterator[Finding]:
    seats = p.leadership.core_group
    if p.leadership.model is LeadershipModel.core_group and len(seats) >= 10:
        yield ("leadership", "core_group"), f"the core group has {len(seats)} seats; keep it under 10"


@rule(
    "co-leads-at-most-three",
    "A co-leadership names more than three lead organizations.",
    "Co-leadership works with two or three organizations, often an advocacy organization and one other sector.",
)
def _co_leads(p: Partnership) -> Iterator[Finding]:
    leads = p.leadership.leads
    if p.leadership.model is LeadershipModel.co_leadership and len(leads) > 3:
        message = f"{len(leads)} co-leads; more than three is a core group: use model core_group"
        yield ("leadership", "leads"), message


_MONEY = re.compile(r"\$\s?\d|\b(?:pays?|paid|reimburses?|funds?|funding)\b", re.IGNORECASE)
# Money that reaches a member through a subaward, or a member's own grant, is not moved by the MOU.
_SEPARATE_FUNDING = re.compile(r"\bsub-?(?:award|grant|recipient)s?\b|\bgrant funds\b|\bin-kind\b", re.IGNORECASE)


@rule(
    "mou-moves-funds",
    "The MOU would move money between parties: a commitment reads like a payment, a subgrant names no "
    "agreement, or text pays for something from the partnership's own funds.",
    "An MOU obligates and transfers no funds; money between partners needs its own subgrant agreement.",
    blocks_release=True,
)
def _mou_moves_funds(p: Partnership) -> Iterator[Finding]:
    for m_index, member in enumerate(p.members):
        for c_index, commitment in enumerate(member.commitments):
            text = commitment.description
            if commitment.in_kind_value is None and _MONEY.search(text) and not _SEPARATE_FUNDING.search(text):
                location = ("members", m_index, "commitments", c_index, "description")
                yield location, "this commitment reads like a payment; if money changes hands, use a subgrant agreement"
    for index, subgrant in enumerate(p.funding.subgrants):
        if subgrant.agreement_reference is None:
            message = "name the separate subgrant agreement that moves these funds (agreement_reference)"
            yield ("funding", "subgrants", index), message
    if p.agreement is not None:
        yield from _paid_from_partnership_funds(p)


_PAID_FROM = r"\b(?:paid|pays?|paying|covered|funded|reimbursed|compensated)\s+(?:for\s+)?(?:from|out\s+of|with)\s+"
_FUNDS = r"(?:['’]s)?\s+(?:own\s+)?(?:funds?|budget|money|account|treasury|pool)\b"
_PAY_WORDS = re.compile(r"paid|pay|covered|funded|reimbursed|compensated", re.IGNORECASE)
_GENERIC_OWNERS = ("partnership", "pooled", "shared", "joint", "common")
_PARTNERSHIP_NOUNS = re.compile(r"\b(alliance|task force|coalition|collaborative|network|consortium|council)\b", re.I)


def _paid_from_partnership_funds(p: Partnership) -> Iterator[Finding]:
    """Text that pays for something out of the partnership's own money, which the MOU says it never moves.

    Commitments and subgrants are checked above; grant funds passed on by their holder are not the MOU's.
    """
    owners = [re.escape(name) for name in (p.name, p.short_name) if name]
    owners += [*_GENERIC_OWNERS, *(noun.lower() for noun in _PARTNERSHIP_NOUNS.findall(p.name))]
    owner = rf"(?:the\s+)?(?:{'|'.join(owners)})"
    paid = re.compile(rf"{_PAID_FROM}{owner}{_FUNDS}|\b{owner}\s+(?:will\s+)?pays?\b", re.I)
    for location, text in texts(p):
        if "commitments" in location or location[:2] == ("funding", "subgrants"):
            continue
        if not _PAY_WORDS.search(text):
            continue  # every pattern needs one of these verbs; the test is cheaper than the search
        found = paid.search(text)
        if found and not _SEPARATE_FUNDING.search(text):
            message = (
                f"This text pays for something from the partnership's own funds (“{found.group(0)}”), but the MOU "
                "says it obligates and transfers no funds. Say which member pays, from which grant or subgrant "
                "agreement, or leave the payment out of this text."
            )
            yield location, message


@rule(
    "member-without-backup",
    "A current member has no backup contact.",
    "Personnel change is the most common disruption: a second person who knows the partnership keeps it going.",
)
def _member_without_backup(p: Partnership) -> Iterator[Finding]:
    for index, member in enumerate(p.members):
        if member.is_current and member.contacts and member.backup_contact is None:
            yield ("members", index, "contacts"), f"{member.name} has no backup contact"


@rule(
    "legal-position-unclear",
    "The file does not show what a current member may promise survivors about their information.",
    "Confidentiality wording must fit the member it binds: a victim-service provider under VAWA or VOCA promises "
    "what a police department cannot. Say which laws bind the member, or give its legal_positions.",
)
def _legal_position_unclear(p: Partnership) -> Iterator[Finding]:
    for index, member in enumerate(p.members):
        if member.is_current and (reason := unclear_position(p, member)):
            yield ("members", index, "sector"), f"{member.name}: {reason}"


@rule(
    "letter-address-incomplete",
    "A letter of intent lacks the writer's address or the addressee's city, state and ZIP code.",
    "A grants office files letters by their letterhead and inside address; an incomplete one looks unfinished.",
)
def _letter_address_incomplete(p: Partnership) -> Iterator[Finding]:
    for g, grant in enumerate(p.funding.grants):
        loi = grant.letter_of_intent
        if loi is not None and not has_state_and_zip(loi.address_lines):
            yield (
                ("funding", "grants", g, "letter_of_intent", "address_lines"),
                "end the addressee's address with 'City, State ZIP', e.g. 'Millbrook, WI 53001'",
            )
    writers = {writer.id for _, writer in p.letters_of_intent()}
    for index, member in enumerate(p.members):
        if member.id in writers and not has_state_and_zip(member.mailing_address):
            yield (
                ("members", index, "legal_name"),
                f"{member.name} writes a letter of intent: give its mailing_address, ending with 'City, State ZIP'",
            )


@rule(
    "shared-decisions",
    "A collaboration or multisector collaboration decides hierarchically.",
    "Collaboration means sharing decisions; representatives of every sector should have an equal voice.",
)
def _shared_decisions(p: Partnership) -> Iterator[Finding]:
    collaborative = p.level in {Level.collaboration, Level.multisector_collaboration}
    if collaborative and p.decision_making.method is DecisionMethod.hierarchical:
        message = f"a {p.level.label.lower()} decides hierarchically; use representative or consensus"
        yield ("decision_making", "method"), message


@rule(
    "consensus-needs-quorum-and-fallback",
    "Consensus decision-making without a quorum or a fallback rule.",
    "Consensus can stall: a quorum says who must be there, and a fallback says how to decide when agreement fails.",
)
def _consensus_rules(p: Partnership) -> Iterator[Finding]:
    decision = p.decision_making
    if decision.method is DecisionMethod.consensus:
        missing = [name for name in ("quorum", "fallback") if getattr(decision, name) is None]
        if missing:
            yield ("decision_making",), f"consensus without {' or '.join(missing)}"


@rule(
    "survivor-compensation",
    "Survivor engagement does not say how survivors are paid.",
    "Survivors who share their expertise should be paid for it, like any other consultant.",
)
def _survivor_compensation(p: Partnership) -> Iterator[Finding]:
    engagement = p.survivor_engagement
    if engagement is None:
        yield ("survivor_engagement",), "there is no survivor_engagement section; say how survivors shape the work"
    elif engagement.compensation is None:
        yield ("survivor_engagement",), "survivor engagement does not state compensation"


@rule(
    "formal-needs-agreement",
    "A formal partnership has no agreement terms.",
    "Formal partnerships document their terms: notice period, renewal and how the agreement is amended.",
)
def _formal_agreement(p: Partnership) -> Iterator[Finding]:
    if p.formality is Formality.formal and p.agreement is None:
        yield (), "the partnership is formal but has no 'agreement' section (notice period, amendment)"


@rule(
    "emergency-scenarios",
    "The emergency plan covers neither a data breach nor the loss of key personnel.",
    "A breach of survivor information and the sudden loss of a key person are the crises partners face most.",
)
def _emergency_scenarios(p: Partnership) -> Iterator[Finding]:
    covered = set(p.emergency.hazards) | {s.hazard for s in p.emergency.scenarios}
    for hazard in (Hazard.data_breach, Hazard.loss_of_key_personnel):
        if hazard not in covered:
            yield ("emergency",), f"no plan for: {hazard.label.lower()} (add it to hazards or scenarios)"


@rule(
    "succession-three-deep",
    "An order of succession is less than three positions deep.",
    "Continuity plans name at least three positions in line, so one absence never leaves a role empty.",
)
def _succession_depth(p: Partnership) -> Iterator[Finding]:
    for index, line in enumerate(p.emergency.succession):
        if len(line.order) < 3:
            message = f"the succession for '{line.role}' is {len(line.order)} deep; name at least three positions"
            yield ("emergency", "succession", index, "order"), message


_PLACEHOLDER = re.compile(r"\b(?:x{2,}|0{3,}|123|1234)\b|\?\?|§\s*$", re.IGNORECASE)
_FEDERAL = re.compile(r"U\.?\s?S\.?\s?C|C\.?\s?F\.?\s?R|United States Code", re.IGNORECASE)


@rule(
    "reporting-citation",
    "The mandated-reporting citation looks invented, incomplete or federal.",
    "Reporting duties come from state law and differ by state; documents must never carry a guessed citation.",
)
def _reporting_citation(p: Partnership) -> Iterator[Finding]:
    reference = p.mandatory_reporting.legal_reference
    location = ("mandatory_reporting", "legal_reference")
    if reference is None or p.mandatory_reporting.legal_reference_pending:
        return
    if _PLACEHOLDER.search(reference) or not re.search(r"\d", reference):
        yield (
            location,
            (
                f"'{reference}' does not look like a complete citation; copy it exactly from your counsel, or, while "
                "counsel has not confirmed it, write 'legal_reference_pending: true' instead"
            ),
        )
    elif _FEDERAL.search(reference):
        yield location, "mandated reporting is set by state law; a federal citation here is probably wrong"


@rule(
    "citation-pending",
    "A citation is still marked as pending counsel review.",
    "Documents print a blank in its place; nothing may be published until counsel confirms it.",
    blocks_release=True,
)
def _citation_pending(p: Partnership) -> Iterator[Finding]:
    if p.mandatory_reporting.legal_reference_pending:
        yield (
            ("mandatory_reporting", "legal_reference_pending"),
            (
                "the reporting citation is pending counsel review: documents print a blank to complete until counsel "
                "confirms it (then fill in legal_reference and remove this line)"
            ),
        )


@rule(
    "todo-left",
    "A value still contains a TODO placeholder.",
    "Placeholders from `partnerdocs new` must be replaced before documents go to anyone.",
)
def _todo_left(p: Partnership) -> Iterator[Finding]:
    for location, value in texts(p):
        if "TODO" in value:
            yield location, f"replace the placeholder: {value[:60]}"


def texts(value: object, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every text value inside a model (or list, or text), with its location.

    Several rules read every text of the same partnership: its texts are collected once and reused.
    """
    if isinstance(value, Partnership) and not location:
        cached = _TEXTS.get(id(value))
        if cached is None or cached[0] is not value:
            # model_dump walks the model in Rust; the plain data it gives has the same field names and order.
            found: list[tuple[Location, str]] = []
            _collect(value.model_dump(), (), found)
            cached = (value, tuple(found))
            _TEXTS.clear()  # one partnership at a time: lint runs its rules over one file, then the next
            _TEXTS[id(value)] = cached
        return iter(cached[1])
    return _walk(value, location)


_TEXTS: dict[int, tuple[Partnership, tuple[tuple[Location, str], ...]]] = {}


def _collect(value: object, location: Location, found: list[tuple[Location, str]]) -> None:
    if isinstance(value, str):
        found.append((location, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, (*location, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*location, index), found)


def _walk(value: object, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*location, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*location, index))
    elif isinstance(value, str):
        yield location, value


# Registered last, so that they follow these rules in `lint` output and docs/lint-rules.md.
from pipeline import consistency as _consistency  # noqa: E402,F401
from pipeline import lint_evaluation as _lint_evaluation  # noqa: E402,F401
from pipeline import lint_languages as _lint_languages  # noqa: E402,F401
from pipeline import lint_members as _lint_members  # noqa: E402,F401
from pipeline import lint_plans as _lint_plans  # noqa: E402,F401
from pipeline import lint_seats as _lint_seats  # noqa: E402,F401
from pipeline import lint_subgrants as _lint_subgrants  # noqa: E402,F401
from pipeline import lint_text as _lint_text  # noqa: E402,F401
