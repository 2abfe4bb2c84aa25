"""A generator of varied French rubric texts for the layout oracle (deterministic per seed).

Each sample is what a candidate could type: one or more paragraphs ("\\n"), with French
punctuation typed with and without spaces, guillemets, apostrophes, œ, hyphenated words,
amounts, URLs, bullets, empty lines, very long words. `raw=True` samples skip
`prepare_text` (ordinary spaces before "?", "«  »" with plain spaces...) to exercise
LibreOffice's own rules on text the typography pass would have fixed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MAX_SAMPLE_CHARS = 2500
LOWER = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _words(
    "le la les des une un du de et en au aux pour par sur dans avec sans entre vers chez "
    "pôle territorial coopération économique entreprises économie sociale solidaire "
    "collectivités territoriales centres recherche établissements enseignement supérieur "
    "organismes formation stratégie commune continue mutualisation partenariat projets "
    "innovants socialement technologiquement porteurs développement local durable "
    "gouvernance démocratique associés salariés parties prenantes réalisations structure "
    "porteuse coopérative association société commerciale bénéficiaire agrément dynamique "
    "collective acteurs impliqués susceptibles périmètre géographique ancrage territoires "
    "fragiles quartiers prioritaires ruralité revitalisation actions entamées envisagées "
    "court moyen long terme plan prévisionnel implication catégories membres perspectives "
    "réseau dispositifs articulation politiques publiques nationales locales financement "
    "dépenses recettes budget annuel emplois création insertion valorisation ressources "
    "efficace affiliation difficile réflexion attention potentiel effectif confiance flux "
    "offre suffit fiabilité fidèle officiel affichage afflux suffisant fluide définition "
    "œuvre cœur sœur vœu œil manœuvre Œuvre ÉTAT État Île-de-France Ça À Être "
    "réemploi recyclerie ressourcerie alimentation circuits courts mobilité numérique "
    "habitat énergie transition écologique tiers-lieu fabrique atelier chantier "
    "bénévoles adhérents usagers habitants jeunes seniors femmes demandeurs d’emploi "
    "a i y ô ou où là çà "
)

HYPHENATED = _words(
    "porte-parole c’est-à-dire peut-être Saint-Étienne Auvergne-Rhône-Alpes "
    "Provence-Alpes-Côte-d’Azur tiers-lieux vice-présidente demi-journée auto-entrepreneurs "
    "non-lucratif co-construction bien-être savoir-faire après-midi grand-mère "
    "Nouvelle-Aquitaine sous-traitance contre-productif"
)

ELISIONS = _words(
    "l'État l'économie d'une d'un qu'il qu'elle aujourd'hui jusqu'à l'association "
    "s'appuie n'est d'ores lorsqu'un presqu'île l'ESS d'emplois"
)

NUMBERS = (
    "2018-2019",
    "2024",
    "2025-2027",
    "100 000 €",
    "1 250 000 euros",
    "12,5 %",
    "3/4",
    "10:30",
    "n° 12",
    "1er",
    "XXe",
    "15 lignes",
    "1/2 page",
    "80 k€",
    "1,5 M€",
    "30 %",
    "+ 20 %",
    "-5 %",
    "7 × SMIC",
    "14h30",
    "2 000",
    "45 000 habitants",
    "3 ans",
    "(2021)",
    "[1]",
    "0,75",
    "1 362 QPV",
    "17 700 communes",
    "n°2015-431",
    "§ 3",
    "°C",
    "25 °C",
    "article 9",
    "L3332-17-1",
    "2023/2024",
    "50 000 000 €",
    "12 345,67 €",
)

URLS = (
    "https://www.economie.gouv.fr/ptce",
    "www.exemple.org/chemin/vers/une/page-longue?id=42",
    "contact@exemple.fr",
    "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296",
    "http://ptce.fr/a/b/c/d/e/f/g/h",
    "data.gouv.fr/datasets/quartiers-prioritaires",
    "https://demarches-simplifiees.fr/commencer/ami-ptce-2024-candidature-des-poles",
    "C:\\Dossiers\\PTCE\\annexe.pdf",
    "A/B",
    "et/ou",
    "w/o",
)

PUNCT_TYPED = (
    " ?",
    "?",
    " !",
    "!",
    " ;",
    ";",
    " :",
    ":",
    " ?!",
    "...",
    "…",
    ",",
    ".",
    " !?",
    "\u00a0?",
    "\u202f!",
)

QUOTES = (
    ("« ", " »"),
    ("«", "»"),
    ("“", "”"),
    ('"', '"'),
    ("‘", "’"),
    ("(", ")"),
    ("[", "]"),
    ("« ", "»"),
    ("‹ ", " ›"),
)

DASHES = (" – ", " — ", " - ", "–", "—")

SYMBOLS = (
    "&",
    "@",
    "#",
    "*",
    "/",
    "+",
    "=",
    "<",
    ">",
    "%",
    "€",
    "$",
    "£",
    "§",
    "°",
    "©",
    "®",
    "™",
    "•",
    "†",
    "‰",
    "±",
    "×",
    "÷",
    "¶",
    "µ",
    "¿",
    "¡",
    "|",
    "~",
    "_",
)

LONG_WORDS = (
    "anticonstitutionnellement",
    "intergouvernementalisations",
    "hexakosioihexekontahexaphobie",
    "transdisciplinarité-interinstitutionnelle-territorialisée",
)


@dataclass(frozen=True)
class Sample:
    text: str
    raw: bool  # written as is (not through prepare_text)


def _long_word(rng: random.Random) -> str:
    """A word longer than a line: no break opportunity at all."""
    letters = "abcdefghijklmnopqrstuvwxyzéèàœffi"
    return "".join(rng.choice(letters) for _ in range(rng.randint(90, 200)))


def _word(rng: random.Random, dense: float) -> str:
    """A word; `dense` (1 = ordinary prose) multiplies the odds of the tricky kinds."""
    roll = rng.random() / dense
    if roll < 0.07:
        return rng.choice(HYPHENATED)
    if roll < 0.13:
        return rng.choice(ELISIONS)
    if roll < 0.19:
        return rng.choice(NUMBERS)
    if roll < 0.215:
        return rng.choice(URLS)
    if roll < 0.23:
        return rng.choice(SYMBOLS)
    if roll < 0.235:
        return rng.choice(LONG_WORDS)
    if roll < 0.237:
        return _long_word(rng)
    word = rng.choice(WORDS)
    return word.capitalize() if rng.random() < 0.08 and word[0] in LOWER else word


def _sentence(rng: random.Random, dense: float) -> str:
    words: list[str] = []
    for _ in range(rng.randint(3, 22)):
        word = _word(rng, dense)
        roll = rng.random() / dense
        if roll < 0.05:
            left, right = rng.choice(QUOTES)
            word = f"{left}{word} {_word(rng, dense)}{right}"
        elif roll < 0.09:
            word += rng.choice(PUNCT_TYPED)
        elif roll < 0.11:
            word += rng.choice(DASHES)
        elif roll < 0.13:
            word += rng.choice(("\u00a0", "\u202f"))  # typed no-break spaces
        elif roll < 0.16:
            word += ","
        words.append(word)
    sentence = " ".join(words).replace("\u00a0 ", "\u00a0").replace("\u202f ", "\u202f")
    if sentence[0] in LOWER:  # "µ".upper() would be a Greek letter the fonts lack here
        sentence = sentence[0].upper() + sentence[1:]
    return sentence + rng.choice((".", ".", ".", " ?", " !", " :", "…", ""))


def _paragraph(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.06:
        return ""
    dense = rng.choice((1.0, 1.0, 1.0, 2.5, 4.0))
    body = " ".join(_sentence(rng, dense) for _ in range(rng.choice((1, 1, 2, 3, 4, 6, 9))))
    if roll < 0.16:
        return rng.choice(("- ", "• ", "* ", "– ")) + body
    if roll < 0.19:
        return "  " + body + "   "  # stray spaces
    if roll < 0.21:
        return body.replace(" ", "  ")
    return body


def generate(seed: int, count: int) -> list[Sample]:
    """`count` samples; most are one paragraph, some several (typed line breaks)."""
    rng = random.Random(seed)
    samples: list[Sample] = []
    for _ in range(count):
        paragraphs = [_paragraph(rng) for _ in range(rng.choice((1, 1, 1, 1, 2, 3)))]
        if paragraphs == [""]:
            paragraphs = [_paragraph(rng) or "Texte."]
        text = "\n".join(paragraphs)[:MAX_SAMPLE_CHARS]  # a sample must fit on one page
        samples.append(Sample(text, raw=rng.random() < 0.2))
    return samples
