"""Writes of the spaces: a personal link created, e-mailed and renewed; a host's answer about
a convention's data; the staff asking a host to confirm.

The rules of the signature links (documents/signatures.py): the secret is given to nobody but
the e-mail to the address on record (the tutor's, the contact's or the school's, read again at
each sending), only its SHA-256 is kept, it expires after `duree_lien()`, and a new link
revokes the previous ones of the same person. Every e-mail leaves after the commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention, EvenementConvention
from conventions.workflow import MODIFICATION_POSSIBLE
from core.audit import Action
from core.courrier import apres_validation
from espaces.jetons import empreinte, nouveau_jeton
from espaces.models import ConfirmationAccueil, EvenementEspace, LienEspace, Qualite
from etablissement.selectors import etablissement_principal
from organismes.models import ContactOrganisme, OrganismeAccueil, RoleContact, Tuteur

# How long a link opens the space when settings.ESPACE_DUREE_LIEN_JOURS (the environment's)
# is not there.
DUREE_LIEN_JOURS = 30
CORRECTION_MAX = 2000  # characters of a correction message


def duree_lien() -> timedelta:
    return timedelta(days=getattr(settings, "ESPACE_DUREE_LIEN_JOURS", DUREE_LIEN_JOURS))


class EnvoiRefuse(Exception):
    """A link that cannot be sent (no address on record), or an answer that is refused."""


@dataclass(frozen=True)
class Titulaire:
    """Who a link is for, as the section's records say now."""

    qualite: Qualite
    nom: str
    email: str
    organisme: OrganismeAccueil | None = None
    tuteur: Tuteur | None = None
    contact: ContactOrganisme | None = None


def titulaire_tuteur(tuteur: Tuteur) -> Titulaire:
    return Titulaire(Qualite.TUTEUR, str(tuteur), tuteur.email, tuteur.organisme, tuteur=tuteur)


def titulaire_contact(contact: ContactOrganisme) -> Titulaire:
    nom = f"{contact.prenom} {contact.nom}".strip()
    return Titulaire(Qualite.SIGNATAIRE, nom, contact.email, contact.organisme, contact=contact)


def titulaire_chef() -> Titulaire:
    """The head of school, at the school's address (the one their signature links go to)."""
    ecole = etablissement_principal()
    if ecole is None or not ecole.chef_etablissement_nom:
        raise EnvoiRefuse("Indiquez d'abord le chef d'établissement de l'établissement.")
    return Titulaire(Qualite.CHEF_ETABLISSEMENT, ecole.chef_etablissement_nom, ecole.email)


def titulaire_du_lien(lien: LienEspace) -> Titulaire:
    """The holder of an existing link, read again from the records (their address may have
    changed since: the new link goes to the current one)."""
    if lien.tuteur is not None:
        return titulaire_tuteur(lien.tuteur)
    if lien.contact is not None:
        return titulaire_contact(lien.contact)
    if lien.qualite == Qualite.CHEF_ETABLISSEMENT:
        return titulaire_chef()
    return Titulaire(Qualite(lien.qualite), lien.nom, lien.email, lien.organisme)


@dataclass(frozen=True)
class LienCree:
    lien: LienEspace
    jeton: str  # the secret, for the e-mail only: never stored, never shown


def _memes(titulaire: Titulaire) -> Q:
    """The links of the same person in the same quality (the ones a new link replaces)."""
    if titulaire.tuteur is not None:
        return Q(tuteur=titulaire.tuteur)
    if titulaire.contact is not None:
        return Q(contact=titulaire.contact)
    if titulaire.qualite == Qualite.CHEF_ETABLISSEMENT:
        return Q(qualite=Qualite.CHEF_ETABLISSEMENT)  # one head of school, whatever the address
    return Q(
        qualite=titulaire.qualite, organisme=titulaire.organisme, email__iexact=titulaire.email
    )


