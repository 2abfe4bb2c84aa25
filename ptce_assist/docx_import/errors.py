"""The one exception the import raises; its message is for the candidate, in French."""

from __future__ import annotations


class DocxImportError(ValueError):
    """A file that cannot be imported. Nothing was read from it and nothing was changed."""
