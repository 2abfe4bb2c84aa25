"""The layout engine: how LibreOffice lays out a rubric's text in the exported DOCX."""
