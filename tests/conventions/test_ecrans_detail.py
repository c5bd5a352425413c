"""A convention's page: its findings, schedule and timeline, and its action buttons, whose
refusals keep the page and say why."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from comptes.models import Utilisateur
from conventions.models import Statut
from conventions.services import convention_transition
from regles.constats import CATALOGUE
from tests import fabriques
from tests.conventions.ecrans import avancer, etudiant_suivi_par

pytestmark = pytest.mark.django_db


def _url(nom: str, pk: int) -> str:
    return reverse(f"conventions:{nom}", kwargs={"pk": pk})


def test_it_shows_the_findings_the_schedule_and_the_timeline(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    # Twelve weeks at 35 h: 420 h, gratification mandatory, paid at the legal minimum.
    convention = fabriques.convention(
        periodes=[(date(2026, 3, 2), date(2026, 5, 22))],
        gratification_mode="minimum_legal",
        poste="Chargé de clientèle",
        auteur=administrateur,
    )
    page = clients["enseignant"].get(_url("detail", convention.pk)).content.decode()

    assert "Gratification obligatoire" in page  # a finding, its article one click away
    assert "Pourquoi ?" in page and "L124-6" in page
    assert "Gratification mois par mois" in page and "mars 2026" in page and "avril 2026" in page
    assert "\u202f€" not in page and " €" in page  # 1 234,56 € (thin space in thousands)
    assert "du 02/03/2026 au 22/05/2026" in page
    assert "Chargé de clientèle" in page and "Durée de présence effective" in page
    assert "Création" in page and "Claire Dupuis" in page  # the timeline names the author
    # A teacher who does not follow the student reads, without buttons.
    assert "vous consultez cette convention" in page.lower()
    assert 'name="action"' not in page


def test_a_refused_validation_keeps_the_page_and_shows_why(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention()
    convention_transition(convention=convention, action="soumettre", auteur=administrateur)

    page = clients["administrateur"].post(_url("transition", convention.pk), {"action": "valider"})

    assert page.status_code == 200
    texte = page.content.decode()
    assert "Action refusée" in texte
    assert "Des avertissements doivent d&#x27;abord être pris en compte" in texte
    assert "inférieurs à l&#x27;objectif de la formation" in texte  # the finding behind it
    convention.refresh_from_db()
    assert convention.statut == Statut.A_VALIDER


def test_acknowledging_the_warnings_then_validating_works_through_the_page(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention()
    convention_transition(convention=convention, action="soumettre", auteur=administrateur)
    client = clients["administrateur"]
    page = client.get(_url("detail", convention.pk)).content.decode()
    assert 'name="codes" value="PROGRAMME_INSUFFISANT"' in page

    reponse = client.post(_url("acquitter", convention.pk), {"codes": ["PROGRAMME_INSUFFISANT"]})
    assert reponse.status_code == 302
    page = client.get(_url("detail", convention.pk)).content.decode()
    assert "pris en compte par Claire Dupuis" in page  # the message after the redirect
    assert "Avertissements pris en compte" in page  # and the timeline
    assert 'name="codes"' not in page
    # "Déjà pris en compte" names the rule, never its internal code.
    deja = page.split("Déjà pris en compte", 1)[1].split("</ul>", 1)[0]
    assert escape(CATALOGUE["PROGRAMME_INSUFFISANT"].titre) in deja
    assert "PROGRAMME_INSUFFISANT" not in deja

    reponse = client.post(_url("transition", convention.pk), {"action": "valider"})
    assert reponse.status_code == 302
    convention.refresh_from_db()
    assert convention.statut == Statut.VALIDEE
    page = client.get(_url("detail", convention.pk)).content.decode()
    assert "la convention est maintenant « validée »" in page
    assert "À valider → Validée" in page


def test_sending_back_asks_for_a_reason_and_keeps_the_one_typed(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention()
    convention_transition(convention=convention, action="soumettre", auteur=administrateur)
    client = clients["administrateur"]
    page = client.get(_url("detail", convention.pk)).content.decode()
    assert 'name="motif"' in page and "required" in page

    refus = client.post(_url("transition", convention.pk), {"action": "renvoyer", "motif": "  "})
    assert "Indiquez le motif pour « renvoyer en brouillon »" in refus.content.decode()

    client.post(
        _url("transition", convention.pk), {"action": "renvoyer", "motif": "Tuteur à revoir"}
    )
    page = client.get(_url("detail", convention.pk)).content.decode()
    assert "« Tuteur à revoir »" in page and "À valider → Brouillon" in page


def test_ending_a_stage_early_records_its_last_day_and_who_decided(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_COURS, administrateur)
    client = clients["administrateur"]
    sans_jour = client.post(
        _url("transition", convention.pk), {"action": "rompre", "motif": "Départ du stagiaire"}
    ).content.decode()
    assert "Indiquez le dernier jour du stage" in sans_jour
    assert "Départ du stagiaire" in sans_jour  # what was typed is still there

    client.post(
        _url("transition", convention.pk),
        {
            "action": "rompre",
            "motif": "Départ du stagiaire",
            "dernier_jour": "2026-03-13",
            "initiative": "stagiaire",
        },
    )
    convention.refresh_from_db()
    assert convention.statut == Statut.ROMPUE
    assert convention.rupture_dernier_jour == date(2026, 3, 13)


def test_a_teacher_cannot_validate_even_for_a_student_they_follow(
    enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = fabriques.convention(etudiant_=etudiant_suivi_par(enseignant))
    convention_transition(convention=convention, action="soumettre", auteur=enseignant)
    client = clients["enseignant"]
    page = client.get(_url("detail", convention.pk)).content.decode()
    assert 'value="valider"' not in page and "réservées aux administrateurs" in page
    refus = client.post(_url("transition", convention.pk), {"action": "valider"})
    assert refus.status_code == 403


def test_recording_the_signatures_dates_the_convention_and_refuses_a_future_day(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    convention = avancer(fabriques.convention(), Statut.EN_SIGNATURE, administrateur)
    page = clients["administrateur"].get(_url("detail", convention.pk)).content.decode()
    assert 'name="date_signature"' in page and "Date de la dernière signature" in page

    demain = (timezone.localdate() + timedelta(days=1)).isoformat()
    refus = clients["administrateur"].post(
        _url("transition", convention.pk),
        {"action": "enregistrer_signatures", "date_signature": demain},
    )
    assert refus.status_code == 200
    assert "ne peut pas être postérieure à aujourd&#x27;hui" in refus.content.decode()
    convention.refresh_from_db()
    assert convention.statut == Statut.EN_SIGNATURE and convention.date_signature is None

    clients["administrateur"].post(
        _url("transition", convention.pk),
        {"action": "enregistrer_signatures", "date_signature": "2026-02-20"},
    )
    convention.refresh_from_db()
    assert convention.statut == Statut.SIGNEE
    assert convention.date_signature == date(2026, 2, 20)


def test_recording_the_signatures_without_a_day_dates_them_today(
    administrateur: Utilisateur,
) -> None:
    convention = avancer(fabriques.convention(), Statut.SIGNEE, administrateur)
    assert convention.date_signature == timezone.localdate()
