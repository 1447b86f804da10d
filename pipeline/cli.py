"""The `partnerdocs` command line: wires options to the stage modules and prints their results.

User errors (PartnerdocsError) are printed without a traceback and exit 1; usage errors exit 2
(click's default); anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.cli_options import PARTNERSHIPS_FOLDER, PATHS, STRICT, TEMPLATES
from pipeline.errors import PartlyWrittenError, PartnerdocsError, format_problems
from pipeline.kinds import KINDS, TEMPLATES_DIR

DOCS_DIR = TEMPLATES_DIR.parent / "docs"


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PartnerdocsError as error:
            click.echo(format_problems(error.problems), err=True)
            count = len(error.problems)
            summary = f"{count:,} problem{'s' if count != 1 else ''} found"
            if isinstance(error, PartlyWrittenError):
                summary += f"; written before it stopped: {_some(error.written)}; nothing else changed"
            elif ctx.invoked_subcommand == "build":
                summary += "; nothing was written, earlier documents are unchanged"
            click.echo(summary + ".", err=True)
            ctx.exit(1)


def _some(names: tuple[str, ...], shown: int = 3) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")


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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints the problems as a list of objects, for editors and scripts.",
)
def validate(paths: tuple[Path, ...], output_format: str) -> None:
    """Check partnership files and report every problem at once.

    PATHS are YAML files or folders (default: partnerships/). Each problem is printed as
    FILE:LINE:COLUMN: FIELD: MESSAGE. Exits 1 if any file has a problem.

    \b
    Example:
      partnerdocs validate partnerships/county-task-force.yaml
    """
    from pipeline.partnerships import load_partnerships

    try:
        loaded = load_partnerships(paths)
    except PartnerdocsError as error:
        if output_format == "json":
            click.echo(format_problems(error.problems, "json"))
            sys.exit(1)
        raise
    if output_format == "json":
        click.echo("[]")
        return
    count = len(loaded)
    click.echo(f"{count} partnership file{'s' if count != 1 else ''} checked: no problems.")


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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints the findings as a list of objects, for editors and scripts.",
)
def lint(paths: tuple[Path, ...], strict: bool, output_format: str) -> None:
    """Check partnerships for design mistakes the partnership toolkits warn about.

    PATHS are YAML files or folders (default: partnerships/). Each finding names its rule, its line
    and why the rule exists; docs/lint-rules.md lists every rule. Findings are warnings (exit 0)
    unless --strict is given (exit 1). 'partnerdocs build' runs the same checks.

    \b
    Example:
      partnerdocs lint --strict partnerships/county-task-force.yaml
    """
    from pipeline.partnerships import lint_all, load_partnerships

    findings = lint_all(load_partnerships(paths), strict)
    if output_format == "json":
        click.echo(format_problems(findings, "json"))
    elif findings:
        click.echo(format_problems(findings), err=not strict)
        count = len(findings)
        noun = "error" if strict else "warning"
        click.echo(f"{count} {noun}{'s' if count != 1 else ''}.", err=True)
    else:
        click.echo("No lint findings.")
    if strict and findings:
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
def build(
    paths: tuple[Path, ...],
    kinds: tuple[str, ...],
    out_dir: Path,
    templates_dir: Path,
    make_pdf: bool,
    release: bool,
    all_final: bool,
    strict: bool,
    jobs: int,
    force: bool,
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

    \b
    Examples:
      partnerdocs build
      partnerdocs build partnerships/county-task-force.yaml --kind mou --out /tmp/docs
      partnerdocs build --pdf
      partnerdocs build --release && partnerdocs publish --to public/ --audience public
    """
    from pipeline.build import build as run_build

    with _progress_bar("Building") as progress, _progress_bar("Converting to PDF") as pdf_progress:
        report = run_build(
            paths,
            out_dir,
            kinds,
            templates_dir,
            progress,
            release,
            strict,
            jobs,
            force,
            make_pdf,
            pdf_progress,
            all_final,
        )
    if report.warnings:
        click.echo(format_problems(report.warnings), err=True)
    # A partnership without, say, letters of intent is normal; say so only when that kind was asked for.
    for note in report.skipped if kinds else ():
        click.echo(f"skipped {note}", err=True)
    for document in report.documents:
        status = "final" if document.final else "DRAFT"
        click.echo(f"wrote {document.target} (+ {document.target.with_suffix('.txt').name}) [{status}]")
        if document.stale:
            click.echo(f"  draft again: {document.reasons}", err=True)
        elif release and not document.final:
            click.echo(f"  waits for: {document.reasons}", err=True)
    for pdf in report.pdfs:
        click.echo(f"wrote {pdf}")
    for pdf in report.removed_pdfs:
        click.echo(f"removed {pdf}: not known to be made from the {pdf.stem}.docx beside it ('build --pdf' makes it)")
    drafts = sum(1 for d in report.documents if not d.final)
    summary = f"{len(report.documents)} document{'s' if len(report.documents) != 1 else ''} built"
    summary += f", {drafts} of them draft{'s' if drafts != 1 else ''}" if drafts else ""
    if report.unchanged:
        summary += f"; {report.unchanged} unchanged (use --force to rebuild them)"
    if make_pdf:
        summary += f"; {len(report.pdfs)} PDF{'s' if len(report.pdfs) != 1 else ''} made"
    click.echo(summary + ".")


@contextlib.contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    # Only on a terminal: logs and CI stay quiet and readable.
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        if bar:
            bar.update(done - bar.pos)
        if bar and done >= total:  # ended here, so that the next bar starts on a line of its own
            bar.__exit__(None, None, None)
            bar = False

    try:
        yield update
    finally:
        if bar:
            bar.__exit__(None, None, None)


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
    help="Where to write the JSON Schema (default: schemas/partnership.schema.json).",
)
def schema(out_file: Path | None) -> None:
    """Write the JSON Schema of partnership files, and the reference pages in docs/.

    Editors use the schema for autocompletion and inline errors: VS Code with the YAML extension
    reads the '# yaml-language-server: $schema=...' line at the top of each partnership file.
    Without --out, schemas/approval.schema.json (an approval file), docs/schema.md (every field),
    docs/lint-rules.md (every rule) and docs/legal-positions.md (the confidentiality wording each
    legal position selects) are rewritten too.
    """
    from pipeline.write import write_atomically
    from schemas import SCHEMA_FILE, Partnership

    target = out_file or SCHEMA_FILE
    if out_file is None:
        from pipeline.approval_files import approval_schema
        from pipeline.reference import legal_positions_markdown, rules_markdown, schema_markdown
        from schemas import APPROVAL_SCHEMA_FILE

        pages = (
            (DOCS_DIR / "schema.md", schema_markdown()),
            (DOCS_DIR / "lint-rules.md", rules_markdown()),
            (DOCS_DIR / "legal-positions.md", legal_positions_markdown()),
            (APPROVAL_SCHEMA_FILE, approval_schema()),
        )
        for path, text in pages:
            write_atomically(path, text.encode("utf-8"))
            click.echo(f"wrote {_relative(path)}")
    document = Partnership.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "partnerdocs partnership file"
    data = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    write_atomically(target, data.encode("utf-8"))
    click.echo(f"wrote {_relative(target)}")


def _relative(path: Path) -> Path:
    """The path as the user would type it from the current folder, when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


# Registered last: those commands import the shared options above.
from pipeline.cli_move_approvals import move_approvals  # noqa: E402
from pipeline.cli_publish import publish  # noqa: E402
from pipeline.cli_signoff import approve, status, verify  # noqa: E402

for _command in (status, approve, verify, publish, move_approvals):
    main.add_command(_command)
