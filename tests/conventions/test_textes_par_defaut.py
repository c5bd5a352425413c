"""Default clause texts: the section's, a cohort's over them, applied to a new convention by
the services and shown in the staff form; the page that edits them."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from conventions.forms import ConventionForm
from conventions.models import Convention, TexteParDefaut
from conventions.moteur import evaluer_convention
from conventions.services import clauses_par_defaut, textes_par_defaut_enregistrer
from regles.cadre import cadre_au
from regles.contenus import CLAUSES_TEXTE
from tests import fabriques
from tests.conventions.ecrans import formulaire

pytestmark = pytest.mark.django_db
URL = reverse("conventions:clauses")

SECTION = {code: f"Texte de la section pour {code}." for code in CLAUSES_TEXTE}


def test_a_new_convention_starts_with_the_section_texts_and_is_not_incomplete() -> None:
    textes_par_defaut_enregistrer(promotion=None, textes=SECTION, auteur=None)
    convention = fabriques.convention(contenus={})
    assert convention.contenus == SECTION
    codes = {k.code for k in evaluer_convention(convention).bloquants}
    assert "CONVENTION_INCOMPLETE" not in codes


def test_without_default_texts_a_new_convention_is_incomplete() -> None:
    convention = fabriques.convention(contenus={})
    assert "CONVENTION_INCOMPLETE" in {k.code for k in evaluer_convention(convention).bloquants}


def test_a_cohort_overrides_the_section_for_its_students_only() -> None:
    textes_par_defaut_enregistrer(promotion=None, textes=SECTION, auteur=None)
    premiere = fabriques.promotion(libelle="NDRC 2026-2028", annee_debut=2026, periodes=False)
    textes_par_defaut_enregistrer(
        promotion=premiere, textes={"suivi": "Visite en première année."}, auteur=None
    )
    assert clauses_par_defaut(premiere)["suivi"] == "Visite en première année."
    assert clauses_par_defaut(premiere)["avantages"] == SECTION["avantages"]
    assert clauses_par_defaut(None)["suivi"] == SECTION["suivi"]

    de_la_cohorte = fabriques.convention(
        etudiant_=fabriques.etudiant(promotion=premiere, nom="Cohorte"), contenus={}
    )
    autre = fabriques.convention(etudiant_=fabriques.etudiant(nom="Autre"), contenus={})
    assert de_la_cohorte.contenus["suivi"] == "Visite en première année."
    assert autre.contenus["suivi"] == SECTION["suivi"]
    # A text typed for the convention is kept; one left as the section's takes the cohort's.
    typee = fabriques.convention(
        etudiant_=fabriques.etudiant(promotion=premiere, nom="Typee"),
        contenus={"suivi": SECTION["suivi"], "avantages": "Aucun avantage."},
    )
    assert typee.contenus["suivi"] == "Visite en première année."
    assert typee.contenus["avantages"] == "Aucun avantage."

    # A blank cohort text removes the override: the section's applies again.
    textes_par_defaut_enregistrer(promotion=premiere, textes={"suivi": "  "}, auteur=None)
    assert clauses_par_defaut(premiere)["suivi"] == SECTION["suivi"]


def test_the_staff_form_of_a_new_convention_is_prefilled_and_saves_the_cohort_texts(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    textes_par_defaut_enregistrer(promotion=None, textes=SECTION, auteur=None)
    client = clients["administrateur"]
    page = client.get(reverse("conventions:creer")).content.decode()
    assert SECTION["reglement_interieur"] in page

    eleve = fabriques.etudiant(nom="Prefill")
    textes_par_defaut_enregistrer(
        promotion=eleve.promotion, textes={"avantages": "Tickets restaurant."}, auteur=None
    )
    page = client.get(reverse("conventions:creer"), {"etudiant": eleve.pk}).content.decode()
    assert "Tickets restaurant." in page

    org = fabriques.organisme()
    donnees = formulaire(etudiant=eleve, organisme=org, tuteur=fabriques.tuteur(organisme=org))
    for code in CLAUSES_TEXTE:
        donnees[f"clause_{code}"] = ""  # all left blank: the cohort's texts fill them
    reponse = client.post(reverse("conventions:creer"), donnees)
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    convention = Convention.objects.get(etudiant=eleve)
    assert convention.contenus["avantages"] == "Tickets restaurant."
    assert convention.contenus["suivi"] == SECTION["suivi"]


def test_the_leave_clause_help_quotes_the_engine_threshold() -> None:
    le = date(2026, 3, 2)
    cadre = cadre_au(le)
    aide = str(ConventionForm(le=le).fields["clause_conges"].help_text)
    assert f"{cadre.seuil_minutes // 60} heures" in aide
    assert "deux mois" not in aide


def test_the_page_saves_section_and_cohort_texts(
    administrateur: Utilisateur, clients: dict[str, Client]
) -> None:
    client = clients["administrateur"]
    assert "Textes par défaut des clauses" in client.get(URL).content.decode()
    donnees = {code: "" for code in CLAUSES_TEXTE} | {"suivi": "Suivi de la section."}
    assert client.post(URL, donnees).status_code == 302
    assert clauses_par_defaut(None) == {"suivi": "Suivi de la section."}
    assert TexteParDefaut.objects.get(code="suivi").modifie_par == administrateur

    promo = fabriques.promotion(libelle="NDRC page", periodes=False)
    page = client.get(URL, {"promotion": promo.pk}).content.decode()
    assert "Vide : le texte de la section" in page
    reponse = client.post(f"{URL}?promotion={promo.pk}", {"suivi": "Suivi de la promotion."})
    assert reponse.status_code == 302 and reponse["Location"].endswith(f"?promotion={promo.pk}")
    assert clauses_par_defaut(promo)["suivi"] == "Suivi de la promotion."
    assert clauses_par_defaut(None)["suivi"] == "Suivi de la section."


def test_the_menu_leads_administrators_to_the_texts_and_templates(
    clients: dict[str, Client],
) -> None:
    page = clients["administrateur"].get(reverse("conventions:liste")).content.decode()
    assert f'href="{URL}"' in page and "Textes par défaut des clauses" in page
    assert f'href="{reverse("documents:modeles")}"' in page and "Modèles de documents" in page
    page = clients["enseignant"].get(reverse("conventions:liste")).content.decode()
    assert "Textes par défaut des clauses" not in page
    assert clients["enseignant"].get(URL).status_code == 403


FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXTE = st.text(max_size=6000)


@FUZZ
@given(
    textes=st.dictionaries(st.sampled_from([*CLAUSES_TEXTE, "inconnue", "x" * 60]), TEXTE),
    promotion=st.one_of(st.just(""), st.text(max_size=12), st.integers(-5, 10**12).map(str)),
)
def test_the_texts_page_never_fails_whatever_is_posted(
    clients: dict[str, Client], textes: dict[str, str], promotion: str
) -> None:
    reponse = clients["administrateur"].post(f"{URL}?promotion={promotion}", textes)
    assert reponse.status_code in (200, 302)
    if reponse.status_code == 200:
        assert "Textes par défaut des clauses" in reponse.content.decode()
