"""Every string an edition's folder presents as the call's own words, and the text it quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ptce_assist.call import load_call
from ptce_assist.editions import edition_file, edition_folder, read_toml

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
QUOTED_KEYS = {
    "label",
    "text",
    "quote",
    "expects",
    "details",
    "prefix",
    "limit_label",
    "limit_note",
}


def _quoted(node: Any, keys: set[str] | None, key: str = "") -> list[str]:
    """Strings under `keys` (or named `*_quote`); every string when `keys` is None."""
    if isinstance(node, dict):
        return [v for k, child in node.items() for v in _quoted(child, keys, k)]
    if isinstance(node, list):
        return [v for child in node for v in _quoted(child, keys, key)]
    if isinstance(node, str) and (keys is None or key in keys or key.endswith("_quote")):
        return [node]
    return []


def quoted_values(call_id: str) -> dict[str, list[str]]:
    """File name -> the quotes it holds (call.toml, coverage.toml, budget.toml's [quotes])."""
    found = {"call.toml": _quoted(read_toml(edition_folder(call_id) / "call.toml"), QUOTED_KEYS)}
    coverage = edition_file(call_id, "coverage.toml")
    if coverage:
        found["coverage.toml"] = _quoted(read_toml(coverage), {"quote"})
    budget = edition_file(call_id, "budget.toml")
    if budget:
        found["budget.toml"] = _quoted(read_toml(budget).get("quotes", {}), None)
    return found


def source_path(call_id: str) -> Path:
    """The text an edition quotes: a file of its folder, else of the shared references."""
    name = load_call(call_id).source_text
    own = edition_folder(call_id) / name
    return own if own.is_file() else REFERENCE / name
