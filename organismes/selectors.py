"""Reads on host organisations, and their translation into the rules engine's view."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Q, QuerySet, prefetch_related_objects

from organismes.models import OrganismeAccueil, Tuteur
from regles.modele import Organisme, Periode

# What the engine needs besides the organisme's own row: one query each, whatever the count.
_POUR_REGLES = ("effectifs", "autres_stagiaires", "fermetures")


def _vers_regles(organisme: OrganismeAccueil) -> Organisme:
    return Organisme(
        siren=organisme.siren,
        effectifs={e.mois: e.personnes for e in organisme.effectifs.all()},
        autres_stagiaires={s.lundi: s.nombre for s in organisme.autres_stagiaires.all()},
        fermetures=tuple(
            Periode(f.debut, f.fin)
            for f in sorted(organisme.fermetures.all(), key=lambda f: f.debut)
        ),
        taux_atmp=organisme.taux_atmp,
        taux_versement_mobilite=organisme.taux_versement_mobilite,
    )


def organisme_pour_regles(organisme: OrganismeAccueil) -> Organisme:
    """The engine's view of one host: headcounts, other schools' interns, closures (3 queries,
    none if they were prefetched)."""
    prefetch_related_objects([organisme], *_POUR_REGLES)
    return _vers_regles(organisme)


def organismes_pour_regles(
    organismes: QuerySet[OrganismeAccueil] | Iterable[OrganismeAccueil],
) -> list[Organisme]:
    """The engine's view of many hosts, in a constant number of queries (1 + 3 for a
    queryset, 3 for instances already loaded)."""
    if isinstance(organismes, QuerySet):
        liste = list(organismes.prefetch_related(*_POUR_REGLES))
    else:
        liste = list(organismes)
        prefetch_related_objects(liste, *_POUR_REGLES)
    return [_vers_regles(o) for o in liste]


def organisme_par_siren(siren: str) -> OrganismeAccueil | None:
    return OrganismeAccueil.objects.filter(siren=siren).first()


def organismes_rechercher(*, texte: str = "") -> QuerySet[OrganismeAccueil]:
    """Hosts whose name, SIREN, one of whose SIRETs or town contains `texte`."""
    organismes = OrganismeAccueil.objects.all()
    texte = texte.strip()
    if texte:
        organismes = organismes.filter(
            Q(raison_sociale__icontains=texte)
            | Q(siren__startswith=texte.replace(" ", ""))
            | Q(etablissements__siret__startswith=texte.replace(" ", ""))
            | Q(ville__icontains=texte)
            | Q(etablissements__ville__icontains=texte)
        ).distinct()
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
