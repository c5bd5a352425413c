"""The life of a fiche through its services: numbered per candidate and per exam, drawn
from the stage and its log, edited within its bounds, sent for review only when complete,
reviewed field by field by the student's référent (or an administrator), a fix as a new
version, conforme frozen until the référent reopens it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from comptes.models import Utilisateur
from examens import services
from examens.models import AvisChamp, Fiche, StatutFiche, VersionFiche
from tests.examens import outils_fiches as outils
from tests.examens.outils_fiches import media_temporaire  # noqa: F401  (fixture)
from tests.journal import outils as journal
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_temporaire")]


def _messages(refus: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(refus.value.messages)


def test_fiches_are_numbered_per_candidate_and_per_exam() -> None:
    a, b = outils.eleve(), outils.eleve()
    numeros = [
        (outils.fiche(a, type_fiche=t).numero, t)
        for t in ("E4_NEGO", "E4_EVENEMENT", "E6_PARTENAIRES", "E4_SUJET", "E6_DISTRIBUTEURS")
    ]
    assert [n for n, _ in numeros] == [1, 2, 1, 1, 2]
    assert outils.fiche(b).numero == 1
    f = Fiche.objects.get(etudiant=a, type="E4_NEGO")
    assert f.versions.get().numero == 1 and f.statut == StatutFiche.BROUILLON


def test_a_fiche_from_a_stage_is_drawn_from_its_host_and_log() -> None:
    e = outils.eleve()
    c = outils.stage(e)
    nego = journal.entree(c, texte="Négociation d'un contrat annuel.", competences=("B1.2",))
    journal.entree(c, texte="Animation d'un salon.", competences=("B1.3",))
    f = outils.fiche(e, convention=c)
    contenu = f.versions.get().contenu
    assert contenu["organisation"] == c.etablissement_accueil.organisme.raison_sociale
    assert "Négociation d'un contrat annuel." in contenu["phases"]
    assert "salon" not in contenu["phases"]
    assert list(f.entrees.all()) == [nego]


def test_a_stage_of_another_student_is_refused() -> None:
    autre = outils.stage(outils.eleve())
    with pytest.raises(ValidationError) as refus:
        outils.fiche(outils.eleve(), convention=autre)
    assert "stages signés" in _messages(refus)


@pytest.mark.parametrize(("titre", "message"), [("  ", "intitulé"), ("x" * 201, "200")])
def test_a_title_is_required_and_bounded(titre: str, message: str) -> None:
    with pytest.raises(ValidationError) as refus:
        outils.fiche(outils.eleve(), titre=titre)
    assert message in _messages(refus)


def test_a_candidate_has_a_bounded_number_of_fiches_per_exam() -> None:
    e = outils.eleve()
    for _ in range(services.FICHES_MAX):
        outils.fiche(e, type_fiche="E6_PARTENAIRES")
    with pytest.raises(ValidationError):
        outils.fiche(e, type_fiche="E6_VENTE_DIRECTE")
    assert outils.fiche(e).numero == 1  # E4 has its own count


def test_each_field_is_bounded_and_unknown_keys_refused() -> None:
    f = outils.fiche(outils.eleve())
    with pytest.raises(ValidationError) as refus:
        services.fiche_modifier(
            fiche=f, titre="T", contenu={"clientele": "x" * 801}, le=timezone.now()
        )
    assert refus.value.message_dict == {"clientele": ["800 caractères au plus (ici 801)."]}
    with pytest.raises(ValidationError) as refus:
        services.fiche_modifier(fiche=f, titre="T", contenu={"pirate": "x"}, le=timezone.now())
    assert "n'existe pas" in _messages(refus)
    version = services.fiche_modifier(
        fiche=f,
        titre="T",
        contenu={"clientele": "Bou\x00langers\r\n et cavistes "},
        le=timezone.now(),
    )
    assert version.contenu["clientele"] == "Boulangers\n et cavistes"
    assert version.contenu["organisation"] == ""  # the others stay as they were


def test_sending_needs_every_required_field_and_the_annex() -> None:
    f = outils.fiche(outils.eleve())
    with pytest.raises(ValidationError) as refus:
        services.fiche_soumettre(fiche=f, le=timezone.now())
    texte = _messages(refus)
    assert "Nom de l'organisation" in texte and "Annexe : présentation de l'offre" in texte
    assert "Difficultés rencontrées" not in texte  # not required
    outils.remplir(f, annexe=False)
    with pytest.raises(ValidationError) as refus:
        services.fiche_soumettre(fiche=f, le=timezone.now())
    assert _messages(refus) == "Complétez d'abord : Annexe : présentation de l'offre (PDF)."


def test_the_annex_is_a_pdf_read_from_its_content(media_temporaire: Path) -> None:  # noqa: F811
    f = outils.fiche(outils.eleve())
    for contenu in (journal.PNG, b"", b"x" * (services.ANNEXE_MAX + 1)):
        with pytest.raises(ValidationError):
            services.annexe_deposer(
                fiche=f,
                flux=SimpleUploadedFile("offre.pdf", contenu),
                taille=len(contenu),
                le=timezone.now(),
            )
    # The shape of a PDF with no page to read would break the commission's pack: refused now.
    with pytest.raises(ValidationError) as refus:
        services.annexe_deposer(
            fiche=f,
            flux=SimpleUploadedFile("offre.pdf", outils.PDF_ILLISIBLE),
            taille=len(outils.PDF_ILLISIBLE),
            le=timezone.now(),
        )
    assert "Ce PDF est illisible" in _messages(refus)
    e6 = outils.fiche(f.etudiant, type_fiche="E6_PARTENAIRES")
    with pytest.raises(ValidationError):
        services.annexe_deposer(
            fiche=e6, flux=SimpleUploadedFile("o.pdf", outils.PDF), taille=9, le=timezone.now()
        )
    outils.remplir(f)
    f.refresh_from_db()
    assert f.annexe_offre.name.endswith(".pdf")
    assert (media_temporaire / f.annexe_offre.name).read_bytes() == outils.PDF


def _soumise(referent: Utilisateur) -> Fiche:
    f = outils.remplir(outils.fiche(outils.eleve(referent=referent)))
    services.fiche_soumettre(fiche=f, le=timezone.now())
    f.refresh_from_db()
    return f


def test_a_sent_version_is_frozen(enseignant: Utilisateur) -> None:
    f = _soumise(enseignant)
    assert f.statut == StatutFiche.SOUMISE
    assert f.versions.get().soumise_le is not None
    with pytest.raises(ValidationError, match="en relecture"):
        services.fiche_modifier(fiche=f, titre="T", contenu={}, le=timezone.now())
    with pytest.raises(ValidationError, match="en relecture"):
        services.fiche_soumettre(fiche=f, le=timezone.now())


def test_only_the_referent_or_an_administrator_reviews(
    enseignant: Utilisateur, administrateur: Utilisateur, etudiant: Utilisateur
) -> None:
    f = _soumise(enseignant)
    collegue = Utilisateur.objects.create_user(
        email="paul@lycee-eiffel.example", role="enseignant", password="x"
    )
    for intrus in (collegue, etudiant):
        with pytest.raises(PermissionDenied):
            services.fiche_relire(
                fiche=f, avis=outils.tout(f, "conforme"), par=intrus, le=timezone.now()
            )
    services.fiche_relire(
        fiche=f, avis=outils.tout(f, "conforme"), par=administrateur, le=timezone.now()
    )
    f.refresh_from_db()
    assert f.statut == StatutFiche.CONFORME


def test_a_field_to_fix_needs_a_comment_and_every_field_a_word(enseignant: Utilisateur) -> None:
    f = _soumise(enseignant)
    avis = outils.tout(f, "conforme")
    avis["clientele"] = ("a_corriger", "  ")
    del avis["adresse"]
    with pytest.raises(ValidationError) as refus:
        services.fiche_relire(fiche=f, avis=avis, par=enseignant, le=timezone.now())
    assert set(refus.value.message_dict) == {"clientele", "adresse"}
    assert "dites ce qu'il faut corriger" in refus.value.message_dict["clientele"][0]
    assert not AvisChamp.objects.exists()


def test_to_fix_then_a_new_version_then_conforme(enseignant: Utilisateur) -> None:
    f = _soumise(enseignant)
    avis = outils.tout(f, "conforme")
    avis["clientele"] = ("a_corriger", "Précisez les types de clients.")
    services.fiche_relire(fiche=f, avis=avis, par=enseignant, le=timezone.now())
    f.refresh_from_db()
    assert f.statut == StatutFiche.A_CORRIGER
    relue = f.versions.get()
    assert relue.relue_par == enseignant and relue.avis.count() == len(avis)
    # The fix is a new version; the reviewed one stays as it was read.
    services.fiche_modifier(
        fiche=f, titre=f.titre, contenu={"clientele": "Restaurateurs, cavistes."}, le=timezone.now()
    )
    f.refresh_from_db()
    assert f.statut == StatutFiche.BROUILLON
    v1, v2 = VersionFiche.objects.filter(fiche=f).order_by("numero")
    assert v1.contenu["clientele"] == "Texte de « Types de clientèle »."
    assert v2.contenu["clientele"] == "Restaurateurs, cavistes."
    assert v2.contenu["adresse"] == v1.contenu["adresse"]
    services.fiche_soumettre(fiche=f, le=timezone.now())
    services.fiche_relire(
        fiche=f, avis=outils.tout(f, "conforme"), par=enseignant, le=timezone.now()
    )
    f.refresh_from_db()
    assert f.statut == StatutFiche.CONFORME
    with pytest.raises(ValidationError, match="figée"):
        services.fiche_modifier(fiche=f, titre="T", contenu={}, le=timezone.now())
    with pytest.raises(ValidationError, match="figée"):
        services.annexe_deposer(
            fiche=f, flux=SimpleUploadedFile("o.pdf", outils.PDF), taille=9, le=timezone.now()
        )
    # Reopened by the référent: a third version, a draft again.
    services.fiche_rouvrir(fiche=f, par=enseignant, le=timezone.now() + timedelta(minutes=1))
    f.refresh_from_db()
    assert f.statut == StatutFiche.BROUILLON and f.versions.count() == 3
    # The trail: who did what to which version.
    assert [(e.action, e.donnees["version"], e.auteur) for e in f.evenements.all()] == [
        ("fiche_creation", 1, None),
        ("fiche_envoi", 1, None),
        ("fiche_relecture", 1, enseignant),
        ("fiche_envoi", 2, None),
        ("fiche_relecture", 2, enseignant),
        ("fiche_reouverture", 3, enseignant),
    ]


def test_a_reviewed_version_is_not_sent_again_unchanged(enseignant: Utilisateur) -> None:
    f = _soumise(enseignant)
    avis = outils.tout(f, "conforme")
    avis["bilan"] = ("a_corriger", "x")
    avis.pop("bilan")
    avis["points_forts"] = ("a_corriger", "Un exemple chiffré.")
    services.fiche_relire(fiche=f, avis=avis, par=enseignant, le=timezone.now())
    with pytest.raises(ValidationError, match="déjà été relue"):
        services.fiche_soumettre(fiche=f, le=timezone.now())


def test_only_a_sent_fiche_is_reviewed_and_only_a_conforme_one_reopened(
    enseignant: Utilisateur,
) -> None:
    f = outils.fiche(outils.eleve(referent=enseignant))
    with pytest.raises(ValidationError, match="n'attend pas"):
        services.fiche_relire(
            fiche=f, avis=outils.tout(f, "conforme"), par=enseignant, le=timezone.now()
        )
    with pytest.raises(ValidationError, match="Seule une fiche conforme"):
        services.fiche_rouvrir(fiche=f, par=enseignant, le=timezone.now())
