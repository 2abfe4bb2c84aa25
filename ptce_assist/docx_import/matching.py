"""Recognising Annexe 1's headings and identity labels in text written by people.

Everything is compared after `fold`: accents, case, quotes, dashes and spacing do not count.
A heading may carry numbering ("3.", "II -", "a)"), the "OPTIONNEL ..." prefix, its limit
("(1 page maximum)", "- 15 lignes max") or none of these.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from ptce_assist.call import Call
from ptce_assist.plaintext import DOCUMENT_TITLE, MISSING_MARKER
from ptce_assist.regions import REGIONS

_QUOTES = str.maketrans(
    {
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
        "“": '"', "”": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-",
        "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae",
    }
)
_NUMBERING = re.compile(
    r"^(?:(?:rubrique|partie|section|question|point)\s*)?"
    r"(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,5}|[a-h])\s*(?:[.)\-:°/]|\s)\s*"
)
_BULLET = re.compile(r"^[\s\-*•▪■►▶➢✓·o]+\s+")
_OPTIONAL = re.compile(
    r"^\(?\s*optionnel(?:le)?\b(?:\s+en\s+fonction\s+de\s+la\s+maturite\s+du\s+projet)?\s*\)?"
    r"\s*[:\-]?\s*"
)
_LIMIT_WORDS = r"\b(?:\d+(?:[.,/]\d+)?|une?|deux|trois|quinze|demi)(?:[\s-]+demi)?"
_LIMIT = re.compile(
    rf"\s*[-:,]?\s*\(?\s*(?:en\s+|sur\s+)?{_LIMIT_WORDS}[\s-]*(?:pages?|lignes?)\b.*$"
)
_TRAILING = re.compile(r"[\s:.;,*_\-]+$")
_LEADING = re.compile(r"^[\s:*_\"]+")
_WORDS = re.compile(r"[a-z0-9]+")

MAX_HEADING_CHARS = 500
_MAX_EXTRA_WORDS = 4
_MIN_RATIO = 0.75


def fold(text: str) -> str:
    """Lower case, no accents, straight quotes and dashes, single spaces."""
    text = text.translate(_QUOTES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def heading_core(text: str) -> str:
    """The folded heading without numbering, "OPTIONNEL" prefix, limit and end punctuation."""
    core = fold(text)
    for _ in range(2):
        core = _BULLET.sub("", core)
        core = _NUMBERING.sub("", core)
        core = _OPTIONAL.sub("", core)
    core = _LIMIT.sub("", core)
    core = _TRAILING.sub("", _LEADING.sub("", core))
    core = core.replace('"', "").replace("(", " ").replace(")", " ")
    return " ".join(core.split())


def words(text: str) -> str:
    """Only the letters and digits of a folded text, single-spaced."""
    return " ".join(_WORDS.findall(fold(text)))


@dataclass(frozen=True)
class HeadingMatch:
    rubric_id: str
    score: float  # 1.0 exact; >= 0.9 near-exact; lower: needs heading formatting


@dataclass(frozen=True)
class _Target:
    rubric_id: str
    words: str  # `words()` of the heading core
    alias: bool  # the app's short name: only trusted on a paragraph formatted as a heading


_TARGETS: dict[tuple[str, int], tuple[_Target, ...]] = {}
_BOILERPLATE: dict[tuple[str, int], frozenset[str]] = {}


def _targets(call: Call) -> tuple[_Target, ...]:
    key = (call.id, call.version)
    if key not in _TARGETS:
        _TARGETS[key] = _build_targets(call)
    return _TARGETS[key]


def _build_targets(call: Call) -> tuple[_Target, ...]:
    targets: list[_Target] = []
    for rubric in call.rubrics:
        targets.append(_Target(rubric.id, words(heading_core(rubric.label)), alias=False))
        targets.append(_Target(rubric.id, words(heading_core(rubric.short_fr)), alias=True))
    return tuple(targets)


# Words that name one rubric in a short heading ("Financement prévisionnel", "Nos acteurs").
# The app's reading of the call's labels, used only on lines formatted as headings.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "structure": ("structure porteuse",),
    "objectifs": ("objectifs", "vision strategique"),
    "acteurs": ("acteurs",),
    "gouvernance": ("gouvernance",),
    "perimetre": ("perimetre", "ancrage territorial"),
    "actions": ("actions deja entamees", "actions entamees", "actions envisagees"),
    "plan_action": ("plan d action",),
    "implication_membres": ("implication",),
    "mise_en_reseau": ("mise en reseau",),
    "financement": ("financement",),
}
_KEYWORD_SCORE = 0.8
_KEYWORD_MAX_WORDS = 12


def match_heading(text: str, call: Call) -> HeadingMatch | None:
    """The rubric a heading-like line names, with a confidence score, or None."""
    if len(text) > MAX_HEADING_CHARS or text.count("\n") > 3:
        return None
    core = heading_core(text)
    if len(core) < 4:
        return None
    best: HeadingMatch | None = None
    core_words = words(core)
    for target in _targets(call):
        score = _score(core_words, target)
        if score and (best is None or score > best.score):
            best = HeadingMatch(target.rubric_id, score)
    if best is None or best.score < _KEYWORD_SCORE:
        by_keyword = _keyword_match(core, call)
        if by_keyword is not None:
            return by_keyword
    return best


def _keyword_match(core: str, call: Call) -> HeadingMatch | None:
    padded = f" {words(core)} "
    if len(padded.split()) > _KEYWORD_MAX_WORDS:
        return None
    hits = {
        rubric_id
        for rubric_id, keys in KEYWORDS.items()
        if rubric_id in call.rubric_ids and any(f" {key} " in padded for key in keys)
    }
    if len(hits) != 1:
        return None
    return HeadingMatch(hits.pop(), _KEYWORD_SCORE)


def _score(a: str, target: _Target) -> float:
    """How well the words `a` of a line name `target` (0 when they do not)."""
    b = target.words
    if a == b:
        return 0.85 if target.alias else 1.0
    if target.alias:
        return 0.0
    a_list, b_list = a.split(), b.split()
    n_a, n_b = len(a_list), len(b_list)
    if n_a >= 4 and b.startswith(a + " "):
        return 0.9  # a shortened label: "Description de la structure porteuse"
    if a.startswith(b + " ") and n_a - n_b <= _MAX_EXTRA_WORDS:
        return 0.9  # the label and a few words more: "... pôle (suite)"
    if n_a >= 4 and n_a <= n_b and _is_subsequence(a_list, b_list):
        return 0.78 + 0.1 * n_a / n_b  # "description des objectifs et de la vision ..."
    shared = len(set(a_list) & set(b_list))
    if 2 * shared < 0.6 * (len(set(a_list)) + len(set(b_list))):
        return 0.0  # too few words in common for a misspelt label
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < _MIN_RATIO or matcher.quick_ratio() < _MIN_RATIO:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= _MIN_RATIO else 0.0


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


# --- identity labels ---------------------------------------------------------------------

# (folded label words, dossier path, identity section in which the label means that path;
#  None = anywhere). The call's own labels come first, then common variants.
_EXTRA_LABELS: tuple[tuple[str, str, str | None], ...] = (
    ("projet", "project.name", None),
    ("intitule du projet", "project.name", None),
    ("nom du ptce", "project.name", None),
    ("nom du pole", "project.name", None),
    ("region administrative", "project.region", None),
    ("structure porteuse", "structure.name", None),
    ("nom de la structure", "structure.name", None),
    ("raison sociale", "structure.name", None),
    ("denomination", "structure.name", "structure"),
    ("nom", "structure.name", "structure"),
    ("adresse du siege", "structure.address", None),
    ("adresse du siege social", "structure.address", None),
    ("siege social", "structure.address", None),
    ("adresse postale", "structure.address", None),
    ("statut juridique", "structure.legal_form", None),
    ("statut", "structure.legal_form", "structure"),
    ("siret", "structure.siret", None),
    ("siren", "structure.siret", None),
    ("n siret", "structure.siret", None),
    ("numero siret", "structure.siret", None),
    ("rna", "structure.rna", None),
    ("n rna", "structure.rna", None),
    ("numero rna", "structure.rna", None),
    ("nom prenom", "referent.name", None),
    ("prenom nom", "referent.name", None),
    ("nom et prenom", "referent.name", None),
    ("prenom et nom", "referent.name", None),
    ("personne referente", "referent.name", None),
    ("referent", "referent.name", None),
    ("nom", "referent.name", "referent"),
    ("fonction", "referent.role", None),
    ("fonction dans la structure", "referent.role", None),
    ("qualite", "referent.role", "referent"),
    ("poste", "referent.role", "referent"),
    ("e mail", "referent.email", None),
    ("email", "referent.email", None),
    ("courriel", "referent.email", None),
    ("adresse mail", "referent.email", None),
    ("adresse e mail", "referent.email", None),
    ("adresse electronique", "referent.email", None),
    ("telephone", "referent.phone", None),
    ("tel", "referent.phone", None),
    ("portable", "referent.phone", None),
    ("mobile", "referent.phone", None),
    ("telephone mobile", "referent.phone", None),
    ("tel portable", "referent.phone", None),
)


def identity_section(text: str, call: Call) -> str | None:
    """The id of the identity heading of Annexe 1 this line is ("structure", "referent"...)."""
    folded = words(text)
    for section in call.identity_sections:
        if folded == words(section.label):
            return section.id
    if folded in ("structure porteuse", "structure porteuse du projet"):
        return "structure"
    if folded in ("personne referente", "referent du dossier", "contact"):
        return "referent"
    return None


def identity_path(label: str, call: Call, section: str | None) -> str | None:
    """The dossier path an identity label names, or None."""
    folded = words(label)
    if not folded or len(folded) > 60:
        return None
    for field in call.identity_fields:
        if folded == words(field.label):
            return field.path
    for extra, path, where in _EXTRA_LABELS:
        if folded == extra and (where is None or where == section):
            return path
    return None


_LABEL_VALUE = re.compile(r"^\s*([^:\n]{1,60}?)\s*[:：]\s*(.*)$", re.S)


def split_label_value(text: str) -> tuple[str, str] | None:
    """"Mail : x@y.fr" -> ("Mail", "x@y.fr"); None when the line has no colon."""
    match = _LABEL_VALUE.match(text)
    if match is None:
        return None
    return match.group(1), match.group(2).strip()


# --- lines that belong to the template, not to the candidate -----------------------------

def _boilerplate(call: Call) -> frozenset[str]:
    key = (call.id, call.version)
    if key not in _BOILERPLATE:
        _BOILERPLATE[key] = _build_boilerplate(call)
    return _BOILERPLATE[key]


def _build_boilerplate(call: Call) -> frozenset[str]:
    lines = {
        call.concision_quote, call.no_annex_quote, DOCUMENT_TITLE, call.title,
        "Annexe 1 : Dossier de candidature AMI", "Annexe 1", "Dossier de candidature AMI",
        "Dossier de candidature", call.optional_rubrics_policy.quote,
    }
    return frozenset(words(line) for line in lines)


def is_boilerplate(text: str, call: Call) -> bool:
    if len(text) > 2 * MAX_HEADING_CHARS:  # the template's sentences are shorter
        return False
    return words(text) in _boilerplate(call)


def is_annex_title(text: str) -> bool:
    """"Annexe : budget prévisionnel", "ANNEXE 2 - Statuts": an annex closes the rubrics."""
    return len(text) <= 200 and words(text).startswith("annexe")


def is_missing_marker(text: str) -> bool:
    return len(text) < 3 * len(MISSING_MARKER) and words(text) == words(MISSING_MARKER)


# --- identity values -----------------------------------------------------------------------

_REGION_ALIASES = {
    "paca": "93", "idf": "11", "aura": "84", "reunion": "04", "bfc": "27", "cvl": "24",
    "hdf": "32", "ile de france": "11", "provence alpes cote d azur": "93",
}


def region_code(value: str) -> str | None:
    folded = words(value)
    folded = re.sub(r"^region\s+", "", folded)
    for region in REGIONS:
        if folded in (words(region.name), region.code):
            return region.code
    return _REGION_ALIASES.get(folded)


_FORM_KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"\bdroit local\b|\balsace\b|\bmoselle\b", "association_droit_local"),
    (r"\bassociation\b|\bloi 1901\b", "association_1901"),
    (r"\bscop\b|cooperative et participative|cooperative ouvriere", "scop"),
    (r"\bscic\b|interet collectif", "scic"),
    (r"\bcae\b|activite et d emploi", "cae"),
    (r"\bcooperative\b", "cooperative_autre"),
    (r"\bsasu\b", "sasu"),
    (r"\bsas\b|actions simplifiee", "sas"),
    (r"\bsarl\b|responsabilite limitee", "sarl"),
    (r"^sa$|\bsociete anonyme\b", "sa"),
    (r"fonds de dotation", "fonds_dotation"),
    (r"\bfondation\b", "fondation"),
    (r"\bmutuelle\b", "mutuelle"),
)


def legal_form_id(value: str, call: Call) -> str | None:
    folded = words(value)
    if not folded:
        return None
    for form in call.legal_forms:
        if folded in (words(form.label_fr), words(form.id)):
            return form.id
    for pattern, form_id in _FORM_KEYWORDS:
        if re.search(pattern, folded):
            return form_id
    return None
