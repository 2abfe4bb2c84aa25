"""The diagnostic agrees with a careful CRESS adviser on a corpus of realistic dossiers.

Each file of `dossiers/` is a JSON backup with real French rubric texts. The expected verdicts
below were written from the call's text (shared/reference/ami-ptce-2024-cahier-des-charges.md)
and the domain notes BEFORE the diagnostic was run on them, and committed on their own; the
test asks for every verdict to be equal.

How the call's rules were read (they apply to every dossier):
- « Tout dossier incomplet ne sera pas recevable » (§5.c.i): an identity field of Annexe 1 or a
  mandatory rubric that is empty, or that only holds a placeholder (« à compléter », « TODO »,
  « [à rédiger] », lorem ipsum, « xxx », a mere reference to an annex, or the rubric's own
  title), is missing. A placeholder inside a rubric that otherwise has real content is not a
  missing element but something to finish (« a_finir »).
- Volumes (Annexe 1): the call judges concision (« Ce dossier sera aussi jugé sur la capacité
  … à ne pas excéder les volumes »); it does not make a dossier inadmissible.
- Carrier (§4): « une personne morale de droit privé, constituée sous la forme de coopérative,
  d'association, ou de société commerciale bénéficiaire de l'agrément ESUS ». A public body, a
  GIE (neither coopérative, association nor société commerciale), an entreprise individuelle (a
  natural person) and a structure not yet created are « non_eligible ». A commercial company
  without the agrément keeps the code « esus_requis »; an ESS form that the call does not name
  (fondation, fonds de dotation, mutuelle) is « a_verifier ».
- Governance (§4): « doivent être démocratiques »: a « non » to an essential question makes
  the governance « insuffisante », and the dossier not eligible.
- Majority (§5.c.ii): 4 of the 7 criteria, « oui » or « à moyen terme ».
- Fragile territories (§3, §5.a): « une attention particulière », never a condition.
- Overall (« ensemble »): non_eligible if the carrier cannot carry (public body, GIE, natural
  person, not created, commercial company that has not asked for ESUS), the governance is
  insuffisante or the majority cannot be reached; otherwise incomplet if not admissible;
  otherwise a_verifier if the carrier or the majority is still to be confirmed; else eligible.

Borderline cases, and how they were decided:
- 08 SASU with the ESUS agrément « en cours »: not yet « bénéficiaire de l'agrément »; it will
  be once granted, so « a_verifier », not « non_eligible » (the call is permanent: file once
  the agrément is obtained).
- 09 SAS that has not asked for the agrément: the call names only companies « bénéficiaire de
  l'agrément ESUS »: not eligible as things stand.
- 10 SARL whose ESUS state is not given: « a_verifier » until it is said.
- 19 and 20: the stored legal form is a raw value that is not an id of the list
  (« etablissement_public », « gie », e.g. from a hand-edited backup). The adviser reads the
  words: an établissement public and a GIE cannot carry, so « non_eligible », and the list's
  form is suggested. The field is filled, so admissibility is not affected.
- 21 legal form « association » but the structure rubric says the carrier is « un collectif
  informel », « pas encore déclaré »: the two disagree; the adviser cannot tell which is true,
  so « a_verifier » (not « non_eligible ») with the reason.
- 22 « Issue d'un collectif informel …, l'association a été déclarée en préfecture en 2019 »:
  history, the carrier is a declared association: eligible.
- 23 « porte le dossier du PTCE en cours de création »: the pole is being created, not the
  carrier: eligible.
- 24 the association « accompagne un collectif informel » and works « avec une association en
  cours de création »: those are partners, not the carrier: eligible.
- 25 the carrier's name itself says « association en cours de création »: « a_verifier ».
- 26, 27 no legal form chosen: the identity field is missing (incomplet); the structure rubric
  says « SCIC SAS » / « SCOP SARL »: the cooperative is suggested (a SCIC SAS is a
  coopérative, not a société commerciale needing ESUS).
- 30 a périmètre that only repeats its title is missing; declared fragile territories cannot
  be found in it (« a_completer »).
- 31 « Voir le budget prévisionnel en annexe. »: the call allows a budget in annex but the
  rubric must still give the « grandes masses »: missing.
- 32 « XXX emplois » inside a full rubric: admissible, but to finish.
- 34 « ne compte aucun QPV et n'est pas classé FRR »: negations, nothing to declare; « ont
  perdu leur dernier commerce » is not an industrial decline.
- 35 « le bassin de Longwy, qui a perdu ses mines et la plupart de ses aciéries »: a
  désindustrialisé basin described by its history: to declare.
- 36 « n'agit que dans des quartiers prioritaires »: « ne … que » restricts, it does not
  negate: QPV to declare.
- 41 an emerging pole answering every criterion « à moyen terme », with actors and governance
  still « en projet »: the call accepts a perspective « à moyen terme »: eligible.
- 43 « St-Herblain » in the text, « Saint-Herblain » declared: the same commune.
- 44 « implanté hors QPV » and « aucune commune … n'est classée en zone de revitalisation
  rurale »: negations, nothing to declare.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ptce_assist.backup import read_backup
from ptce_assist.call import load_call
from ptce_assist.eligibility.report import CheckReport, check_report
from ptce_assist.volumes import rubric_measure
from tests.eligibility.conftest import MANDATORY
from tests.eligibility.test_recevabilite import IDENTITY_PATHS

DOSSIERS = Path(__file__).parent / "dossiers"
IDENTITY = IDENTITY_PATHS

# The verdicts of a sound dossier; each entry below says how a dossier differs from it.
SOUND: dict[str, Any] = {
    "ensemble": "eligible",
    "recevabilite": "recevable",
    "porteur": "eligible",
    "gouvernance": "democratique",
    "acteurs": "conforme",
    "eligibilite": "eligible",
    "territoires": "coherent",
    "manquants": [],
    "a_finir": [],
    "trop_longues": [],
    "forme_suggeree": "",
    "territoires_non_declares": [],
}

EXPECTED: dict[str, dict[str, Any]] = {
    # --- every legal form of the call ---------------------------------------------------------
    "01-association-recyclerie": {},
    "02-association-droit-local-alsace": {"territoires": "aucun"},
    "03-scop-batiment-bassin-minier": {},
    "04-scic-textile-roubaix": {},  # QPV « Épeule – Alma » named « l'Épeule – Alma »
    "05-cae-longwy": {},
    "06-sas-esus-obtenu-nantes": {},
    "07-cuma-creuse": {},
    "08-sasu-esus-en-cours": {"ensemble": "a_verifier", "porteur": "esus_requis"},
    "09-sas-sans-esus": {"ensemble": "non_eligible", "porteur": "esus_requis"},
    "10-sarl-esus-non-renseigne": {"ensemble": "a_verifier", "porteur": "esus_requis"},
    "11-sa-esus-obtenu": {},
    "12-fondation": {"ensemble": "a_verifier", "porteur": "a_verifier"},
    "13-fonds-de-dotation": {"ensemble": "a_verifier", "porteur": "a_verifier"},
    "14-mutuelle": {"ensemble": "a_verifier", "porteur": "a_verifier", "territoires": "aucun"},
    "15-commune-porteuse": {"ensemble": "non_eligible", "porteur": "non_eligible"},
    "16-structure-pas-encore-creee": {"ensemble": "non_eligible", "porteur": "non_eligible"},
    "17-gie": {"ensemble": "non_eligible", "porteur": "non_eligible"},
    "18-entreprise-individuelle": {"ensemble": "non_eligible", "porteur": "non_eligible"},
    "19-etablissement-public-valeur-brute": {
        "ensemble": "non_eligible",
        "porteur": "non_eligible",
        "forme_suggeree": "personne_publique",
    },
    "20-gie-valeur-brute": {
        "ensemble": "non_eligible",
        "porteur": "non_eligible",
        "forme_suggeree": "groupement_interet_economique",
    },
    # --- what the dossier itself says about the carrier ----------------------------------------
    "21-association-mais-collectif-informel": {"ensemble": "a_verifier", "porteur": "a_verifier"},
    "22-association-issue-d-un-collectif": {},
    "23-association-ptce-en-creation": {},
    "24-association-partenaire-informel": {},
    "25-nom-en-cours-de-creation": {
        "ensemble": "a_verifier",
        "porteur": "a_verifier",
        "territoires": "aucun",
    },
    "26-forme-vide-texte-scic": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["structure.legal_form"],
        "porteur": "a_verifier",
        "forme_suggeree": "scic",
    },
    "27-forme-vide-texte-scop-sarl": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["structure.legal_form"],
        "porteur": "a_verifier",
        "forme_suggeree": "scop",
    },
    # --- placeholders -------------------------------------------------------------------------
    "28-financement-a-completer": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["financement"],
        "territoires": "aucun",
    },
    "29-plusieurs-textes-d-attente": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["objectifs", "acteurs", "gouvernance"],
    },
    "30-perimetre-repete-son-intitule": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["perimetre"],
        "territoires": "a_completer",
    },
    "31-financement-voir-annexe": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["financement"],
    },
    "32-objectifs-avec-un-xxx": {"a_finir": ["objectifs"]},
    "33-referent-a-completer": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": ["referent.role", "referent.phone"],
    },
    # --- fragile territories ------------------------------------------------------------------
    "34-perimetre-negations": {"territoires": "aucun"},
    "35-bassin-decrit-par-son-histoire": {
        "territoires": "a_declarer",
        "territoires_non_declares": ["bassin_desindustrialise"],
    },
    "36-ne-que-dans-des-qpv": {
        "territoires": "a_declarer",
        "territoires_non_declares": ["qpv"],
    },
    # --- volumes, majority, governance --------------------------------------------------------
    "37-gouvernance-trop-longue": {"trop_longues": ["gouvernance"]},
    "38-majorite-non-atteinte": {"ensemble": "non_eligible", "eligibilite": "non_eligible"},
    "39-majorite-pas-encore-renseignee": {"ensemble": "a_verifier", "eligibilite": "incomplet"},
    "40-gouvernance-non-democratique": {"ensemble": "non_eligible", "gouvernance": "insuffisante"},
    "41-emergence-tout-a-moyen-terme": {
        "gouvernance": "en_perspective",
        "acteurs": "en_perspective",
    },
    "42-dossier-vide": {
        "ensemble": "incomplet",
        "recevabilite": "incomplet",
        "manquants": [*IDENTITY, *MANDATORY],
        "porteur": "a_verifier",
        "gouvernance": "a_renseigner",
        "acteurs": "vide",
        "eligibilite": "incomplet",
        "territoires": "aucun",
    },
    "43-commune-abregee-st": {},
    "44-hors-qpv-et-aucune-zrr": {"territoires": "aucun"},
    "45-qpv-declare-non-nomme": {"territoires": "a_completer"},
}


def observed(report: CheckReport) -> dict[str, Any]:
    """The verdicts of the report, in the shape of the expectations."""
    seen: dict[str, Any] = {v.topic: v.code for v in report.verdicts}
    seen["manquants"] = [item.id for item in report.admissibility.missing]
    seen["a_finir"] = [item.id for item in report.admissibility.unfinished]
    seen["trop_longues"] = [item.id for item in report.admissibility.over_limit]
    seen["forme_suggeree"] = report.porteur.suggested_form
    seen["territoires_non_declares"] = sorted({m.kind for m in report.territories.undeclared})
    return seen


def test_the_corpus_is_large_and_covers_every_legal_form() -> None:
    files = sorted(p.stem for p in DOSSIERS.glob("*.json"))
    assert files == sorted(EXPECTED)
    assert len(files) >= 30
    forms = {read_backup(p.read_bytes()).structure.legal_form for p in DOSSIERS.glob("*.json")}
    assert {f.id for f in load_call().legal_forms} <= forms


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_verdict_equals_the_advisers(name: str) -> None:
    dossier = read_backup((DOSSIERS / f"{name}.json").read_bytes())
    report = check_report(dossier, rubric_measure(dossier), load_call())
    assert observed(report) == SOUND | EXPECTED[name]
