"""Attachments: a size cap, a type read from the content (a renamed file is refused, in
French), an unguessable stored name, and the file served only to its student, the staff
and the tutor of that convention; another student or another host's link finds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from espaces import services as espaces_services
from journal import fichiers
from journal.models import PieceJointe
from tests.espaces import outils as espaces
from tests.journal import outils

pytestmark = pytest.mark.django_db


def _envoyer(client: Client, pk: int, nom: str, contenu: bytes) -> str:
    reponse = client.post(
        reverse("journal:piece_ajouter", args=[pk]),
        {"fichier": SimpleUploadedFile(nom, contenu, content_type="application/pdf")},
    )
    return reponse.content.decode() if reponse.status_code != 302 else ""


@pytest.mark.parametrize(
    ("nom", "contenu", "type_contenu"),
    [
        ("compte-rendu.pdf", outils.PDF, "application/pdf"),
        ("vitrine.png", outils.PNG, "image/png"),
        ("rayon.jpeg", outils.JPEG, "image/jpeg"),
        ("rapport.odt", outils.ODT, fichiers.ODT),
        ("rapport.docx", outils.DOCX, fichiers.DOCX),
        ("sans-extension", outils.PDF, "application/pdf"),
    ],
)
def test_each_accepted_type_is_read_from_the_content(
    clients: dict[str, Client], etudiant: Utilisateur, nom: str, contenu: bytes, type_contenu: str
) -> None:
    entree = outils.entree(outils.stage(etudiant=outils.etudiant_de(etudiant)))
    assert _envoyer(clients["etudiant"], entree.pk, nom, contenu) == ""
    piece = PieceJointe.objects.get()
    assert piece.type_contenu == type_contenu and piece.nom == nom
    stocke = Path(piece.fichier.name).name
    assert nom.split(".")[0] not in stocke and len(stocke.split(".")[0]) >= 32


@pytest.mark.parametrize(
    ("nom", "contenu"),
    [
        ("photo.pdf", outils.EXE),
        ("rapport.docx", outils.ZIP_QUELCONQUE),
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("casse.odt", b"PK\x03\x04 pas une archive"),
    ],
)
def test_a_wrong_type_is_refused_in_french(
    clients: dict[str, Client], etudiant: Utilisateur, nom: str, contenu: bytes
) -> None:
    entree = outils.entree(outils.stage(etudiant=outils.etudiant_de(etudiant)))
    page = _envoyer(clients["etudiant"], entree.pk, nom, contenu)
    assert "Ce fichier n&#x27;est pas accepté : joignez un PDF" in page
    assert not PieceJointe.objects.exists()


def test_a_file_over_the_cap_is_refused(clients: dict[str, Client], etudiant: Utilisateur) -> None:
    entree = outils.entree(outils.stage(etudiant=outils.etudiant_de(etudiant)))
    gros = outils.PDF + b"0" * fichiers.TAILLE_MAX
    page = _envoyer(clients["etudiant"], entree.pk, "gros.pdf", gros)
    assert "Ce fichier dépasse 5 Mo" in page
    assert not PieceJointe.objects.exists()
    juste = outils.PDF + b"0" * (fichiers.TAILLE_MAX - len(outils.PDF))
    assert _envoyer(clients["etudiant"], entree.pk, "juste.pdf", juste) == ""


def test_the_file_is_served_only_to_the_right_people(
    clients: dict[str, Client], etudiant: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    org, _, tuteur = espaces.hote("Aquitaine Distribution")
    mien = outils.stage(etudiant=outils.etudiant_de(etudiant), organisme=org, tuteur=tuteur)
    entree = outils.entree(mien)
    assert _envoyer(clients["etudiant"], entree.pk, "devis.pdf", outils.PDF) == ""
    piece = PieceJointe.objects.get()
    url = reverse("journal:piece", args=[piece.pk])
    for persona in ("etudiant", "administrateur", "enseignant"):
        reponse = clients[persona].get(url)
        assert reponse.status_code == 200, persona
        assert b"".join(reponse.streaming_content) == outils.PDF  # type: ignore[attr-defined]
        assert reponse["Content-Disposition"].startswith("attachment")
    assert clients["anonyme"].get(url).status_code == 302

    # Another student: as if it did not exist.
    autre = Utilisateur.objects.create_user(
        email="autre.etudiant@example.org", password="x-y-z-w-1234", role="etudiant"
    )
    outils.stage(etudiant=outils.etudiant_de(autre))
    client_autre = Client()
    client_autre.force_login(autre)
    assert client_autre.get(url).status_code == 404
    assert client_autre.post(reverse("journal:piece_supprimer", args=[piece.pk])).status_code == 404

    # The tutor, by their link; another host's tutor finds nothing.
    _, jeton = espaces.lien(espaces_services.titulaire_tuteur(tuteur))
    assert Client().get(reverse("espaces:journal_piece", args=[jeton, piece.pk])).status_code == 200
    _, _, etranger = espaces.hote("Garonne Services")
    _, autre_jeton = espaces.lien(espaces_services.titulaire_tuteur(etranger))
    reponse = Client().get(reverse("espaces:journal_piece", args=[autre_jeton, piece.pk]))
    assert reponse.status_code == 404

    # The student removes it (the file goes with it).
    chemin = Path(piece.fichier.path)
    assert chemin.exists()
    with django_capture_on_commit_callbacks(execute=True):
        clients["etudiant"].post(reverse("journal:piece_supprimer", args=[piece.pk]))
    assert not PieceJointe.objects.exists() and not chemin.exists()


def test_five_attachments_at_most_per_entry(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    entree = outils.entree(outils.stage(etudiant=outils.etudiant_de(etudiant)))
    for i in range(fichiers.PIECES_MAX):
        assert _envoyer(clients["etudiant"], entree.pk, f"p{i}.png", outils.PNG) == ""
    page = _envoyer(clients["etudiant"], entree.pk, "de-trop.png", outils.PNG)
    assert f"{fichiers.PIECES_MAX} pièces jointes au plus par entrée" in page
    assert PieceJointe.objects.count() == fichiers.PIECES_MAX
