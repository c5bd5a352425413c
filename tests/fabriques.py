"""Builders for the database tests: a cohort, its students, a host with its headcount and
tutors. Plain functions through the services, so every record is a valid one; each call
gets fresh identifiers (SIREN, SIRET, INE, e-mail) unless told.

    promo = fabriques.promotion()                      # NDRC 2025-2027, four stage periods
    ines = fabriques.etudiant(promotion=promo, date_naissance=date(2008, 4, 1))
    org = fabriques.organisme(effectif=12)              # headcount 12, Sept. 2025 - Aug. 2027
    tuteur = fabriques.tuteur(organisme=org)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from conventions.models import Convention
from conventions.services import PeriodeSaisie, convention_creer
from etablissement import services as etablissement_services
from etablissement.models import Enseignant, Etudiant, Promotion
from etablissement.validators import cle_uai
from organismes import services as organismes_services
from organismes.models import EtablissementAccueil, OrganismeAccueil, Tuteur
from organismes.validators import cle_luhn
from referentiel.models import Formation

_numeros = itertools.count(1)


def siren_valide(numero: int | None = None) -> str:
    """A SIREN that passes the check: 8 digits from `numero` (or a counter) and the key."""
    base = f"{(numero if numero is not None else 10_000_000 + next(_numeros)):08d}"
    return base + cle_luhn(base)


def siret_valide(siren: str, nic: int = 1) -> str:
    base = f"{siren}{nic:04d}"
    return base + cle_luhn(base)


def uai_valide(numero: int = 330028) -> str:
    chiffres = f"{numero:07d}"
    return chiffres + cle_uai(chiffres)


def ine_valide() -> str:
    """A post-2018 INE shape: 9 digits and 2 letters."""
    return f"{next(_numeros):09d}AB"


def lundi(jour: date) -> date:
    return jour - timedelta(days=jour.weekday())


def formation_ndrc() -> Formation:
    """The BTS NDRC, seeded by the referentiel migrations."""
    return Formation.objects.get(code="BTS-NDRC")


def promotion(
    *,
    annee_debut: int = 2025,
    libelle: str | None = None,
    periodes: bool = True,
    **champs: Any,
) -> Promotion:
    """A cohort starting in September of `annee_debut`; with `periodes`, two stage windows of
    20 days a year (January and late May of year 1, November and January of year 2)."""
    promo = etablissement_services.promotion_creer(
        formation=champs.pop("formation", None) or formation_ndrc(),
        libelle=libelle or f"NDRC {annee_debut}-{annee_debut + 2}",
        annee_debut=annee_debut,
        **champs,
    )
    if periodes:
        fenetres = [
            (1, "Stage de janvier", date(annee_debut + 1, 1, 8)),
            (1, "Stage de mai-juin", date(annee_debut + 1, 5, 25)),
            (2, "Stage de novembre", date(annee_debut + 1, 11, 16)),
            (2, "Stage de janvier", date(annee_debut + 2, 1, 18)),
        ]
        for annee, nom, jour in fenetres:
            debut = lundi(jour)
            etablissement_services.periode_promotion_creer(
                promotion=promo,
                annee_formation=annee,
                libelle=nom,
                debut=debut,
                fin=debut + timedelta(days=25),  # four weeks, Monday to Friday
                jours_vises=20,
            )
    return promo


_nouvelle_promotion = promotion  # `etudiant(promotion=…)` shadows the builder's name


def enseignant(*, nom: str = "Durand", prenom: str = "Claire", **champs: Any) -> Enseignant:
    champs.setdefault("email", f"enseignant{next(_numeros)}@lycee-eiffel.test")
    return etablissement_services.enseignant_creer(nom=nom, prenom=prenom, **champs)


def etudiant(
    *,
    promotion: Promotion | None = None,
    nom: str = "Martin",
    prenom: str = "Lucas",
    date_naissance: date = date(2006, 3, 15),
    **champs: Any,
) -> Etudiant:
    """A student of `promotion` (a new cohort if none), of age by default, with an INE."""
    numero = next(_numeros)
    champs.setdefault("ine", ine_valide())
    champs.setdefault("email", f"etudiant{numero}@lycee-eiffel.test")
    return etablissement_services.etudiant_creer(
        promotion=promotion or _nouvelle_promotion(libelle=f"NDRC test {numero}"),
        nom=nom,
        prenom=prenom,
        date_naissance=date_naissance,
        **champs,
    )


def etudiants(promotion: Promotion, nombre: int, **champs: Any) -> list[Etudiant]:
    return [
        etudiant(promotion=promotion, nom=f"Etudiant{i:02d}", **champs)
        for i in range(1, nombre + 1)
    ]


def organisme(
    *,
    siren: str | None = None,
    raison_sociale: str = "Aquitaine Distribution",
    effectif: int | None = 12,
    effectifs: Mapping[date, int] | None = None,
    du: date = date(2025, 9, 1),
    au: date = date(2027, 8, 1),
    **champs: Any,
) -> OrganismeAccueil:
    """A host with a headcount of `effectif` every month from `du` to `au` (None: none
    declared), or exactly `effectifs` {first of month: persons}; and its head office site."""
    org = organismes_services.organisme_creer(
        siren=siren or siren_valide(),
        raison_sociale=raison_sociale,
        ville=champs.pop("ville", "Bordeaux"),
        **champs,
    )
    if effectifs is None and effectif is not None:
        effectifs = {}
        mois = du.replace(day=1)
        while mois <= au:
            effectifs[mois] = effectif
            mois = (mois + timedelta(days=32)).replace(day=1)
    for mois, personnes in (effectifs or {}).items():
        organismes_services.effectif_enregistrer(organisme=org, mois=mois, personnes=personnes)
    etablissement_accueil(organisme=org)
    return org


def etablissement_accueil(
    *, organisme: OrganismeAccueil, nic: int | None = None, **champs: Any
) -> EtablissementAccueil:
    champs.setdefault("adresse", "12 quai des Chartrons")
    champs.setdefault("ville", "Bordeaux")
    champs.setdefault("code_postal", "33000")
    numero = nic if nic is not None else organisme.etablissements.count() + 1
    return organismes_services.etablissement_accueil_creer(
        organisme=organisme, siret=siret_valide(organisme.siren, numero), **champs
    )


def tuteur(
    *, organisme: OrganismeAccueil, nom: str = "Bernard", prenom: str = "Sophie", **champs: Any
) -> Tuteur:
    champs.setdefault("fonction", "Responsable commerciale")
    champs.setdefault("email", f"tuteur{next(_numeros)}@example.org")
    return organismes_services.tuteur_creer(organisme=organisme, nom=nom, prenom=prenom, **champs)


CLAUSES = {
    "formation": "BTS NDRC, 1re année, 30 h d'enseignement par semaine",
    "competences": "Cibler et prospecter la clientèle",
    "activites": "Campagne de phoning, relance des devis",
    "suivi": "Un appel du référent par semaine, une visite",
    "protection_sociale": "Régime étudiant ; accidents du travail : CSS L412-8 2°",
    "absences_conges": "Absences pour les convocations de l'établissement",
    "suspension_resiliation": "Par accord des parties, après information du référent",
    "validation_interruption": "Validation ou report en cas d'interruption (L124-15)",
    "avantages": "Restaurant d'entreprise, 50 % de l'abonnement de transport",
    "reglement_interieur": "Règlement intérieur remis au stagiaire",
    "attestation": "Délivrée par l'organisme à la fin de chaque période",
}


def convention(
    *,
    etudiant_: Etudiant | None = None,
    organisme_: OrganismeAccueil | None = None,
    tuteur_: Tuteur | None | bool = True,
    periodes: Sequence[tuple[date, date]] = ((date(2026, 3, 2), date(2026, 3, 27)),),
    auteur: Any = None,
    **champs: Any,
) -> Convention:
    """A complete draft (every D124-4 clause), Monday to Friday 7 h, with a new student, host
    and tutor unless given."""
    org = organisme_ or organisme()
    champs.setdefault("contenus", dict(CLAUSES))
    if tuteur_ is True:
        tuteur_ = tuteur(organisme=org)
    eleve = etudiant_ or etudiant()
    champs.setdefault("referent", enseignant())
    return convention_creer(
        auteur=auteur,
        etudiant=eleve,
        etablissement_accueil=org.etablissements.first(),
        tuteur=tuteur_ or None,
        periodes=[PeriodeSaisie(d, f) for d, f in periodes],
        **champs,
    )
