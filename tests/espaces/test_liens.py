"""The personal link of a space: only its SHA-256 is stored, it is e-mailed to the address on
record and never shown, it expires, and a new one (asked on the expired page, or sent by the
staff) revokes the previous one."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from core.audit import Action
from espaces import services
from espaces.models import EvenementEspace, LienEspace, Qualite
from etablissement.models import Etablissement
from tests.espaces import outils

pytestmark = pytest.mark.django_db


def test_only_the_hash_is_stored_and_the_link_goes_by_e_mail(
    django_capture_on_commit_callbacks: Any,
) -> None:
    _, _, tuteur = outils.hote("Aquitaine Distribution")
    with django_capture_on_commit_callbacks(execute=True):
        lien, jeton = outils.lien(services.titulaire_tuteur(tuteur))
    assert lien.jeton_sha256 == hashlib.sha256(jeton.encode()).hexdigest()
    assert not LienEspace.objects.filter(jeton_sha256__contains=jeton).exists()
    (courriel,) = mail.outbox
    assert courriel.to == [tuteur.email]
    assert outils.jeton_du_courriel() == jeton
    assert "Aquitaine Distribution" in courriel.body
    lien.refresh_from_db()
    assert lien.envoye_le is not None
    assert lien.expire_le - lien.cree_le == timedelta(days=services.DUREE_LIEN_JOURS)


def test_the_page_opens_is_neither_cached_nor_indexed_and_records_the_visit(
    client: Client,
) -> None:
    org, contact, _ = outils.hote("Aquitaine Distribution")
    lien, jeton = outils.lien(services.titulaire_contact(contact))
    reponse = client.get(reverse("espaces:espace", args=[jeton]))
    assert reponse.status_code == 200
    assert "no-store" in reponse["Cache-Control"]
    assert "noindex" in reponse["X-Robots-Tag"]
    assert 'name="robots" content="noindex' in reponse.content.decode()
    lien.refresh_from_db()
    assert lien.dernier_acces_le is not None


def test_an_expired_link_offers_a_new_one_sent_to_the_address_on_record(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    _, _, tuteur = outils.hote("Aquitaine Distribution")
    lien, jeton = outils.lien(
        services.titulaire_tuteur(tuteur), le=timezone.now() - timedelta(days=31)
    )
    reponse = client.get(reverse("espaces:espace", args=[jeton]))
    assert reponse.status_code == 410
    assert "Recevoir un nouveau lien" in reponse.content.decode()
    # The address on record changed meanwhile: the new link goes to the current one.
    tuteur.email = "nouvelle.adresse@aquitaine.example"
    tuteur.save()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(reverse("espaces:nouveau_lien", args=[jeton]))
    assert reponse.status_code == 200
    (courriel,) = mail.outbox
    assert courriel.to == ["nouvelle.adresse@aquitaine.example"]
    nouveau = outils.jeton_du_courriel()
    assert nouveau not in reponse.content.decode()  # never shown, only e-mailed
    lien.refresh_from_db()
    assert lien.revoque_le is not None
    assert client.get(reverse("espaces:espace", args=[jeton])).status_code == 404
    assert client.get(reverse("espaces:espace", args=[nouveau])).status_code == 200
    assert EvenementEspace.objects.filter(action=Action.LIEN_ESPACE_DEMANDE).count() == 1


def test_a_forged_link_finds_nothing(client: Client) -> None:
    assert client.get(reverse("espaces:espace", args=["lien-invente"])).status_code == 404
    assert client.post(reverse("espaces:nouveau_lien", args=["lien-invente"])).status_code == 404


def test_the_staff_send_a_tutor_their_link_from_the_host_page(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    org, contact, tuteur = outils.hote("Aquitaine Distribution")
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("organismes:detail", args=[org.pk])).content.decode()
    assert "Espace de l'organisme" in page
    assert f'value="tuteur-{tuteur.pk}"' in page
    assert f'value="contact-{contact.pk}"' in page
    url = reverse("espaces:envoyer_organisme", args=[org.pk])
    with django_capture_on_commit_callbacks(execute=True):
        premiere = client.post(url, {"destinataire": f"tuteur-{tuteur.pk}"}, follow=True)
        client.post(url, {"destinataire": f"tuteur-{tuteur.pk}"})
    assert "lui est envoyé par e-mail" in premiere.content.decode()
    assert [c.to for c in mail.outbox] == [[tuteur.email], [tuteur.email]]
    ancien, dernier = LienEspace.objects.filter(tuteur=tuteur).order_by("pk")
    assert ancien.revoque_le is not None and dernier.revoque_le is None
    for courriel, lien in zip(mail.outbox, (ancien, dernier), strict=True):
        jeton = courriel.body.split("/espace/")[1].split("/")[0]
        assert jeton not in premiere.content.decode()
        assert hashlib.sha256(jeton.encode()).hexdigest() == lien.jeton_sha256
    evenement = EvenementEspace.objects.filter(lien=dernier).get()
    assert evenement.auteur == administrateur
    assert evenement.action == Action.LIEN_ESPACE


def test_a_person_of_another_host_cannot_be_sent_from_this_page(
    administrateur: Utilisateur,
) -> None:
    org, _, _ = outils.hote("Aquitaine Distribution")
    _, _, autre_tuteur = outils.hote("Garonne Services")
    client = Client()
    client.force_login(administrateur)
    url = reverse("espaces:envoyer_organisme", args=[org.pk])
    for cle in (f"tuteur-{autre_tuteur.pk}", "tuteur-99999999999", "tuteur-²", "inconnu-1", ""):
        assert client.post(url, {"destinataire": cle}).status_code == 404
    assert not LienEspace.objects.exists()


def test_the_head_of_school_link_goes_to_the_school_address(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    outils.ecole_prete()
    client = Client()
    client.force_login(administrateur)
    assert "Envoyer au chef d'établissement" in client.get(reverse("espaces:chef")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("espaces:envoyer_chef"))
    (courriel,) = mail.outbox
    assert courriel.to == [outils.ECOLE]
    lien = LienEspace.objects.get()
    assert lien.qualite == Qualite.CHEF_ETABLISSEMENT and lien.organisme is None


def test_a_new_head_of_school_link_revokes_the_previous_one_even_at_a_new_address() -> None:
    outils.ecole_prete()
    ancien, _ = outils.lien(services.titulaire_chef())
    Etablissement.objects.update(email="proviseur@lycee-eiffel.example")
    nouveau, _ = outils.lien(services.titulaire_chef())
    ancien.refresh_from_db()
    assert ancien.revoque_le is not None
    assert nouveau.email == "proviseur@lycee-eiffel.example" and nouveau.revoque_le is None
