"""Paths that are not ordinary partnership files: a named pipe, a link to a device, a huge sparse file.

Each is refused before it is read. The command runs in a child process with a time limit and a memory
limit, so a regression fails the test instead of hanging the suite or using up the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from pipeline import input_file
from pipeline.errors import PartnerdocsError
from pipeline.input_file import MAX_FILE_BYTES, read_partnership_file
from pipeline.load import load_file

MEMORY_LIMIT = 1536 * 2**20
"""Enough for partnerdocs, far less than the 2 GB a file read whole would take."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def partnerdocs(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child process; raises TimeoutExpired (failing the test) if it hangs."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = partnerdocs("validate", "pipe.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "pipe.yaml: this is a named pipe (FIFO), not a regular file; partnerdocs reads partnership files only "
        "from regular files\n1 problem found.\n"
    )


def test_build_refuses_a_named_pipe_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = partnerdocs("build", "pipe.yaml", "--out", "out", cwd=tmp_path, timeout=10)
    assert result.returncode == 1
    assert "this is a named pipe (FIFO), not a regular file" in result.stderr


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    result = partnerdocs("validate", "zero.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("zero.yaml: this is a link to /dev/zero, which is a device, not a regular file")


def test_a_huge_sparse_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    # 2 GB that take no disk space; reading them whole would exceed the child's memory limit.
    with (tmp_path / "huge.yaml").open("wb") as stream:
        stream.truncate(2 * 2**30)
    result = partnerdocs("validate", "huge.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "huge.yaml:1:1: the file is 2,147,483,648 bytes; partnership files are limited to 1,000,000 bytes\n"
        "1 problem found.\n"
    )


def test_a_file_longer_than_its_size_says_is_read_only_one_byte_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file can grow after its size was checked, and some file systems report 0 for every file.
    path = tmp_path / "growing.yaml"
    with path.open("wb") as stream:
        stream.truncate(50 * MAX_FILE_BYTES)
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read

    def small(status: os.stat_result) -> os.stat_result:
        return os.stat_result((status.st_mode, *status[1:6], 0, *status[7:10]))

    asked: list[int] = []

    def read(descriptor: int, count: int) -> bytes:
        asked.append(count)
        return real_read(descriptor, count)

    monkeypatch.setattr(input_file.os, "stat", lambda p, *a, **k: small(real_stat(p, *a, **k)))
    monkeypatch.setattr(input_file.os, "fstat", lambda d: small(real_fstat(d)))
    monkeypatch.setattr(input_file.os, "read", read)
    with pytest.raises(PartnerdocsError) as caught:
        read_partnership_file(path)
    assert "the file is more than 1,000,000 bytes; partnership files are limited to 1,000,000 bytes" in str(
        caught.value
    )
    assert sum(asked) == MAX_FILE_BYTES + 1


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yaml").write_text("name: A\n", encoding="utf-8")
    (tmp_path / "linked.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert load_file(tmp_path / "linked.yaml").data == {"name": "A"}


def test_a_folder_named_as_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(PartnerdocsError) as caught:
        read_partnership_file(tmp_path / "folder.yaml")
    assert "this is a folder, not a regular file" in str(caught.value)
