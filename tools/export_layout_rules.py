"""Write the layout rules the browser twin applies (static/ptce/layout_rules.json).

    .venv/bin/python tools/export_layout_rules.py [--check]

The rules are Python's (ptce_assist/layout); layout.js reads this file rather than keeping a
copy. Run it after changing a rule; with --check, exits 1 if the file is not what Python says.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptce_assist.layout.browser_rules import RULES_FILE, rules_json


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    expected = rules_json()
    if args.check:
        current = RULES_FILE.read_text("utf-8") if RULES_FILE.exists() else ""
        if current != expected:
            print(f"{RULES_FILE} is not up to date: run tools/export_layout_rules.py")
            return 1
        return 0
    RULES_FILE.write_text(expected, "utf-8")
    print(f"written: {RULES_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
