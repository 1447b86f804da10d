"""PDF copies of documents, made by LibreOffice inside the build's staging folder.

LibreOffice converts in batches: a call costs about 1 s to start, each document in it 0.1 to 0.2 s.
It fails quietly, so nothing it says is believed:

- one call stops after about 250 documents and still exits 0 (850 documents gave 247 PDFs): a call
  gets at most BATCH_SIZE documents, and each PDF it should have written is checked, one by one (a
  regular file, a PDF header, an end-of-file marker); a document without one is tried once more in a
  call of its own, then reported, and the build writes nothing;
- two calls sharing a profile hand their work to one process, which drops part of it (34 documents in
  two calls gave 15 PDFs): each instance gets a profile of its own (`-env:UserInstallation`);
- it is a program we run, not a library: each call runs in a session of its own, killed whole when it
  takes too long or the build stops, and on Linux ended when the build dies (pipeline.workers.die_with).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pipeline.errors import PartnerdocsError, Problem
from pipeline.manifest import MAX_DOCUMENT_BYTES, read_regular_file, sha256
from pipeline.workers import die_with

BATCH_SIZE = 100
"""Documents per call, well below the ~250 after which LibreOffice stops without a word."""
CALL_SECONDS = 60.0
PER_DOCUMENT_SECONDS = 5.0
"""A call may take CALL_SECONDS + PER_DOCUMENT_SECONDS per document (25 times what it needs here) before
it counts as hung: then it is killed and the build stops, writing nothing."""
_POLL_SECONDS = 0.02
# Tagged PDF (PDF/UA): headings, lists, tables and reading order reach screen readers, as they do
# in the Word file. LibreOffice leaves PDFs untagged unless asked. Figures are line art and text: lossless,
# where LibreOffice would otherwise store some as JPEG, blurring the small print around the boxes.
_TRUE = {"type": "boolean", "value": "true"}
PDF_EXPORT = "pdf:writer_pdf_Export:" + json.dumps(
    {"UseTaggedPDF": _TRUE, "PDFUACompliance": _TRUE, "UseLosslessCompression": _TRUE}
)
NO_LIBREOFFICE = "--pdf needs LibreOffice; install it (Debian/Ubuntu: apt install libreoffice-writer-nogui)"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfJob:
    source: Path
    """The .docx to convert."""
    target: Path
    """Where its PDF goes (in the staging folder)."""
    label: str
    """The document as the user knows it: where it is, or will be, in the output folder."""


@dataclass(frozen=True)
class PdfRecord:
    """What the manifest records of a PDF: its checksum and that of the exact .docx it was made from."""

    sha256: str
    made_from: str

    def fields(self, name: str) -> dict[str, str]:
        return {"pdf": f"{name}.pdf", "pdf_sha256": self.sha256, "pdf_from": self.made_from}


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        raise PartnerdocsError([Problem("partnerdocs", message=NO_LIBREOFFICE)])
    return soffice


@dataclass(frozen=True)
class _Input:
    job: PdfJob
    copy: Path
    made_from: str


def convert(
    jobs: Sequence[PdfJob], work: Path, instances: int = 1, progress: Progress | None = None
) -> dict[Path, PdfRecord]:
    """Write the PDF of each job's .docx at its target; returns each target's record.

    `work` is a folder to make (in the staging folder, so that a killed build's leftovers go with
    it). Raises PartnerdocsError naming every document left without a PDF."""
    if not jobs:
        return {}
    soffice = require_soffice()
    work.mkdir(mode=0o700)
    inputs = []
    for index, job in enumerate(jobs):
        data = read_regular_file(job.source, MAX_DOCUMENT_BYTES)
        # Numbered: documents of different partnerships share names. The copy is what is converted, so
        # the record names its checksum, whatever happens to the source meanwhile.
        copy = work / f"{index:05d}-{job.target.stem}.docx"
        copy.write_bytes(data)
        inputs.append(_Input(job, copy, sha256(data)))
    made: dict[Path, PdfRecord] = {}
    errors: dict[Path, str] = {}

    def collect(batch: list[_Input], outdir: Path, said: str) -> None:
        for item in batch:
            pdf = outdir / f"{item.copy.stem}.pdf"
            data = _finished_pdf(pdf)
            if data is None:
                errors[item.copy] = said
                continue
            item.job.target.parent.mkdir(exist_ok=True)
            pdf.replace(item.job.target)
            made[item.job.target] = PdfRecord(sha256(data), item.made_from)
            if progress:
                progress(len(made), len(inputs))

    calls = _Calls(soffice, work, instances)
    calls.run(_batches(inputs, instances), collect)
    missing = [item for item in inputs if item.job.target not in made]
    if missing:
        calls.run([[item] for item in missing], collect)  # each once more, alone
    failed = [item for item in inputs if item.job.target not in made]
    if failed:
        raise PartnerdocsError([_not_converted(item, errors.get(item.copy, "")) for item in failed])
    return made


def _batches(inputs: list[_Input], instances: int) -> list[list[_Input]]:
    """At most BATCH_SIZE documents a call, as many calls for each instance, sizes as even as can be."""
    count = math.ceil(max(instances, math.ceil(len(inputs) / BATCH_SIZE)) / instances) * instances
    size = math.ceil(len(inputs) / min(count, len(inputs)))
    return [inputs[start : start + size] for start in range(0, len(inputs), size)]


def _not_converted(item: _Input, said: str) -> Problem:
    message = "LibreOffice made no PDF of it, in a batch nor alone"
    return Problem(item.job.label, message=f"{message} (it said: {said})" if said else message)


def _finished_pdf(path: Path) -> bytes | None:
    """The PDF's bytes if LibreOffice wrote a whole one: a regular file with a PDF header and an end."""
    try:
        data = read_regular_file(path, MAX_DOCUMENT_BYTES)
    except OSError:
        return None
    return data if data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:] else None


