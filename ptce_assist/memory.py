"""Memory a request freed goes back to the system (glibc's allocator, as on Debian).

By default glibc raises its mmap threshold after a large buffer is freed, so the next
uploads (a 10 MB backup, an 8 MB draft) land in the heap and stay in the server's resident
memory once freed. A fixed threshold keeps every large buffer in its own mapping, unmapped
when freed (tests/hostile/test_server_memory.py: 41-51 MB stayed after the hostile corpus,
24 MB with it).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_THRESHOLD = 128 * 1024  # glibc's default, kept fixed


@cache
def _libc() -> Any | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "mallopt") else None


@cache
def tune_allocator() -> None:
    """Once per process: large buffers are always mapped apart, freed pages trimmed."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, _THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, _THRESHOLD)
