"""Stage 5, finalize: make a rendered .docx byte-reproducible.

python-docx stamps the current time on every zip entry; rewriting the archive with a fixed time
and the same entry order makes two builds of the same inputs byte-identical.
"""

from __future__ import annotations

import io
import zipfile

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def normalize_docx(data: bytes) -> bytes:
    """The same document with fixed zip timestamps and attributes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(entry.filename), compresslevel=6)
    return buffer.getvalue()
