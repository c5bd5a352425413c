"""A convention's data put to its host before validation: confirmed or corrected from the
space, the référent told by e-mail, the timeline and the staff's page showing it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from core.audit import Action
from espaces import services
from espaces.models import ConfirmationAccueil, LienEspace
from tests.espaces import outils

pytestmark = pytest.mark.django_db


@pytest.fixture
def preparation() -> tuple[Convention, str]:
    """A draft convention and the tutor's space link."""
    org, _, tuteur = outils.hote("Aquitaine Distribution")
    c = outils.convention(org, tuteur, poste="Chargé de clientèle")
    _, jeton = outils.lien(services.titulaire_tuteur(tuteur))
    return c, jeton


def _repondre(client: Client, c: Convention, jeton: str, **champs: str) -> Any:
    donnees = {f"c{c.pk}-{cle}": valeur for cle, valeur in champs.items()}
    return client.post(reverse("espaces:repondre", args=[jeton, c.pk]), donnees)


def test_the_host_reads_the_data_to_confirm(
    client: Client, preparation: tuple[Convention, str]
) -> None:
    c, jeton = preparation
    page = client.get(reverse("espaces:espace", args=[jeton])).content.decode()
    section = page.split('id="confirmer"')[1].split('id="stagiaires"')[0]
    assert f"Convention n° {c.pk}" in section
    assert "du 02/03/2026 au 27/03/2026" in section
    assert "Chargé de clientèle" in section
    assert "Lundi 7 h" in section
    assert c.referent.email in section  # type: ignore[union-attr]
    assert "Je confirme ces informations" in section
    assert "Je signale une correction" in section


def test_confirming_notifies_the_referent_and_the_timeline(
    client: Client, preparation: tuple[Convention, str], django_capture_on_commit_callbacks: Any
) -> None:
    c, jeton = preparation
    with django_capture_on_commit_callbacks(execute=True):
        reponse = _repondre(client, c, jeton, reponse="confirmer")
    assert reponse.status_code == 302
    confirmation = ConfirmationAccueil.objects.get(convention=c)
    assert confirmation.confirme_le is not None and confirmation.correction == ""
    (courriel,) = mail.outbox
    assert courriel.to == [c.referent.email]  # type: ignore[union-attr]
    assert "confirme les informations" in courriel.body
    assert c.evenements.filter(action=Action.ACCUEIL_CONFIRMATION).exists()


def test_a_correction_reaches_the_referent_in_the_hosts_words(
    client: Client,
    preparation: tuple[Convention, str],
    administrateur: Utilisateur,
    django_capture_on_commit_callbacks: Any,
) -> None:
    c, jeton = preparation
    message = "Le stage finit le 20 mars : fermeture du magasin la dernière semaine."
    with django_capture_on_commit_callbacks(execute=True):
        _repondre(client, c, jeton, reponse="corriger", correction=message)
    confirmation = ConfirmationAccueil.objects.get(convention=c)
    assert confirmation.confirme_le is None and confirmation.correction == message
    (courriel,) = mail.outbox
    assert message in courriel.body
    evenement = c.evenements.get(action=Action.ACCUEIL_CORRECTION)
    assert evenement.commentaire == message
    # The staff read it on the convention's page, and in its timeline.
    personnel = Client()
    personnel.force_login(administrateur)
    page = personnel.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert "Correction signalée" in page
    assert "fermeture du magasin" in page


def test_a_correction_needs_its_message(
    client: Client, preparation: tuple[Convention, str]
) -> None:
    c, jeton = preparation
    reponse = _repondre(client, c, jeton, reponse="corriger", correction="   ")
    assert reponse.status_code == 400
    assert "Dites ce qui est à corriger" in reponse.content.decode()
    assert not ConfirmationAccueil.objects.exists()


def test_staff_ask_the_host_to_confirm_from_the_convention_page(
    administrateur: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    org, contact, tuteur = outils.hote("Aquitaine Distribution")
    c = outils.convention(org, tuteur)
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert "Demander à l" in page and "organisme de confirmer" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("espaces:demander_confirmation", args=[c.pk]))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([tuteur.email, contact.email])
    for courriel in mail.outbox:
        assert f"convention n° {c.pk}" in courriel.body
        assert "/espace/" in courriel.body
    assert LienEspace.objects.filter(revoque_le__isnull=True).count() == 2
    assert c.evenements.filter(action=Action.ACCUEIL_DEMANDE, auteur=administrateur).exists()
    page = client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert "pas encore de réponse" in page


def test_a_validated_convention_is_no_longer_put_to_the_host(
    client: Client, administrateur: Utilisateur
) -> None:
    org, contact, tuteur = outils.hote("Aquitaine Distribution")
    c = outils.convention(org, tuteur, Statut.VALIDEE)
    _, jeton = outils.lien(services.titulaire_tuteur(tuteur))
    assert _repondre(client, c, jeton, reponse="confirmer").status_code == 404
    personnel = Client()
    personnel.force_login(administrateur)
    suite = personnel.post(reverse("espaces:demander_confirmation", args=[c.pk]), follow=True)
    assert "se confirment avant sa validation" in suite.content.decode()
    assert 'id="confirmation-accueil"' not in suite.content.decode()  # nothing to ask now
    assert LienEspace.objects.count() == 1  # the tutor's own: nothing sent for it


TEXTE = st.text(alphabet=st.characters(codec="utf-8"), max_size=2100)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(reponse=st.sampled_from(["confirmer", "corriger", "", "autre", "²"]), correction=TEXTE)
def test_fuzz_the_correction_form_never_fails(
    client: Client, preparation: tuple[Convention, str], reponse: str, correction: str
) -> None:
    c, jeton = preparation
    avant = ConfirmationAccueil.objects.count()
    resultat = _repondre(client, c, jeton, reponse=reponse, correction=correction)
    assert resultat.status_code in (302, 400)
    texte = correction.replace("\x00", "").strip()
    enregistree = resultat.status_code == 302
    assert enregistree == (
        reponse == "confirmer" or (reponse == "corriger" and bool(texte) and len(texte) <= 2000)
    )
    assert ConfirmationAccueil.objects.count() == avant + enregistree
    if enregistree and reponse == "corriger":
        assert ConfirmationAccueil.objects.order_by("-pk").first().correction == texte  # type: ignore[union-attr]
