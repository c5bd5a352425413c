"""« Demander une convention »: the student's request becomes a brouillon of that student with
their référent, marked as theirs, with the engine's findings before sending; the référent is
told by e-mail; a student reaches nobody else's data; bad input is a French message, never a
500; the directory down leaves the typing; at most three open requests."""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Role, Utilisateur
from comptes.services import utilisateur_creer
from conventions.demandes import DEMANDES_OUVERTES_MAX
from conventions.models import Convention, Statut
from conventions.moteur import evaluer_convention
from core.audit import Action
from etablissement.models import Etudiant
from organismes.models import EtablissementAccueil, OrganismeAccueil, Tuteur
from referentiel.models import Mission
from tests import fabriques
from tests.public.enregistrements import SIRET_TROUVE, en_panne, rejouer

DEMANDE = "/mon-stage/demande/"
VERIFIER = "/mon-stage/demande/verifier/"
SIRET_NOUVEAU = fabriques.siret_valide(fabriques.siren_valide(73282932))


@pytest.fixture(autouse=True)
def aujourdhui() -> Iterator[None]:
    """Before the cohort's first stage window (January 2026)."""
    with time_machine.travel(date(2025, 11, 3), tick=False):
        yield


def _eleve(email: str, nom: str, **champs: Any) -> Etudiant:
    compte = utilisateur_creer(
        email=email, role=Role.ETUDIANT, prenom="Camille", nom=nom, mot_de_passe=None
    )
    return fabriques.etudiant(nom=nom, prenom="Camille", utilisateur=compte, **champs)


def _client(eleve: Etudiant) -> Client:
    client = Client()
    assert isinstance(eleve.utilisateur, Utilisateur)
    client.force_login(eleve.utilisateur)
    return client


@pytest.fixture
def referent(db: None) -> Any:
    return fabriques.enseignant(nom="Dubourg", prenom="Marc", email="marc.dubourg@example.org")


@pytest.fixture
def camille(referent: Any) -> Etudiant:
    return _eleve("camille@example.org", "Lalanne", referent=referent)


def _donnees(eleve: Etudiant, **autres: Any) -> dict[str, Any]:
    periode = eleve.promotion.periodes.order_by("debut").first()
    assert periode is not None
    donnees: dict[str, Any] = {
        "siret": SIRET_NOUVEAU,
        "entreprise": "Gironde Conseil",
        "adresse": "3 cours de l'Intendance",
        "code_postal": "33000",
        "ville": "Bordeaux",
        "naf": "",
        "tuteur_prenom": "Sophie",
        "tuteur_nom": "Bernard",
        "tuteur_fonction": "Responsable commerciale",
        "tuteur_email": "sophie.bernard@example.org",
        "tuteur_telephone": "05 56 00 00 00",
        "periodes": [str(periode.pk)],
        "autre_debut": "",
        "autre_fin": "",
        "minutes_lundi": "7",
        "minutes_mardi": "7",
        "minutes_mercredi": "7",
        "minutes_jeudi": "7",
        "minutes_vendredi": "7",
        "minutes_samedi": "0",
        "minutes_dimanche": "0",
        "poste": "Chargée de clientèle",
        "missions": [str(Mission.objects.filter(actif=True).first().pk)],  # type: ignore[union-attr]
        "gratification_horaire": "",
        "message": "Bonjour, voici mon stage de janvier.",
    }
    donnees.update(autres)
    return donnees


