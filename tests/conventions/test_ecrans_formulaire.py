"""Creating and editing a convention: the form keeps what was typed on error, and the law
is checked on the unsaved data as it is filled in (htmx) or on "Vérifier" (no JS)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import Convention, Statut
from tests import fabriques
from tests.conventions.ecrans import avancer, formulaire

pytestmark = pytest.mark.django_db
CREER = reverse("conventions:creer")
APERCU = reverse("conventions:apercu")


def test_it_creates_a_convention(clients: dict[str, Client]) -> None:
    org = fabriques.organisme()
    tuteur = fabriques.tuteur(organisme=org)
    eleve = fabriques.etudiant()
    donnees = formulaire(
        etudiant=eleve,
        organisme=org,
        tuteur=tuteur,
        periodes=[(date(2026, 3, 2), date(2026, 3, 13)), (date(2026, 5, 4), date(2026, 5, 15))],
        minutes_lundi="7:30",
        poste="Commercial sédentaire",
    )
    reponse = clients["administrateur"].post(CREER, donnees)

    assert reponse.status_code == 302
    convention = Convention.objects.get(etudiant=eleve)
    assert reponse["Location"] == reverse("conventions:detail", kwargs={"pk": convention.pk})
    assert convention.minutes_lundi == 450 and convention.tuteur == tuteur
    assert [(p.debut.day, p.fin.day) for p in convention.periodes.all()] == [(2, 13), (4, 15)]
    assert convention.contenus["avantages"] == fabriques.CLAUSES["avantages"]
    assert convention.evenements.get().action == "creation"


def test_a_form_with_errors_keeps_everything_typed(clients: dict[str, Client]) -> None:
    org = fabriques.organisme()
    autre_tuteur = fabriques.tuteur(organisme=fabriques.organisme(raison_sociale="Ailleurs SA"))
    donnees = formulaire(
        etudiant=fabriques.etudiant(),
        organisme=org,
        tuteur=autre_tuteur,
        minutes_mardi="sept heures",
        poste="Commercial terrain",
        gratification_mode="horaire",
        clause_avantages="Tickets restaurant",
        **{"periodes-0-fin": ""},
    )
    page = clients["administrateur"].post(CREER, donnees)

    assert page.status_code == 200 and not Convention.objects.exists()
    texte = page.content.decode()
    assert "Le formulaire contient des erreurs" in texte
    assert "Indiquez une durée en heures, comme 7, 7,5 ou 7:30" in texte
    assert "Indiquez le montant de la gratification." in texte
    assert "choisissez un tuteur de l&#x27;organisme d&#x27;accueil" in texte
    assert "Ce champ est obligatoire." in texte  # the period's missing end
    assert 'value="sept heures"' in texte and 'value="Commercial terrain"' in texte
    assert "Tickets restaurant" in texte
    assert 'value="2026-03-02"' in texte


def _quota_atteint(administrateur: Utilisateur) -> fabriques.OrganismeAccueil:
    """A host of 12 people with three interns validated the week of 2 March 2026."""
    org = fabriques.organisme(effectif=12)
    for _ in range(3):
        avancer(fabriques.convention(organisme_=org), Statut.VALIDEE, administrateur)
    return org


def test_the_live_check_judges_the_unsaved_form(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    org = _quota_atteint(administrateur)
    donnees = formulaire(
        etudiant=fabriques.etudiant(), organisme=org, tuteur=fabriques.tuteur(organisme=org)
    )

    panneau = clients["administrateur"].post(APERCU, donnees, HTTP_HX_REQUEST="true")

    assert panneau.status_code == 200
    texte = panneau.content.decode()
    assert "<html" not in texte  # the panel alone, for htmx to swap in
    assert "Bloquant :" in texte and "Trop de stagiaires dans une semaine civile" in texte
    assert "Gratification mois par mois" in texte and "mars 2026" in texte
    assert Convention.objects.count() == 3  # nothing saved


def test_the_verify_button_shows_the_same_panel_without_javascript(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    org = _quota_atteint(administrateur)
    donnees = formulaire(
        etudiant=fabriques.etudiant(),
        organisme=org,
        tuteur=fabriques.tuteur(organisme=org),
        verifier="1",
    )
    page = clients["administrateur"].post(CREER, donnees).content.decode()
    assert "<html" in page and "Vérification du droit" in page
    assert "Trop de stagiaires dans une semaine civile" in page
    assert Convention.objects.count() == 3


def test_the_live_check_tells_what_to_complete(clients: dict[str, Client]) -> None:
    panneau = clients["enseignant"].post(
        APERCU, {"periodes-TOTAL_FORMS": "1", "periodes-INITIAL_FORMS": "0"}
    )
    texte = panneau.content.decode()
    assert "Pour vérifier le droit, complétez ou corrigez" in texte
    assert "Étudiant : Ce champ est obligatoire." in texte


def _requetes_apercu(client: Client, donnees: dict[str, object]) -> int:
    with CaptureQueriesContext(connection) as requetes:
        assert client.post(APERCU, donnees).status_code == 200
    return len(requetes)


def test_the_live_check_reads_a_constant_number_of_queries(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    org = fabriques.organisme(effectif=40)
    donnees = formulaire(
        etudiant=fabriques.etudiant(), organisme=org, tuteur=fabriques.tuteur(organisme=org)
    )
    avancer(fabriques.convention(organisme_=org), Statut.VALIDEE, administrateur)
    une = _requetes_apercu(clients["administrateur"], donnees)
    for _ in range(4):
        avancer(fabriques.convention(organisme_=org), Statut.VALIDEE, administrateur)
    assert _requetes_apercu(clients["administrateur"], donnees) == une


def test_editing_keeps_the_saved_values_and_saves_the_changes(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention(poste="Vendeur")
    url = reverse("conventions:modifier", kwargs={"pk": convention.pk})
    page = clients["administrateur"].get(url).content.decode()
    assert 'value="Vendeur"' in page and 'value="2026-03-02"' in page
    assert "Vérification du droit" in page and "Gratification mois par mois" in page

    donnees = formulaire(
        etudiant=convention.etudiant,
        organisme=convention.etablissement_accueil.organisme,
        tuteur=convention.tuteur,
        poste="Vendeur conseil",
        minutes_vendredi="4",
    )
    assert clients["administrateur"].post(url, donnees).status_code == 302
    convention.refresh_from_db()
    assert convention.poste == "Vendeur conseil" and convention.minutes_vendredi == 240


def test_a_validated_convention_is_not_edited_and_the_page_says_why(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = avancer(fabriques.convention(), Statut.VALIDEE, administrateur)
    donnees = formulaire(
        etudiant=convention.etudiant,
        organisme=convention.etablissement_accueil.organisme,
        tuteur=convention.tuteur,
        poste="Autre poste",
    )
    url = reverse("conventions:modifier", kwargs={"pk": convention.pk})
    page = clients["administrateur"].post(url, donnees).content.decode()
    assert "ne se modifie plus directement" in page and 'value="Autre poste"' in page
    convention.refresh_from_db()
    assert convention.poste == ""


def test_adding_a_period_without_javascript_keeps_the_form(clients: dict[str, Client]) -> None:
    org = fabriques.organisme()
    donnees = formulaire(
        etudiant=fabriques.etudiant(),
        organisme=org,
        tuteur=None,
        poste="Gardé",
        ajouter_periode="1",
    )
    page = clients["administrateur"].post(CREER, donnees).content.decode()
    assert 'name="periodes-1-debut"' in page and 'value="Gardé"' in page
    assert "Le formulaire contient des erreurs" not in page


def test_a_half_filled_spare_period_is_pointed_at(clients: dict[str, Client]) -> None:
    org = fabriques.organisme()
    donnees = formulaire(etudiant=fabriques.etudiant(), organisme=org, tuteur=None)
    donnees.update({"periodes-TOTAL_FORMS": "2", "periodes-1-debut": "2026-05-04"})
    page = clients["administrateur"].post(CREER, donnees).content.decode()
    assert "Indiquez le début et la fin de la période." in page
    assert not Convention.objects.exists()


@pytest.mark.parametrize("numero", ["²", "٣", "9" * 5000])
def test_the_live_check_of_a_convention_that_cannot_exist_is_not_found(
    clients: dict[str, Client], numero: str
) -> None:
    """`?convention=` carries a convention's number; "²" passes str.isdigit() but not int(),
    and 5,000 digits overflow the database's integer: not found, never a server error."""
    reponse = clients["administrateur"].post(f"{APERCU}?convention={numero}", {})
    assert reponse.status_code == 404


@pytest.mark.parametrize("champ", ["missions", "competences"])
def test_a_checkbox_edited_to_a_number_beyond_the_database_is_an_error(
    clients: dict[str, Client], champ: str
) -> None:
    """Django looks checked rows up with `pk__in`; 20 digits overflow the database's integer:
    the form says the value is wrong instead of a server error."""
    reponse = clients["administrateur"].post(CREER, {champ: "99999999999999999999"})
    assert reponse.status_code == 200
    assert champ in reponse.context["form"].errors
