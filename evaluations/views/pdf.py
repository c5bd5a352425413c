"""The evaluations' PDFs, printed by documents/rendu.py (the one place that imports
WeasyPrint): a blank form for a tutor who prefers paper, and an evaluation answered (the
tutor's, given to the student when the section allows it)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from documents.rendu import logo_en_data_uri, pdf_depuis_gabarit
from etablissement.selectors import etablissement_principal
from evaluations import selectors
from evaluations.models import Evaluation, Questionnaire
from evaluations.reponses import choix_de


def _entete() -> dict[str, object]:
    ecole = etablissement_principal()
    return {
        "logo": logo_en_data_uri(ecole),
        "d": {
            "etablissement": {
                "nom": ecole.nom if ecole else "",
                "adresse": f"{ecole.adresse}, {ecole.code_postal} {ecole.ville}" if ecole else "",
                "uai": ecole.uai if ecole else "",
                "telephone": ecole.telephone if ecole else "",
            },
            "date_du_jour": f"{timezone.localdate():%d/%m/%Y}",
        },
    }


def _reponse(pdf: bytes, nom: str) -> HttpResponse:
    reponse = HttpResponse(pdf, content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="{nom}"'
    return reponse


def vierge(questionnaire: Questionnaire, evaluation: Evaluation | None = None) -> HttpResponse:
    """The blank form of a version, with its stage named when printed for one."""
    rubriques = [
        (titre, [(q, choix_de(q)) for q in questions])
        for titre, questions in selectors.rubriques(questionnaire)
    ]
    pdf = pdf_depuis_gabarit(
        "evaluations/pdf/vierge.html",
        {**_entete(), "questionnaire": questionnaire, "rubriques": rubriques, "ev": evaluation},
    )
    return _reponse(pdf, f"evaluation-{questionnaire.type}-v{questionnaire.version}.pdf")


def remplie(evaluation: Evaluation) -> HttpResponse:
    pdf = pdf_depuis_gabarit(
        "evaluations/pdf/remplie.html",
        {**_entete(), "ev": evaluation, "rubriques": selectors.lignes(evaluation)},
    )
    return _reponse(pdf, f"evaluation-{evaluation.type}-{evaluation.convention_id}.pdf")
