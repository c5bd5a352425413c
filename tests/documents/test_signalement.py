"""The signing page says who signs what, and « Signaler une erreur » stops the circuit: nobody
signs the reported document until the staff mark the report handled or generate a corrected
version; the référent hears of it by e-mail; the convention's timeline keeps both steps."""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conventions.models import Convention, Statut
from core.audit import Action
from documents import relances, services, signalements, signatures
from documents.models import Document, RoleSignataire, Signalement
from etablissement.models import Etablissement
from tests.documents.test_signatures import _document, staff

pytestmark = pytest.mark.django_db


def _liens(document: Document) -> dict[str, signatures.Lien]:
    liens = signatures.circuit_ouvrir(document=document, le=timezone.now())
    return {lien.signature.role: lien for lien in liens}


def _page(lien: signatures.Lien) -> str:
    reponse = Client().get(reverse("documents:signer", args=[lien.jeton]))
    assert reponse.status_code == 200
    return html.unescape(reponse.content.decode())


def _signaler(lien: signatures.Lien, message: str = "Le lundi, je ne travaille pas.") -> Any:
    return Client().post(reverse("documents:signaler", args=[lien.jeton]), {"message": message})


def test_the_page_says_who_signs_what_without_any_code() -> None:
    document = _document()
    c = document.convention
    liens = _liens(document)
    page = _page(liens[RoleSignataire.TUTEUR])
    assert "vous signez en tant que tuteur." in page
    hote = c.etablissement_accueil.organisme.raison_sociale
    assert f"Convention de stage de {c.etudiant} chez {hote}, du 02/03/2026 au 27/03/2026" in page
    assert "12 quai des Chartrons, 33000 Bordeaux" in page
    assert "35 h par semaine" in page
    assert str(c.referent) in page and c.referent.email in page
    assert "Gratification" in page and "obligatoire pour ce stage" in page
    # The PDF inline, a download link, the hash as evidence in small print, not the title.
    pdf = reverse("documents:signer_pdf", args=[liens[RoleSignataire.TUTEUR].jeton])
    assert f'<iframe class="signer-pdf fr-mb-2w" src="{pdf}"' in page
    assert document.sha256 in page and document.sha256 not in page.split("</h1>")[0]
    texte = re.sub(r"<[^>]+>", " ", page.split("<main")[1])
    for code in ("minimum_legal", "representant_legal", "etudiant", "True", "False", "None"):
        assert code not in texte, code
    assert "en tant que le" not in page
    assert "représentant de l'organisme d'accueil" in _page(liens[RoleSignataire.ORGANISME])


