"""Child process for the kill -9 test: saves a field again and again through DossierStore and
prints each acknowledged value (flushed) once `set_field` has returned.

    python -m tests.faults.hammer DATABASE_URL TOKEN PATH PREFIX
"""

from __future__ import annotations

import sys

from ptce_assist.storage import DossierStore, make_engine


def main(url: str, token: str, path: str, prefix: str) -> None:
    store = DossierStore(make_engine(url))
    previous = ""
    number = 0
    while True:
        number += 1
        value = f"{prefix} {number}"
        store.set_field(token, path, value, expected=previous)
        print(number, flush=True)  # acknowledged: the transaction has committed
        previous = value


if __name__ == "__main__":
    main(*sys.argv[1:5])
