"""The signature journey of issue 5: the staff open the circuit of a convention; the student,
the host and the school sign by the links they received by e-mail (one of them read from
« Courriels envoyés », as in the demo), each reading the document then ticking and clicking
« Je signe »; the convention becomes « signée » and the signed PDF, e-mailed to each, carries
the evidence page."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader
from pytest_django.fixtures import Settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from comptes.models import Role, Utilisateur
from conventions.models import Convention, Statut
from documents import services
from documents.models import Document, Signature
from etablissement.models import Etablissement
from organismes.models import ContactOrganisme, RoleContact
from tests import fabriques
from tests.conventions.ecrans import avancer
from tests.courriels import courriels_lisibles

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

LIEN = re.compile(r"https?://\S+/signer/[^/\s]+/")


def _connecter(navigateur: Any, url: str, email: str) -> None:
    navigateur.get(f"{url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(email)
    navigateur.find_element(By.NAME, "password").send_keys("mot-de-passe-demo")
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)


def _signer(navigateur: Any, url: str, signature: Signature) -> None:
    """On the signing page: the document is there to read, then the explicit act."""
    navigateur.get(url)
    lire = navigateur.find_element(By.PARTIAL_LINK_TEXT, "Télécharger le document")
    assert "/document.pdf" in (lire.get_attribute("href") or "")
    assert Signature.objects.get(pk=signature.pk).signe_le is None  # opening signed nothing
    # The box ticked as a person does (its change event fires), whatever state the browser
    # restored; then the button, brought into view first.
    navigateur.execute_script(
        "const c = arguments[0]; if (!c.checked) { c.click(); }",
        navigateur.find_element(By.ID, "je_signe"),
    )
    bouton = navigateur.find_element(By.XPATH, "//button[normalize-space()='Je signe']")
    navigateur.execute_script("arguments[0].scrollIntoView({block: 'center'});", bouton)
    bouton.click()
    # The last signature prints the signed PDF within its request: on a loaded machine (CI
    # runs both suites beside other work) that takes seconds, hence the generous wait.
    WebDriverWait(navigateur, 30).until(
        lambda _: Signature.objects.get(pk=signature.pk).signe_le is not None
    )
    WebDriverWait(navigateur, 30).until(lambda n: "Vous avez signé ce document" in n.page_source)


def test_three_parties_sign_by_their_links_and_the_signed_pdf_holds_the_evidence(
    live_server: Any,
    navigateur: Any,
    mailoutbox: list[Any],
    settings: Settings,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    courriels_lisibles(settings)  # the demo: links readable in « Courriels envoyés »
    settings.SITE_URL = live_server.url  # the address the e-mailed links point to
    chef = Utilisateur.objects.create_user(
        "chef@lycee-eiffel.test", "mot-de-passe-demo", role=Role.ADMINISTRATEUR
    )
    org = fabriques.organisme(raison_sociale="Cave des Chartrons")
    ContactOrganisme.objects.create(
        organisme=org,
        nom="Lefèvre",
        prenom="Anne",
        role=RoleContact.SIGNATAIRE,
        email="anne.lefevre@chartrons.example",
    )
    Etablissement.objects.update(
        chef_etablissement_nom="Jean Proviseur", email="ce.0330028@ac-bordeaux.example"
    )
    convention = fabriques.convention(organisme_=org)
    document = services.convention_pdf_generer(
        convention=convention, auteur=None, le=date(2026, 2, 1)
    )
    avancer(convention, Statut.VALIDEE, chef)  # opening the circuit sends it to signature
    mailoutbox.clear()

    # The staff open the circuit from the convention's documents.
    _connecter(navigateur, live_server.url, "chef@lycee-eiffel.test")
    navigateur.get(f"{live_server.url}/conventions/{convention.pk}/documents/")
    navigateur.find_element(
        By.XPATH, "//button[normalize-space()='Ouvrir le circuit de signature']"
    ).click()
    WebDriverWait(navigateur, 10).until(lambda _: document.signatures.count() == 5)
    WebDriverWait(navigateur, 10).until(lambda n: "Circuit de signature" in n.page_source)
    WebDriverWait(navigateur, 10).until(
        lambda _: sum(1 for m in mailoutbox if LIEN.search(m.body)) == 5
    )
    assert "/signer/" not in navigateur.page_source  # the links go by e-mail only

    liens = {}
    for message in mailoutbox:
        trouve = LIEN.search(message.body)
        if trouve is not None:
            liens[message.to[0]] = trouve.group(0)
    signataires = list(document.signatures.order_by("pk"))
    assert {s.email for s in signataires} == set(liens)

    # The student's link, followed from « Courriels envoyés » as a demo visitor would.
    etudiant = signataires[0]
    navigateur.get(f"{live_server.url}/courriels/?q={etudiant.email}")
    navigateur.find_element(By.CSS_SELECTOR, f"a[href='{liens[etudiant.email]}']").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/signer/" in n.current_url)
    _signer(navigateur, navigateur.current_url, etudiant)
    assert Convention.objects.get(pk=convention.pk).statut == Statut.EN_SIGNATURE

    # The host (its signatory and the tutor) and the school (head and référent).
    for signature in signataires[1:]:
        _signer(navigateur, liens[signature.email], signature)

    WebDriverWait(navigateur, 10).until(
        lambda _: Convention.objects.get(pk=convention.pk).statut == Statut.SIGNEE
    )
    # Each signatory receives the signed document by e-mail; their link shows no more.
    assert "Votre exemplaire signé vous est envoyé par courriel" in navigateur.page_source
    WebDriverWait(navigateur, 10).until(
        lambda _: any(m.attachments for m in mailoutbox if m.to == [signataires[-1].email])
    )
    exemplaire = next(m for m in mailoutbox if m.attachments and m.to == [signataires[-1].email])
    ((_, contenu, _),) = exemplaire.attachments
    assert (
        Client().get(liens[signataires[0].email].removeprefix(live_server.url)).status_code == 410
    )
    document = Document.objects.get(pk=document.pk)
    assert contenu.startswith(b"%PDF")
    derniere_page = PdfReader(io.BytesIO(contenu)).pages[-1].extract_text() or ""
    texte = " ".join(derniere_page.split())
    for signature in signataires:
        assert signature.nom in texte
    assert document.sha256 in texte.replace(" ", "")
