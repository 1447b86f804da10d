"""`partnerdocs redline` on files partnerdocs did not build, and on files that are not what they claim.

Any .docx gives either a redline or a Problem naming the file, never a traceback or a hang.
"""

from __future__ import annotations

import copy
import io
import os
import random
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Inches
from lxml import etree

from conftest import marks, settle, w
from pipeline import redline_package
from pipeline.cli import main
from pipeline.errors import PartnerdocsError
from pipeline.redline import redline
from pipeline.text import docx_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
runner = CliRunner()


def png(red: int, green: int, blue: int) -> bytes:
    """A small one-colour PNG picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((red, green, blue)) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def word_file(path: Path, version: int) -> Path:
    """A document made by python-docx, not by partnerdocs: a heading, a table, a picture, a header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = f"Shared draft {version}"
    document.add_heading("Contacts", level=1 if version == 1 else 2)
    document.add_paragraph("Call the hotline first. Then call the lead agency.")
    if version == 1:
        document.add_paragraph("This paragraph is removed in the second version.")
    rows = [("Agency", "Contact"), ("Shelter", "Ana Ruiz"), ("Clinic", "Dr. Mo")]
    if version == 2:
        rows[1] = ("Shelter", "Ana Ruiz-Park")
        rows.append(("Legal aid", "Sam Lee"))
    table = document.add_table(rows=0, cols=2)
    for left, right in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
    document.add_picture(io.BytesIO(png(200, 30, 30) if version == 1 else png(30, 30, 200)), width=Inches(1))
    document.add_paragraph("The end.")
    document.save(str(path))
    return path


