"""Identity lines before the first rubric: "Label : value", a label with its value on the
next line, a block title ("Personne référente du dossier"), a row of an identity table. A
label whose next line is not a value (a description after "Structure porteuse :") is left to
the heading reader; a second, different value for a field is set aside, never dropped."""

from __future__ import annotations

from ptce_assist.call import Call
from ptce_assist.docx_import import lines
from ptce_assist.docx_import.identity import (
    Label,
    identity_label,
    identity_title,
    plausible_value,
    split_card,
    split_label_value,
)
from ptce_assist.docx_import.ledger import Ledger, paragraphs
from ptce_assist.docx_import.reader import Item, Para
from ptce_assist.docx_import.styles import Comment
from ptce_assist.folding import words


class IdentityWalk(Ledger):
    def __init__(self, call: Call, comments: dict[str, Comment] | None = None) -> None:
        super().__init__(call, comments)
        self.id_section: str | None = None
        self.pending: tuple[Label, int] | None = None  # a label whose value is paragraph n
        self.name_parts: dict[str, str] = {}
        self.last_part: str | None = None

    def identity(self, p: Para, following: Para | None) -> bool:
        """Whether `p` is an identity line (and is placed as one)."""
        text = p.text.strip()
        pair = split_label_value(text)
        if pair is not None and pair[1]:
            label = self._label(pair[0], p)
            if label is None:
                return False
            self.set_identity([p], label, pair[1])
            return True
        head = pair[0] if pair is not None else text
        label = self._label(head, p)
        title = identity_title(head, self.call)
        if label is None and title is None:
            return False
        if following is not None and self._is_identity_line(following):
            self._identity_header(p, title, label)
            return True
        if label is not None and following is not None and self._value_line(following):
            self.pending = (label, following.index)
            self.put(p, p.text, "identity", paths=(label.path,))
            return True
        if self._names_a_rubric(p):
            return False  # "Structure porteuse :" then its description: a rubric heading
        self._identity_header(p, title, label)
        return True

    def _identity_header(self, p: Para, title: str | None, label: Label | None) -> None:
        """A block title, or a label left empty: part of the identity, nothing to import."""
        if title is not None:
            self.id_section = title if title != "block" else None
            self.put(p, p.text, "identity")
            return
        assert label is not None
        self.out.empty_labels.append(p.text.strip().rstrip(" :"))
        self.put(p, p.text, "identity", paths=(label.path,))

    def _is_identity_line(self, p: Para) -> bool:
        text = p.text.strip()
        pair = split_label_value(text)
        head = pair[0] if pair is not None else text
        return self._label(head, p) is not None or identity_title(head, self.call) is not None

    def _label(self, text: str, p: Para) -> Label | None:
        label = identity_label(text, self.call, self.id_section)
        if label is None and words(text) == "nom" and self._next_to_prenom(p):
            label = identity_label(text, self.call, "referent")
        return label

    def _next_to_prenom(self, p: Para) -> bool:
        if self.last_part == "prenom":
            return True
        following = self._next_para()
        pair = split_label_value(following.text.strip()) if following is not None else None
        return pair is not None and words(pair[0]) == "prenom"

    def _value_line(self, p: Para) -> bool:
        text = p.text.strip()
        return plausible_value(text) and not (
            self._names_a_rubric(p)
            or lines.is_placeholder(text, self.call)
            or lines.is_template(text, self.call)
        )

    def set_identity(self, sources: list[Para], label: Label, value: str) -> None:
        """Store a value read from `sources` (a line, or a table row); a second, different
        value for a field is set aside, never dropped."""
        value = value.strip()
        if label.part is not None:
            self.last_part = label.part
            values = {label.path: value}
            ok = _same(self.name_parts.setdefault(label.part, value), value)
        else:
            values = split_card(value) if label.card else {label.path: value}
            ok = label.path not in values or self._store(label.path, values[label.path])
            if ok:
                for path, part in values.items():
                    self.out.identity.setdefault(path, part)
        if not ok:
            field_label = next(
                (f.label for f in self.call.identity_fields if f.path == label.path), label.path
            )
            index = self._aside("doublon", f"Deuxième valeur pour « {field_label} »")
            for p in sources:
                self.put(p, p.text, "aside", leftover=index)
            return
        for path in values:
            self.out.identity_sources.setdefault(path, []).extend(p.text.strip() for p in sources)
        for p in sources:
            self.put(p, p.text, "identity", paths=tuple(values))
        if label.path.startswith(("structure.", "referent.")):
            self.id_section = label.path.split(".")[0]

    def _store(self, path: str, value: str) -> bool:
        known = self.out.identity.setdefault(path, value)
        return _same(known, value)

    def _finish_name(self) -> None:
        parts = [self.name_parts[k] for k in ("nom", "prenom") if k in self.name_parts]
        if parts:
            self.out.identity.setdefault("referent.name", " ".join(parts))

    def _identity_row(self, row: tuple[tuple[Item, ...], ...]) -> bool:
        """A row "label | value" (or a block title alone) of an identity table."""
        cells = [[p for p in paragraphs(cell) if p.text.strip()] for cell in row]
        filled = [cell for cell in cells if cell]
        if not filled:
            return False
        first = filled[0][0]
        head = first.text.strip().rstrip(" :")
        label = self._label(head, first)
        if len(filled) == 1 and len(filled[0]) == 1:
            title = identity_title(head, self.call)
            if title is None and label is None:
                return False
            self._identity_header(first, title, label)
        elif label is None or len(filled[0]) != 1:
            return False
        else:
            value = "\n".join(p.text.strip() for cell in filled[1:] for p in cell)
            self.set_identity([p for cell in filled for p in cell], label, value)
        for cell in row:
            for p in paragraphs(cell):
                if not p.text.strip():
                    self.put(p, p.text, "blank")
        return True


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
