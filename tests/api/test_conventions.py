"""/api/conventions: the list's filters and pages, one convention with the findings its page
shows, its PDF, its presence log, and the signed copy that waits for a confirmation."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from api.models import Portee
from comptes.models import Utilisateur
from conventions.models import Pointage, Statut
from conventions.moteur import evaluer_convention
from conventions.presentation import par_gravite
from conventions.services import convention_acquitter
from documents.models import CopieSignee, Document
from documents.services import convention_pdf_generer
from tests import fabriques
from tests.api.outils import entete, jeton
from tests.api.test_matrice_api import _circuit_ouvert


def _lire(cle: str, adresse: str) -> object:
    reponse = Client().get(adresse, **entete(cle))
    assert reponse.status_code == 200, reponse.content
    return reponse.json()


def test_the_list_filters_and_pages(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant)
    mars = fabriques.convention()
    org = fabriques.organisme(raison_sociale="Boulangerie Garonne")
    mai = fabriques.convention(organisme_=org, periodes=((date(2026, 5, 4), date(2026, 5, 29)),))
    tout = _lire(cle, "/api/conventions")
    assert tout["count"] == 2
    assert [c["id"] for c in tout["items"]] == [mai.pk, mars.pk]  # the latest stage first
    assert tout["items"][0]["statut_libelle"] == "Brouillon"
    assert tout["items"][0]["organisme"]["raison_sociale"] == "Boulangerie Garonne"
    par_org = _lire(cle, f"/api/conventions?organisme={org.pk}")
    assert [c["id"] for c in par_org["items"]] == [mai.pk]
    en_avril = _lire(cle, "/api/conventions?du=2026-04-01&au=2026-04-30")
    assert en_avril["count"] == 0
    promo = _lire(cle, f"/api/conventions?promotion={mars.etudiant.promotion_id}")
    assert [c["id"] for c in promo["items"]] == [mars.pk]
    assert _lire(cle, "/api/conventions?statut=signee")["count"] == 0
    assert _lire(cle, "/api/conventions?page=2")["items"] == []


def test_the_detail_gives_the_findings_of_the_page(administrateur: Utilisateur) -> None:
    _, cle = jeton(administrateur)
    convention = fabriques.convention(gratification_mode="aucune")
    detail = _lire(cle, f"/api/conventions/{convention.pk}")
    attendus = par_gravite(evaluer_convention(convention).constats)
    assert [k["code"] for k in detail["constats"]] == [k.code for k in attendus]
    assert detail["statut"] == Statut.BROUILLON and detail["statut_libelle"] == "Brouillon"
    assert detail["periodes"] == [{"debut": "2026-03-02", "fin": "2026-03-27"}]
    assert detail["tuteur"]["nom"] == convention.tuteur.nom
    assert detail["pdf_disponible"] is False


def test_a_finding_says_why_and_who_took_it_into_account(administrateur: Utilisateur) -> None:
    _, cle = jeton(administrateur)
    convention = fabriques.convention()
    convention_acquitter(
        convention=convention, codes=["PROGRAMME_INSUFFISANT"], auteur=administrateur
    )
    constats = {k["code"]: k for k in _lire(cle, f"/api/conventions/{convention.pk}")["constats"]}
    programme = constats["PROGRAMME_INSUFFISANT"]
    assert programme["severite"] == "avertissement"
    assert programme["acquittement"]["par"] == str(administrateur)
    assert programme["pourquoi"] and all(" " in phrase for phrase in programme["pourquoi"])
    assert constats["GRAT_FACULTATIVE"]["acquittement"] is None


def test_the_pdf_once_generated(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant)
    convention = fabriques.convention()
    reponse = Client().get(f"/api/conventions/{convention.pk}/pdf", **entete(cle))
    assert reponse.status_code == 404
    assert reponse.json()["detail"] == "Aucun PDF n'a encore été généré pour cette convention."
    document = convention_pdf_generer(convention=convention, auteur=None, le=date(2026, 2, 2))
    reponse = Client().get(f"/api/conventions/{convention.pk}/pdf", **entete(cle))
    assert reponse.status_code == 200
    assert reponse["Content-Type"] == "application/pdf"
    contenu = b"".join(reponse.streaming_content)  # type: ignore[attr-defined]
    assert contenu == document.fichier.open("rb").read()


def test_the_presence_log(enseignant: Utilisateur) -> None:
    _, cle = jeton(enseignant)
    convention = fabriques.convention()
    Pointage.objects.create(
        convention=convention,
        jour=date(2026, 3, 3),
        minutes_presence=0,
        absence="maladie_accident",
        minutes_absence=420,
    )
    (jour,) = _lire(cle, f"/api/conventions/{convention.pk}/presence")  # type: ignore[misc]
    assert jour["jour"] == "2026-03-03" and jour["minutes_absence"] == 420
    assert jour["absence_libelle"] and jour["origine_libelle"] == "Saisi par la section"


def test_the_signed_copy_waits_for_its_confirmation(administrateur: Utilisateur) -> None:
    _, cle = jeton(administrateur, Portee.ECRITURE)
    pk = _circuit_ouvert()["pk"]
    adresse = f"/api/conventions/{pk}/copie-signee"
    texte = Client().post(adresse, {"fichier": _fichier(b"pas un PDF")}, **entete(cle))
    assert texte.status_code == 409
    assert texte.json() == {"detail": "La copie numérisée doit être un fichier PDF."}
    sans_fichier = Client().post(adresse, {}, **entete(cle))
    assert sans_fichier.status_code == 422
    assert "fichier" in sans_fichier.json()["detail"]
    reponse = Client().post(adresse, {"fichier": _fichier(b"%PDF-1.4\n%%EOF\n")}, **entete(cle))
    assert reponse.status_code == 201
    copie = CopieSignee.objects.get()
    assert reponse.json()["sha256"] == copie.sha256
    assert copie.confirmee_le is None and copie.deposee_par == administrateur
    assert copie.document == Document.objects.get(convention_id=pk)
    assert copie.deposee_le <= timezone.now()


def _fichier(contenu: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("copie.pdf", contenu, "application/pdf")


def test_a_confirmed_copy_signs_for_everyone_still_due(administrateur: Utilisateur) -> None:
    _, cle = jeton(administrateur, Portee.ECRITURE)
    pk = _circuit_ouvert()["pk"]
    envoi = {"fichier": _fichier(b"%PDF-1.4\n%%EOF\n")}
    depot = Client().post(f"/api/conventions/{pk}/copie-signee", envoi, **entete(cle)).json()
    reponse = Client().post(f"/api/copies/{depot['id']}/confirmer", **entete(cle))
    assert reponse.status_code == 200, reponse.content
    confirmee = reponse.json()
    assert confirmee["signatures"] and all(s["signe_le"] for s in confirmee["signatures"])
    assert confirmee["statut_convention"] == Statut.SIGNEE
    assert confirmee["statut_convention_libelle"] == "Signée"
    encore = Client().post(f"/api/copies/{depot['id']}/confirmer", **entete(cle))
    assert encore.status_code == 409
    assert encore.json() == {"detail": "Cette copie est déjà confirmée."}
