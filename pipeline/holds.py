"""Documents held back as drafts by what a lint rule finds, whatever their approvals say.

A document is final when its signatories approved exactly its content, and nothing in it is left to
complete or contradicts another document: a subgrant agreement with blanks for its award information, an
MOU missing a member's signatory, any document of a partnership whose documents would state a fact two
ways, or one printing a citation counsel has not confirmed. The rules that find these (`blocks_release` in
pipeline.lint) hold back the documents they concern; those documents stay drafts, saying why, and
`build --release` lists them without failing (`--all-final` refuses instead).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.subgrants import agreement_names

if TYPE_CHECKING:
    from pipeline.lint import RuleFinding
    from pipeline.load import Location
    from schemas import Partnership

EVERY_DOCUMENT = "*"

# Which documents a finding of each rule concerns (a document name or a kind id); a rule not listed here
# holds back every document of the partnership.
_CONCERNS: dict[str, Callable[[Partnership, Location], str]] = {
    "subgrant-blank": lambda p, location: agreement_names(p)[int(location[2])],
    "signatory-missing": lambda p, location: "mou",
    "mou-moves-funds": lambda p, location: "mou",
}


def _every_document(partnership: Partnership, location: Location) -> str:
    return EVERY_DOCUMENT


def held_documents(partnership: Partnership, found: list[RuleFinding] | None = None) -> dict[str, tuple[str, ...]]:
    """Document name, kind id or EVERY_DOCUMENT -> why it is held back (one reason per rule). `found` is
    pipeline.lint.rule_findings(partnership) when the caller has it already (a build lints the file too)."""
    from pipeline.lint import RULES

    if found is None:
        found = [
            (rule, location, message)
            for rule in RULES
            if rule.blocks_release
            for location, message in rule.check(partnership)
        ]
    held: dict[str, dict[str, None]] = {}
    for rule, location, _ in found:
        if rule.blocks_release:
            concerns = _CONCERNS.get(rule.id, _every_document)
            reason = f"held back by lint rule {rule.id} (partnerdocs lint says what to complete or correct)"
            held.setdefault(concerns(partnership, location), {})[reason] = None
    return {target: tuple(reasons) for target, reasons in held.items()}


def reasons_for(held: dict[str, tuple[str, ...]], kind_id: str, name: str) -> tuple[str, ...]:
    """Why the document `name` of kind `kind_id` is held back (empty when it is not)."""
    found = (*held.get(EVERY_DOCUMENT, ()), *held.get(kind_id, ()), *held.get(name, ()))
    return tuple(dict.fromkeys(found))
