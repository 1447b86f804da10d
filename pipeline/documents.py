"""The documents of partnerships: load and check each file, lint it, render its documents.

`build_one` does all of it for one partnership file and stages the results on disk; pipeline.build
runs it for many files (in worker processes with --jobs) and switches the staged folders into place
only when every one succeeded. Nothing here is imported by commands that render nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.xmlchemy import BaseOxmlElement

from pipeline.contexts.confidentiality import counsel_review
from pipeline.errors import PartnerdocsError, Problem
from pipeline.finalize import DocumentProperties, Finish, finalize
from pipeline.formatting import long_date
from pipeline.history import NO_HISTORY, SourceHistory, source_histories
from pipeline.holds import held_documents, reasons_for
from pipeline.i18n import _
from pipeline.inputs import Template, template_digests
from pipeline.kinds import KINDS, DocumentKind, PlannedDocument
from pipeline.locales import current_language, language_name, word_language, writing_in
from pipeline.manifest import Entry, sha256
from pipeline.partnerships import LoadedPartnership, load_one
from pipeline.property_limits import MAX_PROPERTY_CHARACTERS
from pipeline.render import render_template
from pipeline.signoff import SHORT, Signoff, evaluate, fingerprint
from pipeline.template_files import template_key
from pipeline.text import document_text
from pipeline.validate import problem_at
from pipeline.values import partnership_in
from pipeline.versions import base_name, language_note, languages_of, version_name
from schemas import Partnership


@dataclass(frozen=True)
class RenderedDocument:
    loaded: LoadedPartnership
    kind: DocumentKind
    name: str
    docx: bytes
    text: str
    signoff: Signoff
    template_sha256: str
    source_commit: str | None
    counsel_review: tuple[str, ...] = ()
    """Clauses a lawyer must check before anyone signs (listed at the end of a draft)."""

    @property
    def slug(self) -> str:
        return self.loaded.slug


@dataclass(frozen=True)
class StagedDocument:
    """A document rendered and written under the staging folder, waiting to be moved into place."""

    target: Path
    staged: Path
    staged_text: Path
    entry: Entry
    final: bool
    reasons: str
    """Why it is a draft ('' when final)."""
    stale: bool
    """True when approvals exist but were given for an earlier version."""


@dataclass(frozen=True)
class PartnershipResult:
    """Everything one partnership file produced: problems, or staged documents."""

    path: Path
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    skipped: tuple[str, ...] = ()
    documents: tuple[StagedDocument, ...] = ()
    source: dict[str, str | None] = dataclasses.field(default_factory=dict)


def render_all(
    partnerships: Iterable[LoadedPartnership],
    kinds: Iterable[str] = (),
    templates_dir: Path | None = None,
    only: str | None = None,
) -> Iterator[RenderedDocument]:
    """Render the chosen kinds (default: all) of every partnership in memory, one by one; writes nothing.

    `only` renders just the document of that name (what `approve` needs), not its whole kind.
    """
    chosen = [KINDS[k] for k in kinds] or list(KINDS.values())
    partnerships = list(partnerships)
    templates = template_digests(chosen, templates_dir)
    histories = source_histories(p.source.path for p in partnerships)
    for loaded in partnerships:
        history = histories.get(loaded.source.path.resolve(), NO_HISTORY)
        yield from _render_kinds(loaded, chosen, templates, history, only)[0]


def build_one(
    path: Path,
    kinds: Sequence[str],
    templates: dict[str, Template],
    history: SourceHistory,
    source_sha256: str,
    staging: Path,
    out_dir: Path,
    strict: bool = False,
    all_final: bool = False,
) -> PartnershipResult:
    """Check, lint and render one partnership file, writing its documents under `staging`. With all_final,
    the findings of rules that hold documents back are errors (pipeline.holds)."""
    from pipeline.lint import lint, rule_findings

    loaded, problems = load_one(path)
    if loaded is None:
        return PartnershipResult(path, problems=tuple(problems))
    found = rule_findings(loaded.as_written)  # once, for the warnings and for the documents held back
    warnings = lint(loaded.source, loaded.as_written, strict, all_final, found)
    try:
        held = held_documents(loaded.as_written, found)
        chosen = [KINDS[k] for k in kinds]
        rendered, skipped, untranslated = _render_kinds(loaded, chosen, templates, history, held=held)
        staged = [_stage(document, staging, out_dir) for document in rendered]
    except PartnerdocsError as error:
        return PartnershipResult(path, problems=tuple(error.problems))
    # A language the partnership lists but a kind has no template in is a warning: those readers get no version.
    warnings += [
        dataclasses.replace(problem_at(loaded.source, ("languages",), note), severity="warning", rule=NO_TEMPLATE)
        for note in untranslated
    ]
    source: dict[str, str | None] = {"file": path.name, "sha256": source_sha256, "commit": history.commit}
    return PartnershipResult(path, (), tuple(warnings), tuple(skipped), tuple(staged), source)


def _render_kinds(
    loaded: LoadedPartnership,
    kinds: Iterable[DocumentKind],
    templates: dict[str, Template],
    history: SourceHistory,
    only: str | None = None,
    held: dict[str, tuple[str, ...]] | None = None,
) -> tuple[list[RenderedDocument], list[str], list[str]]:
    """The documents of the given kinds for one partnership, a note for each kind it cannot have, and one for
    each language a kind has no template in. `held` is held_documents(loaded.as_written) when the caller has
    it already."""
    rendered: list[RenderedDocument] = []
    skipped: list[str] = []
    untranslated: list[str] = []
    if held is None:
        held = held_documents(loaded.as_written)  # what lint finds in the file, as `lint` reports it
    partnership = loaded.partnership
    in_languages: dict[str, Partnership] = {}  # the partnership's values in each language, worked out once
    for kind in kinds:
        reason = kind.requires(partnership)
        if reason:
            skipped.append(f"{loaded.source.path}: no {kind.id}: {reason}")
            continue
        for tag in kind_languages(partnership, kind, only):
            key = template_key(kind.id, tag, templates)
            if key is None:
                untranslated.append(_no_template(kind, tag))
                continue
            # Contexts write their sentences, dates and money while planning, the template while rendering:
            # both in the version's language, from the partnership's values in that language.
            with writing_in(tag):
                if tag not in in_languages:
                    # Validation put every value in the language of record already (pipeline.validate).
                    record = tag == partnership.language_of_record
                    in_languages[tag] = partnership if record else partnership_in(partnership, tag)
                for planned in kind.plan(in_languages[tag], history.content_date):
                    name = version_name(partnership, planned.name, tag)
                    if tag not in languages_of(partnership, planned.name) or only not in (None, name):
                        continue
                    note = language_note(partnership, planned.name, tag)
                    context = {**planned.context, "language_note": note}
                    version = dataclasses.replace(planned, name=name, context=context)
                    holds = reasons_for(held, kind.id, planned.name)
                    rendered.append(_render(loaded, kind, version, templates[key], history, holds))
    return rendered, skipped, untranslated


def kind_languages(partnership: Partnership, kind: DocumentKind, only: str | None = None) -> list[str]:
    """The languages some document of this kind is built in (just the one `only` is in, when given)."""
    tags = dict.fromkeys(tag for name in kind.base_names(partnership) for tag in languages_of(partnership, name))
    if only is not None:
        wanted = only.split(".", 1)[1] if "." in only else partnership.language_of_record
        return [tag for tag in tags if tag == wanted]
    return list(tags)


NO_TEMPLATE = "language-without-template"
"""The warning that a kind has no template in one of the partnership's languages."""


