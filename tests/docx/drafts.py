"""Word drafts as candidates write them, built with python-docx (one function per format).

Expected texts are written out here by hand: the tests compare the import with them.
"""

from __future__ import annotations

import copy
import io
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# The call's labels, typed as a candidate copies them from the PDF of the call.
STRUCTURE = "Description de la structure porteuse du projet"
OBJECTIFS = (
    "Description des objectifs (en termes de développement d'activité, de création "
    "d'emplois, d'innovation sociale ou de recherche d'utilité sociale, de valorisation des "
    "ressources locales et de l'implication des acteurs du territoire) et de la vision "
    "stratégique du (futur) PTCE"
)
ACTEURS = (
    "Identification et description sommaire des différents acteurs d'ores et déjà impliqués "
    "dans la dynamique collective ou, le cas échéant, susceptibles d'y être impliqués"
)
GOUVERNANCE = "Mode de gouvernance en place ou en perspective pour le (futur) pôle"
PERIMETRE = (
    "Description du périmètre géographique du (futur) PTCE et de son ancrage territorial "
    "intégrant notamment les territoires fragiles"
)
ACTIONS = (
    "Le cas échéant, description sommaire des actions déjà entamées par le PTCE au moment du "
    "dépôt du dossier ou envisagées à court, moyen et long terme"
)
PLAN = "OPTIONNEL en fonction de la maturité du projet : Plan d'action prévisionnel sur 3 ans"
IMPLICATION = (
    "OPTIONNEL en fonction de la maturité du projet : Description de l'implication des "
    "différentes catégories de membres du (futur) PTCE"
)
RESEAU = (
    "OPTIONNEL en fonction de la maturité du projet : perspectives de mise en réseau avec les "
    "autres dispositifs et l'articulation avec les politiques publiques nationales et locales"
)
FINANCEMENT = (
    "Perspectives attendues de financement prévisionnel du (futur) PTCE (simplifié et en "
    "« grandes masse ») en terme de dépenses comme de recettes"
)

TEXTS = {
    "structure": "La SCIC Val Solidaire, créée en 2015, réunit 40 sociétaires.",
    "objectifs": "Créer 12 emplois durables d'ici 2027 et valoriser le réemploi local.",
    "acteurs": "Douze structures de l'ESS, trois entreprises et la communauté de communes.",
    "gouvernance": "Un comité de pilotage de 9 membres, réparti en trois collèges.",
    "perimetre": "La vallée de la Drôme : 28 communes, dont 2 en QPV.",
    "actions": "Une recyclerie ouverte en 2023 ; un atelier vélo en 2025.",
    "plan_action": "Année 1 : diagnostic. Année 2 : essaimage. Année 3 : consolidation.",
    "implication_membres": "Chaque collège désigne ses représentants.",
    "mise_en_reseau": "Membre du réseau des ressourceries et du Labo de l'ESS.",
    "financement": "Budget annuel de 180 000 € : 40 % de recettes propres.",
}


def save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _bold_paragraph(document: Any, text: str) -> Any:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def heading_styles() -> bytes:
    """Word's "Titre 1" headings with the exact labels and limits; identity "Label : valeur"."""
    d = docx.Document()
    d.add_heading("Dossier de candidature AMI", level=0)
    d.add_paragraph("Nom du projet : Recyclerie du Val")
    d.add_paragraph("Région : Auvergne-Rhône-Alpes")
    d.add_paragraph("Structure porteuse du dossier")
    d.add_paragraph("Nom de la structure porteuse : Val Solidaire")
    d.add_paragraph("Adresse : 12 rue des Lilas, 26100 Romans-sur-Isère")
    d.add_paragraph("Forme juridique : SCIC")
    d.add_paragraph("Personne référente du dossier")
    d.add_paragraph("Nom / Prénom : Martin Camille")
    d.add_paragraph("Fonction au sein de la structure porteuse : Coordinatrice")
    d.add_paragraph("Mail : camille@val-solidaire.fr")
    d.add_paragraph("Téléphone portable : 06 12 34 56 78")
    limits = {
        "structure": (STRUCTURE, "1 page maximum"),
        "objectifs": (OBJECTIFS, "1 page maximum"),
        "acteurs": (ACTEURS, "2 pages maximum"),
        "gouvernance": (GOUVERNANCE, "15 lignes maximum"),
        "perimetre": (PERIMETRE, "1/2 page maximum"),
        "actions": (ACTIONS, "1 page maximum"),
        "plan_action": (PLAN, "1 page maximum"),
        "implication_membres": (IMPLICATION, "1 page maximum"),
        "mise_en_reseau": (RESEAU, "1 page maximum"),
        "financement": (FINANCEMENT, "1 page maximum"),
    }
    for rubric_id, (label, limit) in limits.items():
        d.add_heading(f"{label} ({limit})", level=1)
        d.add_paragraph(TEXTS[rubric_id])
    return save(d)


