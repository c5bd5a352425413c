"""A référent's day of visits in time order with its OpenStreetMap legs, the kilometres
entered on the visit, and the month's export (CSV, XLSX) with its total."""

from __future__ import annotations

import io
from datetime import time, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from comptes.models import Utilisateur
from suivi import services
from suivi.itineraire import lien_osm
from tests.conventions.ecrans import referent
from tests.suivi import constructeurs as k

pytestmark = pytest.mark.django_db


def _visites_du_jour(utilisateur: Utilisateur):  # type: ignore[no-untyped-def]
    moi = referent(utilisateur)
    jour = timezone.localdate() + timedelta(days=2)
    tard = k.stage("Garonne Services", referent=moi)
    tot = k.stage("Aquitaine Distribution", referent=moi)
    v_tard = k.proposer(tard, jour, heure=time(15, 0))
    v_tot = k.proposer(tot, jour, heure=time(9, 0))
    for v in (v_tard, v_tot):
        services.creneau_choisir(
            visite=v, creneau_pk=v.creneaux.get().pk, maintenant=timezone.now()
        )
    autre = k.planifier(k.stage("Landes Commerce"), jour)  # another référent's
    return jour, v_tot, v_tard, autre


def test_the_day_in_time_order_with_its_legs(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    jour, tot, tard, autre = _visites_du_jour(enseignant)
    page = clients["enseignant"].get(reverse("suivi:itineraire"), {"jour": jour.isoformat()})
    texte = page.content.decode()
    assert texte.index("Aquitaine Distribution") < texte.index("Garonne Services")
    assert "Landes Commerce" not in texte
    assert "openstreetmap.org/directions" in texte
    assert "depuis le lycée" in texte and "depuis la visite précédente" in texte


def test_an_osm_link_carries_both_addresses() -> None:
    lien = urlparse(lien_osm("1 rue A, 33000 Bordeaux", "2 av. B, 33700 Mérignac"))
    assert (lien.netloc, lien.path) == ("www.openstreetmap.org", "/directions")
    assert parse_qs(lien.query)["to"] == ["2 av. B, 33700 Mérignac"]


def test_an_administrator_who_is_not_a_referent_sees_every_visit(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    jour, *_ = _visites_du_jour(enseignant)
    texte = (
        clients["administrateur"]
        .get(reverse("suivi:itineraire"), {"jour": jour.isoformat()})
        .content.decode()
    )
    assert "Landes Commerce" in texte and "tous les référents" in texte


@pytest.mark.parametrize("jour", ["hier", "2026-02-31", "9999-01-01"])
def test_a_bad_day_is_a_message(clients: dict[str, Client], jour: str) -> None:
    page = clients["enseignant"].get(reverse("suivi:itineraire"), {"jour": jour})
    assert page.status_code == 400
    assert "pas valide" in page.content.decode()


def test_the_kilometres_and_the_months_export(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    jour, tot, tard, _ = _visites_du_jour(enseignant)
    url = reverse("suivi:kilometres", args=[tot.pk])
    retour = clients["enseignant"].post(url, {"kilometres": "12.5", "retour": "itineraire"})
    assert retour["Location"].endswith(f"?jour={jour.isoformat()}")
    clients["enseignant"].post(reverse("suivi:kilometres", args=[tard.pk]), {"kilometres": "30"})
    tot.refresh_from_db()
    assert tot.kilometres == Decimal("12.5")
    mois = f"{jour:%Y-%m}"
    csv = clients["enseignant"].get(reverse("suivi:export_kilometres"), {"mois": mois})
    lignes = csv.content.decode("utf-8-sig").splitlines()
    assert lignes[0].startswith("Date;Heure;Étudiant;Organisme d'accueil")
    assert len(lignes) == 4  # two visits, the total
    assert "Aquitaine Distribution" in lignes[1] and lignes[1].endswith(";12,5")
    assert lignes[-1].endswith("Total du mois;;42,5")
    xlsx = clients["enseignant"].get(
        reverse("suivi:export_kilometres"), {"mois": mois, "format": "xlsx"}
    )
    feuille = load_workbook(io.BytesIO(xlsx.content)).active
    assert feuille is not None
    assert (
        feuille.cell(row=4, column=6).value == Decimal("42.5")
        or float(
            feuille.cell(row=4, column=6).value  # type: ignore[arg-type]
        )
        == 42.5
    )


def test_kilometres_out_of_bounds_are_refused(
    clients: dict[str, Client], enseignant: Utilisateur
) -> None:
    _, tot, _, _ = _visites_du_jour(enseignant)
    for km in ("-1", "99999", "abc"):
        clients["enseignant"].post(reverse("suivi:kilometres", args=[tot.pk]), {"kilometres": km})
    tot.refresh_from_db()
    assert tot.kilometres is None


@pytest.mark.parametrize("params", [{"mois": "2026-13"}, {"mois": "abc"}, {"format": "pdf"}])
def test_a_bad_export_request_is_not_found(
    clients: dict[str, Client], params: dict[str, str]
) -> None:
    assert clients["enseignant"].get(reverse("suivi:export_kilometres"), params).status_code == 404
