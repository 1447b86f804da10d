"""The sign-off commands: status, approve and verify (see README, "Signing off and publishing")."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli_options import PARTNERSHIPS_FOLDER, PATHS, TEMPLATES
from pipeline.errors import PartnerdocsError, Problem
from pipeline.signature import ALLOWED_SIGNERS


@click.command()
@PATHS
@TEMPLATES
def status(paths: tuple[Path, ...], templates_dir: Path) -> None:
    """Show whether each document is final, who still has to approve it, and what counsel must review.

    PATHS are YAML files or folders (default: partnerships/). Nothing is written.
    Under each draft, the clauses a lawyer should check before anyone signs are listed; the same list
    is printed at the end of the draft itself.
    """
    from pipeline.documents import draft_reasons, render_all
    from pipeline.partnerships import load_partnerships

    final = drafts = 0
    # Each line as soon as its document is rendered: a large repository takes a while.
    for document in render_all(load_partnerships(paths), templates_dir=templates_dir):
        line = f"{document.slug}/{document.name}: {document.signoff.status.upper()}"
        if document.signoff.final:
            final += 1
        else:
            drafts += 1
            line += f" ({draft_reasons(document.signoff, document.loaded.partnership)})"
            line += "".join(f"\n    counsel review: {item}" for item in document.counsel_review)
        click.echo(line)
    click.echo(f"{final} final, {drafts} draft.")


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
def approve(
    slug: str,
    document: str,
    member: str,
    date_text: str | None,
    fingerprint_prefix: str | None,
    role: str | None,
    folder: Path,
) -> None:
    """Record that a signatory approved the current version of a document.

    SLUG names the partnership file (partnerships/SLUG.yaml); DOCUMENT is a kind such as 'mou' or a
    letter such as 'letter-of-intent-omalley'. The approval, with the document's content fingerprint,
    is written as one small file in partnerships/SLUG.approvals/, named after the document, member,
    date and fingerprint, so approvals recorded on two branches merge without a conflict. Commit the
    file: once every required signatory has approved, the next build marks the document FINAL.

    \b
    Example:
      partnerdocs approve harbor-hope-omalley mou --by omalley --fingerprint 716fdce776eb
    """
    from pipeline.approve import approve as record
    from pipeline.signoff import SHORT

    path = folder / f"{slug}.yaml"
    if not path.is_file():
        raise PartnerdocsError([Problem(str(path), message=f"there is no partnership file for '{slug}'")])
    result = record(path, document, member, date_text, fingerprint_prefix, role)
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
        click.echo(f"still to approve {document}: {', '.join(result.still_missing)}")
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
    "manifest_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The signed manifest (default: the signature's file name without .sig). Only with --signature.",
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
    manifest_file: Path | None,
    allowed_signers: Path,
    folder: Path,
    templates_dir: Path,
) -> None:
    """Check that a document is exactly one partnerdocs built, and whether it is final.

    Without --signature, the document is compared with what its partnership file (in --partnerships)
    and the templates produce now. With --signature, it is looked up in the manifest CI signed when it
    published it; the signature is checked offline against the keys in the allowed signers file.
    Either way the file may have any name: it is found by its checksum. The answer says which of the
    two it was checked against. Exits 1 when the file differs in any way (edited, re-saved, replaced).
    An unsigned manifest.json is never taken as evidence: anyone can write one.

    \b
    Examples:
      partnerdocs verify output/harbor-hope-omalley/mou.docx
      partnerdocs verify "MOU final (2).docx" --signature manifest.json.sig
    """
    from pipeline.verify import against_fresh_render, against_signed_manifest

    if signature_file is not None:
        click.echo(against_signed_manifest(docx_file, signature_file, manifest_file, allowed_signers))
        return
    if manifest_file is not None:
        raise click.UsageError(
            "--manifest needs --signature: anyone who can write to output/ can write a manifest, so an unsigned "
            "one proves nothing. Give the signature published with it, or leave --manifest out to compare the "
            "document with a fresh render."
        )
    click.echo(against_fresh_render(docx_file, folder, templates_dir))
