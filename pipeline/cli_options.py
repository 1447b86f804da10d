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
