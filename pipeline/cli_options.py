"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

Command = TypeVar("Command", bound=Callable[..., Any])
Decorator = Callable[[Command], Command]

PATHS: Decorator[Any] = click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
STRICT: Decorator[Any] = click.option(
    "--strict", is_flag=True, help="Treat lint warnings as errors (exit 1, nothing written)."
)
TEMPLATES: Decorator[Any] = click.option(
    "--templates",
    "templates_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of Word templates that replace partnerdocs' own, kind by kind: only the files it has "
    "(default: ./templates when there is one).",
)
PARTNERSHIPS_FOLDER: Decorator[Any] = click.option(
    "--partnerships",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("partnerships"),
    show_default=True,
    help="Folder of the partnership files.",
)

FORMAT_KEY = "partnerdocs.format"
"""Where --format is remembered (click's ctx.meta, shared with the group) for the problems the group prints."""


def _remember_format(ctx: click.Context, _parameter: click.Parameter, value: str) -> str:
    ctx.meta[FORMAT_KEY] = value
    return value


def output_format(*choices: str) -> Decorator[Any]:
    """--format: text for people, json for scripts (README, "Machine-readable output"), github for
    annotations on a pull request. Read first, so that problems found later are printed as asked."""
    helps = {
        "json": "json prints one JSON object (problems included, whatever happens; README shows its keys)",
        "github": "github prints problems as GitHub Actions annotations (::error file=...,line=...::message)",
    }
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", *choices]),
        default="text",
        show_default=True,
        is_eager=True,
        callback=_remember_format,
        help="; ".join(helps[choice] for choice in choices) + ".",
    )


def verbosity(verbose_help: str, quiet: bool = True) -> Decorator[Any]:
    """-v/--verbose (and -q/--quiet): one parameter, `verbosity`: -1 quiet, None normal, 1 verbose; the last
    given wins, so that an alias holding -q can be overridden with -v."""

    def decorate(command: Command) -> Command:
        command = click.option("-v", "--verbose", "verbosity", flag_value=1, help=verbose_help)(command)
        if quiet:
            command = click.option(
                "-q", "--quiet", "verbosity", flag_value=-1, help="Print only problems and the final summary."
            )(command)
        return command

    return decorate
