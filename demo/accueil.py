"""The demo's hosts in the database: organisme, sites, monthly headcounts, tutors, contacts,
closures, and the other schools' interns one of them declares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demo.hotes import AUTRES_ECOLES, HOTES, PROLONGATION, Hote
from demo.identifiants import siren, siret
from demo.personnes import Personne
from organismes.models import EtablissementAccueil, OrganismeAccueil, RoleContact, Tuteur
from organismes.services import (
    autres_stagiaires_declarer,
    contact_creer,
    effectif_enregistrer,
    etablissement_accueil_creer,
    fermeture_ajouter,
    organisme_creer,
    tuteur_creer,
)

# The section asks each host its headcount (R124-12: persons on the last day of the month)
# for the month before each stage period; the quota of a week whose previous month is not
# declared yet takes the average of the months declared in the twelve before it.
MOIS_DECLARES = (date(2025, 12, 1), date(2026, 5, 1), date(2026, 10, 1))
# And for the 2024 cohort's periods (January, June, November 2025, March 2026), declared
# then: numbered after the months above, so that their headcounts keep their values.
MOIS_DECLARES_AVANT = (date(2024, 12, 1), date(2025, 5, 1), date(2025, 10, 1), date(2026, 2, 1))

# Larger companies have more than one site; the stage takes place at the first one.
AUTRES_SITES = {
    "banque-garonne-atlantique": ("Agence de Pessac centre", "2 place de la Ve République", "33600", "Pessac"),
    "sud-ouest-mutuelles": ("Agence de Talence", "310 cours de la Libération", "33400", "Talence"),
    "atlantique-mobilites": ("Boutique Sainte-Catherine", "101 rue Sainte-Catherine", "33000", "Bordeaux"),
    "rive-gauche-distribution": ("Drive de Villenave", "4 chemin de Leysotte", "33140", "Villenave-d'Ornon"),
}  # fmt: skip

# Other schools' interns at the 45-person wine merchant (quota 7), week by week (Mondays).
AUTRES_STAGIAIRES = {
    date(2026, 11, 16): 2,
    date(2026, 11, 23): 2,
    date(2026, 11, 30): 2,
    date(2026, 12, 7): 1,
    date(2027, 1, 4): 3,
    date(2027, 1, 11): 3,
    date(2027, 1, 18): 2,
    date(2027, 1, 25): 2,
}


@dataclass
class Accueil:
    hote: Hote
    organisme: OrganismeAccueil
    site: EtablissementAccueil
    tuteurs: list[Tuteur]


def _effectif(base: int, rang_mois: int) -> int:
    """A headcount that moves a little from month to month, as real ones do; the smallest
    shops keep theirs."""
    if base < 10:
        return base
    pas = max(1, base // 50)
    return base + ((rang_mois * 7) % 4 - 1) * pas


def _accueil_creer(rang: int, hote: Hote) -> Accueil:
    organisme = organisme_creer(
        siren=siren(rang),
        raison_sociale=hote.raison_sociale,
        naf=hote.naf,
        adresse=hote.adresse,
        code_postal=hote.code_postal,
        ville=hote.ville,
    )
    site = etablissement_accueil_creer(
        organisme=organisme,
        siret=siret(organisme.siren, 1),
        enseigne=hote.enseigne,
        adresse=hote.adresse,
        code_postal=hote.code_postal,
        ville=hote.ville,
    )
    if hote.cle in AUTRES_SITES:
        enseigne, adresse, code_postal, ville = AUTRES_SITES[hote.cle]
        etablissement_accueil_creer(
            organisme=organisme,
            siret=siret(organisme.siren, 2),
            enseigne=enseigne,
            adresse=adresse,
            code_postal=code_postal,
            ville=ville,
        )
    if hote.effectif is not None:
        for rang_mois, mois in enumerate((*MOIS_DECLARES, *MOIS_DECLARES_AVANT)):
            effectif_enregistrer(
                organisme=organisme, mois=mois, personnes=_effectif(hote.effectif, rang_mois)
            )
    tuteurs = [
        tuteur_creer(
            organisme=organisme,
            nom=p.nom,
            prenom=p.prenom,
            fonction=p.fonction,
            email=hote.email(p),
            telephone=f"05 57 00 {rang:02d} {10 + i}",
        )
        for i, p in enumerate(hote.tuteurs)
    ]
    _contacts_creer(organisme, hote)
    for debut, fin, libelle in hote.fermetures:
        fermeture_ajouter(organisme=organisme, debut=debut, fin=fin, libelle=libelle)
    return Accueil(hote=hote, organisme=organisme, site=site, tuteurs=tuteurs)


def _contacts_creer(organisme: OrganismeAccueil, hote: Hote) -> None:
    signataire = hote.signataire
    contact_creer(
        organisme=organisme,
        nom=signataire.nom,
        prenom=signataire.prenom,
        fonction=signataire.fonction,
        email=hote.email(signataire),
        role=RoleContact.SIGNATAIRE,
    )
    if (hote.effectif or 0) >= 200:
        contact_creer(
            organisme=organisme,
            nom="Service des ressources humaines",
            email=f"rh@{hote.cle}.test",
            role=RoleContact.RESSOURCES_HUMAINES,
        )
    if hote.cle == PROLONGATION:  # the host that now owes a gratification
        comptable = Personne("Josiane", "Labarthe", "Comptable")
        contact_creer(
            organisme=organisme,
            nom=comptable.nom,
            prenom=comptable.prenom,
            fonction=comptable.fonction,
            email=hote.email(comptable),
            role=RoleContact.COMPTABILITE,
        )


def accueils_creer() -> dict[str, Accueil]:
    accueils = {hote.cle: _accueil_creer(rang, hote) for rang, hote in enumerate(HOTES, 1)}
    organisme = accueils[AUTRES_ECOLES].organisme
    for lundi, nombre in AUTRES_STAGIAIRES.items():
        autres_stagiaires_declarer(organisme=organisme, semaine=lundi, nombre=nombre)
    return accueils


def sirens() -> list[str]:
    """The SIRENs of the demo's hosts, to find them again."""
    return [siren(rang) for rang in range(1, len(HOTES) + 1)]
