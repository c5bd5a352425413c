"""The tutor countersigns from their space; the entry is then read-only for the student. A
signatory's link, another host's tutor, a replaced or expired link countersign nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import EvenementConvention
from core.audit import Action
from espaces import services
from journal.models import EntreeJournal
from tests.espaces import outils as espaces
from tests.journal import outils

pytestmark = pytest.mark.django_db


def _stage_et_jeton(utilisateur: Utilisateur | None = None) -> tuple[EntreeJournal, str]:
    org, _, tuteur = espaces.hote("Aquitaine Distribution")
    eleve = outils.etudiant_de(utilisateur) if utilisateur else None
    c = outils.stage(etudiant=eleve, organisme=org, tuteur=tuteur)
    _, jeton = espaces.lien(services.titulaire_tuteur(tuteur))
    return outils.entree(c, texte="Mise en rayon de la nouvelle gamme."), jeton


def test_the_tutor_countersigns_and_the_entry_becomes_read_only(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    entree, jeton = _stage_et_jeton(etudiant)
    tuteur = Client()
    page = tuteur.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Journal de stage de vos stagiaires" in page
    assert "Mise en rayon de la nouvelle gamme." in page

    reponse = tuteur.post(reverse("espaces:journal_contresigner", args=[jeton, entree.pk]))
    assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.contresignee and entree.contresigne_par == "Sophie Bernard"
    assert EvenementConvention.objects.filter(
        convention=entree.convention, action=Action.JOURNAL_CONTRESIGNE
    ).exists()
    page = tuteur.get(reverse("espaces:espace", args=[jeton])).content.decode()
    assert "Aucune entrée de journal n'attend votre contresignature." in page
    # Twice: nothing left to countersign.
    assert (
        tuteur.post(reverse("espaces:journal_contresigner", args=[jeton, entree.pk])).status_code
        == 404
    )

    # The student reads it, can no longer change or delete it.
    eleve = clients["etudiant"]
    page = eleve.get(reverse("journal:modifier", args=[entree.pk])).content.decode()
    assert "a contresigné cette entrée" in page and 'name="activites"' not in page
    reponse = eleve.post(
        reverse("journal:modifier", args=[entree.pk]),
        {
            "convention": entree.convention_id,
            "date_debut": entree.date_debut.isoformat(),
            "activites": "Autre chose",
        },
    )
    assert reponse.status_code == 200
    eleve.post(reverse("journal:supprimer", args=[entree.pk]))
    entree.refresh_from_db()
    assert entree.activites == "Mise en rayon de la nouvelle gamme."
    assert "Contresignée par Sophie Bernard" in eleve.get(reverse("journal:liste")).content.decode()


def test_nobody_else_countersigns() -> None:
    entree, _ = _stage_et_jeton()
    # Another host's tutor.
    _, _, autre_tuteur = espaces.hote("Garonne Services")
    _, autre = espaces.lien(services.titulaire_tuteur(autre_tuteur))
    # The signatory of the same host: they sign conventions, not the log.
    _, contact, tuteur = espaces.hote("Landes Negoce")
    _, signataire = espaces.lien(services.titulaire_contact(contact))
    # The tutor's own link, expired.
    org, _, _ = espaces.hote("Medoc Vins")
    _, expire = espaces.lien(
        services.titulaire_tuteur(entree.convention.tuteur),
        le=timezone.now() - timedelta(days=40),
    )
    client = Client()
    for jeton, attendu in ((autre, 404), (signataire, 404), (expire, 410), ("invente", 404)):
        url = reverse("espaces:journal_contresigner", args=[jeton, entree.pk])
        assert client.post(url).status_code == attendu, jeton
    page = client.get(reverse("espaces:espace", args=[autre])).content.decode()
    assert "Mise en rayon" not in page
    entree.refresh_from_db()
    assert not entree.contresignee
