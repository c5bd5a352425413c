"""The demo (`manage.py demo`): built once for this module on an empty database through the
services, then checked for what it is meant to show, and for loading only once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import authenticate
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from candidatures.selectors import candidats_proposes, tableau_recherche
from comptes.models import Role, Utilisateur
from conventions.models import Convention, EvenementConvention, Pointage, Statut
from conventions.moteur import evaluer_convention, vers_regles
from conventions.selectors import DETAILS
from conventions.services import TransitionRefusee, convention_transition
from core.models import CourrielEnvoye
from demo import personnes
from demo.calendrier import JOUR_DE_LA_DEMO
from demo.circuit import demo_circuit_ouvrir
from demo.donnees import (
    DemoImpossible,
    cas_a_voir,
    conventions_demo,
    demo_charger,
    demo_construire,
    demo_effacer,
    demo_reinitialiser,
    identifiants,
)
from demo.examens import COMMENCES_2027, PRESQUE_PRETS_2027
from demo.identifiants import ine
from demo.scenario import CasParticuliers
from documents.models import Document, TypeDocument
from documents.services import modele_en_vigueur
from espaces.models import LienEspace
from espaces.services import lien_envoyer, titulaire_chef, titulaire_tuteur
from etablissement.models import Enseignant, Etudiant, Promotion
from examens import preparation
from examens.modeles import modele
from examens.models import EvenementFiche, Fiche, SessionExamen, StatutFiche
from organismes.models import OrganismeAccueil, StagiairesAutresEcoles, Tuteur
from organismes.selectors import organisme_pour_regles
from organismes.services import organisme_creer
from organismes.validators import valider_siren, valider_siret
from public.models import PropositionStage
from regles.calendrier import calendrier
from regles.modele import TypeAbsence
from regles.parametres import parametres
from regles.presence import jours_prevus
from tests.courriels import LISIBLES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CasParticuliers]:
    """The demo, built once (the slow part), rolled back after the module's tests. As
    demo_charger does, in two commits: the build's, whose e-mails are not sent, then the
    circuit's, whose links leave by e-mail (its callbacks run here, as at a commit)."""
    reglages = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), **LISIBLES)
    with django_db_blocker.unblock(), reglages, transaction.atomic():
        cas = demo_construire()
        assert cas.en_signature is not None
        with TestCase.captureOnCommitCallbacks(execute=True):
            demo_circuit_ouvrir(cas.en_signature)
        yield cas
        transaction.set_rollback(True)


def _codes(convention: Convention | None) -> set[str]:
    assert convention is not None
    return {k.code for k in evaluer_convention(convention).constats}


def _admin() -> Utilisateur:
    return Utilisateur.objects.get(email=personnes.ADMINISTRATRICE.email)


def test_it_builds_two_cohorts_of_about_thirty_students_and_a_graduated_one(
    demo: CasParticuliers,
) -> None:
    promotions = Promotion.objects.filter(etudiants__isnull=False).distinct()
    assert sorted(p.annee_debut for p in promotions) == [2024, 2025, 2026]
    for promotion in promotions:
        effectif = promotion.etudiants.count()
        assert effectif == 8 if promotion.annee_debut == 2024 else 28 <= effectif <= 32
        assert sorted(p.annee_formation for p in promotion.periodes.all()) == [1, 1, 2, 2]
    assert Etudiant.objects.count() >= 63
    assert not Etudiant.objects.filter(ine="").exists()


def test_each_teacher_follows_about_twenty_students_of_the_cohorts_under_way(
    demo: CasParticuliers,
) -> None:
    for enseignant in Enseignant.objects.all():
        assert enseignant.utilisateur is not None
        en_cours = enseignant.etudiants_suivis.filter(promotion__annee_debut__gte=2025)
        assert 18 <= en_cours.count() <= 22
    # The graduated cohort's students had their référent too.
    assert not Etudiant.objects.filter(promotion__annee_debut=2024, referent=None).exists()


def _jours_faits(convention: Convention) -> int:
    """Days of the schedule (holidays and closures out), less the days absent all day."""
    c = (
        Convention.objects.select_related(*DETAILS)
        .prefetch_related("periodes")
        .get(pk=convention.pk)
    )
    modele = vers_regles(c)
    prevus = jours_prevus(
        modele,
        calendrier=calendrier(parametres().texte("reglages.zone_scolaire", modele.debut)),
        fermetures=organisme_pour_regles(c.etablissement_accueil.organisme).fermetures,
    )
    absents = c.pointages.exclude(absence="").filter(minutes_presence=0).count()
    return len(prevus) - absents