def bold_labels() -> bytes:
    """Bold paragraphs instead of headings, other case, no limits; bold "Label :" runs."""
    d = docx.Document()
    for label, value in (
        ("Nom du projet", "Le Damier"),
        ("Région", "Occitanie"),
        ("Nom de la structure porteuse", "Association Le Damier"),
        ("Forme juridique", "Association loi 1901"),
        ("Nom / Prénom", "Durand Léa"),
        ("Mail", "lea@ledamier.org"),
    ):
        p = d.add_paragraph()
        p.add_run(f"{label} :").bold = True
        p.add_run(f" {value}")
    _bold_paragraph(d, STRUCTURE.upper())
    d.add_paragraph(TEXTS["structure"])
    _bold_paragraph(d, "description des objectifs et de la vision stratégique du futur PTCE")
    d.add_paragraph(TEXTS["objectifs"])
    _bold_paragraph(d, "Gouvernance")
    d.add_paragraph(TEXTS["gouvernance"])
    _bold_paragraph(d, "Financement prévisionnel")
    d.add_paragraph(TEXTS["financement"])
    return save(d)


def tables() -> bytes:
    """Identity in a two-column table; each heading in a table cell, its text beside it."""
    d = docx.Document()
    identity = d.add_table(rows=0, cols=2)
    for label, value in (
        ("Structure porteuse du dossier", None),
        ("Nom de la structure porteuse", "Solilab"),
        ("Adresse", "8 rue Saint-Domingue\n44200 Nantes"),
        ("Forme juridique", "SCIC"),
        ("Personne référente du dossier", None),
        ("Nom / Prénom", "Bernard Hugo"),
        ("Téléphone portable", "06 98 76 54 32"),
    ):
        row = identity.add_row().cells
        if value is None:
            row[0].merge(row[1]).paragraphs[0].add_run(label).bold = True
            continue
        row[0].text = label
        lines = value.split("\n")
        row[1].text = lines[0]
        for line in lines[1:]:
            row[1].add_paragraph(line)
    d.add_paragraph()
    layout = d.add_table(rows=0, cols=2)
    for rubric_id, label in (
        ("structure", STRUCTURE),
        ("perimetre", PERIMETRE),
        ("actions", ACTIONS),
    ):
        row = layout.add_row().cells
        row[0].paragraphs[0].add_run(label).bold = True
        row[1].text = TEXTS[rubric_id]
    row = layout.add_row().cells
    row[0].text = GOUVERNANCE + " (15 lignes maximum)"
    row[1].text = "Premier paragraphe."
    row[1].add_paragraph("Second paragraphe.")
    return save(d)


def numbered_titles() -> bytes:
    """Typed numbering, no accents, typos, limits written differently, bullets as headings."""
    d = docx.Document()
    d.add_paragraph("1. DESCRIPTION DE LA STRUCTURE PORTEUSE DU PROJET – 1 page max")
    d.add_paragraph(TEXTS["structure"])
    d.add_paragraph(
        "2) Description des objectifs (en termes de developpement d'activite, de "
        "creation d'emplois, d'innovation sociale ou de recherche d'utilite sociale, "
        "de valorisation des ressources locales et de l'implication des acteurs du "
        "territoire) et de la vision strategique du futur PTCE : 1 page"
    )
    d.add_paragraph(TEXTS["objectifs"])
    d.add_paragraph(
        "III - Mode de gouvernance en place ou en perspective pour le futur pole (15 lignes)"
    )
    d.add_paragraph(TEXTS["gouvernance"])
    d.add_paragraph(
        "a) Description du perimetre geographique du futur PTCE et de son ancrage "
        "territorial integrant notamment les territoires fragiles (une demi-page)"
    )
    d.add_paragraph(TEXTS["perimetre"])
    d.add_paragraph("Rubrique 7 : Plan d’action prévisionnel sur 3 ans (optionnel)")
    d.add_paragraph(TEXTS["plan_action"])
    return save(d)


