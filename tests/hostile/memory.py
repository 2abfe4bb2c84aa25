"""Peak resident memory of a process, as the kernel counts it (Linux /proc)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MB = 1024 * 1024


def status_kb(pid: int | str, field: str) -> int:
    """A field of /proc/PID/status in kB ("VmHWM", "VmRSS")."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def reset_peak(pid: int | str) -> None:
    """Set VmHWM back to the current VmRSS (Linux 4.0+; own processes, or root)."""
    with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


def peak_of(action: Callable[[], T]) -> tuple[T, float]:
    """What `action` returns and how many MB it added to this process's peak."""
    reset_peak("self")
    before = status_kb("self", "VmHWM")
    result = action()
    return result, (status_kb("self", "VmHWM") - before) / 1024
