"""Writes on the students' search: an application logged, changed or deleted by its student;
an interest in an offer marked or withdrawn; a candidate proposed to the company by the staff.

Every rule is checked here, whoever calls (the form, the demo, a test): lengths, a date in
1900–2100 and not to come, a period of the student's own cohort, the choices of the lists,
an offer the section accepted. The caller passes the moment (`le`) and the day
(`aujourdhui`): nothing here reads the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from candidatures.models import (
    CONTACT_MAX,
    NOM_MAX,
    NOTES_MAX,
    Canal,
    Candidature,
    InteretOffre,
    RappelRecherche,
    Reponse,
)
from comptes.models import Utilisateur
from core.recherche import normaliser
from etablissement.models import Etudiant, PeriodePromotion
from organismes.models import OrganismeAccueil
from public.models import PropositionStage, StatutProposition
from regles.bornes import MESSAGE_DATE, date_dans_les_bornes

# A student's log holds this many applications at most: a search, not a mailing.
CANDIDATURES_MAX = 300

OFFRE_FERMEE = "Cette offre n'est plus ouverte : la section ne la propose plus aux étudiants."


@dataclass(frozen=True)
class Saisie:
    """What the student typed for an application."""

    periode: PeriodePromotion
    organisme_nom: str
    canal: str
    date: date
    reponse: str = Reponse.EN_ATTENTE
    contact: str = ""
    notes: str = ""


def _texte(erreurs: dict[str, list[str]], champ: str, valeur: str, maximum: int) -> str:
    texte = " ".join(valeur.split()) if champ != "notes" else valeur.strip()
    if len(texte) > maximum:
        erreurs.setdefault(champ, []).append(f"{maximum} caractères au plus (ici {len(texte)}).")
    return texte


def _verifier(etudiant: Etudiant, saisie: Saisie, *, aujourdhui: date) -> Saisie:
    """The application as it will be written (spaces tidied), or every refusal at once."""
    erreurs: dict[str, list[str]] = {}
    nom = _texte(erreurs, "organisme_nom", saisie.organisme_nom, NOM_MAX)
    if not nom:
        erreurs.setdefault("organisme_nom", []).append(
            "Indiquez l'entreprise ou l'organisme contacté."
        )
    contact = _texte(erreurs, "contact", saisie.contact, CONTACT_MAX)
    notes = _texte(erreurs, "notes", saisie.notes, NOTES_MAX)
    if saisie.canal not in Canal.values:
        erreurs.setdefault("canal", []).append("Choisissez un canal de la liste.")
    if saisie.reponse not in Reponse.values:
        erreurs.setdefault("reponse", []).append("Choisissez une réponse de la liste.")
    if not date_dans_les_bornes(saisie.date):
        erreurs.setdefault("date", []).append(MESSAGE_DATE)
    elif saisie.date > aujourdhui:
        erreurs.setdefault("date", []).append(
            "Cette date n'est pas encore passée : notez la candidature une fois envoyée."
        )
    if saisie.periode.promotion_id != etudiant.promotion_id:
        erreurs.setdefault("periode", []).append(
            "Choisissez une période de stage de votre promotion."
        )
    if erreurs:
        raise ValidationError(erreurs)
    return Saisie(
        periode=saisie.periode,
        organisme_nom=nom,
        canal=saisie.canal,
        date=saisie.date,
        reponse=saisie.reponse,
        contact=contact,
        notes=notes,
    )


def _organisme_connu(nom: str) -> OrganismeAccueil | None:
    """The section's host of that exact name (accents and case aside), if only one has it."""
    trouves = list(OrganismeAccueil.objects.filter(recherche=normaliser(nom)[:200])[:2])
    return trouves[0] if len(trouves) == 1 else None


def _ecrire(candidature: Candidature, saisie: Saisie) -> None:
    candidature.periode = saisie.periode
    candidature.organisme_nom = saisie.organisme_nom
    candidature.organisme = _organisme_connu(saisie.organisme_nom)
    candidature.contact = saisie.contact
    candidature.canal = saisie.canal
    candidature.date = saisie.date
    candidature.reponse = saisie.reponse
    candidature.notes = saisie.notes