def _no_template(kind: DocumentKind, tag: str) -> str:
    return (
        f"no {kind.id} is built in {language_name(tag)} ({tag}): there is no template {kind.id}.{tag}.docx; "
        f"translate {kind.template_name} into {language_name(tag)} and put it in templates/"
    )


def _stage(document: RenderedDocument, staging: Path, out_dir: Path) -> StagedDocument:
    folder = staging / document.slug
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f"{document.name}.docx"
    staged.write_bytes(document.docx)
    staged_text = staged.with_suffix(".txt")
    text = document.text.encode("utf-8")
    staged_text.write_bytes(text)
    signoff = document.signoff
    entry = _manifest_entry(document, sha256(document.docx), sha256(text))
    return StagedDocument(
        target=out_dir / document.slug / f"{document.name}.docx",
        staged=staged,
        staged_text=staged_text,
        entry=entry,
        final=signoff.final,
        reasons=entry.draft_reasons,
        stale=signoff.lapsed,
    )


def draft_reasons(signoff: Signoff, partnership: Partnership) -> str:
    """Why a document is still a draft, in one line."""
    parts = []
    if signoff.missing:
        parts.append("still to approve: " + ", ".join(_member_name(partnership, m) for m in signoff.missing))
    if signoff.newly_required:
        before = ", ".join(dict.fromkeys(_member_name(partnership, a.by) for a in signoff.approved))
        added = ", ".join(_member_name(partnership, m) for m in signoff.newly_required)
        parts.append(f"the approvers changed since {before} approved; {added} must now approve too")
    for approval in signoff.regrouped:
        name = _member_name(partnership, approval.by)
        then = ", ".join(_member_name(partnership, m) for m in approval.approvers or ())
        now = ", ".join(_member_name(partnership, m) for m in signoff.required)
        parts.append(
            f"the approvers changed since {name} approved on {approval.date} (then: {then}; now: {now}), "
            f"so {name} must approve again"
        )
    if signoff.stale:
        stale = ", ".join(
            f"{_member_name(partnership, a.by)} approved an earlier version on {a.date} "
            f"(fingerprint {a.fingerprint[:SHORT]})"
            for a in signoff.stale
        )
        parts.append(f"out of date: {stale}")
    if not signoff.required:
        parts.append("nobody is set to approve it (add 'approvers' to the YAML)")
    parts += signoff.held
    return "; ".join(parts)