def test_the_pdf_may_be_framed_by_the_site_only() -> None:
    lien = _liens(_document())[RoleSignataire.ETUDIANT]
    reponse = Client().get(reverse("documents:signer_pdf", args=[lien.jeton]))
    assert reponse["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in reponse["Content-Security-Policy"]
    assert "attachment" not in reponse.get("Content-Disposition", "")


def test_a_report_stops_every_signatory_and_tells_the_referent(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document = _document()
    c = document.convention
    liens = _liens(document)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = _signaler(liens[RoleSignataire.ORGANISME], "Les horaires du vendredi sont faux.")
    assert reponse.status_code == 302
    signalement = Signalement.objects.get()
    assert signalement.signature == liens[RoleSignataire.ORGANISME].signature
    assert signalement.traite_le is None
    # The référent's e-mail: who, which student, host, dates, and the message.
    (courriel,) = mailoutbox
    assert courriel.to == [c.referent.email]
    for attendu in (
        str(c.etudiant),
        c.etablissement_accueil.organisme.raison_sociale,
        "du 02/03/2026 au 27/03/2026",
        "Les horaires du vendredi sont faux.",
        "Anne Lefèvre, qui signe en tant que représentant de l'organisme d'accueil",
        reverse("documents:suivi", args=[document.pk]),
    ):
        assert attendu in courriel.body, attendu
    # The timeline keeps it.
    assert c.evenements.filter(action=Action.SIGNALEMENT).count() == 1
    # Nobody signs: not by the page, not by the service, not by a pile.
    for role, lien in liens.items():
        reponse = Client().post(reverse("documents:signer", args=[lien.jeton]), {"je_signe": "oui"})
        page = html.unescape(reponse.content.decode())
        assert "Une erreur a été signalée sur ce document" in page, role
        assert "Je signe</button>" not in page
        lien.signature.refresh_from_db()
        assert lien.signature.signe_le is None
    lot = signatures.signer_plusieurs(
        signatures=[liens[RoleSignataire.ETABLISSEMENT].signature],
        le=timezone.now(),
        adresse_ip=None,
        navigateur="",
    )
    assert not lot.signees and signalements.REFUS in lot.refusees.values()
    # The others read why on their page; the reporter reads their own report.
    assert "Un autre signataire a signalé une erreur" in _page(liens[RoleSignataire.TUTEUR])
    assert "Vous avez signalé une erreur le" in _page(liens[RoleSignataire.ORGANISME])


def test_without_a_referent_the_section_is_told(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    Etablissement.objects.update(chef_travaux_email="chef.travaux@example.org")
    document = _document()
    liens = _liens(document)
    # The référent left the section meanwhile (a convention is not printed without one).
    Convention.objects.filter(pk=document.convention_id).update(referent=None)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _signaler(liens[RoleSignataire.ETUDIANT])
    assert [m.to for m in mailoutbox] == [["chef.travaux@example.org"]]


def test_reporting_twice_is_harmless(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    liens = _liens(_document())
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert _signaler(liens[RoleSignataire.TUTEUR]).status_code == 302
        assert _signaler(liens[RoleSignataire.TUTEUR]).status_code == 302
    assert Signalement.objects.count() == 1
    assert len(mailoutbox) == 1


def test_handled_the_circuit_resumes(
    administrateur: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document = _document()
    liens = _liens(document)
    _signaler(liens[RoleSignataire.TUTEUR])
    staff_client = Client()
    staff_client.force_login(administrateur)
    suivi = staff_client.get(reverse("documents:suivi", args=[document.pk])).content.decode()
    suivi = html.unescape(suivi)
    assert "Le lundi, je ne travaille pas." in suivi and "Traité, le circuit reprend" in suivi
    fiche = staff_client.get(reverse("conventions:detail", args=[document.convention_id]))
    assert "Erreur signalée : signature suspendue" in fiche.content.decode()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reponse = staff_client.post(reverse("documents:signalement_traiter", args=[document.pk]))
    assert reponse.status_code == 302
    signalement = Signalement.objects.get()
    assert signalement.traite_le is not None and signalement.traite_par == administrateur
    assert document.convention.evenements.filter(action=Action.SIGNALEMENT_TRAITE).exists()
    # Every signatory still to sign is told, with a fresh link.
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        lien.signature.email for lien in liens.values() if lien.signature.email
    )
    message = next(m for m in mailoutbox if m.to == [liens[RoleSignataire.TUTEUR].signature.email])
    assert "vous pouvez maintenant le signer, en tant que tuteur." in message.body
    jeton = message.body.split("/signer/")[1].split("/")[0]
    # Twice: nothing left to handle, said in words.
    encore = staff_client.post(reverse("documents:signalement_traiter", args=[document.pk]))
    assert encore.status_code == 409
    assert "Aucune erreur signalée" in html.unescape(encore.content.decode())
    Client().post(reverse("documents:signer", args=[jeton]), {"je_signe": "oui"})
    signature = liens[RoleSignataire.TUTEUR].signature
    signature.refresh_from_db()
    assert signature.signe_le is not None


def test_a_new_version_closes_the_report_and_is_signed(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document = _document()
    liens = _liens(document)
    etudiant = liens[RoleSignataire.ETUDIANT].signature
    signatures.signer(signature=etudiant, le=timezone.now(), adresse_ip=None, navigateur="")
    _signaler(liens[RoleSignataire.TUTEUR])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        nouveau = services.convention_pdf_generer(
            convention=document.convention, auteur=staff(), le=date(2026, 2, 3)
        )
    signalement = Signalement.objects.get()
    assert signalement.traite_le is not None and signalement.nouvelle_version == nouveau
    # The student signed the old version: a new link; the others: the circuit resumes.
    sujets = {m.to[0]: m.subject for m in mailoutbox}
    assert sujets[etudiant.email].startswith("Signature : ")
    tuteur = liens[RoleSignataire.TUTEUR].signature
    assert sujets[tuteur.email].startswith("Vous pouvez signer : ")
    assert len(mailoutbox) == len([x for x in liens.values() if x.signature.email])
    signee = signatures.signer(signature=tuteur, le=timezone.now(), adresse_ip=None, navigateur="")
    assert signee.document == nouveau and signee.signe_le is not None


def test_a_stopped_circuit_gets_no_reminder() -> None:
    document = _document()
    liens = _liens(document)
    _signaler(liens[RoleSignataire.TUTEUR])
    assert not relances._a_relancer()
    signalements.signalement_traiter(document=document, auteur=staff(), le=timezone.now())
    assert relances._a_relancer()


def test_e_mails_say_which_student_host_and_dates(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    document = _document(Statut.EN_SIGNATURE)
    c = document.convention
    objet = (
        f"Convention de stage de {c.etudiant} chez "
        f"{c.etablissement_accueil.organisme.raison_sociale}, du 02/03/2026 au 27/03/2026"
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        liens = _liens(document)
    assert len(mailoutbox) == len(liens)
    for message in mailoutbox:
        assert message.subject == f"Signature : {objet} (convention n° {c.pk})"
        assert objet in message.body and "en tant que le" not in message.body
    lignes = {
        role: " ".join(signatures._introduction(lien.signature, signatures.TypeCourriel.LIEN))
        for role, lien in liens.items()
    }
    assert "en tant que tuteur," in lignes[RoleSignataire.TUTEUR]
    assert "en tant que représentant de l'organisme d'accueil," in lignes[RoleSignataire.ORGANISME]
    assert "en tant que chef d'établissement," in lignes[RoleSignataire.ETABLISSEMENT]
    assert all(objet in texte and "en tant que le" not in texte for texte in lignes.values())
    rappel = signatures._introduction(
        liens[RoleSignataire.ETUDIANT].signature, signatures.TypeCourriel.RELANCE
    )
    assert rappel[0].startswith("Rappel : votre signature, en tant que stagiaire,")


@pytest.fixture
def lien_tuteur() -> signatures.Lien:
    return _liens(_document())[RoleSignataire.TUTEUR]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(message=st.text(max_size=2100))
def test_fuzz_the_report_form_never_fails(lien_tuteur: signatures.Lien, message: str) -> None:
    """Any text: a report recorded, or the form again with a French message; never a 500.
    (One link for every example: the reports pile up on it, as they may.)"""
    reponse = _signaler(lien_tuteur, message)
    assert reponse.status_code in (302, 400), reponse.status_code
    if reponse.status_code == 400:
        page = html.unescape(reponse.content.decode())
        assert "Décrivez l'erreur" in page or "dépasse 2000 caractères" in page


def test_the_role_phrase_elides_before_a_vowel() -> None:
    from documents.libelles import en_tant_que

    assert en_tant_que(RoleSignataire.REFERENT) == "en tant qu'enseignant référent"
    assert en_tant_que(RoleSignataire.ETUDIANT) == "en tant que stagiaire"


def test_an_avenant_page_says_what_it_changes() -> None:
    from conventions.models import Avenant

    convention = _document(Statut.SIGNEE).convention
    avenant = Avenant.objects.create(
        convention=convention,
        numero=1,
        date_effet=date(2026, 3, 9),
        motif="Horaire du lundi",
        changements={"minutes_lundi": {"avant": 420, "apres": 360}},
    )
    document = services.avenant_pdf_generer(avenant=avenant, auteur=None, le=date(2026, 3, 2))
    page = _page(_liens(document)[RoleSignataire.TUTEUR])
    assert f"Avenant n° 1 à la convention de stage de {convention.etudiant}" in page
    assert "à compter du 09/03/2026 — Horaire du lundi" in page
    assert "Présence le lundi : 7 h → 6 h" in page
