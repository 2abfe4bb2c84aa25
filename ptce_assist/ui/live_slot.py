"""A block of its own for a live fragment (`st.fragment(run_every=...)`).

In Streamlit 1.67, when a fragment's tick is queued while a full run draws the page, the
tick's start clears the fragment's elements of that run from the queue if they have not yet
gone to the browser (ForwardMsgQueue.clear). The full run then ends without the fragment's
block: the browser removes it and every element after it moves up one place. The tick then
draws the fragment's block at its place, over the element that moved there, and that element
is kept but hidden (a "retained" element, shown only while it has the focus). A run sent in
one burst (burst.py) goes out at its very end, and the team's fragments tick every 3 s: when
a teammate's save reran an idle person's rubric page, their editor disappeared (one time in
four in tests/browser/test_team.py). Alone in a block of its own, the fragment has nothing
after it to move (tests/browser/test_live_slot.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


@contextmanager
def live_slot() -> Iterator[None]:
    """Call a live fragment inside this block, and nothing else."""
    with st.container():
        yield
