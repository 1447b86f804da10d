"""How the commands print what they found: problems in the format asked (pipeline.errors formats them), the
build's progress and its report, at the verbosity asked (-q, -v).

Problems go to stderr as text, and to stdout as GitHub workflow commands (where the Actions toolkit writes
them) or inside the JSON object. A build shows its progress as a bar when its output is a terminal; when it
is not (a CI log, a file), as one line per partnership as soon as it is rendered, flushed, so that a log shows
a long build moving rather than nothing until the end.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pipeline.errors import PartlyWrittenError, PartnerdocsError, Problem, format_problems

if TYPE_CHECKING:
    from pipeline.build import BuildReport
    from pipeline.documents import PartnershipResult

QUIET, VERBOSE = -1, 1
PDF_LINE_EVERY = 100
"""PDFs made between two progress lines in a log (each PDF is a line on a terminal's bar)."""


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def print_problems(problems: Sequence[Problem], output_format: str, err: bool = True) -> None:
    """Problems as text (on stderr unless `err` is False) or as GitHub annotations (on stdout, where the
    runner reads workflow commands). Nothing for none: an empty line would be noise in a log."""
    if not problems:
        return
    if output_format == "github":
        click.echo(format_problems(problems, "github"))
    else:
        click.echo(format_problems(problems), err=err)


def report_failure(command: str | None, output_format: str, error: PartnerdocsError) -> None:
    """What every command prints when it stops on problems (the group catches them): the problems in the
    format asked, then what became of the output."""
    if output_format == "json" and command:
        from pipeline.json_report import report

        written = {"written": list(error.written)} if isinstance(error, PartlyWrittenError) else {}
        click.echo(report(command, error.problems, ok=False, **written))
        return
    print_problems(error.problems, output_format)
    summary = f"{plural(len(error.problems), 'problem')} found"
    if isinstance(error, PartlyWrittenError):
        summary += f"; written before it stopped: {_some(error.written)}; nothing else changed"
    elif command == "build":
        summary += "; nothing was written, earlier documents are unchanged"
    click.echo(summary + ".", err=True)


def _some(names: tuple[str, ...], shown: int = 3) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more} more" if more > 0 else "")


@dataclass(frozen=True)
class BuildProgress:
    """The callbacks pipeline.build.build takes: a bar's (done, total), or a line per partnership."""

    progress: Callable[[int, int], None] | None = None
    finished: Callable[[PartnershipResult, int, int], None] | None = None
    pdf_progress: Callable[[int, int], None] | None = None


@contextlib.contextmanager
def build_progress(output_format: str, verbosity: int | None) -> Iterator[BuildProgress]:
    """Bars on a terminal (today's display), lines in a log, nothing with -q. The lines go to stdout, the
    build's record, except with --format json, whose stdout is one JSON object."""
    if verbosity == QUIET:
        yield BuildProgress()
    elif sys.stdout.isatty():
        with _bar("Building") as progress, _bar("Converting to PDF") as pdf_progress:
            yield BuildProgress(progress=progress, pdf_progress=pdf_progress)
    else:
        err = output_format == "json"
        yield BuildProgress(finished=_partnership_line(err), pdf_progress=_pdf_line(err))


def _partnership_line(err: bool) -> Callable[[PartnershipResult, int, int], None]:
    def finished(result: PartnershipResult, done: int, total: int) -> None:
        where = f"[{done}/{total}] {result.path.stem}"
        if result.problems:
            line = f"{where}: {plural(len(result.problems), 'problem')}, listed at the end"
        else:
            count = len(result.documents)
            drafts = sum(1 for document in result.documents if not document.final)
            state = "all final" if not drafts else f"{drafts} of them drafts" if drafts < count else "all drafts"
            state = state.replace("all drafts", "draft") if count == 1 else state
            line = f"{where}: {plural(count, 'document')} rendered ({state})" if count else f"{where}: no documents"
        click.echo(line, err=err)  # click.echo flushes: the line is in the log now, not when the build ends

    return finished


def _pdf_line(err: bool) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        if done % PDF_LINE_EVERY == 0 or done == total:
            click.echo(f"PDFs: {done:,} of {total:,} made", err=err)

    return progress


@contextlib.contextmanager
def _bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    # Only when stderr, where it is drawn, is a terminal too.
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


def print_build(
    result: BuildReport,
    out_dir: Path,
    kinds: Sequence[str],
    pdf: bool,
    output_format: str,
    verbosity: int | None,
    release: bool = False,
) -> None:
    """What a build did: with -q only its warnings and the summary; by default each document written (in a
    release, each draft with what it waits for); with -v each document left unchanged as well, and every
    kind a partnership cannot have."""
    if output_format == "json":
        from pipeline.json_report import build_fields, report

        click.echo(report("build", result.warnings, ok=True, **build_fields(result, out_dir)))
        return
    print_problems(result.warnings, output_format)
    if verbosity != QUIET:
        _print_documents(result, kinds, verbosity == VERBOSE, release)
    drafts = sum(1 for d in result.documents if not d.final)
    summary = f"{plural(len(result.documents), 'document')} built"
    summary += f", {drafts} of them draft{'s' if drafts != 1 else ''}" if drafts else ""
    if result.unchanged:
        summary += f"; {result.unchanged} unchanged (use --force to rebuild them)"
    if pdf:
        summary += f"; {plural(len(result.pdfs), 'PDF')} made"
    click.echo(summary + ".")


def _print_documents(report: BuildReport, kinds: Sequence[str], verbose: bool, release: bool) -> None:
    # A partnership without, say, letters of intent is normal; say so only when that kind was asked for.
    for note in report.skipped if kinds or verbose else ():
        click.echo(f"skipped {note}", err=True)
    for document in report.documents:
        status = "final" if document.final else "DRAFT"
        click.echo(f"wrote {document.target} (+ {document.target.with_suffix('.txt').name}) [{status}]")
        if document.stale:
            click.echo(f"  draft again: {document.reasons}", err=True)
        elif release and not document.final:
            click.echo(f"  waits for: {document.reasons}", err=True)
    if verbose:
        for folder, entry in report.kept:
            status = "final" if entry["status"] == "final" else "DRAFT"
            click.echo(f"unchanged {folder / entry['path']} [{status}]")
    for pdf in report.pdfs:
        click.echo(f"wrote {pdf}")
    for pdf in report.removed_pdfs:
        click.echo(f"removed {pdf}: not known to be made from the {pdf.stem}.docx beside it ('build --pdf' makes it)")
