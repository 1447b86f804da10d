"""The document kinds partnerdocs builds: template, audience, and which files each makes.

Context builders are imported only when a document is planned, so that `partnerdocs --help` and
`validate` never load rendering code.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipeline.audience import Audience
from pipeline.i18n import N_, _

if TYPE_CHECKING:
    from schemas import Partnership
    from schemas.members import Member


@dataclass(frozen=True)
class PlannedDocument:
    """One file a kind makes for a partnership: output/<slug>/<name>.docx."""

    name: str
    title: str
    context: Mapping[str, Any]


ContextBuilder = Callable[["Partnership", Audience], Mapping[str, Any]]
Planner = Callable[["Partnership", Audience], list[PlannedDocument]]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document, e.g. the MOU."""

    id: str
    title: str
    audience: Audience
    builder: str
    """'module:function' of the context builder (or, when many=True, of the planner)."""
    many: bool = False
    """True when the kind makes several files per partnership (a letter per member)."""
    requires: Callable[[Partnership], str | None] = lambda _: None
    """Why a partnership cannot have this document yet (None when it can)."""
    names: Callable[[Partnership], list[str]] | None = None
    """The file names this kind makes (needed only when many=True); cheap, builds no context."""
    binds: Callable[[Partnership, str], list[Member]] = lambda p, _: p.current_members
    """The members whose promises a document of this name states (what counsel must review)."""
    review: tuple[str, ...] = ()
    """What counsel checks in every document of this kind, on top of the legal positions of those it binds."""
    revision_history: bool = True
    """False for kinds that never print a revision history (letters, partnership plans)."""
    undated: bool = False
    """True for a kind with no date of its own (charter, guide, packet): it shows the core group's seats as of
    the date of its file's content (its last commit), so a cover or an interim holder acts in it on that day."""

    def audience_of(self, name: str) -> Audience:
        """The readers of the document of this name (or of a language version of it, 'mou-public-copy.es'): the
        kind's, except the editions made for wider readers."""
        return WIDER_EDITIONS.get(name.split(".", 1)[0], self.audience)

    def document_names(self, partnership: Partnership) -> list[str]:
        """The names of the files this kind makes for a partnership, each language version's (`mou`, `mou.es`),
        without building their contexts."""
        from pipeline.versions import version_names

        return [version for name in self.base_names(partnership) for version in version_names(partnership, name)]

    def base_names(self, partnership: Partnership) -> list[str]:
        """The names of the documents this kind makes, before language versions: 'mou', 'letter-of-intent-da'."""
        if self.requires(partnership) is not None:
            return []
        return self.names(partnership) if self.names else [self.id]

    @property
    def template_name(self) -> str:
        return f"{self.id}.docx"

    def plan(self, partnership: Partnership, content_date: dt.date | None = None) -> list[PlannedDocument]:
        """The files this kind makes for a partnership, with their contexts.

        `content_date` is the date of the file's content (None when unknown: the seats then show as written);
        a kind with a date of its own (an MOU, a letter) works its facts out from that date instead."""
        if self.undated:
            from pipeline.dated import seats_on

            partnership = seats_on(partnership, content_date)
        module_name, function_name = self.builder.split(":")
        function = getattr(importlib.import_module(module_name), function_name)
        if self.many:
            planned: list[PlannedDocument] = function(partnership, self.audience)
            return planned
        return [PlannedDocument(self.id, _(self.title), function(partnership, self.audience))]


def _needs_agreement(partnership: Partnership) -> str | None:
    if partnership.agreement is None:
        return "there is no 'agreement' section (term, notice period, amendment) to write an MOU from"
    return None


PUBLIC_COPY = "mou-public-copy"
AFFILIATE_EDITION = "onboarding-packet-affiliates"
"""The packet for affiliates and resource partners: no member directory, only what the public may see."""
WIDER_EDITIONS = {PUBLIC_COPY: Audience.public, AFFILIATE_EDITION: Audience.public}
"""Documents made for readers wider than their kind's: they show only what the public may see."""


def _mou_names(partnership: Partnership) -> list[str]:
    from pipeline.legal_positions import needs_public_copy  # cheap: no rendering code

    return ["mou", PUBLIC_COPY] if needs_public_copy(partnership) else ["mou"]


def _has_letters(partnership: Partnership) -> str | None:
    if not any(grant.letter_of_intent for grant in partnership.funding.grants):
        return "no grant under 'funding.grants' has a 'letter_of_intent' section"
    return None


def _has_subgrants(partnership: Partnership) -> str | None:
    if not partnership.funding.subgrants:
        return "there are no subgrants under 'funding.subgrants'"
    return None


def _subgrant_names(partnership: Partnership) -> list[str]:
    from pipeline.subgrants import agreement_names  # cheap: no rendering code

    return agreement_names(partnership)


