"""Reads on host organisations, and their translation into the rules engine's view."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from core.recherche import normaliser
from organismes.models import (
    EffectifMensuel,
    EtablissementAccueil,
    EvenementOrganisme,
    FermetureOrganisme,
    OrganismeAccueil,
    StagiairesAutresEcoles,
    Tuteur,
)
from regles.modele import Organisme, Periode


def organisme_pour_regles(organisme: OrganismeAccueil) -> Organisme:
    """The engine's view of one host: headcounts, other schools' interns, closures."""
    return organismes_pour_regles([organisme])[0]


def organismes_pour_regles(
    organismes: QuerySet[OrganismeAccueil] | Iterable[OrganismeAccueil],
) -> list[Organisme]:
    """The engine's view of many hosts, in 3 queries whatever their number (4 for a
    queryset). Their headcounts, other schools' interns and closures are read as rows: a
    host declares 12 headcounts a year, and a cohort's dashboard reads a hundred hosts."""
    liste = list(organismes)
    pks = [o.pk for o in liste]
    effectifs: dict[int, dict[date, int]] = defaultdict(dict)
    for organisme, mois, personnes in (
        EffectifMensuel.objects.filter(organisme_id__in=pks)
        .order_by()
        .values_list("organisme_id", "mois", "personnes")
    ):
        effectifs[organisme][mois] = personnes
    autres: dict[int, dict[date, int]] = defaultdict(dict)
    for organisme, lundi, nombre in (
        StagiairesAutresEcoles.objects.filter(organisme_id__in=pks)
        .order_by()
        .values_list("organisme_id", "lundi", "nombre")
    ):
        autres[organisme][lundi] = nombre
    fermetures: dict[int, list[Periode]] = defaultdict(list)
    for organisme, debut, fin in (
        FermetureOrganisme.objects.filter(organisme_id__in=pks)
        .order_by("debut")
        .values_list("organisme_id", "debut", "fin")
    ):
        fermetures[organisme].append(Periode(debut, fin))
    return [
        Organisme(
            siren=o.siren,
            effectifs=effectifs[o.pk],
            autres_stagiaires=autres[o.pk],
            fermetures=tuple(fermetures[o.pk]),
            taux_atmp=o.taux_atmp,
            taux_versement_mobilite=o.taux_versement_mobilite,
        )
        for o in liste
    ]


def organisme_par_siren(siren: str) -> OrganismeAccueil | None:
    return OrganismeAccueil.objects.filter(siren=siren).first()


def organismes_rechercher(*, texte: str = "") -> QuerySet[OrganismeAccueil]:
    """Hosts that every word of `texte` finds: in the name or a site's sign (lowercase,
    without accents: "societe generale" finds Société Générale), in the town of the seat or of
    a site, or as the start of the SIREN or of a SIRET (spaces ignored: "552 100 554")."""
    organismes = OrganismeAccueil.objects.all()
    texte = texte.strip()
    if not texte:
        return organismes.order_by("raison_sociale")
    chiffres = texte.replace(" ", "")
    if chiffres.isdigit():
        return organismes.filter(
            Q(siren__startswith=chiffres)
            | Q(
                pk__in=EtablissementAccueil.objects.filter(siret__startswith=chiffres).values(
                    "organisme"
                )
            )
        ).order_by("raison_sociale")
    for mot in texte.split():
        forme = normaliser(mot)
        sites = EtablissementAccueil.objects.filter(
            Q(recherche__contains=forme) | Q(ville__icontains=mot) | Q(siret__startswith=mot)
        )
        organismes = organismes.filter(
            Q(recherche__contains=forme)
            | Q(ville__icontains=mot)
            | Q(siren__startswith=mot)
            | Q(pk__in=sites.values("organisme"))
        )
    return organismes.order_by("raison_sociale")


def tuteurs_de(organisme: OrganismeAccueil) -> QuerySet[Tuteur]:
    return organisme.tuteurs.order_by("nom", "prenom")


def mois_sans_effectif(organisme: OrganismeAccueil, *, du: date, au: date) -> list[date]:
    """The months from `du` to `au` (first days) whose headcount the host has not declared:
    the quota then falls back to its lowest value, so the host should be asked."""
    connus = set(
        organisme.effectifs.filter(mois__gte=du.replace(day=1), mois__lte=au).values_list(
            "mois", flat=True
        )
    )
    manquants = []
    mois = du.replace(day=1)
    while mois <= au:
        if mois not in connus:
            manquants.append(mois)
        mois = date(mois.year + mois.month // 12, mois.month % 12 + 1, 1)
    return manquants


@dataclass(frozen=True)
class Changement:
    """One line of a host's history: what changed (the action's label), for which month
    (mois) or civil week (lundi), from what to what (avant None: first declared)."""

    evenement: EvenementOrganisme
    mois: date | None
    lundi: date | None
    avant: int | None
    apres: int


def _jour(texte: str | None) -> date | None:
    return date.fromisoformat(texte) if texte else None


def historique_organisme(organisme: OrganismeAccueil, *, limite: int = 20) -> list[Changement]:
    """The latest changes of the counts the quota reads, the most recent first."""
    evenements = organisme.evenements.select_related("auteur").order_by("-horodatage", "-pk")
    return [
        Changement(
            e,
            _jour(e.donnees.get("mois")),
            _jour(e.donnees.get("lundi")),
            e.donnees.get("avant"),
            e.donnees["apres"],
        )
        for e in evenements[:limite]
    ]
