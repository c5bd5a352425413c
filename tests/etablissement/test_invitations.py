"""Student accounts from the class import: an account without a password and the e-mail
« Activez votre compte Stages » for each student with an address, once the import is
confirmed; nobody re-invited on re-import; the link sets the password and opens « Mon
stage »; the staff's button invites or invites again."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer
from etablissement.invitations import etudiant_inviter
from etablissement.models import Etudiant
from tests import fabriques
from tests.echanges.fichiers import csv_octets, depot
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = pytest.mark.django_db

URL = reverse("echanges:import_etudiants")
CONFIRMER = reverse("echanges:import_etudiants_confirmer")
CLASSE = [
    ["Nom", "Prénom", "Date de naissance", "INE", "Mail"],
    ["Martin", "Lucas", "15/03/2006", "123456789AA", "Lucas.Martin@example.org"],
    ["Benali", "Inès", "02/01/2007", "123456789AB", "ines.benali@example.org"],
    ["Durand", "Léa", "30/11/2005", "", ""],
]
NOUVEAU = "correct-cheval-pile-agrafe"


@pytest.fixture
def admin(clients: dict[str, Client]) -> Client:
    return clients["administrateur"]


def _importer(client: Client, promotion: Any, capture: Any) -> tuple[str, list[str]]:
    apercu = client.post(URL, {"promotion": promotion.pk, "fichier": depot(csv_octets(CLASSE))})
    page = apercu.content.decode()
    jeton = re.search(r'name="jeton" value="([^"]+)"', page)
    assert jeton, page
    with capture(execute=True):
        fin = client.post(CONFIRMER, {"jeton": jeton.group(1)})
    return page, [str(m) for m in get_messages(fin.wsgi_request)]


def _lien(corps: str) -> str:
    trouve = re.search(r"https?://[^/\s]+(/compte/activer/\S+/)", corps)
    assert trouve, corps
    return trouve.group(1)


def test_the_import_creates_accounts_and_invites_once_confirmed(
    admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    promo = fabriques.promotion(periodes=False)
    apercu, messages = _importer(admin, promo, django_capture_on_commit_callbacks)
    # The preview says it and sends nothing.
    assert "2 étudiants sans compte recevront" in apercu
    assert messages == [
        "Import du fichier « liste.csv » terminé : 3 créations, 0 mise à jour, "
        "0 ligne sans changement ; 2 invitations à activer le compte envoyées."
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ines.benali@example.org",
        "lucas.martin@example.org",
    ]
    assert {m.subject for m in mail.outbox} == {"Activez votre compte Stages"}
    lucas = Etudiant.objects.select_related("utilisateur").get(nom="Martin")
    assert lucas.utilisateur is not None
    assert lucas.utilisateur.role == Role.ETUDIANT
    assert not lucas.utilisateur.has_usable_password()
    assert Etudiant.objects.get(nom="Durand").utilisateur is None  # no address, no account


def test_a_reimport_invites_nobody_again(
    admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    promo = fabriques.promotion(periodes=False)
    _importer(admin, promo, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    apercu, messages = _importer(admin, promo, django_capture_on_commit_callbacks)
    assert "Aucune invitation à envoyer" in apercu
    assert "invitation" not in messages[0]
    assert mail.outbox == []
    assert Utilisateur.objects.filter(email__endswith="@example.org").count() == 2


def test_a_staff_address_is_imported_but_not_invited(
    admin: Client, django_capture_on_commit_callbacks: Any
) -> None:
    utilisateur_creer(
        email="ines.benali@example.org", role=Role.ENSEIGNANT, prenom="Inès", nom="Benali"
    )
    promo = fabriques.promotion(periodes=False)
    apercu, _ = _importer(admin, promo, django_capture_on_commit_callbacks)
    assert "pas d'invitation : L'adresse ines.benali@example.org est celle d'un compte du" in (
        html.unescape(apercu)
    )
    assert Etudiant.objects.get(nom="Benali").utilisateur is None
    assert [m.to for m in mail.outbox] == [["lucas.martin@example.org"]]


def test_the_link_sets_the_password_and_opens_mon_stage(
    django_capture_on_commit_callbacks: Any,
) -> None:
    eleve = fabriques.etudiant(email="camille@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        etudiant_inviter(etudiant=eleve)
    (courriel,) = mail.outbox
    assert "Activez" in courriel.subject and courriel.to == ["camille@example.org"]
    client = Client()
    formulaire = client.get(_lien(courriel.body), follow=True)
    assert "Activez votre compte Stages" in formulaire.content.decode()
    fin = client.post(
        formulaire.redirect_chain[-1][0] if formulaire.redirect_chain else _lien(courriel.body),
        {"new_password1": NOUVEAU, "new_password2": NOUVEAU},
        follow=True,
    )
    assert fin.redirect_chain[-1][0] == "/mon-stage/"
    assert "Mon stage" in fin.content.decode()
    compte = Utilisateur.objects.get(email="camille@example.org")
    assert compte.check_password(NOUVEAU)
    # The link served once.
    encore = Client().get(_lien(courriel.body), follow=True).content.decode()
    assert "expiré ou déjà utilisé" in encore
    # And the password logs in, to « Mon stage ».
    connexion = Client().post(
        "/connexion/", {"username": "camille@example.org", "password": NOUVEAU}
    )
    assert connexion.status_code == 302 and connexion["Location"] == "/mon-stage/"


def test_the_staff_button_invites_then_invites_again(
    clients: dict[str, Client], django_capture_on_commit_callbacks: Any
) -> None:
    eleve = fabriques.etudiant(email="camille@example.org")
    admin = clients["administrateur"]
    fiche = admin.get(reverse("etablissement:etudiant", kwargs={"pk": eleve.pk})).content.decode()
    assert "Inviter l'étudiant" in html.unescape(fiche)
    url = reverse("etablissement:etudiant_inviter", kwargs={"pk": eleve.pk})
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert admin.post(url).status_code == 302
    assert [m.to for m in mail.outbox] == [["camille@example.org"]] * 2
    assert Utilisateur.objects.filter(email="camille@example.org").count() == 1
    fiche = admin.get(reverse("etablissement:etudiant", kwargs={"pk": eleve.pk})).content.decode()
    assert "Renvoyer l" in fiche and "pas encore activé" in fiche


def test_a_teacher_who_does_not_follow_the_student_cannot_invite(
    clients: dict[str, Client],
) -> None:
    eleve = fabriques.etudiant(email="camille@example.org")
    url = reverse("etablissement:etudiant_inviter", kwargs={"pk": eleve.pk})
    assert clients["enseignant"].post(url).status_code == 403
    assert Etudiant.objects.get(pk=eleve.pk).utilisateur is None


def test_a_student_without_address_gets_a_french_message(clients: dict[str, Client]) -> None:
    eleve = fabriques.etudiant(email="")
    url = reverse("etablissement:etudiant_inviter", kwargs={"pk": eleve.pk})
    reponse = clients["administrateur"].post(url, follow=True)
    assert reponse.status_code == 200
    assert "n'a pas d'adresse e-mail" in html.unescape(reponse.content.decode())
    assert Etudiant.objects.get(pk=eleve.pk).utilisateur is None


def test_forgotten_password_serves_an_invited_account(
    django_capture_on_commit_callbacks: Any,
) -> None:
    eleve = fabriques.etudiant(email="camille@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        etudiant_inviter(etudiant=eleve)
    mail.outbox.clear()
    Client().post("/mot-de-passe/oublie/", {"email": "camille@example.org"})
    assert [m.to for m in mail.outbox] == [["camille@example.org"]]
