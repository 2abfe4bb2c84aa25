"""The whole candidate journey in a real Chromium, as a person does it: a new dossier, the
identity, every rubric typed in French (one past its limit), eligibility answers, the actors
table, the self-assessment, the budget; then the DOCX downloaded, opened with python-docx and
converted by LibreOffice (page count checked), the JSON backup downloaded, and the link
reloaded in a fresh browser: everything is there. Screenshots of each page go to
tests/artifacts/ (git-ignored, kept by CI).

Runs in CI: PTCE_REQUIRE_BROWSER=1 makes a missing Chromium fail, PTCE_REQUIRE_ORACLES=1 a
missing LibreOffice.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import docx
import pytest

from ptce_assist.backup import read_backup
from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.presets import get_preset
from tests.browser.conftest import screenshot
from tests.browser.person import Person, stored_dossier
from tests.browser.server import AppServer
from tests.browser.tables import cell
from tests.browser.waits import expect_run
from tests.conftest import require_or_skip

pytestmark = [pytest.mark.browser, pytest.mark.oracle]

CALL = load_call()
SENTENCE = (
    "Le pôle « Val solidaire » réunit une recyclerie, une SCIC de mobilité et la communauté de "
    "communes ; il vise 12 emplois d'ici 2027 et 100 000 € d'activité nouvelle !"
)
RUBRIC_TEXTS = {
    rubric.id: f"{rubric.short_fr} : {SENTENCE}\n- premier point ; second point.\n{SENTENCE}"
    for rubric in CALL.rubrics
}
# Gouvernance is limited to 15 lines: 20 paragraphs are past it.
OVER_LIMIT = "gouvernance"
RUBRIC_TEXTS[OVER_LIMIT] = "\n".join(
    f"Collège {n} : une personne = une voix ; les salariés siègent au conseil." for n in range(20)
)
IDENTITY = {
    "Nom du projet": "Pôle territorial « Val solidaire »",
    "Nom de la structure porteuse": "Association Terres du Val",
    "Adresse": "12 rue des Écoles\n26150 Die",
    "Nom / Prénom": "Camille Léger",
    "Fonction au sein de la structure porteuse": "Coordinatrice",
    "Mail": "camille.leger@example.org",
    "Téléphone portable": "06 12 34 56 78",
}
SELECTS = {
    "Région": "Auvergne-Rhône-Alpes",
    "Stade de maturité du projet": "Émergence",
    "Forme juridique": "Association loi 1901",
}


def _go(person: Person, path: str) -> None:
    person.open(path)


def _stored(server: AppServer, token: str) -> Dossier:
    return stored_dossier(server, token)


def _typography_folded(text: str) -> str:
    """The export sets French typography (no-break spaces, curly apostrophes): fold it back."""
    return re.sub(r"[\u00a0\u202f ]+", " ", text).replace("\u2019", "'")


def _pdf_pages(docx_path: Path, out_dir: Path) -> int:
    soffice = shutil.which("soffice")
    require_or_skip(soffice is not None, "PTCE_REQUIRE_ORACLES", "LibreOffice introuvable")
    assert soffice is not None
    profile = f"file:///tmp/ptce-journey-{uuid.uuid4().hex}"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    import pdfplumber

    with pdfplumber.open(out_dir / (docx_path.stem + ".pdf")) as pdf:
        return len(pdf.pages)


def test_full_journey(app_server: AppServer, new_page: Any, tmp_path: Path) -> None:
    server = app_server
    person = Person(new_page(), server)
    page = person.page
    person.open("")
    screenshot(page, "journey-01-accueil")
    token = person.create_dossier()

    # Identity: choices, then every field typed key by key (no need to leave a field)
    for label, option in SELECTS.items():
        person.choose(label, option)
    for label, text in IDENTITY.items():
        person.type_in(label, text)
    person.type_in("Numéro RNA", "W261234567")
    person.eventually_stored(
        lambda d: (
            d.structure.rna == "W261234567" and d.referent.phone == IDENTITY["Téléphone portable"]
        ),
        "l'identité tapée",
    )
    screenshot(page, "journey-02-identite")
    dossier = _stored(server, token)
    assert dossier.project.name == IDENTITY["Nom du projet"]
    assert dossier.structure.address == IDENTITY["Adresse"]
    assert dossier.referent.phone == IDENTITY["Téléphone portable"]
    assert dossier.project.region and dossier.structure.legal_form and dossier.maturity
    assert dossier.structure.rna == "W261234567"

    # Every rubric: the first three typed key by key, the others pasted as a whole (as one
    # pastes from a word processor); each one left by the sidebar right after typing.
    for index, rubric in enumerate(CALL.rubrics):
        if index == 0:
            _go(person, rubric.id)
        area = page.get_by_label("Votre texte")
        area.click()
        if index < 3:
            page.keyboard.type(RUBRIC_TEXTS[rubric.id])
        else:
            page.keyboard.insert_text(RUBRIC_TEXTS[rubric.id])
        screenshot(page, f"journey-03-rubrique-{rubric.id}")
        following = CALL.rubrics[index + 1] if index + 1 < len(CALL.rubrics) else None
        if following is not None:
            person.go_by_sidebar(following.short_fr, following.id)
    dossier = person.eventually_stored(lambda d: d.rubrics == RUBRIC_TEXTS, "les rubriques")
    assert dossier.rubrics == RUBRIC_TEXTS
    _go(person, "recapitulatif")
    screenshot(page, "journey-04-recapitulatif")

    # Eligibility: the 7 criteria
    _go(person, "eligibilite")
    criteria = len(CALL.eligibility_criteria)
    for n in range(criteria):
        person.choose("Réponse", "Oui" if n < 5 else "À moyen terme", nth=n)
    person.type_in("Justification (une phrase)", "Trois structures de l'ESS et une entreprise.")
    person.wait_field_saved("Justification (une phrase)")
    screenshot(page, "journey-05-eligibilite")
    dossier = _stored(server, token)
    answers = [c.answer for c in dossier.diagnostic.criteria.values()]
    assert sorted(answers) == sorted(["oui"] * 5 + ["moyen_terme"] * (criteria - 5))

    # Actors: three legal persons of the three kinds the decree asks for
    _go(person, "acteurs-du-pole")
    names = ["Recyclerie du Val", "Garage Martin SARL", "Mairie de Die"]
    for row, name in enumerate(names, start=1):
        if row > 1:
            page.get_by_role("button", name="Ajouter une ligne").click()  # focuses the new row
        else:
            cell(page, "Acteurs du pôle", "Nom", 1).click()
        page.keyboard.type(name)
    dossier = person.eventually_stored(
        lambda d: [a.name for a in d.diagnostic.actors] == names, "les acteurs"
    )
    assert [a.name for a in dossier.diagnostic.actors] == [
        "Recyclerie du Val",
        "Garage Martin SARL",
        "Mairie de Die",
    ]
    screenshot(page, "journey-06-acteurs")

    # Self-assessment: the 12 selection criteria
    _go(person, "autoevaluation")
    notes = page.get_by_label(re.compile(r"^Note du candidat"))
    notes.nth(11).wait_for()
    count = notes.count()
    assert count == 12
    for n in range(count):
        box = notes.nth(n)
        box.scroll_into_view_if_needed()
        box.click()
        with expect_run(page):
            page.get_by_role("option", name="2 — présent", exact=True).click()
    screenshot(page, "journey-07-autoevaluation")
    dossier = person.eventually_stored(
        lambda d: (
            len([s for s in d.diagnostic.self_assessment.candidate.values() if str(s.score) == "2"])
            == 12
        ),
        "les notes",
    )

    # Budget: one expense, two resources, balanced
    _go(person, "budget")
    for caption, row, text in (
        ("Dépenses", 1, "150 000"),
        ("Ressources", 1, "100 000 €"),
        ("Ressources", 2, "50 000"),
    ):
        cell(page, caption, "N (€)", row).click()
        page.keyboard.type(text)
    dossier = person.eventually_stored(
        lambda d: d.budget.resource_totals()[0] == 15_000_000, "le budget"
    )
    assert dossier.budget.expense_totals()[0] == dossier.budget.resource_totals()[0] == 15_000_000
    page.get_by_text("Budget équilibré chaque année").wait_for()
    screenshot(page, "journey-08-budget")

    # Export: the over-limit rubric is flagged, the DOCX downloads and opens
    _go(person, "export")
    page.get_by_text(
        "La rubrique « Gouvernance » dépasse sa limite (15 lignes maximum) : 20 lignes pour 15"
    ).wait_for()
    screenshot(page, "journey-09-export")
    # Over a limit: the export asks first, naming the rubric; the document stays unmarked
    page.get_by_text("La rubrique « Gouvernance » dépasse sa limite. L'appel demande").wait_for()
    assert page.get_by_role("button", name="Document Word (.docx)").is_disabled()
    with expect_run(page):
        page.get_by_text("J'ai vu le dépassement et je veux exporter").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Document Word (.docx)").click()
    docx_path = tmp_path / info.value.suggested_filename
    info.value.save_as(docx_path)
    assert docx_path.name == "Pole-territorial-Val-solidaire-dossier-AMI-PTCE.docx"
    document = docx.Document(io.BytesIO(docx_path.read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    flat = _typography_folded(body)
    assert "dépasse" not in body and "limite dépassée" not in body.lower()  # never marked
    for rubric in CALL.rubrics:
        assert rubric.label.split(" (")[0][:40] in body, rubric.id
        first = RUBRIC_TEXTS[rubric.id].split("\n")[0]
        assert _typography_folded(first) in flat, rubric.id
    assert "Collège 19 : une personne = une voix" in flat
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"Association Terres du Val", "Camille Léger", "camille.leger@example.org"} <= cells

    # LibreOffice renders it; its page count lies within what the texts alone require
    pages = _pdf_pages(docx_path, tmp_path)
    preset = get_preset("arial11")
    body_lines = sum(layout_text(t, "arial11").line_count for t in RUBRIC_TEXTS.values())
    # at least the rubric texts; at most those plus, per rubric, a heading of up to 6 lines
    # and a blank, plus 60 lines of title, identity table and budget annex
    low = math.ceil(body_lines / preset.lines_per_page)
    high = math.ceil((body_lines + 7 * len(CALL.rubrics) + 60) / preset.lines_per_page) + 1
    assert low <= pages <= high, (pages, low, high)

    # JSON backup from the recapitulation page
    _go(person, "recapitulatif")
    with page.expect_download() as info:
        page.get_by_role("button", name="Télécharger une sauvegarde (.json)").click()
    json_path = tmp_path / info.value.suggested_filename
    info.value.save_as(json_path)
    backup = read_backup(json_path.read_bytes())
    stored = _stored(server, token)
    assert backup == stored
    assert backup.rubrics == RUBRIC_TEXTS
    assert backup.project.name == IDENTITY["Nom du projet"]
    assert len(backup.diagnostic.actors) == 3
    assert backup.budget.expense_totals()[0] == 15_000_000

    # The link, reloaded in a fresh browser (another person, no session): everything is there
    reader = Person(new_page(), server, token)
    other = reader.page
    _go(reader, "")
    screenshot(other, "journey-10-reload-accueil")
    _go(reader, "identite")
    for label, text in IDENTITY.items():
        assert other.get_by_label(label, exact=True).input_value() == text, label
    for rubric in CALL.rubrics:
        _go(reader, rubric.id)
        assert other.get_by_label("Votre texte").input_value() == RUBRIC_TEXTS[rubric.id]
    _go(reader, "acteurs-du-pole")
    graph = other.locator("[data-testid='stGraphVizChart'] svg")
    graph.wait_for()
    labels = [t.text_content() for t in graph.locator("text").all()]
    assert {"Recyclerie du Val", "Garage Martin SARL", "Mairie de Die"} <= set(labels)
    _go(reader, "budget")
    other.get_by_text("Budget équilibré chaque année").wait_for()
    screenshot(other, "journey-11-reload-budget")