@transaction.atomic
def lien_envoyer(
    *,
    titulaire: Titulaire,
    le: datetime,
    auteur: Utilisateur | None,
    convention: Convention | None = None,
    action: Action = Action.LIEN_ESPACE,
    paragraphes: Sequence[str] = (),
) -> LienCree:
    """A new personal link for `titulaire`, e-mailed after the commit to their address on
    record; their previous links stop working. `convention` adds a sentence asking them to
    confirm that convention's data; `paragraphes`, what else the e-mail asks (the weeks of
    presence to confirm)."""
    if not titulaire.email:
        raise EnvoiRefuse(f"{titulaire.nom} n'a pas d'adresse e-mail : ajoutez-la d'abord.")
    LienEspace.objects.filter(_memes(titulaire), revoque_le__isnull=True).update(revoque_le=le)
    jeton, sha = nouveau_jeton()
    lien = LienEspace.objects.create(
        qualite=titulaire.qualite,
        nom=titulaire.nom[:200],
        email=titulaire.email,
        organisme=titulaire.organisme,
        tuteur=titulaire.tuteur,
        contact=titulaire.contact,
        jeton_sha256=sha,
        expire_le=le + duree_lien(),
        cree_le=le,
    )
    EvenementEspace.objects.create(
        lien=lien,
        action=action,
        auteur=auteur,
        donnees={
            "destinataire": lien.email,
            **({"convention": convention.pk} if convention else {}),
        },
    )
    apres_validation(
        partial(
            _envoyer, lien.pk, jeton, le, convention.pk if convention else None, tuple(paragraphes)
        )
    )
    return LienCree(lien, jeton)


def lien_url(jeton: str) -> str:
    return f"{settings.SITE_URL}{reverse('espaces:espace', args=[jeton])}"


def _envoyer(
    lien_pk: int,
    jeton: str,
    le: datetime,
    convention_pk: int | None,
    paragraphes: tuple[str, ...] = (),
) -> None:
    """The e-mail with the link, to the address on record; its sending is recorded on the
    link (`envoye_le`), never its text."""
    lien = LienEspace.objects.select_related("organisme").get(pk=lien_pk)
    if lien.qualite == Qualite.CHEF_ETABLISSEMENT:
        objet = "vos documents à signer pour l'établissement"
        quoi = [
            "Voici votre lien personnel vers les documents qui attendent votre signature au nom "
            "de l'établissement (conventions de stage et avenants) : vous pourrez les lire, "
            "puis les signer ensemble en une seule action."
        ]
    else:
        assert lien.organisme is not None
        nom = lien.organisme.raison_sociale
        objet = f"votre espace d'organisme d'accueil ({nom})"
        quoi = [
            f"Voici votre lien personnel vers l'espace de votre organisme ({nom}) : vos stagiaires, les "
            "documents qui attendent votre signature, les informations des conventions à "
            "confirmer, les attestations et les coordonnées des enseignants référents."
        ]
    if convention_pk is not None:
        c = Convention.objects.select_related("etudiant").get(pk=convention_pk)
        dates = f" du {c.debut:%d/%m/%Y} au {c.fin:%d/%m/%Y}" if c.debut and c.fin else ""
        quoi.append(
            f"La section vous demande de confirmer, ou de corriger, les informations de la "
            f"convention n° {c.pk} de {c.etudiant}{dates} avant de la valider."
        )
    quoi += paragraphes
    lignes = [
        f"Bonjour {lien.nom},",
        "",
        *quoi,
        "",
        "Votre lien personnel (ne le transmettez pas) :",
        lien_url(jeton),
        "",
        f"Il est valable jusqu'au {timezone.localtime(lien.expire_le):%d/%m/%Y}. Ouvrir le "
        "lien ne signe rien. S'il a expiré, la page vous permet d'en recevoir un nouveau à "
        "cette adresse.",
        "",
        "Stages",
    ]
    EmailMessage(subject=f"Stages : {objet}", body="\n".join(lignes), to=[lien.email]).send()
    LienEspace.objects.filter(pk=lien.pk).update(envoye_le=le)


def lien_par_jeton(jeton: str) -> LienEspace | None:
    """The link of `jeton` if it was never replaced (valid or expired), else None."""
    return (
        LienEspace.objects.select_related("organisme", "tuteur", "contact")
        .filter(jeton_sha256=empreinte(jeton), revoque_le__isnull=True)
        .first()
    )


def lien_valide(lien: LienEspace, *, le: datetime) -> bool:
    return lien.revoque_le is None and lien.expire_le > le


def lien_ouvert(lien: LienEspace, *, le: datetime) -> None:
    """The holder opened their space: the staff see when they last came."""
    LienEspace.objects.filter(pk=lien.pk).update(dernier_acces_le=le)


@transaction.atomic
def lien_renouveler(*, lien: LienEspace, le: datetime) -> LienCree:
    """An expired link asks for a new one: e-mailed to the address on record now (never shown
    on the page); the expired one is revoked."""
    verrouille = LienEspace.objects.select_for_update().get(pk=lien.pk)
    if verrouille.revoque_le is not None:
        raise EnvoiRefuse("Ce lien a déjà été remplacé : utilisez le dernier reçu.")
    return lien_envoyer(
        titulaire=titulaire_du_lien(verrouille),
        le=le,
        auteur=None,
        action=Action.LIEN_ESPACE_DEMANDE,
    )


