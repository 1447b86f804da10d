"""`partnerdocs init`: set up a coalition's repository, creating what is missing and never overwriting.

Each step creates one file (or one git setting) only when it is not there yet, and says what it did:
created, or already there and left as it was, with a hint when the existing one lacks what partnerdocs
needs. Running it again changes nothing; after an upgrade it adds what the new version brings. Files are
created with exclusive creation, so a file that appears meanwhile is never replaced either.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline import coalition_files as texts
from pipeline.coalition_workflow import WORKFLOW_FILE, workflow_text
from pipeline.errors import Problem
from pipeline.inputs import is_slug

DEFAULT_SLUG = "our-partnership"
_GUIDE_FALLBACK = "PARTNERDOCS.md"
_IGNORED_OUTPUT = re.compile(r"^/?output/?(\*\*?)?$")
_DOCX_DRIVER = re.compile(r"^\*\.docx\s.*\bdiff=docx\b")


@dataclass(frozen=True)
class Step:
    """One thing init sets up, and what it did about it."""

    target: str
    """A path relative to the repository (with '/'), or the git setting."""
    created: bool
    purpose: str
    note: str = ""
    """Why it was left as it was, or what the existing one lacks."""


@dataclass
class InitReport:
    root: Path
    version: str
    steps: list[Step] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _File:
    path: str
    content: Callable[[], bytes]
    purpose: str
    check: Callable[[bytes], str] = lambda _: ""
    """What an existing file lacks ('' when nothing), read from its bytes."""


def installed_version() -> str:
    """The version of the installed partnerdocs (package metadata), which hooks and the workflow pin."""
    try:
        return importlib.metadata.version("partnerdocs")
    except importlib.metadata.PackageNotFoundError:  # run from a source checkout that was never installed
        return __version__


def default_slug(root: Path) -> str:
    """The starter file's name: the folder's own name when it can name a partnership, else a neutral one."""
    name = root.resolve().name
    return name if is_slug(name) else DEFAULT_SLUG


def init_repository(root: Path, slug: str, templates: Iterable[str] = ()) -> InitReport:
    """Create in `root` every file a coalition's repository needs that is not there yet."""
    report = InitReport(root, installed_version())
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        report.problems.append(Problem(str(root), message=f"cannot create this folder ({error.strerror})"))
        return report
    for planned in _files(root, slug, report.version, templates):
        _create_or_check(root, planned, report)
    report.steps += _git_steps(root)
    return report


def _files(root: Path, slug: str, version: str, templates: Iterable[str]) -> list[_File]:
    from pipeline.approval_files import approval_schema
    from pipeline.reference import partnership_schema_json
    from pipeline.scaffold import scaffold
    from pipeline.template_files import packaged_template
    from schemas.vocabulary import LeadershipModel, Level

    schema = partnership_schema_json().encode("utf-8")
    approvals = approval_schema().encode("utf-8")
    refresh = f"partnerdocs schema --out {texts.SCHEMA_PATH}"
    files = [
        _starter(root, slug, lambda: scaffold(slug, Level.cooperation, LeadershipModel.primary_lead).encode()),
        _File(
            texts.SCHEMA_PATH,
            lambda: schema,
            "the schema editors check partnership files against",
            lambda old: "" if old == schema else f"it differs from partnerdocs {version}'s schema: `{refresh}`",
        ),
        _File(
            texts.APPROVAL_SCHEMA_PATH,
            lambda: approvals,
            "the schema editors check approval files against",
            lambda old: (
                "" if old == approvals else f"it differs from partnerdocs {version}'s: run `partnerdocs schema`"
            ),
        ),
        _File(".vscode/settings.json", _utf8(texts.vscode_settings), "VS Code checks partnership files", _settings),
        _File(".vscode/extensions.json", _utf8(texts.vscode_extensions), "VS Code recommends the YAML extension"),
        _File(
            ".pre-commit-config.yaml",
            _utf8(lambda: texts.pre_commit_config(version)),
            "checks before each commit (run `pre-commit install` once)",
            lambda old: _pins(old, version, "partnerdocs-validate"),
        ),
        _File(".gitattributes", _utf8(lambda: texts.GITATTRIBUTES), "git diff shows Word documents as text", _attrs),
        _File(".gitignore", _utf8(lambda: texts.GITIGNORE), "built documents stay out of git", _ignores),
        _File(
            WORKFLOW_FILE.as_posix(),
            _utf8(lambda: workflow_text(version)),
            "reviews pull requests and publishes final documents",
            lambda old: _pins(old, version, "partnerdocs"),
        ),
        _File(_guide_name(root), _utf8(lambda: texts.readme(slug, version)), "how to work in this repository"),
    ]
    for kind in templates:
        name = f"{kind}.docx"
        files.append(_File(f"templates/{name}", packaged_template(name).read_bytes, f"partnerdocs' {kind} template"))
    return files


def _utf8(text: Callable[[], str]) -> Callable[[], bytes]:
    return lambda: text().encode("utf-8")


