"""Builders of the search's tests: a cohort with two stage periods to come (relative to
today, so the tests hold on any day), students, accepted offers, applications, conventions
over a period in a given status."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from candidatures import services
from candidatures.models import Canal, Candidature, Reponse
from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from etablissement import services as etablissement_services
from etablissement.models import Etudiant, PeriodePromotion, Promotion
from public.models import PropositionStage, StatutProposition
from regles.parametres import parametres
from regles.presence import annee_scolaire_du
from tests import fabriques


def aujourdhui() -> date:
    return timezone.localdate()


def maintenant() -> datetime:
    return timezone.now()


def promotion(libelle: str = "NDRC test") -> tuple[Promotion, PeriodePromotion, PeriodePromotion]:
    """A cohort started this school year, with a four-week period in a month and another in
    five months."""
    jour = aujourdhui()
    annee = annee_scolaire_du(jour, parametres())
    promo = fabriques.promotion(annee_debut=annee, libelle=libelle, periodes=False)
    periodes = []
    for nom, dans in (("Stage d'hiver", 28), ("Stage de printemps", 140)):
        debut = jour + timedelta(days=dans)
        periodes.append(
            etablissement_services.periode_promotion_creer(
                promotion=promo,
                annee_formation=annee_scolaire_du(debut, parametres()) - annee + 1,
                libelle=nom,
                debut=debut,
                fin=debut + timedelta(days=25),
                jours_vises=20,
            )
        )
    return promo, periodes[0], periodes[1]


def etudiant(promo: Promotion, **champs: Any) -> Etudiant:
    return fabriques.etudiant(promotion=promo, **champs)


def etudiant_de(utilisateur: Utilisateur, promo: Promotion, **champs: Any) -> Etudiant:
    """The persona's student record, linked to their account."""
    return fabriques.etudiant(promotion=promo, utilisateur=utilisateur, **champs)


def offre(
    *periodes: PeriodePromotion,
    entreprise: str = "Aquitaine Distribution",
    statut: StatutProposition = StatutProposition.ACCEPTEE,
) -> PropositionStage:
    """A company's offer, its status set directly (its life is tested in tests/public)."""
    proposition = PropositionStage.objects.create(
        entreprise=entreprise,
        ville="Mérignac",
        contact_nom="Julie Martin",
        contact_email="julie.martin@example.org",
        statut=statut,
    )
    proposition.periodes.set(periodes)
    return proposition


def saisie(periode: PeriodePromotion, **champs: Any) -> services.Saisie:
    valeurs: dict[str, Any] = {
        "organisme_nom": "Cave des Chartrons",
        "canal": Canal.COURRIEL,
        "date": aujourdhui() - timedelta(days=2),
        "reponse": Reponse.EN_ATTENTE,
    }
    valeurs.update(champs)
    return services.Saisie(periode=periode, **valeurs)


def candidature(eleve: Etudiant, periode: PeriodePromotion, **champs: Any) -> Candidature:
    return services.candidature_creer(
        etudiant=eleve,
        saisie=saisie(periode, **champs),
        le=maintenant(),
        aujourdhui=aujourdhui(),
    )


def convention(eleve: Etudiant, periode: PeriodePromotion, statut: Statut) -> Convention:
    """A convention over the period, its status set directly."""
    c = fabriques.convention(etudiant_=eleve, periodes=((periode.debut, periode.fin),))
    Convention.objects.filter(pk=c.pk).update(statut=statut)
    return c
