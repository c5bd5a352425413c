"""The access decorators: login first, then the role; the administrator goes where staff go."""

from __future__ import annotations

import pytest
from django.test import Client

from comptes.acces import peut_acceder, role_requis
from comptes.models import Role, Utilisateur

pytestmark = pytest.mark.urls("tests.comptes.urls_gardees")


@pytest.mark.parametrize(
    ("url", "persona", "statut"),
    [
        ("/personnel/", "administrateur", 200),
        ("/personnel/", "enseignant", 200),
        ("/personnel/", "etudiant", 403),
        ("/administration/", "administrateur", 200),
        ("/administration/", "enseignant", 403),
        ("/administration/", "etudiant", 403),
        ("/mes-stages/", "etudiant", 200),
        # A student-only page holds nothing of the staff's: not even the administrator's.
        ("/mes-stages/", "administrateur", 403),
        ("/mes-stages/", "enseignant", 403),
        ("/fiches/7/", "enseignant", 200),
        ("/fiches/7/", "etudiant", 200),
        ("/fiches/7/", "administrateur", 200),
    ],
)
def test_it_lets_in_the_roles_asked_for(
    url: str, persona: str, statut: int, clients: dict[str, Client]
) -> None:
    assert clients[persona].get(url).status_code == statut


def test_it_sends_an_anonymous_visitor_to_the_login_page_and_back(db: None) -> None:
    reponse = Client().get("/fiches/7/?onglet=stages")
    assert reponse.status_code == 302
    assert reponse["Location"] == "/connexion/?next=/fiches/7/%3Fonglet%3Dstages"


def test_it_explains_a_refusal_in_french_on_a_dsfr_page(clients: dict[str, Client]) -> None:
    page = clients["etudiant"].get("/personnel/")
    assert page.status_code == 403
    html = page.content.decode()
    assert "<h1>Accès refusé</h1>" in html
    assert "Votre compte ne donne pas accès à cette page." in html
    assert "(étudiant)" in html
    assert 'class="fr-header"' in html  # the whole layout, menu and logout button included
    assert "Se déconnecter" in html


def test_it_passes_the_view_arguments_through(clients: dict[str, Client]) -> None:
    assert clients["enseignant"].get("/fiches/42/").content == b"fiche 42"


def test_a_superuser_is_an_administrator_whatever_their_role(db: None) -> None:
    chef = Utilisateur.objects.create_superuser("chef@lycee-eiffel.example", "x")
    chef.role = Role.ETUDIANT
    assert peut_acceder(chef, {Role.ENSEIGNANT})


def test_an_inactive_account_has_no_access(enseignant: Utilisateur) -> None:
    enseignant.is_active = False
    assert not peut_acceder(enseignant, {Role.ENSEIGNANT})


def test_a_misspelt_role_fails_at_import_rather_than_locking_everybody_out() -> None:
    with pytest.raises(ValueError, match="enseignante"):
        role_requis("enseignante")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        role_requis()
