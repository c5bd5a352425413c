"""The journey of issue 12's fiches, in Chromium: a student drafts an E4 fiche from their
stage (the host and the logged activity come pre-filled), attaches the offer's annex and
sends it; their référent sends it back « à corriger » with a comment on one field; the
student reads the comment beside that field, fixes it (a new version) and sends it again;
the référent finds it « conforme ». The candidate's dossier, which lacked only that fiche,
turns « Prêt » in the section's readiness view, and the staff's pack of the candidate
(built by the queue's worker) downloads as a PDF. Every page passes axe-core and has no
horizontal scroll at 390 px."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from comptes.models import Role
from comptes.services import utilisateur_creer
from conventions.models import Pointage, Statut
from examens.modeles import modele
from examens.models import EtatPack, Fiche, Pack, StatutFiche, TypeFiche
from tests.espaces import outils as espaces
from tests.examens import dossiers
from tests.examens import fabriques_examens as fx
from tests.examens import outils_fiches as outils
from tests.examens.test_pack_taches import travailleur
from tests.journal import outils as journal
from tests.navigateur.test_parcours_journal import _main, _verifier

pytestmark = [
    pytest.mark.navigateur,
    pytest.mark.django_db(transaction=True),
]

MOT_DE_PASSE = "mot-de-passe-demo"


def _connecter(navigateur: Any, url: str, email: str) -> None:
    navigateur.delete_all_cookies()
    navigateur.get(f"{url}/connexion/")
    navigateur.find_element(By.NAME, "username").send_keys(email)
    navigateur.find_element(By.NAME, "password").send_keys(MOT_DE_PASSE)
    navigateur.find_element(By.CSS_SELECTOR, "form [type=submit]").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/connexion/" not in n.current_url)


def _page(navigateur: Any) -> str:
    """The whole page's text (the messages sit above <main>); "" while the next page loads:
    the body found may belong to the page being left, which Chromium then reports as a stale
    element or as an inspector error ("Node … does not belong to the document")."""
    try:
        return str(navigateur.find_element(By.TAG_NAME, "body").text)
    except WebDriverException:
        return ""


def _bouton(navigateur: Any, texte: str) -> None:
    navigateur.find_element(By.XPATH, f'//button[normalize-space()="{texte}"]').click()


def _relire(navigateur: Any, url: str, fiche: Fiche, a_corriger: dict[str, str]) -> None:
    navigateur.get(f"{url}/fiches/")
    navigateur.find_element(By.PARTIAL_LINK_TEXT, fiche.titre).click()
    WebDriverWait(navigateur, 10).until(lambda n: f"/fiches/{fiche.pk}/" in n.current_url)
    _verifier(navigateur)
    navigateur.find_element(By.LINK_TEXT, "Relire la fiche").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/relire/" in n.current_url)
    _verifier(navigateur)
    for cle, commentaire in a_corriger.items():
        navigateur.execute_script(
            "document.querySelector(`[name='${arguments[0]}__avis'][value=a_corriger]`).click();"
            "document.querySelector(`[name='${arguments[0]}__commentaire']`).value = arguments[1];",
            cle,
            commentaire,
        )
    _bouton(navigateur, "Enregistrer la relecture")
    WebDriverWait(navigateur, 10).until(lambda n: "/relire/" not in n.current_url)


def test_a_student_drafts_a_fiche_the_referent_reviews_it_twice(
    live_server: Any, navigateur: Any, settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    url = live_server.url
    compte = utilisateur_creer(
        email="camille@lycee-eiffel.test",
        role=Role.ETUDIANT,
        prenom="Camille",
        nom="Lalanne",
        mot_de_passe=MOT_DE_PASSE,
    )
    referent = utilisateur_creer(
        email="marc@lycee-eiffel.test",
        role=Role.ENSEIGNANT,
        prenom="Marc",
        nom="Dubourg",
        mot_de_passe=MOT_DE_PASSE,
    )
    utilisateur_creer(
        email="helene@lycee-eiffel.test",
        role=Role.ADMINISTRATEUR,
        prenom="Hélène",
        nom="Castaing",
        mot_de_passe=MOT_DE_PASSE,
    )
    promo = dossiers.promotion()
    session = fx.session(promo, annee=2027, limite=journal.aujourdhui() + timedelta(days=120))
    eleve = outils.eleve(
        utilisateur=compte, referent=referent, nom="Lalanne", prenom="Camille", promotion=promo
    )
    # The rest of the dossier is there: 40 days attested in each year of study, the other
    # four fiches « conforme ». Only the fiche of this journey is missing.
    premier = dossiers.stage(eleve, date(2026, 1, 5), date(2026, 2, 27), attestation=None)
    fx.attestation(premier, signee=True)
    org, _, tuteur = espaces.hote("Cave des Chartrons")
    stage = journal.stage(
        etudiant=eleve,
        organisme=org,
        tuteur=tuteur,
        debut=date(2026, 9, 7),
        fin=date(2026, 10, 30),
        statut=Statut.TERMINEE,
    )
    Pointage.objects.bulk_create(
        Pointage(convention=stage, jour=date(2026, 9, 7) + timedelta(days=n), minutes_presence=420)
        for n in range(54)
        if (date(2026, 9, 7) + timedelta(days=n)).weekday() < 5
    )
    fx.attestation(stage, signee=True)
    journal.entree(
        stage,
        jour=date(2026, 10, 1),
        texte="Négociation d'un contrat avec un restaurateur.",
        competences=("B1.2",),
    )
    fx.fiche(eleve, TypeFiche.E4_EVENEMENT, 1, titre="Salon des vins", annexe=fx.pdf_texte("OFFRE"))
    for numero, type_ in enumerate(
        (TypeFiche.E6_DISTRIBUTEURS, TypeFiche.E6_PARTENAIRES, TypeFiche.E6_VENTE_DIRECTE), 1
    ):
        fx.fiche(eleve, type_, numero, titre=f"Réseau {numero}", activite_reelle=numero == 1)
    Fiche.objects.filter(etudiant=eleve).update(statut=StatutFiche.CONFORME)

    # The student drafts the fiche from their stage.
    _connecter(navigateur, url, "camille@lycee-eiffel.test")
    WebDriverWait(navigateur, 10).until(lambda n: "/mon-stage/" in n.current_url)
    navigateur.find_element(By.LINK_TEXT, "Mes fiches d'examen").click()
    WebDriverWait(navigateur, 10).until(lambda n: n.current_url.endswith("/mon-stage/fiches/"))
    _verifier(navigateur)
    navigateur.find_element(By.LINK_TEXT, "Nouvelle fiche").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/nouvelle/" in n.current_url)
    _verifier(navigateur)
    Select(navigateur.find_element(By.NAME, "type_fiche")).select_by_value("E4_NEGO")
    navigateur.find_element(By.NAME, "titre").send_keys("Vente de caves connectées")
    Select(navigateur.find_element(By.NAME, "convention")).select_by_value(str(stage.pk))
    _bouton(navigateur, "Créer la fiche")
    WebDriverWait(navigateur, 10).until(lambda n: "/nouvelle/" not in n.current_url)
    fiche = Fiche.objects.get(type=TypeFiche.E4_NEGO)
    assert (
        navigateur.find_element(By.NAME, "organisation").get_attribute("value")
        == "Cave des Chartrons"
    )
    assert "Négociation d'un contrat" in navigateur.find_element(By.NAME, "phases").get_attribute(
        "value"
    )
    assert "À compléter avant l'envoi" in _main(navigateur)
    _verifier(navigateur)
    # The student writes what the stage could not tell (typed here by script: 20 fields).
    requis = [c.cle for c in modele("E4_NEGO").champs if c.obligatoire]
    navigateur.execute_script(
        "for (const cle of arguments[0]) { const c = document.querySelector(`[name='${cle}']`);"
        " if (!c.value) c.value = 'Rédigé : ' + cle; }",
        requis,
    )
    _bouton(navigateur, "Enregistrer")
    WebDriverWait(navigateur, 10).until(lambda n: "Fiche enregistrée" in _page(n))
    annexe = tmp_path / "offre.pdf"
    annexe.write_bytes(outils.PDF)
    navigateur.find_element(By.NAME, "annexe").send_keys(str(annexe))
    _bouton(navigateur, "Enregistrer l'annexe")
    WebDriverWait(navigateur, 10).until(lambda n: "Annexe enregistrée" in _page(n))
    _bouton(navigateur, "Envoyer pour relecture")
    WebDriverWait(navigateur, 10).until(lambda n: "envoyée à votre référent" in _page(n).lower())
    _verifier(navigateur)

    # The référent sends it back: one field to fix.
    _connecter(navigateur, url, "marc@lycee-eiffel.test")
    _relire(navigateur, url, fiche, {"clientele": "Citez vos trois types de clients."})
    fiche.refresh_from_db()
    assert fiche.statut == StatutFiche.A_CORRIGER
    assert "À corriger" in _main(navigateur)

    # The student reads the comment beside the field, fixes it, sends it again.
    _connecter(navigateur, url, "camille@lycee-eiffel.test")
    navigateur.get(f"{url}/mon-stage/fiches/")
    assert "Citez vos trois types de clients." in _main(navigateur)
    navigateur.find_element(By.PARTIAL_LINK_TEXT, fiche.titre).click()
    WebDriverWait(navigateur, 10).until(lambda n: f"/fiches/{fiche.pk}/" in n.current_url)
    groupe = navigateur.find_element(By.NAME, "clientele").find_element(
        By.XPATH, "./ancestor::div[contains(@class, 'fr-fieldset__element')]"
    )
    assert "Citez vos trois types de clients." in groupe.text
    _verifier(navigateur)
    champ = navigateur.find_element(By.NAME, "clientele")
    champ.clear()
    champ.send_keys("Restaurateurs, cavistes, particuliers amateurs.")
    _bouton(navigateur, "Enregistrer")
    WebDriverWait(navigateur, 10).until(lambda n: "Fiche enregistrée" in _page(n))
    _bouton(navigateur, "Envoyer pour relecture")
    WebDriverWait(navigateur, 10).until(lambda n: "envoyée à votre référent" in _page(n).lower())
    assert fiche.versions.count() == 2

    # The référent finds it conforme; the student sees it, with its two versions.
    _connecter(navigateur, url, "marc@lycee-eiffel.test")
    _relire(navigateur, url, fiche, {})
    fiche.refresh_from_db()
    assert fiche.statut == StatutFiche.CONFORME
    _connecter(navigateur, url, "camille@lycee-eiffel.test")
    navigateur.get(f"{url}/mon-stage/fiches/{fiche.pk}/")
    assert "jugée conforme" in _main(navigateur)
    assert not navigateur.find_elements(By.NAME, "clientele")
    navigateur.find_element(By.LINK_TEXT, "Toutes les versions de la fiche").click()
    WebDriverWait(navigateur, 10).until(lambda n: "/versions/" in n.current_url)
    texte = _main(navigateur)
    assert "Version 2" in texte and "Version 1" in texte
    _verifier(navigateur)

    # The section sees the dossier ready, and gathers the candidate's pack.
    _connecter(navigateur, url, "helene@lycee-eiffel.test")
    navigateur.get(f"{url}/examens/preparation/promotion/{promo.pk}/")
    ligne = navigateur.find_element(By.XPATH, "//tr[contains(., 'Lalanne')]")
    assert "prêt à être déposé" in ligne.text and "non conforme" not in ligne.text.lower()
    _verifier(navigateur)
    navigateur.get(f"{url}/examens/sessions/{session.pk}/packs/")
    _verifier(navigateur)
    navigateur.find_element(By.XPATH, "//button[contains(., 'Générer son pack')]").click()
    WebDriverWait(navigateur, 10).until(lambda n: Pack.objects.filter(etudiant=eleve).exists())
    # The page polls while the worker runs: leave it (one request at a time on the test
    # database), let the worker take the task, then come back.
    navigateur.get("about:blank")
    travailleur()
    pack = Pack.objects.get(etudiant=eleve)
    assert pack.etat == EtatPack.TERMINE, pack.erreur
    navigateur.get(f"{url}/examens/sessions/{session.pk}/packs/")
    lien = navigateur.find_element(By.PARTIAL_LINK_TEXT, "Télécharger le dossier (PDF)")
    reponse = navigateur.execute_async_script(
        "const fin = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => fin([r.status,"
        " r.headers.get('content-type'), new TextDecoder().decode(b.slice(0, 5))])));",
        lien.get_attribute("href"),
    )
    assert reponse == [200, "application/pdf", "%PDF-"]
