"""Browser-side code shared by the app's components (see sync.js and guard.js)."""

from __future__ import annotations

from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent


def script(*paths: Path) -> str:
    """One ES module from several files, in order (shared code first, the component last)."""
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


SYNC_JS = WEB_DIR / "sync.js"
SYNC_CSS = WEB_DIR / "sync.css"
GUARD_JS = WEB_DIR / "guard.js"
