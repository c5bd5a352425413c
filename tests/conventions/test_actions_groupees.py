"""The list's number, référent and blocking marker, and its bulk actions: each convention
goes through the workflow and the engine, a refusal is reported with its reason."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from conventions.models import Convention, EvenementConvention, Statut
from conventions.moteur import evaluer_convention
from conventions.services import convention_acquitter, convention_transition
from tests import fabriques
from tests.conventions.ecrans import etudiant_suivi_par

pytestmark = pytest.mark.django_db
LISTE = reverse("conventions:liste")
GROUPEES = reverse("conventions:groupees")


def _a_valider(convention: Convention, auteur: Utilisateur) -> Convention:
    convention = convention_transition(convention=convention, action="soumettre", auteur=auteur)
    codes = [k.code for k in evaluer_convention(convention).avertissements]
    if codes:
        convention_acquitter(convention=convention, codes=codes, auteur=auteur)
    return convention


def test_the_list_shows_number_referent_and_a_marker_for_blocking_findings(
    clients: dict[str, Client],
) -> None:
    referent = fabriques.enseignant(nom="Garnier", prenom="Paul")
    propre = fabriques.convention(etudiant_=fabriques.etudiant(nom="Propre"), referent=referent)
    bloquee = fabriques.convention(etudiant_=fabriques.etudiant(nom="Bloquee"), tuteur_=False)
    page = clients["administrateur"].get(LISTE).content.decode()
    assert f"n°&nbsp;{propre.pk}" in page and f"n°&nbsp;{bloquee.pk}" in page
    assert str(referent) in page
    lignes = page.split("<tr>")
    (ligne_bloquee,) = [x for x in lignes if "Lucas Bloquee" in x]
    assert "constats bloquants" in ligne_bloquee and "Aucun tuteur désigné" in ligne_bloquee
    (ligne_propre,) = [x for x in lignes if "Lucas Propre" in x]
    assert "bloquant" not in ligne_propre
    assert "Exporter en CSV" in page and "Exporter en Excel (XLSX)" in page


def test_the_marker_of_a_draft_agrees_with_its_own_page_beside_other_drafts(
    clients: dict[str, Client],
) -> None:
    """Four drafts at a small host in the same weeks: none is in force, so none counts in
    another's quota (the convention's page says the same)."""
    org = fabriques.organisme()
    brouillons = [
        fabriques.convention(etudiant_=fabriques.etudiant(nom=f"Quota{i}"), organisme_=org)
        for i in range(4)
    ]
    assert all(not evaluer_convention(c).bloquants for c in brouillons)
    page = clients["administrateur"].get(LISTE).content.decode()
    lignes = [x for x in page.split("<tr>") if "Lucas Quota" in x]
    assert len(lignes) == 4 and not any("bloquant" in x for x in lignes)


def test_bulk_validation_validates_the_lawful_and_reports_each_refusal(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    bonne = _a_valider(
        fabriques.convention(etudiant_=fabriques.etudiant(nom="Bonne")), administrateur
    )
    bloquee = convention_transition(
        convention=fabriques.convention(etudiant_=fabriques.etudiant(nom="Bloquee"), tuteur_=False),
        action="soumettre",
        auteur=administrateur,
    )
    brouillon = fabriques.convention(etudiant_=fabriques.etudiant(nom="Brouillon"))
    reponse = clients["administrateur"].post(
        GROUPEES,
        {
            "action": "valider",
            "conventions": [bonne.pk, bloquee.pk, brouillon.pk, 999999, "x"],
            "retour": f"{LISTE}?statut=a_valider",
        },
    )
    assert reponse.status_code == 302 and reponse["Location"] == f"{LISTE}?statut=a_valider"
    textes = [str(m) for m in get_messages(reponse.wsgi_request)]
    for c in (bonne, bloquee, brouillon):
        c.refresh_from_db()
    assert bonne.statut == Statut.VALIDEE
    assert bloquee.statut == Statut.A_VALIDER and brouillon.statut == Statut.BROUILLON
    assert any(f"n° {bonne.pk}" in t and "1 convention traitée" in t for t in textes)
    refus_bloquee = next(t for t in textes if f"Convention n° {bloquee.pk}" in t)
    assert "ne respecte pas le droit des stages" in refus_bloquee
    refus_brouillon = next(t for t in textes if f"Convention n° {brouillon.pk}" in t)
    assert "brouillon" in refus_brouillon.lower() and "Impossible" in refus_brouillon
    assert any("n'existe plus" in t for t in textes)
    # Audited: one row for the one that moved, none for the refused.
    assert EvenementConvention.objects.filter(convention=bonne, action="valider").count() == 1
    assert not EvenementConvention.objects.filter(
        convention__in=[bloquee, brouillon], action="valider"
    ).exists()


def test_a_teacher_submits_their_students_and_is_told_about_the_others(
    enseignant: Utilisateur, clients: dict[str, Client]
) -> None:
    sienne = fabriques.convention(etudiant_=etudiant_suivi_par(enseignant, nom="Suivi"))
    autre = fabriques.convention(etudiant_=fabriques.etudiant(nom="Autre"))
    page = clients["enseignant"].get(LISTE).content.decode()
    assert f'value="{sienne.pk}" form="actions-groupees"' in page
    assert f'value="{autre.pk}" form="actions-groupees"' not in page
    assert '<option value="valider">' not in page  # validation: administrators only
    reponse = clients["enseignant"].post(
        GROUPEES, {"action": "soumettre", "conventions": [sienne.pk, autre.pk]}
    )
    textes = [str(m) for m in get_messages(reponse.wsgi_request)]
    sienne.refresh_from_db()
    autre.refresh_from_db()
    assert sienne.statut == Statut.A_VALIDER and autre.statut == Statut.BROUILLON
    assert any(f"Convention n° {autre.pk}" in t and "enseignant référent" in t for t in textes)
    # Validation by a teacher: refused for each, by the workflow's rule.
    reponse = clients["enseignant"].post(
        GROUPEES, {"action": "valider", "conventions": [sienne.pk]}
    )
    textes = [str(m) for m in get_messages(reponse.wsgi_request)]
    assert any("Seul un administrateur" in t for t in textes)
    sienne.refresh_from_db()
    assert sienne.statut == Statut.A_VALIDER


def test_a_bulk_post_without_action_or_selection_says_so(clients: dict[str, Client]) -> None:
    reponse = clients["administrateur"].post(GROUPEES, {"retour": "https://ailleurs.example/"})
    assert reponse["Location"] == LISTE
    assert "Choisissez l'action" in str(list(get_messages(reponse.wsgi_request))[0])
    reponse = clients["administrateur"].post(GROUPEES, {"action": "soumettre"})
    assert "Cochez au moins une convention" in str(list(get_messages(reponse.wsgi_request))[-1])


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(
    action=st.one_of(
        st.sampled_from(["soumettre", "valider", "envoyer_signature", "annuler"]),
        st.text(max_size=30),
    ),
    ids=st.lists(
        st.one_of(st.integers(-(10**20), 10**20).map(str), st.text(max_size=15)), max_size=8
    ),
    retour=st.text(max_size=60),
)
def test_the_bulk_post_never_fails_whatever_is_posted(
    clients: dict[str, Client], action: str, ids: list[str], retour: str
) -> None:
    reponse = clients["administrateur"].post(
        GROUPEES, {"action": action, "conventions": ids, "retour": retour}
    )
    assert reponse.status_code == 302
    assert reponse["Location"].startswith(LISTE)