def _member_name(partnership: Partnership, member_id: str) -> str:
    try:
        return partnership.member(member_id).name
    except KeyError:
        return member_id


def _render(
    loaded: LoadedPartnership,
    kind: DocumentKind,
    planned: PlannedDocument,
    template: Template,
    history: SourceHistory,
    held: tuple[str, ...] = (),
) -> RenderedDocument:
    partnership = loaded.partnership
    template_sha256 = template.sha256
    document = render_template(template.path, planned.context)
    styles = document.package.styles
    seen: dict[BaseOxmlElement, list[str]] = {}  # each block's text, worked out once for both renditions
    current = fingerprint(template_sha256, document_text(document.body, document.headers(), styles, seen))
    signoff = evaluate(partnership, kind.id, planned.name, current, held)
    notice = None
    if not signoff.final:
        notice = _draft_notice(partnership, signoff, current[:SHORT], bool(held))
    properties = DocumentProperties(
        title=_fitted(_("{title}: {partnership}", title=planned.title, partnership=partnership.name)),
        subject=partnership.name,
        language=word_language(current_language()),
        keywords=f"partnerdocs; {kind.id}; {loaded.slug}",
        category=_(kind.title),
        status="Final" if signoff.final else "Draft",
        identifier=current,
        date=history.date,
    )
    binds = kind.binds(partnership, base_name(planned.name))
    review = (*counsel_review(partnership, binds), *(_(item) for item in kind.review))
    data = finalize(document, Finish(properties, notice, review, _revision_notes(partnership, kind)))
    text = document_text(document.body, document.headers(), styles, seen)
    return RenderedDocument(loaded, kind, planned.name, data, text, signoff, template_sha256, history.commit, review)


def _fitted(title: str) -> str:
    """The title, cut to what a Word file property holds. Validation keeps names short enough for the English
    titles (pipeline.property_limits); a translated title runs longer, and must not stop the build."""
    return title if len(title) <= MAX_PROPERTY_CHARACTERS else title[: MAX_PROPERTY_CHARACTERS - 1] + "…"


def _draft_notice(partnership: Partnership, signoff: Signoff, short: str, held: bool) -> str:
    """The line a draft prints at its top, in the document's language."""
    waiting = ", ".join(_member_name(partnership, m) for m in signoff.missing)
    if not waiting and not held:
        return _(
            "Draft – not for signature. Nobody is set to approve this version (content fingerprint {fingerprint}).",
            fingerprint=short,
        )
    if waiting and held:
        return _(
            "Draft – not for signature. This version (content fingerprint {fingerprint}) still needs approval from "
            "{members} and has blanks to complete or facts to correct first.",
            fingerprint=short,
            members=waiting,
        )
    if held:
        return _(
            "Draft – not for signature. This version (content fingerprint {fingerprint}) has blanks to complete "
            "or facts to correct first.",
            fingerprint=short,
        )
    return _(
        "Draft – not for signature. This version (content fingerprint {fingerprint}) still needs approval from "
        "{members}.",
        fingerprint=short,
        members=waiting,
    )


def _revision_notes(partnership: Partnership, kind: DocumentKind) -> tuple[tuple[str, str], ...]:
    """The revision history rows the partnership wrote for this kind, in its own words and order."""
    if not kind.revision_history:
        return ()
    return tuple(
        (long_date(note.date), note.summary)
        for note in partnership.revision_history
        if not note.documents or kind.id in note.documents
    )


def _manifest_entry(document: RenderedDocument, digest: str, text_digest: str) -> Entry:
    signoff = document.signoff
    approvals = tuple(
        {"by": a.by, "date": a.date.isoformat(), "fingerprint": a.fingerprint, "current": "yes"}
        for a in signoff.approved
    ) + tuple(
        {"by": a.by, "date": a.date.isoformat(), "fingerprint": a.fingerprint, "current": "no"} for a in signoff.stale
    )
    return Entry(
        name=document.name,
        kind=document.kind.id,
        sha256=digest,
        text_sha256=text_digest,
        fingerprint=signoff.fingerprint,
        status=signoff.status,
        template=document.kind.template_name,
        template_sha256=document.template_sha256,
        required=signoff.required,
        approvals=approvals,
        missing=signoff.missing,
        draft_reasons="" if signoff.final else draft_reasons(signoff, document.loaded.partnership),
        audience=document.kind.audience_of(document.name).value,
    )
