"""Evidence detectors: what the dossier's texts already say (jobs, indicators, partners...).

Each detector is a set of regular expressions over the folded text (lower case, no accents),
plus, where capitals matter (« la Région »), expressions over the text as typed. A hit keeps
an excerpt of the text as typed, so the person sees where the evidence was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.textmatch import excerpt, fold_with_index

# --- numbers of jobs -----------------------------------------------------------------------
_UNITS = (
    "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    "vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
_NUMBER_WORDS = rf"(?:{_UNITS})(?:[- ](?:et[- ])?(?:{_UNITS}|une?))*"
_DIGITS = r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_APPROX = (
    r"(?:une|la|d'une)\s+(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|"
    r"cinquantaine|soixantaine|centaine)\s+d(?:e\s+|')"
)
# Words that may sit between the number and the noun: « 12 nouveaux emplois ».
_BEFORE_NOUN = r"(?:(?:nouveaux|nouvelles|nouvel|nouveau|premiers|premieres|futurs|futures)\s+)?"
_JOB_NOUN = (
    r"(?:emplois?|postes?(?!\s+(?:informatiques?|de travail|electriques?|a quai))|etp|"
    r"equivalents?[- ]temps[- ]pleins?|salarie(?:e)?s?|cdi|recrutements?|embauches?)"
)
_JOBS = (
    re.compile(rf"(?<![\w,.])(?:{_DIGITS}|{_NUMBER_WORDS})\s+{_BEFORE_NOUN}{_JOB_NOUN}(?!\w)"),
    re.compile(rf"(?<!\w){_APPROX}\s*{_BEFORE_NOUN}{_JOB_NOUN}(?!\w)"),
)


def _words(*alternatives: str) -> tuple[re.Pattern[str], ...]:
    """Patterns over folded text, each ending on a word boundary.

    The start boundary is checked by `find` rather than by a look-behind: a pattern that
    begins with its literal text is searched about ten times faster.
    """
    return tuple(re.compile(rf"(?:{a})(?!\w)") for a in alternatives)


_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Detector:
    id: str
    label_fr: str
    folded: tuple[re.Pattern[str], ...]
    raw: tuple[re.Pattern[str], ...] = field(default=())


DETECTORS: dict[str, Detector] = {
    d.id: d
    for d in (
        Detector("jobs_number", "emplois chiffrés", _JOBS),
        Detector(
            "indicators",
            "indicateurs",
            _words(
                r"indicateurs?",
                r"tableaux? de bord",
                r"taux de",
                r"taux d'(?!interet)\w+",
                r"valeurs? cibles?",
                r"cibles? chiffrees?",
                r"objectifs? chiffres?",
                r"(?:mesure|evaluation|suivi) d'impacts?",
                r"kpi",
            ),
        ),
        Detector(
            "collectivites",
            "collectivités",
            _words(
                r"collectivites?(?: territoriales?| locales?)?",
                r"communautes? (?:de communes|d'agglomeration|urbaines?)",
                rf"(?:la|les|des|aux|une|plusieurs|chaque|cette|ces|nos|ses|leurs|\d+|{_NUMBER_WORDS})"
                r" communes?"
                r"(?! (?:strategie|action|vision|ambition|volonte|culture|demarche))",
                r"intercommunalites?",
                r"epci",
                r"metropoles?",
                r"mairies?",
                r"municipalites?",
                r"conseil (?:departemental|regional|municipal|communautaire)",
                r"syndicats? mixtes?",
                r"petr",
                r"elus? locaux",
            ),
            raw=(re.compile(r"\b(?:Région|Département|Ville de [A-ZÉ]\w+)\b"),),
        ),
        Detector(
            "private_partners",
            "partenaires privés",
            _words(
                r"entreprises?",
                r"mecenat",
                r"mecenes?",
                r"fondations? d'entreprises?",
                r"fondations?",
                r"banques?(?! des territoires| alimentaires?)",
                r"credit cooperatif",
                r"france active",
                r"sponsors?",
                r"(?:partenaires?|acteurs?|financements?|fonds|financeurs?|ressources?) "
                r"prive(?:e)?s?",
                r"clubs? d'entreprises",
                r"industriels?",
            ),
        ),
        Detector(
            "amounts",
            "montants",
            (re.compile(r"\d[\d .,]*\s?(?:€|euros?(?!\w)|k€|keur(?!\w)|m€)"),),
        ),
        Detector(
            "experience",
            "expérience",
            _words(
                r"depuis (?:19|20)\d\d",
                r"creee? en (?:19|20)\d\d",
                r"fondee? en (?:19|20)\d\d",
                r"depuis \d+ ans",
                r"experiences?",
                r"competences?",
                r"savoir-faire",
                r"expertises?",
                r"realisations?",
            ),
        ),
        Detector(
            "partnerships",
            "partenariats",
            _words(r"partenariats?", r"partenaires?", r"conventions?", r"conventionnee?s?"),
        ),
        Detector(
            "cooperation",
            "coopération",
            _words(
                r"cooperations?",
                r"cooperer",
                r"cooperent",
                r"mutualis\w*",
                r"mise en commun",
                r"synergies?",
            ),
        ),
        Detector(
            "innovation",
            "innovation",
            _words(r"innov\w*", r"experimenta\w*", r"inedite?s?"),
        ),
        Detector(
            "research",
            "recherche",
            _words(
                r"(?:centres?|laboratoires?|partenariats?|programmes?|travaux|projets?|"
                r"organismes?) de recherche",
                r"recherche[- ]action",
                r"universit\w+",
                r"laboratoires?",
                r"r&d",
                r"cifre",
                r"chercheu\w+",
                r"doctora\w+",
                r"cnrs",
                r"inrae",
            ),
        ),
        Detector(
            "insertion_formation",
            "insertion et formation",
            _words(
                r"insertion",
                r"formations?",
                r"siae",
                r"apprenti\w*",
                r"qualifications?",
            ),
        ),
        Detector(
            "environment",
            "environnement",
            _words(
                r"environnement\w*",
                r"ecologi\w*",
                r"economie circulaire",
                r"reemploi",
                r"recycl\w*",
                r"carbone",
                r"biodiversite",
                r"dechets?",
                r"transition (?:ecologique|energetique)",
                r"circuits? courts?",
                r"sobriete",
                r"renovation energetique",
                r"climat\w*",
                r"energies? renouvelables?",
            ),
        ),
        Detector(
            "social_utility",
            "utilité sociale",
            _words(
                r"utilite sociale",
                r"lien social",
                r"precarit\w*",
                r"inclusi\w*",
                r"solidari\w*",
                r"pauvrete",
                r"acces aux droits",
                r"exclusion",
                r"handicap\w*",
                r"publics? (?:fragiles|eloignes|vulnerables|prioritaires)",
                r"personnes? (?:agees|isolees|vulnerables)",
                r"besoins sociaux",
            ),
        ),
        Detector(
            "local_resources",
            "ressources locales",
            _words(
                r"ressources? locales?",
                r"circuits? courts?",
                r"fonciers?",
                r"friches?",
                r"benevol\w*",
                r"epargne (?:locale|citoyenne|solidaire)",
                r"materiaux (?:locaux|biosources)",
                r"producteurs? locaux",
                r"productions? locales?",
                r"savoir-faire",
                r"patrimoine",
                r"monnaie locale",
            ),
        ),
        Detector(
            "citizens",
            "habitants et citoyens",
            _words(r"habitants?", r"citoyen\w*", r"benevoles?", r"usagers?", r"riverains?"),
        ),
        Detector(
            "territory",
            "territoire nommé",
            _words(
                r"communes?",
                r"communautes? (?:de communes|d'agglomeration|urbaines?)",
                r"intercommunalit\w+",
                r"epci",
                r"metropoles?",
                r"cantons?",
                r"departements?",
                r"bassins? (?:de vie|d'emplois?)",
                r"quartiers?",
                r"vallees?",
                r"pays",
                r"territoires?",
                r"parc naturel",
            ),
        ),
        Detector(
            "fragile",
            "territoires fragiles",
            _words(
                r"qpv",
                r"quartiers? prioritaires?",
                r"politique de la ville",
                r"frr",
                r"zrr",
                r"revitalisation rurale",
                r"france ruralites revitalisation",
                r"desindustrialis\w*",
                r"territoires? d'industrie",
            ),
        ),
        Detector(
            "self_financing",
            "ressources propres",
            _words(
                r"autofinancement",
                r"chiffre d'affaires",
                r"(?:recettes?|ressources?) propres",
                r"ventes?",
                r"prestations?",
                r"cotisations?",
                r"adhesions?",
                r"modele economique",
                r"autonomie financiere",
                r"hybridation",
                r"facturation",
            ),
        ),
        Detector(
            "impact",
            "impacts",
            _words(
                r"impacts?",
                r"essaim\w*",
                r"reproductib\w*",
                r"transferab\w*",
                r"duplica\w*",
                r"modelisa\w*",
                r"effets? durables?",
                r"exemplar\w*",
            ),
        ),
        Detector(
            "governance_terms",
            "instances de gouvernance",
            _words(
                r"colleges?",
                r"assemblees? generales?",
                r"conseil d'administration",
                r"comites? (?:de pilotage|strategiques?|d'orientation)",
                r"copil",
                r"une personne,? une voix",
                r"gouvernance partagee",
                r"instances?",
                r"votes?",
                r"societaires?",
            ),
        ),
        Detector(
            "timeline",
            "calendrier",
            _words(
                r"annee [123]",
                r"an [123]",
                r"(?:19|20)\d\d",
                r"(?:court|moyen|long) terme",
                r"trimestres?",
                r"semestres?",
                r"etapes?",
                r"calendrier",
                r"n\+[123]",
            ),
        ),
        Detector(
            "analysis",
            "analyse du territoire",
            _words(
                r"diagnostic\w*",
                r"besoins?",
                r"enjeux",
                r"constat\w*",
                r"etudes?",
                r"analyse\w*",
                r"taux de chomage",
                r"insee",
            ),
        ),
        Detector(
            "economic",
            "activité économique",
            _words(
                r"chiffre d'affaires",
                r"activites? economiques?",
                r"developpement economique",
                r"clients?",
                r"debouches?",
                r"marches?",
                r"production",
                r"ventes?",
            ),
        ),
    )
}


_CONTEXT = 50  # characters of context on each side of an excerpt


def find(signal: str, text: str, limit: int = 3) -> list[str]:
    """Excerpts of `text` where the detector `signal` fires (at most `limit`)."""
    return list(_find(signal, text, limit))


@lru_cache(maxsize=2048)
def _find(signal: str, text: str, limit: int) -> tuple[str, ...]:
    detector = DETECTORS[signal]
    folded, index = fold_with_index(text)
    spans: list[tuple[int, int]] = []
    for pattern in detector.folded:
        for match in pattern.finditer(folded):
            start = match.start()
            if match.end() <= start or (start and _WORD_CHAR.match(folded, start - 1)):
                continue  # empty, or starts inside a word
            if index is None:
                spans.append(match.span())
            else:
                spans.append((index[match.start()], index[match.end() - 1] + 1))
    for pattern in detector.raw:
        spans.extend(m.span() for m in pattern.finditer(text))
    spans.sort()
    found: list[str] = []
    last_end = -1
    for start, end in spans:
        if start < last_end:  # already inside the previous excerpt
            continue
        found.append(excerpt(text, start, end, _CONTEXT))
        last_end = end + _CONTEXT
        if len(found) >= limit:
            break
    return tuple(found)


def detects(signal: str, text: str) -> bool:
    return bool(find(signal, text, limit=1))


@dataclass(frozen=True)
class Hit:
    signal: str
    rubric_id: str
    excerpt: str


def hits_in_dossier(
    dossier: Dossier, signal: str, rubric_ids: tuple[str, ...], per_rubric: int = 2
) -> list[Hit]:
    """Where the dossier's rubrics show `signal`, rubric by rubric in the given order."""
    return [
        Hit(signal, rubric_id, passage)
        for rubric_id in rubric_ids
        for passage in find(signal, dossier.rubric_text(rubric_id), limit=per_rubric)
    ]


SignalSource = Callable[[str, tuple[str, ...]], list[Hit]]
"""Looks a signal up in some rubrics; special signals (actors, territories) plug in here."""
