"""What members in each legal position may promise about survivors' information (documents.md section 3a).

One clause per legal position, in our own words and in two voices: "we" for a member's own letter, "they" for
an agreement naming a group of members, with the note a lawyer must review where there is one. Choosing which
clauses a document prints is pipeline.contexts.confidentiality's job; docs/legal-positions.md prints them all.
Every text is marked for the message catalog (N_) and translated where it is handed to a document.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.i18n import N_
from schemas.vocabulary import LegalPosition

P = LegalPosition


@dataclass(frozen=True)
class Clause:
    """What members in one legal position may promise, in both voices, and what counsel must check."""

    heading: str
    we: str
    they: str
    review: str = ""


# The release's time limit is added by the documents when the partnership sets one.
CLAUSES: dict[LegalPosition, Clause] = {
    P.victim_services: Clause(
        N_("Victim-service providers bound by VAWA or VOCA confidentiality"),
        N_(
            "We share no personally identifying information about a survivor without the survivor’s informed, written"
            " and reasonably time-limited consent; a release is never a condition of our services, and we report "
            "totals only. The only exceptions are a statute or a court order that compels a release; we then try to "
            "tell the survivor first, protect their safety, and release no more than is required."
        ),
        N_(
            "These members share no personally identifying information about a survivor without the survivor’s "
            "informed, written and reasonably time-limited consent. Signing a release is never a condition of their "
            "services, and they share no identifying information for reporting or evaluation. The only exceptions are"
            " a statute or a court order that compels a release; they then make reasonable efforts to tell the "
            "survivor first, take steps to protect the survivor’s safety and privacy, and release no more than is "
            "required."
        ),
    ),
    P.legal_services: Clause(
        N_("Legal services"),
        N_(
            "What a client tells our attorneys is privileged and confidential: we share it only as the client directs"
            " or as the rules of professional conduct allow or require. A filing for a survivor, such as one for "
            "immigration relief, shares what it needs, with the survivor’s informed consent."
        ),
        N_(
            "What a client tells their attorneys is protected by attorney–client privilege and by the attorneys’ "
            "professional duty of confidentiality. They share it only as the client directs, or where the rules of "
            "professional conduct allow or require it. When they file for a survivor, for example for immigration "
            "relief, they share what the filing needs, with the survivor’s informed consent."
        ),
        N_("The exceptions to an attorney’s duty of confidentiality follow the state’s rules of professional conduct."),
    ),
    P.health_care: Clause(
        N_("Health care providers covered by HIPAA"),
        N_(
            "As a HIPAA covered entity we disclose a patient’s health information only with written authorization or "
            "where the Privacy Rule allows it, for example where a law requires it, to report abuse, for certain "
            "law-enforcement requests or to prevent a serious threat, and we tell patients first what we may have to "
            "report."
        ),
        N_(
            "These members disclose a patient’s protected health information only with the patient’s written "
            "authorization, or where the HIPAA Privacy Rule permits it without one: for example, where a law requires"
            " it, to report abuse or neglect, for certain requests from law enforcement, or to prevent a serious "
            "threat to someone’s health or safety. Before a patient tells them more, their staff explain what they "
            "may have to report."
        ),
        N_(
            "Which HIPAA disclosures without authorization the member actually makes, and any stricter state "
            "health-privacy law."
        ),
    ),
    P.school: Clause(
        N_("Schools and colleges covered by FERPA"),
        N_(
            "Student records we hold are disclosed only with written consent, as FERPA requires, or under its narrow "
            "exceptions, such as a health or safety emergency or a lawful subpoena or court order."
        ),
        N_(
            "Student education records these members hold are disclosed only with written consent, as FERPA requires,"
            " or under its narrow exceptions, such as a health or safety emergency or a lawfully issued subpoena or "
            "court order."
        ),
    ),
    P.community_partner: Clause(
        N_("Other members"),
        N_(
            "We keep what we learn about survivors confidential and share identifying information only with the "
            "survivor’s informed, written consent or where a law or court order requires it, telling the survivor "
            "first where it is safe and sharing no more than required."
        ),
        N_(
            "These members keep what they learn about survivors confidential. They share identifying information only"
            " with the survivor’s informed, written consent, or where a law or a court order requires it; they then "
            "tell the survivor first, where it is safe to do so, and share no more than is required."
        ),
    ),
    P.child_welfare: Clause(
        N_("Child welfare"),
        N_(
            "We must report suspected abuse or neglect of a child, and federal law (CAPTA, as amended in 2015) treats"
            " a child trafficked for sex as a victim of child abuse. Our case records are confidential under state "
            "law, which also names who may see them; our staff say so at the start of any conversation that could "
            "touch a child’s case."
        ),
        N_(
            "These members must report suspected abuse or neglect of a child, and federal child-welfare law (CAPTA, "
            "as amended in 2015) treats a child who is trafficked for sex as a victim of child abuse. Their case "
            "records are confidential under state law, which also names who may see them, such as courts, law "
            "enforcement and the child’s service providers. Their staff say so at the start of any conversation that "
            "could touch a child’s case."
        ),
        N_("Who may see child-welfare case records under state law, and what the agency shares with the Partnership."),
    ),
    P.law_enforcement: Clause(
        N_("Law enforcement"),
        N_(
            "As a law-enforcement agency we cannot promise survivors confidentiality: evidence rules, discovery, "
            "subpoenas, court orders and public-records law can compel us to disclose what we learn. We share it only"
            " with those who need it, protect survivors’ identities as far as the law allows, and tell each survivor "
            "early and plainly what we may have to disclose."
        ),
        N_(
            "These members cannot promise that what a survivor tells them stays confidential: their reports and case "
            "files follow the rules of evidence and public-records law, and discovery, subpoenas and court orders can"
            " compel their disclosure. They share what they learn about a survivor only with people who need it to do"
            " their part, protect survivors’ identities as far as the law allows, and tell each survivor early and "
            "plainly what they may have to disclose."
        ),
        N_(
            "The limits of a law-enforcement member’s confidentiality under the state’s public-records and evidence "
            "rules."
        ),
    ),
    P.prosecution: Clause(
        N_("Prosecution"),
        N_(
            "As prosecutors we must give the defense evidence that could help the accused or question a witness’s "
            "account, including benefits such as immigration relief or Continued Presence, and discovery, subpoenas "
            "and court orders can compel more. We share information only with those who need it, protect survivors’ "
            "identities as far as the law allows, and tell each survivor at the start what may be disclosed."
        ),
        N_(
            "Prosecutors must give the defense any evidence that could help the accused or call a witness’s account "
            "into question, including any benefit a witness receives, such as immigration relief or Continued "
            "Presence. Discovery rules, subpoenas and court orders can also compel them to disclose what a survivor "
            "tells them. They share information only with those who need it, protect survivors’ identities as far as "
            "the law allows, and tell each survivor at the start what may have to be disclosed."
        ),
        N_("The prosecutors’ disclosure duties to the defense, and how survivors are told about them."),
    ),
    P.system_based_advocacy: Clause(
        N_("System-based advocates"),
        N_(
            "Our advocates work inside a government agency and share its duties to disclose, so they cannot offer the"
            " confidentiality a community-based advocate may have; they tell each survivor so at the first meeting "
            "and offer a community-based advocate."
        ),
        N_(
            "The advocates of these members work inside a government agency, so they share its duties to disclose and"
            " cannot offer the confidentiality or privilege a community-based advocate may have. They tell each "
            "survivor at the first meeting what they may have to pass on, and offer to connect the survivor with a "
            "community-based advocate."
        ),
        N_("What the agency’s advocates must pass on to investigators or prosecutors."),
    ),
    P.corrections: Clause(
        N_("Custody and detention under PREA"),
        N_(
            "When a possible victim is in our custody, the Prison Rape Elimination Act (PREA) standards require our "
            "staff to report any sexual abuse or harassment in custody, and we tell the person so before they share."
        ),
        N_(
            "When a possible victim is in their custody, the standards under the Prison Rape Elimination Act (PREA) "
            "apply: their staff must report any sexual abuse or sexual harassment in custody that they learn of, and "
            "it is investigated. Staff tell the person this before they share."
        ),
        N_("The member’s PREA reporting policy and what it shares with outside advocates."),
    ),
    P.mandated_reporter: Clause(
        N_("Mandated reporters"),
        N_(
            "Our staff are mandated reporters of suspected child abuse and of any other harm state law names, and "
            "they say so before a survivor shares anything that could lead to a report."
        ),
        N_(
            "The staff of these members are mandated reporters: they must report suspected abuse or neglect of a "
            "child, and any other harm that state law names. They say so before a survivor shares anything that could"
            " lead to a report, so the survivor can choose what to share."
        ),
        N_("Which of the member’s staff are mandated reporters under state law, and of what."),
    ),
    P.public_body: Clause(
        N_("Public bodies"),
        N_(
            "As a public body, what we sign may be released under public-records law, so it carries no survivor’s "
            "information and names survivor leaders only as they choose."
        ),
        N_(
            "These members are public bodies: they may have to release what they sign with the Partnership, and other"
            " records of their work with it, under public-records law. They keep survivors’ information out of what "
            "they sign, and survivor leaders are named in it only as they choose to be named."
        ),
    ),
}


__all__ = ["CLAUSES", "Clause"]
