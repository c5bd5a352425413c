"""The fiches' pages: the student drafts, is told what is missing, sends; another student's
fiche is not found; the référent reviews from their list, a colleague who does not follow
the student may read but not review (403), an administrator may; the comments show beside
each field, the versions stay readable."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comptes.models import Utilisateur
from examens import services
from examens.modeles import modele
from examens.models import Fiche, StatutFiche
from tests.examens import outils_fiches as outils
from tests.examens.outils_fiches import media_temporaire  # noqa: F401  (fixture)
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_temporaire")]


def _texte(reponse: object) -> str:
    return reponse.content.decode()  # type: ignore[attr-defined, no-any-return]


def test_the_student_creates_a_fiche_from_a_stage_and_sees_it_listed(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    e = outils.eleve(utilisateur=etudiant)
    c = outils.stage(e)
    reponse = clients["etudiant"].post(
        reverse("examens:fiche_creer"),
        {
            "type_fiche": "E4_NEGO",
            "titre": "Vente aux cavistes",
            "convention": c.pk,
            "activite_reelle": "oui",
        },
    )
    f = Fiche.objects.get()
    assert reponse.status_code == 302 and reponse["Location"] == reverse(
        "examens:fiche", args=[f.pk]
    )
    page = _texte(clients["etudiant"].get(reverse("examens:fiche", args=[f.pk])))
    assert c.etablissement_accueil.organisme.raison_sociale in page
    assert "200 caractères au plus." in page and "Cadre de l&#x27;activité professionnelle" in page
    assert "À compléter avant l'envoi" in page
    liste = _texte(clients["etudiant"].get(reverse("examens:fiches")))
    assert "Fiche n° 1 — Vente aux cavistes" in liste and "Brouillon" in liste
    assert "E4_NEGO" not in liste  # no internal code shown


@pytest.mark.parametrize(
    "donnees",
    [
        {"type_fiche": "E9", "titre": "x"},
        {"type_fiche": "E4_NEGO", "titre": ""},
        {"type_fiche": "E4_NEGO", "titre": "x", "convention": "99999999999999999999"},
        {"type_fiche": "E4_NEGO", "titre": "x", "activite_reelle": "peut-être"},
    ],
)
def test_a_bad_creation_is_a_french_message(
    clients: dict[str, Client], etudiant: Utilisateur, donnees: dict[str, str]
) -> None:
    outils.eleve(utilisateur=etudiant)
    reponse = clients["etudiant"].post(reverse("examens:fiche_creer"), donnees)
    assert reponse.status_code == 400
    assert 'class="fr-error-text"' in _texte(reponse) or "fr-message--error" in _texte(reponse)
    assert not Fiche.objects.exists()


def test_another_students_fiche_is_not_found(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    outils.eleve(utilisateur=etudiant)
    autre = outils.fiche(outils.eleve())
    for nom in ("examens:fiche", "examens:fiche_versions", "examens:fiche_annexe_telecharger"):
        assert clients["etudiant"].get(reverse(nom, args=[autre.pk])).status_code == 404
    for nom in ("examens:fiche", "examens:fiche_soumettre", "examens:fiche_annexe"):
        assert (
            clients["etudiant"].post(reverse(nom, args=[autre.pk]), {"titre": "x"}).status_code
            == 404
        )
    assert Fiche.objects.get().versions.get().contenu["clientele"] == ""


def test_editing_shows_the_bounds_and_saves(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    f = outils.fiche(outils.eleve(utilisateur=etudiant))
    url = reverse("examens:fiche", args=[f.pk])
    trop = clients["etudiant"].post(url, {"titre": "T", "clientele": "x" * 801})
    assert trop.status_code == 400 and "800 caractères au plus (ici 801)." in _texte(trop)
    ok = clients["etudiant"].post(url, {"titre": "T", "clientele": "Cavistes"})
    assert ok.status_code == 302
    assert f.versions.get().contenu["clientele"] == "Cavistes"


def test_sending_an_incomplete_fiche_lists_what_is_missing(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    f = outils.fiche(outils.eleve(utilisateur=etudiant))
    reponse = clients["etudiant"].post(reverse("examens:fiche_soumettre", args=[f.pk]), follow=True)
    assert "Complétez d&#x27;abord : Nom de l&#x27;organisation" in _texte(reponse)
    f.refresh_from_db()
    assert f.statut == StatutFiche.BROUILLON


def test_the_annex_upload_refuses_what_is_not_a_pdf(
    clients: dict[str, Client], etudiant: Utilisateur
) -> None:
    f = outils.fiche(outils.eleve(utilisateur=etudiant))
    url = reverse("examens:fiche_annexe", args=[f.pk])
    faux = clients["etudiant"].post(url, {"annexe": SimpleUploadedFile("offre.pdf", b"MZ\x90")})
    assert faux.status_code == 400 and "L&#x27;annexe doit être un fichier PDF." in _texte(faux)
    vrai = clients["etudiant"].post(url, {"annexe": SimpleUploadedFile("o.pdf", outils.PDF)})
    assert vrai.status_code == 302
    telecharge = clients["etudiant"].get(reverse("examens:fiche_annexe_telecharger", args=[f.pk]))
    assert b"".join(telecharge.streaming_content) == outils.PDF  # type: ignore[attr-defined]


def _envoyee(referent: Utilisateur, etudiant: Utilisateur | None = None) -> Fiche:
    f = outils.remplir(outils.fiche(outils.eleve(utilisateur=etudiant, referent=referent)))
    services.fiche_soumettre(fiche=f, le=timezone.now())
    return f


def _avis(f: Fiche, **a_corriger: str) -> dict[str, str]:
    donnees = {}
    for c in modele(f.type).champs:
        donnees[f"{c.cle}__avis"] = "a_corriger" if c.cle in a_corriger else "conforme"
        donnees[f"{c.cle}__commentaire"] = a_corriger.get(c.cle, "")
    return donnees


def test_the_referent_reviews_and_the_student_reads_the_comments(
    clients: dict[str, Client], enseignant: Utilisateur, etudiant: Utilisateur
) -> None:
    f = _envoyee(enseignant, etudiant)
    a_relire = _texte(clients["enseignant"].get(reverse("examens:fiches_a_relire")))
    assert f.titre in a_relire and "En relecture" in a_relire
    url = reverse("examens:fiche_relire", args=[f.pk])
    assert clients["enseignant"].get(url).status_code == 200
    sans = clients["enseignant"].post(url, _avis(f, clientele=""))
    assert sans.status_code == 400 and "dites ce qu&#x27;il faut corriger" in _texte(sans)
    reponse = clients["enseignant"].post(url, _avis(f, clientele="Citez vos trois cibles."))
    assert reponse.status_code == 302
    f.refresh_from_db()
    assert f.statut == StatutFiche.A_CORRIGER
    page = _texte(clients["etudiant"].get(reverse("examens:fiche", args=[f.pk])))
    assert "Citez vos trois cibles." in page and "À corriger" in page
    liste = _texte(clients["etudiant"].get(reverse("examens:fiches")))
    assert "Citez vos trois cibles." in liste
    versions = _texte(clients["etudiant"].get(reverse("examens:fiche_versions", args=[f.pk])))
    assert "Version 1" in versions and "relue le" in versions


def test_a_colleague_reads_but_does_not_review_an_administrator_does(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    referent = Utilisateur.objects.create_user(
        email="paul@lycee-eiffel.example", role="enseignant", password="x"
    )
    f = _envoyee(referent)
    assert (
        clients["enseignant"].get(reverse("examens:fiche_personnel", args=[f.pk])).status_code
        == 200
    )
    assert f.titre not in _texte(clients["enseignant"].get(reverse("examens:fiches_a_relire")))
    url = reverse("examens:fiche_relire", args=[f.pk])
    assert clients["enseignant"].get(url).status_code == 403
    assert clients["enseignant"].post(url, _avis(f)).status_code == 403
    assert clients["administrateur"].post(url, _avis(f)).status_code == 302
    f.refresh_from_db()
    assert f.statut == StatutFiche.CONFORME
    assert (
        clients["enseignant"].post(reverse("examens:fiche_rouvrir", args=[f.pk])).status_code == 403
    )
    page = _texte(
        clients["administrateur"].get(reverse("examens:fiches_etudiant", args=[f.etudiant_id]))
    )
    assert "Conforme" in page


def test_the_list_filter_takes_only_known_states(
    clients: dict[str, Client], administrateur: Utilisateur
) -> None:
    f = outils.fiche(outils.eleve())
    for statut, montree in (
        ("brouillon", True),
        ("soumise", False),
        ("toutes", True),
        ("<x>", False),
    ):
        page = _texte(
            clients["administrateur"].get(reverse("examens:fiches_a_relire"), {"statut": statut})
        )
        assert (f.titre in page) is montree, statut
