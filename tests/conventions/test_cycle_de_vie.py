"""The life cycle of a convention: one transition function, the law checked before
validation and signature, warnings acknowledged by a named user, an audit row per change,
e-mails after the commit, reasons required to send back or refuse."""

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from comptes.models import Role, Utilisateur
from conventions.models import Statut
from conventions.moteur import evaluer_convention
from conventions.services import (
    TransitionRefusee,
    convention_acquitter,
    convention_transition,
)
from tests import fabriques

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin() -> Utilisateur:
    return Utilisateur.objects.create_user("chef@lycee-eiffel.test", "x", role=Role.ADMINISTRATEUR)


@pytest.fixture
def prof() -> Utilisateur:
    return Utilisateur.objects.create_user("prof@lycee-eiffel.test", "x", role=Role.ENSEIGNANT)


def a_valider(auteur: Utilisateur, **champs: Any):  # type: ignore[no-untyped-def]
    convention = fabriques.convention(auteur=auteur, **champs)
    return convention_transition(convention=convention, action="soumettre", auteur=auteur)


def test_it_validates_a_lawful_convention_once_its_warnings_are_acknowledged(
    admin: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    convention = a_valider(admin)
    with pytest.raises(TransitionRefusee) as refus:
        convention_transition(convention=convention, action="valider", auteur=admin)
    # 20 days in March against the 40 of the year: a warning someone must take on.
    assert [k.code for k in refus.value.constats] == ["PROGRAMME_INSUFFISANT"]
    assert convention.statut == Statut.A_VALIDER

    convention_acquitter(convention=convention, codes=["PROGRAMME_INSUFFISANT"], auteur=admin)
    with django_capture_on_commit_callbacks(execute=True):
        convention_transition(convention=convention, action="valider", auteur=admin)

    assert convention.statut == Statut.VALIDEE
    evenements = list(
        convention.evenements.values_list("action", "statut_avant", "statut_apres", "auteur")
    )
    assert evenements == [
        ("creation", "", "brouillon", admin.pk),
        ("soumettre", "brouillon", "a_valider", admin.pk),
        ("acquittement", "", "", admin.pk),
        ("valider", "a_valider", "validee", admin.pk),
    ]
    assert len(mail.outbox) == 1 and "validée" in mail.outbox[0].subject


def test_it_refuses_validation_while_the_weekly_quota_is_exceeded(admin: Utilisateur) -> None:
    """Headcount 12: three interns already validated the week of 2 March 2026."""
    org = fabriques.organisme(effectif=12)
    for _ in range(3):
        deja = a_valider(admin, organisme_=org)
        convention_acquitter(convention=deja, codes=["PROGRAMME_INSUFFISANT"], auteur=admin)
        convention_transition(convention=deja, action="valider", auteur=admin)
    nouvelle = a_valider(admin, organisme_=org, periodes=[(date(2026, 3, 5), date(2026, 3, 20))])
    with pytest.raises(TransitionRefusee) as refus:
        convention_transition(convention=nouvelle, action="valider", auteur=admin)
    assert "QUOTA_DEPASSE" in [k.code for k in refus.value.constats]
    assert "trop de stagiaires dans une semaine civile" in refus.value.message
    nouvelle.refresh_from_db()
    assert nouvelle.statut == Statut.A_VALIDER
    assert not nouvelle.evenements.filter(action="valider").exists()


def test_a_draft_is_not_counted_against_the_others(admin: Utilisateur) -> None:
    org = fabriques.organisme(effectif=12)
    for _ in range(3):
        fabriques.convention(organisme_=org)  # drafts: not conventions yet
    nouvelle = fabriques.convention(organisme_=org)
    assert "QUOTA_DEPASSE" not in [k.code for k in evaluer_convention(nouvelle).constats]


def test_only_an_administrator_validates(prof: Utilisateur) -> None:
    convention = a_valider(prof)
    with pytest.raises(PermissionDenied):
        convention_transition(convention=convention, action="valider", auteur=prof)


def test_sending_back_requires_a_reason_that_reaches_the_people_concerned(
    admin: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    convention = a_valider(admin)
    with pytest.raises(TransitionRefusee, match="motif"):
        convention_transition(convention=convention, action="renvoyer", auteur=admin, motif="  ")
    with django_capture_on_commit_callbacks(execute=True):
        convention_transition(
            convention=convention, action="renvoyer", auteur=admin, motif="Le tuteur a changé."
        )
    assert convention.statut == Statut.BROUILLON
    assert convention.evenements.last().commentaire == "Le tuteur a changé."  # type: ignore[union-attr]
    assert "Motif : Le tuteur a changé." in mail.outbox[0].body
    assert convention.etudiant.email in mail.outbox[0].to


def test_a_transition_from_the_wrong_status_says_why(admin: Utilisateur) -> None:
    convention = fabriques.convention()
    with pytest.raises(
        TransitionRefusee, match="Impossible de « valider » une convention « brouillon »"
    ):
        convention_transition(convention=convention, action="valider", auteur=admin)


def test_a_missing_clause_blocks_validation(admin: Utilisateur) -> None:
    clauses = {k: v for k, v in fabriques.CLAUSES.items() if k != "avantages"}
    convention = a_valider(admin, contenus=clauses)
    with pytest.raises(TransitionRefusee) as refus:
        convention_transition(convention=convention, action="valider", auteur=admin)
    assert [k.code for k in refus.value.constats] == ["CONVENTION_INCOMPLETE"]
    assert "13°" in refus.value.constats[0].message


def test_no_email_leaves_when_the_transition_is_rolled_back(
    admin: Utilisateur, django_capture_on_commit_callbacks: Any
) -> None:
    convention = a_valider(admin, contenus={})
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionRefusee):
        convention_transition(convention=convention, action="valider", auteur=admin)
    assert mail.outbox == []


def test_the_first_and_last_day_follow_the_periods(admin: Utilisateur) -> None:
    """The list sorts on them: they must change with every edit of the periods."""
    from conventions.services import PeriodeSaisie, convention_modifier

    convention = fabriques.convention(
        periodes=[(date(2026, 5, 4), date(2026, 5, 29)), (date(2026, 1, 5), date(2026, 1, 30))]
    )
    assert (convention.debut, convention.fin) == (date(2026, 1, 5), date(2026, 5, 29))
    convention_modifier(
        convention=convention,
        auteur=admin,
        periodes=[PeriodeSaisie(date(2026, 3, 2), date(2026, 3, 27))],
    )
    convention.refresh_from_db()
    assert (convention.debut, convention.fin) == (date(2026, 3, 2), date(2026, 3, 27))


def test_a_convention_is_not_held_back_by_another_school_years_programme(
    admin: Utilisateur,
) -> None:
    """Year 1 (2025-2026) ended with 20 days out of 40: a fact of that year, acknowledged
    when it was validated. The year-2 convention's check speaks of its own year only."""
    etudiant = fabriques.etudiant()
    premiere = a_valider(admin, etudiant_=etudiant)  # March 2026, 20 days
    convention_acquitter(convention=premiere, codes=["PROGRAMME_INSUFFISANT"], auteur=admin)
    convention_transition(convention=premiere, action="valider", auteur=admin)

    seconde = fabriques.convention(
        auteur=admin,
        etudiant_=etudiant,
        periodes=[(date(2026, 11, 16), date(2026, 12, 11))],  # 20 days of 2026-2027
    )
    annees = {
        k.chiffres.get("annee_scolaire")
        for k in evaluer_convention(seconde).constats
        if k.code == "PROGRAMME_INSUFFISANT"
    }
    assert annees == {2026}
