"""Prospects, campaigns and personal links for the tests (and the access matrix)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from prospection.models import Campagne, Destinataire, Prospect
from public.jetons import jeton_nouveau


def prospect(nom: str = "Librairie Mollat", **champs: Any) -> Prospect:
    champs.setdefault("ville", "Bordeaux")
    champs.setdefault("secteur", "Commerce de détail")
    champs.setdefault("contact_nom", "Anne Roux")
    champs.setdefault("contact_email", f"contact@{nom.split()[-1].lower()}.example.org")
    return Prospect.objects.create(nom=nom, **champs)


def campagne(titre: str = "Stages 2027", envoyee: bool = False) -> Campagne:
    from django.utils import timezone

    return Campagne.objects.create(
        titre=titre,
        message="Bonjour, {lien}",
        envoyee_le=timezone.now() if envoyee else None,
    )


def lien_envoye() -> tuple[Destinataire, str]:
    """A recipient of a sent campaign and the token of its personal link."""
    from django.utils import timezone

    jeton, empreinte = jeton_nouveau()
    destinataire = Destinataire.objects.create(
        campagne=campagne(envoyee=True),
        prospect=prospect(),
        email="contact@mollat.example.org",
        jeton_empreinte=empreinte,
        envoye_le=timezone.now(),
    )
    return destinataire, jeton


def pk_prospect() -> Mapping[str, Any]:
    return {"pk": prospect().pk}


def pk_campagne() -> Mapping[str, Any]:
    return {"pk": campagne().pk}


def jeton() -> Mapping[str, Any]:
    return {"jeton": lien_envoye()[1]}
