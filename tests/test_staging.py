"""Staging and the switch: a build writes only inside its output folder, through no link, and puts each
partnership's folder in place whole, or changes nothing."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NOTHING_WRITTEN, ROOT, SLUGS, minimal_data, soffice_calls
from conftest import all_files as files
from conftest import three_partnerships as partnerships
from pipeline import staging
from pipeline.build import build
from pipeline.cli import main
from pipeline.errors import PartlyWrittenError, PartnerdocsError
from pipeline.inputs import SLUG
from pipeline.manifest import is_document_name
from schemas.types import ID_PATTERN

Built = tuple[Path, Path, dict[str, dict[str, bytes]], dict[str, dict[str, bytes]]]
"""The partnerships, the output folder, its files before the change, and the files the change makes."""


def assert_consistent(folder: Path) -> None:
    """Every document the manifest lists is there, with the sha256 it records."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"]
    for entry in manifest["documents"]:
        document = folder / entry["path"]
        assert hashlib.sha256(document.read_bytes()).hexdigest() == entry["sha256"], document


def staging_folders(out: Path) -> list[Path]:
    return sorted(out.glob(f"{staging.STAGING_PREFIX}*"))


# 1. Nothing is written outside the output folder


def test_planted_staging_folders_and_links_are_never_used(tmp_path: Path) -> None:
    source = partnerships(tmp_path / "partnerships")
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside"
    (outside / "alpha").mkdir(parents=True)
    victim = outside / "victim.docx"
    victim.write_bytes(b"keep")
    (outside / "alpha" / "mou.docx").write_bytes(b"keep too")
    pid = os.getpid()  # the build's, as it runs in this process
    for number in range(pid - 20, pid + 20):
        name = f"{staging.STAGING_PREFIX}{number}"
        if number % 3 == 0:
            (out / name).symlink_to(outside, target_is_directory=True)  # the whole staging folder a link
        elif number % 3 == 1:
            (out / name / "alpha").mkdir(parents=True)  # a real folder, with a link where a document goes
            (out / name / "alpha" / "mou.docx").symlink_to(victim)
        else:
            (out / name).mkdir()
            (out / name / "alpha").symlink_to(outside / "alpha", target_is_directory=True)
    (out / f"{staging.STAGING_PREFIX}{pid}-link").symlink_to(outside, target_is_directory=True)
    links = sorted(p for p in staging_folders(out) if p.is_symlink())
    before = files(outside)

    with pytest.raises(PartnerdocsError):
        build([source], out, all_final=True)  # refused: every document is a draft
    assert files(outside) == before
    build([source], out)
    assert files(outside) == before
    for slug in SLUGS:
        assert not (out / slug).is_symlink() and not (out / slug / "mou.docx").is_symlink()
        assert_consistent(out / slug)
    # Links named like staging folders are not ours: left alone, neither followed nor removed.
    assert sorted(p for p in staging_folders(out) if p.is_symlink()) == links


