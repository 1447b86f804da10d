"""The GitHub Actions workflow `partnerdocs init` writes into a coalition's repository.

It only calls the reusable workflow this project keeps (.github/workflows/coalition.yml), pinned to the
partnerdocs version that wrote it, so a coalition's repository holds no build logic of its own to maintain.
The text lives in this module alone, so that it can be replaced without touching init.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_REPOSITORY = "OWNER/partnerdocs"  # TODO lead: this project's GitHub repository, as owner/name
"""Where partnerdocs lives on GitHub: the pre-commit hooks and the reusable workflow are taken from there."""

WORKFLOW_FILE = Path(".github") / "workflows" / "partnerdocs.yml"


def workflow_text(version: str) -> str:
    """The coalition's workflow file, calling partnerdocs' reusable workflow at the tag v<version>."""
    # TODO lead: replace with the real call of coalition.yml (its inputs, secrets and permissions).
    return f"""\
# Reviews every pull request and publishes the final documents, with partnerdocs {version}.
# The steps live in partnerdocs' own repository; this file only calls them, at a fixed version.
# To upgrade partnerdocs, change the version after @v here and in .pre-commit-config.yaml.
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
      contents: write # only to attach final documents to a release, on a tag
    secrets:
      MANIFEST_SIGNING_KEY: ${{{{ secrets.MANIFEST_SIGNING_KEY }}}} # when the coalition signs its manifests
"""
