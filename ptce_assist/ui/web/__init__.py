"""The app's browser code: static/ptce/ (served by Streamlit at /app/static/ptce/).

A components v2 component given inline JavaScript and CSS sends them in every element message
of every run: with one text field per identity line, a page run carried 166 KB of the same
scripts, and hashing those messages took a third of the run. So each component is given only
a few lines that import its module (and link its styles) from the static files, which the
browser caches; the URLs carry a version (a hash of the files) so that an upgrade is never
mixed with an old cached copy. Modules import the shared ones with the same version
(`import.meta.url`'s query), e.g. `await import(`./sync.js${version}`)`.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import streamlit as st

STATIC_DIR = Path(__file__).resolve().parents[3] / "static" / "ptce"
URL_FOLDER = "app/static/ptce/"


@cache
def version() -> str:
    digest = hashlib.sha256()
    for path in sorted(STATIC_DIR.iterdir()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def asset_url(name: str) -> str:
    """The absolute URL path of a static file, with the server's base path and the version."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}/" if base else "/"
    return f"{prefix}{URL_FOLDER}{name}?v={version()}"


def module_loader(entry: str) -> str:
    """A component's JavaScript: load its module once, then hand it every run."""
    # The inline script is loaded from a blob: URL, against which "/app/..." does not resolve.
    return (
        "export default async function (component) {\n"
        f'  const url = new URL("{asset_url(entry)}", window.location.href);\n'
        "  const module = await import(url.href);\n"
        "  return module.default(component);\n"
        "}\n"
    )


def stylesheets(*names: str) -> str:
    """<link> elements for a component's HTML (its shadow root)."""
    return "".join(f'<link rel="stylesheet" href="{asset_url(name)}">' for name in names)
