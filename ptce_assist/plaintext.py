"""The dossier as text: what to paste into a form field, and .txt/.md exports of the whole.

What goes to the clipboard is the text as the candidate typed it, with two deliberate changes:

- no-break spaces (U+00A0, U+202F, U+2007) become ordinary spaces. The DOCX export adds
  French no-break spaces for its own line layout, but a form field of démarches-simplifiées
  wraps the text itself and counts UTF-8 bytes (a no-break space costs 2 or 3 bytes against 1):
  the pasted text must hold nothing the candidate cannot see or count;
- invisible characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen) are
  dropped, for the same reason.

Line breaks are kept as typed (`\\n`); nothing is wrapped, trimmed or re-flowed.

The same sections, in Annexe 1's order, feed the DOCX export (`export_sections`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ptce_assist.call import Call, Rubric, load_call
from ptce_assist.dossier import Dossier
from ptce_assist.regions import region_name

MISSING_MARKER = "[Rubrique obligatoire non renseignée]"
DOCUMENT_TITLE = "Dossier de candidature AMI PTCE"

_SPACES = re.compile("[\u00a0\u202f\u2007]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# CommonMark punctuation that can start or change markup, plus & (entities).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&$:])")


@dataclass(frozen=True)
class ExportSection:
    """One rubric as it appears in an export: its heading and its text (None = missing)."""

    rubric: Rubric
    heading: str
    text: str | None


@dataclass(frozen=True)
class IdentityRow:
    label: str
    value: str


@dataclass(frozen=True)
class IdentityBlock:
    label: str  # the italic heading of Annexe 1 ("Structure porteuse du dossier")
    rows: tuple[IdentityRow, ...]


def pasteable(text: str) -> str:
    """`text` as it must be pasted into a form field (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))


def rubric_plaintext(dossier: Dossier, rubric_id: str) -> str:
    """The rubric's text, ready for the clipboard."""
    return pasteable(dossier.rubric_text(rubric_id))


def rubric_heading(rubric: Rubric) -> str:
    """The heading exactly as Annexe 1 prints it, with its limit (and note, where one)."""
    if rubric.limit_note is None:
        return rubric.heading
    head = f"{rubric.prefix} : {rubric.label}" if rubric.prefix else rubric.label
    return f"{head} ({rubric.limit_label} – {rubric.limit_note})"


def is_blank(text: str) -> bool:
    return not pasteable(text).strip()


def export_sections(dossier: Dossier, call: Call | None = None) -> list[ExportSection]:
    """The rubrics an export shows, in Annexe 1's order.

    An empty optional rubric is left out; an empty mandatory one is kept with `text=None`.
    """
    call = call or load_call(dossier.call_id)
    sections: list[ExportSection] = []
    for rubric in call.rubrics:
        text = dossier.rubric_text(rubric.id)
        if is_blank(text):
            if rubric.requirement == "obligatoire":
                sections.append(ExportSection(rubric, rubric_heading(rubric), None))
            continue
        sections.append(ExportSection(rubric, rubric_heading(rubric), text))
    return sections


def identity_value(dossier: Dossier, path: str, call: Call) -> str:
    """A human-readable identity value: region and legal form by their names."""
    if path == "project.region":
        return region_name(dossier.project.region) or dossier.project.region
    if path == "structure.legal_form":
        form = call.legal_form(dossier.structure.legal_form)
        return form.label_fr if form else dossier.structure.legal_form
    head, _, tail = path.partition(".")
    value = getattr(getattr(dossier, head), tail)
    return str(value)


def identity_blocks(dossier: Dossier, call: Call | None = None) -> list[IdentityBlock]:
    """The identity fields of Annexe 1 grouped under their italic headings, in order."""
    call = call or load_call(dossier.call_id)
    blocks: list[IdentityBlock] = []
    for section in call.identity_sections:
        rows = tuple(
            IdentityRow(field.label, identity_value(dossier, field.path, call))
            for field in call.identity_fields
            if field.section == section.id
        )
        blocks.append(IdentityBlock(section.label, rows))
    return blocks


def dossier_text(dossier: Dossier) -> str:
    """The whole dossier as plain text (.txt): identity, then every exported rubric."""
    call = load_call(dossier.call_id)
    out: list[str] = [DOCUMENT_TITLE, ""]
    for block in identity_blocks(dossier, call):
        if len(block.rows) == 1 and block.rows[0].label == block.label:
            out.append(f"{block.label} : {pasteable(block.rows[0].value)}".rstrip())
            continue
        out += ["", block.label]
        out.extend(f"{row.label} : {pasteable(row.value)}".rstrip() for row in block.rows)
    for section in export_sections(dossier, call):
        out += ["", section.heading, ""]
        out.append(MISSING_MARKER if section.text is None else pasteable(section.text))
    return "\n".join(out).rstrip("\n") + "\n"


def md_escape_block(text: str) -> str:
    """User text as literal Markdown, line breaks kept (hard breaks, blank lines kept)."""
    lines = pasteable(text).split("\n")
    rendered: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        indent = "&#32;" * (len(line) - len(stripped))  # no accidental code block
        escaped = indent + _MD_SPECIAL.sub(r"\\\1", stripped.rstrip())
        following = lines[index + 1] if index + 1 < len(lines) else ""
        hard_break = bool(escaped) and bool(following.strip())
        rendered.append(escaped + ("\\" if hard_break else ""))
    return "\n".join(rendered).strip("\n")


def dossier_markdown(dossier: Dossier) -> str:
    """The whole dossier as Markdown (.md); every piece of user text is escaped."""
    call = load_call(dossier.call_id)
    out: list[str] = [f"# {DOCUMENT_TITLE}", ""]
    for block in identity_blocks(dossier, call):
        out.append(f"## {block.label}")
        out.append("")
        for row in block.rows:
            value = md_escape_block(" ".join(row.value.split())) or "—"
            out.append(f"- **{row.label}** : {value}")
        out.append("")
    for section in export_sections(dossier, call):
        heading = _MD_SPECIAL.sub(r"\\\1", section.heading)
        body = f"*{md_escape_block(MISSING_MARKER)}*" if section.text is None else None
        out += [f"## {heading}", "", body or md_escape_block(section.text or ""), ""]
    return "\n".join(out).rstrip("\n") + "\n"
