"""`partnerdocs move-approvals`: approvals listed in partnership files become approval files (README,
"Signing off and publishing")."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli_options import PATHS


@click.command("move-approvals")
@PATHS
def move_approvals(paths: tuple[Path, ...]) -> None:
    """Move the approvals listed under 'approvals:' in partnership files into approval files.

    PATHS are YAML files or folders (default: partnerships/). Each approval a file lists is written as
    one file in the folder beside it (partnerships/SLUG.approvals/), as 'partnerdocs approve' records
    approvals now, and the list is taken out of the partnership file, keeping its comments and layout.
    Every document stays exactly as final as it was. Commit the new files and the changed partnership
    file together: from then on, approvals recorded on two branches merge without a conflict.

    \b
    Example:
      partnerdocs move-approvals partnerships/riverbend-task-force.yaml
    """
    from pipeline.approval_folder import approvals_folder
    from pipeline.inputs import find_partnership_files
    from pipeline.move_approvals import move_approvals as move

    for path in find_partnership_files(paths):
        moved = move(path)
        if not moved.listed:
            click.echo(f"{path}: lists no approvals; nothing to move.")
            continue
        plural = "s" if moved.listed != 1 else ""
        already = moved.listed - moved.written
        note = f" ({already} of them were there already)" if already else ""
        click.echo(f"{path}: moved {moved.listed} approval{plural} into {approvals_folder(path)}/{note}.")
