"""Sign-off: who must approve each document, its content fingerprint, and whether it is final.

A fingerprint is a hash of what a signer reads (the document's text rendition, taken before any
draft marking or revision table is added) and of the template's bytes. It does not depend on zip
timestamps, so rebuilding the same content gives the same fingerprint, and any change to the data
or the template gives a new one, which turns a final document back into a draft.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pipeline.plans import organization_id
from pipeline.subgrants import party_ids
from pipeline.versions import base_name
from schemas import Partnership
from schemas.signoff import Approval
from schemas.vocabulary import LeadershipModel

FINGERPRINT_VERSION = "partnerdocs-fingerprint-v1"
SHORT = 12
"""Characters of a fingerprint printed in documents and messages."""


def fingerprint(template_sha256: str, text: str) -> str:
    """The content fingerprint of a document's text rendered from a template."""
    payload = f"{FINGERPRINT_VERSION}\n{template_sha256}\n{text}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Signoff:
    """Where a document stands: who must approve it, and whose approval matches the current content."""

    document: str
    fingerprint: str
    required: tuple[str, ...]
    approved: tuple[Approval, ...]
    """The approvals that count: for the current content, given alongside no one who has since been dropped."""
    missing: tuple[str, ...]
    stale: tuple[Approval, ...]
    """Approvals of required members that were given for an earlier version."""
    regrouped: tuple[Approval, ...] = ()
    """Approvals of the current content given alongside someone who no longer has to approve it: their
    signatory agreed to a document that others would sign too, so they approve again."""
    newly_required: tuple[str, ...] = ()
    """Members still to approve whom no approval that counts was given alongside: added since."""
    held: tuple[str, ...] = ()
    """Why a lint rule holds the document back (pipeline.holds): blanks to complete, a contradiction."""

    @property
    def final(self) -> bool:
        return bool(self.required) and not self.missing and not self.held

    @property
    def status(self) -> str:
        return "final" if self.final else "draft"

    @property
    def lapsed(self) -> bool:
        """True when approvals exist that counted once and no longer do (the document is a draft again)."""
        return bool(self.stale or self.regrouped)


def leaders(partnership: Partnership) -> list[str]:
    """Ids of the current lead organizations, or of the core group's seats."""
    current = {m.id for m in partnership.current_members}
    leadership = partnership.leadership
    if leadership.model is LeadershipModel.core_group:
        ids = [seat.holder for seat in leadership.core_group if seat.holder]  # a vacant seat approves nothing
    else:
        ids = list(leadership.leads)
    return [i for i in dict.fromkeys(ids) if i in current]


def default_approvers(partnership: Partnership, kind_id: str, document: str) -> list[str]:
    """Whose approval a document needs unless the YAML says otherwise (see `approvers`)."""
    if kind_id == "mou":
        return [m.id for m in partnership.current_members]
    if kind_id == "letter-of-intent":
        return [document.removeprefix(f"{kind_id}-")]
    if kind_id == "subgrant-agreement":
        return party_ids(partnership, document)  # the two parties' signatories approve
    if kind_id == "partnership-plan":
        return [organization_id(partnership, document)]  # an organization's own plan: it alone approves it
    return leaders(partnership)


def required_approvers(partnership: Partnership, kind_id: str, document: str) -> list[str]:
    """The approvers of a document: an override for the document (or its kind) if any, else the default."""
    overrides = {o.document: o.members for o in partnership.approvers}
    base = base_name(document)  # every language version of a document has the same approvers
    chosen = overrides.get(document) or overrides.get(base) or overrides.get(kind_id)
    return list(dict.fromkeys(chosen)) if chosen else default_approvers(partnership, kind_id, base)


def evaluate(
    partnership: Partnership, kind_id: str, document: str, current: str, held: tuple[str, ...] = ()
) -> Signoff:
    """Compare the recorded approvals of a document with its current fingerprint and approvers.

    An approval counts when it is for the current content and everyone it was given alongside must
    still approve the document. So adding an approver keeps the approvals given (the newcomer must
    approve too), and dropping one makes those who approved alongside them approve again: nobody's
    approval ends up making a document final with fewer signatures than they agreed to.
    """
    needed = tuple(required_approvers(partnership, kind_id, document))
    default = default_approvers(partnership, kind_id, base_name(document))
    # An approval recorded before partnerdocs wrote down its approvers is read as given alongside the
    # default ones: so an override that drops one of them cannot make it count for fewer signatures.
    mine = [
        a if a.approvers is not None else a.model_copy(update={"approvers": default})
        for a in partnership.approvals
        if a.document == document and a.by in needed
    ]
    current_content = [a for a in mine if a.fingerprint == current]
    # A member who approved the same version again (another day, another branch) counts once.
    first: dict[str, Approval] = {}
    for approval in current_content:
        if set(approval.approvers or ()) <= set(needed):
            first.setdefault(approval.by, approval)
    approved = tuple(first.values())
    approved_by = {a.by for a in approved}
    regrouped = tuple({a.by: a for a in current_content if a.by not in approved_by}.values())
    for_current_content = {a.by for a in current_content}
    stale = tuple(a for a in mine if a.fingerprint != current and a.by not in for_current_content)
    missing = tuple(member for member in needed if member not in approved_by)
    counted_with = {member for a in approved for member in a.approvers or ()}
    newly_required = tuple(member for member in missing if approved and member not in counted_with)
    return Signoff(document, current, needed, approved, missing, stale, regrouped, newly_required, held)


def approval_problems(
    partnership: Partnership, required: dict[str, list[str]]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Approvals and overrides that name a document that does not exist, or an approver it does not need."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for index, override in enumerate(partnership.approvers):
        if override.document not in required and not any(d.startswith(override.document) for d in required):
            problems.append((("approvers", index, "document"), f"no document is named '{override.document}'"))
    for index, approval in enumerate(partnership.approvals):
        problems += [(("approvals", index, field), message) for field, message in approval_check(approval, required)]
    return problems


def approval_check(approval: Approval, required: dict[str, list[str]]) -> list[tuple[str, str]]:
    """What is wrong with one approval, given every document and its approvers: (field, message) pairs."""
    if approval.document not in required:
        names = ", ".join(sorted(required))
        return [("document", f"no document is named '{approval.document}'; the documents are: {names}")]
    if approval.by not in required[approval.document]:
        who = ", ".join(required[approval.document]) or "nobody"
        return [("by", f"'{approval.by}' is not among those who must approve {approval.document} ({who})")]
    if approval.approvers is not None and approval.by not in approval.approvers:
        message = f"'{approval.by}' approved {approval.document} but is not among the approvers listed here"
        return [("approvers", message)]
    return []
