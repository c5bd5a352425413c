"""A convention asked for by the student (the « fiche navette »), from « Mon stage ».

The student says where (a SIRET: a site the section knows, else one created with its
organisation), with whom (the tutor, found again by e-mail or name, else created), when (the
cohort's stage periods or their own dates), the weekly schedule, the missions and a message
to their référent. It becomes a **brouillon** of that student with their référent, with an
audit row « Demandée par l'étudiant » carrying the message; the référent (or, while the
student has none, the section's administrators) is told by e-mail after the commit.

A brouillon is not a convention yet: the engine's findings are shown (`demande_verdict`), the
quotas and the tutor's cap are not enforced until validation (conventions.workflow). A student
keeps at most `DEMANDES_OUVERTES_MAX` of their requests open at once, counted under a lock of
their record so that two tabs cannot pass the limit together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction

from comptes.models import Role, Utilisateur
from conventions.models import Convention, EvenementConvention, Statut
from conventions.moteur import Verdict, evaluer_brouillon
from conventions.services import PeriodeSaisie, completer_par_defaut, convention_creer
from core.audit import Action
from core.courrier import apres_validation
from etablissement.models import Etudiant
from organismes.models import EtablissementAccueil, OrganismeAccueil, Tuteur
from organismes.services import etablissement_accueil_creer, organisme_creer, tuteur_creer
from regles import modele

# Not a legal figure: the section's choice, so that a student's requests stay few enough for
# their référent to answer. Said to the student when reached.
DEMANDES_OUVERTES_MAX = 3


@dataclass(frozen=True)
class Accueil:
    """The host as the student typed it; used only when the SIRET is not known yet."""

    siret: str
    raison_sociale: str = ""
    adresse: str = ""
    code_postal: str = ""
    ville: str = ""
    naf: str = ""


@dataclass(frozen=True)
class TuteurSaisi:
    nom: str
    prenom: str
    fonction: str = ""
    email: str = ""
    telephone: str = ""


@dataclass(frozen=True)
class Demande:
    """Everything the student's form gives, checked by the form (conventions.forms_demande)."""

    accueil: Accueil
    tuteur: TuteurSaisi
    periodes: Sequence[PeriodeSaisie]
    horaire: dict[str, int]  # minutes_<jour> -> minutes
    missions: Sequence[Any] = ()
    poste: str = ""
    gratification_horaire: Decimal | None = None
    message: str = ""


def demandes_ouvertes(etudiant: Etudiant) -> int:
    """The student's own requests still in brouillon."""
    return (
        Convention.objects.filter(
            etudiant=etudiant,
            statut=Statut.BROUILLON,
            evenements__action=Action.DEMANDE_ETUDIANT,
        )
        .distinct()
        .count()
    )


def trop_de_demandes(etudiant: Etudiant) -> str | None:
    """Why the student may not ask for one more now, or None."""
    if demandes_ouvertes(etudiant) < DEMANDES_OUVERTES_MAX:
        return None
    return (
        f"Vous avez déjà {DEMANDES_OUVERTES_MAX} demandes de convention en attente de votre "
        "enseignant référent : attendez qu'il en traite une (ou demandez-lui d'annuler celle "
        "qui ne sert plus) avant d'en envoyer une autre."
    )


def _site(accueil: Accueil) -> EtablissementAccueil:
    """The site of that SIRET: known, else created (with its organisation, found by SIREN or
    created from what the student typed)."""
    connu = (
        EtablissementAccueil.objects.select_related("organisme").filter(siret=accueil.siret).first()
    )
    if connu is not None:
        return connu
    organisme = OrganismeAccueil.objects.filter(siren=accueil.siret[:9]).first()
    if organisme is None:
        organisme = organisme_creer(
            siren=accueil.siret[:9],
            raison_sociale=accueil.raison_sociale,
            naf=accueil.naf,
            adresse=accueil.adresse,
            code_postal=accueil.code_postal,
            ville=accueil.ville,
        )
    return etablissement_accueil_creer(
        organisme=organisme,
        siret=accueil.siret,
        # A site needs an address: the town alone when the student gave none.
        adresse=accueil.adresse or accueil.ville,
        code_postal=accueil.code_postal,
        ville=accueil.ville,
    )


def _tuteur(organisme: OrganismeAccueil, saisi: TuteurSaisi) -> Tuteur:
    """The organisation's tutor with that e-mail (else that name), or a new one."""
    tuteurs = Tuteur.objects.filter(organisme=organisme)
    connu = None
    if saisi.email:
        connu = tuteurs.filter(email__iexact=saisi.email.strip()).first()
    if connu is None:
        connu = tuteurs.filter(
            nom__iexact=saisi.nom.strip(), prenom__iexact=saisi.prenom.strip()
        ).first()
    if connu is not None:
        return connu
    return tuteur_creer(
        organisme=organisme,
        nom=saisi.nom,
        prenom=saisi.prenom,
        fonction=saisi.fonction,
        email=saisi.email,
        telephone=saisi.telephone,
    )


