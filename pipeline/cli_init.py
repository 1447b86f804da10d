"""The `init` command: set up a coalition's own repository (see README, "Your coalition's own repository")."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.errors import PartnerdocsError, Problem
from pipeline.kinds import KINDS
from pipeline.template_files import language_templates


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option(
    "--partnership",
    "slug",
    metavar="SLUG",
    help="Name of the starter partnership file, partnerships/SLUG.yaml (default: the folder's name when it is "
    "lowercase letters, digits and dashes, else 'our-partnership'). Added only when partnerships/ has no file.",
)
@click.option(
    "--template",
    "templates",
    multiple=True,
    type=click.Choice(sorted(KINDS) + sorted(f"{kind}.{tag}" for kind in KINDS for tag in language_templates(kind))),
    help="Also copy partnerdocs' own template of this kind into templates/, to edit it in Word; it then "
    "replaces partnerdocs' own for that kind only. A kind in another language is named with its language "
    "(mou.es). Repeat for several.",
)
def init(directory: Path, slug: str | None, templates: tuple[str, ...]) -> None:
    """Set up a coalition's repository for partnerdocs in DIRECTORY (default: the current folder).

    Creates what is missing and never overwrites a file: a commented starter partnership file, the
    JSON Schema the editor reads, VS Code settings, the pre-commit checks, .gitattributes, .gitignore,
    the GitHub workflow and a README for the coalition. In a git repository it also sets the diff
    driver that shows Word documents as text ('partnerdocs text', found on PATH). Each line of the
    report says what was created or left as it was. Run it again at any time, after an upgrade say:
    it changes nothing that is there.

    \b
    Examples:
      partnerdocs init
      partnerdocs init county-coalition --partnership county-task-force
      partnerdocs init --template mou --template mou.es
    """
    from pipeline.init_repo import default_slug, init_repository
    from pipeline.inputs import is_slug

    chosen = slug or default_slug(directory)
    if not is_slug(chosen):
        message = f"'{chosen}' cannot name a partnership file: use lowercase letters, digits and dashes"
        raise PartnerdocsError([Problem(str(directory / "partnerships" / f"{chosen}.yaml"), message=message)])
    report = init_repository(directory, chosen, templates)
    click.echo(f"partnerdocs {report.version} in {report.root.resolve()}:")
    for step in report.steps:
        if step.created:
            click.echo(f"  created        {step.target}: {step.purpose}")
        else:
            click.echo(f"  left as it was {step.target}" + (f": {step.note}" if step.note else " (already there)"))
    if report.problems:
        raise PartnerdocsError(report.problems)
    created = [step.target for step in report.steps if step.created]
    if not created:
        click.echo("Nothing changed: everything was already there.")
        return
    guide = next((s.target for s in report.steps if s.target in {"README.md", "PARTNERDOCS.md"}), "README.md")
    starter = next((target for target in created if target.startswith("partnerships/")), None)
    todo = f"replace each TODO in {starter}, run 'partnerdocs validate', and " if starter else ""
    click.echo(f"Next: {todo}read {guide}.")