def test_an_output_folder_that_is_a_link_is_refused(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    out = tmp_path / "out"
    out.symlink_to(real, target_is_directory=True)
    with pytest.raises(PartnerdocsError) as caught:
        build([write_partnership()], out)
    assert str(caught.value) == f"{out}: the output folder is a symbolic link; partnerdocs never writes through links"
    result = CliRunner().invoke(main, ["build", str(write_partnership()), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"1 problem found; {NOTHING_WRITTEN}"
    assert list(real.iterdir()) == []


def test_a_linked_partnership_folder_is_refused_even_when_up_to_date(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    out = tmp_path / "out"
    build([path], out)
    (out / "pathways").rename(tmp_path / "moved")
    (out / "pathways").symlink_to(tmp_path / "moved", target_is_directory=True)
    with pytest.raises(PartnerdocsError) as caught:
        build([path], out)
    assert f"{out / 'pathways'} is a symbolic link; partnerdocs never writes through links" in str(caught.value)


@pytest.mark.parametrize("name", ["../../../x/keep", "../keep", "/tmp/keep", "mou/../../../../x/keep", ".keep"])
def test_a_manifest_entry_naming_a_file_outside_deletes_nothing(
    name: str, write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    out = tmp_path / "a" / "out"  # out/pathways/../../../x is tmp_path/x
    build([path], out, ["mou"])
    keep = tmp_path / "x"
    keep.mkdir()
    for suffix in (".docx", ".txt", ".pdf"):
        (keep / f"keep{suffix}").write_text("keep")
    manifest_path = out / "pathways" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["documents"].append({**manifest["documents"][0], "name": name, "path": f"{name}.docx"})
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")

    report = build([path], out, ["mou"], force=True)
    assert sorted(p.name for p in keep.iterdir()) == ["keep.docx", "keep.pdf", "keep.txt"]
    assert "ignored: not a manifest partnerdocs wrote" in str(report.warnings)
    after = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert [entry["name"] for entry in after["documents"]] == ["mou"]


def test_document_names_are_checked_before_they_are_joined_to_a_path() -> None:
    for good in ("mou", "letter-of-intent-harbor-hope", "onboarding-packet-affiliates"):
        assert is_document_name(good), good
    for bad in ("", ".", "..", "../x", "a/b", "a\\b", ".hidden", "x..y", "mou.", "-mou", "MOU", None, 7, "a" * 129):
        assert not is_document_name(bad), bad
    assert SLUG.pattern == ID_PATTERN


def test_a_file_named_dot_dot_yaml_is_refused_and_names_no_folder(tmp_path: Path) -> None:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    (folder / "..yaml").write_text(json.dumps(minimal_data()), encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(PartnerdocsError):
        build([folder / "..yaml"], out)
    assert not out.exists()


# 6. Each partnership switches whole, and everything that can fail fails before the first switch

KILL_AFTER_FIRST_SWITCH = """
import os, signal, sys
from pathlib import Path
from pipeline import staging
from pipeline.build import build

switch = staging._switch
def switch_then_die(*args):
    switch(*args)
    os.kill(os.getpid(), signal.SIGKILL)
staging._switch = switch_then_die
build([Path(sys.argv[1])], Path(sys.argv[2]))
"""

KILL_BETWEEN_RENAMES = """
import os, signal, sys
from pathlib import Path
from pipeline import staging
from pipeline.build import build

staging._exchange = lambda first, second: False  # a system without renameat2
rename = Path.rename
def rename_then_die(self, target):
    result = rename(self, target)
    if str(target).endswith(".old"):
        os.kill(os.getpid(), signal.SIGKILL)
    return result
Path.rename = rename_then_die
build([Path(sys.argv[1])], Path(sys.argv[2]))
"""


def run_killed(script: str, source: Path, out: Path) -> None:
    process = subprocess.run([sys.executable, "-c", script, str(source), str(out)], cwd=ROOT, check=False)
    assert process.returncode == -signal.SIGKILL


@pytest.fixture
def built_twice(
    tmp_path: Path,
) -> Iterator[tuple[Path, Path, dict[str, dict[str, bytes]], dict[str, dict[str, bytes]]]]:
    """Three partnerships built with a new mission elsewhere, and built with the old one into out."""
    new = tmp_path / "new"
    build([partnerships(tmp_path / "changed", "A new mission.")], new)
    source = partnerships(tmp_path / "partnerships")
    out = tmp_path / "out"
    build([source], out)
    (out / "alpha" / "notes.md").write_text("the coordinator's own notes")  # carried over by every switch
    (new / "alpha" / "notes.md").write_text("the coordinator's own notes")
    old = {slug: files(out / slug) for slug in SLUGS}
    fresh = {slug: files(new / slug) for slug in SLUGS}
    partnerships(source, "A new mission.")
    yield source, out, old, fresh


def test_a_build_killed_after_its_first_switch_leaves_each_partnership_whole(
    built_twice: Built,
) -> None:
    source, out, old, fresh = built_twice
    run_killed(KILL_AFTER_FIRST_SWITCH, source, out)
    states = {slug: files(out / slug) for slug in SLUGS}
    assert states == {"alpha": fresh["alpha"], "beta": old["beta"], "gamma": old["gamma"]}
    for slug in SLUGS:
        assert_consistent(out / slug)
    assert len(staging_folders(out)) == 1  # what the killed build left
    build([source], out)
    assert {slug: files(out / slug) for slug in SLUGS} == fresh
    assert staging_folders(out) == []


def test_a_build_killed_between_the_two_renames_loses_nothing(
    built_twice: Built,
) -> None:
    source, out, old, fresh = built_twice
    run_killed(KILL_BETWEEN_RENAMES, source, out)
    assert not (out / "alpha").exists()  # set aside, the new folder not yet in place
    (left,) = staging_folders(out)
    assert files(left / "alpha.old") == old["alpha"]
    build([source], out)  # puts it back first, then builds
    assert {slug: files(out / slug) for slug in SLUGS} == fresh
    assert staging_folders(out) == []


def test_a_switch_failing_after_another_says_what_was_written(
    built_twice: Built,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, out, old, fresh = built_twice
    switch, calls = staging._switch, []

    def switch_once(new: Path, current: Path, root: Path) -> None:
        calls.append(current)
        if len(calls) > 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(current))
        switch(new, current, root)

    monkeypatch.setattr(staging, "_switch", switch_once)
    with pytest.raises(PartlyWrittenError) as caught:
        build([source], out)
    assert caught.value.written == (str(out / "alpha"),)
    assert str(caught.value) == f"{out}: cannot replace {out / 'beta'}: {os.strerror(errno.EIO)}"
    assert {slug: files(out / slug) for slug in SLUGS} == {"alpha": fresh["alpha"], **{s: old[s] for s in SLUGS[1:]}}
    assert staging_folders(out) == []
    calls.clear()
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"1 problem found; written before it stopped: {out / 'beta'}; nothing else changed."
    )


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Makes a folder read-only: by its mode, or for root (whom modes do not stop) immutable."""
    made: list[Path] = []

    def make(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0o500)
        elif subprocess.run(["chattr", "+i", str(folder)], check=False, capture_output=True).returncode != 0:
            pytest.skip("running as root without chattr +i: no folder is read-only")
        made.append(folder)

    yield make
    for folder in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o700)


def test_a_read_only_second_partnership_refuses_the_build_before_the_first_is_touched(
    built_twice: Built,
    read_only: Callable[[Path], None],
) -> None:
    source, out, old, _ = built_twice
    inode = (out / "alpha").stat().st_ino
    read_only(out / "beta")
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{out}: cannot write the documents: " in result.output
    assert f"({out / 'beta'}); earlier documents are unchanged" in result.output
    assert result.output.splitlines()[-1] == f"1 problem found; {NOTHING_WRITTEN}"
    assert {slug: files(out / slug) for slug in SLUGS} == old
    assert (out / "alpha").stat().st_ino == inode
    assert staging_folders(out) == []


def test_leftovers_of_killed_builds_are_removed_by_the_next_build(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    import fcntl

    out = tmp_path / "out"
    build([write_partnership()], out)
    temporary = [".manifest.json.k3_9xq2a.tmp", ".mou.docx.0abcdefg.tmp", ".mou.pdf.zz_zz_zz.tmp"]
    for name in temporary:
        (out / "pathways" / name).write_bytes(b"half a file")
    dead = [f"{staging.STAGING_PREFIX}999999999", f"{staging.STAGING_PREFIX}999999998-a1_b2c3d"]
    for name in dead:
        (out / name / "pathways").mkdir(parents=True)
    alive = out / f"{staging.STAGING_PREFIX}{os.getpid()}-running"  # a build of this process, running
    alive.mkdir()
    locked = out / f"{staging.STAGING_PREFIX}999999997-worker"  # its process gone, a worker still at work
    locked.mkdir()
    descriptor = os.open(locked, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        data = minimal_data()
        data["mission"] = "A new mission."
        build([write_partnership(data)], out)
    finally:
        os.close(descriptor)
    assert staging_folders(out) == sorted([alive, locked])
    assert not [name for name in temporary if (out / "pathways" / name).exists()]
    assert_consistent(out / "pathways")


@pytest.mark.parametrize("how", ["hard links", "copies", "without descriptors"])
def test_what_the_build_does_not_make_is_carried_into_the_new_folder(
    how: str, write_partnership: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if how == "copies":  # fs.protected_hardlinks, or a file system without hard links

        def no_link(*_: object, **__: object) -> None:
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))

        monkeypatch.setattr(os, "link", no_link)
    if how == "without descriptors":  # Windows
        monkeypatch.setattr(staging, "_BY_DESCRIPTOR", False)
    path = write_partnership()
    out = tmp_path / "out"
    build([path], out)
    folder = out / "pathways"
    (folder / "notes.md").write_text("notes")
    (folder / "minutes").mkdir()
    (folder / "minutes" / "2026-01.md").write_text("minutes")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (folder / "elsewhere.txt").symlink_to(secret)
    folder.chmod(0o750)
    charter = (folder / "governance-charter.docx").read_bytes()

    report = build([path], out, ["mou"], force=True)
    assert [d.entry.name for d in report.documents] == ["mou"]
    assert (folder / "notes.md").read_text() == "notes"
    assert (folder / "minutes" / "2026-01.md").read_text() == "minutes"
    assert (folder / "elsewhere.txt").is_symlink() and secret.read_text() == "secret"
    assert (folder / "governance-charter.docx").read_bytes() == charter
    assert folder.stat().st_mode & 0o777 == 0o750
    assert_consistent(folder)
    assert {e["kind"] for e in json.loads((folder / "manifest.json").read_text())["documents"]} >= {
        "mou",
        "governance-charter",
    }


def test_pdf_conversion_follows_no_link_in_a_partnership_folder(
    write_partnership: Callable[..., Path], tmp_path: Path, fake_soffice: Callable[..., Path]
) -> None:
    out = tmp_path / "out"
    path = write_partnership()
    build([path], out)
    folder = out / "pathways"
    secret = tmp_path / "elsewhere.docx"
    secret.write_bytes((folder / "mou.docx").read_bytes())
    (folder / "planted.docx").symlink_to(secret)  # listed nowhere: partnerdocs did not make it
    charter = tmp_path / "charter.docx"
    charter.write_bytes((folder / "governance-charter.docx").read_bytes())
    (folder / "governance-charter.docx").unlink()
    (folder / "governance-charter.docx").symlink_to(charter)  # listed, but a link now
    (folder / "mou.pdf").symlink_to(tmp_path / "target.pdf")  # where the PDF of mou goes
    log = fake_soffice()
    result = CliRunner().invoke(main, ["build", str(path), "--pdf", "--out", str(out), "--kind", "mou"])
    assert result.exit_code == 0, result.output
    converted = sorted(name.split("-", 1)[1] for call in soffice_calls(log) for name in call["documents"])
    assert converted == ["emergency-response-guide.docx", "mou.docx", "onboarding-packet.docx"]
    assert not (tmp_path / "target.pdf").exists() and not (folder / "mou.pdf").is_symlink()
    assert (folder / "planted.docx").is_symlink() and not (folder / "planted.pdf").exists()
    assert (folder / "governance-charter.docx").is_symlink() and not (folder / "governance-charter.pdf").exists()