def _starter(root: Path, slug: str, content: Callable[[], bytes]) -> _File:
    folder = root / "partnerships"
    existing = sorted(p.name for p in folder.glob("*.y*ml") if p.suffix in {".yaml", ".yml"}) if folder.is_dir() else []
    if existing and f"{slug}.yaml" not in existing:
        # A coalition that already has its partnerships needs no starter: say so and write nothing there.
        count = f"{len(existing)} partnership file{'s' if len(existing) != 1 else ''}"
        return _File("partnerships/", content, "the partnerships", lambda _: f"it holds {count}; no starter added")
    return _File(f"partnerships/{slug}.yaml", content, "the partnership: a commented starter, replace each TODO")


def _guide_name(root: Path) -> str:
    """README.md, unless the repository has a README of its own (not about partnerdocs): then PARTNERDOCS.md."""
    readme = root / "README.md"
    try:
        own = readme.is_file() and "partnerdocs" not in readme.read_text(encoding="utf-8", errors="replace").lower()
    except OSError:
        own = True
    return _GUIDE_FALLBACK if own else "README.md"


def _create_or_check(root: Path, planned: _File, report: InitReport) -> None:
    path = root / planned.path
    if planned.path.endswith("/"):  # a folder reported, not written
        report.steps.append(Step(planned.path, False, planned.purpose, planned.check(b"")))
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        created = _create(path, planned.content())
        note = "" if created else _check_existing(path, planned)
    except OSError as error:
        report.problems.append(Problem(str(path), message=f"cannot create this file ({error.strerror or error})"))
        return
    if planned.path == _GUIDE_FALLBACK and created:
        note = "README.md is your own: link this guide from it"
    report.steps.append(Step(planned.path, created, planned.purpose, note))


def _create(path: Path, data: bytes) -> bool:
    """Write a new file; False, writing nothing, when anything (even a broken link) is there already."""
    try:
        stream = path.open("xb")
    except FileExistsError:
        return False
    try:
        with stream:
            stream.write(data)
    except OSError:
        path.unlink(missing_ok=True)  # ours, half written: never leave it for the next run to keep
        raise
    return True


def _check_existing(path: Path, planned: _File) -> str:
    if not path.is_file():
        return "it is not a regular file"
    if path.stat().st_size > 4 * 1024 * 1024:
        return ""
    return planned.check(path.read_bytes())


def _lines(data: bytes) -> list[str]:
    return [line.strip() for line in data.decode("utf-8", errors="replace").splitlines()]


def _ignores(old: bytes) -> str:
    if any(_IGNORED_OUTPUT.match(line) for line in _lines(old)):
        return ""
    return "it does not ignore output/: add the line `output/`"


def _attrs(old: bytes) -> str:
    if any(_DOCX_DRIVER.match(line) for line in _lines(old)):
        return ""
    return "it gives .docx files no diff driver: add the line `*.docx diff=docx`"


def _settings(old: bytes) -> str:
    wanted = f'"yaml.yamlVersion": "{texts.YAML_VERSION}" and "yaml.schemas" mapping ./{texts.SCHEMA_PATH}'
    try:
        settings = json.loads(old)
    except ValueError:
        return f"it is not plain JSON, so it was not checked: make sure it has {wanted}"
    if not isinstance(settings, dict):
        return f"make sure it has {wanted}"
    schemas = settings.get("yaml.schemas")
    mapped = isinstance(schemas, dict) and any(str(key).endswith(texts.SCHEMA_PATH) for key in schemas)
    if settings.get("yaml.yamlVersion") == texts.YAML_VERSION and mapped:
        return ""
    return f"add {wanted} to partnerships/*.yaml"


def _pins(old: bytes, version: str, needle: str) -> str:
    text = old.decode("utf-8", errors="replace")
    if needle not in text:
        return "it does not use partnerdocs"
    if f"v{version}" not in text:
        return f"it pins another version than the installed partnerdocs {version}"
    return ""


def _git_steps(root: Path) -> list[Step]:
    """git's diff driver for .docx: `partnerdocs text`, found on PATH, in the repository's own config."""
    target = f'git config diff.docx.textconv "{texts.DIFF_DRIVER}"'
    purpose = "the diff driver, found on PATH"
    git = shutil.which("git")
    if git is None:
        return [Step(target, False, purpose, "git is not installed; run this once it is")]
    top = _git(git, root, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        return [Step(target, False, purpose, "this is not a git repository: `git init`, then `partnerdocs init` again")]
    if Path(top.stdout.strip()).resolve() != root.resolve():
        note = f"this folder is inside the git repository {top.stdout.strip()}, not at its top: not set"
        return [Step(target, False, purpose, note)]
    current = _git(git, root, "config", "--local", "--get", "diff.docx.textconv")
    if current.returncode == 0:
        value = current.stdout.strip()
        note = "" if value == texts.DIFF_DRIVER else f"it is set to '{value}': left as it was; {target} replaces it"
        return [Step(target, False, purpose, note)]
    _git(git, root, "config", "--local", "diff.docx.textconv", texts.DIFF_DRIVER, check=True)
    return [Step(target, True, purpose)]


def _git(git: str, root: Path, *arguments: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [git, "-C", str(root), *arguments], capture_output=True, text=True, check=check, timeout=30, errors="replace"
    )
