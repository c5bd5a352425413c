"""The pages of the students' search: a student reads and changes only their own
applications, sees the section's offers for a period they still need a place for and marks
their interest (htmx gets the offer's card back); the staff see the interested students and
propose one, whose first name alone then shows on the company's follow-up page; a référent
reads their own students' search only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from candidatures import services
from candidatures.models import Candidature, InteretOffre
from comptes.models import Utilisateur
from conventions.models import Statut
from etablissement import services as etablissement_services
from public.jetons import jeton_nouveau
from tests import fabriques
from tests.candidatures import outils

pytestmark = pytest.mark.django_db


def _texte(reponse: Any) -> str:
    return reponse.content.decode()


@pytest.fixture
def moi(etudiant: Utilisateur):  # type: ignore[no-untyped-def]
    promo, hiver, printemps = outils.promotion()
    return outils.etudiant_de(etudiant, promo, prenom="Inès", nom="Benali"), hiver, printemps


def test_a_student_adds_an_application_and_reads_only_their_own(
    clients: dict[str, Client], moi: Any
) -> None:
    eleve, hiver, _ = moi
    autre = outils.candidature(outils.etudiant(eleve.promotion), hiver, organisme_nom="Secrète SA")
    client = clients["etudiant"]
    reponse = client.post(
        reverse("candidatures:ajouter"),
        {
            "organisme_nom": "Cave des Chartrons",
            "periode": hiver.pk,
            "date": outils.aujourdhui().isoformat(),
            "canal": "sur_place",
            "reponse": "entretien",
            "contact": "M. Darrieux",
            "notes": "",
        },
    )
    assert reponse.status_code == 302
    mienne = Candidature.objects.get(etudiant=eleve)
    page = _texte(client.get(reverse("candidatures:recherche")))
    assert "Cave des Chartrons" in page and "Entretien" in page and "Sur place" in page
    assert "Secrète SA" not in page
    assert client.get(reverse("candidatures:modifier", kwargs={"pk": autre.pk})).status_code == 404
    assert client.get(reverse("candidatures:modifier", kwargs={"pk": mienne.pk})).status_code == 200
    client.post(reverse("candidatures:supprimer", kwargs={"pk": autre.pk}))
    assert Candidature.objects.filter(pk=autre.pk).exists()
    reponse = client.post(reverse("candidatures:supprimer", kwargs={"pk": mienne.pk}))
    assert reponse.status_code == 302
    assert not Candidature.objects.filter(pk=mienne.pk).exists()


def test_a_refused_application_comes_back_with_its_french_message(
    clients: dict[str, Client], moi: Any
) -> None:
    _, hiver, _ = moi
    reponse = clients["etudiant"].post(
        reverse("candidatures:ajouter"),
        {"organisme_nom": "", "periode": "²", "date": "31/02/2027", "canal": "x", "reponse": ""},
    )
    assert reponse.status_code == 400
    page = _texte(reponse)
    for message in (
        "Indiquez l&#x27;entreprise ou l&#x27;organisme contacté.",
        "Choisissez une période de stage de la liste.",
        "Saisissez une date, par exemple 12/01/2027.",
        "Choisissez une valeur de la liste.",
        "Choisissez la réponse.",
    ):
        assert message in page
    assert not Candidature.objects.exists()


def test_offers_go_to_the_students_who_need_a_place_for_their_periods(
    clients: dict[str, Client], moi: Any
) -> None:
    eleve, hiver, printemps = moi
    _, autre_cohorte, _ = outils.promotion("NDRC autre")
    outils.offre(hiver, entreprise="Offre d'hiver")
    outils.offre(printemps, entreprise="Offre de printemps")
    outils.offre(autre_cohorte, entreprise="Offre d'une autre promotion")
    outils.offre(entreprise="Offre sans période")
    from public.models import StatutProposition

    outils.offre(hiver, entreprise="Offre non acceptée", statut=StatutProposition.RECUE)
    page = _texte(clients["etudiant"].get(reverse("candidatures:recherche")))
    for nom in ("Offre d&#x27;hiver", "Offre de printemps", "Offre sans période"):
        assert nom in page
    assert "autre promotion" not in page and "non acceptée" not in page
    # A signed convention for winter: the winter offer no longer comes to them.
    outils.convention(eleve, hiver, Statut.SIGNEE)
    page = _texte(clients["etudiant"].get(reverse("candidatures:recherche")))
    assert "Offre d&#x27;hiver" not in page and "Offre de printemps" in page


def test_interest_is_marked_with_htmx_and_withdrawn_without(
    clients: dict[str, Client], moi: Any
) -> None:
    eleve, hiver, _ = moi
    offre = outils.offre(hiver, entreprise="Lacoste Immobilier")
    url = reverse("candidatures:interet", kwargs={"pk": offre.pk})
    reponse = clients["etudiant"].post(url, {"action": "marquer"}, headers={"HX-Request": "true"})
    assert reponse.status_code == 200
    carte = _texte(reponse)
    assert carte.lstrip().startswith(f'<article class="candidatures-offre" id="offre-{offre.pk}"')
    assert "Retirer mon intérêt" in carte and "transmis à la section" in carte
    assert InteretOffre.objects.filter(etudiant=eleve, proposition=offre).exists()
    reponse = clients["etudiant"].post(url, {"action": "retirer"})
    assert reponse.status_code == 302 and reponse["Location"].endswith(f"#offre-{offre.pk}")
    assert not InteretOffre.objects.exists()


def test_the_staff_propose_an_interested_student_and_the_company_sees_the_first_name(
    clients: dict[str, Client], moi: Any
) -> None:
    eleve, hiver, _ = moi
    offre = outils.offre(hiver, entreprise="Lacoste Immobilier")
    jeton, empreinte = jeton_nouveau()
    offre.jeton_empreinte = empreinte
    offre.save()
    interet = services.interet_marquer(etudiant=eleve, proposition=offre, le=outils.maintenant())
    suivi = reverse("public:proposition_suivi", kwargs={"jeton": jeton})
    assert "Aucun candidat proposé pour l'instant" in _texte(Client().get(suivi))

    fiche = _texte(
        clients["enseignant"].get(reverse("public:proposition", kwargs={"pk": offre.pk}))
    )
    assert "Étudiants intéressés" in fiche and "Inès Benali" in fiche
    assert "Proposer à l'entreprise" in fiche
    reponse = clients["enseignant"].post(
        reverse("candidatures:proposer", kwargs={"pk": interet.pk}), {"action": "proposer"}
    )
    assert reponse.status_code == 302 and reponse["Location"].endswith("#interesses")
    page = _texte(Client().get(suivi))
    assert "La section vous propose 1 étudiant : <strong>Inès</strong>" in page
    assert "Benali" not in page


def test_a_referent_reads_their_own_students_search_only(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    promo, hiver, _ = outils.promotion()
    moi = fabriques.enseignant(nom="Leroy", prenom="Marc", utilisateur=enseignant)
    suivi = outils.etudiant(promo, nom="Suivie", prenom="Lou", referent=moi)
    autre = outils.etudiant(promo, nom="Autre", prenom="Paul")
    outils.candidature(suivi, hiver, organisme_nom="Cave suivie")
    page = _texte(clients["enseignant"].get(reverse("candidatures:tableau")))
    assert "Suivie Lou" in page and "Cave suivie" in page
    assert "Autre Paul" not in page
    # The counters are the whole class's.
    assert '<td data-label="Étudiants">2</td>' in page
    client = clients["enseignant"]
    # The student's record leads there for their référent only.
    lien = reverse("candidatures:etudiant", kwargs={"pk": suivi.pk})
    assert (
        lien
        in client.get(reverse("etablissement:etudiant", kwargs={"pk": suivi.pk})).content.decode()
    )
    fiche_autre = client.get(reverse("etablissement:etudiant", kwargs={"pk": autre.pk}))
    assert reverse("candidatures:etudiant", kwargs={"pk": autre.pk}) not in (
        fiche_autre.content.decode()
    )
    assert client.get(reverse("candidatures:etudiant", kwargs={"pk": suivi.pk})).status_code == 200
    assert client.get(reverse("candidatures:etudiant", kwargs={"pk": autre.pk})).status_code == 403
    tout = _texte(clients["administrateur"].get(reverse("candidatures:tableau")))
    assert "Suivie Lou" in tout and "Autre Paul" in tout
    etablissement_services.etudiant_archiver(etudiant=autre)
    assert "Autre Paul" not in _texte(
        clients["administrateur"].get(reverse("candidatures:tableau"))
    )
