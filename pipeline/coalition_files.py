"""The texts `partnerdocs init` writes into a coalition's repository (the workflow is in coalition_workflow).

Plain text, assembled from string templates: the comments in each file tell the coalition what it is for.
JSON files are dumped from data, so they are always valid JSON.
"""

from __future__ import annotations

import json

from pipeline.coalition_workflow import PROJECT_REPOSITORY, WORKFLOW_FILE

SCHEMA_PATH = "schemas/partnership.schema.json"
APPROVAL_SCHEMA_PATH = "schemas/approval.schema.json"
"""Where the JSON Schema goes: the path the first line of every partnership file names (../schemas/...)."""

YAML_VERSION = "1.2"
"""The YAML version partnerdocs' loader reads (ruamel.yaml): the editor must read the same one."""

DIFF_DRIVER = "partnerdocs text"
"""git's textconv for .docx files: found on PATH, so that the setting works in every clone and after a move."""


def _json(data: object) -> str:
    return json.dumps(data, indent=2) + "\n"


def vscode_settings() -> str:
    """.vscode/settings.json: the schema for every partnership file, and the YAML version the loader reads."""
    return _json(
        {
            "yaml.yamlVersion": YAML_VERSION,
            "yaml.schemas": {
                f"./{SCHEMA_PATH}": ["partnerships/*.yaml", "partnerships/*.yml"],
                f"./{APPROVAL_SCHEMA_PATH}": ["partnerships/*.approvals/*.yaml"],
            },
        }
    )


def vscode_extensions() -> str:
    """.vscode/extensions.json: VS Code offers to install the YAML extension that reads the schema."""
    return _json({"recommendations": ["redhat.vscode-yaml"]})


def pre_commit_config(version: str) -> str:
    """.pre-commit-config.yaml: partnerdocs' own hooks (.pre-commit-hooks.yaml), at the version in use."""
    return f"""\
# Checks the partnership files before each commit (https://pre-commit.com). Once per clone:
#   pipx install pre-commit     (or: pip install pre-commit)
#   pre-commit install
# The hooks come from partnerdocs' repository at the version this repository uses.
repos:
  - repo: https://github.com/{PROJECT_REPOSITORY}
    rev: v{version}
    hooks:
      - id: partnerdocs-validate
      - id: partnerdocs-lint
"""


GITATTRIBUTES = """\
# Show Word documents as text in `git diff`, `git log -p` and `git show`. The docx driver is
# `partnerdocs text`: partnerdocs init sets it up; in another clone, run once
#   git config diff.docx.textconv "partnerdocs text"
*.docx diff=docx
"""

GITIGNORE = """\
# Built documents: partnerdocs build writes them again from the partnership files at any time.
output/
# A Python environment partnerdocs may be installed in.
.venv/
"""