@transaction.atomic
def candidature_creer(
    *, etudiant: Etudiant, saisie: Saisie, le: datetime, aujourdhui: date
) -> Candidature:
    propre = _verifier(etudiant, saisie, aujourdhui=aujourdhui)
    # The student's row, locked: two tabs never pass the cap together.
    Etudiant.objects.select_for_update().filter(pk=etudiant.pk).first()
    if Candidature.objects.filter(etudiant=etudiant).count() >= CANDIDATURES_MAX:
        raise ValidationError(
            f"Votre suivi compte déjà {CANDIDATURES_MAX} candidatures : "
            "supprimez les plus anciennes avant d'en noter une autre."
        )
    candidature = Candidature(etudiant=etudiant, cree_le=le, modifie_le=le)
    _ecrire(candidature, propre)
    candidature.save()
    return candidature


@transaction.atomic
def candidature_modifier(
    *, candidature: Candidature, saisie: Saisie, le: datetime, aujourdhui: date
) -> Candidature:
    propre = _verifier(candidature.etudiant, saisie, aujourdhui=aujourdhui)
    _ecrire(candidature, propre)
    candidature.modifie_le = le
    candidature.save()
    return candidature


def candidature_supprimer(*, candidature: Candidature) -> None:
    candidature.delete()


@transaction.atomic
def interet_marquer(
    *, etudiant: Etudiant, proposition: PropositionStage, le: datetime
) -> InteretOffre:
    """« Cette offre m'intéresse »: once per offer (a second click changes nothing)."""
    offre = PropositionStage.objects.select_for_update().get(pk=proposition.pk)
    if offre.statut != StatutProposition.ACCEPTEE:
        raise ValidationError(OFFRE_FERMEE)
    interet, _ = InteretOffre.objects.get_or_create(
        etudiant=etudiant, proposition=offre, defaults={"cree_le": le}
    )
    return interet


def interet_retirer(*, etudiant: Etudiant, proposition: PropositionStage) -> bool:
    """The student withdraws their interest (and so their candidacy, if it was proposed):
    whether there was one."""
    supprimes, _ = InteretOffre.objects.filter(etudiant=etudiant, proposition=proposition).delete()
    return supprimes > 0


@transaction.atomic
def interet_proposer(
    *, interet: InteretOffre, par: Utilisateur, le: datetime, propose: bool = True
) -> InteretOffre:
    """The staff propose the interested student to the company (its follow-up page shows
    their first name), or take the proposal back."""
    interet = (
        InteretOffre.objects.select_for_update().select_related("proposition").get(pk=interet.pk)
    )
    if propose and interet.proposition.statut != StatutProposition.ACCEPTEE:
        raise ValidationError(OFFRE_FERMEE)
    interet.propose_le = le if propose else None
    interet.propose_par = par if propose else None
    interet.save(update_fields=["propose_le", "propose_par"])
    return interet


def rappel_prevoir(
    *, periode: PeriodePromotion, jour: date, par: Utilisateur | None, aujourdhui: date
) -> RappelRecherche:
    """The section sets a day to remind the students without a place for `periode`: from
    today to the period's end."""
    if not date_dans_les_bornes(jour):
        raise ValidationError({"jour": MESSAGE_DATE})
    if jour < aujourdhui:
        raise ValidationError({"jour": "Choisissez aujourd'hui ou un jour à venir."})
    if jour > periode.fin:
        raise ValidationError(
            {"jour": f"Choisissez un jour avant la fin de la période ({periode.fin:%d/%m/%Y})."}
        )
    if RappelRecherche.objects.filter(periode=periode, jour=jour).exists():
        raise ValidationError({"jour": "Un rappel est déjà prévu ce jour-là pour cette période."})
    return RappelRecherche.objects.create(periode=periode, jour=jour, cree_par=par)


def rappel_annuler(*, rappel: RappelRecherche) -> None:
    """A reminder not sent yet is taken back; one already sent stays, as a record."""
    if rappel.envois.exists():
        raise ValidationError("Ce rappel est déjà parti : il reste dans l'historique.")
    rappel.delete()
