"""Git history is data: no commit, however hostile its message, date or file names, breaks a build or
changes what documents say."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import minimal_data
from pipeline.cli import main
from pipeline.history import SourceHistory, source_histories

runner = CliRunner()

# Subjects that broke builds, or could forge a record, when history was read as text split on \x1e/\x1f.
HOSTILE_SUBJECTS = {
    "start-of-heading": b"Update \x01 contacts",
    "vertical-tab": b"Update \x0b contacts",
    "form-feed": b"Update \x0c contacts",
    "unit-separator": b"Update\x1f1999-01-01",
    "record-separator": b"Update\x1e" + b"0" * 40 + b"\x1f1999-01-01\npartnerships/pathways.yaml",
    "not-utf-8": b"Mise \xe0 jour \xff\xfe des contacts",
    "nul-fields": b"Update\n\n" + b"0" * 40 + b"\n1999-01-01\npartnerships/pathways.yaml",
}


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
    completed = subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})
    return completed.stdout.decode("utf-8", "replace").strip()


def commit(repo: Path, message: bytes, env: dict[str, str] | None = None) -> str:
    """Commit everything with exactly this message (no clean-up), returning the commit's hash."""
    message_file = repo.parent / "message"
    message_file.write_bytes(message)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--cleanup=verbatim", "-F", str(message_file), env=env)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository holding partnerships/pathways.yaml with a revision history, in one ordinary commit."""
    repo = tmp_path / "repo"
    (repo / "partnerships").mkdir(parents=True)
    data = minimal_data()
    data["revision_history"] = [{"date": "2026-01-10", "summary": "First version agreed by both organizations."}]
    (repo / "partnerships" / "pathways.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    git(repo, "init", "-q")
    commit(repo, b"Add the Pathways partnership")
    return repo


def change(repo: Path) -> None:
    path = repo / "partnerships" / "pathways.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Port Alder", "Port Alder City"), encoding="utf-8")


@pytest.mark.parametrize("subject", HOSTILE_SUBJECTS.values(), ids=HOSTILE_SUBJECTS.keys())
def test_a_hostile_subject_is_neither_read_nor_able_to_forge_a_commit(repository: Path, subject: bytes) -> None:
    change(repository)
    head = commit(repository, subject)
    path = repository / "partnerships" / "pathways.yaml"
    (history,) = source_histories([path]).values()
    assert history.commit == head
    assert history.date is not None
    assert history.date.isoformat() == git(repository, "log", "-1", "--format=%ad", "--date=short")
    assert not history.uncommitted


@pytest.mark.parametrize("subject", HOSTILE_SUBJECTS.values(), ids=HOSTILE_SUBJECTS.keys())
def test_build_status_and_approve_survive_a_hostile_subject(repository: Path, subject: bytes) -> None:
    change(repository)
    head = commit(repository, subject)
    assert_commands_work(repository, head)


def test_a_commit_dated_beyond_any_calendar_does_not_break_the_build(repository: Path) -> None:
    # git prints the year such a commit claims (33658); it is no date, so the file is treated as undated.
    change(repository)
    head = commit(repository, b"From the future", env={"GIT_AUTHOR_DATE": "@999999999999 +0000"})
    (history,) = source_histories([repository / "partnerships" / "pathways.yaml"]).values()
    assert history == SourceHistory(head, None, False)
    assert_commands_work(repository, head)


def test_a_staged_rename_from_a_name_that_is_not_utf8_does_not_break_the_build(repository: Path) -> None:
    old = repository / os.fsdecode(b"old-\xff.yaml")
    path = repository / "partnerships" / "pathways.yaml"
    old.write_bytes(path.read_bytes().replace(b"Port Alder", b"Port Alder City"))
    commit(repository, b"Keep a copy")
    path.unlink()
    git(repository, "add", "-A")
    git(repository, "mv", str(old), str(path))
    (history,) = source_histories([path]).values()
    assert history.uncommitted


def assert_commands_work(repo: Path, head: str) -> None:
    """build, status and approve run without a traceback, and the manifest names the real last commit."""
    folder, out = repo / "partnerships", repo.parent / "out"
    path = folder / "pathways.yaml"
    built = runner.invoke(main, ["build", str(path), "--kind", "mou", "--out", str(out)])
    assert built.exit_code == 0, built.output
    manifest = json.loads((out / "pathways" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"]["commit"] == head
    text = (out / "pathways" / "mou.txt").read_text(encoding="utf-8")
    history = text[text.index("## Revision history") :].strip().splitlines()
    assert history[1:] == ["| Date | Change |", "| January 10, 2026 | First version agreed by both organizations. |"]
    assert "1999" not in text and "0" * 40 not in text
    status = runner.invoke(main, ["status", str(path)])
    assert status.exit_code == 0, status.output
    approved = runner.invoke(main, ["approve", "pathways", "mou", "--by", "omalley", "--partnerships", str(folder)])
    assert approved.exit_code == 0, approved.output
    assert approved.output.startswith(f"recorded in {folder / 'pathways.approvals'}/mou.omalley.")
