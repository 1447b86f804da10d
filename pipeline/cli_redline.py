"""`partnerdocs redline OLD NEW -o OUT`: Word tracked changes between two versions of a document."""

from __future__ import annotations

import re
from pathlib import Path

import click

from pipeline.errors import PartnerdocsError, Problem

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_AUTHOR_MAX = 100


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import datetime

    if value is None:
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date written YYYY-MM-DD") from None
    return value


def _author(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.strip() or len(value) > _AUTHOR_MAX or not value.isprintable():
        raise click.BadParameter(f"give a name of 1 to {_AUTHOR_MAX} printable characters")
    return value


@click.command()
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The Word file to write: NEW with the changes from OLD tracked.",
)
@click.option(
    "--author",
    default="partnerdocs",
    show_default=True,
    callback=_author,
    help="Who Word names as the author of each change.",
)
@click.option(
    "--date",
    "day",
    callback=_day,
    help="Date shown on each change, YYYY-MM-DD, such as the date of the commit that made NEW (default: none; "
    "never the time the command ran, so the same two files always give the same bytes).",
)
def redline(old: Path, new: Path, out_file: Path, author: str, day: str | None) -> None:
    """Write a Word file that shows what changed from OLD to NEW as tracked changes.

    OUT is NEW itself, with its styles, headers and pictures, where what OLD had and NEW does not is
    shown deleted and what NEW added is shown inserted. Open it in Word (Review > Track Changes, "All
    Markup") or LibreOffice (Edit > Track Changes > Manage) to read each change, or accept them all to
    get NEW's text and reject them all to get OLD's. Paragraphs, table cells, headers and footers are
    compared word by word; a changed picture shows as the old one deleted and the new one inserted.

    OLD and NEW are two versions of one document, such as a document built before and after a change
    to its partnership file. Files that already hold tracked changes are refused: accept or reject
    them first.

    \b
    Example: the MOU before and after the change on your branch
      git switch main && partnerdocs build --out /tmp/before
      git switch my-change && partnerdocs build
      partnerdocs redline /tmp/before/riverbend-task-force/mou.docx \\
          output/riverbend-task-force/mou.docx -o mou-changes.docx --date 2026-03-01
    """
    from pipeline.redline import redline as compare
    from pipeline.write import write_atomically

    for source in (old, new):
        if out_file.exists() and source.exists() and out_file.resolve() == source.resolve():
            message = "this is one of the files compared; write the redline to a file of its own"
            raise PartnerdocsError([Problem(str(out_file), message=message)])
    result = compare(old, new, author, day)
    write_atomically(out_file, result.docx)
    if result.changes:
        count = f"{result.changes:,} tracked change{'s' if result.changes != 1 else ''}"
        click.echo(f"wrote {out_file}: {count} from {old} to {new}.")
    else:
        click.echo(f"wrote {out_file}: no changes to mark from {old} to {new}.")