def test_the_cohort_of_the_2026_session_has_its_stages_over_before_the_deadline(
    demo: CasParticuliers,
) -> None:
    p = personnes
    session = demo.session_2026
    assert list(session) == [
        "complet_1", "complet_2", "complet_3", "complet_4", "duree_courte",
        "attestation_manquante", "fiches_en_relecture_1", "fiches_en_relecture_2",
    ]  # fmt: skip
    assert {e.promotion.annee_debut for e in session.values()} == {2024}
    assert session["duree_courte"].pk == Etudiant.objects.get(ine=ine(p.RANG_DUREE_COURTE)).pk
    for role, etudiant in session.items():
        conventions = list(Convention.objects.filter(etudiant=etudiant).order_by("pk"))
        assert len(conventions) == 2, role  # one a year, two periods each
        for c in conventions:
            assert not c.acquittements.exists(), role  # the engine found nothing to acknowledge
            assert max(p_.fin for p_ in c.periodes.all()) <= date(2026, 3, 20)
        statuts = [c.statut for c in conventions]
        jours = [_jours_faits(c) for c in conventions]
        for attestation in EvenementConvention.objects.filter(
            convention__in=conventions, action="attester"
        ):
            # Attested before the session's deposit deadline (early April 2026).
            assert attestation.horodatage.date() < date(2026, 4, 3), role
        if role == "attestation_manquante":
            assert statuts == [Statut.ATTESTEE, Statut.TERMINEE]
            assert conventions[1].pointages.count() == 40
        else:
            assert statuts == [Statut.ATTESTEE, Statut.ATTESTEE], role
        # 16 weeks (80 days) for the exam, save the three days of sick leave not made up.
        assert sum(jours) == (77 if role == "duree_courte" else 80), role
    absences = Pointage.objects.filter(convention__etudiant=session["duree_courte"]).exclude(
        absence=""
    )
    assert set(absences.values_list("absence", flat=True)) == {TypeAbsence.MALADIE_ACCIDENT}
    assert absences.count() == 3


def _categories(session: SessionExamen) -> dict[int, tuple[str, list[str]]]:
    """Each candidate's category on the story's day and what blocks, by rank."""
    rangs = {ine(r): r for r in range(len(personnes.etudiants()))}
    return {
        rangs[ligne.etudiant.ine]: (
            ligne.preparation.categorie,
            [k.code for k in ligne.preparation.a_regler],
        )
        for ligne in preparation.preparations_session(session, le=JOUR_DE_LA_DEMO)
    }


def test_the_exam_dossiers_are_ready_nearly_ready_or_not_conforme(demo: CasParticuliers) -> None:
    p = personnes
    sessions = {s.annee: s for s in SessionExamen.objects.all()}
    assert sorted(sessions) == [2026, 2027]
    # 2026, judged after its deadline: four dossiers deposited and conforme; the others
    # non conformes for their stage (Élodie, Dylan) or a fiche (Morgane, Samir).
    passee = _categories(sessions[2026])
    for rang in p.RANGS_COMPLETS:
        assert passee[rang] == ("pret", []), rang
    assert passee[p.RANG_DUREE_COURTE] == ("non_conforme", ["DUREE_INSUFFISANTE"])
    assert passee[p.RANG_ATTESTATION_MANQUANTE] == ("non_conforme", ["ATTESTATION_MANQUANTE"] * 2)
    morgane, samir = p.RANGS_FICHES_EN_RELECTURE
    assert passee[morgane] == ("non_conforme", ["FICHE_NON_CONFORME"])
    assert passee[samir] == ("non_conforme", ["FICHE_NON_CONFORME", "DOSSIER_NON_DEPOSE"])
    # 2027, four months ahead: nearly ready (one fiche in review, the stage under way), begun
    # (two drafts), not started.
    a_venir = _categories(sessions[2027])
    for rang in PRESQUE_PRETS_2027:
        assert a_venir[rang][0] == "presque", rang
        assert "FICHE_NON_CONFORME" in a_venir[rang][1], rang
    for rang in COMMENCES_2027:
        assert a_venir[rang][0] == "incomplet", rang
        assert a_venir[rang][1].count("FICHE_MANQUANTE") == 3, rang
    assert len(a_venir) == p.PAR_PROMOTION
    # Every fiche of a ready dossier holds text in each required field, an E4 one a readable
    # two-page annex; the fiche sent back kept the version the référent read.
    for fiche in Fiche.objects.filter(etudiant__ine=ine(p.RANGS_COMPLETS[0])):
        contenu = fiche.versions.order_by("-numero").first().contenu  # type: ignore[union-attr]
        assert all(contenu.get(c.cle) for c in modele(fiche.type).champs if c.obligatoire)
        if fiche.type.startswith("E4"):
            with fiche.annexe_offre.open("rb") as annexe:
                assert len(PdfReader(annexe).pages) == 2
    corrigee = Fiche.objects.get(etudiant__ine=ine(morgane), statut=StatutFiche.A_CORRIGER)
    assert corrigee.versions.get().avis.filter(avis="a_corriger").count() == 1
    # The story's trail is dated by the story, never after its day.
    dernier = EvenementFiche.objects.order_by("-horodatage").first()
    assert dernier is not None and dernier.horodatage.date() <= JOUR_DE_LA_DEMO