# -- A convention's data, put to its host ---------------------------------------------------


def _garde_confirmation(convention: Convention) -> None:
    if convention.statut not in MODIFICATION_POSSIBLE:
        raise EnvoiRefuse(
            "Les informations d'une convention se confirment avant sa validation ; celle-ci "
            f"est « {convention.get_statut_display().lower()} »."
        )


@transaction.atomic
def confirmation_demander(
    *, convention: Convention, le: datetime, auteur: Utilisateur
) -> list[LienCree]:
    """The staff ask the host to confirm a convention's data: its tutor and its signatory
    each receive their link, with a sentence naming the convention."""
    _garde_confirmation(convention)
    organisme = convention.etablissement_accueil.organisme
    titulaires: list[Titulaire] = []
    if convention.tuteur is not None and convention.tuteur.email:
        titulaires.append(titulaire_tuteur(convention.tuteur))
    signataire = (
        ContactOrganisme.objects.filter(organisme=organisme, role=RoleContact.SIGNATAIRE)
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    if signataire is not None and (
        not titulaires or signataire.email.lower() != titulaires[0].email.lower()
    ):
        titulaires.append(titulaire_contact(signataire))
    if not titulaires:
        raise EnvoiRefuse(
            "Ni le tuteur ni le signataire de l'organisme n'ont d'adresse e-mail : "
            "complétez la fiche de l'organisme."
        )
    liens = [
        lien_envoyer(titulaire=t, le=le, auteur=auteur, convention=convention) for t in titulaires
    ]
    EvenementConvention.objects.create(
        convention=convention,
        action=Action.ACCUEIL_DEMANDE,
        auteur=auteur,
        commentaire="Envoyée à " + ", ".join(t.nom for t in titulaires),
    )
    return liens


@transaction.atomic
def confirmation_repondre(
    *, convention: Convention, lien: LienEspace, le: datetime, correction: str = ""
) -> ConfirmationAccueil:
    """The host's answer: `correction` empty confirms the data as shown, else says what to
    correct. The référent is told by e-mail; the convention's timeline keeps it."""
    _garde_confirmation(convention)
    correction = correction.replace("\x00", "").strip()
    if len(correction) > CORRECTION_MAX:
        raise ValidationError(
            f"Votre message dépasse {CORRECTION_MAX} caractères : raccourcissez-le."
        )
    reponse = ConfirmationAccueil.objects.create(
        convention=convention,
        lien=lien,
        confirme_le=None if correction else le,
        correction=correction,
        cree_le=le,
    )
    EvenementConvention.objects.create(
        convention=convention,
        action=Action.ACCUEIL_CORRECTION if correction else Action.ACCUEIL_CONFIRMATION,
        auteur=None,
        commentaire=correction,
        donnees={"par": lien.nom, "qualite": lien.qualite},
    )
    apres_validation(partial(_prevenir_referent, reponse.pk))
    return reponse


def _prevenir_referent(reponse_pk: int) -> None:
    reponse = ConfirmationAccueil.objects.select_related(
        "convention__etudiant", "convention__referent", "lien__organisme"
    ).get(pk=reponse_pk)
    c = reponse.convention
    if c.referent is None or not c.referent.email:
        return
    qui = f"{reponse.lien.nom} ({reponse.lien.get_qualite_display().lower()})"
    if reponse.correction:
        sujet = f"Correction signalée : convention n° {c.pk} de {c.etudiant}"
        corps = [
            f"{qui} signale une correction à apporter à la convention n° {c.pk} de {c.etudiant} :",
            "",
            reponse.correction,
        ]
    else:
        sujet = f"Informations confirmées : convention n° {c.pk} de {c.etudiant}"
        corps = [
            f"{qui} confirme les informations de la convention n° {c.pk} de {c.etudiant}, "
            "telles que la section les a saisies."
        ]
    lignes = [
        f"Bonjour {c.referent},",
        "",
        *corps,
        "",
        f"La convention : {settings.SITE_URL}{reverse('conventions:detail', args=[c.pk])}",
        "",
        "Stages",
    ]
    EmailMessage(subject=sujet, body="\n".join(lignes), to=[c.referent.email]).send()