def test_the_request_is_a_draft_of_that_student_with_their_referent(
    camille: Etudiant, referent: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(camille)
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post(DEMANDE, _donnees(camille))
    assert reponse.status_code == 302
    convention = Convention.objects.get(etudiant=camille)
    assert reponse["Location"] == f"/mon-stage/#convention-{convention.pk}"
    assert convention.statut == Statut.BROUILLON
    assert convention.referent == referent
    assert convention.etablissement_accueil.siret == SIRET_NOUVEAU
    assert convention.etablissement_accueil.organisme.raison_sociale == "Gironde Conseil"
    assert convention.tuteur is not None and convention.tuteur.email == "sophie.bernard@example.org"
    assert convention.periodes.count() == 1 and convention.missions.count() == 1
    evenement = convention.evenements.get(action=Action.DEMANDE_ETUDIANT)
    assert evenement.auteur == camille.utilisateur
    assert evenement.commentaire == "Bonjour, voici mon stage de janvier."
    # The référent is told, with the link to the convention and the student's message.
    assert [m.to for m in mail.outbox] == [["marc.dubourg@example.org"]]
    assert f"/conventions/{convention.pk}/" in mail.outbox[0].body
    assert "voici mon stage de janvier" in mail.outbox[0].body
    # « Mon stage » shows it, marked as theirs, with who must act next.
    page = client.get("/mon-stage/").content.decode()
    assert "Demandée par vous" in page and "Gironde Conseil" in page
    assert "La section : le référent complète la convention" in page


def test_a_known_site_and_tutor_are_reused_not_duplicated(camille: Etudiant) -> None:
    organisme = fabriques.organisme(raison_sociale="Aquitaine Distribution")
    site = organisme.etablissements.get()
    tuteur = fabriques.tuteur(organisme=organisme, email="sophie.bernard@example.org")
    donnees = _donnees(camille, siret=site.siret, entreprise="", ville="")
    assert _client(camille).post(DEMANDE, donnees).status_code == 302
    convention = Convention.objects.get(etudiant=camille)
    assert convention.etablissement_accueil == site and convention.tuteur == tuteur
    assert OrganismeAccueil.objects.count() == 1 and Tuteur.objects.count() == 1


def test_the_engine_speaks_before_sending_and_nothing_is_kept(
    camille: Etudiant, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(camille)
    # More than two months of presence without gratification: the law says so.
    panneau = client.post(
        VERIFIER,
        _donnees(camille, periodes=[], autre_debut="2026-01-05", autre_fin="2026-04-30"),
    ).content.decode()
    assert "Ce que dit le droit des stages" in panneau
    assert "Bloquant" in panneau and "gratification" in panneau.lower()
    # The D124-4 texts are the référent's: said apart, not listed as the student's to fix.
    assert "rédigées par votre enseignant référent" in panneau
    assert "Il manque à la convention" not in panneau
    # Without JavaScript, « Vérifier sans envoyer » gives the same panel in the page.
    with django_capture_on_commit_callbacks(execute=True) as rappels:
        page = client.post(DEMANDE, {**_donnees(camille), "verifier": "1"}).content.decode()
    assert rappels == []  # no e-mail waits for a commit either
    assert "de présence prévue" in page
    assert Convention.objects.count() == 0 and EtablissementAccueil.objects.count() == 0
    assert mail.outbox == []


def test_at_brouillon_the_tutor_cap_is_said_not_enforced(camille: Etudiant) -> None:
    """Three validated conventions of the tutor at once: a fourth request still arrives as a
    brouillon (the cap is enforced at validation, conventions.workflow)."""
    from tests.pilotage.outils import chef_de_travaux, valider

    organisme = fabriques.organisme()
    tuteur = fabriques.tuteur(organisme=organisme, email="sophie.bernard@example.org")
    for i in range(3):
        autre = fabriques.etudiant(nom=f"Autre{i}")
        valider(
            fabriques.convention(etudiant_=autre, organisme_=organisme, tuteur_=tuteur),
            chef_de_travaux(),
        )
    site = organisme.etablissements.get()
    debut = Convention.objects.filter(tuteur=tuteur).first().debut  # type: ignore[union-attr]
    donnees = _donnees(
        camille, siret=site.siret, periodes=[], autre_debut=str(debut), autre_fin=str(debut)
    )
    assert _client(camille).post(DEMANDE, donnees).status_code == 302
    convention = Convention.objects.get(etudiant=camille)
    assert convention.statut == Statut.BROUILLON
    # Checked all the same: the référent sees it on the convention's page.
    assert "TUTEUR_PLAFOND" in {k.code for k in evaluer_convention(convention).constats}


def test_errors_keep_what_was_typed(camille: Etudiant) -> None:
    donnees = _donnees(camille, siret="12345678901234", tuteur_email="pas-une-adresse")
    page = _client(camille).post(DEMANDE, donnees).content.decode()
    assert "La demande contient des erreurs" in page
    assert "clé de contrôle" in page and "adresse e-mail valide" in page
    assert "Gironde Conseil" in page and "Chargée de clientèle" in page
    assert Convention.objects.count() == 0


def test_no_period_and_new_host_without_name_are_french_errors(camille: Etudiant) -> None:
    donnees = _donnees(camille, periodes=[], entreprise="", ville="")
    page = _client(camille).post(DEMANDE, donnees).content.decode()
    assert "Choisissez au moins une période" in page
    assert "Indiquez la raison sociale" in page and "Indiquez la ville" in page


def test_no_more_than_the_open_requests_limit(camille: Etudiant) -> None:
    client = _client(camille)
    for _ in range(DEMANDES_OUVERTES_MAX):
        assert client.post(DEMANDE, _donnees(camille)).status_code == 302
    page = client.post(DEMANDE, _donnees(camille)).content.decode()
    assert f"Vous avez déjà {DEMANDES_OUVERTES_MAX} demandes" in page
    assert Convention.objects.filter(etudiant=camille).count() == DEMANDES_OUVERTES_MAX


def test_a_student_asks_only_for_themselves(camille: Etudiant) -> None:
    """Nothing in the form names a student: a forged `etudiant` field is ignored, and the
    request is the logged-in student's."""
    autre = _eleve("lea@example.org", "Roux")
    donnees = _donnees(camille, etudiant=str(autre.pk), etudiant_id=str(autre.pk))
    assert _client(camille).post(DEMANDE, donnees).status_code == 302
    assert not Convention.objects.filter(etudiant=autre).exists()
    assert Convention.objects.filter(etudiant=camille).count() == 1
    # And Léa's « Mon stage » shows none of it.
    assert "Gironde Conseil" not in _client(autre).get("/mon-stage/").content.decode()


def test_staff_cannot_ask_in_a_students_name(camille: Etudiant) -> None:
    enseignant = utilisateur_creer(
        email="prof@example.org", role=Role.ENSEIGNANT, prenom="P", nom="Prof"
    )
    client = Client()
    client.force_login(enseignant)
    assert client.post(DEMANDE, _donnees(camille)).status_code == 403
    assert Convention.objects.count() == 0


def test_directory_down_leaves_the_typing(
    camille: Etudiant, monkeypatch: pytest.MonkeyPatch
) -> None:
    en_panne(monkeypatch, TimeoutError("délai dépassé"))
    client = _client(camille)
    page = client.post(
        DEMANDE, {**_donnees(camille, entreprise="", ville=""), "rechercher": "1"}
    ).content.decode()
    assert "ne répond pas pour le moment" in html.unescape(page)
    assert "La demande contient des erreurs" not in page  # unbound: no error yet
    # Typed by hand, the request goes through.
    assert client.post(DEMANDE, _donnees(camille)).status_code == 302
    assert Convention.objects.filter(etudiant=camille).exists()


def test_the_directory_fills_the_host(camille: Etudiant, monkeypatch: pytest.MonkeyPatch) -> None:
    rejouer(monkeypatch, "trouvee.json")
    page = _client(camille).post(
        DEMANDE,
        {**_donnees(camille, siret=SIRET_TROUVE, entreprise="", ville=""), "rechercher": "1"},
    )
    texte = html.unescape(page.content.decode())
    assert "Entreprise trouvée dans l'annuaire" in texte
    assert "AQUITAINE DISTRIBUTION" in texte.upper()


def test_a_known_siret_is_found_without_the_directory(camille: Etudiant) -> None:
    site = fabriques.organisme(raison_sociale="Gironde Conseil").etablissements.get()
    page = _client(camille).post(DEMANDE, {"siret": site.siret, "rechercher": "1"})
    assert "déjà connu de la section : Gironde Conseil" in html.unescape(page.content.decode())


def test_a_student_without_record_is_sent_back(db: None) -> None:
    compte = utilisateur_creer(
        email="sans.fiche@example.org", role=Role.ETUDIANT, prenom="S", nom="F"
    )
    client = Client()
    client.force_login(compte)
    reponse = client.get(DEMANDE)
    assert reponse.status_code == 302 and reponse["Location"] == "/mon-stage/"


TEXTE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=300,
)
CHAMPS = (
    "siret",
    "entreprise",
    "adresse",
    "code_postal",
    "ville",
    "naf",
    "tuteur_prenom",
    "tuteur_nom",
    "tuteur_email",
    "tuteur_telephone",
    "autre_debut",
    "autre_fin",
    "minutes_lundi",
    "minutes_samedi",
    "poste",
    "gratification_horaire",
    "message",
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    remplacements=st.dictionaries(st.sampled_from(CHAMPS), TEXTE, max_size=6),
    periodes=st.lists(st.one_of(st.integers(-(2**70), 2**70).map(str), TEXTE), max_size=3),
    missions=st.lists(st.one_of(st.integers(-(2**70), 2**70).map(str), TEXTE), max_size=3),
    bouton=st.sampled_from(["", "verifier", "rechercher"]),
)
def test_fuzz_never_a_server_error(
    camille: Etudiant,
    remplacements: dict[str, str],
    periodes: list[str],
    missions: list[str],
    bouton: str,
) -> None:
    client = _client(camille)
    donnees = _donnees(camille, **remplacements)
    if periodes:
        donnees["periodes"] = periodes
    if missions:
        donnees["missions"] = missions
    if bouton:
        donnees[bouton] = "1"
    assert client.post(DEMANDE, donnees).status_code in (200, 302)
    assert client.post(VERIFIER, donnees).status_code == 200


def test_mon_stage_lists_the_sections_open_offers(camille: Etudiant) -> None:
    from public.models import PropositionStage, StatutProposition
    from public.services import proposition_changer_statut, proposition_creer

    chef = utilisateur_creer(
        email="chef@example.org", role=Role.ADMINISTRATEUR, prenom="C", nom="Chef"
    )
    for entreprise, accepter in (("Garonne Immobilier", True), ("Refusée SARL", False)):
        proposition_creer(
            entreprise=entreprise,
            ville="Talence",
            contact_nom="Julie Martin",
            contact_email="julie.martin@example.org",
        )
        if accepter:
            proposition_changer_statut(
                proposition=PropositionStage.objects.get(entreprise=entreprise),
                vers=StatutProposition.ACCEPTEE,
                par=chef,
            )
    page = _client(camille).get("/mon-stage/").content.decode()
    offres = page[page.index('id="offres"') :]
    assert "Garonne Immobilier, Talence" in offres
    assert "Refusée SARL" not in offres
    assert reverse("public:offres") in offres


def test_the_referent_sees_the_request_on_the_convention_page(camille: Etudiant) -> None:
    _client(camille).post(DEMANDE, _donnees(camille))
    convention = Convention.objects.get(etudiant=camille)
    chef = utilisateur_creer(
        email="chef@example.org", role=Role.ADMINISTRATEUR, prenom="C", nom="Chef"
    )
    client = Client()
    client.force_login(chef)
    page = html.unescape(
        client.get(reverse("conventions:detail", kwargs={"pk": convention.pk})).content.decode()
    )
    assert "Demandée par l'étudiant" in page
    assert "voici mon stage de janvier" in page


def test_with_the_sections_default_texts_the_preview_asks_no_clause(camille: Etudiant) -> None:
    """The request is judged with the texts it will be saved with (the section's defaults)."""
    from conventions.services import textes_par_defaut_enregistrer
    from regles.contenus import CLAUSES_TEXTE

    textes = {code: f"Texte de la section pour {code}." for code in CLAUSES_TEXTE}
    client = _client(camille)
    avant = client.post(VERIFIER, _donnees(camille)).content.decode()
    assert "rédigées par votre enseignant référent" in avant
    textes_par_defaut_enregistrer(promotion=None, textes=textes, auteur=None)
    apres = client.post(VERIFIER, _donnees(camille)).content.decode()
    assert "rédigées par votre enseignant référent" not in apres