def missing_rubrics() -> bytes:
    """Only three rubrics written; the others are absent."""
    d = docx.Document()
    d.add_heading(STRUCTURE, level=2)
    d.add_paragraph(TEXTS["structure"])
    d.add_heading(ACTEURS + " (2 pages maximum)", level=2)
    d.add_paragraph(TEXTS["acteurs"])
    d.add_heading(FINANCEMENT, level=2)
    d.add_paragraph(TEXTS["financement"])
    return save(d)


def extra_sections() -> bytes:
    """Chapters the call does not ask for, between rubrics and at the end."""
    d = docx.Document()
    d.add_heading(STRUCTURE, level=1)
    d.add_paragraph(TEXTS["structure"])
    d.add_heading("Contexte et historique du projet", level=1)
    d.add_paragraph("Tout a commencé par un repair café en 2012.")
    d.add_heading(GOUVERNANCE, level=1)
    d.add_paragraph(TEXTS["gouvernance"])
    d.add_heading("Nos instances", level=2)  # a sub-heading inside the rubric: kept in it
    d.add_paragraph("Assemblée générale annuelle.")
    d.add_heading(FINANCEMENT, level=1)
    d.add_paragraph(TEXTS["financement"])
    _bold_paragraph(d, "ANNEXE 2 – Statuts de la SCIC")
    d.add_paragraph("Article 1 : forme.")
    return save(d)


def extra_sections_gouvernance() -> str:
    """What `extra_sections` gives for the gouvernance rubric (its level-2 heading kept)."""
    return TEXTS["gouvernance"] + "\nNos instances\nAssemblée générale annuelle."


def split_rubric() -> bytes:
    """A rubric over several paragraphs, with blank lines, a Word list, a manual line break,
    a table of figures, and a second heading "(suite)" later on."""
    d = docx.Document()
    d.add_heading(ACTEURS, level=1)
    d.add_paragraph("Premier paragraphe sur les acteurs.")
    d.add_paragraph("")
    p = d.add_paragraph("Deuxième paragraphe,")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("suite après un retour à la ligne.")
    d.add_paragraph("Entreprises de l'ESS", style="List Bullet")
    d.add_paragraph("Collectivités", style="List Bullet")
    d.add_paragraph("Commune de Die", style="List Number")
    d.add_paragraph("Communauté de communes", style="List Number")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Collège"
    table.cell(0, 1).text = "Voix"
    table.cell(1, 0).text = "Salariés"
    table.cell(1, 1).text = "30 %"
    d.add_heading(GOUVERNANCE, level=1)
    d.add_paragraph(TEXTS["gouvernance"])
    d.add_heading("Identification des acteurs (suite)", level=1)
    d.add_paragraph("Troisième paragraphe, après la gouvernance.")
    return save(d)


def text_before_first_heading() -> bytes:
    """An introduction and the template's own sentences before the first rubric."""
    d = docx.Document()
    d.add_paragraph("Annexe 1 : Dossier de candidature AMI")
    d.add_paragraph(
        "Un exercice de concision est expressément demandé au porteur de projet qui complète "
        "le présent dossier. Ce dossier sera aussi jugé sur la capacité à synthétiser les points "
        "saillants et à ne pas excéder les volumes d'écriture demandés pour chacune des "
        "rubriques à renseigner."
    )
    d.add_paragraph("Brouillon v3 – relu par le CA le 12 mars.")
    d.add_paragraph("À compléter : chiffres 2023.")
    d.add_heading(STRUCTURE + " (1 page maximum)", level=1)
    d.add_paragraph(TEXTS["structure"])
    d.add_paragraph("Aucune annexe complémentaire n'est attendue pour les candidats")
    return save(d)


