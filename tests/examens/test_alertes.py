"""Alerts before the deposit deadline (examens/alertes.py), a pass of `manage.py relances`:
30, 15 and 7 days before to the student and the référent of each dossier not conforme, the
day before to the administrators; never twice. The pass is given the day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from comptes.models import Role, Utilisateur
from documents.models import objet_periode
from examens import alertes
from examens.models import AlerteDossier
from tests import fabriques
from tests.examens import dossiers

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohorte() -> dict[str, Any]:
    promo = dossiers.promotion()
    session = dossiers.session(promo)  # deadline 15/04/2027
    referent = fabriques.enseignant(email="referent@lycee-eiffel.test")
    incomplet = dossiers.candidat(
        promo, nom="Incomplet", complet=False, referent=referent, email="inc@lycee-eiffel.test"
    )
    pret = dossiers.candidat(promo, nom="Pret", referent=referent)
    Utilisateur.objects.create_user(
        email="admin@lycee-eiffel.test", password="x", role=Role.ADMINISTRATEUR
    )
    return {"session": session, "incomplet": incomplet, "pret": pret}


def _passe(jour: date, capture: Callable[..., Any]) -> alertes.Bilan:
    le = timezone.make_aware(datetime.combine(jour, time(7, 0)))
    with capture(execute=True):
        return alertes.alertes_envoyer(aujourdhui=jour, le=le)


def test_rien_avant_le_premier_seuil(
    cohorte: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    assert _passe(date(2027, 3, 15), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)
    assert mail.outbox == []


def test_trente_jours_avant_l_etudiant_et_le_referent_une_seule_fois(
    cohorte: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    bilan = _passe(date(2027, 3, 16), django_capture_on_commit_callbacks)
    assert bilan == alertes.Bilan(1, 1, 0)  # the ready candidate gets nothing
    assert sorted(m.to[0] for m in mail.outbox) == [
        "inc@lycee-eiffel.test",
        "referent@lycee-eiffel.test",
    ]
    eleve = next(m for m in mail.outbox if m.to == ["inc@lycee-eiffel.test"])
    assert "au plus tard le 15/04/2027, dans 30 jours" in eleve.body
    assert "Fiche E6 « réseau de partenaires » : 0 rédigée sur 1 attendue" in eleve.body
    assert "(à faire par l'étudiant)" in eleve.body
    referent = next(m for m in mail.outbox if m.to == ["referent@lycee-eiffel.test"])
    assert "de Lucas Incomplet, dont vous êtes le référent" in referent.body
    assert set(AlerteDossier.objects.values_list("jours_avant", "destinataire")) == {
        (30, "etudiant"),
        (30, "referent"),
    }
    # The same day again, and the day after: nothing more.
    assert _passe(date(2027, 3, 16), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)
    assert _passe(date(2027, 3, 17), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)
    assert len(mail.outbox) == 2


def test_chaque_seuil_puis_la_veille_la_section(
    cohorte: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    for jour in (date(2027, 3, 16), date(2027, 3, 31), date(2027, 4, 8)):
        assert _passe(jour, django_capture_on_commit_callbacks) == alertes.Bilan(1, 1, 0)
    assert sorted(AlerteDossier.objects.values_list("jours_avant", flat=True)) == [
        7,
        7,
        15,
        15,
        30,
        30,
    ]
    mail.outbox.clear()
    # The day before: one list to the administrators, the ready dossier not in it.
    assert _passe(date(2027, 4, 14), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 1)
    (liste,) = mail.outbox
    assert liste.to == ["admin@lycee-eiffel.test"]
    assert "Incomplet Lucas" in liste.body and "Pret" not in liste.body
    assert "Il manque l'attestation de stage" in liste.body
    assert liste.subject == "Stages : 1 dossier(s) d'examen non conforme(s) avant le 15/04/2027"
    # The deadline day: nothing twice.
    assert _passe(date(2027, 4, 15), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)
    assert _passe(date(2027, 4, 16), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)


def test_une_premiere_passe_tardive_n_envoie_que_le_seuil_courant(
    cohorte: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    assert _passe(date(2027, 4, 10), django_capture_on_commit_callbacks) == alertes.Bilan(1, 1, 0)
    assert set(AlerteDossier.objects.values_list("jours_avant", flat=True)) == {7}
    assert "dans 5 jours" in mail.outbox[0].body


def test_un_dossier_devenu_conforme_n_est_plus_alerte(
    cohorte: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    eleve = cohorte["incomplet"]
    dossiers.fiches(eleve, sauf=tuple(t for t in dossiers.REQUISES if t != "E6_PARTENAIRES"))
    deuxieme = eleve.conventions.order_by("pk").last()
    dossiers.document(
        deuxieme, "attestation", objet_periode(deuxieme.periodes.get().pk), signe=True
    )
    assert _passe(date(2027, 3, 16), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)


def test_sans_adresse_pas_d_alerte_et_rien_de_note(
    cohorte: dict[str, Any], django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    eleve = cohorte["incomplet"]
    eleve.email = ""
    eleve.referent = None
    eleve.save(update_fields=["email", "referent"])
    assert _passe(date(2027, 3, 16), django_capture_on_commit_callbacks) == alertes.Bilan(0, 0, 0)
    assert not AlerteDossier.objects.exists()


def test_la_passe_de_manage_py_relances(
    cohorte: dict[str, Any],
    django_capture_on_commit_callbacks: Callable[..., Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    moment = datetime(2027, 3, 16, 7, 0, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(moment), django_capture_on_commit_callbacks(execute=True):
        call_command("relances")
    sortie = capsys.readouterr().out
    assert (
        "2 alerte(s) sur les dossiers d'examen (étudiants et référents), 0 liste(s) des "
        "dossiers non conformes envoyée(s) à la section." in sortie
    )
    assert AlerteDossier.objects.count() == 2
