"""The `partnerdocs` command line: wires options to the stage modules and prints their results.

User errors (PartnerdocsError) are printed without a traceback and exit 1; usage errors exit 2
(click's default); anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.cli_options import FORMAT_KEY, PARTNERSHIPS_FOLDER, PATHS, STRICT, TEMPLATES, output_format, verbosity
from pipeline.cli_output import plural, print_problems, report_failure
from pipeline.errors import PartnerdocsError
from pipeline.kinds import KINDS

SCHEMA_TARGET = Path("schemas") / "partnership.schema.json"
"""Where `schema` writes, relative to the working directory: the path each partnership file's first line names."""
DOCS_DIR = Path("docs")


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PartnerdocsError as error:
            # In the format the command was asked for (its --format option leaves it in ctx.meta).
            report_failure(ctx.invoked_subcommand, ctx.meta.get(FORMAT_KEY, "text"), error)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="partnerdocs")
def main() -> None:
    """Turn a partnership's YAML file into its documents (MOU and more).

    Describe each partnership once in partnerships/<name>.yaml, then:

    \b
      partnerdocs validate        check every file and list all problems
      partnerdocs build           write output/<name>/<kind>.docx and .txt
      partnerdocs text FILE.docx  print a document as plain text

    Run 'partnerdocs COMMAND --help' for the options of a command.
    """


@main.command()
@PATHS
@output_format("json", "github")
@verbosity("Also name each file checked, with the number of its problems.", quiet=False)
def validate(paths: tuple[Path, ...], output_format: str, verbosity: int | None) -> None:
    """Check partnership files and report every problem at once.

    PATHS are YAML files or folders (default: partnerships/). Each problem is printed as
    FILE:LINE:COLUMN: FIELD: MESSAGE. Exits 1 if any file has a problem.

    \b
    Examples:
      partnerdocs validate partnerships/county-task-force.yaml
      partnerdocs validate --format github      # annotations on a pull request's lines
      partnerdocs validate --format json | jq '.problems[] | .message'
    """
    from pipeline.json_report import report
    from pipeline.partnerships import check_partnerships

    checked = check_partnerships(paths)
    files = checked.files
    if output_format == "json":
        names = [str(f) for f in files]
        click.echo(
            report("validate", checked.problems, not checked.problems, files=names, summary={"files": len(files)})
        )
    else:
        if verbosity:
            for path in files:
                found = sum(1 for problem in checked.problems if problem.file == str(path))
                click.echo(f"{path}: {plural(found, 'problem') if found else 'ok'}")
        print_problems(checked.problems, output_format)
        if checked.problems:
            click.echo(f"{plural(len(checked.problems), 'problem')} found.", err=True)
        else:
            click.echo(f"{plural(len(files), 'partnership file')} checked: no problems.")
    if checked.problems:
        sys.exit(1)


@main.command()
@click.argument("slug")
@click.option(
    "--level",
    type=click.Choice(["networking", "coordination", "cooperation", "collaboration", "multisector_collaboration"]),
    default="cooperation",
    show_default=True,
    help="How closely the members will work together.",
)
@click.option(
    "--leadership",
    type=click.Choice(["primary_lead", "co_leadership", "core_group"]),
    default="primary_lead",
    show_default=True,
    help="One lead organization, two or three co-leads, or a small multisector core group.",
)
@PARTNERSHIPS_FOLDER
def new(slug: str, level: str, leadership: str, folder: Path) -> None:
    """Start a new partnership file from a commented skeleton.

    Writes FOLDER/SLUG.yaml (SLUG: lowercase letters, digits and dashes; it names the documents'
    folder too). The skeleton is valid as it is; replace every TODO ('partnerdocs lint' lists those
    left), then run 'partnerdocs build'. An existing file is never overwritten.

    \b
    Example:
      partnerdocs new county-task-force --level collaboration --leadership co_leadership
    """
    from pipeline.errors import Problem
    from pipeline.scaffold import scaffold
    from schemas.vocabulary import LeadershipModel, Level

    path = folder / f"{slug}.yaml"
    try:
        text = scaffold(slug, Level(level), LeadershipModel(leadership))
    except ValueError as error:
        raise PartnerdocsError([Problem(str(path), message=str(error))]) from error
    if path.exists():
        message = "this file already exists; choose another name, or edit it instead"
        raise PartnerdocsError([Problem(str(path), message=message)])
    from pipeline.write import write_atomically

    write_atomically(path, text.encode("utf-8"))
    click.echo(f"wrote {path}: replace each TODO, then run 'partnerdocs validate' and 'partnerdocs lint'.")


