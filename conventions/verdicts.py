"""The blocking findings of a page of conventions (the list's marker), in a constant number
of queries and of engine calls whatever the page's size, with the verdict each convention's
own page would give (`moteur.evaluer_convention`).

A convention is compared with the conventions in force only (`moteur.voisines`): a draft
never counts in another's quota. So the page's conventions in force are evaluated once with
their neighbours in force; the others (drafts, awaiting validation) are evaluated with that
same set, in as few calls as keep apart two of them the law compares (the same student, or
the same host or tutor in a common week: one call on most pages)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q

from conventions.models import Convention, PeriodeConvention, Statut
from conventions.moteur import (
    FENETRE,
    avec_details,
    constats_de,
    journaux,
    situation,
    tous_vers_regles,
)
from conventions.workflow import EN_VIGUEUR
from organismes.models import EtablissementAccueil
from regles.constats import Constat, Severite
from regles.evaluation import evaluer


def _voisines(propres: Sequence[Convention]) -> list[int]:
    """Ids of the conventions in force, not in `propres`, sharing a host, a student or a
    tutor with one of them within the engine's window: one UNION, as moteur.voisines."""
    periodes = [p for c in propres for p in c.periodes.all()]
    debut, fin = min(p.debut for p in periodes), max(p.fin for p in periodes)
    dans_la_fenetre = PeriodeConvention.objects.filter(
        convention=OuterRef("pk"), debut__lte=fin + FENETRE, fin__gte=debut - FENETRE
    )
    sites = list(
        EtablissementAccueil.objects.filter(
            organisme_id__in={c.etablissement_accueil.organisme_id for c in propres}
        )
        .order_by()
        .values_list("pk", flat=True)
    )
    liens = [
        Q(etablissement_accueil_id__in=sites),
        Q(etudiant_id__in={c.etudiant_id for c in propres}),
    ]
    if tuteurs := {c.tuteur_id for c in propres if c.tuteur_id}:
        liens.append(Q(tuteur_id__in=tuteurs))
    # The linked conventions first, through the keys' indexes, then their status and
    # window: filtered on the status first, the planner read nearly every convention (most
    # are in force) and checked each one's periods (120 ms at an académie's scale).
    requetes = [Convention.objects.filter(lien).order_by().values("pk") for lien in liens]
    liees = requetes[0].union(*requetes[1:])
    return list(
        Convention.objects.filter(pk__in=liees, statut__in=EN_VIGUEUR)
        .filter(Exists(dans_la_fenetre))
        .exclude(pk__in=[c.pk for c in propres])
        .order_by()
        .values_list("pk", flat=True)
    )


def _semaines(c: Convention) -> list[tuple[date, date]]:
    """The civil weeks a convention covers, Monday to Sunday, period by period."""
    return [
        (p.debut - timedelta(days=p.debut.weekday()), p.fin + timedelta(days=6 - p.fin.weekday()))
        for p in c.periodes.all()
    ]


def _lies(a: Convention, b: Convention) -> bool:
    """Whether the law compares `a` and `b`: the same student (the year's totals), or the
    same host or tutor with a civil week in common (quota, tutor's load) or, for the host,
    the same post (the waiting period)."""
    if a.etudiant_id == b.etudiant_id:
        return True
    meme_hote = a.etablissement_accueil.organisme_id == b.etablissement_accueil.organisme_id
    if meme_hote and a.poste and a.poste == b.poste:
        return True
    if not (meme_hote or (a.tuteur_id and a.tuteur_id == b.tuteur_id)):
        return False
    return any(d1 <= f2 and d2 <= f1 for d1, f1 in _semaines(a) for d2, f2 in _semaines(b))


def _groupes(projets: Sequence[Convention]) -> list[list[Convention]]:
    """The conventions not in force, in groups where no two are compared by the law."""
    groupes: list[list[Convention]] = []
    for c in projets:
        for membres in groupes:
            if not any(_lies(c, autre) for autre in membres):
                membres.append(c)
                break
        else:
            groupes.append([c])
    return groupes


def bloquants_des(pks: Sequence[int]) -> dict[int, list[Constat]]:
    """Convention id → its blocking findings, for these conventions (a cancelled one and
    one without a period are not evaluated: absent from the result)."""
    propres = [
        c
        for c in avec_details(
            Convention.objects.filter(pk__in=list(pks)).exclude(statut=Statut.ANNULEE)
        )
        if c.periodes.all()
    ]
    if not propres:
        return {}
    voisins = list(avec_details(Convention.objects.filter(pk__in=_voisines(propres))))
    en_vigueur = [c for c in propres if c.statut in EN_VIGUEUR]
    projets = [c for c in propres if c.statut not in EN_VIGUEUR]
    lus = journaux(c.pk for c in [*propres, *voisins])  # as evaluer_convention reads them
    base = [*en_vigueur, *voisins]
    # The hosts and students of every call, read once.
    commune = situation(tous_vers_regles([*base, *projets], lus), [*base, *projets])
    vues = {m.id: m for m in commune.conventions}
    resultat: dict[int, list[Constat]] = {}
    appels = ([en_vigueur] if en_vigueur else []) + _groupes(projets)
    for juges in appels:
        toutes = base if juges is en_vigueur else [*base, *juges]
        eleves = {str(c.etudiant_id) for c in toutes}
        evaluation = evaluer(
            replace(
                commune,
                conventions=[vues[str(c.pk)] for c in toutes],
                etudiants={k: v for k, v in commune.etudiants.items() if k in eleves},
            )
        )
        for c in juges:
            resultat[c.pk] = [
                k for k in constats_de(evaluation, str(c.pk)) if k.severite is Severite.BLOQUANT
            ]
    return resultat