def test_the_printed_logins_open_the_accounts_with_their_role(demo: CasParticuliers) -> None:
    lignes = identifiants()
    roles = {Utilisateur.objects.get(email=i.email).role for i in lignes}
    assert roles == {Role.ADMINISTRATEUR, Role.ENSEIGNANT, Role.ETUDIANT}
    for i in lignes:
        requete = RequestFactory().post("/connexion/")  # the login throttling needs one
        assert authenticate(requete, email=i.email, password=i.mot_de_passe), i.email


def test_the_younger_cohort_has_a_minor_with_a_legal_representative(
    demo: CasParticuliers,
) -> None:
    assert demo.mineure is not None and demo.mineur_39h is not None
    debut = demo.mineure.periodes.get().debut
    mineure = demo.mineure.etudiant
    assert mineure.promotion.annee_debut == 2026
    assert mineure.est_mineur_le(date(2026, 11, 27)) and mineure.est_mineur_le(debut)
    assert mineure.representant_legal_nom and mineure.representant_legal_email
    assert demo.mineure.statut == Statut.SIGNEE
    assert not {c for c in _codes(demo.mineure) if c.startswith("MINEUR_")}
    # 39 hours a week: over a minor's 35, refused by the engine.
    assert "MINEUR_DUREE_SEMAINE" in _codes(demo.mineur_39h)


def test_hosts_are_of_every_size_with_valid_numbers(demo: CasParticuliers) -> None:
    organismes = list(OrganismeAccueil.objects.prefetch_related("effectifs", "etablissements"))
    assert len(organismes) >= 35
    tailles = [o.effectifs.all()[0].personnes for o in organismes if o.effectifs.all()]
    assert min(tailles) <= 5 and max(tailles) >= 500
    for bas, haut in ((10, 19), (20, 49), (50, 249)):
        assert any(bas <= t <= haut for t in tailles)
    for o in organismes:
        valider_siren(o.siren)
        assert o.naf and o.tuteurs.exists() and o.contacts.exists()
        for site in o.etablissements.all():
            valider_siret(site.siret)
    assert OrganismeAccueil.objects.filter(fermetures__isnull=False).exists()
    assert StagiairesAutresEcoles.objects.exists()


def test_there_is_a_convention_in_every_status_with_its_audit_trail(
    demo: CasParticuliers,
) -> None:
    statuts = set(Convention.objects.values_list("statut", flat=True))
    assert statuts == set(Statut.values)
    sans_creation = Convention.objects.exclude(evenements__action="creation")
    assert not sans_creation.exists()
    for convention in Convention.objects.exclude(statut=Statut.BROUILLON):
        assert convention.evenements.filter(statut_apres=convention.statut).exists()
    assert demo.rompue is not None
    assert demo.rompue.rupture_dernier_jour and demo.rompue.rupture_initiative
    assert demo.avenant is not None and demo.avenant.avenants.count() == 1