@main.command()
@PATHS
@STRICT
@output_format("json", "github")
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Name each file that does not validate in one line, without its problems, and lint the others: for "
    "running beside 'partnerdocs validate', which lists those problems (the pre-commit hooks do).",
)
@verbosity("Also name each file checked, with the number of its findings.", quiet=False)
def lint(paths: tuple[Path, ...], strict: bool, output_format: str, skip_invalid: bool, verbosity: int | None) -> None:
    """Check partnerships for design mistakes the partnership toolkits warn about.

    PATHS are YAML files or folders (default: partnerships/). Each finding names its rule, its line
    and why the rule exists; docs/lint-rules.md lists every rule. Findings are warnings (exit 0)
    unless --strict is given (exit 1). A file that does not validate is reported with its problems
    (exit 1) and the other files are linted. 'partnerdocs build' runs the same checks.

    \b
    Examples:
      partnerdocs lint --strict partnerships/county-task-force.yaml
      partnerdocs lint --format github          # annotations on a pull request's lines
    """
    from pipeline.errors import Problem
    from pipeline.json_report import report
    from pipeline.partnerships import check_partnerships, lint_all

    checked = check_partnerships(paths)
    invalid = checked.problems
    if skip_invalid:
        message = "not linted: it does not validate ('partnerdocs validate' lists its problems)"
        invalid = [Problem(str(path), message=message) for path in checked.files if checked.invalid(path)]
    findings = lint_all(checked.loaded, strict)
    failed = bool(invalid) or (strict and bool(findings))
    if output_format == "json":
        names = [str(f) for f in checked.files]
        summary = {"files": len(names)}
        click.echo(report("lint", invalid + findings, not failed, files=names, strict=strict, summary=summary))
    else:
        for path in checked.files if verbosity else ():
            found = sum(1 for finding in findings if finding.file == str(path))
            click.echo(f"{path}: {'does not validate' if checked.invalid(path) else plural(found, 'finding')}")
        # Warnings are diagnostics (stderr); with --strict they are the errors this run is about.
        print_problems(invalid + findings, output_format, err=not strict)
        counts = [f"{plural(len(invalid), 'problem')} found"] if invalid else []
        counts += [plural(len(findings), "error" if strict else "warning")] if findings else []
        if counts:
            click.echo("; ".join(counts) + ".", err=True)
        else:
            click.echo("No lint findings.")
    if failed:
        sys.exit(1)


@main.command()
@PATHS
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(sorted(KINDS)),
    help="Build only this kind of document; repeat to build several. Default: all kinds.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder the documents are written into, one subfolder per partnership.",
)
@TEMPLATES
@click.option(
    "--pdf",
    "make_pdf",
    is_flag=True,
    help="Also write a PDF of each document (needs LibreOffice), made before anything is put in place; a PDF "
    "is made again whenever its document changes.",
)
@click.option(
    "--release",
    is_flag=True,
    help="Render every document again, believing nothing recorded in OUT, and refuse, writing nothing, if a "
    "consistency rule finds a contradiction (docs/lint-rules.md marks those rules). Drafts are written and "
    "listed with what they wait for; 'partnerdocs publish' then publishes the final documents. What CI runs "
    "on merge to main.",
)
@click.option(
    "--all-final",
    is_flag=True,
    help="With --release (implied): also refuse, writing nothing, unless every document is final.",
)
@STRICT
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    # The cores this process may use (a container or `taskset` can allow fewer than the machine has).
    default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
    show_default="number of cores",
    help="Partnerships built at the same time, in separate processes.",
)
@click.option("--force", is_flag=True, help="Rebuild every document, even those whose inputs did not change.")
@output_format("json", "github")
@verbosity("Also list the documents left unchanged, and every kind of document a partnership cannot have.")
def build(
    paths: tuple[Path, ...],
    kinds: tuple[str, ...],
    out_dir: Path,
    templates_dir: Path | None,
    make_pdf: bool,
    release: bool,
    all_final: bool,
    strict: bool,
    jobs: int,
    force: bool,
    output_format: str,
    verbosity: int | None,
) -> None:
    """Build the documents of partnerships.

    PATHS are YAML files or folders (default: partnerships/). Every file is checked first; if any has a
    problem, nothing is written and the earlier documents stay as they were. Each document is written
    as OUT/<partnership>/<kind>.docx with a plain-text copy beside it (<kind>.txt) for reviewing changes,
    and OUT/<partnership>/manifest.json records what was built and whether each document is final.

    A document is FINAL when every required signatory approved exactly its current content (see
    'partnerdocs approve'); otherwise it is a DRAFT, marked in its header and under its title.

    Documents whose inputs (the YAML, the templates, partnerdocs itself) did not change since the last
    build, and whose files in OUT are still as built, are left as they are; --force rebuilds them.

    With --pdf each document gets a PDF too, made before anything is put in place, and made again
    whenever its document changes; without it, a PDF whose document changed is removed.

    On a terminal a bar shows the progress; in a log (output not a terminal) a line per partnership
    does, printed as soon as it is rendered.

    \b
    Examples:
      partnerdocs build
      partnerdocs build partnerships/county-task-force.yaml --kind mou --out /tmp/docs
      partnerdocs build --pdf
      partnerdocs build --release && partnerdocs publish --to public/ --audience public
      partnerdocs build -q --format github      # in CI: annotations and the summary only
    """
    from pipeline.build import build as run_build
    from pipeline.cli_output import build_progress, print_build

    with build_progress(output_format, verbosity) as shown:
        report = run_build(
            paths, out_dir, kinds, templates_dir, shown.progress, release, strict, jobs, force, make_pdf,
            shown.pdf_progress, all_final=all_final, finished=shown.finished,
        )  # fmt: skip
    print_build(report, out_dir, kinds, make_pdf, output_format, verbosity, release or all_final)


