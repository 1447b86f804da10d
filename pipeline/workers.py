"""Worker processes of a parallel build end when the build does, even one killed with SIGKILL; so does
LibreOffice, run by `build --pdf` (die_with).

A killed parent runs no cleanup, and a forked worker holds open the very pipe it waits to read from,
so it would never see the end of it: it waited forever, holding the staging folder's lock. So each
worker asks to be killed when its parent dies: on Linux through prctl(PR_SET_PDEATHSIG), elsewhere
through a thread that watches for the parent to change.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 0.5


def start_worker(parent: int) -> None:
    """Pool initializer: end this worker when `parent` (the build's process id) ends."""
    if not (sys.platform.startswith("linux") and _die_with_parent()):
        if os.name == "nt":
            return  # Windows gives a killed parent's children no new parent to watch for
        threading.Thread(target=_watch, args=(parent,), name="partnerdocs-parent-watch", daemon=True).start()
    # The parent may have died before the request took effect: then nobody would ever send the signal.
    if os.getppid() != parent:
        os._exit(1)


def die_with(parent: int) -> None:
    """For a program the build runs (LibreOffice), between fork and exec: on Linux, the system sends it
    SIGTERM when the build ends, even killed; it ends at once if the build is already gone. SIGTERM, not
    SIGKILL: LibreOffice's launcher (oosplash) then ends the soffice.bin it started, which a SIGKILL
    would leave running, reparented, to finish its batch."""
    if sys.platform.startswith("linux"):
        _die_with_parent(signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)


def _die_with_parent(signal_number: int = signal.SIGKILL) -> bool:
    # The signal comes when the thread that forked this worker ends: the pool forks its workers from
    # the build's main thread, which lives as long as the build.
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal_number), 0, 0, 0)) == 0
    except (AttributeError, OSError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)