def template_italics() -> bytes:
    """The call's template itself: italic headings, "Nom / Prénom" with the value below."""
    d = docx.Document()

    def italic(text: str) -> None:
        d.add_paragraph().add_run(text).italic = True

    italic("Nom du projet")
    d.add_paragraph("Auton'Homme")
    italic("Région")
    d.add_paragraph("Grand Est")
    italic("Structure porteuse du dossier")
    d.add_paragraph("Nom de la structure porteuse : Auton'Homme")
    d.add_paragraph("Forme juridique : Association de droit local")
    italic("Personne référente du dossier")
    d.add_paragraph("Nom / Prénom")
    d.add_paragraph("Petit Jeanne")
    d.add_paragraph("Mail :")
    d.add_paragraph("jeanne@autonhomme.fr")
    italic(STRUCTURE + " (1 page maximum)")
    d.add_paragraph(TEXTS["structure"])
    italic(OBJECTIFS + " (1 page maximum)")
    d.add_paragraph(TEXTS["objectifs"])
    d.add_paragraph(PERIMETRE + " (1/2 page maximum)")  # plain, as in the template
    d.add_paragraph(TEXTS["perimetre"])
    d.add_paragraph(
        FINANCEMENT + " (1 page maximum – Possibilité d'ajouter un budget en annexe (budget "
        "annuel type ou budget sur 3 ans au choix du déposant)"
    )
    d.add_paragraph(TEXTS["financement"])
    return save(d)


def heading_and_text_inline() -> bytes:
    """The heading in bold at the start of the paragraph that holds the text."""
    d = docx.Document()
    for rubric_id, label in (("gouvernance", GOUVERNANCE), ("perimetre", PERIMETRE)):
        p = d.add_paragraph()
        p.add_run(label + " :").bold = True
        p.add_run(" " + TEXTS[rubric_id])
    d.add_paragraph("Mise en réseau : " + TEXTS["mise_en_reseau"])  # plain: not a heading
    return save(d)


def word_markup() -> bytes:
    """Content controls, tracked changes, a hyperlink and a page break, as Word writes them."""
    d = docx.Document()
    d.add_heading(STRUCTURE, level=1)
    p = d.add_paragraph("La SCIC ")
    body = p._p
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "1")
    ins.set(qn("w:author"), "Relecteur")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Val Solidaire"
    run.append(text)
    ins.append(run)
    body.append(ins)
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "2")
    deleted.set(qn("w:author"), "Relecteur")
    drun = OxmlElement("w:r")
    dtext = OxmlElement("w:delText")
    dtext.text = " (ancien nom)"
    drun.append(dtext)
    deleted.append(drun)
    body.append(deleted)
    link = OxmlElement("w:hyperlink")
    lrun = OxmlElement("w:r")
    ltext = OxmlElement("w:t")
    ltext.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    ltext.text = " (voir valsolidaire.fr)."
    lrun.append(ltext)
    link.append(lrun)
    body.append(link)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # A block content control (w:sdt) around a heading and its text.
    d.add_heading(GOUVERNANCE, level=1)
    d.add_paragraph(TEXTS["gouvernance"])
    body_el = d.element.body
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    sdt.append(content)
    last_two = list(body_el)[-3:-1]  # heading + text (before sectPr)
    body_el.insert(body_el.index(last_two[0]), sdt)
    for element in last_two:
        content.append(copy.deepcopy(element))
        body_el.remove(element)
    return save(d)


DRAFTS = {
    "heading_styles": heading_styles,
    "bold_labels": bold_labels,
    "tables": tables,
    "numbered_titles": numbered_titles,
    "missing_rubrics": missing_rubrics,
    "extra_sections": extra_sections,
    "split_rubric": split_rubric,
    "text_before_first_heading": text_before_first_heading,
    "template_italics": template_italics,
    "heading_and_text_inline": heading_and_text_inline,
    "word_markup": word_markup,
}
