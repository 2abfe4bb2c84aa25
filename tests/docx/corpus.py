"""Word drafts written the way candidates write them, and how a person reads each one.

Every draft is built with python-docx and comes with its expected reading, written by hand
before the importer was run on it: the text of each rubric, each identity field as written,
and what is set aside, in document order, as (kind, heading, text):

- "section": text under a heading that names no rubric, or before the first rubric (heading "")
- "note": a highlighted or commented passage (« note interne ? »); a few words inside a
  sentence stay in the rubric until the user removes them, whole sentences are set aside
- "modele": lines of the template rather than answers (the call's own sentences, a limit
  typed alone, a placeholder such as « À compléter »)
- "sommaire": a table of contents; "signature": « Fait à …, le … » and what follows it
- "doublon": a second, different value for an identity field

`dossier` is False for a file that does not look like a dossier (meeting minutes, a letter).

    python -m tests.docx.corpus DIR    # writes every draft to DIR, to open it in Word
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.docx.corpus_builder import Run, W

# The call's labels as a candidate copies them from Annexe 1 (limits apart).
from tests.docx.drafts import (
    ACTEURS,
    ACTIONS,
    FINANCEMENT,
    GOUVERNANCE,
    OBJECTIFS,
    PERIMETRE,
    STRUCTURE,
)

OPTIONNEL = "OPTIONNEL en fonction de la maturité du projet : "
PLAN = "Plan d'action prévisionnel sur 3 ans"
IMPLICATION = "Description de l'implication des différentes catégories de membres du (futur) PTCE"
RESEAU = (
    "perspectives de mise en réseau avec les autres dispositifs et l'articulation avec les "
    "politiques publiques nationales et locales"
)
FINANCEMENT_LIMIT = (
    "(1 page maximum – Possibilité d'ajouter un budget en annexe (budget annuel type ou budget "
    "sur 3 ans au choix du déposant)"
)
LABELS = {
    "structure": STRUCTURE,
    "objectifs": OBJECTIFS,
    "acteurs": ACTEURS,
    "gouvernance": GOUVERNANCE,
    "perimetre": PERIMETRE,
    "actions": ACTIONS,
    "plan_action": OPTIONNEL + PLAN,
    "implication_membres": OPTIONNEL + IMPLICATION,
    "mise_en_reseau": OPTIONNEL + RESEAU,
    "financement": FINANCEMENT,
}
LIMITS = {
    "structure": "(1 page maximum)",
    "objectifs": "(1 page maximum)",
    "acteurs": "(2 pages maximum)",
    "gouvernance": "(15 lignes maximum)",
    "perimetre": "(1/2 page maximum)",
    "actions": "(1 page maximum)",
    "plan_action": "(1 page maximum)",
    "implication_membres": "(1 page maximum)",
    "mise_en_reseau": "(1 page maximum)",
    "financement": FINANCEMENT_LIMIT,
}
CONCISION = (
    "Un exercice de concision est expressément demandé au porteur de projet qui complète le "
    "présent dossier. Ce dossier sera aussi jugé sur la capacité à synthétiser les points "
    "saillants et à ne pas excéder les volumes d'écriture demandés pour chacune des rubriques "
    "à renseigner."
)

# Short answers, one per rubric, reused where a draft needs filler text.
T = {
    "structure": "La SCIC Val Solidaire, créée en 2015, réunit 40 sociétaires et 12 salariés.",
    "objectifs": "Créer 12 emplois durables d'ici 2027 et valoriser le réemploi local.",
    "acteurs": "Douze structures de l'ESS, trois entreprises et la communauté de communes.",
    "gouvernance": "Un comité de pilotage de 9 membres, réparti en trois collèges.",
    "perimetre": "La vallée de la Drôme : 28 communes, dont 2 quartiers en QPV.",
    "actions": "Une recyclerie ouverte en 2023 ; un atelier vélo prévu en 2025.",
    "plan_action": "Année 1 : diagnostic. Année 2 : essaimage. Année 3 : consolidation.",
    "implication_membres": "Chaque collège désigne ses représentants au comité.",
    "mise_en_reseau": "Membre du réseau des ressourceries et du Labo de l'ESS.",
    "financement": "Budget annuel de 180 000 € : 40 % de recettes propres.",
}


@dataclass(frozen=True)
class Reading:
    """How a person reads a draft (see the module docstring)."""

    rubrics: dict[str, str]
    identity: dict[str, str] = field(default_factory=dict)
    aside: tuple[tuple[str, str, str], ...] = ()
    dossier: bool = True
    region: str = ""  # INSEE code the written region stands for ("" = none written)
    legal_form: str = ""  # id of the written legal form ("" = none written)


@dataclass(frozen=True)
class Draft:
    data: bytes
    reading: Reading
    typed: tuple[str, ...]  # every paragraph's text, in document order


def _draft(w: W, reading: Reading) -> Draft:
    return Draft(w.bytes(), reading, tuple(w.typed))


# --- 1. Word headings, exact labels and limits, identity as "Label : valeur" ----------------
def titre1_modele_complet() -> Draft:
    w = W()
    w.p("Dossier de candidature AMI", style="Title")
    w.p("Nom du projet : Recyclerie du Val")
    w.p("Région : Auvergne-Rhône-Alpes")
    w.p("Structure porteuse du dossier", italic=True)
    w.p("Nom de la structure porteuse : Val Solidaire")
    w.p("Adresse : 12 rue des Lilas, 26100 Romans-sur-Isère")
    w.p("Forme juridique : SCIC")
    w.p("Personne référente du dossier", italic=True)
    w.p("Nom / Prénom : MARTIN Camille")
    w.p("Fonction au sein de la structure porteuse : Coordinatrice")
    w.p("Mail : camille.martin@val-solidaire.fr")
    w.p("Téléphone portable : 06 12 34 56 78")
    second = "Nos statuts de SCIC ont été adoptés en assemblée générale le 12 juin 2015."
    for rubric_id, label in LABELS.items():
        w.h(f"{label} {LIMITS[rubric_id]}", 1)
        w.p(T[rubric_id])
        if rubric_id == "structure":
            w.p(second)
    rubrics = dict(T)
    rubrics["structure"] = T["structure"] + "\n" + second
    return _draft(
        w,
        Reading(
            rubrics=rubrics,
            identity={
                "project.name": "Recyclerie du Val",
                "project.region": "Auvergne-Rhône-Alpes",
                "structure.name": "Val Solidaire",
                "structure.address": "12 rue des Lilas, 26100 Romans-sur-Isère",
                "structure.legal_form": "SCIC",
                "referent.name": "MARTIN Camille",
                "referent.role": "Coordinatrice",
                "referent.email": "camille.martin@val-solidaire.fr",
                "referent.phone": "06 12 34 56 78",
            },
            aside=(("modele", "", "Dossier de candidature AMI"),),
            region="84",
            legal_form="scic",
        ),
    )


# --- 2. Bold numbered titles "1." ... "10.", identity in a table ------------------------------
def gras_numerotation_arabe() -> Draft:
    w = W()
    w.table(
        [
            ["Nom du projet", "Les Ateliers du Rond-Point"],
            ["Région", "Bretagne"],
            ["Structure porteuse", "Association Rond-Point Solidaire"],
            ["Forme juridique", "Association loi 1901"],
            ["Personne référente", "Yann Le Goff"],
            ["Mail", "yann@rondpoint.bzh"],
            ["Téléphone", "06 45 12 78 90"],
        ]
    )
    w.p()
    titles = {
        "structure": "1. Structure porteuse",
        "objectifs": "2. Objectifs et vision stratégique",
        "acteurs": "3. Acteurs",
        "gouvernance": "4. Gouvernance",
        "perimetre": "5. Périmètre et ancrage territorial",
        "actions": "6. Actions déjà entamées",
        "plan_action": "7. Plan d'action prévisionnel sur 3 ans",
        "implication_membres": "8. Implication des membres",
        "mise_en_reseau": "9. Mise en réseau",
        "financement": "10. Financement prévisionnel",
    }
    rubrics = dict(T)
    for rubric_id, title in titles.items():
        w.p(title, bold=True)
        w.p(T[rubric_id])
        if rubric_id == "structure":
            w.p("Chiffres clés", bold=True)  # unnumbered: a sub-heading of the rubric
            w.p("42 salariés, dont 30 en parcours d'insertion.")
            rubrics["structure"] = (
                T["structure"] + "\nChiffres clés\n42 salariés, dont 30 en parcours d'insertion."
            )
    return _draft(
        w,
        Reading(
            rubrics=rubrics,
            identity={
                "project.name": "Les Ateliers du Rond-Point",
                "project.region": "Bretagne",
                "structure.name": "Association Rond-Point Solidaire",
                "structure.legal_form": "Association loi 1901",
                "referent.name": "Yann Le Goff",
                "referent.email": "yann@rondpoint.bzh",
                "referent.phone": "06 45 12 78 90",
            },
            region="53",
            legal_form="association_1901",
        ),
    )


# --- 3. Roman numbering "II - ", capitals, one title in mixed case ----------------------------
def romains_majuscules() -> Draft:
    w = W()
    titles = {
        "structure": "I - STRUCTURE PORTEUSE DU PROJET",
        "objectifs": "II - OBJECTIFS ET VISION STRATÉGIQUE",
        "acteurs": "III - ACTEURS IMPLIQUÉS",
        "gouvernance": "IV - GOUVERNANCE",
        "perimetre": "V - PÉRIMÈTRE GÉOGRAPHIQUE",
        "actions": "VI - Actions engagées et envisagées",
        "financement": "VII - FINANCEMENT",
    }
    rubrics = {}
    for rubric_id, title in titles.items():
        w.p(title, bold=True)
        w.p(T[rubric_id])
        rubrics[rubric_id] = T[rubric_id]
        if rubric_id == "perimetre":
            w.p("- Die")
            w.p("- Crest")
            rubrics["perimetre"] += "\n- Die\n- Crest"
    return _draft(w, Reading(rubrics=rubrics))


# --- 4. Plain lines numbered "A)", lower-case "a)" items inside a rubric -----------------------
def lettres_parenthese() -> Draft:
    w = W()
    items = [
        "a) les structures de l'ESS ;",
        "b) les entreprises du territoire ;",
        "c) les collectivités.",
    ]
    w.p("A) Structure porteuse")
    w.p(T["structure"])
    w.p("B) Objectifs")
    w.p(T["objectifs"])
    w.p("C) Acteurs impliqués")
    w.p("Trois cercles d'acteurs :")
    for item in items:
        w.p(item)
    w.p("D) Gouvernance")
    w.p(T["gouvernance"])
    w.p("E) Financement")
    w.p(T["financement"])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "objectifs": T["objectifs"],
                "acteurs": "Trois cercles d'acteurs :\n" + "\n".join(items),
                "gouvernance": T["gouvernance"],
                "financement": T["financement"],
            }
        ),
    )


# --- 5. Decimal numbering with chapters: "2.7 Actions déjà engagées et perspectives" -----------
def decimale_chapitres() -> Draft:
    w = W()
    w.h("1. Identité du projet", 1)
    w.p("Nom du projet : Pôle Coop'Armor")
    w.p("Région : Bretagne")
    w.p("Structure porteuse : SCIC Coop'Armor")
    w.p("Forme juridique : SCIC")
    w.p("Référent : Loïc Guéguen, directeur")
    w.h("2. Le projet", 1)
    subs = {
        "structure": "2.1 Structure porteuse",
        "objectifs": "2.2 Objectifs",
        "acteurs": "2.3 Acteurs",
        "gouvernance": "2.4 Gouvernance",
        "perimetre": "2.5 Périmètre",
        "plan_action": "2.6 Plan d'action",
        "actions": "2.7 Actions déjà engagées et perspectives",
    }
    for rubric_id, title in subs.items():
        w.h(title, 2)
        w.p(T[rubric_id])
    w.h("3. Budget prévisionnel", 1)
    w.p(T["financement"])
    w.h("4. Annexes", 1)
    w.p("Statuts de la SCIC (voir pièce jointe).")
    return _draft(
        w,
        Reading(
            rubrics={**{rid: T[rid] for rid in subs}, "financement": T["financement"]},
            identity={
                "project.name": "Pôle Coop'Armor",
                "project.region": "Bretagne",
                "structure.name": "SCIC Coop'Armor",
                "structure.legal_form": "SCIC",
                "referent.name": "Loïc Guéguen",
                "referent.role": "directeur",
            },
            aside=(
                ("section", "2. Le projet", ""),
                ("section", "4. Annexes", "Statuts de la SCIC (voir pièce jointe)."),
            ),
            region="53",
            legal_form="scic",
        ),
    )


# --- 6. Cover page, typed sommaire with dotted leaders, page breaks ---------------------------
def page_de_garde_sommaire_points() -> Draft:
    w = W()
    w.p("DOSSIER DE CANDIDATURE", bold=True, size=20)
    cover = [
        "AMI « Accompagner l'émergence et le développement des PTCE »",
        "Pôle Territorial du Val de Drôme",
        "Septembre 2024",
    ]
    w.p(cover[0], bold=True, size=14)
    w.p(cover[1], size=14)
    w.p(cover[2])
    w.page_break()
    entries = [
        "Rubrique 1 – Description de la structure porteuse ........ 3",
        "Rubrique 2 – Objectifs et vision stratégique ........ 3",
        "Rubrique 3 – Acteurs ........ 4",
        "Rubrique 4 – Gouvernance ........ 5",
        "Rubrique 5 – Périmètre ……… 5",
        "Rubrique 6 – Actions ........ 6",
        "Rubrique 7 – Plan d'action ........ 6",
        "Rubrique 8 – Implication des membres ........ 7",
        "Rubrique 9 – Mise en réseau ........ 7",
        "Rubrique 10 – Perspectives de financement ........ 8",
    ]
    w.p("Sommaire", bold=True)
    for entry in entries:
        w.p(entry)
    w.page_break()
    w.p("Nom du projet : Pôle Territorial du Val de Drôme")
    w.p("Région : Auvergne-Rhône-Alpes")
    titles = {
        "structure": "Rubrique 1 – Description de la structure porteuse",
        "objectifs": "Rubrique 2 – Objectifs et vision stratégique",
        "acteurs": "Rubrique 3 – Acteurs",
        "gouvernance": "Rubrique 4 – Gouvernance",
        "perimetre": "Rubrique 5 – Périmètre",
        "actions": "Rubrique 6 – Actions",
        "plan_action": "Rubrique 7 – Plan d'action",
        "implication_membres": "Rubrique 8 – Implication des membres",
        "mise_en_reseau": "Rubrique 9 – Mise en réseau",
        "financement": "Rubrique 10 – Perspectives de financement",
    }
    for rubric_id, title in titles.items():
        w.h(title, 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics=dict(T),
            identity={
                "project.name": "Pôle Territorial du Val de Drôme",
                "project.region": "Auvergne-Rhône-Alpes",
            },
            aside=(
                ("modele", "", "DOSSIER DE CANDIDATURE"),
                ("section", "", "\n".join(cover)),
                ("sommaire", "", "\n".join(["Sommaire", *entries])),
            ),
            region="84",
        ),
    )


# --- 7. A table of contents in Word's TOC styles (title, entries with tab and page) ----------
def sommaire_style_tm() -> Draft:
    w = W()
    entries = [STRUCTURE + "\t2", GOUVERNANCE + "\t3", FINANCEMENT + "\t4"]
    w.p("Table des matières", style="TOC Heading")
    for entry in entries:
        w.p(entry, style="toc 1")
    for rubric_id in ("structure", "gouvernance", "financement"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "gouvernance", "financement")},
            aside=(("sommaire", "", "\n".join(["Table des matières", *entries])),),
        ),
    )


# --- 8. Headers and footers (not part of the body) ----------------------------------------------
def entetes_pieds_de_page() -> Draft:
    w = W()
    w.header("Recyclerie du Val – Dossier AMI PTCE – version 3")
    w.footer("Page 1 – Document de travail")
    for rubric_id in ("structure", "objectifs", "acteurs"):
        w.h(LABELS[rubric_id], 2)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "objectifs", "acteurs")},
        ),
    )


# --- 9. Word lists, nested lists, typed bullets, page breaks -----------------------------------
def listes_et_puces() -> Draft:
    w = W()
    w.h(LABELS["objectifs"], 1)
    w.p("Nos objectifs :")
    w.p("créer 12 emplois durables d'ici 2027 ;", style="List Bullet")
    w.p("valoriser 300 tonnes de déchets par an ;", style="List Bullet")
    w.p("dont 100 tonnes de textile ;", style="List Bullet 2")
    w.p("Diagnostic partagé", style="List Number")
    w.p("Expérimentation", style="List Number")
    w.p("Essaimage", style="List Number")
    w.page_break()
    w.h(LABELS["actions"], 1)
    typed = ["• Recyclerie ouverte en 2023", "– Atelier vélo en 2024", "* Tiers-lieu en 2025"]
    for line in typed:
        w.p(line)
    w.page_break()
    return _draft(
        w,
        Reading(
            rubrics={
                "objectifs": (
                    "Nos objectifs :\n"
                    "- créer 12 emplois durables d'ici 2027 ;\n"
                    "- valoriser 300 tonnes de déchets par an ;\n"
                    "- dont 100 tonnes de textile ;\n"
                    "1. Diagnostic partagé\n"
                    "2. Expérimentation\n"
                    "3. Essaimage"
                ),
                "actions": "\n".join(typed),
            }
        ),
    )


# --- 10. Tables inside rubrics --------------------------------------------------------------------
def tableaux_dans_rubriques() -> Draft:
    w = W()
    w.h(LABELS["acteurs"], 1)
    w.p("Les membres fondateurs :")
    w.table(
        [
            ["Structure", "Catégorie", "Rôle"],
            ["Recyclerie du Val", "Entreprise de l'ESS", "Collecte et tri"],
            ["Menuiserie Dupont", "Entreprise hors ESS", "Atelier bois"],
            ["Communauté de communes", "Collectivité", "Mise à disposition de locaux"],
        ]
    )
    w.h(LABELS["gouvernance"], 1)
    w.p(T["gouvernance"])
    w.h(LABELS["financement"], 1)
    w.table(
        [
            ["Dépenses", "Montant"],
            ["Coordination", "45 000 €"],
            ["Investissement", "30 000 €"],
        ]
    )
    w.p("Recettes : 40 % de ventes, 60 % de subventions.")
    return _draft(
        w,
        Reading(
            rubrics={
                "acteurs": (
                    "Les membres fondateurs :\n"
                    "Structure | Catégorie | Rôle\n"
                    "Recyclerie du Val | Entreprise de l'ESS | Collecte et tri\n"
                    "Menuiserie Dupont | Entreprise hors ESS | Atelier bois\n"
                    "Communauté de communes | Collectivité | Mise à disposition de locaux"
                ),
                "gouvernance": T["gouvernance"],
                "financement": (
                    "Dépenses | Montant\nCoordination | 45 000 €\nInvestissement | 30 000 €\n"
                    "Recettes : 40 % de ventes, 60 % de subventions."
                ),
            }
        ),
    )


# --- 11. Rubrics in another order, several missing ----------------------------------------------
def ordre_libre_rubriques_manquantes() -> Draft:
    w = W()
    order = ("financement", "gouvernance", "acteurs", "structure")
    for rubric_id in order:
        w.h(LABELS[rubric_id], 2)
        w.p(T[rubric_id])
    return _draft(w, Reading(rubrics={rid: T[rid] for rid in order}))


# --- 12. Paraphrased titles in bold -------------------------------------------------------------
def intitules_paraphrases_gras() -> Draft:
    w = W()
    w.p("Projet : Les Jardins du Lien")
    w.p("Porteur : Association Les Jardins du Lien")
    w.p("Région : Normandie")
    titles = {
        "structure": "La structure porteuse",
        "objectifs": "Nos objectifs et notre vision",
        "acteurs": "Les acteurs du pôle",
        "gouvernance": "Notre gouvernance",
        "perimetre": "Notre périmètre d'intervention",
        "actions": "Actions engagées",
        "plan_action": "Plan d'actions 2025-2027",
        "implication_membres": "Implication des membres",
        "mise_en_reseau": "Mise en réseau",
        "financement": "Budget prévisionnel",
    }
    for rubric_id, title in titles.items():
        w.p(title, bold=True)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics=dict(T),
            identity={
                "project.name": "Les Jardins du Lien",
                "structure.name": "Association Les Jardins du Lien",
                "project.region": "Normandie",
            },
            region="28",
        ),
    )


# --- 13. Limits typed alone under the titles ----------------------------------------------------
def limites_tapees_seules() -> Draft:
    w = W()
    limits = {
        "structure": "(1 page maximum)",
        "acteurs": "(2 pages maximum)",
        "gouvernance": "15 lignes max.",
        "perimetre": "(1/2 page maximum)",
        "financement": FINANCEMENT_LIMIT,
    }
    for rubric_id, limit in limits.items():
        w.h(LABELS[rubric_id], 1)
        w.p(limit)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in limits},
            aside=tuple(("modele", "", limit) for limit in limits.values()),
        ),
    )


# --- 14. "Fait à …, le …" and a signature after the last rubric ---------------------------------
def signature_fait_a() -> Draft:
    w = W()
    for rubric_id in ("structure", "objectifs", "financement"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    w.p()
    closing = ["Fait à La Châtre, le 2 septembre 2024", "La présidente,", "Nathalie Chevrier"]
    for line in closing:
        w.p(line)
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "objectifs", "financement")},
            aside=(("signature", "", "\n".join(closing)),),
        ),
    )


# --- 15. Highlighted internal notes ---------------------------------------------------------------
def note_surlignee() -> Draft:
    w = W()
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["perimetre"], 1)
    w.runs(
        "La vallée de la Drôme compte ", Run("28", highlight=True), " communes et 54 000 habitants."
    )
    w.runs("Deux quartiers sont en QPV.", Run(" À vérifier avec la préfecture.", highlight=True))
    w.p("NB Julien : demander les chiffres de l'INSEE à la comcom", highlight=True)
    w.h(LABELS["gouvernance"], 1)
    w.p(T["gouvernance"])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "perimetre": (
                    "La vallée de la Drôme compte 28 communes et 54 000 habitants.\n"
                    "Deux quartiers sont en QPV."
                ),
                "gouvernance": T["gouvernance"],
            },
            aside=(
                ("note", "", "28"),
                ("note", "", "À vérifier avec la préfecture."),
                ("note", "", "NB Julien : demander les chiffres de l'INSEE à la comcom"),
            ),
        ),
    )


# --- 16. Word comments ----------------------------------------------------------------------------
def commentaires_word() -> Draft:
    w = W()
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["acteurs"], 1)
    w.runs(
        "Douze structures de l'ESS, ",
        Run("trois entreprises", comment="Julien : lesquelles ?"),
        " et la communauté de communes sont déjà engagées.",
    )
    w.p(
        "Liste complète en cours de validation par le bureau.",
        comment="Julien : à retirer avant l'envoi ?",
    )
    w.h(LABELS["gouvernance"], 1)
    w.p(T["gouvernance"])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "acteurs": (
                    "Douze structures de l'ESS, trois entreprises et la communauté de communes "
                    "sont déjà engagées."
                ),
                "gouvernance": T["gouvernance"],
            },
            aside=(
                ("note", "", "trois entreprises"),
                ("note", "", "Liste complète en cours de validation par le bureau."),
            ),
        ),
    )


# --- 17. Not a dossier: minutes of a meeting ------------------------------------------------------
def compte_rendu_reunion() -> Draft:
    w = W()
    before = [
        "Compte rendu du comité de pilotage du 12 mars 2024",
        "Présents : Julien Martin, Marie Dupont, Karim Benali.",
        "Excusée : Sophie Leroy.",
        "Ordre du jour",
    ]
    w.p(before[0], bold=True)
    w.p(before[1])
    w.p(before[2])
    w.p(before[3], bold=True)
    agenda = ["Gouvernance", "Périmètre", "Financement"]
    for item in agenda:
        w.p(item, style="List Number")
    said = {
        "gouvernance": "Le comité valide le principe de trois collèges.",
        "perimetre": "L'extension à la communauté de communes voisine est discutée.",
        "financement": "Une demande de subvention à la Région est à préparer.",
    }
    for title, rubric_id in zip(agenda, said, strict=True):
        w.p(title, bold=True)
        w.p(said[rubric_id])
    w.p("Points divers", bold=True)
    w.p("Prochaine réunion : 4 avril 2024.")
    return _draft(
        w,
        Reading(
            rubrics=said,
            aside=(
                (
                    "section",
                    "",
                    "\n".join([*before, "1. Gouvernance", "2. Périmètre", "3. Financement"]),
                ),
                ("section", "Points divers", "Prochaine réunion : 4 avril 2024."),
            ),
            dossier=False,
        ),
    )


# --- 18. Not a dossier: a letter of support -------------------------------------------------------
def lettre_de_soutien() -> Draft:
    w = W()
    body = [
        "Communauté de communes du Val de Drôme",
        "Objet : soutien à la candidature du PTCE Val Solidaire",
        "Madame, Monsieur,",
        "La communauté de communes soutient pleinement la démarche engagée par la SCIC Val "
        "Solidaire et mettra à sa disposition des locaux à Crest dès 2025.",
    ]
    for line in body:
        w.p(line)
    closing = ["Fait à Crest, le 3 mars 2024", "Le Président,", "Jean Dupuis"]
    for line in closing:
        w.p(line)
    return _draft(
        w,
        Reading(
            rubrics={},
            aside=(("section", "", "\n".join(body)), ("signature", "", "\n".join(closing))),
            dossier=False,
        ),
    )


# --- 19. Identity written freely: "Porteur du projet", "Référente", "Région Sud – …" ------------
def identite_porteur_referente() -> Draft:
    w = W()
    w.p("Projet : La Fabrique à Liens")
    w.p("Région : Région Sud – Provence-Alpes-Côte d'Azur")
    w.p("Porteur du projet : Association La Fabrique à Liens")
    w.p("Statut : association loi 1901")
    w.p("Référente : Marie Lefèvre")
    w.p("Mail : marie.lefevre@fabrique-liens.org")
    for rubric_id in ("structure", "objectifs", "gouvernance"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "objectifs", "gouvernance")},
            identity={
                "project.name": "La Fabrique à Liens",
                "project.region": "Région Sud – Provence-Alpes-Côte d'Azur",
                "structure.name": "Association La Fabrique à Liens",
                "structure.legal_form": "association loi 1901",
                "referent.name": "Marie Lefèvre",
                "referent.email": "marie.lefevre@fabrique-liens.org",
            },
            region="93",
            legal_form="association_1901",
        ),
    )


# --- 20. "Nom : ROUX" and "Prénom : Camille" on two lines -----------------------------------------
def identite_nom_prenom_deux_lignes() -> Draft:
    w = W()
    w.p("Nom du projet : Coop'Cévennes")
    w.p("Région : Occitanie / Pyrénées-Méditerranée")
    w.p("Nom de la structure porteuse : SCIC Coop'Cévennes")
    w.p("Forme juridique : SCIC")
    w.p("Personne référente du dossier", italic=True)
    w.p("Nom : ROUX")
    w.p("Prénom : Camille")
    w.p("Fonction : directrice")
    w.p("Courriel : camille.roux@coopcevennes.fr")
    w.p("Tél. : 07 81 22 33 44")
    for rubric_id in ("structure", "acteurs", "financement"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "acteurs", "financement")},
            identity={
                "project.name": "Coop'Cévennes",
                "project.region": "Occitanie / Pyrénées-Méditerranée",
                "structure.name": "SCIC Coop'Cévennes",
                "structure.legal_form": "SCIC",
                "referent.name": "ROUX Camille",
                "referent.role": "directrice",
                "referent.email": "camille.roux@coopcevennes.fr",
                "referent.phone": "07 81 22 33 44",
            },
            region="76",
            legal_form="scic",
        ),
    )


# --- 21. The whole contact on one line, a region without accents ---------------------------------
def identite_contact_une_ligne() -> Draft:
    w = W()
    w.p("Nom du projet : Les Tisserands")
    w.p("Région : Ile de France")
    w.p("Structure porteuse : Les Tisserands SCOP")
    w.p("Contact : Fatou Diallo, chargée de projet – fatou.diallo@tisserands.org – 06 71 42 58 90")
    for rubric_id in ("structure", "perimetre", "financement"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "perimetre", "financement")},
            identity={
                "project.name": "Les Tisserands",
                "project.region": "Ile de France",
                "structure.name": "Les Tisserands SCOP",
                "referent.name": "Fatou Diallo",
                "referent.role": "chargée de projet",
                "referent.email": "fatou.diallo@tisserands.org",
                "referent.phone": "06 71 42 58 90",
            },
            region="11",
        ),
    )


# --- 22. The referent's role in parentheses -------------------------------------------------------
def identite_role_entre_parentheses() -> Draft:
    w = W()
    w.p("Nom du projet : Les Fermes du Coin")
    w.p("Région : Auvergne Rhone Alpes")
    w.p("Nom de la structure porteuse : Les Fermes du Coin")
    w.p("Forme juridique : SARL")
    w.p("Personne référente : Nathalie Chevrier (gérante)")
    w.p("Téléphone portable : 06 98 76 54 32")
    for rubric_id in ("structure", "objectifs", "acteurs"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "objectifs", "acteurs")},
            identity={
                "project.name": "Les Fermes du Coin",
                "project.region": "Auvergne Rhone Alpes",
                "structure.name": "Les Fermes du Coin",
                "structure.legal_form": "SARL",
                "referent.name": "Nathalie Chevrier",
                "referent.role": "gérante",
                "referent.phone": "06 98 76 54 32",
            },
            region="84",
            legal_form="sarl",
        ),
    )


# --- 23. A bold "Structure porteuse :" then its paragraph (issue 13, point 1) -------------------
def structure_porteuse_en_gras() -> Draft:
    w = W()
    w.p("Nom du projet : La Fabrique")
    w.p("Nom de la structure porteuse : Association La Fabrique")
    w.p("Forme juridique : Association loi 1901")
    w.p()
    texts = {
        "structure": (
            "L'association La Fabrique, créée en 2012 à Saint-Brieuc, accompagne chaque année "
            "300 personnes vers l'emploi grâce à trois chantiers d'insertion et un atelier de "
            "réemploi."
        ),
        "objectifs": "Créer 15 emplois d'ici 2027 et ouvrir un second atelier.",
        "gouvernance": "Une assemblée générale et un conseil d'administration de 12 membres.",
        "financement": "Budget annuel de 420 000 €.",
    }
    titles = {
        "structure": "Structure porteuse :",
        "objectifs": "Objectifs :",
        "gouvernance": "Gouvernance :",
        "financement": "Financement :",
    }
    for rubric_id, title in titles.items():
        w.p(title, bold=True)
        w.p(texts[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics=texts,
            identity={
                "project.name": "La Fabrique",
                "structure.name": "Association La Fabrique",
                "structure.legal_form": "Association loi 1901",
            },
            legal_form="association_1901",
        ),
    )


# --- 24. The call's own template, filled in -------------------------------------------------------
def modele_de_l_appel_rempli() -> Draft:
    w = W()
    w.p("Annexe 1 : Dossier de candidature AMI", bold=True)
    w.p(CONCISION)
    w.p("Nom du projet", italic=True)
    w.p("Auton'Homme")
    w.p("Région", italic=True)
    w.p("Grand Est")
    w.p("Structure porteuse du dossier", italic=True)
    w.p("Nom de la structure porteuse : Auton'Homme")
    w.p("Adresse : 3 rue de la Gare, 67000 Strasbourg")
    w.p("Forme juridique : Association de droit local")
    w.p("Personne référente du dossier", italic=True)
    w.p("Nom / Prénom")
    w.p("PETIT Jeanne")
    w.p("Fonction au sein de la structure porteuse :")
    w.p("Présidente")
    w.p("Mail :")
    w.p("jeanne.petit@autonhomme.fr")
    w.p("Téléphone portable :")
    for rubric_id, label in LABELS.items():
        heading = f"{label} {LIMITS[rubric_id]}"
        if rubric_id in ("structure", "objectifs"):
            w.p(heading, italic=True)  # italic, as in the template
        else:
            w.p(heading)  # plain, as in the template
        w.p(T[rubric_id])
    last = "Aucune annexe complémentaire n'est attendue pour les candidats"
    w.p(last, bold=True)
    return _draft(
        w,
        Reading(
            rubrics=dict(T),
            identity={
                "project.name": "Auton'Homme",
                "project.region": "Grand Est",
                "structure.name": "Auton'Homme",
                "structure.address": "3 rue de la Gare, 67000 Strasbourg",
                "structure.legal_form": "Association de droit local",
                "referent.name": "PETIT Jeanne",
                "referent.role": "Présidente",
                "referent.email": "jeanne.petit@autonhomme.fr",
            },
            aside=(
                ("modele", "", "Annexe 1 : Dossier de candidature AMI\n" + CONCISION),
                ("modele", "", last),
            ),
            region="44",
            legal_form="association_droit_local",
        ),
    )


# --- 25. Bold capitals for the rubrics, bold sub-titles inside, an unknown chapter ------------
def sous_titres_gras_dans_rubriques() -> Draft:
    w = W()
    w.p("STRUCTURE PORTEUSE", bold=True)
    w.p(T["structure"])
    w.p("Notre histoire", bold=True)
    w.p("Tout a commencé par un repair café en 2012.")
    w.p("CONTEXTE ET ENJEUX DU TERRITOIRE", bold=True)
    context = "La vallée a perdu 800 emplois industriels en dix ans."
    w.p(context)
    w.p("ACTEURS", bold=True)
    w.p(T["acteurs"])
    w.p("Entreprises de l'ESS", bold=True)
    w.p("La recyclerie, le garage solidaire et l'épicerie coopérative.")
    w.p("Entreprises hors ESS", bold=True)
    w.p("La menuiserie Dupont et les transports Martin.")
    for title, rubric_id in (
        ("GOUVERNANCE", "gouvernance"),
        ("PÉRIMÈTRE", "perimetre"),
        ("FINANCEMENT", "financement"),
    ):
        w.p(title, bold=True)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"]
                + "\nNotre histoire\nTout a commencé par un repair café en 2012.",
                "acteurs": T["acteurs"]
                + "\nEntreprises de l'ESS\nLa recyclerie, le garage solidaire et l'épicerie "
                "coopérative.\nEntreprises hors ESS\nLa menuiserie Dupont et les transports "
                "Martin.",
                "gouvernance": T["gouvernance"],
                "perimetre": T["perimetre"],
                "financement": T["financement"],
            },
            aside=(("section", "CONTEXTE ET ENJEUX DU TERRITOIRE", context),),
        ),
    )


# --- 26. Heading 2 sub-titles inside rubrics, an unknown Heading 1 chapter ----------------------
def sous_titres_titre2() -> Draft:
    w = W()
    w.h(STRUCTURE, 1)
    w.p(T["structure"])
    w.h("Notre histoire", 1)
    story = "Tout a commencé par un repair café en 2012."
    w.p(story)
    w.h(GOUVERNANCE, 1)
    w.p(T["gouvernance"])
    w.h("Nos instances", 2)
    w.p("Une assemblée générale annuelle.")
    w.h("Les collèges", 2)
    w.p("Salariés, usagers, partenaires.")
    w.h(PERIMETRE, 1)
    w.p(T["perimetre"])
    w.h(ACTIONS, 1)
    w.p(T["actions"])
    w.h("Financement des actions", 2)  # a sub-title of the actions, not the rubric
    w.p("La recyclerie est financée par ses ventes.")
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "gouvernance": T["gouvernance"] + "\nNos instances\nUne assemblée générale "
                "annuelle.\nLes collèges\nSalariés, usagers, partenaires.",
                "perimetre": T["perimetre"],
                "actions": T["actions"]
                + "\nFinancement des actions\nLa recyclerie est financée par ses ventes.",
            },
            aside=(("section", "Notre histoire", story),),
        ),
    )


# --- 27. The title in bold at the start of the paragraph that holds the text --------------------
def intitule_et_texte_meme_paragraphe() -> Draft:
    w = W()
    w.runs(Run(STRUCTURE + " :", bold=True), " " + T["structure"])
    w.runs(Run("Gouvernance :", bold=True), " " + T["gouvernance"])
    w.runs(Run("Périmètre : ", bold=True), T["perimetre"])
    plain = "Financement : une part des recettes vient des communes."
    w.p(plain)  # plain: the candidate's sentence, not a title
    w.runs(Run("Acteurs :", bold=True), " " + T["acteurs"])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "gouvernance": T["gouvernance"],
                "perimetre": T["perimetre"] + "\n" + plain,
                "acteurs": T["acteurs"],
            }
        ),
    )


# --- 28. "Actions engagées" and "Budget prévisionnel" as titles (issue 13, point 2) -------------
def actions_et_budget_raccourcis() -> Draft:
    w = W()
    for rubric_id in ("structure", "objectifs", "perimetre"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    w.h("Actions engagées", 1)
    w.p(T["actions"])
    w.h("Budget prévisionnel", 1)
    w.p(T["financement"])
    return _draft(
        w,
        Reading(
            rubrics={
                rid: T[rid]
                for rid in ("structure", "objectifs", "perimetre", "actions", "financement")
            }
        ),
    )


# --- 29. An unknown title between two rubrics is a boundary ---------------------------------------
def titre_inconnu_entre_deux_rubriques() -> Draft:
    w = W()
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["perimetre"], 1)
    w.p(T["perimetre"])
    w.h("Notre histoire", 1)
    story = [
        "Tout a commencé par un repair café en 2012.",
        "En 2018, la recyclerie a ouvert ses portes.",
    ]
    for line in story:
        w.p(line)
    w.h(LABELS["gouvernance"], 1)
    w.p(T["gouvernance"])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "perimetre", "gouvernance")},
            aside=(("section", "Notre histoire", "\n".join(story)),),
        ),
    )


# --- 30. Identity in a table with merged title rows, an address on two lines -------------------
def identite_en_tableau_fusionne() -> Draft:
    w = W()
    w.p("Nom du projet : Solilab")
    w.p("Région : Pays de la Loire")
    w.table(
        [
            [Run("Structure porteuse du dossier", bold=True), None],
            ["Nom de la structure porteuse", "Solilab"],
            ["Adresse", ["8 rue Saint-Domingue", "44200 Nantes"]],
            ["Forme juridique", "SCIC"],
            [Run("Personne référente du dossier", bold=True), None],
            ["Nom / Prénom", "BERNARD Hugo"],
            ["Fonction au sein de la structure porteuse", "Chargé de mission"],
            ["Mail", "hugo.bernard@solilab.fr"],
            ["Téléphone portable", "06 98 76 54 32"],
        ]
    )
    for rubric_id in ("structure", "acteurs", "gouvernance"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "acteurs", "gouvernance")},
            identity={
                "project.name": "Solilab",
                "project.region": "Pays de la Loire",
                "structure.name": "Solilab",
                "structure.address": "8 rue Saint-Domingue\n44200 Nantes",
                "structure.legal_form": "SCIC",
                "referent.name": "BERNARD Hugo",
                "referent.role": "Chargé de mission",
                "referent.email": "hugo.bernard@solilab.fr",
                "referent.phone": "06 98 76 54 32",
            },
            region="52",
            legal_form="scic",
        ),
    )


# --- 31. A layout table: the titles in the first column, the texts in the second ---------------
def tableau_de_mise_en_page() -> Draft:
    w = W()
    w.table(
        [
            [Run(STRUCTURE, bold=True), T["structure"]],
            [Run("Contexte", bold=True), "Le pôle est né en 2019 d'un collectif d'habitants."],
            [Run(PERIMETRE, bold=True), T["perimetre"]],
            [Run(ACTIONS, bold=True), T["actions"]],
            [
                Run(GOUVERNANCE + " (15 lignes maximum)", bold=True),
                ["Premier paragraphe sur la gouvernance.", "Second paragraphe sur la gouvernance."],
            ],
        ]
    )
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "perimetre": T["perimetre"],
                "actions": T["actions"],
                "gouvernance": "Premier paragraphe sur la gouvernance.\n"
                "Second paragraphe sur la gouvernance.",
            },
            aside=(("section", "Contexte", "Le pôle est né en 2019 d'un collectif d'habitants."),),
        ),
    )


# --- 32. No-break spaces and typed bullets are kept as typed -------------------------------------
def espaces_insecables_et_puces_tapees() -> Draft:
    w = W()
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["gouvernance"], 1)
    lines = [
        "Nos principes\u00a0: une personne = une voix\u202f; «\u00a0rien sans nous\u00a0»\u202f!",
        "•\tcollège des salariés",
        "• collège des usagers",
        "M.\u00a0Dupont préside le comité.",
    ]
    for line in lines:
        w.p(line)
    w.h(LABELS["financement"], 1)
    money = "Budget\u00a0: 180\u202f000\u00a0€ par an."
    w.p(money)
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "gouvernance": "\n".join(lines),
                "financement": money,
            }
        ),
    )


# --- 33. The application's own export, read back -------------------------------------------------
def export_de_l_application() -> Draft:
    from ptce_assist.docx_export import build_docx
    from ptce_assist.plaintext import DOCUMENT_TITLE, MISSING_MARKER
    from tests.docx.test_roundtrip import TYPOGRAPHY, typographic_dossier

    rubrics = {rid: text for rid, text in TYPOGRAPHY.items() if rid != "objectifs"}
    dossier = typographic_dossier().model_copy(update={"rubrics": rubrics})
    reading = Reading(
        rubrics=rubrics,
        identity={
            "project.name": "Pôle « Val » d’Économie Solidaire",
            "project.region": "Auvergne-Rhône-Alpes",
            "structure.name": "Val Solidaire",
            "structure.address": "12 rue des Lilas\n26100 Romans-sur-Isère",
            "structure.legal_form": "SCIC (société coopérative d'intérêt collectif)",
            "referent.name": "Camille Martin-Lefèvre",
            "referent.role": "Coordinatrice : animation",
            "referent.email": "camille@val-solidaire.fr",
            "referent.phone": "06 12 34 56 78",
        },
        aside=(("modele", "", DOCUMENT_TITLE), ("modele", "", MISSING_MARKER)),
        region="84",
        legal_form="scic",
    )
    return Draft(build_docx(dossier), reading, ())


# --- 34. A typed sommaire without page numbers, then the same titles ------------------------------
def sommaire_sans_numeros() -> Draft:
    w = W()
    w.p("Nom du projet : Terre d'Armor")
    w.p("Région : Bretagne")
    w.p("Sommaire", bold=True)
    entries = ["1. Structure porteuse", "2. Gouvernance", "3. Financement"]
    for entry in entries:
        w.p(entry)
    w.p()
    for entry, rubric_id in zip(entries, ("structure", "gouvernance", "financement"), strict=True):
        w.h(entry, 1)
        w.p(T[rubric_id])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "gouvernance", "financement")},
            identity={"project.name": "Terre d'Armor", "project.region": "Bretagne"},
            aside=(("sommaire", "", "\n".join(["Sommaire", *entries])),),
            region="53",
        ),
    )


# --- 35. A rubric in two parts ("(suite)") --------------------------------------------------------
def rubrique_en_deux_parties() -> Draft:
    w = W()
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["acteurs"], 1)
    w.p(T["acteurs"])
    w.h(LABELS["gouvernance"], 1)
    w.p(T["gouvernance"])
    w.h("Acteurs (suite)", 1)
    more = "Deux organismes de formation ont rejoint le pôle en 2024."
    w.p(more)
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "acteurs": T["acteurs"] + "\n\n" + more,
                "gouvernance": T["gouvernance"],
            }
        ),
    )


# --- 36. Plain capitals without accents; a sentence in capitals stays text -----------------------
def majuscules_sans_accents() -> Draft:
    w = W()
    w.p("DESCRIPTION DE LA STRUCTURE PORTEUSE DU PROJET")
    w.p(T["structure"])
    w.p("DESCRIPTION DU PERIMETRE GEOGRAPHIQUE DU FUTUR PTCE ET DE SON ANCRAGE TERRITORIAL")
    w.p(T["perimetre"])
    shout = "ESS ET QPV : DEUX PRIORITÉS."
    w.p(shout)
    w.p("MODE DE GOUVERNANCE")
    w.p(T["gouvernance"])
    w.p("PERSPECTIVES DE FINANCEMENT")
    w.p(T["financement"])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "perimetre": T["perimetre"] + "\n" + shout,
                "gouvernance": T["gouvernance"],
                "financement": T["financement"],
            }
        ),
    )


# --- 37. An annex after the last rubric -----------------------------------------------------------
def annexe_finale() -> Draft:
    w = W()
    for rubric_id in ("structure", "gouvernance", "financement"):
        w.h(LABELS[rubric_id], 1)
        w.p(T[rubric_id])
    w.p("ANNEXE 1 – Budget prévisionnel détaillé", bold=True)
    w.table(
        [
            ["Poste", "2025", "2026"],
            ["Coordination", "45 000 €", "47 000 €"],
        ]
    )
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "gouvernance", "financement")},
            aside=(
                (
                    "section",
                    "ANNEXE 1 – Budget prévisionnel détaillé",
                    "Poste | 2025 | 2026\nCoordination | 45 000 € | 47 000 €",
                ),
            ),
        ),
    )


# --- 38. Placeholders left in rubrics not yet written ---------------------------------------------
def rubriques_a_completer() -> Draft:
    w = W()
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["objectifs"], 1)
    w.p("À compléter")
    w.h(LABELS["acteurs"], 1)
    w.p("[à rédiger]")
    w.h(LABELS["gouvernance"], 1)
    w.p(T["gouvernance"])
    return _draft(
        w,
        Reading(
            rubrics={rid: T[rid] for rid in ("structure", "gouvernance")},
            aside=(("modele", "", "À compléter"), ("modele", "", "[à rédiger]")),
        ),
    )


# --- 39. The template's plain labels, bold sub-titles inside the answers -------------------------
def modele_rempli_sous_titres_gras() -> Draft:
    w = W()
    w.p(f"{STRUCTURE} {LIMITS['structure']}")
    w.p(T["structure"])
    w.p(f"{ACTEURS} {LIMITS['acteurs']}")
    acteurs = [
        "Entreprises de l'ESS",
        "La recyclerie et le garage solidaire.",
        "Collectivités",
        "La communauté de communes.",
    ]
    for index, line in enumerate(acteurs):
        w.p(line, bold=index % 2 == 0)
    w.p(f"{ACTIONS} {LIMITS['actions']}")
    w.p(T["actions"])
    w.p("Financement des actions", bold=True)  # a sub-title of the answer, not the rubric
    w.p("La recyclerie est financée par ses ventes.")
    w.p(f"{FINANCEMENT} {LIMITS['financement']}")
    w.p(T["financement"])
    return _draft(
        w,
        Reading(
            rubrics={
                "structure": T["structure"],
                "acteurs": "\n".join(acteurs),
                "actions": T["actions"]
                + "\nFinancement des actions\nLa recyclerie est financée par ses ventes.",
                "financement": T["financement"],
            }
        ),
    )


CORPUS: dict[str, Callable[[], Draft]] = {
    fn.__name__: fn
    for fn in (
        titre1_modele_complet,
        gras_numerotation_arabe,
        romains_majuscules,
        lettres_parenthese,
        decimale_chapitres,
        page_de_garde_sommaire_points,
        sommaire_style_tm,
        entetes_pieds_de_page,
        listes_et_puces,
        tableaux_dans_rubriques,
        ordre_libre_rubriques_manquantes,
        intitules_paraphrases_gras,
        limites_tapees_seules,
        signature_fait_a,
        note_surlignee,
        commentaires_word,
        compte_rendu_reunion,
        lettre_de_soutien,
        identite_porteur_referente,
        identite_nom_prenom_deux_lignes,
        identite_contact_une_ligne,
        identite_role_entre_parentheses,
        structure_porteuse_en_gras,
        modele_de_l_appel_rempli,
        sous_titres_gras_dans_rubriques,
        sous_titres_titre2,
        intitule_et_texte_meme_paragraphe,
        actions_et_budget_raccourcis,
        titre_inconnu_entre_deux_rubriques,
        identite_en_tableau_fusionne,
        tableau_de_mise_en_page,
        espaces_insecables_et_puces_tapees,
        export_de_l_application,
        sommaire_sans_numeros,
        rubrique_en_deux_parties,
        majuscules_sans_accents,
        annexe_finale,
        rubriques_a_completer,
        modele_rempli_sous_titres_gras,
    )
}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage : python -m tests.docx.corpus DOSSIER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for index, (name, build) in enumerate(CORPUS.items(), start=1):
        (folder / f"{index:02d}-{name}.docx").write_bytes(build().data)
    print(f"{len(CORPUS)} brouillons écrits dans {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
