"""The worker processes of a parallel build end when the build does, even when it is killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="reads processes from /proc (Linux)")


def stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        fields = stat_fields(int(entry.name)) if entry.name.isdigit() else None
        if fields and int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def running(pid: int) -> bool:
    fields = stat_fields(pid)
    return fields is not None and fields[0] not in {"Z", "X"}  # a zombie has ended, waiting to be reaped


def wait_until_ended(pids: set[int], seconds: float) -> set[int]:
    """The processes of `pids` still running after `seconds` (ended ones are gone at once)."""
    deadline = time.monotonic() + seconds
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return {pid for pid in pids if running(pid)}


def end(pids: set[int]) -> None:
    """Kill what a failed test left running, so no stray worker outlives it."""
    for pid in pids:
        if running(pid):
            os.kill(pid, signal.SIGKILL)


def test_a_killed_parallel_build_leaves_no_worker_running(tmp_path: Path) -> None:
    partnerships = tmp_path / "partnerships"
    partnerships.mkdir()
    for example in EXAMPLES:
        for index in range(4):
            shutil.copy(example, partnerships / f"{example.stem}-{index}.yaml")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "build", str(partnerships), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, cwd=ROOT)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        # Kill it at work: both workers started and a first document staged.
        while time.monotonic() < deadline and process.poll() is None:
            workers = children_of(process.pid)
            if len(workers) >= 2 and any(out.glob(".partnerdocs-staging-*/*/*.docx")):
                break
            time.sleep(0.02)
        assert process.poll() is None, "the build finished before it could be killed"
        assert len(workers) >= 2
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert wait_until_ended(workers, 5) == set()
    finally:
        if process.poll() is None:
            process.kill()
        end(workers)


PARENT = """
import subprocess, sys
command = [sys.executable, "-c", sys.argv[1], str(__import__("os").getpid())]
# Its own output pipe, and none of ours: the test must not wait for it to close ours.
child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
assert child.stdout.readline() == b"ready\\n"
print(child.pid, flush=True)  # and end, without waiting for the child
"""

WORKER = """
import os, sys, time
from pipeline import workers
if {watch}:
    workers._die_with_parent = lambda: False  # as on a system without prctl
workers.start_worker(int(sys.argv[1]))
print("ready", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("watch", [False, True], ids=["prctl", "watching thread"])
def test_a_worker_ends_when_its_parent_does(watch: bool) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PARENT, WORKER.format(watch=watch)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    worker = {int(result.stdout)}
    try:
        assert wait_until_ended(worker, 5) == set()
    finally:
        end(worker)


def test_a_worker_whose_parent_is_already_gone_ends_at_once() -> None:
    # Its parent (this test) is not process 1, the parent it is told to expect: as if the build had died
    # before the worker could ask to die with it.
    code = "from pipeline.workers import start_worker; start_worker(1); print('still running')"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (1, "")
