"""Plain text for the clipboard, and the .txt / .md exports of the whole dossier."""

from __future__ import annotations

from ptce_assist.dossier import Dossier
from ptce_assist.plaintext import (
    dossier_markdown,
    dossier_text,
    md_escape_block,
    rubric_plaintext,
)
from tests.docx.test_export import full


def test_rubric_plaintext_is_the_typed_text_without_invisible_characters() -> None:
    typed = "Objectif\u00a0: 100\u202f000\u00a0€ ;\r\n- point\u200b un\n\n\u00adfin\ufeff  "
    dossier = Dossier(rubrics={"objectifs": typed})
    assert rubric_plaintext(dossier, "objectifs") == "Objectif : 100 000 € ;\n- point un\n\nfin  "


def test_rubric_plaintext_keeps_typed_text_unchanged() -> None:
    typed = "l'équipe dit « oui » : 12 emplois !\n\n  - retrait gardé\n\tTabulation"
    assert rubric_plaintext(Dossier(rubrics={"actions": typed}), "actions") == typed
    assert rubric_plaintext(Dossier(), "actions") == ""


def test_dossier_text_follows_annex_1() -> None:
    text = dossier_text(full())
    assert text.startswith(
        "Dossier de candidature AMI PTCE\n"
        "\n"
        "Nom du projet : Pôle « Val » d’Économie Solidaire\n"
        "Région : Auvergne-Rhône-Alpes\n"
        "\n"
        "Structure porteuse du dossier\n"
        "Nom de la structure porteuse : Val Solidaire\n"
        "Adresse : 12 rue des Lilas\n26100 Romans-sur-Isère\n"
        "Forme juridique : SCIC (société coopérative d'intérêt collectif)\n"
    )
    assert (
        "\nMode de gouvernance en place ou en perspective pour le (futur) pôle "
        "(15 lignes maximum)\n\nTrois collèges" in text
    )
    assert text.index("Description de la structure porteuse") < text.index("Perspectives attendues")
    assert text.endswith("Département 28 000 €.\n")


def test_dossier_text_marks_missing_mandatory_rubrics_and_skips_empty_optional_ones() -> None:
    text = dossier_text(Dossier(rubrics={"structure": "Texte."}))
    assert text.count("[Rubrique obligatoire non renseignée]") == 5
    assert "OPTIONNEL" not in text
    assert "Le cas échéant" not in text


def test_markdown_escapes_user_text_and_keeps_line_breaks() -> None:
    typed = (
        "# pas un titre\n*pas d'italique* <script>x</script>\n1. pas une liste\n\n    pas du code"
    )
    assert md_escape_block(typed) == (
        "\\# pas un titre\\\n"
        "\\*pas d'italique\\* \\<script\\>x\\</script\\>\\\n"
        "1\\. pas une liste\n"
        "\n"
        "&#32;&#32;&#32;&#32;pas du code"
    )


def test_dossier_markdown() -> None:
    dossier = full().model_copy(update={"rubrics": {"gouvernance": "Un [lien](http://x) ?"}})
    md = dossier_markdown(dossier)
    assert md.startswith(
        "# Dossier de candidature AMI PTCE\n\n## Nom du projet\n\n"
        "- **Nom du projet** : Pôle « Val » d’Économie Solidaire\n"
    )
    assert (
        "## Mode de gouvernance en place ou en perspective pour le \\(futur\\) pôle "
        "\\(15 lignes maximum\\)\n\nUn \\[lien\\]\\(http\\://x\\) ?\n" in md
    )
    assert "*\\[Rubrique obligatoire non renseignée\\]*" in md