@main.command()
@click.argument("docx_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def text(docx_file: Path) -> None:
    """Print the plain-text rendition of a Word document.

    Headings start with '#', list items with '-', table rows look like '| a | b |'. Git can use this
    to show changes to .docx files as text (see README, "Reviewing changes").
    """
    from pipeline.text import docx_text

    try:
        click.echo(docx_text(docx_file), nl=False)
    except Exception as error:  # python-docx raises several unrelated types for a non-docx file
        raise PartnerdocsError([_not_a_docx(docx_file, error)]) from error


def _not_a_docx(path: Path, error: Exception) -> Any:
    from pipeline.errors import Problem

    return Problem(str(path), message="not a readable Word .docx file (is it a .doc, or still open in Word?)")


@main.command()
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the JSON Schema (default: schemas/partnership.schema.json in the current folder).",
)
def schema(out_file: Path | None) -> None:
    """Write the JSON Schema of partnership files, and the reference pages in docs/.

    Editors use the schema for autocompletion and inline errors: VS Code with the YAML extension
    reads the '# yaml-language-server: $schema=...' line at the top of each partnership file.
    Run it again after upgrading partnerdocs, so the editor knows the new fields.
    Without --out, it writes into the current folder: schemas/partnership.schema.json and
    schemas/approval.schema.json (an approval file), and docs/schema.md (every field),
    docs/lint-rules.md (every rule) and docs/legal-positions.md (the confidentiality wording each
    legal position selects).

    \b
    Examples:
      partnerdocs schema
      partnerdocs schema --out /tmp/partnership.schema.json
    """
    from pipeline.reference import partnership_schema_json
    from pipeline.write import write_atomically

    target = out_file or SCHEMA_TARGET
    if out_file is None:
        from pipeline.approval_files import approval_schema
        from pipeline.reference import legal_positions_markdown, rules_markdown, schema_markdown

        pages = (
            (DOCS_DIR / "schema.md", schema_markdown()),
            (DOCS_DIR / "lint-rules.md", rules_markdown()),
            (DOCS_DIR / "legal-positions.md", legal_positions_markdown()),
            (SCHEMA_TARGET.parent / "approval.schema.json", approval_schema()),
        )
        for path, text in pages:
            write_atomically(path, text.encode("utf-8"))
            click.echo(f"wrote {_relative(path)}")
    write_atomically(target, partnership_schema_json().encode("utf-8"))
    click.echo(f"wrote {_relative(target)}")


def _relative(path: Path) -> Path:
    """The path as the user would type it from the current folder, when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


# Registered last: those commands import the shared options above.
from pipeline.cli_init import init  # noqa: E402
from pipeline.cli_move_approvals import move_approvals  # noqa: E402
from pipeline.cli_publish import publish  # noqa: E402
from pipeline.cli_signoff import approve, status, verify  # noqa: E402

for _command in (status, approve, verify, publish, move_approvals, init):
    main.add_command(_command)

from pipeline.cli_redline import redline  # noqa: E402

main.add_command(redline)
