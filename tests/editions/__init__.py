"""The tests' fictitious edition of the call (ami_essai), and what tests say of every edition.

`ami_essai/` is an edition folder like `ptce_assist/calls/ami_2024/`: adding it touched no
Python. tests/conftest.py names this folder in PTCE_EDITIONS_DIRS for every test.
"""

from __future__ import annotations

from pathlib import Path

EDITIONS_ROOT = Path(__file__).resolve().parent
FIXTURE_ID = "ami_essai"
