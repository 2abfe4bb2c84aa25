"""Keyed widgets look up their own key without copying the whole session state.

Streamlit 1.67's select box, radio, number input, slider, text input and area, date and time
inputs each read `filtered_state` to ask one thing: does their key hold None (a value cleared
through `st.session_state`)? `filtered_state` is a new dict of the whole session state, each
component's state presented anew (a class built per component), so a page of n keyed widgets
builds n copies of a state that grows as the page draws (streamlit#9415 is the same cost in
an earlier form). Auto-évaluation made 14 copies per run: about 9 ms of an 88 ms run on a
quiet machine, 10 to 80 ms of a run with the machine loaded.

`install()` gives those widget modules a session state whose `filtered_state` answers for one
key at a time, by the same rules (Streamlit's internal keys and raw element ids are not
there; a widget is found by its user key). Everything else is Streamlit's own object. If
Streamlit's modules change shape, nothing is replaced and Streamlit's own lookup stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import Any

try:
    from streamlit.runtime.state.common import is_element_id
    from streamlit.runtime.state.session_state import _is_internal_key
except ImportError:  # another Streamlit: `install` leaves its own lookup
    RULES_FOUND = False
else:
    RULES_FOUND = True

LOGGER = logging.getLogger(__name__)

WIDGET_MODULES = (
    "streamlit.elements.widgets.selectbox",
    "streamlit.elements.widgets.radio",
    "streamlit.elements.widgets.number_input",
    "streamlit.elements.widgets.slider",
    "streamlit.elements.widgets.text_widgets",
    "streamlit.elements.widgets.time_widgets",
)
_MARK = "_ptce_one_key_lookup"


class OneKeyView(Mapping[str, Any]):
    """`filtered_state`, read one key at a time; iterating it builds Streamlit's own."""

    def __init__(self, safe_state: Any) -> None:
        self._safe = safe_state

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str) or _is_internal_key(key) or is_element_id(key):
            raise KeyError(key)
        # Under the lock, but not through SafeSessionState.__getitem__: that one is also a
        # point where the run may be stopped, which reading `filtered_state` never was.
        with self._safe._lock:
            return self._safe._state[key]

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._safe.filtered_state)

    def __len__(self) -> int:
        return len(self._safe.filtered_state)


class _WidgetSessionState:
    """Streamlit's session state, but for `filtered_state`."""

    def __init__(self, safe_state: Any) -> None:
        self._safe = safe_state

    @property
    def filtered_state(self) -> Mapping[str, Any]:
        if not hasattr(self._safe, "_lock") or not hasattr(self._safe, "_state"):
            own: Mapping[str, Any] = self._safe.filtered_state  # (another shape)
            return own
        return OneKeyView(self._safe)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._safe, name)


def _one_key(original: Callable[[], Any]) -> Callable[[], Any]:
    def get_session_state() -> _WidgetSessionState:
        return _WidgetSessionState(original())

    setattr(get_session_state, _MARK, True)
    return get_session_state


def install() -> None:
    """Give the keyed widgets the one-key lookup (idempotent; once per process suffices)."""
    if not RULES_FOUND:
        return
    for name in WIDGET_MODULES:
        try:
            module = import_module(name)
            original = module.get_session_state
        except (ImportError, AttributeError):
            LOGGER.warning("%s: Streamlit's own session state lookup kept", name)
            continue
        if not getattr(original, _MARK, False):
            setattr(module, "get_session_state", _one_key(original))  # noqa: B010
