"""The section's default forms (version 1 of each), reasonable for a BTS NDRC: plain data,
read by the data migration and by `manage.py evaluations_questionnaires`.

The tutor's form has an optional part rating the tasks of blocs 1 and 3 on the exam's
four levels (TI, I, S, TS). It is formative only: it prepares the student, it is not the
exam grid (that one is the commission's and is never shown to the candidate)."""

from __future__ import annotations

from typing import Any

ECHELLE = ("Très insuffisant", "Insuffisant", "Correct", "Bien", "Très bien")
NIVEAUX = (
    ("TI", "Très insuffisant"),
    ("I", "Insuffisant"),
    ("S", "Satisfaisant"),
    ("TS", "Très satisfaisant"),
)

RUBRIQUE_NDRC = "Compétences du BTS NDRC — évaluation formative, sans effet sur la note d'examen"
NON_OBSERVE = "Laissez vide si vous n'avez pas observé ces tâches."


def _q(code: str, libelle: str, type_reponse: str, **autres: Any) -> dict[str, Any]:
    return {"code": code, "libelle": libelle, "type_reponse": type_reponse, **autres}


_COMPETENCES = (
    (
        "b1-1",
        "B1.1 Cibler et prospecter la clientèle",
        "Analyser un portefeuille clients, identifier des cibles, mener une prospection, "
        "développer un réseau professionnel.",
    ),
    (
        "b1-2",
        "B1.2 Négocier et accompagner la relation client",
        "Négocier et vendre une solution adaptée, créer et entretenir une relation durable.",
    ),
    (
        "b1-3",
        "B1.3 Organiser et animer un évènement commercial",
        "Organiser, animer puis exploiter un évènement (bilan, suivi des contacts).",
    ),
    (
        "b1-4",
        "B1.4 Exploiter et mutualiser l'information commerciale",
        "Collecter, sélectionner et partager l'information commerciale avec l'équipe.",
    ),
    (
        "b3-1",
        "B3.1 Implanter et promouvoir l'offre chez des distributeurs",
        "Mettre en valeur l'offre sur le point de vente, développer la présence en réseau.",
    ),
    (
        "b3-2",
        "B3.2 Développer et piloter un réseau de partenaires",
        "Participer au choix des partenaires, mobiliser le réseau, évaluer ses résultats.",
    ),
    (
        "b3-3",
        "B3.3 Créer et animer un réseau de vente directe",
        "Prospecter et vendre en réunion, recruter et former des vendeurs, animer le réseau.",
    ),
)

TUTEUR = {
    "introduction": (
        "Merci d'évaluer le stagiaire que vous avez encadré pendant cette période. "
        "Vos réponses sont lues par l'enseignant référent."
    ),
    "questions": [
        _q(
            "assiduite",
            "Assiduité et ponctualité",
            "echelle",
            rubrique="Le stagiaire",
            obligatoire=True,
        ),
        _q(
            "comportement",
            "Présentation et comportement professionnel",
            "echelle",
            rubrique="Le stagiaire",
            obligatoire=True,
        ),
        _q("integration", "Intégration dans l'équipe", "echelle", rubrique="Le stagiaire"),
        _q("autonomie", "Autonomie et prise d'initiative", "echelle", rubrique="Le stagiaire"),
        _q(
            "relation-client",
            "Qualité de la relation avec la clientèle",
            "echelle",
            rubrique="Le stagiaire",
        ),
        _q("points-forts", "Points forts du stagiaire", "texte", rubrique="Le stagiaire"),
        _q("progres", "Axes de progrès", "texte", rubrique="Le stagiaire"),
        *[
            _q(code, libelle, "niveau", rubrique=RUBRIQUE_NDRC, aide=f"{taches} {NON_OBSERVE}")
            for code, libelle, taches in _COMPETENCES
        ],
        _q(
            "appreciation",
            "Appréciation générale",
            "choix_unique",
            rubrique="Pour la suite",
            choix=["Très satisfaisante", "Satisfaisante", "Insuffisante", "Très insuffisante"],
            obligatoire=True,
        ),
        _q(
            "autre-stagiaire",
            "Accueilleriez-vous un autre stagiaire de la section ?",
            "oui_non",
            rubrique="Pour la suite",
            obligatoire=True,
            fiche_organisme=True,
        ),
        _q("commentaire", "Commentaire libre", "texte", rubrique="Pour la suite"),
    ],
}

ETUDIANT = {
    "introduction": (
        "Votre avis sur ce stage et sur l'organisme qui vous a accueilli aide la section à "
        "choisir les prochains lieux de stage. L'organisme ne lit pas vos réponses."
    ),
    "questions": [
        _q("accueil", "Qualité de l'accueil", "echelle", rubrique="Le stage", obligatoire=True),
        _q(
            "encadrement",
            "Disponibilité et aide du tuteur",
            "echelle",
            rubrique="Le stage",
            obligatoire=True,
        ),
        _q("interet", "Intérêt des missions confiées", "echelle", rubrique="Le stage"),
        _q(
            "activites",
            "Activités réalisées",
            "choix_multiple",
            rubrique="Le stage",
            choix=[
                "Prospection",
                "Vente et négociation",
                "Relation client à distance",
                "Évènement commercial",
                "Réseaux sociaux et web",
                "Réseau de distributeurs",
                "Réseau de partenaires",
                "Vente directe",
            ],
        ),
        _q(
            "fiches",
            "Ce stage vous a-t-il donné de quoi rédiger vos fiches d'examen (E4, E6) ?",
            "choix_unique",
            rubrique="Le stage",
            choix=["Oui", "En partie", "Non"],
        ),
        _q(
            "recommande",
            "Recommanderiez-vous cet organisme à un autre étudiant ?",
            "oui_non",
            rubrique="L'organisme",
            obligatoire=True,
            fiche_organisme=True,
        ),
        _q(
            "gratification",
            "Avez-vous eu un problème de gratification (retard, montant, absence de versement) ?",
            "oui_non",
            rubrique="L'organisme",
            fiche_organisme=True,
        ),
        _q(
            "gratification-detail",
            "Si oui, lequel ?",
            "texte",
            rubrique="L'organisme",
            fiche_organisme=True,
        ),
        _q("commentaire", "Commentaire libre", "texte", rubrique="L'organisme"),
    ],
}

REFERENT = {
    "introduction": "L'avis de l'enseignant référent sur le stage et l'organisme d'accueil.",
    "questions": [
        _q(
            "tuteur-joignable",
            "Le tuteur a-t-il été joignable et disponible ?",
            "oui_non",
            obligatoire=True,
        ),
        _q(
            "conformite",
            "Les conditions du stage étaient-elles conformes à la convention ?",
            "oui_non",
            obligatoire=True,
        ),
        _q(
            "missions",
            "Les missions correspondaient-elles au référentiel ?",
            "choix_unique",
            choix=["Oui", "En partie", "Non"],
        ),
        _q("progression", "Progression de l'étudiant", "echelle"),
        _q(
            "accueillir-encore",
            "L'organisme peut-il accueillir à nouveau un stagiaire ?",
            "choix_unique",
            choix=["Oui", "Oui, avec réserves", "Non"],
            obligatoire=True,
            fiche_organisme=True,
        ),
        _q("commentaire", "Commentaire", "texte"),
    ],
}

DEFAUTS: dict[str, dict[str, Any]] = {"tuteur": TUTEUR, "etudiant": ETUDIANT, "referent": REFERENT}
