"""The build: documents for every example, reproducible, and never a half-written or lost output."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml

from conftest import EXAMPLES, ROOT, minimal_data
from pipeline.build import build
from pipeline.errors import PartnerdocsError
from pipeline.text import docx_text
from pipeline.write import write_atomically


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()
    }


def test_every_example_gets_an_mou_and_its_text(built_examples: Path) -> None:
    assert len(EXAMPLES) >= 3
    for example in EXAMPLES:
        folder = built_examples / example.stem
        document = docx.Document(str(folder / "mou.docx"))
        assert document.paragraphs, example.stem
        assert (folder / "mou.txt").read_text(encoding="utf-8") == docx_text(folder / "mou.docx")
        assert document.core_properties.language == "en-US"
        assert document.core_properties.title.startswith("Memorandum of Understanding: ")


def test_every_plan_of_every_example_is_built_with_its_text(built_examples: Path) -> None:
    from pipeline.partnerships import load_partnerships
    from pipeline.plans import plan_names

    built = 0
    for loaded in load_partnerships(EXAMPLES):
        for name in plan_names(loaded.partnership):
            path = built_examples / loaded.slug / f"{name}.docx"
            assert path.with_suffix(".txt").read_text(encoding="utf-8") == docx_text(path)
            assert docx.Document(str(path)).core_properties.title.startswith("Partnership Plan: ")
            built += 1
    assert built >= 2


def test_two_builds_are_byte_identical(built_examples: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build([built_examples.parent / "partnerships"], again)
    first = {p.relative_to(built_examples): p.read_bytes() for p in built_examples.rglob("*.*")}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*.*")}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_invalid_input_leaves_earlier_outputs_untouched(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    out = tmp_path / "output"
    build([path], out)
    before = snapshot(out)
    data = minimal_data()
    data["members"][0]["contacts"]["primary"]["email"] = "jane@"
    write_partnership(data)
    with pytest.raises(PartnerdocsError):
        build([path], out)
    assert snapshot(out) == before


def test_template_failure_leaves_earlier_outputs_untouched(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    from conftest import make_template

    path = write_partnership()
    out = tmp_path / "output"
    build([path], out)
    before = snapshot(out)
    broken = tmp_path / "broken-templates"
    broken.mkdir()
    make_template(broken / "mou.docx", ["{{ no_such_variable }}"])
    with pytest.raises(PartnerdocsError) as caught:
        build([path], out, ["mou"], templates_dir=broken)
    assert "'no_such_variable' is undefined" in str(caught.value)
    assert snapshot(out) == before


def test_partnership_without_agreement_skips_the_mou(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    del data["agreement"]
    report = build([write_partnership(data)], tmp_path / "output")
    assert "mou.docx" not in {path.name for path in report.written}
    assert (
        f"{tmp_path / 'partnerships' / 'pathways.yaml'}: no mou: there is no 'agreement' section "
        "(term, notice period, amendment) to write an MOU from"
    ) in report.skipped


def test_two_files_with_the_same_name_are_refused(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    first = write_partnership()
    other = tmp_path / "other"
    other.mkdir()
    second = shutil.copy(first, other / first.name)
    with pytest.raises(PartnerdocsError) as caught:
        build([first, Path(second)], tmp_path / "output")
    assert "has the same name; documents would overwrite each other" in str(caught.value)


def test_atomic_write_replaces_a_symlink_instead_of_following_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    link = tmp_path / "out" / "mou.txt"
    link.parent.mkdir()
    link.symlink_to(outside)
    write_atomically(link, b"new")
    assert outside.read_text() == "keep me"
    assert not link.is_symlink()
    assert link.read_bytes() == b"new"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_output_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PartnerdocsError) as caught:
            write_atomically(folder / "mou.docx", b"x")
        assert "cannot write the file: Permission denied" in str(caught.value)
    finally:
        folder.chmod(0o700)


def test_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mou.docx"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(PartnerdocsError) as caught:
        write_atomically(target, b"new")
    assert str(caught.value) == f"{target}: cannot write the file: No space left on device"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["mou.docx"]


def test_output_under_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "output"
    blocker.write_text("not a folder")
    with pytest.raises(PartnerdocsError) as caught:
        write_atomically(blocker / "slug" / "mou.docx", b"x")
    assert str(caught.value).endswith("cannot write the file: Not a directory")


def test_unchanged_partnerships_are_skipped_and_changed_ones_rebuilt(examples_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([examples_copy], out)
    assert first.unchanged == 0 and first.documents
    before = snapshot(out)
    second = build([examples_copy], out)
    assert second.documents == [] and second.unchanged == len(first.documents)
    assert snapshot(out) == before
    harbor = examples_copy / "harbor-hope-omalley.yaml"
    harbor.write_text(harbor.read_text(encoding="utf-8").replace("Port Alder", "Port Alder City"), encoding="utf-8")
    third = build([examples_copy], out)
    assert {d.target.parent.name for d in third.documents} == {"harbor-hope-omalley"}
    after = snapshot(out)
    untouched = [name for name in before if not name.startswith("harbor-hope-omalley/")]
    assert all(after[name] == before[name] for name in untouched)
    build([examples_copy], tmp_path / "fresh")  # a full build of the same inputs, from nothing
    assert contents(out) == contents(tmp_path / "fresh")
    forced = build([examples_copy], out, force=True)
    assert forced.unchanged == 0 and len(forced.documents) == len(first.documents)


def test_a_template_change_rebuilds_only_that_kind(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    path = write_partnership()
    build([path], tmp_path / "out", templates_dir=templates)
    document = docx.Document(str(templates / "mou.docx"))
    document.add_paragraph("A new closing sentence.")
    document.save(str(templates / "mou.docx"))
    report = build([path], tmp_path / "out", templates_dir=templates)
    assert [d.entry.name for d in report.documents] == ["mou"]
    assert report.unchanged == 3


def test_parallel_build_is_byte_identical_to_a_serial_one(built_examples: Path, tmp_path: Path) -> None:
    parallel = tmp_path / "parallel"
    build([built_examples.parent / "partnerships"], parallel, jobs=2)
    serial = {p.relative_to(built_examples): p.read_bytes() for p in built_examples.rglob("*.*")}
    both = {p.relative_to(parallel): p.read_bytes() for p in parallel.rglob("*.*")}
    assert serial.keys() == both.keys()
    assert [name for name in serial if serial[name] != both[name]] == []


def test_no_staging_folder_is_left_behind(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([write_partnership()], out)
    (out / ".partnerdocs-staging-999999999").mkdir()  # left by a build that was killed
    data = minimal_data()
    data["mission"] = "A new mission."
    build([write_partnership(data)], out)
    assert [p.name for p in out.iterdir()] == ["pathways"]


def test_commands_that_render_nothing_do_not_import_rendering(tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "for args in (['--help'], ['validate', sys.argv[1]]):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('docx', 'docxtpl', 'jinja2', 'lxml') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(ROOT / "partnerships")], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_lint_imports_no_rendering_code() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "try:\n"
        "    main(['lint', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('docx', 'docxtpl', 'jinja2', 'pipeline.contexts'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(ROOT / "partnerships")], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_no_op_build_does_not_even_parse_the_yaml(examples_copy: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    build([examples_copy], tmp_path / "out")
    probe = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "try:\n"
        "    main(['build', sys.argv[1], '--out', sys.argv[2]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('docx', 'pydantic', 'yaml') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(examples_copy), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 documents built; " in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_parallel_build_without_fork_is_byte_identical(
    built_examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # as on Windows
    spawned = tmp_path / "spawned"
    build([built_examples.parent / "partnerships"], spawned, jobs=2)
    assert contents(spawned) == contents(built_examples)


def test_a_time_written_without_quotes_is_printed_as_written(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    # YAML 1.1 read 9:30 as the number 570 (base 60); editors and partnerdocs read YAML 1.2, where it is text.
    text = yaml.safe_dump(minimal_data(), allow_unicode=True)
    text += "meetings:\n  regular:\n  - name: Check-in call\n    schedule: 9:30\n"
    build([write_partnership(text=text)], tmp_path / "out")
    assert "Check-in call: 9:30" in (tmp_path / "out" / "pathways" / "mou.txt").read_text(encoding="utf-8")


def test_a_no_op_build_reads_no_document_it_wrote_or_checked(
    examples_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.manifest

    out = tmp_path / "out"
    build([examples_copy], out)
    reads: list[Path] = []
    real_read = pipeline.manifest.read_regular_file

    def counting(path: Path, limit: int = pipeline.manifest.MAX_DOCUMENT_BYTES) -> bytes:
        reads.append(path)
        return real_read(path, limit)

    monkeypatch.setattr(pipeline.manifest, "read_regular_file", counting)
    assert build([examples_copy], out).documents == []
    assert [p for p in reads if p.suffix in (".docx", ".txt")] == []  # remembered as written
    mou = out / "harbor-hope-omalley" / "mou.docx"
    mou.write_bytes(mou.read_bytes() + b" ")  # an edit changes its size and time: read, found, rebuilt
    rebuilt = build([examples_copy], out)
    assert [d.target for d in rebuilt.documents if d.target.name == "mou.docx"] == [mou]
    assert mou in reads
