"""The tutor's side of the evaluation requests (evaluations/envois.py): the e-mail with the
personal link of their host's space, where « Évaluations à remplir » waits for them.

Which link: a new one each time (only hashes are kept, an old link cannot be sent again),
but sent with `garder_ouverts`: a link the tutor has already opened keeps working until it
expires, so an evaluation e-mail never breaks the page a tutor is using (to confirm a week,
to sign); only the links never opened are replaced. `manage.py relances` runs this pass
(settings.RELANCES_AUTRES_PASSES)."""

from __future__ import annotations

from datetime import datetime

from espaces.services import EnvoiRefuse, lien_envoyer, titulaire_tuteur
from evaluations.envois import Bilan, evaluations_demander
from evaluations.models import Evaluation


def au_tuteur(evaluation: Evaluation, rang: int, le: datetime) -> bool:
    convention = evaluation.convention
    tuteur = convention.tuteur
    if tuteur is None or not tuteur.email:
        return False
    periode = evaluation.periode
    rappel = "Rappel : l" if rang else "L"
    phrases = (
        f"{rappel}a période de stage de {convention.etudiant} du {periode.debut:%d/%m/%Y} au "
        f"{periode.fin:%d/%m/%Y} est terminée. La section vous demande d'évaluer le stagiaire "
        "(une dizaine de minutes) : section « Évaluations à remplir » de votre espace. Vous "
        "pouvez aussi y imprimer le formulaire vierge et le renvoyer rempli à la section.",
    )
    try:
        lien_envoyer(
            titulaire=titulaire_tuteur(tuteur),
            le=le,
            auteur=None,
            phrases=phrases,
            garder_ouverts=True,
        )
    except EnvoiRefuse:
        return False
    return True


def relances_evaluations(*, le: datetime) -> str:
    """One pass of evaluation requests and reminders; the line `manage.py relances` prints."""
    bilan: Bilan = evaluations_demander(le=le, au_tuteur=au_tuteur)
    return f"{bilan.demandes} demande(s) d'évaluation, {bilan.relances} relance(s) d'évaluation."