def test_validated_conventions_carry_acknowledged_warnings(demo: CasParticuliers) -> None:
    acquittees = Convention.objects.filter(
        statut__in=[Statut.VALIDEE, Statut.SIGNEE], acquittements__isnull=False
    ).distinct()
    assert acquittees.exists()
    assert EvenementConvention.objects.filter(action="acquittement", auteur=_admin()).exists()


def test_the_log_holds_past_days_and_every_kind_of_absence(demo: CasParticuliers) -> None:
    assert {t.value for t in TypeAbsence} <= set(
        Pointage.objects.exclude(absence="").values_list("absence", flat=True)
    )
    for statut in (Statut.EN_COURS, Statut.TERMINEE, Statut.ROMPUE):
        for convention in Convention.objects.filter(statut=statut):
            assert convention.pointages.exists(), convention
    assert not Pointage.objects.filter(jour__gte=date(2026, 11, 27)).exists()


def test_the_fourth_intern_of_the_small_agency_is_refused_for_the_quota(
    demo: CasParticuliers,
) -> None:
    convention = demo.quota_refuse
    assert convention is not None and convention.statut == Statut.A_VALIDER
    with pytest.raises(TransitionRefusee) as refus:
        convention_transition(convention=convention, action="valider", auteur=_admin())
    assert "QUOTA_DEPASSE" in {k.code for k in refus.value.constats}


def test_the_july_extension_makes_the_gratification_due_with_back_pay(
    demo: CasParticuliers,
) -> None:
    assert demo.prolongation is not None
    verdict = evaluer_convention(demo.prolongation)
    assert "GRAT_OBLIGATOIRE" in {k.code for k in verdict.constats}
    cumuls = [c for c in verdict.evaluation.cumuls if c.obligatoire]
    assert cumuls and cumuls[0].minutes_comptees > 308 * 60
    for anterieure in demo.rappels:
        assert "GRAT_RAPPEL" in _codes(anterieure)


def test_the_drafts_show_what_the_engine_refuses(demo: CasParticuliers) -> None:
    assert "CONVENTION_INCOMPLETE" in _codes(demo.incomplete)
    assert "EFFECTIF_INCONNU" in _codes(demo.sans_effectif)


def test_running_it_again_creates_nothing_and_prints_the_logins(
    demo: CasParticuliers,
) -> None:
    avant = (Convention.objects.count(), Etudiant.objects.count(), Utilisateur.objects.count())
    assert demo_charger() is None
    sortie = StringIO()
    call_command("demo", stdout=sortie)
    apres = (Convention.objects.count(), Etudiant.objects.count(), Utilisateur.objects.count())
    assert apres == avant
    texte = sortie.getvalue()
    assert "déjà chargée" in texte
    for i in identifiants():
        assert i.email in texte and i.mot_de_passe in texte
    assert demo.quota_refuse is not None
    assert f"/conventions/{demo.quota_refuse.pk}/" in texte
    # The exam dossiers by session, with the cohort view to open (its page judges them today).
    session = SessionExamen.objects.get(annee=2026)
    adresse = reverse("examens:preparation_cohorte", args=[session.promotion_id])
    assert re.search(rf"{adresse} +session 2026, NDRC 2024-2026 : 4 prêts, 4 non conformes", texte)
    assert "session 2027, NDRC 2025-2027 : " in texte


def test_the_cases_to_see_first_are_found_again_in_the_database(demo: CasParticuliers) -> None:
    trouves = [cas.convention for cas in cas_a_voir()]
    attendus = [
        demo.quota_refuse,
        demo.prolongation,
        *demo.rappels,
        demo.mineure,
        demo.mineur_39h,
        demo.incomplete,
        demo.sans_effectif,
        demo.rompue,
        demo.avenant,
        demo.en_signature,
    ]
    assert trouves == attendus


def test_a_circuit_is_open_and_its_links_are_read_in_the_browser(
    demo: CasParticuliers, client: Any
) -> None:
    convention = demo.en_signature
    assert convention is not None and convention.statut == Statut.EN_SIGNATURE
    document = Document.objects.get(convention=convention, type=TypeDocument.CONVENTION)
    signatures = list(document.signatures.all())
    assert personnes.CHEF_ETABLISSEMENT in [s.nom for s in signatures]
    # Only the circuit's e-mails: the build's own (status changes) were not sent.
    assert CourrielEnvoye.objects.count() == len(signatures)
    client.force_login(_admin())
    page = client.get(reverse("courriels"), {"q": str(convention.pk)}).content.decode()
    assert f"{len(signatures)} courriels pour" in page
    liens = re.findall(r'href="(http://[^"]+/signer/[^"]+/)"', page)
    assert len(liens) == len(signatures)
    signer = client.get(liens[0].removeprefix(django_settings.SITE_URL))
    assert signer.status_code == 200 and "Je signe</button>" in signer.content.decode()


