"""Builders of the follow-up's tests: a stage in progress (a host with a tutor who has an
e-mail, a référent, one period around today), a visit proposed or planned, a contact; and
the URL arguments of the access table (tests/acces/matrice.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time, timedelta
from typing import Any

from django.utils import timezone


def stage(
    nom: str = "Aquitaine Distribution",
    *,
    periodes: tuple[tuple[date, date], ...] | None = None,
    statut: str = "en_cours",
    **champs: Any,
) -> Any:
    from conventions.models import Convention
    from tests.espaces import outils

    org, _, tuteur = outils.hote(nom)
    aujourdhui = timezone.localdate()
    c = outils.convention(
        org,
        tuteur,
        periodes=periodes or ((aujourdhui - timedelta(days=20), aujourdhui + timedelta(days=20)),),
        **champs,
    )
    Convention.objects.filter(pk=c.pk).update(statut=statut)
    c.refresh_from_db()
    return c


def proposer(c: Any, *jours: date, heure: time = time(10, 0)) -> Any:
    from suivi import services

    jours = jours or (timezone.localdate() + timedelta(days=3),)
    return services.visite_proposer(
        convention=c,
        creneaux=[services.CreneauSaisi(j, heure, 60, "") for j in jours],
        maintenant=timezone.now(),
        aujourdhui=min(jours),
    )


def planifier(c: Any, jour: date | None = None) -> Any:
    from suivi import services

    visite = proposer(c, jour or timezone.localdate())
    return services.creneau_choisir(
        visite=visite, creneau_pk=visite.creneaux.get().pk, maintenant=timezone.now()
    )


# The access table's arguments.


def convention() -> Mapping[str, Any]:
    return {"pk": stage().pk}


def visite() -> Mapping[str, Any]:
    """A visit planned today: its report may be written."""
    return {"pk": planifier(stage()).pk}


def rapporter(visite: Any) -> Any:
    from suivi import services

    return services.compte_rendu_enregistrer(
        visite=visite,
        compte_rendu=services.CompteRendu(
            personnes_rencontrees="La tutrice et le stagiaire",
            avis_accueil="satisfaisant",
            commentaire_accueil="Bon contact avec la clientèle.",
            avis_referent="Stage conforme.",
            accueil_possible="oui",
        ),
        auteur=None,
        maintenant=timezone.now(),
        aujourdhui=timezone.localdate(),
    )


def contact() -> Mapping[str, Any]:
    """The contact a visit report wrote: not removed from the log (the request is answered
    with a message), so that every persona asks for the same row."""
    visite = rapporter(planifier(stage()))
    return {"pk": visite.contact.pk}


def visite_espace() -> Mapping[str, Any]:
    """The tutor's link and a visit of their own stage, proposed: a bare POST (no slot) is
    sent back to the space with a message."""
    from espaces import services as espaces_services
    from tests.espaces import outils

    c = stage()
    v = proposer(c)
    assert c.tuteur is not None
    _, jeton = outils.lien(espaces_services.titulaire_tuteur(c.tuteur))
    return {"jeton": jeton, "pk": v.pk}