def _ecrire(etudiant: Etudiant, demande: Demande, auteur: Utilisateur | None) -> Convention:
    site = _site(demande.accueil)
    tuteur = _tuteur(site.organisme, demande.tuteur)
    montant = demande.gratification_horaire
    horaire: dict[str, Any] = dict(demande.horaire)
    convention = convention_creer(
        auteur=auteur,
        periodes=demande.periodes,
        missions=demande.missions,
        etudiant=etudiant,
        etablissement_accueil=site,
        tuteur=tuteur,
        referent=etudiant.referent,
        poste=demande.poste.strip(),
        gratification_mode="horaire" if montant else "aucune",
        gratification_montant=montant or Decimal(0),
        **horaire,
    )
    EvenementConvention.objects.create(
        convention=convention,
        action=Action.DEMANDE_ETUDIANT,
        statut_apres=convention.statut,
        auteur=auteur,
        commentaire=demande.message.strip(),
    )
    return convention


def demande_creer(*, etudiant: Etudiant, demande: Demande, auteur: Utilisateur) -> Convention:
    """Write the request: host, tutor, brouillon, audit row; tell the référent after the
    commit. Raises ValidationError (the limit of open requests, a service's refusal)."""
    with transaction.atomic():
        # One request at a time per student: the count below cannot be overtaken.
        Etudiant.objects.select_for_update().filter(pk=etudiant.pk).first()
        refus = trop_de_demandes(etudiant)
        if refus:
            raise ValidationError(refus)
        convention = _ecrire(etudiant, demande, auteur)
        apres_validation(partial(_prevenir, convention.pk))
    return convention


def demande_verdict(*, etudiant: Etudiant, demande: Demande) -> Verdict:
    """The engine's verdict on the request before it is sent, nothing kept. A new host or
    tutor is written in a transaction rolled back (the engine reads a host's rows: headcount,
    other interns), as the imports' preview does; the convention itself is judged unsaved
    (`evaluer_brouillon`, « la convention en préparation »), as on the staff's form."""
    with transaction.atomic():
        site = _site(demande.accueil)
        montant = demande.gratification_horaire
        brouillon = Convention(
            etudiant=etudiant,
            etablissement_accueil=site,
            tuteur=_tuteur(site.organisme, demande.tuteur),
            referent=etudiant.referent,
            poste=demande.poste.strip(),
            gratification_mode="horaire" if montant else "aucune",
            gratification_montant=montant or Decimal(0),
            # The section's texts, as the saved request will have them (convention_creer).
            contenus=completer_par_defaut({}, etudiant.promotion),
            **demande.horaire,
        )
        verdict = evaluer_brouillon(
            brouillon,
            periodes=[modele.Periode(p.debut, p.fin, p.prolongation) for p in demande.periodes],
        )
        transaction.set_rollback(True)
    return verdict


def _destinataires(convention: Convention) -> list[str]:
    if convention.referent is not None and convention.referent.email:
        return [convention.referent.email]
    return list(
        Utilisateur.objects.filter(role=Role.ADMINISTRATEUR, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _prevenir(pk: int) -> None:
    convention = (
        Convention.objects.select_related(
            "etudiant", "referent", "tuteur", "etablissement_accueil__organisme"
        )
        .prefetch_related("periodes")
        .get(pk=pk)
    )
    adresses = _destinataires(convention)
    if not adresses:
        return
    evenement = convention.evenements.filter(action=Action.DEMANDE_ETUDIANT).first()
    message = evenement.commentaire if evenement else ""
    periodes = " ; ".join(
        f"du {p.debut:%d/%m/%Y} au {p.fin:%d/%m/%Y}" for p in convention.periodes.all()
    )
    lignes = [
        "Bonjour,",
        "",
        f"{convention.etudiant} demande une convention de stage chez "
        f"{convention.etablissement_accueil.organisme.raison_sociale} "
        f"({convention.etablissement_accueil.ville}), {periodes}.",
        f"Tuteur : {convention.tuteur}.",
    ]
    if message:
        lignes += ["", "Son message :", message]
    lignes += [
        "",
        "La demande est enregistrée comme brouillon, avec les constats du droit des stages :",
        f"{settings.SITE_URL}/conventions/{convention.pk}/",
        "",
        "Complétez-la puis soumettez-la à validation, ou annulez-la en disant pourquoi.",
        "",
        "Stages",
    ]
    send_mail(
        subject=f"Demande de convention de {convention.etudiant}",
        message="\n".join(lignes),
        from_email=None,
        recipient_list=adresses,
    )