def _subgrant_parties(partnership: Partnership, name: str) -> list[Member]:
    """The pass-through organization and the subrecipient of the subgrant a document of this name states."""
    from pipeline.subgrants import party_ids

    return [partnership.member(member_id) for member_id in party_ids(partnership, name)]


def _has_plans(partnership: Partnership) -> str | None:
    if not partnership.plans:
        return "there are no partnership plans under 'plans'"
    return None


def _plan_names(partnership: Partnership) -> list[str]:
    from pipeline.plans import plan_names  # cheap: no rendering code

    return plan_names(partnership)


def _plan_organization(partnership: Partnership, name: str) -> list[Member]:
    """The organization whose plan a document of this name is: the plan speaks for it alone."""
    from pipeline.plans import organization_id

    return [partnership.member(organization_id(partnership, name))]


def _has_evaluation(partnership: Partnership) -> str | None:
    from pipeline.evaluation import has_content  # cheap: no rendering code

    if not has_content(partnership.evaluation):
        return "the 'evaluation' section is empty"
    return None


KINDS: dict[str, DocumentKind] = {
    kind.id: kind
    for kind in [
        DocumentKind(
            id="mou",
            title=N_("Memorandum of Understanding"),
            audience=Audience.members,
            builder="pipeline.contexts.mou:mou_documents",
            many=True,
            names=_mou_names,
            requires=_needs_agreement,
        ),
        DocumentKind(
            id="letter-of-intent",
            title=N_("Letter of Intent"),
            audience=Audience.public,
            builder="pipeline.contexts.letter_of_intent:letters",
            many=True,
            names=lambda p: [f"letter-of-intent-{writer.id}" for _, writer in p.letters_of_intent()],
            requires=_has_letters,
            binds=lambda p, name: [p.member(name.removeprefix("letter-of-intent-"))],
            revision_history=False,
        ),
        DocumentKind(
            id="subgrant-agreement",
            title=N_("Subgrant Agreement"),
            audience=Audience.members,
            builder="pipeline.contexts.subgrant_agreement:subgrant_agreements",
            many=True,
            names=_subgrant_names,
            requires=_has_subgrants,
            binds=_subgrant_parties,
            revision_history=False,  # a contract between two members: the partnership's notes are not about it
            review=(
                N_(
                    "Subgrant agreement: confirm whether the funds are a federal award (then the 2 CFR 200.332 award "
                    "information and the federal rules cited apply), and the terms (payment, reporting, monitoring, "
                    "records, audit, termination, closeout) against the award or grant agreement and its conditions."
                ),
            ),
        ),
        DocumentKind(
            id="partnership-plan",
            title=N_("Partnership Plan"),
            # The organization's own staff read it; members is the audience whose contact details they may see.
            audience=Audience.members,
            builder="pipeline.contexts.partnership_plan:partnership_plans",
            many=True,
            names=_plan_names,
            requires=_has_plans,
            binds=_plan_organization,
            # The partnership's revision notes are about its shared documents; a plan is one member's own.
            revision_history=False,
        ),
        DocumentKind(
            id="governance-charter",
            title=N_("Governance Charter"),
            audience=Audience.members,
            builder="pipeline.contexts.governance_charter:governance_charter_context",
            undated=True,
        ),
        DocumentKind(
            id="emergency-response-guide",
            title=N_("Emergency and Crisis Response Guide"),
            audience=Audience.core_team,
            builder="pipeline.contexts.emergency_response_guide:emergency_response_guide_context",
            undated=True,
        ),
        DocumentKind(
            id="onboarding-packet",
            title=N_("New-Member Onboarding Packet"),
            audience=Audience.members,
            builder="pipeline.contexts.onboarding_packet:onboarding_packet_documents",
            many=True,
            names=lambda p: ["onboarding-packet", AFFILIATE_EDITION] if p.affiliates() else ["onboarding-packet"],
            undated=True,
        ),
        DocumentKind(
            id="evaluation-plan",
            title=N_("Evaluation Plan"),
            audience=Audience.members,
            builder="pipeline.contexts.evaluation_plan:evaluation_plan_context",
            requires=_has_evaluation,
            # The plan states no member's confidentiality promises: counsel checks the data it collects instead.
            binds=lambda p, _: [],
            review=(
                N_(
                    "Evaluation plan: confirm that collecting and passing on the data it lists (surveys of survivors, "
                    "counts from members’ records) fits each member’s confidentiality duties and its grants’ "
                    "conditions, and whether a design that studies survivors needs a research-ethics review."
                ),
            ),
            # Like the charter, the plan has no date of its own: it shows the evaluation as agreed so far.
            undated=True,
        ),
    ]
}
