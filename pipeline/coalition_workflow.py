"""The GitHub Actions workflow `partnerdocs init` writes into a coalition's repository.

It only calls the reusable workflow this project keeps (.github/workflows/coalition.yml), pinned to the
partnerdocs version that wrote it, so a coalition's repository holds no build logic of its own to maintain.
The text lives in this module alone, so that it can be replaced without touching init.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

_DEFAULT_REPOSITORY = "partnerdocs/partnerdocs"


def _project_repository() -> str:
    """owner/name of partnerdocs on GitHub, from the package's Repository URL (pyproject.toml)."""
    try:
        urls = metadata.metadata("partnerdocs").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return _DEFAULT_REPOSITORY
    for url in urls:
        label, _, address = str(url).partition(",")
        if label.strip().lower() == "repository" and "github.com/" in address:
            repository: str = address.strip().split("github.com/", 1)[1].removesuffix(".git").strip("/")
            return repository
    return _DEFAULT_REPOSITORY


PROJECT_REPOSITORY = _project_repository()
"""Where partnerdocs lives on GitHub: the pre-commit hooks and the reusable workflow are taken from there."""

WORKFLOW_FILE = Path(".github") / "workflows" / "partnerdocs.yml"


def workflow_text(version: str) -> str:
    """The coalition's workflow file, calling partnerdocs' reusable workflow at the tag v<version>."""
    return f"""\
# Reviews every pull request and publishes the final documents, with partnerdocs {version}.
# The steps live in partnerdocs' own repository (.github/workflows/coalition.yml); this file only calls
# them, at a fixed version. To upgrade partnerdocs, change the version in both places below and in
# .pre-commit-config.yaml.
name: partnerdocs

on:
  pull_request:
  push:
    branches: [main]
    tags: ["v*"]

permissions:
  contents: read

jobs:
  partnerdocs:
    uses: {PROJECT_REPOSITORY}/.github/workflows/coalition.yml@v{version}
    permissions:
      contents: write # the called workflow lets only its release job (on a tag) use it
    with:
      partnerdocs: "partnerdocs @ git+https://github.com/{PROJECT_REPOSITORY}@v{version}"
      # Who may read what main publishes and a tag attaches to the release: public, members or
      # core_team. "members" suits a private repository that only members can read.
      audience: members
      # true: fail on main unless every document is final.
      all-final: false
    secrets:
      MANIFEST_SIGNING_KEY: ${{{{ secrets.MANIFEST_SIGNING_KEY }}}} # optional: signs each manifest
"""