def test_a_document_partnerdocs_did_not_build_gives_a_full_redline(tmp_path: Path) -> None:
    old, new = word_file(tmp_path / "v1.docx", 1), word_file(tmp_path / "v2.docx", 2)
    result = redline(old, new)
    assert docx_text(settle(result.docx, accept=True)) == docx_text(new)
    assert docx_text(settle(result.docx, accept=False)) == docx_text(old)
    assert set(marks(result.docx)) == {"word/document.xml", "word/header1.xml"}
    archive = zipfile.ZipFile(io.BytesIO(result.docx))
    body = etree.fromstring(archive.read("word/document.xml"))
    # The row added to the table is marked as a row; the old heading style is kept for "Reject".
    assert [r for r in body.iter(w("trPr")) if r.find(w("ins")) is not None]
    assert next(body.iter(w("pPrChange"))).find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "Heading1"
    # The old picture travels with its deletion, so rejecting it shows it again.
    relationships = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in relationships}
    deleted_picture = next(d for d in body.iter(w("del")) if d.find(f".//{w('drawing')}") is not None)
    blip = next(deleted_picture.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
    rel_id = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    assert archive.read("word/" + targets[rel_id]) == png(200, 30, 30)
    # python-docx opens it (its .text leaves out runs inside w:ins, so the new row reads empty there).
    assert len(docx.Document(io.BytesIO(result.docx)).tables[0].rows) == 4


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_documents_saved_by_libreoffice_compare_too(tmp_path: Path) -> None:
    # LibreOffice writes its own kind of .docx (other run splits, bookmarks, no python-docx defaults).
    sources = [word_file(tmp_path / "v1.docx", 1), word_file(tmp_path / "v2.docx", 2)]
    command = [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo")]
    subprocess.run([*command, *map(str, sources)], check=True, timeout=300)
    old, new = tmp_path / "lo" / "v1.docx", tmp_path / "lo" / "v2.docx"
    result = redline(old, new)
    assert result.changes
    assert docx_text(settle(result.docx, accept=True)) == docx_text(new)
    assert docx_text(settle(result.docx, accept=False)) == docx_text(old)


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def fake_docx(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def parts_of(path: Path) -> dict[str, bytes | str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_body(source: Path, target: Path, body: str) -> Path:
    """`source` with its document part replaced by a body of XML written here."""
    parts = parts_of(source)
    parts["word/document.xml"] = f'<w:document xmlns:w="{w("")[1:-1]}"><w:body>{body}</w:body></w:document>'
    return fake_docx(target, parts)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p, ok: written(p, b"PK\x03\x04 not really a zip"), "not a Word .docx file (it is not a zip"),
        (lambda p, ok: written(p, b"{\\rtf1 Rich text}"), "not a Word .docx file (it is not a zip"),
        (lambda p, ok: fake_docx(p, {"word/document.xml": "<x/>"}), "the package has no _rels/.rels"),
        (lambda p, ok: fake_docx(p, {**parts_of(ok), "_rels/.rels": "<Relationships/>"}), "names no main document"),
        (lambda p, ok: fake_docx(p, {**parts_of(ok), "word/document.xml": "<w:document"}), "is not well-formed XML"),
        (lambda p, ok: fake_docx(p, {**parts_of(ok), "_rels/.rels": "<R><![CDATA["}), "is not well-formed XML"),
        (
            lambda p, ok: with_body(ok, p, '<w:p><w:ins w:id="1" w:author="x"><w:r><w:t>a</w:t></w:r></w:ins></w:p>'),
            "it has tracked changes of its own",
        ),
    ],
    ids=["broken-zip", "rtf", "no-rels", "no-main-part", "bad-xml", "bad-rels", "tracked-changes"],
)
def test_a_file_that_is_not_a_usable_word_document_is_a_problem(
    tmp_path: Path, make: Callable[[Path, Path], Path], message: str
) -> None:
    good = word_file(tmp_path / "good.docx", 1)
    bad = make(tmp_path / "bad.docx", good)
    for old, new in ((bad, good), (good, bad)):
        result = runner.invoke(main, ["redline", str(old), str(new), "-o", str(tmp_path / "out.docx")])
        assert result.exit_code == 1, result.output
        assert f"{bad}: " in result.output and message in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out.docx").exists()


def test_both_files_problems_are_listed_at_once(tmp_path: Path) -> None:
    result = runner.invoke(main, ["redline", str(tmp_path / "a.docx"), str(tmp_path / "b.docx"), "-o", "x.docx"])
    assert result.exit_code == 1
    assert result.output.count("cannot read the file: No such file or directory") == 2


def test_a_zip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = word_file(tmp_path / "good.docx", 1)
    parts = parts_of(good)
    parts["word/document.xml"] = bytes(parts["word/document.xml"]).replace(b"<w:body>", b"<w:body>" + b" " * 3_000_000)
    bomb = fake_docx(tmp_path / "bomb.docx", parts)
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(redline_package, "MAX_PART_BYTES", 2_000_000)
    with pytest.raises(PartnerdocsError, match=r"word/document\.xml inflates to more than 2,000,000 bytes"):
        redline(good, bomb)
    monkeypatch.setattr(redline_package, "MAX_PART_BYTES", 64_000_000)
    monkeypatch.setattr(redline_package, "MAX_TOTAL_BYTES", 2_500_000)
    with pytest.raises(PartnerdocsError, match="its parts inflate to more than 2,500,000 bytes"):
        redline(good, bomb)


def test_too_many_parts_or_too_large_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = word_file(tmp_path / "good.docx", 1)
    monkeypatch.setattr(redline_package, "MAX_ENTRIES", 5)
    with pytest.raises(PartnerdocsError, match="parts; Word files to compare are limited to 5"):
        redline(good, good)
    monkeypatch.setattr(redline_package, "MAX_DOCX_BYTES", 1000)
    with pytest.raises(PartnerdocsError, match="Word files to compare are limited to 1,000 bytes"):
        redline(good, good)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    good = word_file(tmp_path / "good.docx", 1)
    with pytest.raises(PartnerdocsError, match="named pipe"):
        redline(pipe, good)


ODD_BODIES = {
    "empty-body": "",
    "no-section": "<w:p><w:r><w:t>Only text</w:t></w:r></w:p>",
    "row-without-cells": "<w:tbl><w:tr/></w:tbl><w:p/>",
    "table-without-rows": "<w:tbl/><w:p/>",
    "cell-without-paragraph": "<w:tbl><w:tr><w:tc/></w:tr></w:tbl><w:p/>",
    "comments-and-instructions": "<!-- a comment --><?pi data?><w:p><!-- x --><w:r><w:t>Text</w:t></w:r></w:p>",
    "unknown-elements": '<w:p><w:foo w:bar="1"><w:r><w:t>Inside</w:t></w:r></w:foo></w:p><w:zzz/>',
    "hyperlink-to-nowhere": '<w:p><w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships" r:id="rId999"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>',
    "fields-and-symbols": '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText>'
    '</w:r><w:r><w:sym w:char="F04A"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    "entities": "<w:p><w:r><w:t>&amp;&lt;&#x1F642;</w:t></w:r></w:p>",
}


@pytest.mark.parametrize("name", sorted(ODD_BODIES))
def test_an_odd_but_well_formed_document_gives_a_redline(tmp_path: Path, name: str) -> None:
    good = word_file(tmp_path / "good.docx", 1)
    odd = with_body(good, tmp_path / "odd.docx", ODD_BODIES[name])
    for old, new in ((good, odd), (odd, good), (odd, odd)):
        result = redline(old, new)
        etree.fromstring(zipfile.ZipFile(io.BytesIO(result.docx)).read("word/document.xml"))
        assert (result.changes == 0) == (old == new)


def test_entities_declared_in_the_file_are_not_expanded(tmp_path: Path) -> None:
    good = word_file(tmp_path / "good.docx", 1)
    laughs = (
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
    )
    parts = parts_of(good)
    parts["word/document.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE d [{laughs}]><w:document xmlns:w="{w("")[1:-1]}"><w:body>'
        + "<w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p>" * 3
        + "</w:body></w:document>"
    )
    laughing = fake_docx(tmp_path / "laughs.docx", parts)
    result = redline(good, laughing)
    assert b"aaaaaaaaaa" not in zipfile.ZipFile(io.BytesIO(result.docx)).read("word/document.xml")


def shuffled(source: Path, target: Path, seed: int) -> Path:
    """`source` with paragraphs, tables, runs, links and rows removed, copied, moved or reworded at random."""
    rng = random.Random(seed)
    parts = parts_of(source)
    root = etree.fromstring(parts["word/document.xml"])
    movable = [w(tag) for tag in ("p", "tbl", "r", "tr", "hyperlink")]
    for _ in range(rng.randint(1, 12)):
        element = rng.choice(list(root.iter(*movable)))
        family = set(element.iterancestors()) | {element}
        elsewhere = [e for e in root.iter(element.tag) if e not in family and element not in set(e.iterancestors())]
        action = rng.random()
        if action < 0.3 and element.tag != w("tr"):
            element.getparent().remove(element)
        elif action < 0.5:
            element.addnext(copy.deepcopy(element))
        elif action < 0.7 and elsewhere:
            rng.choice(elsewhere).addnext(element)
        elif texts := list(element.iter(w("t"))):
            text = rng.choice(texts)
            words = (text.text or "").split(" ")
            rng.shuffle(words)
            text.text = " ".join(words[: rng.randint(0, len(words))]) + rng.choice(["", " X", "Ü", " Steady"])
    parts["word/document.xml"] = etree.tostring(root)
    return fake_docx(target, parts)


@pytest.mark.parametrize("seed", range(12))
def test_a_document_changed_at_random_still_accepts_to_the_new_and_rejects_to_the_old(
    built_examples: Path, tmp_path: Path, seed: int
) -> None:
    source = built_examples / "harbor-hope-omalley" / ("mou.docx" if seed % 2 else "onboarding-packet.docx")
    changed = shuffled(source, tmp_path / "changed.docx", seed)
    for old, new in ((source, changed), (changed, source)):
        result = redline(old, new)
        assert docx_text(settle(result.docx, accept=True)) == docx_text(new)
        assert docx_text(settle(result.docx, accept=False)) == docx_text(old)


def test_more_pictures_links_and_fields_than_can_be_told_apart_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import redline_words

    monkeypatch.setattr(redline_words, "_ATOM_CHARS", redline_words._ATOM_CHARS[:1])
    old, new = word_file(tmp_path / "v1.docx", 1), word_file(tmp_path / "v2.docx", 2)
    with pytest.raises(PartnerdocsError, match="more than 1 distinct pictures, links and fields"):
        redline(old, new)
