"""The follow-up log on a convention's page: the référent and the administrators note and
remove contacts, a teacher who does not follow the stage and a student may not; a contact
in the future is refused with a sentence; every member of staff reads the section."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from conventions.models import Convention
from suivi.models import Contact, Nature
from tests.conventions.ecrans import referent
from tests.suivi import constructeurs as k

pytestmark = pytest.mark.django_db


def _noter(client: Client, c: Convention, **champs: str) -> object:
    donnees = {
        "nature": "appel",
        "le": timezone.localdate().isoformat(),
        "avec": "Mme Bernard, tutrice",
        "note": "Tout va bien.",
    } | champs
    return client.post(reverse("suivi:contact_ajouter", args=[c.pk]), donnees)


def _suivie_par(utilisateur: Utilisateur) -> Convention:
    return k.stage(referent=referent(utilisateur))


def test_the_referent_notes_a_contact_and_reads_it_on_the_page(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    c = _suivie_par(enseignant)
    reponse = _noter(clients["enseignant"], c)
    assert reponse.status_code == 302  # type: ignore[attr-defined]
    contact = Contact.objects.get(convention=c)
    assert (contact.nature, contact.avec, contact.auteur) == (
        Nature.APPEL,
        "Mme Bernard, tutrice",
        enseignant,
    )
    page = clients["enseignant"].get(reverse("conventions:detail", args=[c.pk]))
    texte = page.content.decode()
    assert "Suivi par le référent" in texte
    assert "Mme Bernard, tutrice" in texte and "Tout va bien." in texte


def test_an_administrator_writes_any_follow_up(clients: dict[str, Client]) -> None:
    c = k.stage()
    _noter(clients["administrateur"], c, nature="rencontre")
    assert Contact.objects.filter(convention=c, nature=Nature.RENCONTRE).exists()


@pytest.mark.parametrize("persona", ["enseignant", "etudiant"])
def test_who_does_not_follow_the_stage_writes_nothing(
    clients: dict[str, Client], persona: str
) -> None:
    c = k.stage()
    assert _noter(clients[persona], c).status_code == 403  # type: ignore[attr-defined]
    assert not Contact.objects.exists()


def test_a_colleague_reads_the_log_without_its_forms(
    clients: dict[str, Client], administrateur: Utilisateur
) -> None:
    c = k.stage()
    _noter(clients["administrateur"], c)
    texte = clients["enseignant"].get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert "Mme Bernard, tutrice" in texte
    assert "Noter un contact" not in texte and "Proposer des créneaux" not in texte


def test_a_contact_in_the_future_is_refused_in_words(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    c = _suivie_par(enseignant)
    demain = (timezone.localdate() + timedelta(days=1)).isoformat()
    reponse = _noter(clients["enseignant"], c, le=demain)
    assert not Contact.objects.exists()
    page = clients["enseignant"].get(reponse["Location"])  # type: ignore[index]
    assert "la date ne peut pas être à venir" in page.content.decode()


@pytest.mark.parametrize(
    "champs", [{"le": "9999-12-31"}, {"nature": "pigeon"}, {"avec": ""}, {"le": "31/02/2026"}]
)
def test_bad_input_is_a_message_never_a_500(
    clients: dict[str, Client], enseignant: Utilisateur, champs: dict[str, str]
) -> None:
    c = _suivie_par(enseignant)
    reponse = _noter(clients["enseignant"], c, **champs)
    assert reponse.status_code == 302  # type: ignore[attr-defined]
    assert not Contact.objects.exists()


def test_the_referent_removes_a_contact_but_not_a_visit_report(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    c = _suivie_par(enseignant)
    _noter(clients["enseignant"], c)
    appel = Contact.objects.get()
    clients["enseignant"].post(reverse("suivi:contact_supprimer", args=[appel.pk]))
    assert not Contact.objects.exists()
    visite = k.rapporter(k.planifier(c))
    clients["enseignant"].post(reverse("suivi:contact_supprimer", args=[visite.contact.pk]))
    assert Contact.objects.filter(visite=visite).exists()


def test_another_teacher_may_not_remove_a_contact(
    clients: dict[str, Client], administrateur: Utilisateur
) -> None:
    c = k.stage()
    _noter(clients["administrateur"], c)
    contact = Contact.objects.get()
    reponse = clients["enseignant"].post(reverse("suivi:contact_supprimer", args=[contact.pk]))
    assert reponse.status_code == 403
    assert Contact.objects.filter(pk=contact.pk).exists()
