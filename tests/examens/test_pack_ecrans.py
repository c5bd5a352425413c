"""The staff's pack page: ask for the cohort's pack or a candidate's, the fragment htmx polls
every 2 s until the pack is ready, then the download; the list of past packs."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from examens.models import EtatPack, Pack
from tests.examens import fabriques_examens as fx
from tests.examens.test_pack_taches import travailleur
from tests.personas import administrateur, enseignant  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_prof(enseignant) -> Client:  # noqa: F811
    c = Client()
    c.force_login(enseignant)
    return c


def test_a_candidates_pack_is_asked_followed_then_downloaded(client_prof, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    eleve = fx.candidat(session, "Costa")
    page = client_prof.get(reverse("examens:packs", args=[session.pk])).content.decode()
    assert "Générer le pack de la promotion" in page and "Générer son pack" in page
    assert "Aucun pack n'a encore été demandé" in page

    reponse = client_prof.post(
        reverse("examens:pack_generer", args=[session.pk]),
        {"etudiant": eleve.pk},
        HTTP_HX_REQUEST="true",
    )
    fragment = reponse.content.decode()
    pack = Pack.objects.get()
    assert pack.etudiant == eleve and pack.etat == EtatPack.EN_ATTENTE
    assert 'hx-trigger="every 2s"' in fragment and "En attente" in fragment

    travailleur()
    fragment = client_prof.get(reverse("examens:pack_etat", args=[pack.pk])).content.decode()
    assert "hx-trigger" not in fragment  # done: the polling stops
    assert "Télécharger le dossier (PDF)" in fragment
    fichier = client_prof.get(reverse("examens:pack_fichier", args=[pack.pk]))
    assert fichier.status_code == 200
    assert b"".join(fichier.streaming_content).startswith(b"%PDF")
    assert "attachment" in fichier["Content-Disposition"]

    page = client_prof.get(reverse("examens:packs", args=[session.pk])).content.decode()
    assert "COSTA Lucas" in page and "Prêt" in page


def test_the_cohort_pack_without_htmx_comes_back_to_the_page(client_prof, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    session = fx.session()
    reponse = client_prof.post(reverse("examens:pack_generer", args=[session.pk]))
    assert reponse.status_code == 302
    pack = Pack.objects.get()
    assert pack.etudiant is None
    travailleur()
    fragment = client_prof.get(reverse("examens:pack_etat", args=[pack.pk])).content.decode()
    assert "Échec" in fragment and "Cette promotion n&#x27;a aucun candidat" in fragment
    # No file for a failed pack.
    assert client_prof.get(reverse("examens:pack_fichier", args=[pack.pk])).status_code == 404


def test_bad_requests_answer_cleanly(client_prof):
    session = fx.session()
    url = reverse("examens:pack_generer", args=[session.pk])
    assert client_prof.post(url, {"etudiant": "abc"}).status_code == 400
    assert client_prof.post(url, {"etudiant": "99999999999999"}).status_code == 400
    autre = fx.candidat(fx.session(annee=2028))
    assert client_prof.post(url, {"etudiant": autre.pk}).status_code == 404
    assert Pack.objects.count() == 0
