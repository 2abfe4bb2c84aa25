"""Reading a Word draft in a child process whose memory and time are capped.

The caps of `guard` and `package` keep an honest or hostile draft within a known budget; this
makes the budget a hard limit whatever the file: the child gets an address-space and a CPU
limit, the server waits for its answer (one import at a time per server process), and all the
memory the reading took goes back to the system when the child exits. The child answers on
stdout with JSON lines (its stages, then the result or a French error), never with pickle: the
server trusts nothing a file could have influenced beyond plain data.

    python -m ptce_assist.docx_import.isolation CALL_ID < draft.docx   (the child's side)
"""

from __future__ import annotations

import json
import os
import queue
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter

from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.guard import MAX_FILE_BYTES, too_big_message
from ptce_assist.docx_import.result import ImportResult
from ptce_assist.serverlog import server_log

MEMORY_VARIABLE = "PTCE_IMPORT_MEMORY_MB"
MEMORY_HEADROOM_MB = 224
"""Address space (MB) the child may add to what it holds once started; its peak resident
memory stays below. PTCE_IMPORT_MEMORY_MB changes it (docs/deploiement.md)."""
TIME_VARIABLE = "PTCE_IMPORT_SECONDS"
TIME_LIMIT = 60
"""Seconds the server waits for the child (which also gets that much CPU, plus a margin)
before giving up. PTCE_IMPORT_SECONDS changes it."""
QUEUE_LIMIT = 120
"""Seconds an import waits for the one running before it in the same server process."""

Progress = Callable[[float, str], None]
"""Told how far the import is (0 to 1) and what it is doing, in French."""

STAGES = {
    "start": (0.05, "Ouverture du brouillon…"),
    "guard": (0.15, "Vérification du fichier…"),
    "read": (0.35, "Lecture du texte du document…"),
    "assemble": (0.7, "Reconnaissance des rubriques et de l'identité…"),
}
WAITING = "Un autre brouillon est en cours de lecture sur le serveur : patientez…"
TOO_HEAVY = (
    "Ce document demande trop de mémoire pour être lu : il n'a pas été ouvert. Gardez dans le "
    "brouillon le dossier de candidature rempli (sans images ni annexes), enregistrez-le au "
    "format .docx, puis réessayez."
)
TOO_SLOW = (
    "La lecture de ce document prend trop de temps : elle a été arrêtée. Gardez dans le "
    "brouillon le dossier de candidature rempli (sans images ni annexes), puis réessayez."
)
BUSY = "Le serveur est occupé à lire d'autres brouillons : réessayez dans une minute."
UNAVAILABLE = (
    "La lecture des brouillons Word est momentanément indisponible sur ce serveur. "
    "Réessayez plus tard ; votre dossier n'a pas été modifié."
)

_ONE_AT_A_TIME = threading.BoundedSemaphore(1)
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def import_docx_isolated(
    data: bytes, call_id: str, progress: Progress | None = None
) -> ImportResult:
    """`import_docx` in a capped child process. Raises DocxImportError (French message)."""
    if len(data) > MAX_FILE_BYTES:
        raise DocxImportError(too_big_message(len(data)))
    tell = progress or (lambda _fraction, _label: None)
    seconds = _setting(TIME_VARIABLE, TIME_LIMIT)
    if not _ONE_AT_A_TIME.acquire(blocking=False):
        tell(0.0, WAITING)
        if not _ONE_AT_A_TIME.acquire(timeout=QUEUE_LIMIT):
            raise DocxImportError(BUSY)
    try:
        return _run_child(data, call_id, tell, seconds)
    finally:
        _ONE_AT_A_TIME.release()


def _setting(variable: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(variable, default)))
    except ValueError:
        return default


def _run_child(data: bytes, call_id: str, tell: Progress, seconds: int) -> ImportResult:
    tell(*STAGES["start"])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (_PACKAGE_ROOT, os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    started = time.monotonic()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", __name__, call_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
        )
    except OSError:
        server_log().exception("Word import: the reading process could not start")
        raise DocxImportError(UNAVAILABLE) from None
    assert child.stdin is not None and child.stdout is not None
    lines: queue.Queue[bytes | None] = queue.Queue()
    threading.Thread(target=_pump, args=(child.stdout, lines), daemon=True).start()
    threading.Thread(target=_feed, args=(child.stdin, data), daemon=True).start()
    outcome = "refused"
    peak: list[int] = []
    try:
        answer = _answer(lines, started + seconds, tell, peak)
        outcome = "read" if isinstance(answer, ImportResult) else "refused"
        if isinstance(answer, ImportResult):
            return answer
        raise DocxImportError(answer)
    except _Timeout:
        outcome = "timeout"
        child.kill()
        raise DocxImportError(TOO_SLOW) from None
    except _Crashed:
        outcome = "crashed"
        raise DocxImportError(TOO_HEAVY) from None
    finally:
        _reap(child, started, len(data), outcome, peak)


