"""The readiness read from the database (examens/preparation.py) and its screens: the
cohort view, a candidate's detail, the session and the deposit, the blocks of the student's
pages."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from comptes.models import Role, Utilisateur
from conventions.models import Convention, Statut
from documents.models import Document, TypeDocument, objet_periode
from examens import preparation, sessions
from examens.models import DepotDossier, Fiche, SessionExamen, StatutFiche, TypeFiche
from regles.dossier_examen import Etat
from tests.examens import dossiers

pytestmark = pytest.mark.django_db

AVANT = date(2027, 3, 1)


def _codes(eleve: object, le: date = AVANT) -> list[str]:
    r = preparation.preparation_etudiant(eleve, le=le)  # type: ignore[arg-type]
    assert r is not None
    return [k.code for k in r.manquants]


def test_un_candidat_complet_est_pret() -> None:
    promo = dossiers.promotion()
    dossiers.session(promo)
    eleve = dossiers.candidat(promo)
    r = preparation.preparation_etudiant(eleve, le=AVANT)
    assert r is not None
    assert r.etat == Etat.CONFORME, r.constats
    assert r.jours_confirmes == 80 and r.jours_requis == 80
    assert (r.fiches_conformes, r.fiches_attendues) == (5, 5)


def test_sans_session_pas_de_jugement() -> None:
    eleve = dossiers.candidat(dossiers.promotion())
    assert preparation.preparation_etudiant(eleve, le=AVANT) is None


def test_ce_que_lit_l_adaptateur() -> None:
    promo = dossiers.promotion()
    dossiers.session(promo)
    eleve = dossiers.candidat(promo, complet=False)
    assert _codes(eleve) == ["ATTESTATION_MANQUANTE", "FICHE_MANQUANTE"]
    # An attestation drawn up, not signed yet; the newest version is the one that counts.
    deuxieme = Convention.objects.filter(etudiant=eleve).order_by("pk").last()
    assert deuxieme is not None
    periode = deuxieme.periodes.get()
    ancienne = dossiers.document(
        deuxieme, TypeDocument.ATTESTATION, objet_periode(periode.pk), signe=True
    )
    Document.objects.filter(pk=ancienne.pk).update(version=0)
    doc = dossiers.document(
        deuxieme, TypeDocument.ATTESTATION, objet_periode(periode.pk), signe=False
    )
    assert _codes(eleve)[0] == "ATTESTATION_NON_SIGNEE"
    Document.objects.filter(pk=doc.pk).update(fichier_signe="documents/signe.pdf")
    assert _codes(eleve) == ["FICHE_MANQUANTE"]
    # A convention not signed; presence short; a fiche sent back.
    Convention.objects.filter(pk=deuxieme.pk).update(statut=Statut.EN_SIGNATURE)
    deuxieme.pointages.filter(jour__gte=date(2026, 12, 21)).delete()
    Fiche.objects.filter(etudiant=eleve, type=TypeFiche.E4_NEGO).update(
        statut=StatutFiche.A_CORRIGER
    )
    r = preparation.preparation_etudiant(eleve, le=AVANT)
    assert r is not None
    assert [k.code for k in r.manquants] == [
        "CONVENTION_NON_SIGNEE",
        "DUREE_INSUFFISANTE",
        "FICHE_NON_CONFORME",
        "FICHE_MANQUANTE",
    ]
    assert r.manquants[1].texte.startswith(
        "75 jours de présence confirmés sur les 80 jours exigés : il manque 5 jours"
    )


def test_l_attestation_enregistree_par_la_section_compte_signee() -> None:
    """« Enregistrer l'attestation » (status « attestée »): the signed paper came back, whether
    or not its PDF went through Stages; until then, a period without it is missing."""
    promo = dossiers.promotion()
    dossiers.session(promo)
    eleve = dossiers.candidat(promo, complet=False)
    deuxieme = Convention.objects.filter(etudiant=eleve).order_by("pk").last()
    assert deuxieme is not None
    assert _codes(eleve)[0] == "ATTESTATION_MANQUANTE"
    Convention.objects.filter(pk=deuxieme.pk).update(statut=Statut.ATTESTEE)
    assert _codes(eleve) == ["FICHE_MANQUANTE"]


def test_une_convention_annulee_ne_compte_pas() -> None:
    promo = dossiers.promotion()
    dossiers.session(promo)
    eleve = dossiers.candidat(promo)
    Convention.objects.filter(etudiant=eleve).update(statut=Statut.ANNULEE)
    assert _codes(eleve) == ["STAGE_ABSENT", "DUREE_INSUFFISANTE"]


def test_depot_tardif_non_conforme() -> None:
    promo = dossiers.promotion()
    session = dossiers.session(promo)
    eleve = dossiers.candidat(promo)
    sessions.depot_enregistrer(session, eleve, depose_le=date(2027, 4, 20), par=None)
    r = preparation.preparation_etudiant(eleve, le=date(2027, 4, 20))
    assert r is not None and r.etat == Etat.NON_CONFORME
    assert [k.code for k in r.manquants] == ["DEPOT_TARDIF"]


@pytest.mark.parametrize("nombre", [1, 20])
def test_une_cohorte_en_un_nombre_constant_de_requetes(
    nombre: int, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    promo = dossiers.promotion()
    session = dossiers.session(promo)
    modele = dossiers.candidat(promo, nom="Aaron")
    if nombre > 1:
        dossiers.clones(modele, promo, nombre - 1)
    session = SessionExamen.objects.select_related("promotion").get(pk=session.pk)
    # Students, conventions, their periods, documents, presence, fiches, deposits.
    with django_assert_num_queries(7):
        lignes = preparation.preparations_session(session, le=AVANT)
    assert len(lignes) == nombre
    assert {ligne.preparation.etat for ligne in lignes} == {Etat.CONFORME}, [
        k.texte for ligne in lignes for k in ligne.preparation.manquants
    ][:3]


# --- Screens ---------------------------------------------------------------------------


def _connecte(role: Role) -> Client:
    client = Client()
    utilisateur = Utilisateur.objects.create_user(
        email=f"{role}@lycee-eiffel.test", password="x", role=role
    )
    client.force_login(utilisateur)
    return client


@time_machine.travel(date(2027, 3, 1), tick=False)
def test_la_vue_de_cohorte_trie_et_filtre() -> None:
    promo = dossiers.promotion()
    dossiers.session(promo)
    dossiers.candidat(promo, nom="Prete")
    dossiers.candidat(promo, nom="Incomplete", complet=False)
    client = _connecte(Role.ENSEIGNANT)
    url = reverse("examens:preparation_cohorte", kwargs={"promotion": promo.pk})
    page = client.get(url).content.decode()
    assert page.index("Incomplete") < page.index("Prete")  # the most urgent first
    assert "dans 45 jours" in page
    assert "Il manque l&#x27;attestation de stage" in page
    assert "L&#x27;étudiant, la section" in page
    assert "Presque prêts (1)" in page
    filtree = client.get(url, {"etat": "pret"}).content.decode()
    assert "Prete" in filtree and "Incomplete" not in filtree
    # An unknown filter shows everyone, no error.
    assert client.get(url, {"etat": "<script>"}).status_code == 200


def test_une_session_d_avant_les_parametres_n_est_pas_une_erreur() -> None:
    promo = dossiers.promotion()
    SessionExamen.objects.create(promotion=promo, annee=2018, date_limite_depot=date(2018, 4, 1))
    dossiers.candidat(promo)
    client = _connecte(Role.ADMINISTRATEUR)
    page = client.get(reverse("examens:preparation_cohorte", kwargs={"promotion": promo.pk}))
    assert page.status_code == 200
    assert "antérieure aux règles de conformité" in page.content.decode()


def test_la_vue_de_cohorte_sans_session() -> None:
    promo = dossiers.promotion()
    client = _connecte(Role.ADMINISTRATEUR)
    page = client.get(reverse("examens:preparation_cohorte", kwargs={"promotion": promo.pk}))
    assert "La session d'examen de cette promotion n'est pas fixée" in page.content.decode()


@time_machine.travel(date(2027, 3, 1), tick=False)
def test_le_detail_d_un_candidat_et_les_blocs() -> None:
    promo = dossiers.promotion()
    dossiers.session(promo)
    eleve = dossiers.candidat(promo, complet=False)
    client = _connecte(Role.ENSEIGNANT)
    page = client.get(reverse("examens:preparation_etudiant", kwargs={"pk": eleve.pk}))
    texte = page.content.decode()
    assert "Fiche E6 « réseau de partenaires » : 0 rédigée sur 1 attendue" in texte
    assert "Arrêté du 22 juillet 2008" in texte
    assert "Noter le dépôt" not in texte  # a teacher does not record deposits
    fiche = client.get(reverse("etablissement:etudiant", kwargs={"pk": eleve.pk})).content
    assert "Dossier à compléter : 2 points à régler" in fiche.decode()
    # The student's own readiness on « Mon stage ».
    compte = Utilisateur.objects.create_user(
        email="camille@lycee-eiffel.test", password="x", role=Role.ETUDIANT
    )
    eleve.utilisateur = compte
    eleve.save(update_fields=["utilisateur"])
    etudiant = Client()
    etudiant.force_login(compte)
    mon_stage = etudiant.get(reverse("etablissement:mon_stage")).content.decode()
    assert "Mon dossier d'examen (E4 et E6)" in mon_stage
    assert "À déposer au plus tard le <strong>15/04/2027</strong>" in mon_stage
    assert "0 rédigée sur 1 attendue" in mon_stage


def test_l_administrateur_fixe_la_session() -> None:
    promo = dossiers.promotion()
    client = _connecte(Role.ADMINISTRATEUR)
    url = reverse("examens:session_modifier", kwargs={"promotion": promo.pk})
    assert client.get(url).status_code == 200
    reponse = client.post(url, {"annee": "2027", "date_limite_depot": "2027-04-15"})
    assert reponse.status_code == 302
    assert SessionExamen.objects.get(promotion=promo).date_limite_depot == date(2027, 4, 15)
    # Changed, not duplicated.
    client.post(url, {"annee": "2027", "date_limite_depot": "2027-04-10"})
    assert SessionExamen.objects.get(promotion=promo).date_limite_depot == date(2027, 4, 10)


@pytest.mark.parametrize(
    ("donnees", "message"),
    [
        ({"annee": "2027", "date_limite_depot": "2029-04-15"}, "tombe entre le 1er janvier 2026"),
        ({"annee": "1900", "date_limite_depot": "2027-04-15"}, "comprise entre 2020 et 2100"),
        ({"annee": "99999999999", "date_limite_depot": "2027-04-15"}, "comprise entre"),
        ({"annee": "2027", "date_limite_depot": "9999-12-31"}, "31/12/2100"),
        ({"annee": "2027", "date_limite_depot": "2027-02-30"}, "Indiquez une date valide"),
        ({"annee": "2027", "date_limite_depot": "0001-01-01"}, "01/01/1900"),
        ({"annee": "deux", "date_limite_depot": ""}, "Indiquez une année"),
    ],
)
def test_session_bornee_erreurs_en_francais(donnees: dict[str, str], message: str) -> None:
    promo = dossiers.promotion()
    client = _connecte(Role.ADMINISTRATEUR)
    reponse = client.post(
        reverse("examens:session_modifier", kwargs={"promotion": promo.pk}), donnees
    )
    assert reponse.status_code == 200
    assert message in reponse.content.decode()
    assert not SessionExamen.objects.filter(promotion=promo).exists()


def test_le_depot_se_note_se_corrige_et_s_efface() -> None:
    promo = dossiers.promotion()
    session = dossiers.session(promo)
    eleve = dossiers.candidat(promo)
    client = _connecte(Role.ADMINISTRATEUR)
    url = reverse("examens:depot_enregistrer", kwargs={"pk": eleve.pk})
    assert client.post(url, {"depose_le": "2027-04-10"}).status_code == 302
    assert DepotDossier.objects.get(session=session, etudiant=eleve).depose_le == date(2027, 4, 10)
    client.post(url, {"depose_le": "2027-04-12"})
    assert DepotDossier.objects.get(session=session).depose_le == date(2027, 4, 12)
    reponse = client.post(url, {"depose_le": "1850-01-01"}, follow=True)
    assert "01/01/1900" in reponse.content.decode()
    reponse = client.post(url, {"depose_le": "2025-01-01"}, follow=True)
    assert "antérieure de plus d&#x27;un an" in reponse.content.decode()
    assert DepotDossier.objects.get(session=session).depose_le == date(2027, 4, 12)
    client.post(url, {"annuler": "1"})
    assert not DepotDossier.objects.exists()