@dataclass
class _Call:
    process: subprocess.Popen[bytes]
    batch: list[_Input]
    outdir: Path
    log: IO[bytes]
    deadline: float

    def said(self) -> str:
        """The first line LibreOffice wrote that names a problem, for the report."""
        self.log.seek(0)
        lines = self.log.read(64 * 1024).decode("utf-8", "replace").splitlines()
        return next((line.strip()[:200] for line in lines if "rror" in line), "")


class _Calls:
    """Runs calls of LibreOffice, at most one per instance at a time, each instance with its own profile.

    Polled from this thread, with no helper threads: a program started from a process with threads
    may deadlock between fork and exec, and the start sets up its death with the build."""

    def __init__(self, soffice: str, work: Path, instances: int) -> None:
        self.soffice, self.work, self.instances = soffice, work, max(1, instances)
        self.count = 0

    def run(self, batches: list[list[_Input]], done: Callable[[list[_Input], Path, str], None]) -> None:
        pending = list(batches)
        running: dict[int, _Call] = {}
        try:
            while pending or running:
                for instance in range(self.instances):
                    if instance not in running and pending:
                        running[instance] = self._start(instance, pending.pop(0))
                time.sleep(_POLL_SECONDS)
                for instance, call in list(running.items()):
                    if call.process.poll() is None:
                        if time.monotonic() > call.deadline:
                            raise _hung(call)
                        continue
                    del running[instance]
                    with call.log:
                        done(call.batch, call.outdir, call.said())
        finally:
            for call in running.values():
                _kill(call.process)
                call.log.close()

    def _start(self, instance: int, batch: list[_Input]) -> _Call:
        self.count += 1
        outdir = self.work / f"call-{self.count:04d}"
        outdir.mkdir()
        profile = (self.work / f"profile-{instance}").absolute().as_uri()
        command = [self.soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", PDF_EXPORT]
        command += ["--outdir", str(outdir), *(str(item.copy) for item in batch)]
        # A file, not a pipe: nobody reads a pipe while the call runs, and a full one would stop it.
        log = (outdir / "libreoffice.log").open("w+b")
        parent, posix = os.getpid(), os.name == "posix"
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=posix,  # its helper processes are killed with it, as one group
                preexec_fn=(lambda: die_with(parent)) if posix else None,  # no threads here: see the class
            )
        except OSError as error:
            log.close()
            message = f"cannot run LibreOffice ({self.soffice}): {error.strerror or error}"
            raise PartnerdocsError([Problem("partnerdocs", message=message)]) from error
        deadline = time.monotonic() + CALL_SECONDS + PER_DOCUMENT_SECONDS * len(batch)
        return _Call(process, batch, outdir, log, deadline)


def _hung(call: _Call) -> PartnerdocsError:
    seconds = CALL_SECONDS + PER_DOCUMENT_SECONDS * len(call.batch)
    count = len(call.batch)
    message = f"LibreOffice did not finish converting {count} document{'s' if count != 1 else ''} in {seconds:.0f} s"
    return PartnerdocsError([Problem("partnerdocs", message=message)])


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End a call and every process it started (LibreOffice's launcher starts soffice.bin)."""
    killpg = getattr(os, "killpg", None)  # not on Windows
    with contextlib.suppress(OSError):
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    process.wait()
