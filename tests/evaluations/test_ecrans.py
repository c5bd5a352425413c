"""The forms reached by each party: the tutor from the link (another host's evaluation not
found, an expired link 410), the student from « Mon stage » (another student's not found),
the staff typing a paper form; the blank PDF; the host's record; the editor."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from comptes.models import Utilisateur
from espaces.models import LienEspace
from evaluations import selectors, services
from evaluations.models import Evaluation, Source
from evaluations.reponses import nom_du_champ
from tests.evaluations import outils

pytestmark = pytest.mark.django_db


def test_le_tuteur_remplit_depuis_son_lien() -> None:
    c = outils.stage_termine()
    ev = outils.evaluation(c)
    jeton = outils.jeton_tuteur(c)
    client = Client()
    page = client.get(reverse("espaces:espace", args=[jeton]))
    assert "Évaluations à remplir" in page.content.decode()
    url = reverse("espaces:evaluation", args=[jeton, ev.pk])
    assert client.get(url).status_code == 200
    incomplet = {nom_du_champ(ev.questionnaire.questions.get(code="points-forts")): "Rigueur"}
    refus = client.post(url, incomplet)
    assert refus.status_code == 400
    assert "Répondez à cette question." in refus.content.decode()
    assert "Rigueur" in refus.content.decode()  # nothing lost
    assert client.post(url, outils.reponses_valides(ev)).status_code == 302
    ev.refresh_from_db()
    assert ev.remplie and ev.source == Source.LIEN and ev.remplie_par == str(c.tuteur)


def test_le_lien_d_un_autre_organisme_ne_trouve_pas_l_evaluation() -> None:
    ev = outils.evaluation(outils.stage_termine())
    jeton = outils.jeton_tuteur(outils.stage_termine("Garonne Services"))
    client = Client()
    assert client.get(reverse("espaces:evaluation", args=[jeton, ev.pk])).status_code == 404
    assert client.post(reverse("espaces:evaluation", args=[jeton, ev.pk]), {}).status_code == 404
    vierge = reverse("espaces:evaluation_vierge", args=[jeton, ev.pk])
    assert client.get(vierge).status_code == 404


def test_un_lien_expire_repond_410() -> None:
    c = outils.stage_termine()
    ev = outils.evaluation(c)
    jeton = outils.jeton_tuteur(c)
    LienEspace.objects.update(expire_le=timezone.now() - timedelta(minutes=1))
    assert Client().get(reverse("espaces:evaluation", args=[jeton, ev.pk])).status_code == 410


def test_l_etudiant_remplit_depuis_mon_stage(etudiant: Utilisateur) -> None:
    c = outils.stage_termine()
    c.etudiant.utilisateur = etudiant
    c.etudiant.save()
    ev = outils.evaluation(c, "etudiant")
    autre = outils.evaluation(outils.stage_termine("Garonne Services"), "etudiant")
    client = Client()
    client.force_login(etudiant)
    assert "Évaluer ce stage" in client.get(reverse("etablissement:mon_stage")).content.decode()
    url = reverse("evaluations:etudiant_remplir", args=[ev.pk])
    assert client.post(url, outils.reponses_valides(ev)).status_code == 302
    ev.refresh_from_db()
    assert ev.remplie
    assert client.get(reverse("evaluations:etudiant_remplir", args=[autre.pk])).status_code == 404


def test_le_pdf_du_tuteur_seulement_si_la_section_le_permet(etudiant: Utilisateur) -> None:
    c = outils.stage_termine()
    c.etudiant.utilisateur = etudiant
    c.etudiant.save()
    ev = outils.evaluation(c)
    Client().post(
        reverse("espaces:evaluation", args=[outils.jeton_tuteur(c), ev.pk]),
        outils.reponses_valides(ev),
    )
    client = Client()
    client.force_login(etudiant)
    url = reverse("evaluations:etudiant_tuteur_pdf", args=[ev.pk])
    assert client.get(url).status_code == 404  # default: off
    services.reglages_modifier(pdf_tuteur_pour_etudiant=True, le=timezone.now())
    assert (
        "évaluation de votre tuteur"
        in client.get(reverse("etablissement:mon_stage")).content.decode()
    )
    reponse = client.get(url)
    assert reponse.status_code == 200
    texte = PdfReader(io.BytesIO(reponse.content)).pages[0].extract_text()
    assert "Assiduité" in texte and "Très insuffisant" in texte


def test_le_personnel_saisit_un_formulaire_papier(administrateur: Utilisateur) -> None:
    c = outils.stage_termine()
    client = Client()
    client.force_login(administrateur)
    p = c.periodes.get()
    url = reverse("evaluations:saisir", args=[c.pk, p.pk, "tuteur"])
    assert "formulaire papier" in client.get(url).content.decode()
    publiee = selectors.version_publiee("tuteur")
    assert publiee is not None
    donnees = outils.reponses_valides(Evaluation(questionnaire=publiee))
    assert client.post(url, donnees).status_code == 302
    ev = Evaluation.objects.get(periode=p, type="tuteur")
    assert ev.source == Source.PAPIER and ev.saisie_par == administrateur and ev.remplie_le
    detail = client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert "formulaire papier saisi par" in detail


def test_le_formulaire_vierge_se_lit_dans_le_pdf(administrateur: Utilisateur) -> None:
    publiee = selectors.version_publiee("tuteur")
    assert publiee is not None
    client = Client()
    client.force_login(administrateur)
    reponse = client.get(reverse("evaluations:vierge", args=[publiee.pk]))
    assert reponse["Content-Type"] == "application/pdf"
    texte = "".join(p.extract_text() for p in PdfReader(io.BytesIO(reponse.content)).pages)
    assert "Évaluation du stagiaire par le tuteur" in texte
    assert "B1.1 Cibler et prospecter la clientèle" in texte
    assert "Satisfaisant" in texte


def test_la_fiche_de_l_organisme_rassemble_les_avis(administrateur: Utilisateur) -> None:
    c = outils.stage_termine()
    org = c.etablissement_accueil.organisme
    for type_, code, valeur in (
        ("tuteur", "autre-stagiaire", "oui"),
        ("etudiant", "gratification", "oui"),
    ):
        ev = outils.evaluation(c, type_)
        reponses = {
            str(q.pk): (
                5
                if q.type_reponse == "echelle"
                else "Satisfaisante"
                if q.code == "appreciation"
                else "oui"
            )
            for q in ev.questionnaire.questions.filter(obligatoire=True)
        }
        reponses[str(ev.questionnaire.questions.get(code=code).pk)] = valeur
        services.evaluation_enregistrer(
            evaluation=ev, reponses=reponses, le=timezone.now(), par="x"
        )
    deuxieme = outils.stage_termine("Autre SARL")
    assert deuxieme.etablissement_accueil.organisme != org
    fiche = {r.libelle: r for r in selectors.fiche_organisme(org)}
    assert fiche["Accueilleriez-vous un autre stagiaire de la section ?"].decompte["Oui"] == 1
    assert fiche["Recommanderiez-vous cet organisme à un autre étudiant ?"].decompte["Oui"] == 1
    assert any("gratification" in libelle for libelle in fiche)
    assert selectors.fiche_organisme(deuxieme.etablissement_accueil.organisme) == []
    client = Client()
    client.force_login(administrateur)
    page = client.get(reverse("organismes:detail", args=[org.pk])).content.decode()
    assert "Avis des évaluations" in page and "Oui : 1" in page


def test_l_editeur_publie_une_nouvelle_version(administrateur: Utilisateur) -> None:
    client = Client()
    client.force_login(administrateur)
    assert client.get(reverse("evaluations:questionnaires")).status_code == 200
    client.post(reverse("evaluations:modifier", args=["etudiant"]))
    brouillon = selectors.brouillon("etudiant")
    assert brouillon is not None
    r = client.post(
        reverse("evaluations:ajouter", args=["etudiant"]),
        {
            "nouvelle-libelle": "Moyen de transport",
            "nouvelle-type_reponse": "choix_unique",
            "nouvelle-choix": "Voiture\nBus",
            "nouvelle-active": "on",
        },
    )
    assert r.status_code == 302
    q = brouillon.questions.get(libelle="Moyen de transport")
    assert q.choix == ["Voiture", "Bus"]
    client.post(reverse("evaluations:question", args=[q.pk]), {"action": "monter"})
    client.post(reverse("evaluations:publier", args=["etudiant"]))
    publiee = selectors.version_publiee("etudiant")
    assert publiee is not None and publiee.version == 2
    assert (
        "Moyen de transport"
        in client.get(reverse("evaluations:questionnaire", args=["etudiant"])).content.decode()
    )


def test_une_reponse_en_ligne_ne_se_ressaisit_pas(administrateur: Utilisateur) -> None:
    c = outils.stage_termine()
    ev = outils.evaluation(c)
    Client().post(
        reverse("espaces:evaluation", args=[outils.jeton_tuteur(c), ev.pk]),
        outils.reponses_valides(ev),
    )
    client = Client()
    client.force_login(administrateur)
    url = reverse("evaluations:saisir", args=[c.pk, c.periodes.get().pk, "tuteur"])
    assert client.post(url, outils.reponses_valides(ev)).status_code == 302
    ev.refresh_from_db()
    assert ev.source == Source.LIEN and ev.saisie_par is None
