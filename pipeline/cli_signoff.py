"""The sign-off commands: status, approve and verify (see README, "Signing off and publishing")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.cli_options import PARTNERSHIPS_FOLDER, PATHS, TEMPLATES, output_format, verbosity
from pipeline.errors import PartnerdocsError, Problem
from pipeline.signature import ALLOWED_SIGNERS

if TYPE_CHECKING:
    from pipeline.documents import RenderedDocument


@click.command()
@PATHS
@TEMPLATES
@output_format("json")
@verbosity("Also give each document's fingerprint and who approved it.")
def status(paths: tuple[Path, ...], templates_dir: Path | None, output_format: str, verbosity: int | None) -> None:
    """Show whether each document is final, who still has to approve it, and what counsel must review.

    PATHS are YAML files or folders (default: partnerships/). Nothing is written.
    Under each draft, the clauses a lawyer should check before anyone signs are listed; the same list
    is printed at the end of the draft itself.

    \b
    Examples:
      partnerdocs status
      partnerdocs status -q                      # the counts only
      partnerdocs status --format json | jq '.documents[] | select(.status == "draft") | .document'
    """
    from pipeline.documents import draft_reasons, render_all
    from pipeline.partnerships import load_partnerships

    records = []
    final = drafts = 0
    # Each line as soon as its document is rendered: a large repository takes a while.
    for document in render_all(load_partnerships(paths), templates_dir=templates_dir):
        signoff = document.signoff
        reasons = "" if signoff.final else draft_reasons(signoff, document.loaded.partnership)
        final += signoff.final
        drafts += not signoff.final
        if output_format == "json":
            from pipeline.json_report import status_record

            records.append(status_record(document, reasons))
        elif verbosity != -1:
            click.echo(_status_line(document, reasons, verbosity == 1))
    if output_format == "json":
        from pipeline.json_report import report

        click.echo(report("status", [], True, documents=records, summary={"final": final, "draft": drafts}))
        return
    click.echo(f"{final} final, {drafts} draft.")


def _status_line(document: RenderedDocument, reasons: str, verbose: bool) -> str:
    from pipeline.signoff import SHORT

    signoff = document.signoff
    line = f"{document.slug}/{document.name}: {signoff.status.upper()}"
    if not signoff.final:
        line += f" ({reasons})"
    if verbose:
        approved = ", ".join(f"{a.by} on {a.date}" for a in signoff.approved) or "nobody yet"
        line += f"\n    fingerprint {signoff.fingerprint[:SHORT]}; approved by {approved}"
    if not signoff.final:
        line += "".join(f"\n    counsel review: {item}" for item in document.counsel_review)
    return line


@click.command()
@click.argument("slug")
@click.argument("document")
@click.option("--by", "member", required=True, help="Id of the member whose signatory approves (from 'members').")
@click.option("--date", "date_text", help="Date of the approval, YYYY-MM-DD (default: today).")
@click.option(
    "--fingerprint",
    "fingerprint_prefix",
    help="The fingerprint printed on the copy the signatory read; refused if the document has changed since.",
)
@click.option("--role", help="The approver's title (default: the signatory's title in the YAML).")
@PARTNERSHIPS_FOLDER
@TEMPLATES
def approve(
    slug: str,
    document: str,
    member: str,
    date_text: str | None,
    fingerprint_prefix: str | None,
    role: str | None,
    folder: Path,
    templates_dir: Path | None,
) -> None:
    """Record that a signatory approved the current version of a document.

    SLUG names the partnership file (partnerships/SLUG.yaml); DOCUMENT is a kind such as 'mou' or a
    letter such as 'letter-of-intent-omalley'. The approval, with the document's content fingerprint,
    is written as one small file in partnerships/SLUG.approvals/, named after the document, member,
    date and fingerprint, so approvals recorded on two branches merge without a conflict. Commit the
    file: once every required signatory has approved, the next build marks the document FINAL.
    The document is rendered from the same templates as 'build' (give the same --templates, if any).

    \b
    Example:
      partnerdocs approve harbor-hope-omalley mou --by omalley --fingerprint 716fdce776eb
    """
    from pipeline.approve import approve as record
    from pipeline.signoff import SHORT

    path = folder / f"{slug}.yaml"
    if not path.is_file():
        raise PartnerdocsError([Problem(str(path), message=f"there is no partnership file for '{slug}'")])
    result = record(path, document, member, date_text, fingerprint_prefix, role, templates_dir)
    if result.already:
        click.echo(
            f"{member} had already approved this version of {document} (fingerprint {result.fingerprint[:SHORT]})."
        )
    else:
        click.echo(
            f"recorded in {result.path}: {member} approved {document} (fingerprint {result.fingerprint[:SHORT]}); "
            "commit this file."
        )
    if result.still_missing:
        click.echo(f"still to approve {document}: {', '.join(result.waiting_for or result.still_missing)}")
    elif result.held:
        click.echo(
            f"{document} has every approval it needs, but stays a draft until what lint finds is fixed: "
            f"{'; '.join(result.held)}."
        )
    else:
        click.echo(f"{document} has every approval it needs: the next build makes it final.")


@click.command()
@click.argument("docx_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--signature",
    "signature_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The manifest's signature published with the document (manifest.json.sig): check the document "
    "against that signed manifest instead of rendering it again.",
)
@click.option(
    "--manifest",
    "manifest_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A manifest to find the document in by its checksum; repeat for several (default: the manifest beside "
    "the file, then output/*/manifest.json). With --signature, the signed manifest (default: the signature's "
    "file name without .sig).",
)
@click.option(
    "--allowed-signers",
    type=click.Path(dir_okay=False, path_type=Path),
    default=ALLOWED_SIGNERS,
    show_default=True,
    help="The public keys allowed to sign manifests (ssh-keygen's allowed signers format).",
)
@PARTNERSHIPS_FOLDER
@TEMPLATES
def verify(
    docx_file: Path,
    signature_file: Path | None,
    manifest_files: tuple[Path, ...],
    allowed_signers: Path,
    folder: Path,
    templates_dir: Path | None,
) -> None:
    """Check that a document is exactly one partnerdocs built, say which one, and whether it is final.

    The file may have any name: it is found by its checksum in the manifests given with --manifest, or
    else in the manifest beside it and in output/*/manifest.json, which say which document it is. It is
    then checked against the manifest's signature when one lies beside it (manifest.json.sig), or else
    against a fresh render of that document from its partnership file (in --partnerships) and the
    templates. A file no manifest lists is rendered as its own properties say. With --signature, it is
    looked up in the manifest CI signed when it published it. Signatures are checked offline against the
    keys in the allowed signers file. The answer says what the file was checked against. Exits 1 when the
    file differs in any way (edited, re-saved, replaced). An unsigned manifest.json is never taken as
    evidence, only as the name of the document: anyone can write one.

    \b
    Examples:
      partnerdocs verify output/harbor-hope-omalley/mou.docx
      partnerdocs verify "MOU final (2).docx" --manifest ~/Downloads/manifest.json
      partnerdocs verify "MOU final (2).docx" --signature manifest.json.sig
    """
    from pipeline.verify import against_signed_manifest, identified

    if signature_file is not None:
        if len(manifest_files) > 1:
            raise click.UsageError("--signature signs one manifest: give --manifest once, or leave it out.")
        manifest = manifest_files[0] if manifest_files else None
        click.echo(against_signed_manifest(docx_file, signature_file, manifest, allowed_signers))
        return
    click.echo(identified(docx_file, manifest_files, folder, templates_dir, allowed_signers))
