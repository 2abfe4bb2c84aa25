"""Shared test helpers: the rule that makes oracle tests mandatory where CI says so."""

from __future__ import annotations

import os

import pytest

from tests.editions import EDITIONS_ROOT

# Errors in page runs reach AppTest's `at.exception` (and browser tests' pages) instead of
# the French message users get; tests of that message set PTCE_DEBUG=0 themselves.
os.environ.setdefault("PTCE_DEBUG", "1")
# The tests' fictitious edition of the call (tests/editions/ami_essai) is known to the app in
# every test, as a real edition would be; it is never the current one (not shipped).
os.environ["PTCE_EDITIONS_DIRS"] = str(EDITIONS_ROOT)


def require_or_skip(condition: bool, env_var: str, reason: str) -> None:
    """Skip when a real tool is missing, but fail when `env_var`=1 says it is mandatory."""
    if condition:
        return
    if os.environ.get(env_var) == "1":
        pytest.fail(f"{reason} (mandatory here: {env_var}=1)")
    pytest.skip(reason)
