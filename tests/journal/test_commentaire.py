"""The staff's page of a student's log: every member of staff reads it with its coverage;
the student's référent (and the administrators) comment an entry, which the student reads;
a teacher who does not follow the student gets a 403."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from comptes.models import Utilisateur
from conventions.models import EvenementConvention
from core.audit import Action
from tests.conventions.ecrans import referent
from tests.journal import outils

pytestmark = pytest.mark.django_db


def test_the_referent_comments_and_the_student_reads_it(
    clients: dict[str, Client], enseignant: Utilisateur, etudiant: Utilisateur
) -> None:
    eleve = outils.etudiant_de(etudiant, referent=referent(enseignant))
    entree = outils.entree(outils.stage(etudiant=eleve), competences=("B1.2",))
    page = clients["enseignant"].get(reverse("journal:etudiant", args=[eleve.pk]))
    assert page.status_code == 200
    texte = page.content.decode()
    assert "Relance des devis en attente" in texte and "Enregistrer le commentaire" in texte
    assert "Aucune activité pour B1.3" in texte

    reponse = clients["enseignant"].post(
        reverse("journal:commenter", args=[entree.pk]),
        {f"e{entree.pk}-commentaire": "Précisez le nombre de devis signés."},
    )
    assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.commentaire_referent == "Précisez le nombre de devis signés."
    assert entree.commente_par == enseignant
    assert EvenementConvention.objects.filter(action=Action.JOURNAL_COMMENTE).count() == 1
    page = clients["etudiant"].get(reverse("journal:liste")).content.decode()
    assert "Précisez le nombre de devis signés." in page


def test_a_teacher_who_does_not_follow_the_student_reads_but_does_not_comment(
    clients: dict[str, Client],
) -> None:
    entree = outils.entree(outils.stage())
    eleve = entree.convention.etudiant
    page = clients["enseignant"].get(reverse("journal:etudiant", args=[eleve.pk]))
    assert page.status_code == 200
    assert "Enregistrer le commentaire" not in page.content.decode()
    url = reverse("journal:commenter", args=[entree.pk])
    assert clients["enseignant"].post(url, {f"e{entree.pk}-commentaire": "Non"}).status_code == 403
    assert clients["etudiant"].post(url, {f"e{entree.pk}-commentaire": "Non"}).status_code == 403
    reponse = clients["administrateur"].post(url, {f"e{entree.pk}-commentaire": "x" * 2001})
    assert reponse.status_code == 302
    entree.refresh_from_db()
    assert entree.commentaire_referent == ""
    clients["administrateur"].post(url, {f"e{entree.pk}-commentaire": "Bien."})
    entree.refresh_from_db()
    assert entree.commentaire_referent == "Bien."