def test_it_wipes_its_own_records_only(demo: CasParticuliers, settings: Any, tmp_path: Any) -> None:
    # A PDF generated from a demo convention while trying the application goes too.
    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(
        convention=Convention.objects.filter(statut=Statut.SIGNEE).first(),
        type=TypeDocument.CONVENTION,
        version=1,
        modele=modele_en_vigueur(TypeDocument.CONVENTION),
        fichier=ContentFile(b"%PDF-1.7", name="convention.pdf"),
        sha256="0" * 64,
    )
    # Space links the staff sent to a host and to the head of school (espaces): their trail
    # names a demo account, which goes.
    tuteur = Tuteur.objects.exclude(email="").first()
    assert tuteur is not None
    for titulaire in (titulaire_tuteur(tuteur), titulaire_chef()):
        lien_envoyer(titulaire=titulaire, le=timezone.now(), auteur=_admin())
    demo_effacer()
    assert not LienEspace.objects.filter(organisme__isnull=False).exists()
    assert not Document.objects.exists()
    assert not (tmp_path / document.fichier.name).exists()
    assert not conventions_demo().exists()
    assert not Fiche.objects.exists() and not SessionExamen.objects.exists()
    assert not Etudiant.objects.exists() and not OrganismeAccueil.objects.exists()
    assert not Utilisateur.objects.filter(email__endswith=f"@{personnes.DOMAINE}").exists()
    assert not CourrielEnvoye.objects.exists()  # the circuit's e-mails, read in the demo
    assert not PropositionStage.objects.exists()  # the offers of the students' search
    assert Promotion.objects.count() == 0  # the seeded school and referential stay
    # Beside records of the school's own, the demo is neither loaded nor rebuilt.
    organisme_creer(siren="552081317", raison_sociale="Une entreprise de la section")
    with pytest.raises(DemoImpossible):
        demo_charger()
    with pytest.raises(DemoImpossible):
        demo_reinitialiser()


def test_the_readme_gives_the_logins_the_command_prints() -> None:
    readme = (django_settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    for i in identifiants():
        assert f"`{i.email}`" in readme and f"`{i.mot_de_passe}`" in readme


def test_the_activity_log_covers_a_stage_over_and_one_under_way(demo: CasParticuliers) -> None:
    from conventions.models import Statut
    from demo.calendrier import JOUR_DE_LA_DEMO
    from journal.models import EntreeJournal

    entrees = EntreeJournal.objects.filter(
        convention__etudiant__email="camille.lalanne@eiffel-demo.test"
    ).select_related("convention")
    statuts = {e.convention.statut for e in entrees}
    assert Statut.EN_COURS in statuts and statuts & {Statut.TERMINEE, Statut.ATTESTEE}
    assert any(e.contresignee for e in entrees)
    assert any(e.commentaire_referent for e in entrees)
    for e in entrees:
        assert e.date_fin <= JOUR_DE_LA_DEMO and e.cree_le.date() <= JOUR_DE_LA_DEMO
        assert not e.contresigne_le or e.contresigne_le.date() <= JOUR_DE_LA_DEMO


def test_students_without_a_place_search_and_one_is_proposed_to_a_company(
    demo: CasParticuliers,
) -> None:
    tableau = tableau_recherche(le=JOUR_DE_LA_DEMO)
    janvier = next(
        c
        for c in tableau.compteurs
        if c.periode.promotion.annee_debut == 2026 and c.periode.debut.month == 1
    )
    # Six first-years without a place for January; Victor Marty has logged nothing yet.
    assert (janvier.sans_place, janvier.sans_candidature) == (6, 1)
    lacoste = PropositionStage.objects.get(entreprise="Lacoste Immobilier")
    assert candidats_proposes(lacoste) == ["Romane"]
    requete = RequestFactory().post("/connexion/")
    assert authenticate(
        requete, email="romane.vidal@eiffel-demo.test", password="Eiffel-Etudiant-2026"
    )
