"""Reads of the follow-up shared by several screens: a convention's log and promised
contacts, the late follow-ups of the section (or of one référent), a référent's visits of a
day or a month, the visits a host's tutor is asked to choose a slot for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from conventions.models import Convention
from conventions.workflow import SUIVI_ATTENDU
from etablissement.models import Enseignant
from suivi.echeances import Echeance, echeances, promesse
from suivi.models import AccueilPossible, Contact, EtatVisite, Nature, Visite

EN_COURS = (EtatVisite.PROPOSEE, EtatVisite.PLANIFIEE)


@dataclass(frozen=True)
class Suivi:
    contacts: list[Contact]
    visites: list[Visite]
    echeances: list[Echeance]

    @property
    def en_retard(self) -> list[Echeance]:
        return [e for e in self.echeances if e.en_retard]


def _echeances(convention: Convention, contacts: list[Contact], aujourdhui: date) -> list[Echeance]:
    periodes = [(p.debut, p.fin) for p in convention.periodes.all()]
    if not periodes:
        return []
    return echeances(
        periodes=periodes,
        contacts=[(c.le, c.nature == Nature.VISITE) for c in contacts],
        promesse=promesse(periodes[0][0]),
        aujourdhui=aujourdhui,
    )


def suivi_de(convention: Convention, *, aujourdhui: date) -> Suivi:
    contacts = list(convention.contacts_suivi.select_related("auteur"))
    visites = list(
        convention.visites.select_related("creneau", "referent").prefetch_related("creneaux")
    )
    suivie = convention.statut in SUIVI_ATTENDU
    return Suivi(
        contacts=contacts,
        visites=visites,
        echeances=_echeances(convention, contacts, aujourdhui) if suivie else [],
    )


@dataclass(frozen=True)
class Retard:
    convention: Convention
    echeances: list[Echeance]


def suivis_en_retard(*, aujourdhui: date, referent: Enseignant | None = None) -> list[Retard]:
    """The followed conventions (signed, in progress) with a promised contact overdue on
    `aujourdhui`, the oldest due first; only `referent`'s if given."""
    conventions = (
        Convention.objects.filter(statut__in=SUIVI_ATTENDU, periodes__debut__lte=aujourdhui)
        .distinct()
        .select_related("etudiant", "referent", "tuteur", "etablissement_accueil__organisme")
        .prefetch_related("periodes", Prefetch("contacts_suivi", to_attr="_contacts"))
    )
    if referent is not None:
        conventions = conventions.filter(referent=referent)
    retards = []
    for c in conventions:
        en_retard = [e for e in _echeances(c, c._contacts, aujourdhui) if e.en_retard]
        if en_retard:
            retards.append(Retard(c, en_retard))
    return sorted(retards, key=lambda r: (min(e.due_le for e in r.echeances), r.convention.pk))


def _visites() -> QuerySet[Visite]:
    return Visite.objects.select_related(
        "creneau",
        "referent",
        "convention__etudiant",
        "convention__tuteur",
        "convention__etablissement_accueil__organisme",
    )


def visites_du_jour(jour: date, *, referent: Enseignant | None) -> list[Visite]:
    """The visits of `jour` with a chosen slot (planned or done), in time order; a
    référent's own, everybody's if None (an administrator)."""
    visites = _visites().filter(
        etat__in=(EtatVisite.PLANIFIEE, EtatVisite.FAITE), creneau__jour=jour
    )
    if referent is not None:
        visites = visites.filter(referent=referent)
    return list(visites.order_by("creneau__heure", "pk"))


def visites_du_mois(annee: int, mois: int, *, referent: Enseignant | None) -> list[Visite]:
    """The visits of a month with a chosen slot, for the travel-expense claim."""
    visites = _visites().filter(
        etat__in=(EtatVisite.PLANIFIEE, EtatVisite.FAITE),
        creneau__jour__year=annee,
        creneau__jour__month=mois,
    )
    if referent is not None:
        visites = visites.filter(referent=referent)
    return list(visites.order_by("creneau__jour", "creneau__heure", "pk"))


def visites_a_choisir(conventions: QuerySet[Convention]) -> list[Visite]:
    """The visits of these conventions (a host link's scope) still proposed or planned."""
    return list(
        _visites()
        .filter(convention__in=conventions, etat__in=EN_COURS)
        .prefetch_related("creneaux")
        .order_by("proposee_le", "pk")
    )


def visite_de_la_convention(convention: Convention) -> Visite | None:
    """The visit in progress (proposed or planned) of a convention, if any."""
    return convention.visites.filter(etat__in=EN_COURS).select_related("creneau").first()


@dataclass(frozen=True)
class AvisVisites:
    """What the référents' visit reports say of a host for its next placement."""

    comptes: list[tuple[str, int]]  # « Oui, avec réserves » : 2 …, in the choices' order
    derniers: list[Visite]  # the latest reports, newest first

    def __bool__(self) -> bool:
        return bool(self.derniers)


def avis_des_visites(organisme_pk: int, *, derniers: int = 3) -> AvisVisites:
    """The answers to « peut accueillir à nouveau » of every visit reported at this host,
    counted, and its latest reports (the host's page, a convention built with it)."""
    rapports = list(
        Visite.objects.filter(
            convention__etablissement_accueil__organisme_id=organisme_pk,
            compte_rendu_le__isnull=False,
        )
        .select_related("referent", "convention__etudiant")
        .order_by("-compte_rendu_le", "-pk")
    )
    comptes = [
        (libelle, n)
        for valeur, libelle in AccueilPossible.choices
        if (n := sum(1 for v in rapports if v.accueil_possible == valeur))
    ]
    return AvisVisites(comptes, rapports[:derniers])
