"""The publish command: hand out the final documents a release built, by audience."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.audience import Audience


@click.command()
@click.argument(
    "out_dir",
    required=False,
    default=Path("output"),
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to copy the published documents into, one subfolder per partnership.",
)
@click.option(
    "--audience",
    type=click.Choice([a.value for a in Audience]),
    default=Audience.members.value,
    show_default=True,
    help="Who may read what is published: public (anyone), members (everyone in the partnership, e.g. the "
    "readers of a private repository), core_team (the leaders).",
)
def publish(out_dir: Path, target: Path, audience: str) -> None:
    """Copy the final documents that AUDIENCE may read from OUT_DIR (default: output/) into a folder.

    Run it after 'partnerdocs build --release', which renders every document and records in each
    manifest whether it is final and whom it is for. A document is published when it is final and its
    readers include AUDIENCE: with --audience public, the MOU's public copy but never the members' MOU
    or the core team's Emergency Guide. Each file must still be exactly as the build recorded it. The
    manifest (and its signature, if CI signed it) goes with the documents, so recipients can check them
    with 'partnerdocs verify'. Drafts and documents for narrower readers are listed, not published;
    they are not errors.

    \b
    Examples:
      partnerdocs build --release && partnerdocs publish --to release/ --audience members
      partnerdocs publish output --to public/ --audience public
    """
    from pipeline.errors import PartnerdocsError, Problem
    from pipeline.publish import publish as run_publish

    if not out_dir.is_dir():
        message = "there are no built documents here: run 'partnerdocs build --release' first"
        raise PartnerdocsError([Problem(str(out_dir), message=message)])

    report = run_publish(out_dir, target, Audience(audience))
    for path in report.published:
        click.echo(f"published {path}")
    for name, reasons in report.drafts:
        click.echo(f"draft, not published: {name} (waits for: {reasons})")
    for name, readers in report.withheld:
        click.echo(f"not for {audience}: {name} (for {readers.replace('_', ' ')} only)")
    documents = sum(1 for p in report.published if p.suffix == ".docx")
    click.echo(
        f"{documents} final document{'s' if documents != 1 else ''} published for {audience.replace('_', ' ')}; "
        f"{len(report.drafts)} draft{'s' if len(report.drafts) != 1 else ''} and "
        f"{len(report.withheld)} for narrower readers left out."
    )
