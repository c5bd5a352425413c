"""Writes on host organisations: each service normalises what people type, then full_clean()."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from comptes.models import Utilisateur
from core.audit import Action
from organismes.models import (
    ContactOrganisme,
    EffectifMensuel,
    EtablissementAccueil,
    EvenementOrganisme,
    FermetureOrganisme,
    OrganismeAccueil,
    RoleContact,
    StagiairesAutresEcoles,
    Tuteur,
)
from organismes.validators import normaliser_naf, normaliser_numero
from organismes.verrous import verrouiller_organismes


def organisme_creer(
    *,
    siren: str,
    raison_sociale: str,
    naf: str = "",
    adresse: str = "",
    code_postal: str = "",
    ville: str = "",
    taux_atmp: Decimal | None = None,
    taux_versement_mobilite: Decimal = Decimal(0),
) -> OrganismeAccueil:
    organisme = OrganismeAccueil(
        siren=normaliser_numero(siren),
        raison_sociale=raison_sociale.strip(),
        naf=normaliser_naf(naf) if naf else "",
        adresse=adresse.strip(),
        code_postal=code_postal.strip(),
        ville=ville.strip(),
        taux_atmp=taux_atmp,
        taux_versement_mobilite=taux_versement_mobilite,
    )
    organisme.full_clean()
    organisme.save()
    return organisme


# What a person may change on a host, and how what they type is tidied, as at creation.
_NORMALISER_ORGANISME: dict[str, Any] = {
    "siren": normaliser_numero,
    "raison_sociale": str.strip,
    "naf": lambda v: normaliser_naf(v) if v else "",
    "adresse": str.strip,
    "code_postal": str.strip,
    "ville": str.strip,
    "taux_atmp": lambda v: v,
    "taux_versement_mobilite": lambda v: v,
}


def organisme_modifier(*, organisme: OrganismeAccueil, **champs: Any) -> OrganismeAccueil:
    """Change some fields of a host. A new SIREN must still start each site's SIRET."""
    inconnus = sorted(set(champs) - set(_NORMALISER_ORGANISME))
    if inconnus:
        raise TypeError(f"organisme_modifier ne change pas : {', '.join(inconnus)}")
    for champ, valeur in champs.items():
        setattr(organisme, champ, _NORMALISER_ORGANISME[champ](valeur))
    organisme.full_clean()
    siren = organisme.siren
    if organisme.etablissements.exclude(siret__startswith=siren).exists():
        raise ValidationError(
            {"siren": f"Les SIRET des sites de l'organisme ne commencent pas par {siren}."}
        )
    organisme.save(update_fields=list(champs))
    return organisme


def etablissement_accueil_creer(
    *,
    organisme: OrganismeAccueil,
    siret: str,
    adresse: str,
    ville: str,
    code_postal: str = "",
    enseigne: str = "",
) -> EtablissementAccueil:
    etablissement = EtablissementAccueil(
        organisme=organisme,
        siret=normaliser_numero(siret),
        adresse=adresse.strip(),
        ville=ville.strip(),
        code_postal=code_postal.strip(),
        enseigne=enseigne.strip(),
    )
    etablissement.full_clean()
    etablissement.save()
    return etablissement


@transaction.atomic
def effectif_enregistrer(
    *,
    organisme: OrganismeAccueil,
    mois: date,
    personnes: int,
    auteur: Utilisateur | None = None,
    origine: str = "saisie",
) -> EffectifMensuel:
    """Record (or correct) the headcount of the month of `mois`, any day of it. The quota
    depends on it: the host's row is locked first, as a validation locks it, so the two
    follow one another (conventions.verrous). A change is written in the host's history,
    with how the figure was obtained (`origine`, a key of `organismes.effectif.ORIGINES`)."""
    verrouiller_organismes([organisme.pk])
    effectif = EffectifMensuel.objects.filter(
        organisme=organisme, mois=mois.replace(day=1)
    ).first() or EffectifMensuel(organisme=organisme, mois=mois.replace(day=1))
    avant = effectif.personnes if effectif.pk else None
    effectif.personnes = personnes
    effectif.full_clean()
    effectif.save()
    _journaliser(
        organisme,
        action=Action.EFFECTIF,
        auteur=auteur,
        donnees={
            "mois": effectif.mois.isoformat(),
            "avant": avant,
            "apres": personnes,
            "origine": origine,
        },
    )
    return effectif


@transaction.atomic
def autres_stagiaires_declarer(
    *,
    organisme: OrganismeAccueil,
    semaine: date,
    nombre: int,
    auteur: Utilisateur | None = None,
) -> StagiairesAutresEcoles:
    """Record (or correct) the other schools' interns of the civil week of `semaine`; they
    count in the quota, so under the host's lock like the headcount, and in its history."""
    verrouiller_organismes([organisme.pk])
    lundi = semaine - timedelta(days=semaine.weekday())
    declaration = StagiairesAutresEcoles.objects.filter(
        organisme=organisme, lundi=lundi
    ).first() or StagiairesAutresEcoles(organisme=organisme, lundi=lundi)
    avant = declaration.nombre if declaration.pk else None
    declaration.nombre = nombre
    declaration.full_clean()
    declaration.save()
    _journaliser(
        organisme,
        action=Action.AUTRES_STAGIAIRES,
        auteur=auteur,
        donnees={"lundi": lundi.isoformat(), "avant": avant, "apres": nombre},
    )
    return declaration


def _journaliser(
    organisme: OrganismeAccueil,
    *,
    action: Action,
    auteur: Utilisateur | None,
    donnees: dict[str, Any],
) -> None:
    """One row of the host's audit trail, unless the value typed is the one already known."""
    if donnees["avant"] != donnees["apres"]:
        EvenementOrganisme.objects.create(
            organisme=organisme, action=action, auteur=auteur, donnees=donnees
        )


def fermeture_ajouter(
    *, organisme: OrganismeAccueil, debut: date, fin: date, libelle: str = ""
) -> FermetureOrganisme:
    fermeture = FermetureOrganisme(
        organisme=organisme, debut=debut, fin=fin, libelle=libelle.strip()
    )
    fermeture.full_clean()
    fermeture.save()
    return fermeture


def tuteur_creer(
    *,
    organisme: OrganismeAccueil,
    nom: str,
    prenom: str,
    fonction: str = "",
    email: str = "",
    telephone: str = "",
) -> Tuteur:
    tuteur = Tuteur(
        organisme=organisme,
        nom=nom.strip(),
        prenom=prenom.strip(),
        fonction=fonction.strip(),
        email=email.strip().lower(),
        telephone=telephone.strip(),
    )
    tuteur.full_clean()
    tuteur.save()
    return tuteur


def contact_creer(
    *,
    organisme: OrganismeAccueil,
    nom: str,
    prenom: str = "",
    fonction: str = "",
    email: str = "",
    telephone: str = "",
    role: RoleContact = RoleContact.AUTRE,
) -> ContactOrganisme:
    contact = ContactOrganisme(
        organisme=organisme,
        nom=nom.strip(),
        prenom=prenom.strip(),
        fonction=fonction.strip(),
        email=email.strip().lower(),
        telephone=telephone.strip(),
        role=role,
    )
    contact.full_clean()
    contact.save()
    return contact