def readme(slug: str, version: str) -> str:
    """The coalition's guide: how to install partnerdocs, the commands they need, and how a change is made."""
    return f"""\
# Our partnership's documents

This repository keeps the facts of our partnership in one file, `partnerships/{slug}.yaml`.
[partnerdocs](https://github.com/{PROJECT_REPOSITORY}) builds every Word document from it: the
memorandum of understanding (MOU), the governance charter, the emergency guide, the onboarding packet
and more. A fact is changed once, in that file, and every document follows.

## Set up once

1. Install Python 3.11 or newer, and [Graphviz](https://graphviz.org), which draws the figures
   (Windows: the installer from graphviz.org; macOS: `brew install graphviz`; Debian or Ubuntu:
   `apt install graphviz`).
2. Install partnerdocs {version}, the version this repository uses:
   `pipx install "partnerdocs @ git+https://github.com/{PROJECT_REPOSITORY}@v{version}"` (or the same
   with `pip install` in a virtual environment).
3. In your copy of this repository, once: `git config diff.docx.textconv "partnerdocs text"`, so that
   `git diff` shows Word documents as text. Optionally, `pre-commit install` checks every commit.
4. Edit the partnership file in VS Code and accept the "YAML" extension it recommends: it completes
   field names, explains each field and underlines mistakes as you type.

## The commands you need

```sh
partnerdocs validate   # check the partnership file: every problem, with its line and how to fix it
partnerdocs build      # write the documents into output/{slug}/ (drafts until approved)
partnerdocs status     # which documents are final, and who still has to approve each one
partnerdocs approve {slug} mou --by MEMBER --fingerprint CODE   # record a signatory's approval
```

`MEMBER` is the member's `id` in the partnership file. Each draft prints its fingerprint, a code for
exactly that version, so a signatory approves the version they read. `partnerdocs lint` lists what is
still to fill in (every TODO) and design advice; `partnerdocs COMMAND --help` explains each command
with examples.

## How a change is made

1. Make a branch and edit `partnerships/{slug}.yaml` (in VS Code, or in GitHub's web editor).
2. Run `partnerdocs validate`, then open a pull request. The workflow in
   `{WORKFLOW_FILE.as_posix()}` checks the file, builds the documents as drafts and shows what changes
   in the text of each one: reviewers read that, not the YAML.
3. Merge once the reviewers agree. Each signatory then reads the draft and approves it with
   `partnerdocs approve` (commit that in a pull request too). When everyone who must approve a
   document has approved its current version, it is final, and the workflow publishes it from main.
   Any later change to what a document says makes it a draft again, to be approved again.

## Who gets which document

On main, the workflow publishes every final document that the `audience` in
`{WORKFLOW_FILE.as_posix()}` may read, and a version tag (`git tag v1 && git push --tags`)
attaches them to a release. Everyone who can read this repository can download what the workflow
publishes, so choose the audience by who reads the repository:

- `members` (the default) for a private repository that only member organizations can read: the MOU,
  charter, onboarding packet, evaluation plan, subgrant agreements and partnership plans;
- `public` for a public repository: only the MOU's public copy and the affiliates' packet.

The Emergency Guide carries restricted phone numbers for the core team and is never published. The
coordinator builds it (`partnerdocs build --kind emergency-response-guide`) and gives it to the core
team over the partnership's secure channel (an encrypted e-mail or a shared drive only they can
open), as it does for any document meant for fewer readers than the repository has. Approvals are
small files in `partnerships/{slug}.approvals/`: approvals made on two branches never conflict.

## What each file is for

| file | what it does |
| --- | --- |
| `partnerships/*.yaml` | one file per partnership: the facts every document is built from |
| `{SCHEMA_PATH}` | describes every field, for the editor (refreshed after an upgrade, below) |
| `.vscode/` | tells VS Code to check partnership files against the schema, and recommends the YAML extension |
| `.pre-commit-config.yaml` | the checks `pre-commit` runs before each commit |
| `.gitattributes` | makes `git diff` show Word documents as text |
| `.gitignore` | keeps built documents (`output/`) out of the repository |
| `{WORKFLOW_FILE.as_posix()}` | reviews pull requests and publishes final documents |
| `templates/` (optional) | your own Word templates, each replacing partnerdocs' own of that kind only |

To change a template, copy partnerdocs' own into `templates/` with `partnerdocs init --template mou`
(for the MOU; `--template mou.es` for its Spanish version), edit `templates/mou.docx` in Word and commit
it. Once it says something new, documents built from it are drafts again until approved.

## Languages

`languages: [en, es]` in a partnership file builds every document in English and in Spanish
(`mou.docx`, `mou.es.docx`); each version is approved on its own, and the first language listed
prevails where the versions differ. Give each sentence in both languages (`mission: {{en: ..., es: ...}}`);
`partnerdocs lint` lists any that is missing. To add a language partnerdocs has no catalog for, put its
catalog in `locale/<language>/LC_MESSAGES/partnerdocs.po` and its templates in `templates/` (partnerdocs'
README, "Adding a language", says how).

## Upgrading partnerdocs

Install the new version, change `v{version}` in `.pre-commit-config.yaml` and in the workflow file to
the new version, and refresh the schema: `partnerdocs schema --out {SCHEMA_PATH}`. Run
`partnerdocs init` again: it adds what is new and leaves every existing file as it is.
"""
