"""The clause texts of a convention (C. éduc. D124-4), written for each convention from its
parties and missions, as the section's model convention would word them."""

from __future__ import annotations

from collections.abc import Iterable

from conventions.services import textes_par_defaut_enregistrer
from etablissement.models import Enseignant, Promotion
from organismes.models import Tuteur
from referentiel.models import Competence, Mission

# Clauses that do not depend on the convention: the section's model wording.
_COMMUNES = {
    "suivi": (
        "Le tuteur accueille le stagiaire et organise ses activités ; l'enseignant référent "
        "prend contact avec le tuteur la première semaine et effectue une visite ou un "
        "entretien à distance pendant le stage."
    ),
    "protection_sociale": (
        "Le stagiaire conserve son régime de sécurité sociale étudiant ; il est couvert "
        "contre les accidents du travail et les maladies professionnelles (CSS L412-8 2°), "
        "déclarés par l'organisme d'accueil dans les 48 heures avec copie à l'établissement. "
        "L'établissement et le stagiaire ont souscrit une assurance de responsabilité civile."
    ),
    "absences_conges": (
        "Le stagiaire peut s'absenter pour les convocations de l'établissement (examens, "
        "épreuves ponctuelles) et pour raison de santé dûment justifiée ; toute absence est "
        "signalée le jour même au tuteur et à l'enseignant référent."
    ),
    "conges": (
        "Pour un stage de plus de deux mois : un jour de congé par mois de stage, pris en "
        "accord avec le tuteur, et les autorisations d'absence de l'article L124-13."
    ),
    "suspension_resiliation": (
        "Le stage peut être suspendu ou interrompu par accord des trois parties, après "
        "information de l'enseignant référent ; en cas de manquement grave, chaque partie peut "
        "y mettre fin après en avoir informé les autres par écrit."
    ),
    "validation_interruption": (
        "En cas d'interruption pour un motif prévu à l'article L124-15, l'établissement valide "
        "la période effectuée ou propose une modalité de validation ou de report."
    ),
    "avantages": (
        "Accès au restaurant d'entreprise ou aux titres-restaurant dans les mêmes conditions "
        "que les salariés ; prise en charge de 50 % de l'abonnement de transport public ; "
        "accès aux activités sociales et culturelles du CSE."
    ),
    "reglement_interieur": (
        "Le règlement intérieur de l'organisme (horaires, sécurité, confidentialité) est "
        "remis au stagiaire le premier jour ; il s'y conforme."
    ),
    "attestation": (
        "À la fin de chaque période, l'organisme délivre une attestation de stage indiquant "
        "la durée effective en heures et, le cas échéant, la gratification versée."
    ),
}

# The clauses a deliberately incomplete draft leaves blank.
OMISES_BROUILLON_INCOMPLET = ("suivi", "avantages", "reglement_interieur")


def clauses(
    *,
    annee_formation: int,
    referent: Enseignant | None,
    tuteur: Tuteur | None,
    missions: Iterable[Mission],
    competences: Iterable[Competence],
    omises: Iterable[str] = (),
) -> dict[str, str]:
    rang = "1re" if annee_formation == 1 else "2e"
    textes = {
        "formation": (
            f"BTS Négociation et Digitalisation de la Relation Client (NDRC), {rang} année ; "
            "environ 900 heures d'enseignement par année (30 heures par semaine)."
        ),
        "encadrants": f"Enseignant référent : {referent or 'à désigner'} ; tuteur : "
        f"{f'{tuteur}, {tuteur.fonction}' if tuteur else 'à désigner'}.",
        "competences": " ; ".join(f"{c.code} {c.libelle}" for c in competences) + ".",
        "activites": " ; ".join(m.libelle for m in missions) + ".",
        **_COMMUNES,
    }
    for code in omises:
        textes.pop(code, None)
    return textes


# The first-year cohort's own wording of the follow-up: a visit rather than a call.
SUIVI_PREMIERE_ANNEE = (
    "Le tuteur accueille le stagiaire et organise ses activités ; en première année, "
    "l'enseignant référent rend visite au stagiaire dans l'organisme pendant la première "
    "période et fait le point avec le tuteur sur la grille d'évaluation de la section."
)


def textes_par_defaut_creer(*, premiere_annee: Promotion) -> None:
    """The section's default texts (« Textes par défaut des clauses »): the model wording
    above, which a new convention starts with; the first-year cohort words the follow-up
    its own way."""
    textes_par_defaut_enregistrer(promotion=None, textes=dict(_COMMUNES), auteur=None)
    textes_par_defaut_enregistrer(
        promotion=premiere_annee, textes={"suivi": SUIVI_PREMIERE_ANNEE}, auteur=None
    )
