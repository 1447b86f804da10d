"""Optional PDF copies, made by LibreOffice in one batch (one call costs ~1 s; each extra document ~0.1 s).

Each run uses its own LibreOffice profile, so two builds at once (or a desktop LibreOffice that is
open) do not wait for each other.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import PartlyWrittenError, PartnerdocsError, Problem
from pipeline.write import write_atomically

TIMEOUT_SECONDS = 600
# Tagged PDF (PDF/UA): headings, lists, tables and reading order reach screen readers, as they do
# in the Word file. LibreOffice leaves PDFs untagged unless asked.
_TRUE = {"type": "boolean", "value": "true"}
PDF_EXPORT = "pdf:writer_pdf_Export:" + json.dumps({"UseTaggedPDF": _TRUE, "PDFUACompliance": _TRUE})


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: Sequence[Path]) -> list[Path]:
    """Write <name>.pdf beside each .docx; returns the PDFs written."""
    if not documents:
        return []
    soffice = find_soffice()
    if soffice is None:
        message = "--pdf needs LibreOffice; install it (Debian/Ubuntu: apt install libreoffice-writer-nogui)"
        raise PartnerdocsError([Problem("partnerdocs", message=message)])
    with tempfile.TemporaryDirectory(prefix="partnerdocs-pdf-") as work:
        folder = Path(work)
        # Documents of different partnerships share file names; number them to keep them apart.
        inputs = []
        for index, document in enumerate(documents):
            copy = folder / f"{index:05d}.docx"
            shutil.copyfile(document, copy)
            inputs.append(copy)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            PDF_EXPORT,
            "--outdir",
            str(folder),
            *map(str, inputs),
        ]
        try:
            subprocess.run(command, check=False, capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired as error:
            message = f"LibreOffice did not finish converting within {TIMEOUT_SECONDS} s"
            raise PartnerdocsError([Problem("partnerdocs", message=message)]) from error
        written, problems = [], []
        for document, copy in zip(documents, inputs, strict=True):
            pdf = copy.with_suffix(".pdf")
            if not pdf.is_file():
                problems.append(Problem(str(document), message="LibreOffice could not convert it to PDF"))
                continue
            target = document.with_suffix(".pdf")
            write_atomically(target, pdf.read_bytes())
            written.append(target)
    if problems:
        raise PartlyWrittenError(problems, [str(p) for p in written]) if written else PartnerdocsError(problems)
    return written
