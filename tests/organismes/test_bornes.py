"""A host's dates and headcounts stay within regles.bornes (issue 9, point 9): a closure
ending in 9999, a headcount of year 0 or of ten million people are refused with a French
message by the services and the forms, never stored, never a 500."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from organismes import services
from organismes.models import EffectifMensuel, FermetureOrganisme, OrganismeAccueil
from regles.bornes import EFFECTIF_MAX, MESSAGE_DATE
from tests import fabriques
from tests.personas import *  # noqa: F403  (the persona fixtures)


@pytest.fixture
def hote(db: None) -> OrganismeAccueil:
    return fabriques.organisme(raison_sociale="Quai des Affaires", effectif=None)


def test_the_services_refuse_dates_out_of_bounds(hote: OrganismeAccueil) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.fermeture_ajouter(organisme=hote, debut=date(2026, 3, 9), fin=date(9999, 12, 31))
    assert MESSAGE_DATE in erreur.value.messages
    with pytest.raises(ValidationError) as erreur:
        services.effectif_enregistrer(organisme=hote, mois=date(1, 1, 1), personnes=12)
    assert MESSAGE_DATE in erreur.value.messages
    with pytest.raises(ValidationError) as erreur:
        services.autres_stagiaires_declarer(organisme=hote, semaine=date(9999, 12, 27), nombre=1)
    assert MESSAGE_DATE in erreur.value.messages
    assert not FermetureOrganisme.objects.exists() and not EffectifMensuel.objects.exists()


def test_the_service_refuses_a_headcount_above_the_bound(hote: OrganismeAccueil) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.effectif_enregistrer(
            organisme=hote, mois=date(2026, 3, 1), personnes=EFFECTIF_MAX + 1
        )
    assert "L'effectif ne peut pas dépasser 1\u202f000\u202f000 personnes." in erreur.value.messages


@pytest.mark.parametrize("mois", ["01/0000", "0000-01", "12/9999", "01/1899"])
def test_a_month_out_of_bounds_is_explained_and_kept(
    hote: OrganismeAccueil, clients: dict[str, Client], mois: str
) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/effectifs/", {"mois": mois, "personnes": "12"}
    )
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert MESSAGE_DATE in html and f'value="{mois}"' in html
    assert not EffectifMensuel.objects.exists()


def test_a_closure_ending_in_9999_is_explained_and_kept(
    hote: OrganismeAccueil, clients: dict[str, Client]
) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/fermetures/nouvelle/",
        {"debut": "09/03/2026", "fin": "31/12/9999", "libelle": "Pour toujours"},
    )
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert MESSAGE_DATE in html and "Pour toujours" in html
    assert not FermetureOrganisme.objects.exists()


def test_a_week_in_year_1_is_explained(hote: OrganismeAccueil, clients: dict[str, Client]) -> None:
    reponse = clients["enseignant"].post(
        f"/organismes/{hote.pk}/autres-stagiaires/", {"semaine": "01/01/0001", "nombre": "2"}
    )
    assert reponse.status_code == 200
    assert MESSAGE_DATE in reponse.content.decode()