class _Timeout(Exception):
    pass


class _Crashed(Exception):
    pass


def _feed(stream: IO[bytes], data: bytes) -> None:
    try:
        stream.write(data)
        stream.close()
    except OSError:
        pass  # the child died early (BrokenPipeError): its exit is reported by _reap


def _pump(stream: IO[bytes], lines: queue.Queue[bytes | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _answer(
    lines: queue.Queue[bytes | None], deadline: float, tell: Progress, peak: list[int]
) -> Any:
    """The child's ImportResult or French error message, reporting its stages meanwhile;
    `peak` receives the child's peak resident memory (kB) when it tells it."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Timeout
        try:
            line = lines.get(timeout=remaining)
        except queue.Empty:
            raise _Timeout from None
        if line is None:
            raise _Crashed  # killed by its limits (or a bug, which the server log shows)
        try:
            message = json.loads(line)
        except ValueError:
            continue  # not ours (a library writing to stdout)
        if "stage" in message:
            tell(*STAGES.get(message["stage"], STAGES["start"]))
        elif "peak_kb" in message:
            peak.append(int(message["peak_kb"]))
        elif "error" in message:
            return str(message["error"])
        else:
            return _result_from_json(message["result"])


def _reap(
    child: subprocess.Popen[bytes], started: float, size: int, outcome: str, peak: list[int]
) -> None:
    """Wait for the child and log what it cost. Its peak is its own VmHWM (the kernel's
    rusage of a child counts the server's pages it was forked from)."""
    try:
        code = child.wait(timeout=5)  # it exits once it has answered
    except subprocess.TimeoutExpired:
        child.kill()
        code = child.wait()
    server_log().info(
        "Word import: %s, %d bytes, child peak %s, %.2f s, exit %d",
        outcome,
        size,
        f"{peak[0] / 1024:.0f} MB" if peak else "unknown",
        time.monotonic() - started,
        code,
    )


# --- the child's side ------------------------------------------------------------------------
# The whole result crosses as JSON (never pickle: the parent trusts nothing the child sends),
# every field of it: a field added to ImportResult is carried without anyone listing it here.
_RESULT = TypeAdapter(ImportResult)


def _result_to_json(result: ImportResult) -> Any:
    return _RESULT.dump_python(result, mode="json")


def _result_from_json(data: Any) -> ImportResult:
    return _RESULT.validate_python(data)


def _status_kb(field: str) -> int:
    """A field of this process's /proc status, in kB ("VmSize", "VmHWM")."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))


def _limit_self() -> None:
    """Cap this process: what it holds now plus the memory headroom, and some CPU time (the
    server stops waiting first; this holds should the server die meanwhile)."""
    limit = (_status_kb("VmSize") + _setting(MEMORY_VARIABLE, MEMORY_HEADROOM_MB) * 1024) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    seconds = _setting(TIME_VARIABLE, TIME_LIMIT)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 5, seconds + 10))


def _send(message: dict[str, Any]) -> None:
    sys.stdout.buffer.write(json.dumps(message).encode("ascii") + b"\n")
    sys.stdout.buffer.flush()


def child_main(call_id: str) -> int:
    import traceback

    from ptce_assist.call import load_call
    from ptce_assist.docx_import import import_docx
    from ptce_assist.docx_import.guard import DAMAGED

    call = load_call(call_id)
    _limit_self()
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    answer: dict[str, Any]
    try:
        result = import_docx(data, call, stage=lambda name: _send({"stage": name}))
        answer = {"result": _result_to_json(result)}
    except DocxImportError as error:
        answer = {"error": str(error)}
    except MemoryError:
        answer = {"error": TOO_HEAVY}
    except Exception:  # noqa: BLE001 - a reader bug on a hostile file: logged, then refused
        traceback.print_exc()
        answer = {"error": DAMAGED}
    del data
    _send({"peak_kb": _status_kb("VmHWM")})
    _send(answer)
    return 0


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1]))
