"""Writes of the follow-up: a contact noted or removed, a visit proposed (1 to 5 slots),
its slot chosen by the tutor, cancelled, reported; the kilometres of a visit.

The rules never read the clock: the views pass `le` (now) and `aujourdhui`. The tutor's
choice locks the visit's row (SELECT … FOR UPDATE on PostgreSQL; SQLite's write lock taken
at the transaction's start, stages/settings.py): two choices at once, the second one reads
the first one's slot and is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db import transaction

from comptes.models import Utilisateur
from conventions.models import Convention
from conventions.workflow import SUIVI_ATTENDU
from suivi import courriels
from suivi.models import (
    AccueilPossible,
    AvisAccueil,
    Contact,
    Creneau,
    EtatVisite,
    Nature,
    Visite,
)

CRENEAUX_MAX = 5
DUREE_MIN, DUREE_MAX = 15, 480  # minutes of a visit
KM_MAX = Decimal("2000")


class Refus(Exception):
    """A change the follow-up refuses, with the reason in French."""


def contact_ajouter(
    *,
    convention: Convention,
    nature: str,
    le: date,
    avec: str,
    note: str,
    auteur: Utilisateur | None,
    maintenant: datetime,
    aujourdhui: date,
) -> Contact:
    if nature not in Nature.values:
        raise Refus("Choisissez la nature du contact.")
    if le > aujourdhui:
        raise Refus("Un contact se note une fois eu lieu : la date ne peut pas être à venir.")
    contact = Contact(
        convention=convention,
        nature=nature,
        le=le,
        avec=avec.strip()[:200],
        note=note.strip(),
        auteur=auteur,
        cree_le=maintenant,
    )
    contact.full_clean()
    contact.save()
    return contact


def contact_supprimer(contact: Contact) -> None:
    """A contact noted by mistake; the one a visit report wrote goes with the report."""
    if contact.visite_id is not None:
        raise Refus("Ce contact est celui d'un compte rendu de visite : modifiez le compte rendu.")
    contact.delete()


@dataclass(frozen=True)
class CreneauSaisi:
    jour: date
    heure: time
    duree_minutes: int
    lieu: str


def lieu_par_defaut(convention: Convention) -> str:
    site = convention.etablissement_accueil
    return ", ".join(
        p
        for p in (site.adresse.replace("\n", ", "), f"{site.code_postal} {site.ville}".strip())
        if p
    )


@transaction.atomic
def visite_proposer(
    *,
    convention: Convention,
    creneaux: list[CreneauSaisi],
    maintenant: datetime,
    aujourdhui: date,
) -> Visite:
    """A new visit with its slots; the tutor is told by the caller (their space's link)."""
    convention = (
        Convention.objects.select_for_update(of=("self",))
        .select_related("referent", "tuteur")
        .get(pk=convention.pk)
    )
    if convention.statut not in SUIVI_ATTENDU:
        raise Refus("Une visite se propose pour un stage signé et pas encore terminé.")
    if convention.referent is None:
        raise Refus("Désignez d'abord l'enseignant référent de cette convention.")
    if convention.tuteur is None or not convention.tuteur.email:
        raise Refus("Le tuteur doit avoir une adresse e-mail pour choisir un créneau.")
    if convention.visites.filter(etat__in=(EtatVisite.PROPOSEE, EtatVisite.PLANIFIEE)).exists():
        raise Refus(
            "Une visite est déjà proposée ou prévue : annulez-la pour en proposer une autre."
        )
    if not 1 <= len(creneaux) <= CRENEAUX_MAX:
        raise Refus(f"Proposez de 1 à {CRENEAUX_MAX} créneaux.")
    vus = set()
    for c in creneaux:
        if c.jour < aujourdhui:
            raise Refus(f"Le créneau du {c.jour:%d/%m/%Y} est passé.")
        if not DUREE_MIN <= c.duree_minutes <= DUREE_MAX:
            raise Refus(f"Une visite dure de {DUREE_MIN} minutes à {DUREE_MAX // 60} heures.")
        if (c.jour, c.heure) in vus:
            raise Refus("Deux créneaux sont identiques.")
        vus.add((c.jour, c.heure))
    visite = Visite.objects.create(
        convention=convention,
        referent=convention.referent,
        etat=EtatVisite.PROPOSEE,
        proposee_le=maintenant,
    )
    for c in creneaux:
        creneau = Creneau(
            visite=visite,
            jour=c.jour,
            heure=c.heure,
            duree_minutes=c.duree_minutes,
            lieu=(c.lieu.strip() or lieu_par_defaut(convention))[:300],
        )
        creneau.full_clean()
        creneau.save()
    return visite


@transaction.atomic
def creneau_choisir(*, visite: Visite, creneau_pk: int, maintenant: datetime) -> Visite:
    """The tutor's choice: the first one wins; both get the confirmation with the event."""
    visite = Visite.objects.select_for_update().get(pk=visite.pk)
    if visite.etat != EtatVisite.PROPOSEE:
        raise Refus(
            "Un créneau a déjà été choisi pour cette visite."
            if visite.etat in (EtatVisite.PLANIFIEE, EtatVisite.FAITE)
            else "Cette visite a été annulée."
        )
    creneau = visite.creneaux.filter(pk=creneau_pk).first()
    if creneau is None:
        raise Refus("Choisissez un des créneaux proposés.")
    visite.creneau = creneau
    visite.etat = EtatVisite.PLANIFIEE
    visite.choisie_le = maintenant
    visite.save(update_fields=["creneau", "etat", "choisie_le"])
    courriels.confirmer(visite.pk, maintenant)
    return visite


@transaction.atomic
def visite_annuler(*, visite: Visite, maintenant: datetime) -> Visite:
    visite = Visite.objects.select_for_update().get(pk=visite.pk)
    if visite.etat not in (EtatVisite.PROPOSEE, EtatVisite.PLANIFIEE):
        raise Refus("Seule une visite proposée ou prévue s'annule.")
    avait_un_creneau = visite.etat == EtatVisite.PLANIFIEE
    visite.etat = EtatVisite.ANNULEE
    visite.annulee_le = maintenant
    visite.save(update_fields=["etat", "annulee_le"])
    if avait_un_creneau:
        courriels.annoncer_annulation(visite.pk, maintenant)
    return visite


@dataclass(frozen=True)
class CompteRendu:
    personnes_rencontrees: str
    avis_accueil: str
    commentaire_accueil: str
    avis_referent: str
    accueil_possible: str
    kilometres: Decimal | None = None


@transaction.atomic
def compte_rendu_enregistrer(
    *,
    visite: Visite,
    compte_rendu: CompteRendu,
    auteur: Utilisateur | None,
    maintenant: datetime,
    aujourdhui: date,
) -> Visite:
    """The report: the visit is done and the log gets (or updates) its « visite » contact."""
    visite = (
        Visite.objects.select_for_update(of=("self",)).select_related("creneau").get(pk=visite.pk)
    )
    if visite.etat not in (EtatVisite.PLANIFIEE, EtatVisite.FAITE) or visite.creneau is None:
        raise Refus("Le compte rendu s'écrit pour une visite dont le créneau est choisi.")
    if visite.creneau.jour > aujourdhui:
        raise Refus("Le compte rendu s'écrit une fois la visite faite : elle est à venir.")
    if compte_rendu.avis_accueil not in AvisAccueil.values:
        raise Refus("Indiquez l'avis de l'organisme sur le stagiaire.")
    if compte_rendu.accueil_possible not in AccueilPossible.values:
        raise Refus("Indiquez si l'organisme peut accueillir à nouveau un stagiaire.")
    if not compte_rendu.personnes_rencontrees.strip():
        raise Refus("Indiquez qui vous avez rencontré.")
    km = compte_rendu.kilometres
    if km is not None and not Decimal(0) <= km <= KM_MAX:
        raise Refus(f"Les kilomètres vont de 0 à {KM_MAX}.")
    visite.personnes_rencontrees = compte_rendu.personnes_rencontrees.strip()[:300]
    visite.avis_accueil = compte_rendu.avis_accueil
    visite.commentaire_accueil = compte_rendu.commentaire_accueil.strip()
    visite.avis_referent = compte_rendu.avis_referent.strip()
    visite.accueil_possible = compte_rendu.accueil_possible
    if km is not None:
        visite.kilometres = km
    visite.etat = EtatVisite.FAITE
    visite.compte_rendu_le = maintenant
    visite.save()
    note = (
        f"Avis de l'organisme : {visite.get_avis_accueil_display().lower()}. "
        f"Peut accueillir à nouveau : {visite.get_accueil_possible_display().lower()}."
    )
    Contact.objects.update_or_create(
        visite=visite,
        defaults={
            "convention_id": visite.convention_id,
            "nature": Nature.VISITE,
            "le": visite.creneau.jour,
            "avec": visite.personnes_rencontrees[:200],
            "note": note,
            "auteur": auteur,
            "cree_le": maintenant,
        },
    )
    return visite


def kilometres_enregistrer(*, visite: Visite, kilometres: Decimal | None) -> Visite:
    if kilometres is not None and not Decimal(0) <= kilometres <= KM_MAX:
        raise Refus(f"Les kilomètres vont de 0 à {KM_MAX}.")
    visite.kilometres = kilometres
    visite.save(update_fields=["kilometres"])
    return visite
